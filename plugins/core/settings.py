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

The checks every plugin would otherwise write again are here: :func:`install` itself
refuses anything but ``True`` or ``False`` for a setting whose default is one, and
anything but text for a setting whose default is text (a path, an address, a name),
before the plugin's ``check`` runs (which may then treat those values as text); a
plugin's ``check`` describes its whole numbers with :func:`whole_numbers` and its
lists of text with :func:`text_list` and its dicts of text with :func:`text_map`.

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
    """Fill in ``defaults``, warn about unknown ``prefix`` names, replace bad values: any
    but a bool where the default is a bool, any but text where it is text, then those
    ``check`` names."""
    for name, default in defaults.items():
        if settings.get(name) is None:
            settings[name] = default
    for name in sorted(settings):
        if name.startswith(prefix) and name not in defaults:
            logger.warning("%s: unknown setting (known: %s)", name, ", ".join(defaults))
    kinds = [(name, f"must be True or False, not {settings[name]!r}")
             for name, default in defaults.items()
             if isinstance(default, bool) and not isinstance(settings[name], bool)]
    kinds += [(name, f"must be text, not {settings[name]!r}")
              for name, default in defaults.items()
              if isinstance(default, str) and not isinstance(settings[name], str)]
    _replace(settings, defaults, kinds)
    _replace(settings, defaults, check(settings) if check else ())
    return settings


def _replace(settings, defaults, problems):
    """Log each ``(name, problem)``; a plugin's own setting takes its default."""
    for name, problem in problems:
        if name in defaults:
            settings[name] = defaults[name]
            problem = f"{problem}; using {defaults[name]!r}"
        logger.error("%s: %s", name, problem)


def is_whole(value, low, high):
    """Whether ``value`` is a whole number from ``low`` to ``high`` (``True`` is not one)."""
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def whole_numbers(settings, ranges, unit=""):
    """``[(name, problem)]`` for the settings of ``ranges`` (``{name: (low, high)}``) that
    are not whole numbers in their range; ``unit``: ``"seconds"`` in the message."""
    what = f"a whole number of {unit}" if unit else "a whole number"
    return [(name, f"must be {what} from {low} to {high}, not {settings[name]!r}")
            for name, (low, high) in ranges.items() if not is_whole(settings[name], low, high)]


def text_list(value, test=None):
    """Whether ``value`` is a list (or tuple) of text, each item passing ``test`` if given."""
    return isinstance(value, (list, tuple)) and all(
        isinstance(item, str) and (test is None or test(item)) for item in value)


def text_map(value, key_test=None, value_test=str.strip):
    """Whether ``value`` is a dict of text to text, each key passing ``key_test`` if given
    and each value ``value_test`` (default: not blank; None: any text)."""
    return isinstance(value, dict) and all(
        isinstance(key, str) and isinstance(item, str)
        and (key_test is None or key_test(key)) and (value_test is None or value_test(item))
        for key, item in value.items())


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


def listed_fields(settings, *names):
    """Make ``names``, attributes a plugin gives items, part of what a page listing an item
    shows of it (``WRITER_LISTED_FIELDS``: plugins/writer's render cache renders such a
    page again when one of them changes), at ``initialized``, in whichever order the
    plugins start (the writer fills in only the settings still missing). Here, not in the
    writer: the plugins that call it are those the writer imports. A new list: the one in
    the settings may be a settings module's own, shared by every configuration."""
    listed = list(settings.get("WRITER_LISTED_FIELDS") or ())
    settings["WRITER_LISTED_FIELDS"] = listed + [name for name in names if name not in listed]


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
