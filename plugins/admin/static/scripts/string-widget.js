/* string-widget.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // page.js
  var CMS = admin.CMS;

  // --- A one-line field keeps the editor's selection ------------------------------
  // Decap's one-line fields (title, author, slug, descriptions) put the caret back where
  // the last change left it whenever they are drawn again, a selection included: Tab
  // (or a click) back into a title typed before selects it all, the field is drawn
  // again as it takes the focus, the selection became the old caret, and the new title
  // typed to replace it was added to the old one ("FestaSagra"). A selection is left as
  // the editor made it; a caret is put back as before (Decap's fix for fields inside
  // the text's components, whose caret jumped to the end).
  var stringWidget = CMS.getWidget && CMS.getWidget("string");
  var StringControl = stringWidget && stringWidget.control;
  var keepCaret = StringControl && StringControl.prototype
    && StringControl.prototype.componentDidUpdate;
  if (keepCaret) {
    StringControl.prototype.componentDidUpdate = function () {
      var input = this._el;
      if (input && input.selectionStart !== input.selectionEnd) {
        return;  // a selection: the editor's
      }
      return keepCaret.apply(this, arguments);
    };
  }
}(window.FareLegamiAdmin));
