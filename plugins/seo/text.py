"""Values as plain text and addresses as absolute URLs: what other sites read."""

import re

from markupsafe import Markup

SPACES_RE = re.compile(r"\s+")


def plain(value):
    """Text for a meta tag or JSON-LD: HTML (titles and leads arrive as safe HTML) without
    its tags, entities decoded; front-matter text as it is; spaces collapsed."""
    if value is None:
        return ""
    text = Markup(value.__html__()).striptags() if hasattr(value, "__html__") else str(value)
    return SPACES_RE.sub(" ", text).strip()


def shorten(text, limit):
    """``text`` cut at a word boundary to at most ``limit`` characters, ending in "…"."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.–-") + "…"


def site_address(siteurl, feed_domain=""):
    """The site's absolute address: SITEURL, or in development (SITEURL "") FEED_DOMAIN,
    the local server's address; "" when neither is absolute."""
    for candidate in (siteurl, feed_domain):
        text = str(candidate or "").rstrip("/")
        if text.startswith(("https://", "http://")):
            return text
    return ""


def absolute(address, path):
    """``path`` of the site (``2024/05/slug/``) under ``address``; "" without an address."""
    if not address:
        return ""
    return f"{address}/{str(path or '').lstrip('/')}"
