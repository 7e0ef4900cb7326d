/* save.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // page.js
  var CMS = admin.CMS;
  // markdown.js
  var IMAGE_WITHOUT_ALT = admin.IMAGE_WITHOUT_ALT;
  var IMAGE_WITHOUT_FILE = admin.IMAGE_WITHOUT_FILE;
  var demoteHeadings = admin.demoteHeadings;
  var hardBreaks = admin.hardBreaks;
  // list-widget.js
  var authorsEdited = admin.authorsEdited;
  // date-widget.js
  var dayAlone = admin.dayAlone;
  // nested-lists.js
  var nestedLists = admin.nestedLists;
  // less-than.js
  var typedLessThan = admin.typedLessThan;
  // table-alignment.js
  var alignedTables = admin.alignedTables;
  var itemKey = admin.itemKey;
  // published-files.js
  var replaced = admin.replaced;
  // refusal.js
  var refusal = admin.refusal;
  // link-reading.js
  var readText = admin.readText;
  // link-rules.js
  var controlRefusal = admin.controlRefusal;
  var disguisedRefusal = admin.disguisedRefusal;
  var localRefusal = admin.localRefusal;
  var elsewhereRefusal = admin.elsewhereRefusal;
  var emptyLinkRefusal = admin.emptyLinkRefusal;
  var relativeRefusal = admin.relativeRefusal;
  var schemeRefusal = admin.schemeRefusal;
  var unmarkedRefusal = admin.unmarkedRefusal;
  // native-header.js
  var fromNativeHeader = admin.fromNativeHeader;
  // authors.js
  var authorsAsked = admin.authorsAsked;
  var authorsWritten = admin.authorsWritten;
  // select-widget.js
  var emptyStatus = admin.emptyStatus;
  // slugs.js
  var elided = admin.elided;
  var itemOf = admin.itemOf;
  var ownFile = admin.ownFile;
  var publishedItems = admin.publishedItems;
  var takenBy = admin.takenBy;
  var takenByUnpublished = admin.takenByUnpublished;
  // saved-items.js
  var notNew = admin.notNew;
  var takenBySaved = admin.takenBySaved;
  // old-addresses.js
  var keptAddress = admin.keptAddress;
  // reserved.js
  var reservedRefusal = admin.reservedRefusal;
  // link-addresses.js
  var blankText = admin.blankText;
  var blankWritten = admin.blankWritten;
  // html-rules.js
  var htmlRefusal = admin.htmlRefusal;
  // field-rules.js
  var nameRefusal = admin.nameRefusal;
  var oldAddressRefusal = admin.oldAddressRefusal;
  var yearRefusal = admin.yearRefusal;
  // file-types.js
  var fileTypeRefusal = admin.fileTypeRefusal;

  // Whether an image of the text's Markdown ``prose`` has a description blank to the
  // build (core.text's blank: "![\u200b](…)", "![&nbsp;](…)" describe nothing)
  function imageWithoutAlt(prose) {
    var found;
    IMAGE_WITHOUT_ALT.lastIndex = 0;
    while ((found = IMAGE_WITHOUT_ALT.exec(prose)) !== null) {
      if (blankWritten(found[1], false)) {
        return true;
      }
    }
    return false;
  }

  // --- The checks before a save ------------------------------------------------
  // Decap's preSave: the checks and rewritings of the scripts before this one, in
  // turn. A refusal (refusal.js) stops the save, its message in Decap's error notice;
  // the data returned (or the promise's) is what Decap writes.

  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      if (notNew(event.entry)) {
        throw refusal("questo modulo non è una voce nuova, ma la voce appena salvata ("
          + ownFile(event.entry) + "): salvandolo la sostituiresti, e il suo testo andrebbe"
          + " perso. Per una voce nuova torna all'elenco e creala da lì; per una copia apri"
          + " la voce dall'elenco, scegli «Duplica» dal pulsante «Salvato» e dai alla copia"
          + " un altro titolo.");
      }
      var data = event.entry.get("data");
      if (authorsEdited() || event.entry.get("newRecord")) {
        var joined = authorsAsked(data);
        if (joined) {
          throw refusal(joined);
        }
        data = authorsWritten(data);
      }
      data = fromNativeHeader(data);
      // Decap takes a title of spaces for one; the build, as none (schema.py: made only
      // of what nobody sees, core.text's blank, the page's data-blank)
      if (typeof data.get("title") === "string" && blankText(data.get("title"))) {
        throw refusal("manca il titolo: quello nel campo «Titolo» è fatto solo di spazi o di"
          + " caratteri invisibili, e il sito non verrebbe pubblicato. Scrivi il titolo.");
      }
      // a new item's file named from its title as the site names its address (slugs.js)
      if (event.entry.get("newRecord") && typeof data.get("title") === "string") {
        data = data.set("title", elided(data.get("title")));
      }
      // `status:` written empty in the file (the form cannot empty «Stato»: select-widget.js)
      if (emptyStatus(data)) {
        throw refusal("manca lo stato: nel campo «Stato» scegli «Pubblicato», «Bozza (non"
          + " pubblicata)» o «Nascosto»; vuoto, il sito non verrebbe pubblicato.");
      }
      var image = data.get("image");
      var alt = data.get("image_alt");
      if (image && blankText(String(alt || ""))) {  // as the build's blank (core.text)
        throw refusal("manca la descrizione dell'immagine di copertina (testo"
          + " alternativo): scrivila nel campo sotto l'immagine.");
      }
      var body = data.get("body");
      // its Markdown: an image in code, a comment or a block of HTML is text, or nothing
      var prose = readText(body, function () {});
      if (imageWithoutAlt(prose)) {
        throw refusal("un'immagine nel testo non ha la descrizione: scrivila nel"
          + " campo «Descrizione (testo alternativo)» dell'immagine.");
      }
      if (IMAGE_WITHOUT_FILE.test(prose)) {
        throw refusal("un'immagine nel testo non ha il file: sceglilo con «Scegli"
          + " un'immagine» nel riquadro dell'immagine, o togli il riquadro.");
      }
      var links = controlRefusal(body, data.get("summary"))
        || localRefusal(body, data.get("summary"))
        || disguisedRefusal(body, data.get("summary"))
        || relativeRefusal(body, data.get("summary"))
        || elsewhereRefusal(body, data.get("summary"))
        || schemeRefusal(body, data.get("summary"))
        || unmarkedRefusal(body, data.get("summary"))
        || emptyLinkRefusal(body, data.get("summary"));
      if (links) {
        throw refusal(links);
      }
      var saved = typeof body === "string"
        ? data.set("body", typedLessThan(demoteHeadings(hardBreaks(nestedLists(
          alignedTables(itemKey(event.entry), body)))))) : data;
      var summary = saved.get("summary");
      saved = typeof summary === "string" ? saved.set("summary", typedLessThan(summary))
        : saved;
      // the HTML as it is saved (a "<" written as &lt; is no tag), the names, the date
      var html = htmlRefusal(saved.get("body"), saved.get("summary")) || nameRefusal(saved)
        || yearRefusal(saved.get("date")) || oldAddressRefusal(saved)
        || fileTypeRefusal(saved);
      if (html) {
        throw refusal(html);
      }
      var day = dayAlone(saved.get("date"));
      saved = day !== saved.get("date") ? saved.set("date", day) : saved;
      return publishedItems().then(function (slugs) {
        if (itemOf(slugs, event.entry, saved).slug === "") {
          // (a title of references too, "&nbsp;" or "&amp;": slugs.js decodes them)
          throw refusal("dal titolo non si ricava un indirizzo (è fatto solo di simboli o"
            + " emoji, o di codici come &nbsp; che non sono lettere né cifre): scrivi la fine"
            + " dell'indirizzo nel campo «Slug (fine dell'indirizzo)», per esempio"
            + " festa-di-quartiere.");
        }
        var reserved = reservedRefusal(event.entry, saved);
        if (reserved) {
          throw refusal(reserved);
        }
        var taken = takenBy(slugs, event.entry, saved);
        if (taken) {
          throw refusal((taken.page ? "una pagina pubblicata" : "un articolo pubblicato")
            + " ha già lo stesso indirizzo (fine dell'indirizzo «" + taken.slug + "», "
            + taken.file
            + "), e il sito non verrebbe pubblicato. Cambia il titolo, o scrivi un'altra fine"
            + " dell'indirizzo nel campo «Slug (fine dell'indirizzo)»."
            + (taken.elsewhere ? " Se invece lo stai spostando in questa raccolta,"
              + " cancella prima la versione vecchia («Cancella voce»), poi salva di nuovo:"
              + " con lo stesso titolo l'indirizzo resta lo stesso." : ""));
        }
        var twin = takenBySaved(slugs, event.entry, saved);
        if (twin) {
          throw refusal((twin.page ? "una pagina salvata" : "un articolo salvato")
            + " da quando hai aperto l'editor («" + twin.title + "») ha già lo stesso"
            + " indirizzo (fine dell'indirizzo «" + twin.slug + "»), e il sito non verrebbe"
            + " pubblicato."
            + " Cambia il titolo, o scrivi un'altra fine dell'indirizzo nel campo «Slug (fine"
            + " dell'indirizzo)».");
        }
        return takenByUnpublished(slugs, event.entry, saved).then(function (hidden) {
          if (hidden) {
            var item = itemOf(slugs, event.entry, saved);
            throw refusal((item.page ? "una pagina non pubblicata (una bozza o una pagina"
              + " nascosta)" : "un articolo non ancora pubblicato (una bozza, o un articolo"
              + " programmato o nascosto)") + " ha già lo stesso indirizzo (fine dell'indirizzo «"
              + item.slug + "»), e il sito non verrebbe pubblicato. Cambia il titolo, o"
              + " scrivi un'altra fine dell'indirizzo nel campo «Slug (fine dell'indirizzo)».");
          }
          saved = keptAddress(slugs, event.entry, saved);
          return replaced(event.entry);
        });
      }).then(function (paths) {
        if (paths.length) {
          throw refusal("sul sito c'è già un file con questo nome (" + paths.join(", ")
            + "), forse di un altro articolo, e verrebbe sostituito. Rinomina il file sul"
            + " computer; poi apri di nuovo la finestra dei file, seleziona quello caricato,"
            + " premi «Cancella selezionato» e carica il file rinominato.");
        }
        return saved;
      });
    }
  });
}(window.FareLegamiAdmin));
