"""The theme's CSS, scripts and fonts under content-hashed names: one stylesheet, cached forever.

Templates never write a theme file's name: ``{{ asset_url("css/site.css") }}``
gives ``SITEURL/theme/css/site.<hash>.css``. Files matching
``ASSETS_FINGERPRINT`` are published only under ``<name>.<hash>.<ext>``, so
a changed file gets a new address and the web server may cache every one of
them as immutable; ``ASSETS_BUNDLES`` concatenates stylesheets (minified) into
one request. Settings and rules: README.md; the file plan: :mod:`.build`.

Signals:

- ``initialized``: the ``ASSETS_*`` settings; the ``asset_url`` Jinja global;
  Pelican's own copy of the theme's static files is turned off
  (``THEME_STATIC_PATHS = []``): this plugin publishes them instead;
- ``get_generators``: :class:`AssetsGenerator`, which plans the files in
  ``generate_context`` (every run, so ``pelican -r`` sees theme edits; the
  manifest goes into the build's context for ``asset_url``) and writes them in
  ``generate_output``.
"""

import logging
import os

from jinja2 import pass_context
from pelican import signals

from plugins.core.errors import quiet_tracebacks
from plugins.core.settings import add_filters, start

from .build import AssetsError, plan, theme_files

logger = logging.getLogger(__name__)
MANIFEST_KEY = "asset_manifest"  # build context: {name: published name}
BUNDLED_KEY = "asset_bundled"  # build context: {bundle source: its bundle}


@pass_context
def asset_url(context, name):
    """The URL of the theme file ``name`` (``"css/site.css"``, ``"js/cerca.js"``) as published."""
    manifest = context.get(MANIFEST_KEY)
    if manifest is None:
        raise AssetsError("asset_url: plugins.assets has not planned the theme's files")
    published = manifest.get(str(name).lstrip("/"))
    if published is None:
        bundle = (context.get(BUNDLED_KEY) or {}).get(name)
        hint = (f"it is part of the bundle {bundle}: use asset_url({bundle!r})" if bundle
                else "no such file under the theme's static folder")
        raise AssetsError(f"asset_url({name!r}): {hint}")
    return f"{context['SITEURL']}/{context['THEME_STATIC_DIR']}/{published}"


def published_file(settings, path):
    """The file the build publishes at the site path ``path``: under THEME_STATIC_DIR,
    the theme file :func:`theme_files` maps there (the folders of ASSETS_STATIC_PATHS,
    else of THEME_STATIC_PATHS when this plugin is not used); else the content file; or
    None. (Its bytes: a stylesheet is published minified, under a fingerprinted name.)"""
    prefix = settings["THEME_STATIC_DIR"].strip("/") + "/"
    if path.startswith(prefix):
        folders = settings.get("ASSETS_STATIC_PATHS") or settings.get("THEME_STATIC_PATHS") or ()
        source = theme_files(settings["THEME"], folders,
                             settings.get("IGNORE_FILES") or ()).get(path[len(prefix):])
        if source:
            return source
    candidate = os.path.join(settings["PATH"], path)
    return candidate if os.path.isfile(candidate) else None


class AssetsGenerator:
    """Plans the theme's published files (context) and writes them (output)."""

    def __init__(self, context, settings, path, theme, output_path, **kwargs):
        self.context = context
        self.settings = settings
        self.theme = theme
        self.output_path = output_path
        self.outputs = []

    def generate_context(self):
        files = theme_files(self.theme, self.settings["ASSETS_STATIC_PATHS"],
                            self.settings["IGNORE_FILES"])
        bundles = self.settings["ASSETS_BUNDLES"]
        manifest, self.outputs = plan(files, bundles, self.settings["ASSETS_FINGERPRINT"],
                                      self.settings["ASSETS_HASH_LENGTH"],
                                      self.settings["ASSETS_MINIFY_CSS"])
        self.context[MANIFEST_KEY] = manifest
        self.context[BUNDLED_KEY] = {source: bundle for bundle, sources in bundles.items()
                                     for source in sources}

    def generate_output(self, writer):
        del writer  # files are written as they are, not rendered
        folder = os.path.join(self.output_path, self.settings["THEME_STATIC_DIR"])
        for output in self.outputs:
            target = os.path.join(folder, *output.name.split("/"))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            if output.source:
                with open(output.source, "rb") as handle:
                    data = handle.read()
            else:
                data = output.data
            with open(target, "wb") as handle:
                handle.write(data)
            logger.info("Writing theme file %s", output.name)


def initialize(pelican):
    quiet_tracebacks()  # AssetsError: its message, no traceback
    start(pelican, __name__)
    add_filters(pelican.settings, {"asset_url": asset_url}, key="JINJA_GLOBALS")


def get_generators(pelican):
    return AssetsGenerator


def register():
    signals.initialized.connect(initialize)
    signals.get_generators.connect(get_generators)
