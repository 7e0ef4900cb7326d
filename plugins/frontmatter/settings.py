"""The FRONTMATTER_* settings (listed in README.md)."""

from plugins.core import settings as core_settings

PREFIX = "FRONTMATTER_"
DEFAULTS = {
    # Folder name -> display name of its category; other folders: "my-folder" -> "My folder".
    "FRONTMATTER_CATEGORY_NAMES": {},
    # Keys accepted besides the contract's own (schema.CONTRACT_KEYS); others are warnings.
    "FRONTMATTER_EXTRA_KEYS": [],
    # True only in previewconf.py: drafts become visible items marked BOZZA.
    "FRONTMATTER_PREVIEW_DRAFTS": False,
}


def check(settings):
    problems = []
    names = settings["FRONTMATTER_CATEGORY_NAMES"]
    if not isinstance(names, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in names.items()):
        problems.append(("FRONTMATTER_CATEGORY_NAMES",
                         f"must map folder names to display names, not {names!r}"))
    keys = settings["FRONTMATTER_EXTRA_KEYS"]
    if not isinstance(keys, (list, tuple)) or not all(isinstance(k, str) for k in keys):
        problems.append(("FRONTMATTER_EXTRA_KEYS", f"must be a list of keys, not {keys!r}"))
    if not isinstance(settings["FRONTMATTER_PREVIEW_DRAFTS"], bool):
        problems.append(("FRONTMATTER_PREVIEW_DRAFTS", "must be True or False"))
    return problems


def install(settings):
    core_settings.install(settings, PREFIX, DEFAULTS, check)
