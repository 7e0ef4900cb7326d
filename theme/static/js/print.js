/* Printing in Safari: WebKit prints a lazily loaded image that was never scrolled to as
   an empty box (a document's first-page preview, a photo further down the article;
   seen in WebKitGTK 2.50), where Chromium and Firefox load it for the printout. Before
   printing, every lazy image of the page is asked for at once, as an eager one: WebKit
   lays the sheets out once it has arrived (a slow network may still bring it too late
   for the first printout: a second one has it). */
(function () {
  "use strict";

  if (!window.addEventListener || !document.querySelectorAll) return;

  window.addEventListener("beforeprint", function () {
    var images = document.querySelectorAll('img[loading="lazy"]');
    for (var i = 0; i < images.length; i += 1) images[i].setAttribute("loading", "eager");
  });
})();
