"""What a file is, judged by its content, and whether its name agrees.

Pure functions over files, no Pelican objects. A file the site publishes from
its own origin must be what its extension says and of a type the publishing
plugin allows (attachments: documents and photos; images: photos): an HTML
page, an SVG with a script or a ``.js`` file served from the site would run as
the site and defeat a ``script-src 'self'`` policy.

- :data:`KINDS`: every kind this module recognises, allowed somewhere or not,
  with its extensions and their MIME types (:data:`EXTENSIONS`,
  :data:`MIME_TYPES` are derived from it, and are the site's one MIME table);
- :func:`sniff`: the kind of a file's content (magic bytes, zip directory, text
  check) or None;
- :func:`problem`: the editor-facing message when a file's extension is not
  among the allowed kinds or its content is not what the extension says.

Kinds whose content is a zip (office documents) also satisfy the ``.zip``
extension. Text (``.txt``, ``.csv``) is: no NUL byte in the first 64 KiB, valid
UTF-8 (a BOM is allowed) or, failing that, valid Windows-1252 (old Excel CSV
exports), with no control characters but tab, line breaks, form feed, vertical
tab and the DOS end-of-file mark; and it must not start like markup (HTML, SVG,
XML): that is a page renamed, not text. UTF-16 text has NUL bytes: save as UTF-8.
An empty file is never a document.
"""

import codecs
import os
import posixpath
import re
import zipfile
from dataclasses import dataclass, field

HEAD = 64 * 1024  # bytes read for magic numbers and the text check


@dataclass(frozen=True)
class Kind:
    """A file type: ``mimes`` maps each of its extensions to its MIME type."""

    name: str
    label: str  # a short name: "PDF", "DOCX", "Office OLE"
    it: str  # an Italian noun phrase with its article: "un documento Word (DOCX)"
    en: str
    mimes: dict = field(default_factory=dict)
    container: str | None = None  # content of this kind also satisfies that kind ("zip")
    hint: str = ""  # Italian advice when the content is not of this kind
    # when the kind is refused: what to do ("esportalo") and into which kinds; the advice
    # names those the folder allows ("esportalo in PNG o PDF", in immagini/ "in PNG")
    convert: tuple = ()


KINDS = {kind.name: kind for kind in (
    Kind("pdf", "PDF", "un PDF", "a PDF", {"pdf": "application/pdf"}),
    Kind("odt", "ODT", "un documento OpenDocument (ODT)", "an OpenDocument text (ODT)",
         {"odt": "application/vnd.oasis.opendocument.text"}, container="zip"),
    Kind("ods", "ODS", "un foglio di calcolo OpenDocument (ODS)",
         "an OpenDocument spreadsheet (ODS)",
         {"ods": "application/vnd.oasis.opendocument.spreadsheet"}, container="zip"),
    Kind("odp", "ODP", "una presentazione OpenDocument (ODP)",
         "an OpenDocument presentation (ODP)",
         {"odp": "application/vnd.oasis.opendocument.presentation"}, container="zip"),
    Kind("docx", "DOCX", "un documento Word (DOCX)", "a Word document (DOCX)",
         {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
         container="zip"),
    Kind("xlsx", "XLSX", "un foglio di calcolo Excel (XLSX)", "an Excel spreadsheet (XLSX)",
         {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
         container="zip"),
    Kind("pptx", "PPTX", "una presentazione PowerPoint (PPTX)",
         "a PowerPoint presentation (PPTX)",
         {"pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
         container="zip"),
    Kind("text", "testo", "un file di testo", "a text file",
         {"txt": "text/plain", "csv": "text/csv"},
         hint="salvalo come testo UTF-8"),
    Kind("zip", "ZIP", "un archivio ZIP", "a ZIP archive", {"zip": "application/zip"}),
    Kind("png", "PNG", "un'immagine PNG", "a PNG image", {"png": "image/png"}),
    Kind("jpeg", "JPEG", "un'immagine JPEG", "a JPEG image",
         {"jpg": "image/jpeg", "jpeg": "image/jpeg"}),
    Kind("webp", "WebP", "un'immagine WebP", "a WebP image", {"webp": "image/webp"}),
    # Recognised, so that messages can name them; allowed by no plugin today.
    Kind("gif", "GIF", "un'immagine GIF", "a GIF image", {"gif": "image/gif"},
         convert=("convertilo", ("png",))),
    # the iPhone's photos (HEIF with HEVC), as they come off the phone
    Kind("heic", "HEIC", "una foto HEIC (il formato delle foto dell'iPhone)",
         "a HEIC photo (the iPhone's format)", {"heic": "image/heic", "heif": "image/heif"},
         convert=("convertilo", ("jpeg",))),
    Kind("ole", "Office OLE",
         "un documento Office del vecchio formato (DOC, XLS, PPT) o un file Office protetto"
         " da password",
         "an OLE Office file (legacy DOC, XLS, PPT, or a password-protected Office file)",
         {"doc": "application/msword", "xls": "application/vnd.ms-excel",
          "ppt": "application/vnd.ms-powerpoint"},
         convert=("salvalo", ("pdf", "docx", "xlsx", "pptx"))),
    Kind("rtf", "RTF", "un documento RTF", "an RTF document", {"rtf": "application/rtf"},
         convert=("salvalo", ("pdf", "docx", "odt"))),
    Kind("html", "HTML", "una pagina HTML", "an HTML page",
         {"html": "text/html", "htm": "text/html", "xhtml": "application/xhtml+xml"},
         convert=("salvalo", ("pdf",))),
    Kind("svg", "SVG", "un'immagine SVG", "an SVG image", {"svg": "image/svg+xml"},
         convert=("esportalo", ("png", "pdf"))),
    Kind("xml", "XML", "un documento XML", "an XML document", {"xml": "application/xml"}),
)}
EXTENSIONS = {ext: kind.name for kind in KINDS.values() for ext in kind.mimes}
MIME_TYPES = {ext: mime for kind in KINDS.values() for ext, mime in kind.mimes.items()}
IMAGES = ("png", "jpeg", "webp")  # what content/immagini may hold
# What editors may attach (content/allegati): documents and photos. No HTML, SVG or
# scripts (served from the site's own origin), no legacy OLE office files nor RTF.
DOCUMENTS = ("pdf", "odt", "ods", "odp", "docx", "xlsx", "pptx", "text", "zip", *IMAGES)

MAGIC = (  # (prefix, kind); WebP is RIFF....WEBP, checked apart
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"{\\rtf", "rtf"),
)
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")  # a zip, an empty zip
# HEIF's brands (its first box: size, "ftyp", brand): iPhone photos are heic or mif1
HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}
ODF_TYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
}
OOXML_PARTS = (("word/", "docx"), ("xl/", "xlsx"), ("ppt/", "pptx"))
# C0 controls that text files do carry: tab, LF, vertical tab (FileMaker's line
# break in a field), form feed, CR, and SUB (the DOS end-of-file mark).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f]")
_MARKUP = re.compile(r"<(!doctype\s+html|html|head|body|script|iframe|meta|object|embed)\b",
                     re.IGNORECASE)


def extension(name):
    """``Verbale.PDF`` -> ``pdf``; ``""`` without one."""
    base = posixpath.basename(name)
    return base.rsplit(".", 1)[1].lower() if "." in base.lstrip(".") else ""


def mime_type(name):
    """The MIME type for a file name (by extension), ``application/octet-stream`` if unknown."""
    return MIME_TYPES.get(extension(name), "application/octet-stream")


def _zip_kind(handle):
    """docx/xlsx/pptx, odt/ods/odp, or plain zip (also when the directory is unreadable)."""
    try:
        with zipfile.ZipFile(handle) as archive:
            entries = archive.infolist()
            if entries and entries[0].filename == "mimetype" and entries[0].file_size < 100 \
                    and entries[0].compress_size < 1000:
                declared = archive.read(entries[0]).decode("ascii", "replace").strip()
                if declared in ODF_TYPES:
                    return ODF_TYPES[declared]
            names = {entry.filename for entry in entries}
            if "[Content_Types].xml" in names:
                for folder, kind in OOXML_PARTS:
                    if any(name.startswith(folder) for name in names):
                        return kind
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError,
            NotImplementedError, RuntimeError):
        pass  # not readable as a zip beyond its first bytes: a (damaged) zip
    return "zip"


def _text_kind(head, complete):
    """``text``, ``html``, ``svg`` or ``xml`` for plausible text; None for binary."""
    if b"\x00" in head:
        return None
    data = head.removeprefix(codecs.BOM_UTF8)
    try:  # a multi-byte character cut at HEAD is not an error unless the file ends there
        text = codecs.getincrementaldecoder("utf-8")().decode(data, final=complete)
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            return None
    if _CONTROL.search(text):
        return None
    start = text.lstrip()
    if start.startswith("<"):
        if re.search(r"<svg\b", start, re.IGNORECASE):
            return "svg"
        if _MARKUP.search(start):
            return "html"
        if start.startswith("<?xml"):
            return "xml"
    return "text"


def sniff(path):
    """The kind of the file's content (a key of :data:`KINDS`), or None (binary of no
    known kind, or empty). Reads at most 64 KiB, and a zip's directory."""
    with open(path, "rb") as handle:
        head = handle.read(HEAD)
        if not head:
            return None
        if head.startswith(ZIP_MAGIC):
            handle.seek(0)
            return _zip_kind(handle)
    for magic, kind in MAGIC:
        if head.startswith(magic):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp" and head[8:12] in HEIF_BRANDS:
        return "heic"
    return _text_kind(head, complete=len(head) < HEAD)


def satisfies(found, expected):
    """True when content of kind ``found`` may carry the extension of kind ``expected``."""
    return found is not None and (found == expected or KINDS[found].container == expected)


def allowed_text(allowed):
    """``PDF, ODT, …, JPG, JPEG, WEBP``: the extensions of the allowed kinds."""
    return ", ".join(ext.upper() for name in allowed for ext in KINDS[name].mimes)


def conversion(kind, allowed):
    """What to turn a file of the refused ``kind`` into, among the ``allowed`` kinds:
    ``esportalo in PNG o PDF``; "" when none of them will do."""
    if not kind.convert:
        return ""
    verb, targets = kind.convert
    labels = [KINDS[target].label for target in targets if target in allowed]
    if not labels:
        return ""
    return f"{verb} in " + " o ".join([", ".join(labels[:-1]), labels[-1]] if len(labels) > 1
                                      else labels)


def problem(relative, path, allowed):
    """Why the file at ``path`` (``relative``, as editors name it) may not be published
    as one of the ``allowed`` kinds, in Italian and English; None when it may."""
    ext = extension(relative)
    expected = EXTENSIONS.get(ext)
    if expected not in allowed:
        kind = KINDS.get(expected)
        label = ext.upper() if ext else "senza estensione"
        advice = conversion(kind, allowed) if kind else ""
        hint = f"; {advice}" if advice else ""
        return (f"tipo di file non ammesso: {relative} ({label}); ammessi {allowed_text(allowed)}"
                f"{hint} / file type not allowed: {relative}")
    try:
        if os.path.getsize(path) == 0:
            return f"il file è vuoto: {relative} / empty file: {relative}"
        found = sniff(path)
    except OSError as error:
        return f"file illeggibile: {relative} ({error.strerror}) / unreadable file: {relative}"
    if satisfies(found, expected):
        return None
    kind = KINDS[expected]
    if found is None:
        content_it = "il contenuto non è di un tipo riconosciuto"
        content_en = "its content is of no known type"
    else:
        content_it = f"il contenuto è {KINDS[found].it}"
        content_en = f"its content is {KINDS[found].en}"
    hint = f"; {kind.hint}" if expected == "text" and found is None else ""
    return (f"{relative} non è {kind.it}: {content_it}{hint}"
            f" / {relative} is not {kind.en}: {content_en}")
