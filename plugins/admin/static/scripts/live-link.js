/* live-link.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // page.js
  var words = admin.words;
  var script = admin.script;
  // notices.js
  var onStore = admin.onStore;
  // slugs.js
  var siteSlug = admin.siteSlug;
  // old-addresses.js
  var URL_PATTERNS = admin.URL_PATTERNS;
  var addressOf = admin.addressOf;
  var PAGE_COLLECTIONS = words("data-pages");
  // the site's DEFAULT_LANG: an item in it is at ARTICLE_URL/PAGE_URL, as one without lang
  var DEFAULT_LANG = (script.getAttribute("data-default-lang") || "").trim();

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
  var LOADED = "DEPLOY_PREVIEW_SUCCESS";
  var LEFT_OUT = { leftOut: "a View Live link asked for before its item was read" };

  function stored(state, payload) {
    var entries = state && state.entries;
    return payload && entries && typeof entries.getIn === "function"
      ? entries.getIn(["entities", payload.collection + "." + payload.slug]) : undefined;
  }

  function held(state, payload) {
    return Boolean(stored(state, payload));
  }

  // --- «Apri il sito» of an item without a slug opens its page ------------------------
  // Decap's preview_path takes the item's `slug` field; without one (the usual case) the
  // build makes the slug from the title (plugins/italian/slugs.py), which Decap's
  // templates cannot, so the link led to the category's listing (a page: the home page;
  // plugins/admin/config.py's preview_path). The link Decap has made is replaced here by
  // the item's own address when the title gives the slug as the build gives it
  // (slugs.js' siteSlug; none, or left to the build: the listing stays) and the site's
  // pattern (ARTICLE_URL, PAGE_URL) can be filled in (old-addresses.js' addressOf). The
  // item as the store holds it, as saved: the site's page is the saved item's. An item
  // with a `lang:` (which the form has not) other than the site's (DEFAULT_LANG, the
  // page's data-default-lang) keeps the listing: its page is under another pattern
  // (ARTICLE_LANG_URL, PAGE_LANG_URL); one with the site's own has its page as without.
  function ownAddress(state, payload) {
    var entry = stored(state, payload);
    var data = entry && entry.get("data");
    if (!data || typeof data.get !== "function" || String(data.get("slug") || "").trim()) {
      return null;  // Decap's own link: the item's slug, or no item
    }
    var lang = String(data.get("lang") || "").trim();
    if (lang && lang !== DEFAULT_LANG) {
      return null;  // another language's pattern (ARTICLE_LANG_URL): the listing
    }
    var slug = siteSlug(data.get("title"));
    var page = PAGE_COLLECTIONS.indexOf(payload.collection) >= 0;
    var address = slug && addressOf(URL_PATTERNS[page ? "page" : "article"], slug,
      data.get("date"));
    var config = state.config && typeof state.config.get === "function"
      ? state.config.toJS() : state.config;
    var site = String((config && config.site_url) || "").replace(/\/+$/, "");
    return address && site ? site + address : null;
  }

  function linked(state, action) {
    var address = ownAddress(state, action.payload);
    if (!address) {
      return action;
    }
    var payload = {};
    Object.keys(action.payload).forEach(function (key) { payload[key] = action.payload[key]; });
    payload.url = address;
    var changed = {};
    Object.keys(action).forEach(function (key) { changed[key] = action[key]; });
    changed.payload = payload;
    return changed;
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
            if (given && given.type === LOADED && given.payload) {
              return inner.call(this, linked(getState(), given));
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
