"""Unit tests for plugins/attachments: the small functions, without a build."""

import hashlib
import json
import sys
import time
from datetime import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from pelican.contents import Page
from pelican.settings import DEFAULT_CONFIG

from plugins.attachments import previews, render
from plugins.attachments import settings as config
from plugins.attachments.documents import documents
from plugins.attachments.feeds import attachments_list
from plugins.core.urls import site_address
from plugins.attachments.model import (
    Attachment, Declaration, clean_path, expand, kind_of, mime_type, pages_text,
    parse_declarations, size_text, url_fields,
)
from plugins.core.urls import feed_item_link as item_link
from plugins.attachments.pdfinfo import (
    ENCRYPTED, UNREADABLE, MetadataCache, read_pdf, shortcomings,
)
from plugins.core.text import title_from_name
from plugins.italian.slugs import slug_substitutions
import samples
from samples import pdf

ROME = ZoneInfo("Europe/Rome")


# -- parse_declarations -------------------------------------------------------------

def test_declarations_from_yaml_mappings_and_bare_paths():
    value = [{"file": "allegati/a.pdf", "title": "A", "description": "Testo"}, "allegati/b.pdf"]
    assert parse_declarations(value) == ([
        Declaration("allegati/a.pdf", "A", "Testo"), Declaration("allegati/b.pdf")], [])


def test_declarations_from_native_header_text():
    assert parse_declarations("allegati/a.pdf, allegati/b c.pdf") == ([
        Declaration("allegati/a.pdf"), Declaration("allegati/b c.pdf")], [])


def test_a_single_mapping_is_one_declaration():
    assert parse_declarations({"file": "allegati/a.pdf"}) == ([Declaration("allegati/a.pdf")], [])


def test_each_declaration_knows_its_place_in_the_list():
    declarations, _ = parse_declarations([{"title": "Senza file"}, "allegati/a.pdf",
                                          {"file": "allegati/b.pdf"}])
    assert [(d.file, d.position) for d in declarations] == [("allegati/a.pdf", 2),
                                                             ("allegati/b.pdf", 3)]


@pytest.mark.parametrize(("value", "fragment", "position"), [
    ([{"title": "Senza file"}], "non ha `file`", 1),
    (["allegati/a.pdf", {"file": "allegati/b.pdf", "titolo": "x"}],
     "chiavi sconosciute (titolo)", 2),
    ([42], "non è un percorso", 1),
    (42, "deve essere un elenco", None),
])
def test_malformed_declarations_are_problems_of_their_entry(value, fragment, position):
    _, problems = parse_declarations(value)
    assert len(problems) == 1 and fragment in problems[0][1]
    assert problems[0][0] == position


def test_an_entrys_keys_are_defined_once_in_the_contract(monkeypatch):
    """The list's key and an entry's keys are the contract's (attachments requires it),
    which places a line written at the margin under ``- file:`` by them: two copies of
    them (model.py's, layout_causes.py's) could tell two stories. The unknown-keys message
    lists them as the contract has them."""
    from plugins.attachments import model
    from plugins.contract import key_groups, key_slips, layout_causes
    assert model.FIELD is key_groups.ATTACHMENTS
    assert model.ENTRY_KEYS is layout_causes.ENTRY_KEYS is key_slips.ENTRY_KEYS \
        is key_groups.ENTRY_KEYS
    monkeypatch.setattr(model, "ENTRY_KEYS", (*key_groups.ENTRY_KEYS, "alt"))
    declared, problems = parse_declarations([{"file": "allegati/a.pdf", "alt": "x",
                                              "titolo": "y"}])
    assert [declaration.file for declaration in declared] == ["allegati/a.pdf"]
    assert "chiavi sconosciute (titolo): usa file, title, description, alt /" in problems[0][1]


def test_nothing_declared():
    assert parse_declarations(None) == ([], [])


# -- paths and URLs -----------------------------------------------------------------

@pytest.mark.parametrize(("written", "expected"), [
    ("allegati/a.pdf", "allegati/a.pdf"),
    ("/allegati/2024/a.pdf", "allegati/2024/a.pdf"),
    ("{static}/allegati/a.pdf", "allegati/a.pdf"),
    ("allegati/./x/../a.pdf", "allegati/a.pdf"),
])
def test_clean_path_accepts_paths_under_the_folder(written, expected):
    assert clean_path(written, "allegati") == (expected, None)


@pytest.mark.parametrize(("written", "fragment"), [
    ("../segreti.pdf", "fuori da content/"),
    ("allegati/../../segreti.pdf", "fuori da content/"),
    ("C:/documenti/a.pdf", "file del tuo computer"),
    ("immagini/a.pdf", "cartella allegati/"),
    ("allegati", "cartella allegati/"),
])
def test_clean_path_refuses_paths_outside(written, fragment):
    _, problem = clean_path(written, "allegati")
    assert fragment in problem and written in problem and "`attachments`" in problem


def test_url_fields_are_slugified_like_the_site():
    assert url_fields("allegati/Anno 2024/Perché l'Unione è Città.PDF",
                      slug_substitutions()) == {
        "dirname": "allegati/anno-2024", "slug": "perche-l-unione-e-citta", "ext": "pdf"}


def test_expand_fills_the_pattern():
    subs = slug_substitutions()
    assert expand("{dirname}/{slug}.{ext}", "allegati/Verbale riunione città.pdf", subs) == \
        "allegati/verbale-riunione-citta.pdf"
    assert expand("{dirname}/{slug}.{ext}", "allegati/LEGGIMI", subs) == "allegati/leggimi"
    assert expand("documenti/{slug}.{ext}", "allegati/x/!!.pdf", subs) == "documenti/file.pdf"
    assert expand("{dirname}/{slug}-anteprima.webp", "allegati/A b.pdf", subs) == \
        "allegati/a-b-anteprima.webp"


@pytest.mark.parametrize(("name", "title"), [
    ("allegati/Verbale riunione città.pdf", "Verbale riunione città"),
    ("allegati/bilancio_sociale-2024.pdf", "Bilancio sociale 2024"),
    ("allegati/2024/comunicato-stampa.v2.pdf", "Comunicato stampa.v2"),
    ("allegati/LEGGIMI", "LEGGIMI"),
])
def test_readable_title_from_the_file_name(name, title):
    assert title_from_name(name, strip_extension=True) == title


@pytest.mark.parametrize(("name", "kind", "mime"), [
    ("a.pdf", "PDF", "application/pdf"),
    ("a.PDF", "PDF", "application/pdf"),
    ("a.docx", "DOCX",
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("a.odt", "ODT", "application/vnd.oasis.opendocument.text"),
    ("LEGGIMI", "File", "application/octet-stream"),
])
def test_kind_and_mime_type(name, kind, mime):
    assert (kind_of(name), mime_type(name)) == (kind, mime)


# -- Italian texts ------------------------------------------------------------------

@pytest.mark.parametrize(("size", "text"), [
    (0, "0\u00a0byte"),
    (999, "999\u00a0byte"),
    (1000, "1\u00a0kB"),
    (245_000, "245\u00a0kB"),
    (245_499, "245\u00a0kB"),
    (999_400, "999\u00a0kB"),
    (999_600, "1\u00a0MB"),
    (1_200_000, "1,2\u00a0MB"),
    (1_250_001, "1,3\u00a0MB"),
    (20_000_000, "20\u00a0MB"),
    (12_345_678_901, "12,3\u00a0GB"),
])
def test_size_text_in_italian_decimal_units(size, text):
    assert size_text(size) == text


@pytest.mark.parametrize(("pages", "text"), [
    (1, "1\u00a0pagina"), (2, "2\u00a0pagine"), (1234, "1234\u00a0pagine"), (12500, "12.500\u00a0pagine")])
def test_pages_text(pages, text):
    assert pages_text(pages) == text


def test_attachment_label_says_what_the_reader_gets():
    attachment = Attachment(source="allegati/p.pdf", title="Presentazione del progetto",
                            description="", url="allegati/p.pdf", save_as="allegati/p.pdf",
                            size=245_000, pages=12)
    assert attachment.label == "Presentazione del progetto (PDF, 245\u00a0kB, 12\u00a0pagine)"
    assert attachment.filename == "p.pdf"
    assert attachment.absolute_url("https://x.org/") == "https://x.org/allegati/p.pdf"
    other = Attachment(source="allegati/m.docx", title="Modulo", description="",
                       url="allegati/m.docx", save_as="allegati/m.docx", size=30_000)
    assert other.label == "Modulo (DOCX, 30\u00a0kB)"
    scan = Attachment(source="allegati/s.pdf", title="Verbale firmato", description="",
                      url="allegati/s.pdf", save_as="allegati/s.pdf", size=1_200_000, pages=3,
                      images_only=True)
    assert scan.label == "Verbale firmato (PDF, 1,2\u00a0MB, 3\u00a0pagine, immagini senza testo)"


# -- reading PDFs and the cache -----------------------------------------------------

def test_read_pdf(tmp_path):
    lacking = {"tagged": False, "titled": False, "title_shown": False, "lang": False}
    cases = {"ok.pdf": (pdf(12), {"pages": 12, **lacking, "text": False, "images": False}),
             # restrictions only: readable
             "open.pdf": (pdf(2, password=""), {"pages": 2, **lacking, "text": False,
                                                "images": False}),
             "tagged.pdf": (samples.text_pdf("Con tag", tagged=True),
                            {"pages": 1, **lacking, "tagged": True, "text": True,
                             "images": False}),
             "accessible.pdf": (samples.accessible_pdf("Con tag", owner_password="x"),
                                {"pages": 1, "tagged": True, "titled": True,
                                 "title_shown": True, "lang": True, "text": True,
                                 "images": False}),
             "scan.pdf": (samples.scanned_pdf(), {"pages": 2, **lacking, "text": False,
                                                  "images": True})}
    for name, (data, expected) in cases.items():
        (tmp_path / name).write_bytes(data)
        assert read_pdf(tmp_path / name) == expected, name
    (tmp_path / "locked.pdf").write_bytes(pdf(2, password="segreto"))
    assert read_pdf(tmp_path / "locked.pdf") == {"error": ENCRYPTED}
    for data in (b"%PDF-1.4 garbage", b"", b"not a pdf at all", pdf(3)[:300]):
        (tmp_path / "bad.pdf").write_bytes(data)
        assert read_pdf(tmp_path / "bad.pdf")["error"] == UNREADABLE



def test_what_a_pdf_lacks_for_a_screen_reader_comes_from_what_was_read():
    """A scan lacks text, and nothing else is said of it (the original is what it needs);
    a title not shown counts only when there is one; what could not be told (None: a
    damaged part, or a PDF PDFium counted) is not a shortcoming."""
    read = {"tagged": False, "titled": False, "title_shown": False, "lang": False,
            "text": True}
    assert shortcomings(read) == ["tags", "title", "lang"]
    assert shortcomings({**read, "text": False}) == ["text"]
    assert shortcomings({**read, "titled": True, "lang": True}) == ["tags", "title_shown"]
    assert shortcomings({**read, "tagged": True, "titled": True, "title_shown": True,
                         "lang": True}) == []
    assert shortcomings({"pages": 3}) == []
    assert shortcomings({"pages": 3, "tagged": None, "titled": None, "lang": None,
                         "text": None}) == []

def test_a_pdf_pypdf_would_read_forever_is_unreadable_after_its_budget(tmp_path, monkeypatch):
    """pypdf has looped forever on crafted files: READ_SECONDS bounds the page count,
    even through pypdf's own `except Exception`."""
    def forever(*args, **kwargs):
        while True:  # busy, as a parser's endless loop is (the budget is CPU time)
            try:
                sum(range(1000))
            except Exception:  # noqa: BLE001, S112 - as a library's parser might
                continue

    monkeypatch.setattr("pypdf.PdfReader", forever)
    monkeypatch.setattr("plugins.attachments.pdfinfo.READ_SECONDS", 0.2)
    (tmp_path / "trappola.pdf").write_bytes(pdf(1))
    started = time.monotonic()
    answer = {"error": UNREADABLE, "detail": "not read within 0.2 s", "transient": True}
    assert read_pdf(tmp_path / "trappola.pdf") == answer
    assert time.monotonic() - started < 10
    # not cached (a loaded machine may be the cause): the next build reads it again
    cache = MetadataCache(tmp_path / "cache")
    assert cache.pdf_metadata(tmp_path / "trappola.pdf")[1] == answer
    assert not cache.entries and not cache.dirty


def test_cache_reads_each_content_once_and_persists(tmp_path, monkeypatch):
    data = pdf(3)
    (tmp_path / "a.pdf").write_bytes(data)
    (tmp_path / "copy.pdf").write_bytes(data)
    calls = []
    monkeypatch.setattr("plugins.attachments.pdfinfo.read_pdf",
                        lambda path: calls.append(path) or {"pages": 3})
    cache = MetadataCache(tmp_path / "cache")
    digest, entry = cache.pdf_metadata(tmp_path / "a.pdf")
    assert digest == hashlib.sha256(data).hexdigest() and entry == {"pages": 3}
    cache.pdf_metadata(tmp_path / "copy.pdf")  # same content, other name: no new read
    assert len(calls) == 1
    cache.save()
    again = MetadataCache(tmp_path / "cache")
    assert again.pdf_metadata(tmp_path / "a.pdf")[1] == {"pages": 3}
    assert len(calls) == 1 and not again.dirty


def test_cache_survives_a_damaged_or_old_file(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / "metadata.json").write_text("{not json", encoding="utf-8")
    assert MetadataCache(folder).entries == {}
    (folder / "metadata.json").write_text(json.dumps({"format": 0, "files": {"x": {}}}),
                                          encoding="utf-8")
    assert MetadataCache(folder).entries == {}


def test_preview_is_rendered_once_and_cached(tmp_path):
    (tmp_path / "a.pdf").write_bytes(pdf(2))
    cache = MetadataCache(tmp_path / "cache")
    digest, _ = cache.pdf_metadata(tmp_path / "a.pdf")
    file, width, height = previews.ensure(cache, tmp_path / "a.pdf", digest, 200)
    assert abs(width - 200) <= 1 and abs(height / width - 842 / 595) < 0.01  # A4
    with open(file, "rb") as handle:
        assert handle.read(12)[8:] == b"WEBP"
    (tmp_path / "a.pdf").write_bytes(b"gone")  # a cached preview is not rendered again
    assert previews.ensure(cache, tmp_path / "a.pdf", digest, 200) == (file, width, height)


@pytest.mark.parametrize(("size", "expected"), [
    ((595, 842), None),  # A4
    ((842, 595), None),  # landscape
    ((595, 2380), None),  # exactly 4 times as tall as wide
    ((14400, 14400), None),
    ((1, 14400), ("page-size", "1 × 14400 pt")),  # the preview bomb
    ((595, 14401), ("page-size", "595 × 14401 pt")),
    ((2.5, 3), ("page-size", "2.5 × 3 pt")),
    ((float("nan"), 842), ("page-size", "nan × 842 pt")),
    ((100, 14400), ("page-shape", "100 × 14400 pt")),
    ((595, 2400), ("page-shape", "595 × 2400 pt")),
])
def test_page_sizes_are_checked_before_drawing(size, expected):
    assert render.page_problem(*size, 240) == expected


def test_a_refused_page_is_cached_and_not_drawn_again(tmp_path, caplog):
    (tmp_path / "bomba.pdf").write_bytes(pdf(1, width=1, height=14400))
    cache = MetadataCache(tmp_path / "cache")
    digest, _ = cache.pdf_metadata(tmp_path / "bomba.pdf")
    with previews.Renderer() as renderer:
        assert previews.ensure(cache, tmp_path / "bomba.pdf", digest, 240, renderer,
                               name="allegati/bomba.pdf") is None
    assert cache.get(digest)["previews"]["240"] == {"error": "page-size", "detail": "1 × 14400 pt"}
    [warning] = [r for r in caplog.records if r.levelname == "WARNING"]
    assert warning.getMessage().startswith(
        "allegato senza anteprima: allegati/bomba.pdf (pagina di 1 × 14400 pt, fuori dai limiti")
    assert not list((tmp_path / "cache" / "previews").iterdir())  # no temporary file left

    caplog.clear()
    unused = previews.Renderer(command=["false"])  # would fail if it were started
    assert previews.ensure(cache, tmp_path / "bomba.pdf", digest, 240, unused) is None
    assert unused.process is None
    assert not [r for r in caplog.records if r.levelname == "WARNING"]


def test_a_timeout_is_drawn_again_once_then_cached(tmp_path, caplog):
    """A preview not drawn in time may be the machine's doing: tried at the next build
    too, then left (a file that is really too slow costs two timeouts, not one a build)."""
    (tmp_path / "a.pdf").write_bytes(pdf(1))
    cache = MetadataCache(tmp_path / "cache")
    digest, _ = cache.pdf_metadata(tmp_path / "a.pdf")
    slow = [sys.executable, "-c", "import sys, time; print('{\"ready\": true}', flush=True);"
            " sys.stdin.readline(); time.sleep(60)"]
    for attempt in (1, 2):
        with previews.Renderer(timeout=0.3, command=slow) as renderer:
            assert previews.ensure(cache, tmp_path / "a.pdf", digest, 240, renderer) is None
        assert cache.get(digest)["previews"]["240"] == {"error": "timeout", "detail": "0.3",
                                                         "attempts": attempt}
    unused = previews.Renderer(command=["false"])  # would fail if it were started
    assert previews.ensure(cache, tmp_path / "a.pdf", digest, 240, unused) is None
    assert unused.process is None


def test_drawing_is_bounded_in_memory_and_time(tmp_path):
    (tmp_path / "a.pdf").write_bytes(pdf(1))
    target = tmp_path / "a.webp"
    slow = [sys.executable, "-c", "import sys, time; print('{\"ready\": true}', flush=True);"
            " sys.stdin.readline(); time.sleep(60)"]
    crashing = [sys.executable, "-c", "import os, sys; print('{\"ready\": true}', flush=True);"
                " sys.stdin.readline(); os.abort()"]
    with previews.Renderer(memory_mb=16) as renderer:  # 2000 × 2829 px need more
        assert renderer.render(tmp_path / "a.pdf", target, 2000) == {
            "error": "memory", "detail": "16"}
        assert renderer.process is None  # a new child for the next job
        assert abs(renderer.render(tmp_path / "a.pdf", target, 100)["size"][0] - 100) <= 1
    with previews.Renderer(timeout=0.5, command=slow) as renderer:
        started = time.monotonic()
        assert renderer.render(tmp_path / "a.pdf", target, 100) == {
            "error": "timeout", "detail": "0.5"}
        assert time.monotonic() - started < 10 and renderer.process is None
    with previews.Renderer(command=crashing) as renderer:
        assert renderer.render(tmp_path / "a.pdf", target, 100) == {
            "error": "crash", "detail": "exit status -6"}
    with pytest.raises(previews.Unavailable):
        previews.Renderer(command=[sys.executable, "-c", "pass"]).render(
            tmp_path / "a.pdf", target, 100)


# -- documents, feeds, settings -----------------------------------------------------

def _attachment(name):
    return Attachment(source=f"allegati/{name}.pdf", title=name, description="",
                      url=f"allegati/{name}.pdf", save_as=f"allegati/{name}.pdf", size=1, pages=1)


def test_documents_newest_first_each_file_once_pages_last():
    old = SimpleNamespace(title="Vecchio", date=datetime(2024, 1, 1, tzinfo=ROME))
    new = SimpleNamespace(title="Nuovo", date=datetime(2025, 1, 1, tzinfo=ROME))
    page = Page("", metadata={"title": "Pagina"}, settings=DEFAULT_CONFIG)
    a, b, c = _attachment("a"), _attachment("b"), _attachment("c")
    listed = [(page, [c]), (old, [a, b]), (new, [b])]
    assert [(d.attachment.source, d.item) for d in documents(listed)] == [
        ("allegati/b.pdf", new), ("allegati/a.pdf", old), ("allegati/c.pdf", page)]


@pytest.mark.parametrize(("context", "link"), [
    ({"SITEURL": "https://x.org"}, "https://x.org/2024/05/a/"),
    ({"SITEURL": "https://x.org/sito"}, "https://x.org/sito/2024/05/a/"),
    ({"SITEURL": ""}, "/2024/05/a/"),
])
def test_item_link_matches_pelicans_feed_links(context, link):
    assert item_link(context, "2024/05/a/") == link


@pytest.mark.parametrize(("context", "base"), [
    ({"SITEURL": "https://x.org", "FEED_DOMAIN": "https://x.org"}, "https://x.org"),
    # feeds served from another host: the files are still on the site
    ({"SITEURL": "https://x.org/sito", "FEED_DOMAIN": "https://feeds.x.org"},
     "https://x.org/sito"),
    # development: SITEURL empty or relative, the feeds' domain is the local server
    ({"SITEURL": "", "FEED_DOMAIN": "http://localhost:8000"}, "http://localhost:8000"),
    ({"SITEURL": "..", "FEED_DOMAIN": "http://localhost:8000"}, "http://localhost:8000"),
])
def test_enclosures_point_where_the_files_are(context, base):
    assert site_address(context) == base


def test_feed_list_is_escaped_html_with_absolute_links():
    attachment = _attachment("a")
    attachment.title = "Soci & <partner>"
    html = attachments_list([attachment], "https://x.org")
    assert '<a href="https://x.org/allegati/a.pdf" type="application/pdf">' in html
    assert "Soci &amp; &lt;partner&gt; (PDF, 1\u00a0byte, 1\u00a0pagina)" in html


@pytest.mark.parametrize(("settings", "fragment"), [
    ({"ATTACHMENTS_MAX_SIZE_MB": 0}, "ATTACHMENTS_MAX_SIZE_MB"),
    ({"ATTACHMENTS_MAX_SIZE_MB": "20"}, "ATTACHMENTS_MAX_SIZE_MB"),
    ({"ATTACHMENTS_URL": "allegati/file.pdf"}, "ATTACHMENTS_URL"),
    ({"ATTACHMENTS_URL": "{dirname}/{name}-{slug}.{ext}"}, "ATTACHMENTS_URL"),
    ({"ATTACHMENTS_SAVE_AS": "{dirname}/{slug}.{0}"}, "ATTACHMENTS_SAVE_AS"),
    ({"ATTACHMENTS_PREVIEW_URL": "{dirname}/{slug"}, "ATTACHMENTS_PREVIEW_URL"),
    ({"ATTACHMENTS_PREVIEW_WIDTH": 5}, "ATTACHMENTS_PREVIEW_WIDTH"),
    ({"ATTACHMENTS_PATH": "../fuori"}, "ATTACHMENTS_PATH"),
    ({"STATIC_PATHS": ["immagini", "allegati"]}, "STATIC_PATHS"),
])
def test_settings_are_checked(settings, fragment):
    problems = config.check({**config.DEFAULTS, **settings})
    assert len(problems) == 1 and fragment in problems[0]


def test_default_settings_are_valid_and_derived_ones_filled_in(caplog):
    settings = config.install({"STATIC_PATHS": ["immagini"], "CACHE_PATH": "/tmp/c"})
    assert not caplog.records
    assert settings["ATTACHMENTS_PATH"] == "allegati"
    assert settings["ATTACHMENTS_SAVE_AS"] == settings["ATTACHMENTS_URL"]
    assert settings["ATTACHMENTS_CACHE_PATH"] == "/tmp/c/attachments"


def test_a_bad_setting_falls_back_to_its_default_with_an_error(caplog):
    settings = config.install({"STATIC_PATHS": [], "CACHE_PATH": "c", "ATTACHMENTS_URL": "x",
                               "ATTACHMENTS_COLOUR": "blu"})
    assert settings["ATTACHMENTS_URL"] == "{dirname}/{slug}.{ext}"
    messages = [(r.levelname, r.getMessage()) for r in caplog.records]
    assert ("WARNING", messages[0][1]) == messages[0] and "ATTACHMENTS_COLOUR" in messages[0][1]
    assert messages[1][0] == "ERROR" and messages[1][1].startswith("ATTACHMENTS_URL: must be")
