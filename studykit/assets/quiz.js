/* studykit quizzes: check answers, give feedback, keep score and save progress in localStorage.
   The HTML (studykit/render/templates) is complete without this file. Safety: text is only ever written with
   textContent, and server-rendered nodes are moved, never rebuilt from strings (no innerHTML). */
(function () {
  "use strict";

  var PREFIX = "studykit:quiz:";
  var BEST = "studykit:quiz-best:";
  var SEED = "studykit:seed";

  /* ------------------------------------------------------------ storage that never throws */
  var memory = {};
  var store = {
    get: function (key) {
      if (Object.prototype.hasOwnProperty.call(memory, key)) return memory[key];
      try {
        var raw = window.localStorage.getItem(key);
        return raw === null ? null : JSON.parse(raw);
      } catch (e) {
        return null; // private mode, blocked storage or a corrupt value: start fresh
      }
    },
    set: function (key, value) {
      memory[key] = value;
      try { window.localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* quota: keep in memory */ }
    },
    remove: function (key) {
      memory[key] = null;
      try { window.localStorage.removeItem(key); } catch (e) { /* nothing saved, nothing to remove */ }
    }
  };

  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }
  function text(el, value) { if (el) el.textContent = value; }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  /* ------------------------------------------------------------ stable per-student shuffling */
  function seed() {
    var value = store.get(SEED);
    if (typeof value !== "number") {
      value = Math.floor(Math.random() * 4294967296);
      store.set(SEED, value);
    }
    return value;
  }

  function random(key) { // mulberry32 seeded by the student's seed and the question
    var h = seed() ^ 2166136261;
    for (var i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
    return function () {
      h = (h + 0x6d2b79f5) | 0;
      var t = Math.imul(h ^ (h >>> 15), 1 | h);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
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
      if (q.hasAttribute("data-shuffle")) choiceType.shuffle(q);
    },
    shuffle: function (q) {
      var box = q.querySelector(".sk-choices");
      var items = all(box, ".sk-choice");
      var next = random(q.closest("[data-quiz]").getAttribute("data-quiz") + "/" + q.getAttribute("data-question"));
      for (var i = items.length - 1; i > 0; i--) {
        var j = Math.floor(next() * (i + 1));
        var swap = items[i]; items[i] = items[j]; items[j] = swap;
      }
      items.forEach(function (item, index) { // letters follow the new order everywhere the key is shown
        box.appendChild(item);
        var key = item.getAttribute("data-choice");
        all(q, "[data-label-for]").forEach(function (label) {
          if (label.getAttribute("data-label-for") === key) label.textContent = String.fromCharCode(97 + index);
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
      var many = answer.length > 1;
      if (grade.result === "right") return "Correct.";
      if (grade.result === "partial") {
        return "Partly correct: you found " + grade.right + " of " + grade.total + " correct answers" +
          (grade.wrong ? " and chose " + plural(grade.wrong, "wrong option") : "") + ". Correct answers: " + correct + ".";
      }
      return "Incorrect. Correct answer" + (many ? "s: " : ": ") + correct + ".";
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
  function answerOf(q) { return JSON.parse(q.getAttribute("data-answer")); }
  function keyOf(quizId, q) {
    return PREFIX + quizId + "/" + q.getAttribute("data-question") + "/" + q.getAttribute("data-hash");
  }

  function show(q, keys) {
    var type = typeOf(q);
    var answer = answerOf(q);
    var grade = type.grade(answer, keys);
    type.restore(q, keys);
    type.lock(q, true);
    type.mark(q, answer, keys);
    q.setAttribute("data-state", grade.result);
    var status = q.querySelector(".sk-question__status");
    status.setAttribute("data-state", grade.result);
    text(status, type.message(q, answer, grade));
    q.querySelector(".sk-question__actions").hidden = true;
    var details = q.querySelector(".sk-answer");
    details.hidden = false;
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
    q.querySelector(".sk-question__actions").hidden = false;
    var details = q.querySelector(".sk-answer");
    details.open = false;
    details.hidden = true;
  }

  /* ------------------------------------------------------------ one quiz */
  function setup(quiz) {
    quiz.setAttribute("data-ready", ""); // exactly once per widget, even if Material re-emits the same page
    var quizId = quiz.getAttribute("data-quiz");
    var questions = all(quiz, "[data-question]").filter(function (q) { return typeOf(q); });
    var score = quiz.querySelector(".sk-quiz__score");
    var summary = quiz.querySelector(".sk-quiz__summary");

    function update(finishedNow) {
      var answered = questions.filter(function (q) { return q.hasAttribute("data-state"); });
      var right = answered.filter(function (q) { return q.getAttribute("data-state") === "right"; }).length;
      var done = answered.length === questions.length;
      summary.hidden = !done;
      quiz.querySelector(".sk-quiz__retry").hidden = right === questions.length;
      if (!answered.length) {
        text(score, "");
      } else if (!done) {
        text(score, "Score: " + right + " of " + questions.length + " correct (" + answered.length + " of " +
          questions.length + " answered).");
      } else {
        text(score, "Quiz complete: " + right + " of " + questions.length + " correct (" +
          Math.round((100 * right) / questions.length) + "%).");
        var best = validBest(store.get(BEST + quizId));
        if (finishedNow && (!best || best.s / best.t <= right / questions.length)) {
          store.set(BEST + quizId, { s: right, t: questions.length });
        }
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
      show(q, keys);
      store.set(keyOf(quizId, q), { s: keys });
      var wasDone = questions.every(function (other) { return other.hasAttribute("data-state"); });
      update(wasDone);
      status.tabIndex = -1;
      status.focus();
    }

    function restart(which) {
      which.forEach(function (q) { store.remove(keyOf(quizId, q)); clear(q); });
      update(false);
      if (which.length) typeOf(which[0]).focus(which[0]);
    }

    questions.forEach(function (q) {
      typeOf(q).prepare(q);
      clear(q);
      q.querySelector(".sk-question__check").addEventListener("click", function () { check(q); });
      var saved = store.get(keyOf(quizId, q));
      if (saved && Object.prototype.toString.call(saved.s) === "[object Array]" && saved.s.length) show(q, saved.s.map(String));
    });
    quiz.querySelector(".sk-quiz__retry").addEventListener("click", function () {
      restart(questions.filter(function (q) { return q.getAttribute("data-state") !== "right"; }));
    });
    quiz.querySelector(".sk-quiz__reset").addEventListener("click", function () { restart(questions); });
    update(false);
  }

  /* ------------------------------------------------------------ quiz hub: best scores */
  function validBest(best) {
    return best && typeof best.s === "number" && typeof best.t === "number" && best.t > 0 ? best : null;
  }

  function fillBest(cell) {
    var best = validBest(store.get(BEST + cell.getAttribute("data-quiz-best")));
    text(cell, best ? best.s + " of " + best.t + " (" + Math.round((100 * best.s) / best.t) + "%)" : "Not tried yet");
  }

  /* ------------------------------------------------------------ every page, including instant navigation */
  function init() {
    all(document, "[data-quiz]:not([data-ready])").forEach(function (quiz) {
      try { setup(quiz); } catch (e) { if (window.console) console.error(e); } // one broken quiz spares the rest
    });
    all(document, "[data-quiz-best]").forEach(fillBest);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
