"""sitemap.xml (plugins/sitemap): which URLs, and a lastmod taken from the content only."""

import pickle
import re
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

from samples import pdf
from support import SITEURL, article

from plugins.sitemap import Entries
from plugins.sitemap.model import excluded, lastmod, newest, render, url_path
from plugins.sitemap.settings import DEFAULTS, check

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
ROME = timezone(timedelta(hours=2))


def test_lastmod_is_modified_else_date_else_none():
    date, modified = datetime(2024, 5, 5, 17, 7), datetime(2024, 6, 1, 9, 0)
    assert lastmod(SimpleNamespace(date=date, modified=modified)) == modified
    assert lastmod(SimpleNamespace(date=date)) == date
    assert lastmod(SimpleNamespace(title="undated page")) is None
    # a Document of plugins/attachments: its article's date
    assert lastmod(SimpleNamespace(item=SimpleNamespace(date=date))) == date
    assert newest([SimpleNamespace(date=date), SimpleNamespace(date=modified),
                   SimpleNamespace()]) == modified
    assert newest([SimpleNamespace()]) is None and newest(None) is None


def test_paths_and_exclusions():
    assert url_path("index.html") == "/"
    assert url_path("2024/05/slug/index.html") == "/2024/05/slug/"
    assert url_path("404.html") == "/404.html"
    prefixes, patterns = DEFAULTS["SITEMAP_EXCLUDE_PREFIXES"], DEFAULTS["SITEMAP_EXCLUDE_PATTERNS"]
    for path in ("/admin/", "/cerca/", "/404.html", "/pagina/2/", "/categorie/avvisi/pagina/3/"):
        assert excluded(path, prefixes, patterns), path
    for path in ("/", "/2024/05/pagina/", "/amministrazione/", "/categorie/avvisi/"):
        assert not excluded(path, prefixes, patterns), path


def test_render_is_sorted_escaped_and_the_same_bytes_every_time():
    entries = {"/b/": None, "/a/": datetime(2024, 5, 5, 17, 7, tzinfo=ROME), "/c&d/": None}
    data = render(entries, "https://example.org")
    assert data == render(dict(reversed(list(entries.items()))), "https://example.org")
    root = ET.fromstring(data)
    rows = [(u.findtext("s:loc", namespaces=NS), u.findtext("s:lastmod", namespaces=NS))
            for u in root.findall("s:url", NS)]
    assert rows == [("https://example.org/a/", "2024-05-05T17:07:00+02:00"),
                    ("https://example.org/b/", None), ("https://example.org/c%26d/", None)]


def test_settings_are_checked():
    good = dict(DEFAULTS)
    assert check(good) == []
    bad = {"SITEMAP_EXCLUDE_PREFIXES": ["admin/"], "SITEMAP_EXCLUDE_PATTERNS": ["("],
           "SITEMAP_LISTING_ITEMS": {"documenti/": "documents"}}
    assert [name for name, _ in check(bad)] == list(bad)


def test_the_run_state_pickles_empty():
    """Pelican's content cache pickles the settings that hold it: no URLs go along."""
    entries = Entries({"/a/": None})
    assert pickle.loads(pickle.dumps(entries)) == {}


SITE = {
    "notizie/a.md": article(title="Primo", date="2024-05-05 17:07", tags="[Crema]"),
    "notizie/b.md": article(title="Secondo", date="2024-06-01 10:00",
                            modified="2024-07-01 09:00", tags="[Crema, Estate]"),
    "allegati/avviso.pdf": pdf(1),
    "avvisi/c.md": article(title="Avviso", date="2024-03-01 10:00",
                           attachments=["allegati/avviso.pdf"]),
    "notizie/nascosto.md": article(title="Nascosto", date="2024-08-01 10:00", status="hidden"),
    "notizie/bozza.md": article(title="Bozza", date="2024-09-01 10:00", status="draft"),
    "notizie/futuro.md": article(title="Futuro", date="2999-01-01 10:00"),
    "pages/datata.md": "---\ntitle: Datata\ndate: 2024-02-01 12:00\n---\n\nTesto.\n",
    "pages/senza-data.md": "---\ntitle: Senza data\n---\n\nTesto.\n",
}


def test_the_sitemap_lists_public_pages_with_lastmod_from_their_content(build_once):
    site = build_once(SITE, settings="""
        DEFAULT_PAGINATION = 2
        SITEMAP_EXCLUDE_PREFIXES = ["/admin/", "/cerca/", "/autori/"]
    """)
    assert site.ok, site.log
    root = ET.fromstring(site.path("/sitemap.xml").read_bytes())
    assert root.tag == "{%s}urlset" % NS["s"]
    rows = {u.findtext("s:loc", namespaces=NS).removeprefix(SITEURL):
            u.findtext("s:lastmod", namespaces=NS) for u in root.findall("s:url", NS)}
    newest_listed = "2024-07-01T09:00:00+02:00"  # b's modified, the newest listed item
    assert rows == {
        "/2024/05/primo/": "2024-05-05T17:07:00+02:00",
        "/2024/06/secondo/": "2024-07-01T09:00:00+02:00",  # modified, not date
        "/2024/03/avviso/": "2024-03-01T10:00:00+01:00",  # winter time
        "/datata/": "2024-02-01T12:00:00+01:00",
        "/senza-data/": None,  # undated pages have no lastmod
        "/": newest_listed,  # page 1 of the home: Secondo and Primo
        "/categorie/": newest_listed,
        "/categorie/notizie/": newest_listed,
        "/categorie/avvisi/": "2024-03-01T10:00:00+01:00",
        "/argomenti/": newest_listed,
        "/argomenti/crema/": newest_listed,
        "/argomenti/estate/": newest_listed,
        "/archivio/": newest_listed,
        "/archivio/2024/": newest_listed,
        "/documenti/": "2024-03-01T10:00:00+01:00",  # only Avviso has a document
        "/segui/": newest_listed,  # the feeds it lists: of every item
    }
    # left out: the 404 page, robots.txt, /pagina/2/, hidden, drafts, future, /autori/
    assert site.exists("/pagina/2/") and site.exists("/404.html") and site.exists("/autori/")
    assert site.exists("/2024/08/nascosto/")


def test_a_page_excluded_by_pattern_setting(build):
    site = build({"notizie/a.md": article(title="Primo")},
                 settings='SITEMAP_EXCLUDE_PATTERNS = [r"^/argomenti/"]\n'
                          'SITEMAP_LISTING_ITEMS = {}\n')
    assert site.ok, site.log
    text = site.text("/sitemap.xml")
    assert f"{SITEURL}/404.html" in text  # the default patterns were replaced
    assert "/argomenti/" not in text and f"{SITEURL}/2024/05/primo/" in text
    # without the listing setting, Documenti takes the newest article like any index
    assert "<loc>https://farelegami.example.org/documenti/</loc>\n    <lastmod>2024-05-05" in text


def test_bad_settings_are_errors_naming_them_and_the_defaults_are_used(build):
    site = build({"notizie/a.md": article(title="Primo")},
                 settings='SITEMAP_EXCLUDE_PREFIXES = ["admin/"]\nSITEMAP_TYPO = 1\n')
    assert site.ok, site.log
    assert "Traceback" not in site.log
    log = " ".join(site.log.split())
    assert re.search(r"ERROR\s+SITEMAP_EXCLUDE_PREFIXES: must be a list of URL paths.*; using"
                     r" \['/admin/', '/cerca/'\]", log), log
    assert re.search(r"WARNING\s+SITEMAP_TYPO: unknown setting", log), log
    text = site.text("/sitemap.xml")  # the default prefixes: neither editor nor search page
    assert site.exists("/admin/") and site.exists("/cerca/")
    assert "/admin/" not in text and "/cerca/" not in text
    assert f"{SITEURL}/2024/05/primo/" in text


PREVIEWED = {
    **SITE,
    # scheduled: they fill the first page of the home and of Notizie in a preview
    **{f"notizie/domani-{n}.md": article(title=f"Domani {n}", date=f"2999-0{n}-01 10:00",
                                         tags="[Crema]") for n in (1, 2, 3)},
    # scheduled, with a tag, an author, a category, a year and a document of their own
    "allegati/programma.pdf": pdf(1),
    "eventi/festa.md": article(title="Festa", date="2998-06-01", tags="[Festa futura]",
                               author="Anna Futura", attachments=["allegati/programma.pdf"]),
    # a draft with a tag and an author of its own, and a later update
    "notizie/bozza-sola.md": article(title="Bozza sola", date="2024-09-02 10:00",
                                     modified="2024-10-01 10:00", status="draft",
                                     tags="[Solo bozza]", author="Bruno Bozza"),
}


def test_the_previews_sitemap_is_the_public_one(build):
    """A preview build writes drafts (BOZZA) and scheduled items (PROGRAMMATO), and its
    sitemap.xml listed them, the tag, category, author and year pages only they fill,
    and their dates as the listings' lastmod (2999 for the home): the public build never
    writes any of it. The preview's sitemap is now the public build's."""
    settings = "DEFAULT_PAGINATION = 2\n"
    preview = build(PREVIEWED, settings, config="previewconf", output=None)
    assert preview.ok, preview.log
    public = build(PREVIEWED, settings, output=preview.output.parent / "public")
    assert public.ok, public.log
    assert preview.exists("/2999/01/domani-1/") and preview.exists("/argomenti/festa-futura/")
    assert preview.exists("/autori/bruno-bozza/") and preview.exists("/archivio/2999/")
    assert not public.exists("/2999/01/domani-1/")
    text = public.text("/sitemap.xml")
    assert "2999" not in text and "2998" not in text and "bozza" not in text
    assert preview.text("/sitemap.xml") == text
