"""The project's documentation against the code, as a newcomer follows it: README.md,
plugins/*/README.md, theme/README.md and docs/guida-redazione.md. Links and anchors
resolve, files named exist, every plugin's settings are listed with their defaults, the
Architecture names every plugin, filter and tool. No site is built: each check reads the
Markdown and the code (the guide's quoted messages: test_guide_messages.py)."""

import ast
import gzip
import importlib
import json
import re
import urllib.parse

import jinja2
import pytest
from jinja2 import nodes
from support import ROOT, admin_scripts_text, project_settings, run_tool


def project_docs():
    """Every Markdown file of the project but the site's content (whose links are
    Pelican's ``{filename}`` ones, checked by the build) and the installed packages'."""
    return sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md"),
                   *(ROOT / "plugins").rglob("*.md"), *(ROOT / "theme").rglob("*.md")])


DOCS = project_docs()
PLUGINS = sorted(path.parent.name for path in (ROOT / "plugins").glob("*/__init__.py"))
# core's settings.py is the settings style of the others, with no settings of its own
WITH_SETTINGS = [name for name in PLUGINS if name != "core"
                 and (ROOT / "plugins" / name / "settings.py").exists()]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def prose(text):
    """``text`` without its fenced code blocks and inline code (their brackets and paths
    are examples, not links)."""
    text = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)
    # a code span ends at the next run of as many backticks, within its paragraph
    return "\n\n".join(re.sub(r"(`+)(?!`).*?(?<!`)\1(?!`)", "", block, flags=re.S)
                       for block in re.split(r"\n\s*\n", text))


def slug(heading):
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens."""
    heading = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading).strip().lower()
    return re.sub(r"[^\w\- ]", "", heading).replace(" ", "-")


def anchors(path):
    seen, found = {}, set()
    text = re.sub(r"^```.*?^```", "", path.read_text(encoding="utf-8"), flags=re.S | re.M)
    for heading in re.findall(r"^#{1,6} (.+?)\s*#*$", text, re.M):
        name = slug(heading)
        found.add(f"{name}-{seen[name]}" if name in seen else name)
        seen[name] = seen.get(name, 0) + 1
    return found


def section(text, heading):
    """The body of the ``## heading`` section (up to the next ``##``)."""
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    assert match, f"no section ## {heading}"
    return match.group(1)


def test_the_checks_find_the_docs():
    names = {path.relative_to(ROOT).as_posix() for path in DOCS}
    assert {"README.md", "docs/guida-redazione.md", "theme/README.md", "plugins/README.md",
            "plugins/search/README.md"} <= names
    assert slug("Publishing a release: `./run publish`") == "publishing-a-release-run-publish"
    assert slug("Com'è fatto un articolo") == "comè-fatto-un-articolo"
    assert "settings" in anchors(ROOT / "plugins" / "search" / "README.md")


@pytest.mark.parametrize("doc", DOCS, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_relative_links_and_their_anchors_resolve(doc):
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)\)", prose(doc.read_text(encoding="utf-8"))):
        if re.match(r"[a-z]+:", target):  # https:, mailto:
            continue
        path, _, fragment = target.partition("#")
        linked = (doc.parent / urllib.parse.unquote(path)).resolve() if path else doc
        if not linked.exists():
            broken.append(f"{target}: no such file")
        elif fragment and linked.suffix == ".md" and fragment not in anchors(linked):
            broken.append(f"{target}: no heading #{fragment}")
    assert not broken, f"{doc.relative_to(ROOT)}: {broken}"


@pytest.mark.parametrize("doc", DOCS, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_every_table_row_has_its_header_s_cells(doc):
    """GitHub splits a table's row at every ``|`` not escaped, inside code too, and drops
    the cells past the header's: core's README wrote ``reserve`` after its row's last
    ``|`` (shown nowhere), the guide's "front matter YAML non valido" row had two ``|`` in
    code (``summary: |``), its advice cut off. A ``|`` in a cell is written ``\\|``."""
    text = re.sub(r"^```.*?^```", lambda block: "\n" * block.group(0).count("\n"),
                  doc.read_text(encoding="utf-8"), flags=re.S | re.M)
    broken, header = [], None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.startswith("|"):
            header = None
            continue
        cells = len(re.findall(r"(?<!\\)\|", line))
        if header is None:
            header = cells
        elif cells != header or not line.rstrip().endswith("|"):
            broken.append(f"{number}: {line[:70]}")
    assert not broken, f"{doc.relative_to(ROOT)}: {broken}"


# a project file as the docs name it: a folder of the project, then a name with an extension
# (not a file of another commit, `git show REV:tools/x.py`)
PROJECT_FILE = re.compile(r"(?<![\w/.{:-])((?:tools|plugins|tests|deploy|docs|theme/static|"
                          r"theme/templates|\.github|\.ci)/[\w./-]*\.[a-z]+)\b")


@pytest.mark.parametrize("doc", DOCS, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_the_project_files_the_docs_name_exist(doc):
    missing = []
    for number, line in enumerate(doc.read_text(encoding="utf-8").splitlines(), 1):
        for name in PROJECT_FILE.findall(line):
            if "NAME" in name or (ROOT / name).exists() or (doc.parent / name).exists():
                continue
            module = re.sub(r"\.[A-Za-z_]+$", ".py", name)  # plugins/core/urls.freeze
            if not (ROOT / module).exists():
                missing.append(f"{number}: {name}")
        missing += [f"{number}: {name}" for name in re.findall(r"\btest_\w+\.py\b", line)
                    if "NAME" not in name and not (ROOT / "tests" / name).exists()]
    assert not missing, f"{doc.relative_to(ROOT)}: {missing}"


def listed_settings(plugin):
    """``{NAME: default as written}`` of the plugin README's Settings table."""
    text = (ROOT / "plugins" / plugin / "README.md").read_text(encoding="utf-8")
    return dict(re.findall(r"^\| `([A-Z_]+) = (.+?)` \|", section(text, "Settings"), re.M))


COMPUTED = {"IMAGES_WORKERS": "min(4, CPUs)"}  # the README gives the rule, not this machine's


@pytest.mark.parametrize("plugin", WITH_SETTINGS)
def test_each_plugin_readme_lists_exactly_its_settings_with_their_defaults(plugin):
    defaults = importlib.import_module(f"plugins.{plugin}.settings").DEFAULTS
    listed = listed_settings(plugin)
    assert sorted(listed) == sorted(defaults)
    for name, written in listed.items():
        if name in COMPUTED:
            assert written == COMPUTED[name]
        else:
            assert ast.literal_eval(written) == defaults[name], name


def test_every_setting_named_with_a_plugins_prefix_is_one_of_its_settings():
    """A name with a plugin's prefix (its name in capitals: ``CONTENT_CHECKS_``) that the
    docs or the settings files write is in that plugin's DEFAULTS: filled in, checked,
    listed in its README's table (``CONTENT_CHECKS_RESERVED_PATHS`` was described in
    prose by a plugin with no settings.py, so unchecked: text was read letter by letter).
    A module's constant written qualified (``schema.CONTRACT_KEYS``) is no setting."""
    prefixes = {f"{plugin.upper()}_": plugin for plugin in PLUGINS}
    known = {plugin: set(importlib.import_module(f"plugins.{plugin}.settings").DEFAULTS)
             for plugin in WITH_SETTINGS}
    name_re = re.compile(r"(?<![.\w])(?:%s)[A-Z0-9_]*[A-Z0-9]\b" % "|".join(
        sorted(prefixes, key=len, reverse=True)))
    files = [*DOCS, *(ROOT / name for name in ("pelicanconf.py", "publishconf.py",
                                               "previewconf.py"))]
    unknown = set()
    for path in files:
        for name in name_re.findall(path.read_text(encoding="utf-8")):
            owner = prefixes[max((p for p in prefixes if name.startswith(p)), key=len)]
            if name not in known.get(owner, ()):
                unknown.add((path.relative_to(ROOT).as_posix(), name))
    assert sorted(unknown) == []


FILES_SECTION = re.compile(r"^## (?:Files|Files and tests|Modules)\n(.*?)(?=^## |\Z)", re.M | re.S)
PLUGINS_WITH_MODULES = sorted(
    plugin for plugin in PLUGINS
    if {path.name for path in (ROOT / "plugins" / plugin).glob("*.py")} - {"__init__.py", "settings.py"})


@pytest.mark.parametrize("plugin", PLUGINS_WITH_MODULES)
def test_a_plugin_readme_names_each_of_its_modules(plugin):
    """A newcomer reads in the plugin's README what each of its modules is for, written
    ``name.py`` or ``plugins/NAME/name.py``: in its Files (or Modules) section when it has
    one (content_checks' table left out ``menu_titles.py``, one of its rules), else
    anywhere (italian's named none of ``dates.py``, ``numbers.py``, attachments' not
    ``model.py``, its pure functions, nor ``pdfinfo.py``); ``settings.py`` is every
    plugin's one shape (plugins/README.md)."""
    folder = ROOT / "plugins" / plugin
    text = (folder / "README.md").read_text(encoding="utf-8")
    section = FILES_SECTION.search(text)
    text = section.group(1) if section else text
    modules = sorted(path.name for path in folder.glob("*.py")
                     if path.name not in ("__init__.py", "settings.py"))
    missing = [name for name in modules if not re.search(rf"[`/]{re.escape(name)}`", text)]
    assert not missing, missing


# a module, or a name in one, as the docs write it: plugins.core.settings.start,
# tools.check.load_settings (not Pelican's own pelican.plugins.signals)
DOTTED = re.compile(r"(?<![\w./])((?:plugins|tools)(?:\.\w+)+)")
FROM_IMPORT = re.compile(r"\bfrom ((?:plugins|tools)(?:\.\w+)+) import (\w+)")


def resolves(dotted):
    """Whether ``dotted`` names a module of the project, or a name defined in one."""
    parts = dotted.split(".")
    for end in range(len(parts), 1, -1):
        try:
            found = importlib.import_module(".".join(parts[:end]))
        except ImportError:
            continue
        for name in parts[end:]:
            if not hasattr(found, name):
                return False
            found = getattr(found, name)
        return True
    return False


def test_the_resolver_finds_modules_and_names():
    assert resolves("plugins.core.settings.start") and resolves("tools.check")
    assert not resolves("plugins.core.settings.begin")
    assert not resolves("plugins.core.setting") and not resolves("tools.checks.load")
    assert DOTTED.findall("`pelican.plugins.signals`, plugins.core.items.") == [
        "plugins.core.items"]


@pytest.mark.parametrize("doc", DOCS, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_the_modules_and_names_the_docs_write_dotted_exist(doc):
    """``plugins.core.settings.loaded_setting``, ``from plugins.italian import numero``:
    each module the docs name that way, and the name they take from it, is the code's
    (a function renamed, a module moved, left the docs pointing at nothing: only paths
    written with slashes were checked)."""
    missing = []
    for number, line in enumerate(doc.read_text(encoding="utf-8").splitlines(), 1):
        names = [name for name in DOTTED.findall(line) if "NAME" not in name]
        names += [f"{module}.{name}" for module, name in FROM_IMPORT.findall(line)]
        missing += [f"{number}: {name}" for name in names if not resolves(name)]
    assert not missing, f"{doc.relative_to(ROOT)}: {missing}"


@pytest.mark.parametrize("doc", DOCS, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_the_modules_the_docs_name_bare_exist(doc):
    """A module named without its folder (`` `rules.py` ``, `` `schema.py` ``, which a
    plugin's README writes for its own or a neighbour's) is a file of the doc's folder,
    of a plugin, of tools/ or of tests/: one renamed is caught where the path written in
    full is (test_the_project_files_the_docs_name_exist)."""
    places = [doc.parent, ROOT, ROOT / "tools", ROOT / "tests",
              *(path.parent for path in (ROOT / "plugins").glob("*/__init__.py"))]
    missing = [f"{number}: {name}"
               for number, line in enumerate(doc.read_text(encoding="utf-8").splitlines(), 1)
               for name in re.findall(r"`(\w+\.py)`", line)
               if not any((place / name).is_file() for place in places)]
    assert not missing, f"{doc.relative_to(ROOT)}: {missing}"


def taken_from_core():
    """``{(module, name): [files]}``: what the other plugins, the tools and tasks.py take
    from plugins/core's modules, imported by name (``from plugins.core.text import
    TAG_RE``) or read from a module imported (``from plugins.core import items``, then
    ``items.key_line``)."""
    modules = {path.stem for path in (ROOT / "plugins" / "core").glob("*.py")}
    taken = {}
    sources = [*(ROOT / "plugins").glob("*/*.py"), *(ROOT / "tools").glob("*.py"),
               ROOT / "tasks.py"]
    for path in sources:
        if path.parent.name == "core":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        aliases = {}  # a name in this file -> the core module it is
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "plugins.core":
                aliases.update({alias.asname or alias.name: alias.name
                                for alias in node.names if alias.name in modules})
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                    "plugins.core."):
                for alias in node.names:
                    taken.setdefault((node.module.split(".")[2], alias.name), set()).add(path)
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                    and node.value.id in aliases:
                taken.setdefault((aliases[node.value.id], node.attr), set()).add(path)
    return taken


def test_core_s_readme_names_everything_the_other_plugins_take_from_core():
    """plugins/core is where a newcomer looks for a helper before writing one
    (plugins/README.md), and its README is the index: every name the other plugins and
    the tools take from core is in it, in code (``TAG_RE``, ``key_line``, ``blank``,
    ``http_address`` were used by three plugins or more and named nowhere in it: a plugin
    written from the docs wrote its own pattern of a tag)."""
    taken = taken_from_core()
    assert ("text", "TAG_RE") in taken and ("items", "items") in taken
    assert ("settings", "start") in taken  # plugins.core.settings.start(...), an alias
    text = (ROOT / "plugins" / "core" / "README.md").read_text(encoding="utf-8")
    spans = " ".join(re.findall(r"`([^`]+)`", text))
    missing = sorted(f"{module}.{name}" for module, name in taken
                     if not re.search(rf"(?<!\w){re.escape(name)}\b", spans))
    assert not missing, missing


def test_the_visit_counter_readme_gives_the_script_s_size():
    """"Size: 9.3 kB as written, 3.6 kB gzipped": the script as it is (it said 9024
    bytes after a change that made it 9328). Python's zlib at level 9, within 0.1 kB of
    GNU gzip's bytes and of the rounding."""
    text = (ROOT / "plugins" / "visit_counter" / "README.md").read_text(encoding="utf-8")
    found = re.search(r"Size: ([\d.]+) kB as written, ([\d.]+) kB gzipped", text)
    assert found, "plugins/visit_counter/README.md gives no 'Size: … kB as written'"
    script = (ROOT / "theme" / "static" / "js" / "visit-counter.js").read_bytes()
    written, gzipped = len(script) / 1000, len(gzip.compress(script, 9, mtime=0)) / 1000
    assert abs(float(found.group(1)) - written) <= 0.1, written
    assert abs(float(found.group(2)) - gzipped) <= 0.1, gzipped


def test_the_plugins_without_settings_have_no_settings_table():
    for plugin in set(PLUGINS) - set(WITH_SETTINGS):
        text = (ROOT / "plugins" / plugin / "README.md").read_text(encoding="utf-8")
        assert "## Settings" not in text, plugin


def test_every_plugin_has_a_readme_and_a_row_in_the_plugins_table():
    table = dict(re.findall(r"^\| \[(\w+)\]\(\1/README\.md\) \| .+? \| (.+?) \|$",
                            (ROOT / "plugins" / "README.md").read_text(encoding="utf-8"), re.M))
    assert sorted(table) == PLUGINS
    for plugin in PLUGINS:
        assert (ROOT / "plugins" / plugin / "README.md").exists()
        prefix = (importlib.import_module(f"plugins.{plugin}.settings").PREFIX
                  if plugin in WITH_SETTINGS else None)
        assert table[plugin] == (f"`{prefix}*`" if prefix else "–"), plugin


def test_the_plugins_table_names_each_plugins_jinja_globals(settings):
    """A plugin's row in plugins/README.md names the Jinja globals it gives the templates
    (csp's row named ``content_security_policy`` alone when it gave ``referrer_policy``
    too)."""
    concerns = dict(re.findall(r"^\| \[(\w+)\]\(\1/README\.md\) \| (.+?) \|",
                               (ROOT / "plugins" / "README.md").read_text(encoding="utf-8"),
                               re.M))
    owners = {name: function.__module__.split(".")[1]
              for name, function in settings["JINJA_GLOBALS"].items()
              if function.__module__.startswith("plugins.")}
    assert "referrer_policy" in owners
    missing = [(plugin, name) for name, plugin in owners.items()
               if not re.search(rf"`{name}(\(\))?`", concerns[plugin])]
    assert not missing, missing


def test_the_readme_layout_names_every_npm_package_of_the_tests():
    """README's Layout says what tests/axe/ holds: each of its package.json's packages
    (acorn, added for the scripts' floor, was not named)."""
    layout = section(README, "Layout")
    found = re.search(r"^  axe/ .*?(?=^\S|^  \S)", layout, re.M | re.S)
    assert found, "README's Layout has no line for tests/axe/"
    packages = json.loads((ROOT / "tests" / "axe" / "package.json").read_text(encoding="utf-8"))
    names = [*packages.get("dependencies", {}), *packages.get("devDependencies", {})]
    assert "acorn" in names
    missing = [name for name in names if not re.search(rf"\b{re.escape(name)}\b", found.group())]
    assert not missing, missing


PLUGINS_REQUIRING = sorted(plugin for plugin in PLUGINS
                           if getattr(importlib.import_module(f"plugins.{plugin}"), "REQUIRES", ()))


@pytest.mark.parametrize("plugin", PLUGINS_REQUIRING)
def test_a_plugin_readme_says_which_plugins_it_requires(plugin):
    """Each plugin of a plugin's ``REQUIRES`` is named near a "requires" (or
    ``REQUIRES``) in its README: without it the build stops at start-up (admin's said
    nothing of contract and attachments)."""
    text = (ROOT / "plugins" / plugin / "README.md").read_text(encoding="utf-8")
    near = " ".join(text[max(0, found.start() - 150):found.end() + 150]
                    for found in re.finditer(r"requir", text, re.I))
    needed = importlib.import_module(f"plugins.{plugin}").REQUIRES
    missing = [name for name in needed
               if not re.search(rf"\b{name.removeprefix('plugins.')}\b", near)]
    assert not missing, missing


def test_the_readme_configuration_links_every_plugins_settings():
    linked = re.findall(r"\[(\w+)\]\(plugins/\1/README\.md#settings\) \(`([A-Z_]+)\*`\)",
                        section(README, "Configuration"))
    assert sorted(linked) == sorted(
        (plugin, importlib.import_module(f"plugins.{plugin}.settings").PREFIX)
        for plugin in WITH_SETTINGS)


def test_the_architecture_names_every_plugin():
    architecture = section(README, "Architecture")
    assert [plugin for plugin in PLUGINS if not re.search(rf"\b{plugin}\b", architecture)] == []


def test_the_architecture_lists_every_tool_with_its_file():
    rows = re.findall(r"^\| `tools/([\w.]+)` \| .+ \|$", section(README, "Architecture"), re.M)
    tools = sorted(path.name for path in (ROOT / "tools").iterdir()
                   if path.suffix in (".py", ".js") and path.name != "__init__.py")
    assert sorted(rows) == tools


def test_the_values_the_plugin_readmes_say_pelicanconf_sets_are_its_own():
    """A settings row's "`pelicanconf.py` sets `VALUE`" is the project's value (the
    assets README gave a bundle of five stylesheets, the project's has six and a script)."""
    import pelicanconf  # noqa: PLC0415 - plain settings, no Pelican

    quoted = []
    for plugin in WITH_SETTINGS:
        text = section((ROOT / "plugins" / plugin / "README.md").read_text(encoding="utf-8"),
                       "Settings")
        for name, value in re.findall(r"^\| `([A-Z_]+) = .+?` \| .*?`pelicanconf\.py` sets "
                                      r"`([^`]+)`", text, re.M):
            setting = getattr(pelicanconf, name)
            try:
                said = ast.literal_eval(value)
            except (ValueError, SyntaxError):  # an address written bare, or a dict's keys
                said = value
                if not isinstance(setting, str) and value in setting:
                    setting = value
            quoted.append((name, said, setting))
    assert len(quoted) >= 3
    assert [(name, said) for name, said, value in quoted if said != value] == []


@pytest.fixture(scope="module")
def settings():
    return project_settings(ROOT / "pelicanconf.py")


def test_the_architecture_names_every_filter_test_and_global_of_the_plugins(settings):
    architecture = section(README, "Architecture")
    names = [*settings["JINJA_FILTERS"], *settings["JINJA_TESTS"], *settings["JINJA_GLOBALS"]]
    missing = [name for name in names if not re.search(rf"\b{name}\b", architecture)]
    assert not missing, missing


def used_in_templates(kind):
    """The names of the ``kind`` nodes (``nodes.Filter``, ``nodes.Test``) the theme's
    templates use, Jinja's own left out."""
    environment = jinja2.Environment(extensions=["jinja2.ext.do"])
    builtin = {nodes.Filter: environment.filters, nodes.Test: environment.tests}[kind]
    used = set()
    for template in (ROOT / "theme" / "templates").rglob("*.html"):
        tree = environment.parse(template.read_text(encoding="utf-8"))
        used |= {node.name for node in tree.find_all(kind) if node.name not in builtin}
    return used


def globals_used_in_templates(settings):
    """The plugins' Jinja globals (``JINJA_GLOBALS``) the theme's templates name."""
    environment = jinja2.Environment(extensions=["jinja2.ext.do"])
    used = set()
    for template in (ROOT / "theme" / "templates").rglob("*.html"):
        tree = environment.parse(template.read_text(encoding="utf-8"))
        used |= {node.name for node in tree.find_all(nodes.Name)
                 if node.name in settings["JINJA_GLOBALS"]}
    return used


def test_the_theme_readme_names_every_filter_test_and_global_the_templates_use(settings):
    """In its paragraph "Filters used: …", the one list of what the templates take from
    the plugins (a global named elsewhere in the README only, ``referrer_policy`` in
    Templates, was missing from it)."""
    text = (ROOT / "theme" / "README.md").read_text(encoding="utf-8")
    found = re.search(r"^Filters used: .*?(?=\n\n)", text, re.M | re.S)
    assert found, "theme/README.md has no paragraph starting 'Filters used: '"
    used = used_in_templates(nodes.Filter) | used_in_templates(nodes.Test)
    assert used <= {*settings["JINJA_FILTERS"], *settings["JINJA_TESTS"]}
    used |= globals_used_in_templates(settings)
    assert "referrer_policy" in used
    missing = sorted(name for name in used if f"`{name}`" not in found.group())
    assert not missing, missing


COMMAND_LINE_TOOLS = sorted(path.stem for path in (ROOT / "tools").glob("*.py")
                            if 'if __name__ == "__main__":' in path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("tool", COMMAND_LINE_TOOLS)
def test_every_tool_with_a_command_line_explains_it_with_help(tmp_path, tool):
    """As the Architecture's table says: ``--help`` prints the usage and does nothing
    (node_setup.py took it for the folder to run npm ci in, release_check.py for the
    release to check)."""
    status, out, err = run_tool(tmp_path, tool, "--help")
    assert (status, err) == (0, "") and out.startswith(f"usage: {tool}.py"), out + err
    assert list(tmp_path.iterdir()) == []


def receivers(plugin):
    """The signals the plugin's receivers are connected to (Pelican's, and
    pelican-granular-signals' ``compress`` and ``deploy``)."""
    source = "".join(path.read_text(encoding="utf-8")
                     for path in (ROOT / "plugins" / plugin).glob("*.py"))
    return {*re.findall(r"signals\.(\w+)\.connect\(", source),
            *re.findall(r'blinker\.signal\("(\w+)"\)\.connect\(', source)}


def connected_signals(plugin):
    """:func:`receivers`, ``initialized`` aside: every plugin's settings are installed
    there (plugins/README.md)."""
    return sorted(receivers(plugin) - {"initialized"})


def architecture_signals():
    """``{signal: the Architecture diagram's lines under it}``."""
    diagram = re.search(r"^```\n(content/.*?)^```", section(README, "Architecture"),
                        re.S | re.M).group(1)
    blocks, current = {}, None
    for line in diagram.splitlines():
        start = re.match(r"\s*│ {2}(?:\w+: |… then )?\"?(\w+)\"?(?: ─| {2,}\w)", line)
        if start:
            current = start.group(1)
        elif not line.startswith("  │"):  # a generator's or the writers' line
            current = None
        if current:
            blocks[current] = blocks.get(current, "") + line + "\n"
    return blocks


@pytest.mark.parametrize("plugin", PLUGINS)
def test_the_plugin_readme_and_the_architecture_name_every_signal_the_plugin_uses(plugin):
    signals = connected_signals(plugin)
    text = (ROOT / "plugins" / plugin / "README.md").read_text(encoding="utf-8")
    assert [signal for signal in signals if f"`{signal}`" not in text] == []
    blocks = architecture_signals()
    assert {"get_generators", "all_generators_finalized", "finalized", "deploy"} <= set(blocks)
    assert [signal for signal in signals
            if not re.search(rf"\b{plugin}\b", blocks.get(signal, ""))] == []


# the diagram's column of plugins: a name (or names joined by ", ") from the 31st to the
# 36th character, after a space or the signal's line, before two spaces, ":" or the end
RECEIVER_COLUMN = re.compile(r"(?<=[ ─])((?:\w+, )*\w+)(?=:|  |$)")
# what the diagram shows as a signal but is a generator's step (images: generate_context)
GENERATOR_STEPS = {"generate_context"}


def architecture_receivers():
    """``[(signal, plugin)]``: each name of the diagram's plugin column, under its signal."""
    pairs = []
    for signal, text in architecture_signals().items():
        for line in text.splitlines():
            found = RECEIVER_COLUMN.search(line, 30)
            if found and found.start() <= 35:
                pairs += [(signal, name) for name in found.group(1).split(", ")]
    return pairs


def test_every_plugin_the_architecture_shows_at_a_signal_is_connected_to_it():
    """The other way round from the test above: a plugin the diagram lists under a signal
    has a receiver there (a receiver removed, or moved to another signal, left the
    diagram telling a newcomer where to look for what is no longer there)."""
    pairs = architecture_receivers()
    assert ("initialized", "core") in pairs and ("finalized", "search") in pairs
    assert ("page_generator_finalized", "attachments") in pairs  # "article_meta, attachments:"
    assert len(pairs) > 40
    wrong = [(signal, plugin) for signal, plugin in pairs
             if plugin not in PLUGINS
             or signal not in GENERATOR_STEPS and signal not in receivers(plugin)
             # a generator's step: the plugin adds that generator
             or signal in GENERATOR_STEPS and "get_generators" not in receivers(plugin)]
    assert not wrong, wrong


def test_the_readme_url_scheme_has_every_address_the_settings_give():
    """README's "URL scheme (never changes once published)" has every ``*_URL`` of
    pelicanconf.py (Documenti's was missing)."""
    import pelicanconf  # noqa: PLC0415 - plain settings, no Pelican

    table = re.search(r"^### URL scheme.*?\n(.*?)(?=^### )", README, re.S | re.M).group(1)
    addresses = {name: "/" + value.replace("{date:%Y}", "{year}").replace("{date:%m}", "{month}")
                 for name, value in vars(pelicanconf).items()
                 if name.endswith("_URL") and "LANG" not in name and "DRAFT" not in name
                 and isinstance(value, str) and value and "://" not in value}
    assert len(addresses) >= 10
    assert [name for name, address in addresses.items() if f"`{address}`" not in table] == []


# ./run TASK or invoke TASK, then its options (--name, --name value, --name "two words")
TASK_COMMAND = re.compile(r"(?:\./run|(?<![\w/])invoke) ([a-z][\w-]*)((?: +(?:--?[\w-]+"
                          r"(?:[ =](?:\"[^\"]*\"|'[^']*'|[^\s`|)\-][^\s`|)]*))?))*)")


def test_every_task_and_option_the_docs_show_exists():
    import inspect  # noqa: PLC0415

    import tasks  # noqa: PLC0415 - the project's invoke tasks
    from invoke import Task  # noqa: PLC0415

    known = {name: task for name, task in vars(tasks).items() if isinstance(task, Task)}
    unknown = []
    for doc in DOCS:
        for match in TASK_COMMAND.finditer(doc.read_text(encoding="utf-8")):
            name, options = match.groups()
            if name == "tasks":  # "invoke tasks" of the Layout: tasks.py itself
                continue
            if name not in known:
                unknown.append(f"{doc.relative_to(ROOT)}: {match.group(0)}")
                continue
            parameters = inspect.signature(known[name].body).parameters
            unknown += [f"{doc.relative_to(ROOT)}: {match.group(0)}"
                        for option in re.findall(r"--([\w-]+)", options)
                        if option.replace("-", "_") not in parameters]
    assert not unknown, unknown


# --- The web editor's names in the guide ----------------------------------------------

GUIDE_TEXT = (ROOT / "docs" / "guida-redazione.md").read_text(encoding="utf-8")
DECAP = ROOT / "node_modules" / "decap-cms" / "dist" / "decap-cms.js"
# The guide's bold, italic and «quoted» words of «Scrivere dal browser» that are not the
# editor's own: keys, the headings button's "H" icon, the examples' titles, the site's
# pages, Word's style and a video site's button
NOT_THE_EDITORS = {"Invio", "Maiusc+Invio", "Maiusc+Tab", "H", "Chiusura estiva", "Chiusura estiva 2025",
                   "Riunione mensile", "Riunione mensile – 12 giugno 2025", "Titolo 1",
                   "Incorpora", "ore 00:00", "sabato 15 marzo 2025",
                   # titles a page may not have (the site's own addresses), and one it may
                   "Documenti", "Archivio", "Cerca", "Argomenti", "Segui",
                   "Documenti del progetto"}
# Names the web editor's scripts build of pieces, as the real editor shows them
# (tests/test_admin_browser.py asserts each)
BUILT = {"Sposta la voce…": "Sposta la voce 1 di 2",
         "di Anna Rossi e Marco Bianchi": "di Anna Rossi e Marco Bianchi",  # the byline
         "Anteprima: 3 avvisi": "Anteprima: 3 avvisi"}  # the preview's warnings, counted


def js_object(code, start):
    """The JavaScript object literal that begins at ``code[start]`` (``{``), its strings
    and comments skipped (a locale's ``%{count}`` holds braces, a comment's "Decap's" a
    quote)."""
    depth, index, quote = 0, start, None
    while True:
        char = code[index]
        if quote:
            if char == "\\":
                index += 1
            elif char == quote:
                quote = None
        elif code.startswith("//", index):
            index = code.index("\n", index)
        elif code.startswith("/*", index):
            index = code.index("*/", index) + 1
        elif char in "\"'`":
            quote = char
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return code[start:index + 1]
        index += 1


def js_value(literal):
    """A JavaScript object literal (strings, concatenations, comments) as Python's, read
    by Node."""
    import json  # noqa: PLC0415
    import shutil  # noqa: PLC0415
    import subprocess  # noqa: PLC0415

    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed (./run test installs it)")
    read = subprocess.run([node, "-e", "let s='';process.stdin.on('data',d=>s+=d)"
                           ".on('end',()=>process.stdout.write(JSON.stringify("
                           "(0,eval)('('+s+')'))))"],
                          input=literal, capture_output=True, text=True, check=True)
    return json.loads(read.stdout)


def leaves(tree):
    if isinstance(tree, dict):
        return [leaf for value in tree.values() for leaf in leaves(value)]
    if isinstance(tree, list):
        return [leaf for value in tree for leaf in leaves(value)]
    return [tree] if isinstance(tree, str) else []


def merged(target, source):
    """phrases.js's ``merge``: ``source``'s phrases over ``target``'s."""
    for key, value in source.items():
        if isinstance(value, dict):
            target[key] = merged(dict(target.get(key) or {}), value)
        else:
            target[key] = value
    return target


def plain(text):
    return " ".join(text.replace("\u2019", "'").split())


def web_editor_names():
    """``(phrases, messages)``: what the web editor shows, whole phrases (Decap's Italian
    as phrases.js completes it, the labels of the configuration plugins/admin writes, and
    the buttons Decap makes of them: "＋ Notizia", "Aggiungi allegato") and the texts of
    the editor's scripts (their messages, which the guide quotes in part)."""
    from plugins.admin.config import config  # noqa: PLC0415

    if not DECAP.is_file():
        pytest.skip("Decap CMS is not installed (./run test runs npm ci)")
    bundle = DECAP.read_text(encoding="utf-8")
    decap = js_value(js_object(bundle, bundle.index('{auth:{login:"Accedi"')))
    script = admin_scripts_text()  # the web editor's scripts
    ours = js_value(js_object(script, script.index("{", script.index("var PHRASES = {"))))
    phrases = leaves(merged(decap, ours["it"]))  # the table of the page's language

    def labels(node, collection=False):
        if isinstance(node, list):
            for item in node:
                yield from labels(item, collection)
        elif isinstance(node, dict):
            for key in ("label", "label_singular", "default"):
                if isinstance(node.get(key), str):
                    yield node[key]
            if isinstance(node.get("default"), list):  # a list's names («Redazione»)
                yield from (item for item in node["default"] if isinstance(item, str))
            if collection and node.get("label_singular"):
                yield "＋ " + node["label_singular"]  # collectionTop.newButton
            if node.get("widget") == "list":
                yield "Aggiungi " + (node.get("label_singular") or node["label"])
            for key, value in node.items():
                yield from labels(value, key == "collections")

    phrases += labels(config(project_settings(ROOT / "pelicanconf.py")))
    phrases += re.findall(r'\blabel: "([^"]+)"', script)  # the text's image component's
    script = re.sub(r"(?m)^\s*(?://|/?\*).*$", "", script)  # its comments' lines
    script = re.sub(r'"\s*\+\s*"', "", script)  # one string of its pieces
    # its messages: a word alone ("Upload") is one it looks for, not one it shows
    messages = [plain(text) for text in re.findall(r'"((?:[^"\\]|\\.)*)"', script)
                if " " in text.strip()]
    # and the build's advice for a file it refuses, which the page gives file-types.js to show
    from plugins.admin.output import file_types  # noqa: PLC0415

    kinds = file_types(project_settings(ROOT / "pelicanconf.py"))
    messages += [plain(text) for types in (kinds["attachments"], kinds["image"],
                                           *kinds["folders"].values())
                 for text in types.get("advice", {}).values()]
    # and the build's long-title warning, which the page gives string-widget.js to show
    # under «Titolo» as a sentence (data-long-title)
    from plugins.contract.schema import LONG_TITLE_MESSAGE  # noqa: PLC0415

    italian = LONG_TITLE_MESSAGE.split(" / ")[0]
    messages.append(plain(italian[0].upper() + italian[1:]))
    return [plain(phrase) for phrase in phrases
            if re.search(r"\w", re.sub(r"%\{\w+\}", "", phrase))], messages


def shown_as(name, phrase):
    """Whether ``phrase`` (``%{…}`` any words) shows ``name``: all of it, or its start up
    to the end of a word (the guide's «Bozza» of «Bozza (non pubblicata)», its «Sposta
    la voce…» of «Sposta la voce 1 di 2 …»)."""
    pattern = "".join(".+?" if part.startswith("%{") else re.escape(part)
                      for part in re.split(r"(%\{\w+\})", phrase))
    name = name.removesuffix("…").rstrip()
    if re.fullmatch(pattern, name):
        return True
    return phrase.startswith(name) and (len(phrase) == len(name)
                                        or not phrase[len(name)].isalnum())


def test_every_name_the_guides_web_editor_chapter_gives_is_the_editors():
    """«Scrivere dal browser» names buttons, fields, menus and notices in bold, italics or
    «…»: each is one the editor shows, Decap's own Italian (as phrases.js completes it:
    Decap's «Upload» is «Carica dal computer», its «Pubblicato» after a save «Salvato»), a
    label of the configuration plugins/admin writes (the fields, the collections, their
    «＋ Notizia» and «Aggiungi allegato»), or a text of the editor's scripts. A label renamed in the
    code, or a button Decap names otherwise, fails here, until the guide says it."""
    guide = GUIDE_TEXT.split("\n## Scrivere dal browser (editor web)\n", 1)[1]
    chapter = guide.split("\n### Per chi gestisce il sito", 1)[0]
    chapter = prose(re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", chapter))  # pictures: their alt
    names = set()
    for bold, italic, quoted in re.findall(
            r"\*\*(.+?)\*\*|(?<![*\w])\*([^*\s][^*]*?)\*(?![*\w])|«([^»]+)»", chapter, re.S):
        name = plain(bold or italic or quoted)
        # in bold or italics a step's title ("Pubblicare.") or a word stressed
        # ("copiare") is no name
        if quoted or (name[0].isupper() or name[0] == "＋") and name[-1] not in ".:":
            names.add(name)
    names -= NOT_THE_EDITORS
    assert len(names) > 40, sorted(names)
    phrases, messages = web_editor_names()
    browser = (ROOT / "tests" / "test_admin_browser.py").read_text(encoding="utf-8")
    messages += [shown for shown in BUILT.values() if f'"{shown}' in browser]
    unknown = sorted(name for name in names
                     if not any(shown_as(name, phrase) for phrase in phrases)
                     and not any(name.removesuffix("…").rstrip() in text
                                 for text in messages))
    assert not unknown, ("docs/guida-redazione.md, «Scrivere dal browser», names what the"
                         f" web editor does not show: {unknown}")



# Decap 3.16's Italian slips, each shown to editors until phrases.js words it anew
DECAP_SLIPS = ("Insersci", "segnalo su", "creane nuovo", "Alterna anteprima",
               "effettuato il logout", "servizio di backend", "In attesa del backend")


def test_the_web_editors_italian_has_no_english_gerunds_nor_wrong_accents():
    """What the web editor shows is Italian as an editor reads it: a status is a noun
    («Caricamento della configurazione…»), not an English gerund word for word (Decap's
    "Caricando la configurazione...", "Scrivendo nella raccolta Notizie"); Italian's only
    acute accent is on an e («perché»: Decap's "piú" is «più»); and Decap's Italian
    slips (DECAP_SLIPS: "per favore segnalo su GitHub", "Pubblica e creane nuovo") are
    replaced. Decap's table as phrases.js completes it: a phrase of Decap's fixed there
    and lost again (a key renamed by a new Decap) fails here."""
    phrases, messages = web_editor_names()
    gerund = re.compile(r"\W*(?!Quando\b|Comando\b)[A-Z]\w+(?:ando|endo)\b")
    wrong = sorted({text for text in phrases + messages
                    if gerund.match(text) or re.search(r"[áíóú]", text)
                    or any(slip in text for slip in DECAP_SLIPS)})
    assert not wrong, wrong


def test_the_guide_says_which_folder_each_file_window_of_the_web_editor_shows():
    """The configuration plugins/admin writes gives the cover's and the attachments' file
    windows the item's year's folder (``{{fields.date | date('YYYY')}}``) and the text's
    images (the "+" menu's image, site-images.js: no folder of its own) the media library's,
    without a year. The guide's «Da sapere» said that every file window showed the year's
    files only: an editor looking for last year's picture in the text's window found it
    there, and one looking for this year's cover there did not."""
    from plugins.admin.config import config  # noqa: PLC0415

    found = config(project_settings(ROOT / "pelicanconf.py"))
    [news] = [item for item in found["collections"] if item["name"] == "notizie"]
    fields = {field["name"]: field for field in news["fields"]}
    year = "{{fields.date | date('YYYY')}}"
    assert fields["image"]["media_folder"].endswith(year)
    assert fields["attachments"]["fields"][0]["media_folder"].endswith(year)
    assert "media_folder" not in news and found["media_folder"] == "content/immagini"
    script = admin_scripts_text()  # the web editor's scripts
    component = script[script.index("CMS.registerEditorComponent({"):]
    component = component[:component.index("});")]
    assert "media_folder" not in component  # the text's image: the library's folder
    guide = " ".join(GUIDE_TEXT.split())
    [bullet] = [item for item in guide.split(" - ") if item.startswith("Nella finestra dei")]
    for said in ("della copertina e degli allegati si vedono solo quelli dell'anno",
                 "Nella finestra delle immagini del testo", "della cartella `immagini/`"):
        assert said in bullet, (said, bullet)


# What the guide wrote where its own words, and the site's, say otherwise: the readers'
# "tu" in the examples of a link's words (the site says "Se hai una domanda…", "Trovi…",
# not "Scriveteci"), the "home page" the rest of the guide names, an article or a page
# "spostata" (a participle agrees with the nearer of two nouns joined by "o"), a step of
# the web editor's titled with a full stop as the others without a note in brackets.
GUIDE_SLIPS = ("Scriveteci", "Chiamateci", "pagina iniziale",
               "L'articolo o la pagina si è spostato", "**Pubblicare:**")


def test_the_guide_keeps_its_own_and_the_sites_words():
    assert [slip for slip in GUIDE_SLIPS if slip in GUIDE_TEXT] == []
    assert len(re.findall(r"home\s+page", GUIDE_TEXT)) > 5
