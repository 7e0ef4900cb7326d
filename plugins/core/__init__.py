"""What every plugin of this site shares, and the theme's general-purpose filters.

Modules, imported explicitly (``from plugins.core import items``):

- :mod:`.budget`: a time limit for work on an editor's text (a signal timer);
- :mod:`.childproc`: what a bounded child process needs (limits, its messages);
- :mod:`.digest`: digests of files, settings and code that key the caches;
- :mod:`.errors`: errors whose message says it all (no traceback);
- :mod:`.files`: files written whole, cache entries shared with the output as links;
- :mod:`.filetypes`: what a file is by its content, whether its extension agrees
  and its kind is allowed; the MIME table;
- :mod:`.items`: which generator lists hold which items, and what happens to them;
- :mod:`.output`: a built site's files, and which of them an internal link names (the
  release check's and the build's one reading of links typed by address);
- :mod:`.pages`: which page numbers a list's pagination links; articles grouped by year
  and month for the archives;
- :mod:`.processes`: child processes and pool workers that die with their parent;
- :mod:`.settings`: the one settings style (prefix, ``DEFAULTS``, validation at
  ``initialized``), ``JINJA_FILTERS`` merging, declared plugin dependencies, the
  output folders a plugin writes itself (``reserve``);
- :mod:`.problems`: a problem an editor can fix, with its file and line;
- :mod:`.terms`: what the build writes for a tag, a category, an author (its page,
  its feeds): a term of a hidden article or a translation may have none;
- :mod:`.text`: names turned into titles; bidirectional control characters; HTML as plain
  text, cut at a word; the lead a body opens with;
- :mod:`.urls`: this machine's host names; a page's address without its final
  ``index.html``; items' addresses kept once known; the ``{static}`` links of an item.

As a plugin (first in PLUGINS) it gives templates the ``without_index``,
``breakable_url``, ``page_window``, ``per_anno``, ``per_mese``, ``anni_vicini``, ``distinti`` and ``at_url`` filters, the ``written`` test and the ``feed_url`` (a feed's address) and ``lazy_images`` (the page shows a lazily loaded image) globals, gives each tag, author and category one
name at ``article_generator_pretaxonomy`` (:func:`.terms.unify`: the most used spelling),
marks what the build writes for each term of each article (and makes the term lists'
``in`` a set lookup, :func:`.terms.fast_membership`) at
``article_generator_finalized`` (:func:`.terms.mark`: templates link a term only to a page
that exists), makes sure ``CACHE_PATH`` is a folder it can
write (every plugin keeps its results there: one clear error at start-up instead of a
failure blamed on an editor's file later), ends the process without a last pass of the
collector (:func:`.processes.quick_exit`), orders articles by :func:`.items.newest_first`
(``ARTICLE_ORDER_BY``, unless the site sets its own), and, at ``all_generators_finalized``, keeps
every item's ``url`` and ``save_as`` (:func:`.urls.freeze`).
"""

import os
import tempfile

from pelican import signals
from pelican.settings import DEFAULT_CONFIG

from .errors import QuietError, quiet_tracebacks
from .items import all_items, newest_first
from .pages import anni_vicini, at_url, distinti, lazy_images, page_window, per_anno, per_mese
from .processes import quick_exit
from .settings import add_filters
from .terms import fast_membership, mark, unify, written
from .urls import breakable_url, feed_url, freeze, without_index

FILTERS = {"without_index": without_index, "breakable_url": breakable_url,
           "page_window": page_window, "per_anno": per_anno, "per_mese": per_mese,
           "anni_vicini": anni_vicini, "distinti": distinti, "at_url": at_url}
TESTS = {"written": written}
GLOBALS = {"feed_url": feed_url, "lazy_images": lazy_images}


class CacheError(QuietError):
    """``CACHE_PATH`` cannot be written: the build stops before reading anything."""


def writable_cache(path):
    """Make ``path`` if missing and write a file in it; :class:`CacheError` if it cannot."""
    try:
        os.makedirs(path, exist_ok=True)
        with tempfile.TemporaryFile(dir=path):
            pass
    except OSError as error:
        raise CacheError(f"CACHE_PATH {path}: la cartella della cache non si può scrivere"
                         f" ({error.strerror or error}); correggi i permessi o cancellala"
                         f" / the cache folder is not writable") from None


def initialize(pelican):
    add_filters(pelican.settings, FILTERS)
    add_filters(pelican.settings, TESTS, key="JINJA_TESTS")
    add_filters(pelican.settings, GLOBALS, key="JINJA_GLOBALS")
    quiet_tracebacks()
    writable_cache(pelican.settings["CACHE_PATH"])
    quick_exit()
    if pelican.settings["ARTICLE_ORDER_BY"] == DEFAULT_CONFIG["ARTICLE_ORDER_BY"]:
        pelican.settings["ARTICLE_ORDER_BY"] = newest_first


def freeze_urls(generators):
    freeze(item for item, _ in all_items(generators))


def register():
    signals.initialized.connect(initialize)
    signals.article_generator_pretaxonomy.connect(unify)
    signals.article_generator_finalized.connect(mark)
    signals.article_generator_finalized.connect(fast_membership)
    signals.all_generators_finalized.connect(freeze_urls)
