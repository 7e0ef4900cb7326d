/* markdown.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // --- The contract: every image has a description ------------------------------
  // image_alt is required when image is set, and an image in the text needs its
  // description. Decap cannot make a field required only when another one is filled
  // in, so the save is refused here, with the reason in the error notice; the build
  // checks both again (plugins/contract).
  // (each image's description: save.js refuses one blank to the build, core.text's blank)
  var IMAGE_WITHOUT_ALT = /!\[([^\[\]]*)\]\(/g;
  // an image of the text's "+" menu whose picture was never chosen: Decap wrote
  // ![descrizione]() and the site published an empty <img src="">, unchecked
  var IMAGE_WITHOUT_FILE = /!\[[^\]]*\]\(\s*\)/;
  // a fence opens with 3 or more ` or ~ and closes with the same (Python-Markdown's
  // fenced_code): ``` inside ```` or ~~~ is code, as a guide to code blocks writes it
  var FENCE = /^\s*(`{3,}|~{3,})(.*)$/;
  var BACKSLASH_BREAK = /(^|[^\\])\\$/;
  var CODE_SPAN = /(`+)[^`]*?\1/g;

  // Each line of a text through prose(line, index, lines), but the lines of fenced code
  // blocks, fences included, through code(line) (left as they are without it): the one
  // reading of fences that the text's rewrites and checks in the later scripts share.
  function byLine(text, prose, code) {
    var fence = "";  // the open fence, else ""
    var lines = String(text || "").split("\n");
    return lines.map(function (line, index) {
      var found = FENCE.exec(line);
      if (found && (!fence || (found[1] === fence && !found[2].trim()))) {
        fence = fence ? "" : found[1];
        return code ? code(line) : line;
      }
      if (fence) {
        return code ? code(line) : line;
      }
      return prose(line, index, lines);
    }).join("\n");
  }

  // The text without its code (fenced blocks, code spans): "`![descrizione]()`" in a
  // guide is shown as code, no image, and the build accepts it
  function outsideCode(text) {
    return byLine(text, function (line) {
      return line.replace(CODE_SPAN, "");
    }, function () {
      return "";
    });
  }

  // A line break inside a paragraph (Shift+Enter) is written by the CMS as a backslash
  // at the end of the line (CommonMark), which the site's Markdown shows as a
  // backslash: write it as two spaces, the break both understand. Code blocks are
  // left as they are.
  function hardBreaks(text) {
    return byLine(text, function (line, index, lines) {
      return index < lines.length - 1 && BACKSLASH_BREAK.test(line)
        ? line.slice(0, -1) + "  " : line;
    });
  }

  // A level-1 heading in the text: the toolbar offers levels 2 to 4 only, but a text
  // pasted from a word processor brings its "Titolo 1" as one, and the page's title
  // is the only level 1 (the contract warns about it). Every heading then goes one
  // level down, so the pasted hierarchy is kept. Code blocks are left as they are.
  var HEADING = /^(#{1,5})(\s)/;

  function demoteHeadings(text) {
    var first = false;
    byLine(text, function (line) {
      var parts = HEADING.exec(line);
      first = first || Boolean(parts && parts[1].length === 1);
      return line;
    });
    return first ? byLine(text, function (line) {
      return HEADING.test(line) ? "#" + line : line;
    }) : text;
  }

  admin.CODE_SPAN = CODE_SPAN;
  admin.IMAGE_WITHOUT_ALT = IMAGE_WITHOUT_ALT;
  admin.IMAGE_WITHOUT_FILE = IMAGE_WITHOUT_FILE;
  admin.byLine = byLine;
  admin.demoteHeadings = demoteHeadings;
  admin.hardBreaks = hardBreaks;
  admin.outsideCode = outsideCode;
}(window.FareLegamiAdmin));
