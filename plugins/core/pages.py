"""Which page numbers a list's pagination shows; the archive's groups and neighbouring
years; what tells apart the links of a page that read the same title (:func:`distinti`)."""

from collections import Counter
from dataclasses import dataclass

from jinja2 import pass_context
from markupsafe import Markup

NEIGHBOURS = 2  # numbered links either side of the current page


def page_window(current, count, neighbours=NEIGHBOURS):
    """The numbers to link from page ``current`` of ``count``, ``None`` for a gap.

    The first and the last page, and ``neighbours`` pages either side of the current one;
    a gap of a single page is filled rather than shown as "…". A list of 200 pages then
    links at most 2 * neighbours + 5 numbers from each page (every page still reachable
    step by step, and the archive lists everything), instead of 200 links on each of its
    200 pages, which readers cannot use and which made listings quadratic to render.

    >>> page_window(1, 3)
    [1, 2, 3]
    >>> page_window(10, 200)
    [1, None, 8, 9, 10, 11, 12, None, 200]
    """
    shown = {1, count, *range(current - neighbours, current + neighbours + 1)}
    numbers = sorted(n for n in shown if 1 <= n <= count)
    window = []
    for number in numbers:
        if window and number - window[-1] == 2:
            window.append(number - 1)  # one hidden page: show it instead of a gap
        elif window and number - window[-1] > 2:
            window.append(None)
        window.append(number)
    return window


def by_period(items, month=False):
    """``items`` grouped by the year (or, with ``month``, the year and month) of their
    ``date``, as ``[(first item's date, [items])]`` in the order the items come (newest
    first for ``dates``). The year and month are the date's own, as Pelican's year
    archives (``YEAR_ARCHIVE_SAVE_AS``) group them.

    >>> from types import SimpleNamespace as Item
    >>> from datetime import datetime as d
    >>> items = [Item(date=d(2024, 5, 2)), Item(date=d(2024, 5, 1)), Item(date=d(2023, 1, 9))]
    >>> [(date.year, len(group)) for date, group in by_period(items)]
    [(2024, 2), (2023, 1)]
    >>> [(date.month, len(group)) for date, group in by_period(items, month=True)]
    [(5, 2), (1, 1)]
    """
    groups = {}
    for item in items:
        key = (item.date.year, item.date.month if month else 0)
        groups.setdefault(key, (item.date, []))[1].append(item)
    return list(groups.values())


def per_anno(items):
    """Jinja filter: :func:`by_period` by year."""
    return by_period(items)


def per_mese(items):
    """Jinja filter: :func:`by_period` by year and month."""
    return by_period(items, month=True)


def anni_vicini(archives, year):
    """Jinja filter: ``(newer, older)``, the year archives next to ``year``'s (Pelican's
    ``period_archives["year"]``, dicts with ``period_num`` and ``url``), each None at an
    end: a year's page links the next and the previous year, as an article links the
    next and the previous one of its category.

    >>> years = [{"period_num": (y,), "url": f"archivio/{y}/"} for y in (2023, 2025, 2024)]
    >>> [a and a["period_num"][0] for a in anni_vicini(years, 2024)]
    [2025, 2023]
    >>> [a and a["period_num"][0] for a in anni_vicini(years, 2025)]
    [None, 2024]
    >>> anni_vicini([], 2024)
    (None, None)
    """
    ordered = sorted(archives or (), key=lambda archive: archive["period_num"][0], reverse=True)
    found = [archive["period_num"][0] for archive in ordered]
    if year not in found:
        return None, None
    position = found.index(year)
    newer = ordered[position - 1] if position > 0 else None
    older = ordered[position + 1] if position + 1 < len(ordered) else None
    return newer, older


def title_key(title):
    """A title as a list of links reads it, to compare it with others: without its markup,
    spaces normalised, in lower case."""
    return Markup(str(title)).striptags().lower()


def repeated(titles):
    """The titles (as :func:`title_key`) that stand more than once in ``titles``.

    >>> sorted(repeated(["Chiusura estiva", "<em>Chiusura</em>  estiva", "Orari"]))
    ['chiusura estiva']
    """
    counts = Counter(title_key(title) for title in titles)
    return frozenset(key for key, count in counts.items() if count > 1)


@dataclass(frozen=True)
class Apart:
    """What a link says after its title, for screen readers only, where another link of
    its page reads the same title: the date (``date``) and, for a document, the item
    that publishes it (``source``). The theme writes it: partials/told_apart.html."""

    date: object = None
    source: object = None


class Distinti:
    """Each entry of a page's lists, by identity, to what tells its link apart
    (:func:`distinti`): ``apart[article]``."""

    def __init__(self, pairs, default=None):
        self._found = {id(entry): (entry, value) for entry, value in pairs}  # entry kept
        self._default = default  # an entry not of the page's lists

    def __getitem__(self, entry):
        return self._found.get(id(entry), (None, self._default))[1]


def distinti(entries):
    """Jinja filter: what tells apart each of a page's links that another link of the
    page reads alike (:func:`title_key`): a list of links read "Nuovi orari dello
    sportello" twice, for two notices. ``entries``: every item the page lists (all its
    lists: a year's months), each told apart by its date (``Apart(date)``), else None.
    A page's documents: plugins/attachments' ``documenti_distinti``.

    >>> class Item:
    ...     def __init__(self, title, date):
    ...         self.title, self.date = title, date
    >>> orari, altri, chiusura = Item("Orari", 1), Item("<em>Orari</em>", 2), Item("Chiusura", 3)
    >>> apart = distinti([orari, altri, chiusura])
    >>> apart[orari], apart[altri].date, apart[chiusura]
    (Apart(date=1, source=None), 2, None)
    """
    entries = list(entries or ())
    twice = repeated(entry.title for entry in entries)
    return Distinti((entry, Apart(entry.date) if title_key(entry.title) in twice else None)
                    for entry in entries)


def at_url(items, url):
    """Jinja filter: the item of ``items`` written at ``url`` (``"contatti/"``, as the
    settings name a page: ``CONTACT_PAGE``, ``NAV_LINKS``), or None: a template links a
    page only when the site has it (``pages|at_url(CONTACT_PAGE)``; naming ``pages``, the
    render cache keys the page by them).

    >>> class Page:
    ...     def __init__(self, url):
    ...         self.url = url
    >>> contatti = Page("contatti/")
    >>> at_url([Page("progetto/"), contatti], "contatti/") is contatti, at_url([], "x/")
    (True, None)
    """
    return next((item for item in items or () if item.url == url), None)


@pass_context
def lazy_images(context):
    """Jinja global: whether the page being written shows an image loaded lazily
    (``loading="lazy"``), which Safari prints as an empty box unless asked for before
    printing: the theme then links js/site.js, whose print.js does it
    (theme/templates/partials/scripts.html). Such images are an article's or a page's
    (its lead and body, ``item.lazy_images``; its documents' previews,
    partials/attachment_link.html), a listing's cards' leads (``item.lazy_lead``) and
    the previews of a page of Documenti (``documents_page``: pelicanconf.py paginates it,
    WRITER_PAGINATED_BY; ``documents``, every document, is in every page's context).
    The render cache (plugins/writer)
    keys a page by the variables its templates name: each template that shows these
    names them itself. The attributes are set by the plugins that make such images
    (plugins/images: ``lazy_images``, ``lazy_lead``; plugins/attachments: the previews),
    read here with defaults: a site without them has none, and the theme asks plainly."""
    item = context.get("article") or context.get("page")
    if item is not None:
        return bool(getattr(item, "lazy_images", False)
                    or any(getattr(attachment, "preview", None)
                           for attachment in getattr(item, "attachments", None) or ()))
    listed = context.get("articles_page")
    if listed is not None and any(getattr(article, "lazy_lead", False)
                                  for article in listed.object_list):
        return True
    documents = context.get("documents_page")
    return documents is not None and any(getattr(document.attachment, "preview", None)
                                         for document in documents.object_list)
