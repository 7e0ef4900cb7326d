"""Symbolic links under content/ leading out of it or to a folder (:func:`symlink_problems`),
found without following any: the build and ``invoke check`` stop on them before reading
anything, as reading follows them. So do names holding a control character (a line
break, an escape, a C1 control), found in the same walk: every message naming such a
file wrote it raw, to the terminal and to the log (an escape sequence cleared the
screen, a line break made a line of its own, ``content/x.md:1: errore: …`` forged).
Other invisible characters (a zero-width space, a direction mark) are left to the
contract: such a name is published under its slug (tests/test_hostile_input.py)."""

import os
import re

from plugins.core.files import ignored
from plugins.core.problems import Problem

# the control characters: C0, DEL, C1 (\x9b is an escape to some terminals)
UNSAFE_RE = re.compile("[\x00-\x1f\x7f-\x9f]")


def shown(name):
    """``name`` with its control characters written as escapes (``\\n``, ``\\x1b``):
    one line, nothing a terminal acts on."""
    return UNSAFE_RE.sub(lambda found: repr(found.group())[1:-1], name)


def _names(folder, names, root, ignore):
    """The unsafe names among ``names`` of ``folder``: ``(path relative to root, name)``;
    not those of ``ignore`` (``IGNORE_FILES``: no build reads them nor names them, the
    Finder's "Icon\\r" among them)."""
    return [(os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/"), name)
            for name in names if UNSAFE_RE.search(name) and not ignored(name, ignore)]


def _symlinks(root, unsafe=None, ignore=()):
    """``[(link, target, inside root)]``: every symbolic link under ``root``, without
    following any (so the walk itself always ends); ``target`` relative to ``root``
    when inside it, else absolute. ``unsafe``: a list the unsafe names are added to
    (but those matching ``ignore``)."""
    root = os.path.realpath(root)
    found = []
    for folder, folders, files in os.walk(root):
        if unsafe is not None:
            named = _names(folder, [*folders, *files], root, ignore)
            unsafe.extend(named)
            folders[:] = [name for name in folders  # a folder named: not its files
                          if name not in {name for _, name in named}]
        for name in [*folders, *files]:
            path = os.path.join(folder, name)
            if os.path.islink(path):
                target = os.path.realpath(path)
                inside = os.path.commonpath([target, root]) == root
                if inside:
                    target = os.path.relpath(target, root).replace(os.sep, "/")
                found.append((os.path.relpath(path, root).replace(os.sep, "/"), target,
                              inside))
    return sorted(found)


def symlink_problems(root, ignore=()):
    """Symbolic links leading out of ``root``, or to a folder inside it: errors, from one
    walk of ``root``. Checked before anything is read (``content_checks.check_links_first``,
    ``invoke check``): reading follows them. Pelican reads a linked folder twice, and one
    that holds the link without end (two links ``x -> .`` and ``y -> .`` make 2^40
    paths: the build and ``invoke check`` never finished). Then the names holding a
    control character, each shown escaped (:func:`shown`; not the files in a folder so
    named: the folder is named), but for those ``ignore`` matches (``IGNORE_FILES``)."""
    leaving, folders, unsafe = [], [], []
    for link, target, inside in _symlinks(root, unsafe, tuple(ignore)):
        if not inside:
            leaving.append(Problem(
                link, f"collegamento simbolico che porta fuori da content/ ({shown(target)}):"
                      f" copia il file dentro content/ / symbolic link leaving content/"))
        elif os.path.isdir(os.path.join(root, link)):
            folders.append(Problem(
                link, f"collegamento simbolico alla cartella"
                      f" {'content' if target == '.' else shown(target)}/: il sito ne"
                      " leggerebbe i file due volte (o senza fine, se la cartella contiene il"
                      " collegamento); togli il collegamento e tieni i file in una cartella"
                      " sola / symbolic link to a folder"))
    named = [Problem(shown(path), f"il nome contiene un carattere di controllo"
                                  f" ({shown(UNSAFE_RE.search(name).group())}), che non si"
                                  " vede: rinomina il file (o la cartella) togliendolo / a name with"
                                  " a control character: rename it")
             for path, name in sorted(unsafe)]
    # a link so named: its name's error says it
    return [problem for problem in leaving + folders
            if not UNSAFE_RE.search(problem.path)] + named
