"""The ATTACHMENTS_* settings (listed with their meaning in README.md)."""

import logging
import os

from plugins.core import settings as core_settings

PREFIX = "ATTACHMENTS_"
DEFAULTS = {
    "ATTACHMENTS_PATH": "allegati",
    "ATTACHMENTS_URL": "{dirname}/{slug}.{ext}",
    "ATTACHMENTS_SAVE_AS": None,  # the same as ATTACHMENTS_URL
    "ATTACHMENTS_MAX_SIZE_MB": 20,
    "ATTACHMENTS_CACHE_PATH": None,  # <CACHE_PATH>/attachments
    "ATTACHMENTS_PREVIEWS": True,
    "ATTACHMENTS_PREVIEW_WIDTH": 240,
    "ATTACHMENTS_PREVIEW_URL": "{dirname}/{slug}-anteprima.webp",
    # the accessibility statement and its section listing inaccessible contents
    # (plugins/attachments/statement.py): "" checks no PDF's accessibility
    "ATTACHMENTS_STATEMENT": "pages/accessibilita.md",
    "ATTACHMENTS_STATEMENT_SECTION": "Contenuti non accessibili",
}
logger = logging.getLogger(__name__)
URL_FIELDS = ("{dirname}", "{slug}", "{ext}")
PATTERNS = ("ATTACHMENTS_URL", "ATTACHMENTS_SAVE_AS", "ATTACHMENTS_PREVIEW_URL")


def _is_pattern(value):
    """True for text with {slug} and no field but URL_FIELDS (it formats without error)."""
    if not isinstance(value, str) or "{slug}" not in value:
        return False
    try:
        value.format(dirname="d", slug="s", ext="e")
    except (KeyError, IndexError, ValueError, AttributeError):
        return False
    return True


def check(settings):
    """``[(setting name, problem)]`` for the ATTACHMENTS_* settings."""
    problems = []
    limit = settings["ATTACHMENTS_MAX_SIZE_MB"]
    if isinstance(limit, bool) or not isinstance(limit, (int, float)) or limit <= 0:
        problems.append(("ATTACHMENTS_MAX_SIZE_MB",
                         f"must be a positive number, not {limit!r}"))
    problems += core_settings.whole_numbers(settings, {"ATTACHMENTS_PREVIEW_WIDTH": (16, 2000)},
                                            "pixels")
    for name in PATTERNS:
        value = settings[name]
        if value is not None and not _is_pattern(value):
            problems.append((name, f"must be text containing {{slug}}, with no field"
                                   f" but {', '.join(URL_FIELDS)}, not {value!r}"))
    for name in ("ATTACHMENTS_STATEMENT", "ATTACHMENTS_STATEMENT_SECTION"):
        if not isinstance(settings[name], str):
            problems.append((name, f"must be text, not {settings[name]!r}"))
    path = settings["ATTACHMENTS_PATH"]
    if not isinstance(path, str) or not path.strip("/") or ".." in path.split("/"):
        problems.append(("ATTACHMENTS_PATH", f"must be a folder under PATH, not {path!r}"))
    elif path.strip("/") in settings.get("STATIC_PATHS", ()):
        problems.append(("STATIC_PATHS", (
            f"ATTACHMENTS_PATH {path!r} is also in STATIC_PATHS: remove it from STATIC_PATHS"
            " (the plugin copies the files of written items itself, and withholds the rest)"
        )))
    return problems


def install(settings):
    """``initialized``: defaults, checks, then the values derived from others."""
    core_settings.install(settings, PREFIX, DEFAULTS, check)
    settings["ATTACHMENTS_PATH"] = settings["ATTACHMENTS_PATH"].strip("/")
    settings["ATTACHMENTS_SAVE_AS"] = settings["ATTACHMENTS_SAVE_AS"] or settings["ATTACHMENTS_URL"]
    settings["ATTACHMENTS_CACHE_PATH"] = settings["ATTACHMENTS_CACHE_PATH"] or os.path.join(
        settings["CACHE_PATH"], "attachments")
    if settings["ATTACHMENTS_PREVIEWS"]:
        from .previews import available  # noqa: PLC0415 - optional dependency

        if not available():
            logger.warning(
                "ATTACHMENTS_PREVIEWS: pypdfium2 or Pillow is not installed, no previews")
            settings["ATTACHMENTS_PREVIEWS"] = False
    return settings
