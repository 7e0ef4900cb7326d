"""Reflow (WCAG 1.4.10) and text spacing (1.4.12), measured in Chromium at 320 CSS px,
the width of a phone or of a 1280 px screen zoomed to 400 %.

Editors write what the theme lays out: a title holding a web address, a tag written as
a hashtag, a document titled with its file name. Such a word cannot be broken at a space;
the page must still fit the screen (only tables and code blocks scroll, in their own
box). The body's ``overflow-wrap: break-word`` breaks a long word in ordinary blocks, but
not in a flex item, which never shrinks below its longest word: the breadcrumb, the tag
pills, the index of tags and the documents' links widened the whole page.
"""

import re

import pytest
import samples
from browser_support import (HIDDEN, OUTSIDE, SPLIT_ACROSS_LINES, chromium, every_width,
                             goto_in_theme_font, served_site, shown_in_theme_font)
from support import article

pytestmark = pytest.mark.browser

PDF = "allegati/2024/comunicato-stampa-presentazione-crema.pdf"
ADDRESS = "www.comune.casalmaggiore.cr.it/laboratori-di-comunita/iscrizione-famiglie"
HASHTAG = "FareLegamiCasalmaggioreCremonaCrema2024"
FILE_TITLE = "Modulo_iscrizione_famiglie_volontarie_Casalmaggiore_2024.pdf"
LONG = "/2024/09/iscrizioni-online/"
PATTO = "/2024/10/patto/"
BODY = "/2024/07/video-e-tabella/"
NESTED = "/2024/06/tabella-annidata/"
FRAMES = "/2024/05/lettori/"
CAPTION = "Calendario degli incontri nei quartieri"
LONG_CATEGORY = "Opportunità per associazioni e volontari"
PAGES = [
    ("articolo con parole lunghe", LONG),
    ("articolo con video e tabella", BODY),
    ("articolo con un nome composto", PATTO),
    ("articolo con una tabella in una tabella", NESTED),
    ("articolo con lettori incorporati", FRAMES),
    ("home", "/"),
    ("argomento dal nome lungo", "/argomenti/farelegamicasalmaggiorecremonacrema2024/"),
    ("argomenti", "/argomenti/"),
    ("documenti", "/documenti/"),
    ("archivio", "/archivio/"),
    ("archivio dell'anno", "/archivio/2024/"),  # by month, with a list of months
    ("404", "/404.html"),
]
# The text spacing bookmarklet's values (WCAG 1.4.12), as a user style sheet.
TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
                     word-spacing: 0.16em !important; }
                  p { margin-block-end: 2em !important; }"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with served_site(tmp_path_factory.mktemp("reflow"), {
        PDF: samples.text_pdf("Programma della festa\nOrari e luoghi dei laboratori."),
        "notizie/lungo.md": article(
            title=f"Iscrizioni su {ADDRESS}", date="2024-09-01 10:00", slug="iscrizioni-online",
            tags=f"[Crema, {HASHTAG}]",
            summary=f"Le famiglie volontarie si iscrivono su {ADDRESS}.",
            attachments=[f"file: {PDF}\n    title: {FILE_TITLE}"],
            body=f"Il modulo è anche su {ADDRESS}."),
        "notizie/breve.md": article(title="Festa in piazza", date="2024-08-01 10:00",
                                    tags="[Crema]"),
        # the search's categories: the site's longest, and a longer one an editor may add
        "comunicati-stampa/rete.md": article(title="Nasce la rete", date="2024-04-01 10:00",
                                             slug="nasce-la-rete"),
        "notizie/bando.md": article(title="Un bando", date="2024-03-01 10:00", slug="bando",
                                    category=LONG_CATEGORY),
        "notizie/patto.md": article(
            title="Un'idea per un Patto Gener-Attivo: come prepararla", slug="patto",
            date="2024-10-01 10:00", tags="[Patti Gener-Attivi]",
            body="Chi vuole proporre uno dei [Patti Gener-Attivi](https://example.org/patti)"
                 " di FareLegami in Emilia-Romagna scrive alla redazione. Anche i comuni"
                 " dell'Emilia-Romagna: «Gener-Attivi», per tutti."),
        # a video as its site gives the embed code, 560 px wide; a table wider than a
        # phone, named by its caption
        "notizie/video.md": article(
            title="Video e tabella", date="2024-07-01 10:00", slug="video-e-tabella",
            body=f"""\
                La presentazione in video.

                <iframe src="https://www.youtube-nocookie.com/embed/abc123" width="560"
                height="315" title="Video della presentazione"></iframe>

                <table>
                <caption>{CAPTION}</caption>
                <tr><th>Quartiere</th><th>Giorno</th><th>Orario</th><th>Posti</th>
                <th>Iscritti</th><th>Referente</th></tr>
                <tr><td>Santa Maria della Croce</td><td>lunedì</td><td>9-12</td><td>25</td>
                <td>18</td><td>Giovanni Bianchi</td></tr>
                </table>
                """),
        # an HTML table pasted whole, with a table in one of its cells
        "notizie/annidata.md": article(
            title="Tabella annidata", date="2024-06-01 10:00", slug="tabella-annidata",
            body="""\
                Gli orari.

                <table>
                <tr><th>Quartiere</th><th>Orari</th></tr>
                <tr><td>Santa Maria</td><td><table><tr><th>Giorno</th><th>Orario</th></tr>
                <tr><td>lunedì mattina</td><td>9-12 e 14-18</td></tr></table></td></tr>
                </table>
                """),
        # players' embed codes: a width in per cent (as a podcast's player gives it), a
        # width alone, both sizes in pixels
        "notizie/lettori.md": article(
            title="Lettori", date="2024-05-01 10:00", slug="lettori",
            body="""\
                I lettori.

                <iframe src="https://www.youtube-nocookie.com/embed/a" width="100%"
                height="352" title="Puntata del podcast"></iframe>

                <iframe src="https://www.youtube-nocookie.com/embed/b" width="560"
                title="Video senza altezza"></iframe>

                <iframe src="https://www.youtube-nocookie.com/embed/c" width="640"
                height="360" title="Video della festa"></iframe>
                """),
    }, settings="VISIT_COUNTER_URL = ''\n"
                "CONTRACT_IFRAME_HOSTS = ['www.youtube-nocookie.com']\n") as built:
        yield built


@pytest.fixture(scope="module")
def page():
    with chromium() as browser:
        # A user style sheet (the bookmarklet) goes past the site's Content-Security-Policy.
        context = browser.new_context(viewport={"width": 320, "height": 640},
                                      bypass_csp=True)
        page = context.new_page()
        page.devtools = context.new_cdp_session(page)  # goto_in_theme_font's
        yield page


def test_the_long_words_are_on_the_pages(page, site):
    goto_in_theme_font(page, site.origin + LONG, page.devtools)
    assert page.locator(".breadcrumb li[aria-current]").text_content().strip().endswith(ADDRESS)
    assert page.locator(".tag-list a", has_text=HASHTAG).count() == 1
    assert page.locator(".attachment-label", has_text=FILE_TITLE).count() == 1


@pytest.mark.parametrize(("kind", "address"), PAGES, ids=[kind for kind, _ in PAGES])
def test_nothing_but_tables_and_code_scrolls_sideways_at_320_px(page, site, kind, address):
    assert site.exists(address), address
    goto_in_theme_font(page, site.origin + address, page.devtools)
    scroll_width, width, outside = page.evaluate(OUTSIDE)
    assert (scroll_width, outside) == (width, []), (kind, address)


def test_a_video_keeps_its_shape_within_the_text(page, site):
    """An embedded video narrower than its 560 px: the text's width, its 16:9 kept."""
    goto_in_theme_font(page, site.origin + BODY, page.devtools)
    width, height, text = page.evaluate("""() => [
        ...Object.values(document.querySelector('.prose iframe').getBoundingClientRect()
                         .toJSON()).slice(2, 4),
        document.querySelector('.prose').getBoundingClientRect().width]""")
    assert width == pytest.approx(text, abs=1)
    assert width / height == pytest.approx(560 / 315, rel=0.02)


@pytest.mark.parametrize("width", [320, 1280])
def test_a_frame_without_both_sizes_in_pixels_keeps_a_players_height(page, site, width):
    """A frame is as high as it was given, or keeps the ratio of its two sizes in pixels:
    each size's own fallback in the ratio made width="100%" height="352" a frame
    thousands of pixels high, and a width alone one a few pixels high."""
    page.set_viewport_size({"width": width, "height": 640})
    try:
        goto_in_theme_font(page, site.origin + FRAMES, page.devtools)
        text, frames = page.evaluate("""() => [
            document.querySelector('.prose').getBoundingClientRect().width,
            [...document.querySelectorAll('.prose iframe')].map(frame => {
                const box = frame.getBoundingClientRect();
                return [frame.title, box.width, box.height]; })]""")
    finally:
        page.set_viewport_size({"width": 320, "height": 640})
    sizes = {title: (wide, high) for title, wide, high in frames}
    assert sizes["Puntata del podcast"] == (pytest.approx(text, abs=1), pytest.approx(352)), frames
    wide, high = sizes["Video senza altezza"]
    assert wide <= text + 1 and 100 <= high <= 400, frames
    wide, high = sizes["Video della festa"]
    assert wide == pytest.approx(min(640, text), abs=1), frames
    assert wide / high == pytest.approx(640 / 360, rel=0.02), frames


# The lines of a table's caption, [left, right] in px, and its scrolling box's edges.
CAPTION_LINES = """() => {
    const caption = document.querySelector('.prose caption');
    const box = caption.closest('.table-scroll');
    const range = document.createRange();
    range.selectNodeContents(caption);
    const edges = box.getBoundingClientRect();
    return [[...range.getClientRects()].map(line => [line.left, line.right]),
            [edges.left, edges.right], box.scrollWidth > box.clientWidth];
}"""


@pytest.mark.parametrize("scrolled", [False, True], ids=["all'inizio", "scorsa"])
def test_a_tables_caption_is_read_whole_in_its_box(page, site, scrolled):
    """The caption of a table that scrolls in its box is seen whole, from its first word,
    before and while the table is scrolled (centred over the whole table, it began
    out of sight)."""
    goto_in_theme_font(page, site.origin + BODY, page.devtools)
    if scrolled:
        page.evaluate("document.querySelector('.table-scroll').scrollLeft = 150")
    lines, (left, right), scrolls = page.evaluate(CAPTION_LINES)
    assert scrolls and page.locator(".prose caption").text_content() == CAPTION
    assert lines and lines[0][0] == pytest.approx(left, abs=1)
    assert all(left - 0.5 <= start and end <= right + 0.5 for start, end in lines), lines


@pytest.mark.parametrize("width", [320, 1280])
def test_a_table_in_a_tables_cell_is_not_cut_by_its_own_box(page, site, width):
    """A table in a cell of another table is seen whole in its cell (the outer table's
    box scrolls, where the screen is narrow): a box that took its width from the cell
    alone ignored the table in it, a few pixels wide at any screen's width."""
    page.set_viewport_size({"width": width, "height": 640})
    try:
        goto_in_theme_font(page, site.origin + NESTED, page.devtools)
        boxes = page.evaluate("""() => [...document.querySelectorAll('.prose .table-scroll')]
            .map(box => [box.clientWidth, box.scrollWidth,
                         box.querySelector('table').getBoundingClientRect().width])""")
    finally:
        page.set_viewport_size({"width": 320, "height": 640})
    assert len(boxes) == 2, boxes
    (inner, inner_scroll, inner_table) = boxes[1]
    assert inner_scroll <= inner + 1 and inner_table <= inner + 1, boxes
    if width == 1280:  # room enough: the outer table does not scroll either
        assert boxes[0][1] <= boxes[0][0] + 1, boxes


@pytest.mark.parametrize(("kind", "address"), PAGES, ids=[kind for kind, _ in PAGES])
def test_text_spacing_neither_widens_nor_clips_the_page(page, site, kind, address):
    goto_in_theme_font(page, site.origin + address, page.devtools)
    page.add_style_tag(content=TEXT_SPACING)
    assert page.evaluate("getComputedStyle(document.body).wordSpacing") != "0px"
    scroll_width, width, outside = page.evaluate(OUTSIDE)
    assert (scroll_width, outside) == (width, []), (kind, address)
    clipped = page.evaluate("""() => { const hidden = """ + HIDDEN + """;
        return [...document.body.querySelectorAll('*')]
        .filter(e => !e.closest('.table-scroll, pre') && !hidden(e)
                     && getComputedStyle(e).overflow !== 'visible'
                     && (e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1))
        .map(e => e.tagName.toLowerCase() + '.' + e.className); }""")
    assert clipped == [], (kind, address)


# Of each hyphenated name the page keeps whole (plugins/italian/typography.py): its text,
# the lines it is on, whether it is wider than its line (then it must break), whether its
# link's underline reaches it.
NAMES = """() => [...document.querySelectorAll('.nome-composto')].map(name => {
    const range = document.createRange();
    range.selectNodeContents(name);
    const tops = new Set([...range.getClientRects()].map(box => Math.round(box.top)));
    let line = name.parentElement;
    while (getComputedStyle(line).display.startsWith('inline')) line = line.parentElement;
    const link = name.closest('a');
    return [name.textContent, tops.size, name.scrollWidth > line.clientWidth,
            // an inline element takes its link's underline; an inline block must set it
            !link || getComputedStyle(name).display === 'inline'
            || getComputedStyle(name).textDecorationLine
               === getComputedStyle(link).textDecorationLine];
})"""


def test_a_hyphenated_name_never_ends_a_line_with_its_first_half(page, site):
    """"Un'idea per un Patto Gener-" and "Attivo: come prepararla" on the next line: the
    project's own name cut in two on the home page's card at some widths, in the article's
    heading at others. At every width from a phone's to a desktop's the name is on one
    line, in the heading, the cards and the body (a link's underline included)."""
    try:
        for address, least in (("/", 1), (PATTO, 3)):
            goto_in_theme_font(page, site.origin + address, page.devtools)
            with every_width(page, 640) as widths:
                for width in widths:
                    names = page.evaluate(NAMES)
                    assert len(names) >= least, (address, names)
                    for text, lines, too_wide, underline in names:
                        assert lines == 1 or too_wide, (address, width, text)
                        assert underline, (address, text)
    finally:
        page.set_viewport_size({"width": 320, "height": 640})


# Of each name inside an underlined link that draws the link's underline again (a proper
# name's <span translate="no">, a hyphenated name's inline block: base.css; not one under
# a block of the link that draws none, a document's title, under the link's own line):
# its text and how its underline differs from its link's, as "property: link's value,
# name's value".
UNDERLINES = """() => {
    const properties = ['textDecorationLine', 'textDecorationStyle', 'textDecorationColor',
                        'textDecorationThickness', 'textUnderlineOffset'];
    return [...document.querySelectorAll('a span[translate="no"], a .nome-composto')]
        .filter(name => getComputedStyle(name.closest('a')).textDecorationLine !== 'none'
                        && getComputedStyle(name).textDecorationLine !== 'none')
        .map(name => {
            const [own, link] = [getComputedStyle(name), getComputedStyle(name.closest('a'))];
            return [name.textContent, properties.filter(key => own[key] !== link[key])
                .map(key => `${key}: ${link[key]}, ${own[key]}`)];
        });
}"""


@pytest.fixture
def webkit_shorthand(page):
    """A page at 390 px in a Chromium whose ``text-decoration`` shorthand is WebKit's
    (Safari 26, WebKitGTK 2.50): line, style and colour, without the thickness. The
    site's stylesheet is served with each ``text-decoration: inherit`` written as those
    three longhands, which is what WebKit makes of it."""
    context = page.context.browser.new_context(viewport={"width": 390, "height": 844})
    served = []

    def as_webkit(route):
        response = route.fetch()
        served.append(route.request.url)
        route.fulfill(response=response, body=re.sub(
            r"text-decoration:\s*inherit", "text-decoration-line:inherit;"
            "text-decoration-style:inherit;text-decoration-color:inherit", response.text()))

    context.route("**/*.css", as_webkit)
    webkit = context.new_page()
    webkit.served = served
    yield webkit
    context.close()


def test_a_names_underline_is_its_links_in_safari(webkit_shorthand, site):
    """In Safari a proper name in a link ("Patti Gener-Attivi" in an article's text,
    "FareLegami" in a related article's title) was underlined twice: the link's line of
    1 px and, drawn by the name's own box, the font's thicker line, lower: WebKit's
    ``text-decoration`` shorthand leaves the thickness out, so ``text-decoration:
    inherit`` gave the name the initial ``auto``. The name's underline is the link's, in
    the text and on a card's title while the pointer is on it (2 px)."""
    page = webkit_shorthand
    page.goto(site.origin + PATTO, wait_until="load")
    assert [url for url in page.served if "/css/site." in url], page.served
    names = page.evaluate(UNDERLINES)
    assert {"Patti Gener-Attivi", "Gener-Attivi"} <= {text for text, _ in names}, names
    assert [difference for _, difference in names if difference] == [], names
    page.goto(site.origin + "/", wait_until="load")
    title = page.locator(".card-title a", has_text="Gener-Attivo")
    title.hover()
    names = page.evaluate(UNDERLINES)
    assert names and page.evaluate("getComputedStyle(document.querySelector("
                                   "'.card-title a:hover')).textDecorationThickness") == "2px"
    assert [difference for _, difference in names if difference] == [], names


# Each hyphenated name of two capitalised words in the main text (Patti Gener-Attivi, as
# plugins/italian/typography.py finds them) that a line ends in the middle of, at its
# hyphen, though the name alone (with the punctuation its box holds) fits its line:
# "text (element)".
SPLIT_NAMES = r"""() => {
    const capital = '[A-ZÀ-ÖØ-Þ]';
    const names = new RegExp(`(?<![\\p{L}\\p{N}_-])${capital}\\p{L}*-${capital}\\p{L}*`
                             + '(?![\\p{L}\\p{N}_-])', 'gu');
    const split = [];
    const walker = document.createTreeWalker(document.querySelector('main'),
                                             NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode());) {
        for (const match of node.data.matchAll(names)) {
            const hyphen = match.index + match[0].indexOf('-');
            const box = (from, to) => {
                const range = document.createRange();
                range.setStart(node, from);
                range.setEnd(node, to);
                return range;
            };
            const [before] = box(hyphen, hyphen + 1).getClientRects();
            const [after] = box(hyphen + 1, hyphen + 2).getClientRects();
            if (!before || !after || Math.abs(before.top - after.top) < 2) continue;
            let line = node.parentElement;
            while (getComputedStyle(line).display.startsWith('inline'))
                line = line.parentElement;
            const style = getComputedStyle(line);
            const room = line.clientWidth - parseFloat(style.paddingLeft)
                         - parseFloat(style.paddingRight);
            // the name's box holds the punctuation next to it (which must share its line)
            const unit = node.parentElement.closest('.nome-composto');
            const whole = document.createRange();
            if (unit) whole.selectNodeContents(unit);
            const width = [...(unit ? whole
                               : box(match.index, match.index + match[0].length))
                           .getClientRects()].reduce((sum, rect) => sum + rect.width, 0);
            const where = node.parentElement.tagName.toLowerCase();
            if (width <= room) split.push(`${match[0]} (${where})`);
        }
    }
    return split;
}"""


@pytest.mark.parametrize(("address", "text_size"), [
    ("/cerca/?q=patto", 16), ("/cerca/?q=patto", 32), (PATTO, 32)],
    ids=["ricerca", "ricerca al 200 %", "articolo al 200 %"])
def test_no_line_ends_with_the_first_half_of_a_name_that_fits(page, site, address, text_size):
    """"Un'idea per un Patto Gener-" and "Attivo: come prepararla" on the next line in the
    search results on a phone (their titles and excerpts are written by cerca.js, not by
    the plugin that keeps names whole), and "Patti Gener-" / "Attivi" in a tag's pill with
    the text at 200 % (tag names are shown by the ``inglese`` filter). At every width from
    a phone's to a desktop's, a name that fits its line is on one line."""
    devtools = page.context.new_cdp_session(page)
    devtools.send("Page.setFontSizes", {"fontSizes": {"standard": text_size}})
    try:
        goto_in_theme_font(page, site.origin + address, page.devtools)
        if address.startswith("/cerca/"):
            page.wait_for_selector(".cerca-risultato")
        assert page.locator("main", has_text="Gener-Attiv").count() == 1
        split = {}
        with every_width(page, 640) as widths:
            for width in widths:
                for name in page.evaluate(SPLIT_NAMES):
                    split.setdefault(name, []).append(width)
        assert split == {}, address
    finally:
        devtools.send("Page.setFontSizes", {"fontSizes": {"standard": 16}})
        devtools.detach()
        page.set_viewport_size({"width": 320, "height": 640})


# Each hyphenated name (.nome-composto) drawn against the word before it though a space
# separates them in the text: "word|name (parent) gap px". In a flex container (a tag's
# pill was one) the text before the name is a flex item of its own, and its last space
# is dropped: "PattiGener-Attivi".
GLUED_NAMES = r"""() => {
    const glued = [];
    for (const name of document.querySelectorAll('.nome-composto')) {
        const before = name.previousSibling;
        if (!before || before.nodeType !== Node.TEXT_NODE || !/\s$/.test(before.data)) continue;
        const text = before.data.replace(/\s+$/, '');
        if (!text || !name.getClientRects().length) continue;
        const range = document.createRange();
        range.setStart(before, text.length - 1);
        range.setEnd(before, text.length);
        const last = range.getBoundingClientRect();
        const first = name.getClientRects()[0];
        const middle = box => (box.top + box.bottom) / 2;
        // the name begins the next line (on one line, the two boxes' middles are close:
        // an inline block's box is a little taller than its text's)
        if (Math.abs(middle(last) - middle(first)) > first.height / 2) continue;
        const gap = first.left - last.right;
        if (gap < 0.15 * parseFloat(getComputedStyle(name).fontSize)) {
            const parent = name.parentElement;
            glued.push(`${text.slice(-10)}|${name.textContent}`
                       + ` (${parent.tagName.toLowerCase()}.${parent.className}) ${gap.toFixed(1)} px`);
        }
    }
    return glued;
}"""


@pytest.mark.parametrize("address", ["/", PATTO, "/argomenti/", "/cerca/?q=patti"],
                         ids=["home", "articolo", "argomenti", "ricerca"])
def test_a_hyphenated_name_keeps_the_space_before_it(page, site, address):
    """"PattiGener-Attivi" in the article's tag pill: the pill was a flex box, whose
    text before the name lost its space. Wherever a name is shown, on a phone and on a
    desktop, the space before it is drawn."""
    try:
        for width in (320, 1280):
            page.set_viewport_size({"width": width, "height": 640})
            shown_in_theme_font(page, site.origin + address, again=width != 320)
            if address.startswith("/cerca/"):
                page.wait_for_selector(".cerca-risultato")
            assert page.locator(".nome-composto").count() >= 1, address
            assert page.evaluate(GLUED_NAMES) == [], (address, width)
    finally:
        page.set_viewport_size({"width": 320, "height": 640})


# Each hyphenated name (.nome-composto) with the punctuation next to it (in the same
# text) on another line: "text|name|text (element) width". A line may break
# before and after an inline block: a card's title began a line with ": come prepararla".
SEPARATED_PUNCTUATION = r"""() => {
    const found = [];
    const middle = box => (box.top + box.bottom) / 2;
    const apart = (a, b) => Math.abs(middle(a) - middle(b)) > Math.min(a.height, b.height) / 2;
    const character = (node, at) => {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        return range.getBoundingClientRect();
    };
    for (const name of document.querySelectorAll('.nome-composto')) {
        const boxes = name.getClientRects();
        if (!boxes.length) continue;
        const [before, after] = [name.previousSibling, name.nextSibling];
        const where = `${name.parentElement.tagName.toLowerCase()}`;
        if (after && after.nodeType === Node.TEXT_NODE && /^[:;,.!?…»”’)\]]/u.test(after.data)
            && apart(character(after, 0), boxes[boxes.length - 1]))
            found.push(`${name.textContent}|${after.data.slice(0, 8)} (${where})`);
        if (before && before.nodeType === Node.TEXT_NODE && /[«“‘(\[]$/u.test(before.data)
            && apart(character(before, before.data.length - 1), boxes[0]))
            found.push(`${before.data.slice(-8)}|${name.textContent} (${where})`);
    }
    return found;
}"""


@pytest.mark.parametrize("address", ["/", PATTO, "/categorie/notizie/", "/cerca/?q=patto"],
                         ids=["home", "articolo", "categoria", "ricerca"])
def test_a_hyphenated_name_keeps_its_punctuation_on_its_line(page, site, address):
    """": come prepararla" at the start of a line, "Gener-Attivo" ending the one above,
    in the category page's card (the name is an inline block, kept whole, and a line may
    break on either side of one). At every width from a phone's to a desktop's, the
    punctuation next to a name stays on its line."""
    try:
        goto_in_theme_font(page, site.origin + address, page.devtools)
        if address.startswith("/cerca/"):  # its results are written by cerca.js
            page.wait_for_selector(".cerca-risultato")
        assert page.locator(".nome-composto").count() >= 1, address
        separated = {}
        with every_width(page, 640) as widths:
            for width in widths:
                for text in page.evaluate(SEPARATED_PUNCTUATION):
                    separated.setdefault(text, []).append(width)
        assert separated == {}, address
    finally:
        page.set_viewport_size({"width": 320, "height": 640})


def split_lines(page, site, address, checks, text_sizes=(16,)):
    """``{(text, text size): [widths]}``: what ``checks`` (``[(selector, pattern)]``, see
    browser_support.SPLIT_ACROSS_LINES) find drawn across two lines on ``address``, at
    every width from a phone's to a desktop's, the text at each of ``text_sizes`` px."""
    devtools = page.context.new_cdp_session(page)
    split = {}
    try:
        for text_size in text_sizes:
            devtools.send("Page.setFontSizes", {"fontSizes": {"standard": text_size}})
            page.set_viewport_size({"width": 320, "height": 640})
            shown_in_theme_font(page, site.origin + address,
                                again=text_size != text_sizes[0])
            for selector, _ in checks:
                assert page.locator(selector).count() >= 1, (address, selector)
            with every_width(page, 640) as widths:
                for width in widths:
                    for check in checks:
                        for text in page.evaluate(SPLIT_ACROSS_LINES, list(check)):
                            split.setdefault((text, text_size), []).append(width)
    finally:
        devtools.send("Page.setFontSizes", {"fontSizes": {"standard": 16}})
        devtools.detach()
        page.set_viewport_size({"width": 320, "height": 640})
    return split


@pytest.mark.parametrize("address", [LONG, "/documenti/"], ids=["articolo", "documenti"])
def test_a_documents_size_and_pages_keep_their_number(page, site, address):
    """"(PDF, 5 kB, 2" at the end of a line and "pagine)" beginning the next, under the
    article and on the Documenti page on a phone: the size's number and unit were joined
    by a no-break space, the pages' number and noun were not. At every width, at 100 and
    200 %, each number is on the line of what it counts."""
    checks = [(".attachment-label", r"\d\s(?:pagin|byte|[kMG]B)")]
    assert split_lines(page, site, address, checks, text_sizes=(16, 32)) == {}


def test_an_articles_date_keeps_the_day_with_its_month_and_the_time_with_ore(page, site):
    """The meta line of an article on a 320 px phone ended with "ore" and began the next
    with "17:07"; with the text at 200 % one ended with "domenica 5" and the next began
    with "maggio". At every width, at 100 and 200 %, the day's number stays with its
    month and "ore" with the time."""
    checks = [(".article-meta time", r"\d\s\p{L}|ore\s\d")]
    assert split_lines(page, site, LONG, checks, text_sizes=(16, 32)) == {}


def test_a_feeds_address_breaks_where_an_address_may_break(page, site):
    """On «Segui le notizie» a phone broke each feed's address wherever its line ran out:
    "…/categorie/avvisi.rss.x" and "ml" on the next line, "…/comunicati" and
    "-stampa.rss.xml". An address (to copy into a reader) breaks only after "//" or
    before "/", ".", "-": never between two letters or digits."""
    checks = [(".feed-list a", r"[\p{L}\p{N}]{2}")]
    assert split_lines(page, site, "/segui/", checks, text_sizes=(16, 32)) == {}


# Of each attachment with a preview: [title's top − preview's top, description's top −
# title's bottom, description's left − preview's right], in px.
DOCUMENT_LAYOUT = """() => [...document.querySelectorAll('.attachment')]
    .filter(entry => entry.querySelector('.attachment-preview')
                     && entry.querySelector('.attachment-description, .document-source'))
    .map(entry => {
        const [preview, title, description] = ['.attachment-preview', '.attachment-label',
            '.attachment-description, .document-source']
            .map(selector => entry.querySelector(selector).getBoundingClientRect());
        return [title.top - preview.top, description.top - title.bottom,
                description.left - preview.right];
    })"""


def test_a_documents_description_is_under_its_title_beside_the_preview(page, site):
    """On a computer a document's title was centred on its preview, and its description
    under the preview: 41 px below the title, while the source under the description
    was 4 px below it; on a phone the title began 10 px under the preview's top. The
    title starts at the preview's top, the description (on the Documenti page, the
    article it comes from) right under the title, both beside the preview."""
    try:
        for width in (390, 768, 1280):
            page.set_viewport_size({"width": width, "height": 640})
            goto_in_theme_font(page, site.origin + "/documenti/", page.devtools)
            layouts = page.evaluate(DOCUMENT_LAYOUT)
            assert layouts
            for top, gap, beside in layouts:
                assert abs(top) < 1 and 0 <= gap < 16 and beside > 0, (width, top, gap, beside)
    finally:
        page.set_viewport_size({"width": 320, "height": 640})


# The search page's categories: for each of its choices, [its name, whether it shows
# whole, what was measured]. A list (<select>): whole when the list is as wide as a list of
# that one choice, as wide as its content, put beside it for the measure. A radio button:
# whole when every line of its name is inside its label, the label inside the form and
# the screen, and nothing of it is scrolled out of sight.
CATEGORY_CHOICES = """() => {
    const group = document.querySelector('#cerca-categoria');
    if (group.tagName === 'SELECT') return [...group.options].map(option => {
        const probe = group.cloneNode(false);
        probe.removeAttribute('id');
        probe.append(new Option(option.text));
        probe.style.width = 'max-content';
        group.after(probe);
        const needed = probe.getBoundingClientRect().width;
        probe.remove();
        const room = group.getBoundingClientRect().width;
        return [option.text, needed <= room + 0.5, `list ${room} px, needs ${needed} px`];
    });
    const screen = document.documentElement.clientWidth;
    const form = group.closest('form').getBoundingClientRect();
    return [...group.querySelectorAll('input[type=radio]')].map(radio => {
        const label = radio.labels[0];
        const box = label.getBoundingClientRect();
        const text = document.createRange();
        text.selectNodeContents(label);
        const lines = [...text.getClientRects()].filter(line => line.width > 0);
        const inside = (inner, outer) => inner.left >= outer.left - 0.5
            && inner.right <= outer.right + 0.5;
        const whole = lines.length > 0 && lines.every(line => inside(line, box))
            && inside(box, form) && inside(form, {left: 0, right: screen})
            && [label, ...label.children].every(part => part.scrollWidth <= part.clientWidth);
        return [label.textContent.trim(), whole,
                `label ${box.left}-${box.right} px, ${lines.length} lines`];
    });
}"""


@pytest.mark.parametrize(("width", "text_size"), [(320, 32), (390, 32), (320, 16), (1280, 16)],
                         ids=["320px-testo-200", "390px-testo-200", "zoom-400", "schermo"])
def test_the_search_s_category_list_shows_its_choices_whole(page, site, width, text_size):
    """A list's line does not wrap: on a 320 px phone with the text at 200 % (as much text
    as on a 160 px wide screen) the search's "Categoria", a <select> as wide as the line
    (288 px), showed "Tutte le categorie" cut to "Tutte le categori", then, without its
    inner padding at the end, "Comunicati stampa" cut to "Comunicati stamp" (304 px
    needed); a longer name an editor may give a category was cut at 400 % zoom of a
    1280 px window too. The categories are radio buttons now, each name wrapping under
    itself: every choice whole, at every size, and the page no wider than the screen."""
    context = page.context.browser.new_context(viewport={"width": width, "height": 640})
    try:
        search = context.new_page()
        devtools = context.new_cdp_session(search)
        devtools.send("Page.setFontSizes", {"fontSizes": {"standard": text_size}})
        goto_in_theme_font(search, site.origin + "/cerca/", devtools, then=lambda: (
            search.wait_for_function("() => document.querySelectorAll("
                                     "'#cerca-categoria option, #cerca-categoria input')"
                                     ".length > 1")))
        choices = search.evaluate(CATEGORY_CHOICES)
        assert [name for name, _, _ in choices] == [
            "Tutte le categorie", "Comunicati stampa", "Notizie", LONG_CATEGORY]
        assert [choice for choice in choices if not choice[1]] == []
        scroll_width, screen, outside = search.evaluate(OUTSIDE)
        assert (scroll_width, outside) == (screen, [])
    finally:
        context.close()
