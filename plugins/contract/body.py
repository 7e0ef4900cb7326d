"""The body's HTML checked: what an editor may write, and the links and images it holds.

Markdown passes raw HTML through, so an article could carry a script, an event
handler or a ``javascript:`` link. :func:`check_html` reads the rendered HTML (what
readers would get) once, by :class:`Checker`: anything outside the allowlist
(:mod:`plugins.contract.allowlist`: elements, attributes, URL schemes; iframes but from
the hosts allowed, images from elsewhere) is a content error: the editor must know, so
nothing is silently stripped. The line is found by looking for the offending text in the
Markdown source (:mod:`plugins.contract.lines`, :mod:`plugins.contract.needles`). After
the check, the sanitizer (:mod:`plugins.contract.sanitizer`) publishes the HTML within
the same allowlist, so what is published is within it even if this checker missed
something.

The same reading collects the links and images (:mod:`plugins.contract.check` checks
that ``{static}``, ``{attach}`` and ``{filename}`` links point inside ``content/`` at a
file that exists, and that every image has alternative text), the headings
(:mod:`plugins.contract.headings`) and the prose, the text outside links and code
(:func:`plugins.contract.intent.prose_warnings`). HTML as Python-Markdown writes it is
read by :mod:`plugins.contract.markdown_html`, anything else by html.parser.
"""

import re

from plugins.contract.addresses import (
    INTRASITE_RE, MARKER_RE, browser_host, disguised_host, misplaced_marker, static_image,
    url_scheme,
)
from plugins.contract.allowlist import (
    ALLOWED, GLOBAL_ATTRIBUTES, IFRAME_FEATURES, LEAKING_REFERRER_POLICIES, SCHEMES,
    URL_ATTRIBUTES,
)
from plugins.contract.attribute_values import value_problem
from plugins.contract.lines import InFootnote
from plugins.contract.markdown_html import BrowserParser, read
from plugins.contract.needles import attribute_needle
from plugins.contract.nesting import Nesting
from plugins.core.files import local_path
from plugins.core.text import address_controls, blank

# each tag's attributes, the global ones included
_ALLOWED_HERE = {tag: frozenset(names | GLOBAL_ATTRIBUTES) for tag, names in ALLOWED.items()}


HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
SRCSET_MESSAGE = (
    "l'attributo srcset di <img> non viene pubblicato: le versioni dell'immagine per ogni"
    " schermo, anche ad alta risoluzione, il sito le prepara da sé dal file in src, e i file"
    " nominati solo in srcset restano fuori dal sito; togli srcset (e sizes) e in src metti"
    " il file più grande / an <img>'s srcset is not published: the site makes the image's"
    " sizes from src; remove srcset, put the largest file in src")
# An image without its file as written (lower case, as plugins.contract.lines looks):
# Markdown's "![descrizione]()" (its "]()", spaces allowed between the brackets) or an
# <img> with no src, or an empty one (<img srcset="…" alt="…">). One needle for both
# forms, so each image is at its own place in the text's order: the three texts tried in
# turn ("]()", 'src=""', "<img") named an <img srcset> below a ![…]() at the ![…]()'s
# line (the first needle, past its last place, stays there).
NO_FILE_RE = re.compile(
    r"\]\(\s*\)|<img\b(?![^<>]*?\ssrc\s*=\s*(?:\"[^\"\s]|'[^'\s]|[^\s\"'>]))")
# What plugins/images writes into every {static} (or {attach}) picture, in place of the
# editor's own (sizes: with srcset, SRCSET_MESSAGE names both)
SIZED = ("width", "height", "sizes", "loading", "decoding")


def sized_message(names):
    """The warning for the ``names`` (of :data:`SIZED`) an editor wrote in a ``{static}``
    (or ``{attach}``) picture: the site writes its own, the file's real size (reserving its
    place before it arrives) and its loading; the picture is shown as wide as its file, at
    most the text's width, so a smaller picture is a narrower file (lighter for the reader
    too)."""
    one = len(names) == 1
    listed = names[0] if one else ", ".join(names[:-1]) + " e " + names[-1]
    english = names[0] if one else ", ".join(names[:-1]) + " and " + names[-1]
    what = f"l'attributo {listed} di <img> non viene pubblicato" if one else \
        f"gli attributi {listed} di <img> non vengono pubblicati"
    return (f"le misure e il caricamento delle immagini li decide il sito: {what};"
            " l'immagine si vede larga quanto il suo file (al massimo quanto il testo) e si"
            " carica quando serve: per mostrarla più piccola salva il file più stretto, poi"
            f" togli {listed} / the site sets its images' size and loading: {english} of"
            " <img> not published; to show it smaller, save a narrower file")


FEATURE_MESSAGE = (
    "permesso `{feature}` non ammesso in un video (<iframe allow>): il sito del video"
    " potrebbe chiedere a chi legge la fotocamera, il microfono, la posizione o altro, o"
    " osservare la pagina per la pubblicità; togli {feature} da allow=\"…\" (a un video"
    " bastano {features}) / permission {feature} not allowed in an <iframe>'s allow")
REFERRER_MESSAGE = (
    "`referrerpolicy=\"{value}\"` non ammesso in un video (<iframe>): il sito del video"
    " riceverebbe l'indirizzo intero della pagina; togli referrerpolicy (o scrivi"
    " strict-origin-when-cross-origin) / referrerpolicy=\"{value}\" not allowed: it sends"
    " the video's site the page's whole address")


def frame_problems(name, value):
    """The errors of an ``<iframe>``'s attribute ``name``: each feature its ``allow``
    names that a video does not need (:data:`.allowlist.IFRAME_FEATURES`), a
    ``referrerpolicy`` sending the page's whole address
    (:data:`.allowlist.LEAKING_REFERRER_POLICIES`; one HTML does not know has the value
    warning of any attribute); none for another attribute."""
    if name == "referrerpolicy":
        value = value.strip().lower()
        return [REFERRER_MESSAGE.format(value=value)] if value in LEAKING_REFERRER_POLICIES \
            else []
    if name != "allow":
        return []
    # "feature [origins]; feature…" (Permissions Policy's allow attribute); "," too, as
    # some embed codes write it
    features = dict.fromkeys(part.split()[0].lower() for part in re.split(r"[;,]", value)
                             if part.split())
    listed = ", ".join(sorted(IFRAME_FEATURES))
    return [FEATURE_MESSAGE.format(feature=feature, features=listed)
            for feature in features if feature not in IFRAME_FEATURES]


# The titles video players write in their "embed" code (case and spaces aside): the
# player's name, not the video's
GENERIC_FRAME_TITLES = {"youtube video player", "vimeo video player", "video player",
                        "vimeo-player", "video", "iframe", "embedded content", "embed",
                        "player"}

# elements whose text is not prose: a link's (an address there is one), code's
PROSE_SKIP = {"a", "code", "pre", "kbd", "samp"}
# What a link that looks like a path of this site and leads to another one (/\evil.example/)
# is, after its address (DISGUISED_WORDS), and what to write instead (DISGUISED_REMEDY)
# ("{host}": the host a browser would load; "{{static}}": the marker). The build's message
# (DISGUISED_MESSAGE) says them in one sentence, "diagnosis; remedy"; the web editor
# (plugins/admin gives them to link-rules.js as data-disguised-words and
# data-disguised-remedy) says "diagnosis, e il sito non verrebbe pubblicato. Remedy", as it
# does for a file of the editor's computer: after the remedy, it read as if writing the
# whole address would stop the publication.
DISGUISED_WORDS = (
    "porta a un altro sito ({host}): il browser legge le barre rovesciate «\\» e le barre"
    " in più all'inizio come «//», l'inizio dell'indirizzo di un altro sito")
DISGUISED_REMEDY = (
    "per una pagina o un file di questo sito scrivi {{filename}} o {{static}} e il"
    " percorso, per un altro sito l'indirizzo intero, https://{host}/…")


def _nth_place(text, before):
    """A needle (:class:`.lines.Lines`) of the place of ``text`` (lower case) after its
    ``before`` places."""
    if not before:
        return text
    escaped = re.escape(text)
    return re.compile(f"(?s)(?:{escaped}.*?){{{before}}}(?P<at>{escaped})")


def control_problem(address):
    """``(needles, message)`` for an ``address`` (decoded as a browser decodes it,
    :func:`plugins.core.text.html_unescape`) holding a control character or a
    noncharacter (:func:`plugins.core.text.address_controls`), else None. Written in the
    text they can only be references, ``&#127;``, ``&#x1;`` (the contract replaces one
    written as it is, plugins/contract/decoding.py): html.unescape dropped them and the
    build took "http&#127;s://example.org/" for an https link, while a browser keeps the
    character, and the page had an address relative to it (or none: nh3 drops an href
    it cannot read). The web editor refuses such a link too, in these words
    (link-rules.js' ``controlRefusal``)."""
    controls = address_controls(address)
    if not controls:
        return None

    def written(form):  # the address, its controls (and tabs, line breaks) as references
        return "".join(form.format(ord(character))
                       if character in controls or character in "\t\n\r" else character
                       for character in address.strip())
    shown = written("&#{};")
    # its line: the address as written (a number, decimal or hexadecimal), else its
    # longest piece without a control or a space (a tab may be written &#x9;)
    pieces = sorted(re.split("[\\s{}]+".format("".join(map(re.escape, controls))),
                             address.strip()), key=len, reverse=True)
    codes = ", ".join(f"U+{ord(character):04X}" for character in controls)
    return (shown.lower(), written("&#x{:x};"), pieces[0].lower()[:40]), \
        CONTROL_MESSAGE.format(address=shown, codes=codes)


CONTROL_MESSAGE = (
    "l'indirizzo «{address}» contiene un carattere di controllo ({codes}, scritto con &#…;):"
    " il browser lo tiene nell'indirizzo, che così porta altrove o da nessuna parte;"
    " cancellalo e scrivi l'indirizzo così com'è (copialo dalla barra del browser)"
    " / the address {address} holds a control character ({codes}): remove it")


class Checker(BrowserParser):
    """The body's HTML read once (:func:`check_html`): what the allowlist refuses
    (``found``) and the warnings, each with its needles (in its footnote's definition
    when it is in one); the links, images and headings; the prose, for the intent
    warnings. :class:`plugins.contract.outline._Outline` reads a page by it too."""

    def __init__(self, iframe_hosts):
        super().__init__(convert_charrefs=True)
        self.iframe_hosts = set(iframe_hosts)
        self.found = []  # (needle to find in the source, message)
        self.warned = []  # (needle, message): warnings
        self.links = []  # (what, target, needle); what "" for a plain local path
        self.images = []  # (src, alt or None, needle)
        self.headings = []  # (level, text)
        self.anchor = None  # the <a> open: [href, its text, named by an image's alt]
        self.heading = None  # the heading open: [level, its text]
        self.footnotes = False  # in Python-Markdown's footnotes, at the end of the HTML
        self.prose = []  # the text outside links and code (plugins.contract.intent)
        self.literal = 0  # depth in PROSE_SKIP elements
        self.footnote = None  # the label of the footnote in them, [^label]
        self.nesting = Nesting()  # too deep or too much left open for the sanitizer
        self.ids = set()  # the ids given so far (an editor's, Markdown's headings')
        self.frames = {}  # {a video's address, lower case: the frames of it so far}

    def placed(self, needles):
        """``needles``, to be found in the definition of the footnote they are in."""
        return needles if self.footnote is None else InFootnote(self.footnote, needles)

    def problem(self, needle, message):
        self.found.append((self.placed(needle), message))

    def warning(self, needle, message):
        self.warned.append((self.placed(needle), message))

    def handle_starttag(self, tag, attrs):
        attrs = self.browser_attributes(attrs)
        self.nesting.start(tag, attrs)
        if tag in PROSE_SKIP:
            self.literal += 1
        if tag == "div" and ("class", "footnote") in attrs:
            self.footnotes = True
        elif tag == "li" and self.footnotes:  # each footnote's (not a list's in one)
            self.footnote = next((value[3:] for name, value in attrs if name == "id"
                                  and (value or "").startswith("fn:")), self.footnote)
        if tag not in ALLOWED:
            self.problem(f"<{tag}", f"elemento HTML non ammesso: <{tag}>"
                                    f" / HTML element not allowed: <{tag}>")
            return
        allowed = _ALLOWED_HERE[tag]
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
            elif tag == "iframe" and (asked := frame_problems(name, value)):
                for problem in asked:
                    self.problem(needles, problem)
            elif name in URL_ATTRIBUTES and (control := control_problem(value)):
                self.problem(*control)
            elif name in URL_ATTRIBUTES:
                # an <img>'s srcset is not: never published (sanitize), it has one warning
                # below, "remove it"; an error on its addresses ("write {static}/…", "from
                # another site") gave contrary advice about what the site drops anyway
                self._check_url(tag, name, value)
            else:
                # a value of a form HTML does not allow: published without it
                slip = value_problem(tag, name, value)
                if slip:
                    self.warning((f'{name}="{value}"', *needles), slip)
                elif name == "id" and value in self.ids:
                    self.warning((f'id="{value}"', f"id='{value}'", value),
                                 self.REPEATED_ID_MESSAGE.format(value))
                elif name == "id":
                    self.ids.add(value)
        if tag == "img":
            attributes = dict(attrs)
            src = attributes.get("src") or ""
            if not src.strip():
                # ![descrizione]() (the web editor's image never given its picture): the
                # page got an empty <img>; so did <img srcset="{static}/…">, whose address
                # Pelican leaves as typed (it resolves src, not srcset)
                self.problem((NO_FILE_RE, "]()", "src=\"\"", "<img"),
                             "immagine senza file: tra le parentesi tonde va il suo indirizzo,"
                             " ![descrizione]({static}/immagini/foto.jpg) / image without a file")
            if "srcset" in attributes:
                # the site writes its own from src (plugins/images), the editor's is left
                # out of the page, and the files only it names out of the site
                self.warning((attribute_needle(tag, "srcset"), "srcset=", "srcset"),
                             SRCSET_MESSAGE)
            # a {static} or {attach} picture: plugins/images writes its own size and loading
            sized = [name for name in dict.fromkeys(name for name, _ in attrs)
                     if name in SIZED and not (name == "sizes" and "srcset" in attributes)]
            if sized and static_image(src):
                self.warning((attribute_needle(tag, sized[0]), f"{sized[0]}=", sized[0]),
                             sized_message(sized))
            self.images.append((src, attributes.get("alt"), self.placed(src)))
            if self.anchor is not None and not blank(attributes.get("alt") or ""):
                self.anchor[2] = True
            if self.heading is not None:  # a heading of a picture is read by its alt text
                self.heading[1] += " " + (attributes.get("alt") or "") + " "
        elif tag == "iframe":
            attributes = dict(attrs)
            src = attributes.get("src") or ""
            # a video of a host allowed (another is refused by _check_url) without a
            # title: a frame with no name for screen readers (WCAG 4.1.2), and nothing to
            # say in its place in the feeds and on paper (printing.py); the title is
            # what the editor knows, the site cannot make it up
            title = " ".join((attributes.get("title") or "").split())
            if url_scheme(src) == "https" and browser_host(src) in self.iframe_hosts:
                # made only of what nobody sees (spaces, "&nbsp;", a zero-width space, a
                # BOM): as blank as none, to a screen reader too
                address = src.strip().lower()
                before = self.frames.get(address, 0)  # the same video above it
                self.frames[address] = before + 1
                if blank(attributes.get("title") or ""):
                    # at its address's line: "<iframe" was the first frame's, a video
                    # with its title above it named instead; and its own place of the
                    # address, not the first: the same video above it, with its title
                    # (one asked of the lines only for a problem), named instead
                    self.problem((_nth_place(address, before), "<iframe", "iframe"),
                                 self.UNTITLED_FRAME_MESSAGE)
                elif title.casefold() in GENERIC_FRAME_TITLES:
                    # the player's own, from its "embed" code: a name that says nothing
                    # of this video (WCAG 2.4.6); published, with a warning
                    self.warning((f'title="{attributes.get("title")}"', "title=", "<iframe"),
                                 self.GENERIC_FRAME_MESSAGE.format(title))
        elif tag == "a":
            attributes = dict(attrs)
            named = not blank(attributes.get("aria-label") or "")
            self.anchor = [attributes.get("href") or "", "", named]
        elif tag in HEADINGS:
            self.heading = [int(tag[1]), ""]

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in PROSE_SKIP:  # nothing inside
            self.literal -= 1
        if tag == "a":  # <a/>: nothing inside to name it, and nothing left open
            self.anchor = None
        elif tag in HEADINGS:
            self.heading = None

    def handle_data(self, data):
        if not self.literal:
            self.prose.append(data)
        if self.anchor is not None:
            self.anchor[1] += data
        if self.heading is not None:
            self.heading[1] += data

    def handle_endtag(self, tag):
        self.nesting.end(tag)
        if tag in PROSE_SKIP and self.literal:
            self.literal -= 1
        if tag == "a" and self.anchor is not None:
            href, text, named = self.anchor
            self.anchor = None
            # [](…), [\u200b](…), [&nbsp;](…): nothing to read or click (core.text's blank)
            if href and blank(text) and not named:
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
        disguised = disguised_host(url) if tag not in ("img", "iframe") else ""
        if disguised:
            # /\evil.example/: a path of this site to the eye, another site to a browser,
            # which reads the slashes and backslashes before a name as //
            self.problem((url.strip(), url.strip()[:20]), self.DISGUISED_MESSAGE.format(
                address=url.strip(), host=disguised))
            return
        if tag in ("a", "img") and not scheme and not browser_host(url) \
                and url.strip()[:1] not in ("", "#", "?"):
            # a path on this site written without {static} or {filename}: kept for the
            # checker, which knows which folders hold images, attachments and items
            self.links.append(("", url.strip(), self.placed((url.strip(),))))
        if tag == "a" and scheme in ("http", "https") and browser_host(url):
            # a full address: kept for the rule that knows the articles' addresses (the
            # site's own, copied from the browser: content_checks.address_links)
            self.links.append(("web", url.strip(), self.placed((url.strip(),))))
        if tag == "iframe":
            host = browser_host(url)
            if scheme != "https" or host not in self.iframe_hosts:
                hosts = ", ".join(sorted(self.iframe_hosts))
                self.problem("<iframe", (
                    f"iframe da {host or url} non ammesso: sono ammessi solo video da {hosts}"
                    f" / iframe from {host or url} not allowed: only videos from {hosts}")
                    if self.iframe_hosts else
                    "iframe non ammessi (nessun sito video autorizzato): metti un link al"
                    " video, [Guarda il video](https://…) / iframe not allowed")
        elif tag == "img" and (scheme in ("http", "https", "data") or browser_host(url)):
            # the page would load it from elsewhere (and feed readers too): a request to
            # another host the site never makes; and its policy allows no data: images
            # data: is an image pasted into the text (a word processor's copy, a web
            # editor's paste): written inside the page, never as a file of the site
            message = (
                "immagine incollata dentro il testo (un indirizzo data:…): le immagini si"
                " pubblicano come file:" if scheme == "data" else
                f"immagine da un altro sito ({browser_host(url)}): il sito non carica nulla"
                " da altri indirizzi:")
            self.problem((url.strip()[:40], f"{scheme}:" if scheme else url.strip()[:20]),
                         f"{message} salva l'immagine in immagini/ e inseriscila con"
                         " {static}/immagini/… / images from elsewhere are not allowed")
        elif scheme and scheme not in SCHEMES:
            # The source may spell the scheme with entities or tabs: its tail finds the line.
            needles = (f"{scheme}:", url.strip(), url.split(":", 1)[1].strip()[:40])
            self.problem(needles, f"indirizzo {scheme}: non ammesso in <{tag} {name}>"
                                  f" / {scheme}: URLs are not allowed")

    GENERIC_FRAME_MESSAGE = (
        "titolo del video generico («{0}», quello del codice «Incorpora»): chi usa un"
        " lettore di schermo sente solo questo; scrivi in title=\"…\" che cosa mostra"
        " il video, per esempio title=\"La festa dei laboratori in piazza\" / generic"
        " iframe title «{0}»: say what the video shows")

    UNTITLED_FRAME_MESSAGE = (
        "video senza titolo: scrivi nell'<iframe> che cosa mostra, con title=\"…\""
        " (per esempio <iframe title=\"La festa dei laboratori in piazza\" src=…>):"
        " chi usa un lettore di schermo sente quel titolo al posto del video, e nei feed"
        " e sulla carta il video diventa un link con quel titolo / iframe without a"
        " title: add title=\"…\" saying what the video shows")

    REPEATED_ID_MESSAGE = (
        "id ripetuto nel testo: id=\"{0}\" è di due elementi (anche un titolo ha un id, fatto"
        " dal suo testo: ## Programma ha id=\"programma\"); il secondo non viene pubblicato"
        " e i link a #{0} portano al primo: cambia uno dei due / duplicate id=\"{0}\": the"
        " second is not published")

    DISGUISED_MESSAGE = (
        "l'indirizzo {address} " + DISGUISED_WORDS + "; " + DISGUISED_REMEDY
        + " / the address {address} leads to"
        " another site ({host}): a browser reads a leading `\\` as `/`")

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


# a comment a browser closes at once, <!--> or <!--->: the text and the HTML after it, up
# to the editor's "-->", are the page's (html.parser may read them as the comment, unchecked:
# <!--><script>…</script>--> left the sanitizer a stray "-->" to publish)
EMPTY_COMMENT_RE = re.compile(r"<!---?>")
EMPTY_COMMENT_MESSAGE = (
    "commento HTML chiuso subito: per il browser `<!-->` (e `<!--->`) è un commento vuoto,"
    " e quello che segue fino a `-->` comparirebbe nella pagina, `-->` compreso; scrivi"
    " `<!--`, uno spazio e la nota, `<!-- nota -->` / HTML comment closed at once: `<!-->`"
    " is an empty comment, what follows would be on the page")


def early_comments(html):
    """``(needle, message)`` for each ``<!-->`` or ``<!--->`` of ``html`` that opens a
    comment (not one inside another comment), in linear time: each comment read once."""
    found, at = [], html.find("<!--")
    while at >= 0:
        empty = EMPTY_COMMENT_RE.match(html, at)
        if empty:
            found.append((EMPTY_COMMENT_RE, EMPTY_COMMENT_MESSAGE))
            at = html.find("<!--", empty.end())
            continue
        end = html.find("-->", at + 4)
        at = -1 if end < 0 else html.find("<!--", end + 3)
    return found


def check_html(html, *, iframe_hosts=()):
    """``(problems, links, images, headings, prose, warnings)`` for rendered HTML: problems
    and warnings are (needle, message); links (what, target, needle); images (src, alt,
    needle); headings (level, text), for :func:`.headings.heading_warnings`; prose, the
    text outside links and code (lines joined), for
    :func:`plugins.contract.intent.prose_warnings`. Needles are for :class:`.lines.Lines`."""
    checker = Checker(iframe_hosts)
    read(checker, html)
    checker.found.extend(early_comments(html) if "<!--" in html else ())
    tangled = checker.nesting.message()
    if tangled:  # no line: the whole text's shape (nesting.py)
        checker.found.append((None, tangled))
    return checker.found, checker.links, checker.images, checker.headings, \
        "\n".join(checker.prose), checker.warned
