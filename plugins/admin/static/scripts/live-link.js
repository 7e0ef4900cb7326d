/* live-link.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // notices.js
  var onStore = admin.onStore;

  // --- «Apri il sito» is made once the item is read -----------------------------------
  // The toolbar's «Apri il sito» (Decap's "View Live") links to the item's address,
  // made by Decap from the collection's preview_path and the item's fields
  // (plugins/admin/config.py). Decap asks for it as soon as the toolbar is drawn, and
  // the toolbar is drawn once before the item is in Decap's store when an item is opened
  // while its collection's list is still loading (or just after a save): Decap's
  // previewUrlFormatter then read the fields of no item, and the editor got an error
  // notice, "Caricamento dell'anteprima non riuscito: Cannot read properties of
  // undefined (reading 'get')", which stayed (notices.js), though the link came right a
  // moment later (the toolbar drawn again with the item). That first request, for an
  // item the store does not hold, is left out here: the toolbar drawn again asks again.
  // Decap's thunks (functions dispatched from its components) are run with a dispatch
  // that stops the one which starts it (DEPLOY_PREVIEW_REQUEST) before it goes on;
  // everything else passes as it came.
  var REQUEST = "DEPLOY_PREVIEW_REQUEST";
  var LEFT_OUT = { leftOut: "a View Live link asked for before its item was read" };

  function held(state, payload) {
    var entries = state && state.entries;
    return Boolean(payload && entries && typeof entries.getIn === "function"
      && entries.getIn(["entities", payload.collection + "." + payload.slug]));
  }

  function settled(error) {
    if (error === LEFT_OUT) {
      return undefined;
    }
    throw error;
  }

  function waitForTheItem(store) {
    var dispatch = store.dispatch;
    store.dispatch = function (action) {
      if (typeof action !== "function") {
        return dispatch.apply(this, arguments);
      }
      var thunk = action;
      return dispatch.call(this, function (inner, getState, extra) {
        var result;
        try {
          result = thunk(function (given) {
            if (given && given.type === REQUEST && !held(getState(), given.payload)) {
              throw LEFT_OUT;
            }
            return inner.apply(this, arguments);
          }, getState, extra);
        } catch (error) {
          return settled(error);
        }
        return result && typeof result.then === "function"
          ? result.then(null, settled) : result;
      });
    };
  }

  onStore(waitForTheItem);
}(window.FareLegamiAdmin));
