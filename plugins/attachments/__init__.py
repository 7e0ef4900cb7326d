"""PDF (and office) attachments as first-class content. See docs/attachments.md.

Modules, one concern each:

- ``config``: the ATTACHMENTS_* settings and their defaults;
- ``model``: the front-matter value -> :class:`~.model.Attachment` (URL, type,
  "245 kB", "12 pagine"); pure functions;
- ``pdfinfo``: page counts with pypdf, cached by content hash;
- ``previews``: first-page images with pypdfium2 (optional);
- ``collect``: ``item.attachments`` for every article and page, editors' errors;
- ``output``: the generator that copies the files of written items only;
- ``documents``: the list behind the "Documenti" page;
- ``feeds``: enclosures (Atom: all, RSS: the first) and the list in feed content.
"""

from pelican import signals

from .collect import attach_to_articles, attach_to_pages
from .config import apply_defaults
from .feeds import add_enclosures
from .output import get_generators, place_linked_static


def register():
    signals.initialized.connect(apply_defaults)
    signals.article_generator_finalized.connect(attach_to_articles)
    signals.page_generator_finalized.connect(attach_to_pages)
    signals.get_generators.connect(get_generators)
    signals.static_generator_finalized.connect(place_linked_static)
    signals.feed_generated.connect(add_enclosures)
