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

Pages are read until ``max_chars`` characters are reached; the parent kills the
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
CORE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "core")


def clean(text):
    """Extracted text as one line of words: ligatures split (NFKC), line-break
    hyphens joined, control characters dropped, runs of white space collapsed."""
    text = unicodedata.normalize("NFKC", text)
    text = HYPHENATED.sub("", text)
    text = CONTROLS.sub(" ", text)
    return SPACES.sub(" ", text).strip()


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
        parts, length, read = [], 0, 0
        for page in reader.pages:
            text = clean(page.extract_text() or "")
            read += 1
            if text:
                parts.append(text)
                length += len(text) + 1
            if length >= max_chars:
                break
        pages = len(reader.pages)
    except MemoryError:
        return {"error": MEMORY, "detail": str(megabytes)}
    except FileNotDecryptedError as error:
        return {"error": ENCRYPTED, "detail": str(error)[:200]}
    except Exception as error:  # noqa: BLE001 - malformed PDFs fail in many ways
        return {"error": UNREADABLE, "detail": f"{type(error).__name__}: {error}"[:200]}
    text = " ".join(parts)
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
