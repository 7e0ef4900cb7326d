"""What every plugin of this site shares, and the theme's general-purpose filters.

Modules, imported explicitly (``from plugins.core import items``):

- :mod:`.errors`: errors whose message says it all (no traceback);
- :mod:`.filetypes`: what a file is by its content, whether its extension agrees
  and its kind is allowed; the MIME table;
- :mod:`.items`: which generator lists hold which items, and what happens to them;
- :mod:`.pages`: which page numbers a list's pagination links;
- :mod:`.processes`: child processes and pool workers that die with their parent;
- :mod:`.settings`: the one settings style (prefix, ``DEFAULTS``, validation at
  ``initialized``), ``JINJA_FILTERS`` merging, declared plugin dependencies;
- :mod:`.problems`: a problem an editor can fix, with its file and line;
- :mod:`.text`: names turned into titles;
- :mod:`.urls`: a page's address without its final ``index.html``; items' addresses
  kept once known.

As a plugin (first in PLUGINS) it gives templates the ``without_index`` and
``page_window`` filters and, at ``all_generators_finalized``, keeps every item's
``url`` and ``save_as`` (:func:`.urls.freeze`).
"""

from pelican import signals

from .items import all_items
from .pages import page_window
from .settings import add_filters
from .urls import freeze, without_index

FILTERS = {"without_index": without_index, "page_window": page_window}


def initialize(pelican):
    add_filters(pelican.settings, FILTERS)


def freeze_urls(generators):
    freeze(item for item, _ in all_items(generators))


def register():
    signals.initialized.connect(initialize)
    signals.all_generators_finalized.connect(freeze_urls)
