"""HTML as nh3 writes it (:func:`plugins.contract.sanitizer.sanitize`): its tags read and
written back by the rewrites of a sanitized body (its tables, the theme's ids, links).

nh3 writes lowercase names, each attribute's value in double quotes (a ``"`` inside as
``&quot;``) and a ``<`` in text as ``&lt;``: a tag is read by an expression, not parsed.
"""

import re

# Any tag (its text's words are what is left without them).
TAG_RE = re.compile(r"<[^>]*>")
# Each attribute of a start tag as nh3 writes it, its name and value.
ATTRIBUTE_RE = re.compile(r'\s+([^\s"\'>/=]+)(?:="([^"]*)")?')
# Any start tag as nh3 writes it (a "<" in text is &lt;), its name, attributes and "/".
START_TAG_RE = re.compile(r'<([a-z][a-z0-9]*)((?:\s+[^\s"\'>/=]+(?:="[^"]*")?)*)\s*(/?)>')


def start_tag(name, attributes, end=""):
    """A start tag written back as nh3 writes it, from ``[(name, value)]``."""
    return f"<{name}" + "".join(f' {key}="{value}"' for key, value in attributes) + f"{end}>"
