/* field-errors.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // page.js
  var CMS = admin.CMS;
  var LANGUAGE = admin.LANGUAGE;
  // notices.js
  var onStore = admin.onStore;

  // --- A save stopped by a field's error: the field shown, the reason said ---------
  // Decap checks the form's own rules (a required field, the Slug's pattern) when
  // "Pubblica ora" (or "Pubblica e …") is chosen, and then saves nothing. It wrote the
  // reason only above the field, wherever the form was scrolled: the button is at the
  // top, the Slug halfway down, and after typing the text the form is at its end. For
  // a field left empty it said, in a notice, only that "a" field was missing ("Oops,
  // hai saltato un campo obbligatorio", phrases.js words it); for a Slug written
  // "Festa d'Estate" it said nothing at all: the save did nothing, as far as the editor
  // could see. After such a choice the first field in error is scrolled into view and
  // focused (a screen reader reads its label and error), and when Decap gave no
  // notice, one says why, in the field's own words. Decap's refusal is also a promise
  // rejected without a reason that nothing handles ("Uncaught (in promise) undefined" in
  // the console): that one, with the form's errors said, is marked handled.
  var PRESENCE = "PRESENCE";  // Decap's type of a required field's error
  var ERRORS = "[class*='-ControlErrorsList']";  // emotion's label of Decap's list
  var CONTROL = "[class*='-ControlContainer']";
  var FRAMES = 10;  // the frames waited for Decap to draw the errors

  function saveChoices() {
    var locale = (CMS.getLocale && CMS.getLocale(LANGUAGE)) || {};
    var toolbar = (locale.editor && locale.editor.editorToolbar) || {};
    return [toolbar.publishNow, toolbar.publishAndCreateNew, toolbar.publishAndDuplicate]
      .filter(Boolean);
  }

  function isSaveChoice(target) {
    var item = target && target.closest && target.closest("[role='menuitem']");
    if (!item) {
      return false;
    }
    var text = (item.textContent || "").trim();
    return saveChoices().indexOf(text) !== -1;
  }

  function errorsOf(store) {
    var state = store.getState();
    var draft = state && state.entryDraft;
    var errors = draft && draft.get && draft.get("fieldsErrors");
    var found = [];
    if (errors && errors.forEach) {
      errors.forEach(function (list) {
        var items = list && list.toJS ? list.toJS() : list;
        (items || []).forEach(function (error) {
          if (error) {
            found.push(error);
          }
        });
      });
    }
    return found;
  }

  // The first field whose error Decap drew, scrolled to the middle of the form and
  // its control focused (the label's "for", Decap's id of the control)
  function showFirst() {
    var list = document.querySelector(ERRORS);
    var control = list && list.closest(CONTROL);
    if (!control) {
      return false;
    }
    control.scrollIntoView({ block: "center" });
    var label = control.querySelector("label[for]");
    var input = label && document.getElementById(label.getAttribute("for"));
    var focusable = input || control.querySelector("input, textarea, select, button,"
      + " [contenteditable='true']");
    if (focusable && focusable.focus) {
      focusable.focus({ preventScroll: true });
    }
    return true;
  }

  function noticeOf(errors) {
    var words = errors.map(function (error) {
      return typeof error.message === "string" ? error.message.trim() : "";
    }).filter(Boolean);
    if (!words.length) {
      words = ["un campo segnato in rosso nel modulo non è scritto come serve."];
    }
    var first = words.join(" ");
    return "Salvataggio della voce non riuscito: " + first.charAt(0).toLowerCase()
      + first.slice(1);
  }

  function afterChoice(store) {
    var errors = errorsOf(store);
    if (!errors.length) {
      return;
    }
    var presence = errors.some(function (error) { return error.type === PRESENCE; });
    if (!presence) {  // Decap said nothing
      store.dispatch({ type: "NOTIFICATION_SEND",
        payload: { message: noticeOf(errors), type: "error", dismissAfter: 8000 } });
    }
    var frames = 0;
    (function untilDrawn() {
      if (!showFirst() && ++frames < FRAMES) {
        window.requestAnimationFrame(untilDrawn);
      }
    }());
  }

  onStore(function (store) {
    function chosen(event) {
      if (event.type === "keydown" && event.key !== "Enter" && event.key !== " ") {
        return;
      }
      if (isSaveChoice(event.target)) {
        // after Decap's own handler (React's, on its root): its check is done by then
        window.setTimeout(function () { afterChoice(store); }, 0);
      }
    }
    document.addEventListener("click", chosen);
    document.addEventListener("keydown", chosen);
    window.addEventListener("unhandledrejection", function (event) {
      if (event.reason === undefined && errorsOf(store).length) {
        event.preventDefault();
      }
    });
  });

}(window.FareLegamiAdmin));
