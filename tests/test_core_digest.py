"""plugins/core/digest.py: the settings digest that keys the render and contract caches."""

from functools import partial

import pytest

from plugins.core.digest import is_volatile, plain, settings_digest

SETTINGS = {
    "SITEURL": "https://farelegami.example.org",
    "OUTPUT_PATH": "/srv/output",
    "CACHE_PATH": "/srv/cache",
    "ATTACHMENTS_CACHE_PATH": "/srv/cache/attachments",
    "SEARCH_CACHE_PATH": "/srv/cache/search",
    "DEBUG": False,
    "ATTACHMENTS_PREVIEW_WIDTH": 240,
    "MARKDOWN": {"extension_configs": {"markdown.extensions.toc": {}}},
}


@pytest.mark.parametrize(("name", "value"), [
    ("OUTPUT_PATH", "/tmp/elsewhere"),
    ("CACHE_PATH", "/tmp/cache"),
    ("ATTACHMENTS_CACHE_PATH", "/tmp/a"),
    ("SEARCH_CACHE_PATH", "/tmp/s"),
    ("IMAGES_CACHE_PATH", "/tmp/i"),  # not in SETTINGS: added
    ("A_NEW_PLUGINS_CACHE_PATH", "/tmp/n"),  # a cache no one has written yet
    ("DEBUG", True),
])
def test_where_things_go_does_not_change_the_digest(name, value):
    assert is_volatile(name)
    assert settings_digest({**SETTINGS, name: value}) == settings_digest(SETTINGS)


@pytest.mark.parametrize(("name", "value"), [
    ("SITEURL", "https://altro.example.org"),
    ("ATTACHMENTS_PREVIEW_WIDTH", 320),
    ("MARKDOWN", {"extension_configs": {}}),
    ("CACHE_PATHS", ["a"]),  # only the suffix makes a name a cache folder
    ("NEW_SETTING", None),
])
def test_what_the_site_is_changes_the_digest(name, value):
    assert not is_volatile(name)
    assert settings_digest({**SETTINGS, name: value}) != settings_digest(SETTINGS)


def named(value):
    return value


def test_values_are_written_out_stably():
    assert plain({"b": [1, 2], "a": {3}}) == plain({"a": {3}, "b": (1, 2)})
    assert plain(named) == "test_core_digest.named"
    assert plain(partial(named, 1)) == "partial(test_core_digest.named,[1],{})"
    assert plain(object()) == "<builtins.object>"  # by type, never by address
