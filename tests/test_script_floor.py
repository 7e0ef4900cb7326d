"""The reader scripts within the oldest browsers the site supports (theme/README.md,
"Supported browsers": Safari and iOS 15.1, Chromium 96, Firefox 79, the oldest that run
Pagefind's search).

A script is parsed as those browsers would parse it, by ``tests/axe/script_floor.js``
(acorn from npm, pinned in tests/axe/package.json; ``./run test`` runs ``npm ci`` there):
syntax at ECMAScript 2021, no regular-expression lookbehind (Safari 16.4: on iOS 15 a
pattern with one was a SyntaxError that kept the whole of cerca.js from running, and the
search page showed only its fallback), no built-in newer than the floor called by name
(``.at()``, ``structuredClone``…). Static, so it covers every path of every script,
those no browser test takes too; the browser tests check that the scripts still do what
they did (tests/test_search_browser.py and the others).
"""

import json
import re
import shutil
import subprocess

import pytest

from support import ROOT, article, build_site

CHECKER = ROOT / "tests" / "axe" / "script_floor.js"
ACORN = ROOT / "tests" / "axe" / "node_modules" / "acorn" / "package.json"
SCRIPTS = ROOT / "theme" / "static" / "js"
TEMPLATES = ROOT / "theme" / "templates"
MODULE = r"""<script type="module" src="\{\{ asset_url\(['"]js/([^'"]+)['"]\) \}\}"""


def above_floor(*files):
    """What script_floor.js finds above the floor in ``files`` (a path, or
    ``(path, "module")``): [(file name, line, what)]."""
    if not shutil.which("node"):
        pytest.fail("node is needed: ./run test installs it (tools/node_setup.py)")
    if not ACORN.exists():
        pytest.fail(f"{ACORN.parent} is missing: run `npm ci` in tests/axe (./run test does it)")
    arguments = [f"{file[0]}:module" if isinstance(file, tuple) else str(file) for file in files]
    done = subprocess.run(["node", str(CHECKER), *arguments], capture_output=True, text=True,
                          check=True, cwd=CHECKER.parent)
    return [(problem["file"].rsplit("/", 1)[-1], problem["line"], problem["what"])
            for problem in json.loads(done.stdout)]


def modules():
    """The theme's scripts that a template loads as ES modules (<script type="module">)."""
    found = set()
    for template in TEMPLATES.rglob("*.html"):
        found.update(re.findall(MODULE, template.read_text(encoding="utf-8")))
    return found


def test_the_reader_scripts_are_within_the_oldest_supported_browsers():
    """Every script of theme/static/js: cerca.js (a module), visit-counter.js, share.js and
    print.js (js/site.js)."""
    scripts = sorted(SCRIPTS.glob("*.js"))
    assert {script.name for script in scripts} >= {"cerca.js", "share.js", "visit-counter.js",
                                                   "print.js"}
    assert modules() == {"cerca.js"}
    assert above_floor(*[(script, "module") if script.name in modules() else script
                         for script in scripts]) == []


# Each above the floor, and what the check says of it.
ABOVE = {
    "lookbehind.js": ('const a = /(?<=[\\p{L}])\'/gu;\n', "lookbehind (Safari 16.4)"),
    "negative.js": ('const a = /(?<![\\p{L}_-])[A-Z]/gu;\n', "lookbehind (Safari 16.4)"),
    "built.js": ('const t = ["a"].join("|");\nnew RegExp(`(?<![\\\\p{L}])(?:${t})`, "gu");\n',
                 "lookbehind (Safari 16.4)"),
    "vflag.js": ("const a = /[\\p{L}--[a-z]]/v;\n", "syntax above ES2021"),
    "vflag_built.js": ('RegExp("[a]", "v");\n', "regular expression above ES2021"),
    "static_block.js": ("class A { static { this.x = 1; } }\n", "syntax above ES2021"),
    "private.js": ("class A { #x() { return 1; } }\n", "syntax above ES2021"),
    "at.js": ("const last = [1, 2].at(-1);\n", "Array/String.prototype.at (Safari 15.4"),
    "has_own.js": ("Object.hasOwn({}, 'a');\n", "Object.hasOwn (Safari 15.4"),
    "find_last.js": ("[1].findLast((x) => x);\n", "Array.prototype.findLast (Safari 15.4"),
    "clone.js": ("const b = structuredClone({});\n", "structuredClone (Safari 15.4"),
}
# At the floor: nothing said (named groups, \p{…}, the s flag, ?. and ??, ??=, numeric
# separators, optional catch binding, dynamic import).
AT_FLOOR = """const a = /(?<year>\\d{4})-(?<month>\\d\\d)/u;
const b = /[\\p{L}\\p{N}]+['\\u2019](?=\\p{L})/gsu;
let c = a.exec("2024-01")?.groups?.year ?? "";
c ||= "x";
c ??= 1_000;
try { JSON.parse("{"); } catch { c = 0; }
new RegExp(`(?:${c})(?![\\\\p{L}])`, "gu");
import("./x.js").then(() => [1].flatMap((x) => [x]));
"""


def test_the_floor_check_finds_what_the_oldest_browsers_lack(tmp_path):
    """Each feature above the floor in a script of its own is found; those at the floor
    are not (the check can fail, and says why)."""
    files = []
    for name, (source, _) in ABOVE.items():
        (tmp_path / name).write_text(source, encoding="utf-8")
        files.append(tmp_path / name)
    (tmp_path / "floor.js").write_text(AT_FLOOR, encoding="utf-8")
    found = above_floor(*files, (tmp_path / "floor.js", "module"))
    assert sorted(name for name, *_ in found) == sorted(ABOVE)
    for name, _, what in found:
        assert ABOVE[name][1] in what, (name, what)


def test_pagefinds_scripts_are_within_the_floor(tmp_path):
    """Pagefind's own pagefind.js (a module) and its worker, as a build writes them: the
    floor is Pagefind's (its WebAssembly needs reference types: Safari 15.1, Chromium 96,
    Firefox 79); a Pagefind that needed more would raise it, and this says so."""
    built = build_site(tmp_path, {"notizie/a.md": article("Laboratorio di ceramica")})
    assert built.returncode == 0, built.log
    bundle = built.output / "pagefind"
    assert above_floor((bundle / "pagefind.js", "module"), bundle / "pagefind-worker.js") == []
