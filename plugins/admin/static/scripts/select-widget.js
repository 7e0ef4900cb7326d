/* select-widget.js – a script of the web editor, joined into admin/admin.js: how they share
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

  // --- «Stato» cannot be emptied ----------------------------------------------------
  // The «Stato» select (`status`, plugins/admin/config.py) had Decap's "×" to clear it:
  // cleared, the item was saved with `status: null`, and the build published it as if
  // the key were not there; an editor who empties the field never means "publish" (the
  // build now refuses an empty `status`, plugins/contract/schema.py). The
  // field is a required one in config.yml (its label said «Stato (opzionale)», Decap's
  // word for a field that is not, though it could not be emptied), which Decap's select
  // draws without the "×" (nor clears with Backspace); its control, for an item without
  // the key, shows the field's default, `published`, as the build reads it (the entry is
  // unchanged until the editor chooses: the file keeps no `status`), and gives Decap's
  // presence check that value (getValidateValue: an item written with git without the
  // key is not refused as "Il campo «Stato» è obbligatorio"). A file with `status:`
  // empty shows no choice; save.js refuses it until one is made (emptyStatus), in words
  // that name the choices: Decap's check is given the default for it too.
  var STATUS = "status";
  var selectWidget = CMS.getWidget && CMS.getWidget("select");
  var SelectControl = selectWidget && selectWidget.control;

  function isStatus(field) {
    return Boolean(field && field.get && field.get("name") === STATUS && !field.get("multiple"));
  }

  // A value that says nothing: null, undefined, "" or spaces
  function blank(value) {
    return value === null || value === undefined || (typeof value === "string" && !value.trim());
  }

  // Whether ``data`` (an entry's) has `status` written without a value
  function emptyStatus(data) {
    return Boolean(data && data.has && data.has(STATUS) && blank(data.get(STATUS)));
  }

  admin.emptyStatus = emptyStatus;

  if (h && createClass && SelectControl) {
    CMS.registerWidget("select", createClass({
      // (no focus method: Decap focuses the control by its id, as its own select's)
      // what Decap's presence check reads (Widget.js: this, or the value): for «Stato»
      // without a value, its default (above); another select's own value
      getValidateValue: function () {
        var value = this.props.value;
        return isStatus(this.props.field) && blank(value) ? this.props.field.get("default")
          : value;
      },
      render: function () {
        var props = this.props;
        if (isStatus(props.field)) {
          props = Object.assign({}, props, {  // (required in config.yml: no "×")
            value: props.value === undefined ? props.field.get("default") : props.value
          });
        }
        return h(SelectControl, props);
      }
    }), selectWidget.preview, selectWidget.schema);
  }
}(window.FareLegamiAdmin));
