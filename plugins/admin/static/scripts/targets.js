/* targets.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // --- Decap's small buttons: 24 × 24 px at least, on any screen -------------------
  // On a computer Decap's "Adesso", "Pulisci", "Aggiungi allegato", "Aggiungi indirizzo
  // precedente" were 18 px tall, "Scegli un'immagine" and "Scegli un file" 21, a list
  // item's drag handle 18 × 26, the Markdown switch 40 × 20, the close button of its
  // notices 14 × 19: WCAG 2.5.8 (Target Size, Minimum) passed only by the space around
  // them. Each is at least 24 × 24 CSS px (small-screens.js makes them 44 on a phone,
  // its rules after these). Decap's class names carry its components' names (emotion's
  // labels), matched by their suffix; tests/test_admin_browser.py measures them.
  // A constructed style sheet (admin.addStyleSheet, page.js): no <style> element.
  admin.addStyleSheet("#nc-root button[class*='-widget'],"
    + " #nc-root button[class*='-FileWidgetButton'] { min-height: 24px; }"
    + " #nc-root [class*='-TopBarButton'], #nc-root [aria-describedby^='DndDescribedBy'] {"
    + " min-width: 24px; min-height: 24px; display: inline-flex; align-items: center;"
    + " justify-content: center; }"
    + " #nc-root [class*='-ToolbarToggle'] > button { min-height: 24px; }"
    + " .Toastify__close-button { min-width: 24px; min-height: 24px; display: flex;"
    + " align-items: center; justify-content: center; }");
}(window.FareLegamiAdmin));
