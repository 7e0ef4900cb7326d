/* typed-fields.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS || !admin.h || !admin.createClass) {
    return;  // not the web editor's page, or no h() to draw with (page.js)
  }

  // page.js
  var CMS = admin.CMS;
  var createClass = admin.createClass;
  var h = admin.h;
  // site-images.js
  var previewImages = admin.previewImages;
  var shownAssets = admin.shownAssets;
  // less-than.js
  var shownLessThan = admin.shownLessThan;
  var typedLessThan = admin.typedLessThan;
  // markdown-blocks.js
  var spacedBlocks = admin.spacedBlocks;
  // table-alignment.js
  var itemKey = admin.itemKey;
  var rememberAlignments = admin.rememberAlignments;

  // --- The text and the summary as typed -------------------------------------
  // The text and the summary (the fields written by typedLessThan on save) reach Decap's
  // controls and the text's preview that way; the file keeps its value until the editor
  // changes the field. Decap's rich-text editor reads its value once, when the item
  // opens; the summary's box at every change.
  var TYPED_FIELDS = { body: true, summary: true };

  function typedField(props) {
    return Boolean(props.field && TYPED_FIELDS[props.field.get("name")]
      && !props.isEditorComponent);
  }

  // what the save will write, shown as typed: "<entro il 5 maggio>" unsaved was read as
  // an element by the preview's Markdown (and left out); an <img src="{static}/…"> from
  // the site
  function previewMarkdown(value) {
    return previewImages(shownLessThan(typedLessThan(value), "\\<"));
  }

  var MarkdownPreview = null;  // Decap's own preview of the markdown widget

  ["markdown", "text"].forEach(function (name) {
    var widget = CMS.getWidget && CMS.getWidget(name);
    var Control = widget && widget.control;
    var Preview = widget && widget.preview;
    if (!Control) {
      return;
    }
    if (name === "markdown") {
      MarkdownPreview = Preview;
    }
    var spec = {
      render: function () {
        var self = this;
        var value = this.props.value;
        if (typedField(this.props)) {
          if (name === "markdown") {  // a table's alignment, which Decap's save loses
            rememberAlignments(itemKey(this.props.entry), value);
          }
          value = shownLessThan(name === "markdown" ? spacedBlocks(value) : value);
        }
        return h(Control, Object.assign({}, this.props, {
          value: value,
          ref: function (control) { self.control = control; }
        }));
      }
    };
    // what Decap asks of the control, asked of its own (the text's shouldComponentUpdate:
    // always, for its height; the markdown's focus, on a refused save): without one, Decap
    // compares the value, or focuses the field by its id
    ["shouldComponentUpdate", "focus"].forEach(function (method) {
      if (Control.prototype && Control.prototype[method]) {
        spec[method] = function () {
          return this.control ? this.control[method].apply(this.control, arguments) : true;
        };
      }
    });
    CMS.registerWidget(name, createClass(spec), Preview && name === "markdown" ? createClass({
      render: function () {
        var value = this.props.value;
        if (typedField(this.props) && typeof value === "string") {
          value = previewMarkdown(value);
        }
        return h(Preview, Object.assign({}, this.props, { value: value }));
      }
    }) : Preview, widget.schema);
  });

  // The image fields' control (the cover's, the text's image's box): its image from
  // where it is (siteImage). Decap asks the control whether to draw it again (its own
  // shouldComponentUpdate: an image taken in the media library reaches it that way):
  // asked of Decap's control, with the same props it is given.
  var imageWidget = CMS.getWidget && CMS.getWidget("image");
  var ImageControl = imageWidget && imageWidget.control;

  function imageProps(props) {
    return Object.assign({}, props, { getAsset: shownAssets(props.getAsset, props.entry) });
  }

  if (ImageControl) {
    var imageSpec = {
      render: function () {
        var self = this;
        return h(ImageControl, Object.assign(imageProps(this.props), {
          ref: function (control) { self.control = control; }
        }));
      }
    };
    if (ImageControl.prototype && ImageControl.prototype.shouldComponentUpdate) {
      imageSpec.shouldComponentUpdate = function (nextProps) {
        return this.control
          ? this.control.shouldComponentUpdate(imageProps(nextProps)) : true;
      };
    }
    if (ImageControl.prototype && ImageControl.prototype.focus) {
      imageSpec.focus = function () {
        return this.control && this.control.focus.apply(this.control, arguments);
      };
    }
    CMS.registerWidget("image", createClass(imageSpec), imageWidget.preview,
                       imageWidget.schema);
  }

  admin.MarkdownPreview = MarkdownPreview;
  admin.previewMarkdown = previewMarkdown;
}(window.FareLegamiAdmin));
