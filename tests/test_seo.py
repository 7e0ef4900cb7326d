"""What pages tell search engines and the sites they are shared on (plugins/seo):
meta description, canonical URL, Open Graph, Twitter card, JSON-LD, share links.
Pure functions first, then real builds parsed as HTML and JSON."""

import io
import json
import datetime
import re
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
import yaml
from markupsafe import Markup
from PIL import Image
from samples import image, pdf
from support import ROOT, SITEURL, article

from plugins.seo import structured
from plugins.seo.settings import DEFAULTS, check
from plugins.seo.share import share_links
from plugins.core.urls import site_address
from plugins.seo.text import absolute, plain, shorten

ISO_WITH_OFFSET = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}")


def test_plain_text_from_html_and_from_front_matter():
    assert plain(Markup("<p>Il <em>lead</em> &amp; altro &lt;2024&gt;</p>")) == \
        "Il lead & altro <2024>"
    assert plain("Testo <b>come scritto</b>") == "Testo <b>come scritto</b>"  # already text
    assert plain(Markup("<p>a\n\n  b</p>")) == "a b" and plain(None) == ""
    assert plain(Markup("alle 12<br>e<BR />poi<p>uno</p><p>due</p><li>a</li><li>b</li>")) == \
        "alle 12 e poi uno due a b"  # words apart where the page has them apart


def test_shorten_cuts_at_a_word_within_the_limit():
    assert shorten("breve", 110) == "breve"
    long = "parola " * 30
    cut = shorten(long.strip(), 110)
    assert len(cut) <= 110 and cut.endswith("parola…")
    assert shorten("x" * 200, 110) == "x" * 109 + "…"


@pytest.mark.parametrize(("siteurl", "feed_domain", "address"), [
    ("https://www.example.org/", "https://www.example.org", "https://www.example.org"),
    ("", "http://localhost:8000", "http://localhost:8000"),  # development
    ("", "", ""), ("/sito", "", ""),
])
def test_the_site_address_is_absolute_or_nothing(siteurl, feed_domain, address):
    assert site_address({"SITEURL": siteurl, "FEED_DOMAIN": feed_domain}) == address
    assert absolute(address, "2024/05/x/") == (f"{address}/2024/05/x/" if address else "")


def test_share_links_carry_the_address_and_title_percent_encoded():
    url, title = "https://www.example.org/2024/05/città/", 'Bilancio <2024> & "risultati"'
    links = {link.service: link for link in share_links(url, title)}
    assert list(links) == ["email", "whatsapp", "telegram", "facebook", "x", "linkedin"]
    queries = {name: parse_qs(urlsplit(link.href).query) for name, link in links.items()}
    assert links["email"].href.startswith("mailto:?subject=")
    assert queries["email"] == {"subject": [title], "body": [f"{title}\r\n\r\n{url}"]}
    assert "+" not in links["email"].href  # mailto: spaces are %20
    assert queries["whatsapp"] == {"text": [f"{title} {url}"]}
    assert queries["telegram"] == {"url": [url], "text": [title]}
    assert queries["facebook"] == {"u": [url]}
    assert queries["x"] == {"url": [url], "text": [title]}
    assert queries["linkedin"] == {"url": [url]}
    assert {urlsplit(link.href).netloc for link in links.values()} == {
        "", "wa.me", "t.me", "www.facebook.com", "x.com", "www.linkedin.com"}
    assert share_links("", title) == ()


def test_structured_data_leaves_out_what_is_missing():
    data = structured.news_article(structured.NewsArticle(
        headline="T" * 120, url="https://e.org/a/", published="2024-05-05T17:07:00+02:00",
        modified=""))
    assert len(data["headline"]) <= 110 and data["dateModified"] == data["datePublished"]
    assert not {"image", "author", "publisher", "description"} & set(data)


@pytest.mark.parametrize(("name", "value"), [
    ("SEO_ORGANIZATION_AUTHORS", "Redazione"), ("SEO_LOGO", "theme/favicon.svg"),
    ("SEO_SHARE_IMAGE", "theme/card.webp"), ("SEO_SHARE_IMAGE", None),
    ("SEO_LOCALE", "italiano"),
])
def test_bad_settings_are_reported(name, value):
    assert [found for found, _ in check({**DEFAULTS, name: value})] == [name]
    assert check(dict(DEFAULTS)) == []


# --- Real builds --------------------------------------------------------------------------

TRICKY = 'Bilancio <2024> & "risultati" </script><script>alert(1)</script>'
LONG = "Una notizia dal titolo molto lungo " * 4 + "che finisce qui"
SITE = {
    "immagini/foto.png": image("PNG", (1200, 630)),
    "notizie/con-immagine.md": article(
        title=TRICKY, slug="bilancio", date="2024-05-05 17:07", modified="2024-06-01 09:00",
        image="immagini/foto.png", image_alt="Persone attorno a un tavolo",
        authors="[Anna Bianchi, Redazione]", tags="[Crema, Welfare]",
        summary="Un sommario con *enfasi* & simboli."),
    "notizie/lunga.md": article(title=LONG, slug="lunga", date="2024-01-20 09:05",
                                body="Un primo paragrafo molto lungo, " * 10 + "e finisce."
                                     "\n\nIl secondo."),
    "pages/p.md": "---\ntitle: Chi siamo\nslug: chi-siamo\nsummary: Il gruppo di lavoro.\n---\n"
                  "Testo.\n",
    "pages/contatti.md": "---\ntitle: Contatti\n---\n\nScrivi alla redazione.\n",
    # a cover whose name needs %-encoding; a body that opens with a picture, no summary
    "immagini/Festa città 1.png": image("PNG", (800, 400)),
    "notizie/festa.md": article(title="Festa", slug="festa", date="2024-03-01 10:00",
                                image="'immagini/Festa città 1.png'", image_alt="La festa",
                                body="![Il palco]({static}/immagini/foto.png)\n\nIl racconto."),
    # the English version of the article with an image: its translation (same slug)
    "notizie/in-inglese.md": article(title="Budget 2024", slug="bilancio", lang="en",
                                     date="2024-05-06 10:00", body="The budget."),
}
SITEDESCRIPTION_START = "Notizie e comunicati stampa di FareLegami"
ARTICLE = "/2024/05/bilancio/"
LONG_URL = "/2024/01/lunga/"


@pytest.fixture
def site(build_once):
    built = build_once(SITE)
    assert built.ok, built.log
    return built


def meta(soup, key):
    """Every content of <meta property=key> or <meta name=key>."""
    return [tag["content"] for tag in soup.select(f'meta[property="{key}"], meta[name="{key}"]')]


def one(soup, key):
    [value] = meta(soup, key)
    return value


def json_ld(soup):
    """{@type: data} of the page's JSON-LD blocks (each type once)."""
    blocks = [json.loads(tag.string) for tag in soup.select('script[type="application/ld+json"]')]
    found = {block["@type"]: block for block in blocks}
    assert len(found) == len(blocks)
    assert all(block["@context"] == "https://schema.org" for block in blocks)
    return found


def texts(value):
    """Every string inside a JSON value."""
    if isinstance(value, dict):
        return [text for item in value.values() for text in texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in texts(item)]
    return [value] if isinstance(value, str) else []


def test_one_canonical_url_which_is_also_og_url(site):
    for url in ("/", ARTICLE, "/chi-siamo/", "/categorie/notizie/", "/archivio/"):
        soup = site.soup(url)
        [canonical] = soup.select('link[rel="canonical"]')
        assert canonical["href"] == SITEURL + url == one(soup, "og:url"), url


def test_open_graph_and_twitter_card_on_an_article_with_an_image(site):
    soup = site.soup(ARTICLE)
    title = 'Bilancio <2024> & “risultati” </script><script>alert(1)</script>'
    assert one(soup, "og:title") == title  # plain text, as typed (typographic quotes)
    description = one(soup, "description")
    assert description == "Un sommario con enfasi & simboli." == one(soup, "og:description")
    assert one(soup, "og:type") == "article"
    assert one(soup, "og:locale") == "it_IT" and one(soup, "og:site_name") == "FareLegami"
    shared = one(soup, "og:image")  # the cover's copy for link previews (plugins/images)
    assert re.fullmatch(rf"{SITEURL}/immagini/_r/foto-1200\.[0-9a-f]{{10}}\.jpg", shared)
    assert site.exists(shared)
    assert one(soup, "og:image:alt") == "Persone attorno a un tavolo"
    assert one(soup, "twitter:card") == "summary_large_image"
    # X takes the picture from og:image but its description only from its own tag
    assert one(soup, "twitter:image:alt") == "Persone attorno a un tavolo"
    assert one(soup, "article:published_time") == "2024-05-05T17:07:00+02:00"
    assert one(soup, "article:modified_time") == "2024-06-01T09:00:00+02:00"
    assert one(soup, "article:section") == "Notizie"
    assert meta(soup, "article:tag") == ["Crema", "Welfare"]


def test_open_graph_on_pages_and_home_without_images(site):
    page = site.soup("/chi-siamo/")
    assert one(page, "og:type") == "website" and one(page, "og:title") == "Chi siamo"
    assert one(page, "og:description") == "Il gruppo di lavoro." == one(page, "description")
    # no picture of its own: the site's card (SEO_SHARE_IMAGE), a large card's picture
    assert one(page, "twitter:card") == "summary_large_image"
    logo = f"{SITEURL}/theme/share-card.png"
    assert one(page, "og:image") == logo and site.exists(logo)
    assert one(page, "og:image:alt") == "FareLegami – Una comunità che gira" == \
        one(page, "twitter:image:alt")
    home = site.soup("/")
    assert one(home, "og:type") == "website"
    assert one(home, "og:title") == "FareLegami – Una comunità che gira"
    assert one(home, "og:description").startswith("Notizie e comunicati stampa di FareLegami")
    assert one(home, "twitter:card") == "summary_large_image"
    assert not meta(home, "article:published_time")
    long = site.soup(LONG_URL)
    assert one(long, "og:description").startswith("Un primo paragrafo") and \
        one(long, "og:description") == one(long, "description")
    assert one(long, "twitter:card") == "summary_large_image" and one(long, "og:image") == logo
    assert one(home, "og:image") == logo


def test_a_cover_is_shared_by_a_copy_named_by_its_slug_with_its_size(site):
    soup = site.soup("/2024/03/festa/")
    address = one(soup, "og:image")  # "Festa città 1.png": a URL without spaces or accents
    assert re.fullmatch(rf"{SITEURL}/immagini/_r/festa-citta-1-800\.[0-9a-f]{{10}}\.jpg",
                        address) and site.exists(address)
    assert (one(soup, "og:image:width"), one(soup, "og:image:height")) == ("800", "400")
    assert json_ld(soup)["NewsArticle"]["image"] == [address]
    assert one(site.soup(ARTICLE), "og:image:width") == "1200"


def test_the_card_shared_in_place_of_a_cover_says_its_type_and_size(site):
    """Without og:image:width/height Facebook shows no picture on a page's first share
    (it has not measured the file yet): the logo, every page's picture without a cover of
    its own, was given without them."""
    for address in ("/", "/chi-siamo/", LONG_URL, "/categorie/notizie/"):
        soup = site.soup(address)
        logo = one(soup, "og:image")
        assert logo == f"{SITEURL}/theme/share-card.png", address
        with Image.open(site.path(logo)) as picture:
            size, kind = picture.size, Image.MIME[picture.format]
        assert (one(soup, "og:image:width"), one(soup, "og:image:height")) == tuple(
            map(str, size)), address
        assert one(soup, "og:image:type") == kind == "image/png", address


def test_a_page_without_a_cover_is_shared_with_a_large_picture_of_the_site(site, build_once):
    """Every page without a cover of its own (all of the project's news so far) was shared
    with the square logo, 512 x 512: a small thumbnail beside the title on Facebook,
    LinkedIn and WhatsApp, X's small card. The site's card is the shape of their large
    previews (1.91 : 1, 1200 x 630), light (WhatsApp: under 300 kB), opaque (a
    transparent background shows black on some of them), a PNG all of them read."""
    soup = site.soup(LONG_URL)
    card = site.path(one(soup, "og:image"))
    with Image.open(card) as picture:
        assert picture.format == "PNG" and picture.size == (1200, 630)
        assert picture.convert("RGBA").getextrema()[3] == (255, 255)  # no transparency
    assert card.stat().st_size < 300_000
    assert one(soup, "twitter:card") == "summary_large_image"
    # without the card (SEO_SHARE_IMAGE empty): the logo, in X's small card
    without = build_once({"notizie/a.md": article(slug="senza")}, 'SEO_SHARE_IMAGE = ""\n')
    assert without.ok, without.log
    soup = without.soup("/2024/05/senza/")
    assert one(soup, "og:image") == f"{SITEURL}/theme/logo.png"
    assert one(soup, "og:image:alt") == "Il logo di FareLegami"
    assert one(soup, "twitter:card") == "summary"


def test_a_cover_too_small_for_link_previews_gives_way_to_the_card(build_once):
    """Facebook ignores an og:image under 200 x 200 px and X's large card needs 300 x 157:
    a 150 x 100 cover left the page's previews without a picture, and a 250 x 250 one asked
    X for a large card it does not draw."""
    site = build_once({
        "immagini/piccola.png": image("PNG", (150, 100)),
        "immagini/quadrata.png": image("PNG", (250, 250)),
        "notizie/piccola.md": article(title="Piccola", slug="piccola",
                                      image="immagini/piccola.png", image_alt="Un timbro"),
        "notizie/quadrata.md": article(title="Quadrata", slug="quadrata",
                                       date="2024-05-06 10:00",
                                       image="immagini/quadrata.png", image_alt="Un quadro"),
    })
    assert site.ok, site.log
    small = site.soup("/2024/05/piccola/")
    assert one(small, "og:image") == f"{SITEURL}/theme/share-card.png"
    assert one(small, "og:image:alt") == "FareLegami – Una comunità che gira"
    assert int(one(small, "og:image:width")) >= 200 <= int(one(small, "og:image:height"))
    assert one(small, "twitter:card") == "summary_large_image"  # the card's, 1200 x 630
    # the article's own picture is still its structured data's (Google takes small ones)
    [cover] = json_ld(small)["NewsArticle"]["image"]
    assert re.fullmatch(rf"{SITEURL}/immagini/_r/piccola-150\.[0-9a-f]{{10}}\.jpg", cover)
    square = site.soup("/2024/05/quadrata/")
    assert re.fullmatch(rf"{SITEURL}/immagini/_r/quadrata-250\.[0-9a-f]{{10}}\.jpg",
                        one(square, "og:image"))
    assert (one(square, "og:image:width"), one(square, "og:image:height")) == ("250", "250")
    assert one(square, "og:image:alt") == "Un quadro"
    assert one(square, "twitter:card") == "summary"


def test_a_wide_cover_is_shared_by_a_copy_tall_enough_for_link_previews(build_once):
    """A banner 3000 x 400 px is a picture Facebook takes, but its copy for previews, made
    1200 px wide, was 160 px high: under 200, so the page shared the logo, not the picture."""
    site = build_once({
        "immagini/striscione.png": image("PNG", (3000, 400)),
        "notizie/striscione.md": article(title="Striscione", slug="striscione",
                                         image="immagini/striscione.png",
                                         image_alt="Lo striscione della festa"),
    })
    assert site.ok, site.log
    soup = site.soup("/2024/05/striscione/")
    address = one(soup, "og:image")
    assert re.fullmatch(rf"{SITEURL}/immagini/_r/striscione-1500\.[0-9a-f]{{10}}\.jpg", address)
    with Image.open(site.path(address)) as picture:
        assert picture.size == (1500, 200)
    assert (one(soup, "og:image:width"), one(soup, "og:image:height")) == ("1500", "200")
    assert one(soup, "og:image:alt") == "Lo striscione della festa"
    assert one(soup, "twitter:card") == "summary_large_image"
    assert json_ld(soup)["NewsArticle"]["image"] == [address]


def test_without_the_images_plugin_the_cover_itself_is_shared_encoded(build_once):
    plugins = "PLUGINS = [p for p in PLUGINS if p != 'plugins.images']\n"
    site = build_once(SITE, plugins)
    assert site.ok, site.log
    soup = site.soup("/2024/03/festa/")
    address = f"{SITEURL}/immagini/Festa%20citt%C3%A0%201.png"
    assert one(soup, "og:image") == address and site.exists(address)
    assert json_ld(soup)["NewsArticle"]["image"] == [address]


def test_an_article_opening_with_a_picture_is_described_by_its_first_words_not_nothing(site):
    """Not the site's description either: it repeated on every such page."""
    soup = site.soup("/2024/03/festa/")
    assert one(soup, "description") == "Il racconto."
    assert one(site.soup("/contatti/"), "description") == "Scrivi alla redazione."  # a page
    assert one(soup, "og:description") == one(soup, "description")
    assert soup.select_one(".article-body img[alt='Il palco']")  # the picture stays in the body
    card = site.soup("/").find("a", string="Festa").find_parent("article")
    assert card.find("img", alt="Il palco") is None  # no full-size photo as a card's lead


def test_a_summary_without_text_does_not_make_an_empty_description(build_once):
    """A summary that is only a picture (or a blank) wrote <meta name="description"
    content=""> and no og:description: previews and search results had nothing to show."""
    site = build_once({
        "immagini/foto.png": image("PNG", (800, 600)),
        "notizie/foto.md": article(title="Foto", slug="foto",
                                   summary="'![Il palco]({static}/immagini/foto.png)'",
                                   body="Il racconto della serata."),
        "notizie/vuoto.md": article(title="Vuoto", slug="vuoto", date="2024-05-06 10:00",
                                    summary="'&nbsp;'", body="Il primo paragrafo."),
        "pages/p.md": "---\ntitle: Pagina\nslug: presentazione\n"
                      "summary: '![Il palco]({static}/immagini/foto.png)'\n---\n\n"
                      "Il testo della pagina.\n",
    })
    assert site.ok, site.log
    for address, text in (("/2024/05/foto/", "Il racconto della serata."),
                          ("/2024/05/vuoto/", "Il primo paragrafo."),
                          ("/presentazione/", "Il testo della pagina.")):
        soup = site.soup(address)
        assert one(soup, "description") == text == one(soup, "og:description"), address
        if address.startswith("/2024/"):
            assert json_ld(soup)["NewsArticle"]["description"] == text


def test_an_item_that_is_a_list_alone_is_described_by_its_text(build_once):
    """A notice whose body is only a list (opening hours) had no paragraph to describe it:
    it got the site's description, the same on every such page; or, with a footnote, the
    note's own paragraph, back-link arrow included ("Tranne i festivi. ↩")."""
    site = build_once({"avvisi/orari.md": article(
        title="Orari", slug="orari",
        body="- Lunedì dalle 9 alle 12[^1]\n- Martedì dalle 14 alle 17\n\n"
             "[^1]: Tranne i festivi.")})
    assert site.ok, site.log
    soup = site.soup("/2024/05/orari/")
    text = "Lunedì dalle 9 alle 12 Martedì dalle 14 alle 17"
    assert one(soup, "description") == text == one(soup, "og:description")
    assert json_ld(soup)["NewsArticle"]["description"] == text
    assert soup.select_one(".footnote").get_text().count("Tranne i festivi.") == 1


def test_a_line_break_in_the_lead_parts_the_words_of_the_description(build_once):
    """A line ended with <br> (the guide's way to keep an address or opening hours on
    lines of their own) and the next line written after it, with no newline between
    (a summary is one line of YAML): the description ran the two lines' words together,
    "dalle 9 alle 12e il giovedì", in search results and link previews."""
    site = build_once({
        "avvisi/sportello.md": article(
            title="Sportello", slug="sportello",
            summary="'Aperto il lunedì dalle 9 alle 12<br>e il giovedì dalle 14 alle 17.'",
            body="Il testo."),
        "pages/sede.md": "---\ntitle: Sede\nslug: sede\n---\n\n"
                         "Sportello di Cremona<br>Via Dante 1<br />aperto il martedì.\n",
    })
    assert site.ok, site.log
    for address, text in (
            ("/2024/05/sportello/", "Aperto il lunedì dalle 9 alle 12 e il giovedì dalle 14 "
                                    "alle 17."),
            ("/sede/", "Sportello di Cremona Via Dante 1 aperto il martedì.")):
        soup = site.soup(address)
        assert one(soup, "description") == text == one(soup, "og:description"), address
        if address.startswith("/2024/"):
            assert json_ld(soup)["NewsArticle"]["description"] == text


def test_an_item_that_is_only_its_attachments_is_described_by_them(build_once):
    """A press release or a call published as a PDF alone (no text of its own, a warning,
    not an error) was described by the site's description, the same on every such page:
    shared on WhatsApp or Facebook, its preview said nothing of the document."""
    site = build_once({
        "allegati/bando 2024.pdf": pdf(3),
        "allegati/modulo.pdf": pdf(1),
        "comunicati-stampa/bando.md": (
            "---\ntitle: Bando 2024\ndate: 2024-05-05 17:07\nslug: bando\nattachments:\n"
            "  - file: allegati/bando 2024.pdf\n    title: Il bando dell'iniziativa\n"
            "    description: Il testo integrale, con le scadenze.\n"
            "  - allegati/modulo.pdf\n---\n"),
        "pages/moduli.md": "---\ntitle: Moduli\nattachments: [allegati/modulo.pdf]\n---\n",
    })
    assert site.ok, site.log
    soup = site.soup("/2024/05/bando/")
    # each document as the page lists it (plain text: its no-break spaces as spaces)
    bando, modulo = (" ".join(label.get_text(" ").split())
                     for label in soup.select(".attachment-label"))
    text = f"Allegati: {bando}, {modulo}. Il testo integrale, con le scadenze."
    assert bando.startswith("Il bando dell’iniziativa (PDF, ") and "3 pagine" in bando
    assert one(soup, "description") == text == one(soup, "og:description")
    assert json_ld(soup)["NewsArticle"]["description"] == text
    page = site.soup("/moduli/")
    [label] = (" ".join(label.get_text(" ").split()) for label in page.select(".attachment-label"))
    assert one(page, "description") == f"Allegato: {label}." == \
        one(page, "og:description")
    assert not one(page, "description").startswith(SITEDESCRIPTION_START)


def test_each_listing_describes_itself(site):
    addresses = ["/", "/categorie/notizie/", "/argomenti/crema/", "/autori/redazione/",
                 "/archivio/", "/archivio/2024/", "/categorie/", "/argomenti/", "/autori/"]
    descriptions = {address: one(site.soup(address), "description") for address in addresses}
    assert len(set(descriptions.values())) == len(addresses), descriptions
    assert descriptions["/"].startswith(SITEDESCRIPTION_START)
    assert descriptions["/argomenti/crema/"] == \
        "Gli articoli di FareLegami sull’argomento Crema, dal più recente."


def test_a_translation_says_its_language_and_names_the_other_version(site):
    english = site.soup("/en/2024/05/bilancio/")
    # the page's interface is Italian; the item's own text (title, body) is marked English
    assert english.html["lang"] == "it" and one(english, "og:locale") == "en_US"
    assert english.h1["lang"] == "en" and english.select_one(".article-body")["lang"] == "en"
    assert english.title["lang"] == "en" and not english.select_one("nav[lang], footer[lang]")
    assert json_ld(english)["NewsArticle"]["inLanguage"] == "en-US"
    italian = site.soup(ARTICLE)
    assert italian.html["lang"] == "it" and one(italian, "og:locale") == "it_IT"
    assert not italian.select("[lang]:not(html):not([lang=en])")  # nothing else marked
    for soup in (english, italian):
        versions = {link["hreflang"]: link["href"]
                    for link in soup.select('link[rel="alternate"][hreflang]')}
        assert versions == {"it": SITEURL + ARTICLE, "en": SITEURL + "/en/2024/05/bilancio/"}
    assert site.soup("/").html["lang"] == "it"
    assert not site.soup(LONG_URL).select('link[hreflang]')


def test_news_article_json_ld_has_what_google_documents(site):
    soup = site.soup(ARTICLE)
    data = json_ld(soup)
    assert set(data) == {"NewsArticle", "BreadcrumbList"}
    news = data["NewsArticle"]
    assert news["headline"] == 'Bilancio <2024> & “risultati” </script><script>alert(1)</script>'
    assert len(news["headline"]) <= 110
    assert news["description"] == "Un sommario con enfasi & simboli."
    assert news["image"] == [one(soup, "og:image")]  # the cover's copy, as link previews
    assert news["datePublished"] == "2024-05-05T17:07:00+02:00"
    assert news["dateModified"] == "2024-06-01T09:00:00+02:00"
    assert news["author"] == [
        {"@type": "Person", "name": "Anna Bianchi", "url": f"{SITEURL}/autori/anna-bianchi/"},
        {"@type": "Organization", "name": "Redazione", "url": f"{SITEURL}/autori/redazione/"}]
    assert news["publisher"]["@type"] == "Organization"
    assert news["publisher"]["name"] == "FareLegami"
    assert news["mainEntityOfPage"] == {"@type": "WebPage", "@id": SITEURL + ARTICLE}
    assert news["url"] == SITEURL + ARTICLE and news["inLanguage"] == "it-IT"
    assert news["articleSection"] == "Notizie" and news["keywords"] == ["Crema", "Welfare"]
    # Text, never HTML; nothing ends the <script> early.
    assert not any("&lt;" in text or "&amp;" in text or "<em>" in text for text in texts(news))
    raw = [tag.decode_contents() for tag in soup.select('script[type="application/ld+json"]')]
    assert all("</" not in block and "<script" not in block for block in raw)


def test_the_publisher_logo_is_a_raster_image_of_the_site(site):
    logo = json_ld(site.soup(ARTICLE))["NewsArticle"]["publisher"]["logo"]
    assert logo["@type"] == "ImageObject" and logo["url"] == f"{SITEURL}/theme/logo.png"
    picture = Image.open(io.BytesIO(site.path(logo["url"]).read_bytes()))
    assert picture.format == "PNG" and min(picture.size) >= 112  # Google: at least 112 px


def test_long_headlines_are_cut_and_dates_keep_the_winter_offset(site):
    news = json_ld(site.soup(LONG_URL))["NewsArticle"]
    assert len(LONG) > 110 and len(news["headline"]) <= 110
    assert news["headline"].endswith("…") and LONG.startswith(news["headline"][:-1])
    assert news["datePublished"] == news["dateModified"] == "2024-01-20T09:05:00+01:00"
    assert ISO_WITH_OFFSET.fullmatch(news["datePublished"])
    assert news["author"] == [{"@type": "Organization", "name": "Redazione",
                               "url": f"{SITEURL}/autori/redazione/"}]
    assert "image" not in news


def test_a_long_lead_is_cut_for_the_description_where_it_is_shown(site):
    """Search results and link previews cut at about 160 characters: a lead of 600 was
    the meta description, og:description and JSON-LD description whole."""
    soup = site.soup(LONG_URL)
    descriptions = {one(soup, "description"), one(soup, "og:description"),
                    json_ld(soup)["NewsArticle"]["description"]}
    [description] = descriptions
    assert len(description) <= 160 and description.endswith("…")
    assert description.startswith("Un primo paragrafo molto lungo, Un primo")
    assert "e finisce" in soup.select_one(".article-body, .lead").get_text()  # the page whole


def test_breadcrumbs_on_articles_and_pages_and_website_on_the_home(site):
    crumbs = json_ld(site.soup(ARTICLE))["BreadcrumbList"]["itemListElement"]
    assert [(c["position"], c["name"], c["item"]) for c in crumbs] == [
        (1, "Home", f"{SITEURL}/"), (2, "Notizie", f"{SITEURL}/categorie/notizie/"),
        (3, 'Bilancio <2024> & “risultati” </script><script>alert(1)</script>',
         SITEURL + ARTICLE)]
    page = json_ld(site.soup("/chi-siamo/"))
    assert sorted(page) == ["BreadcrumbList", "WebPage"]
    assert [c["name"] for c in page["BreadcrumbList"]["itemListElement"]] == ["Home",
                                                                             "Chi siamo"]
    home = json_ld(site.soup("/"))
    assert sorted(home) == ["CollectionPage", "WebSite"]
    assert home["WebSite"]["name"] == "FareLegami" and home["WebSite"]["url"] == f"{SITEURL}/"
    assert home["WebSite"]["publisher"]["logo"]["url"] == f"{SITEURL}/theme/logo.png"
    assert sorted(json_ld(site.soup("/categorie/notizie/"))) == ["BreadcrumbList",
                                                                 "CollectionPage"]


def test_every_breadcrumb_shown_is_the_page_s_breadcrumb_list(site):
    """Search engines show a result's path from its BreadcrumbList: the listings (a
    category, a tag, an author, the archives, Documenti…) showed a breadcrumb but had no
    structured data of it, only articles and pages did."""
    addresses = [ARTICLE, "/chi-siamo/", "/categorie/notizie/", "/argomenti/crema/",
                 "/autori/anna-bianchi/", "/archivio/", "/archivio/2024/", "/categorie/",
                 "/argomenti/", "/autori/", "/documenti/", "/segui/"]
    for address in addresses:
        soup = site.soup(address)
        *steps, last = soup.select("nav.breadcrumb li")
        # the steps with a page of their own (each step but the last needs an address),
        # then the page itself at its canonical address
        shown = [(" ".join(step.get_text(" ").split()), step.a["href"])
                 for step in steps if step.a is not None]
        shown.append((" ".join(last.get_text(" ").split()),
                      soup.select_one('link[rel="canonical"]')["href"]))
        crumbs = json_ld(soup)["BreadcrumbList"]["itemListElement"]
        assert [(c["name"], c["item"]) for c in crumbs] == shown, address
        assert [c["position"] for c in crumbs] == list(range(1, len(shown) + 1)), address
        assert shown[0] == ("Home", f"{SITEURL}/") and len(shown) >= 2, address
        # the data before the nav, not between it and the page's header, which base.css'
        # `.breadcrumb + .page-header` spaces (a script there grew the header's margin)
        following = soup.select_one("nav.breadcrumb").find_next_sibling()
        assert following.name != "script", address
    assert "BreadcrumbList" not in json_ld(site.soup("/"))  # the home shows none


def breadcrumbs_named(built):
    """``{file: [(@id, found)]}``: each breadcrumb a ``WebPage`` or ``CollectionPage`` of
    the HTML pages ``built`` wrote names by its ``@id``, and whether a JSON-LD block of
    the same page has that ``@id``."""
    named = {}
    for name in built.files():
        if not name.endswith(".html"):
            continue
        blocks = [json.loads(tag.string) for tag in
                  built.soup("/" + name).select('script[type="application/ld+json"]')]
        ids = {block.get("@id") for block in blocks}
        named[name] = [(block["breadcrumb"]["@id"], block["breadcrumb"]["@id"] in ids)
                       for block in blocks if "breadcrumb" in block]
    return {name: found for name, found in named.items() if found}


def test_every_breadcrumb_a_page_names_is_on_that_page(site, project_site):
    """A WebPage or CollectionPage names its breadcrumb's BreadcrumbList by its @id: a
    name with no list of that @id on the page points at nothing. Which pages show a
    breadcrumb was decided twice, by the templates and again in plugins/seo."""
    for built, least in ((site, 3), (project_site, 8)):
        named = breadcrumbs_named(built)
        assert len(named) >= least, sorted(named)  # pages, categories, tags, authors
        assert {name: found for name, found in named.items()
                if not all(there for _, there in found)} == {}


def test_a_template_without_a_breadcrumb_names_none(build, tmp_path):
    """A site's own page.html or category.html without the theme's breadcrumb: its page
    shows none, so its WebPage or CollectionPage names none and no BreadcrumbList is
    written (plugins/seo said every page and category had one)."""
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    for name in ("page.html", "category.html"):
        theme = (ROOT / "theme" / "templates" / name).read_text(encoding="utf-8")
        (overrides / name).write_text("".join(
            line for line in theme.splitlines(keepends=True) if "breadcrumb" not in line),
            encoding="utf-8")
    built = build({"notizie/a.md": article(title="Primo", category="Notizie"),
                   "pages/p.md": "---\ntitle: Chi siamo\nslug: chi-siamo\n---\n\nTesto.\n"},
                  settings=f"THEME_TEMPLATES_OVERRIDES = [{str(overrides)!r}]\n")
    assert built.ok, built.log
    for address, kind in (("/chi-siamo/", "WebPage"), ("/categorie/notizie/", "CollectionPage")):
        soup = built.soup(address)
        assert soup.select("nav.breadcrumb") == [], address
        data = json_ld(soup)
        assert data[kind]["url"] == SITEURL + address
        assert "breadcrumb" not in data[kind] and "BreadcrumbList" not in data, address
    # the theme's own templates still name theirs: the article's, the tags' index…
    named = breadcrumbs_named(built)
    assert "chi-siamo/index.html" not in named and "categorie/notizie/index.html" not in named
    assert json_ld(built.soup("/2024/05/primo/"))["BreadcrumbList"]


def test_a_template_extending_one_of_the_theme_s_sets_its_own_breadcrumb(build, tmp_path):
    """A site's categories.html extending the theme's terms.html (which sets a trail of
    its own) gives its own trail, or none: the parent's top-level ``set`` ran after the
    child's and overrode it, shown and told to search engines alike."""
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "categories.html").write_text(
        '{% extends "terms.html" %}\n{% set terms = categories %}\n'
        '{% set breadcrumb_trail = [("Tutte le categorie", CATEGORIES_URL)] %}\n'
        "{% block heading %}Categorie{% endblock %}\n", encoding="utf-8")
    (overrides / "tags.html").write_text(
        '{% extends "terms.html" %}\n{% set terms = tags %}\n'
        "{% set breadcrumb_trail = none %}\n{% block heading %}Argomenti{% endblock %}\n",
        encoding="utf-8")
    built = build({"notizie/a.md": article(title="Primo", category="Notizie", tags="Crema")},
                  settings=f"THEME_TEMPLATES_OVERRIDES = [{str(overrides)!r}]\n")
    assert built.ok, built.log
    soup = built.soup("/categorie/")
    assert soup.select_one("nav.breadcrumb").get_text(" ", strip=True).endswith(
        "Tutte le categorie")
    crumbs = json_ld(soup)["BreadcrumbList"]["itemListElement"]
    assert [crumb["name"] for crumb in crumbs][-1] == "Tutte le categorie"
    tags = built.soup("/argomenti/")
    assert tags.select("nav.breadcrumb") == [] and "BreadcrumbList" not in json_ld(tags)


def test_share_links_and_the_copy_button_on_articles(site):
    soup = site.soup(ARTICLE)
    section = soup.find("h2", string="Condividi").find_parent("section")
    links = section.select("a.share-link")
    assert [a.get_text(strip=True) for a in links] == [
        "Invia per e-mail", "Condividi su WhatsApp", "Condividi su Telegram",
        "Condividi su Facebook", "Condividi su X", "Condividi su LinkedIn"]
    assert all(a["rel"] == ["noopener"] and not a.has_attr("target") for a in links)
    facebook = parse_qs(urlsplit(section.select_one(".share-facebook")["href"]).query)
    assert facebook == {"u": [SITEURL + ARTICLE]}
    copy = section.select_one(".share-copy")
    assert copy.has_attr("hidden")  # shown by share.js only where the Clipboard API works
    assert copy.button["type"] == "button" and copy.button["data-share-url"] == SITEURL + ARTICLE
    assert copy.select_one('[role="status"]').get_text() == ""
    # the share sheet's button (Web Share API, shown by share.js): the title as text
    native = copy.select_one(".share-native-button")
    assert native.has_attr("hidden") and native["type"] == "button"
    assert native["data-share-url"] == SITEURL + ARTICLE
    assert native["data-share-title"] == one(soup, "og:title") and "</script>" in one(soup, "og:title")
    # share.js travels in the site's one script (ASSETS_BUNDLES js/site.js, plugins/assets)
    [script] = soup.select('script[src*="/theme/js/site."]')
    assert script["src"].startswith(f"{SITEURL}/theme/js/site.") and script.has_attr("defer")
    assert "navigator.clipboard" in site.path(script["src"]).read_text(encoding="utf-8")
    assert not soup.select("script:not([src]):not([type='application/ld+json'])")
    page = site.soup("/chi-siamo/")
    assert not page.select(".share") and not page.select('script[src*="/theme/js/site."]')


def test_the_404_page_has_no_canonical_and_nothing_to_share(site):
    soup = site.soup("/404.html")
    assert not soup.select('link[rel="canonical"], meta[property^="og:"], '
                           'script[type="application/ld+json"]')


def test_the_search_page_leaves_a_shared_query_its_own_address(site):
    """The search page's content is its query's (/cerca/?q=bando): its og:url and canonical
    link of /cerca/ made Facebook and LinkedIn, which take og:url as the shared link's,
    open the empty search form; a page kept out of search engines needs no canonical."""
    soup = site.soup("/cerca/")
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"
    assert not soup.select('link[rel="canonical"], meta[property^="og:"], meta[name^="twitter:"], '
                           'script[type="application/ld+json"], main[data-indirizzo]')
    assert soup.title.get_text() == "Cerca nel sito – FareLegami"
    assert one(soup, "description").startswith("Cerca nelle notizie")


def test_development_uses_the_local_address_and_no_address_means_none(build_once):
    local = build_once({"notizie/a.md": article()}, siteurl="",
                       settings='FEED_DOMAIN = "http://localhost:8000"\n')
    assert local.ok, local.log
    soup = local.soup("/2024/05/titolo-di-prova/")
    address = "http://localhost:8000/2024/05/titolo-di-prova/"
    assert soup.select_one('link[rel="canonical"]')["href"] == address == one(soup, "og:url")
    assert soup.select_one(".share-copy-button")["data-share-url"] == address
    assert soup.select_one('link[rel="stylesheet"]')["href"].startswith("/theme/")

    nowhere = build_once({"notizie/a.md": article()}, siteurl="")
    assert nowhere.ok, nowhere.log
    soup = nowhere.soup("/2024/05/titolo-di-prova/")
    assert not soup.select('link[rel="canonical"], meta[property^="og:"], .share, '
                           'script[type="application/ld+json"]')
    assert one(soup, "description") == "Testo dell’articolo."


def test_a_hidden_item_is_kept_out_of_search_engines_and_a_listed_one_is_not(build):
    site = build({
        "notizie/nascosta.md": article(title="Nascosta", slug="nascosta", status="hidden"),
        "notizie/visibile.md": article(title="Visibile", slug="visibile"),
        "pages/riservata.md": "---\ntitle: Riservata\nslug: riservata\nstatus: hidden\n---\nT.\n",
    })
    assert site.ok, site.log
    for address in ("/2024/05/nascosta/", "/riservata/"):
        assert site.soup(address).select_one('meta[name="robots"]')["content"] == "noindex"
    assert not site.soup("/2024/05/visibile/").select('meta[name="robots"]')


# --- Pages and listings as schema.org reads them (the project's own site, as published) ----

PAGE_KINDS = {"WebPage", "AboutPage", "ContactPage", "CollectionPage"}


def web_page(soup):
    """The page's one ``WebPage`` (or subtype) of its JSON-LD."""
    [found] = [data for kind, data in json_ld(soup).items() if kind in PAGE_KINDS]
    return found


def empty_values(value):
    """Every empty text, list or object inside a JSON value (schema.org wants none)."""
    if isinstance(value, dict):
        return [*([value] if not value else []),
                *(empty for item in value.values() for empty in empty_values(item))]
    if isinstance(value, list):
        return [*([value] if not value else []),
                *(empty for item in value for empty in empty_values(item))]
    return [value] if value in ("", None) else []


def written_pages(site):
    """The address of every page of content/pages the build wrote (page.html's
    ``<article class="article page">``), whatever pages an editor adds or holds back."""
    return sorted("/" + name.removesuffix("index.html") for name in site.files()
                  if name.endswith("index.html")
                  and '<article class="article page"' in site.text("/" + name))


def dated_pages():
    """``{address: ISO 8601 date and time}`` of the pages of content/pages whose front
    matter gives ``modified`` (else ``date``): a day is its midnight in Rome."""
    dated = {}
    for path in sorted((ROOT / "content" / "pages").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        meta = yaml.safe_load(text.split("\n---", 1)[0].removeprefix("---")) or {}
        when = meta.get("modified") or meta.get("date")
        if when:
            if not isinstance(when, datetime.datetime):
                when = datetime.datetime.combine(when, datetime.time())
            when = when if when.tzinfo else when.replace(tzinfo=ZoneInfo("Europe/Rome"))
            dated[f"/{meta.get('slug') or path.stem}/"] = when.isoformat()
    return dated


def assert_part_of_the_site(soup, data):
    """``data`` (a page's WebPage) names itself as the page does, is part of the site's
    WebSite (the home page's, by its @id), and says nothing empty."""
    canonical = soup.select_one('link[rel="canonical"]')["href"]
    assert data["@id"] == data["url"] == canonical == one(soup, "og:url")
    assert data["name"] == one(soup, "og:title")
    assert data["description"] == one(soup, "description") == one(soup, "og:description")
    assert data["inLanguage"] == "it-IT"
    assert data["isPartOf"] == {"@type": "WebSite", "@id": f"{SITEURL}/#website",
                                "name": "FareLegami", "url": f"{SITEURL}/"}
    assert empty_values(data) == [], canonical


def test_every_page_is_a_web_page_of_the_site_with_its_breadcrumb(project_site):
    """The pages (content/pages) had only their BreadcrumbList: no WebPage telling search
    engines their name, description, language and site; the project's page is the site's
    AboutPage, the contacts' its ContactPage (PROJECT_PAGE, CONTACT_PAGE)."""
    website = json_ld(project_site.soup("/"))["WebSite"]
    assert website["@id"] == f"{SITEURL}/#website"
    kinds, dated = {}, dated_pages()
    assert "/accessibilita/" in dated  # the statement gives its date: the rule is tried
    for address in written_pages(project_site):
        soup = project_site.soup(address)
        data = web_page(soup)
        kinds[address] = data["@type"]
        assert_part_of_the_site(soup, data)
        # the breadcrumb shown, by the @id of its BreadcrumbList (one trail, not two)
        crumbs = json_ld(soup)["BreadcrumbList"]
        assert data["breadcrumb"] == {"@id": crumbs["@id"]} == {"@id": f"{data['url']}#breadcrumb"}
        assert crumbs["itemListElement"][-1]["item"] == data["url"]
        # a page whose front matter gives its date says when it changed, no other
        assert data.get("dateModified") == dated.get(address), address
    assert {"/progetto/", "/contatti/", "/accessibilita/"} <= kinds.keys()
    assert kinds.pop("/progetto/") == "AboutPage" and kinds.pop("/contatti/") == "ContactPage"
    assert set(kinds.values()) == {"WebPage"}, kinds


def test_the_listings_are_collection_pages_of_the_site(project_site):
    """The home page and the listings of a category, a tag and an author: a
    CollectionPage each (the home page's beside its WebSite, without a breadcrumb)."""
    for address in ("/", "/categorie/notizie/", "/argomenti/crema/", "/autori/redazione/"):
        soup = project_site.soup(address)
        data = web_page(soup)
        assert data["@type"] == "CollectionPage", address
        assert_part_of_the_site(soup, data)
        # the breadcrumb's list named where the page shows one: not on the home page
        assert data.get("breadcrumb") == (
            {"@id": json_ld(soup)["BreadcrumbList"]["@id"]} if address != "/" else None)
    assert set(json_ld(project_site.soup("/"))) == {"WebSite", "CollectionPage"}
    home = web_page(project_site.soup("/"))
    assert home["name"] == "FareLegami – Una comunità che gira"
    # an article stays a NewsArticle, with no WebPage of its own
    article_soup = project_site.soup(project_site.soup("/").select_one(".article-list a")["href"])
    assert "NewsArticle" in json_ld(article_soup)
    assert not PAGE_KINDS & set(json_ld(article_soup))


def test_a_page_s_web_page_says_when_it_changed_if_it_says_so(build_once):
    """``dateModified`` from the page's ``modified`` (its ``date`` else), with the Rome
    offset; none for a page without either. Published settings, a site address."""
    site = build_once({
        "pages/regole.md": "---\ntitle: Regole\nslug: regole\nmodified: 2024-06-01 09:00\n"
                           "---\n\nLe regole.\n",
        "pages/orari.md": "---\ntitle: Orari\nslug: orari\ndate: 2024-01-10 08:30\n---\n\n"
                          "Gli orari.\n",
        "pages/nuda.md": "---\ntitle: Nuda\nslug: nuda\n---\n\nNiente date.\n",
        "notizie/a.md": article(),
    }, config="publishconf")
    assert site.ok, site.log
    assert web_page(site.soup("/regole/"))["dateModified"] == "2024-06-01T09:00:00+02:00"
    assert web_page(site.soup("/orari/"))["dateModified"] == "2024-01-10T08:30:00+01:00"
    assert "dateModified" not in web_page(site.soup("/nuda/"))
