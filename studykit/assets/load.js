/* studykit loader: each tool's code (study bar and home, glossary tooltips, quizzes, figures, practice,
   flashcards, progress and courses) is fetched only on the pages that show that tool, so every page stays inside the page-weight budget (docs/architecture.md, "Page
   weight"). Files come from the folder this script was loaded from (the site may live under a sub-path); a file
   the page already has (a site that lists it in mkdocs.yml itself) is never loaded twice. Runs on every page
   view, including Material's instant navigation. */
(function () {
  "use strict";

  var script = document.currentScript && document.currentScript.src;
  var base = script ? script.slice(0, script.lastIndexOf("/") + 1) : "";
  var MODULES = [ // what a page shows -> the files it needs, in order
    [".sk-studybar, .sk-home, .sk-chapter-cards", ["study.js"]],
    ["a[data-term]", ["glossary.js"]],
    ["[data-quiz], [data-quiz-best], [data-quiz-total]", ["quiz.js"]],
    ["figure.sk-figure", ["figures.js"]],
    ["[data-practice]", ["practice.css", "quiz.js", "practice.js"]],
    [".sk-flashcards", ["flashcards.css", "flashcards.js"]],
    [".sk-progress, .sk-course", ["study.js", "progress.js"]]
  ];
  var requested = {};

  function onPage(file) {
    var nodes = document.querySelectorAll("script[src], link[rel=stylesheet][href]");
    for (var i = 0; i < nodes.length; i++) {
      var url = (nodes[i].getAttribute("src") || nodes[i].getAttribute("href") || "").split(/[?#]/)[0];
      if (url === file || url.slice(-file.length - 1) === "/" + file) return true;
    }
    return false;
  }

  function need(file) {
    if (requested[file] || onPage(file)) return;
    requested[file] = true;
    var node;
    if (/\.css$/.test(file)) {
      node = document.createElement("link");
      node.rel = "stylesheet";
      node.href = base + file;
    } else {
      node = document.createElement("script");
      node.src = base + file;
      node.async = false; // in order: a module's styles and code as listed
    }
    node.addEventListener("error", function () { requested[file] = false; }); // offline: the next page view retries
    document.head.appendChild(node);
  }

  function scan() {
    MODULES.forEach(function (module) {
      if (document.querySelector(module[0])) module[1].forEach(need);
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(scan);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", scan);
  } else {
    scan();
  }
})();
