/*
 * preview-styles.js – one of the web editor's own scripts (plugins/admin), joined by the
 * build into admin/admin.js in the order of output.py's SCRIPTS: it takes what it
 * uses of the others from window.FareLegamiAdmin, and puts there what they use of
 * it (page.js).
 */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // page.js
  var CMS = admin.CMS;
  var words = admin.words;

  // --- The preview pane uses the site's own stylesheets --------------------------
  words("data-preview-css").forEach(function (path) {
    CMS.registerPreviewStyle(new URL(path, document.baseURI).href);
  });
}(window.FareLegamiAdmin));
