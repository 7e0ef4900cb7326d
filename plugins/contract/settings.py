"""The CONTRACT_* settings (listed in README.md)."""

import logging

from plugins.core import settings as core_settings

logger = logging.getLogger(__name__)

PREFIX = "CONTRACT_"
DEFAULTS = {
    # Folder name -> display name of its category; other folders: "my-folder" -> "My folder".
    "CONTRACT_CATEGORY_NAMES": {},
    # Keys accepted besides the contract's own (schema.CONTRACT_KEYS); others are warnings.
    "CONTRACT_EXTRA_KEYS": [],
    # Keys other plugins add with a check of their values: {key: check(value, settings)
    # -> (value or None, [message])}. Filled by plugins through add_key(), not by hand.
    "CONTRACT_KEY_CHECKS": {},
    # True only in previewconf.py: drafts become visible items marked BOZZA.
    "CONTRACT_PREVIEW_DRAFTS": False,
    # Set only by the live preview (tools/preview.py, with -e): a file where the build
    # notes which item each page is written from (sources.py). "": nothing noted.
    "CONTRACT_PREVIEW_SOURCES": "",
    # Hosts whose https:// iframes a body may embed (e.g. "www.youtube-nocookie.com").
    # Empty: no iframes. Any host here is a third party readers' browsers will contact.
    "CONTRACT_IFRAME_HOSTS": [],
    # Keep each file's reading (checks, Markdown, typography) in CACHE_PATH/contract-*/
    # while the file, the files it links, the settings and the plugins are unchanged.
    "CONTRACT_CACHE": True,
    # Read the files that are not in that cache on every core (at most 4 processes) when
    # there are at least this many (a cold build of a large site); 0: never.
    "CONTRACT_READ_AHEAD_FROM": 100,
    # Seconds one text (a body, a summary) may take to convert; over that, the file is
    # an error (Markdown is quadratic on hundreds of "[" in one paragraph). 0: no limit.
    "CONTRACT_MARKDOWN_SECONDS": 10,
}


def check(settings):
    problems = []
    names = settings["CONTRACT_CATEGORY_NAMES"]
    if not core_settings.text_map(names, value_test=None):
        problems.append(("CONTRACT_CATEGORY_NAMES",
                         f"must map folder names to display names, not {names!r}"))
    if not isinstance(settings["CONTRACT_PREVIEW_SOURCES"], str):
        problems.append(("CONTRACT_PREVIEW_SOURCES", "must be a file's path or \"\", not"
                                                     f" {settings['CONTRACT_PREVIEW_SOURCES']!r}"))
    for name in ("CONTRACT_EXTRA_KEYS", "CONTRACT_IFRAME_HOSTS"):
        if not core_settings.text_list(settings[name]):
            problems.append((name, f"must be a list of text, not {settings[name]!r}"))
    checks = settings["CONTRACT_KEY_CHECKS"]
    if not isinstance(checks, dict) or not all(
            isinstance(k, str) and callable(v) for k, v in checks.items()):
        problems.append(("CONTRACT_KEY_CHECKS",
                         f"must map front-matter keys to functions, not {checks!r}"))
    problems += core_settings.whole_numbers(settings, {"CONTRACT_READ_AHEAD_FROM": (0, 10**9)},
                                            "files")
    seconds = settings["CONTRACT_MARKDOWN_SECONDS"]
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) \
            or not 0 <= seconds <= 3600:
        problems.append(("CONTRACT_MARKDOWN_SECONDS",
                         f"must be a number of seconds from 0 to 3600, not {seconds!r}"))
    return problems


def add_key(settings, key, check=None):
    """Make ``key`` a front-matter key of the contract, for another plugin at
    ``initialized`` (in whichever order the plugins start: the contract fills in only the
    settings still missing). Without ``check`` the value is handed on as written
    (``CONTRACT_EXTRA_KEYS``); with one, ``check(value, settings)`` returns ``(value,
    [message])``: the value Pelican gets (None: dropped) and the errors of that key, at
    its line, in the build and in ``invoke check`` alike. ``check`` must be a module-level
    function (the settings digest names it; read-ahead workers inherit it). New
    containers: the ones in the settings may be a settings module's own, shared by every
    configuration that imports it."""
    key = key.strip().lower()
    if check is None:
        extra = list(settings.get("CONTRACT_EXTRA_KEYS") or ())
        settings["CONTRACT_EXTRA_KEYS"] = extra if key in extra else [*extra, key]
    else:
        settings["CONTRACT_KEY_CHECKS"] = {**(settings.get("CONTRACT_KEY_CHECKS") or {}),
                                           key: check}


def install(settings):
    core_settings.install(settings, PREFIX, DEFAULTS, check)
    if settings.get("TYPOGRIFY"):
        # The reader applies typography once per text (cached with the content); a
        # second pass by Pelican would also turn the titles' safe HTML back into text.
        logger.warning("TYPOGRIFY: the contract plugin applies typography itself;"
                       " Pelican's pass is turned off")
        settings["TYPOGRIFY"] = False
    return settings
