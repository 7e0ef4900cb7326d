"""The one settings style (plugins/core/settings.py), on every plugin that has settings."""

import ast
import importlib
import logging
from pathlib import Path

import pytest

from plugins.core import settings as core_settings

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted(path.parent.name for path in ROOT.glob("plugins/*/settings.py")
                 if path.parent.name != "core")
BASE = {"CACHE_PATH": "/tmp/c", "STATIC_PATHS": [], "SITEURL": "", "LOCALE": ["it_IT"],
        "AUTHOR": "Redazione", "THEME": str(ROOT / "theme"), "DEFAULT_LANG": "it"}


def installed(module, **values):
    plugin_settings = importlib.import_module(f"plugins.{module}.settings")
    settings = {**BASE, **values}
    plugin_settings.install(settings)
    return plugin_settings, settings


@pytest.mark.parametrize("module", MODULES)
def test_each_plugins_defaults_pass_its_own_checks(caplog, module):
    with caplog.at_level(logging.WARNING):
        plugin_settings, settings = installed(module)
    assert not caplog.records, [record.getMessage() for record in caplog.records]
    assert plugin_settings.PREFIX == f"{module.upper()}_"  # the plugin's name: one prefix each
    assert all(name.startswith(plugin_settings.PREFIX) for name in plugin_settings.DEFAULTS)


FLAGS = [(module, name) for module in MODULES
         for name, default in importlib.import_module(f"plugins.{module}.settings")
         .DEFAULTS.items() if isinstance(default, bool)]


@pytest.mark.parametrize(("module", "name"), FLAGS, ids=[name for _, name in FLAGS])
def test_a_switch_set_to_anything_but_true_or_false_is_named_and_replaced(caplog, module,
                                                                         name):
    """``"no"`` would be true in Python: a switch some plugin never checked itself
    (ATTACHMENTS_PREVIEWS, SEARCH_...) turned on by the word that means off."""
    plugin_settings = importlib.import_module(f"plugins.{module}.settings")
    with caplog.at_level(logging.ERROR):
        _, settings = installed(module, **{name: "no"})
    messages = [record.getMessage() for record in caplog.records]
    assert messages == [f"{name}: must be True or False, not 'no';"
                        f" using {plugin_settings.DEFAULTS[name]!r}"]
    assert settings[name] is plugin_settings.DEFAULTS[name]


TEXTS = [(module, name) for module in MODULES
         for name, default in importlib.import_module(f"plugins.{module}.settings")
         .DEFAULTS.items() if isinstance(default, str)]


@pytest.mark.parametrize(("module", "name"), TEXTS, ids=[name for _, name in TEXTS])
@pytest.mark.parametrize("value", [5, ["allegati"]], ids=["number", "list"])
def test_a_text_setting_set_to_anything_but_text_is_named_and_replaced(caplog, module, name,
                                                                      value):
    """A path, an address or a name given as a number or a list: named once, with the
    default used, before the plugin's own checks (which would fail on it: ``.strip()``
    of a number) or its code (a list joined into a path) see it."""
    plugin_settings = importlib.import_module(f"plugins.{module}.settings")
    with caplog.at_level(logging.ERROR):
        _, settings = installed(module, **{name: value})
    messages = [record.getMessage() for record in caplog.records]
    assert messages == [f"{name}: must be text, not {value!r};"
                        f" using {plugin_settings.DEFAULTS[name]!r}"]
    assert settings[name] == plugin_settings.DEFAULTS[name]


@pytest.mark.parametrize("value", [True, 2.0, "3", 0, 11, None])
def test_whole_numbers_are_whole_and_in_range(value):
    problems = core_settings.whole_numbers({"X_N": value}, {"X_N": (1, 10)}, "seconds")
    assert problems == [("X_N", f"must be a whole number of seconds from 1 to 10,"
                                f" not {value!r}")]
    assert core_settings.whole_numbers({"X_N": 10}, {"X_N": (1, 10)}) == []


def test_text_lists_hold_text_each_passing_the_test():
    assert core_settings.text_list(["/a/", "/b/"], lambda text: text.startswith("/"))
    assert core_settings.text_list(())
    assert not core_settings.text_list("/a/")  # a string is not a list of strings
    assert not core_settings.text_list(["/a/", 3])
    assert not core_settings.text_list(["/a/", "b"], lambda text: text.startswith("/"))


def test_text_maps_hold_text_to_text_each_passing_the_tests():
    assert core_settings.text_map({"notizie": "Notizia"})
    assert not core_settings.text_map({"notizie": "  "})  # blank: not by default
    assert core_settings.text_map({"notizie": ""}, value_test=None)
    assert not core_settings.text_map({"notizie": 3}, value_test=None)
    assert not core_settings.text_map(["notizie"])
    assert core_settings.text_map({"/documenti/": "documents"}, lambda path: path[0] == "/")
    assert not core_settings.text_map({"documenti/": "documents"}, lambda path: path[0] == "/")


# Reads of a plugin's own setting with a fallback that stay, each for its reason: the
# helpers other plugins call at ``initialized`` (before or after the owner's ``install``),
# and assets' published_file, which also answers for a site without the assets plugin.
FALLBACK_READS = {
    ("admin", "add_field", "ADMIN_EXTRA_FIELDS"),
    ("contract", "add_key", "CONTRACT_EXTRA_KEYS"),
    ("contract", "add_key", "CONTRACT_KEY_CHECKS"),
    ("assets", "published_file", "ASSETS_STATIC_PATHS"),
}


class FallbackReads(ast.NodeVisitor):
    """Each ``x.get("PREFIX…")`` and ``getattr(x, "PREFIX…", …)`` of a module, with the
    function it is in (``""``: the module's top level)."""

    def __init__(self, prefix, file):
        self.prefix, self.file, self.function, self.found = prefix, file, "", []

    def visit_FunctionDef(self, node):  # noqa: N802 - ast's name
        outer, self.function = self.function, node.name
        self.generic_visit(node)
        self.function = outer

    def visit_Call(self, node):  # noqa: N802 - ast's name
        call, args = node.func, node.args
        if isinstance(call, ast.Attribute) and call.attr == "get" and args:
            key = args[0]
        elif isinstance(call, ast.Name) and call.id == "getattr" and len(args) > 1:
            key = args[1]
        else:
            key = None
        if (isinstance(key, ast.Constant) and isinstance(key.value, str)
                and key.value.startswith(self.prefix)):
            self.found.append((self.function, key.value, f"{self.file}:{node.lineno}"))
        self.generic_visit(node)


def fallback_reads(module):
    """``(function, setting, file:line)`` of the plugin's reads of its own settings with
    a fallback (``.get``, ``getattr``)."""
    prefix = importlib.import_module(f"plugins.{module}.settings").PREFIX
    found = []
    for path in sorted((ROOT / "plugins" / module).glob("*.py")):
        visitor = FallbackReads(prefix, path.name)
        visitor.visit(ast.parse(path.read_text(encoding="utf-8")))
        found += visitor.found
    return found


@pytest.mark.parametrize("module", MODULES)
def test_a_plugin_reads_its_own_settings_plainly(module):
    """Filled in and checked once at ``initialized``, a plugin's settings are read as
    ``settings["NAME"]``: a ``settings.get("NAME", default)`` (or ``… or default``) kept
    a second copy of the default, and a value worked out by ``install`` was worked out
    again, differently, where it was read."""
    reads = [(function, name, where) for function, name, where in fallback_reads(module)
             if (module, function, name) not in FALLBACK_READS]
    assert reads == []


def test_the_tools_read_the_settings_a_build_has():
    """A tool reads the settings through ``tools.check`` (every plugin's filled in), never
    Pelican's bare ``read_settings`` with a copy of a plugin's DEFAULTS beside it (the
    publish's vanished documents did)."""
    offenders = []
    for path in sorted((ROOT / "tools").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        if path.name != "check.py" and "read_settings" in text:
            offenders.append((path.name, "read_settings"))
        if "DEFAULTS" in text:
            offenders.append((path.name, "DEFAULTS"))
    assert offenders == []
