"""Writing ``admin/``: the page, the configuration, our script and the CMS's code.

:class:`AdminGenerator` (signal ``get_generators``):

- ``generate_context`` finds the CMS's code (:mod:`.bundle`; missing or stale, the
  build stops before anything is written) and logs what keeps editors from
  logging in;
- ``generate_output`` writes ``admin/index.html`` (with the Content-Security-Policy
  as a ``<meta>`` tag), ``admin/config.yml``, ``admin/slugs.json`` (the items' slugs
  and addresses: :func:`published_slugs`), ``admin/admin.js`` (our scripts joined: :data:`SCRIPTS`) and the bundle
  (hard links to npm's files, :func:`plugins.core.files.place`: its 5 MB are not
  copied again at every build).

Pelican's writer is not used: these are not site pages (no ``content_written``
signal, so no sitemap entry). Text files are written whole or not at all.
"""

import hashlib
import json
from html.entities import html5
import logging
import os
import posixpath
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from pelican.contents import Page

from plugins.assets import MANIFEST_KEY
from plugins.assets.build import theme_files
from plugins.attachments.model import ALLOWED_KINDS as ATTACHMENT_KINDS
from plugins.content_checks.site_paths import reserved_paths
from plugins.contract.ahead import EXTENSIONS
from plugins.contract.allowlist import (
    ALLOWED, GLOBAL_ATTRIBUTES, IFRAME_FEATURES, LEAKING_REFERRER_POLICIES, URL_ATTRIBUTES,
)
from plugins.contract.body import DISGUISED_REMEDY, DISGUISED_WORDS
from plugins.contract.check import linkable_folders
from plugins.contract.nesting import rules as nesting_rules
from plugins.contract.schema import LONG_TITLE_MESSAGE, TITLE_WARNING_LENGTH
from plugins.core import filetypes
from plugins.core.files import LOCAL_PATH_RE, LOCAL_PATH_WORDS, place
from plugins.core.items import PUBLIC, context_items, source
from plugins.core.problems import italian_half
from plugins.core.settings import loaded_setting
from plugins.core.text import BLANK_RANGES, blank
from plugins.csp.policy import REFERRER_POLICY
from plugins.italian import LANGUAGE
from plugins.italian.slugs import SPELLED_SYMBOLS, stored_letterless_ranges
from plugins.italian.words import ARTICLES
from plugins.redirects.paths import KEY as OLD_ADDRESSES
from plugins.redirects.paths import site_folders
from plugins.writer.atomic import AtomicFile

from . import bundle, config, policy
from .settings import FOLDER

logger = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
SCRIPTS_DIR = HERE / "static" / "scripts"
SCRIPT = "admin.js"
# The web editor's own scripts (static/scripts/, one concern each), in the order they
# run: each in a function of its own, sharing window.FareLegamiAdmin, each using what
# those before it put there (page.js first: Decap's globals and the page's data). The
# build joins them into admin/admin.js, one script run at once after decap-cms.js, as
# the page always had: separate files (or modules, deferred) each wait for their
# download, and Decap, started by decap-cms.js, could load its configuration and read
# its phrases before the later ones had registered theirs (plugins/admin/README.md).
SCRIPTS = (
    "page.js",             # Decap's globals, the page's data- attributes
    "questions.js",        # Decap's window.confirm in Italian
    "drag.js",             # dnd-kit's texts for screen readers in Italian
    "control-names.js",    # names for Decap's controls without one
    "live-region.js",      # where a keyboard move is announced
    "phrases.js",          # Decap's missing Italian phrases
    "dates.js",            # dates in the site's time (Rome)
    "markdown.js",         # the text's lines, code, breaks, headings, images' descriptions
    "link-addresses.js",   # an address: relative, its scheme, its host, decoded
    "site-images.js",      # images shown from the site
    "list-widget.js",      # the list control: one text as a list, keyboard moves, authors
    "string-widget.js",    # one-line fields keep the selection; a long title said
    "date-widget.js",      # a date at midnight is the day alone; "now" in Rome time
    "select-widget.js",    # «Stato» never emptied: no "×", the default shown
    "preview-styles.js",   # the site's stylesheets in the preview pane
    "targets.js",          # Decap's small buttons 24 px at least
    "small-screens.js",    # the item's form on a phone: one column, no sideways scroll
    "notices.js",          # Decap's notices stay until closed
    "field-errors.js",     # a save stopped by a field's error: the field shown, why said
    "nested-lists.js",     # nested lists indented as the site reads them
    "less-than.js",        # a typed "<" saved as text
    "markdown-blocks.js",  # blocks of HTML with Markdown inside, as Decap reads them
    "table-alignment.js",  # a table's column alignment kept
    "published-files.js",  # an upload never replaces a published file
    "refusal.js",          # a refusal as Decap shows it
    "html-blocks.js",      # the text's blocks of HTML, as the build reads them
    "link-reading.js",     # the text's links read as the build reads them
    "link-rules.js",       # the links' and images' addresses the build refuses
    "native-header.js",    # Pelican's native header made front matter
    "authors.js",          # the authors written as the contract has them
    "slugs.js",            # a title's slug and the items that have it
    "saved-items.js",      # the items saved and deleted in this session
    "old-addresses.js",    # a changed title keeps the old address
    "live-link.js",        # «Apri il sito»: asked for once the item is read, its page
    "reserved.js",         # the addresses the site keeps for itself
    "html-rules.js",       # the HTML the build refuses in the text and the summary
    "field-rules.js",      # the form's values the build refuses: year, old addresses, names
    "file-types.js",       # the types of file the site publishes
    "save.js",             # the checks before a save (preSave)
    "banner.js",           # a notice at the bottom of the page
    "publications.js",     # how the last publication went
    "preview-errors.js",   # the local preview's build errors and warnings
    "paste.js",            # pictures pasted with the text
    "typed-fields.js",     # the text and the summary as typed
    "preview-meta.js",     # the preview's meta line, attachments and cover
    "previews.js",         # the preview templates: lead, body, reading time
)


def preview_stylesheets(settings, context):
    """The stylesheets of the preview pane, as paths relative to ``admin/``.

    The one place that chooses them: ``ADMIN_PREVIEW_CSS``, theme files by their name
    under the theme's static folder (``css/site.css``), published under the name
    plugins/assets gave them (``theme/css/site.<hash>.css``: the build's manifest).
    """
    manifest = context.get(MANIFEST_KEY) or {}
    return [posixpath.join("..", settings["THEME_STATIC_DIR"], manifest.get(name, name))
            for name in (path.lstrip("/") for path in settings["ADMIN_PREVIEW_CSS"])]


# The site stylesheet's custom properties the editor's own notices use (banner.js: a
# warning's edge and background, the yellow of the preview's warnings on the site's pages):
# one source, the theme's CSS, given to the page as they are set there.
SITE_PROPERTIES = ("--color-warning-edge", "--color-warning-bg")
# A top-level ``:root`` block (at a line's start: not one inside a media query, the dark or
# high-contrast look; the editor has the light one) and a declaration in it.
ROOT_BLOCK_RE = re.compile(r"^:root\s*\{([^}]*)\}", re.MULTILINE)
DECLARATION_RE = re.compile(r"(--[\w-]+)\s*:\s*([^;]+?)\s*(?:;|$)")
CSS_COMMENT_RE = re.compile(r"/\*.*?\*/", re.DOTALL)


def site_properties(settings):
    """``--color-warning-edge:#946c00;--color-warning-bg:#fff6d6``: the
    :data:`SITE_PROPERTIES` as the preview's stylesheets (``ADMIN_PREVIEW_CSS``; a bundle:
    its sources, ``ASSETS_BUNDLES``, in order) set them in the theme's files, the last
    setting winning as in the browser; one a stylesheet does not set is left out."""
    folders = (loaded_setting(settings, "ASSETS_STATIC_PATHS")
               or settings.get("THEME_STATIC_PATHS") or ())
    files = theme_files(settings["THEME"], folders, settings.get("IGNORE_FILES") or ())
    bundles = loaded_setting(settings, "ASSETS_BUNDLES") or {}
    found = {}
    for name in (path.lstrip("/") for path in settings["ADMIN_PREVIEW_CSS"]):
        for part in bundles.get(name, [name]):
            if part not in files:
                continue
            css = CSS_COMMENT_RE.sub("", Path(files[part]).read_text(encoding="utf-8"))
            for block in ROOT_BLOCK_RE.findall(css):
                found.update((key, value) for key, value in DECLARATION_RE.findall(block)
                             if key in SITE_PROPERTIES)
    missing = [key for key in SITE_PROPERTIES if key not in found]
    if missing:  # the editor's warnings notice would lose its edge and background
        logger.warning("ADMIN_PREVIEW_CSS: no top-level :root of the theme's stylesheets"
                       " sets %s: the web editor's warnings notice is drawn without them",
                       ", ".join(missing))
    return ";".join(f"{key}:{found[key]}" for key in SITE_PROPERTIES if key in found)


def _versioned(path):
    """``name?v=<hash>``: a browser fetches the file again when its content changes."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    return f"{path.name}?v={digest}"


def script_text():
    """``admin/admin.js``: our scripts (:data:`SCRIPTS`) one after the other."""
    return "\n".join((SCRIPTS_DIR / name).read_text(encoding="utf-8") for name in SCRIPTS)


def render_index(settings, context, main="decap-cms.js", script=SCRIPT):
    """``admin/index.html``; ``main`` and ``script`` are the two scripts' URLs."""
    environment = Environment(loader=FileSystemLoader(str(HERE / "templates")),
                              autoescape=True, keep_trailing_newline=True)
    collections = config.collections(settings)
    pages = {path.strip("/") for path in settings.get("PAGE_PATHS") or ()}
    return environment.get_template("index.html").render(
        lang=LANGUAGE,  # the page is Decap's interface, in its locale (config.yml)
        policy=policy.meta(settings),
        # the Referrer-Policy nginx sends, for hosts that send none (as every page: plugins/csp)
        referrer=REFERRER_POLICY,
        sitename=settings["SITENAME"],
        favicon="../" + posixpath.join(settings["THEME_STATIC_DIR"],
                                       (context.get(MANIFEST_KEY) or {}).get("favicon.svg",
                                                                              "favicon.svg")),
        main=main,
        script=script,
        preview_css=preview_stylesheets(settings, context),
        site_properties=site_properties(settings),
        articles=[c["name"] for c in collections if c["name"] not in pages],
        pages=[c["name"] for c in collections if c["name"] in pages],
        # "della Redazione" in the preview as on the site: the same table (italian.words)
        articles_of_di=json.dumps(ARTICLES, ensure_ascii=False, sort_keys=True),
        # the byline of an item without authors, as on the site (Pelican's AUTHOR)
        default_author=settings.get("AUTHOR") or "",
        content_dir=settings["ADMIN_CONTENT_DIR"],  # uploads are looked up on the site
        # the text's images Decap finds ({static}/immagini/<name>); others: on the site
        public_folder=config.public_folder(settings),
        html_tags=sorted(ALLOWED),  # a "<" typed before another name is text (less-than.js)
        # the attributes each may have ("a:href"; "*:class": any element's), and the
        # hosts of the videos a text may embed: html-rules.js refuses what the build refuses
        html_attributes=html_attributes(),
        # those holding an address (href, src, cite): where the build refuses a control
        # character (body.py's control_problem) and lets a marker begin the value
        url_attributes=sorted(URL_ATTRIBUTES),
        iframe_hosts=sorted(settings["CONTRACT_IFRAME_HOSTS"]),
        # what such a video may ask of the reader's browser (allow), and the referrer
        # policies it may not have: the build's own (plugins/contract/allowlist.py)
        iframe_features=sorted(IFRAME_FEATURES),
        leaking_referrer_policies=sorted(LEAKING_REFERRER_POLICIES),
        # what a video's title made only of is blank, as the build judges it (core.text's
        # BLANK_RANGES, as hex ranges, and the names of the character references that
        # make only such characters: "nbsp;", "ZeroWidthSpace;")
        blank=[f"{first:x}-{last:x}" for first, last in BLANK_RANGES],
        blank_references=sorted(name for name, value in html5.items() if blank(value)),
        # the characters of which the site's slug keeps nothing ("\u2800", "&", "°"…),
        # in the first two planes: a title made only of them gives no address (as hex
        # ranges, kept beside plugins/italian/slugs.py: computed, a third of a second)
        letterless=[f"{first:x}-{last:x}" for first, last in stored_letterless_ranges()],
        # the symbols the site makes word breaks before it decodes references ("°")
        spelled_symbols=SPELLED_SYMBOLS.pattern,
        # how deep a text's HTML may nest, and how many inline elements it may leave open
        # (plugins/contract/nesting.py: the sanitizer would take minutes), in JSON
        nesting=json.dumps(nesting_rules(), ensure_ascii=False, sort_keys=True),
        # the folders a {static} link leads into, and the items' extensions: a path of
        # the site written without {static} or {filename} is refused, as by the build
        static_folders=sorted(linkable_folders(settings)), item_extensions=EXTENSIONS,
        # a path on the editor's computer (C:\…, \\server\share\…, /Users/…), as the
        # build finds it (core.files' LOCAL_PATH_RE, matched at the start, case ignored),
        # and the build's words for it
        local_path=LOCAL_PATH_RE.pattern, local_path_words=LOCAL_PATH_WORDS,
        # the build's words for a link that looks like a path of the site and leads to
        # another one (/\evil.example/), and for what to write instead, "{host}" for its
        # host
        disguised_words=DISGUISED_WORDS.format(host="{host}"),
        disguised_remedy=DISGUISED_REMEDY.format(host="{host}"),
        # a changed title or month adds the old address there (plugins/redirects' key)
        old_addresses=next((f["name"] for f in settings["ADMIN_EXTRA_FIELDS"]
                            if f["name"] == OLD_ADDRESSES), ""),
        # the folders the site writes its own files in: no old address may be there
        site_folders=sorted(site_folders(settings)),
        # the first parts of the addresses the site writes its own files at (/documenti/,
        # /cerca/…): no item's address may start with one
        reserved=sorted(reserved_paths(settings)),
        # the types of file the site publishes in each folder, and as a cover image
        file_types=json.dumps(file_types(settings), ensure_ascii=False, sort_keys=True),
        article_url=settings["ARTICLE_URL"], page_url=settings["PAGE_URL"],
        timezone=settings["TIMEZONE"],  # a date with an offset is shown in the site's time
        # the site's language: an item with that `lang` is at ARTICLE_URL/PAGE_URL, as one
        # without (live-link.js' «Apri il sito»), another's under ARTICLE_LANG_URL
        default_lang=settings["DEFAULT_LANG"],
        # the length past which the build warns "titolo lungo": the title's field says so
        title_length=TITLE_WARNING_LENGTH,
        # and the build's words for it (its Italian half, "{length}" for the count)
        long_title=italian_half(LONG_TITLE_MESSAGE),
        # where the last publication's run is (the git host's CI), or nothing
        publications=json.dumps(config.publications(settings) or "", sort_keys=True),
    )


def file_types(settings):
    """What file-types.js needs to refuse a file of a type the build refuses, as the build
    words it (``plugins/core/filetypes.problem``): ``{"folders": {folder: types}, "image":
    types, "attachments": types}``, the folders a ``{static}`` link leads into
    (``linkable_folders``: images, attachments), the cover image (``image``: a photo
    wherever it is) and the attachments (documents wherever they are), each
    ``{"extensions": [...], "allowed": "PDF, ODT, …", "advice": {ext: "salvalo in PDF o
    DOCX"}}`` (the advice for each known extension refused there that has one)."""
    def types(kinds):
        advice = {ext: filetypes.conversion(kind, kinds)
                  for name, kind in filetypes.KINDS.items() if name not in kinds
                  for ext in kind.mimes}
        return {"extensions": sorted(ext for name in kinds
                                     for ext in filetypes.KINDS[name].mimes),
                "allowed": filetypes.allowed_text(kinds),
                "advice": {ext: text for ext, text in advice.items() if text}}
    return {"folders": {folder.strip("/"): types(kinds)
                        for folder, kinds in linkable_folders(settings).items()},
            "image": types(filetypes.IMAGES), "attachments": types(ATTACHMENT_KINDS)}


def html_attributes():
    """The body's allowlist of attributes (plugins/contract/allowlist.py) as ``tag:name``
    words, ``*:name`` for those any element may have, for html-rules.js."""
    return sorted([f"*:{name}" for name in GLOBAL_ATTRIBUTES]
                  + [f"{tag}:{name}" for tag, names in ALLOWED.items() for name in names])


def published_slugs(context, settings):
    """``{"articles": {slug: file}, "pages": {…}, "addresses": {file: "/2024/05/slug/"},
    "unpublished": {"articles": {digest: digest}, "pages": {…}}}``: the items this build
    publishes, by slug, with their file under the content folder, and their addresses;
    drafts, hidden and scheduled items (nothing of them is public) by the :func:`private`
    digests of their slug and file. ``slugs.js`` reads it (``slugs.json``) to refuse a
    new title whose slug another item has (two items with one slug stop the build, which
    the editor would not see), and to keep a published item's address working when its
    title changes (the old one joins its ``indirizzi_precedenti``); a publish reads the
    addresses of the release online (``tools/vanished.py``).

    The items come from :func:`plugins.core.items.context_items`, translations too. By
    slug, only those in the site's language (``DEFAULT_LANG``): the editor's form has no
    ``lang``, so what it writes is in that language, and the build refuses one slug twice
    in one language only (``content_checks.duplicates``: an item in English alone does
    not take a slug from an Italian one, which becomes its original). A translation
    shares its original's slug (that is how Pelican pairs them): listed by slug it would
    take the original's place, and saving the original would be refused as taking the
    translation's address; and ``old-addresses.js`` makes an address from ``ARTICLE_URL``,
    not ``ARTICLE_LANG_URL``, so an item in another language retitled would get its own
    address as an old one, which stops the build. Every published item's address is
    listed, translations too: a publish names the file of a translation's vanished
    address as it does an original's."""
    found = {"articles": {}, "pages": {}, "addresses": {},
             "unpublished": {"articles": {}, "pages": {}}}
    for item, fate in context_items(context):
        kind = "pages" if isinstance(item, Page) else "articles"
        public = fate in PUBLIC and item.status != "hidden"
        if public:
            # a changed title keeps the old address (old-addresses.js, plugins/redirects)
            found["addresses"][source(item)] = "/" + item.url
        if item.lang != settings["DEFAULT_LANG"]:
            continue
        if public:
            found[kind][item.slug] = source(item)
        else:
            # the others take a slug too (a new item with the slug of a draft stopped the
            # build as well), as digests: equal or not, never what they are
            found["unpublished"][kind][private(item.slug)] = private(source(item))
    return found


def private(text):
    """A digest of ``text`` (16 hex digits of its sha256): ``slugs.js`` makes the same one
    of a slug and a file to compare them with those of the items the site does not
    publish, whose titles (in their slugs and file names) are no one's business yet."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _write_text(path, text):
    with AtomicFile(str(path), "utf-8") as handle:
        handle.write(text)


class AdminGenerator:
    """Writes the web editor into ``admin/`` (nothing when ADMIN_ENABLED is False)."""

    def __init__(self, context, settings, path, theme, output_path, **kwargs):
        self.context = context
        self.settings = settings
        self.output_path = output_path
        self.files = []

    def generate_context(self):
        if not self.settings["ADMIN_ENABLED"]:
            return
        self.files = bundle.files(self.settings)
        for warning in config.backend_warnings(self.settings):
            logger.warning("%s", warning)

    def generate_output(self, writer):
        del writer  # not site pages: written directly
        if not self.settings["ADMIN_ENABLED"]:
            return
        target = Path(self.output_path) / FOLDER
        target.mkdir(parents=True, exist_ok=True)
        for source in self.files:  # installed by npm, never changed in place: linked
            place(source, target / source.name)
        _write_text(target / SCRIPT, script_text())  # the project's, edited in place
        _write_text(target / "config.yml", config.to_yaml(config.config(self.settings)))
        _write_text(target / "slugs.json", json.dumps(
            published_slugs(self.context, self.settings), ensure_ascii=False, sort_keys=True))
        _write_text(target / "index.html", render_index(
            self.settings, self.context, _versioned(self.files[0]),
            _versioned(target / SCRIPT)))
        logger.info("Writing the web editor into %s", os.path.join(self.output_path, FOLDER))


def get_generators(pelican):
    return AdminGenerator
