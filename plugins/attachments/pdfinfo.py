"""Page counts and what a screen reader gets of a PDF, read once per file content with
pypdf, and kept in a JSON cache.

The cache (``<ATTACHMENTS_CACHE_PATH>/metadata.json``) maps the sha256 of a
file's bytes to what was read from it: ``{"pages": 12, "tagged": false, "titled": true,
"title_shown": false, "lang": true, "text": true, "images": false}`` (see
:func:`_access`; each None when it could not be told) or, for a file that is not a
readable PDF, ``{"error": "encrypted" | "unreadable", "detail": …}``. What is wrong
for a screen reader's user, from that entry: :func:`shortcomings`.
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
CACHE_FORMAT = 3  # 2: with `tagged`; 3: title, language, text (`_access`)
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
    return {"pages": pages, **_access(reader)}


def _access(reader):
    """What a screen reader gets of the PDF that ``reader`` opened, read from its catalog,
    its document information and its pages' resources (no page's content is decoded):

    - ``tagged``: it has tags (:func:`_tagged`);
    - ``titled``: a title, ``/Title`` of the document information or ``dc:title`` of its
      XMP metadata; ``title_shown``: the catalog's ``/ViewerPreferences`` say
      ``/DisplayDocTitle true``, so a reader's window (and the screen reader) names the
      document by that title, not by its file's name;
    - ``lang``: the catalog's ``/Lang`` (``it-IT``), the language a screen reader speaks;
    - ``text``: a page (or a form it draws) has a font, so it draws text a screen reader can
      read; ``images``: one draws an image. No font but images: a scan.

    Each None when it cannot be told (a damaged part: no warning)."""
    found = {"tagged": _tagged(reader)}
    try:
        catalog = reader.trailer["/Root"]
    except Exception:  # noqa: BLE001 - a damaged catalog: nothing known
        catalog = None
    found["titled"] = _read(_titled, reader)
    found["title_shown"] = _read(_flag, catalog, "/ViewerPreferences", "/DisplayDocTitle")
    found["lang"] = _read(lambda: bool(str(catalog.get("/Lang") or "").strip()))
    found["text"], found["images"] = _read(_drawn, reader) or (None, None)
    return found


def _read(how, *args):
    """``how(*args)``, or None when the PDF's part it reads is damaged."""
    try:
        return how(*args)
    except Exception:  # noqa: BLE001 - pypdf's errors of a damaged object are of any kind
        return None


def _flag(catalog, dictionary, key):
    """Whether ``catalog``'s ``dictionary`` says ``key`` true."""
    value = catalog.get(dictionary)
    value = value.get_object() if value is not None else {}
    flag = value.get(key) if hasattr(value, "get") else None
    return getattr(flag, "value", flag) is True


def _titled(reader):
    info = reader.metadata
    if info is not None and str(info.get("/Title") or "").strip():
        return True
    xmp = reader.xmp_metadata
    return bool(xmp is not None and any(str(title).strip()
                                        for title in (xmp.dc_title or {}).values()))


FORM_DEPTH = 4  # forms drawn by forms drawn by a page: deeper ones are not looked into


def _drawn(reader):
    """``(text, images)``: whether any page uses a font (draws text), and an image; from
    the pages' resources (their fonts and images, and those of the forms they draw), each
    object looked at once; it stops at the first font."""
    seen, images = set(), False
    for page in reader.pages:
        text, image = _resources(page.get("/Resources"), seen, FORM_DEPTH)
        images = images or image
        if text:
            return True, images
    return False, images


def _resources(resources, seen, depth):
    resources = resources.get_object() if resources is not None else None
    if not hasattr(resources, "get"):
        return False, False
    fonts = resources.get("/Font")
    if fonts is not None and len(fonts.get_object()):
        return True, False
    images = False
    xobjects = resources.get("/XObject")
    xobjects = xobjects.get_object() if xobjects is not None else {}
    for value in (xobjects.values() if hasattr(xobjects, "values") else ()):
        number = getattr(value, "idnum", None)
        if number is not None:
            if number in seen:
                continue
            seen.add(number)
        drawn = value.get_object()
        kind = drawn.get("/Subtype") if hasattr(drawn, "get") else None
        if kind == "/Image":
            images = True
        elif kind == "/Form" and depth > 0:
            text, image = _resources(drawn.get("/Resources"), seen, depth - 1)
            images = images or image
            if text:
                return True, images
    return False, images


def without_text(metadata):
    """Whether the PDF of ``metadata`` (an entry of the cache) draws no text at all:
    nothing for a screen reader to read (what could not be told is not that)."""
    return metadata.get("text") is False


def scanned(metadata):
    """Whether the PDF of ``metadata`` is a scan: no text, only images of its pages (its
    link says so, plugins/attachments' ``IMAGES_ONLY``; the statement's warning names it)."""
    return without_text(metadata) and bool(metadata.get("images"))


def shortcomings(metadata):
    """What is wrong with a PDF for a screen reader's user, from ``metadata`` (an entry of
    the cache): ``"text"`` alone when it draws no text (:func:`without_text`: a scan,
    :func:`scanned`, or blank pages; nothing to read, whatever else it has), else those
    of ``"tags"``, ``"title"`` (none), ``"title_shown"`` (one the reader's window does
    not show) and ``"lang"`` it lacks, in that order. What could not be told is not a
    shortcoming."""
    if without_text(metadata):
        return ["text"]
    found = ["tags"] if metadata.get("tagged") is False else []
    if metadata.get("titled") is False:
        found.append("title")
    elif metadata.get("titled") and metadata.get("title_shown") is False:
        found.append("title_shown")
    if metadata.get("lang") is False:
        found.append("lang")
    return found


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

    def __init__(self, folder, entries=None):
        """``entries``: those of another instance for the same folder, already read (and
        shared: what either adds, the other has), instead of reading the file again."""
        self.folder = folder
        self.path = os.path.join(folder, "metadata.json")
        self.entries = self._load() if entries is None else entries
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
