/* The preview's reload (tools/preview.py): served at /__anteprima/ricarica.js, only by
 * the local preview. Every second it asks which build is served and reloads the page
 * when it is not the one the page came from (its <meta name="anteprima-build">): a new
 * build (good or failed), or a restart of the preview (each run numbers its builds
 * afresh, so the build is "<run>-<number>"). No inline script, so the site's
 * Content-Security-Policy (script-src 'self') allows it. */
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="anteprima-build"]');
  var seen = meta ? meta.getAttribute("content") : null;
  function poll() {
    fetch("/__anteprima/stato", { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        if (seen === null) {
          seen = state.build;
        } else if (state.build !== seen) {
          window.location.reload();
          return;
        }
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 2000); });
  }
  poll();
})();
