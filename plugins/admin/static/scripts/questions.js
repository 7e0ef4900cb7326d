/* questions.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  // --- Decap's questions written into its code, in Italian ----------------------
  // One window.confirm of Decap 3.16 is not among its phrases: replacing an upload of
  // the same name. Asked in Italian here; any other question is passed on as it is.
  var QUESTIONS = [
    [/^(.+) already exists\. Do you want to replace it\?$/,
      "Esiste già un file chiamato «$1». Vuoi sostituirlo con quello che stai caricando?"]
  ];
  var nativeConfirm = window.confirm;
  window.confirm = function (message) {
    var text = String(message);
    QUESTIONS.some(function (pair) {
      if (pair[0].test(text)) {
        text = text.replace(pair[0], pair[1]);
        return true;
      }
      return false;
    });
    return nativeConfirm.call(window, text);
  };
}(window.FareLegamiAdmin));
