"""The Pagefind bundle: pages and records in, ``<output>/pagefind/`` out, or an error.

Pagefind's Python API (package ``pagefind`` 1.5.2, binary from ``pagefind-bin``) is
asynchronous and drives ``pagefind --service``, a child process speaking
base64 JSON over stdin/stdout. :func:`build_bundle` is the one synchronous entry
point (Pelican's ``finalized`` calls it; so can a benchmark). Over the stock API
it:

- never sleeps 0.1 s before reading each answer (the stock poll loop does: 1000
  pages would cost 100 s), and reads answers up to 256 MiB (the bundle comes back
  as one message; the stock 2 MiB limit is too small for a large site);
- fails fast and clearly: a binary that is missing, exits, prints garbage or
  answers an error fails every pending request with the binary's own output, and
  the whole step runs within ``timeout`` seconds (then the child is killed);
- asks for the files in memory (``get_files``) and writes them itself, into a
  fresh folder swapped in only when complete: 1.5.2 answers ``WriteFiles``
  before its files are flushed, and closing the service then can leave them
  truncated (fixed upstream after 1.5.2); and ``write_files`` never removes the
  stale files of earlier builds, which would pile up in ``output/pagefind``;
- leaves out the prebuilt UIs of the bundle (the site has its own, and they
  need ``data:`` images and would only be dead weight);
- puts the filters, their values and the sorts in one order (:mod:`.canonical`):
  Pagefind writes them in a hash map's order, which changed the bundle from one
  build to the next.

:class:`Service` overrides two private methods of ``PagefindService`` (``launch``,
``_wait_for_responses``): the versions are pinned in requirements.txt, and
``tests/test_search_bundle.py`` fails if they change under it.
"""

import hashlib
import importlib.metadata
import json
import logging
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from plugins.core.files import place

from .canonical import FORMAT as ORDER_FORMAT, canonical
from .feeding import FEED_FORMAT, index, run
from .service import binary
from .writing import ENTRY, FOLDER, UNUSED, check, write

logger = logging.getLogger(__name__)

KEEP_BUNDLES = 3  # bundles kept in the cache (e.g. a preview and a public build)
PAGEFIND_VERSION = importlib.metadata.version("pagefind-bin")


@dataclass(frozen=True)
class Page:
    """An HTML page to index: its URL (root-relative, ``/2024/05/slug/``) and file."""

    url: str
    path: str


@dataclass(frozen=True)
class Record:
    """A custom record (a document): Pagefind uses ``url`` as given."""

    url: str
    content: str
    meta: dict = field(default_factory=dict)
    filters: dict = field(default_factory=dict)
    sort: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Stats:
    pages: int  # HTML pages indexed
    documents: int  # custom records indexed
    seconds: float
    files: int  # files written
    size: int  # bytes written

    def __str__(self):
        return (f"{self.pages} pages, {self.documents} documents in {self.seconds:.2f} s,"
                f" {round(self.size / 1000)} kB")


def _indexed(pages, records, language, executable, timeout):
    """Pagefind's bundle of ``pages`` and ``records``, in one order (:mod:`.canonical`)."""
    files, reason = canonical(run(index(pages, records, language, executable, timeout)),
                              language)
    if reason:
        logger.warning("Search index: left in Pagefind's order, which changes from build to"
                       " build (%s)", reason)
    return files


def _inputs_digest(pages, records, language):
    """What decides the bundle: the pagefind version, the order it is put in
    (:mod:`.canonical`), what is given of a page (``FEED_FORMAT``), the language, every
    page's URL and HTML and every record, in order."""
    digest = hashlib.sha256(
        f"{PAGEFIND_VERSION}\0{ORDER_FORMAT}\0{FEED_FORMAT}\0{language}\0{UNUSED}\0".encode())
    for page in pages:
        digest.update(f"{page.url}\0".encode())
        digest.update(Path(page.path).read_bytes())
    for record in records:
        digest.update(json.dumps([record.url, record.content, record.meta, record.filters,
                                  record.sort], sort_keys=True).encode())
    return digest.hexdigest()


def _cached_files(folder):
    """The bundle kept in ``folder`` (files by ``path`` and ``source``, the entry file
    with its ``content`` too), or None."""
    try:
        names = json.loads((folder / "files.json").read_text(encoding="utf-8"))
        files = [{"path": name, "source": str(folder / "files" / name)} for name in names]
        for item in files:
            if item["path"] == ENTRY:
                item["content"] = Path(item["source"]).read_bytes()
        os.utime(folder)
    except (OSError, ValueError):
        return None
    return files


def _age(folder):
    """A kept bundle's time of last use (0: removed meanwhile by another build)."""
    try:
        return folder.stat().st_mtime
    except OSError:
        return 0


def _keep_files(cache, key, written):
    """Keep the bundle just written in ``written`` (the output's folder) for these inputs,
    as hard links (copies where links cannot be made); only the newest ``KEEP_BUNDLES``
    are kept."""
    cache.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=".bundle-", dir=cache))
    names = []
    for folder, _, files in os.walk(written):
        kept = fresh / "files" / os.path.relpath(folder, written)
        kept.mkdir(parents=True, exist_ok=True)
        for name in sorted(files):
            place(os.path.join(folder, name), kept / name)
            names.append((kept / name).relative_to(fresh / "files").as_posix())
    (fresh / "files.json").write_text(json.dumps(names), encoding="utf-8")
    target = cache / key
    shutil.rmtree(target, ignore_errors=True)
    try:
        os.rename(fresh, target)
    except OSError:  # another build sharing the cache kept the same inputs meanwhile
        shutil.rmtree(fresh, ignore_errors=True)
        if not target.is_dir():
            raise
    kept = sorted((p for p in cache.iterdir() if p.is_dir() and not p.name.startswith(".")),
                  key=_age, reverse=True)
    for old in kept[KEEP_BUNDLES:]:
        shutil.rmtree(old, ignore_errors=True)


def build_bundle(output_path, pages, records=(), *, language="it", executable=None,
                 timeout=300, cache=None):
    """Index ``pages`` (:class:`Page`) and ``records`` (:class:`Record`) into
    ``<output_path>/pagefind/``; :class:`Stats`, or :class:`SearchIndexError`.

    Whatever goes wrong, no partial bundle is left: the new one replaces the old
    one only when complete. With a ``cache`` folder, the bundle of the very same
    inputs is reused (fast).
    """
    pages, records = list(pages), list(records)
    start = time.perf_counter()
    key = _inputs_digest(pages, records, language) if cache else None
    files = _cached_files(Path(cache) / key) if cache else None
    new = files is None
    if new:
        executable = binary(executable)
        files = _indexed(pages, records, language, executable, timeout)
    indexed = check(files, language)
    expected = len(pages) + len(records)
    if indexed != expected:
        logger.warning("Search index: pagefind indexed %d of %d pages and documents"
                       " (a page without text in its data-pagefind-body?)", indexed, expected)
    target = os.path.join(output_path, FOLDER)
    try:
        written, size = write(files, target)
    except FileNotFoundError:
        if new:
            raise
        # another build sharing the cache removed the kept bundle meanwhile (it keeps
        # only the newest KEEP_BUNDLES): made afresh, as if it had never been kept
        new, files = True, _indexed(pages, records, language, binary(executable), timeout)
        written, size = write(files, target)
    if new and cache:
        _keep_files(Path(cache), key, target)
    return Stats(len(pages), len(records), time.perf_counter() - start, written, size)
