"""Site search (plugins/search): real builds, read through Pagefind's own output.

The bundle's fragments (one per indexed page or document: URL, text, metadata,
filters) say exactly what the index holds; the browser tests
(test_search_browser.py) search it for real.
"""

import logging
import os
import re
import sys

import pytest
import yaml

import samples
from plugins.search import bundle, feeding, marked_body, settings as search_settings
from plugins.search.fragments import fragments
from support import OWN_SEARCH_CACHE, ROOT, SITEURL, article, write_conf, write_content

sys.path.insert(0, str(ROOT))
from tools import safe_build  # noqa: E402


def item(title, date="2024-05-05 17:07", body="Testo.", attachments=(), **keys):
    """Markdown with YAML front matter (attachments as real YAML)."""
    meta = {key: value for key, value in {"title": title, "date": date, **keys}.items()
            if value is not None}
    if attachments:
        meta["attachments"] = list(attachments)
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + body


CERAMICA = "/2024/05/laboratorio-di-ceramica-a-crema/"
PRESENTAZIONE = "/2024/04/presentazione-del-progetto/"
SPORTELLO = "/2024/03/sportello-aperto-il-martedi/"
CHI_SIAMO = "/chi-siamo/"
REGOLAMENTO = "/allegati/regolamento-dei-laboratori.pdf"
COMUNICATO = "/allegati/comunicato.pdf"
SCANSIONE = "allegati/scansione.pdf"
SITE = {
    "allegati/Regolamento dei laboratori.pdf": samples.text_pdf(
        "Regolamento dei laboratori di comunità", "Chi porta la zanzariera si iscrive entro maggio."),
    "allegati/comunicato.pdf": samples.text_pdf("Comunicato: nasce il capodoglio di quartiere."),
    SCANSIONE: samples.scanned_pdf(),
    "allegati/bozza.pdf": samples.text_pdf("Documento riservato: babbuino."),
    "notizie/ceramica.md": item(
        "Laboratorio di ceramica a Crema",
        body="Il laboratorio di ceramica riapre a settembre: portate una girandola.",
        tags=["Volontariato", "Cura dell’ambiente"],
        attachments=[{"file": "allegati/Regolamento dei laboratori.pdf",
                      "title": "Regolamento dei laboratori", "description": "Orari e iscrizioni."}]),
    "immagini/sala.jpg": samples.photo(400, 300),
    "comunicati-stampa/presentazione.md": item(
        "Presentazione del progetto", date="2024-04-10 10:00",
        body="FareLegami si presenta alla città.",
        image="immagini/sala.jpg", image_alt="La sala consiliare del Comune",
        attachments=[{"file": "allegati/comunicato.pdf", "title": "Testo del comunicato"},
                     {"file": SCANSIONE, "title": "Locandina"}]),
    "avvisi/sportello.md": item("Sportello aperto il martedì", date="2024-03-01 09:00",
                                body="Lo sportello apre anche il martedì[^1] mattina.\n\n"
                                     "[^1]: Tranne ad agosto."),
    "notizie/bozza.md": item("Una bozza", body="Parola segreta: ornitorinco.", status="draft",
                             attachments=["allegati/bozza.pdf"]),
    "notizie/futuro.md": item("Dal futuro", date="2999-01-01 10:00", body="Arriva il pellicano."),
    "notizie/nascosto.md": item("Nascosto", body="Un armadillo nascosto.", status="hidden"),
    "pages/chi-siamo.md": item("Chi siamo", date=None, body="Una rete di volontari e una mongolfiera."),
}
PUBLISHED = {CERAMICA, PRESENTAZIONE, SPORTELLO, CHI_SIAMO, REGOLAMENTO, COMUNICATO}


def indexed(site):
    return {entry["url"]: entry for entry in fragments(site.output / "pagefind")}


@pytest.fixture
def site(build_once):
    built = build_once(SITE)
    assert built.ok, built.log
    return built


# -- what is indexed ------------------------------------------------------------------------

def test_only_published_articles_pages_and_pdf_texts_are_indexed(site):
    entries = indexed(site)
    assert set(entries) == PUBLISHED
    everything = " ".join(entry["content"] for entry in entries.values())
    for word in ("ornitorinco", "babbuino", "pellicano", "armadillo", "trovata", "Documenti"):
        assert word not in everything  # drafts, their files, future and hidden items, 404, lists


def test_an_article_is_its_text_with_title_date_and_category(site):
    entry = indexed(site)[CERAMICA]
    assert entry["meta"] == {"title": "Laboratorio di ceramica a Crema",
                             "data": "5 maggio 2024", "date": "2024-05-05T17:07:00+02:00",
                             "categoria": "Notizie",
                             "argomenti": "Volontariato, Cura dell'ambiente"}
    assert entry["filters"] == {"categoria": ["Notizie"]}
    # the title is the result's, not its text: every excerpt began by repeating it
    assert entry["content"].startswith("Il laboratorio di ceramica riapre a settembre:")
    assert "Crema" not in entry["content"]
    # nor are its tags, sentences of its text ("…girandola. Volontariato. Cura…"): searched
    # as metadata too (argomenti; the elision split, as in the text)
    assert "Volontariato" not in entry["content"] and "ambiente" not in entry["content"]
    assert "portate una girandola" in entry["content"]
    # navigation, breadcrumb, the meta line and the header's search field are not text
    for noise in ("Home", "Pubblicato", "Tempo di lettura", "Cerca nel sito", "Il progetto",
                  "Capofila"):
        assert noise not in entry["content"]


def test_pagefind_given_only_the_marked_element_indexes_what_it_indexes_from_the_page(
        project_site, tmp_path, monkeypatch):
    """marked_body.indexed_html: Pagefind is sent the page's ``<html>`` tag, title and
    ``data-pagefind-body`` element, not the whole page: the project's pages (articles,
    pages with tables, images, attachments) index exactly as they do whole."""
    pages = [bundle.Page("/" + path.parent.relative_to(project_site.output).as_posix() + "/",
                         str(path)) for path in sorted(project_site.output.rglob("index.html"))]
    marked = [page for page in pages if len(marked_body.indexed_html(read(page.path)))
              < len(read(page.path)) / 2]
    assert marked  # the project's articles and pages, at most half as long
    bundle.build_bundle(tmp_path / "slim", marked)

    def whole(html):
        return html

    monkeypatch.setattr(feeding, "indexed_html", whole)
    bundle.build_bundle(tmp_path / "whole", marked)
    slim, full = ({entry["url"]: entry for entry in fragments(tmp_path / name / "pagefind")}
                  for name in ("slim", "whole"))
    assert slim == full and len(slim) == len(marked)


def test_a_page_is_given_whole_when_the_marked_element_is_in_doubt():
    body = '<article data-pagefind-body><h1>T</h1><article>Inner</article><p>Testo</p></article>'
    page = f'<html lang="it"><head><title>T</title><style></style></head><body><nav>M</nav>{body}</body></html>'
    assert marked_body.indexed_html(page) == ('<!DOCTYPE html><html lang="it"><head><meta charset="utf-8">'
                                         f"<title>T</title></head><body>{body}</body></html>")
    for doubtful in (page.replace("</article></body>", "</body>"),  # not closed
                     page.replace("<nav>", '<nav data-pagefind-filter="x">'),  # outside it
                     page.replace("<nav>M</nav>", '<div data-pagefind-body>M</div>'),  # two
                     page.replace("<nav>M</nav>", '<div DATA-PAGEFIND-BODY>M</div>'),  # two
                     page.replace("</article></body>",  # two, the second after the first
                                  "</article><p data-pagefind-body>P</p></body>"),
                     page.replace("<nav>", '<nav data-pagefind-meta="x">'),
                     "<html><body><p>Nothing marked</p></body></html>"):
        assert marked_body.indexed_html(doubtful) == doubtful
    # The marked tag is found as a search from the page's start would find it: from the
    # first "<" that opens it, whatever comes between it and the attribute.
    for marked in ('<article class="a <b" data-pagefind-body>', "<ARTICLE Data-Pagefind-Body>"):
        odd_body = body.replace("<article data-pagefind-body>", marked)
        odd = page.replace(body, odd_body)
        assert marked_body.indexed_html(odd).endswith(f"<body>{odd_body}</body></html>")


def read(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def test_a_footnotes_marks_are_not_text_its_note_is(site):
    """A result's excerpt showed a footnote's number as a word of the sentence ("apre anche
    il martedì 1 mattina") and the arrow of its link back ("Tranne ad agosto. ↩")."""
    content = indexed(site)[SPORTELLO]["content"]
    assert "il martedì mattina." in content and "Tranne ad agosto." in content
    assert "↩" not in content and "1" not in content


def test_an_articles_notes_have_a_heading_that_is_not_searched(site):
    """Python-Markdown's notes came at the end of a body as a rule and a numbered list:
    a screen reader moving by headings could not find them, a sighted reader saw no name
    for them. They have a heading "Note" (h2: the body's sections are h2, the title h1),
    once, after the rule and before the notes; a body without notes has none. The heading
    is not the page's text for the search (a search for "note" found every page with
    notes), as the attachments' "Allegati"."""
    body = site.soup(SPORTELLO).select_one(".article-body")
    headings = body.find_all(re.compile(r"^h[1-6]$"))
    assert [(h.name, h.get_text()) for h in headings] == [("h2", "Note")]
    notes = body.select_one("div.footnote")
    assert headings[0].parent is notes and not headings[0].has_attr("id")
    assert [child.name for child in notes.find_all(recursive=False)] == ["hr", "h2", "ol"]
    assert notes.select_one("ol li").get_text(strip=True).startswith("Tranne ad agosto.")
    for url in (CERAMICA, PRESENTAZIONE, CHI_SIAMO):
        page = site.soup(url)
        assert not page.select(".footnote, .footnote-titolo"), url
        assert "Note" not in [h.get_text() for h in page.find_all("h2")], url
    assert "Note" not in indexed(site)[SPORTELLO]["content"]


def test_an_articles_attachments_are_its_text_each_title_ending_as_a_sentence(site):
    """An article's excerpt ran an attachment's title into its description ("…Regolamento
    dei laboratori Orari e iscrizioni"): Pagefind ends a paragraph or an item as a
    sentence, not a link's text. Both stay text of the article: a document without a
    record of its own (a scan, "Locandina") is found by its title through its article, and
    a word of a description finds the article and the document's record."""
    entries = indexed(site)
    assert "settembre: portate una girandola. Regolamento dei laboratori. Orari e iscrizioni." \
        in entries[CERAMICA]["content"]
    assert entries[PRESENTAZIONE]["content"].endswith(
        "FareLegami si presenta alla città. Testo del comunicato. Locandina.")
    assert "(PDF" not in entries[CERAMICA]["content"]  # the type and size are not text
    assert "Orari e iscrizioni." in entries[REGOLAMENTO]["content"]


def test_a_page_has_its_title_and_no_category(site):
    entry = indexed(site)[CHI_SIAMO]
    assert entry["meta"] == {"title": "Chi siamo"}
    assert entry["filters"] == {}
    assert entry["content"] == "Una rete di volontari e una mongolfiera."  # not the title


def test_a_pdf_is_a_document_of_its_article_with_its_text(site):
    entries = indexed(site)
    regolamento = entries[REGOLAMENTO]
    assert regolamento["meta"] == {
        "title": "Regolamento dei laboratori", "tipo": "PDF",
        "info": f"PDF, {round(len(SITE['allegati/Regolamento dei laboratori.pdf']) / 1000)}\u00a0kB,"
                " 2\u00a0pagine",
        "origine": "dalla notizia", "articolo": "Laboratorio di ceramica a Crema",
        "articolo_url": CERAMICA.lstrip("/"), "data": "5 maggio 2024",
        "date": "2024-05-05T17:07:00+02:00", "categoria": "Notizie"}
    assert regolamento["filters"] == {"categoria": ["Notizie"], "tipo": ["PDF"]}
    # the title is the result's, not its text (as a page's <h1>); the description a
    # sentence of its own, not run into the PDF's first line
    assert regolamento["content"].startswith("Orari e iscrizioni. Regolamento dei laboratori"
                                             " di comunità")
    assert "Chi porta la zanzariera si iscrive entro maggio." in regolamento["content"]
    comunicato = entries[COMUNICATO]
    assert comunicato["meta"]["origine"] == "dal comunicato"
    assert comunicato["filters"] == {"categoria": ["Comunicati stampa"], "tipo": ["PDF"]}
    assert "capodoglio" in comunicato["content"]
    assert site.exists(REGOLAMENTO) and site.exists(COMUNICATO)


PAGINE = ("Primo incontro: il quartiere si racconta.\nPortate una fotografia.",
          "Secondo incontro: la merenda in cortile.\nServono volontari.",
          "Terzo incontro: la festa finale.\nTutti sono invitati.")
RUNNING = {
    "allegati/programma.pdf": samples.text_pdf(*PAGINE, header="FareLegami – Comunicato stampa",
                                               footer="Pagina {page} di {pages}"),
    "allegati/volantino.pdf": samples.text_pdf(
        "FareLegami – Comunicato stampa\nIl volantino della festa.\nPagina 1 di 1"),
    "comunicati-stampa/incontri.md": item(
        "Tre incontri nel quartiere", body="Il programma degli incontri.",
        attachments=[{"file": "allegati/programma.pdf", "title": "Programma degli incontri"},
                     {"file": "allegati/volantino.pdf", "title": "Volantino"}]),
}


def test_a_pdfs_running_header_is_text_once_its_page_numbers_never(build_once):
    """A PDF's running header and footer were text on every page: its excerpts read
    "…Portate una fotografia. Pagina 1 di 3 FareLegami – Comunicato stampa Secondo
    incontro…", and a word of the header matched it once per page. A PDF of one page
    keeps every line."""
    site = build_once(RUNNING)
    assert site.ok, site.log
    entries = indexed(site)
    assert entries["/allegati/programma.pdf"]["content"] == (
        "FareLegami – Comunicato stampa Primo incontro: il quartiere si racconta. Portate una"
        " fotografia. Secondo incontro: la merenda in cortile. Servono volontari. Terzo"
        " incontro: la festa finale. Tutti sono invitati.")
    assert entries["/allegati/volantino.pdf"]["content"] == (
        "FareLegami – Comunicato stampa Il volantino della festa. Pagina 1 di 1")
    assert entries["/allegati/programma.pdf"]["meta"]["info"].endswith(", 3\u00a0pagine")


def test_every_metadata_field_but_the_title_is_one_the_search_page_does_not_match(site):
    """Pagefind 1.5 searches metadata too: the search page lists the fields that are not
    text (cerca.js, NOT_TEXT) and keeps results found only there out, and those that are
    (TEXT_META: the title and the tags, which are not indexed text). A field added to a template or
    a record must be added to one of the lists, or it becomes searchable."""
    script = (ROOT / "theme" / "static" / "js" / "cerca.js").read_text(encoding="utf-8")

    def listed(name):
        found = re.search(rf"const {name} = \[([^\]]*)\]", script)
        return set(re.findall(r'"([a-z_]+)"', found.group(1)))

    fields = {key for entry in indexed(site).values() for key in entry["meta"]}
    assert listed("TEXT_META") == {"title", "argomenti"}
    assert fields - listed("TEXT_META") == listed("NOT_TEXT")


def test_a_scanned_pdf_is_published_and_listed_not_indexed_and_named_once(build_once):
    site = build_once(SITE, OWN_SEARCH_CACHE)  # the warning of the first reading
    assert site.exists("/" + SCANSIONE)
    assert "/" + SCANSIONE in site.text("/documenti/")
    assert "/" + SCANSIONE not in indexed(site)
    lines = [line for line in site.log.splitlines() if "PDF non indicizzato" in line]
    assert len(lines) == 1 and SCANSIONE in lines[0] and "scansione" in lines[0]


def test_the_bundle_is_complete_without_the_prebuilt_uis(site):
    folder = site.output / "pagefind"
    names = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert {"pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "wasm.it.pagefind"} <= names
    assert not [name for name in names if name.startswith(("pagefind-ui", "pagefind-component",
                                                           "pagefind-modular", "pagefind-high"))]
    assert all((folder / name).stat().st_size > 0 for name in names)
    assert len([name for name in names if name.endswith(".pf_meta")]) == 1
    assert not list(site.output.glob(".pagefind-*"))  # no temporary folder left
    assert not (site.output.parent / "pagefind").exists()  # nothing in the working folder


# -- the search page and the header's field ----------------------------------------------------

def test_search_page_is_a_form_that_needs_javascript_and_says_so(site):
    soup = site.soup("/cerca/")
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    note = soup.find(id="cerca-nojs")
    assert " ".join(note.get_text().split()) == ("La ricerca richiede JavaScript: puoi sfogliare"
                                                  " l’archivio, le categorie o gli argomenti.")
    # every way to browse the site without searching, each a page the build wrote
    links = [a["href"] for a in note.find_all("a")]
    assert links == [f"{SITEURL}/archivio/", f"{SITEURL}/categorie/", f"{SITEURL}/argomenti/"]
    for link in links:
        assert site.soup(link.removeprefix(SITEURL)).find("h1")
    ui = soup.find(id="cerca")
    assert ui.has_attr("hidden") and ui["data-bundle"] == f"{SITEURL}/pagefind/"
    form = ui.find("form")
    assert (form["action"], form["method"], form["role"]) == (f"{SITEURL}/cerca/", "get", "search")
    assert soup.find("label", attrs={"for": "cerca-q"}) and form.find("input", id="cerca-q")["name"] == "q"
    # the category: radio buttons in a fieldset named by its legend ("Tutte le categorie",
    # chosen; cerca.js adds the index's categories)
    group = form.find("fieldset", id="cerca-categoria")
    assert group.legend.get_text() == "Categoria"
    assert [(label.get_text(), label.input["type"], label.input["name"], label.input["value"],
             label.input.has_attr("checked")) for label in group.find_all("label")] == [
        ("Tutte le categorie", "radio", "categoria", "", True)]
    assert ui.find(id="cerca-stato")["role"] == "status"
    scripts = soup.find_all("script", src=True)  # JSON-LD is data, not a script
    assert [s.get("type") for s in scripts] == ["module"]
    assert re.fullmatch(rf"{SITEURL}/theme/js/cerca\.[0-9a-f]{{10}}\.js", scripts[0]["src"])
    # its styles travel in the site's one stylesheet (ASSETS_BUNDLES css/site.css)
    assert [link["href"] for link in soup.select('link[rel="stylesheet"]')] == [
        next(link["href"] for link in soup.select('link[rel="stylesheet"]'))]
    assert not soup.find(class_="site-search")  # the header's field: not on the search page


def test_pages_have_no_inline_scripts_or_styles(site):
    for url in ("/cerca/", CERAMICA, CHI_SIAMO, "/"):
        soup = site.soup(url)
        assert not [s for s in soup.find_all("script") if not s.get("src")
                    and s.get("type") != "application/ld+json"], url  # data, never run
        assert not soup.find_all(style=True) and not soup.find_all("style"), url


def test_every_page_has_a_search_field_in_its_header(site):
    for url in ("/", CERAMICA, CHI_SIAMO, "/archivio/", "/404.html"):
        form = site.soup(url).find("header", class_="site-header").find("form")
        assert (form["role"], form["action"], form["method"]) == ("search", f"{SITEURL}/cerca/",
                                                                  "get"), url
        field = form.find("input")
        assert field["name"] == "q" and field["type"] == "search"
        assert form.find("label", attrs={"for": field["id"]}).get_text() == "Cerca nel sito"
        assert form.find("button").get_text() == "Cerca"


def test_sitemap_leaves_out_the_search_page(site):
    sitemap = site.text("/sitemap.xml")
    assert CERAMICA in sitemap and "/cerca/" not in sitemap


# -- settings -------------------------------------------------------------------------------

def test_without_search_there_is_no_index_page_or_field(build):
    built = build(SITE, "SEARCH_ENABLED = False\n")
    assert built.ok, built.log
    assert not (built.output / "pagefind").exists()
    assert not built.exists("/cerca/")
    assert not built.soup("/").find(class_="site-search")


@pytest.mark.parametrize(("name", "value"), [
    ("SEARCH_ENABLED", "yes"), ("SEARCH_PDF_MAX_CHARS", 10), ("SEARCH_PDF_MAX_CHARS", True),
    ("SEARCH_TIMEOUT", 0), ("SEARCH_LANGUAGE", "italiano"), ("SEARCH_PAGEFIND_BINARY", ""),
    ("SEARCH_SOURCE_LABELS", {"notizie": 3}),
])
def test_bad_settings_are_named_and_replaced(caplog, name, value):
    config = {"CACHE_PATH": "/tmp/c", "DEFAULT_LANG": "it", name: value}
    with caplog.at_level(logging.ERROR, logger="plugins.core.settings"):
        search_settings.install(config)
    assert [record.getMessage().split(":")[0] for record in caplog.records] == [name]
    # SEARCH_LANGUAGE's default, None, is the site's language
    assert config[name] == search_settings.DEFAULTS[name] or (
        name, config[name]) == ("SEARCH_LANGUAGE", "it")


@pytest.mark.parametrize(("site", "given", "language"), [
    ("it", None, "it"), ("en", None, "en"), ("pt-BR", None, "pt"), ("en", "it", "it"),
])
def test_the_index_is_in_the_site_s_language_unless_set(site, given, language):
    """Pagefind stems the words in SEARCH_LANGUAGE: by default the site's, DEFAULT_LANG
    (it was "it" whatever the site's language)."""
    config = {"CACHE_PATH": "/tmp/c", "DEFAULT_LANG": site, "SEARCH_LANGUAGE": given}
    assert search_settings.install(config)["SEARCH_LANGUAGE"] == language


def test_good_settings_pass():
    assert search_settings.check(dict(search_settings.DEFAULTS)) == []


# -- failures: the build fails, no index is left, the previous site is kept ---------------------

SMALL = {"notizie/a.md": article(title="Un articolo", body="Testo di prova.")}


def failing_binary(tmp_path):
    """A stand-in for pagefind that fails at once (bundle failures: test_search_bundle.py)."""
    path = tmp_path / "pagefind-fails"
    path.write_text("#!/bin/sh\necho 'pagefind: cannot start the index' >&2\nexit 1\n")
    path.chmod(0o755)
    return path


def test_a_rebuild_replaces_the_index_reads_no_pdf_twice_a_failure_removes_it(build, tmp_path):
    files = {**SMALL, SCANSIONE: samples.scanned_pdf(),
             "allegati/uno.pdf": samples.text_pdf("Primo documento: fenicottero."),
             "notizie/b.md": item("Con documenti", attachments=["allegati/uno.pdf", SCANSIONE])}
    first = build(files, OWN_SEARCH_CACHE)
    assert first.ok, first.log
    assert "PDF non indicizzato" in first.log
    write_content(first.content, {"notizie/c.md": article(title="Un altro", body="Gabbiano.")})
    second = build({}, OWN_SEARCH_CACHE)  # the same folders: output and cache kept
    assert second.ok, second.log
    assert "PDF non indicizzato" not in second.log  # known from the cache: info level only
    entries = indexed(second)
    assert "/2024/05/un-altro/" in entries and "/allegati/uno.pdf" in entries
    metas = list((second.output / "pagefind").glob("*.pf_meta"))
    assert len(metas) == 1  # the old index's files are gone

    failing = OWN_SEARCH_CACHE + f"SEARCH_PAGEFIND_BINARY = {str(failing_binary(tmp_path))!r}\n"
    again = build({}, failing)
    assert again.ok, again.log  # nothing changed: the kept bundle, pagefind not even run
    write_content(first.content, {"notizie/d.md": article(title="Nuovo", body="Airone.")})
    failed = build({}, failing)
    assert failed.returncode == 1
    assert ("CRITICAL SearchIndexError: Search index: pagefind ended unexpectedly; it said:"
            " pagefind: cannot start the index") in " ".join(failed.log.split())
    assert "Traceback" not in failed.log
    assert not (failed.output / "pagefind").exists()  # the old index would not match the pages


def test_a_build_whose_index_fails_never_replaces_the_site(tmp_path):
    content, output = tmp_path / "content", tmp_path / "output"
    write_content(content, SMALL)
    output.mkdir()
    (output / "index.html").write_text("il sito di prima")
    conf = write_conf(tmp_path, OWN_SEARCH_CACHE  # a kept bundle would spare pagefind
                      + f"SEARCH_PAGEFIND_BINARY = {str(failing_binary(tmp_path))!r}\n")
    assert safe_build.build_into(conf, output, content=content) is False
    assert (output / "index.html").read_text() == "il sito di prima"
    assert not [name for name in os.listdir(tmp_path) if name.startswith(".output")]


def test_elisions_are_split_in_the_text_pagefind_reads_never_in_its_tags():
    """...but in the title given as metadata, which is searched as the page's text (the
    <h1> is not indexed): "orto" did not find «L’orto condiviso» by its title."""
    from plugins.search.elisions import split_elisions  # noqa: PLC0415

    html = ('<h1 data-pagefind-meta="title:L’orto dell’anno" title="l’a">'
            "L’orto dell’anno</h1><p>po’ di ’80</p>")
    assert split_elisions(html) == ('<h1 data-pagefind-meta="title:L\'orto dell\'anno"'
                                    " title=\"l’a\">L'orto dell'anno</h1><p>po’ di ’80</p>")
    assert split_elisions("niente") == "niente"
    # markup right after the apostrophe ("dell’*ecomuseo*", "nell’[informativa](…)"): the
    # word after it was indexed glued to the article, and found only typed whole
    assert split_elisions('<p>dell’<em>ecomuseo</em> e nell’<a href="/x/">informativa</a>'
                          '</p>') == \
        '<p>dell\'<em>ecomuseo</em> e nell\'<a href="/x/">informativa</a></p>'
