/* nested-lists.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // markdown.js
  var byLine = admin.byLine;

  // --- Nested lists as the site reads them ----------------------------------------
  // Decap writes a sub-item as far in as its item's text (2 spaces under "* ", 3 under
  // "1. "), after a blank line. The site's Markdown wants 4 spaces a level, and reads the
  // blank line as paragraphs in the items: a nested list, typed in the editor or kept
  // from a file written with git, was published as one flat list, its items spaced as
  // paragraphs, without a warning. Each sub-item (and each line of an item's text) is
  // moved 4 spaces in from its item's, and the blank line between an item's line and its
  // first sub-item is left out. Decap reads it back the same; code blocks are left alone.
  var ITEM_PARTS = /^( *)([*+-]|\d+[.)])( +)(?=\S)/;
  var DROPPED = "\u0000";  // a line left out (no line of a text is that)

  function spaces(count) {
    return new Array(count + 1).join(" ");
  }

  function nestedLists(text) {
    var open = [];  // the items a line may be in: {content, shift, inner}, outermost first
    return byLine(text, function (line, index, lines) {
      var top = open[open.length - 1];
      var next = ITEM_PARTS.exec(lines[index + 1] || "");
      if (!line.trim()) {
        return top && ITEM_PARTS.test(lines[index - 1] || "") && next
          && next[1].length >= top.content ? DROPPED : line;
      }
      var indent = /^ */.exec(line)[0].length;
      var item = ITEM_PARTS.exec(line);
      if (!indent && !item) {
        open = [];  // a line at the margin: the list is over
        return line;
      }
      while (top && indent < top.content) {
        open.pop();
        top = open[open.length - 1];
      }
      if (item) {
        var at = top ? top.inner : indent;
        open.push({ content: item[0].length, shift: at - indent, inner: at + 4 });
        return spaces(at) + line.slice(indent);
      }
      return top ? spaces(Math.max(top.inner, indent + top.shift)) + line.slice(indent)
        : line;
    }).split("\n").filter(function (line) { return line !== DROPPED; }).join("\n");
  }

  admin.nestedLists = nestedLists;
}(window.FareLegamiAdmin));
