/* dates.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // page.js
  var script = admin.script;
  var PY_SPACE = admin.PY_SPACE;
  var strip = admin.strip;

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
  // Only a date the build reads (plugins/contract/schema.py's parse_date: its _DATE_RE,
  // datetime.fromisoformat, YEARS): one it refuses ("t" or "z" in lower case, "+02"
  // without minutes, a space before the offset, 30 February, 24:00, the year 0025) is
  // left as written, to the build, which names it; read by Date, it was shown as another
  // moment (1 March, the next day) or a year "25-06-12". Spaces as the build's: any run
  // of them (Python's whitespace: a no-break space too) is one.
  var BUILD_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|([+-])(\d{2}):?(\d{2}))?)?$/;
  var SPACES = new RegExp(PY_SPACE + "+", "g");
  var YEARS = [1900, 2999];  // schema.py's YEARS
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
    var read = typeof value === "string" && buildDate(value);
    return read && read.offset !== null ? siteClock(read.moment, " ") : value;
  }

  // The build's date of ``value`` (a date of the form, of the file, or Decap's Date) in
  // the site's clock, "2024-09-10 18:00" or the day alone "2024-09-10", or null for a
  // date the build refuses: the day of an item's address (old-addresses.js)
  function siteDate(value) {
    if (Object.prototype.toString.call(value) === "[object Date]") {
      return isNaN(value.getTime()) ? null : siteClock(value, " ");
    }
    var read = typeof value === "string" && buildDate(value);
    if (!read) {
      return null;
    }
    return read.offset !== null ? siteClock(read.moment, " ") : read.written;
  }

  // A date as the build reads it (parse_date), or null: {written: as the contract writes
  // it, "2024-06-12 10:30" or the day alone; offset: its minutes, null without one;
  // moment: the Date it names with an offset}
  function buildDate(text) {
    var parts = BUILD_DATE.exec(strip(text).replace(SPACES, " "));
    if (!parts) {
      return null;
    }
    var at = parts.slice(1, 7).map(function (part) {  // year, month, day, hour, minute,
      return Number(part || 0);  // second
    });
    // fromisoformat: hours and minutes of the offset added up ("+02:60" is +03:00), less
    // than a day
    var offset = !parts[7] ? null : parts[7] === "Z" ? 0
      : (parts[8] === "-" ? -1 : 1) * (Number(parts[9]) * 60 + Number(parts[10]));
    var clock = new Date(Date.UTC(at[0], at[1] - 1, at[2], at[3], at[4], at[5]));
    clock.setUTCFullYear(at[0]);  // Date.UTC reads 0-99 as 1900-1999
    var read = [clock.getUTCFullYear(), clock.getUTCMonth() + 1, clock.getUTCDate(),
      clock.getUTCHours(), clock.getUTCMinutes(), clock.getUTCSeconds()];
    if (at[0] < YEARS[0] || at[0] > YEARS[1] || Math.abs(offset) >= 24 * 60
      || read.join() !== at.join()) {
      return null;  // not a day or a time (30 February, 24:00), or a year the build refuses
    }
    return { offset: offset, moment: new Date(clock.getTime() - (offset || 0) * 60000),
      written: parts[1] + "-" + parts[2] + "-" + parts[3]
        + (parts[4] ? " " + parts[4] + ":" + parts[5] : "") };
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
  admin.YEARS = YEARS;
  admin.formDate = formDate;
  admin.siteDate = siteDate;
  admin.siteClock = siteClock;
}(window.FareLegamiAdmin));
