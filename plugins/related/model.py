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


def same_category(item, groups, limit, linked=()):
    """Up to ``limit`` other articles of ``item``'s category, newest first: not the item
    itself nor, for a translation, its original (the same slug: two items share one only
    as translations of each other, the contract refuses it otherwise), nor those of
    ``linked``, which the page links already (its :class:`Neighbours`, "Più recente" and
    "Meno recente" just above the list): the list offered them a second time, the same
    link twice in a row for a screen reader's list of links and for the keyboard; the next
    ones take their places.

    Chosen by :func:`shared_tags` first, then the newest: an article on a laboratory in
    Casalmaggiore offers the category's other news of Casalmaggiore before newer news of
    Crema, which were all an old article offered (the newest five). Shown newest first,
    as every list of the site."""
    skip = {id(other) for other in linked if other is not None}
    others = [other for other in groups.get(item.category, ())
              if other is not item and other.slug != item.slug and id(other) not in skip]
    tags = set(getattr(item, "tags", None) or ())
    if not tags or limit <= 0:
        return others[:limit]
    # sorted() keeps the newest-first order among articles sharing as many tags
    chosen = sorted(others, key=lambda other: -shared_tags(tags, other))[:limit]
    kept = {id(other) for other in chosen}
    return [other for other in others if id(other) in kept]


def shared_tags(tags, other):
    """How many of ``tags`` (a set of an article's tags) ``other`` has too; tags compare
    by slug, as Pelican's do (``Crema`` and ``crema`` are one tag)."""
    return len(tags.intersection(getattr(other, "tags", None) or ()))


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
