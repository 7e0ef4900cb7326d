/* drag.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  // --- The lists' drag and drop, for screen readers, in Italian --------------------
  // Decap's lists (attachments, old addresses) are reordered with dnd-kit, whose
  // hidden instructions ("To pick up a draggable item, press the space bar…") and
  // announcements ("Picked up draggable item 3.") are not among Decap's phrases: a
  // screen reader read them in English. They are rewritten where dnd-kit puts them
  // (elements with an id starting "DndDescribedBy" and "DndLiveRegion"). Decap gives
  // dnd-kit no keyboard (its sensors are the mouse's and touch's): the space bar did
  // nothing, and the up and down arrows move an item here (the list widget, list-widget.js),
  // as do the item's ↑ and ↓ buttons (control-names.js).
  var DRAG_TEXTS = [
    [/^\s*To pick up a draggable item, press the space bar\.[\s\S]*$/,
      "Per spostare una voce dell'elenco usa i suoi pulsanti ↑ e ↓ o i tasti freccia su"
      + " e giù, oppure trascinala con il mouse."],
    [/^Picked up draggable item .*$/, "Voce presa."],
    [/^Draggable item .* was moved over droppable area .*$/, "Voce spostata."],
    [/^Draggable item .* is no longer over a droppable area\.?$/, "Voce fuori dall'elenco."],
    [/^Dragging was cancelled\..*$/, "Spostamento annullato."],
    [/^Draggable item .* was dropped.*$/, "Voce lasciata nella nuova posizione."]
  ];
  var DRAG_IDS = '[id^="DndDescribedBy"], [id^="DndLiveRegion"]';

  function italianDrag(element) {
    var text = element.textContent;
    DRAG_TEXTS.some(function (pair) {
      if (pair[0].test(text)) {
        element.textContent = pair[1];  // no longer English: not matched again
        return true;
      }
      return false;
    });
  }

  function watchDrag(element) {
    if (element.dataset.italiano) {
      return;
    }
    element.dataset.italiano = "1";
    italianDrag(element);
    new MutationObserver(function () { italianDrag(element); })
      .observe(element, { childList: true, characterData: true, subtree: true });
  }

  admin.DRAG_IDS = DRAG_IDS;
  admin.watchDrag = watchDrag;
}(window.FareLegamiAdmin));
