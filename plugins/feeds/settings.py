"""The FEEDS_* settings (listed with their meaning in README.md), and Pelican's
``FEED_DOMAIN`` filled in from ``SITEURL`` when it is empty (:func:`fill_feed_domain`)."""

from plugins.core import settings as core_settings
from plugins.core.urls import http_address

PREFIX = "FEEDS_"
DEFAULTS = {
    # the site address the items' ids are made from (its host is the tag: id's authority,
    # its path comes before the item's address): "" is the site's own (SITEURL); after a
    # move, the address the site had when its feeds were first read
    "FEEDS_ID_SITEURL": "",
}


def check(settings):
    value = settings["FEEDS_ID_SITEURL"]
    address = value.strip().rstrip("/")
    parts = http_address(address) if address else None
    if address and (parts is None or parts.query or parts.fragment or "@" in parts.netloc
                    or any(character.isspace() for character in address)):
        return [("FEEDS_ID_SITEURL", "must be a site's address, https://host[/path] without"
                                     f" spaces, query or fragment, or '', not {value!r}")]
    settings["FEEDS_ID_SITEURL"] = address
    return []


def fill_feed_domain(settings):
    """``FEED_DOMAIN`` empty (or None) and ``SITEURL`` an absolute address: ``FEED_DOMAIN``
    is ``SITEURL``, the rule the site's own links to its feeds follow
    (``plugins.core.urls.feed_address``: "Segui le notizie"; through the ``feed_url``
    Jinja global, the pages' ``<link rel="alternate">`` and the footer's and a
    category's links).

    Pelican's writer makes a feed's own address from ``FEED_DOMAIN`` alone: a build whose
    ``SITEURL`` was given without it (``pelican -e SITEURL=…`` over publishconf.py, which
    reads ``FEED_DOMAIN = SITEURL`` from the environment, or a settings file that sets
    ``SITEURL`` only) wrote feeds whose Atom ``<id>`` and ``rel="self"`` links (RSS's
    ``atom:link`` too) were relative, ``/feeds/tutto.atom.xml`` (RFC 4287 4.2.6: an id is
    an absolute IRI), and whose category feeds kept Pelican's title and the home page as
    link (their address was not the one the site lists, ``channel.followed_group``).
    A ``FEED_DOMAIN`` given with a final slash loses it: the theme's links to the feeds
    (``FEED_DOMAIN/FEED_ALL_ATOM``) had two."""
    domain = settings.get("FEED_DOMAIN")
    if isinstance(domain, str) and domain.strip():
        # without a final slash, as SITEURL: the theme joins it to a feed's path with one
        # (Pelican's writer adds one only where missing)
        settings["FEED_DOMAIN"] = domain.strip().rstrip("/")
        return
    site = str(settings.get("SITEURL") or "").strip().rstrip("/")
    if http_address(site):
        settings["FEED_DOMAIN"] = site


def install(settings):
    fill_feed_domain(settings)
    return core_settings.install(settings, PREFIX, DEFAULTS, check)
