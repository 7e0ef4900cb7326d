"""The FEEDS_* settings (listed with their meaning in README.md)."""

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


def install(settings):
    return core_settings.install(settings, PREFIX, DEFAULTS, check)
