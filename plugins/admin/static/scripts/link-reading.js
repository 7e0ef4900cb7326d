/* link-reading.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // markdown.js
  var CODE_SPAN = admin.CODE_SPAN;
  var outsideCode = admin.outsideCode;
  // link-addresses.js
  var ADDRESS_ATTRIBUTE = admin.ADDRESS_ATTRIBUTE;
  var BLANK_LINE = admin.BLANK_LINE;
  var ELEMENT_TAG = admin.ELEMENT_TAG;
  var ESCAPED = admin.ESCAPED;
  var HEADING_LINE = admin.HEADING_LINE;
  var INLINE_ELEMENT = admin.INLINE_ELEMENT;
  var INLINE_LINK = admin.INLINE_LINK;
  var INLINE_TAG = admin.INLINE_TAG;
  var ITEM_LINE = admin.ITEM_LINE;
  var LINK_TAG = admin.LINK_TAG;
  var NAMED_LINK = admin.NAMED_LINK;
  var REFERENCE = admin.REFERENCE;
  var decoded = admin.decoded;
  var referenceUsed = admin.referenceUsed;
  var refusedScheme = admin.refusedScheme;
  var relative = admin.relative;
  // less-than.js
  var outsideIndentedCode = admin.outsideIndentedCode;

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

  admin.BLOCK_TAGS = BLOCK_TAGS;
  admin.linksOf = linksOf;
  admin.readText = readText;
  admin.relativeRefusal = relativeRefusal;
  admin.schemeRefusal = schemeRefusal;
}(window.FareLegamiAdmin));
