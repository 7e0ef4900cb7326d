/* banner.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // live-region.js
  var SPEAK_LATER = admin.SPEAK_LATER;

  // --- A notice at the bottom of the page ------------------------------------------
  // What the site's build says over the editor, one component for both: the last
  // publication in production (publications.js) and, in the local preview, the build's
  // errors (preview-errors.js). A fixed box at the bottom of the page, topped in red for a
  // failure and in blue otherwise, with its role (alert: read out at once; status: when
  // the screen reader is idle) and, when it has one, a heading that names it. Each source
  // has one place: a new notice replaces its own, null takes it away. Built with the DOM
  // (no markup from strings) and styled through the CSSOM (the editor's policy allows no
  // inline style sheet).
  var BANNER_CSS = "position:fixed;left:0;right:0;bottom:0;z-index:100000;max-height:40vh;"
    + "overflow-y:auto;margin:0;padding:0.75rem 1rem;font:16px/1.5 system-ui,sans-serif;"
    + "color:#1b1b1b;background:#fff;box-shadow:0 -2px 8px rgba(0,0,0,0.25);"
    + "border-top:4px solid ";
  var banners = {};

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

  // notice: {className, role, failed, heading (or none), parts: texts and elements}.
  // A status (not an alert, which is read out as it arrives) is put on the page empty,
  // and given its text a moment later: a live region that arrives with its text is not
  // read out (a screen reader user never heard that a picture was not pasted).
  function banner(source, notice) {
    var old = banners[source];
    if (old && old.parentNode) {
      old.parentNode.removeChild(old);
    }
    banners[source] = null;
    if (!notice) {
      return;
    }
    var box = element("div", "", BANNER_CSS + (notice.failed ? "#b3261e" : "#0b4f9c"));
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
    if (notice.role === "status") {
      window.setTimeout(function () { box.appendChild(content); }, SPEAK_LATER);
    } else {
      box.appendChild(content);
    }
    document.body.appendChild(box);
    banners[source] = box;
  }

  admin.banner = banner;
  admin.element = element;
}(window.FareLegamiAdmin));
