/* field-rules.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // page.js
  var words = admin.words;
  var strip = admin.strip;
  var unquote = admin.unquote;
  // dates.js
  var YEARS = admin.YEARS;
  // slugs.js
  var siteSlug = admin.siteSlug;
  // old-addresses.js
  var OLD_ADDRESSES = admin.OLD_ADDRESSES;
  var addresses = admin.addresses;

  // --- The form's values the build refuses ------------------------------------------
  // A date's year, an old address and a topic's or an author's name that the build
  // refuses, named with the field to correct (Decap saved each, and the build stopped).

  // The refusal of a date whose year the build refuses (schema.py's YEARS, 1900-2999),
  // or null: the form's date input takes the year as typed, "25" as 0025 and a digit
  // too many as 20255, and Decap saved it; the build stopped on "non è una data valida"
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
  // a part between two "/" and the whole path, in UTF-8 bytes (paths.py's MAX_NAME_BYTES,
  // MAX_PATH_BYTES: the file's name on disk)
  var MAX_NAME_BYTES = 200;
  var MAX_PATH_BYTES = 1000;
  var UTF8 = typeof TextEncoder === "function" ? new TextEncoder() : null;

  function bytes(text) {
    return UTF8 ? UTF8.encode(text).length : text.length;
  }

  // (as paths.py's old_path: its spaces stripped are Python's, its %xx decoded as
  // unquote does)
  function oldAddressProblem(text) {
    var value = strip(text);
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
    var decoded = unquote(value);
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
    var path = "/" + segments.join("/") + (decoded[decoded.length - 1] === "/" ? "/" : "");
    // (no Math.max.apply: an argument a part, a path of 300,000 parts threw a RangeError)
    if (bytes(path) > MAX_PATH_BYTES
      || segments.some(function (part) { return bytes(part) > MAX_NAME_BYTES; })) {
      return "è troppo lungo: ogni parte tra due `/` può avere al massimo " + MAX_NAME_BYTES
        + " caratteri (meno con le lettere accentate), l'indirizzo intero " + MAX_PATH_BYTES;
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
      return address !== null && address !== undefined && strip(address);
    });
    for (var index = 0; index < found.length; index += 1) {
      var problem = oldAddressProblem(found[index]);
      if (problem) {
        return "l'indirizzo precedente «" + strip(found[index]) + "» " + problem
          + " (campo «Indirizzi precedenti»), e il sito non verrebbe pubblicato.";
      }
    }
    return null;
  }

  // The refusal of a topic or an author the site makes no address of (symbols or emoji
  // only: the build's "non si ricava un indirizzo"), or null; names siteSlug does not
  // fold as the site does are left to the build
  function nameRefusal(data) {
    // each name as the build reads it (schema.py: Python's strip; a list's blank names
    // dropped, an `author` of spaces alone kept, and refused): JavaScript's trim took
    // "\ufeff" for a blank name, and a no-break space alone for no author
    var tags = addresses(data.get("tags")).map(strip).filter(Boolean);
    var tag = tags.filter(function (name) { return siteSlug(name) === ""; })[0];
    if (tag !== undefined) {
      return "dall'argomento «" + tag + "» non si ricava un indirizzo (è fatto solo di"
        + " simboli o emoji), e il sito non verrebbe pubblicato: negli «Argomenti» usa"
        + " lettere o cifre.";
    }
    var names = addresses(data.get("authors")).map(strip).filter(Boolean);
    var one = data.get("author");
    if (typeof one === "string" && one !== "") {
      names.push(strip(one));
    }
    var author = names.filter(function (name) { return siteSlug(name) === ""; })[0];
    return author !== undefined ? "dall'autore «" + author + "» non si ricava un indirizzo"
      + " (è fatto solo di " + (author ? "simboli o emoji" : "spazi") + "), e il sito non"
      + " verrebbe pubblicato: negli «Autori» usa lettere o cifre." : null;
  }

  admin.nameRefusal = nameRefusal;
  admin.oldAddressRefusal = oldAddressRefusal;
  admin.yearRefusal = yearRefusal;
}(window.FareLegamiAdmin));
