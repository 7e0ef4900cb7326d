/* table-alignment.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // markdown.js
  var byLine = admin.byLine;

  // --- A table's column alignment kept -------------------------------------------
  // Decap's rich-text editor reads a table's alignment (| :--- | ---: |) and writes the
  // table again without it (its serializer leaves it out): a column of prices aligned to
  // the right on the page came back to the left after any change to the text, without a
  // word. The aligned tables of the text as it reaches the form (the file's, or the
  // Markdown typed in the Markdown mode) are remembered by their item and header row; on
  // save, a table of that item with that header (as many columns) whose delimiter row
  // has no alignment gets the remembered one back. Code blocks are left alone.
  var ALIGNED = {};  // item and header row -> ["left", "", "right"…]
  var DELIMITER_CELL = /^:?-+:?$/;

  // The cells of a table's row (a line with "|"), trimmed, without the outer pipes
  function rowCells(line) {
    var row = line.trim().replace(/^\|/, "").replace(/(^|[^\\])\|$/, "$1");
    return row.split(/(?<!\\)\|/).map(function (cell) { return cell.trim(); });
  }

  // A delimiter row's cells, or null for another line
  function delimiterCells(line) {
    if (line.indexOf("|") < 0 || !/^ {0,3}\S/.test(line)) {
      return null;
    }
    var cells = rowCells(line);
    return cells.every(function (cell) { return DELIMITER_CELL.test(cell); }) ? cells : null;
  }

  function alignmentOf(cell) {
    var left = cell.charAt(0) === ":";
    var right = cell.charAt(cell.length - 1) === ":";
    return left && right ? "center" : right ? "right" : left ? "left" : "";
  }

  // The key of the table under the header row ``line`` in the item ``key``: its cells'
  // words (Decap writes them again with other escapes and emphasis marks)
  function tableKey(key, line) {
    return key + "\u0000" + rowCells(line).map(function (cell) {
      return cell.replace(/[\\*_]/g, "").replace(/\s+/g, " ");
    }).join("\u0000");
  }

  // The item's key (its collection and file; a new one: its collection) for ALIGNED
  function itemKey(entry) {
    return entry && entry.get ? String(entry.get("collection") || "") + "/"
      + String(entry.get("path") || "") : "";
  }

  function rememberAlignments(key, text) {
    if (typeof text !== "string" || text.indexOf("|") < 0) {
      return;
    }
    byLine(text, function (line, index, lines) {
      var cells = delimiterCells(line);
      var aligns = cells && cells.map(alignmentOf);
      if (aligns && aligns.some(Boolean) && index > 0 && lines[index - 1].indexOf("|") >= 0) {
        ALIGNED[tableKey(key, lines[index - 1])] = aligns;
      }
      return line;
    });
  }

  function alignedTables(key, text) {
    if (typeof text !== "string" || text.indexOf("|") < 0) {
      return text;
    }
    return byLine(text, function (line, index, lines) {
      var cells = delimiterCells(line);
      var aligns = cells && !cells.map(alignmentOf).some(Boolean) && index > 0
        && lines[index - 1].indexOf("|") >= 0 && ALIGNED[tableKey(key, lines[index - 1])];
      if (!aligns || aligns.length !== cells.length) {
        return line;
      }
      var row = cells.map(function (cell, column) {
        var dashes = new Array(Math.max(cell.length, 5) - 1).join("-");  // 3 or more
        return { left: ":" + dashes + "-", center: ":" + dashes + ":",
          right: dashes + "-:" }[aligns[column]] || cell;
      });
      var outer = line.trim().charAt(0) === "|";
      return /^ */.exec(line)[0] + (outer ? "| " + row.join(" | ") + " |" : row.join(" | "));
    });
  }

  admin.alignedTables = alignedTables;
  admin.itemKey = itemKey;
  admin.rememberAlignments = rememberAlignments;
}(window.FareLegamiAdmin));
