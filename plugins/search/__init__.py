"""Site search with Pagefind, built inside the Pelican build. Settings and internals: README.md.

Signals:

- ``initialized``: the SEARCH_* settings (``settings``); content_checks is required
  (``REQUIRES``: the index's folder is reserved); with SEARCH_PDF_TEXT the
  attachments plugin is required (its list of published documents is reused);
  without SEARCH_ENABLED the search page is not built and nothing is indexed;
- ``all_generators_finalized`` (:func:`plan`): which pages and PDF documents to
  index (``records``), handed to ``finalized`` in the build's settings (the one
  object both signals reach; Pelican gives ``finalized`` no context);
- ``finalized`` (:func:`build`), once every page is written: the PDFs' text
  (``pdftext``, cached by content), then the Pagefind bundle in
  ``<output>/pagefind/`` (``bundle``), logged at INFO as
  ``Search index: N pages, M documents in X s, Y kB``. Any failure removes the
  bundle (:func:`.writing.remove`) and raises :class:`~.errors.SearchIndexError`: ``pelican`` exits with
  status 1, so ``invoke build`` and ``invoke publish`` keep the previous site.

Modules, one concern each: ``settings``; ``records`` (what is indexed, pure
functions); ``pdftext`` (text of PDFs, cached; child ``extract``); ``bundle``
(the one synchronous entry point, ``build_bundle``), which drives ``service``
(Pagefind's Python API, bounded, failing fast), ``feeding`` (pages and records fed to
it, each page as ``marked_body``, ``note_marks``, ``attachment_titles`` and
``elisions`` make it), ``canonical`` (the bundle in one order), ``writing`` (written
whole, race-free) and ``cache``; ``fragments`` reads a written bundle; ``errors``.
Each module's role: README.md, Files.
"""

import dataclasses
import logging
import os
import time
from dataclasses import dataclass, field

from pelican import signals

from plugins.core.errors import quiet_tracebacks
from plugins.core.settings import require, start

from . import bundle, writing
from .errors import SearchIndexError
from .pdftext import TextCache, pdf_texts
from .records import document_records, indexed_pages, pdf_documents

__all__ = ["SearchIndexError", "register"]

logger = logging.getLogger(__name__)
PLAN_KEY = "search_plan"  # in the build's settings, from all_generators_finalized to finalized
# Its folder, pagefind/, is reserved (CONTENT_CHECKS_RESERVED_PATHS): an item there is
# content_checks' error, and content_checks' settings are checked before the folder is added.
REQUIRES = ("plugins.content_checks",)
PDF_TEXT_REQUIRES = ("plugins.attachments",)


@dataclass
class Plan:
    pages: list  # bundle.Page
    documents: list = field(default_factory=list)  # attachments' Document entries (PDFs)
    digests: dict = field(default_factory=dict)  # source -> sha256, from the attachments plugin


def initialize(pelican):
    start(pelican, __name__)
    if pelican.settings["SEARCH_ENABLED"] and pelican.settings["SEARCH_PDF_TEXT"]:
        require(pelican, __name__, PDF_TEXT_REQUIRES)
    quiet_tracebacks()  # a SearchIndexError is its message, without a traceback
    pelican.settings.pop(PLAN_KEY, None)


def plan(generators):
    """``all_generators_finalized``: what this build indexes."""
    if not generators or not generators[0].settings["SEARCH_ENABLED"]:
        return
    config, context = generators[0].settings, generators[0].context
    result = Plan(indexed_pages(generators, generators[0].output_path))
    if config["SEARCH_PDF_TEXT"]:
        from plugins.attachments.collect import STATE_KEY  # noqa: PLC0415 - required plugin

        run = context.get(STATE_KEY)
        result.documents = pdf_documents(context.get("documents") or ())
        result.digests = dict(run.digests) if run else {}
    config[PLAN_KEY] = result


def _records(config, planned):
    if not planned.documents:
        return []
    pdfs = [(document.attachment.source,
             os.path.join(config["PATH"], document.attachment.source),
             planned.digests.get(document.attachment.source))
            for document in planned.documents]
    texts = pdf_texts(pdfs, TextCache(os.path.join(config["SEARCH_CACHE_PATH"], "pdf-text")),
                      config["SEARCH_PDF_MAX_CHARS"])
    return document_records(planned.documents, texts, config["TIMEZONE"],
                            config["SEARCH_SOURCE_LABELS"])


def index(config, planned, output_path):
    """Build the bundle for ``planned`` into ``output_path``; :class:`bundle.Stats`
    covering the whole step (PDF text too). Also what a benchmark calls."""
    start = time.perf_counter()
    records = _records(config, planned)
    stats = bundle.build_bundle(output_path, planned.pages, records,
                                language=config["SEARCH_LANGUAGE"],
                                executable=config["SEARCH_PAGEFIND_BINARY"],
                                timeout=config["SEARCH_TIMEOUT"],
                                cache=os.path.join(config["SEARCH_CACHE_PATH"], "bundles"))
    return dataclasses.replace(stats, seconds=time.perf_counter() - start)


def build(pelican):
    """``finalized``: the index of what was written; any failure fails the build."""
    config = pelican.settings
    if not config["SEARCH_ENABLED"]:
        return
    planned = config.pop(PLAN_KEY, None)
    if planned is None:
        raise SearchIndexError("Search index: no plan from all_generators_finalized")
    try:
        stats = index(config, planned, pelican.output_path)
    except SearchIndexError:
        writing.remove(pelican.output_path)
        raise
    except Exception as error:
        writing.remove(pelican.output_path)
        raise SearchIndexError(f"Search index: {type(error).__name__}: {error}") from error
    logger.info("Search index: %s", stats)


def register():
    signals.initialized.connect(initialize)
    signals.all_generators_finalized.connect(plan)
    signals.finalized.connect(build)
