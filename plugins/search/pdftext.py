"""The text of PDF attachments, extracted once per file content and cached.

The text is read with pypdf by ``extract.py`` in child processes within bounds
(address space :data:`MEMORY_MB`, :data:`TIMEOUT` seconds per file: PDFs are
untrusted input), started only when a file is not in the cache, one per core.
The lifecycle of that child is the attachments plugin's preview renderer's
(:class:`plugins.attachments.previews.Renderer`), with another script and job.

The cache is one small JSON file per file content,
``<SEARCH_CACHE_PATH>/pdf-text/<sha256>.json``, written atomically:
``{"format": 2, "text": …, "pages": n, "truncated": bool, "limit": max_chars}``,
or ``{"format": 2, "error": code, "detail": …, "limit": max_chars}`` for a file
with no text to index (a scan, encrypted, unreadable, too slow or too big to read).
An entry of another format is read again: :data:`CACHE_FORMAT` changes with what the
text is (format 2: without the running headers and footers of ``extract.assemble``;
format 1 entries still have them).
Renaming a file keeps its entry; changing a byte makes a new one; a larger
``SEARCH_PDF_MAX_CHARS`` reads a truncated text again, and any other limit a file
judged without text (the verdict counts the letters of the pages read, up to the
limit); a timeout or a crash is tried again once (``previews.settled``). Deleting
the folder is always safe.

A file without text is published and listed as usual but not indexed; the build
logs a warning naming it when it is first read, and an info line on later builds.
"""

import json
import logging
import os
import re
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

from plugins.attachments import previews
from plugins.attachments.pdfinfo import file_digest
from plugins.core.files import keep

from . import extract as child

logger = logging.getLogger(__name__)
CACHE_FORMAT = 2  # 2: the text without running headers and footers
TIMEOUT = 30  # seconds to read one file
MEMORY_MB = 512  # address space the child may add to what it uses after importing pypdf
WORKERS = min(os.cpu_count() or 1, 4)  # child processes reading PDFs at once
DIGEST = re.compile(r"^[0-9a-f]{64}$")
REASONS = {  # error code -> Italian, English
    child.NO_TEXT: ("non contiene testo: forse è una scansione",
                    "no text layer: a scanned document?"),
    child.ENCRYPTED: ("è cifrato", "it is encrypted"),
    child.UNREADABLE: ("non si riesce a leggerlo ({detail})", "unreadable ({detail})"),
    child.MEMORY: ("la lettura ha superato {detail} MB di memoria",
                   "reading it needed over {detail} MB"),
    "timeout": ("la lettura ha superato {detail} secondi", "reading it took over {detail} s"),
    "crash": ("il processo di lettura si è interrotto ({detail})",
              "the reading process ended ({detail})"),
}


def reason(entry):
    """A cached failure -> ``(Italian, English)`` texts."""
    italian, english = REASONS.get(entry.get("error"), ("{detail}", "{detail}"))
    detail = entry.get("detail") or entry.get("error", "?")
    return italian.format(detail=detail), english.format(detail=detail)


class TextCache:
    """``<folder>/<sha256>.json`` per file content."""

    def __init__(self, folder):
        self.folder = folder

    def _path(self, digest):
        if not DIGEST.match(digest):
            raise ValueError(f"not a sha256: {digest!r}")
        return os.path.join(self.folder, f"{digest}.json")

    def get(self, digest, max_chars):
        """The entry for ``digest`` when it holds what ``max_chars`` needs, else None."""
        entry = self.stored(digest)
        if entry is None or entry.get("format") != CACHE_FORMAT:
            return None
        if isinstance(entry.get("error"), str):
            if not previews.settled(entry):
                return None  # a timeout or crash: tried again
            if entry["error"] == child.NO_TEXT and entry.get("limit") != max_chars:
                return None  # judged on the pages read up to another limit
            return entry
        text, limit = entry.get("text"), entry.get("limit")
        if not isinstance(text, str) or not isinstance(limit, int):
            return None
        if entry.get("truncated") and limit < max_chars:
            return None  # read again, further
        return entry

    def stored(self, digest):
        """The entry on disk, whatever it holds (None when there is none)."""
        try:
            with open(self._path(digest), encoding="utf-8") as handle:
                entry = json.load(handle)
        except (OSError, ValueError):
            return None
        return entry if isinstance(entry, dict) else None

    def put(self, digest, entry):
        keep(self._path(digest), json.dumps({"format": CACHE_FORMAT, **entry},
                                            ensure_ascii=False).encode("utf-8"))


class Extractor(previews.Renderer):
    """One child process (``extract.py``) reading a build's new PDFs, one at a time."""

    def __init__(self, timeout=TIMEOUT, memory_mb=MEMORY_MB, command=None):
        super().__init__(timeout, memory_mb, command or [
            sys.executable, "-I", child.__file__, str(memory_mb)])

    def extract(self, pdf_path, max_chars):
        """``{"text", "pages", "truncated"}`` or ``{"error", "detail"}`` (cache either);
        raises :class:`previews.Unavailable` when the child cannot start."""
        answer = self.ask({"pdf": os.fspath(pdf_path), "max_chars": max_chars})
        if not isinstance(answer.get("text"), str) and not isinstance(answer.get("error"), str):
            return {"error": "crash", "detail": "unexpected answer"}
        return answer


def pdf_texts(pdfs, cache, max_chars, extractor=None):
    """``{name: text}`` for ``pdfs``, ``[(name, path, digest or None)]``; files with no
    text to index are left out (and logged). ``name`` is the file as editors know it
    (``allegati/x.pdf``), for the messages. Each file is read at most once per content:
    the new ones by ``extractor``, or by child processes of their own, one per core up
    to :data:`WORKERS`.
    """
    entries, missing = [], []
    for name, path, digest in pdfs:
        digest = digest or file_digest(path)
        entries.append((name, digest, cache.get(digest, max_chars)))
        if entries[-1][2] is None:
            missing.append((path, digest))
    try:
        read = _extract(missing, max_chars, extractor)
    except previews.Unavailable as error:
        logger.warning("Search index: PDF text cannot be read (%s): no PDF text in this"
                       " build", error)
        return {}
    texts = {}
    for name, digest, entry in entries:
        fresh = entry is None
        if fresh:
            entry = {**previews.counted(read[digest], cache.stored(digest)),
                     "limit": max_chars}
            cache.put(digest, entry)
        if "error" in entry:
            italian, english = reason(entry)
            log = logger.warning if fresh else logger.info
            log("PDF non indicizzato nella ricerca: %s (%s) / PDF not searchable: %s (%s)",
                name, italian, name, english)
            continue
        texts[name] = child.cut(entry["text"], max_chars)
    return texts


def _extract(missing, max_chars, extractor=None):
    """``{digest: answer}`` for the files not in the cache (each content read once)."""
    jobs = list(dict((digest, path) for path, digest in missing).items())
    if extractor is not None:
        return {digest: extractor.extract(path, max_chars) for digest, path in jobs}
    local, extractors, lock = threading.local(), [], threading.Lock()

    def read(job):
        digest, path = job
        if not hasattr(local, "extractor"):  # a child process per thread, when needed
            local.extractor = Extractor()
            with lock:
                extractors.append(local.extractor)
        return digest, local.extractor.extract(path, max_chars)

    try:
        with ThreadPoolExecutor(max(1, min(WORKERS, len(jobs)))) as pool:
            return dict(pool.map(read, jobs))
    finally:
        for each in extractors:
            each.close()
