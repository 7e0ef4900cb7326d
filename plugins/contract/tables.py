"""A published body's tables (and code blocks) as the site shows them.

On a sanitized body (:func:`plugins.contract.sanitizer.sanitize`): a table cell's alignment
as a class the stylesheet aligns (:func:`aligned_cells`; for the feeds, which have no
stylesheet, also as ``align``: :func:`align_attributes`), and what may be wider than
the screen reachable by keyboard (:func:`scrollable_boxes`: each table in a named
region that scrolls, each ``<pre>`` focusable).
"""

import re
from html import escape, unescape

from plugins.contract.nh3_html import ATTRIBUTE_RE, TAG_RE, start_tag

_BOX_RE = re.compile(r"<table\b[^>]*>|</table>|<pre\b[^>]*>", re.IGNORECASE)
# Where a table's own part ends: the next table's start or end tag (a nested table's
# headers name that table, not this one).
_TABLE_TAG_RE = re.compile(r"</?table\b", re.IGNORECASE)
_CAPTION_RE = re.compile(r"<caption\b[^>]*>(.*?)</caption>", re.IGNORECASE | re.DOTALL)
_HEADER_RE = re.compile(r"<th\b[^>]*>(.*?)</th>", re.IGNORECASE | re.DOTALL)
LABEL_LENGTH = 80  # characters of a table's name at most


def scrollable_boxes(html):
    """The (sanitized) body with what may be wider than the screen made reachable by
    keyboard (WCAG 2.1.1, for browsers that do not focus scrolling boxes by themselves):
    each table in a box that scrolls sideways, a region named after the table (its
    caption, else its header cells; numbered when the body has several, so each name
    is its own), and each code block (``<pre>``, which scrolls itself) focusable."""
    tables = len(re.findall(r"<table\b", html, re.IGNORECASE))
    numbers = iter(range(1, tables + 1))

    def box(match):
        tag = match[0]
        if tag.startswith("</"):
            return tag + "</div>"
        if tag[1:4].lower() == "pre":
            return tag if "tabindex" in tag.lower() else tag[:-1] + ' tabindex="0">'
        # only this table's own part is read: the rest of the body for every table was
        # quadratic (100,000 tables or tables nested 16,000 deep, a few hundred kB of
        # text, kept the build busy for minutes, past CONTRACT_MARKDOWN_SECONDS)
        end = _TABLE_TAG_RE.search(html, match.end())
        label = _table_label(html[match.end():end.start() if end else len(html)],
                             next(numbers) if tables > 1 else None)
        return (f'<div class="table-scroll" role="region" tabindex="0"'
                f' aria-label="{escape(label, quote=True)}">{tag}')

    return _BOX_RE.sub(box, html)


def _table_label(rest, number):
    """``Tabella[ n]: what it holds`` for the table whose own HTML after its tag (up to
    the next table tag) is ``rest``."""
    caption = _CAPTION_RE.search(rest)
    texts = [caption[1]] if caption else _HEADER_RE.findall(rest)
    words = [" ".join(unescape(TAG_RE.sub("", text)).split()) for text in texts]
    what = ", ".join(word for word in words if word)
    if len(what) > LABEL_LENGTH:
        what = what[:LABEL_LENGTH - 1].rstrip(" ,") + "…"
    name = "Tabella" if number is None else f"Tabella {number}"
    return f"{name}: {what}" if what else name


# A table cell's start tag as nh3 writes it (lowercase names, values in double quotes,
# ``"`` inside them as &quot;).
_CELL_RE = re.compile(r'<(t[dh])((?:\s+[^\s"\'>/=]+(?:="[^"]*")?)*)\s*>')
ALIGNMENTS = {"left", "center", "right", "justify"}


def aligned_cells(html):
    """The (sanitized) body with each table cell's ``align="right"`` (Markdown's ``--:``,
    or an editor's own) written as ``class="align-right"``, which the stylesheet aligns.
    ``align`` is obsolete in HTML (the W3C checker's error), and any rule of the
    stylesheet outranks it: the site's ``text-align: start`` for cells left every column
    at the start, whatever the editor asked. ``style=`` is no way either: the policy
    refuses inline styles. A value that is no alignment is dropped."""
    if "align=" not in html:  # most bodies: no table with aligned columns
        return html

    def cell(match):
        attributes = ATTRIBUTE_RE.findall(match[2])
        align = next((value for name, value in attributes if name == "align"), None)
        if align is None:
            return match[0]
        kept = [(name, value) for name, value in attributes if name != "align"]
        if align.strip().lower() in ALIGNMENTS:
            name = f"align-{align.strip().lower()}"
            classes = next((value for key, value in kept if key == "class"), None)
            kept = [(key, f"{value} {name}".strip() if key == "class" else value)
                    for key, value in kept] if classes is not None \
                else [*kept, ("class", name)]
        return start_tag(match[1], kept)

    return _CELL_RE.sub(cell, html)


def align_attributes(html):
    """``html`` (a body as published) with each table cell's ``align-…`` class
    (:func:`aligned_cells`) also written as ``align="…"``: for feed readers
    (plugins/feeds), which show an item without the site's stylesheet and align a cell by
    its attribute. The site's pages keep the class alone."""
    if not html or "align-" not in html:
        return html

    def cell(match):
        attributes = ATTRIBUTE_RE.findall(match[2])
        if any(name == "align" for name, _ in attributes):
            return match[0]
        classes = next((value.split() for name, value in attributes if name == "class"), [])
        align = next((name[len("align-"):] for name in classes
                      if name.startswith("align-") and name[len("align-"):] in ALIGNMENTS),
                     None)
        if align is None:
            return match[0]
        return start_tag(match[1], [*attributes, ("align", align)])

    return _CELL_RE.sub(cell, str(html))
