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



def install(settings):
    # a bool and a text: core.settings.install checks both kinds itself
    return core_settings.install(settings, PREFIX, DEFAULTS)
