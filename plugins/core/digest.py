"""Digests that say whether something changed: files, settings, code.

Caches of the site (rendered pages, checked files) are keyed by them, so a change
to the theme, to a plugin or to a setting never reuses a stale result.
"""

import hashlib
from functools import lru_cache, partial
from importlib import metadata
from pathlib import Path

from pelican import __version__ as pelican_version

PLUGINS = Path(__file__).resolve().parent.parent
# Where, not what: the output folder and every cache folder (``CACHE_PATH`` and any
# plugin's ``*_CACHE_PATH``: a plugin adding a cache follows the rule by its name);
# REDIRECTS_ITEMS_FILE, a file outside the output that ``invoke publish`` names anew for
# each release (a different path each time would make every publish a cold build);
# DEBUG (pelican -D) only changes the log.
VOLATILE_SETTINGS = frozenset({"OUTPUT_PATH", "CACHE_PATH", "REDIRECTS_ITEMS_FILE", "DEBUG",
                               "CONTRACT_PREVIEW_SOURCES"})
VOLATILE_SUFFIX = "_CACHE_PATH"
# The installed libraries whose version may change what a page, a feed or a checked file
# holds: a cached result made with another version is not reused (requirements.txt pins
# them, but a cache/ kept by CI outlives a bump).
# unidecode: the slugs (plugins.italian.slugs), which the contract's cache keeps.
OUTPUT_LIBRARIES = ("markdown", "jinja2", "markupsafe", "feedgenerator", "babel", "pyyaml",
                    "nh3", "smartypants", "typogrify", "pypdf", "pypdfium2", "pillow",
                    "unidecode")


def hash_parts(*parts):
    """sha256 of the parts (text or bytes), each ended by a NUL byte."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()


DOCUMENTATION_NAMES = frozenset({"README.md"})  # read by people, never by the build


def files_digest(paths):
    """A digest of every file under ``paths`` (names and bytes), skipping bytecode and
    the READMEs (:data:`DOCUMENTATION_NAMES`: editing one changes no output; any other
    Markdown file, data a plugin or template might read, counts)."""
    digest = hashlib.sha256()
    for root in map(Path, paths):
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in files:
            if ("__pycache__" in path.parts or path.suffix == ".pyc"
                    or path.name in DOCUMENTATION_NAMES):
                continue
            digest.update(str(path.relative_to(root.parent)).encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def plain(value):
    """Stable text for a setting's value (functions by name, containers recursively)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return repr(value)
    if isinstance(value, dict):
        return "{" + ",".join(f"{plain(k)}:{plain(v)}" for k, v in
                              sorted(value.items(), key=lambda kv: repr(kv[0]))) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(plain(item) for item in value) + "]"
    if isinstance(value, (set, frozenset)):
        return "(" + ",".join(sorted(plain(item) for item in value)) + ")"
    if isinstance(value, partial):
        return f"partial({plain(value.func)},{plain(value.args)},{plain(value.keywords)})"
    if hasattr(value, "__qualname__"):
        return f"{getattr(value, '__module__', '')}.{value.__qualname__}"
    # Any other object (a plugin's state, a compiled pattern): by its type. Settings are
    # data; an object's own fields are not followed (they may point back at the settings).
    return f"<{type(value).__module__}.{type(value).__qualname__}>"


def is_volatile(name):
    """True for a setting that says where things go, not what the site is."""
    return name in VOLATILE_SETTINGS or name.endswith(VOLATILE_SUFFIX)


def settings_digest(settings):
    """A digest of every setting but the volatile ones (:func:`is_volatile`)."""
    return hash_parts(*(f"{name}={plain(value)}" for name, value in sorted(settings.items())
                        if not is_volatile(name)))


def library_versions():
    """``name==version`` of each of :data:`OUTPUT_LIBRARIES` (``name`` alone if absent)."""
    versions = []
    for name in OUTPUT_LIBRARIES:
        try:
            versions.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(name)
    return versions


@lru_cache(maxsize=1)
def _plugins_digest():
    # Once per process: the modules of plugins/ are imported once too, so this is the
    # digest of the code that runs (a live-reload rebuild does not import them again).
    return hash_parts(files_digest([PLUGINS]), *library_versions())


def code_digest(*extra_paths):
    """A digest of Pelican's version, every file of plugins/ but the READMEs (modules,
    data: a new plugin is in it with no more work) and the versions of the
    libraries that shape the output (once per process), and the files under
    ``extra_paths`` (read on each call: a theme edited while ``livereload`` runs renders
    again)."""
    return hash_parts(pelican_version, _plugins_digest(), files_digest(extra_paths))
