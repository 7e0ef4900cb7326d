"""Atom and RSS feeds: whole site and per category, valid and absolute."""

import http.client
import io
import logging
import re
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from pathlib import Path

import feedparser
import jinja2
import jinja2.nodes
import pytest
from bs4 import BeautifulSoup
from feedgenerator import Enclosure, Rss201rev2Feed
from feedgenerator.django.utils.xmlutils import SimplerXMLGenerator, UnserializableContentError

from browser_support import SiteServer
from support import SITEURL, article, build_site

from plugins import core
from plugins.core.urls import feed_address
from plugins.feeds.addresses import absolute_urls
from plugins.feeds.classes import LogoRss201rev2Feed, PlainTextXMLGenerator
from plugins.redirects.paths import KEY
import samples

ROOT = Path(__file__).resolve().parent.parent
JPEG = samples.image("JPEG")  # a real JPEG: plugins/images reads what items show

ITEMS = {
    "notizie/a.md": article(title="Notizia vecchia", date="2024-01-10 09:00",
                            body="Vedi [la foto]({static}/immagini/foto.jpg)."),
    "notizie/b.md": article(title="Notizia estiva", date="2024-07-01 18:30"),
    "comunicati-stampa/c.md": article(title="Comunicato", date="2024-05-05 17:07"),
    "immagini/foto.jpg": JPEG + b"jpeg",
}


ATOM = {"a": "http://www.w3.org/2005/Atom"}


def parse(site, url):
    return feedparser.parse(site.text(url))


def item_contents(site):
    """``(feed, kind, {title: the HTML a reader shows})`` for the whole site's and the
    Notizie feeds, Atom (the content) and RSS (the description)."""
    for name in ("tutto", "categorie/notizie"):
        for kind in ("atom", "rss"):
            entries = parse(site, f"/feeds/{name}.{kind}.xml").entries
            yield name, kind, {e.title: (e.content[0].value if "content" in e else e.description)
                               for e in entries}


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


def test_each_feed_has_its_own_id_and_links_the_page_it_follows(build_once):
    """RFC 4287: a feed's id is unique (readers tell subscriptions apart by it); Pelican
    gave all of them the home page as id and link."""
    site = build_once(ITEMS)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    follows = {"tutto": "/", "categorie/notizie": "/categorie/notizie/",
               "categorie/comunicati-stampa": "/categorie/comunicati-stampa/"}
    for name, page in follows.items():
        root = ET.fromstring(site.text(f"/feeds/{name}.atom.xml"))
        assert root.find("a:id", ns).text == f"{SITEURL}/feeds/{name}.atom.xml"
        assert root.find("a:link[@rel='alternate']", ns).get("href") == SITEURL + page
        channel = ET.fromstring(site.text(f"/feeds/{name}.rss.xml")).find("channel")
        assert channel.findtext("link") == SITEURL + page
        assert site.exists(page)


def test_a_category_feed_has_a_description_of_its_own(build_once):
    """Readers show a feed's description (RSS ``<description>``, Atom ``<subtitle>``)
    under its name: Pelican gave each category's feed the whole site's («Notizie e
    comunicati stampa di FareLegami…», «Una comunità che gira»), as if it held every item.
    The whole site's feeds keep the site's."""
    import pelicanconf  # noqa: PLC0415 - plain settings, no Pelican

    site = build_once(ITEMS)

    def described(name):
        rss = ET.fromstring(site.text(f"/feeds/{name}.rss.xml")).find("channel")
        atom = ET.fromstring(site.text(f"/feeds/{name}.atom.xml"))
        return rss.findtext("description"), atom.findtext("a:subtitle", None, ATOM)

    assert described("tutto") == (pelicanconf.SITEDESCRIPTION, pelicanconf.SITESUBTITLE)
    for name, label in (("comunicati-stampa", "Comunicati stampa"), ("notizie", "Notizie")):
        own = f"{label} di FareLegami: solo gli articoli della categoria «{label}»."
        assert described(f"categorie/{name}") == (own, own)


def test_a_category_feeds_description_keeps_its_name_whole(build):
    """A category's name with what looks like markup is text in its feed's description,
    in RSS as the hexadecimal references of its other plain text, and the feeds stay valid."""
    site = build({"eventi/x.md": article(title="Evento", category="'Eventi & <incontri>'")})
    assert site.ok, site.log
    own = ("Eventi & <incontri> di FareLegami: "
           "solo gli articoli della categoria «Eventi & <incontri>».")
    rss = site.text("/feeds/categorie/eventi.rss.xml")
    assert ET.fromstring(rss).find("channel").findtext("description") == own
    assert "<description>Eventi &#x26; &#x3C;incontri&#x3E; di FareLegami" in rss
    atom = ET.fromstring(site.text("/feeds/categorie/eventi.atom.xml"))
    assert atom.findtext("a:subtitle", None, ATOM) == own
    assert not parse(site, "/feeds/categorie/eventi.rss.xml").bozo
    feed = parse(site, "/feeds/categorie/eventi.atom.xml")
    assert not feed.bozo and feed.feed.subtitle == own


def test_feeds_are_announced_in_every_page_head(build_once):
    site = build_once(ITEMS)
    for url in ("/", "/2024/05/comunicato/", "/categorie/notizie/"):
        links = {link["href"] for link in site.soup(url).select('head link[rel="alternate"]')}
        assert f"{SITEURL}/feeds/tutto.atom.xml" in links
        assert f"{SITEURL}/feeds/tutto.rss.xml" in links
    category = [link["href"] for link in
                site.soup("/categorie/notizie/").select('head link[rel="alternate"]')]
    # the category's own feeds first on its page (readers that take the first feed a
    # page announces subscribed to the whole site), the whole site's first elsewhere
    assert category == [f"{SITEURL}/feeds/categorie/notizie.atom.xml",
                        f"{SITEURL}/feeds/categorie/notizie.rss.xml",
                        f"{SITEURL}/feeds/tutto.atom.xml", f"{SITEURL}/feeds/tutto.rss.xml"]
    article = [link["href"] for link in
               site.soup("/2024/05/comunicato/").select('head link[rel="alternate"]')]
    assert article[:2] == [f"{SITEURL}/feeds/tutto.atom.xml", f"{SITEURL}/feeds/tutto.rss.xml"]


def test_category_and_author_with_the_same_slug_do_not_collide(build):
    site = build({"notizie/a.md": article(title="Scritto dalla categoria", author="Notizie")})
    assert site.ok, site.log
    assert site.exists("/autori/notizie/") and site.exists("/categorie/notizie/")


# --- "Segui le notizie": every feed, for people ----------------------------------------

def test_the_follow_page_lists_every_feed_with_absolute_addresses(build_once):
    site = build_once(ITEMS)
    soup = site.soup("/segui/")
    assert soup.h1.get_text(strip=True) == "Segui le notizie"
    intro = soup.select_one(".feeds-intro").get_text(" ", strip=True)
    assert "lettore di feed" in intro and "copia" in intro
    groups = {section.h2.get_text(strip=True): [
        (li.select_one(".feed-format").get_text(strip=True), li.a["href"], li.a["type"],
         li.a.get_text(strip=True)) for li in section.select("li")]
        for section in soup.select("section.feed-group")}
    assert list(groups) == ["Tutte le notizie", "Comunicati stampa", "Notizie"]
    assert groups["Notizie"] == [
        ("RSS", f"{SITEURL}/feeds/categorie/notizie.rss.xml", "application/rss+xml",
         f"{SITEURL}/feeds/categorie/notizie.rss.xml"),
        ("Atom", f"{SITEURL}/feeds/categorie/notizie.atom.xml", "application/atom+xml",
         f"{SITEURL}/feeds/categorie/notizie.atom.xml")]
    announced = {link["href"] for url in ("/", "/categorie/notizie/",
                                          "/categorie/comunicati-stampa/")
                 for link in site.soup(url).select('head link[rel="alternate"]')}
    listed = {href for feeds in groups.values() for _, href, _, _ in feeds}
    assert listed == announced  # every feed the site announces, and only those
    for href in listed:
        assert not parse(site, href).bozo, href  # each one exists and parses
    heading = soup.find("h2", string="Notizie").a
    assert heading["href"] == f"{SITEURL}/categorie/notizie/"
    assert "xsl" not in site.text("/feeds/tutto.atom.xml").lower()  # feeds are not styled


def test_the_follow_page_is_linked_from_the_footer_and_each_category(build_once):
    site = build_once(ITEMS)
    for url in ("/", "/2024/05/comunicato/", "/categorie/notizie/"):
        footer = site.soup(url).select_one("footer")
        assert footer.find("a", string="Segui le notizie")["href"] == f"{SITEURL}/segui/", url
    current = site.soup("/segui/").select_one("footer").find("a", string="Segui le notizie")
    assert current["aria-current"] == "page"
    for slug in ("notizie", "comunicati-stampa"):
        links = site.soup(f"/categorie/{slug}/").select(".page-header .feed-links a")
        assert [a.get_text(strip=True) for a in links] == [
            "Feed RSS della categoria", "Feed Atom della categoria", "Come seguire le notizie"]
        assert links[-1]["href"] == f"{SITEURL}/segui/"


def test_links_within_an_item_are_absolute_titles_whole_and_no_summary_is_empty(build):
    """A reader resolves a relative address against the feed's own (RFC 4287): an anchor
    opened the feed file. Pelican cut a category's name at what looked like a tag and
    joined it with a hyphen; a lead that is only a picture gave an empty <summary>."""
    site = build({
        "eventi/x.md": article(title="Evento", category="'Eventi & <incontri>'", body="""\
            Vedi la [sezione sotto](#dettagli) e [come seguirci](/segui/).

            ## Dettagli

            Il programma, e il codice di un link: `<a href="/segui/">`."""),
        "notizie/foto.md": article(title="Foto prima", body="""\
            ![Il cortile]({static}/immagini/foto.jpg)

            Il testo dopo la foto."""),
        "immagini/foto.jpg": JPEG,
    })
    assert site.ok, site.log
    for kind in ("atom", "rss"):
        feed = parse(site, f"/feeds/categorie/eventi.{kind}.xml")
        assert feed.feed.title == "FareLegami – Eventi & <incontri>"
        [entry] = feed.entries
        html = entry.content[0].value if "content" in entry else entry.description
        assert f'href="{SITEURL}/2024/05/evento/#dettagli"' in html
        assert f'href="{SITEURL}/segui/"' in html
        assert '&lt;a href="/segui/"&gt;' in html  # code shows what was typed
    ns = {"a": "http://www.w3.org/2005/Atom"}
    root = ET.fromstring(site.text("/feeds/tutto.atom.xml"))
    [entry] = [e for e in root.findall("a:entry", ns) if e.findtext("a:title", None, ns) ==
               "Foto prima"]
    assert entry.find("a:summary", ns) is None and entry.find("a:content", ns) is not None


def test_every_candidate_of_a_srcset_is_made_absolute():
    html = '<p><img src="a.webp" srcset="a.webp 480w, /b.webp 2x, ../c.webp 800w" alt="x"></p>'
    assert absolute_urls(html, "https://x.org/2024/05/y/") == (
        '<p><img src="https://x.org/2024/05/y/a.webp" srcset="https://x.org/2024/05/y/a.webp'
        ' 480w, https://x.org/b.webp 2x, https://x.org/2024/05/c.webp 800w" alt="x"></p>')


def test_an_item_with_several_authors_names_them_all_in_the_feeds(build):
    site = build({"notizie/a.md": article(title="A più mani", slug="a",
                                          authors=["Maria Rossi", "Luca Bianchi", "Anna Verdi"]),
                  "notizie/b.md": article(title="Da sola", slug="b", author="Maria Rossi")})
    assert site.ok, site.log
    for name in ("tutto.atom.xml", "tutto.rss.xml"):
        entries = {entry.title: entry for entry in
                   feedparser.parse((site.output / "feeds" / name).read_bytes()).entries}
        assert entries["A più mani"].author == "Maria Rossi, Luca Bianchi e Anna Verdi", name
        assert entries["Da sola"].author == "Maria Rossi", name


def test_translations_are_not_items_of_the_whole_site_feeds(build):
    """Pelican's whole-site feeds (FEED_ALL_*) add every article's translations as items
    of their own: the Italian feed (language "it") showed the same news twice, once in
    English, and the translation took one of the FEED_MAX_ITEMS places. A translation is
    listed nowhere else (home, categories, sitemap)."""
    site = build({
        "notizie/festa.md": article(title="Festa del quartiere", slug="festa",
                                    date="2024-05-05 17:07"),
        "notizie/festa-en.md": article(title="Neighbourhood party", slug="festa", lang="en",
                                       date="2024-05-05 17:07"),
        "notizie/mercato.md": article(title="Mercato solidale", date="2024-05-04 10:00"),
        "notizie/vecchia.md": article(title="Notizia vecchia", date="2024-05-01 10:00"),
    }, "FEED_MAX_ITEMS = 2\n")
    assert site.ok, site.log
    assert site.exists("/en/2024/05/festa/")  # the translation is still written
    for name in ("tutto", "categorie/notizie"):
        for kind in ("atom", "rss"):
            titles = [e.title for e in parse(site, f"/feeds/{name}.{kind}.xml").entries]
            assert titles == ["Festa del quartiere", "Mercato solidale"], (name, kind)


def test_an_item_written_in_english_alone_is_marked_english_in_the_atom_feeds(build):
    """An English article with no Italian original is listed (Pelican keeps an item
    whose group has none in the default language), so it is an item of the Italian
    feeds: in Atom it was an entry of a feed marked xml:lang="it" with nothing saying
    it is English. Its <entry> now says xml:lang="en" (RFC 4287 allows it on every
    element); Italian entries inherit the feed's. RSS 2.0 has no language per item."""
    site = build({
        "notizie/english.md": article(title="Volunteers wanted", slug="volunteers",
                                      lang="en", date="2024-05-05 17:07"),
        "notizie/italiana.md": article(title="Cercasi volontari", slug="volontari",
                                       date="2024-05-04 10:00"),
    })
    assert site.ok, site.log
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    atom = "{http://www.w3.org/2005/Atom}"
    for name in ("tutto", "categorie/notizie"):
        root = ET.fromstring(site.text(f"/feeds/{name}.atom.xml"))
        assert root.get(xml_lang) == "it", name
        entries = {entry.findtext(f"{atom}title"): entry.get(xml_lang)
                   for entry in root.iter(f"{atom}entry")}
        assert entries == {"Volunteers wanted": "en", "Cercasi volontari": None}, name
        rss = site.text(f"/feeds/{name}.rss.xml")
        assert "Volunteers wanted" in rss and "xml:lang" not in rss, name
        assert [e.title for e in parse(site, f"/feeds/{name}.atom.xml").entries] == [
            "Volunteers wanted", "Cercasi volontari"]


def test_an_items_cover_picture_is_at_the_top_of_its_content_in_the_feeds(build):
    """The cover (``image:``) is shown above the body on the article's page, but it is
    not part of the body: a reader who follows the site from a feed reader never saw it.
    It opens the item's content, absolute, with its alternative text and size."""
    site = build({
        "notizie/a.md": article(title="Con copertina", slug="copertina",
                                image="immagini/cortile.jpg",
                                image_alt="'Il cortile \"grande\" & <fiorito>'",
                                body="Il primo paragrafo.\n\nIl secondo."),
        "notizie/b.md": article(title="Senza copertina", slug="senza",
                                date="2024-05-04 10:00"),
        "immagini/cortile.jpg": samples.image("JPEG", (1200, 800)),
    })
    assert site.ok, site.log
    for name, kind, html in item_contents(site):
        first = BeautifulSoup(html["Con copertina"], "html.parser").find(True)
        img = first if first.name == "img" else first.find("img")
        assert img is not None, (name, kind, html["Con copertina"])
        assert img["src"] == f"{SITEURL}/immagini/cortile.jpg", (name, kind)
        assert img["alt"] == 'Il cortile "grande" & <fiorito>'
        assert (img["width"], img["height"]) == ("1200", "800")
        assert site.exists(img["src"])
        assert html["Con copertina"].count("cortile.jpg") == 1  # once, not twice
        assert "<img" not in html["Senza copertina"], (name, kind)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    [entry] = [e for e in ET.fromstring(site.text("/feeds/tutto.atom.xml")).findall(
        "a:entry", ns) if e.findtext("a:title", None, ns) == "Con copertina"]
    assert entry.findtext("a:summary", None, ns) == "<p>Il primo paragrafo.</p>"  # the lead


def test_addresses_in_an_item_have_no_spaces(build):
    """A picture named with a space (``foto bella.png``, as cameras and phones name
    them) was written into the feeds as ``src=".../immagini/foto bella.png"``: not a
    valid URL (RFC 3986; HTML's validators refuse it), which readers that check or proxy
    images leave out. Browsers send it as ``%20``: the feeds now say so."""
    site = build({
        "notizie/a.md": article(title="Spazi", slug="spazi", body="""\
            ![Il cortile]({static}/immagini/foto bella.png)

            Il [documento]({static}/immagini/foto bella.png) e [qui](#la nota)."""),
        "immagini/foto bella.png": samples.image("PNG", (900, 600)),
    })
    assert site.ok, site.log
    for kind in ("atom", "rss"):
        root = ET.fromstring(site.text(f"/feeds/tutto.{kind}.xml"))
        html = " ".join(element.text or "" for element in root.iter()
                        if element.tag.rsplit("}", 1)[-1] in ("content", "description"))
        soup = BeautifulSoup(html, "html.parser")
        assert soup.img["src"] == f"{SITEURL}/immagini/foto%20bella.png", kind
        assert [a["href"] for a in soup.select("p a")] == [
            f"{SITEURL}/immagini/foto%20bella.png", f"{SITEURL}/2024/05/spazi/#la%20nota"]
        assert site.exists(soup.img["src"])


def test_every_feed_carries_the_sites_logo(build_once):
    """Feed readers show a subscription with its feed's picture (Atom ``<icon>``, RSS
    ``<image>``), else a blank square: none of the feeds named the site's logo."""
    site = build_once(ITEMS)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    logo = f"{SITEURL}/theme/logo.png"
    assert site.exists(logo)
    for name, page in (("tutto", "/"), ("categorie/notizie", "/categorie/notizie/")):
        atom = ET.fromstring(site.text(f"/feeds/{name}.atom.xml"))
        assert atom.findtext("a:icon", None, ns) == logo, name  # square, as RFC 4287 wants
        assert parse(site, f"/feeds/{name}.atom.xml").feed.icon == logo
        channel = ET.fromstring(site.text(f"/feeds/{name}.rss.xml")).find("channel")
        image = channel.find("image")
        assert image is not None, name
        # RSS 2.0: url, and the channel's own title and link; at most 144 × 400
        assert image.findtext("url") == logo
        assert image.findtext("title") == channel.findtext("title")
        assert image.findtext("link") == channel.findtext("link") == SITEURL + page
        assert int(image.findtext("width")) <= 144 and int(image.findtext("height")) <= 400
        assert int(image.findtext("width")) == int(image.findtext("height"))  # square logo
        assert not parse(site, f"/feeds/{name}.rss.xml").bozo


def test_an_item_whose_title_changed_keeps_its_id_when_its_old_address_is_kept(tmp_path):
    """A title changed without ``slug:`` moves the article; the publish asks the editor to
    keep the old address (``indirizzi_precedenti``), which then leads to the new one. The
    feeds' id (Atom ``<id>``, RSS ``<guid>``) was made from the new address: every feed
    reader showed the article a second time, as news. An address the article had on this
    site keeps its id; one from the old portal is not an id the feeds ever gave."""
    def ids(folder, files):
        return entry_ids(build_site(tmp_path / folder, files))

    before = ids("prima", {
        "notizie/festa.md": article(title="Festa in cortile", date="2024-05-05 17:07"),
        "notizie/migrata.md": article(title="Dal vecchio portale", date="2024-05-01 10:00",
                                      indirizzi_precedenti=["/notizie/123.html"]),
    })
    after = ids("dopo", {
        "notizie/festa.md": article(title="Festa nel cortile grande", date="2024-05-05 17:07",
                                    indirizzi_precedenti=["/2024/05/festa-in-cortile/"]),
        "notizie/migrata.md": article(title="Dal vecchio portale", date="2024-05-01 10:00",
                                      indirizzi_precedenti=["/notizie/123.html"]),
        "notizie/giugno.md": article(title="Spostata a giugno", date="2024-06-02 10:00",
                                     indirizzi_precedenti=["/2024/05/spostata-a-giugno/"]),
    })
    moved = f"{SITEURL}/2024/05/festa-in-cortile/"
    assert after[f"{SITEURL}/2024/05/festa-nel-cortile-grande/"] == before[moved] == \
        "tag:farelegami.example.org,2024-05:/2024/05/festa-in-cortile/"
    migrated = f"{SITEURL}/2024/05/dal-vecchio-portale/"
    assert after[migrated] == before[migrated] == \
        "tag:farelegami.example.org,2024-05:/2024/05/dal-vecchio-portale/"
    # a date moved to another month: the id of the earlier address, with its month
    assert after[f"{SITEURL}/2024/06/spostata-a-giugno/"] == \
        "tag:farelegami.example.org,2024-05:/2024/05/spostata-a-giugno/"
    from plugins.feeds.ids import PREVIOUS_ADDRESSES  # noqa: PLC0415 - after the real checks
    assert PREVIOUS_ADDRESSES == KEY  # the key plugins/redirects reads


def test_an_earlier_address_written_with_index_html_keeps_the_id(build):
    """``/2024/05/festa-in-cortile/index.html`` is the same page as
    ``/2024/05/festa-in-cortile/`` (plugins/redirects writes that very file, which the
    web server sends for both): the article's earlier address, and its id, all the same."""
    site = build({"notizie/festa.md": article(
        title="Festa nel cortile grande",
        indirizzi_precedenti=["/2024/05/festa-in-cortile/index.html"])})
    assert site.ok, site.log
    assert site.exists("/2024/05/festa-in-cortile/")
    for kind in ("atom", "rss"):
        [entry] = parse(site, f"/feeds/tutto.{kind}.xml").entries
        assert entry.link == f"{SITEURL}/2024/05/festa-nel-cortile-grande/"
        assert entry.id == "tag:farelegami.example.org,2024-05:/2024/05/festa-in-cortile/"


def test_a_moved_item_in_english_alone_keeps_its_id(tmp_path):
    """An article written in English alone is in the feeds at its own pattern,
    ``ARTICLE_LANG_URL`` (``/en/2024/05/…/``): its earlier address was matched against
    ``ARTICLE_URL`` (``/2024/05/…/``) only, so a title changed gave it a new id."""
    def ids(folder, files):
        site = build_site(tmp_path / folder, files)
        assert site.ok, site.log
        return {entry.link: entry.id for kind in ("atom", "rss")
                for entry in parse(site, f"/feeds/tutto.{kind}.xml").entries}

    before = ids("prima", {"notizie/v.md": article(title="Volunteers wanted", lang="en")})
    after = ids("dopo", {"notizie/v.md": article(
        title="Volunteers wanted this spring", lang="en",
        indirizzi_precedenti=["/en/2024/05/volunteers-wanted/"])})
    old, new = (f"{SITEURL}/en/2024/05/{slug}/"
                for slug in ("volunteers-wanted", "volunteers-wanted-this-spring"))
    assert before == {old: "tag:farelegami.example.org,2024-05:/en/2024/05/volunteers-wanted/"}
    assert after == {new: before[old]}


def test_a_moved_item_keeps_its_id_on_a_site_under_a_path(tmp_path):
    """A site served under a path (GitHub Pages' ``https://OWNER.github.io/REPO``, as the
    README offers): an earlier address is a path of the site, written where the site's
    own pages are (``/2024/05/festa-in-cortile/`` is ``…/REPO/2024/05/festa-in-cortile/``).
    The kept id was made from the host's root, without the site's path: not the id the
    readers knew, so they showed the article again as news."""
    siteurl = "https://owner.github.io/farelegami"

    def ids(folder, files):
        site = build_site(tmp_path / folder, files, siteurl=siteurl)
        assert site.ok, site.log
        return {entry.link: entry.id for kind in ("atom", "rss")
                for entry in feedparser.parse(site.text(f"/feeds/tutto.{kind}.xml")).entries}

    before = ids("prima", {"notizie/festa.md": article(title="Festa in cortile")})
    after = ids("dopo", {"notizie/festa.md": article(
        title="Festa nel cortile grande", indirizzi_precedenti=["/2024/05/festa-in-cortile/"])})
    assert before == {f"{siteurl}/2024/05/festa-in-cortile/":
                      "tag:owner.github.io,2024-05:/farelegami/2024/05/festa-in-cortile/"}
    assert after == {f"{siteurl}/2024/05/festa-nel-cortile-grande/":
                     before[f"{siteurl}/2024/05/festa-in-cortile/"]}


def entry_ids(site):
    """``{link: id}`` of every entry of the whole site's and the Notizie feeds, Atom and
    RSS: each link has one id in all of them."""
    assert site.ok, site.log
    found = {}
    for name in ("tutto", "categorie/notizie"):
        for kind in ("atom", "rss"):
            for entry in parse(site, f"/feeds/{name}.{kind}.xml").entries:
                found.setdefault(entry.link, set()).add(entry.id)
    return {link: one for link, (one,) in found.items()}


def test_a_date_corrected_within_its_month_keeps_the_items_id(tmp_path):
    """An editor corrects an article's date within its month (the 4th was the 14th): its
    address is the same (``ARTICLE_URL`` shows the year and the month), but Pelican's id
    held the whole date, so every feed reader showed the article a second time, as news.
    The id holds the year and the month only; the entry's date is the corrected one."""
    def build(folder, date):
        site = build_site(tmp_path / folder, {"notizie/festa.md": article(
            title="Festa in cortile", date=date)})
        [entry] = parse(site, "/feeds/tutto.atom.xml").entries
        return entry_ids(site), entry.published

    before, published_before = build("prima", "2025-03-04 10:00")
    after, published_after = build("dopo", "2025-03-14 10:00")
    assert before == after == {f"{SITEURL}/2025/03/festa-in-cortile/":
                               "tag:farelegami.example.org,2025-03:/2025/03/festa-in-cortile/"}
    assert (published_before, published_after) == ("2025-03-04T10:00:00+01:00",
                                                    "2025-03-14T10:00:00+01:00")


def test_a_date_corrected_to_another_month_keeps_the_id_when_its_old_address_is_kept(tmp_path):
    """A date corrected to another month (31 March was 1 April) moves the article: its
    address has the month. The publish asks for the old address (``indirizzi_precedenti``),
    which leads to the new one; the id, made from the address and its year and month,
    was made from the new one, so every feed reader showed the article again as news. It
    is made from the old address and the month it shows, as before the correction."""
    before = entry_ids(build_site(tmp_path / "prima", {"notizie/festa.md": article(
        title="Festa in cortile", date="2025-03-31 18:00")}))
    after = entry_ids(build_site(tmp_path / "dopo", {"notizie/festa.md": article(
        title="Festa in cortile", date="2025-04-01 18:00",
        indirizzi_precedenti=["/2025/03/festa-in-cortile/"])}))
    assert before == {f"{SITEURL}/2025/03/festa-in-cortile/":
                      "tag:farelegami.example.org,2025-03:/2025/03/festa-in-cortile/"}
    assert after == {f"{SITEURL}/2025/04/festa-in-cortile/":
                     before[f"{SITEURL}/2025/03/festa-in-cortile/"]}


# A site moved from GitHub Pages to its own domain, its builds read by the two tests
# below (``build_once``): before the move, after it (an article moved since, with
# FEEDS_ID_SITEURL), and the same content at the new address without FEEDS_ID_SITEURL.
OLD_SITEURL = "https://owner.github.io/farelegami"
MOVING = {"notizie/festa.md": article(title="Festa in cortile"),
          "notizie/mercato.md": article(title="Mercato", date="2024-05-02 09:00")}
MOVED = {**MOVING, "notizie/mercato.md": article(
    title="Mercato di primavera", date="2024-05-02 09:00",
    indirizzi_precedenti=["/2024/05/mercato/"])}
MOVED_SETTINGS = f"FEEDS_ID_SITEURL = {OLD_SITEURL + '/'!r}\n"


def test_a_site_moved_to_another_address_keeps_its_items_ids(build_once):
    """A site moved from GitHub Pages (``https://OWNER.github.io/REPO``) to its own domain:
    every id held the host and the path of ``SITEURL``, so every feed reader showed every
    item again, as news. ``FEEDS_ID_SITEURL``, the address the ids are made from, keeps
    them, an article moved since (a title changed, its old address kept) too; without it
    the ids are made from ``SITEURL``."""
    old = OLD_SITEURL
    before = entry_ids(build_once(MOVING, siteurl=old))
    assert before == {
        f"{old}/2024/05/festa-in-cortile/":
            "tag:owner.github.io,2024-05:/farelegami/2024/05/festa-in-cortile/",
        f"{old}/2024/05/mercato/": "tag:owner.github.io,2024-05:/farelegami/2024/05/mercato/"}
    after = entry_ids(build_once(MOVED, MOVED_SETTINGS))
    assert after == {f"{SITEURL}/2024/05/festa-in-cortile/":
                     before[f"{old}/2024/05/festa-in-cortile/"],
                     f"{SITEURL}/2024/05/mercato-di-primavera/": before[f"{old}/2024/05/mercato/"]}
    assert entry_ids(build_once(MOVING)) == {
        f"{SITEURL}/2024/05/festa-in-cortile/":
            "tag:farelegami.example.org,2024-05:/2024/05/festa-in-cortile/",
        f"{SITEURL}/2024/05/mercato/": "tag:farelegami.example.org,2024-05:/2024/05/mercato/"}


def atom_feed_ids(site):
    """``{feed path: its Atom <id>}`` of every Atom feed of the build."""
    assert site.ok, site.log
    return {path.relative_to(site.output).as_posix():
            ET.parse(path).getroot().findtext("a:id", namespaces=ATOM)
            for path in sorted(site.output.glob("feeds/**/*.atom.xml"))}


def test_a_site_moved_to_another_address_keeps_its_feeds_ids(build_once):
    """RFC 4287 4.2.6: a relocated feed's ``<id>`` MUST NOT change. A feed's id is its
    own address: a site moved with ``FEEDS_ID_SITEURL`` set kept its items' ids, while
    every Atom feed got a new one (the new host's address), so a reader that knows a
    feed by its id took it for another feed. Under ``FEEDS_ID_SITEURL`` it stays the
    address the feed had there; without it, the feed's own address."""
    old = OLD_SITEURL
    before = atom_feed_ids(build_once(MOVING, siteurl=old))
    assert before == {"feeds/categorie/notizie.atom.xml":
                      f"{old}/feeds/categorie/notizie.atom.xml",
                      "feeds/tutto.atom.xml": f"{old}/feeds/tutto.atom.xml"}
    assert atom_feed_ids(build_once(MOVED, MOVED_SETTINGS)) == before
    assert atom_feed_ids(build_once(MOVING)) == {path: f"{SITEURL}/{path}" for path in before}


@pytest.mark.parametrize("value", ["owner.github.io/farelegami", "https://",
                                   "https://owner.github.io/farelegami?x=1", "ftp://example.org"])
def test_an_id_address_that_is_no_sites_address_is_named_and_replaced(caplog, value):
    from plugins.feeds import settings as feeds_settings  # noqa: PLC0415

    with caplog.at_level(logging.ERROR):
        settings = feeds_settings.install({"FEEDS_ID_SITEURL": value})
    assert [record.getMessage() for record in caplog.records] == [
        f"FEEDS_ID_SITEURL: must be a site's address, https://host[/path] without spaces,"
        f" query or fragment, or '', not {value!r}; using ''"]
    assert settings["FEEDS_ID_SITEURL"] == ""
    assert feeds_settings.install({"FEEDS_ID_SITEURL": " https://Owner.github.io/r/ "}) == {
        "FEEDS_ID_SITEURL": "https://Owner.github.io/r"}


def test_a_feed_without_items_has_the_same_date_in_every_build(tmp_path):
    """A site with no article published yet (its first ones scheduled, or none written)
    has its whole-site feeds without items: feedgenerator dated them (Atom ``<updated>``,
    RSS ``<lastBuildDate>``) with the time of the build, so two builds of the same content
    differed, and every publish was a new release. Their date is the Unix epoch."""
    files = {"pages/chi-siamo.md": "---\ntitle: Chi siamo\n---\nTesto.\n"}
    one, two = (build_site(tmp_path / name, files) for name in ("uno", "due"))
    assert one.ok and two.ok, one.log + two.log
    for kind in ("atom", "rss"):
        url = f"/feeds/tutto.{kind}.xml"
        assert parse(one, url).entries == [] and not parse(one, url).bozo, kind
        assert one.text(url) == two.text(url), kind
    assert ET.fromstring(one.text("/feeds/tutto.atom.xml")).findtext(
        "a:updated", namespaces=ATOM) == "1970-01-01T00:00:00+00:00"
    assert ET.fromstring(one.text("/feeds/tutto.rss.xml")).findtext(
        "channel/lastBuildDate") == "Thu, 01 Jan 1970 00:00:00 +0000"


def test_the_test_server_sends_the_feeds_with_the_types_nginx_gives_them(build_once):
    """The browser tests' server (browser_support.SiteServer) stands for nginx: it sent
    the feeds as application/xml without a charset, while deploy/nginx.conf sends
    application/atom+xml and application/rss+xml in UTF-8 (test_nginx.py)."""
    site = build_once(ITEMS)
    server = SiteServer(site.output)
    try:
        for name, kind in (("tutto.atom.xml", "atom"), ("tutto.rss.xml", "rss"),
                           ("categorie/notizie.atom.xml", "atom")):
            connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
            connection.request("GET", f"/feeds/{name}")
            response = connection.getresponse()
            body = response.read()
            connection.close()
            assert response.status == 200 and body == site.path(f"/feeds/{name}").read_bytes()
            assert response.getheader("Content-Type") == \
                f"application/{kind}+xml; charset=utf-8", name
    finally:
        server.close()


def test_an_item_without_text_has_its_picture_and_documents_as_its_atom_content(build):
    """A notice that is only its cover and its documents (no text: a warning, not an
    error): its Atom entry had the picture and the list of documents as its ``<summary>``
    and an empty ``<content>``, which is what readers show as the entry (RFC 4287: the
    content; the summary is an excerpt): feedparser, and the readers built on it, gave an
    empty article. RSS has one ``<description>``: it held them already."""
    site = build({
        "avvisi/bando.md": article(title="Bando 2024", slug="bando", body="",
                                   image="immagini/locandina.jpg", image_alt="La locandina",
                                   attachments=["allegati/bando.pdf"]),
        "immagini/locandina.jpg": samples.image("JPEG", (600, 800)),
        "allegati/bando.pdf": samples.pdf(),
    })
    assert site.ok, site.log
    for name in ("tutto", "categorie/avvisi"):
        [entry] = parse(site, f"/feeds/{name}.atom.xml").entries
        [content] = entry.content
        soup = BeautifulSoup(content.value, "html.parser")
        assert soup.img["src"] == f"{SITEURL}/immagini/locandina.jpg", (name, content.value)
        assert f"{SITEURL}/allegati/bando.pdf" in {a["href"] for a in soup.select("a")}, name
        root = ET.fromstring(site.text(f"/feeds/{name}.atom.xml"))
        assert root.find("a:entry/a:summary", ATOM) is None, name  # no excerpt of nothing
        [item] = parse(site, f"/feeds/{name}.rss.xml").entries
        soup = BeautifulSoup(item.description, "html.parser")
        assert soup.img["src"] == f"{SITEURL}/immagini/locandina.jpg", name
        assert f"{SITEURL}/allegati/bando.pdf" in {a["href"] for a in soup.select("a")}, name


def test_an_items_own_summary_opens_its_content_in_the_feeds(build):
    """An item's ``summary:`` is its lead: the page shows it under the title, above the
    cover and the body, and it is not part of the body. RSS carried the body alone (its
    one ``<description>``), Atom had the lead only as ``<summary>``, which readers do not
    show beside a ``<content>``: a reader who follows the site from a feed reader never
    read it. It now opens the content, then the cover, then the body, as on the page; a
    lead taken from the body's first paragraph is not written twice."""
    site = build({
        "notizie/a.md": article(
            title="Con sommario", slug="sommario", image="immagini/cortile.jpg",
            image_alt="Il cortile", body="Il testo.\n\n## Orari\n\nDalle 9.",
            summary="'Una frase sotto il titolo, con [gli orari](#orari).'"),
        "notizie/b.md": article(title="Senza sommario", slug="senza", date="2024-05-04 10:00",
                                body="Il primo paragrafo.\n\nIl secondo."),
        "immagini/cortile.jpg": samples.image("JPEG", (1200, 800)),
    })
    assert site.ok, site.log
    for name, kind, html in item_contents(site):
        soup = BeautifulSoup(html["Con sommario"], "html.parser")
        lead, figure, text = soup.find_all(True, recursive=False)[:3]
        assert lead.get_text() == "Una frase sotto il titolo, con gli orari.", (name, kind)
        assert lead.a["href"] == f"{SITEURL}/2024/05/sommario/#orari"
        assert figure.img["src"] == f"{SITEURL}/immagini/cortile.jpg", (name, kind)
        assert text.get_text() == "Il testo.", (name, kind)
        assert html["Senza sommario"].count("Il primo paragrafo.") == 1, (name, kind)
    root = ET.fromstring(site.text("/feeds/tutto.atom.xml"))
    summaries = {e.findtext("a:title", None, ATOM): e.findtext("a:summary", None, ATOM)
                 for e in root.findall("a:entry", ATOM)}
    assert summaries["Con sommario"] == (  # the lead is still the entry's summary
        f'<p>Una frase sotto il titolo, con <a href="{SITEURL}/2024/05/sommario/#orari">'
        "gli orari</a>.</p>")


def test_an_items_cover_in_the_feeds_offers_its_variants(build):
    """The cover opened the item's content in the feeds as its original alone, while its
    page and the pictures of its body offer the WebP variants (``srcset``): a reader on a
    phone loaded the camera's original, of several megabytes, for every item. It offers
    them too, absolute; the original stays the ``src`` for readers that ignore them."""
    site = build({
        "notizie/a.md": article(title="Copertina grande", slug="grande",
                                image="immagini/grande.jpg", image_alt="Il cortile"),
        "immagini/grande.jpg": samples.photo(3000, 2000),
    })
    assert site.ok, site.log
    page = site.soup("/2024/05/grande/").select_one(".article-cover img")
    for name in ("tutto", "categorie/notizie"):
        for kind in ("atom", "rss"):
            root = ET.fromstring(site.text(f"/feeds/{name}.{kind}.xml"))
            [html] = [element.text for element in root.iter()
                      if element.tag.rsplit("}", 1)[-1] in ("content", "description")
                      and "<figure>" in (element.text or "")]
            img = BeautifulSoup(html, "html.parser").figure.img
            assert img["src"] == f"{SITEURL}/immagini/grande.jpg", (name, kind)
            assert (img.get("srcset"), img.get("sizes")) == (page["srcset"], page["sizes"]), \
                (name, kind)
            candidates = [candidate.split()[0] for candidate in img["srcset"].split(",")]
            assert any(url.endswith(".webp") for url in candidates), img["srcset"]
            assert all(url.startswith(SITEURL + "/") and site.exists(url)
                       for url in candidates), img["srcset"]


def test_an_rss_of_summaries_gives_the_lead_once(build):
    """With ``RSS_FEED_SUMMARY_ONLY`` (Pelican's setting: an RSS item's description is
    the item's summary) the lead that opens an item's content was written twice."""
    site = build({"notizie/a.md": article(title="Con sommario", body="Il testo.",
                                          summary="'Una frase sotto il titolo.'")},
                 "RSS_FEED_SUMMARY_ONLY = True\n")
    assert site.ok, site.log
    [item] = parse(site, "/feeds/tutto.rss.xml").entries
    assert item.description == "<p>Una frase sotto il titolo.</p>"
    [entry] = parse(site, "/feeds/tutto.atom.xml").entries  # Atom: the content as ever
    assert entry.content[0].value == "<p>Una frase sotto il titolo.</p>\n<p>Il testo.</p>"


def test_a_tables_aligned_columns_stay_aligned_in_feed_readers(build):
    """A column aligned in Markdown (``--:``) is a class on the site, which its stylesheet
    aligns (``align=`` is obsolete HTML, and the stylesheet outranked it); a feed reader
    has no stylesheet, so the feeds' cells say it with ``align`` instead."""
    site = build({"notizie/a.md": article(title="Orari", slug="orari", body="""\
        | Giorno | Ore |
        | :----- | --: |
        | Lunedì | 9-12 |
        """)})
    assert site.ok, site.log
    page = site.soup("/2024/05/orari/").select("td")
    assert [(td.get("class"), td.get("align")) for td in page] == [
        (["align-left"], None), (["align-right"], None)]
    for name, kind, html in item_contents(site):
        cells = BeautifulSoup(html["Orari"], "html.parser").select("th, td")
        assert [(cell.get("class"), cell.get("align")) for cell in cells] == [
            (None, "left"), (None, "right")] * 2, (name, kind)


def test_an_items_summary_has_no_footnote_references(build):
    """An item without ``summary:`` has its first paragraph as its lead, the Atom entry's
    ``<summary>`` (and RSS's description with ``RSS_FEED_SUMMARY_ONLY``). A footnote's
    reference in that paragraph went with it: readers show the summary in their lists as
    text, "Aperto dal lunedì1 al venerdì", and its link, where no note is, repeated the
    ``id`` of the one in the content. The site's listings leave it out (``card_lead``);
    the feeds' summaries do too. The content keeps the reference and its note."""
    files = {"notizie/a.md": article(title="Orari", slug="orari", body="""\
        Aperto dal lunedì[^1] al *venerdì*.

        Il secondo paragrafo.

        [^1]: Tranne i festivi.""")}
    for settings, kinds in (("", ("atom",)), ("RSS_FEED_SUMMARY_ONLY = True\n", ("rss",))):
        site = build(files, settings)
        assert site.ok, site.log
        for name in ("tutto", "categorie/notizie"):
            for kind in kinds:
                [entry] = parse(site, f"/feeds/{name}.{kind}.xml").entries
                assert entry.summary == "<p>Aperto dal lunedì al <em>venerdì</em>.</p>", \
                    (name, kind, settings)
    atom = parse(site, "/feeds/tutto.atom.xml").entries[0].content[0].value
    content = BeautifulSoup(atom, "html.parser")
    assert content.select_one("sup a")["href"] == f"{SITEURL}/2024/05/orari/#fn:1"
    assert "Tranne i festivi." in content.select_one("ol").get_text()


def test_a_video_in_an_item_is_a_link_in_the_feeds(build):
    """A video a body embeds (``<iframe>`` from a host ``CONTRACT_IFRAME_HOSTS`` allows)
    went into the feeds as it is: feed readers' sanitizers drop iframes (feedparser's,
    and the readers built on it), so a subscriber read the text around a video that was
    not there, with nothing to say it was; readers that keep them load the video's host
    when the entry is shown. In the feeds it is a link to the video, named by the
    iframe's title (a video without one stops the build: test_content_errors); the page
    still shows the video."""
    site = build({"notizie/a.md": article(title="Video", slug="video", body="""\
        Il racconto della festa.

        <iframe title="La festa &amp; i giochi" src="https://www.youtube-nocookie.com/embed/abc" width="560" height="315"></iframe>

        Guarda anche <iframe title="I giochi" src="https://www.youtube-nocookie.com/embed/def"></iframe> qui.""")},
        "CONTRACT_IFRAME_HOSTS = ['www.youtube-nocookie.com']\n")
    assert site.ok, site.log
    assert [frame["src"] for frame in site.soup("/2024/05/video/").select(
        ".article-body iframe")] == ["https://www.youtube-nocookie.com/embed/abc",
                                     "https://www.youtube-nocookie.com/embed/def"]
    for name in ("tutto", "categorie/notizie"):
        for kind in ("atom", "rss"):
            assert "iframe" not in site.text(f"/feeds/{name}.{kind}.xml"), (name, kind)
    for name, kind, html in item_contents(site):  # as feedparser's sanitizer leaves it
        soup = BeautifulSoup(html["Video"], "html.parser")
        links = [(a["href"], a.get_text()) for a in soup.select("a")]
        assert links == [
            ("https://www.youtube-nocookie.com/embed/abc", "Guarda il video: La festa & i giochi"),
            ("https://www.youtube-nocookie.com/embed/def", "Guarda il video: I giochi")], (
            name, kind)
        assert " ".join(soup.get_text().split()) == (
            "Il racconto della festa. Guarda il video: La festa & i giochi"
            " Guarda anche Guarda il video: I giochi qui."), (name, kind)


def test_a_text_to_open_is_open_in_the_feeds(build):
    """``<details>`` and ``<summary>`` (a text to open, allowed in a body) went into the
    feeds as they are: feedparser's sanitizer, and the readers built on it, keep
    ``<details>`` and drop ``<summary>``, so a reader showed a closed box named by the
    browser ("Details"), which held the summary run into the text ("Orari e costiDal
    lunedì"). In the feeds the summary is the text's first line, in bold, and the text
    follows, open: a feed entry is there to be read; the page still folds it."""
    site = build({"notizie/a.md": article(title="Da aprire", slug="aprire", body="""\
        Il programma.

        <details open><summary lang="it">Orari &amp; costi</summary>Dal lunedì al venerdì.
        <p>Ingresso libero.</p></details>

        <details><summary><strong>Come arrivare</strong></summary><p>In bicicletta.</p></details>""")})
    assert site.ok, site.log
    page = site.soup("/2024/05/aprire/")
    assert [s.get_text() for s in page.select(".article-body details > summary")] == [
        "Orari & costi", "Come arrivare"]
    for name in ("tutto", "categorie/notizie"):
        for kind in ("atom", "rss"):
            text = site.text(f"/feeds/{name}.{kind}.xml")
            assert "details" not in text and "summary&gt;" not in text, (name, kind)
    for name, kind, html in item_contents(site):  # as feedparser's sanitizer leaves it
        soup = BeautifulSoup(html["Da aprire"], "html.parser")
        assert [" ".join(block.get_text(" ").split()) for block in soup.find_all(["p", "div"])] \
            == ["Il programma.",
                "Orari & costi Dal lunedì al venerdì. Ingresso libero.", "Orari & costi",
                "Dal lunedì al venerdì.",  # Markdown inside <details>: a paragraph
                "Ingresso libero.",
                "Come arrivare In bicicletta.", "Come arrivare", "In bicicletta."], (name, kind)
        assert [strong.get_text() for strong in soup.select("p > strong")] == [
            "Orari & costi", "Come arrivare"], (name, kind)


def test_a_text_to_open_keeps_its_attributes_in_the_feeds(build):
    """Only the ``open`` attribute of ``<details>`` is taken away in the feeds: the word
    "open" in another attribute's value was cut too (``title="Scuola open day"`` became
    ``"Scuola day"``; a class, which the feeds leave out, became ``"riquadroer"``)."""
    site = build({"notizie/a.md": article(title="Da aprire", slug="aprire", body="""\
        <details open title="Scuola open day" class="riquadro opener"><summary>Orari</summary>
        <p>Dal lunedì.</p></details>""")})
    assert site.ok, site.log
    for name, kind, html in item_contents(site):
        soup = BeautifulSoup(html["Da aprire"], "html.parser")
        assert [(div.get("title"), div.get("class")) for div in soup.find_all("div")] == [
            ("Scuola open day", None)], (name, kind, html)


def test_a_tag_named_as_the_category_is_one_category_of_the_item(build):
    """An item's category and tags are the feed entry's categories (Atom ``<category>``,
    RSS ``<category>``): a tag named as the item's category ("Avvisi" in Avvisi, or
    "avvisi") was written twice, and readers that show them listed "Avvisi, Avvisi"."""
    site = build({"avvisi/a.md": article(title="Chiusura", slug="chiusura",
                                         tags=["avvisi", "Crema", "Sportello"])})
    assert site.ok, site.log
    for name in ("tutto", "categorie/avvisi"):
        atom = ET.fromstring(site.text(f"/feeds/{name}.atom.xml"))
        assert [c.get("term") for c in atom.iter("{http://www.w3.org/2005/Atom}category")] \
            == ["Avvisi", "Crema", "Sportello"], name
        rss = ET.fromstring(site.text(f"/feeds/{name}.rss.xml"))
        assert [c.text for c in rss.iter("category")] == ["Avvisi", "Crema", "Sportello"], name
        assert [t.term for t in parse(site, f"/feeds/{name}.atom.xml").entries[0].tags] == [
            "Avvisi", "Crema", "Sportello"], name
    assert site.exists("/argomenti/avvisi/")  # the tag is still a tag on the site


# --- every feed, strictly: RFC 4287 and RSS 2.0 ----------------------------------------

RFC_3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})")
RFC_822 = re.compile(r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul"
                     r"|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}")
ABSOLUTE = ("https://", "http://", "mailto:", "tel:")
SCHEDULED = f"{datetime.now().year + 1}-01-15 10:00"  # ahead whenever the test runs
EVERY_KIND = {
    "allegati/2025/bando.pdf": samples.pdf(3),
    "allegati/2025/Modulo Domanda.PDF": samples.pdf(1),
    "immagini/cortile bello.jpg": samples.photo(900, 600),
    "notizie/allegati.md": """\
        ---
        title: Un bando con due documenti
        date: 2025-03-10 09:00
        tags: [Crema, Bandi]
        attachments:
          - file: allegati/2025/bando.pdf
            title: Il bando
          - allegati/2025/Modulo Domanda.PDF
        ---

        Le domande entro aprile.
        """,
    "notizie/copertina.md": article(title="Festa con copertina", date="2025-04-02 18:00",
                                    image="immagini/cortile bello.jpg",
                                    image_alt="Il cortile pieno", tags=["Cremona"]),
    "notizie/bozza.md": article(title="Bozza riservata", date="2025-04-03 10:00",
                                status="draft"),
    "notizie/programmata.md": article(title="Notizia programmata", date=SCHEDULED),
    "avvisi/simboli.md": article(title="Caffè & <dolci> 🎉 all'oratorio",
                                 date="2025-05-01 08:00", tags=["Crema"]),
    "notizie/relativi.md": article(title="Link relativi", date="2025-06-01 12:00", body="""\
        Vedi [come seguirci](/segui/), [la sezione](#sotto), [la festa]({filename}copertina.md)
        e [il bando]({static}/allegati/2025/bando.pdf).

        ![Il cortile]({static}/immagini/cortile bello.jpg)

        ## Sotto

        <a href="/archivio/">L'archivio</a>."""),
    "comunicati-stampa/aggiornato.md": article(title="Comunicato aggiornato",
                                               date="2025-02-01 10:00",
                                               modified="2025-02-20 15:30", tags=["Bandi"]),
}


def html_addresses(html):
    """Every address an item's HTML names (links, sources, each candidate of a srcset)."""
    for element in BeautifulSoup(html or "", "html.parser").find_all(True):
        yield from (element[name] for name in ("href", "src", "poster", "cite")
                    if element.has_attr(name))
        if element.has_attr("srcset"):
            yield from (part.split()[0] for part in element["srcset"].split(",") if part.strip())


def content_problems(site, where, html):
    """Addresses of an item's HTML that are relative (a reader resolves them against the
    feed's address) or that name a file of the site the build did not write."""
    problems = []
    for address in html_addresses(html):
        if not address.startswith(ABSOLUTE):
            problems.append(f"{where}: relative {address!r}")
        elif address.startswith(SITEURL) and not site.exists(address.split("#")[0]):
            problems.append(f"{where}: no file at {address}")
    return problems


def enclosure_problems(site, where, url, length, mime):
    """An enclosure whose file is missing, whose length is not its size on disk (what the
    web server sends) or that has no type."""
    if not site.exists(url):
        return [f"{where}: enclosure {url} missing"]
    size = site.path(url).stat().st_size
    return ([f"{where}: enclosure {url} length {length}, {size} bytes on disk"]
            if length != str(size) else []) + ([f"{where}: enclosure {url} without type"]
                                               if not mime else [])


def atom_problems(site, url):
    """What RFC 4287 (and readers) refuse in the Atom feed at ``url``."""
    root = ET.fromstring(site.text(url))
    a = "{http://www.w3.org/2005/Atom}"
    problems = [f"{url}: feed has not one {name}" for name in ("id", "title", "updated")
                if len(root.findall(a + name)) != 1]
    if root.get("{http://www.w3.org/XML/1998/namespace}lang") != "it":
        problems.append(f"{url}: xml:lang is not it")
    if [link.get("href") for link in root.findall(a + "link") if link.get("rel") == "self"] \
            != [SITEURL + url]:
        problems.append(f"{url}: self link")
    ids = []
    for entry in root.findall(a + "entry"):
        where = f"{url} {entry.findtext(a + 'title')!r}"
        problems += [f"{where}: not one {name}" for name in ("id", "title", "updated")
                     if len(entry.findall(a + name)) != 1]
        ids.append(entry.findtext(a + "id"))
        problems += [f"{where}: {name} {entry.findtext(a + name)!r}"
                     for name in ("updated", "published")
                     if not RFC_3339.fullmatch(entry.findtext(a + name) or "")]
        if entry.find(a + "author/" + a + "name") is None:  # the feed has no author
            problems.append(f"{where}: no author")
        alternates = [link.get("href") for link in entry.findall(a + "link")
                      if link.get("rel", "alternate") == "alternate"]
        if len(alternates) != 1 or not site.exists(alternates[0]):
            problems.append(f"{where}: alternate links {alternates}")
        for link in entry.findall(a + "link"):
            if link.get("rel") == "enclosure":
                problems += enclosure_problems(site, where, link.get("href"),
                                               link.get("length"), link.get("type"))
        for part in (entry.find(a + "content"), entry.find(a + "summary")):
            if part is not None:
                problems += content_problems(site, where, part.text)
    if len(set(ids)) != len(ids):
        problems.append(f"{url}: an id twice")
    return problems, ids


def rss_problems(site, url):
    """What RSS 2.0 (and readers) refuse in the RSS feed at ``url``."""
    channel = ET.fromstring(site.text(url)).find("channel")
    problems = [f"{url}: no channel {name}" for name in ("title", "link", "description")
                if not (channel.findtext(name) or "").strip()]
    if channel.findtext("language") != "it":
        problems.append(f"{url}: language {channel.findtext('language')!r}")
    if not RFC_822.fullmatch(channel.findtext("lastBuildDate") or ""):
        problems.append(f"{url}: lastBuildDate {channel.findtext('lastBuildDate')!r}")
    guids = []
    for item in channel.findall("item"):
        where = f"{url} {item.findtext('title')!r}"
        if not RFC_822.fullmatch(item.findtext("pubDate") or ""):
            problems.append(f"{where}: pubDate {item.findtext('pubDate')!r}")
        if not (item.findtext("link") or "").startswith(SITEURL + "/") \
                or not site.exists(item.findtext("link")):
            problems.append(f"{where}: link {item.findtext('link')!r}")
        guid = item.find("guid")
        guids.append(guid.text)
        if guid.get("isPermaLink", "true") != "false" and not guid.text.startswith(ABSOLUTE):
            problems.append(f"{where}: guid {guid.text!r} is no permalink")
        enclosures = item.findall("enclosure")
        if len(enclosures) > 1:  # RSS 2.0: at most one (readers take one)
            problems.append(f"{where}: {len(enclosures)} enclosures")
        for enclosure in enclosures:
            problems += enclosure_problems(site, where, enclosure.get("url"),
                                           enclosure.get("length"), enclosure.get("type"))
        problems += content_problems(site, where, item.findtext("description"))
    if len(set(guids)) != len(guids):
        problems.append(f"{url}: a guid twice")
    return problems, guids


def test_every_feed_of_a_site_with_every_kind_of_item_is_valid_and_absolute(build_once):
    """Each feed /segui/ lists, strictly: RFC 4287 (one id, title and updated, RFC 3339
    dates, an author and one alternate link per entry) and RSS 2.0 (RFC 822 dates, a
    guid that is no link marked so, one enclosure), no address in an item relative or
    naming a file the build did not write, enclosures as long as their files, ids each
    once and the same in Atom and RSS, no draft and no scheduled item, in Italian."""
    site = build_once(EVERY_KIND)
    assert site.ok, site.log
    feeds = [a["href"].removeprefix(SITEURL)
             for a in site.soup("/segui/").select("section.feed-group li a")]
    assert len(feeds) == 8  # whole site, Avvisi, Comunicati stampa, Notizie; Atom and RSS
    ids = {}
    for url in feeds:
        problems, found = (atom_problems if url.endswith(".atom.xml") else rss_problems)(
            site, url)
        assert problems == [], problems
        assert not parse(site, url).bozo, url
        ids[url] = found
    assert ids["/feeds/tutto.atom.xml"] == ids["/feeds/tutto.rss.xml"]
    assert len(ids["/feeds/tutto.atom.xml"]) == 5  # neither the draft nor the scheduled item
    titles = {entry.title: entry for entry in parse(site, "/feeds/tutto.atom.xml").entries}
    assert "Caffè & <dolci> 🎉 all’oratorio" in titles
    bando = titles["Un bando con due documenti"]  # both documents, each with its type
    assert [(link.href, link.type) for link in bando.links if link.rel == "enclosure"] == [
        (f"{SITEURL}/allegati/2025/bando.pdf", "application/pdf"),
        (f"{SITEURL}/allegati/2025/modulo-domanda.pdf", "application/pdf")]
    aggiornato = titles["Comunicato aggiornato"]
    assert (aggiornato.published, aggiornato.updated) == ("2025-02-01T10:00:00+01:00",
                                                          "2025-02-20T15:30:00+01:00")


def test_the_previews_feeds_mark_drafts_and_scheduled_items_as_its_pages_do(build_once):
    """A preview build lists drafts and scheduled items, its pages marking them (BOZZA,
    PROGRAMMATO and the date); its feeds carried them as any published item, and a feed
    reader subscribed to the preview showed a draft as news. Each feed's item title is
    marked as the page's, the others' left as they are; the public build has neither
    the items nor a mark."""
    scheduled = datetime.strptime(SCHEDULED, "%Y-%m-%d %H:%M")
    mark = f"PROGRAMMATO {scheduled.day} gennaio {scheduled.year} – Notizia programmata"
    preview = build_once(EVERY_KIND, config="previewconf")
    assert preview.ok, preview.log
    page = preview.soup("/")
    assert page.select(".badge-bozza") and page.select(".badge-programmato")
    for name in ("tutto", "categorie/notizie"):
        for kind in ("atom", "rss"):
            titles = [entry.title for entry in parse(preview, f"/feeds/{name}.{kind}.xml").entries]
            assert "BOZZA – Bozza riservata" in titles, (name, kind, titles)
            assert mark in titles, (name, kind, titles)
            assert "Bozza riservata" not in titles and "Notizia programmata" not in titles
            assert "Festa con copertina" in titles  # a published item: no mark
            assert sum("BOZZA" in t or "PROGRAMMATO" in t for t in titles) == 2, titles
    public = build_once(EVERY_KIND, config="publishconf")
    assert public.ok, public.log
    for feed in public.output.joinpath("feeds").rglob("*.xml"):
        text = feed.read_text(encoding="utf-8")
        assert "BOZZA" not in text and "PROGRAMMATO" not in text, feed
        assert "Bozza riservata" not in text and "Notizia programmata" not in text, feed


def test_the_preview_feeds_mark_is_the_pages_badge(build_once):
    """The feeds' mark and the pages' badge are one wording (plugins/article_meta's
    preview_mark, a Jinja global for badge.html): each marked item's feed title is the
    badge its card shows on the home page, " – ", its title."""
    preview = build_once(EVERY_KIND, config="previewconf")
    assert preview.ok, preview.log
    cards = {}
    for title in preview.soup("/").select(".card-title a"):
        badge = title.select_one(".badge-bozza, .badge-programmato")
        if badge is not None:
            badge.extract()
            cards[title.get_text(" ", strip=True)] = badge.get_text(strip=True)
    assert len(cards) == 2 and "Bozza riservata" in cards, cards
    for kind in ("atom", "rss"):
        titles = [entry.title for entry in parse(preview, f"/feeds/tutto.{kind}.xml").entries]
        for title, badge in cards.items():
            assert f"{badge} – {title}" in titles, (kind, badge, title, titles)


def test_the_badge_template_says_the_plugins_preview_mark():
    """theme/templates/partials/badge.html writes what ``preview_mark`` says, the global
    plugins/article_meta gives templates in the site's TIMEZONE (the feeds' mark too):
    a draft, a scheduled item (its date there, not UTC's; left out with date=false), a
    published one (nothing)."""
    from types import SimpleNamespace  # noqa: PLC0415
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    from plugins import article_meta  # noqa: PLC0415

    settings = {"TIMEZONE": "Europe/Rome", "PLUGINS": ["plugins.article_meta"]}
    article_meta.initialize(SimpleNamespace(settings=settings))
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent.parent / "theme" / "templates"),
        autoescape=True)
    environment.globals.update(settings["JINJA_GLOBALS"])
    macro = environment.from_string(
        '{% from "partials/badge.html" import bozza %}{{ bozza(item) }}|'
        "{{ bozza(item, date=false) }}")
    late = datetime(2030, 1, 14, 23, 30, tzinfo=timezone.utc)  # the 15th in Rome
    items = {"bozza": SimpleNamespace(is_bozza=True, is_programmato=False, date=late),
             "programmato": SimpleNamespace(is_bozza=False, is_programmato=True, date=late),
             "pubblicato": SimpleNamespace(is_bozza=False, is_programmato=False, date=late)}
    rome = ZoneInfo("Europe/Rome")
    for kind, item in items.items():
        soup = BeautifulSoup(macro.render(item=item), "html.parser")
        said = [article_meta.preview_mark(item, rome), article_meta.preview_mark(
            item, rome, date=False)]
        assert soup.get_text().split("|") == [f"{mark} " if mark else "" for mark in said]
        assert [span["class"] for span in soup.select("span")] == (
            [] if kind == "pubblicato" else [[f"badge-{kind}"]] * 2)
    assert article_meta.preview_mark(items["programmato"], rome) == "PROGRAMMATO 15 gennaio 2030"


def test_a_summary_that_repeats_the_first_paragraph_is_read_once(build):
    """An editor who copied the text's first paragraph into ``summary:`` (or began the
    text with the summary) had it twice on the page, under the title and again as the
    text began, in the search's excerpt of the page ("Il mercatino torna in piazza Roma.
    Il mercatino torna in piazza Roma. Si vendono…"), and in the feeds, whose items open
    with the summary. It is the lead, as a first paragraph without a summary is; a
    summary that only begins like the text is not."""
    site = build({
        "notizie/a.md": article(
            title="Il mercatino", slug="mercatino", summary="Il mercatino torna in piazza Roma.",
            body="Il *mercatino* torna in piazza Roma\n\nSi vendono libri usati."),
        "notizie/b.md": article(
            title="Il baratto", slug="baratto", date="2024-05-04 10:00",
            summary="Il baratto torna in piazza.",
            body="Il baratto torna in piazza Roma.\n\nSi scambiano libri usati."),
    })
    assert site.ok, site.log
    page = site.soup("/2024/05/mercatino/")
    assert page.select_one(".lead").get_text(strip=True) == "Il mercatino torna in piazza Roma."
    assert page.select_one(".article-body").get_text(strip=True) == "Si vendono libri usati."
    other = site.soup("/2024/05/baratto/")  # different words: both, as written
    assert other.select_one(".lead").get_text(strip=True) == "Il baratto torna in piazza."
    assert other.select_one(".article-body").get_text(" ", strip=True) == (
        "Il baratto torna in piazza Roma. Si scambiano libri usati.")
    for name, kind, html in item_contents(site):
        text = BeautifulSoup(html["Il mercatino"], "html.parser").get_text(" ", strip=True)
        assert text.count("piazza Roma") == 1, (name, kind, text)
        assert "Si vendono libri usati." in text, (name, kind, text)
        assert html["Il baratto"].count("piazza") == 2, (name, kind)


def test_a_summary_repeating_a_paragraph_with_a_link_or_a_note_keeps_the_paragraph(build):
    """A summary with the words of the first paragraph left the paragraph out of the body
    even when the paragraph held what the summary did not: its link was on the page
    nowhere, and its note's reference went with it (the note's ↩ led nowhere). The
    paragraph stays; with the same link in the summary, it is left out as before."""
    site = build({
        "notizie/a.md": article(
            title="Con un link", slug="link", summary="Il progetto FareLegami apre i laboratori.",
            body="Il progetto [FareLegami](https://www.comune.cremona.it/) apre i laboratori."
                 "\n\nSecondo paragrafo."),
        "notizie/b.md": article(
            title="Con una nota", slug="nota", summary="Il progetto apre i laboratori.",
            body="Il progetto apre i laboratori.[^1]\n\nSecondo paragrafo.\n\n"
                 "[^1]: Dal 5 maggio."),
        "notizie/c.md": article(
            title="Lo stesso link", slug="stesso",
            summary="Il progetto [FareLegami](https://www.comune.cremona.it/) apre.",
            body="Il progetto [FareLegami](https://www.comune.cremona.it/) apre.\n\n"
                 "Secondo paragrafo."),
    })
    assert site.ok, site.log
    body = site.soup("/2024/05/link/").select_one(".article-body")
    assert body.find("a", href="https://www.comune.cremona.it/") is not None, body
    page = site.soup("/2024/05/nota/")
    for backref in page.select("a.footnote-backref"):
        assert page.find(id=backref["href"][1:]) is not None, backref
    assert page.select_one(".article-body sup a.footnote-ref") is not None
    same = site.soup("/2024/05/stesso/")
    assert same.select_one(".article-body").get_text(strip=True) == "Secondo paragrafo."
    assert same.select_one(".lead a")["href"] == "https://www.comune.cremona.it/"


def test_an_items_html_in_the_feeds_has_none_of_the_sites_own_markup(build):
    """Feed readers have neither the site's CSS nor its scripts, and show several entries
    in one page: no class, no loading hints, no table's scrolling box (feedparser kept its
    ``tabindex`` and dropped its name: a keyboard stop on nothing), no footnote's link back
    to a reference id (it opened the web page), and no id two entries repeat (``fn:1``),
    but the id a cell's ``headers`` names, the notes, and each reference's link to its
    note on the item's page."""
    body = """\
        Il testo.[^1]

        ![Prima]({static}/immagini/foto.jpg)

        ![Seconda]({static}/immagini/foto.jpg)

        | Giorno | Ora |
        |:--|--:|
        | lunedì | 10 |

        <table><tr><th id="giorno">Giorno</th></tr><tr><td headers="giorno">martedì</td></tr></table>

        ## Programma

        Altro.[^2]

        [^1]: La prima nota.
        [^2]: La seconda nota."""
    site = build({"immagini/foto.jpg": samples.photo(900, 600),
                  "notizie/a.md": article(title="Prima", slug="prima", body=body),
                  "notizie/b.md": article(title="Seconda", slug="seconda",
                                          date="2024-05-04 10:00", body=body)})
    assert site.ok, site.log
    page = site.soup("/2024/05/prima/")  # the site's pages keep their own markup
    assert page.select("a.footnote-backref") and page.select("div.table-scroll")
    assert page.select('img[loading="lazy"]')
    for url in [f"/feeds/{name}.{kind}.xml" for name in ("tutto", "categorie/notizie")
                for kind in ("atom", "rss")]:
        ids = []  # as written: feedparser's sanitizer drops some of it
        for entry in feedparser.parse(site.text(url), sanitize_html=False).entries:
            soup = BeautifulSoup(entry.content[0].value if "content" in entry
                                 else entry.description, "html.parser")
            where = (url, entry.title)
            assert [e.name for e in soup.find_all(class_=True)] == [], where
            assert soup.find_all(attrs={"loading": True}) == [], where
            assert soup.find_all(attrs={"decoding": True}) == [], where
            assert soup.find_all(attrs={"tabindex": True}) == [], where
            assert soup.find_all(attrs={"role": True}) == [], where
            assert [t.parent.name for t in soup.find_all("table")] == ["[document]"] * 2, where
            assert "↩" not in soup.get_text(), where
            assert "La prima nota." in soup.get_text() and "La seconda nota." in soup.get_text()
            # the notes' heading comes along (a heading of the entry), without the site's
            # search hint
            assert [h.get_text() for h in soup.find_all("h2")] == ["Programma", "Note"], where
            assert soup.find_all(attrs={"data-pagefind-ignore": True}) == [], where
            slug = entry.title.lower()
            assert [a["href"] for a in soup.select("sup a")] == [
                f"{SITEURL}/2024/05/{slug}/#fn:1", f"{SITEURL}/2024/05/{slug}/#fn:2"], where
            assert soup.find("td", headers="giorno") is not None, where
            ids += [e["id"] for e in soup.find_all(id=True)]
        assert ids == ["giorno", "giorno"], (url, ids)  # what a cell's headers names


def test_an_attribute_whose_value_ends_like_a_site_attribute_keeps_the_next_one(build):
    """The site's attributes were found anywhere in a tag: a description or a link's title
    ending in " id=" or " class=" (with its closing quote: ``id="``) was read as one, and
    the next attribute went with it (``alt="La sala, id=" src="…"`` became ``alt="La
    sala,https://…"``: an entry with no picture). Attributes are read one after the
    other."""
    body = """\
        ![La sala, id=]({static}/immagini/foto.jpg)

        Il [sito](https://www.comune.cremona.it/ "Vedi class=") del Comune."""
    site = build({"immagini/foto.jpg": samples.photo(900, 600),
                  "notizie/a.md": article(title="Prima", slug="prima", body=body)})
    assert site.ok, site.log
    for url in [f"/feeds/tutto.{kind}.xml" for kind in ("atom", "rss")]:
        [entry] = feedparser.parse(site.text(url), sanitize_html=False).entries
        soup = BeautifulSoup(entry.content[0].value if "content" in entry
                             else entry.description, "html.parser")
        [image] = soup.find_all("img")
        assert image["alt"] == "La sala, id=" and image["src"].startswith(SITEURL), (url, image)
        [link] = soup.select("p a")
        assert link["href"] == "https://www.comune.cremona.it/", (url, link)
        assert link.get("title") in (None, "Vedi class="), (url, link)
        assert soup.find_all(class_=True) == [] and soup.find_all(id=True) == [], url


def test_feeds_without_a_feed_domain_have_the_sites_absolute_addresses(build_once):
    """A build given ``SITEURL`` alone (``pelican -e SITEURL=…`` over publishconf.py, which
    reads ``FEED_DOMAIN = SITEURL`` from the environment): Pelican makes a feed's own
    address from ``FEED_DOMAIN`` only, so every Atom ``<id>`` and ``rel="self"`` link was
    relative (RFC 4287: an id is an absolute IRI) while the pages announced the feeds at
    absolute addresses, and the category feeds kept Pelican's title and the home page."""
    site = build_once(ITEMS, settings="FEED_DOMAIN = ''\n")
    assert site.ok, site.log
    a = "{http://www.w3.org/2005/Atom}"
    for name, page in (("tutto", "/"), ("categorie/notizie", "/categorie/notizie/")):
        url = f"{SITEURL}/feeds/{name}"
        atom = ET.fromstring(site.text(f"/feeds/{name}.atom.xml"))
        assert atom.findtext(a + "id") == url + ".atom.xml"
        assert {link.get("rel"): link.get("href") for link in atom.findall(a + "link")} == {
            "self": url + ".atom.xml", "alternate": SITEURL + page}
        channel = ET.fromstring(site.text(f"/feeds/{name}.rss.xml")).find("channel")
        assert channel.find(a + "link").get("href") == url + ".rss.xml"
        assert channel.findtext("link") == SITEURL + page
    assert parse(site, "/feeds/categorie/notizie.atom.xml").feed.title == \
        "FareLegami – Notizie"
    announced = {link["href"] for link in
                 site.soup("/categorie/notizie/").select('head link[rel="alternate"]')}
    assert f"{SITEURL}/feeds/categorie/notizie.atom.xml" in announced


def test_the_feeds_of_a_site_built_without_its_address_are_absolute(build):
    """A build without ``SITEURL`` (``./run build``, the previews: the pages' links are
    site paths, the feeds' addresses ``FEED_DOMAIN``'s): Pelican joined each item's
    address to ``SITEURL``, so the RSS ``<link>``, the Atom alternate link and every
    address of the content were site paths (RSS 2.0: a link is a URL; a reader resolves a
    path against the feed's own address), beside absolute ids, enclosures and logo. The
    item keeps its documents (plugins/attachments finds it by its link)."""
    local = "http://localhost:8000"
    site = build({
        "allegati/2024/bando.pdf": samples.pdf(1),
        "immagini/foto.jpg": JPEG,
        "notizie/a.md": article(title="Notizia in anteprima", attachments=[
            "allegati/2024/bando.pdf"], body="""\
            Vedi [come seguirci](/segui/), [la sezione](#sotto) e
            ![La foto]({static}/immagini/foto.jpg)

            ## Sotto

            Il resto."""),
    }, siteurl="", settings=f"FEED_DOMAIN = {local!r}\n")
    assert site.ok, site.log
    page = f"{local}/2024/05/notizia-in-anteprima/"
    for url in ("/feeds/tutto.atom.xml", "/feeds/tutto.rss.xml",
                "/feeds/categorie/notizie.atom.xml", "/feeds/categorie/notizie.rss.xml"):
        [entry] = feedparser.parse(site.text(url)).entries  # no feed address: as written
        assert entry.link == page, url
        html = entry.content[0].value if "content" in entry else entry.description
        addresses = set(html_addresses(html))
        assert {f"{local}/segui/", page + "#sotto", f"{local}/allegati/2024/bando.pdf",
                f"{local}/immagini/foto.jpg"} <= addresses, url
        assert all(address.startswith(local + "/") for address in addresses), url
        assert [link.href for link in entry.links if link.rel == "enclosure"] == [
            f"{local}/allegati/2024/bando.pdf"], url


def test_pages_link_the_feeds_where_they_say_they_are_with_their_own_domain(build_once):
    """Feeds given a domain of their own (``FEED_DOMAIN``, Pelican's setting): each
    feed's self link, "Segui le notizie" and the feeds' ids are at that domain; the
    ``<head>`` of every page, the footer's links and a category's own linked the site's
    (``SITEURL``), so a reader subscribed at one address a feed that names another. A
    domain written with a final slash is the same domain (not ``…org//feeds/``)."""
    feeds = "https://feeds.example.org"
    site = build_once(ITEMS, settings=f"FEED_DOMAIN = {feeds + '/'!r}\n")  # one slash
    assert site.ok, site.log
    a = "{http://www.w3.org/2005/Atom}"

    def self_link(path):
        root = ET.fromstring(site.text(path))
        return [link.get("href") for link in root.iter(a + "link")
                if link.get("rel") == "self"][0]

    listed = {link["href"] for link in site.soup("/segui/").select("section.feed-group li a")}
    for url in ("/", "/2024/05/comunicato/", "/categorie/notizie/", "/segui/"):
        soup = site.soup(url)
        announced = [link["href"] for link in soup.select('head link[rel="alternate"]')]
        linked = [link["href"] for link in soup.select(
            "footer a[type], .page-header .feed-links a[type]")]
        assert announced and linked, url
        for href in announced + linked:
            assert href.startswith(feeds + "/feeds/"), (url, href)
            assert href in listed, (url, href)
            assert self_link(href.removeprefix(feeds)) == href, (url, href)


def test_rss_plain_text_has_ampersands_and_angle_brackets_as_hexadecimal_references(
        build_once):
    """RSS 2.0 does not say whether a title is text or HTML. The RSS Advisory Board's
    profile asks for ``&#x26;``, ``&#x3C;`` and ``&#x3E;`` in plain text (every element
    but an item's description, which is HTML), and the W3C feed validator warned of a
    title written ``Caffè &amp; &lt;dolci&gt;`` ("Encode "&" and "<" in plain text using
    hexadecimal character references"). To an XML parser it is the same title."""
    site = build_once(EVERY_KIND)
    assert site.ok, site.log
    for url in ("/feeds/tutto.rss.xml", "/feeds/categorie/avvisi.rss.xml"):
        raw = site.text(url)
        assert "<title>Caffè &#x26; &#x3C;dolci&#x3E; 🎉 all’oratorio</title>" in raw, url
        plain = re.sub(r"(<item>.*?)<description>.*?</description>", r"\1", raw, flags=re.S)
        assert not re.findall(r"[^>]{0,40}&(?:amp|lt|gt);", plain), url  # none anywhere
        assert "&lt;p&gt;" in raw  # the items' HTML stays as HTML is written in RSS
        titles = [entry.title for entry in parse(site, url).entries]
        assert "Caffè & <dolci> 🎉 all’oratorio" in titles, url  # what a reader shows


def feeds_alike(feed_class, title="Notizie della parrocchia"):
    """A feed of ``feed_class`` built with feedgenerator's own API: no logo, a
    stylesheet, the channel's optional fields, three items (an author with an e-mail, a
    name alone, an e-mail alone; a guid that is no permalink, comments, a ttl, an
    enclosure, categories, an HTML description), every item dated (so
    :class:`plugins.feeds.classes.StableDate` changes nothing), written as the site writes
    it: bytes, UTF-8."""
    feed = feed_class(title=title, link="https://example.org/",
                      description="Le notizie della parrocchia di San Rocco",
                      language="it", feed_url="https://example.org/feeds/tutto.rss.xml",
                      categories=["Avvisi", "Notizie"], feed_copyright="CC BY 4.0",
                      ttl="60", stylesheets=["https://example.org/feeds/stile.xsl"])
    feed.add_item(title="Festa d’estate 🎉", link="https://example.org/2024/07/festa/",
                  description="<p>Il programma della festa.</p>",
                  author_name="Anna Rossi", author_email="anna@example.org",
                  pubdate=datetime(2024, 7, 1, 18, 30, tzinfo=timezone.utc),
                  comments="https://example.org/2024/07/festa/#commenti",
                  unique_id="tag:example.org,2024-07-01:/2024/07/festa/",
                  unique_id_is_permalink=False, categories=["Avvisi", "Estate"], ttl="30",
                  enclosures=[Enclosure("https://example.org/allegati/programma.pdf",
                                        "1234", "application/pdf")])
    feed.add_item(title="Comunicato", link="https://example.org/2024/05/comunicato/",
                  description="<p>Testo.</p>", author_name="Ufficio stampa",
                  pubdate=datetime(2024, 5, 5, 17, 7, tzinfo=timezone.utc),
                  updateddate=datetime(2024, 5, 6, 9, 0, tzinfo=timezone.utc),
                  unique_id="https://example.org/2024/05/comunicato/")
    feed.add_item(title="Notizia vecchia", link="https://example.org/2024/01/vecchia/",
                  description=None, author_email="info@example.org",
                  pubdate=datetime(2024, 1, 10, 9, 0, tzinfo=timezone.utc))
    out = io.BytesIO()
    feed.write(out, "utf-8")
    return out.getvalue()


def test_the_sites_rss_is_feedgenerators_but_for_plain_texts_references():
    """plugins/feeds/classes.py's LogoRss201rev2Feed.write is a copy of feedgenerator's
    RssFeed.write (2.2.1) with another XML writer, PlainTextXMLGenerator, which writes
    plain text through XMLGenerator's private _write. Without a logo and without "&",
    "<", ">" in the plain texts, the site's RSS is feedgenerator's byte for byte: a
    feedgenerator whose write (or whose writer) changed fails here, not in a feed
    reader."""
    ours, theirs = feeds_alike(LogoRss201rev2Feed), feeds_alike(Rss201rev2Feed)
    assert ours == theirs
    # every part of the copied write is in it: the stylesheet, the channel, the items
    assert ours.index(b"<?xml-stylesheet") < ours.index(b"<rss ") < ours.index(b"<channel>")
    assert ours.count(b"<item>") == 3 and ours.endswith(b"</channel></rss>")
    assert b"&lt;p&gt;Il programma" in ours  # an item's description: HTML, as written
    # and it is the site's writer: a plain text's "&" differs
    ours, theirs = (feeds_alike(cls, title="Caffè & dolci")
                    for cls in (LogoRss201rev2Feed, Rss201rev2Feed))
    assert b"<title>Caff\xc3\xa8 &#x26; dolci</title>" in ours
    assert b"<title>Caff\xc3\xa8 &amp; dolci</title>" in theirs


def refuses(generator_class, text):
    """Whether ``generator_class`` (feedgenerator's RSS writer or the site's) refuses
    ``text`` as a channel's title."""
    handler = generator_class(io.StringIO(), "utf-8", short_empty_elements=True)
    handler.startDocument()
    for name in ("rss", "channel", "title"):
        handler.startElement(name, {})
    try:
        handler.characters(text)
    except UnserializableContentError:
        return True
    return False


def test_the_sites_rss_refuses_the_characters_feedgenerator_refuses():
    """What XML 1.0 cannot hold (a control character pasted in a title) stops
    feedgenerator's writer, and the site's: PlainTextXMLGenerator writes plain text
    itself, after its own copy of feedgenerator's pattern (UNSERIALIZABLE_RE: inline in
    feedgenerator's SimplerXMLGenerator.characters, not importable). The two refuse the
    same characters, every one of the first plane and the last of the others, and the
    same feed."""
    characters = [chr(code) for code in range(0x10000)] + ["\U0001F389", "\U0010FFFF"]
    refused = [c for c in characters if refuses(SimplerXMLGenerator, c)]
    assert "\x0b" in refused and "\t" not in refused  # feedgenerator's, as it is
    assert [c for c in characters if refuses(PlainTextXMLGenerator, c)] == refused
    for cls in (Rss201rev2Feed, LogoRss201rev2Feed):
        with pytest.raises(UnserializableContentError):
            feeds_alike(cls, title="Festa\x0b d’estate")


@pytest.mark.parametrize(("feed_domain", "siteurl", "expected"), [
    ("https://feeds.example.org", "https://farelegami.it", "https://feeds.example.org"),
    ("", "https://farelegami.it/", "https://farelegami.it"),
    (None, "", ""),
])
def test_the_themes_feed_links_are_the_feed_address_of_the_pages_context(
        feed_domain, siteurl, expected):
    """``feed_url``, the Jinja global core gives the theme: ``feed_address`` (Pelican's
    rule, ``FEED_DOMAIN`` else ``SITEURL``) of the context of the page rendered, then the
    feed's path. The templates wrote ``{{ FEED_DOMAIN or SITEURL }}`` nine times, a copy
    of the rule the feeds follow in Python."""
    environment = jinja2.Environment(autoescape=True)
    environment.globals.update(core.GLOBALS)
    template = environment.from_string("{{ feed_url(FEED_ALL_ATOM) }}")
    rendered = template.render(FEED_DOMAIN=feed_domain, SITEURL=siteurl,
                               FEED_ALL_ATOM="feeds/tutto.atom.xml")
    assert rendered == f"{expected}/feeds/tutto.atom.xml"
    assert rendered == f"{feed_address({'FEED_DOMAIN': feed_domain, 'SITEURL': siteurl})}" \
                       "/feeds/tutto.atom.xml"


def test_no_template_writes_the_feeds_address_rule_again():
    """The rule is ``feed_url``'s alone: a template naming ``FEED_DOMAIN`` spells it again
    (``{{ FEED_DOMAIN or SITEURL }}``, nine times in three templates)."""
    environment = jinja2.Environment(extensions=["jinja2.ext.do"])
    spelled = []
    for path in (ROOT / "theme" / "templates").rglob("*.html"):
        tree = environment.parse(path.read_text(encoding="utf-8"))
        if any(node.name == "FEED_DOMAIN" for node in tree.find_all(jinja2.nodes.Name)):
            spelled.append(path.name)
    assert not spelled, spelled
