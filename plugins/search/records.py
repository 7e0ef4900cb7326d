"""What the search index holds: the pages of published items, and their PDF attachments.

- :func:`indexed_pages`: the written HTML file of every published (``LISTED``)
  article and page. Nothing else is indexed, whatever it contains: not hidden
  items, translations, drafts or future items (never written in a public build),
  listings, the 404 page, Documenti or the search page itself. Which part of a
  page is indexed is the templates' business (``data-pagefind-body``).
- :func:`document_records`: one custom record per PDF attachment of a published
  item, from the attachments plugin's "Documenti" list (each file once, with the
  newest item carrying it): its URL is the PDF's, its title the attachment's,
  its text the PDF's; its article (title, URL), date and category are metadata,
  the category is also a filter, as on article pages, and so is its type (``tipo``:
  the search page lists a category without its documents).
"""

import os
from zoneinfo import ZoneInfo

from pelican.contents import Page as PelicanPage

from plugins.core.items import LISTED, all_items
from plugins.core.text import plain
from plugins.italian.dates import data_breve, data_iso

from .attachment_titles import SENTENCE_ENDS
from .bundle import Page, Record

PAGE_SOURCE = "dalla pagina"  # a document attached to a page
ARTICLE_SOURCE = "dall’articolo"  # a category with no SEARCH_SOURCE_LABELS entry


def indexed_pages(generators, output_path):
    """:class:`Page` for each published article and page of the build."""
    pages = []
    for item, _ in all_items(generators, (LISTED,)):
        if item.save_as:
            pages.append(Page("/" + item.url, os.path.join(output_path, *item.save_as.split("/"))))
    return pages


def source_label(item, labels):
    """``dal comunicato``: how a document result names the item that publishes it."""
    if isinstance(item, PelicanPage):
        return PAGE_SOURCE
    category = getattr(item, "category", None)
    return labels.get(getattr(category, "slug", ""), ARTICLE_SOURCE)


def document_record(document, text, zone, labels):
    """The :class:`Record` of one entry of the Documenti list, with its extracted text."""
    attachment, item = document.attachment, document.item
    meta = {
        "title": attachment.title,
        "tipo": attachment.kind,
        "info": attachment.info,
        "origine": source_label(item, labels),
        "articolo": plain(item.title),
        "articolo_url": item.url,
    }
    # the type is also a filter: a category listed without words leaves documents out
    # (each is already there as its article)
    filters, sort = {"tipo": [attachment.kind]}, {}
    date = getattr(item, "date", None)
    if date is not None:
        meta["data"] = data_breve(date, zone)
        meta["date"] = sort["date"] = data_iso(date, zone)
    category = getattr(item, "category", None)
    if category is not None and not isinstance(item, PelicanPage):
        meta["categoria"] = category.name
        filters["categoria"] = [category.name]
    # The title is the result's title (meta ``title``, searched by Pagefind and counted
    # as text by the search page), not text: every excerpt began with it, under it.
    content = " ".join(part for part in (_sentence(attachment.description), text) if part)
    return Record("/" + attachment.url, content, meta, filters, sort)


def _sentence(text):
    """``text`` (an attachment's description) ending as a sentence: a result's excerpt
    shows the record's text run together, so "Verbale della riunione. Il 5 maggio…",
    not "Verbale della riunione Il 5 maggio…"."""
    text = (text or "").strip()
    return text if not text or text.endswith(tuple(SENTENCE_ENDS)) else text + "."


def pdf_documents(documents):
    """The PDFs among the Documenti entries."""
    return [document for document in documents if document.attachment.kind == "PDF"]


def document_records(documents, texts, timezone, labels):
    """Records for the documents whose text is in ``texts`` (``{source: text}``)."""
    zone = ZoneInfo(timezone)
    return [document_record(document, texts[document.attachment.source], zone, labels)
            for document in documents if document.attachment.source in texts]
