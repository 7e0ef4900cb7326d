/* markdown-blocks.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // markdown.js
  var byLine = admin.byLine;
  // less-than.js
  var INDENTED = admin.INDENTED;
  var LIST_ITEM = admin.LIST_ITEM;

  // --- Blocks of HTML with Markdown inside, as Decap can read them -----------------
  // A <details> (its Markdown converted by the site) or a block whose tag says
  // markdown="1", with its text right after the opening line or right before the
  // closing one, is one block of HTML to Decap's Markdown: saved again, the text inside
  // came back escaped (\*\*grassetto\*\*: asterisks on the page), and a </details>
  // right after a list was lost (the rest of the text went into the closed box).
  // Decap's control is given the text with a blank line there, which is the same to the
  // site; the file keeps its own until the text is changed.
  var MARKDOWN_ONE = /\smarkdown\s*=\s*["']?1["']?[\s>]/i;
  var OPENING_LINE = /^<([A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?>\s*$/;

  function markdownText(line) {  // a line of Markdown text, no HTML, no code
    return Boolean(line && line.trim() && !/^\s*</.test(line)
      && (!INDENTED.test(line) || LIST_ITEM.test(line)));
  }

  function spacedBlocks(text) {
    if (typeof text !== "string" || !/<details|markdown\s*=/i.test(text)) {
      return text;
    }
    var blocks = [];  // the names of the blocks open here, innermost last
    return byLine(text, function (line, index, lines) {
      var opening = OPENING_LINE.exec(line);
      var before = "";
      var after = "";
      var top = blocks[blocks.length - 1];
      if (opening && (opening[1].toLowerCase() === "details" || MARKDOWN_ONE.test(line))) {
        blocks.push(opening[1].toLowerCase());
        after = markdownText(lines[index + 1]) ? "\n" : "";
      } else if (top && line.trim().toLowerCase() === "</" + top + ">") {
        blocks.pop();
        before = markdownText(lines[index - 1]) ? "\n" : "";
      }
      return before + line + after;
    });
  }

  admin.spacedBlocks = spacedBlocks;
}(window.FareLegamiAdmin));
