"""Values as plain text (:func:`plugins.core.text.plain`, :func:`~plugins.core.text.shorten`)
and addresses as absolute URLs: what other sites read."""

from plugins.core.text import plain, shorten

__all__ = ["absolute", "plain", "shorten"]


def absolute(address, path):
    """``path`` of the site (``2024/05/slug/``) under ``address``; "" without an address."""
    if not address:
        return ""
    return f"{address}/{str(path or '').lstrip('/')}"
