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
  // notices.js
  var onStore = admin.onStore;
  // banner.js
  var banner = admin.banner;
  var element = admin.element;
  // live-region.js
  var VISUALLY_HIDDEN = admin.VISUALLY_HIDDEN;

  // --- The local preview's build errors (and warnings, below) ------------------------
  // In the local preview (tools/preview.py: ./run livereload, preview) each save
  // rebuilds the site, and a save that breaks the build leaves the preview as it was,
  // while the editor's page is never reloaded (what is being written would be lost).
  // The preview marks the editor's page with the address of its state (<meta
  // name="anteprima-stato">): asked every two seconds, after a build that failed it
  // names each problem (file, line, message, as ./run check words them) with a link to
  // the item in the editor, until the build succeeds again ("Errori corretti", a few
  // seconds). Announced when the problems change, not at every question; "Nascondi"
  // hides them until they change. A data-ogni-ms on the mark (milliseconds, 50 at least)
  // sets another pace: tools/preview.py writes none; the tests' server marks it 100 (a
  // test waits for the next question, not for two seconds).
  var PREVIEW_STATE = window.fetch && document.querySelector('meta[name="anteprima-stato"]');
  var PREVIEW_POLL = Math.max(50, Number(PREVIEW_STATE
    && PREVIEW_STATE.getAttribute("data-ogni-ms")) || 2000);
  var FIXED_SHOWN = 8000;
  var PROBLEM_FILE = /^(\S+?\.md):(\d+):/;
  var previewShown = "";  // the problems shown, as a string
  var previewHidden = "";  // the problems the editor chose to hide
  var fixedTimer = null;

  // The item's address in the editor: a Markdown file (".md", as Decap's collections
  // hold them) of a collection's folder, not in a subfolder (each collection is named as
  // its folder under content/: plugins/admin/config.py); none for another file there (a
  // warning names "evento.MD", "nota.txt": Decap has no item for them)
  function entryLink(path) {
    var collections = words("data-articles").concat(words("data-pages"));
    var parts = path.indexOf(CONTENT) === 0 ? path.slice(CONTENT.length).split("/") : [];
    if (parts.length !== 2 || collections.indexOf(parts[0]) < 0 || !/\.md$/.test(parts[1])) {
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
        item.appendChild(document.createTextNode(" "));
        item.appendChild(entryAnchor(href, found[1]));
      }
      list.appendChild(item);
    });
    banner("anteprima", { className: "anteprima-errori", role: "alert", failed: true,
      heading: "Il sito non è stato aggiornato: ci sono errori da correggere",
      parts: [element("p", "L’anteprima del sito mostra l’ultima versione riuscita."
        + " Correggi e salva: questo avviso sparisce da solo.", "margin:0 0 0.5rem"),
      list], close: "Nascondi", closed: function () { previewHidden = key; } });
  }

  // --- The local preview's build warnings ---------------------------------------------
  // The state lists the build's warnings too (a long title, an unknown key, an untagged
  // PDF…: they never stop a build), as ./run check words them ("content/notizie/a.md:4:
  // avviso: …"), which the preview folds at the top of the site's pages; an editor who
  // works only here never saw them. They are shown in a notice of their own, discreet:
  // yellow, a status (not an alert), folded ("Mostra gli avvisi"), the item open in the
  // editor first ("Anteprima: 3 avvisi, 1 in questa voce": the warning's file is the
  // open entry's, in Decap's store), the others with a link to their item ("Apri
  // nell'editor", as the errors); each warning's file and the heading come in the state
  // (warnings_at, warnings_headings: tools/preview.py words and reads them, the one home
  // of its panel's rules too);
  // gone when there is none left. Drawn again only when the warnings change, or the open
  // item's count does (another item opened), never at every question; "Nascondi" hides
  // them until the warnings change.
  var warningsState = [];  // the last state's warnings
  var warningsFiles = [];  // their files, in their order ("" for none)
  var warningsHeadings = {};  // the heading by the open item's file ("": any other)
  // what warnings are: the preview's one wording (tools/preview.py's WARNINGS_HELP, in
  // the state), the same as its panel on the site's pages
  var warningsHelp = "";
  var warningsKey = "[]";  // and as a string
  var warningsShown = "";  // what is shown (the warnings and the open item's), as a string
  var warningsHidden = "";  // the warnings the editor chose to hide
  var warningsOpen = false;  // the list unfolded (kept when the notice is drawn again)

  // The file of the item open in the editor ("content/notizie/a.md"; "" for none, or a
  // new item): Decap's store's entry draft, not the page's address (which Decap changes
  // before it has read the item)
  var store = null;
  onStore(function (found) {
    store = found;
    if (PREVIEW_STATE && PREVIEW_STATE.content) {
      store.subscribe(showWarnings);  // another item opened, or none
      store.subscribe(goOn);  // the editor left, on the way to another item (below)
    }
  });

  // --- «Apri nell'editor» from another item's editor -----------------------------------
  // Decap's editor stays mounted from one item's address to another's (one route,
  // /collections/:name/entries/*, which reads its item when it mounts): from an item's
  // editor a link to another item changed the address, and Decap kept showing the first
  // item, its form and its file (a save wrote the first file). So a link followed from
  // an editor (an item's, or a new one's) to another item goes through the collection's
  // list first, Decap's own way out of an item: with changes not saved Decap asks its own
  // question ("Vuoi davvero abbandonare questa pagina?"), and "Annulla" keeps the item
  // and what was typed, at its address (below); once the editor has let its item go
  // (its draft discarded as it unmounts: the store), the script goes on to the other
  // item, a new editor reading it. An editor without a draft (its item still being read,
  // or not readable: nothing typed) is reloaded at the other item's address instead, as
  // nothing says when it has gone. From the list, to the item open or into a new tab the
  // link is followed as it is.
  var EDITOR_ROUTE = /^#\/collections\/([^/?#]+)\/(?:entries\/|new(?:$|\?))/;
  var leaving = null;  // {through: the list's address, to: the item's}, on the way

  // Named by the item's file for screen readers, visually hidden ("Apri nell’editor di
  // content/notizie/a.md"): links of one name went to different items (WCAG 2.4.4), as
  // the site's panel names its "Apri la pagina" (tools/preview.py)
  function entryAnchor(href, file) {
    var link = element("a", "Apri nell’editor", "color:#0b4f9c");
    link.appendChild(element("span", " di " + file, VISUALLY_HIDDEN));
    link.href = href;
    link.addEventListener("click", function (event) {
      var editor = EDITOR_ROUTE.exec(window.location.hash);
      if (!editor || !store || window.location.hash === href || event.defaultPrevented
          || event.button || event.ctrlKey || event.metaKey || event.shiftKey
          || event.altKey) {
        return;  // no editor mounted (the list), the item open, or a new tab
      }
      event.preventDefault();
      if (!drafted()) {
        window.history.replaceState(window.history.state, "", href);
        window.location.reload();
        return;
      }
      leaving = { through: "#/collections/" + editor[1], to: href };
      window.location.hash = leaving.through;  // Decap's question, if any
    });
    return link;
  }

  function drafted() {  // the editor holds an item (Decap's entry draft)
    var draft = store.getState().entryDraft;
    var entry = draft && typeof draft.get === "function" && draft.get("entry");
    return Boolean(entry && entry.size);
  }

  function goOn() {
    if (leaving && window.location.hash === leaving.through && !drafted()) {
      var to = leaving.to;
      leaving = null;
      window.location.hash = to;
    }
  }

  // Decap's question is history's (window.confirm, asked as the address changes); its
  // "Annulla" leaves the address on the list (history puts back only the addresses it
  // made itself): the script goes back to the item's, which Decap takes as no change
  function leaveOrStay() {
    var ask = window.confirm;
    window.confirm = function () {
      var answer = ask.apply(this, arguments);
      var left = leaving;
      if (!answer && left && window.location.hash === left.through) {
        leaving = null;
        window.setTimeout(function () {
          if (window.location.hash === left.through) {
            window.history.back();
          }
        }, 0);
      }
      return answer;
    };
    window.addEventListener("hashchange", function () {
      if (leaving && window.location.hash !== leaving.through) {
        leaving = null;  // another address (the back button…): the way is given up
      }
      goOn();
    });
  }

  function openPath() {
    var draft = store && store.getState().entryDraft;
    var path = draft && typeof draft.getIn === "function" && draft.getIn(["entry", "path"]);
    return typeof path === "string" ? path : "";
  }

  function showWarnings() {
    var open = openPath();
    // the warnings (their indexes: warningsFiles is in their order) of the open item
    var here = [];
    warningsFiles.forEach(function (file, index) {
      if (open && file === open) {
        here.push(index);
      }
    });
    var key = warningsKey;
    var shown = key + (here.length ? "\n" + open : "");
    if (shown === warningsShown) {
      return;
    }
    warningsShown = shown;
    if (!warningsState.length || key === warningsHidden) {
      banner("avvisi", null);
      return;
    }
    var list = element("ul", "", "margin:0.5rem 0 0;padding-left:1.25rem");
    here.concat(warningsState.map(function (_, index) { return index; })
      .filter(function (index) { return here.indexOf(index) < 0; })).forEach(function (index) {
      var item = element("li");
      var file = warningsFiles[index] || "";
      var href = entryLink(file);
      var own = here.indexOf(index) >= 0;
      if (own) {
        item.appendChild(element("strong", "In questa voce: "));
      }
      item.appendChild(element("code", warningsState[index],
        "white-space:pre-wrap;overflow-wrap:anywhere"));
      if (href && !own) {
        item.appendChild(document.createTextNode(" "));
        item.appendChild(entryAnchor(href, file));
      }
      list.appendChild(item);
    });
    var details = element("details");
    details.open = warningsOpen;
    details.addEventListener("toggle", function () { warningsOpen = details.open; });
    details.appendChild(element("summary", "Mostra gli avvisi", "cursor:pointer"));
    if (warningsHelp) {
      details.appendChild(element("p", warningsHelp, "margin:0.5rem 0 0"));
    }
    details.appendChild(list);
    banner("avvisi", { className: "anteprima-avvisi", role: "status", warned: true,
      heading: warningsHeadings[here.length ? open : ""] || warningsHeadings[""]
        || "Anteprima: avvisi",
      parts: [details], close: "Nascondi", closed: function () { warningsHidden = key; } });
  }

  function previewWarnings(state) {
    warningsState = state.warnings || [];
    warningsFiles = (state.warnings_at || []).map(function (at) {
      return at && typeof at.file === "string" ? at.file : "";
    });
    warningsHeadings = state.warnings_headings || {};
    warningsHelp = typeof state.warnings_help === "string" ? state.warnings_help : "";
    warningsKey = JSON.stringify(warningsState);
    showWarnings();
  }

  function previewState(state) {
    previewWarnings(state);
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
    leaveOrStay();
    pollPreview();
  }
}(window.FareLegamiAdmin));
