/* studykit permanent links: "copy link to this section" on every heading's link mark, and old section links that
   moved (postprocess/redirects.py leaves an element with the old id and `data-sk-moved` pointing to the new place).
   Without this file the heading links still work and an old fragment still scrolls to the renamed heading. */
(function () {
  "use strict";

  var status = null;

  function announce(message) {
    if (!status) {
      status = document.createElement("div");
      status.className = "sk-toast";
      status.setAttribute("role", "status");
      document.body.appendChild(status);
    }
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; status.setAttribute("data-shown", ""); }, 50);
    window.clearTimeout(announce.timer);
    announce.timer = window.setTimeout(function () { status.removeAttribute("data-shown"); }, 2500);
  }

  function followMoved() {
    var id;
    try { id = decodeURIComponent(window.location.hash.slice(1)); } catch (e) { return; }
    if (!id) return;
    var element = document.getElementById(id);
    var to = element && element.getAttribute("data-sk-moved");
    if (!to) return;
    var url = new URL(to, window.location.href);
    if (url.pathname === window.location.pathname) {
      window.history.replaceState(window.history.state, "", url.href);
      var target = document.getElementById(decodeURIComponent(url.hash.slice(1)));
      if (target) target.scrollIntoView();
    } else {
      window.location.replace(url.href);
    }
  }

  document.addEventListener("click", function (event) {
    var link = event.target && event.target.closest ? event.target.closest("a.headerlink") : null;
    if (!link || !navigator.clipboard || !navigator.clipboard.writeText) return;
    var url = new URL(link.getAttribute("href"), window.location.href).href;
    navigator.clipboard.writeText(url).then(function () {
      announce("Link to this section copied");
    }, function () { /* clipboard refused: the link itself still works */ });
  });

  window.addEventListener("hashchange", followMoved);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(followMoved);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", followMoved);
  } else {
    followMoved();
  }
})();
