/* control-names.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  // drag.js
  var DRAG_IDS = admin.DRAG_IDS;
  var watchDrag = admin.watchDrag;

  // --- The buttons of a list's item, named -----------------------------------------
  // Each item of Decap's lists has a bar of three icons without a name: a screen reader
  // read "pulsante" three times, and "sortable" (dnd-kit's role, in English) for the
  // handle. They are named by what they do and the item's place: "Comprimi la voce 2"
  // (or "Espandi…": the item's fields shown or not), "Sposta la voce 2 di 3" (the
  // handle: its instructions say how), "Rimuovi la voce 2", each followed by its list's
  // label ("… dell'elenco Allegati"): the same three names in every list of the form did
  // not say which list's item a screen reader user removed. Looked at again after each
  // change of the page, in the observer's own callback (before anything else runs): left
  // to the next frame, a moved item's handle, focused, still said its old place ("voce 2"
  // after a move to the first), and a notice's close button "close", meanwhile.
  var HANDLE = '[aria-describedby^="DndDescribedBy"]';
  // Beside each handle, two buttons of ours move the item up and down with a click (WCAG
  // 2.5.7: a drag was the only way with a mouse or a finger): made here, in the handle's
  // bar (a <span data-sposta-voce> after it), named with the item's place; the first
  // item's "up" and the last one's "down" are aria-disabled (still focusable: the focus
  // stays on a button that has just moved its item to the end). list-widget.js moves.
  var MOVES = "data-sposta-voce";

  function movesOf(handle) {
    var box = handle.nextElementSibling;
    if (!box || !box.hasAttribute(MOVES)) {
      box = document.createElement("span");
      box.setAttribute(MOVES, "");
      [["-1", "\u2191"], ["1", "\u2193"]].forEach(function (pair) {
        var button = document.createElement("button");
        button.type = "button";
        button.setAttribute("data-passo", pair[0]);
        button.textContent = pair[1];
        box.appendChild(button);
      });
      handle.parentNode.insertBefore(box, handle.nextSibling);
    }
    return box.children;
  }

  // A field's label as the form shows it, without Decap's "(opzionale)" ("" for none)
  function fieldLabel(field) {
    var label = field && field.id && document.querySelector('label[for="' + field.id + '"]');
    return label ? label.textContent.replace(/\s*\(opzionale\)\s*$/, "").trim() : "";
  }

  function named(element, name) {
    if (element && element.tagName === "BUTTON") {
      given(element, "aria-label", name);
    }
  }

  function nameItems() {
    var lists = {};
    Array.prototype.forEach.call(document.querySelectorAll(HANDLE), function (handle) {
      var list = handle.getAttribute("aria-describedby");
      (lists[list] = lists[list] || []).push(handle);
    });
    Object.keys(lists).forEach(function (list) {
      var name = fieldLabel(lists[list][0].closest('[id*="-field-"]'));
      var of = name ? " dell'elenco " + name : "";
      lists[list].forEach(function (handle, index) {
        var place = "la voce " + (index + 1);
        var bar = handle.parentElement;
        var label = bar.nextElementSibling;  // the item's summary, shown when collapsed
        var collapsed = Boolean(label && getComputedStyle(label).display !== "none");
        given(handle, "aria-label", "Sposta " + place + " di " + lists[list].length + of);
        handle.removeAttribute("aria-roledescription");
        var moves = movesOf(handle);
        given(moves[0], "aria-label", "Sposta in su " + place + of);
        given(moves[1], "aria-label", "Sposta in giù " + place + of);
        given(moves[0], "aria-disabled", String(index === 0));
        given(moves[1], "aria-disabled", String(index === lists[list].length - 1));
        named(bar.firstElementChild, (collapsed ? "Espandi " : "Comprimi ") + place + of);
        named(bar.lastElementChild, "Rimuovi " + place + of);
      });
    });
  }

  // --- Decap's other controls without a name ----------------------------------------
  // The text's box (a textbox without a name: its label is not tied to it), the switch
  // between formatted text and Markdown (neither name nor state: the aria-label Decap
  // gives it does not reach the page), the menus of the text's toolbar (a button inside
  // a button, the outer one, which opens the menu, without a name: two stops of Tab for
  // one menu), the preview pane (a frame without a title) and the notices' close button
  // ("close": in English; their timer, "notification timer", is not shown: notices.js).
  function given(element, name, value) {
    if (element.getAttribute(name) !== value) {
      element.setAttribute(name, value);
    }
  }

  function labelOf(box) {
    for (var node = box.parentElement; node && node !== document.body;
      node = node.parentElement) {
      var label = node.querySelector("label");
      if (label && !box.contains(label)) {
        return label.textContent.trim();
      }
    }
    return "";
  }

  function nameControls() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-slate-editor="true"]'),
      function (box) {
        var label = labelOf(box);
        if (label) {
          given(box, "aria-label", label);
        }
      });
    var SWITCHES = '.cms-editor-visual [role="switch"], .cms-editor-raw [role="switch"]';
    Array.prototype.forEach.call(document.querySelectorAll(SWITCHES), function (toggle) {
      given(toggle, "aria-label", "Markdown");
      given(toggle, "aria-checked", toggle.closest(".cms-editor-raw") ? "true" : "false");
    });
    Array.prototype.forEach.call(document.querySelectorAll(
      '[role="button"][aria-haspopup] > button[title]'), function (inner) {
      given(inner.parentElement, "aria-label", inner.title);
      given(inner, "tabindex", "-1");  // the outer one opens the menu, by mouse or keyboard
      given(inner, "aria-hidden", "true");
    });
    // A list's own button (all its items shown or not) was "Espandi" or "Comprimi" alone,
    // the same for every list of the form: it is given the list's label. So is the one
    // of a box of fields that is no list (the text's image, "Comprimi il riquadro
    // Immagine"), which was "Comprimi" alone too. Decap writes its own word again when
    // the state changes, so the word said is the one found here.
    Array.prototype.forEach.call(document.querySelectorAll(
      '[id*="-field-"] > :first-child [data-testid="expand-button"]'), function (button) {
      var field = button.parentElement.parentElement.parentElement;
      var word = /^(Espandi|Comprimi)\b/.exec(button.getAttribute("aria-label") || "");
      var text = fieldLabel(field);
      var list = field.parentElement && field.parentElement.hasAttribute("data-elenco");
      if (word && text) {
        given(button, "aria-label", word[1] + (list ? " l'elenco " : " il riquadro ") + text);
      }
    });
    var frame = document.getElementById("preview-pane");
    if (frame) {
      given(frame, "title", "Anteprima");
    }
    Array.prototype.forEach.call(document.querySelectorAll(".Toastify__close-button"),
      function (button) {
        given(button, "aria-label", "Chiudi l'avviso");
      });
  }

  function nameAll() {
    nameItems();
    nameControls();
  }

  if (window.MutationObserver && document.documentElement) {
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        Array.prototype.forEach.call(record.addedNodes, function (node) {
          if (node.nodeType !== 1) {
            return;
          }
          if (node.matches(DRAG_IDS)) {
            watchDrag(node);
          }
          Array.prototype.forEach.call(node.querySelectorAll(DRAG_IDS), watchDrag);
        });
      });
      nameAll();  // its own names: attributes not watched, no second call
    }).observe(document.documentElement, { childList: true, subtree: true,
      attributes: true, attributeFilter: ["class"] });  // an item collapsed: its classes
  }

  admin.HANDLE = HANDLE;
  admin.MOVES = MOVES;
}(window.FareLegamiAdmin));
