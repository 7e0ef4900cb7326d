"""The one settings style (plugins/core/settings.py), on every plugin that has settings."""

import importlib
import logging
from pathlib import Path

import pytest

from plugins.core import settings as core_settings

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted(path.parent.name for path in ROOT.glob("plugins/*/settings.py")
                 if path.parent.name != "core")
BASE = {"CACHE_PATH": "/tmp/c", "STATIC_PATHS": [], "SITEURL": "", "LOCALE": ["it_IT"],
        "AUTHOR": "Redazione", "THEME": str(ROOT / "theme")}


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
    assert plugin_settings.PREFIX.endswith("_")
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
