/*
 * admin/admin.js – the web editor's own script (plugins/admin), loaded after
 * decap-cms.js, which defines window.CMS (and the globals h and createClass) and then
 * starts itself from config.yml; what is registered here applies from the start.
 * Configured by its data- attributes (admin/index.html, written by the build):
 *   data-preview-css  the site's stylesheets for the preview pane (paths from admin/)
 *   data-articles     the collections previewed as an article (one per category)
 *   data-pages        the collections previewed as a page
 * No inline script, no markup built from strings: the preview is made with h().
 */
(function () {
  "use strict";

  var CMS = window.CMS;
  var h = window.h;
  var createClass = window.createClass;
  var script = document.currentScript;
  if (!CMS || !script) {
    return;
  }

  function words(name) {
    return (script.getAttribute(name) || "").split(/\s+/).filter(Boolean);
  }

  // --- The preview pane uses the site's own stylesheets --------------------------
  words("data-preview-css").forEach(function (path) {
    CMS.registerPreviewStyle(new URL(path, document.baseURI).href);
  });

  // --- The contract: every image has a description ------------------------------
  // image_alt is required when image is set, and an image in the text needs its
  // "Alt Text". Decap cannot make a field required only when another one is filled
  // in, so the save is refused here, with the reason in the error notice; the build
  // checks both again (plugins/contract).
  var IMAGE_WITHOUT_ALT = /!\[\s*\]\(/;
  var FENCE = /^\s*(```|~~~)/;
  var BACKSLASH_BREAK = /(^|[^\\])\\$/;

  // A line break inside a paragraph (Shift+Enter) is written by the CMS as a backslash
  // at the end of the line (CommonMark), which the site's Markdown shows as a
  // backslash: write it as two spaces, the break both understand. Code blocks are
  // left as they are.
  function hardBreaks(text) {
    var inCode = false;
    var lines = text.split("\n");
    return lines.map(function (line, index) {
      if (FENCE.test(line)) {
        inCode = !inCode;
        return line;
      }
      if (!inCode && index < lines.length - 1 && BACKSLASH_BREAK.test(line)) {
        return line.slice(0, -1) + "  ";
      }
      return line;
    }).join("\n");
  }

  // Decap shows a refusal as String(error): "Error: …" in the middle of an Italian
  // sentence. An error without a name is its message alone.
  function refusal(message) {
    var error = new Error(message);
    error.name = "";
    return error;
  }

  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var data = event.entry.get("data");
      var image = data.get("image");
      var alt = data.get("image_alt");
      if (image && !(alt && String(alt).trim())) {
        throw refusal("manca la descrizione dell'immagine di copertina (testo"
          + " alternativo): scrivila nel campo sotto l'immagine.");
      }
      var body = data.get("body");
      if (IMAGE_WITHOUT_ALT.test(String(body || ""))) {
        throw refusal("un'immagine nel testo non ha la descrizione: scrivila nel"
          + " campo \"Alt Text\" dell'immagine.");
      }
      return typeof body === "string" ? data.set("body", hardBreaks(body)) : data;
    }
  });

  if (!h || !createClass) {
    return;
  }

  // --- Previews shaped like the site's pages (theme/templates/article.html) -------
  var WEEKDAY_DATE = new Intl.DateTimeFormat("it-IT", {
    weekday: "long", day: "numeric", month: "long", year: "numeric"
  });
  var DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/;

  function longDate(value) {
    var parts = DATE_RE.exec(String(value || ""));
    if (!parts) {
      return String(value || "");
    }
    var date = new Date(+parts[1], +parts[2] - 1, +parts[3]);
    var text = WEEKDAY_DATE.format(date);
    return parts[4] ? text + ", ore " + parts[4] + ":" + parts[5] : text;
  }

  // "della Redazione", "di Anna Rossi": the site's table (plugins/italian/words.py)
  var DI = JSON.parse(script.getAttribute("data-di") || "{}");

  function di(name) {
    var first = String(name).trim().split(/\s+/)[0].toLowerCase();
    return DI[first] || "di ";
  }

  // The date's label as the site's meta line gives it (partials/article_meta.html).
  function dateLabel(data) {
    if (data.get("status") === "draft") {
      return "Data ";
    }
    var parts = DATE_RE.exec(String(data.get("date") || ""));
    var when = parts && new Date(+parts[1], +parts[2] - 1, +parts[3], +(parts[4] || 0),
      +(parts[5] || 0));
    return when && when > new Date() ? "Sarà pubblicato " : "Pubblicato ";
  }

  function list(value) {
    if (!value) {
      return [];
    }
    if (typeof value === "string") {
      return value.split(",").map(function (item) { return item.trim(); }).filter(Boolean);
    }
    return value.toJS ? value.toJS() : [].concat(value);
  }

  function attachmentName(item) {
    if (typeof item === "string") {
      return item.split("/").pop();
    }
    return item.title || String(item.file || "").split("/").pop();
  }

  function attachments(data) {
    var items = list(data.get("attachments"));
    if (!items.length) {
      return null;
    }
    return h("section", { className: "attachments" },
      h("h2", null, "Allegati"),
      h("ul", { className: "attachment-list" }, items.map(function (item, index) {
        return h("li", { className: "attachment", key: index },
          h("span", { className: "attachment-link" }, attachmentName(item)),
          item.description ? h("p", { className: "attachment-description" },
            item.description) : null);
      })));
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
    var asset = props.getAsset(image, field(props, "image"));
    return h("figure", { className: "article-cover" },
      h("img", { src: String(asset), alt: data.get("image_alt") || "" }));
  }

  function page(props, header) {
    var data = props.entry.get("data");
    return h("main", { id: "contenuto" },
      h("div", { className: "container" },
        h("article", { className: "article" },
          h("header", { className: "article-header" }, header),
          cover(props, data),
          h("div", { className: "prose article-body" }, props.widgetFor("body")),
          attachments(data))));
  }

  var ArticlePreview = createClass({
    render: function () {
      var props = this.props;
      var data = props.entry.get("data");
      var tags = list(data.get("tags"));
      var author = data.get("author");
      return page(props, [
        h("p", { className: "article-kicker", key: "kicker" },
          props.collection.get("label")),
        h("h1", { key: "title" }, data.get("title") || ""),
        data.get("summary") ? h("div", { className: "lead", key: "lead" },
          h("p", null, data.get("summary"))) : null,
        h("div", { className: "article-meta", key: "meta" },
          h("span", { className: "meta-item" }, dateLabel(data), longDate(data.get("date"))),
          author ? h("span", { className: "meta-item" }, di(author), author) : null),
        tags.length ? h("div", { className: "article-tags", key: "tags" },
          h("ul", { className: "tag-list", "aria-label": "Argomenti" },
            tags.map(function (tag) { return h("li", { key: tag }, h("a", null, tag)); })))
          : null
      ]);
    }
  });

  var PagePreview = createClass({
    render: function () {
      var data = this.props.entry.get("data");
      return page(this.props, [
        h("h1", { key: "title" }, data.get("title") || ""),
        data.get("summary") ? h("div", { className: "lead", key: "lead" },
          h("p", null, data.get("summary"))) : null
      ]);
    }
  });

  words("data-articles").forEach(function (name) {
    CMS.registerPreviewTemplate(name, ArticlePreview);
  });
  words("data-pages").forEach(function (name) {
    CMS.registerPreviewTemplate(name, PagePreview);
  });
})();
