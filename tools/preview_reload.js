/* The preview's reload (tools/preview.py): served at /__anteprima/ricarica.js, only by
 * the local preview. Every second it asks for the build's number and reloads the page
 * when a new build (good or failed) is there. No inline script, so the site's
 * Content-Security-Policy (script-src 'self') allows it. */
(function () {
  "use strict";
  var seen = null;
  function poll() {
    fetch("/__anteprima/stato", { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        if (seen === null) {
          seen = state.generation;
        } else if (state.generation !== seen) {
          window.location.reload();
          return;
        }
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 2000); });
  }
  poll();
})();
