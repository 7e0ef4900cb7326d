"""Visit counter: settings and page data for theme/static/js/visit-counter.js.

The browser records the visit and shows the count ("1459 visite"), talking to a
GoatCounter-compatible service (docs/visit-counter.md). This plugin only prepares
what the templates render:

- ``initialized``: fills in the ``VISIT_COUNTER_*`` defaults (:data:`DEFAULTS`),
  validates them (log messages start with the setting's name; a bad value falls
  back to its default, a bad address turns the counter off) and registers the
  ``visit_path`` Jinja filter.

``visit_path`` is the one canonical form of a page's path, used both to record and
to read its count: leading ``/``, no trailing ``/``, no query or fragment, no final
``index.html``. The script applies the same rule (``canonical`` in visit-counter.js).
"""

import logging
import re
from urllib.parse import unquote, urlsplit

from pelican import signals

logger = logging.getLogger(__name__)

PREFIX = "VISIT_COUNTER_"
DEFAULTS = {
    "VISIT_COUNTER_URL": "",  # the counter's base address; empty: no script, no count
    "VISIT_COUNTER_RESPECT_DNT": True,  # Do Not Track / Global Privacy Control: not recorded
    "VISIT_COUNTER_COUNT_LOCAL": False,  # record visits on localhost / 127.0.0.1 / file:
    "VISIT_COUNTER_LISTINGS": False,  # counts on home, category, tag and author pages
    "VISIT_COUNTER_TIMEOUT_MS": 4000,  # give up reading a count after this long
}
TIMEOUT_RANGE = (100, 60000)
QUERY_RE = re.compile(r"[?#]")
SLASHES_RE = re.compile(r"/{2,}")
INDEX_RE = re.compile(r"/index\.html$")


def visit_path(url):
    """The counter's path for a site URL: ``"2024/05/slug/?x=1"`` -> ``"/2024/05/slug"``."""
    text = str(url or "")
    if "://" in text:  # an absolute URL: its path only
        text = urlsplit(text).path
    path = unquote(QUERY_RE.split(text, maxsplit=1)[0])
    path = SLASHES_RE.sub("/", "/" + path)
    path = INDEX_RE.sub("", path).rstrip("/")
    return path or "/"


def _check_url(value):
    """(clean URL, problem or None) for VISIT_COUNTER_URL."""
    if not isinstance(value, str):
        return "", f"must be a string, not {value!r}"
    url = value.strip().rstrip("/").removesuffix("/count").rstrip("/")
    if not url:
        return "", None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return "", f"{value!r} is not an http(s) address such as https://stats.example.org"
    if parts.query or parts.fragment:
        return "", f"{value!r} must not have a query or a fragment"
    return url, None


def validate(settings):
    """Apply defaults and check every VISIT_COUNTER_* setting in ``settings`` (in place)."""
    for name, default in DEFAULTS.items():
        settings.setdefault(name, default)

    url, problem = _check_url(settings["VISIT_COUNTER_URL"])
    if problem:
        logger.error("VISIT_COUNTER_URL: %s; the visit counter is off", problem)
    settings["VISIT_COUNTER_URL"] = url

    for name in ("VISIT_COUNTER_RESPECT_DNT", "VISIT_COUNTER_COUNT_LOCAL",
                 "VISIT_COUNTER_LISTINGS"):
        if not isinstance(settings[name], bool):
            logger.error("%s: must be True or False, not %r; using %r",
                         name, settings[name], DEFAULTS[name])
            settings[name] = DEFAULTS[name]

    timeout = settings["VISIT_COUNTER_TIMEOUT_MS"]
    low, high = TIMEOUT_RANGE
    if isinstance(timeout, bool) or not isinstance(timeout, int) or not low <= timeout <= high:
        logger.error("VISIT_COUNTER_TIMEOUT_MS: must be a whole number of milliseconds "
                     "between %d and %d, not %r; using %d", low, high, timeout,
                     DEFAULTS["VISIT_COUNTER_TIMEOUT_MS"])
        settings["VISIT_COUNTER_TIMEOUT_MS"] = DEFAULTS["VISIT_COUNTER_TIMEOUT_MS"]

    for name in sorted(settings):
        if name.startswith(PREFIX) and name not in DEFAULTS:
            logger.warning("%s: unknown setting (known: %s)", name, ", ".join(DEFAULTS))
    return settings


def setup(pelican):
    validate(pelican.settings)
    # A new dict: the one in the settings may be a settings module's own (shared by
    # every configuration that imports it).
    filters = pelican.settings.get("JINJA_FILTERS") or {}
    pelican.settings["JINJA_FILTERS"] = {**filters, "visit_path": visit_path}


def register():
    signals.initialized.connect(setup)
