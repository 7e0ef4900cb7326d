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
    path = settings["WRITER_TEMPLATE_CACHE_PATH"]
    if not isinstance(path, str):
        return [("WRITER_TEMPLATE_CACHE_PATH", f"must be a folder path, not {path!r}")]
    return []


def install(settings):
    core_settings.install(settings, PREFIX, DEFAULTS, check)
