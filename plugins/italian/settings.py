"""The ITALIAN_* settings (listed in README.md)."""

from plugins.core import settings as core_settings

PREFIX = "ITALIAN_"
DEFAULTS = {
    # Terms marked lang="en" in article and page bodies, so screen readers say them
    # in English (WCAG 3.1.2).
    "ITALIAN_ENGLISH_TERMS": [],
    # Proper names a browser's page translation must leave as they are ("Crema", not
    # "Cream"): in <span translate="no"> where readers see them, capitalised as written
    # and as whole words.
    "ITALIAN_PROPER_NAMES": [],
}


def check(settings):
    problems = []
    for key in ("ITALIAN_ENGLISH_TERMS", "ITALIAN_PROPER_NAMES"):
        terms = settings[key]
        if not core_settings.text_list(terms, str.strip):
            problems.append((key, f"must be a list of words, not {terms!r}"))
    return problems


def install(settings):
    core_settings.install(settings, PREFIX, DEFAULTS, check)
