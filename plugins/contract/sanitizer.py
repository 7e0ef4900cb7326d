"""The sanitizer: a body as published, within the allowlist whatever the check missed.

After the check (:func:`plugins.contract.body.check_html`), :func:`sanitize` runs the
maintained sanitizer ``nh3`` with the same allowlist (:mod:`plugins.contract.allowlist`)
over the HTML, then rewrites what nh3 wrote: table cells' alignment as classes
(:mod:`plugins.contract.tables`), a link whose text is its address marked for print
(:mod:`plugins.contract.printing`), no id of the theme's
(:mod:`plugins.contract.theme_ids`), no id twice and no attribute value HTML does not allow
(:mod:`plugins.contract.attribute_values`).
"""

import nh3

from plugins.contract.addresses import (
    browser_host, disguised_host, misplaced_marker, url_scheme,
)
from plugins.contract.allowlist import ALLOWED, GLOBAL_ATTRIBUTES, SCHEMES, URL_ATTRIBUTES
from plugins.contract.attribute_values import dated_times, published_value, unique_ids
from plugins.contract.printing import address_links
from plugins.contract.tables import aligned_cells
from plugins.contract.theme_ids import own_ids


def sanitize(html, iframe_hosts=(), renamed=None):
    """``html`` through nh3 with :data:`ALLOWED`: the published body is within the
    allowlist; then its table cells' alignment as classes (:func:`.tables.aligned_cells`)
    and no ``id`` of the theme's (:func:`.theme_ids.own_ids`; ``renamed``: its dict of the
    ids renamed, shared by a body and the summary shown with it), nor one the body has
    already; no attribute value HTML does not allow (:mod:`.attribute_values`)."""
    attributes = {tag: (names | GLOBAL_ATTRIBUTES) for tag, names in ALLOWED.items()}
    return dated_times(unique_ids(own_ids(address_links(aligned_cells(nh3.clean(
        html, tags=set(ALLOWED), attributes=attributes, url_schemes=SCHEMES,
        link_rel=None, strip_comments=True, generic_attribute_prefixes={"aria-"},
        attribute_filter=_keep_attribute(set(iframe_hosts)),
    ))), renamed)))


def _keep_attribute(iframe_hosts):
    def keep(tag, name, value):
        if tag == "iframe" and name == "src":
            return value if url_scheme(value) == "https" and \
                browser_host(value) in iframe_hosts else None
        if tag == "img" and name == "srcset":
            return None  # the editor's (a warning): the site writes its own (plugins/images)
        if tag == "img" and name == "src" and (
                url_scheme(value) in ("http", "https", "data") or browser_host(value)):
            return None  # never loaded from another host
        if name in URL_ATTRIBUTES and disguised_host(value):
            return None  # /\evil.example/: a path to the eye, another site to a browser
        if misplaced_marker(name, value):
            return None  # Pelican would take it for a link and publish its file
        return published_value(tag, name, value)  # none of a form HTML does not allow
    return keep
