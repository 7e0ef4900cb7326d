/* preview-styles.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
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
