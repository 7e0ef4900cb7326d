"""The WRITER_* settings (listed with their meaning in README.md)."""

from plugins.core import settings as core_settings

PREFIX = "WRITER_"
DEFAULTS = {
    # Reuse rendered pages whose inputs did not change (CACHE_PATH/render-*/).
    "WRITER_RENDER_CACHE": True,
    # Compiled templates and their analysis ("": CACHE_PATH/templates/).
    "WRITER_TEMPLATE_CACHE_PATH": "",
}


def check(settings):
    problems = []
    if not isinstance(settings["WRITER_RENDER_CACHE"], bool):
        problems.append(("WRITER_RENDER_CACHE", "must be True or False"))
    if not isinstance(settings["WRITER_TEMPLATE_CACHE_PATH"], str):
        problems.append(("WRITER_TEMPLATE_CACHE_PATH", "must be a folder path"))
    return problems


def install(settings):
    core_settings.install(settings, PREFIX, DEFAULTS, check)
