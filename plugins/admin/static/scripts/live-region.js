/* live-region.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  // --- Where a move by the keyboard is announced -----------------------------------
  // What a move by the keyboard did, for screen readers (dnd-kit's region is React's).
  // A live region is read out when its text changes, not when it arrives with its text
  // (screen readers start listening to it once it is on the page): made when a list is
  // drawn, empty, before any move; one made by the move itself speaks a moment later.
  var moved = null;
  var SPEAK_LATER = 150;  // ms: a region just put on the page, registered by then
  // hidden from sight, read by screen readers (the site's .visually-hidden, base.css: the
  // editor's page has no site style sheet); a link's words for screen readers too
  // (preview-errors.js)
  var VISUALLY_HIDDEN = "position:absolute;width:1px;height:1px;overflow:hidden;"
    + "clip:rect(0 0 0 0);white-space:nowrap";

  function liveRegion() {
    if (moved || !document.body) {
      return false;
    }
    moved = document.createElement("div");
    moved.setAttribute("role", "status");
    moved.style.cssText = VISUALLY_HIDDEN;
    document.body.appendChild(moved);
    return true;
  }

  function announce(text) {
    if (liveRegion()) {
      window.setTimeout(function () { moved.textContent = text; }, SPEAK_LATER);
    } else {
      moved.textContent = text;
    }
  }

  admin.SPEAK_LATER = SPEAK_LATER;
  admin.VISUALLY_HIDDEN = VISUALLY_HIDDEN;
  admin.announce = announce;
  admin.liveRegion = liveRegion;
}(window.FareLegamiAdmin));
