"""One name for each tag, author and category, whichever way an item spells it.

Pelican's tags, authors and categories are equal when their slugs are (``Città``,
``citta`` and ``CITTÀ`` are one tag, with one page), but each item keeps the name it
was written with, and the tag page, the tag list and the counts take the name of
the first item Pelican meets: the newest. One article written ``citta`` renamed the
tag "Città" across the whole site until a newer one spelled it otherwise.

Signal ``article_generator_pretaxonomy`` (every article read, before Pelican groups
them): each term gets :func:`canonical_name` of every spelling the generator's items
use (drafts, hidden items and translations included, so a page shows the same name
as the tag page it links), and every item's ``tags``, ``authors``, ``author`` and
``category`` are made of those names. A category whose slug is the name of a
configured folder (``CONTRACT_CATEGORY_NAMES``) always takes the configured name:
``category: notizie`` in the front matter is the category "Notizie" of the folder.
"""

from collections import Counter

from pelican import signals
from pelican.urlwrappers import Author, Category, Tag

from plugins.core.items import items

KINDS = (("tags", Tag), ("authors", Author), ("category", Category))


def canonical_name(spellings):
    """The name of a term from the ``spellings`` of its uses (one entry per use): the
    most used; between equally used ones, the one with most capitals (``Città``
    before ``citta``), then the first in alphabetical order: the same every build."""
    counts = Counter(spellings)
    return min(counts, key=lambda name: (-counts[name], -sum(c.isupper() for c in name), name))


def _terms(item, kind):
    value = getattr(item, kind, None)
    if not value:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def unify(generator):
    settings = generator.settings
    every = [item for item, _ in items(generator)]
    configured = {folder: name for folder, name in
                  (settings.get("CONTRACT_CATEGORY_NAMES") or {}).items()}
    for kind, wrapper in KINDS:
        spellings = {}
        for item in every:
            for term in _terms(item, kind):
                spellings.setdefault(term.slug, []).append(term.name)
        names = {slug: configured.get(slug) if kind == "category" and slug in configured
                 else canonical_name(found) for slug, found in spellings.items()}
        made = {slug: wrapper(name, settings) for slug, name in names.items()}
        for item in every:
            terms = [made.get(term.slug, term) for term in _terms(item, kind)]
            if kind == "category":
                if terms:
                    item.category = terms[0]
            elif terms:
                setattr(item, kind, terms)
                if kind == "authors":
                    item.author = terms[0]  # Pelican's: the first author


def register():
    signals.article_generator_pretaxonomy.connect(unify)
