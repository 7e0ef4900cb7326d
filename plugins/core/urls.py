"""Site addresses: Pelican's ``url`` and ``save_as`` values as readers see them."""

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
