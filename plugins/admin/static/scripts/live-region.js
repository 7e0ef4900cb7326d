/*
 * live-region.js – one of the web editor's own scripts (plugins/admin), joined by the
 * build into admin/admin.js in the order of output.py's SCRIPTS: it takes what it
 * uses of the others from window.FareLegamiAdmin, and puts there what they use of
 * it (page.js).
 */
(function (admin) {
  "use strict";

  // --- Where a move by the keyboard is announced -----------------------------------
  // What a move by the keyboard did, for screen readers (dnd-kit's region is React's).
  // A live region is read out when its text changes, not when it arrives with its text
  // (screen readers start listening to it once it is on the page): made when a list is
  // drawn, empty, before any move; one made by the move itself speaks a moment later.
  var moved = null;
  var SPEAK_LATER = 150;  // ms: a region just put on the page, registered by then

  function liveRegion() {
    if (moved || !document.body) {
      return false;
    }
    moved = document.createElement("div");
    moved.setAttribute("role", "status");
    moved.style.cssText = "position:absolute;width:1px;height:1px;overflow:hidden;"
      + "clip:rect(0 0 0 0);white-space:nowrap";
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
  admin.announce = announce;
  admin.liveRegion = liveRegion;
}(window.FareLegamiAdmin));
