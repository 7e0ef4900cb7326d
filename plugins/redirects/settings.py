"""The REDIRECTS_* settings (listed with their meaning in README.md)."""

from plugins.core import settings as core_settings

PREFIX = "REDIRECTS_"
DEFAULTS = {
    # write a page at each old address of an item (`indirizzi_precedenti`) leading to it
    "REDIRECTS_ENABLED": True,
    # a JSON file (outside the output) to write {address: source file} of the items the
    # build writes, for invoke publish (tools/vanished.py); "": none
    "REDIRECTS_ITEMS_FILE": "",
}


def check(settings):
    """Problems with the REDIRECTS_* settings."""
    if not isinstance(settings["REDIRECTS_ITEMS_FILE"], str):
        return [("REDIRECTS_ITEMS_FILE",
                 f"must be a file path or \"\", not {settings['REDIRECTS_ITEMS_FILE']!r}")]
    return []


def install(settings):
    return core_settings.install(settings, PREFIX, DEFAULTS, check)
