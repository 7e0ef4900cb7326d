"""Which generator lists hold which content items, and what the build does with each.

Pelican keeps an article or page in one of several lists of its generator,
depending on its status and language. Every plugin that walks the items asks
this module, so the answer is written once:

- ``LISTED``: written at its URL and listed (home, categories, feeds, sitemap);
- ``WRITTEN``: written at its URL but listed nowhere (``status: hidden``, and
  translations, which Pelican links only from their original);
- ``CHECKED``: never written (drafts, and future items, which Pelican turns into
  drafts): read and checked like the others, so a preview build and the public
  build report the same errors.

A preview build (``CONTRACT_PREVIEW_DRAFTS``) turns drafts into published
items before Pelican sorts them, so they are ``LISTED`` there.

The order of articles, :func:`newest_first`, is the site's one order: the ``core``
plugin makes it Pelican's ``ARTICLE_ORDER_BY`` (listings, archives, feeds) and related
reading uses it (previous/next, the same category), so items of the same date and time
come in the same order everywhere.
"""

import time

from .settings import loaded_setting

LISTED = "listed"
WRITTEN = "written"
CHECKED = "checked"
PUBLIC = (LISTED, WRITTEN)

# Generator attribute -> fate. ArticlesGenerator and PagesGenerator each have only
# their own attributes ("translations" and "hidden_translations" exist in both).
GROUPS = {
    "articles": LISTED,
    "pages": LISTED,
    "translations": WRITTEN,
    "hidden_articles": WRITTEN,
    "hidden_pages": WRITTEN,
    "hidden_translations": WRITTEN,
    "drafts": CHECKED,
    "drafts_translations": CHECKED,
    "draft_pages": CHECKED,
    "draft_translations": CHECKED,
}


def newest_first(item):
    """The sort key of the site's articles: the newest first; of the same date and time
    (items with a date and no time: midnight), by slug, A to Z. Pelican's own
    ``reversed-date`` left those in the order the files were read."""
    return -item.date.timestamp(), item.slug or ""


def is_future(date, now=None):
    """Whether ``date`` (aware) is after ``now`` (a POSIX timestamp; default: this moment):
    Pelican turns such an article into a draft unless ``WITH_FUTURE_DATES``. The one test
    of "scheduled" the build, the preview marks (PROGRAMMATO), ``invoke check`` and
    ``invoke new`` share."""
    return date is not None and date.timestamp() > (time.time() if now is None else now)


def is_draft(metadata):
    """Whether an item is a draft: ``status: draft``, or a draft a preview shows, which the
    contract makes published and marks ``bozza`` (``CONTRACT_PREVIEW_DRAFTS``). The public
    build writes neither."""
    return metadata.get("status") == "draft" or bool(metadata.get("bozza"))


def held_back(date, page, settings, now=None):
    """``date`` when the public build holds the item back until then (an article dated in
    the future), else None. A preview (``CONTRACT_PREVIEW_DRAFTS``) shows future items
    with ``WITH_FUTURE_DATES``; the public build does not, so a preview still answers
    for the public build."""
    if page or not is_future(date, now):
        return None
    if settings["WITH_FUTURE_DATES"] and not loaded_setting(settings, "CONTRACT_PREVIEW_DRAFTS"):
        return None
    return date


def public_fate(metadata, page, settings, now=None):
    """``"now"`` when the public build writes the item of checked ``metadata`` today,
    ``"later"`` when it holds it back until its date (then that day's build writes it at
    the article's own address, so its address is already taken: checked today with the
    others, or that day's build would stop on a clash nobody saw coming), ``""`` never
    (a draft, an article without a date: the contract's error). A preview shows drafts marked ``bozza`` and future articles, but answers
    for the public build: the same fates there. The one rule ``plugins/redirects`` and
    ``invoke check`` share."""
    if is_draft(metadata) or (not page and metadata.get("date") is None):
        return ""
    return "now" if held_back(metadata.get("date"), page, settings, now) is None else "later"


def written(metadata, page, settings, now=None):
    """Whether a build with ``settings`` writes the item of checked ``metadata`` at its
    address: not a draft (``status: draft``), not an article dated in the future unless
    ``WITH_FUTURE_DATES``, not an article without a date (the contract's error)."""
    date = metadata.get("date")
    if is_draft(metadata):
        return False
    if page:
        return True
    return date is not None and (settings["WITH_FUTURE_DATES"] or not is_future(date, now))


def items(generator, fates=(LISTED, WRITTEN, CHECKED)):
    """``(item, fate)`` for every article or page of ``generator`` whose fate is in ``fates``."""
    for group, fate in GROUPS.items():
        if fate in fates:
            for item in getattr(generator, group, ()):
                yield item, fate


def all_items(generators, fates=(LISTED, WRITTEN, CHECKED)):
    """:func:`items` over the article and page generators of a build (Pelican's own and
    any subclass): another plugin's generator may name its own attributes ``pages``."""
    from pelican.generators import ArticlesGenerator, PagesGenerator  # noqa: PLC0415

    for generator in generators:
        if isinstance(generator, (ArticlesGenerator, PagesGenerator)):
            yield from items(generator, fates)


def source(item):
    """The item's source path relative to the content folder, with ``/`` separators."""
    return item.get_relative_source_path().replace("\\", "/")


LINES_KEY = "contract_lines"  # metadata: {front-matter key: line}, set by plugins/contract
# metadata: [(path under content/, line)] of the files its {filename} links lead to (contract);
# also its links to this site's pages by their address ("/2024/05/festa/") and its relative
# links (RELATIVE_LINK + the address as typed), for plugins/content_checks' rules
LINKS_KEY = "contract_links"
# Before a relative link's address (``programma``, ``foto.jpg``) in LINKS_KEY: no path under
# content/ (normalised) begins with it, no address of the site nor full address either.
RELATIVE_LINK = "./"
# The front-matter key of an item's earlier addresses (plugins/redirects writes a page at
# each; plugins/feeds keeps an item's id from its own earlier one).
PREVIOUS_ADDRESSES = "indirizzi_precedenti"


def cover_path(image):
    """The path under content/ of a cover (an ``image:`` value, or None: ""): ``/immagini/a.jpg``
    and ``immagini/a.jpg`` name one file (the contract gives the second)."""
    return str(image or "").lstrip("/")


def entry_key(key, position):
    """Where plugins/contract keeps the line of the ``position``-th entry (from 1) of a
    front-matter list among an item's lines: ``attachments[2]``."""
    return f"{key}[{position}]"


def key_line(item, *keys):
    """The line of the first of ``keys`` present in the item's front matter, or None."""
    lines = item.metadata.get(LINES_KEY) or {}
    return next((lines[key] for key in keys if key in lines), None)


# The lists Pelican also puts in the shared context (for templates); translations
# hang off each item. Used after the article and page generators have finished
# (static_generator_finalized), where the generators themselves are out of reach.
CONTEXT_GROUPS = ("articles", "pages", "hidden_articles", "hidden_pages", "drafts", "draft_pages")


def context_items(context, fates=(LISTED, WRITTEN, CHECKED)):
    """``(item, fate)`` for every article and page in the build's context, translations too."""
    for group in CONTEXT_GROUPS:
        fate = GROUPS[group]
        for item in context.get(group, ()):
            if fate in fates:
                yield item, fate
            translated = WRITTEN if fate == LISTED else fate
            if translated in fates:
                for translation in getattr(item, "translations", ()):
                    yield translation, translated
