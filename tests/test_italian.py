"""Italian dates (Babel, not the OS locale), numbers, typography and English terms."""

import re
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import markdown
import pytest
from bs4 import BeautifulSoup

from plugins.italian import da, di, fix_apostrophes, numero, quanti
from plugins.italian.typography import (author_name, in_english, keep_names_whole, mark_names,
                                        without_name_spans)
from plugins.italian.words import archive_wording, di_ciascuno
from plugins.italian.dates import filters
import samples
from support import article

ROME = ZoneInfo("Europe/Rome")
DATES = filters("Europe/Rome")
data_lunga, data_breve, data_iso = DATES["data_lunga"], DATES["data_breve"], DATES["data_iso"]


def test_dates_are_italian_in_the_sites_time_zone():
    when = datetime(2024, 5, 5, 17, 7, tzinfo=ROME)
    assert data_lunga(when) == "domenica 5\u00a0maggio 2024, ore\u00a017:07"
    assert data_breve(when) == "5 maggio 2024"
    assert data_iso(when) == "2024-05-05T17:07:00+02:00"
    winter = datetime(2025, 1, 20, 8, 5, tzinfo=timezone.utc)
    assert data_lunga(winter) == "lunedì 20\u00a0gennaio 2025, ore\u00a009:05"
    assert data_iso(winter) == "2025-01-20T09:05:00+01:00"


def test_dates_follow_the_time_zone_setting():
    elsewhere = filters("America/New_York")
    when = datetime(2024, 5, 5, 17, 7, tzinfo=ROME)
    assert elsewhere["data_lunga"](when) == "domenica 5\u00a0maggio 2024, ore\u00a011:07"
    assert elsewhere["data_iso"](when) == "2024-05-05T11:07:00-04:00"


@pytest.mark.parametrize(("value", "text"), [(1, "1"), (1459, "1459"), (14590, "14.590"),
                                             (1234567, "1.234.567")])
def test_numbers_group_like_intl_it(value, text):
    assert numero(value) == text


@pytest.mark.parametrize(("source", "expected"), [
    ("l'attività", "l’attività"),
    ("negli anni '80", "negli anni ’80"),
    ("sull'8 marzo", "sull’8 marzo"),
    ("un po' di tempo", "un po’ di tempo"),
    ("'80 e ('900)", "’80 e (’900)"),  # a year at the start, after "("
    ("l'\nanno, po'", "l’\nanno, po’"),  # before a line break, at the end
    # an opening quote is left to the typography pass; a closing one after a letter is ’
    ("'citazione' e 'a' 3'5 x'80", "'citazione’ e 'a’ 3'5 x’80"),
    ("anni '8 o '1980", "anni '8 o '1980"),  # a year has two or three digits
    ("_'a", "_'a"),  # no letter before it
    ("l'\"estate\" e dell'«Unione»", "l’“estate\" e dell’«Unione»"),  # before quotes
    ("l'\" a parte", "l’\" a parte"),  # a quote followed by a space is not opening
    ("gli anni '20-'30 e '90/'00", "gli anni ’20-’30 e ’90/’00"),  # after a dash or a slash
])
def test_apostrophes(source, expected):
    assert fix_apostrophes(source) == expected


def test_text_values_get_the_whole_typography_and_stay_text():
    from plugins.italian import typeset  # noqa: PLC0415

    assert typeset('La "relazione" dell\'estate -- versione \'24') == \
        "La “relazione” dell’estate – versione ’24"
    assert typeset("Un po' di \"dati\"...") == "Un po’ di “dati”…"
    assert typeset("A < B & C") == "A < B & C"  # text, not HTML: the templates escape it
    assert typeset("") == "" and typeset(None) is None


def test_a_quotation_after_an_elision_opens_and_closes_once_curled():
    from plugins.italian.typography import smarten  # noqa: PLC0415

    assert smarten(fix_apostrophes('l\'"estate" e l\'"inverno"')) == \
        "l’“estate&#8221; e l’“inverno&#8221;"
    # a quotation closing after a quoted word stays closing
    assert smarten(fix_apostrophes('Ha detto "vado a \'casa\'".')) == \
        "Ha detto &#8220;vado a &#8216;casa’&#8221;."


def test_markdown_extension_skips_code_and_marks_english_terms():
    html = markdown.markdown(
        "Il Civic Center e l'attività, `l'esempio` in codice.",
        extensions=["plugins.italian.typography"],
        extension_configs={"plugins.italian.typography": {"terms": ["Civic Center"]}},
    )
    assert '<span lang="en">Civic Center</span>' in html
    assert "l’attività" in html
    assert "<code>l'esempio</code>" in html


@pytest.mark.parametrize(("source", "expected"), [
    # the tail after code is outside it; the term inside code is not marked
    ("`l'arte` e il Civic Center `Civic Center` e dopo l'`x` l'altro",
     "<p><code>l'arte</code> e il <span lang=\"en\">Civic Center</span>"
     " <code>Civic Center</code> e dopo l’<code>x</code> l’altro</p>"),
    # text and tails at every depth; a term inside emphasis; apostrophe after a term
    ("- l'uno *Civic Center* l'altro **Community Manager's** po' di\n- nel '900 ('80)",
     "<ul>\n<li>l’uno <em><span lang=\"en\">Civic Center</span></em> l’altro <strong>"
     "<span lang=\"en\">Community Manager</span>’s</strong> po’ di</li>\n"
     "<li>nel ’900 (’80)</li>\n</ul>"),
    ("```\nl'arte Civic Center\n```\n\nl'arte del Civic Center",
     "<pre><code>l'arte Civic Center\n</code></pre>\n"
     "<p>l’arte del <span lang=\"en\">Civic Center</span></p>"),
    # a term glued to other text is no term; two terms in one text node
    ("Civic CenterCivic Center xCivic Center Civic Center, Community Manager.",
     "<p>Civic CenterCivic Center xCivic Center <span lang=\"en\">Civic Center</span>,"
     " <span lang=\"en\">Community Manager</span>.</p>"),
    ("Nessun apostrofo, nessun termine.", "<p>Nessun apostrofo, nessun termine.</p>"),
])
def test_markdown_extension_on_nested_markup(source, expected):
    html = markdown.markdown(
        source, extensions=["extra", "plugins.italian.typography"], output_format="html5",
        extension_configs={"plugins.italian.typography": {
            "terms": ["Civic Center", "Community Manager"]}})
    assert html == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Un'idea per un Patto Gener-Attivo", 'Un\'idea per un Patto <span class="nome-composto">'
     "Gener-Attivo</span>"),
    # with the punctuation and elided word glued to it: a line may break before and after
    # the span, and a card's title began a line with ": come prepararla"
    ("Emilia-Romagna, Città-Èlite", '<span class="nome-composto">Emilia-Romagna,</span>'
     ' <span class="nome-composto">Città-Èlite</span>'),
    ("Un Patto Gener-Attivo: come", 'Un Patto <span class="nome-composto">Gener-Attivo:</span>'
     " come"),
    ("nell’Emilia-Romagna (Gener-Attivi)…", 'nell’<span class="nome-composto">Emilia-Romagna'
     '</span> <span class="nome-composto">(Gener-Attivi)…</span>'),
    # a title as SmartyPants curls it: references
    ("l&#8217;&#171;Emilia-Romagna&#187; e &#8220;Gener-Attivi&#8221;&#8230; poi",
     'l&#8217;<span class="nome-composto">&#171;Emilia-Romagna&#187;</span> e <span class='
     '"nome-composto">&#8220;Gener-Attivi&#8221;&#8230;</span> poi'),
    # common compounds, three parts or more, a name glued to more: lines may end there
    ("socio-sanitario, Gener-attivi, ex-Gener-Attivi, Crema-Cremona-Casalmaggiore, A-2",
     "socio-sanitario, Gener-attivi, ex-Gener-Attivi, Crema-Cremona-Casalmaggiore, A-2"),
])
def test_hyphenated_names_are_kept_whole(title, expected):
    assert keep_names_whole(title) == expected
    assert without_name_spans(keep_names_whole(title)) == title


def test_the_inglese_filter_keeps_a_hyphenated_name_whole_and_marks_english_terms():
    """A tag's pill ended a line with "Patti Gener-" (text at 200 % on a phone)."""
    assert in_english("Patti Gener-Attivi & Civic Center", ["Civic Center"]) == (
        'Patti <span class="nome-composto">Gener-Attivi</span> &amp; '
        '<span lang="en">Civic Center</span>')


def test_markdown_extension_keeps_hyphenated_names_whole_outside_code():
    html = markdown.markdown(
        "I [Patti Gener-Attivi](/patti/) del Civic Center, `Gener-Attivi`.\n\n"
        "    Emilia-Romagna",
        extensions=["plugins.italian.typography"],
        extension_configs={"plugins.italian.typography": {"terms": ["Civic Center"]}})
    assert html == (
        '<p>I <a href="/patti/">Patti <span class="nome-composto">Gener-Attivi</span></a>'
        ' del <span lang="en">Civic Center</span>, <code>Gener-Attivi</code>.'
        "</p>\n<pre><code>Emilia-Romagna\n</code></pre>")


# The items of the tests that read only their own items' pages (and /documenti/, where
# the only document is the attachments test's), one build they share (``build_once``)
ITEMS = {
    # test_english_terms_in_an_attachments_title_and_description_are_marked
    "allegati/modulo.pdf": samples.pdf(),
    "notizie/iscrizioni.md": article(
        title="Iscrizioni", slug="iscrizioni", body="Testo.",
        attachments=["file: allegati/modulo.pdf\n    title: Modulo del Civic Center &"
                     " altro\n    description: Da consegnare al Community Manager"]),
    # test_built_pages_have_italian_typography_and_dates
    "notizie/anni.md": article(
        title="L'attività degli anni '80",
        body="Dall'8 marzo riparte l'attività del Civic Center, come negli anni '80.",
    ),
    # test_reading_time_is_words_over_200_rounded_up
    "notizie/lungo.md": article(title="Lungo", summary="Lead.", body=" ".join(["parola"] * 401)),
    # test_the_meta_line_gives_a_collective_author_its_article_after_a_person
    "notizie/due.md": article(title="Due", authors="[Anna Bianchi, Redazione]"),
    "notizie/tre.md": article(title="Tre", authors="[Redazione, Anna Bianchi, Luca Verdi]"),
    "notizie/persone.md": article(title="Persone", authors="[Anna Bianchi, Luca Verdi]"),
}


def test_a_hyphenated_name_is_kept_whole_where_shown_as_html_and_plain_elsewhere(build):
    site = build({"notizie/a.md": article(
        title="Un'idea per un Patto Gener-Attivo", slug="patto",
        body="Come proporre uno dei Patti Gener-Attivi.")})
    assert site.ok, site.log
    page = site.soup("/2024/05/patto/")
    assert page.h1.select_one(".nome-composto").get_text() == "Gener-Attivo"
    assert page.select_one("main p .nome-composto").get_text() == "Gener-Attivi."
    assert page.title.get_text().startswith("Un’idea per un Patto Gener-Attivo –")
    assert page.select_one('meta[property="og:title"]')["content"] == \
        "Un’idea per un Patto Gener-Attivo"
    assert site.soup("/").select_one("main h2 .nome-composto").get_text() == "Gener-Attivo"
    for name in ("tutto.atom.xml", "tutto.rss.xml"):  # read without the stylesheet
        feed = (site.output / "feeds" / name).read_text(encoding="utf-8")
        assert "Patti Gener-Attivi" in feed and "nome-composto" not in feed, name


def test_english_terms_in_an_attachments_title_and_description_are_marked(build_once):
    """A document "Modulo del Civic Center" was read as Italian words on its article's
    page and on /documenti/, where the search results (cerca.js) mark it."""
    site = build_once(ITEMS)  # the only document of ITEMS
    assert site.ok, site.log
    for address in ("/2024/05/iscrizioni/", "/documenti/"):
        label = site.soup(address).select_one(".attachment-label")
        assert [span.get_text() for span in label.select('span[lang="en"]')] == [
            "Civic Center"], address
        assert label.get_text().startswith("Modulo del Civic Center & altro ("), address
    description = site.soup("/2024/05/iscrizioni/").select_one(".attachment-description")
    assert description.select_one('span[lang="en"]').get_text() == "Community Manager"


def test_built_pages_have_italian_typography_and_dates(build_once):
    site = build_once(ITEMS)
    assert site.ok, site.log
    page = site.soup("/2024/05/l-attivita-degli-anni-80/")
    assert page.html["lang"] == "it"
    assert page.h1.get_text() == "L’attività degli anni ’80"
    text = page.select_one("main").get_text()
    assert "Dall’8 marzo riparte l’attività" in text and "anni ’80" in text
    assert "‘" not in text
    assert page.select_one('main span[lang="en"]').get_text() == "Civic Center"
    assert page.select_one("main time").get_text(" ", strip=True) == \
        "domenica 5\u00a0maggio 2024, ore\u00a017:07"


def test_english_terms_in_a_title_are_marked_where_the_title_shows_as_html(build):
    site = build({"notizie/a.md": article(title="Il Civic Center di Crema & i Community Manager",
                                          slug="civic", body="Testo.")})
    assert site.ok, site.log
    page = site.soup("/2024/05/civic/")
    assert [span.get_text() for span in page.h1.select('span[lang="en"]')] == [
        "Civic Center", "Community Manager"]
    assert page.h1.get_text() == "Il Civic Center di Crema & i Community Manager"
    assert page.title.get_text().startswith("Il Civic Center di Crema & i Community Manager –")
    assert page.select_one('meta[property="og:title"]')["content"] == \
        "Il Civic Center di Crema & i Community Manager"
    home = site.soup("/")
    assert [span.get_text() for span in home.select('main h2 span[lang="en"]')] == [
        "Civic Center", "Community Manager"]
    feed = (site.output / "feeds" / "tutto.atom.xml").read_text(encoding="utf-8")
    assert "<title>Il Civic Center di Crema &amp; i Community Manager</title>" in feed


def test_english_terms_in_a_tag_s_name_are_marked_wherever_the_name_shows(build):
    """A tag "Civic Center" was read as Italian words in the article's tag list, the
    index of tags, the tag's own heading and breadcrumb, and a page's latest news on it,
    while the same words in titles and bodies were marked (WCAG 3.1.2)."""
    site = build({
        "notizie/a.md": article(title="Porte aperte", slug="porte", body="Testo.",
                                tags=["Civic Center", "Soci & <amici>"]),
        "pages/civic.md": article(title="Spazi", slug="spazi", date=None,
                                  argomento="Civic Center", body="Testo."),
    })
    assert site.ok, site.log

    def marked(element):
        return [span.get_text() for span in element.select('span[lang="en"]')]

    tags = site.soup("/2024/05/porte/").select_one(".tag-list")
    assert marked(tags) == ["Civic Center"]
    assert tags.get_text(" ", strip=True) == "Civic Center Soci & <amici>"  # still text
    assert marked(site.soup("/argomenti/").select_one("main .term-list")) == ["Civic Center"]
    tag = site.soup("/argomenti/civic-center/")
    assert marked(tag.h1) == ["Civic Center"]
    assert tag.h1.get_text() == "Argomento: Civic Center"
    assert marked(tag.select_one(".breadcrumb [aria-current]")) == ["Civic Center"]
    assert tag.title.get_text() == "Argomento: Civic Center – FareLegami"  # text only
    related = site.soup("/spazi/").select_one("section.related")
    assert marked(related) == ["Civic Center", "Civic Center"]


def test_reading_time_is_words_over_200_rounded_up(build_once):
    site = build_once(ITEMS)
    assert site.ok, site.log
    assert "Tempo di lettura: 3\u00a0min" in site.soup("/2024/05/lungo/").get_text(" ", strip=True)


@pytest.mark.parametrize(("name", "of", "by"), [
    ("Redazione", "della Redazione", "dalla Redazione"),
    ("Anna Rossi", "di Anna Rossi", "da Anna Rossi"),
    ("Ufficio stampa", "dell’Ufficio stampa", "dall’Ufficio stampa"),
    ("Comune di Crema", "del Comune di Crema", "dal Comune di Crema"),
    ("Sportello Civic Center", "dello Sportello Civic Center", "dallo Sportello Civic Center"),
    # collective names: an article, of their gender and first letter
    ("Comitato genitori", "del Comitato genitori", "dal Comitato genitori"),
    ("Biblioteca comunale di Crema", "della Biblioteca comunale di Crema",
     "dalla Biblioteca comunale di Crema"),
    ("Pro Loco Crema", "della Pro Loco Crema", "dalla Pro Loco Crema"),
    ("Istituto comprensivo Crema Uno", "dell’Istituto comprensivo Crema Uno",
     "dall’Istituto comprensivo Crema Uno"),
    ("Scuola dell'infanzia", "della Scuola dell'infanzia", "dalla Scuola dell'infanzia"),
    ("Parrocchia di San Giacomo", "della Parrocchia di San Giacomo",
     "dalla Parrocchia di San Giacomo"),
    ("Settore servizi sociali", "del Settore servizi sociali", "dal Settore servizi sociali"),
    ("Università di Pavia", "dell’Università di Pavia", "dall’Università di Pavia"),
    ("Spazio giovani", "dello Spazio giovani", "dallo Spazio giovani"),
    ("Studio Bianchi", "dello Studio Bianchi", "dallo Studio Bianchi"),
])
def test_di_and_da_agree_with_the_name(name, of, by):
    assert di(name) + name == of and da(name) + name == by


@pytest.mark.parametrize(("names", "prepositions"), [
    (["Anna Rossi"], ["di "]),
    (["Redazione"], ["della "]),
    (["Anna Rossi", "Luca Bianchi"], ["di ", ""]),  # di Anna Rossi e Luca Bianchi
    (["Anna Rossi", "Redazione"], ["di ", "della "]),  # … e della Redazione
    (["Redazione", "Anna Rossi", "Luca Bianchi"], ["della ", "di ", "di "]),
    ([], []),
])
def test_each_author_of_a_list_gets_the_preposition_italian_needs(names, prepositions):
    assert di_ciascuno(names) == prepositions


def test_the_meta_line_gives_a_collective_author_its_article_after_a_person(build_once):
    """Two authors read "di Anna Bianchi e Redazione", three "della Redazione, Anna
    Bianchi e Luca Verdi"."""
    site = build_once(ITEMS)
    assert site.ok, site.log

    def byline(slug):
        item = site.soup(f"/2024/05/{slug}/").select(".article-meta .meta-item")[1]
        return " ".join(item.get_text().split())

    assert byline("due") == "di Anna Bianchi e della Redazione"
    assert byline("tre") == "della Redazione, di Anna Bianchi e di Luca Verdi"
    assert byline("persone") == "di Anna Bianchi e Luca Verdi"


def test_counts_agree_and_group_their_digits():
    assert [quanti(n, "errore", "errori") for n in (0, 1, 2, 12345)] == [
        "0 errori", "1 errore", "2 errori", "12.345 errori"]


def test_an_archive_is_worded_in_one_place():
    """A period's archive's title, count and description: the archive page wrote its count
    itself, plugins/redirects its titles, each the same words again."""
    year = archive_wording((2025,), 12345, "FareLegami")
    assert (year.title, year.count, year.description) == (
        "Archivio 2025", "12.345 articoli, dal più recente",
        "Gli articoli di FareLegami del 2025: 12.345 articoli, dal più recente.")
    assert archive_wording((2025,), 1, "FareLegami").count == "1 articolo"
    assert archive_wording("marzo 2025").title == "Archivio marzo 2025"


def test_the_index_of_tags_is_in_italian_alphabetical_order(build):
    """Jinja's sort went by code points after the case: a tag starting with an accented
    capital ("È ora", "Èlite") came after "Zona" at the end of /argomenti/."""
    site = build({"notizie/a.md": article(tags="Zona, Èlite, anziani, Ambiente, Età, ebook")})
    assert site.ok, site.log
    names = [a.get_text(" ", strip=True) for a in site.soup("/argomenti/").select(".term-list a")]
    assert names == ["Ambiente", "anziani", "ebook", "Èlite", "Età", "Zona"]


def test_listings_and_meta_lines_speak_of_the_redazione_and_one_article_in_italian(build):
    """"di Redazione" read like a person's name; a year with one article was "1 articolo,
    dal più recente"; an author's or category's apostrophe stayed straight."""
    site = build({
        "notizie/a.md": article(title="Una sola", date="2023-03-01 09:00"),
        "notizie/b.md": article(title="Di Anna", author="Anna Dell'Acqua",
                                category="Notizie dall'estero"),
    })
    assert site.ok, site.log
    meta = site.soup("/2023/03/una-sola/").select_one(".article-meta").get_text(" ", strip=True)
    assert "della Redazione" in meta and "di Redazione" not in meta
    author = site.soup("/autori/redazione/")
    assert author.h1.get_text(strip=True) == "Articoli della Redazione"
    description = author.select_one('meta[name="description"]')["content"]
    assert description.startswith("Gli articoli firmati dalla Redazione su ")
    year = site.soup("/archivio/2023/").select_one(".page-intro").get_text(strip=True)
    assert year == "1 articolo."
    text = site.soup("/2024/05/di-anna/").get_text(" ", strip=True)
    assert "di Anna Dell’Acqua" in text and "Notizie dall’estero" in text


def test_a_footnote_s_way_back_is_named_in_italian_on_the_page_and_in_the_feeds(build):
    """Python-Markdown names a footnote's link back to the text "Jump back to footnote 1
    in the text" (its ``title``, shown on hover and read by screen readers) on the page;
    its arrow "↩" is asked for as text (iPhones showed the bare arrow as an emoji). The feeds leave the link back out (it led to the page), and name the reference in
    Italian too."""
    site = build({"notizie/a.md": article(title="Con nota", slug="nota",
                                          body="Un fatto[^1].\n\n[^1]: La fonte.")})
    assert site.ok, site.log
    back = site.soup("/2024/05/nota/").select_one("a.footnote-backref")
    assert back["title"] == "Torna al richiamo della nota 1 nel testo"
    # the arrow as text, never as iOS's blue emoji key: U+FE0E, the text presentation
    assert back.get_text() == "\u21a9\ufe0e"
    for name in ("tutto.atom.xml", "tutto.rss.xml"):
        feed = site.text(f"/feeds/{name}")
        assert 'aria-label="Nota 1"' in feed.replace("&quot;", '"'), name
        assert "Jump back" not in feed and "Torna al richiamo" not in feed, name


# An ASCII apostrophe between two letters ("dell'archivio"): where the site's typography
# writes ’ (U+2019) in every text an editor types
ASCII_ELISION = re.compile(r"[^\W\d_]'[^\W\d_]")
READ_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder", "content")


def test_the_sites_own_words_have_the_typographic_apostrophe(build):
    """Readers see l’archivio, with the apostrophe the site's typography writes, in what
    the editors typed; the theme's and the plugins' own words had "dell'archivio" (the
    year pager's name, read out by screen readers) and "nell'archivio" (the page at a
    year's address). The content here has no apostrophe at all: any ASCII one in the
    pages' text, or in an attribute read out or shown, is the site's own."""
    files = {f"notizie/notizia-{year}.md": article(title=f"Notizia del {year}",
                                                   date=f"{year}-05-05 10:00",
                                                   body="Testo della notizia.",
                                                   tags=["Crema"])
             for year in (2023, 2024, 2025)}
    site = build(files)
    assert site.ok, site.log
    found = []
    for path in sorted(site.output.rglob("*.html")):
        page = str(path.relative_to(site.output))
        if page.startswith("admin/"):
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for element in soup(["code", "pre", "script", "style"]):
            element.decompose()
        texts = [soup.get_text(" ")] + [
            value for element in soup.find_all(True) for name, value in element.attrs.items()
            if name in READ_ATTRIBUTES and isinstance(value, str)]
        found += [(page, match.group()) for text in texts
                  for match in ASCII_ELISION.finditer(text)]
    assert {page for page, _ in found} == set(), found
    assert site.exists("/2024/") and site.exists("/archivio/2024/")


# --- Proper names a browser's page translation must leave as they are -------------------
# (ITALIAN_PROPER_NAMES: "Crema" was translated "Cream", "Patti Gener-Attivi" "Gener-Active
# Pacts"; translate="no" is honoured by Google Translate, Chrome, Edge and Safari)

def _untranslated(element):
    return [span.get_text() for span in element.select('[translate="no"]')]


def test_proper_names_are_marked_as_whole_capitalised_words_only():
    names = ("FareLegami", "Crema", "Cremona", "Patti Gener-Attivi", "Gener-Attivi")
    assert mark_names("A Crema la crema, Cremasco e Cremonese; CREMA e Cremona.", names) == (
        'A <span translate="no">Crema</span> la crema, Cremasco e Cremonese; CREMA e '
        '<span translate="no">Cremona</span>.')
    # a name in a hyphenated word: the word, its glued punctuation, a compound span inside
    assert keep_names_whole(mark_names(
        "I «Patti Gener-Attivi»: Crema-Cremona-Lodi e Crema-Lodi.", names)) == (
        'I <span translate="no">«Patti <span class="nome-composto">Gener-Attivi»:</span>'
        '</span> <span translate="no">Crema-Cremona-Lodi</span> e <span translate="no">'
        '<span class="nome-composto">Crema-Lodi.</span></span>')
    text = "I «Patti Gener-Attivi» di Crema-Lodi a Crema."
    assert without_name_spans(keep_names_whole(mark_names(text, names))) == text
    assert in_english("Comune di Crema & Civic Center", ["Civic Center"], ["Crema"]) == (
        'Comune di <span translate="no">Crema</span> &amp; <span lang="en">Civic Center'
        '</span>')


def test_a_person_s_name_is_kept_whole_a_collective_author_s_words_are_not():
    names, terms = ("Crema", "FareLegami"), ("Civic Center",)
    assert author_name("Anna Rossi", terms, names) == '<span translate="no">Anna Rossi</span>'
    assert author_name("Anna Crema & C.", terms, names) == (  # one span, escaped
        '<span translate="no">Anna Crema &amp; C.</span>')
    assert author_name("FareLegami", terms, names) == '<span translate="no">FareLegami</span>'
    assert author_name("Redazione", terms, names) == "Redazione"
    assert author_name("Ufficio stampa del Comune di Crema", terms, names) == (
        'Ufficio stampa del Comune di <span translate="no">Crema</span>')
    assert author_name("Civic Center di Crema", terms, names) == (
        '<span lang="en">Civic Center</span> di <span translate="no">Crema</span>')
    # collective names, not a person's: words to translate, the town marked
    assert author_name("Comitato genitori", terms, names) == "Comitato genitori"
    assert author_name("Biblioteca comunale di Crema", terms, names) == (
        'Biblioteca comunale di <span translate="no">Crema</span>')
    assert author_name("Pro Loco Crema", terms, names) == (
        'Pro Loco <span translate="no">Crema</span>')
    assert author_name("Parrocchia di San Giacomo", terms, names) == (
        "Parrocchia di San Giacomo")


def test_markdown_extension_marks_proper_names_in_text_only():
    html = markdown.markdown(
        '# Crema\n\nA [Crema](https://crema.example/ "Crema") la crema del Civic Center,'
        " i Patti Gener-Attivi. `Crema`\n\n    Crema",
        extensions=["plugins.italian.typography"],
        extension_configs={"plugins.italian.typography": {
            "terms": ["Civic Center"], "names": ["Crema", "Patti Gener-Attivi"]}})
    assert html == (
        '<h1><span translate="no">Crema</span></h1>\n<p>A <a href="https://crema.example/"'
        ' title="Crema"><span translate="no">Crema</span></a> la crema del <span lang="en">'
        'Civic Center</span>, i <span translate="no">Patti <span class="nome-composto">'
        'Gener-Attivi.</span></span> <code>Crema</code></p>\n<pre><code>Crema\n</code></pre>')


def test_proper_names_are_not_translated_where_readers_see_them(build_once):
    """A reader whose language is not Italian, with the browser's page translation on,
    read "Cream" for the town of Crema and "Gener-Active Pacts" for the project's own
    Patti Gener-Attivi: the names are translate="no" in titles, bodies, leads, cards,
    tags, the header and the footer, and nowhere else (attributes, code, feeds, meta)."""
    site = build_once({"notizie/a.md": article(
        title="A Crema i Patti Gener-Attivi", slug="crema", tags=["Crema"],
        summary="FareLegami arriva a Casalmaggiore.",
        body="La crema di Cremona e il Cremonese: `Crema` e "
             "[Crema](https://crema.example/crema \"Crema\"), il "
             '<span translate="no">Borgo Loreto</span>.')})  # an editor's own, allowed
    assert site.ok, site.log
    page = site.soup("/2024/05/crema/")
    assert _untranslated(page.h1) == ["Crema", "Patti Gener-Attivi"]
    assert page.h1.select_one('[translate="no"] .nome-composto').get_text() == "Gener-Attivi"
    main = page.select_one("main")
    assert _untranslated(main).count("Casalmaggiore") == 1 and "FareLegami" in _untranslated(main)
    body = main.select_one("code").find_parent("p")
    # not "crema", "Cremonese", code
    assert _untranslated(body) == ["Cremona", "Crema", "Borgo Loreto"]
    assert body.select_one("a")["href"] == "https://crema.example/crema"
    assert body.select_one("a")["title"] == "Crema"
    assert _untranslated(page.select_one(".tag-list")) == ["Crema"]
    assert _untranslated(page.select_one(".brand-name")) == ["FareLegami"]
    footer = page.select_one("footer.site-footer")
    assert "FareLegami" in _untranslated(footer) and "Crema" in _untranslated(footer)
    assert page.title.get_text().startswith("A Crema i Patti Gener-Attivi –")
    assert 'translate="no"' not in str(page.head)  # <title>, meta, JSON-LD: text only
    home = site.soup("/").select_one("main")
    assert _untranslated(home.select_one("h2")) == ["Crema", "Patti Gener-Attivi"]
    assert _untranslated(home.select_one(".card-lead")) == ["FareLegami", "Casalmaggiore"]
    for name in ("tutto.atom.xml", "tutto.rss.xml"):  # feeds as they were
        feed = (site.output / "feeds" / name).read_text(encoding="utf-8")
        assert "A Crema i Patti Gener-Attivi" in feed and "translate" not in feed, name


def test_names_of_people_and_places_in_categories_and_authors_are_not_translated(build_once):
    """With the browser's page translation on, an author's name was read word by word and
    a category's, an author's or the theme's own line's town too ("Crema", "Cream"): a
    person's name is translate="no" whole wherever the theme shows it (the meta line, the
    author's page, the index of authors), a category's and a collective author's words
    are translated as the words they are ("Comunicati stampa", "Ufficio stampa del Comune
    di …": what they mean, in the reader's language) with their proper names marked, and
    so are the header's line, the home page's description and the footer's funder; the
    project's "Civic Center" is a name too (pelicanconf's ITALIAN_PROPER_NAMES)."""
    site = build_once({
        "notizie/a.md": article(
            title="Porte aperte", slug="porte", category="Notizie da Crema",
            authors=["Anna Rossi", "Ufficio stampa del Comune di Crema"],
            body="Sabato si comincia.\n\nIl Civic Center apre le porte."),
        "comunicati-stampa/b.md": article(title="Un comunicato", date="2024-05-06 10:00",
                                          slug="comunicato"),
    }, settings='FUNDER = "Fondazione Comunitaria della Provincia di Cremona"\n')
    assert site.ok, site.log
    page = site.soup("/2024/05/porte/")
    meta = page.select_one(".article-meta").select(".meta-item")[1]
    assert meta.get_text(" ", strip=True) == (
        "di Anna Rossi e dell’ Ufficio stampa del Comune di Crema")
    assert _untranslated(meta) == ["Anna Rossi", "Crema"]
    assert meta.select_one('a[translate="no"], a [translate="no"]').get_text() == "Anna Rossi"
    assert _untranslated(page.select_one(".article-kicker")) == ["Crema"]
    assert _untranslated(page.select_one(".breadcrumb")) == ["Crema"]
    assert [(span.get_text(), span.find_parent(attrs={"translate": "no"}) is not None)
            for span in page.select('.prose [lang="en"]')] == [("Civic Center", True)]
    assert _untranslated(page.select_one(".header-slim")) == ["Crema", "Cremona",
                                                              "Casalmaggiore"]
    assert "Cremona" in _untranslated(page.select_one(".site-footer"))
    # a category of ordinary words, a collective author: nothing to keep from translation
    comunicato = site.soup("/2024/05/comunicato/")
    assert _untranslated(comunicato.select_one(".article-kicker")) == []
    assert _untranslated(comunicato.select(".article-meta .meta-item")[1]) == []  # Redazione
    author = site.soup("/autori/anna-rossi/")
    assert _untranslated(author.h1) == ["Anna Rossi"]
    assert _untranslated(author.select_one(".breadcrumb")) == ["Anna Rossi"]
    assert author.title.get_text().startswith("Articoli di Anna Rossi –")
    assert 'translate="no"' not in str(author.head)  # <title>, meta: text only
    authors = {item.a.get_text(): _untranslated(item)
               for item in site.soup("/autori/").select(".term-list li")}
    assert authors == {"Anna Rossi": ["Anna Rossi"], "Redazione": [],
                       "Ufficio stampa del Comune di Crema": ["Crema"]}
    category = site.soup("/categorie/notizie-da-crema/")
    assert _untranslated(category.h1) == ["Crema"]
    assert category.title.get_text().startswith("Notizie da Crema –")
    home = site.soup("/")
    assert {card.select_one(".card-category").get_text(" ", strip=True):
            _untranslated(card.select_one(".card-category"))
            for card in home.select(".card")} == {"Categoria: Notizie da Crema": ["Crema"],
                                                   "Categoria: Comunicati stampa": []}
    assert _untranslated(home.select_one(".intro-text")) == [
        "FareLegami", "Cremona", "Crema", "Cremona", "Casalmaggiore"]
    archive = site.soup("/archivio/").select(".archive-category")
    assert sorted(map(_untranslated, archive)) == [[], ["Crema"]]
    feeds = {group.h2.get_text().strip(): _untranslated(group.h2)
             for group in site.soup("/segui/").select(".feed-group")}
    assert feeds["Notizie da Crema"] == ["Crema"] and feeds["Comunicati stampa"] == []
