/* studykit storage: the one place that reads and writes the student's data in localStorage.
   Every study tool (quizzes, practice, flashcards, progress) goes through window.studykit.store, so all of them
   survive blocked storage (private mode, a locked-down browser) and a full quota the same way: values are kept
   in memory for this visit and `problem()` says why they will not last, for the tool to tell the student.
   Keys all start with "studykit:"; their formats are documented in docs/architecture.md ("Study data"). */
(function () {
  "use strict";

  var PREFIX = "studykit:";
  var memory = {};
  var trouble = null; // null, "blocked" or "full"

  function flag(kind) {
    if (trouble === kind) return;
    trouble = kind;
    try { document.dispatchEvent(new CustomEvent("studykit:storage", { detail: kind })); } catch (e) { /* old browser */ }
  }

  function local() {
    try { return window.localStorage; } catch (e) { flag("blocked"); return null; }
  }

  var store = {
    /* the parsed value under `key`, or null when absent, unreadable or corrupt */
    get: function (key) {
      if (Object.prototype.hasOwnProperty.call(memory, key)) return memory[key];
      var storage = local();
      if (!storage) return null;
      try {
        var raw = storage.getItem(key);
        return raw === null ? null : JSON.parse(raw);
      } catch (e) {
        return null;
      }
    },
    /* true when saved for good; false when only kept in memory (see problem()) */
    set: function (key, value) {
      memory[key] = value;
      var storage = local();
      if (!storage) return false;
      try {
        storage.setItem(key, JSON.stringify(value));
        delete memory[key];
        return true;
      } catch (e) {
        flag(e && (e.name === "QuotaExceededError" || e.code === 22) ? "full" : "blocked");
        return false;
      }
    },
    remove: function (key) {
      memory[key] = null;
      var storage = local();
      if (!storage) return;
      try { storage.removeItem(key); delete memory[key]; } catch (e) { /* nothing saved, nothing to remove */ }
    },
    /* every studykit key saved (or held in memory), optionally only those starting with PREFIX + `start` */
    keys: function (start) {
      var begin = PREFIX + (start || "");
      var found = {};
      var storage = local();
      if (storage) {
        try {
          for (var i = 0; i < storage.length; i++) {
            var key = storage.key(i);
            if (key && key.indexOf(begin) === 0) found[key] = true;
          }
        } catch (e) { /* blocked mid-way: what was read stands */ }
      }
      Object.keys(memory).forEach(function (key) {
        if (key.indexOf(begin) !== 0) return;
        if (memory[key] === null) delete found[key]; else found[key] = true;
      });
      return Object.keys(found).sort();
    },
    /* null when storage works; "blocked" or "full" once a read or write has failed */
    problem: function () { return trouble; },
    message: function () {
      if (trouble === "full") return "Your browser's storage for this site is full, so new progress is kept only until you close this page.";
      if (trouble === "blocked") return "Your browser is blocking storage for this site (private mode or a privacy setting), so progress is kept only until you close this page.";
      return "";
    }
  };

  window.studykit = window.studykit || {};
  window.studykit.store = store;
})();
