"""Page counts read once per file content, with pypdf, and kept in a JSON cache.

The cache (``<ATTACHMENTS_CACHE_PATH>/metadata.json``) maps the sha256 of a
file's bytes to what was read from it: ``{"pages": 12, "tagged": false}`` (``tagged``:
whether the PDF has tags, a structure a screen reader can follow; None when it could
not be told) or, for a file that is not a readable PDF,
``{"error": "encrypted" | "unreadable", "detail": …}``.
Renaming or moving a file keeps its entry; changing a byte makes a new one.
A file pypdf cannot read within ``READ_SECONDS`` (its parser has looped forever on
crafted files) is unreadable too, and cached as such.
"""

import contextlib
import hashlib
import json
import logging
import os
import warnings

from plugins.core.budget import TimeLimitExceeded, time_limit
from plugins.core.files import keep


logger = logging.getLogger(__name__)
CACHE_FORMAT = 2  # 2: with `tagged`
ENCRYPTED = "encrypted"
UNREADABLE = "unreadable"
READ_SECONDS = 10  # a page count takes milliseconds; more is a crafted file


def file_digest(path):
    """sha256 of the file's bytes, as hex."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


@contextlib.contextmanager
def _quiet_pypdf():
    """pypdf logs and warns about every flaw it repairs; the build reports its own result."""
    pypdf_logger = logging.getLogger("pypdf")
    level = pypdf_logger.level
    pypdf_logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        pypdf_logger.setLevel(level)


def _pages_with_pdfium(path):
    """Page count with PDFium, for encryption pypdf cannot undo without extra packages."""
    try:
        import pypdfium2  # noqa: PLC0415 - optional
    except ImportError:
        return None
    try:
        document = pypdfium2.PdfDocument(path)
    except Exception:  # noqa: BLE001 - PDFium reports password and format errors alike
        return None
    try:
        return len(document)
    finally:
        document.close()


def read_pdf(path):
    """What a reader needs to know about a PDF: ``{"pages": n}`` or ``{"error": …}``."""
    with _quiet_pypdf():
        try:
            with time_limit(READ_SECONDS):
                return _read_pdf(path)
        except TimeLimitExceeded:  # not cached: a loaded machine may be the cause
            return {"error": UNREADABLE, "detail": f"not read within {READ_SECONDS} s",
                    "transient": True}


def _read_pdf(path):
    # Imported here: a build whose PDFs are all in the cache (and `invoke check`) never
    # pays pypdf's import (0.15 s).
    from pypdf import PdfReader  # noqa: PLC0415
    from pypdf.errors import DependencyError  # noqa: PLC0415

    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted:
            # Owner-password-only files (restrictions, no password to open) are fine.
            try:
                opened = reader.decrypt("")
            except DependencyError:
                pages = _pages_with_pdfium(path)
                return {"pages": pages} if pages else {"error": ENCRYPTED}
            if not opened:
                return {"error": ENCRYPTED}
        pages = len(reader.pages)
    except Exception as error:  # noqa: BLE001 - any failure means "not a readable PDF"
        return {"error": UNREADABLE, "detail": f"{type(error).__name__}: {error}"[:200]}
    if pages < 1:
        return {"error": UNREADABLE, "detail": "no pages"}
    return {"pages": pages, "tagged": _tagged(reader)}


def _tagged(reader):
    """Whether the PDF has tags (a structure a screen reader can follow): its catalog has
    a structure tree and says it is marked (``/MarkInfo << /Marked true >>``), as a PDF
    exported "with tags" does; None when the catalog cannot be read."""
    try:
        catalog = reader.trailer["/Root"]  # pypdf's [] resolves indirect objects
        mark_info = catalog["/MarkInfo"] if "/MarkInfo" in catalog else {}
        marked = "/Marked" in mark_info and getattr(mark_info["/Marked"], "value", None) is True
        return "/StructTreeRoot" in catalog and marked
    except Exception:  # noqa: BLE001 - a damaged catalog: not known, no warning
        return None


class MetadataCache:
    """A JSON file of ``{sha256: metadata}``; written only when something was added."""

    def __init__(self, folder):
        self.folder = folder
        self.path = os.path.join(folder, "metadata.json")
        self.entries = self._load()
        self.dirty = False

    def _load(self):
        try:
            with open(self.path, encoding="utf-8") as handle:
                data = json.load(handle)
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            logger.warning("ATTACHMENTS cache %s unreadable (%s): starting afresh",
                           self.path, error)
            return {}
        if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT:
            return {}
        entries = data.get("files")
        return entries if isinstance(entries, dict) else {}

    def get(self, digest):
        return self.entries.get(digest)

    def put(self, digest, entry):
        self.entries[digest] = entry
        self.dirty = True

    def save(self):
        if not self.dirty:
            return
        keep(self.path, json.dumps({"format": CACHE_FORMAT, "files": self.entries}, indent=1,
                                   sort_keys=True).encode("utf-8"))
        self.dirty = False

    def pdf_metadata(self, path, digest=None):
        """(digest, metadata) of the PDF at ``path``, reading it only when not cached."""
        digest = digest or file_digest(path)
        entry = self.get(digest)
        if not isinstance(entry, dict) or not ("pages" in entry or "error" in entry):
            entry = read_pdf(path)
            if not entry.get("transient"):  # a time limit: read again next time
                self.put(digest, entry)
        return digest, entry
