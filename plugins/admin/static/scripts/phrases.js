/* phrases.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // page.js
  var CMS = admin.CMS;
  var LANGUAGE = admin.LANGUAGE;

  // --- Italian where Decap's own Italian falls back to English -----------------
  // Decap 3.16's "it" phrases miss some keys (the English ones are shown instead,
  // many of them names read out by screen readers: "Expand", "Close", "Set date to
  // now"…), keep "Upload" and "Download" in English and misspell the link prompt.
  // The phrases are read when the configuration has loaded, after this script: the
  // missing ones are added here, over Decap's table.
  // By the language of Decap's interface; only Italian's are written.
  var PHRASES = {
    it: {
      // Decap's "Caricando la configurazione...", "Scrivendo nella raccolta Notizie":
      // English gerunds word for word, not Italian; a status is a noun («Caricamento»)
      app: { app: { loadingConfig: "Caricamento della configurazione…",
                    waitingBackend: "Collegamento al servizio che custodisce i file del"
                      + " sito…" } },
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
          i18n: { writingInLocale: "Stai scrivendo in %{locale}" },
          widget: {
            required: "Il campo «%{fieldLabel}» è obbligatorio.",
            // Decap's "non corrisponde allo schema": jargon; %{pattern} is the field's own
            // sentence (config.yml's pattern message), which field-errors.js shows too
            regexPattern: "Il campo «%{fieldLabel}» non è scritto come serve: %{pattern}.",
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
        // the eye's name was "Alterna anteprima" (a word-for-word "toggle"), the notes'
        // button's beside it ours
        editorInterface: { toggleNotes: "Mostra o nascondi le note",
                           togglePreview: "Mostra o nascondi l'anteprima" },
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
        // field's business and the next publication's (the guide's words). Decap's "Guarda
        // Live" on a saved item (half English): it opens, in a new tab, the item's address
        // on the site, or its category's listing when the item has no slug (config.py's
        // preview_path, Decap's getDeploy)
        // "Pubblica e creane nuovo" lacked its object (Decap's item is a «voce»)
        editorToolbar: { published: "Salvato", deployButtonLabel: "Apri il sito",
                         publishAndCreateNew: "Pubblica e crea una nuova voce",
                         backCollection: " Stai scrivendo nella raccolta %{collectionLabel}" },
        editor: {
          loadingEntry: "Caricamento della voce…",
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
        // Decap's badge on a file uploaded but not yet written (the item's save writes
        // it) said "Bozza", the word of the «Stato» field and of the guide for an item
        // kept off the site: the PDF just chosen for a published item looked as if it
        // would stay unpublished
        mediaLibraryCard: { draft: "Da salvare" },
        mediaLibraryModal: { close: "Chiudi", upload: "Carica dal computer", download: "Scarica" },
        // Decap's question ("… cancellare il media selezionato?") did not say that the file
        // leaves the site at once, even when another item uses it (the build then stops on
        // its missing image or attachment): the library cannot tell who uses a file.
        mediaLibrary: {
          fileTooLarge: "File troppo grande.\nLa configurazione non permette di caricare file"
            + " più grandi di %{size} kB.",  // Decap's "piú", with the wrong accent
          onDelete: "Vuoi davvero cancellare il file selezionato? Sparisce subito dal sito:"
            + " se lo usa un articolo, anche diverso da quello aperto, la pubblicazione del"
            + " sito si ferma finché non lo si toglie anche da lì."
        }
      },
      ui: {
        // Decap's "per favore segnalo su GitHub": «segnalalo», the imperative
        errorBoundary: { reportIt: "segnalalo su GitHub." },
        settingsDropdown: { account: "Menu dell'account" },
        toast: {
          // Decap's "È stato effettuato il logout, si prega di eseguire il backup dei dati
          // e di effettuare nuovamente il login", "Il servizio di backend…": the guide's
          // words, not jargon in English
          onLoggedOut: "La sessione è terminata: copia altrove il testo non ancora salvato,"
            + " poi accedi di nuovo.",
          onBackendDown: "Il servizio che custodisce i file del sito non risponde: vedi"
            + " %{details} per saperne di più.",
          // Decap's "Oops, hai saltato un campo obbligatorio. Per favore completalo prima
          // di salvare." did not say that nothing was saved, nor where the field is
          // (field-errors.js scrolls to it)
          missingRequiredField: "Salvataggio della voce non riuscito: manca un campo"
            + " obbligatorio, segnato in rosso nel modulo.",
          noteAdded: "Nota aggiunta", noteUpdated: "Nota modificata",
          noteDeleted: "Nota eliminata", noteResolved: "Nota risolta",
          noteReopened: "Nota riaperta",
          onFailToAddNote: "Nota non aggiunta: %{details}",
          onFailToUpdateNote: "Nota non modificata: %{details}",
          onFailToDeleteNote: "Nota non eliminata: %{details}",
          onFailToToggleNote: "Stato della nota non cambiato: %{details}"
        }
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

  // The interface's language is config.yml's locale, which the build writes as the
  // page's lang too (plugins/admin/config.py and output.py: plugins.italian's LANGUAGE,
  // its one home): read from the page (page.js), as config.yml loads after this script.
  // A language without phrases here keeps Decap's own table as it is.
  if (LANGUAGE && PHRASES[LANGUAGE] && CMS.getLocale && CMS.getLocale(LANGUAGE)) {
    merge(CMS.getLocale(LANGUAGE), PHRASES[LANGUAGE]);
  }
}(window.FareLegamiAdmin));
