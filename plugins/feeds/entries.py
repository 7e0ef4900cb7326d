"""A feed's items as feed readers should show them (:func:`fix_entries`): each with its
language, its categories each once, all its authors, its own summary and cover opening
its content, the id it keeps, a summary without footnote references, and its HTML without
the site's markup, with videos as links, texts to open open and every address absolute;
in a preview, a draft's title marked BOZZA and a scheduled item's PROGRAMMATO with its
date, as the pages mark them."""

from zoneinfo import ZoneInfo

from feedgenerator import Rss201rev2Feed

from plugins.article_meta import preview_mark
from plugins.contract.tables import align_attributes
from plugins.core.text import without_note_references
from plugins.core.urls import feed_item, feed_item_address
from plugins.italian.typography import without_name_spans
from plugins.italian.words import elenco

from .addresses import absolute_urls
from .folds import folds_open
from .frames import frames_as_links
from .ids import earlier_address, item_id
from .opening import cover_html, lead_html
from .site_markup import without_site_markup


def summary_html(summary):
    """An item's summary (Atom's ``<summary>``, RSS's description of summaries) without
    its footnotes' references, as the site's listings show a lead (``card_lead``): a lead
    taken from the body's first paragraph kept them, and readers list entries by their
    summary as text ("dal lunedì1 al venerdì"), where the reference's link led to no note
    and repeated the ``id`` of the content's."""
    return without_note_references(str(summary)) if summary else summary


def distinct_terms(terms):
    """An entry's categories (Pelican's: the item's category, then its tags) each once,
    whatever its capitals, the first spelling kept: a tag named as the item's category
    ("avvisi" in Avvisi) was written twice, and readers listed "Avvisi, avvisi"."""
    seen = set()
    kept = []
    for term in terms or ():
        if term.casefold() not in seen:
            seen.add(term.casefold())
            kept.append(term)
    return tuple(kept)


def item_body(item):
    """The key of a feed item's content: ``content`` in Atom (Pelican sets it, "" for an
    empty body), ``description`` in RSS (content and summary in one; ``content`` is None).

    Not "whether the content is empty": an Atom entry of an item without text (a notice
    that is only its cover or its documents) had its picture and its list of documents
    written as its ``<summary>``, beside an empty ``<content>``, which readers show as the
    entry (RFC 4287: the content; the summary is an excerpt): they showed nothing."""
    return "description" if item.get("content") is None else "content"


def fix_entries(context, feed):
    """Sets the items of ``feed`` (a feedgenerator feed, from ``feed_generated``), after
    its own fields (:func:`.channel.fix_channel`)."""
    summary_only = isinstance(feed, Rss201rev2Feed) and context.get("RSS_FEED_SUMMARY_ONLY")
    for item in feed.items:
        article = feed_item(context, item)
        # absolute in a build without SITEURL too (the previews, FEED_DOMAIN's address):
        # Pelican's writer joins the item's address to SITEURL, "" there, and the RSS
        # <link>, the Atom alternate and every address of the content (made absolute
        # against it below) were relative, where the ids, the enclosures and the logo
        # were the site's absolute addresses (RSS 2.0: an item's link is a URL)
        item["link"] = feed_item_address(context, item["link"])
        # the pages' badge's words (plugins/article_meta): a feed reader subscribed to
        # the preview's feeds listed a draft as any published item
        mark = preview_mark(article, ZoneInfo(context["TIMEZONE"]))
        if mark:  # as the page shows it before the title
            item["title"] = f"{mark} – {item['title']}"
        item["lang"] = getattr(article, "lang", None)  # xml:lang where not the feed's (Atom)
        item["categories"] = distinct_terms(item.get("categories"))
        authors = getattr(article, "authors", None) or ()
        if len(authors) > 1:  # Pelican names the first only (feedgenerator takes one name)
            item["author_name"] = elenco(author.name for author in authors)
        cover = cover_html(context, article) if article is not None else ""
        # as its page shows them above the body; an RSS of summaries has the lead already
        lead = "" if summary_only else lead_html(article)
        opening = lead + cover
        if opening:  # the content (Atom) or the description (RSS: content and summary in one)
            body = item_body(item)
            item[body] = opening + str(item.get(body) or "")
        if article is not None:  # the id readers know the item by, its earlier address's
            address, month = (earlier_address(context, article)
                               or (f"/{article.url}", f"{article.date:%Y-%m}"))
            item["unique_id"] = item_id(context, address, month) or item["unique_id"]
        guid = item.get("unique_id") or ""
        if not guid.startswith(("http://", "https://")):
            item["unique_id_is_permalink"] = False
        if item.get("content") is not None or summary_only:  # the description is a summary
            item["description"] = summary_html(item.get("description"))
        for key in ("description", "content"):  # as a reader shows it, without the CSS
            item[key] = absolute_urls(folds_open(frames_as_links(without_site_markup(
                align_attributes(without_name_spans(item.get(key)))))), item["link"])
        if not (item.get("description") or "").strip():
            item["description"] = None  # a lead that is only a picture: no empty <summary>
