/* "Copia link": copies the page's address with the Clipboard API.
 *
 * Progressive enhancement: the share links work without it. The button's paragraph
 * (.share-copy, theme/templates/partials/share.html) is `hidden` in the HTML and shown
 * only where the Clipboard API is there (secure contexts: https, localhost). The
 * address comes from the button's data-share-url; "Link copiato" (or the failure) is
 * written into the paragraph's role="status" region, which screen readers announce
 * politely. No inline script, no console output. */
(function () {
  "use strict";

  var clipboard = navigator.clipboard;
  if (!clipboard || typeof clipboard.writeText !== "function") return;

  Array.prototype.forEach.call(document.querySelectorAll(".share-copy"), function (row) {
    var button = row.querySelector(".share-copy-button");
    var status = row.querySelector(".share-status");
    if (!button || !status) return;
    row.hidden = false;
    button.addEventListener("click", function () {
      var url = button.getAttribute("data-share-url") || location.href;
      status.textContent = "";
      clipboard.writeText(url).then(function () {
        status.textContent = "Link copiato";
      }, function () {
        status.textContent = "Non è stato possibile copiare il link";
      });
    });
  });
})();
