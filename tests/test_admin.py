"""The web editor at /admin/ (plugins/admin): what a build writes, its configuration and
its Content-Security-Policy, without a browser (tests/test_admin_browser.py drives it),
but for one test (``-m browser``) that follows «Apri il sito» in Decap itself."""

import copy
import functools
import hashlib
import html
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import unicodedata
from html.entities import html5
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
import yaml

from plugins.admin import bundle, config, policy
from plugins.admin import settings as admin_settings
from plugins.contract.allowlist import ALLOWED, GLOBAL_ATTRIBUTES, URL_ATTRIBUTES
from plugins.contract.body import DISGUISED_REMEDY, DISGUISED_WORDS
from plugins.contract.check import check_file
from plugins.contract import nesting
from plugins.contract.reader import make_markdown
from plugins.contract.schema import LONG_TITLE_MESSAGE, TITLE_WARNING_LENGTH, long_title
from plugins.core.files import LOCAL_PATH_RE, LOCAL_PATH_WORDS
from plugins.core.text import BLANK_RANGES, blank
from plugins.italian import LANGUAGE
from plugins.italian.slugs import (
    LETTERLESS_PLANES_END, SPELLED_SYMBOLS, is_slug, letterless_ranges, slug_substitutions,
    stored_letterless_ranges, title_slug,
)
from samples import image, pdf
from support import ROOT, SITEURL, admin_scripts, admin_scripts_text, article, build_site, \
    project_settings, write_conf, write_content

ADMIN_README = ROOT / "plugins" / "admin" / "README.md"
DIST = ROOT / "node_modules" / "decap-cms" / "dist"
FILES = {
    "notizie/presentazione.md": article(title="Presentazione a Crema",
                                        attachments=["allegati/2024/programma.pdf"]),
    "allegati/2024/programma.pdf": pdf(1),
    "pages/contatti.md": "---\ntitle: Contatti\n---\nScrivete alla redazione.\n",
}
CONTRACT_KEYS = ["title", "date", "tags", "author", "authors", "summary", "slug", "image", "image_alt",
                 "attachments", "indirizzi_precedenti", "status", "body"]
LOOPBACK = {"127.0.0.1", "localhost", "[::1]"}
URL_RE = re.compile(r"\bhttps?://[^\s\"';<>)]+")
CDN_HOSTS = ("unpkg.com", "jsdelivr", "cdnjs", "googleapis.com", "gstatic.com")
PRODUCTION = """
    ADMIN_LOCAL_BACKEND = ""
    ADMIN_REPO = "farelegami/sito"
    ADMIN_APP_ID = "abc123"
"""


@pytest.fixture
def site(build_once):
    built = build_once(FILES)
    assert built.ok, built.log
    return built


@pytest.fixture(scope="module")
def base_settings():
    return project_settings(ROOT / "pelicanconf.py")


def with_settings(base, **changes):
    found = copy.deepcopy(base)
    found.update(changes)
    return found


def admin_config(site):
    return _parsed(str(site.output / "admin" / "config.yml"))


@functools.lru_cache
def _parsed(path):
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def hosts_named(text):
    return {urlsplit(url).netloc for url in URL_RE.findall(text)}


# --- What the build writes ------------------------------------------------------------

def test_build_writes_the_editor_page_with_the_cms_code_and_no_inline_script(site):
    page = site.soup("/admin/")
    scripts = page.find_all("script")
    assert [s["src"].split("?")[0] for s in scripts] == ["decap-cms.js", "admin.js"]
    assert all(not s.string for s in scripts)  # no inline script
    assert [s.get("type") for s in scripts] == [None, None]  # classic: run at once, in order
    # our scripts, one after the other in SCRIPTS' order, each whole
    written = (site.output / "admin" / "admin.js").read_text(encoding="utf-8")
    assert written == "\n".join(path.read_text(encoding="utf-8") for path in admin_scripts())
    assert not page.find(attrs={"style": True})
    assert page.find("link", rel="cms-config-url")["href"] == "config.yml"
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
    assert page.find("html")["lang"] == "it"
    # the tab is named as the guide names the page ("Gestione contenuti" was a third name)
    assert page.title.string.startswith("Editor web – ")
    assert not page.find(attrs={"data-pagefind-body": True})  # not in the search index
    assert (site.output / "admin" / "decap-cms.js").read_bytes() == \
        (DIST / "decap-cms.js").read_bytes()
    written = {p.name for p in (site.output / "admin").iterdir()}
    chunks = {p.name for p in DIST.iterdir() if bundle.CHUNK_RE.fullmatch(p.name)}
    assert chunks and chunks <= written  # the lazily loaded parts, next to it
    assert "decap-cms.js.LICENSE.txt" in written
    assert not [n for n in written if n.endswith((".map", ".wasm")) or n.startswith("cms.js")]


def test_scripts_carry_a_version_of_their_content(site):
    page = site.soup("/admin/")
    main, ours = (s["src"] for s in page.find_all("script"))
    assert re.fullmatch(r"decap-cms\.js\?v=[0-9a-f]{12}", main)
    assert re.fullmatch(r"admin\.js\?v=[0-9a-f]{12}", ours)
    assert ours.endswith(hashlib.sha256((site.output / "admin" / "admin.js").read_bytes())
                         .hexdigest()[:12])


def test_the_page_holds_the_content_security_policy(site, base_settings):
    page = site.soup("/admin/")
    meta = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta["content"] == policy.meta(base_settings)
    # the policy comes before anything it governs, after the character set
    assert page.find("head").find_all(True)[1] == meta


def test_preview_uses_the_sites_stylesheets(site):
    script = site.soup("/admin/").find_all("script")[1]
    sheets = script["data-preview-css"].split()
    assert len(sheets) == 1 and re.fullmatch(r"\.\./theme/css/site\.[0-9a-f]{10}\.css", sheets[0])
    for sheet in sheets:  # relative to admin/: they exist in the build
        assert (site.output / "admin" / sheet).resolve().is_file()
    assert script["data-articles"].split() == ["notizie", "comunicati-stampa", "avvisi"]
    assert script["data-pages"].split() == ["pages"]


def test_the_page_gives_the_script_the_bodys_html_allowlist(site):
    """admin.js writes a typed "<" as &lt; unless an element of the allowlist follows:
    the build's own list (plugins/contract/allowlist.py), not a copy."""
    script = site.soup("/admin/").find_all("script")[1]
    assert script["data-html"].split() == sorted(ALLOWED)
    assert {"abbr", "br", "b", "div"} <= set(script["data-html"].split())


def digest(text):
    """The digest slugs.json gives an unpublished item's slug and file: 16 hex digits of
    its sha256 (made here as a browser makes it, not by the plugin's function)."""
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def test_slugs_json_lists_the_published_items_and_nothing_else(build_once):
    """admin.js refuses a title whose slug a published item has (two items with one slug
    stop the build) and keeps the address of an item whose title changed: admin/slugs.json
    lists the items the site publishes and lists, by kind and slug, with their file, and
    their addresses; of a draft, a hidden or a future item, the digests of its slug and
    file (a new title with a draft's slug stopped the build too), nothing readable."""
    built = build_once({
        **FILES,
        "notizie/festa.md": article(title="Festa d’estate", date="2024-06-01 10:00"),
        "notizie/bozza.md": article(title="Una bozza", status="draft"),
        "notizie/nascosta.md": article(title="Una notizia nascosta", status="hidden"),
        "notizie/futura.md": article(title="Una notizia futura", date="2999-01-01 10:00"),
        "pages/chi-siamo.md": "---\ntitle: Chi siamo\nslug: la-rete\n---\nNoi.\n",
    })
    assert built.ok, built.log
    slugs = json.loads((built.output / "admin" / "slugs.json").read_text(encoding="utf-8"))
    assert slugs == {
        "articles": {"presentazione-a-crema": "notizie/presentazione.md",
                     "festa-d-estate": "notizie/festa.md"},
        "pages": {"contatti": "pages/contatti.md", "la-rete": "pages/chi-siamo.md"},
        # a changed title keeps the old address (plugins/redirects' key, data-old-addresses)
        "addresses": {"notizie/presentazione.md": "/2024/05/presentazione-a-crema/",
                      "notizie/festa.md": "/2024/06/festa-d-estate/",
                      "pages/contatti.md": "/contatti/", "pages/chi-siamo.md": "/la-rete/"},
        # the others take a slug too: by digests that tell equal from not, nothing more
        "unpublished": {"articles": {digest(slug): digest(f"notizie/{name}.md") for slug, name in (
            ("una-bozza", "bozza"), ("una-notizia-nascosta", "nascosta"),
            ("una-notizia-futura", "futura"))}, "pages": {}},
    }
    assert "bozza" not in json.dumps(slugs["unpublished"])
    for address in slugs["addresses"].values():
        assert built.exists(address), address
    script = built.soup("/admin/").find_all("script")[1]
    assert script["data-old-addresses"] == "indirizzi_precedenti"
    # the new address is made from the site's patterns
    assert (script["data-article-url"], script["data-page-url"]) == \
        ("{date:%Y}/{date:%m}/{slug}/", "{slug}/")
    assert script["data-timezone"] == "Europe/Rome"  # a date with an offset is shown in it
    # an item with the site's lang is at ARTICLE_URL, as one without (live-link.js)
    assert script["data-default-lang"] == "it"
    # past it the title's field says what the build warns ("titolo lungo")
    assert script["data-title-length"] == str(TITLE_WARNING_LENGTH)



def test_slugs_json_lists_by_slug_the_items_in_the_site_s_language(build_once):
    """The form writes items in the site's language (it has no ``lang``), and the build
    refuses one slug twice in one language only: by slug, slugs.json lists the items in
    DEFAULT_LANG. A translation (another ``lang``, its original's slug) listed there would
    take its original's place; an item in English alone took a slug an Italian item may
    have (the form refused it), and so did a draft in English. The addresses are of every
    item published, translations too, which were missing (a publish names a vanished
    one's file by them, tools/vanished.py)."""
    built = build_once({
        **FILES,
        "notizie/festa.md": article(title="Festa d’estate", date="2024-06-01 10:00"),
        "notizie/festa-en.md": article(title="Summer party", date="2024-06-01 10:00",
                                       slug="festa-d-estate", lang="en"),
        "notizie/english.md": article(title="Only in English", date="2024-06-02 10:00",
                                      lang="en"),
        "notizie/draft.md": article(title="An English draft", lang="en", status="draft"),
        "pages/about.md": "---\ntitle: About us\nslug: contatti\nlang: en\n---\nUs.\n",
    })
    assert built.ok, built.log
    slugs = json.loads((built.output / "admin" / "slugs.json").read_text(encoding="utf-8"))
    assert slugs == {
        "articles": {"presentazione-a-crema": "notizie/presentazione.md",
                     "festa-d-estate": "notizie/festa.md"},
        "pages": {"contatti": "pages/contatti.md"},
        "addresses": {"notizie/presentazione.md": "/2024/05/presentazione-a-crema/",
                      "notizie/festa.md": "/2024/06/festa-d-estate/",
                      "notizie/festa-en.md": "/en/2024/06/festa-d-estate/",
                      "notizie/english.md": "/en/2024/06/only-in-english/",
                      "pages/contatti.md": "/contatti/", "pages/about.md": "/en/contatti/"},
        "unpublished": {"articles": {}, "pages": {}},
    }
    for address in slugs["addresses"].values():
        assert built.exists(address), address

def test_the_editors_scripts_are_all_loaded_each_after_what_it_uses():
    """The editor's scripts share window.FareLegamiAdmin: each takes from it, as it runs,
    what a script before it put there (a later one's would be missing), and every file
    of static/scripts/ is one the build joins into admin/admin.js."""
    from plugins.admin.output import SCRIPTS, SCRIPTS_DIR  # noqa: PLC0415

    assert sorted(path.name for path in SCRIPTS_DIR.iterdir()) == sorted(SCRIPTS)
    given = set()
    for path in admin_scripts():
        code = path.read_text(encoding="utf-8")
        taken = set(re.findall(r"^  var (\w+) = admin\.\1;$", code, re.MULTILINE))
        assert taken <= given, (path.name, taken - given)
        given |= set(re.findall(r"^ +admin\.(\w+) = ", code, re.MULTILINE))
    assert {"CMS", "script", "words"} <= given


# What a script may call without declaring it: the browser's own functions and constructors
BROWSER_CALLS = {"Array", "Boolean", "CSSStyleSheet", "DOMParser", "DataTransfer", "Date",
                 "DragEvent", "Error", "InputEvent", "MutationObserver", "Number", "Object",
                 "Promise", "RegExp", "ResizeObserver", "String", "TextDecoder", "TextEncoder", "URL", "Uint8Array", "WeakMap", "clearTimeout",
                 "decodeURIComponent", "encodeURIComponent", "fetch", "getComputedStyle",
                 "isNaN", "parseInt", "setTimeout"}
JS_WORDS = {"catch", "for", "function", "if", "in", "new", "return", "switch", "typeof",
            "void", "while"}


def _js_code(code):
    """``code`` without its comments, strings and regular expressions (their words are not
    calls): the scripts' own style, enough for :func:`_undeclared_calls`."""
    code = re.sub(r"/\*.*?\*/", "", code, flags=re.DOTALL)
    code = re.sub(r'"(?:[^"\\\n]|\\.)*"', '""', code)
    code = re.sub(r"'(?:[^'\\\n]|\\.)*'", "''", code)
    code = re.sub(r"/(?![/*])(?:[^/\\\n\[]|\\.|\[(?:[^\]\\\n]|\\.)*\])+/[gimsuy]*", "/x/", code)
    return re.sub(r"(?m)//.*$", "", code)


def _undeclared_calls(code):
    """The names ``code`` calls (``name(``, not ``a.name(``) that it neither declares (a
    function, a var, a parameter) nor has from the browser."""
    code = _js_code(code)
    declared = set(re.findall(r"\b(?:function|var) (\w+)", code))
    for parameters in re.findall(r"function\s*\w*\s*\(([^)]*)\)", code):
        declared |= {name.strip() for name in parameters.split(",")}
    called = set(re.findall(r"(?<![.\w$])([A-Za-z_$][\w$]*)\s*\(", code))
    return called - declared - BROWSER_CALLS - JS_WORDS


def test_each_editors_script_calls_only_what_it_declares_or_takes():
    """A function one script calls and another defines is taken from
    window.FareLegamiAdmin as the script starts (``var name = admin.name;``). One moved to
    another script and called without being taken would be a ReferenceError only when
    that path runs (a save's check, a paste), which the test of the order above misses."""
    found = {path.name: sorted(_undeclared_calls(path.read_text(encoding="utf-8")))
             for path in admin_scripts()}
    assert {name: calls for name, calls in found.items() if calls} == {}
    # the check sees a call not taken (save.js without its line taking authorsWritten)
    save = next(path for path in admin_scripts() if path.name == "save.js").read_text(
        encoding="utf-8")
    assert _undeclared_calls(save.replace("var authorsWritten = admin.authorsWritten;",
                                          "")) == {"authorsWritten"}


def test_the_editor_names_no_other_host(site):
    folder = site.output / "admin"
    for name in ("index.html", "config.yml", "admin.js"):
        text = (folder / name).read_text(encoding="utf-8")
        # "{host}": the build's words for a disguised link (data-disguised-words) say
        # "https://{host}/…", the host the link leads to, which the script fills in
        assert hosts_named(text) - {"{host}"} <= {"127.0.0.1:8081",
                                                   urlsplit(SITEURL).netloc}, name
    code = (folder / "decap-cms.js").read_text(encoding="utf-8")
    assert not [host for host in CDN_HOSTS if host in code]  # loads nothing from a CDN


def test_robots_and_sitemap_leave_the_editor_out(site):
    assert "Disallow: /admin/" in site.text("/robots.txt").splitlines()
    sitemap = site.text("/sitemap.xml")
    assert "/2024/05/presentazione-a-crema/" in sitemap
    assert "admin" not in sitemap


def test_the_configuration_has_a_collection_per_category_and_the_pages(site):
    found = admin_config(site)
    assert found["locale"] == "it"
    assert found["publish_mode"] == "simple"
    assert found["local_backend"] == {"url": "http://127.0.0.1:8081/api/v1"}
    assert found["backend"] == {"name": "gitlab", "branch": "main", "auth_type": "pkce"}
    collections = {c["name"]: c for c in found["collections"]}
    assert list(collections) == ["notizie", "comunicati-stampa", "avvisi", "pages"]
    assert [collections[n]["label"] for n in collections] == \
        ["Notizie", "Comunicati stampa", "Avvisi", "Pagine"]
    assert [collections[n]["label_singular"] for n in collections] == \
        ["Notizia", "Comunicato stampa", "Avviso", "Pagina"]
    for name, collection in collections.items():
        assert collection["folder"] == f"content/{name}"
        assert collection["format"] == "yaml-frontmatter" and collection["extension"] == "md"
        assert collection["create"] is True
    assert collections["notizie"]["slug"] == "{{fields.date | date('YYYY-MM-DD')}}-{{slug}}"
    assert found["media_folder"] == "content/immagini"
    assert found["public_folder"] == "{static}/immagini"  # images put into the text


def test_article_fields_follow_the_contract(site):
    collections = {c["name"]: c for c in admin_config(site)["collections"]}
    fields = {f["name"]: f for f in collections["notizie"]["fields"]}
    assert list(fields) == CONTRACT_KEYS
    required = [name for name, f in fields.items() if f.get("required", True)]
    # the contract's required keys, and «Stato»: required in the form only (it cannot be
    # emptied, so no "(opzionale)"), a file without it is the contract's default (below)
    assert required == ["title", "date", "status", "body"]
    assert fields["date"]["widget"] == "datetime"
    assert fields["date"]["format"] == "YYYY-MM-DD HH:mm"
    assert fields["date"]["picker_utc"] is False
    assert fields["tags"]["widget"] == "list" and "fields" not in fields["tags"]
    # plugins/redirects' key (ADMIN_EXTRA_FIELDS): an optional list of addresses
    old = fields["indirizzi_precedenti"]
    assert old["widget"] == "list" and old["field"]["widget"] == "string"
    assert old["summary"] == "{{fields.indirizzo}}"  # a closed entry shows its address
    assert "/notizie/123-presentazione.html" in old["hint"] and "?id=" in old["hint"]
    # the authors: one list of names in the form (Decap's one-line list, "Anna Rossi, Marco
    # Bianchi" two names), the site's AUTHOR first; `author` only keeps its place in the
    # file's keys (admin.js writes one name there, several in `authors`)
    assert fields["authors"]["widget"] == "list" and "field" not in fields["authors"]
    assert fields["authors"]["default"] == ["Redazione"]
    assert fields["authors"]["required"] is False and "virgola" in fields["authors"]["hint"]
    assert fields["author"]["widget"] == "hidden" and fields["author"]["required"] is False
    assert "default" not in fields["author"]
    assert [o["value"] for o in fields["status"]["options"]] == ["published", "draft", "hidden"]
    # required (the form cannot empty it: no "(opzionale)"), its default the contract's
    # (an item without `status` saves unchanged: select-widget.js, test_admin_editing_browser)
    assert fields["status"]["required"] is True and fields["status"]["default"] == "published"
    assert fields["image"]["media_folder"] == "/content/immagini/{{fields.date | date('YYYY')}}"
    assert fields["image"]["public_folder"] == "immagini/{{fields.date | date('YYYY')}}"
    attachments = {f["name"]: f for f in fields["attachments"]["fields"]}
    assert list(attachments) == ["file", "title", "description"]
    assert attachments["file"]["widget"] == "file"
    assert attachments["file"]["media_folder"] == "/content/allegati/{{fields.date | date('YYYY')}}"
    assert attachments["file"]["public_folder"] == "allegati/{{fields.date | date('YYYY')}}"
    assert [f.get("required", True) for f in attachments.values()] == [True, False, False]
    # no level-1 heading in the toolbar: the page's title is the only one (the contract
    # warns about `#` in the body)
    assert "heading-one" not in fields["body"]["buttons"]
    assert "heading-two" in fields["body"]["buttons"] and "link" in fields["body"]["buttons"]
    # the "+" menu: an image only (Decap adds an English "Code Block" to a field that
    # does not name its components)
    assert fields["body"]["editor_components"] == ["image"]
    pages = {f["name"]: f for f in collections["pages"]["fields"]}
    assert list(pages) == ["title", "summary", "slug", "image", "image_alt", "attachments",
                           "indirizzi_precedenti", "status", "body"]
    page_files = {f["name"]: f for f in pages["attachments"]["fields"]}
    assert page_files["file"]["public_folder"] == "allegati"


def test_every_hint_of_the_forms_ends_as_a_sentence(site):
    """The hints under the fields are sentences, each with its full stop; the one of
    «Argomenti» alone ended without («… per esempio: Crema, Civic Center»)."""
    def hints(fields):
        for field in fields:
            if "hint" in field:
                yield field["label"], field["hint"]
            yield from hints(field.get("fields", ()))

    found = [(collection["name"], label, hint)
             for collection in admin_config(site)["collections"]
             for label, hint in hints(collection["fields"])]
    assert len(found) > 10
    assert [entry for entry in found if not entry[2].rstrip().endswith(".")] == []


def test_a_pages_form_says_where_its_summary_and_cover_appear(site, build):
    """A page shows neither its summary nor its cover (theme/templates/page.html): they
    are its description for search engines and its picture in the previews of a shared
    link. The form said "Una o due frasi sotto il titolo e negli elenchi" for a page too,
    and its preview showed both under the title: an editor saw them there, and never on
    the site."""
    collections = {c["name"]: c for c in admin_config(site)["collections"]}
    pages = {f["name"]: f for f in collections["pages"]["fields"]}
    articles = {f["name"]: f for f in collections["notizie"]["fields"]}
    assert "nella pagina non compare" in pages["summary"]["hint"]
    assert "sotto il titolo" in articles["summary"]["hint"]
    assert pages["image"]["hint"].startswith("Nella pagina non compare")
    assert "hint" not in articles["image"]
    built = build({"pages/contatti.md": "---\ntitle: Contatti\nsummary: Come raggiungerci."
                                        "\nimage: immagini/sede.jpg\nimage_alt: La sede\n"
                                        "---\n\nVia Roma 1, Crema.\n",
                   "immagini/sede.jpg": image("JPEG", (400, 300))})
    assert built.ok, built.log
    page = built.soup("/contatti/")
    assert not page.select(".lead, .article-cover") and "raggiungerci" not in str(
        page.select_one("main"))
    assert page.find("meta", attrs={"name": "description"})["content"] == "Come raggiungerci."
    assert page.find("meta", property="og:image")["content"].endswith(".jpg")


def test_the_attachments_hint_gives_the_size_over_which_the_build_warns(site, build):
    """A file over ATTACHMENTS_MAX_SIZE_MB is only a warning of the build: in production
    it is in the publication's log, which editors never read, and the form said nothing
    of a limit (a 30 MB scan was saved without a word)."""
    def hint(built):
        collections = {c["name"]: c for c in admin_config(built)["collections"]}
        return {f["name"]: f for f in collections["notizie"]["fields"]}["attachments"]["hint"]

    assert "Meglio restare sotto i 20 MB per file: uno più grande si pubblica" in hint(site)
    built = build(FILES, "ATTACHMENTS_MAX_SIZE_MB = 2.5\n")
    assert built.ok, built.log
    assert "sotto i 2,5 MB per file" in hint(built)  # in Italian, as the build's warning


def test_the_guide_names_every_field_of_the_form(site):
    """docs/guida-redazione.md, "Passo per passo", walks an editor through the form of a
    new item: every field the form shows is named there in bold, as the form labels it
    (the words before any parenthesis). "Indirizzi precedenti", added to the form by
    plugins/redirects, was on the editor's screen and nowhere in the steps."""
    guide = (ROOT / "docs" / "guida-redazione.md").read_text(encoding="utf-8")
    steps = guide.split("\n### Passo per passo\n", 1)[1].split("\n### ", 1)[0]
    collections = {c["name"]: c for c in admin_config(site)["collections"]}
    labels = [f["label"] for f in collections["notizie"]["fields"]
              if f["widget"] != "hidden"]  # `author`: only its place among the keys
    assert "Autori" in labels
    missing = [label for label in labels if f"**{label.split(' (')[0]}" not in steps]
    assert not missing, missing


@pytest.mark.parametrize(("text", "accepted"), [
    ("nuovi-orari-sportello", True), ("bilancio-2024", True), ("a", True), ("x" * 80, True),
    ("x" * 81, False), ("Nuovi-orari", False), ("nuovi orari", False), ("-orari", False),
    ("orari-", False), ("nuovi--orari", False), ("perché", False), ("", False),
])
def test_the_slug_field_accepts_exactly_the_contracts_slugs(site, text, accepted):
    fields = {f["name"]: f for f in admin_config(site)["collections"][0]["fields"]}
    pattern, message = fields["slug"]["pattern"]
    assert bool(re.search(pattern, text)) is accepted is is_slug(text)
    assert "minuscole" in message


def test_the_editor_can_be_left_out(build_once):
    built = build_once(FILES, "ADMIN_ENABLED = False\nADMIN_BUNDLE_PATH = '/nonexistent'\n")
    assert built.ok, built.log
    assert not (built.output / "admin").exists()


def test_a_missing_cms_stops_the_build_before_anything_is_written(build, tmp_path):
    empty = tmp_path / "vuoto"
    empty.mkdir()
    built = build(FILES, f"ADMIN_BUNDLE_PATH = {str(empty)!r}\n")
    assert built.returncode == 1
    assert "manca il codice di Decap CMS" in built.log and "npm ci" in built.log
    assert "Traceback" not in built.log
    assert not (built.output / "index.html").exists()
    assert not (built.output / "admin").exists()


def test_production_names_the_git_host_and_no_local_backend(build_once):
    built = build_once(FILES, PRODUCTION)
    assert built.ok, built.log
    found = admin_config(built)
    assert "local_backend" not in found
    assert found["backend"] == {"name": "gitlab", "branch": "main", "repo": "farelegami/sito",
                                "auth_type": "pkce", "app_id": "abc123"}
    assert found["site_url"] == "https://farelegami.example.org"
    meta = built.soup("/admin/").find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert "127.0.0.1" not in meta["content"] and "localhost" not in meta["content"]
    assert "connect-src 'self' blob: https://gitlab.com;" in meta["content"]


def test_publishconf_takes_the_git_host_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("ADMIN_BACKEND", "gitea")
    monkeypatch.setenv("ADMIN_REPO", "redazione/sito")
    monkeypatch.setenv("ADMIN_BASE_URL", "https://git.example.org")
    monkeypatch.setenv("ADMIN_APP_ID", "xyz")
    found = project_settings(ROOT / "publishconf.py")
    assert found["ADMIN_LOCAL_BACKEND"] == ""
    assert config.backend(found) == {
        "name": "gitea", "branch": "main", "repo": "redazione/sito", "app_id": "xyz",
        "base_url": "https://git.example.org", "api_root": "https://git.example.org/api/v1"}
    assert config.backend_warnings(found) == []


# --- Configuration and policy as functions of the settings ---------------------------

@pytest.mark.parametrize(("changes", "expected"), [
    ({}, None),  # no repository: the local backend only
    ({"ADMIN_REPO": "a/b"}, {"host": "gitlab", "api": "https://gitlab.com/api/v4",
                             "repo": "a/b", "branch": "main", "workflow": ""}),
    ({"ADMIN_REPO": "a/b", "ADMIN_BASE_URL": "https://git.example.org"},
     {"host": "gitlab", "api": "https://git.example.org/api/v4", "repo": "a/b",
      "branch": "main", "workflow": ""}),
    ({"ADMIN_REPO": "a/b", "ADMIN_BACKEND": "github", "ADMIN_BRANCH": "sito"},
     {"host": "github", "api": "https://api.github.com", "repo": "a/b", "branch": "sito",
      "workflow": "publish.yml"}),
    ({"ADMIN_REPO": "a/b", "ADMIN_BACKEND": "gitea"}, None),
])
def test_the_editor_asks_the_git_hosts_api_for_the_last_publication(base_settings, changes,
                                                                       expected):
    """Where admin.js asks how the last publication went (the page's data-publications):
    the API Decap talks to (so the policy allows it), the published branch, and on
    GitHub the workflow that publishes (.github/workflows/)."""
    assert config.publications(with_settings(base_settings, **changes)) == expected
    if expected and expected["workflow"]:
        assert (ROOT / ".github" / "workflows" / expected["workflow"]).is_file()


def test_admin_js_reads_the_hosts_answers_on_the_last_run():
    """GitLab's pipelines and GitHub's workflow runs, as the notice reads them: failed,
    under way (said as such) or done (nothing said)."""
    answers = [
        ["gitlab", [{"status": "failed", "web_url": "u", "updated_at": "t"}]],
        ["gitlab", [{"status": "running"}]], ["gitlab", [{"status": "pending"}]],
        ["gitlab", [{"status": "success"}]], ["gitlab", [{"status": "canceled"}]],
        ["gitlab", []], ["gitlab", {"message": "401 Unauthorized"}],
        ["github", {"workflow_runs": [{"status": "completed", "conclusion": "failure",
                                       "html_url": "h"}]}],
        ["github", {"workflow_runs": [{"status": "completed", "conclusion": "timed_out"}]}],
        ["github", {"workflow_runs": [{"status": "in_progress", "conclusion": None}]}],
        ["github", {"workflow_runs": [{"status": "completed", "conclusion": "success"}]}],
        ["github", {"workflow_runs": []}], ["github", None]]
    program = (page_js({}, ["lastRunOf"])
               + "const given = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n"
               "console.log(JSON.stringify(given.map(([host, answer]) => {\n"
               "  const run = lastRunOf(host, answer); return run && run.state; })));")
    done = subprocess.run(["node", "-e", program, *SCRIPT_ARGS], input=json.dumps(answers),
                          capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == [
        "failed", "running", "running", "done", "done", None, None,
        "failed", "failed", "running", "done", None, None]


def test_without_a_repository_production_warns_that_nobody_can_log_in(base_settings):
    found = with_settings(base_settings, ADMIN_LOCAL_BACKEND="")
    [warning] = config.backend_warnings(found)
    assert warning.startswith("ADMIN_REPO is empty")
    assert config.backend_warnings(base_settings) == []  # the local backend is enough


@pytest.mark.parametrize(("changes", "connect", "images"), [
    ({}, ["'self'", "blob:", "http://127.0.0.1:8081"], ["'self'", "blob:"]),
    ({"ADMIN_LOCAL_BACKEND": "", "ADMIN_REPO": "a/b", "ADMIN_APP_ID": "1"},
     ["'self'", "blob:", "https://gitlab.com"],
     ["'self'", "blob:", "https://gitlab.com", "https://secure.gravatar.com"]),
    ({"ADMIN_LOCAL_BACKEND": "", "ADMIN_REPO": "a/b", "ADMIN_BASE_URL": "https://gl.example"},
     ["'self'", "blob:", "https://gl.example"],
     ["'self'", "blob:", "https://gl.example", "https://secure.gravatar.com"]),
    ({"ADMIN_LOCAL_BACKEND": "", "ADMIN_REPO": "a/b", "ADMIN_BACKEND": "github",
      "ADMIN_BASE_URL": "https://auth.example.org"},
     ["'self'", "blob:", "https://api.github.com", "https://www.githubstatus.com"],
     ["'self'", "blob:", "https://avatars.githubusercontent.com"]),
    ({"ADMIN_REPO": "a/b", "ADMIN_BACKEND": "gitea", "ADMIN_BASE_URL": "https://git.example",
      "ADMIN_API_ROOT": "https://api.git.example/api/v1"},
     ["'self'", "blob:", "http://127.0.0.1:8081", "https://api.git.example",
      "https://git.example"],
     ["'self'", "blob:", "https://git.example"]),
    # a policy cannot name an IPv6 address (left out, with a warning: use localhost)
    ({"ADMIN_LOCAL_BACKEND": "http://[::1]:8081"}, ["'self'", "blob:"], ["'self'", "blob:"]),
    ({"ADMIN_LOCAL_BACKEND": "", "ADMIN_REPO": "a/b", "ADMIN_BASE_URL": "https://git.città.it",
      "ADMIN_BACKEND": "gitea"},
     ["'self'", "blob:", "https://git.xn--citt-3na.it"],
     ["'self'", "blob:", "https://git.xn--citt-3na.it"]),
], ids=["development", "gitlab.com", "self-hosted-gitlab", "github", "gitea", "ipv6", "idn"])
def test_the_policy_allows_the_backend_and_nothing_more(base_settings, changes, connect,
                                                        images):
    found = dict(policy.directives(with_settings(base_settings, **changes)))
    assert found["connect-src"] == connect
    assert found["img-src"] == images
    assert found["script-src"] == ["'self'", "'unsafe-eval'"]
    assert found["style-src"] == ["'self'", "'unsafe-inline'"]
    assert found["default-src"] == ["'self'"] and found["object-src"] == ["'none'"]
    assert "frame-ancestors" not in found  # a meta tag cannot carry it: the header does
    assert policy.header(with_settings(base_settings, **changes)).endswith(
        "; frame-ancestors 'none'")


def test_the_readme_gives_the_exact_policies(base_settings):
    text = ADMIN_README.read_text(encoding="utf-8")
    production = with_settings(base_settings, ADMIN_LOCAL_BACKEND="", ADMIN_REPO="a/b",
                               ADMIN_APP_ID="1")
    assert policy.meta(base_settings) in text
    assert policy.header(base_settings) in text
    assert policy.header(production) in text


@pytest.mark.parametrize(("name", "value"), [
    ("ADMIN_BACKEND", "bitbucket"),
    ("ADMIN_REPO", "solo-un-nome"),
    ("ADMIN_REPO", "a b/c"),
    ("ADMIN_LOCAL_BACKEND", "http://192.168.1.5:8081/api/v1"),  # not loopback: no login
    ("ADMIN_LOCAL_BACKEND", "http://0.0.0.0:8081/api/v1"),
    ("ADMIN_BASE_URL", "http://gitlab.example.org"),  # not https
    ("ADMIN_BASE_URL", "https://user:secret@gitlab.example.org"),
    ("ADMIN_API_ROOT", "gitlab.example.org/api/v4"),
    ("ADMIN_PREVIEW_CSS", "theme/css/base.css"),
    ("ADMIN_PREVIEW_CSS", ["../fuori.css"]),
    ("ADMIN_CONTENT_DIR", "/content"),
    ("ADMIN_ENABLED", "yes"),
    ("ADMIN_LABELS_SINGULAR", {"notizie": ""}),
    ("ADMIN_EXTRA_FIELDS", [{"label": "senza nome"}]),
])
def test_bad_settings_are_errors_and_take_their_default(caplog, name, value):
    found = admin_settings.install({name: value})
    assert found[name] == admin_settings.DEFAULTS[name]
    assert [r.getMessage().split(":")[0] for r in caplog.records] == [name]


def test_good_settings_are_kept_and_addresses_cleaned(caplog):
    found = admin_settings.install({
        "ADMIN_BACKEND": "github", "ADMIN_REPO": "gruppo/sotto/progetto",
        "ADMIN_BASE_URL": "https://auth.example.org/", "ADMIN_LOCAL_BACKEND":
        "http://localhost:9000/api/v1", "ADMIN_CONTENT_DIR": "sito/content/"})
    assert not caplog.records
    assert found["ADMIN_BASE_URL"] == "https://auth.example.org"
    assert found["ADMIN_CONTENT_DIR"] == "sito/content"
    assert found["ADMIN_REPO"] == "gruppo/sotto/progetto"


def test_the_lockfile_pins_the_installed_cms():
    assert bundle.locked_version() == bundle.installed_version(DIST)
    assert Path(ROOT / "package-lock.json").is_file()


@pytest.mark.parametrize("language", ["it", "en"])
def test_admin_js_adds_its_phrases_to_the_table_of_the_pages_language(language):
    """phrases.js fills in Decap's missing phrases in the table of the interface's
    language, which the build writes once (plugins.italian's LANGUAGE) as config.yml's
    locale and the page's lang: read from the page, not written in the script again
    (it was CMS.getLocale("it")). Its phrases are Italian: given another language, Decap's
    table of that language is left as it is, with no Italian in it."""
    tables = {"it": {"editor": {"editorToolbar": {"published": "Pubblicato"}}},
              "en": {"editor": {"editorToolbar": {"published": "Published"}}}}
    program = page_js({}, [], language).replace(
        "CMS: {", "CMS: {getLocale: (name) => TABLES[name], ", 1)
    program = (f"const TABLES = {json.dumps(tables)};\n" + program
               + "console.log(JSON.stringify(TABLES));")
    found = json.loads(subprocess.run(["node", "-e", program, *SCRIPT_ARGS],
                                      capture_output=True, text=True, check=True).stdout)
    toolbar = {name: table["editor"]["editorToolbar"]["published"]
               for name, table in found.items()}
    expected = {"it": "Salvato" if language == "it" else "Pubblicato", "en": "Published"}
    assert toolbar == expected
    assert ("mediaLibrary" in found["it"]) == (language == "it")
    assert "mediaLibrary" not in found["en"]


def test_admin_js_makes_a_titles_slug_as_the_site_does_or_leaves_it_to_the_build():
    """admin.js makes a title's slug before a save (a slug another item has refused, an
    old address kept): made otherwise than the site makes it, an unchanged "Avviso n°2"
    (the site leaves the sign out, the script spelled it "deg") got its own address as
    an old one, and the build stopped. Every title it checks gets the site's slug; those
    it cannot fold as the site does it leaves to the build (None)."""
    from plugins.italian.slugs import slug_substitutions, title_slug  # noqa: PLC0415

    rng = random.Random(7)
    alphabet = [chr(c) for c in range(0x20, 0x7F)] + [chr(c) for c in range(0xA0, 0x100)] \
        + list("‘’–—“”…°€❤☀©™Ωł") + ["🎉", "👍🏽", "\u200d", "🅰", "n°", "l’", "Perché", "È"]
    typical = ["Perché l’università", "Festa — domani", "Città: è (già) 50% più!",
               "Come proporre un Patto Gener-Attivo", "🎉🎉 Festa", "Crème brûlée ß Æsop",
               "x" * 90 + " fine"]
    titles = typical + ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30)))
                        for _ in range(2000)] + ["🎉🎉", "Avviso n°2, festa"]
    program = (page_js({}, ["siteSlug"]) + "\nconst titles = JSON.parse(require('fs')"
               ".readFileSync(0, 'utf8'));\nconsole.log(JSON.stringify(titles.map(siteSlug)));")
    made = json.loads(subprocess.run(["node", "-e", program, *SCRIPT_ARGS],
                                     input=json.dumps(titles),
                                     capture_output=True, text=True, check=True).stdout)
    site = [title_slug(title, slug_substitutions()) for title in titles]
    assert [(t, m, s) for t, m, s in zip(titles, made, site) if m is not None and m != s] == []
    assert made[:len(typical)] == site[:len(typical)]  # the usual titles are checked
    assert made[-2:] == ["", None]  # emoji only: no slug, as the build finds; "°": the build's


def test_admin_js_puts_the_sites_apostrophes():
    """The preview showed a title, a lead, a text as typed («d'estate») where the site
    shows «d’estate»: previews.js gives them slugs.js' apostrophes, which are the site's
    (plugins/italian's fix_apostrophes) for every text: elisions, years, a quote after an
    elision."""
    from plugins.italian import fix_apostrophes  # noqa: PLC0415

    rng = random.Random(11)
    alphabet = list("ae lL0189'\"“«(-–/_.,\n") + ["è", "’", "Ω", "٣"]
    typical = ["Laboratorio d'estate", "anni '80 e ('90), '20-'30", "l'\"estate\"",
               "po' di più", "'casa'", "nel '900", "x'8000", "dell'«Unione»", "l'8 maggio"]
    texts = typical + ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 25)))
                       for _ in range(3000)]
    program = (page_js({}, ["apostrophes"]) + "\nconst texts = JSON.parse(require('fs')"
               ".readFileSync(0, 'utf8'));\nconsole.log(JSON.stringify(texts.map(apostrophes)));")
    made = node_admin_js(program, texts)
    site = [fix_apostrophes(text) for text in texts]
    assert [(t, m, s) for t, m, s in zip(texts, made, site) if m != s] == []
    assert made[:3] == ["Laboratorio d’estate", "anni ’80 e (’90), ’20-’30", "l’“estate\""]


# the arguments of a Node.js program that runs the web editor's scripts (LOAD_JS)
SCRIPT_ARGS = [str(path) for path in admin_scripts()]
# Node.js: the editor's scripts run as its page runs them, one after the other (their
# paths are the program's arguments); A is what they share (window.FareLegamiAdmin)
LOAD_JS = ("for (const path of process.argv.slice(1)) {\n"
           "  eval(require('fs').readFileSync(path, 'utf8'));\n}\n"
           "const A = window.FareLegamiAdmin;\n")


def page_js(attributes, names, lang=LANGUAGE):
    """Node.js code that runs the editor's scripts on a page in ``lang`` (its <html
    lang>, the site's LANGUAGE as the build writes it) whose first script has the data-
    attributes ``attributes``, with stand-ins for Decap and its h() and createClass, and
    names those of their functions in ``names`` as constants."""
    return ("globalThis.window = {confirm: () => true, h: (type, props) => props,\n"
            "  createClass: (spec) => spec, CMS: {registerEventListener: () => {},\n"
            "    registerPreviewTemplate: () => {}, registerPreviewStyle: () => {}}};\n"
            "globalThis.document = {baseURI: 'http://127.0.0.1/admin/', currentScript: {\n"
            f"  getAttribute: (name) => ({json.dumps(attributes)})[name] || null}},\n"
            f"  documentElement: {{lang: {json.dumps(lang)}}}}};\n"
            + LOAD_JS + "".join(f"const {name} = A.{name};\n" for name in names))


def node_admin_js(program, given):
    """What the Node.js ``program`` prints (JSON) with the editor's scripts' paths as its
    arguments and ``given`` as JSON on its input."""
    done = subprocess.run(["node", "-e", program, *SCRIPT_ARGS],
                          input=json.dumps(given), capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def run_admin_js(settings, program, given, zone="Europe/Rome"):
    """Runs ``program`` on ``given`` (JSON, read as ``given``) with the editor's date and
    address functions, in a Node process whose local time zone is ``zone`` (the editor's
    browser's); the page gives the scripts the project's settings, as admin/index.html
    does. What the program prints, read as JSON."""
    attributes = {"data-old-addresses": "indirizzi_precedenti", "data-pages": "pages",
                  "data-article-url": settings["ARTICLE_URL"],
                  "data-page-url": settings["PAGE_URL"], "data-timezone": settings["TIMEZONE"]}
    prelude = (
        page_js(attributes, ["formDate", "keptAddress", "publishedItems",
                             "takenByUnpublished", "longDate"])
        # an entry's data as Decap's (an Immutable map): get, and set giving a new one
        + "class Data { constructor(o) { this.o = o; } get(k) { return this.o[k]; }\n"
        "  set(k, v) { return new Data({...this.o, [k]: v}); } }\n"
        "const given = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n")
    program = prelude + program
    done = subprocess.run(["node", "-e", program, *SCRIPT_ARGS], input=json.dumps(given),
                          capture_output=True, text=True, check=True,
                          env={**os.environ, "TZ": zone})
    return json.loads(done.stdout)


SLUGS = {"articles": {"festa": "notizie/festa.md"}, "pages": {},
         "addresses": {"notizie/festa.md": "/2024/06/festa/"}}
KEEP = """
const entry = new Data({collection: "notizie", path: "content/notizie/festa.md"});
let data = new Data(given.data);
console.log(JSON.stringify(given.titles.map((title) => {
  data = keptAddress(given.slugs, entry, data.set("title", title));
  return data.get("indirizzi_precedenti") || null;
})));
"""


def test_admin_js_a_title_changed_and_back_leaves_no_own_old_address(base_settings):
    """A published item's title corrected, saved, then changed back before the next
    build (slugs.json, read once per session, still gives the item's first address):
    its address is its own again, and must leave its old addresses; left there, the
    build stops ("… è già l'indirizzo di notizie/festa.md su questo sito")."""
    titles = ["Festa grande", "Festa grande", "Festa", "Festa"]
    saves = run_admin_js(base_settings, KEEP, {
        "slugs": SLUGS, "titles": titles, "data": {"title": "Festa", "date": "2024-06-01 10:00"}})
    assert saves == [["/2024/06/festa/"], ["/2024/06/festa/"], [], []]
    # an untouched item keeps its field as it is (one text, not a list)
    kept = run_admin_js(base_settings, KEEP, {"slugs": SLUGS, "titles": ["Festa"],
                               "data": {"title": "Festa", "date": "2024-06-01 10:00",
                                        "indirizzi_precedenti": "/vecchia/festa.html"}})
    assert kept == ["/vecchia/festa.html"]


@pytest.mark.parametrize("zone", ["Europe/Rome", "UTC", "America/New_York", "Asia/Tokyo"])
def test_admin_js_shows_a_date_with_an_offset_in_the_sites_time_in_any_browser(
        base_settings, zone):
    """The form's date is the site's clock time (TIMEZONE): a date with an offset is shown
    in it, whatever the zone of the editor's browser. In the browser's time an editor in
    London saw 17:00 for Rome's 18:00, and a change of the day saved it an hour off; an
    untouched article of 30 June 23:30 UTC (1 July in Rome, /2024/07/…) got its own
    address as an old one on save, and the build stopped."""
    dates = ["2024-09-10T16:00:00+00:00", "2024-06-30T23:30:00Z", "2024-03-31T00:30:00Z",
             "2024-12-31T23:30:00.5-01:00", "2024-06-12 10:30", "2024-06-12"]
    shown = run_admin_js(base_settings, "console.log(JSON.stringify(given.map(formDate)));",
                         dates, zone)
    assert shown == ["2024-09-10 18:00", "2024-07-01 01:30", "2024-03-31 01:30",
                     "2025-01-01 01:30", "2024-06-12 10:30", "2024-06-12"]
    # "…Z" with its seconds is a Date to Decap's YAML (its timestamp tag), not a text
    dated = run_admin_js(base_settings, "console.log(JSON.stringify(given.map("
                         "(text) => formDate(new Date(text)))));",
                         ["2024-06-30T23:30:00Z", "2024-09-10T16:00:00Z"], zone)
    assert dated == ["2024-07-01 01:30", "2024-09-10 18:00"]
    slugs = {**SLUGS, "addresses": {"notizie/festa.md": "/2024/07/festa/"}}
    untouched = run_admin_js(base_settings, KEEP, {
        "slugs": slugs, "titles": ["Festa"],
        "data": {"title": "Festa", "date": "2024-06-30T23:30:00+00:00"}}, zone)
    assert untouched == [None]


def test_admin_js_refuses_the_slug_of_a_draft_hidden_or_scheduled_item(base_settings):
    """slugs.json gives the unpublished items' slugs and files as digests: a new title
    with a draft's slug stopped the build as well (two items, one slug), and the editor
    saw "Voce salvata". The draft itself saves, and so does another title or kind."""
    slugs = {**SLUGS, "unpublished": {"articles": {digest("festa-d-estate"):
                                                   digest("notizie/bozza.md")}, "pages": {}}}
    program = """
const cases = given.cases.map(([collection, path, title]) => takenByUnpublished(
  given.slugs, new Data({collection, path}), new Data({title})));
Promise.all(cases).then((taken) => console.log(JSON.stringify(taken)));
"""
    taken = run_admin_js(base_settings, program, {"slugs": slugs, "cases": [
        ["notizie", "", "Festa d’estate"],  # a new item: a draft has its slug
        ["avvisi", "content/avvisi/festa.md", "Festa d'estate"],
        ["notizie", "content/notizie/bozza.md", "Festa d’estate"],  # the draft itself
        ["notizie", "", "Festa d’inverno"],
        ["pages", "", "Festa d’estate"]]})  # a page: pages' slugs are their own
    assert taken == [True, True, False, False, False]


def test_admin_js_reads_slugs_json_again_at_each_save(base_settings, tmp_path):
    """A published item retitled, saved, the site built again (slugs.json gives its new
    address), then retitled again in the same session: the address the build gave it in
    between is kept too. Read once per session, slugs.json still gave the first address,
    and the second one, published for a while, led to "pagina non trovata"."""
    slugs = tmp_path / "slugs.json"
    slugs.write_text(json.dumps(SLUGS), encoding="utf-8")
    rebuilt = {**SLUGS, "articles": {"festa-grande": "notizie/festa.md"},
               "addresses": {"notizie/festa.md": "/2024/06/festa-grande/"}}
    program = """
const fs = require("fs");
globalThis.fetch = (url) => Promise.resolve({ok: true,  // the site's admin/ folder
  json: () => Promise.resolve(JSON.parse(fs.readFileSync(given.folder + "/" + url, "utf8")))});
const entry = new Data({collection: "notizie", path: "content/notizie/festa.md"});
let data = new Data({title: "Festa", date: "2024-06-01 10:00"});
publishedItems().then((first) => {
  data = keptAddress(first, entry, data.set("title", "Festa grande"));
  fs.writeFileSync(given.folder + "/slugs.json", JSON.stringify(given.rebuilt));  // a build
  return publishedItems();
}).then((second) => {
  data = keptAddress(second, entry, data.set("title", "Festa grande in piazza"));
  console.log(JSON.stringify(data.get("indirizzi_precedenti")));
});
"""
    kept = run_admin_js(base_settings, program, {"folder": str(tmp_path), "rebuilt": rebuilt})
    assert kept == ["/2024/06/festa/", "/2024/06/festa-grande/"]


def less_than_code():
    """Node.js code that runs the editor's scripts, the allowlist given as the page gives
    it, and names the functions that write a typed "<" as "&lt;" (typedLessThan) and
    show it again (shownLessThan)."""
    return page_js({"data-html": " ".join(sorted(ALLOWED))},
                   ["typedLessThan", "shownLessThan"])


def test_admin_js_writes_a_typed_less_than_in_a_nested_list_as_text():
    """Decap nests a list by 2 spaces (3 after "1."): a third level, or a second
    paragraph of a nested item, is indented by 4 or more, which admin.js took for code
    and left alone; "Tre <entro il 6>" there was saved, "Voce salvata", and the build
    stopped (an element outside the allowlist). An indented line is code only outside a
    list; fenced code, code spans, allowed elements and autolinks are kept."""
    text = ("* Uno\n\n  * Due\n\n    * Tre <entro il 6>\n\nFine.\n\n1. Uno\n\n   1. Due\n\n"
            "      Dopo <entro il 7>\n\nUn paragrafo.\n\n    codice <x> rientrato\n\n"
            "```\n<entro> nel codice\n```\n\n`<em>` e <abbr>SS</abbr> <https://example.org>"
            " <nome@example.org> a < b <3\n")
    program = (less_than_code()
               + "\nconsole.log(JSON.stringify(typedLessThan(require('fs')"
               ".readFileSync(0, 'utf8'))));")
    done = subprocess.run(["node", "-e", program, *SCRIPT_ARGS], input=text,
                          capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == text.replace("Tre <", "Tre &lt;").replace(
        "Dopo <", "Dopo &lt;")


def test_admin_js_refuses_an_address_the_site_keeps_for_itself_as_the_build_does(
        site, build):
    """The site writes its own pages at /documenti/, /archivio/, /cerca/, /argomenti/…: a
    page titled "Documenti" or "Archivio", natural names for a page, stopped the build
    ("è riservato al sito"), and the web editor had saved it with "Voce salvata". admin.js
    refuses exactly the pages (and articles) the build refuses, with the script's data-
    attributes as the build writes them (admin/index.html)."""
    page = admin_page(site)
    assert page["data-reserved"]
    titles = ["Documenti", "Archivio", "Cerca", "Argomenti", "Autori", "Segui", "Admin",
              "Chi siamo", "Pagina", "Documenti del progetto", "Immagini", "Allegati"]
    files = {f"pages/pagina-{number}.md": f"---\ntitle: {title}\n---\n\nTesto.\n"
             for number, title in enumerate(titles)}
    files["notizie/documenti.md"] = article(title="Documenti")  # /2024/05/documenti/
    built = build(files).messages()
    refused = [bool(re.search(rf"ERROR pages/pagina-{number}\.md:\d+: l'indirizzo"
                              rf" /\S+/ è riservato al sito", built))
               for number in range(len(titles))]
    assert "notizie/documenti.md" not in built
    assert sum(refused) >= 6, built  # the build refuses some: the check is not vacuous
    program = save_setup_js(page) + """
const cases = JSON.parse(fs.readFileSync(0, "utf8"));
Promise.all(cases.map(([collection, title]) => {
  const entry = new Data({collection, path: "", mediaFiles: [],
    data: new Data({title, date: "2024-05-05 10:00", body: "Testo."})});
  try {
    return Promise.resolve(handler({entry})).then(() => "saved", (error) => String(error));
  } catch (error) {
    return String(error);
  }
})).then((found) => console.log(JSON.stringify(found)));
"""
    said = node_admin_js(program, [["pages", title] for title in titles]
                         + [["notizie", "Documenti"]])
    assert [answer != "saved" for answer in said[:-1]] == refused, said
    assert said[-1] == "saved"
    assert said[0].startswith("l'indirizzo /documenti/ è riservato al sito"), said[0]
    # the field by its name, what to write in it in plain words (it was "scrivi un altro
    # slug nel campo «Slug (fine dell'indirizzo)»")
    assert "scrivi un'altra fine dell'indirizzo nel campo «Slug (fine dell'indirizzo)»" \
        in said[0], said[0]


def admin_page(site):
    """The data- attributes of admin.js's script tag as ``site``'s build wrote them
    (admin/index.html), but the preview's stylesheets (the Node page has no preview)."""
    from bs4 import BeautifulSoup  # noqa: PLC0415

    index = (site.output / "admin" / "index.html").read_text(encoding="utf-8")
    tag = next(tag for tag in BeautifulSoup(index, "html.parser").find_all("script")
               if tag.get("data-content"))
    return {name: value for name, value in tag.attrs.items() if name.startswith("data-")
            and name != "data-preview-css"}


def test_admin_js_refuses_a_file_of_a_type_the_build_refuses(site, build):
    """Decap uploads any file: an old Word document (.doc) or a video attached, an iPhone
    photo (.heic) or a GIF as the cover or in the text, and the editor saw "Voce
    salvata"; the build stopped ("tipo di file non ammesso"). admin.js refuses exactly
    the items the build refuses, in the build's words (what the file may be, what to
    turn it into), with the script's data- attributes as the build writes them."""
    year = "2024"
    files = {f"allegati/{year}/verbale.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
             f"allegati/{year}/video.mp4": b"\x00\x00\x00\x18ftypmp42" + bytes(100),
             f"allegati/{year}/relazione.pdf": pdf(1),
             f"allegati/{year}/dati.CSV": b"anno;iscritti\n2024;12\n",
             f"allegati/{year}/foto.heic": b"\x00\x00\x00\x18ftypheic" + bytes(100),
             f"immagini/{year}/foto.heic": b"\x00\x00\x00\x18ftypheic" + bytes(100),
             f"immagini/{year}/anim.gif": b"GIF89a" + bytes(100),
             f"immagini/{year}/foto.jpg": image("JPEG"),
             f"immagini/{year}/foto.png": image("PNG")}
    body = "Testo."
    cases = [  # (front matter, body)
        ({"attachments": [{"file": f"allegati/{year}/verbale.doc"}]}, body),
        ({"attachments": [f"allegati/{year}/video.mp4"]}, body),
        ({"attachments": [{"file": f"allegati/{year}/relazione.pdf"},
                          {"file": f"allegati/{year}/dati.CSV", "title": "I dati"}]}, body),
        ({"attachments": [{"file": f"allegati/{year}/foto.heic"}]}, body),
        ({"image": f"immagini/{year}/foto.heic", "image_alt": "Il cortile"}, body),
        ({"image": f"immagini/{year}/anim.gif", "image_alt": "Il cortile"}, body),
        ({"image": f"immagini/{year}/foto.jpg", "image_alt": "Il cortile"}, body),
        ({}, f"Il cortile:\n\n![Il cortile]({{static}}/immagini/{year}/anim.gif)\n"),
        ({}, f"Il cortile:\n\n![Il cortile]({{static}}/immagini/{year}/foto.png)\n"),
        ({}, f"Il [verbale]({{static}}/allegati/{year}/verbale.doc).\n"),
    ]
    for number, (meta, text) in enumerate(cases):
        header = yaml.safe_dump({"title": f"Caso {number}", "date": "2024-05-05 10:00", **meta},
                                allow_unicode=True, sort_keys=False)
        files[f"notizie/caso-{number}.md"] = f"---\n{header}---\n\n{text}"
    built = build(files).messages()
    refused = [bool(re.search(rf"ERROR notizie/caso-{number}\.md:\d+: tipo di file non"
                              rf" ammesso", built)) for number in range(len(cases))]
    assert refused == [True, True, False, True, True, True, False, True, False, True], built
    program = save_setup_js(admin_page(site)) + """
const cases = JSON.parse(fs.readFileSync(0, "utf8"));
Promise.all(cases.map(([meta, body], number) => {
  const entry = new Data({collection: "notizie", path: "", mediaFiles: [],
    data: new Data({title: "Caso " + number, date: "2024-05-05 10:00", body, ...meta})});
  try {
    return Promise.resolve(handler({entry})).then(() => "saved", (error) => String(error));
  } catch (error) {
    return String(error);
  }
})).then((found) => console.log(JSON.stringify(found)));
"""
    said = node_admin_js(program, cases)
    assert [answer != "saved" for answer in said] == refused, said
    # the build's words: the file, its type, what may be used, what to turn it into
    for number, answer in enumerate(said):
        if refused[number]:
            words = re.search(rf"notizie/caso-{number}\.md:\d+: (tipo di file non ammesso:"
                              r" .*?) / file type not allowed", built).group(1)
            assert answer.startswith(words + " ("), (answer, words)
    assert "convertilo in JPEG (come immagine di copertina)" in said[4]
    assert "salvalo in PDF, DOCX, XLSX o PPTX (negli «Allegati»)" in said[0]


def test_admin_js_gives_a_table_back_the_alignment_decap_left_out(tmp_path):
    """Decap reads a table's column alignment and writes the table again without it: the
    site's right-aligned column came back to the left after any change to the text.
    admin.js remembers the aligned tables of the text Decap was given, by item and header
    row, and gives them back on save; a table whose header changed (a new one), one with
    another number of columns, another item's, one aligned already and one in a fenced
    block are left as they are. The page is the one the file written with git gave."""
    code = page_js({}, ["rememberAlignments", "alignedTables", "itemKey"])
    written = ("Prezzi:\n\n| Attività | Posti | Costo |\n| :--- | :---: | ---: |\n"
               "| Laboratorio di *cucito* | 12 | 5 € |\n")
    decap = ("Prezzi:\n\n| Attività | Posti | Costo |\n| ----------------------- | ----- |"
             " ----- |\n| Laboratorio di *cucito* | 12    | 5 €   |\n")
    kept = [decap.replace("Costo", "Prezzo"),  # a header changed: another table
            "| Attività | Posti |\n| --- | --- |\n| Cucito | 12 |\n",  # two columns
            "| Attività | Posti | Costo |\n| --- | :---: | --- |\n| Cucito | 12 | 5 |\n",
            "```\n| Attività | Posti | Costo |\n| --- | --- | --- |\n```\n"]
    program = code + """
const given = JSON.parse(require("fs").readFileSync(0, "utf8"));
const entry = (path) => ({get: (key) => ({collection: "notizie", path})[key]});
rememberAlignments(itemKey(entry("content/notizie/festa.md")), given.written);
console.log(JSON.stringify([alignedTables(itemKey(entry("content/notizie/festa.md")),
                                          given.decap),
  alignedTables(itemKey(entry("content/notizie/altro.md")), given.decap),
  given.kept.map((text) => alignedTables(itemKey(entry("content/notizie/festa.md")), text))]));
"""
    done = subprocess.run(["node", "-e", program, *SCRIPT_ARGS], input=json.dumps(
        {"written": written, "decap": decap, "kept": kept}), capture_output=True, text=True,
        check=True)
    saved, other, unchanged = json.loads(done.stdout)
    assert other == decap and unchanged == kept
    pages = build_site(tmp_path, {"notizie/scritto.md": article(title="Scritto", body=written),
                                  "notizie/salvato.md": article(title="Salvato", body=saved)})
    assert pages.ok, pages.log
    tables = [str(pages.soup(f"/2024/05/{slug}/").select_one(".article-body table"))
              for slug in ("scritto", "salvato")]
    assert 'class="align-right"' in tables[0] and tables[1] == tables[0]


# what admin/index.html gives admin.js about the body's HTML: the allowlist's elements,
# their attributes and those holding an address (plugins/contract/allowlist.py), the hosts
# of videos (none by default), the folders of {static} links and the items' extensions
PAGE = {"data-content": "content", "data-html": " ".join(sorted(ALLOWED)),
        "data-html-attributes": " ".join(sorted(
            [f"*:{name}" for name in GLOBAL_ATTRIBUTES]
            + [f"{tag}:{name}" for tag, names in ALLOWED.items() for name in names])),
        "data-url-attributes": " ".join(sorted(URL_ATTRIBUTES)),
        "data-iframe-hosts": "", "data-static-folders": "allegati/ immagini/",
        "data-item-extensions": "md markdown mkd mdown",
        "data-local-path": LOCAL_PATH_RE.pattern, "data-local-path-words": LOCAL_PATH_WORDS,
        "data-disguised-words": DISGUISED_WORDS.format(host="{host}"),
        "data-disguised-remedy": DISGUISED_REMEDY.format(host="{host}"),
        "data-nesting": json.dumps(nesting.rules(), ensure_ascii=False, sort_keys=True),
        "data-blank": " ".join(f"{first:x}-{last:x}" for first, last in BLANK_RANGES),
        "data-blank-references": " ".join(sorted(
            name for name, value in html5.items() if blank(value))),
        "data-letterless": " ".join(f"{first:x}-{last:x}" for first, last in letterless_ranges()),
        "data-spelled-symbols": SPELLED_SYMBOLS.pattern}


def save_setup_js(page=PAGE):
    """Node.js code that runs the editor's scripts as ``page`` (their first script's
    data- attributes) gives them, and keeps their preSave handler in ``handler``."""
    return """
const fs = require("fs");
let handler = null;
globalThis.window = {confirm: () => true,
  CMS: {registerEventListener: (listener) => { handler = listener.handler; }}};
globalThis.document = {baseURI: "http://127.0.0.1/admin/",
  currentScript: {getAttribute: (name) => (PAGE)[name] || null},
  documentElement: {lang: LANG}};
globalThis.fetch = () => Promise.resolve({ok: false});  // no slugs.json, no upload
class Data { constructor(o) { this.o = o; } get(k) { return this.o[k]; }
  set(k, v) { return new Data({...this.o, [k]: v}); } }
""".replace("PAGE", json.dumps(page)).replace("LANG", json.dumps(LANGUAGE)) + LOAD_JS


SAVE_SETUP_JS = save_setup_js()
SAVE_JS = SAVE_SETUP_JS + """
const bodies = JSON.parse(fs.readFileSync(0, "utf8"));
Promise.all(bodies.map((body) => {
  const entry = new Data({collection: "notizie", path: "", mediaFiles: [],
    data: new Data({title: "Guida alle immagini", date: "2024-06-01 10:00", body})});
  try {
    return Promise.resolve(handler({entry})).then(() => "saved", (error) => String(error));
  } catch (error) {
    return String(error);
  }
})).then((found) => console.log(JSON.stringify(found)));
"""


def saves(texts, page=PAGE):
    """admin.js's preSave on a new news item of each ``(body, summary)`` (or ``(body,
    summary, {other fields})``), ``page`` giving the script its data- attributes:
    "saved", or the refusal's text."""
    program = save_setup_js(page) + """
const cases = JSON.parse(fs.readFileSync(0, "utf8"));
Promise.all(cases.map(([body, summary, fields]) => {
  const entry = new Data({collection: "notizie", path: "", mediaFiles: [],
    data: new Data({title: "Il programma", date: "2024-06-01 10:00", body, summary,
      ...fields})});
  try {
    return Promise.resolve(handler({entry})).then(() => "saved", (error) => String(error));
  } catch (error) {
    return String(error);
  }
})).then((found) => console.log(JSON.stringify(found)));
"""
    return node_admin_js(program, texts)


def saved_bodies(bodies):
    """The text admin.js's preSave writes for a new news item with each of ``bodies``
    (or its refusal)."""
    program = SAVE_SETUP_JS + """
const bodies = JSON.parse(fs.readFileSync(0, "utf8"));
Promise.all(bodies.map((body) => {
  const entry = new Data({collection: "notizie", path: "", mediaFiles: [],
    data: new Data({title: "Il programma", date: "2024-06-01 10:00", body})});
  return Promise.resolve(handler({entry})).then((data) => data.get("body"), String);
})).then((found) => console.log(JSON.stringify(found)));
"""
    return node_admin_js(program, bodies)


def test_admin_js_writes_a_nested_list_as_the_site_reads_it(tmp_path):
    """Decap writes a sub-item as far in as its item's text (2 spaces under "* ", 3 under
    "1. "), after a blank line: the site's Markdown wants 4 spaces a level, and published
    the list typed in the web editor flat, its items spaced as paragraphs, without a
    warning. Saved by admin.js, it is the nested list typed; an item's second paragraph,
    and code, stay as they are."""
    decap = ("Il programma:\n\n* Uno\n\n  * Due\n\n    * Tre\n* Quattro\n\nPoi:\n\n"
             "1. Primo\n\n   * sotto\n2. Secondo\n\n   con un secondo paragrafo.\n\n"
             "```\n* Uno\n\n  * codice\n```\n")
    [body] = saved_bodies([decap])
    built = build_site(tmp_path, {"notizie/festa.md": article(title="Festa", body=body)})
    assert built.ok and "WARNING" not in built.log, built.log
    text = built.soup("/2024/05/festa/").select_one(".article-body")
    assert [item.get_text(" ", strip=True) for item in text.select("ul ul ul > li")] == ["Tre"]
    assert [item.get_text(" ", strip=True) for item in text.select("ol ul > li")] == ["sotto"]
    assert not text.select("ul li > p, ol > li:first-child > p")  # tight, as typed
    assert [p.get_text() for p in text.select("ol > li:last-child > p")] == [
        "Secondo", "con un secondo paragrafo."]
    assert "* Uno\n\n  * codice" in text.select_one("pre").get_text()
    assert saved_bodies([body]) == [body]  # saved again: the same


def spaced_blocks(texts):
    """The editor's spacedBlocks (the text as Decap's control is given it) of each text."""
    program = page_js({}, ["spacedBlocks"]) + """
const texts = JSON.parse(require("fs").readFileSync(0, "utf8"));
console.log(JSON.stringify(texts.map(spacedBlocks)));
"""
    done = subprocess.run(["node", "-e", program, *SCRIPT_ARGS], input=json.dumps(texts),
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


# texts whose blocks with Markdown inside Decap's editor could not read as they are
SPACED = [
    ("<details>\n<summary>Orari</summary>\n\n- sabato\n- domenica\n</details>\n\nDopo.",
     "<details>\n<summary>Orari</summary>\n\n- sabato\n- domenica\n\n</details>\n\nDopo."),
    ('<div markdown="1">\nIl **programma**.\n</div>',
     '<div markdown="1">\n\nIl **programma**.\n\n</div>'),
    ("<details open>\n<summary>Sì</summary>\n\nIl [sito](https://example.org/).\n</details>",
     "<details open>\n<summary>Sì</summary>\n\nIl [sito](https://example.org/).\n\n</details>"),
]
# texts left as they are: HTML only, code, a block without markdown="1", indented HTML
UNSPACED = [
    "<details>\n    <summary>Orari</summary>\n    <p>Sabato</p>\n</details>",
    "<div>\nIl **programma**.\n</div>",
    '<div markdown="1">\n\nGià **staccato**.\n\n</div>',
    "```\n<details>\n- uno\n</details>\n```",
    "<figure>\n<img src=\"{static}/immagini/a.png\" alt=\"A\">\n</figure>",
]


def test_admin_js_gives_decap_blocks_with_markdown_apart_the_same_to_the_site(tmp_path):
    """Decap's editor, given a <details> or a markdown="1" block with its text at the
    tags, saved it changed: the Markdown inside escaped, a </details> after a list lost.
    admin.js gives its control the text with a blank line there (spacedBlocks): the same
    page to the site, nothing else changed."""
    given = [text for text, _ in SPACED] + UNSPACED
    assert spaced_blocks(given) == [spaced for _, spaced in SPACED] + UNSPACED
    for number, (text, spaced) in enumerate(SPACED):
        pages = []
        for name, body in (("given", text), ("spaced", spaced)):
            built = build_site(tmp_path / f"{number}-{name}",
                               {"notizie/festa.md": article(title="Festa", body=body)})
            assert built.ok and "WARNING" not in built.log, built.log
            pages.append(str(built.soup("/2024/05/festa/").select_one(".article-body")))
        assert pages[0] == pages[1]


def test_admin_js_refuses_no_image_written_as_code():
    """admin.js refuses a save whose text has an image without its file or description,
    but "`![descrizione]()`" in a code span or a fenced block is code on the page (a
    guide to writing), which the build accepts: an item with it could not be saved."""
    bodies = ["Scrivete `![descrizione]()` e poi il file.\n\n```\n![foto]()\n```\n",
              "Non scrivete `![](foto.png)` senza descrizione.\n",
              "Il cortile:\n\n![Il cortile]()\n", "![](foto.png)\n"]
    found = node_admin_js(SAVE_JS, bodies)
    assert found[:2] == ["saved", "saved"]
    assert "un'immagine nel testo non ha il file" in found[2]
    assert "un'immagine nel testo non ha la descrizione" in found[3]


# (text, what admin.js's refusal says, or None when the build and admin.js accept it)
IMAGE_CASES = [
    ("![](foto.png)", "non ha la descrizione"),
    ("> Il cortile:\n>\n> ![Il\n> cortile]()", "non ha il file"),
    ('<div markdown="1">\n![Il cortile]()\n</div>', "non ha il file"),
    # in a block of HTML left as typed, or a comment: text (with a warning), or nothing
    ("<div>\n![](foto.png)\n</div>", None),
    ("<figure>\n![Il cortile]()\n</figure>", None),
    ("Il cortile. <!-- poi: ![](foto.png) -->", None),
]


def build_and_save(build, cases, files=(), settings="", page=PAGE):
    """``cases``, ``[(body, anything)]``, each built as an item, ``notizie/caso-N.md``
    (with ``files`` and ``settings``), and saved by admin.js (``page`` giving its data-
    attributes): the build's log and what admin.js says of each ("saved", or its
    refusal), in order."""
    files = {**dict(files), **{f"notizie/caso-{number}.md": article(
        title=f"Caso {number}", body=body) for number, (body, _) in enumerate(cases)}}
    return (build(files, settings).messages(),
            saves([[body, None] for body, _ in cases], page))


def built_and_saved(build, cases, files=(), settings="", page=PAGE):
    """``cases``, ``[(body, expected)]`` (``expected`` None: the text is accepted), each
    built as an item (with ``files`` and ``settings``): the build must stop on exactly
    those with an ``expected``; then what admin.js says of saving each ("saved", or its
    refusal; ``page`` giving its data- attributes), in order."""
    built, said = build_and_save(build, cases, files, settings, page)
    refused = [bool(re.search(rf"ERROR notizie/caso-{number}\.md", built))
               for number in range(len(cases))]
    assert refused == [expected is not None for _, expected in cases], built
    return said


def test_admin_js_refuses_an_image_without_description_or_file_as_the_build_does(build):
    """An image of the text without its description or its file stops the build, and
    admin.js refuses it; one in a block of HTML the build leaves as typed (a <div>
    without markdown="1") is text on the page, which the build accepts, but admin.js
    refused the save."""
    for (body, expected), said in zip(IMAGE_CASES, built_and_saved(build, IMAGE_CASES)):
        assert said == "saved" if expected is None else expected in said, (body, said)


# (text, what admin.js's refusal says, or None when the build and admin.js accept it):
# HTML pasted from a web page or a video's "embed" code, typed in the Markdown mode
HTML_CASES = [
    ('Il <a href="https://www.comune.crema.cr.it/" target="_blank">sito</a>.',
     "l'attributo «target» di <a> nel testo non è ammesso"),
    ('<p style="color:red">Testo rosso</p>', "l'attributo «style» di <p> nel testo"),
    ('Testo <span style="font-weight:bold">grassetto</span>.', "«style» di <span>"),
    ('<table border="1" cellpadding="5"><tr><td>a</td></tr></table>', "«border» di <table>"),
    ('<a href="https://example.org/" onclick="alert(1)">x</a>',
     "«onclick» di <a> nel testo non è ammesso: niente script"),
    ('<a name="inizio"></a>Testo.', "«name» di <a>"),
    ('<blockquote class="instagram-media" data-instgrm-version="14">\n<a href="https://'
     'www.instagram.com/p/x/">Il post</a>\n</blockquote>', "«data-instgrm-version»"),
    # a video's or a map's embed code: no video host allowed (CONTRACT_IFRAME_HOSTS)
    ('<iframe width="560" height="315" src="https://www.youtube.com/embed/abc" title="Video"'
     ' frameborder="0" allowfullscreen></iframe>', "inserito con <iframe> nel testo non è"),
    ('<iframe src="https://www.google.com/maps/embed?pb=1" style="border:0;"'
     ' loading="lazy"></iframe>', "inserito con <iframe> nel testo non è ammesso"),
    # a tag over two lines (not written as &lt;), the opening tag of a block, over two
    # lines or converted (markdown="1"), a <blockquote>'s cite
    ('Testo <font\ncolor="red">rosso</font>.', "l'elemento HTML <font> nel testo"),
    ('<div\nstyle="color:red">\nTesto.\n</div>', "«style» di <div>"),
    ('<div markdown="1" class="nota" style="color:red">\nIl **programma**.\n</div>',
     "«style» di <div>"),
    ('<blockquote cite="javascript:alert(1)">\nTesto.\n</blockquote>', "«javascript:»"),
    # markdown="1" where Python-Markdown leaves it in the page
    ('<pre markdown="1">codice</pre>', "l'attributo «markdown» di <pre> nel testo"),
    ('Testo <span markdown="1">**x**</span>.', "«markdown» di <span>"),
    ('<div>\n<p markdown="1">Il **programma**.</p>\n</div>', "«markdown» di <p>"),
    ('> <div markdown="1">Il **programma**.</div>', "«markdown» di <div>"),
    ('<div markdown="1">\nTesto <span markdown="1">x</span>.\n</div>', "«markdown» di <span>"),
    # an <img> without its description or its file, Pelican's marker outside an address
    ('<img src="{static}/immagini/2025/cortile.jpg">',
     "l'immagine «{static}/immagini/2025/cortile.jpg» nel testo non ha la descrizione"),
    ('<figure>\n<img src="{static}/immagini/2025/cortile.jpg" alt=" ">\n</figure>',
     "non ha la descrizione"),
    ('<img src="" alt="Il cortile">', "non ha il file (src)"),
    ('Il cortile. <!-- ![Il cortile]({static}/immagini/2025/cortile.jpg) -->',
     "«{static}» è in un commento"),
    # <!--> and <!--->: an empty comment to a browser, the rest on the page
    ('Testo <!--><script>alert(1)</script>--> fine.',
     "«<!-->» nel testo chiude subito il commento"),
    ('Testo.\n\n<!---><b>nota</b>-->', "«<!--->» nel testo chiude subito il commento"),
    ('Il <a title="{static}/immagini/2025/cortile.jpg" href="https://example.org/">sito</a>.',
     "«{static}» è nell'attributo «title» di <a>"),
    # the code of a whole web page or e-mail pasted: its declaration, an instruction
    ('<!DOCTYPE html>\n<p>Testo.</p>', "«<!DOCTYPE html>» nel testo è una dichiarazione"),
    ('Testo.\n<?xml version="1.0"?>', "«<?xml version=\"1.0\"?>» nel testo è un'istruzione"),
    ('Testo.\n\n<![CDATA[ x ]]>', "«<![CDATA[ x ]]>» nel testo è una dichiarazione"),
    # a backslash before "<" escapes nothing for Python-Markdown (CommonMark's escape)
    ('Il \\<span style="color:red">rosso</span>.', "«style» di <span>"),
    # what the build accepts: the allowlist's attributes, markdown="1" where it is taken
    # away, HTML in code and comments
    ('<abbr title="Agenzia di Tutela della Salute">ATS</abbr>, <span lang="en" class="x"'
     ' id="y" dir="ltr">Civic Center</span>, <a href="/contatti/" rel="nofollow"'
     ' hreflang="it" aria-label="I contatti">contatti</a>.', None),
    ('<table>\n<tr><th scope="col" align="right">Ore</th></tr>\n<tr><td align="right"'
     ' colspan="1">9</td></tr>\n</table>\n\n<ol start="3" reversed>\n<li value="3">Tre'
     '</li>\n</ol>', None),
    ('<figure>\n<img src="{static}/immagini/2025/cortile.jpg" alt="Il cortile">\n'
     '<figcaption>Il cortile</figcaption>\n</figure>', None),
    ('<div markdown="1">\nIl **programma**.\n</div>\n\n<p markdown="1">Il **bando**.</p>'
     '\n\n<hr markdown="1">\n\n<div markdown="1">\n<pre markdown="1">x</pre>\n\n'
     '<div markdown="0">\nTesto.\n</div>\n</div>', None),
    ('<details markdown="1">\n<summary markdown="1">Orari</summary>\n\nDalle 9.\n</details>',
     None),
    ("Scrivete `<!DOCTYPE html>` o `<?php ?>`:\n\n```\n<?php echo 1; ?>\n<!DOCTYPE html>\n```"
     "\n\n> <!DOCTYPE html>\n\nUn testo <!DOCTYPE html> e <!-- <?php ?> -->.", None),
    ("Una nota <!----> vuota e una <!-- -> nota -->, e in codice `<!-->`.", None),
    ('Scrivete `<a href="https://example.org/" target="_blank">` o:\n\n```\n<p style="x">'
     '\n<iframe src="https://example.org/"></iframe>\n```\n\nFine. <!-- <p style="x"> -->',
     None),
]


def test_admin_js_refuses_the_html_the_build_refuses(build):
    """A text pasted from a web page, or a video's or a map's embed code, brings HTML the
    build refuses: an attribute outside the allowlist (style, target, frameborder,
    data-…), an event handler, an <iframe> from a site the settings do not allow, an
    <img> without alt or src, {static} in a comment or a title, markdown="1" where
    Python-Markdown leaves it (<pre markdown="1">). The web editor saved each with "Voce
    salvata", and the publication stopped. admin.js refuses exactly the texts the build
    refuses (as it saves them: a "<" written as &lt; is no tag), naming what to remove."""
    files = {"immagini/2025/cortile.jpg": image("JPEG")}
    for (body, expected), said in zip(HTML_CASES, built_and_saved(build, HTML_CASES, files)):
        if expected is None:
            assert said == "saved", (body, said)
        else:
            assert expected in said and "non verrebbe pubblicato" in said, (body, said)
            assert "Error" not in said


# (text, what admin.js's refusal says, or None when the build and admin.js accept it)
ELSEWHERE_CASES = [
    ("![Il cortile](https://example.org/cortile.jpg)",
     "l'immagine «https://example.org/cortile.jpg» nel testo viene da un altro sito"
     " (example.org)"),
    ("![Il cortile](//example.org/cortile.jpg)", "viene da un altro sito (example.org)"),
    ("![Il cortile](///example.org/cortile.jpg)", "viene da un altro sito (example.org)"),
    ('<img src="HTTPS://Example.org/cortile.jpg" alt="Il cortile">',
     "viene da un altro sito (example.org)"),
    # a picture pasted into the text
    ("![Il cortile](data:image/png;base64,iVBORw0KGgo=)",
     "è scritta dentro il testo (un'immagine incollata?): le immagini si pubblicano come file"),
    # a link to a picture on another site, a picture of the site
    ("Il [cortile](https://example.org/cortile.jpg) e ![Il cortile]"
     "({static}/immagini/2025/cortile.jpg)", None),
]


# (text, what admin.js's refusal says, or None when the build and admin.js accept it): a
# comment closed with "--!>", which ends it for a browser and for Python-Markdown (which
# writes "-->" there): what follows is on the page, and the build checks it
BANG_COMMENT_CASES = [
    ('Testo <!-- nota --!> e <span style="color:red">rosso</span> -->.', "«style» di <span>"),
    ("<!-- nota\nsu due righe --!> e il [programma](programma).",
     "il link «programma» nel testo ha un indirizzo relativo"),
    ("<!-- nota --!>\n\n![Il cortile](cortile.jpg)", "l'immagine «cortile.jpg» nel testo"),
    ("Una nota <!-- {static}/immagini/x.jpg --!> chiusa.", "«{static}» è in un commento"),
    ("Testo <!-- nota --!> e il seguito.", None),
    ("Testo <!-- nota --> e un --!> fuori.", None),
    ("<!-- una nota con [programma](programma) e <b style=\"x\">x</b> -->", None),
]


def test_admin_js_ends_a_comment_at_a_bang_close_as_the_build_does(build):
    """<!-- nota --!> is a comment closed (wrongly, but closed) to a browser and to the
    build (Python-Markdown ends it there, html.parser reads what follows): a relative
    link or a style after it stopped the build, but admin.js read on to the next "-->" and
    saved the text. It ends the comment there too; nothing after it is hidden from it."""
    for (body, expected), said in zip(BANG_COMMENT_CASES,
                                      built_and_saved(build, BANG_COMMENT_CASES)):
        assert said == "saved" if expected is None else expected in said, (body, said)


def nested(count, close=True):
    """``count`` <div> one inside another, each on a line, closed or not."""
    return "".join(f'<div class="livello-{level}">\n' for level in range(count)) + \
        "Testo.\n" + ("</div>\n" * count if close else "")


def left_open(count, alike=False):
    """``count`` blocks each leaving a <b> open (all alike, or each with its own class)."""
    return "<div>\n" + "".join(
        f'<p><b class="{"nota" if alike else f"nota-{number}"}">Nota {number}</p>\n'
        for number in range(count)) + "</div>\n"


# (text, the build's message that admin.js's refusal gives, or None when both accept it)
NESTING_CASES = [
    (nested(150), nesting.TOO_DEEP), (nested(150, close=False), nesting.TOO_DEEP),
    (nested(90), None), (nested(90, close=False), None),
    (left_open(25), nesting.LEFT_OPEN), (left_open(15), None),
    (left_open(25, alike=True), None),  # opened again three times at most: cheap
    ("Il **programma** e *la festa*. " * 200, None),
]


def test_admin_js_refuses_html_nesting_too_deep_as_the_build_does(build):
    """HTML nesting more than 100 elements deep, or leaving more than 20 inline elements
    open (plugins/contract/nesting.py: the sanitizer would take minutes), stops the build;
    the web editor saved it. admin.js follows the text's own tags by the build's own rule
    and words (the page's data-nesting) and refuses these texts as the build does (the
    nesting Markdown makes, quotes 102 deep or a <b> across paragraphs, and tags
    Python-Markdown escapes, in a link's title, are left to the build)."""
    found = built_and_saved(build, NESTING_CASES)
    for (body, expected), said in zip(NESTING_CASES, found):
        if expected is None:
            assert said == "saved", (body[:80], said)
        else:
            assert said.startswith(expected.split(" / ")[0]), (body[:80], said)
            assert "il sito non verrebbe pubblicato" in said
    summary = saves([["Testo.", left_open(25)]])[0]
    assert summary.startswith(nesting.LEFT_OPEN.split(" / ")[0].replace(
        "del testo", "del sommario")), summary


def test_admin_js_refuses_an_image_from_another_site_as_the_build_does(build):
    """An image of the text from another site (![foto](https://…), <img src="//…">) or
    written into it (data:…, a picture pasted) stops the build (the site loads nothing
    from other addresses), but the web editor saved it; a data: image was refused as a
    link whose scheme the site does not allow. admin.js refuses each, saying how to
    insert the picture."""
    files = {"immagini/2025/cortile.jpg": image("JPEG")}
    for (body, expected), said in zip(ELSEWHERE_CASES,
                                      built_and_saved(build, ELSEWHERE_CASES, files)):
        if expected is None:
            assert said == "saved", (body, said)
        else:
            assert expected in said and "«Immagine», «Scegli un'immagine»" in said, (body, said)


EMPTY_LINK_CASES = [
    ("Vedi [](https://example.org/).",
     "il link «https://example.org/» nel testo non ha testo"),
    ("Vedi [ ](#programma).", "il link «#programma» nel testo non ha testo"),
    ('Vedi <a href="https://example.org/"></a>.', "non ha testo"),
    ('<div>\n<a href="/contatti/"> </a>\n</div>', "il link «/contatti/» nel testo non ha"),
    # named by its picture's description, or for screen readers
    ("[![Il cortile]({static}/immagini/2025/cortile.jpg)](https://example.org/)", None),
    ('Il <a href="https://example.org/" aria-label="Il sito"></a>.', None),
    # a character escaped by a backslash is text: "!", "[", "]", "`", "*" (admin.js read
    # those it writes as two spaces, "!" "[" "]" "`", as nothing, and refused the save)
    ("Vedi [\\*](https://example.org/a).", None), ("Vedi [\\!](https://example.org/b).", None),
    ("Vedi [\\[](https://example.org/c).", None), ("Vedi [\\]](https://example.org/d).", None),
    ("Vedi [\\`](https://example.org/e).", None), ("Vedi [ \\! ](https://example.org/f).", None),
    ("Vedi [\\!][x].\n\n[x]: https://example.org/g", None),
    ("![\\!]({static}/immagini/2025/cortile.jpg)", None),
]


def test_admin_js_refuses_a_link_without_text_as_the_build_does(build):
    """A link without text ([](…), <a href="…"></a>: nothing to see or to click, a screen
    reader reads its address) stops the build, but the web editor saved it. admin.js
    refuses it, naming its address; a link named by its image or by aria-label is saved,
    and so is one whose text is an escaped character ("[\\!](…)": "!" on the page), which
    admin.js refused as a link without text."""
    files = {"immagini/2025/cortile.jpg": image("JPEG")}
    for (body, expected), said in zip(EMPTY_LINK_CASES,
                                      built_and_saved(build, EMPTY_LINK_CASES, files)):
        if expected is None:
            assert said == "saved", (body, said)
        else:
            assert expected in said and "[testo](…)" in said, (body, said)


def test_admin_js_names_an_address_with_an_escaped_character_as_the_build_does(build):
    """A character escaped in a Markdown link's address is that character on the page
    ("programma\\!" is "programma!"), in a tag's attribute the two as typed: the build
    names each so, and so does admin.js (it named both "programma", the escape read as two
    spaces)."""
    cases = [("Leggi il [programma](programma\\!).", "programma!"),
             ('Leggi il <a href="programma\\!">programma</a>.', "programma\\!")]
    built, said = build_and_save(build, cases)
    for number, ((body, address), answer) in enumerate(zip(cases, said)):
        assert f"ERROR notizie/caso-{number}.md" in built and f"«{address}» è relativo" in built
        assert answer.startswith(f"il link «{address}» nel testo ha un indirizzo relativo"), \
            (body, answer)


def test_admin_js_refuses_a_summary_topic_or_author_the_build_refuses(build):
    """The summary's HTML is checked as the text's, and a topic or an author made only of
    symbols or emoji gives no address: the build stops on each, and admin.js refuses
    each, saying where; a topic with letters is saved."""
    cases = [("Testo.", 'Il <span style="color:red">sommario</span>.', {},
              "l'attributo «style» di <span> nel sommario"),
             ("Testo.", "Il [](https://example.org/) sommario.", {},
              "il link «https://example.org/» nel sommario non ha testo"),
             ("Testo.", None, {"tags": ["Crema", "🎉"]}, "dall'argomento «🎉»"),
             ("Testo.", None, {"author": "🎉🎉"}, "dall'autore «🎉🎉»"),
             ("Testo.", "Il sommario.", {"tags": ["Crema", "Civic Center 🎉"],
                                         "author": "Redazione"}, None)]
    files = {}
    for number, (body, summary, fields, _) in enumerate(cases):
        keys = {key: json.dumps(value, ensure_ascii=False) for key, value in fields.items()}
        if summary:
            keys["summary"] = json.dumps(summary)
        files[f"notizie/caso-{number}.md"] = article(title=f"Caso {number}", body=body, **keys)
    built = build(files).messages()
    refused = [bool(re.search(rf"ERROR notizie/caso-{number}\.md", built))
               for number in range(len(cases))]
    assert refused == [expected is not None for *_, expected in cases], built
    found = saves([[body, summary, fields] for body, summary, fields, _ in cases])
    for (*_, expected), said in zip(cases, found):
        assert said == "saved" if expected is None else expected in said, said


def test_admin_js_refuses_a_date_whose_year_the_build_refuses(build):
    """The form's date input takes the year as typed: "25" is the year 0025, a digit too
    many 20255. Decap saved it, and the build stopped ("non è una data valida", years
    1900-2999). admin.js refuses it, naming the date; the years the build accepts are
    saved."""
    dates = {"0025-03-15 10:30": True, "20255-03-15 10:30": True, "1899-12-31 23:00": True,
             "1900-01-01 10:00": False, "2999-12-31 10:00": False, "2025-03-15": False}
    files = {f"notizie/caso-{number}.md": article(title=f"Caso {number}", date=when)
             for number, when in enumerate(dates)}
    built = build(files).messages()
    assert [bool(re.search(rf"ERROR notizie/caso-{number}\.md:\d+: `date` non è una data"
                           r" valida", built)) for number in range(len(dates))] == \
        list(dates.values()), built
    said = saves([["Testo.", None, {"date": when}] for when in dates])
    for (when, refused), answer in zip(dates.items(), said):
        if refused:
            assert f"la data di pubblicazione («{when}») ha l'anno" in answer, answer
        else:
            assert answer == "saved", (when, answer)


# (an old address typed in "Indirizzi precedenti", what admin.js's refusal says or None)
OLD_ADDRESS_CASES = [
    ("/notizie/123-presentazione.html", None),
    ("https://www.vecchiosito.it/notizie/124.html", None),
    ("/notizie/125/", None),
    ("/index.php?id=126", "contiene una richiesta (`?…`)"),
    ("notizie/127.html", "deve cominciare con `/`"),
    ("/notizie/128.aspx", "finisce con .aspx"),
    ("/notizie/129.html#commenti", "contiene `#`"),
    ("/archivio/2019/", "è dentro /archivio, che il sito usa per i suoi file"),
    ("/", "è la home page del sito"),
    ("ftp://www.vecchiosito.it/notizie/130.html", "non è un indirizzo di una pagina web"),
]


def test_admin_js_refuses_an_old_address_the_build_refuses(build, tmp_path):
    """An old address typed in "Indirizzi precedenti" (a news item moved from the old
    site) that the build refuses (an old CMS's /index.php?id=…, no "/" first, .aspx, a #,
    a folder of the site's own) was saved, and the build stopped. admin.js refuses it as
    plugins/redirects/paths.py does, with the page's key and the site's folders; the
    addresses the build accepts are saved."""
    accepted = [address for address, expected in OLD_ADDRESS_CASES if expected is None]
    good = build_site(tmp_path / "pagina", {"notizie/vecchia.md": article(
        title="Vecchia", indirizzi_precedenti=accepted)})
    assert good.ok, good.log
    script = good.soup("/admin/").find_all("script")[1]
    page = {**PAGE, "data-old-addresses": script["data-old-addresses"],
            "data-site-folders": script["data-site-folders"]}
    assert page["data-old-addresses"] == "indirizzi_precedenti"
    assert {"archivio", "categorie", "admin", "immagini"} <= set(
        page["data-site-folders"].split())
    files = {f"notizie/caso-{number}.md": article(title=f"Caso {number}",
                                                  indirizzi_precedenti=[address])
             for number, (address, _) in enumerate(OLD_ADDRESS_CASES)}
    built = build(files).messages()
    assert [bool(re.search(rf"ERROR notizie/caso-{number}\.md", built))
            for number in range(len(OLD_ADDRESS_CASES))] == \
        [expected is not None for _, expected in OLD_ADDRESS_CASES], built
    said = saves([["Testo.", None, {"indirizzi_precedenti": [address]}]
                  for address, _ in OLD_ADDRESS_CASES], page)
    for (address, expected), answer in zip(OLD_ADDRESS_CASES, said):
        if expected is None:
            assert answer == "saved", (address, answer)
        else:
            assert answer.startswith(f"l'indirizzo precedente «{address}» {expected}"), answer


def test_admin_js_refuses_a_video_from_a_host_the_site_does_not_allow(build):
    """With videos of one host allowed (CONTRACT_IFRAME_HOSTS), the page gives admin.js
    that host, and it refuses an <iframe> from another one (or over http) as the build
    does, naming the host allowed, and one from that host without a title; one from that
    host with its title is saved."""
    settings = 'CONTRACT_IFRAME_HOSTS = ["www.youtube-nocookie.com"]'
    allowed = ('<iframe src="https://www.youtube-nocookie.com/embed/abc" title="La festa"'
               ' width="560" height="315" allowfullscreen></iframe>')
    built = build({"notizie/video.md": article(title="Video", body=allowed)}, settings)
    assert built.ok, built.log
    script = built.soup("/admin/").find_all("script")[1]
    assert script["data-iframe-hosts"] == "www.youtube-nocookie.com"
    page = {**PAGE, "data-iframe-hosts": script["data-iframe-hosts"]}
    cases = [(allowed, None),
             (allowed.replace("-nocookie", ""), "viene da www.youtube.com: sono ammessi solo"
              " video da www.youtube-nocookie.com"),
             (allowed.replace("https:", "http:"), "viene da www.youtube-nocookie.com"),
             # a video of the host allowed without a title (body.py: a frame screen
             # readers cannot name), or with spaces for one: the build stops on it
             (allowed.replace(' title="La festa"', ""), "non ha un titolo (title=\"…\")"),
             (allowed.replace('"La festa"', '"  "'), "non ha un titolo (title=\"…\")")]
    for (body, expected), said in zip(cases, built_and_saved(build, cases, (), settings,
                                                              page)):
        assert said == "saved" if expected is None else expected in said, (body, said)



def test_admin_js_refuses_a_video_asking_too_much_as_the_build_does(build):
    """An allowed video whose allow="…" asks the reader's browser for more than a player
    needs (camera, geolocation, browsing-topics…), or whose referrerpolicy sends its site
    the page's whole address, stops the build (plugins/contract/body.py); the web editor
    saved it. admin.js refuses it as the build does, from the build's own lists (the
    page's data- attributes), naming what to remove; YouTube's embed code is saved."""
    settings = 'CONTRACT_IFRAME_HOSTS = ["www.youtube-nocookie.com"]'
    youtube = ('<iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/x"'
               ' title="La festa" allow="accelerometer; autoplay; clipboard-write;'
               ' encrypted-media; gyroscope; picture-in-picture; web-share"'
               ' referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>')
    built = build({"notizie/video.md": article(title="Video", body=youtube)}, settings)
    assert built.ok, built.log
    script = built.soup("/admin/").find_all("script")[1]
    page = {**PAGE, **{name: script[name] for name in (
        "data-iframe-hosts", "data-iframe-features", "data-leaking-referrer-policies")}}
    assert page["data-leaking-referrer-policies"] == "no-referrer-when-downgrade unsafe-url"
    cases = [(youtube, None),
             (youtube.replace("autoplay;", "autoplay; camera 'self'; Geolocation;"),
              "permessi che a un video non servono («camera», «geolocation»)"),
             (youtube.replace("web-share", "web-share; browsing-topics"), "«browsing-topics»"),
             (youtube.replace("strict-origin-when-cross-origin", "unsafe-url"),
              'ha referrerpolicy="unsafe-url": il sito del video riceverebbe l\'indirizzo'
              " intero della pagina"),
             # a name given twice (a browser reads the first) and a feature twice: the
             # build checks every one, the editor named the last, or the feature twice
             (youtube.replace(' allow="', ' allow="camera; camera" allow="'), "(«camera»)"),
             (youtube.replace(' referrerpolicy="', ' referrerpolicy="unsafe-url"'
                              ' referrerpolicy="'), 'ha referrerpolicy="unsafe-url"'),
             # a frame with no address yet: its allow is checked all the same
             ('<iframe title="La festa" allow="camera"></iframe>', "(«camera»)")]
    for (body, expected), said in zip(cases, built_and_saved(build, cases, (), settings,
                                                              page)):
        if expected is None:
            assert said == "saved", (body, said)
        else:
            assert expected in said and "non verrebbe pubblicato" in said, (body, said)

def test_blank_is_what_unicode_says_nobody_sees():
    """The characters a blank text is made of (plugins/core/text.py's BLANK_RANGES, which
    the page gives admin.js) are Unicode's White_Space, the control characters, the
    Default_Ignorable_Code_Point ones and the noncharacters, as Node.js's own Unicode
    tables name them: not a list of what Python's split() or JavaScript's trim() take
    (each took some the other did not)."""
    program = """
const blank = new RegExp("[\\\\p{White_Space}\\\\p{Cc}\\\\p{Default_Ignorable_Code_Point}"
  + "\\\\p{Noncharacter_Code_Point}]", "u");
const ranges = [];
for (let code = 0; code <= 0x110000; code += 1) {
  const last = ranges[ranges.length - 1];
  if (code <= 0x10ffff && blank.test(String.fromCodePoint(code))) {
    if (last && last[1] === code - 1) last[1] = code; else ranges.push([code, code]);
  }
}
console.log(JSON.stringify(ranges));
"""
    found = json.loads(subprocess.run(["node", "-e", program], capture_output=True, text=True,
                                      check=True).stdout)
    merged = []
    for first, last in sorted(BLANK_RANGES):
        if merged and merged[-1][1] == first - 1:
            merged[-1][1] = last
        else:
            merged.append([first, last])
    assert found == merged
    assert all(blank(chr(code)) for code in range(sys.maxunicode + 1) if chr(code).isspace())
    assert not blank("\ufffd") and not blank("a") and blank("")


# A video's frame whose title is made only of what nobody sees, each character of
# BLANK_RANGES (blank_codes()) written in the file and as a character reference, and the references
# that make only such characters (&nbsp;, &ZeroWidthSpace;): the build refuses each (a
# frame screen readers cannot name), and so must the web editor. JavaScript's trim()
# took U+FEFF and not U+001C-001F, Python's split() the other way round.
# the numbers of U+0080-009F a browser (and html.unescape) reads as Windows-1252's
# characters: &#x80; is "€"
WINDOWS_1252 = [code for code in range(0x80, 0xA0) if bytes([code]).decode("cp1252", "ignore")]


def blank_codes():
    """The code points of BLANK_RANGES, each range whole but the 4096 tag characters of
    U+E0000-E0FFF, alike to both sides (test_blank_is_what_unicode_says_nobody_sees checks
    the set itself), of which the ends and every 61st: a tenth of the checks' time."""
    for first, last in BLANK_RANGES:
        step = 61 if last - first > 256 else 1
        yield from sorted({*range(first, last + 1, step), last})


BLANK_TITLES = [
    *(chr(code) for code in blank_codes()
      if chr(code) not in "\n\r"),  # a new line in the tag: not a title
    *(f"&#x{code:x};" for code in blank_codes()
      if code and code not in WINDOWS_1252),  # &#0; is U+FFFD
    *(f"&{name}" for name, value in html5.items() if blank(value)),
    " \ufeff&nbsp;\u200b&#28;&nbsp&#x1c", "&Tab;&NewLine;&#9;",
]
# and titles with something to read, or a sign a browser shows (U+FFFD, €): saved
NAMED_TITLES = [*(f"&#x{code:x};" for code in WINDOWS_1252), "La festa", "&#0;", "&#150;",
                "&#xfffd;", "\ufffd", "&#xd800;",
                "&#x110000;", "&nbspx", "&amp;nbsp;", "&ZeroWidthSpace", "\ufeffLa festa",
                "&zwnj;a", "&#x2800;", "\u3164a"]
VIDEO = '<iframe title="{}" src="https://www.youtube-nocookie.com/embed/v{}"></iframe>'


def test_admin_js_judges_a_videos_title_blank_as_the_build_does(build, tmp_path):
    """Every title of BLANK_TITLES is refused by the build's check (plugins/contract/
    body.py, the same function the build runs) and by admin.js; every one of NAMED_TITLES
    is accepted by both. A few of each through a real build too."""
    settings = "CONTRACT_IFRAME_HOSTS = ['www.youtube-nocookie.com']\n"
    titles = BLANK_TITLES + NAMED_TITLES
    assert len(BLANK_TITLES) > 500
    content = tmp_path / "check" / "content"  # the build's is tmp_path's own
    files, placed = {}, {}
    for start in range(0, len(titles), 40):  # the check lists 50 problems of a file
        name = f"notizie/titoli-{start}.md"
        text = article(title=f"Titoli {start}", body="\n\n".join(
            VIDEO.format(title, number) for number, title in
            enumerate(titles[start:start + 40], start)))
        files[name] = text
        lines = text.split("\n")
        for number in range(start, min(start + 40, len(titles))):
            line = next(index for index, line in enumerate(lines, 1) if f"/v{number}\"" in line)
            placed[f"{name}:{line}"] = number
    write_content(content, files)
    loaded = project_settings(write_conf(tmp_path / "check", f"PATH = {str(content)!r}\n"
                                         + settings))
    markdown = make_markdown(loaded)
    refused = set()
    for name in files:
        for problem in check_file(content / name, name, loaded, markdown).errors:
            where = str(problem).split(": ", 1)[0]
            assert "video senza titolo" in str(problem) and where in placed, str(problem)
            refused.add(placed[where])
    assert [(titles[number], number in refused) for number in range(len(titles))
            if (number in refused) != (number < len(BLANK_TITLES))] == [], "the build's check"
    page = {**PAGE, "data-iframe-hosts": "www.youtube-nocookie.com"}
    said = saves([[VIDEO.format(title, number), None] for number, title in enumerate(titles)],
                 page)
    wrong = [(titles[number], answer) for number, answer in enumerate(said)
             if (answer != "saved") != (number < len(BLANK_TITLES))]
    assert wrong == [], wrong[:20]
    assert all("non ha un titolo (title=\"…\")" in answer for answer in said
               if answer != "saved")
    # through a build: what each side took and the other did not, and some of each kind
    few = [" \x1c\x1f ", "&#xfeff;", "\u200b", "&nbsp;", "\U000e0020", "&#x80;", "La festa"]
    cases = [(VIDEO.format(title, number), None if title in NAMED_TITLES or title == "&#x80;"
              else "non ha un titolo") for number, title in enumerate(few)]
    for (body, expected), answer in zip(cases, built_and_saved(build, cases, (), settings,
                                                               page)):
        assert answer == "saved" if expected is None else expected in answer, (body, answer)


# An image's description and a link's text, each written in a way the build and the web
# editor read apart: {} the text (a character as typed, or its reference), {n} a number
# of the case's own (each case's address its own, none in another's: the build names it
# at its own line)
BLANK_TEXT_KINDS = [
    ("![{}](/f{n}.png)", "image"),
    ('<img src="/f{n}.png" alt="{}">', "image"),
    ("[{}](https://example.org/{n}/)", "link"),
    ('<a href="https://example.org/{n}/">{}</a>', "link"),
    ('<a href="https://example.org/{n}/" aria-label="{}"></a>', "link"),
]


def blank_text_cases():
    """``[(body, kind, blank)]``: each code of blank_codes() once, in turn in each of
    BLANK_TEXT_KINDS, typed or as its reference (typed: not a new line, nor STX or ETX;
    as a reference: not &#0; nor the numbers Windows-1252 reads otherwise); blank references by name (&nbsp;, and
    "&nbsp" in a tag's attribute, which html.unescape decodes); and texts with something
    to read, or which Python-Markdown writes as typed ("&nbsp" in Markdown is &amp;nbsp)."""
    cases = []
    for index, code in enumerate(blank_codes()):
        template, kind = BLANK_TEXT_KINDS[index % len(BLANK_TEXT_KINDS)]
        reference = (index // len(BLANK_TEXT_KINDS)) % 2 and code and code not in WINDOWS_1252
        # a new line ends the text; Python-Markdown's own markers (STX, ETX) typed are
        # its placeholders' ends, not text
        if chr(code) in "\n\r\x02\x03" or template.count("<") and chr(code) in '"<>&':
            reference = True
        text = f"&#x{code:x};" if reference else chr(code)
        cases.append((template.format(text, n=len(cases)), kind, True))
    named = [f"&{name}" for name, value in html5.items() if name.endswith(";") and blank(value)]
    for index, text in enumerate(named + ["&nbsp;\u200c&#x200b;", "\ufeff &#28;\u00ad"]):
        template, kind = BLANK_TEXT_KINDS[index % len(BLANK_TEXT_KINDS)]
        cases.append((template.format(text, n=len(cases)), kind, True))
    for template, kind in BLANK_TEXT_KINDS[1::3]:  # a tag's attribute: legacy references
        cases.append((template.format("&nbsp", n=len(cases)), kind, True))
    for index, text in enumerate(["La festa", "&#x2800;", "\u3164a", "&#0;", "&amp;nbsp;",
                                  "&zwnj;a", "&#xfffd;", "&#x80;", "\u200ba"] * 2):
        template, kind = BLANK_TEXT_KINDS[index % len(BLANK_TEXT_KINDS)]
        cases.append((template.format(text, n=len(cases)), kind, False))
    for template, kind in BLANK_TEXT_KINDS[0:4:2] + BLANK_TEXT_KINDS[3:4]:
        # in Markdown's text (a link's text in a tag too) "&nbsp" is those five letters
        cases.append((template.format("&nbsp", n=len(cases)), kind, False))
    return cases


def test_admin_js_judges_descriptions_and_link_texts_blank_as_the_build_does(build, tmp_path):
    """An image's description and a link's text (or its aria-label) made only of what
    nobody sees are none, to the build (plugins/contract: "immagine senza testo
    alternativo", "link senza testo", by core.text's blank) and to admin.js alike: the
    build took "\u200c", "\u3164" or "&#x200b;" (Python's strip() leaves them), admin.js
    "\u200b", "\u00ad" or U+001C (trim() and \\s leave them); both now judge by core.text's
    blank (the page's data-blank). The build's check and admin.js's save on every case, a
    few through a real build."""
    cases = blank_text_cases()
    assert 250 < len(cases) < 500
    content = tmp_path / "check" / "content"
    files, placed = {}, {}
    for start in range(0, len(cases), 40):  # the check lists 50 problems of a file
        name = f"notizie/testi-{start}.md"
        text = article(title=f"Testi {start}", body="\n\n".join(
            body for body, _, _ in cases[start:start + 40]))
        files[name] = text
        lines = text.split("\n")
        for number in range(start, min(start + 40, len(cases))):
            needle = f"/f{number}.png" if cases[number][1] == "image" \
                else f"example.org/{number}/"
            line = next(index for index, line in enumerate(lines, 1) if needle in line)
            placed[f"{name}:{line}"] = number
    write_content(content, files)
    loaded = project_settings(write_conf(tmp_path / "check", f"PATH = {str(content)!r}\n"))
    markdown = make_markdown(loaded)
    refused = set()
    for name in files:
        for problem in check_file(content / name, name, loaded, markdown).errors:
            where = str(problem).split(": ", 1)[0]
            assert where in placed, str(problem)
            words = ("immagine senza testo alternativo" if cases[placed[where]][1] == "image"
                     else "link senza testo")
            assert words in str(problem), str(problem)
            refused.add(placed[where])
    built_wrong = [(cases[number][0], blank_) for number, (_, _, blank_)
                   in enumerate(cases) if (number in refused) != blank_]
    assert built_wrong == [], built_wrong
    said = saves([[body, None] for body, _, _ in cases])
    wrong = [(body, answer) for (body, kind, blank_), answer in zip(cases, said)
             if (answer != "saved") != blank_
             or blank_ and ("descrizione" if kind == "image" else "non ha testo") not in answer]
    assert wrong == [], wrong[:20]
    # through a build: some of each kind, blank and not
    few = ["![\u200c](/a.png)", "[&#xfeff;](https://example.org/a)",
           '<img src="/b.png" alt="&nbsp">', "[\x1c](https://example.org/b)",
           '<a href="https://example.org/c" aria-label="\u200b"></a>',
           "![&nbsp](/c.png)", "[&#x2800;](https://example.org/d)"]
    cases = [(body, None if number >= 5 else "non ha") for number, body in enumerate(few)]
    for (body, expected), answer in zip(cases, built_and_saved(build, cases)):
        assert answer == "saved" if expected is None else expected in answer, (body, answer)


def test_admin_js_refuses_a_blank_title_as_the_build_does(build, tmp_path):
    """A title made only of what nobody sees (the characters of BLANK_RANGES, blank_codes(),
    as the file's YAML escapes it: "\U0000200B") is no title to the build ("manca il titolo":
    schema.py, by core.text's blank, as a video's title); Decap took "   " or a
    zero-width space for one and saved it, and the build stopped. admin.js refuses each;
    a title with something to read is saved."""
    blanks = [chr(code) for code in blank_codes()]
    named = ["La festa", "\u2800", "a\u200b", "\ufffd"]
    titles = blanks + named
    content = tmp_path / "check" / "content"
    files = {f"notizie/titolo-{number}.md": '---\ntitle: "{}"\ndate: 2024-05-05 10:00\n'
             "---\n\nTesto.\n".format("".join(f"\\U{ord(char):08X}" for char in title))
             for number, title in enumerate(titles)}
    write_content(content, files)
    loaded = project_settings(write_conf(tmp_path / "check", f"PATH = {str(content)!r}\n"))
    markdown = make_markdown(loaded)
    missing = [any("manca il titolo (`title`)" in str(problem) for problem in check_file(
        content / name, name, loaded, markdown).errors) for name in files]
    assert [repr(title) for title, refused in zip(titles, missing)
            if refused != (title in blanks)] == []
    said = saves([["Testo.", None, {"title": title}] for title in titles])
    wrong = [(title, answer) for title, answer in zip(titles, said)
             if answer.startswith("manca il titolo") != (title in blanks)]
    assert wrong == [], wrong[:10]
    # not blank, but "\u2800" and "\ufffd" give no address: refused for that, by both
    assert [answer == "saved" for answer in said[-len(named):]] \
        == [bool(title_slug(title, slug_substitutions())) for title in named] \
        == [True, False, True, False]
    # the build stops on them too
    few = {f"notizie/{name}.md": f'---\ntitle: "{title}"\ndate: 2024-05-05 10:00\n---\n\nTesto.\n'
           for name, title in [("spazi", "   "), ("invisibile", "\\u200b\\ufeff\\u00ad")]}
    built = build(few).messages()
    for name in few:
        assert f"ERROR {name}:2: manca il titolo (`title`)" in built, built


def test_admin_js_refuses_a_cover_without_description_as_the_build_does(tmp_path):
    """A cover image (``image``) whose description (``image_alt``) is made only of what
    nobody sees describes nothing: the build's "`image` senza `image_alt`" (schema.py, by
    core.text's blank; it took "\u200b" for a description) and admin.js's refusal (its
    trim() took "\u200b" and "\ufeff"), for a sample of blank characters; a description
    with something to read is saved."""
    blanks = [chr(code) for code in blank_codes() if chr(code) not in "\n\r"][::7]
    named = ["La sede", "\u3164a", "\u200bLa sede"]
    alts = blanks + named
    content = tmp_path / "check" / "content"
    year = 2024
    files = {f"notizie/copertina-{number}.md": '---\ntitle: "Copertina {}"\ndate: 2024-05-05'
             ' 10:00\nimage: immagini/{}/sede.png\nimage_alt: "{}"\n---\n\nTesto.\n'.format(
                 number, year, "".join(f"\\U{ord(char):08X}" for char in alt))
             for number, alt in enumerate(alts)}
    write_content(content, {**files, f"immagini/{year}/sede.png": image()})
    loaded = project_settings(write_conf(tmp_path / "check", f"PATH = {str(content)!r}\n"))
    markdown = make_markdown(loaded)
    refused = [any("`image` senza `image_alt`" in str(problem) for problem in check_file(
        content / name, name, loaded, markdown).errors) for name in files]
    assert [repr(alt) for alt, no in zip(alts, refused) if no != (alt in blanks)] == []
    said = saves([["Testo.", None, {"image": f"immagini/{year}/sede.png", "image_alt": alt}]
                  for alt in alts])
    wrong = [(alt, answer) for alt, answer in zip(alts, said)
             if answer.startswith("manca la descrizione dell'immagine di copertina")
             != (alt in blanks)]
    assert wrong == [], wrong[:10]
    assert said[-len(named):] == ["saved"] * len(named)


def test_admin_js_refuses_a_title_of_references_without_a_slug_as_the_build_does(build,
                                                                                 tmp_path):
    """A title of character references that stand for nothing to read ("&nbsp;",
    "&#x200b;", "&amp;"): the site's slugify reads the title as HTML (Markup's striptags
    decodes them) and makes no address of it, the build says "dal titolo non si ricava un
    indirizzo"; admin.js left any title with a reference to the build and saved it. Now
    it refuses those, in the build's words (an argomento's or an author's name of them
    too, as the build refuses it); a title with a reference and something to
    read is saved (its slug left to the build, as before). A reference to a character
    the script did not fold, "&#x2800;" (Braille's blank) or "&#0;" (U+FFFD), was left
    to the build, which refused it: the page now gives the script the characters of
    which the slug keeps nothing (data-letterless, from the build's unidecode)."""
    empty = [*(f"&#x{code:x};" for code in blank_codes()
               if code and code not in WINDOWS_1252 and code not in (0x17B4, 0x17B5)),
             *(f"&{name}" for name, value in html5.items() if blank(value)),
             "&amp;", "&lt;&gt;", "&nbsp;&amp;&#x200b;", "&#9;-&#10;", "\U0001f389&nbsp;",
             "&quot;&apos;", "&#x2800;", "&#0;", "&#xfffd;", "&#150;", "&#x2800;&nbsp;&#0;",
             "&#x1f389;", "&#x110000;", "&#xd800;", "° &#x2800;"]
    named = ["Festa &amp; musica", "&#x17b4;", "&#x80;", "&eacute;", "&nbspx", "La festa",
             "&deg;", "&#176;", "&#xff21;",
             "Pane & vino", "&nbsp;a"]
    titles = empty + named
    content = tmp_path / "check" / "content"
    files = {f"notizie/titolo-{number}.md": article(title=title)
             for number, title in enumerate(titles)}
    write_content(content, files)
    loaded = project_settings(write_conf(tmp_path / "check", f"PATH = {str(content)!r}\n"))
    markdown = make_markdown(loaded)
    words = "dal titolo non si ricava un indirizzo"
    refused = [any(words in str(problem) for problem in check_file(
        content / name, name, loaded, markdown).errors) for name in files]
    assert [title for title, no in zip(titles, refused) if no != (title in empty)] == []
    said = saves([["Testo.", None, {"title": title}] for title in titles])
    wrong = [(title, answer) for title, answer in zip(titles, said)
             if answer.startswith(words) != (title in empty)
             or title not in empty and answer != "saved"]
    assert wrong == [], wrong[:10]
    # an argomento's or an author's name too (field-rules.js asks the same siteSlug)
    names = {"notizie/nomi.md": '---\ntitle: Nomi\ndate: 2024-05-05 10:00\ntags: ["&amp;"]\n'
             '---\n\nTesto.\n', "notizie/autore.md": '---\ntitle: Autore\ndate: 2024-05-05'
             ' 10:00\nauthor: "&nbsp;"\n---\n\nTesto.\n'}
    write_content(content, names)
    for name, key in [("notizie/nomi.md", "tags"), ("notizie/autore.md", "author")]:
        assert any(f"in `{key}` non si ricava un indirizzo" in str(problem) for problem
                   in check_file(content / name, name, loaded, markdown).errors), name
    assert [answer.split(" non si ricava un indirizzo")[0] for answer in saves(
        [["Testo.", None, {"tags": ["&amp;"]}], ["Testo.", None, {"author": "&nbsp;"}]])] \
        == ["dall'argomento «&amp;»", "dall'autore «&nbsp;»"]
    # the build stops on them too
    few = {"notizie/spazio.md": article(title="&nbsp;"),
           "notizie/segni.md": article(title="&amp; &#x200b;"),
           "notizie/braille.md": article(title="&#x2800;"),
           "notizie/zero.md": article(title="&#0;")}
    built = build(few).messages()
    for name in few:
        assert f"ERROR {name}:2: {words}" in built, built


def letterless_cases():
    """Titles of one character, every 13th code point up to U+2FFFF (beyond U+1FFFF the
    script judges only the blank ones) and all of Latin-1, each typed and as a
    reference, and a few of several."""
    codes = sorted({*range(0, 0x30000, 13), *range(0x100), 0x2800, 0xFFFD, 0xB0, 0x17B4,
                    0x1F389, 0x1F170, 0xE0020, 0x10FFFF} - set(range(0xD800, 0xE000)))
    titles = [chr(code) for code in codes if chr(code) not in "\n\r"]
    titles += [f"&#x{code:x};" for code in codes if code not in WINDOWS_1252]
    return titles + ["\u2800 \ufffd", "— · —", "n° 3", "°°", "&#176;", "«…»",
                     "\U0001f389!", "&#x2800;\u2800a", "\uff01\uff1f", "\uff21"]


def test_the_kept_letterless_characters_are_those_the_builds_unidecode_gives():
    # the admin page reads them from plugins/italian/letterless.json (no build computes
    # them): an upgrade of Unidecode that changes them must fail here, not let the editor
    # judge titles by another slugify than the build's
    assert stored_letterless_ranges() == letterless_ranges(), (
        "plugins/italian/letterless.json is stale: write it again with "
        "plugins.italian.slugs.write_letterless_ranges()")


def test_admin_js_refuses_a_title_without_a_slug_as_the_build_does_whatever_its_characters():
    """A title of which the site's slug keeps nothing stops the build; admin.js refused
    only those it folds itself (ASCII, Latin-1 letters), and saved "\u2800", "\ufffd",
    "&#x2800;" or "&#0;". Now, for every title of letterless_cases(), admin.js refuses
    exactly those whose slug is empty to the build's own title_slug (up to U+1FFFF: past
    it, only those the build refuses: none it accepts), in the words of a title without
    an address or a blank one; the page gives it the build's letterless characters
    (a character of a Unicode newer than the build's, which the browser may make a
    letter, is left to the build as well)."""
    titles = letterless_cases()
    said = saves([["Testo.", None, {"title": title}] for title in titles])
    subs = slug_substitutions()
    refusals = ("dal titolo non si ricava un indirizzo", "manca il titolo")
    wrong = []
    for title, answer in zip(titles, said):
        empty = not title_slug(title, subs) or blank(title)
        refused = answer != "saved"
        # judged: what is read (its references decoded, normalised) up to U+1FFFF, and
        # known to this Python's Unicode (Node's may make a newer character a letter)
        read = html.unescape(title)
        judged = all(unicodedata.category(char) != "Cn" for char in read) and all(
            ord(char) < LETTERLESS_PLANES_END for char in unicodedata.normalize("NFKC", read))
        if refused and not (empty and answer.startswith(refusals)) \
                or judged and refused != empty:
            wrong.append((title, title_slug(title, subs), answer[:50]))
    assert wrong == [], wrong[:20]
    assert len(titles) > 30000 and sum(answer != "saved" for answer in said) > 5000


def test_admin_js_says_a_long_title_in_the_builds_own_words(site):
    """The hint under «Titolo» is the build's warning (schema.long_title), its Italian
    half as a sentence: the page gives admin.js the build's words (data-long-title, from
    LONG_TITLE_MESSAGE), which no script of the editor writes again. They were written
    twice, in string-widget.js beside schema.py, free to drift apart."""
    page = admin_page(site)
    assert page["data-long-title"] == LONG_TITLE_MESSAGE.split(" / ")[0]
    assert "verrebbe tagliato" not in admin_scripts_text()
    start = "Festa d'estate al Civic Center:  il programma  "
    titles = [(start * 4)[:length] + "." for length in (40, 109, 110, 111, 150)] + [
        "La festa \U0001f389 " * 12, "Il programma di giugno, luglio e agosto " * 3]
    program = page_js(page, ["longTitle", "titleLength"]) + """
const given = JSON.parse(require('fs').readFileSync(0, 'utf8'));
console.log(JSON.stringify(given.map((title) => titleLength(title) > given.limit
  ? longTitle(titleLength(title)) : null)));
"""
    said = node_admin_js(program.replace("given.limit", page["data-title-length"]), titles)
    for title, hint in zip(titles, said):
        warning = long_title(title.strip())  # the title as the build reads it
        if warning is None:
            assert hint is None, (title, hint)
        else:
            italian = warning.split(" / ")[0]
            assert hint == italian[0].upper() + italian[1:] + ". Si può salvare lo stesso.", hint
    assert None in said and len([hint for hint in said if hint]) >= 3, said


def test_the_page_gives_the_script_the_bodys_attributes_and_video_hosts(site):
    """admin.js refuses an attribute the build refuses, and an <iframe>: the build's own
    allowlist of attributes (plugins/contract/allowlist.py) and video hosts (none here)."""
    script = site.soup("/admin/").find_all("script")[1]
    assert script["data-html-attributes"] == PAGE["data-html-attributes"]
    assert script["data-url-attributes"] == PAGE["data-url-attributes"] == "cite href src"
    assert {"a:href", "img:alt", "*:class", "iframe:src"} <= set(
        script["data-html-attributes"].split())
    assert script["data-iframe-hosts"] == ""
    assert script["data-static-folders"] == PAGE["data-static-folders"]
    assert {"archivio", "categorie", "admin", "immagini"} <= set(
        script["data-site-folders"].split())
    assert script["data-item-extensions"] == PAGE["data-item-extensions"]


def test_the_page_gives_the_script_the_builds_rules_and_words(site):
    """What a blank title is made of, what a slug keeps nothing of, a file of the editor's
    computer, how deep a text's HTML may nest, the long title's words: admin.js judges by
    the build's own (the tests above give it PAGE), none written again in JavaScript."""
    page = admin_page(site)
    for name in ("data-blank", "data-blank-references", "data-letterless",
                 "data-spelled-symbols", "data-local-path", "data-local-path-words",
                 "data-disguised-words", "data-disguised-remedy", "data-nesting"):
        assert page[name] == PAGE[name], name
    assert json.loads(page["data-nesting"])["maxDepth"] == nesting.MAX_DEPTH
    script = admin_scripts_text()
    for words in (LOCAL_PATH_WORDS, nesting.TOO_DEEP.split(" / ")[0][:40], "consigliati al",
                  "barre rovesciate", "un file di questo sito scrivi"):
        assert words not in script, words


def test_admin_js_saves_a_date_at_midnight_as_the_day_alone():
    """The form's date input always has a time, and the site shows a time written, even
    00:00 ("ore 00:00"): an item dated by its day (``date: 2025-03-14``) whose date was
    changed in the editor was saved as "2025-03-15 00:00". A date of the form at exactly
    00:00 is saved as the day alone; any other time, and any other form, as written."""
    dates = {"2025-03-15 00:00": "2025-03-15", "2025-03-15T00:00": "2025-03-15",
             "2025-03-14": "2025-03-14", "2025-03-15 00:01": "2025-03-15 00:01",
             "2025-03-15 12:00": "2025-03-15 12:00",
             "2025-03-15T00:00:00+02:00": "2025-03-15T00:00:00+02:00"}
    program = SAVE_SETUP_JS + """
const dates = JSON.parse(fs.readFileSync(0, "utf8"));
Promise.all(dates.map((date) => handler({entry: new Data({collection: "notizie", path: "",
  mediaFiles: [], data: new Data({title: "Incontro a Soncino", date, body: "Testo."})})})
  .then((saved) => saved.get("date")))).then((found) => console.log(JSON.stringify(found)));
"""
    assert dict(zip(dates, node_admin_js(program, list(dates)))) == dates


def test_admin_js_shows_a_written_less_than_as_the_typed_one():
    """admin.js writes a typed "<entro il 5 maggio>" as "&lt;entro il 5 maggio>", and
    Decap shows an entity as written: the editor who opened the item again read "&lt;"
    in the text, the summary and the preview. The form is given the "<" again (the
    preview "\\<", which its Markdown shows as "<"), and a save writes the same text;
    a "&lt;" the save would not write back (by hand, in code) is shown as written."""
    typed = ["Iscrizioni <entro il 5 maggio>, per bambini < 6 anni e a<b.",
             "* Uno\n\n  * Due\n\n    * Tre <entro il 6>\n\n    codice?\n\nFine </fine>.\n",
             "`<em>` e <abbr>SS</abbr> <https://example.org> <nome@example.org> <x y='1'>\n",
             "```\n<entro> nel codice\n```\n\n    <rientrato>\n\nDopo <entro il 7>\n"]
    # written by hand, or in code: shown as written; each "&lt;" on its own
    written = {"Scrivete `&lt;b>` per il grassetto, o &lt;b&gt;, o &lt;em> a mano.": None,
               "```\n&lt;entro> nel codice\n```\n": None, "    &lt;rientrato> codice\n": None,
               "Niente da fare.": None,
               "Mescolati: &lt;entro il 5> e &lt;em> a mano.\n":
                   "Mescolati: <entro il 5> e &lt;em> a mano.\n"}
    program = (less_than_code()
               + "\nconst given = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
               "\nconsole.log(JSON.stringify({"
               "typed: given.typed.map((text) => [typedLessThan(text),"
               " shownLessThan(typedLessThan(text)),"
               " shownLessThan(typedLessThan(text), '\\\\<')]),"
               " written: given.written.map((text) => shownLessThan(text))}));")
    done = subprocess.run(["node", "-e", program, *SCRIPT_ARGS],
                          input=json.dumps({"typed": typed, "written": list(written)}),
                          capture_output=True, text=True, check=True)
    found = json.loads(done.stdout)
    for text, (saved, shown, previewed) in zip(typed, found["typed"]):
        assert "&lt;" in saved  # each of them has a "<" written as "&lt;"
        assert shown == text
        assert previewed == saved.replace("&lt;", "\\<")
    assert found["written"] == [shown or text for text, shown in written.items()]


def test_the_local_backend_without_node_says_what_to_install_in_italian_and_english(tmp_path):
    """``python tools/cms_server.py`` without Node.js said, in English only, that
    decap-server was not installed and to run ``npm ci``, which needs the Node.js that
    was missing. It says to install Node.js, in Italian and English, and fails."""
    bare = tmp_path / "bin"  # a PATH without node, npm or apt-get
    bare.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    task = subprocess.run([sys.executable, str(ROOT / "tools" / "cms_server.py"), "--repo",
                           str(tmp_path)], env=dict(env, PATH=str(bare)), capture_output=True,
                          text=True, timeout=60, check=False)
    assert task.returncode == 1, task
    assert "Editor web non avviato / web editor backend not started" in task.stderr
    assert "Node.js (con npm) non è installato" in task.stderr
    assert "https://nodejs.org" in task.stderr and "sudo apt-get install nodejs npm" in task.stderr
    assert "npm ci" not in task.stderr and "Traceback" not in task.stderr


def test_the_local_backend_not_installed_is_said_in_italian_and_english(tmp_path, monkeypatch):
    """decap-server missing from node_modules (``npm ci`` not run): the reason was English
    only; Italian first, then English, like the editor's other messages."""
    from tools import cms_server  # noqa: PLC0415

    if not shutil.which("node"):
        pytest.skip("node not installed")
    monkeypatch.setattr(cms_server, "SERVER", tmp_path / "node_modules" / "decap-server"
                        / "dist" / "index.js")
    with pytest.raises(cms_server.NotStarted) as why:
        cms_server.CmsServer(tmp_path, 0).start()
    assert str(why.value) == ("decap-server non è installato: esegui `npm ci` (lo fa ./run)"
                              " / decap-server is not installed: run `npm ci` (./run does it)")


def test_the_local_backend_s_port_taken_is_said_in_italian_and_english(tmp_path):
    from tools import cms_server  # noqa: PLC0415

    if not (shutil.which("node") and cms_server.SERVER.is_file()):
        pytest.skip("decap-server not installed")
    with socket.socket() as taken:
        taken.bind((cms_server.HOST, 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(cms_server.NotStarted) as why:
            cms_server.CmsServer(tmp_path, port).start()
    # the program holding it named (this process), not guessed
    assert str(why.value).startswith(f"la porta {port} è già in uso: la tiene il programma «")
    assert f"(processo {os.getpid()}) / port {port} is taken, by the program " in str(why.value)


# (text, summary, the relative address the build names or None): each the text of an item
RELATIVE_CASES = [
    ("Leggi il [programma](programma).", None, "programma"),
    ("Vedi [qui](altro-articolo.html \"L'altro articolo\").", None, "altro-articolo.html"),
    ("Il cortile:\n\n![Il cortile](foto.jpg)", None, "foto.jpg"),
    ("La [festa](../festa/) di ieri.", None, "../festa/"),
    ("![Il cortile]({Static}/immagini/2025/cortile.jpg)", None,
     "{Static}/immagini/2025/cortile.jpg"),
    ("Il [bando](<bando.pdf>).", None, "bando.pdf"),
    ("Il [programma][p] completo.\n\n[p]: programma.html", None, "programma.html"),
    ('Il <a href="programma">programma</a>.', None, "programma"),
    ("<img src='foto.jpg' alt=\"Il cortile\">", None, "foto.jpg"),
    # an <img>'s own srcset is never published: one warning of the build, "remove it",
    # and none of its addresses a relative link (saying "write {static}/…" for it)
    ('<img src="{static}/immagini/2025/cortile.jpg" alt="Il cortile"'
     ' srcset="{static}/immagini/2025/cortile.jpg 1x, grande.jpg 2x,'
     ' /immagini/2025/cortile@2x.jpg 3x">', None, None),
    ("[![Il cortile]({static}/immagini/2025/cortile.jpg)](galleria)", None, "galleria"),
    ("* Uno\n\n  * Due\n\n    * [Tre](tre)", None, "tre"),  # a list's, not code
    ("Testo.", "Il [programma](programma) della festa.", "programma"),
    # every address that works on every page
    ("I [contatti](/contatti/), il [programma](#programma), la [pagina 2](?pagina=2), il"
     " [Comune](https://www.comune.crema.cr.it/), [scrivici](mailto:info@example.org),"
     " [chiamaci](tel:+390373123456), [ESEMPIO](HTTPS://EXAMPLE.ORG/).", None, None),
    ("L'[altra notizia]({filename}/notizie/festa.md), la [stessa](|filename|/notizie/festa.md),"
     " le notizie su [Crema]({tag}crema), le [notizie]({category}notizie), la"
     " [redazione]({author}redazione), la [prima pagina]({index}).", None, None),
    # the image as the web editor's image button writes it, with and without a title
    ("![Il cortile]({static}/immagini/2025/cortile.jpg)\n\n"
     "![Il cortile]({static}/immagini/2025/cortile.jpg \"Il cortile\")", None, None),
    ('<a href="/contatti/">Contatti</a> <img src="{static}/immagini/2025/cortile.jpg"'
     ' alt="Il cortile">', "I [contatti](/contatti/).", None),
    ("[Contatti]: /contatti/\n\nScrivete ai [Contatti].", None, None),
    # code: a guide to writing links
    ("Scrivete `[qui](programma)` o ``<a href=\"programma\">``.\n\n```\n![foto](foto.jpg)\n"
     "```\n\nUn paragrafo.\n\n    [qui](programma)\n", None, None),
    ("Non un link: \\[qui\\](programma), e una nota.[^1]\n\n[^1]: Nota.", None, None),
    ("[Aggiornamento]: la festa è rinviata a domenica.", None, None),
    # a label and its value that no link uses: left out of the page, which the build
    # names as a line not shown (a warning), not as a relative link
    ("Orari dello sportello.\n\n[Chiuso]: domenica", None, None),
    # a footnote's mark followed by a remark in brackets: no link
    ("Come previsto dal regolamento[^1](art. 3).\n\n[^1]: Delibera n. 12 del 2025.", None, None),
    # an editor's note
    ("Testo. <!-- prima: [qui](programma) -->\n\n<!--\nda rifare:\n![foto](foto.jpg)\n-->\n\n"
     "Fine.", None, None),
    ("<!-- nota --> Il [programma](programma).", None, "programma"),
    # a link's text over two lines, or its address on the next (Python-Markdown reads a
    # paragraph whole, in a quote or a list's item too), a tag over two lines
    ("Leggi [il\nprogramma](programma).", None, "programma"),
    ("Leggi la [locandina\\\ndella festa](locandina).", None, "locandina"),  # Shift+Enter
    ("Il cortile:\n\n![Il\ncortile](foto.jpg)", None, "foto.jpg"),
    ("> Leggi il [bando\n> della festa](bando).", None, "bando"),
    ("* Leggi il [modulo\n  di iscrizione](modulo).", None, "modulo"),
    ("Leggi il [regolamento](\nregolamento).", None, "regolamento"),
    ('Il <a\nhref="orari">programma</a>.', None, "orari"),
    ('<div markdown="1">\nLeggi [il\nvolantino](volantino).\n</div>', None, "volantino"),
    # Markdown inside a text to open is converted as with markdown="1" (plugins/contract/
    # rawhtml.py): a link there, which the build once left as typed
    ("<details>\n<summary>Programma</summary>\n\nLeggi il [programma](programma).\n"
     "</details>", None, "programma"),
    ("<details>\n<summary>Orari [qui](orari)</summary>\n\nTesto.\n</details>", None, "orari"),
    # a block of HTML left as typed (Python-Markdown's md_in_html): its Markdown is text on
    # the page, named by a warning (plugins/contract/rawhtml.py), no link; its <a> and <img>
    # are links, an indented line there too (no code)
    ("<div>\nLeggi il [programma](programma).\n</div>", None, None),
    ("<figure>\n<img src=\"{static}/immagini/2025/cortile.jpg\" alt=\"Il cortile\">\n"
     "<figcaption>Il cortile, dal [programma](programma).</figcaption>\n</figure>", None, None),
    ("<div>\nLeggi [il\nprogramma](programma).\n\n![Il cortile](foto.jpg)\n</div>\n\nFine.",
     None, None),
    ("<div>\n  <div>\n    <a href=\"orari\">orari</a>\n  </div>\n</div>", None, "orari"),
    ("<div>\n<img alt=l'albero src=foto.jpg>\n</div>", None, "foto.jpg"),
    # it ends the paragraph above and goes on to its end tag (nested ones counted): after
    # it, Markdown again; an element at a line's start in a converted block is one again,
    # and so is a <details> laid out with indented lines, or inside another
    ("Leggi il\n<div>\n[il programma](programma)\n</div>\nIl [bando](bando).", None, "bando"),
    ("<div><div>\n[il programma](programma)\n</div>\n[il bando](bando)\n</div>\n"
     "[il modulo](modulo)", None, "modulo"),
    ('<div markdown="1">\n<p>Il [bando](bando).</p>\n</div>', None, None),
    ("<details>\n<summary>Orari</summary>\n\n    Dalle 9.\n\nIl [programma](programma).\n"
     "</details>", None, None),
    ("<details>\n<summary>Orari</summary>\n\n<details>\n<summary>Sabato</summary>\n\n"
     "Il [programma](programma).\n</details>\n</details>", None, None),
    ('<div\nmarkdown="1">\nLeggi il [volantino](volantino).\n</div>', None, "volantino"),
    # not a block of HTML: inside a paragraph, or a quote
    ("Testo <div>\n[il programma](programma)\n</div>", None, "programma"),
    ("> <div>\n> [il programma](programma)\n> </div>", None, "programma"),
    # an attribute's value with ">" inside, in a paragraph and in an HTML block
    ('Il <a title="a>b" href="iscrizioni">programma</a>.', None, "iscrizioni"),
    ('<div>\n<a title="a>b" href="mappa">la mappa</a>\n</div>', None, "mappa"),
    # in a paragraph, a value without quotes holding a quote, or two attributes without
    # a space between them: no tag for Python-Markdown, but text shown as typed
    ("<img alt=l'albero src=foto.jpg>", None, None),
    ("Il <a href=programma title=d'oro>programma</a> e il <a href=\"orari\"title=\"Orari\">"
     "sito</a>.", None, None),
    # addresses written with character references: the page's HTML decodes them
    ('Il <a href="&#112;rogramma">programma</a>.', None, "programma"),
    ('Il \\<a href="programma">programma</a>.', None, "programma"),
    ("Il [percorso](&#112;ercorso).", None, "percorso"),
    ("Il [volantino](%76olantino).", None, "%76olantino"),  # a URL's %xx is no reference
    # a link's text over two lines that the build accepts; a blank line, a new item or a
    # heading ends the paragraph, which is then no link
    ("Il [sito\ndel Comune](https://www.comune.crema.cr.it/) e i [contatti\n](/contatti/).",
     None, None),
    ("Leggi [il\n\nprogramma](programma).\n\n* Leggi [il\n* programma](programma).\n\n"
     "## Il [bando\nLeggi](bando).", None, None),
    # ... but a line "* " or "1. " under a paragraph's line goes on with it (a list starts
    # a block of its own), in a quote or a list's item too
    ("Leggi [il\n* programma](programma).", None, "programma"),
    ("Leggi [il\n1. programma](programma).", None, "programma"),
    ("> Leggi [il\n> * programma](programma).", None, "programma"),
    ("* Uno\n\n    Leggi [il\n    * programma](programma).", None, "programma"),
    ("1. Leggi [il\n2. programma](programma).", None, None),
    ("Scrivete `[il\nprogramma](programma)` per un link.", None, None),
    ('<div markdown="1">\nI [contatti](/contatti/).\n</div>\n\n<div>\n<a title="a>b"'
     ' href="/contatti/">Contatti</a>\n</div>', None, None),
    ("I [contatti](&#47;contatti/) e la [sezione](&#35;programma), il [sito](https&#58;"
     "//example.org/), il [Comune](https&colon;//www.comune.crema.cr.it/).", None, None),
    ("Il [bando](bando) e il [modulo](modulo).", "Il [programma](programma).", "bando"),
]


def test_admin_js_knows_the_block_level_elements_python_markdown_knows():
    """admin.js tells a block of HTML (its Markdown left as typed) by its element at a
    line's start: those of Python-Markdown's BLOCK_LEVEL_ELEMENTS the allowlist admits."""
    from markdown.util import BLOCK_LEVEL_ELEMENTS  # noqa: PLC0415

    script = admin_scripts_text()
    names = re.search(r"var BLOCK_TAGS = \(((?:\s*\+?\s*\"[^\"]*\")+)\)", script).group(1)
    assert "".join(re.findall(r'"([^"]*)"', names)).split() == \
        sorted(set(BLOCK_LEVEL_ELEMENTS) & set(ALLOWED))


def test_the_addresses_a_relative_link_error_proposes_give_no_warning(tmp_path):
    """admin.js's refusal of a relative link, and the build's error when it knows no item
    at that address, propose what to write for a page of this site: they said "/contatti/",
    the address of pages/contatti.md, and the editor who wrote it was warned "il link
    /contatti/ è l'indirizzo di pages/contatti.md: scrivi {filename}/pages/contatti.md".
    Every address they propose, written in a link, builds without a warning."""
    done = subprocess.run(["node", "-e", SAVE_JS, *SCRIPT_ARGS],
                          input=json.dumps(["Leggi il [programma](programma)."]),
                          capture_output=True, text=True, check=True)
    said = json.loads(done.stdout)[0]
    site = {"pages/contatti.md": article(title="Contatti", date=None),
            "notizie/festa.md": article(title="Festa")}
    built = build_site(tmp_path / "relative", {
        **site, "notizie/caso.md": article(title="Caso", body="Il [modulo](modulo-vecchio).")})
    built = built.messages()
    assert "«modulo-vecchio» è relativo" in built, built
    proposed = re.findall(r"esempio (\{filename\}/\S+?\.md|/[^\s),;]*)", said + built)
    assert "{filename}/notizie/festa.md" in proposed  # an article's
    assert any(address.startswith("/") for address in proposed), proposed  # a list's
    links = " ".join(f"[{number}]({address})" for number, address in enumerate(proposed))
    written = build_site(tmp_path / "written", {
        **site, "notizie/caso.md": article(title="Caso", body=links)})
    assert written.ok and "WARNING" not in written.log, written.log


def test_admin_js_saves_every_good_text_the_build_accepts():
    """tests/good_text.py's items, which the build and ``./run check`` accept without a
    warning (tests/test_pasted_text.py), are saved by the web editor: admin.js's checks
    before a save (relative links, images, code) read them as the build does. A page
    showing how to write a code block (```` around ```, or ~~~ around ```) was refused:
    the inner ``` closed the block for admin.js, and the example's [qui](programma) was
    "a relative link"."""
    from good_text import GOOD
    texts = []
    for name, text in GOOD.items():
        if name.endswith(".md"):
            _, front, body = text.split("---\n", 2)
            texts.append((name, body, yaml.safe_load(front).get("summary")))
    said = saves([[body, summary] for _, body, summary in texts])
    refused = [(name, answer) for (name, _, _), answer in zip(texts, said)
               if answer != "saved"]
    assert refused == []
    assert any("````markdown" in body for _, body, _ in texts)


# (text, what admin.js's refusal names, or None when the build and admin.js accept it)
SCHEME_CASES = [
    ("Scrivici un [SMS](sms:+393331234567).", "«sms:»"),
    ("La [mappa](geo:45.36,9.68).", "«geo:»"),
    ("Il [file](ftp://example.org/bando.pdf).", "«ftp:»"),
    ("Un [clic](javascript:alert(1)).", "«javascript:»"),
    ("Il [bando](file:///C:/Users/anna/bando.pdf).", "un file del tuo computer"),
    ("![Il cortile](file:///C:/Users/anna/cortile.jpg)", "un file del tuo computer"),
    ("Il [sito](https://example.org/), [SCRIVICI](MAILTO:info@example.org), il"
     " [telefono](tel:+390373123456), il [vecchio sito](HTTP://example.org/).", None),
    # a link's text over two lines
    ("Un [clic\nqui](javascript:alert(1)).", "«javascript:»"),
    ("Il [sito\ndel Comune](https://www.comune.crema.cr.it/).", None),
    # the scheme written with character references, which the page's HTML decodes
    ("Un [clic](&#106;avascript:alert(1)).", "«javascript:»"),
    ("Un [clic](java&#x73;cript:alert(1)).", "«javascript:»"),
    ("Un [clic](javascript&colon;alert(1)).", "«javascript:»"),
    ("Un [clic](java&#9;script:alert(1)).", "«javascript:»"),
    ('Un <a href="&#106avascript:alert(1)">clic</a>.', "«javascript:»"),
    ("Il [sito](https&#58;//example.org/), [scrivici](&#109;ailto:info@example.org).", None),
    # ... but not in a Markdown link without ";" (Python-Markdown writes the "&" as
    # &amp;), nor %xx: relative addresses, named whole
    ("Un [clic](&#106avascript:alert(1)).", "«&#106avascript:alert(1)» nel testo ha un"
     " indirizzo relativo"),
    ("Un [clic](%6Aavascript:alert(1)).", "«%6Aavascript:alert(1)» nel testo ha un"
     " indirizzo relativo"),
    # a path of this site to the eye, another site to a browser (a backslash, or a third
    # slash, before a name read as //); //example.org/ says what it is
    ("Vedi [la pagina](/\\evil.example/programma).",
     "il link «/\\evil.example/programma» nel testo porta a un altro sito (evil.example)"),
    ('Vedi <a href="\\/evil.example/">la pagina</a>.', "porta a un altro sito (evil.example)"),
    ("Vedi [la pagina](///evil.example/).", "porta a un altro sito (evil.example)"),
    ("Vedi [la pagina](//example.org/programma).", None),
]


def test_admin_js_refuses_a_link_whose_scheme_the_build_refuses(build):
    """The build allows links to http, https, mailto and tel only (an `sms:`, `geo:` or
    `javascript:` link, a file of the editor's computer: errors), but the web editor saved
    them, and the editor learned of it when the preview or the publication failed. admin.js
    refuses the save, naming the address, for exactly the texts the build refuses."""
    for (body, expected), said in zip(SCHEME_CASES, built_and_saved(build, SCHEME_CASES)):
        if expected is None:
            assert said == "saved", (body, said)
        else:
            assert "nel testo" in said and expected in said, (body, said)


def test_admin_js_says_a_link_disguised_as_the_sites_in_the_builds_words(build):
    """A link that looks like a path of this site and leads to another one (/\\evil.example/,
    \\/evil.example/, ///evil.example/: a browser reads them as //evil.example/) is refused
    by both, in the same words: what it is, then what to write instead (plugins/contract/
    body.py's DISGUISED_WORDS and DISGUISED_REMEDY, which the page gives admin.js). The
    build says them in one sentence, "diagnosis; remedy"; the editor, after the address and
    where it is, "diagnosis, e il sito non verrebbe pubblicato. Remedy (copialo dalla barra
    del browser).", as it says a file of the computer. It said the build's sentence whole
    and then ", e il sito non verrebbe pubblicato.", after the remedy: as if writing the
    whole address would stop the publication; and the hint where to copy it was gone."""
    cases = [("Vedi [la pagina](/\\evil.example/).", "/\\evil.example/"),
             ('Vedi <a href="\\/evil.example/x">la pagina</a>.', "\\/evil.example/x"),
             ("Vedi [la pagina](///evil.example/).", "///evil.example/")]
    built, said = build_and_save(build, cases)
    for number, ((body, address), answer) in enumerate(zip(cases, said)):
        error = re.search(rf"ERROR notizie/caso-{number}\.md:\d+: l'indirizzo (.*?) / the",
                          built)
        assert error and error[1].startswith(f"{address} porta a un altro sito"), built
        # the build's sentence: the diagnosis, "; ", the remedy (the diagnosis has no ";")
        diagnosis, remedy = error[1][len(address) + 1:].split("; ", 1)
        assert diagnosis.endswith("l'inizio dell'indirizzo di un altro sito"), built
        assert remedy.startswith("per una pagina o un file di questo sito scrivi {filename}"
                                 " o {static}") and remedy.endswith("https://evil.example/…")
        assert answer == (f"il link «{address}» nel testo {diagnosis}, e il sito non verrebbe"
                          f" pubblicato. P{remedy[1:]} (copialo dalla barra del browser)."), \
            (body, answer)


# (text, the address the build and admin.js name as a file of the editor's computer, or
# what admin.js's refusal says otherwise, or None when both accept it)
LOCAL_CASES = [
    # a network share (\\server\share\…): a file of the editor's network, not another
    # site's address, though a browser would read it as //server/…
    ("Il [verbale](\\\\\\\\server\\share\\verbale.pdf).", "\\\\server\\share\\verbale.pdf"),
    ('Il <a href="\\\\server\\share\\verbale.pdf">verbale</a>.', "\\\\server\\share\\verbale.pdf"),
    ('<img alt="Il cortile" src="\\\\server\\foto\\cortile.jpg">', "\\\\server\\foto\\cortile.jpg"),
    ('Vedi <a href="\\\\evil.example/">la pagina</a>.', "\\\\evil.example/"),
    ('<div>\n<a href="\\\\server\\share\\bando.pdf">Il bando</a>\n</div>',
     "\\\\server\\share\\bando.pdf"),
    ("Il [bando](C:\\Users\\anna\\bando.pdf) e la [foto](/Users/maria/Desktop/foto.jpg).",
     "C:\\Users\\anna\\bando.pdf"),
    # a reference's address keeps its backslashes (Python-Markdown unescapes nothing
    # there): \\\\server, another site's address to a browser
    ("[bando]: \\\\\\\\server\\bando.pdf\n\nIl [bando].",
     "il link «\\\\\\\\server\\bando.pdf» nel testo porta a un altro sito (server)"),
    # one backslash for each escaped pair: \server\… to the page, a Windows path from
    # the drive's top, a file of the computer too (both sides called it a relative link)
    ("Il [verbale](\\\\server\\share\\verbale.pdf).", "\\server\\share\\verbale.pdf"),
    ("Il [verbale](\\server\\share\\verbale.pdf).", "\\server\\share\\verbale.pdf"),
    ('Il <a href="\\Users\\anna\\bando.pdf">bando</a>.', "\\Users\\anna\\bando.pdf"),
    ("![Il cortile](\\\\server\\foto\\cortile.jpg)", "\\server\\foto\\cortile.jpg"),
    ("Il percorso \\\\\\\\server\\\\share e il [sito](https://example.org/).", None),
]


def test_admin_js_names_a_file_of_the_editors_computer_as_the_build_does(build):
    """A link or an image to a network share (\\\\server\\share\\…) is a file of the
    editor's computer to the build ("è un file del tuo computer, che il sito non può
    vedere"); admin.js called it another site's address (a browser reads \\\\ as //), or
    relative, having read the text's escaped backslashes as spaces. It names it as the
    build does, in the build's words (core.files.LOCAL_PATH_WORDS, which the page gives
    it), and says what to do in the editor; so for C:\\… and /Users/…, and for a share
    typed in a Markdown link, whose \\\\ is one escaped backslash: \\server\\share\\… to the
    page, a Windows path from the drive's top, was a relative link to both."""
    built, said = build_and_save(build, LOCAL_CASES)
    for number, ((body, expected), answer) in enumerate(zip(LOCAL_CASES, said)):
        error = re.search(rf"ERROR notizie/caso-{number}\.md:\d+: (.*?) / ", built)
        if expected is None:
            assert error is None and answer == "saved", (body, built, answer)
        elif expected.startswith("il link"):
            assert error and ("è relativo" in error[1] or "porta a un altro sito" in error[1])
            assert expected in answer, (body, answer)
        else:
            assert error and error[1].startswith(f"{expected} {LOCAL_PATH_WORDS}: "), built
            assert f"«{expected}» nel testo {LOCAL_PATH_WORDS}, e il sito non verrebbe" \
                " pubblicato: " in answer, (body, answer)
            assert ("«Immagine»" in answer) == ("<img" in body or "![" in body), answer


def test_admin_js_refuses_a_relative_link_as_the_build_does(build):
    """The build refuses a link or an image with a relative address ([programma](programma),
    ![foto](foto.jpg): content_checks.relative_links), but the editor who typed one
    with the link button saw "Voce salvata" and learned of it when the preview or the
    publication failed. admin.js refuses the save, naming the address and what to write,
    for exactly the addresses the build refuses, in the text and the summary; the build
    of the same texts says which."""
    files = {"immagini/2025/cortile.jpg": image("JPEG"),
             "notizie/festa.md": article(title="Festa", tags="[Crema]", author="Redazione")}
    for number, (body, summary, _) in enumerate(RELATIVE_CASES):
        keys = {"summary": json.dumps(summary)} if summary else {}
        files[f"notizie/caso-{number}.md"] = article(
            title=f"Caso {number}", tags="[Crema]", body=body, **keys)
    built = build(files).messages()
    named = [next(iter(re.findall(rf"ERROR notizie/caso-{number}\.md(?::\d+)?: il link"
                                  r" «([^»]*)» è relativo", built)), None)
             for number in range(len(RELATIVE_CASES))]
    expected = [relative for _, _, relative in RELATIVE_CASES]
    assert named == expected, built
    found = saves([case[:2] for case in RELATIVE_CASES])
    for (body, summary, relative), said in zip(RELATIVE_CASES, found):
        if relative is None:
            assert said == "saved", (body, said)
            continue
        picture = relative in ("foto.jpg", "{Static}/immagini/2025/cortile.jpg")
        assert said.startswith(("l'immagine «" if picture else "il link «") + relative + "» "
                               + ("nel testo" if relative in body else "nel sommario")
                               + " ha un indirizzo relativo"), (body, said)
        assert ("«Immagine»" in said) and ("{static}/immagini/" in said) == picture
        assert ("con https://" in said and "{filename}/pages/contatti.md" in said
                and "/archivio/" in said) != picture
        assert "Error" not in said
    assert "«bando» nel testo ha un indirizzo relativo (e altri 2 indirizzi relativi," \
        in found[-1]  # the others are counted


# addresses holding a control character (or a noncharacter) written as a reference: the
# address each is refused for (as the build and admin.js show it), or None
CONTROL_CASES = [
    ("Vedi [il sito](http&#127;s://example.org/).", None, "http&#127;s://example.org/"),
    ('<p>Vedi <a href="https://exa&#x1mple.org/">il sito</a>.</p>', None,
     "https://exa&#1;mple.org/"),
    ("![Il cortile]({static}/immagini/2025/cortile&#xFFFE;.jpg)", None,
     "{static}/immagini/2025/cortile&#65534;.jpg"),
    ("Testo.", "Il [bando](https://example.org/&#157;bando.pdf).",
     "https://example.org/&#157;bando.pdf"),
    # Windows-1252's numbers are characters (&#128; "€", &#x9F; "Ÿ"): no control
    ("Il [bando](https://example.org/&#128;&#x9F;bando.pdf).", None, None),
    # the other elements' addresses the build checks (URL_ATTRIBUTES): a quote's source,
    # a video's (of the host allowed: CONTROL_SETTINGS); the editor saved them
    ('<blockquote cite="https://exa&#x1;mple.org/">Parole.</blockquote>', None,
     "https://exa&#1;mple.org/"),
    ("Disse <q cite='https://example.org/&#127;intervista'>basta</q>.", None,
     "https://example.org/&#127;intervista"),
    ('<iframe src="https://www.youtube-nocookie.com/embed/ab&#xFFFF;c" title="La festa">'
     "</iframe>", None, "https://www.youtube-nocookie.com/embed/ab&#65535;c"),
]
CONTROL_SETTINGS = 'CONTRACT_IFRAME_HOSTS = ["www.youtube-nocookie.com"]'


def test_admin_js_refuses_a_control_character_in_an_address_as_the_build_does(build):
    """"http&#127;s://example.org/" was an https link to the build (html.unescape drops
    the U+007F), published as "http\x7fs://…", an address relative to the page, while
    admin.js refused it as relative; "https://exa&#x1mple.org/" the editor saved and the
    page got a link without its address (nh3 drops it). The build reads the references
    as a browser does, and both refuse an address holding a control character, in the
    same words, at its line for the build, in the text or the summary for the editor.
    The build checks every attribute holding an address (allowlist.py's URL_ATTRIBUTES,
    the page's data-url-attributes); the editor checked the links' and the images' only,
    and saved a <blockquote cite>, a <q cite> or a video's <iframe src> holding one."""
    files = {"immagini/2025/cortile.jpg": image("JPEG")}
    for number, (body, summary, _) in enumerate(CONTROL_CASES):
        keys = {"summary": json.dumps(summary)} if summary else {}
        files[f"notizie/caso-{number}.md"] = article(
            title=f"Caso {number}", tags="[Crema]", body=body, **keys)
    site = build(files, CONTROL_SETTINGS)
    built = site.messages()
    words = " contiene un carattere di controllo ("
    named = [next(iter(re.findall(rf"ERROR notizie/caso-{number}\.md:\d+: l'indirizzo"
                                  rf" «([^»]*)»{re.escape(words)}", built)), None)
             for number in range(len(CONTROL_CASES))]
    assert named == [address for _, _, address in CONTROL_CASES], built
    # the video's host allowed, as CONTROL_SETTINGS gives it (the build stopped: no page)
    found = saves([case[:2] for case in CONTROL_CASES],
                  {**PAGE, "data-iframe-hosts": "www.youtube-nocookie.com"})
    said = [re.match(rf"(?:il link|l'immagine|l'indirizzo) «([^»]*)» (?:nel|dell'attributo"
                     rf" «[a-z]+» di <[a-z]+> nel) (?:testo|sommario){re.escape(words)}",
                     answer) for answer in found]
    assert [match[1] if match else answer for match, answer in zip(said, found)] == [
        address or "saved" for _, _, address in CONTROL_CASES]
    assert found[2].startswith(
        "l'immagine «{static}/immagini/2025/cortile&#65534;.jpg» nel testo")
    assert "nel sommario" in found[3]
    assert found[5].startswith("l'indirizzo «https://exa&#1;mple.org/» dell'attributo «cite»"
                               " di <blockquote> nel testo")
    assert "dell'attributo «src» di <iframe> nel testo" in found[7]


# links whose address is typed as it is said: what the build and admin.js propose
TYPED_ADDRESS_CASES = [
    ("Scrivici a [questo indirizzo](info@example.org).", "mailto:info@example.org"),
    ("Il [sito del Comune](www.comune.crema.cr.it).", "https://www.comune.crema.cr.it"),
    ("Chiama lo [sportello](0373-123456).", "tel:+390373123456"),
    ("Il [sito](“https://example.org/”).", "https://example.org/"),
]


def test_admin_js_proposes_for_a_typed_address_what_the_build_proposes(build):
    """An e-mail address, a www. address, a phone number or an address in quotes typed as
    a link's address (with the link button) is relative to a browser: admin.js refused
    it as one, saying to write {filename}, / or https://, nothing of mailto: or tel:. The
    build names what to write, and admin.js now proposes the same address."""
    built, said = build_and_save(build, TYPED_ADDRESS_CASES)
    for number, ((body, write), refusal) in enumerate(zip(TYPED_ADDRESS_CASES, said)):
        error = re.search(rf"ERROR notizie/caso-{number}\.md:\d+: (.*?) / ", built)
        assert error and re.findall(r"\[testo\]\(([^)]*)\)", error[1]) == [write], built
        assert f"[testo]({write})" in refusal and "nel testo" in refusal, (body, refusal)
        assert "{filename}" not in refusal


# a path of the site without {static} or {filename}: what the build and admin.js propose
UNMARKED_CASES = [
    ("Il [bando](/allegati/2025/bando.pdf).", "{static}/allegati/2025/bando.pdf"),
    ("![Il cortile](/immagini/2025/cortile.jpg)", "{static}/immagini/2025/cortile.jpg"),
    ('La <a href="/notizie/festa.md">festa</a>.', "{filename}/notizie/festa.md"),
    ("La [festa](/notizie/festa.md#programma).", "{filename}/notizie/festa.md"),
    # the site's own addresses: saved (a list, a page, the folder itself)
    ("L'[archivio](/archivio/2024/), i [contatti](/contatti/), le [foto](/immagini/).", None),
]


def test_admin_js_refuses_a_path_of_the_site_without_static_as_the_build_does(build):
    """A link or an image written as a path of the site (/allegati/2025/bando.pdf,
    /notizie/festa.md) stops the build, which names the {static} or {filename} link to
    write; the web editor saved it. admin.js refuses it, proposing the same link."""
    built, said = build_and_save(build, UNMARKED_CASES)
    for number, ((body, write), refusal) in enumerate(zip(UNMARKED_CASES, said)):
        error = re.search(rf"ERROR notizie/caso-{number}\.md:\d+: .*? scrivi (\S+) /", built)
        if write is None:
            assert error is None and refusal == "saved", (body, refusal, built)
            continue
        assert error and error[1] == write, built
        assert f"Scrivi {write}" in refusal and "nel testo" in refusal, (body, refusal)


IMAGES_JS = """
const fs = require("fs");
let Control = null;
globalThis.window = {confirm: () => true, h: (type, props) => props,
  createClass: (spec) => spec,
  CMS: {registerEventListener: () => {}, getWidget: (name) => name === "image"
    ? {control: () => null} : null,
    registerWidget: (name, control) => { if (name === "image") Control = control; }}};
globalThis.document = {baseURI: "http://127.0.0.1/admin/", currentScript: {getAttribute:
  (name) => ({"data-content": "content", "data-public-folder": "{static}/immagini"})[name]
    || null}};
""" + LOAD_JS + """
const cover = {get: (key) => key === "public_folder"
  ? "immagini/{{fields.date | date('YYYY')}}" : undefined};
const text = {get: () => undefined};  // the "+" menu's image: the media library's folder
const entry = {getIn: () => "2025-02-03 10:00"};
const getAsset = Control.render.call({props: {entry, getAsset: (path) => path}}).getAsset;
console.log(JSON.stringify(JSON.parse(fs.readFileSync(0, "utf8")).map(
  ([path, field]) => getAsset(path, field === "cover" ? cover : text))));
"""


def test_admin_js_shows_an_image_decap_cannot_find_from_the_site():
    """Decap looks an image up by its file's name in the folder its field writes to
    (the text's: content/immagini; the cover's: the item's year's), and showed none
    elsewhere: admin.js gives Decap the site's address of those (the build publishes
    content/immagini/2025/x.png at /immagini/2025/x.png), the others as they are (an
    upload of this session is found by Decap only)."""
    cases = [["{static}/immagini/2025/cortile.png", "text"],
             ["{static}/immagini/altro/la festa.png", "text"],
             ["{static}/immagini/cortile.png", "text"],
             ["immagini/2024/festa.png", "cover"],
             ["immagini/2025/festa.png", "cover"],
             ["https://www.example.org/foto.png", "text"],
             ["", "cover"]]
    done = subprocess.run(["node", "-e", IMAGES_JS, *SCRIPT_ARGS],
                          input=json.dumps(cases), capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == [
        "http://127.0.0.1/immagini/2025/cortile.png",
        "http://127.0.0.1/immagini/altro/la%20festa.png",
        "{static}/immagini/cortile.png",
        "http://127.0.0.1/immagini/2024/festa.png",
        "immagini/2025/festa.png",
        "https://www.example.org/foto.png",
        ""]


def test_a_native_headers_lists_are_split_as_the_build_splits_them():
    """An item written with Pelican's native header (``Tags: Crema; Cremona``) opened in
    the web editor: its header becomes front matter before a save (``fromNativeHeader``),
    its lists split on commas only, so the site published one topic «Crema; Cremona»,
    where the build, reading the same line, makes two (``schema.split_list``)."""
    program = (
        page_js({}, ["fromNativeHeader"])
        + "class Data { constructor(o) { this.o = o; } get(k) { return this.o[k]; }\n"
        "  set(k, v) { return new Data({...this.o, [k]: v}); } }\n"
        + "\nconst given = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n"
        "console.log(JSON.stringify(given.map((body) => fromNativeHeader(new Data({body})).o)));")
    header = "Title: Sportello\nDate: 2024-03-01 09:30\n{}\n\nTesto.\n"
    read = node_admin_js(program, [header.format("Tags: Crema; Cremona, Casalmaggiore"),
                                   header.format("Authors: Anna Rossi; Luca Bianchi")])
    assert read[0]["tags"] == ["Crema", "Cremona", "Casalmaggiore"]
    assert read[1]["authors"] == ["Anna Rossi", "Luca Bianchi"]
    assert read[0]["body"] == "Testo.\n"
    from plugins.contract.schema import split_list  # noqa: PLC0415
    assert read[0]["tags"] == split_list("Crema; Cremona, Casalmaggiore")


AUTHORS_JS = """
let answer = true;
const asked = [];
""" + save_setup_js().replace("confirm: () => true",
                              "confirm: (question) => { asked.push(question); return answer; }") + """
window.location = {hash: ""};  // an existing item opened at its own address
const cases = JSON.parse(fs.readFileSync(0, "utf8"));
Promise.all(cases.map(([fields, newRecord, reply], number) => Promise.resolve().then(() => {
  answer = reply;
  const entry = new Data({collection: "notizie", path: newRecord ? "" : "content/notizie/x.md",
    newRecord, mediaFiles: [], data: new Data({title: "Caso " + number,
      date: "2024-06-01 10:00", body: "Testo.", ...fields})});
  return handler({entry});
}).then((data) => ({author: data.get("author"), authors: data.get("authors")}),
        (error) => String(error)))).then((found) => console.log(JSON.stringify({found, asked})));
"""


def test_admin_js_writes_the_form_authors_as_the_contract_has_them(build):
    """The form's «Autori» is a list of names (Decap's one-line list: "Anna Rossi, Marco
    Bianchi" is two). The string field «Autore» wrote them into `author`: one author of
    that name, one page, and only a warning of the build. admin.js writes one name as
    `author`, several as `authors` (blank and repeated names out), none as neither; an
    item whose list was not touched keeps its keys; names joined by «e» are asked about,
    and refused (saying to separate them with a comma) unless they are one author.
    The site built from what is saved shows each author and links each one's page."""
    cases = [({"authors": ["Anna Rossi", " Marco  Bianchi", "", "Anna Rossi"]}, True, True),
             ({"authors": ["Redazione"]}, True, True),  # a new item, the default untouched
             ({"authors": ["", " "]}, True, True),
             # an existing item's list not touched: its file's keys as they are
             ({"author": "Anna Rossi"}, False, True),
             ({"authors": ["Anna Rossi"]}, False, True),
             ({"authors": ["Anna Rossi e Marco Bianchi"]}, True, False),
             ({"authors": ["Ufficio stampa e comunicazione"]}, True, True),
             # a copy («Duplica») of an item saved with `author`: no list, its author kept
             ({"author": "Anna Rossi"}, True, True),
             # the list emptied by the editor: no author key (the site's default)
             ({"author": "Anna Rossi", "authors": ["", ""]}, True, True)]
    answer = node_admin_js(AUTHORS_JS, [list(case) for case in cases])
    found = answer["found"]
    assert found[:5] == [{"authors": ["Anna Rossi", "Marco Bianchi"]},
                         {"author": "Redazione"}, {}, {"author": "Anna Rossi"},
                         {"authors": ["Anna Rossi"]}]
    assert "«Anna Rossi e Marco Bianchi» sono più autori" in found[5], found[5]
    assert "separali con una virgola" in found[5] and "Anna Rossi, Marco Bianchi" in found[5]
    assert "Error" not in found[5]
    assert found[6] == {"author": "Ufficio stampa e comunicazione"}  # one, as the editor said
    assert found[7:] == [{"author": "Anna Rossi"}, {}]
    assert len(answer["asked"]) == 2 and "premi Annulla e separali con una virgola (Anna" \
        " Rossi, Marco Bianchi)" in answer["asked"][0]
    files = {f"notizie/caso-{number}.md": article(
        title=f"Caso {number}", body="Testo.",
        **{key: json.dumps(value, ensure_ascii=False) for key, value in saved.items()})
        for number, saved in enumerate(found[:3])}
    built = build(files)
    assert built.ok and "WARNING" not in built.log, built.log
    page = built.soup("/2024/05/caso-0/")
    byline = page.select(".article-meta .meta-item")[1]
    assert " ".join(byline.get_text(" ", strip=True).split()) == \
        "di Anna Rossi e Marco Bianchi"
    assert [urlsplit(a["href"]).path for a in byline.select("a")] == [
        "/autori/anna-rossi/", "/autori/marco-bianchi/"]
    for number in (1, 2):  # one name, and none: the site's default author
        byline = built.soup(f"/2024/05/caso-{number}/").select(".article-meta .meta-item")[1]
        assert " ".join(byline.get_text(" ", strip=True).split()) == "della Redazione"
    assert built.path("/autori/marco-bianchi/").is_file()


# The preview's lead and body (admin.js's leadAndBody, on Decap's HTML of the text and
# the summary) against the site's rule (plugins/article_meta, plugins/core/text.py's
# body_lead) on the same HTML: (summary's HTML or None, the text's HTML)
LEAD_CASES = [
    (None, "<p>Il primo paragrafo.</p>\n<h2>Orari</h2>\n<p>Dalle 9.</p>"),
    (None, "<h2>Orari</h2>\n<p>Dalle 9.</p>"),  # no paragraph first: no lead
    (None, '<p><img src="/immagini/x.jpg" alt="Foto"></p>\n<p>Testo.</p>'),  # no words
    (None, "<p><strong>Festa</strong> in <em>cortile</em>.</p>"),  # the only paragraph
    (None, ""),
    ("<p>Il cortile è aperto, tutti i giorni!</p>",
     "<p>Il <strong>cortile</strong> è aperto: tutti i giorni.</p>\n<p>Altro.</p>"),
    ("<p>IL CORTILE È APERTO</p>", "<p>Il cortile è aperto.</p>"),  # case
    ("<p>Il cortile è aperto.</p>", "<p>Il cortile è aperto a tutti.</p>"),  # more words
    ("<p>Il cortile è aperto.</p>",  # a link the summary does not have: kept in the body
     '<p>Il <a href="https://example.org/">cortile</a> è aperto.</p>\n<p>Altro.</p>'),
    ('<p>Il <a href="https://example.org/">cortile</a> è aperto.</p>',
     '<p>Il <a href="https://example.org/">cortile</a> è aperto.</p>\n<p>Altro.</p>'),
    ("<p>Dal 1° luglio &amp; fino al 5</p>", "<p>Dal 1° luglio &amp; fino al 5.</p>"),
    ("<p>Un sommario.</p>", "<h2>Orari</h2>\n<p>Un sommario.</p>"),
]


def site_lead_and_body(summary, html):
    """The site's lead and body of an article whose summary's HTML is ``summary`` (None:
    none) and whose text's is ``html``: plugins/article_meta's rule."""
    from markupsafe import Markup  # noqa: PLC0415

    from plugins.article_meta import repeats  # noqa: PLC0415
    from plugins.core.text import FIRST_PARAGRAPH_RE, body_lead  # noqa: PLC0415

    first = body_lead(html)
    if summary is None:
        lead, dropped = first, bool(first)
    else:
        lead, dropped = summary, repeats(Markup(summary), first)
    return {"lead": lead, "body": FIRST_PARAGRAPH_RE.sub("", html, count=1) if dropped else html}


def test_admin_js_takes_the_lead_from_the_text_as_the_site_does():
    """The preview's lead and body are the site's: without a summary the text's first
    paragraph (when the text opens with one that has words) is the lead, left out of the
    body; a summary with that paragraph's words leaves it out too (not when the paragraph
    links to what the summary does not). The preview left the paragraph in the body and
    showed no lead."""
    program = (page_js({}, ["leadAndBody"])
               + "const given = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n"
               + "console.log(JSON.stringify(given.map(([summary, html]) => {\n"
               + "  const parts = leadAndBody(summary, html);\n"
               + "  return {lead: parts.lead, body: parts.body};\n})));\n")
    done = subprocess.run(["node", "-e", program, *SCRIPT_ARGS], input=json.dumps(LEAD_CASES),
                          capture_output=True, text=True, check=True)
    shown = json.loads(done.stdout)
    expected = [site_lead_and_body(summary, html) for summary, html in LEAD_CASES]
    assert shown == expected
    # the cases tell the rules apart: a lead taken, none, a paragraph left out, one kept
    assert expected[0]["lead"] == "<p>Il primo paragrafo.</p>" and \
        not expected[0]["body"].startswith("<p>")
    assert expected[1]["lead"] == "" and expected[2]["lead"] == ""
    assert expected[5]["body"] == "<p>Altro.</p>" and expected[6]["body"] == ""
    assert expected[7]["body"].startswith("<p>") and expected[8]["body"].startswith("<p>")
    assert expected[9]["body"] == "<p>Altro.</p>"


def test_admin_js_shows_the_long_date_as_the_site_does_with_its_no_break_spaces(
        base_settings):
    """The preview's meta line "as the site shows it": the site's date (the data_lunga
    filter) joins the day's number to its month and "ore" to the time with no-break
    spaces, so a line never ends with "5" or "ore"; the preview's had plain spaces, and
    its meta line broke where the site's does not (the browser test compares the two
    with their spaces collapsed)."""
    from datetime import datetime  # noqa: PLC0415

    from plugins.italian.dates import Day, filters  # noqa: PLC0415

    dates = ["2024-09-10 18:00", "2024-05-05 09:05", "2025-03-14", "2024-06-30T23:30:00Z"]
    shown = run_admin_js(base_settings, "console.log(JSON.stringify(given.map(longDate)));",
                         dates)
    zone = ZoneInfo(base_settings["TIMEZONE"])
    long_date = filters(base_settings["TIMEZONE"])["data_lunga"]
    site = [long_date(datetime(2024, 9, 10, 18, 0, tzinfo=zone)),
            long_date(datetime(2024, 5, 5, 9, 5, tzinfo=zone)),
            long_date(Day(2025, 3, 14, tzinfo=zone)),
            long_date(datetime(2024, 7, 1, 1, 30, tzinfo=zone))]
    assert site[0] == "martedì 10\u00a0settembre 2024, ore\u00a018:00"  # the site's
    assert shown == site


def test_admin_js_writes_dates_in_the_pages_language():
    """The preview's long date and the time of the last publication are written in the
    page's language (its <html lang>, the interface's: plugins.italian's LANGUAGE), as
    phrases.js reads it; preview-meta.js and publications.js named "it-IT" themselves.
    A page in German gets German dates."""
    program = ("const given = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n"
               "console.log(JSON.stringify([A.LANGUAGE, longDate(given[0]),"
               " A.runTime && A.runTime(given[1])]));")
    given = ["2024-09-10 18:00", "2024-09-10T16:00:00Z"]
    shown = {lang: node_admin_js(page_js({"data-timezone": "Europe/Rome"}, ["longDate"],
                                         lang) + program, given)
             for lang in (LANGUAGE, "de")}
    assert shown["de"][1].startswith("Dienstag, 10.\u00a0September 2024"), shown["de"]
    assert shown["de"][0] == "de"
    assert shown[LANGUAGE] == [
        "it", "martedì 10\u00a0settembre 2024, ore\u00a018:00", "10 settembre alle ore 18:00"]
    assert "September" in shown["de"][2] and "18:00" in shown["de"][2], shown["de"]
    assert not re.search(r"Intl\.\w+\(\s*[\"']it", admin_scripts_text())


# --- «Apri il sito»: the item's own address (preview_path) ---------------------------

def test_each_collection_links_its_items_to_their_address(site, base_settings):
    """Decap's "View Live" (our «Apri il sito») opened site_url, the home page, whatever
    the item: each collection has a preview_path made from ARTICLE_URL or PAGE_URL
    (followed in Decap by test_apri_il_sito_opens_the_address_the_build_writes)."""
    collections = {c["name"]: c for c in admin_config(site)["collections"]}
    for name in ("notizie", "comunicati-stampa", "avvisi"):
        path = collections[name]["preview_path"]
        assert path == config.preview_path(base_settings["ARTICLE_URL"],
                                           f"categorie/{name}/", name)
        # the date as written (local time), the slug field, the listing without one
        assert path.startswith("{{fields.date | date('YYYY')}}/{{fields.date | date('MM')}}/")
        assert path.endswith(f"{{{{fields.slug | default('categorie/{name}')}}}}/")
        assert collections[name]["preview_path_preserve_slashes"] is True
    assert collections["pages"]["preview_path"] == "{{fields.slug}}/"


@pytest.mark.parametrize("pattern, fallback, expected", [
    ("{slug}/", "", "{{fields.slug}}/"),  # without a slug: "/", the home page
    ("{slug}", "archivio/", "{{fields.slug | default('archivio/')}}"),
    # an end after the slug the fallback cannot have: no preview_path (the home page),
    # not ".html" nor "2025/.html" (Pelican's own ARTICLE_URL, PAGE_URL)
    ("{slug}.html", "", None),
    ("{slug}.html", "archivio.html", None),
    ("pages/{slug}.html", "", None),
    ("{date:%Y}/{slug}.html", "categorie/notizie.html", None),
    # no fallback with folders before the slug: pages//../..//, not the home page
    ("pages/{slug}/", "", None),
    ("{date:%Y}/{slug}/", "categorie/notizie.html", None),
    ("{date:%Y}/{slug}/", "archivio/", "{{fields.date | date('YYYY')}}/{{fields.slug"
     " | ternary('x/x', '')}}/../../{{fields.slug | default('archivio')}}/"),
    ("{category}/{date:%Y-%m-%d}/{slug}/", "/categorie/notizie/", "notizie/{{fields.date"
     " | date('YYYY[-]MM[-]DD')}}/{{fields.slug | ternary('x/x/x', '')}}/../../../"
     "{{fields.slug | default('categorie/notizie')}}/"),
    ("{lang}/{slug}/", "", None),  # a field the form has not
    ("{slug}/{date:%Y}/", "", None),  # the slug not last
    ("post-{slug}/", "", None),  # the slug inside a segment
    ("{date:%B}/{slug}/", "", None),  # a month's name
])
def test_preview_path_follows_the_address_setting_or_gives_none(pattern, fallback, expected):
    assert config.preview_path(pattern, fallback, "notizie") == expected


LIVE_FILES = {
    # a slug: its address; dated 00:30 in Rome on 1 January (UTC: 31 December 2024)
    "notizie/2025-01-01-capodanno.md": article(title="Capodanno in piazza",
                                               date="2025-01-01 00:30", slug="festa-2025"),
    # no slug: the site's is from the title (laboratorio-d-estate), which Decap's
    # templates cannot make (its own is laboratorio-destate): slugs.js' siteSlug makes it
    "notizie/2025-03-10-laboratorio-destate.md": article(title="Laboratorio d'estate",
                                                         date="2025-03-10 09:00"),
    # accents and an apostrophe, dated 00:30 in Rome on 1 April (UTC: March)
    "notizie/2025-04-01-universita.md": article(
        title="Perché l'università apre a Crema", date="2025-04-01 00:30"),
    # a title siteSlug leaves to the build (the euro sign): the category's listing
    "avvisi/2025-02-10-quota.md": article(title="Quota di 10 € per il corso",
                                          date="2025-02-10 09:00"),
    # in another language, no slug: its page is under ARTICLE_LANG_URL, which the link
    # does not follow (the form has no `lang`): the listing
    "notizie/2025-05-02-open-day.md": article(title="Open day at the university",
                                              date="2025-05-02 09:00", lang="en"),
    # the site's own language (DEFAULT_LANG), no slug: written at ARTICLE_URL as one
    # without lang, its own page
    "notizie/2025-05-03-giornata.md": article(title="Giornata dell'orientamento",
                                              date="2025-05-03 09:00", lang="it"),
    "comunicati-stampa/2025-02-03-bilancio.md": article(
        title="Il bilancio", date="2025-02-03 10:00", slug="bilancio-sociale-2024"),
    "avvisi/2024-12-31-chiusura.md": article(title="Chiusura", date="2024-12-31 23:30",
                                             slug="chiusura-di-fine-anno"),
    "pages/chi-siamo.md": "---\ntitle: Chi siamo\nslug: chi-siamo-e-dove\n---\nNoi.\n",
    "pages/contatti.md": "---\ntitle: Contatti\n---\nScrivete alla redazione.\n",
    "pages/dove-siamo.md": "---\ntitle: Dov'è la sede? Più in là\n---\nIn via Roma.\n",
    # a page's title siteSlug leaves to the build: the home page
    "pages/prezzi.md": "---\ntitle: Prezzi in €\n---\nGratis.\n",
}


@pytest.mark.browser
def test_apri_il_sito_opens_the_address_the_build_writes(tmp_path):
    """The real editor (the shipped bundle, in headless Chromium in Rome's time: Decap's
    own {{year}}/{{month}} are UTC) on each built item, its files given to Decap's
    in-memory backend: «Apri il sito» goes to the address the build wrote for the item
    (slugs.json's, a page that exists, of the item's title) when it has a slug, or none
    and a title slugs.js' siteSlug makes the slug of (live-link.js: accents, apostrophes;
    a `lang` that is the site's DEFAULT_LANG too), else to its category's listing (which
    lists it: an item in another language too), or for a page to the home page."""
    from browser_support import chromium, collect_errors, served_site  # noqa: PLC0415

    with served_site(tmp_path, LIVE_FILES) as built:
        addresses = json.loads(built.text("/admin/slugs.json"))["addresses"]
        original = yaml.safe_load(built.text("/admin/config.yml"))
        assert original["site_url"] == built.origin
        original["backend"] = {"name": "test-repo", "login": False}  # Decap's, in memory
        original.pop("local_backend", None)
        tree = {}
        for relative, text in LIVE_FILES.items():
            folder, name = relative.split("/")
            tree.setdefault(folder, {})[name] = {"content": text,
                                                 "path": f"content/{relative}"}
        found, errors = {}, []
        with chromium() as browser:
            context = browser.new_context(timezone_id="Europe/Rome")
            context.route("**/admin/config.yml", lambda route: route.fulfill(
                body=yaml.safe_dump(original, allow_unicode=True), content_type="text/yaml"))
            context.add_init_script(f"window.repoFiles = {json.dumps({'content': tree})};")
            page = context.new_page()
            collect_errors(page, errors)
            form_title = page.get_by_label("Titolo", exact=True)
            for relative in LIVE_FILES:
                # from the collection's list, still loading, to the item, as an editor
                # going back and on: Decap drew the toolbar before it had read the item,
                # and asked for the link of no item (an error notice: live-link.js)
                folder, name = relative.split("/")
                page.goto(f"{built.origin}/admin/#/collections/{folder}")
                form_title.wait_for(state="detached")
                page.goto(f"{built.origin}/admin/#/collections/{folder}/entries/"
                          f"{name.removesuffix('.md')}")
                link = page.get_by_role("link", name="Apri il sito")
                link.wait_for(timeout=30000)
                # the address the browser follows (the link's dot segments resolved)
                found[relative] = link.evaluate("a => a.href")
            page.wait_for_timeout(500)  # a late request's notice
            notices = page.locator(".Toastify__toast").all_inner_texts()
    origin = built.origin
    # the items without a slug whose title siteSlug folds: the build's own address
    own = ("notizie/2025-03-10-laboratorio-destate.md", "notizie/2025-04-01-universita.md",
           "notizie/2025-05-03-giornata.md", "pages/contatti.md", "pages/dove-siamo.md")
    expected = {
        "notizie/2025-01-01-capodanno.md": "/2025/01/festa-2025/",
        **{relative: addresses[relative] for relative in own},
        "avvisi/2025-02-10-quota.md": "/categorie/avvisi/",
        "notizie/2025-05-02-open-day.md": "/categorie/notizie/",
        "comunicati-stampa/2025-02-03-bilancio.md": "/2025/02/bilancio-sociale-2024/",
        "avvisi/2024-12-31-chiusura.md": "/2024/12/chiusura-di-fine-anno/",
        "pages/chi-siamo.md": "/chi-siamo-e-dove/",
        "pages/prezzi.md": "/",
    }
    assert expected.keys() == LIVE_FILES.keys()
    assert addresses["notizie/2025-04-01-universita.md"].startswith("/2025/04/perch")
    assert addresses["notizie/2025-05-03-giornata.md"] == \
        "/2025/05/giornata-dell-orientamento/"  # lang: it, at ARTICLE_URL
    assert found == {relative: origin + path for relative, path in expected.items()}
    assert not errors, errors
    assert not notices, notices
    for relative, path in expected.items():
        title = yaml.safe_load(LIVE_FILES[relative].split("---")[1])["title"]
        if "slug:" in LIVE_FILES[relative] or relative in own:
            # the build's own address of the item, its page written, with its title
            assert addresses[relative] == path
            heading = built.soup(path).find("h1").get_text()
            assert title.replace("'", "\u2019") in heading.replace("'", "\u2019")
        elif "lang:" in LIVE_FILES[relative]:
            # its page, in its language, is not the one the site's language would give
            assert addresses[relative].startswith("/en/"), addresses[relative]
        elif not relative.startswith("pages/"):
            # the listing the build wrote for its category shows the item
            assert addresses[relative] not in found.values()
            assert built.soup(path).find("a", href=origin + addresses[relative]), path
        else:
            assert built.exists(path)


def test_a_theme_without_the_warning_colours_is_told_at_the_build(tmp_path):
    """The editor's warnings notice draws with the site stylesheet's --color-warning-edge
    and --color-warning-bg (banner.js, from the page's data-site-properties): a theme
    whose top-level :root no longer sets them (renamed, minified onto one line) left the
    notice without its edge and background, silently. The build says which are missing."""
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    base = theme / "static" / "css" / "base.css"
    css = base.read_text(encoding="utf-8")
    renamed = css.replace("--color-warning-edge", "--colore-avviso-bordo")
    assert renamed != css
    base.write_text(renamed, encoding="utf-8")
    built = build_site(tmp_path, {"pages/contatti.md": "---\ntitle: Contatti\n---\n\nTesto.\n"},
                       settings=f"THEME = {str(theme)!r}")
    assert built.returncode == 0, built.log
    log = " ".join(built.log.split())
    assert "sets --color-warning-edge: the web editor's warnings notice" in log, built.log
    assert "--color-warning-bg:" not in log.split("sets ", 1)[1].split(":", 1)[0]
