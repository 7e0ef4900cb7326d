"""The addresses the site writes itself, whatever the content: the folders and files an
item may not be written at (:func:`reserved_paths`; :func:`site_path_clashes`, the items
written there), and every first folder of the site's own (:func:`site_folders`)."""

import posixpath

from plugins.core.problems import Problem
from plugins.core.settings import loaded_setting
from plugins.core.urls import without_index


SITE_FILES = ("sitemap.xml", "robots.txt", "404.html", "index.html")


def _first_segment(pattern):
    pattern = str(pattern or "").strip("/")
    first = pattern.split("/")[0]
    return "" if not first or "{" in first else first


def reserved_paths(settings):
    """``{first path segment or file: what the site writes there}``, from the settings."""
    reserved = {name: "the site" for name in SITE_FILES}  # named in English halves
    for name, value in settings.items():
        if not isinstance(value, str) or name.startswith(("ARTICLE_", "PAGE_", "DRAFT_")):
            continue
        if name.endswith("_SAVE_AS") or "FEED_" in name:
            first = _first_segment(value)
            if first:
                reserved.setdefault(first, name)
    folders = [settings.get("THEME_STATIC_DIR"), loaded_setting(settings, "ATTACHMENTS_PATH"),
               *(settings.get("STATIC_PATHS") or ()),
               *settings["CONTENT_CHECKS_RESERVED_PATHS"]]
    for folder in folders:
        first = _first_segment(folder)
        if first:
            reserved.setdefault(first, "the site")
    return reserved


def site_folders(settings):
    """``{first path segment or file: owner}`` of every address the site writes itself,
    whatever the content: :func:`reserved_paths`, the home page's numbered pages
    (``pagina/2/``, from ``PAGINATION_PATTERNS``), the direct templates without a
    ``*_SAVE_AS`` (Pelican writes ``NAME.html``) and the files placed by
    ``EXTRA_PATH_METADATA``."""
    folders = dict(reserved_paths(settings))
    for pattern in settings.get("PAGINATION_PATTERNS") or ():
        first = _first_segment(str(pattern[1]).replace("{base_name}", ""))
        if first:
            folders.setdefault(first, "PAGINATION_PATTERNS")
    for name in settings.get("DIRECT_TEMPLATES") or ():
        if f"{str(name).upper()}_SAVE_AS" not in settings:
            folders.setdefault(f"{name}.html", "DIRECT_TEMPLATES")
    for values in (settings.get("EXTRA_PATH_METADATA") or {}).values():
        first = _first_segment((values or {}).get("save_as") if isinstance(values, dict) else "")
        if first:
            folders.setdefault(first, "EXTRA_PATH_METADATA")
    return folders


def site_path_clashes(entries, settings):
    """Items written where the site writes its own files."""
    reserved = reserved_paths(settings)
    problems = []
    for entry in entries:
        if not entry.save_as:
            continue
        first = posixpath.normpath(entry.save_as).split("/")[0]
        if first in reserved:
            problems.append(Problem(entry.source, (
                f"l'indirizzo /{without_index(entry.save_as)} è riservato al sito ({first}):"
                f" scegli un altro `slug` / the URL is the site's own ({reserved[first]})"),
                entry.line))
    return problems
