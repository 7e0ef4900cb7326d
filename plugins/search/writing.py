"""The bundle written into ``<output>/pagefind/``: checked (:func:`check`: its entry file
names the index, its loader is there), written into a fresh folder beside it and swapped
in only when complete (:func:`write`: files from memory, or hard links to the cache's;
the prebuilt UIs left out, :data:`UNUSED`), removed when the build fails (:func:`remove`)."""

import json
import os
import shutil
import tempfile

from plugins.core.files import place

from .canonical import ENTRY
from .errors import SearchIndexError
from .settings import BUNDLE_FOLDER

FOLDER = BUNDLE_FOLDER  # the bundle's folder in the output (the JS API is loaded from it)
# The prebuilt UIs and the highlighter shipped in every bundle: not used by the site.
UNUSED = ("pagefind-ui.", "pagefind-component-ui.", "pagefind-modular-ui.",
          "pagefind-highlight.")
REQUIRED = (ENTRY, "pagefind.js", "pagefind-worker.js")


def check(files, language):
    """The bundle is usable: its entry file names the index, its loader is there."""
    names = {item["path"] for item in files}
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        raise SearchIndexError(f"Search index: pagefind's bundle lacks {', '.join(missing)}")
    entry = next(item["content"] for item in files if item["path"] == ENTRY)
    try:
        languages = json.loads(entry)["languages"]
    except (ValueError, KeyError, TypeError) as error:
        raise SearchIndexError(f"Search index: unreadable {ENTRY} ({error})") from error
    return languages.get(language, {}).get("page_count", 0)


def _place(item, path):
    """Write one bundle file: its ``content``, or a hard link to its ``source`` (a file
    of the cache; plugins/core/files.py)."""
    if "source" in item:  # the cache's files were made readable by all when written
        place(item["source"], path)
        return os.path.getsize(path)
    with open(path, "wb") as out:
        out.write(item["content"])
    os.chmod(path, 0o644)
    return len(item["content"])


def write(files, target):
    """Write the bundle into a fresh folder beside ``target``, then swap it in."""
    parent = os.path.dirname(target)
    os.makedirs(parent, exist_ok=True)
    fresh = tempfile.mkdtemp(prefix=f".{FOLDER}-new-", dir=parent)
    written = size = 0
    folders = set()
    try:
        for item in files:
            relative = item["path"]
            if relative.startswith(UNUSED) or os.path.isabs(relative) or ".." in relative.split("/"):
                continue
            path = os.path.join(fresh, *relative.split("/"))
            folder = os.path.dirname(path)
            if folder not in folders:
                os.makedirs(folder, exist_ok=True)
                folders.add(folder)
            size += _place(item, path)
            written += 1
        os.chmod(fresh, 0o755)
        old = None
        if os.path.lexists(target):
            old = tempfile.mkdtemp(prefix=f".{FOLDER}-old-", dir=parent)
            os.rename(target, os.path.join(old, FOLDER))
        os.rename(fresh, target)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    if old:
        shutil.rmtree(old, ignore_errors=True)
    return written, size


def remove(output_path):
    """Remove the bundle (a failed build must not keep serving an old index)."""
    target = os.path.join(output_path, FOLDER)
    if os.path.isdir(target) and not os.path.islink(target):
        shutil.rmtree(target)
