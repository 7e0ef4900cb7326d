"""WCAG 2.2's new success criteria that a browser can measure, on the project's own site
(its content, the public settings, the visit counter on) in headless Chromium, across the
kinds of page a reader meets: the home (paginated), an article with an attachment, a
category, the archive, the search with its results, the page not found, Segui and
Contatti; at 320, 390 and 1280 px. axe-core (test_accessibility_browser.py) checks
2.5.8 at 390 and 1280 px only and none of the others:

- 2.5.8 Target Size (Minimum): every link, button, field, <summary> and <label> at least
  24 × 24 CSS px, or with the criterion's spacing (a 24 px circle on the centre of each
  smaller one meets no other target and no other such circle); a link in a sentence is
  exempt (the criterion's "inline" exception), a link alone in its block is not.
- 2.4.11 Focus Not Obscured (Minimum): tabbing through the whole page, each focused
  element is in the window and the topmost element at the centre of its first line is
  it (no sticky, fixed or later box painted over it).
- 3.2.6 Consistent Help: the help the site offers on every page (the Contatti page, and
  the accessibility statement, which says how to report a problem) is on every page, in
  the same order, outside <main>.
- 2.5.7 Dragging Movements: no script of the page listens to a pointer's, a mouse's or a
  finger's movement or to drag and drop (DevTools' own list of the listeners on the
  window, the document and every element), and no element is made draggable: nothing
  the site does is done by dragging (the browser's own dragging of a link or an image,
  and scrolling, are the browser's, outside the criterion).
- 3.3.7 Redundant Entry: the one process in which a reader enters anything is the
  search; the words typed in the header's field are in the search page's field, kept
  when a category is chosen and when the reader comes back from a result.
- 3.3.8 Accessible Authentication (Minimum): nothing of the public site asks to log in;
  the only forms of every page the build writes (the web editor's aside) are the
  searches, GET to the search page, with no field but the words and the category.

Each test proving one of these criteria on the public site is marked
``pytest.mark.wcag22("2.4.11")`` (pytest.ini): test_project_site.py holds the
accessibility statement's list of WCAG 2.2's new criteria to those marks.

The web editor's own scripts are measured for the same criteria in test_admin_browser.py
(2.5.7 and 2.5.8) and test_admin_editing_browser.py (2.4.11).

For the tests of 2.5.8, 2.4.11, 3.2.6, 2.5.7 and 3.3.8, each kind of page is opened once
a width, in a window of its own, and measured there for all of them (:func:`visits`;
2.5.7's listeners and 3.3.8's fields as the page loaded, at 390 px); the eight are
tabbed through side by side, one key press each in turn (:func:`side_by_side`): the two
frames each step waits for go by while the other pages' keys are pressed (the file took
2 min 7 s with one page, one key and one wait at a time; the same records, each step as
it was).
"""

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from browser_support import goto_in_theme_font, launch, served_project_site
from samples import text_pdf
from support import article

pytestmark = pytest.mark.browser

ARTICLE = "/2024/08/festa-dei-laboratori-a-casalmaggiore/"
PDF = "allegati/2024/comunicato-stampa-presentazione-crema.pdf"
# Each page visited, by the name content/pages/accessibilita.md gives it in saying what
# these tests check (test_project_site.py holds it to that).
PAGE_NAMES = {
    "/": "pagina iniziale",
    "/2024/08/festa-dei-laboratori-a-casalmaggiore/": "articolo con un allegato",
    "/categorie/notizie/": "pagina di categoria",
    "/archivio/": "archivio",
    "/cerca/?q=laboratori": "risultati della ricerca",
    "/404.html": "pagina di errore",
    "/segui/": "Segui le notizie",
    "/contatti/": "pagina Contatti",
}
PAGES = [(name, address) for address, name in PAGE_NAMES.items()]
TARGET_WIDTHS = [320, 390, 1280]  # two phones' and a computer's
LOADED_WIDTH = 390  # the one the dragging and field measures are taken at
FOCUS_WIDTHS = [320, 390, 1280]
HEIGHT = 800
EXTRA = {
    PDF: text_pdf("Programma della festa\n" + "Laboratori e giochi in piazza.\n" * 20,
                  "Orari e luoghi dei laboratori."),
    "notizie/2024-08-01-festa-dei-laboratori.md": article(
        title="Festa dei Laboratori a Casalmaggiore", date="2024-08-01 18:30",
        tags="[Casalmaggiore, Laboratori di Comunità]",
        attachments=[f"file: {PDF}\n    title: Programma della festa"],
        body="Sabato i Laboratori di Comunità hanno riempito la piazza di Casalmaggiore."
             " Il [programma](https://www.comune.casalmaggiore.cr.it/laboratori) è in"
             " Comune.\n\nIl prossimo appuntamento è a settembre."),
}

# Every pointer target on the page: [name, left, top, right, bottom, inline], in page
# coordinates. A control in its <label> is measured as the label, which a click on
# anywhere sets (the search's category, a radio button beside its name). Hidden ones are
# left out (not rendered, visibility, 1 px boxes: the visually hidden; the skip link
# above the page until it has the focus). "inline": an
# inline element in a block that has text of its own besides its targets (a link in a
# sentence: WCAG 2.5.8's "inline" exception).
TARGETS = """() => {
    const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary,'
                     + ' label';
    const all = [...document.querySelectorAll(selector)];
    const inline = e => {
        if (getComputedStyle(e).display !== 'inline') return false;
        let block = e.parentElement;
        while (getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
        const copy = block.cloneNode(true);
        copy.querySelectorAll(selector).forEach(t => t.remove());
        return copy.textContent.trim() !== '';
    };
    return all.filter(e => !e.parentElement.closest('label')  // its label is the target
                      && e.getClientRects().length
                      && getComputedStyle(e).visibility === 'visible'
                      && e.getBoundingClientRect().width > 1
                      && e.getBoundingClientRect().height > 1
                      && e.getBoundingClientRect().bottom + scrollY > 0)
        .map(e => { const box = e.getBoundingClientRect();
            return [e.tagName.toLowerCase() + ' ' + (e.textContent.trim().replace(/\\s+/g, ' ')
                    || e.id || e.getAttribute('aria-label') || '').slice(0, 40),
                    box.left + scrollX, box.top + scrollY, box.right + scrollX,
                    box.bottom + scrollY, inline(e)]; });
}"""
# The focused element: [name, in the window, the topmost element at the centre of its
# first line (the part of it in the window) is it or inside it].
FOCUSED = """() => {
    const element = document.activeElement;
    const box = element.getBoundingClientRect();
    const first = element.getClientRects()[0] || box;
    const x = (Math.max(first.left, 0) + Math.min(first.right, innerWidth)) / 2;
    const y = (Math.max(first.top, 0) + Math.min(first.bottom, innerHeight)) / 2;
    const inside = box.bottom > 0 && box.top < innerHeight && box.right > 0
                   && box.left < innerWidth;
    const top = inside ? document.elementFromPoint(x, y) : null;
    return [element.tagName.toLowerCase() + ' ' + (element.getAttribute('href') || element.id
            || element.className || element.textContent.trim()).slice(0, 60),
            inside, !!top && element.contains(top)];
}"""
SETTLE = """() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))
    .then(() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done))))"""
# The help offered on every page, outside <main>, in document order: every link to the
# Contatti page (who to ask) and to the accessibility statement (how to report a problem);
# not the skip link, whose "#contenuto" is on the Contatti page an address of it too.
HELP = """() => [...document.querySelectorAll('a[href]:not([href^="#"])')]
    .filter(e => !e.closest('main')
                 && /\\/(contatti|accessibilita)\\/$/.test(new URL(e.href).pathname))
    .map(e => new URL(e.href).pathname)"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with served_project_site(tmp_path_factory.mktemp("wcag22"), EXTRA,
                             counts={ARTICLE.rstrip("/"): 1476},
                             settings="DEFAULT_PAGINATION = 3") as built:
        yield built


@pytest.fixture(scope="module")
def pages():
    """A page for each kind of page visited (the first for the tests of one page), each
    in a browser context of its own, a window of its own: a width's visits side by side
    (:func:`visits`; Chromium draws the frames only of the last page opened in a
    context, those of the others once a second or two, which each step waits for)."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with sync_playwright() as playwright:
        browser = launch(playwright)
        opened = []
        for _ in PAGES:
            context = browser.new_context(viewport={"width": 1280, "height": HEIGHT},
                                          reduced_motion="reduce")
            page = context.new_page()
            page.devtools = context.new_cdp_session(page)  # goto_in_theme_font's
            opened.append(page)
        yield opened
        browser.close()


@pytest.fixture(scope="module")
def page(pages):
    return pages[0]


def open_page(page, site, address, width):
    """``address`` at ``width`` px, in the theme's font, with what the reader sees once
    the scripts ran: the visit count, the search's results, the share buttons."""
    def shown():
        page.wait_for_function("""() => [...document.querySelectorAll(
            '.visit-count[data-visit-record]')].every(e => e.textContent)""")
        if "?q=" in address:
            page.wait_for_selector("#cerca-risultati li")
    assert site.exists(address.partition("?")[0]), address
    page.set_viewport_size({"width": width, "height": HEIGHT})
    goto_in_theme_font(page, site.origin + address, page.devtools, then=shown)


@pytest.fixture(scope="module")
def visits(pages, site):
    """``visits(width)``: every kind of page (PAGES) opened once at ``width`` px, each in
    a page of its own, and measured for every test at that width: {address: what
    :func:`loaded_measures` records as the page loaded ("help", "fields", "targets", and
    at LOADED_WIDTH "dragging"), then "Tab", "Shift+Tab": what :func:`tab_run` records,
    Tab first}, the pages tabbed through side by side (:func:`side_by_side`); for a
    visit that failed, the exception it raised (raised again by each test reading it).
    Measured once per width, on the first test's ask."""
    measured = {}

    def measure(page, address, width):
        open_page(page, site, address, width)
        found = loaded_measures(page, site.origin, dragging=width == LOADED_WIDTH)
        found.update((yield from tab_run(page, ("Tab", "Shift+Tab"))))
        return found

    def at(width):
        if width not in measured:
            results = side_by_side([measure(page, address, width)
                                    for page, (_, address) in zip(pages, PAGES)])
            measured[width] = {address: result for (_, address), result in zip(PAGES, results)}
        return measured[width]

    return at


def loaded_measures(page, origin, dragging=True):
    """What :func:`visits` records of a page just opened (:func:`open_page`), before
    anything else changes it: {"help": HELP, "fields": FIELDS, then with the phone's
    menu open (its links too) "targets": TARGETS, and with ``dragging`` "dragging":
    :func:`dragging_listeners` (DevTools' walk of the page: only where a test reads it)}."""
    found = {"help": page.evaluate(HELP), "fields": page.evaluate(FIELDS)}
    page.evaluate("document.querySelector('.site-nav-menu').open = true")
    found["targets"] = page.evaluate(TARGETS)
    if dragging:
        found["dragging"] = dragging_listeners(page, origin)
    return found


def visit(visits, address, width):
    """What :func:`visits` measured of ``address`` at ``width`` px (its error raised)."""
    found = visits(width)[address]
    if isinstance(found, Exception):
        raise found
    return found


def small_targets(targets):
    """The targets under 24 × 24 px that neither the inline exception nor the spacing
    exception covers: a circle of 24 px across on the centre of each smaller target
    meets no other target's box and no other smaller target's circle."""
    def small(target):
        return min(target[3] - target[1], target[4] - target[2]) < 24

    def centre(target):
        return (target[1] + target[3]) / 2, (target[2] + target[4]) / 2

    def circle_meets_box(point, box):
        x = min(max(point[0], box[1]), box[3])
        y = min(max(point[1], box[2]), box[4])
        return (x - point[0]) ** 2 + (y - point[1]) ** 2 < 12 ** 2

    undersized = [target for target in targets if small(target) and not target[5]]
    failing = []
    for target in undersized:
        others = [other for other in targets if other is not target]
        point = centre(target)
        near = [other[0] for other in others if circle_meets_box(point, other)
                or small(other) and not other[5] and (
                    (centre(other)[0] - point[0]) ** 2 + (centre(other)[1] - point[1]) ** 2
                    < 24 ** 2)]
        if near:
            failing.append((target[0], round(target[3] - target[1], 1),
                            round(target[4] - target[2], 1), near))
    return failing


@pytest.mark.wcag22("2.5.8")
@pytest.mark.parametrize("width", TARGET_WIDTHS)
@pytest.mark.parametrize(("kind", "address"), PAGES, ids=[kind for kind, _ in PAGES])
def test_every_target_is_24_px_or_spaced_as_wcag_2_5_8_allows(visits, kind, address, width):
    targets = visit(visits, address, width)["targets"]
    assert "a Contatti" in [target[0] for target in targets], targets
    assert small_targets(targets) == [], (kind, width)


def test_the_target_measure_catches_a_small_crowded_target(page, site):
    """The measure above, on the footer's legal links made 16 × 16 px and 2 px apart:
    each is a target alone in its item (not in a sentence), so the inline exception
    does not cover it, and its neighbour is within its circle."""
    open_page(page, site, ARTICLE, 390)
    page.locator(".footer-nav ul").evaluate("""list => {
        list.style.cssText = 'display: flex; gap: 2px';
        list.querySelectorAll('li').forEach(item => item.style.cssText = 'margin: 0; padding: 0');
        list.querySelectorAll('a').forEach(a => a.style.cssText = 'display: block; width: 16px;'
            + ' height: 16px; min-height: 0; padding: 0; margin: 0; overflow: hidden'); }""")
    page.evaluate(SETTLE)
    failing = small_targets(page.evaluate(TARGETS))
    assert [name for name, *_ in failing] == ["a Privacy", "a Note legali",
                                              "a Dichiarazione di accessibilità"], failing


# A key's step, once the key was let go: the end reached, null; else the FOCUSED record
# once the page settled.
TAB_STEP = f"""async later => {{
    if (document.activeElement === document.body) return null;
    window.firstFocused ||= document.activeElement;
    if (later && document.activeElement === firstFocused) return null;
    await ({SETTLE})();
    return ({FOCUSED})();
}}"""
# The start of a walk with one key: the phone's menu open (its links reached too), no
# element focused, the page at its top; and each key's step (TAB_STEP) started by the key
# itself, as it is let go (a listener of the window's, before any of the page's: one
# round trip a step fewer), its answer read later (TAB_RECORD).
TAB_START = f"""() => {{ document.querySelector('.site-nav-menu').open = true;
    window.firstFocused = null;
    window.tabKeys = 0;
    window.tabStep = null;
    if (!window.tabListening) {{
        window.tabListening = true;
        addEventListener('keyup', () => {{ window.tabKeys += 1;
                                           window.tabStep = ({TAB_STEP})(tabKeys > 1); }},
                         true);
    }}
    document.activeElement.blur(); scrollTo(0, 0); }}"""
# The keys the page saw let go since the walk's start, and the last one's step: the end
# reached (the body focused, or round to the first element again: a link's address may
# come twice), null; else the FOCUSED record once the page settled.
TAB_RECORD = "async () => [window.tabKeys, await window.tabStep]"


def tab_run(page, keys=("Tab",)):
    """For each key of ``keys`` in turn (Tab; Shift+Tab: backwards, from the page's end),
    each element it reaches, round to the first one again, the phone's menu open: its
    FOCUSED record once the page settled. A generator (returns {key: [record, ...]}): it
    yields after each key press, while the page settles (SETTLE, two frames: most of a
    step's time), for :func:`side_by_side` to press the next key of another page then.
    Two calls to the browser a step: the key (its release starts the step in the page,
    TAB_START's listener) and the record (with the count of keys the page saw, held to
    the keys pressed); a key's modifier (Shift) is held down for the whole walk, not
    pressed and let go at each step."""
    seen_by_key = {}
    for key in keys:
        seen = []
        page.evaluate(TAB_START)
        *modifiers, pressed = key.split("+")
        for modifier in modifiers:  # held down for the whole walk: two key events a step
            page.keyboard.down(modifier)
        try:
            for _ in range(150):
                page.keyboard.press(pressed)
                yield
                keys_seen, record = page.evaluate(TAB_RECORD)
                assert keys_seen == len(seen) + 1, (page.url, key, keys_seen, seen)
                if record is None:
                    break
                seen.append(record)
        finally:
            for modifier in modifiers:
                page.keyboard.up(modifier)
        seen_by_key[key] = seen
    return seen_by_key


def side_by_side(runs):
    """Each generator of ``runs`` (:func:`tab_run`'s, and what yields from one) run in
    turn to its next yield, until each has returned: the value each returned, or the
    exception it raised, in their order. One page settles while the others' keys are
    pressed."""
    results = [None] * len(runs)
    running = list(enumerate(runs))
    while running:
        for index, run in list(running):
            try:
                next(run)
            except StopIteration as end:
                results[index] = end.value
            except Exception as error:  # noqa: BLE001 - the visit's, raised by its tests
                results[index] = error
            else:
                continue
            running.remove((index, run))
    return results


def tab_through(*walks):
    """For each ``(page, key)`` of ``walks``, :func:`tab_run`'s records of ``key`` on
    ``page``, the pages side by side; the first error raised."""
    results = side_by_side([tab_run(page, (key,)) for page, key in walks])
    for result in results:
        if isinstance(result, Exception):
            raise result
    return [result[key] for result, (_, key) in zip(results, walks)]


@pytest.mark.wcag22("2.4.11")
@pytest.mark.parametrize("width", FOCUS_WIDTHS)
@pytest.mark.parametrize(("kind", "address"), PAGES, ids=[kind for kind, _ in PAGES])
def test_no_focused_element_is_hidden_as_wcag_2_4_11_asks(visits, kind, address, width):
    """Forwards and backwards: an element scrolled into view from below (Tab) and from
    above (Shift+Tab), where a sticky header would cover it."""
    for key in ("Tab", "Shift+Tab"):
        seen = visit(visits, address, width)[key]
        assert len(seen) > 10 and "a #contenuto" in [name for name, *_ in seen], seen
        # the menu's links and the footer's
        assert [end for end in ("/contatti/", "/accessibilita/")
                if not any(name.endswith(end) for name, *_ in seen)] == [], seen
        assert [record for record in seen if not all(record[1:])] == [], (kind, width, key)


def test_the_focus_measure_catches_a_box_laid_over_the_focused_element(pages, site):
    """The measure above with a band fixed over the window's lower 60 %: the elements
    the Tab key brings into view under it are reported; and with a sticky header, those
    Shift+Tab brings into view under it (Tab scrolls an element in from below, where the
    header is not)."""
    banded, headed = pages[:2]
    open_page(banded, site, ARTICLE, 390)
    banded.evaluate("""() => { const band = document.createElement('div');
        band.style.cssText = 'position: fixed; inset: 40% 0 0 0; background: white; z-index: 10';
        document.body.append(band); }""")
    open_page(headed, site, ARTICLE, 390)
    headed.locator(".site-header").evaluate(
        "header => header.style.cssText = 'position: sticky; top: 0; z-index: 10'")
    forwards, backwards = tab_through((banded, "Tab"), (headed, "Shift+Tab"))
    assert [record for record in forwards if not all(record[1:])] != []
    assert [record for record in backwards if not all(record[1:])] != []


@pytest.mark.wcag22("3.2.6")
@pytest.mark.parametrize("width", [390, 1280])
def test_the_help_is_in_the_same_order_on_every_page_as_wcag_3_2_6_asks(visits, width):
    orders = {kind: visit(visits, address, width)["help"] for kind, address in PAGES}
    home = orders["pagina iniziale"]
    assert home == ["/contatti/", "/accessibilita/"], orders
    assert {kind: order for kind, order in orders.items() if order != home} == {}


def static_help(soup):
    """:data:`HELP` of a page as the build wrote it (``soup``): the paths of its links to
    the Contatti page and to the accessibility statement outside <main>, in order."""
    paths = [urlsplit(link["href"]).path for link in soup.select("a[href]")
             if not link["href"].startswith("#") and not link.find_parent("main")]
    return [path for path in paths if re.search(r"/(contatti|accessibilita)/$", path)]


@pytest.mark.wcag22("3.2.6")
def test_every_page_the_build_writes_offers_the_help_in_the_same_order(site):
    """Every HTML page the build writes, not only the kinds above (a tag's, an author's,
    Documenti, a year's archive, a listing's second page, every article and page), but
    the web editor's (the staff's) and those that only send the reader on at once (an
    old address, ``<meta http-equiv="refresh">``, plugins/redirects): the help is on each,
    in the home page's order."""
    orders = {}
    for path in site.output.rglob("*.html"):
        relative = path.relative_to(site.output)
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        if relative.parts[0] != "admin" and not soup.select_one("meta[http-equiv=refresh]"):
            orders[relative.as_posix()] = static_help(soup)
    assert len(orders) > 50 and orders["index.html"] == ["/contatti/", "/accessibilita/"]
    assert {page: order for page, order in orders.items()
            if order != orders["index.html"]} == {}


# --- Dragging Movements (2.5.7) -------------------------------------------------------
# The events through which a script follows a pointer, a mouse or a finger as it moves
# (a press, the moves, a release) or drags and drops: what a dragging movement is
# operated by. A click (a press and a release in one place) is not among them.
DRAGGING = ("pointerdown", "pointermove", "pointerup", "mousedown", "mousemove", "mouseup",
            "touchstart", "touchmove", "touchend", "dragstart", "drag", "dragend",
            "dragenter", "dragover", "dragleave", "drop")


def dragging_listeners(page, origin):
    """Every listener of the site's own scripts (their address at ``origin``: its files
    and any script of its pages) for one of :data:`DRAGGING`, on the window, the document
    or any element (DevTools' own list, ``DOMDebugger.getEventListeners`` over the whole
    tree), each as ``"type on node"``; and every element made draggable
    (``draggable="true"``). Not the listeners of Playwright's own script, which has no
    address (its clicks' and waits' listeners on the window)."""
    devtools = page.devtools
    group = {"objectGroup": "dragging"}
    own = {}  # scriptId: whether the site's (one not reported, V8 done with it: counted)

    def parsed(event):
        own[event["scriptId"]] = event["url"].startswith(origin + "/")

    found = []
    devtools.on("Debugger.scriptParsed", parsed)
    try:
        devtools.send("Debugger.enable")  # every script parsed so far, then Debugger's reply
        devtools.send("DOM.getDocument", {"depth": -1, "pierce": True})
        for target in ("window", "document"):
            handle = devtools.send("Runtime.evaluate", {"expression": target, **group})
            listeners = devtools.send("DOMDebugger.getEventListeners", {
                "objectId": handle["result"]["objectId"], "depth": -1, "pierce": True})
            for listener in listeners["listeners"]:
                if listener["type"] not in DRAGGING or not own.get(listener["scriptId"], True):
                    continue
                node = listener.get("backendNodeId")
                described = {} if node is None else devtools.send(
                    "DOM.describeNode", {"backendNodeId": node})["node"]
                where = described.get("localName") or described.get(
                    "nodeName", target).lstrip("#").lower()  # "#document": document
                found.append(f"{listener['type']} on {where}")
    finally:
        devtools.send("Runtime.releaseObjectGroup", group)
        devtools.send("Debugger.disable")
        devtools.remove_listener("Debugger.scriptParsed", parsed)
    found += page.evaluate("""() => [...document.querySelectorAll('*')]
        .filter(e => e.draggable && !(e.matches('a[href], img')
                                      && e.getAttribute('draggable') !== 'true'))
        .map(e => 'draggable ' + e.localName)""")
    return sorted(set(found))


@pytest.mark.wcag22("2.5.7")
@pytest.mark.parametrize(("kind", "address"), PAGES, ids=[kind for kind, _ in PAGES])
def test_nothing_on_a_page_is_done_by_dragging_as_wcag_2_5_7_asks(visits, kind, address):
    """Once the page's scripts ran (the visit count, the search's results, the share
    buttons), the phone's menu open (at 390 px: :func:`visits`)."""
    assert visit(visits, address, LOADED_WIDTH)["dragging"] == [], kind


# --- Accessible Authentication (3.3.8): what a reader is asked to enter ----------------
# Each field a reader may fill, as [its form's method, its form's path, role, its type,
# its name]: every input, select, textarea and editable element of the page.
FIELDS = """() => [...document.querySelectorAll(
        'input, select, textarea, [contenteditable]:not([contenteditable=false])')]
    .map(e => { const form = e.form || e.closest('form');
        return [form ? form.method : null, form ? new URL(form.action).pathname : null,
                form ? form.getAttribute('role') : null,
                e.localName === 'input' ? e.type : e.localName, e.name || null]; })"""
# the search's two fields, in the header's form and the search page's
SEARCH_FIELDS = [["get", "/cerca/", "search", "search", "q"],
                 ["get", "/cerca/", "search", "radio", "categoria"]]


def static_fields(soup):
    """:data:`FIELDS` of a page as the build wrote it (``soup``), before any script."""
    fields = []
    for element in soup.select("input, select, textarea, [contenteditable]"):
        if element.get("contenteditable") == "false":
            continue
        form = element.find_parent("form")
        kind = element.get("type", "text").lower() if element.name == "input" else element.name
        fields.append([form.get("method", "get").lower() if form else None,
                       urlsplit(form.get("action", "")).path if form else None,
                       form.get("role") if form else None, kind, element.get("name")])
    return fields


@pytest.mark.wcag22("3.3.8")
@pytest.mark.parametrize(("kind", "address"), PAGES, ids=[kind for kind, _ in PAGES])
def test_no_page_asks_to_log_in_as_wcag_3_3_8_allows(visits, kind, address):
    """Once the page's scripts ran (the search's categories added), the only fields are
    the search's: no password, no code to copy, no puzzle; nothing to log in to (at
    390 px: :func:`visits`)."""
    fields = visit(visits, address, LOADED_WIDTH)["fields"]
    assert fields, kind  # the header's search, or the search page's
    assert [field for field in fields if field not in SEARCH_FIELDS] == [], kind


@pytest.mark.wcag22("3.3.8")
def test_no_page_the_build_writes_has_a_field_but_the_searchs(site):
    """Every HTML page the build writes but the web editor's (/admin/, the staff's,
    whose login is the git host's page), as written: its forms are the searches."""
    pages = [path for path in site.output.rglob("*.html")
             if path.relative_to(site.output).parts[0] != "admin"]
    assert len(pages) > 50
    odd = {}
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        fields = static_fields(soup)
        if [field for field in fields if field not in SEARCH_FIELDS]:
            odd[str(path.relative_to(site.output))] = fields
    assert odd == {}


def test_the_dragging_and_field_measures_catch_a_slider_and_a_login(page, site):
    """The two measures above as :func:`visits` takes them (:func:`loaded_measures`), on
    the article with a script of the site's (as any of its files) that makes a slider
    dragged by a pointer (following its presses and moves, made draggable), and a login
    form laid in its text: each reports them."""
    script = site.output / "cursore.js"
    script.write_text("""
        const slider = document.createElement('div');
        slider.className = 'cursore';
        slider.draggable = true;
        slider.addEventListener('pointerdown', () => null);
        document.addEventListener('pointermove', () => null);
        document.querySelector('main').append(slider);""")
    open_page(page, site, ARTICLE, 390)
    try:
        page.add_script_tag(url=site.origin + "/cursore.js")
    finally:
        script.unlink()
    page.evaluate("""() => {
        const form = document.createElement('form');
        form.method = 'post';
        form.action = '/accedi/';
        form.innerHTML = '<input name="utente"><input type="password" name="parola">';
        document.querySelector('main').append(form);
    }""")
    found = loaded_measures(page, site.origin)
    assert found["dragging"] == [
        "draggable div", "pointerdown on div", "pointermove on document"]
    assert [field for field in found["fields"] if field not in SEARCH_FIELDS] == [
        ["post", "/accedi/", None, "text", "utente"],
        ["post", "/accedi/", None, "password", "parola"]]


# --- Redundant Entry (3.3.7) ------------------------------------------------------------
@pytest.mark.wcag22("3.3.7")
@pytest.mark.parametrize("width", [390, 1280])
def test_the_words_searched_are_never_asked_again_as_wcag_3_3_7_asks(page, site, width):
    """The header's field on an article sends its words to the search page, whose field
    holds them; a category chosen keeps them; back from a result, the words and the
    category are still there, the results shown again: the reader types them once."""
    def field():
        return page.get_by_label("Parole da cercare").input_value()

    def chosen():
        return page.locator("#cerca-categoria input:checked").evaluate(
            "radio => radio.labels[0].textContent")

    def said():  # the count, once the search ran ("Caricamento della ricerca…" before)
        page.wait_for_function("() => document.querySelector('#cerca-stato').textContent"
                               ".endsWith('.')")
        return page.locator("#cerca-stato").text_content()

    open_page(page, site, ARTICLE, width)
    page.get_by_role("search").get_by_label("Cerca nel sito").fill("laboratori")
    page.get_by_role("search").get_by_label("Cerca nel sito").press("Enter")
    page.wait_for_url("**/cerca/?q=laboratori")
    assert said().endswith("per «laboratori».")
    assert field() == "laboratori"
    page.locator("#cerca-categoria label", has_text="Notizie").click()
    page.wait_for_url("**/cerca/?q=laboratori&categoria=Notizie")
    page.wait_for_function("() => document.querySelector('#cerca-stato').textContent"
                           ".endsWith(' in Notizie.')")
    assert (field(), chosen()) == ("laboratori", "Notizie")
    shown = page.locator(".cerca-risultato h2 a").all_text_contents()
    assert shown
    page.locator(".cerca-risultato h2 a").first.click()
    page.wait_for_url(lambda url: "/cerca/" not in url)
    page.go_back()
    page.wait_for_url("**/cerca/?q=laboratori&categoria=Notizie")
    assert said().endswith("per «laboratori» in Notizie.")
    assert (field(), chosen()) == ("laboratori", "Notizie")
    assert page.locator(".cerca-risultato h2 a").all_text_contents() == shown
