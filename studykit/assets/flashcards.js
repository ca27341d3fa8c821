/* studykit flashcards: review the decks of a `/// flashcards` block (data/flashcards.json), saved under
   "studykit:cards" (docs/architecture.md, "Study data"). The FSRS-6 model is ts-fsrs's FSRSAlgorithm (vendor/,
   loaded by this page only); the steps around it follow Python `fsrs` Scheduler.review_card, not ts-fsrs's own
   scheduler, which differs (see "Flashcards" in docs/architecture.md; tests/browser/test_flashcards.py compares
   the two). Text is only ever written with textContent. */
(function () {
  "use strict";

  var KEY = "studykit:cards";
  var VERSION = 1;
  var MINUTE = 60000;
  var DAY = 86400000;
  var LEARNING_STEPS = [1, 10]; // minutes, as fsrs.Scheduler's defaults
  var RELEARNING_STEPS = [10];
  var NEW_PER_SESSION = 20;
  var LEARN_AHEAD = 20 * MINUTE; // a card due again within this is shown again in the same session
  var RATINGS = ["Again", "Hard", "Good", "Easy"]; // rating = index + 1, as in FSRS
  var script = document.currentScript && document.currentScript.src;
  var base = script ? script.slice(0, script.lastIndexOf("/") + 1) : "";
  var decks = null; // the loaded deck data, shared by every page view
  var active = null; // the session the keyboard drives

  function store() { return window.studykit && window.studykit.store; }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  /* ------------------------------------------------------------ scheduler (fsrs.Scheduler.review_card) */
  function Scheduler(lib) {
    this.model = new lib.FSRSAlgorithm({
      w: lib.default_w, request_retention: 0.9, maximum_interval: 36500, enable_fuzz: false, enable_short_term: true,
      learning_steps: LEARNING_STEPS.map(function (m) { return m + "m"; }),
      relearning_steps: RELEARNING_STEPS.map(function (m) { return m + "m"; })
    });
  }
  /* The card after `rating` (1-4) at time `now` (ms); `card` is a saved record or null for a new card. */
  Scheduler.prototype.review = function (card, rating, now) {
    var fresh = !card;
    var next = {
      state: fresh ? "learning" : card.state, step: fresh ? 0 : card.step,
      reps: (fresh ? 0 : card.reps || 0) + 1, lapses: fresh ? 0 : card.lapses || 0, last: now
    };
    var days = fresh ? 0 : Math.max(0, Math.floor((now - card.last) / DAY));
    var memory = this.model.next_state(fresh ? null : { difficulty: card.difficulty, stability: card.stability }, days, rating);
    next.stability = memory.stability;
    next.difficulty = memory.difficulty;
    var model = this.model;
    function graduate() { next.state = "review"; next.step = null; return model.next_interval(next.stability, days) * DAY; }
    var wait;
    if (next.state === "review") {
      if (rating === 1 && RELEARNING_STEPS.length) {
        next.state = "relearning"; next.step = 0; next.lapses += 1; wait = RELEARNING_STEPS[0] * MINUTE;
      } else {
        if (rating === 1) next.lapses += 1;
        wait = graduate();
      }
    } else {
      var steps = next.state === "learning" ? LEARNING_STEPS : RELEARNING_STEPS;
      if (!steps.length || (next.step >= steps.length && rating > 1)) wait = graduate();
      else if (rating === 1) { next.step = 0; wait = steps[0] * MINUTE; }
      else if (rating === 2) {
        if (next.step === 0) wait = (steps.length === 1 ? steps[0] * 1.5 : (steps[0] + steps[1]) / 2) * MINUTE;
        else wait = steps[next.step] * MINUTE;
      } else if (rating === 3 && next.step + 1 < steps.length) { next.step += 1; wait = steps[next.step] * MINUTE; }
      else wait = graduate();
    }
    next.due = now + wait;
    return next;
  };

  /* ------------------------------------------------------------ saved cards */
  var STATES = { learning: true, review: true, relearning: true };
  function valid(card) { // a record the scheduler can continue from; anything else counts as a new card
    return !!card && typeof card === "object" && STATES[card.state] === true && typeof card.h === "string" &&
      isFinite(card.due) && isFinite(card.last) && card.stability >= 0.001 && card.difficulty >= 1 && card.difficulty <= 10 &&
      (card.state === "review" ? card.step === null : typeof card.step === "number" && card.step >= 0 && card.step % 1 === 0);
  }
  function migrate(saved) { // version 1 is the first format: a future one converts older records here
    if (saved && typeof saved === "object" && saved.v === VERSION && saved.cards && typeof saved.cards === "object") return saved;
    return null;
  }
  function load() {
    var saved = store().get(KEY);
    var data = migrate(saved);
    if (data) return data;
    var newer = saved && typeof saved === "object" && typeof saved.v === "number" && saved.v > VERSION;
    return { v: VERSION, cards: {}, readOnly: newer }; // never overwrite what a newer version saved
  }
  function saved(data, deck, card) { // the record of a card, or null when new (never seen, or its text changed)
    var record = data.cards[deck.id + "/" + card.id];
    return valid(record) && record.h === card.h ? record : null;
  }
  function save(root, deck, card, record) {
    var data = load();
    if (data.readOnly) { say(root, "Your flashcard progress was saved by a newer version of this site, so it is not changed here."); return; }
    record.h = card.h;
    data.cards[deck.id + "/" + card.id] = record;
    delete data.readOnly;
    store().set(KEY, data);
    warn(root);
  }

  /* ------------------------------------------------------------ messages */
  function say(root, message) { root.querySelector(".sk-flashcards__message").textContent = message; }
  function warn(root) { var problem = store().message(); if (problem) say(root, problem); }

  function when(ms) { // a short human wait: "1 min", "6 min", "3 days"
    var minutes = Math.round(ms / MINUTE);
    if (minutes < 60) return Math.max(1, minutes) + " min";
    if (minutes < 1440) return plural(Math.round(minutes / 60), "hour");
    var days = Math.round(minutes / 1440);
    if (days < 60) return plural(days, "day");
    if (days < 730) return plural(Math.round(days / 30.4), "month");
    return plural(Math.round(days / 365), "year");
  }

  /* ------------------------------------------------------------ deck list */
  function counts(deck, data, now) {
    var result = { fresh: 0, due: 0, next: null };
    deck.cards.forEach(function (card) {
      var record = saved(data, deck, card);
      if (!record) result.fresh += 1;
      else if (record.due <= now) result.due += 1;
      else if (result.next === null || record.due < result.next) result.next = record.due;
    });
    return result;
  }

  function showDecks(root) {
    var data = load();
    var now = Date.now();
    decks.decks.forEach(function (deck) {
      var row = document.getElementById("sk-deck-" + deck.id);
      if (!row || !root.contains(row)) return;
      var c = counts(deck, data, now);
      var line = row.querySelector(".sk-deck__counts");
      var button = row.querySelector(".sk-deck__study");
      var title = row.querySelector(".sk-deck__title").textContent;
      var text = c.fresh + " new, " + c.due + " due";
      if (!c.fresh && !c.due && c.next !== null) text += "; next in " + when(c.next - now);
      line.textContent = text;
      line.hidden = false;
      button.hidden = false;
      button.disabled = !c.fresh && !c.due;
      button.textContent = c.fresh || c.due ? "Study" : "Nothing due";
      button.setAttribute("aria-label", (c.fresh || c.due ? "Study " : "Nothing due in ") + title + ": " + text);
    });
    root.querySelector(".sk-flashcards__decks").hidden = false;
    var review = root.querySelector(".sk-fc-session");
    if (review) review.parentNode.removeChild(review);
    active = null;
  }

  /* ------------------------------------------------------------ a review session */
  function queueFor(deck, data, now) {
    var due = [], fresh = [];
    deck.cards.forEach(function (card) {
      var record = saved(data, deck, card);
      if (!record) { if (fresh.length < NEW_PER_SESSION) fresh.push(card); }
      else if (record.due <= now) due.push({ card: card, due: record.due });
    });
    due.sort(function (a, b) { return a.due - b.due; });
    return due.map(function (item) { return item.card; }).concat(fresh);
  }

  function study(root, deck, scheduler, opener) {
    var queue = queueFor(deck, load(), Date.now());
    var done = 0;
    var view = el("section", "sk-fc-session");
    var heading = el("h2", "sk-fc-session__title", deck.title);
    heading.id = "sk-fc-session-title";
    view.setAttribute("aria-labelledby", heading.id);
    var progress = el("p", "sk-fc-session__progress");
    var card = el("div", "sk-fc-card");
    card.tabIndex = -1;
    card.setAttribute("role", "group");
    var front = el("p", "sk-fc-card__front");
    var back = el("p", "sk-fc-card__back");
    var picture = el("figure", "sk-fc-card__figure"); // a term's drawing, on the answer side only
    var image = el("img");
    picture.appendChild(image);
    card.appendChild(front);
    card.appendChild(back);
    card.appendChild(picture);
    var flip = el("button", "sk-fc-session__flip", "Show answer");
    flip.type = "button";
    flip.setAttribute("aria-keyshortcuts", "Space");
    var rate = el("div", "sk-fc-session__rate");
    rate.setAttribute("role", "group");
    rate.setAttribute("aria-label", "How well did you remember it?");
    var buttons = RATINGS.map(function (name, index) {
      var button = el("button", "sk-fc-rate sk-fc-rate--" + name.toLowerCase());
      button.type = "button";
      button.setAttribute("aria-keyshortcuts", String(index + 1));
      button.appendChild(el("span", "sk-fc-rate__name", name));
      button.appendChild(el("span", "sk-fc-rate__when"));
      button.addEventListener("click", function () { grade(index + 1); });
      rate.appendChild(button);
      return button;
    });
    var keys = el("p", "sk-fc-session__keys", "Keys: Space shows the answer; 1 Again, 2 Hard, 3 Good, 4 Easy.");
    var leave = el("button", "sk-fc-session__leave", "Back to the decks");
    leave.type = "button";
    [heading, progress, card, flip, rate, keys, leave].forEach(function (node) { view.appendChild(node); });
    root.querySelector(".sk-flashcards__decks").hidden = true;
    root.appendChild(view);

    var current = null;
    var session = {
      root: root,
      flipped: function () { return !back.hidden; },
      flip: function () { if (current && back.hidden) reveal(); },
      grade: function (rating) { if (current && !back.hidden) grade(rating); }
    };
    active = session;

    function finish() {
      showDecks(root);
      var target = opener && root.contains(opener) && !opener.disabled ? opener : root.querySelector(".sk-deck__study:not([disabled])");
      say(root, done ? "Session finished: " + plural(done, "card") + " reviewed." : "");
      warn(root);
      if (target) target.focus();
    }
    leave.addEventListener("click", finish);
    flip.addEventListener("click", function () { session.flip(); });

    function show() {
      current = queue.shift() || null;
      if (!current) { finish(); return; }
      progress.textContent = plural(queue.length + 1, "card") + " left in this session";
      front.textContent = current.front;
      back.textContent = current.back;
      back.hidden = true;
      picture.hidden = true;
      if (current.figure) {
        image.src = base + "../../" + current.figure.src; // base is assets/studykit/; src is from the site root
        image.alt = current.figure.alt;
      } else {
        image.removeAttribute("src");
        image.alt = "";
      }
      rate.hidden = true;
      flip.hidden = false;
      card.setAttribute("aria-label", "Card, question side");
      card.focus();
    }
    function reveal() {
      var record = saved(load(), deck, current);
      var now = Date.now();
      buttons.forEach(function (button, index) {
        var wait = scheduler.review(record, index + 1, now).due - now;
        button.querySelector(".sk-fc-rate__when").textContent = when(wait);
        button.setAttribute("aria-label", RATINGS[index] + " (key " + (index + 1) + "): see it again in " + when(wait));
      });
      back.hidden = false;
      picture.hidden = !current.figure;
      rate.hidden = false;
      flip.hidden = true;
      card.setAttribute("aria-label", "Card, answer side");
      card.focus();
    }
    function grade(rating) {
      var now = Date.now();
      var next = scheduler.review(saved(load(), deck, current), rating, now);
      save(root, deck, current, next);
      done += 1;
      if (next.due - now <= LEARN_AHEAD) queue.push(current);
      show();
    }
    show();
  }

  /* ------------------------------------------------------------ loading (the scheduler only on this page) */
  var loading = null;
  function load$(url, tag) {
    return new Promise(function (resolve, reject) {
      if (!tag) return fetch(url).then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); }).then(resolve, reject);
      var node = document.createElement("script");
      node.src = url;
      node.addEventListener("load", resolve);
      node.addEventListener("error", reject);
      document.head.appendChild(node);
    });
  }
  function ready() {
    loading = loading || Promise.all([
      load$(base + "data/flashcards.json"),
      window.FSRS ? null : load$(base + "vendor/ts-fsrs.js", true)
    ]).then(function (got) {
      decks = got[0];
      return new Scheduler(window.FSRS);
    });
    loading.catch(function () { loading = null; }); // a later page view tries again
    return loading;
  }

  function setup(root) {
    root.setAttribute("data-ready", ""); // once per widget, even if Material re-emits the same page
    var failed = function () { say(root, "The flashcards could not be loaded. Check your connection and reload the page."); };
    if (!store() || !base) return failed();
    ready().then(function (scheduler) {
      root.querySelector(".sk-flashcards__nojs").hidden = true;
      showDecks(root);
      warn(root);
      decks.decks.forEach(function (deck) {
        var row = document.getElementById("sk-deck-" + deck.id);
        var button = row && root.contains(row) && row.querySelector(".sk-deck__study");
        if (button) button.addEventListener("click", function () { say(root, ""); study(root, deck, scheduler, button); });
      });
      root.setAttribute("data-loaded", "");
    }, failed);
  }

  /* Space flips, 1-4 rate, for the session on screen; a focused button keeps its own Space and Enter. */
  document.addEventListener("keydown", function (event) {
    if (!active || !document.body.contains(active.root)) { active = null; return; }
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    var target = event.target;
    if (target && target.closest && target.closest("input, textarea, select, button, a, [contenteditable]")) {
      if (event.key === " " || event.key === "Enter") return;
      if (target.closest("input, textarea, select, [contenteditable]")) return; // typing, e.g. in search
    }
    if (event.key === " " && !active.flipped()) { event.preventDefault(); active.flip(); }
    else if (/^[1-4]$/.test(event.key) && active.flipped()) { event.preventDefault(); active.grade(Number(event.key)); }
  });

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".sk-flashcards:not([data-ready])"), function (root) {
      try { setup(root); } catch (e) { if (window.console) console.error(e); }
    });
  }
  window.studykit = window.studykit || {};
  window.studykit.flashcards = { Scheduler: Scheduler, ready: ready }; // for tests and tools
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
