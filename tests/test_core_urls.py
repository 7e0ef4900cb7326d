"""plugins/core/urls.py: addresses as readers see them, and kept once known."""

import html as html_text
from datetime import datetime

import pytest

from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG

from plugins.core import urls
from plugins.core.urls import (
    breakable_url, content_path, freeze, http_address, page_key, without_index,
)


def make_article(**metadata):
    settings = {**DEFAULT_CONFIG, "ARTICLE_URL": "{date:%Y}/{date:%m}/{slug}/",
                "ARTICLE_SAVE_AS": "{date:%Y}/{date:%m}/{slug}/index.html"}
    return Article("<p>Testo.</p>", metadata={
        "title": "Un titolo", "slug": "un-titolo", "date": datetime(2024, 5, 5, 17, 7),
        **metadata}, settings=settings, source_path="/content/notizie/a.md")


def test_an_items_address_and_the_addresses_typed_for_it_compare_equal():
    """The cross-file rules (content_checks' address_links and relative_links) find an
    item by an address typed with or without its final "/" or ``index.html``."""
    typed = ["/2024/05/festa/", "/2024/05/festa", "/2024/05/festa/index.html",
             "2024/05/festa/"]
    assert {page_key(address) for address in typed} == {page_key("2024/05/festa/index.html")}
    assert page_key("2024/05/festa/index.html") == "/2024/05/festa"
    assert page_key("chi-siamo/index.html") != page_key("/chi-siamo/altro/")


def test_without_index():
    assert without_index("2024/05/slug/index.html") == "2024/05/slug/"
    assert without_index("index.html") == ""
    assert without_index("feeds/tutto.atom.xml") == "feeds/tutto.atom.xml"


def test_the_feeds_index_asks_the_sites_address_once(monkeypatch):
    """A preview's build (no SITEURL, FEED_DOMAIN the local server): each article is found
    by its site path and by its absolute address, the site's address worked out once for
    the index, not again for each article (thousands, in a large site's build)."""
    asked = []

    def counted(settings):
        asked.append(1)
        return site_address(settings)

    site_address = urls.site_address
    monkeypatch.setattr(urls, "site_address", counted)
    items = [make_article(slug=f"notizia-{number}") for number in range(30)]
    context = {"SITEURL": "", "FEED_DOMAIN": "http://localhost:8000", "articles": items}
    for item in items:
        assert urls.feed_item(context, {"link": f"/{item.url}?ref=feed"}) is item
        assert urls.feed_item(context, {"link": f"http://localhost:8000/{item.url}"}) is item
    assert len(asked) == 1


def test_frozen_addresses_are_pelicans_own_and_no_longer_worked_out():
    item = make_article()
    assert (item.url, item.save_as) == ("2024/05/un-titolo/", "2024/05/un-titolo/index.html")
    freeze([item])
    item.settings["ARTICLE_URL"] = "altro/{slug}.html"  # no longer read
    item.slug = "cambiato"
    assert (item.url, item.save_as) == ("2024/05/un-titolo/", "2024/05/un-titolo/index.html")



@pytest.mark.parametrize(("target", "folder", "path"), [
    ("/immagini/a.jpg", "notizie", "immagini/a.jpg"),
    ("../immagini/citt%C3%A0%201.jpg?v=2#x", "notizie", "immagini/città 1.jpg"),
    ("allegato.pdf", "notizie/2024", "notizie/2024/allegato.pdf"),
    ("///immagini/./a.jpg", "", "immagini/a.jpg"),
    # two slashes begin a host, as Pelican (urlparse) and a browser read them: not a path
    ("//immagini/a.jpg", "notizie", "a.jpg"), ("//immagini", "notizie", "notizie"),
    ("ore 10:30.pdf", "allegati", "allegati/ore 10:30.pdf"),  # a colon is no scheme here
    ("../../fuori.txt", "notizie", None), ("/../x", "", None), ("..", "", None),
])
def test_a_link_names_one_path_under_content_or_none(target, folder, path):
    """Links of every kind (contract checks, published files, image variants) are read
    by this one function."""
    assert content_path(target, folder) == path


@pytest.mark.parametrize(("value", "host"), [
    ("https://www.example.org", "www.example.org"),
    ("HTTP://Stats.Example.org:8080/conta", "stats.example.org"),
    ("http://[::1]:8001", "::1"),
    ("https://", None),  # no host
    ("ftp://www.example.org", None),
    ("www.example.org", None),
    ("https://www.example.org:porta", None),
    ("https://www.example.org:0", None),
    ("https://[::1", None),
])
def test_an_http_address_has_a_scheme_a_host_and_a_numeric_port(value, host):
    """The one reading of an http(s) address behind SITEURL (publish), VISIT_COUNTER_URL
    and the web editor's addresses; each adds its own rules."""
    parts = http_address(value)
    assert (parts.hostname if parts else None) == host


@pytest.mark.parametrize(("url", "html"), [
    ("https://www.farelegami.it/feeds/categorie/comunicati-stampa.rss.xml",
     "https://<wbr>www<wbr>.farelegami<wbr>.it<wbr>/feeds<wbr>/categorie<wbr>/comunicati"
     "<wbr>-stampa<wbr>.rss<wbr>.xml"),
    ("http://127.0.0.1:8000/feeds/tutto.atom.xml",
     "http://<wbr>127<wbr>.0<wbr>.0<wbr>.1:8000<wbr>/feeds<wbr>/tutto<wbr>.atom<wbr>.xml"),
    ("https://x.org/a?b=<i>&c", "https://<wbr>x<wbr>.org<wbr>/a<wbr>?b<wbr>=&lt;i&gt;<wbr>&amp;c"),
    ("", ""),
])
def test_an_address_shown_as_text_may_break_only_where_addresses_break(url, html):
    """After "//", before "/", ".", "-" and a query's signs: never between two letters.
    Without its <wbr>s it is the address as it was (what a reader copies)."""
    shown = breakable_url(url)
    assert str(shown) == html
    assert html_text.unescape(str(shown).replace("<wbr>", "")) == url
