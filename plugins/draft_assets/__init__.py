"""Images (and other static files) used only by drafts stay out of the public output.

Pelican copies everything under STATIC_PATHS. The contract says nothing of a
draft or future item may be published, "not an attachment or image that only
it uses". Signal: ``static_generator_finalized`` (after every item was read,
before anything is copied): a static file referenced by a draft (its ``image``
or a ``{static}`` link in its body) and by no written item is withheld.
Attachments get the same rule from ``plugins/attachments``.
"""

import logging
import os

from pelican import signals

from plugins.core.items import CHECKED, PUBLIC, context_items

logger = logging.getLogger(__name__)


def static_references(item):
    """Source paths (relative to the content folder) of the static files ``item`` uses."""
    paths = set(item.get_static_links())
    image = item.metadata.get("image")
    if image:
        paths.add(str(image).lstrip("/"))
    return {os.path.normpath(path).replace(os.sep, "/") for path in paths}


def _references(context, fates):
    paths = set()
    for item, _ in context_items(context, fates):
        paths |= static_references(item)
    return paths


def withhold_draft_assets(generator):
    private = _references(generator.context, (CHECKED,)) - _references(generator.context, PUBLIC)
    if not private:
        return
    kept = []
    for static in generator.staticfiles:
        source = static.get_relative_source_path().replace(os.sep, "/")
        if source in private:
            logger.info("Not publishing %s: only drafts or future items use it", source)
        else:
            kept.append(static)
    generator.staticfiles[:] = kept
    generator.context["staticfiles"] = generator.staticfiles


def register():
    signals.static_generator_finalized.connect(withhold_draft_assets)
