"""plugins/redirects: the old portal's addresses (``indirizzi_precedenti``) lead to the
items. Pure functions first, then real builds and ``invoke check`` of real Markdown."""

import datetime
import json
import time
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest

from plugins.contract.settings import add_key
from plugins.redirects import page, rules
from plugins.redirects import settings as redirect_settings
from plugins.redirects.output import PERIOD_MARKER
from plugins.redirects.paths import check_key, old_path, old_paths, output_file, site_folders
from samples import photo
from support import ROOT, SITEURL, article, project_settings, run_tool, write_conf, write_content
from tools.release_check import check_release


@pytest.fixture(scope="module")
def base_settings():
    return project_settings(ROOT / "pelicanconf.py")


# --- One address, as written ------------------------------------------------------------

@pytest.mark.parametrize(("written", "path"), [
    ("/notizie/123-presentazione.html", "/notizie/123-presentazione.html"),
    ("  /index.php/notizie/123 ", "/index.php/notizie/123"),
    ("/vecchio/", "/vecchio/"),
    ("/Notizie/Pagina.HTM", "/Notizie/Pagina.HTM"),
    ("https://www.farelegami.it/notizie/123.php", "/notizie/123.php"),
    ("HTTP://vecchio.example.org", None),  # the host only: the home page, refused below
    ("/notizie//doppia.html", "/notizie/doppia.html"),  # merged, as nginx reads it
    ("/notizie/citt%C3%A0.html", "/notizie/città.html"),  # decoded, as nginx reads it
])
def test_an_old_address_is_kept_as_the_server_reads_it(written, path):
    found, problem = old_path(written)
    assert found == path
    assert (problem is None) == (path is not None)


@pytest.mark.parametrize(("written", "fragment"), [
    ("/notizie/dettaglio.php?id=123", "contiene una richiesta (`?…`): il sito non può"),
    ("https://www.farelegami.it/index.php?option=com_content&id=7", "richiesta (`?…`)"),
    ("notizie/123.html", "deve cominciare con `/`"),
    ("/../fuori.html", "contiene `.` o `..`"),
    ("/notizie/%2e%2e/fuori.html", "contiene `.` o `..`"),
    ("/notizie/123.html#sopra", "contiene `#`"),
    ("\\notizie\\123.html", "barra rovesciata"),
    ("/", "è la home page"),
    ("/documento.pdf", "finisce con .pdf"),
    ("ftp://vecchio.example.org/a.html", "non è un indirizzo di una pagina web"),
    ("/notizie/a%0Ab.html", "caratteri di controllo"),
    # decoded, %5C is a `\` in the file's name (on Windows, a folder: out of the output)
    ("/notizie/..%5C..%5Cfuori.html", "barra rovesciata"),
    ("/notizie/a%5cb.html", "barra rovesciata"),
    # a hidden file's name (.htaccess, .git/…), not a page
    ("/.htaccess", "comincia con un punto"),
    ("/vecchio/.git/config", "comincia con un punto"),
])
def test_an_old_address_that_cannot_be_served_is_an_error_saying_why(written, fragment):
    found, problem = old_path(written)
    assert found is None and fragment in problem
    assert written.replace("\n", "\\n") in problem
    assert problem.startswith("`indirizzi_precedenti`: ")


def test_a_name_too_long_for_a_file_is_an_error_not_a_traceback(build, tmp_path):
    """A part of 300 characters, or a path of 4000, made no file name the system
    accepts: the build stopped with OSError (File name too long); invoke check passed."""
    assert old_path("/" + "a" * 196 + ".php")[0] is not None
    assert old_path("/" + "à" * 101 + "/")[0] is None  # 202 bytes
    long_name, long_path = "/a/" + "b" * 300 + ".html", "/x" + "/abcdefghi" * 400 + "/"
    files = {"notizie/a.md": article(title="A", indirizzi_precedenti=[long_name, long_path])}
    built = build(files)
    assert not built.ok and "Traceback" not in built.log and "OSError" not in built.log
    message = "`indirizzi_precedenti`: /a/bbbbbbbbb"
    assert built.messages().count("ERROR notizie/a.md:4: `indirizzi_precedenti`: ") == 2
    assert f"ERROR notizie/a.md:4: {message}" in built.messages()
    assert "è troppo lungo: ogni parte tra due `/` può avere al massimo 200" in built.messages()
    write_content(tmp_path / "check" / "content", files)
    conf = write_conf(tmp_path / "check")
    status, out, _ = run_tool(tmp_path / "check", "check", "--settings", str(conf),
                              "--content", str(tmp_path / "check" / "content"))
    assert status == 1 and out.count("content/notizie/a.md:4: errore: ") == 2, out
    assert f"content/notizie/a.md:4: errore: {message}" in out


def test_a_control_character_is_shown_escaped_keeping_the_message_on_one_line():
    # a YAML block (`|`) gave "/multi.html\n/second.html\n": the error spanned lines
    for written, shown in (("/multi.html\n/second.html", "/multi.html\\n/second.html"),
                           ("/a\tb.html?x", "/a\\tb.html?x")):
        problem = old_path(written)[1]
        assert "\n" not in problem and "\t" not in problem and shown in problem, problem


def test_the_sites_own_folders_and_files_are_refused(base_settings):
    folders = site_folders(base_settings)
    for name in ("categorie", "argomenti", "feeds", "allegati", "immagini", "theme",
                 "pagefind", "admin", "pagina", "index.html", "sitemap.xml", "robots.txt"):
        assert name in folders, name
    for written in ("/feeds/vecchio.html", "/admin/", "/pagina/2/", "/index.html",
                    "/categorie/notizie/"):
        found, problem = old_path(written, folders)
        assert found is None and "che il sito usa per i suoi file" in problem, written
    assert old_path("/notizie/123.html", folders) == ("/notizie/123.html", None)
    # on a Mac or a Windows PC (a local build, a preview) these are the site's own files
    for written in ("/Index.html", "/FEEDS/vecchio.html", "/Admin/"):
        found, problem = old_path(written, folders)
        assert found is None and "che il sito usa per i suoi file" in problem, written


def test_addresses_differing_only_in_capitals_are_one_file_on_a_mac():
    """/2024/05/A/ is another file than the article's 2024/05/a/ on Linux, the same one on
    a Mac or a Windows PC, where a local build or a preview wrote the redirect over the
    article's page; two items claiming /Notizie/1.html and /notizie/1.html likewise."""
    [problem] = rules.problems(claims("notizie/b.md", "/2024/05/A/"), WRITTEN)
    assert "è già l'indirizzo di notizie/a.md" in problem.message
    [problem] = rules.problems(claims("notizie/b.md", "/Notizie/1.html")
                               + claims("notizie/c.md", "/notizie/1.html"), WRITTEN)
    assert "è anche tra gli indirizzi precedenti di notizie/c.md" in problem.message


def test_one_text_or_a_list_each_address_once(base_settings):
    assert old_paths("/a.html") == (["/a.html"], [])
    assert old_paths(["/a.html", "/a.html", "", None, "/b/"]) == (["/a.html", "/b/"], [])
    paths, problems = old_paths(["/a.html", "b.html", {"x": 1}, ["/c.html"]])
    assert paths == ["/a.html"] and len(problems) == 3
    # an entry that is no address, shown as written (it was Python's {'x': 1})
    assert problems[1:] == [
        f"`indirizzi_precedenti`: ogni voce è un indirizzo, come {example}, non «{written}»:"
        " scrivi un indirizzo per voce, senza parentesi né due punti / each entry is one"
        " address" for example in ["/notizie/123-presentazione.html"]
        for written in ("x: 1", "[/c.html]")]
    # "- /vecchio.html:" (a colon at its end: a mapping with a null) was «/vecchio.html: None»;
    # what a pair holds in its form too (it was «/a.html: {'x': ['1', None]}»)
    problems = old_paths([{"/vecchio.html": None}, {"/a.html": {"x": ["1", None]}},
                          {"a": "b", "c": None}, [True, None]])[1]
    assert [problem.split("«")[1].split("»")[0] for problem in problems] == [
        "/vecchio.html:", "/a.html: {x: [1, ]}", "{a: b, c}", "[true, ]"]
    assert check_key(["/a.html", "/a.html"], base_settings) == (["/a.html"], [])
    assert check_key(["b.html"], base_settings)[0] is None
    off = {**base_settings, "REDIRECTS_ENABLED": False}
    assert check_key(["b.html"], off) == (["b.html"], [])  # left as written


def test_where_each_old_address_is_written():
    assert output_file("/notizie/123.html") == "notizie/123.html"
    assert output_file("/index.php/notizie/123") == "index.php/notizie/123"
    assert output_file("/vecchio/") == "vecchio/index.html"


# --- Across files -----------------------------------------------------------------------

def claims(source, *paths, line=4):
    return rules.claims_of(source, line, list(paths))


WRITTEN = {"2024/05/a/index.html": "notizie/a.md", "chi-siamo/index.html": "pages/chi.md"}


def test_old_addresses_of_other_items_are_errors_on_the_claiming_file():
    assert rules.problems(claims("notizie/b.md", "/notizie/1.html", "/x/"), WRITTEN) == []
    for path in ("/2024/05/a/", "/2024/05/a/index.html", "/2024/05/a", "/chi-siamo",
                 "/2024", "/2024/05/a/index.html/x"):
        [problem] = rules.problems(claims("notizie/b.md", path), WRITTEN)
        assert problem.path == "notizie/b.md" and problem.line == 4
        assert "è già l'indirizzo di" in problem.message, path


def test_one_old_address_claimed_twice_names_both_files():
    found = rules.problems(claims("notizie/b.md", "/vecchio.html")
                           + claims("notizie/a.md", "/vecchio.html", line=6), WRITTEN)
    [problem] = found
    assert (problem.path, problem.line) == ("notizie/a.md", 6)
    assert "è anche tra gli indirizzi precedenti di notizie/b.md" in problem.message
    # "/v/" and "/v/index.html" are one file
    assert len(rules.problems(claims("a.md", "/v/") + claims("b.md", "/v/index.html"), {})) == 1
    assert rules.problems(claims("a.md", "/v/", "/v/index.html"), {}) == []  # one item


def test_an_old_address_that_would_be_the_folder_of_another_is_an_error():
    [problem] = rules.problems(claims("a.md", "/index.php/notizie/123")
                               + claims("b.md", "/index.php"), {})
    assert problem.path == "b.md" and "sarebbe la cartella" in problem.message
    assert "/index.php/notizie/123 di a.md" in problem.message


# --- The page -----------------------------------------------------------------------------

def test_the_page_leads_to_the_item_and_says_so():
    text = page.render("L'«evento» <b>", "2024/05/città/",
                       {"SITEURL": SITEURL, "DEFAULT_LANG": "it"})
    assert text.startswith("<!DOCTYPE html>\n<html lang=\"it\">")
    assert '<meta http-equiv="refresh" content="0; url=/2024/05/citt%C3%A0/">' in text
    assert f'<link rel="canonical" href="{SITEURL}/2024/05/citt%C3%A0/">' in text
    # no noindex beside the canonical link: Google reads an instant refresh as a
    # permanent redirect, and noindex and rel=canonical as contradictory signals
    assert "robots" not in text and "noindex" not in text
    assert ("Questa pagina è stata spostata: <a href=\"/2024/05/citt%C3%A0/\">L'«evento»"
            " &lt;b&gt;</a>") in text
    assert page.targets("a/", {"SITEURL": "https://example.org/news/"}) == (
        "/news/a/", "https://example.org/news/a/")
    assert page.targets("a/", {"SITEURL": ""}) == ("/a/", "/a/")
    # a month's section of a year's archive: the page itself is the canonical address
    assert page.targets("archivio/2025/#mese-03", {"SITEURL": SITEURL}) == (
        "/archivio/2025/#mese-03", f"{SITEURL}/archivio/2025/")


def test_the_page_is_in_the_site_s_language_as_its_other_pages():
    """``<html lang>`` is the site's DEFAULT_LANG, as base.html writes it on every other
    page (it was "it" whatever the site's language)."""
    text = page.render("Summer party", "2024/05/summer/", {"SITEURL": SITEURL,
                                                           "DEFAULT_LANG": "en"})
    assert text.startswith('<!DOCTYPE html>\n<html lang="en">')


def test_settings_are_checked(caplog):
    found = redirect_settings.install({"REDIRECTS_ENABLED": "sì", "REDIRECTS_ENABLE": True})
    assert found["REDIRECTS_ENABLED"] is True
    assert sorted(r.getMessage().split(":")[0] for r in caplog.records) == [
        "REDIRECTS_ENABLE", "REDIRECTS_ENABLED"]


def test_the_key_is_declared_through_the_contracts_mechanism():
    settings = {"CONTRACT_EXTRA_KEYS": ("colore",)}
    add_key(settings, "Indirizzi_Precedenti", check_key)
    add_key(settings, "colore")
    assert settings["CONTRACT_KEY_CHECKS"] == {"indirizzi_precedenti": check_key}
    assert settings["CONTRACT_EXTRA_KEYS"] == ["colore"]  # a new list, once


# --- Real builds ----------------------------------------------------------------------------

GOOD = {
    "notizie/presentazione.md": article(
        title="Presentazione a Crema", visite_precedenti=1459,
        indirizzi_precedenti=["/notizie/123-presentazione.html",
                              "https://www.farelegami.it/index.php/notizie/123",
                              "/notizie/presentazione/"]),
    "notizie/nascosta.md": article(title="Nascosta", status="hidden",
                                   indirizzi_precedenti="/vecchie/nascosta.htm"),
    "notizie/bozza.md": article(title="Bozza", status="draft",
                                indirizzi_precedenti="/vecchie/bozza.html"),
    "notizie/futura.md": article(title="Futura", date="2099-01-01 10:00",
                                 indirizzi_precedenti="/vecchie/futura.html"),
    "pages/chi-siamo.md": "---\ntitle: Chi siamo\nindirizzi_precedenti: /chi-siamo.php\n---\n"
                          "Il progetto.\n",
}
WRITTEN_AT = {"/notizie/123-presentazione.html": "/2024/05/presentazione-a-crema/",
              "/index.php/notizie/123": "/2024/05/presentazione-a-crema/",
              "/notizie/presentazione/": "/2024/05/presentazione-a-crema/",
              "/vecchie/nascosta.htm": "/2024/05/nascosta/",
              "/chi-siamo.php": "/chi-siamo/"}


def assert_leads_to(soup, target, canonical, said):
    """``soup`` is a page that sends the reader on to ``target`` at once, its canonical
    address ``canonical`` (and no noindex, which contradicts it: search engines read the
    instant refresh as a permanent redirect), saying ``said`` before its link."""
    assert soup.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={target}"
    assert soup.find("link", rel="canonical")["href"] == canonical
    assert soup.find("meta", attrs={"name": "robots"}) is None
    assert soup.p.get_text().startswith(said)
    assert soup.p.a["href"] == target


@pytest.fixture
def site(build_once):
    built = build_once(GOOD)
    assert built.ok, built.log
    return built


def test_each_old_address_of_a_written_item_leads_to_it(site):
    for old, new in WRITTEN_AT.items():
        soup = site.soup(old)
        assert_leads_to(soup, new, SITEURL + new, "Questa pagina è stata spostata: ")
        assert site.exists(new)
        # the charset, then the site's policy, as on every page (plugins/csp); the
        # refresh is allowed
        charset, first = soup.head.find_all(True, limit=2)
        assert charset.name == "meta" and charset["charset"] == "utf-8"
        assert first.name == "meta" and first["http-equiv"] == "Content-Security-Policy"
        assert first["content"] == site.soup(new).head.find_all(True, limit=2)[1]["content"]
    # drafts and future items: nothing of them goes public
    assert not site.exists("/vecchie/bozza.html") and not site.exists("/vecchie/futura.html")
    assert "/vecchie/" not in site.all_text().replace("/vecchie/nascosta.htm", "")


def social_tags(soup):
    """``[(attribute, name, content)]`` of a page's Open Graph and Twitter card tags."""
    return [("property", tag["property"], tag["content"]) if tag.has_attr("property")
            else ("name", tag["name"], tag["content"])
            for tag in soup.select('meta[property^="og:"], meta[property^="article:"], '
                                   'meta[name^="twitter:"]')]


def description(soup):
    """The content of a page's one ``<meta name="description">``."""
    [tag] = soup.select('meta[name="description"]')
    return tag["content"]


def test_an_old_address_shared_again_previews_the_item(build_once):
    """An old social post's link shared again: WhatsApp, Telegram, Mastodon and X read the
    page they are given, follow no <meta http-equiv="refresh">, and showed a bare title
    (or nothing) for an old address. Its page now says what the item's own page says:
    title, description, cover (and its size, alt text), type, dates, og:url the item's
    address (which Facebook and LinkedIn go on to)."""
    site = build_once({
        "immagini/festa.jpg": photo(1600, 900),
        "notizie/festa.md": article(title='La festa: "tutti" & tutte', slug="festa",
                                    image="immagini/festa.jpg", image_alt="La piazza piena",
                                    summary="Una serata *in piazza* con le associazioni.",
                                    modified="2024-06-01 09:00",
                                    indirizzi_precedenti="/notizie/7-festa.html"),
        "pages/chi-siamo.md": "---\ntitle: Chi siamo\nindirizzi_precedenti: /chi-siamo.php\n"
                              "---\nIl progetto.\n",
    })
    assert site.ok, site.log
    for old, new in (("/notizie/7-festa.html", "/2024/05/festa/"), ("/chi-siamo.php", "/chi-siamo/")):
        moved, own = site.soup(old), site.soup(new)
        assert_leads_to(moved, new, SITEURL + new, "Questa pagina è stata spostata: ")
        assert social_tags(moved) == social_tags(own), old
        assert dict((name, content) for _, name, content in social_tags(moved))["og:url"] == \
            SITEURL + new
        assert description(moved) == description(own), old
    tags = dict((name, content) for _, name, content in social_tags(site.soup("/notizie/7-festa.html")))
    assert tags["og:description"] == "Una serata in piazza con le associazioni."
    assert tags["og:image"].startswith(f"{SITEURL}/immagini/_r/festa-1200.")
    assert (tags["og:type"], tags["twitter:card"]) == ("article", "summary_large_image")
    # a year's or a month's address previews the year's archive it leads to
    assert social_tags(site.soup("/2024/05/")) == social_tags(site.soup("/archivio/2024/"))


def test_old_addresses_are_in_no_sitemap_feed_or_search_index(site):
    sitemap = site.text("/sitemap.xml")
    feeds = "".join(p.read_text(encoding="utf-8") for p in site.output.glob("feeds/**/*.xml"))
    for old in WRITTEN_AT:
        assert old not in sitemap and old not in feeds, old
    entry = json.loads((site.output / "pagefind" / "pagefind-entry.json").read_text())
    # the article and the page (the hidden article is not listed, so not indexed either)
    assert entry["languages"]["it"]["page_count"] == 2


def test_a_release_with_old_addresses_passes_the_release_check(site):
    # (the theme's menu links pages this small site lacks: only the old addresses count)
    files = tuple(f"{output_file(old)}:" for old in WRITTEN_AT)
    assert [p for p in check_release(site.output, SITEURL) if p.startswith(files)] == []
    assert [m for m in site.missing_links() if m[0] in {f[:-1] for f in files}] == []


def test_a_release_check_follows_the_refresh_of_every_page_whatever_its_name(site, tmp_path):
    for name in ("index.php/notizie/123", "chi-siamo.php"):
        text = (site.output / name).read_text(encoding="utf-8")
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text.replace("/2024/05/", "/2023/01/")
                                     .replace("/chi-siamo/", "/chi-eravamo/"), encoding="utf-8")
    (tmp_path / "index.html").write_text("<!DOCTYPE html><title>x</title>", encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>', encoding="utf-8")
    found = check_release(tmp_path, SITEURL)
    assert any("index.php/notizie/123: broken link /2023/01/presentazione-a-crema/"
               " (<meta http-equiv=refresh>" in p for p in found), found
    assert any(p.startswith("chi-siamo.php: broken link /chi-eravamo/") for p in found), found


BROKEN = {
    "notizie/a.md": article(title="A", indirizzi_precedenti=["/notizie/1.html",
                                                             "/index.php/notizie/1"]),
    "notizie/b.md": article(title="B", date="2024-06-01 10:00",
                            indirizzi_precedenti=["/notizie/1.html", "/2024/05/a/", "/index.php",
                                                  "/chi-siamo"]),
    "notizie/c.md": article(title="C", indirizzi_precedenti=[
        "/notizie/dettaglio.php?id=123", "notizie/2.html", "/../3.html", "/feeds/4.html"]),
    "notizie/bozza.md": article(title="Bozza", status="draft",
                                indirizzi_precedenti="/notizie/1.html"),  # not public: fine
    "pages/chi-siamo.md": "---\ntitle: Chi siamo\n---\nIl progetto.\n",
}
EXPECTED = [
    "notizie/a.md:4: `indirizzi_precedenti`: /notizie/1.html è anche tra gli indirizzi"
    " precedenti di notizie/b.md",
    "notizie/b.md:4: `indirizzi_precedenti`: /2024/05/a/ è già l'indirizzo di notizie/a.md",
    "notizie/b.md:4: `indirizzi_precedenti`: /chi-siamo è già l'indirizzo di pages/chi-siamo.md",
    "notizie/b.md:4: `indirizzi_precedenti`: /index.php non può essere un indirizzo"
    " precedente, perché sul sito sarebbe la cartella",
    "notizie/c.md:4: `indirizzi_precedenti`: /notizie/dettaglio.php?id=123 contiene una"
    " richiesta",
    "notizie/c.md:4: `indirizzi_precedenti`: notizie/2.html deve cominciare con `/`",
    "notizie/c.md:4: `indirizzi_precedenti`: /../3.html contiene `.` o `..`",
    "notizie/c.md:4: `indirizzi_precedenti`: /feeds/4.html è dentro /feeds",
]


def checked_errors(folder, files, count):
    """``invoke check`` on ``files`` written in ``folder``: it exits 1 with ``count``
    errors, returned as ``file:line: message`` (the build's form)."""
    write_content(folder / "content", files)
    status, out, err = run_tool(folder, "check", "--settings", str(write_conf(folder)),
                                "--content", str(folder / "content"))
    errors = [line.removeprefix("content/").replace(": errore: ", ": ", 1)
              for line in out.splitlines() if ": errore: " in line]
    assert status == 1 and len(errors) == count, out + err
    return errors


def test_check_and_build_report_the_same_errors_at_the_same_line(build, tmp_path):
    built = build(BROKEN)
    assert not built.ok
    log = built.messages()
    for expected in EXPECTED:
        assert f"ERROR {expected}" in log, expected
    # the errors alone, in Italian: not Pelican's English line repeating the file's name
    assert "Could not process" not in log
    assert not (built.output / "notizie" / "1.html").exists()  # nothing written
    errors = checked_errors(tmp_path / "check", BROKEN, len(EXPECTED))
    for line, expected in zip(errors, EXPECTED):
        assert line.startswith(expected), (line, expected)
    # the build's log has the same messages, whole
    for line in errors:
        assert line in log, line


SCHEDULED = {
    "notizie/a.md": article(title="A", indirizzi_precedenti=["/2099/01/futura/", "/x.html"]),
    "notizie/futura.md": article(title="Futura", date="2099-01-01 00:00",
                                 indirizzi_precedenti=["/2024/05/a/", "/x.html"]),
    "notizie/bozza.md": article(title="Bozza", status="draft", date="2099-01-01 00:00",
                                indirizzi_precedenti=["/x.html"]),  # a draft: not counted
}
SCHEDULED_ERRORS = [
    "notizie/a.md:4: `indirizzi_precedenti`: /2099/01/futura/ è già l'indirizzo di"
    " notizie/futura.md",
    "notizie/a.md:4: `indirizzi_precedenti`: /x.html è anche tra gli indirizzi precedenti di"
    " notizie/futura.md",
    "notizie/futura.md:4: `indirizzi_precedenti`: /2024/05/a/ è già l'indirizzo di"
    " notizie/a.md",
]


def test_an_article_held_back_until_its_date_counts_today(build, tmp_path):
    """Its address and old addresses clashed with no word until its date: then the
    morning build stopped, and the article did not go out."""
    built = build(SCHEDULED)
    assert not built.ok
    log = built.messages()
    for expected in SCHEDULED_ERRORS:
        assert f"ERROR {expected}" in log, expected
    assert "Traceback" not in built.log
    errors = checked_errors(tmp_path / "check", SCHEDULED, len(SCHEDULED_ERRORS))
    for line, expected in zip(errors, SCHEDULED_ERRORS):
        assert line.startswith(expected) and line in log, (line, expected)


def test_a_preview_writes_no_old_address_of_an_article_held_back(build):
    """A preview shows an article dated in the future (marked PROGRAMMATO), but answers
    for the public build: its old addresses wait for it there, as on the public site
    until its date. The preview wrote them, leading to an article not yet public."""
    built = build({
        "notizie/futura.md": article(title="Futura", date="2099-01-01 10:00",
                                     indirizzi_precedenti=["/vecchie/futura.html"]),
        "notizie/ora.md": article(title="Ora", indirizzi_precedenti=["/vecchie/ora.html"]),
    }, config="previewconf")
    assert built.ok, built.log
    assert built.exists("/2099/01/futura/")  # shown, as scheduled
    assert built.exists("/vecchie/ora.html")
    assert not built.exists("/vecchie/futura.html")


def test_with_the_plugin_off_nothing_is_written_and_nothing_checked(build):
    built = build({**GOOD, "notizie/c.md": article(title="C", indirizzi_precedenti="x.html")},
                  "REDIRECTS_ENABLED = False\n")
    assert built.ok, built.log
    assert not built.exists("/notizie/123-presentazione.html")
    assert "chiave sconosciuta" not in built.log


# --- A year's and a month's address: to the archive -------------------------------------

ROME = ZoneInfo("Europe/Rome")  # pelicanconf.py's TIMEZONE: the year an article is filed in
YEAR_END = datetime.timedelta(minutes=10)  # longer than a build takes to read its articles


def site_year():
    """The year now on the site's clock: the only one that can hold an article already out
    (dated its first minute) and one held back (its last minute). In Rome time: the test
    process's own date (UTC on a server) was last year's for the first hour of 1 January.
    In its last minutes, the next year, once it has begun: a build started then would read
    the article of the last minute after it had passed."""
    now = datetime.datetime.now(ROME)
    new_year = datetime.datetime(now.year + 1, 1, 1, tzinfo=ROME)
    if new_year - now > YEAR_END:
        return now.year
    time.sleep((new_year - now).total_seconds() + 1)
    return now.year + 1


PERIODS = {
    "notizie/marzo.md": article(title="Marzo", date="2025-03-14 10:00"),
    "notizie/marzo-bis.md": article(title="Marzo bis", date="2025-03-20 10:00"),
    "notizie/luglio.md": article(title="Luglio", date="2025-07-01 09:00"),
    "notizie/vecchia.md": article(title="Vecchia", date="2023-11-30 18:00"),
    # none of these opens a year or a month to the public
    "notizie/nascosta.md": article(title="Nascosta", date="2022-02-02 10:00", status="hidden"),
    "notizie/bozza.md": article(title="Bozza", date="2021-04-04 10:00", status="draft"),
    "notizie/bozza-maggio.md": article(title="Bozza di maggio", date="2025-05-05 10:00", status="draft"),
    "notizie/futura.md": article(title="Futura", date="2099-01-01 10:00"),
}
# the reader who shortens /2025/03/marzo/ -> where the site sends them
PERIOD_TARGETS = {"/2025/": "/archivio/2025/", "/2025/03/": "/archivio/2025/#mese-03",
                  "/2025/07/": "/archivio/2025/#mese-07", "/2023/": "/archivio/2023/",
                  "/2023/11/": "/archivio/2023/#mese-11"}
# no published article: the reader still finds "Pagina non trovata" there
NO_PERIOD = ["/2022/", "/2022/02/", "/2021/", "/2021/04/", "/2025/05/", "/2025/12/",
             "/2099/", "/2099/01/", "/2024/", "/2025/01/"]


@dataclass
class Periods:
    """:data:`PERIODS` and this year's two articles: one out since New Year (its first
    minute, Rome time), one held back until New Year's Eve (its last minute: the public
    build must not show that December has something coming)."""

    year: int

    @property
    def files(self):
        return {**PERIODS,
                "notizie/capodanno.md": article(title="Capodanno",
                                                date=f"{self.year}-01-01 00:00"),
                "notizie/san-silvestro.md": article(title="San Silvestro",
                                                    date=f"{self.year}-12-31 23:59")}

    @property
    def targets(self):
        return {**PERIOD_TARGETS, f"/{self.year}/": f"/archivio/{self.year}/",
                f"/{self.year}/01/": f"/archivio/{self.year}/#mese-01"}

    @property
    def missing(self):
        return [*NO_PERIOD, f"/{self.year}/12/"]


@pytest.fixture
def periods(build_once):
    """(the build of :class:`Periods` of this year, those periods)."""
    expected = Periods(site_year())
    built = build_once(expected.files)
    assert built.ok, built.log
    return built, expected


def test_a_year_or_month_address_leads_to_its_archive(periods):
    built, expected = periods
    for short, target in expected.targets.items():
        assert built.exists(short), short
        # the canonical address is the archive page itself (no fragment); not "moved":
        # these addresses never were pages of their own
        assert_leads_to(built.soup(short), target, SITEURL + target.split("#")[0],
                        "Gli articoli di questo periodo sono nell’archivio: Archivio ")
        # the archive page is there, with the month's section
        page, _, fragment = target.partition("#")
        archive = built.soup(page)
        assert archive.h1.get_text() == f"Archivio {page.split('/')[2]}"
        if fragment:
            assert archive.find(id=fragment) is not None, target
        # beside it, for the web server (deploy/nginx.conf: a 301 there), where it leads
        marker = built.output / short.strip("/") / PERIOD_MARKER
        assert marker.read_text(encoding="utf-8") == f"{target}\n", short
    # none elsewhere
    assert len(list(built.output.rglob(PERIOD_MARKER))) == len(expected.targets)
    assert built.soup("/2025/03/").title.get_text() == "Archivio marzo 2025"
    assert built.soup("/2025/").title.get_text() == "Archivio 2025"


def test_no_year_or_month_page_without_a_published_article(periods):
    built, expected = periods
    for short in expected.missing:
        assert not built.exists(short), short
    # nothing in the public output names the month of the article held back
    assert f"/{expected.year}/12/" not in built.all_text()
    assert "/2099/" not in built.all_text()


def test_year_and_month_pages_are_in_no_sitemap_and_pass_the_release_check(periods):
    built, expected = periods
    sitemap = built.text("/sitemap.xml")
    for short in expected.targets:
        assert f"{SITEURL}{short}<" not in sitemap, short
    files = tuple(f"{output_file(short)}:" for short in expected.targets)
    assert [p for p in check_release(built.output, SITEURL) if p.startswith(files)] == []



def test_a_preview_opens_no_year_or_month_of_a_draft_or_a_scheduled_article(build):
    """A preview lists drafts and scheduled articles (marked BOZZA, PROGRAMMATO) but
    answers for the public build: their years and months stay "Pagina non trovata"."""
    expected = Periods(site_year())
    built = build(expected.files, config="previewconf")
    assert built.ok, built.log
    assert built.exists("/2099/01/futura/") and built.exists("/archivio/2099/")  # shown
    assert built.exists(f"/{expected.year}/12/san-silvestro/")  # shown, held back
    for short, target in expected.targets.items():
        assert built.soup(short).p.a["href"] == target
    for short in expected.missing:
        assert not built.exists(short), short


def test_an_item_or_an_old_address_at_a_years_address_keeps_it(build):
    """The site's own pages come first: an old address /2025/ of an article, a page whose
    slug is a year, are not overwritten by the year's page."""
    built = build({
        "notizie/marzo.md": article(title="Marzo", date="2025-03-14 10:00",
                                    indirizzi_precedenti="/2025/"),
        "notizie/vecchia.md": article(title="Vecchia", date="2023-11-30 18:00"),
        "pages/anno.md": "---\ntitle: Il 2023\nslug: '2023'\n---\nUn anno.\n",
    })
    assert built.ok, built.log
    assert built.soup("/2025/").p.a["href"] == "/2025/03/marzo/"
    assert built.soup("/2023/").h1.get_text() == "Il 2023"
    assert built.soup("/2025/03/").p.a["href"] == "/archivio/2025/#mese-03"
    assert built.soup("/2023/11/").p.a["href"] == "/archivio/2023/#mese-11"
    # the web server's sign of a year's or month's page only beside those (deploy/nginx.conf
    # would send the reader of the item's and the old address's page to the archive)
    markers = sorted(path.relative_to(built.output).as_posix()
                     for path in built.output.rglob(PERIOD_MARKER))
    assert markers == [f"2023/11/{PERIOD_MARKER}", f"2025/03/{PERIOD_MARKER}"]


def test_a_site_under_a_path_has_no_marker_for_the_web_server(build):
    """deploy/nginx.conf answers /2025/ with a 301 to /archivio/2025/, the address the page
    gives for a site at its host's root; under SITEURL's path it leads to
    /sito/archivio/2025/: no marker, the server sends the page."""
    built = build({"notizie/marzo.md": article(title="Marzo", date="2025-03-14 10:00")},
                  siteurl="https://www.example.org/sito")
    assert built.ok, built.log
    assert built.soup("/2025/03/").p.a["href"] == "/sito/archivio/2025/#mese-03"
    assert list(built.output.rglob(PERIOD_MARKER)) == []


def test_every_year_and_month_address_previews_the_archive_it_leads_to(project_site):
    """The project's site as published: /2024/ and /2024/05/ (a reader's shortened address,
    an old link to a month) had a title alone; WhatsApp, Telegram, Mastodon and X follow no
    refresh, so a shared link showed nothing useful. Each now says what the year's archive
    page says (title, description, picture, og:url the archive's address, which Facebook
    and LinkedIn go on to, and the canonical link's), and no noindex beside its canonical."""
    pages = sorted(marker.parent for marker in project_site.output.rglob(PERIOD_MARKER))
    assert len(pages) >= 6  # the years and months of the project's articles
    for folder in pages:
        address = "/" + folder.relative_to(project_site.output).as_posix() + "/"
        short = project_site.soup(address)
        target = short.find("meta", attrs={"http-equiv": "refresh"})["content"]
        archive_address = target.split("url=", 1)[1].split("#")[0]
        archive = project_site.soup(archive_address)
        assert_leads_to(short, target.split("url=", 1)[1], SITEURL + archive_address,
                        "Gli articoli di questo periodo sono nell’archivio: Archivio ")
        tags = social_tags(short)
        assert tags == social_tags(archive), address
        found = {name: content for _, name, content in tags}
        assert found["og:url"] == SITEURL + archive_address == \
            archive.select_one('link[rel="canonical"]')["href"]
        assert found["og:title"] == f"Archivio {archive_address.split('/')[2]}"
        assert found["og:description"].startswith("Gli articoli di FareLegami del ")
        assert found["og:image"] and found["twitter:card"] == "summary_large_image"
        assert description(short) == description(archive) == found["og:description"]
