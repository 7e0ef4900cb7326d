"""The ASSETS_* settings (listed with their meaning in README.md)."""

import posixpath

from plugins.core import settings as core_settings

PREFIX = "ASSETS_"
DEFAULTS = {
    # output name -> its sources, in order (paths relative to the theme's static folder);
    # sources are published only inside their bundle
    "ASSETS_BUNDLES": {},
    # fnmatch patterns (relative to the static folder; "*" also crosses "/"): files
    # published only under a name carrying their content hash, <name>.<hash>.<ext>
    "ASSETS_FINGERPRINT": ["css/*.css", "js/*.js", "fonts/*.woff2", "favicon.*",
                           "apple-touch-icon.png"],
    "ASSETS_HASH_LENGTH": 10,  # hex digits of sha256 in the names (8 to 64)
    "ASSETS_MINIFY_CSS": True,  # stylesheets (bundles and single files) through rcssmin
    # the theme's folders (or files) to publish, relative to THEME, as THEME_STATIC_PATHS;
    # None: THEME_STATIC_PATHS. Either way THEME_STATIC_PATHS is then emptied, so
    # Pelican does not also copy the unhashed files
    "ASSETS_STATIC_PATHS": None,
}
HASH_RANGE = (8, 64)
BUNDLE_TYPES = (".css", ".js")


def _relative(path):
    """True for a clean relative path inside the static folder (``css/a.css``)."""
    if not isinstance(path, str) or not path or path.startswith("/") or "\\" in path:
        return False
    return posixpath.normpath(path) == path and not path.startswith("../") and path != ".."


def check(settings):
    problems = []
    bundles = settings["ASSETS_BUNDLES"]
    if not isinstance(bundles, dict):
        problems.append(("ASSETS_BUNDLES", f"must be a dict of name: [sources], not {bundles!r}"))
    else:
        for name, sources in bundles.items():
            if not _relative(name) or posixpath.splitext(name)[1] not in BUNDLE_TYPES:
                problems.append(("ASSETS_BUNDLES", f"{name!r}: a bundle is a relative .css or"
                                                   " .js path such as 'css/site.css'"))
            elif (not isinstance(sources, (list, tuple)) or not sources
                  or not all(_relative(s) for s in sources)
                  or any(posixpath.splitext(s)[1] != posixpath.splitext(name)[1]
                         for s in sources)):
                problems.append(("ASSETS_BUNDLES", f"{name!r}: its sources must be a non-empty"
                                                   " list of relative paths of the same type"))
    patterns = settings["ASSETS_FINGERPRINT"]
    if not core_settings.text_list(patterns):
        problems.append(("ASSETS_FINGERPRINT", f"must be a list of patterns, not {patterns!r}"))
    problems += core_settings.whole_numbers(settings, {"ASSETS_HASH_LENGTH": HASH_RANGE})
    paths = settings["ASSETS_STATIC_PATHS"]
    if paths is not None and not core_settings.text_list(paths):
        problems.append(("ASSETS_STATIC_PATHS", f"must be a list of folders, not {paths!r}"))
    return problems


def install(settings):
    core_settings.install(settings, PREFIX, DEFAULTS, check)
    if settings["ASSETS_STATIC_PATHS"] is None:
        settings["ASSETS_STATIC_PATHS"] = list(settings.get("THEME_STATIC_PATHS") or ())
    # This plugin publishes the theme's files (README: "Published files"): Pelican's own
    # copy would publish the unhashed ones too.
    settings["THEME_STATIC_PATHS"] = []
    return settings
