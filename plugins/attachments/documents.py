"""The "Documenti" page: every published attachment, newest article first.

Template variable ``documents`` (set by the attachments generator, before any
page is written): a list of :class:`Document`. Each file appears once, with
the newest published article that carries it; attachments of pages (which
have no date) follow those of articles. Drafts, future and hidden items never
contribute.

Jinja filter ``documenti_per_anno`` (:func:`by_year`): the page's sections, a year
each, newest first, and the pages' documents last, with the list of years to jump
to at the top of the page. Jinja filter ``documenti_distinti``
(:func:`documents_apart`): what tells apart the page's links that read alike.
"""

from dataclasses import dataclass
from datetime import datetime, timezone

from pelican.contents import Page

from plugins.core.pages import Apart, Distinti, repeated, title_key
from plugins.italian.dates import ancora_anno

from .model import Attachment

_OLDEST = datetime.min.replace(tzinfo=timezone.utc)
# The id of the section of the pages' documents (a theme id: plugins/contract/theme_ids.py).
PAGES_ANCHOR = "documenti-pagine"


@dataclass(frozen=True)
class Document:
    attachment: Attachment
    item: object  # the Article (or Page) that publishes it

    @property
    def date(self):
        return getattr(self.item, "date", None)

    @property
    def from_page(self):
        """Published by a page (listed after every article's, dated or not)."""
        return isinstance(self.item, Page)


@dataclass(frozen=True)
class Section:
    """A section of the Documenti page: a year's documents (``date``, the first one's),
    or the pages' (``date`` None); ``page``, the paginator's page where it starts."""

    date: datetime | None
    documents: list
    page: object = None

    @property
    def anchor(self):
        """The section's id (``anno-2024``, :data:`PAGES_ANCHOR`), which its link names."""
        return ancora_anno(self.date) if self.date is not None else PAGES_ANCHOR


def _newest_first(entry):
    item, _ = entry
    date = getattr(item, "date", None)
    is_article = not isinstance(item, Page)
    if date is not None and date.tzinfo is None:
        date = date.replace(tzinfo=timezone.utc)
    return (is_article, date or _OLDEST)


def documents(listed):
    """``[(item, [Attachment])]`` -> ``[Document]``, newest first, each file once."""
    result, seen = [], set()
    for item, attachments in sorted(listed, key=_newest_first, reverse=True):
        for attachment in attachments:
            if attachment.source not in seen:
                seen.add(attachment.source)
                result.append(Document(attachment, item))
    return result


def by_year(documents, paginator=None):
    """``documents`` (:func:`documents`' order, or one page of it) -> ``[Section]``: the
    articles' documents by the year of their date, as the archive groups articles, then
    the pages' documents. With ``paginator`` (the page's ``documents_paginator``: the
    whole list), each section's ``page`` is the page its first document is on, the one a
    link to the year leads to (Pelican's ``Paginator.page`` cut: the last page takes the
    orphans). Sections keep the documents' order.

    >>> from types import SimpleNamespace as Entry
    >>> listed = [Entry(date=datetime(y, m, 1), from_page=page)
    ...           for y, m, page in ((2025, 3, False), (2024, 9, False), (2024, 2, False),
    ...                              (2025, 1, True))]
    >>> [(s.anchor, len(s.documents)) for s in by_year(listed)]
    [('anno-2025', 1), ('anno-2024', 2), ('documenti-pagine', 1)]
    """
    sections, index = [], {}
    for position, document in enumerate(documents):
        date = None if document.from_page else document.date
        key = None if date is None else date.year
        if key not in index:
            page = None
            if paginator is not None and paginator.per_page:
                page = paginator.page(min(position // paginator.per_page + 1,
                                          paginator.num_pages))
            index[key] = len(sections)
            sections.append(Section(date, [], page))
        sections[index[key]].documents.append(document)
    return sections


def documents_apart(documents):
    """Jinja filter ``documenti_distinti``: for each of a page's documents (its links
    read "Modulo di iscrizione (PDF, 120 kB, 1 pagina)" twice, for two files) a pair: its
    own link's (where another document has its title: its item, with the date where
    another item of the page has that item's title) and its item's link's (that date),
    each None when there is nothing to tell, ``(None, None)`` for a document not of the
    page (plugins.core.pages' ``distinti`` for items)."""
    documents = list(documents or ())
    named_twice = repeated(document.attachment.title for document in documents)
    items = {document.item.url: document.item for document in documents}  # each item once
    items_twice = repeated(item.title for item in items.values())
    pairs = []
    for document in documents:
        date = document.date if title_key(document.item.title) in items_twice else None
        own = (Apart(date, document.item)
               if title_key(document.attachment.title) in named_twice else None)
        pairs.append((document, (own, Apart(date) if date else None)))
    return Distinti(pairs, default=(None, None))
