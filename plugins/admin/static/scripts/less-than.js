/* less-than.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // page.js
  var words = admin.words;
  // markdown.js
  var byLine = admin.byLine;

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

  admin.HTML_TAGS = HTML_TAGS;
  admin.INDENTED = INDENTED;
  admin.LIST_ITEM = LIST_ITEM;
  admin.outsideIndentedCode = outsideIndentedCode;
  admin.shownLessThan = shownLessThan;
  admin.typedLessThan = typedLessThan;
}(window.FareLegamiAdmin));
