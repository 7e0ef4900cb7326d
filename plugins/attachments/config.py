"""The plugin's settings: defaults in one place, checked at start-up.

A bad value is logged (``ATTACHMENTS settings: …``) and its default used instead.

Every setting is listed with its meaning in docs/attachments.md.
"""

import logging
import os

logger = logging.getLogger(__name__)

DEFAULTS = {
    # Folder under PATH (content/) that holds the attachments.
    "ATTACHMENTS_PATH": "allegati",
    # Output location of a file; fields: {dirname} (slugified folders, e.g.
    # "allegati/2024"), {slug} (slugified file name), {ext} (lower-case extension).
    "ATTACHMENTS_URL": "{dirname}/{slug}.{ext}",
    "ATTACHMENTS_SAVE_AS": None,  # None: the same as ATTACHMENTS_URL
    # A larger file is a warning (the build goes on).
    "ATTACHMENTS_MAX_SIZE_MB": 20,
    # Metadata (pages) and previews, keyed by the sha256 of the file's content.
    "ATTACHMENTS_CACHE_PATH": None,  # None: <CACHE_PATH>/attachments
    # First-page preview images of PDFs (needs pypdfium2 and Pillow).
    "ATTACHMENTS_PREVIEWS": True,
    "ATTACHMENTS_PREVIEW_WIDTH": 240,  # pixels (shown at half that size: sharp on 2x screens)
    "ATTACHMENTS_PREVIEW_URL": "{dirname}/{slug}-anteprima.webp",
}
URL_FIELDS = ("{dirname}", "{slug}", "{ext}")


def setting(settings, name):
    """The value of ``name``, or its default."""
    value = settings.get(name)
    return DEFAULTS[name] if value is None else value


def save_as(settings):
    return setting(settings, "ATTACHMENTS_SAVE_AS") or setting(settings, "ATTACHMENTS_URL")


def cache_path(settings):
    return setting(settings, "ATTACHMENTS_CACHE_PATH") or os.path.join(
        settings.get("CACHE_PATH") or "cache", "attachments"
    )


def _is_pattern(value):
    """True for text with {slug} and no field but URL_FIELDS (it formats without error)."""
    if not isinstance(value, str) or "{slug}" not in value:
        return False
    try:
        value.format(dirname="d", slug="s", ext="e")
    except (KeyError, IndexError, ValueError, AttributeError):
        return False
    return True


def problems_by_setting(settings):
    """``[(setting name, problem)]`` with the ATTACHMENTS_* settings."""
    problems = []
    limit = setting(settings, "ATTACHMENTS_MAX_SIZE_MB")
    if isinstance(limit, bool) or not isinstance(limit, (int, float)) or limit <= 0:
        problems.append(("ATTACHMENTS_MAX_SIZE_MB",
                         f"ATTACHMENTS_MAX_SIZE_MB must be a positive number, not {limit!r}"))
    width = setting(settings, "ATTACHMENTS_PREVIEW_WIDTH")
    if isinstance(width, bool) or not isinstance(width, int) or not 16 <= width <= 2000:
        problems.append(("ATTACHMENTS_PREVIEW_WIDTH",
                         f"ATTACHMENTS_PREVIEW_WIDTH must be pixels (16-2000), not {width!r}"))
    for name in ("ATTACHMENTS_URL", "ATTACHMENTS_SAVE_AS", "ATTACHMENTS_PREVIEW_URL"):
        value = setting(settings, name)
        if value is not None and not _is_pattern(value):
            problems.append((name, f"{name} must be text containing {{slug}}, with no field"
                                   f" but {', '.join(URL_FIELDS)}, not {value!r}"))
    path = setting(settings, "ATTACHMENTS_PATH")
    if not isinstance(path, str) or not path.strip("/") or ".." in path.split("/"):
        problems.append(("ATTACHMENTS_PATH",
                         f"ATTACHMENTS_PATH must be a folder under PATH, not {path!r}"))
    elif path.strip("/") in settings.get("STATIC_PATHS", ()):
        problems.append(("STATIC_PATHS", (
            f"ATTACHMENTS_PATH {path!r} is also in STATIC_PATHS: remove it from STATIC_PATHS"
            " (the plugin copies the files of written items itself, and withholds the rest)"
        )))
    return problems


def check(settings):
    """Problems with the ATTACHMENTS_* settings, in words for the site's maintainer."""
    return [problem for _, problem in problems_by_setting(settings)]


def apply_defaults(pelican):
    """``initialized``: fill in the defaults and log what is wrong with the settings."""
    settings = pelican.settings
    for name, value in DEFAULTS.items():
        if settings.get(name) is None:
            settings[name] = value
    # A bad value is logged and replaced by its default: the build never fails later
    # with a traceback (a text size limit, an unknown {field} in a URL pattern).
    for name, problem in problems_by_setting(settings):
        if name in DEFAULTS:
            settings[name] = DEFAULTS[name]
            problem += f"; using {DEFAULTS[name]!r}"
        logger.error("ATTACHMENTS settings: %s", problem)
    if settings["ATTACHMENTS_PREVIEWS"]:
        from .previews import available  # noqa: PLC0415 - optional dependency

        if not available():
            logger.warning("ATTACHMENTS_PREVIEWS: pypdfium2 or Pillow is not installed,"
                           " no previews")
            settings["ATTACHMENTS_PREVIEWS"] = False
