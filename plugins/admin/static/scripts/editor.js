/*
 * editor.js – the web editor's own code (plugins/admin), after page.js: the build joins
 * them, in the order of plugins/admin/output.py's SCRIPTS, into admin/admin.js, loaded
 * after decap-cms.js. Its data- attributes, Decap's globals and the way the scripts
 * share what they use: page.js.
 */
(function (admin) {
  "use strict";

  // --- Decap's questions written into its code, in Italian ----------------------
  // One window.confirm of Decap 3.16 is not among its phrases: replacing an upload of
  // the same name. Asked in Italian here; any other question is passed on as it is.
  var QUESTIONS = [
    [/^(.+) already exists\. Do you want to replace it\?$/,
      "Esiste già un file chiamato «$1». Vuoi sostituirlo con quello che stai caricando?"]
  ];
  var nativeConfirm = window.confirm;
  window.confirm = function (message) {
    var text = String(message);
    QUESTIONS.some(function (pair) {
      if (pair[0].test(text)) {
        text = text.replace(pair[0], pair[1]);
        return true;
      }
      return false;
    });
    return nativeConfirm.call(window, text);
  };

  // --- The lists' drag and drop, for screen readers, in Italian --------------------
  // Decap's lists (attachments, old addresses) are reordered with dnd-kit, whose
  // hidden instructions ("To pick up a draggable item, press the space bar…") and
  // announcements ("Picked up draggable item 3.") are not among Decap's phrases: a
  // screen reader read them in English. They are rewritten where dnd-kit puts them
  // (elements with an id starting "DndDescribedBy" and "DndLiveRegion"). Decap gives
  // dnd-kit no keyboard (its sensors are the mouse's and touch's): the space bar did
  // nothing, and the up and down arrows move an item here (the list widget, below).
  var DRAG_TEXTS = [
    [/^\s*To pick up a draggable item, press the space bar\.[\s\S]*$/,
      "Per spostare una voce dell'elenco usa le frecce su e giù, o trascinala con il"
      + " mouse."],
    [/^Picked up draggable item .*$/, "Voce presa."],
    [/^Draggable item .* was moved over droppable area .*$/, "Voce spostata."],
    [/^Draggable item .* is no longer over a droppable area\.?$/, "Voce fuori dall'elenco."],
    [/^Dragging was cancelled\..*$/, "Spostamento annullato."],
    [/^Draggable item .* was dropped.*$/, "Voce lasciata nella nuova posizione."]
  ];
  var DRAG_IDS = '[id^="DndDescribedBy"], [id^="DndLiveRegion"]';

  function italianDrag(element) {
    var text = element.textContent;
    DRAG_TEXTS.some(function (pair) {
      if (pair[0].test(text)) {
        element.textContent = pair[1];  // no longer English: not matched again
        return true;
      }
      return false;
    });
  }

  function watchDrag(element) {
    if (element.dataset.italiano) {
      return;
    }
    element.dataset.italiano = "1";
    italianDrag(element);
    new MutationObserver(function () { italianDrag(element); })
      .observe(element, { childList: true, characterData: true, subtree: true });
  }

  // --- The buttons of a list's item, named -----------------------------------------
  // Each item of Decap's lists has a bar of three icons without a name: a screen reader
  // read "pulsante" three times, and "sortable" (dnd-kit's role, in English) for the
  // handle. They are named by what they do and the item's place: "Comprimi la voce 2"
  // (or "Espandi…": the item's fields shown or not), "Sposta la voce 2 di 3" (the
  // handle: its instructions say how), "Rimuovi la voce 2", each followed by its list's
  // label ("… dell'elenco Allegati"): the same three names in every list of the form did
  // not say which list's item a screen reader user removed. Looked at again after each
  // change of the page, at most once a frame.
  var HANDLE = '[aria-describedby^="DndDescribedBy"]';

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
  // and timer ("close", "notification timer": in English).
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
    Array.prototype.forEach.call(document.querySelectorAll(
      '.Toastify__progress-bar[role="progressbar"]'), function (bar) {
      given(bar, "aria-label", "Tempo prima che l'avviso si chiuda");  // "notification timer"
    });
  }

  var naming = false;

  function nameItemsSoon() {
    if (!naming) {
      naming = true;
      window.requestAnimationFrame(function () {
        naming = false;
        nameItems();
        nameControls();
      });
    }
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
      nameItemsSoon();
    }).observe(document.documentElement, { childList: true, subtree: true,
      attributes: true, attributeFilter: ["class"] });  // an item collapsed: its classes
  }

  // What a move by the keyboard did, for screen readers (dnd-kit's region is React's).
  // A live region is read out when its text changes, not when it arrives with its text
  // (screen readers start listening to it once it is on the page): made when a list is
  // drawn, empty, before any move; one made by the move itself speaks a moment later.
  var moved = null;
  var SPEAK_LATER = 150;  // ms: a region just put on the page, registered by then

  function liveRegion() {
    if (moved || !document.body) {
      return false;
    }
    moved = document.createElement("div");
    moved.setAttribute("role", "status");
    moved.style.cssText = "position:absolute;width:1px;height:1px;overflow:hidden;"
      + "clip:rect(0 0 0 0);white-space:nowrap";
    document.body.appendChild(moved);
    return true;
  }

  function announce(text) {
    if (liveRegion()) {
      window.setTimeout(function () { moved.textContent = text; }, SPEAK_LATER);
    } else {
      moved.textContent = text;
    }
  }

  var CMS = admin.CMS;  // page.js's
  var h = admin.h;
  var createClass = admin.createClass;
  var script = admin.script;
  if (!CMS || !script) {
    return;
  }
  var words = admin.words;

  // for the tests (tests/test_admin.py), which call them in Node.js
  admin.lastRunOf = lastRunOf;
  admin.siteSlug = siteSlug;
  admin.formDate = formDate;
  admin.keptAddress = keptAddress;
  admin.publishedItems = publishedItems;
  admin.takenByUnpublished = takenByUnpublished;
  admin.longDate = longDate;
  admin.typedLessThan = typedLessThan;
  admin.shownLessThan = shownLessThan;
  admin.rememberAlignments = rememberAlignments;
  admin.alignedTables = alignedTables;
  admin.itemKey = itemKey;
  admin.spacedBlocks = spacedBlocks;
  admin.fromNativeHeader = fromNativeHeader;
  admin.leadAndBody = leadAndBody;

  // --- Italian where Decap's own Italian falls back to English -----------------
  // Decap 3.16's "it" phrases miss some keys (the English ones are shown instead,
  // many of them names read out by screen readers: "Expand", "Close", "Set date to
  // now"…), keep "Upload" and "Download" in English and misspell the link prompt.
  // The phrases are read when the configuration has loaded, after this script: the
  // missing ones are added here, over Decap's table.
  var PHRASES = {
    auth: { loginWithAzure: "Accedi con Azure", loginWithForgejo: "Accedi con Forgejo" },
    collection: {
      collectionTop: { viewAsList: "Vista a elenco", viewAsGrid: "Vista a griglia" },
      entries: { unpublishedHeader: "Voci non pubblicate" }
    },
    editor: {
      // the container's name: Decap fills in its widget's name ("string", "list")
      editorControl: { field: { widgetLabel: "campo" } },
      // Decap's "%{fieldLabel} è richiesto." agreed with a masculine singular label only
      // ("Data e ora di pubblicazione è richiesto."): the field is named, whatever its
      // gender and number
      editorControlPane: {
        widget: {
          required: "Il campo «%{fieldLabel}» è obbligatorio.",
          regexPattern: "Il campo «%{fieldLabel}» non corrisponde allo schema: %{pattern}.",
          processing: "Il campo «%{fieldLabel}» è in elaborazione.",
          range: "Il campo «%{fieldLabel}» deve essere tra %{minValue} e %{maxValue}.",
          min: "Il campo «%{fieldLabel}» deve essere almeno %{minValue}.",
          max: "Il campo «%{fieldLabel}» deve essere al massimo %{maxValue}.",
          rangeCount: "Il campo «%{fieldLabel}» deve avere tra %{minCount} e %{maxCount}"
            + " voci.",
          rangeCountExact: "Il campo «%{fieldLabel}» deve avere esattamente %{count} voci.",
          rangeMin: "Il campo «%{fieldLabel}» deve avere almeno %{minCount} voci.",
          rangeMax: "Il campo «%{fieldLabel}» deve avere al massimo %{maxCount} voci."
        }
      },
      editorInterface: { toggleNotes: "Mostra o nascondi le note" },
      editorNotesPane: {  // the editorial workflow's notes (not used by this site)
        title: "Note", emptyState: "Ancora nessuna nota.", addNote: "Aggiungi nota",
        addPlaceholder: "Scrivi una nota…", editPlaceholder: "Modifica la nota…",
        save: "Salva", cancel: "Annulla", edit: "Modifica", delete: "Elimina",
        resolve: "Segna come risolta", unresolve: "Segna come da risolvere",
        confirmDelete: "Eliminare questa nota?",
        shortcut: "Suggerimento: Ctrl+Invio aggiunge la nota"
      },
      // After a save the toolbar said "Pubblicato", for a draft too, and a deletion asked
      // about a "voce pubblicata": a save is a commit, and what is published is the Stato
      // field's business and the next publication's (the guide's words)
      editorToolbar: { published: "Salvato" },
      editor: {
        onDeletePublishedEntry: "Vuoi davvero cancellare questa voce? Il file viene"
          + " eliminato e, se la voce era sul sito, sparisce con la prossima pubblicazione.",
        onDeleteWithUnsavedChanges: "Vuoi davvero cancellare questa voce, e le modifiche"
          + " non salvate? Il file viene eliminato e, se la voce era sul sito, sparisce con"
          + " la prossima pubblicazione."
      },
      editorWidgets: {
        markdown: {
          linkPrompt: "Inserisci l'indirizzo del collegamento",
          strikethrough: "Barrato",
          toggleMode: { rich: "Passa al testo formattato", markdown: "Passa al Markdown" }
        },
        datetime: { setToNow: "Imposta la data e l'ora di adesso" },
        object: { expand: "Espandi", collapse: "Comprimi" }
      }
    },
    mediaLibrary: {
      mediaLibraryModal: { close: "Chiudi", upload: "Carica dal computer", download: "Scarica" },
      // Decap's question ("… cancellare il media selezionato?") did not say that the file
      // leaves the site at once, even when another item uses it (the build then stops on
      // its missing image or attachment): the library cannot tell who uses a file.
      mediaLibrary: {
        onDelete: "Vuoi davvero cancellare il file selezionato? Sparisce subito dal sito:"
          + " se un articolo lo usa, anche un altro, la pubblicazione del sito si ferma"
          + " finché non lo si toglie anche da lì."
      }
    },
    ui: {
      settingsDropdown: { account: "Menu dell'account" },
      toast: {
        noteAdded: "Nota aggiunta", noteUpdated: "Nota modificata",
        noteDeleted: "Nota eliminata", noteResolved: "Nota risolta",
        noteReopened: "Nota riaperta",
        onFailToAddNote: "Nota non aggiunta: %{details}",
        onFailToUpdateNote: "Nota non modificata: %{details}",
        onFailToDeleteNote: "Nota non eliminata: %{details}",
        onFailToToggleNote: "Stato della nota non cambiato: %{details}"
      }
    }
  };

  function merge(target, source) {
    Object.keys(source).forEach(function (key) {
      if (typeof source[key] === "object") {
        target[key] = target[key] || {};
        merge(target[key], source[key]);
      } else {
        target[key] = source[key];
      }
    });
    return target;
  }

  if (CMS.getLocale && CMS.getLocale("it")) {
    merge(CMS.getLocale("it"), PHRASES);
  }

  // --- Images shown from where they are ------------------------------------------
  // Decap looks an image up by its file's name alone, in its field's folder: the text's
  // images in the media library's (content/immagini, written {static}/immagini/<name>),
  // the cover in the item's year's (immagini/<year>/<name>). An image elsewhere, as
  // {static}/immagini/2025/cortile.png written with git, was asked of the backend as
  // content/immagini/cortile.png (decap-server: 500), then shown from its address as
  // written (/admin/%7Bstatic%7D/…: 404): no picture in the editor nor in the preview.
  // Such an image is shown from the site, where the build publishes it (its path
  // under the content folder); one in the folder Decap reads, an upload of this session
  // too, from Decap's backend as before. What is saved does not change.
  var STATIC = "{static}/";
  var PUBLIC_FOLDER = (script.getAttribute("data-public-folder") || "").replace(/\/+$/, "");
  var FOLDER_TEMPLATE = /\{\{[^}]*\}\}/g;  // the item's year: {{fields.date | date('YYYY')}}

  function onTheSiteAddress(file) {
    return new URL("../" + file.split("/").map(function (part) {
      try {
        return encodeURIComponent(decodeURIComponent(part));
      } catch (error) {
        return encodeURIComponent(part);
      }
    }).join("/"), document.baseURI).href;
  }

  // The address Decap is given for the image ``path`` of ``field`` in ``entry``: the
  // path itself when Decap finds it (in the folder the field writes), else the site's
  // absolute address, which Decap shows as it is
  function siteImage(path, field, entry) {
    var value = typeof path === "string" ? path : "";
    var file = value.indexOf(STATIC) === 0 ? value.slice(STATIC.length) : value;
    if (!file || file.charAt(0) === "/" || SCHEME.test(file) || file.indexOf("{") === 0) {
      return path;  // none, or an address Decap takes as it is
    }
    var folder = field && field.get && field.get("public_folder");
    if (folder) {
      var year = entry && entry.getIn ? DATE_RE.exec(String(formDate(
        entry.getIn(["data", "date"])) || "")) : null;
      if (folder.indexOf("{{") >= 0 && !year) {
        return path;  // the folder not known here: Decap's
      }
      folder = folder.replace(FOLDER_TEMPLATE, year ? year[1] : "");
    } else {
      folder = PUBLIC_FOLDER;
    }
    folder = folder.replace(/\/+$/, "");
    return value.slice(0, value.lastIndexOf("/")) === folder ? path : onTheSiteAddress(file);
  }

  // Decap's getAsset(path, field), each image's path through siteImage (one function a
  // getAsset and entry: the file control draws its image again when it changes)
  var SHOWN = typeof WeakMap === "function" ? new WeakMap() : null;

  function shownAssets(getAsset, entry) {
    if (typeof getAsset !== "function") {
      return getAsset;
    }
    var byEntry = SHOWN && SHOWN.get(getAsset);
    if (byEntry && byEntry.entry === entry) {
      return byEntry.shown;
    }
    var shown = function (path, field) {
      return getAsset(siteImage(path, field, entry), field);
    };
    if (SHOWN) {
      SHOWN.set(getAsset, { entry: entry, shown: shown });
    }
    return shown;
  }

  // The text's <img src="{static}/…"> (in a <figure>), which Decap gives the preview as
  // written: the site's address, in the preview only
  // (a code span, first, is left as it is; byLine leaves fenced code)
  var IMG_SOURCE = /(`+)[^`]*?\1|(<img\b[^>]*?\ssrc\s*=\s*)(["']?)\{static\}\/([^"'\s>]*)\3/gi;

  function previewImages(text) {
    return byLine(text, function (line) {
      return line.replace(IMG_SOURCE, function (match, code, start, quote, file) {
        return code ? match : start + '"' + onTheSiteAddress(file) + '"';
      });
    });
  }

  // The image of the text's "+" menu: Decap's own component, with Italian names
  // ("Image", "Alt Text", "Title" are written into it in English), its preview's image
  // from where it is (siteImage).
  var image = CMS.getEditorComponents && CMS.getEditorComponents().get("image");
  if (image) {
    CMS.registerEditorComponent({
      id: "image",
      label: "Immagine",
      pattern: image.pattern,
      fromBlock: image.fromBlock,
      toBlock: image.toBlock,
      toPreview: function (data, getAsset, fields) {
        return image.toPreview(data, shownAssets(getAsset), fields);
      },
      fields: [
        { label: "Immagine", name: "image", widget: "image", choose_url: false,
          media_library: { allow_multiple: false } },
        { label: "Descrizione (testo alternativo)", name: "alt",
          hint: "Obbligatoria: che cosa mostra l'immagine, per chi non la vede." },
        { label: "Testo al passaggio del mouse", name: "title", required: false }
      ]
    });
  }

  // --- A list of one field whose file gives one text -----------------------------
  // The contract lets a list key be one text instead of a list (indirizzi_precedenti:
  // /notizie/1.html). Decap's list widget with a single `field` (plugins/redirects)
  // expects a list: on one text the whole editor was an error page ("l.map is not a
  // function"), the item could not be opened. The list's control is given the text
  // as a list of one; the value is unchanged until the editor changes the list (then
  // it is saved as a list).
  // The contract also lets an attachment be a bare path (attachments: [allegati/x.pdf]).
  // Decap's list of several fields (file, title, description) reads each item as a map:
  // the item opened, but "Pubblica ora" did nothing at all (Decap's save stopped on "e.get
  // is not a function" before a word was said), whatever the editor changed. Each such
  // item is given to the form as an item with that text in the list's first field (the
  // file): the entry holds it so from the moment it is opened, and a save writes it as
  // the form writes one ("- file: allegati/x.pdf", the same attachment to the site).
  // Everything else reaches Decap's control as it is.
  var listWidget = CMS.getWidget && CMS.getWidget("list");
  var ListControl = listWidget && listWidget.control;
  var NO_ITEMS = ListControl && ListControl.defaultProps && ListControl.defaultProps.value;

  // ``value`` (a list of several ``field``s) with its items that are a text made maps of
  // the first field, or null when it has none
  function itemsAsMaps(value, field) {
    var fields = field && field.get && field.get("fields");
    var first = fields && fields.first && fields.first();
    if (!first || !value || typeof value.some !== "function" || !value.some(function (each) {
      return typeof each === "string";
    })) {
      return null;
    }
    var empty = field.clear();  // an empty map, of Decap's own kind (Immutable)
    return value.map(function (each) {
      return typeof each === "string" ? empty.set(first.get("name"), each) : each;
    });
  }

  // The authors (plugins/admin/config.py): one list of names, `authors`, in the form. A
  // file with one author has `author: Anna Rossi` instead: the list shows that name
  // (without changing the entry: the file stays as it is until the list is changed). A
  // change of the list is remembered (AUTHORS_EDITED, reset when an item is opened),
  // for the save to write the names as the contract has them (authorsWritten, below).
  var AUTHORS = "authors";
  var AUTHORS_EDITED = false;

  function isAuthors(field) {
    return field.get("name") === AUTHORS && !field.get("field") && !field.get("fields");
  }

  // the list the authors' control shows: `authors`, else the file's `author`
  function shownAuthors(props) {
    var value = props.value;
    if (value && (typeof value === "string" || value.size)) {
      return value;
    }
    var entry = typeof props.getEntry === "function" ? props.getEntry() : props.entry;
    var one = entry && entry.getIn && entry.getIn(["data", "author"]);
    return typeof one === "string" && one.trim() ? NO_ITEMS.push(one.trim()) : value;
  }

  if (h && createClass && NO_ITEMS && typeof NO_ITEMS.push === "function") {
    CMS.registerWidget("list", createClass({
      // bare paths made items of the form, in the entry (what a save serializes); the
      // region that says where the arrows moved an item, on the page before any move
      componentDidMount: function () {
        liveRegion();
        this.asMaps();
        if (isAuthors(this.props.field)) {
          AUTHORS_EDITED = false;  // an item opened: its authors as its file has them
        }
      },
      componentWillUnmount: function () {
        if (isAuthors(this.props.field)) {
          AUTHORS_EDITED = false;  // the item left (a page, next, has no authors)
        }
      },
      authorsChanged: function (value, metadata) {
        AUTHORS_EDITED = true;
        return this.props.onChange(value, metadata);
      },
      componentDidUpdate: function () { this.asMaps(); },
      asMaps: function () {
        var items = itemsAsMaps(this.props.value, this.props.field);
        if (items && this.asMapsFrom !== this.props.value) {  // once for each value
          this.asMapsFrom = this.props.value;
          this.props.onChange(items);
        }
      },
      // Decap's list renders again on every change of the form (its nested fields)
      shouldComponentUpdate: function () { return true; },
      focus: function (path) {  // a nested field with an error, on a refused save
        if (this.control && this.control.focus) {
          this.control.focus(path);
        }
      },
      // The up and down arrows on an item's handle move the item, as a drag does (Decap's
      // onSortEnd); the handle keeps the focus, and the new place is announced
      onKeyDown: function (event) {
        var step = { ArrowUp: -1, ArrowDown: 1 }[event.key];
        var list = event.currentTarget;
        var handle = event.target;
        if (!step || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey
            || !handle.matches(HANDLE) || handle.closest("[data-elenco]") !== list
            || !this.control || !this.control.onSortEnd) {
          return;
        }
        var handles = function () {
          return Array.prototype.filter.call(list.querySelectorAll(HANDLE), function (each) {
            return each.closest("[data-elenco]") === list;
          });
        };
        var from = handles().indexOf(handle);
        var to = from + step;
        event.preventDefault();  // not the page's scroll
        if (from < 0 || to < 0 || to >= handles().length) {
          return;
        }
        this.control.onSortEnd({ oldIndex: from, newIndex: to });
        window.setTimeout(function () {
          var now = handles();
          if (now[to]) {
            now[to].focus();
          }
          announce("Voce spostata al posto " + (to + 1) + " di " + now.length + ".");
        }, 0);
      },
      render: function () {
        var self = this;
        var value = this.props.value;
        if (typeof value === "string" && this.props.field.get("field")) {
          value = value.trim() ? NO_ITEMS.push(value) : NO_ITEMS;
        }
        value = itemsAsMaps(value, this.props.field) || value;
        var authors = isAuthors(this.props.field);
        return h("div", { "data-elenco": "", onKeyDown: this.onKeyDown },
          h(ListControl, Object.assign({}, this.props, authors ? {
            value: shownAuthors(this.props), onChange: this.authorsChanged
          } : { value: value }, {
            ref: function (control) { self.control = control; }
          })));
      }
    }), listWidget.preview, listWidget.schema);
  }

  // --- A one-line field keeps the editor's selection ------------------------------
  // Decap's one-line fields (title, author, slug, descriptions) put the caret back where
  // the last change left it whenever they are drawn again, a selection included: Tab
  // (or a click) back into a title typed before selects it all, the field is drawn
  // again as it takes the focus, the selection became the old caret, and the new title
  // typed to replace it was added to the old one ("FestaSagra"). A selection is left as
  // the editor made it; a caret is put back as before (Decap's fix for fields inside
  // the text's components, whose caret jumped to the end).
  var stringWidget = CMS.getWidget && CMS.getWidget("string");
  var StringControl = stringWidget && stringWidget.control;
  var keepCaret = StringControl && StringControl.prototype
    && StringControl.prototype.componentDidUpdate;
  if (keepCaret) {
    StringControl.prototype.componentDidUpdate = function () {
      var input = this._el;
      if (input && input.selectionStart !== input.selectionEnd) {
        return;  // a selection: the editor's
      }
      return keepCaret.apply(this, arguments);
    };
  }

  // --- A date written with an offset, in the form's time ------------------------
  // The contract allows a date in ISO 8601 with an offset (2025-07-01T22:30:00+00:00),
  // which the site shows in Rome time (00:30 on 2 July). Decap's date control read the
  // clock time and left the offset out: 22:30 on 1 July shown, and a change of the day
  // saved that time as Rome's, two hours off (or a day, or a month and the address).
  // The control is given the same moment in the site's time (the form's: a date without
  // an offset is the site's clock time, in any browser), in the field's format; the file
  // keeps its value until the editor changes the date. In the browser's time, an editor
  // abroad saw another hour, and an untouched article near a month's end got its own
  // address as an old one (keptAddress), which stops the build.
  var OFFSET_DATE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2})(?::?(\d{2}))?$/i;
  var FORM_DATE = "YYYY-MM-DD HH:mm";

  function two(number) {
    return (number < 10 ? "0" : "") + number;
  }

  // the site's TIMEZONE (data-timezone): the clock time the form shows is the site's, as
  // for a date without an offset, whatever the zone of the editor's browser
  var SITE_ZONE = script.getAttribute("data-timezone") || undefined;
  var ZONE_PARTS = null;
  try {
    ZONE_PARTS = new Intl.DateTimeFormat("en-US", { timeZone: SITE_ZONE, hourCycle: "h23",
      year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
  } catch (error) {
    ZONE_PARTS = null;  // an unknown zone: the browser's
  }

  function formDate(value) {
    // a date written "…T…:…:…Z" (UTC, with its seconds) is a Date to Decap's YAML (its
    // timestamp tag), not a text: the form showed it in the browser's time, the preview
    // as Date's English text ("Sun Jun 30 2024 19:30:00 GMT-0400…"); it is written back
    // in the same form (toISOString) unless the editor changes it
    if (Object.prototype.toString.call(value) === "[object Date]") {
      return isNaN(value.getTime()) ? value : siteClock(value, " ");
    }
    var parts = typeof value === "string" && OFFSET_DATE.exec(value.trim());
    if (!parts) {
      return value;
    }
    var offset = parts[3].toUpperCase() === "Z" ? "Z" : parts[3] + ":" + (parts[4] || "00");
    var when = new Date(parts[1] + "T" + parts[2] + offset);
    if (isNaN(when.getTime())) {
      return value;
    }
    return siteClock(when, " ");
  }

  // The moment ``when`` as the site's clock shows it, "2024-09-10" + ``between`` + "18:00"
  // (the browser's clock for an unknown zone)
  function siteClock(when, between) {
    if (ZONE_PARTS) {
      var at = {};
      ZONE_PARTS.formatToParts(when).forEach(function (part) { at[part.type] = part.value; });
      return at.year + "-" + at.month + "-" + at.day + between + at.hour + ":" + at.minute;
    }
    return when.getFullYear() + "-" + two(when.getMonth() + 1) + "-" + two(when.getDate())
      + between + two(when.getHours()) + ":" + two(when.getMinutes());
  }

  // --- A date at midnight is the day alone ---------------------------------------
  // The site shows a date written without a time (2025-03-14) as the day alone, and one
  // with a time, even 00:00, with it ("ore 00:00"). The form's date input always has a
  // time: an item dated by its day whose date was changed here was saved as
  // "2025-03-15 00:00", and the site showed "ore 00:00", a time nobody meant. A date of
  // the form at exactly 00:00 is saved (and previewed) as the day alone: the same moment,
  // midnight, for when the item is published and how it is ordered.
  var MIDNIGHT = /^(\d{4}-\d{2}-\d{2})[T ]00:00$/;

  function dayAlone(value) {
    var parts = typeof value === "string" && MIDNIGHT.exec(value.trim());
    return parts ? parts[1] : value;
  }

  var dateWidget = CMS.getWidget && CMS.getWidget("datetime");
  var DateControl = dateWidget && dateWidget.control;
  // "Now" (a new item's date, "{{now}}", and the field's "Adesso" button) in the site's
  // time as well: Decap takes the browser's clock, so a browser set to another zone dated
  // a new item hours off, read as Rome time by the build; one ahead of Rome (Athens, an
  // hour) scheduled it, held back until the next morning's build.
  var decapNow = DateControl && DateControl.prototype && DateControl.prototype.getNow;
  if (typeof decapNow === "function") {
    DateControl.prototype.getNow = function () {
      if (this.props.field.get("format") !== FORM_DATE || this.isUtc) {
        return decapNow.call(this);
      }
      return siteClock(new Date(), "T");  // the date input's own form, as Decap's
    };
  }
  if (h && createClass && DateControl) {
    CMS.registerWidget("datetime", createClass({
      render: function () {
        var value = this.props.value;
        if (this.props.field.get("format") === FORM_DATE) {
          value = formDate(value);
        }
        return h(DateControl, Object.assign({}, this.props, { value: value }));
      }
    }), dateWidget.preview, dateWidget.schema);
  }

  // --- The preview pane uses the site's own stylesheets --------------------------
  words("data-preview-css").forEach(function (path) {
    CMS.registerPreviewStyle(new URL(path, document.baseURI).href);
  });

  // --- The contract: every image has a description ------------------------------
  // image_alt is required when image is set, and an image in the text needs its
  // description. Decap cannot make a field required only when another one is filled
  // in, so the save is refused here, with the reason in the error notice; the build
  // checks both again (plugins/contract).
  var IMAGE_WITHOUT_ALT = /!\[\s*\]\(/;
  // an image of the text's "+" menu whose picture was never chosen: Decap wrote
  // ![descrizione]() and the site published an empty <img src="">, unchecked
  var IMAGE_WITHOUT_FILE = /!\[[^\]]*\]\(\s*\)/;
  // a fence opens with 3 or more ` or ~ and closes with the same (Python-Markdown's
  // fenced_code): ``` inside ```` or ~~~ is code, as a guide to code blocks writes it
  var FENCE = /^\s*(`{3,}|~{3,})(.*)$/;
  var BACKSLASH_BREAK = /(^|[^\\])\\$/;
  var CODE_SPAN = /(`+)[^`]*?\1/g;

  // Each line of a text through prose(line, index, lines), but the lines of fenced code
  // blocks, fences included, through code(line) (left as they are without it): the one
  // reading of fences that the text's rewrites and checks below share.
  function byLine(text, prose, code) {
    var fence = "";  // the open fence, else ""
    var lines = String(text || "").split("\n");
    return lines.map(function (line, index) {
      var found = FENCE.exec(line);
      if (found && (!fence || (found[1] === fence && !found[2].trim()))) {
        fence = fence ? "" : found[1];
        return code ? code(line) : line;
      }
      if (fence) {
        return code ? code(line) : line;
      }
      return prose(line, index, lines);
    }).join("\n");
  }

  // The text without its code (fenced blocks, code spans): "`![descrizione]()`" in a
  // guide is shown as code, no image, and the build accepts it
  function outsideCode(text) {
    return byLine(text, function (line) {
      return line.replace(CODE_SPAN, "");
    }, function () {
      return "";
    });
  }

  // A line break inside a paragraph (Shift+Enter) is written by the CMS as a backslash
  // at the end of the line (CommonMark), which the site's Markdown shows as a
  // backslash: write it as two spaces, the break both understand. Code blocks are
  // left as they are.
  function hardBreaks(text) {
    return byLine(text, function (line, index, lines) {
      return index < lines.length - 1 && BACKSLASH_BREAK.test(line)
        ? line.slice(0, -1) + "  " : line;
    });
  }

  // A level-1 heading in the text: the toolbar offers levels 2 to 4 only, but a text
  // pasted from a word processor brings its "Titolo 1" as one, and the page's title
  // is the only level 1 (the contract warns about it). Every heading then goes one
  // level down, so the pasted hierarchy is kept. Code blocks are left as they are.
  var HEADING = /^(#{1,5})(\s)/;

  function demoteHeadings(text) {
    var first = false;
    byLine(text, function (line) {
      var parts = HEADING.exec(line);
      first = first || Boolean(parts && parts[1].length === 1);
      return line;
    });
    return first ? byLine(text, function (line) {
      return HEADING.test(line) ? "#" + line : line;
    }) : text;
  }

  // --- Nested lists as the site reads them ----------------------------------------
  // Decap writes a sub-item as far in as its item's text (2 spaces under "* ", 3 under
  // "1. "), after a blank line. The site's Markdown wants 4 spaces a level, and reads the
  // blank line as paragraphs in the items: a nested list, typed in the editor or kept
  // from a file written with git, was published as one flat list, its items spaced as
  // paragraphs, without a warning. Each sub-item (and each line of an item's text) is
  // moved 4 spaces in from its item's, and the blank line between an item's line and its
  // first sub-item is left out. Decap reads it back the same; code blocks are left alone.
  var ITEM_PARTS = /^( *)([*+-]|\d+[.)])( +)(?=\S)/;
  var DROPPED = "\u0000";  // a line left out (no line of a text is that)

  function spaces(count) {
    return new Array(count + 1).join(" ");
  }

  function nestedLists(text) {
    var open = [];  // the items a line may be in: {content, shift, inner}, outermost first
    return byLine(text, function (line, index, lines) {
      var top = open[open.length - 1];
      var next = ITEM_PARTS.exec(lines[index + 1] || "");
      if (!line.trim()) {
        return top && ITEM_PARTS.test(lines[index - 1] || "") && next
          && next[1].length >= top.content ? DROPPED : line;
      }
      var indent = /^ */.exec(line)[0].length;
      var item = ITEM_PARTS.exec(line);
      if (!indent && !item) {
        open = [];  // a line at the margin: the list is over
        return line;
      }
      while (top && indent < top.content) {
        open.pop();
        top = open[open.length - 1];
      }
      if (item) {
        var at = top ? top.inner : indent;
        open.push({ content: item[0].length, shift: at - indent, inner: at + 4 });
        return spaces(at) + line.slice(indent);
      }
      return top ? spaces(Math.max(top.inner, indent + top.shift)) + line.slice(indent)
        : line;
    }).split("\n").filter(function (line) { return line !== DROPPED; }).join("\n");
  }

  // --- Blocks of HTML with Markdown inside, as Decap can read them -----------------
  // A <details> (its Markdown converted by the site) or a block whose tag says
  // markdown="1", with its text right after the opening line or right before the
  // closing one, is one block of HTML to Decap's Markdown: saved again, the text inside
  // came back escaped (\*\*grassetto\*\*: asterisks on the page), and a </details>
  // right after a list was lost (the rest of the text went into the closed box).
  // Decap's control is given the text with a blank line there, which is the same to the
  // site; the file keeps its own until the text is changed.
  var MARKDOWN_ONE = /\smarkdown\s*=\s*["']?1["']?[\s>]/i;
  var OPENING_LINE = /^<([A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?>\s*$/;

  function markdownText(line) {  // a line of Markdown text, no HTML, no code
    return Boolean(line && line.trim() && !/^\s*</.test(line)
      && (!INDENTED.test(line) || LIST_ITEM.test(line)));
  }

  function spacedBlocks(text) {
    if (typeof text !== "string" || !/<details|markdown\s*=/i.test(text)) {
      return text;
    }
    var blocks = [];  // the names of the blocks open here, innermost last
    return byLine(text, function (line, index, lines) {
      var opening = OPENING_LINE.exec(line);
      var before = "";
      var after = "";
      var top = blocks[blocks.length - 1];
      if (opening && (opening[1].toLowerCase() === "details" || MARKDOWN_ONE.test(line))) {
        blocks.push(opening[1].toLowerCase());
        after = markdownText(lines[index + 1]) ? "\n" : "";
      } else if (top && line.trim().toLowerCase() === "</" + top + ">") {
        blocks.pop();
        before = markdownText(lines[index - 1]) ? "\n" : "";
      }
      return before + line + after;
    });
  }

  // --- A table's column alignment kept -------------------------------------------
  // Decap's rich-text editor reads a table's alignment (| :--- | ---: |) and writes the
  // table again without it (its serializer leaves it out): a column of prices aligned to
  // the right on the page came back to the left after any change to the text, without a
  // word. The aligned tables of the text as it reaches the form (the file's, or the
  // Markdown typed in the Markdown mode) are remembered by their item and header row; on
  // save, a table of that item with that header (as many columns) whose delimiter row
  // has no alignment gets the remembered one back. Code blocks are left alone.
  var ALIGNED = {};  // item and header row -> ["left", "", "right"…]
  var DELIMITER_CELL = /^:?-+:?$/;

  // The cells of a table's row (a line with "|"), trimmed, without the outer pipes
  function rowCells(line) {
    var row = line.trim().replace(/^\|/, "").replace(/(^|[^\\])\|$/, "$1");
    return row.split(/(?<!\\)\|/).map(function (cell) { return cell.trim(); });
  }

  // A delimiter row's cells, or null for another line
  function delimiterCells(line) {
    if (line.indexOf("|") < 0 || !/^ {0,3}\S/.test(line)) {
      return null;
    }
    var cells = rowCells(line);
    return cells.every(function (cell) { return DELIMITER_CELL.test(cell); }) ? cells : null;
  }

  function alignmentOf(cell) {
    var left = cell.charAt(0) === ":";
    var right = cell.charAt(cell.length - 1) === ":";
    return left && right ? "center" : right ? "right" : left ? "left" : "";
  }

  // The key of the table under the header row ``line`` in the item ``key``: its cells'
  // words (Decap writes them again with other escapes and emphasis marks)
  function tableKey(key, line) {
    return key + "\u0000" + rowCells(line).map(function (cell) {
      return cell.replace(/[\\*_]/g, "").replace(/\s+/g, " ");
    }).join("\u0000");
  }

  // The item's key (its collection and file; a new one: its collection) for ALIGNED
  function itemKey(entry) {
    return entry && entry.get ? String(entry.get("collection") || "") + "/"
      + String(entry.get("path") || "") : "";
  }

  function rememberAlignments(key, text) {
    if (typeof text !== "string" || text.indexOf("|") < 0) {
      return;
    }
    byLine(text, function (line, index, lines) {
      var cells = delimiterCells(line);
      var aligns = cells && cells.map(alignmentOf);
      if (aligns && aligns.some(Boolean) && index > 0 && lines[index - 1].indexOf("|") >= 0) {
        ALIGNED[tableKey(key, lines[index - 1])] = aligns;
      }
      return line;
    });
  }

  function alignedTables(key, text) {
    if (typeof text !== "string" || text.indexOf("|") < 0) {
      return text;
    }
    return byLine(text, function (line, index, lines) {
      var cells = delimiterCells(line);
      var aligns = cells && !cells.map(alignmentOf).some(Boolean) && index > 0
        && lines[index - 1].indexOf("|") >= 0 && ALIGNED[tableKey(key, lines[index - 1])];
      if (!aligns || aligns.length !== cells.length) {
        return line;
      }
      var row = cells.map(function (cell, column) {
        var dashes = new Array(Math.max(cell.length, 5) - 1).join("-");  // 3 or more
        return { left: ":" + dashes + "-", center: ":" + dashes + ":",
          right: dashes + "-:" }[aligns[column]] || cell;
      });
      var outer = line.trim().charAt(0) === "|";
      return /^ */.exec(line)[0] + (outer ? "| " + row.join(" | ") + " |" : row.join(" | "));
    });
  }

  // --- A "<" typed in the text is text -------------------------------------------
  // The CMS writes what is typed in the rich-text editor as it is, "<" included (it
  // keeps a text's HTML as text, so it cannot tell them apart): "Iscrizioni <entro il
  // 5 maggio>" or "3<x e 5 > 4" in the text or the summary read as an HTML element to
  // the site's Markdown, and the build refused the whole site (an element outside the
  // allowlist). Such a "<" is written as &lt;, the same character on the page. The
  // allowlist's elements (<abbr>, <br>…), web and e-mail addresses in angle brackets
  // (Markdown's links), code and indented lines are left as they are.
  var HTML_TAGS = {};
  words("data-html").forEach(function (name) { HTML_TAGS[name] = true; });
  // a code span, or what Python-Markdown reads as a tag (its HTML_RE)
  var CODE_OR_TAG = /(`+)[^`]*?\1|<\/?([A-Za-z][^<>@ ]*)(?: [^<>]*)?>/g;
  var AUTOLINK = /^(?:f|ht)tps?:\/\//i;
  var INDENTED = /^(?: {4}|\t)/;
  // in a list an indented line is the list's (Decap nests items by 2 or 3 spaces, a
  // third level or an item's paragraph by 4 or more), not code: until a line that
  // starts at the margin and is no item
  var LIST_ITEM = /^\s*(?:[*+-]|\d+[.)])\s/;
  var AT_MARGIN = /^\S/;

  // ``text`` with ``each(line, index)`` applied to its lines that are not indented code
  // (byLine leaves fenced code alone), and to every line while ``html()`` says so (a
  // block of HTML, where no line is code)
  function outsideIndentedCode(text, each, html) {
    var inList = false;
    return byLine(text, function (line, index) {
      inList = LIST_ITEM.test(line) || (inList && !AT_MARGIN.test(line));
      return INDENTED.test(line) && !inList && !(html && html()) ? line : each(line, index);
    });
  }

  function typedLessThan(text) {
    return outsideIndentedCode(text, function (line) {
      return line.replace(CODE_OR_TAG, function (match, ticks, name) {
        var tag = ticks ? "" : name.split(/[\t\f\r\/]/)[0].toLowerCase();
        return ticks || HTML_TAGS[tag] || AUTOLINK.test(name) ? match : "&lt;" + match.slice(1);
      });
    });
  }

  // ... and shown as the "<" that was typed. Decap shows an entity as it is written (it
  // keeps them as text), so the editor who typed "<entro il 5 maggio>" read
  // "&lt;entro il 5 maggio>" on opening the item again, in the form and the preview. Each
  // "&lt;" that typedLessThan writes is given to the form as "<" (to the preview as
  // "\<", which its Markdown shows as "<"), and written as "&lt;" again on save; a text
  // that would not be written back the same (a hand-written "&lt;em>", "&lt;" in code) is
  // shown as it is written, and so is one with "&lt;" or "&gt;" inside ("&lt;b&gt; o
  // &lt;em>": written by hand).
  var TYPED_TAG = /(`+)[^`]*?\1|&lt;(\/?([A-Za-z](?:(?!&[lg]t;)[^<>@ ])*)(?: (?:(?!&[lg]t;)[^<>])*)?>)/g;

  function shownLessThan(text, lessThan) {
    if (typeof text !== "string" || text.indexOf("&lt;") < 0) {
      return text;
    }
    function shown(sign) {
      return outsideIndentedCode(text, function (line) {
        return line.replace(TYPED_TAG, function (match, ticks, tag, name) {
          var element = ticks ? "" : name.split(/[\t\f\r\/]/)[0].toLowerCase();
          return ticks || HTML_TAGS[element] || AUTOLINK.test(name) ? match : sign + tag;
        });
      });
    }
    return typedLessThan(shown("<")) === text ? shown(lessThan || "<") : text;
  }

  // --- An upload never replaces a published file --------------------------------
  // Decap asks before an upload replaces a file of the same name ("… already exists"),
  // but only among the files it listed, and for a new item it lists the year's folder
  // from the date before the form has set it ("allegati/invalid-date": nothing). So a
  // new item's upload named like another item's attachment replaced that file without
  // a word. Before a save, every new upload is looked up on the site, where the
  // published files are (at their path under the content folder): one that is there
  // refuses the save.
  var CONTENT = (script.getAttribute("data-content") || "content").replace(/\/+$/, "") + "/";

  function onTheSite(path) {
    if (path.indexOf(CONTENT) !== 0) {  // a path from the repository's root
      return Promise.resolve(false);
    }
    var url = new URL("../" + path.slice(CONTENT.length).split("/")
      .map(encodeURIComponent).join("/"), document.baseURI);
    return fetch(url.href, { method: "HEAD", cache: "no-store" }).then(function (response) {
      return response.ok;
    }, function () {
      return false;
    });
  }

  function replaced(entry) {
    var paths = [];
    (entry.get("mediaFiles") || []).forEach(function (file) {
      if (file.get("draft") && file.get("path")) {
        paths.push(String(file.get("path")).replace(/^\/+/, ""));
      }
    });
    return Promise.all(paths.map(onTheSite)).then(function (found) {
      return paths.filter(function (path, index) {
        return found[index];
      }).map(function (path) {
        return path.slice(CONTENT.length);
      });
    });
  }

  // --- No relative links in the text ---------------------------------------------
  // A link or an image whose address is relative ([programma](programma),
  // [qui](altro-articolo.html), ![foto](foto.jpg)) is read by the browser from the
  // address of the page that shows the text, which is not always the item's (its first
  // paragraph is on the home page and the lists): the build refuses it
  // (content_checks.rules.relative_links), and the editor who wrote it with the link
  // button saw "Voce salvata", then the preview or the publication fail. Before a save,
  // the text's and the summary's links and images are read as the build reads them:
  // Markdown's inline ones ([t](x), ![a](x)), reference definitions ([id]: x) and the
  // href and src of <a> and <img> (an <img>'s srcset is never published: the build warns
  // "remove it", and checks none of its addresses), code (fenced, indented, spans) and
  // HTML comments left out. An address is relative unless it starts with "/", "#", "?", a
  // scheme (https:, mailto:, tel:…) or one of Pelican's markers, lower-case ({static},
  // {filename}…: body.MARKER_RE; {Static} stays as typed, relative), as
  // plugins/contract/check.py's _relative. A link is read in its whole paragraph, as
  // Python-Markdown reads it: its text or its tag may go on over the next line
  // ([il\nprogramma](programma)); and its address as the page's HTML has it, its
  // character references decoded ([x](&#106;avascript:…) is a javascript: link,
  // [x](&#47;contatti/) one from the site's root).
  // Pelican's markers of a link to the site's own files and pages ({static}, |filename|…)
  var MARKER = "[{|](?:static|attach|filename|index|tag|category|author)[|}]";
  var NOT_RELATIVE = new RegExp("^(?:[\\/#?]|" + MARKER + ")");
  var SCHEME = /^[a-z][a-z0-9+.\-]*:/;
  // [text](address or <address>), text with one level of brackets ([![a](x)](y)); only
  // "!?[" is taken, so an image inside a link's text is read too; not a footnote's mark,
  // [^1], which Python-Markdown reads first: "regolamento[^1](art. 3)" is no link
  // (an address with one level of parentheses, as javascript:alert(1), is read whole)
  var INLINE_LINK = /(!?)\[(?!\^)(?=(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*(<[^>\n]*>|(?:[^\s()]|\([^\s()]*\)|\()*))/g;
  // [id]: address "title" (not a footnote, [^1]: …): a line of its own, as
  // Python-Markdown's reference definitions
  var REFERENCE = /^\s*(?:>\s*)*\[(?!\^)([^\[\]]*)\]:\s*(\S+)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*$/;
  // an <a> or <img> as the browser reads one in a block of HTML: a quoted value may hold
  // ">" (title="a>b"), which does not end the tag
  var LINK_TAG = /<(a|img)(\s(?:[^<>=]|=(?:\s*"[^"]*"|\s*'[^']*'|(?!\s*["'])))*)>/gi;
  // ... and as Python-Markdown's HTML_RE reads one in a paragraph: a value without quotes
  // holds no quote (<img alt=l'albero src=foto.jpg> is no tag, but text shown as typed)
  var INLINE_TAG = /<(a|img)((?:\s+[^\s"'=<>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>]+))?)+)\s*\/?>/gi;
  var ADDRESS_ATTRIBUTE = /(?:^|\s)(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
  // any element's start tag, as LINK_TAG (in a block of HTML) and INLINE_TAG (in a
  // paragraph) read an <a> or an <img>; and an <a> a screen reader names (aria-label)
  var ELEMENT_TAG = /<([A-Za-z][A-Za-z0-9]*)(?=[\s\/>])((?:[^<>=]|=(?:\s*"[^"]*"|\s*'[^']*'|(?!\s*["'])))*)>/g;
  var INLINE_ELEMENT = /<([A-Za-z][A-Za-z0-9]*)((?:\s+[^\s"'=<>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>]+))?)*)\s*\/?>/g;
  var NAMED_LINK = /(?:^|\s)aria-label\s*=\s*(?:"\s*[^"\s][^"]*"|'\s*[^'\s][^']*'|[^\s"'>])/i;
  // what a backslash escapes in Python-Markdown (not "<": "\<a href=…>" is a link, with
  // the backslash before it shown; CommonMark's, in Decap's preview, escapes it)
  var ESCAPED = /\\[\\\[\]!`]/g;
  // what ends a paragraph: a blank line (of a quote too), a heading, a list's item (in a
  // list: a line "* programma" under a paragraph's line goes on with it)
  var BLANK_LINE = /^\s*(?:>\s*)*$/;
  var HEADING_LINE = /^\s*(?:>\s*)*#/;
  var ITEM_LINE = /^\s*(?:>\s*)*(?:[*+-]|\d+[.)])\s/;
  // A character reference: &#106; &#x6A; &colon;. Python-Markdown keeps those that end
  // in ";" in a Markdown link's address (a bare "&" it writes as &amp;); an HTML tag's
  // attribute is kept as written, and there a number needs no ";" (&#106avascript:).
  // Of the named ones, those that can change how an address begins (its scheme, a "/",
  // "#", "?" or marker first): any other is left as written, which changes nothing here.
  var CHARACTER_REFERENCE = /&(?:#[xX]([0-9a-fA-F]+)|#([0-9]+)|([A-Za-z][A-Za-z0-9]*))(;?)/g;
  var NAMED = { colon: ":", sol: "/", num: "#", quest: "?", lcub: "{", lbrace: "{",
    rcub: "}", rbrace: "}", vert: "|", verbar: "|", VerticalLine: "|", bsol: "\\",
    period: ".", plus: "+", Tab: "\t", NewLine: "\n", amp: "&", AMP: "&", lt: "<",
    LT: "<", gt: ">", GT: ">", quot: "\"", QUOT: "\"", apos: "'", lpar: "(", rpar: ")",
    percnt: "%", commat: "@", equals: "=" };

  // Whether a link of ``text`` uses the reference ``label`` ([testo][label], [label][],
  // [label]): one no link uses is left out of the page, which the build names as a line
  // not shown (a warning), not as a link
  function referenceUsed(text, label) {
    var words = label.trim().split(/\s+/).map(function (word) {
      return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    });
    var mention = new RegExp("\\[\\s*" + words.join("\\s+") + "\\s*\\]", "gi");
    var found;
    while ((found = mention.exec(text)) !== null) {
      if (text.charAt(found.index + found[0].length) !== ":") {
        return true;
      }
    }
    return false;
  }

  // ``address`` as the page's HTML reads it: its character references decoded, those
  // without ";" too for an ``html`` tag's attribute
  function decoded(address, html) {
    return address.replace(CHARACTER_REFERENCE, function (match, hex, decimal, name, end) {
      if (name) {
        return end && Object.prototype.hasOwnProperty.call(NAMED, name) ? NAMED[name] : match;
      }
      if (!end && !html) {
        return match;
      }
      var code = hex ? parseInt(hex, 16) : parseInt(decimal, 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
        ? String.fromCodePoint(code) : "\ufffd";
    });
  }

  function relative(address) {
    var target = String(address).trim().replace(/^<|>$/g, "").trim();
    return target !== "" && !NOT_RELATIVE.test(target)
      && !SCHEME.test(target.replace(/[\x00-\x20]+/g, "").toLowerCase());
  }

  // The scheme of an address the site does not allow (sms:, geo:, javascript:, file:, C:
  // of a path on the editor's computer), or "": the build allows http, https, mailto and
  // tel only (plugins/contract/body.py SCHEMES)
  var SCHEMES = ["http", "https", "mailto", "tel"];

  function refusedScheme(address) {
    var target = String(address).trim().replace(/^<|>$/g, "").replace(/[\x00-\x20]+/g, "");
    var scheme = SCHEME.exec(target.toLowerCase());
    var name = scheme ? scheme[0].slice(0, -1) : "";
    return name && SCHEMES.indexOf(name) < 0 ? name : "";
  }

  // --- Blocks of HTML --------------------------------------------------------------
  // A line that starts (after up to 3 spaces) with a block-level element of the allowlist
  // (Python-Markdown's BLOCK_LEVEL_ELEMENTS) opens a block of HTML: it ends the paragraph
  // above and goes on up to its end tag (nested ones of its name counted; else to the
  // text's end), and Python-Markdown leaves its text as typed (md_in_html). A
  // [testo](indirizzo) there is no link (the build warns that it is shown as typed), its
  // <a> and <img> are. Not a block whose tag says markdown="1" (or "block", "span", or
  // markdown alone; not a <pre>), nor a <details> whose lines are at the margin, nor the
  // <summary> in it, which plugins/contract/rawhtml.py converts as with markdown="1"; an
  // element at a line's start inside those is a block of HTML again.
  var BLOCK_TAGS = ("blockquote colgroup dd details div dl dt figcaption figure h1 h2 h3 h4"
    + " h5 h6 hr iframe li ol p pre section summary table tbody td tfoot th thead tr ul")
    .split(" ");
  // an element's start at a line's start (name, attributes, "/" of <div/>, which opens none)
  var BLOCK_START = /^ {0,3}<([A-Za-z][A-Za-z0-9]*)((?:[^<>=]|=(?:\s*"[^"]*"|\s*'[^']*'|(?!\s*["'])))*?)(\/?)(?:>|$)/;
  var MARKDOWN_ATTRIBUTE = /(?:^|\s)markdown(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?(?=[\s\/]|$)/i;
  var CONVERTED = /^(?:1|block|span|markdown)$/;
  var DETAILS_TAG = /<(\/?)details(?![^\s\/>])/gi;
  // a line of a list's item (rawhtml.py's ITEM_LINE_RE)
  var DETAILS_ITEM = /^ {0,3}(?:[*+-]|\d+\.) +\S/;

  // Whether the <details> on line ``index`` of ``lines`` (the text, code blank) has no line
  // indented by 4 spaces or more but under a list's item, up to its end tag (rawhtml.py's
  // _flat: one laid out like a web page's HTML stays as typed)
  function flatDetails(lines, index) {
    var depth = 0;
    var item = false;
    for (var at = index; at < lines.length; at += 1) {
      var line = lines[at];
      var tag;
      DETAILS_TAG.lastIndex = 0;
      while ((tag = DETAILS_TAG.exec(line)) !== null) {
        depth += tag[1] ? -1 : 1;
        if (!depth) {
          line = line.slice(0, tag.index);  // the line up to its end tag
          break;
        }
      }
      var indent = /^[ \t]*/.exec(line)[0].split("").reduce(function (column, char) {
        return char === "\t" ? column + 4 - column % 4 : column + 1;  // a tab's stop
      }, 0);
      if (at > index && line.trim()) {
        if (indent < 4) {
          item = DETAILS_ITEM.test(line.replace(/^[ \t]+/, " ".repeat(indent)))
            || (item && indent > 0);
        } else if (!item) {
          return false;
        }
      }
      if (!depth) {
        return true;
      }
    }
    return true;
  }

  // The block of HTML that line ``index`` of ``lines`` opens with ``prose``, {name, depth};
  // {converted: true, name, end (of its tag in prose)} for one whose Markdown is
  // converted; null for none
  function htmlBlock(prose, lines, index, inDetails) {
    var start = BLOCK_START.exec(prose);
    var name = start && start[1].toLowerCase();
    if (!name || BLOCK_TAGS.indexOf(name) < 0 || start[3]) {
      return null;
    }
    // the tag's attributes, over its next lines too (<div\nmarkdown="1">)
    var tag = BLOCK_START.exec(lines.slice(index, index + 10).join("\n"));
    var markdown = MARKDOWN_ATTRIBUTE.exec(tag && tag[1].toLowerCase() === name ? tag[2]
      : start[2]);
    var value = markdown && [markdown[1], markdown[2], markdown[3], "markdown"].filter(
      function (each) { return each !== undefined; })[0].toLowerCase();
    var converted = markdown ? CONVERTED.test(value) && name !== "pre" && name !== "hr"
      : (name === "details" && !inDetails && flatDetails(lines, index))
        || (name === "summary" && inDetails);
    var attributes = tag && tag[1].toLowerCase() === name ? tag[2] : start[2];
    return converted ? { converted: true, name: name, end: start[0].length,
      attributes: attributes } : { name: name, depth: 0, attributes: attributes };
  }

  // Where the block of HTML ``block`` ends in ``prose``, its next line (the index after
  // its end tag, its depth kept for the next line), or -1 (an <hr> ends at once)
  function blockEnd(block, prose) {
    var tags = new RegExp("<(/?)" + block.name + "(?![^\\s/>])[^>]*>?", "gi");
    var tag;
    while ((tag = tags.exec(prose)) !== null) {
      block.depth += tag[1] ? -1 : block.name === "hr" ? 0 : 1;
      if (block.depth <= 0) {
        return tags.lastIndex;
      }
    }
    return -1;
  }

  // The links and images of a paragraph's ``prose`` (without its comments), in their
  // order: add(address, image, html, empty) for each, html for a tag's attribute, empty
  // for a link without text ([](…), <a href="…"></a>: the build's "link senza testo");
  // of a block of ``html``, its tags' only. ``tag(name, attributes, at)``, if given, for
  // each element's start tag, as the build reads it there (ELEMENT_TAG, INLINE_ELEMENT)
  function paragraphLinks(prose, add, html, tag) {
    var found = [];
    prose = prose.replace(CODE_SPAN, "");  // a code span over two lines
    prose.replace(html ? /$^/g : INLINE_LINK, function (match, bang, address, at) {
      found.push({ at: at, address: address, image: bang === "!", html: false,
        empty: !bang && /^\s*\]/.test(prose.slice(at + match.length)) });
      return match;
    });
    prose.replace(html ? LINK_TAG : INLINE_TAG, function (match, tag, attributes, at) {
      var image = tag.toLowerCase() === "img";
      var empty = !image && /^\s*<\/a\s*>/i.test(prose.slice(at + match.length))
        && !NAMED_LINK.test(attributes);
      attributes.replace(ADDRESS_ATTRIBUTE, function (pair, name, double, single, bare) {
        var value = [double, single, bare].filter(function (each) {
          return each !== undefined;
        })[0];
        found.push({ at: at, address: value, image: image, html: true, empty: empty });
        return pair;
      });
      return match;
    });
    if (tag) {
      prose.replace(html ? ELEMENT_TAG : INLINE_ELEMENT, function (match, name, attributes, at) {
        tag(name.toLowerCase(), attributes, at);
        return match;
      });
    }
    found.sort(function (one, other) { return one.at - other.at; }).forEach(function (link) {
      add(link.address, link.image, link.html, link.empty);
    });
  }

  // ``text`` read as the build reads it: add(address, image, html, empty) for each of its
  // links and images, in order; what it gives is its Markdown, paragraph by paragraph
  // (without code, comments, escaped characters and blocks of HTML). ``tag(name,
  // attributes, place, inConverted)``, if given, for each element's start tag: its place
  // "text" (in a paragraph, where Python-Markdown leaves every attribute as typed),
  // "converted" (the tag opening a block whose Markdown is converted), "opener" (one
  // opening a block of HTML left as typed) or "html" (inside such a block); inConverted
  // when it is inside a converted block (md_in_html reads its blocks' tags, and takes
  // their markdown="…" away)
  function readText(text, add, tag) {
    var prose = [];  // the paragraphs so far
    var inComment = false;
    var paragraph = [];  // the prose of the paragraph's lines so far
    var next = 0;  // the index of the line after the paragraph's last
    var lines = outsideCode(text).split("\n");  // for a block of HTML's tag
    var block = null;  // the block of HTML open, {name, depth}
    var details = 0;  // the converted <details> open
    var converted = [];  // the converted blocks open, {name, depth} (for tag's inConverted)
    var list = null;  // whether the Markdown block of the paragraph is a list (null: none yet)
    // paragraphLinks' tag, in a paragraph or a block of ``html``; ``opener``: where the
    // tag opening the block is (read on its own, with its attributes over several lines)
    function tags(html, opener) {
      return tag && function (name, attributes, at) {
        if (at !== opener) {
          tag(name, attributes, html ? "html" : "text", converted.length > 0);
        }
      };
    }
    function ended() {
      prose.push(paragraph.join("\n"));
      paragraphLinks(prose[prose.length - 1], add, false, tags(false));
      paragraph = [];
    }
    outsideIndentedCode(text, function (line, index) {
      // an HTML comment (an editor's note, even over several lines) is no link
      var prose = "";
      var rest = line.replace(ESCAPED, "  ").replace(CODE_SPAN, "");
      while (rest) {
        var at = rest.indexOf(inComment ? "-->" : "<!--");
        prose += inComment ? "" : rest.slice(0, at < 0 ? rest.length : at);
        rest = at < 0 ? "" : rest.slice(at + (inComment ? 3 : 4));
        inComment = at < 0 ? inComment : !inComment;
      }
      if (index !== next) {  // after code
        ended();
        list = null;
      }
      next = index + 1;
      if (tag) {  // the converted blocks this line ends
        converted = converted.filter(function (open) { return blockEnd(open, prose) < 0; });
      }
      var opened = block ? null : htmlBlock(prose, lines, index, details);
      var opener = -1;
      if (opened) {  // a block of HTML (converted or not) ends the paragraph
        ended();
        list = null;
        opener = prose.indexOf("<");
        if (tag) {
          tag(opened.name, opened.attributes, opened.converted ? "converted" : "opener",
            converted.length > 0);
          var open = { name: opened.name, depth: 0 };
          if (opened.converted && blockEnd(open, prose) < 0) {
            converted.push(open);
          }
        }
        details += opened.converted && opened.name === "details" ? 1 : 0;
        block = opened.converted ? null : opened;
        if (opened.converted) {  // its text, from its tag's end, starts a paragraph
          prose = prose.slice(opened.end);
          if (!prose.trim()) {
            return line;
          }
        }
      }
      if (block) {
        var end = blockEnd(block, prose);
        paragraphLinks(end < 0 ? prose : prose.slice(0, end), add, true,
          tags(true, opened ? opener : -1));
        if (end < 0 || !prose.slice(end).trim()) {
          block = end < 0 ? block : null;
          return line;
        }
        block = null;
        prose = prose.slice(end);  // Markdown after its end tag, a paragraph of its own
      }
      details = Math.max(0, details - (prose.match(/<\/details(?![^\s\/>])/gi) || []).length);
      var reference = REFERENCE.exec(prose);
      var heading = HEADING_LINE.test(line);  // a paragraph of its own line
      var blank = BLANK_LINE.test(line);
      if (reference || heading || blank || (list && ITEM_LINE.test(line))) {
        ended();  // a paragraph's end
      }
      list = blank || heading || reference ? null
        : list === null ? ITEM_LINE.test(line) : list;
      if (reference && referenceUsed(text, reference[1])) {
        add(reference[2], false, false);
      }
      paragraph.push(prose);
      if (heading) {
        ended();
      }
      return line;
    }, function () { return Boolean(block); });
    ended();
    return prose.join("\n\n");
  }

  // The addresses of ``text``'s links and images that ``keep`` keeps, in order:
  // {address, image}
  function linkAddresses(text, keep) {
    var found = [];
    readText(text, function (address, image, html, empty) {
      var target = decoded(String(address).trim().replace(/^<|>$/g, ""), html).trim();
      if (keep(target, image, empty)) {
        found.push({ address: target, image: image });
      }
    });
    return found;
  }

  // The links of the text, then the summary, that ``keep`` keeps, each with where it is
  function linksOf(body, summary, keep) {
    function placed(where) {
      return function (link) {
        link.where = where;
        return link;
      };
    }
    return linkAddresses(body, keep).map(placed("nel testo"))
      .concat(linkAddresses(summary, keep).map(placed("nel sommario")));
  }

  // A link's address typed as it is said, not as a browser needs it (plugins/contract/
  // check.py's _typed_address): between quotes, an e-mail address or a phone number
  // without mailto: or tel:, www. without its https scheme. Relative to the browser,
  // each is refused as one, but the build's message names what to write, and so does
  // this one: {what (with "{where}" for "nel testo"), write}, or null
  var QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a";
  var EMAIL = /^[\p{L}\p{N}_.+-]+@[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)*\.[a-z]{2,}$/iu;
  // a phone number (not a date: 2024-05-05, 05.06.2024)
  var PHONE = /^(?!\d{4}-\d{1,2}-\d{1,2}$|\d{1,2}[-.]\d{1,2}[-.]\d{2,4}$)\+?[\d(][\d ().-]{5,}\d$/;

  function typedAddress(address) {
    var bare = address;
    while (bare && (QUOTES + " ").indexOf(bare[0]) >= 0) {
      bare = bare.slice(1);
    }
    while (bare && (QUOTES + " ").indexOf(bare[bare.length - 1]) >= 0) {
      bare = bare.slice(0, -1);
    }
    if (bare && bare !== address.trim()) {
      return { what: "l'indirizzo del link «" + address + "» {where} è tra virgolette",
        write: bare };
    }
    if (EMAIL.test(address)) {
      return { what: "il link «" + address + "» {where} è un indirizzo e-mail",
        write: "mailto:" + address };
    }
    if (/^www\./i.test(address)) {
      return { what: "il link «" + address + "» {where} non comincia con https://",
        write: "https://" + address };
    }
    if (PHONE.test(address)) {
      var number = address.replace(/[^\d+]/g, "");
      number = number[0] === "+" ? number : number.indexOf("00") === 0
        ? "+" + number.slice(2) : "+39" + number;
      return { what: "il link «" + address + "» {where} è un numero di telefono",
        write: "tel:" + number };
    }
    return null;
  }

  // The refusal of the first relative address in the text, then the summary: null if none
  function relativeRefusal(body, summary) {
    var found = linksOf(body, summary, relative);
    if (!found.length) {
      return null;
    }
    var first = found[0];
    var others = found.length - 1;
    var more = others ? " (e " + (others === 1 ? "un altro indirizzo relativo" : "altri " + others
      + " indirizzi relativi") + ", da correggere allo stesso modo)" : "";
    var typed = first.image ? null : typedAddress(first.address);
    if (typed) {
      return typed.what.replace("{where}", first.where) + more + ": sul sito il link"
        + " porterebbe a una pagina che non esiste, e il sito non verrebbe pubblicato. Scrivi "
        + typed.write + " come indirizzo del link, [testo](" + typed.write + ").";
    }
    var what = first.image ? "l'immagine «" + first.address + "» " + first.where
      + " ha un indirizzo relativo" : "il link «" + first.address + "» " + first.where
      + " ha un indirizzo relativo";
    return what + more + ": il sito lo leggerebbe a partire dall'indirizzo della pagina che"
      + " mostra il testo (che compare anche nella home page e negli elenchi), e "
      + (first.image ? "l'immagine non si vedrebbe" : "porterebbe a una pagina che non c'è")
      + ". " + (first.image ? "Togli l'immagine e inseriscila con il pulsante ＋ («Aggiungi"
        + " componente»), «Immagine», «Scegli un'immagine»: scrive {static}/immagini/…."
      : "Per un articolo o una pagina di questo sito scrivi {filename} e il suo file (per"
        + " esempio {filename}/pages/contatti.md), per un elenco del sito l'indirizzo che"
        + " comincia con / (per esempio /archivio/), per un altro sito l'indirizzo intero,"
        + " con https:// (copialo dalla barra del browser); un documento si aggiunge negli"
        + " «Allegati», e un'immagine con il pulsante ＋ («Aggiungi componente»), «Immagine».");
  }

  // The refusal of the first address with a scheme the site does not allow, in the
  // text, then the summary: null if none
  function schemeRefusal(body, summary) {
    var found = linksOf(body, summary, refusedScheme);
    if (!found.length) {
      return null;
    }
    var first = found[0];
    var scheme = refusedScheme(first.address);
    var local = scheme === "file" || scheme.length === 1;  // C:\…: a file of this computer
    return (first.image ? "l'immagine «" : "il link «") + first.address + "» " + first.where
      + (local ? " porta a un file del tuo computer, che i lettori non hanno: "
        + (first.image ? "inserisci l'immagine con il pulsante ＋ («Aggiungi componente»),"
          + " «Immagine»." : "aggiungi il documento negli «Allegati».")
        : " comincia con «" + scheme + ":», che il sito non ammette: un link porta a un"
          + " indirizzo web (https), a un'e-mail (mailto:) o a un telefono (tel:).");
  }

  // --- What else the build refuses in a text's HTML --------------------------------
  // A text pasted from a web page, or a video's or a map's "embed" code, brings HTML the
  // build refuses (plugins/contract/body.py): an attribute outside the allowlist
  // (style="…", target="_blank", frameborder="0", data-…), an event handler (onclick),
  // an <iframe> from a site the settings do not name (CONTRACT_IFRAME_HOSTS), an <img>
  // without alt or src, Pelican's markers ({static}) outside a link's address (in a
  // title="…", in a comment), and markdown="1" where Python-Markdown leaves it in the
  // page (a <pre>, a <span>, an element inside a block of HTML). Decap saved each with
  // "Voce salvata", and the publication stopped. Before a save the text and the summary
  // are read as the build reads them (readText: code, comments and escaped characters
  // left out), after the rewrites of the save (a "<" typedLessThan writes as &lt; is no
  // tag); the allowlist and the hosts are the build's own (data-html,
  // data-html-attributes, data-iframe-hosts).
  var HTML_ATTRIBUTES = {};
  words("data-html-attributes").forEach(function (word) { HTML_ATTRIBUTES[word] = true; });
  var IFRAME_HOSTS = words("data-iframe-hosts");
  var ELEMENT_ATTRIBUTE = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
  var MARKERS = new RegExp(MARKER, "g");
  var MARKER_FIRST = new RegExp("^" + MARKER);
  var URL_ATTRIBUTES = { href: true, src: true, cite: true };
  var COMMENT = /<!--([\s\S]*?)-->/g;
  var SHOW_HTML = " (l'interruttore «Markdown» del riquadro del testo mostra l'HTML)";

  // The attributes of a start tag's ``text``, [{name, value}], as the build's HTML parser
  // reads them: names in lower case, values with their character references decoded
  function attributesOf(text) {
    var found = [];
    String(text || "").replace(ELEMENT_ATTRIBUTE, function (match, name, double, single, bare) {
      var value = [double, single, bare].filter(function (each) {
        return each !== undefined;
      })[0];
      found.push({ name: name.toLowerCase(), value: decoded(value || "", true) });
      return match;
    });
    return found;
  }

  // The first of Pelican's markers in the attribute ``name="value"`` that is not where a
  // link's address begins (body.py's misplaced_marker), or ""
  function misplacedMarker(name, value) {
    var markers = value.match(MARKERS) || [];
    var starts = URL_ATTRIBUTES[name] ? [value.trim()] : name === "srcset"
      ? value.split(",").map(function (part) { return part.trim(); }) : [];
    var allowed = starts.filter(function (start) { return MARKER_FIRST.test(start); }).length;
    return markers.length > allowed ? markers[allowed] : "";
  }

  // Whether the build leaves a tag's markdown="…" in the page (and refuses it there):
  // md_in_html takes it away from the tag opening a block it converts, from an <hr>
  // opening a line, and from the tags opening a line inside a converted block; a tag in
  // a paragraph (a <span>, a <pre> after some words, one in a quote or a list), one
  // opening a block left as typed (<pre markdown="1">, markdown="0") and one inside such
  // a block keep it
  function keptMarkdown(name, place, inConverted) {
    if (place === "text") {
      return true;
    }
    if (place === "converted" || inConverted) {
      return place === "html" && BLOCK_TAGS.indexOf(name) < 0;
    }
    return name !== "hr";
  }

  // What the build refuses in the start tag <name attributes> (its place and inConverted:
  // readText's tag), said for ``where`` ("nel testo"), or ""
  function tagProblem(name, attributes, place, inConverted, where) {
    var element = "<" + name + "> " + where;
    if (!HTML_TAGS[name]) {
      return "l'elemento HTML " + element + " non è ammesso, e il sito non verrebbe"
        + " pubblicato: toglilo" + SHOW_HTML + ".";
    }
    var found = attributesOf(attributes);
    var values = {};  // the last of each name, as the build's dict(attrs)
    found.forEach(function (each) { values[each.name] = each.value; });
    if (name === "iframe" && Object.prototype.hasOwnProperty.call(values, "src")) {
      var host = webHost(values.src);
      var https = /^https:/i.test(values.src.replace(/[\x00-\x20]+/g, ""));
      if (!https || IFRAME_HOSTS.indexOf(host) < 0) {
        return "il video (o la pagina) inserito con " + element + (IFRAME_HOSTS.length
          ? " viene da " + (host || values.src) + ": sono ammessi solo video da "
            + IFRAME_HOSTS.join(", ") : " non è ammesso: il sito non mostra pagine di altri"
            + " siti dentro le sue") + ", e il sito non verrebbe pubblicato. Togli l'<iframe>"
          + SHOW_HTML + " e metti al suo posto un link al video (con il pulsante dei"
          + " collegamenti).";
      }
    }
    for (var index = 0; index < found.length; index += 1) {
      var attribute = found[index].name;
      var value = found[index].value;
      var marker = misplacedMarker(attribute, value);
      var what = "l'attributo «" + attribute + "» di " + element + " non è ammesso";
      if (marker) {
        return "«" + marker + "» è nell'attributo «" + attribute + "» di " + element
          + ": può stare solo nell'indirizzo di un link o di un'immagine, e il sito lo"
          + " prenderebbe per un link (e non verrebbe pubblicato). Toglilo da lì" + SHOW_HTML
          + ".";
      }
      if (attribute.indexOf("on") === 0) {
        return what + ": niente script nel testo, e il sito non verrebbe pubblicato."
          + " Toglilo" + SHOW_HTML + ".";
      }
      if (attribute === "markdown") {
        if (keptMarkdown(name, place, inConverted)) {
          return what + ": resterebbe scritto nella pagina, e il sito non verrebbe"
            + " pubblicato. markdown=\"1\" si scrive solo nel tag che apre un blocco a"
            + " inizio riga, come <div markdown=\"1\"> o <figure markdown=\"1\">, non in <pre>"
            + " né in un tag in mezzo al testo o dentro un altro blocco di HTML: toglilo"
            + SHOW_HTML + ".";
        }
        continue;
      }
      if (!HTML_ATTRIBUTES[name + ":" + attribute] && !HTML_ATTRIBUTES["*:" + attribute]
          && attribute.indexOf("aria-") !== 0) {
        return what + ", e il sito non verrebbe pubblicato: toglilo" + SHOW_HTML + "."
          + (attribute === "style" ? " Colori, caratteri e allineamenti li decide il sito."
            : "");
      }
      if (attribute === "cite" && refusedScheme(value)) {
        return "l'indirizzo «" + value + "» dell'attributo «cite» di " + element
          + " comincia con «" + refusedScheme(value) + ":», che il sito non ammette, e il sito"
          + " non verrebbe pubblicato: toglilo" + SHOW_HTML + ".";
      }
    }
    if (name === "img" && !(values.src || "").trim()) {
      return "un'immagine scritta in HTML " + where + " (<img>) non ha il file (src), e il"
        + " sito non verrebbe pubblicato: toglila e inserisci l'immagine con il pulsante ＋"
        + " («Aggiungi componente»), «Immagine».";
    }
    if (name === "img" && !(values.alt || "").trim()) {
      return "l'immagine «" + values.src.trim() + "» " + where + " non ha la descrizione"
        + " (alt=\"…\"), e il sito non verrebbe pubblicato: scrivi cosa mostra in alt=\"…\""
        + SHOW_HTML + ", o toglila e inseriscila con il pulsante ＋ («Aggiungi"
        + " componente»), «Immagine», che chiede la descrizione.";
    }
    return "";
  }

  // The host a browser would load ``address`` from ("" without one, or behind a user
  // name: body.py's browser_host)
  function webHost(address) {
    var parts = /^(?:[a-z][a-z0-9+.\-]*:)?\/\/([^\/?#]*)/i.exec(
      String(address).trim().replace(/[\t\n\r]/g, "").replace(/\\/g, "/"));
    return parts && parts[1].indexOf("@") < 0
      ? parts[1].replace(/:\d*$/, "").replace(/^\[|\]$/g, "").toLowerCase() : "";
  }

  // The refusal of the first thing in the text's, then the summary's HTML that the build
  // refuses (tagProblem; Pelican's marker in a comment): null if none
  function htmlRefusal(body, summary) {
    if (!Object.keys(HTML_TAGS).length) {
      return null;  // no allowlist given (every "<" is then written as &lt;)
    }
    var texts = [[body, "nel testo"], [summary, "nel sommario"]];
    for (var index = 0; index < texts.length; index += 1) {
      var text = texts[index][0];
      var where = texts[index][1];
      if (typeof text !== "string" || text.indexOf("<") < 0) {
        continue;
      }
      var problem = "";
      readText(text, function () {}, function (name, attributes, place, inConverted) {
        problem = problem || tagProblem(name, attributes, place, inConverted, where);
      });
      outsideCode(text).replace(COMMENT, function (comment, inside) {
        var marker = inside.match(MARKERS);
        problem = problem || (marker ? "«" + marker[0] + "» è in un commento (<!-- … -->) "
          + where + ": può stare solo nell'indirizzo di un link o di un'immagine, e il sito"
          + " lo prenderebbe per un link (e non verrebbe pubblicato). Toglilo dal commento"
          + " (o togli il commento)." : "");
        return comment;
      });
      if (problem) {
        return problem;
      }
      problem = declarationProblem(text, where);
      if (problem) {
        return problem;
      }
    }
    return null;
  }

  // A declaration at a line's start (<!DOCTYPE html>, <![CDATA[…]]>) or a processing
  // instruction anywhere (<?xml …?>, <?php …?>), outside code and comments: the build
  // refuses them (body.py: "dichiarazione … non ammessa", "istruzione <?…?> non
  // ammessa"); they come with the code of a whole web page or e-mail pasted. One in a
  // paragraph's text, in a quote or a list is text to Python-Markdown, and saved.
  // (Not one inside a block of HTML, after other text: left to the build.)
  var DECLARATION = /^ {0,3}(<!(?:\[|[A-Za-z])[^>\n]*>?)/;
  var INSTRUCTION = /<\?[^<>]*?\?>/;

  function declarationProblem(text, where) {
    var lines = [];
    outsideIndentedCode(outsideCode(text).replace(COMMENT, function (comment) {
      return comment.replace(/[^\n]/g, " ");
    }), function (line) {
      lines.push(line);
      return line;
    });
    var found = null;
    lines.some(function (line) {
      found = DECLARATION.exec(line);
      return found;
    });
    var instruction = INSTRUCTION.exec(lines.join("\n"));
    var typed = found ? found[1] : instruction ? instruction[0] : "";
    if (!typed) {
      return "";
    }
    return "«" + (typed.length > 60 ? typed.slice(0, 60) + "…" : typed) + "» " + where
      + (found ? " è una dichiarazione" : " è un'istruzione") + " di una pagina web (copiata"
      + " con il suo codice?), che il sito non ammette, e il sito non verrebbe pubblicato:"
      + " toglila" + SHOW_HTML + ".";
  }

  // Whether an image's ``address`` is loaded from another site (an https: or // address)
  // or written into the text (data:…, a picture pasted): the build refuses both (the
  // site loads nothing from elsewhere, and its policy allows no data: images)
  function elsewhere(address, image) {
    var target = String(address).replace(/[\x00-\x20]+/g, "").replace(/\\/g, "/");
    var scheme = SCHEME.exec(target.toLowerCase());
    return Boolean(image) && (scheme ? ["http:", "https:", "data:"].indexOf(scheme[0]) >= 0
      : webHost(target) !== "");
  }

  // The refusal of the first image of the text, then the summary, from another site or
  // written into the text: null if none
  function elsewhereRefusal(body, summary) {
    var first = linksOf(body, summary, elsewhere)[0];
    if (!first) {
      return null;
    }
    var data = /^data:/i.test(first.address.replace(/[\x00-\x20]+/g, ""));
    var shown = first.address.length > 60 ? first.address.slice(0, 60) + "…" : first.address;
    return "l'immagine «" + shown + "» " + first.where + (data ? " è scritta dentro il testo"
      + " (un'immagine incollata?)" : " viene da un altro sito (" + webHost(first.address)
      + ")") + ": il sito non carica nulla da altri indirizzi, e non verrebbe pubblicato."
      + " Salva l'immagine sul tuo computer, togli questa e inseriscila con il pulsante ＋"
      + " («Aggiungi componente»), «Immagine», «Scegli un'immagine», «Carica dal"
      + " computer».";
  }

  // The refusal of the first link of the text, then the summary, without text ([](…),
  // <a href="…"></a>): null if none
  function emptyLinkRefusal(body, summary) {
    var first = linksOf(body, summary, function (address, image, empty) {
      return Boolean(empty) && address !== "";
    })[0];
    return first ? "il link «" + first.address + "» " + first.where + " non ha testo (tra le"
      + " parentesi quadre non c'è niente, [](…)): sulla pagina non si vedrebbe, chi usa un"
      + " lettore di schermo sentirebbe solo l'indirizzo, e il sito non verrebbe pubblicato."
      + " Scrivi tra le parentesi quadre dove porta, [testo](…), o togli il link." : null;
  }

  // A path of the site written as a link's or an image's address without Pelican's
  // marker (/allegati/2025/bando.pdf, /immagini/foto.jpg, /notizie/festa.md): the build
  // neither publishes the file nor rewrites the address, and refuses it (check.py's
  // _plain_problem), naming the {static} or {filename} link to write. The folders of
  // {static} links and the items' extensions are the page's (data-static-folders,
  // data-item-extensions). {marker, path}, or null
  var STATIC_FOLDERS = words("data-static-folders");
  var ITEM_EXTENSIONS = words("data-item-extensions");

  function unmarked(address) {
    if (address[0] !== "/" || address[1] === "/") {
      return null;
    }
    var path = address.split(/[?#]/)[0];
    try {
      path = decodeURIComponent(path);
    } catch (error) {
      // a "%" that is no escape: as typed
    }
    path = path.split("/").filter(function (part) {
      return part !== "" && part !== "." && part !== "..";
    }).join("/");
    if (STATIC_FOLDERS.some(function (folder) { return path.indexOf(folder) === 0; })) {
      return { marker: "{static}", path: path };
    }
    var extension = /\.([^.\/]*)$/.exec(path);
    return extension && ITEM_EXTENSIONS.indexOf(extension[1].toLowerCase()) >= 0
      ? { marker: "{filename}", path: path } : null;
  }

  // The refusal of the first such address of the text, then the summary: null if none
  function unmarkedRefusal(body, summary) {
    var first = linksOf(body, summary, function (address) {
      return unmarked(address) !== null;
    })[0];
    if (!first) {
      return null;
    }
    var write = unmarked(first.address);
    var link = write.marker + "/" + write.path.replace(/ /g, "%20");
    return (first.image ? "l'immagine «" : "il link «") + first.address + "» " + first.where
      + " è scritto senza " + write.marker + ": sul sito non funzionerebbe, e il sito non"
      + " verrebbe pubblicato. Scrivi " + link + (first.image ? ", o togli l'immagine e"
        + " inseriscila con il pulsante ＋ («Aggiungi componente»), «Immagine»." : ".");
  }

  // The refusal of a date whose year the build refuses (schema.py's YEARS, 1900-2999),
  // or null: the form's date input takes the year as typed, "25" as 0025 and a digit
  // too many as 20255, and Decap saved it; the build stopped on "non è una data valida"
  var YEARS = [1900, 2999];

  function yearRefusal(value) {
    var year = /^\s*(\d+)-/.exec(String(value || ""));
    if (!year || (Number(year[1]) >= YEARS[0] && Number(year[1]) <= YEARS[1])) {
      return null;
    }
    return "la data di pubblicazione («" + String(value).trim() + "») ha l'anno " + year[1]
      + ", fuori dagli anni " + YEARS[0] + "–" + YEARS[1] + ", e il sito non verrebbe"
      + " pubblicato: correggi l'anno nel campo «Data e ora di pubblicazione», con le sue"
      + " quattro cifre (per esempio " + new Date().getFullYear() + ").";
  }

  // The refusal of the first old address (data-old-addresses' field, typed by the editor
  // who moves a news item from the old site) that the build refuses
  // (plugins/redirects/paths.py's old_path: a query ?id=…, a #, no "/" first, an
  // extension other than .html, .htm or .php, a folder of the site's own…), or null.
  // Decap saved it, and the build stopped.
  var OLD_SUFFIXES = [".html", ".htm", ".php"];
  var OLD_EXAMPLE = "/notizie/123-presentazione.html";
  var SITE_FOLDERS = words("data-site-folders").map(function (name) {
    return name.toLowerCase();
  });
  var CONTROL = /[\x00-\x1f\x7f]/;

  function oldAddressProblem(text) {
    var value = String(text).trim();
    var web = /^([a-z][a-z0-9+.\-]*):\/\/([^\/?#]*)/i.exec(value);
    if (web) {
      if (["http", "https"].indexOf(web[1].toLowerCase()) < 0 || !web[2]) {
        return "non è un indirizzo di una pagina web: scrivi il percorso, per esempio "
          + OLD_EXAMPLE;
      }
      value = value.slice(web[0].length) || "/";
    }
    if (value.indexOf("?") >= 0) {
      return "contiene una richiesta (`?…`): il sito non può distinguere gli indirizzi che"
        + " differiscono solo dopo il `?`, quindi questo non si può reindirizzare; toglilo"
        + " dall'elenco";
    }
    if (value.indexOf("#") >= 0) {
      return "contiene `#`: la parte dopo `#` non arriva mai al sito, scrivi l'indirizzo"
        + " senza";
    }
    if (value.indexOf("\\") >= 0) {
      return "usa la barra rovesciata `\\`: negli indirizzi si usa la barra `/`";
    }
    if (value[0] !== "/") {
      return "deve cominciare con `/` (il percorso dopo il nome del sito), per esempio "
        + OLD_EXAMPLE;
    }
    var decoded = value.replace(/(?:%[0-9A-Fa-f]{2})+/g, function (escaped) {
      try {
        return decodeURIComponent(escaped);
      } catch (error) {
        return escaped;
      }
    });
    if (CONTROL.test(decoded)) {
      return "contiene caratteri di controllo";
    }
    if (decoded.indexOf("\\") >= 0) {
      return "usa la barra rovesciata `\\` (come %5C): negli indirizzi si usa la barra `/`";
    }
    var segments = decoded.split("/").filter(Boolean);
    if (segments.some(function (part) { return part === "." || part === ".."; })) {
      return "contiene `.` o `..`: un indirizzo precedente è un percorso dentro il sito,"
        + " senza `..`";
    }
    if (segments.some(function (part) { return part[0] === "."; })) {
      return "ha una parte che comincia con un punto: è il nome di un file nascosto (come"
        + " /.htaccess), non di una pagina";
    }
    if (!segments.length) {
      return "è la home page del sito: non può essere un indirizzo precedente";
    }
    var last = segments[segments.length - 1];
    var suffix = (/.(\.[^.]*)$/.exec(last) || ["", ""])[1].toLowerCase();
    if (decoded[decoded.length - 1] !== "/" && suffix && OLD_SUFFIXES.indexOf(suffix) < 0) {
      return "finisce con " + suffix + ": si possono reindirizzare solo indirizzi che"
        + " finiscono con `/`, " + OLD_SUFFIXES.join(", ") + " o senza estensione";
    }
    if (SITE_FOLDERS.indexOf(segments[0].toLowerCase()) >= 0) {
      return "è dentro /" + segments[0] + ", che il sito usa per i suoi file: non può essere"
        + " un indirizzo precedente";
    }
    return "";
  }

  function oldAddressRefusal(data) {
    if (!OLD_ADDRESSES) {
      return null;
    }
    var found = addresses(data.get(OLD_ADDRESSES)).filter(function (address) {
      return address !== null && address !== undefined && String(address).trim();
    });
    for (var index = 0; index < found.length; index += 1) {
      var problem = oldAddressProblem(found[index]);
      if (problem) {
        return "l'indirizzo precedente «" + String(found[index]).trim() + "» " + problem
          + " (campo «Indirizzi precedenti»), e il sito non verrebbe pubblicato.";
      }
    }
    return null;
  }

  // The refusal of a topic or an author the site makes no address of (symbols or emoji
  // only: the build's "non si ricava un indirizzo"), or null; names siteSlug does not
  // fold as the site does are left to the build
  function nameRefusal(data) {
    var tags = addresses(data.get("tags")).map(String);
    var tag = tags.filter(function (name) { return name.trim() && siteSlug(name) === ""; })[0];
    if (tag !== undefined) {
      return "dall'argomento «" + tag.trim() + "» non si ricava un indirizzo (è fatto solo di"
        + " simboli o emoji), e il sito non verrebbe pubblicato: negli «Argomenti» usa"
        + " lettere o cifre.";
    }
    var names = addresses(data.get("authors")).map(String).concat(
      String(data.get("author") || ""));
    var author = names.filter(function (name) {
      return name.trim() && siteSlug(name) === "";
    })[0];
    return author !== undefined ? "dall'autore «" + author.trim()
      + "» non si ricava un indirizzo (è fatto solo di simboli o emoji), e il sito non"
      + " verrebbe pubblicato: negli «Autori» usa lettere o cifre." : null;
  }

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

  // --- Pelican's native header (Title: …, no --- lines) --------------------------
  // Decap reads only YAML front matter: an item written with the native header opens
  // with an empty title and date and its header lines at the top of the text, and once
  // saved they were the text ("Title: … Date: … Tags: …" shown on the page, the tags
  // and the summary lost, and no error). Before a save, a native header at the top of
  // the text (it has a Title line and ends at a blank line) becomes front matter: its
  // values (tags and authors: comma-separated, as lists) replace the form's, but for
  // the title and the date the form requires (typed by the editor), and its lines
  // leave the text. A list's items are separated by commas or semicolons, as the build
  // reads them (split_list: "Tags: Crema; Cremona" was one topic, «Crema; Cremona»).
  var NATIVE_LINE = /^([A-Za-z][A-Za-z0-9_-]*):[ \t]*(.*)$/;
  var NATIVE_LISTS = { tags: true, authors: true };
  var TYPED = { title: true, date: true };

  // ``data`` without ``key`` (an entry's data, Immutable: its delete)
  function without(data, key) {
    return typeof data.delete === "function" ? data.delete(key) : data.set(key, undefined);
  }

  function nativeHeader(text) {
    var lines = text.split("\n");
    var index = 0;
    var header = [];
    while (index < lines.length && !lines[index].trim()) {
      index += 1;
    }
    for (; index < lines.length && lines[index].trim(); index += 1) {
      var parts = NATIVE_LINE.exec(lines[index]);
      if (parts) {
        header.push([parts[1].toLowerCase(), parts[2].trim()]);
      } else if (header.length && /^\s/.test(lines[index])) {  // a continuation line
        header[header.length - 1][1] += " " + lines[index].trim();
      } else {
        return null;
      }
    }
    var titled = header.some(function (pair) { return pair[0] === "title"; });
    return titled ? { header: header, text: lines.slice(index).join("\n").replace(/^\n+/, "") }
      : null;
  }

  function fromNativeHeader(data) {
    var found = nativeHeader(String(data.get("body") || ""));
    if (!found) {
      return data;
    }
    found.header.forEach(function (pair) {
      var key = pair[0];
      var value = NATIVE_LISTS[key] ? pair[1].split(/[,;]/).map(function (item) {
        return item.trim();
      }).filter(Boolean) : pair[1];
      var typed = TYPED[key] && String(data.get(key) || "").trim();
      if (!typed && (value.length || !NATIVE_LISTS[key])) {
        if (key === "author" || key === "authors") {  // the header's authors, not the form's
          data = without(data, key === "author" ? "authors" : "author");
        }
        data = data.set(key, value);
      }
    });
    return data.set("body", found.text);
  }

  // --- A new title must not take another item's address ------------------------
  // The site's address of an item ends with its slug: its `slug`, else its title's
  // (plugins/italian/slugs.py). Two articles (or two pages) with one slug stop the
  // build, even months apart ("Chiusura estiva" again next year), and the editor saw
  // "Voce salvata". Before a save the slug is made here as the site makes it and looked
  // up among the published items' (slugs.json, written by the build): another item's
  // refuses the save, and so does a title that gives no slug at all (emoji only: Decap
  // saved it as "2025-05-05-.md", the build refused it).
  // Only a title this script folds exactly as the site does (unidecode, then the site's
  // substitutions) is checked: ASCII, the accented letters of Latin-1, typographic
  // apostrophes and dashes. Any other character (a symbol unidecode spells out or the
  // site leaves out, such as "°" or "€", quotes it glues words with, another script,
  // markup) leaves the title to the build: a slug made otherwise here would refuse a
  // good title, or give an unchanged item its own address as an old one, which stops
  // the build.
  var MODELLED = /^[\x20-\x7e\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u2018\u2019\u2013\u2014]*$/;
  var FOLD = { "ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "ð": "d", "Ð": "D",
    "þ": "th", "Þ": "Th" };
  var APOSTROPHES = /[\u2018\u2019]/g;
  var DASHES = /[\u2013\u2014]/g;
  // emoji (outside the BMP; not the enclosed letters 🅰…, which unidecode spells), their
  // variation selector, joiner and skin tones: nothing, as unidecode makes them
  var PICTOGRAPHS = /[\ufe0f\u200d\u{1F3FB}-\u{1F3FF}]|(?![\u{1F100}-\u{1F1FF}])(?=\p{Extended_Pictographic})[\u{10000}-\u{10FFFF}]/gu;
  var COMBINING = /\p{M}/gu;
  var SLUG_MAX = 80;

  function siteSlug(title) {
    var text = String(title || "").normalize("NFKC").replace(PICTOGRAPHS, "");
    if (!MODELLED.test(text) || /<|>|&#?\w+;/.test(text)) {
      return null;  // not folded here as the site folds it: the build checks it
    }
    text = text.replace(APOSTROPHES, "'").replace(DASHES, "-");
    var folded = "";
    for (var index = 0; index < text.length; index += 1) {
      var char = text[index];
      folded += FOLD[char] || char.normalize("NFKD").replace(COMBINING, "");
    }
    var slug = folded.replace(/['`]/g, " ").replace(/[^\w\s-]/g, "").replace(/_/g, " ")
      .trim().replace(/[-\s]+/g, "-").replace(/^-+|-+$/g, "").toLowerCase();
    if (slug.length > SLUG_MAX) {
      var cut = slug.slice(0, SLUG_MAX + 1);
      slug = cut.indexOf("-") >= 0 ? cut.slice(0, cut.lastIndexOf("-")) : slug.slice(0, SLUG_MAX);
    }
    return slug;  // "": a title of emoji or punctuation only, which the build refuses too
  }

  var PAGE_COLLECTIONS = words("data-pages");

  // slugs.json, read again at each save: the site is built again after a save (a session
  // lasts hours), and an item retitled twice must keep the address the build gave it
  // in between (read once per session, the file still gave the first one)
  function publishedItems() {
    return fetch("slugs.json", { cache: "no-cache" }).then(function (response) {
      return response.ok ? response.json() : {};
    }).catch(function () {
      return {};
    });
  }

  // The item's file, as a path from the content folder ("" for a new item)
  function ownFile(entry) {
    var own = String(entry.get("path") || "").replace(/^\/+/, "");
    return own.indexOf(CONTENT) === 0 ? own.slice(CONTENT.length) : own;
  }

  // The item as the build knows it: its kind's slugs, its file, its slug then, its new one
  function itemOf(slugs, entry, data) {
    var page = PAGE_COLLECTIONS.indexOf(entry.get("collection")) >= 0;
    var items = (slugs && slugs[page ? "pages" : "articles"]) || {};
    var own = ownFile(entry);
    return {
      page: page, items: items, own: own,
      before: Object.keys(items).filter(function (slug) { return items[slug] === own; })[0],
      slug: String(data.get("slug") || "").trim() || siteSlug(data.get("title"))
    };
  }

  // The items deleted in this session ("Cancella voce"), by their file: slugs.json lists
  // them until the next build. An editor who moves an item to another category (Decap
  // cannot: the item is deleted and written again in the other collection, with its
  // title, to keep its address) was refused, the deleted file named as the one
  // holding the address, and told to change the title: the address would change.
  // (Filled by Decap's "postUnpublish" event, below.)
  var DELETED = {};

  function takenBy(slugs, entry, data) {
    var item = itemOf(slugs, entry, data);
    var other = item.slug && Object.prototype.hasOwnProperty.call(item.items, item.slug)
      && item.items[item.slug];
    return other && other !== item.own && !DELETED[other]
      ? { slug: item.slug, file: other, page: item.page, elsewhere:
        other.split("/")[0] !== entry.get("collection") } : null;
  }

  // The drafts, hidden and scheduled items take a slug too (a new title with a draft's
  // slug stopped the build as well), but slugs.json gives theirs only as digests: 16 hex
  // digits of the sha256 of the slug and of the file (plugins/admin/output.py, private),
  // which tell equal from not and nothing more. Made here the same way; null where the
  // browser has no SubtleCrypto (a page neither on https nor from this machine).
  function privateDigest(text) {
    if (typeof crypto === "undefined" || !crypto.subtle || typeof TextEncoder === "undefined") {
      return Promise.resolve(null);
    }
    return crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)).then(function (sum) {
      return Array.prototype.map.call(new Uint8Array(sum), function (byte) {
        return (byte < 16 ? "0" : "") + byte.toString(16);
      }).join("").slice(0, 16);
    });
  }

  // A promise of whether an item the site does not publish has the item's slug (not
  // the item itself, nor one deleted in this session)
  function takenByUnpublished(slugs, entry, data) {
    var item = itemOf(slugs, entry, data);
    var others = (slugs && slugs.unpublished
      && slugs.unpublished[item.page ? "pages" : "articles"]) || {};
    if (!item.slug || !Object.keys(others).length) {
      return Promise.resolve(false);
    }
    var files = [item.own].concat(Object.keys(DELETED));
    return Promise.all([item.slug].concat(files).map(privateDigest)).then(function (found) {
      var other = found[0] && Object.prototype.hasOwnProperty.call(others, found[0])
        && others[found[0]];
      return Boolean(other) && found.slice(1).indexOf(other) < 0;
    });
  }

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

  // "Pubblica e duplica" and "Pubblica e creane nuovo" of a new item: Decap saves it,
  // then shows the form of a new item (#/collections/<c>/new) with the item just saved
  // in it, its file and all: neither a copy nor a new item. Saved, the "copy" (or the
  // new item typed over it) was written over the original, whose text was lost. Such a
  // form is refused (a copy of an item opened from the list, "Duplica", is a new item).
  function notNew(entry) {
    return !entry.get("newRecord") && Boolean(ownFile(entry))
      && window.location.hash.split("?")[0] === "#/collections/" + entry.get("collection")
        + "/new";
  }

  // --- A changed title or month keeps the old address working --------------------
  // A published item's address is made of its slug (from its title when there is no
  // `slug`) and, for an article, the year and month of its date (ARTICLE_URL): a
  // corrected title or a date moved to another month moved the item, and its old
  // address (in bookmarks, social posts, other sites, search engines) led to "pagina
  // non trovata". The old address is added to the item's old addresses
  // (plugins/redirects: a page there leads to the new one), as the guide asks of who
  // edits the file; an old address that is the new one again (the title changed back)
  // leaves the list. The new address is made from the site's patterns (data-article-url,
  // data-page-url); one with other fields than {slug} and {date:%Y|%m|%d} is not checked.
  var OLD_ADDRESSES = script.getAttribute("data-old-addresses") || "";
  var URL_PATTERNS = { article: script.getAttribute("data-article-url") || "",
    page: script.getAttribute("data-page-url") || "" };
  var FORM_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})/;

  function addresses(value) {
    if (!value) {
      return [];
    }
    return typeof value === "string" ? [value] : (value.toJS ? value.toJS() : [].concat(value));
  }

  function addressOf(pattern, slug, date) {
    var day = FORM_DATE_RE.exec(String(formDate(date) || ""));
    var known = Boolean(pattern && slug);
    var path = pattern.replace(/\{(\w+)(?::([^}]*))?\}/g, function (match, name, spec) {
      if (name === "slug" && !spec) {
        return slug;
      }
      var part = name === "date" && day && { "%Y": day[1], "%m": day[2], "%d": day[3] }[spec];
      known = known && Boolean(part);
      return part || match;
    });
    return known ? "/" + path : null;
  }

  function keptAddress(slugs, entry, data) {
    var item = itemOf(slugs, entry, data);
    var address = item.before && ((slugs && slugs.addresses) || {})[item.own];
    var now = address && addressOf(URL_PATTERNS[item.page ? "page" : "article"], item.slug,
      data.get("date"));
    if (!OLD_ADDRESSES || !now) {
      return data;
    }
    // the address it has again (a title changed back before the next build, which
    // writes slugs.json) leaves the list: an item's own address there stops the build
    var listed = addresses(data.get(OLD_ADDRESSES));
    var old = listed.filter(function (each) {
      return String(each).trim() !== now;
    });
    if (now === address && old.length === listed.length) {
      return data;
    }
    if (now !== address && old.indexOf(address) < 0) {
      old.push(address);
    }
    return data.set(OLD_ADDRESSES, old);
  }

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
      + " prima o dopo), o scrivi un altro slug nel campo «Slug (fine dell'indirizzo)».";
  }

  // --- A file of a type the site does not publish -----------------------------------
  // The site publishes documents (PDF, office files, CSV, TXT, ZIP, photos) as
  // attachments and photos (PNG, JPEG, WebP) as images: any other file stops the build
  // ("tipo di file non ammesso", plugins/core/filetypes.py). Decap uploads any file: an
  // old Word document (.doc) attached, an iPhone photo (.heic) or a GIF as the cover or
  // in the text, a video, and the editor saw "Voce salvata". The save is refused, in the
  // build's words, with what to turn the file into; the file's content is left to the
  // build (a .pdf that is no PDF). The page gives the types (data-file-types).
  var FILE_TYPES = JSON.parse(script.getAttribute("data-file-types") || "{}");

  // "verbale.DOC" -> "doc"; "" without one
  function extensionOf(path) {
    var base = String(path).split("/").pop();
    return base.replace(/^\.+/, "").indexOf(".") >= 0
      ? base.slice(base.lastIndexOf(".") + 1).toLowerCase() : "";
  }

  // The build's words for the file at ``path`` (under the content folder) if its type is
  // not among ``types``' (a folder's, or the cover's), else null
  function typeProblem(path, types) {
    var ext = extensionOf(path);
    if (!types || !types.extensions || types.extensions.indexOf(ext) >= 0) {
      return null;
    }
    var advice = (types.advice || {})[ext];
    return "tipo di file non ammesso: " + path + " (" + (ext ? ext.toUpperCase()
      : "senza estensione") + "); ammessi " + types.allowed + (advice ? "; " + advice : "");
  }

  // The types of the folder ``path`` is in (FILE_TYPES.folders), or null
  function folderTypes(path) {
    var folders = FILE_TYPES.folders || {};
    var folder = Object.keys(folders).filter(function (name) {
      return path.indexOf(name + "/") === 0;
    })[0];
    return folder ? folders[folder] : null;
  }

  function fileTypeRefusal(data) {
    var found = [];  // [path, types, where]
    addresses(data.get("attachments")).forEach(function (item) {
      var file = typeof item === "string" ? item : item && item.file;
      if (file) {
        found.push([String(file), FILE_TYPES.attachments, "negli «Allegati»"]);
      }
    });
    if (data.get("image")) {
      found.push([String(data.get("image")), FILE_TYPES.image, "come immagine di copertina"]);
    }
    linksOf(data.get("body"), data.get("summary"), function (target) {
      return target.indexOf(STATIC) === 0;
    }).forEach(function (link) {
      var path = link.address.slice(STATIC.length).split(/[?#]/)[0];
      try {
        path = decodeURIComponent(path);
      } catch (error) {
        // as written
      }
      found.push([path, folderTypes(path), link.where]);
    });
    for (var index = 0; index < found.length; index += 1) {
      var problem = typeProblem(found[index][0], found[index][1]);
      if (problem) {
        return problem + " (" + found[index][2] + "), e il sito non verrebbe pubblicato."
          + " Salva il file in uno dei tipi ammessi, caricalo e sceglilo al posto di questo.";
      }
    }
    return null;
  }

  // Decap shows a refusal as String(error): "Error: …" in the middle of an Italian
  // sentence. An error without a name is its message alone.
  function refusal(message) {
    var error = new Error(message);
    error.name = "";
    return error;
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
      if (AUTHORS_EDITED || event.entry.get("newRecord")) {
        var joined = authorsAsked(data);
        if (joined) {
          throw refusal(joined);
        }
        data = authorsWritten(data);
      }
      data = fromNativeHeader(data);
      var image = data.get("image");
      var alt = data.get("image_alt");
      if (image && !(alt && String(alt).trim())) {
        throw refusal("manca la descrizione dell'immagine di copertina (testo"
          + " alternativo): scrivila nel campo sotto l'immagine.");
      }
      var body = data.get("body");
      // its Markdown: an image in code, a comment or a block of HTML is text, or nothing
      var prose = readText(body, function () {});
      if (IMAGE_WITHOUT_ALT.test(prose)) {
        throw refusal("un'immagine nel testo non ha la descrizione: scrivila nel"
          + " campo «Descrizione (testo alternativo)» dell'immagine.");
      }
      if (IMAGE_WITHOUT_FILE.test(prose)) {
        throw refusal("un'immagine nel testo non ha il file: sceglilo con «Scegli"
          + " un'immagine» nel riquadro dell'immagine, o togli il riquadro.");
      }
      var links = relativeRefusal(body, data.get("summary"))
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
          throw refusal("dal titolo non si ricava un indirizzo (è fatto solo di simboli o"
            + " emoji): scrivi la fine dell'indirizzo nel campo «Slug (fine"
            + " dell'indirizzo)», per esempio festa-di-quartiere.");
        }
        var reserved = reservedRefusal(event.entry, saved);
        if (reserved) {
          throw refusal(reserved);
        }
        var taken = takenBy(slugs, event.entry, saved);
        if (taken) {
          throw refusal((taken.page ? "una pagina pubblicata" : "un articolo pubblicato")
            + " ha già lo stesso indirizzo (slug «" + taken.slug + "», " + taken.file
            + "), e il sito non verrebbe pubblicato. Cambia il titolo, o scrivi un altro"
            + " slug nel campo «Slug (fine dell'indirizzo)»."
            + (taken.elsewhere ? " Se invece lo stai spostando in questa raccolta,"
              + " cancella prima la versione vecchia («Cancella voce»), poi salva di nuovo:"
              + " con lo stesso titolo l'indirizzo resta lo stesso." : ""));
        }
        var twin = takenBySaved(slugs, event.entry, saved);
        if (twin) {
          throw refusal((twin.page ? "una pagina salvata" : "un articolo salvato")
            + " da quando hai aperto l'editor («" + twin.title + "») ha già lo stesso"
            + " indirizzo (slug «" + twin.slug + "»), e il sito non verrebbe pubblicato."
            + " Cambia il titolo, o scrivi un altro slug nel campo «Slug (fine"
            + " dell'indirizzo)».");
        }
        return takenByUnpublished(slugs, event.entry, saved).then(function (hidden) {
          if (hidden) {
            var item = itemOf(slugs, event.entry, saved);
            throw refusal((item.page ? "una pagina non pubblicata (una bozza o una pagina"
              + " nascosta)" : "un articolo non ancora pubblicato (una bozza, o un articolo"
              + " programmato o nascosto)") + " ha già lo stesso indirizzo (slug «"
              + item.slug + "»), e il sito non verrebbe pubblicato. Cambia il titolo, o"
              + " scrivi un altro slug nel campo «Slug (fine dell'indirizzo)».");
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

  // --- A notice at the bottom of the page ------------------------------------------
  // What the site's build says over the editor, one component for both: the last
  // publication in production (below) and, in the local preview, the build's errors
  // (further below). A fixed box at the bottom of the page, topped in red for a failure
  // and in blue otherwise, with its role (alert: read out at once; status: when the
  // screen reader is idle) and, when it has one, a heading that names it. Each source
  // has one place: a new notice replaces its own, null takes it away. Built with the DOM
  // (no markup from strings) and styled through the CSSOM (the editor's policy allows no
  // inline style sheet).
  var BANNER_CSS = "position:fixed;left:0;right:0;bottom:0;z-index:100000;max-height:40vh;"
    + "overflow-y:auto;margin:0;padding:0.75rem 1rem;font:16px/1.5 system-ui,sans-serif;"
    + "color:#1b1b1b;background:#fff;box-shadow:0 -2px 8px rgba(0,0,0,0.25);"
    + "border-top:4px solid ";
  var banners = {};

  function element(tag, text, css) {
    var made = document.createElement(tag);
    if (text) {
      made.textContent = text;
    }
    if (css) {
      made.style.cssText = css;
    }
    return made;
  }

  // notice: {className, role, failed, heading (or none), parts: texts and elements}.
  // A status (not an alert, which is read out as it arrives) is put on the page empty,
  // and given its text a moment later: a live region that arrives with its text is not
  // read out (a screen reader user never heard that a picture was not pasted).
  function banner(source, notice) {
    var old = banners[source];
    if (old && old.parentNode) {
      old.parentNode.removeChild(old);
    }
    banners[source] = null;
    if (!notice) {
      return;
    }
    var box = element("div", "", BANNER_CSS + (notice.failed ? "#b3261e" : "#0b4f9c"));
    box.className = notice.className;
    box.setAttribute("role", notice.role);
    var content = document.createDocumentFragment();
    if (notice.heading) {
      var title = element("h2", notice.heading, "font-size:1.125rem;margin:0 0 "
        + (notice.parts.length ? "0.25rem" : "0"));
      title.id = notice.className + "-titolo";
      box.setAttribute("aria-labelledby", title.id);
      content.appendChild(title);
    }
    notice.parts.forEach(function (part) {
      content.appendChild(typeof part === "string" ? document.createTextNode(part) : part);
    });
    if (notice.role === "status") {
      window.setTimeout(function () { box.appendChild(content); }, SPEAK_LATER);
    } else {
      box.appendChild(content);
    }
    document.body.appendChild(box);
    banners[source] = box;
  }

  // --- How the last publication went --------------------------------------------
  // In production each save is a commit, and the git host's CI builds and publishes the
  // site (README, Deployment). A build that stops (an error the form could not see: a
  // link to a file deleted since, an attachment whose content is not its type) leaves
  // the site as it was, and the editor, told "Voce salvata", took it for published.
  // The editor asks the host, with the token Decap keeps for the session, how the last
  // run on the published branch went (data-publications: plugins/admin/config.py), at
  // the start, every minute and after each save, and says so at the bottom of the page:
  // a failed one, with the link to its log for whoever runs the site; one under way.
  var PUBLICATIONS = JSON.parse(script.getAttribute("data-publications") || "\"\"");
  var RUN_POLL = 60000;
  var RUN_TIME = new Intl.DateTimeFormat("it-IT", { day: "numeric", month: "long",
    hour: "2-digit", minute: "2-digit", timeZone: SITE_ZONE });

  // {state: "failed" | "running" | "done", url, when} of the host's answer, or null
  function lastRunOf(host, answer) {
    var run = host === "gitlab" ? (Array.isArray(answer) ? answer : [])[0]
      : ((answer && answer.workflow_runs) || [])[0];
    if (!run) {
      return null;
    }
    var state = host === "gitlab"
      ? ({ failed: "failed", success: "done", canceled: "done", skipped: "done",
        manual: "done" })[run.status] || "running"
      : run.status !== "completed" ? "running"
        : ["failure", "timed_out", "startup_failure"].indexOf(run.conclusion) >= 0
          ? "failed" : "done";
    return { state: state, url: run.web_url || run.html_url || "",
      when: run.updated_at || "" };
  }

  function sessionToken(host) {
    try {
      var user = JSON.parse(window.localStorage.getItem("decap-cms-user") || "null");
      return user && user.backendName === host && user.token ? user.token : null;
    } catch (error) {
      return null;
    }
  }

  function lastRun(where, token) {
    var url = where.host === "gitlab"
      ? where.api + "/projects/" + encodeURIComponent(where.repo) + "/pipelines?ref="
        + encodeURIComponent(where.branch) + "&per_page=1"
      : where.api + "/repos/" + where.repo + "/actions/workflows/"
        + encodeURIComponent(where.workflow) + "/runs?branch="
        + encodeURIComponent(where.branch) + "&per_page=1";
    return fetch(url, { cache: "no-store", headers: {
      Authorization: (where.host === "gitlab" ? "Bearer " : "token ") + token } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) { return lastRunOf(where.host, answer); });
  }

  var runState = "done";

  function showRun(run) {
    var state = run ? run.state : "done";
    if (state === runState) {
      return;  // said already: not announced again at every question
    }
    runState = state;
    if (state === "done") {
      banner("pubblicazione", null);
      return;
    }
    var when = run.when && !isNaN(new Date(run.when)) ? " (" + RUN_TIME.format(
      new Date(run.when)) + ")" : "";
    var parts = [state === "failed"
      ? "L'ultima pubblicazione del sito non è riuscita" + when + ": il sito non mostra"
        + " ancora le ultime modifiche salvate. Avvisa chi gestisce il sito"
      : "Pubblicazione in corso" + when + ": le ultime modifiche saranno sul sito tra"
        + " qualche minuto."];
    if (state === "failed" && run.url) {
      var log = element("a", "registro della pubblicazione");
      log.href = run.url;
      log.rel = "noopener";
      parts.push(", che trova il motivo nel ", log);
    }
    if (state === "failed") {
      parts.push(".");
    }
    banner("pubblicazione", { className: "pubblicazione-" + state, failed: state === "failed",
      role: state === "failed" ? "alert" : "status", parts: parts });
  }

  var runTimer = null;

  function checkRun() {
    var token = sessionToken(PUBLICATIONS.host);
    window.clearTimeout(runTimer);  // not logged in yet: looked at again soon
    runTimer = window.setTimeout(checkRun, token ? RUN_POLL : RUN_POLL / 20);
    if (token && document.visibilityState !== "hidden") {
      lastRun(PUBLICATIONS, token).then(showRun, function () {});  // no answer: no word
    }
  }

  if (PUBLICATIONS && window.fetch) {
    checkRun();
    CMS.registerEventListener({ name: "postSave", handler: function () {
      window.setTimeout(checkRun, RUN_POLL / 12);  // the commit's run has begun by then
    } });
  }

  // --- The local preview's build errors -----------------------------------------------
  // In the local preview (tools/preview.py: ./run livereload, preview) each save
  // rebuilds the site, and a save that breaks the build leaves the preview as it was,
  // while the editor's page is never reloaded (what is being written would be lost).
  // The preview marks the editor's page with the address of its state (<meta
  // name="anteprima-stato">): asked every two seconds, after a build that failed it
  // names each problem (file, line, message, as ./run check words them) with a link to
  // the item in the editor, until the build succeeds again ("Errori corretti", a few
  // seconds). Announced when the problems change, not at every question; "Nascondi"
  // hides them until they change.
  var PREVIEW_STATE = window.fetch && document.querySelector('meta[name="anteprima-stato"]');
  var PREVIEW_POLL = 2000;
  var FIXED_SHOWN = 8000;
  var PROBLEM_FILE = /^(\S+?\.md):(\d+):/;
  var previewShown = "";  // the problems shown, as a string
  var previewHidden = "";  // the problems the editor chose to hide
  var fixedTimer = null;

  // The item's address in the editor: a file of a collection's folder, not in a subfolder
  // (each collection is named as its folder under content/: plugins/admin/config.py)
  function entryLink(path) {
    var collections = words("data-articles").concat(words("data-pages"));
    var parts = path.indexOf(CONTENT) === 0 ? path.slice(CONTENT.length).split("/") : [];
    if (parts.length !== 2 || collections.indexOf(parts[0]) < 0) {
      return null;
    }
    return "#/collections/" + encodeURIComponent(parts[0]) + "/entries/"
      + encodeURIComponent(parts[1].replace(/\.md$/, ""));
  }

  function showProblems(problems, key) {
    var list = element("ul", "", "margin:0;padding-left:1.25rem");
    problems.forEach(function (problem) {
      var item = element("li");
      item.appendChild(element("code", problem, "white-space:pre-wrap;overflow-wrap:anywhere"));
      var found = PROBLEM_FILE.exec(problem);
      var href = found && entryLink(found[1]);
      if (href) {
        var link = element("a", "Apri nell’editor", "color:#0b4f9c");
        link.href = href;
        item.appendChild(document.createTextNode(" "));
        item.appendChild(link);
      }
      list.appendChild(item);
    });
    var close = element("button", "Nascondi", "margin-top:0.5rem;font:inherit;"
      + "padding:0.25rem 0.75rem");
    close.type = "button";
    close.addEventListener("click", function () {
      previewHidden = key;
      banner("anteprima", null);
    });
    banner("anteprima", { className: "anteprima-errori", role: "alert", failed: true,
      heading: "Il sito non è stato aggiornato: ci sono errori da correggere",
      parts: [element("p", "L’anteprima del sito mostra l’ultima versione riuscita."
        + " Correggi e salva: questo avviso sparisce da solo.", "margin:0 0 0.5rem"),
      list, close] });
  }

  function previewState(state) {
    var problems = state.problems || [];
    var key = JSON.stringify(problems);
    if (key === previewShown) {
      return;
    }
    var before = previewShown;
    previewShown = key;
    window.clearTimeout(fixedTimer);
    if (problems.length) {
      if (key !== previewHidden) {
        showProblems(problems, key);
      }
    } else if (before) {
      banner("anteprima", { className: "anteprima-errori", role: "status", failed: false,
        heading: "Errori corretti: il sito di anteprima è di nuovo aggiornato.", parts: [] });
      fixedTimer = window.setTimeout(function () { banner("anteprima", null); }, FIXED_SHOWN);
    }
  }

  function pollPreview() {
    fetch(PREVIEW_STATE.content, { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        previewState(state);
        window.setTimeout(pollPreview, PREVIEW_POLL);
      })
      .catch(function () { window.setTimeout(pollPreview, 2 * PREVIEW_POLL); });
  }

  if (PREVIEW_STATE && PREVIEW_STATE.content) {
    pollPreview();
  }

  // --- A picture pasted with the text ----------------------------------------------
  // A part of a web page or of a document copied with a picture is HTML with an <img>
  // on the clipboard. Decap's rich-text editor (3.16) makes the <img> an image node that
  // its own renderer cannot draw (the paste gives the node `url`, the renderer reads
  // `data.url`): the whole editor became Decap's error page ("Cannot destructure
  // property 'url' of 'e.element.data'"), the work not yet saved out of sight. A
  // clipboard cannot be changed during a paste: the paste is stopped before Decap's
  // editor sees it and given to it again, its HTML without the pictures, as the
  // "insertFromPaste" input the browser sends (Slate's editor reads its data from it);
  // the rest of the text arrives, and a notice says how to add a picture. (A picture
  // from another site would be refused at the save anyway: elsewhereRefusal.)
  var SLATE = '[data-slate-editor="true"]';

  // ``html`` without its pictures: {html, text (what is left has text), count, names
  // (their descriptions)}, or null if it has none
  function withoutPictures(html) {
    // a document of its own: nothing in it is loaded or run
    var parsed = new DOMParser().parseFromString(html, "text/html");
    var pictures = parsed.querySelectorAll("img");
    if (!pictures.length) {
      return null;
    }
    var names = [];
    Array.prototype.forEach.call(pictures, function (picture) {
      var alt = (picture.getAttribute("alt") || "").replace(/\s+/g, " ").trim();
      if (alt && names.indexOf(alt) < 0) {
        names.push(alt);
      }
      var before = picture.previousSibling;
      var after = picture.nextSibling;
      if (before && after && before.nodeType === 3 && after.nodeType === 3
          && /\s$/.test(before.data)) {
        after.data = after.data.replace(/^\s+/, "");  // "Una foto <img> del": one space
      }
      picture.parentNode.removeChild(picture);
    });
    return { html: parsed.body.innerHTML, text: /\S/.test(parsed.body.textContent),
      count: pictures.length, names: names };
  }

  function picturesNotPasted(cleaned) {
    var many = cleaned.count > 1;
    var close = element("button", "Chiudi", "margin-top:0.5rem;font:inherit;"
      + "padding:0.25rem 0.75rem");
    close.type = "button";
    close.addEventListener("click", function () { banner("incolla", null); });
    banner("incolla", { className: "incolla-immagine", role: "status", failed: false,
      heading: many ? "Le immagini non sono state incollate"
        : "L'immagine non è stata incollata",
      parts: [element("p", (cleaned.text ? "Il resto del testo sì. " : "")
        + (many ? "Le immagini copiate"
        : "Un'immagine copiata") + " da una pagina web o da un documento"
        + (cleaned.names.length ? " («" + cleaned.names.join("», «") + "»)" : "")
        + (many ? " non si possono incollare nel testo: salvale sul tuo computer e"
          + " inseriscile" : " non si può incollare nel testo: salvala sul tuo computer e"
          + " inseriscila") + " con il pulsante ＋ («Aggiungi componente»), «Immagine»,"
        + " «Scegli un'immagine», «Carica dal computer».", "margin:0"), close] });
  }

  // A paste or a drop (``data``: its DataTransfer) into the text whose HTML has pictures:
  // stopped, and given again as ``again(data without the pictures)`` makes it (nothing
  // when only pictures were copied); then the notice. Else left to Decap's editor.
  function withoutPicturesInto(event, data, again) {
    var target = event.target && event.target.nodeType === 1 ? event.target
      : event.target && event.target.parentElement;
    // (the text itself: not a field of a component in it, such as an image's description)
    var html = data && target && target.isContentEditable && target.closest(SLATE)
      ? data.getData("text/html") : "";
    var cleaned = /<img\b/i.test(html) ? withoutPictures(html) : null;
    if (!cleaned) {
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    if (cleaned.text) {
      var given = new DataTransfer();
      given.setData("text/html", cleaned.html);
      given.setData("text/plain", data.getData("text/plain"));
      target.dispatchEvent(again(given));
    }
    picturesNotPasted(cleaned);
  }

  if (typeof DataTransfer === "function" && typeof InputEvent === "function") {
    document.addEventListener("paste", function (event) {
      withoutPicturesInto(event, event.clipboardData, function (given) {
        return new InputEvent("beforeinput", { inputType: "insertFromPaste",
          dataTransfer: given, bubbles: true, cancelable: true });
      });
    }, true);
    // a picture of a web page dragged into the text: Decap's editor takes the drop's
    // HTML as a paste's (the same error page)
    document.addEventListener("drop", function (event) {
      withoutPicturesInto(event, event.dataTransfer, function (given) {
        return new DragEvent("drop", { dataTransfer: given, clientX: event.clientX,
          clientY: event.clientY, screenX: event.screenX, screenY: event.screenY,
          bubbles: true, cancelable: true });
      });
    }, true);
  }

  if (!h || !createClass) {
    return;
  }

  // --- The text and the summary as typed -------------------------------------
  // The text and the summary (the fields written by typedLessThan on save) reach Decap's
  // controls and the text's preview that way; the file keeps its value until the editor
  // changes the field. Decap's rich-text editor reads its value once, when the item
  // opens; the summary's box at every change.
  var TYPED_FIELDS = { body: true, summary: true };

  function typedField(props) {
    return Boolean(props.field && TYPED_FIELDS[props.field.get("name")]
      && !props.isEditorComponent);
  }

  // what the save will write, shown as typed: "<entro il 5 maggio>" unsaved was read as
  // an element by the preview's Markdown (and left out); an <img src="{static}/…"> from
  // the site
  function previewMarkdown(value) {
    return previewImages(shownLessThan(typedLessThan(value), "\\<"));
  }

  var MarkdownPreview = null;  // Decap's own preview of the markdown widget

  ["markdown", "text"].forEach(function (name) {
    var widget = CMS.getWidget && CMS.getWidget(name);
    var Control = widget && widget.control;
    var Preview = widget && widget.preview;
    if (!Control) {
      return;
    }
    if (name === "markdown") {
      MarkdownPreview = Preview;
    }
    var spec = {
      render: function () {
        var self = this;
        var value = this.props.value;
        if (typedField(this.props)) {
          if (name === "markdown") {  // a table's alignment, which Decap's save loses
            rememberAlignments(itemKey(this.props.entry), value);
          }
          value = shownLessThan(name === "markdown" ? spacedBlocks(value) : value);
        }
        return h(Control, Object.assign({}, this.props, {
          value: value,
          ref: function (control) { self.control = control; }
        }));
      }
    };
    // what Decap asks of the control, asked of its own (the text's shouldComponentUpdate:
    // always, for its height; the markdown's focus, on a refused save): without one, Decap
    // compares the value, or focuses the field by its id
    ["shouldComponentUpdate", "focus"].forEach(function (method) {
      if (Control.prototype && Control.prototype[method]) {
        spec[method] = function () {
          return this.control ? this.control[method].apply(this.control, arguments) : true;
        };
      }
    });
    CMS.registerWidget(name, createClass(spec), Preview && name === "markdown" ? createClass({
      render: function () {
        var value = this.props.value;
        if (typedField(this.props) && typeof value === "string") {
          value = previewMarkdown(value);
        }
        return h(Preview, Object.assign({}, this.props, { value: value }));
      }
    }) : Preview, widget.schema);
  });

  // The image fields' control (the cover's, the text's image's box): its image from
  // where it is (siteImage). Decap asks the control whether to draw it again (its own
  // shouldComponentUpdate: an image taken in the media library reaches it that way):
  // asked of Decap's control, with the same props it is given.
  var imageWidget = CMS.getWidget && CMS.getWidget("image");
  var ImageControl = imageWidget && imageWidget.control;

  function imageProps(props) {
    return Object.assign({}, props, { getAsset: shownAssets(props.getAsset, props.entry) });
  }

  if (ImageControl) {
    var imageSpec = {
      render: function () {
        var self = this;
        return h(ImageControl, Object.assign(imageProps(this.props), {
          ref: function (control) { self.control = control; }
        }));
      }
    };
    if (ImageControl.prototype && ImageControl.prototype.shouldComponentUpdate) {
      imageSpec.shouldComponentUpdate = function (nextProps) {
        return this.control
          ? this.control.shouldComponentUpdate(imageProps(nextProps)) : true;
      };
    }
    if (ImageControl.prototype && ImageControl.prototype.focus) {
      imageSpec.focus = function () {
        return this.control && this.control.focus.apply(this.control, arguments);
      };
    }
    CMS.registerWidget("image", createClass(imageSpec), imageWidget.preview,
                       imageWidget.schema);
  }

  // --- Previews shaped like the site's pages (theme/templates/article.html) -------
  var WEEKDAY_DATE = new Intl.DateTimeFormat("it-IT", {
    weekday: "long", day: "numeric", month: "long", year: "numeric"
  });
  var DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/;

  // The site's data_lunga filter (plugins/italian/dates.py): "martedì 10 settembre
  // 2024, ore 18:00", the day's number joined to its month and "ore" to the time by a
  // no-break space, so the meta line breaks where the site's does
  function longDate(value) {
    var parts = DATE_RE.exec(String(dayAlone(formDate(value)) || ""));
    if (!parts) {
      return String(value || "");
    }
    var date = new Date(+parts[1], +parts[2] - 1, +parts[3]);
    var pieces = WEEKDAY_DATE.formatToParts(date);
    var text = pieces.map(function (piece, index) {
      var before = pieces[index - 1];
      return piece.type === "literal" && before && before.type === "day"
        && pieces[index + 1] && pieces[index + 1].type === "month"
        ? piece.value.replace(/\s+/g, "\u00a0") : piece.value;
    }).join("");
    return parts[4] ? text + ", ore\u00a0" + parts[4] + ":" + parts[5] : text;
  }

  // "della Redazione", "di Anna Rossi": the site's table (plugins/italian/words.py)
  var DI = JSON.parse(script.getAttribute("data-di") || "{}");

  function di(name) {
    var first = String(name).trim().split(/\s+/)[0].toLowerCase();
    return DI[first] || "di ";
  }

  // The date's label as the site's meta line gives it (partials/article_meta.html,
  // plugins/article_meta's date_label: "Data:" for a draft, a noun with its colon)
  function dateLabel(data) {
    if (data.get("status") === "draft") {
      return "Data:";
    }
    var parts = DATE_RE.exec(String(formDate(data.get("date")) || ""));
    // both as the site's clock shows them ("2024-09-10 18:00"): the browser's clock said
    // "Sarà pubblicato" for an item published now in a browser set to a zone behind Rome
    var when = parts && parts[1] + "-" + parts[2] + "-" + parts[3] + " "
      + (parts[4] || "00") + ":" + (parts[5] || "00");
    return when && when > siteClock(new Date(), " ") ? "Sarà pubblicato" : "Pubblicato";
  }

  function list(value) {
    if (!value) {
      return [];
    }
    if (typeof value === "string") {
      return value.split(",").map(function (item) { return item.trim(); }).filter(Boolean);
    }
    return value.toJS ? value.toJS() : [].concat(value);
  }

  // A document's title: its own, else its file's name as the site makes it one
  // (plugins/core/text.py's title_from_name: "bando_orti-2025.pdf" is "Bando orti 2025")
  function attachmentName(item) {
    var file = typeof item === "string" ? item : String(item.file || "");
    if (typeof item !== "string" && item.title && String(item.title).trim()) {
      return item.title;
    }
    var name = file.split("/").pop().replace(/[\u202a-\u202e\u2066-\u2069]/g, "");
    var stem = name.replace(/^\.+/, "").indexOf(".") >= 0
      ? name.slice(0, name.lastIndexOf(".")) : name;
    var words = stem.split(/[\s_\-]+/).join(" ").trim();
    return words ? words.charAt(0).toUpperCase() + words.slice(1) : file.split("/").pop();
  }

  // "di Anna Rossi e della Redazione": the site's meta line (its authors: `authors`, else
  // `author`; plugins/italian/words.py's di_ciascuno, one "di" for people's names)
  // (the form's «Autori» as typed, "Anna Rossi, Marco Bianchi", is two; a file's `author`
  // is one name, commas and all, as the site reads it)
  // (no name: the site's default author, AUTHOR, given by the page as data-default-author,
  // as Pelican gives it to an item without one)
  var DEFAULT_AUTHOR = (script.getAttribute("data-default-author") || "").trim();

  function byline(data) {
    var names = formAuthors(data);
    if (!names.length && DEFAULT_AUTHOR) {
      names = [DEFAULT_AUTHOR];
    }
    if (!names.length) {
      return null;
    }
    var before = names.map(di);
    if (before.every(function (each) { return each === "di "; })) {
      before = before.map(function (each, index) { return index ? "" : each; });
    }
    // each name a link, as on the site (its author's page): the words between, text
    var parts = [];
    names.forEach(function (name, index) {
      parts.push(before[index], h("a", { key: index }, name));
      if (index < names.length - 1) {
        parts.push(index === names.length - 2 ? " e " : ", ");
      }
    });
    return h.apply(null, ["span", { className: "meta-item" }].concat(parts));
  }

  function attachments(data) {
    var items = list(data.get("attachments"));
    if (!items.length) {
      return null;
    }
    return h("section", { className: "attachments" },
      h("h2", null, "Allegati"),
      h("ul", { className: "attachment-list" }, items.map(function (item, index) {
        // a link, as on the site (partials/attachment_link.html), without the file's
        // type, size and pages, which the form does not know
        return h("li", { className: "attachment", key: index },
          h("a", { className: "attachment-link" },
            h("span", { className: "attachment-label" }, attachmentName(item))),
          item.description ? h("p", { className: "attachment-description" },
            item.description) : null);
      })));
  }

  function field(props, name) {
    return props.collection.get("fields").find(function (each) {
      return each.get("name") === name;
    });
  }

  function cover(props, data) {
    var image = data.get("image");
    if (!image) {
      return null;
    }
    // the field tells getAsset its own folder (immagini/<year>/)
    var asset = shownAssets(props.getAsset, props.entry)(image, field(props, "image"));
    return h("figure", { className: "article-cover" },
      h("img", { src: String(asset), alt: data.get("image_alt") || "" }));
  }

  // --- The text as the site shows it: its lead, its body, its reading time --------
  // The HTML Decap's Markdown preview makes of ``value`` (its own conversion, sanitised:
  // what it would put into the pane), given the props of the text's preview (``widget``:
  // what widgetFor gives: getAsset, the remark plugins…); null when its preview does not
  // give it so (another version of the CMS): the preview is then Decap's own, as it was.
  // Drawn here, not by Decap's component, so that the text's elements are the children
  // of the site's <div class="prose article-body"> (Decap's put them into a <div> of its
  // own, with margins: the site's ".prose > * + *" spacing never applied) and its first
  // paragraph can be the lead, as on the site.
  var HTML_CACHE = [];  // the last texts converted: {value, getAsset, html}; the text's
  // and the summary's at each change of the form, one of them changed

  function markdownHtml(widget, value) {
    if (!MarkdownPreview || !MarkdownPreview.prototype
        || typeof MarkdownPreview.prototype.render !== "function") {
      return null;
    }
    value = previewMarkdown(String(value));
    var known = HTML_CACHE.filter(function (each) {
      return each.value === value && each.getAsset === widget.getAsset;
    })[0];
    if (known) {
      return known.html;
    }
    var drawn;
    try {
      drawn = MarkdownPreview.prototype.render.call({
        props: Object.assign({}, widget, { value: value })
      });
    } catch (error) {
      return null;
    }
    var inner = drawn && drawn.props && drawn.props.dangerouslySetInnerHTML;
    var html = inner && typeof inner.__html === "string" ? inner.__html : null;
    HTML_CACHE.unshift({ value: value, getAsset: widget.getAsset, html: html });
    HTML_CACHE.length = Math.min(HTML_CACHE.length, 4);
    return html;
  }

  // plugins/core/text.py's FIRST_PARAGRAPH_RE and TAG_RE, and body_lead: the paragraph
  // the body opens with, when it has text (a picture alone is no lead), else ""
  var FIRST_PARAGRAPH = /^\s*(<p>[\s\S]*?<\/p>)\s*/;
  var ANY_TAG = /<[^>]+>/g;

  function bodyLead(html) {
    var first = FIRST_PARAGRAPH.exec(html || "");
    return first && first[1].replace(ANY_TAG, "").trim() ? first[1] : "";
  }

  // plugins/article_meta's repeats: whether the summary's HTML has the words of the
  // paragraph's (its first), in the same order, whatever their markup, case and
  // punctuation, and the paragraph links to or shows nothing the summary does not
  var WORD = /[\p{L}\p{N}_]+/gu;
  var LINKED = /<(?:a|img)\b[^>]*?\s(?:href|src)=["']([^"']*)["']/gi;

  function htmlWords(html) {
    return decoded(String(html || "").replace(ANY_TAG, ""), true).toLowerCase()
      .match(WORD) || [];
  }

  function linked(html) {
    var found = [];
    String(html || "").replace(LINKED, function (match, address) { found.push(address); });
    return found;
  }

  function repeats(summary, paragraph) {
    var words = htmlWords(paragraph);
    var inSummary = linked(summary);
    return words.length > 0 && words.join(" ") === htmlWords(summary).join(" ")
      && linked(paragraph).every(function (address) { return inSummary.indexOf(address) >= 0; });
  }

  // The lead and the body of an article as the site shows them (plugins/article_meta):
  // without a summary its body's first paragraph is the lead, and is left out of the
  // body; a summary repeating that paragraph is the lead, the paragraph left out too.
  // ``summary``: its HTML, null for none (the key absent, or empty: the contract reads
  // `summary: ''` as none)
  function leadAndBody(summary, html) {
    var first = bodyLead(html);
    if (summary === null) {
      return { lead: first, body: first ? html.replace(FIRST_PARAGRAPH, "") : html };
    }
    return { lead: summary, body: repeats(summary, first) ? html.replace(FIRST_PARAGRAPH, "")
      : html };
  }

  // plugins/article_meta's reading_time: the words of the whole text at 200 a minute,
  // rounded up, at least 1
  function readingTime(html) {
    var words = String(html || "").replace(ANY_TAG, " ").split(/\s+/).filter(Boolean);
    return Math.max(1, Math.ceil(words.length / 200));
  }

  // The text's parts: {lead, body (each HTML, or null), minutes, widget (Decap's own
  // preview, when its HTML is not to be had)}; ``article``: with a lead taken from it
  function textParts(props, article) {
    var data = props.entry.get("data");
    var widget = props.widgetFor("body");
    var value = data.get("body");
    var html = widget && widget.props && typeof value === "string"
      ? markdownHtml(widget.props, value) : (widget ? null : "");
    var summary = data.get("summary");
    var summaryHtml = null;
    if (article && typeof summary === "string" && summary.trim() && widget && widget.props) {
      summaryHtml = markdownHtml(widget.props, summary);
      if (summaryHtml === null) {
        html = null;
      }
    }
    if (html === null) {
      return { lead: null, body: null, minutes: 0, widget: widget };
    }
    var parts = article ? leadAndBody(summaryHtml, html) : { lead: "", body: html };
    parts.minutes = readingTime(html);
    return parts;
  }

  // Decap's sanitised HTML of the text (or the summary) put into the site's element
  function converted(tag, props, html) {
    return h(tag, Object.assign({}, props, { dangerouslySetInnerHTML: { __html: html } }));
  }

  // An article (theme/templates/article.html), or a page (page.html: ``isPage``), which
  // shows neither its summary nor its cover: they are its description for search engines
  // and its picture in the previews of a shared link
  function page(props, header, isPage, text) {
    var data = props.entry.get("data");
    var bodyClass = isPage ? "prose" : "prose article-body";
    return h("main", { id: "contenuto" },
      h("div", { className: "container" },
        h("article", { className: isPage ? "article page" : "article" },
          h("header", { className: "article-header" }, header),
          isPage ? null : cover(props, data),
          text.body === null ? h("div", { className: bodyClass }, text.widget)
            : converted("div", { className: bodyClass }, text.body),
          attachments(data))));
  }

  // the lead: the summary, or the text's first paragraph, converted as the site converts
  // them (Markdown; the site's typography aside); without the text's HTML, the summary
  // as typed ("<", not the "&lt;" written for it), shown as text
  function lead(data, text) {
    if (text.body !== null) {
      return text.lead ? converted("div", { className: "lead", key: "lead" }, text.lead)
        : null;
    }
    var summary = data.get("summary");
    return summary ? h("div", { className: "lead", key: "lead" },
      h("p", null, shownLessThan(summary))) : null;
  }

  var ArticlePreview = createClass({
    render: function () {
      var props = this.props;
      var data = props.entry.get("data");
      var tags = list(data.get("tags"));
      var text = textParts(props, true);
      return page(props, [
        h("p", { className: "article-kicker", key: "kicker" },
          h("span", null, props.collection.get("label"))),
        h("h1", { key: "title" }, data.get("title") || ""),
        lead(data, text),
        h("div", { className: "article-meta", key: "meta" },
          h("span", { className: "meta-item" }, h("span", { className: "meta-label" },
            dateLabel(data)), " ", h("time", null, longDate(data.get("date")))),
          byline(data),
          text.minutes ? h("span", { className: "meta-item" },
            "Tempo di lettura: " + text.minutes + "\u00a0min") : null),
        tags.length ? h("div", { className: "article-tags", key: "tags" },
          h("span", { className: "tags-label", "aria-hidden": "true" }, "Argomenti"),
          h("ul", { className: "tag-list", "aria-label": "Argomenti" },
            tags.map(function (tag) { return h("li", { key: tag }, h("a", null, tag)); })))
          : null
      ], false, text);
    }
  });

  var PagePreview = createClass({
    render: function () {
      var data = this.props.entry.get("data");
      return page(this.props, [h("h1", { key: "title" }, data.get("title") || "")], true,
                  textParts(this.props, false));
    }
  });

  words("data-articles").forEach(function (name) {
    CMS.registerPreviewTemplate(name, ArticlePreview);
  });
  words("data-pages").forEach(function (name) {
    CMS.registerPreviewTemplate(name, PagePreview);
  });
}(window.FareLegamiAdmin));
