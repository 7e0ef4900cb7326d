"""The Content-Security-Policy <meta> of every page (plugins/csp)."""

import re
import runpy

from bs4 import BeautifulSoup
from support import ROOT, SITEURL, article

from plugins.csp.policy import frozen, origin, policy
from plugins.csp.settings import DEFAULTS, check, install

DEVELOPMENT = runpy.run_path(str(ROOT / "pelicanconf.py"))
EXTRA = frozen(DEVELOPMENT.get("CSP_EXTRA_SOURCES", {}))  # test builds use the development settings
SITE_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
               "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
               "form-action 'self'")


def test_the_policy_without_and_with_the_counter_and_webassembly():
    assert policy() == SITE_POLICY
    with_counter = policy("https://stats.example.org/base")
    assert "img-src 'self';" in with_counter  # the counter is read and written by fetch
    assert "connect-src 'self' https://stats.example.org;" in with_counter
    assert "script-src 'self';" in with_counter
    assert "script-src 'self' 'wasm-unsafe-eval';" in policy(wasm=True)
    extra = frozen({"img-src": ["data:"], "worker-src": ["blob:"], "connect-src": ["'self'"]})
    widened = policy(extra=extra)
    assert "img-src 'self' data:;" in widened and widened.endswith("worker-src 'self' blob:")
    assert "connect-src 'self';" in widened  # each source once
    assert "frame-ancestors" not in policy("https://stats.example.org", True, extra)


def test_the_sites_own_origin_stands_beside_self():
    """Pages name their files by SITEURL: under another name of the server they still load."""
    text = policy("https://stats.example.org", siteurl="https://www.example.org/news")
    assert text == (
        "default-src 'self' https://www.example.org; script-src 'self' https://www.example.org; "
        "style-src 'self' https://www.example.org; "
        "img-src 'self' https://www.example.org; "
        "font-src 'self' https://www.example.org; "
        "connect-src 'self' https://www.example.org https://stats.example.org; "
        "object-src 'none'; base-uri 'self' https://www.example.org; "
        "form-action 'self' https://www.example.org")
    assert policy(siteurl="../..") == SITE_POLICY  # RELATIVE_URLS: nothing to add
    assert policy(siteurl="") == SITE_POLICY


def test_the_counter_origin():
    assert origin("https://stats.example.org") == "https://stats.example.org"
    assert origin("http://localhost:8001/x/") == "http://localhost:8001"
    assert origin("https://Stats.Example.org:443") == "https://stats.example.org:443"
    assert origin("http://[::1]:8001") is None  # CSP cannot name an IPv6 address
    assert origin("ftp://example.org") is None and origin("") is None
    assert origin("https://example.org:port") is None
    # browsers drop a directive naming a host beyond ASCII: the counter was blocked
    assert origin("http://contatore.città.test:18001") == \
        "http://contatore.xn--citt-3na.test:18001"


def test_settings_are_checked():
    assert check(dict(DEFAULTS)) == []
    for bad in ({"frame-ancestors": ["'none'"]}, {"img-src": "data:"},
                {"img-src": ["data: https://x"]}, {"img-src": ["a;b"]}, ["img-src"]):
        assert [name for name, _ in check({**DEFAULTS, "CSP_EXTRA_SOURCES": bad})] == [
            "CSP_EXTRA_SOURCES"], bad
    settings = {**DEFAULTS, "CSP_META": "yes"}  # a switch: core.settings.install's own check
    install(settings)
    assert settings["CSP_META"] is True


TEMPLATE = """{% extends "base.html" %}
{% set csp_wasm = true %}
{% block title %}Prova{% endblock %}
{% block content %}<p>Pagina di prova.</p>{% endblock %}
"""


def test_every_page_starts_its_head_with_the_charset_then_the_policy(build, tmp_path):
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "prova.html").write_text(TEMPLATE, encoding="utf-8")
    site = build({"notizie/a.md": article(title="Primo"),
                  "pages/p.md": "---\ntitle: Pagina\n---\n\nTesto.\n"}, settings=f"""
        VISIT_COUNTER_URL = "https://stats.example.org"
        THEME_TEMPLATES_OVERRIDES = [{str(overrides)!r}]
        DIRECT_TEMPLATES = DIRECT_TEMPLATES + ["prova"]
        PROVA_SAVE_AS = "prova/index.html"
    """)
    assert site.ok, site.log
    # The web editor at admin/ carries its own policy (tested in test_admin.py).
    pages = sorted(page for page in site.output.rglob("*.html")
                   if not page.relative_to(site.output).as_posix().startswith("admin/"))
    assert len(pages) > 10
    policies = {}
    for page in pages:
        raw = page.read_bytes()
        head = BeautifulSoup(raw, "html.parser").head
        charset, first = head.find_all(True, limit=2)
        assert charset.name == "meta" and charset.get("charset") == "utf-8", page
        assert first.name == "meta" and first.get("http-equiv") == "Content-Security-Policy", page
        policies[page.relative_to(site.output).as_posix()] = first["content"]
    counter = policy("https://stats.example.org", extra=EXTRA, siteurl=SITEURL)
    assert "connect-src 'self' https://farelegami.example.org https://stats.example.org;" in counter
    with_wasm = policy("https://stats.example.org", wasm=True, extra=EXTRA, siteurl=SITEURL)
    assert policies.pop("prova/index.html") == with_wasm
    assert policies.pop("cerca/index.html") == with_wasm  # the search page (plugins/search)
    assert set(policies.values()) == {counter}


def test_the_charset_ends_in_the_first_1024_bytes_however_long_the_policy(build):
    """HTML wants the charset's <meta> whole within a page's first 1024 bytes (browsers
    look for it there before they parse). Behind the policy, a longer site address (nine
    times in it, each quote written as &#39;), the counter's origin and extra sources
    pushed it past them: every page, the search page's and an old address's too."""
    site_address = "https://farelegami.comunita-welfare-provincia-di-cremona.example.org"
    site = build({"notizie/a.md": article(title="Primo",
                                          indirizzi_precedenti="/notizie/1-primo.html")},
                 siteurl=site_address, settings="""
        VISIT_COUNTER_URL = "https://statistiche.comunita-welfare-cremona.example.org"
        CSP_EXTRA_SOURCES = {"frame-src": ["https://www.youtube-nocookie.com"]}
    """)
    assert site.ok, site.log
    pages = [page for page in site.output.rglob("*.html")
             if not page.relative_to(site.output).as_posix().startswith("admin/")]
    pages.append(site.output / "notizie" / "1-primo.html")  # the old address's page
    assert site.output / "cerca" / "index.html" in pages
    for page in pages:
        raw = page.read_bytes()
        assert b"www.youtube-nocookie.com" in raw, page  # the long policy is there
        assert raw.index(b'<meta charset="utf-8">') + len(b'<meta charset="utf-8">') <= 1024, \
            page


def test_no_meta_when_switched_off_and_no_counter_origin_without_a_counter(build_once):
    site = build_once({"notizie/a.md": article(title="Primo")}, settings="CSP_META = False\n")
    assert site.ok, site.log
    assert "Content-Security-Policy" not in site.text("/2024/05/primo/")
    site = build_once({"notizie/a.md": article(title="Primo")},
                      settings='VISIT_COUNTER_URL = ""\n')
    meta = site.soup("/2024/05/primo/").find("meta", attrs={"http-equiv": True})
    assert meta["content"] == policy(extra=EXTRA, siteurl=SITEURL)
    assert "stats" not in meta["content"] and "counter" not in meta["content"]


def test_every_page_names_the_referrer_policy_nginx_sends(build_once):
    """Another site a reader goes on to gets this site's origin at most, never a page's
    path or query (the words of a search, /cerca/?q=…): deploy/nginx.conf sends
    Referrer-Policy, and every page names the same policy in a <meta name="referrer"> for
    hosts that send no header (GitHub Pages) and browsers whose default sent the whole
    address; the pages at old addresses, the 404 page and the web editor's too, with or
    without the <meta> Content-Security-Policy."""
    [sent] = re.findall(r'add_header Referrer-Policy "([^"]+)" always;',
                        (ROOT / "deploy" / "nginx.conf").read_text())
    for settings in ("", "CSP_META = False\n"):
        site = build_once({"notizie/a.md": article(
            title="Primo", indirizzi_precedenti="/notizie/1-primo.html")}, settings=settings)
        assert site.ok, site.log
        pages = list(site.output.rglob("*.html"))
        assert site.output / "admin" / "index.html" in pages
        pages.append(site.output / "notizie" / "1-primo.html")  # the old address's page
        assert site.output / "404.html" in pages and len(pages) > 10
        for page in pages:
            head = BeautifulSoup(page.read_bytes(), "html.parser").head
            assert [meta["content"] for meta in head.find_all("meta", attrs={
                "name": "referrer"})] == [sent], page
