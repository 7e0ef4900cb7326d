"""The rules' view of an article or a page (:class:`Entry`), made by the build from
Pelican's items (``content_checks.entries``) and by ``invoke check`` from the files it
checked, and whether the public build writes it now (:func:`published`)."""

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Entry:
    source: str  # path under content/
    kind: str  # "article" or "page"
    slug: str
    save_as: str  # "" when the item is not written
    lang: str = ""
    line: int | None = None  # of its `slug` key, else of its `title`
    # ((path under content/, line), ...): where its {filename} links lead; (("/address/",
    # line), ...): links to the site's pages by their address (a "/" first: no path has one);
    # ((RELATIVE_LINK + "programma", line), ...): its relative links
    links: tuple = ()
    draft: bool = False  # `status: draft`, also where a preview shows it
    scheduled: datetime | None = None  # its date, when the public build waits for it
    # a file with errors (only ``invoke check`` has entries for them, for the rules that
    # report all at once: the build drops such a file, and it is reported on its own)
    failed: bool = False
    date: datetime | None = None  # an article's `date` (a page has none)
    title: str = ""  # its `title`: HTML (Markup) in a build, as typed in invoke check
    title_line: int | None = None  # of its `title` key


def published(entry):
    """True when the public build writes the item now (a hidden one too: not listed)."""
    return bool(entry.save_as) and not entry.draft and entry.scheduled is None
