"""An address in a body's HTML as a browser and Pelican read it.

The scheme and the host a browser sees in it (:func:`url_scheme`, :func:`browser_host`:
tabs, newlines, a backslash read as it reads them), Pelican's intra-site links
(``{static}``, ``{attach}``, ``{filename}``: :data:`INTRASITE_RE`) and its markers
where no link's address begins (:func:`misplaced_marker`), and whether a ``{static}``
address is a picture (:func:`static_image`). The body's check
(:func:`plugins.contract.body.check_html`) and the sanitizer
(:func:`plugins.contract.sanitizer.sanitize`) read addresses by these.
"""

import re
from urllib.parse import urlsplit

from plugins.contract.allowlist import URL_ATTRIBUTES
from plugins.core import filetypes
from plugins.core.urls import srcset_candidates

# Pelican's intra-site links, in the rendered HTML: {static}/x, |filename|x ...
INTRASITE_RE = re.compile(r"\A[{|](?P<what>static|attach|filename)[|}](?P<target>.*)\Z")
# Any of Pelican's intra-site markers, wherever it is. Pelican's own pattern finds them
# in any attribute of a tag that also has a link attribute (``title="src='{static}/x'"``)
# and would publish the file: outside a link or an image's address, one is an error.
MARKER_RE = re.compile(r"[{|](?:static|attach|filename|index|tag|category|author)[|}]")
SCHEME_RE = re.compile(r"\A([a-z][a-z0-9+.\-]*):")
BLANKS_RE = re.compile(r"[\x00-\x20]+")
# the slashes before a host (backslashes already read as slashes), after a scheme or none
SLASHES_RE = re.compile(r"\A((?:[a-z][a-z0-9+.\-]*:)?)/{3,}", re.IGNORECASE)
# an address with no scheme that a browser reads as another host's (``//host``), written
# otherwise: a backslash among its first slashes, or more than two (the page's own look)
DISGUISED_RE = re.compile(r"\A(?!//[^/\\])[/\\]{2}")


def url_scheme(value):
    """The scheme a browser would see in ``value`` (tabs, newlines, spaces ignored)."""
    match = SCHEME_RE.match(BLANKS_RE.sub("", value).lower())
    return match.group(1) if match else ""


def misplaced_marker(name, value):
    """The first of Pelican's link markers in the attribute ``name="value"`` that is not
    where a link's address begins (``href="{static}/x"`` is one; ``title="…{static}…"``
    or ``href="https://x/?src='{static}/y'"`` are not, and Pelican's pattern would take
    them for links and publish the file), or None."""
    starts = (_srcset_urls(value) if name == "srcset" else [value.strip()]) \
        if name in URL_ATTRIBUTES or name == "srcset" else []
    allowed = sum(1 for start in starts if MARKER_RE.match(start))
    markers = MARKER_RE.findall(value)
    return markers[allowed] if len(markers) > allowed else None


def static_image(src):
    """Whether ``src`` is a ``{static}`` or ``{attach}`` link to a picture (JPEG, PNG,
    WebP): those whose ``<img>`` plugins/images rewrites (``markup.static_source``)."""
    intrasite = INTRASITE_RE.match(src.strip())
    path = intrasite["target"].split("#", 1)[0].split("?", 1)[0] if intrasite else ""
    return bool(intrasite) and intrasite["what"] in ("static", "attach") and \
        filetypes.EXTENSIONS.get(filetypes.extension(path)) in filetypes.IMAGES


def browser_host(url):
    """The host a browser would load ``url`` from ("" when it has none, or hides it behind
    a user name: ``https://evil.example\\@allowed.example/`` is evil.example to a browser,
    which reads a backslash as a slash; Python's ``urlsplit`` says allowed.example). A
    browser also reads any run of slashes and backslashes before the host as ``//``
    (``/\\evil.example/``, ``\\/evil.example/``, ``///evil.example/`` are all
    evil.example's, on a web page); ``urlsplit`` sees no host after three."""
    url = re.sub(r"[\t\n\r]", "", url.strip()).replace("\\", "/")
    url = SLASHES_RE.sub(r"\1//", url, count=1)
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        return ""
    return "" if "@" in parts.netloc else host


def disguised_host(url):
    """The other site's host a browser would follow an address with no scheme to when it
    is written to look like a path of this site, or "": ``/\\evil.example/``,
    ``\\/evil.example/``, ``\\\\evil.example/``, ``///evil.example/`` (tabs and
    newlines in it ignored, as a browser ignores them); not ``//evil.example/``, which says
    what it is."""
    url = re.sub(r"[\t\n\r]", "", url.strip())
    if url_scheme(url) or not DISGUISED_RE.match(url):
        return ""
    # behind a user name (``/\\nome@evil.example/``) browser_host names none: the host
    authority = re.split(r"[/\\?#]", url.lstrip("/\\"), maxsplit=1)[0]
    return browser_host(url) or authority.rpartition("@")[2]


def _srcset_urls(value):
    return [address for address, _ in srcset_candidates(value)]
