"""Footnotes: the references a body or a summary shows as text, the notes' heading.

A reference without its definition (``[^2]`` with no ``[^2]: …``), or any in a summary
(converted on its own, without the body's notes), is left by Python-Markdown as the
text typed: :func:`literal_notes` finds them in the HTML, outside code, for a warning.
The notes Python-Markdown writes at the end of a body get a heading, «Note»
(:func:`headed_notes`).
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


# The block of notes Python-Markdown's footnotes extension writes (at the end of a body, or
# where ///Footnotes Go Here/// stands), as nh3 gives it back: its rule, then its list of
# notes (the "fn:" ids: not an editor's own <div class="footnote">).
_NOTES_RE = re.compile(r'<div class="footnote">\s*<hr>\s*(?=<ol>\s*<li id="fn:)')
# An editor's own heading "Note" (or "Note:") right before it: the notes have a heading.
_NOTES_HEADING_BEFORE_RE = re.compile(
    r"<h[1-6]\b[^>]*>\s*(?:<[^>]+>\s*)*note\s*:?\s*(?:<[^>]+>\s*)*</h[1-6]>\s*\Z",
    re.IGNORECASE)
# The heading: a section of the body (h2: the title is the page's h1, the body's sections
# are h2 and h3), shown (article.css: small, as the related items'). No id: an editor's
# "## Note" has id="note" (Markdown's toc), and nothing links to the notes as a whole.
# Not searched (a search for "note" found every page with notes), as "Allegati".
NOTES_HEADING = '<h2 class="footnote-titolo" data-pagefind-ignore>Note</h2>'


def headed_notes(html):
    """The (sanitized) body with a heading, «Note», over its footnotes, after their rule:
    a screen reader moving by headings found no notes, and a sighted reader saw a rule
    and a numbered list under the text. Once (Python-Markdown writes one block), and not
    when the editor's own heading "Note" stands right before the notes."""
    if 'class="footnote"' not in html:
        return html
    match = _NOTES_RE.search(html)
    if not match or _NOTES_HEADING_BEFORE_RE.search(html, max(match.start() - 400, 0),
                                                    match.start()):
        return html
    return html[:match.end()] + NOTES_HEADING + "\n" + html[match.end():]
