"""PDF (and office) attachments as first-class content. Settings and internals: README.md.

Modules, one concern each:

- ``settings``: the ATTACHMENTS_* settings, their defaults and checks;
- ``model``: the front-matter value -> :class:`~.model.Attachment` (URL, type,
  "245 kB", "12 pagine"); pure functions;
- ``pdfinfo``: page counts and what a screen reader gets (tags, title, language,
  text) with pypdf, cached by content hash;
- ``previews``: first-page images (optional), drawn by ``render`` in a child
  process within bounds (page size, memory, time), cached, failures too;
- ``render``: the child process itself (standalone: PDFium and Pillow);
- ``collect``: ``item.attachments`` for every article and page, editors' errors
  (types allowed by ``model.ALLOWED_KINDS``, checked by content with
  ``plugins.core.filetypes``);
- ``output``: the generator that copies the files of written items only, and
  ``{static}`` links into the folder (same type check);
- ``documents``: the list behind the "Documenti" page, and its sections by year
  (the ``documenti_per_anno`` Jinja filter);
- ``feeds``: enclosures (Atom: all, RSS: the first) and the list in feed content.
"""

from pelican import signals

from plugins.core.settings import add_filters, start

from .collect import attach
from .documents import by_year, documents_apart
from .feeds import add_enclosures
from .output import decode_static_links, get_generators, place_linked_static

# Problems with attachments must stop the build: content_checks does that. The
# `attachments` key is read and checked by the contract (without it, Pelican's reader
# left the list unread and every attachment unpublished, "unused", with no error), whose
# Markdown also reads the accessibility statement (statement.py).
REQUIRES = ("plugins.content_checks", "plugins.contract")


def initialize(pelican):
    start(pelican, __name__)
    add_filters(pelican.settings, {"documenti_per_anno": by_year,
                                   "documenti_distinti": documents_apart})


def register():
    signals.initialized.connect(initialize)
    signals.article_generator_finalized.connect(attach)
    signals.page_generator_finalized.connect(attach)
    signals.page_generator_finalized.connect(decode_static_links)
    signals.get_generators.connect(get_generators)
    signals.static_generator_finalized.connect(place_linked_static)
    signals.feed_generated.connect(add_enclosures)
