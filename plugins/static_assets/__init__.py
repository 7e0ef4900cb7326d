"""Static files (content/immagini/) are published only when a written item uses them.

Pelican copies everything under STATIC_PATHS. The contract says nothing of a
draft or future item may be published, "not an attachment or image that only
it uses", and nothing no published item uses goes public either (a file
dropped in the folder by mistake, or one left behind by a deleted article).
Signal: ``static_generator_finalized`` (every item read, nothing copied yet): a
static file that no written item uses (its ``image``, or a ``{static}`` link in
its body or summary) is withheld, with an INFO line naming it. Attachments get the same
rule from ``plugins/attachments``, which handles its own folder. The files any item uses
(drafts and scheduled items too, their attachments included) are left in the context for
``content_checks``, which warns about each file of those folders no item uses.

A published file keeps its name (``Festa in città.jpg``); its address, which Pelican
writes into the pages for ``{static}`` (an ``<img>``'s ``src``, a link), is the name
%-encoded (``Festa%20in%20citt%C3%A0.jpg``, as the image's ``srcset`` and the feeds
write it): a space is not allowed in a URL (the W3C checker's error), and a ``%`` in a
name would be read as the start of an escape. So a file linked with ``{attach}`` stays at
that address, as with ``{static}``: Pelican's warning that it "cannot relocate" it, on every
build and in English, is dropped (:func:`attach_kept`); the editor did nothing wrong.
"""

import logging
import os
import posixpath
from urllib.parse import quote

from pelican import signals

from plugins.core.items import PUBLIC, context_items, cover_path
from plugins.content_checks import USED_KEY
from plugins.core.urls import static_link_paths

logger = logging.getLogger(__name__)


def references(texts, relative_dir, regex, image=None, attachments=()):
    """Source paths (relative to the content folder) of the files an item in
    ``relative_dir`` uses: the ``{static}`` links of its ``texts`` (body and summary HTML,
    as read), its cover ``image`` and its ``attachments`` (their paths). The build's and
    ``invoke check``'s one answer."""
    paths = static_link_paths(texts, relative_dir, regex) | set(attachments)
    if image:
        paths.add(cover_path(image))
    return {posixpath.normpath(path) for path in paths}


def static_references(item):
    """:func:`references` of ``item``: the static files it uses (its cover ``image`` and
    the links of its body and its summary), its attachments left out."""
    return references((item._content, item.metadata.get("summary")),  # noqa: SLF001
                      item.relative_dir, item._get_intrasite_link_regex(),  # noqa: SLF001
                      item.metadata.get("image"))


def used_files(context):
    """``(written, any)``: the files the written items use (``PUBLIC``: published and
    hidden ones, a preview's drafts too), and those any item uses, drafts and scheduled
    items too (their attachments' files included). Each item's text read once."""
    written, used = set(), set()
    for item, fate in context_items(context):
        paths = static_references(item)
        if fate in PUBLIC:
            written |= paths
        used |= paths | {attachment.source for attachment in getattr(item, "attachments", ())}
    return written, used


def withhold_unused(generator):
    # the files any item uses: for content_checks, which names the uploads no item uses
    # (unless the build stops)
    used, generator.context[USED_KEY] = used_files(generator.context)
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


def attach_kept(record):
    """A log filter: False for Pelican's warning that an ``{attach}`` link "cannot relocate"
    a file whose address this plugin set (``override_url``): the link works, at the
    file's one address (:func:`withhold_unused`); its other reasons are kept."""
    return not (record.msg.startswith("The {attach} link in %s cannot relocate")
                and len(record.args or ()) == 3 and "overridden" in str(record.args[2]))


def register():
    logging.getLogger("pelican.contents").addFilter(attach_kept)  # once: same function
    signals.static_generator_finalized.connect(withhold_unused)
