"""``.gz`` and ``.br`` copies beside every text file of the output, for nginx's
``gzip_static`` and ``brotli_static``: compressed once per content, never per build.

Signal: pelican-granular-signals' ``compress``, which Pelican's ``finalized`` sends
after every ordinary ``finalized`` receiver (the search index, the sitemap): so
every file of the build is there, whatever the order of PLUGINS.

Each text file of ``COMPRESS_MIN_SIZE`` bytes or more with one of the
``COMPRESS_EXTENSIONS`` gets ``NAME.gz`` (gzip, no time stamp) and ``NAME.br``
(brotli), both byte-for-byte reproducible; a copy that would not be smaller is
not written. The compressed bytes are kept in ``COMPRESS_CACHE_PATH`` (default
``<CACHE_PATH>/compress/``) under the sha256 of the original: a rebuild
compresses only the files whose content changed (most pages come out of the
render cache unchanged), on every core.
Cache entries unused for ``COMPRESS_CACHE_DAYS`` days are removed.

On a machine with two cores or more, pages are compressed while the build goes on:
each page Pelican writes (``content_written``) is handed to a background thread,
which reads it, takes its copies from the cache or makes them, and writes its
``.gz``/``.br`` beside it. The final step skips the files the early copies were made
from: the same inode, size and modification time (output files are replaced, never
changed in place), else the same bytes; a file changed after it was first written is
compressed again, as it is. The copies are hard links to the cache's
(``plugins/core/files.py``; copies where links cannot be made).

Threads, not processes: brotli (1.2, pinned), zlib and hashlib let go of Python's
global lock while they work, so threads compress on every core; a forked process
copied the build's memory as the build went on changing it (60 MB of a 1000-article
build, on top of the build's own and the search indexer's at the build's peak).
"""

import gzip
import hashlib
import logging
import os
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

import blinker
import brotli
from pelican import signals
from pelican.plugins import granular_signals

from plugins.core.files import keep, place
from plugins.core.settings import start

logger = logging.getLogger(__name__)
USED_REFRESH = 3600  # seconds: a cache entry used again is marked used at most hourly

FORMATS = (".br", ".gz")
STATE_KEY = "compress_early"


def compress(data, kind, brotli_quality, gzip_level):
    """The ``kind`` (".br" or ".gz") copy of ``data``: reproducible bytes."""
    if kind == ".br":
        return brotli.compress(data, quality=brotli_quality)
    return gzip.compress(data, compresslevel=gzip_level, mtime=0)


# The compressors' versions, in each entry's name: another brotli or zlib may write other
# bytes for the same input, and a cache kept by CI would serve the old ones beside new.
LIBRARIES = f"b{brotli.__version__}-z{zlib.ZLIB_RUNTIME_VERSION}"

class Compressor:
    def __init__(self, settings):
        self.settings = settings
        self.cache = Path(settings["COMPRESS_CACHE_PATH"]
                          or os.path.join(settings["CACHE_PATH"], "compress"))
        self.levels = (settings["COMPRESS_BROTLI_QUALITY"], settings["COMPRESS_GZIP_LEVEL"])
        self.extensions = tuple(settings["COMPRESS_EXTENSIONS"])

    def candidates(self, output):
        """``(path, os.stat_result)`` of each file to compress."""
        minimum = self.settings["COMPRESS_MIN_SIZE"]
        for folder, _, files in os.walk(output):
            for name in sorted(files):
                path = Path(folder) / name
                if name.endswith(self.extensions):
                    stat = path.stat()
                    if stat.st_size >= minimum:
                        yield path, stat

    def cached_path(self, digest, kind):
        quality = self.levels[0] if kind == ".br" else self.levels[1]
        return self.cache / digest[:2] / f"{digest}-{quality}-{LIBRARIES}{kind}"

    def cached(self, digest, kind):
        """``(file, size)`` of the kept ``kind`` copy of the bytes with this digest, marked
        used, or None. One ``stat``: the access time of an entry is renewed (a write) only
        when it is over :data:`USED_REFRESH` seconds old, the pruning counting in days. Its
        modification time is left alone: the copies in the output are links to the entry,
        and the web server's ``Last-Modified`` and ``ETag`` are that date (a renewed date
        sent every unchanged page and feed again to every reader after a release; a
        publish may give it the older date of the same bytes, tools/previous_release.py's
        ``keep_dates``)."""
        cached = self.cached_path(digest, kind)
        try:
            status = cached.stat()
            if status.st_atime < time.time() - USED_REFRESH:  # used: kept by the pruning
                os.utime(cached, ns=(time.time_ns(), status.st_mtime_ns))
        except FileNotFoundError:
            return None
        return cached, status.st_size

    def run(self, output, written=None):
        """Compress what needs it; ``written`` maps a path to ``(digest, identity)`` of
        the file whose copies are already beside it (the early copies)."""
        started, todo, reused = time.perf_counter(), [], 0
        written = written or {}
        for path, stat in self.candidates(output):
            early = written.get(str(path))
            # The very file the early copies were made from: output files are replaced
            # (a new inode), never changed in place, so it need not be read again.
            if early is not None and identity(stat) == early[1]:
                reused += len(FORMATS)
                continue
            data = path.read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            if early is not None and early[0] == digest:  # the same bytes, rewritten
                reused += len(FORMATS)
                continue
            missing = self.link_cached(path, len(data), digest)
            reused += len(FORMATS) - len(missing)
            todo += [(path, data, digest, kind) for kind in missing]
        if todo:
            datas, kinds = [item[1] for item in todo], [item[3] for item in todo]
            make = partial(compress, brotli_quality=self.levels[0], gzip_level=self.levels[1])
            workers = min(os.cpu_count() or 1, 8)
            if workers > 1 and len(todo) > 1:
                with ThreadPoolExecutor(workers, thread_name_prefix="compress") as pool:
                    blobs = list(pool.map(make, datas, kinds))
            else:
                blobs = list(map(make, datas, kinds))
            for (path, data, digest, kind), blob in zip(todo, blobs):
                self.keep_and_link(path, len(data), digest, kind, blob)
        self._prune()
        logger.info("Compressed copies: %d new, %d from the cache, in %.2f s", len(todo),
                    reused, time.perf_counter() - started)

    def link_cached(self, path, size, digest):
        """``path``'s copies that the cache has, beside it; the kinds it lacks."""
        missing = []
        for kind in FORMATS:
            found = self.cached(digest, kind)
            if found is None:
                missing.append(kind)
            else:
                self._write(path, kind, size, *found)
        return missing

    def keep_and_link(self, path, size, digest, kind, blob):
        """A copy just made: kept in the cache, then beside ``path``."""
        cached = self.cached_path(digest, kind)
        keep(cached, blob)
        self._write(path, kind, size, cached, len(blob))

    @staticmethod
    def _write(path, kind, size, cached, cached_size):
        """``path``'s ``kind`` copy beside it: a link to the cache's file ``cached``
        (plugins/core/files.py) unless its ``cached_size`` is no smaller than the ``size``
        bytes of the file."""
        target = path.with_name(path.name + kind)
        if cached_size >= size:  # not worth it: no copy (and no stale one)
            target.unlink(missing_ok=True)
            return
        place(cached, target)

    def _prune(self):
        oldest = time.time() - self.settings["COMPRESS_CACHE_DAYS"] * 86400
        for entry in self.cache.glob("*/*"):
            try:
                if entry.stat().st_atime < oldest:  # unused (cached(): access time)
                    entry.unlink()
            except OSError:
                pass


def initialize(pelican):
    start(pelican, __name__)
    pelican.settings[STATE_KEY] = Early()


class Early:
    """Pages compressed in background threads while the build writes the others.

    The build only hands over each page's path: a thread reads the page, takes its
    copies from the cache or makes them (and keeps them), writes them beside the page
    and answers with the digest of the bytes it read. It sits in the settings (so in
    every page's context, where ``content_written`` finds it); pickled, it is a new
    idle one, as Pelican's content cache may pickle the settings.
    """

    def __init__(self):
        self.pool = self.compressor = None
        self.written = {}  # path -> (digest, identity) of the file its copies were made from

    def __reduce__(self):
        return (Early, ())

    def start(self, settings):
        self.stop()
        if (os.cpu_count() or 1) > 1:
            self.compressor = Compressor(settings)
            self.pool = ThreadPoolExecutor(min(os.cpu_count() - 1, 7),
                                           thread_name_prefix="compress-early")

    def add(self, path):
        compressor = self.compressor
        if compressor is None or not path.endswith(compressor.extensions):
            return
        future = self.pool.submit(_early_job, compressor, path)
        future.add_done_callback(partial(self._done, str(Path(path))))

    def _done(self, path, future):
        """In the thread that made them: the copies of ``path`` are beside it."""
        if future.cancelled() or future.exception() is not None:
            return  # the final step makes them
        made = future.result()
        if made is not None:
            self.written[path] = made

    def finish(self):
        """Wait for the pages handed over so far and return what was written (the
        callbacks run before the pool's shutdown returns)."""
        if self.pool is not None:
            self.pool.shutdown(wait=True)
        written, self.written = self.written, {}
        self.pool = self.compressor = None
        return written

    def stop(self):
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = self.compressor = None
        self.written = {}


def identity(stat):
    """What tells one version of an output file from another without reading it."""
    return stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns


def _early_job(compressor, path):
    """In a thread: ``path``'s copies beside it, from the cache or made and kept there;
    ``(digest, identity)`` of the file they were made from (None for a file too small)."""
    with open(path, "rb") as file:
        stat = os.fstat(file.fileno())
        data = file.read()
    if len(data) < compressor.settings["COMPRESS_MIN_SIZE"]:
        return None
    digest = hashlib.sha256(data).hexdigest()
    for kind in compressor.link_cached(Path(path), len(data), digest):
        compressor.keep_and_link(Path(path), len(data), digest, kind,
                                 compress(data, kind, *compressor.levels))
    return digest, identity(stat)


def start_run(pelican):
    pelican.settings[STATE_KEY].start(pelican.settings)


def compress_written(path, context):
    early = context.get(STATE_KEY)
    if early is not None:
        early.add(path)


def compress_output(pelican):
    written = pelican.settings[STATE_KEY].finish()
    Compressor(pelican.settings).run(pelican.output_path, written)


def register():
    granular_signals.register()  # the "compress" signal, after every finalized receiver
    signals.initialized.connect(initialize)
    signals.get_generators.connect(start_run)
    signals.content_written.connect(compress_written)
    blinker.signal("compress").connect(compress_output)
