/* preview-meta.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS || !admin.h || !admin.createClass) {
    return;  // not the web editor's page, or no h() to draw with (page.js)
  }

  // page.js
  var LANGUAGE = admin.LANGUAGE;
  var h = admin.h;
  var list = admin.list;
  var script = admin.script;
  // dates.js
  var DATE_RE = admin.DATE_RE;
  var formDate = admin.formDate;
  var siteClock = admin.siteClock;
  // site-images.js
  var shownAssets = admin.shownAssets;
  // date-widget.js
  var dayAlone = admin.dayAlone;
  // authors.js
  var formAuthors = admin.formAuthors;

  // --- Previews shaped like the site's pages (theme/templates/article.html) -------
  // (in the page's language, as the interface: it was "it-IT" whatever the page's)
  var WEEKDAY_DATE = new Intl.DateTimeFormat(LANGUAGE, {
    weekday: "long", day: "numeric", month: "long", year: "numeric"
  });

  // The site's data_lunga filter (plugins/italian/dates.py): "martedì 10 settembre
  // 2024, ore 18:00", the day's number joined to its month and "ore" to the time by a
  // no-break space, so the meta line breaks where the site's does
  function longDate(value) {
    var parts = DATE_RE.exec(String(dayAlone(formDate(value)) || ""));
    if (!parts) {
      return String(value || "");
    }
    var date = new Date(+parts[1], +parts[2] - 1, +parts[3]);
    var pieces = WEEKDAY_DATE.formatToParts(date);
    var text = pieces.map(function (piece, index) {
      var before = pieces[index - 1];
      return piece.type === "literal" && before && before.type === "day"
        && pieces[index + 1] && pieces[index + 1].type === "month"
        ? piece.value.replace(/\s+/g, "\u00a0") : piece.value;
    }).join("");
    return parts[4] ? text + ", ore\u00a0" + parts[4] + ":" + parts[5] : text;
  }

  // "della Redazione", "di Anna Rossi": the site's table (plugins/italian/words.py)
  var DI = JSON.parse(script.getAttribute("data-di") || "{}");

  function di(name) {
    var first = String(name).trim().split(/\s+/)[0].toLowerCase();
    return DI[first] || "di ";
  }

  // The date's label as the site's meta line gives it (partials/article_meta.html,
  // plugins/article_meta's date_label: "Data:" for a draft, a noun with its colon)
  function dateLabel(data) {
    if (data.get("status") === "draft") {
      return "Data:";
    }
    var parts = DATE_RE.exec(String(formDate(data.get("date")) || ""));
    // both as the site's clock shows them ("2024-09-10 18:00"): the browser's clock said
    // "Sarà pubblicato" for an item published now in a browser set to a zone behind Rome
    var when = parts && parts[1] + "-" + parts[2] + "-" + parts[3] + " "
      + (parts[4] || "00") + ":" + (parts[5] || "00");
    return when && when > siteClock(new Date(), " ") ? "Sarà pubblicato" : "Pubblicato";
  }

  // A document's title: its own, else its file's name as the site makes it one
  // (plugins/core/text.py's title_from_name: "bando_orti-2025.pdf" is "Bando orti 2025")
  function attachmentName(item) {
    var file = typeof item === "string" ? item : String(item.file || "");
    if (typeof item !== "string" && item.title && String(item.title).trim()) {
      return item.title;
    }
    var name = file.split("/").pop().replace(/[\u202a-\u202e\u2066-\u2069]/g, "");
    var stem = name.replace(/^\.+/, "").indexOf(".") >= 0
      ? name.slice(0, name.lastIndexOf(".")) : name;
    var words = stem.split(/[\s_\-]+/).join(" ").trim();
    return words ? words.charAt(0).toUpperCase() + words.slice(1) : file.split("/").pop();
  }

  // "di Anna Rossi e della Redazione": the site's meta line (its authors: `authors`, else
  // `author`; plugins/italian/words.py's di_ciascuno, one "di" for people's names)
  // (the form's «Autori» as typed, "Anna Rossi, Marco Bianchi", is two; a file's `author`
  // is one name, commas and all, as the site reads it)
  // (no name: the site's default author, AUTHOR, given by the page as data-default-author,
  // as Pelican gives it to an item without one)
  var DEFAULT_AUTHOR = (script.getAttribute("data-default-author") || "").trim();

  function byline(data) {
    var names = formAuthors(data);
    if (!names.length && DEFAULT_AUTHOR) {
      names = [DEFAULT_AUTHOR];
    }
    if (!names.length) {
      return null;
    }
    var before = names.map(di);
    if (before.every(function (each) { return each === "di "; })) {
      before = before.map(function (each, index) { return index ? "" : each; });
    }
    // each name a link, as on the site (its author's page): the words between, text
    var parts = [];
    names.forEach(function (name, index) {
      parts.push(before[index], h("a", { key: index }, name));
      if (index < names.length - 1) {
        parts.push(index === names.length - 2 ? " e " : ", ");
      }
    });
    return h.apply(null, ["span", { className: "meta-item" }].concat(parts));
  }

  function attachments(data) {
    var items = list(data.get("attachments"));
    if (!items.length) {
      return null;
    }
    return h("section", { className: "attachments" },
      h("h2", null, "Allegati"),
      h("ul", { className: "attachment-list" }, items.map(function (item, index) {
        // a link, as on the site (partials/attachment_link.html), without the file's
        // type, size and pages, which the form does not know
        return h("li", { className: "attachment", key: index },
          h("a", { className: "attachment-link" },
            h("span", { className: "attachment-label" }, attachmentName(item))),
          item.description ? h("p", { className: "attachment-description" },
            item.description) : null);
      })));
  }

  // the meta line's link to the documents, as on the site (partials/article_meta.html:
  // "1 allegato", "2 allegati"), after the byline
  function documentsItem(data) {
    var count = list(data.get("attachments")).length;
    if (!count) {
      return null;
    }
    return h("span", { className: "meta-item meta-allegati" },
      h("a", null, count + (count === 1 ? " allegato" : " allegati")));
  }

  function field(props, name) {
    return props.collection.get("fields").find(function (each) {
      return each.get("name") === name;
    });
  }

  function cover(props, data) {
    var image = data.get("image");
    if (!image) {
      return null;
    }
    // the field tells getAsset its own folder (immagini/<year>/)
    var asset = shownAssets(props.getAsset, props.entry)(image, field(props, "image"));
    return h("figure", { className: "article-cover" },
      h("img", { src: String(asset), alt: data.get("image_alt") || "" }));
  }

  admin.attachments = attachments;
  admin.byline = byline;
  admin.documentsItem = documentsItem;
  admin.cover = cover;
  admin.dateLabel = dateLabel;
  admin.longDate = longDate;
}(window.FareLegamiAdmin));
