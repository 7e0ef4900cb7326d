"""Every content error of the contract stops the build, naming the file and the problem."""

import os
import re
import unicodedata

import pytest

from plugins.contract.check import check_file
from plugins.contract.reader import make_markdown
from support import (
    SITEURL, article, build_site, project_settings, run_tool, write_conf, write_content,
)
from test_hostile_input import assert_same_in_check
import samples

JPEG = samples.image("JPEG")  # a real JPEG: plugins/images reads what items show

GOOD = {"notizie/buono.md": article(title="Articolo buono")}


def assert_stopped(site, filename, *fragments):
    assert site.returncode != 0, site.log
    assert filename in site.log
    log = site.messages()  # a long message's wrapped lines joined, without the column
    for fragment in fragments:
        assert fragment in log, f"{fragment!r} not in log:\n{site.log}"
    assert "Traceback" not in site.log
    assert "nulla è stato pubblicato" in log
    # the editor's Italian alone: no English name of a class before it, nor Pelican's
    # "Could not process notizie/rotto.md" after the file's own errors
    assert "CRITICAL compilazione interrotta" in log and "BuildStopped" not in log
    assert "Could not process" not in log
    assert not (site.output / "index.html").exists()


@pytest.mark.parametrize(("text", "fragments"), [
    (article(title=None), ["rotto.md:1: manca il titolo (`title`)"]),
    (article(date=None), ["rotto.md:1: manca la data (`date`)"]),
    (article(date="5 maggio 2024"), ["rotto.md:3: `date` non è una data valida (5 maggio 2024)"]),
    (article(date="2024-13-45 10:00"), ["rotto.md:3: `date`"]),
    (article(date="0001-01-01"), ["rotto.md:3: `date`", "1900"]),
    (article(date="9999-12-31"), ["rotto.md:3: `date`"]),
    (article(modified="ieri"), ["rotto.md:4: `modified`"]),
    (article(status="bozza"), ["rotto.md:4: `status` sconosciuto (bozza)"]),
    (article(image="immagini/manca.jpg", image_alt="Testo"), ["rotto.md:4: l'immagine `image`",
                                                             "immagini/manca.jpg"]),
    ("---\ntitle: [non chiuso\ndate: 2024-05-05\n---\nTesto\n",
     ["rotto.md:2: intestazione scritta male", "(rilevato alla riga 3)"]),  # where it opened
    ("---\ntitle: Prova\ndate: 2024-05-05\ntags:\n  - uno\n - due\n---\nTesto\n",
     ["rotto.md:6: intestazione scritta male"]),  # a wrong indentation: its own line
    ("---\n- una\n- lista\n---\nTesto\n", ["rotto.md:2: l'intestazione"]),
    ("---\ntitle: Senza chiusura\ndate: 2024-05-05\n\nTesto\n", ["rotto.md:1:", "non si chiude"]),
    (article(visite_precedenti="1.459"), [
        "rotto.md:4: `visite_precedenti` deve essere un numero intero da 0 a 1.000.000.000.000",
        "non 1.459 / `visite_precedenti` must be a whole number"]),
    # Pelican's header with the text right under it: it was "il file non comincia con le
    # informazioni dell'articolo: in cima scrivi una riga `---`…", the header in plain sight
    ("Title: Nuovi orari dello sportello\nDate: 2025-01-20 09:00\nIl testo.\n",
     ["rotto.md:3: manca una riga vuota tra l'intestazione (Title:, Date: …) e il"
      " testo: aggiungila prima di questa riga"]),
], ids=["no-title", "no-date", "bad-date", "impossible-date", "year-1", "year-9999",
        "bad-modified", "unknown-status", "missing-image", "bad-yaml", "bad-indentation",
        "not-a-mapping", "unclosed", "visits-not-whole", "native-header-no-blank-line"])
def test_contract_errors_stop_the_build_naming_file_and_line(build, text, fragments):
    site = build({**GOOD, "notizie/rotto.md": text})
    assert_stopped(site, "notizie/rotto.md", *fragments)


def test_image_without_alt_text(build):
    site = build({**GOOD, "immagini/foto.jpg": JPEG + b"jpeg",
                  "notizie/rotto.md": article(image="immagini/foto.jpg")})
    assert_stopped(site, "notizie/rotto.md", "`image_alt`")


NOT_UTF8 = {"notizie/rotto.md": article(title="Perché no", body="Città").encode("latin-1")}


def test_file_not_utf8(build):
    site = build({**GOOD, **NOT_UTF8})
    assert_stopped(site, "notizie/rotto.md", "UTF-8")


def test_native_header_errors_too(build):
    site = build({**GOOD, "notizie/rotto.md": "Title: Senza data\n\nTesto.\n"})
    assert_stopped(site, "notizie/rotto.md", "`date`")


def test_two_items_with_the_same_url_name_both_files(build, tmp_path):
    """One slug twice in one month is one error, at the newest (./run check and the
    build alike): it was "stesso indirizzo /2024/05/…" and "stesso `slug`" at one line,
    "2 errori" for one slip."""
    files = {"notizie/uno.md": article(title="Stesso titolo"),
             "avvisi/due.md": article(title="Stesso titolo", date="2024-05-20 10:00")}
    site = build(files)
    assert_stopped(site, "notizie/uno.md", "avvisi/due.md",
                   "stessa fine dell'indirizzo (`slug` stesso-titolo)")
    assert "stesso indirizzo" not in site.log, site.log
    write_content(tmp_path / "verifica" / "content", files)
    code, out, err = run_tool(tmp_path / "verifica", "check", "--settings",
                              str(write_conf(tmp_path / "verifica")), "--content",
                              str(tmp_path / "verifica" / "content"))
    assert code == 1
    assert [line.split(" / ")[0] for line in out.splitlines()] == [
        "content/avvisi/due.md:2: errore: stessa fine dell'indirizzo (`slug` stesso-titolo) di"
        " notizie/uno.md: ogni articolo deve avere la sua, cambia il titolo (o scrivi uno"
        " `slug:` diverso) di questo file, il più recente (l'altro può essere già pubblicato"
        " con quell'indirizzo); per esempio slug: stesso-titolo-2024-05"], out + err


def test_all_broken_files_are_reported_at_once(build):
    site = build({**GOOD, "notizie/a.md": article(title=None),
                  "notizie/b.md": article(date="domani")})
    assert_stopped(site, "notizie/a.md", "notizie/b.md", "2 file con errori")


# Every problem of a file at once, each at its own line, the same in the build and check:
# a YAML error used to be a file's only message (its body's problems came only once it was
# fixed), and every problem of an attachment was at the `attachments:` line.
AT_THEIR_LINES = [
    ({"notizie/rotto.md": "---\ntitle: Crema: apre il centro\ndate: 2024-05-05\n---\n\n"
                          "Il programma.\n\n![](immagini/festa.jpg)\n\n"
                          "[](https://www.example.org/bando)\n"},
     ["notizie/rotto.md:2: intestazione scritta male: il valore di `title`",
      "notizie/rotto.md:8: immagine senza testo alternativo",
      "notizie/rotto.md:8: il link immagini/festa.jpg è scritto senza {static}",
      "notizie/rotto.md:10: link senza testo (https://www.example.org/bando)"]),
    ({"allegati/bando.pdf": samples.pdf(), "allegati/vuoto.pdf": b"",
      "notizie/rotto.md": "---\ntitle: Allegati\ndate: 2024-05-05\nattachments:\n"
                          "  - allegati/bando.pdf\n  - file: allegati/manca.pdf\n"
                          "    title: Il verbale\n  - allegati/bando.pdf\n"
                          "  - allegati/vuoto.pdf\n  - titolo: Senza file\n---\n\nTesto.\n"},
     ["notizie/rotto.md:6: allegato non trovato: allegati/manca.pdf",
      "notizie/rotto.md:8: stesso allegato dichiarato due volte: allegati/bando.pdf",
      "notizie/rotto.md:9: il file è vuoto: allegati/vuoto.pdf",
      "notizie/rotto.md:10: la voce 5 di `attachments` non ha `file`"]),
    # `attachments` written twice, the last one counts: its file at its line, not at the
    # line of the list it replaced (the same place in that list named another file)
    ({"allegati/bando.pdf": samples.pdf(),
      "notizie/rotto.md": "---\ntitle: Allegati\ndate: 2024-05-05\nattachments:\n"
                          "  - allegati/bando.pdf\n  - allegati/bando.pdf\n"
                          "attachments:\n  file: allegati/manca.pdf\n  title: Il verbale\n"
                          "---\n\nTesto.\n"},
     ["notizie/rotto.md:7: allegato non trovato: allegati/manca.pdf"]),
    # Python-Markdown moves footnotes to the end of the HTML: what is wrong in one and the
    # same text in the lines below its definition were named at each other's lines (an
    # image without description at the line of the described one below it)
    ({"immagini/foto.jpg": JPEG,
      "notizie/rotto.md": "---\ntitle: Note\ndate: 2024-05-05\n---\n\n"
                          "Il bando[^fonte] scade a giugno.\n\n"
                          "[^fonte]: Dal sito del Comune, <span style=\"color:red\">in"
                          " rosso</span>:\n    ![]({static}/immagini/foto.jpg)\n\n"
                          "Ci si iscrive <em style=\"font-size:2em\">qui</em>.\n\n"
                          "![La sala]({static}/immagini/foto.jpg)\n"},
     ["notizie/rotto.md:8: attributo style non ammesso in <span>",
      "notizie/rotto.md:9: immagine senza testo alternativo",
      "notizie/rotto.md:11: attributo style non ammesso in <em>"]),
    # code is text, not HTML: a `style=` shown in it was taken for the attribute below
    ({"notizie/rotto.md": "---\ntitle: Codice\ndate: 2024-05-05\n---\n\n"
                          "Le vecchie pagine usavano `<p style=\"color:red\">`.\n\n"
                          "```html\n<td style=\"width:50%\">\n```\n\n"
                          "<p style=\"color:blue\">Testo blu.</p>\n"},
     ["notizie/rotto.md:12: attributo style non ammesso in <p>"]),
    # `align` is allowed in a table's cells, not in <p>: a pasted cell's `align=` above was
    # taken for the paragraph's (a Markdown table's, `|:-:|`, is not in the text); `width`
    # likewise, allowed in <img>, not in <table>
    ({"immagini/foto.jpg": JPEG,
      "notizie/rotto.md": "---\ntitle: Tabelle\ndate: 2024-05-05\n---\n\n"
                          "| Giorno | Ora |\n|:------:|----:|\n| Lunedì | 9 |\n\n"
                          "<table>\n<tr><td align=\"center\">Martedì</td></tr>\n</table>\n\n"
                          "<p align=\"center\">Iscrizioni aperte.</p>\n\n"
                          "<img src=\"{static}/immagini/foto.jpg\" alt=\"La sala\""
                          " width=\"300\">\n\n<table width=\"100%\"><tr><td>x</td></tr>"
                          "</table>\n"},
     ["notizie/rotto.md:14: attributo align non ammesso in <p>",
      "notizie/rotto.md:18: attributo width non ammesso in <table>"]),
    # a backtick typed for an accent (`e``, `perche``) in HTML pasted from a web page: an
    # HTML block is HTML, not Markdown, so no code span; the span's style= was taken for
    # code and named at the line of the next one below
    ({"notizie/rotto.md": "---\ntitle: Incollato\ndate: 2024-05-05\n---\n\n<div>\n"
                          "<p>Il servizio e` <span style=\"color:red\">gratuito</span>"
                          " ed e` aperto a tutti.</p>\n</div>\n\n"
                          "Scrivi a <span style=\"font-weight:bold\">noi</span>.\n"},
     ["notizie/rotto.md:7: attributo style non ammesso in <span>",
      "notizie/rotto.md:10: attributo style non ammesso in <span>"]),
    # images without a file written both ways, a Markdown ![…]() and an HTML <img> with
    # only a srcset (Pelican resolves src, not srcset): the second, and the third, were
    # named at the first one's line (its needle "]()" had no place after it, and stood
    # at its last one)
    ({"notizie/rotto.md": "---\ntitle: Immagini\ndate: 2024-05-05\n---\n\n"
                          "![Il cortile]()\n\nTesto.\n\n"
                          "<img srcset=\"{static}/immagini/foto.jpg 2x\" alt=\"La piazza\">\n\n"
                          "Altro testo.\n\n![La sala]( )\n"},
     ["notizie/rotto.md:6: immagine senza file",
      "notizie/rotto.md:10: immagine senza file",
      "notizie/rotto.md:14: immagine senza file"]),
]


@pytest.mark.parametrize(("files", "messages"), AT_THEIR_LINES,
                         ids=["body-after-a-yaml-error", "attachment-entries",
                              "repeated-attachments-key", "footnote-and-below-it",
                              "style-in-code", "attribute-allowed-elsewhere",
                              "backticks-in-an-html-block", "images-without-a-file"])
def test_every_problem_of_a_file_is_named_at_once_at_its_own_line(build, tmp_path, files,
                                                                   messages):
    site = build({**GOOD, **files})
    assert_stopped(site, "notizie/rotto.md", *messages)
    assert_same_in_check(tmp_path, 1, *messages)


def test_a_topics_page_whose_front_matter_cannot_be_read_is_not_said_to_lack_its_text(
        build, tmp_path):
    """A topic's page (`argomento:`) has no text of its own: it lists the topic's news.
    Its front matter unreadable, the body checked all the same was also "l'articolo non
    ha testo", a warning about nothing to fix: whether it may be empty is in the front
    matter, not read."""
    page = "---\ntitle: Crema: il territorio\nargomento: Crema\n---\n"
    site = build({**GOOD, "pages/crema.md": page})
    assert_stopped(site, "pages/crema.md", "pages/crema.md:2: intestazione scritta male")
    assert "non ha testo" not in site.log
    code, out, err = run_tool(tmp_path, "check", "--settings", str(tmp_path / "testconf.py"),
                              "--content", str(tmp_path / "content"))
    assert code == 1 and "content/pages/crema.md:2: errore: intestazione scritta male" \
        in out, out + err
    assert "non ha testo" not in out, out


def test_unknown_key_is_a_warning_not_an_error(build):
    site = build({"notizie/a.md": article(colore="blu")})
    assert site.ok, site.log
    assert "notizie/a.md" in site.log and "`colore`" in site.log


# valid front matters the new messages for editors' slips refused (errors, nothing
# published): a long list wrapped inside a name, a name holding a quotation, keys of the
# editor's own that start with a contract key's name or sit under a summary
VALID_FRONT_MATTERS = {
    "notizie/a-capo.md": "---\ntitle: A capo\ndate: 2024-05-05\ntags: Crema, Laboratori di\n"
                         "  Comunità\n---\n\nTesto.\n",
    "notizie/a-capo-parentesi.md": "---\ntitle: A capo tra parentesi\ndate: 2024-05-05\n"
                                   "tags: [Festa di primavera, Associazione\n"
                                   "  Amici del Torrazzo, Crema]\n---\n\nTesto.\n",
    "notizie/citazione.md": "---\ntitle: Citazione\ndate: 2024-05-05\n"
                            "authors: [Mario Rossi, Cooperativa \"Il Seme\"]\n"
                            "tags: [Teatro \"Ponchielli\", Circolo 'Il Ponte']\n---\n\nTesto.\n",
    "notizie/chiavi-proprie.md": "---\ntitle: Chiavi proprie\ndata evento: 12 maggio\n"
                                 "date: 2024-05-05\nauthor email: mario@example.org\n"
                                 "summary: Una festa per tutti\nimage caption: Foto di Mario\n"
                                 "---\n\nTesto.\n",
    # one name wrapped, a name with a quoted word: typed as a slip would be, a warning
    "notizie/un-nome.md": "---\ntitle: Un nome\ndate: 2024-05-05\nauthors: Maria Teresa\n"
                          "  Bianchi\ntags: [Cinema 'Portanova', Fondazione Comunitaria\n"
                          "  della Provincia di Cremona]\n---\n\nTesto.\n",
    # a page needs no date: a key of the editor's own starting with "data" is no date
    # without its colon
    "pages/evento.md": "---\ntitle: Evento\ndata evento: 12 maggio\n---\n\nTesto.\n",
}


def test_valid_front_matter_with_unusual_layouts_is_published(build, tmp_path):
    """These front matters are valid and mean one thing: a line of comma-separated tags
    wrapped inside a name (YAML reads «Laboratori di Comunità»), names holding a quotation
    («Cooperativa "Il Seme"»), keys of the editor's own (``data evento``, ``image
    caption``: the contract ignores an unknown key with a warning, never an error). They
    were refused, the build stopped, with "manca la virgola", "mancano i due punti"."""
    site = build(VALID_FRONT_MATTERS)
    assert site.ok, site.log
    # (a closing apostrophe is typeset ’, as in every title)
    tags = {url: [a.get_text().replace("’", "'") for a in site.soup(url).select("a[rel=tag]")]
            for url in ("/2024/05/a-capo/", "/2024/05/a-capo-tra-parentesi/",
                        "/2024/05/citazione/", "/2024/05/un-nome/")}
    assert tags == {"/2024/05/a-capo/": ["Crema", "Laboratori di Comunità"],
                    "/2024/05/a-capo-tra-parentesi/": [
                        "Festa di primavera", "Associazione Amici del Torrazzo", "Crema"],
                    "/2024/05/citazione/": ["Teatro \"Ponchielli\"", "Circolo 'Il Ponte'"],
                    "/2024/05/un-nome/": ["Cinema 'Portanova'", "Fondazione Comunitaria della"
                                          " Provincia di Cremona"]}, tags
    authors = [a.get_text() for a in site.soup("/2024/05/citazione/").select("a[rel=author]")]
    assert authors == ["Mario Rossi", "Cooperativa \"Il Seme\""], authors
    authors = [a.get_text() for a in site.soup("/2024/05/un-nome/").select("a[rel=author]")]
    assert authors == ["Maria Teresa Bianchi"], authors
    assert site.soup("/evento/").select_one("main h1").get_text(strip=True) == "Evento"
    assert "chiave sconosciuta `author email`" in site.log, site.log
    # under a title or a summary: one warning at the line, which says the key is ignored
    for key in ("data evento", "image caption"):
        assert f"chiave sconosciuta `{key}`" not in site.log, site.log
        assert f"«{key}», sconosciuta e ignorata" in site.log, site.log
    assert_same_in_check(tmp_path, 0)


def test_iso_date_with_offset_is_shown_in_rome_time(build):
    site = build({"notizie/a.md": article(title="Con offset", date="2024-05-05T15:07:00Z")})
    assert site.ok, site.log
    time = site.soup("/2024/05/con-offset/").select_one("main time")
    assert time["datetime"] == "2024-05-05T17:07:00+02:00"
    assert time.get_text(" ", strip=True) == "domenica 5\u00a0maggio 2024, ore\u00a017:07"


def test_attachments_without_the_contract_stop_at_start_up(build):
    """The ``attachments`` key is read and checked by the contract, whose Markdown also
    reads the accessibility statement: without the contract in PLUGINS the attachments
    plugin stops at start-up, naming it (the build went on, the list unread, and the
    item's document was withheld as a file nothing uses)."""
    files = {"notizie/bando.md": article(title="Bando", date="2024-05-05 10:00",
                                         attachments=["file: allegati/bando.pdf"]),
             "allegati/bando.pdf": samples.text_pdf("Bando")}
    site = build(files, settings="PLUGINS = [p for p in PLUGINS if p not in"
                                 " ('plugins.contract', 'plugins.admin', 'plugins.redirects')]\n")
    assert site.returncode != 0
    assert "plugins.attachments needs plugins.contract: add it to PLUGINS" in site.log
    assert "Traceback" not in site.log
    assert not (site.output / "index.html").exists()


@pytest.mark.parametrize("needed", ["plugins.content_checks", "plugins.static_assets"])
def test_a_plugin_without_the_plugin_it_needs_stops_at_start_up(build, needed):
    site = build(GOOD, settings=f"PLUGINS = [p for p in PLUGINS if p != {needed!r}]\n")
    assert site.returncode != 0
    assert f"needs {needed}: add it to PLUGINS" in site.log
    assert "Traceback" not in site.log
    assert not (site.output / "index.html").exists()


def test_a_link_to_a_file_whose_accents_are_saved_another_way_says_so(build):
    saved = unicodedata.normalize("NFD", "immagini/città.jpg")
    site = build({**GOOD, saved: JPEG,
                  "notizie/rotto.md": article(body="![La città]({static}/immagini/città.jpg)")})
    assert_stopped(site, "notizie/rotto.md:6:", "lettere accentate scritte in un altro modo")


CASE_FILES = {"immagini/foto.JPG": JPEG, "allegati/bando.pdf": samples.pdf(),
              "notizie/festa.md": article(title="Festa")}
CASE_BODY = """
    ![La festa]({static}/immagini/Foto.jpg)

    [Il bando]({attach}/allegati/Bando.PDF)

    [Il programma]({filename}/notizie/Festa.md#programma)
"""
CASE_ERRORS = [
    "notizie/rotto.md:6: il link {static}/immagini/Foto.jpg: il file si chiama"
    " immagini/foto.JPG: scrivilo con le stesse maiuscole e minuscole,"
    " {static}/immagini/foto.JPG / the file name differs in letter case",
    "notizie/rotto.md:8: il link {attach}/allegati/Bando.PDF: il file si chiama"
    " allegati/bando.pdf: scrivilo con le stesse maiuscole e minuscole,"
    " {attach}/allegati/bando.pdf / the file name differs in letter case",
    "notizie/rotto.md:10: il link {filename}/notizie/Festa.md#programma: il file si chiama"
    " notizie/festa.md: scrivilo con le stesse maiuscole e minuscole,"
    " {filename}/notizie/festa.md#programma / the file name differs in letter case",
]
CASE_ITEMS = {"notizie/rotto.md": article(body=CASE_BODY),
              "notizie/copertina.md": article(title="Copertina", image="immagini/Foto.jpg",
                                              image_alt="La festa")}
COVER_ERROR = ("notizie/copertina.md:4: l'immagine `image` immagini/Foto.jpg: il file si"
               " chiama immagini/foto.JPG: scrivilo con le stesse maiuscole e minuscole,"
               " image: immagini/foto.JPG / the file name differs in letter case")


def test_links_and_a_cover_naming_a_file_with_other_capitals_say_what_to_write(build,
                                                                                tmp_path):
    """``{static}/immagini/Foto.jpg`` for ``immagini/foto.JPG`` works on the editors' Macs
    and Windows PCs and 404s on the Linux host: it was "punta a un file che non esiste",
    and on a Mac nothing at all. The same error, line and advice in check and build."""
    site = build({**GOOD, **CASE_FILES, **CASE_ITEMS})
    assert_stopped(site, "notizie/rotto.md")
    for message in [*CASE_ERRORS, COVER_ERROR]:
        assert message in site.messages(), message
    assert_same_in_check(tmp_path, 1, *CASE_ERRORS, COVER_ERROR)


def _case_insensitive(real):
    """``os.path.isfile`` or ``os.path.exists`` as on macOS and Windows: a name with other
    capitals finds the file."""
    def answer(path):
        if real(path):
            return True
        folder, name = os.path.split(os.fspath(path))
        try:
            names = os.listdir(folder or ".")
        except OSError:
            return False
        return any(other.lower() == name.lower() and real(os.path.join(folder, other))
                   for other in names)
    return answer


def test_names_are_compared_as_spelled_where_the_file_system_ignores_capitals(tmp_path,
                                                                              monkeypatch):
    """On macOS and Windows ``os.path.isfile("immagini/Foto.jpg")`` finds
    ``immagini/foto.JPG``: the check there passed what the Linux build refuses. The names
    are compared with the folders' listings, so the error is the same on every system."""
    content = tmp_path / "content"
    write_content(content, {**CASE_FILES, **CASE_ITEMS})
    settings = project_settings(write_conf(tmp_path, f"PATH = {str(content)!r}\n"))
    markdown = make_markdown(settings)
    monkeypatch.setattr(os.path, "isfile", _case_insensitive(os.path.isfile))
    monkeypatch.setattr(os.path, "exists", _case_insensitive(os.path.exists))
    assert os.path.isfile(content / "immagini/Foto.jpg")  # as a Mac answers
    found = [str(problem) for relative in sorted(CASE_ITEMS) for problem in
             check_file(content / relative, relative, settings, markdown).errors]
    assert found == [COVER_ERROR, *CASE_ERRORS], found


@pytest.mark.parametrize("data", [
    article(title="Avviso").encode("utf-16"),  # Notepad's "Unicode": FF FE, little-endian
    b"\xfe\xff" + article(title="Avviso").encode("utf-16-be"),  # "Unicode big endian"
], ids=["utf-16-le", "utf-16-be"])
def test_a_file_saved_as_utf16_says_so_and_how_to_save_it_as_utf8(build, tmp_path, data):
    """Windows Notepad's "Unicode" was "il file non è in UTF-8 (byte non valido in
    posizione 0)": no word of what the file is nor of the menu that fixes it."""
    message = ("notizie/rotto.md:1: il file è salvato come «Unicode» dal Blocco note di"
               " Windows, e il sito non lo legge: salvalo di nuovo; nel Blocco note: «Salva con"
               " nome» → Codifica «UTF-8» / file is UTF-16, save it as UTF-8")
    site = build({**GOOD, "notizie/rotto.md": data})
    assert_stopped(site, "notizie/rotto.md")
    assert message in site.messages()
    assert_same_in_check(tmp_path, 1, message)


# A published article linking a draft and a scheduled item (Pelican gives both the address
# "" and links the home page), and a file that is no item (`_` files are not read).
SCHEDULED = "2099-03-01 10:00"
UNPUBLISHED_LINKS = {
    "notizie/a.md": article(title="Pubblicato", body="""
        Testo.

        Vedi [la bozza]({filename}/notizie/b.md).

        E [il programmato]({filename}/notizie/c.md), [la nota]({filename}/notizie/_nota.md).
        """),
    "notizie/b.md": article(title="Bozza", status="draft"),
    "notizie/c.md": article(title="Programmato", date=SCHEDULED),
    "notizie/_nota.md": article(title="Nota"),
}
DRAFT_LINK = ("notizie/a.md:8: il link punta a notizie/b.md, che è una bozza e non sarà"
              " pubblicato: sul sito il link porterebbe alla home page; pubblicalo prima o"
              " togli il link / link to an item that is not published")
SCHEDULED_LINK = ("notizie/a.md:10: il link punta a notizie/c.md, che è programmato per"
                  " domenica 1 marzo 2099, ore 10:00 e fino ad allora non è pubblicato: sul"
                  " sito il link porterebbe alla home page; togli il link o programma anche"
                  " questo file da quella data in poi / link to an item that is not published")
NOT_AN_ITEM_LINK = "notizie/a.md:10: il link punta a notizie/_nota.md, che non è un articolo"


@pytest.mark.parametrize("config", ["pelicanconf", "publishconf", "previewconf"])
def test_a_link_to_a_draft_or_a_scheduled_item_stops_the_build(build, config):
    """In the public build, and in the preview too, where drafts and scheduled items are
    shown and the link works: the same error as the public build, before it is live."""
    site = build(UNPUBLISHED_LINKS, config=config)
    assert_stopped(site, "notizie/a.md")
    log = site.messages()
    for message in (DRAFT_LINK, SCHEDULED_LINK, NOT_AN_ITEM_LINK):
        assert f"ERROR {message}" in log, (message, site.log)
    assert "1 file con errori (notizie/a.md)" in log  # the linked files are fine


def test_a_link_to_a_draft_is_named_at_its_first_line_also_in_a_footnote(build, tmp_path):
    """Python-Markdown moves footnotes to the end of the HTML: a draft linked in a footnote
    and again below its definition was named at the line below, not at the first link."""
    site = build({"notizie/b.md": article(title="Bozza", status="draft"),
                  "notizie/a.md": "---\ntitle: Pubblicato\ndate: 2024-05-05\n---\n\n"
                                  "Il bando[^1] scade a giugno.\n\n"
                                  "[^1]: Vedi [la bozza]({filename}b.md).\n\n"
                                  "E ancora [la bozza]({filename}/notizie/b.md).\n"})
    message = "notizie/a.md:8: il link punta a notizie/b.md, che è una bozza"
    assert_stopped(site, "notizie/a.md", message)
    assert_same_in_check(tmp_path, 1, message)


def test_links_between_unpublished_items_and_to_hidden_ones_are_fine(build):
    """A draft is not published: it may link a draft. A hidden item is published (at its
    address, listed nowhere): it may be linked. A scheduled item may link one scheduled
    before it (or with it)."""
    site = build({
        "notizie/a.md": article(title="Pubblicato", body="[nascosto]({filename}/notizie/h.md)"),
        "notizie/h.md": article(title="Nascosto", status="hidden"),
        "notizie/b.md": article(title="Bozza", status="draft",
                                body="[altra]({filename}/notizie/d.md) e [c]({filename}c.md)"),
        "notizie/d.md": article(title="Altra bozza", status="draft",
                                body="[b]({filename}/notizie/b.md)"),
        "notizie/c.md": article(title="Programmato", date=SCHEDULED,
                                body="[prima]({filename}/notizie/e.md)"),
        "notizie/e.md": article(title="Programmato prima", date="2099-02-01 10:00"),
    })
    assert site.ok, site.log
    assert "il link punta a" not in site.log
    link = site.soup("/2024/05/pubblicato/").select_one("main a[href$='/nascosto/']")
    assert link["href"] == "https://farelegami.example.org/2024/05/nascosto/"
    assert not site.exists("/2024/05/bozza/") and not site.exists("/2099/03/programmato/")


def test_a_scheduled_item_linking_a_draft_is_a_warning(build):
    """The day it is published, the link would stop that build: said now, in a warning
    (nothing else is held back), with both dates."""
    site = build({**GOOD,
                  "notizie/c.md": article(title="Programmato", date=SCHEDULED,
                                          body="[bozza]({filename}/notizie/b.md)"),
                  "notizie/b.md": article(title="Bozza", status="draft")})
    assert site.ok, site.log
    log = site.messages()
    assert "WARNING notizie/c.md:6: il link punta a notizie/b.md, che è una bozza" in log, log
    assert "questo file è programmato per domenica 1 marzo 2099, ore 10:00: quel giorno la" \
           " pubblicazione si fermerebbe" in log


# What editors (community managers, not programmers) get wrong, one file each: the
# message names the file and the line and says what to write, the same in `invoke check`
# and in the build. (id, files, "file:line" or "file" when there is no line, severity,
# words of the message). Every file of the corpus is built and checked together.
def _item(*lines, body="Testo dell'articolo.\n"):
    return "---\n" + "\n".join(lines) + "\n---\n\n" + body


def _case(name, *lines, body="Testo dell'articolo.\n"):
    """An article whose front matter starts with ``lines`` (``title`` at line 2 when they
    hold none), dated unless they hold a date."""
    keys = {line.split(":", 1)[0].strip().lower() for line in lines}
    head = [f"title: Caso {name}"] if not keys & {"title", "titolo"} else []
    tail = ["date: 2024-05-05 10:00"] if not keys & {"date", "data"} else []
    return _item(*head, *lines, *tail, body=body)


PDF = samples.pdf()
ERRORE, AVVISO = "errore", "avviso"
# an attachment's title and description written at the margin under its `- file:`; its
# description alone
ATTACHMENT_KEYS_AT_MARGIN = _item(
    "title: Caso am4", "date: 2024-05-05 10:00", "attachments:",
    "  - file: allegati/2024/am1.pdf", "title: Il programma", "description: Da stampare.")
DESCRIPTION_AT_MARGIN = _item(
    "title: Caso am5", "date: 2024-05-05 10:00", "attachments:",
    "  - file: allegati/2024/am1.pdf", "description: Da stampare.")
MISTAKES = [
    ("date-slashes", {"notizie/d1.md": _case("d1", "date: 29/11/2026")}, "notizie/d1.md:3",
     ERRORE, ["(29/11/2026)", "scrivi 2026-11-29 (anno-mese-giorno"]),
    ("date-dashes", {"notizie/d2.md": _case("d2", "date: 29-11-2026")}, "notizie/d2.md:3",
     ERRORE, ["scrivi 2026-11-29"]),
    ("date-words", {"notizie/d3.md": _case("d3", "date: 29 novembre 2026")}, "notizie/d3.md:3",
     ERRORE, ["scrivi 2026-11-29"]),
    ("date-31-november", {"notizie/d4.md": _case("d4", "date: 2026-11-31")}, "notizie/d4.md:3",
     ERRORE, ["(2026-11-31): novembre ha 30 giorni"]),
    ("date-30-february", {"notizie/d5.md": _case("d5", "date: 2026-02-30 10:00")},
     "notizie/d5.md:3", ERRORE, ["febbraio 2026 ha 28 giorni"]),
    ("time-with-dot", {"notizie/d6.md": _case("d6", "date: 2026-11-20 9.30")},
     "notizie/d6.md:3", ERRORE, ["scrivi 2026-11-20 09:30"]),
    ("time-ore", {"notizie/d7.md": _case("d7", "date: 2026-11-20 ore 9")}, "notizie/d7.md:3",
     ERRORE, ["scrivi 2026-11-20 09:00"]),
    ("date-slashes-time", {"notizie/d8.md": _case("d8", "date: 20/11/2026 09:30")},
     "notizie/d8.md:3", ERRORE, ["scrivi 2026-11-20 09:30"]),
    ("hour-25", {"notizie/d9.md": _case("d9", "date: 2026-11-20 25:00")}, "notizie/d9.md:3",
     ERRORE, ["l'ora va da 00:00 a 23:59"]),
    ("date-unpadded", {"notizie/d10.md": _case("d10", "date: 2026-1-5 10:00")},
     "notizie/d10.md:3", ERRORE, ["scrivi 2026-01-05 10:00"]),
    # a word processor's quotes around a right date or status: the date was "usa
    # AAAA-MM-GG HH:MM" for what looked written so, the status "usa published, draft o
    # hidden" for draft
    ("date-curly-quotes", {"notizie/d13.md": _case("d13", "date: “2026-11-29 09:30”")},
     "notizie/d13.md:3", ERRORE, ["(“2026-11-29 09:30”): scrivi 2026-11-29 09:30, senza"
                                  " virgolette (quelle tipografiche fanno parte del valore)"]),
    ("status-curly-quotes", {"notizie/s4.md": _case("s4", "status: “draft”")},
     "notizie/s4.md:3", ERRORE, ["`status` sconosciuto (“draft”): scrivi status: draft, senza"
                                 " virgolette"]),
    ("date-year-slashes", {"notizie/d11.md": _case("d11", "date: 2026/11/29")},
     "notizie/d11.md:3", ERRORE, ["(2026/11/29): scrivi 2026-11-29 (anno-mese-giorno"]),
    ("date-seconds", {"notizie/d12.md": _case("d12", "date: 29/11/2026 09:30:00")},
     "notizie/d12.md:3", ERRORE, ["scrivi 2026-11-29 09:30 (anno-mese-giorno ore:minuti)"]),
    ("title-colon", {"notizie/t1.md": _case("t1", "title: Crema: apre il centro")},
     "notizie/t1.md:2", ERRORE, ['title: "Crema: apre il centro"']),
    ("title-opening-quote", {"notizie/t2.md": _case("t2", 'title: "Insieme" è il motto')},
     "notizie/t2.md:2", ERRORE, ["title: '\"Insieme\" è il motto'"]),
    # an apostrophe closed the value and no quote at its end: the line to write kept the
    # opening one, «'L'estate all'oratorio» on the site
    ("title-apostrophe-left-open", {"notizie/t9.md": _case(
        "t9", "title: 'L'estate all'oratorio")}, "notizie/t9.md:2", ERRORE,
     ["il valore di `title` comincia con «'» ma non finisce con la stessa virgoletta, così"
      " il sito cerca dove finisce: scrivilo tutto tra virgolette diritte, title: \"L'estate"
      " all'oratorio\";"]),
    # the closing quote forgotten: the line to write kept the opening one, between quotes
    # of the other kind (title: '"Festa al Civic Center'), «"Festa…» on the site, and an
    # attachment so written was a file not found
    ("title-quote-left-open", {"notizie/t10.md": _case("t10", 'title: "Festa al Civic Center')},
     "notizie/t10.md:2", ERRORE,
     ['scrivilo tutto tra virgolette diritte, title: "Festa al Civic Center" (']),
    ("title-single-quote-left-open", {"notizie/t11.md": _case(
        "t11", "title: 'Festa al Civic Center")}, "notizie/t11.md:2", ERRORE,
     ['scrivilo tutto tra virgolette diritte, title: "Festa al Civic Center" (']),
    ("attachment-quote-left-open", {"notizie/t12.md": _case(
        "t12", "attachments:", '  - file: "allegati/2024/programma festa.pdf')},
     "notizie/t12.md:4", ERRORE,
     ['scrivilo tutto tra virgolette diritte, file: "allegati/2024/programma festa.pdf" (']),
    # a quote typed at one end only, or one straight and one a word processor's: published
    # as part of the title, without a word
    ("title-lone-quote", {"notizie/t13.md": _case("t13", 'title: Festa al Civic Center"')},
     "notizie/t13.md:2", AVVISO,
     ['`title` ha una virgoletta sola (Festa al Civic Center"), che resta nel testo'
      " pubblicato: manca quella che apre o quella che chiude; scrivi title: Festa al Civic"
      " Center ("]),
    ("author-lone-curly-quote", {"notizie/t14.md": _case("t14", "author: “Maria Rossi")},
     "notizie/t14.md:3", AVVISO,
     ["`author` ha una virgoletta sola (“Maria Rossi)", "scrivi author: Maria Rossi ("]),
    ("title-mixed-quotes", {"notizie/t15.md": _case("t15", 'title: “Festa al Civic Center"')},
     "notizie/t15.md:2", AVVISO,
     ['`title` è tra virgolette tipografiche (“Festa al Civic Center")',
      "scrivi title: Festa al Civic Center ("]),
    ("title-hashtag-first", {"notizie/t3.md": _case("t3", "title: #FareLegami in festa")},
     "notizie/t3.md:2", ERRORE, ["comincia con `#`, che qui apre un commento",
                                 'title: "#FareLegami in festa"']),
    ("title-hashtag-last", {"notizie/t4.md": _case("t4", "title: Festa #FareLegami")},
     "notizie/t4.md:2", ERRORE, ['"Festa #FareLegami"']),
    ("title-curly-quotes", {"notizie/t5.md": _case("t5", "title: “Insieme”: la festa")},
     "notizie/t5.md:2", ERRORE, ["virgolette tipografiche",
                                 "scrivi title: \"“Insieme”: la festa\";"]),
    # the line to write, as for the colon without curly quotes (title-colon)
    ("title-curly-quotes-whole", {"notizie/t8.md": _case("t8", "title: “Crema: la festa”")},
     "notizie/t8.md:2", ERRORE, ["usa quelle diritte (\" o '): scrivi title: \"Crema: la"
                                 " festa\";"]),
    ("title-no-space", {"notizie/t6.md": _item("title:Festa", "date: 2024-05-05")},
     "notizie/t6.md:2", ERRORE, ["dopo i due punti di `title` ci vuole uno spazio",
                                 "scrivi title: Festa"]),
    ("key-indented", {"notizie/t7.md": _item("title: Festa t7", " date: 2024-05-05")},
     "notizie/t7.md:3", ERRORE, ["la riga di `date` comincia con uno spazio"]),
    ("tags-hashtags", {"notizie/g1.md": _case("g1", "tags: #Crema #Cremona")},
     "notizie/g1.md:3", ERRORE, ["`tags` resterebbe vuoto", "tags: [Crema, Cremona]"]),
    ("tags-list-hashtags", {"notizie/g2.md": _case("g2", "tags:\n  - #Crema\n  - #Cremona")},
     "notizie/g2.md:4", ERRORE, ["scrivi le voci senza `#`, - Crema"]),
    ("tags-hashtags-in-brackets", {"notizie/g4.md": _case("g4", "tags: [#Crema, #Cremona]")},
     "notizie/g4.md:3", ERRORE, ["dentro le parentesi quadre di `tags`",
                                 "tags: [Crema, Cremona]"]),
    ("tags-hashtags-quoted", {"notizie/g5.md": _case("g5", 'tags: "#Crema, #Cremona"')},
     "notizie/g5.md:3", AVVISO, ["si scrivono senza `#`: scrivi tags: [Crema, Cremona]"]),
    # hashtags as a post has them, a space between: the line to write was [Crema #Cremona]
    # (a comment in YAML), and the site published one tag, «Crema #Cremona»
    ("tags-hashtags-quoted-spaces", {"notizie/g6.md": _case("g6", 'tags: "#Crema #Cremona"')},
     "notizie/g6.md:3", AVVISO, ["si scrivono senza `#`: scrivi tags: [Crema, Cremona] /"]),
    ("tags-hashtags-native", {"notizie/g7.md": "Title: Caso g7\nDate: 2024-05-05 10:00\n"
                                               "Tags: #Crema #Cremona\n\nTesto.\n"},
     "notizie/g7.md:3", AVVISO, ["si scrivono senza `#`: scrivi Tags: Crema, Cremona /"]),
    # brackets inside a list written as text: the site published the topic «[Cremona]»
    ("tags-bracket-inside", {"notizie/gb1.md": _case("gb1", "tags: Crema, [Cremona]")},
     "notizie/gb1.md:3", ERRORE, ["`tags` ha delle parentesi dentro le voci, e il sito"
                                  " pubblicherebbe l'argomento «[Cremona]»",
                                  "scrivi tags: [Crema, Cremona] /"]),
    ("tags-bracket-native", {"notizie/gb2.md": "Title: Caso gb2\nDate: 2024-05-05 10:00\n"
                                               "Tags: [Crema, Cremona]\n\nTesto.\n"},
     "notizie/gb2.md:3", ERRORE, ["nella vecchia intestazione le voci si separano con le"
                                  " virgole, senza parentesi; scrivi Tags: Crema, Cremona /"]),
    # the lines under "summary: >" at the margin: PyYAML's English alone, at the line after
    ("summary-block-unindented", {"notizie/sb1.md": _case(
        "sb1", "summary: >", "La festa del quartiere", "torna a maggio.")},
     "notizie/sb1.md:3", ERRORE, ["le righe sotto `summary: >` fanno parte del valore solo se"
                                  " rientrate: scrivi due spazi all'inizio di ciascuna, oppure"
                                  " tutto il valore su una riga, summary: La festa del"
                                  " quartiere torna a maggio.;"]),
    # a line at the margin holding ": " under "summary: |": YAML read it as a key of its
    # own, and the summary was empty with only a warning on the unknown key «la festa»
    ("summary-block-colon-line", {"notizie/sb2.md": _case(
        "sb2", "summary: |", "La festa: sabato.")},
     "notizie/sb2.md:3", ERRORE, ["le righe sotto `summary: |` fanno parte del valore solo se"
                                  " rientrate: scrivi due spazi all'inizio di ciascuna, oppure"
                                  " tutto il valore su una riga, summary: \"La festa:"
                                  " sabato.\";"]),
    # a name between braces inside the list: it was «scrivila tra virgolette diritte,
    # - "Cremona: "», as if the editor had typed a name holding ": "
    ("tags-braces-inside-list", {"notizie/gb3.md": _case("gb3", "tags: [Crema, {Cremona}]")},
     "notizie/gb3.md:3", ERRORE, ["`tags` ha delle parentesi dentro le voci",
                                  "scrivi tags: [Crema, Cremona] /"]),
    # two quoted items without a comma between them: PyYAML's English alone
    ("tags-quoted-no-comma", {"notizie/gq1.md": _case("gq1", "tags: ['Crema' 'Cremona']")},
     "notizie/gq1.md:3", ERRORE, ["tra le parentesi quadre di `tags` manca la virgola tra"
                                  " due voci: scrivi le voci separate da virgole, tags: [Crema,"
                                  " Cremona];"]),
    # a key without its colon, an item with fewer spaces than the one above, a tab after an
    # item's dash: PyYAML's English alone, the first two a line or two further down
    ("title-without-colon", {"notizie/gc1.md": _item("title Festa in piazza",
                                                     "date: 2024-05-05 10:00")},
     "notizie/gc1.md:2", ERRORE, ["dopo `title` mancano i due punti: scrivi title: Festa in"
                                  " piazza;"]),
    ("tags-item-less-indented", {"notizie/gc2.md": _case("gc2", "tags:", "  - Crema",
                                                         " - Cremona")},
     "notizie/gc2.md:5", ERRORE, ["questa riga di `tags` ha meno spazi davanti della voce"
                                  " sopra (`- Crema`), e il sito non la legge come una voce dello"
                                  " stesso elenco: scrivila con 2 spazi davanti, come"
                                  " `- Crema`;"]),
    ("tags-tab-after-dash", {"notizie/gc3.md": _case("gc3", "tags:", "  -\tCrema")},
     "notizie/gc3.md:4", ERRORE, ["dopo il trattino della voce c'è un tabulatore: scrivi uno"
                                  " spazio;"]),
    # a quotation and more text, ending with a quote: the line proposed was title: "Crema' e
    # 'Cremona", which the site would have published so
    ("title-two-quotations", {"notizie/gc4.md": _case("gc4", "title: 'Crema' e 'Cremona'")},
     "notizie/gc4.md:2", ERRORE, ["il valore di `title` comincia con una citazione tra"
                                  " virgolette e continua dopo: il sito legge solo la citazione;"
                                  " scrivilo tutto tra virgolette diritte, title: \"'Crema' e"
                                  " 'Cremona'\";"]),
    # tags one a line without their dashes: one topic «Crema Cremona»; one name wrapped
    # reads the same and is valid: a warning with both lines to write
    ("tags-without-dashes", {"notizie/gc5.md": _case("gc5", "tags:", "  Crema", "  Cremona")},
     "notizie/gc5.md:4", AVVISO,
     ["le righe di `tags` non hanno il trattino: sono lette come un testo solo, «Crema"
      " Cremona», e il sito lo pubblica come una voce sola; se sono voci diverse scrivile tra"
      " parentesi quadre, separate da virgole, tags: [Crema, Cremona], o ciascuna su una"
      " riga sua"]),
    # a line without its dash above one with it: the names proposed were "Crema" and
    # "- Cremona", which the site would have published with its dash
    ("tags-without-dash-then-dash", {"notizie/gd5.md": _case("gd5", "tags:", "  Crema",
                                                             "  - Cremona")},
     "notizie/gd5.md:4", AVVISO, ["sono lette come un testo solo, «Crema - Cremona», e il"
                                  " sito lo pubblica come una voce sola; se sono voci diverse"
                                  " scrivile tra parentesi quadre, separate da virgole, tags:"
                                  " [Crema, Cremona], o ciascuna"]),
    # a comma maybe missing, which YAML reads without an error: one topic «Crema Cremona»
    ("tags-no-comma-one-name", {"notizie/gc6.md": _case("gc6", "tags: [Crema", "  Cremona]")},
     "notizie/gc6.md:3", AVVISO, ["tra le parentesi quadre di `tags` forse manca una virgola:"
                                  " ne risulta la voce «Crema Cremona», e il sito la pubblica"
                                  " così; se sono voci diverse scrivile separate da virgole,"
                                  " su una riga, tags: [Crema, Cremona]; se è giusto così,"
                                  " scrivi tags: [Crema Cremona] /"]),
    # a key left empty: «manca il titolo (`title`)», with the line `title:` in plain sight
    ("title-empty", {"notizie/gc7.md": _case("gc7", "title:")}, "notizie/gc7.md:2", ERRORE,
     ["manca il titolo (`title`): la riga `title:` è vuota, scrivi il titolo dopo i due punti"
      " e uno spazio, per esempio title: Festa di quartiere /"]),
    # tags written twice: the first line's topics lost, the warning said only «vale l'ultima»
    ("tags-twice", {"notizie/gc8.md": _case("gc8", "tags: Crema", "tags: Cremona")},
     "notizie/gc8.md:4", AVVISO, ["chiave `tags` ripetuta (riga 3): vale l'ultima; per tenere"
                                  " le voci di tutte e due scrivi una riga sola, tags: [Crema,"
                                  " Cremona] /"]),
    # a summary's next line at the margin holding ": ": a key to YAML, «per tutti», the
    # summary cut short with a warning on an unknown key alone
    ("summary-next-line-a-key", {"notizie/gc9.md": _case("gc9", "summary: Una festa",
                                                         "per tutti: vieni")},
     "notizie/gc9.md:4", AVVISO, ["questa riga, al margine sotto `summary` (riga 3), è letta"
                                  " come un'altra chiave, «per tutti», sconosciuta e ignorata,"
                                  " e il valore di `summary` si ferma alla riga sopra: se lo continua, scrivi"
                                  " tutto il valore su una riga tra virgolette diritte,"
                                  " summary: \"Una festa per tutti: vieni\"; se è una nota,"
                                  " cominciala con `# ` /"]),
    # the same over two lines: the line proposed was the first item's alone, tags: ['Crema']
    ("tags-quoted-no-comma-two-lines", {"notizie/gq2.md": _case(
        "gq2", "tags: ['Crema'", "  Cremona]")},
     "notizie/gq2.md:3", ERRORE, ["tra le parentesi quadre di `tags` manca la virgola tra"
                                  " due voci: scrivi le voci separate da virgole su una riga"
                                  " sola, al posto delle 2 righe dell'elenco, tags: [Crema,"
                                  " Cremona] (rilevato"]),
    # "po'" closes no quotation: the line to write kept the opening quote («'Un po' di
    # festa» on the site); in a list, PyYAML's English alone
    ("summary-apostrophe-left-open", {"notizie/sa1.md": _case(
        "sa1", "summary: 'Un po' di festa")}, "notizie/sa1.md:3", ERRORE,
     ["scrivilo tutto tra virgolette diritte, summary: \"Un po' di festa\";"]),
    ("tags-apostrophe-in-quotes", {"notizie/ga1.md": _case(
        "ga1", "tags: ['Un po' di festa', Crema]")}, "notizie/ga1.md:3", ERRORE,
     ["scrivi le voci così, tags: [Un po' di festa, Crema];"]),
    # a label and its value typed as a reference definition: the line left the page
    ("reference-unused", {"notizie/rf1.md": _case(
        "rf1", body="Orari dello sportello: dal lunedì al venerdì.\n\n[Chiuso]: domenica\n\n"
                    "Vedi il [sito del Comune][comune].\n\n[comune]: https://example.org/\n")},
     "notizie/rf1.md:8", AVVISO, ["la riga «[Chiuso]: …» non compare sul sito",
                                  "togli le parentesi quadre (Chiuso: …)"]),
    ("link-by-address", {"notizie/l0.md": _case("l0"), "notizie/l1.md": _case(
        "l1", body="Come alla [festa di maggio](/2024/05/caso-l0/).\n")}, "notizie/l1.md:6",
     AVVISO, ["il link /2024/05/caso-l0/ è l'indirizzo di notizie/l0.md:"
              " scrivi {filename}/notizie/l0.md"]),
    # the section and the query it links stay in the link to write; each link on its line
    ("link-by-address-fragment", {"notizie/l2.md": _case(
        "l2", body="Il [programma](/2024/05/caso-l0/#programma).\n\n"
                   "La [pagina 2](/2024/05/caso-l0/?pagina=2).\n")}, "notizie/l2.md:8",
     AVVISO, ["il link /2024/05/caso-l0/?pagina=2 è l'indirizzo di notizie/l0.md",
              "scrivi {filename}/notizie/l0.md?pagina=2,"]),
    ("link-by-address-fragment-first", {}, "notizie/l2.md:6", AVVISO,
     ["il link /2024/05/caso-l0/#programma è l'indirizzo di notizie/l0.md",
      "scrivi {filename}/notizie/l0.md#programma,"]),
    # the full address copied from the browser: an article's is this site's (a page's,
    # /contatti/, could be any site's, and the production address is not known to a check)
    ("link-by-full-address", {"notizie/l3.md": _case(
        "l3", body="Come alla [festa](https://www.farelegami.it/2024/05/caso-l0/) e ai"
                   " [contatti](https://www.comune.example.it/contatti/).\n"),
        "pages/contatti.md": _item("title: Contatti")},
     "notizie/l3.md:6", AVVISO,
     ["il link https://www.farelegami.it/2024/05/caso-l0/ è l'indirizzo di notizie/l0.md:"
      " scrivi {filename}/notizie/l0.md"]),
    # a relative address: a browser reads it from the page showing the text (the item's,
    # /2024/05/caso-r2/, or a list's: its lead is on the home page), and the build left it as
    # typed: /2024/05/caso-r2/programma, a missing page; at its line, not at the word above
    ("link-relative", {"notizie/r2.md": _case(
        "r2", body="Il programma della festa è pronto.\n\nLo trovi [qui](programma).\n")},
     "notizie/r2.md:8", ERRORE,
     ["il link «programma» è relativo: sul sito cambia con la pagina che mostra"
      " il testo (da quella dell'articolo porta a /2024/05/caso-r2/programma) e non"
      " funzionerebbe; scrivi l'indirizzo intero: per un elenco di questo sito comincia con /"
      " (per esempio /archivio/)"]),
    # an article's file name or slug as the old site wrote them, or its address from this
    # one's: its {filename} link, the section kept
    ("link-relative-to-article", {"notizie/r3.md": _case(
        "r3", body="Come alla [festa](caso-l0.html#giochi) e alla [cena](../caso-l0/).\n")},
     "notizie/r3.md:6", ERRORE,
     ["il link «caso-l0.html#giochi» è relativo",
      "scrivi {filename}/notizie/l0.md#giochi, così il sito controlla il link",
      "il link «../caso-l0/» è relativo: sul sito cambia con la pagina che"
      " mostra il testo (da quella dell'articolo porta a /2024/05/caso-l0/) e non"
      " funzionerebbe; scrivi {filename}/notizie/l0.md,"]),
    # an image or a document by its name alone: the file in the folders the site publishes
    # from, else the folder to copy it into
    ("image-relative", {"notizie/r4.md": _case(
        "r4", body="Testo.\n\n![La sala](r4.jpg) e ![Il cortile](cortile-r4.jpg)\n"),
        "immagini/2024/r4.jpg": JPEG}, "notizie/r4.md:8", ERRORE,
     ["il link «r4.jpg» è relativo", "; scrivi {static}/immagini/2024/r4.jpg /",
      "; copia il file in immagini/ e scrivi {static}/immagini/cortile-r4.jpg /"]),
    ("document-relative", {"notizie/r5.md": _case(
        "r5", body="Il [bando](r5.pdf).\n"), "allegati/2024/r5.pdf": PDF},
     "notizie/r5.md:6", ERRORE,
     ["il link «r5.pdf» è relativo", "scrivi {static}/allegati/2024/r5.pdf"
      " (o elenca il file in `attachments`, gli allegati)"]),
    # a marker Pelican does not know ({Static}, capital S) is left as typed, a relative
    # address: the page got <img src="{Static}/immagini/…">, with a warning of Pelican's
    ("static-capital", {"notizie/r6.md": _case(
        "r6", body="![La festa]({Static}/immagini/2024/r6.jpg)\n"),
        "immagini/2024/r6.jpg": JPEG}, "notizie/r6.md:6", ERRORE,
     ["il link «{Static}/immagini/2024/r6.jpg» è relativo",
      "scrivi {static}/immagini/2024/r6.jpg /"]),
    # the same link in the summary and in the body: each text's at its line, in one run
    # (once, at the first, it showed the other only when that one was fixed)
    ("link-relative-summary", {"notizie/r7.md": _case(
        "r7", "summary: 'Vedi [il programma](programma), la [festa](/2024/05/caso-l0/) e"
              " [la nota]({filename}/notizie/_nota-r7.md).'",
        body="Testo.\n\nVedi [il programma](programma), la [festa](/2024/05/caso-l0/) e"
             " [la nota]({filename}/notizie/_nota-r7.md).\n"),
        "notizie/_nota-r7.md": "Appunti.\n"}, "notizie/r7.md:3", ERRORE,
     ["il link «programma» è relativo", "il link punta a notizie/_nota-r7.md, che non è"]),
    ("link-by-address-summary", {}, "notizie/r7.md:3", AVVISO,
     ["il link /2024/05/caso-l0/ è l'indirizzo di notizie/l0.md"]),
    ("link-relative-body", {}, "notizie/r7.md:9", ERRORE,
     ["il link «programma» è relativo", "il link punta a notizie/_nota-r7.md, che non è"]),
    ("link-by-address-body", {}, "notizie/r7.md:9", AVVISO,
     ["il link /2024/05/caso-l0/ è l'indirizzo di notizie/l0.md"]),
    # an address typed without https://: published as text, and nothing said so
    ("www-bare", {"notizie/r8.md": _case(
        "r8", body="Il programma è su www.comune.crema.cr.it/servizi e, in `www.codice.it`,"
                   " sul [sito www.link.it](https://www.link.it).\n")},
     "notizie/r8.md:6", AVVISO,
     ["l'indirizzo www.comune.crema.cr.it/servizi non è un link (sul sito non si può"
      " cliccare): scrivilo con https:// davanti tra < e >,"
      " <https://www.comune.crema.cr.it/servizi>, o come"
      " [testo](https://www.comune.crema.cr.it/servizi) / the address is no link"]),
    ("outside-categories", {"festa-r1.md": _case("r1")}, "festa-r1.md:1", AVVISO,
     ["direttamente in content/", "viene pubblicato nella categoria «",
      "content/notizie/festa-r1.md"]),
    # a folder made by hand for a category of the site, written another way: a category of
    # its own, «Notizia», beside Notizie, without a word
    ("folder-like-a-category", {"notizia/r2.md": _case("r2")}, "notizia/r2.md:1", AVVISO,
     ["la cartella notizia/ non è quella di una categoria del sito: l'articolo viene"
      " pubblicato in una categoria nuova, «Notizia», accanto a «Notizie»; se intendevi"
      " notizie, sposta il file in content/notizie/r2.md"]),
    ("tags-tab", {"notizie/g3.md": _case("g3", "tags:\n\t- Crema")}, "notizie/g3.md:4",
     ERRORE, ["la riga comincia con un tabulatore, che nell'intestazione non vale come"
              " spazio: scrivila con gli spazi, `  - Crema`"]),
    # non-breaking spaces of a list pasted from Word: after the dash, YAML read no item but
    # text, and the site published one topic «Crema -\u00a0Cremona» without a word; before
    # it, the message said to retype the space after the colon
    ("tags-item-nbsp", {"notizie/g8.md": _case("g8", "tags:\n  - Crema\n  -\u00a0Cremona")},
     "notizie/g8.md:5", ERRORE, ["la voce dell'elenco di `tags` ha uno spazio speciale (non"
                                 " separabile, copiato da un programma di videoscrittura) dopo"
                                 " il trattino: così non è una voce ma testo; riscrivi lo"
                                 " spazio dopo `-`"]),
    # read by YAML without an error: one topic «-Crema -Cremona» published, no word said
    ("tags-dash-without-space", {"notizie/g10.md": _case("g10", "tags:\n  -Crema\n  -Cremona")},
     "notizie/g10.md:4", ERRORE, ["la voce dell'elenco di `tags` non ha lo spazio dopo il"
                                  " trattino: così non è una voce ma testo («-Crema -Cremona»);"
                                  " scrivi ogni voce con un trattino e uno spazio, - Crema /"]),
    ("tags-indent-nbsp", {"notizie/g9.md": _case("g9", "tags:\n\u00a0\u00a0- Crema")},
     "notizie/g9.md:4", ERRORE, ["spazio normale: riscrivi gli spazi all'inizio della riga;"]),
    ("status-bozza", {"notizie/s1.md": _case("s1", "status: bozza")}, "notizie/s1.md:3",
     ERRORE, ["(bozza): scrivi status: draft"]),
    ("status-pubblicato", {"notizie/s2.md": _case("s2", "status: pubblicato")},
     "notizie/s2.md:3", ERRORE, ["scrivi status: published"]),
    ("status-nascosto", {"notizie/s3.md": _case("s3", "status: nascosto")},
     "notizie/s3.md:3", ERRORE, ["scrivi status: hidden"]),
    # `status:` left empty (the web editor's «Stato» cleared wrote `status: null`): the
    # item was published, as if the key were not there
    ("status-null", {"notizie/s5.md": _case("s5", "status: null")}, "notizie/s5.md:3",
     ERRORE, ["`status` è vuoto: scrivi status: draft per tenerlo fuori dal sito (bozza),"
              " status: published per pubblicarlo o status: hidden"]),
    ("status-empty", {"notizie/s6.md": _case("s6", "status:")}, "notizie/s6.md:3",
     ERRORE, ["`status` è vuoto"]),
    ("status-blank", {"notizie/s7.md": _case("s7", "status: ' '")}, "notizie/s7.md:3",
     ERRORE, ["`status` è vuoto"]),
    ("status-empty-native", {"notizie/s8.md": "Title: Caso s8\nDate: 2024-05-05 10:00\n"
                                               "Status:\n\nTesto.\n"},
     "notizie/s8.md:3", ERRORE, ["`status` è vuoto"]),
    ("key-titolo", {"notizie/k1.md": _item("titolo: Festa", "data: 2024-05-05")},
     "notizie/k1.md:2", ERRORE, ["manca il titolo (`title`): la chiave `titolo` si scrive"
                                 " `title`"]),
    ("key-data", {"notizie/k2.md": _item("titolo: Festa", "data: 2024-05-05")},
     "notizie/k2.md:3", ERRORE, ["la chiave `data` si scrive `date`"]),
    ("key-categoria", {"notizie/k3.md": _case("k3", "categoria: Eventi")}, "notizie/k3.md:3",
     AVVISO, ["chiave sconosciuta `categoria`, ignorata: si scrive `category`"]),
    ("key-allegati", {"notizie/k4.md": _case("k4", "allegati:\n  - allegati/bando.pdf"),
                      "allegati/bando.pdf": PDF}, "notizie/k4.md:3", AVVISO,
     ["si scrive `attachments`"]),
    ("not-closed", {"notizie/f1.md": "---\ntitle: Festa f1\ndate: 2024-05-05\n\nTesto.\n"},
     "notizie/f1.md:1", ERRORE, ["non si chiude con un'altra riga `---`: aggiungila sotto"
                                 " l'ultima informazione, prima del testo"]),
    # the closing line missing, a rule in the text closed the front matter: it was
    # "could not find expected ':'" at the rule's line, in English and nothing else
    ("not-closed-rule-below", {"notizie/f11.md": "---\ntitle: Festa f11\ndate: 2024-05-05\n\n"
                                                 "Il programma della festa.\n\n---\n\nAltro.\n"},
     "notizie/f11.md:5", ERRORE, ["qui comincia il testo, ma manca la riga `---` che chiude"
                                  " l'intestazione: aggiungila prima del testo",
                                  "(ora la chiude la riga `---` della riga 7, più in basso)"]),
    # words typed after the empty values ./run new writes, or a list under them: the line
    # to write was `tags: "[] Crema, Cremona"` (a topic «[] Crema»), `summary: "'' Una
    # festa"` (two apostrophes on the site), or none at all ("did not find expected key")
    ("tags-after-empty-list", {"notizie/e1.md": _case("e1", "tags: [] Crema, Cremona")},
     "notizie/e1.md:3", ERRORE, ["il valore di `tags` continua dopo la parentesi che chiude"
                                 " l'elenco: scrivi tutte le voci dentro le parentesi quadre,"
                                 " tags: [Crema, Cremona];"]),
    ("tags-two-lists", {"notizie/e2.md": _case("e2", "tags: [Crema] [Civic Center]")},
     "notizie/e2.md:3", ERRORE, ["tags: [Crema, Civic Center];"]),
    ("summary-after-empty-quotes", {"notizie/e3.md": _case(
        "e3", "summary: '' Una festa per tutti.")}, "notizie/e3.md:3", ERRORE,
     ["il valore di `summary` continua dopo le virgolette vuote (''): scrivi il testo al"
      " loro posto, summary: \"Una festa per tutti.\";"]),
    ("attachments-under-empty-list", {"notizie/e5.md": _case(
        "e5", "attachments: []\n  - file: allegati/2024/e5.pdf\n    title: Il bando"),
        "allegati/2024/e5.pdf": PDF}, "notizie/e5.md:3", ERRORE,
     ["la riga di `attachments` ha già un valore, `[]` (vuoto), e le righe sotto non ne"
      " fanno parte: togli `[]` e lascia solo `attachments:` sopra di loro"]),
    ("summary-under-empty-quotes", {"notizie/e6.md": _case(
        "e6", "summary: ''\n  Una festa per tutti.")}, "notizie/e6.md:3", ERRORE,
     ["togli `''` e lascia solo `summary:` sopra di loro"]),
    # the opening line left out: it was "manca una riga vuota tra le informazioni in cima
    # (Title:, Date: …) e il testo" at the closing `---`, whose blank line above would have
    # published a rule atop the text
    ("not-opened", {"notizie/f12.md": "title: Festa f12\ndate: 2024-05-05\n---\n\nTesto.\n"},
     "notizie/f12.md:1", ERRORE, ["manca la riga `---` che apre l'intestazione: l'intestazione"
                                  " si chiude alla riga 3 ma non si apre; scrivi"
                                  " `---` come prima riga del file"]),
    ("dash-not-hyphens", {"notizie/f2.md": "—\ntitle: Festa f2\ndate: 2024-05-05\n—\n\nT.\n"},
     "notizie/f2.md:1", ERRORE, ["è una lineetta", "scrivi `---`"]),
    ("empty-file", {"notizie/f3.md": ""}, "notizie/f3.md:1", ERRORE,
     ["il file è vuoto", "(title: e date:)"]),
    ("no-front-matter", {"notizie/f4.md": "Festa di quartiere\n\nTesto.\n"}, "notizie/f4.md:1",
     ERRORE, ["il file non comincia con l'intestazione: in cima scrivi una riga `---`"]),
    ("no-body", {"notizie/f5.md": _case("f5", body="")}, "notizie/f5.md:4", AVVISO,
     ["l'articolo non ha testo: scrivilo sotto la riga `---` che chiude l'intestazione"]),
    # Pelican's native header has no `---` line to write the text under (the guide's
    # example of attachments in that header, copied as it is, was told to)
    ("no-body-native", {"notizie/f10.md": "Title: Caso f10\nDate: 2024-05-05 10:00\n"},
     "notizie/f10.md:3", AVVISO,
     ["l'articolo non ha testo: scrivilo sotto l'intestazione, dopo una riga vuota"]),
    ("long-summary", {"notizie/f6.md": _case("f6", "summary: " + "Giochi e musica. " * 20)},
     "notizie/f6.md:3", AVVISO, ["sommario lungo (339 caratteri, consigliati al massimo 300):"
                                 " negli elenchi e nelle condivisioni verrebbe tagliato;"
                                 " accorcialo /"]),
    # a title of 120 characters: the warning said how long, not what it does or what to do
    ("long-title", {"notizie/f13.md": _item("title: " + "Festa di quartiere al parco. " * 4 +
                                            "Vi aspettiamo", "date: 2024-05-05")},
     "notizie/f13.md:2", AVVISO, ["titolo lungo (129 caratteri, consigliati al massimo 110):"
                                  " negli elenchi, nelle condivisioni e nei motori di ricerca"
                                  " verrebbe tagliato; accorcialo /"]),
    ("extension-capitals", {"notizie/f7.MD": _case("f7")}, "notizie/f7.MD", AVVISO,
     ["rinominalo in f7.md"]),
    ("saved-as-text", {"notizie/f8.md.txt": _case("f8")}, "notizie/f8.md.txt", AVVISO,
     ["rinominalo in f8.md"]),
    ("same-title", {"notizie/f9.md": _item("title: Festa doppia", "date: 2024-05-05"),
                    "avvisi/f9.md": _item("title: Festa doppia", "date: 2024-06-05")},
     "avvisi/f9.md:2", ERRORE, ["stessa fine dell'indirizzo (`slug` festa-doppia) di"
                                " notizie/f9.md: ogni articolo deve avere la sua, cambia il"
                                " titolo (o scrivi uno `slug:` diverso) di questo file, il più"
                                " recente (l'altro può essere già pubblicato con"
                                " quell'indirizzo); per esempio slug: festa-doppia-2024-06"]),
    # last year's item copied (or its title written again): the slug with its year
    ("same-slug-last-year", {"notizie/f16.md": _item("title: Chiusura estiva",
                                                     "date: 2025-07-20", "slug: chiusura-f16"),
                             "avvisi/f17.md": _item("title: Chiusura estiva",
                                                    "date: 2026-07-20", "slug: chiusura-f16")},
     "avvisi/f17.md:4", ERRORE, ["cambia `slug` di questo file, il più recente (l'altro può"
                                 " essere già pubblicato con quell'indirizzo); per esempio"
                                 " slug: chiusura-f16-2026 /"]),
    # a file copied from another, its slug kept: "cambia `slug` (o il titolo) di uno dei
    # due", and a new title changed nothing, nor did the editor know which file to change
    ("same-slug-copied", {"notizie/f14.md": _item("title: Riunione di maggio",
                                                  "date: 2024-05-05", "slug: riunione-f14"),
                          "notizie/f15.md": _item("title: Riunione di giugno",
                                                  "date: 2024-06-05", "slug: riunione-f14")},
     "notizie/f15.md:4", ERRORE, ["stessa fine dell'indirizzo (`slug` riunione-f14) di"
                                  " notizie/f14.md: ogni articolo deve avere la sua, cambia"
                                  " `slug` di questo file, il più recente (l'altro può essere"
                                  " già pubblicato con quell'indirizzo); per esempio slug:"
                                  " riunione-f14-2024-06"]),
    ("author-several-names", {"notizie/w1.md": _case("w1", "author: Maria Rossi, Luca Verdi")},
     "notizie/w1.md:3", AVVISO, ["`author` ha più nomi",
                                 "scrivi authors: [Maria Rossi, Luca Verdi]"]),
    ("article-among-attachments", {"allegati/w4.md": _case("w4")}, "allegati/w4.md", AVVISO,
     ["il file è un articolo salvato nella cartella allegati/", "il sito non lo legge",
      "content/notizie/"]),
    ("word-document", {"notizie/w2.docx": samples.ooxml("docx")}, "notizie/w2.docx", AVVISO,
     ["documento di Word e il sito non lo legge", "copia il testo in un file w2.md"]),
    ("year-typo", {"notizie/w3.md": _case("w3", "date: 2062-11-20 10:00")}, "notizie/w3.md:3",
     AVVISO, ["`date` è tra più di un anno (2062-11-20 10:00)", "controlla l'anno"]),
    ("attachment-windows", {"notizie/a1.md": _case(
        "a1", "attachments:\n  - C:\\Users\\Maria\\Desktop\\bando.pdf")}, "notizie/a1.md:4",
     ERRORE, ["è un file del tuo computer", "copia il file nella cartella content/allegati/",
              "scrivi allegati/bando.pdf in `attachments`"]),
    ("attachment-wrong-folder", {"notizie/a2.md": _case("a2", "attachments:\n  - immagini/a2.pdf"),
                                 "immagini/a2.pdf": PDF}, "notizie/a2.md:4", ERRORE,
     ["l'allegato deve stare nella cartella allegati/"]),
    ("attachment-no-folder", {"notizie/a4.md": _case("a4", "attachments:\n  - bando-a4.pdf"),
                              "allegati/2024/bando-a4.pdf": PDF}, "notizie/a4.md:4", ERRORE,
     ["l'allegato deve stare nella cartella allegati/: bando-a4.pdf;"
      " scrivi allegati/2024/bando-a4.pdf"]),
    # the path of the file where the browser saved it, as the Finder shows it: where it is
    # in allegati/ (copied there already), or the copy to make and the path to write
    ("attachment-in-downloads", {"notizie/dl1.md": _case(
        "dl1", "attachments:\n  - file: Downloads/Volantino Estate dl1.PDF"),
        "allegati/2026/Volantino Estate dl1.PDF": PDF}, "notizie/dl1.md:4", ERRORE,
     ["l'allegato deve stare nella cartella allegati/: Downloads/Volantino Estate dl1.PDF;"
      " scrivi allegati/2026/Volantino Estate dl1.PDF (`attachments`)"]),
    ("attachment-in-downloads-not-copied", {"notizie/dl2.md": _case(
        "dl2", "attachments:\n  - file: Downloads/volantino-dl2.pdf")}, "notizie/dl2.md:4", ERRORE,
     ["l'allegato deve stare nella cartella allegati/: Downloads/volantino-dl2.pdf; copia il"
      " file nella cartella content/allegati/ e scrivi allegati/volantino-dl2.pdf"]),
    ("attachment-above-content", {"notizie/dl3.md": _case(
        "dl3", "attachments:\n  - file: ../Downloads/volantino-dl3.pdf")}, "notizie/dl3.md:4",
     ERRORE, ["percorso fuori da content/: ../Downloads/volantino-dl3.pdf; copia il file nella"
              " cartella content/allegati/ e scrivi allegati/volantino-dl3.pdf"]),
    # the guide's folder made by hand with a capital or a slip (a clone may not have
    # immagini/ yet): the case message proposed {static}/Immagini/…, which the site refuses
    # (not under immagini/), and "file che non esiste" said nothing of immagine/
    ("image-folder-capitalised", {"notizie/fs1.md": _case(
        "fs1", "image: immagini/fs1.jpg", "image_alt: La festa"), "Immagini/fs1.jpg": JPEG},
     "notizie/fs1.md:3", ERRORE,
     ["l'immagine `image` immagini/fs1.jpg: il file è nella cartella content/Immagini/, che"
      " il sito non conosce: rinominala content/immagini/ (tutta minuscola, come la scrivi"
      " qui; se c'è già, sposta il file lì) e lascia il percorso com'è"]),
    ("static-folder-misspelt", {"notizie/fs2.md": _case(
        "fs2", body="Testo.\n\n![La festa]({static}/immagini/2026/fs2.jpg)\n"),
        "immagine/2026/fs2.jpg": JPEG}, "notizie/fs2.md:8", ERRORE,
     ["il link {static}/immagini/2026/fs2.jpg: il file è nella cartella content/immagine/,"
      " che il sito non conosce: rinominala content/immagini/"]),
    ("attachment-folder-capitalised", {"notizie/fs3.md": _case(
        "fs3", "attachments:\n  - file: allegati/2026/fs3.pdf"), "Allegati/2026/fs3.pdf": PDF},
     "notizie/fs3.md:4", ERRORE,
     ["allegato allegati/2026/fs3.pdf (`attachments`): il file è nella cartella"
      " content/Allegati/, che il sito non conosce: rinominala content/allegati/"]),
    ("attachment-missing", {"notizie/a3.md": _case("a3", "attachments:\n  - allegati/a3.pdf")},
     "notizie/a3.md:4", ERRORE, ["allegato non trovato: allegati/a3.pdf"]),
    # the name the site publishes the file under (copied from its address), or "_" for
    # the spaces: "allegato non trovato" alone, the file there under its own name
    ("attachment-published-name", {"notizie/a6.md": _case(
        "a6", "attachments:\n  - allegati/2024/verbale-riunione-citta-a6.pdf"),
        "allegati/2024/Verbale riunione città a6.pdf": PDF}, "notizie/a6.md:4", ERRORE,
     ["allegato non trovato: allegati/2024/verbale-riunione-citta-a6.pdf (`attachments`):"
      " nella cartella c'è allegati/2024/Verbale riunione città a6.pdf, scritto in un altro"
      " modo; se è quello, scrivi allegati/2024/Verbale riunione città a6.pdf /"]),
    ("link-published-name", {"notizie/a7.md": _case(
        "a7", body="Il [verbale]({static}/allegati/2024/verbale_riunione_citta_a6.pdf).\n")},
     "notizie/a7.md:6", ERRORE,
     ["il link {static}/allegati/2024/verbale_riunione_citta_a6.pdf punta a un file che non"
      " esiste: nella cartella c'è allegati/2024/Verbale riunione città a6.pdf, scritto in un"
      " altro modo; se è quello, scrivi"
      " {static}/allegati/2024/Verbale%20riunione%20città%20a6.pdf /"]),
    # a link to an article written before it moved to another category's folder
    ("link-moved-item", {"notizie/m1.md": _case(
        "m1", body="La [festa]({filename}/notizie/festa-m2.md).\n"),
        "avvisi/festa-m2.md": _case("m2")}, "notizie/m1.md:6", ERRORE,
     ["il link {filename}/notizie/festa-m2.md punta a un file che non esiste: un file con lo"
      " stesso nome è in avvisi/ (spostato in un'altra cartella?); se è quello, scrivi"
      " {filename}/avvisi/festa-m2.md /"]),
    # the name as the browser's address writes it (%20 for a space), or with a space
    # typed before the extension: "allegato non trovato" alone, the file there
    ("attachment-browser-name", {"notizie/a8.md": _case(
        "a8", "attachments:\n  - file: allegati/2024/Programma%20festa%20a8.pdf"),
        "allegati/2024/Programma festa a8.pdf": PDF}, "notizie/a8.md:4", ERRORE,
     ["allegato non trovato: allegati/2024/Programma%20festa%20a8.pdf (`attachments`):"
      " nella cartella c'è allegati/2024/Programma festa a8.pdf, scritto in un altro"
      " modo; se è quello, scrivi allegati/2024/Programma festa a8.pdf /"]),
    ("attachment-space-before-extension", {"notizie/a9.md": _case(
        "a9", "attachments:\n  - file: allegati/2024/Programma festa a8 .pdf")},
     "notizie/a9.md:4", ERRORE,
     ["allegato non trovato: allegati/2024/Programma festa a8 .pdf (`attachments`):"
      " nella cartella c'è allegati/2024/Programma festa a8.pdf, scritto in un altro"
      " modo; se è quello, scrivi allegati/2024/Programma festa a8.pdf /"]),
    # a letter left out, the extension forgotten, the file in another year's folder or in
    # one of its own (the guide's example, allegati/2024/): "allegato non trovato" alone
    ("attachment-typo", {"notizie/a10.md": _case(
        "a10", "attachments:\n  - file: allegati/2024/Programma festa d'autuno a10.pdf"),
        "allegati/2024/Programma festa d'autunno a10.pdf": PDF}, "notizie/a10.md:4", ERRORE,
     ["allegato non trovato: allegati/2024/Programma festa d'autuno a10.pdf (`attachments`):"
      " nella cartella c'è allegati/2024/Programma festa d'autunno a10.pdf, con un nome"
      " quasi uguale; se è quello, scrivi allegati/2024/Programma festa d'autunno a10.pdf /"]),
    ("attachment-without-extension", {"notizie/a11.md": _case(
        "a11", "attachments:\n  - file: allegati/2024/Programma festa d'autunno a10")},
     "notizie/a11.md:4", ERRORE,
     ["se è quello, scrivi allegati/2024/Programma festa d'autunno a10.pdf /"]),
    # a name nearly the same but for a number: another document (another month's
    # minutes, another photo), never proposed for it
    ("attachment-other-number", {"notizie/n1.md": _case(
        "n1", "attachments:\n  - file: allegati/2024/verbale-2024-03-n1.pdf"),
        "allegati/2024/verbale-2024-05-n1.pdf": PDF}, "notizie/n1.md:4", ERRORE,
     ["allegato non trovato: allegati/2024/verbale-2024-03-n1.pdf (`attachments`) /"
      " attachment not found"]),
    ("cover-other-number", {"notizie/n2.md": _case(
        "n2", "image: immagini/2024/foto-1.jpg", "image_alt: La festa"),
        "immagini/2024/foto-2.jpg": JPEG}, "notizie/n2.md:3", ERRORE,
     ["l'immagine `image` non esiste: immagini/2024/foto-1.jpg / `image` file not found"]),
    ("link-other-number", {"notizie/n3.md": _case(
        "n3", body="![La festa]({static}/immagini/2024/IMG_1234.jpg)\n"),
        "immagini/2024/IMG_1235.jpg": JPEG}, "notizie/n3.md:6", ERRORE,
     ["il link {static}/immagini/2024/IMG_1234.jpg punta a un file che non esiste /"]),
    # the same numbers written otherwise: the file proposed
    ("attachment-number-without-zero", {"notizie/n4.md": _case(
        "n4", "attachments:\n  - file: allegati/2023/verbale-2024-3-n4.pdf"),
        "allegati/2023/verbale-2024-03-n4.pdf": PDF}, "notizie/n4.md:4", ERRORE,
     ["nella cartella c'è allegati/2023/verbale-2024-03-n4.pdf, con un nome quasi uguale"]),
    # a short name without its extension (difflib's 0.71: it was "allegato non trovato"
    # alone, though the guide says the file is proposed)
    ("attachment-short-name-without-extension", {"notizie/x1.md": _case(
        "x1", "attachments:\n  - file: allegati/x1/bando"), "allegati/x1/bando.pdf": PDF},
     "notizie/x1.md:4", ERRORE,
     ["allegato non trovato: allegati/x1/bando (`attachments`): nella cartella c'è"
      " allegati/x1/bando.pdf, con un nome quasi uguale; se è quello, scrivi"
      " allegati/x1/bando.pdf /"]),
    ("cover-without-extension", {"notizie/x2.md": _case(
        "x2", "image: immagini/x2/logo", "image_alt: Il logo"),
        "immagini/x2/logo.jpg": JPEG}, "notizie/x2.md:3", ERRORE,
     ["nella cartella c'è immagini/x2/logo.jpg, con un nome quasi uguale; se è quello,"
      " scrivi image: immagini/x2/logo.jpg /"]),
    ("attachment-other-folder", {"notizie/a12.md": _case(
        "a12", "attachments:\n  - file: allegati/2025/verbale-a12.pdf"),
        "allegati/2026/verbale-a12.pdf": PDF, "allegati/2025/programma.pdf": PDF},
     "notizie/a12.md:4", ERRORE,
     ["allegato non trovato: allegati/2025/verbale-a12.pdf (`attachments`): un file con lo"
      " stesso nome è in allegati/2026/: se è quello, scrivi allegati/2026/verbale-a12.pdf;"
      " se no, copia il file in allegati/2025/ /"]),
    # a folder that does not exist (its name the slip): not "copy the file into it"
    ("attachment-folder-typo", {"notizie/a15.md": _case(
        "a15", "attachments:\n  - file: allegati/2062/verbale-a12.pdf")}, "notizie/a15.md:4",
     ERRORE, ["allegato non trovato: allegati/2062/verbale-a12.pdf (`attachments`): la"
              " cartella allegati/2062/ non esiste; un file con lo stesso nome è in"
              " allegati/2026/: se è quello, scrivi allegati/2026/verbale-a12.pdf /"]),
    ("attachment-no-year-folder", {"notizie/a13.md": _case(
        "a13", "attachments:\n  - file: allegati/verbale-a12.pdf")}, "notizie/a13.md:4",
     ERRORE, ["un file con lo stesso nome è in allegati/2026/: se è quello, scrivi"
              " allegati/2026/verbale-a12.pdf; se no, copia il file in allegati/ /"]),
    # the same for a cover and a link: it was "nella cartella c'è …, scritto in un altro
    # modo", another folder's file of the very same name
    ("cover-other-folder", {"notizie/ct2.md": _case(
        "ct2", "image: immagini/2025/festa-ct2.jpg", "image_alt: La festa"),
        "immagini/2024/festa-ct2.jpg": JPEG}, "notizie/ct2.md:3", ERRORE,
     ["l'immagine `image` non esiste: immagini/2025/festa-ct2.jpg: la cartella"
      " immagini/2025/ non esiste; un file con lo stesso nome è in immagini/2024/: se è"
      " quello, scrivi image: immagini/2024/festa-ct2.jpg /"]),
    ("link-other-folder", {"notizie/a14.md": _case(
        "a14", body="Il [verbale]({static}/allegati/2025/verbale-a12.pdf).\n")},
     "notizie/a14.md:6", ERRORE,
     ["il link {static}/allegati/2025/verbale-a12.pdf punta a un file che non esiste: un"
      " file con lo stesso nome è in allegati/2026/: se è quello, scrivi"
      " {static}/allegati/2026/verbale-a12.pdf; se no, copia il file in allegati/2025/ /"]),
    ("cover-typo", {"notizie/ct1.md": _case(
        "ct1", "image: immagini/2024/festa-ct1.jgp", "image_alt: La festa"),
        "immagini/2024/festa-ct1.jpg": JPEG}, "notizie/ct1.md:3", ERRORE,
     ["l'immagine `image` non esiste: immagini/2024/festa-ct1.jgp: nella cartella c'è"
      " immagini/2024/festa-ct1.jpg, con un nome quasi uguale; se è quello, scrivi image:"
      " immagini/2024/festa-ct1.jpg /"]),
    # an attachment's title or description at the margin, its spaces lost (or the line
    # the colon's message gave pasted there): YAML's error, or none and the title the
    # article's. It was "la riga di `description` comincia con uno spazio: scrivi
    # `description:` all'inizio della riga", whose advice made the title the article's,
    # and "chiave `title` ripetuta" with the article published under the attachment's
    ("attachment-title-colon", {"notizie/am1.md": _item(
        "title: Caso am1", "date: 2024-05-05 10:00", "attachments:",
        "  - file: allegati/2024/am1.pdf", "    title: Festa: il programma"),
        "allegati/2024/am1.pdf": PDF}, "notizie/am1.md:6", ERRORE,
     ['il valore di `title` contiene i due punti seguiti da uno spazio: scrivilo tra'
      ' virgolette diritte, title: "Festa: il programma" (con 4 spazi davanti, come ora)']),
    ("attachment-file-colon", {"notizie/am2.md": _item(
        "title: Caso am2", "date: 2024-05-05 10:00", "attachments:",
        "  - file: allegati/2024/Festa: am2.pdf")}, "notizie/am2.md:5", ERRORE,
     ['scrivilo tra virgolette diritte, - file: "allegati/2024/Festa: am2.pdf" (con 2 spazi'
      ' davanti, come ora)']),
    ("attachment-title-at-margin", {"notizie/am3.md": _item(
        "title: Caso am3", "date: 2024-05-05 10:00", "attachments:",
        "  - file: allegati/2024/am1.pdf", 'title: "Festa: il programma"',
        "    description: Da stampare."),}, "notizie/am3.md:6", ERRORE,
     ["la riga di `title` è al margine, ma sta tra le righe della voce dell'elenco che"
      " comincia con `- file:`: se ne fa parte, scrivila con 4 spazi davanti, allineata a"
      " `file:`;"]),
    # the entry's dash left out: PyYAML's "mapping values are not allowed in this context"
    # alone, at the line under the one to fix
    ("attachment-without-dash", {"notizie/am6.md": _item(
        "title: Caso am6", "date: 2024-05-05 10:00", "attachments:",
        "  file: allegati/2024/am1.pdf", "    title: Il programma")}, "notizie/am6.md:5",
     ERRORE, ["la voce di `attachments` non comincia con il trattino: scrivi la riga di `file`"
              " con 2 spazi, un trattino e uno spazio davanti, `- file: …`, e le righe sotto"
              " con 4 spazi davanti, allineate a `file:`, come nell'esempio della guida;"]),
    ("attachment-without-dash-aligned", {"notizie/am7.md": _item(
        "title: Caso am7", "date: 2024-05-05 10:00", "attachments:",
        "  file: allegati/2024/am1.pdf", "  title: Il programma",
        "    description: Da stampare.")}, "notizie/am7.md:5", ERRORE,
     ["la voce di `attachments` non comincia con il trattino: scrivi la riga di `file`"]),
    ("attachment-keys-at-margin", {"notizie/am4.md": ATTACHMENT_KEYS_AT_MARGIN},
     "notizie/am4.md:6", ERRORE,
     ["la riga di `title` è al margine subito sotto la voce di `attachments` che comincia con"
      " `- file:` (riga 5): il sito la legge come il `title` dell'articolo, al posto di quello"
      " della riga 2; se fa parte di quella voce, scrivila con 4 spazi davanti, allineata a"
      " `file:` /"]),
    ("attachment-description-at-margin", {"notizie/am5.md": DESCRIPTION_AT_MARGIN},
     "notizie/am5.md:6", AVVISO,
     ["la riga di `description` è al margine subito sotto la voce di `attachments` che"
      " comincia con `- file:` (riga 5): il sito la legge come un'informazione dell'articolo,"
      " sconosciuta e ignorata; se fa parte di quella voce, scrivila con 4 spazi davanti"]),
    # Notepad's "ANSI": it was "byte non valido in posizione 243", a place no editor finds
    ("windows-1252", {"notizie/cp1.md": _case(
        "cp1", body="Una festa per tutte le età, in città.\n").encode("cp1252")},
     "notizie/cp1.md:6", ERRORE,
     ["il file ha lettere che il sito non sa leggere (nella parola «età»): è salvato con"
      " un'altra codifica, di solito «ANSI» del Blocco note di Windows; salvalo di nuovo:"
      " nel Blocco note «Salva con nome» → Codifica «UTF-8» /"]),
    # one paragraph, one line of Markdown: the line was cut at 2000 characters and the
    # word there named («quartiere», not the one holding the byte)
    ("windows-1252-long-line", {"notizie/cp2.md": _case(
        "cp2", body="Una festa per il quartiere, " * 100 + "per tutte le età.\n").encode(
            "cp1252")}, "notizie/cp2.md:6", ERRORE,
     ["il file ha lettere che il sito non sa leggere (nella parola «età»)"]),
    ("cover-windows", {"notizie/i1.md": _case(
        "i1", "image: C:\\Users\\Maria\\Pictures\\foto.jpg", "image_alt: Foto")},
     "notizie/i1.md:3", ERRORE, ["è un file del tuo computer", "scrivi image: immagini/foto.jpg"]),
    ("cover-mac", {"notizie/i2.md": _case("i2", "image: /Users/maria/Desktop/foto.jpg",
                                          "image_alt: Foto")},
     "notizie/i2.md:3", ERRORE, ["/Users/maria/Desktop/foto.jpg è un file del tuo computer"]),
    ("cover-no-folder", {"notizie/i3.md": _case("i3", "image: i3.jpg", "image_alt: Foto"),
                         "immagini/i3.jpg": JPEG}, "notizie/i3.md:3", ERRORE,
     ["deve stare in immagini/: i3.jpg; scrivi image: immagini/i3.jpg"]),
    ("cover-other-spelling", {"notizie/i14.md": _case(
        "i14", "image: immagini/foto-festa-i14.jpg", "image_alt: La festa"),
        "immagini/Foto festa i14.jpg": JPEG}, "notizie/i14.md:3", ERRORE,
     ["l'immagine `image` non esiste: immagini/foto-festa-i14.jpg: nella cartella c'è"
      " immagini/Foto festa i14.jpg, scritto in un altro modo; se è quello, scrivi image:"
      " immagini/Foto festa i14.jpg /"]),
    # where to write it: "scrivi il testo alternativo dell'immagine" alone
    ("cover-no-alt", {"notizie/i4.md": _case("i4", "image: immagini/i4.jpg"),
                      "immagini/i4.jpg": JPEG}, "notizie/i4.md:3", ERRORE,
     ["`image` senza `image_alt`: scrivi il testo alternativo dell'immagine nella riga"
      " `image_alt:` (aggiungila sotto `image` se non c'è), una frase che dice che cosa"
      " mostra a chi non la vede: image_alt: Persone attorno a un tavolo /"]),
    ("image-windows", {"notizie/i5.md": _case(
        "i5", body="Testo.\n\n![Foto](C:\\Users\\Maria\\Pictures\\foto.jpg)\n")},
     "notizie/i5.md:8", ERRORE, ["è un file del tuo computer", "{static}/immagini/foto.jpg"]),
    ("image-mac", {"notizie/i6.md": _case(
        "i6", body="Testo.\n\n![Foto](/Users/maria/Desktop/foto festa.jpg)\n")},
     "notizie/i6.md:8", ERRORE, ["scrivi {static}/immagini/foto%20festa.jpg"]),
    ("link-mac-document", {"notizie/i7.md": _case(
        "i7", body="Il [bando](file:///Users/maria/bando.pdf).\n")},
     "notizie/i7.md:6", ERRORE, ["scrivi {static}/allegati/bando.pdf"]),
    ("image-without-alt", {"notizie/i8.md": _case(
        "i8", body="Testo.\n\n![]({static}/immagini/i8.jpg)\n"), "immagini/i8.jpg": JPEG},
     "notizie/i8.md:8", ERRORE, ["immagine senza testo alternativo"]),
    # an image described by its file's name (what a screen reader then says of it): no word
    ("image-alt-file-name", {"notizie/i16.md": _case(
        "i16", body="Testo.\n\n![Il cortile]({static}/immagini/i8.jpg)\n\n"
                    "![i8.jpg]({static}/immagini/i8.jpg)\n")}, "notizie/i16.md:10", AVVISO,
     ["la descrizione dell'immagine è solo il nome del file (i8.jpg): chi non vede"
      " l'immagine sente soltanto quello; scrivi cosa mostra, per esempio «Il cortile del"
      " Civic Center con i tavoli» /"]),
    ("cover-alt-file-name", {"notizie/i17.md": _case(
        "i17", "image: immagini/i8.jpg", "image_alt: I8")}, "notizie/i17.md:4", AVVISO,
     ["la descrizione dell'immagine è solo il nome del file (I8)",
      "per esempio image_alt: Il cortile del Civic Center con i tavoli /"]),
    # an image written in HTML was told to describe it "tra le parentesi quadre", which it
    # has not: the attribute to write is alt
    ("html-image-without-alt", {"notizie/i15.md": _case(
        "i15", body='Testo.\n\n<figure>\n<img src="{static}/immagini/i8.jpg">\n'
                    "<figcaption>Il cortile</figcaption>\n</figure>\n")},
     "notizie/i15.md:9", ERRORE,
     ['immagine senza testo alternativo: scrivi cosa mostra nell\'attributo alt,'
      ' <img alt="descrizione" …> ({static}/immagini/i8.jpg) /']),
    ("image-without-file", {"notizie/i10.md": _case(
        "i10", body="Testo.\n\n![Il cortile]()\n")},
     "notizie/i10.md:8", ERRORE, ["immagine senza file", "![descrizione]({static}/immagini/"]),
    ("image-without-static", {"notizie/i9.md": _case(
        "i9", body="Testo.\n\n![Festa](immagini/i9.jpg)\n"), "immagini/i9.jpg": JPEG},
     "notizie/i9.md:8", ERRORE, ["scrivi {static}/immagini/i9.jpg"]),
    # at the line where the address is written as one, not where the prose above names it
    ("image-without-static-named-above", {"notizie/i11.md": _case(
        "i11", body="Il file immagini/i11.jpg è qui sotto.\n\n![Festa](immagini/i11.jpg)\n"),
        "immagini/i11.jpg": JPEG},
     "notizie/i11.md:8", ERRORE, ["il link immagini/i11.jpg è scritto senza {static}"]),
    ("link-without-filename-named-above", {"notizie/i12.md": _case(
        "i12", body="Il file è /notizie/l0.md, qui sotto.\n\nLeggi [la festa](/notizie/l0.md).\n")},
     "notizie/i12.md:8", ERRORE, ["il link /notizie/l0.md è scritto senza {filename}:"
                                  " sul sito non funzionerebbe; scrivi {filename}/notizie/l0.md"]),
    ("image-without-alt-named-above", {"notizie/i13.md": _case(
        "i13", body="La foto ({static}/immagini/i13.jpg) è qui sotto.\n\n"
                    "![]({static}/immagini/i13.jpg)\n"), "immagini/i13.jpg": JPEG},
     "notizie/i13.md:8", ERRORE, ["immagine senza testo alternativo"]),
    # paths written from the project's folder, as the guide's table of folders writes them
    # (content/immagini/): the link was "must point into immagini/, allegati/" or "a file
    # that does not exist", the attachment and the cover had no path to write
    ("link-from-project-folder", {"notizie/c1.md": _case(
        "c1", body="![Festa]({static}/content/immagini/2024/c1.jpg)\n\n"
                   "Il [programma]({filename}/content/notizie/c2.md).\n"),
        "immagini/2024/c1.jpg": JPEG}, "notizie/c1.md:6", ERRORE,
     ["il link {static}/content/immagini/2024/c1.jpg comincia con content/, che non si scrive:"
      " il percorso parte da dentro quella cartella, scrivi {static}/immagini/2024/c1.jpg"]),
    ("filename-from-project-folder", {"notizie/c2.md": _case("c2")}, "notizie/c1.md:8", ERRORE,
     ["il link {filename}/content/notizie/c2.md comincia con content/, che non si scrive:"
      " il percorso parte da dentro quella cartella, scrivi {filename}/notizie/c2.md"]),
    ("attachment-from-project-folder", {"notizie/c3.md": _case(
        "c3", "attachments:\n  - content/allegati/2024/c3.pdf"), "allegati/2024/c3.pdf": PDF},
     "notizie/c3.md:4", ERRORE, ["l'allegato deve stare nella cartella allegati/:"
                                 " content/allegati/2024/c3.pdf; scrivi allegati/2024/c3.pdf"]),
    ("cover-from-project-folder", {"notizie/c4.md": _case(
        "c4", "image: content/immagini/2024/c4.jpg", "image_alt: La festa"),
        "immagini/2024/c4.jpg": JPEG}, "notizie/c4.md:3", ERRORE,
     ["l'immagine `image` deve stare in immagini/: content/immagini/2024/c4.jpg;"
      " scrivi image: immagini/2024/c4.jpg"]),
]
MISTAKE_FILES = {name: text for _, files, *_ in MISTAKES for name, text in files.items()}


@pytest.fixture(scope="module")
def mistakes_reported(tmp_path_factory):
    """The corpus built once and checked once: (build, `invoke check`'s output)."""
    tmp_path = tmp_path_factory.mktemp("mistakes")
    site = build_site(tmp_path, MISTAKE_FILES)
    code, out, err = run_tool(tmp_path, "check", "--settings", str(tmp_path / "testconf.py"),
                              "--content", str(tmp_path / "content"))
    assert code == 1 and "Traceback" not in out + err + site.log, out + err
    return site, out


def test_an_attachments_keys_at_the_margin_are_said_once_as_such(mistakes_reported):
    """``title:`` at the margin under ``  - file: …`` is one error, not also "chiave
    `title` ripetuta" (which was all there was, a warning the preview does not show, the
    article published under the attachment's title); ``description:`` one warning, not
    also "chiave sconosciuta `description`"."""
    _, out = mistakes_reported
    said = {name: [line for line in out.splitlines()
                   if line.startswith(f"content/notizie/{name}.md:")] for name in ("am4", "am5")}
    assert [line.split(": ", 2)[:2] for line in said["am4"]] == [
        ["content/notizie/am4.md:6", "errore"]], said
    assert [line.split(": ", 2)[:2] for line in said["am5"]] == [
        ["content/notizie/am5.md:6", "avviso"]], said
    assert not any("ripetuta" in line or "chiave sconosciuta" in line
                   for lines in said.values() for line in lines), said


def test_a_full_address_of_a_page_elsewhere_is_left_alone(mistakes_reported):
    """/contatti/ on another site has the path of this site's page: not taken for it."""
    site, out = mistakes_reported
    assert "comune.example.it" not in out and "comune.example.it" not in site.log
    assert "(https://www.comune.example.it/contatti/)" in (
        site.content / "notizie" / "l3.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(("where", "severity", "fragments"),
                         [case[2:] for case in MISTAKES], ids=[case[0] for case in MISTAKES])
def test_an_editors_mistake_is_named_at_its_line_with_what_to_write(
        mistakes_reported, where, severity, fragments):
    site, out = mistakes_reported
    assert site.returncode != 0 and not (site.output / "index.html").exists()
    found = [line for line in out.splitlines() if line.startswith(f"content/{where}: {severity}: ")]
    assert found, f"no {severity} at {where} in\n{out}"
    for fragment in fragments:
        assert any(fragment in line for line in found), f"{fragment!r} not in {found}"
        # the build says the same, at the same place (its log may wrap a long line)
        message = next(line for line in found if fragment in line).split(f": {severity}: ", 1)[1]
        logged = " ".join(re.sub(r"\s+[\w.]+\.py:\d+\s*$", "", line)  # the logger's column
                          for line in site.log.splitlines()).split()
        logged = " ".join(logged)
        assert f"{where}: {' '.join(message.split())}" in logged, \
            f"{where}: {message!r} not in the build's log:\n{site.log}"


def test_links_that_work_on_every_page_are_not_relative_links(build, tmp_path):
    """What is not a relative address stays accepted, as typed or as the build writes it:
    a section of the page (``#programma``), the page with a query (``?pagina=2``), the
    web editor's image (``{static}/immagini/<year>/…``), ``{filename}``, Pelican's
    ``{tag}``, an address from the site's root, full addresses, ``mailto:``, ``tel:``."""
    files = {"immagini/2024/foto.jpg": JPEG,
             "notizie/altra.md": article(title="Altra", tags="[Crema]"),
             "notizie/buona.md": article(title="Buona", summary="Gli indirizzi.", body="""
                 Il [programma](#programma), la [pagina 2](?pagina=2), l'[altra
                 notizia]({filename}/notizie/altra.md), le notizie su
                 [Crema]({tag}crema), l'[archivio](/archivio/), il
                 [Comune](https://www.comune.crema.cr.it/), [scrivici](mailto:info@example.org),
                 [chiamaci](tel:+390373123456).

                 ![La sala]({static}/immagini/2024/foto.jpg)

                 ## Programma
                 """)}
    site = build(files)
    assert site.ok, site.log
    assert "è relativo" not in site.log
    body = site.soup("/2024/05/buona/").select_one(".article-body")
    assert [a["href"] for a in body.select("a")] == [
        "#programma", "?pagina=2", f"{SITEURL}/2024/05/altra/", f"{SITEURL}/argomenti/crema/",
        "/archivio/", "https://www.comune.crema.cr.it/", "mailto:info@example.org",
        "tel:+390373123456"]
    assert body.select_one("img")["src"] == f"{SITEURL}/immagini/2024/foto.jpg"
    assert_same_in_check(tmp_path, 0)


def test_a_link_to_a_page_of_the_site_is_no_file_of_the_editors_computer(build, tmp_path):
    """``/media/`` or ``/home/`` is the address of a page of the site (``pages/media.md``,
    a press area) as much as the start of a disk's or a home's path on macOS or Linux:
    the link to it, which built, stopped the build as "a file on your computer". A path
    on the editor's computer names a file inside such a folder
    (``/Users/maria/Desktop/foto.jpg``, still refused: ``MISTAKES``)."""
    files = {
        "pages/media.md": "---\ntitle: Media\n---\n\nArea stampa.\n",
        "pages/home.md": "---\ntitle: Home\n---\n\nChi siamo.\n",
        "notizie/a.md": article(title="Per la stampa", body="Vedi [l'area media](/media/)"
                                " e [chi siamo](/home/)."),
    }
    site = build(files)
    assert site.ok, site.log
    assert "file del tuo computer" not in site.log
    page = site.soup("/2024/05/per-la-stampa/")
    assert [page.find("a", string=text)["href"] for text in ("l’area media", "chi siamo")] \
        == ["/media/", "/home/"]
    assert site.exists("/media/") and site.exists("/home/")
    write_content(tmp_path / "check" / "content", files)
    code, out, err = run_tool(tmp_path / "check", "check")
    assert "file del tuo computer" not in out + err, out + err


def file_checker(tmp_path, files, settings=""):
    """``files`` written in ``tmp_path/content``, with the project's settings and
    ``settings``: a function checking one of them (its path under the content folder) as
    ``./run check`` does (``check_file``), again after the test changes it; its
    ``content`` is the folder."""
    content = tmp_path / "content"
    write_content(content, files)
    loaded = project_settings(write_conf(tmp_path, f"PATH = {str(content)!r}\n" + settings))

    def check(relative):
        return check_file(content / relative, relative, loaded, make_markdown(loaded))

    check.content = content
    return check


# Settings allowing videos from one host, and an iframe from another
VIDEO_HOSTS = "CONTRACT_IFRAME_HOSTS = ['www.youtube-nocookie.com']\n"
IFRAME_FROM_ANOTHER_HOST = {"notizie/video.md": article(title="Video", body=(
    '<iframe title="Video" src="https://video.example.org/embed/x"></iframe>'))}


def test_an_iframe_from_a_host_not_allowed_is_refused_in_italian_and_english(tmp_path):
    """With video hosts allowed (CONTRACT_IFRAME_HOSTS), an iframe from another host was
    refused in Italian only: the English half was joined to the other case's message (no
    hosts allowed) alone."""
    checked = file_checker(tmp_path, IFRAME_FROM_ANOTHER_HOST, VIDEO_HOSTS)("notizie/video.md")
    found = [str(problem) for problem in checked.errors]
    assert found == ["notizie/video.md:6: iframe da video.example.org non ammesso: sono ammessi"
                     " solo video da www.youtube-nocookie.com / iframe from video.example.org"
                     " not allowed: only videos from www.youtube-nocookie.com"], found


# An allowed video's frame asking the reader's browser for more than a player needs, and
# sending the video's site the page's whole address
IFRAME_ASKING_TOO_MUCH = {"notizie/video-invadente.md": article(title="Video invadente", body=(
    '<iframe title="Video" src="https://www.youtube-nocookie.com/embed/x"'
    ' allow="autoplay; camera; geolocation \'self\'; browsing-topics"'
    ' referrerpolicy="unsafe-url"></iframe>'))}
# YouTube's own embed code: what a player needs, and the pages' referrer policy
YOUTUBE_EMBED = {"notizie/video.md": article(title="Video", body=(
    '<iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/x"'
    ' title="YouTube video player" frameborder="0" allow="accelerometer; autoplay;'
    ' clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share"'
    ' referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>'
    .replace(' frameborder="0"', "")))}


def test_an_allowed_videos_frame_may_ask_only_what_a_player_needs(tmp_path):
    """CONTRACT_IFRAME_HOSTS lets a video's site into the page: its frame's ``allow``
    could hand it the camera, the location, the Topics API (where no Permissions-Policy
    header says otherwise: GitHub Pages), and ``referrerpolicy="unsafe-url"`` the page's
    whole address. Each is an error at its line, in Italian and English, in the check and
    the build alike; YouTube's own embed code passes."""
    check = file_checker(tmp_path, {**IFRAME_ASKING_TOO_MUCH, **YOUTUBE_EMBED}, VIDEO_HOSTS)
    found = {relative: [str(problem) for problem in check(relative).errors]
             for relative in (*IFRAME_ASKING_TOO_MUCH, *YOUTUBE_EMBED)}
    assert found["notizie/video.md"] == []
    asked = found["notizie/video-invadente.md"]
    assert all(line.startswith("notizie/video-invadente.md:6: ") for line in asked), asked
    assert [line.split(":6: ", 1)[1].split(" non ammesso")[0] for line in asked] == [
        "permesso `camera`", "permesso `geolocation`", "permesso `browsing-topics`",
        "`referrerpolicy=\"unsafe-url\"`"], asked
    assert all(" / " in line for line in asked)  # the English half
    built = build_site(tmp_path / "build", {**IFRAME_ASKING_TOO_MUCH, **YOUTUBE_EMBED},
                       VIDEO_HOSTS)
    assert not built.ok
    assert "notizie/video-invadente.md:6: permesso `camera` non ammesso" in built.log


# A video of the host allowed, without a title (as some players' embed codes give it),
# and one whose title is spaces: a frame screen readers cannot name
IFRAME_WITHOUT_TITLE = {"notizie/video-senza-titolo.md": article(title="Video", body=(
    "La festa in piazza.\n\n"
    '<iframe src="https://www.youtube-nocookie.com/embed/abc" width="560" height="315"'
    " allowfullscreen></iframe>\n\nE il giorno dopo.\n\n"
    '<iframe title="  " src="https://www.youtube-nocookie.com/embed/def"></iframe>'))}


def test_a_video_without_a_title_stops_the_build_naming_its_line(tmp_path):
    """An <iframe> of a host allowed (CONTRACT_IFRAME_HOSTS) without a title was published
    silently: a frame with no name for screen readers (WCAG 4.1.2; axe's frame-title), and
    an empty "Guarda il video" in its place in feeds and on paper. Like an image without
    alt text, it is an error, at its line, saying what to write; with a title it passes."""
    relative = "notizie/video-senza-titolo.md"
    check = file_checker(tmp_path, IFRAME_WITHOUT_TITLE, VIDEO_HOSTS)
    found = [str(problem) for problem in check(relative).errors]
    message = ("video senza titolo: scrivi nell'<iframe> che cosa mostra, con title=\"…\""
               " (per esempio <iframe title=\"La festa dei laboratori in piazza\" src=…>):"
               " chi usa un lettore di schermo sente quel titolo al posto del video, e nei"
               " feed e sulla carta il video diventa un link con quel titolo / iframe"
               " without a title: add title=\"…\" saying what the video shows")
    assert found == [f"{relative}:8: {message}", f"{relative}:12: {message}"], found
    source = check.content / relative
    source.write_text(source.read_text(encoding="utf-8").replace(
        "<iframe src=", '<iframe title="La festa in piazza" src=').replace(
        'title="  "', 'title="Il giorno dopo"'), encoding="utf-8")
    checked = check(relative)
    assert checked.errors == [] and checked.warnings == [], checked.warnings
    # the build stops on it too (the same check), and publishes nothing
    assert_stopped(build_site(tmp_path / "build", IFRAME_WITHOUT_TITLE, settings=VIDEO_HOSTS),
                   f"{relative}:8", "video senza titolo")


def test_a_video_without_a_title_below_one_with_it_is_named_at_its_own_line(tmp_path):
    """Its line was found by "<iframe" alone: the first frame's, whose video had its title
    (and a title of zero-width spaces and &nbsp; is none: plugins/core/text.py's blank)."""
    relative = "notizie/due-video.md"
    check = file_checker(tmp_path, {relative: article(title="Due video", body=(
        '<iframe title="La festa" src="https://www.youtube-nocookie.com/embed/abc"></iframe>'
        '\n\nE il giorno dopo.\n\n<iframe title="\u200b&nbsp;&#xfeff;"'
        ' src="https://www.youtube-nocookie.com/embed/def"></iframe>'))}, VIDEO_HOSTS)
    found = [str(problem).split(": ", 1)[0] for problem in check(relative).errors]
    assert found == [f"{relative}:10"], found


def test_the_same_video_untitled_below_it_with_a_title_is_named_at_its_own_line(tmp_path):
    """Its line was the first place of its address: the same video above it, with its
    title, was named."""
    relative = "notizie/stesso-video.md"
    frame = '<iframe {}src="https://www.youtube-nocookie.com/embed/abc"></iframe>'
    check = file_checker(tmp_path, {relative: article(title="Lo stesso video", body=(
        frame.format('title="La festa" ') + "\n\nE ancora, più sotto.\n\n"
        + frame.format("") + "\n\nE di nuovo.\n\n" + frame.format('title=" " ')))},
        VIDEO_HOSTS)
    found = [str(problem).split(": ", 1)[0] for problem in check(relative).errors]
    assert found == [f"{relative}:10", f"{relative}:14"], found


# A video whose title is the one of YouTube's "embed" code
IFRAME_GENERIC_TITLE = {"notizie/video-titolo-generico.md": article(title="Video", body=(
    "La festa in piazza.\n\n"
    '<iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/abc"'
    ' title="YouTube video player" allowfullscreen></iframe>'))}


def test_a_videos_title_copied_from_the_players_embed_code_is_a_warning(tmp_path):
    """YouTube's "embed" code names every frame "YouTube video player": a screen reader
    user heard that, not what the video shows (WCAG 2.4.6). Published, with a warning at
    its line saying what to write; a title of the editor's own passes."""
    relative = "notizie/video-titolo-generico.md"
    check = file_checker(tmp_path, IFRAME_GENERIC_TITLE, VIDEO_HOSTS)
    checked = check(relative)
    assert checked.errors == []
    assert [str(problem) for problem in checked.warnings] == [
        f"{relative}:8: titolo del video generico («YouTube video player», quello del codice"
        " «Incorpora»): chi usa un lettore di schermo sente solo questo; scrivi in"
        " title=\"…\" che cosa mostra il video, per esempio title=\"La festa dei"
        " laboratori in piazza\" / generic iframe title «YouTube video player»: say what"
        " the video shows"]
    assert 'title="YouTube video player"' in checked.content  # published all the same
    source = check.content / relative
    source.write_text(source.read_text(encoding="utf-8").replace(
        "YouTube video player", "La festa in piazza"), encoding="utf-8")
    checked = check(relative)
    assert checked.errors == [] and checked.warnings == []


def test_a_summary_that_cannot_be_converted_says_so_in_italian_and_english(tmp_path):
    """The body's message ends "/ the body cannot be converted"; the summary's had no
    English of its own (only the reason's, and none at all for a parser's exception)."""
    relative = "notizie/sommario.md"
    nested = "\n".join("  " + "    " * depth + "- punto" for depth in range(400))
    checked = file_checker(tmp_path, {relative: "---\ntitle: Sommario\ndate: 2024-05-05\n"
                                                "summary: |\n"
                                                f"{nested}\n---\n\nTesto.\n"})(relative)
    assert [str(problem) for problem in checked.errors] == [
        "notizie/sommario.md:4: `summary` non può essere convertito: struttura troppo annidata"
        " (elenchi o citazioni uno dentro l'altro centinaia di volte) / nested too deep"
        " / `summary` cannot be converted"]


def test_a_file_with_errors_names_its_relative_links_in_neither_the_build_nor_check(
        build, tmp_path):
    """A file the build drops (an error of its own, here an image without a description)
    is no item of the build, so the rule on relative links, which needs every item's
    address, did not see it; ``./run check`` named its relative link all the same, one
    message more than the build (both must give the same messages); a link to a page of
    the site by its address likewise. A file with errors is reported on its own."""
    files = {**GOOD, "immagini/foto.jpg": JPEG,
             "notizie/rotto.md": article(title="Rotto", body="""
                 ![]({static}/immagini/foto.jpg)

                 Il [programma](programma), l'[articolo](/2024/05/articolo-buono/).
                 """)}
    site = build(files)
    assert_stopped(site, "notizie/rotto.md", "notizie/rotto.md:6: immagine senza testo")
    assert "è relativo" not in site.log and "è l'indirizzo di" not in site.log
    code, out, err = run_tool(tmp_path, "check", "--settings", str(tmp_path / "testconf.py"),
                              "--content", str(tmp_path / "content"))
    assert code == 1 and "content/notizie/rotto.md:6: errore: immagine senza testo" in out, \
        out + err
    assert "è relativo" not in out and "è l'indirizzo di" not in out, out


def test_a_drafts_relative_link_is_the_same_message_in_the_preview_and_its_check(build,
                                                                                tmp_path):
    """A preview build writes drafts (marked BOZZA), so the build's message on a draft's
    relative link said where it led from the draft's page ("da quella dell'articolo porta
    a /2024/05/bozza/programma"), while ``./run check`` with the same settings (which the
    preview runs to show a failed build's errors, and which gives a draft no address)
    did not: two texts for one problem. A draft has no page on the public site: neither
    says where it leads from there."""
    files = {**GOOD, "notizie/bozza.md": article(title="Bozza", status="draft",
                                                 body="Il [programma](programma).")}
    site = build(files, config="previewconf")
    assert site.returncode != 0
    message = ("notizie/bozza.md:7: il link «programma» è relativo: sul sito cambia con la"
               " pagina che mostra il testo e non funzionerebbe; scrivi l'indirizzo intero")
    assert message in site.messages(), site.log
    assert_same_in_check(tmp_path, 1, message)


def test_a_link_by_address_after_many_others_is_named_at_its_line(build, tmp_path):
    """The lines of a text's links by address are looked up for the first 51 only (each
    lookup a search of the text), but those are any addresses from the site's root, and
    the rule warns only about an item's: a page pasted from the old site, with 60 links
    to its old pages (/vecchio/…) before one to an article, got the warning on that link
    without a line ("notizie/a.md: il link /2024/05/buono/ …"), in the build and check.
    (Addresses the site writes, 60 sections of the archive: links to pages it does not have
    are errors of their own, content_checks.broken_links.broken_address_links.)"""
    body = "\n\n".join(f"Vecchia [pagina {n}](/archivio/#sezione-{n})." for n in range(60))
    files = {**GOOD, "notizie/a.md": article(
        title="Vecchie pagine", date="2024-05-06 10:00",
        body=body + "\n\nLeggi [l'articolo](/2024/05/articolo-buono/).\n")}
    site = build(files)
    assert site.ok, site.log
    message = ("notizie/a.md:126: il link /2024/05/articolo-buono/ è l'indirizzo di"
               " notizie/buono.md")
    assert message in site.messages(), site.log
    assert_same_in_check(tmp_path, 0, message, severity="avviso")


def test_the_slug_proposed_for_a_duplicate_is_one_the_site_accepts_however_long():
    """The year the message adds to a duplicate slug kept the slug whole: an 80-character
    slug (the most) was proposed as 85 characters, which the contract refuses; now cut
    first, as ``invoke new`` cuts its ``-2`` (``italian.slugs.suffixed``, one rule)."""
    from datetime import datetime  # noqa: PLC0415

    from plugins.content_checks.duplicates import duplicate_slugs  # noqa: PLC0415
    from plugins.content_checks.entry import Entry  # noqa: PLC0415
    from plugins.italian.slugs import MAX_LENGTH, is_slug  # noqa: PLC0415

    slug = "-".join(["sportello"] * 8)[:MAX_LENGTH].rstrip("-")
    assert is_slug(slug) and len(slug) >= MAX_LENGTH - 2
    entries = [Entry(f"notizie/{name}.md", "article", slug, f"{year}/{name}/index.html",
                     line=3, date=datetime(year, 6, 1), title="Sportello", title_line=2)
               for name, year in (("vecchia", 2025), ("nuova", 2026))]
    [problem] = duplicate_slugs(entries)
    proposed = re.search(r"per esempio slug: (\S+) /", problem.message)[1]
    assert proposed.endswith("-2026") and is_slug(proposed), proposed
    assert proposed == slug[:MAX_LENGTH - 5].rstrip("-") + "-2026"
