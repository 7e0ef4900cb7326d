"""Slugs for Italian titles: ``Perché l'università`` -> ``perche-l-universita``.

Pelican's slugify ASCII-folds the title (unidecode turns ’ into ') and then
applies SLUG_REGEX_SUBSTITUTIONS; its defaults drop the apostrophe and glue
the words (``luniversita``). An apostrophe is a word break in Italian.
"""

from pelican.settings import DEFAULT_CONFIG


def slug_substitutions():
    """Pelican's default substitutions, with apostrophes turned into word breaks first."""
    return [(r"['`]", " "), *DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]]
