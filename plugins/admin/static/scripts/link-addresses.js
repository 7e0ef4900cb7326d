/* link-addresses.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // page.js
  var script = admin.script;
  var strip = admin.strip;

  // --- No relative links in the text ---------------------------------------------
  // A link or an image whose address is relative ([programma](programma),
  // [qui](altro-articolo.html), ![foto](foto.jpg)) is read by the browser from the
  // address of the page that shows the text, which is not always the item's (its first
  // paragraph is on the home page and the lists): the build refuses it
  // (content_checks.relative_links), and the editor who wrote it with the link
  // button saw "Voce salvata", then the preview or the publication fail. Before a save,
  // the text's and the summary's links and images are read as the build reads them:
  // Markdown's inline ones ([t](x), ![a](x)), reference definitions ([id]: x) and the
  // href and src of <a> and <img> (an <img>'s srcset is never published: the build warns
  // "remove it", and checks none of its addresses), code (fenced, indented, spans) and
  // HTML comments left out. An address is relative unless it starts with "/", "#", "?", a
  // scheme (https:, mailto:, tel:…) or one of Pelican's markers, lower-case ({static},
  // {filename}…: addresses.MARKER_RE; {Static} stays as typed, relative), as
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
  var NAMED_LINK = /(?:^|\s)aria-label\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;
  // what a backslash escapes in Python-Markdown (not "<": "\<a href=…>" is a link, with
  // the backslash before it shown; CommonMark's, in Decap's preview, escapes it)
  var ESCAPED = /\\[\\\[\]!`]/g;
  // readText writes an escaped backslash as these two characters: a Markdown link's
  // address has one backslash for each pair (\\\\server is \\server to the page), a tag's
  // attribute both, as typed (Python-Markdown leaves HTML as written)
  var ESCAPED_BACKSLASH = "\ue000\ue000";
  // and the other escaped characters as ESCAPED_MARK and the character's own stand-in:
  // two characters that open or close nothing, and are text ("[\\!](…)" is a link whose
  // text is "!": written as two spaces, it was a link without text to the script, and
  // the save was refused); the address of a Markdown link has the character, a tag's
  // attribute the two as typed
  var ESCAPED_MARK = "\ue001";
  var ESCAPED_STANDS = { "[": "\ue002", "]": "\ue003", "!": "\ue004", "`": "\ue005" };
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

  // A number of U+0080-009F is the character of Windows-1252 at that place, to browsers
  // and to Python's html.unescape (the HTML standard's table): &#x80; is "€"
  var WINDOWS_1252 = { 0x80: "\u20ac", 0x82: "\u201a", 0x83: "\u0192", 0x84: "\u201e",
    0x85: "\u2026", 0x86: "\u2020", 0x87: "\u2021", 0x88: "\u02c6", 0x89: "\u2030",
    0x8a: "\u0160", 0x8b: "\u2039", 0x8c: "\u0152", 0x8e: "\u017d", 0x91: "\u2018",
    0x92: "\u2019", 0x93: "\u201c", 0x94: "\u201d", 0x95: "\u2022", 0x96: "\u2013",
    0x97: "\u2014", 0x98: "\u02dc", 0x99: "\u2122", 0x9a: "\u0161", 0x9b: "\u203a",
    0x9c: "\u0153", 0x9e: "\u017e", 0x9f: "\u0178" };

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
      if (Object.prototype.hasOwnProperty.call(WINDOWS_1252, code)) {
        return WINDOWS_1252[code];
      }
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
  // tel only (plugins/contract/allowlist.py SCHEMES)
  var SCHEMES = ["http", "https", "mailto", "tel"];

  function refusedScheme(address) {
    var target = String(address).trim().replace(/^<|>$/g, "").replace(/[\x00-\x20]+/g, "");
    var scheme = SCHEME.exec(target.toLowerCase());
    var name = scheme ? scheme[0].slice(0, -1) : "";
    return name && SCHEMES.indexOf(name) < 0 ? name : "";
  }

  // What a blank text is made of, as the build judges a video's title, an image's
  // description and a link's text (plugins/core/text.py's blank: spaces, controls,
  // zero-width and other invisible characters; the page gives their ranges, data-blank,
  // and the references making only them, data-blank-references). JavaScript's trim()
  // took U+FEFF but not U+001C-001F, Python's strip() the other way round, and neither
  // a zero-width space.
  var BLANK_CHARACTER = "[" + admin.words("data-blank").map(function (range) {
    return "\\u{" + range.split("-").join("}-\\u{") + "}";
  }).join("") + "]";
  var BLANK = new RegExp("^" + BLANK_CHARACTER + "*$", "u");
  var BLANK_REFERENCES = Object.create(null);
  admin.words("data-blank-references").forEach(function (name) {
    BLANK_REFERENCES[name] = true;
  });
  var ANY_REFERENCE = /&(?:#[xX][0-9a-fA-F]+;?|#[0-9]+;?|([A-Za-z0-9]+)(;?))/g;

  // ``text`` with its character references decoded as html.unescape decodes them (those
  // without ";" too), the blank ones as a space; null if it has a named one not known
  // here (only NAMED's and the blank ones: "&eacute;" is left to the build)
  function unescaped(text) {
    var unknown = false;
    var plain = String(text).replace(ANY_REFERENCE, function (match, name, end) {
      if (!name) {
        return decoded(match, true);
      }
      if (BLANK_REFERENCES[name + end]) {
        return " ";
      }
      if (end && Object.prototype.hasOwnProperty.call(NAMED, name)) {
        return NAMED[name];
      }
      unknown = true;
      return match;
    });
    return unknown ? null : plain;
  }

  // Whether ``written`` (its references not decoded) is blank once the build's HTML
  // parser has decoded it (html.unescape). In a tag's attribute or a block of HTML
  // (``html``) every reference, "&nbsp" without ";" too, as the HTML standard's legacy
  // ones; in Markdown's text only those ending in ";" (Python-Markdown writes any other
  // "&" as &amp;: "&nbsp" is those five letters on the page)
  function blankWritten(written, html) {
    return BLANK.test(String(written).replace(ANY_REFERENCE, function (match, name, end) {
      if (!name) {
        return decoded(match, html);
      }
      return BLANK_REFERENCES[name + end] && (html || end) ? "" : match;
    }));
  }

  // Whether ``address`` is a path on the editor's computer (C:\Users\…, a network share
  // \\server\share\…, file:…, /Users/maria/…): the build's own expression (page.js,
  // data-local-path), matched at the start as plugins/core/files.py's local_path
  var LOCAL_PATH = script.getAttribute("data-local-path")
    ? new RegExp("^(?:" + script.getAttribute("data-local-path") + ")", "i") : /$^/;

  function localPath(address) {
    return LOCAL_PATH.test(String(address).trim());
  }

  // The host a browser would load ``address`` from ("" without one, or behind a user
  // name: addresses.py's browser_host; any run of slashes and backslashes before it read
  // as //, as a browser reads it), as urlsplit's hostname names it: up to a ":" (a port,
  // numbers or not: "example.org:abc"), within "[…]" an IPv6 address or an IPvFuture one,
  // and none for a bracket alone or another "[…]" (urlsplit's "Invalid IPv6 URL")
  function webHost(address) {
    var parts = /^(?:[a-z][a-z0-9+.\-]*:)?\/{2,}([^\/?#]*)/i.exec(
      strip(address).replace(/[\t\n\r]/g, "").replace(/\\/g, "/"));
    var netloc = parts ? parts[1] : "";
    var open = netloc.indexOf("[");
    if (!netloc || netloc.indexOf("@") >= 0 || (open < 0) !== (netloc.indexOf("]") < 0)) {
      return "";
    }
    if (open < 0) {
      return netloc.split(":")[0].toLowerCase();
    }
    var inside = netloc.slice(open + 1).split("]")[0];
    return /^v[0-9a-f]+\..+$/i.test(inside) || ipv6(inside) ? inside.toLowerCase() : "";
  }

  // Whether ``text`` is an IPv6 address as Python's ipaddress reads one: the URL parser's
  // check, after a zone ("%eth0", one "%", something after it), which it does not take
  function ipv6(text) {
    var zone = text.indexOf("%");
    if (zone >= 0 && (zone === text.length - 1 || text.indexOf("%", zone + 1) >= 0)) {
      return false;
    }
    try {
      // (the scheme written apart: no address of another host in the script's text)
      return Boolean(new URL("http:" + "//[" + (zone >= 0 ? text.slice(0, zone) : text)
        + "]/"));
    } catch (error) {
      return false;
    }
  }

  // The other site a browser would follow an address with no scheme to when it is
  // written to look like a path of this one (/\evil.example/, \/…, \\…, ///…), or ""
  // (addresses.py's disguised_host: //example.org/ says what it is)
  function disguisedHost(address) {
    var target = strip(address).replace(/^<|>$/g, "").replace(/[\t\n\r]/g, "");
    if (SCHEME.test(target.toLowerCase()) || !/^(?!\/\/[^\/\\])[\/\\]{2}/.test(target)) {
      return "";
    }
    // behind a user name (/\\nome@evil.example/) webHost names none: the name after it
    var authority = target.replace(/^[\/\\]+/, "").split(/[\/\\?#]/)[0];
    return webHost(target) || authority.slice(authority.lastIndexOf("@") + 1);
  }

  admin.ADDRESS_ATTRIBUTE = ADDRESS_ATTRIBUTE;
  admin.BLANK_LINE = BLANK_LINE;
  admin.ELEMENT_TAG = ELEMENT_TAG;
  admin.ESCAPED = ESCAPED;
  admin.ESCAPED_BACKSLASH = ESCAPED_BACKSLASH;
  admin.ESCAPED_MARK = ESCAPED_MARK;
  admin.ESCAPED_STANDS = ESCAPED_STANDS;
  admin.HEADING_LINE = HEADING_LINE;
  admin.INLINE_ELEMENT = INLINE_ELEMENT;
  admin.INLINE_LINK = INLINE_LINK;
  admin.INLINE_TAG = INLINE_TAG;
  admin.ITEM_LINE = ITEM_LINE;
  admin.LINK_TAG = LINK_TAG;
  admin.MARKER = MARKER;
  admin.NAMED_LINK = NAMED_LINK;
  admin.REFERENCE = REFERENCE;
  admin.SCHEME = SCHEME;
  admin.blankText = function (text) { return BLANK.test(text); };
  admin.blankWritten = blankWritten;
  admin.BLANK_CHARACTERS = new RegExp(BLANK_CHARACTER, "gu");
  admin.unescaped = unescaped;
  admin.decoded = decoded;
  admin.disguisedHost = disguisedHost;
  admin.localPath = localPath;
  admin.referenceUsed = referenceUsed;
  admin.refusedScheme = refusedScheme;
  admin.relative = relative;
  admin.webHost = webHost;
}(window.FareLegamiAdmin));
