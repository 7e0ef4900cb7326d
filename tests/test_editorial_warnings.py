"""Editorial rules an editor can break, as content checks: a warning of ``./run check``
and of the build alike (one implementation), naming the file, the line and what to do,
which never stops a publication.

- a PDF not accessible (no text at all, a scan; or without tags, title or language) that
  the accessibility statement does not name under «Contenuti non accessibili»
  (plugins/attachments/statement.py): its readers cannot read it, and the statement would
  no longer be true;
- a page the header's menu leads to (``NAV_LINKS``) whose title does not begin with the
  menu's words (content_checks.menu_titles): one page under two names.

These were tests of the real content (tests/test_project_site.py), which the publication
on GitHub runs: an editor's PDF or title, which ./run check passed, stopped the
publication with nothing an editor could understand.
"""

import functools
import re
import time

import markdown
import pytest

import samples
from plugins.attachments.statement import named_paths
from plugins.contract.reader import make_markdown
from support import (
    ROOT, article, cpu_budget, project_settings, run_tool, timed_tool, write_conf,
    write_content,
)

STATEMENT = (
    "---\ntitle: Dichiarazione di accessibilità\nslug: accessibilita\n---\n\n"
    "Testo.\n\n## Contenuti non accessibili\n\n{named}"
    "- **I documenti allegati** dipendono da chi li prepara.\n\n## Limiti noti\n\n"
    # a link outside the section names nothing
    "- Il [bando]({{filename}}/notizie/bando.md) è citato qui.\n")
NEWS = "notizie/bando.md"
UNTAGGED = {
    "pages/accessibilita.md": STATEMENT.format(named=""),
    "allegati/2026/bando.pdf": samples.text_pdf("Bando Spazi Comuni"),
    NEWS: article(title="Il bando", date="2026-01-10 09:00",
                  attachments=["file: allegati/2026/bando.pdf\n    title: Il bando"]),
}
SCANNED = {**UNTAGGED, "allegati/2026/bando.pdf": samples.scanned_pdf()}
MENU_TITLE = {"pages/contatti.md": "---\nslug: contatti\ntitle: Scrivici\n---\n\nTesto.\n"}
SECTION = "Contenuti non accessibili"


@functools.cache
def site_settings():
    return project_settings(ROOT / "pelicanconf.py")


def named(text, section=SECTION):
    """What the statement ``text`` (pages/accessibilita.md) names in ``section``, read with
    the site's Markdown as the build and ``./run check`` read it."""
    settings = site_settings()
    return named_paths(text.encode("utf-8"), "pages/accessibilita.md", section,
                       make_markdown(settings), settings["CONTRACT_MARKDOWN_SECONDS"])


def check(tmp_path, files, settings=""):
    """``./run check`` of ``files``: its warnings, ``[(file, line or None, message)]``."""
    write_content(tmp_path / "content", files)
    status, out, err = run_tool(tmp_path, "check", "--settings",
                                str(write_conf(tmp_path, settings)),
                                "--content", str(tmp_path / "content"))
    assert status == 0 and "Traceback" not in err, out + err
    return [(path, int(line) if line else None, message) for path, line, message in
            re.findall(r"(?m)^content/(.+?):(?:(\d+):)? avviso: (.+)$", out)]


def test_an_untagged_pdf_the_statement_does_not_name_is_a_warning_at_its_entry(tmp_path,
                                                                                 build):
    warned = check(tmp_path / "check", UNTAGGED)
    [(path, line, message)] = [w for w in warned if "non è accessibile" in w[2]]
    assert (path, line) == (NEWS, 5)  # the attachment's entry
    assert message.startswith("il PDF allegati/2026/bando.pdf non è accessibile (senza tag,"
                              " senza titolo, senza lingua): chi usa un lettore di schermo ")
    assert "esportalo di nuovo da Word o LibreOffice come PDF accessibile" in message
    assert f"{{filename}}/{NEWS}" in message and "«Contenuti non accessibili»" in message
    assert " / PDF allegati/2026/bando.pdf is not accessible (untagged, no title, no" \
        " language)" in message
    site = build(UNTAGGED)
    assert site.ok, site.log  # published all the same
    assert f"{NEWS}:5: {message}" in site.messages()  # the same words, at the same line
    assert site.exists("/allegati/2026/bando.pdf")


@pytest.mark.parametrize("named", [
    "- Il PDF del [bando]({filename}/notizie/bando.md) non ha tag.\n",
    "- Il PDF del [bando]({filename}../notizie/bando.md#allegati) non ha tag.\n",
    "- Il [bando in PDF]({static}/allegati/2026/bando.pdf) non ha tag.\n",
])
def test_an_untagged_pdf_the_statement_names_by_its_item_or_its_file_is_no_warning(
        tmp_path, named):
    files = {**UNTAGGED, "pages/accessibilita.md": STATEMENT.format(named=named)}
    assert [w for w in check(tmp_path, files) if "non è accessibile" in w[2]] == []


def test_a_statement_read_as_its_readers_see_it_names_the_pdf_in_check(tmp_path):
    """A heading with an id and a reference-style link whose address is written at the
    end of the page: the statement names the item, and ``./run check`` says nothing (the
    statement's own reader of the Markdown missed the section: a warning for every
    untagged PDF)."""
    statement = ("---\ntitle: Dichiarazione di accessibilità\nslug: accessibilita\n---\n\n"
                 "## Contenuti non accessibili {#contenuti}\n\n- Il PDF del [bando][b] non ha"
                 " tag.\n\n## Limiti noti\n\nNessuno.\n\n[b]: {filename}/notizie/bando.md\n")
    files = {**UNTAGGED, "pages/accessibilita.md": statement}
    assert [w for w in check(tmp_path, files) if "non è accessibile" in w[2]] == []


def test_an_accessible_pdf_or_a_site_without_statement_is_no_warning(tmp_path):
    accessible = {**UNTAGGED, "allegati/2026/bando.pdf": samples.accessible_pdf("Bando")}
    assert [w for w in check(tmp_path / "tagged", accessible) if "il PDF" in w[2]] == []
    alone = {name: data for name, data in UNTAGGED.items() if not name.startswith("pages/")}
    assert [w for w in check(tmp_path / "alone", alone) if "non è accessibile" in w[2]] == []


PDF_WARNING = re.compile(r"il PDF allegati/2026/bando\.pdf (non è accessibile|non ha testo)"
                         r" \(([^()]*)\): ")


def pdf_warnings(tmp_path, pdf):
    """``./run check`` of the item :data:`UNTAGGED` attaching ``pdf`` (its bytes): the
    warnings about the PDF, ``[(line, what the message says it is, what it lacks)]``."""
    return [(line, *match.groups()) for path, line, message in
            check(tmp_path, {**UNTAGGED, "allegati/2026/bando.pdf": pdf})
            for match in [PDF_WARNING.match(message)] if match]


@pytest.mark.parametrize(("pdf", "lacks"), [
    (samples.text_pdf("Bando", tagged=True), "senza titolo, senza lingua"),
    (samples.text_pdf("Bando", tagged=True, title="Bando", lang="it-IT"), "titolo non mostrato"),
    (samples.text_pdf("Bando", tagged=True, title="Bando", lang="it-IT", title_shown=False),
     "titolo non mostrato"),
    (samples.text_pdf("Bando", tagged=True, title="Bando", title_shown=True), "senza lingua"),
    (samples.text_pdf("Bando", title="Bando", title_shown=True, lang="it-IT"), "senza tag"),
    # an empty title is none; a title in the XMP metadata only is one
    (samples.accessible_pdf("Bando", title=" "), "senza titolo"),
    (samples.text_pdf("Bando", tagged=True, xmp_title="Bando", title_shown=True,
                      lang="it-IT"), None),
    (samples.accessible_pdf("Bando"), None),
    (samples.accessible_pdf("Bando", owner_password="proprietario"), None),  # restrictions
    (samples.accessible_pdf("Bando", in_form=True), None),  # its text drawn by a form
])
def test_a_pdf_without_title_or_language_is_one_warning_listing_what_it_lacks(tmp_path, pdf,
                                                                             lacks):
    """WCAG and AgID ask an attached PDF to have tags, a title its reader's window shows
    (``/DisplayDocTitle``: else the screen reader names it by its file's name) and a
    language (``/Lang``: else it is read with another language's pronunciation): only the
    tags were checked. One warning at the attachment's entry lists all it lacks."""
    assert pdf_warnings(tmp_path, pdf) == ([(5, "non è accessibile", lacks)] if lacks else [])


def test_a_pdf_without_text_is_a_warning_of_its_own(tmp_path, build):
    """A scan (page images, no text: no font on any page) is nothing to a screen reader:
    not "export it with tags" but the original, or its text recognised (OCR); the
    build says the same, at the same line, and publishes it."""
    assert pdf_warnings(tmp_path / "scan", samples.scanned_pdf()) == [
        (5, "non ha testo", "solo immagini: forse è una scansione")]
    assert pdf_warnings(tmp_path / "blank", samples.pdf(2)) == [
        (5, "non ha testo", "pagine vuote o disegni")]
    [(_, _, message)] = check(tmp_path / "again", SCANNED)
    assert "chi usa un lettore di schermo non sente nulla; pubblica il documento originale" \
        in message and "programma OCR" in message and "{filename}/notizie/bando.md" in message
    site = build(SCANNED)
    assert site.ok, site.log
    assert f"{NEWS}:5: {message}" in site.messages()
    assert site.exists("/allegati/2026/bando.pdf")


def test_a_pdf_the_statement_names_is_no_warning_whatever_it_lacks(tmp_path):
    """The statement's list of contents not accessible is the way out for a partner's PDF
    the editor cannot mend: named there, a scan or a PDF without title is no warning."""
    statement = STATEMENT.format(named="- Il [bando]({filename}/notizie/bando.md).\n")
    for name, pdf in (("scan", samples.scanned_pdf()),
                      ("untitled", samples.text_pdf("Bando", tagged=True, lang="it-IT"))):
        files = {**UNTAGGED, "allegati/2026/bando.pdf": pdf,
                 "pages/accessibilita.md": statement}
        assert check(tmp_path / name, files) == []


def test_the_statement_names_what_its_section_links():
    text = ("# Dichiarazione\n\n[a]({filename}/notizie/prima.md)\n\n"
            "## Contenuti non accessibili ##\n\n- [b]({filename}../notizie/b%20c.md#x)\n"
            "- [d]({static}/allegati/d.pdf) e [e]({attach}../allegati/e.pdf)\n\n"
            "### Dettagli\n\n[f]({filename}/notizie/f.md)\n\n## Limiti noti\n\n"
            "[g]({filename}/notizie/g.md)\n")
    assert named(text) == {
        "notizie/b c.md", "allegati/d.pdf", "allegati/e.pdf", "notizie/f.md"}
    assert named(text, "Altro") == set()


def test_a_statement_with_a_hostile_heading_is_read_in_linear_time():
    """A heading line of spaces between its words: the heading's expression
    ("(.*?)\\s*#*\\s*$") backtracked in cubic time, 4 s of CPU for 1,500 spaces and hours
    for a pasted page's 20,000, in every build and ``./run check``. In CPU seconds."""
    hostile = "".join(f"{'#' * level} a{' ' * 1500}x{tail}\n"
                      for level in (1, 2, 3) for tail in ("", " ##", "\t#"))
    text = f"{hostile}## Contenuti non accessibili ##\n\n[b]({{filename}}/notizie/b.md)\n"
    started = time.process_time()
    assert named(text) == {
        "notizie/b.md"}
    elapsed = time.process_time() - started
    assert elapsed < cpu_budget(0.5), f"{elapsed:.1f} s"


def test_the_warning_asks_to_name_the_page_when_a_page_attaches_the_pdf(tmp_path):
    """The warning said «aggiungi questo articolo» for a page's PDF too."""
    page = article(title="Il bando", date=None, slug="bando-pagina",
                   attachments=["file: allegati/2026/bando.pdf\n    title: Il bando"])
    files = {**UNTAGGED, "pages/bando.md": page}
    warned = {path: message for path, _, message in check(tmp_path, files)
              if "non è accessibile" in message}
    assert "aggiungi questa pagina, con un link {filename}/pages/bando.md" \
        in warned["pages/bando.md"]
    assert "questo articolo" not in warned["pages/bando.md"]
    assert f"aggiungi questo articolo, con un link {{filename}}/{NEWS}" in warned[NEWS]


def test_the_statement_ignores_its_fenced_code_and_its_front_matter():
    """Lines in a fenced code block (``` or ~~~, closed by the same fence) are neither
    links nor headings: an example in the statement named a PDF, or ended the section."""
    text = ("---\ntitle: Dichiarazione\n---\n\n## Contenuti non accessibili\n\n"
            "- [a]({filename}/notizie/a.md)\n\n```markdown\n[b]({filename}/notizie/b.md)\n"
            "## Limiti noti\n~~~\n```\n\n[c]({filename}/notizie/c.md)\n\n"
            "~~~~\n```\n[d]({filename}/notizie/d.md)\n~~~\n~~~~\n"
            "[e]({filename}/notizie/e.md)\n\n"
            # a fence nothing closes is text, as Python-Markdown reads it
            "```\n[f]({filename}/notizie/f.md)\n\n## Limiti noti\n\n"
            "[g]({filename}/notizie/g.md)\n")
    assert named(text) == {
        "notizie/a.md", "notizie/c.md", "notizie/e.md", "notizie/f.md"}


def test_the_statement_reads_setext_headings():
    """A heading underlined with === or --- starts and ends the section, as one with #."""
    text = ("Dichiarazione\n=============\n\n[a]({filename}/notizie/a.md)\n\n"
            "Contenuti non accessibili\n-------------------------\n\n"
            "[b]({filename}/notizie/b.md)\n\n### Dettagli\n\n[c]({filename}/notizie/c.md)\n\n"
            # not a heading's underline: a paragraph's second line, a rule
            "Testo\nContenuti non accessibili\n---\n\n---\n\n[d]({filename}/notizie/d.md)\n\n"
            "Limiti noti\n---\n\n[e]({filename}/notizie/e.md)\n")
    assert named(text) == {
        "notizie/b.md", "notizie/c.md", "notizie/d.md"}
    underlined = text.replace("Contenuti non accessibili\n" + "-" * 25,
                              "Contenuti non accessibili\n" + "=" * 25)
    assert named(underlined) == {
        "notizie/b.md", "notizie/c.md", "notizie/d.md", "notizie/e.md"}


def test_a_line_of_both_marks_is_no_setext_underline():
    """``=-=-=-`` under a line is text to Python-Markdown (an underline is of ``=`` or of
    ``-`` alone): read as a heading's underline, it ended the section, and the PDFs named
    after it were warned of as not named."""
    text = ("Contenuti non accessibili\n-------------------------\n\n"
            "[b]({filename}/notizie/b.md)\n\nAltri documenti\n=-=-=-=-=-=-=-=\n\n"
            "[c]({filename}/notizie/c.md)\n\nLimiti noti\n-----------\n\n"
            "[d]({filename}/notizie/d.md)\n")
    assert named(text) == {
        "notizie/b.md", "notizie/c.md"}
    assert "<h1" not in markdown.markdown("Altri documenti\n=-=-=-=-=-=-=-=")


def test_the_statement_reads_a_link_target_in_angle_brackets():
    """Markdown writes a target with spaces in angle brackets: LINK took "/allegati/Bando"."""
    text = ("## Contenuti non accessibili\n\n"
            "- [x](<{static}/allegati/Bando 2026.pdf>) e [y](<{filename}../notizie/a b.md#z>)\n"
            "- [z](<{static}/allegati/c.pdf> \"titolo\")\n")
    assert named(text) == {
        "allegati/Bando 2026.pdf", "notizie/a b.md", "allegati/c.pdf"}


@pytest.mark.parametrize(("text", "expected"), [
    # a heading with an id (attr_list) or emphasis: the section, as the page shows it
    ("## Contenuti non accessibili {#contenuti}\n\n- [b]({filename}/notizie/b.md)\n\n"
     "## Limiti noti\n\n[c]({filename}/notizie/c.md)\n", {"notizie/b.md"}),
    ("## Contenuti *non* accessibili\n\n- [b]({filename}/notizie/b.md)\n", {"notizie/b.md"}),
    # a reference-style link names where it is used, not where its address is written
    ("## Contenuti non accessibili\n\n- Il [bando][b] non ha tag.\n\n## Segnalare un"
     " problema\n\n[Contatti]({filename}/pages/contatti.md)\n\n[b]: {static}/allegati/b.pdf\n",
     {"allegati/b.pdf"}),
    ("## Segnalare un problema\n\nIl [modulo][m].\n\n## Contenuti non accessibili\n\n"
     "- [b]({filename}/notizie/b.md)\n\n[m]: {static}/allegati/m.pdf\n", {"notizie/b.md"}),
    # code shows a link as text: it names nothing
    ("## Contenuti non accessibili\n\nSi scrive `[x]({static}/allegati/x.pdf)`, così:\n\n"
     "    [y]({static}/allegati/y.pdf)\n", set()),
    # a footnote's link is where the footnote is referenced (Markdown writes notes last)
    ("## Contenuti non accessibili\n\n- Un PDF[^1].\n\n## Limiti noti\n\n- Nessuno[^2].\n\n"
     "[^1]: Il [bando]({static}/allegati/f.pdf).\n[^2]: Il [modulo]({static}/allegati/g.pdf).\n",
     {"allegati/f.pdf"}),
])
def test_the_statement_names_what_its_readers_see_under_the_heading(text, expected):
    """The statement is read as the contract reads the page (the site's Markdown, then the
    HTML's headings and links), not by a reader of its own of the Markdown, which missed
    the section under a heading with an id or emphasis (every untagged PDF warned of),
    read a reference-style link where its address was written, and a link in code as
    one (a PDF named that the statement's readers never see)."""
    assert named(text) == expected


def hostile_statement(size):
    """Long lines of fences, underlines, angle brackets and link prefixes, none closed,
    then a link in the section."""
    hostile = "\n".join([
        "`" * size, "~" * size + " x", "Contenuti non accessibili", "=" * size + "x",
        "a\n" + "-" * size, "<{static}" * (size // 9), "<{static}" + " " * size,
        "<{filename}" + "x" * size, "[x](<" * (size // 5), "```" * (size // 3)])
    return f"# Contenuti non accessibili\n\n{hostile}\n\n[b](<{{filename}}/notizie/b c.md>)\n"


def test_a_hostile_statement_is_read_within_the_contracts_time_limit():
    """The statement is read as the contract reads the page, so no longer than
    ``CONTRACT_MARKDOWN_SECONDS`` allows the site's Markdown (here 1 s): past it, the
    page is the contract's error and names nothing, rather than keep the build and the
    check (Python-Markdown takes minutes over 200,000 characters of these). In CPU
    seconds."""
    started = time.process_time()
    assert "notizie/b c.md" in named(hostile_statement(2_000))
    elapsed = time.process_time() - started
    assert elapsed < cpu_budget(0.5), f"{elapsed:.1f} s"
    started = time.process_time()
    assert named_paths(hostile_statement(200_000).encode(), "pages/accessibilita.md",
                       SECTION, make_markdown(site_settings()), 1) == set()
    elapsed = time.process_time() - started
    assert elapsed < cpu_budget(2), f"{elapsed:.1f} s"


def test_a_menu_page_whose_title_does_not_begin_with_the_menus_words_is_a_warning(
        tmp_path, build):
    [(path, line, message)] = check(tmp_path, MENU_TITLE)
    assert (path, line) == ("pages/contatti.md", 3)  # its `title`
    assert message.startswith("il titolo «Scrivici» non comincia con «Contatti», la voce del"
                              " menu in cima al sito che porta a questa pagina")
    assert "NAV_LINKS" in message and " / the title does not begin with" in message
    site = build(MENU_TITLE)
    assert site.ok, site.log
    assert "pages/contatti.md:3: il titolo «Scrivici» non comincia con «Contatti»" \
        in site.messages()


@pytest.mark.parametrize("files", [
    {"pages/contatti.md": "---\ntitle: Contatti e orari\nslug: contatti\n---\n\nTesto.\n"},
    {"pages/contatti.md": "---\ntitle: contatti\nslug: contatti\n---\n\nTesto.\n"},
    {"pages/scrivici.md": "---\ntitle: Scrivici\n---\n\nTesto.\n"},  # not in the menu
    {"pages/contatti.md": "---\ntitle: Scrivici\nslug: contatti\nstatus: draft\n---\n\nT.\n"},
])
def test_a_menu_page_titled_with_the_menus_words_or_no_menu_page_is_no_warning(tmp_path,
                                                                                 files):
    assert check(tmp_path, files) == []


def test_a_menu_page_is_compared_by_its_words_not_the_marks_of_its_title(tmp_path, build):
    """The reader marks a title's English terms and hyphenated names (``<span lang="en">
    Civic Center</span>``, ``<span class="nome-composto">``) and curls its apostrophes: a
    menu item «Civic Center e Patti Gener-Attivi» and a page titled with those words were
    told apart by the marks."""
    files = {"pages/civic.md": "---\ntitle: Civic Center e Patti Gener-Attivi, l'idea\n"
                               "slug: civic-center\n---\n\nTesto.\n"}
    settings = 'NAV_LINKS = [("Civic Center e Patti Gener-Attivi", "civic-center/")]\n'
    assert check(tmp_path, files, settings) == []
    site = build(files, settings)
    assert site.ok, site.log
    assert "non comincia con" not in site.messages()


def test_an_untagged_pdf_linked_in_the_text_is_a_warning_once(tmp_path, build):
    """A PDF of the attachments folder linked in the text with {static}, not declared in
    `attachments`, is checked too (at the item, without a line: a link may be anywhere);
    one both declared and linked is warned of once, at its entry."""
    files = {**UNTAGGED,
             "allegati/2026/modulo.pdf": samples.text_pdf("Modulo"),
             "notizie/modulo.md": article(
                 title="Il modulo", date="2026-01-11 09:00",
                 body="Il [modulo]({static}/allegati/2026/modulo.pdf) e il"
                      " [bando]({static}/allegati/2026/bando.pdf)."),
             "notizie/bando.md": article(
                 title="Il bando", date="2026-01-10 09:00",
                 attachments=["file: allegati/2026/bando.pdf\n    title: Il bando"],
                 body="Il [bando]({static}/allegati/2026/bando.pdf).")}
    warned = sorted((path, message.split(":")[0]) for path, _, message in
                    check(tmp_path / "check", files) if "non è accessibile" in message)
    assert warned == [
        ("notizie/bando.md", "il PDF allegati/2026/bando.pdf non è accessibile (senza tag, senza"
                             " titolo, senza lingua)"),
        ("notizie/modulo.md", "il PDF allegati/2026/bando.pdf non è accessibile (senza tag,"
                              " senza titolo, senza lingua)"),
        ("notizie/modulo.md", "il PDF allegati/2026/modulo.pdf non è accessibile (senza tag,"
                              " senza titolo, senza lingua)")]
    site = build(files)
    assert site.ok, site.log
    messages = site.messages()
    assert messages.count("notizie/modulo.md: il PDF allegati/2026/modulo.pdf non è accessibile") \
        == messages.count("notizie/bando.md:5: il PDF allegati/2026/bando.pdf non è accessibile") \
        == messages.count("notizie/modulo.md: il PDF allegati/2026/bando.pdf non è accessibile") \
        == 1
    assert messages.count("non è accessibile") == 3


def test_a_menu_pages_title_of_thousands_of_signs_is_read_in_linear_time(tmp_path):
    """A title pasted with thousands of "<" and no ">": the marks' expression ("<[^>]*>")
    read from each "<" to the end of the title, in quadratic time (23 s of CPU for
    200,000, in every ``./run check``, which reads the title as typed). In CPU seconds."""
    title = "<" * 200_000
    write_content(tmp_path / "content", {
        "pages/contatti.md": f"---\ntitle: '{title}'\nslug: contatti\n---\n\nTesto.\n"})
    _, out, err, cpu = timed_tool(tmp_path, "check", "--settings",
                                       str(write_conf(tmp_path, "")),
                                       "--content", str(tmp_path / "content"))
    assert "Traceback" not in err, out + err
    assert "non comincia con «Contatti»" in out, out + err
    assert cpu < cpu_budget(6), f"{cpu:.1f} s"
