"""Related reading as pure functions over plain values: no Pelican objects needed.

An item is anything with ``date``, ``slug``, ``category`` and ``tags`` attributes
(categories and tags compare by slug, as Pelican's do). Every function takes the
*listed* articles (published, shown in lists) and never returns the item itself.
"""

from collections import Counter
from dataclasses import dataclass

from markupsafe import Markup

from plugins.core import items


def newest_first(articles):
    """``articles`` in the site's order (:func:`plugins.core.items.newest_first`: the
    listings' too): the newest first, the same date and time by slug."""
    return sorted(articles, key=items.newest_first)


@dataclass(frozen=True)
class Neighbours:
    """The items next to one in its category, by date: ``newer`` comes before it in the
    category's listing (newest first), ``older`` after it."""

    newer: object = None
    older: object = None

    def __bool__(self):
        return self.newer is not None or self.older is not None


def by_category(articles):
    """``{category: [article, newest first]}`` for the listed ``articles``."""
    groups = {}
    for item in newest_first(articles):
        groups.setdefault(item.category, []).append(item)
    return groups


def same_category(item, groups, limit):
    """Up to ``limit`` other articles of ``item``'s category, newest first: not the item
    itself nor, for a translation, its original (the same slug: two items share one only
    as translations of each other, the contract refuses it otherwise)."""
    return [other for other in groups.get(item.category, ())
            if other is not item and other.slug != item.slug][:limit]


def neighbours(item, groups):
    """:class:`Neighbours` of ``item`` in its category; empty when it is not listed there."""
    group = groups.get(item.category, [])
    position = next((n for n, other in enumerate(group) if other is item), None)
    if position is None:  # hidden, a translation: not part of the category's series
        return Neighbours()
    newer = group[position - 1] if position > 0 else None
    older = group[position + 1] if position + 1 < len(group) else None
    return Neighbours(newer=newer, older=older)


def find_tag(name, tags):
    """The one of ``tags`` that ``name`` names, or None. Pelican's tags equal a name with
    the same slug (``Tag("Crema") == "crema"``): case and accents do not matter."""
    return next((tag for tag in tags if tag == name), None)


def tagged(tag, articles, limit):
    """Up to ``limit`` of ``articles`` tagged ``tag``, newest first."""
    return [item for item in newest_first(articles)
            if tag in (getattr(item, "tags", None) or ())][:limit]


def title_key(item):
    """``item``'s title as readers tell titles apart: its text as the page's ``<title>``
    shows it (the template's ``striptags``: HTML tags dropped, entities decoded, spaces
    collapsed), case aside."""
    return Markup(str(item.title)).striptags().casefold()


def shared_titles(articles):
    """``Counter`` of the :func:`title_key` of ``articles``, for :func:`shares_title`."""
    return Counter(title_key(item) for item in articles)


def shares_title(item, counts, listed):
    """Whether another listed article has ``item``'s title (``counts``:
    :func:`shared_titles` of the listed articles; ``listed``: whether ``item`` is one of
    them): a notice that comes back every year ("Chiusura estiva") or month has one
    title and several pages."""
    return counts[title_key(item)] > (1 if listed else 0)
