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
