"""Whether a request to one of the local servers comes from this machine's pages: the one
rule of the preview, ``./run serve``'s server and the visit counter (the web editor's
backend, decap-server in node, has its own: tools/cms_guard.js).

A page of another site open in the editor's browser cannot read a loopback server's
answers (CORS), but it can send it requests:

- by DNS rebinding, its own domain made to resolve to 127.0.0.1: its requests are
  same-origin (it reads the answers) and name its domain in ``Host``
  (:func:`local_host`);
- a form, an image, a ``fetch`` to ``http://127.0.0.1:8001/``: the browser names the page
  in ``Origin`` or ``Referer``, or, with neither, says ``Sec-Fetch-Site: cross-site``
  (:func:`foreign_page`).

Standard library only (the visit counter is).
"""

import ipaddress
from urllib.parse import urlsplit


def _hostname(netloc):
    """The lower-case name or address in ``host[:port]``; "" when there is none."""
    try:
        return urlsplit("//" + (netloc or "")).hostname or ""
    except ValueError:
        return ""


def _address(name):
    try:
        return ipaddress.ip_address(name)
    except ValueError:
        return None


def _named(name, names):
    return name in ("localhost", *(other.lower() for other in names if other))


def local_host(header, *names):
    """True when a request's ``Host`` names this machine: ``localhost``, an address
    (``127.0.0.1``, ``[::1]``, the machine's own on the network when served there) or one
    of ``names``, the name the server was started on (``HOST``). Any other name is a page
    of another site whose domain was made to resolve to this machine (DNS rebinding):
    its requests are same-origin, and it read what the server answers. (An address is
    safe here: the browser connected to it, so it is this machine's.)"""
    name = _hostname(header)
    return bool(name) and (_named(name, names) or _address(name) is not None)


def local_page(address, *names):
    """True when ``address``, a request's ``Origin`` or ``Referer``, is a page of this
    machine: ``http(s)://`` and ``localhost``, a loopback address (``127.x.x.x``,
    ``[::1]``) or one of ``names``. Not any address, as :func:`local_host` takes: a site
    may be served at a public address. ``null`` (a sandboxed frame, a ``file:`` page),
    other schemes and anything unreadable are not."""
    try:
        url = urlsplit(address or "")
    except ValueError:
        return False
    if url.scheme not in ("http", "https"):
        return False
    name = _hostname(url.netloc)
    if not name:
        return False
    address = _address(name)
    return _named(name, names) or (address is not None and address.is_loopback)


def foreign_page(headers, *names):
    """The header naming a page elsewhere as a request sent it (``"Origin: null"``), or
    ``""`` when the request may be one of this machine's pages' (:func:`local_page`) or
    no page's. ``Origin`` decides when there is one, else ``Referer``; a request with
    neither (an image or a ``fetch`` of a page that sends no referrer) is a page
    elsewhere when the browser says ``Sec-Fetch-Site: cross-site``. One with none of them
    is no browser's (the tools', the tests'; some browsers before 2023 send no
    ``Sec-Fetch-Site``)."""
    for header in ("Origin", "Referer"):
        value = headers.get(header)
        if value is not None:
            return "" if local_page(value, *names) else f"{header}: {value}"
    if (headers.get("Sec-Fetch-Site") or "").strip().lower() == "cross-site":
        return "Sec-Fetch-Site: cross-site"
    return ""
