"""Site addresses: Pelican's ``url`` and ``save_as`` values as readers see them."""

import os
import posixpath
from urllib.parse import unquote, urlsplit

INDEX = "index.html"


def without_index(url):
    """``2024/05/slug/index.html`` -> ``2024/05/slug/``; ``index.html`` -> ``""``.

    Pelican's paths end in ``index.html`` where the site's clean URLs end in ``/``.
    Also the ``without_index`` Jinja filter (registered by :func:`.settings.add_filters`).
    """
    text = str(url or "")
    if text == INDEX or text.endswith("/" + INDEX):
        return text[: -len(INDEX)]
    return text


def freeze(items):
    """Keep each item's ``url`` and ``save_as`` as they are now.

    Pelican works them out on every access (the metadata copied, the pattern
    formatted), thousands of times per build: every listing card, feed entry,
    sitemap line and cache key asks again. Once every item is read they no longer
    change, so each item gets them as Pelican's own ``override_url`` and
    ``override_save_as``, which ``Content.get_url_setting`` returns as they are
    (an item whose metadata sets ``url:``/``save_as:`` has them already: the same values).
    """
    for item in items:
        for key in ("url", "save_as"):
            setattr(item, f"override_{key}", getattr(item, key))


def static_links(item):
    """Source paths (relative to the content folder) of the ``{static}`` and ``{attach}``
    links of ``item``'s body and summary: Pelican's ``get_static_links``, which reads
    only the body and decodes only ``%20``, for both texts and with every ``%xx``
    decoded (``citt%C3%A0.jpg`` is ``città.jpg``, as the contract's link check and the
    web server read it). Called before Pelican replaces the links (the HTML as read)."""
    regex = item._get_intrasite_link_regex()  # noqa: SLF001 - Pelican's own link syntax
    paths = set()
    for html in (item._content, item.metadata.get("summary")):  # noqa: SLF001 - as read
        for match in regex.finditer(html or ""):
            if match.group("what") not in ("static", "attach"):
                continue
            path = unquote(urlsplit(match.group("value")).path)
            if not path.startswith("/"):
                path = posixpath.join(item.relative_dir.replace(os.sep, "/"), path)
            paths.add(posixpath.normpath(path.lstrip("/")))
    return paths
