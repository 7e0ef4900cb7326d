"""The body's HTML: what an editor may write, and links and images that must work.

Markdown passes raw HTML through, so an article could carry a script, an event
handler or a ``javascript:`` link. The rendered HTML (what readers would get) is
checked against one allowlist, :data:`ALLOWED`: what Python-Markdown produces plus
what editors need (tables, ``<figure>``, ``<abbr>``, ``<details>``). Anything
outside it is a content error: the editor must know, so nothing is silently
stripped. The line is found by looking for the offending text in the Markdown
source. After the check, :func:`sanitize` runs the maintained sanitizer ``nh3``
with the same allowlist over the HTML, so what is published is within it even
if this checker missed something.

Also checked here: ``{static}``, ``{attach}`` and ``{filename}`` links point
inside ``content/`` at a file that exists (``{static}`` only into the folders
that are published), and every image has alternative text.
"""

import bisect
import functools
import re
from html import escape, unescape
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3
from markdown.extensions.fenced_code import FencedBlockPreprocessor
from markdown.util import BLOCK_LEVEL_ELEMENTS

from plugins.core.files import local_path
from plugins.core.urls import srcset_candidates

GLOBAL_ATTRIBUTES = {"id", "class", "title", "lang", "dir"}
ALLOWED = {
    # tag: attributes besides the global ones
    **{tag: set() for tag in (
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u",
        "s", "del", "ins", "mark", "small", "sub", "sup", "code", "pre", "kbd", "samp", "var",
        "span", "div", "ul", "dl", "dt", "dd", "figure", "figcaption", "table", "thead",
        "tbody", "tfoot", "tr", "caption", "summary", "cite", "section")},
    "a": {"href", "rel", "hreflang", "type", "download"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "th": {"colspan", "rowspan", "scope", "headers", "align"},
    "td": {"colspan", "rowspan", "headers", "align"},
    "col": {"span"}, "colgroup": {"span"},
    "abbr": {"title"}, "dfn": {"title"},
    "time": {"datetime"},
    "blockquote": {"cite"}, "q": {"cite"},
    "details": {"open"},
    "iframe": {"src", "width", "height", "allow", "allowfullscreen", "loading",
               "referrerpolicy"},
}
URL_ATTRIBUTES = {"href", "src", "cite"}
SCHEMES = {"http", "https", "mailto", "tel"}
# Pelican's intra-site links, in the rendered HTML: {static}/x, |filename|x ...
INTRASITE_RE = re.compile(r"\A[{|](?P<what>static|attach|filename)[|}](?P<target>.*)\Z")
# Any of Pelican's intra-site markers, wherever it is. Pelican's own pattern finds them
# in any attribute of a tag that also has a link attribute (``title="src='{static}/x'"``)
# and would publish the file: outside a link or an image's address, one is an error.
MARKER_RE = re.compile(r"[{|](?:static|attach|filename|index|tag|category|author)[|}]")
SCHEME_RE = re.compile(r"\A([a-z][a-z0-9+.\-]*):")
BLANKS_RE = re.compile(r"[\x00-\x20]+")


HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def url_scheme(value):
    """The scheme a browser would see in ``value`` (tabs, newlines, spaces ignored)."""
    match = SCHEME_RE.match(BLANKS_RE.sub("", value).lower())
    return match.group(1) if match else ""


class _Checker(HTMLParser):
    def __init__(self, iframe_hosts):
        super().__init__(convert_charrefs=True)
        self.iframe_hosts = set(iframe_hosts)
        self.found = []  # (needle to find in the source, message)
        self.links = []  # (what, target, needle); what "" for a plain local path
        self.images = []  # (src, alt or None, needle)
        self.headings = []  # (level, text)
        self.anchor = None  # the <a> open: [href, its text, named by an image's alt]
        self.heading = None  # the heading open: [level, its text]
        self.footnotes = False  # in Python-Markdown's footnotes, at the end of the HTML
        self.footnote = None  # the label of the footnote in them, [^label]

    def placed(self, needles):
        """``needles``, to be found in the definition of the footnote they are in."""
        return needles if self.footnote is None else InFootnote(self.footnote, needles)

    def problem(self, needle, message):
        self.found.append((self.placed(needle), message))

    def handle_starttag(self, tag, attrs):
        if tag == "div" and ("class", "footnote") in attrs:
            self.footnotes = True
        elif tag == "li" and self.footnotes:  # each footnote's (not a list's in one)
            self.footnote = next((value[3:] for name, value in attrs if name == "id"
                                  and (value or "").startswith("fn:")), self.footnote)
        if tag not in ALLOWED:
            self.problem(f"<{tag}", f"elemento HTML non ammesso: <{tag}>"
                                    f" / HTML element not allowed: <{tag}>")
            return
        allowed = ALLOWED[tag] | GLOBAL_ATTRIBUTES
        for name, value in attrs:
            value = value or ""
            # the attribute in this element (`align` is allowed in <td>, not in <p>),
            # else as written elsewhere; not the same word in the prose
            needles = (attribute_needle(tag, name), f"{name}=", name)
            marker = misplaced_marker(name, value)
            if marker:
                self.problem((marker, *needles), self.MARKER_MESSAGE.format(marker))
            if name.startswith("on"):
                self.problem(needles, f"attributo {name} non ammesso in <{tag}>: niente script"
                                   f" nel testo / event handler attribute not allowed")
            elif name not in allowed and not name.startswith("aria-"):
                self.problem(needles, f"attributo {name} non ammesso in <{tag}>"
                                   f" / attribute {name} not allowed in <{tag}>")
            elif name in URL_ATTRIBUTES or name == "srcset":
                for url in (_srcset_urls(value) if name == "srcset" else [value]):
                    self._check_url(tag, name, url)
        if tag == "img":
            attributes = dict(attrs)
            src = attributes.get("src") or ""
            self.images.append((src, attributes.get("alt"), self.placed(src)))
            if self.anchor is not None and (attributes.get("alt") or "").strip():
                self.anchor[2] = True
        elif tag == "a":
            attributes = dict(attrs)
            named = bool((attributes.get("aria-label") or "").strip())
            self.anchor = [attributes.get("href") or "", "", named]
        elif tag in HEADINGS:
            self.heading = [int(tag[1]), ""]

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "a":  # <a/>: nothing inside to name it, and nothing left open
            self.anchor = None
        elif tag in HEADINGS:
            self.heading = None

    def handle_data(self, data):
        if self.anchor is not None:
            self.anchor[1] += data
        if self.heading is not None:
            self.heading[1] += data

    def handle_endtag(self, tag):
        if tag == "a" and self.anchor is not None:
            href, text, named = self.anchor
            self.anchor = None
            if href and not text.strip() and not named:  # [](…): nothing to read or click
                self.problem((f"]({href}", href), f"link senza testo ({href}): scrivi tra le"
                             " parentesi quadre dove porta, [testo](…) / link without text")
        elif tag in HEADINGS and self.heading is not None:
            self.headings.append((self.heading[0], " ".join(self.heading[1].split())))
            self.heading = None

    def _check_url(self, tag, name, url):
        intrasite = INTRASITE_RE.match(url.strip())
        if intrasite:
            # the line: of the link as written first (`festa.md` alone is also found in
            # `{filename}la-festa.md`, on an earlier line), else of its target
            self.links.append((intrasite["what"], intrasite["target"],
                               self.placed((url.strip(), intrasite["target"]))))
            return
        scheme = url_scheme(url)
        if tag in ("a", "img") and local_path(url):
            # C:\Users\…, /Users/…, file:///…: a file on the editor's computer; the
            # checker says where to copy it and what to write
            self.links.append(("", url.strip(), self.placed((url.strip(),))))
            return
        if tag in ("a", "img") and not scheme and not browser_host(url) \
                and url.strip()[:1] not in ("", "#", "?"):
            # a path on this site written without {static} or {filename}: kept for the
            # checker, which knows which folders hold images, attachments and items
            self.links.append(("", url.strip(), self.placed((url.strip(),))))
        if tag == "a" and scheme in ("http", "https") and browser_host(url):
            # a full address: kept for the rule that knows the articles' addresses (the
            # site's own, copied from the browser: content_checks.rules.address_links)
            self.links.append(("web", url.strip(), self.placed((url.strip(),))))
        if tag == "iframe":
            host = browser_host(url)
            if scheme != "https" or host not in self.iframe_hosts:
                hosts = ", ".join(sorted(self.iframe_hosts))
                self.problem("<iframe", (
                    f"iframe da {host or url} non ammesso: sono ammessi solo video da {hosts}"
                    f" / iframe from {host or url} not allowed: only videos from {hosts}")
                    if self.iframe_hosts else
                    "iframe non ammessi (nessun sito video autorizzato) / iframe not allowed")
        elif tag == "img" and (scheme in ("http", "https", "data") or browser_host(url)):
            # the page would load it from elsewhere (and feed readers too): a request to
            # another host the site never makes; and its policy allows no data: images
            where = f"un indirizzo {scheme}:" if scheme == "data" else \
                f"un altro sito ({browser_host(url)})"
            self.problem((url.strip()[:40], f"{scheme}:" if scheme else url.strip()[:20]),
                         f"immagine da {where}: il sito non carica nulla da altri indirizzi:"
                         " salva l'immagine in immagini/ e inseriscila con {static}/immagini/…"
                         " / images from elsewhere are not allowed")
        elif scheme and scheme not in SCHEMES:
            # The source may spell the scheme with entities or tabs: its tail finds the line.
            needles = (f"{scheme}:", url.strip(), url.split(":", 1)[1].strip()[:40])
            self.problem(needles, f"indirizzo {scheme}: non ammesso in <{tag} {name}>"
                                  f" / {scheme}: URLs are not allowed")

    MARKER_MESSAGE = ("{0} può stare solo nell'indirizzo di un link o di un'immagine, non in"
                      " altri attributi o commenti / {0} only in a link's or an image's address")

    def handle_comment(self, data):
        marker = MARKER_RE.search(data)
        if marker:
            self.problem(("<!--", marker[0]), self.MARKER_MESSAGE.format(marker[0]))

    def handle_pi(self, data):
        self.problem("<?", "istruzione <?…?> non ammessa / processing instruction not allowed")

    def unknown_decl(self, data):
        self.problem("<![", "dichiarazione <![…]> non ammessa / declaration not allowed")

    def handle_decl(self, decl):
        self.problem("<!", f"dichiarazione <!{decl}> non ammessa / declaration not allowed")


@functools.lru_cache(maxsize=256)
def attribute_needle(tag, name):
    """The attribute ``name`` in a ``<tag …>`` of the source (its place: the name), for
    :class:`Lines`: between ``<`` and ``>``, so a long tag is read once per search."""
    return re.compile(rf"<{re.escape(tag)}(?![^\s/>])[^<>]*?(?<=[\s\"'/])"
                      rf"(?P<at>{re.escape(name)})(?=[\s=/>])", re.IGNORECASE)


def misplaced_marker(name, value):
    """The first of Pelican's link markers in the attribute ``name="value"`` that is not
    where a link's address begins (``href="{static}/x"`` is one; ``title="…{static}…"``
    or ``href="https://x/?src='{static}/y'"`` are not, and Pelican's pattern would take
    them for links and publish the file), or None."""
    starts = (_srcset_urls(value) if name == "srcset" else [value.strip()]) \
        if name in URL_ATTRIBUTES or name == "srcset" else []
    allowed = sum(1 for start in starts if MARKER_RE.match(start))
    markers = MARKER_RE.findall(value)
    return markers[allowed] if len(markers) > allowed else None


def browser_host(url):
    """The host a browser would load ``url`` from ("" when it has none, or hides it behind
    a user name: ``https://evil.example\\@allowed.example/`` is evil.example to a browser,
    which reads a backslash as a slash; Python's ``urlsplit`` says allowed.example)."""
    url = re.sub(r"[\t\n\r]", "", url.strip()).replace("\\", "/")
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        return ""
    return "" if "@" in parts.netloc else host


def _srcset_urls(value):
    return [address for address, _ in srcset_candidates(value)]


_BOX_RE = re.compile(r"<table\b[^>]*>|</table>|<pre\b[^>]*>", re.IGNORECASE)
# Where a table's own part ends: the next table's start or end tag (a nested table's
# headers name that table, not this one).
_TABLE_TAG_RE = re.compile(r"</?table\b", re.IGNORECASE)
_CAPTION_RE = re.compile(r"<caption\b[^>]*>(.*?)</caption>", re.IGNORECASE | re.DOTALL)
_HEADER_RE = re.compile(r"<th\b[^>]*>(.*?)</th>", re.IGNORECASE | re.DOTALL)
_TAG_RE = re.compile(r"<[^>]*>")
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
    words = [" ".join(unescape(_TAG_RE.sub("", text)).split()) for text in texts]
    what = ", ".join(word for word in words if word)
    if len(what) > LABEL_LENGTH:
        what = what[:LABEL_LENGTH - 1].rstrip(" ,") + "…"
    name = "Tabella" if number is None else f"Tabella {number}"
    return f"{name}: {what}" if what else name


class Lines:
    """Lines of needles in the Markdown ``source`` (case-insensitive; the first line is
    ``body_line``). Called with a needle (one text, or several tried in turn) it answers
    the line of its first place; called again with the same needle, the line of its next
    place: the fifth ``style=`` of a text pasted from a web page is named at its own line,
    not at the first one's (a needle asked more often than it is there: its last place).

    A needle is a text or a compiled expression (its group ``at``, else its match, is
    the place: :func:`attribute_needle`), or :class:`InFootnote` of needles. Places
    inside code (code spans, fenced blocks: text, not HTML nor links) are passed by, and
    so are footnote definitions, unless the needles are an :class:`InFootnote`, which are
    looked for in that definition only: Python-Markdown moves the footnotes to the end of
    the HTML, so the findings in one come after those of the text below it. A needle
    found only in those places (read otherwise than guessed here) is at its first place.

    The text is lowered and its line breaks, code and footnotes found once, at the first
    question, and shared with the cursors :meth:`another` makes: most texts are never
    asked."""

    def __init__(self, source, body_line, shared=None):
        self.source = source
        self.body_line = body_line
        self.shared = {} if shared is None else shared  # "lowered", "breaks", regions
        # (footnote, needle) -> (where to look next, its last place); needle: lower case
        self.after = {}
        self.anywhere = {}  # needle -> its first place in the whole text, or -1

    def another(self):
        """A cursor of its own on the same text."""
        return Lines(self.source, self.body_line, self.shared)

    def _text(self):
        if not self.shared:
            lowered = self.source.lower()
            code, footnotes = _literal_regions(lowered)
            self.shared.update(
                lowered=lowered, footnotes=footnotes,
                breaks=[match.start() for match in re.finditer("\n", lowered)],
                code=_Regions(code), outside=_Regions(code + list(footnotes.values())))
        return self.shared

    def __call__(self, needles):
        text = self._text()
        lowered = text["lowered"]
        footnote = None
        if isinstance(needles, InFootnote):
            footnote, needles = needles.label.lower(), needles.needles
        needles = list(_as_written([needles] if isinstance(needles, (str, re.Pattern))
                                   else needles))
        if footnote is None:
            begin, end, skip = 0, len(lowered), text["outside"]
        else:  # a definition not found (written otherwise than guessed): the whole text
            begin, end = text["footnotes"].get(footnote, (0, len(lowered)))
            skip = text["code"]
        for needle in needles:
            key = (footnote, needle.lower() if isinstance(needle, str) else needle)
            start, last = self.after.get(key, (begin, -1))
            position, after = _find(lowered, key[1], start, end, skip)
            if position >= 0:
                self.after[key] = (after, position)
            else:  # no place after: not looked for again (a needle that is nowhere, asked
                self.after[key] = (end, last)  # for each of 20,000 links)
                position = last
            if position >= 0:
                return self._line(position)
        for needle in needles:
            key = needle.lower() if isinstance(needle, str) else needle
            if key not in self.anywhere:
                self.anywhere[key] = _find(lowered, key, 0, len(lowered), None)[0]
            if self.anywhere[key] >= 0:
                return self._line(self.anywhere[key])
        return None

    def _line(self, position):
        return self.body_line + bisect.bisect_left(self.shared["breaks"], position)


class InFootnote:
    """``needles`` found in the definition of the footnote ``label`` (``[^label]: …``)."""

    def __init__(self, label, needles):
        self.label = label
        self.needles = needles


def _find(lowered, needle, start, end, skip):
    """``(place, where to look next)`` of the first ``needle`` (lower case, or an
    expression) in ``lowered[start:end]`` outside the regions ``skip``; ``(-1, -1)``."""
    while True:
        if isinstance(needle, str):
            position = lowered.find(needle, start, end)
            if position < 0:
                return -1, -1
            after = position + len(needle)
        else:
            match = needle.search(lowered, start, end)
            if match is None:
                return -1, -1
            position = match.start("at") if "at" in needle.groupindex else match.start()
            after = match.end()
        inside = skip.end_around(position) if skip is not None else None
        if inside is None:
            return position, after
        start = inside  # each region passed once: the search goes forward


class _Regions:
    """Sorted, disjoint ``(start, end)`` regions of a text."""

    def __init__(self, regions):
        merged = []
        for start, end in sorted(regions):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [start for start, _ in merged]
        self.ends = [end for _, end in merged]

    def end_around(self, position):
        """The end of the region holding ``position``, or None."""
        index = bisect.bisect_right(self.starts, position) - 1
        return self.ends[index] if index >= 0 and position < self.ends[index] else None


# Python-Markdown's fenced code block (markdown.extensions.fenced_code) and footnote
# definition (markdown.extensions.footnotes)
_FENCE_RE = FencedBlockPreprocessor.FENCED_BLOCK_RE
_FENCE_START_RE = re.compile(r"^(?:`{3,}|~{3,})", re.MULTILINE)
_FOOTNOTE_RE = re.compile(r"^[ ]{0,3}\[\^([^\]]*)\]:", re.MULTILINE)
_BLANK_LINES_RE = re.compile(r"\n(?:[ \t]*\n)+")  # what ends a block
_BLANK_START_RE = re.compile(r"(?:[ \t]*\n)*")
_TICKS_RE = re.compile(r"(?<!\\)`+|(?<=\\)`(`*)")
# a block-level tag where Python-Markdown begins an HTML block (its html_block)
_HTML_BLOCK_RE = re.compile(rf"^[ ]{{0,3}}<({'|'.join(BLOCK_LEVEL_ELEMENTS)})(?![^\s/>])",
                            re.MULTILINE)


def _literal_regions(text):
    """``(code, footnotes)`` of a Markdown text as Python-Markdown reads it: ``code`` the
    ``(start, end)`` of its fenced code blocks and code spans, ``footnotes`` ``{label:
    (start, end)}`` of its footnote definitions (``[^label]:`` and the lines and the
    indented blocks that follow it; the last of a label, the one Python-Markdown shows).
    Near enough (not indented code blocks; no code span in an HTML block), in one pass."""
    code, footnotes = [], {}
    fences = _fences(text)
    code += fences
    # the text between the fences: Python-Markdown reads them first
    for piece_start, piece_end in zip([0] + [end for _, end in fences],
                                      [start for start, _ in fences] + [len(text)]):
        note = None  # the footnote open: [label, start, end]
        html = _html_blocks(text, piece_start, piece_end)
        for start, end in _blocks(text, piece_start, piece_end):
            for part_start, part_end in _outside(start, end, html):
                code += _code_spans(text, part_start, part_end)
            indented = text.startswith(("    ", "\t"), start)
            if note is not None and not indented:
                footnotes[note[0]] = (note[1], note[2])
                note = None
            if note is None and indented:
                continue  # a list's, or code: not a definition's
            for definition in _FOOTNOTE_RE.finditer(text, start, end):
                if note is not None:  # one definition ends where the next begins
                    footnotes[note[0]] = (note[1], definition.start())
                note = [definition[1], definition.start(), end]
            if note is not None:
                note[2] = end
        if note is not None:
            footnotes[note[0]] = (note[1], note[2])
    return code, footnotes


def _html_blocks(text, start, end):
    """``(start, end)`` of the HTML blocks of ``text[start:end]`` (lower case), HTML that
    Python-Markdown leaves as it is (a backtick there is no code span: `e``, typed for
    `è`, in a text pasted from a web page): from a block-level tag at a line's start to
    the end of the line of its end tag (nested ones counted), or to the end."""
    blocks = []
    while True:
        opening = _HTML_BLOCK_RE.search(text, start, end)
        if opening is None:
            return blocks
        stop, depth = end, 0
        closed = text.find(">", opening.end(), end)
        if opening[1] == "hr" or (closed > 0 and text[closed - 1] == "/"):  # <hr>, <div/>
            stop = _line_end(text, opening.end(), end)
        else:
            for tag in _tag_re(opening[1]).finditer(text, opening.start(), end):
                depth += -1 if tag[1] else 1
                if not depth:
                    stop = _line_end(text, tag.end(), end)
                    break
        blocks.append((opening.start(), stop))
        start = stop


def _line_end(text, position, end):
    found = text.find("\n", position, end)
    return end if found < 0 else found


@functools.lru_cache(maxsize=64)
def _tag_re(name):
    """A start or end tag ``name`` (group 1: ``/`` for an end tag)."""
    return re.compile(rf"<(/?){re.escape(name)}(?![^\s/>])")


def _outside(start, end, regions):
    """The parts of ``start``-``end`` outside ``regions`` (sorted, disjoint)."""
    for index in range(max(bisect.bisect_right(regions, (start,)) - 1, 0), len(regions)):
        region_start, region_end = regions[index]
        if region_start >= end:
            break
        if region_start > start:
            yield start, region_start
        start = max(start, region_end)
    if start < end:
        yield start, end


def _fences(text):
    """``(start, end)`` of the fenced code blocks of ``text``, as Python-Markdown's
    expression finds them; each tried only up to the first line that could close it (the
    expression alone reads the rest of the text for each opening that no line closes)."""
    openings, closings = [], {}  # fence -> the starts of the lines that are that alone
    for match in _FENCE_START_RE.finditer(text):
        end = text.find("\n", match.end())
        end = len(text) if end < 0 else end
        openings.append((match.start(), match[0]))
        if not text[match.end():end].strip(" "):
            closings.setdefault(match[0], []).append((match.start(), end))
    fences, after = [], 0
    for start, fence in openings:
        candidates = closings.get(fence, [])
        index = bisect.bisect_right(candidates, (start, len(text)))
        if start < after or index == len(candidates):
            continue
        block = _FENCE_RE.match(text, start, candidates[index][1])
        if block:
            fences.append(block.span())
            after = block.end()
    return fences


def _blocks(text, start, end):
    """``(start, end)`` of the blocks of ``text[start:end]``: lines between blank lines."""
    for blank in _BLANK_LINES_RE.finditer(text, start, end):
        start = _BLANK_START_RE.match(text, start, blank.start()).end()
        if start < blank.start():
            yield start, blank.start()
        start = blank.end()
    start = _BLANK_START_RE.match(text, start, end).end()
    if text[start:end].strip():
        yield start, end


def _code_spans(text, start, end):
    """The code spans of the block ``text[start:end]``: a run of backticks (not one
    escaped by a backslash) to the next run of as many. Python-Markdown also pairs a run
    with a shorter one when no run as long follows; not here (a text of unpaired
    backticks, a mistake, is then read as no code)."""
    runs = [(match.start() + (1 if match.group(1) is not None else 0), match.end())
            for match in _TICKS_RE.finditer(text, start, end)]
    following = {}  # length -> indexes of the runs that long, last first
    for index in range(len(runs) - 1, -1, -1):
        following.setdefault(runs[index][1] - runs[index][0], []).append(index)
    spans, index = [], 0
    while index < len(runs):
        opening = runs[index]
        length = opening[1] - opening[0]
        later = following[length]
        while later and later[-1] <= index:
            later.pop()
        if length and later:
            closing = runs[later[-1]]
            spans.append((opening[0], closing[1]))
            index = later[-1] + 1
        else:
            index += 1
    return spans


def _as_written(needles):
    """Each needle, then (holding ``&``) as HTML writes it: the HTML read an address's
    ``&amp;`` as ``&`` (``<a href="foto.jpg?w=1&amp;h=2">`` pasted from a web page)."""
    for needle in needles:
        if needle:
            yield needle
            if isinstance(needle, str) and "&" in needle:
                yield escape(needle, quote=False)


def find_line(source, needles, body_line):
    """The line of the first case-insensitive needle found in the Markdown ``source``
    (``needles``: one text, or several tried in turn)."""
    return Lines(source, body_line)(needles)


def check_html(html, *, iframe_hosts=()):
    """``(problems, links, images, headings)`` for rendered HTML: problems are (needle,
    message); links (what, target, needle); images (src, alt, needle); headings (level,
    text), for :func:`heading_warnings`. Needles are for :class:`Lines`."""
    checker = _Checker(iframe_hosts)
    checker.feed(html)
    checker.close()
    return checker.found, checker.links, checker.images, checker.headings


def heading_warnings(headings):
    """``[(needle, message)]`` about a body's headings: the page's title is its only level 1
    (``#``), and the levels go down one at a time from there (``##``, then ``###``): a
    screen reader's list of headings is the page's outline."""
    found, previous = [], 1
    for level, text in headings:
        needle = ("#" * level + " " + text, text) if text else None
        if level == 1:
            found.append((needle, f"titolo di primo livello nel testo («{text}»): la pagina ha"
                                  " già il suo titolo, usa ## / level-1 heading in the body"))
        elif level > previous + 1:
            found.append((needle, f"il titolo «{text}» è di livello {level} dopo uno di livello"
                                  f" {previous}: usa {'#' * (previous + 1)}, senza saltare"
                                  " livelli / heading level skipped"))
        previous = level
    return found


def sanitize(html, iframe_hosts=()):
    """``html`` through nh3 with :data:`ALLOWED`: the published body is within the allowlist."""
    attributes = {tag: (names | GLOBAL_ATTRIBUTES) for tag, names in ALLOWED.items()}
    return nh3.clean(
        html, tags=set(ALLOWED), attributes=attributes, url_schemes=SCHEMES,
        link_rel=None, strip_comments=True, generic_attribute_prefixes={"aria-"},
        attribute_filter=_keep_attribute(set(iframe_hosts)),
    )


def _keep_attribute(iframe_hosts):
    def keep(tag, name, value):
        if tag == "iframe" and name == "src":
            return value if url_scheme(value) == "https" and \
                browser_host(value) in iframe_hosts else None
        if tag == "img" and name in ("src", "srcset") and any(
                url_scheme(url) in ("http", "https", "data") or browser_host(url)
                for url in (_srcset_urls(value) if name == "srcset" else [value])):
            return None  # never loaded from another host
        if misplaced_marker(name, value):
            return None  # Pelican would take it for a link and publish its file
        return value
    return keep
