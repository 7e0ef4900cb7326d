/* link-rules.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // page.js
  var script = admin.script;
  var strip = admin.strip;
  var words = admin.words;
  // link-addresses.js
  var SCHEME = admin.SCHEME;
  var refusedScheme = admin.refusedScheme;
  var relative = admin.relative;
  var webHost = admin.webHost;
  var disguisedHost = admin.disguisedHost;
  var localPath = admin.localPath;
  // link-reading.js
  var linksOf = admin.linksOf;

  // --- The links' and images' addresses the build refuses ---------------------------
  // Of the links and images readText finds in the text and the summary (link-reading.js),
  // the first whose address the build refuses, named with what to write instead: a
  // relative address (link-addresses.js tells why), a scheme the site does not allow, an
  // image from another site or written into the text, a link without text, a path of the
  // site without Pelican's marker.

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

  // The control characters and noncharacters of a decoded ``address`` (written as
  // references, &#127; &#x1;): a browser keeps them in the address, which leads elsewhere
  // or nowhere ("http&#127;s://…" is relative to the page); not a tab or a line break,
  // which it drops. The build's rule: plugins/core/text.py's address_controls
  function controls(address) {
    return Array.from(String(address)).filter(function (character) {
      var code = character.codePointAt(0);
      return "\t\n\r".indexOf(character) < 0 && (code <= 0x1f || (code >= 0x7f && code <= 0x9f)
        || (code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe);
    });
  }

  // The build's words (plugins/contract/body.py's CONTROL_MESSAGE) for ``address`` (decoded)
  // holding a control character or a noncharacter (controls), said of ``what`` ("il link",
  // "l'immagine", "l'indirizzo") ``where`` ("nel testo", "dell'attributo «cite» di
  // <blockquote> nel testo"): the address as the build shows it, each such character (and
  // a tab or a line break) as its number, without the blanks around it (as Python's strip)
  function controlWords(what, address, where) {
    var found = controls(address);
    var shown = Array.from(strip(String(address))).map(function (character) {
      return found.indexOf(character) >= 0 || "\t\n\r".indexOf(character) >= 0
        ? "&#" + character.codePointAt(0) + ";" : character;
    }).join("");
    var codes = found.filter(function (character, at) {
      return found.indexOf(character) === at;
    }).map(function (character) {
      return "U+" + ("000" + character.codePointAt(0).toString(16).toUpperCase()).slice(-4);
    }).join(", ");
    return what + " «" + shown + "» " + where
      + " contiene un carattere di controllo (" + codes + ", scritto con &#…;): il browser"
      + " lo tiene nell'indirizzo, che così porta altrove o da nessuna parte, e il sito non"
      + " verrebbe pubblicato. Cancellalo e scrivi l'indirizzo così com'è (copialo dalla"
      + " barra del browser).";
  }

  // The refusal of the first link or image of the text, then the summary, whose address
  // holds a control character (controls): null if none. The addresses of the other
  // elements' attributes (<blockquote cite>, <iframe src>) are html-rules.js' (its
  // tagProblem, with these words)
  function controlRefusal(body, summary) {
    var first = linksOf(body, summary, function (address) {
      return controls(address).length > 0;
    })[0];
    return first ? controlWords(first.image ? "l'immagine" : "il link", first.address,
      first.where) : null;
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
    if (scheme === "file" || scheme.length === 1) {  // C:\…: a file of this computer
      return localMessage(first);
    }
    return (first.image ? "l'immagine «" : "il link «") + first.address + "» " + first.where
      + " comincia con «" + scheme + ":», che il sito non ammette: un link porta a un"
      + " indirizzo web (https), a un'e-mail (mailto:) o a un telefono (tel:).";
  }

  // A link or an image to a file on the editor's computer (C:\Users\…, a network share
  // \\server\share\…, /Users/maria/…): said in the build's words (plugins/core/files.py's
  // LOCAL_PATH_WORDS, data-local-path-words), and what to do here instead
  var LOCAL_PATH_WORDS = script.getAttribute("data-local-path-words") || "";

  function localMessage(first) {
    return (first.image ? "l'immagine «" : "il link «") + first.address + "» " + first.where
      + " " + LOCAL_PATH_WORDS + ", e il sito non verrebbe pubblicato: "
      + (first.image ? "inserisci l'immagine con il pulsante ＋ («Aggiungi componente»),"
        + " «Immagine»." : "aggiungi il documento negli «Allegati».");
  }

  // The refusal of the first link or image of the text, then the summary, to a file on
  // the editor's computer, as the build finds them (body.py: before a disguised host, a
  // relative address or a scheme; \\server\share\… is a network share, not another
  // site): null if none
  function localRefusal(body, summary) {
    var first = linksOf(body, summary, localPath)[0];
    return first ? localMessage(first) : null;
  }

  // The refusal of the first link of the text, then the summary, that looks like a path
  // of this site and leads to another one (/\evil.example/): null if none. Said in the
  // build's words, "{host}" for the host: what it is (plugins/contract/body.py's
  // DISGUISED_WORDS, data-disguised-words), that the site would not be published, then
  // what to write instead (DISGUISED_REMEDY, data-disguised-remedy), as localMessage
  // says a file of the computer. It said the build's sentence whole, remedy last, then
  // "e il sito non verrebbe pubblicato": as if the whole address would stop publication
  var DISGUISED_WORDS = script.getAttribute("data-disguised-words") || "";
  var DISGUISED_REMEDY = script.getAttribute("data-disguised-remedy") || "";

  function disguisedRefusal(body, summary) {
    var first = linksOf(body, summary, function (address, image) {
      return !image && disguisedHost(address) !== "";
    })[0];
    if (!first) {
      return null;
    }
    var host = disguisedHost(first.address);
    var remedy = DISGUISED_REMEDY.split("{host}").join(host);
    return "il link «" + first.address + "» " + first.where + " "
      + DISGUISED_WORDS.split("{host}").join(host) + ", e il sito non verrebbe pubblicato. "
      + remedy.charAt(0).toUpperCase() + remedy.slice(1)
      + " (copialo dalla barra del browser).";
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
      + " (un'immagine incollata?): le immagini si pubblicano come file"
      : " viene da un altro sito (" + webHost(first.address) + "): il sito non carica nulla"
      + " da altri indirizzi") + ", e non verrebbe pubblicato."
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

  admin.controlRefusal = controlRefusal;
  admin.controls = controls;
  admin.controlWords = controlWords;
  admin.disguisedRefusal = disguisedRefusal;
  admin.elsewhereRefusal = elsewhereRefusal;
  admin.emptyLinkRefusal = emptyLinkRefusal;
  admin.localRefusal = localRefusal;
  admin.relativeRefusal = relativeRefusal;
  admin.schemeRefusal = schemeRefusal;
  admin.unmarkedRefusal = unmarkedRefusal;
}(window.FareLegamiAdmin));
