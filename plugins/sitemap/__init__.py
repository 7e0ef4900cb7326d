"""sitemap.xml: every public page once, with an honest ``lastmod``; the same bytes every build.

Signals:

- ``initialized``: the ``SITEMAP_*`` settings (:mod:`.settings`) and the run's
  :class:`Entries`, kept in the settings, so in every page's context;
- ``get_generators`` (the start of each run, also under ``pelican -r``): the entries
  of an earlier run are forgotten;
- ``content_written``: each HTML page written is noted with its ``lastmod``
  (:mod:`.model`): an article or page its own ``modified`` or ``date`` (undated
  pages none), a listing the newest of the items it shows. Pages not published
  (hidden) and the excluded URLs (``SITEMAP_EXCLUDE_*``) are left out. A preview
  build's sitemap is the public build's: its drafts (BOZZA) and scheduled items
  (PROGRAMMATO) are left out, and so are the listings only they fill (a tag, a
  category, an author, a year), and a listing's ``lastmod`` is that of what the public
  build's page shows (:func:`public_listing`);
- ``finalized``: ``sitemap.xml`` is written (whole or not at all), sorted by URL.
  plugins/compress compresses it afterwards (it runs after every ``finalized``
  receiver).

No wall-clock time is ever used: two builds of the same content write the same file.
"""

import os

from pelican import signals
from pelican.paginator import Paginator

from plugins.core.files import keep
from plugins.core.settings import start

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
    start(pelican, __name__)
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


def public(item):
    """Whether the public build shows ``item`` (or a Document's article): not a draft
    (BOZZA) nor a scheduled item (PROGRAMMATO), which only a preview build writes
    (plugins/article_meta marks them)."""
    item = getattr(item, "item", item)
    return not (getattr(item, "is_bozza", False) or getattr(item, "is_programmato", False))


# What a listing is of: the public build writes its page only while a published
# article has the tag, category or author, or falls in the period (Pelican's own rule)
OWNERS = ("tag", "category", "author", "period")


def public_listing(context, path):
    """What the public build's page at ``path`` lists (its lastmod is the newest of them),
    or None when the public build writes no such page. The same items in a public build;
    in a preview, without drafts and scheduled items: the page of its number of the
    listing they leave (its first page holds the newest published articles, which a
    preview's may push to the next page), or None for a tag, category, author or period
    that only they have."""
    shown = listed_items(context, path)
    if all(map(public, shown)):
        return shown  # the first articles of the listing are published: the same page
    paginator = page = None
    if not context["SITEMAP_LISTING_ITEMS"].get(path):  # else its whole list, unpaged
        paginator, page = context.get("articles_paginator"), context.get("articles_page")
    every = [item for item in (paginator.object_list if paginator else shown) if public(item)]
    if not every and any(context.get(name) for name in OWNERS):
        return None
    if paginator is None or page is None:
        return every
    kept = Paginator(paginator.name, paginator.url, every, paginator.settings,
                     paginator.per_page)
    return kept.page(page.number).object_list if page.number <= kept.num_pages else None


def note_page(path, context):
    entries = context.get(STATE_KEY)
    if entries is None or not path.endswith(".html"):
        return
    url = url_path(context["output_file"])
    if excluded(url, context["SITEMAP_EXCLUDE_PREFIXES"], context["SITEMAP_EXCLUDE_PATTERNS"]):
        return
    item = context.get("article") or context.get("page")
    if item is None:
        shown = public_listing(context, url)
        if shown is not None:
            entries[url] = newest(shown)
    elif getattr(item, "status", "published") == "published" and public(item):
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
