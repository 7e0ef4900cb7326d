/*
 * refusal.js – one of the web editor's own scripts (plugins/admin), joined by the
 * build into admin/admin.js in the order of output.py's SCRIPTS: it takes what it
 * uses of the others from window.FareLegamiAdmin, and puts there what they use of
 * it (page.js).
 */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // --- A refusal, as Decap shows it ---------------------------------------------
  // Decap shows a refusal as String(error): "Error: …" in the middle of an Italian
  // sentence. An error without a name is its message alone.
  function refusal(message) {
    var error = new Error(message);
    error.name = "";
    return error;
  }

  admin.refusal = refusal;
}(window.FareLegamiAdmin));
