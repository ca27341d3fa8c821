/* studykit offline: registers the service worker that keeps the whole guide readable without a network.
   The build writes sw.js and the web app manifest at the site root and links the manifest from every page
   (studykit/postprocess/offline.py); the manifest's URL therefore names the site root, which works under any
   sub-path. A page without that link (the live preview of `serve`) registers nothing. */
(function () {
  "use strict";

  var link = document.querySelector('link[rel="manifest"]');
  if (!link || !("serviceWorker" in navigator) || !window.URL) return;
  var root = new URL(".", link.href);
  if (root.origin !== window.location.origin) return;

  function register() {
    navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.pathname })
      .catch(function () { /* no offline copy this time: the site works online as before */ });
  }

  if (document.readyState === "complete") register();
  else window.addEventListener("load", register);
})();
