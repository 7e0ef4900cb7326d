"""The page written at an old address: a minimal valid HTML page (Italian, in the
site's ``DEFAULT_LANG`` as every page of it) that sends the reader on at once. Pure functions (tests/test_redirects.py)."""

from html import escape
from urllib.parse import quote, urlsplit

from plugins.core.urls import site_address
from plugins.csp import content_security_policy, referrer_policy

TEMPLATE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
{policy}{referrer}
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="0; url={local}">
<link rel="canonical" href="{canonical}">
{tags}<title>{title}{moved}</title>
</head>
<body data-pagefind-ignore="all">
<p>{said}: <a href="{local}">{title}</a>.</p>
</body>
</html>
"""


def targets(url, settings):
    """``(local, canonical)`` addresses of an item's ``url`` (``2024/05/slug/``):
    ``local`` from the host's root (under SITEURL's path, if any), which works on any
    host the site is served from (a preview, a staging copy); ``canonical`` absolute when
    the site has an address (``SITEURL``, else ``FEED_DOMAIN``: plugins/seo's rule).
    A ``#fragment`` (a month of a year's archive, ``archivio/2025/#mese-03``) goes with
    ``local`` only: the canonical address is the page itself."""
    url, _, fragment = str(url).partition("#")
    path = quote(url, safe="/%:@!$&'()*+,;=~-._")
    base = urlsplit(str(settings.get("SITEURL") or "")).path.rstrip("/")
    local = f"{base}/{path}"
    address = site_address(settings)
    canonical = f"{address}/{path}" if address else local
    if fragment:
        local += "#" + quote(fragment, safe="")
    return local, canonical


# What the page says before its link: at an item's old address, and at a year's or a
# month's address (/2025/03/), which never was a page of its own
MOVED = "Questa pagina è stata spostata"
PERIOD = "Gli articoli di questo periodo sono nell’archivio"


def render(title, url, settings, moved=True, tags=()):
    """The page's text for the item titled ``title`` (plain text) at ``url``: an old
    address of it (``moved``), or a year's or a month's address leading to its archive.
    ``tags``: ``[(attribute, name, content)]``, the meta description, Open Graph and
    Twitter card tags of the page it leads to, written as ``<meta attribute="name"
    content="content">``: the item's (plugins/seo ``moved_item_tags``: an old address
    shared shows the item's preview), or at a year's or a month's address the year's
    archive's (``moved_archive_tags``)."""
    local, canonical = targets(url, settings)
    # the site's policy after the charset, as on every page (plugins/csp), when it has one
    policy = content_security_policy(settings) \
        if "plugins.csp" in (settings.get("PLUGINS") or ()) else ""
    # the site's language, as every page of it (base.html)
    return TEMPLATE.format(lang=escape(settings["DEFAULT_LANG"]),
                           local=escape(local), canonical=escape(canonical),
                           title=escape(title, quote=False),
                           moved=" – pagina spostata" if moved else "",
                           said=MOVED if moved else PERIOD,
                           tags="".join(f'<meta {attribute}="{escape(name)}" '
                                        f'content="{escape(content)}">\n'
                                        for attribute, name, content in tags),
                           policy=f"{policy}\n" if policy else "",
                           referrer=referrer_policy())
