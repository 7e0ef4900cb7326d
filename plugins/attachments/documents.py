"""The "Documenti" page: every published attachment, newest article first.

Template variable ``documents`` (set by the attachments generator, before any
page is written): a list of :class:`Document`. Each file appears once, with
the newest published article that carries it; attachments of pages (which
have no date) follow those of articles. Drafts, future and hidden items never
contribute.
"""

from dataclasses import dataclass
from datetime import datetime, timezone

from pelican.contents import Page

from .model import Attachment

_OLDEST = datetime.min.replace(tzinfo=timezone.utc)


@dataclass(frozen=True)
class Document:
    attachment: Attachment
    item: object  # the Article (or Page) that publishes it

    @property
    def date(self):
        return getattr(self.item, "date", None)


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
