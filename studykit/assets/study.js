/* studykit study tools: the chapter study bar (mark as read, save for later) and the study home (continue where you
   left off, progress per chapter). The progress and course pages are in progress.js, which load.js fetches only
   on those pages and which uses the helpers this file shares as window.studykit.study.
   The HTML (studykit/study/templates) states what the build knows; this adds what only this browser knows.
   All data goes through window.studykit.store; formats in docs/architecture.md ("Study data"). The import check
   follows schemas/progress.schema.json (generated from studykit/study/export.py) rule for rule. */
(function () {
  "use strict";

  var STUDY = "studykit:study", RESULTS = "studykit:results", CARDS = "studykit:cards", EXAMS = "studykit:exams";
  var BEST = "studykit:quiz-best:", ANSWER = "studykit:quiz:", DAYS = 400, MAX_FILE = 5e6;
  var store = window.studykit.store;

  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }
  function text(el, value) { if (el) el.textContent = value; }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function has(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  function isObj(x) { return x !== null && typeof x === "object" && !Array.isArray(x); }
  function isMs(x) { return typeof x === "number" && x >= 0 && Math.floor(x) === x; }
  function isStr(x) { return typeof x === "string"; }
  function every(o, test) { return isObj(o) && Object.keys(o).every(function (k) { return test(o[k]); }); }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function day(d) { return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()); }

  /* ------------------------------------------------------------ the rules of each key (= progress.schema.json) */
  var records = {
    "studykit:study": function (x) {
      return isObj(x) && x.v === 1 && every(x.read, isMs) && every(x.saved, isMs) && Array.isArray(x.days) &&
        x.days.length <= DAYS && x.days.every(function (d) { return isStr(d) && /^\d{4}-\d\d-\d\d$/.test(d); }) &&
        (x.last === undefined || x.last === null || (isObj(x.last) && isStr(x.last.id) && isStr(x.last.url) &&
          isStr(x.last.title) && isMs(x.last.at) && Object.keys(x.last).length === 4)) &&
        Object.keys(x).every(function (k) { return /^(v|read|saved|last|days)$/.test(k); });
    },
    "studykit:results": function (x) {
      return isObj(x) && x.v === 1 && every(x.q, function (r) { return isObj(r) && typeof r.ok === "boolean" && isMs(r.at) && isStr(r.h); });
    },
    "studykit:exams": function (x) {
      return isObj(x) && x.v === 1 && Array.isArray(x.attempts) && x.attempts.every(function (a) { return isObj(a) && isMs(a.at); });
    },
    "studykit:cards": function (x) {
      return isObj(x) && x.v === 1 && every(x.cards, function (c) { return isObj(c) && isStr(c.h) && isMs(c.due); });
    },
    "studykit:seed": function (x) { return typeof x === "number" && Math.floor(x) === x; }
  };
  function valid(key, value) {
    if (key.indexOf("studykit:") !== 0) return false;
    if (has(records, key)) return records[key](value);
    if (key.indexOf(BEST) === 0) return isObj(value) && isMs(value.s) && isMs(value.t) && value.t >= 1;
    if (key.indexOf(ANSWER) === 0) return isObj(value) && Array.isArray(value.s) && value.s.every(isStr);
    return true; // another tool's key: carried as it is
  }
  function read(key) { var value = store.get(key); return value !== null && valid(key, value) ? value : null; }

  /* A record of an older version would be migrated here (version 1 is the first: nothing to migrate yet). */
  function study() { return read(STUDY) || { v: 1, read: {}, saved: {}, last: null, days: [] }; }
  function today(s) {
    var d = day(new Date());
    if (s.days.indexOf(d) < 0) s.days = s.days.concat(d).sort().slice(-DAYS);
    return s;
  }

  /* ------------------------------------------------------------ per chapter, from every tool's data */
  function stats(el) {
    var s = study(), results = read(RESULTS), id = el.getAttribute("data-study");
    var answered = {}, right = 0, total = 0;
    (el.getAttribute("data-quizzes") || "").split(" ").filter(Boolean).forEach(function (quiz) {
      Object.keys(results ? results.q : {}).forEach(function (k) { if (k.indexOf(quiz + "/") === 0) answered[k] = 1; });
      store.keys("quiz:" + quiz + "/").forEach(function (k) { answered[k.slice(ANSWER.length).replace(/\/[^/]*$/, "")] = 1; });
      var best = read(BEST + quiz);
      if (best) { right += best.s; total += best.t; }
    });
    return {
      read: has(s.read, id), saved: has(s.saved, id),
      answered: Math.min(Object.keys(answered).length, +el.getAttribute("data-total") || 0),
      total: +el.getAttribute("data-total") || 0,
      best: total ? Math.round((100 * right) / total) + "%" : ""
    };
  }

  /* ------------------------------------------------------------ the study bar of a chapter */
  function setupBar(bar) {
    var id = bar.getAttribute("data-study");
    var h1 = document.querySelector(".md-content h1");
    var s = today(study());
    s.last = { id: id, url: location.pathname, title: (h1 ? h1.textContent : document.title).trim(), at: Date.now() };
    store.set(STUDY, s);
    [["read", ".sk-studybar__read"], ["saved", ".sk-studybar__save"]].forEach(function (pair) {
      var button = bar.querySelector(pair[1]);
      button.setAttribute("aria-pressed", String(has(s[pair[0]], id)));
      button.addEventListener("click", function () {
        var now = today(study()), on = button.getAttribute("aria-pressed") !== "true";
        if (on) now[pair[0]][id] = Date.now(); else delete now[pair[0]][id];
        store.set(STUDY, now);
        button.setAttribute("aria-pressed", String(on));
      });
    });
    bar.querySelector(".sk-studybar__actions").hidden = false;
  }

  /* ------------------------------------------------------------ the study home */
  function describe(st) {
    return [st.read ? "Read" : "", st.answered ? st.answered + " of " + st.total + " questions answered" : "",
      st.best ? "best score " + st.best : "", st.saved ? "saved for later" : ""].filter(Boolean).join(" · ");
  }

  function setupHome(home) {
    var last = study().last, start = home.querySelector(".sk-home__start");
    var card = last && document.querySelector('.sk-chapter[data-study="' + last.id.replace(/["\\]/g, "") + '"]');
    if (!last || !start) return;
    start.href = card ? card.querySelector("a").href : last.url;
    text(start, "Continue: " + (card ? card.querySelector(".sk-chapter__title").textContent : last.title));
  }

  function setupCards(cards) {
    all(cards, "[data-study]").forEach(function (card) {
      var line = card.querySelector(".sk-chapter__progress"), st = stats(card), words = describe(st);
      text(line, words);
      line.hidden = !words;
      card.setAttribute("data-state", st.read ? "read" : "");
    });
  }

  /* ------------------------------------------------------------ shared with progress.js (loaded on the pages that need it) */
  window.studykit.study = {
    all: all, text: text, plural: plural, has: has, isObj: isObj, isStr: isStr, day: day, valid: valid, read: read,
    study: study, stats: stats, store: store,
    keys: { STUDY: STUDY, RESULTS: RESULTS, CARDS: CARDS, EXAMS: EXAMS, BEST: BEST, ANSWER: ANSWER, DAYS: DAYS, MAX_FILE: MAX_FILE }
  };

  /* ------------------------------------------------------------ every page, including instant navigation */
  var setups = [[".sk-studybar[data-study]", setupBar], [".sk-home", setupHome], [".sk-chapter-cards", setupCards]];
  function init() {
    setups.forEach(function (pair) {
      all(document, pair[0] + ":not([data-ready])").forEach(function (el) {
        el.setAttribute("data-ready", "");
        try { pair[1](el); } catch (e) { if (window.console) console.error(e); }
      });
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
