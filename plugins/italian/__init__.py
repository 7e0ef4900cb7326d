"""Italian for readers: Babel dates and numbers, typography, slugs, English terms.

Signal ``initialized``:

- the Jinja filters ``data_lunga``, ``data_breve``, ``data_iso``, ``mese``,
  ``nome_mese`` (in the site's ``TIMEZONE``), ``di``, ``da``, ``di_ciascuno``, ``quanti``,
  ``alfabetico`` (:mod:`.words`), ``inglese`` (a name with ``ITALIAN_ENGLISH_TERMS`` marked
  ``lang="en"`` and ``ITALIAN_PROPER_NAMES`` ``translate="no"``: tags' and categories'
  names) and ``autore`` (the same for an author's name, a person's whole ``translate="no"``);
- the Markdown extension :mod:`.typography` (apostrophes fixed before typogrify,
  ``ITALIAN_ENGLISH_TERMS`` marked ``lang="en"``, ``ITALIAN_PROPER_NAMES``
  ``translate="no"``) added to ``MARKDOWN``;
- ``SLUG_REGEX_SUBSTITUTIONS`` with apostrophes as word breaks (unless the site sets it).

Other plugins and the tools import :func:`fix_apostrophes`, :func:`typeset`,
:func:`numero` and :func:`quanti` from here.
"""

from functools import partial

from pelican import signals
from pelican.settings import DEFAULT_CONFIG

from plugins.core.settings import add_filters, start

from . import dates
from .numbers import LANGUAGE, LOCALE, numero
from .slugs import slug_substitutions
from .typography import author_name, fix_apostrophes, in_english, typeset
from .words import alfabetico, da, di, di_ciascuno, quanti

EXTENSION = "plugins.italian.typography"

__all__ = ["LANGUAGE", "LOCALE", "di", "fix_apostrophes", "numero", "quanti", "register", "typeset"]


def with_typography(markdown_settings, terms, names=()):
    """A copy of the MARKDOWN setting with the Italian typography extension added."""
    configs = dict(markdown_settings.get("extension_configs") or {})
    configs[EXTENSION] = {"terms": list(terms), "names": list(names)}
    return {**markdown_settings, "extension_configs": configs}


def initialize(pelican):
    config = pelican.settings
    start(pelican, __name__)
    add_filters(config, {**dates.filters(config["TIMEZONE"]), "di": di,
                         "da": da, "di_ciascuno": di_ciascuno, "quanti": quanti,
                         "alfabetico": alfabetico,
                         "inglese": partial(in_english,
                                            terms=tuple(config["ITALIAN_ENGLISH_TERMS"]),
                                            names=tuple(config["ITALIAN_PROPER_NAMES"])),
                         "autore": partial(author_name,
                                           terms=tuple(config["ITALIAN_ENGLISH_TERMS"]),
                                           names=tuple(config["ITALIAN_PROPER_NAMES"]))})
    config["MARKDOWN"] = with_typography(config["MARKDOWN"], config["ITALIAN_ENGLISH_TERMS"],
                                         config["ITALIAN_PROPER_NAMES"])
    if config["SLUG_REGEX_SUBSTITUTIONS"] == DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]:
        config["SLUG_REGEX_SUBSTITUTIONS"] = slug_substitutions()  # unless the site set its own


def register():
    signals.initialized.connect(initialize)
