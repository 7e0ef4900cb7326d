/* preview-errors.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // page.js
  var words = admin.words;
  // published-files.js
  var CONTENT = admin.CONTENT;
  // banner.js
  var banner = admin.banner;
  var element = admin.element;

  // --- The local preview's build errors -----------------------------------------------
  // In the local preview (tools/preview.py: ./run livereload, preview) each save
  // rebuilds the site, and a save that breaks the build leaves the preview as it was,
  // while the editor's page is never reloaded (what is being written would be lost).
  // The preview marks the editor's page with the address of its state (<meta
  // name="anteprima-stato">): asked every two seconds, after a build that failed it
  // names each problem (file, line, message, as ./run check words them) with a link to
  // the item in the editor, until the build succeeds again ("Errori corretti", a few
  // seconds). Announced when the problems change, not at every question; "Nascondi"
  // hides them until they change.
  var PREVIEW_STATE = window.fetch && document.querySelector('meta[name="anteprima-stato"]');
  var PREVIEW_POLL = 2000;
  var FIXED_SHOWN = 8000;
  var PROBLEM_FILE = /^(\S+?\.md):(\d+):/;
  var previewShown = "";  // the problems shown, as a string
  var previewHidden = "";  // the problems the editor chose to hide
  var fixedTimer = null;

  // The item's address in the editor: a file of a collection's folder, not in a subfolder
  // (each collection is named as its folder under content/: plugins/admin/config.py)
  function entryLink(path) {
    var collections = words("data-articles").concat(words("data-pages"));
    var parts = path.indexOf(CONTENT) === 0 ? path.slice(CONTENT.length).split("/") : [];
    if (parts.length !== 2 || collections.indexOf(parts[0]) < 0) {
      return null;
    }
    return "#/collections/" + encodeURIComponent(parts[0]) + "/entries/"
      + encodeURIComponent(parts[1].replace(/\.md$/, ""));
  }

  function showProblems(problems, key) {
    var list = element("ul", "", "margin:0;padding-left:1.25rem");
    problems.forEach(function (problem) {
      var item = element("li");
      item.appendChild(element("code", problem, "white-space:pre-wrap;overflow-wrap:anywhere"));
      var found = PROBLEM_FILE.exec(problem);
      var href = found && entryLink(found[1]);
      if (href) {
        var link = element("a", "Apri nell’editor", "color:#0b4f9c");
        link.href = href;
        item.appendChild(document.createTextNode(" "));
        item.appendChild(link);
      }
      list.appendChild(item);
    });
    banner("anteprima", { className: "anteprima-errori", role: "alert", failed: true,
      heading: "Il sito non è stato aggiornato: ci sono errori da correggere",
      parts: [element("p", "L’anteprima del sito mostra l’ultima versione riuscita."
        + " Correggi e salva: questo avviso sparisce da solo.", "margin:0 0 0.5rem"),
      list], close: "Nascondi", closed: function () { previewHidden = key; } });
  }

  function previewState(state) {
    var problems = state.problems || [];
    var key = JSON.stringify(problems);
    if (key === previewShown) {
      return;
    }
    var before = previewShown;
    previewShown = key;
    window.clearTimeout(fixedTimer);
    if (problems.length) {
      if (key !== previewHidden) {
        showProblems(problems, key);
      }
    } else if (before) {
      banner("anteprima", { className: "anteprima-errori", role: "status", failed: false,
        heading: "Errori corretti: il sito di anteprima è di nuovo aggiornato.", parts: [] });
      fixedTimer = window.setTimeout(function () { banner("anteprima", null); }, FIXED_SHOWN);
    }
  }

  function pollPreview() {
    fetch(PREVIEW_STATE.content, { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        previewState(state);
        window.setTimeout(pollPreview, PREVIEW_POLL);
      })
      .catch(function () { window.setTimeout(pollPreview, 2 * PREVIEW_POLL); });
  }

  if (PREVIEW_STATE && PREVIEW_STATE.content) {
    pollPreview();
  }
}(window.FareLegamiAdmin));
