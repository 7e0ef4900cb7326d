"""The header on a phone, proven in Chromium with JavaScript off: the main menu folds
behind a "Menu" button (a <details> disclosure, partials/header.html) on a phone or with
large text on a narrow screen, and is shown whole, with no button, on wider screens, in
every browser: the list is the <details>'s next sibling, not its content, so no browser
needs to show a closed <details>'s content (``::details-content``, which Safari before
18.4 and Firefox before 143 lack: there the menu stayed folded on a computer's screen).

With the text size at 200 % (Chromium's own setting, as tests/test_low_vision_browser.py
sets it) the header was 856 px tall on a 320 × 640 phone, 1.3 screens on every page: the
slim band, the brand, the search, then the five menu items one under the other, before a
word of the page. At the default size it took 360 px of a 390 × 844 phone.
"""

import io
import re
from pathlib import Path

import pytest
from browser_support import (OUTSIDE, chromium, ring_sides, served_site, shown_in_theme_font)
from PIL import Image, ImageChops
from support import article

pytestmark = pytest.mark.browser

CSS = Path(__file__).resolve().parent.parent / "theme" / "static" / "css"
PAGES = ["/archivio/", "/404.html", "/2024/08/festa-dei-laboratori/"]
MENU = ["Il progetto", "Le azioni", "Novità", "Documenti", "Contatti"]
# [the header's height, the top of <main>] in px.
HEADER = """() => [document.querySelector('.site-header').getBoundingClientRect().height,
                   document.querySelector('main').getBoundingClientRect().top]"""
FOCUSED = """() => { const e = document.activeElement, s = getComputedStyle(e);
    return [e.tagName.toLowerCase(), e.textContent.trim(), e.matches(':focus-visible'),
            s.outlineStyle, parseFloat(s.outlineWidth)]; }"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with served_site(tmp_path_factory.mktemp("header-menu"), {
        "notizie/festa.md": article(
            title="Festa dei Laboratori", date="2024-08-01 18:30", slug="festa-dei-laboratori",
            tags="[Casalmaggiore, Laboratori di Comunità]",
            summary="Sabato i Laboratori di Comunità hanno riempito la piazza."),
    }, settings="VISIT_COUNTER_URL = ''\n") as built:
        yield built


def new_page(browser):
    """A page in a context of its own with JavaScript off, its DevTools session as
    ``page.devtools``."""
    return page_in(browser.new_context(java_script_enabled=False,
                                       viewport={"width": 390, "height": 844}))


def page_in(context):
    page = context.new_page()
    page.devtools = context.new_cdp_session(page)
    page.devtools.send("DOM.enable")
    page.devtools.send("CSS.enable")
    return page


@pytest.fixture(scope="module")
def page():
    with chromium() as browser:
        yield new_page(browser)


def visit(page, site, address, width, height, text_size=16, looking_only=False, **media):
    """``address`` at ``width`` × ``height`` with Chromium's default font size
    ``text_size`` px (32: 200 %), drawn in the theme's font: loaded again when a font
    file came too late for it (``browser_support.goto_in_theme_font``). The theme's fonts
    are font-display: optional: in the fallback font, wider, the site's name pushed the
    mark onto a row of its own (56 px more header at 200 % on 320 px), and the menu's
    items and the search's button are measured too, in the theme's other weights.

    ``looking_only``: the test only measures the page (no click, key, focus or change):
    when the last visit was one such of the same address, the page is not loaded again,
    only given the new size, text size and media (CSS lays it out again as at a load;
    the page is checked to be as loaded), and its fonts settled and checked as above.
    Every other visit loads the page."""
    page.set_viewport_size({"width": width, "height": height})
    page.devtools.send("Page.setFontSizes", {"fontSizes": {"standard": text_size}})
    page.emulate_media(**{"color_scheme": "light", "forced_colors": "none", **media})
    assert site.exists(address), address
    shown_in_theme_font(page, site.origin + address,
                        again=looking_only and getattr(page, "looking_only", False))
    page.looking_only = looking_only
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == (
        f"{text_size}px")


def disclosure(page):
    """The menu's button as a screen reader is given it (Chromium's accessibility tree):
    [role, name, expanded], or None when it is not in the tree."""
    for node in page.devtools.send("Accessibility.getFullAXTree")["nodes"]:
        if node.get("role", {}).get("value") == "DisclosureTriangle" and not node.get("ignored"):
            expanded = next((item["value"]["value"] for item in node.get("properties", [])
                             if item["name"] == "expanded"), None)
            return ["DisclosureTriangle", node["name"]["value"], expanded]
    return None


def menu_links_given(page):
    """The menu's links a screen reader is given (Chromium's accessibility tree), by name:
    each once, or none."""
    names = [node["name"]["value"]
             for node in page.devtools.send("Accessibility.getFullAXTree")["nodes"]
             if node.get("role", {}).get("value") == "link" and not node.get("ignored")]
    return [name for name in names if name in MENU]


# The menu's items on the screen, by their text: shown as Playwright's ``is_visible``
# has it (Chromium's checkVisibility, e.g. not in a closed <details>; visibility
# visible; a box of some width and height), in one round trip.
SHOWN_MENU = """() => [...document.querySelectorAll('.site-nav-list a')].filter(link => {
    const box = link.getBoundingClientRect();
    return link.checkVisibility() && getComputedStyle(link).visibility === 'visible'
        && box.width > 0 && box.height > 0; }).map(link => link.textContent.trim())"""


def shown_menu(page):
    """The menu's items on the screen, by their text (:data:`SHOWN_MENU`)."""
    return page.evaluate(SHOWN_MENU)


@pytest.mark.parametrize("address", PAGES)
def test_at_200_percent_on_a_small_phone_the_page_starts_on_the_first_screen(page, site,
                                                                            address):
    """320 × 640 at 200 %: the header leaves at least a line of the page (64 px) on the
    first screen; it was 856 px tall."""
    visit(page, site, address, 320, 640, text_size=32, looking_only=True)
    header, main = page.evaluate(HEADER)
    assert main == header and header <= 640 - 64, (header, address)
    scroll_width, screen, outside = page.evaluate(OUTSIDE)
    assert (scroll_width, outside) == (screen, [])


# [the top of the page's <h1>, its line's height] in px.
TITLE = """() => [document.querySelector('h1').getBoundingClientRect().top,
                  parseFloat(getComputedStyle(document.querySelector('h1')).lineHeight)]"""


@pytest.mark.parametrize("address", ["/2024/08/festa-dei-laboratori/", "/archivio/", "/"])
def test_at_200_percent_on_a_small_phone_the_title_starts_on_the_first_screen(page, site,
                                                                             address):
    """320 × 640 at 200 %: the first line of the page's title is whole on the first
    screen. With the menu folded the header was still 561 px of the 640: the slim band,
    the brand with its motto on two lines beside the mark, the search's label, field and
    button on three rows; an article's title started at 769 px, the archive's at 697.
    The home's, "Ultime notizie dal progetto", at 1181 px: a band below the header said
    the motto again (116 px) and what the site is (ten lines), above it."""
    visit(page, site, address, 320, 640, text_size=32, looking_only=True)
    top, line = page.evaluate(TITLE)
    assert top + line <= 640, (top, line, address)
    scroll_width, screen, outside = page.evaluate(OUTSIDE)
    assert (scroll_width, outside) == (screen, [])


@pytest.mark.parametrize(("width", "height", "text_size"),
                         [(320, 640, 32), (390, 844, 16), (1280, 900, 16)])
def test_the_home_page_says_its_motto_once_and_what_the_site_is(page, site, width, height,
                                                               text_size):
    """Whatever its size, the home page shows the motto and what the site is (the
    site's description, its <meta> description), the motto once: a band under the header
    repeated the brand's."""
    visit(page, site, "/", width, height, text_size=text_size, looking_only=True)
    motto = page.locator(".brand-subtitle").text_content().strip()
    assert motto == "Una comunità che gira"
    shown = page.locator(".site-header, main").get_by_text(motto, exact=True)
    assert [shown.nth(index).is_visible() for index in range(shown.count())].count(True) == 1
    assert page.locator(".brand-subtitle").is_visible()
    about = page.locator('meta[name="description"]').get_attribute("content")
    assert about.startswith("Notizie e comunicati stampa di FareLegami"), about
    assert page.locator("main").get_by_text(about, exact=True).is_visible()


@pytest.mark.parametrize("width", [320, 390])
def test_at_200_percent_on_a_phone_the_search_is_one_row_named_by_its_button(page, site,
                                                                            width):
    """The search's field and its "Cerca" button on one row, the field at least 200 px
    wide: the button beside it says what the field is for (WCAG's technique G167), its
    label "Cerca nel sito" is there for screen readers and speech input only (it was a
    row of its own). The field, its button and the menu's button are 44 px targets."""
    visit(page, site, "/archivio/", width, 640, text_size=32, looking_only=True)
    field, button = (page.locator(selector).bounding_box()
                     for selector in (".site-search-input", ".site-search-button"))
    assert field["width"] >= 200 and abs(field["y"] - button["y"]) < 1, (field, button)
    assert button["x"] >= field["x"] + field["width"] - 1, (field, button)
    assert page.get_by_role("searchbox", name="Cerca nel sito").count() == 1
    assert page.get_by_role("button", name="Cerca", exact=True).is_visible()
    menu = page.locator(".site-nav-button").bounding_box()
    assert min(field["height"], button["height"], menu["height"]) >= 44, (field, button, menu)
    assert page.locator(".brand-subtitle").is_visible()
    # "FareLegami , Una": a space before the visually hidden comma, as in Chromium's name
    assert page.get_by_role("link", name=re.compile(
        r"^FareLegami ?, Una comunità che gira$")).count() == 1


def gaps_in_edges(page, selector, sides):
    """How many px of ``selector``'s top and bottom border lines (``sides``: "top",
    "bottom"), its rounded corners left out, are drawn in the page's Canvas colour: of
    the 3 rows of px at that edge (a box's edge falls between two px), the line's."""
    box = page.locator(selector).bounding_box()
    top, bottom = round(box["y"]), round(box["y"] + box["height"])
    shot = Image.open(io.BytesIO(page.screenshot(clip={
        "x": box["x"], "y": top - 1, "width": box["width"], "height": bottom - top + 2})))
    canvas = tuple(int(value) for value in page.evaluate(
        "getComputedStyle(document.body).backgroundColor").strip("rgba()").split(",")[:3])

    def gaps(row):
        return sum(1 for x in range(8, shot.width - 8) if sum(
            abs(a - b) for a, b in zip(shot.getpixel((x, row))[:3], canvas)) < 60)

    rows = {"top": range(3), "bottom": range(shot.height - 3, shot.height)}
    return sum(min(gaps(row) for row in rows[side]) for side in sides)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("width", "height", "text_size"),
                         [(320, 640, 32), (844, 390, 16), (956, 440, 16)])
def test_forced_colours_keep_the_compact_header_s_edges_whole(
        page, site, scheme, width, height, text_size):
    """Forced colours paint a backplate of the Canvas colour behind each line of text,
    taller than the line: with the header made compact the one of "Cerca" and "Menu" cut
    their buttons' top and bottom borders, the site's name the slim band's line (a
    320 × 640 phone at 200 %). The compact header of a phone held sideways at the
    default size keeps them whole too: there the name is larger for the band's padding
    (38 px on an 844 × 390 phone, 40 on a 956 × 440 one), and its backplate cut the slim
    band's line above it."""
    visit(page, site, "/archivio/", width, height, text_size=text_size, color_scheme=scheme,
          forced_colors="active", looking_only=True)
    for selector, sides in [(".site-search-button", ["top", "bottom"]),
                            (".site-search-input", ["top", "bottom"]),
                            (".site-nav-button", ["top", "bottom"]),
                            (".header-slim", ["bottom"])]:
        assert gaps_in_edges(page, selector, sides) == 0, (selector, scheme)


# [the middle of the search's "Cerca" button, the middle of the "Menu" button] in px.
BUTTON_MIDDLES = """() => ['.site-search-button', '.site-nav-button'].map(selector => {
    const box = document.querySelector(selector).getBoundingClientRect();
    return (box.top + box.bottom) / 2; })"""


@pytest.mark.parametrize(("width", "height", "text_size"),
                         [(844, 390, 16), (640, 360, 16), (956, 440, 16), (844, 390, 32)])
def test_in_forced_colours_the_sideways_menu_button_is_level_with_cerca(page, site, width,
                                                                        height, text_size):
    """In forced colours the brand band's padding is uneven on a phone held sideways (16
    px above, for the site's name's backplate; 4 below): "Menu", centred in the row, sat
    4 px higher than "Cerca". Its cell has the band's padding now (header.css): the same
    middle, ±1 px, as at the default look (tests/test_low_vision_browser.py)."""
    visit(page, site, "/archivio/", width, height, text_size=text_size,
          forced_colors="active", looking_only=True)
    cerca, menu = page.evaluate(BUTTON_MIDDLES)
    assert abs(cerca - menu) <= 1, (cerca, menu)


@pytest.mark.parametrize("address", PAGES)
def test_at_the_default_size_on_a_phone_the_header_takes_a_third_of_the_screen(page, site,
                                                                               address):
    """390 × 844 at the default size: at most a third of the screen (it took 360 px, the
    menu's two columns of items below the search)."""
    visit(page, site, address, 390, 844, looking_only=True)
    header, _ = page.evaluate(HEADER)
    assert header <= 844 / 3, (header, address)


# The upright phone's header: [the slim band's line: its text's height, its line's height,
# its text's width and its box's; the label's width; the page's <h1>'s bottom] in px.
UPRIGHT = """() => { const slim = document.querySelector('.header-slim p');
    const label = document.querySelector('.site-search-label');
    const style = getComputedStyle(slim);
    return [slim.getBoundingClientRect().height - parseFloat(style.paddingTop)
            - parseFloat(style.paddingBottom), parseFloat(style.lineHeight),
            slim.scrollWidth, slim.clientWidth, label.getBoundingClientRect().width,
            document.querySelector('main h1').getBoundingClientRect().bottom]; }"""


def overlapping(boxes):
    """The pairs of ``boxes`` (name: Playwright's bounding box) that overlap."""
    names = list(boxes)
    return [(a, b) for index, a in enumerate(names) for b in names[index + 1:]
            if min(boxes[a]["x"] + boxes[a]["width"], boxes[b]["x"] + boxes[b]["width"])
            > max(boxes[a]["x"], boxes[b]["x"]) + 0.5
            and min(boxes[a]["y"] + boxes[a]["height"], boxes[b]["y"] + boxes[b]["height"])
            > max(boxes[a]["y"], boxes[b]["y"]) + 0.5]


@pytest.mark.parametrize(("width", "height", "text_size", "most", "slim_lines"),
                         [(320, 568, 16, 200, 1), (360, 740, 16, 200, 1),
                          (390, 844, 16, 200, 1), (412, 915, 16, 200, 1),
                          (390, 844, 20, 337.6, 2), (320, 568, 18, 227.2, 2)])  # 40 %
@pytest.mark.parametrize("address", PAGES)  # each page's sizes in a row: one load each
def test_on_a_phone_held_upright_the_header_is_compact(page, site, address, width, height,
                                                       text_size, most, slim_lines):
    """A phone held upright at the default size: the header stacked the slim band (two
    lines at 320 px), the brand, the search's label, its field and "Cerca", then the
    "Menu" button's band: 294 px of a 320 × 568 phone (52 %), 272 of a 390 × 844 one, the
    page's title below the first screen. Now (header.css) at most 200 px: the slim band
    on one line, the label for screen readers only (the field still named by it, "Cerca"
    beside it), the search and "Menu" on one row under the brand, each a 44 px target,
    nothing overlapping, cut or beyond the screen's edge; the page's title on the first
    screen. Up to 125 % or so (larger text has the compact header of large text) the
    same row, the header at most 40 % of the screen (``most``, in px), the slim band on
    two lines (``slim_lines``)."""
    visit(page, site, address, width, height, text_size=text_size, looking_only=True)
    header, main = page.evaluate(HEADER)
    slim, line, text, room, label, title = page.evaluate(UPRIGHT)
    assert main == header and header <= most, (header, most, address)
    assert title <= height, (title, header)
    assert slim <= (slim_lines + 0.5) * line, (slim, line, slim_lines)
    assert text <= room, (text, room)
    assert label <= 1 and page.get_by_role("searchbox", name="Cerca nel sito").count() == 1
    assert page.get_by_role("button", name="Cerca", exact=True).is_visible()
    assert page.locator(".brand-subtitle").is_visible()
    assert page.locator(".header-slim").get_by_text(
        "Welfare di comunità a Crema, Cremona e Casalmaggiore").is_visible()
    boxes = {selector: page.locator(selector).bounding_box() for selector in (
        ".header-slim", ".brand", ".site-search-input", ".site-search-button",
        ".site-nav-button")}
    field, cerca, menu = (boxes[selector] for selector in (
        ".site-search-input", ".site-search-button", ".site-nav-button"))
    assert abs(field["y"] - cerca["y"]) < 1 and abs(cerca["y"] - menu["y"]) < 1, boxes
    assert field["x"] < cerca["x"] < menu["x"], boxes
    assert field["width"] >= 7 * text_size, field  # some 16 letters of a query
    assert min(min(box["width"], box["height"]) for box in (field, cerca, menu)) >= 44, boxes
    assert overlapping(boxes) == [], overlapping(boxes)
    scroll_width, screen, outside = page.evaluate(OUTSIDE)
    assert (scroll_width, outside) == (screen, [])


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("width", "height"), [(320, 568), (390, 844)])
def test_on_a_phone_held_upright_opening_the_menu_moves_nothing_and_rings_are_whole(
        page, site, scheme, width, height):
    """The search and "Menu" share a row under the brand (header.css): opening the menu
    moves nothing of that row, the list comes under it, the brand, the field and "Cerca"
    still take their clicks (the <nav>'s box lies over their cell), and Tab through the
    field, "Cerca", "Menu" and the menu's links shows each focus ring whole."""
    visit(page, site, "/archivio/", width, height, color_scheme=scheme)
    closed = page.evaluate(ROW)
    page.locator(".site-nav-button").click()
    page.mouse.move(0, height - 1)
    assert shown_menu(page) == MENU
    assert page.evaluate(ROW) == closed, (closed, page.evaluate(ROW))
    left, top, right = page.evaluate(LIST)
    assert top >= max(box[1] + box[3] for box in closed) - 0.5, (top, closed)
    assert page.evaluate(TAKES_THE_CLICK) == [True] * 3
    scroll_width, screen, outside = page.evaluate(OUTSIDE)
    assert (scroll_width, outside) == (screen, [])
    faint = faint_rings(page, height)
    assert faint == {}, (scheme, faint)
    page.locator(".site-nav-button").click()
    assert shown_menu(page) == []
    assert page.evaluate(ROW) == closed


@pytest.mark.parametrize(("width", "height", "text_size"),
                         [(320, 640, 32), (390, 844, 16), (640, 360, 16), (915, 412, 16)])
def test_the_menu_opens_and_closes_by_keyboard_without_javascript(page, site, width, height,
                                                                  text_size):
    """Tab from the search's button reaches the "Menu" button, with its focus ring; a
    screen reader hears it named "Menu", collapsed. Enter opens it: the five items show,
    Tab goes to the first; Shift+Tab back, Space closes it, and the items are out of the
    way of Tab again. JavaScript is off: the browser's own <details> does it all. A phone
    held sideways at the default size (640 × 360, 915 × 412) has the phone's menu too
    (header.css): the computer's, on two rows at 640 px, took 79 % of its screen."""
    visit(page, site, "/archivio/", width, height, text_size=text_size)
    opens_and_closes_by_keyboard(page)


def opens_and_closes_by_keyboard(page):
    """The keyboard test's steps, on the page shown."""
    assert not page.evaluate("matchMedia('(scripting: enabled)').matches")
    assert shown_menu(page) == []
    page.locator(".site-search-button").focus()
    page.keyboard.press("Tab")
    tag, text, visible, outline, ring = page.evaluate(FOCUSED)
    assert (tag, text, visible) == ("summary", "Menu", True)
    assert outline not in ("none", "hidden") and ring >= 2, (outline, ring)
    assert disclosure(page) == ["DisclosureTriangle", "Menu", False]
    assert menu_links_given(page) == []
    page.keyboard.press("Enter")
    assert shown_menu(page) == MENU
    assert menu_links_given(page) == MENU
    assert disclosure(page) == ["DisclosureTriangle", "Menu", True]
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED)[:3] == ["a", "Il progetto", True]
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    assert shown_menu(page) == []
    assert disclosure(page) == ["DisclosureTriangle", "Menu", False]
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.site-header')") is None


# The sideways header's row: the box of the "Menu" button, of "Cerca", of the search's
# field and of the brand, each [left, top, width, height] in px to 0.1 px.
ROW = """() => ['.site-nav-button', '.site-search-button', '.site-search-input', '.brand']
    .map(selector => { const box = document.querySelector(selector).getBoundingClientRect();
                       return [box.left, box.top, box.width, box.height]
                           .map(value => Math.round(value * 10) / 10); })"""
# Whether the brand, the search's field and "Cerca" take a click at their middle (the
# <nav>'s box lies over their cell).
TAKES_THE_CLICK = """() => ['.brand', '.site-search-input', '.site-search-button']
    .map(selector => {
        const element = document.querySelector(selector);
        const box = element.getBoundingClientRect();
        return element.contains(document.elementFromPoint((box.left + box.right) / 2,
                                                          (box.top + box.bottom) / 2)); })"""
# The opened menu's list: [left, top, right] in px.
LIST = """() => {
    const box = document.querySelector('.site-nav-list').getBoundingClientRect();
    return [box.left, box.top, box.right]; }"""


@pytest.mark.parametrize(("width", "height", "text_size", "most"),
                         [(640, 360, 16, 0.5), (844, 390, 16, 0.5), (915, 412, 16, 0.5),
                          (480, 320, 16, 0.5), (1366, 450, 16, 0.5), (844, 390, 24, 0.55),
                          (844, 390, 32, 0.7), (740, 360, 32, 1.05)])
def test_on_the_sideways_header_opening_the_menu_moves_nothing_of_its_row(
        page, site, width, height, text_size, most):
    """The header of a phone held sideways (or of a short wide window) is one row: the
    brand, the search, the "Menu" button. Opening the menu moved that row: the list,
    opened, was a column inside the button's cell, under the button, so the button went
    up 9 px (centred in a taller cell: 37.9 to 28.8 px on an 844 × 390 phone) and 28 px
    to the left (the cell as wide as "Documenti"), the search's field 28 px narrower; on
    a 640 × 360 phone the search went under the brand, at 200 % on an 844 × 390 one too
    (the button 47 px to the left, 28 px up). Now the list is a row of the header's grid
    of its own, under the whole row, its right edge the button's: the row stays as it
    was, to the tenth of a px, and nothing scrolls sideways. Its items are side by side
    there, as on a computer's header: in a column, with the header, they took 305 px of
    the 390 of an 844 × 390 phone (147 now); at the default size the header, menu open,
    takes at most half the screen (``most``, its share); with large text about what it
    takes now: 0.5 of an 844 × 390 screen at 150 %, 0.65 at 200 %, and at 200 % on a
    740 × 360 one 1.03, the opened list's foot below the screen's (the page scrolls)."""
    visit(page, site, "/archivio/", width, height, text_size=text_size)
    assert page.locator(".site-nav-button").is_visible()
    closed = page.evaluate(ROW)
    page.locator(".site-nav-button").click()
    assert shown_menu(page) == MENU
    assert page.evaluate(ROW) == closed, (closed, page.evaluate(ROW))
    left, top, right = page.evaluate(LIST)
    row_bottom = max(box[1] + box[3] for box in closed)
    button = closed[0]
    assert top >= row_bottom - 0.5, (top, row_bottom)
    assert abs(right - (button[0] + button[2])) <= 1, (right, button)
    header, _ = page.evaluate(HEADER)
    assert header <= most * height, (header, most, height)
    scroll_width, screen, outside = page.evaluate(OUTSIDE)
    assert (scroll_width, outside) == (screen, [])
    assert page.evaluate(TAKES_THE_CLICK) == [True] * 3
    page.locator(".site-nav-button").click()
    assert shown_menu(page) == []
    assert page.evaluate(ROW) == closed
    assert page.evaluate(TAKES_THE_CLICK) == [True] * 3
    page.locator(".site-search-input").click()
    assert page.evaluate("document.activeElement.id") == "site-search-q"


# The header's stops of Tab, the menu open: the search's field, "Cerca", "Menu", the links.
TAB_STOPS = [".site-search-input", ".site-search-button", ".site-nav-button"] + [
    f".site-nav-list li:nth-child({index + 1}) a" for index in range(len(MENU))]


def faint_rings(page, height):
    """Tab through the header's :data:`TAB_STOPS` (from the element before the first):
    each is focused in turn, its ring shown (:focus-visible); those whose ring is not
    whole, a side of it less than 0.9 drawn (``browser_support.ring_sides``; ``height``:
    the window's), {selector: sides}."""
    page.locator(TAB_STOPS[0]).focus()
    page.keyboard.press("Shift+Tab")
    faint = {}
    for selector in TAB_STOPS:
        page.keyboard.press("Tab")
        locator = page.locator(selector)
        assert locator.evaluate("e => e === document.activeElement"
                                " && e.matches(':focus-visible')"), selector
        sides = ring_sides(page, locator, height)
        if min(sides.values()) < 0.9:
            faint[selector] = sides
    return faint


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("width", "height", "text_size"),
                         [(844, 390, 16), (480, 320, 16), (844, 390, 32)])
def test_on_the_sideways_header_every_focus_ring_is_drawn_whole(page, site, scheme, width,
                                                                height, text_size):
    """Tab through the sideways header, the menu open: the search's field, "Cerca",
    "Menu" and each of the menu's links show their focus ring whole, on every side
    (WCAG 2.4.7, 2.4.11): nothing of the row or of the list is painted over it. The
    brand's and search's cell lies above the <nav>, whose box spans it (header.css): its
    background covered the top of the ring of the links under it. Each ring is in the
    window: at 200 % the list, a column under the button, ran past the screen's foot."""
    visit(page, site, "/archivio/", width, height, text_size=text_size, color_scheme=scheme)
    page.locator(".site-nav-button").click()
    page.mouse.move(0, height - 1)
    assert shown_menu(page) == MENU
    faint = faint_rings(page, height)
    assert faint == {}, (scheme, faint)


# The whole search (its field and "Cerca") and the field alone: [their widths] in px.
SEARCH = """() => ['.site-search', '.site-search-input']
    .map(selector => document.querySelector(selector).getBoundingClientRect().width)"""


@pytest.mark.parametrize(("width", "height"), [(1366, 450), (2000, 470), (915, 412)])
def test_on_a_short_wide_window_the_search_is_no_wider_than_on_a_computer(page, site, width,
                                                                          height):
    """The sideways header's search took the row's room left by the brand and the
    "Menu" button: a field of 697 px on a 1366 × 450 window (1014 at 2000 × 470), far
    more than a search's words need, "Cerca" at the far end of it. Now it is at most as
    wide as on a computer's header (22rem with its button, 352 px), its field at least
    200 px as before (tests/test_low_vision_browser.py)."""
    visit(page, site, "/archivio/", 1280, 900, looking_only=True)
    computer, _ = page.evaluate(SEARCH)
    visit(page, site, "/archivio/", width, height, looking_only=True)
    assert page.locator(".site-nav-button").is_visible()
    search, field = page.evaluate(SEARCH)
    assert search <= computer + 0.5 and field >= 200, (search, computer, field)


@pytest.mark.parametrize(("width", "height"), [(480, 320), (568, 320)])
def test_on_the_smallest_sideways_phones_the_search_is_usable(page, site, width, height):
    """A 480 × 320 screen (568 × 320: an iPhone SE held sideways) at the default size is
    20em high and has the sideways header of large text: the brand, a field of 134 px
    (at 480) and "Cerca" and "Menu" on one row. That is room for some 16 letters of a
    query (7em of the field's own text; more scroll in it as in any field), the text at
    the reader's size, the field and both buttons 44 px high (WCAG 2.5.8 asks 24), the
    field named "Cerca nel sito" for screen readers and speech input, "Cerca" beside it
    saying what it is for (WCAG's technique G167)."""
    visit(page, site, "/archivio/", width, height, looking_only=True)
    field = page.locator(".site-search-input")
    box = field.bounding_box()
    inner, text = field.evaluate("""element => { const style = getComputedStyle(element);
        return [element.clientWidth - parseFloat(style.paddingLeft)
                - parseFloat(style.paddingRight), parseFloat(style.fontSize)]; }""")
    assert text >= 16 and inner >= 7 * text, (inner, text)
    for selector in (".site-search-input", ".site-search-button", ".site-nav-button"):
        target = page.locator(selector).bounding_box()
        assert min(target["width"], target["height"]) >= 44, (selector, target)
    cerca = page.locator(".site-search-button").bounding_box()
    assert abs(cerca["y"] - box["y"]) < 1 and cerca["x"] >= box["x"] + box["width"] - 1
    assert page.get_by_role("searchbox", name="Cerca nel sito").is_visible()
    scroll_width, screen, outside = page.evaluate(OUTSIDE)
    assert (scroll_width, outside) == (screen, [])


@pytest.mark.parametrize(("width", "height", "text_size"),
                         [(844, 390, 16), (844, 390, 32), (320, 568, 16)])
def test_a_browser_without_subgrid_keeps_the_sideways_menu_in_the_button_s_cell(
        page, site, width, height, text_size):
    """Where there is no subgrid (Chromium before 117, Safari before 16: simulated by
    serving the stylesheet with it renamed, so its ``@supports`` is dropped) the opened
    list stays a column under the button, as before, and on a phone held upright the
    header's bands stay one under the other: the menu opens and closes by keyboard, and
    nothing scrolls sideways."""
    old = css_renamed(page, "subgrid", "-farelegami-unknown")
    try:
        visit(old, site, "/archivio/", width, height, text_size=text_size)
        assert [url for url in old.served if "/css/site." in url], old.served
        assert old.evaluate("getComputedStyle(document.querySelector('.site-nav')).display"
                            ) == ("flex" if width > height else "block")
        opens_and_closes_by_keyboard(old)
        old.keyboard.press("Shift+Tab")
        old.keyboard.press("Enter")
        assert shown_menu(old) == MENU
        scroll_width, screen, outside = old.evaluate(OUTSIDE)
        assert (scroll_width, outside) == (screen, [])
    finally:
        old.context.close()


@pytest.mark.parametrize(("width", "height", "text_size"),
                         [(1280, 900, 16), (1280, 900, 32), (768, 900, 16), (1024, 600, 16),
                          (1280, 720, 16)])
def test_wider_screens_show_the_whole_menu_and_no_button(page, site, width, height,
                                                         text_size):
    """On a computer or a tablet (also at 200 % on a computer) the menu is a row of
    links, as before, with no button: Tab goes from the search's button to "Il progetto",
    and a screen reader is given the links, not a collapsed disclosure. A low screen
    too, a netbook's 1024 × 600 or a laptop's 1280 × 720: only a phone held sideways
    (up to 480 px high) folds the menu at the default size."""
    visit(page, site, "/archivio/", width, height, text_size=text_size)
    shows_the_whole_menu(page)


def shows_the_whole_menu(page):
    """The wide screens' test's steps, on the page shown."""
    assert shown_menu(page) == MENU
    assert menu_links_given(page) == MENU
    assert not page.locator(".site-nav-button").is_visible()
    assert disclosure(page) is None
    page.locator(".site-search-button").focus()
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED)[:3] == ["a", "Il progetto", True]
    tops = {round(box["y"]) for box in (page.locator(".site-nav-list a").nth(index)
                                        .bounding_box() for index in range(len(MENU)))}
    assert len(tops) == 1, tops  # one row


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("forced", ["none", "active"])
def test_the_menu_button_is_drawn_as_a_button_in_every_colour_mode(page, site, scheme, forced):
    """Its edge (2 px) at 3:1 at least against the band around it, in light and dark mode;
    in forced colours a line in a system colour, not the Canvas."""
    visit(page, site, "/archivio/", 390, 844, color_scheme=scheme, forced_colors=forced,
          looking_only=True)
    edge, band, canvas = page.evaluate("""() => {
        const rgb = value => value.match(/[\\d.]+/g).slice(0, 3).map(Number);
        const button = getComputedStyle(document.querySelector('.site-nav-button'));
        return [rgb(button.borderTopColor), rgb(getComputedStyle(
                    document.querySelector('.site-nav')).backgroundColor),
                rgb(getComputedStyle(document.body).backgroundColor)]; }""")
    width = page.evaluate("parseFloat(getComputedStyle(document.querySelector("
                          "'.site-nav-button')).borderTopWidth)")
    assert width >= 2

    def luminance(colour):
        values = [c / 255 for c in colour]
        values = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in values]
        return 0.2126 * values[0] + 0.7152 * values[1] + 0.0722 * values[2]

    lighter, darker = sorted([luminance(edge), luminance(band)], reverse=True)
    assert (lighter + 0.05) / (darker + 0.05) >= 3, (edge, band)
    if forced == "active":
        assert edge != canvas


def without_print_blocks(css):
    """``css`` without its ``@media print { … }`` blocks (braces counted)."""
    kept, at = [], 0
    for match in re.finditer(r"@media\s+print\s*\{", css):
        if match.start() < at:
            continue
        kept.append(css[at:match.start()])
        depth, index = 1, match.end()
        while depth and index < len(css):
            depth += {"{": 1, "}": -1}.get(css[index], 0)
            index += 1
        at = index
    return "".join(kept) + css[at:]


def test_no_rule_of_the_theme_needs_details_content():
    """No style of the theme needs the browser to show a closed <details>'s content
    (``::details-content``: Chromium 131, Safari 18.4, Firefox 143); the menu's list is
    not inside its <details>. The test below runs the header in a browser without it.
    Print may use it to print a closed <details>'s text: a browser without it prints the
    <details> closed, as before (base.css)."""
    css = re.sub(r"/\*.*?\*/", "", "".join(path.read_text() for path in
                                            sorted(CSS.glob("*.css"))), flags=re.DOTALL)
    assert "details-content" not in without_print_blocks(css)


@pytest.fixture
def without_details_content(page):
    """A page, with JavaScript off, in a Chromium that does not know ``::details-content``,
    as Firefox ESR 140 or Safari 18.3: the site's stylesheet is served with the
    pseudo-element renamed to one no browser knows, so each rule that uses it, and each
    ``@supports selector(::details-content)``, is dropped as they drop them."""
    old = css_renamed(page, "::details-content", "::-farelegami-unknown")
    yield old
    old.context.close()


def css_renamed(page, name, unknown):
    """A new page, with JavaScript off, whose stylesheets are served with ``name`` (a
    property's value, a pseudo-element) renamed to ``unknown``, one no browser knows:
    the rules and the ``@supports`` that use it are dropped, as a browser without it drops
    them. ``.served``: the stylesheets' addresses; close its ``.context`` after."""
    context = page.context.browser.new_context(java_script_enabled=False)
    served = []

    def renamed(route):
        response = route.fetch()
        served.append(route.request.url)
        route.fulfill(response=response, body=response.text().replace(name, unknown))

    context.route("**/*.css", renamed)
    old = page_in(context)
    old.served = served
    return old


@pytest.mark.parametrize(("width", "text_size"), [(1280, 16), (1280, 32), (768, 16)])
def test_a_browser_without_details_content_shows_the_whole_menu_on_wider_screens(
        without_details_content, site, width, text_size):
    """There the menu stayed folded behind "Menu" on a computer's screen (the list was
    the <details>'s content, shown closed only through ``::details-content``)."""
    old = without_details_content
    visit(old, site, "/archivio/", width, 900, text_size=text_size)
    assert [url for url in old.served if "/css/site." in url], old.served
    shows_the_whole_menu(old)


@pytest.mark.parametrize(("width", "height", "text_size"), [(320, 640, 32), (390, 844, 16)])
def test_a_browser_without_details_content_folds_the_menu_on_a_phone(
        without_details_content, site, width, height, text_size):
    """And on a phone the "Menu" button works there as everywhere."""
    old = without_details_content
    visit(old, site, "/archivio/", width, height, text_size=text_size)
    assert [url for url in old.served if "/css/site." in url], old.served
    opens_and_closes_by_keyboard(old)


# The box of the site's name as drawn: its text's, as tall as its font (a Range's box).
NAME = """() => { const range = document.createRange();
    range.selectNodeContents(document.querySelector('.brand-name'));
    const box = range.getBoundingClientRect();
    return {x: box.left, y: box.top, width: box.width, height: box.height}; }"""


def shot(page, box):
    return Image.open(io.BytesIO(page.screenshot(clip=box))).convert("RGB")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("width", "height", "text_size"),
                         [(320, 640, 32), (390, 844, 16), (1280, 900, 16), (1280, 900, 32)])
def test_in_forced_colours_the_site_name_is_drawn_whole(page, site, scheme, width, height,
                                                        text_size):
    """Forced colours paint each line of text on a backplate as tall as its font, taller
    than the line: the motto's, painted after the name, covered the foot of the "g" of
    "FareLegami" at 320 px with the text at 200 % (at the default size its letters' tops
    reached into the name's box). The name's box, as tall as its font, is drawn the same,
    pixel for pixel, with the motto there and with the motto hidden (no backplate, no
    letters): nothing of the motto is painted into it."""
    visit(page, site, "/", width, height, text_size=text_size, color_scheme=scheme,
          forced_colors="active")
    box = page.evaluate(NAME)
    drawn = shot(page, box)
    page.evaluate("document.querySelector('.brand-subtitle').style.visibility = 'hidden'")
    alone = shot(page, box)
    differ = ImageChops.difference(drawn, alone).getbbox()  # where, in the name's box
    assert differ is None, (differ, box)
