"""A feed without the translations of its other items (:func:`without_translations`,
applied by the site's writer, ``plugins/writer``, before ``FEED_MAX_ITEMS``)."""


def without_translations(elements, context):
    """A feed's articles without those that are translations of another of them.

    Pelican's whole-site feeds (``FEED_ALL_*``) add every article's translations as
    items of their own: the Italian feed showed the same news twice, once in another
    language, and the translation took one of the ``FEED_MAX_ITEMS`` places. A
    translation is listed nowhere else either (it is linked from its original). An
    article the build lists (``articles``) stays; another one goes when the feed holds
    one of its translations (Pelican links both ways), so a feed of translations
    only (``TRANSLATION_FEED_*``) keeps them. The site's writer (``plugins/writer``)
    applies this before Pelican takes the first ``FEED_MAX_ITEMS``.
    """
    listed = {id(article) for article in context.get("articles") or ()}
    present = {id(element) for element in elements}
    return [element for element in elements
            if id(element) in listed or not any(
                id(other) in present for other in getattr(element, "translations", ()))]
