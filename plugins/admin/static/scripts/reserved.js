/* reserved.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // page.js
  var words = admin.words;
  // slugs.js
  var itemOf = admin.itemOf;
  // old-addresses.js
  var URL_PATTERNS = admin.URL_PATTERNS;
  var addressOf = admin.addressOf;

  // --- An address the site keeps for itself ------------------------------------------
  // The site writes its own pages at some addresses (/documenti/, /archivio/, /cerca/,
  // /argomenti/, /autori/, /segui/, /admin/…: plugins/content_checks' reserved_paths,
  // data-reserved): an item whose address starts there stops the build ("è riservato al
  // sito"). A page titled "Documenti" or "Archivio", natural names for a page, was saved
  // with "Voce salvata", and the publication stopped. Such a save is refused; the address
  // is made from the site's pattern (addressOf: one it cannot make is not checked).
  var RESERVED = words("data-reserved");

  function reservedRefusal(entry, data) {
    var item = itemOf(null, entry, data);
    var address = item.slug && addressOf(URL_PATTERNS[item.page ? "page" : "article"],
      item.slug, data.get("date"));
    var first = address ? address.split("/")[1] : "";
    if (!first || RESERVED.indexOf(first) < 0) {
      return null;
    }
    return "l'indirizzo " + address + " è riservato al sito, che lì pubblica una sua pagina,"
      + " e il sito non verrebbe pubblicato. Cambia il titolo (per esempio con altre parole"
      + " prima o dopo), o scrivi un'altra fine dell'indirizzo nel campo «Slug (fine"
      + " dell'indirizzo)».";
  }

  admin.reservedRefusal = reservedRefusal;
}(window.FareLegamiAdmin));
