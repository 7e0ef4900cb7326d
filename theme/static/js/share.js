/* "Copia link" (Clipboard API) and "Condividi con un’altra app" (Web Share API).
 *
 * Progressive enhancement: the share links work without them. The buttons' paragraph
 * (.share-copy, theme/templates/partials/share.html) and each button are `hidden` in
 * the HTML; a button is shown only where its API is there (both need secure contexts:
 * https, localhost; the Web Share API is on phones and some desktops: the system's
 * share sheet, for the apps the links do not name, Mastodon, Signal…). The address
 * comes from the button's data-share-url (the title from data-share-title); "Link
 * copiato" (or the failure) is written into the paragraph's role="status" region, which
 * screen readers announce politely. A share sheet closed without sharing says nothing.
 * No inline script, no console output. */
(function () {
  "use strict";

  var clipboard = navigator.clipboard;
  var canCopy = !!clipboard && typeof clipboard.writeText === "function";
  var canShare = typeof navigator.share === "function";
  if (!canCopy && !canShare) return;

  Array.prototype.forEach.call(document.querySelectorAll(".share-copy"), function (row) {
    var copy = row.querySelector(".share-copy-button:not(.share-native-button)");
    var native = row.querySelector(".share-native-button");
    var status = row.querySelector(".share-status");
    if (!status) return;
    if (canCopy && copy) {
      copy.hidden = false;
      copy.addEventListener("click", function () {
        var url = copy.getAttribute("data-share-url") || location.href;
        status.textContent = "";
        clipboard.writeText(url).then(function () {
          status.textContent = "Link copiato";
        }, function () {
          status.textContent = "Non è stato possibile copiare il link";
        });
      });
    }
    if (canShare && native) {
      native.hidden = false;
      native.addEventListener("click", function () {
        status.textContent = "";
        navigator.share({
          title: native.getAttribute("data-share-title") || document.title,
          url: native.getAttribute("data-share-url") || location.href
        }).catch(function () { /* closed without sharing, or refused: nothing to say */ });
      });
    }
    row.hidden = !((canCopy && copy) || (canShare && native));
  });
})();
