"""The bundle cache: each bundle kept by the digest of what decides it
(:func:`inputs_digest`), so that a rebuild of the very same inputs takes it from there
(:func:`cached_files`) without running Pagefind; the output and the cache share the files
as hard links (copies where links cannot be made: :func:`keep_files`), and only the newest
:data:`KEEP_BUNDLES` are kept. Builds may share one cache."""

import hashlib
import importlib.metadata
import json
import os
import shutil
import tempfile
from pathlib import Path

from plugins.core.files import place

from .canonical import FORMAT as ORDER_FORMAT
from .feeding import FEED_FORMAT
from .writing import ENTRY, UNUSED

KEEP_BUNDLES = 3  # bundles kept in the cache (e.g. a preview and a public build)
PAGEFIND_VERSION = importlib.metadata.version("pagefind-bin")


def inputs_digest(pages, records, language):
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


def cached_files(folder):
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


def keep_files(cache, key, written):
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
