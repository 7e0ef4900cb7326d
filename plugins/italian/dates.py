"""Italian dates with Babel, in the site's TIMEZONE, independent of the OS locale."""

from datetime import datetime
from functools import lru_cache, partial
from zoneinfo import ZoneInfo

from babel.dates import format_datetime

from .numbers import LOCALE


class Day(datetime):
    """A date written without a time (``date: 2025-03-14``): midnight in the site's zone,
    when it is published and how it is ordered, but shown as the day alone
    (:func:`data_lunga`), not as ``ore 00:00``, a time nobody wrote. The contract's reader
    makes it (``plugins.contract.schema.parse_date``); a time written, even ``00:00``,
    gives a plain datetime. It compares and hashes as the datetime it is, and stays a
    ``Day`` through ``replace``, ``astimezone`` and pickling (the caches)."""

    __slots__ = ()


def in_zone(value: datetime, zone: ZoneInfo) -> datetime:
    """``value`` in ``zone``; a naive datetime is taken as ``zone`` time."""
    if value.tzinfo is None:
        return value.replace(tzinfo=zone)
    return value.astimezone(zone)


@lru_cache(maxsize=16384)
def _formatted(value: datetime, zone: ZoneInfo, pattern: str) -> str:
    # Babel takes about 0.1 ms a date; a site shows each date on many pages (the
    # article, listings, related reading, archives): once per date and pattern.
    return format_datetime(in_zone(value, zone), pattern, tzinfo=zone, locale=LOCALE)


def as_written(value: datetime) -> str:
    """``value`` as the contract writes it, for the editors' messages: ``2025-03-14 17:07``,
    or ``2025-03-14`` for a :class:`Day` (no ``00:00``, a time nobody wrote)."""
    return f"{value:%Y-%m-%d}" if isinstance(value, Day) else f"{value:%Y-%m-%d %H:%M}"


NBSP = "\u00a0"


def data_lunga(value: datetime, zone: ZoneInfo, space: str = " ") -> str:
    """``domenica 5 maggio 2024, ore 17:07``; ``domenica 5 maggio 2024`` for a :class:`Day`
    (no time was written). ``space`` joins the day's number to its month and "ore" to the
    time: the ``data_lunga`` Jinja filter gives a no-break space (:func:`filters`), so a
    page's line never ends with "5" or "ore" (an article's meta line on a phone ended
    with "ore" and began the next with "17:07"; at 200 % one ended with "domenica 5")."""
    day = f"EEEE d{space}MMMM y"
    if isinstance(value, Day):
        return _formatted(value, zone, day)
    return _formatted(value, zone, f"{day}, 'ore'{space}HH:mm")


def data_breve(value: datetime, zone: ZoneInfo) -> str:
    """``5 maggio 2024``."""
    return _formatted(value, zone, "d MMMM y")


def mese(value: datetime, zone: ZoneInfo) -> str:
    """``Maggio 2024`` (a month's heading in the archive: months are lower case in a
    sentence, a heading starts with a capital)."""
    return _capital(_formatted(value, zone, "LLLL y"))


def nome_mese(value: datetime, zone: ZoneInfo) -> str:
    """``Maggio`` (a month under its year's heading, first in its list item)."""
    return _capital(_formatted(value, zone, "LLLL"))


def ancora_mese(value: datetime) -> str:
    """``mese-05``: the id of a month's section on its year's archive page
    (``period_archives.html``), where a month's address leads (plugins/redirects)."""
    return f"mese-{value.month:02d}"


def ancora_anno(value: datetime) -> str:
    """``anno-2024``: the id of a year's section on the archive's index
    (``archives.html``) and on the Documenti page (plugins/attachments), where its
    list of years leads. The year is the date's own, as the archive groups it."""
    return f"anno-{value.year}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def data_iso(value: datetime, zone: ZoneInfo) -> str:
    """``2024-05-05T17:07:00+02:00`` for ``<time datetime>``."""
    return in_zone(value, zone).isoformat(timespec="seconds")


def filters(timezone: str) -> dict:
    """The date filters for templates, in ``timezone`` (the site's TIMEZONE);
    ``data_lunga`` with its no-break spaces (the editors' messages have plain ones).

    ``functools.partial`` of module functions: picklable, as Pelican's content
    cache needs every setting to be (no lambdas).
    """
    zone = ZoneInfo(timezone)
    return {"ancora_mese": ancora_mese, "ancora_anno": ancora_anno,
            "data_lunga": partial(data_lunga, zone=zone, space=NBSP),
            **{name: partial(function, zone=zone) for name, function in
               (("data_breve", data_breve), ("data_iso", data_iso),
                ("mese", mese), ("nome_mese", nome_mese))}}
