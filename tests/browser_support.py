"""Helpers of the browser tests: Chromium, a compressing file server, axe-core.

- :func:`launch`, :func:`chromium`: Debian's Chromium through Playwright, with the
  suite's flags (:data:`TEST_HOSTS`: site.test and counter.test on loopback).
- :class:`SiteServer`: a built site served on loopback as a web server would serve it
  compressed: for a client accepting gzip, a precompressed ``x.gz`` beside ``x`` is
  sent when there is one, else text (HTML, CSS, JS, SVG, XML, JSON) is gzipped on
  the fly (level 9, no time stamp: the same bytes every time). Fonts, images and PDFs
  are sent as they are, like nginx's ``gzip_types``. Paths under ``hold`` wait for
  :meth:`SiteServer.release` (tests of what happens while images are on their way);
  ``headers`` go with every file (a Content-Security-Policy to run the site under).
- :func:`visit_counter`, :func:`served_project_site`: a local visit counter for a
  served build; the project's own content built with it.
- :func:`wait_until`: polls a condition while the page runs, up to a generous timeout
  (a loaded CI machine is slow; a passing test does not wait for it).
- :func:`goto_in_theme_font` (:func:`settle_fonts`, :func:`drawn_in_theme_font`): a
  page loaded, again while its text is not drawn in the theme's font (``font-display:
  optional``: a font file late on a loaded machine leaves a page in the fallback font
  for the whole visit, and layout measures taken then are the fallback's).
- :func:`ring_sides`, :func:`ring_changes`: what the focused element's focus ring
  (base.css) changes on screen, from screenshots with and without it: each side's
  share of the band it should cover; every pixel it changes.
- :func:`run_axe`: axe-core (``tests/axe``, from npm, pinned by its
  package-lock.json) run in a page. It is injected with ``page.evaluate``, which a
  Content-Security-Policy does not block (``add_script_tag`` would insert an inline
  script, which a strict CSP refuses).
"""

import contextlib
import functools
import gzip
import io
import mimetypes
import sys
import textwrap
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from PIL import Image, ImageChops

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
AXE_JS = Path(__file__).resolve().parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml",
                "application/atom+xml", "application/rss+xml", "image/svg+xml")
# Types deploy/nginx.conf gives by more than the last extension (mimetypes: application/xml),
# and the types it sends with "; charset=utf-8" (its charset_types, and text/html).
NAMED_TYPES = {".atom.xml": "application/atom+xml", ".rss.xml": "application/rss+xml"}
CHARSET_TYPES = ("text/", "application/javascript", "application/json", "application/xml",
                 "application/atom+xml", "application/rss+xml", "image/svg+xml")
HOLD_TIMEOUT = 30  # seconds a held request waits at most (a test that forgets to release)


# site.test and counter.test are this machine: two origins on loopback, as in production
# (a local visit counter is told so: make_server(names=TEST_NAMES), or it refuses them).
TEST_NAMES = ("site.test", "counter.test")
TEST_HOSTS = "--host-resolver-rules=" + ", ".join(f"MAP {name} 127.0.0.1" for name in TEST_NAMES)


# Scripts for page.evaluate shared by the layout tests (reflow, low vision).
# Whether an element is not shown: display none, invisible, or hidden as base.css's
# .visually-hidden hides (1 px, absolute, overflow hidden: for screen readers only).
HIDDEN = """element => {
    for (let box = element; box; box = box.parentElement) {
        const style = getComputedStyle(box);
        if (style.display === 'none' || style.visibility === 'hidden') return true;
        if (style.position === 'absolute' && style.overflow === 'hidden'
            && box.offsetWidth <= 1 && box.offsetHeight <= 1) return true;
    }
    return false;
}"""
# What sticks out of the screen sideways, but for tables and code (they scroll in their
# own box; the skip link waits above the top until focused): [scrollWidth, clientWidth,
# ["element left-right px", ...]].
OUTSIDE = """() => {
    const hidden = """ + HIDDEN + """;
    const width = document.documentElement.clientWidth;
    const outside = [];
    for (const element of document.body.querySelectorAll('*')) {
        if (element.closest('.table-scroll, pre, .skip-link') || hidden(element)) continue;
        const box = element.getBoundingClientRect();
        if ((box.width || box.height) && (box.right > width + 0.5 || box.left < -0.5))
            outside.push(`${element.tagName.toLowerCase()}.${element.className}`
                         + ` ${Math.round(box.left)}-${Math.round(box.right)} px`);
    }
    return [document.documentElement.scrollWidth, width, outside];
}"""


# What a line ends in the middle of, though it must not: in each element `selector`
# finds, each match of `pattern` (a regular expression's source, 'u' flag; matches may
# overlap) whose first and last characters are drawn on different lines, as
# "text (element)". The element's text is read across its children (marks, spans,
# <wbr>). E.g. r"\d\s(?:pagin|kB)" for "2" ending a line and "pagine" beginning the next.
SPLIT_ACROSS_LINES = r"""([selector, pattern]) => {
    const split = [];
    const middle = box => (box.top + box.bottom) / 2;
    for (const element of document.querySelectorAll(selector)) {
        if (!element.getClientRects().length) continue;
        const nodes = [];
        let text = '';
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node; (node = walker.nextNode());) {
            nodes.push([text.length, node]);
            text += node.data;
        }
        const box = at => {
            let index = nodes.length - 1;
            while (nodes[index][0] > at) index -= 1;
            const [start, node] = nodes[index];
            const range = document.createRange();
            range.setStart(node, at - start);
            range.setEnd(node, at - start + 1);
            return range.getBoundingClientRect();
        };
        const expression = new RegExp(pattern, 'gu');
        for (let match; (match = expression.exec(text));) {
            expression.lastIndex = match.index + 1;
            const [first, last] = [box(match.index), box(match.index + match[0].length - 1)];
            if (Math.abs(middle(first) - middle(last)) > Math.min(first.height, last.height) / 2)
                split.push(`${match[0]} (${element.tagName.toLowerCase()}.${element.className})`);
        }
    }
    return split;
}"""


def wait_until(page, condition, what="condition", timeout=15.0):
    """Until ``condition()`` is true, letting ``page`` run (and Playwright deliver its
    events) between tries; fails naming ``what`` after ``timeout`` seconds."""
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, f"timed out waiting for {what}"
        page.wait_for_timeout(25)


THEME_FONT = "Titillium Web"  # theme/static/css/base.css
# The page laid out (the layout asks for the fonts its text uses), then every font load
# started over: loaded, or failed.
SETTLE_FONTS = """async () => {
    document.body.getBoundingClientRect();
    await document.fonts.ready;
}"""
# For each weight the theme's font is used in, the first element showing letters of its
# own in it (a text node of its own: Chromium names the fonts of a node's own text), in
# the document given (``document``, or a same-origin frame's, reached from the page).
THEME_FONT_SAMPLES = """((document) => {
    const found = new Map();
    for (const element of document.querySelectorAll('body *')) {
        const style = document.defaultView.getComputedStyle(element);
        if (!style.fontFamily.includes('%s') || found.has(style.fontWeight)
            || style.visibility !== 'visible' || !element.getClientRects().length) continue;
        if ([...element.childNodes].some(node => node.nodeType === Node.TEXT_NODE
                                         && /[A-Za-z]/.test(node.data))) {
            found.set(style.fontWeight, element);
        }
    }
    return [...found.values()];
})(%%s)""" % THEME_FONT


def settle_fonts(page):
    """Wait until the fonts ``page``'s text asks for have loaded (or failed)."""
    page.evaluate(SETTLE_FONTS)


def goto_in_theme_font(page, url, devtools, then=None, tries=3):
    """``page.goto(url)`` (then ``then()``, e.g. a wait for what a script writes), its
    fonts settled, again while its text is not drawn in the theme's font
    (:func:`drawn_in_theme_font`: a font file that came late, now in the browser's
    cache); fails when it never is. Layout measures taken after it are the theme's."""
    for _ in range(tries):
        page.goto(url, wait_until="load")
        if then is not None:
            then()
        settle_fonts(page)
        if drawn_in_theme_font(devtools):
            return
    raise AssertionError(f"{url}: not drawn in {THEME_FONT} after {tries} loads")


# What a page looked like as :func:`shown_in_theme_font` left it: [scrolled sideways,
# scrolled down, the focused element, the <details> open, the inline styles] (an empty
# style="" is left by a screenshot, where it hid the caret, and by a script that set a
# style and took it away).
AS_SHOWN = """() => [scrollX, scrollY, document.activeElement.outerHTML.slice(0, 200),
    document.querySelectorAll('details[open]').length,
    [...document.querySelectorAll('[style]:not([style=""])')].map(e => e.outerHTML)]"""


def shown_in_theme_font(page, url, again=False, then=None):
    """``url`` shown in the theme's font (:func:`goto_in_theme_font`, ``then`` as
    there). ``again``: the caller has only measured the page since this function last
    showed ``url`` in it (no click, key, focus or lasting change): the page is not loaded
    again, only checked to be as it was shown (:data:`AS_SHOWN`) and, laid out again by
    CSS at the window's, text's and media's new sizes as at a load, its fonts settled
    and checked; loaded again when not drawn in them."""
    shown = getattr(page, "shown_in_theme_font", None)
    if again and shown and shown[:2] == (url, page.url):
        assert page.evaluate(AS_SHOWN) == shown[2], url
        settle_fonts(page)
        if drawn_in_theme_font(page.devtools):
            return
    goto_in_theme_font(page, url, page.devtools, then=then)
    page.shown_in_theme_font = (url, page.url, page.evaluate(AS_SHOWN))


def drawn_in_theme_font(devtools, document="document"):
    """True when the text of each weight of the theme's font is drawn in it (Chromium's
    own answer, ``CSS.getPlatformFontsForNode``), through ``devtools``, a DevTools
    session of the page. The theme's fonts are ``font-display: optional``: a file that
    comes later than a tenth of a second leaves the page in the fallback font for the
    whole visit, wider, however long one waits; the file is then in the browser's cache,
    and the page loaded again is drawn in it. ``document``: an expression of the page
    naming the document looked at, e.g. a same-origin frame's
    (``document.querySelector('iframe').contentDocument``): its nodes are the page's
    session's too."""
    devtools.send("DOM.enable")
    devtools.send("CSS.enable")
    devtools.send("DOM.getDocument")  # nodes are given ids from here
    group = {"objectGroup": "theme-font"}  # the page's objects held for this, let go after
    try:
        samples = devtools.send("Runtime.evaluate",
                                {"expression": THEME_FONT_SAMPLES % document, **group})
        properties = devtools.send("Runtime.getProperties", {
            "objectId": samples["result"]["objectId"], "ownProperties": True})["result"]
        for element in (p["value"] for p in properties if p["name"].isdigit()):
            node = devtools.send("DOM.requestNode", {"objectId": element["objectId"]})["nodeId"]
            fonts = devtools.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
            # the file's own family name: "Titillium Web", "Titillium Web SemiBold"
            if not any(font["familyName"].startswith(THEME_FONT) for font in fonts):
                return False
        return True
    finally:
        devtools.send("Runtime.releaseObjectGroup", group)


# Every width from a phone's to a desktop's, in CSS px: the sweeps of the layout tests.
WIDTHS = range(320, 1281, 8)


@contextlib.contextmanager
def every_width(page, height, widths=WIDTHS):
    """``with every_width(page, height) as each:`` ``for width in each:`` ``page`` laid
    out ``width`` × ``height`` CSS px at each step, for the layout tests' sweeps (121
    widths, at several text sizes, on several pages).

    Each size is given with the DevTools call Playwright's ``set_viewport_size`` makes
    (``Emulation.setDeviceMetricsOverride``: the same width, height, screen and scale),
    without the rest of its work (about 10 ms a call: of a sweep, more than the layouts
    it measures). On leaving, the override is cleared and the page has the viewport
    Playwright set last again (its own calls, such as a test's ``finally``, skip a size
    it believes the page has)."""
    devtools = page.context.new_cdp_session(page)
    scale = page.evaluate("devicePixelRatio")

    def each():
        for width in widths:
            devtools.send("Emulation.setDeviceMetricsOverride", {
                "width": width, "height": height, "deviceScaleFactor": scale,
                "mobile": False, "screenWidth": width, "screenHeight": height,
                "screenOrientation": {"angle": 0, "type": "landscapePrimary"}})
            yield width

    try:
        yield each()
    finally:
        devtools.send("Emulation.clearDeviceMetricsOverride")
        devtools.detach()
        viewport = page.viewport_size
        page.set_viewport_size({**viewport, "width": viewport["width"] + 1})
        page.set_viewport_size(viewport)


@contextlib.contextmanager
def chromium(*extra_args, **options):
    """A launched Chromium (see :func:`launch`), closed with Playwright afterwards."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with sync_playwright() as playwright:
        browser = launch(playwright, *extra_args, **options)
        try:
            yield browser
        finally:
            browser.close()


def launch(playwright, *extra_args, **options):
    """Debian's Chromium, headless, with the suite's flags and ``extra_args``
    (``options``: Playwright's, e.g. ``env``)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=[*ARGS, *extra_args],
                                      **options)


def collect_errors(page, errors):
    """Append to ``errors`` what goes wrong on ``page``: console errors, uncaught
    exceptions and responses of status 400 or more (each as text)."""
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("response", lambda response: response.status >= 400 and errors.append(
        f"{response.status} {response.url}"))


RING = 6  # px outside the focused element: the width of base.css's focus ring (its shadow)


def ring_changes(page, locator, height):
    """The pixels the focused ``locator``'s ring changes on screen (255, else 0), from a
    screenshot with the ring and one without: an image of its box and RING + 2 px
    around, its top left corner at ``info["origin"]`` (in the page's coordinates); and
    that box [left, top, right, bottom]. That area must lie in the window, ``height``
    px high (and as wide as the page's). The element's own inline style is left as it
    was (the ring is hidden with one while the second screenshot is taken)."""
    box = locator.evaluate("e => { const b = e.getBoundingClientRect();"
                           " return [b.left, b.top, b.right, b.bottom].map(Math.round); }")
    left, top, right, bottom = box
    clip = {"x": left - RING - 2, "y": top - RING - 2, "width": right - left + 2 * RING + 4,
            "height": bottom - top + 2 * RING + 4}
    width = page.evaluate("innerWidth")
    assert clip["x"] >= 0 and clip["y"] >= 0 and clip["x"] + clip["width"] <= width \
        and clip["y"] + clip["height"] <= height, (clip, width, height)

    def shot():
        return Image.open(io.BytesIO(page.screenshot(clip=clip))).convert("RGB")

    with_ring = shot()
    own = locator.evaluate("e => { const own = e.getAttribute('style');"
                           " e.style.setProperty('outline', 'none', 'important');"
                           " e.style.setProperty('box-shadow', 'none', 'important');"
                           " return own; }")
    without = shot()
    locator.evaluate("(e, own) => own == null ? e.removeAttribute('style')"
                     " : e.setAttribute('style', own)", own)
    changed = ImageChops.difference(with_ring, without).convert("L").point(
        lambda value: 255 if value > 30 else 0)
    changed.info["origin"] = (clip["x"], clip["y"])
    return changed, box


def ring_sides(page, locator, height):
    """For each side of the focused ``locator``, the share of the band the ring should
    cover (1 to RING - 1 px outside that side, the corners left out) that its ring
    changes on screen (:func:`ring_changes`; ``height``: the window's)."""
    changed, (left, top, right, bottom) = ring_changes(page, locator, height)
    # the bands, in the clip's coordinates (the element's box starts at RING + 2)
    start, width, tall = RING + 2, right - left, bottom - top
    near, far = 1, RING - 1
    bands = {"left": (start - far, start + RING, start - near, start + tall - RING),
             "right": (start + width + near, start + RING, start + width + far,
                       start + tall - RING),
             "top": (start + RING, start - far, start + width - RING, start - near),
             "bottom": (start + RING, start + tall + near, start + width - RING,
                        start + tall + far)}
    shares = {}
    for side, area in bands.items():
        pixels = list(changed.crop(area).get_flattened_data())
        shares[side] = round(sum(1 for value in pixels if value) / len(pixels), 2)
    return shares


class _Handler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".webp": "image/webp",
                      ".woff2": "font/woff2", ".svg": "image/svg+xml",
                      ".js": "application/javascript", ".xml": "application/xml"}

    def log_message(self, format, *args):  # noqa: A002 - quiet
        pass

    def do_GET(self):  # noqa: N802 - http.server's name
        path = unquote(urlsplit(self.path).path)
        for prefix, event in self.server.holds.items():
            if path.startswith(prefix):
                event.wait(HOLD_TIMEOUT)
        file = Path(self.translate_path(self.path))
        if file.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().do_GET()  # the redirect to the folder's address
            file = file / "index.html"
        if not file.is_file():
            return self.send_error(404)
        kind = mimetypes.guess_type(file.name)[0] or self.guess_type(str(file))
        kind = self.extensions_map.get(file.suffix, kind)
        kind = next((named for suffix, named in NAMED_TYPES.items()
                     if file.name.endswith(suffix)), kind)
        body = file.read_bytes()
        encoding = None
        if "gzip" in self.headers.get("Accept-Encoding", ""):
            precompressed = file.with_name(file.name + ".gz")
            if precompressed.is_file():
                body, encoding = precompressed.read_bytes(), "gzip"
            elif kind.startswith(COMPRESSIBLE):
                body, encoding = gzip.compress(body, compresslevel=9, mtime=0), "gzip"
        self.send_response(200)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith(
            CHARSET_TYPES) else ""))
        self.send_header("Content-Length", str(len(body)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        for name, value in self.server.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)
        return None


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A browser dropping a connection (a page left early) is not an error here."""
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class SiteServer:
    """A folder served on 127.0.0.1 (a free port) in a thread; :meth:`close` ends it."""

    def __init__(self, folder=None, hold=(), headers=None):
        self.server = _QuietServer(("127.0.0.1", 0), functools.partial(
            _Handler, directory=str(folder or "/nonexistent-site")))
        self.server.holds = {prefix: threading.Event() for prefix in hold}
        self.server.headers = dict(headers or {})  # sent with every file (e.g. a CSP)
        self.release()
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,),
                                       daemon=True)
        self.thread.start()

    def serve(self, folder):
        """Serve ``folder`` (known only after a build that needed the port first)."""
        self.server.RequestHandlerClass = functools.partial(_Handler, directory=str(folder))

    def hold(self):
        for event in self.server.holds.values():
            event.clear()

    def release(self):
        for event in self.server.holds.values():
            event.set()

    def close(self):
        self.release()
        self.server.shutdown()
        self.server.server_close()


@contextlib.contextmanager
def served_site(root, files, *, host="127.0.0.1", hold=(), headers=None, **build_options):
    """``files`` built into ``root`` (support.build_site, ``build_options`` passed on)
    for the address it is served at, ``http://HOST:PORT``, then served there by a
    :class:`SiteServer` (``hold``, ``headers``) until the block ends. Yields the build,
    with ``origin`` (that address) and ``server``."""
    from support import build_site  # noqa: PLC0415 - tests' own helpers

    server = SiteServer(hold=hold, headers=headers)
    try:
        origin = f"http://{host}:{server.port}"
        built = build_site(root, files, siteurl=origin, **build_options)
        assert built.ok, built.log
        server.serve(built.output)
        built.origin, built.server = origin, server
        yield built
    finally:
        server.close()


@contextlib.contextmanager
def visit_counter(counts, host="127.0.0.1"):
    """A local visit counter (tools/counter_server.py, ``testing``: its ``/__control``
    on), its store seeded with ``counts``, ``{path: visits}``, running in a thread until
    the block ends. Yields the settings lines that name it to a build
    (``VISIT_COUNTER_URL``, by ``host``: another of :data:`TEST_HOSTS` tells the
    counter's requests from the site's)."""
    from support import ROOT  # noqa: PLC0415 - tests' own helpers

    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from tools import counter_server  # noqa: PLC0415

    counter = counter_server.make_server("127.0.0.1", 0, testing=True, names=TEST_NAMES)
    counter_server.start_in_thread(counter)
    for path, visits in counts.items():
        counter.store.seed(path, visits)
    try:
        yield (f'VISIT_COUNTER_URL = "http://{host}:{counter.server_address[1]}"\n'
               "VISIT_COUNTER_TIMEOUT_MS = 60000  # a loaded machine\n")
    finally:
        counter.shutdown()
        counter.server_close()


@contextlib.contextmanager
def served_project_site(root, extra, *, counts, settings="", counter_host="127.0.0.1", **options):
    """The project's own content with ``extra`` files (relative path -> bytes or text),
    built with the public settings by :func:`served_site` (``options`` passed on) and a
    local visit counter (:func:`visit_counter`, seeded with ``counts``, ``{path:
    visits}``) whose address the build's ``VISIT_COUNTER_URL`` names, by
    ``counter_host``; more ``settings`` lines appended. Yields the build; the counter
    stops with the block."""
    from support import ROOT  # noqa: PLC0415 - tests' own helpers

    content = {path.relative_to(ROOT / "content").as_posix(): path.read_bytes()
               for path in (ROOT / "content").rglob("*") if path.is_file()}
    with visit_counter(counts, counter_host) as counter, served_site(
            root, {**content, **extra}, config="publishconf",
            settings=counter + textwrap.dedent(settings), **options) as built:
        yield built


@functools.lru_cache(maxsize=1)
def _axe_source():
    if not AXE_JS.is_file():
        raise FileNotFoundError(f"{AXE_JS} is missing: run `npm ci` in tests/axe"
                                " (./run test does it)")
    return AXE_JS.read_text(encoding="utf-8")


def run_axe(page, tags=AXE_TAGS):
    """axe-core's violations on the page as it is now (axe is injected once per document)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        # In a function, so that Playwright does not try to return the huge axe object.
        page.evaluate("() => {" + _axe_source() + "\n}")
    options = {"runOnly": {"type": "tag", "values": list(tags)}, "resultTypes": ["violations"]}
    results = page.evaluate("options => axe.run(document, options)", options)
    return results["violations"]


def format_violations(violations):
    """One paragraph per failing node: rule, impact, selector, what to fix."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            target = " ".join(" > ".join(t) if isinstance(t, list) else t
                              for t in node["target"])
            summary = node.get("failureSummary", "").replace("\n", " ")
            lines.append(f"[{violation['impact']}] {violation['id']}: {target}\n"
                         f"    {violation['help']} ({violation['helpUrl']})\n    {summary}")
    return "\n".join(lines)
