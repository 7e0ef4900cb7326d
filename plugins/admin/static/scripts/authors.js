/* authors.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // page.js
  var list = admin.list;
  // list-widget.js
  var AUTHORS = admin.AUTHORS;
  var NO_ITEMS = admin.NO_ITEMS;
  // native-header.js
  var without = admin.without;

  // --- The authors, written as the contract has them -------------------------------
  // The form's «Autori» is a list of names (a one-line list: "Anna Rossi, Marco
  // Bianchi" is two). Saved as the contract and the guide have them: one name as
  // `author: Anna Rossi`, several as `authors: [Anna Rossi, Marco Bianchi]` (each name
  // its own author page), none as neither key (the site's default author). Only a new
  // item's list or one the editor changed (AUTHORS_EDITED) is written so: an item
  // whose list was not touched keeps its `author` or `authors` as its file has them.
  // A string field «Autore» wrote "Anna Rossi, Marco Bianchi" into `author`, one author
  // of that name, with one page: the build only warned, where the editor never looks.
  function authorNames(value) {
    var names = [];
    list(value).forEach(function (name) {
      name = String(name === null || name === undefined ? "" : name).replace(/\s+/g, " ")
        .trim();
      if (name && names.indexOf(name) < 0) {
        names.push(name);
      }
    });
    return names;
  }

  // the names the form holds: its list (an empty one too: the editor emptied it), else
  // the file's `author`, one name as the site reads it (an item copied with «Duplica»
  // from one saved with `author` has no list)
  function formAuthors(data) {
    var names = data.get(AUTHORS);
    return names !== undefined && names !== null ? authorNames(names)
      : authorNames([data.get("author")]);
  }

  function authorsWritten(data) {
    var names = formAuthors(data);
    data = without(without(data, "author"), AUTHORS);
    if (names.length === 1) {
      return data.set("author", names[0]);
    }
    return names.length ? data.set(AUTHORS, NO_ITEMS && typeof NO_ITEMS.concat === "function"
      ? NO_ITEMS.concat(names) : names) : data;
  }

  // A name with " e " or " ed " between its words ("Anna Rossi e Marco Bianchi") is
  // most likely two authors written as one: asked before the save (an office may be
  // called so: "Ufficio stampa e comunicazione"), and refused if they are two
  var TWO_NAMES = /\S\s+(?:e|ed)\s+\S/;

  function authorsAsked(data) {
    var joined = formAuthors(data).filter(function (name) {
      return TWO_NAMES.test(name);
    })[0];
    if (joined === undefined) {
      return null;
    }
    var parts = joined.split(/\s+(?:e|ed)\s+/);
    var comma = parts.join(", ");
    var one = window.confirm("Negli «Autori» c'è «" + joined + "»: il sito lo pubblicherà"
      + " come un autore solo, con quel nome. Se sono più autori, premi Annulla e separali"
      + " con una virgola (" + comma + "). Se è il nome di un autore solo, premi OK.");
    return one ? null : "«" + joined + "» sono più autori: nel campo «Autori» separali con"
      + " una virgola, non con «e»: " + comma + ". Sul sito ciascuno avrà la sua pagina.";
  }

  admin.authorsAsked = authorsAsked;
  admin.authorsWritten = authorsWritten;
  admin.formAuthors = formAuthors;
}(window.FareLegamiAdmin));
