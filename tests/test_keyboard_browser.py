"""A reader with a keyboard only, in Chromium at 390 and 1280 px, light and dark: the skip
link, the focus ring (base.css: a 3 px amber outline over a 6 px dark or white shadow,
drawn outside the focused element), what may hide it, and the size of what a finger or a
mouse points at (WCAG 2.2: 2.4.7, 2.4.11, 2.5.8).

Tabbing down a page, an element partly in view was scrolled just into it, flush with
the window's lower edge: the lower side of its ring stayed outside the window.

One small site, built once; one browser. Motion is reduced: the page jumps to the focused
element instead of scrolling smoothly to it, so each position is final when measured.
"""

import pytest
from browser_support import chromium, served_site
from support import ROOT, article

pytestmark = pytest.mark.browser

PDF = "allegati/2024/comunicato-stampa-presentazione-crema.pdf"
ARTICLE = "/2024/08/festa-dei-laboratori/"
RING = 6  # px outside the element: the width of base.css's focus ring
HEIGHT = 844
PARAGRAPH = ("I Laboratori di Comunità hanno riempito la piazza: tavoli, giochi, un orto"
             " condiviso e le famiglie volontarie che raccontano il loro anno.")

# The focused element: its box [left, top, right, bottom], whether it shows a focus ring
# (:focus-visible, an outline), whether the topmost element at its centre is it or inside
# it (nothing fixed or sticky laid over it), and a name for messages.
FOCUSED = """() => {
    const element = document.activeElement;
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    const x = (box.left + box.right) / 2, y = (box.top + box.bottom) / 2;
    const top = y >= 0 && y < innerHeight ? document.elementFromPoint(x, y) : null;
    return {box: [box.left, box.top, box.right, box.bottom],
            ring: element.matches(':focus-visible') && style.outlineStyle !== 'none',
            uncovered: !!top && element.contains(top),
            name: element.tagName.toLowerCase() + ' ' + (element.getAttribute('href')
                  || element.className || element.id || element.textContent.trim()).slice(0, 60)};
}"""
# The next two frames: with reduced motion every change of style is a transition of
# 0.01 ms (base.css), the skip link's move into view too.
SETTLE = """() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"""
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
        PDF: (ROOT / "content" / PDF).read_bytes(),
        "notizie/festa.md": article(
            title="Festa dei Laboratori", date="2024-08-01 18:30", slug="festa-dei-laboratori",
            tags="[Casalmaggiore, Laboratori di Comunità]",
            attachments=[f"file: {PDF}\n    title: Programma della festa"],
            body="\n\n".join([PARAGRAPH] * 6)),
        "notizie/orto.md": article(title="L'orto condiviso", date="2024-07-01 10:00"),
        "notizie/rete.md": article(title="Nasce la rete", date="2024-06-01 10:00"),
        "avvisi/sportello.md": article(title="Sportello chiuso", date="2024-05-01 10:00"),
    }, settings="VISIT_COUNTER_URL = ''\nDEFAULT_PAGINATION = 2\n") as built:
        yield built


@pytest.fixture(scope="module")
def page():
    with chromium() as browser:
        context = browser.new_context(viewport={"width": 1280, "height": HEIGHT},
                                      reduced_motion="reduce")
        yield context.new_page()


def show(page, site, address, width, scheme="light"):
    page.set_viewport_size({"width": width, "height": HEIGHT})
    page.emulate_media(color_scheme=scheme)
    page.goto(site.origin + address)
    page.wait_for_function("() => document.fonts.status === 'loaded'")


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


@pytest.mark.parametrize("address", ["/", ARTICLE])
def test_every_target_outside_running_text_is_at_least_24_px(page, site, address):
    show(page, site, address, 390)
    targets = page.evaluate(TARGETS)
    assert len(targets) > 10, targets
    assert [target for target in targets if min(target[1:]) < 24] == []
