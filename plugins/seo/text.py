"""Values as plain text (:func:`plugins.core.text.plain`, :func:`~plugins.core.text.shorten`)
and addresses as absolute URLs: what other sites read."""

from plugins.core.text import plain, shorten

__all__ = ["absolute", "plain", "shorten", "site_address"]


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
