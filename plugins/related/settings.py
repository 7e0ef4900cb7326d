"""The RELATED_* settings (listed with their meaning in README.md)."""

from plugins.core import settings as core_settings

PREFIX = "RELATED_"
DEFAULTS = {
    "RELATED_CATEGORY_ITEMS": 5,  # "Articoli della stessa categoria" on an article
    "RELATED_TOPIC_ITEMS": 5,  # latest items of a page's `argomento`
}
LIMITS = (0, 50)


def check(settings):
    problems = []
    low, high = LIMITS
    for name in DEFAULTS:
        value = settings[name]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            problems.append((name, f"must be a whole number from {low} to {high}, not {value!r}"))
    return problems


def install(settings):
    return core_settings.install(settings, PREFIX, DEFAULTS, check)
