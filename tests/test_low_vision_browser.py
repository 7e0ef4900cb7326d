"""Readers who see poorly, proven in Chromium: the browser's own text size at 200 %
(WCAG 1.4.4), the smallest text, more contrast (``prefers-contrast: more``) and less
motion (``prefers-reduced-motion: reduce``). Reflow at 320 px and text spacing are
tests/test_reflow_browser.py's, forced colours tests/test_forced_colors_browser.py's.

The text size is Chromium's own setting (Settings > Appearance > Font size), set through
the DevTools protocol (``Page.setFontSizes``): the default font size, which every rem of
the theme follows; not the zoom, which enlarges everything and narrows the layout. At
200 % on a phone the brand's mark and name no longer fit side by side: they ran off the
screen, the name cut after "FareLeg", and the whole page scrolled sideways.

``prefers-contrast: more`` ("Increase contrast" on macOS and iOS) was ignored: the muted
grey (4.81:1 on the home page's light band), the links and the blue header band (5.57:1)
stayed at the AA minimum. With it, all text is at 7:1 at least (1.4.6, AAA).
"""

import threading

import pytest
import samples
from browser_support import (HIDDEN, OUTSIDE, chromium, drawn_in_theme_font,
                             served_site, shown_in_theme_font)
from support import article

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
# Every visible text (and the separators drawn by ::before/::after) whose contrast with
# the background behind it is under ``minimum`` (large text: ``large``), as
# "element "text" ratio". Backgrounds are blended up to the first opaque one.
LOW_CONTRAST = """([minimum, large]) => {
    const hidden = """ + HIDDEN + """;
    const rgba = value => { const c = value.match(/[\\d.]+/g).map(Number);
                            return c.length === 3 ? [...c, 1] : c; };
    const over = (top, under) => under.map((v, i) => v * (1 - top[3]) + top[i] * top[3]);
    const luminance = colour => colour.slice(0, 3).map(c => c / 255).map(
        c => c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
        .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
    const background = element => {
        const layers = [];
        for (let box = element; box; box = box.parentElement) {
            const colour = rgba(getComputedStyle(box).backgroundColor);
            if (colour[3] > 0) layers.unshift(colour);
            if (colour[3] === 1) break;
        }
        return layers.reduce((under, top) => over(top, under), [255, 255, 255]);
    };
    const low = new Set();
    const check = (element, pseudo, text) => {
        const style = getComputedStyle(element, pseudo);
        const behind = background(element);
        const [a, b] = [luminance(over(rgba(style.color), behind)), luminance(behind)];
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        const size = parseFloat(style.fontSize);
        const big = size >= 24 || (size >= 18.66 && parseInt(style.fontWeight) >= 700);
        if (ratio < (big ? large : minimum))
            low.add(`${element.tagName.toLowerCase()}.${element.className}${pseudo || ''}`
                    + ` "${text.slice(0, 20)}" ${ratio.toFixed(2)}`);
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode());) {
        const element = node.parentElement;
        if (node.textContent.trim() && !element.closest('.skip-link') && !hidden(element))
            check(element, null, node.textContent.trim());
    }
    for (const element of document.body.querySelectorAll('*')) {
        for (const pseudo of ['::before', '::after']) {
            const content = getComputedStyle(element, pseudo).content;
            if (/^".*[^\\s"]/.test(content) && !hidden(element))
                check(element, pseudo, content);
        }
    }
    return [...low];
}"""
# The contrast of the pagination's first link's edge with the page behind it.
EDGE = """() => {
    const rgb = value => value.match(/[\\d.]+/g).slice(0, 3).map(Number);
    const luminance = colour => colour.map(c => c / 255).map(
        c => c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
        .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
    const link = document.querySelector('.pagination-list a:not([aria-current])');
    const [a, b] = [luminance(rgb(getComputedStyle(link).borderTopColor)),
                    luminance(rgb(getComputedStyle(document.body).backgroundColor))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with served_site(tmp_path_factory.mktemp("low-vision"), {
        PDF: samples.text_pdf("Programma della festa\nOrari e luoghi dei laboratori."),
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
        "notizie/orti.md": article(title="Casalmaggiore, presentazione degli orti condivisi",
                                   date="2024-07-01 10:00", tags="[Casalmaggiore]",
                                   summary="Dichiarazione d'intenti per gli orti condivisi."),
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


def visit(page, site, address, text_size=16, looking_only=False, **media):
    """``address`` with Chromium's default font size ``text_size`` px (16: the default;
    32: 200 %) and the emulated ``media`` (Playwright's names); waits for the search's
    results, and for the page drawn in the theme's font: loaded again when a font file
    came too late for it (``browser_support.goto_in_theme_font``), as a reader's second
    page is, so that no measure is taken in the fallback font.

    ``looking_only``: the test only measures the page (no click, key, focus or lasting
    change): when the last visit was one such of the same address, the page is not
    loaded again, only given the text size and media (and the window's size the test
    set: CSS lays it out again as at a load; the page is checked to be as it was
    loaded), its fonts settled and checked as above. Every other visit loads the page."""
    page.devtools.send("Page.setFontSizes", {"fontSizes": {"standard": text_size}})
    page.emulate_media(**{"color_scheme": "light", "contrast": "no-preference",
                          "reduced_motion": "no-preference", **media})
    assert site.exists(address.split("?")[0]), address
    results = (lambda: page.wait_for_selector(".cerca-risultato")) if address.startswith(
        "/cerca/") else None
    shown_in_theme_font(page, site.origin + address, then=results,
                        again=looking_only and getattr(page, "looking_only", False))
    page.looking_only = looking_only
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == (
        f"{text_size}px")


@pytest.mark.parametrize(("kind", "address"), PAGES, ids=IDS)
def test_text_at_200_percent_grows_everywhere_and_fits_a_phone(page, site, kind, address):
    """WCAG 1.4.4: the reader's text size doubles every text (no px size ignores it), and
    at 390 px nothing runs off the screen (the brand did: "FareLeg", and a page scrolling
    sideways). A page's <h1> and <h2> grow as far as a word of 14 letters still fits the
    phone's line (at 390 px the <h1> 54 px, 1.8 times its 30 px; base.css,
    test_a_headings_words_stay_whole_on_a_phone): beyond, such a word broke mid-letter."""
    visit(page, site, address, looking_only=True)
    normal = page.evaluate(TEXTS)
    assert min(size for _, _, size in normal) >= 12, (kind, normal)  # nothing tiny
    visit(page, site, address, text_size=32, looking_only=True)
    large = page.evaluate(TEXTS)
    if page.locator(".site-search").count():
        # On a phone at 200 % the search's label is for screen readers only, the field
        # still named by it, the "Cerca" button beside it saying what it is for (header.css).
        assert page.get_by_role("searchbox", name="Cerca nel sito").is_visible(), kind
        assert page.get_by_role("button", name="Cerca", exact=True).is_visible(), kind
        normal = [text for text in normal if text[0] != "label.site-search-label"]
    assert page.locator(".brand-subtitle").is_visible(), kind  # the motto, with the rest
    assert [text for _, text, _ in large] == [text for _, text, _ in normal], kind
    fits = (page.evaluate("document.documentElement.clientWidth") - 2 * 16) / 6.6
    ignored = [(name, text, before, after) for (name, text, before), (_, _, after)
               in zip(normal, large) if after < 1.9 * before
               and not (name in ("h1.", "h2.") and after >= min(1.9 * before, fits) - 0.01)]
    assert ignored == [], kind
    scroll_width, width, outside = page.evaluate(OUTSIDE)
    assert (scroll_width, outside) == (width, []), kind


# The header's boxes whose content is wider than they are (a word that does not fit).
SPILLED = """() => [...document.querySelectorAll('.site-header *')]
    .filter(e => e.clientWidth > 1 && e.scrollWidth > e.clientWidth + 1)
    .map(e => `${e.tagName.toLowerCase()}.${e.className} ${e.scrollWidth}/${e.clientWidth}`)"""
# How many columns the menu has: its items' distinct left edges.
MENU_COLUMNS = """() => new Set([...document.querySelectorAll('.site-nav-list li')]
    .map(li => Math.round(li.getBoundingClientRect().left))).size"""


@pytest.mark.parametrize("width", [320, 360])
def test_text_at_200_percent_fits_narrow_phones(page, site, width):
    """With the text size at 200 %, under 350 px the name "FareLegami" (56 px) was wider
    than the screen, and at 360 px the menu's two columns were narrower than
    "Documenti", which ran past its column (off the screen at 340 px, "progetto" into
    "azioni"). The menu takes one column then, the name is capped at 14vw. At the
    default text size the menu keeps its two columns. (The menu is folded behind its
    button on a phone: opened, then measured.)"""
    page.set_viewport_size({"width": width, "height": 844})
    try:
        visit(page, site, "/")
        page.click(".site-nav-button")  # the menu, folded on a phone, opened
        assert page.evaluate(MENU_COLUMNS) == 2
        visit(page, site, "/", text_size=32)
        scroll_width, screen, outside = page.evaluate(OUTSIDE)
        assert (scroll_width, outside, page.evaluate(SPILLED)) == (screen, [], [])
        page.click(".site-nav-button")
        assert page.locator(".site-nav-list a").nth(4).is_visible()
        scroll_width, screen, outside = page.evaluate(OUTSIDE)
        assert (scroll_width, outside, page.evaluate(SPILLED)) == (screen, [], [])
    finally:
        page.set_viewport_size({"width": 390, "height": 844})


@pytest.mark.parametrize("width", [320, 360])
@pytest.mark.parametrize("address", ["/", "/404.html"])
def test_text_beyond_200_percent_keeps_the_name_on_the_screen(page, site, address, width):
    """Phones offer text larger than 200 % (Android and iOS up to about 300 %). At 250 %
    the name "FareLegami" grew past the 14vw cap (its clamp's middle value, 1.3rem + 2vw,
    was over it): on a 320 px phone it ran 14 px off the screen and the page scrolled
    sideways; at 360 px it was wider than its link. The cap holds at any text size."""
    page.set_viewport_size({"width": width, "height": 844})
    try:
        visit(page, site, address, text_size=40, looking_only=True)
        scroll_width, screen, outside = page.evaluate(OUTSIDE)
        assert (scroll_width, outside, page.evaluate(SPILLED)) == (screen, [], [])
    finally:
        page.set_viewport_size({"width": 390, "height": 844})


# Where the header's parts are, in px from the top of the page: [search field's width,
# the menu's button's bottom, the top of the page's <h1>, the header's height].
HEADER_PARTS = """() => {
    const box = selector => document.querySelector(selector).getBoundingClientRect();
    return [box('.site-search-input').width, box('.site-nav-button').bottom,
            box('h1').top, box('.site-header').height];
}"""


@pytest.mark.parametrize(("width", "height"), [(320, 640), (390, 844)])
@pytest.mark.parametrize("address", ["/404.html", "/archivio/"])
def test_text_at_200_percent_leaves_room_below_the_header(page, site, address, width, height):
    """With the text size at 200 % the header was 1.3 screens tall on a 390 × 844 phone
    (1103 px; 1.8 screens, 1138 px, on a 320 × 640 one): the slim band, the mark alone on
    a row above the name, a search field of 112 px (182 at 390) beside its large button,
    then five menu items of 88 px each; the page's title came on the second screen. Now
    the field is at least 200 px wide (the button below it when both do not fit), and the
    first screen shows every part of the header, the menu's button included; on a 390 px
    phone the page's title starts on it too. On a 320 × 640 phone (at 200 % as much text as
    160 × 320 px at the default size) the five menu items, one per row, still took 1.3
    screens: they fold behind the "Menu" button there (tests/test_header_menu_browser.py),
    and the page's title starts on the first screen too."""
    page.set_viewport_size({"width": width, "height": height})
    try:
        visit(page, site, address, text_size=32, looking_only=True)
        field, menu, title_top, header = page.evaluate(HEADER_PARTS)
        assert field >= 200, (field, width)
        assert menu <= height, (menu, header, width)
        assert header < height, (header, width)
        assert title_top < height, (title_top, header, width)
        scroll_width, screen, outside = page.evaluate(OUTSIDE)
        assert (scroll_width, outside, page.evaluate(SPILLED)) == (screen, [], [])
    finally:
        page.set_viewport_size({"width": 390, "height": 844})


@pytest.mark.parametrize("text_size", [24, 32])
@pytest.mark.parametrize(("width", "height"), [(915, 412), (844, 390), (740, 360)])
@pytest.mark.parametrize("address", ["/404.html", "/archivio/"])
def test_large_text_on_a_phone_held_sideways_leaves_room_below_the_header(
        page, site, address, width, height, text_size):
    """A phone held sideways is as low as a narrow one is wide, but the compact header
    was only for narrow screens: on an 844 × 390 phone the header was 414 px with the
    text at 150 % and 546 px at 200 %, taller than the screen, the "Menu" button and the
    page under it on the second screen (412 px at 150 % on a 740 × 360 one). Then the
    compact header came to screens up to 20em high, but only up to 36em wide: a wider
    phone (915 × 412) at 150 % kept the full header, 421 px, taller than its screen; and
    the compact one, its bands one under the other, still took 61 % of an 844 × 390
    screen at 150 %, 75 % at 200 % (81 % of a 740 × 360 one).
    Now every screen up to 20em high and wider than high has the compact header, its
    parts side by side (header.css): the brand, the search and the "Menu" button on one
    row under the slim band. It leaves most of the screen to the page: at most half of
    it, the page's title starting on the first screen (at 150 % 36 % at most here, at
    200 % 44 %). But on the 360 px high phone at 200 %, which holds the text of a
    370 × 180 one at the default size: there the brand, a search field of 200 px and the
    button are too wide for one row, the field goes under the brand, and the header
    leaves the page a third of the screen at least (63 % here)."""
    page.set_viewport_size({"width": width, "height": height})
    try:
        visit(page, site, address, text_size=text_size, looking_only=True)
        field, menu, title_top, header = page.evaluate(HEADER_PARTS)
        assert field >= 200, field
        share = 2 / 3 if (height, text_size) == (360, 32) else 1 / 2
        assert menu <= height and header <= share * height, (menu, header)
        assert title_top < height, (title_top, header)
        scroll_width, screen, outside = page.evaluate(OUTSIDE)
        assert (scroll_width, outside, page.evaluate(SPILLED)) == (screen, [], [])
    finally:
        page.set_viewport_size({"width": 390, "height": 844})


# [the top of the page's <h1>, its first line's height] in px.
TITLE_LINE = """() => { const h1 = document.querySelector('h1');
    return [h1.getBoundingClientRect().top, parseFloat(getComputedStyle(h1).lineHeight)]; }"""
# Whether the search's label is hidden (for screen readers only: 1 px, clipped).
LABEL_HIDDEN = "(" + HIDDEN + ")(document.querySelector('.site-search-label'))"


@pytest.mark.parametrize(("width", "height"), [(640, 360), (740, 360), (844, 390), (915, 412)])
@pytest.mark.parametrize("address", ["/archivio/", ARTICLE])
def test_at_the_default_text_size_a_phone_held_sideways_has_the_compact_header(
        page, site, address, width, height):
    """At the default text size a phone held sideways is higher than 20em (320 px), and
    it kept the header of a computer: 283 px of a 640 × 360 screen (79 %: the menu's
    items on two rows), 209 px of a 740 × 360 one (58 %), of an 844 × 390 one (54 %) and
    of a 915 × 412 one (51 %); the page's title started at the foot of the screen or
    below it. Every screen up to 480 px high and wider than high has the compact header
    of a phone held sideways now (header.css): phones held sideways are 320 to 440 px
    high (less the browser's bars), a tablet or a computer 600 px and more (the next
    test). Its brand, search and "Menu" button are on one row, the search's label for
    screen readers only ("Cerca" beside the field says what it is for), the field at
    least 200 px wide; 91 to 97 px here, a quarter of the screen.
    At most a third of the screen, as on a phone held upright at the default size
    (tests/test_header_menu_browser.py): the page keeps two thirds of it, its title's
    first line whole on the first screen. In light and dark mode all text keeps its
    contrast (4.5:1, 3:1 when large) on the band, which runs under the menu's button.
    The "Menu" button stands level with "Cerca" (the same middle, ±1 px: it sat 7 to
    9 px lower, at the foot of its cell)."""
    page.set_viewport_size({"width": width, "height": height})
    try:
        for scheme in ("light", "dark"):
            visit(page, site, address, color_scheme=scheme, looking_only=True)
            cerca, menu_button = page.evaluate(BUTTON_MIDDLES)
            assert abs(cerca - menu_button) <= 1, (cerca, menu_button)
            field, menu, _, header = page.evaluate(HEADER_PARTS)
            assert field >= 200, field
            assert header <= height / 3 and menu <= header, (menu, header)
            top, line = page.evaluate(TITLE_LINE)
            assert top + line <= height, (top, line, header)
            assert page.evaluate(LABEL_HIDDEN)
            assert page.get_by_role("searchbox", name="Cerca nel sito").is_visible()
            assert page.get_by_role("button", name="Cerca", exact=True).is_visible()
            assert page.locator(".site-nav-button").is_visible()
            assert page.evaluate(LOW_CONTRAST, [4.5, 3]) == [], scheme
            scroll_width, screen, outside = page.evaluate(OUTSIDE)
            assert (scroll_width, outside, page.evaluate(SPILLED)) == (screen, [], [])
    finally:
        page.set_viewport_size({"width": 390, "height": 844})


# [the middle of the search's "Cerca" button, the middle of the "Menu" button] in px
BUTTON_MIDDLES = """() => ['.site-search-button', '.site-nav-button'].map(selector => {
    const box = document.querySelector(selector).getBoundingClientRect();
    return (box.top + box.bottom) / 2;
})"""


# [the page's column (main's .container less its gutters): its left and right edges, the
#  brand's left edge, the "Menu" button's right edge, the search field's width] in px.
ROW_AND_COLUMN = """() => {
    const box = selector => document.querySelector(selector).getBoundingClientRect();
    const column = document.querySelector('main > .container');
    const style = getComputedStyle(column);
    const [left, right] = [box('main > .container').left + parseFloat(style.paddingLeft),
                           box('main > .container').right - parseFloat(style.paddingRight)];
    return [left, right, box('.brand').left, box('.site-nav-button').right,
            box('.site-search-input').width];
}"""


@pytest.mark.parametrize("text_size", [16, 24, 32])
@pytest.mark.parametrize(("width", "height"), [(1366, 450), (2000, 470), (844, 390), (640, 360)])
def test_a_short_wide_window_keeps_the_sideways_header_in_the_page_s_column(
        page, site, width, height, text_size):
    """The sideways header's query has no width (a laptop zoomed to 150-200 % is that low
    too): a short wide window has the one-row header. Its cells ran across the whole
    screen: at 1366 × 450 the brand started at 59 px, the page's text at 131; at 2000 ×
    470 at 376 against 447, the "Menu" button at the screen's far edge. The row keeps to
    the page's column now (header.css), as on a phone held sideways: the brand starts
    where the page's text starts, the "Menu" button ends where it ends, at every text
    size; nothing scrolls sideways."""
    page.set_viewport_size({"width": width, "height": height})
    try:
        visit(page, site, "/archivio/", text_size=text_size, looking_only=True)
        assert page.locator(".site-nav-button").is_visible()
        left, right, brand, menu, field = page.evaluate(ROW_AND_COLUMN)
        assert abs(brand - left) <= 1 and abs(menu - right) <= 1, (left, right, brand, menu)
        assert field >= 200, field
        scroll_width, screen, outside = page.evaluate(OUTSIDE)
        assert (scroll_width, outside, page.evaluate(SPILLED)) == (screen, [], [])
    finally:
        page.set_viewport_size({"width": 390, "height": 844})


@pytest.mark.parametrize(("width", "height"), [(1024, 600), (1280, 720)])
def test_at_the_default_text_size_a_low_computer_screen_keeps_the_full_header(
        page, site, width, height):
    """A netbook's 1024 × 600 screen, a laptop's 1280 × 720, are higher than a phone held
    sideways (480 px at most, the previous test): at the default text size they keep the
    header of a computer, as on a 1280 × 900 screen (209 px: the search's label shown,
    the menu's items in a row, no "Menu" button). With the browser's bars a netbook's
    page is about 500 px high: still above the 480 px."""
    page.set_viewport_size({"width": 1280, "height": 900})
    try:
        visit(page, site, "/archivio/", looking_only=True)
        desktop = page.evaluate(HEADER_PARTS)[3]
        page.set_viewport_size({"width": width, "height": height})
        visit(page, site, "/archivio/", looking_only=True)
        assert page.evaluate(HEADER_PARTS)[3] == desktop, desktop
        assert not page.evaluate(LABEL_HIDDEN)
        assert not page.locator(".site-nav-button").is_visible()
        links = page.locator(".site-nav-list a")
        assert all(links.nth(index).is_visible() for index in range(links.count()))
    finally:
        page.set_viewport_size({"width": 390, "height": 844})


@pytest.fixture(scope="module")
def preview_site(tmp_path_factory):
    """The preview's build (previewconf): a scheduled article, a draft article and a
    draft page, each with its notices, the badge and the note."""
    with served_site(tmp_path_factory.mktemp("preview-notices"), {
        "notizie/festa.md": article(
            title="Festa dei Laboratori di Comunità a Casalmaggiore, il programma",
            date="2099-09-29 10:00", summary="Il programma della festa in piazza."),
        "notizie/bozza.md": article(title="I Patti Gener-Attivi di Crema", status="draft",
                                    summary="Come si propone un patto."),
        "pages/bozza.md": "---\ntitle: Una pagina in bozza sui Laboratori\nstatus: draft\n"
                          "---\n\nTesto della pagina.\n",
    }, config="previewconf", settings="VISIT_COUNTER_URL = ''\n") as built:
        yield built


# How much of the screen the preview's notices take, in px: the item's header's height
# with them less its height without them (the badge sits on the title's first line, and
# takes a line of its own only where it pushes the title's words onto one), and how many
# there are.
NOTICES = """() => {
    const header = document.querySelector('.article-header');
    const notices = [...header.querySelectorAll(
        'h1 > .badge-bozza, h1 > .badge-programmato, .bozza-note')];
    const height = () => header.getBoundingClientRect().height;
    const shown = height();
    notices.forEach(notice => { notice.style.display = 'none'; });
    const without = height();
    notices.forEach(notice => { notice.style.display = ''; });
    return [notices.length, shown - without];
}"""


@pytest.mark.parametrize("text_size", [16, 32])
@pytest.mark.parametrize(("width", "height"), [(390, 844), (360, 640)])
@pytest.mark.parametrize(("kind", "address", "note"), [
    ("programmato", "/2099/09/festa-dei-laboratori-di-comunita-a-casalmaggiore-il-programma/",
     "Anteprima: esce martedì 29\u00a0settembre 2099, ore\u00a010:00."),
    ("bozza", "/2024/05/i-patti-gener-attivi-di-crema/",
     "Anteprima: questo articolo non è pubblicato."),
    ("pagina in bozza", "/una-pagina-in-bozza-sui-laboratori/",
     "Anteprima: questa pagina non è pubblicata.")])
def test_the_preview_s_notices_leave_the_screen_to_the_item(
        page, preview_site, kind, address, note, width, height, text_size):
    """The preview's two notices at the top of an item, the badge in its title (BOZZA,
    PROGRAMMATO) and the note under it, each took lines of their own, boxed, in the
    body's size, the date in both: a scheduled article's took 63 % of a 390 × 844 phone's
    screen with the text at 200 % and 88 % of a 360 × 640 one's (19 and 30 % at the
    default size), the title under them on the next screen. Now the badge says the word
    on the title's first line, in small text, and the note, a line of small text, the day
    and the hour. Their part of the screen: at most an eighth at the default text size
    (a line of each; 7 % at most here), a third at 200 % (every line of the text twice as
    tall: 29 % at most here, a scheduled article's on the 360 × 640 phone); their text
    whole, the date said once."""
    page.set_viewport_size({"width": width, "height": height})
    try:
        visit(page, preview_site, address, text_size=text_size, looking_only=True)
        count, taken = page.evaluate(NOTICES)
        assert count == 2
        assert taken <= height * (1 / 8 if text_size == 16 else 1 / 3), (
            kind, taken, f"{taken / height:.0%}")
        badge = page.locator("h1 > .badge-bozza, h1 > .badge-programmato")
        assert badge.inner_text() == ("PROGRAMMATO" if kind == "programmato" else "BOZZA")
        assert page.locator(".bozza-note").inner_text() == note
        scroll_width, screen, outside = page.evaluate(OUTSIDE)
        assert (scroll_width, outside) == (screen, []), kind
    finally:
        page.set_viewport_size({"width": 390, "height": 844})


# The words of the ``texts`` (a selector) cut across two lines though each would fit the
# ``box`` around it (the closest one, inside its padding) whole, or, with ``every``, each
# word cut: ["word", ...].
CUT_WORDS = """([texts, box, every]) => {
    const cut = [];
    for (const element of document.querySelectorAll(texts)) {
        const entry = element.closest(box);
        const style = getComputedStyle(entry);
        const room = entry.clientWidth - parseFloat(style.paddingLeft)
                     - parseFloat(style.paddingRight);
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node; (node = walker.nextNode());) {
            for (const word of node.data.matchAll(/\\S+/g)) {
                const range = document.createRange();
                range.setStart(node, word.index);
                range.setEnd(node, word.index + word[0].length);
                const boxes = [...range.getClientRects()].filter(box => box.width);
                const tops = new Set(boxes.map(box => Math.round(box.top)));
                const width = boxes.reduce((sum, box) => sum + box.width, 0);
                if (tops.size > 1 && (every || width <= room)) cut.push(word[0]);
            }
        }
    }
    return cut;
}"""


@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize(("kind", "address"), [
    ("articolo con allegato", ARTICLE), ("documenti", "/documenti/")])
def test_text_at_200_percent_leaves_a_documents_words_whole(page, site, kind, address, width):
    """With the text size at 200 % the preview of a PDF (4.5rem, 144 px) beside its title
    left the title a column of 150 px on a phone (80 px at 320 px): "Program-ma", "Comunica-
    to stampa", the description and "Da …" under it cut likewise, every few letters. The
    preview goes above the title when the two do not fit side by side; at the default
    size they stay side by side."""
    page.set_viewport_size({"width": width, "height": 844})
    try:
        visit(page, site, address, looking_only=True)
        assert page.locator(".attachment-label").count() >= 1
        beside = """() => { const [image, label] = ['.attachment-preview', '.attachment-label']
            .map(s => document.querySelector(s).getBoundingClientRect());
            return label.left >= image.right; }"""
        assert page.evaluate(beside), kind
        visit(page, site, address, text_size=32, looking_only=True)
        documents = ".attachment-label, .attachment-description, .document-source"
        assert page.evaluate(CUT_WORDS, [documents, ".attachment", False]) == [], (kind, width)
    finally:
        page.set_viewport_size({"width": 390, "height": 844})


@pytest.mark.parametrize(("kind", "address"), [("home", "/"), ("categoria", "/categorie/notizie/")])
def test_text_at_200_percent_leaves_a_cards_words_whole(page, site, kind, address):
    """With the text size at 200 % on a 390 px phone the cards' padding grew with the text
    (32 px a side): their titles' longest words (44 px), "Casalmaggiore" and
    "presentazione", no longer fitted the card and broke once mid-word. The padding stays
    16 px there; at the default size it is unchanged (16 px on a phone, 24 on a computer)."""
    visit(page, site, address, looking_only=True)
    padding = "parseFloat(getComputedStyle(document.querySelector('.card')).paddingLeft)"
    assert page.evaluate(padding) == 16
    visit(page, site, address, text_size=32, looking_only=True)
    assert page.locator(".card-title").count() >= 2
    cards = ".card-title, .card-lead"
    assert page.evaluate(CUT_WORDS, [cards, ".card", True]) == [], kind


def test_a_page_is_measured_in_the_theme_s_font_when_its_files_come_late(page, tmp_path):
    """The theme's fonts are ``font-display: optional``: on a loaded machine (the
    publish workflow runs the whole suite, in parallel, before each publish) a font file
    later than a tenth of a second left the page in the fallback font, wider, and the
    test above failed, "Casalmaggiore," and "presentazione" cut, on a site that was
    right: an editor's publish stopped by the test machine's load. :func:`visit` takes
    its measures in the theme's font, here with the font files held half a second."""
    with served_site(tmp_path, {
        "notizie/orti.md": article(title="Casalmaggiore, presentazione degli orti condivisi",
                                   date="2024-07-01 10:00", tags="[Casalmaggiore]",
                                   summary="Dichiarazione d'intenti per gli orti condivisi."),
    }, hold=("/theme/fonts/",), settings="VISIT_COUNTER_URL = ''\n") as late:
        late.server.hold()
        threading.Timer(0.5, late.server.release).start()
        visit(page, late, "/", text_size=32)
        assert page.evaluate(CUT_WORDS, [".card-title, .card-lead", ".card", True]) == []
        assert drawn_in_theme_font(page.devtools)


CARD_TITLES = ["Patti Gener-Attivi: la partecipazione delle famiglie",
               "Laboratori di Comunità a Casalmaggiore",
               "Comunicazione sulla presentazione dei progetti"]


@pytest.fixture(scope="module")
def cards_site(tmp_path_factory):
    """Cards whose titles hold Italian words of 13 and 14 letters, built once."""
    with served_site(tmp_path_factory.mktemp("cards"), {
        f"notizie/titolo-{index}.md": article(
            title=title, date=f"2024-0{index + 1}-01 10:00",
            summary="Partecipazione e corresponsabilità delle famiglie.")
        for index, title in enumerate(CARD_TITLES)
    }, settings="VISIT_COUNTER_URL = ''\n") as built:
        yield built


@pytest.mark.parametrize("text_size", [16, 32])
@pytest.mark.parametrize("width", [320, 360])
def test_a_cards_words_stay_whole_on_a_narrow_phone(page, cards_site, width, text_size):
    """At 200 % on a 320 px phone a card's title had 224 px (the gutter and the card's
    padding, 32 + 16 px a side) and its words of 13 letters were 280 to 290 px wide at
    44 px: "Casalmaggi-ore", "Comunicazion-e", "partecipazion-e", and in the lead
    "corresponsabilit-à", broken without a hyphen; at 360 px "Casalmaggior-e". The
    gutter stays 16 px and the title at most 12vw there, never smaller than the lead."""
    page.set_viewport_size({"width": width, "height": 844})
    try:
        visit(page, cards_site, "/", text_size=text_size, looking_only=True)
        assert page.locator(".card-title").count() == len(CARD_TITLES)
        cards = ".card-title, .card-lead"
        assert page.evaluate(CUT_WORDS, [cards, ".card", True]) == [], (width, text_size)
        title, lead = (page.evaluate(f"parseFloat(getComputedStyle(document.querySelector("
                                     f"'{selector}')).fontSize)")
                       for selector in (".card-title", ".card-lead"))
        assert title > lead, (title, lead)
        scroll_width, screen, outside = page.evaluate(OUTSIDE)
        assert (scroll_width, outside) == (screen, [])
    finally:
        page.set_viewport_size({"width": 390, "height": 844})


LONG_WORDS = "/2024/06/i-laboratori-di-comunita-a-casalmaggiore/"


@pytest.fixture(scope="module")
def headings_site(tmp_path_factory):
    """Titles and a text's headings holding Italian words of 13 and 14 letters, as the
    project's own do ("Casalmaggiore", "Partecipazione", "presentazione"), built once."""
    with served_site(tmp_path_factory.mktemp("headings"), {
        "notizie/casalmaggiore.md": article(
            title="I Laboratori di Comunità a Casalmaggiore", date="2024-06-12 10:00",
            slug="i-laboratori-di-comunita-a-casalmaggiore", tags="[Partecipazione]",
            summary="I Laboratori di Comunità arrivano anche a Casalmaggiore.",
            body="""\
                Anche a Casalmaggiore i cittadini si incontrano nei Laboratori.

                ## Gli obiettivi della presentazione

                Costruire relazioni e creare occasioni di benessere.

                ## Comunicazione e organizzazione

                Le date saranno pubblicate su questo sito.
                """),
        "notizie/comunicazione.md": article(
            title="Comunicazione sulla partecipazione", date="2024-07-01 10:00",
            slug="comunicazione-sulla-partecipazione", tags="[Partecipazione]",
            summary="Come partecipare ai Laboratori."),
    }, settings="VISIT_COUNTER_URL = ''\n") as built:
        yield built


@pytest.mark.parametrize("text_size", [16, 32])
@pytest.mark.parametrize("width", [320, 360, 390, 412])
@pytest.mark.parametrize("address", [LONG_WORDS, "/2024/07/comunicazione-sulla-partecipazione/",
                                     "/argomenti/partecipazione/"])
def test_a_headings_words_stay_whole_on_a_phone(page, headings_site, address, width,
                                                text_size):
    """With the text size at 200 % a page's <h1> is 60 px, and its words of 13 and 14
    letters (383 to 392 px) were wider than a phone's line (358 px at 390, 380 at 412):
    "Casalmaggior-e" on the territory's page, its topic's and a news title,
    "Partecipazion-e", "presentazion-e", "Dichiarazion-e" (the accessibility statement),
    broken between two letters without a hyphen; at 320 px the <h2>s too (48 px,
    "presentazion-e") and even "Argomento:" and "Community". There (at about 150 % and
    more, on a phone) a heading is at most as large as lets such a word fit the line,
    never smaller than the text; at the default size nothing changes."""
    page.set_viewport_size({"width": width, "height": 844})
    try:
        visit(page, headings_site, address, text_size=text_size, looking_only=True)
        assert page.evaluate(CUT_WORDS, ["main h1, main h2", "main", True]) == [], (
            address, width, text_size)
        heading, text = (page.evaluate(f"parseFloat(getComputedStyle(document.querySelector("
                                       f"'{selector}')).fontSize)")
                         for selector in ("h1", "body"))
        assert heading > 1.25 * text, (heading, text)
        scroll_width, screen, outside = page.evaluate(OUTSIDE)
        assert (scroll_width, outside) == (screen, [])
    finally:
        page.set_viewport_size({"width": 390, "height": 844})


def test_at_the_default_text_size_a_phones_headings_are_unchanged(page, headings_site):
    """The rule that keeps a heading's long words whole at large text sizes leaves the
    headings of a phone at the default size as they were (30 and 24 px at 390 px)."""
    visit(page, headings_site, LONG_WORDS, looking_only=True)
    sizes = page.evaluate("['h1', 'main h2'].map(s => getComputedStyle("
                          "document.querySelector(s)).fontSize)")
    assert sizes == ["30.2px", "24px"], sizes


# Whether the brand's mark and its name share a row: [mark's top, bottom, name's top, bottom].
BRAND_ROWS = """() => [document.querySelector('.brand-mark'), document.querySelector('.brand-text')]
    .flatMap(e => { const box = e.getBoundingClientRect();
                    return [Math.round(box.top), Math.round(box.bottom)]; })"""
LONG_NAME = "Comunità Solidali della Provincia di Cremona, Crema e Casalmaggiore"


@pytest.fixture(scope="module")
def long_name_site(tmp_path_factory):
    """A site with a long SITENAME, built once for the cases below (they only read it)."""
    with served_site(tmp_path_factory.mktemp("long-name"), {"notizie/a.md": article(title="Uno")},
                     settings=f"VISIT_COUNTER_URL = ''\nSITENAME = {LONG_NAME!r}\n") as built:
        yield built


@pytest.mark.parametrize(("width", "text_size"), [(1280, 16), (1280, 32), (390, 16)])
def test_a_long_site_name_wraps_beside_the_mark(long_name_site, page, width, text_size):
    """The mark goes above the name only when the mark and the name's longest word do not
    fit side by side (a phone at 200 %): a long SITENAME, or a long SITESUBTITLE, at the
    default text size on a computer sent the mark alone onto a line above the name,
    which wrapped onto its own lines anyway."""
    page.set_viewport_size({"width": width, "height": 844})
    try:
        visit(page, long_name_site, "/", text_size=text_size, looking_only=True)
        mark_top, mark_bottom, text_top, text_bottom = page.evaluate(BRAND_ROWS)
        assert mark_top < text_bottom and text_top < mark_bottom, page.evaluate(BRAND_ROWS)
        scroll_width, screen, outside = page.evaluate(OUTSIDE)
        assert (scroll_width, outside, page.evaluate(SPILLED)) == (screen, [], [])
    finally:
        page.set_viewport_size({"width": 390, "height": 844})


def test_nothing_is_under_12_px_on_a_computer(page, site):
    """The smallest text (dates, categories, the slim band) at the default size: 14 px,
    never under 12 (on a phone: the first test)."""
    page.set_viewport_size({"width": 1280, "height": 844})
    try:
        for _, address in PAGES:
            visit(page, site, address, looking_only=True)
            small = [text for text in page.evaluate(TEXTS) if text[2] < 12]
            assert small == [], address
    finally:
        page.set_viewport_size({"width": 390, "height": 844})


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("kind", "address"), PAGES, ids=IDS)
def test_more_contrast_puts_all_text_at_7_to_1(page, site, kind, address, scheme):
    """prefers-contrast: more: every text at 7:1 (large text 4.5:1), WCAG 1.4.6."""
    visit(page, site, address, color_scheme=scheme, contrast="more", looking_only=True)
    assert page.evaluate("matchMedia('(prefers-contrast: more)').matches")
    assert page.evaluate(LOW_CONTRAST, [7, 4.5]) == [], (kind, scheme)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_more_contrast_draws_the_edges_of_controls_at_3_to_1(page, site, scheme):
    """The pagination's links are boxes whose edge shows where to tap: 3:1 with more
    contrast (by default a light rule, 1.70:1, as the UI kit draws it)."""
    visit(page, site, "/", color_scheme=scheme, contrast="more", looking_only=True)
    assert page.evaluate(EDGE) >= 3


def test_without_more_contrast_the_look_is_unchanged(page, site):
    """The stronger colours only when asked for: by default the muted grey and the
    links keep the UI kit's colours."""
    visit(page, site, "/", looking_only=True)
    muted = page.evaluate("getComputedStyle(document.querySelector('.pagination-status')).color")
    link = page.evaluate("getComputedStyle(document.querySelector('.card-title a')).color")
    assert (muted, link) == ("rgb(92, 111, 130)", "rgb(0, 102, 204)")  # #5c6f82, #0066cc


def test_reduced_motion_turns_smooth_scrolling_off(page, site):
    """The skip link and links to a heading jump, without an animated scroll, for a
    reader who asked for less motion; smoothly otherwise."""
    scroll = "getComputedStyle(document.documentElement).scrollBehavior"
    visit(page, site, ARTICLE, looking_only=True)
    assert page.evaluate(scroll) == "smooth"
    visit(page, site, ARTICLE, reduced_motion="reduce", looking_only=True)
    assert page.evaluate(scroll) == "auto"


# The body's blocks inside others: a quote with its source, a <details> of a paragraph and
# a list, a loose list item of two paragraphs, a footnote of two; and headings of every
# level an editor may write (# and ##### only warned of).
PROSE = """\
    Un paragrafo del testo.

    Un altro paragrafo del testo.

    > La comunità si costruisce un legame alla volta.
    >
    > — <cite>Maria Rossi, presidente della cooperativa</cite>

    <details>
    <summary>Orari e costi</summary>

    Il programma completo.

    - sabato dalle 9 alle 12
    - domenica dalle 15 alle 18
    </details>

    - Laboratori nei quartieri.

        Ogni sabato, nelle sale dei quartieri.

    - Sportello di ascolto.

    # Un titolo di primo livello

    Un paragrafo dopo il titolo di primo livello[^1].

    ##### Un titolo di quinto livello

    Un paragrafo dopo il titolo di quinto livello.

    [^1]: La prima parte della nota.

        La seconda parte della nota.
    """
# [gap between the body's own paragraphs, [[what, gap between two blocks inside it]...]]
INNER_GAPS = """() => {
    const gap = (a, b) => b.getBoundingClientRect().top - a.getBoundingClientRect().bottom;
    const body = document.querySelectorAll('.prose > p');
    const pairs = [];
    for (const box of document.querySelectorAll(
            '.prose blockquote, .prose details, .prose li:has(> p + *)')) {
        const blocks = [...box.children].filter(e => getComputedStyle(e).display !== 'inline');
        for (let i = 1; i < blocks.length; i++)
            pairs.push([box.tagName + ' ' + blocks[i - 1].tagName + '+' + blocks[i].tagName,
                        gap(blocks[i - 1], blocks[i])]);
    }
    return [gap(body[0], body[1]), pairs];
}"""
# Each body heading's level, its gap above (from the block before) and below.
HEADING_GAPS = """() => [...document.querySelectorAll('.prose > :is(h1, h2, h3, h4, h5, h6)')]
    .map(h => [h.tagName, h.getBoundingClientRect().top
                          - h.previousElementSibling.getBoundingClientRect().bottom,
               h.nextElementSibling.getBoundingClientRect().top
                          - h.getBoundingClientRect().bottom])"""


@pytest.fixture(scope="module")
def prose_site(tmp_path_factory):
    with served_site(tmp_path_factory.mktemp("prose"), {
        "notizie/blocchi.md": article(title="Blocchi nel testo", date="2024-07-01 10:00",
                                      slug="blocchi", summary="Blocchi dentro blocchi.",
                                      body=PROSE),
    }, settings="VISIT_COUNTER_URL = ''\n") as built:
        yield built


@pytest.mark.parametrize("text_size", [16, 32])
def test_blocks_inside_a_quote_a_details_or_a_list_item_keep_their_gap(page, prose_site,
                                                                        text_size):
    """A quote's words and its source, a <details>'s summary, paragraph and list, the two
    paragraphs of a list item or of a footnote are as far apart as the body's own
    paragraphs: they ran together (0 px), the source read as the quote's last line."""
    visit(page, prose_site, "/2024/07/blocchi/", text_size=text_size)
    page.locator(".prose details summary").click()  # open: its blocks laid out
    paragraph, pairs = page.evaluate(INNER_GAPS)
    assert paragraph >= text_size * 0.75
    assert sorted(what for what, _ in pairs) == [
        "BLOCKQUOTE P+P", "DETAILS P+UL", "DETAILS SUMMARY+P", "LI P+P", "LI P+P"]
    for what, gap in pairs:
        assert gap == pytest.approx(paragraph, abs=1), (what, gap, paragraph)


@pytest.mark.parametrize("text_size", [16, 32])
def test_every_heading_is_closer_to_its_text_than_to_the_text_before(page, prose_site,
                                                                     text_size):
    """A heading goes with what it introduces: more space above than below, at every
    level (an # in the body had the paragraphs' gap above and below)."""
    visit(page, prose_site, "/2024/07/blocchi/", text_size=text_size, looking_only=True)
    gaps = page.evaluate(HEADING_GAPS)
    assert [level for level, _, _ in gaps] == ["H1", "H5"]
    for level, above, below in gaps:
        assert above >= 2 * below, (level, above, below)
