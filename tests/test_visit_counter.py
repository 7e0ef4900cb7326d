"""The visit counter's plugin: canonical paths, settings, and what the templates render.

The script itself runs in tests/test_visit_counter_browser.py.
"""

import logging
import re
from types import SimpleNamespace

import pytest
from support import article
from plugins.visit_counter import initialize, visit_path
from plugins.visit_counter.settings import DEFAULTS
from plugins.visit_counter.settings import install as validate

ARTICLE = "/2024/05/titolo-di-prova/"


@pytest.mark.parametrize(("url", "path"), [
    ("2024/05/slug/", "/2024/05/slug"),
    ("/2024/05/slug/", "/2024/05/slug"),
    ("/2024/05/slug", "/2024/05/slug"),
    ("2024/05/slug/index.html", "/2024/05/slug"),
    ("2024/05/slug/?utm_source=feed#commenti", "/2024/05/slug"),
    ("https://www.example.org/2024/05/slug/?x=1", "/2024/05/slug"),
    ("//2024//05/slug//", "/2024/05/slug"),
    ("2024/05/caff%C3%A8/", "/2024/05/caffè"),
    ("privacy/myindex.html", "/privacy/myindex.html"),
    ("", "/"), ("/", "/"), ("index.html", "/"), (None, "/"),
])
def test_visit_path_is_canonical(url, path):
    assert visit_path(url) == path
    assert visit_path(visit_path(url)) == path  # idempotent


def test_defaults_fill_in_and_validate_cleans(caplog):
    settings = validate({"VISIT_COUNTER_URL": " https://stats.example.org/count/ "})
    assert settings == {**DEFAULTS, "VISIT_COUNTER_URL": "https://stats.example.org"}
    assert DEFAULTS["VISIT_COUNTER_TIMEOUT_MS"] == 4000
    assert not caplog.records


@pytest.mark.parametrize(("name", "value", "fixed"), [
    ("VISIT_COUNTER_URL", "stats.example.org", ""),
    ("VISIT_COUNTER_URL", "ftp://stats.example.org", ""),
    ("VISIT_COUNTER_URL", "https://stats.example.org/?site=1", ""),
    ("VISIT_COUNTER_URL", 42, ""),
    ("VISIT_COUNTER_URL", "https://:8001", ""),  # no host
    ("VISIT_COUNTER_URL", "https://stats.example.org:porta", ""),
    ("VISIT_COUNTER_URL", "https://stats.example.org:99999", ""),
    ("VISIT_COUNTER_URL", "https://[::1", ""),
    ("VISIT_COUNTER_RESPECT_DNT", "no", True),
    ("VISIT_COUNTER_COUNT_LOCAL", 1, False),
    ("VISIT_COUNTER_LISTINGS", "yes", False),
    ("VISIT_COUNTER_TIMEOUT_MS", "4000", 4000),
    ("VISIT_COUNTER_TIMEOUT_MS", True, 4000),
    ("VISIT_COUNTER_TIMEOUT_MS", 0, 4000),
    ("VISIT_COUNTER_TIMEOUT_MS", 120000, 4000),
])
def test_bad_settings_are_logged_with_their_name_and_fall_back(caplog, name, value, fixed):
    with caplog.at_level(logging.ERROR, logger="plugins.core.settings"):
        settings = validate({name: value})
    assert settings[name] == fixed
    assert [r.getMessage().split(":")[0] for r in caplog.records] == [name]


def url_problems(caplog, url, siteurl):
    """(the cleaned VISIT_COUNTER_URL, the logged messages) for a site at ``siteurl``."""
    with caplog.at_level(logging.ERROR, logger="plugins.core.settings"):
        settings = validate({"VISIT_COUNTER_URL": url, "SITEURL": siteurl})
    return settings["VISIT_COUNTER_URL"], [record.getMessage() for record in caplog.records]


@pytest.mark.parametrize("url", [
    "https://redazione:segreto@stats.example.org",
    "https://redazione@stats.example.org",
    "https://:segreto@stats.example.org",
    "https://@stats.example.org",
    "http://redazione:segreto@localhost:8001",
    "https://redazione:segreto@stats.example.org:porta/count",  # also a bad port: still this
], ids=["user-and-password", "user", "password", "empty", "local", "bad-port"])
def test_credentials_in_the_address_are_refused_without_being_logged(caplog, url):
    cleaned, messages = url_problems(caplog, url, "https://www.example.org")
    assert cleaned == ""  # the counter is off
    [message] = messages
    assert message.startswith("VISIT_COUNTER_URL: must not carry a user name or password")
    assert "the visit counter is off" in message
    assert "segreto" not in message and "redazione" not in message


@pytest.mark.parametrize("url", [
    "http://stats.example.org",
    "HTTP://stats.example.org:8080/count/",
    "http://127.0.0.2:8001",  # only 127.0.0.1 is allowed
    "http://localhost.example.org",
    "http://[::2]:8001",
])
@pytest.mark.parametrize("siteurl", ["https://www.example.org", "HTTPS://www.example.org/"])
def test_an_http_counter_on_an_https_site_is_refused(caplog, url, siteurl):
    cleaned, messages = url_problems(caplog, url, siteurl)
    assert cleaned == ""
    [message] = messages
    assert message.startswith(f"VISIT_COUNTER_URL: {url!r} must be an https:// address")
    assert "the visit counter is off" in message


@pytest.mark.parametrize(("url", "cleaned"), [
    ("http://localhost", "http://localhost"),
    ("http://localhost:8001/", "http://localhost:8001"),
    ("http://LocalHost:8001", "http://LocalHost:8001"),
    ("http://127.0.0.1:9000/count", "http://127.0.0.1:9000"),
    ("http://[::1]:8001", "http://[::1]:8001"),
    ("http://[::1]", "http://[::1]"),
])
def test_a_local_http_counter_is_allowed_on_an_https_site(caplog, url, cleaned):
    assert url_problems(caplog, url, "https://www.example.org") == (cleaned, [])


@pytest.mark.parametrize(("url", "siteurl"), [
    ("https://stats.example.org", "https://www.example.org"),
    ("https://stats.example.org:8443", "https://www.example.org"),
    ("https://stats.example.org", "http://www.example.org"),
    ("https://stats.example.org", ""),
    ("http://stats.example.org", "http://www.example.org"),  # an http site: http allowed
    ("http://stats.example.org", ""),  # development: root-relative site
    ("http://stats.example.org", None),
])
def test_https_counters_and_http_sites_are_fine(caplog, url, siteurl):
    assert url_problems(caplog, url, siteurl) == (url, [])


def test_an_http_counter_on_an_https_build_is_reported_and_off(build):
    site = build({"notizie/a.md": article()},
                 settings="VISIT_COUNTER_URL = 'http://stats.example.org'\n")
    assert site.ok, site.log
    assert "VISIT_COUNTER_URL: 'http://stats.example.org' must be an https:// address" \
        in site.log
    assert "visit-count" not in site.all_text() and "stats.example.org" not in site.all_text()


def test_unknown_setting_with_the_prefix_is_a_warning(caplog):
    validate({"VISIT_COUNTER_ENDPOINT": "https://stats.example.org"})
    assert [(r.levelname, r.getMessage().split(":")[0]) for r in caplog.records] == [
        ("WARNING", "VISIT_COUNTER_ENDPOINT")]


def test_setup_adds_the_filter_without_touching_the_settings_modules_dict():
    shared = {"other": str}  # e.g. JINJA_FILTERS defined in pelicanconf.py
    pelican = SimpleNamespace(settings={"JINJA_FILTERS": shared})
    initialize(pelican)
    assert pelican.settings["JINJA_FILTERS"] == {"other": str, "visit_path": visit_path}
    assert shared == {"other": str}


def test_the_sites_own_filter_of_the_same_name_wins():
    def own(url):
        return url

    pelican = SimpleNamespace(settings={"JINJA_FILTERS": {"visit_path": own}})
    initialize(pelican)
    assert pelican.settings["JINJA_FILTERS"]["visit_path"] is own


def script_tags(soup):
    """The counter's script (in the site's one script, js/site.js, under its content-hashed
    name: plugins/assets), where it is configured to count."""
    return [tag for tag in soup.select("script[src][data-endpoint]")
            if re.search(r"/theme/js/site\.[0-9a-f]{10}\.js$", tag["src"])]


def test_no_endpoint_no_script_and_no_counter(build):
    site = build({"notizie/a.md": article()}, settings="VISIT_COUNTER_URL = ''\n")
    assert site.ok, site.log
    text = site.all_text()
    assert "data-endpoint" not in text and "visit-count" not in text


def test_development_settings_render_the_local_counter(build):
    site = build({"notizie/a.md": article(), "pages/p.md": "---\ntitle: P\n---\nTesto.\n"})
    assert site.ok, site.log
    page = site.soup(ARTICLE)
    [script] = script_tags(page)
    assert script.has_attr("defer") and not script.string
    assert script["data-endpoint"] == "http://localhost:8001"
    assert script["data-timeout"] == "4000"  # about 4 s by default
    assert script["data-respect-dnt"] == "true"
    assert script.has_attr("data-count-local")  # the development configuration asks for it
    [counter] = page.select(".article-meta .visit-count")
    assert counter["data-visit-path"] == "/2024/05/titolo-di-prova"
    assert counter["data-visit-title"] == "Titolo di prova"
    assert counter.has_attr("data-visit-record")
    assert counter.get_text() == "" and not counter.has_attr("aria-live")
    # no inline script (JSON-LD is data, plugins/seo: never executed)
    assert not page.select("script:not([src]):not([type='application/ld+json'])")
    # Only where a count is shown: not on pages, nor on listings by default.
    for url in ("/p/", "/", "/categorie/notizie/"):
        assert not script_tags(site.soup(url)) and not site.soup(url).select(".visit-count")


def test_settings_reach_the_data_attributes(build):
    site = build({"notizie/a.md": article(title='Titolo "tra virgolette" & co')}, settings="""
        VISIT_COUNTER_URL = "https://stats.example.org/"
        VISIT_COUNTER_RESPECT_DNT = False
        VISIT_COUNTER_COUNT_LOCAL = False
        VISIT_COUNTER_TIMEOUT_MS = 2500
    """)
    assert site.ok, site.log
    page = site.soup("/2024/05/titolo-tra-virgolette-co/")
    [script] = script_tags(page)
    assert script["data-endpoint"] == "https://stats.example.org"
    assert script["data-timeout"] == "2500"
    assert script["data-respect-dnt"] == "false"
    assert not script.has_attr("data-count-local")
    assert page.select_one(".visit-count")["data-visit-title"] == "Titolo “tra virgolette” & co"


def test_listings_show_counts_behind_the_setting(build):
    site = build({"notizie/a.md": article(tags="[Crema]")},
                 settings="VISIT_COUNTER_LISTINGS = True\n")
    assert site.ok, site.log
    for url in ("/", "/categorie/notizie/", "/argomenti/crema/"):
        soup = site.soup(url)
        assert len(script_tags(soup)) == 1, url
        [item] = soup.select(".card .visit-count")
        assert item["data-visit-path"] == "/2024/05/titolo-di-prova"
        assert not item.has_attr("data-visit-record")  # listings read, never record


def test_visits_before_the_move_are_the_elements_offset(build):
    site = build({"notizie/a.md": article(visite_precedenti=1459),
                  "notizie/b.md": article(title="Nuovo", date="2024-05-06 10:00"),
                  "notizie/c.md": article(title="Da zero", date="2024-05-07 10:00",
                                          visite_precedenti=0)},
                 settings="VISIT_COUNTER_LISTINGS = True\n")
    assert site.ok, site.log
    [own] = site.soup(ARTICLE).select(".article-meta .visit-count")
    assert own["data-visit-offset"] == "1459" and own.has_attr("data-visit-record")
    [card] = site.soup("/").select('.card .visit-count[data-visit-path="/2024/05/titolo-di-prova"]')
    assert card["data-visit-offset"] == "1459"  # listings show the same total
    for url in ("/2024/05/nuovo/", "/2024/05/da-zero/"):  # nothing to add: no attribute
        assert not site.soup(url).select(".visit-count[data-visit-offset]"), url


def test_public_settings_take_the_endpoint_from_the_environment(build, monkeypatch):
    monkeypatch.setenv("VISIT_COUNTER_URL", "https://stats.example.org")
    site = build({"notizie/a.md": article()}, config="publishconf")
    assert site.ok, site.log
    [script] = script_tags(site.soup(ARTICLE))
    assert script["data-endpoint"] == "https://stats.example.org"
    assert not script.has_attr("data-count-local")  # the public build never counts previews


def test_public_settings_without_the_environment_have_no_counter(build, monkeypatch):
    monkeypatch.delenv("VISIT_COUNTER_URL", raising=False)
    site = build({"notizie/a.md": article()}, config="publishconf")
    assert site.ok, site.log
    assert "visit-count" not in site.all_text()


def test_a_bad_address_is_reported_and_turns_the_counter_off(build):
    site = build({"notizie/a.md": article()}, settings="VISIT_COUNTER_URL = 'stats.example'\n")
    assert site.ok, site.log
    assert "VISIT_COUNTER_URL: 'stats.example' is not an http(s) address" in site.log
    assert "visit-count" not in site.all_text()
