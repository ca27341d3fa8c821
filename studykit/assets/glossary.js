/* Glossary tooltips: a linked term's short definition on hover, keyboard focus and tap; Escape closes it.
 * The text comes from the link's data-short attribute and is set with textContent only. Each tooltip sits
 * beside its link, is referenced by aria-describedby (read by screen readers on focus) and is placed above or
 * below the link, never over it. Without this script the link simply goes to the glossary entry. */
(function () {
  "use strict";
  var GAP = 6, MARGIN = 8, HIDE_DELAY = 200;
  var open = null;        // the link whose tooltip is shown
  var dismissed = null;   // a link closed with Escape: no reopening until the pointer or focus leaves it
  var hideTimer = 0;
  var count = 0;

  function tipOf(link) { return document.getElementById(link.getAttribute("aria-describedby")); }

  function place(link, tip) {
    var r = link.getBoundingClientRect();
    var view = document.documentElement;
    tip.style.left = "0px";
    tip.style.top = "0px";
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var below = window.innerHeight - r.bottom, above = r.top;
    var under = below >= h + GAP + MARGIN || below >= above;
    var left = Math.max(MARGIN, Math.min(r.left, view.clientWidth - w - MARGIN));
    tip.style.left = left + "px";
    tip.style.top = (under ? r.bottom + GAP : r.top - GAP - h) + "px";
    tip.setAttribute("data-side", under ? "below" : "above");
  }

  function show(link) {
    if (dismissed === link) return;
    clearTimeout(hideTimer);
    if (open && open !== link) hide();
    var tip = tipOf(link);
    if (!tip) return;
    tip.hidden = false;
    place(link, tip);
    open = link;
  }

  function hide() {
    clearTimeout(hideTimer);
    if (!open) return;
    var tip = tipOf(open);
    if (tip) tip.hidden = true;
    open = null;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () {
      if (open && !open.matches(":focus")) hide();
    }, HIDE_DELAY);
  }

  function setup(link) {
    var short = link.getAttribute("data-short");
    if (!short || link.hasAttribute("data-sk-tip")) return;
    link.setAttribute("data-sk-tip", "");
    var tip = document.createElement("span");
    tip.className = "sk-tip";
    tip.id = "sk-tip-" + (++count);
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    tip.textContent = short;
    link.setAttribute("aria-describedby", tip.id);
    link.insertAdjacentElement("afterend", tip);

    var touched = false, wasOpen = false;
    link.addEventListener("pointerenter", function (e) { if (e.pointerType === "mouse") show(link); });
    link.addEventListener("pointerleave", function (e) {
      if (e.pointerType !== "mouse") return;
      if (dismissed === link) dismissed = null;
      hideSoon();
    });
    link.addEventListener("focus", function () { show(link); });
    link.addEventListener("blur", function () {
      if (dismissed === link) dismissed = null;
      if (open === link) hide();
    });
    link.addEventListener("pointerdown", function (e) {
      touched = e.pointerType !== "mouse";
      wasOpen = open === link;
    });
    // First tap shows the definition; a second tap while it is open follows the link.
    link.addEventListener("click", function (e) {
      if (touched && !wasOpen) {
        e.preventDefault();
        dismissed = null;
        show(link);
      }
      touched = false;
    });
    tip.addEventListener("pointerenter", function () { clearTimeout(hideTimer); });
    tip.addEventListener("pointerleave", hideSoon);
  }

  function init() {
    if (open && !open.isConnected) open = null;
    var links = document.querySelectorAll("a[data-term][data-short]");
    for (var i = 0; i < links.length; i++) setup(links[i]);
  }

  if (!window.__skGlossary) {
    window.__skGlossary = true;
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && open) {
        dismissed = open;
        hide();
      }
    });
    document.addEventListener("pointerdown", function (e) {
      if (!open) return;
      var tip = tipOf(open);
      if (!open.contains(e.target) && !(tip && tip.contains(e.target))) hide();
    });
    var replace = function () { if (open) place(open, tipOf(open)); };
    window.addEventListener("scroll", replace, { passive: true });
    window.addEventListener("resize", replace);
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(init);  // Material's instant navigation: runs for every page shown
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", init);
    } else {
      init();
    }
  }
})();
