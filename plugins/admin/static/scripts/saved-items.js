/* saved-items.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // page.js
  var CMS = admin.CMS;
  // slugs.js
  var DELETED = admin.DELETED;
  var itemOf = admin.itemOf;
  var ownFile = admin.ownFile;

  // --- The items saved in this session --------------------------------------------
  // slugs.json is the last build's: an item saved since is not in it, and a second item
  // with its title (a copy made with "Duplica", or a new item given the same title)
  // was saved under another file name with the same address, and the build stopped.
  // The items saved in the session are remembered with their slug (Decap's "postSave",
  // below): by their file, or, for a new item (Decap names its file as it saves it), by
  // its collection and the name Decap opens it at next (#/collections/<c>/entries/<name>).
  var SAVED = [];

  // Whether ``entry`` is the item saved as ``record``: its file, or for a new item's
  // record its name (none seen: any saved item of its collection, left to the build)
  function isSaved(record, entry) {
    var own = ownFile(entry);
    if (record.file) {
      return record.file === own;
    }
    return Boolean(own) && record.collection === entry.get("collection")
      && (!record.name || own.split("/").pop().replace(/\.[^.\/]*$/, "") === record.name);
  }

  // The record of another item saved in the session with the item's slug, or null
  function takenBySaved(slugs, entry, data) {
    var item = itemOf(slugs, entry, data);
    return SAVED.filter(function (record) {
      return item.slug && record.slug === item.slug && record.page === item.page
        && !isSaved(record, entry);
    })[0] || null;
  }

  // "Pubblica e duplica" and "Pubblica e crea una nuova voce" of a new item: Decap saves it,
  // then shows the form of a new item (#/collections/<c>/new) with the item just saved
  // in it, its file and all: neither a copy nor a new item. Saved, the "copy" (or the
  // new item typed over it) was written over the original, whose text was lost. Such a
  // form is refused (a copy of an item opened from the list, "Duplica", is a new item).
  function notNew(entry) {
    return !entry.get("newRecord") && Boolean(ownFile(entry))
      && window.location.hash.split("?")[0] === "#/collections/" + entry.get("collection")
        + "/new";
  }

  // the items deleted in this session (DELETED, above)
  CMS.registerEventListener({
    name: "postUnpublish",  // after a deletion (Decap's "unpublish" of simple publishing)
    handler: function (event) {
      DELETED[ownFile(event.entry)] = true;
      SAVED = SAVED.filter(function (record) { return !isSaved(record, event.entry); });
    }
  });

  // the items saved in this session (SAVED, above)
  CMS.registerEventListener({
    name: "postSave",
    handler: function (event) {
      var entry = event.entry;
      var data = entry.get("data");
      var item = itemOf(null, entry, data);
      SAVED = SAVED.filter(function (record) { return !isSaved(record, entry); });
      if (!item.slug) {
        return;  // a title the script does not fold: the build checks it
      }
      var record = { slug: item.slug, page: item.page, title: String(data.get("title") || ""),
        collection: entry.get("collection"), file: item.own, name: "" };
      SAVED.push(record);
      if (!record.file) {  // a new item: Decap opens it at its file's name once saved
        var prefix = "#/collections/" + record.collection + "/entries/";
        window.addEventListener("hashchange", function opened(change) {
          window.removeEventListener("hashchange", opened);
          var hash = new URL(change.newURL).hash.split("?")[0];
          if (hash.indexOf(prefix) === 0) {
            record.name = decodeURIComponent(hash.slice(prefix.length));
          }
        });
      }
    }
  });

  admin.notNew = notNew;
  admin.takenBySaved = takenBySaved;
}(window.FareLegamiAdmin));
