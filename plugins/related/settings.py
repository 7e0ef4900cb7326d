"""The RELATED_* settings (listed with their meaning in README.md)."""

from plugins.core import settings as core_settings

PREFIX = "RELATED_"
DEFAULTS = {
    "RELATED_CATEGORY_ITEMS": 5,  # "Articoli della stessa categoria" on an article
    "RELATED_TOPIC_ITEMS": 5,  # latest items of a page's `argomento`
}
LIMITS = (0, 50)


def check(settings):
    return core_settings.whole_numbers(settings, dict.fromkeys(DEFAULTS, LIMITS))


def install(settings):
    return core_settings.install(settings, PREFIX, DEFAULTS, check)
