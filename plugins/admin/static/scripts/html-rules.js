/* html-rules.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // page.js
  var words = admin.words;
  // markdown.js
  var outsideCode = admin.outsideCode;
  // link-addresses.js
  var MARKER = admin.MARKER;
  var SCHEME = admin.SCHEME;
  var decoded = admin.decoded;
  var refusedScheme = admin.refusedScheme;
  // less-than.js
  var HTML_TAGS = admin.HTML_TAGS;
  var outsideIndentedCode = admin.outsideIndentedCode;
  // html-blocks.js
  var BLOCK_TAGS = admin.BLOCK_TAGS;
  // link-reading.js
  var linksOf = admin.linksOf;
  var readText = admin.readText;
  // slugs.js
  var siteSlug = admin.siteSlug;
  // old-addresses.js
  var OLD_ADDRESSES = admin.OLD_ADDRESSES;
  var addresses = admin.addresses;

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
  // link's address begins (addresses.py's misplaced_marker), or ""
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
  // name: addresses.py's browser_host)
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

  admin.elsewhereRefusal = elsewhereRefusal;
  admin.emptyLinkRefusal = emptyLinkRefusal;
  admin.htmlRefusal = htmlRefusal;
  admin.nameRefusal = nameRefusal;
  admin.oldAddressRefusal = oldAddressRefusal;
  admin.unmarkedRefusal = unmarkedRefusal;
  admin.yearRefusal = yearRefusal;
}(window.FareLegamiAdmin));
