"""The REDIRECTS_* settings (listed with their meaning in README.md)."""

from plugins.core import settings as core_settings

PREFIX = "REDIRECTS_"
DEFAULTS = {
    # write a page at each old address of an item (`indirizzi_precedenti`) leading to it
    "REDIRECTS_ENABLED": True,
}


def check(settings):
    """Problems with the REDIRECTS_* settings."""
    problems = []
    if not isinstance(settings["REDIRECTS_ENABLED"], bool):
        problems.append(("REDIRECTS_ENABLED",
                         f"must be True or False, not {settings['REDIRECTS_ENABLED']!r}"))
    return problems


def install(settings):
    return core_settings.install(settings, PREFIX, DEFAULTS, check)
