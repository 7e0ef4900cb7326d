"""The CSP_* settings (listed in README.md)."""

import re

from plugins.core import settings as core_settings

PREFIX = "CSP_"
DEFAULTS = {
    "CSP_META": True,  # emit the <meta> policy in every page's <head>
    "CSP_EXTRA_SOURCES": {},  # more sources per directive: {"img-src": ["data:"]}
}
# Directives a <meta> policy may carry and that extra sources may widen; frame-ancestors,
# report-uri and sandbox are ignored (and reported) by browsers in a <meta>: the
# server's header carries them (deploy/nginx.conf).
DIRECTIVES = ("default-src", "script-src", "style-src", "img-src", "font-src", "connect-src",
              "media-src", "worker-src", "manifest-src", "frame-src", "form-action")
SOURCE_RE = re.compile(r"^[!-~]+$")  # one token of visible ASCII
FORBIDDEN_IN_SOURCE = (";", ",")


def _source_problem(source):
    if not isinstance(source, str) or not SOURCE_RE.match(source) or any(
            c in source for c in FORBIDDEN_IN_SOURCE):
        return f"{source!r} is not one source expression (e.g. https://example.org, data:)"
    return None


def check(settings):
    problems = []
    extra = settings["CSP_EXTRA_SOURCES"]
    if not isinstance(extra, dict):
        problems.append(("CSP_EXTRA_SOURCES", f"must be a dict, not {extra!r}"))
        return problems
    for directive, sources in extra.items():
        if directive not in DIRECTIVES:
            problems.append(("CSP_EXTRA_SOURCES", f"{directive!r}: not one of"
                                                  f" {', '.join(DIRECTIVES)}"))
            break
        if not isinstance(sources, (list, tuple)):
            problems.append(("CSP_EXTRA_SOURCES", f"{directive}: must be a list of sources,"
                                                  f" not {sources!r}"))
            break
        found = next(filter(None, map(_source_problem, sources)), None)
        if found:
            problems.append(("CSP_EXTRA_SOURCES", f"{directive}: {found}"))
            break
    return problems


def install(settings):
    return core_settings.install(settings, PREFIX, DEFAULTS, check)
