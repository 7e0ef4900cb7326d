"""What an attachment is: the front-matter value turned into :class:`Attachment` objects.

Pure functions, no Pelican objects: parsing the declarations, checking a path,
building the URL, and the Italian texts readers see ("PDF, 245 kB, 12 pagine").
"""

import os
import posixpath
import re
import unicodedata
from dataclasses import dataclass, field


from plugins.contract.key_groups import ATTACHMENTS, ENTRY_KEYS
from plugins.core import files
from plugins.core.filetypes import DOCUMENTS, extension, mime_type
from plugins.italian import numero, quanti
from plugins.italian.slugs import make_slug

FIELD = ATTACHMENTS  # the front-matter key (the contract's: its layout checks read it)
KEY = f"`{FIELD}`"  # as messages quote it
IMAGES_ONLY = "immagini senza testo"  # a scan's info, after its pages
# What editors may attach, checked by content (plugins.core.filetypes).
ALLOWED_KINDS = DOCUMENTS


@dataclass(frozen=True)
class Declaration:
    """One entry of ``attachments`` as the editor wrote it."""

    file: str
    title: str = ""
    description: str = ""
    position: int | None = field(default=None, compare=False)  # in the list, from 1


@dataclass(frozen=True)
class Preview:
    url: str
    width: int
    height: int


@dataclass
class Attachment:
    """A published document: what templates and feeds use.

    ``url`` is relative to SITEURL, like every Pelican ``url``.
    """

    source: str  # path relative to content/, e.g. "allegati/2024/Verbale riunione città.pdf"
    title: str
    description: str
    url: str
    save_as: str
    size: int
    pages: int | None = None
    images_only: bool = False  # a PDF of page images without text (a scan): pdfinfo
    preview: Preview | None = None
    preview_file: str | None = field(default=None, repr=False)  # the cached image
    position: int | None = field(default=None, compare=False, repr=False)  # its entry
    filename: str = field(init=False)
    kind: str = field(init=False)
    mime: str = field(init=False)

    def __post_init__(self):
        # The download name as typed, whatever the disk's Unicode normalisation.
        self.filename = unicodedata.normalize("NFC", posixpath.basename(self.source))
        self.kind = kind_of(self.source)
        self.mime = mime_type(self.source)

    @property
    def size_text(self):
        return size_text(self.size)

    @property
    def pages_text(self):
        return pages_text(self.pages) if self.pages else ""

    @property
    def info(self):
        """``PDF, 245 kB, 12 pagine``; a scan's ``PDF, 1,2 MB, 3 pagine, immagini senza
        testo``: a screen reader's user learns before opening it that there is nothing to
        read in it (what was read, not guessed: no page has a font, and one has an image)."""
        return ", ".join(part for part in (self.kind, self.size_text, self.pages_text,
                                           IMAGES_ONLY if self.images_only else "") if part)

    @property
    def label(self):
        """The link text: what the reader gets, without looking around it."""
        return f"{self.title} ({self.info})"

    def absolute_url(self, base):
        return absolute(base, self.url)


def absolute(base, url):
    return f"{(base or '').rstrip('/')}/{url}"


# -- declarations -----------------------------------------------------------------

def parse_declarations(value):
    """The front-matter value -> ([Declaration], [(position, problem)]): ``position``
    of the entry in the list (from 1), None for a problem of the whole value.

    Accepts a YAML list of ``{file, title, description}`` mappings or of bare
    paths, one mapping, or text (Pelican's native header: comma-separated).
    """
    if value is None or value == "":
        return [], []
    if isinstance(value, str):
        items = [part for part in re.split(r"[,\n]", value) if part.strip()]
    elif isinstance(value, dict):
        items = [value]
    elif isinstance(value, (list, tuple)):
        items = list(value)
    else:
        return [], [(None, f"{KEY} deve essere un elenco di file / {KEY} must be a list of"
                           " files")]

    declarations, problems = [], []
    for position, item in enumerate(items, start=1):
        if isinstance(item, str) and item.strip():
            declarations.append(Declaration(item.strip(), position=position))
        elif isinstance(item, dict):
            keys = {str(k).strip().lower(): v for k, v in item.items()}
            unknown = sorted(set(keys) - set(ENTRY_KEYS))
            file = keys.get("file")
            if not isinstance(file, str) or not file.strip():
                problems.append((position,
                                 f"la voce {position} di {KEY} non ha `file` / entry {position}"
                                 f" of {KEY} has no `file`"))
                continue
            if unknown:
                problems.append((position,
                                 f"la voce {position} di {KEY} ha chiavi sconosciute"
                                 f" ({', '.join(unknown)}): usa {', '.join(ENTRY_KEYS)}"
                                 f" / unknown keys in entry {position} of {KEY}"))
            declarations.append(Declaration(
                file.strip(),
                str(keys.get("title") or "").strip(),
                str(keys.get("description") or "").strip(),
                position,
            ))
        else:
            problems.append((position,
                             f"la voce {position} di {KEY} non è un percorso né `file: …`"
                             f" / entry {position} of {KEY} is not a path"))
    return declarations, problems


def outside(path, hint=None):
    """The problem of an attachment's ``path`` that leads out of content/: written so
    (``../``, ``C:``: :func:`clean_path`, with ``hint``, what to do, ``(Italian,
    English)``), or through a symbolic link (plugins/attachments/collect.py)."""
    it, en = (f"; {hint[0]}", f"; {hint[1]}") if hint else ("", "")
    return f"percorso fuori da content/: {path}{it} ({KEY}) / path leaves content/: {path}{en}"


def clean_path(path, folder, root=None):
    """``path`` as written -> (normalised path relative to content/, problem or None).
    ``root`` (content/): a file name written without its folder (``bando.pdf``) is looked
    for there, so the problem says the path to write."""
    text = path.strip().replace("\\", "/")
    if text.startswith("{static}"):
        text = text.removeprefix("{static}")
    relative = posixpath.normpath(text.lstrip("/"))
    if files.local_path(path):  # C:\Users\…\bando.pdf: on the editor's computer
        return relative, files.local_path_message(path.strip(), folder.strip("/") + "/",
                                                  "{} in " + KEY)
    folder = folder.strip("/")
    if relative == ".." or relative.startswith("../") or re.match(r"^[A-Za-z]:", text):
        # ../Downloads/bando.pdf: the file is elsewhere on the editor's computer
        return relative, outside(path, _where_to(root, folder, posixpath.basename(relative)))
    if not relative.startswith(folder + "/"):
        # the path from the project's folder (content/allegati/bando.pdf), as the guide's
        # table of folders writes it
        inside = relative.removeprefix(f"{os.path.basename(root or 'content')}/")
        if inside.startswith(folder + "/"):
            it, en = f"scrivi {inside}", f"write {inside}"
        else:  # bando.pdf, Downloads/bando.pdf: where a file of that name is, or goes
            it, en = _where_to(root, folder, posixpath.basename(relative))
        return relative, (f"l'allegato deve stare nella cartella {folder}/: {path}; {it}"
                          f" ({KEY}) / attachments live under {folder}/: {path}; {en}")
    return relative, None


def _where_to(root, folder, name):
    """What to do with an attachment written outside ``folder`` (Italian, English): write
    the path of the one file of that ``name`` under ``root/folder``, or copy it there."""
    there = _found_in(root, folder, name)
    if there:
        return f"scrivi {there}", f"write {there}"
    return (f"copia il file nella cartella content/{folder}/ e scrivi {folder}/{name}",
            f"copy it into content/{folder}/ and write {folder}/{name}")


# -- URLs and names ---------------------------------------------------------------

def _found_in(root, folder, name):
    """``folder/…/name`` when exactly one file of that name is under ``root/folder``."""
    if not root:
        return None
    found = [os.path.relpath(os.path.join(parent, name), root).replace(os.sep, "/")
             for parent, _, names in os.walk(os.path.join(root, folder)) if name in names]
    return found[0] if len(found) == 1 else None


# Characters of one part of an attachment's URL at most (its folders', its name's): a
# name on disk has at most 255 bytes, and slugify can make a name longer than the file's
# own ("中" is "zhong-"); the preview adds "-anteprima.webp", a write in progress its
# temporary name (about 30 bytes). 80 Chinese characters (a 240-byte name) stopped the
# build with a traceback ("File name too long").
MAX_PART_LENGTH = 200


def _slug(text, regex_subs):
    return make_slug(text, regex_subs, MAX_PART_LENGTH) or "file"


def url_fields(relative, regex_subs=()):
    """``allegati/2024/Verbale riunione città.PDF`` -> dirname, slug, ext (all URL-safe)."""
    folder, name = posixpath.split(relative)
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        stem, ext = name, ""
    return {
        "dirname": "/".join(_slug(part, regex_subs) for part in folder.split("/") if part),
        "slug": _slug(stem, regex_subs),
        "ext": _slug(ext, regex_subs) if ext else "",
    }


def expand(pattern, relative, regex_subs=()):
    """Fill an ATTACHMENTS_*_URL pattern for the file ``relative``."""
    url = pattern.format(**url_fields(relative, regex_subs))
    return re.sub(r"/{2,}", "/", url).strip("/").rstrip(".")


def kind_of(relative):
    """``PDF``, ``DOCX``…; ``File`` without an extension."""
    return extension(relative).upper() or "File"


# -- Italian texts ----------------------------------------------------------------

NBSP = "\u00a0"  # between a number and its unit of measure, or its noun


def size_text(size):
    """Decimal units in Italian form: ``850 byte``, ``245 kB``, ``1,2 MB``, ``3,4 GB``.

    kB are whole (1 kB = 1000 byte); MB and GB have at most one decimal. The unit
    symbols are fixed: CLDR's Italian plural forms would give "1 kbyte". A no-break
    space (NBSP) joins the number and its unit: a line never ends between "245" and "kB".
    """
    if size < 1000:
        return f"{size}{NBSP}byte"
    if round(size / 1000) < 1000:
        return f"{round(size / 1000)}{NBSP}kB"
    for unit, scale in (("MB", 1_000_000), ("GB", 1_000_000_000)):
        if round(size / scale, 1) < 1000 or unit == "GB":
            return f"{numero(size / scale, decimals=1)}{NBSP}{unit}"
    raise AssertionError  # unreachable


def pages_text(pages):
    """``1 pagina``, ``12 pagine``, ``12.500 pagine``, the number and its noun joined by a
    no-break space as the size is: a link's line ended with "2" and the next began with
    "pagine)" on a phone."""
    return quanti(pages, "pagina", "pagine").replace(" ", NBSP, 1)
