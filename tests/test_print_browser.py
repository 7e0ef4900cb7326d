"""Printing (Ctrl+P, "Stampa"), proven in Chromium: what a reader gets on paper.

Many readers print a press release or a notice to read it on paper or pin it on a
board. On paper the article keeps its text, images and tables, and loses what only
works on a screen: menus, search, share buttons, related reading, the visit count.
Links cannot be followed on paper: the page's own address is printed under the header,
and the absolute address of each body link and of each document (the site's links are
absolute when SITEURL is set; a lead's links too: the press tests below). Tables and
code blocks, which scroll in their box on screen, fit the sheet; a photo takes at most a
third of it, in its own proportions. A page printed from a dark
screen is black on white (dark mode is for screens only).

Checked through ``emulate_media(media="print")``: computed styles and layout at the
width of an A4 sheet, and the text of the PDF Chromium prints (pypdf).

A journalist's use of a press release (the tests at the end): a local paper's journalist
opens a «comunicato stampa» from the press office's e-mail, selects it from the title to
the end of the text and pastes it into their own editor: the title, the lead, the date
(and the update), the author and the text come, the page's counters do not (the reading
time, the visit count, the tags, a footnote's ↩ were pasted between the date and the
first paragraph). What a selection copies is read as Chromium gives it,
``getSelection().toString()``, and from the clipboard after Ctrl+C. On paper, the lead
is often the body's first paragraph, moved above the date, and its links' addresses are
printed as the body's are.

One site for the file: the article above, the press releases, short listings, and a
local visit counter (the count shown is real).
"""

import io
import re
import textwrap
import threading

import pytest
from browser_support import (chromium, drawn_in_theme_font, served_site, visit_counter,
                             wait_until)
from pypdf import PdfReader
from samples import photo, text_pdf
from support import article

pytestmark = pytest.mark.browser

ARTICLE = "/2024/08/festa-dei-laboratori-a-casalmaggiore/"
PDF = "allegati/2024/programma-della-festa.pdf"
EXTERNAL = "https://www.comune.casalmaggiore.cr.it/laboratori-di-comunita/iscrizioni"
EMAIL = "orti.condivisi@casalmaggioresolidale.example.org"
CODE = ("iscrizioni: https://www.comune.casalmaggiore.cr.it/laboratori-di-comunita/"
        "iscrizione-famiglie-volontarie-casalmaggiore-2024")
A4_WIDTH = 718  # CSS px: 21 cm less Chromium's default margins, about the printed width
RULES = "https://www.comune.casalmaggiore.cr.it/regolamenti/laboratori-di-comunita-2024.pdf"
VIDEO = "https://www.youtube-nocookie.com/embed/festa2024"
DETAILS = "Iscrizioni allo sportello entro il 15 settembre, ingresso libero."
ITEMS = "\n".join(f"- Iniziativa numero {n} del quartiere" for n in range(1, 31))
# What a sheet of paper cannot use, hidden in print.
SCREEN_ONLY = [".skip-link", ".site-search", ".site-nav", ".breadcrumb", ".share",
               ".category-pager", ".related-stessa-categoria", ".visit-count", ".site-footer"]


CONTENT = {
    "immagini/festa.jpg": photo(1600, 1000),
    "immagini/piazza.jpg": photo(1200, 1600),  # portrait: would fill a whole sheet
    PDF: text_pdf("Programma della festa", "Orari e luoghi"),
    "pages/progetto.md": article(title="Il progetto", date=None, slug="progetto",
                                 body="FareLegami è un progetto di welfare di comunità."),
    "notizie/2024-08-01-festa.md": article(
        title="Festa dei Laboratori a Casalmaggiore", date="2024-08-01 18:30",
        author="Giulia Neri", tags="[Casalmaggiore]", image="immagini/festa.jpg",
        image_alt="Persone ai tavoli della festa in piazza",
        summary="Sabato i Laboratori di Comunità hanno riempito la piazza.",
        attachments=[f"file: {PDF}\n    title: Programma della festa"],
        body=f"""\
            Leggi il [progetto]({{filename}}/pages/progetto.md) e le
            [iscrizioni]({EXTERNAL}), o scrivi a [info](mailto:info@farelegami.example.org).

            ## La piazza

            ![Pianta della piazza con i tavoli]({{static}}/immagini/piazza.jpg)

            | Laboratorio | Settembre | Ottobre | Novembre | Dicembre | Referente | Contatto |
            | --- | ---: | ---: | ---: | ---: | --- | --- |
            | Orti condivisi | 12 | 18 | 21 | 22 | Casalmaggiore Solidale | {EMAIL} |
            | Doposcuola | 25 | 30 | 28 | 29 | Community Manager | doposcuola@example.org |

            ## Le iniziative

            {ITEMS.replace(chr(10), chr(10) + " " * 12)}

            ```
            {CODE}
            ```

            Il regolamento: <{RULES}>.

            <iframe src="{VIDEO}" title="La festa in piazza" width="560" height="315"></iframe>

            <details>
            <summary>Orari e costi</summary>

            {DETAILS}
            </details>
            """),
    **{f"notizie/2024-07-{day:02d}-altra.md": article(
        title=f"Notizia del {day} luglio", date=f"2024-07-{day:02d} 10:00", tags="[Casalmaggiore]")
       for day in range(1, 6)},
}


# A journalist's press releases (the press tests at the end of the file).
RELEASE = "/2024/09/bilancio-dei-primi-mesi-di-farelegami-a-crema/"
LEAD = "/2024/10/i-patti-gener-attivi-in-provincia/"
TITLE = "Bilancio dei primi mesi di FareLegami a Crema"
SUMMARY = "In quattro mesi i Laboratori di Comunità di Crema hanno riunito 340 persone."
FIRST = "Il Comune di Crema ha presentato stamattina il bilancio dei primi mesi del progetto."
CARIPLO = "https://www.fondazionecariplo.it/it/progetti/welfare/welfare-in-azione.html"
RELEASE_PDF = "allegati/2024/comunicato-bilancio-crema.pdf"

# A release as long as the launch's: its «Allegati» some screens down on a phone.
LONG_TEXT = "\n\n            ".join(
    f"Paragrafo {n}: i Laboratori di Comunità di Crema si sono riuniti ogni settimana, "
    "con cittadini, associazioni, scuole e imprese del territorio." for n in range(1, 13))

PRESS = {
    RELEASE_PDF: text_pdf("Bilancio dei primi mesi", "I numeri"),
    "comunicati-stampa/2024-09-10-bilancio.md": article(
        title=TITLE, date="2024-09-10 11:00", modified="2024-09-12 16:40",
        summary=SUMMARY, tags="[Crema, Laboratori di Comunità, Community Manager]",
        visite_precedenti=1459,
        attachments=[f"file: {RELEASE_PDF}\n    title: Comunicato stampa in PDF"],
        body=f"""\
            {FIRST}

            ## Le attività

            {LONG_TEXT}

            ## I numeri

            Nei Laboratori di Comunità si sono incontrate 340 persone[^1].

            [^1]: Dati raccolti dai Community Manager.
            """),
    "comunicati-stampa/2024-10-01-patti.md": article(
        title="I Patti Gener-Attivi in provincia", date="2024-10-01 09:30",
        body=f"""\
            I Patti Gener-Attivi sono sostenuti da [Welfare in azione]({CARIPLO}) di
            Fondazione Cariplo.

            Il secondo paragrafo del comunicato.
            """),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with visit_counter({RELEASE.rstrip("/"): 17}) as counter, served_site(
            tmp_path_factory.mktemp("print"), {**CONTENT, **PRESS}, config="publishconf",
            hold=("/theme/fonts/",), settings=counter + textwrap.dedent("""
                DEFAULT_PAGINATION = 2
                CONTRACT_IFRAME_HOSTS = ["www.youtube-nocookie.com"]
            """)) as built:
        yield built


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def page(browser):
    """One page for the module: each test opens its own address with the media it
    needs set first (screen, its colour scheme; print after loading); the tests only
    read what is shown (no input, no storage, the same viewport), so nothing else
    carries over from one test to the next."""
    context = browser.new_context(viewport={"width": A4_WIDTH, "height": 1000})
    page = context.new_page()
    page.loading = set()  # the requests under way (printed() waits for them to end)
    page.prints = {}  # printed()'s texts, by address and colour scheme
    page.on("request", lambda request: page.loading.add(request))
    page.on("requestfinished", lambda request: page.loading.discard(request))
    page.on("requestfailed", lambda request: page.loading.discard(request))
    yield page
    context.close()


def printed(page, site, address, color_scheme="light"):
    """The text of the PDF Chromium prints of ``address``, as pdf() prints it (A4, no
    backgrounds), whitespace removed (pypdf breaks long addresses across lines).

    Printed once per module (``page.prints``): the site does not change, and several
    tests read the same sheet (the article's, six times: 1 to 2 s each). A test that
    looks at the page in print after this call sets the print media itself (the page
    may be wherever the last test left it, when the text was printed before)."""
    key = (address, color_scheme)
    if key not in page.prints:
        page.prints[key] = print_text(page, site, address, color_scheme)
    return page.prints[key]


def print_text(page, site, address, color_scheme):
    page.emulate_media(media="screen", color_scheme=color_scheme)
    page.goto(site.origin + address)
    # Every request the page made answered or failed (the visit count's too): what
    # "networkidle" waited for, without its 500 ms of silence.
    wait_until(page, lambda: not page.loading, "the page's requests")
    page.emulate_media(media="print", color_scheme=color_scheme)
    data = page.pdf(format="A4", print_background=False)
    text = "".join(sheet.extract_text() for sheet in PdfReader(io.BytesIO(data)).pages)
    return re.sub(r"\s+", "", text)


def in_print(page, site, address, color_scheme="light"):
    page.emulate_media(media="screen", color_scheme=color_scheme)
    page.goto(site.origin + address)
    page.emulate_media(media="print", color_scheme=color_scheme)


def test_what_paper_cannot_use_is_not_printed(page, site):
    in_print(page, site, ARTICLE)
    shown = page.evaluate("""selectors => selectors.filter(selector => {
        const element = document.querySelector(selector);
        return element && getComputedStyle(element).display !== 'none'; })""", SCREEN_ONLY)
    missing = page.evaluate("s => s.filter(x => !document.querySelector(x))", SCREEN_ONLY)
    assert (shown, missing) == ([], [])
    in_print(page, site, "/categorie/notizie/")
    for selector in (".pagination", ".feed-links"):
        assert page.locator(selector).count() == 1, selector
        assert page.locator(selector).evaluate("e => getComputedStyle(e).display") == "none"


def test_the_page_s_own_address_is_printed(page, site):
    for address in (ARTICLE, "/documenti/", "/categorie/notizie/pagina/2/", "/progetto/"):
        assert f"Indirizzodiquestapagina:{site.origin}{address}" in printed(page, site, address)
    assert "Indirizzodiquestapagina" not in printed(page, site, "/404.html")


def test_the_addresses_of_body_links_and_documents_are_printed(page, site):
    text = printed(page, site, ARTICLE)
    assert f"({site.origin}/progetto/)" in text  # {filename}: absolute with SITEURL
    assert f"({EXTERNAL})" in text
    assert "ProgrammadellafestaPDF" in text.replace("(", "")
    assert f"{site.origin}/{PDF}" in text
    documents = printed(page, site, "/documenti/")
    assert f"{site.origin}/{PDF}" in documents
    assert f"({site.origin}{ARTICLE})" in documents  # the article that publishes it
    # not the navigation's addresses
    assert f"({site.origin}/categorie/" not in text
    assert f"({site.origin}/argomenti/" not in text


# The boxes that scroll sideways on screen: [tag, scrollWidth, clientWidth, right edge,
# the page's width].
SCROLLING_BOXES = """() => [...document.querySelectorAll('.prose .table-scroll, .prose pre')]
    .map(e => [e.tagName, e.scrollWidth, e.clientWidth, e.getBoundingClientRect().right,
               document.documentElement.clientWidth])"""


def assert_tables_and_code_fit(page):
    boxes = page.evaluate(SCROLLING_BOXES)
    assert len(boxes) == 2
    for tag, scroll_width, width, right, page_width in boxes:
        assert scroll_width <= width + 1 and right <= page_width, tag


def test_tables_and_code_fit_the_sheet(page, site):
    in_print(page, site, ARTICLE)
    assert_tables_and_code_fit(page)
    text = printed(page, site, ARTICLE)
    assert EMAIL in text and CODE.replace(" ", "") in text


def test_a_portrait_photo_takes_at_most_a_third_of_the_sheet(page, site):
    in_print(page, site, ARTICLE)
    page.locator(".prose img").scroll_into_view_if_needed()  # loaded lazily
    page.wait_for_function("""() => [...document.querySelectorAll('.prose img, .article-cover img')]
        .every(image => image.complete && image.naturalWidth)""")
    sizes = page.evaluate("""() => [...document.querySelectorAll('.prose img, .article-cover img')]
        .map(e => [e.getBoundingClientRect().width, e.getBoundingClientRect().height])""")
    assert len(sizes) == 2
    for width, height in sizes:
        assert 0 < height <= 9 / 2.54 * 96 + 1 and width > 0  # 9 cm


def test_photos_keep_their_proportions_on_paper(page, site):
    """The cover (16:10) kept its screen width, 100 %, under the 9 cm cap of its height:
    it printed stretched sideways, about 2:1. Each photo's printed box is in its file's
    proportions (within 1 %)."""
    in_print(page, site, ARTICLE)
    page.locator(".prose img").scroll_into_view_if_needed()  # loaded lazily
    page.wait_for_function("""() => [...document.querySelectorAll('.prose img, .article-cover img')]
        .every(image => image.complete && image.naturalWidth)""")
    ratios = page.evaluate("""() => [...document.querySelectorAll('.prose img, .article-cover img')]
        .map(e => [e.getBoundingClientRect().width / e.getBoundingClientRect().height,
                   e.naturalWidth / e.naturalHeight])""")
    assert len(ratios) == 2
    for printed_ratio, own_ratio in ratios:
        assert printed_ratio == pytest.approx(own_ratio, rel=0.01)


LAZY_IMAGES = """() => [...document.querySelectorAll('img')]
    .filter(image => image.matches('.prose img, .article-cover img, .attachment-preview'))
    .map(image => ({src: image.currentSrc || image.src, loading: image.loading,
                    loaded: image.complete && image.naturalWidth > 0}))"""


def test_lazy_images_never_scrolled_to_are_asked_for_before_printing(browser, site):
    """Safari prints a lazily loaded image never scrolled to as an empty box (seen in
    WebKitGTK 2.50: a press release's document preview, printed from its first screen),
    where Chromium loads it for the printout itself. The site's script asks for every
    lazy image at "beforeprint" (js/print.js), which Chromium fires only when it prints:
    here the event is sent by hand, on a phone's first screen, nothing scrolled."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(site.origin + ARTICLE, wait_until="load")  # site.js (deferred) has run
        before = page.evaluate(LAZY_IMAGES)
        below = [image for image in before if not image["loaded"]]
        assert all(image["loading"] == "lazy" for image in below), before
        # the document's preview, far below the first screen; Chromium loads the lazy
        # images within some 2,500 px of it (the photo in the text) after "load", on a
        # loaded machine later than it: only the far one is sure to wait for the printout
        far = {image["src"] for image in below if image["src"].endswith("-anteprima.webp")}
        assert far, before
        page.wait_for_timeout(300)  # nothing loads it meanwhile
        assert not any(image["loaded"] for image in page.evaluate(LAZY_IMAGES)
                       if image["src"] in far)
        page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
        wait_until(page, lambda: all(image["loaded"] for image in page.evaluate(LAZY_IMAGES)),
                   "every image of the article loaded")
        assert page.evaluate("() => window.scrollY") == 0
    finally:
        context.close()

def test_the_sheet_is_measured_in_the_theme_s_font_even_when_its_files_come_late(browser,
                                                                                 site):
    """The theme's fonts are ``font-display: optional``: on a loaded machine a font file
    later than a tenth of a second leaves a page on screen in the wider fallback font for
    the whole visit (the layout tests load such a page again:
    ``browser_support.goto_in_theme_font``). This file's measures need not: they are taken
    in print, and Chromium lays the page out for print again in the theme's font, whose
    files (preloaded) have come by the page's load. Here with the font files held half a
    second (a new context: nothing in its cache)."""
    context = browser.new_context(viewport={"width": A4_WIDTH, "height": 1000})
    page = context.new_page()
    devtools = context.new_cdp_session(page)
    site.server.hold()
    threading.Timer(0.5, site.server.release).start()
    try:
        page.emulate_media(media="screen")
        page.goto(site.origin + ARTICLE)  # on screen, the fallback font (the file late)
        page.emulate_media(media="print")
        assert drawn_in_theme_font(devtools)
        assert_tables_and_code_fit(page)
    finally:
        site.server.release()
        context.close()


def test_a_dark_screen_prints_black_on_white(page, site):
    """A regression guard: dark mode is for screens only (it passed before this file)."""
    in_print(page, site, ARTICLE, color_scheme="dark")
    colours = page.evaluate("""() => ['body', 'h1', '.lead', '.prose p', '.article-meta time',
                                      '.attachment-link', 'main']
        .map(s => { const style = getComputedStyle(document.querySelector(s));
                    return [s, style.color]; })""")
    for selector, colour in colours:
        red, green, blue = map(int, re.findall(r"\d+", colour)[:3])
        assert max(red, green, blue) < 64, (selector, colour)
    background = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
    assert background in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") in (
        "rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")


def test_small_grey_texts_print_black(page, site):
    """Dates, the meta line, the tags' label, attachments' descriptions are grey on screen
    (#5c6f82): on paper, and for older eyes, grey small print is hard to read."""
    in_print(page, site, ARTICLE)
    colours = page.evaluate("""() => ['.article-meta', '.tags-label', '.attachment-description']
        .filter(s => document.querySelector(s))
        .map(s => [s, getComputedStyle(document.querySelector(s)).color])""")
    assert len(colours) >= 2, colours
    for selector, colour in colours:
        assert colour == "rgb(0, 0, 0)", (selector, colour)


def test_a_closed_details_prints_its_text(page, site):
    """Paper cannot open a <details>: its text is printed (a closed one printed only
    its summary, the hours and costs lost); on screen it stays closed."""
    page.emulate_media(media="screen")
    page.goto(site.origin + ARTICLE)
    shown = "document.querySelector('.prose details p').checkVisibility()"
    assert page.evaluate(shown) is False
    assert page.evaluate("document.querySelector('.prose details').open") is False
    text = printed(page, site, ARTICLE)
    assert "Orarieco" in text and DETAILS.replace(" ", "") in text
    page.emulate_media(media="print")  # the page loaded above, or printed() its load
    assert page.evaluate(shown) is True


def test_a_link_written_as_its_address_is_printed_once(page, site):
    """A link whose text is its address (``<https://…>``) prints it once: the address
    after the link, for the links whose text is something else, repeated it."""
    text = printed(page, site, ARTICLE)
    assert text.count(RULES) == 1
    assert f"iscrizioni({EXTERNAL})" in text  # another text: its address after it


def test_a_video_prints_its_title_and_address(page, site):
    """Paper cannot play a video: its title and address are printed in its place (an
    empty frame was printed, 560 × 315 px); on screen the frame is shown."""
    page.emulate_media(media="screen")
    page.goto(site.origin + ARTICLE)
    shown = "document.querySelector('.prose iframe').checkVisibility()"
    assert page.evaluate(shown) is True
    text = printed(page, site, ARTICLE)
    assert f"Video:Lafestainpiazza({VIDEO})" in text
    page.emulate_media(media="print")  # the page loaded above, or printed() its load
    assert page.evaluate(shown) is False


# --- A journalist's copy and print of a press release ------------------------------------

@pytest.fixture(scope="module")
def press_context(browser):
    # the clipboard is read in a secure context only: 127.0.0.1 is one
    context = browser.new_context(viewport={"width": 1366, "height": 800},
                                  permissions=["clipboard-read", "clipboard-write"])
    yield context
    context.close()


def opened(context, site, address, count=True):
    """A new page at ``address``; ``count``: once its visit count is shown."""
    page = context.new_page()
    page.goto(site.origin + address)
    if count:
        wait_until(page, lambda: page.locator(".article-meta .visit-count").text_content(),
                   "the visit count")
    return page


# From the title to the end of the text, as a journalist drags over it.
SELECT_TITLE_TO_TEXT_END = """() => {
    const range = document.createRange();
    range.setStartBefore(document.querySelector('.article h1'));
    range.setEndAfter(document.querySelector('.article-body'));
    const selection = document.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return selection.toString();
}"""


def lines(text):
    """The text's lines, not blank, no-break spaces as spaces (the clipboard keeps the
    date's "ore\u00a016:40", the selection's text gives a space)."""
    text = text.replace("\u00a0", " ")
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_a_copied_press_release_is_its_text_without_the_page_s_counters(press_context, site):
    page = opened(press_context, site, RELEASE)
    try:
        # what the page shows, and the copy leaves out
        assert re.fullmatch(r"14\d\d visite",
                            page.locator(".article-meta .visit-count").text_content())
        assert page.locator(".article-tags li").count() == 3
        assert page.locator(".footnote-backref").count() == 1
        for copied in (page.evaluate(SELECT_TITLE_TO_TEXT_END),
                       (page.keyboard.press("Control+C"),
                        page.evaluate("navigator.clipboard.readText()"))[1]):
            text = lines(copied)
            assert text[:2] == [TITLE, SUMMARY], text
            assert text[2:5] == ["Pubblicato martedì 10 settembre 2024, ore 11:00",
                                 "della Redazione",
                                 "Ultimo aggiornamento: giovedì 12 settembre 2024, ore 16:40"]
            assert text[5] == FIRST, text  # the text right after the date
            assert text[-1] == "Dati raccolti dai Community Manager.", text
            for left_out in ("visite", "Tempo di lettura", "Argomenti", "↩"):
                assert left_out not in copied, left_out
    finally:
        page.close()


def printed_as_shown(page):
    """The text of the PDF Chromium prints of ``page`` as it is, whitespace removed."""
    page.emulate_media(media="print")
    data = page.pdf(format="A4")
    return re.sub(r"\s+", "", "".join(sheet.extract_text()
                                      for sheet in PdfReader(io.BytesIO(data)).pages))


def test_a_lead_s_links_have_their_address_printed(press_context, site):
    """An item without ``summary`` has its first paragraph as lead, above the date: a
    link in it printed only its text, its address lost on paper (the body's printed)."""
    page = opened(press_context, site, LEAD, count=False)
    try:
        assert page.locator(f'.lead a[href="{CARIPLO}"]').count() == 1
        assert f"Welfareinazione({CARIPLO})" in printed_as_shown(page)
    finally:
        page.close()


def test_a_footnote_s_back_link_is_not_printed(press_context, site):
    """The ↩ after a footnote leads back to its reference: nothing to follow on paper.
    The notes are printed under their heading, «Note» (plugins/contract)."""
    page = opened(press_context, site, RELEASE)
    try:
        text = printed_as_shown(page)
        assert "persone1.Note1.DatiraccoltidaiCommunityManager." in text
        assert "↩" not in text
    finally:
        page.close()


def test_a_release_s_document_is_announced_on_a_phone_s_first_screen(browser, site):
    """A journalist opens a release on a phone (390 × 844) to take its PDF: the
    «Allegati» came after the whole text, screens down, and nothing at the top said there
    was a document. The meta line says how many there are and leads to them; it is not
    copied with the text (the copy test above) nor printed (nothing to follow on paper)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(site.origin + RELEASE)
        heading = page.locator("#allegati-titolo")
        assert heading.bounding_box()["y"] > 2 * 844  # the documents: screens down
        jump = page.locator('.article-meta a[href="#allegati-titolo"]')
        assert jump.text_content().strip() == "1 allegato"
        box = jump.bounding_box()
        assert box["y"] + box["height"] <= 844  # on the first screen
        jump.click()
        wait_until(page, lambda: 0 <= heading.bounding_box()["y"] < 844, "the documents")
        assert page.evaluate("location.hash") == "#allegati-titolo"
        assert "1allegato" not in printed_as_shown(page)
    finally:
        context.close()
