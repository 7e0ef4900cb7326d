"""The visit counter in real headless Chromium (Debian's ``chromium``, driven by Playwright).

One small site is built once for the module and served on one loopback port, the
local counter (tools/counter_server.py) on another: cross-origin, as in production.
Chromium's ``--host-resolver-rules`` gives them the names ``site.test`` and
``counter.test``, so the script's local-preview rule does not apply. Every test
checks that no request went to any other host.

Chromium itself logs some failed requests to the console ("Failed to load resource:
... 404", a CORS refusal): a page cannot silence those. "Console clean" here means no
uncaught error, no message from the script, and nothing but those network notices,
only when the counter answers with an error.
"""

import functools
import json
import re
import sys
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from browser_support import TEST_HOSTS, TEST_NAMES, chromium, wait_until
from support import ROOT, article, build_site
from plugins.visit_counter import visit_path

sys.path.insert(0, str(ROOT))
from tools import counter_server  # noqa: E402

pytestmark = pytest.mark.browser

# The site's VISIT_COUNTER_TIMEOUT_MS: longer than any hold of the counter (the layout
# and listing tests), whose reads must not be given up while the test holds them (with
# 1500 ms a loaded machine went past it between the read and the release). The slow
# counter's test gives its page CLIENT_TIMEOUT_MS, to stay quick; the default is tested
# apart.
SITE_TIMEOUT_MS = 60000
CLIENT_TIMEOUT_MS = 1500
PRESS = "/2024/05/presentazione-a-crema"  # seeded with 1459 visits
MOVED = "/2024/05/dal-vecchio-portale"  # 1459 visits on the old portal, 17 here
SEEDS = {PRESS: 1459, "/2024/05/una-sola-visita": 1, "/2024/05/molto-letto": 14590,
         "/2024/05/aggiornato": 1459, MOVED: 17}
ARTICLES = {
    "notizie/presentazione.md": article(title="Presentazione a Crema",
                                        date="2024-05-05 17:07"),
    "notizie/una.md": article(title="Una sola visita", date="2024-05-06 10:00"),
    "notizie/molto.md": article(title="Molto letto", date="2024-05-07 10:00"),
    "notizie/nuovo.md": article(title="Mai visitato", date="2024-05-08 10:00"),
    "notizie/aggiornato.md": article(title="Aggiornato", date="2024-05-09 10:00",
                                     modified="2024-06-01 10:00"),
    "notizie/vecchio.md": article(title="Dal vecchio portale", date="2024-05-04 10:00",
                                  visite_precedenti=1459),
    **{f"avvisi/avviso-{n}.md": article(title=f"Avviso {n}", date=f"2024-04-{n + 1:02} 10:00")
       for n in range(8)},
}
NETWORK_NOTICE = re.compile(r"^(Failed to load resource: |Access to fetch at ')")
# The count reads the page's script has sent (window.__countReads) and handled
# (window.__countReadsHandled: its answer or its failure dealt with to the end, the count
# written or left hidden), kept on the top window (a same-origin frame's reads counted
# there too). A read is handled once its fetch failed or its answer's body was read
# (json() settled), in the next task: the script's chain of promises (the count written,
# the read's end) runs in microtasks, all done before any task. A message through a
# MessageChannel, not a timer: Playwright's clock (clock_paused) holds timers.
READS_HANDLED = """(() => {
    let tally = window;
    try { window.top.location.href; tally = window.top; } catch (error) {}
    tally.__countReads = tally.__countReads || 0;
    tally.__countReadsHandled = tally.__countReadsHandled || 0;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { tally.__countReadsHandled += 1; };
    const handled = () => channel.port2.postMessage(null);
    const realFetch = window.fetch;
    window.fetch = function (...args) {
        const answer = realFetch.apply(this, args);
        if (!String(args[0]).includes("/counter/")) return answer;  // the recording
        tally.__countReads += 1;
        answer.then(response => {
            const json = response.json;
            response.json = function () {
                const body = json.apply(this, arguments);
                body.then(handled, handled);
                return body;
            };
        }, handled);
        return answer;
    };
})();"""
# At least ``number`` reads handled, and every read sent so far.
READS_DONE = """number => window.__countReadsHandled >= number
                          && window.__countReadsHandled === window.__countReads"""


class QuietFiles(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass


class LiveCounter:
    """The local counter in a thread; stop() and start() keep its port."""

    def __init__(self):
        self.port = 0
        self.start()

    def start(self):
        self.server = counter_server.make_server("127.0.0.1", self.port, testing=True,
                                                 names=TEST_NAMES)
        self.port = self.server.server_address[1]
        counter_server.start_in_thread(self.server)

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def reset(self, number_format="plain"):
        self.server.knobs = counter_server.Knobs()
        self.server.number_format = number_format
        self.server.store.clear()
        for path, count in SEEDS.items():
            self.server.store.seed(path, count)

    @property
    def knobs(self):
        return self.server.knobs

    def hits(self):
        return self.server.store.hits()


@dataclass
class Visit:
    page: object
    context: object
    requests: list = field(default_factory=list)
    done: set = field(default_factory=set)
    failed: dict = field(default_factory=dict)
    console: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    reading: int = 0  # count reads sent and not yet answered (or failed)
    most_reading: int = 0  # the most at one time
    pending: set = field(default_factory=set)  # the requests started and not yet ended

    def wait_until(self, condition, timeout=15.0, what="condition"):
        wait_until(self.page, condition, what, timeout)

    def reads(self):
        return [url for method, url in self.requests if "/counter/" in url]

    def records(self):
        return [url for method, url in self.requests if "/count?" in url]

    def wait_for_reads(self, number=1, timeout=15.0):
        """Until the page's script has handled ``number`` count reads and every one it
        has sent (READS_HANDLED): each count it was given written, the others hidden for
        good. The answer's arrival is no sign: the count is written later, in the page's
        time (a starved machine's)."""
        self.page.wait_for_function(READS_DONE, arg=number, timeout=timeout * 1000)

    def count_text(self, selector=".article-meta .visit-count"):
        return self.page.locator(selector).text_content()

    def count_visible(self, selector=".article-meta .visit-count"):
        return self.page.locator(selector).evaluate("e => getComputedStyle(e).visibility")

    def separator_visible(self, selector=".article-meta .visit-count"):
        """The visibility of the "·" before the count (its meta item's ::after)."""
        return self.page.locator(selector).evaluate(
            "e => getComputedStyle(e.previousElementSibling, '::after').visibility")

    def notices(self):
        """Console messages other than Chromium's own notices of failed counter requests."""
        return [(m.type, m.text, m.location) for m in self.console
                if not (m.type == "error" and NETWORK_NOTICE.match(m.text)
                        and "counter.test" in m.text + m.location.get("url", ""))]


@pytest.fixture(scope="module")
def counter():
    live = LiveCounter()
    yield live
    live.stop()


@pytest.fixture(scope="module")
def site(tmp_path_factory, counter):
    root = tmp_path_factory.mktemp("visit-counter")
    output = root / "output"
    files = QuietFiles
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(files, directory=output))
    port = server.server_address[1]
    built = build_site(root, ARTICLES, siteurl=f"http://site.test:{port}", settings=f"""
        VISIT_COUNTER_URL = "http://counter.test:{counter.port}"
        VISIT_COUNTER_TIMEOUT_MS = {SITE_TIMEOUT_MS}
        VISIT_COUNTER_COUNT_LOCAL = False
        VISIT_COUNTER_LISTINGS = True
        DEFAULT_PAGINATION = 20
    """)
    assert built.ok, built.log
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    built.port = port
    built.hosts = {f"site.test:{port}", f"counter.test:{counter.port}"}
    yield built
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    with chromium(TEST_HOSTS) as browser:
        yield browser


class SharedPage:
    """The module's one page for the visits that need nothing of their own (no init
    script but those of ``scripts``, which only watch): each visit is recorded by the
    :class:`Visit` it was given (``current``), and only the requests it started. The
    page's cache is disabled, so that each load fetches what a first visit does, as in
    a fresh context."""

    def __init__(self, browser, scripts=()):
        self.context = browser.new_context(viewport={"width": 390, "height": 800})
        self.page = self.context.new_page()
        self.scripts = scripts
        for script in (READS_HANDLED, *scripts):
            self.page.add_init_script(script)
        devtools = self.context.new_cdp_session(self.page)
        devtools.send("Network.enable")
        devtools.send("Network.setCacheDisabled", {"cacheDisabled": True})
        self.current = None
        listen(self.page, lambda: self.current)

    def leave(self, seen):
        """Once every request ``seen`` started has ended (its recording at the counter
        before the next test's reset), the page emptied (about:blank): nothing of this
        visit's document goes on into the next."""
        wait_until(self.page, lambda: not seen.pending, "the visit's requests to end")
        self.current = None
        self.page.goto("about:blank")


def listen(page, current):
    """Records what happens on ``page`` in the :class:`Visit` ``current()`` gives (its
    requests' ends only for the requests it started)."""
    def started(request):
        seen = current()
        if seen is None:
            return
        seen.requests.append((request.method, request.url))
        seen.pending.add(request)
        if "/counter/" in request.url:
            seen.reading += 1
            seen.most_reading = max(seen.most_reading, seen.reading)

    def ended(request):
        seen = current()
        if seen is None or request not in seen.pending:
            return
        seen.pending.discard(request)
        seen.done.add(request.url)
        if "/counter/" in request.url:
            seen.reading -= 1
        if request.failure:
            seen.failed[request.url] = request.failure

    def console(message):
        if current() is not None:
            current().console.append(message)

    def error(error):
        if current() is not None:
            current().errors.append(error)

    page.on("request", started)
    page.on("requestfinished", ended)
    page.on("requestfailed", ended)
    page.on("console", console)
    page.on("pageerror", error)


@pytest.fixture(scope="module")
def shared_page(browser):
    shared = SharedPage(browser, scripts=(LAYOUT_SHIFTS,))
    yield shared
    shared.context.close()


@pytest.fixture
def visit(browser, site, counter, shared_page):
    """``visit(path)`` opens a page and records what happens: on the module's shared
    page (:class:`SharedPage`, about:blank in between: 0.1 s a visit where a fresh
    context took 0.5 s), or with an ``init_script`` in a fresh context (but one the
    shared page runs anyway)."""
    counter.reset()
    visits = []

    def _visit(path, *, host="site.test", init_script=None, width=390, height=800,
               clock_paused=False):
        """``clock_paused``: the page's clocks (timers, Date, performance.now) installed
        by Playwright and stopped before it loads, moved on only by ``page.clock``."""
        if visits and visits[-1].page is shared_page.page:
            shared_page.leave(visits[-1])
        if clock_paused or (init_script and init_script not in shared_page.scripts):
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            seen = Visit(page, context)
            listen(page, lambda: seen)
            page.add_init_script(READS_HANDLED)
            if init_script:
                page.add_init_script(init_script)
            if clock_paused:
                # (installed an hour before: its clocks run until paused, and may not
                # go back to it; the page's clocks start at the pause)
                page.clock.install(time=PAUSED_AT - 3_600_000)
                page.clock.pause_at(PAUSED_AT)
        else:
            page = shared_page.page
            if page.viewport_size != {"width": width, "height": height}:
                page.set_viewport_size({"width": width, "height": height})
            seen = Visit(page, shared_page.context)
            shared_page.current = seen
        page.goto(f"http://{host}:{site.port}{path}")
        visits.append(seen)
        return seen

    yield _visit
    counter.server.release()  # a test that failed holding it
    for seen in visits:
        if seen.page is shared_page.page:
            if seen is shared_page.current:
                shared_page.leave(seen)
        else:
            seen.context.close()
    allowed = site.hosts | {f"127.0.0.1:{site.port}"}  # the local-preview test
    for seen in visits:  # no request to any host but the two
        foreign = [url for _, url in seen.requests if urlsplit(url).netloc not in allowed]
        assert not foreign, foreign
        assert not seen.errors, seen.errors


def query(url):
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def read_path(url):
    """The path asked for by a count read: /counter/<encoded path>.json."""
    return unquote(urlsplit(url).path.removeprefix("/counter/").removesuffix(".json"))


# --- Recording and showing --------------------------------------------------------------

def test_first_visit_records_one_hit_with_path_and_title(visit, counter):
    seen = visit(PRESS + "/")
    seen.wait_for_reads()
    seen.wait_until(lambda: counter.hits(), what="the hit")
    assert counter.hits() == [{"path": PRESS, "title": "Presentazione a Crema", "bot": 153}]
    assert len(seen.records()) == 1
    sent = query(seen.records()[0])
    assert sent["p"] == PRESS and sent["t"] == "Presentazione a Crema" and sent["b"] == "153"
    assert sent["rnd"]
    assert [read_path(url) for url in seen.reads()] == [PRESS]
    assert seen.console == []


def test_known_count_shows_1459_visite(visit):
    seen = visit(PRESS + "/")
    seen.wait_for_reads()
    assert seen.count_text() == "1459 visite"
    assert seen.count_visible() == "visible"
    assert seen.separator_visible() == "visible"
    element = seen.page.locator(".article-meta .visit-count")
    assert element.evaluate("e => e.closest('[aria-live]')") is None
    assert seen.console == []


@pytest.mark.parametrize(("path", "number_format", "text"), [
    ("/2024/05/una-sola-visita/", "plain", "1 visita"),
    ("/2024/05/molto-letto/", "plain", "14.590 visite"),
    (PRESS + "/", "spaced", "1459 visite"),  # the server answers "1\u202f459"
    ("/2024/05/molto-letto/", "spaced", "14.590 visite"),
    ("/2024/05/molto-letto/", "dots", "14.590 visite"),
    ("/2024/05/molto-letto/", "commas", "14.590 visite"),
])
def test_counts_display_in_italian(visit, counter, path, number_format, text):
    counter.server.number_format = number_format
    seen = visit(path)
    seen.wait_for_reads()
    assert seen.count_text() == text
    assert seen.count_visible() == "visible"


# Intl.NumberFormat("it-IT") as CLDR data from before Italian's minimumGroupingDigits 2
# has it (WebKitGTK 2.50 on Debian 12's ICU 72 writes "1.476"), and no Intl at all.
GROUPING_FROM_FOUR_DIGITS = """(() => {
  const Real = Intl.NumberFormat;
  Intl.NumberFormat = function (locale, options) {
    return new Real(locale, {...options, useGrouping: "always"});
  };
  Number.prototype.toLocaleString = function (locale, options) {
    return new Real(locale, {...options, useGrouping: "always"}).format(this);
  };
})();"""
NO_INTL = "delete window.Intl;"


@pytest.mark.parametrize("script", [GROUPING_FROM_FOUR_DIGITS, NO_INTL],
                         ids=["older-cldr", "no-intl"])
def test_counts_are_grouped_as_the_build_groups_whatever_the_browsers_data(visit, script):
    """Four digits ungrouped, five and more in groups of three with ".", as the pages'
    own numbers (plugins/italian numero), whatever Intl the browser has."""
    seen = visit(PRESS + "/", init_script=script)
    seen.wait_for_reads()
    if script == GROUPING_FROM_FOUR_DIGITS:  # the simulation groups as WebKitGTK does
        assert seen.page.evaluate('new Intl.NumberFormat("it-IT").format(1459)') == "1.459"
    else:
        assert seen.page.evaluate("typeof Intl") == "undefined"
    assert seen.count_text() == "1459 visite"
    seen = visit("/2024/05/molto-letto/", init_script=script)
    seen.wait_for_reads()
    assert seen.count_text() == "14.590 visite"


@pytest.mark.parametrize("seed", [None, 0])
def test_never_visited_stays_hidden(visit, counter, seed):
    if seed is not None:
        counter.server.store.seed("/2024/05/mai-visitato", seed)
    seen = visit("/2024/05/mai-visitato/")
    seen.wait_for_reads()
    assert seen.count_text() == ""
    assert seen.count_visible() == "hidden"
    assert seen.separator_visible() == "hidden"  # no "·" before nothing
    assert not seen.notices()  # only Chromium's "404 (Not Found)" notice, if any


@pytest.mark.parametrize(("answer", "text"), [
    ("17 new visits", "1476 visite"),  # 1459 on the old portal + 17 here
    ("never visited here", "1459 visite"),  # GoatCounter's 404 {"count": "0"}
    ("status 500", ""),  # the counter cannot answer: nothing, as without an offset
])
def test_visits_before_the_move_are_added_to_the_count(visit, counter, answer, text):
    if answer == "never visited here":
        counter.server.store.clear()
    elif answer == "status 500":
        counter.knobs.status = 500
    seen = visit(MOVED + "/")
    seen.wait_for_reads()
    element = seen.page.locator(".article-meta .visit-count")
    assert element.get_attribute("data-visit-offset") == "1459"
    assert seen.count_text() == text
    assert seen.count_visible() == ("visible" if text else "hidden")
    assert [read_path(url) for url in seen.reads()] == [MOVED]
    assert seen.errors == [] and not seen.notices()


# --- Hostile answers: a count or nothing -------------------------------------------------

# What the counter may answer as `count` (any JSON), and what the page must show.
ANSWERS = {
    # GoatCounter's forms of 1459 (plain, or grouped with one separator throughout)
    **{form: "1459 visite" for form in ("1459", "1 459", "1\u202f459", "1\u00a0459", "1.459",
                                        "1,459", "1\u2019459", "1'459")},
    "1": "1 visita", "14,590": "14.590 visite", "14\u202f590": "14.590 visite",
    "1.234.567": "1.234.567 visite",
    "1000000000000": "1.000.000.000.000 visite", "1 000 000 000 000": "1.000.000.000.000 visite",
    # anything else: nothing at all
    **{bad: "" for bad in (
        "<img src=x onerror=window.__injected=1>123",  # used to show "1123 visite"
        "-7", "1.5e3", "1.5", "14,59", "1,4590", "1.459,000", "1 4 5 9", "1..459", "1.459.",
        "12abc", "", " 1459", "1459 ", "1459\n", "+1459", "007",
        "12345678901234567890123",  # used to widen the element with 23 digits
        "1000000000001", "1.000.000.000.001", "\uff11\uff14\uff15\uff19",
        "\u0661\u0664\u0665\u0669")},
}
NOT_STRINGS = [1459, -7, None, True, ["1459"], {"count": "1459"}]


def test_the_script_shows_only_well_formed_counts(visit, counter, site):
    """Every answer above, and JSON values that are not strings, on one page of counts:
    one page load, the real script, each element reading its own path."""
    cases = [(json.dumps(value), ANSWERS[value]) for value in ANSWERS]
    cases += [(json.dumps(value), "") for value in NOT_STRINGS]
    counter.knobs.raw_by_path = {f"/risposte/{n}": raw for n, (raw, _) in enumerate(cases)}
    script = site.soup(PRESS + "/").select_one("script[data-endpoint]")
    spans = "".join(f'<li><span class="visit-count" data-visit-path="/risposte/{n}"></span></li>'
                    for n in range(len(cases)))
    page = site.output / "risposte" / "index.html"
    page.parent.mkdir(exist_ok=True)
    attributes = " ".join(f'{name}="{value}"' for name, value in script.attrs.items()
                          if name != "defer")
    page.write_text(f'<!DOCTYPE html><html lang="it"><title>Risposte</title>'
                    f'<link rel="icon" href="data:,"><ul>{spans}</ul>'
                    f"<script {attributes} defer></script>", encoding="utf-8")
    seen = visit("/risposte/", height=20000)  # every element in view: every count read
    seen.wait_for_reads(number=len(cases), timeout=30)
    shown = seen.page.locator(".visit-count").all_text_contents()
    assert [text for _, text in cases] == shown
    assert seen.page.locator(".visit-count *").count() == 0  # text only, never markup
    assert seen.page.evaluate("window.__injected") is None
    assert seen.console == [] and seen.errors == []
    assert not seen.records()  # a page of counts only reads


# --- Failures: hidden, and nothing from the script in the console ------------------------

@pytest.mark.parametrize("failure", ["status 500", "403 without CORS", "stopped counter"])
def test_failures_leave_the_count_hidden_and_the_console_clean(visit, counter, failure):
    if failure == "status 500":
        counter.knobs.status = 500
    elif failure == "403 without CORS":
        counter.knobs.forbidden = True
    else:
        counter.stop()
    try:
        seen = visit(PRESS + "/")
        seen.wait_for_reads(timeout=CLIENT_TIMEOUT_MS / 1000 + 3)
    finally:
        if failure == "stopped counter":
            counter.start()
    assert seen.count_text() == ""
    assert seen.count_visible() == "hidden"
    assert seen.errors == []
    assert seen.notices() == [], seen.notices()


# When the page's script sent each fetch and when its answer came or it failed.
TIMED_READS = """
    window.__reads = [];
    const realFetch = window.fetch;
    window.fetch = function (...args) {
        // the recording (a fetch too) is no read
        if (!String(args[0]).includes("/counter/")) return realFetch.apply(this, args);
        const read = {sent: performance.now()};
        window.__reads.push(read);
        const answer = realFetch.apply(this, args);
        answer.catch(() => {}).finally(() => { read.ended = performance.now(); });
        return answer;
    };
"""

# The time the page's clocks stop at, in ms since the epoch (clock_paused): any will do.
PAUSED_AT = 1_714_921_620_000  # 2024-05-05 17:07 (Rome)


def test_a_slow_counter_is_given_up_after_the_client_timeout(visit, counter, site):
    """The page's clocks stopped (Playwright's clock) and moved on by the test: the read is
    still waited for 1 ms before its timeout and given up at it, whatever the machine's
    speed (by the wall clock, a loaded machine's late timer or slow page went past any
    bound given to it)."""
    html = site.path(PRESS + "/").read_text(encoding="utf-8")
    assert html.count(f'data-timeout="{SITE_TIMEOUT_MS}"') == 1
    page = site.output / "lento" / "index.html"  # the article, built with a short timeout
    page.parent.mkdir(exist_ok=True)
    page.write_text(html.replace(f'data-timeout="{SITE_TIMEOUT_MS}"',
                                 f'data-timeout="{CLIENT_TIMEOUT_MS}"'), encoding="utf-8")
    counter.server.hold()  # never answers while the page waits
    seen = visit("/lento/", init_script=TIMED_READS, clock_paused=True)
    seen.wait_until(lambda: seen.reads(), what="the count read")
    [read] = seen.reads()
    assert read_path(read) == PRESS
    seen.page.clock.run_for(CLIENT_TIMEOUT_MS - 1)
    # (an aborted fetch rejects at once: its end is recorded before the page's next task)
    assert seen.page.evaluate("window.__reads.map(read => read.ended)") == [None]  # waited for
    seen.page.clock.run_for(1)
    seen.wait_until(lambda: read in seen.done, what="the read given up")
    counter.server.release()
    assert seen.failed[read] == "net::ERR_ABORTED"  # the script aborted it
    # how long the script waited, by the page's own clock: its timeout, to the millisecond
    # (the script arms its timer just before it calls fetch, where "sent" is taken)
    assert seen.page.evaluate("window.__reads.map(read => read.ended - read.sent)") == [
        CLIENT_TIMEOUT_MS]
    assert seen.count_text() == "" and seen.count_visible() == "hidden"
    assert seen.errors == [] and seen.console == []


def test_no_request_to_any_other_host(visit, site):
    seen = visit(PRESS + "/")
    seen.wait_for_reads()
    listing = visit("/", height=3000)
    listing.wait_for_reads(number=5)
    hosts = {urlsplit(url).netloc for _, url in seen.requests + listing.requests}
    assert hosts == site.hosts


# --- Not counted, still shown ------------------------------------------------------------

@pytest.mark.parametrize("signal", [
    "Object.defineProperty(Navigator.prototype, 'doNotTrack', {get: () => '1'})",
    "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {get: () => true})",
], ids=["do-not-track", "global-privacy-control"])
def test_privacy_signals_send_nothing_but_show_the_count(visit, counter, signal):
    seen = visit(PRESS + "/", init_script=signal)
    seen.wait_for_reads()
    seen.page.wait_for_timeout(200)
    assert seen.records() == []
    assert counter.hits() == []
    assert seen.count_text() == "1459 visite"


def test_privacy_signals_are_ignored_when_the_site_says_so(visit, counter, site):
    """VISIT_COUNTER_RESPECT_DNT = False renders data-respect-dnt="false" (test_visit_counter)."""
    html = site.path(PRESS + "/").read_text(encoding="utf-8")
    assert html.count('data-respect-dnt="true"') == 1
    page = site.output / "senza-dnt" / "index.html"
    page.parent.mkdir(exist_ok=True)
    page.write_text(html.replace('data-respect-dnt="true"', 'data-respect-dnt="false"'),
                    encoding="utf-8")
    seen = visit("/senza-dnt/", init_script=(
        "Object.defineProperty(Navigator.prototype, 'doNotTrack', {get: () => '1'});"
        "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {get: () => true})"))
    seen.wait_for_reads()
    seen.wait_until(lambda: counter.hits(), what="the hit")
    assert [hit["path"] for hit in counter.hits()] == [PRESS]


def test_local_preview_is_not_counted_unless_asked(visit, counter, site):
    seen = visit(PRESS + "/", host="127.0.0.1")
    seen.wait_for_reads()
    seen.page.wait_for_timeout(200)
    assert seen.records() == [] and counter.hits() == []
    assert seen.count_text() == "1459 visite"

    # The development configuration renders data-count-local (tests/test_visit_counter.py).
    html = site.path(PRESS + "/").read_text(encoding="utf-8")
    local = site.output / "anteprima-locale" / "index.html"
    local.parent.mkdir(exist_ok=True)
    local.write_text(html.replace('data-respect-dnt="true"', 'data-respect-dnt="true" '
                                  "data-count-local"), encoding="utf-8")
    seen = visit("/anteprima-locale/", host="127.0.0.1")
    seen.wait_for_reads()
    seen.wait_until(lambda: counter.hits(), what="the local hit")
    assert [hit["path"] for hit in counter.hits()] == [PRESS]


def test_frames_are_not_counted(visit, counter, site):
    (site.output / "cornice.html").write_text(
        f'<!DOCTYPE html><title>Cornice</title><iframe src="{PRESS}/"></iframe>',
        encoding="utf-8")
    seen = visit("/cornice.html")
    seen.wait_for_reads()
    seen.page.wait_for_timeout(200)
    assert seen.records() == [] and counter.hits() == []
    frame = seen.page.frames[1]
    assert frame.locator(".article-meta .visit-count").text_content() == "1459 visite"


def test_prerendered_page_is_counted_only_once_shown(visit, counter):
    seen = visit(PRESS + "/", init_script="""
        window.__shown = false;
        Object.defineProperty(Document.prototype, 'prerendering',
                              {get: () => !window.__shown, configurable: true});
    """)
    seen.wait_for_reads()
    seen.page.wait_for_timeout(200)
    assert seen.records() == [] and counter.hits() == []
    assert seen.count_text() == "1459 visite"
    seen.page.evaluate("window.__shown = true; "
                       "document.dispatchEvent(new Event('prerenderingchange'))")
    seen.wait_until(lambda: counter.hits(), what="the hit after activation")
    assert [hit["path"] for hit in counter.hits()] == [PRESS]


def test_goatcounters_visits_are_shown_where_it_also_gives_page_views(visit, counter, site):
    """GoatCounter 2.1-2.3 answer page views as count and visits as count_unique (1.4-2.0
    only count_unique): the visits are shown, "12 visite", not "1459"."""
    counter.knobs.raw_by_path = {"/versioni/0": '"1459", "count_unique": "12"',
                                 "/versioni/1": 'null, "count_unique": "7"'}
    script = site.soup(PRESS + "/").select_one("script[data-endpoint]")
    attributes = " ".join(f'{name}="{value}"' for name, value in script.attrs.items()
                          if name != "defer")
    page = site.output / "versioni" / "index.html"
    page.parent.mkdir(exist_ok=True)
    page.write_text('<!DOCTYPE html><html lang="it"><title>Versioni</title>'
                    '<link rel="icon" href="data:,"><ul>'
                    + "".join(f'<li><span class="visit-count" data-visit-path="/versioni/{n}">'
                              "</span></li>" for n in range(2))
                    + f"</ul><script {attributes} defer></script>", encoding="utf-8")
    seen = visit("/versioni/")
    seen.wait_for_reads(number=2)
    assert seen.page.locator(".visit-count").all_text_contents() == ["12 visite", "7 visite"]


def test_without_scripts_no_space_is_kept_for_a_count_that_never_comes(browser, site):
    """It was a blank line in the meta block on phones (the space waits for a number)."""
    context = browser.new_context(viewport={"width": 390, "height": 800},
                                  java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"http://site.test:{site.port}{PRESS}/")
        count = page.locator(".article-meta .visit-count")
        assert count.count() == 1 and count.evaluate("e => getComputedStyle(e).display") == \
            "none"
    finally:
        context.close()


def test_a_page_opened_in_a_background_tab_is_counted_once_looked_at(visit, counter):
    """As GoatCounter's own count.js: a page opened and closed unread is no visit."""
    seen = visit(PRESS + "/", init_script="""
        window.__seen = false;
        Object.defineProperty(Document.prototype, 'visibilityState',
                              {get: () => window.__seen ? 'visible' : 'hidden',
                               configurable: true});
    """)
    seen.wait_for_reads()
    seen.page.wait_for_timeout(200)
    assert seen.records() == [] and counter.hits() == []
    assert seen.count_text() == "1459 visite"  # the count is read meanwhile
    seen.page.evaluate("window.__seen = true; "
                       "document.dispatchEvent(new Event('visibilitychange'))")
    seen.wait_until(lambda: counter.hits(), what="the hit once the page is seen")
    assert [hit["path"] for hit in counter.hits()] == [PRESS]


# The recording's fetch refused (a blocker, a network error; the reads' left alone)
FAILING_RECORD = """
    const fetched = window.fetch;
    window.fetch = function (url, init) {
      if (String(url).includes("/count?")) {
        return Promise.reject(new TypeError("blocked"));
      }
      return fetched.call(this, url, init);
    };
"""


def test_the_visit_is_recorded_by_a_bare_post_read_to_its_end(visit, counter):
    """The recording is a POST (kept alive if the page closes) without cookies or
    referrer (test_no_cookie_of_the_sites_domain_and_no_referrer_reach_the_counter),
    whose answer is read to its end: a request never finished keeps the page from
    being idle (and from the back-forward cache)."""
    seen = visit(PRESS + "/")
    seen.wait_for_reads()
    seen.wait_until(lambda: counter.hits(), what="the hit")
    [record] = seen.records()
    seen.wait_until(lambda: record in seen.done, what="the recording's end")
    assert record not in seen.failed
    assert [(method, query(url)["p"]) for method, url in seen.requests if "/count?" in url] \
        == [("POST", PRESS)]


def test_a_refused_recording_is_not_sent_again(visit, counter):
    """The visit may have arrived (a CORS header missing, a connection cut after the
    request): an image sent after it counted it twice."""
    seen = visit(PRESS + "/", init_script=FAILING_RECORD)
    seen.wait_for_reads()
    seen.page.wait_for_timeout(300)
    assert seen.records() == [] and counter.hits() == []
    assert seen.count_text() == "1459 visite"
    assert seen.console == []


def test_browsers_without_prerendering_count_at_once(visit, counter):
    seen = visit(PRESS + "/", init_script="delete Document.prototype.prerendering")
    seen.wait_for_reads()
    seen.wait_until(lambda: counter.hits(), what="the hit")
    assert seen.page.evaluate("'prerendering' in document") is False
    assert [query(url)["p"] for url in seen.records()] == [PRESS]


# --- One canonical path ------------------------------------------------------------------

@pytest.mark.parametrize("address", [PRESS + "/", PRESS, PRESS + "/index.html",
                                     PRESS + "/?utm_source=feed#commenti"])
def test_same_canonical_path_for_recording_and_reading(visit, counter, address):
    seen = visit(address)
    seen.wait_for_reads()
    seen.wait_until(lambda: counter.hits(), what="the hit")
    assert [query(url)["p"] for url in seen.records()] == [PRESS]
    assert [read_path(url) for url in seen.reads()] == [PRESS]
    assert seen.count_text() == "1459 visite"


@pytest.mark.parametrize(("address", "expected"), [
    ("/prove/percorso/", "/prove/percorso"), ("/prove/percorso/index.html", "/prove/percorso"),
    ("/prove/percorso/?q=1", "/prove/percorso"), ("/prove//percorso/", "/prove/percorso"),
    ("/prove/caff%C3%A8/", "/prove/caffè"), ("/prove/caffè/", "/prove/caffè"),
    ("/prove/caff%c3%a8/index.html?x=%2F#y", "/prove/caffè"),
])
def test_script_canonicalises_the_address_like_the_plugin(visit, counter, site, address,
                                                          expected):
    """Without data-visit-path the script falls back to the address: same rule as Python."""
    page = site.output / expected.lstrip("/") / "index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    [script] = (site.output / "theme" / "js").glob("site.*.js")  # plugins/assets: the bundle
    page.write_text(
        '<!DOCTYPE html><title>Prova</title><span class="visit-count" data-visit-record>'
        f'</span><script src="/theme/js/{script.name}" defer '
        f'data-endpoint="http://counter.test:{counter.port}"></script>', encoding="utf-8")
    seen = visit(address)
    seen.wait_for_reads()
    assert visit_path(address) == expected
    assert [query(url)["p"] for url in seen.records()] == [expected]
    assert [read_path(url) for url in seen.reads()] == [expected]


# --- No cookies, no storage, no layout shift --------------------------------------------

def test_no_cookies_and_no_storage(visit):
    seen = visit(PRESS + "/")
    seen.wait_for_reads()
    assert seen.count_text() == "1459 visite"
    assert seen.context.cookies() == []
    assert seen.page.evaluate("localStorage.length + sessionStorage.length") == 0



def test_no_cookie_of_the_sites_domain_and_no_referrer_reach_the_counter(browser, site,
                                                                          counter):
    """In production the counter is often a name of the site's own domain
    (stats.example.org beside www.example.org: the same site to a browser), where other
    services of the domain may have set cookies (an analytics cookie on .example.org):
    the browser sends them with any request that asks for credentials, and the beacon did
    (sendBeacon always does; the count reads omit them), handing the counter a lasting
    identifier of the reader. Here the page is opened at counter.test on the site's port,
    the counter at counter.test on its own: the same site, another origin, as
    stats.example.org is for www.example.org; the domain has a cookie. Neither the
    recording nor the reading carries it, nor the page's address as referrer."""
    counter.reset()
    context = browser.new_context()
    context.add_cookies([{"name": "_ga", "value": "GA1.2.3.4", "domain": "counter.test",
                          "path": "/", "sameSite": "Lax"}])
    page = context.new_page()
    sent = []
    page.on("request", lambda request: sent.append(request))
    try:
        page.goto(f"http://counter.test:{site.port}{PRESS}/")
        wait_until(page, lambda: counter.hits(), "the hit")
        page.locator(".article-meta .visit-count").filter(has_text="1459 visite").wait_for()
        to_counter = [(request.url, request.all_headers()) for request in sent
                      if urlsplit(request.url).port == counter.port]
    finally:
        context.close()
    assert [hit["path"] for hit in counter.hits()] == [PRESS]
    assert any("/count?" in url for url, _ in to_counter), to_counter
    assert any("/counter/" in url for url, _ in to_counter), to_counter
    assert [(url, headers.get("cookie"), headers.get("referer")) for url, headers in to_counter
            if "cookie" in headers or "referer" in headers] == []

LAYOUT_SHIFTS = """
    window.__shifts = [];
    new PerformanceObserver(list => {
        for (const entry of list.getEntries()) window.__shifts.push([entry.startTime, entry.value]);
    }).observe({type: 'layout-shift', buffered: true});
"""
ANSWERED_AT = """() => performance.getEntriesByType('resource')
    .filter(entry => entry.name.includes('/counter/')).map(entry => entry.responseEnd)[0]"""


@pytest.mark.parametrize(("path", "width"), [
    (PRESS + "/", 390), ("/2024/05/aggiornato/", 390), ("/2024/05/aggiornato/", 1280),
    ("/2024/05/molto-letto/", 390),
])
def test_no_layout_shift_when_the_count_appears(visit, counter, path, width):
    """Chromium's layout-shift entries from the moment the count arrived: none.

    (Earlier entries, from the web fonts swapping in, are the theme's business.)
    """
    counter.server.hold()  # the number arrives only once the page has settled
    seen = visit(path, init_script=LAYOUT_SHIFTS, width=width)
    seen.page.evaluate("document.fonts.ready.then(() => true)")
    seen.wait_until(lambda: seen.reads(), what="the count request")
    meta = seen.page.locator(".article-meta")
    before = meta.evaluate("e => [...e.children].map(c => c.getBoundingClientRect().toJSON())")
    assert seen.count_text() == ""
    counter.server.release()
    seen.wait_for_reads()
    # shown once the answer is read and laid out: on a busy machine, later than any fixed
    # pause (200 ms failed once with both cores taken)
    seen.wait_until(lambda: seen.count_text().endswith("visite"), what="the count shown")
    after = meta.evaluate("e => [...e.children].map(c => c.getBoundingClientRect().toJSON())")
    assert before == after
    answered = seen.page.evaluate(ANSWERED_AT)
    assert answered > 0
    late = [value for start, value in seen.page.evaluate("window.__shifts") if start >= answered]
    assert late == []


def has_arguments(css):
    """The argument of each ``:has(…)`` in ``css`` (parentheses counted)."""
    found = []
    for match in re.finditer(r":has\(", css):
        depth, index = 1, match.end()
        while depth and index < len(css):
            depth += {"(": 1, ")": -1}.get(css[index], 0)
            index += 1
        found.append(css[match.end():index - 1])
    return found


def test_no_style_waits_for_safari_to_notice_a_count_arrive():
    """In Safari the "·" between the reading time and the count never showed: the item
    before the count was hidden by ``:has(+ .visit-count:empty)``, and WebKit (Safari 26,
    WebKitGTK 2.50) does not restyle a ``:has()`` subject when a script writes text
    into the element its argument names (it does for an attribute). No ``:has()`` of
    the theme's stylesheets depends on an element being empty; the count's separator
    follows the attribute the script sets with the number (the two tests above: shown
    with the count, hidden without)."""
    css = re.sub(r"/\*.*?\*/", "", "".join(
        path.read_text() for path in sorted((ROOT / "theme" / "static" / "css").glob("*.css"))),
        flags=re.DOTALL)
    arguments = has_arguments(css)
    assert any("visit-count" in argument for argument in arguments)  # the rule is there
    assert [argument for argument in arguments if ":empty" in argument] == []


# --- Listings -----------------------------------------------------------------------------

def test_listing_counts_load_lazily_at_most_four_at_a_time(visit, counter):
    server = counter.server
    server.hold()  # the reads wait at the counter: how many the page sends at once shows
    tall = visit("/", height=3000)  # every item in view at once: the limit decides
    items = tall.page.locator(".card .visit-count").count()
    assert items == 14
    tall.wait_until(lambda: server.reads_waiting >= 2, what="reads sent together")
    tall.page.wait_for_timeout(300)  # time for a fifth read to arrive, were there no limit
    assert 2 <= tall.most_reading <= 4  # counted by the browser
    server.release()
    tall.wait_for_reads(number=items)
    assert sorted(map(read_path, tall.reads())) == sorted(
        visit_path(href) for href in tall.page.locator(".card-title a").evaluate_all(
            "links => links.map(a => new URL(a.href).pathname)"))
    assert tall.records() == [] and counter.hits() == []  # listings only read
    shown = tall.page.locator(".card .visit-count").all_text_contents()
    assert shown.count("1459 visite") == 2 and "1 visita" in shown and "14.590 visite" in shown
    assert "1476 visite" in shown  # 1459 before the move + 17

    short = visit("/", height=500)  # only the first items, until the reader scrolls
    cards = short.page.locator(".card")
    # Where the list starts depends on the fonts and the header: the reader scrolls to
    # its first item (at 500 px high the page may open just above it, with no read yet).
    cards.first.scroll_into_view_if_needed()
    short.wait_for_reads()
    first = len(short.reads())
    assert 0 < first < items
    for number in range(items):  # the reader scrolls down the list
        cards.nth(number).scroll_into_view_if_needed()
    short.wait_until(lambda: len(short.reads()) == items, what="the other items")
    short.wait_for_reads(number=items)
    assert short.page.locator(".card .visit-count").all_text_contents() == shown



