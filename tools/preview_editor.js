/* The build's errors over the web editor (tools/preview.py): served at
 * /__anteprima/errori-editor.js, only by the local preview, only to the editor's page
 * (/admin/), which is never reloaded (what is being written would be lost). Every two
 * seconds it asks /__anteprima/stato how the last build went; after a save that broke
 * it, a panel at the bottom names each problem (file, line, message, as ./run check
 * words them) with a link to the item in the editor; it goes away when the build
 * succeeds again. Announced to screen readers when the problems change, not at every
 * question. No inline script or style sheet: the editor's Content-Security-Policy. */
(function () {
  "use strict";
  var POLL = 2000;
  var FIXED_SHOWN = 8000;
  var editor = document.querySelector("script[data-articles]");
  var CONTENT = ((editor && editor.getAttribute("data-content")) || "content")
    .replace(/\/+$/, "") + "/";
  // The collections: each is named as its folder under content/ (plugins/admin/config.py).
  var COLLECTIONS = ((editor && editor.getAttribute("data-articles")) || "").split(/\s+/)
    .concat(((editor && editor.getAttribute("data-pages")) || "").split(/\s+/))
    .filter(Boolean);
  var LINE = /^(\S+?\.md):(\d+):/;

  var panel = null;
  var shown = "";  // the problems shown, as a string: announced again only when they change
  var hidden = "";  // the problems the editor chose to hide
  var fixedTimer = null;

  function style(element, rules) {
    Object.keys(rules).forEach(function (name) { element.style[name] = rules[name]; });
    return element;
  }

  function make(tag, text, rules) {
    var element = document.createElement(tag);
    if (text) element.textContent = text;
    return rules ? style(element, rules) : element;
  }

  // The item's address in the editor: a file of a collection's folder, not in a subfolder.
  function entryLink(path) {
    if (path.indexOf(CONTENT) !== 0) return null;
    var parts = path.slice(CONTENT.length).split("/");
    if (parts.length !== 2 || COLLECTIONS.indexOf(parts[0]) < 0) return null;
    return "#/collections/" + encodeURIComponent(parts[0]) + "/entries/"
      + encodeURIComponent(parts[1].replace(/\.md$/, ""));
  }

  // A new panel in place of the one shown: its role, its heading (the panel's name)
  function open(role, heading, margin) {
    remove();
    panel = box(role);
    var title = make("h2", heading, { margin: margin, fontSize: "1.125rem" });
    title.id = "anteprima-errori-titolo";
    panel.appendChild(title);
    return panel;
  }

  function box(role) {
    var element = style(make("section"), {
      position: "fixed", left: "0", right: "0", bottom: "0", zIndex: "100000",
      maxHeight: "40vh", overflowY: "auto", padding: "0.75rem 1rem",
      background: "#fff", color: "#1b1b1b", borderTop: "4px solid #b3261e",
      boxShadow: "0 -2px 8px rgba(0, 0, 0, 0.25)", font: "16px/1.5 system-ui, sans-serif"
    });
    element.className = "anteprima-errori";
    element.setAttribute("role", role);
    element.setAttribute("aria-labelledby", "anteprima-errori-titolo");
    return element;
  }

  function remove() {
    if (panel && panel.parentNode) panel.parentNode.removeChild(panel);
    panel = null;
  }

  function showProblems(problems, key) {
    open("alert", "Il sito non è stato aggiornato: ci sono errori da correggere",
      "0 0 0.25rem");
    panel.appendChild(make("p", "L’anteprima del sito mostra l’ultima versione riuscita."
      + " Correggi e salva: questo avviso sparisce da solo.", { margin: "0 0 0.5rem" }));
    var list = make("ul", "", { margin: "0", paddingLeft: "1.25rem" });
    problems.forEach(function (problem) {
      var item = make("li");
      item.appendChild(make("code", problem, { whiteSpace: "pre-wrap",
        overflowWrap: "anywhere" }));
      var found = LINE.exec(problem);
      var href = found && entryLink(found[1]);
      if (href) {
        item.appendChild(document.createTextNode(" "));
        var link = make("a", "Apri nell’editor", { color: "#0b4f9c" });
        link.href = href;
        item.appendChild(link);
      }
      list.appendChild(item);
    });
    panel.appendChild(list);
    var close = make("button", "Nascondi", { marginTop: "0.5rem", font: "inherit",
      padding: "0.25rem 0.75rem" });
    close.type = "button";
    close.addEventListener("click", function () {
      hidden = key;
      remove();
    });
    panel.appendChild(close);
    document.body.appendChild(panel);
  }

  function showFixed() {
    open("status", "Errori corretti: il sito di anteprima è di nuovo aggiornato.", "0");
    document.body.appendChild(panel);
    fixedTimer = window.setTimeout(remove, FIXED_SHOWN);
  }

  function update(state) {
    var problems = state.problems || [];
    var key = JSON.stringify(problems);
    if (key === shown) return;
    var before = shown;
    shown = key;
    window.clearTimeout(fixedTimer);
    if (problems.length) {
      if (key !== hidden) showProblems(problems, key);
    } else if (before) {
      showFixed();
    }
  }

  function poll() {
    fetch("/__anteprima/stato", { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        update(state);
        window.setTimeout(poll, POLL);
      })
      .catch(function () { window.setTimeout(poll, 2 * POLL); });
  }
  poll();
})();
