/* html-rules.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // page.js
  var script = admin.script;
  var words = admin.words;
  // markdown.js
  var outsideCode = admin.outsideCode;
  // link-addresses.js
  var MARKER = admin.MARKER;
  var blankWritten = admin.blankWritten;
  var decoded = admin.decoded;
  var refusedScheme = admin.refusedScheme;
  var webHost = admin.webHost;
  // less-than.js
  var HTML_TAGS = admin.HTML_TAGS;
  var outsideIndentedCode = admin.outsideIndentedCode;
  // html-blocks.js
  var BLOCK_TAGS = admin.BLOCK_TAGS;
  // link-reading.js
  var readText = admin.readText;
  // link-rules.js
  var controls = admin.controls;
  var controlWords = admin.controlWords;

  // --- What else the build refuses in a text's HTML --------------------------------
  // A text pasted from a web page, or a video's or a map's "embed" code, brings HTML the
  // build refuses (plugins/contract/body.py): an attribute outside the allowlist
  // (style="…", target="_blank", frameborder="0", data-…), an event handler (onclick),
  // an <iframe> from a site the settings do not name (CONTRACT_IFRAME_HOSTS) or without a
  // title, an <img> without alt or src, Pelican's markers ({static}) outside a link's
  // address (in a title="…", in a comment), and markdown="1" where Python-Markdown leaves
  // it in the page (a <pre>, a <span>, an element inside a block of HTML). Decap saved
  // each with "Voce salvata", and the publication stopped. Before a save the text and the summary
  // are read as the build reads them (readText: code, comments and escaped characters
  // left out), after the rewrites of the save (a "<" typedLessThan writes as &lt; is no
  // tag); the allowlist and the hosts are the build's own (data-html,
  // data-html-attributes, data-iframe-hosts).
  var HTML_ATTRIBUTES = {};
  words("data-html-attributes").forEach(function (word) { HTML_ATTRIBUTES[word] = true; });
  var IFRAME_HOSTS = words("data-iframe-hosts");
  // what an allowed video's frame may ask of the reader's browser (allow="…"), and the
  // referrer policies that would send its site the page's whole address (body.py's
  // frame_problems; data-iframe-features, data-leaking-referrer-policies)
  var IFRAME_FEATURES = words("data-iframe-features");
  var LEAKING_REFERRER_POLICIES = words("data-leaking-referrer-policies");
  var ELEMENT_ATTRIBUTE = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
  var MARKERS = new RegExp(MARKER, "g");
  var MARKER_FIRST = new RegExp("^" + MARKER);
  // the attributes holding an address (href, src, cite), the build's own list
  // (plugins/contract/allowlist.py's URL_ATTRIBUTES, data-url-attributes): where a marker
  // may begin the value, and where a control character is refused
  var URL_ATTRIBUTES = {};
  words("data-url-attributes").forEach(function (word) { URL_ATTRIBUTES[word] = true; });
  var COMMENT = /<!--([\s\S]*?)--!?>/g;  // "--!>" ends one too (link-reading.js)

  // The text's lines outside code (spans, fences, indented blocks), its comments
  // blanked (their new lines kept, so a line's number stays its own)
  function visibleLines(text) {
    var lines = [];
    outsideIndentedCode(outsideCode(text).replace(COMMENT, function (comment) {
      return comment.replace(/[^\n]/g, " ");
    }), function (line) {
      lines.push(line);
      return line;
    });
    return lines;
  }

  var SHOW_HTML = " (l'interruttore «Markdown» del riquadro del testo mostra l'HTML)";
  // Whether an attribute's value as ``written`` (its references not decoded) is blank
  // once the build's HTML parser has decoded it (link-addresses.js)
  function blankValue(written) {
    return blankWritten(written, true);
  }

  // The attributes of a start tag's ``text``, [{name, value}], as the build's HTML parser
  // reads them: names in lower case, values with their character references decoded
  function attributesOf(text) {
    var found = [];
    String(text || "").replace(ELEMENT_ATTRIBUTE, function (match, name, double, single, bare) {
      var value = [double, single, bare].filter(function (each) {
        return each !== undefined;
      })[0];
      found.push({ name: name.toLowerCase(), value: decoded(value || "", true),
        written: value || "" });
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
    var written = {};  // the same, as written
    found.forEach(function (each) {
      values[each.name] = each.value;
      written[each.name] = each.written;
    });
    // an address (any element's, <blockquote cite>, <iframe src> too) holding a control
    // character or a noncharacter, in an attribute the element may have: the build
    // refuses it (body.py's control_problem) before it looks at the address's host
    var controlled = found.filter(function (each) {
      return URL_ATTRIBUTES[each.name] && (HTML_ATTRIBUTES[name + ":" + each.name]
        || HTML_ATTRIBUTES["*:" + each.name]) && controls(each.value).length > 0;
    })[0];
    if (controlled) {
      return controlWords("l'indirizzo", controlled.value, "dell'attributo «"
        + controlled.name + "» di " + element);
    }
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
      if (blankValue(written.title || "")) {
        // a frame screen readers cannot name (body.py, UNTITLED_FRAME_MESSAGE)
        return "il video inserito con " + element + " non ha un titolo (title=\"…\"), e il"
          + " sito non verrebbe pubblicato: chi usa un lettore di schermo sente il titolo al"
          + " posto del video. Scrivi in title=\"…\" che cosa mostra il video" + SHOW_HTML
          + ", per esempio <iframe title=\"La festa dei laboratori in piazza\" …>.";
      }
    }
    if (name === "iframe") {
      // every allow and referrerpolicy written, as the build checks each (a browser
      // reads the first of a name given twice), whatever the src
      var asked = [];
      found.forEach(function (each) {
        if (each.name !== "allow") return;
        (each.value || "").split(/[;,]/).forEach(function (part) {
          var feature = (part.trim().split(/\s+/)[0] || "").toLowerCase();
          if (feature && IFRAME_FEATURES.indexOf(feature) < 0
              && asked.indexOf(feature) < 0) asked.push(feature);
        });
      });
      if (asked.length) {
        return "il video inserito con " + element + " chiede, nel suo allow=\"…\","
          + " permessi che a un video non servono («" + asked.join("», «") + "»), e il"
          + " sito non verrebbe pubblicato: con quei permessi il sito del video potrebbe"
          + " chiedere a chi legge la fotocamera, il microfono, la posizione o altro, o"
          + " osservare la pagina per la pubblicità. Togli quei permessi da allow=\"…\""
          + SHOW_HTML + "; a un video bastano " + IFRAME_FEATURES.join(", ") + ".";
      }
      var policy = null;
      found.forEach(function (each) {
        var value = each.name === "referrerpolicy" && (each.value || "").trim().toLowerCase();
        if (policy === null && value && LEAKING_REFERRER_POLICIES.indexOf(value) >= 0) {
          policy = value;
        }
      });
      if (policy !== null) {
        return "il video inserito con " + element + " ha referrerpolicy=\"" + policy
          + "\": il sito del video riceverebbe l'indirizzo intero della pagina, e il sito"
          + " non verrebbe pubblicato. Togli referrerpolicy" + SHOW_HTML + ", o scrivi"
          + " referrerpolicy=\"strict-origin-when-cross-origin\".";
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
    // a description made only of what nobody sees is none (core.text.blank, as the build)
    if (name === "img" && blankValue(written.alt || "")) {
      return "l'immagine «" + values.src.trim() + "» " + where + " non ha la descrizione"
        + " (alt=\"…\"), e il sito non verrebbe pubblicato: scrivi cosa mostra in alt=\"…\""
        + SHOW_HTML + ", o toglila e inseriscila con il pulsante ＋ («Aggiungi"
        + " componente»), «Immagine», che chiede la descrizione.";
    }
    return "";
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
        // <!--> and <!--->: an empty comment to a browser, what follows is on the page
        // (body.py's early_comments)
        var closed = /^-?>/.exec(inside);
        problem = problem || (closed ? "«<!--" + closed[0] + "» " + where
          + " chiude subito il commento: per"
          + " il browser è un commento vuoto, e quello che segue fino a «-->» comparirebbe"
          + " nella pagina (e il sito non verrebbe pubblicato). Scrivi «<!--», uno spazio e"
          + " la nota, «<!-- nota -->»." : "");
        return comment;
      });
      if (problem) {
        return problem;
      }
      problem = declarationProblem(text, where);
      if (problem) {
        return problem;
      }
      problem = nestingProblem(text, where);
      if (problem) {
        return problem;
      }
    }
    return null;
  }

  // HTML nesting too deep, or leaving too many inline elements open, for the build's
  // sanitizer (plugins/contract/nesting.py, whose rule and words the page gives as
  // data-nesting): a hundred <div> opened and never closed, <b> after <b> left open
  // before a block closes. The elements the text's own tags open and close are followed
  // as Nesting follows them; the nesting Markdown makes is left to the build (quotes `>`
  // 102 deep; a <b> open across paragraphs, which Markdown's <p> closes). Not an exact
  // match in corner cases either way: tags in a link's title ([a](x "<b><b>…")), which
  // Python-Markdown escapes, are counted here and not there
  var NESTING = JSON.parse(script.getAttribute("data-nesting") || "null");
  var TAG_OR_END = /<\/([A-Za-z][A-Za-z0-9]*)\s*>|<([A-Za-z][A-Za-z0-9]*)(?=[\s\/>])((?:[^<>=]|=(?:\s*"[^"]*"|\s*'[^']*'|(?!\s*["'])))*)>/g;

  function inSet(list) {
    var set = Object.create(null);
    list.forEach(function (name) { set[name] = true; });
    return set;
  }

  function nestingProblem(text, where) {
    if (!NESTING) {
      return "";
    }
    var VOID = inSet(NESTING["void"]);
    var OPTIONAL_END = inSet(NESTING.optionalEnd);
    var BLOCKS = inSet(NESTING.blocks);
    var SCOPE = inSet(NESTING.scope);
    var FORMATTING = inSet(NESTING.formatting);
    var open = [];  // [name, attributes as a key]
    var counts = Object.create(null);  // no inherited names ("constructor")
    var scopes = [];
    var deepest = 0;
    var leftOpen = Object.create(null);  // "name attributes" -> how many
    function depth() {
      return open.length - (scopes.length ? scopes[scopes.length - 1] : 0);
    }
    function scoped(tag) {
      var bound = Math.max(scopes.length ? scopes[scopes.length - 1] : 0,
        open.length - NESTING.maxDepth - 1);
      for (var at = open.length - 1; at >= bound; at -= 1) {
        if (open[at][0] === tag) return true;
      }
      return false;
    }
    function end(tag) {
      if (!counts[tag] || deepest > NESTING.maxDepth) return;
      for (;;) {
        var element = open.pop();
        counts[element[0]] -= 1;
        if (scopes.length && scopes[scopes.length - 1] === open.length) scopes.pop();
        if (element[0] === tag) return;
        if (FORMATTING[element[0]]) {
          leftOpen[element[1]] = (leftOpen[element[1]] || 0) + 1;
        }
      }
    }
    function start(tag, attributes) {
      if (VOID[tag] || OPTIONAL_END[tag] || deepest > NESTING.maxDepth) return;
      if (BLOCKS[tag]) {
        if (counts.p && scoped("p")) end("p");
        deepest = Math.max(deepest, depth());
      }
      if (SCOPE[tag]) scopes.push(open.length);
      open.push([tag, FORMATTING[tag] ? tag + " " + JSON.stringify(attributesOf(attributes)
        .map(function (each) { return [each.name, each.value]; })) : tag]);
      counts[tag] = (counts[tag] || 0) + 1;
    }
    var lines = visibleLines(text);
    var found;
    TAG_OR_END.lastIndex = 0;
    var source = lines.join("\n");
    while ((found = TAG_OR_END.exec(source)) !== null && deepest <= NESTING.maxDepth) {
      if (found[1]) {
        end(found[1].toLowerCase());
      } else {
        start(found[2].toLowerCase(), found[3]);
      }
    }
    var words = "";
    if (deepest > NESTING.maxDepth) {
      words = NESTING.tooDeep;
    } else {
      open.forEach(function (element) {
        if (FORMATTING[element[0]]) leftOpen[element[1]] = (leftOpen[element[1]] || 0) + 1;
      });
      var left = Object.keys(leftOpen).reduce(function (sum, key) {
        return sum + Math.min(leftOpen[key], NESTING.alike);
      }, 0);
      words = left > NESTING.maxLeftOpen ? NESTING.leftOpen : "";
    }
    return words && (where === "nel testo" ? words : words.replace("del testo", "del sommario"))
      + SHOW_HTML + "; così il sito non verrebbe pubblicato.";
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
    var lines = visibleLines(text);
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

  admin.htmlRefusal = htmlRefusal;
}(window.FareLegamiAdmin));
