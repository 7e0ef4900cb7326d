"""The IMAGES_* settings (listed with their meaning in README.md)."""

import os
import posixpath

from plugins.core import settings as core_settings

PREFIX = "IMAGES_"
DEFAULTS = {
    # WebP variants: those narrower than the original, and its own width if no wider than these
    "IMAGES_WIDTHS": [480, 800, 1200, 1600],
    "IMAGES_QUALITY": 78,  # WebP quality, 1-100
    "IMAGES_OUTPUT": "immagini/_r",  # where the variants are published
    # The width the image takes in the layout (theme/static/css: .prose and .article-cover
    # are at most --measure, 46rem, inside .container's --gutter, 1rem under 36em, else 1.5rem).
    "IMAGES_SIZES": "(max-width: 36em) calc(100vw - 2rem), (max-width: 49rem) calc(100vw - 3rem),"
                    " 46rem",
    # A cover's copy for link previews (og:image): a JPEG at most this wide, this quality
    "IMAGES_SHARE_WIDTH": 1200,
    "IMAGES_SHARE_QUALITY": 82,
    "IMAGES_WORKERS": min(4, os.cpu_count() or 1),  # images encoded at once (threads)
    "IMAGES_CACHE_PATH": None,  # <CACHE_PATH>/images
}


def check(settings):
    problems = []
    widths = settings["IMAGES_WIDTHS"]
    if (not isinstance(widths, (list, tuple)) or not widths
            or not all(core_settings.is_whole(w, 16, 8000) for w in widths)
            or len(set(widths)) != len(widths)):
        problems.append(("IMAGES_WIDTHS", f"must be a list of different widths in pixels"
                                          f" (16-8000), not {widths!r}"))
    problems += core_settings.whole_numbers(
        settings, {"IMAGES_QUALITY": (1, 100), "IMAGES_SHARE_QUALITY": (1, 100)})
    problems += core_settings.whole_numbers(settings, {"IMAGES_SHARE_WIDTH": (200, 8000)},
                                            "pixels")
    output = settings["IMAGES_OUTPUT"]
    if (not isinstance(output, str) or not output.strip("/")
            or posixpath.normpath(output.strip("/")) != output.strip("/")
            or output.strip("/").startswith("..")):
        problems.append(("IMAGES_OUTPUT", f"must be a folder inside the output, not {output!r}"))
    else:
        settings["IMAGES_OUTPUT"] = output.strip("/")
    if not settings["IMAGES_SIZES"].strip():  # text (core.settings.install)
        problems.append(("IMAGES_SIZES", "must be the text of a sizes attribute"))
    problems += core_settings.whole_numbers(settings, {"IMAGES_WORKERS": (1, 64)})
    cache = settings["IMAGES_CACHE_PATH"]
    if cache is not None and not isinstance(cache, str):
        problems.append(("IMAGES_CACHE_PATH", f"must be a folder, not {cache!r}"))
    return problems


def install(settings):
    core_settings.install(settings, PREFIX, DEFAULTS, check)
    if settings["IMAGES_CACHE_PATH"] is None:
        settings["IMAGES_CACHE_PATH"] = os.path.join(settings.get("CACHE_PATH") or "cache",
                                                     "images")
    settings["IMAGES_WIDTHS"] = sorted(settings["IMAGES_WIDTHS"])
    return settings
