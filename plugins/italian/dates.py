"""Italian dates and numbers with Babel, independent of the OS locale."""

from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_datetime
from babel.numbers import format_decimal

LOCALE = "it_IT"
ROME = ZoneInfo("Europe/Rome")


def to_rome(value: datetime) -> datetime:
    """Return ``value`` in Rome time; naive datetimes are taken as Rome time."""
    if value.tzinfo is None:
        return value.replace(tzinfo=ROME)
    return value.astimezone(ROME)


def data_lunga(value: datetime) -> str:
    """``domenica 5 maggio 2024, ore 17:07``."""
    when = to_rome(value)
    return format_datetime(when, "EEEE d MMMM y, 'ore' HH:mm", tzinfo=ROME, locale=LOCALE)


def data_breve(value: datetime) -> str:
    """``5 maggio 2024``."""
    return format_datetime(to_rome(value), "d MMMM y", tzinfo=ROME, locale=LOCALE)


def data_iso(value: datetime) -> str:
    """``2024-05-05T17:07:00+02:00`` for ``<time datetime>``."""
    return to_rome(value).isoformat(timespec="seconds")


def numero(value) -> str:
    """Italian grouping: ``14.590``; four digits stay ungrouped (``1459``) as in CLDR."""
    # CLDR's minimumGroupingDigits for Italian is 2 (as Intl.NumberFormat("it-IT")
    # applies it); Babel does not, so the rule is applied here.
    return format_decimal(value, locale=LOCALE, group_separator=abs(value) >= 10000)
