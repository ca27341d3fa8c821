/* studykit progress and course pages: totals, streak, saved pages, export, import (check, then merge) and reset;
   each course step's state. Loaded only on pages that have them (load.js), after study.js, whose helpers and
   storage rules it uses (window.studykit.study). The import check follows schemas/progress.schema.json. */
(function () {
  "use strict";

  var s$ = window.studykit.study, k$ = s$.keys, store = s$.store;
  var all = s$.all, text = s$.text, plural = s$.plural, has = s$.has, isObj = s$.isObj, isStr = s$.isStr;
  var day = s$.day, valid = s$.valid, read = s$.read, study = s$.study, stats = s$.stats;
  var RESULTS = k$.RESULTS, CARDS = k$.CARDS, EXAMS = k$.EXAMS, BEST = k$.BEST, ANSWER = k$.ANSWER;
  var DAYS = k$.DAYS, MAX_FILE = k$.MAX_FILE;

  /* ------------------------------------------------------------ the progress page */
  function streak(s) {
    var days = {}, d = new Date(), count = 0;
    s.days.forEach(function (x) { days[x] = 1; });
    var results = read(RESULTS), exams = read(EXAMS);
    if (results) Object.keys(results.q).forEach(function (k) { days[day(new Date(results.q[k].at))] = 1; });
    if (exams) exams.attempts.forEach(function (a) { days[day(new Date(a.at))] = 1; });
    if (!days[day(d)]) d.setDate(d.getDate() - 1); // today may still come
    while (days[day(d)]) { count++; d.setDate(d.getDate() - 1); }
    return count;
  }

  function fill(root) {
    var rows = all(root, "tr[data-study]"), read_ = 0, answered = 0, total = 0, saved = root.querySelector(".sk-progress__saved");
    while (saved.firstChild) saved.removeChild(saved.firstChild);
    rows.forEach(function (row) {
      var st = stats(row);
      read_ += st.read ? 1 : 0; answered += st.answered; total += st.total;
      text(row.querySelector(".sk-progress__read"), st.read ? "Read" : "Not yet");
      text(row.querySelector(".sk-progress__answered"), st.total ? st.answered + " of " + st.total : "–");
      text(row.querySelector(".sk-progress__best"), st.best || "–");
      if (st.saved) {
        var item = document.createElement("li");
        item.appendChild(row.querySelector("a").cloneNode(true));
        saved.appendChild(item);
      }
    });
    root.querySelector(".sk-progress__none").hidden = saved.children.length > 0;
    var cards = read(CARDS), due = 0, now = Date.now();
    if (cards) Object.keys(cards.cards).forEach(function (k) { if (cards.cards[k].due <= now) due++; });
    var days = streak(study());
    text(root.querySelector(".sk-progress__totals"), read_ + " of " + plural(rows.length, "chapter") + " read · " +
      answered + " of " + plural(total, "question") + " answered · " + "study streak: " + plural(days, "day"));
    var box = root.querySelector(".sk-progress__cards");
    if (box) { box.hidden = false; text(box.querySelector(".sk-progress__due"), plural(due, "card") + " due now"); }
  }

  /* merging an import: for each record keep the newer entry; unions for read/saved/days; max for best scores */
  function when(x) { return x.at || x.last || 0; } // last: a flashcard's last review
  function newer(a, b) { return isObj(a) && isObj(b) ? when(b) > when(a) : !a; }
  function byKey(a, b) {
    var out = {};
    Object.keys(a).forEach(function (k) { out[k] = a[k]; });
    Object.keys(b).forEach(function (k) { if (!has(out, k) || newer(out[k], b[k])) out[k] = b[k]; });
    return out;
  }
  function latest(a, b) { return Object.keys(b).reduce(function (o, k) { o[k] = Math.max(o[k] || 0, b[k]); return o; }, byKey(a, {})); }
  var merges = {
    "studykit:study": function (a, b) {
      return { v: 1, read: latest(a.read, b.read), saved: latest(a.saved, b.saved), last: newer(a.last, b.last) ? b.last : a.last,
        days: a.days.concat(b.days).filter(function (d, i, list) { return list.indexOf(d) === i; }).sort().slice(-DAYS) };
    },
    "studykit:results": function (a, b) { var out = byKey(a, {}); out.q = byKey(a.q, b.q); return out; },
    "studykit:cards": function (a, b) { var out = byKey(a, {}); out.cards = byKey(a.cards, b.cards); return out; },
    "studykit:exams": function (a, b) {
      var seen = {}, out = byKey(a, {});
      out.attempts = a.attempts.concat(b.attempts).filter(function (x) { var k = JSON.stringify(x); return seen[k] ? false : (seen[k] = 1); })
        .sort(function (x, y) { return x.at - y.at; }).slice(-50);
      return out;
    }
  };
  function merge(key, mine, theirs) {
    if (mine === null) return theirs;
    if (has(merges, key)) return merges[key](mine, theirs);
    if (key.indexOf(BEST) === 0) return theirs.s / theirs.t > mine.s / mine.t ? theirs : mine;
    return mine; // no time to compare (an answer, the shuffle seed): this browser's stays
  }

  /* why a file cannot be imported, or "" */
  function problem(file, site) {
    if (!isObj(file) || file.format !== "studykit-progress") return "This file is not a progress export of this guide.";
    if (typeof file.v !== "number" || file.v > 1) return "This file was exported by a newer version of the guide; update this copy first.";
    if (file.v !== 1 || !isStr(file.exported) || !isStr(file.site) || !isObj(file.data)) return "This file is damaged: it is not a complete progress export.";
    if (file.site !== site) return "This file holds progress for “" + file.site + "”, not for this guide.";
    var bad = Object.keys(file.data).filter(function (k) { return !valid(k, file.data[k]); })[0];
    return bad ? "This file is damaged: the entry “" + bad + "” is not in the expected format." : "";
  }

  function setupProgress(root) {
    var status = root.querySelector(".sk-progress__status"), site = root.getAttribute("data-site") || "";
    function say(message) { text(status, ""); setTimeout(function () { text(status, message); }, 50); }

    root.querySelector(".sk-progress__export").addEventListener("click", function () {
      var data = {};
      store.keys().forEach(function (k) { var v = store.get(k); if (v !== null && valid(k, v)) data[k] = v; });
      var file = { format: "studykit-progress", v: 1, site: site, exported: new Date().toISOString(), data: data };
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([JSON.stringify(file, null, 1)], { type: "application/json" }));
      link.download = "study-progress-" + day(new Date()) + ".json";
      document.body.appendChild(link);
      link.click();
      link.parentNode.removeChild(link);
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
      say("Your progress was saved to the file " + link.download + ".");
    });

    var input = document.createElement("input");
    input.type = "file";
    input.accept = ".json,application/json";
    input.hidden = true;
    input.className = "sk-progress__file";
    input.setAttribute("aria-label", "Progress file to import");
    root.appendChild(input);
    root.querySelector(".sk-progress__import").addEventListener("click", function () { input.click(); });
    input.addEventListener("change", function () {
      var chosen = input.files && input.files[0];
      input.value = "";
      if (!chosen) return;
      if (chosen.size > MAX_FILE) { say("This file is too large to be a progress export. Nothing was changed."); return; }
      var reader = new FileReader();
      reader.onload = function () {
        var file = null;
        try { file = JSON.parse(String(reader.result)); } catch (e) { /* reported below */ }
        var why = problem(file, site);
        if (why) { say(why + " Nothing was changed."); return; }
        var merged = {};
        Object.keys(file.data).forEach(function (k) { merged[k] = merge(k, read(k), file.data[k]); });
        var kept = Object.keys(merged).map(function (k) { return store.set(k, merged[k]); }).indexOf(false) < 0;
        fill(root);
        say(kept ? "Imported the progress exported on " + file.exported.slice(0, 10) + ". Where both held an entry, the newer one was kept."
          : store.message());
      };
      reader.onerror = function () { say("The file could not be read. Nothing was changed."); };
      reader.readAsText(chosen);
    });

    root.querySelector(".sk-progress__reset").addEventListener("click", function () {
      if (!window.confirm("Delete all your study data in this browser (pages read and saved, answers, scores, flashcards)? Export it first if you may want it back.")) return;
      store.keys().forEach(function (k) { store.remove(k); });
      fill(root);
      say("All study data in this browser was deleted.");
    });
    root.querySelector(".sk-progress__nojs").hidden = true;
    root.querySelector(".sk-progress__body").hidden = false;
    fill(root);
  }

  /* ------------------------------------------------------------ a course page: each step's state, the print button */
  function setupCourse(course) {
    var s = study(), results = read(RESULTS), cards = read(CARDS), items = all(course, ".sk-course__item"), done = 0;
    items.forEach(function (item) {
      var id = item.getAttribute("data-study"), quiz = item.getAttribute("data-course-quiz"), deck = item.getAttribute("data-deck");
      var state = "", finished = false, line = item.querySelector(".sk-course__state");
      if (id) {
        finished = has(s.read, id);
        state = finished ? "read" : "";
      } else if (quiz) {
        var asked = (item.getAttribute("data-questions") || "").split(" ").filter(Boolean), seen = {};
        store.keys("quiz:" + quiz + "/").forEach(function (k) { seen[k.slice(ANSWER.length + quiz.length + 1).replace(/\/[^/]*$/, "")] = 1; });
        var answered = asked.filter(function (q) { return seen[q] || (results && has(results.q, quiz + "/" + q)); }).length;
        finished = asked.length > 0 && answered === asked.length;
        state = answered ? answered + " of " + asked.length + " answered" : "";
      } else if (deck) {
        var total = +item.getAttribute("data-cards") || 0;
        var studied = cards ? Object.keys(cards.cards).filter(function (k) { return k.indexOf(deck + "/") === 0; }).length : 0;
        finished = total > 0 && studied >= total;
        state = studied ? Math.min(studied, total) + " of " + plural(total, "card") + " studied" : "";
      }
      text(line, state ? " · " + state : "");
      line.hidden = !state;
      item.setAttribute("data-state", finished ? "done" : "");
      done += finished ? 1 : 0;
    });
    var progress = course.querySelector(".sk-course__progress"), button = course.querySelector(".sk-course__print");
    text(progress, "Your progress: " + done + " of " + plural(items.length, "step") + " done");
    progress.hidden = false;
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  }

  var setups = [[".sk-progress", setupProgress], [".sk-course", setupCourse]];
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
