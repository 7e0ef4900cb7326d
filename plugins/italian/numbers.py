"""Italian numbers with Babel, independent of the OS locale."""

from babel.numbers import format_decimal

# The language of the site's own words (ISO 639-1): the messages of the build and the
# tools, the web editor's interface. Not the content's (DEFAULT_LANG, the pages' lang).
LANGUAGE = "it"
LOCALE = f"{LANGUAGE}_IT"  # the one Babel locale of the site (dates.py uses it too)


def numero(value, decimals=3) -> str:
    """Italian grouping: ``14.590``, ``1,2``; four digits stay ungrouped (``1459``).

    CLDR's minimumGroupingDigits for Italian is 2 (as ``Intl.NumberFormat("it-IT")``
    applies it); Babel does not, so the rule is applied here. At most ``decimals``
    decimal digits. Templates count with ``quanti`` (the number and its noun), which
    uses this.
    """
    pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALE,
                          group_separator=abs(value) >= 10000)
