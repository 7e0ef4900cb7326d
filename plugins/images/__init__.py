"""Responsive images: width and height, WebP variants in srcset, lazy loading below the fold.

For every image a written article or page shows (``![alt]({static}/immagini/x.jpg)``
in its body, or with ``{attach}``, and its ``image:`` cover), WebP variants are drawn
with Pillow at ``IMAGES_WIDTHS`` narrower than the original, and at its own width when
it is no wider than the largest of them (:mod:`.variants`, cached by content hash),
published under ``IMAGES_OUTPUT`` with the hash of their bytes in the name; the original
is published as before and is the largest candidate only when it is wider than every
variant.
Body ``<img>`` tags get ``width``/``height`` (the browser reserves the space: no
layout shift), ``srcset``/``sizes``, ``decoding="async"`` and ``loading="lazy"``,
except the first image of an item without a cover, which may be the largest thing
on the first screen (:mod:`.markup`). The cover is ``item.cover``, a
:class:`~.markup.Picture` for the template, never lazy.

Each item says whether it shows a lazily loaded image (``item.lazy_images``: its lead
and body; ``item.lazy_lead``: its card's lead), for plugins.core's ``lazy_images()``
global (the theme loads js/site.js there, whose print.js asks for them before printing).

Signals: ``initialized`` (settings), ``get_generators`` (:class:`ImagesGenerator`,
which Pelican runs after the article and page generators: in ``generate_context``
every item is read and nothing is written yet, so an unreadable image is reported to
``content_checks`` and stops the build; ``generate_output`` links the variants from
the cache).
Drafts are never written, so images only they use get no variants.
"""

import dataclasses
import logging
import os
import posixpath
import re
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote

from markupsafe import Markup
from pelican import signals

from plugins.content_checks import report
from plugins.contract.lines import find_line
from plugins.core.files import place
from plugins.core.items import PUBLIC, context_items, cover_path, key_line
from plugins.core.items import source as item_source
from plugins.core.settings import start

from . import location, markup, variants

logger = logging.getLogger(__name__)
# static_assets: an {attach} picture's srcset names its original at the {static} address,
# which static_assets gives it before Pelican could move it beside the item
REQUIRES = ("plugins.content_checks", "plugins.static_assets")


def image_sources(html, relative_dir, cover):
    """Content-relative paths of the raster images an item shows: those of its body's
    ``html`` (the item's folder is ``relative_dir``), then its ``cover``."""
    found = markup.sources(html, relative_dir)
    if cover:
        found.append(cover_path(cover))
    return found


def item_images(item):
    """:func:`image_sources` of a Pelican item: its body, its summary (a lead of its own
    may show a picture too), its cover."""
    # str(): the reader's summary is Markup, and str + Markup would escape the body
    html = item._content + str(item.metadata.get("summary") or "")  # noqa: SLF001 - raw HTML
    # once each: a lead taken from the body repeats the body's first picture
    return list(dict.fromkeys(image_sources(html, item.relative_dir, item.metadata.get("image"))))


def located_message(source):
    """The warning for an image that carries the place where it was taken and is published
    with it (it cannot be rewritten without it: ``location.published_with_it``; the
    build's and ``invoke check``'s)."""
    return (f"l'immagine {source} contiene il luogo in cui è stata scattata (coordinate GPS),"
            " che chiunque la scarichi può leggere: salvala di nuovo senza la posizione (per"
            " esempio esportandola o condividendola senza dati di posizione) / the image"
            " carries its GPS location")


def unreadable_message(source, problem):
    """The content error for an image Pillow cannot read (the build's and ``invoke
    check``'s, which reads each image with :func:`.variants.measure` and
    :func:`.variants.verify`)."""
    italian, _, english = problem.partition(" / ")  # Pillow's English: the English half
    return (f"l'immagine {source} non si può leggere ({italian}): salvala di nuovo come"
            f" JPEG o PNG / image {source} cannot be read{f' ({english})' if english else ''}")


def download_copy(path, folder):
    """The cached copy (in ``folder``) without its position of the file at ``path``,
    published though no written item shows it: an image only linked (``[Scarica la
    foto]({static}/immagini/foto.jpg)``) or an attachment. None when it is no image, carries
    no position, is unreadable or cannot be rewritten (published as it is). Looked at at
    every build: a file whose bytes hold no EXIF or XMP at all is not opened."""
    if not (path.lower().endswith(location.SUFFIXES) and location.may_be_located(path)):
        return None
    try:
        measured = variants.measure(path)
    except variants.Unreadable:
        return None
    return location.clean_copy(measured, folder)


def publish_copy(clean, output_path, save_as, name):
    """The copy ``clean`` (:func:`download_copy`'s) published at ``save_as`` under
    ``output_path`` in place of the file ``name``, and the log's line saying so: the
    images' and the attachments' one way."""
    target = os.path.join(output_path, *save_as.split("/"))
    os.makedirs(os.path.dirname(target), exist_ok=True)
    place(clean, target)
    logger.info("Publishing %s without the position it was taken at", name)


def image_line(text, source, cover=None, cover_line=None, relative_dir=""):
    """Where the Markdown file ``text`` (in the folder ``relative_dir`` under content/)
    names the image ``source`` (a path under content/): the line of its ``image`` key
    (``cover_line``) when it is the cover, else the first line linking that path with
    ``{static}`` or ``{attach}`` (:func:`static_link_needle`), else the first line naming
    the file, as typed or %-encoded; None when none is found."""
    if cover and source == cover_path(cover):
        return cover_line
    name = posixpath.basename(source)
    return find_line(text, [static_link_needle(source, relative_dir), name, quote(name)], 1)


def static_link_needle(source, relative_dir=""):
    """``{static}/source`` where a link writes it (``/`` after the marker or not; the
    path as typed, with ``%20`` for its spaces or all %-encoded; or from the item's folder
    ``relative_dir``, ``{static}../immagini/foto.jpg``, which Pelican and the contract
    accept), for :class:`~plugins.contract.lines.Lines` (the text lowered): not the same
    file name in the prose above, nor another folder's picture of that name
    (``2024/foto.jpg`` over ``2025/foto.jpg``), nor a longer name ending with it
    (``vecchia-foto.jpg``)."""
    paths = [source]
    if relative_dir:
        paths.append(posixpath.relpath(source, relative_dir.replace(os.sep, "/")))
    spellings = dict.fromkeys(spelling.lower() for path in paths for spelling in (
        path, path.replace(" ", "%20"), quote(path)))
    return re.compile(r"[{|](?:static|attach)[|}]/?(?P<at>"
                      + "|".join(map(re.escape, spellings)) + r")(?=[\s)>\"'?#]|\Z)")


def item_image_line(item, source):
    """:func:`image_line` for a Pelican item (its file read again: only on an error)."""
    try:
        with open(item.source_path, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
    except OSError:
        return None
    return image_line(text, source, item.metadata.get("image"), key_line(item, "image"),
                      item.relative_dir)


class ImagesGenerator:
    """Draws the variants of the written items' images and rewrites their ``<img>`` tags."""

    def __init__(self, context, settings, path, theme, output_path, **kwargs):
        self.context = context
        self.settings = settings
        self.path = path
        self.output_path = output_path
        self.files = {}  # published name -> cached file
        self.clean = {}  # source -> cached copy without the position (``location``)
        self.shown = set()  # sources of the images written items show (measured)

    def _prepare(self, source):
        """``(source, Source, [Variant], problem)`` for one content-relative image."""
        path = os.path.join(self.path, *source.split("/"))
        try:
            measured = variants.measure(path)
            made = variants.ensure(measured, self.settings["IMAGES_WIDTHS"],
                                   self.settings["IMAGES_QUALITY"],
                                   self.settings["IMAGES_CACHE_PATH"])
        except variants.Unreadable as error:
            return source, None, [], str(error)
        clean = location.clean_copy(measured, self.settings["IMAGES_CACHE_PATH"])
        if clean:
            self.clean[source] = clean  # else published as it is, warned if it has a position
        # a variant no lighter than the original is of no use (a screenshot's palette PNG
        # makes lossy WebP variants larger than itself, and blurred): the original serves
        size = os.path.getsize(path)
        return source, measured, [v for v in made if os.path.getsize(v.file) < size], None

    def _url(self, path):
        return f"{self.settings['SITEURL']}/{quote(path)}"

    def _picture(self, source, measured, made):
        original = self._url(self.settings["STATIC_URL"].format(path=source))
        if not made:
            return markup.Picture(original, measured.width, measured.height)
        candidates = []
        for variant in made:
            name = variants.published_name(source, variant,
                                           self.settings["SLUG_REGEX_SUBSTITUTIONS"])
            self.files[name] = variant.file
            candidates.append(f"{self._url(self.settings['IMAGES_OUTPUT'] + '/' + name)}"
                              f" {variant.width}w")
        if made[-1].width < measured.width:  # a variant of its own width replaces it
            candidates.append(f"{original} {measured.width}w")  # the largest: the original
        return markup.Picture(original, measured.width, measured.height,
                              ", ".join(candidates), self.settings["IMAGES_SIZES"])

    def _shared(self, found):
        """The picture of ``found`` (``(source, Source, Picture)``, a cover's) with its copy
        for link previews; as it was if that copy cannot be drawn (the original serves)."""
        source, measured, picture = found
        try:
            variant = variants.share(measured, self.settings["IMAGES_SHARE_WIDTH"],
                                     self.settings["IMAGES_SHARE_QUALITY"],
                                     self.settings["IMAGES_CACHE_PATH"])
        except variants.Unreadable:  # it was read to measure and draw it: not expected
            return picture
        name = variants.published_name(source, variant, self.settings["SLUG_REGEX_SUBSTITUTIONS"])
        self.files[name] = variant.file
        return dataclasses.replace(picture, share=f"{self.settings['IMAGES_OUTPUT']}/{name}",
                                   share_width=variant.width, share_height=variant.height)

    def generate_context(self):
        items = [item for item, _ in context_items(self.context, PUBLIC)]
        users = {}
        for item in items:
            for source in item_images(item):
                if os.path.isfile(os.path.join(self.path, *source.split("/"))):
                    users.setdefault(source, []).append(item)  # missing: the contract says so
        self.shown = set(users)
        covers = {cover_path(item.metadata.get("image")) for item in items}
        with ThreadPoolExecutor(self.settings["IMAGES_WORKERS"]) as pool:
            prepared = list(pool.map(self._prepare, sorted(users)))
        pictures, shared = {}, []
        for source, measured, made, problem in prepared:
            if problem:
                for item in users[source]:
                    report(self.context, item_source(item), unreadable_message(source, problem),
                           item_image_line(item, source))
                continue
            if location.published_with_it(measured, self.clean.get(source)):
                for item in users[source]:
                    line = item_image_line(item, source)
                    logger.warning("%s%s: %s", item_source(item), f":{line}" if line else "",
                                   located_message(source))
            pictures[source] = self._picture(source, measured, made)
            if source in covers:
                shared.append((source, measured, pictures[source]))
        with ThreadPoolExecutor(self.settings["IMAGES_WORKERS"]) as pool:
            pictures.update(zip((source for source, _, _ in shared),
                                pool.map(self._shared, shared)))
        for item in items:
            cover = cover_path(item.metadata.get("image"))
            eager_first = cover not in pictures
            item._content = markup.rewrite(item._content, item.relative_dir,  # noqa: SLF001
                                           pictures, eager_first)
            summary = item.metadata.get("summary")
            if summary and "<img" in summary:  # its own, or the body's first paragraph
                # lazy: the lead is also every listing card's, most below the fold (a home
                # page fetched all its cards' pictures at once)
                item.metadata["summary"] = Markup(markup.rewrite(  # HTML, as the reader gave it
                    summary, item.relative_dir, pictures, eager_first=False))
                if hasattr(item, "_summary"):
                    item._summary = item.metadata["summary"]  # noqa: SLF001
            item.cover = pictures.get(cover) if cover else None
            # what lazy_images() reads: its card's lead, its page's lead and body
            item.lazy_lead = markup.lazy(item.metadata.get("summary"))
            item.lazy_images = item.lazy_lead or markup.lazy(item._content)  # noqa: SLF001
        logger.info("IMAGES: %d images, %d variants", len(pictures), len(self.files))

    def generate_output(self, writer):
        del writer  # files are linked from the cache, not rendered
        # The static generator, the last one, has listed the originals it will copy: those
        # that carry a position are published here without it (``location``), and it
        # copies the others. An image only linked (a download) is read here: it is public too.
        statics = self.context.get("staticfiles", [])
        for static in list(statics):
            source = static.get_relative_source_path().replace(os.sep, "/")
            clean = self.clean.get(source) if source in self.shown \
                else download_copy(os.path.join(self.path, *source.split("/")),
                                   self.settings["IMAGES_CACHE_PATH"])
            if clean:
                statics.remove(static)
                publish_copy(clean, self.output_path, static.save_as,
                             static.get_relative_source_path())
        folder = os.path.join(self.output_path, *self.settings["IMAGES_OUTPUT"].split("/"))
        for name, cached in sorted(self.files.items()):
            os.makedirs(folder, exist_ok=True)
            place(cached, os.path.join(folder, name))


def initialize(pelican):
    start(pelican, __name__)


def get_generators(pelican):
    return ImagesGenerator


def register():
    signals.initialized.connect(initialize)
    signals.get_generators.connect(get_generators)
