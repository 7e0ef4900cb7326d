"""Files shared between a cache and the output.

A cache entry is never changed in place (it is written under a temporary name and
renamed), and neither is an output file: so the output may hold a hard link to the
entry instead of a copy of its bytes. A link is one directory entry, where a copy is
a new file written whole; on a machine with a slow disk that is most of the cost of
writing a site again.
"""

import fnmatch
import functools
import os
import re
import shutil
import threading
import unicodedata
from functools import partial


@functools.lru_cache(maxsize=8)
def _ignore_pattern(patterns):
    return re.compile("|".join(fnmatch.translate(pattern) for pattern in patterns) or "(?!)")


def ignored(name, patterns):
    """True when the base ``name`` matches one of the shell ``patterns`` (a tuple:
    ``IGNORE_FILES``, the preview's): one compiled pattern, for every file of a walk."""
    return bool(_ignore_pattern(tuple(patterns)).match(name))


def keep(path, data):
    """Write a file whole (under a temporary name, then renamed: a reader sees the old
    file or the new one, never half of it) and readable by all: the output's files may
    be links to cache entries, and the web server must read them whatever the build's
    umask. The one way the plugins write a cache entry or a generated file from bytes.
    ``path``: a path (its folder is made if needed); ``data``: bytes."""
    path = os.fspath(path)
    os.makedirs(os.path.dirname(path), exist_ok=True)  # cache/ may go at any time

    def fill(temporary):
        with open(temporary, "wb") as handle:
            handle.write(data)

    _replace(path, fill)


def place(source, target):
    """Make ``target`` a hard link to ``source`` (a copy where links cannot be made:
    another file system, a file system without links, a source not readable by all,
    which a copy is). An existing ``target`` is replaced in one rename, so a reader
    sees the old file or the new one. ``source`` must never change in place: a cache
    entry, an installed package's file."""
    if os.stat(source).st_mode & 0o444 != 0o444:
        _replace(target, partial(shutil.copyfile, source))
        return
    try:
        os.link(source, target)
        return
    except FileExistsError:
        if os.path.samefile(source, target):  # already this very file
            return
    except OSError:
        _replace(target, partial(shutil.copyfile, source))
        return
    temporary = _temporary(target)
    try:
        os.link(source, temporary)
    except OSError:
        _replace(target, partial(shutil.copyfile, source))
        return
    os.replace(temporary, target)
    if os.path.lexists(temporary):  # rename() does nothing between links to one file
        os.unlink(temporary)


def _temporary(target):
    folder, name = os.path.split(os.fspath(target))
    return os.path.join(folder, f".{name}.{os.getpid()}.{threading.get_ident()}.part")


def _replace(target, fill):
    """``fill(temporary)`` makes a new file, readable by all, which then replaces
    ``target`` in one rename; nothing is left behind when anything fails."""
    temporary = _temporary(target)
    try:
        fill(temporary)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def on_disk(root, relative):
    """``relative`` as spelled on disk under ``root``, or None when no such file exists.

    A name typed in front matter and the same name on disk may differ in Unicode
    normalisation only ("à" as one code point, or "a" and a combining accent, as
    macOS and some upload tools write it): both name the same file.
    """
    if os.path.isfile(os.path.join(root, relative)):
        return relative
    folder, parts = root, []
    for part in relative.split("/"):
        wanted = unicodedata.normalize("NFC", part)
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            return None
        match = part if part in names else next(
            (name for name in names if unicodedata.normalize("NFC", name) == wanted), None)
        if match is None:
            return None
        parts.append(match)
        folder = os.path.join(folder, match)
    return "/".join(parts) if os.path.isfile(folder) else None
