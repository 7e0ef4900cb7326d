"""The site's writer: pages and feeds written whole or not at all, pages rendered only
when something they show has changed.

Signal ``get_writer``: :class:`SiteWriter`, Pelican's own writer with these changes:

- every output file is written into a hidden temporary file beside the target and
  renamed over it only when the write finished (:mod:`.atomic`): a template or a
  feed that fails half-way never leaves a truncated file behind;
- with ``WRITER_RENDER_CACHE`` on, templates are rendered through
  :mod:`.render_cache`: a page whose inputs did not change since a previous build
  is taken from the cache instead of rendered again, and the page's file is a hard
  link to the cache's copy (:class:`.atomic.LinkedFile`);
- a direct template named in ``WRITER_PAGINATED_BY`` (``{"documenti": "documents"}``)
  is paginated by that variable of the context, not by the articles, with
  ``PAGINATED_TEMPLATES``' number a page (``…/pagina/2/``: Documenti grows with every
  attachment published);
- a feed gets no translation of another of its items
  (:func:`plugins.feeds.translations.without_translations`: Pelican's whole-site
  feeds list every translation as an item of its own);
- an Atom feed is a :class:`plugins.feeds.classes.LanguageAtom1Feed`: an entry in
  another language than the feed's carries ``xml:lang``, the feed the site's logo as
  ``<icon>``; an RSS feed a :class:`plugins.feeds.classes.LogoRss201rev2Feed`, with the
  logo as ``<image>``.

Signal ``generator_init``: every generator's Jinja environment keeps the templates
it compiles (:mod:`.templates`), for the other generators and the next build.

Signal ``deploy`` (pelican-granular-signals: after every ``finalized`` step): every
file and folder of the output readable by the web server, whatever the umask
(:mod:`.modes`).

Pelican's own rules stay: a second write to one file is an error, and paths
outside the output folder are refused (``sanitised_join``).
"""

import logging
import os

import blinker
from pelican import signals
from pelican.plugins import granular_signals
from pelican.writers import FileOverwriteFailedError, Writer

from plugins.core.settings import start
from plugins.feeds.classes import with_site_classes
from plugins.feeds.translations import without_translations

from . import modes
from .atomic import AtomicFile, LinkedFile
from .render_cache import CachedTemplate, RenderCache
from .templates import use_bytecode_cache

logger = logging.getLogger(__name__)

class SiteWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.render_cache = (RenderCache(self.settings)
                             if self.settings["WRITER_RENDER_CACHE"] else None)

    def write_file(self, name, template, context, *args, **kwargs):
        # A page listing something else than articles (WRITER_PAGINATED_BY: Documenti's
        # documents) is paginated by that list: Pelican paginates direct templates only
        # by their articles.
        variable = self.settings["WRITER_PAGINATED_BY"].get(kwargs.get("template_name"))
        if variable and not args and kwargs.get("paginated") is None:
            kwargs["paginated"] = {variable: list(context.get(variable) or ())}
        if self.render_cache is not None and template is not None:
            template = CachedTemplate(template, self.render_cache)
        return super().write_file(name, template, context, *args, **kwargs)

    def write_feed(self, elements, context, *args, **kwargs):
        # A feed holds no translation of another of its items (plugins/feeds), counted
        # before Pelican keeps the first FEED_MAX_ITEMS.
        return super().write_feed(without_translations(elements, context), context,
                                  *args, **kwargs)

    def _create_new_feed(self, feed_type, feed_title, context):
        # Atom entries say their language where it is not the feed's; Atom and RSS carry
        # the site's logo (plugins/feeds).
        return with_site_classes(super()._create_new_feed(feed_type, feed_title, context))

    def _open_w(self, filename, encoding, override=False):
        # Pelican 4.12's bookkeeping of Writer._open_w, unchanged: a second write to one
        # file is an error unless exactly one of the writes may override.
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time (was previously'
                    " overwritten)")
            logger.info('Skipping "%s", not overwriting', filename)
            return open(os.devnull, "w", encoding=encoding)  # noqa: SIM115 - as Pelican does
        if filename in self._written_files:
            if not override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" as Pelican has already written to it'
                    " previously (set `override=True` if intended)")
            logger.info('Overwriting "%s"', filename)
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        # Pelican renders a page, then opens its file and writes the text: when that is
        # the text just taken from (or put in) the render cache, the file is a link to
        # the cache's copy (plugins/core/files.py), not a second copy of the bytes.
        last = self.render_cache.take_last() if self.render_cache is not None else None
        if last is not None and encoding.replace("_", "-").lower() in ("utf-8", "utf8"):
            return LinkedFile(filename, encoding, *last)
        return AtomicFile(filename, encoding)


def initialize(pelican):
    start(pelican, __name__)


def get_writer(pelican):
    return SiteWriter


def register():
    granular_signals.register()  # the "deploy" signal, after every finalized receiver
    signals.initialized.connect(initialize)
    signals.get_writer.connect(get_writer)
    signals.generator_init.connect(use_bytecode_cache)
    blinker.signal("deploy").connect(modes.deploy)
