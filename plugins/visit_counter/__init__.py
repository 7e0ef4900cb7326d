"""Visit counter: settings and page data for theme/static/js/visit-counter.js.

The browser records the visit and shows the count ("1459 visite"), talking to a
GoatCounter-compatible service (README.md). This plugin only prepares what the
templates render. Signal ``initialized``: the ``VISIT_COUNTER_*`` settings
(:mod:`.settings`; a bad address turns the counter off) and the ``visit_path``
Jinja filter.

``visit_path`` is the one canonical form of a page's path, used both to record and
to read its count: leading ``/``, no trailing ``/``, no query or fragment, no final
``index.html``. The script applies the same rule (``canonical`` in visit-counter.js).
"""

import re
from urllib.parse import unquote, urlsplit

from pelican import signals

from plugins.core.settings import add_filters, listed_fields, start
from plugins.core.urls import without_index


QUERY_RE = re.compile(r"[?#]")
SLASHES_RE = re.compile(r"/{2,}")


def visit_path(url):
    """The counter's path for a site URL: ``"2024/05/slug/?x=1"`` -> ``"/2024/05/slug"``."""
    text = str(url or "")
    if "://" in text:  # an absolute URL: its path only
        text = urlsplit(text).path
    path = unquote(QUERY_RE.split(text, maxsplit=1)[0])
    path = SLASHES_RE.sub("/", "/" + path)
    return without_index(path).rstrip("/") or "/"


def initialize(pelican):
    start(pelican, __name__)
    add_filters(pelican.settings, {"visit_path": visit_path})
    # a card shows an item's visits before the counter (visite_precedenti): a listing is
    # rendered again when they change (plugins/writer's render cache)
    listed_fields(pelican.settings, "visite_precedenti")


def register():
    signals.initialized.connect(initialize)
