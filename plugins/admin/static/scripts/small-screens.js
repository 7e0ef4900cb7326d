/* small-screens.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // --- The item's form on a phone, a tablet, a page zoomed in --------------------------
  // Decap lays out its item editor for a computer: the editor and its toolbar are at
  // least 800 px wide (EditorContainer, ToolbarContainer: min-width), the form and the
  // preview side by side. On a phone (390 px), a tablet held upright (768 px) or a laptop
  // at 200 % zoom (640 px) the page scrolled sideways: "Pubblica" was off the screen,
  // the date's "Pulisci" cut off by the form's edge (out of reach), the form half of the
  // page. Below 800 px (the width Decap needs) the editor takes the screen's width; its
  // toolbar is in the flow above the form and wraps (the back link on a line of its own
  // on a phone, the buttons and the avatar on the next; after a save "Salvato", "Cancella
  // voce", "Apri il sito"), without the site's address; the preview pane and its buttons
  // (eye, scroll sync) are left out, the form needs the whole width (the guide: the
  // preview needs a wider screen); "Adesso" and "Pulisci" go under the date when they do
  // not fit beside it, and the text's "Testo formattato / Markdown" switch under its
  // buttons (beside them, it left them a column, one button a line); every field's text
  // is 16 px (iOS Safari zooms the page in on a field under 16 px, Decap's are 15 px);
  // Decap's small buttons are large enough for a finger (WCAG 2.5.8: 24 × 24 CSS px at
  // least; Decap's "Adesso", "Pulisci", "Aggiungi allegato" were 18 px tall, the image's
  // and file's 21, a list item's drag handle 18 × 26, the close button of Decap's own
  // notices, at the top, 14 × 19): 44 px tall for the widgets' buttons (the date's, the
  // list's, the image's and file's), 44 × 44 for a list item's handle and buttons and
  // that close button, 24 px for the text's Markdown switch.
  // Decap's class names carry its components' names (emotion's labels:
  // css-<hash>-EditorContainer), matched by their suffix;
  // tests/test_admin_browser.py (step 15) checks the layout in Decap's own build.
  // A constructed style sheet (admin.addStyleSheet, page.js): no <style> element.
  var WIDTH = "799.98px";
  var CSS = "@media (max-width: " + WIDTH + ") {"
    + " [class*='-EditorContainer'] { min-width: 0 !important; display: flex;"
    + " flex-direction: column; padding-top: 0 !important; }"
    + " [class*='-EditorContainer'] > [class*='-ToolbarContainer'] { position: relative;"
    + " min-width: 0 !important; height: auto !important; min-height: 66px;"
    + " flex: none; flex-wrap: wrap; }"
    + " [class*='-EditorContainer'] > [class*='-ToolbarContainer'] > * {"
    + " height: auto !important; min-height: 56px; }"
    + " [class*='-EditorContainer'] > [class*='-ToolbarContainer'] > a {"
    + " flex: 1 1 240px; min-width: 0; padding: 0 10px; }"
    + " [class*='-EditorContainer'] [class*='-ToolbarSectionMain'] { flex: 1 1 180px;"
    + " min-width: 0; flex-wrap: wrap; align-content: center; }"
    + " [class*='-EditorContainer'] [class*='-ToolbarSectionMeta'] { flex: none; }"
    + " [class*='-EditorContainer'] [class*='-ToolbarSubSection'] { flex-wrap: wrap; }"
    + " [class*='-EditorContainer'] [class*='-AppHeaderSiteLink'] { display: none; }"
    + " [class*='-EditorContainer'] > [class*='-Editor'] { flex: 1 1 0; min-height: 0;"
    + " width: 100%; height: auto !important; }"
    + " [class*='-StyledSplitPane'] > .Pane1 { width: 100% !important; }"
    + " [class*='-StyledSplitPane'] > .Pane2, [class*='-StyledSplitPane'] > .Resizer,"
    + " [class*='-ViewControls'] { display: none !important; }"
    + " [class*='-DateTimeControl'] { flex-wrap: wrap; row-gap: 8px; }"
    + " [class*='-ControlPaneContainer'] [class*='-ToolbarContainer'] { flex-wrap: wrap;"
    + " row-gap: 8px; }"
    + " input, textarea, select, [contenteditable='true'] { font-size: 16px !important; }"
    + " #nc-root button[class*='-widget'], #nc-root button[class*='-FileWidgetButton'] {"
    + " min-height: 44px; }"
    + " #nc-root [class*='-StyledListItemTopBar'] { min-height: 44px; }"
    + " #nc-root [class*='-TopBarButton'], #nc-root [aria-describedby^='DndDescribedBy'] {"
    + " min-width: 44px; min-height: 44px; display: inline-flex; align-items: center;"
    + " justify-content: center; }"
    + " #nc-root [class*='-ToolbarToggle'] > button { min-height: 24px; }"
    + " .Toastify__close-button { min-width: 44px; min-height: 44px; display: flex;"
    + " align-items: center; justify-content: center; }"
    + " }";

  admin.addStyleSheet(CSS);
}(window.FareLegamiAdmin));
