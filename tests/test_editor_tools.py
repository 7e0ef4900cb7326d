"""The editors' tools: ``invoke new`` and ``invoke check`` (tools/new_item.py, tools/check.py).

``check`` runs the build's own checks without building: it must find what the
build finds, at the same file and line, and pass what the build passes.
"""

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import textwrap
import unicodedata
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import yaml

from support import (ROOT, SITEURL, article, build_site, child_env, cpu_budget,
                     own_attachments_cache, project_settings, run_tool, timed_tool, write_conf,
                     write_content)
import samples
from test_editorial_warnings import STATEMENT
from plugins.core import processes
from tools import new_item

JPEG = samples.image("JPEG")  # a real JPEG: plugins/images reads what items show

BROKEN = {
    "notizie/buono.md": article(title="Buono"),
    "notizie/senza-data.md": article(title="Senza data", date=None),
    "notizie/data.md": article(title="Data", date="5 maggio 2024"),
    "notizie/yaml.md": "---\ntitle: [non chiuso\ndate: 2024-05-05\n---\nTesto\n",
    "notizie/html.md": article(title="Html", body="Testo.\n\n<script>alert(1)</script>"),
    "notizie/link.md": article(title="Link", body="[altro]({filename}/notizie/manca.md)"),
    "notizie/alt.md": article(title="Alt", body="![]({static}/immagini/foto.jpg)"),
    "immagini/foto.jpg": JPEG + b" photo",
    "notizie/allegato.md": article(title="Allegato", attachments=["allegati/manca.pdf"]),
    "notizie/fuori.md": article(title="Fuori", attachments=["immagini/foto.jpg"]),
    "notizie/slug.md": article(title="Slug", slug="'Bilancio & risultati'"),
    "notizie/uno.md": article(title="Gemello", date="2024-05-05"),
    "avvisi/due.md": article(title="Gemello", date="2024-09-05"),
    "notizie/chiave.md": article(title="Chiave", colore="blu"),
    "notizie/rotta.md": article(title="Rotta", body="![Rotta]({static}/immagini/rotta.jpg)"),
    "immagini/rotta.jpg": JPEG[:120],  # cut short: Pillow cannot read it
}
EXPECTED_ERRORS = [
    "content/avvisi/due.md:2: errore: stessa fine dell'indirizzo (`slug` gemello) di"
    " notizie/uno.md",
    "content/notizie/allegato.md:5: errore: allegato non trovato: allegati/manca.pdf",
    "content/notizie/alt.md:6: errore: immagine senza testo alternativo",
    "content/notizie/data.md:3: errore: `date` non è una data valida (5 maggio 2024)",
    "content/notizie/fuori.md:5: errore: l'allegato deve stare nella cartella allegati/",
    "content/notizie/html.md:8: errore: elemento HTML non ammesso: <script>",
    "content/notizie/link.md:6: errore: il link {filename}/notizie/manca.md punta a un file",
    "content/notizie/rotta.md:6: errore: l'immagine immagini/rotta.jpg non si può leggere (",
    "content/notizie/senza-data.md:1: errore: manca la data (`date`)",
    "content/notizie/slug.md:4: errore: `slug` non valido (Bilancio & risultati)",
    "content/notizie/yaml.md:2: errore: intestazione scritta male",
]


def run_check(tmp_path, files, settings=""):
    write_content(tmp_path / "content", files)
    conf = write_conf(tmp_path, settings)
    return run_tool(tmp_path, "check", "--settings", str(conf), "--content",
                    str(tmp_path / "content"))


def tool_args(tmp_path, config="pelicanconf"):
    """The ``--settings`` and ``--content`` arguments of ``./run new`` and ``./run check``
    for a site in ``tmp_path`` (its settings file written, its ``content/`` made)."""
    (tmp_path / "content").mkdir(exist_ok=True)
    return ("--settings", str(write_conf(tmp_path, config=config)),
            "--content", str(tmp_path / "content"))


def test_check_reports_every_problem_at_once_with_file_and_line(tmp_path):
    status, out, err = run_check(tmp_path, BROKEN)
    assert status == 1, err
    lines = out.splitlines()
    errors = [line for line in lines if ": errore: " in line]
    assert len(errors) == len(EXPECTED_ERRORS), out
    for line, expected in zip(errors, EXPECTED_ERRORS):
        assert line.startswith(expected), (line, expected)
    # errors first, then warnings
    assert lines[-1].startswith("content/notizie/chiave.md:4: avviso: chiave sconosciuta")
    assert "11 errori, 1 avviso" in err
    assert "Traceback" not in out + err


def test_check_and_build_report_the_same_errors(tmp_path):
    status, out, _ = run_check(tmp_path / "check", BROKEN)
    site = build_site(tmp_path / "build", BROKEN)
    assert status == 1 and not site.ok
    checked = {re.sub(r": errore: ", ": ", line.removeprefix("content/"))[:70]
               for line in out.splitlines() if ": errore: " in line}
    built = set()
    for line in " ".join(site.log.split()).split(" ERROR "):
        match = re.match(r"(\S+\.md(?::\d+)?: .+?)(?: [a-z_]+\.py:\d+|$)", line.strip())
        if match and "Could not process" not in match.group(1):
            built.add(match.group(1).strip()[:70])  # long lines wrap in the log
    # The build reads a file with errors no further, so its cross-file rules see
    # fewer files: every error the build reports, check reports too.
    assert built and built <= {message for message in checked}, built - checked


def guide_example(heading, starts):
    """The lines of the code block of docs/guida-redazione.md, in the section ``heading``,
    whose first line starts with ``starts``, each as a pattern: "…" stands for the rest
    of a message, the guide's seconds for any."""
    guide = (ROOT / "docs" / "guida-redazione.md").read_text(encoding="utf-8")
    section = guide.split(f"\n{heading}\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"^```\n(.*?)^```$", section, re.S | re.M)
    [block] = [block for block in blocks if block.startswith(starts)]
    patterns = []
    for line in block.splitlines():
        pattern = r"\s+".join(re.escape(word) for word in line.split())
        pattern = pattern.replace("…", ".*")
        patterns.append(re.sub(r"0,41|0\\.41", r"\\d+[,.]\\d+", pattern))
    return patterns


def test_the_guides_examples_are_what_check_and_the_build_print(tmp_path):
    """The guide quotes the output of ./run check and of a build for a date written
    the Italian way; the message changed ("usa AAAA-MM-GG HH:MM" became "scrivi
    2024-05-05 …") and the guide kept quoting the old one."""
    status, out, err = run_check(tmp_path / "check", {
        "notizie/data.md": article(title="Data", date="5 maggio 2024"),
        "notizie/chiave.md": article(title="Chiave", colore="rosso")})
    assert status == 1
    printed = (out + err).splitlines()
    patterns = guide_example("## Controllare tutto prima di pubblicare: `./run check`",
                             "content/")
    assert len(patterns) == len(printed), (patterns, printed)
    for pattern, line in zip(patterns, printed):
        assert re.fullmatch(pattern, line), (pattern, line)
    site = build_site(tmp_path / "build",
                      {"notizie/prova.md": article(title="Prova", date="5 maggio 2024")})
    assert not site.ok
    logged = [pattern for pattern in guide_example("## Errori", "ERROR")
              if pattern.startswith(("ERROR", "CRITICAL"))]
    assert len(logged) == 2
    # the error and the stop, in Italian: no line of Pelican's English repeating the name
    assert "Could not process" not in site.log
    for pattern in logged:
        assert re.search(pattern, site.log), (pattern, site.log)


# A file for some rows of the guide's table of messages ("il messaggio dice"), by the
# start of the row's first quote
TABLE_SAMPLES = {
    "rimandi tra valori": "---\ntitle: Uno\ndate: 2024-05-05\na: &x uno\nb: *x\n---\n\nTesto.\n",
    "chiave `attachments` ripetuta": article(title="Due", attachments="[]\nattachments: []"),
    "la voce 1 di `attachments`": article(title="Tre", attachments=["titolo: Programma"]),
    "`title` deve essere un testo": article(title=["Quattro"]),
    "immagine da un altro sito": article(title="Cinque",
                                         body="![Foto](https://example.org/a.jpg)"),
    "l'immagine `image` non esiste": article(title="Sei", image="immagini/manca.jpg",
                                             image_alt="Una foto"),
    "`author` e `authors` insieme": article(title="Sette", author="Maria Rossi",
                                           authors="[Maria Rossi]"),
    "stesso allegato dichiarato due volte": article(title="Otto", attachments=[
        "allegati/uno.pdf", "allegati/uno.pdf"]),
    "il link {static}/allegati/../immagini/": article(
        title="Nove", body="![Foto]({static}/allegati/../immagini/manca.jpg)"),
    "il valore di `title` comincia con `#`": "---\ntitle: #FareLegami in festa\ndate: 2024-05-05"
                                              "\n---\n\nTesto.\n",
    "l'intestazione deve essere un elenco": "---\nFesta di quartiere\n---\n\nTesto.\n",
    "dal titolo non si ricava un indirizzo": article(title="🎉🎉"),
    "la chiave `save_as` non è ammessa": article(title="Dieci", save_as="dieci.html"),
    "il link {static}/../": article(title="Undici", body="[Il bando]({static}/../bando.pdf)"),
    "il link {static}/… punta a un file il cui nome": article(
        title="Dodici", body="![Foto]({static}/immagini/città.jpg)"),
    "il file è vuoto: allegati/": article(title="Tredici", attachments=["allegati/vuoto.pdf"]),
    "iframe non ammessi": article(title="Quattordici",
                                  body='<iframe src="https://example.org/video"></iframe>'),
    "{static} può stare solo": article(title="Quindici",
                                       body='<abbr title="{static}/immagini/x.jpg">x</abbr>'),
    "e altri … problemi": article(title="Sedici", body="\n\n".join(
        f'<span style="color: red">{number}</span>' for number in range(52))),
    "allegati/uno.pdf": samples.pdf(1),
    "allegati/vuoto.pdf": b"",
    unicodedata.normalize("NFD", "immagini/città.jpg"): JPEG,  # accents as macOS saves them
}
TABLE_FOLDERS = ("allegati/", "immagini/")
# The samples as content files: an article of its own for each row
TABLE_FILES = {name if name.startswith(TABLE_FOLDERS) else f"notizie/esempio-{number}.md": text
               for number, (name, text) in enumerate(TABLE_SAMPLES.items())}


def test_the_guides_table_quotes_the_messages_as_check_prints_them(tmp_path):
    """The table of docs/guida-redazione.md quotes each message for an editor to find it in
    ./run check's output: the quote (its first, "…" for any text) is what check prints."""
    guide = (ROOT / "docs" / "guida-redazione.md").read_text(encoding="utf-8")
    table = guide.split("\n| il messaggio dice |", 1)[1].split("\n\n", 1)[0]
    _, out, err = run_check(tmp_path, TABLE_FILES)
    assert "Traceback" not in err, err
    for start in (n for n in TABLE_SAMPLES if not n.startswith(TABLE_FOLDERS)):
        [row] = [row for row in table.splitlines()
                 if re.match(r"\| (``? ?)" + re.escape(start), row)]
        quote = re.match(r"\| (?:`` (.+?) ``|`([^`]+)`)", row).groups()
        pattern = ".*".join(re.escape(piece) for piece in (quote[0] or quote[1]).split("…"))
        pattern = re.sub(r"\d+", r"\\d+", pattern)
        assert re.search(pattern, out), (start, pattern, out)


def test_paths_typed_without_static_or_filename_are_errors_saying_what_to_write(tmp_path):
    """An image or a link to a file of the site written as a plain address is broken on
    the site, silently: the build neither publishes the file nor rewrites the address
    (``/immagini/foto.jpg`` showed only while another item used the image). So is
    ``{static}immagini/…`` without its slash, which Pelican looks for in the article's
    folder: it was reported as not pointing into immagini/."""
    files = {"immagini/foto.jpg": JPEG + b" photo",
             "allegati/Verbale riunione.pdf": samples.pdf(1),
             "notizie/altra.md": article(title="Altra"),
             "notizie/foto.md": article(title="Foto", body="""
                 ![Il gruppo](/immagini/foto.jpg) e ![Il gruppo](immagini/foto.jpg)

                 ![Il palco]({static}immagini/foto.jpg)

                 [Il verbale](/allegati/Verbale%20riunione.pdf) e [l'altra](altra.md),
                 [l'archivio](/archivio/), [su](#su), [scrivici](mailto:a@example.org).
                 """)}
    status, out, _ = run_check(tmp_path, files)
    assert status == 1
    errors = [line for line in out.splitlines() if ": errore: " in line]
    assert errors == [
        "content/notizie/foto.md:6: errore: il link /immagini/foto.jpg è scritto senza"
        " {static}: sul sito non funzionerebbe; scrivi {static}/immagini/foto.jpg"
        " / write {static}/immagini/foto.jpg",
        "content/notizie/foto.md:6: errore: il link immagini/foto.jpg è scritto senza"
        " {static}: sul sito non funzionerebbe; scrivi {static}/immagini/foto.jpg"
        " / write {static}/immagini/foto.jpg",
        "content/notizie/foto.md:8: errore: il link {static}immagini/foto.jpg va scritto con"
        " la barra dopo {static}: {static}/immagini/foto.jpg (senza, il file viene cercato"
        " accanto all'articolo, in notizie/immagini/) / write {static}/immagini/foto.jpg",
        "content/notizie/foto.md:10: errore: il link /allegati/Verbale%20riunione.pdf è"
        " scritto senza {static}: sul sito non funzionerebbe; scrivi"
        " {static}/allegati/Verbale riunione.pdf / write {static}/allegati/Verbale riunione.pdf",
        "content/notizie/foto.md:10: errore: il link altra.md è scritto senza {filename}: sul"
        " sito non funzionerebbe; scrivi {filename}/notizie/altra.md"
        " / write {filename}/notizie/altra.md",
    ], out
    site = build_site(tmp_path / "build", files)
    assert not site.ok and "il link /immagini/foto.jpg è scritto senza {static}" in " ".join(
        site.log.split())


TWO_SLASHES = {"immagini/foto.jpg": JPEG + b" photo", "notizie/foto.md": article(
    title="Foto", body="![Il gruppo]({static}//immagini/foto.jpg)")}


def test_a_static_link_with_two_slashes_is_an_error_not_a_broken_image(tmp_path):
    """``{static}//immagini/foto.jpg``: Pelican reads ``immagini`` as a host and looks
    for ``foto.jpg``, finds nothing and publishes ``src="//immagini/…/foto.jpg"``, a
    broken image. The contract read it as ``immagini/foto.jpg`` and let it through."""
    status, out, _ = run_check(tmp_path, TWO_SLASHES)
    assert status == 1
    assert "content/notizie/foto.md:6: errore: il link {static}//immagini/foto.jpg deve" \
        " puntare a un file in immagini/, allegati/" in out, out


def test_an_image_without_address_or_alt_in_a_summary_is_reported_at_its_line(tmp_path):
    """A summary's problems are at the line of its key; an image with neither address nor
    description (``![]()``) lost it when the problems per text were first limited. It is
    one error, "immagine senza file", whose line to write has the description too."""
    files = {"notizie/a.md": article(title="A", summary='"Guarda ![]() qui"')}
    status, out, _ = run_check(tmp_path, files)
    assert status == 1
    assert [line.split(": tra ")[0] for line in out.splitlines()] == [
        "content/notizie/a.md:4: errore: immagine senza file"], out


def test_check_after_a_build_uses_its_results_and_still_sees_every_change(tmp_path):
    """The files a build read without errors are not checked again (the build's own
    cache: same settings, same digest), unless they or a file they link changed."""
    files = {"notizie/a.md": article(title="A", colore="blu"),  # a warning
             "notizie/b.md": article(title="B", body="[A]({filename}/notizie/a.md)"),
             "notizie/c.md": article(title="C")}
    site = build_site(tmp_path, files)
    assert site.ok, site.log
    entries = list((tmp_path / "cache").glob("contract-*/*/*.pickle"))
    assert len(entries) == 3
    for entry in entries:  # a check that read them would not see this
        entry.write_bytes(entry.read_bytes().replace(b"chiave sconosciuta", b"CHIAVE SCONOSCIUTA"))
    status, out, _ = run_check(tmp_path, files)
    assert status == 0 and "notizie/a.md:4: avviso: CHIAVE SCONOSCIUTA" in out, out

    (tmp_path / "content" / "notizie" / "a.md").unlink()  # b.md's link now points nowhere
    (tmp_path / "content" / "notizie" / "c.md").write_text(article(title="C", date="ieri"))
    status, out, _ = run_check(tmp_path, {"notizie/b.md": files["notizie/b.md"]})
    assert status == 1
    assert "content/notizie/b.md:6: errore: il link {filename}/notizie/a.md" in out, out
    assert "content/notizie/c.md:3: errore: `date` non è una data valida (ieri)" in out, out


def _checked_where(file, looked_up=None):
    """``check._check_one`` in the test below: which process checked the file, and whether
    it came with what the cache held (module-level: a pool's tasks are pickled)."""
    return os.getpid(), file[0], looked_up is not None


@pytest.mark.skipif(not processes.FORK_POOLS, reason="pools are forked on Linux only")
def test_a_check_after_a_build_forks_workers_only_for_the_files_to_read_again(tmp_path,
                                                                             monkeypatch):
    """The files a build left in the cache are finished in the check's own process (a
    lookup each: forking workers for them cost more than it saved, 0.1 s of CPU at 1000
    files); the workers read the others (here from 2 files instead of 200), and the
    problems are those of one process reading every file: the cache's warnings, the
    changed files' errors, in the same order."""
    from tools import check  # noqa: PLC0415 - imports Pelican and the plugins

    files = {f"notizie/a{n}.md": article(title=f"Articolo {n}", date=f"2024-05-0{n + 1}")
             for n in range(6)}
    files["notizie/a0.md"] = article(title="Articolo 0", colore="blu")  # a cached warning
    files["notizie/a5.md"] = article(title="Articolo 5", attachments=["allegati/bando.pdf"])
    files["allegati/bando.pdf"] = samples.pdf(1)
    site = build_site(tmp_path, files, own_attachments_cache(tmp_path))
    assert site.ok, site.log
    content = tmp_path / "content" / "notizie"
    (content / "a1.md").write_text(article(title="Articolo 1", date="ieri"), encoding="utf-8")
    (content / "a2.md").write_text(article(title="Articolo 0"), encoding="utf-8")  # its slug
    settings = project_settings(tmp_path / "testconf.py", tmp_path / "content")
    listed = check.content_files(settings)
    monkeypatch.setattr(check, "PARALLEL_FROM", 2)
    # two processors, whatever this machine has: with one, worker_count gave 1 and nothing
    # was forked, so the split between this process and the workers was never seen
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    problems = [str(problem) for problem in check.check(settings, files=listed)]
    assert problems == [str(problem) for problem in check.check(settings, 1, listed)]
    assert len(problems) == 3, problems  # the changed files' errors, the cached warning
    assert problems[0].startswith("notizie/a0.md:2: stessa fine dell'indirizzo"
                                  " (`slug` articolo-0) di notizie/a2.md")
    assert problems[1].startswith("notizie/a1.md:3: `date` non è una data valida (ieri)")
    assert problems[2] == ("notizie/a0.md:4: chiave sconosciuta `colore`, ignorata: correggila se"
                           " è scritta male, altrimenti togli la riga / unknown key `colore`")

    monkeypatch.setattr(check, "_check_one", _checked_where)  # forked: the workers run it
    where = check.checked_files(settings, listed)
    assert [path for _, path, _ in where] == [path for path, _ in listed]
    assert {path: pid == os.getpid() and cached for pid, path, cached in where} == {
        path: path not in ("notizie/a1.md", "notizie/a2.md") for path, _ in listed}


@pytest.mark.skipif(not processes.FORK_POOLS, reason="pools are forked on Linux only")
@pytest.mark.parametrize("workers", [None, 1, 2], ids=["own-choice", "this-process", "jobs-2"])
def test_a_check_reads_the_pdf_metadata_cache_once_in_all_its_processes(tmp_path, monkeypatch,
                                                                          workers):
    """The PDFs' metadata cache file is read once a check, by the check's own process,
    whose readers the workers inherit: it was read again for this process's part even when
    ``--jobs 2`` gave the workers every file, and again in each worker; the problems are
    those of the PDFs' cached metadata."""
    from plugins.attachments import pdfinfo  # noqa: PLC0415 - imports Pelican's parts
    from tools import check  # noqa: PLC0415 - imports Pelican and the plugins

    files = {f"notizie/a{n}.md": article(title=f"Articolo {n}", date=f"2024-05-0{n + 1}",
                                         attachments=[f"allegati/bando-{n}.pdf"])
             for n in range(4)}
    files.update({f"allegati/bando-{n}.pdf": samples.text_pdf(f"Bando {n}") for n in range(4)})
    files["pages/accessibilita.md"] = STATEMENT.format(named="")  # names none of them
    write_content(tmp_path / "content", files)
    settings = project_settings(write_conf(tmp_path, own_attachments_cache(tmp_path)),
                                tmp_path / "content")
    listed = check.content_files(settings)
    expected = [str(problem) for problem in check.check(settings, 1, listed)]
    assert (tmp_path / "cache" / "attachments" / "metadata.json").is_file()
    assert sum("non è accessibile" in problem for problem in expected) == 4, expected
    monkeypatch.setattr(check, "PARALLEL_FROM", 2)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)  # workers, whatever this machine has
    reads, load = tmp_path / "reads.txt", pdfinfo.MetadataCache._load

    def counted_load(cache):  # forked: the workers run it too, and append to the file
        with open(reads, "a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\n")
        return load(cache)

    monkeypatch.setattr(pdfinfo.MetadataCache, "_load", counted_load)
    assert [str(problem) for problem in check.check(settings, workers, listed)] == expected
    assert reads.read_text(encoding="utf-8").split() == [str(os.getpid())]


@pytest.mark.parametrize(("lang", "date", "error"), [
    ("it", "2024-06-05", "content/avvisi/due.md:2: errore: stessa fine dell'indirizzo"
                         " (`slug` stesso) di notizie/uno.md"),
    ("en", "2024-05-06", None),  # a translation: /en/2024/05/stesso/, as Pelican writes it
])
def test_check_and_build_agree_on_an_items_language(tmp_path, lang, date, error):
    """``lang: it`` is the site's language: the same slug twice is the same error as without
    it; another language is a translation, written at its own address, no error."""
    files = {"notizie/uno.md": article(title="Stesso", date="2024-05-05"),
             "avvisi/due.md": article(title="Stesso", date=date, lang=lang)}
    status, out, err = run_check(tmp_path, files)
    site = build_site(tmp_path, {})
    if error:
        assert status == 1 and out.startswith(error) and out.count(": errore: ") == 1, out + err
        assert not site.ok and error.removeprefix("content/").replace(": errore", "") in \
            " ".join(site.log.split())
    else:
        assert status == 0 and ": errore: " not in out, out + err
        assert site.ok, site.log
        assert site.exists("/2024/05/stesso/") and site.exists("/en/2024/05/stesso/")


def test_attachments_given_one_address_blame_the_same_item_in_check_and_build(tmp_path):
    """Verbale.pdf and verbale.pdf would be one file on the site: the item declaring the
    one whose name sorts second is told, in the build and in check, in one process or in
    several (each worker sees only its own files)."""
    files = {"allegati/verbale.pdf": samples.pdf(1), "allegati/Verbale.pdf": samples.pdf(2),
             "notizie/a.md": article(title="A", attachments=["allegati/verbale.pdf"]),
             "notizie/zz.md": article(title="Zz", attachments=["allegati/Verbale.pdf"])}
    site = build_site(tmp_path / "build", files, own_attachments_cache(tmp_path / "build"))
    expected = "notizie/a.md:5: allegati/verbale.pdf e allegati/Verbale.pdf avrebbero lo" \
               " stesso indirizzo allegati/verbale.pdf"
    assert not site.ok and expected in " ".join(site.log.split()), site.log
    fillers = {f"avvisi/f{n:03}.md": article(title=f"Riempitivo {n}") for n in range(210)}
    write_content(tmp_path / "content", {**files, **fillers})
    conf = write_conf(tmp_path, own_attachments_cache(tmp_path))
    args = ("--settings", str(conf), "--content", str(tmp_path / "content"))
    for jobs in ("1", "2"):
        status, out, err = run_tool(tmp_path, "check", *args, "--jobs", jobs)
        assert status == 1 and out.splitlines()[0].startswith("content/" + expected.replace(
            ":5: ", ":5: errore: ")), (jobs, out, err)
        assert out.count(": errore: ") == 1, out


@pytest.mark.parametrize("declared", [False, True])
def test_linked_attachments_given_one_address_are_the_same_error_in_check_and_build(
        tmp_path, declared):
    """{static} links to Verbale.pdf and verbale.pdf (or one of them declared): one file
    would overwrite the other on the site."""
    body = "Testo [v]({static}/allegati/verbale.pdf)" + (
        "." if declared else " e [w]({static}/allegati/Verbale.pdf).")
    files = {"allegati/verbale.pdf": samples.pdf(1), "allegati/Verbale.pdf": samples.pdf(2),
             "notizie/a.md": article(title="A", body=body, **(
                 {"attachments": ["allegati/Verbale.pdf"]} if declared else {}))}
    site = build_site(tmp_path / "build", files, own_attachments_cache(tmp_path / "build"))
    expected = "notizie/a.md: allegati/verbale.pdf e allegati/Verbale.pdf avrebbero lo stesso" \
               " indirizzo allegati/verbale.pdf: rinomina uno dei due (link {static})"
    assert not site.ok and expected in " ".join(site.log.split()), site.log
    write_content(tmp_path / "content", files)
    conf = write_conf(tmp_path, own_attachments_cache(tmp_path))
    for jobs in ("1", "2"):
        status, out, err = run_tool(tmp_path, "check", "--settings", str(conf), "--content",
                                    str(tmp_path / "content"), "--jobs", jobs)
        assert status == 1 and out.splitlines() == [
            "content/" + expected.replace(": allegati", ": errore: allegati", 1)
            + " / two attachments with the same URL: allegati/verbale.pdf,"
              " allegati/Verbale.pdf"], (jobs, out, err)


def test_check_takes_a_content_folder_relative_to_where_it_runs(tmp_path):
    """As pelican does; Pelican's settings reader would look for it beside the settings."""
    write_content(tmp_path / "content", {"notizie/a.md": article(title="A")})
    (tmp_path / "conf").mkdir()
    conf = write_conf(tmp_path / "conf")
    status, out, err = run_tool(tmp_path, "check", "--settings", str(conf), "--content",
                                "content", command=True)  # the command line itself
    assert status == 0 and "Traceback" not in err, err
    assert "1 file controllato in" in err


def test_check_in_several_processes_finds_what_one_process_finds(tmp_path):
    """Files (and their attachments) are checked in worker processes from 200 files on:
    the same lines, in the same order; the PDFs' metadata the workers read is kept."""
    files = {**BROKEN,
             "allegati/buono.pdf": samples.pdf(2),
             "allegati/protetto.pdf": samples.pdf(1, password="segreto"),
             "allegati/finto.pdf": b"%PDF-1.7\nnon proprio\n",
             "notizie/pdf.md": article(title="Pdf", attachments=[
                 "allegati/buono.pdf", "allegati/protetto.pdf", "allegati/finto.pdf"]),
             "avvisi/pdf.md": article(title="Pdf due", attachments=["allegati/buono.pdf"])}
    write_content(tmp_path / "content", files)
    conf = write_conf(tmp_path, own_attachments_cache(tmp_path))
    args = ("--settings", str(conf), "--content", str(tmp_path / "content"))
    metadata = tmp_path / "cache" / "attachments" / "metadata.json"
    outputs = []
    for jobs in ("1", "2"):
        shutil.rmtree(tmp_path / "cache", ignore_errors=True)
        status, out, err = run_tool(tmp_path, "check", *args, "--jobs", jobs)
        assert status == 1 and "Traceback" not in err, err
        outputs.append(out)
        assert len(json.loads(metadata.read_text(encoding="utf-8"))["files"]) == 3
    assert outputs[0] == outputs[1]
    assert "content/notizie/pdf.md:6: errore: il PDF è protetto da password" in outputs[0]
    assert "content/notizie/pdf.md:7: errore: il file non è un PDF leggibile" in outputs[0]


# `invoke check ARGS` with no new process allowed but forked ones (a pool's workers):
# subprocess refuses to start any, as an interpreter started for the check would be
INVOKE_WITHOUT_PROCESSES = textwrap.dedent("""
    import subprocess, sys
    class Refused(subprocess.Popen):
        def __init__(self, args, *rest, **options):
            raise SystemExit(f"a process started: {args}")
    subprocess.Popen = Refused
    from invoke.main import program
    program.run(["invoke", "check", *sys.argv[1:]])
""")


def test_invoke_check_runs_the_check_in_invokes_own_process(tmp_path):
    """A second interpreter importing what invoke had imported (logging, typing,
    importlib.metadata…) was a fifth of a check's CPU after a build: the task runs
    tools/check.py's main() itself, from the project's folder as the command did, with
    the same output and status wherever invoke is started (here from docs/)."""
    write_content(tmp_path / "content", {"notizie/buono.md": article(title="Buono"),
                                         "notizie/data.md": article(title="Data", date="ieri"),
                                         "notizie/chiave.md": article(title="C", colore="blu")})
    conf = str(write_conf(tmp_path, f"PATH = {str(tmp_path / 'content')!r}\n"))
    done = subprocess.run([sys.executable, "-c", INVOKE_WITHOUT_PROCESSES, "--settings", conf],
                          cwd=ROOT / "docs", capture_output=True, text=True, check=False,
                          env=child_env())
    status, out, err = run_tool(ROOT, "check", "--settings", conf, command=True)
    assert (done.returncode, done.stdout) == (status, out) == (1, out), done.stderr
    assert len(out.splitlines()) == 2 and "/content/notizie/data.md:3: errore: " in out, out
    summary = [re.sub(r"\d+([.,]\d+)? s", "S s", text.splitlines()[-1])
               for text in (err, done.stderr)]
    assert summary[0] == summary[1] and "1 errore, 1 avviso" in summary[0], summary


def test_check_passes_the_projects_content():
    status, out, err = run_tool(ROOT, "check", command=True)  # as `./run check` runs it
    assert status == 0, out + err
    assert ": errore: " not in out
    assert re.search(r"\d+ file controllati in \d+(,\d+)? s: 0 errori", err)


def test_new_item_passes_check_and_shows_in_the_preview(tmp_path):
    write_content(tmp_path / "content", {"notizie/vecchia.md": article(title="Vecchia")})
    args = tool_args(tmp_path, config="previewconf")
    status, out, err = run_tool(tmp_path, "new_item", "--title", "Nuovi orari dell'ufficio",
                                "--category", "avvisi", "--date", "2024-06-03 09:30", *args,
                                command=True)  # as `./run new` runs it
    assert status == 0, err
    path = tmp_path / "content" / "avvisi" / "2024-06-03-nuovi-orari-dell-ufficio.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: Nuovi orari dell'ufficio\ndate: 2024-06-03 09:30\n"
                           "slug: nuovi-orari-dell-ufficio\nauthor: Redazione\ntags: []\n")
    assert "attachments: []\nstatus: draft\n---\n" in text
    assert "avvisi/2024-06-03-nuovi-orari-dell-ufficio.md" in out
    assert "http://localhost:8000/2024/06/nuovi-orari-dell-ufficio/" in out
    status, out, err = run_tool(tmp_path, "check", *args)
    assert status == 0, out + err  # the sample text left in is a warning, at its line
    assert re.search(r"avvisi/2024-06-03-nuovi-orari-dell-ufficio\.md:12: avviso: il testo"
                     r" contiene ancora la frase d'esempio «Scrivi qui il testo\.»", out), out
    site = build_site(tmp_path, {}, config="previewconf")
    assert site.ok, site.log
    page = site.soup("/2024/06/nuovi-orari-dell-ufficio/")
    assert "BOZZA" in page.h1.get_text() and "Nuovi orari dell’ufficio" in page.h1.get_text()
    shutil.rmtree(site.output)
    public = build_site(tmp_path, {}, config="publishconf")
    assert public.ok and not public.exists("/2024/06/nuovi-orari-dell-ufficio/")



@pytest.mark.parametrize("author", ["Ufficio stampa", None])
def test_new_signs_an_item_as_the_web_editor_s_form_does(tmp_path, author):
    """A new item is signed with the site's AUTHOR, by ``./run new`` and by the web
    editor's form alike (one rule, ``plugins.admin.config.new_item_author``), and with
    "Redazione" when the settings name none."""
    from plugins.admin import config  # noqa: PLC0415 - with the project's plugins

    settings = {**project_settings(ROOT / "pelicanconf.py"), "AUTHOR": author,
                "PATH": str(tmp_path / "content")}
    path, _, _ = new_item.create(settings, "Orari estivi", "notizie", "2024-06-03 09:30")
    front = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    form = {field["name"]: field for field in config.fields(settings, dated=True)}
    assert front["author"] == form["authors"]["default"][0] == (author or "Redazione")

def test_a_new_item_completed_as_the_guide_says_passes_check(tmp_path):
    """The guide, on ./run new: the empty lines are completed in place ("`tags: []`
    diventa `tags: [...]`"), the line `attachments: []` is replaced by the list of its
    "Allegati" example. An editor who pasted that example under `attachments: []`, as
    nothing said otherwise, had it counted or lost by where it went, with a warning the
    guide did not explain."""
    guide = (ROOT / "docs" / "guida-redazione.md").read_text(encoding="utf-8")
    section = guide.split("\n## Nuovo articolo dal terminale: `./run new`\n", 1)[1]
    changes = re.findall(r"`([a-z]+: [^`]*)`(?: \([^)]*\))?\s+diventa\s+`([a-z]+: [^`]*)`",
                         section.split("\n## ", 1)[0])
    assert [old for old, _ in changes] == ["tags: []", "summary: ''"]
    allegati = guide.split("\n## Allegati\n", 1)[1]
    example = re.search(r"^```yaml\n---\n.*?^(attachments:\n.*?)^---$", allegati,
                        re.S | re.M).group(1)
    files = re.findall(r"^  - (?:file: )?(allegati/\S.*)$", example, re.M)
    assert len(files) == 2
    write_content(tmp_path / "content", {name: samples.pdf(1) for name in files})
    args = tool_args(tmp_path)
    status, out, err = run_tool(tmp_path, "new_item", "--title", "Festa al Civic Center",
                                "--date", "2024-06-03 09:30", "--pubblica", *args)
    assert status == 0, err
    path = tmp_path / "content" / "notizie" / "2024-06-03-festa-al-civic-center.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    for old, new in [*changes, ("attachments: []", example.rstrip("\n"))]:
        assert old in lines, (old, lines)
        lines[lines.index(old)] = new
    lines[-6:] = ["Il testo vero.", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    status, out, err = run_tool(tmp_path, "check", *args)
    assert (status, out) == (0, ""), out + err
    assert "0 errori, 0 avvisi" in err
    # the example pasted under the line instead: the warning the guide's table explains
    text = path.read_text(encoding="utf-8").replace("attachments:\n",
                                                    "attachments: []\nattachments:\n")
    path.write_text(text, encoding="utf-8")
    status, out, err = run_tool(tmp_path, "check", *args)
    warning = re.search(r":\d+: avviso: (chiave `attachments` ripetuta \(riga \d+\): vale"
                        r" l'ultima)", out)
    assert status == 0 and warning, out
    quoted = re.sub(r"\d+", "N", warning.group(1))
    assert any(re.sub(r"\d+", "N", row).startswith(f"| `` {quoted} ``")
               for row in guide.splitlines()), quoted


def test_new_writes_the_real_time_for_one_the_clocks_skip(tmp_path):
    """02:30 on the night the clocks go forward does not exist: the build reads it as
    03:30 and warns at every build and check. ``new`` wrote 02:30 and said the item went
    out "alle 02:30"; now it writes 03:30 and says why, once, and check has nothing to say."""
    args = tool_args(tmp_path)
    status, out, err = run_tool(tmp_path, "new_item", "--title", "Notte corta", "--date",
                                "2024-03-31 02:30", "--pubblica", *args)
    assert status == 0, err
    assert "Avviso: `date`: le 02:30 del 31 marzo 2024 non esistono (le lancette passano avanti" \
           " di un'ora): vale 03:30" in err
    path = tmp_path / "content" / "notizie" / "2024-03-31-notte-corta.md"
    assert "date: 2024-03-31 03:30\n" in path.read_text(encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Scrivi qui il testo.", "Il testo vero."), encoding="utf-8")
    status, out, err = run_tool(tmp_path, "check", *args)
    assert (status, out) == (0, ""), out + err


@pytest.mark.parametrize(("title", "date"), [
    ("Festa di quartiere al parco. " * 4 + "Vi aspettiamo", "2026-05-05 10:00"),
    ("Festa dell'oratorio", "2062-03-15"),  # 2062 typed for 2026
], ids=["long-title", "year-typo"])
def test_new_warns_at_once_of_what_check_would_warn_of(tmp_path, title, date):
    """A title over 110 characters, a year typed 2062 for 2026: ``new`` created the file
    in silence, and the editor learnt of it only from a later check, if ever (an article
    dated 2062 waits for 2062). It says so at once, in check's words, and still creates
    the file: check only warns."""
    args = tool_args(tmp_path)
    status, out, err = run_tool(tmp_path, "new_item", "--title", title, "--date", date,
                                "--pubblica", *args)
    assert status == 0 and out.startswith("Creato "), out + err
    status, checked, _ = run_tool(tmp_path, "check", *args)
    warnings = [line.split(": avviso: ", 1)[1] for line in checked.splitlines()
                if ": avviso: " in line and "frase d'esempio" not in line]
    assert len(warnings) == 1, checked
    assert err.splitlines() == [f"Avviso: {warnings[0]}"], err


def test_new_warns_only_of_a_file_it_created(tmp_path):
    """Refused for another reason, the item has no title to shorten yet: the one line
    says why nothing was created."""
    status, out, err = run_tool(tmp_path, "new_item", "--title", "Festa al parco. " * 8,
                                "--slug", "Festa Grande", *tool_args(tmp_path))
    assert status == 1 and err.splitlines()[0].startswith("Non creato: --slug non valido")
    assert "Avviso" not in err, err


def test_new_refuses_a_year_check_refuses_saying_which_years(tmp_path):
    """``--date 3000-01-01`` was told "usa AAAA-MM-GG HH:MM", the form typed; check says
    which years are allowed."""
    args = tool_args(tmp_path)
    status, out, err = run_tool(tmp_path, "new_item", "--title", "Festa", "--date",
                                "3000-01-01", *args)
    assert status == 1 and not list((tmp_path / "content").rglob("*.md")), out + err
    assert err.strip() == ("Non creato: data non valida: 3000-01-01; usa AAAA-MM-GG HH:MM, per"
                           " esempio 2024-05-05 17:07, anni 1900–2999 / invalid date: use"
                           " YYYY-MM-DD HH:MM"), err


def test_new_writes_a_day_given_without_a_time_as_typed(tmp_path):
    """``--date 2025-03-14`` was written ``2025-03-14 00:00``: the site then showed
    "ore 00:00", a time nobody chose. The day alone is written, and shown, as typed."""
    args = tool_args(tmp_path, config="previewconf")
    status, out, err = run_tool(tmp_path, "new_item", "--title", "Solo il giorno", "--date",
                                "2025-03-14", "--pubblica", *args)
    assert status == 0, err
    path = tmp_path / "content" / "notizie" / "2025-03-14-solo-il-giorno.md"
    assert "\ndate: 2025-03-14\n" in path.read_text(encoding="utf-8")
    site = build_site(tmp_path, {}, config="previewconf")
    assert site.ok, site.log
    time = site.soup("/2025/03/solo-il-giorno/").select_one(".article-meta time")
    assert time.get_text(strip=True) == "venerdì 14\u00a0marzo 2025"


def test_a_future_day_without_a_time_is_quoted_without_one(tmp_path):
    """A day given without a time is shown as the day alone (dates.Day), but the editors'
    messages quoting it added one nobody wrote: ``./run new --date 2099-03-14`` said it
    came out "dopo il 14/03/2099 alle 00:00", and ``./run check`` (the build too) that
    the date was more than a year ahead "(2099-03-14 00:00)"."""
    args = tool_args(tmp_path)
    status, out, err = run_tool(tmp_path, "new_item", "--title", "Lontano", "--date",
                                "2099-03-14", "--pubblica", *args)
    assert status == 0, err
    assert "(programmato: esce alla prima pubblicazione del sito a partire dal 14 marzo 2099)" \
        in out, out
    status, out, err = run_tool(tmp_path, "check", *args)
    assert "content/notizie/2099-03-14-lontano.md:3: avviso: `date` è tra più di un anno" \
        " (2099-03-14): l'articolo non sarà pubblicato prima di allora" in out, out + err
    assert "00:00" not in out, out


def test_new_never_overwrites_and_refuses_unknown_categories(tmp_path):
    write_content(tmp_path / "content", {"notizie/gia.md": article(title="Orari")})
    conf = write_conf(tmp_path)
    args = ("--settings", str(conf), "--content", str(tmp_path / "content"),
            "--date", "2024-05-05 10:00")
    status, out, err = run_tool(tmp_path, "new_item", "--title", "Orari", *args)
    assert status == 0 and "notizie/2024-05-05-orari-2.md" in out  # the slug was taken
    # and the editor is told so, and by which file (it was added quietly)
    assert "Avviso: l'indirizzo orari è già di content/notizie/gia.md: il nuovo articolo" \
        " ha orari-2 (per sceglierne un altro: --slug, per esempio orari-2024)" in err, err
    status, out, _ = run_tool(tmp_path, "new_item", "--title", "Orari", *args)
    assert status == 0 and "notizie/2024-05-05-orari-3.md" in out
    assert run_tool(tmp_path, "check", *args[:4])[0] == 0
    status, _, err = run_tool(tmp_path, "new_item", "--title", "X", "--category", "sport",
                              *args)
    assert status == 1
    assert "categoria sconosciuta: sport; scegli tra avvisi, comunicati-stampa, notizie" in err


@pytest.mark.parametrize(("typed", "meant"), [
    ("notizia", "notizie"), ("comunicato-stampa", "comunicati-stampa"), ("Avviso", "avvisi"),
    ("comunicati", "comunicati-stampa")])
def test_new_names_the_category_a_mistyped_one_meant(tmp_path, typed, meant):
    """A category typed in the singular (``--category notizia``) was answered as a new
    one: "crea prima la cartella content/notizia/", a category of its own beside Notizie
    had the editor done it. The message now names the category meant and creates
    nothing; a name like no category (``eventi``) still says how to make it."""
    write_content(tmp_path / "content", {"notizie/gia.md": article(title="Orari")})
    (tmp_path / "content" / "avvisi").mkdir()
    (tmp_path / "content" / "comunicati-stampa").mkdir()
    conf = write_conf(tmp_path)
    args = ("--settings", str(conf), "--content", str(tmp_path / "content"),
            "--date", "2024-05-05 10:00")
    status, out, err = run_tool(tmp_path, "new_item", "--title", "Festa", "--category",
                                typed, *args)
    assert status == 1, out
    assert (f"categoria sconosciuta: {typed}; forse intendevi {meant}: scrivi --category"
            f" {meant} (le categorie sono avvisi, comunicati-stampa, notizie)") in err
    assert "crea prima" not in err
    assert sorted(path.name for path in (tmp_path / "content").rglob("*.md")) == ["gia.md"]
    status, out, err = run_tool(tmp_path, "new_item", "--title", "Festa", "--category",
                                meant, *args)
    assert status == 0, err


def test_an_article_in_a_folder_named_like_a_category_of_the_site_is_a_warning(tmp_path):
    """An article saved by hand in content/notizia/ (or comunicati/) was published under a
    category of its own, «Notizia», with its page and its feeds, beside Notizie, without a
    word. ./run check and the build now warn, naming the folder meant; a new category of
    its own name (eventi/, notizie-2024/) is not named.
    ./run new says the same of the file it writes in such a folder."""
    files = {"notizia/a.md": article(title="Festa uno"),
             "comunicati/b.md": article(title="Festa due"),
             "eventi/c.md": article(title="Festa tre"),
             "notizie/d.md": article(title="Festa quattro"),
             # a name of its own made of a category's: no slip
             "notizie-2024/e.md": article(title="Festa sette"),
             "avvisi-scuola/f.md": article(title="Festa otto")}
    status, out, err = run_check(tmp_path, files)
    assert status == 0, out + err
    said = [line.split(" / ")[0] for line in out.splitlines() if "categoria" in line]
    assert said == [
        "content/comunicati/b.md:1: avviso: la cartella comunicati/ non è quella di una"
        " categoria del sito: l'articolo viene pubblicato in una categoria nuova,"
        " «Comunicati», accanto a «Comunicati stampa»; se intendevi comunicati-stampa, sposta"
        " il file in content/comunicati-stampa/b.md (se la categoria nuova è voluta, chi"
        " gestisce il sito la aggiunge a CONTRACT_CATEGORY_NAMES in pelicanconf.py, con il"
        " suo nome)",
        "content/notizia/a.md:1: avviso: la cartella notizia/ non è quella di una categoria"
        " del sito: l'articolo viene pubblicato in una categoria nuova, «Notizia», accanto a"
        " «Notizie»; se intendevi notizie, sposta il file in content/notizie/a.md (se la"
        " categoria nuova è voluta, chi gestisce il sito la aggiunge a CONTRACT_CATEGORY_NAMES"
        " in pelicanconf.py, con il suo nome)"], out
    site = build_site(tmp_path, {})
    assert site.ok, site.log
    log = " ".join(site.log.split())
    assert "notizia/a.md:1: la cartella notizia/ non è quella di una categoria" in log
    assert "eventi/" not in log and "notizie/d.md" not in log and "-2024/" not in log \
        and "avvisi-scuola/" not in log
    conf = write_conf(tmp_path)
    status, out, err = run_tool(tmp_path, "new_item", "--title", "Festa cinque", "--category",
                                "notizia", "--settings", str(conf), "--content",
                                str(tmp_path / "content"), "--date", "2024-05-05 10:00")
    assert status == 0, err
    assert ("Avviso: la cartella notizia/ non è quella di una categoria del sito" in err
            and "sposta il file in content/notizie/2024-05-05-festa-cinque.md" in err), err
    # a new category meant: named in the settings, as the message says, and no warning
    status, out, err = run_check(tmp_path, {}, settings=(
        'CONTRACT_CATEGORY_NAMES = {"notizie": "Notizie", "comunicati-stampa": "Comunicati'
        ' stampa", "avvisi": "Avvisi", "notizia": "Notizia in breve"}\n'))
    assert status == 0 and "cartella notizia/" not in out and "comunicati/b.md:1: avviso" in out, out


def test_an_image_without_file_nor_description_is_one_error_at_its_line(tmp_path):
    """``![]()`` (the web editor's image never given its picture, nor its description)
    was two errors: "immagine senza file" at its line, and "immagine senza testo
    alternativo … ()" at no line at all, the empty address for its file. The first one
    says both, with the line to write."""
    status, out, err = run_check(tmp_path, {"notizie/a.md": article(
        title="Festa", body="Testo.\n\n![]()\n")})
    assert status == 1
    errors = [line.split(" / ")[0] for line in out.splitlines() if ": errore: " in line]
    assert errors == ["content/notizie/a.md:8: errore: immagine senza file: tra le parentesi"
                      " tonde va il suo indirizzo, ![descrizione]({static}/immagini/foto.jpg)"
                      ], out


def test_a_file_named_for_what_it_shows_may_be_described_by_its_name(tmp_path):
    """The warning on a description that is the file's name is for a camera's name
    (IMG_1234) or a name with its extension: a file named for what it shows, in several
    words, described in those words, is fine."""
    status, out, err = run_check(tmp_path, {
        "immagini/il-cortile-del-civic-center.jpg": JPEG,
        "notizie/a.md": article(title="Festa", image="immagini/il-cortile-del-civic-center.jpg",
                                image_alt="Il cortile del Civic Center", body=(
                                    "Testo.\n\n![Il cortile del Civic Center]"
                                    "({static}/immagini/il-cortile-del-civic-center.jpg)\n"))})
    assert status == 0 and "nome del file" not in out, out + err


def test_new_takes_the_empty_folder_of_a_new_category(tmp_path):
    """The guide: another category is a folder, content/nome-cartella/. An editor who
    made content/eventi/ for its first article was told "categoria sconosciuta: eventi"
    (only folders already holding articles counted). Pages, images and attachments
    are still not categories."""
    for folder in ("eventi", "pages", "immagini", "allegati", "_vecchi"):
        (tmp_path / "content" / folder).mkdir(parents=True)
    conf = write_conf(tmp_path)
    args = ("--settings", str(conf), "--content", str(tmp_path / "content"),
            "--date", "2024-05-05 10:00", "--pubblica")
    status, out, err = run_tool(tmp_path, "new_item", "--title", "Concerto in piazza",
                                "--category", "eventi", *args)
    assert status == 0, err
    assert "eventi/2024-05-05-concerto-in-piazza.md" in out
    for folder in ("pages", "immagini", "allegati", "_vecchi"):
        status, _, err = run_tool(tmp_path, "new_item", "--title", "X", "--category", folder,
                                  *args)
        assert status == 1
        assert "scegli tra avvisi, comunicati-stampa, eventi, notizie" in err
        assert ("la cartella delle pagine fisse" if folder == "pages" else
                f"categoria sconosciuta: {folder}; scegli") in err
    site = build_site(tmp_path, {})
    assert site.ok, site.log
    links = site.soup("/2024/05/concerto-in-piazza/").find_all("a", href=True)
    assert any(link["href"].endswith("/categorie/eventi/") and link.get_text(strip=True)
               == "Eventi" for link in links)



def test_new_tells_how_to_make_a_new_category_and_takes_the_folder_as_a_path(tmp_path):
    """The guide: a new category is a folder to make first, content/eventi/. An editor
    asking for one was told only "scegli tra avvisi, comunicati-stampa, notizie", as if
    there could be no other; and the folder typed as the guide's table writes it
    (content/notizie/, or as the shell completes it) was an unknown category."""
    (tmp_path / "content" / "allegati").mkdir(parents=True)
    conf = write_conf(tmp_path)
    args = ("--settings", str(conf), "--content", str(tmp_path / "content"),
            "--date", "2024-05-05 10:00")
    status, _, err = run_tool(tmp_path, "new_item", "--title", "Concerto", "--category",
                              "eventi", *args)
    assert status == 1
    assert "categoria sconosciuta: eventi; scegli tra avvisi, comunicati-stampa, notizie" \
        " (per una categoria nuova, crea prima la cartella content/eventi/)" in err
    status, _, err = run_tool(tmp_path, "new_item", "--title", "X", "--category", "allegati",
                              *args)
    assert status == 1 and "crea prima" not in err  # a folder that is no category
    for folder in ("content/notizie/", "notizie/", "./notizie"):
        status, _, err = run_tool(tmp_path, "new_item", "--title", "Festa", "--category",
                                  folder, *args)
        assert status == 0, err
    assert sorted(path.name for path in (tmp_path / "content" / "notizie").iterdir()) == [
        "2024-05-05-festa-2.md", "2024-05-05-festa-3.md", "2024-05-05-festa.md"]
    # the category as its name reads: "Notizie" was told to make a folder content/Notizie/
    for typed, folder in (("Notizie", "notizie"), ("Comunicati stampa", "comunicati-stampa")):
        status, out, err = run_tool(tmp_path, "new_item", "--title", "Sagra", "--category",
                                    typed, *args)
        assert status == 0, err
        assert f"content/{folder}/2024-05-05-sagra" in out, out
    assert not (tmp_path / "content" / "Notizie").exists()


def test_a_numbered_slug_stays_within_the_length_and_passes_check(tmp_path):
    title = ("Sportello del Community Manager di Cremona aperto anche il sabato mattina per"
             " le famiglie")  # its slug is 80 characters long, the most
    conf = write_conf(tmp_path)
    (tmp_path / "content" / "notizie").mkdir(parents=True)
    args = ("--settings", str(conf), "--content", str(tmp_path / "content"), "--pubblica")
    slugs = []
    for day in (1, 2):
        status, out, err = run_tool(tmp_path, "new_item", "--title", title, "--date",
                                    f"2024-05-0{day} 10:00", *args)
        assert status == 0, err
        slugs.append(re.search(r"2024-05-0\d-([a-z0-9-]+)\.md", out)[1])
    assert len(slugs[0]) == 80 and slugs[1] == slugs[0][:78].rstrip("-") + "-2"
    assert len(slugs[1]) <= 80
    status, out, err = run_tool(tmp_path, "check", *args[:4])
    assert status == 0, out + err


@pytest.mark.parametrize(("args", "fragment"), [
    (("--title", "🎉"), "aggiungi --slug"),
    (("--title", "Festa", "--date", "domani"), "data non valida: domani"),
    (("--title", "Festa", "--date", "29/11/2026 9.30"),
     "data non valida: 29/11/2026 9.30; scrivi 2026-11-29 09:30"),
    # the year first with slashes, and seconds, as an editor types them: it was only
    # "usa AAAA-MM-GG HH:MM", and the guide promises the date to write
    (("--title", "Festa", "--date", "2026/11/29"),
     "data non valida: 2026/11/29; scrivi 2026-11-29"),
    (("--title", "Festa", "--date", "29/11/2026 09:30:00"),
     "data non valida: 29/11/2026 09:30:00; scrivi 2026-11-29 09:30"),
    (("--title", "  "), "manca il titolo"),
    # the guide's folder of pages: it was "categoria sconosciuta: pages", nothing on pages
    (("--title", "Chi siamo", "--category", "pages"),
     "content/pages/ è la cartella delle pagine fisse, e ./run new crea solo articoli: per"
     " una pagina nuova scrivi un file in content/pages/ con title: e slug: in cima"),
    (("--title", "Festa", "--slug", "Festa Grande"),
     "--slug non valido (Festa Grande): solo lettere minuscole senza accenti, cifre e"
     " trattini: usa per esempio festa-grande"),
])
def test_new_explains_what_is_wrong(tmp_path, args, fragment):
    conf = write_conf(tmp_path)
    (tmp_path / "content").mkdir()
    status, _, err = run_tool(tmp_path, "new_item", *args, "--settings", str(conf),
                              "--content", str(tmp_path / "content"),
                              command=True)  # the command line itself
    assert status == 1 and fragment in err


def test_new_says_when_the_item_goes_online():
    rome = ZoneInfo("Europe/Rome")
    now = datetime(2026, 11, 28, 12, 0, tzinfo=rome)
    assert new_item.state(now, publish=False, now=now).startswith("bozza")
    assert new_item.state(now, publish=True, now=now) == \
        "pubblicato: esce alla prossima pubblicazione del sito"
    later = datetime(2027, 3, 14, 10, 0, tzinfo=rome)
    assert new_item.state(later, publish=True, now=now) == \
        "programmato: esce alla prima pubblicazione del sito dopo il 14 marzo 2027 alle 10:00"


FUTURE_UPDATE = {"notizie/a.md": article(title="Aggiornato", date="2024-05-05 10:00",
                                         modified="2099-01-01 10:00", slug="aggiornato")}


def test_an_update_dated_in_the_future_is_the_same_warning_in_check_and_every_build(tmp_path):
    files = FUTURE_UPDATE
    status, out, err = run_check(tmp_path, files)
    warning = ("content/notizie/a.md:4: avviso: `modified` (ultimo aggiornamento) è nel futuro"
               " (2099-01-01 10:00): ignorato")
    assert status == 0 and out.startswith(warning), out + err
    for run in ("cold", "warm"):  # the second from the contract cache: warned again
        site = build_site(tmp_path, files)
        assert site.ok, site.log
        assert warning.removeprefix("content/").replace(" avviso:", "") in \
            " ".join(site.log.split()), (run, site.log)
        page = (site.output / "2024" / "05" / "aggiornato" / "index.html").read_text("utf-8")
        assert "2099" not in page and "Ultimo aggiornamento" not in page
        for name in ("sitemap.xml", "feeds/tutto.atom.xml"):
            assert "2099" not in (site.output / name).read_text(encoding="utf-8"), name


FUTURE_PAGE = {"allegati/orari.csv": "giorno;ora\nlunedì;9\n",
               "pages/orari.md": "---\ntitle: Orari\ndate: 2099-01-15 10:00\nattachments:\n"
                                 "  - file: allegati/orari.csv\n    title: Orari\n---\n\nTesto.\n",
               "notizie/a.md": article(title="Notizia", date="2024-05-05 10:00")}


def test_a_page_dated_in_the_future_is_the_same_warning_in_check_and_every_build(tmp_path):
    """Only articles wait for their date: a page dated in the future (scheduled as an
    article would be, a year typed wrong) was published at once, silently, with that date
    beside its documents on Documenti and as its sitemap lastmod. Now a warning, and the
    date is dropped."""
    status, out, err = run_check(tmp_path, FUTURE_PAGE)
    warning = ("content/pages/orari.md:3: avviso: `date` è nel futuro (2099-01-15 10:00): una"
               " pagina non aspetta la sua data, è pubblicata subito; data ignorata")
    assert status == 0 and out.startswith(warning), out + err
    for run in ("cold", "warm"):  # the second from the contract cache: warned again
        site = build_site(tmp_path, {})
        assert site.ok, site.log
        assert warning.removeprefix("content/").replace(" avviso:", "") in site.messages(), \
            (run, site.log)
        assert site.exists("/orari/")  # published now, as before
        source = site.soup("/documenti/").select_one(".document-source")
        assert source.find("a")["href"] == f"{SITEURL}/orari/" and source.find("time") is None
        for name in ("sitemap.xml", "orari/index.html", "documenti/index.html"):
            assert "2099" not in (site.output / name).read_text(encoding="utf-8"), name


LITERAL_NOTES = {"notizie/note.md": article(
    title="Note", summary="Il sommario[^a].",
    body="Il testo[^a] e un altro[^2], `codice[^3]`.\n\n```\n[^4]\n```\n\n[^a]: La nota.")}


def test_a_footnote_reference_left_as_text_is_the_same_warning_in_check_and_build(tmp_path):
    """A reference without its note (`[^2]`, the definition forgotten or misspelt) and one
    in the summary (converted on its own: the body's notes do not reach it) were shown to
    readers as typed, "Il sommario[^a].", in the lead, the cards and the description,
    without a word. Code is text as written: not warned about."""
    status, out, err = run_check(tmp_path, LITERAL_NOTES)
    warnings = [
        "content/notizie/note.md:4: avviso: nel sommario il rimando alla nota [^a] compare"
        " così, come testo: il sommario non ha note (quelle del testo valgono solo lì); togli"
        " il rimando dal sommario / footnote reference [^a] in `summary` shows as text",
        "content/notizie/note.md:7: avviso: il rimando alla nota [^2] non ha la sua nota: sul"
        " sito compare così, come testo; aggiungi in fondo al testo una riga `[^2]: testo"
        " della nota`, o togli il rimando / footnote [^2] is not defined, it shows as text"]
    assert status == 0 and out.splitlines() == warnings, out + err
    site = build_site(tmp_path, {})
    assert site.ok, site.log
    for warning in warnings:
        assert warning.removeprefix("content/").replace(" avviso:", "") in site.messages(), \
            site.log
    assert "[^2]" in site.soup("/2024/05/note/").select_one("main").get_text()  # as warned


def test_a_footnote_reference_after_thousands_of_code_tags_left_open_is_found_in_linear_time(
        tmp_path):
    """A text pasted as HTML with `<code>` opened and never closed, 10,000 times, and a
    reference without its note: each opening tag was paired with its closing one by an
    expression reading the rest of the text (12 s here; 20,000 tags: most of a minute
    for each ./run check and build). The reference before them is still warned about."""
    files = {"notizie/codice.md": article(title="Codice", body=(
        "Il testo[^2].\n\n" + "Il comando <code>ls e poi " * 10_000))}
    write_content(tmp_path / "content", files)
    status, out, err, cpu = timed_tool(tmp_path, "check", "--settings",
                                       str(write_conf(tmp_path)), "--content",
                                       str(tmp_path / "content"))
    assert status == 0 and "il rimando alla nota [^2] non ha la sua nota" in out, out + err
    assert cpu < cpu_budget(6), f"{cpu:.1f} s of CPU"


@pytest.mark.parametrize("config", ["pelicanconf", "previewconf"])
def test_check_reports_links_to_unpublished_items_as_the_build_does(tmp_path, config):
    """A published article linking a draft and a scheduled item: the build's errors, at
    the same lines, with the public settings and with the preview's (which shows drafts
    and scheduled items, where the links work); a scheduled item linking a draft is a
    warning; a draft linking a draft and a link to a hidden item are fine."""
    files = {"notizie/a.md": article(title="Pubblicato", body="""
                 [b]({filename}/notizie/b.md)

                 [c]({filename}c.md) e [h]({filename}/notizie/h.md)"""),
             "notizie/b.md": article(title="Bozza", status="draft",
                                     body="[d]({filename}/notizie/d.md)"),
             "notizie/c.md": article(title="Programmato", date="2099-03-01 10:00"),
             "notizie/d.md": article(title="Altra bozza", status="draft"),
             "notizie/f.md": article(title="Programmato anche", date="2099-03-02 10:00",
                                     body="[b]({filename}/notizie/b.md)"),
             "notizie/h.md": article(title="Nascosto", status="hidden")}
    write_content(tmp_path / "content", files)
    conf = write_conf(tmp_path, config=config)
    status, out, err = run_tool(tmp_path, "check", "--settings", str(conf), "--content",
                                str(tmp_path / "content"))
    assert status == 1 and "2 errori, 3 avvisi" in err, out + err
    lines = out.splitlines()
    expected = [
        "content/notizie/a.md:6: errore: il link punta a notizie/b.md, che è una bozza e non"
        " sarà pubblicato: sul sito il link porterebbe alla home page; pubblicalo prima o"
        " togli il link / link to an item that is not published",
        "content/notizie/a.md:8: errore: il link punta a notizie/c.md, che è programmato per"
        " domenica 1 marzo 2099, ore 10:00 e fino ad allora non è pubblicato: sul sito il link"
        " porterebbe alla home page; togli il link o programma anche questo file da quella"
        " data in poi / link to an item that is not published",
        *(f"content/notizie/{name}.md:3: avviso: `date` è tra più di un anno (2099-03-0{day}"
          " 10:00): l'articolo non sarà pubblicato prima di allora; se non è voluto, controlla"
          " l'anno / `date` is more than a year ahead: not published until then"
          for name, day in (("c", 1), ("f", 2))),
        "content/notizie/f.md:6: avviso: il link punta a notizie/b.md, che è una bozza e non"
        " sarà pubblicato: sul sito il link porterebbe alla home page; pubblicalo prima o"
        " togli il link; questo file è programmato per lunedì 2 marzo 2099, ore 10:00: quel"
        " giorno la pubblicazione si fermerebbe / link to an item that is not published"]
    assert lines == expected, out
    site = build_site(tmp_path, {}, config=config)
    assert not site.ok
    for line in lines:  # the build says the same, at the same line
        level = "ERROR" if ": errore: " in line else "WARNING"
        message = re.sub(r": (errore|avviso): ", ": ", line.removeprefix("content/"), count=1)
        assert f"{level} {message}" in site.messages(), (line, site.log)


def test_links_of_and_to_files_with_errors_are_reported_alike_by_check_and_build(tmp_path):
    """A file with errors is dropped by the build and reported on its own: its links to a
    draft are not checked, nor are links to it (it is broken, not unpublished)."""
    files = {
        "notizie/a.md": article(title="A", slug="a", image="immagini/manca.jpg",
                                image_alt="x", body="Vedi [b]({filename}b.md)."),
        "notizie/b.md": article(title="B", slug="b", status="draft"),
        "notizie/c.md": article(title="C", slug="c", body="Vedi [rotto]({filename}rotto.md)."),
        "notizie/rotto.md": article(title="Rotto", date="2024-13-45", slug="rotto"),
    }
    site = build_site(tmp_path / "build", files, config="publishconf")
    assert not site.ok
    status, out, err = run_check(tmp_path, files)
    assert status == 1
    errors = [line.removeprefix("content/").replace(": errore:", ":").split(" / ")[0]
              for line in out.splitlines() if ": errore: " in line]
    assert [line.split(":")[0] for line in errors] == ["notizie/a.md", "notizie/rotto.md"], out
    for line in errors:  # each as the build says it
        assert line in site.messages(), (line, site.log)
    assert "il link punta" not in out + site.log


def test_a_link_error_names_the_line_of_that_link(tmp_path):
    body = ("Leggi anche [la festa di maggio]({filename}la-festa.md).\n\nAltro testo.\n\n"
            "E il [programma]({filename}festa.md), ancora in bozza.")
    files = {"notizie/a.md": article(title="A", slug="a", body=body),
             "notizie/la-festa.md": article(title="La festa", slug="la-festa"),
             "notizie/festa.md": article(title="Festa", slug="festa", status="draft")}
    site = build_site(tmp_path / "build", files, config="publishconf")
    assert not site.ok and "notizie/a.md:11: il link punta a notizie/festa.md" in \
        site.messages(), site.log
    status, out, _ = run_check(tmp_path, files)
    assert status == 1 and out.startswith("content/notizie/a.md:11: errore: il link punta a"
                                          " notizie/festa.md"), out


def test_a_link_by_the_sites_address_is_named_where_it_is_written_as_a_link(tmp_path):
    """An address typed bare in the prose above its link (a full https address of one of
    the site's pages, the link to a draft) is not the link: the warning and the error name
    the line of the link (written [testo](…) or <…>), in check and in the build alike."""
    bare = f"Vedi {SITEURL}/2024/05/b/ e {{filename}}/notizie/c.md.\n\nAltro testo.\n\n"
    files = {"notizie/a.md": article(title="A", slug="a", body=(
        f"{bare}Leggi [la notizia B]({SITEURL}/2024/05/b/).\n\n"
        "E la [bozza C]({filename}/notizie/c.md).")),
        "notizie/d.md": article(title="D", slug="d", body=f"{bare}Leggi <{SITEURL}/2024/05/b/>."),
        "notizie/b.md": article(title="B", slug="b"),
        "notizie/c.md": article(title="C", slug="c", status="draft")}
    site = build_site(tmp_path / "build", files, config="publishconf")
    status, out, _ = run_check(tmp_path, files)
    said = [line for line in out.splitlines()
            if "è l'indirizzo di" in line or "il link punta a" in line]
    assert [(line.split(": ")[0], line.split(": ")[2][:20]) for line in said] == [
        ("content/notizie/a.md:13", "il link punta a noti"),
        ("content/notizie/a.md:11", f"il link {SITEURL}"[:20]),
        ("content/notizie/d.md:11", f"il link {SITEURL}"[:20])], out
    assert status == 1 and not site.ok
    for line in said:  # each as the build says it
        message = re.sub(r": (errore|avviso): ", ": ", line.removeprefix("content/"))
        assert message in site.messages(), (message, site.log)


@pytest.mark.parametrize("body, files, line", [
    # two pictures of the same name in two folders, the second cut short, and the name in
    # the prose above: it was the first line holding the name, another picture's
    (("Le foto del cortile (foto.jpg) di due anni.\n\n"
      "![Il cortile nel 2024]({static}/immagini/2024/foto.jpg)\n\n"
      "![Il cortile nel 2025]({static}/immagini/2025/foto.jpg)"),
     {"immagini/2024/foto.jpg": JPEG, "immagini/2025/foto.jpg": JPEG[:120]}, 11),
    # {static}../immagini/… from notizie/ (a path from the item's folder, which Pelican and
    # the contract accept): it was the first line holding the file's name, the prose above
    (("Le foto del cortile (foto.jpg).\n\n"
      "![Il cortile nel 2025]({static}../immagini/2025/foto.jpg)"),
     {"immagini/2025/foto.jpg": JPEG[:120]}, 9),
], ids=["namesake in another folder", "from the item's folder"])
def test_an_unreadable_image_is_named_at_the_line_that_links_it(tmp_path, body, files, line):
    """A picture cut short: the error names the line whose link shows it, in check and in
    the build alike, not the first line holding its file's name."""
    files = {"notizie/a.md": article(title="A", slug="a", body=body), **files}
    site = build_site(tmp_path / "build", files)
    status, out, _ = run_check(tmp_path, files)
    errors = [each for each in out.splitlines() if ": errore: " in each]
    assert status == 1 and len(errors) == 1 and errors[0].startswith(
        f"content/notizie/a.md:{line}: errore: l'immagine immagini/2025/foto.jpg non si può"
        " leggere"), out
    assert not site.ok and errors[0].removeprefix("content/").replace(": errore: ", ": ") \
        in site.messages(), site.log


HEADINGS_AND_EMPTY_LINK = {"notizie/a.md": article(title="A", slug="a", body=(
    "Primo paragrafo.\n\n# Titolo nel testo\n\nTesto.\n\n#### Quarto livello\n\n"
    "Un link vuoto: [](https://example.org/vuoto).\n\n"
    "[![Il logo]({static}/immagini/logo.jpg)](https://example.org/) ha un nome.")),
    "immagini/logo.jpg": JPEG}


def test_headings_out_of_order_are_warnings_and_a_link_without_text_an_error(tmp_path):
    files = HEADINGS_AND_EMPTY_LINK
    status, out, err = run_check(tmp_path, files)
    lines = [line.split(" / ")[0] for line in out.splitlines()]
    assert status == 1 and lines == [
        "content/notizie/a.md:15: errore: link senza testo (https://example.org/vuoto): scrivi"
        " tra le parentesi quadre dove porta, [testo](…)",
        "content/notizie/a.md:9: avviso: titolo di primo livello nel testo («Titolo nel"
        " testo»): la pagina ha già il suo titolo, usa ##",
        "content/notizie/a.md:13: avviso: il titolo «Quarto livello» è di livello 4 dopo uno"
        " di livello 1: usa ##, senza saltare livelli",
    ], out + err
    site = build_site(tmp_path / "build", files)
    assert not site.ok
    for line in lines:  # the same file, line and message in the build
        assert line.removeprefix("content/").replace(" errore:", "").replace(" avviso:", "") \
            in site.messages(), (line, site.log)


def test_the_count_of_problems_not_listed_comes_after_those_listed(tmp_path):
    """Past fifty problems in one text, one more line counts the rest: "correggi quelli
    sopra e ricontrolla" (fix those above). The build prints it after them; ./run check
    sorted it first, above them, as it has no line."""
    body = "\n\n".join(f'<span style="color: red">{number}</span>' for number in range(53))
    status, out, err = run_check(tmp_path, {"notizie/a.md": article(title="A", body=body)})
    lines = out.splitlines()
    assert status == 1 and len(lines) == 51, out + err
    assert all(": errore: attributo style non ammesso in <span>" in line for line in lines[:50])
    assert lines[-1] == ("content/notizie/a.md: errore: e altri 3 problemi in questo testo, non"
                         " elencati: correggi quelli sopra e ricontrolla / and 3 more problems")


def test_a_title_without_quotes_is_refused_as_the_guide_says():
    """`./run new --title Festa al Civic Center` (the quotes left out, as a community
    manager types it) is refused by invoke before ./run new runs, in its own English:
    "No idea what 'al' is!". The guide quotes that answer and says to write the title
    between double quotes; nothing is created."""
    guide = (ROOT / "docs" / "guida-redazione.md").read_text(encoding="utf-8")
    section = guide.split("\n## Nuovo articolo dal terminale: `./run new`\n", 1)[1]
    section = " ".join(section.split("\n## ", 1)[0].split())
    quoted = re.search(r"risponde `(No idea what '(\w+)' is!)`", section)
    assert quoted and "tra virgolette doppie" in section, section[:600]
    command = shlex.split(re.search(r"^\./run new [^\n]*$", guide, re.M)[0])
    title = command[command.index("--title") + 1]
    unquoted = [part for word in command[2:] for part in
                (title.split() if word == title else [word])]
    before = sorted(str(path) for path in (ROOT / "content").rglob("*"))
    done = subprocess.run([sys.executable, "-m", "invoke", "new", *unquoted],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode != 0
    assert quoted[1] == done.stderr.strip() and quoted[2] == title.split()[1], done.stderr
    assert sorted(str(path) for path in (ROOT / "content").rglob("*")) == before


def test_options_written_in_italian_are_refused_as_the_guide_says():
    """`./run new --titolo "Festa" --categoria notizie` (the options in Italian, as the
    keys were before the guide said they are English) is refused by invoke before ./run
    new runs, in its own English; the guide quotes that answer, and says where an item
    without `--category` goes (the task's default, which it did not say)."""
    guide = (ROOT / "docs" / "guida-redazione.md").read_text(encoding="utf-8")
    section = guide.split("\n## Nuovo articolo dal terminale: `./run new`\n", 1)[1]
    section = " ".join(section.split("\n## ", 1)[0].split())
    quoted = re.search(r"risponde per esempio `(No idea what '(--\w+)' is!)`", section)
    assert quoted, section[:1200]
    before = sorted(str(path) for path in (ROOT / "content").rglob("*"))
    done = subprocess.run([sys.executable, "-m", "invoke", "new", quoted[2], "Festa"],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode != 0 and quoted[1] == done.stderr.strip(), done.stderr
    assert sorted(str(path) for path in (ROOT / "content").rglob("*")) == before
    tasks = (ROOT / "tasks.py").read_text(encoding="utf-8")
    default = re.search(r'^def new\(c, [^)]*\bcategory="(\w+)"', tasks, re.M)[1]
    assert default == "notizie" and "Senza `--category` l'articolo va tra le notizie" in section



@pytest.mark.parametrize("option", ["--publish", "--pubblica"])
def test_run_new_publishes_with_the_option_in_english_as_the_guide_says(tmp_path, monkeypatch,
                                                                         option):
    """The guide says that ./run new's options are written in English, as the keys are
    (`--title`, `--category`): a community manager who follows it writes `--publish`,
    which invoke refused ("No idea what '--publish' is!"), creating nothing. Both it and
    `--pubblica` create the item published; the guide names both. The task runs for real
    (invoke parses the command line), on a content folder in tmp_path."""
    import tasks  # noqa: PLC0415
    from invoke import Collection, Program  # noqa: PLC0415
    real_run = subprocess.run
    monkeypatch.setattr(tasks.subprocess, "run", lambda command, **kwargs: real_run(
        [*command, *tool_args(tmp_path)], **kwargs))
    program = Program(namespace=Collection.from_module(tasks))
    with pytest.raises(SystemExit) as exit_:
        program.run(["invoke", "new", "--title", "Festa al Civic Center", "--date",
                     "2024-06-03 09:30", option], exit=True)
    assert exit_.value.code == 0
    path = tmp_path / "content" / "notizie" / "2024-06-03-festa-al-civic-center.md"
    front = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    assert front["status"] == "published", front
    guide = (ROOT / "docs" / "guida-redazione.md").read_text(encoding="utf-8")
    section = guide.split("\n## Nuovo articolo dal terminale: `./run new`\n", 1)[1]
    assert f"`{option}`" in section.split("\n## ", 1)[0]

# What Windows, macOS and Word leave in a folder, each as the build's IGNORE_FILES names
# it, and a name of that kind
LEFT_BY_THE_SYSTEM = {"Thumbs.db": "Thumbs.db", "ehthumbs*.db": "ehthumbs_vista.db",
                      "desktop.ini": "desktop.ini", "Icon\r": "Icon\r",
                      "~$*": "~$rbale riunione.docx", "*:Zone.Identifier":
                      "bando.pdf:Zone.Identifier", ".*": ".DS_Store"}


def test_git_add_content_leaves_out_what_the_system_leaves_in_a_folder():
    """The guide's git path is `git add content/`: it added a Mac's .DS_Store, Windows's
    Thumbs.db and the lock file Word leaves beside an open document (~$…, with the name
    of whoever opened it), which the build ignores (IGNORE_FILES) and the guide says are
    not flagged. The project's .gitignore leaves them out; the editors' files it keeps."""
    conf = (ROOT / "pelicanconf.py").read_text(encoding="utf-8")
    ignored = re.search(r"^IGNORE_FILES = (\[[^\]]*\])", conf, re.M | re.S)[1]
    patterns = set(eval(ignored))  # noqa: S307 - a list of strings of the project's own
    assert set(LEFT_BY_THE_SYSTEM) <= patterns, patterns
    names = [*LEFT_BY_THE_SYSTEM.values(), "._foto.jpg"]
    kept = ["notizie/festa.md", "allegati/2024/Verbale riunione.docx", "immagini/Icona.jpg",
            "immagini/foto.jpg", "pages/contatti.md", "immagini/Icons/logo.png",
            "immagini/Icona", "immagini/Icon"]
    paths = [f"content/{folder}/{name}" for folder in ("notizie", "allegati/2024", "immagini")
             for name in names] + [f"content/{name}" for name in kept]
    done = subprocess.run(["git", "check-ignore", "--no-index", "-z", "--stdin"], cwd=ROOT,
                          input=("\0".join(paths) + "\0").encode(), capture_output=True,
                          check=False)  # bytes: text mode reads "Icon\r" as "Icon\n"
    assert done.returncode in (0, 1), done.stderr
    said = done.stdout.decode().split("\0")[:-1]
    assert sorted(said) == sorted(paths[:-len(kept)])
    guide = " ".join((ROOT / "docs" / "guida-redazione.md").read_text(encoding="utf-8").split())
    assert "`.DS_Store`, `~$…` di un documento aperto) non sono segnalati, e `git add" \
           " content/` non li aggiunge al progetto" in guide


def test_check_with_a_file_s_name_is_refused_as_the_guide_says():
    """`./run check content/notizie/festa.md` (a file's name given, as one checks the file
    just written) is refused by invoke in its own English, checking nothing; the guide
    quotes that answer and says check takes no name."""
    guide = (ROOT / "docs" / "guida-redazione.md").read_text(encoding="utf-8")
    section = guide.split("\n## Controllare tutto prima di pubblicare: `./run check`\n", 1)[1]
    section = " ".join(section.split("\n## ", 1)[0].split())
    quoted = re.search(r"`\./run check ([^`]+)`, il Terminale risponde `(No idea what '([^']+)'"
                       r" is!)` e non controlla nulla", section)
    assert quoted and quoted[1] == quoted[3], section[:1500]
    done = subprocess.run([sys.executable, "-m", "invoke", "check", quoted[1]], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    assert done.returncode != 0 and done.stderr.strip() == quoted[2], done.stderr
    assert "controllati" not in done.stdout + done.stderr
