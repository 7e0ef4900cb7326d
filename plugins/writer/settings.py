"""The WRITER_* settings (listed with their meaning in README.md)."""

from plugins.core import settings as core_settings

PREFIX = "WRITER_"
DEFAULTS = {
    # Reuse rendered pages whose inputs did not change (CACHE_PATH/render-*/).
    "WRITER_RENDER_CACHE": True,
    # Compiled templates and their analysis ("": CACHE_PATH/templates/).
    "WRITER_TEMPLATE_CACHE_PATH": "",
    # Direct templates paginated by a list of their context other than the articles,
    # {template: variable}, e.g. {"documenti": "documents"}: each is added to
    # PAGINATED_TEMPLATES (DEFAULT_PAGINATION a page, unless that setting names another).
    "WRITER_PAGINATED_BY": {},
    # Attributes of an item that a page listing it shows besides render_cache.REF_FIELDS
    # (a card, a related article): a plugin adds its own with
    # plugins.core.settings.listed_fields().
    "WRITER_LISTED_FIELDS": [],
}


def check(settings):
    problems = []
    listed = settings["WRITER_LISTED_FIELDS"]
    if not core_settings.text_list(listed, str.isidentifier):
        problems.append(("WRITER_LISTED_FIELDS", f"must list attribute names, not {listed!r}"))
    paginated_by = settings["WRITER_PAGINATED_BY"]
    if not core_settings.text_map(paginated_by, value_test=bool):
        problems.append(("WRITER_PAGINATED_BY", "must map template names to context"
                                                f" variables, not {paginated_by!r}"))
    return problems


def install(settings):
    core_settings.install(settings, PREFIX, DEFAULTS, check)
    paginated = dict(settings.get("PAGINATED_TEMPLATES") or {})
    for template in settings["WRITER_PAGINATED_BY"]:
        paginated.setdefault(template, None)  # None: DEFAULT_PAGINATION a page
    settings["PAGINATED_TEMPLATES"] = paginated
