"""The one settings style of the site's plugins, the pelican-plugins way.

Every plugin with settings has a ``settings.py`` holding

- ``PREFIX`` (``"ATTACHMENTS_"``) and ``DEFAULTS``, one dict of ``NAME: default``;
- ``check(settings)``, returning ``[(NAME, problem)]`` for bad values (it may also
  normalise good ones in place, e.g. strip a trailing ``/``);
- ``install(settings)``, which calls :func:`install` below.

A plugin's ``initialize`` (at ``initialized``) starts with :func:`start`: the plugins it
declares it needs (``REQUIRES``) are checked, and its settings installed once, after
those of every plugin it requires, whatever order the receivers run in (the order of
:func:`install_order`: PLUGINS', each plugin moved after the plugins it requires).
A plugin's check or ``install`` may so read the settings of the plugins it requires, and
a helper writing into a required plugin's setting (:func:`reserve`) finds it checked.

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
filters, set in pelicanconf.py, win over a plugin's; a name two plugins give stops the
build), :func:`require`, a plugin's declared dependencies on other plugins (``REQUIRES``,
a tuple of names as PLUGINS writes them: ``("plugins.content_checks",)``), :func:`loaded_setting`, a setting of a plugin
the caller works with but does not require, and :func:`reserve`, an output folder a
plugin writes itself (no item may be written there).
"""

import functools
import importlib
import importlib.util
import logging

from .errors import QuietError, quiet_tracebacks

logger = logging.getLogger(__name__)

# In a build's settings (those of a check too): the plugins started (:func:`start`)
STARTED_KEY = "plugins_started"

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


JINJA_KINDS = {"JINJA_FILTERS": "filter", "JINJA_TESTS": "test", "JINJA_GLOBALS": "global"}


def _owner(value, plugins):
    """The plugin of ``plugins`` (PLUGINS' names) whose code ``value`` (a function, a
    partial, a class) is, or None: the site's own (a function of pelicanconf.py)."""
    while isinstance(value, functools.partial):  # its __module__ is "functools"
        value = value.func
    module = getattr(value, "__module__", None) or ""
    owners = [name for name in plugins if module == name or module.startswith(f"{name}.")]
    return max(owners, key=len) if owners else None


def add_filters(settings, filters, key="JINJA_FILTERS"):
    """Make ``filters`` available to templates; a same-named filter of the site wins.

    The site's own: a function of the settings (pelicanconf.py), no plugin's. A name
    two plugins give stops the build (:class:`PluginError`, naming both): which one
    the templates got depended on PLUGINS' order, and nothing said so.
    A new dict: the one in the settings may be a settings module's own, shared
    by every configuration that imports it.
    """
    present = settings.get(key) or {}
    plugins = [getattr(name, "__name__", name) for name in settings.get("PLUGINS") or ()]
    for name, value in filters.items():
        mine, theirs = _owner(value, plugins), _owner(present.get(name), plugins)
        if name in present and mine and theirs and mine != theirs:
            quiet_tracebacks()
            raise PluginError(
                f"the Jinja {JINJA_KINDS.get(key, key)} {name!r} is both {theirs}'s and"
                f" {mine}'s: rename one (templates would get the one PLUGINS lists first)")
    settings[key] = {**filters, **present}


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


def _is_module(name):
    """Whether ``name`` (``plugins.contract``) names a module that can be imported."""
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # a parent that is no package, an empty name
        return False


def require(pelican, plugin, needed):
    """Stop at start-up, naming what is missing, when ``plugin`` needs plugins not in
    PLUGINS; a name no plugin has (``content_checks`` for ``plugins.content_checks``, a
    typo) is said to be one, not to be added to PLUGINS."""
    loaded = loaded_plugins(pelican)
    missing = [name for name in needed if name not in loaded]
    if not missing:
        return
    quiet_tracebacks()
    for name in missing:
        if not _is_module(name):
            package = f"{__package__.rpartition('.')[0]}.{name}"  # plugins.NAME
            spelled = [other for other in sorted(loaded) if other.endswith(f".{name}")] or \
                ([package] if _is_module(package) else [])
            hint = f"write {spelled[0]!r}" if spelled else "no plugin has that name"
            raise PluginError(f"{plugin}: {name!r} in its REQUIRES is no plugin: {hint}")
    raise PluginError(
        f"{plugin} needs {', '.join(missing)}: add it to PLUGINS in pelicanconf.py"
    )


def requirements(plugin):
    """The plugins ``plugin`` (a module's name, as in PLUGINS) declares it needs: its
    ``REQUIRES``, a tuple of names as PLUGINS writes them (``("plugins.contract",)``;
    anything else stops the build, naming the plugin: a string was read as its letters)."""
    needed = getattr(importlib.import_module(plugin), "REQUIRES", ())
    if not isinstance(needed, (tuple, list)) or not all(isinstance(name, str)
                                                        for name in needed):
        quiet_tracebacks()
        raise PluginError(f"{plugin}: REQUIRES must be a tuple of plugin names such as"
                          f' ("plugins.content_checks",), not {needed!r}')
    return tuple(needed)


def install_order(plugins, requires=requirements):
    """``plugins`` (PLUGINS' names) in the order their settings are installed: each after
    the plugins of the list it requires, directly or through another; in the list's order
    otherwise. (A cycle of requirements is cut where it closes.)"""
    order, visiting = [], set()

    def visit(name):
        if name in order or name in visiting:
            return
        visiting.add(name)
        for needed in requires(name):
            if needed in plugins:
                visit(needed)
        order.append(name)

    for name in plugins:
        visit(name)
    return order


@functools.cache
def _settings_module(plugin):
    """The plugin's ``settings`` module, if it has one in the style above."""
    try:
        module = importlib.import_module(f"{plugin}.settings")
    except ModuleNotFoundError as error:  # no settings, or not a package
        if error.name not in (plugin, f"{plugin}.settings"):
            raise
        return None
    return module if hasattr(module, "DEFAULTS") and hasattr(module, "install") else None


class Started:
    """The plugins started in one build (:func:`start`), in its settings: an object, so
    the settings' digest (:func:`plugins.core.digest.plain`) reads only its type."""

    def __init__(self):
        self.names = set()


def start(pelican, plugin):
    """At ``initialized``, the first call of a plugin's ``initialize``: the plugins it
    requires checked (:func:`require`), and its settings installed (its ``settings.install``),
    after those of every plugin it requires. Every plugin of PLUGINS before ``plugin`` in
    :func:`install_order` not started yet is started first, each once per build: settings
    are installed in that one order, whatever the order Pelican's receivers run in."""
    started = pelican.settings.setdefault(STARTED_KEY, Started()).names
    names = [getattr(name, "__name__", name) for name in pelican.settings.get("PLUGINS") or ()]
    for name in install_order(names if plugin in names else [*names, plugin]):
        if name not in started:
            started.add(name)
            require(pelican, name, requirements(name))
            module = _settings_module(name)
            if module is not None:
                module.install(pelican.settings)
        if name == plugin:
            return


def loaded_setting(settings, name):
    """A setting of another plugin that the caller works with when it is loaded but does
    not require (``ATTACHMENTS_PATH`` in ``content_checks``): its value, checked, when the
    plugin whose ``DEFAULTS`` hold ``name`` is in PLUGINS, else None (and no default
    written again here). Read after ``initialized``; ``settings``: the build's, or a page's
    context. A required plugin's setting is read plainly, ``settings["NAME"]``."""
    for plugin in settings.get("PLUGINS") or ():
        module = _settings_module(getattr(plugin, "__name__", plugin))
        if module is not None and name in module.DEFAULTS:
            return settings[name]
    return None
