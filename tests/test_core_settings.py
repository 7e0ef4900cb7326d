"""The one settings style (plugins/core/settings.py), on every plugin that has settings."""

import ast
import importlib
import importlib.util
import logging
import re
from pathlib import Path

import pytest

from plugins.core import settings as core_settings
from support import article, build_site, project_settings, write_conf

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


def test_no_plugins_prefix_starts_another_plugins():
    """``install`` warns about every ``PREFIX*`` name not in the plugin's DEFAULTS: a plugin
    ``feeds_extra`` beside ``feeds`` would have each of its settings called an unknown
    ``FEEDS_*`` one (plugins/README.md: name it otherwise)."""
    prefixes = {module: importlib.import_module(f"plugins.{module}.settings").PREFIX
                for module in MODULES}
    assert [(one, other) for one in MODULES for other in MODULES
            if one != other and prefixes[other].startswith(prefixes[one])] == []


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


RESERVED_AS_TEXT = "CONTENT_CHECKS_RESERVED_PATHS = 'archivio'\n"  # a folder, not a list


@pytest.mark.parametrize("first", ["plugins.search", "plugins.admin"])
def test_a_plugins_settings_are_installed_after_those_of_the_plugins_it_requires(
        tmp_path, caplog, first):
    """Search and admin reserve their folders (``reserve``) in content_checks' setting. Put
    before content_checks in PLUGINS, they did so before content_checks' check had seen
    the site's value: a text became the list of its letters, each one reserved, and no
    error said so. content_checks (required by both) installs its settings first."""
    content = tmp_path / "content"
    content.mkdir()
    conf = write_conf(tmp_path, f"PATH = {str(content)!r}\n"
                                f"PLUGINS = ['plugins.core', {first!r}]"
                                f" + [p for p in PLUGINS if p not in ('plugins.core', {first!r})]\n"
                                + RESERVED_AS_TEXT)
    with caplog.at_level(logging.WARNING):
        settings = project_settings(conf)
    assert settings["PLUGINS"][1] == first
    assert [record.getMessage() for record in caplog.records] == [
        "CONTENT_CHECKS_RESERVED_PATHS: must be a list of folder names, not 'archivio';"
        " using []"]
    assert sorted(settings["CONTENT_CHECKS_RESERVED_PATHS"]) == ["admin", "pagefind"]


def test_the_install_order_puts_each_plugin_after_those_it_requires():
    """PLUGINS' order, but a plugin's required plugins (directly or not) before it; one
    that is not loaded is left out, and a cycle is cut where it closes."""
    requires = {"a": ("c",), "c": ("d", "x"), "e": ("f",), "f": ("e",)}
    order = core_settings.install_order(["a", "b", "c", "d", "e", "f"],
                                        lambda name: requires.get(name, ()))
    assert order == ["d", "c", "a", "b", "f", "e"]


def test_the_sites_plugins_start_each_after_those_it_requires():
    plugins = importlib.import_module("pelicanconf").PLUGINS
    order = core_settings.install_order(plugins)
    assert sorted(order) == sorted(plugins)
    late = [(plugin, needed) for plugin in order for needed in core_settings.requirements(plugin)
            if order.index(needed) > order.index(plugin)]
    assert late == []


PLUGIN_FILES = {
    "needs_b/__init__.py": "REQUIRES = ('plain_b',)\n",
    "plain_b/__init__.py": "",
    "no_settings/__init__.py": "",
}
SETTINGS_FILE = """DEFAULTS = {{}}


def install(settings):
    settings["STARTED"] = [*settings.get("STARTED", ()), {name!r}]
    return settings
"""


def test_start_installs_the_required_plugins_settings_first_and_each_once(tmp_path,
                                                                          monkeypatch):
    """Whichever plugin's receiver runs first, the settings go in in one order, each
    plugin's once: a plugin's own ``start`` after a plugin requiring it installed nothing
    again. A plugin not loaded, or with no settings, is passed over."""
    for relative, text in PLUGIN_FILES.items():
        (tmp_path / relative).parent.mkdir()
        (tmp_path / relative).write_text(text, encoding="utf-8")
    for name in ("needs_b", "plain_b"):
        (tmp_path / name / "settings.py").write_text(SETTINGS_FILE.format(name=name),
                                                     encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))

    class Pelican:  # what start reads of Pelican's
        settings = {"PLUGINS": ["no_settings", "needs_b", "plain_b"]}

    pelican = Pelican()
    for plugin in ("needs_b", "no_settings", "plain_b"):
        core_settings.start(pelican, plugin)
    assert pelican.settings["STARTED"] == ["plain_b", "needs_b"]
    with pytest.raises(core_settings.PluginError, match="needs_b needs plain_b"):
        core_settings.start(type("Other", (), {"settings": {"PLUGINS": ["needs_b"]}})(),
                            "needs_b")


@pytest.mark.parametrize("module", MODULES)
def test_a_plugin_installs_its_settings_through_start(module):
    """``core.settings.start`` installs a plugin's settings, after those of the plugins it
    requires, once: a plugin calling its ``settings.install`` itself would have them
    installed twice (each warning twice), or before a required plugin's."""
    text = (ROOT / "plugins" / module / "__init__.py").read_text(encoding="utf-8")
    initialize = re.search(r"^def initialize\(pelican\):\n(    .*\n|\n)*", text, re.M)
    assert initialize and "start(pelican, __name__)" in initialize.group()
    assert ".install(" not in text


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


SETTING_OWNERS = {name: module for module in MODULES
                  for name in importlib.import_module(f"plugins.{module}.settings").DEFAULTS}
# Reads of another plugin's setting with a fallback that stay: a helper plugins call at
# ``initialized``, before or after the owner's ``install``.
OTHERS_FALLBACK_READS = {("core", "listed_fields", "WRITER_LISTED_FIELDS")}


def required(module):
    """The plugins (``attachments``) a plugin requires, directly or through another."""
    found, todo = set(), [f"plugins.{module}"]
    while todo:
        for needed in core_settings.requirements(todo.pop()):
            if needed not in found:
                found.add(needed)
                todo.append(needed)
    return {name.removeprefix("plugins.") for name in found}


class LoadedSettingCalls(ast.NodeVisitor):
    """The settings named by each ``loaded_setting(x, "NAME")`` of a module."""

    def __init__(self):
        self.found = []

    def visit_Call(self, node):  # noqa: N802 - ast's name
        if (getattr(node.func, "id", getattr(node.func, "attr", "")) == "loaded_setting"
                and len(node.args) > 1 and isinstance(node.args[1], ast.Constant)):
            self.found.append((node.args[1].value, node.lineno))
        self.generic_visit(node)


def other_plugins_reads():
    """``(reader, function, setting, file:line, how)`` for every read of another plugin's
    setting in plugins/ and tools/ (reader ``tools``) with a fallback (``get``,
    ``getattr``) or through ``loaded_setting``."""
    found = []
    for path in sorted([*ROOT.glob("plugins/*/*.py"), *ROOT.glob("tools/*.py")]):
        reader = path.parent.name if path.parent.parent.name == "plugins" else "tools"
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(ROOT)
        fallbacks = FallbackReads("", where)
        fallbacks.visit(tree)
        found += [(reader, function, name, at, "fallback") for function, name, at
                  in fallbacks.found if SETTING_OWNERS.get(name, reader) != reader]
        loaded = LoadedSettingCalls()
        loaded.visit(tree)
        found += [(reader, "", name, f"{where}:{line}", "loaded_setting")
                  for name, line in loaded.found]
    return found


def test_a_plugin_reads_other_plugins_settings_plainly_or_when_loaded():
    """Another plugin's setting is read plainly where that plugin is required (its settings
    are in first: ``start``), and through ``loaded_setting`` where it is only worked with
    when loaded: never ``settings.get("OTHER_NAME", fallback)``, a second copy of its
    default, read even when the plugin that checks it is not loaded. A tool reads the
    settings a build has (every plugin's in) plainly."""
    reads = other_plugins_reads()
    assert [read for read in reads if read[4] == "fallback"
            and read[:3] not in OTHERS_FALLBACK_READS] == []
    calls = [(reader, name, at) for reader, _, name, at, how in reads if how == "loaded_setting"]
    assert len(calls) >= 9  # content_checks' ATTACHMENTS_PATH, csp's VISIT_COUNTER_URL…
    assert [(reader, name, at) for reader, name, at in calls
            if name not in SETTING_OWNERS  # a typo: None for ever
            or reader == "tools" or SETTING_OWNERS[name] == reader
            or SETTING_OWNERS[name] in required(reader)] == []


def test_a_loaded_plugins_setting_is_read_and_an_absent_ones_is_none():
    settings = {"PLUGINS": ["plugins.core", "plugins.attachments"], "ATTACHMENTS_PATH": "doc",
                "SEO_LOGO": "logo.png"}
    assert core_settings.loaded_setting(settings, "ATTACHMENTS_PATH") == "doc"
    assert core_settings.loaded_setting(settings, "SEO_LOGO") is None  # seo is not loaded
    assert core_settings.loaded_setting({"ATTACHMENTS_PATH": "doc"}, "ATTACHMENTS_PATH") is None


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


PLUGIN_MODULE = '''from pelican import signals

from plugins.core.settings import add_filters, start

REQUIRES = {requires}


def di(value):
    return "shadowed"


def initialize(pelican):
    start(pelican, __name__)
    add_filters(pelican.settings, {{{filters}}})


def register():
    signals.initialized.connect(initialize)
'''


def build_with_plugin(tmp_path, requires="()", filters="", first=False, without=""):
    """A one-article site built with ``extra_plugin`` (written in ``tmp_path``, as a
    newcomer's plugin: its ``REQUIRES`` and the filters it adds), after PLUGINS' or, with
    ``first``, right after core; ``without``: a plugin left out of PLUGINS."""
    plugin = tmp_path / "plugin_src" / "extra_plugin"
    plugin.mkdir(parents=True)
    (plugin / "__init__.py").write_text(
        PLUGIN_MODULE.format(requires=requires, filters=filters), encoding="utf-8")
    plugins = ('["plugins.core", "extra_plugin"] + PLUGINS[1:]' if first
               else 'PLUGINS + ["extra_plugin"]')
    plugins = f"[p for p in {plugins} if p != {without!r}]"
    return build_site(tmp_path, {"notizie/a.md": article(title="Una notizia")},
                      f"PLUGIN_PATHS = PLUGIN_PATHS + [{str(plugin.parent)!r}]\n"
                      f"PLUGINS = {plugins}\n")


def stopped_by(built):
    """The one CRITICAL message that stopped the build (no traceback shown)."""
    assert built.returncode == 1
    assert "Traceback" not in built.log, built.log
    found = re.findall(r"CRITICAL (.*?)(?= Done:|$)", built.messages())
    assert len(found) == 1, built.log
    return found[0]


@pytest.mark.parametrize(("requires", "without", "message"), [
    # as the docs name plugins in prose: PLUGINS has it, as plugins.content_checks
    ('("content_checks",)', "",
     "extra_plugin: 'content_checks' in its REQUIRES is no plugin:"
     " write 'plugins.content_checks'"),
    # not in PLUGINS either: the plugin of that name
    ('("related",)', "plugins.related",
     "extra_plugin: 'related' in its REQUIRES is no plugin: write 'plugins.related'"),
    ('("plugins.content_check",)', "",
     "extra_plugin: 'plugins.content_check' in its REQUIRES is no plugin:"
     " no plugin has that name"),
    # a string, not a tuple: read as its letters ("needs p, l, u, g, …")
    ('"plugins.content_checks"', "",
     'extra_plugin: REQUIRES must be a tuple of plugin names such as'
     ' ("plugins.content_checks",), not \'plugins.content_checks\''),
], ids=["bare-name-loaded", "bare-name", "typo", "string"])
def test_a_requires_that_names_no_plugin_stops_the_build_saying_so(tmp_path, requires,
                                                                  without, message):
    """A name in REQUIRES that is no plugin was said to be missing from PLUGINS ("needs
    content_checks: add it to PLUGINS"), which already had it: the newcomer went in
    circles. It is named as no plugin, with the spelling PLUGINS uses."""
    built = build_with_plugin(tmp_path, requires, without=without)
    assert stopped_by(built) == f"PluginError: {message}"


def test_a_required_plugin_missing_from_plugins_is_named():
    class Pelican:
        settings = {"PLUGINS": ["plugins.core"]}

    with pytest.raises(core_settings.PluginError) as raised:
        core_settings.require(Pelican(), "extra_plugin", ("plugins.content_checks",))
    assert str(raised.value) == ("extra_plugin needs plugins.content_checks: add it to PLUGINS"
                                 " in pelicanconf.py")


@pytest.mark.parametrize("name", ["di", "mese"])
@pytest.mark.parametrize("first", [False, True], ids=["after-italian", "before-italian"])
def test_a_filter_two_plugins_give_stops_the_build_naming_both(tmp_path, first, name):
    """The first plugin's filter won, silently: a plugin's ``di`` listed after italian was
    never used, and listed before it replaced italian's ``di`` on every page. ``mese`` is
    italian's as a ``functools.partial`` (whose ``__module__`` is functools'): it was
    taken for the site's own, and the other plugin's replaced it without a word."""
    built = build_with_plugin(tmp_path, filters=f'"{name}": di', first=first)
    owners = ("extra_plugin", "plugins.italian") if first else ("plugins.italian", "extra_plugin")
    assert stopped_by(built) == (
        f"PluginError: the Jinja filter '{name}' is both {owners[0]}'s and {owners[1]}'s:"
        " rename one (templates would get the one PLUGINS lists first)")


def test_the_sites_own_filter_still_wins_over_a_plugins():
    """A filter of the settings (pelicanconf.py) is no plugin's: it wins, as documented."""
    settings = {"PLUGINS": ["plugins.core", "plugins.italian"], "JINJA_FILTERS": {"di": str}}
    core_settings.add_filters(settings, {"di": core_settings.is_whole, "nuovo": len})
    assert settings["JINJA_FILTERS"] == {"di": str, "nuovo": len}


def documented_plugin():
    """``{file name: code}`` of the whole plugin plugins/README.md shows (``pace``), each
    block as written there (its first line, ``# pace/settings.py``, names the file)."""
    text = (ROOT / "plugins" / "README.md").read_text(encoding="utf-8")
    return dict(re.findall(r"^```python\n# pace/(\w+\.py)\n(.*?)^```", text, re.M | re.S))


def test_the_plugin_plugins_readme_shows_builds_as_written(build, tmp_path):
    """A newcomer copies the docs' example: its code, as written in plugins/README.md,
    is a plugin that builds (its setting filled in and checked, its filter and attribute
    in a template), so the example cannot drift from what ``start``, ``install``,
    ``items`` and ``add_filters`` are."""
    files = documented_plugin()
    assert sorted(files) == ["__init__.py", "settings.py"]
    folder = tmp_path / "plugin_src" / "pace"
    folder.mkdir(parents=True)
    for name, code in files.items():
        (folder / name).write_text(code, encoding="utf-8")
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "prova.html").write_text(
        "{% for a in articles %}<p>{{ a.slug }}: {{ a.minutes|minuti }}</p>{% endfor %}",
        encoding="utf-8")
    site = build({"notizie/lungo.md": article(title="Lungo", body="parola " * 450),
                  "notizie/breve.md": article(title="Breve", date="2024-05-06 10:00")},
                 settings=f"""
        PLUGIN_PATHS = PLUGIN_PATHS + [{str(folder.parent)!r}]
        PLUGINS = PLUGINS + ["pace"]
        PACE_WORDS_PER_MINUTE = 150
        THEME_TEMPLATES_OVERRIDES = [{str(overrides)!r}]
        DIRECT_TEMPLATES = DIRECT_TEMPLATES + ["prova"]
        PROVA_SAVE_AS = "prova/index.html"
    """)
    assert site.ok, site.log
    assert site.errors() == []
    assert re.findall(r"<p>(.*?)</p>", site.text("/prova/")) == ["breve: 1 minuto",
                                                                  "lungo: 3 minuti"]


def test_the_documented_plugins_bad_setting_is_logged_and_its_default_used(tmp_path, caplog):
    path = tmp_path / "pace_settings.py"
    path.write_text(documented_plugin()["settings.py"], encoding="utf-8")
    spec = importlib.util.spec_from_file_location("pace_settings", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    settings = {"PACE_WORDS_PER_MINUTE": 10, "PACE_WORDS": 3}
    with caplog.at_level(logging.WARNING):
        module.install(settings)
    assert settings["PACE_WORDS_PER_MINUTE"] == 200
    assert [record.getMessage() for record in caplog.records] == [
        "PACE_WORDS: unknown setting (known: PACE_WORDS_PER_MINUTE)",
        "PACE_WORDS_PER_MINUTE: must be a whole number of words from 50 to 1000, not 10;"
        " using 200"]
