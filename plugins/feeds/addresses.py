"""Every address in an item's HTML absolute, resolved against the item's own address
(:func:`absolute_urls`), what a URL cannot hold percent-encoded (:func:`absolute_url`)."""

import re
from urllib.parse import quote, urljoin

from plugins.core.urls import srcset_candidates

# A tag of an item's HTML (text shows "<" as &lt;: code never matches), and an address
# in it (double quotes: nh3 and Pelican write them so).
TAG_RE = re.compile(r"<[a-zA-Z][^>]*>")
URL_ATTRIBUTE_RE = re.compile(r'(?P<name>\s(?:href|src|cite|poster|srcset))="(?P<value>[^"]*)"')
# Characters a URL cannot hold as they are (RFC 3986) that an address in an item may have:
# a file named "foto bella.png". Non-ASCII letters stay (IRIs: RFC 3987, RFC 4287).
UNSAFE_RE = re.compile(r"[\s\\^`{|}]")


def absolute_url(base, address):
    """``address`` resolved against ``base``, with what a URL cannot hold percent-encoded
    (``foto bella.png``: browsers send ``%20``, readers that check an address refuse it)."""
    resolved = urljoin(base, address.strip())
    return UNSAFE_RE.sub(lambda character: quote(character[0]), resolved)


def absolute_urls(html, base):
    """The item's HTML with every address absolute, resolved against the item's own
    address: a reader resolves a relative one against the feed's (RFC 4287, RFC 3986),
    so ``#dettagli`` or ``/segui/`` opened the feed file or the wrong page. A space in
    an address (a picture's file name) is written ``%20``."""
    if not html:
        return html

    def absolute(match):
        value = match["value"]
        if match["name"].strip() == "srcset":  # the group holds the space before the name
            value = ", ".join(" ".join([absolute_url(base, address), *descriptors])
                              for address, descriptors in srcset_candidates(value))
        else:
            value = absolute_url(base, value)
        return f'{match["name"]}="{value}"'

    return TAG_RE.sub(lambda tag: URL_ATTRIBUTE_RE.sub(absolute, tag[0]), str(html))
