"""The CONTENT_CHECKS_* settings (listed with their meaning in README.md)."""

from plugins.core import settings as core_settings

PREFIX = "CONTENT_CHECKS_"
DEFAULTS = {
    # output folders the plugins write themselves (plugins.core.settings.reserve: search's
    # pagefind, admin's admin), and any the site adds: no item may be written there
    core_settings.RESERVED: [],
}


def _folder(text):
    return bool(text.strip("/")) and "{" not in text


def check(settings):
    value = settings[core_settings.RESERVED]
    if not core_settings.text_list(value, _folder):
        return [(core_settings.RESERVED, f"must be a list of folder names, not {value!r}")]
    return []


def install(settings):
    return core_settings.install(settings, PREFIX, DEFAULTS, check)
