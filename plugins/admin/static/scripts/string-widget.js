/* string-widget.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // page.js
  var CMS = admin.CMS;
  var createClass = admin.createClass;
  var h = admin.h;
  var script = admin.script;

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

  // --- A long title is said under its field --------------------------------------
  // Past TITLE_LENGTH characters (data-title-length: the build's TITLE_WARNING_LENGTH,
  // plugins/contract/schema.py) the build and `./run check` warn "titolo lungo": lists,
  // shared links and search engines cut it. An editor who only uses the web editor never
  // saw that warning: the item's title says it under its field, in the build's words,
  // while it is too long. A warning, not a refusal: the save goes on as before.
  // Counted as the build counts it: each run of spaces one space (not the no-break
  // ones), the ends trimmed, characters (an emoji is one, not two of JavaScript's).
  var TITLE_LENGTH = parseInt(script.getAttribute("data-title-length"), 10);
  // the build's own words (data-long-title: schema.py's LONG_TITLE_MESSAGE, its Italian
  // half, "{length}" where the count goes), written there only
  var LONG_TITLE = script.getAttribute("data-long-title") || "";
  var SPACES = /[^\S\u00a0\u2007\u202f]+/g;

  function titleLength(value) {
    return typeof value === "string" ? Array.from(value.trim().replace(SPACES, " ")).length : 0;
  }

  // the item's own title (not an attachment's "title", nor a field of the text's image)
  function isItemTitle(props) {
    var fields = props.collection && props.collection.get && props.collection.get("fields");
    return Boolean(props.field && props.field.get("name") === "title" && fields
      && !props.isEditorComponent && fields.includes(props.field));
  }

  // the hint: the build's warning as a sentence, and that the save goes on
  function longTitle(length) {
    var warning = LONG_TITLE.split("{length}").join(String(length));
    return warning.charAt(0).toUpperCase() + warning.slice(1) + ". Si può salvare lo stesso.";
  }

  admin.longTitle = longTitle;
  admin.titleLength = titleLength;

  if (h && createClass && StringControl && TITLE_LENGTH > 0 && LONG_TITLE) {
    CMS.registerWidget("string", createClass({
      // the hint read out with the field (a description, not a live region: it would
      // be read again at every letter typed)
      describe: function () {
        var input = this.props.forID && document.getElementById(this.props.forID);
        if (!input) {
          return;
        }
        var hint = this.props.forID + "-lungo";
        if (titleLength(this.props.value) > TITLE_LENGTH) {
          input.setAttribute("aria-describedby", hint);
        } else if (input.getAttribute("aria-describedby") === hint) {
          input.removeAttribute("aria-describedby");
        }
      },
      componentDidMount: function () {
        if (isItemTitle(this.props)) {
          this.describe();
        }
      },
      componentDidUpdate: function () {
        if (isItemTitle(this.props)) {
          this.describe();
        }
      },
      render: function () {
        var control = h(StringControl, this.props);
        if (!isItemTitle(this.props)) {
          return control;
        }
        var length = titleLength(this.props.value);
        // the same elements whatever the length: the field is never drawn anew, and
        // keeps the caret while the hint comes and goes
        return h("div", null, control, length > TITLE_LENGTH ? h("p", {
          id: this.props.forID + "-lungo", "data-titolo-lungo": "",
          style: { margin: "6px 0 0", color: "#8a3c00", fontSize: "13px", lineHeight: 1.4 }
        }, longTitle(length)) : null);
      }
    }), stringWidget.preview, stringWidget.schema);
  }
}(window.FareLegamiAdmin));
