"""The site's Content-Security-Policy, as pure functions.

The policy a page carries in its ``<meta>`` (what a meta tag can say):

    default-src 'self' [site]; script-src 'self' [site] ['wasm-unsafe-eval'];
    style-src 'self' [site]; img-src 'self' [site]; font-src 'self' [site];
    connect-src 'self' [site] [counter]; object-src 'none'; base-uri 'self' [site];
    form-action 'self' [site]

``[site]`` is the origin of SITEURL when it is absolute: pages name their own files
by SITEURL, so they still load when the page is reached under another name of the
same server (``example.org`` for ``www.example.org``), where ``'self'`` alone would
block them. ``[counter]`` is the origin of VISIT_COUNTER_URL when the visit counter
is on (``connect-src``: the recording and the count reads, both ``fetch``). ``'wasm-unsafe-eval'`` only on pages that ask for it (the search
page: Pagefind compiles WebAssembly). Extra sources per directive come from
``CSP_EXTRA_SOURCES``.
"""

import functools
import logging
from urllib.parse import urlsplit

logger = logging.getLogger(__name__)

# The referrer policy every page names in a <meta name="referrer"> (plugins/csp
# ``referrer_policy``) and deploy/nginx.conf sends as its Referrer-Policy header: another
# site gets at most this site's origin, never a page's path or query (a search's words,
# /cerca/?q=…), on any host and in any browser (GitHub Pages sends no such header, and
# older browsers' default sent the whole address).
REFERRER_POLICY = "strict-origin-when-cross-origin"

SELF = "'self'"
BASE = (
    ("default-src", (SELF,)),
    ("script-src", (SELF,)),
    ("style-src", (SELF,)),
    ("img-src", (SELF,)),
    ("font-src", (SELF,)),
    ("connect-src", (SELF,)),
    ("object-src", ("'none'",)),
    ("base-uri", (SELF,)),
    ("form-action", (SELF,)),
)
WASM = "'wasm-unsafe-eval'"
COUNTER_DIRECTIVES = ("connect-src",)


@functools.lru_cache(maxsize=16)
def origin(url):
    """``https://stats.example.org/x`` -> ``https://stats.example.org``; None if it has none.

    CSP host sources cannot name an IPv6 address (``http://[::1]:8001``): such an
    address is left out of the policy, with a warning (once per address). A host with
    letters beyond ASCII is written in Punycode (browsers drop a directive naming it as
    typed, and the counter was blocked).
    """
    try:
        parts = urlsplit(url or "")
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    if ":" in parts.hostname:
        logger.warning("CSP: %s is an IPv6 address, which a Content-Security-Policy cannot"
                       " name: left out of the policy (requests to it are blocked); use a"
                       " host name (localhost) instead", url)
        return None
    try:  # a policy names hosts in ASCII: contatore.città.it is contatore.xn--citt-3na.it
        host = parts.hostname.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    return f"{parts.scheme}://{host}" + (f":{port}" if port is not None else "")


@functools.lru_cache(maxsize=64)
def policy(counter_url="", wasm=False, extra=(), siteurl=""):
    """The policy text. ``extra``: ``((directive, (source, …)), …)`` (hashable)."""
    site = origin(siteurl) if siteurl and "://" in siteurl else None
    own = [SELF, site] if site else [SELF]
    directives = {name: own.copy() if sources == (SELF,) else list(sources)
                  for name, sources in BASE}
    if wasm:
        directives["script-src"].append(WASM)
    counter = origin(counter_url) if counter_url else None
    if counter:
        for name in COUNTER_DIRECTIVES:
            directives[name].append(counter)
    for name, sources in extra:
        directives.setdefault(name, own.copy()).extend(sources)
    return "; ".join(f"{name} {' '.join(dict.fromkeys(sources))}"  # each source once
                     for name, sources in directives.items())


def frozen(extra):
    """``CSP_EXTRA_SOURCES`` as the hashable ``extra`` of :func:`policy`."""
    return tuple((name, tuple(sources)) for name, sources in sorted((extra or {}).items()))
