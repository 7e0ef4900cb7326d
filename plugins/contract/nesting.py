"""HTML that nests too deep, or leaves too many inline elements open, for the sanitizer.

nh3 (html5ever) builds a body's tree as a browser does, and some shapes of raw HTML
make that slow beyond any file's size, in native code no time limit can stop:
``<div>`` inside ``<div>`` 100,000 deep (a 1 MB file) took 12 s, and inline elements
left open then closed by a block around them (``<b class="c1"></div><div>``…) are opened
again at every later block, each time all of them: 10,000 of those (300 kB) took 30 s,
twice as many four minutes. Python-Markdown writes neither; an editor's HTML needs
neither (a page is a few elements deep). :class:`Nesting` follows the elements a body
opens and closes, as :class:`plugins.contract.body.Checker` reads them, and
:meth:`Nesting.message` refuses such a body (an error: the file is not published)
before the sanitizer sees it.
"""

from collections import Counter

from plugins.core.problems import italian_half

MAX_DEPTH = 100  # elements one inside another (a page's text: a dozen at most)
MAX_LEFT_OPEN = 20  # inline elements (<b>, <i>, <a>…) never closed by their end tag
# Elements without content, and those whose end tag HTML lets out (an <li> ends at the
# next item): neither nests by itself. (A <p> is followed: it ends at the next block.)
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                  "meta", "source", "track", "wbr"})
OPTIONAL_END = frozenset({"li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot",
                          "caption", "colgroup", "option", "optgroup", "rt", "rp"})
# Blocks whose start tag ends a <p> open: the parser looks for it down the elements open,
# as far as the nearest element of SCOPE, so each such tag costs as much as they are deep
BLOCKS = frozenset({"address", "article", "aside", "blockquote", "center", "details",
                    "dialog", "dir", "div", "dl", "fieldset", "figcaption", "figure",
                    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
                    "hr", "listing", "main", "menu", "nav", "ol", "p", "pre", "section",
                    "summary", "table", "ul", "xmp"})
# Elements that bound that look: a table's cells start afresh, and a <table> right inside
# another one ends it (100,000 <table> in a row are as many tables side by side)
SCOPE = frozenset({"applet", "caption", "html", "marquee", "object", "table", "td",
                   "template", "th"})
# HTML's formatting elements: left open, a browser (and html5ever) opens them again in
# every block that follows, up to three alike (the same name and attributes)
FORMATTING = frozenset({"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small",
                        "strike", "strong", "tt", "u"})
ALIKE = 3

TOO_DEEP = (f"l'HTML del testo ha più di {MAX_DEPTH} elementi uno dentro l'altro (per"
            " esempio <div> aperti e mai chiusi): chiudi ogni elemento che apri, <div> con"
            f" </div> / HTML nested over {MAX_DEPTH} elements deep")
LEFT_OPEN = (f"l'HTML del testo lascia aperti più di {MAX_LEFT_OPEN} elementi come <b>,"
             " <i>, <a>: ciascuno va chiuso, <b> con </b>, prima di chiudere il blocco"
             f" che lo contiene / over {MAX_LEFT_OPEN} inline elements left open")
MESSAGES = (TOO_DEEP, LEFT_OPEN)


def rules():
    """The rule for the web editor (plugins/admin gives it to html-rules.js as
    data-nesting, which follows the text's own tags by it), the messages' Italian half."""
    return {"maxDepth": MAX_DEPTH, "maxLeftOpen": MAX_LEFT_OPEN, "alike": ALIKE,
            "void": sorted(VOID), "optionalEnd": sorted(OPTIONAL_END),
            "blocks": sorted(BLOCKS), "scope": sorted(SCOPE), "formatting": sorted(FORMATTING),
            "tooDeep": italian_half(TOO_DEEP), "leftOpen": italian_half(LEFT_OPEN)}


class Nesting:
    """The elements open while a body's HTML is read, start and end tags in order (a
    stray end tag ignored, one closing an element with others still open inside it
    closes them too, and a block closing a <p> open, as a browser does): how deep they
    are below the nearest element of :data:`SCOPE` where a block starts (as deep as the
    parser looks), and the formatting elements left open. Constant work per tag: a body
    too deep is followed no further."""

    def __init__(self):
        self.open = []  # (name, attributes)
        self.counts = Counter()  # names open
        self.scopes = []  # where in ``open`` each element of SCOPE open is
        self.deepest = 0
        self.left_open = Counter()  # (name, attributes) of formatting elements left open

    def start(self, tag, attrs=()):
        if tag in VOID or tag in OPTIONAL_END or self.deepest > MAX_DEPTH:
            return
        if tag in BLOCKS:
            if self.counts["p"] and self._scoped("p"):
                self.end("p")
            self.deepest = max(self.deepest, self._depth())
        if tag in SCOPE:
            self.scopes.append(len(self.open))
        self.open.append((tag, tuple(attrs) if tag in FORMATTING else ()))
        self.counts[tag] += 1

    def end(self, tag):
        if not self.counts[tag] or self.deepest > MAX_DEPTH:
            return
        while True:
            name, attrs = self.open.pop()
            self.counts[name] -= 1
            if self.scopes and self.scopes[-1] == len(self.open):
                self.scopes.pop()
            if name == tag:
                return
            if name in FORMATTING:
                self.left_open[name, attrs] += 1

    def _depth(self):
        return len(self.open) - (self.scopes[-1] if self.scopes else 0)

    def _scoped(self, tag):
        """Whether the innermost ``tag`` open is below the nearest element of SCOPE (a
        look down as deep as the parser's, when a block starts)."""
        bound = max(self.scopes[-1] if self.scopes else 0, len(self.open) - MAX_DEPTH - 1)
        return any(self.open[at][0] == tag for at in range(len(self.open) - 1, bound - 1, -1))

    def message(self):
        """The error for what was read (the elements still open at its end left open),
        or None."""
        if self.deepest > MAX_DEPTH:
            return TOO_DEEP
        left = self.left_open.copy()
        left.update(element for element in self.open if element[0] in FORMATTING)
        if sum(min(count, ALIKE) for count in left.values()) > MAX_LEFT_OPEN:
            return LEFT_OPEN
        return None
