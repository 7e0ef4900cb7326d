/* banner.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // page.js
  var script = admin.script;
  // live-region.js
  var SPEAK_LATER = admin.SPEAK_LATER;

  // --- A notice at the bottom of the page ------------------------------------------
  // What the site's build says over the editor, one component for both: the last
  // publication in production (publications.js) and, in the local preview, the build's
  // errors and warnings (preview-errors.js); a picture not pasted (paste.js) too. A box
  // at the bottom of the page, topped in red for a failure, in yellow for a warning (on
  // a pale yellow) and in blue otherwise, with its role (alert:
  // read out at once; status: when the screen reader is idle), when it has one a heading
  // that names it, and a button that closes it ("Chiudi", or the source's word). Each
  // source has one place: a new notice replaces its own, null takes it away. Built with
  // the DOM (no markup from strings) and styled through the CSSOM (the editor's policy
  // allows no inline style sheet).
  // The notices are stacked in one fixed holder (two at once were drawn over each
  // other). A fixed box covers what is under it: on a phone the publication's notice hid
  // the end of the item's form (its last field, out of reach: the notice had no close
  // button). The holder's height, watched, is the custom property --avvisi-altezza on
  // the page, and the style sheet below makes that much room at the end of what scrolls
  // (the form, the page) and keeps a control reached with Tab above the notice
  // (scroll-padding). Closed with the keyboard, the focus goes back where it was before
  // it went into the notice.
  var HOLDER_CSS = "position:fixed;left:0;right:0;bottom:0;z-index:100000;max-height:60vh;"
    + "overflow-y:auto;margin:0;padding:0";
  var BANNER_CSS = "max-height:40vh;overflow-y:auto;margin:0;padding:0.75rem 1rem;"
    + "font:16px/1.5 system-ui,sans-serif;color:#1b1b1b;background:#fff;"
    + "box-shadow:0 -2px 8px rgba(0,0,0,0.25);border-top:4px solid ";
  // Decap's own header (the collections, "Media", "Aggiunta veloce", the account) is
  // sticky at the top of the page, 56 px tall on a computer and two rows (100 px and
  // more) on a phone: Shift+Tab up the list of items, the browser scrolled each item just
  // into the window, under that header, which hid it whole (WCAG 2.4.11). Its height
  // (and RING below it), measured at each focus before the browser scrolls to it
  // (focusin comes first), is --intestazione-altezza on the page, kept clear at the top
  // by scroll-padding (0 where Decap shows no header: the item's editor).
  var ROOM_CSS = "html { scroll-padding-top: var(--intestazione-altezza, 0px);"
    + " scroll-padding-bottom: var(--avvisi-altezza, 0px); }"
    + " body { padding-bottom: var(--avvisi-altezza, 0px); }"
    + " [class*='-PreviewPaneContainer'][class*='-ControlPaneContainer'] {"
    + " padding-bottom: var(--avvisi-altezza, 0px)"
    + " !important; scroll-padding-bottom: var(--avvisi-altezza, 0px); }";
  // a warning's (preview-errors.js: the build's warnings): the site's preview panel's
  // yellow, its custom properties as the site's stylesheet sets them (its one source:
  // theme/static/css/base.css, --color-warning-edge and --color-warning-bg), which the
  // build gives the page (data-site-properties: "--color-warning-edge:…;…",
  // plugins/admin/output.py's site_properties) and which are set on it below
  var WARNED_CSS = "var(--color-warning-edge);background:var(--color-warning-bg)";
  var rootStyle = document.documentElement && document.documentElement.style;
  (script.getAttribute("data-site-properties") || "").split(";").forEach(function (pair) {
    var at = pair.indexOf(":");
    var name = pair.slice(0, at).trim();
    if (rootStyle && rootStyle.setProperty && /^--[\w-]+$/.test(name)) {
      rootStyle.setProperty(name, pair.slice(at + 1).trim());
    }
  });
  var banners = {};
  var holder = null;
  var focusedBefore = null;  // the last control focused outside the notices

  function element(tag, text, css) {
    var made = document.createElement(tag);
    if (text) {
      made.textContent = text;
    }
    if (css) {
      made.style.cssText = css;
    }
    return made;
  }

  function room(height) {
    document.documentElement.style.setProperty("--avvisi-altezza",
      Math.ceil(height) + "px");
  }

  function theHolder() {
    if (!holder) {
      holder = element("div", "", HOLDER_CSS);
      holder.className = "avvisi";
      if (typeof ResizeObserver === "function") {
        new ResizeObserver(function () {
          room(holder.isConnected ? holder.getBoundingClientRect().height : 0);
        }).observe(holder);
      }
    }
    return holder;
  }

  var HEADER = "[class*='-AppHeader-']";  // emotion's label of Decap's AppHeader
  var RING = 8;  // px below it: the focused control's outline shows too

  function headerRoom() {
    var header = document.querySelector(HEADER);
    var height = header && /^(sticky|fixed)$/.test(window.getComputedStyle(header).position)
      ? Math.max(0, header.getBoundingClientRect().bottom) + RING : 0;
    document.documentElement.style.setProperty("--intestazione-altezza",
      Math.ceil(height) + "px");
  }

  if (document.addEventListener) {  // (not in the tests' Node)
    document.addEventListener("focusin", headerRoom, true);
    document.addEventListener("focusin", function (event) {
      if (!holder || !holder.contains(event.target)) {
        focusedBefore = event.target;
      }
    });
  }

  function takeAway(box) {
    var focused = box.contains(document.activeElement);
    box.parentNode.removeChild(box);
    if (holder && !holder.firstChild) {
      holder.parentNode.removeChild(holder);
    }
    room(holder && holder.isConnected ? holder.getBoundingClientRect().height : 0);
    if (focused && focusedBefore && focusedBefore.isConnected) {
      focusedBefore.focus();
    }
  }

  // notice: {className, role, failed (red) or warned (yellow; else blue), heading (or
  // none), parts: texts and elements,
  // close: the close button's word ("Chiudi" if none), closed: called when it is used}.
  // A status (not an alert, which is read out as it arrives) is put on the page empty,
  // and given its text a moment later: a live region that arrives with its text is not
  // read out (a screen reader user never heard that a picture was not pasted).
  function banner(source, notice) {
    var old = banners[source];
    banners[source] = null;
    if (old && old.parentNode) {
      takeAway(old);
    }
    if (!notice) {
      return;
    }
    var box = element("div", "", BANNER_CSS + (notice.failed ? "#b3261e"
      : notice.warned ? WARNED_CSS : "#0b4f9c"));
    box.className = notice.className;
    box.setAttribute("role", notice.role);
    var content = document.createDocumentFragment();
    if (notice.heading) {
      var title = element("h2", notice.heading, "font-size:1.125rem;margin:0 0 "
        + (notice.parts.length ? "0.25rem" : "0"));
      title.id = notice.className + "-titolo";
      box.setAttribute("aria-labelledby", title.id);
      content.appendChild(title);
    }
    notice.parts.forEach(function (part) {
      content.appendChild(typeof part === "string" ? document.createTextNode(part) : part);
    });
    var close = element("button", notice.close || "Chiudi", "display:block;"
      + "margin-top:0.5rem;font:inherit;min-height:44px;padding:0.25rem 1rem");
    close.type = "button";
    close.addEventListener("click", function () {
      if (banners[source] === box) {
        banner(source, null);
      }
      if (notice.closed) {
        notice.closed();
      }
    });
    content.appendChild(close);
    if (notice.role === "status") {
      window.setTimeout(function () { box.appendChild(content); }, SPEAK_LATER);
    } else {
      box.appendChild(content);
    }
    theHolder().appendChild(box);
    if (!holder.isConnected) {  // put on the page with its notice: one arrival, not two
      document.body.appendChild(holder);
    }
    room(holder.getBoundingClientRect().height);  // at once; then as it changes
    banners[source] = box;
  }

  admin.addStyleSheet(ROOM_CSS);

  admin.banner = banner;
  admin.element = element;
}(window.FareLegamiAdmin));
