"""Symbolic links under content/ leading out of it or to a folder (:func:`symlink_problems`),
found without following any: the build and ``invoke check`` stop on them before reading
anything, as reading follows them."""

import os

from plugins.core.problems import Problem


def _symlinks(root):
    """``[(link, target, inside root)]``: every symbolic link under ``root``, without
    following any (so the walk itself always ends); ``target`` relative to ``root``
    when inside it, else absolute."""
    root = os.path.realpath(root)
    found = []
    for folder, folders, files in os.walk(root):
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


def symlink_problems(root):
    """Symbolic links leading out of ``root``, or to a folder inside it: errors, from one
    walk of ``root``. Checked before anything is read (``content_checks.check_links_first``,
    ``invoke check``): reading follows them. Pelican reads a linked folder twice, and one
    that holds the link without end (two links ``x -> .`` and ``y -> .`` make 2^40
    paths: the build and ``invoke check`` never finished)."""
    leaving, folders = [], []
    for link, target, inside in _symlinks(root):
        if not inside:
            leaving.append(Problem(
                link, f"collegamento simbolico che porta fuori da content/ ({target}):"
                      f" copia il file dentro content/ / symbolic link leaving content/"))
        elif os.path.isdir(os.path.join(root, link)):
            folders.append(Problem(
                link, f"collegamento simbolico alla cartella"
                      f" {'content' if target == '.' else target}/: il sito ne leggerebbe i"
                      " file due volte (o senza fine, se la cartella contiene il"
                      " collegamento); togli il collegamento e tieni i file in una cartella"
                      " sola / symbolic link to a folder"))
    return leaving + folders
