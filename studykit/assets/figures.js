/* studykit figures: an "Enlarge" button on every figure, opening it in a native <dialog> at full width.
   The figure itself is moved into the dialog and back (never cloned: its drawing's ids stay unique on the page).
   Esc and the Close button close it; focus returns to the button. Text is written with textContent only. */
(function () {
  "use strict";

  function open(figure, button) {
    var media = figure.querySelector(".sk-figure__media");
    var caption = figure.querySelector("figcaption");
    if (!media || typeof document.createElement("dialog").showModal !== "function") return;
    var number = figure.querySelector(".sk-figure__number");
    var dialog = document.createElement("dialog");
    dialog.className = "sk-figure-dialog";
    dialog.setAttribute("aria-label", (number ? number.textContent.replace(/\.$/, "") : "Figure") + ", enlarged");
    var bar = document.createElement("div");
    bar.className = "sk-figure-dialog__bar";
    var close = document.createElement("button");
    close.type = "button";
    close.className = "sk-figure-dialog__close";
    close.textContent = "Close";
    bar.appendChild(close);
    var holder = document.createElement("figure");
    dialog.appendChild(bar);
    dialog.appendChild(holder);
    figure.style.minHeight = figure.offsetHeight + "px"; // the page keeps its place under the dialog
    holder.appendChild(media);
    if (caption) holder.appendChild(caption);
    document.body.appendChild(dialog);
    close.addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });
    dialog.addEventListener("close", function () {
      figure.insertBefore(media, button);
      if (caption) figure.insertBefore(caption, button);
      figure.style.minHeight = "";
      dialog.parentNode.removeChild(dialog);
      button.focus();
    });
    dialog.showModal();
    close.focus();
  }

  function setup(figure) {
    figure.setAttribute("data-ready", "");
    var number = figure.querySelector(".sk-figure__number");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sk-figure__zoom";
    button.textContent = "Enlarge";
    button.setAttribute("aria-label", "Enlarge " + (number ? number.textContent.replace(/\.$/, "") : "figure"));
    button.setAttribute("aria-haspopup", "dialog");
    button.addEventListener("click", function () { open(figure, button); });
    figure.appendChild(button);
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("figure.sk-figure:not([data-ready])"), setup);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
