"""Items' ids (Atom ``<id>``, RSS ``<guid>``) that stay when a date is corrected within its
month or the site moves (:func:`item_id`: a ``tag:`` URI of ``FEEDS_ID_SITEURL``'s host,
the year and month, the address), and an article moved by a new slug or month keeps the
id of its earlier address (:func:`earlier_address`, from ``indirizzi_precedenti``)."""

import re

from plugins.core.items import PREVIOUS_ADDRESSES
from plugins.core.urls import http_address, site_address, without_index
from plugins.italian.slugs import SLUG_RE

# The date fields of an article's address that a corrected date may change, and the group
# each is matched as (:func:`article_address`): the id holds them (:func:`item_id`).
MONTH_FIELDS = {"{date:%Y}": ("year", r"\d{4}"), "{date:%m}": ("month", r"0[1-9]|1[0-2]")}


def article_address(context, date, pattern="ARTICLE_URL"):
    """A pattern of the site paths the setting ``pattern`` (``ARTICLE_URL``, or
    ``ARTICLE_LANG_URL`` for an article in another language than the site's) makes for
    an article of ``date`` whatever its slug, year and month (``/2024/05/<slug>/``): the
    year and the month (:data:`MONTH_FIELDS`) as the groups ``year`` and ``month``, its
    other date fields as that date gives them, any other field one segment."""
    parts = re.split(r"(\{[^}]*\})", str(context.get(pattern) or ""))
    named = set()

    def field(part):
        if part == "{slug}":
            return SLUG_RE.pattern
        if part in MONTH_FIELDS:
            name, values = MONTH_FIELDS[part]
            if name in named:  # the same field again: the same value
                return f"(?P={name})"
            named.add(name)
            return f"(?P<{name}>{values})"
        if part.startswith("{date:"):
            return re.escape(date.strftime(part[len("{date:"):-1]))
        return "[^/]+"

    return "/" + "".join(field(part) if part.startswith("{") else re.escape(part)
                         for part in parts)


def earlier_address(context, article):
    """``(address, "YYYY-MM")``: the first of the article's ``indirizzi_precedenti``
    (plugins/redirects) that was its own address with another slug (a title changed
    without ``slug:``) or another month (a date corrected), and the year and month it
    shows (the article's where it shows none): what its feed id was made from. None when
    there is none: the old portal's addresses were never ids of these feeds."""
    # the article's own pattern, as Pelican gives it (an article in English alone: en/…)
    pattern = article_address(context, article.date, "ARTICLE_URL" if getattr(
        article, "in_default_lang", True) else "ARTICLE_LANG_URL")
    for path in article.metadata.get(PREVIOUS_ADDRESSES) or ():
        path = without_index(path)  # …/slug/index.html: the same page as …/slug/
        match = re.fullmatch(pattern, path)
        if match:
            fields = match.groupdict()
            year = fields.get("year") or f"{article.date:%Y}"
            month = fields.get("month") or f"{article.date:%m}"
            return path, f"{year}-{month}"
    return None


def item_id(context, address, month):
    """The id (Atom ``<id>``, RSS ``<guid>``) of the article at the site path ``address``
    (``/2024/05/slug/``) of the year and month ``month`` (``2024-05``): a ``tag:`` URI
    (RFC 4151) of the host of ``FEEDS_ID_SITEURL`` (else the site's own address,
    :func:`site_address`), that month, and the address under that site address's path:
    ``tag:farelegami.example.org,2024-05:/2024/05/slug/``; None without an absolute
    site address.

    Pelican's id was made from the item's link and its whole date: a date corrected
    within the month (the address is the same: ``ARTICLE_URL`` shows the year and the
    month) gave the item a new id, and a site moved to another host (``SITEURL``) gave
    every item one, so feed readers showed them again as news. The year and month are
    those the address shows; after a move, ``FEEDS_ID_SITEURL`` is the address the site
    had before, host and path (a GitHub Pages project site,
    ``https://OWNER.github.io/REPO``, moved to its own domain changes both)."""
    parts = http_address(context["FEEDS_ID_SITEURL"] or site_address(context))
    if parts is None:
        return None
    return f"tag:{parts.hostname},{month}:{parts.path.rstrip('/')}/{address.lstrip('/')}"
