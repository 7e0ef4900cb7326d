"""A published body on paper: what the print stylesheet needs in its HTML.

Printed, a link is followed by its address, and a video's frame cannot play. On a
sanitized body (:func:`plugins.contract.sanitizer.sanitize`): a link whose text is its own
web address marked so (:func:`address_links`: it was printed twice), and each
``<iframe>`` in a box holding its title and address (:func:`printable_frames`), which
the stylesheet prints in its place.
"""

import re
from html import unescape

from plugins.contract.nh3_html import TAG_RE

# An <iframe> as nh3 writes it, and its attributes (values in double quotes, escaped).
_FRAME_RE = re.compile(r"<iframe\b([^>]*)>.*?</iframe>", re.IGNORECASE | re.DOTALL)
_FRAME_ATTRIBUTE_RE = re.compile(r'\s([a-z-]+)="([^"]*)"')


def printable_frames(html):
    """The (sanitized) body with each ``<iframe>`` (a video of a host
    ``CONTRACT_IFRAME_HOSTS`` allows) in a ``<span class="video">`` holding its title and
    address (``data-title``, ``data-src``): on paper, which cannot play it, the stylesheet
    prints them in its place (an empty frame was printed)."""
    if "<iframe" not in html:
        return html

    def frame(match):
        attributes = dict(_FRAME_ATTRIBUTE_RE.findall(match[1]))
        title, address = attributes.get("title", "").strip(), attributes.get("src", "")
        return (f'<span class="video" data-title="{title}" data-src="{address}">'
                f"{match[0]}</span>")

    return _FRAME_RE.sub(frame, html)


# A link to a web address as nh3 writes it: its start tag's attributes (``href`` first,
# as Python-Markdown writes a link) and its text.
_WEB_LINK_RE = re.compile(r'<a href="(https?://[^"]*)"((?:\s+[^\s"\'>/=]+(?:="[^"]*")?)*)>'
                          r'((?:(?!</a>).)*)</a>', re.IGNORECASE | re.DOTALL)
ADDRESS_CLASS = "address-link"


def address_links(html):
    """The (sanitized) body with each link whose text is its own web address
    (``<https://…>``, or the address pasted as the text) marked ``class="address-link"``:
    printed, the address after a link is left out for it (it was printed twice)."""
    if "://" not in html:
        return html

    def mark(match):
        href, attributes, text = match.groups()
        words = unescape(TAG_RE.sub("", text)).strip()
        address = unescape(href)
        if " class=" in attributes or words.rstrip("/") not in (
                address.rstrip("/"), address.split("://", 1)[1].rstrip("/")):
            return match[0]
        return f'<a href="{href}"{attributes} class="{ADDRESS_CLASS}">{text}</a>'

    return _WEB_LINK_RE.sub(mark, html)
