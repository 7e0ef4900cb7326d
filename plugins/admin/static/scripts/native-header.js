/* native-header.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // --- Pelican's native header (Title: …, no --- lines) --------------------------
  // Decap reads only YAML front matter: an item written with the native header opens
  // with an empty title and date and its header lines at the top of the text, and once
  // saved they were the text ("Title: … Date: … Tags: …" shown on the page, the tags
  // and the summary lost, and no error). Before a save, a native header at the top of
  // the text (it has a Title line and ends at a blank line) becomes front matter: its
  // values (tags and authors: comma-separated, as lists) replace the form's, but for
  // the title and the date the form requires (typed by the editor), and its lines
  // leave the text. A list's items are separated by commas or semicolons, as the build
  // reads them (split_list: "Tags: Crema; Cremona" was one topic, «Crema; Cremona»).
  var NATIVE_LINE = /^([A-Za-z][A-Za-z0-9_-]*):[ \t]*(.*)$/;
  var NATIVE_LISTS = { tags: true, authors: true };
  var TYPED = { title: true, date: true };

  // ``data`` without ``key`` (an entry's data, Immutable: its delete)
  function without(data, key) {
    return typeof data.delete === "function" ? data.delete(key) : data.set(key, undefined);
  }

  function nativeHeader(text) {
    var lines = text.split("\n");
    var index = 0;
    var header = [];
    while (index < lines.length && !lines[index].trim()) {
      index += 1;
    }
    for (; index < lines.length && lines[index].trim(); index += 1) {
      var parts = NATIVE_LINE.exec(lines[index]);
      if (parts) {
        header.push([parts[1].toLowerCase(), parts[2].trim()]);
      } else if (header.length && /^\s/.test(lines[index])) {  // a continuation line
        header[header.length - 1][1] += " " + lines[index].trim();
      } else {
        return null;
      }
    }
    var titled = header.some(function (pair) { return pair[0] === "title"; });
    return titled ? { header: header, text: lines.slice(index).join("\n").replace(/^\n+/, "") }
      : null;
  }

  function fromNativeHeader(data) {
    var found = nativeHeader(String(data.get("body") || ""));
    if (!found) {
      return data;
    }
    found.header.forEach(function (pair) {
      var key = pair[0];
      var value = NATIVE_LISTS[key] ? pair[1].split(/[,;]/).map(function (item) {
        return item.trim();
      }).filter(Boolean) : pair[1];
      var typed = TYPED[key] && String(data.get(key) || "").trim();
      if (!typed && (value.length || !NATIVE_LISTS[key])) {
        if (key === "author" || key === "authors") {  // the header's authors, not the form's
          data = without(data, key === "author" ? "authors" : "author");
        }
        data = data.set(key, value);
      }
    });
    return data.set("body", found.text);
  }

  admin.fromNativeHeader = fromNativeHeader;
  admin.without = without;
}(window.FareLegamiAdmin));
