/*
 * page.js – the first of the web editor's own scripts (plugins/admin). The build joins
 * them, in the order of plugins/admin/output.py's SCRIPTS, into admin/admin.js, which
 * admin/index.html loads after decap-cms.js; decap-cms.js defines window.CMS (and the
 * globals h and createClass) and then starts itself from config.yml: one script, run
 * at once, so what they register applies from the start. Each is one concern, in a
 * function of its own; they share window.FareLegamiAdmin, where this one puts Decap's
 * globals and the page's data, and each puts what the later ones use. Without Decap and
 * the script's tag (a page that is not the editor's) admin.CMS stays unset, and they do
 * only what needs neither: Decap's question and dnd-kit's texts in Italian, the names
 * of the controls.
 * Configured by its data- attributes (admin/index.html, written by the build):
 *   data-preview-css  the site's stylesheets for the preview pane (paths from admin/)
 *   data-articles     the collections previewed as an article (one per category)
 *   data-pages        the collections previewed as a page
 *   data-content      the content folder, as a path from the repository's root
 *   data-public-folder  how the text's images in the media library's folder are written
 *                     ({static}/immagini): the others are shown from the site
 *   data-html         the HTML elements a text may hold (plugins/contract/allowlist.py)
 *   data-html-attributes  their attributes, "a:href" ("*:class": any element's)
 *   data-url-attributes  those of them holding an address ("href src cite":
 *                     allowlist.py's URL_ATTRIBUTES)
 *   data-iframe-hosts the hosts of the videos a text may embed (CONTRACT_IFRAME_HOSTS)
 *   data-blank        the characters a blank text is made of (plugins/core/text.py's
 *                     BLANK_RANGES, "0-20 7f-a0 …": hex code points, first and last)
 *   data-blank-references  the character references making only such characters
 *                     ("nbsp nbsp; ZeroWidthSpace; …")
 *   data-letterless   the characters of which the site's slug keeps nothing, up to
 *                     U+1FFFF (plugins/italian/slugs.py's letterless_ranges(), as
 *                     data-blank): a title made only of them gives no address
 *   data-spelled-symbols  the symbols the site's slug makes word breaks as typed, before
 *                     it decodes references (SPELLED_SYMBOLS: "[°]"), a regular expression
 *   data-nesting      how deep a text's HTML may nest and how many inline elements it
 *                     may leave open (JSON: plugins/contract/nesting.py's rules())
 *   data-static-folders  the folders {static} links lead into ("allegati/ immagini/")
 *   data-item-extensions the extensions of the items' files ("md markdown…")
 *   data-local-path   a path on the editor's computer, as a regular expression matched
 *                     at an address's start, case ignored (plugins/core/files.py's
 *                     LOCAL_PATH_RE: C:\…, \\server\share\…, file:, /Users/…)
 *   data-local-path-words  the build's words for it ("è un file del tuo computer, …")
 *   data-disguised-words  the build's words for a link that looks like a path of the
 *                     site and leads to another one, /\evil.example/ (plugins/contract/
 *                     body.py's DISGUISED_WORDS: "porta a un altro sito ({host}): …")
 *   data-disguised-remedy  the build's words for what to write instead (DISGUISED_REMEDY:
 *                     "per una pagina o un file …")
 *   data-old-addresses  the key of an item's old addresses (plugins/redirects), or ""
 *   data-site-folders the folders the site writes its own files in (no old address there)
 *   data-reserved     the first parts of the addresses the site keeps for itself (no
 *                     item's address there: /documenti/, /cerca/…)
 *   data-file-types   the types of file the site publishes in each folder of {static}
 *                     links and as a cover image (JSON: plugins/admin/output.py)
 *   data-article-url, data-page-url  the site's ARTICLE_URL and PAGE_URL
 *   data-timezone     the site's TIMEZONE (a date with an offset is shown in it)
 *   data-default-lang the site's DEFAULT_LANG (an item with that `lang` is at its
 *                     ARTICLE_URL/PAGE_URL address, as one without: live-link.js)
 *   data-title-length the title's length past which the build warns "titolo lungo"
 *                     (plugins/contract/schema.py's TITLE_WARNING_LENGTH)
 *   data-long-title   the build's words for it (LONG_TITLE_MESSAGE's Italian half,
 *                     "{length}" for the count)
 *   data-default-author  the site's AUTHOR (the byline of an item without authors)
 *   data-site-properties  the site stylesheet's custom properties the notices use, as
 *                     its :root sets them ("--color-warning-edge:…;--color-warning-bg:…":
 *                     output.py's site_properties; banner.js sets them on the page)
 * No inline script, no markup built from strings: the preview is made with h(); the
 * text's and the summary's HTML is Decap's own (its Markdown, sanitised: markdownHtml).
 */
(function () {
  "use strict";

  var admin = window.FareLegamiAdmin = {};
  var CMS = window.CMS;
  var h = window.h;
  var createClass = window.createClass;
  var script = document.currentScript;  // this script's tag, with the data- attributes

  function words(name) {
    return (script.getAttribute(name) || "").split(/\s+/).filter(Boolean);
  }

  // a list of the form (Decap's, an array, or a text "a, b") as an array
  function list(value) {
    if (!value) {
      return [];
    }
    if (typeof value === "string") {
      return value.split(",").map(function (item) { return item.trim(); }).filter(Boolean);
    }
    return value.toJS ? value.toJS() : [].concat(value);
  }

  // Python's whitespace (str.split, str.strip: \x1c-\x1f and \x85 too, not \ufeff), for
  // the rules the build reads with it (dates.js, field-rules.js)
  var PY_SPACE = "[\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f"
    + "\\u3000]";
  var PY_BLANK = new RegExp("^" + PY_SPACE + "$");

  // ``text`` without Python's whitespace at either end (its str.strip()), one character
  // at a time from each end: a pattern /^S+|S+$/ tried S+$ at every blank of a run, and
  // a line pasted with a long run of spaces inside froze the form (quadratic)
  function strip(text) {
    var value = String(text);
    var start = 0;
    var end = value.length;
    while (start < end && PY_BLANK.test(value.charAt(start))) {
      start += 1;
    }
    while (end > start && PY_BLANK.test(value.charAt(end - 1))) {
      end -= 1;
    }
    return value.slice(start, end);
  }

  // ``text`` with every %xx decoded as Python's urllib.parse.unquote decodes it: each run
  // of them as UTF-8, a byte that is none as U+FFFD (decodeURIComponent refuses the
  // whole run: "%E9%0A" was left as typed, its newline unseen); a byte order mark kept,
  // as unquote keeps it (TextDecoder drops a leading one unless told not to)
  var UTF8 = typeof TextDecoder === "function"
    ? new TextDecoder("utf-8", { ignoreBOM: true }) : null;
  function unquote(text) {
    return String(text).replace(/(?:%[0-9A-Fa-f]{2})+/g, function (run) {
      var bytes = run.slice(1).split("%").map(function (pair) { return parseInt(pair, 16); });
      return UTF8 ? UTF8.decode(new Uint8Array(bytes)) : run;
    });
  }

  // A style sheet of ours, constructed and adopted (the editor's policy allows no <style>
  // element): banner.js's room for its notices, small-screens.js's phone layout
  function addStyleSheet(css) {
    if (typeof CSSStyleSheet === "function" && "adoptedStyleSheets" in document) {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
    }
  }

  // The page's language: Decap's interface's (config.yml's locale, which the build writes
  // as the page's lang too: plugins.italian's LANGUAGE, its one home). Dates and numbers
  // are written in it, never in a language named here (none: the browser's own)
  admin.LANGUAGE = (document.documentElement && document.documentElement.lang) || undefined;
  admin.words = words;
  admin.list = list;
  admin.addStyleSheet = addStyleSheet;
  admin.PY_SPACE = PY_SPACE;
  admin.strip = strip;
  admin.unquote = unquote;
  if (CMS && script) {
    admin.CMS = CMS;
    admin.h = h;
    admin.createClass = createClass;
    admin.script = script;
  }
}());
