"""Links and images whose address is relative (``programma``, ``foto.jpg``,
``../altro/``): a browser reads one from the address of the page showing the text, which
is not one. An error at its line saying what to write (:func:`relative_links`): the
``{filename}`` link of the item it names, the ``{static}`` link of the file, or the full
address."""

import posixpath
from urllib.parse import unquote, urljoin, urlsplit

from plugins.content_checks.entry import published
from plugins.content_checks.listed import Listed
from plugins.content_checks.uploads import uploads
from plugins.contract.check import linkable_folders
from plugins.core import filetypes
from plugins.core.items import RELATIVE_LINK
from plugins.core.problems import ERROR
from plugins.core.settings import loaded_setting
from plugins.core.urls import page_key, without_index


def relative_links(entries, settings):
    """Links and images whose address is relative (``programma``, ``altro-articolo.html``,
    ``foto.jpg``, ``../altro/``): a browser reads one from the address of the page that
    shows it, and an item's text is shown at several (its own page; its first paragraph,
    the lead, in the lists of the home page, categories, tags and authors, where
    ``programma`` is ``/programma``), at an address that changes with its title or date.
    None works on every one of them, and the build leaves them as typed: each is an error
    at its line, saying what to write. A link to an article or a page (its address
    resolved from the item's, or its slug or file name): its ``{filename}`` link, which
    the build checks and keeps right; an image or a document: its ``{static}`` link, the
    file found in the folders the site publishes from (or to be copied there); anything
    else: the full address. The first 50 of a file are listed, the rest counted in one more
    (``core.problems.MAX_LISTED``: a page pasted from the old site has hundreds)."""
    base = urlsplit(str(settings.get("SITEURL") or "")).path.rstrip("/")
    written, named = {}, {}  # "/2024/05/festa" (no final "/"), or a slug or file name -> file
    for entry in entries:
        if published(entry) and not entry.failed:
            written.setdefault(page_key(entry.save_as), entry.source)
            stem = posixpath.splitext(posixpath.basename(entry.source))[0]
            for name in {entry.slug, stem}:
                named.setdefault(name, set()).add(entry.source)
    files = _PublishedFiles(settings)
    problems = []
    for entry in entries:
        if entry.failed:  # a file with errors: reported on its own, as the build does
            continue
        listed = Listed(entry.source, ERROR)
        for target, line in entry.links:
            if not target.startswith(RELATIVE_LINK) or listed.counted(line):
                continue
            target = target[len(RELATIVE_LINK):]
            # a draft has no page on the public site (a preview writes it; invoke check,
            # which the preview runs, gives it no address): the same message in both
            page = "/" + without_index(entry.save_as) \
                if entry.save_as and not entry.draft else None
            resolved = urlsplit(urljoin("http://x" + page, target)) if page else None
            fix, english = _relative_fix(target, resolved, written, named, files)
            where = ""
            if resolved is not None:  # what a reader of the item's own page gets
                address = base + resolved.path + (f"?{resolved.query}" if resolved.query else "")
                of = "della pagina" if entry.kind == "page" else "dell'articolo"
                where = f" (da quella {of} porta a {address})"
            listed.add(f"il link «{target}» è relativo: sul sito cambia con la pagina che"
                       f" mostra il testo{where} e non funzionerebbe; {fix} / relative link"
                       f" {target}: {english}", line)
        problems += listed.done(
            "e un altro link relativo come questi, non elencato: scrivi anche quello come"
            " propongono i messaggi sopra / and 1 more relative link",
            "e altri {more} link relativi come questi, non elencati: scrivi anche quelli"
            " come propongono i messaggi sopra / and {more} more relative links")
    return problems


def _relative_fix(target, resolved, written, named, files):
    """``(what to write, in English)`` for the relative link ``target`` (``resolved``: its
    address from the item's page, split; None when the item has none)."""
    parts = urlsplit(target)
    path = unquote(parts.path)
    name = posixpath.basename(path.rstrip("/"))
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    kind = filetypes.EXTENSIONS.get(filetypes.extension(name))
    if kind in filetypes.DOCUMENTS:  # foto.jpg, bando.pdf: a file of the site's folders
        found, folder = files.find(name, kind)
        written_as = (found or f"{folder}{name}").replace(" ", "%20")
        also = " (o elenca il file in `attachments`, gli allegati)" \
            if written_as.startswith(files.attachments) else ""
        if found:
            return (f"scrivi {{static}}/{written_as}{also}", f"write {{static}}/{written_as}")
        return (f"copia il file in {folder} e scrivi {{static}}/{written_as}{also}",
                f"copy it into {folder} and write {{static}}/{written_as}")
    source = None
    if resolved is not None:
        source = written.get(page_key(unquote(resolved.path)))
    if source is None and name:
        stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name  # altro.html
        found = named.get(stem) or set()
        source = next(iter(found)) if len(found) == 1 else None
    if source is not None:
        link = f"{{filename}}/{source}{fragment}"
        return (f"scrivi {link}, così il sito controlla il link e lo tiene giusto anche se"
                " l'indirizzo cambia", f"write {link}")
    return ("scrivi l'indirizzo intero: per un elenco di questo sito comincia con /"
            " (per esempio /archivio/), per un altro sito con https://; per un articolo o"
            " una pagina scrivi {filename} e il suo file, per esempio"
            " {filename}/notizie/festa.md",
            "write the full address")


class _PublishedFiles:
    """The files of the folders the site publishes from (``{static}`` links:
    ``contract.check.linkable_folders``; :func:`uploads`), by name: read once, when a
    relative link names one."""

    def __init__(self, settings):
        self.settings = settings
        self.folders = linkable_folders(settings)  # {"immagini/": kinds, "allegati/": kinds}
        self.attachments = (loaded_setting(settings, "ATTACHMENTS_PATH") or "").strip("/") + "/"
        self.by_name = None

    def _index(self):
        if self.by_name is None:
            self.by_name = {}
            for path in uploads(self.settings):
                self.by_name.setdefault(posixpath.basename(path).casefold(), []).append(path)
        return self.by_name

    def find(self, name, kind):
        """``(path under content/ of the file named name, or None; the folder for its
        kind)``: the name with its capitals first, else with others."""
        found = self._index().get(name.casefold(), [])
        exact = [path for path in found if posixpath.basename(path) == name]
        folders = [folder for folder, kinds in self.folders.items() if kind in kinds]
        # an image goes among the images (a folder of images only), a document among
        # the attachments
        folder = min(folders, key=lambda folder: len(self.folders[folder])) if folders \
            else next(iter(self.folders), "")
        return (exact or found or [None])[0], folder
