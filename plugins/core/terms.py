"""Terms (tags, categories, authors): one name each, and what the build writes for them.

**One name.** Pelican's terms are equal when their slugs are (``Città``, ``citta`` and
``CITTÀ`` are one tag, with one page), but each item keeps the name it was written with,
and the tag page, the tag list and the counts took the name of the first item Pelican
met: the newest (one article written ``citta`` renamed the tag "Città" site-wide).
:func:`unify` (the ``core`` plugin, at ``article_generator_pretaxonomy``: every article
read, before Pelican groups them) names each term by :func:`canonical_name` of every
spelling the generator's items use (drafts, hidden items and translations included); a
category whose slug is a folder of ``CONTRACT_CATEGORY_NAMES`` takes the configured name
(``category: notizie`` in the front matter is the folder's "Notizie").

**What is written.**

Pelican writes a term's page (``TAG_SAVE_AS``, ``CATEGORY_SAVE_AS``, ``AUTHOR_SAVE_AS``) and
its feeds (``CATEGORY_FEED_ATOM``, ``TAG_FEED_RSS``…) only for the terms of *listed*
articles: the article generator's ``tags``, ``categories`` and ``authors``. A hidden article
or a translation may have a tag, an author or a category (its folder) that no listed article
has, and nothing is written for it.

:func:`mark` (the ``core`` plugin, at ``article_generator_finalized``) gives every term of
every article the attribute ``written``: the set of what the build writes for it
(:data:`PAGE`, :data:`ATOM`, :data:`RSS`). :func:`written` reads it, in Python and as the
Jinja test ``written``: ``{% if tag is written %}`` (its page), ``{% if category is
written("atom") %}`` (its Atom feed). A term the build never marked counts as not written:
shown as text rather than linked to a page that may not exist. The render cache digests a
term with its ``written`` (``plugins/writer/render_cache.py``), so a page that shows a
term as a link or as text is rendered again when that changes.
"""

from collections import Counter

from pelican.urlwrappers import Author, Category, Tag

from .items import items
from .settings import loaded_setting

PAGE, ATOM, RSS = "page", "atom", "rss"
ATTRIBUTE = "written"
# The article generator's lists of the terms Pelican writes pages and feeds for.
LISTS = ("tags", "categories", "authors")


def kind(term):
    """``TAG``, ``CATEGORY``, ``AUTHOR``: the prefix of the term's settings (Pelican's rule)."""
    return type(term).__name__.upper()


def outputs(settings, term):
    """What the build writes for ``term`` when a listed article has it: ``{PAGE, ATOM, RSS}``
    as the settings allow (an empty ``*_SAVE_AS`` or feed setting writes nothing; nor does
    a term without a slug, whose page Pelican skips)."""
    prefix, found = kind(term), set()
    if settings.get(f"{prefix}_SAVE_AS") and term.slug:
        found.add(PAGE)
    for feed in (ATOM, RSS):
        if settings.get(f"{prefix}_FEED_{feed.upper()}"):
            found.add(feed)
    return frozenset(found)


def terms_of(item):
    """The tags, category and authors of an article."""
    yield from getattr(item, "tags", None) or ()
    for name in ("category", "author"):
        if getattr(item, name, None) is not None:
            yield getattr(item, name)
    yield from getattr(item, "authors", None) or ()


def mark(generator):
    """Every term of every article of the article ``generator`` gets ``written``: what the
    build writes for it (nothing when no listed article has it)."""
    settings, listed = generator.settings, {}
    for name in LISTS:
        for term in dict(getattr(generator, name, None) or {}):  # a dict, or (term, articles)
            listed[kind(term), term.slug] = outputs(settings, term)
    nothing = frozenset()
    for item, _ in items(generator):
        for term in terms_of(item):
            setattr(term, ATTRIBUTE, listed.get((kind(term), term.slug), nothing))


class Members(list):
    """A term's articles: Pelican's list, whose ``in`` takes constant time.

    Pelican writes each tag, category and author page with ``[article for article in
    self.dates if article in articles]``: every article of the site looked up in the
    term's list, so ``terms × articles × articles per term`` comparisons; an author of
    every article alone is ``articles²`` (1.3 s of a 3000-article build for its tags,
    categories and author, 11 s at 10,000). Articles are equal only when they are the
    same object (Pelican's ``Content`` defines no ``__eq__``), so membership is looked up
    by identity, in a set made at the first ``in`` and dropped whenever the list changes.
    """

    __slots__ = ("_ids",)

    def __contains__(self, item):
        if type(item).__eq__ is not object.__eq__:  # not by identity: the list's own way
            return list.__contains__(self, item)
        ids = getattr(self, "_ids", None)
        if ids is None:
            ids = self._ids = {id(member) for member in self}
        return id(item) in ids

    def _changed(self):
        self._ids = None


def _dropping_ids(name):
    method = getattr(list, name)

    def changed(self, *args):
        self._changed()
        return method(self, *args)

    changed.__name__ = name
    return changed


for _name in ("append", "extend", "insert", "remove", "pop", "clear", "__setitem__",
              "__delitem__", "__iadd__", "__imul__"):
    setattr(Members, _name, _dropping_ids(_name))


def fast_membership(generator):
    """The article ``generator``'s terms (``tags``, ``categories``, ``authors``) with their
    articles as :class:`Members`, before any page is written (``article_generator_finalized``).
    Pelican writes the term pages from the generator's own ``tags``, ``categories`` and
    ``authors``; the context's ``tags`` is a list Pelican made of the items before (with
    the plain lists), read by templates only for the terms and their counts."""
    if isinstance(getattr(generator, "tags", None), dict):
        for tag, articles in generator.tags.items():
            generator.tags[tag] = Members(articles)
    for name in ("categories", "authors"):
        pairs = getattr(generator, name, None)
        if isinstance(pairs, list):
            pairs[:] = [(term, Members(articles)) for term, articles in pairs]


def written(term, what=PAGE):
    """Whether the build writes ``term``'s page (``what``: :data:`PAGE`) or one of its feeds
    (:data:`ATOM`, :data:`RSS`); also the Jinja test ``written``."""
    return what in getattr(term, ATTRIBUTE, ())


KINDS = (("tags", Tag), ("authors", Author), ("category", Category))


def canonical_name(spellings):
    """The name of a term from the ``spellings`` of its uses (one entry per use): the
    most used; between equally used ones, the one with most capitals (``Città``
    before ``citta``), then the first in alphabetical order: the same every build."""
    counts = Counter(spellings)
    return min(counts, key=lambda name: (-counts[name], -sum(c.isupper() for c in name), name))


def _uses(item, attribute):
    value = getattr(item, attribute, None)
    if not value:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def unify(generator):
    """Every term of every item of the article ``generator`` named by :func:`canonical_name`
    (configured names for categories): ``tags``, ``authors``, ``author``, ``category``."""
    settings = generator.settings
    every = [item for item, _ in items(generator)]
    # a configured category by the slug of its folder (``category: avvisi``) and by that
    # of its name (the folder's items: ``Avvisi e bandi`` is avvisi-e-bandi)
    names = loaded_setting(settings, "CONTRACT_CATEGORY_NAMES") or {}
    configured = {Category(text, settings).slug: name
                  for folder, name in names.items() for text in (folder, name)}
    for attribute, wrapper in KINDS:
        spellings = {}
        for item in every:
            for term in _uses(item, attribute):
                spellings.setdefault(term.slug, []).append(term.name)
        made = {slug: wrapper(configured[slug] if attribute == "category" and slug in configured
                              else canonical_name(found), settings)
                for slug, found in spellings.items()}
        for item in every:
            terms = [made.get(term.slug, term) for term in _uses(item, attribute)]
            if not terms:
                continue
            if attribute == "category":
                item.category = terms[0]
            else:
                setattr(item, attribute, terms)
                if attribute == "authors":
                    item.author = terms[0]  # Pelican's: the first author
