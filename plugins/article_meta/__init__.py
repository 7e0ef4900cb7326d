"""Reader-facing article data: lead, body, reading time and preview marks.

Signals: ``article_generator_finalized`` and ``page_generator_finalized``. For every article it sets
``reading_time`` (minutes, words/200 rounded up), ``lead`` and ``body``
(HTML, computed when the template renders them, so ``{static}`` links are
resolved; without an id the body has too, when it is not the body's first paragraph),
``card_lead`` (the lead without its footnotes' references and ids: for the listings'
cards and the meta description, where the notes are not), ``is_bozza`` (a draft shown
by a preview build) and ``is_programmato`` (a future item shown by a preview build: it
goes live with the first build after its date), and the mark a preview shows for them,
:func:`preview_mark` ("BOZZA", "PROGRAMMATO 15 gennaio 2030"): the one wording of the
pages' badge (the Jinja global ``preview_mark``, theme/templates/partials/badge.html) and
of the preview feeds' titles (plugins/feeds).
When an article has no ``summary`` its first paragraph becomes the lead and is
left out of ``body``, so readers do not read it twice; feeds keep the full content.
A ``summary`` with the words of the body's first paragraph (an editor who copied it
there) is the lead the same way: that paragraph is left out of ``body`` (the page showed
it twice, under the title and again as the text began, and so did a search result's
excerpt and a feed's item, which opens with the summary); not when that paragraph links
to or shows what the summary does not (a link, a note's reference, an image).
A first paragraph without text (a picture alone) is no lead: the article has none.
Also ``date_label`` (what the meta line calls the date: "Pubblicato", "Data:" for a
draft, "Sarà pubblicato" for a scheduled item) and, for articles and pages,
``first_text`` (the first paragraph with text, else the body when it has text but no
paragraph, a list alone: the meta description when there is no lead; no footnote
reference either), and ``updated``: the last update the meta line
shows ("Ultimo aggiornamento"), the ``modified`` date when it is a later minute than the publication (the page shows
minutes), else None: a ``modified`` equal to ``date`` is no update.
"""

import math
import re
import time
from functools import partial
from zoneinfo import ZoneInfo

from markupsafe import Markup
from pelican import signals

from plugins.core.items import is_future, items
from plugins.core.settings import add_filters, listed_fields
from plugins.core.text import (
    FIRST_PARAGRAPH_RE, TAG_RE, body_lead, ids, plain, without_ids, without_note_references,
)
from plugins.italian.dates import data_breve

WORDS_PER_MINUTE = 200
PARAGRAPH_RE = re.compile(r"<p>(.*?)</p>", re.DOTALL)
WORD_RE = re.compile(r"\w+")
# what a paragraph links to or shows: a link's address, a note's reference (#fn:1), an image
LINK_RE = re.compile(r"""<(?:a|img)\b[^>]*?\s(?:href|src)=["']([^"']*)["']""", re.IGNORECASE)


def repeats(summary, paragraph):
    """Whether the HTML ``summary`` has the words of ``paragraph`` (the body's first, its
    HTML), in the same order, whatever their markup, case and punctuation: a summary
    copied from the text, or the text begun with the summary; not when the paragraph
    links to or shows what the summary does not (a link, a note's reference, an image):
    left out of the body, it was lost from the page (the note's ↩ leading nowhere)."""
    def words(html):
        return WORD_RE.findall(plain(Markup(without_note_references(html or ""))).casefold())
    return bool(words(paragraph)) and words(summary) == words(paragraph) \
        and set(LINK_RE.findall(paragraph or "")) <= set(LINK_RE.findall(summary or ""))


def preview_mark(item, zone, date=True):
    """The mark a preview build gives ``item`` (an article, a page) beside its title:
    "BOZZA" for a draft (``is_bozza``), "PROGRAMMATO 15 gennaio 2030" for a scheduled
    item (``is_programmato``; its date in ``zone``, the site's TIMEZONE; without it when
    ``date`` is false: an item's own page, whose note under the title says the day and
    the hour), "" for the others and in any build without them (the public build writes
    neither). The pages' badge (the Jinja global, partials/badge.html) and the preview
    feeds' titles (plugins/feeds) both say this."""
    if getattr(item, "is_bozza", False):
        return "BOZZA"
    if getattr(item, "is_programmato", False):
        return f"PROGRAMMATO {data_breve(item.date, zone)}" if date else "PROGRAMMATO"
    return ""


def date_label(article):
    """What the meta line calls the item's date: "Pubblicato", or in a preview "Data:" for
    a draft (it is not published; a noun, so a colon before the date, as "Ultimo
    aggiornamento:") and "Sarà pubblicato" for a scheduled item."""
    if article.is_bozza:
        return "Data:"
    return "Sarà pubblicato" if article.is_programmato else "Pubblicato"


def first_text(html):
    """The first paragraph of ``html`` that has text (its HTML, as Markup: the templates
    hand it to plugins/seo as HTML, which parts its lines' words), else the whole of
    ``html`` when it has text but no such paragraph (a list alone), or "": what a page
    without a lead of its own says of itself (the meta description), where the site's
    own description would repeat on every such page."""
    # the notes left out first: a note's paragraph ("Tranne i festivi. ↩") is not the text
    body = without_note_references(html or "")
    for paragraph in PARAGRAPH_RE.finditer(body):
        if TAG_RE.sub("", paragraph.group(1)).strip():
            return Markup(paragraph.group(1))
    # no paragraph with text (a notice that is a list, a table, headings): the body's
    # text (the description cuts it)
    return Markup(body) if TAG_RE.sub("", body).strip() else Markup("")


def updated(article):
    """``article.modified`` when it is a later minute than ``article.date``, else None."""
    modified = getattr(article, "modified", None)
    if modified is None or getattr(article, "date", None) is None:
        return modified
    minute = {"second": 0, "microsecond": 0}
    return modified if modified.replace(**minute) > article.date.replace(**minute) else None


def reading_time(html):
    """Minutes to read ``html`` at 200 words a minute, at least 1."""
    words = len(TAG_RE.sub(" ", html).split())
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


class ArticleBody:
    """The article's HTML without the paragraph used as lead; rendered lazily."""

    def __init__(self, article):
        self.article = article

    def __html__(self):
        content = self.article.content
        if lead_in_body(self.article):
            content = FIRST_PARAGRAPH_RE.sub("", content, count=1)
        return content

    __str__ = __html__


class ArticleLead:
    """The article's lead (its summary), rendered lazily; ``notes=False``: without its
    footnotes' references (``card_lead``: where the notes are not)."""

    def __init__(self, article, notes=True):
        self.article = article
        self.notes = notes

    def __html__(self):
        summary = str(self.article.summary or "")
        if not self.notes:  # a card on a listing: no id (two cards may share one)
            return Markup(without_ids(without_note_references(summary)))
        if not lead_in_body(self.article) and ' id="' in summary:
            # shown above the body: none of the body's ids twice on the page
            summary = without_ids(summary, only=ids(str(self.article.content)))
        return Markup(summary)

    __str__ = __html__

    def __bool__(self):
        return bool(self.article.summary and self.article.summary.strip())


def lead_in_body(article):
    """Whether the article's lead is its body's first paragraph, which ``body`` then leaves
    out: taken from there (no ``summary``) or a ``summary`` repeating it (``repeats``)."""
    return bool(article.metadata.get("lead_from_body")
                or article.metadata.get("lead_repeated"))


def enrich(article, now):
    if "summary" not in article.metadata:
        lead = body_lead(article._content)  # noqa: SLF001 - raw HTML
        article.metadata["summary"] = lead
        if lead:
            article.metadata["lead_from_body"] = True
    elif repeats(article.metadata["summary"], body_lead(article._content)):  # noqa: SLF001
        article.metadata["lead_repeated"] = True
    article.reading_time = reading_time(article._content or "")  # noqa: SLF001
    article.lead = ArticleLead(article)
    article.card_lead = ArticleLead(article, notes=False)
    article.first_text = first_text(article._content)  # noqa: SLF001
    article.body = ArticleBody(article)
    article.is_bozza = bool(article.metadata.get("bozza"))
    article.is_programmato = not article.is_bozza and is_future(article.date, now)
    article.date_label = date_label(article)
    article.updated = updated(article)


def add_article_meta(generator):
    now = time.time()  # one moment for every article of the build
    for article, _ in items(generator):
        enrich(article, now)


def add_page_meta(generator):
    """Pages get a lead only from an explicit ``summary`` (used for the meta description,
    else their ``first_text``), and their whole content as ``body``."""
    for page, _ in items(generator):
        page.lead = ArticleLead(page) if "summary" in page.metadata else ""
        page.card_lead = ArticleLead(page, notes=False) if page.lead else ""
        page.first_text = first_text(page._content)  # noqa: SLF001
        page.body = ArticleBody(page)
        page.is_bozza = bool(page.metadata.get("bozza"))  # a draft page a preview shows
        page.is_programmato = False  # pages have no publication date


def initialize(pelican):
    """Cards and listings show the marks: a page listing an item is rendered again when
    they change (plugins/writer's render cache). Templates get :func:`preview_mark` (a
    global, ``preview_mark(item, date=true)``) in the site's TIMEZONE."""
    listed_fields(pelican.settings, "is_bozza", "is_programmato")
    zone = ZoneInfo(pelican.settings["TIMEZONE"])
    add_filters(pelican.settings, {"preview_mark": partial(preview_mark, zone=zone)},
                key="JINJA_GLOBALS")


def register():
    signals.initialized.connect(initialize)
    signals.article_generator_finalized.connect(add_article_meta)
    signals.page_generator_finalized.connect(add_page_meta)
