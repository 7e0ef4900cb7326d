/* Printing in Safari: WebKit prints a lazily loaded image that was never scrolled to as
   an empty box (a document's first-page preview, a photo further down the article;
   seen in WebKitGTK 2.50), where Chromium and Firefox load it for the printout. Before
   printing, every lazy image of the page is asked for at once, as an eager one: WebKit
   lays the sheets out with it if it has arrived by then: it races the printout (printed
   through GTK without a dialog, WebKitGTK's had the preview 13 times in 15, never
   before), and a slow network may bring it too late for a first printout, not for a
   second one. */
(function () {
  "use strict";

  if (!window.addEventListener || !document.querySelectorAll) return;

  window.addEventListener("beforeprint", function () {
    var images = document.querySelectorAll('img[loading="lazy"]');
    for (var i = 0; i < images.length; i += 1) images[i].setAttribute("loading", "eager");
  });
})();
