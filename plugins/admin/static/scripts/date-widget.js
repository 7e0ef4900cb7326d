/* date-widget.js – a script of the web editor, joined into admin/admin.js: how they share
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
  // dates.js
  var FORM_DATE = admin.FORM_DATE;
  var formDate = admin.formDate;
  var siteClock = admin.siteClock;

  // --- A date at midnight is the day alone ---------------------------------------
  // The site shows a date written without a time (2025-03-14) as the day alone, and one
  // with a time, even 00:00, with it ("ore 00:00"). The form's date input always has a
  // time: an item dated by its day whose date was changed here was saved as
  // "2025-03-15 00:00", and the site showed "ore 00:00", a time nobody meant. A date of
  // the form at exactly 00:00 is saved (and previewed) as the day alone: the same moment,
  // midnight, for when the item is published and how it is ordered.
  var MIDNIGHT = /^(\d{4}-\d{2}-\d{2})[T ]00:00$/;

  function dayAlone(value) {
    var parts = typeof value === "string" && MIDNIGHT.exec(value.trim());
    return parts ? parts[1] : value;
  }

  var dateWidget = CMS.getWidget && CMS.getWidget("datetime");
  var DateControl = dateWidget && dateWidget.control;
  // "Now" (a new item's date, "{{now}}", and the field's "Adesso" button) in the site's
  // time as well: Decap takes the browser's clock, so a browser set to another zone dated
  // a new item hours off, read as Rome time by the build; one ahead of Rome (Athens, an
  // hour) scheduled it, held back until the next morning's build.
  var decapNow = DateControl && DateControl.prototype && DateControl.prototype.getNow;
  if (typeof decapNow === "function") {
    DateControl.prototype.getNow = function () {
      if (this.props.field.get("format") !== FORM_DATE || this.isUtc) {
        return decapNow.call(this);
      }
      return siteClock(new Date(), "T");  // the date input's own form, as Decap's
    };
  }
  if (h && createClass && DateControl) {
    CMS.registerWidget("datetime", createClass({
      render: function () {
        var value = this.props.value;
        if (this.props.field.get("format") === FORM_DATE) {
          value = formDate(value);
        }
        return h(DateControl, Object.assign({}, this.props, { value: value }));
      }
    }), dateWidget.preview, dateWidget.schema);
  }

  admin.dayAlone = dayAlone;
}(window.FareLegamiAdmin));
