"""What goes into sitemap.xml, as pure functions (no Pelican objects needed).

- :func:`lastmod`: an item's ``modified``, else its ``date``, else None;
- :func:`newest`: the newest :func:`lastmod` of what a listing shows;
- :func:`url_path`: the path readers use for an output file (``/2024/05/slug/``);
- :func:`excluded`: whether a path is left out (prefixes and patterns);
- :func:`render`: the XML document, byte for byte the same for the same entries.
"""

import re
import xml.etree.ElementTree as ET
from urllib.parse import quote

from plugins.core.urls import without_index

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"


def lastmod(item):
    """``modified`` or ``date`` of a content item (or of ``item.item``), or None."""
    item = getattr(item, "item", item)  # a Document of plugins/attachments names its article
    return getattr(item, "modified", None) or getattr(item, "date", None)


def newest(items):
    """The newest :func:`lastmod` among ``items``, or None when none has a date."""
    return max(filter(None, map(lastmod, items or ())), default=None)


def url_path(relative):
    """``2024/05/slug/index.html`` -> ``/2024/05/slug/``; ``index.html`` -> ``/``."""
    return "/" + without_index(relative.replace("\\", "/").lstrip("/"))


def excluded(path, prefixes, patterns):
    """True when ``path`` starts with one of ``prefixes`` or matches one of ``patterns``."""
    return path.startswith(tuple(prefixes)) or any(re.search(p, path) for p in patterns)


def w3c_datetime(value):
    """``2024-05-05T17:07:00+02:00`` (seconds, with the offset when the value has one)."""
    return value.isoformat(timespec="seconds")


def render(entries, siteurl):
    """The sitemap for ``entries`` ({path: lastmod or None}), URLs sorted, as UTF-8 bytes."""
    ET.register_namespace("", NAMESPACE)
    urlset = ET.Element(f"{{{NAMESPACE}}}urlset")
    for path in sorted(entries):
        url = ET.SubElement(urlset, f"{{{NAMESPACE}}}url")
        ET.SubElement(url, f"{{{NAMESPACE}}}loc").text = siteurl + quote(path, safe="/")
        if entries[path] is not None:
            ET.SubElement(url, f"{{{NAMESPACE}}}lastmod").text = w3c_datetime(entries[path])
    ET.indent(urlset)
    return ET.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n"
