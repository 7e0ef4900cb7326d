/* refusal.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
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
