/* studykit quizzes: check answers, give feedback, keep score, save progress through window.studykit.store.
   The HTML (studykit/quiz/templates) is complete without this file. Safety: text is only ever written with
   textContent, and server-rendered nodes are moved, never rebuilt from strings (no innerHTML).
   window.studykit.quiz shares the graders and the results record with practice.js. */
(function () {
  "use strict";

  var PREFIX = "studykit:quiz:";
  var BEST = "studykit:quiz-best:";
  var RESULTS = "studykit:results";
  var store = window.studykit.store; // store.js comes first in extra_javascript

  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }
  function text(el, value) { if (el) el.textContent = value; }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function percent(right, total) { return Math.round((100 * right) / total) + "%"; }

  /* ------------------------------------------------------------ shuffling: stable per student, new per retry */
  function seed() {
    var value = store.get("studykit:seed");
    if (typeof value !== "number") {
      value = Math.floor(Math.random() * 4294967296);
      store.set("studykit:seed", value);
    }
    return value;
  }

  function random(key) { // mulberry32 seeded by the student's seed and the key
    var h = seed() ^ 2166136261;
    for (var i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
    return function () {
      h = (h + 0x6d2b79f5) | 0;
      var t = Math.imul(h ^ (h >>> 15), 1 | h);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function shuffled(items, next) { // a new array; never the same order as `items` when another exists
    var out = items.slice();
    for (var i = out.length - 1; i > 0; i--) {
      var j = Math.floor(next() * (i + 1));
      var swap = out[i]; out[i] = out[j]; out[j] = swap;
    }
    if (out.length > 1 && out.every(function (item, k) { return item === items[k]; })) out.push(out.shift());
    return out;
  }

  /* ------------------------------------------------------------ question types (one entry per type) */
  function labelFor(q, key) {
    var label = all(q, ".sk-choice [data-label-for]").filter(function (el) { return el.getAttribute("data-label-for") === key; })[0];
    if (label) return label.textContent;
    var choice = choiceEl(q, key);
    return choice ? choice.querySelector(".sk-choice__text").textContent : key;
  }

  function choiceEl(q, key) {
    return all(q, ".sk-choice").filter(function (el) { return el.getAttribute("data-choice") === key; })[0];
  }

  var choiceType = {
    prepare: function (q) {
      all(q, ".sk-answer__feedback li").forEach(function (item) { // per-option feedback moves next to its option
        var choice = choiceEl(q, item.getAttribute("data-feedback-for"));
        var feedback = item.querySelector(".sk-feedback");
        if (choice && feedback) {
          feedback.className = "sk-choice__feedback";
          feedback.hidden = true;
          choice.appendChild(feedback);
        }
      });
      all(q, ".sk-answer__feedback").forEach(function (list) { list.parentNode.removeChild(list); });
      if (q.hasAttribute("data-shuffle")) choiceType.shuffle(q, 0);
    },
    shuffle: function (q, round) {
      var box = q.querySelector(".sk-choices");
      var key = q.closest("[data-quiz]").getAttribute("data-quiz") + "/" + q.getAttribute("data-question");
      var items = shuffled(all(box, ".sk-choice"), random(round ? key + "/" + round : key));
      items.forEach(function (item, index) { // letters follow the new order everywhere the key is shown
        box.appendChild(item);
        var choice = item.getAttribute("data-choice");
        all(q, "[data-label-for]").forEach(function (label) {
          if (label.getAttribute("data-label-for") === choice) label.textContent = String.fromCharCode(97 + index);
        });
      });
    },
    selected: function (q) {
      return all(q, ".sk-choice__input").filter(function (input) { return input.checked; }).map(function (input) { return input.value; });
    },
    restore: function (q, keys) {
      all(q, ".sk-choice__input").forEach(function (input) { input.checked = keys.indexOf(input.value) >= 0; });
    },
    lock: function (q, locked) {
      all(q, ".sk-choice__input").forEach(function (input) { input.disabled = locked; });
    },
    grade: function (answer, keys) {
      var right = keys.filter(function (k) { return answer.indexOf(k) >= 0; }).length;
      var wrong = keys.length - right;
      var result = right === answer.length && wrong === 0 ? "right" : right > 0 ? "partial" : "wrong";
      return { result: result, right: right, wrong: wrong, total: answer.length };
    },
    message: function (q, answer, grade) {
      var correct = answer.map(function (k) { return labelFor(q, k); }).join(", ");
      if (grade.result === "right") return "Correct.";
      if (grade.result === "partial") {
        return "Partly correct: you found " + grade.right + " of " + grade.total + " correct answers" +
          (grade.wrong ? " and chose " + plural(grade.wrong, "wrong option") : "") + ". Correct answers: " + correct + ".";
      }
      return "Incorrect. Correct answer" + (answer.length > 1 ? "s: " : ": ") + correct + ".";
    },
    mark: function (q, answer, keys) {
      all(q, ".sk-choice").forEach(function (choice) {
        var key = choice.getAttribute("data-choice");
        var chosen = keys.indexOf(key) >= 0;
        var right = answer.indexOf(key) >= 0;
        var state = chosen ? (right ? "right" : "wrong") : right ? "missed" : "";
        choice.setAttribute("data-state", state);
        text(choice.querySelector(".sk-choice__mark"), {
          right: " Your answer: correct",
          wrong: " Your answer: incorrect",
          missed: answer.length > 1 ? " Correct answer: not chosen" : " Correct answer",
          "": ""
        }[state]);
        var feedback = choice.querySelector(".sk-choice__feedback");
        if (feedback) feedback.hidden = !chosen;
      });
    },
    unmark: function (q) {
      all(q, ".sk-choice").forEach(function (choice) {
        choice.removeAttribute("data-state");
        text(choice.querySelector(".sk-choice__mark"), "");
        var feedback = choice.querySelector(".sk-choice__feedback");
        if (feedback) feedback.hidden = true;
      });
    },
    focus: function (q) {
      var first = q.querySelector(".sk-choice__input");
      if (first) first.focus();
    }
  };

  var types = { single: choiceType, multiple: choiceType, true_false: choiceType };

  /* ------------------------------------------------------------ one question */
  function typeOf(q) { return types[q.getAttribute("data-type")]; }
  function keyOf(quizId, q) {
    return PREFIX + quizId + "/" + q.getAttribute("data-question") + "/" + q.getAttribute("data-hash");
  }
  function hide(el, hidden) { if (el) el.hidden = hidden; }

  /* Grade `keys`, lock the question and show the verdict; `answer` defaults to the question's data-answer. */
  function show(q, keys, answer) {
    var type = typeOf(q);
    answer = answer || JSON.parse(q.getAttribute("data-answer"));
    var grade = type.grade(answer, keys);
    type.restore(q, keys);
    type.lock(q, true);
    type.mark(q, answer, keys);
    q.setAttribute("data-state", grade.result);
    var status = q.querySelector(".sk-question__status");
    status.setAttribute("data-state", grade.result);
    text(status, type.message(q, answer, grade));
    hide(q.querySelector(".sk-question__actions"), true);
    var details = q.querySelector(".sk-answer");
    hide(details, false);
    details.open = true;
    text(details.querySelector("summary"), "Answer and explanation");
    return grade.result;
  }

  function clear(q) {
    var type = typeOf(q);
    type.unmark(q);
    type.restore(q, []);
    type.lock(q, false);
    q.removeAttribute("data-state");
    var status = q.querySelector(".sk-question__status");
    status.removeAttribute("data-state");
    text(status, "");
    hide(q.querySelector(".sk-question__actions"), false);
    var details = q.querySelector(".sk-answer");
    details.open = false;
    details.hidden = true;
  }

  /* The last outcome of every question answered anywhere: "My mistakes" in practice reads it. */
  function record(id, hash, ok) {
    var results = store.get(RESULTS);
    if (!results || results.v !== 1 || !results.q || typeof results.q !== "object") results = { v: 1, q: {} };
    results.q[id] = { ok: ok, at: Date.now(), h: hash };
    store.set(RESULTS, results);
  }

  /* ------------------------------------------------------------ one quiz */
  function setup(quiz) {
    quiz.setAttribute("data-ready", ""); // exactly once per widget, even if Material re-emits the same page
    var quizId = quiz.getAttribute("data-quiz");
    var questions = all(quiz, "[data-question]").filter(function (q) { return typeOf(q); });
    var score = quiz.querySelector(".sk-quiz__score");
    var result = quiz.querySelector(".sk-quiz__result");
    var retry = quiz.querySelector(".sk-quiz__retry");
    var reset = quiz.querySelector(".sk-quiz__reset");
    var confirm = quiz.querySelector(".sk-quiz__confirm");
    var rounds = 0;

    function update(finishedNow) {
      var answered = questions.filter(function (q) { return q.hasAttribute("data-state"); });
      var right = answered.filter(function (q) { return q.getAttribute("data-state") === "right"; }).length;
      var done = answered.length === questions.length;
      var total = questions.length;
      retry.hidden = !done || right === total;
      var line = !answered.length ? "" : !done
        ? "Score: " + right + " of " + total + " correct (" + answered.length + " of " + total + " answered)."
        : "Quiz complete: " + right + " of " + total + " correct (" + percent(right, total) + ").";
      text(score, line);
      text(result, done ? line : "");
      if (done && finishedNow) {
        var best = validBest(store.get(BEST + quizId));
        if (!best || best.s / best.t <= right / total) store.set(BEST + quizId, { s: right, t: total });
      }
    }

    function check(q) {
      var keys = typeOf(q).selected(q);
      var status = q.querySelector(".sk-question__status");
      if (!keys.length) {
        status.setAttribute("data-state", "empty");
        text(status, "Choose an answer first.");
        return;
      }
      record(quizId + "/" + q.getAttribute("data-question"), q.getAttribute("data-hash"), show(q, keys) === "right");
      store.set(keyOf(quizId, q), { s: keys });
      update(questions.every(function (other) { return other.hasAttribute("data-state"); }));
      status.tabIndex = -1;
      status.focus();
    }

    function restart(which, reshuffle) {
      rounds++;
      which.forEach(function (q) {
        store.remove(keyOf(quizId, q));
        clear(q);
        if (reshuffle && q.hasAttribute("data-shuffle")) typeOf(q).shuffle(q, rounds);
      });
      update(false);
      if (which.length) typeOf(which[0]).focus(which[0]);
    }

    function asking(on) {
      confirm.hidden = !on;
      reset.parentNode.hidden = on;
      (on ? confirm.querySelector(".sk-quiz__no") : reset).focus();
    }

    questions.forEach(function (q) {
      typeOf(q).prepare(q);
      clear(q);
      q.querySelector(".sk-question__check").addEventListener("click", function () { check(q); });
      var saved = store.get(keyOf(quizId, q));
      if (saved && Object.prototype.toString.call(saved.s) === "[object Array]" && saved.s.length) show(q, saved.s.map(String));
    });
    retry.addEventListener("click", function () {
      restart(questions.filter(function (q) { return q.getAttribute("data-state") !== "right"; }), true);
    });
    reset.addEventListener("click", function () { asking(true); });
    confirm.querySelector(".sk-quiz__no").addEventListener("click", function () { asking(false); });
    confirm.addEventListener("keydown", function (event) { if (event.key === "Escape") asking(false); });
    confirm.querySelector(".sk-quiz__yes").addEventListener("click", function () {
      confirm.hidden = true;
      reset.parentNode.hidden = false;
      restart(questions, false);
    });
    update(false);
  }

  /* ------------------------------------------------------------ quiz hub: progress, best scores, totals */
  function validBest(best) {
    return best && typeof best.s === "number" && typeof best.t === "number" && best.t > 0 ? best : null;
  }

  function answered(quizId, keys) {
    return keys.filter(function (key) {
      var saved = store.get(PREFIX + quizId + "/" + key);
      return saved && saved.s && saved.s.length;
    }).length;
  }

  function fillHub() {
    var sum = 0;
    all(document, "[data-quiz-best]").forEach(function (cell) {
      var quizId = cell.getAttribute("data-quiz-best");
      var keys = JSON.parse(cell.getAttribute("data-keys") || "[]");
      var done = answered(quizId, keys);
      var best = validBest(store.get(BEST + quizId));
      var parts = done ? [done + " of " + keys.length + " answered"] : [];
      if (best) parts.push((done ? "best " : "Best: ") + best.s + " of " + best.t + " (" + percent(best.s, best.t) + ")");
      text(cell, parts.join(" · ") || "Not tried yet");
      sum += done;
    });
    all(document, "[data-quiz-total]").forEach(function (cell) {
      text(cell, sum + " of " + cell.getAttribute("data-quiz-total") + " answered");
    });
  }

  /* ------------------------------------------------------------ every page, including instant navigation */
  function storageNote() {
    all(document, ".sk-storage").forEach(function (el) { text(el, store.message()); });
  }

  function init() {
    all(document, "[data-quiz]:not([data-ready])").forEach(function (quiz) {
      try { setup(quiz); } catch (e) { if (window.console) console.error(e); } // one broken quiz spares the rest
    });
    fillHub();
    storageNote();
  }

  window.studykit.quiz = { types: types, show: show, record: record, shuffled: shuffled, storageNote: storageNote };
  document.addEventListener("studykit:storage", storageNote);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
