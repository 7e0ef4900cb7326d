/* old-addresses.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // page.js
  var script = admin.script;
  // dates.js
  var siteDate = admin.siteDate;
  // slugs.js
  var itemOf = admin.itemOf;

  // --- A changed title or month keeps the old address working --------------------
  // A published item's address is made of its slug (from its title when there is no
  // `slug`) and, for an article, the year and month of its date (ARTICLE_URL): a
  // corrected title or a date moved to another month moved the item, and its old
  // address (in bookmarks, social posts, other sites, search engines) led to "pagina
  // non trovata". The old address is added to the item's old addresses
  // (plugins/redirects: a page there leads to the new one), as the guide asks of who
  // edits the file; an old address that is the new one again (the title changed back)
  // leaves the list. The new address is made from the site's patterns (data-article-url,
  // data-page-url), the date as the build reads it (siteDate); one with other fields than
  // {slug} and {date:%Y|%m|%d}, or of a date the build refuses, is not checked.
  var OLD_ADDRESSES = script.getAttribute("data-old-addresses") || "";
  var URL_PATTERNS = { article: script.getAttribute("data-article-url") || "",
    page: script.getAttribute("data-page-url") || "" };
  var FORM_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})/;

  function addresses(value) {
    if (!value) {
      return [];
    }
    return typeof value === "string" ? [value] : (value.toJS ? value.toJS() : [].concat(value));
  }

  function addressOf(pattern, slug, date) {
    var day = FORM_DATE_RE.exec(siteDate(date) || "");
    var known = Boolean(pattern && slug);
    var path = pattern.replace(/\{(\w+)(?::([^}]*))?\}/g, function (match, name, spec) {
      if (name === "slug" && !spec) {
        return slug;
      }
      var part = name === "date" && day && { "%Y": day[1], "%m": day[2], "%d": day[3] }[spec];
      known = known && Boolean(part);
      return part || match;
    });
    return known ? "/" + path : null;
  }

  function keptAddress(slugs, entry, data) {
    var item = itemOf(slugs, entry, data);
    var address = item.before && ((slugs && slugs.addresses) || {})[item.own];
    var now = address && addressOf(URL_PATTERNS[item.page ? "page" : "article"], item.slug,
      data.get("date"));
    if (!OLD_ADDRESSES || !now) {
      return data;
    }
    // the address it has again (a title changed back before the next build, which
    // writes slugs.json) leaves the list: an item's own address there stops the build
    var listed = addresses(data.get(OLD_ADDRESSES));
    var old = listed.filter(function (each) {
      return String(each).trim() !== now;
    });
    if (now === address && old.length === listed.length) {
      return data;
    }
    if (now !== address && old.indexOf(address) < 0) {
      old.push(address);
    }
    return data.set(OLD_ADDRESSES, old);
  }

  admin.OLD_ADDRESSES = OLD_ADDRESSES;
  admin.URL_PATTERNS = URL_PATTERNS;
  admin.addressOf = addressOf;
  admin.addresses = addresses;
  admin.keptAddress = keptAddress;
}(window.FareLegamiAdmin));
