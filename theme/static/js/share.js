/* "Copia link" (Clipboard API) and "Altre app…" (Web Share API).
 *
 * Progressive enhancement: the share links work without them. The buttons' paragraph
 * (.share-copy, theme/templates/partials/share.html) and each button are `hidden` in
 * the HTML; a button is shown only where its API is there (both need secure contexts:
 * https, localhost; the Web Share API is on phones and some desktops: the system's
 * share sheet, for the apps the links do not name, Mastodon, Signal…). The address
 * comes from the button's data-share-url (the title from data-share-title); "Link
 * copiato" (or the failure) is written into the paragraph's role="status" region, which
 * screen readers announce politely. Copied again, the region is emptied and the message
 * written back only after REPEAT_PAUSE: Chromium sends the accessibility tree's changes
 * in batches, and the emptying and the same text a few milliseconds later made no
 * change in one (silence). A share sheet closed without sharing says nothing.
 * No inline script, no console output. */
(function () {
  "use strict";

  var clipboard = navigator.clipboard;
  var canCopy = !!clipboard && typeof clipboard.writeText === "function";
  var canShare = typeof navigator.share === "function";
  var REPEAT_PAUSE = 500; // ms the emptied region waits before a message said again
  if (!canCopy && !canShare) return;

  Array.prototype.forEach.call(document.querySelectorAll(".share-copy"), function (row) {
    var copy = row.querySelector(".share-copy-button:not(.share-native-button)");
    var native = row.querySelector(".share-native-button");
    var status = row.querySelector(".share-status");
    if (!status) return;
    var timer = null;
    if (canCopy && copy) {
      copy.hidden = false;
      copy.addEventListener("click", function () {
        var url = copy.getAttribute("data-share-url") || location.href;
        var again = status.textContent !== "" || timer !== null;
        clearTimeout(timer);
        timer = null;
        status.textContent = "";
        function say(text) {
          if (!again) {
            status.textContent = text;
            return;
          }
          timer = setTimeout(function () {
            timer = null;
            status.textContent = text;
          }, REPEAT_PAUSE);
        }
        clipboard.writeText(url).then(function () {
          say("Link copiato");
        }, function () {
          say("Non è stato possibile copiare il link");
        });
      });
    }
    if (canShare && native) {
      native.hidden = false;
      native.addEventListener("click", function () {
        clearTimeout(timer);
        timer = null;
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
