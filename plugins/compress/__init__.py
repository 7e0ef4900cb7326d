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
each page Pelican writes (``content_written``) is handed to a background process,
which reads it, takes its copies from the cache or makes them, and writes its
``.gz``/``.br`` beside it. The final step reads every file again and skips only those whose
bytes are the ones the early copies were made from: a file changed after it was
first written is compressed again, as it is.
"""

import gzip
import hashlib
import logging
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

import blinker
import brotli
from pelican import signals
from pelican.plugins import granular_signals

from plugins.core import processes
from plugins.core import settings as core_settings

logger = logging.getLogger(__name__)

PREFIX = "COMPRESS_"
DEFAULTS = {
    "COMPRESS_MIN_SIZE": 1024,  # bytes: smaller files are sent as they are
    "COMPRESS_EXTENSIONS": [".html", ".css", ".js", ".xml", ".svg", ".json", ".txt"],
    # 6: within 10 % of brotli's best (11) on these pages, fifteen times faster
    "COMPRESS_BROTLI_QUALITY": 6,
    "COMPRESS_GZIP_LEVEL": 9,
    "COMPRESS_CACHE_DAYS": 14,
    "COMPRESS_CACHE_PATH": "",  # "": <CACHE_PATH>/compress
}
FORMATS = (".br", ".gz")
PARALLEL_FROM = 200  # copies to make: fewer are made in this process (no start-up cost)
STATE_KEY = "compress_early"


def check(settings):
    problems = []
    for name, low, high in (("COMPRESS_MIN_SIZE", 0, 10**9),
                            ("COMPRESS_BROTLI_QUALITY", 0, 11), ("COMPRESS_GZIP_LEVEL", 1, 9),
                            ("COMPRESS_CACHE_DAYS", 1, 3650)):
        value = settings[name]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            problems.append((name, f"must be a whole number from {low} to {high}, not {value!r}"))
    extensions = settings["COMPRESS_EXTENSIONS"]
    if not isinstance(extensions, (list, tuple)) or not all(
            isinstance(e, str) and e.startswith(".") for e in extensions):
        problems.append(("COMPRESS_EXTENSIONS", f"must be a list like ['.html'], not"
                                                f" {extensions!r}"))
    if not isinstance(settings["COMPRESS_CACHE_PATH"], str):
        problems.append(("COMPRESS_CACHE_PATH", f"must be a folder path, not"
                                                f" {settings['COMPRESS_CACHE_PATH']!r}"))
    return problems


def compress(data, kind, brotli_quality, gzip_level):
    """The ``kind`` (".br" or ".gz") copy of ``data``: reproducible bytes."""
    if kind == ".br":
        return brotli.compress(data, quality=brotli_quality)
    return gzip.compress(data, compresslevel=gzip_level, mtime=0)


def _compress_job(job):
    data, kind, brotli_quality, gzip_level = job
    return compress(data, kind, brotli_quality, gzip_level)


class Compressor:
    def __init__(self, settings):
        self.settings = settings
        self.cache = Path(settings["COMPRESS_CACHE_PATH"]
                          or os.path.join(settings["CACHE_PATH"], "compress"))
        self.levels = (settings["COMPRESS_BROTLI_QUALITY"], settings["COMPRESS_GZIP_LEVEL"])
        self.extensions = tuple(settings["COMPRESS_EXTENSIONS"])

    def candidates(self, output):
        minimum = self.settings["COMPRESS_MIN_SIZE"]
        for folder, _, files in os.walk(output):
            for name in sorted(files):
                path = Path(folder) / name
                if name.endswith(self.extensions) and path.stat().st_size >= minimum:
                    yield path

    def cached_path(self, digest, kind):
        quality = self.levels[0] if kind == ".br" else self.levels[1]
        return self.cache / digest[:2] / f"{digest}-{quality}{kind}"

    def cached(self, digest, kind):
        """The kept ``kind`` copy of the bytes with this digest (marked used), or None."""
        cached = self.cached_path(digest, kind)
        try:
            blob = cached.read_bytes()
        except FileNotFoundError:
            return None
        os.utime(cached)  # used: kept by the pruning
        return blob

    @staticmethod
    def store(cached, blob):
        cached.parent.mkdir(parents=True, exist_ok=True)
        temporary = cached.with_name(f".{cached.name}.{os.getpid()}.{threading.get_ident()}.part")
        temporary.write_bytes(blob)
        os.replace(temporary, cached)

    def run(self, output, written=None):
        """Compress what needs it; ``written`` maps ``(path, kind)`` to the digest of the
        bytes whose copy is already beside the file (the early copies)."""
        started, todo, reused = time.perf_counter(), [], 0
        written = written or {}
        for path in self.candidates(output):
            data = path.read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            for kind in FORMATS:
                if written.get((str(path), kind)) == digest:
                    reused += 1
                    continue
                blob = self.cached(digest, kind)
                if blob is None:
                    todo.append((path, data, kind, self.cached_path(digest, kind)))
                    continue
                reused += 1
                self._write(path, kind, data, blob)
        if todo:
            jobs = [(data, kind, *self.levels) for _, data, kind, _ in todo]
            workers = min(os.cpu_count() or 1, 8)
            if workers > 1 and len(jobs) > PARALLEL_FROM:
                with ProcessPoolExecutor(workers, **processes.pool_options()) as pool:
                    blobs = list(pool.map(_compress_job, jobs, chunksize=16))
            else:
                blobs = [_compress_job(job) for job in jobs]
            for (path, data, kind, cached), blob in zip(todo, blobs):
                self.store(cached, blob)
                self._write(path, kind, data, blob)
        self._prune()
        logger.info("Compressed copies: %d new, %d from the cache, in %.2f s", len(todo),
                    reused, time.perf_counter() - started)

    @staticmethod
    def _write(path, kind, data, blob):
        target = path.with_name(path.name + kind)
        if len(blob) >= len(data):  # not worth it: no copy (and no stale one)
            target.unlink(missing_ok=True)
            return
        temporary = target.with_name(f".{target.name}.{os.getpid()}.part")
        temporary.write_bytes(blob)
        os.replace(temporary, target)

    def _prune(self):
        oldest = time.time() - self.settings["COMPRESS_CACHE_DAYS"] * 86400
        for entry in self.cache.glob("*/*"):
            try:
                if entry.stat().st_mtime < oldest:
                    entry.unlink()
            except OSError:
                pass


def initialize(pelican):
    core_settings.install(pelican.settings, PREFIX, DEFAULTS, check)
    pelican.settings[STATE_KEY] = Early()


class Early:
    """Pages compressed in a background process while the build writes the others.

    The parent only hands over each page's path: a worker reads the page, takes its
    copies from the cache or makes them (and keeps them), writes them beside the page
    and answers with the digest of the bytes it read. It sits in the settings (so in
    every page's context, where ``content_written`` finds it); pickled, it is a new
    idle one, as Pelican's content cache may pickle the settings.
    """

    def __init__(self):
        self.pool = self.compressor = None
        self.written = {}  # (path, kind) -> digest of the bytes its copy was made from

    def __reduce__(self):
        return (Early, ())

    def start(self, settings):
        self.stop()
        if (os.cpu_count() or 1) > 1:
            self.compressor = Compressor(settings)
            self.pool = ProcessPoolExecutor(
                min(os.cpu_count() - 1, 7),
                **processes.pool_options(_start_early_worker, (self.compressor,)))

    def add(self, path):
        compressor = self.compressor
        if compressor is None or not path.endswith(compressor.extensions):
            return
        future = self.pool.submit(_early_job, path)
        future.add_done_callback(partial(self._done, str(Path(path))))

    def _done(self, path, future):
        """In the pool's thread: the copies of ``path`` are beside it."""
        if future.cancelled() or future.exception() is not None:
            return  # the final step makes them
        digest = future.result()
        if digest is not None:
            for kind in FORMATS:
                self.written[(path, kind)] = digest

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


_EARLY = {}  # in an early worker: its Compressor


def _start_early_worker(compressor):
    _EARLY["compressor"] = compressor


def _early_job(path):
    """In a worker: ``path``'s copies beside it, from the cache or made and kept there;
    the digest of the bytes they were made from (None for a file too small)."""
    compressor = _EARLY["compressor"]
    with open(path, "rb") as file:
        data = file.read()
    if len(data) < compressor.settings["COMPRESS_MIN_SIZE"]:
        return None
    digest = hashlib.sha256(data).hexdigest()
    for kind in FORMATS:
        blob = compressor.cached(digest, kind)
        if blob is None:
            blob = compress(data, kind, *compressor.levels)
            Compressor.store(compressor.cached_path(digest, kind), blob)
        Compressor._write(Path(path), kind, data, blob)  # noqa: SLF001
    return digest


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
