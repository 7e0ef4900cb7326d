"""For the live preview only: which item each page is written from.

``CONTRACT_PREVIEW_SOURCES`` (a file's path, set by tools/preview.py with Pelican's ``-e``;
no other build sets it) gets ``{page written: its item's file under content/}`` as JSON,
for the preview to put a page's own warnings first."""

import json
import os

from plugins.core.files import keep
from plugins.core.items import PUBLIC, all_items, source


def note_sources(generators):
    """``{"2024/05/festa/index.html": "notizie/festa.md"}`` for every item the build
    writes (translations and hidden items too) into ``CONTRACT_PREVIEW_SOURCES``; nothing
    when it is empty (every build but the preview's)."""
    if not generators:
        return
    path = generators[0].settings["CONTRACT_PREVIEW_SOURCES"]
    if not path:
        return
    pages = {item.save_as.replace(os.sep, "/"): source(item)
             for item, _ in all_items(generators, PUBLIC) if item.save_as}
    keep(path, json.dumps(pages, ensure_ascii=False, sort_keys=True).encode("utf-8"))
