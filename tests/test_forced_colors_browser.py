"""Forced colours (Windows contrast themes, a browser's high-contrast mode), proven in
Chromium with ``emulate_media(forced_colors="active")``, light and dark, 390 and 1280 px.

In forced colours the browser paints the page in the reader's system colours: author
backgrounds and box shadows are dropped, borders and outlines are kept (in system
colours). So whatever only a background or a shadow drew disappears. It did here: the
header's three bands and the menu ran into the breadcrumb and the page, the footer into
the page, the cards lost their edges (drawn by a shadow; only the top bar stayed) and a
code block its box (a background; the sideways-scrolling text was cut off at an edge
nobody could see). The theme's ``@media (forced-colors: active)`` rules draw them as
borders in ``CanvasText``, and only there: the default look is unchanged.

What forced colours already kept (the current page and menu item, the BOZZA badge, the
focus outline) is checked too, so that it stays.
"""

import pytest
from browser_support import chromium, served_site
from support import article

pytestmark = pytest.mark.browser

CODE = "/2024/03/iscrizioni/"
ADDRESS = "https://www.comune.casalmaggiore.cr.it/laboratori-di-comunita/iscrizione-famiglie"
MODES = [(scheme, width) for scheme in ("light", "dark") for width in (390, 1280)]

# A border side as drawn: [width in px, style, colour as r, g, b, a] of element's side.
BORDER = """([selector, side]) => {
    const element = document.querySelector(selector);
    if (!element) return null;
    const style = getComputedStyle(element);
    const colour = style[`border${side}Color`].match(/[\\d.]+/g).map(Number);
    return [parseFloat(style[`border${side}Width`]), style[`border${side}Style`],
            colour.length === 3 ? [...colour, 1] : colour];
}"""
# The page's Canvas colour (the body's background, painted in system colours).
CANVAS = """() => getComputedStyle(document.body).backgroundColor
                    .match(/[\\d.]+/g).map(Number).slice(0, 3)"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with served_site(tmp_path_factory.mktemp("forced-colors"), {
        "notizie/iscrizioni.md": article(
            title="Iscrizioni aperte", date="2024-03-01 10:00", slug="iscrizioni",
            body=f"Il modulo:\n\n```\niscrizioni: {ADDRESS}\n```\n"),
        "notizie/festa.md": article(title="Festa in piazza", date="2024-02-01 10:00"),
        "notizie/bozza.md": article(title="Bozza del programma", date="2024-04-01 10:00",
                                    status="draft"),
    }, config="previewconf", settings="VISIT_COUNTER_URL = ''\nDEFAULT_PAGINATION = 1\n") as built:
        yield built


@pytest.fixture(scope="module")
def page():
    with chromium() as browser:
        yield browser.new_page(viewport={"width": 1280, "height": 900})


def visit(page, site, address, scheme, width, forced="active"):
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(forced_colors=forced, color_scheme=scheme)
    page.goto(site.origin + address, wait_until="load")
    assert page.evaluate("matchMedia('(forced-colors: active)').matches") == (forced == "active")


def drawn(page, selector, side):
    """Whether ``selector``'s ``side`` border is a line the reader sees: at least 1 px,
    a visible style, a colour that is not transparent nor the page's Canvas."""
    width, style, colour = page.evaluate(BORDER, [selector, side])
    return (width >= 1 and style not in ("none", "hidden") and colour[3] > 0
            and colour[:3] != page.evaluate(CANVAS))


def missing_lines(page, lines):
    return [f"{selector} {side}" for selector, side in lines if not drawn(page, selector, side)]


# The lines forced colours need, that backgrounds and shadows drew.
HEADER_AND_FOOTER = [(".header-slim", "BlockEnd"), (".site-nav", "BlockStart"),
                     (".site-nav", "BlockEnd"), (".site-footer", "BlockStart")]
CARD = [(".card", side) for side in ("BlockStart", "BlockEnd", "InlineStart", "InlineEnd")]
CODE_BLOCK = [(".prose pre", side)
              for side in ("BlockStart", "BlockEnd", "InlineStart", "InlineEnd")]


# A phone held upright has the search and the "Menu" button on one row under the brand
# (header.css): the <nav>'s top line ran along the field's top there; the opened list,
# under that row, has it.
UPRIGHT_PHONE = [(".site-nav-list", "BlockStart") if line == (".site-nav", "BlockStart")
                 else line for line in HEADER_AND_FOOTER]


@pytest.mark.parametrize(("scheme", "width"), MODES, ids=[f"{s}-{w}" for s, w in MODES])
def test_the_header_bands_the_menu_and_the_footer_keep_their_edges(page, site, scheme, width):
    visit(page, site, "/", scheme, width)
    assert missing_lines(page, UPRIGHT_PHONE if width < 576 else HEADER_AND_FOOTER) == []


@pytest.mark.parametrize(("scheme", "width"), MODES, ids=[f"{s}-{w}" for s, w in MODES])
def test_a_card_keeps_its_four_edges_and_its_top_bar(page, site, scheme, width):
    visit(page, site, "/", scheme, width)
    assert page.locator(".card").count() == 1
    assert missing_lines(page, CARD) == []
    top, sides = (page.evaluate(BORDER, [".card", side])[0]
                  for side in ("BlockStart", "InlineStart"))
    assert top > sides  # the top bar still marks the card's head


@pytest.mark.parametrize(("scheme", "width"), MODES, ids=[f"{s}-{w}" for s, w in MODES])
def test_a_code_block_keeps_its_box(page, site, scheme, width):
    visit(page, site, CODE, scheme, width)
    assert page.locator(".prose pre").count() == 1
    assert missing_lines(page, CODE_BLOCK) == []


@pytest.mark.parametrize(("scheme", "width"), MODES, ids=[f"{s}-{w}" for s, w in MODES])
def test_without_forced_colours_the_look_is_unchanged(page, site, scheme, width):
    """The new lines exist only in forced colours: the default look has none of them."""
    visit(page, site, "/", scheme, width, forced="none")
    assert [line for line in HEADER_AND_FOOTER + CARD[1:] if drawn(page, *line)] == []
    visit(page, site, CODE, scheme, width, forced="none")
    assert [line for line in CODE_BLOCK if drawn(page, *line)] == []


@pytest.mark.parametrize(("scheme", "width"), MODES, ids=[f"{s}-{w}" for s, w in MODES])
def test_what_forced_colours_already_kept_still_shows(page, site, scheme, width):
    """The current page, the current menu item, the BOZZA badge and the focus outline:
    marks that are borders, outlines or system colours, not backgrounds alone."""
    visit(page, site, "/pagina/2/", scheme, width)
    current = ".pagination-list a[aria-current]"
    other = ".pagination-list li:not(.pagination-prev):not(.pagination-next) a:not([aria-current])"
    background = "s => getComputedStyle(document.querySelector(s)).backgroundColor"
    assert page.evaluate(background, current) != page.evaluate(background, other)
    visit(page, site, "/", scheme, width)  # the newest item, the draft
    assert page.locator(".card .badge-bozza").count() == 1
    assert drawn(page, ".card .badge-bozza", "BlockStart")
    visit(page, site, "/archivio/", scheme, width)
    side = "InlineStart" if width < 600 else "BlockEnd"
    assert drawn(page, ".site-nav-list a[aria-current]", side)
    assert not drawn(page, ".site-nav-list a:not([aria-current])", side)
    for _ in range(3):  # the skip link, the brand, the search field: each outlined
        page.keyboard.press("Tab")
        outline = page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
            return [s.outlineStyle, parseFloat(s.outlineWidth),
                    s.outlineColor.match(/[\\d.]+/g).map(Number)]; }""")
        assert outline[0] not in ("none", "hidden") and outline[1] >= 2, outline
        assert (outline[2] + [1])[3] > 0 and outline[2][:3] != page.evaluate(CANVAS), outline
