"""One rule, two languages: the JavaScript copies of the build's Python rules agree with
them.

Some rules exist twice: in Python (the build, ``./run check``, the local servers) and in
JavaScript (the web editor's scripts in plugins/admin/static/scripts/, joined into
admin/admin.js; tools/cms_guard.js, loaded into decap-server; theme/static/js/), each
JS file saying which Python module it mirrors. Each test here gives one table of inputs,
the ordinary ones and the hard edges, to both: the JS in one Node.js process (the inputs
as JSON on its stdin), the Python imported; their answers must be the same, or, where the
JS copy deliberately leaves a case to the build or is narrower, it must say so as its
comments claim.

The pairs, JS -> Python, and where each is checked:

- tools/cms_guard.js refusal -> tools/this_machine.py local_host, foreign_page (here)
- dates.js formDate, siteDate -> plugins/contract/schema.py parse_date (here)
- field-rules.js yearRefusal -> parse_date's YEARS (here); oldAddressRefusal ->
  plugins/redirects/paths.py old_path (here, and against a build: test_admin.py);
  nameRefusal -> schema.py normalise's "non si ricava un indirizzo" (here)
- old-addresses.js addressOf -> ARTICLE_URL, PAGE_URL with parse_date (here)
- file-types.js fileTypeRefusal -> plugins/core/filetypes.py problem (here)
- reserved.js reservedRefusal -> content_checks/site_paths.py site_path_clashes (here)
- link-addresses.js webHost, disguisedHost, refusedScheme, localPath ->
  contract/addresses.py browser_host, disguised_host, url_scheme, core/files.py
  local_path (here); decoded, unescaped, blankText, blankWritten -> core/text.py
  html_unescape, blank (here); link-rules.js controls -> core/text.py address_controls
  (here); the link rules built on them (link-rules.js, html-rules.js,
  link-reading.js, html-blocks.js, less-than.js) -> the build, text by text
  (test_admin.py's *_CASES)
- slugs.js siteSlug, apostrophes -> italian/slugs.py title_slug, fix_apostrophes;
  string-widget.js titleLength -> schema.py's TITLE_WARNING_LENGTH; previews.js
  leadAndBody, preview-meta.js longDate -> the site's (test_admin.py)
- theme/static/js/visit-counter.js canonical, italian -> visit_counter visit_path,
  italian numero and quanti (here)
- theme/static/js/cerca.js numbers, COMPOUND_NAME -> numero, italian/typography.py
  _COMPOUND_NAME (here)

Not rules twice: tools/preview_reload.js (it compares the build the page came from with
the one served), date-widget.js' dayAlone (a form's 00:00 is the day alone: the form's
own rule), the other scripts (Decap's widgets and pages).
"""

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support import ROOT, admin_scripts, project_settings

from tools import this_machine

pytestmark = pytest.mark.skipif(not __import__("shutil").which("node"),
                                reason="Node.js not installed (./run test installs it)")


def node(program, given, args=(), env=None):
    """What the Node.js ``program`` prints (JSON) given ``given`` as JSON on its input,
    ``args`` as its arguments (process.argv.slice(1))."""
    done = subprocess.run(["node", "-e", program, *map(str, args)], input=json.dumps(given),
                          capture_output=True, text=True, check=True,
                          env={**os.environ, **(env or {})})
    return json.loads(done.stdout)


# --- tools/cms_guard.js's refusal, tools/this_machine.py's local_host and foreign_page --

GUARD_JS = """
const {refusal} = require(process.argv[1]);
const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
console.log(JSON.stringify(cases.map(([sent]) => {
  const headers = {};  // as node's http gives them: names in lower case
  Object.keys(sent).forEach((name) => { headers[name.toLowerCase()] = sent[name]; });
  return refusal({headers}) === null;
})));
"""

# (headers, narrower): a request's headers; narrower when cms_guard refuses on purpose what
# this_machine takes from a server on loopback: decap-server takes only the names its
# editor is opened at (localhost, 127.0.0.1, [::1]), and an Origin only as browsers write
# one (no path, no user, a port of digits)
GUARD_CASES = [
    ({"Host": "localhost:8081"}, False),
    ({"Host": "127.0.0.1:8081"}, False),
    ({"Host": "[::1]:8081"}, False),
    ({"Host": "LOCALHOST"}, False),
    ({"Host": "localhost:99999"}, False),
    ({"Host": "127.0.0.2:8081"}, True),
    ({"Host": "[0:0:0:0:0:0:0:1]:8081"}, True),
    ({"Host": "localhost:"}, True),
    ({"Host": "localhost.:8081"}, False),
    ({"Host": "127.1"}, False),
    ({"Host": "attacker.example:8081"}, False),
    ({"Host": "localhost.attacker.example"}, False),
    ({"Host": "127.0.0.1.nip.io:8081"}, False),
    ({"Host": ""}, False),
    ({"Host": "localhost\u2019"}, False),
    ({}, False),
    # the page that sent it, in Origin
    ({"Host": "127.0.0.1:8081", "Origin": "http://localhost:8000"}, False),
    ({"Host": "localhost:8081", "Origin": "https://[::1]:8000"}, False),
    ({"Host": "127.0.0.1:8081", "Origin": "HTTP://LOCALHOST:8000"}, False),
    ({"Host": "127.0.0.1:8081", "Origin": "http://127.0.0.2:8000"}, True),
    ({"Host": "127.0.0.1:8081", "Origin": "http://localhost:8000/"}, True),
    ({"Host": "127.0.0.1:8081", "Origin": "http://user@localhost:8000"}, True),
    ({"Host": "127.0.0.1:8081", "Origin": "null"}, False),
    ({"Host": "127.0.0.1:8081", "Origin": "file://"}, False),
    ({"Host": "127.0.0.1:8081", "Origin": "http://localhost.:8000"}, False),
    ({"Host": "127.0.0.1:8081", "Origin": "https://attacker.example"}, False),
    ({"Host": "127.0.0.1:8081", "Origin": "http://localhost.attacker.example:8000"}, False),
    ({"Host": "127.0.0.1:8081", "Origin": "http://%6cocalhost:8000"}, False),
    ({"Host": "127.0.0.1:8081", "Origin": "http://localhost:8000",
      "Referer": "https://attacker.example/"}, False),
    # without Origin: the page in Referer, else the browser's Sec-Fetch-Site
    ({"Host": "127.0.0.1:8081", "Referer": "http://localhost:8000/admin/#/"}, False),
    ({"Host": "127.0.0.1:8081", "Referer": "http://[::1]:8000/admin/"}, False),
    ({"Host": "127.0.0.1:8081", "Referer": "https://attacker.example/pagina"}, False),
    ({"Host": "127.0.0.1:8081", "Referer": "http://localhost.attacker.example/"}, False),
    ({"Host": "127.0.0.1:8081", "Referer": "about:blank"}, False),
    ({"Host": "127.0.0.1:8081", "Referer": "http://127.0.0.2:8000/admin/"}, True),
    ({"Host": "127.0.0.1:8081", "Referer": "http://user@localhost:8000/admin/"}, True),
    ({"Host": "127.0.0.1:8081", "Referer": "http://%6cocalhost:8000/admin/"}, False),
    ({"Host": "127.0.0.1:8081", "Referer": "http://127.1:8000/admin/"}, False),
    ({"Host": "127.0.0.1:8081", "Referer": "HTTP://LOCALHOST/admin/"}, False),
    ({"Host": "127.0.0.1:8081", "Referer": "http://localhost:8000?x=1"}, False),
    ({"Host": "127.0.0.1:8081", "Sec-Fetch-Site": "cross-site"}, False),
    ({"Host": "127.0.0.1:8081", "Sec-Fetch-Site": " Cross-Site "}, False),
    ({"Host": "127.0.0.1:8081", "Sec-Fetch-Site": "same-site"}, False),
    ({"Host": "127.0.0.1:8081", "Sec-Fetch-Site": "none"}, False),
    ({"Host": "127.0.0.1:8081", "Origin": "http://localhost:8000",
      "Sec-Fetch-Site": "cross-site"}, False),
]


def test_cms_guard_takes_only_what_this_machine_takes():
    """decap-server's guard (tools/cms_guard.js) and the other local servers' rule
    (tools/this_machine.py, for a server on loopback: no HOST names) agree on every
    request's Host, Origin, Referer and Sec-Fetch-Site, the guard refusing on purpose a
    few more (only the three names the editor is opened at). The guard read only Origin:
    a request without one, from a page elsewhere named in its Referer, or said
    "cross-site" by the browser, reached decap-server, which the other servers refuse."""
    verdicts = node(GUARD_JS, GUARD_CASES, [ROOT / "tools" / "cms_guard.js"])
    python = [this_machine.local_host(headers.get("Host"))
              and not this_machine.foreign_page(headers) for headers, _ in GUARD_CASES]
    assert [narrower for (_, narrower), taken in zip(GUARD_CASES, python)
            if narrower and not taken] == []  # narrower only than what Python takes
    assert [(headers, guard, taken) for (headers, narrower), guard, taken
            in zip(GUARD_CASES, verdicts, python) if guard != (taken and not narrower)] == []


# --- The web editor's scripts, on the page the build writes ----------------------------

@pytest.fixture(scope="module")
def page():
    """The data- attributes admin/index.html gives the editor's scripts, as the build
    renders it from the project's settings (plugins/admin/output.py)."""
    from plugins.admin.output import render_index  # noqa: PLC0415

    settings = project_settings(ROOT / "pelicanconf.py")
    html = render_index(settings, {})
    script = BeautifulSoup(html, "html.parser").find("script", attrs={"data-timezone": True})
    return {"settings": settings, "attributes": dict(script.attrs)}


def admin_js(page, program, given, zone="Europe/Rome"):
    """``program`` run after the editor's scripts, as their page runs them (with stand-ins
    for Decap), in a browser whose time zone is ``zone``; ``A`` is what they share
    (window.FareLegamiAdmin), ``given`` the input; what it prints, read as JSON."""
    prelude = (
        "globalThis.window = {confirm: () => true, h: (type, props) => props,\n"
        "  createClass: (spec) => spec, CMS: {registerEventListener: () => {},\n"
        "    registerPreviewTemplate: () => {}, registerPreviewStyle: () => {}}};\n"
        "globalThis.document = {baseURI: 'http://127.0.0.1/admin/', currentScript: {\n"
        f"  getAttribute: (name) => ({json.dumps(page['attributes'])})[name] ?? null}},\n"
        "  documentElement: {lang: 'it'}};\n"
        "for (const path of process.argv.slice(1)) {\n"
        "  eval(require('fs').readFileSync(path, 'utf8'));\n}\n"
        "const A = window.FareLegamiAdmin;\n"
        # an entry's data as Decap's (an Immutable map)
        "class Data { constructor(o) { this.o = o; } get(k) { return this.o[k]; } }\n"
        "const given = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n")
    return node(prelude + program, given, admin_scripts(), {"TZ": zone})


# --- page.js' strip, Python's str.strip -------------------------------------------------

# every character Python's strip() takes, and some it leaves (U+FEFF, U+200B, U+180E)
STRIPPED = [chr(code) for code in range(0x3000 + 1) if chr(code).isspace()]
STRIP_TEXTS = ["", "a", " a ", "\ufeffa\ufeff", "\u200ba\u200b", "\u180ea", "a b",
               *(f"{blank}a{blank}b{blank}" for blank in STRIPPED), "".join(STRIPPED),
               "".join(STRIPPED) + "a" + "".join(STRIPPED)]


def test_the_editor_strips_a_text_as_the_build_does_in_linear_time(page):
    """page.js' strip (dates.js, field-rules.js and link-addresses.js read every field
    with it, at each check of the form) takes what Python's strip() takes. Its pattern,
    /^S+|S+$/g, tried S+$ at every blank of a run: a line pasted with 100,000 spaces
    inside took seconds (quadratic), the editor frozen at each keystroke."""
    said = admin_js(page, """
      const texts = given.texts.map((text) => A.strip(text));
      const long = ["a" + " ".repeat(given.n) + "b", " ".repeat(given.n),
        "a" + "\\u3000".repeat(given.n), "\\x85".repeat(given.n) + "a"];
      const started = process.cpuUsage();
      const stripped = long.map((text) => A.strip(text).length);
      const spent = process.cpuUsage(started);
      console.log(JSON.stringify({texts, stripped, seconds: (spent.user + spent.system) / 1e6}));
    """, {"texts": STRIP_TEXTS, "n": 100_000})
    assert said["texts"] == [text.strip() for text in STRIP_TEXTS]
    assert said["stripped"] == [100_002, 0, 1, 1]
    assert said["seconds"] < 0.5  # linear: milliseconds; quadratic: over ten seconds


# --- dates.js' formDate and field-rules.js' yearRefusal, plugins/contract/schema.py's
# parse_date ---------------------------------------------------------------------------

DATES = [
    # the form's own, and the contract's days and times
    "2024-06-12 10:30", "2024-06-12", "2024-06-12T10:30", "  2024-06-12 10:30  ",
    # with an offset: shown in the site's time (Rome), as the site shows it
    "2024-09-10T16:00:00+00:00", "2024-06-30T23:30:00Z", "2024-06-12T10:30Z",
    "2024-12-31T23:30:00.5-01:00", "2024-06-12T10:30:00.123456789+02:00",
    "2024-06-12T10:30+0530", "2024-06-12T10:30-00:00", "2024-06-12T10:30+23:59",
    "2024-06-12T10:30+02:60", "2024-06-12T10:30+0299", "  2024-06-12T10:30+02:00 ",
    "2024-06-12\u00a010:30+02:00", "2024-06-12\u202f10:30+02:00", "2024-06-12\x1c10:30Z",
    # the changes of the clock: 31 March 2024 02:00 -> 03:00, 27 October 03:00 -> 02:00
    "2024-03-31T00:30:00Z", "2024-03-31T01:30:00Z", "2024-03-31 02:30",
    "2024-10-27T00:30:00Z", "2024-10-27T01:30:00Z", "2024-10-27 02:30",
    "2024-10-27T02:30:00+02:00", "2024-10-27T02:30:00+01:00",
    # what the build refuses ("non è una data valida"): left as written
    "2024-06-12T10:30:00z", "2024-06-12t10:30:00Z", "2024-06-12T10:30+05",
    "2024-06-12 10:30 +02:00", "2024-06-12 9:30+02:00", "2024-02-30T10:00+01:00",
    "2024-06-12T24:00+01:00", "2024-06-12T10:60Z", "2024-06-12T10:30:60Z",
    "2024-06-12T10:30+24:00", "2024-06-12T10:30:00.+02:00", "2024-06-12\ufeff10:30Z",
    "2024-06-12T10:30+00:00:30", "12/06/2024 10:30", "domani", "",
    # years the build refuses (YEARS)
    "0025-06-12T10:00:00+02:00", "1899-12-31T23:30:00Z", "3000-01-01 10:00", "0025-06-12",
    "20255-06-12 10:00", " 0099-01-01T00:00Z", "1900-01-01T00:30:00+01:00",
    "2999-12-31T23:30:00-01:00",
]


def site_reading(value):
    """The build's reading of a date (parse_date, the site's TIMEZONE) as the contract
    writes it (2024-06-12 10:30, or the day alone), or the build's refusal: "year"
    for the year, "invalid" for any other."""
    from plugins.contract.schema import parse_date  # noqa: PLC0415
    from plugins.italian.dates import as_written  # noqa: PLC0415

    try:
        return as_written(parse_date(value, "Europe/Rome"))
    except ValueError as error:
        return "year" if str(error).startswith("year ") else "invalid"


@pytest.mark.parametrize("zone", ["Europe/Rome", "America/New_York", "Asia/Kolkata"])
def test_the_form_shows_a_date_as_the_build_reads_it_or_as_written(page, zone):
    """formDate gives the form a date written with an offset as the site's clock shows
    it (dates.js): the build's reading, in any browser's time zone. A date the build
    refuses is left as written, for the build to name: read by Date, "2024-02-30T10:00
    +01:00" was shown as 1 March, "T24:00" as the next day, "+05" as an offset the build
    does not take, "0025-…" as "25-06-12 08:49"; a no-break space between day and time,
    which the build reads as a space, left the date to Decap, which showed the browser's
    clock. A date without an offset is the site's clock time as written."""
    shown = admin_js(page, "console.log(JSON.stringify(given.map(A.formDate)));", DATES, zone)
    expected = []
    for value in DATES:
        read = site_reading(value)
        offset = value.strip().endswith("Z") or "+" in value or value.count("-") > 2
        # what the build reads, in its words; as written when there is no offset (the
        # site's clock time) or the build refuses the date
        expected.append(read if offset and read not in ("year", "invalid") else value)
    assert [(value, form, wanted) for value, form, wanted in zip(DATES, shown, expected)
            if form != wanted] == []


def test_the_form_refuses_the_years_the_build_refuses(page):
    """yearRefusal names a date whose year is out of the build's YEARS (schema.py): the
    same dates the build refuses for their year, and none it takes."""
    said = admin_js(page, "console.log(JSON.stringify(given.map((value) =>"
                    " A.yearRefusal(value) !== null)));", DATES)
    read = [site_reading(value) for value in DATES]
    assert [value for value, refused, build in zip(DATES, said, read)
            if build == "year" and not refused] == []
    assert [value for value, refused, build in zip(DATES, said, read)
            if refused and build not in ("year", "invalid")] == []
    assert sum(build == "year" for build in read) >= 4  # the table has them


# --- file-types.js' fileTypeRefusal, plugins/core/filetypes.py's problem -------------------

FILE_NAMES = [
    "verbale.pdf", "Verbale.PDF", "verbale.doc", "verbale.DOCX", "archivio.tar.gz",
    "archivio.zip", ".pdf", "..pdf", ".hidden.pdf", "verbale.", "verbale", "città.Pdf",
    "a.b/verbale", "a.pdf/verbale", "résumé.odt", "tabella.csv", "nota.TXT", "nota.md",
    "foto.png", "foto.JPG", "foto.jpeg", "foto.WebP", "foto.gif", "foto.HEIC", "foto.svg",
    "video.mp4", "x.exe", "x.ß", "x.İ", "x.Σ", "x.pdf\u200b", "x.p\u0000df", "x.🎉",
    "x.pdf ", "x.PDF.doc", "x.doc.pdf",
]
# addresses of {static} links, after "{static}/"
STATIC_TARGETS = [
    "allegati/verbale%2Edoc", "allegati/verbale%2epdf", "allegati/verbale.pdf?v=2",
    "allegati/verbale.doc#pagina=2", "allegati/verbale.pdf%3Fx.doc", "allegati/citt%C3%A0.doc",
    "allegati/caf%E9.pdf", "allegati/100%.doc", "immagini/2024/foto.png?x.gif",
    "immagini/2024/foto%2Egif", "allegati/verbale.pdf#x.doc", "allegati/foto.JPG%20",
]


def test_the_editor_refuses_the_file_types_the_build_refuses(page):
    """fileTypeRefusal refuses an attachment, a cover image or a file linked with {static}
    of a type the build refuses (plugins/core/filetypes.problem: by its extension, in any
    case), in the build's words; it leaves the file's content to the build."""
    from plugins.admin.output import ATTACHMENT_KINDS  # noqa: PLC0415
    from plugins.contract.check import linkable_folders  # noqa: PLC0415
    from plugins.core import filetypes  # noqa: PLC0415
    from plugins.core.urls import content_path  # noqa: PLC0415

    folders = linkable_folders(page["settings"])
    cases = [("attachments", name, ATTACHMENT_KINDS) for name in FILE_NAMES]
    cases += [("image", f"immagini/2024/{name}", filetypes.IMAGES) for name in FILE_NAMES]
    cases += [("body", folder + name, kinds) for folder, kinds in folders.items()
              for name in FILE_NAMES if "\u0000" not in name and " " not in name]
    # a link's address: its path, %xx decoded (core.urls' content_path), in its folder
    for target in STATIC_TARGETS:
        path = content_path("/" + target, "notizie")
        cases.append(("body", target, next(kinds for folder, kinds in folders.items()
                                           if path.startswith(folder))))
    said = admin_js(page, """
console.log(JSON.stringify(given.map(([field, name]) => A.fileTypeRefusal(new Data(
  field === "body" ? {body: "Il [file]({static}/" + name + ")."} : {[field]: field ===
  "image" ? name : [{file: name}]})))));
""", [case[:2] for case in cases])
    build = []
    for field, name, kinds in cases:
        path = content_path("/" + name, "notizie") if field == "body" else name
        problem = filetypes.problem(path, os.devnull, kinds) or ""  # an empty file if taken
        build.append(problem.split(" / ")[0] if problem.startswith("tipo di file") else None)
    assert [(name, refused, words) for (_, name, _), refused, words in zip(cases, said, build)
            if (refused is None) != (words is None)
            or words is not None and not refused.startswith(words + " (")] == []
    assert 20 < sum(words is not None for words in build) < len(build) - 20


# --- reserved.js' reservedRefusal, plugins/content_checks/site_paths.py's
# site_path_clashes ---------------------------------------------------------------------

# (collection, title, slug): a page or an article of the form
RESERVED_CASES = [
    (collection, title, None) for collection in ("pages", "notizie") for title in (
        "Documenti", "DOCUMENTI", "Documenti!", "Documenti 2024", "I documenti",
        "🎉 Documenti 🎉", "Archivio", "L’archivio", "L'archivio", "Cerca", "Ricerca",
        "Autori", "Segui", "Admin", "Feeds", "Feed", "Theme", "Immagini", "Allegati",
        "Pagefind", "Categorie", "Argomenti", "Index.html", "Sitemap.xml", "404.html",
        "Robots.txt", "Documènti", "Àrchivio", "Segui—ci", "Cerca – trova", "Http:",
        "Chi siamo", "Contatti")
] + [
    ("pages", "Chi siamo", slug) for slug in (
        "documenti", "archivio", "theme", "pagefind", "cerca-eventi", "robots.txt",
        "sitemap.xml", "index.html", "chi-siamo", " documenti ", "http:")
] + [("notizie", "Festa", "documenti"), ("notizie", "Festa", "2024")]


def test_the_editor_refuses_the_addresses_the_site_keeps_as_the_build_does(page):
    """reservedRefusal refuses an item whose address starts where the site writes its own
    pages (/documenti/, /cerca/, /theme/…), as the build refuses it (site_path_clashes
    over reserved_paths): the same items, with the address made from the site's pattern,
    the slug from the title as the site makes it; a title whose slug the editor cannot
    make as the site does is left to the build."""
    from types import SimpleNamespace  # noqa: PLC0415

    from plugins.content_checks.site_paths import site_path_clashes  # noqa: PLC0415
    from plugins.contract.schema import parse_date  # noqa: PLC0415
    from plugins.italian.slugs import slug_substitutions, title_slug  # noqa: PLC0415

    settings = page["settings"]
    date = "2024-06-12 10:30"
    said = admin_js(page, """
console.log(JSON.stringify(given.map(([collection, title, slug]) => A.reservedRefusal(
  new Data({collection, path: ""}), new Data({title, slug, date: "2024-06-12 10:30"})))));
""", RESERVED_CASES)
    made = admin_js(page, "console.log(JSON.stringify(given.map(([, title]) =>"
                    " A.siteSlug(title))));", RESERVED_CASES)
    build = []
    for collection, title, slug in RESERVED_CASES:
        slug = (slug or "").strip() or title_slug(title, slug_substitutions())
        pattern = settings["PAGE_SAVE_AS" if collection == "pages" else "ARTICLE_SAVE_AS"]
        entry = SimpleNamespace(source=f"{collection}/x.md", line=None, save_as=pattern.format(
            slug=slug, date=parse_date(date, settings["TIMEZONE"])))
        build.append(bool(site_path_clashes([entry], settings)))
    left = [made_slug is None and not slug for made_slug, (_, _, slug)
            in zip(made, RESERVED_CASES)]  # siteSlug leaves the title to the build
    assert [(case, refused, clash) for case, refused, clash, to_build
            in zip(RESERVED_CASES, said, build, left)
            if (refused is not None) != clash and not (to_build and refused is None)] == []
    assert sum(build) > 10 and not all(build)


# --- theme/static/js/visit-counter.js: canonical and italian, plugins/visit_counter's
# visit_path and plugins/italian's numero ----------------------------------------------

# visit-counter.js on a page of the site whose .visit-count elements are given (their
# data- attributes), each recording its visit and showing its count, with stand-ins for
# the browser: each request's address and each element's text, once all are answered
# (the counter gives every path the count in given.count)
VISITS_JS = """
const fs = require("fs");
const given = JSON.parse(fs.readFileSync(0, "utf8"));
const requests = [];
const elements = given.elements.map((attributes) => ({
  attributes: {...attributes, "data-visit-record": ""}, textContent: "",
  getAttribute(name) { return name in this.attributes ? this.attributes[name] : null; },
  hasAttribute(name) { return name in this.attributes; },
  setAttribute(name, value) { this.attributes[name] = value; }}));
globalThis.window = globalThis;
window.top = window;
Object.defineProperty(globalThis, "navigator", {value: {}, configurable: true});
globalThis.location = {protocol: "https:", hostname: "farelegami.example.org",
  pathname: given.pathname};
globalThis.document = {title: "Pagina", visibilityState: "visible",
  currentScript: {dataset: {endpoint: "https://stats.example.org/", countLocal: ""}},
  querySelectorAll: () => elements, addEventListener: () => {}};
globalThis.fetch = (url) => {
  requests.push(url);
  return Promise.resolve({ok: true, status: 200, arrayBuffer: () => Promise.resolve(null),
    json: () => Promise.resolve({count: given.count})});
};
eval(fs.readFileSync(process.argv[1], "utf8"));
setTimeout(() => console.log(JSON.stringify({requests,
  shown: elements.map((element) => element.textContent)})), 300);
"""
VISIT_COUNTER = ROOT / "theme" / "static" / "js" / "visit-counter.js"


def visits_js(elements, count="0", pathname="/"):
    return node(VISITS_JS, {"elements": elements, "count": count, "pathname": pathname},
                [VISIT_COUNTER])


VISIT_PATHS = [
    "/2024/05/festa/", "/2024/05/festa/index.html", "/2024/05/festa", "/", "", "//a//b//",
    "/a/?x=1", "/a/#top", "/a?b#c", "/caf%C3%A9/", "/città/", "/a b/", "/%F0%9F%8E%89/",
    "/a%2Fb/", "/a%2F%2Fb/", "/a%3Fb/", "/a%23b/", "/INDEX.HTML", "/a/index.html/",
    "/a/index.htm", "/index.html", "/a/index.html?x", "/a%00b/", "/caf%E9/", "/%",
    "/100%/caf%C3%A9/", "/a%C3/b%A9/", "/%E2%82/", "/%ED%A0%80/", "/%F4%90%80%80/",
    "/a%2/", "/a%zz/", "/a/%69ndex.html", "/a%2findex.html",
    # a byte order mark, kept by Python's unquote (TextDecoder drops a leading one)
    "/%EF%BB%BFa/", "/x%EF%BB%BF/", "/%EF%BB%BF/",
]


def test_the_counter_records_the_path_the_build_names():
    """visit-counter.js records and asks for a page's visits under its path made as the
    build makes it (plugins/visit_counter's visit_path, which the templates write as
    data-visit-path, and the count of the old site, visite_precedenti, is added to): the
    address's path without query, fragment, index.html and last "/", every %xx decoded
    as Python's unquote decodes it, bytes that are no UTF-8 included."""
    from plugins.visit_counter import visit_path  # noqa: PLC0415
    from urllib.parse import parse_qs, urlsplit  # noqa: PLC0415

    found = visits_js([{"data-visit-path": path} for path in VISIT_PATHS])
    recorded = [parse_qs(urlsplit(url).query)["p"][0] for url in found["requests"]
                if "/count?" in url]
    assert [(path, js, visit_path(path)) for path, js in zip(VISIT_PATHS, recorded)
            if js != visit_path(path)] == []
    # and the page's own address when the element names none (location.pathname)
    for path in ("/2024/05/caf%C3%A9/", "/caf%E9/index.html"):
        [url, _] = visits_js([{}], pathname=path)["requests"]
        assert parse_qs(urlsplit(url).query)["p"][0] == visit_path(path)


VISIT_COUNTS = [1, 2, 9, 10, 999, 1000, 1459, 9999, 10000, 10001, 14590, 99999, 100000,
                123456, 999999, 1000000, 1234567, 99999999, 123456789012, 10**12]


def test_the_counter_writes_counts_as_the_build_writes_numbers():
    """visit-counter.js writes a count as the build writes Italian numbers (numero: four
    digits ungrouped, then groups of three with "."), and "1 visita", "N visite" as the
    build's quanti. Its counts are whole and positive (a count of 0 is not shown)."""
    from plugins.italian import quanti  # noqa: PLC0415

    found = visits_js([{"data-visit-path": f"/n{number}", "data-visit-offset": str(number)}
                       for number in VISIT_COUNTS] + [{"data-visit-path": "/zero"}])
    assert found["shown"] == [quanti(number, "visita", "visite")
                              for number in VISIT_COUNTS] + [""]


# --- field-rules.js' oldAddressRefusal, plugins/redirects/paths.py's old_path ------------

OLD_ADDRESSES = [
    "/notizie/123-presentazione.html", "/notizie/festa/", "/notizie/festa", "/a.htm",
    "/a.PHP", "/A.HTML", "  /notizie/1.html  ", "https://www.example.org/notizie/1.html",
    "HTTP://WWW.EXAMPLE.ORG/a.php", "https://example.org", "https://example.org/",
    "http://[::1]:8080/a.html", "http://[::1/a.html", "http://ex\tample.org/a.html",
    "http:///a.html", "ftp://example.org/a.html", "mailto:x@example.org", "www.example.org/a",
    "notizie/1.html", "/index.php?id=12", "/a.html#sopra", "/a\\b.html", "/a%5Cb.html",
    "/", "//", "/./a", "/a/../b", "/%2e%2e/a", "/.htaccess", "/a/.git/config", "/a.",
    "/a..b", "/a.pdf", "/a.jpg/", "/a.tar.gz", "/citt%C3%A0.html", "/città.html",
    "/caf%E9.html", "/%E9%0A.html", "/a%0Ab", "/a\nb", "/a%7Fb", "/a%C2%85b", "/a\x85b",
    "/a%00", "/100%.html", "/a%zz", "\ufeff/a.html", "/a.html\ufeff", "/a.html\x1c",
    "\u00a0/a.html\u2003", "/admin/vecchio.html", "/ADMIN/x", "/theme/a.html",
    "/immagini/a.html", "/pagina/2/", "/sitemap.xml", "/index.html", "/feeds/x.html",
    "/%61dmin/x", "/" + "a" * 200 + ".html", "/" + "a" * 195 + ".html", "/" + "à" * 98,
    "/" + "à" * 100, "/" + "/".join(["a" * 99] * 10), "/" + "/".join(["a" * 99] * 9),
    "/🎉.html", "/a b.html", "/A/B/",
    # a byte order mark, three bytes kept by Python's unquote
    "/%EF%BB%BFa/", "/x%EF%BB%BF/", "/%EF%BB%BF" + "a" * 195 + ".html",
]


def old_address_refusals(page, addresses):
    """What oldAddressRefusal says of each of ``addresses``, one to a form."""
    return admin_js(page, "console.log(JSON.stringify(given.map((address) =>"
                    " A.oldAddressRefusal(new Data({indirizzi_precedenti: [address]})))));",
                    addresses)


def build_old_address_refusals(page, addresses):
    """What the editor should say of each of ``addresses``: the build's refusal (old_path
    with the site's folders) in the form's words, or None."""
    from plugins.redirects.paths import _CONTROL_RE, KEY, old_path, site_folders  # noqa: PLC0415

    folders = site_folders(page["settings"])
    expected = []
    for address in addresses:
        _, problem = old_path(address, folders)
        italian = (problem or "").rsplit(" / ", 1)[0]
        value = address.strip()
        written = _CONTROL_RE.sub(lambda found: repr(found.group())[1:-1], value)
        reason = italian.removeprefix(f"`{KEY}`: {written} ").removeprefix(
            f"`{KEY}`: {written[:80]}… ")
        expected.append(problem and f"l'indirizzo precedente «{value}» {reason} (campo"
                                    " «Indirizzi precedenti»), e il sito non verrebbe"
                                    " pubblicato.")
    return expected


def test_the_editor_refuses_the_old_addresses_the_build_refuses(page):
    """oldAddressRefusal refuses the old addresses the build refuses (redirects' old_path,
    with the site's folders), for the same reason, in the same words: it had no limit to
    an address's length (a name of 250 letters stopped the build), decoded no %xx run
    holding a byte that is no UTF-8 ("/%E9%0A.html", a control character to the build),
    and trimmed the spaces of JavaScript ("\\ufeff/a.html" taken, "/a.html\\x1c"
    refused) where the build strips Python's. The build, for its part, stopped with a
    traceback on "http://[::1/a.html" (urlsplit's "Invalid IPv6 URL") and read the path of
    "http://ex\\tample.org/a.html" a letter off (urlsplit drops the tab)."""
    said = old_address_refusals(page, OLD_ADDRESSES)
    expected = build_old_address_refusals(page, OLD_ADDRESSES)
    assert [(address, js, wanted) for address, js, wanted in zip(OLD_ADDRESSES, said, expected)
            if js != wanted] == []
    assert 20 < sum(bool(wanted) for wanted in expected) < len(expected) - 15


def test_the_editor_refuses_an_old_address_of_countless_parts_as_the_build_does(page):
    """oldAddressRefusal took the longest part's length with Math.max.apply, one argument
    a part: an address pasted with 300,000 "/" (a line of the old site's log, garbled)
    threw a RangeError (too many arguments) and the form's check stopped."""
    addresses = ["/a" * 300_000, "/" + "a" * 201 + "/a" * 300_000, "/" + "ab/" * 400]
    said = old_address_refusals(page, addresses)
    expected = build_old_address_refusals(page, addresses)
    assert [said_one == wanted for said_one, wanted in zip(said, expected)] == [True] * 3
    assert all("è troppo lungo" in one for one in said)


# --- field-rules.js' nameRefusal, plugins/contract/schema.py's "non si ricava un
# indirizzo" for tags and authors ----------------------------------------------------------

NAMES = ["Festa", "Città", "🎉", "🎉🎉 ", "—", "’", "°", "n°", "&", "&amp;", "&#128512;",
         "&nbsp;", "#", "...", "\u200b", "\u2800", "C++", "1", "ß", "Ω", "\u00a0", "<Festa>",
         "<b>", "<>", "«»", "Sant’Agata", "‼️", "👍🏽", "🅰", "\ufffd", "%", "%20", "_", "-",
         "l’", "€", "©", "™", "Ⅻ", "٣", "ⓐ", "\U0001F1EE\U0001F1F9", "\ufeff", "\x1c",
         " \ufeff🎉 ", "\u3000", "#Festa", "#🎉"]


def test_the_editor_refuses_the_names_that_give_no_address_as_the_build_does(page):
    """nameRefusal refuses a topic or an author the build gives no address (make_slug:
    symbols or emoji only), and no other; a name whose slug it cannot make as the site
    does (siteSlug: null) is left to the build."""
    from plugins.contract.schema import normalise  # noqa: PLC0415

    fields = [{"tags": [name]} for name in NAMES] + [
        {"authors": ["Anna Rossi", name]} for name in NAMES] + [{"author": name} for name in NAMES]
    said = admin_js(page, """
console.log(JSON.stringify(given.map((fields) => [A.nameRefusal(new Data(fields)) !== null,
  A.siteSlug(Object.values(fields)[0].slice ? [].concat(Object.values(fields)[0]).pop()
    : "")])));
""", fields)
    build = []
    for each in fields:
        _, problems, _ = normalise({"title": "Festa", "date": "2024-06-12 10:30", **each},
                                   is_page=False, settings=page["settings"])
        build.append(any("non si ricava un indirizzo" in problem for _, problem in problems))
    # the same, but where siteSlug leaves the name to the build (null)
    assert [(each, refused, made, wanted) for each, (refused, made), wanted
            in zip(fields, said, build)
            if refused != wanted and not (made is None and wanted and not refused)] == []
    assert sum(build) > 20 and sum(refused for refused, _ in said) > 20


# --- link-addresses.js' webHost, disguisedHost, refusedScheme and localPath,
# plugins/contract/addresses.py's browser_host, disguised_host and url_scheme,
# plugins/core/files.py's local_path ------------------------------------------------------

ADDRESSES = [
    "https://example.org/", "https://EXAMPLE.org:8080/x", "https://example.org./",
    "https://example.org:/", "https://example.org:abc/", "https://example.org:8080:9/",
    "https://[::1]:80/", "https://[::1]/", "https://[::1/", "https://::1]/",
    "https://[::1]x/", "https://[evil.example]/", "https://[127.0.0.1]/",
    "https://[v1.x]/", "https://[::ffff:1.2.3.4]/", "https://[fe80::1%25eth0]/",
    "https://user@example.org/", "https://a@b@c/", "https://example.org\\@allowed.example/",
    "https://exa mple.org/", "https://exa\tmple.org/", "https://exa%6dple.org/",
    "https://ÉXAMPLE.org/", "https://İ.org/", "https://example.org\u3002com/",
    "HTTPS:example.org", "https:///example.org", "https:////example.org", "//example.org/x",
    "http:\\\\evil.example\\", "1http://x/", " \u00a0https://example.org/ ",
    "\ufeffhttps://example.org/", "/\\evil.example/", "\\/evil.example/", "\\\\evil.example/",
    "///evil.example/", "//evil.example/", " /\\evil.example:8080/x", "/\\nome@Evil.example:80/",
    "/\\\tevil.example/", "/\\[::1]/", "/\\[::1/", "/\\evil.example?x", "/\\evil.example#x",
    "/\\EVIL.example", "/\\évil.example", "<//\\evil.example/>", "/contatti/", "#sopra",
    "?q=1", "programma", "{static}/allegati/x.pdf", "java\tscript:alert(1)", " JavaScript:x",
    "j a v a s c r i p t:x", "sms:+39", "geo:45,9", "tel:+39", "mailto:x@example.org",
    "MAILTO:x", "HTTP://x", "+x:y", "a+b-c.d:x", "é:x", "\x01javascript:x",
    "javascript\x01:x", "data:image/png;base64,xx", "C:\\Users\\a.pdf", "c:/x",
    "file:///C:/x", "\\\\server\\share\\x", "~/x", "/Users/anna/x.pdf", "/home/anna/",
    "/home/anna/x", "  /Volumes/a/b ", "/var/folders/x/y", "/private/x/y", "/usr/share/x",
]


def test_the_editor_reads_a_links_host_and_scheme_as_the_build_does(page):
    """The primitives the editor's link and HTML rules are made of read an address as the
    build's: the host a browser would load it from (browser_host: as urlsplit's hostname,
    "example.org" of "https://example.org:abc/", none of "https://[::1/"; the allowed
    video hosts are judged by it), the other site of an address made to look like a path
    of this one (disguised_host), a scheme the site does not allow, a path on the
    editor's computer. webHost took "example.org:abc" for a host, "::1]x" and ":" for
    others, and disguisedHost "[::1]" for ::1."""
    from plugins.contract.addresses import (  # noqa: PLC0415
        browser_host, disguised_host, url_scheme)
    from plugins.contract.allowlist import SCHEMES  # noqa: PLC0415
    from plugins.core.files import local_path  # noqa: PLC0415

    said = admin_js(page, "console.log(JSON.stringify(given.map((address) => [A.webHost("
                    "address), A.disguisedHost(address), A.refusedScheme(address),"
                    " A.localPath(address)])));", ADDRESSES)
    build = []
    for address in ADDRESSES:
        # disguisedHost and refusedScheme take Markdown's <address> too
        bare = address.strip().removeprefix("<").removesuffix(">")
        scheme = url_scheme(bare)
        build.append([browser_host(address), disguised_host(bare),
                      scheme if scheme and scheme not in SCHEMES else "", local_path(address)])
    assert [(address, js, python) for address, js, python in zip(ADDRESSES, said, build)
            if js != python] == []
    assert all(any(row[column] for row in build) for column in range(4))


# --- link-addresses.js' decoded, unescaped, blankText and blankWritten, plugins/core/text.py's
# html_unescape and blank --------------------------------------------------------------------

REFERENCES = [
    "&amp;", "&amp", "&AMP;", "&nbsp;", "&nbsp", "&NewLine;", "&Tab;", "&colon;", "&sol;&sol;",
    "&lt;b&gt;", "&eacute;", "&ZeroWidthSpace;", "&zwnj;", "&ensp;", "&#8203;", "&#x200B",
    "a&b", "&", "&#", "&#x;", "&#99999999999999999999;", "&#65;&#66", "&#106avascript:",
    "java&#x73;cript:", "http&#127;s://example.org/", "&#x20;&#xA0;", "&#x1;x", "x&#X41;",
] + [f"&#{code};" for code in (*range(0, 0x250), *range(0x2000, 0x2070), *range(0xd7fe, 0xe002),
                               *range(0xfdcf, 0xfdf1), 0xfeff, 0xfffd, 0xfffe, 0xffff,
                               0x10000, 0x1f7fe, 0x1fffe, 0x1ffff, 0x2fffe, 0xe0001, 0x10fffe,
                               0x10ffff, 0x110000)] + [f"&#x{code:x}" for code in range(0x7e, 0xa1)]


def spaced(text):
    """``text`` with each blank character (core.text's blank) a space."""
    from plugins.core.text import blank  # noqa: PLC0415

    return "".join(" " if blank(character) else character for character in text)


def test_the_editor_decodes_character_references_as_the_page_does(page):
    """A link's address written with character references is the page's HTML's once
    decoded: decoded gives each number the character a browser gives it (the HTML
    standard: Windows-1252's for U+0080-009F, U+FFFD for none), as the build reads an
    address (core.text's html_unescape: html.unescape's reading but for the controls and
    noncharacters html.unescape drops and a browser keeps); unescaped decodes the named
    ones it knows, else leaves the text to the build (null); a text is blank as
    core.text's blank judges it, written or decoded.

    Those numbers were a disagreement: "http&#127;s://example.org/" was an https link to
    the build's check (html.unescape dropped the U+007F) and built without a word, while
    the browser reads "http\x7fs://example.org/", an address relative to the page, and
    the editor refuses it; now the build reads the U+007F as a browser does, and both
    refuse an address holding a control character or a noncharacter (core.text's
    address_controls, link-rules.js' controls), saying so."""
    import html  # noqa: PLC0415

    from plugins.contract.body import control_problem  # noqa: PLC0415
    from plugins.core.text import address_controls, blank, html_unescape  # noqa: PLC0415

    said = admin_js(page, "console.log(JSON.stringify(given.map((text) => [A.decoded(text,"
                    " true), A.unescaped(text), A.blankText(text), A.blankWritten(text, true),"
                    " A.controls(A.decoded(text, true))])));",
                    REFERENCES)
    wrong = []
    for text, (decoded, unescaped, blank_text, blank_written, controls) in zip(REFERENCES,
                                                                              said):
        build = html_unescape(text)
        named = re.search(r"&[A-Za-z]", text)  # decoded knows a few names (NAMED)
        # unescaped: a named blank reference as a space (blank characters are one to blank)
        if (decoded != build and not named
                or unescaped is not None and spaced(unescaped) != spaced(build)
                or blank_text != blank(text) or blank_written != blank(build)
                or sorted(set(controls)) != sorted(address_controls(build))):
            wrong.append((text, decoded, unescaped, build, blank_text, blank_written))
    assert wrong == []
    assert sum(unescaped is not None for _, unescaped, *_ in said) > len(REFERENCES) - 10
    # the numbers html.unescape drops: the editor (link-rules.js' controlRefusal) and the
    # build (body.py's control_problem) refuse an address holding one, "http…s://…"
    dropped = [(text, controls) for text, (*_, controls) in zip(REFERENCES, said)
               if html.unescape(text) != html_unescape(text)]
    assert len(dropped) > 40
    assert [text for text, controls in dropped if not controls
            or not control_problem(html_unescape(f"http{text}s://example.org/"))] == []


# --- theme/static/js/cerca.js: its counts and compound names, plugins/italian's numero
# and typography.py's _COMPOUND_NAME --------------------------------------------------------

# cerca.js' functions and constants, its page's start (main()) left out, in a page whose
# language is the site's
CERCA_JS = """
const fs = require("fs");
globalThis.document = {documentElement: {lang: "it"}};
globalThis.window = globalThis;
const text = fs.readFileSync(process.argv[1], "utf8").replace(/\\nmain\\(\\);\\s*$/, "\\n");
const C = (0, eval)("(function () {\\n" + text
  + "\\nreturn {numbers, COMPOUND_NAME, notAfter};\\n})()");
const given = JSON.parse(fs.readFileSync(0, "utf8"));
console.log(JSON.stringify({counts: given.counts.map((count) => C.numbers.format(count)),
  names: given.texts.map((text) => C.notAfter(text, C.COMPOUND_NAME).map((found) =>
    [Array.from(text.slice(0, found.index)).length, found[0]]))}));  // in code points
"""
CERCA = ROOT / "theme" / "static" / "js" / "cerca.js"

COMPOUND_TEXTS = [
    "Il Patto Gener-Attivo", "x-Gener-Attivo", "Gener-Attivo-Bis", "Àrea-Èlite e Öl-Ärger",
    "Gener²-Attivi", "Gener_-Attivi", "Gener-Attivi_", "Gener-Attivi2", "1Gener-Attivi",
    "Gene\u0301r-Attivi", "ǅ-Test", "Σ-Alpha", "Emilia-Romagna, Friuli-Venezia Giulia",
    "Friuli-Venezia-Giulia", "Gener-Ⅻ", "Sant’Agata-Est", "L’Emilia-Romagna",
    "(Emilia-Romagna)", "Emilia\u2010Romagna", "Emilia-romagna", "EMILIA-ROMAGNA", "A-B",
    "Emilia-Romagna-", "-Emilia-Romagna", "Emilia-Romagna½", "ÞOR-ÐING", "Ÿves-Saint",
    "🎉Emilia-Romagna🎉", "Emilia-Romagna e Trentino-Alto Adige", "Città-Stato",
]


def test_the_search_writes_counts_and_names_as_the_pages_do():
    """cerca.js writes its counts as the build writes numbers (numero: "1476", "14.590",
    whatever the browser's CLDR data), and keeps together the hyphenated names the build
    keeps together (typography.py's _COMPOUND_NAME, <span class="nome-composto">)."""
    from plugins.italian import numero  # noqa: PLC0415
    from plugins.italian.typography import _COMPOUND_NAME  # noqa: PLC0415

    counts = [0, 1, 9, 999, 1000, 1476, 9999, 10000, 10001, 14590, 99999, 100000, 999999,
              1000000, 1234567, 123456789012, 10**12, 10**15]
    found = node(CERCA_JS, {"counts": counts, "texts": COMPOUND_TEXTS}, [CERCA])
    assert found["counts"] == [numero(count) for count in counts]
    build = [[[match.start(), match[0]] for match in _COMPOUND_NAME.finditer(text)]
             for text in COMPOUND_TEXTS]
    assert [(text, js, python) for text, js, python in zip(COMPOUND_TEXTS, found["names"], build)
            if js != python] == []
    assert sum(map(bool, build)) > 10


# cerca.js' reading of a query, run in Node.js: CERCA_JS's page, its functions given back
CERCA_QUERY_JS = """
const fs = require("fs");
globalThis.document = {documentElement: {lang: "it"}};
globalThis.window = globalThis;
const text = fs.readFileSync(process.argv[1], "utf8").replace(/\\nmain\\(\\);\\s*$/, "\\n");
const C = (0, eval)("(function () {\\n" + text + "\\nreturn {apart, queryWords, phraseOf};\\n})()");
const given = JSON.parse(fs.readFileSync(0, "utf8"));
const words = (query) => C.queryWords(query).map(({ shown, word }) => [shown, word]);
const seconds = (read) => {
  const started = process.cpuUsage();
  const made = given.long.map(read);
  const spent = process.cpuUsage(started);
  return [made.map((one) => JSON.stringify(one).length), (spent.user + spent.system) / 1e6];
};
console.log(JSON.stringify({
  words: given.queries.map(words),
  phrases: given.phrases.map((query) => C.phraseOf(query) ?? null),
  long: {words: seconds(words), phrases: seconds((query) => C.phraseOf(query) ?? null)}}));
"""

LONG = 100_000
# a link to the search (?q=) with a query the page read for seconds or minutes
LONG_QUERIES = [
    "a" * LONG, "1" * LONG, "a" + "-" * LONG + "a", "a." * LONG, "A.S.D." + "a" * LONG,
    "a.b.cc." * (LONG // 7), "Sig." + "ra." * (LONG // 3),
    "dell'" + "a" * LONG, '"' + " " * LONG + "x", "«" + "a " * LONG, "<b " + " " * LONG,
]
# as the search reads them (the abbreviations, joined words and elisions of the comments
# in cerca.js)
QUERIES = {
    "A.S.D. Cremona": [["A.S.D", "asd"], ["Cremona", "cremona"]],
    "S.p.A.": [["S.p.A", "spa"]],
    "p.zza Roma": [["p.zza", "pzza"], ["Roma", "roma"]],
    # an abbreviation with a word glued to it: the two words a page writing them apart
    # has ("A.S.D. Cremona"); a contraction, one word as the index has it ("sigra")
    "A.S.D.Cremona": [["A.S.D", "asd"], ["Cremona", "cremona"]],
    "S.p.A.Milano U.S.Soresina": [["S.p.A", "spa"], ["Milano", "milano"], ["U.S", "us"],
                                  ["Soresina", "soresina"]],
    "Sig.ra Rossi": [["Sig.ra", "sigra"], ["Rossi", "rossi"]],
    "signora": [["signora", "signora"]],
    "Dott.ssa Avv.to gent.mo": [["Dott.ssa", "dottssa"], ["Avv.to", "avvto"],
                                ["gent.mo", "gentmo"]],
    # not a web address's last part, nor words whose ending is longer
    "farelegami.it inps.it": [["farelegami", "farelegami"], ["it", "it"], ["inps", "inps"],
                              ["it", "it"]],
    # an abbreviation of any kind (a part a single letter, a contraction) with a longer
    # word glued to it, before or after: apart from it, the abbreviation whole
    "P.zza.Duomo c.so.Garibaldi": [["P.zza", "pzza"], ["Duomo", "duomo"], ["c.so", "cso"],
                                   ["Garibaldi", "garibaldi"]],
    "A.S.D.Cremona.A.S.D": [["A.S.D", "asd"], ["Cremona", "cremona"], ["A.S.D", "asd"]],
    "Sig.ra.Rossi Spett.le.Comune": [["Sig.ra", "sigra"], ["Rossi", "rossi"],
                                     ["Spett.le", "spettle"], ["Comune", "comune"]],
    "D.Lgs S.r.l. V.Garibaldi": [["D.Lgs", "dlgs"], ["S.r.l", "srl"], ["V", "v"],
                                 ["Garibaldi", "garibaldi"]],
    "Pol.Casale Sig.ra.Neri": [["Pol", "pol"], ["Casale", "casale"], ["Sig.ra", "sigra"],
                               ["Neri", "neri"]],
    # a contraction's word ends in no vowel (an abbreviation is cut before one): not a
    # web address's name, nor a word with a capitalised one glued to it
    "ente.io Crema.Le": [["ente", "ente"], ["io", "io"], ["Crema", "crema"], ["Le", "le"]],
    "comune.crema.cr.it": [["comune", "comune"], ["crema", "crema"], ["cr", "cr"],
                           ["it", "it"]],
    "Crema,Cremona": [["Crema", "crema"], ["Cremona", "cremona"]],
    "dell'orto l’Emilia": [["orto", "orto"], ["Emilia", "emilia"]],
    "3,50 9.30": [["3,50", "350"], ["9.30", "930"]],
    "«laboratorio»": [["laboratorio", "laboratori"]],
    "-—Gener-Attivi!?": [["Gener-Attivi", "generattivi"]],
}
PHRASES = {
    '"patto di collaborazione"': "patto di collaborazione",
    '  «ceramica  a Crema» ': "ceramica  a Crema",
    "„orto“": "orto", "«ceramica» «Crema»": None, '""': None, '"': None, '" "': " ",
    "patto": None, '"patto': None, 'patto"': None, '"a"b"': None,
}


def test_the_search_reads_a_query_as_written_in_linear_time():
    """cerca.js reads a query (its words, apart(), queryWords(); a phrase in quotes,
    phraseOf()) the moment the page opens with one (?q=): patterns that failed halfway
    at each letter made a link with a word of 100,000 letters freeze the page for seconds
    (quadratic: abbreviations, elisions, the punctuation around a word), and a quote and
    a long run of spaces for minutes (cubic: the phrase). The same words as before."""
    found = node(CERCA_QUERY_JS, {"queries": list(QUERIES), "phrases": list(PHRASES),
                                  "long": LONG_QUERIES}, [CERCA])
    assert dict(zip(QUERIES, found["words"])) == QUERIES
    assert dict(zip(PHRASES, found["phrases"])) == PHRASES
    for read in ("words", "phrases"):
        _, seconds = found["long"][read]
        assert seconds < 1, (read, seconds)  # linear: milliseconds; before: over ten seconds


# --- old-addresses.js' addressOf, the address Pelican gives an item (ARTICLE_URL,
# PAGE_URL, its date in the site's time) ----------------------------------------------------

def test_the_editor_makes_an_items_address_as_the_site_does(page):
    """addressOf makes an article's address from ARTICLE_URL and its date as the site
    does (the date in the site's time: an article of 30 June 23:30 UTC is July's), a
    page's from PAGE_URL; a date the build refuses gives none (not checked), as a pattern
    with other fields would."""
    from plugins.contract.schema import parse_date  # noqa: PLC0415

    settings = page["settings"]
    cases = [(kind, date) for kind in ("article", "page") for date in DATES]
    said = admin_js(page, "console.log(JSON.stringify(given.map(([kind, date]) =>"
                    " A.addressOf(A.URL_PATTERNS[kind], 'festa', date))));", cases)
    build = []
    for kind, date in cases:
        pattern = settings["ARTICLE_URL" if kind == "article" else "PAGE_URL"]
        try:
            when = parse_date(date, settings["TIMEZONE"])
        except ValueError:
            when = None
        build.append("/" + pattern.format(slug="festa", date=when)
                     if when or "{date" not in pattern else None)
    assert [(case, js, python) for case, js, python in zip(cases, said, build)
            if js != python] == []
