/* html-blocks.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

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

  admin.BLOCK_TAGS = BLOCK_TAGS;
  admin.blockEnd = blockEnd;
  admin.htmlBlock = htmlBlock;
}(window.FareLegamiAdmin));
