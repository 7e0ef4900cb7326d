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
  var ESCAPED_BACKSLASH = admin.ESCAPED_BACKSLASH;
  var ESCAPED_MARK = admin.ESCAPED_MARK;
  var ESCAPED_STANDS = admin.ESCAPED_STANDS;
  var HEADING_LINE = admin.HEADING_LINE;
  var INLINE_ELEMENT = admin.INLINE_ELEMENT;
  var INLINE_LINK = admin.INLINE_LINK;
  var INLINE_TAG = admin.INLINE_TAG;
  var ITEM_LINE = admin.ITEM_LINE;
  var LINK_TAG = admin.LINK_TAG;
  var NAMED_LINK = admin.NAMED_LINK;
  var REFERENCE = admin.REFERENCE;
  var blankWritten = admin.blankWritten;
  var decoded = admin.decoded;
  var referenceUsed = admin.referenceUsed;
  // less-than.js
  var outsideIndentedCode = admin.outsideIndentedCode;
  // html-blocks.js
  var blockEnd = admin.blockEnd;
  var htmlBlock = admin.htmlBlock;

  // Where a comment ends: "-->", or "--!>" (HTML's "incorrectly closed comment", which
  // browsers end it at, and Python-Markdown too, writing "-->": what follows is the
  // page's, and the build checks it)
  var COMMENT_END = /--!?>/;

  // The escaped characters of ESCAPED_STANDS, by their stand-ins, and the expression
  // finding them as readText writes them
  var STOOD_FOR = {};
  Object.keys(ESCAPED_STANDS).forEach(function (char) {
    STOOD_FOR[ESCAPED_STANDS[char]] = char;
  });
  var ESCAPED_WRITTEN = new RegExp(ESCAPED_MARK + "([" + Object.keys(STOOD_FOR).join("")
    + "])", "g");

  // A tag's ``text`` in a paragraph's prose as typed: its escaped backslashes both, its
  // other escaped characters with their backslash
  function asTyped(text) {
    return text.split(ESCAPED_BACKSLASH.charAt(0)).join("\\").replace(ESCAPED_WRITTEN,
      function (written, stand) { return "\\" + STOOD_FOR[stand]; });
  }

  // A Markdown link's ``address`` in a paragraph's prose as the page has it: a backslash
  // for each escaped one, an escaped character without its backslash
  function unescapedAddress(address) {
    return address.split(ESCAPED_BACKSLASH).join("\\").replace(ESCAPED_WRITTEN,
      function (written, stand) { return STOOD_FOR[stand]; });
  }

  // Whether a link's text, ``found`` by an expression (its first group: the text up to
  // the link's end, null if it holds more than text), is blank to the build (core.text's
  // blank, its references decoded as the page's HTML decodes them; ``html``: in a block
  // of HTML, those without ";" too): "[\u200b](…)", "<a href=…>&nbsp;</a>" have nothing
  // to read or click
  function blankLinkText(found, html) {
    return found !== null && blankWritten(found[1], html);
  }

  // Whether a link's tag ``attributes`` name it (aria-label="…" not blank, as the build)
  function named(attributes) {
    var found = NAMED_LINK.exec(attributes);
    return found !== null && !blankWritten([found[1], found[2], found[3]].filter(
      function (each) { return each !== undefined; })[0], true);
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
      found.push({ at: at, address: unescapedAddress(address),
        image: bang === "!", html: false,
        empty: !bang && blankLinkText(/^([^\[\]]*)\]/.exec(prose.slice(at + match.length)),
          false) });
      return match;
    });
    prose.replace(html ? LINK_TAG : INLINE_TAG, function (match, tag, attributes, at) {
      var image = tag.toLowerCase() === "img";
      var empty = !image && blankLinkText(/^([^<]*)<\/a\s*>/i.exec(prose.slice(at
        + match.length)), html) && !named(attributes);
      attributes.replace(ADDRESS_ATTRIBUTE, function (pair, name, double, single, bare) {
        var value = [double, single, bare].filter(function (each) {
          return each !== undefined;
        })[0];
        found.push({ at: at, address: asTyped(value), image: image, html: true,
          empty: empty });
        return pair;
      });
      return match;
    });
    if (tag) {
      prose.replace(html ? ELEMENT_TAG : INLINE_ELEMENT, function (match, name, attributes, at) {
        tag(name.toLowerCase(), asTyped(attributes), at);
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
      var rest = line.replace(ESCAPED, function (escaped) {
        return escaped === "\\\\" ? ESCAPED_BACKSLASH
          : ESCAPED_MARK + ESCAPED_STANDS[escaped.charAt(1)];
      }).replace(CODE_SPAN, "");
      while (rest) {
        // a comment ends at "-->" or "--!>", as browsers and Python-Markdown end it
        var end = inComment && COMMENT_END.exec(rest);
        var at = inComment ? (end ? end.index : -1) : rest.indexOf("<!--");
        prose += inComment ? "" : rest.slice(0, at < 0 ? rest.length : at);
        rest = at < 0 ? "" : rest.slice(at + (inComment ? end[0].length : 4));
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
          tag(opened.name, asTyped(opened.attributes),
            opened.converted ? "converted" : "opener", converted.length > 0);
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
        add(asTyped(reference[2]), false, false);  // Python-Markdown unescapes nothing there
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

  admin.linksOf = linksOf;
  admin.readText = readText;
}(window.FareLegamiAdmin));
