"""Where the Markdown source writes what the HTML check finds: the needles of
:class:`plugins.contract.lines.Lines` for an attribute or a link's address.

An attribute is found in its own tag (:func:`attribute_needle`), an address where the
source writes a link's address (:func:`address_needle`), not as the same words in the
prose; :data:`SITE_ADDRESS_RE` and :data:`WRITTEN_ADDRESS_RE` find every such address
of a text in one pass (``Lines.first_places``).
"""

import functools
import re


@functools.lru_cache(maxsize=256)
def attribute_needle(tag, name):
    """The attribute ``name`` in a ``<tag …>`` of the source (its place: the name), for
    :class:`.lines.Lines`: between ``<`` and ``>``, so a long tag is read once per search."""
    return re.compile(rf"<{re.escape(tag)}(?![^\s/>])[^<>]*?(?<=[\s\"'/])"
                      rf"(?P<at>{re.escape(name)})(?=[\s=/>])", re.IGNORECASE)


# Any address from the site's root where the source writes a link's address (as
# address_needle), for Lines.first_places: the lines of the links past those looked up
SITE_ADDRESS_RE = re.compile(r"""(?:\]\(\s*<?|\]:[ \t]*<?|=\s*["']?)(?P<at>/[^\s)>"']*)""")
# Any full address (https://…) or {filename} link where the source writes a link's address
# (as address_needle, an automatic link <https://…> too), for Lines.first_places: the
# lines of every web and {filename} link of a text in one pass
WRITTEN_ADDRESS_RE = re.compile(
    r"""(?:\]\(\s*<?|\]:[ \t]*<?|=\s*["']?|<)"""
    r"""(?P<at>(?:[a-z][a-z0-9+.\-]*://|[{|]filename[|}])[^\s)>"']*)""")


@functools.lru_cache(maxsize=256)
def address_needle(address):
    """The link address ``address`` where the source writes one (``](address``, a
    reference's ``]: address``, ``href="address"``, an automatic link's ``<https://…>``),
    for :class:`.lines.Lines` (its text lowered): not the same word in the prose above
    (``Il programma …`` over ``[qui](programma)``, an address typed bare over its link)."""
    written = re.escape(address.lower()).replace("&", "&(?:amp;)?")
    return re.compile(rf"(?:\]\(\s*<?|\]:[ \t]*<?|=\s*[\"']?|<(?=[a-z][a-z0-9+.\-]*:))"
                      rf"(?P<at>{written})(?![^\s)>\"'])")
