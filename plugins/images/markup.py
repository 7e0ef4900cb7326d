"""Finding and rewriting ``<img>`` tags in an item's HTML (pure functions).

The body is edited where Pelican keeps it raw (``item._content``), while
``{static}`` links are still unresolved: ``src`` keeps its ``{static}/…`` form,
so Pelican still resolves it and publishes the original (plugins/static_assets
publishes images that a written item links). The variants' URLs are written
whole (Pelican resolves ``{static}`` in ``src``, not in ``srcset``). A picture
linked with ``{attach}``, Pelican's other form for a static file, is the same: this
site publishes it at its ``{static}`` address (plugins/static_assets gives every
published file its address before any link is resolved, so Pelican's ``{attach}``
cannot move it next to the item: it falls back to that address).

Tags are found with ``html.parser`` at their exact offsets (not a regular
expression: ``alt="a > b"`` is fine) and only the tags of local raster images
are rewritten; the rest of the text is left byte for byte.
"""

import re
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

from plugins.core.urls import content_path

# {attach} too: published at the {static} address here (the docstring)
STATIC_PREFIXES = ("{static}", "|static|", "{attach}", "|attach|")
RASTER = (".jpg", ".jpeg", ".png", ".webp")
# Attributes this plugin sets, in this order after the editor's own.
OWN = ("width", "height", "srcset", "sizes", "loading", "decoding", "fetchpriority")
IMG_RE = re.compile(r"<img\b", re.IGNORECASE)  # whether there is any tag to parse


@dataclass(frozen=True)
class Picture:
    """What an ``<img>`` of one image gets: its size and, with variants, srcset and sizes."""

    src: str  # the original's URL (covers) or {static} link (bodies keep their own)
    width: int
    height: int
    srcset: str = ""
    sizes: str = ""
    # a cover's copy for link previews (variants.share): its path in the output and size
    share: str = ""
    share_width: int = 0
    share_height: int = 0


class _ImageTags(HTMLParser):
    """``(start, end, attrs)`` of every ``<img>`` in an HTML fragment."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.line_starts = [0]
        self.line_starts += [i + 1 for i, char in enumerate(text) if char == "\n"]
        self.found = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            line, column = self.getpos()
            start = self.line_starts[line - 1] + column
            self.found.append((start, start + len(self.get_starttag_text()), attrs))

    handle_startendtag = handle_starttag


def image_tags(html):
    if not html or not IMG_RE.search(html):  # most bodies have none: no parse
        return []
    return _ImageTags(html).found


def lazy(html):
    """Whether an HTML fragment shows an image loaded lazily (``loading="lazy"``: ours,
    or the editor's own)."""
    return any((dict(attrs).get("loading") or "").strip().lower() == "lazy"
               for _, _, attrs in image_tags(str(html or "")))


def static_source(src, relative_dir):
    """The content-relative path of a ``{static}`` (or ``{attach}``) raster image, or
    None."""
    src = (src or "").strip()
    prefix = next((p for p in STATIC_PREFIXES if src.startswith(p)), None)
    if prefix is None:
        return None
    path = content_path(src[len(prefix):], relative_dir)
    return path if path is not None and path.lower().endswith(RASTER) else None


def sources(html, relative_dir):
    """Every ``{static}`` (or ``{attach}``) raster image an HTML fragment shows, in
    order."""
    found = []
    for _, _, attrs in image_tags(html):
        source = static_source(dict(attrs).get("src"), relative_dir)
        if source:
            found.append(source)
    return found


def tag(attrs):
    """``<img …>`` from ``[(name, value)]``; values escaped, ``None`` as a bare name."""
    parts = [name if value is None else f'{name}="{escape(str(value), quote=True)}"'
             for name, value in attrs]
    return "<img " + " ".join(parts) + ">"


def attributes(attrs, picture, eager):
    """The editor's attributes (theirs first) with the picture's size, srcset and loading."""
    mine = {"width": str(picture.width), "height": str(picture.height)}
    if picture.srcset:
        mine.update(srcset=picture.srcset, sizes=picture.sizes)
    if not eager:
        mine["loading"] = "lazy"
    mine["decoding"] = "async"
    kept = [(name, value) for name, value in attrs if name not in OWN]
    return kept + [(name, mine[name]) for name in OWN if name in mine]


def rewrite(html, relative_dir, pictures, eager_first):
    """``html`` with every ``{static}`` (or ``{attach}``) raster ``<img>`` found in
    ``pictures`` rewritten.

    ``pictures``: content-relative path -> :class:`Picture`. The first image is
    loaded at once when ``eager_first`` (it may be the largest thing on screen);
    the others lazily, when the reader scrolls near them.
    """
    html = str(html)  # a Markup's slices are Markup: joined with a str, they would be escaped
    pieces, last = [], 0
    for number, (start, end, attrs) in enumerate(image_tags(html)):
        source = static_source(dict(attrs).get("src"), relative_dir)
        picture = pictures.get(source) if source else None
        if picture is not None:
            eager = eager_first and number == 0
            pieces += [html[last:start], tag(attributes(attrs, picture, eager))]
            last = end
    return "".join(pieces) + html[last:] if pieces else html
