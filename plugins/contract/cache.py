"""Results of reading a content file, kept while nothing they depend on changes.

Reading a file is most of a build's work on the content side: checks, Markdown,
the sanitizer, typography. :class:`FileCache` keeps the result of a file under
the sha256 of its path and bytes, in ``<CACHE_PATH>/<namespace>-<digest>/``,
where the digest covers every setting (but the paths) and every file of
plugins/: a change to either reads every file again. A result also lists the
other files it looked at (link targets, the cover image) with their size,
modification time and whether their folder lists them by that very name; when one of
them changed, appeared, disappeared or was renamed with other capitals, the file
is read again, so an error can never be forgotten. Only files without errors
are kept: a file with errors is read (and reported) again every time.
"""

import hashlib
import logging
import os
import pickle
import shutil
from pathlib import Path

from plugins.core.digest import code_digest, hash_parts, settings_digest
from plugins.core.files import keep, listing

logger = logging.getLogger(__name__)

KEEP_FOLDERS = 3  # digests kept per namespace (e.g. preview and public builds)
FORMAT = 2  # 2: reader.Read has the item's slug


def stamp(path):
    """``(size, mtime, spelled as on disk)`` of a file, or None when it does not exist.

    The last part tells whether the folder's listing holds the name exactly: on macOS
    and Windows a file renamed from ``foto.JPG`` to ``Foto.jpg`` still answers to its
    old name (same size and time), and a link spelled the old way must be read again
    (``files.spelling``: the name differs in letter case)."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    folder, name = os.path.split(path)
    return status.st_size, status.st_mtime_ns, name in listing(folder)


class FileCache:
    def __init__(self, settings, namespace):
        digest = hash_parts(namespace, str(FORMAT), code_digest(), settings_digest(settings))
        root = Path(settings["CACHE_PATH"])
        self.folder = root / f"{namespace}-{digest[:16]}"
        self.unwritable = False
        self.empty = True  # nothing kept yet: every file is a miss, without looking
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            os.utime(self.folder)
            with os.scandir(self.folder) as entries:
                self.empty = next(entries, None) is None
        except OSError as error:
            self._cannot_write(error)
            return
        folders = sorted((p for p in root.glob(f"{namespace}-*") if p.is_dir()),
                         key=lambda p: p.stat().st_mtime, reverse=True)
        for old in folders[KEEP_FOLDERS:]:
            shutil.rmtree(old, ignore_errors=True)

    def _path(self, relative, data):
        key = hashlib.sha256(relative.encode("utf-8") + b"\0" + data).hexdigest()
        return self.folder / key[:2] / f"{key}.pickle"

    def has(self, relative, data):
        """True when something is kept for this file's bytes (its dependencies unchecked)."""
        return not self.empty and self._path(relative, data).is_file()

    def get(self, relative, data):
        """The value kept for this file's bytes, or None (absent, or a dependency changed)."""
        if self.empty:  # a cold build or check: no digest to work out for each file
            return None
        try:
            with open(self._path(relative, data), "rb") as handle:
                deps, value = pickle.load(handle)  # noqa: S301 - the site's own cache files
            if any(stamp(path) != before for path, before in deps.items()):
                return None
        except Exception:  # noqa: BLE001 - a damaged entry (any error unpickling it) is a miss
            return None  # the file is read again and its entry written anew
        return value

    def put(self, relative, data, deps, value):
        """Keep ``value`` for this file's bytes and the current state of ``deps`` (paths).
        A cache that cannot be written is one warning: the build goes on without it."""
        if self.unwritable:
            return
        try:
            keep(self._path(relative, data), pickle.dumps(
                ({dep: stamp(dep) for dep in deps}, value), protocol=pickle.HIGHEST_PROTOCOL))
            self.empty = False
        except OSError as error:
            self._cannot_write(error)

    def _cannot_write(self, error):
        logger.warning("Cache %s not writable (%s): reading every file without it",
                       self.folder, error.strerror or error)
        self.unwritable = True
