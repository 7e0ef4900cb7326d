"""Italian dates with Babel, in the site's TIMEZONE, independent of the OS locale."""

from datetime import datetime
from functools import partial
from zoneinfo import ZoneInfo

from babel.dates import format_datetime

from .numbers import LOCALE


def in_zone(value: datetime, zone: ZoneInfo) -> datetime:
    """``value`` in ``zone``; a naive datetime is taken as ``zone`` time."""
    if value.tzinfo is None:
        return value.replace(tzinfo=zone)
    return value.astimezone(zone)


def data_lunga(value: datetime, zone: ZoneInfo) -> str:
    """``domenica 5 maggio 2024, ore 17:07``."""
    return format_datetime(in_zone(value, zone), "EEEE d MMMM y, 'ore' HH:mm", tzinfo=zone,
                           locale=LOCALE)


def data_breve(value: datetime, zone: ZoneInfo) -> str:
    """``5 maggio 2024``."""
    return format_datetime(in_zone(value, zone), "d MMMM y", tzinfo=zone, locale=LOCALE)


def data_iso(value: datetime, zone: ZoneInfo) -> str:
    """``2024-05-05T17:07:00+02:00`` for ``<time datetime>``."""
    return in_zone(value, zone).isoformat(timespec="seconds")


def filters(timezone: str) -> dict:
    """The date filters for templates, in ``timezone`` (the site's TIMEZONE).

    ``functools.partial`` of module functions: picklable, as Pelican's content
    cache needs every setting to be (no lambdas).
    """
    zone = ZoneInfo(timezone)
    return {name: partial(function, zone=zone) for name, function in
            (("data_lunga", data_lunga), ("data_breve", data_breve), ("data_iso", data_iso))}
