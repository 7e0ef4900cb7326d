"""Static files (content/immagini/) are published only when a written item uses them.

Pelican copies everything under STATIC_PATHS. The contract says nothing of a
draft or future item may be published, "not an attachment or image that only
it uses", and nothing no published item uses goes public either (a file
dropped in the folder by mistake, or one left behind by a deleted article).
Signal: ``static_generator_finalized`` (every item read, nothing copied yet): a
static file that no written item uses (its ``image``, or a ``{static}`` link in
its body or summary) is withheld, with an INFO line naming it. Attachments get the same
rule from ``plugins/attachments``, which handles its own folder.

A published file keeps its name (``Festa in città.jpg``); its address, which Pelican
writes into the pages for ``{static}`` (an ``<img>``'s ``src``, a link), is the name
%-encoded (``Festa%20in%20citt%C3%A0.jpg``, as the image's ``srcset`` and the feeds
write it): a space is not allowed in a URL (the W3C checker's error), and a ``%`` in a
name would be read as the start of an escape.
"""

import logging
import os
import posixpath
from urllib.parse import quote

from pelican import signals

from plugins.core.items import PUBLIC, context_items, cover_path
from plugins.core.urls import static_links

logger = logging.getLogger(__name__)


def static_references(item):
    """Source paths (relative to the content folder) of the static files ``item`` uses:
    its cover ``image`` and the links of its body and its summary."""
    paths = static_links(item)
    image = item.metadata.get("image")
    if image:
        paths.add(cover_path(image))
    return {posixpath.normpath(path) for path in paths}


def used_by_written_items(context):
    paths = set()
    for item, _ in context_items(context, PUBLIC):
        paths |= static_references(item)
    return paths


def withhold_unused(generator):
    used = used_by_written_items(generator.context)
    kept = []
    for static in generator.staticfiles:
        source = static.get_relative_source_path().replace(os.sep, "/")
        if source in used:
            kept.append(static)
            if not hasattr(static, "override_url"):  # its address as a URL (docstring)
                static.override_url = quote(static.url, safe="/")
        else:
            logger.info("Not publishing %s: no published item uses it", source)
    generator.staticfiles[:] = kept
    generator.context["staticfiles"] = generator.staticfiles


def register():
    signals.static_generator_finalized.connect(withhold_unused)
