"""Accessibility, proven in Chromium: axe-core on every kind of page, light and dark, 390 and
1280 px; and images that keep their space while they load (no layout shift).

The site: the repository's own content (public settings, the visit counter on) plus one
article with a cover, a body image and an attachment, its images made with Pillow, and
short pages of listings so that pagination shows. One browser and one page for the
module: each page kind is loaded once, then checked in the four modes by changing the
viewport and the emulated colour scheme, not by opening new pages.

axe-core comes from npm (tests/axe/package.json, pinned by its package-lock.json;
``./run test`` runs ``npm ci``). Rules: WCAG 2.0, 2.1, 2.2 A and AA, and best practices
(``browser_support.AXE_TAGS``). What axe cannot judge (reading order, the sense of
alternative texts, keyboard use as a whole) needs people: content/pages/accessibilita.md says
which checks were and were not made.
"""

import io

import pytest
from PIL import Image, ImageDraw
from browser_support import (format_violations, goto_in_theme_font, launch, served_project_site,
                             run_axe)
from samples import photo, text_pdf
from support import article


pytestmark = pytest.mark.browser

ARTICLE = "/2024/08/festa-dei-laboratori-a-casalmaggiore/"
HIDDEN = "/2024/08/bando-riservato-ai-laboratori/"  # its own tag, author, category: as text
# One line per kind of page. Search and Segui are added when they reach main:
#   ("cerca", "/cerca/?q=laboratori"), ("segui", "/segui/"),
PAGE_KINDS = [
    ("home", "/"),  # with pagination (DEFAULT_PAGINATION below)
    ("articolo con immagini e allegato", ARTICLE),
    ("articolo nascosto con argomenti senza pagina", HIDDEN),
    ("pagina", "/progetto/"),
    # the category and the topic of ARTICLE (EXTRA): there whatever the editors removed
    ("categoria", "/categorie/notizie/"),
    ("argomento", "/argomenti/casalmaggiore/"),
    ("autore", "/autori/redazione/"),
    ("archivio", "/archivio/"),
    ("archivio dell'anno", "/archivio/2024/"),  # by month, with a list of months
    ("documenti", "/documenti/"),  # two years: a section each, and the years to jump to
    ("404", "/404.html"),
    ("cerca", "/cerca/?q=laboratori"),
    ("segui", "/segui/"),
]
MODES = [(390, "light"), (390, "dark"), (1280, "light"), (1280, "dark")]


def chart(width, height):
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    for n, value in enumerate((40, 75, 55, 90)):
        draw.rectangle([40 + n * 140, height - value * 3, 140 + n * 140, height - 10],
                       fill="#0066cc")
    data = io.BytesIO()
    image.save(data, "PNG")
    return data.getvalue()


EXTRA = {
    # the project's PDF, which the press release attaches too, given here: an editor may
    # have removed it (bytes of its own, over 1 kB, two pages)
    "allegati/2024/comunicato-stampa-presentazione-crema.pdf": text_pdf(
        "Programma della festa\n" + "Laboratori, giochi e merenda in piazza.\n" * 30,
        "Orari e luoghi dei laboratori."),
    "immagini/festa.jpg": photo(1600, 1000),
    "immagini/presenze.png": chart(620, 320),
    "notizie/2024-08-01-festa-dei-laboratori.md": article(
        title="Festa dei Laboratori a Casalmaggiore", date="2024-08-01 18:30",
        tags="[Casalmaggiore, Laboratori di Comunità]", image="immagini/festa.jpg",
        image_alt="Persone ai tavoli della festa in piazza",
        attachments=["file: allegati/2024/comunicato-stampa-presentazione-crema.pdf\n"
                     "    title: Programma della festa"],
        body="""\
            Sabato i Laboratori di Comunità hanno riempito la piazza di Casalmaggiore.

            ## Chi ha partecipato

            Le presenze ai quattro incontri, dal primo all'ultimo:

            ![Grafico a barre delle presenze: 40, 75, 55 e 90 persone]({static}/immagini/presenze.png)

            > Una comunità che si incontra è una comunità che si prende cura.

            Il prossimo appuntamento è a *settembre*, con i **Patti Gener-Attivi**.

            | Laboratorio | Settembre | Ottobre | Novembre | Referente del laboratorio |
            | --- | ---: | ---: | ---: | --- |
            | Orti condivisi di Casalmaggiore | 12 | 18 | 21 | Associazione Casalmaggiore Solidale |
            | Doposcuola intergenerazionale | 25 | 30 | 28 | Community Manager di Casalmaggiore |

            | Giorno | Orario |
            | --- | --- |
            | Sabato | 16-19 |

            Per iscriversi alla lista delle famiglie volontarie:

            ```
            iscrizioni: https://www.comune.casalmaggiore.cr.it/laboratori-di-comunita/iscrizione-famiglie-volontarie
            ```
            """),
    # an older document, described: Documenti has two years, and its list of years
    "allegati/2023/modulo.txt": b"Modulo di iscrizione.\n",
    "avvisi/2023-11-25-bando-associazioni.md": article(
        title="Bando per le associazioni", date="2023-11-25 10:00",
        attachments=["file: allegati/2023/modulo.txt\n    title: Modulo di iscrizione\n"
                     "    description: Da consegnare allo sportello entro il 15 dicembre."]),
    "riservata/2024-08-02-bando.md": article(
        title="Bando riservato ai laboratori", date="2024-08-02 09:00", status="hidden",
        author="Giulia Neri", tags="[Casalmaggiore, Bando riservato]",
        body="Il bando è aperto alle famiglie dei laboratori."),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    # open_page waits for every count: the hidden article's too
    with served_project_site(tmp_path_factory.mktemp("a11y"), EXTRA, hold=("/immagini/",),
                      counts={ARTICLE.rstrip("/"): 87, HIDDEN.rstrip("/"): 12},
                      settings="DEFAULT_PAGINATION = 4") as built:
        yield built


@pytest.fixture(scope="module")
def page(site):
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        # Layout shifts, from the document's start (an init script: not subject to a CSP).
        page.add_init_script("""
            window.__shifts = [];
            new PerformanceObserver(list => {
                for (const entry of list.getEntries()) window.__shifts.push(entry.value);
            }).observe({type: 'layout-shift', buffered: true});
        """)
        page.devtools = page.context.new_cdp_session(page)  # goto_in_theme_font's
        yield page
        browser.close()


def open_page(page, site, address):
    """``address`` with everything the reader will see: the visit count shown, the
    search's results written, the text drawn in the theme's font (loaded again when a
    font file came too late for it: ``browser_support.goto_in_theme_font``; axe measures
    targets and overlaps, and a link was 19 px tall in the fallback font)."""
    def shown():
        page.wait_for_function("""() => [...document.querySelectorAll(
            '.visit-count[data-visit-record]')].every(e => e.textContent)""")
        if "?q=" in address:  # the search page: its results written
            page.wait_for_selector("#cerca-risultati li")

    goto_in_theme_font(page, site.origin + address, page.devtools, then=shown)


@pytest.mark.parametrize(("kind", "address"), PAGE_KINDS, ids=[kind for kind, _ in PAGE_KINDS])
def test_no_axe_violations_light_and_dark_at_390_and_1280(page, site, kind, address):
    assert site.exists(address.partition("?")[0]), address
    page.set_viewport_size({"width": 1280, "height": 900})
    page.emulate_media(color_scheme="light")
    open_page(page, site, address)
    failures = []
    for width, scheme in MODES:
        page.set_viewport_size({"width": width, "height": 900})
        page.emulate_media(color_scheme=scheme)
        assert page.evaluate(f"matchMedia('(prefers-color-scheme: {scheme})').matches")
        violations = run_axe(page)
        if violations:
            failures.append(f"{kind} ({address}), {width} px, {scheme}:\n"
                            + format_violations(violations))
    assert not failures, "\n\n".join(failures)


def test_the_article_with_images_was_checked_with_its_images(page, site):
    """The page kinds above really hold what they are meant to test."""
    open_page(page, site, ARTICLE)
    assert page.locator(".article-cover img[srcset]").count() == 1
    assert page.locator(".article-body img[srcset][loading=lazy]").count() == 1
    assert page.locator(".attachments .attachment-preview").count() == 1
    assert page.locator(".article-meta .visit-count").text_content() == "87 visite"
    assert page.locator(".pagination").count() == 0
    page.set_viewport_size({"width": 390, "height": 900})  # the table wider than the screen
    box = page.locator(".article-body .table-scroll").first
    assert box.evaluate("e => e.scrollWidth > e.clientWidth && e.tabIndex === 0")
    box.focus()  # the keyboard scrolls it
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('.table-scroll').scrollLeft > 0")
    names = page.locator(".article-body .table-scroll").evaluate_all(
        "boxes => boxes.map(b => b.getAttribute('aria-label'))")
    assert names == ["Tabella 1: Laboratorio, Settembre, Ottobre, Novembre, Referente del"
                     " laboratorio", "Tabella 2: Giorno, Orario"]
    code = page.locator(".article-body pre")  # a code block wider than the screen
    assert code.evaluate("e => e.scrollWidth > e.clientWidth && e.tabIndex === 0")
    open_page(page, site, "/")
    assert page.locator(".pagination").count() == 1
    open_page(page, site, HIDDEN)  # one tag linked, one as text; the category as text
    assert page.locator(".tag-list a").count() == page.locator(".tag-list .tag-text").count() == 1
    assert page.locator(".article-kicker a").count() == 0
    open_page(page, site, "/documenti/")
    assert page.locator("nav.archive-jump a").count() == 2
    assert page.locator("section.archive-year .document-list").count() == 2
    assert page.locator(".document-list .attachment-description").count() == 1


def test_forced_colours_keep_the_current_page_marked_and_only_it(page, site):
    """Windows contrast themes paint every border, transparent ones too, and drop fills:
    the menu's bar marked every item and the current page number lost its fill."""
    page.emulate_media(forced_colors="active")
    try:
        for width, side in ((1280, "borderBottomColor"), (390, "borderLeftColor")):
            page.set_viewport_size({"width": width, "height": 900})
            open_page(page, site, "/archivio/")
            marks = page.locator(".site-nav-list a").evaluate_all(
                f"links => links.map(a => [a.hasAttribute('aria-current'),"
                f" getComputedStyle(a).{side}])")
            canvas = page.evaluate("getComputedStyle(document.body).backgroundColor")
            assert [current for current, _ in marks].count(True) == 1, marks
            assert all((colour != canvas) == current for current, colour in marks), (marks,
                                                                                     canvas)
        open_page(page, site, "/")
        fills = page.locator(".pagination-list a").evaluate_all(
            "links => links.map(a => [a.hasAttribute('aria-current'),"
            " getComputedStyle(a).backgroundColor])")
        current = {fill for is_current, fill in fills if is_current}
        others = {fill for is_current, fill in fills if not is_current}
        assert len(current) == 1 and others and current.isdisjoint(others), fills
    finally:
        page.emulate_media(forced_colors="none")
        page.set_viewport_size({"width": 1280, "height": 900})


def test_printing_from_a_dark_screen_gives_dark_text_on_white(page, site):
    """Paper is white: the dark scheme's light text would print pale grey."""
    open_page(page, site, ARTICLE)
    colours = """() => ['h1', '.article-body h2', '.article-body p', 'body'].map(s => {
        const style = getComputedStyle(document.querySelector(s));
        return [s, style.color, style.backgroundColor];
    })"""
    try:
        page.emulate_media(media="screen", color_scheme="dark")
        assert page.evaluate(colours)[0][1] != "rgb(0, 0, 0)"  # light text on screen
        page.emulate_media(media="print", color_scheme="dark")
        for selector, colour, background in page.evaluate(colours):
            red, green, blue = (int(n) for n in colour[4:-1].split(", ")[:3])
            assert max(red, green, blue) <= 0x40, (selector, colour)  # near black
            if selector == "body":
                assert background in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"), background
    finally:
        page.emulate_media(media="screen", color_scheme="light")


def boxes(page):
    return page.evaluate("""() => [...document.querySelectorAll('main img')].map(img => {
        const box = img.getBoundingClientRect();
        return [img.alt, Math.round(box.x), Math.round(box.y), Math.round(box.width),
                Math.round(box.height)];
    })""")


@pytest.mark.parametrize("width", [390, 1280])
def test_images_keep_their_space_while_they_load(page, site, width):
    """The images' files are held back by the server until the page is laid out: their
    boxes must already have their final size, and nothing may move when they arrive."""
    page.emulate_media(color_scheme="light")
    page.set_viewport_size({"width": width, "height": 5000})  # every image in view
    # the theme's font in the browser's cache first: a font file arriving between the two
    # measures would move the text (font-display: optional swaps in its first 0.1 s)
    open_page(page, site, ARTICLE)
    site.server.hold()
    try:
        page.goto(site.origin + ARTICLE, wait_until="domcontentloaded")
        page.evaluate("() => new Promise(done => requestAnimationFrame(() =>"
                      " requestAnimationFrame(done)))")
        assert page.evaluate("[...document.querySelectorAll('main img[srcset]')]"
                             ".every(img => !img.complete)"), "the images arrived too early"
        before = boxes(page)
    finally:
        site.server.release()
    # A function, not an expression: Playwright evaluates an expression with eval(),
    # which the page's Content-Security-Policy forbids.
    page.wait_for_function("() => [...document.querySelectorAll('main img')]"
                           ".every(img => img.complete && img.naturalWidth > 0)")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() =>"
                  " requestAnimationFrame(done)))")
    assert boxes(page) == before
    assert len(before) == 3 and all(w > 0 and h > 0 for _, _, _, w, h in before)
    assert page.evaluate("window.__shifts") == []
