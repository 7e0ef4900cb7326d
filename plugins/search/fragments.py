"""What a written bundle holds (:func:`fragments`), read from its fragment files: for tests
and for looking into an index."""

import gzip
import json
from pathlib import Path

from .canonical import SIGNATURE  # before the JSON of a fragment too


def fragments(folder):
    """What a written bundle holds: one dict per page or record (``url``, ``content``,
    ``meta``, ``filters``…), read from its ``fragment/*.pf_fragment`` files (Pagefind
    1.x: gzip of ``pagefind_dcd`` and JSON). For tests and for looking into an index."""
    found = []
    for path in sorted(Path(folder, "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        if not data.startswith(SIGNATURE):
            raise ValueError(f"{path}: not a Pagefind fragment")
        found.append(json.loads(data[len(SIGNATURE):]))
    return found
