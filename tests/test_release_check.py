"""The release check (tools/release_check.py) on hand-made release folders, without a build;
which file a link names (``resolve``: plugins/core/output.py, the release check's and the
build's)."""

from datetime import datetime, timezone

import pytest
from tools.release_check import check_release, main

from plugins.core.output import resolve

SITE = "https://example.org"
NOW = datetime(2025, 1, 1, 12, tzinfo=timezone.utc)
SITEMAP = ('<?xml version="1.0" encoding="utf-8"?>\n'
           '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{}</urlset>')
FEED = '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"/>'


def page(body, head=""):
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def release(tmp_path, files):
    """A minimal valid release plus ``files`` (relative path -> text)."""
    folder = tmp_path / "release"
    base = {
        "index.html": page('<a href="/">Home</a>'),
        "sitemap.xml": SITEMAP.format(f"<url><loc>{SITE}/</loc></url>"),
        "feeds/tutto.atom.xml": FEED,
        "theme/css/base.css": "",
    }
    for relative, text in {**base, **files}.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(("url", "page_path", "expected"), [
    ("https://example.org/2024/05/uno/", "index.html", "2024/05/uno/index.html"),
    ("https://example.org", "index.html", "index.html"),
    ("https://EXAMPLE.org/a.css?v=2#x", "index.html", "a.css"),
    ("/allegati/verbale%20citt%C3%A0.pdf", "index.html", "allegati/verbale città.pdf"),
    ("/progetto/", "a/index.html", "progetto/index.html"),
    ("foto.jpg", "2024/05/uno/index.html", "2024/05/uno/foto.jpg"),
    ("../due/", "2024/05/uno/index.html", "2024/05/due/index.html"),
    ("//example.org/x.js", "index.html", "x.js"),
    ("https://other.org/", "index.html", None),
    ("http://example.org.evil.com/", "index.html", None),
    ("mailto:info@example.org", "index.html", None),
    ("tel:+390372000000", "index.html", None),
    ("#contenuto", "index.html", None),
    ("javascript:void(0)", "index.html", None),
    ("ftp://example.org/x", "index.html", None),
])
def test_which_urls_are_internal_and_where_they_lead(url, page_path, expected):
    assert resolve(url, page_path, SITE) == expected


def test_a_siteurl_with_a_path():
    assert resolve("https://example.org/news/a/", "index.html", "https://example.org/news") \
        == "a/index.html"
    assert resolve("/news/", "index.html", "https://example.org/news/") == "index.html"
    assert resolve("/altro/", "index.html", "https://example.org/news") == ""  # outside


def test_a_complete_release_has_no_problems(tmp_path):
    folder = release(tmp_path, {
        "2024/05/uno/index.html": page(
            '<article><time datetime="2024-05-05T17:07:00+02:00">5 maggio</time>'
            '<a href="https://example.org/">home</a> <a href="/progetto">progetto</a>'
            ' <a href="https://www.fondazionecariplo.it/">Cariplo</a>'
            ' <a href="mailto:a@example.org">mail</a> <a href="#top">su</a>'
            ' <img src="foto.jpg" srcset="foto.jpg 1x, /theme/css/base.css 2x" alt=""></article>',
            '<link rel="stylesheet" href="https://example.org/theme/css/base.css">'),
        "2024/05/uno/foto.jpg": "",
        "progetto/index.html": page("<p>Il progetto</p>"),
    })
    assert check_release(folder, SITE, now=NOW) == []


def test_broken_links_name_the_file_and_the_url(tmp_path):
    folder = release(tmp_path, {"2024/05/uno/index.html": page(
        '<a href="/non-esiste/">x</a><img src="https://example.org/manca.png" alt="">'
        '<script src="/theme/js/manca.js"></script>'
        '<picture><source srcset="/a.webp 1x, /theme/css/base.css 2x"></picture>',
        '<link rel="stylesheet" href="/theme/css/manca.css">')})
    problems = check_release(folder, SITE, now=NOW)
    assert len(problems) == 5, problems
    for url in ("/non-esiste/", "https://example.org/manca.png", "/theme/js/manca.js",
                "/a.webp", "/theme/css/manca.css"):
        assert any(p.startswith(f"2024/05/uno/index.html: broken link {url} ") for p in problems)


def test_links_outside_html_attributes_must_resolve_too(tmp_path):
    """A font named only in the stylesheet, the shared image, feed links and enclosures,
    a sitemap entry on another host: each would be broken on the live site."""
    folder = release(tmp_path, {
        "theme/css/site.css": "@font-face{src:url(../fonts/manca.woff2) format('woff2')}"
                              "body{background:url('data:image/png;base64,AA==')}"
                              ".a{background:url(\"/theme/img/c'e.png\")}",
        "theme/img/c'e.png": "",
        "2024/05/uno/index.html": page("x", f'<meta property="og:image" content="{SITE}/'
                                            'theme/logo.png"><meta name="twitter:image"'
                                            f' content="{SITE}/theme/logo.png">'),
        "feeds/tutto.rss.xml": '<?xml version="1.0"?><rss version="2.0"><channel>'
                               f'<link>{SITE}/</link><item><link>{SITE}/2024/05/uno/</link>'
                               f'<enclosure url="{SITE}/allegati/manca.pdf" length="1"'
                               ' type="application/pdf"/></item></channel></rss>',
        "feeds/tutto.atom.xml": '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/'
                                f'Atom"><link href="{SITE}/feeds/sparito.atom.xml"'
                                ' rel="self"/></feed>',
        "sitemap.xml": SITEMAP.format("<url><loc>http://127.0.0.1:9999/</loc></url>"),
    })
    assert sorted(check_release(folder, SITE, now=NOW)) == sorted([
        "theme/css/site.css: broken link ../fonts/manca.woff2 (url(): no"
        " theme/fonts/manca.woff2)",
        f"2024/05/uno/index.html: broken link {SITE}/theme/logo.png (<meta og:image>: no"
        " theme/logo.png)",
        f"feeds/tutto.rss.xml: broken link {SITE}/allegati/manca.pdf (<enclosure>)",
        f"feeds/tutto.atom.xml: broken link {SITE}/feeds/sparito.atom.xml (<link rel=self>)",
        "sitemap.xml: http://127.0.0.1:9999/ is not on the site (<loc>)"])


def test_an_unparseable_feed_or_sitemap_is_refused(tmp_path):
    folder = release(tmp_path, {
        "feeds/categorie/notizie.rss.xml": "<rss><channel><title>Rotto</channel></rss>",
        "sitemap.xml": SITEMAP.format(f"<url><loc>{SITE}/sparito/</loc></url>"),
    })
    problems = check_release(folder, SITE, now=NOW)
    assert len(problems) == 2, problems
    assert problems[0].startswith("feeds/categorie/notizie.rss.xml: not well-formed XML")
    assert problems[1] == f"sitemap.xml: broken link {SITE}/sparito/ (<loc>)"
    (folder / "sitemap.xml").write_text("<urlset>", encoding="utf-8")
    assert check_release(folder, SITE, now=NOW)[-1].startswith("sitemap.xml: not well-formed")


def test_missing_essentials_are_refused(tmp_path):
    folder = release(tmp_path, {})
    (folder / "sitemap.xml").unlink()
    (folder / "index.html").unlink()
    assert check_release(folder, SITE, now=NOW) == ["index.html: missing", "sitemap.xml: missing"]
    assert check_release(tmp_path / "nowhere", SITE) == [f"{tmp_path / 'nowhere'}: "
                                                         "the release folder does not exist"]


def test_drafts_and_future_items_are_refused(tmp_path):
    future = '<time datetime="2025-01-01T14:00:00+01:00">domani</time>'  # 13:00 UTC
    past = '<time datetime="2025-01-01T12:59:00+01:00">prima</time>'
    folder = release(tmp_path, {
        "drafts/bozza.html": page("<p>bozza</p>"),
        "futuro/index.html": page(f"<article>{future}</article>"),
        # a listing: each card is an <article> with its date
        "archivio/index.html": page(f"<article>{past}</article><article>{future}</article>"),
        # the page's own date wins over the <time> elements inside it
        "meta/index.html": page(f"<article>{past}</article>", '<meta property="article:'
                                'published_time" content="2025-06-01">'),
        "passato/index.html": page(f"<article>{past}{future}</article>"),  # the update
        "anteprima/index.html": page('<h1><span class="badge-bozza">BOZZA</span> X</h1>'),
    })
    problems = check_release(folder, SITE, now=NOW)
    assert problems == [
        "drafts/: drafts were written (a release holds no drafts)",
        "anteprima/index.html: marked BOZZA (a draft or future item: a preview build?)",
        "archivio/index.html: dated 2025-01-01T14:00:00+01:00, in the future (not yet to be "
        "published)",
        "futuro/index.html: dated 2025-01-01T14:00:00+01:00, in the future (not yet to be "
        "published)",
        "meta/index.html: dated 2025-06-01, in the future (not yet to be published)",
    ]


def test_command_line(tmp_path, capsys):
    folder = release(tmp_path, {"a/index.html": page('<a href="/b/">b</a>')})
    assert main([str(folder), SITE]) == 1
    assert capsys.readouterr().out == "a/index.html: broken link /b/ (<a href>: no b/index.html)\n"
    (folder / "b").mkdir()
    (folder / "b" / "index.html").write_text(page(""), encoding="utf-8")
    assert main([str(folder), SITE]) == 0


def test_precompressed_copies_must_decompress_to_their_file(tmp_path):
    import gzip  # noqa: PLC0415

    import brotli  # noqa: PLC0415

    text = "body { color: #111; }\n" * 100
    folder = release(tmp_path, {"theme/css/site.css": text})
    css = folder / "theme/css/site.css"
    (folder / "theme/css/site.css.gz").write_bytes(gzip.compress(text.encode(), mtime=0))
    (folder / "theme/css/site.css.br").write_bytes(brotli.compress(text.encode()))
    (folder / "orfano.html.gz").write_bytes(b"not checked: nothing is served for it")
    assert check_release(folder, SITE, now=NOW) == []
    css.write_text(text + "/* changed after compressing */\n", encoding="utf-8")
    (folder / "index.html.br").write_bytes(b"\x00broken")
    broken, *stale = check_release(folder, SITE, now=NOW)
    assert broken.startswith("index.html.br: not a valid compressed copy of index.html (")
    assert stale == [
        "theme/css/site.css.br: differs from theme/css/site.css (a stale or broken copy)",
        "theme/css/site.css.gz: differs from theme/css/site.css (a stale or broken copy)",
    ]


def test_where_a_refresh_leads_is_checked_in_pages_of_any_name(tmp_path):
    """The pages at the old portal's addresses (plugins/redirects) are .php or have no
    extension, and lead on with <meta http-equiv="refresh">: both are checked."""
    def moved(url):
        return page(f'<a href="{url}">Spostata</a>',
                    f'<meta http-equiv="refresh" content="0; url={url}">')

    folder = release(tmp_path, {
        "2024/05/uno/index.html": page("Uno"),
        "vecchie/buona.php": moved("/2024/05/uno/"),
        "index.php/notizie/1": moved("/2024/05/uno/"),
        "vecchie/rotta.php": page(
            "", """<meta http-equiv="Refresh" content="0;URL='/2024/05/due/'">"""),
        "index.php/notizie/2": moved("/2024/05/tre/"),
        "LICENSE": "/nessun/link/ <a href=\"/manca/\">",  # not a page: not read
    })
    assert check_release(folder, SITE, NOW) == [
        "index.php/notizie/2: broken link /2024/05/tre/ (<meta http-equiv=refresh>: no"
        " 2024/05/tre/index.html)",
        "vecchie/rotta.php: broken link /2024/05/due/ (<meta http-equiv=refresh>: no"
        " 2024/05/due/index.html)",
    ]


def atom(feed_id, self_link, entry_id):
    return ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f'<title>FareLegami</title><link href="{SITE}/" rel="alternate"/>'
            f'<link href="{self_link}" rel="self"/><id>{feed_id}</id>'
            f'<entry><title>Uno</title><link href="{SITE}/2024/05/uno/" rel="alternate"/>'
            f'<id>{entry_id}</id></entry></feed>')


def test_atom_ids_and_self_links_must_be_absolute(tmp_path):
    """RFC 4287: an atom:id is an IRI, relative references excluded, and the self link is
    the feed's own address (a build without SITEURL and FEED_DOMAIN wrote both as site
    paths, /feeds/tutto.atom.xml, and the release went out)."""
    own = f"{SITE}/feeds/tutto.atom.xml"
    entry = "tag:example.org,2024-05:/2024/05/uno/"
    rss = ('<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">'
           f'<channel><link>{SITE}/</link><atom:link href="{{}}" rel="self"/></channel></rss>')
    files = {"2024/05/uno/index.html": page("Uno"),
             "feeds/tutto.atom.xml": atom(own, own, entry),
             "feeds/tutto.rss.xml": rss.format(f"{SITE}/feeds/tutto.rss.xml")}
    assert check_release(release(tmp_path / "good", files), SITE, now=NOW) == []
    # a feed on a host of its own (FEED_DOMAIN) is not this release's to resolve
    elsewhere = atom("https://feeds.example.net/tutto.atom.xml",
                     "https://feeds.example.net/tutto.atom.xml", f"urn:uuid:{'1' * 32}")
    assert check_release(release(tmp_path / "other", {**files, "feeds/tutto.atom.xml":
                                                      elsewhere}), SITE, now=NOW) == []
    bad = {**files,
           "feeds/tutto.atom.xml": atom("/feeds/tutto.atom.xml", "/feeds/tutto.atom.xml",
                                        "/2024/05/uno/"),
           "feeds/categorie/notizie.atom.xml": atom("", "//example.org/feeds/tutto.atom.xml",
                                                    "https:/2024/05/uno/"),
           "feeds/categorie/avvisi.atom.xml": atom(f"{SITE}/feeds/categorie/avvisi.atom.xml",
                                                   own, "tag:example.org,2024-05:/a b/"),
           "feeds/tutto.rss.xml": rss.format("tutto.rss.xml")}  # resolves, relative
    # the hint only where such a build is the likely cause: an empty value, a site path
    why = "; a build without SITEURL and FEED_DOMAIN?)"
    assert check_release(release(tmp_path / "bad", bad), SITE, now=NOW) == [
        "feeds/categorie/avvisi.atom.xml: id tag:example.org,2024-05:/a b/ is not an absolute"
        " IRI (<id>: RFC 4287 4.2.6)",
        f"feeds/categorie/avvisi.atom.xml: self link {own} names feeds/tutto.atom.xml, not"
        " this feed (<link rel=self>)",
        f"feeds/categorie/notizie.atom.xml: id (empty) is not an absolute IRI (<id>: RFC 4287"
        f" 4.2.6{why}",
        "feeds/categorie/notizie.atom.xml: id https:/2024/05/uno/ is not an absolute IRI"
        " (<id>: RFC 4287 4.2.6)",
        "feeds/categorie/notizie.atom.xml: self link //example.org/feeds/tutto.atom.xml is"
        f" not an absolute IRI (<link rel=self>: RFC 4287 4.2.7.2{why}",
        f"feeds/tutto.atom.xml: id /feeds/tutto.atom.xml is not an absolute IRI (<id>: RFC"
        f" 4287 4.2.6{why}",
        f"feeds/tutto.atom.xml: id /2024/05/uno/ is not an absolute IRI (<id>: RFC 4287"
        f" 4.2.6{why}",
        "feeds/tutto.atom.xml: self link /feeds/tutto.atom.xml is not an absolute IRI"
        f" (<link rel=self>: RFC 4287 4.2.7.2{why}",
        "feeds/tutto.rss.xml: self link tutto.rss.xml is not an absolute IRI"
        " (<link rel=self>: RFC 4287 4.2.7.2)",
    ]
