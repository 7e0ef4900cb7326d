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

A server started on every interface (``HOST=0.0.0.0``, the preview opened from a phone at
``http://192.168.1.20:8000``) takes this machine's own addresses as its pages' too
(:func:`own_address`).

Standard library only (the visit counter is).
"""

import ipaddress
import socket
from urllib.parse import urlsplit

# what a server started on every interface is bound to (HOST=0.0.0.0, ::, "")
WILDCARDS = ("0.0.0.0", "::", "")


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


def own_address(address):
    """True when ``address`` (an :mod:`ipaddress` address) is one of this machine's
    network interfaces': the system lets a socket be bound only to those (any other
    address: ``EADDRNOTAVAIL``). Multicast and the unspecified address are no page's."""
    if address.is_multicast or address.is_unspecified:
        return False
    family = socket.AF_INET6 if address.version == 6 else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_DGRAM) as probe:
            probe.bind((str(address), 0))
    except OSError:
        return False
    return True


def local_page(address, *names):
    """True when ``address``, a request's ``Origin`` or ``Referer``, is a page of this
    machine: ``http(s)://`` and ``localhost``, a loopback address (``127.x.x.x``,
    ``[::1]``) or one of ``names``; when one of ``names`` is every interface
    (:data:`WILDCARDS`: ``HOST=0.0.0.0``, the preview opened from a phone at
    ``http://192.168.1.20:8000``), also this machine's own addresses on the network
    (:func:`own_address`). Not any address, as :func:`local_host` takes: a site may be
    served at a public address, and another computer of the network serves its own
    pages. ``null`` (a sandboxed frame, a ``file:`` page), other schemes and anything
    unreadable are not."""
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
    if _named(name, names) or (address is not None and address.is_loopback):
        return True
    return (address is not None and any(bound in WILDCARDS for bound in names)
            and own_address(address))


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


def reached_at(connection):
    """The address of this machine a client connected to (``connection``: the request's
    socket), as a URL's host: ``192.168.1.20``, ``[fe80::1]``; ``localhost`` for a
    loopback one or when it cannot be told."""
    try:
        address = ipaddress.ip_address(connection.getsockname()[0].split("%")[0])
    except (OSError, ValueError, AttributeError, IndexError):
        return "localhost"
    if address.version == 6 and address.ipv4_mapped:  # "::" bound, an IPv4 client
        address = address.ipv4_mapped
    if address.is_loopback or address.is_unspecified:
        return "localhost"
    return f"[{address}]" if address.version == 6 else str(address)


def foreign_host_words(header, reached, port=None):
    """``(italian, english)``: a request's refused ``Host`` (:func:`local_host`) named, and
    the ways out: this machine's address the client reached it at (``reached``, from
    :func:`reached_at`; with ``port``, as the address to open), or the server started on
    that name (``HOST=mypc.local``, then its own). On a phone, "open localhost" asked
    for the phone itself."""
    name = _hostname(header)[:100]
    given = name or (header or "").strip()[:100]  # unreadable ("[bad"): as it came
    shown = f"«{given}»" if given else "(nessuno)"
    italian = f"apri http://{reached}:{port}/" if port else f"apri il sito da {reached}"
    english = f"open http://{reached}:{port}/" if port else f"open the site at {reached}"
    if reached == "localhost":
        italian += " su questo computer"
        english += " on this machine"
    else:
        italian += (", l'indirizzo IP di questo computer (anche da un telefono o da un altro"
                    " computer della stessa rete)")
        english += ", this machine's IP address (from a phone too)"
    if name:
        italian += f", oppure riavvia con HOST={name} (per esempio HOST={name} ./run livereload)"
        english += f", or start it again with HOST={name}"
    return (f"il nome {shown} non è tra quelli che questo computer riconosce come propri:"
            f" {italian}",
            f"the name {given!r} (Host) is not one this machine answers to: {english}")
