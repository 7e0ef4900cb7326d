"""Readers who see poorly, proven in Chromium: the browser's own text size at 200 %
(WCAG 1.4.4), the smallest text and less motion (``prefers-reduced-motion: reduce``).
Reflow at 320 px and text spacing are tests/test_reflow_browser.py's, forced colours
tests/test_forced_colors_browser.py's.

The text size is Chromium's own setting (Settings > Appearance > Font size), set through
the DevTools protocol (``Page.setFontSizes``): the default font size, which every rem of
the theme follows; not the zoom, which enlarges everything and narrows the layout. At
200 % on a phone the brand's mark and name no longer fit side by side: they ran off the
screen, the name cut after "FareLeg", and the whole page scrolled sideways.
"""

import pytest
from browser_support import chromium, served_site
from support import ROOT, article

pytestmark = pytest.mark.browser

PDF = "allegati/2024/comunicato-stampa-presentazione-crema.pdf"
ARTICLE = "/2024/08/festa-dei-laboratori/"
PAGES = [
    ("home", "/"),  # with pagination (DEFAULT_PAGINATION below)
    ("articolo con allegato e tabella", ARTICLE),
    ("categoria", "/categorie/notizie/"),
    ("cerca", "/cerca/?q=laboratori"),
    ("documenti", "/documenti/"),
    ("archivio", "/archivio/"),
    ("archivio dell'anno", "/archivio/2024/"),
]
IDS = [kind for kind, _ in PAGES]

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
# Every visible text of the page: [element's name, its text, its font size in px].
TEXTS = """() => {
    const hidden = """ + HIDDEN + """;
    const texts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode());) {
        const element = node.parentElement;
        if (!node.textContent.trim() || element.closest('.skip-link') || hidden(element))
            continue;
        texts.push([`${element.tagName.toLowerCase()}.${element.className}`,
                    node.textContent.trim().slice(0, 30),
                    parseFloat(getComputedStyle(element).fontSize)]);
    }
    return texts;
}"""
# What sticks out of the screen sideways, but for tables and code (they scroll in their
# own box; the skip link waits above the top until focused).
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
@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with served_site(tmp_path_factory.mktemp("low-vision"), {
        PDF: (ROOT / "content" / PDF).read_bytes(),
        "notizie/festa.md": article(
            title="Festa dei Laboratori", date="2024-08-01 18:30", slug="festa-dei-laboratori",
            tags="[Casalmaggiore, Laboratori di Comunità]",
            summary="Sabato i Laboratori di Comunità hanno riempito la piazza.",
            attachments=[f"file: {PDF}\n    title: Programma della festa\n"
                         "    description: Orari e luoghi dei laboratori."],
            body="""\
                I [Laboratori di Comunità](https://www.example.org/laboratori) hanno riempito
                la piazza.

                | Laboratorio | Settembre | Ottobre | Referente |
                | --- | ---: | ---: | --- |
                | Orti condivisi | 12 | 18 | Associazione Casalmaggiore Solidale |
                | Doposcuola | 25 | 30 | Community Manager di Casalmaggiore |
                """),
        "notizie/orti.md": article(title="Orti condivisi dei laboratori", date="2024-07-01 10:00",
                                   tags="[Casalmaggiore]"),
        "avvisi/sportello.md": article(title="Sportello dei laboratori",
                                       date="2024-06-01 10:00"),
    }, settings="VISIT_COUNTER_URL = ''\nDEFAULT_PAGINATION = 2\n") as built:
        yield built


@pytest.fixture(scope="module")
def page():
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.devtools = page.context.new_cdp_session(page)
        yield page


def visit(page, site, address, text_size=16, **media):
    """``address`` with Chromium's default font size ``text_size`` px (16: the default;
    32: 200 %) and the emulated ``media`` (Playwright's names); waits for the search's
    results."""
    page.devtools.send("Page.setFontSizes", {"fontSizes": {"standard": text_size}})
    page.emulate_media(**{"color_scheme": "light", "contrast": "no-preference",
                          "reduced_motion": "no-preference", **media})
    assert site.exists(address.split("?")[0]), address
    page.goto(site.origin + address, wait_until="load")
    if address.startswith("/cerca/"):
        page.wait_for_selector(".cerca-risultato")
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == (
        f"{text_size}px")


@pytest.mark.parametrize(("kind", "address"), PAGES, ids=IDS)
def test_text_at_200_percent_grows_everywhere_and_fits_a_phone(page, site, kind, address):
    """WCAG 1.4.4: the reader's text size doubles every text (no px size ignores it), and
    at 390 px nothing runs off the screen (the brand did: "FareLeg", and a page scrolling
    sideways)."""
    visit(page, site, address)
    normal = page.evaluate(TEXTS)
    assert min(size for _, _, size in normal) >= 12, (kind, normal)  # nothing tiny
    visit(page, site, address, text_size=32)
    large = page.evaluate(TEXTS)
    assert [text for _, text, _ in large] == [text for _, text, _ in normal], kind
    ignored = [(name, text, before, after) for (name, text, before), (_, _, after)
               in zip(normal, large) if after < 1.9 * before]
    assert ignored == [], kind
    scroll_width, width, outside = page.evaluate(OUTSIDE)
    assert (scroll_width, outside) == (width, []), kind


@pytest.mark.parametrize("width", [390, 1280])
def test_nothing_is_under_12_px(page, site, width):
    """The smallest text (dates, categories, the slim band) at the default size, phone
    and desktop: 14 px, never under 12."""
    page.set_viewport_size({"width": width, "height": 844})
    try:
        for _, address in PAGES:
            visit(page, site, address)
            small = [text for text in page.evaluate(TEXTS) if text[2] < 12]
            assert small == [], address
    finally:
        page.set_viewport_size({"width": 390, "height": 844})


def test_reduced_motion_turns_smooth_scrolling_off(page, site):
    """The skip link and links to a heading jump, without an animated scroll, for a
    reader who asked for less motion; smoothly otherwise."""
    scroll = "getComputedStyle(document.documentElement).scrollBehavior"
    visit(page, site, ARTICLE)
    assert page.evaluate(scroll) == "smooth"
    visit(page, site, ARTICLE, reduced_motion="reduce")
    assert page.evaluate(scroll) == "auto"
