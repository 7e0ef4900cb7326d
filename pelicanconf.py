"""Development settings for the FareLegami site.

Every setting here is documented in Pelican's settings reference
(https://docs.getpelican.com/en/latest/settings.html) or in the README section
of the plugin that reads it. ``publishconf.py`` imports this module and holds
only the production differences.
"""

import os

HERE = os.path.dirname(os.path.abspath(__file__))

# --- Site identity -----------------------------------------------------------
SITENAME = "FareLegami"
SITESUBTITLE = "Una comunità che gira"
SITEDESCRIPTION = (
    "Notizie e comunicati stampa di FareLegami, il progetto di welfare di comunità "
    "della provincia di Cremona: Crema, Cremona e Casalmaggiore."
)
SITEURL = ""
AUTHOR = "Redazione"
DEFAULT_LANG = "it"
LOCALE = ("C",)  # dates are formatted by Babel (plugins/italian), never by the OS locale
TIMEZONE = "Europe/Rome"
DEFAULT_DATE_FORMAT = "%Y-%m-%d"

# --- Paths -------------------------------------------------------------------
PATH = "content"
OUTPUT_PATH = "output"
THEME = os.path.join(HERE, "theme")
PAGE_PATHS = ["pages"]
ARTICLE_PATHS = [""]
ARTICLE_EXCLUDES = ["pages", "allegati", "immagini"]
# "allegati" is not static: plugins/attachments copies only the files of written items.
STATIC_PATHS = ["immagini"]
# Direct `pelican` runs never wipe a built site; tasks build into a fresh folder
# and swap it in (tools/safe_build.py).
DELETE_OUTPUT_DIRECTORY = False
OUTPUT_RETENTION = []
# The hidden files Windows and macOS write in a folder an editor copies or opens are no
# content (nor uploads no item uses, content_checks.uploads.unused_uploads): thumbnails
# (Thumbs.db, ehthumbs.db), a folder's settings (desktop.ini, the Finder's .DS_Store and
# custom icon "Icon\r"), Word's owner file while a document is open (~$ndo.docx), the
# mark of a downloaded file Windows adds when it is copied into WSL (foto.jpg:Zone.Identifier)
IGNORE_FILES = [".*", "_*", "*~", "README.md", "Thumbs.db", "ehthumbs*.db", "desktop.ini",
                "Icon\r", "~$*", "*:Zone.Identifier"]

# --- Plugins (Pelican's plugin system: https://docs.getpelican.com/en/latest/plugins.html)
# Ours are the package plugins/ (each has a README.md with its settings); the project
# folder is the plugin path, so they load as "plugins.<name>" and import each other
# explicitly.
PLUGIN_PATHS = [HERE]
PLUGINS = [
    "plugins.core",  # shared helpers (plugins/core/README.md); the general filters, test, globals
    "plugins.contract",  # YAML/native front matter, the editors' contract, per-file errors
    "plugins.italian",  # Babel dates and numbers, Italian typography and slugs
    "plugins.article_meta",  # reading time, lead, preview marks
    "plugins.feeds",  # valid RSS/Atom: guids, channel description
    "plugins.static_assets",  # images only when a published item uses them
    "plugins.attachments",  # documents in front matter: lists, feeds, Documenti
    "plugins.content_checks",  # cross-file checks; content errors stop the build
    "plugins.writer",  # pages and feeds written whole or not at all; render cache
    "plugins.sitemap",  # sitemap.xml with lastmod from the content: the same bytes every build
    "plugins.visit_counter",  # "1459 visite": settings and data for the counter script
    "plugins.assets",  # theme CSS/JS/fonts under content-hashed names; one stylesheet
    "plugins.images",  # width/height, WebP srcset and lazy loading for images in items
    "plugins.related",  # same-category reading, previous/next, a page's latest items
    "plugins.seo",  # canonical, Open Graph, Twitter card, JSON-LD, share links
    "plugins.csp",  # the Content-Security-Policy <meta> of every page
    "plugins.admin",  # the web editor at /admin/ (Decap CMS) and its configuration
    "plugins.search",  # Pagefind index of published pages and PDF text, at the end of the build
    "plugins.redirects",  # the old portal's addresses (indirizzi_precedenti) lead to the items
    # .gz and .br beside every text file, once per content; it runs after every other
    # `finalized` step, whatever its place in this list
    "plugins.compress",
]

# --- Categories and the content model ---------------------------------------
USE_FOLDER_AS_CATEGORY = True
DEFAULT_CATEGORY = "Notizie"
# Folder name -> display name (plugins/contract). Other folders: "my-folder" -> "My folder".
CONTRACT_CATEGORY_NAMES = {
    "notizie": "Notizie",
    "comunicati-stampa": "Comunicati stampa",
    "avvisi": "Avvisi",
}
# Future items are drafts until their date (previewconf.py shows them).
WITH_FUTURE_DATES = False
# Slugs from the title; plugins/italian makes apostrophes word breaks.
SLUGIFY_SOURCE = "title"

# --- URLs (never change once published: see README "URL scheme") -------------
ARTICLE_URL = "{date:%Y}/{date:%m}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
ARTICLE_LANG_URL = "{lang}/" + ARTICLE_URL
ARTICLE_LANG_SAVE_AS = ARTICLE_LANG_URL + "index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = PAGE_URL + "index.html"
PAGE_LANG_URL = "{lang}/{slug}/"
PAGE_LANG_SAVE_AS = PAGE_LANG_URL + "index.html"
DRAFT_URL = DRAFT_SAVE_AS = DRAFT_LANG_URL = DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_URL = DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_LANG_URL = DRAFT_PAGE_LANG_SAVE_AS = ""
CATEGORY_URL = "categorie/{slug}/"
CATEGORY_SAVE_AS = CATEGORY_URL + "index.html"
CATEGORIES_URL = "categorie/"
CATEGORIES_SAVE_AS = CATEGORIES_URL + "index.html"
TAG_URL = "argomenti/{slug}/"
TAG_SAVE_AS = TAG_URL + "index.html"
TAGS_URL = "argomenti/"
TAGS_SAVE_AS = TAGS_URL + "index.html"
AUTHOR_URL = "autori/{slug}/"
AUTHOR_SAVE_AS = AUTHOR_URL + "index.html"
AUTHORS_URL = "autori/"
AUTHORS_SAVE_AS = AUTHORS_URL + "index.html"
ARCHIVES_URL = "archivio/"
ARCHIVES_SAVE_AS = ARCHIVES_URL + "index.html"
YEAR_ARCHIVE_URL = "archivio/{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = YEAR_ARCHIVE_URL + "index.html"
MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
INDEX_SAVE_AS = "index.html"

DIRECT_TEMPLATES = ["index", "categories", "tags", "authors", "archives", "404", "robots",
                    "documenti", "segui", "cerca"]
ROBOTS_SAVE_AS = "robots.txt"
DOCUMENTI_URL = "documenti/"
DOCUMENTI_SAVE_AS = DOCUMENTI_URL + "index.html"
# Documenti grows with every attachment published: paginated like the listings,
# DEFAULT_PAGINATION documents a page (plugins/writer, WRITER_PAGINATED_BY).
WRITER_PAGINATED_BY = {"documenti": "documents"}
# "Segui le notizie": every feed of the site and how to follow it (plugins/feeds).
SEGUI_URL = "segui/"
SEGUI_SAVE_AS = SEGUI_URL + "index.html"
# The search page (plugins/search); the header's search field sends ?q= to it.
CERCA_URL = "cerca/"
CERCA_SAVE_AS = CERCA_URL + "index.html"
# Pelican looks up "<NAME>_SAVE_AS" for direct templates.
globals()["404_SAVE_AS"] = "404.html"

DEFAULT_PAGINATION = 10
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/pagina/{number}/", "{base_name}/pagina/{number}/index.html"),
)

# --- Feeds (absolute URLs need FEED_DOMAIN: set from SITEURL in publishconf) --
# Feeds need absolute URLs; development feeds point at the local server.
FEED_DOMAIN = "http://localhost:8000"
FEED_MAX_ITEMS = 30
RSS_FEED_SUMMARY_ONLY = False  # full content: see README "Feeds"
FEED_ALL_ATOM = "feeds/tutto.atom.xml"
FEED_ALL_RSS = "feeds/tutto.rss.xml"
FEED_ATOM = FEED_RSS = None
CATEGORY_FEED_ATOM = "feeds/categorie/{slug}.atom.xml"
CATEGORY_FEED_RSS = "feeds/categorie/{slug}.rss.xml"
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
TAG_FEED_ATOM = TAG_FEED_RSS = None
TRANSLATION_FEED_ATOM = TRANSLATION_FEED_RSS = None

# --- Markdown and typography -------------------------------------------------
# English terms marked lang="en" in article and page bodies (plugins/italian, which
# also adds its typography extension to MARKDOWN).
ITALIAN_ENGLISH_TERMS = ["Civic Center", "Community Manager"]
# Proper names a browser's page translation must leave as they are (plugins/italian marks
# them translate="no"): the site's name and the three towns ("Crema" became "Cream"), the
# project's own "Patti Gener-Attivi" ("Gener-Active Pacts") and "Civic Center" (the name
# of one of its four actions, which the places are called by, in English in an Italian
# page: lang="en" too). Not the adjectives (Cremonese, Cremasco: translated as
# adjectives), nor "crema" in lower case (the common noun), nor the actions named in
# ordinary words ("Laboratori di Comunità", "Community Manager": a role), which translate
# into what they mean.
ITALIAN_PROPER_NAMES = ["FareLegami", "Crema", "Cremona", "Casalmaggiore",
                        "Patti Gener-Attivi", "Patto Gener-Attivo", "Gener-Attivi",
                        "Gener-Attivo", "Civic Center"]
MARKDOWN = {
    "extension_configs": {
        # footnotes: the link back to the text is named in Italian (its title is shown on
        # hover, and plugins/italian makes it the link's name too, read by screen readers
        # in place of the arrow; Python-Markdown's is English). Its arrow is followed by
        # U+FE0E, "show as text": iPhones drew a bare "↩" as a blue emoji key.
        "markdown.extensions.extra": {
            "footnotes": {"BACKLINK_TITLE": "Torna al richiamo della nota %d nel testo",
                          "BACKLINK_TEXT": "&#8617;&#xFE0E;"}},
        # align= rather than style= on table cells: a CSP without 'unsafe-inline' styles;
        # published as a class the stylesheet aligns (plugins/contract, tables.aligned_cells)
        "markdown.extensions.tables": {"use_align_attribute": True},
        "markdown.extensions.toc": {},
        "markdown.extensions.meta": {},
        # a bulleted list and a numbered one are two lists (by default the second's items
        # joined the first: "1. Iscriviti" published as a bullet, the items spaced as
        # paragraphs), and a numbered list starts from its first number (<ol start="3">)
        "markdown.extensions.sane_lists": {},
    },
    "output_format": "html5",
}
# Templates escape every value unless it is marked safe HTML (bodies, leads, titles):
# front matter is text. No auto_reload: a build never sees its templates change (every
# build, `pelican -r`'s included, makes new Jinja environments), and checking each
# template file's date at every include and import cost 5 % of a cold build.
JINJA_ENVIRONMENT = {"autoescape": True, "auto_reload": False}
# Curly quotes and dashes: plugins/contract applies them once per text, in the reader
# (plugins/italian/typography.py), so Pelican's own pass is off.
TYPOGRIFY = False
SUMMARY_MAX_LENGTH = None

# --- Theme -------------------------------------------------------------------
# The pages the home page and the page not found point a reader to (what the project is,
# whom to ask), each linked only where the site has it (the at_url filter)
PROJECT_PAGE = "progetto/"
CONTACT_PAGE = "contatti/"
NAV_LINKS = [
    ("Il progetto", PROJECT_PAGE),
    ("Le azioni", "azioni/"),
    ("Novità", "archivio/"),
    ("Documenti", "documenti/"),
    ("Contatti", CONTACT_PAGE),
]
FOOTER_LINKS = [
    ("Privacy", "privacy/"),
    ("Note legali", "note-legali/"),
    ("Dichiarazione di accessibilità", "accessibilita/"),
]
LEAD_PARTNER = "Comune di Cremona"
PARTNERS = [
    "Comune di Crema",
    "Consorzio Casalasco Servizi Sociali",
    "Fondazione Comunitaria della Provincia di Cremona",
    "Provincia di Cremona",
    "Camera di Commercio",
    "CISVOL",
    "Confcooperative",
    "Legacoop",
    "Consorzio SOLCO",
    "Consorzio Arcobaleno",
]
FUNDER = "Fondazione Cariplo"
FUNDING_PROGRAMME = "Welfare in azione"

# --- Theme files (plugins/assets/README.md) ------------------------------------
# One stylesheet for every page, minified, published as theme/css/site.<hash>.css;
# templates link it with asset_url("css/site.css"). The sources are not published.
# One script, theme/js/site.<hash>.js: the visit counter (configured by its data-*
# attributes, idle without data-endpoint), "Copia link" and the lazy images asked for
# before printing (Safari); one request on article pages.
ASSETS_BUNDLES = {
    "css/site.css": ["css/base.css", "css/header.css", "css/list.css", "css/article.css",
                     "css/cerca.css", "css/footer.css"],
    "js/site.js": ["js/visit-counter.js", "js/share.js", "js/print.js"],
}

# --- Visit counter (plugins/visit_counter/README.md) ---------------------------
# Development: the local counter service that `invoke serve` / `livereload` start
# (tools/counter_server.py, port 8001), counting local previews too; they build with the
# address of the counter they started (another port when 8001 is taken) instead.
# publishconf.py takes the real address from the environment and never counts them.
VISIT_COUNTER_URL = "http://localhost:8001"
VISIT_COUNTER_COUNT_LOCAL = True

# --- Search (plugins/search/README.md) ---------------------------------------------
# Pagefind indexes the published articles and pages and the text of their PDF
# attachments at the end of every build; /cerca/ searches it in the browser.
SEARCH_ENABLED = True
SEARCH_PDF_TEXT = True
SEARCH_PDF_MAX_CHARS = 20_000  # characters of a PDF's text in the index (it is downloaded)

# --- Web editor at /admin/ (plugins/admin/README.md) --------------------------
# Development: decap-server, which ./run livereload starts, writes into content/; the
# local tasks build with the address of the one they started (another port when 8081 is taken).
# publishconf.py turns it off and names the git host editors log in to.
ADMIN_LOCAL_BACKEND = "http://127.0.0.1:8081/api/v1"
ADMIN_LABELS_SINGULAR = {
    "notizie": "Notizia",
    "comunicati-stampa": "Comunicato stampa",
    "avvisi": "Avviso",
}

# --- sitemap.xml (plugins/sitemap/README.md) ----------------------------------
# Left out besides drafts and hidden items: the search page and the web editor, the 404
# page and pagination (/pagina/N/). robots.txt and feeds are not HTML pages: never listed.
SITEMAP_EXCLUDE_PREFIXES = ["/admin/", "/cerca/"]
SITEMAP_EXCLUDE_PATTERNS = [r"^/404\.html$", r"/pagina/\d+/$"]

# --- Content-Security-Policy (plugins/csp/README.md) ---------------------------
# Every page carries the policy in a <meta> (SITEURL's and the visit counter's origins are
# added from the settings); the web server adds frame-ancestors and the other headers
# (deploy/nginx.conf).
CSP_META = True

# --- Precompressed copies (plugins/compress/README.md) -------------------------
# foo.html.gz and foo.html.br beside every text file of 1 kB or more, for nginx's
# gzip_static/brotli_static; the defaults (brotli quality 6, gzip level 9) are the site's.

# Absolute URLs from SITEURL ("" in development: root-relative links).
RELATIVE_URLS = False
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
