"""The SEARCH_* settings (listed with their meaning in README.md)."""

import logging
import os
import re

from plugins.core import settings as core_settings

PREFIX = "SEARCH_"
DEFAULTS = {
    "SEARCH_ENABLED": True,
    "SEARCH_PDF_TEXT": True,
    "SEARCH_PDF_MAX_CHARS": 20_000,
    "SEARCH_LANGUAGE": None,  # the site's DEFAULT_LANG (its first part: "pt" of "pt-BR")
    "SEARCH_TIMEOUT": 300,  # seconds for the whole index step
    "SEARCH_CACHE_PATH": None,  # <CACHE_PATH>/search
    "SEARCH_PAGEFIND_BINARY": None,  # pagefind-bin's binary
    # category slug -> how a document result names its article: "PDF – dal comunicato «…»"
    "SEARCH_SOURCE_LABELS": {
        "comunicati-stampa": "dal comunicato",
        "notizie": "dalla notizia",
        "avvisi": "dall’avviso",
    },
}
TEMPLATE = "cerca"  # the search page, a direct template
BUNDLE_FOLDER = "pagefind"  # the index's folder in the output, /pagefind/
MAX_CHARS_RANGE = (500, 1_000_000)
TIMEOUT_RANGE = (1, 3600)
LANGUAGE_RE = re.compile(r"^[a-z]{2,3}$")
logger = logging.getLogger(__name__)


def check(settings):
    """``[(setting name, problem)]`` for the SEARCH_* settings."""
    problems = [
        *core_settings.whole_numbers(settings, {"SEARCH_PDF_MAX_CHARS": MAX_CHARS_RANGE},
                                     "characters"),
        *core_settings.whole_numbers(settings, {"SEARCH_TIMEOUT": TIMEOUT_RANGE}, "seconds"),
    ]
    language = settings["SEARCH_LANGUAGE"]
    if language is not None and not (isinstance(language, str) and LANGUAGE_RE.match(language)):
        problems.append(("SEARCH_LANGUAGE", f"must be an ISO 639-1 code such as 'it', not"
                                            f" {language!r}"))
    binary = settings["SEARCH_PAGEFIND_BINARY"]
    if binary is not None and not (isinstance(binary, str) and binary.strip()):
        problems.append(("SEARCH_PAGEFIND_BINARY", f"must be the path of a pagefind"
                                                   f" executable, not {binary!r}"))
    labels = settings["SEARCH_SOURCE_LABELS"]
    if not core_settings.text_map(labels):
        problems.append(("SEARCH_SOURCE_LABELS", "must map category slugs to texts such as"
                                                 f" 'dal comunicato', not {labels!r}"))
    return problems


def primary_language(lang):
    """A language tag's first part, lower-case: ``pt-BR`` -> ``pt``, ``it`` -> ``it``."""
    return re.split(r"[-_]", str(lang))[0].lower()


def install(settings):
    """``initialized``: defaults, checks, derived values; no search page when disabled."""
    core_settings.install(settings, PREFIX, DEFAULTS, check)
    # the index's language is the content's: the site's, unless set
    settings["SEARCH_LANGUAGE"] = settings["SEARCH_LANGUAGE"] or primary_language(
        settings["DEFAULT_LANG"])
    settings["SEARCH_CACHE_PATH"] = settings["SEARCH_CACHE_PATH"] or os.path.join(
        settings["CACHE_PATH"], "search")
    core_settings.reserve(settings, BUNDLE_FOLDER)  # Pagefind writes the index there
    if not settings["SEARCH_ENABLED"]:
        templates = list(settings.get("DIRECT_TEMPLATES") or ())
        if TEMPLATE in templates:
            templates.remove(TEMPLATE)
            settings["DIRECT_TEMPLATES"] = templates
            logger.info("SEARCH_ENABLED is False: no search page (%s) and no index", TEMPLATE)
    return settings
