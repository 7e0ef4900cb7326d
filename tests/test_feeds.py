"""Atom and RSS feeds: whole site and per category, valid and absolute."""

import xml.etree.ElementTree as ET
from datetime import datetime

import feedparser

from support import SITEURL, article
import samples

JPEG = samples.image("JPEG")  # a real JPEG: plugins/images reads what items show

ITEMS = {
    "notizie/a.md": article(title="Notizia vecchia", date="2024-01-10 09:00",
                            body="Vedi [la foto]({static}/immagini/foto.jpg)."),
    "notizie/b.md": article(title="Notizia estiva", date="2024-07-01 18:30"),
    "comunicati-stampa/c.md": article(title="Comunicato", date="2024-05-05 17:07"),
    "immagini/foto.jpg": JPEG + b"jpeg",
}


def parse(site, url):
    return feedparser.parse(site.text(url))


def test_site_feeds_hold_every_item_newest_first_with_dates_and_absolute_links(build_once):
    site = build_once(ITEMS)
    assert site.ok, site.log
    for url in ("/feeds/tutto.atom.xml", "/feeds/tutto.rss.xml"):
        feed = parse(site, url)
        assert not feed.bozo, (url, feed.bozo_exception)
        assert [e.title for e in feed.entries] == ["Notizia estiva", "Comunicato",
                                                   "Notizia vecchia"]
        assert all(e.link.startswith(SITEURL + "/") for e in feed.entries)
        assert feed.entries[0].link == SITEURL + "/2024/07/notizia-estiva/"
    atom = site.text("/feeds/tutto.atom.xml")
    assert "2024-07-01T18:30:00+02:00" in atom and "2024-01-10T09:00:00+01:00" in atom
    rss = site.text("/feeds/tutto.rss.xml")
    assert "Mon, 01 Jul 2024 18:30:00 +0200" in rss


def test_feeds_carry_full_content_with_absolute_links(build_once):
    site = build_once(ITEMS)
    for url in ("/feeds/tutto.atom.xml", "/feeds/tutto.rss.xml"):
        entry = [e for e in parse(site, url).entries if e.title == "Notizia vecchia"][0]
        html = entry.content[0].value if "content" in entry else entry.description
        assert f'href="{SITEURL}/immagini/foto.jpg"' in html


def test_rss_is_valid_rss_2(build_once):
    site = build_once(ITEMS)
    channel = ET.fromstring(site.text("/feeds/tutto.rss.xml")).find("channel")
    assert channel.findtext("description").strip()
    assert channel.findtext("language") == "it"
    items = channel.findall("item")
    assert items
    for item in items:
        guid = item.find("guid")  # Pelican's tag: URIs are not links
        assert guid.text.startswith("tag:") and guid.get("isPermaLink") == "false"
        assert item.findtext("link").startswith(SITEURL)


def test_atom_is_valid_rfc_4287(build_once):
    site = build_once(ITEMS)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    root = ET.fromstring(site.text("/feeds/tutto.atom.xml"))
    assert root.find("a:id", ns).text and root.find("a:updated", ns).text
    assert root.find("a:link[@rel='self']", ns).get("href") == \
        SITEURL + "/feeds/tutto.atom.xml"
    for entry in root.findall("a:entry", ns):
        assert entry.find("a:id", ns).text
        datetime.fromisoformat(entry.find("a:updated", ns).text)
        assert entry.find("a:author/a:name", ns).text == "Redazione"


def test_category_feeds_hold_only_their_category(build_once):
    site = build_once(ITEMS)
    for kind in ("atom", "rss"):
        feed = parse(site, f"/feeds/categorie/comunicati-stampa.{kind}.xml")
        assert [e.title for e in feed.entries] == ["Comunicato"]
        notizie = parse(site, f"/feeds/categorie/notizie.{kind}.xml")
        assert [e.title for e in notizie.entries] == ["Notizia estiva", "Notizia vecchia"]


def test_feeds_are_announced_in_every_page_head(build_once):
    site = build_once(ITEMS)
    for url in ("/", "/2024/05/comunicato/", "/categorie/notizie/"):
        links = {link["href"] for link in site.soup(url).select('head link[rel="alternate"]')}
        assert f"{SITEURL}/feeds/tutto.atom.xml" in links
        assert f"{SITEURL}/feeds/tutto.rss.xml" in links
    category = {link["href"] for link in
                site.soup("/categorie/notizie/").select('head link[rel="alternate"]')}
    assert f"{SITEURL}/feeds/categorie/notizie.atom.xml" in category


def test_category_and_author_with_the_same_slug_do_not_collide(build):
    site = build({"notizie/a.md": article(title="Scritto dalla categoria", author="Notizie")})
    assert site.ok, site.log
    assert site.exists("/autori/notizie/") and site.exists("/categorie/notizie/")
