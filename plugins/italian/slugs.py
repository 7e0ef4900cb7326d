"""Slugs for Italian titles: ``Perché l'università`` -> ``perche-l-universita``.

Pelican's slugify ASCII-folds the text (unidecode turns ’ into ') and then
applies SLUG_REGEX_SUBSTITUTIONS; its defaults drop the apostrophe and glue the
words (``luniversita``), keep underscores and may leave a hyphen at either end.
Ours make an apostrophe a word break and leave only lowercase ASCII letters,
digits and single hyphens: the form every URL of the site has (the contract).
"""

import itertools
import json
import re
from functools import lru_cache
from pathlib import Path

from pelican.utils import slugify
from unidecode import unidecode

from plugins.core.text import BLANK_RANGES

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


def suffixed(slug, suffix):
    """``slug`` ending in ``-suffix`` (a number, a year), within :data:`MAX_LENGTH`: the
    slug cut first, at no hyphen (``invoke new``'s ``-2``, the year a duplicate slug's
    message proposes)."""
    tail = f"-{suffix}"
    return slug[:MAX_LENGTH - len(tail)].rstrip("-") + tail


def is_slug(text, max_length=MAX_LENGTH):
    """True for lowercase ASCII letters, digits and single hyphens, not too long."""
    return bool(SLUG_RE.fullmatch(text or "")) and len(text) <= max_length


_LETTER_RE = re.compile("[A-Za-z0-9]")
# The planes whose characters :func:`letterless_ranges` judges all of: the Basic and the
# Supplementary Multilingual, where unidecode's tables are (a million more characters
# would take ten times as long)
LETTERLESS_PLANES_END = 0x20000


@lru_cache(maxsize=1)
def letterless_ranges():
    """The characters of which a slug keeps nothing, as ``[(first, last)]`` code points
    (surrogates left out), of the first two planes: those unidecode spells without an
    ASCII letter or digit (punctuation, symbols, emoji, "\u2800", "\ufffd"), and
    such characters of the others that nobody sees (core.text's BLANK_RANGES). A text
    without :data:`SPELLED_SYMBOLS` (word breaks: "°" typed is none, but "&deg;" is
    "deg", decoded after them), its character references then decoded and the whole
    NFKC-normalised as slugify does, made only of them has no slug (unidecode spells
    each character alone). The web editor gets them (plugins/admin: a title of them is
    refused, as the build refuses it). A third of a second: no build computes it, the
    admin page reads :func:`stored_letterless_ranges`."""
    beyond = sorted({code for first, last in BLANK_RANGES if last >= LETTERLESS_PLANES_END
                     for code in range(max(first, LETTERLESS_PLANES_END), last + 1)})
    ranges = []
    for code in itertools.chain(range(LETTERLESS_PLANES_END), beyond):
        if 0xD800 <= code <= 0xDFFF:
            continue
        if not _LETTER_RE.search(unidecode(chr(code))):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return tuple((first, last) for first, last in ranges)


# letterless_ranges() as kept beside this module: the web editor's page reads it (its
# computation would add a third of a second to every build and ``invoke check``, which
# load the admin plugin); tests/test_admin.py compares it with the computation, so an
# upgrade of Unidecode that changes it fails there, and :func:`write_letterless_ranges`
# writes it again
LETTERLESS_FILE = Path(__file__).with_name("letterless.json")


@lru_cache(maxsize=1)
def stored_letterless_ranges():
    """:func:`letterless_ranges` as ``LETTERLESS_FILE`` keeps it."""
    with LETTERLESS_FILE.open(encoding="utf-8") as handle:
        return tuple((first, last) for first, last in json.load(handle))


def write_letterless_ranges():
    """Write :func:`letterless_ranges` into ``LETTERLESS_FILE`` (after an upgrade of
    Unidecode)."""
    LETTERLESS_FILE.write_text(json.dumps([list(pair) for pair in letterless_ranges()])
                               + "\n", encoding="utf-8")
