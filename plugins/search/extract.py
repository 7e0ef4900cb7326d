"""The child process that extracts the text of PDFs: pypdf on untrusted files, within bounds.

:class:`pdftext.Extractor` runs this file as ``python -I extract.py MEMORY_MB``.
It stands alone (the standard library, pypdf and the protocol of
plugins/core/childproc.py; no Pelican) so that it starts quickly and shares
nothing with the build. After importing pypdf it limits its own address space to
what it uses plus ``MEMORY_MB``, then answers one job at a time:

- in, on stdin, one JSON line per job: ``{"pdf": path, "max_chars": n}``;
- out, on the stdout it was started with (library noise goes to stderr), one JSON
  line: ``{"ready": true}`` once, then per job ``{"text": str, "pages": n,
  "truncated": bool}`` or ``{"error": code, "detail": text}``, code one of
  ``no-text`` (no text layer: a scan), ``encrypted``, ``unreadable``, ``memory``.

Pages are read until ``max_chars`` characters are reached, not counting the running
headers and footers of a PDF of several pages (:func:`assemble`); the parent kills the
process when a job takes too long. After running out of memory the process
answers and exits: the parent starts a new one for the next job.
"""

import logging
import os
import re
import sys
import unicodedata
import warnings

NO_TEXT = "no-text"
ENCRYPTED = "encrypted"
UNREADABLE = "unreadable"
MEMORY = "memory"  # plugins/core/childproc.py's code for it
MIN_LETTERS_PER_PAGE = 8  # fewer letters than this per page read: no text layer (a scan)
HYPHENATED = re.compile(r"(?<=[^\W\d_])-\n(?=[a-zà-ÿ])")  # "labora-\ntorio"
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
SPACES = re.compile(r"\s+")
# Running headers and footers are looked for in the first and last EDGE_LINES lines of
# each page's text (pypdf gives a page's text in drawing order: LibreOffice draws the
# header first and the footer last, Word draws both before the body).
EDGE_LINES = 4
DIGITS = re.compile(r"\d+")
# A line that is only a page number: "3", "- 3 -", "3/12", "Pagina 3 di 12", "pag. 3".
PAGE_NUMBER = re.compile(r"[-–—\s]*(?:(?:pagina|pag\.?|pg\.|p\.|page)\s*)?\d{1,3}"
                         r"(?:\s*(?:di|of|/)\s*\d{1,3})?[-–—\s]*", re.IGNORECASE)
# "Pagina 3 di 12" within a running line kept once ("FareLegami – Pagina 3 di 12").
PAGE_PHRASE = re.compile(r"\b(?:pagina|pag\.?|page)\s*\d{1,3}(?:\s*(?:di|of|/)\s*\d{1,3})?",
                         re.IGNORECASE)
CORE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "core")


def clean(text):
    """Extracted text as one line of words: ligatures split (NFKC), line-break
    hyphens joined, control characters dropped, runs of white space collapsed."""
    text = unicodedata.normalize("NFKC", text)
    text = HYPHENATED.sub("", text)
    text = CONTROLS.sub(" ", text)
    return SPACES.sub(" ", text).strip()


def assemble(pages):
    """The text of a PDF's pages (each pypdf's text, lines split on newlines), cleaned,
    as one line, without its running headers and footers when it has several pages.

    A line in the first or last :data:`EDGE_LINES` lines of most pages (at least two;
    lines compared cleaned, in lower case, their digits alike, so that "Pagina 2 di 3"
    and "Pagina 3 di 3" are the same line) is a running header or footer: an excerpt
    read it in the middle of the text, and a search for one of its words matched it once
    per page. It is kept once, at the start of the text, as first seen (without a
    "Pagina N di M" in it): it is usually the document's letterhead or title, words a
    search should still find it by. A line there that is only a page number ("3", "3/12",
    "Pagina 3 di 12") is dropped whether it repeats or not. Lines within the body of a
    page are never dropped, nor any line of a PDF with one page of text.
    """
    pages = [page for page in pages if clean(page)]
    if len(pages) < 2:
        return " ".join(clean(page) for page in pages)
    pages = [[line for line in page.splitlines() if clean(line)] for page in pages]

    def key(line):
        return DIGITS.sub("0", clean(line)).casefold()

    def at_edge(lines, index):
        return index < EDGE_LINES or index >= len(lines) - EDGE_LINES

    seen = {}
    for lines in pages:
        for each in {key(line) for index, line in enumerate(lines) if at_edge(lines, index)}:
            seen[each] = seen.get(each, 0) + 1
    running = {each for each, count in seen.items() if count >= 2 and count * 2 > len(pages)}
    heading, bodies = {}, []
    for lines in pages:
        body = []
        for index, line in enumerate(lines):
            if at_edge(lines, index):
                if PAGE_NUMBER.fullmatch(clean(line)):
                    continue
                if key(line) in running:
                    kept = clean(PAGE_PHRASE.sub(" ", clean(line))).strip(" -–—|·")
                    if any(character.isalpha() for character in kept):
                        heading.setdefault(key(line), kept)
                    continue
            body.append(line)
        bodies.append(clean("\n".join(body)))
    return " ".join(part for part in (*heading.values(), *bodies) if part)


def cut(text, max_chars):
    """``text`` in at most ``max_chars`` characters, ending at a word when it can."""
    if len(text) <= max_chars:
        return text
    head = text[:max_chars]
    space = head.rfind(" ")
    return head[:space] if space > max_chars * 0.8 else head


def extract(job, megabytes):
    """One job's answer (see the module docstring)."""
    from pypdf import PdfReader  # noqa: PLC0415 - imported before the memory limit, in main()
    from pypdf.errors import DependencyError, FileNotDecryptedError  # noqa: PLC0415

    max_chars = int(job["max_chars"])
    try:
        reader = PdfReader(job["pdf"], strict=False)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):  # a password is needed to open it
                    return {"error": ENCRYPTED, "detail": "password"}
            except (DependencyError, NotImplementedError) as error:  # AES without cryptography
                return {"error": ENCRYPTED, "detail": str(error)[:200]}
        texts, length, read, target = [], 0, 0, max_chars
        for page in reader.pages:
            text = page.extract_text() or ""
            read += 1
            if text.strip():
                texts.append(text)
                length += len(clean(text)) + 1
            if length >= target:  # enough, unless running lines are dropped: then read on
                kept = len(assemble(texts))
                if kept >= max_chars:
                    break
                target = length + max(max_chars - kept, length // 4)
        pages = len(reader.pages)
    except MemoryError:
        return {"error": MEMORY, "detail": str(megabytes)}
    except FileNotDecryptedError as error:
        return {"error": ENCRYPTED, "detail": str(error)[:200]}
    except Exception as error:  # noqa: BLE001 - malformed PDFs fail in many ways
        return {"error": UNREADABLE, "detail": f"{type(error).__name__}: {error}"[:200]}
    text = assemble(texts)
    letters = sum(1 for character in text if character.isalnum())
    if letters < MIN_LETTERS_PER_PAGE * max(read, 1):
        return {"error": NO_TEXT, "detail": f"{letters} letters on {read} pages"}
    return {"text": cut(text, max_chars), "pages": pages,
            "truncated": len(text) > max_chars or read < pages}


def _load():
    logging.disable(logging.CRITICAL)  # pypdf logs every flaw it repairs
    warnings.simplefilter("ignore")
    import pypdf  # noqa: F401, PLC0415 - loaded before the memory limit


def main(argv):
    sys.path.insert(0, CORE)  # this process's own path (-I leaves out the script's folder)
    import childproc  # noqa: PLC0415 - plugins/core/childproc.py, standard library only

    childproc.serve(argv, _load, extract)


if __name__ == "__main__":
    main(sys.argv)
