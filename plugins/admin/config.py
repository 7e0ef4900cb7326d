"""The web editor's configuration (``admin/config.yml``), built from the site's settings.

Pure functions of the (installed) settings, so the categories, folders, slug rule
and default author are written once, in ``pelicanconf.py`` and the plugins that own
them, never again in a hand-written YAML file:

- one folder collection per category of ``CONTRACT_CATEGORY_NAMES`` and one for the
  pages (``PAGE_PATHS``), with the fields of the editors' contract;
- images go to ``<first of STATIC_PATHS>/<year>/`` and attachments to
  ``<ATTACHMENTS_PATH>/<year>/`` (the year of the item's date), written into the
  front matter as ``immagini/…`` and ``allegati/…`` paths;
- the git host (``ADMIN_BACKEND``…) and the local backend (``ADMIN_LOCAL_BACKEND``);
- each collection's ``preview_path`` (the item's address on the site, the toolbar's «Apri
  il sito»), from ``ARTICLE_URL``/``PAGE_URL`` (:func:`preview_path`).

Decap CMS's options: https://decapcms.org/docs/configuration-options/
"""

import re
from string import Formatter

import yaml
from pelican.urlwrappers import Category

from plugins.italian import LANGUAGE, numero
from plugins.italian.slugs import MAX_LENGTH, SLUG_RE

# The contract's date form, in the tokens of moment.js (Decap's date library).
DATE_FORMAT = "YYYY-MM-DD HH:mm"
# "Name" of an item's file: the date first, as docs/guida-redazione.md suggests. The
# date's own fields through Decap's date filter, in the editor's local time: Decap's
# {{year}}/{{month}}/{{day}} are UTC, so an item dated 1 January 00:30 in Rome was
# named 2024-12-31 and its files went to last year's folder.
ARTICLE_FILE = "{{fields.date | date('YYYY-MM-DD')}}-{{slug}}"
ITEM_YEAR = "{{fields.date | date('YYYY')}}"
STATUS_OPTIONS = [
    {"label": "Pubblicato", "value": "published"},
    {"label": "Bozza (non pubblicata)", "value": "draft"},
    {"label": "Nascosto (ha un indirizzo, non compare negli elenchi)", "value": "hidden"},
]
# Who signs a new item when the settings name no AUTHOR (new_item_author)
FALLBACK_AUTHOR = "Redazione"
# The authors' list is Decap's one-line list: names separated by commas
AUTHORS_HINT = ("Uno o più nomi, separati da virgola, per esempio: Anna Rossi, Marco"
                " Bianchi. Ogni autore ha la sua pagina sul sito.")
# A page (theme/templates/page.html) shows neither its summary nor its cover: they are
# what search engines and the previews of a shared link show (plugins/seo)
PAGE_SUMMARY_HINT = ("Una o due frasi per i risultati dei motori di ricerca e le anteprime dei"
                     " link condivisi: nella pagina non compare. Se manca, si usa il primo"
                     " paragrafo del testo.")
PAGE_IMAGE_HINT = ("Nella pagina non compare: è l'immagine delle anteprime dei link condivisi"
                   " (almeno 200 × 200 pixel; altrimenti, o se manca, il logo del sito).")
# The body's toolbar: headings from level 2 to 4 only (the page's title is its level 1,
# and the contract warns about a `#` heading in the body or a skipped level); no
# strikethrough or code, which a news item has no use for.
BODY_BUTTONS = ["bold", "italic", "link", "heading-two", "heading-three", "heading-four",
                "quote", "bulleted-list", "numbered-list"]
# The toolbar's "+" menu: an image only. Decap adds "Code Block" (in English, first in
# the menu) unless the field names its components.
BODY_COMPONENTS = ["image"]
# Decap's own default backend addresses, for the Content-Security-Policy.
GITLAB = "https://gitlab.com"
GITHUB_API = "https://api.github.com"
GITHUB_STATUS = "https://www.githubstatus.com"  # the CMS polls it to warn of outages
GITHUB_AVATARS = "https://avatars.githubusercontent.com"
GRAVATAR = "https://secure.gravatar.com"  # GitLab's avatars of users without a picture


def new_item_author(settings):
    """The author a new item is signed with, the one place that says it: the site's
    ``AUTHOR`` (Pelican's setting, the byline of an item without authors), else
    :data:`FALLBACK_AUTHOR`. The form's default here, and ``invoke new``'s
    (``tools/new_item.py``)."""
    return settings.get("AUTHOR") or FALLBACK_AUTHOR


def slug_pattern():
    """The contract's slug rule (plugins/italian) as a JavaScript regular expression."""
    return f"^(?=.{{1,{MAX_LENGTH}}}$){SLUG_RE.pattern}$"


def images_folder(settings):
    """The images' folder under PATH: the first of STATIC_PATHS (``immagini``), or None."""
    attachments = settings["ATTACHMENTS_PATH"]
    folders = [p.strip("/") for p in settings.get("STATIC_PATHS") or () if p.strip("/")]
    folders = [p for p in folders if p != attachments]
    return folders[0] if folders else None


def _media(settings, folder, by_year):
    """``media_folder`` (from the repository's root) and ``public_folder`` (from PATH)."""
    public = f"{folder}/{ITEM_YEAR}" if by_year else folder
    return {"media_folder": f"/{settings['ADMIN_CONTENT_DIR']}/{public}",
            "public_folder": public}


def library_folder(settings):
    """The media library's folder under PATH: the images', else the attachments'."""
    return images_folder(settings) or settings["ATTACHMENTS_PATH"]


def public_folder(settings):
    """How the text's images are written: ``{static}/immagini`` and the file's name."""
    return "{static}/" + library_folder(settings)


def fields(settings, dated):
    """The contract's front-matter keys as Decap fields (``dated``: an article)."""
    images = images_folder(settings)
    attachments = settings["ATTACHMENTS_PATH"]
    found = [{"label": "Titolo", "name": "title", "widget": "string"}]
    if dated:
        found += [
            {"label": "Data e ora di pubblicazione", "name": "date", "widget": "datetime",
             "format": DATE_FORMAT, "default": "{{now}}", "picker_utc": False,
             "hint": "Ora italiana. Con una data futura l'articolo compare solo da quel"
                     " momento (alla prima pubblicazione del sito dopo quella data)."},
            {"label": "Argomenti", "name": "tags", "widget": "list", "required": False,
             "hint": "Separati da virgola, per esempio: Crema, Civic Center."},
            # One author is written `author: Anna Rossi`, several `authors: [Anna Rossi,
            # Marco Bianchi]`, as the contract has them: the form shows one list of names
            # (`authors`, which list-widget.js fills from `author` when the file has that
            # one) and authors.js writes the key of the names' number when the list is
            # changed.
            # `author` is a hidden field only to keep its place in the file's keys; a
            # string field "Autore" wrote "Anna Rossi, Marco Bianchi" as one author.
            {"label": "Autore", "name": "author", "widget": "hidden", "required": False},
            {"label": "Autori", "name": "authors",
             "widget": "list", "required": False,
             "default": [new_item_author(settings)], "hint": AUTHORS_HINT},
        ]
    found += [
        {"label": "Sommario", "name": "summary", "widget": "text", "required": False,
         "hint": "Una o due frasi sotto il titolo e negli elenchi. Se manca, si usa il primo"
                 " paragrafo del testo." if dated else PAGE_SUMMARY_HINT},
        {"label": "Slug (fine dell'indirizzo)", "name": "slug", "widget": "string",
         "required": False, "pattern": [slug_pattern(), "solo lettere minuscole senza"
                                        " accenti, cifre e trattini (per esempio"
                                        " nuovi-orari-sportello)"],  # in the middle of
         # phrases.js' regexPattern: «Il campo «Slug…» non è scritto come serve: solo…»
         "hint": "Di solito si lascia vuoto: l'indirizzo viene dal titolo. Serve per"
                 " mantenere l'indirizzo quando il titolo cambia."},
    ]
    if images:
        found += [
            {"label": "Immagine di copertina", "name": "image", "widget": "image",
             "required": False, "choose_url": False, **_media(settings, images, dated),
             **({} if dated else {"hint": PAGE_IMAGE_HINT})},
            {"label": "Descrizione dell'immagine (testo alternativo)", "name": "image_alt",
             "widget": "string", "required": False,
             "hint": "Obbligatoria se c'è un'immagine: dice che cosa mostra a chi non la"
                     " vede."},
        ]
    found += [
        # a closed item's summary: "Titolo (allegati/2025/file.pdf)"; an item without a
        # title or a file said " (…)" or "()" (Decap's templates have no condition over
        # two fields: each missing one has its own word)
        {"label": "Allegati", "label_singular": "allegato", "name": "attachments",
         "widget": "list", "required": False,
         "summary": "{{fields.title | default('Allegato')}} ({{fields.file"
                    " | default('senza file')}})",
         # the size over which the build warns (plugins/attachments): in production that
         # warning is only in the publication's log, which the editor never reads
         "hint": "Documenti da scaricare: PDF, documenti e fogli di calcolo (ODT, DOCX,"
                 " XLSX…), CSV, TXT, ZIP, foto. Meglio restare sotto i"
                 f" {numero(settings['ATTACHMENTS_MAX_SIZE_MB'])} MB per file: uno più"
                 " grande si pubblica, ma è lento da scaricare (un PDF si riduce"
                 " esportandolo «per il web»).",
         "fields": [
             {"label": "File", "name": "file", "widget": "file", "choose_url": False,
              **_media(settings, attachments, dated)},
             {"label": "Titolo", "name": "title", "widget": "string", "required": False,
              "hint": "Il nome del documento per chi legge; se manca, viene dal nome del"
                      " file."},
             {"label": "Descrizione", "name": "description", "widget": "string",
              "required": False},
         ]},
        *(dict(field) for field in settings["ADMIN_EXTRA_FIELDS"]),
        # required: no "(opzionale)" after its label, as the form cannot empty it; an item
        # written without `status` (published, the contract's default) still saves
        # unchanged: select-widget.js gives Decap's presence check the default it shows
        {"label": "Stato", "name": "status", "widget": "select", "required": True,
         "default": "published", "options": STATUS_OPTIONS},
        {"label": "Testo", "name": "body", "widget": "markdown", "buttons": BODY_BUTTONS,
         "editor_components": BODY_COMPONENTS},
    ]
    return found


# Pelican's strftime codes of an address (``{date:%Y}``) as dayjs's tokens (Decap's date
# filter)
DATE_TOKENS = {"%Y": "YYYY", "%m": "MM", "%d": "DD", "%H": "HH", "%M": "mm", "%S": "ss"}
# What fills the place of the address's parts before the slug when the item has a
# ``slug`` (preview_path's fallback, :func:`preview_path`): any one segment
FILLER = "x"


def _date_template(spec):
    """``%Y`` -> Decap's ``{{fields.date | date('YYYY')}}`` (the date as written, in the
    editor's time, as ARTICLE_FILE reads it: Decap's {{year}}/{{month}} are UTC, and an
    item dated 1 January 00:30 in Rome was given last year's address); None for a
    strftime code dayjs is not given here."""
    tokens = re.split(r"(%.)", spec)
    if any(part.startswith("%") and part not in DATE_TOKENS for part in tokens):
        return None
    # dayjs's escaped text is between brackets
    written = "".join(DATE_TOKENS[part] if part.startswith("%") else f"[{part}]"
                      for part in tokens if part)
    return "{{fields.date | date('" + written + "')}}"


def preview_path(pattern, fallback, category=""):
    """Decap's ``preview_path`` of a collection whose items' address is ``pattern``
    (``ARTICLE_URL``, ``{date:%Y}/{date:%m}/{slug}/``; ``category``: the slug of the
    collection's category, for ``{category}``): the link of
    Decap's "View Live" (our «Apri il sito»), ``site_url`` followed by this path made
    from the item's fields; None (no ``preview_path``: Decap opens the home page) for an
    address this cannot follow (a field other than ``date``, ``slug`` and ``category``,
    the slug inside a segment or not last) or whose item without a slug could not be
    sent to ``fallback`` (below): an end after the slug other than "" or "/"
    (``{slug}.html``, Pelican's own default: ``.html``), or no fallback with folders
    before the slug (``pages/{slug}/``: ``pages//../..//``).

    An item with ``lang:`` is linked as one in the site's language: this follows
    ``ARTICLE_URL``/``PAGE_URL``, not ``ARTICLE_LANG_URL``/``PAGE_LANG_URL`` (the form
    has no ``lang``). A translation with a slug gets its original's page (which shares
    it), without one the same listing; an item in another language alone, with a slug,
    an address the site has not (its page is under ``en/``). The web editor lists and
    opens a translation but refuses to save it (``save.js``: its slug is its original's):
    translations are written in their files.

    The slug is the item's ``slug`` field. Without one the build makes it from the title
    (``plugins.italian.slugs``: the apostrophe a word break, unidecode's folding), which
    Decap's templates cannot (its own slug of the title drops an apostrophe: "d'estate"
    is ``destate``, the site's ``d-estate``) and which they cannot choose by the field
    being empty: the path then is ``fallback`` (a path from the site's root: the
    category's listing; "" the home page), never a wrong address. The choice is made of
    Decap's own filters and the URL's dot segments, which the browser resolves when the
    link is followed: ``YYYY/MM/{{fields.slug | ternary('x/x/x', '')}}/../../../{{fields.slug
    | default('categorie/notizie')}}/``, with a slug ``YYYY/MM/x/x/x/../../../slug/`` (the
    item), without ``YYYY/MM//../../../categorie/notizie/`` (the listing: each ``..``
    takes a segment back, the empty one first). ``preview_path_preserve_slashes`` keeps
    the slashes of the filters' values."""
    parts, slugged = [], False
    for literal, name, spec, _ in Formatter().parse(pattern):
        if slugged and (name is not None or "/" in literal.rstrip("/")):
            return None  # the slug is the last field, in the last segment
        if literal:
            parts.append(("text", literal))
        if name is None:
            continue
        date = _date_template(spec) if name == "date" else None
        if name == "slug":
            if parts and not parts[-1][1].endswith("/"):
                return None  # the slug starts its segment
            slugged = True
            parts.append(("slug", ""))
        elif date:
            parts.append(("text", date))
        elif name == "category" and category and not spec:
            parts.append(("text", category))
        else:
            return None
    if not slugged:
        return None
    at = parts.index(("slug", ""))
    before = "".join(text for kind, text in parts[:at])
    after = "".join(text for kind, text in parts[at + 1:])
    depth = before.count("/")
    # without a slug the path is the address's parts before it, taken back by the dot
    # segments, then the fallback and the address's end: only an end of "" or "/" can
    # be the fallback's (``….html`` would make ``categorie/notizie.html`` or ``.html``)
    if after not in ("", "/"):
        return None
    if after == "/":
        # the fallback's "/" is the address's (the category's listing of a "/" address)
        fallback = fallback.strip("/") if fallback.endswith("/") else ""
    else:
        fallback = fallback.lstrip("/")
    if not fallback and depth:
        # ``pages/{slug}/`` without a slug: ``pages//../..//``, no page of the site
        return None
    chosen = ("{{fields.slug | default('" + fallback + "')}}" if fallback
              else "{{fields.slug}}")
    if depth:
        fillers = "/".join([FILLER] * (depth + 1))
        before += ("{{fields.slug | ternary('" + fillers + "', '')}}/"
                   + "../" * (depth + 1))
    return before + chosen + after


def _collection(settings, name, label, singular, folder, dated):
    collection = {
        "name": name, "label": label, "label_singular": singular,
        "folder": f"{settings['ADMIN_CONTENT_DIR']}/{folder}",
        "create": True, "extension": "md", "format": "yaml-frontmatter",
        "slug": ARTICLE_FILE if dated else "{{slug}}",
        "fields": fields(settings, dated),
    }
    if dated:
        collection["sortable_fields"] = [{"field": "date", "default_sort": "desc"}, "title"]
        # an item without a slug: its category's listing (the build's category of the
        # folder, by its configured name)
        category = Category(label, settings)
        path = preview_path(settings["ARTICLE_URL"], category.url, category.slug)
    else:
        path = preview_path(settings["PAGE_URL"], "")  # without a slug: the home page
    if path:
        collection["preview_path"] = path
        collection["preview_path_preserve_slashes"] = True
    return collection


def collections(settings):
    """One collection per category folder, then the pages."""
    singular = settings["ADMIN_LABELS_SINGULAR"]
    found = [_collection(settings, folder, name, singular.get(folder, name), folder, True)
             for folder, name in settings["CONTRACT_CATEGORY_NAMES"].items()]
    for folder in settings.get("PAGE_PATHS") or ():
        folder = folder.strip("/")
        found.append(_collection(settings, folder, "Pagine", "Pagina", folder, False))
    return found


def api_root(settings):
    """The git host's API address (``""``: Decap's default, gitlab.com or github.com)."""
    name, base = settings["ADMIN_BACKEND"], settings["ADMIN_BASE_URL"]
    if settings["ADMIN_API_ROOT"]:
        return settings["ADMIN_API_ROOT"]
    if base and name == "gitlab":
        return base + "/api/v4"
    if base and name == "gitea":
        return base + "/api/v1"
    return ""


# The workflow that publishes the site on GitHub (.github/workflows/), whose runs the web
# editor reads (:func:`publications`)
GITHUB_WORKFLOW = "publish.yml"
GITLAB_API = GITLAB + "/api/v4"


def publications(settings):
    """Where the web editor asks how the last publication went: the git host's CI runs on
    the published branch, GitLab's pipelines or GitHub's runs of :data:`GITHUB_WORKFLOW`
    (``{"host", "api", "repo", "branch", "workflow"}``, the API being the one Decap talks
    to, which the policy allows); None without a repository, and for Gitea (its Actions
    API is not stable across versions)."""
    name = settings["ADMIN_BACKEND"]
    if not settings["ADMIN_REPO"] or name not in ("gitlab", "github"):
        return None
    api = api_root(settings) or (GITLAB_API if name == "gitlab" else GITHUB_API)
    return {"host": name, "api": api.rstrip("/"), "repo": settings["ADMIN_REPO"],
            "branch": settings["ADMIN_BRANCH"],
            "workflow": GITHUB_WORKFLOW if name == "github" else ""}


def backend(settings):
    """The ``backend`` section: where the CMS commits in production."""
    name = settings["ADMIN_BACKEND"]
    found = {"name": name, "branch": settings["ADMIN_BRANCH"]}
    if settings["ADMIN_REPO"]:
        found["repo"] = settings["ADMIN_REPO"]
    if name == "gitlab":
        found["auth_type"] = "pkce"  # in the browser, no secret and no server
    if name in ("gitlab", "gitea") and settings["ADMIN_APP_ID"]:
        found["app_id"] = settings["ADMIN_APP_ID"]
    if settings["ADMIN_BASE_URL"]:
        found["base_url"] = settings["ADMIN_BASE_URL"]
    if api_root(settings):
        found["api_root"] = api_root(settings)
    if settings["ADMIN_AUTH_ENDPOINT"]:
        found["auth_endpoint"] = settings["ADMIN_AUTH_ENDPOINT"]
    return found


def backend_warnings(settings):
    """What keeps editors from logging in to the git host (warnings, not errors)."""
    name = settings["ADMIN_BACKEND"]
    if not settings["ADMIN_REPO"]:
        if settings["ADMIN_LOCAL_BACKEND"]:
            return []
        return ["ADMIN_REPO is empty: /admin/ is published, but nobody can log in"
                " (plugins/admin/README.md, Production)"]
    problems = []
    if name in ("gitlab", "gitea") and not settings["ADMIN_APP_ID"]:
        problems.append(f"ADMIN_APP_ID is empty: {name} needs the OAuth application's ID")
    if name == "gitea" and not settings["ADMIN_BASE_URL"]:
        problems.append("ADMIN_BASE_URL is empty: gitea needs the server's address")
    return problems


def local_backend(settings):
    """decap-server's address, used only when the editor is opened on this machine."""
    url = settings["ADMIN_LOCAL_BACKEND"]
    return {"url": url} if url else None


def config(settings):
    """The whole configuration, as a dict in the order it is written."""
    # Decap's interface in the editors' language, the one of the site's own words (its
    # Italian phrases, phrases.js), whatever the content's (DEFAULT_LANG)
    found = {"locale": LANGUAGE, "backend": backend(settings)}
    if local_backend(settings):
        found["local_backend"] = local_backend(settings)
    found["publish_mode"] = "simple"
    if settings.get("SITEURL"):
        found["site_url"] = found["display_url"] = settings["SITEURL"]
    found["logo_url"] = f"../{settings['THEME_STATIC_DIR']}/logo.png"  # a stable address
    # The media library's folder (repository's root) and its path in the text: images
    # put into the text (the editor's image component, which ignores the body field's
    # own folders) are written as the contract's {static} links.
    found["media_folder"] = f"{settings['ADMIN_CONTENT_DIR']}/{library_folder(settings)}"
    found["public_folder"] = public_folder(settings)
    found["slug"] = {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}
    found["collections"] = collections(settings)
    return found


# libyaml when available: the same text, five times faster (40 ms a build in pure Python)
class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    def ignore_aliases(self, data):
        return True  # the same field list in each collection, written out in full


def to_yaml(data):
    header = ("# Written by plugins/admin from the site's settings at every build:\n"
              "# do not edit here (plugins/admin/README.md).\n")
    return header + yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                              default_flow_style=False, width=100)
