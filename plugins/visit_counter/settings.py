"""The VISIT_COUNTER_* settings (listed with their meaning in README.md)."""

import re

from plugins.core import settings as core_settings
from plugins.core.urls import LOOPBACK, http_address

PREFIX = "VISIT_COUNTER_"
DEFAULTS = {
    "VISIT_COUNTER_URL": "",  # the counter's base address; empty: no script, no count
    "VISIT_COUNTER_RESPECT_DNT": True,  # Do Not Track / Global Privacy Control: not recorded
    "VISIT_COUNTER_COUNT_LOCAL": False,  # record visits on localhost / 127.0.0.1 / file:
    "VISIT_COUNTER_LISTINGS": False,  # counts on home, category, tag and author pages
    "VISIT_COUNTER_TIMEOUT_MS": 4000,  # give up reading a count after this long
}
TIMEOUT_RANGE = (100, 60000)
# Hosts an http:// counter may have on an https:// site (a development counter).
AUTHORITY_RE = re.compile(r"(?:[^:/?#]*://)?([^/?#]*)")  # "user:pw@host:port" of a URL


def clean_url(value, siteurl=""):
    """(clean URL, problem or None) for VISIT_COUNTER_URL: no trailing ``/`` or ``/count``.

    Every reader's browser sees the address: no user name or password in it (the
    problem does not repeat it, so the log does not either). On a site served over
    https (``siteurl``) it must be https too, but for a counter on this machine.
    """
    if not isinstance(value, str):
        return "", f"must be a string, not {value!r}"
    url = value.strip().rstrip("/").removesuffix("/count").rstrip("/")
    if not url:
        return "", None
    if "@" in AUTHORITY_RE.match(url).group(1):
        return "", "must not carry a user name or password (user:password@); it is public"
    parts = http_address(url)
    if parts is None:
        return "", f"{value!r} is not an http(s) address such as https://stats.example.org"
    if parts.query or parts.fragment:
        return "", f"{value!r} must not have a query or a fragment"
    if (parts.scheme == "http" and str(siteurl).lower().startswith("https://")
            and parts.hostname not in LOOPBACK):
        return "", (f"{value!r} must be an https:// address: the site is served over https"
                    " (SITEURL) and browsers block or expose http requests from it; only"
                    " http://localhost, http://127.0.0.1 and http://[::1] may stay http")
    return url, None


def check(settings):
    """Problems with the VISIT_COUNTER_* settings; cleans the URL in place."""
    problems = []
    url, problem = clean_url(settings["VISIT_COUNTER_URL"], settings.get("SITEURL") or "")
    if problem:
        problems.append(("VISIT_COUNTER_URL", f"{problem}; the visit counter is off"))
    else:
        settings["VISIT_COUNTER_URL"] = url
    return problems + core_settings.whole_numbers(
        settings, {"VISIT_COUNTER_TIMEOUT_MS": TIMEOUT_RANGE}, "milliseconds")


def install(settings):
    return core_settings.install(settings, PREFIX, DEFAULTS, check)
