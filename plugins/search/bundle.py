"""The Pagefind bundle: pages and records in, ``<output>/pagefind/`` out, or an error.

Pagefind's Python API (package ``pagefind`` 1.5.2, binary from ``pagefind-bin``) is
asynchronous and drives ``pagefind --service``, a child process speaking
base64 JSON over stdin/stdout. :func:`build_bundle` is the one synchronous entry
point (Pelican's ``finalized`` calls it; so can a benchmark; so can code that runs an
event loop). Over the stock API it:

- never sleeps 0.1 s before reading each answer, reads answers up to 256 MiB, and
  fails fast and clearly: a binary that is missing, exits, prints garbage or answers
  an error fails every pending request with the binary's own output
  (:mod:`.service`), and the whole step runs within ``timeout`` seconds (then the
  child is killed: :func:`.feeding.pagefind_bundle`);
- gives Pagefind of each page only what it reads (:mod:`.marked_body`), without
  footnotes' marks (:mod:`.note_marks`), attachments' titles ended as sentences
  (:mod:`.attachment_titles`), elisions split (:mod:`.elisions`), and the records
  (:mod:`.feeding`);
- asks for the files in memory (``get_files``) and writes them itself, into a
  fresh folder swapped in only when complete (:mod:`.writing`): 1.5.2 answers
  ``WriteFiles`` before its files are flushed, and closing the service then can leave
  them truncated (fixed upstream after 1.5.2); and ``write_files`` never removes the
  stale files of earlier builds, which would pile up in ``output/pagefind``;
- leaves out the prebuilt UIs of the bundle (the site has its own, and they
  need ``data:`` images and would only be dead weight);
- puts the filters, their values and the sorts in one order (:mod:`.canonical`):
  Pagefind writes them in a hash map's order, which changed the bundle from one
  build to the next;
- keeps each bundle in a cache by the digest of its inputs, reused when they are the
  same (:mod:`.cache`).

Any failure is a :class:`~.errors.SearchIndexError`. :class:`.service.Service` overrides
two private methods of ``PagefindService`` (``launch``, ``_wait_for_responses``): the
versions are pinned in requirements.txt, and ``tests/test_search_bundle.py`` fails if
they change under it.
"""

import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from .cache import cached_files, inputs_digest, keep_files
from .canonical import canonical
from .feeding import pagefind_bundle, run
from .service import binary
from .writing import FOLDER, check, write

logger = logging.getLogger(__name__)


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
    files, reason = canonical(
        run(pagefind_bundle(pages, records, language, executable, timeout)), language)
    if reason:
        logger.warning("Search index: left in Pagefind's order, which changes from build to"
                       " build (%s)", reason)
    return files


def build_bundle(output_path, pages, records=(), *, language="it", executable=None,
                 timeout=300, cache=None):
    """Index ``pages`` (:class:`Page`) and ``records`` (:class:`Record`) into
    ``<output_path>/pagefind/``; :class:`Stats`, or
    :class:`~.errors.SearchIndexError`.

    Whatever goes wrong, no partial bundle is left: the new one replaces the old
    one only when complete. With a ``cache`` folder, the bundle of the very same
    inputs is reused (fast).
    """
    pages, records = list(pages), list(records)
    start = time.perf_counter()
    key = inputs_digest(pages, records, language) if cache else None
    files = cached_files(Path(cache) / key) if cache else None
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
        keep_files(Path(cache), key, target)
    return Stats(len(pages), len(records), time.perf_counter() - start, written, size)
