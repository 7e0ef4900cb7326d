"""``.gz`` and ``.br`` copies beside every text file of the output, for nginx's
``gzip_static`` and ``brotli_static``: compressed once per content, never per build.

Signal: pelican-granular-signals' ``compress``, which Pelican's ``finalized`` sends
after every ordinary ``finalized`` receiver (the search index, the sitemap): so
every file of the build is there, whatever the order of PLUGINS.

Each text file of ``COMPRESS_MIN_SIZE`` bytes or more with one of the
``COMPRESS_EXTENSIONS`` gets ``NAME.gz`` (gzip, no time stamp) and ``NAME.br``
(brotli), both byte-for-byte reproducible; a copy that would not be smaller is
not written. The compressed bytes are kept in ``<CACHE_PATH>/compress/`` under
the sha256 of the original: a rebuild compresses only the files whose content
changed (most pages come out of the render cache unchanged), on every core.
Cache entries unused for ``COMPRESS_CACHE_DAYS`` days are removed.
"""

import gzip
import hashlib
import logging
import os
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import blinker
import brotli
from pelican import signals
from pelican.plugins import granular_signals

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
}
FORMATS = (".br", ".gz")
PARALLEL_FROM = 200  # copies to make: fewer are made in this process (no start-up cost)


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
        self.cache = Path(settings["CACHE_PATH"]) / "compress"
        self.levels = (settings["COMPRESS_BROTLI_QUALITY"], settings["COMPRESS_GZIP_LEVEL"])

    def candidates(self, output):
        extensions = tuple(self.settings["COMPRESS_EXTENSIONS"])
        minimum = self.settings["COMPRESS_MIN_SIZE"]
        for folder, _, files in os.walk(output):
            for name in sorted(files):
                path = Path(folder) / name
                if name.endswith(extensions) and path.stat().st_size >= minimum:
                    yield path

    def _cached(self, digest, kind):
        quality = self.levels[0] if kind == ".br" else self.levels[1]
        return self.cache / digest[:2] / f"{digest}-{quality}{kind}"

    def run(self, output):
        started, todo, reused = time.perf_counter(), [], 0
        for path in self.candidates(output):
            data = path.read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            for kind in FORMATS:
                cached = self._cached(digest, kind)
                try:
                    blob = cached.read_bytes()
                except FileNotFoundError:
                    todo.append((path, data, kind, cached))
                    continue
                os.utime(cached)  # used: kept by the pruning below
                reused += 1
                self._write(path, kind, data, blob)
        if todo:
            jobs = [(data, kind, *self.levels) for _, data, kind, _ in todo]
            workers = min(os.cpu_count() or 1, 8)
            if workers > 1 and len(jobs) > PARALLEL_FROM:
                with ProcessPoolExecutor(workers) as pool:
                    blobs = list(pool.map(_compress_job, jobs, chunksize=16))
            else:
                blobs = [_compress_job(job) for job in jobs]
            for (path, data, kind, cached), blob in zip(todo, blobs):
                cached.parent.mkdir(parents=True, exist_ok=True)
                temporary = cached.with_name(f".{cached.name}.{os.getpid()}.part")
                temporary.write_bytes(blob)
                os.replace(temporary, cached)
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
        temporary = target.with_name(f".{target.name}.part")
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


def compress_output(pelican):
    Compressor(pelican.settings).run(pelican.output_path)


def register():
    granular_signals.register()  # the "compress" signal, after every finalized receiver
    signals.initialized.connect(initialize)
    blinker.signal("compress").connect(compress_output)
