"""Italian apostrophes, fixed before SmartyPants/typogrify see them.

SmartyPants reads ``anni '80`` and ``sull'8 marzo`` as opening quotes (‘80,
sull‘8). In Italian both are elisions and take the apostrophe ’ (U+2019).
The Markdown extension also marks known English terms with ``lang="en"`` so
screen readers pronounce them right (WCAG 3.1.2).
"""

import functools
import re
import xml.etree.ElementTree as etree
from html import escape, unescape

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup
from markupsafe import escape as escape_markup

from .words import di

APOSTROPHE = "\u2019"
# Both patterns start with the apostrophe itself, the lookbehind after it: a pattern
# that starts with a literal is searched for that character, one that starts with a
# lookbehind tries it at every position (15 to 40 times slower on a paragraph).
# l'attività, sull'8, po', l'"estate", dell'«Unione»  (a letter before the apostrophe)
_ELISION = re.compile(r"'(?<=[^\W\d_]')(?=[\w\s\"“«]|$)")
# l’"estate": a quote right after an elision opens (SmartyPants would close it: ”estate”)
_QUOTE_AFTER_ELISION = re.compile("\u2019\"(?=\\w)")  # not 'casa'". (a closing one)
# anni '80, nel '900, ('80), '20-'30: an apostrophe opening a number, after a space, "(",
# a dash, a slash or nothing
_YEAR = re.compile(r"'(?<![^\s(\-\u2013/]')(?=\d{2,3}\b)")

SKIP_TAGS = {"code", "pre", "kbd", "samp", "script", "style"}


def fix_apostrophes(text: str) -> str:
    """Replace ASCII apostrophes that are Italian elisions with ’."""
    if "'" not in text:
        return text
    text = _YEAR.sub(APOSTROPHE, _ELISION.sub(APOSTROPHE, text))
    return _QUOTE_AFTER_ELISION.sub(APOSTROPHE + "\u201c", text) if '"' in text else text


# A name of two capitalised words joined by a hyphen (Patti Gener-Attivi, Emilia-Romagna):
# a line that ended after "Gener-" cut the project's own name in two, on the home page's
# cards. Kept together (COMPOUND_SPAN, an inline block: moved to the next line whole, and
# still broken at its hyphen where one line cannot hold it, at 400 % zoom on a phone).
# Names of three parts or more (Crema-Cremona-Casalmaggiore) break as any words do.
_CAPITAL = "A-ZÀ-ÖØ-Þ"
_COMPOUND_NAME = re.compile(
    rf"([{_CAPITAL}](?<![\w-][{_CAPITAL}])[^\W\d_]*-[{_CAPITAL}][^\W\d_]*)(?![\w-])")
COMPOUND_CLASS = "nome-composto"
# What the span holds with the name: a line may break before and after an inline block,
# whatever the characters around it, and "Gener-Attivo" + ": come prepararla" began a
# line with the colon; so the punctuation glued to the name goes into the span: closing
# after it, opening before it. Characters or, in an escaped title that SmartyPants has
# curled, their references. (Not an elided word before it: "dell’" may end a line, and
# "dell’Emilia-Romagna" was too wide to stay whole on a phone's line at 200 %.)
_CLOSING = re.compile(r"(?:[:;,.!?…»”’)\]]|&#8221;|&#8217;|&#8230;|&#187;)+")
_OPENING = re.compile(r"(?:[«“‘(\[]|&#8220;|&#8216;|&#171;)*\Z")
_REACH = 24  # characters before a name that _OPENING looks at


def name_spans(text):
    """``[(start, end)]`` of each hyphenated name in ``text`` (:data:`_COMPOUND_NAME`)
    with the punctuation glued to it."""
    spans = []
    for match in _COMPOUND_NAME.finditer(text):
        start, end = match.span()
        closing = _CLOSING.match(text, end)
        end = closing.end() if closing else end
        window = max(start - _REACH, spans[-1][1] if spans else 0)
        opening = _OPENING.search(text, window, start)
        if opening is not None:
            start = opening.start()
        spans.append((start, end))
    return spans


def _split_names(text):
    """``[text, name, text, name, …, text]``: :func:`name_spans`' pieces of ``text``."""
    parts, at = [], 0
    for start, end in name_spans(text):
        parts += [text[at:start], text[start:end]]
        at = end
    return [*parts, text[at:]]


def keep_names_whole(html):
    """``html``, a text without tags but the terms' spans (an item's title, escaped), with
    each hyphenated name (:func:`name_spans`) in a span the stylesheet keeps whole."""
    if not html or "-" not in html:
        return html
    parts = _split_names(html)
    return "".join(part if index % 2 == 0 else f'<span class="{COMPOUND_CLASS}">{part}</span>'
                   for index, part in enumerate(parts))


_COMPOUND_SPAN_RE = re.compile(f'<span class="{COMPOUND_CLASS}">([^<]*)</span>')
# A proper name's span (:func:`mark_names`): what a browser's page translation leaves as
# it is (Google Translate, Chrome, Edge, Safari honour the attribute)
NO_TRANSLATE = {"translate": "no"}
_NO_TRANSLATE_SPAN = '<span translate="no">'
_NO_TRANSLATE_SPAN_RE = re.compile('<span translate="no">([^<]*)</span>')


def without_name_spans(html):
    """``html`` without the spans of :func:`keep_names_whole` and :func:`mark_names`
    (their text kept): for feeds, read without the site's stylesheet and translated, if
    at all, by the reader's own app, where they are only noise."""
    if not html or (COMPOUND_CLASS not in html and _NO_TRANSLATE_SPAN not in html):
        return html
    # the compound names first: they are inside the proper names' spans, never around
    return _NO_TRANSLATE_SPAN_RE.sub(r"\1", _COMPOUND_SPAN_RE.sub(r"\1", str(html)))


# A hyphenated word a proper name is part of ("Crema-Cremona-Casalmaggiore"): the whole
# word goes in the name's span, which keeps a compound name's own span inside it
_JOINED_BEFORE = re.compile(r"(?:[^\W_]+-)+\Z")
_JOINED_AFTER = re.compile(r"(?:-[^\W_]+)+")


def proper_name_spans(text, names):
    """``[(start, end)]`` of each of ``names`` (the site's ``ITALIAN_PROPER_NAMES``) in
    ``text``: capitalised as written, a whole word ("Crema", not the cream of "crema",
    nor "Cremasco"), with the hyphenated word it is part of and, then, the punctuation
    glued to that word (as :func:`name_spans` has it, so a compound name's span inside
    holds it too)."""
    pattern = _cached_terms_pattern(tuple(names or ()))
    if pattern is None or not text:
        return []
    spans = []
    for match in pattern.finditer(text):
        start, end = match.span()
        if spans and start < spans[-1][1]:
            continue  # inside the hyphenated word of the last one
        after = _JOINED_AFTER.match(text, end)
        end = after.end() if after else end
        window = spans[-1][1] if spans else 0
        before = _JOINED_BEFORE.search(text, window, start)
        start = before.start() if before else start
        if "-" in text[start:end]:
            closing = _CLOSING.match(text, end)
            end = closing.end() if closing else end
            opening = _OPENING.search(text, max(start - _REACH, window), start)
            start = opening.start() if opening is not None else start
        spans.append((start, end))
    return spans


def _split_proper_names(text, names):
    """``[text, name, text, name, …, text]``: :func:`proper_name_spans`' pieces."""
    parts, at = [], 0
    for start, end in proper_name_spans(text, names):
        parts += [text[at:start], text[start:end]]
        at = end
    return [*parts, text[at:]]


def mark_names(html, names):
    """``html``, a text without tags (an item's title, escaped), with each of ``names``
    in ``<span translate="no">``: a browser's page translation read the town of Crema as
    "Cream" and the project's "Patti Gener-Attivi" as "Gener-Active Pacts". Before
    :func:`keep_names_whole` and :func:`mark_terms`, which then work inside the span."""
    if not html or not names:
        return html
    parts = _split_proper_names(html, names)
    return "".join(part if index % 2 == 0 else f"{_NO_TRANSLATE_SPAN}{part}</span>"
                   for index, part in enumerate(parts))


def _terms_pattern(terms):
    r"""``\b(term|term)\b``, written so the regex engine can look for the terms' first
    characters: the opening word boundary is checked after the first character (a
    pattern starting with ``\b`` is tried at every position, 50 times slower)."""
    if not terms:
        return None
    alternatives = []
    for term in sorted(terms, key=len, reverse=True):
        first = re.escape(term[0])
        boundary = f"(?<!\\w{first})" if re.match(r"\w", term[0]) else f"(?<=\\w{first})"
        alternatives.append(first + boundary + re.escape(term[1:]))
    return re.compile("(" + "|".join(alternatives) + r")\b")


@functools.lru_cache(maxsize=8)
def _cached_terms_pattern(terms):
    return _terms_pattern(terms)


def mark_terms(html, terms):
    """``html``, a text without tags (an item's title, escaped), with each of ``terms`` in
    ``<span lang="en">``: the Markdown extension below does it for bodies and leads, and
    a title showed "Civic Center" to a screen reader as Italian words (WCAG 3.1.2)."""
    pattern = _cached_terms_pattern(tuple(terms or ()))
    if pattern is None or not html:
        return html
    return pattern.sub(r'<span lang="en">\1</span>', html)


def in_english(text, terms, names=()):
    """``text``, a plain name (a tag's), escaped, with each of ``names`` in
    ``<span translate="no">`` (:func:`mark_names`), each of ``terms`` in
    ``<span lang="en">`` and each hyphenated name kept whole (:func:`keep_names_whole`:
    a tag's pill ended a line with "Patti Gener-" at 200 % text on a phone): the
    ``inglese`` Jinja filter, for the names templates show as HTML (a tag "Civic Center"
    in a list, a heading, a breadcrumb)."""
    html = mark_names(str(escape_markup(text)), tuple(names or ()))
    return Markup(mark_terms(keep_names_whole(html), tuple(terms or ())))


def author_name(text, terms, names=()):
    """``text``, an author's name, as :func:`in_english` shows a name, and a person's name
    whole in ``<span translate="no">``: a browser's page translation reads a name word by
    word where its words are words too ("Rossi", "Bianchi", "Della Valle"), as it read
    the town of Crema as "Cream". A
    collective author whose name starts with a common noun (:data:`.words.ARTICLES`, which
    give it its article: "della Redazione", "dell’Ufficio stampa del Comune di Crema") is
    words a reader wants translated ("Editorial staff"), its proper names marked as in any
    text. The ``autore`` Jinja filter, for an author's name shown as HTML (the meta line,
    an author's page, the index of authors)."""
    if di(text) != "di ":
        return in_english(text, terms, names)
    html = keep_names_whole(str(escape_markup(text)))
    return Markup(f"{_NO_TRANSLATE_SPAN}{mark_terms(html, tuple(terms or ()))}</span>")


class ItalianTypography(Treeprocessor):
    """Fix apostrophes, mark proper names and English terms in every text node outside
    code."""

    def __init__(self, md, terms, names=()):
        super().__init__(md)
        self.terms = _terms_pattern(terms)
        self.names = tuple(names or ())
        self.names_pattern = _terms_pattern(self.names)

    def run(self, root):
        # One look at all the text first (each node on a line of its own, so a term
        # cannot match across two): most documents need one of the passes, or none.
        text = "\n".join(root.itertext())
        apostrophes = "'" in text
        terms = self.terms is not None and self.terms.search(text) is not None
        names = "-" in text and _COMPOUND_NAME.search(text) is not None
        proper = self.names_pattern is not None and self.names_pattern.search(text) is not None
        if not (apostrophes or terms or names or proper):
            return
        code = set()  # elements inside code: their text and tails are left as they are
        for element in root.iter():
            if element.tag in SKIP_TAGS and element not in code:
                code.update(element.iter())
                code.discard(element)  # its tail is outside
        text_nodes = [element for element in root.iter() if element not in code]
        if apostrophes:
            for element in text_nodes:
                if element.tag not in SKIP_TAGS and element.text and "'" in element.text:
                    element.text = fix_apostrophes(element.text)
                if element is not root and element.tail and "'" in element.tail:
                    element.tail = fix_apostrophes(element.tail)
        # the proper names first, then the hyphenated names and the terms inside or outside
        # them (the compound names and the terms do not hold each other: the spans each of
        # those passes adds are not visited by the next, their tails are)
        if proper:
            def split(text):
                return _split_proper_names(text, self.names)
            kept = set()  # inside an editor's own translate="no": nothing to add
            for element in root.iter():
                if element.get("translate") == "no" and element not in kept:
                    kept.update(element.iter())
            for element in text_nodes:
                if element.tag not in SKIP_TAGS and element not in kept:
                    _wrap(element, split, NO_TRANSLATE)
            text_nodes = [element for element in root.iter() if element not in code]
        if names:
            for element in text_nodes:
                if element.tag not in SKIP_TAGS:
                    _wrap(element, _split_names, {"class": COMPOUND_CLASS})
        if terms:  # after the apostrophes: the spans it adds are not visited
            for element in text_nodes:
                if element.tag not in SKIP_TAGS and element.get("lang") is None:
                    _wrap(element, self.terms.split, {"lang": "en"})


def _wrap(element, split, attributes):
    """Wrap what ``split`` finds in ``element``'s own text nodes in spans with
    ``attributes`` (``split(text)``: ``[text, found, text, found, …, text]``, as a pattern
    of one group splits); not in the tails of spans of the same kind (added already)."""
    if element.text:
        spans = _split(element.text, split, attributes)
        if spans:
            element.text = spans[0]
            for index, span in enumerate(spans[1:]):
                element.insert(index, span)
    for child in list(element):
        if child.tail and not (child.tag == "span" and child.attrib == attributes):
            spans = _split(child.tail, split, attributes)
            if spans:
                child.tail = spans[0]
                position = list(element).index(child) + 1
                for offset, span in enumerate(spans[1:]):
                    element.insert(position + offset, span)


def _split(text, split, attributes):
    """Return [leading text, span, span, ...] or None when ``split`` finds nothing."""
    parts = split(text)
    if len(parts) == 1:
        return None
    lead, spans = parts[0], []
    # parts alternate: text, found, text, found, text
    for found, tail in zip(parts[1::2], parts[2::2]):
        span = etree.Element("span", dict(attributes))
        span.text = found
        span.tail = tail
        spans.append(span)
    return [lead, *spans]


# A footnote reference's name (its text is the note's number alone)
NOTE_REFERENCE_NAME = "Nota {}"


class FootnoteLinks(Treeprocessor):
    """A footnote's links named in words. The link back to the text, by its title ("Torna
    al richiamo della nota 1 nel testo", pelicanconf's BACKLINK_TITLE): its text is the
    arrow "↩", which was its name, what a screen reader's list of links showed; the title
    alone is only a description, read after it if at all. The reference in the text, "Nota
    1" (:data:`NOTE_REFERENCE_NAME`): its text is the number, and a list of links read "1",
    "2", which say nothing out of context."""

    def run(self, root):
        for link in root.iter("a"):
            kind = link.get("class")
            if kind == "footnote-backref" and link.get("title"):
                link.set("aria-label", link.get("title"))
            elif kind == "footnote-ref" and (link.text or "").strip():
                link.set("aria-label", NOTE_REFERENCE_NAME.format(link.text.strip()))


class ItalianTypographyExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"terms": [[], "English terms to mark with lang=en"],
                       "names": [[], "proper names to mark with translate=no"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        # Priority 5: after the inline patterns (20), so text nodes are final.
        md.treeprocessors.register(
            ItalianTypography(md, self.getConfig("terms"), self.getConfig("names")),
            "italian_typography", 5
        )
        # after the footnotes' own treeprocessor (50), which writes the links back, and
        # the inline one (20), which writes the references
        md.treeprocessors.register(FootnoteLinks(md), "footnote_links", 4)


def makeExtension(**kwargs):  # noqa: N802 - Markdown's entry point name
    return ItalianTypographyExtension(**kwargs)


# --- Curly quotes, dashes and ellipses (typogrify's smartypants) ----------------------
# What smartypants can change; a text without any of these is returned as it is.
_SMARTYPANTS_INPUT = re.compile(r"['\"`]|--|\.\.\.|\. \. \.|&quot;|&#39;")


def typeset(text):
    """Plain text -> plain text with the site's typography (apostrophes, then curly
    quotes, dashes and ellipses), for values shown as text: attachment titles and
    descriptions (templates escape them)."""
    if not text:
        return text
    return unescape(smarten(escape(fix_apostrophes(text), quote=False)))


def smarten(html):
    """Typography for HTML: curly quotes, ``--`` as an en dash, ``---`` as an em dash, ….

    The same pass Pelican's ``TYPOGRIFY`` runs (typogrify with its amp, caps,
    initial-quotes and widont filters off, smartypants' "oldschool" dashes, ``&quot;``
    converted), done once per text by the reader, so it is cached with the content
    and skipped where it would change nothing.
    """
    if not _SMARTYPANTS_INPUT.search(html):
        return html
    import smartypants  # noqa: PLC0415
    from typogrify.filters import typogrify  # noqa: PLC0415

    smartypants.Attr.default = smartypants.Attr.set2 | smartypants.Attr.w
    return typogrify(html, [], amp=False, caps=False, initial_quotes=False, widont=False)
