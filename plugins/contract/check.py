"""One content file against the contract: the one implementation the build and
``invoke check`` share.

:func:`check_file` reads the file, checks its front matter (:mod:`.schema`),
renders its body with the site's Markdown and checks the HTML, the links and the
images (:mod:`.body`). It returns a :class:`Checked` with every problem found,
each with its line where there is one; nothing is raised for content problems.
"""

import difflib
import os
import posixpath
import re
from dataclasses import dataclass, field
from html import escape, unescape
from urllib.parse import unquote, urlsplit

from plugins.core import files, filetypes
from plugins.core.budget import TimeLimitExceeded, time_limit
from plugins.core.items import RELATIVE_LINK
from plugins.core.problems import ERROR, MAX_LISTED, WARNING, Problem
from plugins.core.settings import loaded_setting
from plugins.core.text import TAG_RE, blank, body_lead, title_from_name
from plugins.core.urls import content_path

from . import body, intent, lines, nesting, rawhtml, sanitizer, schema
from .addresses import MARKER_RE
from .ahead import EXTENSIONS
from .errors import HEADER, SourceError
from .footnotes import headed_notes, literal_notes
from .headings import heading_warnings
from .needles import SITE_ADDRESS_RE, WRITTEN_ADDRESS_RE, address_needle
from .printing import printable_frames
from .source import read
from .tables import scrollable_boxes

LEAD_WARNING_LENGTH = 300
# The first words of the body ``invoke new`` writes (tools/new_item.py): left in, a warning.
PLACEHOLDER = "Scrivi qui il testo."
# Problems listed for one text (a body, a summary); the rest are counted in one more.
MAX_TEXT_PROBLEMS = MAX_LISTED


@dataclass
class Checked:
    relative: str  # path under content/, "/" separators
    metadata: dict = field(default_factory=dict)  # checked values (schema.normalise)
    content: str = ""  # the body's HTML, sanitized
    summary: str | None = None  # the summary's HTML, when the file has one
    problems: list = field(default_factory=list)  # [Problem], errors and warnings
    key_lines: dict = field(default_factory=dict)
    deps: set = field(default_factory=set)  # other files the result depends on
    # [(path under content/, line)] of the files its {filename} links lead to:
    # content_checks.unpublished.unpublished_links; [("/address/#section", line)] of its
    # links to this site's pages by their address (content_checks.address_links); and
    # [(RELATIVE_LINK + "programma", line)] of its relative links
    # (content_checks.relative_links). Each target once in each text, at its first
    # line there: the body's, then the summary's (a link in both is to be fixed in both)
    links: list = field(default_factory=list)

    @property
    def errors(self):
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self):
        return [p for p in self.problems if p.severity == WARNING]


def _note_warning(label, summary):
    """The warning for a footnote reference ``[^label]`` shown as text."""
    note = f"[^{label}]"
    if summary:
        return (f"nel sommario il rimando alla nota {note} compare così, come testo: il"
                " sommario non ha note (quelle del testo valgono solo lì); togli il rimando"
                f" dal sommario / footnote reference {note} in `summary` shows as text")
    return (f"il rimando alla nota {note} non ha la sua nota: sul sito compare così, come"
            f" testo; aggiungi in fondo al testo una riga `{note}: testo della nota`, o togli"
            f" il rimando / footnote {note} is not defined, it shows as text")


def is_page(relative, settings):
    return any(relative == path or relative.startswith(path.rstrip("/") + "/")
               for path in settings["PAGE_PATHS"])


def render(markdown, text, seconds=None):
    """Markdown -> HTML; a text the parser cannot handle, or not within ``seconds``
    (:mod:`plugins.core.budget`), raises ValueError with the reason."""
    # reset() leaves the block parser's state as the last conversion left it: one that an
    # error interrupted (a recursion or time limit) left it inside a list, and the texts
    # converted after it lost their paragraphs and inline markup.
    markdown.parser.state.clear()
    try:
        with time_limit(seconds):
            return markdown.reset().convert(text)
    except TimeLimitExceeded:
        raise ValueError(
            f"la conversione richiede più di {seconds} s, di solito per centinaia di `[`,"
            " `![` o `<` di fila in un paragrafo (testo incollato da un programma?):"
            " dividilo in paragrafi o mettilo in un blocco di codice tra ``` / conversion"
            f" takes over {seconds} s") from None
    except RecursionError:
        raise ValueError("struttura troppo annidata (elenchi o citazioni uno dentro l'altro"
                         " centinaia di volte) / nested too deep") from None
    except Exception as error:  # noqa: BLE001 - any parser failure is the editor's to fix
        raise ValueError(f"{type(error).__name__}: {error}"[:200]) from None


def outside_categories(relative, settings):
    """The warning for an article saved in ``content/`` itself, outside the categories'
    folders: the build files it under ``DEFAULT_CATEGORY`` without a word."""
    default = settings.get("DEFAULT_CATEGORY") or "misc"
    return (f"il file è direttamente in content/, fuori dalle cartelle delle categorie: viene"
            f" pubblicato nella categoria «{default}»; spostalo nella cartella della sua"
            f" categoria (per esempio content/notizie/{relative}) / outside the category"
            f" folders: published in {default}")


def near_category(folder, names):
    """The category folder of ``names`` (``CONTRACT_CATEGORY_NAMES``) that ``folder``,
    another one, is likely a slip for (``notizia``, ``avviso``, ``comunicati`` for
    ``comunicati-stampa``), or None: a folder of its own name is a new category."""
    typed = "-".join(folder.casefold().split())
    if not typed or typed in names:
        return None
    longer = [name for name in names if name.startswith(typed + "-")]
    if len(longer) == 1:
        return longer[0]
    # a letter or two (notizia, avviso, comunicato-stampa), not a name of its own made
    # of one of them (notizie-2024, notiziario, avvisi-scuola)
    close = difflib.get_close_matches(typed, list(names), n=1, cutoff=0.8)
    return close[0] if close else None


def new_category(relative, settings):
    """The warning for an article in a folder that makes a new category when its name is
    that of one of the site's categories written another way (``content/notizia/``):
    the build published it under a category of its own, «Notizia», with its page and
    feeds, without a word. None for any other file."""
    folder = relative.split("/")[0] if "/" in relative else ""
    names = settings["CONTRACT_CATEGORY_NAMES"]
    meant = near_category(folder, names) if folder else None
    if meant is None:
        return None
    return (f"la cartella {folder}/ non è quella di una categoria del sito: l'articolo viene"
            f" pubblicato in una categoria nuova, «{title_from_name(folder)}», accanto a"
            f" «{names[meant]}»; se intendevi {meant}, sposta il file in"
            f" content/{meant}/{relative.split('/', 1)[1]} (se la categoria nuova è voluta,"
            f" chi gestisce il sito la aggiunge a CONTRACT_CATEGORY_NAMES in pelicanconf.py,"
            f" con il suo nome) / folder {folder}/ makes a new category: did you mean"
            f" {meant}/? (if not, add it to CONTRACT_CATEGORY_NAMES)")


def file_name_alt(alt, example):
    """The warning for an image described by its file's name alone (``IMG_1234.jpg``),
    which is all a screen reader says of it; ``example``: the line to write."""
    return (f"la descrizione dell'immagine è solo il nome del file ({alt.strip()}): chi non"
            f" vede l'immagine sente soltanto quello; scrivi cosa mostra, per esempio"
            f" {example} / the alt text is the file name: say what the image shows")


def linkable_folders(settings):
    """``{folder/: allowed kinds}``: where a ``{static}`` link may point, the folders the
    site publishes files from: images (STATIC_PATHS) and documents (ATTACHMENTS_PATH)."""
    folders = {path.strip("/") + "/": filetypes.IMAGES for path in settings["STATIC_PATHS"]
               if path.strip("/")}
    attachments = (loaded_setting(settings, "ATTACHMENTS_PATH") or "").strip("/")
    if attachments:
        folders[attachments + "/"] = filetypes.DOCUMENTS
    return folders


class _FileCheck:
    def __init__(self, relative, settings, markdown, sanitize=True):
        self.relative = relative
        self.settings = settings
        self.markdown = markdown
        self.sanitize = sanitize
        self.checked = Checked(relative)
        # the theme's ids the body gave way to (theme_ids.own_ids): the summary's links follow
        self.renamed_ids = {}

    def add(self, message, line=None, severity=ERROR):
        self.checked.problems.append(Problem(self.relative, message, line, severity))

    def run(self, data):
        if not data.strip():  # saved before anything was written, or emptied
            self.add(f"il file è vuoto: in cima scrivi l'{HEADER} tra due righe `---`"
                     " (title: e date:) e sotto il testo, oppure crea l'articolo con ./run new"
                     " / the file is empty", 1)
            return self.checked
        try:
            source = read(data)
        except SourceError as error:
            self.add(error.message, error.line)
            if error.source is not None:  # only the front matter is unreadable: every
                self._body(error.source, read=False)  # problem of the body is named too
            return self.checked
        if not source.raw and not source.text.lstrip().startswith("---"):
            # text without front matter: the first line was meant as the title
            self.add(f"il file non comincia con l'{HEADER}: in cima scrivi"
                     " una riga `---`, poi title: … e date: … (una per riga), poi un'altra"
                     " riga `---`, e sotto il testo / the file has no front matter", 1)
            return self.checked
        for line, message in source.warnings:
            self.add(message, line, WARNING)
        self.checked.key_lines = source.key_lines
        page = is_page(self.relative, self.settings)
        meta, problems, warnings = schema.normalise(
            source.raw, is_page=page, settings=self.settings, native=source.native)
        for key, message in problems:  # a key that is missing: the header's first line
            self.add(message, source.line_of(key) or 1)
        for key, message in warnings:
            self.add(message, source.line_of(key), WARNING)
        if not page and not meta.get("category"):  # an article's category is its folder
            slip = outside_categories(self.relative, self.settings) \
                if "/" not in self.relative else new_category(self.relative, self.settings)
            if slip:
                self.add(slip, 1, WARNING)
        self.checked.metadata = meta
        if meta.get("image"):
            self.checked.deps.add(os.path.join(self.settings["PATH"], meta["image"]))
            if files.names_the_file(str(meta.get("image_alt") or ""), meta["image"]):
                self.add(file_name_alt(meta["image_alt"], "image_alt: Il cortile del Civic"
                                       " Center con i tavoli"),
                         source.line_of("image_alt"), WARNING)
        self._body(source)
        if "summary" in meta:
            self._summary(meta["summary"], source.line_of("summary"))
        self._lead_length(source)
        return self.checked

    def _body(self, source, read=True):
        """``read``: whether the front matter was read (else whether the body may be
        empty, a topic's page, is not known)."""
        try:
            html = render(self.markdown, source.body, self._seconds())
        except ValueError as error:
            self.add(f"il testo non può essere convertito: {error} / the body cannot be"
                     " converted", None)
            return
        references = dict(self.markdown.references)  # this text's (reset() clears them)
        literal = rawhtml.literal_markdown(self.markdown)  # likewise
        self._check_html(html, source.body, source.body_line, literal=literal)
        self._unused_references(source.body, references, source.body_line)
        if read and not source.body.strip() and not self.checked.metadata.get("argomento"):
            # the page would show a title and nothing else (a page of a topic lists news)
            where = (f"sotto l'{HEADER}, dopo una riga vuota" if source.native
                     else f"sotto la riga `---` che chiude l'{HEADER}")
            self.add(f"l'articolo non ha testo: scrivilo {where} / the body is empty",
                     max(source.body_line - 1, 1), WARNING)
        if PLACEHOLDER in source.body:
            self.add(f"il testo contiene ancora la frase d'esempio «{PLACEHOLDER}»: scrivi il"
                     " testo vero al suo posto / the sample text is still there",
                     lines.find_line(source.body, PLACEHOLDER, source.body_line), WARNING)
        if self.sanitize and self._tangled:  # refused: never given to the sanitizer
            html = ""
        elif self.sanitize:  # what is published: the allowlist, then tables in their boxes,
            # the notes' heading
            html = headed_notes(printable_frames(scrollable_boxes(sanitizer.sanitize(
                html, self._iframe_hosts(), self.renamed_ids))))
        self.checked.content = html

    def _summary(self, text, line):
        try:
            html = render(self.markdown, text, self._seconds())
        except ValueError as error:
            self.add(f"`summary` non può essere convertito: {error} / `summary` cannot be"
                     " converted", line)
            return
        references = dict(self.markdown.references)
        literal = rawhtml.literal_markdown(self.markdown)
        self._check_html(html, text, line or 1, fixed_line=line, literal=literal)
        self._unused_references(text, references, line or 1, fixed_line=line)
        self.checked.summary = ("" if self._tangled else sanitizer.sanitize(
            html, self._iframe_hosts(), self.renamed_ids)) if self.sanitize else html

    def _unused_references(self, text, references, first_line, fixed_line=None):
        """A warning for each line ``[Chiuso]: domenica`` that no link uses: Python-Markdown
        took it for a link's address and left it out of the page (:func:`intent.unused_references`)."""
        if not references:
            return
        for label, at in intent.unused_references(text, references):
            where = fixed_line or (first_line + text.count("\n", 0, at) if at is not None
                                   else None)
            self.add(f"la riga «[{label}]: …» non compare sul sito: Markdown la legge come"
                     f" l'indirizzo di un link [testo][{label}], e nessun link del testo la"
                     f" usa; se è testo, togli le parentesi quadre ({label}: …) o scrivi \\["
                     f" al posto di [ / reference definition [{label}] used by no link:"
                     " the line is not shown", where, WARNING)

    def _seconds(self):
        return self.settings["CONTRACT_MARKDOWN_SECONDS"]

    def _iframe_hosts(self):
        return self.settings["CONTRACT_IFRAME_HOSTS"]

    def _check_html(self, html, text, first_line, fixed_line=None, literal=()):
        """``literal``: Markdown shown as typed in blocks of HTML
        (:func:`rawhtml.literal_markdown`), a warning each."""
        problems, links, images, headings, prose, warnings = body.check_html(
            html, iframe_hosts=self._iframe_hosts())
        # a shape that would keep the sanitizer busy for minutes (nesting.py): refused
        self._tangled = any(message in nesting.MESSAGES for _, message in problems)
        listed, dropped = [], []  # severities: of the problems listed, of those past the limit
        # one cursor for each kind of finding (HTML problems and headings, links,
        # images), each met in the text's order: a needle found again (a second
        # `style=`, the same image twice) is at its next place. Each use names its cursor.
        problem_lines = lines.Lines(text, first_line)
        link_lines, image_lines = problem_lines.another(), problem_lines.another()

        def line(needle, cursor):
            return fixed_line or cursor(needle)

        # {target: line} of this text's links (Checked.links): the first in the text, which
        # is not the first in the HTML when it is in a footnote (they come last there)
        first = {}
        relative = 0  # the relative addresses kept (each one once)
        addresses = 0  # the addresses of this site's pages kept (each one once)

        def keep(target, at):
            known = first.get(target)
            if target not in first or (at is not None and (known is None or at < known)):
                first[target] = at

        def add(message, needle, cursor, severity=ERROR):
            # each line is a search of the text: 120,000 attributes not allowed (a 240 kB
            # file) took 95 s, a megabyte half an hour, past any time limit
            if len(listed) >= MAX_TEXT_PROBLEMS:
                dropped.append(severity)
                return
            listed.append(severity)
            # no needle (an image without src): a summary's line still, as line() gives
            self.add(message, line(needle, cursor) if needle else fixed_line, severity)

        for needle, message in problems:
            add(message, needle, problem_lines)
        # Markdown typed as a word processor or a chat writes it (intent): at its line
        typed = intent.source_warnings(text, first_line)
        hashtags = {at for at, _, kind in typed if kind == "hashtag"}
        # a link's line is where its address is written as one (`](immagini/foto.jpg`),
        # not where the same words are in the prose above it, else as now
        def link_line(needle):
            return link_lines(_as_address(needle))

        def written_line(needle):
            # the same for a web or a {filename} link, each one kept (a page pasted from
            # the web has thousands: a search of the text each took 26 s of CPU for
            # 10,000): every address written as a link's found in one pass; one written
            # otherwise (with an entity, a parenthesis) as typed
            if fixed_line or isinstance(needle, lines.InFootnote):
                return line(needle, link_line)
            return problem_lines.first_places(WRITTEN_ADDRESS_RE).get(
                needle[0].lower()) or link_lines(needle)

        for what, target, needle in links:
            # every link in order, each at its own place; one with a problem past those
            # listed is not looked for (thousands of broken links, each a search)
            if what == "web":  # https://…: content_checks.address_links
                message = _web_problem(target)
                if message:
                    add(message, needle, link_line)
                else:
                    keep(target, written_line(needle))
                continue
            message = self._plain_problem(target) if not what else \
                self._link_problem(what, target)
            if message:
                add(message, needle, link_line)
                continue
            if not what and _relative(target):
                # programma, foto.jpg, ../altro/: an error of the rule that knows every
                # item's address and slug (content_checks.relative_links), at its
                # line; none looked for past those it lists (each is a search of the text,
                # and a page pasted from the old site has thousands)
                key = RELATIVE_LINK + target
                relative += key not in first
                keep(key, line(needle, link_line) if relative <= MAX_LISTED + 1 else None)
                continue
            if what == "filename":
                keep(content_path(target, posixpath.dirname(self.relative)),
                     written_line(needle))
            elif not what and target.startswith("/") and not target.startswith("//"):
                # a page of this site by its address (/2024/05/festa/): kept, with a "/"
                # no path under content/ has, for the rule that knows every item's address
                # (content_checks.address_links); whole, with its section or query
                # (#programma, ?pagina=2), which the {filename} link to write keeps. Like
                # the relative ones, none looked for past those the rule lists: 10,000
                # different addresses (each a search of the text) took 12 s
                # (past them, the line where it is first written as a link's address,
                # all found in one pass: content_checks.address_links lists 50 of
                # those that are an item's, which may come after hundreds that are not)
                addresses += target not in first
                keep(target, line(needle, link_line) if addresses <= MAX_LISTED + 1
                     else fixed_line or problem_lines.first_places(
                         SITE_ADDRESS_RE).get(target.lower()))
        self.checked.links.extend(first.items())  # the body's before the summary's
        # a described image of a file also shown without description passes the cursor by:
        # the next one without is at its own line, not at the described one's
        # (each where its address is written as one, like the links')
        def image_line(needle):
            return image_lines(_as_address(needle))

        # (a description made only of what nobody sees is none: core.text's blank, as
        # the web editor judges it)
        undescribed = {src for src, alt, _ in images if blank(alt or "")
                       or files.names_the_file(alt, src)}
        for src, alt, needle in images:
            if not (src or "").strip():
                # ![]() : "immagine senza file" says it at its line, with the description to
                # write (this one came without a line)
                continue
            if not blank(alt or ""):
                if files.names_the_file(alt, src):
                    # (at its line: the image's cursor, as for one without description)
                    add(file_name_alt(alt, "«Il cortile del Civic Center con i tavoli»"),
                        needle, image_line, WARNING)
                elif src in undescribed and len(listed) < MAX_TEXT_PROBLEMS:
                    image_line(needle)
            else:
                at = line(needle, image_line) if needle else None
                # where to write it: in an image written in HTML, its alt attribute (the
                # square brackets said of it were nowhere to be found)
                written = text.split("\n")[at - first_line] \
                    if at is not None and fixed_line is None and at >= first_line else ""
                where = ("nell'attributo alt, <img alt=\"descrizione\" …>"
                         if re.search(r"<img\b", written, re.I) else
                         "tra le parentesi quadre, ![descrizione](…)")
                add(f"immagine senza testo alternativo: scrivi cosa mostra {where} ({src})"
                    " / image without alt text", at, lambda at: at)
        # the warnings (the outline's, the notes', Markdown typed as a word processor
        # writes it) after the errors: past the problems listed, an error not named (a
        # missing page linked under fifty bare e-mail addresses, or under fifty headings
        # that skip a level) stopped the build with no word of what
        if fixed_line is None:  # the body's outline (a summary's headings are its own)
            for needle, message in heading_warnings(headings):
                if hashtags and needle and line(needle, problem_lines.another()) in hashtags:
                    continue  # "#FareLegami" made a heading: its own warning says so
                add(message, needle, problem_lines, WARNING)
        attribute_lines = problem_lines.another()  # the HTML's warnings: each at its place
        for needle, message in warnings:
            add(message, needle, attribute_lines, WARNING)
        for label in literal_notes(html):
            add(_note_warning(label, summary=fixed_line is not None), f"[^{label}]",
                problem_lines, WARNING)
        for at, message, _ in typed:
            add(message, at, lambda at: at, WARNING)
        raw_lines = problem_lines.another()  # each block's at its own place
        for tags, shown, needles in literal:  # at its line in the block, else where typed
            add(rawhtml.literal_warning(tags, shown), needles, raw_lines, WARNING)
        for needle, message in intent.prose_warnings(prose):
            if isinstance(needle, intent.SpacedPair):  # "** testo **": at its own line
                at = needle.line(text, first_line)
                if at is not None:
                    add(message, at, lambda at: at, WARNING)
                    continue
                needle = needle.needle
            add(message, needle, problem_lines, WARNING)
        if dropped:
            self.add("e un altro problema in questo testo, non elencato: correggi quelli"
                     " sopra e ricontrolla / and 1 more problem" if len(dropped) == 1 else
                     f"e altri {len(dropped)} problemi in questo testo, non elencati: correggi"
                     f" quelli sopra e ricontrolla / and {len(dropped)} more problems",
                     fixed_line, ERROR if ERROR in dropped else WARNING)

    def _link_problem(self, what, target):
        link = f"{{{what}}}{target}"
        if "\\" in target:  # typed as Windows writes paths: the address would keep it
            return (f"il link {link} usa la barra rovesciata `\\`: nei link si usa la barra"
                    f" `/`, {{{what}}}{target.replace(chr(92), '/')} / use `/` in links")
        path = content_path(target, posixpath.dirname(self.relative))
        if path is None:
            return f"il link {link} esce da content/ / link leaves content/"
        if _indirect(target):
            direct = f"{{{what}}}/{path.replace(' ', '%20')}{_suffix(target)}"
            return (f"il link {link} ha `.`, `..` o `//` nel percorso: sul sito resterebbe"
                    f" scritto così e non funzionerebbe; scrivi {direct} / write the direct"
                    f" path, {direct}")
        full = os.path.join(self.settings["PATH"], path)
        self.checked.deps.add(full)
        # the path from the project's folder, as the guide's table of folders writes it
        # ({static}/content/immagini/foto.jpg): the file is there without content/
        content = os.path.basename(self.settings["PATH"].rstrip("/")) + "/"
        if path.startswith(content) and not os.path.exists(full):
            inside = path[len(content):]
            self.checked.deps.add(os.path.join(self.settings["PATH"], inside))
            if files.spelling(self.settings["PATH"], inside) is not None:
                write = f"{{{what}}}/{inside.replace(' ', '%20')}{_suffix(target)}"
                return (f"il link {link} comincia con {content}, che non si scrive: il"
                        f" percorso parte da dentro quella cartella, scrivi {write}"
                        f" / the path starts inside {content}: write {write}")
        folders = linkable_folders(self.settings)
        folder = next((f for f in folders if path.startswith(f)), None)
        if what in ("static", "attach") and folder is None:
            meant = _site_path(target)  # {static}immagini/x: Pelican looks in notizie/immagini/
            if not target.startswith("/") and any(meant.startswith(f) for f in folders):
                return (f"il link {link} va scritto con la barra dopo {{{what}}}:"
                        f" {{{what}}}/{meant} (senza, il file viene cercato accanto"
                        f" all'articolo, in {posixpath.dirname(path)}/) / write {{{what}}}/{meant}")
            return (f"il link {link} deve puntare a un file in {', '.join(folders)}"
                    f" / {{{what}}} links must point into {', '.join(folders)}")
        # the names on disk, not os.path.isfile: on macOS and Windows Foto.jpg opens
        # foto.JPG, on Linux (the public build, the web server) it does not
        found = files.spelling(self.settings["PATH"], path)
        if what in ("static", "attach") and (found is None or found[1] == files.CASE) \
                and (slip := files.folder_slip(self.settings["PATH"], path)) is not None:
            return f"il link {link}: " + files.folder_slip_message(slip, path)
        if found is None:
            near = files.near_name(self.settings["PATH"], path)
            if near is not None:  # the published name copied, accents left out…
                self.checked.deps.add(os.path.join(self.settings["PATH"], near[0]))
                write = f"{{{what}}}/{near[0].replace(' ', '%20')}{_suffix(target)}"
                return (f"il link {link} punta a un file che non esiste: "
                        + files.near_message(path, *near, write))
            moved = self._moved_item(path) if what == "filename" else None
            if moved is not None:  # the article moved to another category's folder
                write = f"{{{what}}}/{moved.replace(' ', '%20')}{_suffix(target)}"
                return (f"il link {link} punta a un file che non esiste: un file con lo"
                        f" stesso nome è in {posixpath.dirname(moved)}/ (spostato in"
                        f" un'altra cartella?); se è quello, scrivi {write} / link target"
                        f" not found: {moved} has its name, write {write}")
            return f"il link {link} punta a un file che non esiste / link target not found"
        if found[1] == files.CASE:
            written = found[0].replace(" ", "%20")  # a space would end a Markdown link
            return f"il link {link}: " + files.case_message(
                found[0], f"{{{what}}}/{written}{_suffix(target)}")
        if found[1] == files.NORMALISED:
            return (f"il link {link} punta a un file il cui nome sul disco ha le lettere"
                    " accentate scritte in un altro modo (come le salva macOS):"
                    " rinomina il file riscrivendo gli accenti / the file name on disk"
                    " is spelled with other Unicode characters")
        root = os.path.realpath(self.settings["PATH"])
        if os.path.commonpath([os.path.realpath(full), root]) != root:
            return (f"il link {link} porta fuori da content/ (collegamento simbolico)"
                    " / link leaves content/ through a symbolic link")
        if folder is not None:
            return filetypes.problem(path, full, folders[folder])
        return None

    def _moved_item(self, path):
        """The one file under another top folder of content/ with the name of the missing
        ``path`` (``notizie/festa.md`` moved to ``avvisi/festa.md``: a link to it written
        before the move), or None. Each place looked at is a dependency of the result."""
        root, name = self.settings["PATH"], posixpath.basename(path)
        found = []
        for folder in sorted(files.listing(root)):
            other = f"{folder}/{name}"
            if folder.startswith(".") or other == path \
                    or not os.path.isdir(os.path.join(root, folder)):
                continue
            self.checked.deps.add(os.path.join(root, folder, name))
            spelled = files.spelling(root, other)
            if spelled is not None and spelled[1] == files.EXACT:
                found.append(other)
        return found[0] if len(found) == 1 else None

    def _plain_problem(self, target):
        """A link or an image to a path of this site written as a plain address
        (``/immagini/foto.jpg``, ``immagini/foto.jpg``, ``/notizie/altra.md``): the build
        neither publishes the file nor rewrites the address, so on the site it is broken."""
        typed = _typed_address(target)
        if typed:
            return typed
        if files.local_path(target):
            folders = linkable_folders(self.settings)
            kind = filetypes.EXTENSIONS.get(filetypes.extension(target.replace("\\", "/")))
            folder = next((f for f, kinds in folders.items() if kind in kinds), None) \
                if kind in filetypes.IMAGES else None
            folder = folder or next((f for f, kinds in folders.items()
                                     if kinds == filetypes.DOCUMENTS), next(iter(folders)))
            return files.local_path_message(target, folder, "{{static}}/{}", link=True)
        meant = _site_path(target)
        if any(meant.startswith(folder) for folder in linkable_folders(self.settings)):
            what = "static"
        elif posixpath.splitext(meant)[1].lstrip(".").lower() in EXTENSIONS:
            what = "filename"  # a relative one from the file's folder, as {filename} reads it
            if not target.startswith("/"):
                meant = content_path(target, posixpath.dirname(self.relative)) or meant
        else:
            return None
        return (f"il link {target} è scritto senza {{{what}}}: sul sito non funzionerebbe;"
                f" scrivi {{{what}}}/{meant} / write {{{what}}}/{meant}")

    def _lead_length(self, source):
        lead = self.checked.summary
        if lead is not None:
            length = len(unescape(TAG_RE.sub("", lead)).strip())
            if length > LEAD_WARNING_LENGTH:
                self.add(f"sommario lungo ({length} caratteri, consigliati al massimo"
                         f" {LEAD_WARNING_LENGTH}): negli elenchi e nelle condivisioni"
                         " verrebbe tagliato; accorcialo / long lead: shorten it",
                         self.checked.key_lines.get("summary"), WARNING)
            return
        # the page's lead: the body's opening paragraph (article_meta's), at its line; the
        # editor wrote no summary, so the message says which text is meant and what to do
        length = len(unescape(TAG_RE.sub("", body_lead(self.checked.content))).strip())
        if length > LEAD_WARNING_LENGTH:
            body_text = source.body
            line = source.body_line + body_text[:len(body_text) - len(body_text.lstrip())
                                                ].count("\n")
            self.add(f"il primo paragrafo del testo è lungo ({length} caratteri, consigliati"
                     f" al massimo {LEAD_WARNING_LENGTH}) e, senza `summary`, fa da sommario"
                     f" negli elenchi e nelle condivisioni: scrivi nell'{HEADER} un"
                     " sommario più breve (summary: …) / long lead: the"
                     " opening paragraph is the lead, write a shorter `summary`", line,
                     WARNING)


# Quotes around a link's address (typed, or a word processor's curly ones)
QUOTES = "\"'“”‘’«»„‚"
# a phone number as an address (matched whole), not a date (2024-05-05, 05.06.2024)
PHONE_RE = re.compile(r"(?!\d{4}-\d{1,2}-\d{1,2}\Z|\d{1,2}[-.]\d{1,2}[-.]\d{2,4}\Z)"
                      r"\+?[\d(][\d ().-]{5,}\d")


def _typed_address(target):
    """What to write for a link's address typed as it is said, not as a browser needs
    it: between quotes (``[testo](“https://…”)``), an e-mail address or a phone number
    without ``mailto:`` or ``tel:``, ``www.`` without ``https://``. A browser takes each
    for a page of this site that does not exist; None for anything else."""
    bare = target.strip(QUOTES + " ")
    if bare and bare != target.strip():
        return (f"l'indirizzo del link è tra virgolette ({target}): sul sito il link non"
                f" funzionerebbe; scrivilo senza virgolette, [testo]({bare}) / write the"
                " address without quotes")
    if intent.EMAIL_RE.fullmatch(target):  # the e-mail address of the text's rule
        return (f"il link {target} è un indirizzo e-mail: sul sito porterebbe a una pagina che"
                f" non esiste; scrivi [testo](mailto:{target}) / write mailto:{target}")
    if target.lower().startswith("www."):
        return (f"il link {target} non comincia con https://: sul sito porterebbe a una pagina"
                f" che non esiste; scrivi [testo](https://{target}) / write https://{target}")
    if PHONE_RE.fullmatch(target):
        number = re.sub(r"[^\d+]", "", target)
        number = number if number.startswith("+") else \
            f"+{number[2:]}" if number.startswith("00") else f"+39{number}"
        return (f"il link {target} è un numero di telefono: sul sito porterebbe a una pagina"
                f" che non esiste; scrivi [testo](tel:{number}) / write tel:{number}")
    return None


def _web_problem(target):
    """The problem of a link's web address that a browser cannot use: a title after it in
    curly quotes (``[testo](https://… “Titolo”)``: Markdown takes the title for part of
    the address, and the sanitizer drops the address, leaving text that is no link)."""
    if re.search(rf"\s[{QUOTES}]", target):
        address = target.split()[0]
        return (f"dopo l'indirizzo del link {address} c'è un titolo tra virgolette"
                " tipografiche (“ ”): sul sito il link sparirebbe; togli quel"
                f" testo, [testo]({address}), o scrivilo tra virgolette diritte,"
                f' [testo]({address} "Titolo") / the link\'s title needs straight quotes')
    return None


def _relative(target):
    """Whether a link's ``target`` (no scheme, no host, no ``#`` or ``?`` first: body.py
    has told) is an address relative to the page showing it: not ``/…``, nor one of
    Pelican's markers (``{tag}crema``, ``|filename|…``), which Pelican replaces. One it does
    not know (``{Static}/immagini/…``, ``{statico}``) it leaves as typed: relative."""
    return not target.startswith("/") and not MARKER_RE.match(target)


def _as_address(needle):
    """A link's or an image's ``needle`` (:class:`lines.Lines`; its first text the
    address as the HTML has it) with, first, that address where it is written as a link's
    address: not the word in the prose before it (``il programma … [qui](programma)``)."""
    footnote = needle if isinstance(needle, lines.InFootnote) else None
    needles = footnote.needles if footnote else needle
    needles = (needles,) if isinstance(needles, str) else tuple(needles)
    found = (address_needle(needles[0]), *needles)
    return lines.InFootnote(footnote.label, found) if footnote else found


def _site_path(target):
    """The path under content/ an editor most likely meant by ``target``: without the
    query, the leading ``/``, ``./`` and ``../`` (``../immagini/foto.jpg`` → ``immagini/foto.jpg``)."""
    parts = [part for part in unquote(urlsplit(target).path).split("/")
             if part not in ("", ".", "..")]
    return "/".join(parts)


def _indirect(target):
    """Whether ``target``, a path from content/'s top (``/immagini/../allegati/a.pdf``,
    ``/immagini//a.jpg``, ``%xx`` decoded), has an empty, ``.`` or ``..`` part: the
    contract finds the file, Pelican looks the path up as written and, finding nothing,
    publishes the link as typed (``{static}/…``, broken), with a warning of its own."""
    path = unquote(target.split("#", 1)[0].split("?", 1)[0])
    if not path.startswith("/") or path.startswith("//"):  # relative: Pelican normalises
        return False
    return any(part in ("", ".", "..") for part in path[1:].rstrip("/").split("/"))


def _suffix(target):
    """The query and fragment of a link's ``target`` (``#programma``), as typed."""
    cut = min((i for i in (target.find("?"), target.find("#")) if i >= 0), default=len(target))
    return target[cut:]


def unreadable(relative, error):
    """The problem of a content file that cannot be opened (a symbolic link to a file
    that is gone, a file deleted while it was read): the build's and ``invoke check``'s."""
    return Problem(relative, "il file non si può leggere: è un collegamento a un file che non"
                             " c'è più, o un file cancellato proprio ora? Ripristina il file o"
                             " togli il collegamento / the file cannot be read"
                             f" ({error.strerror or error})")


def check_file(full_path, relative, settings, markdown, sanitize=True, data=None):
    """:class:`Checked` for the content file at ``full_path`` (``relative`` to content/).

    ``sanitize=False`` (``invoke check``) skips the last step, which changes no result:
    the HTML that would be published is not needed there. ``data``: the file's bytes,
    when already read.
    """
    if data is None:
        with open(full_path, "rb") as handle:
            data = handle.read()
    return _FileCheck(relative.replace(os.sep, "/"), settings, markdown, sanitize).run(data)


def escape_text(value):
    """Front-matter text as HTML: ``<``, ``>`` and ``&`` show as typed; quotes are left
    for the typography pass, which turns them into curly quotes."""
    return escape(value, quote=False)
