"""Reading ahead: the files a cold build must read, read on every core.

Pelican's generators read the content files one after the other, in one process,
and on a cold cache reading is most of a build's content work: the checks,
Markdown, the sanitizer and the typography of :func:`.reader.read_checked`. So at
``article_generator_init`` (every generator is being made, nothing is read yet),
when at least ``CONTRACT_READ_AHEAD_FROM`` Markdown files have no entry in the
contract cache, a pool of processes (one per core, at most :data:`MAX_WORKERS`;
forked, so they have the build's settings) reads them, in the order the generators
will ask for them. The reader then takes each file's result from :class:`Ahead`
instead of computing it, if the bytes the worker read are the bytes it read, and
goes on as always: it keeps the result in the cache (the only writer) and logs the
file's problems itself, so the log is the same, in the same order. Anything else
(a file changed meanwhile, a worker that failed or died) and the reader reads the
file itself. The pool ends once every file was taken, when the page generator is
done, or when the build ends. Linux only (``processes.FORK_POOLS``): elsewhere the
reader reads every file itself, as without this.
"""

import hashlib
import logging
import os

from plugins.core import processes
from plugins.core.files import ignored

logger = logging.getLogger(__name__)

STATE_KEY = "contract_ahead"  # in the build's settings: the Ahead of this build
MAX_WORKERS = 4
EXTENSIONS = ("md", "markdown", "mkd", "mdown")  # the contract reader's (reader.py)


def markdown_files(finder, settings):
    """``{relative path: is_page}`` of the Markdown files a build reads, articles first,
    each list in the order a generator's ``get_files`` gives it (``finder``: any
    generator of the build, or one made for the purpose). Paths as the reader names
    them (``os.path.relpath``): ``festa.md``, where ``get_files`` gave a file in the
    content folder itself as ``./festa.md``."""
    found = {}
    for path in finder.get_files(settings["ARTICLE_PATHS"],
                                 exclude=settings["ARTICLE_EXCLUDES"],
                                 extensions=list(EXTENSIONS)):
        found[os.path.normpath(path).replace(os.sep, "/")] = False
    for path in finder.get_files(settings["PAGE_PATHS"], exclude=settings["PAGE_EXCLUDES"],
                                 extensions=list(EXTENSIONS)):
        found[os.path.normpath(path).replace(os.sep, "/")] = True
    return found


# Documents of a word processor, saved where articles go: never read, never published.
WORD_PROCESSORS = {"docx": "Word", "doc": "Word", "odt": "LibreOffice", "rtf": "Word (RTF)",
                   "pages": "Pages"}


def misnamed(settings):
    """``[(relative path, warning)]``: files that look like articles but that no build
    reads, because of their name: an extension in capitals (``Notizia.MD``; Pelican
    compares extensions as written) or a ``.txt`` added by Windows' Notepad
    (``nota.md.txt``, or ``nota.txt`` when it begins as an item does: a ``---`` line or
    a ``Title:`` header), or the article written in a word processor (``nota.docx``,
    in a category's folder). Hidden and ignored files (``IGNORE_FILES``) are not reported. In
    the folders of published files (images, attachments: a text file may be one) only a
    Markdown file that begins as an item does is: an article saved there, never read."""
    from .check import linkable_folders  # noqa: PLC0415 - check imports the reader's parts

    found = []
    root, patterns = settings["PATH"], tuple(settings["IGNORE_FILES"])
    files_folders = {os.path.normpath(os.path.join(root, path))
                     for path in linkable_folders(settings)}
    for published in sorted(files_folders):  # an article saved among the pictures or files
        for folder, folders, files in os.walk(published):
            folders.sort()
            for name in sorted(files):
                stem, _, extension = name.rpartition(".")
                path = os.path.join(folder, name)
                if stem and extension.lower() in EXTENSIONS and not ignored(name, patterns) \
                        and _starts_as_item(path):
                    relative = os.path.relpath(path, root).replace(os.sep, "/")
                    where = os.path.relpath(published, root).replace(os.sep, "/")
                    found.append((relative, (
                        f"il file è un articolo salvato nella cartella {where}/, che contiene"
                        " immagini e documenti: il sito non lo legge; spostalo nella cartella"
                        " della sua categoria (per esempio content/notizie/) / an article saved"
                        f" in {where}/ is not read: move it to its category's folder")))
    for folder, folders, files in os.walk(root):
        folders[:] = sorted(name for name in folders if not ignored(name, patterns)
                            and os.path.join(folder, name) not in files_folders)
        for name in sorted(files):
            stem, _, extension = name.rpartition(".")
            if ignored(name, patterns) or not stem:
                continue
            if extension.lower() in EXTENSIONS and extension not in EXTENSIONS:
                better = f"{stem}.{extension.lower()}"
            elif extension.lower() == "txt" and stem.rpartition(".")[2].lower() in EXTENSIONS:
                better = stem
            elif extension.lower() == "txt" and _starts_as_item(os.path.join(folder, name)):
                better = f"{stem}.md"  # saved as "nota.txt" (Notepad's own extension)
            elif extension.lower() in WORD_PROCESSORS:
                better = f"{stem}.md"  # the article written in Word, saved in its category
            else:
                continue
            if ignored(better, patterns):  # README.MD: README.md is not read either
                continue
            relative = os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/")
            if extension.lower() in WORD_PROCESSORS:
                found.append((relative, (
                    f"il file è un documento di {WORD_PROCESSORS[extension.lower()]} e il sito"
                    " non lo legge: solo i file di testo .md diventano articoli; copia il testo"
                    f" in un file {better} (o crea l'articolo con ./run new); un documento da"
                    " scaricare va in allegati/ / a word processor document is not read:"
                    f" write {better}")))
                continue
            found.append((relative, f"il file non viene letto per il suo nome: rinominalo in"
                                    f" {better} / not read: rename it {better}"))
    return found


def _starts_as_item(path):
    """True when the file begins as a content item: a ``---`` line, or ``Title:``."""
    try:
        with open(path, "rb") as handle:
            start = handle.read(512).decode("utf-8", "replace")
    except OSError:
        return False
    start = start.removeprefix("\ufeff").lstrip()
    return start.startswith("---") or start[:6].lower() == "title:"


def digest(data):
    return hashlib.sha256(data).digest()


class Ahead:
    """One build's read-ahead: the pool and a future per file. In the settings (so the
    reader finds it); pickled (Pelican's content cache may pickle the settings), it is
    a new idle one."""

    def __init__(self):
        self.pool = None
        self.futures = {}  # relative path -> Future of (digest of the bytes, result)

    def __reduce__(self):
        return (Ahead, ())

    def start(self, settings, relatives):
        """Read ``relatives`` (paths under PATH) on a pool of processes."""
        self.stop()
        workers = min(os.cpu_count() or 1, MAX_WORKERS, len(relatives))
        if workers < 2 or not processes.FORK_POOLS:
            return
        # imported here: a warm build or check (nothing to read ahead) does without it
        from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

        # Forked: the workers have the settings and the imported plugins without pickling.
        self.pool = ProcessPoolExecutor(workers, mp_context=processes.fork_context(),
                                        **processes.pool_options(_start_worker, (settings,)))
        with processes.frozen():  # the workers are forked at the first task
            self.futures = {relative: self.pool.submit(_read_one, relative)
                            for relative in relatives}
        logger.info("Read ahead: %d files in %d processes", len(relatives), workers)

    def take(self, relative, data):
        """The result read ahead for the file at ``relative`` with these bytes, or None
        (not read ahead, read from other bytes, or the worker failed)."""
        future = self.futures.pop(relative, None)
        if future is None:
            return None
        try:
            read_digest, result = future.result()
        except Exception:  # noqa: BLE001 - the reader reads the file itself, and reports
            result = None
        else:
            result = result if read_digest == digest(data) else None
        if not self.futures:
            self.stop()
        return result

    def stop(self):
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = None
        self.futures = {}


_WORKER = {}  # in a worker: the build's settings and Markdown converter


def _start_worker(settings):
    from .reader import shared_parts  # noqa: PLC0415 - reader imports this module

    # forked from the build: its converter, made when Pelican made the readers
    _WORKER.update(settings=settings, markdown=shared_parts(settings)[0])


def _read_one(relative):
    """In a worker: ``(digest of the bytes read, (Checked, Read or None))``."""
    from .reader import read_checked  # noqa: PLC0415

    settings = _WORKER["settings"]
    path = os.path.join(settings["PATH"], relative)
    with open(path, "rb") as handle:
        data = handle.read()
    checked, read = read_checked(path, relative, data, settings, _WORKER["markdown"])
    checked.content = checked.summary = ""  # the reader needs the Read's, not these
    return digest(data), (checked, read)


def start(generator):
    """``article_generator_init``: warn about :func:`misnamed` files; read ahead when
    enough files are not in the cache."""
    settings = generator.settings
    for relative, message in misnamed(settings):  # once a build, before anything is read
        logger.warning("%s: %s", relative, message)
    ahead = settings.get(STATE_KEY)
    if ahead is None:
        return
    ahead.stop()
    threshold = settings["CONTRACT_READ_AHEAD_FROM"]
    if not threshold or (os.cpu_count() or 1) < 2 or not processes.FORK_POOLS:
        return
    from .reader import shared_cache  # noqa: PLC0415

    cache = shared_cache(settings)
    missing = []
    for relative in markdown_files(generator, settings):
        if cache is not None:
            try:
                with open(os.path.join(settings["PATH"], relative), "rb") as handle:
                    if cache.has(relative, handle.read()):
                        continue
            except OSError:
                continue  # the reader will say why
        missing.append(relative)
    if len(missing) >= threshold:
        ahead.start(settings, missing)


def stop(sender):
    """``page_generator_finalized`` (the pages generator) and ``finalized`` (Pelican):
    the pool ends (idle by then)."""
    ahead = sender.settings.get(STATE_KEY)
    if ahead is not None:
        ahead.stop()
