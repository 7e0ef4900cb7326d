"""Slugs for Italian titles: ``Perché l'università`` -> ``perche-l-universita``.

Pelican's slugify ASCII-folds the text (unidecode turns ’ into ') and then
applies SLUG_REGEX_SUBSTITUTIONS; its defaults drop the apostrophe and glue the
words (``luniversita``), keep underscores and may leave a hyphen at either end.
Ours make an apostrophe a word break and leave only lowercase ASCII letters,
digits and single hyphens: the form every URL of the site has (the contract).
"""

import re
from functools import lru_cache

from pelican.utils import slugify

MAX_LENGTH = 80
SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def slug_substitutions():
    """Substitutions for Pelican's slugify (SLUG_REGEX_SUBSTITUTIONS)."""
    return [
        (r"['`’]", " "),  # an apostrophe is a word break
        (r"[^\w\s-]", ""),  # Pelican's own rules from here...
        (r"_", " "),  # ...with underscores as word breaks
        (r"(?u)\A\s*", ""),
        (r"(?u)\s*\Z", ""),
        (r"[-\s]+", "-"),
        (r"\A-+|-+\Z", ""),  # no hyphen at either end
    ]


# Symbols unidecode spells as letters that would read as a word of the address: the
# degree sign is "deg" ("Avviso n° 3": avviso-ndeg-3), so it goes before, as the guide
# says symbols do (a word break: avviso-n-3)
SPELLED_SYMBOLS = re.compile("[°]")
_ANGLES = re.compile("[<>]")


def make_slug(text, regex_subs, max_length=MAX_LENGTH):
    """The slug of ``text``, cut at a word boundary to at most ``max_length`` characters."""
    return _slug(SPELLED_SYMBOLS.sub(" ", str(text)), tuple(map(tuple, regex_subs)),
                 max_length)


@lru_cache(maxsize=4096)
def _slug(text, regex_subs, max_length):
    slug = slugify(text, regex_subs=regex_subs)
    if len(slug) > max_length:
        slug = slug[:max_length + 1].rsplit("-", 1)[0] if "-" in slug[:max_length + 1] \
            else slug[:max_length]
    return slug


def title_slug(title, regex_subs):
    """The slug of an item's title. A title is text (the contract): its ``<`` and ``>``
    are symbols, word breaks like the others, not the tag Pelican's slugify would strip
    with what is between them (``Bilancio <2024>`` was /bilancio/; ``<Festa>`` gave no
    slug at all)."""
    return make_slug(_ANGLES.sub(" ", str(title)), regex_subs)


def item_slug(metadata, regex_subs):
    """An item's slug as the build gives it: its ``slug``, else its title's (the contract,
    ``invoke check`` and ``invoke new`` ask this one function)."""
    return metadata.get("slug") or title_slug(metadata.get("title") or "", regex_subs)


def is_slug(text, max_length=MAX_LENGTH):
    """True for lowercase ASCII letters, digits and single hyphens, not too long."""
    return bool(SLUG_RE.fullmatch(text or "")) and len(text) <= max_length
