/* dates.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // page.js
  var script = admin.script;

  // --- A date written with an offset, in the form's time ------------------------
  // The contract allows a date in ISO 8601 with an offset (2025-07-01T22:30:00+00:00),
  // which the site shows in Rome time (00:30 on 2 July). Decap's date control read the
  // clock time and left the offset out: 22:30 on 1 July shown, and a change of the day
  // saved that time as Rome's, two hours off (or a day, or a month and the address).
  // The control is given the same moment in the site's time (the form's: a date without
  // an offset is the site's clock time, in any browser), in the field's format; the file
  // keeps its value until the editor changes the date. In the browser's time, an editor
  // abroad saw another hour, and an untouched article near a month's end got its own
  // address as an old one (keptAddress), which stops the build.
  var OFFSET_DATE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2})(?::?(\d{2}))?$/i;
  var FORM_DATE = "YYYY-MM-DD HH:mm";

  function two(number) {
    return (number < 10 ? "0" : "") + number;
  }

  // the site's TIMEZONE (data-timezone): the clock time the form shows is the site's, as
  // for a date without an offset, whatever the zone of the editor's browser
  var SITE_ZONE = script.getAttribute("data-timezone") || undefined;
  var ZONE_PARTS = null;
  try {
    ZONE_PARTS = new Intl.DateTimeFormat("en-US", { timeZone: SITE_ZONE, hourCycle: "h23",
      year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
  } catch (error) {
    ZONE_PARTS = null;  // an unknown zone: the browser's
  }

  function formDate(value) {
    // a date written "…T…:…:…Z" (UTC, with its seconds) is a Date to Decap's YAML (its
    // timestamp tag), not a text: the form showed it in the browser's time, the preview
    // as Date's English text ("Sun Jun 30 2024 19:30:00 GMT-0400…"); it is written back
    // in the same form (toISOString) unless the editor changes it
    if (Object.prototype.toString.call(value) === "[object Date]") {
      return isNaN(value.getTime()) ? value : siteClock(value, " ");
    }
    var parts = typeof value === "string" && OFFSET_DATE.exec(value.trim());
    if (!parts) {
      return value;
    }
    var offset = parts[3].toUpperCase() === "Z" ? "Z" : parts[3] + ":" + (parts[4] || "00");
    var when = new Date(parts[1] + "T" + parts[2] + offset);
    if (isNaN(when.getTime())) {
      return value;
    }
    return siteClock(when, " ");
  }

  // The moment ``when`` as the site's clock shows it, "2024-09-10" + ``between`` + "18:00"
  // (the browser's clock for an unknown zone)
  function siteClock(when, between) {
    if (ZONE_PARTS) {
      var at = {};
      ZONE_PARTS.formatToParts(when).forEach(function (part) { at[part.type] = part.value; });
      return at.year + "-" + at.month + "-" + at.day + between + at.hour + ":" + at.minute;
    }
    return when.getFullYear() + "-" + two(when.getMonth() + 1) + "-" + two(when.getDate())
      + between + two(when.getHours()) + ":" + two(when.getMinutes());
  }


  // a date as the form writes it (YYYY-MM-DD HH:mm), its time optional
  var DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/;

  admin.DATE_RE = DATE_RE;
  admin.FORM_DATE = FORM_DATE;
  admin.SITE_ZONE = SITE_ZONE;
  admin.formDate = formDate;
  admin.siteClock = siteClock;
}(window.FareLegamiAdmin));
