"""The ITALIAN_* settings (listed in README.md)."""

from plugins.core import settings as core_settings

PREFIX = "ITALIAN_"
DEFAULTS = {
    # Terms marked lang="en" in article and page bodies, so screen readers say them
    # in English (WCAG 3.1.2).
    "ITALIAN_ENGLISH_TERMS": [],
}


def check(settings):
    terms = settings["ITALIAN_ENGLISH_TERMS"]
    if not core_settings.text_list(terms, str.strip):
        return [("ITALIAN_ENGLISH_TERMS", f"must be a list of words, not {terms!r}")]
    return []


def install(settings):
    core_settings.install(settings, PREFIX, DEFAULTS, check)
