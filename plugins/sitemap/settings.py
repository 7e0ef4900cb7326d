"""The SITEMAP_* settings (listed in README.md)."""

import re

from plugins.core import settings as core_settings

PREFIX = "SITEMAP_"
DEFAULTS = {
    # URL paths (from the site root) left out with everything below them.
    "SITEMAP_EXCLUDE_PREFIXES": ["/admin/", "/cerca/"],
    # Regular expressions searched in each URL path; a match leaves the page out.
    "SITEMAP_EXCLUDE_PATTERNS": [r"^/404\.html$", r"/pagina/\d+/$"],
    # Listings whose items are not their articles: URL path -> template variable
    # holding what the page lists (items, or objects with an ``item``).
    "SITEMAP_LISTING_ITEMS": {"/documenti/": "documents"},
}


def check(settings):
    problems = []
    prefixes = settings["SITEMAP_EXCLUDE_PREFIXES"]
    if not core_settings.text_list(prefixes, lambda p: p.startswith("/")):
        problems.append(("SITEMAP_EXCLUDE_PREFIXES",
                         f"must be a list of URL paths starting with '/', not {prefixes!r}"))
    patterns = settings["SITEMAP_EXCLUDE_PATTERNS"]
    if not core_settings.text_list(patterns, bool):
        problems.append(("SITEMAP_EXCLUDE_PATTERNS",
                         f"must be a list of regular expressions, not {patterns!r}"))
    else:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as error:
                problems.append(("SITEMAP_EXCLUDE_PATTERNS", f"{pattern!r}: {error}"))
                break
    listings = settings["SITEMAP_LISTING_ITEMS"]
    if not core_settings.text_map(listings, lambda path: path.startswith("/"), bool):
        problems.append(("SITEMAP_LISTING_ITEMS", "must map URL paths starting with '/' to"
                                                  f" template variable names, not {listings!r}"))
    return problems


def install(settings):
    return core_settings.install(settings, PREFIX, DEFAULTS, check)
