"""What opens an item's content in the feeds, as its page shows them above the body and
which are not part of it: its own summary (:func:`lead_html`), then its cover
(:func:`cover_html`)."""

from html import escape

from plugins.article_meta import lead_in_body

def cover_html(context, article):
    """The item's cover (``image:``) as it opens the item's content in a feed, or "".

    The article's page shows it above the body, but it is not part of the body: a reader
    who follows the site from a feed reader never saw it. The original file, with its
    size when ``plugins/images`` measured it (``article.cover``), its WebP variants as
    the page gives them (``srcset`` and ``sizes``, as the body's pictures have them: a
    reader that knows them loads a variant of the width it shows, not a phone's original
    of several megabytes for every item) and its alternative text.
    """
    image = getattr(article, "image", None)
    if not image:
        return ""
    picture = getattr(article, "cover", None)
    src = picture.src if picture is not None else f"{context.get('SITEURL', '')}/{image}"
    size = (f' width="{picture.width}" height="{picture.height}"'
            if picture is not None and picture.width else "")
    variants = (f' srcset="{escape(picture.srcset, quote=True)}"'
                f' sizes="{escape(picture.sizes, quote=True)}"'
                if picture is not None and picture.srcset else "")
    alt = escape(str(getattr(article, "image_alt", "") or ""), quote=True)
    return (f'<figure><img src="{escape(src, quote=True)}"{variants} alt="{alt}"{size}>'
            "</figure>\n")


def lead_html(article):
    """The item's own summary (``summary:``) as it opens the item's content in a feed, or "".

    The article's page shows it under the title, above the cover and the body, and it is
    not part of the body: a reader who follows the site from a feed reader never read it
    (RSS has no other place for it; Atom has it as the ``<summary>``, which readers do not
    show beside a ``<content>``). A lead taken from the body's first paragraph, or a
    summary repeating it (plugins/article_meta, ``lead_in_body``), is in the content
    already."""
    if article is None or lead_in_body(article):
        return ""
    lead = getattr(article, "lead", None)
    return f"{lead}\n" if lead else ""
