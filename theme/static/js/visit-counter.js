/* Visit counter: records the visit and shows "1459 visite" (GoatCounter protocol).
 *
 * Progressive enhancement: the page is complete without it. Configured by data-*
 * attributes rendered from the VISIT_COUNTER_* settings (plugins/visit_counter/README.md):
 *   on this <script>: data-endpoint, data-timeout (ms), data-respect-dnt ("false" to
 *   ignore Do Not Track / Global Privacy Control), data-count-local;
 *   on each .visit-count element: data-visit-path, data-visit-offset (visits counted
 *   before the move, added to the count), and on the article's own element
 *   data-visit-record and data-visit-title.
 * No cookies, no storage, no console output: any failure leaves the count hidden.
 * Its requests carry no cookie and no referrer (the browser's of the counter's site). */
(function () {
  "use strict";

  var config = (document.currentScript || {}).dataset || {};
  var endpoint = (config.endpoint || "").replace(/\/+$/, "");
  var timeout = +config.timeout || 4000;
  var MAX_REQUESTS = 4; // at most this many count requests at a time (listings)
  var MAX_COUNT = 1e12; // a larger "count" is not a count
  // GoatCounter's count: a whole number, plain ("1459") or in groups of three digits
  // with one of its thousands separators, the same throughout ("1 459", "1\u202f459",
  // "1.459", "14,590", "1\u2019459"). Nothing else: no sign, decimals, exponent, spaces
  // around, leading zeros or other digits.
  var COUNT_FORMAT = /^(?:0|[1-9][0-9]*|[1-9][0-9]{0,2}([ \u202f\u00a0.,\u2019'])[0-9]{3}(?:\1[0-9]{3})*)$/;
  // data-visit-offset: a plain whole number (the template writes it; anything else shows
  // nothing), at most 13 digits; the total must stay within MAX_COUNT too.
  var OFFSET_FORMAT = /^(?:0|[1-9][0-9]{0,12})$/;
  // Italian grouping as the build writes numbers (plugins/italian/numbers.py numero,
  // and cerca.js its counts with useGrouping "min2"): "1459",
  // "14.590". Not Intl.NumberFormat("it-IT"): with CLDR data before Italian's
  // minimumGroupingDigits became 2 (WebKitGTK 2.50 on Debian 12's ICU 72, older
  // Safari) it writes "1.476", and without Intl the number had no groups at all.
  function italian(number) {
    var digits = String(number);
    return number < 10000 ? digits : digits.replace(/\B(?=(?:[0-9]{3})+$)/g, ".");
  }
  var counts = {}; // path -> {elements: [...], count: number|undefined} (count as served)
  var queue = [];
  var active = 0;

  if (!endpoint || !window.fetch) return;

  // The rule of visit_path() in plugins/visit_counter: leading "/", no trailing "/",
  // no query or fragment, no final "index.html"; %xx decoded as Python's unquote does
  // (each run as UTF-8, a byte that is none as U+FFFD: "/caf%E9/" too; a byte order
  // mark kept, which TextDecoder drops at a run's start unless told not to).
  var utf8 = window.TextDecoder ? new TextDecoder("utf-8", { ignoreBOM: true }) : null;
  function unquoted(path) {
    return path.replace(/(?:%[0-9A-Fa-f]{2})+/g, function (run) {
      var bytes = run.slice(1).split("%").map(function (pair) { return parseInt(pair, 16); });
      return utf8 ? utf8.decode(new Uint8Array(bytes)) : run;
    });
  }

  function canonical(url) {
    var path = unquoted(String(url).split(/[?#]/)[0]);
    path = ("/" + path).replace(/\/{2,}/g, "/").replace(/\/index\.html$/, "").replace(/\/+$/, "");
    return path || "/";
  }

  function pathOf(element) {
    return canonical(element.getAttribute("data-visit-path") || location.pathname);
  }

  function isLocalPreview() {
    var host = location.hostname;
    return location.protocol === "file:" || host === "localhost" || /\.localhost$/.test(host) ||
      /^127\./.test(host) || host === "[::1]" || host === "0.0.0.0";
  }

  function asksNotToTrack() {
    return navigator.doNotTrack === "1" || window.doNotTrack === "1" ||
      navigator.globalPrivacyControl === true;
  }

  function record(element) {
    if (window !== window.top) return; // shown in a frame
    if (!("countLocal" in config) && isLocalPreview()) return;
    if (config.respectDnt !== "false" && asksNotToTrack()) return;
    if (document.prerendering) {
      document.addEventListener("prerenderingchange", function () { record(element); },
        { once: true });
      return;
    }
    // A page opened in a background tab is counted once the reader looks at it (as
    // GoatCounter's own count.js does): one opened and closed unread is no visit.
    if (document.visibilityState === "hidden") {
      document.addEventListener("visibilitychange", function seen() {
        if (document.visibilityState === "hidden") return;
        document.removeEventListener("visibilitychange", seen);
        record(element);
      });
      return;
    }
    var url = endpoint + "/count?p=" + encodeURIComponent(pathOf(element)) +
      "&t=" + encodeURIComponent(element.getAttribute("data-visit-title") || document.title) +
      "&rnd=" + Math.random().toString(36).slice(2, 7) + (navigator.webdriver ? "&b=153" : "");
    // Not sendBeacon, which always sends the cookies the browser holds for the counter's
    // site (an analytics cookie of the site's own domain, when the counter is
    // stats.example.org): a POST with no cookie and no referrer, like the reads, kept
    // alive if the page closes (GoatCounter answers /count with a GIF and
    // Access-Control-Allow-Origin: *); its answer read to the end, or the request stays
    // open. Refused or failed, it is not sent again (the visit may have arrived). fetch()
    // never throws: whatever goes wrong (an option a browser does not take included)
    // comes back as a rejected promise.
    fetch(url, { method: "POST", keepalive: true, credentials: "omit",
      referrerPolicy: "no-referrer" }).then(function (response) {
      return response.arrayBuffer();
    }).catch(function () {
      // network error, blocked, no CORS header: nothing to do
    });
  }

  // The visits in GoatCounter's answer: count_unique where there is one (GoatCounter
  // 2.1-2.3 gave page views as count, visits as count_unique; 1.4-2.0 only count_unique;
  // from 2.4 both are the visits), else count.
  function visits(data) {
    return typeof data.count_unique === "string" ? data.count_unique : data.count;
  }

  // The count in an answer, or -1 when it is not one (the count then stays hidden).
  function parseCount(value) {
    if (typeof value !== "string" || value.length > 24 || !COUNT_FORMAT.test(value)) return -1;
    var count = +value.replace(/[^0-9]/g, "");
    return count <= MAX_COUNT ? count : -1;
  }

  // The count the element shows: the server's plus its offset; -1 for nothing (a bad
  // offset, a total over MAX_COUNT).
  function total(element, count) {
    var offset = element.getAttribute("data-visit-offset");
    if (offset === null) return count;
    if (!OFFSET_FORMAT.test(offset)) return -1;
    var sum = count + Number(offset);
    return sum <= MAX_COUNT ? sum : -1;
  }

  // The count written, and data-visit-shown set: the separator before it (article.css)
  // shows by that attribute, as Safari restyles it at once (not by the count's text:
  // WebKit does not restyle a :has() subject when its sibling's text arrives).
  function show(element, count) {
    var shown = total(element, count);
    if (shown <= 0) return; // nothing to say: "0 visite" is never shown
    element.textContent = italian(shown) +
      (shown === 1 ? " visita" : " visite");
    element.setAttribute("data-visit-shown", "");
  }

  function load(path) {
    var entry = counts[path];
    var controller = window.AbortController ? new AbortController() : null;
    var timer = controller && setTimeout(function () { controller.abort(); }, timeout);
    active += 1;
    fetch(endpoint + "/counter/" + encodeURIComponent(path) + ".json", {
      credentials: "omit",
      referrerPolicy: "no-referrer",
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      // Read every answer to the end; a 404 with {"count": "0"} is GoatCounter's "never
      // visited": a count of 0 (shown only with an offset), any other error nothing.
      return response.json().then(function (data) {
        if (response.ok) return data;
        return response.status === 404 && data && visits(data) === "0" ? data : null;
      });
    }).then(function (data) {
      var count = parseCount(data ? visits(data) : null);
      if (count >= 0) {
        entry.count = count;
        entry.elements.forEach(function (element) { show(element, count); });
      }
    }).catch(function () {
      // network error, timeout, 403 without CORS, blocked: the count stays hidden
    }).then(function () {
      clearTimeout(timer);
      active -= 1;
      next();
    });
  }

  function next() {
    while (active < MAX_REQUESTS && queue.length) load(queue.shift());
  }

  function request(element) {
    var path = pathOf(element);
    var entry = counts[path];
    if (entry) {
      entry.elements.push(element);
      if (entry.count !== undefined) show(element, entry.count);
      return;
    }
    counts[path] = { elements: [element] };
    queue.push(path);
    next();
  }

  var elements = Array.prototype.slice.call(document.querySelectorAll(".visit-count"));
  var own = elements.filter(function (element) { return element.hasAttribute("data-visit-record"); });
  var others = elements.filter(function (element) { return own.indexOf(element) < 0; });

  own.forEach(function (element) {
    record(element);
    request(element);
  });

  // Listing items: fetched as they come into view.
  if (others.length && window.IntersectionObserver) {
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (item) {
        if (item.isIntersecting) {
          observer.unobserve(item.target);
          request(item.target);
        }
      });
    }, { rootMargin: "200px 0px" });
    others.forEach(function (element) { observer.observe(element); });
  } else {
    others.forEach(request);
  }
})();
