/* studykit practice page: practice sessions, timed exams and "My mistakes" from the build's question bank
   (assets/studykit/data/questions.json, see studykit/quiz/data.py). Questions are built with the same markup as
   the quizzes and graded by quiz.js (window.studykit.quiz). In an exam the answers stay in this script until the
   end: nothing in the page says which option is right before the student finishes.
   Safety: the bank's text is HTML the build already sanitised; it is still parsed inert (DOMParser) and rebuilt
   element by element from the few inline tags the build emits, never assigned with innerHTML. */
(function () {
  "use strict";

  var store = window.studykit.store;
  var EXAMS = "studykit:exams";
  var TAGS = { P: 1, EM: 1, STRONG: 1, CODE: 1, BR: 1, A: 1 };
  var MODES = { practice: "Practice", exam: "Exam", mistakes: "My mistakes" };
  var bank = null;
  var made = 0;

  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }
  function el(parent, tag, cls, words) {
    var node = parent.appendChild(document.createElement(tag));
    if (cls) node.className = cls;
    if (words != null) node.textContent = words;
    return node;
  }
  function score(right, total) { return right + " of " + total + " (" + Math.round((100 * right) / total) + "%)"; }
  function grid(parent, caption, head, rows) { // a table whose rows are headed by their first cell
    var table = el(parent, "table");
    el(table, "caption", null, caption);
    var line = el(el(table, "thead"), "tr");
    head.forEach(function (name) { el(line, "th", null, name).scope = "col"; });
    var body = el(table, "tbody");
    rows.forEach(function (cells) {
      line = el(body, "tr");
      cells.forEach(function (cell, n) { if (!n) el(line, "th", null, cell).scope = "row"; else el(line, "td", null, cell); });
    });
  }

  /* HTML from the bank as nodes: only the inline tags the build writes, links resolved against the site root */
  function rich(parent, html, root) {
    (function copy(from, to) {
      Array.prototype.forEach.call(from.childNodes, function (node) {
        if (node.nodeType === 3) to.appendChild(document.createTextNode(node.data));
        if (node.nodeType !== 1) return;
        var target = TAGS[node.tagName] ? el(to, node.tagName) : to;
        if (node.tagName === "A") {
          var url = new URL(node.getAttribute("href") || "", root);
          if (/^(https?|mailto):$/.test(url.protocol)) target.href = url.href;
          ["class", "data-term", "data-short"].forEach(function (name) {
            if (node.hasAttribute(name)) target.setAttribute(name, node.getAttribute(name));
          });
        }
        copy(node, target);
      });
    })(new DOMParser().parseFromString(html, "text/html").body, parent);
  }

  function load(root, then, fail) {
    if (bank) return then(bank);
    fetch(root + "assets/studykit/data/questions.json").then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    }).then(function (data) { bank = data; then(bank); }, fail);
  }

  /* ------------------------------------------------------------ one practice section */
  function setup(section) {
    section.setAttribute("data-ready", "");
    var api = window.studykit.quiz;
    var root = new URL(section.getAttribute("data-practice"), location.href).href;
    var form = section.querySelector(".sk-practice__setup");
    var status = section.querySelector(".sk-practice__status");
    var past = section.querySelector(".sk-practice__history");
    var run = section.querySelector(".sk-practice__run");
    var everyChapter = form.querySelector('[value="all"]');
    var chapters = all(form, '[data-group="chapters"] input').filter(function (box) { return box !== everyChapter; });
    var timer = 0;

    function group(name) { return form.querySelector('[data-group="' + name + '"]'); }
    function picked(name) {
      return all(group(name), "input:checked").map(function (input) { return input.value; });
    }
    function say(words) { status.textContent = words; }
    function modeChanged() {
      var mode = picked("mode")[0];
      group("limit").disabled = mode !== "exam";
      ["chapters", "level", "count"].forEach(function (name) { group(name).disabled = mode === "mistakes"; });
    }

    section.querySelector(".sk-practice__nojs").hidden = true;
    form.hidden = false;
    everyChapter.addEventListener("change", function () {
      chapters.forEach(function (box) { box.checked = everyChapter.checked; });
    });
    chapters.forEach(function (box) {
      box.addEventListener("change", function () {
        everyChapter.checked = chapters.every(function (other) { return other.checked; });
      });
    });
    all(group("mode"), "input").forEach(function (input) { input.addEventListener("change", modeChanged); });
    modeChanged();
    form.querySelector(".sk-practice__start").addEventListener("click", function () {
      say("Loading the questions…");
      load(root, start, function () { say("The questions could not be loaded. Check your connection and try again."); });
    });
    showHistory();

    function showHistory() {
      var attempts = ((store.get(EXAMS) || {}).attempts || []).slice(-5).reverse();
      past.hidden = !attempts.length;
      past.textContent = "";
      if (!attempts.length) return;
      grid(past, "Your recent sessions", ["Date", "Mode", "Score"], attempts.map(function (attempt) {
        return [new Date(attempt.at).toLocaleString(), MODES[attempt.mode] || attempt.mode, score(attempt.right, attempt.total)];
      }));
    }

    function start(data) {
      var mode = picked("mode")[0];
      var results = (store.get("studykit:results") || {}).q || {};
      var wanted = picked("chapters");
      var levels = picked("level");
      var items = [];
      data.quizzes.forEach(function (quiz) {
        quiz.questions.forEach(function (q) {
          var last = results[quiz.id + "/" + q.id];
          if (mode === "mistakes" ? last && last.ok === false && last.h === q.hash
            : wanted.indexOf(quiz.id) >= 0 && levels.indexOf(q.level) >= 0) items.push({ quiz: quiz, q: q });
        });
      });
      if (!items.length) {
        return say(mode === "mistakes"
          ? "No mistakes to review: every question you got wrong, you have since got right."
          : "No question matches these choices: pick more chapters or difficulties.");
      }
      items = api.shuffled(items, Math.random);
      var count = picked("count")[0];
      if (mode !== "mistakes" && count !== "all") items = items.slice(0, +count);
      session(mode, items, mode === "exam" ? +picked("limit")[0] : 0, mode === "mistakes" ? [] : wanted);
    }

    /* ------------------------------------------------------------ a session */
    function session(mode, items, limit, chosen) {
      clearInterval(timer);
      say("");
      form.hidden = past.hidden = true;
      run.hidden = false;
      run.textContent = "";
      var exam = mode === "exam";
      var title = el(run, "h2", "sk-practice__title", MODES[mode] + ": " + items.length +
        " question" + (items.length === 1 ? "" : "s") + (limit ? ", " + limit + " min" : ""));
      title.tabIndex = -1;
      var clock = limit ? el(run, "p", "sk-practice__timer") : null;
      items.forEach(function (item, index) { build(item, index, items.length, exam); });
      var finish = el(el(run, "p"), "button", "sk-practice__finish", exam ? "Finish the exam" : "Finish");
      finish.type = "button";
      finish.addEventListener("click", function () { end(false); });
      title.focus();

      if (clock) {
        var deadline = Date.now() + limit * 60000;
        var told = {};
        clock.setAttribute("aria-hidden", "true");
        say("The exam has started. Time limit: " + limit + " minute" + (limit === 1 ? "" : "s") + ".");
        var tick = function () {
          if (!section.isConnected) return clearInterval(timer);
          var left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
          clock.textContent = "Time left " + Math.floor(left / 60) + ":" + ("0" + (left % 60)).slice(-2);
          [5, 1].forEach(function (minutes) {
            if (left <= minutes * 60 && limit > minutes && !told[minutes]) {
              told[minutes] = true;
              say(minutes + " minute" + (minutes === 1 ? "" : "s") + " left.");
            }
          });
          if (!left) end(true);
        };
        tick();
        timer = setInterval(tick, 1000);
      }

      function build(item, index, total, hideAnswers) {
        var q = el(run, "div", "sk-question");
        var name = "sk-practice-" + ++made;
        var type = item.q.type;
        q.setAttribute("data-question", item.q.id);
        q.setAttribute("data-type", type);
        q.setAttribute("data-hash", item.q.hash);
        item.el = q;
        var legend = el(el(q, "fieldset", "sk-question__fieldset"), "legend", "sk-question__legend");
        var number = el(legend, "span", "sk-question__number", "Question " + (index + 1) + " of " + total + " · " + item.quiz.chapter + " ");
        var level = el(number, "span", "sk-level");
        level.setAttribute("data-level", item.q.level);
        el(level, "span", "sk-sr", "Difficulty: ");
        level.appendChild(document.createTextNode(item.q.level));
        rich(el(legend, "span", "sk-question__prompt"), item.q.prompt, root);
        if (type === "multiple") el(legend, "span", "sk-question__hint", " Select all that apply.");
        var box = el(legend.parentNode, "div", "sk-choices");
        var choices = type === "true_false" ? [{ key: "true", text: "True" }, { key: "false", text: "False" }] : item.q.choices;
        if (type !== "true_false" && item.q.shuffle !== false) choices = api.shuffled(choices, Math.random);
        choices.forEach(function (choice, position) {
          var row = el(box, "div", "sk-choice");
          row.setAttribute("data-choice", choice.key);
          var input = el(row, "input", "sk-choice__input");
          input.type = type === "multiple" ? "checkbox" : "radio";
          input.name = name;
          input.id = name + "-" + position;
          input.value = choice.key;
          var label = el(row, "label", "sk-choice__label");
          label.htmlFor = input.id;
          if (choice.html) {
            el(label, "span", "sk-choice__key", String.fromCharCode(97 + position)).setAttribute("data-label-for", choice.key);
            label.appendChild(document.createTextNode(" "));
            rich(el(label, "span", "sk-choice__text"), choice.html, root);
          } else {
            el(label, "span", "sk-choice__text", choice.text);
          }
          el(label, "span", "sk-choice__mark");
        });
        if (!hideAnswers) {
          var check = el(el(q, "p", "sk-question__actions"), "button", "sk-question__check", "Check");
          check.type = "button";
          check.addEventListener("click", function () {
            item.keys = api.types[type].selected(q);
            if (!item.keys.length) {
              state.setAttribute("data-state", "empty");
              state.textContent = "Choose an answer first.";
              return;
            }
            reveal(item);
            state.tabIndex = -1;
            state.focus();
          });
        }
        var state = el(q, "p", "sk-question__status");
        state.setAttribute("role", "status");
      }

      function reveal(item) {
        var q = item.el;
        (item.q.choices || []).forEach(function (choice) {
          if (!choice.feedback) return;
          var feedback = el(q.querySelector('[data-choice="' + choice.key + '"]'), "span", "sk-choice__feedback");
          feedback.hidden = true;
          rich(feedback, choice.feedback, root);
        });
        var answer = el(q, "div", "sk-answer");
        rich(el(answer, "div", "sk-answer__explanation"), item.q.explanation, root);
        if (item.q.review) {
          el(el(answer, "p", "sk-answer__review"), "a", null, "Review: " + item.q.review.title).href = new URL(item.q.review.href, root).href;
        }
        item.result = api.show(q, item.keys, item.q.answer);
        if (item.keys.length) api.record(item.quiz.id + "/" + item.q.id, item.q.hash, item.result === "right");
        else q.querySelector(".sk-question__status").textContent = "Not answered. Correct answer" + (item.q.answer.length > 1 ? "s" : "") + ": " +
          item.q.answer.map(function (key) {
            var label = q.querySelector('.sk-choice[data-choice="' + key + '"] .sk-choice__key, .sk-choice[data-choice="' + key + '"] .sk-choice__text');
            return label.textContent;
          }).join(", ") + ".";
      }

      function end(timeUp) {
        clearInterval(timer);
        var right = 0;
        var byChapter = {};
        items.forEach(function (item) {
          if (!item.result) {
            item.keys = api.types[item.q.type].selected(item.el);
            reveal(item);
          }
          var ok = item.result === "right";
          var tally = byChapter[item.quiz.id] = byChapter[item.quiz.id] || { right: 0, total: 0, chapter: item.quiz.chapter };
          tally.total++;
          if (ok) right++;
          if (ok) tally.right++;
          if (ok) run.removeChild(item.el); else run.appendChild(item.el); // only missed questions stay, in order
        });
        var attempts = ((store.get(EXAMS) || {}).attempts || []).slice(-49);
        var perChapter = {};
        Object.keys(byChapter).forEach(function (id) { perChapter[id] = { right: byChapter[id].right, total: byChapter[id].total }; });
        attempts.push({ at: Date.now(), mode: mode, chapters: chosen, total: items.length, right: right, perChapter: perChapter, limit: limit, timeUp: timeUp });
        store.set(EXAMS, { v: 1, attempts: attempts });

        if (clock) run.removeChild(clock);
        finish.parentNode.parentNode.removeChild(finish.parentNode);
        var result = document.createElement("div");
        result.className = "sk-practice__result";
        run.insertBefore(result, title.nextSibling);
        title.textContent = (timeUp ? "Time is up. " : "") + "Your score: " + score(right, items.length);
        if (timeUp) say("Time is up.");
        grid(result, "Score by chapter", ["Chapter", "Score"], Object.keys(byChapter).map(function (id) {
          return [byChapter[id].chapter, score(byChapter[id].right, byChapter[id].total)];
        }));
        var missed = items.filter(function (item) { return item.result !== "right"; });
        el(result, "h3", null, missed.length ? "Questions you missed: " + missed.length : "You got every question right.");
        var again = el(run, "p");
        if (missed.length) {
          var retry = el(again, "button", null, "Practise the ones I missed");
          retry.type = "button";
          retry.addEventListener("click", function () { session("practice", api.shuffled(missed, Math.random), 0, chosen); });
        }
        var fresh = el(again, "button", null, "New session");
        fresh.type = "button";
        fresh.addEventListener("click", function () {
          run.hidden = true;
          form.hidden = false;
          showHistory();
          form.querySelector(".sk-practice__start").focus();
        });
        title.focus();
      }
    }
  }

  function init() {
    all(document, "[data-practice]:not([data-ready])").forEach(function (section) {
      try { setup(section); } catch (e) { if (window.console) console.error(e); }
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
