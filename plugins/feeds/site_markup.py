"""An item's HTML without what only the site's pages need (:func:`without_site_markup`):
feed readers have neither the site's stylesheet nor its scripts, and show several entries
in one page."""

import re

from .addresses import TAG_RE

# What the site's own markup adds to an item's HTML for its pages (its CSS and its
# scripts), which means nothing in a feed reader (:func:`without_site_markup`): a note's
# link back to its reference (with the no-break space before it), the box a table scrolls
# in (its start tag: the sanitizer lets no editor write ``role``), an element's class, id,
# and an image's loading hints.
BACKLINK_RE = re.compile(
    r'(?:&nbsp;|\xa0)?<a [^>]*class="footnote-backref"[^>]*>[^<]*</a>')
TABLE_BOX_RE = re.compile(r'<div class="table-scroll" role="region"[^>]*>')
DIV_RE = re.compile(r"<(/?)div\b[^>]*>")
# a start tag's attributes, each read whole from the tag's name on (a value ending in
# " id=", an image's description, was read as an ``id`` that took the next attribute along)
ATTRIBUTE_RE = re.compile(r"""\s(?P<name>[^\s"'>/=]+)(?:\s*=\s*(?:"(?P<value>[^"]*)"|"""
                          r"""'(?P<single>[^']*)'|(?P<bare>[^\s"'>]+)))?""")
SITE_ATTRIBUTES = frozenset({"class", "id", "loading", "decoding", "fetchpriority",
                             "data-pagefind-ignore"})


def _attributes(tag):
    """``[(match, name, value)]``: the attributes of the start tag ``tag``."""
    return [(match, match["name"].lower(),
             next((v for v in match.group("value", "single", "bare") if v is not None), ""))
            for match in ATTRIBUTE_RE.finditer(tag)]


def without_site_markup(html):
    """The item's HTML without what only the site's pages need: feed readers have neither
    the site's stylesheet nor its scripts, and show several entries in one page.

    - a footnote's link back to its reference ("↩", ``footnote-backref``): it pointed at
      the page's reference (an ``id`` readers drop or repeat), so it opened the web page
      in the middle of the text; the note's reference stays a link to the note on the page
      and the notes are at the end of the entry;
    - the box a table scrolls in on the site (``<div class="table-scroll" role="region"
      tabindex="0" aria-label=…>``): without its CSS it scrolls nothing, and feedparser's
      sanitizer (the readers built on it) kept its ``tabindex`` and dropped its ``role`` and
      name: a keyboard stop on nothing, with no name;
    - ``class``, the site's CSS hooks (``footnote-ref``, ``align-left``: the cell has
      ``align`` too), ``loading``, ``decoding`` and ``fetchpriority`` (a page's loading
      plan, which the W3C feed validator warns of), ``data-pagefind-ignore`` (the site's
      search: the notes' heading, plugins/contract), and every ``id`` no cell's ``headers``
      names: nothing in an entry links to one (its links are absolute, to the page), and the
      same ``fn:1`` or ``programma`` in two entries were duplicate ids in a reader that
      shows them together."""
    if not html:
        return html
    html = BACKLINK_RE.sub("", str(html))
    if TABLE_BOX_RE.search(html):
        boxes = []  # for each open div: whether it is a table's box

        def div(match):
            if match[1]:  # </div>
                return "" if boxes and boxes.pop() else match[0]
            boxes.append(bool(TABLE_BOX_RE.fullmatch(match[0])))
            return "" if boxes[-1] else match[0]

        html = DIV_RE.sub(div, html)
    tags = {tag: _attributes(tag) for tag in set(TAG_RE.findall(html))}
    named = {name for attributes in tags.values() for _, key, value in attributes
             if key == "headers" for name in value.split()}

    def without(tag):
        tag = tag[0]
        gone = [match.span() for match, key, value in tags[tag]
                if key in SITE_ATTRIBUTES and not (key == "id" and value in named)]
        for start, end in reversed(gone):
            tag = tag[:start] + tag[end:]
        return tag

    return TAG_RE.sub(without, html)
