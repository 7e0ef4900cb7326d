"""Attachments (plugins/attachments): whole builds of real PDFs into tmp_path."""

import hashlib
import json
import os
import re
import textwrap
import unicodedata
import xml.etree.ElementTree as ET

import feedparser
from bs4 import BeautifulSoup
import pytest
import yaml

import samples
from samples import pdf
from support import (SITEURL, article, build_site, cpu_budget, own_attachments_cache, run_tool,
                     write_conf, write_content)

VERBALE = "allegati/Verbale riunione città.pdf"
VERBALE_URL = "allegati/verbale-riunione-citta.pdf"
ATOM = {"a": "http://www.w3.org/2005/Atom"}


def item(title="Con allegati", date="2024-05-05 17:07", attachments=(), **keys):
    """Markdown with YAML front matter; ``attachments`` written as real YAML."""
    meta = {"title": title, "date": date, **keys}
    if attachments:
        meta["attachments"] = list(attachments)
    header = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{header}---\n\nTesto dell'articolo.\n"


PRESENTAZIONE = pdf(12)
VERBALE_PDF = pdf(1)
SITE = {
    "allegati/2024/presentazione.pdf": PRESENTAZIONE,
    VERBALE: VERBALE_PDF,
    "notizie/presentazione.md": item(
        title="Presentazione del progetto a Crema",
        attachments=[
            {"file": "allegati/2024/presentazione.pdf", "title": "Presentazione del progetto",
             "description": "Le slide mostrate all'incontro."},
            VERBALE,
        ],
    ),
}


def size_kb(data):
    """What the page shows for small files (formatting is unit-tested in test_attachments_model)."""
    return f"{len(data)} byte" if len(data) < 1000 else f"{round(len(data) / 1000)} kB"


def attachment_links(site, url):
    section = site.soup(url).find("section", class_="attachments")
    assert section is not None
    return section, section.find_all("a", class_="attachment-link")


# -- the article page ---------------------------------------------------------------

def test_article_lists_each_attachment_with_type_size_and_pages(build_once):
    site = build_once(SITE)
    assert site.ok, site.log
    section, links = attachment_links(site, "/2024/05/presentazione-del-progetto-a-crema/")
    heading = section.find("h2")
    assert heading.get_text() == "Allegati"
    assert section["aria-labelledby"] == heading["id"]
    texts = [" ".join(a.get_text().split()) for a in links]
    assert texts == [
        f"Presentazione del progetto (PDF, {size_kb(PRESENTAZIONE)}, 12 pagine)",
        f"Verbale riunione città (PDF, {size_kb(VERBALE_PDF)}, 1 pagina)",
    ]
    assert [a["type"] for a in links] == ["application/pdf"] * 2
    # the size's number and unit on one line: a no-break space between them
    assert all(f"{size_kb(data).replace(' ', chr(0xa0))}," in a.get_text()
               for a, data in zip(links, (PRESENTAZIONE, VERBALE_PDF)))
    assert links[0].find_next_sibling("p").get_text() == "Le slide mostrate all’incontro."



def test_a_scans_link_says_it_is_images_without_text(build):
    """A PDF of page images without text (a scan: no page has a font) is nothing a screen
    reader can read: its link says so before it is opened, on the item's page, on
    Documenti and in the feeds' list of attachments, as its type and size are said. A
    PDF with text, or of blank pages (no image either), is not marked."""
    scan, text = samples.scanned_pdf(), samples.text_pdf("Verbale della riunione")
    site = build({
        "allegati/2024/verbale-firmato.pdf": scan,
        "allegati/2024/verbale.pdf": text,
        "notizie/verbale.md": item(title="Il verbale", attachments=[
            {"file": "allegati/2024/verbale-firmato.pdf", "title": "Verbale firmato"},
            {"file": "allegati/2024/verbale.pdf", "title": "Verbale"}]),
    })
    assert site.ok, site.log
    expected = [f"Verbale firmato (PDF, {size_kb(scan)}, 2 pagine, immagini senza testo)",
                f"Verbale (PDF, {size_kb(text)}, 1 pagina)"]
    _, links = attachment_links(site, "/2024/05/il-verbale/")
    assert [" ".join(a.get_text().split()) for a in links] == expected
    listed = site.soup("/documenti/").select(".document-list a.attachment-link")
    assert sorted(" ".join(a.get_text().split()) for a in listed) == sorted(expected)
    entry = feedparser.parse(site.text("/feeds/tutto.atom.xml")).entries[0]
    assert "2\u00a0pagine, immagini senza testo)" in entry.content[0].value

def test_files_are_copied_byte_identical_at_safe_urls_with_readable_download_names(build_once):
    site = build_once(SITE)
    _, links = attachment_links(site, "/2024/05/presentazione-del-progetto-a-crema/")
    assert [a["href"] for a in links] == [
        f"{SITEURL}/allegati/2024/presentazione.pdf", f"{SITEURL}/{VERBALE_URL}"]
    assert [a["download"] for a in links] == ["presentazione.pdf", "Verbale riunione città.pdf"]
    assert site.path(f"/{VERBALE_URL}").read_bytes() == VERBALE_PDF
    assert site.path("/allegati/2024/presentazione.pdf").read_bytes() == PRESENTAZIONE
    assert not any(" " in name or "à" in name for name in site.files())


def test_bare_path_gets_a_title_from_its_file_name(build):
    site = build({
        "allegati/bilancio_sociale-2024.pdf": pdf(3),
        "notizie/bilancio.md": item(title="Bilancio", attachments=[
            "allegati/bilancio_sociale-2024.pdf"]),
    })
    _, links = attachment_links(site, "/2024/05/bilancio/")
    assert links[0].get_text().split("(")[0].strip() == "Bilancio sociale 2024"


def test_native_header_takes_comma_separated_paths(build):
    site = build({
        "allegati/uno.pdf": pdf(1),
        "allegati/due.pdf": pdf(2),
        "notizie/nativo.md": textwrap.dedent("""\
            Title: Intestazione nativa
            Date: 2024-05-05 17:07
            Attachments: allegati/uno.pdf, allegati/due.pdf

            Testo.
        """),
    })
    assert site.ok, site.log
    _, links = attachment_links(site, "/2024/05/intestazione-nativa/")
    assert [a.get_text().split("(")[0].strip() for a in links] == ["Uno", "Due"]
    assert "2\u00a0pagine" in links[1].get_text()


OTHER_FORMATS = {  # file -> (bytes, type shown, MIME type)
    "allegati/modulo.docx": (samples.ooxml("docx"), "DOCX",
                             "application/vnd.openxmlformats-officedocument"
                             ".wordprocessingml.document"),
    "allegati/bilancio.ods": (samples.odf("ods"), "ODS",
                              "application/vnd.oasis.opendocument.spreadsheet"),
    "allegati/iscritti.csv": (samples.CSV, "CSV", "text/csv"),
    "allegati/locandina.JPG": (samples.image("JPEG"), "JPG", "image/jpeg"),
    "allegati/materiali.zip": (samples.PLAIN_ZIP, "ZIP", "application/zip"),
}


def test_other_formats_show_their_type_without_pages(build):
    site = build({
        **{name: data for name, (data, _, _) in OTHER_FORMATS.items()},
        "notizie/modulo.md": item(title="Modulo", attachments=list(OTHER_FORMATS)),
    })
    assert site.ok, site.log
    _, links = attachment_links(site, "/2024/05/modulo/")
    assert len(links) == len(OTHER_FORMATS)
    for link, (name, (data, kind, mime)) in zip(links, OTHER_FORMATS.items()):
        assert " ".join(link.get_text().split()).endswith(f"({kind}, {size_kb(data)})"), name
        assert link["type"] == mime and link.find("img") is None
        assert site.path(link["href"]).read_bytes() == data


def test_file_name_in_another_unicode_normalisation_is_the_same_file(build):
    """Saved on a Mac ("a" + combining accent), typed as "à": one file, one URL, one row."""
    typed = "allegati/L'agenda della città.pdf"
    on_disk = unicodedata.normalize("NFD", typed)
    assert on_disk != typed
    data = pdf(2)
    site = build({
        on_disk: data,
        "notizie/agenda.md": item(title="Agenda", attachments=[typed]),
        "notizie/ancora.md": item(title="Ancora", date="2024-05-06 10:00",
                                  attachments=[on_disk]),
    })
    assert site.ok, site.log
    _, [link] = attachment_links(site, "/2024/05/agenda/")
    assert link["href"] == f"{SITEURL}/allegati/l-agenda-della-citta.pdf"
    assert link["download"] == "L'agenda della città.pdf"  # as typed (NFC)
    label = " ".join(link.get_text().split())
    assert label == f"L’agenda della città (PDF, {size_kb(data)}, 2 pagine)"
    assert unicodedata.is_normalized("NFC", label)
    assert site.path(link["href"]).read_bytes() == data
    assert len(site.soup("/documenti/").select(".document-list > li")) == 1


def test_titles_and_descriptions_are_text_not_html(build):
    site = build({
        "allegati/soci.pdf": pdf(1),
        "notizie/soci.md": item(title="Soci", attachments=[
            {"file": "allegati/soci.pdf", "title": "Soci & <b>partner</b>",
             "description": "Elenco <i>aggiornato</i> & firmato"}]),
    })
    assert site.ok, site.log
    section, [link] = attachment_links(site, "/2024/05/soci/")
    assert link.find("b") is None and section.find("i") is None
    assert link.find("span").get_text().startswith("Soci & <b>partner</b> (PDF, ")
    assert section.find("p").get_text() == "Elenco <i>aggiornato</i> & firmato"
    row = site.soup("/documenti/").select_one(".document-list > li")
    assert row.find("b") is None
    assert row.find("span").get_text().startswith("Soci & <b>partner</b> (PDF, ")


def test_item_without_attachments_has_no_section(build_once):
    site = build_once({"notizie/a.md": article(title="Senza")})
    assert site.ok, site.log
    assert site.soup("/2024/05/senza/").find("section", class_="attachments") is None


# -- previews -----------------------------------------------------------------------

def test_pdf_gets_a_lazy_decorative_preview_inside_its_link(build_once):
    site = build_once(SITE)
    _, links = attachment_links(site, "/2024/05/presentazione-del-progetto-a-crema/")
    image = links[0].find("img")
    assert image["alt"] == "" and image["loading"] == "lazy"
    assert int(image["width"]) > 0 and int(image["height"]) > int(image["width"])
    written = site.path(image["src"])
    assert written.suffix == ".webp" and written.read_bytes()[8:12] == b"WEBP"


def test_a_preview_bomb_is_published_without_a_preview_and_the_failure_cached(build, tmp_path):
    """A 431-byte PDF whose page is 1 × 14400 pt: drawn 240 px wide it would need
    3.5 million rows (gigabytes, a minute). Refused before drawing; cached."""
    bomb = pdf(1, width=1, height=14400)
    files = {"allegati/bomba.pdf": bomb,
             "notizie/bomba.md": item(title="Bomba", attachments=["allegati/bomba.pdf"])}
    site = build(files, own_attachments_cache(tmp_path))
    assert site.ok, site.log
    # a safety net: it takes as long as any build
    assert site.cpu < cpu_budget(20), f"{site.cpu:.1f} s of CPU"
    _, [link] = attachment_links(site, "/2024/05/bomba/")
    assert " ".join(link.get_text().split()) == f"Bomba (PDF, {len(bomb)} byte, 1 pagina)"
    assert link.find("img") is None
    assert site.path(link["href"]).read_bytes() == bomb
    assert not [f for f in site.files() if f.endswith(".webp")]
    log = " ".join(site.log.split())
    assert re.search(r"WARNING\s+allegato senza anteprima: allegati/bomba\.pdf \(pagina di"
                     r" 1 × 14400 pt", log), log
    assert "ERROR" not in log

    cache = tmp_path / "cache" / "attachments" / "metadata.json"
    entry = json.loads(cache.read_text(encoding="utf-8"))["files"][
        hashlib.sha256(bomb).hexdigest()]
    assert entry["previews"]["240"]["error"] == "page-size"
    written = cache.stat().st_mtime_ns
    # The failure comes from the cache: nothing drawn, nothing logged.
    again = build(files, own_attachments_cache(tmp_path))
    assert again.ok, again.log
    assert "anteprima" not in again.log
    assert cache.stat().st_mtime_ns == written
    assert again.soup("/2024/05/bomba/").find("section", class_="attachments").find("img") is None


def test_previews_can_be_turned_off(build_once):
    site = build_once(SITE, settings="ATTACHMENTS_PREVIEWS = False\n")
    assert site.ok, site.log
    _, links = attachment_links(site, "/2024/05/presentazione-del-progetto-a-crema/")
    assert links[0].find("img") is None
    assert not [f for f in site.files() if f.endswith(".webp")]


# -- feeds --------------------------------------------------------------------------

def enclosures(entry):
    return [(link.href, int(link.length), link.type)
            for link in entry.links if link.rel == "enclosure"]


def test_atom_carries_every_attachment_as_an_enclosure(build_once):
    site = build_once(SITE)
    feed = feedparser.parse(site.text("/feeds/tutto.atom.xml"))
    assert not feed.bozo, feed.bozo_exception
    assert enclosures(feed.entries[0]) == [
        (f"{SITEURL}/allegati/2024/presentazione.pdf", len(PRESENTAZIONE), "application/pdf"),
        (f"{SITEURL}/{VERBALE_URL}", len(VERBALE_PDF), "application/pdf"),
    ]
    category = feedparser.parse(site.text("/feeds/categorie/notizie.atom.xml"))
    assert len(enclosures(category.entries[0])) == 2
    # the content is HTML once escaped: readers get links, not "<a href" as text
    content = BeautifulSoup(feed.entries[0].content[0].value, "html.parser")
    assert "&lt;" not in feed.entries[0].content[0].value
    assert content.find("a", href=f"{SITEURL}/{VERBALE_URL}")
    assert content.find("p")


def test_rss_carries_the_first_and_lists_all_in_the_content(build_once):
    site = build_once(SITE)
    feed = feedparser.parse(site.text("/feeds/tutto.rss.xml"))
    assert not feed.bozo, feed.bozo_exception
    entry = feed.entries[0]
    assert enclosures(entry) == [
        (f"{SITEURL}/allegati/2024/presentazione.pdf", len(PRESENTAZIONE), "application/pdf")]
    description = BeautifulSoup(entry.description, "html.parser")
    assert "&lt;" not in entry.description
    assert description.find("a", href=f"{SITEURL}/{VERBALE_URL}")
    assert "Verbale riunione città (PDF" in entry.description
    assert site.text("/feeds/tutto.rss.xml").count("<enclosure ") == 1


def test_enclosures_point_at_the_site_when_feeds_have_their_own_domain(build_once):
    site = build_once(SITE, settings="FEED_DOMAIN = 'https://feeds.example.org'\n")
    assert site.ok, site.log
    for url in ("/feeds/tutto.atom.xml", "/feeds/tutto.rss.xml"):
        entry = feedparser.parse(site.text(url)).entries[0]
        assert enclosures(entry)[0][0] == f"{SITEURL}/allegati/2024/presentazione.pdf", url
        body = entry.content[0].value if "content" in entry else entry.description
        assert BeautifulSoup(body, "html.parser").find("a", href=f"{SITEURL}/{VERBALE_URL}"), url


def test_enclosures_survive_feed_links_with_a_ref(build_once):
    site = build_once(SITE, settings="FEED_APPEND_REF = True\n")
    assert site.ok, site.log
    atom = feedparser.parse(site.text("/feeds/tutto.atom.xml")).entries[0]
    assert atom.link.endswith("?ref=feed")
    assert len(enclosures(atom)) == 2
    rss = feedparser.parse(site.text("/feeds/tutto.rss.xml")).entries[0]
    assert len(enclosures(rss)) == 1


def test_items_without_attachments_have_no_enclosure(build):
    site = build({**SITE, "notizie/altro.md": article(title="Altro", date="2024-06-01 10:00")})
    for url in ("/feeds/tutto.atom.xml", "/feeds/tutto.rss.xml"):
        entry = feedparser.parse(site.text(url)).entries[0]
        assert entry.title == "Altro"
        assert enclosures(entry) == []


def test_atom_enclosures_carry_the_attachments_titles(build):
    """An Atom enclosure (``<link rel="enclosure">``) may say what it is (RFC 4287 4.2.7.5:
    ``title``): readers list an entry's enclosures by it, and showed only the file's
    address (``verbale-riunione-citta.pdf``) where the page says "Verbale riunione città".
    Each carries the title its page shows (the name's, when none is given), written as
    text: ``&`` and ``<`` stay what they are."""
    data = b"anno;iscritti\n2024;12\n"
    site = build({**SITE, "allegati/dati.csv": data,
                  "notizie/dati.md": item(title="I dati", date="2024-04-01 10:00", attachments=[
                      {"file": "allegati/dati.csv", "title": "Iscritti & <nuovi> arrivi"}])})
    assert site.ok, site.log
    for name in ("tutto", "categorie/notizie"):
        root = ET.fromstring(site.text(f"/feeds/{name}.atom.xml"))
        found = {entry.findtext("a:title", None, ATOM): [
            (link.get("href"), link.get("title"), link.get("length"), link.get("type"))
            for link in entry.findall("a:link[@rel='enclosure']", ATOM)]
            for entry in root.findall("a:entry", ATOM)}
        assert found == {
            "Presentazione del progetto a Crema": [
                (f"{SITEURL}/allegati/2024/presentazione.pdf", "Presentazione del progetto",
                 str(len(PRESENTAZIONE)), "application/pdf"),
                (f"{SITEURL}/{VERBALE_URL}", "Verbale riunione città", str(len(VERBALE_PDF)),
                 "application/pdf")],
            "I dati": [(f"{SITEURL}/allegati/dati.csv", "Iscritti & <nuovi> arrivi",
                        str(len(data)), "text/csv")]}, name
        entries = feedparser.parse(site.text(f"/feeds/{name}.atom.xml")).entries
        assert [[link.get("title") for link in entry.links if link.rel == "enclosure"]
                for entry in entries] == [
            ["Presentazione del progetto", "Verbale riunione città"],
            ["Iscritti & <nuovi> arrivi"]], name
    # RSS 2.0's <enclosure> has no title (url, length, type only): as it was
    rss = ET.fromstring(site.text("/feeds/tutto.rss.xml"))
    assert [sorted(enclosure.attrib) for enclosure in rss.iter("enclosure")] == [
        ["length", "type", "url"]] * 2


# -- the Documenti page -------------------------------------------------------------

def test_documenti_lists_published_attachments_newest_first(build):
    site = build({
        **SITE,
        "allegati/2025/relazione.pdf": pdf(4),
        "comunicati-stampa/relazione.md": item(
            title="Relazione annuale", date="2025-01-20 09:00",
            attachments=[{"file": "allegati/2025/relazione.pdf", "title": "Relazione 2024"}]),
    })
    assert site.ok, site.log
    soup = site.soup("/documenti/")
    assert soup.find("h1").get_text() == "Documenti"
    rows = soup.select(".document-list > li")
    labels = [" ".join(r.find("a", class_="attachment-link").get_text().split()) for r in rows]
    assert labels[0].startswith("Relazione 2024 (PDF, ") and labels[0].endswith("4 pagine)")
    assert labels[1].startswith("Presentazione del progetto (PDF")
    assert labels[2].startswith("Verbale riunione città (PDF")
    source = rows[0].find("p", class_="document-source")
    assert source.find("a")["href"] == f"{SITEURL}/2025/01/relazione-annuale/"
    assert source.find("a").get_text() == "Relazione annuale"
    assert source.find("time").get_text() == "20 gennaio 2025"


def test_pages_list_their_attachments_too_after_the_articles_on_documenti(build):
    statuto = pdf(3)
    site = build({**SITE, "allegati/statuto.pdf": statuto,
                  "pages/progetto.md": "---\ntitle: Il progetto\nattachments:\n"
                                       "  - file: allegati/statuto.pdf\n    title: Statuto\n"
                                       "---\n\nTesto.\n"})
    assert site.ok, site.log
    _, [link] = attachment_links(site, "/il-progetto/")
    assert " ".join(link.get_text().split()) == f"Statuto (PDF, {size_kb(statuto)}, 3 pagine)"
    assert site.path(link["href"]).read_bytes() == statuto
    rows = site.soup("/documenti/").select(".document-list > li")
    source = rows[-1].find("p", class_="document-source")
    assert source.find("a")["href"] == f"{SITEURL}/il-progetto/" and source.find("time") is None
    assert len(rows) == 3


def test_documenti_is_paginated_like_the_listings(build):
    """Documenti grows with every attachment published: with 3000 articles it listed 300
    documents, each with its preview, on one page (65,000 px tall on a phone). It is now
    paginated like the listings, DEFAULT_PAGINATION documents a page, newest first."""
    files = {}
    for n in range(5):
        files[f"allegati/modulo-{n}.txt"] = f"Modulo numero {n}.\n".encode()
        files[f"avvisi/avviso-{n}.md"] = item(title=f"Avviso {n}", date=f"2024-05-0{n + 1} 10:00",
                                              attachments=[f"allegati/modulo-{n}.txt"])
    site = build(files, settings="DEFAULT_PAGINATION = 2")
    assert site.ok, site.log

    def shown(url):
        soup = site.soup(url)
        return soup, [row.select_one(".document-source a").get_text(strip=True)
                      for row in soup.select(".document-list > li")]

    first, titles = shown("/documenti/")
    assert titles == ["Avviso 4", "Avviso 3"]
    assert first.title.get_text().startswith("Documenti")
    assert "pagina" not in first.title.get_text()
    nav = first.select_one("nav.pagination")
    assert nav.select_one(".pagination-status").get_text(strip=True) == "Pagina 1 di 3"
    assert nav.select_one("a[rel=next]")["href"] == f"{SITEURL}/documenti/pagina/2/"
    middle, titles = shown("/documenti/pagina/2/")
    assert titles == ["Avviso 2", "Avviso 1"]
    assert middle.title.get_text().startswith("Documenti – pagina 2")
    assert middle.select_one("a[rel=prev]")["href"] == f"{SITEURL}/documenti/"
    assert "Pagina 2 di 3, documenti meno recenti." in middle.select_one("main").get_text()
    last, titles = shown("/documenti/pagina/3/")
    assert titles == ["Avviso 0"]
    assert not last.select("a[rel=next]")
    assert not site.exists("/documenti/pagina/4/")
    sitemap = site.text("/sitemap.xml")
    assert f"{SITEURL}/documenti/</loc>" in sitemap and "/documenti/pagina/" not in sitemap


def test_documenti_is_in_sections_a_year_with_a_list_of_years_to_jump_to(build):
    """A flat list of documents, newest first, had no way to a year but page after page
    (200 documents: 20 pages). Like the archive, each page has a section a year, and at
    its top every year with its number of documents, a link to the page where the year
    starts, at its section; the pages' documents last."""
    files, expected = {}, []
    for year, months in ((2024, (2, 6, 11)), (2025, (1, 3, 7, 12)), (2026, (4, 9))):
        for month in months:
            name = f"allegati/{year}/modulo-{month}.txt"
            files[name] = f"Modulo {year}-{month}.\n".encode()
            files[f"avvisi/{year}-{month}.md"] = item(
                title=f"Avviso {month}/{year}", date=f"{year}-{month:02d}-15 10:00",
                attachments=[{"file": name, "title": f"Modulo {month}/{year}"}])
            expected.append((year, month, f"{SITEURL}/allegati/{year}/modulo-{month}.txt"))
    files["allegati/statuto.txt"] = b"Statuto.\n"
    files["pages/progetto.md"] = ("---\ntitle: Il progetto\nattachments:\n"
                                  "  - allegati/statuto.txt\n---\n\nTesto.\n")
    site = build(files, settings="DEFAULT_PAGINATION = 4")
    assert site.ok, site.log
    expected = [(year, href) for year, _, href in sorted(expected, reverse=True)]
    expected.append((None, f"{SITEURL}/allegati/statuto.txt"))
    pages = {url: site.soup(url) for url in
             ("/documenti/", "/documenti/pagina/2/", "/documenti/pagina/3/")}
    assert not site.exists("/documenti/pagina/4/")

    def sections(soup):
        return [(section.h2.get_text(strip=True), section.h2["id"],
                 [row.select_one(".attachment-link")["href"] for row in section.select(
                     ".document-list > li")])
                for section in soup.select("main section.archive-year")]

    shown = {url: sections(soup) for url, soup in pages.items()}
    assert [[heading for heading, _, _ in found] for found in shown.values()] == [
        ["2026", "2025"], ["2025", "2024"], ["2024", "Pagine del sito"]]
    # every document once, in order, each in its year's section
    listed = [(None if heading == "Pagine del sito" else int(heading), href)
              for found in shown.values() for heading, _, hrefs in found for href in hrefs]
    assert listed == expected
    assert len(pages["/documenti/"].select(".document-list > li")) == 4
    for soup in pages.values():
        nav = soup.select_one("main nav.archive-jump")
        assert nav["aria-label"] == "Anni"
        assert [" ".join(li.get_text().split()) for li in nav.select("li")] == [
            "2026 2 documenti", "2025 4 documenti", "2024 3 documenti",
            "Pagine del sito 1 documento"]
        assert nav.find_next("section") is soup.select_one("main section.archive-year")
    # each link leads to the first page of its year, at an id that page has, its section's
    first_page = {}
    for url, found in shown.items():
        for heading, anchor, _ in found:
            first_page.setdefault(heading, (url, anchor))
    assert first_page == {"2026": ("/documenti/", "anno-2026"),
                          "2025": ("/documenti/", "anno-2025"),
                          "2024": ("/documenti/pagina/2/", "anno-2024"),
                          "Pagine del sito": ("/documenti/pagina/3/", "documenti-pagine")}
    for url, soup in pages.items():
        for link in soup.select("main nav.archive-jump a"):
            address, _, anchor = link["href"].partition("#")
            target = url if not address else address.removeprefix(SITEURL)
            assert (target, anchor) == first_page[link.get_text(strip=True)], (url, link)
            assert address == ("" if target == url else SITEURL + target)  # same page: no reload
            heading = pages[target].find(id=anchor)
            assert heading.name == "h2" and heading.get_text(strip=True) == link.get_text(
                strip=True)
        assert len({tag["id"] for tag in soup.find_all(id=True)}) == len(
            soup.find_all(id=True)), url  # ids once a page


def test_documenti_shows_each_documents_description_as_its_article_does(build_once):
    """A reader looking for a form reads what it is for: the description the article
    shows under a document was left out of Documenti, which showed the title alone."""
    site = build_once(SITE)
    rows = site.soup("/documenti/").select(".document-list > li")
    described = rows[0].select_one(".attachment-description")
    assert " ".join(described.get_text().split()) == "Le slide mostrate all’incontro."
    # between the document's link and its source, as on the article under its link
    assert described.find_previous_sibling()["class"] == ["attachment-link"]
    assert described.find_next_sibling()["class"] == ["document-source"]
    assert not rows[1].select(".attachment-description")  # the Verbale has none
    _, links = attachment_links(site, "/2024/05/presentazione-del-progetto-a-crema/")
    article = links[0].find_next_sibling("p", class_="attachment-description")
    assert described.decode_contents() == article.decode_contents()


def test_documenti_of_one_year_has_no_list_of_years(build_once):
    site = build_once(SITE)
    soup = site.soup("/documenti/")
    assert not soup.select("nav.archive-jump")
    assert [h2.get_text(strip=True) for h2 in soup.select("main h2")] == ["2024"]
    assert soup.select_one("main h2")["id"] == "anno-2024"


def test_documenti_without_attachments_says_so(build_once):
    site = build_once({"notizie/a.md": article(title="Senza")})
    assert "Non ci sono ancora documenti." in site.text("/documenti/")


# -- nothing of drafts, future or hidden items is listed --------------------------

def test_drafts_and_future_items_attachments_never_reach_the_output(build):
    site = build({
        **SITE,
        "allegati/bozza-segreta.pdf": pdf(1),
        "allegati/futuro-segreto.pdf": pdf(1),
        "allegati/linkato-segreto.pdf": pdf(1),
        "allegati/mai-usato.pdf": pdf(1),
        "notizie/bozza.md": item(title="Bozza", status="draft",
                                 attachments=["allegati/bozza-segreta.pdf"]),
        "notizie/futuro.md": item(title="Futuro", date="2999-01-01 10:00",
                                  attachments=["allegati/futuro-segreto.pdf"]),
        "notizie/bozza-link.md": article(
            title="Bozza con link", status="draft",
            body="[Documento]({static}/allegati/linkato-segreto.pdf)"),
    })
    assert site.ok, site.log
    files = site.files()
    assert VERBALE_URL in files
    for name in ("bozza-segreta", "futuro-segreto", "linkato-segreto", "mai-usato"):
        assert not [f for f in files if name in f], name
        assert name not in site.all_text(), name


def test_file_shared_with_a_draft_and_a_future_item_is_listed_with_the_published_one(build):
    shared = pdf(2)
    site = build({
        "allegati/condiviso.pdf": shared,
        "notizie/pubblicato.md": item(title="Pubblicato", attachments=["allegati/condiviso.pdf"]),
        "notizie/bozza.md": item(title="Bozza riservata", date="2024-06-01 10:00",
                                 status="draft", attachments=[
                                     {"file": "allegati/condiviso.pdf", "title": "Titolo riservato"}]),
        "notizie/futuro.md": item(title="Futuro riservato", date="2999-01-01 10:00",
                                  attachments=[{"file": "allegati/condiviso.pdf",
                                                "description": "Nota riservata"}]),
    })
    assert site.ok, site.log
    [row] = site.soup("/documenti/").select(".document-list > li")
    assert " ".join(row.find("a", class_="attachment-link").get_text().split()).startswith(
        "Condiviso (PDF, ")
    assert row.find("p", class_="document-source").find("a")["href"] == \
        f"{SITEURL}/2024/05/pubblicato/"
    assert site.path("/allegati/condiviso.pdf").read_bytes() == shared
    assert "riservat" not in site.all_text()


def test_hidden_items_attachments_are_copied_but_listed_nowhere(build):
    site = build({
        "allegati/nascosto.pdf": pdf(2),
        "notizie/nascosto.md": item(title="Nascosto", status="hidden",
                                    attachments=["allegati/nascosto.pdf"]),
    })
    assert site.ok, site.log
    assert site.exists("/allegati/nascosto.pdf")
    assert "nascosto.pdf" in site.text("/2024/05/nascosto/")
    assert "nascosto.pdf" not in site.text("/documenti/")
    assert "nascosto.pdf" not in site.text("/feeds/tutto.atom.xml")


def test_static_link_in_a_published_body_lands_at_the_same_safe_url(build):
    site = build({
        VERBALE.replace(" ", "_"): VERBALE_PDF,
        "notizie/link.md": article(
            title="Con link", body="[Il verbale]({static}/allegati/Verbale_riunione_città.pdf)"),
    })
    assert site.ok, site.log
    link = site.soup("/2024/05/con-link/").find("a", string="Il verbale")
    assert link["href"] == f"{SITEURL}/allegati/verbale-riunione-citta.pdf"  # as titles are slugged
    assert site.path(link["href"]).read_bytes() == VERBALE_PDF


def test_static_link_in_a_summary_is_published_and_works_on_the_page_and_in_the_feeds(build):
    """A ``summary:`` (Markdown, the lead under the title, in the listings and at the top
    of the feeds' content) linking a document with ``{static}``: Pelican collects the
    files linked from an item's body only, so the document was not published and the
    link was written as typed, ``{static}/allegati/…`` on the page and
    ``…/2024/05/bando/%7Bstatic%7D/allegati/…`` in the feeds, both leading nowhere (a
    warning in English from Pelican, nothing more). It is published as a link from the
    body is."""
    site = build({
        "allegati/Bando città.pdf": VERBALE_PDF,
        "notizie/bando.md": article(
            title="Bando", slug="bando", body="Le regole.",
            summary="'Le domande entro maggio: [il bando]({static}/allegati/Bando città.pdf).'"),
    })
    assert site.ok, site.log
    address = f"{SITEURL}/allegati/bando-citta.pdf"
    assert site.path(address).read_bytes() == VERBALE_PDF
    for url in ("/2024/05/bando/", "/", "/categorie/notizie/"):
        assert site.soup(url).find("a", string="il bando")["href"] == address, url
    for name in ("tutto", "categorie/notizie"):
        for kind in ("atom", "rss"):
            entry = feedparser.parse(site.text(f"/feeds/{name}.{kind}.xml")).entries[0]
            html = entry.content[0].value if "content" in entry else entry.description
            assert BeautifulSoup(html, "html.parser").find("a", string="il bando")["href"] \
                == address, (name, kind)
    assert "Unable to find" not in site.log


def test_static_link_to_another_file_at_a_declared_attachments_url_is_an_error(build):
    site = build({
        "allegati/Verbale.pdf": pdf(1), "allegati/verbale.pdf": pdf(3),
        "notizie/a.md": item(title="A", attachments=["allegati/Verbale.pdf"]),
        "notizie/b.md": article(title="B", body="[Il verbale]({static}/allegati/verbale.pdf)"),
    })
    assert_stopped(site, "notizie/b.md", "allegati/verbale.pdf e allegati/Verbale.pdf",
                   "stesso indirizzo allegati/verbale.pdf")


# -- validation ---------------------------------------------------------------------

def assert_stopped(site, *fragments):
    assert site.returncode != 0, site.log
    for fragment in fragments:
        assert fragment in site.log, f"{fragment!r} not in log:\n{site.log}"
    assert "Traceback" not in site.log
    assert "nulla è stato pubblicato" in site.log
    assert not (site.output / "index.html").exists()


ATTACHMENT_ERRORS = {
    "missing": ({}, ["allegati/manca.pdf"],
                ["allegato non trovato: allegati/manca.pdf", "`attachments`"]),
    "outside-content": ({"segreti.pdf": pdf(1)}, ["allegati/../../segreti.pdf"],
                        ["fuori da content/", "allegati/../../segreti.pdf"]),
    "outside-allegati": ({"immagini/x.pdf": pdf(1)}, ["immagini/x.pdf"],
                         ["cartella allegati/", "immagini/x.pdf"]),
    "broken": ({"allegati/rotto.pdf": b"%PDF-1.4 garbage"}, ["allegati/rotto.pdf"],
               ["non è un PDF leggibile: allegati/rotto.pdf"]),
    "encrypted": ({"allegati/protetto.pdf": pdf(2, password="segreto")},
                  ["allegati/protetto.pdf"], ["protetto da password: allegati/protetto.pdf"]),
    "twice": ({"allegati/doppio.pdf": pdf(1)},
              ["allegati/doppio.pdf", {"file": "allegati/doppio.pdf"}],
              ["dichiarato due volte: allegati/doppio.pdf"]),
    "twice-other-normalisation": (
        {"allegati/città.pdf": pdf(1)},
        ["allegati/città.pdf", unicodedata.normalize("NFD", "allegati/città.pdf")],
        ["dichiarato due volte: allegati/città.pdf"]),
    "no-file": ({}, [{"title": "Senza file"}], ["non ha `file`"]),
}


@pytest.mark.parametrize("case", ATTACHMENT_ERRORS)
def test_attachment_errors_stop_the_build_naming_article_and_path(refused_site, case):
    assert_refused(refused_site, f"notizie/rotto-{case}.md", *ATTACHMENT_ERRORS[case][2])


def test_an_attachment_named_with_other_capitals_is_an_error_saying_what_to_write(build,
                                                                                 tmp_path):
    """``allegati/Bando.PDF`` for ``allegati/bando.pdf`` is published from an editor's Mac
    or Windows PC and "allegato non trovato" on Linux: now an error everywhere, the same
    in check and build, naming the file as it is on disk (folders too)."""
    site = build({"notizie/buono.md": article(title="Buono"), "allegati/bando.pdf": pdf(1),
                  "allegati/verbali/seduta.pdf": pdf(1),
                  "notizie/rotto.md": item(title="Rotto", attachments=[
                      "allegati/Bando.PDF", {"file": "allegati/Verbali/seduta.pdf"}])})
    messages = [
        "notizie/rotto.md:5: allegato allegati/Bando.PDF (`attachments`): il file si chiama"
        " allegati/bando.pdf: scrivilo con le stesse maiuscole e minuscole, allegati/bando.pdf"
        " / the file name differs in letter case",
        "notizie/rotto.md:6: allegato allegati/Verbali/seduta.pdf (`attachments`): il file si"
        " chiama allegati/verbali/seduta.pdf: scrivilo con le stesse maiuscole e minuscole,"
        " allegati/verbali/seduta.pdf / the file name differs in letter case"]
    assert_stopped(site, "notizie/rotto.md")
    for message in messages:
        assert message in site.messages(), message
    status, out, err = run_tool(tmp_path, "check", "--settings", str(tmp_path / "testconf.py"),
                                "--content", str(tmp_path / "content"))
    assert status == 1 and "Traceback" not in err, err
    for message in messages:
        where, text = message.split(": ", 1)
        assert f"content/{where}: errore: {text}" in out, out


DISGUISED_FILES = {
    "html": ("allegati/x.html", samples.HTML,
             ["tipo di file non ammesso: allegati/x.html (HTML); ammessi PDF,"]),
    "svg-script": ("allegati/logo.svg", samples.SVG_SCRIPT,
                   ["tipo di file non ammesso: allegati/logo.svg (SVG)"]),
    "js": ("allegati/x.js", samples.JS, ["tipo di file non ammesso: allegati/x.js (JS)"]),
    "legacy-doc": ("allegati/verbale.doc", samples.OLE,
                   ["tipo di file non ammesso: allegati/verbale.doc", "DOCX, XLSX, PPTX"]),
    "png-as-pdf": ("allegati/finto.pdf", samples.image("PNG"),
                   ["allegati/finto.pdf non è un PDF: il contenuto è un'immagine PNG"]),
    "html-as-txt": ("allegati/pagina.txt", samples.HTML,
                    ["allegati/pagina.txt non è un file di testo: il contenuto è una pagina"
                     " HTML"]),
}


@pytest.mark.parametrize("case", DISGUISED_FILES)
def test_disallowed_or_disguised_file_types_stop_the_build(refused_site, case):
    name, _, fragments = DISGUISED_FILES[case]
    assert_refused(refused_site, f"notizie/rotto-{case}.md", *fragments)
    assert not (refused_site.output / name).exists()


# The cases of the two tests above, each an item refused for its own reason
# (``notizie/rotto-CASE.md``, with the files it declares; none shared between cases), are
# files of one build, as in ``test_hostile_input.refused_site``: the attachments are
# checked item by item, and none changes what another is told.
REFUSED_FILES = {
    **{name: data for files, _, _ in ATTACHMENT_ERRORS.values() for name, data in files.items()},
    **{f"notizie/rotto-{case}.md": item(title=f"Rotto {case}", attachments=attachments)
       for case, (_, attachments, _) in ATTACHMENT_ERRORS.items()},
    **{name: data for name, data, _ in DISGUISED_FILES.values()},
    **{f"notizie/rotto-{case}.md": item(title=f"Rotto {case}", attachments=[name])
       for case, (name, _, _) in DISGUISED_FILES.items()},
}


@pytest.fixture(scope="module")
def refused_site(tmp_path_factory):
    """One build of ``REFUSED_FILES`` beside a good item (each test asserts what it says
    of its own item: ``assert_refused``)."""
    return build_site(tmp_path_factory.mktemp("refused"),
                      {"notizie/buono.md": article(title="Buono"), **REFUSED_FILES})


def assert_refused(site, name, *fragments):
    """The build stopped and published nothing (``assert_stopped``), it names ``name``
    among its files with errors, and each of ``fragments`` is said by an error it logged
    at ``name``: as a build of that one item would say it, without a build of its own for
    each (0.2 s each)."""
    assert_stopped(site)
    assert name in site.refused_files(), (name, site.refused_files())
    said = [message for message in site.errors() if message.startswith(f"{name}:")]
    for fragment in fragments:
        assert any(fragment in message for message in said), (name, fragment, said, site.log)


def test_static_link_to_a_disallowed_file_stops_the_build(build):
    site = build({
        "allegati/pagina.html": samples.HTML,
        "allegati/finto.pdf": samples.HTML,
        "notizie/link.md": article(title="Con link", body="[Pagina]({static}/allegati/pagina.html)"),
        "notizie/bozza.md": article(title="Bozza", status="draft",
                                    body="[Documento]({static}/allegati/finto.pdf)"),
    })
    assert_stopped(site, "notizie/link.md:6: tipo di file non ammesso: allegati/pagina.html"
                   " (HTML)", "notizie/bozza.md:7: allegati/finto.pdf non è un PDF: il contenuto"
                   " è una pagina HTML")
    assert not (site.output / "allegati").exists()


def test_symbolic_link_leading_out_of_content_is_an_error(build, tmp_path):
    (tmp_path / "fuori.pdf").write_bytes(pdf(1))
    (tmp_path / "content" / "allegati").mkdir(parents=True)
    (tmp_path / "content" / "allegati" / "link.pdf").symlink_to(tmp_path / "fuori.pdf")
    site = build({"notizie/rotto.md": item(title="Rotto", attachments=["allegati/link.pdf"])})
    # stopped before anything is read (content_checks.check_links_first), naming the link
    assert_stopped(site, "allegati/link.pdf: collegamento simbolico che porta fuori da content/")
    assert not (site.output / "allegati").exists()


def test_errors_in_drafts_stop_the_build_too(build):
    site = build({"notizie/bozza.md": item(title="Bozza", status="draft",
                                           attachments=["allegati/manca.pdf"])})
    assert_stopped(site, "notizie/bozza.md", "allegati/manca.pdf")


def test_two_files_with_the_same_safe_url_are_an_error(build):
    site = build({
        "allegati/Verbale.pdf": pdf(1), "allegati/verbale.pdf": pdf(2),
        "notizie/a.md": item(title="A", attachments=["allegati/Verbale.pdf",
                                                      "allegati/verbale.pdf"]),
    })
    assert_stopped(site, "notizie/a.md", "stesso indirizzo allegati/verbale.pdf")


@pytest.mark.parametrize(("setting", "fragment"), [
    ("ATTACHMENTS_MAX_SIZE_MB = '20'", "ATTACHMENTS_MAX_SIZE_MB: must be a positive number"),
    ("ATTACHMENTS_URL = '{dirname}/{name}-{slug}.{ext}'", "ATTACHMENTS_URL: must be text"),
    ("ATTACHMENTS_SAVE_AS = '{dirname}/{slug}.{estensione}'", "ATTACHMENTS_SAVE_AS: must be"),
    ("ATTACHMENTS_PREVIEW_WIDTH = '240'", "ATTACHMENTS_PREVIEW_WIDTH: must be a whole number of pixels"),
])
def test_a_bad_setting_is_logged_and_its_default_used(build_once, setting, fragment):
    site = build_once(SITE, settings=setting + "\n")
    assert site.ok, site.log
    assert "Traceback" not in site.log and "CRITICAL" not in site.log
    assert re.search(rf"ERROR\s+{re.escape(fragment)}.*; using",
                     " ".join(site.log.split()))
    _, links = attachment_links(site, "/2024/05/presentazione-del-progetto-a-crema/")
    assert links[1]["href"] == f"{SITEURL}/{VERBALE_URL}"
    assert site.path(f"/{VERBALE_URL}").read_bytes() == VERBALE_PDF
    assert links[1].find("img")["width"] == "240"


# Settings under which SITE's attachments are very large (1 kB)
LOW_SIZE_LIMIT = "ATTACHMENTS_MAX_SIZE_MB = 0.001\n"


def test_large_file_is_a_warning_naming_the_file(build_once):
    site = build_once(SITE, settings=LOW_SIZE_LIMIT)
    assert site.ok, site.log
    assert re.search(r"WARNING\s+notizie/presentazione\.md:\d+: allegato molto grande:"
                     r" allegati/2024/presentazione\.pdf", " ".join(site.log.split()))
    # the limit in Italian, as the web editor's hint words it ("0.001 MB" before)
    assert "limite 0,001 MB)" in " ".join(site.log.split()), site.log


# A file of allegati/ linked in a text only, over the limit: the same warning as when
# declared, at the item linking it, in the build and in ./run check
LINKED_LARGE = {
    "allegati/2024/programma.pdf": pdf(12),
    "notizie/programma.md": item(title="Il programma della festa").replace(
        "Testo dell'articolo.", "Ecco il [programma]({static}/allegati/2024/programma.pdf)."),
}


def test_a_large_file_linked_in_the_text_is_a_warning_as_one_declared(build_once, tmp_path):
    site = build_once(LINKED_LARGE, settings=LOW_SIZE_LIMIT)
    assert site.ok, site.log
    assert site.path("/allegati/2024/programma.pdf").is_file()
    message = "notizie/programma.md: allegato molto grande: allegati/2024/programma.pdf ("
    assert re.search(r"WARNING\s+" + re.escape(message), " ".join(site.log.split())), site.log
    code, out, err = run_tool(tmp_path, "check", "--settings",
                              str(site.output.parent / "testconf.py"), "--content",
                              str(site.content))
    assert code == 0, out + err
    assert "content/notizie/programma.md: avviso: allegato molto grande:" \
        " allegati/2024/programma.pdf (" in " ".join(out.split()), out


# Large files of each kind: the way to make each smaller fits its kind ("esportando il PDF
# «per il web»" was advised for a ZIP, a presentation and a photo too)
LARGE_OF_EACH_KIND = {
    "allegati/verbale.pdf": pdf(1), "allegati/slide.pptx": samples.ooxml("pptx"),
    "allegati/relazione.odt": samples.odf("odt"), "allegati/foto.jpg": samples.photo(40, 30),
    "allegati/materiali.zip": samples.PLAIN_ZIP, "allegati/elenco.csv": samples.CSV,
    "notizie/materiali.md": item(title="I materiali dell'incontro", attachments=[
        "allegati/verbale.pdf", "allegati/slide.pptx", "allegati/relazione.odt",
        "allegati/foto.jpg", "allegati/materiali.zip", "allegati/elenco.csv"]),
}


def test_a_large_file_is_told_how_to_be_made_smaller_as_a_file_of_its_kind(tmp_path):
    write_content(tmp_path / "content", LARGE_OF_EACH_KIND)
    code, out, err = run_tool(tmp_path, "check", "--settings", str(write_conf(
        tmp_path, "ATTACHMENTS_MAX_SIZE_MB = 0.00002\n")), "--content", str(tmp_path / "content"))
    assert code == 0, out + err
    advised = dict(re.findall(r"allegato molto grande: (\S+) \([^)]*\): riducilo, per"
                              r" esempio (.+?) / large attachment", " ".join(out.split())))
    office = ("comprimendo le immagini che contiene (nel programma che lo ha salvato:"
              " «Comprimi immagini») o esportandolo in PDF «per il web»")
    assert advised == {
        "allegati/verbale.pdf": "esportando il PDF «per il web»",
        "allegati/slide.pptx": office, "allegati/relazione.odt": office,
        "allegati/foto.jpg": "rimpicciolendo l'immagine o salvandola in JPEG con una qualità"
                             " più bassa",
        "allegati/materiali.zip": "dividendo l'archivio in più archivi più piccoli o"
                                  " comprimendo le immagini che contiene",
        "allegati/elenco.csv": "dividendolo in più file più piccoli"}, out


# Two attachments of one item under one title: the page's two links read alike
SAME_TITLE = {
    "allegati/modulo-adulti.pdf": pdf(1), "allegati/modulo-ragazzi.pdf": pdf(2),
    "notizie/moduli.md": item(title="Iscrizioni", attachments=[
        {"file": "allegati/modulo-adulti.pdf", "title": "Modulo di iscrizione"},
        {"file": "allegati/modulo-ragazzi.pdf", "title": "modulo di iscrizione"}]),
}


def test_two_attachments_with_one_title_are_a_warning_at_the_second(build_once, tmp_path):
    """Two files of one article, each titled "Modulo di iscrizione": two links read
    "Modulo di iscrizione (PDF, …)" leading to different files, which a screen reader's
    list of links (and anyone scanning the page) cannot tell apart. Published, with a
    warning at the second entry's line, the same in ./run check."""
    site = build_once(SAME_TITLE)
    assert site.ok, site.log
    message = ("notizie/moduli.md:7: due allegati con lo stesso titolo (modulo di iscrizione),"
               " voci 1 e 2 di `attachments`")
    assert message in " ".join(site.log.split()), site.log
    code, out, err = run_tool(tmp_path, "check", "--settings", str(site.output.parent / "testconf.py"),
                              "--content", str(site.content))
    assert code == 0, out + err
    assert "content/" + message.replace(":7: ", ":7: avviso: ") in " ".join(out.split()), out


# -- the metadata cache -------------------------------------------------------------

def test_page_counts_are_read_once_per_file_content(build, tmp_path):
    own = own_attachments_cache(tmp_path)  # this test changes what its cache holds
    site = build(SITE, own)
    assert site.ok, site.log
    cache = tmp_path / "cache" / "attachments" / "metadata.json"
    data = json.loads(cache.read_text(encoding="utf-8"))
    digest = hashlib.sha256(PRESENTAZIONE).hexdigest()
    assert data["files"][digest]["pages"] == 12

    # A second build takes the count from the cache (it does not parse the PDF again)
    # and, having learned nothing new, does not rewrite the cache.
    data["files"][digest]["pages"] = 99
    cache.write_text(json.dumps(data), encoding="utf-8")
    written = cache.stat().st_mtime_ns
    site = build(SITE, own)
    assert site.ok, site.log
    assert "99\u00a0pagine" in site.text("/2024/05/presentazione-del-progetto-a-crema/")
    assert cache.stat().st_mtime_ns == written

    # Changed content: a new key, read afresh.
    site = build({**SITE, "allegati/2024/presentazione.pdf": pdf(5)}, own)
    assert "5\u00a0pagine" in site.text("/2024/05/presentazione-del-progetto-a-crema/")
    assert len(json.loads(cache.read_text(encoding="utf-8"))["files"]) == 3


# -- the project's own content ------------------------------------------------------

def test_crema_press_release_has_its_pdf_on_the_page_and_in_both_feeds(project_site):
    """The launch press release and its PDF, while they are the team's version
    (test_project_site.TEAM_VERSIONS; an editor may edit or remove them)."""
    import test_project_site as project  # noqa: PLC0415

    assert project_site.ok, project_site.log
    project.teams_or_skip(project_site, project.PRESS_SOURCE, project.PRESS_PDF)
    pdf_url = f"{SITEURL}/allegati/2024/comunicato-stampa-presentazione-crema.pdf"
    page = project_site.soup(
        "/2024/05/farelegami-presentato-a-crema-il-nuovo-progetto-di-welfare-di-comunita/")
    link = page.find("section", class_="attachments").find("a", class_="attachment-link")
    assert link["href"] == pdf_url
    assert re.fullmatch(r"Comunicato stampa – Presentazione di FareLegami a Crema"
                        r" \(PDF, \d+ kB, 2 pagine\)", " ".join(link.get_text().split()))
    written = project_site.path(pdf_url).read_bytes()
    assert written.startswith(b"%PDF") and len(written) < 60_000
    for url in ("/feeds/tutto.atom.xml", "/feeds/tutto.rss.xml"):
        entries = feedparser.parse(project_site.text(url)).entries
        crema = [e for e in entries if "Crema" in e.title and "presentato" in e.title][0]
        assert enclosures(crema) == [(pdf_url, len(written), "application/pdf")]
    assert pdf_url in project_site.text("/documenti/")


def test_a_rebuilt_attachment_replaces_its_file_never_writes_into_it(build, tmp_path):
    """Releases share files by hard links (tools/previous_release.py's ``_share``): an
    attachment and its preview written into the file already at their path (shutil's
    copyfile, in place) changed that file in every release sharing it. A build writing
    over an output (DELETE_OUTPUT_DIRECTORY is off) replaces each file whole."""
    files = {"allegati/bando.pdf": pdf(2),
             "notizie/bando.md": item(title="Bando", attachments=["allegati/bando.pdf"])}
    site = build(files)
    assert site.ok, site.log
    shared = tmp_path / "release"
    shared.mkdir()
    # the document and its preview (a cache's entry, of the new document's pages after)
    paths = {name: site.path(name).read_bytes()
             for name in ("/allegati/bando.pdf", "/allegati/bando-anteprima.webp")}
    assert paths["/allegati/bando.pdf"] == pdf(2)
    for number, name in enumerate(paths):
        os.link(site.path(name), shared / str(number))
    # the document replaced by one of landscape pages: another preview too
    landscape = pdf(3, width=842, height=595)
    site = build({**files, "allegati/bando.pdf": landscape})
    assert site.ok, site.log
    assert site.path("/allegati/bando.pdf").read_bytes() == landscape
    assert site.path("/allegati/bando-anteprima.webp").read_bytes() != paths[
        "/allegati/bando-anteprima.webp"]
    for number, (name, data) in enumerate(paths.items()):
        assert (shared / str(number)).read_bytes() == data, name
