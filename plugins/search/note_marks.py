"""Footnotes' marks left out of what Pagefind is given (:func:`without_note_marks`): a
note's number in the sentence and the "↩" of its link back; the notes' text stays."""

import re

from plugins.core.text import NOTE_REFERENCE_RE

# A footnote's link back to the text: the arrow "↩" (its name is in aria-label)
_BACKLINK_RE = re.compile(r'<a [^>]*class="footnote-backref"[^>]*>[^<]*</a>')


def without_note_marks(html):
    """``html`` without its footnotes' references and links back: marks, not words, which
    a result's excerpt showed among them ("il martedì 1 mattina", "Tranne ad agosto. ↩").
    The notes' text stays."""
    if "footnote-" not in html:
        return html
    return _BACKLINK_RE.sub("", NOTE_REFERENCE_RE.sub("", html))
