"""Feeds that pass RSS 2.0 and Atom (RFC 4287) rules.

Signal: ``feed_generated`` (after Pelican has added the items, before the
file is written). Pelican gives RSS items a ``tag:`` guid without
``isPermaLink="false"`` (so validators read it as a URL), uses the
subtitle as channel description and gives every feed the home page as id and
link; all are fixed here (each feed's id is its own address, its link the page
it follows), and the feed gets its language; a category feed's title keeps the
category's name whole, every address in an item is made absolute (and a table cell aligned by its class
also by its ``align``, as readers have no stylesheet), an item with
several authors names them all, an item's own summary and its cover picture open its
content (:func:`.opening.lead_html`, :func:`.opening.cover_html`), a summary has no footnote references
(:func:`summary_html`), the site's own markup is left out (:func:`.site_markup.without_site_markup`),
an embedded video is a link to it (:func:`.frames.frames_as_links`), a text
to open is open (:func:`.folds.folds_open`), a tag named as the category is one category
(:func:`distinct_terms`), an item's id holds its address and its year and month, not the
day, under ``FEEDS_ID_SITEURL`` (else the site's address: :func:`.ids.item_id`), an article moved
keeps the id of its earlier address (:func:`.ids.earlier_address`), a feed without items is dated
the same in every build (:class:`.classes.StableDate`), and an Atom entry in another language than
the feed's says which (``xml:lang``, :class:`.classes.LanguageAtom1Feed`: the site's writer creates
Atom feeds of that class; it and :class:`.classes.LogoRss201rev2Feed` name the site's logo,
:func:`.logo.feed_logo`).
Other plugins (attachments) add enclosures on the same signal.

Signal ``initialized``: the ``FEEDS_*`` settings (:mod:`.settings`).

Signal ``article_generator_finalized``: the template variable ``site_feeds``, every
feed of the site with a label and its absolute URL (:mod:`.catalogue`), for the
"Segui le notizie" page (direct template ``segui``).
"""

from feedgenerator import Rss201rev2Feed
from pelican import signals

from plugins.contract.body import align_attributes
from plugins.core.text import without_note_references
from plugins.core.urls import feed_item
from plugins.italian.typography import without_name_spans
from plugins.italian.words import elenco

from . import settings
from .addresses import absolute_urls
from .catalogue import feed_groups
from .channel import fix_channel
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


def fix_feed(context, feed):
    fix_channel(context, feed)
    summary_only = isinstance(feed, Rss201rev2Feed) and context.get("RSS_FEED_SUMMARY_ONLY")
    for item in feed.items:
        article = feed_item(context, item)
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


def list_feeds(generator):
    generator.context["site_feeds"] = feed_groups(generator.settings,
                                                  generator.context.get("categories") or ())


def initialize(pelican):
    settings.install(pelican.settings)


def register():
    signals.initialized.connect(initialize)
    signals.feed_generated.connect(fix_feed)
    signals.article_generator_finalized.connect(list_feeds)
