"""A reader with a keyboard only, in Chromium at 390 and 1280 px, light and dark: the skip
link, the focus ring (base.css: a 3 px amber outline over a 6 px dark or white shadow,
drawn outside the focused element), what may hide it, the size of what a finger or a
mouse points at (WCAG 2.2: 2.4.7, 2.4.11, 2.5.8), and the focus when the search page hides
its form (it fell back to the page's start).

The ring is measured on screenshots, with and without it: a band as wide as the ring
outside each side of the focused element must change. It did not where a box painted
after the element covered it: the "Cerca" button hid the right side of the header's
search field's ring, and the home page's intro band the lower side of the menu's (body
is a flex column: <main> is painted after the whole header). Inside the element nothing
may change: the shadow drawn around each line of a link on two lines covered the lower
half of the first line's words. Tabbing down a page, an element partly in view was
scrolled just into it, flush with the window's lower edge: the lower side of its ring
stayed outside the window.

One small site, built once; one browser. Motion is reduced: the page jumps to the focused
element instead of scrolling smoothly to it, so each position is final when measured.
"""

import threading

import pytest
import samples
from browser_support import (RING, chromium, drawn_in_theme_font, goto_in_theme_font,
                             ring_changes, ring_sides, served_site)
from support import article

pytestmark = pytest.mark.browser

PDF = "allegati/2024/comunicato-stampa-presentazione-crema.pdf"
ARTICLE = "/2024/08/festa-dei-laboratori/"
HEIGHT = 844
PARAGRAPH = ("I Laboratori di Comunità hanno riempito la piazza: tavoli, giochi, un orto"
             " condiviso e le famiglie volontarie che raccontano il loro anno.")
# Two lines or more on a phone: a card's title, a link in the text.
LONG_TITLE = "Community Manager a Cremona, dove trovare giorni e orari degli sportelli"
LINK = ("Il [programma completo della festa dei laboratori di comunità in piazza]"
        "(https://www.comune.casalmaggiore.cr.it/laboratori) è in Comune.")

# The focused element: its box [left, top, right, bottom], whether it shows a focus ring
# (:focus-visible, an outline), whether the topmost element at the centre of its first
# line is it or inside it (nothing fixed or sticky laid over it), and a name for messages.
FOCUSED = """() => {
    const element = document.activeElement;
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    const first = element.getClientRects()[0] || box;  // a link's first line
    const x = (first.left + first.right) / 2, y = (first.top + first.bottom) / 2;
    const top = y >= 0 && y < innerHeight ? document.elementFromPoint(x, y) : null;
    return {box: [box.left, box.top, box.right, box.bottom],
            ring: element.matches(':focus-visible') && style.outlineStyle !== 'none',
            uncovered: !!top && element.contains(top),
            name: element.tagName.toLowerCase() + ' ' + (element.getAttribute('href')
                  || element.className || element.id || element.textContent.trim()).slice(0, 60)};
}"""
# With reduced motion every change of style is a transition of 0.01 ms (base.css), the
# skip link's move into view too: its end (getAnimations() starts the transitions a
# change of focus made), then two frames. Two frames alone were not always enough on a
# loaded machine: the skip link was read still above the window, where it starts.
SETTLE = """() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))
    .then(() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done))))"""
# What a finger or a mouse points at, outside running text (links in a sentence are
# exempt from WCAG 2.5.8): [name, width, height].
TARGETS = """() => [...document.querySelectorAll('a[href], button, input, select, summary')]
    .filter(e => e.getClientRects().length && getComputedStyle(e).visibility === 'visible'
                 && e.getBoundingClientRect().width > 1
                 && !e.closest('.prose p, .prose li, .prose td, .document-source'))
    .map(e => { const box = e.getBoundingClientRect();
                return [e.tagName.toLowerCase() + ' ' + (e.textContent.trim() || e.id),
                        Math.round(box.width * 10) / 10, Math.round(box.height * 10) / 10]; })"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with served_site(tmp_path_factory.mktemp("keyboard"), {
        PDF: samples.text_pdf("Programma della festa\nOrari e luoghi dei laboratori."),
        "notizie/festa.md": article(
            title="Festa dei Laboratori", date="2024-08-01 18:30", slug="festa-dei-laboratori",
            tags="[Casalmaggiore, Laboratori di Comunità]",
            attachments=[f"file: {PDF}\n    title: Programma della festa"],
            body="\n\n".join([PARAGRAPH, LINK] + [PARAGRAPH] * 5)),
        "avvisi/orari.md": article(title=LONG_TITLE, date="2024-09-01 10:00"),
        "notizie/orto.md": article(title="L'orto condiviso", date="2024-07-01 10:00"),
        "notizie/rete.md": article(title="Nasce la rete", date="2024-06-01 10:00"),
        "avvisi/sportello.md": article(title="Sportello chiuso", date="2024-05-01 10:00"),
    }, hold=("/theme/fonts/",), settings="VISIT_COUNTER_URL = ''\nDEFAULT_PAGINATION = 2\n") as built:
        yield built


@pytest.fixture(scope="module")
def page():
    with chromium() as browser:
        context = browser.new_context(viewport={"width": 1280, "height": HEIGHT},
                                      reduced_motion="reduce")
        page = context.new_page()
        page.devtools = context.new_cdp_session(page)  # goto_in_theme_font's
        yield page


def show(page, site, address, width, scheme="light", measured=True):
    """``address`` at ``width`` px; for a test that ``measured`` its layout (boxes, lines,
    rings on screenshots), drawn in the theme's font: loaded again when a font file came
    too late for it (``browser_support.goto_in_theme_font``; ``font-display: optional``
    leaves a page in the wider fallback font for the whole visit)."""
    page.set_viewport_size({"width": width, "height": HEIGHT})
    page.emulate_media(color_scheme=scheme)
    if measured:
        goto_in_theme_font(page, site.origin + address, page.devtools)
    else:
        page.goto(site.origin + address)
        page.wait_for_function("() => document.fonts.status === 'loaded'")


def tab_to(page, locator):
    """The keyboard's focus on ``locator`` (from the element before it, as a reader
    tabbing there: :focus-visible)."""
    locator.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert locator.evaluate("e => e === document.activeElement && e.matches(':focus-visible')")


def test_the_skip_link_comes_first_shows_and_leads_into_the_page(page, site):
    show(page, site, ARTICLE, 390)
    page.keyboard.press("Tab")
    page.evaluate(SETTLE)
    focused = page.evaluate(FOCUSED)
    assert focused["name"] == "a #contenuto" and focused["ring"], focused
    left, top, right, bottom = focused["box"]
    assert left >= RING and top >= RING and right - left > 100 and bottom - top >= 24, focused
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")  # the next stop is the first link of <main>: the breadcrumb's
    assert page.evaluate("document.activeElement.closest('main') !== null"
                         " && document.activeElement.textContent === 'Home'")


def shown_whole(focused, width):
    """Whether the focused element shows its ring, nothing lies over it and it is in the
    window with its ring."""
    left, top, right, bottom = focused["box"]
    return (focused["ring"] and focused["uncovered"] and top >= RING
            and bottom <= HEIGHT - RING and left >= 0 and right <= width)


@pytest.mark.parametrize("width", [390, 1280])
def test_tabbing_through_a_page_shows_each_element_and_its_whole_ring(page, site, width):
    # Focus Not Obscured (2.4.11): nothing is laid over the focused element; and the
    # window scrolls far enough to show the ring below it too.
    show(page, site, ARTICLE, width)
    seen, problems = [], []
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement === document.body"):
            break
        focused = page.evaluate(FOCUSED)
        if seen and focused["name"] == seen[0]:
            break
        seen.append(focused["name"])
        if not shown_whole(focused, width):
            page.evaluate(SETTLE)  # the skip link may still be on its way into view
            focused = page.evaluate(FOCUSED)
            if not shown_whole(focused, width):
                problems.append(focused)
    assert len(seen) > 20 and "a #contenuto" in seen, seen  # the whole page, then around
    assert any(name.startswith("a mailto:") for name in seen), seen  # down to the sharing
    assert problems == [], problems


@pytest.mark.parametrize("width", [390, 1280])
def test_an_element_partly_in_view_is_scrolled_in_with_its_whole_ring(page, site, width):
    # Only the upper half of the next link shows at the window's lower edge; Tab. The
    # browser scrolled it just into view, flush with the edge, its ring's lower side out.
    show(page, site, ARTICLE, width)
    before, after = page.locator(".share-link").nth(1), page.locator(".share-link").nth(2)
    top, height = after.evaluate("e => [e.getBoundingClientRect().top + scrollY,"
                                 " e.getBoundingClientRect().height]")
    page.evaluate("y => scrollTo(0, y)", top + height / 2 - HEIGHT)
    before.evaluate("e => e.focus({preventScroll: true})")
    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUSED)
    assert focused["name"].startswith("a https://t.me/"), focused
    assert shown_whole(focused, width), focused


def test_no_neighbour_paints_over_a_focus_ring(page, site):
    cases = [
        ("/", 1280, "light", ".site-nav-list a >> nth=0"),  # over the home's intro band
        ("/", 390, "dark", "#site-search-q"),               # beside the "Cerca" button
        ("/", 390, "light", ".site-nav-button"),            # the menu's, over <main>
    ]
    hidden = []
    for address, width, scheme, selector in cases:
        show(page, site, address, width, scheme)
        locator = page.locator(selector)
        locator.scroll_into_view_if_needed()
        tab_to(page, locator)
        sides = ring_sides(page, locator, HEIGHT)
        if min(sides.values()) < 0.25:
            hidden.append((address, width, scheme, selector, sides))
    assert hidden == [], hidden


def test_measuring_a_focus_ring_leaves_the_elements_own_style(page, site):
    """The ring is hidden by an inline style for the screenshot without it; the element's
    own inline style is as it was after (a copy of the measure removed the attribute,
    whatever it held), and so is a style-less element's (no attribute added)."""
    show(page, site, "/", 390)
    # buttons: Playwright's screenshot of a focused field leaves it style="" (the caret's)
    button, cerca = page.locator(".site-nav-button"), page.locator(".site-search-button")
    own = "color: rgb(1, 2, 3); outline-color: rgb(4, 5, 6);"
    button.evaluate("(e, own) => e.setAttribute('style', own)", own)
    for locator, style in ((button, own), (cerca, None)):
        tab_to(page, locator)
        ring_sides(page, locator, HEIGHT)
        assert locator.evaluate("e => e.getAttribute('style')") == style, locator


def test_a_focus_ring_leaves_the_words_of_a_link_on_two_lines_readable(page, site):
    # The ring's shadow was drawn around each line's box: the second line's covered the
    # lower half of the first line's words.
    covered = {}
    for address, selector in (("/", ".card-title a >> nth=0"), (ARTICLE, ".prose a")):
        show(page, site, address, 390)
        locator = page.locator(selector)
        locator.scroll_into_view_if_needed()
        tab_to(page, locator)
        # each line's box, 2 px in from its edges (where the ring of the line beside it ends)
        lines = locator.evaluate("e => [...e.getClientRects()].map(r => [Math.ceil(r.left) + 2,"
                                 " Math.ceil(r.top) + 2, Math.floor(r.right) - 2,"
                                 " Math.floor(r.bottom) - 2])")
        assert len(lines) >= 2, (address, lines)
        changed, _ = ring_changes(page, locator, HEIGHT)
        origin_x, origin_y = changed.info["origin"]
        covered[address] = [sum(1 for value in changed.crop(
            (left - origin_x, top - origin_y, right - origin_x, bottom - origin_y))
            .get_flattened_data() if value) for left, top, right, bottom in lines]
    assert all(count == 0 for counts in covered.values() for count in counts), covered


def assert_targets_are_at_least_24_px(page):
    targets = page.evaluate(TARGETS)
    assert len(targets) > 10, targets
    assert [target for target in targets if min(target[1:]) < 24] == []


@pytest.mark.parametrize("address", ["/", ARTICLE])
def test_every_target_outside_running_text_is_at_least_24_px(page, site, address):
    show(page, site, address, 390)
    assert_targets_are_at_least_24_px(page)


def test_a_page_is_measured_in_the_theme_s_font_when_its_files_come_late(page, site):
    """The theme's fonts are ``font-display: optional``: on a loaded machine (the
    publish workflow runs the whole suite before each publish) a font file later than a
    tenth of a second left the page in the wider fallback font for the whole visit, and
    this file's boxes, lines and rings were the fallback's, not the site's. :func:`show`
    takes its measures in the theme's font, here with the font files held half a second
    (a new context: nothing in its cache)."""
    context = page.context.browser.new_context(viewport={"width": 390, "height": HEIGHT},
                                               reduced_motion="reduce")
    late = context.new_page()
    late.devtools = context.new_cdp_session(late)
    site.server.hold()
    threading.Timer(0.5, site.server.release).start()
    try:
        show(late, site, ARTICLE, 390)
        assert_targets_are_at_least_24_px(late)
        assert drawn_in_theme_font(late.devtools)
    finally:
        site.server.release()
        context.close()


def test_a_search_that_cannot_start_leaves_the_focus_on_its_message(page, site):
    # The form shows before the index has arrived; the reader types. When the index does
    # not load the form is hidden: the focus fell back to the page's start (<body>).
    held = []
    page.route("**/pagefind/pagefind.js", lambda route: held.append(route))
    try:
        show(page, site, "/cerca/", 390, measured=False)  # one load: the index held once
        page.locator("#cerca-q").focus()
        page.keyboard.type("festa")
        page.wait_for_function("() => document.querySelector('#cerca-q').value === 'festa'")
        assert len(held) == 1
        held[0].abort()
        page.wait_for_function("() => document.querySelector('#cerca-form').hidden")
        page.evaluate(SETTLE)  # the browser moves the focus off a hidden field at a frame
        focused = page.evaluate("() => [document.activeElement.id,"
                                " document.activeElement.matches(':focus-visible')]")
        assert focused == ["cerca-stato", True]
        assert page.locator("#cerca-stato").text_content().startswith(
            "La ricerca non è disponibile in questo momento")
        page.keyboard.press("Tab")  # on to the archive the message offers
        assert page.evaluate("document.activeElement.textContent") == "l’archivio"
    finally:
        page.unroute("**/pagefind/pagefind.js")
