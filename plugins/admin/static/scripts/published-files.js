/* published-files.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // page.js
  var script = admin.script;

  // --- An upload never replaces a published file --------------------------------
  // Decap asks before an upload replaces a file of the same name ("… already exists"),
  // but only among the files it listed, and for a new item it lists the year's folder
  // from the date before the form has set it ("allegati/invalid-date": nothing). So a
  // new item's upload named like another item's attachment replaced that file without
  // a word. Before a save, every new upload is looked up on the site, where the
  // published files are (at their path under the content folder): one that is there
  // refuses the save.
  var CONTENT = (script.getAttribute("data-content") || "content").replace(/\/+$/, "") + "/";

  function onTheSite(path) {
    if (path.indexOf(CONTENT) !== 0) {  // a path from the repository's root
      return Promise.resolve(false);
    }
    var url = new URL("../" + path.slice(CONTENT.length).split("/")
      .map(encodeURIComponent).join("/"), document.baseURI);
    return fetch(url.href, { method: "HEAD", cache: "no-store" }).then(function (response) {
      return response.ok;
    }, function () {
      return false;
    });
  }

  function replaced(entry) {
    var paths = [];
    (entry.get("mediaFiles") || []).forEach(function (file) {
      if (file.get("draft") && file.get("path")) {
        paths.push(String(file.get("path")).replace(/^\/+/, ""));
      }
    });
    return Promise.all(paths.map(onTheSite)).then(function (found) {
      return paths.filter(function (path, index) {
        return found[index];
      }).map(function (path) {
        return path.slice(CONTENT.length);
      });
    });
  }

  admin.CONTENT = CONTENT;
  admin.replaced = replaced;
}(window.FareLegamiAdmin));
