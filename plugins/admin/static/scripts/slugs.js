/* slugs.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // page.js
  var script = admin.script;
  var words = admin.words;
  // link-addresses.js
  var unescaped = admin.unescaped;
  // published-files.js
  var CONTENT = admin.CONTENT;

  // --- A new title must not take another item's address ------------------------
  // The site's address of an item ends with its slug: its `slug`, else its title's
  // (plugins/italian/slugs.py). Two articles (or two pages) with one slug stop the
  // build, even months apart ("Chiusura estiva" again next year), and the editor saw
  // "Voce salvata". Before a save the slug is made here as the site makes it and looked
  // up among the published items' (slugs.json, written by the build): another item's
  // refuses the save, and so does a title that gives no slug at all (emoji only: Decap
  // saved it as "2025-05-05-.md", the build refused it).
  // Only a title this script folds exactly as the site does (unidecode, then the site's
  // substitutions) is checked: ASCII, the accented letters of Latin-1, typographic
  // apostrophes and dashes. Any other character (a symbol unidecode spells out or the
  // site leaves out, such as "°" or "€", quotes it glues words with, another script,
  // markup) leaves the title to the build: a slug made otherwise here would refuse a
  // good title, or give an unchanged item its own address as an old one, which stops
  // the build. Whether a title gives no slug at all is judged for any title, though
  // (LETTERLESS, below).
  var MODELLED = /^[\x20-\x7e\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u2018\u2019\u2013\u2014]*$/;
  var FOLD = { "ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "ð": "d", "Ð": "D",
    "þ": "th", "Þ": "Th" };
  var APOSTROPHES = /[\u2018\u2019]/g;
  var DASHES = /[\u2013\u2014]/g;
  // emoji (outside the BMP; not the enclosed letters 🅰…, which unidecode spells), their
  // variation selector, joiner and skin tones: nothing, as unidecode makes them
  var PICTOGRAPHS = /[\ufe0f\u200d\u{1F3FB}-\u{1F3FF}]|(?![\u{1F100}-\u{1F1FF}])(?=\p{Extended_Pictographic})[\u{10000}-\u{10FFFF}]/gu;
  var COMBINING = /\p{M}/gu;
  var SLUG_MAX = 80;
  // what html.unescape may read as a character reference ("&amp", "&#38", "&nbsp;")
  var REFERENCE_LIKE = /&(?:#[xX][0-9a-fA-F]|#[0-9]|[A-Za-z0-9])/;

  // A text made only of the characters of which the site's slug keeps nothing, as
  // unidecode spells them (punctuation, symbols, emoji, "\u2800", "\ufffd": the page's
  // data-letterless, from the build's own unidecode, up to U+1FFFF): it has no slug,
  // whatever its characters. Each character is judged alone, as unidecode does.
  var LETTERLESS = new RegExp("^[" + words("data-letterless").map(function (range) {
    return "\\u{" + range.split("-").join("}-\\u{") + "}";
  }).join("") + "]*$", "u");
  // the symbols the site makes word breaks as typed ("Avviso n° 3": avviso-n-3), before
  // it decodes the references ("&deg;" is spelled "deg"): the page's data-spelled-symbols
  var SPELLED_SYMBOLS = new RegExp(script.getAttribute("data-spelled-symbols") || "$^", "gu");

  function siteSlug(title) {
    var text = String(title || "").replace(SPELLED_SYMBOLS, " ");
    // the site's slugify reads a title as HTML (Markup's striptags decodes its character
    // references: "&nbsp;", "&amp;", "&#x2800;" and "&#0;", which is "\ufffd"), then
    // NFKC-normalises it
    var referenced = REFERENCE_LIKE.test(text);
    var plain = referenced ? unescaped(text) : text;
    // (a character newer than the build's Unicode that the browser's NFKC makes a letter
    // is none to the build, which refuses the title: left to it, as before)
    if (plain !== null && LETTERLESS.test(plain.normalize("NFKC"))) {
      return "";  // the build's "dal titolo non si ricava un indirizzo"
    }
    if (referenced) {
      // a title with a reference and something to read: left to the build, as before
      return null;
    }
    text = text.normalize("NFKC").replace(PICTOGRAPHS, "");
    if (!MODELLED.test(text) || /<|>/.test(text)) {
      return null;  // not folded here as the site folds it: the build checks it
    }
    return folded(text);
  }

  // ``text`` (MODELLED) folded as the site folds it
  function folded(text) {
    text = text.replace(APOSTROPHES, "'").replace(DASHES, "-");
    var letters = "";
    for (var index = 0; index < text.length; index += 1) {
      var char = text[index];
      letters += FOLD[char] || char.normalize("NFKD").replace(COMBINING, "");
    }
    var slug = letters.replace(/['`]/g, " ").replace(/[^\w\s-]/g, "").replace(/_/g, " ")
      .trim().replace(/[-\s]+/g, "-").replace(/^-+|-+$/g, "").toLowerCase();
    if (slug.length > SLUG_MAX) {
      var cut = slug.slice(0, SLUG_MAX + 1);
      slug = cut.indexOf("-") >= 0 ? cut.slice(0, cut.lastIndexOf("-")) : slug.slice(0, SLUG_MAX);
    }
    return slug;  // "": a title of emoji or punctuation only, which the build refuses too
  }

  // --- A new item's file is named as the site names its address ----------------
  // Decap names a new item's file from its title with its own slug (config.py's
  // ARTICLE_FILE and "{{slug}}"), which drops a straight apostrophe: «L'università apre…»
  // was 2026-12-01-luniversita-apre.md, where the site makes the apostrophe a word break
  // (l-universita-apre: the page's address, and the name `./run new` gives). A
  // typographic apostrophe is a word break to Decap too (config.yml's slug, its
  // sanitize_replacement "-"), so a new item's title is saved with the apostrophes of
  // its elisions typographic, as the site shows them anyway (plugins/italian/
  // typography.py, fix_apostrophes' _ELISION: after a letter, before a letter, a digit,
  // a space, a quote or the end). Its slug, the site's, is the same either way.
  var ELISION = /(\p{L})'(?=[\p{L}\p{N}_\s"\u201c\u00ab]|$)/gu;

  // ``title`` with its elisions' apostrophes typographic (save.js, a new item)
  function elided(title) {
    return typeof title === "string" ? title.replace(ELISION, "$1\u2019") : title;
  }

  // ``text`` with its apostrophes as the site typesets them (typography.py's
  // fix_apostrophes: the elisions above; a year's, "anni '80", after a space, "(", a
  // dash, a slash or nothing, before two or three digits; a quote opened right after an
  // elision, l’"estate", is an opening one, l’“estate): the preview's title, lead and
  // text (previews.js), as the site shows them
  var YEAR = /(?<![^\s(\-\u2013/])'(?=\p{Nd}{2,3}(?![\p{L}\p{N}_]))/gu;
  var QUOTE_AFTER_ELISION = /\u2019"(?=[\p{L}\p{N}_])/gu;

  function apostrophes(text) {
    if (typeof text !== "string" || text.indexOf("'") < 0) {
      return text;
    }
    return text.replace(ELISION, "$1\u2019").replace(YEAR, "\u2019")
      .replace(QUOTE_AFTER_ELISION, "\u2019\u201c");
  }

  var PAGE_COLLECTIONS = words("data-pages");

  // slugs.json, read again at each save: the site is built again after a save (a session
  // lasts hours), and an item retitled twice must keep the address the build gave it
  // in between (read once per session, the file still gave the first one)
  function publishedItems() {
    return fetch("slugs.json", { cache: "no-cache" }).then(function (response) {
      return response.ok ? response.json() : {};
    }).catch(function () {
      return {};
    });
  }

  // The item's file, as a path from the content folder ("" for a new item)
  function ownFile(entry) {
    var own = String(entry.get("path") || "").replace(/^\/+/, "");
    return own.indexOf(CONTENT) === 0 ? own.slice(CONTENT.length) : own;
  }

  // The item as the build knows it: its kind's slugs, its file, its slug then, its new one
  function itemOf(slugs, entry, data) {
    var page = PAGE_COLLECTIONS.indexOf(entry.get("collection")) >= 0;
    var items = (slugs && slugs[page ? "pages" : "articles"]) || {};
    var own = ownFile(entry);
    return {
      page: page, items: items, own: own,
      before: Object.keys(items).filter(function (slug) { return items[slug] === own; })[0],
      slug: String(data.get("slug") || "").trim() || siteSlug(data.get("title"))
    };
  }

  // The items deleted in this session ("Cancella voce"), by their file: slugs.json lists
  // them until the next build. An editor who moves an item to another category (Decap
  // cannot: the item is deleted and written again in the other collection, with its
  // title, to keep its address) was refused, the deleted file named as the one
  // holding the address, and told to change the title: the address would change.
  // (Filled by Decap's "postUnpublish" event: saved-items.js.)
  var DELETED = {};

  function takenBy(slugs, entry, data) {
    var item = itemOf(slugs, entry, data);
    var other = item.slug && Object.prototype.hasOwnProperty.call(item.items, item.slug)
      && item.items[item.slug];
    return other && other !== item.own && !DELETED[other]
      ? { slug: item.slug, file: other, page: item.page, elsewhere:
        other.split("/")[0] !== entry.get("collection") } : null;
  }

  // The drafts, hidden and scheduled items take a slug too (a new title with a draft's
  // slug stopped the build as well), but slugs.json gives theirs only as digests: 16 hex
  // digits of the sha256 of the slug and of the file (plugins/admin/output.py, private),
  // which tell equal from not and nothing more. Made here the same way; null where the
  // browser has no SubtleCrypto (a page neither on https nor from this machine).
  function privateDigest(text) {
    if (typeof crypto === "undefined" || !crypto.subtle || typeof TextEncoder === "undefined") {
      return Promise.resolve(null);
    }
    return crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)).then(function (sum) {
      return Array.prototype.map.call(new Uint8Array(sum), function (byte) {
        return (byte < 16 ? "0" : "") + byte.toString(16);
      }).join("").slice(0, 16);
    });
  }

  // A promise of whether an item the site does not publish has the item's slug (not
  // the item itself, nor one deleted in this session)
  function takenByUnpublished(slugs, entry, data) {
    var item = itemOf(slugs, entry, data);
    var others = (slugs && slugs.unpublished
      && slugs.unpublished[item.page ? "pages" : "articles"]) || {};
    if (!item.slug || !Object.keys(others).length) {
      return Promise.resolve(false);
    }
    var files = [item.own].concat(Object.keys(DELETED));
    return Promise.all([item.slug].concat(files).map(privateDigest)).then(function (found) {
      var other = found[0] && Object.prototype.hasOwnProperty.call(others, found[0])
        && others[found[0]];
      return Boolean(other) && found.slice(1).indexOf(other) < 0;
    });
  }

  admin.DELETED = DELETED;
  admin.apostrophes = apostrophes;
  admin.elided = elided;
  admin.itemOf = itemOf;
  admin.ownFile = ownFile;
  admin.publishedItems = publishedItems;
  admin.siteSlug = siteSlug;
  admin.takenBy = takenBy;
  admin.takenByUnpublished = takenByUnpublished;
}(window.FareLegamiAdmin));
