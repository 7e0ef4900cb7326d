/* previews.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS || !admin.h || !admin.createClass) {
    return;  // not the web editor's page, or no h() to draw with (page.js)
  }

  // page.js
  var CMS = admin.CMS;
  var createClass = admin.createClass;
  var h = admin.h;
  var list = admin.list;
  var words = admin.words;
  // link-addresses.js
  var decoded = admin.decoded;
  // less-than.js
  var shownLessThan = admin.shownLessThan;
  // slugs.js
  var apostrophes = admin.apostrophes;
  // typed-fields.js
  var MarkdownPreview = admin.MarkdownPreview;
  var previewMarkdown = admin.previewMarkdown;
  // preview-meta.js
  var attachments = admin.attachments;
  var byline = admin.byline;
  var documentsItem = admin.documentsItem;
  var cover = admin.cover;
  var dateLabel = admin.dateLabel;
  var longDate = admin.longDate;

  // --- The text as the site shows it: its lead, its body, its reading time --------
  // The HTML Decap's Markdown preview makes of ``value`` (its own conversion, sanitised:
  // what it would put into the pane), given the props of the text's preview (``widget``:
  // what widgetFor gives: getAsset, the remark plugins…); null when its preview does not
  // give it so (another version of the CMS): the preview is then Decap's own, as it was.
  // Drawn here, not by Decap's component, so that the text's elements are the children
  // of the site's <div class="prose article-body"> (Decap's put them into a <div> of its
  // own, with margins: the site's ".prose > * + *" spacing never applied) and its first
  // paragraph can be the lead, as on the site.
  var HTML_CACHE = [];  // the last texts converted: {value, getAsset, html}; the text's
  // and the summary's at each change of the form, one of them changed

  // The site's apostrophes in the text of ``html`` (l’estate, anni ’80: slugs.js'
  // apostrophes, the site's rule), as its Markdown extension puts them (plugins/italian/
  // typography.py): in the text, not in code (<code>, <pre>, <kbd>, <samp>) nor in the
  // attributes. The preview showed «d'estate» where the site shows «d’estate». (The
  // site's curly quotes, dashes and ellipses, typogrify's, are not drawn here.)
  var UNTYPESET = { CODE: true, PRE: true, KBD: true, SAMP: true, SCRIPT: true, STYLE: true };

  function typeset(html) {
    if (html.indexOf("'") < 0 && html.indexOf("&#39;") < 0 && html.indexOf("&#x27;") < 0) {
      return html;
    }
    var box = document.createElement("template");  // inert: nothing loaded, nothing run
    box.innerHTML = html;
    (function walk(node) {
      for (var child = node.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === 3) {
          child.nodeValue = apostrophes(child.nodeValue);
        } else if (child.nodeType === 1 && !UNTYPESET[child.nodeName.toUpperCase()]) {
          walk(child);
        }
      }
    }(box.content));
    return box.innerHTML;
  }

  function markdownHtml(widget, value) {
    if (!MarkdownPreview || !MarkdownPreview.prototype
        || typeof MarkdownPreview.prototype.render !== "function") {
      return null;
    }
    value = previewMarkdown(String(value));
    var known = HTML_CACHE.filter(function (each) {
      return each.value === value && each.getAsset === widget.getAsset;
    })[0];
    if (known) {
      return known.html;
    }
    var drawn;
    try {
      drawn = MarkdownPreview.prototype.render.call({
        props: Object.assign({}, widget, { value: value })
      });
    } catch (error) {
      return null;
    }
    var inner = drawn && drawn.props && drawn.props.dangerouslySetInnerHTML;
    var html = inner && typeof inner.__html === "string" ? typeset(inner.__html) : null;
    HTML_CACHE.unshift({ value: value, getAsset: widget.getAsset, html: html });
    HTML_CACHE.length = Math.min(HTML_CACHE.length, 4);
    return html;
  }

  // plugins/core/text.py's FIRST_PARAGRAPH_RE and TAG_RE, and body_lead: the paragraph
  // the body opens with, when it has text (a picture alone is no lead), else ""
  var FIRST_PARAGRAPH = /^\s*(<p>[\s\S]*?<\/p>)\s*/;
  var ANY_TAG = /<[^>]+>/g;

  function bodyLead(html) {
    var first = FIRST_PARAGRAPH.exec(html || "");
    return first && first[1].replace(ANY_TAG, "").trim() ? first[1] : "";
  }

  // plugins/article_meta's repeats: whether the summary's HTML has the words of the
  // paragraph's (its first), in the same order, whatever their markup, case and
  // punctuation, and the paragraph links to or shows nothing the summary does not
  var WORD = /[\p{L}\p{N}_]+/gu;
  var LINKED = /<(?:a|img)\b[^>]*?\s(?:href|src)=["']([^"']*)["']/gi;

  function htmlWords(html) {
    return decoded(String(html || "").replace(ANY_TAG, ""), true).toLowerCase()
      .match(WORD) || [];
  }

  function linked(html) {
    var found = [];
    String(html || "").replace(LINKED, function (match, address) { found.push(address); });
    return found;
  }

  function repeats(summary, paragraph) {
    var words = htmlWords(paragraph);
    var inSummary = linked(summary);
    return words.length > 0 && words.join(" ") === htmlWords(summary).join(" ")
      && linked(paragraph).every(function (address) { return inSummary.indexOf(address) >= 0; });
  }

  // The lead and the body of an article as the site shows them (plugins/article_meta):
  // without a summary its body's first paragraph is the lead, and is left out of the
  // body; a summary repeating that paragraph is the lead, the paragraph left out too.
  // ``summary``: its HTML, null for none (the key absent, or empty: the contract reads
  // `summary: ''` as none)
  function leadAndBody(summary, html) {
    var first = bodyLead(html);
    if (summary === null) {
      return { lead: first, body: first ? html.replace(FIRST_PARAGRAPH, "") : html };
    }
    return { lead: summary, body: repeats(summary, first) ? html.replace(FIRST_PARAGRAPH, "")
      : html };
  }

  // plugins/article_meta's reading_time: the words of the whole text at 200 a minute,
  // rounded up, at least 1
  function readingTime(html) {
    var words = String(html || "").replace(ANY_TAG, " ").split(/\s+/).filter(Boolean);
    return Math.max(1, Math.ceil(words.length / 200));
  }

  // The text's parts: {lead, body (each HTML, or null), minutes, widget (Decap's own
  // preview, when its HTML is not to be had)}; ``article``: with a lead taken from it
  function textParts(props, article) {
    var data = props.entry.get("data");
    var widget = props.widgetFor("body");
    var value = data.get("body");
    var html = widget && widget.props && typeof value === "string"
      ? markdownHtml(widget.props, value) : (widget ? null : "");
    var summary = data.get("summary");
    var summaryHtml = null;
    if (article && typeof summary === "string" && summary.trim() && widget && widget.props) {
      summaryHtml = markdownHtml(widget.props, summary);
      if (summaryHtml === null) {
        html = null;
      }
    }
    if (html === null) {
      return { lead: null, body: null, minutes: 0, widget: widget };
    }
    var parts = article ? leadAndBody(summaryHtml, html) : { lead: "", body: html };
    parts.minutes = readingTime(html);
    return parts;
  }

  // Decap's sanitised HTML of the text (or the summary) put into the site's element
  function converted(tag, props, html) {
    return h(tag, Object.assign({}, props, { dangerouslySetInnerHTML: { __html: html } }));
  }

  // An article (theme/templates/article.html), or a page (page.html: ``isPage``), which
  // shows neither its summary nor its cover: they are its description for search engines
  // and its picture in the previews of a shared link
  function page(props, header, isPage, text) {
    var data = props.entry.get("data");
    var bodyClass = isPage ? "prose" : "prose article-body";
    return h("main", { id: "contenuto" },
      h("div", { className: "container" },
        h("article", { className: isPage ? "article page" : "article" },
          h("header", { className: "article-header" }, header),
          isPage ? null : cover(props, data),
          text.body === null ? h("div", { className: bodyClass }, text.widget)
            : converted("div", { className: bodyClass }, text.body),
          attachments(data))));
  }

  // the lead: the summary, or the text's first paragraph, converted as the site converts
  // them (Markdown, the site's apostrophes: typeset); without the text's HTML, the
  // summary as typed ("<", not the "&lt;" written for it, its apostrophes the site's),
  // shown as text
  function lead(data, text) {
    if (text.body !== null) {
      return text.lead ? converted("div", { className: "lead", key: "lead" }, text.lead)
        : null;
    }
    var summary = data.get("summary");
    return summary ? h("div", { className: "lead", key: "lead" },
      h("p", null, apostrophes(shownLessThan(summary)))) : null;
  }

  var ArticlePreview = createClass({
    render: function () {
      var props = this.props;
      var data = props.entry.get("data");
      var tags = list(data.get("tags"));
      var text = textParts(props, true);
      return page(props, [
        h("p", { className: "article-kicker", key: "kicker" },
          h("span", null, props.collection.get("label"))),
        h("h1", { key: "title" }, apostrophes(data.get("title") || "")),
        lead(data, text),
        h("div", { className: "article-meta", key: "meta" },
          h("span", { className: "meta-item" }, h("span", { className: "meta-label" },
            dateLabel(data)), " ", h("time", null, longDate(data.get("date")))),
          byline(data),
          documentsItem(data),
          text.minutes ? h("span", { className: "meta-item meta-reading-time" },
            "Tempo di lettura: " + text.minutes + "\u00a0min") : null),
        tags.length ? h("div", { className: "article-tags", key: "tags" },
          h("span", { className: "tags-label", "aria-hidden": "true" }, "Argomenti"),
          h("ul", { className: "tag-list", "aria-label": "Argomenti" },
            tags.map(function (tag) { return h("li", { key: tag }, h("a", null, tag)); })))
          : null
      ], false, text);
    }
  });

  var PagePreview = createClass({
    render: function () {
      var data = this.props.entry.get("data");
      return page(this.props, [h("h1", { key: "title" }, apostrophes(data.get("title") || ""))],
        true, textParts(this.props, false));
    }
  });

  words("data-articles").forEach(function (name) {
    CMS.registerPreviewTemplate(name, ArticlePreview);
  });
  words("data-pages").forEach(function (name) {
    CMS.registerPreviewTemplate(name, PagePreview);
  });

  admin.leadAndBody = leadAndBody;
}(window.FareLegamiAdmin));
