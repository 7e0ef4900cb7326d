"""The text of PDF attachments for the search index (plugins/search/pdftext.py, extract.py):
real PDFs read by the real child process, the cache by content hash, the bounds."""

import json
import logging
import sys

import pytest

import samples
from plugins.attachments.pdfinfo import file_digest
from plugins.search import extract, pdftext

LONG = "\n".join(f"Riga {n}: il laboratorio di comunità si riunisce ogni martedì." for n in range(40))


@pytest.fixture(scope="module")
def extractor():
    """One child process for the module, as one build has."""
    with pdftext.Extractor() as child:
        yield child


@pytest.fixture
def write(tmp_path):
    def _write(name, data):
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return _write


class Counting:
    """An extractor that counts its jobs and answers from a table."""

    def __init__(self, answers):
        self.answers = answers
        self.jobs = []

    def extract(self, path, max_chars):
        self.jobs.append((path.name, max_chars))
        return dict(self.answers[path.name])

    def close(self):
        pass


# -- cleaning --------------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "clean"), [
    ("labora-\ntorio  di\n\ncomunità", "laboratorio di comunità"),
    ("socio-sanitario", "socio-sanitario"),  # a real hyphen stays
    ("Crema -\n12 maggio", "Crema - 12 maggio"),
    ("\ufb01ne \ufb02usso", "fine flusso"),  # ligatures from typeset PDFs
    ("a\x00b\x07c\ufffe", "a b c"),
    ("  \t ", ""),
])
def test_clean_joins_words_and_drops_noise(raw, clean):
    assert extract.clean(raw) == clean


def test_cut_ends_at_a_word_and_never_exceeds_the_limit():
    text = "parola " * 100
    assert extract.cut(text, 1000) == text
    cut = extract.cut(text.strip(), 50)
    assert len(cut) <= 50 and cut.endswith("parola")
    assert extract.cut("x" * 80, 50) == "x" * 50  # no space to end at


# -- real PDFs, in the child process ---------------------------------------------------------

def test_text_of_every_page_in_reading_order(extractor, write):
    path = write("t.pdf", samples.text_pdf("Il laboratorio di ceramica\nsi tiene a Crema.",
                                           "Seconda pagina: iscrizioni aperte."))
    answer = extractor.extract(path, 20_000)
    assert answer == {"text": "Il laboratorio di ceramica si tiene a Crema. Seconda pagina:"
                              " iscrizioni aperte.", "pages": 2, "truncated": False}


def test_long_text_is_capped_and_marked_truncated(extractor, write):
    path = write("lungo.pdf", samples.text_pdf(LONG, LONG, LONG))
    answer = extractor.extract(path, 600)
    assert len(answer["text"]) <= 600 and answer["text"].startswith("Riga 0: il laboratorio")
    assert answer["truncated"] is True and answer["pages"] == 3


@pytest.mark.parametrize(("data", "error"), [
    (samples.scanned_pdf(), extract.NO_TEXT),  # page images, no text layer
    (samples.pdf(2), extract.NO_TEXT),  # blank pages
    (samples.text_pdf("", "", "", header="Comune di Crema"), extract.NO_TEXT),  # a letterhead
    (samples.text_pdf("segreto", user_password="chiave"), extract.ENCRYPTED),
    (b"%PDF-1.7\n" + samples.BINARY, extract.UNREADABLE),
])
def test_files_without_text_to_index(extractor, write, data, error):
    answer = extractor.extract(write("x.pdf", data), 20_000)
    assert answer["error"] == error


def test_restrictions_without_a_password_to_open_do_not_stop_reading(extractor, write):
    path = write("o.pdf", samples.text_pdf("Bando per i laboratori", owner_password="ufficio"))
    assert extractor.extract(path, 20_000)["text"] == "Bando per i laboratori"


def test_a_job_over_time_is_killed_and_reported(tmp_path):
    slow = [sys.executable, "-c", "import sys, time; print('{\"ready\": true}', flush=True);"
                                  " sys.stdin.readline(); time.sleep(60)"]
    with pdftext.Extractor(timeout=0.5, command=slow) as child:
        assert child.extract(tmp_path / "x.pdf", 100) == {"error": "timeout", "detail": "0.5"}
        assert child.process is None  # killed; the next job starts a new one


def test_a_child_that_dies_is_reported_as_a_crash(tmp_path):
    dying = [sys.executable, "-c", "import sys; print('{\"ready\": true}', flush=True);"
                                   " sys.stdin.readline(); sys.exit(3)"]
    with pdftext.Extractor(command=dying) as child:
        assert child.extract(tmp_path / "x.pdf", 100) == {"error": "crash",
                                                           "detail": "exit status 3"}


# -- running headers and footers -------------------------------------------------------------

HEADER = "FareLegami – Comunicato stampa"
NUMBERED = "Pagina {page} di {pages}"
PAGES = ("Il laboratorio di ceramica apre a Crema.\nPortate una girandola.",
         "Le iscrizioni chiudono a maggio.\nServe il modulo firmato.",
         "Per informazioni scrivete allo sportello.\nGrazie ai volontari.")
BODY = ("Il laboratorio di ceramica apre a Crema. Portate una girandola. Le iscrizioni chiudono"
        " a maggio. Serve il modulo firmato. Per informazioni scrivete allo sportello. Grazie ai"
        " volontari.")


@pytest.mark.parametrize("footer_first", [False, True])  # LibreOffice's order, then Word's
def test_running_header_kept_once_page_numbers_dropped(extractor, write, footer_first):
    """Every page's header and "Pagina N di M" were text: an excerpt read "…una girandola.
    Pagina 1 di 3 FareLegami – Comunicato stampa Le iscrizioni…", and "stampa" matched the
    document once per page."""
    path = write("c.pdf", samples.text_pdf(*PAGES, header=HEADER, footer=NUMBERED,
                                           footer_first=footer_first))
    assert extractor.extract(path, 20_000) == {"text": f"{HEADER} {BODY}", "pages": 3,
                                               "truncated": False}


@pytest.mark.parametrize("footer", ["{page}", "{page}/{pages}", "- {page} -", "pag. {page}",
                                    "Pagina {page}"])
def test_bare_page_numbers_are_dropped(extractor, write, footer):
    path = write("n.pdf", samples.text_pdf(*PAGES, footer=footer))
    assert extractor.extract(path, 20_000)["text"] == BODY


def test_a_page_number_is_dropped_from_the_running_line_kept_once(extractor, write):
    path = write("f.pdf", samples.text_pdf(*PAGES, footer="FareLegami APS, Crema – Pagina {page}"
                                                          " di {pages}"))
    assert extractor.extract(path, 20_000)["text"] == f"FareLegami APS, Crema {BODY}"


def test_a_header_on_most_pages_is_running_on_a_few_it_is_text(extractor, write):
    cover = "Rassegna d'autunno\nIl programma completo."
    path = write("m.pdf", samples.text_pdf(cover, *(f"{HEADER}\n{page}" for page in PAGES)))
    assert extractor.extract(path, 20_000)["text"] == (  # on 3 pages of 4: kept once
        f"{HEADER} Rassegna d'autunno Il programma completo. {BODY}")
    two = (f"{HEADER}\n{PAGES[0]}", PAGES[1], PAGES[2], f"{HEADER}\n{cover}")
    path = write("d.pdf", samples.text_pdf(*two))
    assert extractor.extract(path, 20_000)["text"] == " ".join(  # on 2 of 4: all of it
        extract.clean(page) for page in two)


def test_a_pdf_of_one_page_keeps_every_line(extractor, write):
    path = write("u.pdf", samples.text_pdf(PAGES[0], header=HEADER, footer=NUMBERED))
    assert extractor.extract(path, 20_000)["text"] == (
        f"{HEADER} Il laboratorio di ceramica apre a Crema. Portate una girandola. Pagina 1 di 1")


def test_lines_repeated_inside_the_pages_stay(extractor, write):
    """Only the first and last lines of a page are its header and footer: a line repeated in
    the body of every page, or a number there (a table's), is text."""
    pages = [("\n".join(f"{animal} {action}." for action in ("corre", "salta", "dorme", "mangia"))
              + "\nOrario: dalle 9 alle 12.\n12\n"
              + "\n".join(f"{animal} {action}." for action in ("gioca", "nuota", "vola", "canta")))
             for animal in ("Il gatto", "Il cane", "La volpe")]
    path = write("r.pdf", samples.text_pdf(*pages))
    text = extractor.extract(path, 20_000)["text"]
    assert text == " ".join(extract.clean(page) for page in pages)
    assert text.count("Orario: dalle 9 alle 12. 12 ") == 3


def test_the_limit_counts_the_text_without_its_running_lines(extractor, write):
    """Reading stopped when the text with its headers reached the limit: dropped, they left
    the index short of the pages after."""
    header = "FareLegami – Rete di welfare di comunità della provincia di Cremona – Comunicato"
    pages = [f"Capitolo {word}: il quartiere si racconta in una serata di festa." for word in
             ("primo", "secondo", "terzo", "quarto", "quinto", "sesto", "settimo", "ottavo")]
    path = write("l.pdf", samples.text_pdf(*pages, header=header, footer=NUMBERED))
    answer = extractor.extract(path, 500)
    assert answer["truncated"] is True and answer["pages"] == 8
    text = answer["text"]
    assert len(text) <= 500 and text.startswith(f"{header} Capitolo primo:")
    assert text.count("FareLegami") == 1 and "Pagina" not in text
    assert "Capitolo sesto" in text  # read on: with their headers, 4 pages made 500 characters


# -- the cache ------------------------------------------------------------------------------

def test_each_content_is_read_once_and_renames_keep_the_entry(tmp_path, write):
    data = samples.text_pdf("Orari dello sportello")
    first, renamed = write("a.pdf", data), write("b.pdf", data)
    cache = pdftext.TextCache(tmp_path / "cache")
    fake = Counting({"a.pdf": {"text": "Orari dello sportello", "pages": 1, "truncated": False}})
    assert pdftext.pdf_texts([("allegati/a.pdf", first, None)], cache, 20_000, fake) == {
        "allegati/a.pdf": "Orari dello sportello"}
    assert pdftext.pdf_texts([("allegati/b.pdf", renamed, None)], cache, 20_000, fake) == {
        "allegati/b.pdf": "Orari dello sportello"}
    assert fake.jobs == [("a.pdf", 20_000)]
    entry = json.loads((tmp_path / "cache" / f"{file_digest(first)}.json").read_text())
    assert entry == {"format": 2, "text": "Orari dello sportello", "pages": 1,
                     "truncated": False, "limit": 20_000}


def test_changed_bytes_are_read_again(tmp_path, write):
    cache = pdftext.TextCache(tmp_path / "cache")
    fake = Counting({"a.pdf": {"text": "uno", "pages": 1, "truncated": False}})
    path = write("a.pdf", samples.text_pdf("uno"))
    pdftext.pdf_texts([("a.pdf", path, None)], cache, 20_000, fake)
    write("a.pdf", samples.text_pdf("due"))
    pdftext.pdf_texts([("a.pdf", path, None)], cache, 20_000, fake)
    assert len(fake.jobs) == 2


def test_a_larger_limit_reads_a_truncated_text_again_a_smaller_one_cuts_it(tmp_path, write):
    cache = pdftext.TextCache(tmp_path / "cache")
    path = write("a.pdf", samples.text_pdf(LONG))
    text = extract.clean(LONG)
    fake = Counting({"a.pdf": {"text": text[:1000], "pages": 1, "truncated": True}})
    pdftext.pdf_texts([("a.pdf", path, None)], cache, 1000, fake)
    assert len(pdftext.pdf_texts([("a.pdf", path, None)], cache, 600, fake)["a.pdf"]) <= 600
    assert fake.jobs == [("a.pdf", 1000)]
    pdftext.pdf_texts([("a.pdf", path, None)], cache, 5000, fake)
    assert fake.jobs == [("a.pdf", 1000), ("a.pdf", 5000)]
    # a complete text serves any limit
    fake.answers["a.pdf"] = {"text": "breve", "pages": 1, "truncated": False}
    write("a.pdf", samples.text_pdf("breve"))
    pdftext.pdf_texts([("a.pdf", path, None)], cache, 500, fake)
    pdftext.pdf_texts([("a.pdf", path, None)], cache, 500_000, fake)
    assert len(fake.jobs) == 3


@pytest.mark.parametrize("stored", ["{not json", '{"format": 0, "text": "x", "limit": 9}',
                                    '{"format": 1, "text": 7}', "[]"])
def test_a_damaged_cache_entry_is_read_again(tmp_path, write, stored):
    path = write("a.pdf", samples.text_pdf("testo"))
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / f"{file_digest(path)}.json").write_text(stored)
    fake = Counting({"a.pdf": {"text": "testo", "pages": 1, "truncated": False}})
    assert pdftext.pdf_texts([("a.pdf", path, None)], pdftext.TextCache(folder), 100, fake) == {
        "a.pdf": "testo"}
    assert len(fake.jobs) == 1


def test_an_entry_of_the_text_with_running_headers_is_read_again(tmp_path, write, extractor):
    """The cached text of before (format 1) had every page's header and page number."""
    path = write("c.pdf", samples.text_pdf(*PAGES, header=HEADER, footer=NUMBERED))
    folder = tmp_path / "cache"
    folder.mkdir()
    stale = " ".join(f"{HEADER} {extract.clean(page)} Pagina {n} di 3"
                     for n, page in enumerate(PAGES, 1))
    (folder / f"{file_digest(path)}.json").write_text(json.dumps(
        {"format": 1, "text": stale, "pages": 3, "truncated": False, "limit": 20_000}))
    cache = pdftext.TextCache(folder)
    assert pdftext.pdf_texts([("c.pdf", path, None)], cache, 20_000, extractor) == {
        "c.pdf": f"{HEADER} {BODY}"}
    assert cache.stored(file_digest(path))["format"] == pdftext.CACHE_FORMAT


def test_a_file_without_text_is_left_out_warned_once_then_info(tmp_path, write, caplog):
    path = write("scansione.pdf", samples.scanned_pdf())
    cache = pdftext.TextCache(tmp_path / "cache")
    fake = Counting({"scansione.pdf": {"error": "no-text", "detail": "0 letters on 2 pages"}})
    pdfs = [("allegati/scansione.pdf", path, None)]
    with caplog.at_level(logging.INFO, logger="plugins.search.pdftext"):
        assert pdftext.pdf_texts(pdfs, cache, 20_000, fake) == {}
        assert pdftext.pdf_texts(pdfs, cache, 20_000, fake) == {}
    assert len(fake.jobs) == 1  # the failure is cached too
    assert [(r.levelname, r.getMessage()) for r in caplog.records] == [
        ("WARNING", "PDF non indicizzato nella ricerca: allegati/scansione.pdf (non contiene"
                    " testo: forse è una scansione) / PDF not searchable: allegati/scansione.pdf"
                    " (no text layer: a scanned document?)"),
        ("INFO", "PDF non indicizzato nella ricerca: allegati/scansione.pdf (non contiene"
                 " testo: forse è una scansione) / PDF not searchable: allegati/scansione.pdf"
                 " (no text layer: a scanned document?)"),
    ]


def test_no_text_judged_up_to_one_limit_is_judged_again_at_another(tmp_path, write):
    """The verdict counts the letters of the pages read, and reading stops at the limit:
    a typed cover then a scanned annex is 'no text' at a small limit only."""
    path = write("misto.pdf", samples.text_pdf("Copertina"))
    cache = pdftext.TextCache(tmp_path / "cache")
    fake = Counting({"misto.pdf": {"error": "no-text", "detail": "9 letters on 2 pages"}})
    pdfs = [("allegati/misto.pdf", path, None)]
    pdftext.pdf_texts(pdfs, cache, 500, fake)
    pdftext.pdf_texts(pdfs, cache, 500, fake)
    assert fake.jobs == [("misto.pdf", 500)]  # the same limit: the cached verdict
    fake.answers["misto.pdf"] = {"text": "Copertina Allegato", "pages": 90, "truncated": False}
    assert pdftext.pdf_texts(pdfs, cache, 20_000, fake) == {
        "allegati/misto.pdf": "Copertina Allegato"}
    assert fake.jobs == [("misto.pdf", 500), ("misto.pdf", 20_000)]


def test_a_timeout_is_read_again_once_then_cached(tmp_path, write):
    path = write("lento.pdf", samples.text_pdf("testo"))
    cache = pdftext.TextCache(tmp_path / "cache")
    fake = Counting({"lento.pdf": {"error": "timeout", "detail": "30"}})
    for _ in range(3):
        assert pdftext.pdf_texts([("lento.pdf", path, None)], cache, 100, fake) == {}
    assert len(fake.jobs) == 2
    assert cache.stored(file_digest(path))["attempts"] == 2


def test_no_child_process_means_no_pdf_text_and_a_warning(tmp_path, write, caplog):
    path = write("a.pdf", samples.text_pdf("testo"))
    broken = pdftext.Extractor(command=[str(tmp_path / "missing-python")])
    with caplog.at_level(logging.WARNING):
        assert pdftext.pdf_texts([("a.pdf", path, None)], pdftext.TextCache(tmp_path / "c"),
                                 100, broken) == {}
    assert "no PDF text in this build" in caplog.text
    assert not (tmp_path / "c").exists()  # nothing cached


def test_cache_refuses_names_that_are_not_digests(tmp_path):
    with pytest.raises(ValueError):
        pdftext.TextCache(tmp_path).put("../../etc/passwd", {"text": "x"})
