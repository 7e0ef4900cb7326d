"""A journalist's use of a press release, proven in Chromium: copying it and printing it.

A local paper's journalist opens a «comunicato stampa» from the press office's e-mail,
selects it from the title to the end of the text and pastes it into their own editor:
the title, the lead, the date (and the update), the author and the text come, the page's
counters do not (the reading time, the visit count, the tags, a footnote's ↩ were
pasted between the date and the first paragraph). What a selection copies is read as
Chromium gives it, ``getSelection().toString()``, and from the clipboard after Ctrl+C.

On paper (tests/test_print_browser.py has the rest): the lead is often the body's first
paragraph, moved above the date, and its links' addresses are printed as the body's are.

The site is the project's own, with a local visit counter (the count shown is real) and
this file's press release.
"""

import io
import re

import pytest
from browser_support import TEST_HOSTS, chromium, served_project_site, wait_until
from pypdf import PdfReader
from support import article

pytestmark = pytest.mark.browser

RELEASE = "/2024/09/bilancio-dei-primi-mesi-di-farelegami-a-crema/"
LEAD = "/2024/10/i-patti-gener-attivi-in-provincia/"
TITLE = "Bilancio dei primi mesi di FareLegami a Crema"
SUMMARY = "In quattro mesi i Laboratori di Comunità di Crema hanno riunito 340 persone."
FIRST = "Il Comune di Crema ha presentato stamattina il bilancio dei primi mesi del progetto."
EXTERNAL = "https://www.fondazionecariplo.it/it/progetti/welfare/welfare-in-azione.html"

EXTRA = {
    "comunicati-stampa/2024-09-10-bilancio.md": article(
        title=TITLE, date="2024-09-10 11:00", modified="2024-09-12 16:40",
        summary=SUMMARY, tags="[Crema, Laboratori di Comunità, Community Manager]",
        visite_precedenti=1459,
        body=f"""\
            {FIRST}

            ## I numeri

            Nei Laboratori di Comunità si sono incontrate 340 persone[^1].

            [^1]: Dati raccolti dai Community Manager.
            """),
    "comunicati-stampa/2024-10-01-patti.md": article(
        title="I Patti Gener-Attivi in provincia", date="2024-10-01 09:30",
        body=f"""\
            I Patti Gener-Attivi sono sostenuti da [Welfare in azione]({EXTERNAL}) di
            Fondazione Cariplo.

            Il secondo paragrafo del comunicato.
            """),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with served_project_site(tmp_path_factory.mktemp("press"), EXTRA,
                             counts={RELEASE.rstrip("/"): 17}, host="site.test",
                             counter_host="counter.test") as built:
        yield built


@pytest.fixture(scope="module")
def context(site):
    # the clipboard is read in a secure context only: site.test over http is taken as one
    with chromium(TEST_HOSTS, f"--unsafely-treat-insecure-origin-as-secure={site.origin}"
                  ) as browser:
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


def test_a_copied_press_release_is_its_text_without_the_page_s_counters(context, site):
    page = opened(context, site, RELEASE)
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


def printed(page):
    page.emulate_media(media="print")
    data = page.pdf(format="A4")
    return re.sub(r"\s+", "", "".join(sheet.extract_text()
                                      for sheet in PdfReader(io.BytesIO(data)).pages))


def test_a_lead_s_links_have_their_address_printed(context, site):
    """An item without ``summary`` has its first paragraph as lead, above the date: a
    link in it printed only its text, its address lost on paper (the body's printed)."""
    page = opened(context, site, LEAD, count=False)
    try:
        assert page.locator(f'.lead a[href="{EXTERNAL}"]').count() == 1
        assert f"Welfareinazione({EXTERNAL})" in printed(page)
    finally:
        page.close()


def test_a_footnote_s_back_link_is_not_printed(context, site):
    """The ↩ after a footnote leads back to its reference: nothing to follow on paper."""
    page = opened(context, site, RELEASE)
    try:
        text = printed(page)
        assert "DatiraccoltidaiCommunityManager." in text
        assert "↩" not in text
    finally:
        page.close()
