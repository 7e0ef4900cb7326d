"""Attachments' titles as sentences in what Pagefind is given of a page
(:func:`attachment_titles_as_sentences`): each title in a page's list of attachments ends
with a full stop where it has none (:data:`SENTENCE_ENDS`), as a document's record ends
it (:mod:`.records`)."""

import re
from html import unescape

from plugins.core.text import TAG_RE

SENTENCE_ENDS = ".!?:;…»)\"”"  # a title or description ending so needs no full stop
# An attachment's title in a page's list (partials/attachment_link.html): the text of its
# label, words and the terms' spans, up to its type and size (not indexed). Not across
# another label: a body's own spans of the class, unended, are each looked through once.
_ATTACHMENT_TITLE_RE = re.compile(
    r'<span class="attachment-label">((?:[^<]|<span (?!class="attachment-label")[^>]*>'
    r'|</span>)*?)<span data-pagefind-ignore>')


def attachment_titles_as_sentences(html):
    """``html`` with each attachment's title in its list ending as a sentence (a full stop
    where it has none), as :mod:`.records` ends it in the document's record. Pagefind
    ends a block as a sentence (a paragraph, an item), not a link's text: a result's
    excerpt ran the title into its description, "…a Crema Il testo di questo comunicato".
    The titles and descriptions stay text of the page: a document that has no record (not
    a PDF, a scan without text) is found by them, through its page."""
    if 'class="attachment-label"' not in html:
        return html

    def ended(match):
        label = match.group(1)
        title = label.rstrip()
        text = unescape(TAG_RE.sub("", title)).strip()
        if not text or text.endswith(tuple(SENTENCE_ENDS)):
            return match.group(0)
        return (f'<span class="attachment-label">{title}.{label[len(title):]}'
                "<span data-pagefind-ignore>")

    return _ATTACHMENT_TITLE_RE.sub(ended, html)
