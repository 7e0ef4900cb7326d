"""A text to open (``<details>``) open in the feeds, its ``<summary>`` a first line
(:func:`folds_open`): feed readers' sanitizers keep ``<details>`` and drop ``<summary>``."""

import re

# A text to open (<details>, its <summary>) in an item's body, written by the sanitizer;
# the blocks a summary may hold (then no paragraph of its own).
DETAILS_RE = re.compile(r"<(/?)details\b([^>]*)>")
# its attributes each whole (double-quoted, as the sanitizer writes them): ``open`` is
# taken away, not the word in another's value (title="Scuola open day")
DETAILS_ATTRIBUTE_RE = re.compile(r'\s(?P<name>[^\s="/>]+)(?:="[^"]*")?')
SUMMARY_RE = re.compile(r"<summary\b(?P<attributes>[^>]*)>(?P<text>.*?)</summary>", re.DOTALL)
BLOCK_RE = re.compile(
    r"<(?:p|h[1-6]|div|ul|ol|dl|table|figure|blockquote|pre|hr|section|details)\b")


def folds_open(html):
    """The item's HTML with each text to open (``<details>``) open: its ``<summary>`` a
    first line in bold (a ``<div>`` when it holds blocks of its own), then its text.

    Feed readers' sanitizers keep ``<details>`` and drop ``<summary>`` (feedparser's, and
    the readers built on it): a reader showed a closed box named by the browser
    ("Details") holding the summary run into the text ("Orari e costiDal lunedì")."""
    if not html or "<details" not in html:
        return html

    def summary(match):
        attributes, text = match["attributes"], match["text"]
        if BLOCK_RE.search(text):
            return f"<div{attributes}>{text}</div>"
        return f"<p{attributes}><strong>{text}</strong></p>"

    def without_open(attributes):
        return DETAILS_ATTRIBUTE_RE.sub(
            lambda attribute: "" if attribute["name"].lower() == "open" else attribute[0],
            attributes)

    html = DETAILS_RE.sub(lambda tag: f"<{tag[1]}div{without_open(tag[2])}>", str(html))
    return SUMMARY_RE.sub(summary, html)
