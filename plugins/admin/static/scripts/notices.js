/* notices.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // --- Decap's notices stay until the editor closes them ---------------------------
  // Decap's notices (react-toastify's: "Voce salvata", a refused save's reason, an
  // error) closed by themselves after 4 s (a success) or 8 s (an error): an editor who
  // reads slowly, or looks at another part of the page through a screen magnifier,
  // missed them (WCAG 2.2.1, Timing Adjustable). Two clocks closed them, each stopped
  // here without changing Decap's code:
  // - react-toastify closes a notice when its progress bar's CSS animation ends (paused
  //   only while the mouse is over it): the animation is paused for good (over the play
  //   state react-toastify writes into the bar's style), and the bar, which no longer
  //   counts down, is not shown (nor read out, "notification timer");
  // - Decap's own timer (its Notifications component: setTimeout(dismissAfter), then
  //   NOTIFICATION_DISMISS, whether the mouse is over the notice or not). The component
  //   takes its dispatch from the Redux store (react-redux's useDispatch: store.dispatch,
  //   read at each of its renders), which Decap's thunks do not use (they have their
  //   own): a NOTIFICATION_DISMISS of a notice with a dismissAfter, which only that
  //   timer and the echo of a notice the editor closed send, is left out there. (The echo
  //   left out, Decap's store keeps a record of a notice closed, and shows nothing again
  //   for it; it looks its records up only for the notices without dismissAfter, a
  //   backend down or a session expired, whose dismissals go through.) The store is the
  //   react-redux Provider's, found from Decap's first element through React's fibers
  //   once Decap has drawn it.
  // A notice now stays until its close button ("Chiudi l'avviso", control-names.js) or a
  // click on it closes it. tests/test_admin_browser.py waits past both clocks.
  // A constructed style sheet (admin.addStyleSheet, page.js): no <style> element.
  admin.addStyleSheet(".Toastify__progress-bar--animated {"
    + " animation-play-state: paused !important; }"
    + " .Toastify__progress-bar--wrp { display: none !important; }");

  var DISMISS = "NOTIFICATION_DISMISS";

  // the Redux store of the react-redux Provider above ``element`` (React's fibers)
  function storeAbove(element) {
    var key = Object.keys(element).filter(function (name) {
      return name.indexOf("__reactFiber$") === 0;
    })[0];
    for (var fiber = key ? element[key] : null; fiber; fiber = fiber["return"]) {
      var store = fiber.memoizedProps && fiber.memoizedProps.store;
      if (store && typeof store.dispatch === "function"
        && typeof store.getState === "function") {
        return store;
      }
    }
    return null;
  }

  function timed(store, id) {
    var state = store.getState();
    var notices = (state && state.notifications && state.notifications.notifications) || [];
    return notices.some(function (notice) {
      return notice.id === id && notice.dismissAfter;
    });
  }

  function keepNotices(store) {
    var dispatch = store.dispatch;
    store.dispatch = function (action) {
      if (action && action.type === DISMISS && timed(store, action.id)) {
        return action;  // Decap's timer (or the echo of a notice closed): left out
      }
      return dispatch.apply(this, arguments);
    };
  }

  // What else is done with the store once found (admin.onStore: live-link.js,
  // preview-errors.js)
  var onStore = [keepNotices];
  var found = null;
  admin.onStore = function (callback) {
    if (found) {
      callback(found);
    } else {
      onStore.push(callback);
    }
  };

  var kept = false;
  function watch() {
    var first = document.querySelector && document.querySelector("#nc-root > *");
    var store = first && storeAbove(first);
    if (store && !kept) {
      kept = true;
      found = store;
      onStore.forEach(function (callback) { callback(store); });
    }
    return kept;
  }

  if (!watch() && window.MutationObserver && document.documentElement) {
    var observer = new MutationObserver(function () {
      if (watch()) {
        observer.disconnect();
      }
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
  }
}(window.FareLegamiAdmin));
