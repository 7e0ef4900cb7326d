"""Footnote references a body or a summary shows as text.

A reference without its definition (``[^2]`` with no ``[^2]: …``), or any in a summary
(converted on its own, without the body's notes), is left by Python-Markdown as the
text typed: :func:`literal_notes` finds them in the HTML, outside code, for a warning.
"""

import re

# A footnote reference Python-Markdown left as text (no definition of its label), outside
# code, where it is the text written; code's tags, opening and closing. A label holds no
# "[": each try stops at the next one, where the next try starts (with "[" in the label,
# each "[^" of a run of them read the rest of the text: 60,000 took a minute)
_LITERAL_CODE_TAG_RE = re.compile(r"<(/?)(?:code|pre|kbd|samp)\b[^<>]*>", re.IGNORECASE)
_LITERAL_NOTE_RE = re.compile(r"\[\^([^\[\]\s]+)\]")


def literal_notes(html):
    """The labels of the footnote references ``html`` shows as text, ``[^2]``, in order:
    a reference without its definition (``[^2]: …``), or one in a summary, which is
    converted on its own (the body's notes do not reach it). The code's tags are read
    once, in order (an expression pairing each opening tag with its closing one read the
    rest of the text for each of thousands left open: most of a minute)."""
    if "[^" not in html:
        return []
    outside, depth, at = [], 0, 0
    for tag in _LITERAL_CODE_TAG_RE.finditer(html):
        if not depth:
            outside.append(html[at:tag.start()])
        depth = max(depth - 1, 0) if tag[1] else depth + 1
        at = tag.end()
    if not depth:
        outside.append(html[at:])
    return list(dict.fromkeys(_LITERAL_NOTE_RE.findall("\n".join(outside))))
