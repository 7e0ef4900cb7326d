"""Writing attachments: only those of items whose page is written.

``ATTACHMENTS_PATH`` (``allegati``) is not in STATIC_PATHS, so Pelican's
static generator does not copy the whole folder. :class:`AttachmentsGenerator`
(signal ``get_generators``; Pelican runs it after articles and pages):

- ``generate_context``: renders the missing previews (in child processes, one
  per core up to :data:`PREVIEW_WORKERS`, within bounds: ``previews``), sets
  the ``documents`` list for the "Documenti" template;
- ``generate_output``: copies each file, byte for byte, to its URL, and its preview (a
  photo carrying the place it was taken: its copy without it, ``images.location``).

``static_generator_finalized``: a ``{static}`` link to an attachment in the body
of a written item lands at the same slugified URL; files linked only from
drafts are not copied; a linked file of a type attachments may not have is
an error.
"""

import logging
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import unquote

from plugins.content_checks import report
from plugins.core.files import copy, place
from plugins.core.items import context_items, source as item_source
from plugins.core.problems import WARNING, Problem
from plugins.core.settings import loaded_setting
from plugins.images import download_copy, publish_copy
from plugins.core.urls import link_regex, static_link_paths, static_links

from . import previews
from .collect import STATE_KEY, address_clashes, large_linked, linked_clashes, state
from .documents import documents
from .model import Preview, expand
from .statement import Statement, linked_warnings

logger = logging.getLogger(__name__)
PREVIEW_WORKERS = min(os.cpu_count() or 1, 4)  # child processes drawing previews at once


class AttachmentsGenerator:
    """Copies published attachments and their previews into the output."""

    def __init__(self, context, settings, path, theme, output_path, **kwargs):
        self.context = context
        self.settings = settings
        self.path = path
        self.output_path = output_path
        self.clean = {}  # source -> cached copy without the position (images.location)

    def _published(self):
        run = self.context.get(STATE_KEY)
        return run.published if run else {}

    def generate_context(self):
        run = state(self.context, self.settings)
        if self.settings["ATTACHMENTS_PREVIEWS"]:
            self._add_previews(run)
        self._without_location(run)
        run.cache.save()
        self.context["documents"] = documents(run.listed)

    def _add_previews(self, run):
        width = self.settings["ATTACHMENTS_PREVIEW_WIDTH"]
        pattern = self.settings["ATTACHMENTS_PREVIEW_URL"]
        regex_subs = self.settings["SLUG_REGEX_SUBSTITUTIONS"]
        jobs = [(source, attachments, run.digests[source])
                for source, attachments in run.published.items()
                if run.digests.get(source) is not None]  # PDFs only
        local, renderers, lock = threading.local(), [], threading.Lock()

        def draw(job):
            source, _, digest = job
            if not hasattr(local, "renderer"):  # a child process per thread, when needed
                local.renderer = previews.Renderer()
                with lock:
                    renderers.append(local.renderer)
            return previews.ensure(run.cache, os.path.join(self.path, source), digest, width,
                                   local.renderer, name=source)

        try:
            with ThreadPoolExecutor(max(1, min(PREVIEW_WORKERS, len(jobs)))) as pool:
                drawn = list(pool.map(draw, jobs))
        except previews.Unavailable as error:
            logger.warning("ATTACHMENTS: previews cannot be drawn (%s): none in this build",
                           error)
            return
        finally:
            for renderer in renderers:
                renderer.close()
        for (source, attachments, _), rendered in zip(jobs, drawn):
            if rendered is None:
                continue
            file, w, h = rendered
            preview = Preview(expand(pattern, source, regex_subs), w, h)
            for attachment in attachments:
                attachment.preview = preview
                attachment.preview_file = file

    def _without_location(self, run):
        """A photo among the attachments (JPEG, PNG, WebP: a phone's, carrying the place
        it was taken) is published as an image an item only links: without its position
        (``plugins.images.location``), its size (page, feeds' enclosures) the copy's."""
        cache = loaded_setting(self.settings, "IMAGES_CACHE_PATH")
        if not cache:  # the images plugin is not loaded
            return
        for source, attachments in run.published.items():
            clean = download_copy(os.path.join(self.path, *source.split("/")), cache)
            if clean:
                self.clean[source] = clean
                for attachment in attachments:
                    attachment.size = os.path.getsize(clean)

    def generate_output(self, writer):
        del writer  # files are copied, not rendered
        for source, attachments in self._published().items():
            first = attachments[0]
            if source in self.clean:
                publish_copy(self.clean[source], self.output_path, first.save_as, source)
            else:  # the editor's file, which may change in place: a copy of its own
                self._write(copy, os.path.join(self.path, source), first.save_as)
            if first.preview is not None:  # (PDFs only: never a photo's copy)
                # a cache's entry, never changed in place: linked
                self._write(place, first.preview_file, first.preview.url)

    def _write(self, how, source, save_as):
        """``source`` at ``save_as`` by ``how`` (plugins.core.files' ``copy`` or ``place``):
        replaced whole, never written into, as releases share files by hard links."""
        target = os.path.join(self.output_path, *save_as.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        how(source, target)
        logger.info("Copying %s to %s", source, save_as)


def get_generators(pelican):
    return AttachmentsGenerator


def decode_static_links(generator):
    """The ``{static}`` links' paths as the files' names, the summaries' links among them
    (``page_generator_finalized``: every item read, the static generator not yet started).

    Pelican's list of linked files, from which it finds those outside STATIC_PATHS (the
    attachments' folder), decodes ``%20`` only: a link to ``allegati/città.pdf`` written
    ``{static}/allegati/citt%C3%A0.pdf`` (as a Markdown link needs it, and as the
    contract found the file) named no file, the document was not published and the
    page linked an address that does not exist, without an error. A path naming no
    file is replaced by its decoded form when that one does."""
    links = generator.context.get("static_links")
    if links is None:
        return
    # Pelican collects the links of the bodies only: a summary's too (the lead, shown on
    # the page, in the listings and at the top of the feeds), or the document it links
    # was not published and the link was written as typed, "{static}/allegati/…"
    # (a lead taken from the body's first paragraph: Pelican read it with the body)
    regex = link_regex(generator.settings)
    for item, _ in context_items(generator.context):
        if not item.metadata.get("lead_from_body"):
            links |= static_link_paths((item.metadata.get("summary"),), item.relative_dir,
                                       regex)
    root = generator.settings["PATH"]
    for path in list(links):
        decoded = unquote(path)
        if decoded != path and not os.path.exists(os.path.join(root, path)) \
                and os.path.isfile(os.path.join(root, decoded)):
            links.discard(path)
            links.add(decoded)


def place_linked_static(generator):
    """``{static}`` links into ATTACHMENTS_PATH: slugified URL, written items only.

    The type of a linked file is checked with the body, by plugins/contract
    (its folder's kinds: plugins.core.filetypes.DOCUMENTS), with the line.
    A linked file whose URL another attachment already has (``Verbale.pdf`` and
    ``verbale.pdf``) is an error naming the items that link it: one file would
    silently overwrite the other.
    """
    run = generator.context.get(STATE_KEY)
    written = run.written_items if run else []
    owners = {}
    if run:  # every item is read by now: the declared attachments' addresses first
        found, owners = address_clashes(run.claims)
        for item, line, message in found:
            report(generator.context, item, message, line)
    settings = generator.settings
    folder = settings["ATTACHMENTS_PATH"] + "/"
    statics = [(static.get_relative_source_path().replace(os.sep, "/"), static)
               for static in generator.staticfiles]
    present = {source for source, _ in statics if source.startswith(folder)}
    linked = {}  # source -> written items linking it
    for item in written:
        for source in static_links(item) & present:
            linked.setdefault(source, []).append(item_source(item))
    found, rejected = linked_clashes(linked, owners, settings)
    for item, message in found:
        report(generator.context, item, message)
    if run:  # linked PDFs not accessible that the accessibility statement does not name
        if run.statement is None:
            run.statement = Statement(settings)
        declared = {(item, source) for item, _, source, _ in run.claims}
        kept = {source: items for source, items in linked.items() if source not in rejected}
        for item, message in (linked_warnings(kept, declared, settings, run.cache, run.statement)
                              + large_linked(kept, declared, settings)):
            logger.warning("%s", Problem(item, message, None, WARNING))
        run.cache.save()
    regex_subs = settings["SLUG_REGEX_SUBSTITUTIONS"]
    for source, static in statics:
        if source not in present:
            continue
        if source not in linked or source in rejected:
            generator.staticfiles.remove(static)
            continue
        static.override_url = expand(settings["ATTACHMENTS_URL"], source, regex_subs)
        static.override_save_as = expand(settings["ATTACHMENTS_SAVE_AS"], source, regex_subs)
