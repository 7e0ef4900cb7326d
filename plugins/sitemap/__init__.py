"""sitemap.xml: every public page once, with an honest ``lastmod``; the same bytes every build.

Signals:

- ``initialized``: the ``SITEMAP_*`` settings (:mod:`.settings`) and the run's
  :class:`Entries`, kept in the settings, so in every page's context;
- ``get_generators`` (the start of each run, also under ``pelican -r``): the entries
  of an earlier run are forgotten;
- ``content_written``: each HTML page written is noted with its ``lastmod``
  (:mod:`.model`): an article or page its own ``modified`` or ``date`` (undated
  pages none), a listing the newest of the items it shows. Pages not published
  (hidden; drafts and future items marked BOZZA by a preview build) and the
  excluded URLs (``SITEMAP_EXCLUDE_*``) are left out;
- ``finalized``: ``sitemap.xml`` is written (whole or not at all), sorted by URL.
  plugins/compress compresses it afterwards (it runs after every ``finalized``
  receiver).

No wall-clock time is ever used: two builds of the same content write the same file.
"""

import os

from pelican import signals

from plugins.core.files import keep

from . import settings
from .model import excluded, lastmod, newest, render, url_path

STATE_KEY = "sitemap_entries"
SAVE_AS = "sitemap.xml"


class Entries(dict):
    """``{URL path: lastmod or None}`` for one run.

    It sits in the settings, which Pelican's content cache may pickle along with
    items: it is pickled empty.
    """

    def __reduce__(self):
        return (Entries, ())


def initialize(pelican):
    settings.install(pelican.settings)
    pelican.settings[STATE_KEY] = Entries()


def start_run(pelican):
    pelican.settings[STATE_KEY].clear()


def listed_items(context, path):
    """What a listing page shows: its page of articles, or the variable the settings name."""
    variable = context["SITEMAP_LISTING_ITEMS"].get(path)
    if variable:
        return context.get(variable) or ()
    if context.get("articles_page") is not None:
        return context["articles_page"].object_list
    return context.get("dates") or context.get("articles") or ()


def note_page(path, context):
    entries = context.get(STATE_KEY)
    if entries is None or not path.endswith(".html"):
        return
    url = url_path(context["output_file"])
    if excluded(url, context["SITEMAP_EXCLUDE_PREFIXES"], context["SITEMAP_EXCLUDE_PATTERNS"]):
        return
    item = context.get("article") or context.get("page")
    if item is None:
        entries[url] = newest(listed_items(context, url))
    elif getattr(item, "status", "published") == "published" and not getattr(
            item, "is_bozza", False):
        entries[url] = lastmod(item)


def write_sitemap(pelican):
    entries = pelican.settings[STATE_KEY]
    data = render(entries, pelican.settings["SITEURL"])
    keep(os.path.join(pelican.output_path, SAVE_AS), data)
    entries.clear()


def register():
    signals.initialized.connect(initialize)
    signals.get_generators.connect(start_run)
    signals.content_written.connect(note_page)
    signals.finalized.connect(write_sitemap)
