"""The one settings style of the site's plugins, the pelican-plugins way.

Every plugin with settings has a ``settings.py`` holding

- ``PREFIX`` (``"ATTACHMENTS_"``) and ``DEFAULTS``, one dict of ``NAME: default``;
- ``check(settings)``, returning ``[(NAME, problem)]`` for bad values (it may also
  normalise good ones in place, e.g. strip a trailing ``/``);
- ``install(settings)``, which calls :func:`install` below at ``initialized``.

After ``initialized`` every ``PREFIX*`` setting is present and valid: code reads
``settings["ATTACHMENTS_PATH"]`` plainly, with no fallback. A setting left out or
set to ``None`` takes its default; a bad value is logged as an error naming it and
replaced by its default; an unknown ``PREFIX*`` name is a warning (a typo, probably).
Each plugin's README lists its settings as ``NAME = default``.

Also here: :func:`add_filters`, the one rule for ``JINJA_FILTERS`` (the site's own
filters, set in pelicanconf.py, win over a plugin's), :func:`require`, a plugin's
declared dependencies on other plugins, and :func:`reserve`, an output folder a
plugin writes itself (no item may be written there).
"""

import logging

from .errors import QuietError, quiet_tracebacks

logger = logging.getLogger(__name__)

# Output folders plugins write themselves (:func:`reserve`); a site may list its own.
RESERVED = "CONTENT_CHECKS_RESERVED_PATHS"


class PluginError(QuietError):
    """A plugin cannot run: a required plugin is missing. Pelican logs it and exits 1."""


def install(settings, prefix, defaults, check=None):
    """Fill in ``defaults``, warn about unknown ``prefix`` names, replace bad values."""
    for name, default in defaults.items():
        if settings.get(name) is None:
            settings[name] = default
    for name in sorted(settings):
        if name.startswith(prefix) and name not in defaults:
            logger.warning("%s: unknown setting (known: %s)", name, ", ".join(defaults))
    for name, problem in (check(settings) if check else ()):
        if name in defaults:
            settings[name] = defaults[name]
            problem = f"{problem}; using {defaults[name]!r}"
        logger.error("%s: %s", name, problem)
    return settings


def reserve(settings, folder):
    """``folder`` (first segment of the output paths) is written by a plugin itself, not
    through Pelican's writer: no article or page may be written there. The rule is
    ``content_checks``' (an item at one of the site's own addresses is an error naming
    its file, in the build and in ``invoke check``); Pelican would not notice, and the
    plugin's files would replace the item's."""
    reserved = list(settings.get(RESERVED) or ())
    if folder not in reserved:
        settings[RESERVED] = [*reserved, folder]


def add_filters(settings, filters, key="JINJA_FILTERS"):
    """Make ``filters`` available to templates; a same-named filter of the site wins.

    A new dict: the one in the settings may be a settings module's own, shared
    by every configuration that imports it.
    """
    settings[key] = {**filters, **(settings.get(key) or {})}


def loaded_plugins(pelican):
    """Names of the plugins Pelican loaded (``plugins.attachments``, ``pelican.plugins.sitemap``)."""
    return set(pelican.settings.get("PLUGINS") or ())


def require(pelican, plugin, needed):
    """Stop at start-up, naming what is missing, when ``plugin`` needs plugins not in PLUGINS."""
    missing = [name for name in needed if name not in loaded_plugins(pelican)]
    if missing:
        quiet_tracebacks()
        raise PluginError(
            f"{plugin} needs {', '.join(missing)}: add it to PLUGINS in pelicanconf.py"
        )
