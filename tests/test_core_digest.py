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
    ("REDIRECTS_ITEMS_FILE", "/srv/publish/staging/20250101-000000-000000.items.json"),
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


@pytest.mark.parametrize("library", ["markdown", "unidecode"])
def test_another_version_of_a_library_that_shapes_the_output_is_another_code_digest(
        monkeypatch, library):
    """Caches outlive a dependency bump (CI keeps cache/): a page rendered or a file
    checked with another Markdown, nh3 or Babel is not reused, nor a slug worked out by
    another unidecode (the contract's cache keeps each item's)."""
    from importlib import metadata  # noqa: PLC0415

    from plugins.core import digest  # noqa: PLC0415

    installed = metadata.version

    def bumped(name):
        return "99.0" if name == library else installed(name)

    before = digest.code_digest()
    assert f"{library}==" + installed(library) in digest.library_versions()
    digest._plugins_digest.cache_clear()  # noqa: SLF001 - once per process otherwise
    monkeypatch.setattr(digest.metadata, "version", bumped)
    try:
        assert f"{library}==99.0" in digest.library_versions()
        assert digest.code_digest() != before
    finally:
        monkeypatch.undo()
        digest._plugins_digest.cache_clear()  # noqa: SLF001
    assert digest.code_digest() == before


def test_a_readme_edited_leaves_the_code_digest_and_a_module_edited_changes_it(tmp_path):
    """Editing a plugin's README changes no output: the next build stays warm; editing
    its code or its data makes it cold."""
    from plugins.core.digest import files_digest  # noqa: PLC0415

    plugin = tmp_path / "plugins" / "example"
    plugin.mkdir(parents=True)
    (plugin / "__init__.py").write_text("VALUE = 1\n", encoding="utf-8")
    (plugin / "README.md").write_text("# example\n", encoding="utf-8")
    (plugin / "data.json").write_text("{}\n", encoding="utf-8")
    (plugin / "words.md").write_text("parole\n", encoding="utf-8")  # data, not a README
    before = files_digest([tmp_path / "plugins"])
    (plugin / "README.md").write_text("# example\n\nA sentence more.\n", encoding="utf-8")
    assert files_digest([tmp_path / "plugins"]) == before
    (plugin / "words.md").write_text("altre parole\n", encoding="utf-8")
    assert files_digest([tmp_path / "plugins"]) != before
    before = files_digest([tmp_path / "plugins"])
    (plugin / "data.json").write_text('{"a": 1}\n', encoding="utf-8")
    changed = files_digest([tmp_path / "plugins"])
    assert changed != before
    (plugin / "__init__.py").write_text("VALUE = 2\n", encoding="utf-8")
    assert files_digest([tmp_path / "plugins"]) != changed
