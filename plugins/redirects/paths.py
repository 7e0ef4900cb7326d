"""Old addresses (``indirizzi_precedenti``): one file's values checked, and where each
one is written. Pure functions (tests/test_redirects.py).

:func:`check_key` is the contract's check of the key (``CONTRACT_KEY_CHECKS``), so its
errors name the file and the key's line in the build and in ``invoke check`` alike.
An old address is a path on this site's host, ``/notizie/123-presentazione.html``; a
full ``https://…`` address keeps only its path. Kept as the web server reads it:
``%xx`` decoded, repeated ``/`` merged (nginx's ``merge_slashes``).
"""

import posixpath
import re
from urllib.parse import unquote

from plugins.content_checks import site_paths
from plugins.contract.written import typed_form
from plugins.core.items import PREVIOUS_ADDRESSES
from plugins.core.urls import INDEX

KEY = PREVIOUS_ADDRESSES
# Written as a file of that name: the web server sends it as a page (deploy/nginx.conf
# gives .php and names without an extension the text/html type).
SUFFIXES = (".html", ".htm", ".php")
# a web address's scheme and host, up to its path (as field-rules.js reads it): not
# urlsplit, which raised "Invalid IPv6 URL" on "http://[::1/a" (a traceback, not an error
# of the file) and drops a tab or a newline, so that the path was cut a letter off
_URL_RE = re.compile(r"([a-z][a-z0-9+.-]*)://([^/?#]*)", re.IGNORECASE)
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")
_EXAMPLE = "/notizie/123-presentazione.html"
# A name on disk has at most 255 bytes (ext4, APFS, NTFS); the page is first written
# under a temporary name (plugins.core.files.keep: ".NAME.<pid>.<thread>.part", about 30
# bytes more), and plugins/compress adds ".gz" and ".br" copies beside it. Longer names,
# or a path longer than the system's limit, stopped the build with a traceback.
MAX_NAME_BYTES = 200
MAX_PATH_BYTES = 1000


def site_folders(settings):
    """``{first path segment: owner}`` of the addresses the site writes itself: the
    content checks' reserved folders and files (categories, feeds, static folders,
    ``pagefind/``, ``admin/``, ``index.html``…), and the home page's numbered pages
    (``pagina/2/``, from ``PAGINATION_PATTERNS``): ``content_checks.site_paths.site_folders``,
    which ``./run check`` also judges links by address with."""
    return site_paths.site_folders(settings)


def old_path(text, folders=None):
    """``(path, None)`` for one old address as written, or ``(None, problem)``.

    ``folders``: :func:`site_folders` (None: not checked). The problem is editor-facing,
    Italian / English, and names the address as written.
    """
    value = str(text).strip()
    # as written, control characters shown as \n, \t…: one line in the log and in check
    written = _CONTROL_RE.sub(lambda found: repr(found.group())[1:-1], value)
    if web := _URL_RE.match(value):
        if web[1].lower() not in ("http", "https") or not web[2]:
            return None, (f"`{KEY}`: {written} non è un indirizzo di una pagina web: scrivi il"
                          f" percorso, per esempio {_EXAMPLE} / not a web address")
        value = value[web.end():] or "/"
    if "?" in value:
        return None, (f"`{KEY}`: {written} contiene una richiesta (`?…`): il sito non può"
                      " distinguere gli indirizzi che differiscono solo dopo il `?`, quindi"
                      " questo non si può reindirizzare; toglilo dall'elenco"
                      " / an address with a query string cannot be served by static files")
    if "#" in value:
        return None, (f"`{KEY}`: {written} contiene `#`: la parte dopo `#` non arriva mai al"
                      f" sito, scrivi l'indirizzo senza / no fragments")
    if "\\" in value:
        return None, (f"`{KEY}`: {written} usa la barra rovesciata `\\`: negli indirizzi si"
                      " usa la barra `/` / use `/`")
    if not value.startswith("/"):
        return None, (f"`{KEY}`: {written} deve cominciare con `/` (il percorso dopo il nome"
                      f" del sito), per esempio {_EXAMPLE} / must start with `/`")
    decoded = unquote(value)
    if _CONTROL_RE.search(decoded):
        return None, f"`{KEY}`: {written} contiene caratteri di controllo / control characters"
    if "\\" in decoded:  # %5C: the file's name would hold a `\` (a folder on Windows)
        return None, (f"`{KEY}`: {written} usa la barra rovesciata `\\` (come %5C): negli"
                      " indirizzi si usa la barra `/` / use `/`")
    folder = decoded.endswith("/")
    segments = [segment for segment in decoded.split("/") if segment]
    if any(segment in (".", "..") for segment in segments):
        return None, (f"`{KEY}`: {written} contiene `.` o `..`: un indirizzo precedente è un"
                      " percorso dentro il sito, senza `..` / `..` leaves the site")
    if any(segment.startswith(".") for segment in segments):
        return None, (f"`{KEY}`: {written} ha una parte che comincia con un punto: è il nome"
                      " di un file nascosto (come /.htaccess), non di una pagina / a hidden"
                      " name")
    if not segments:
        return None, (f"`{KEY}`: {written} è la home page del sito: non può essere un"
                      " indirizzo precedente / the home page cannot be an old address")
    path = "/" + "/".join(segments) + ("/" if folder else "")
    if (max(len(segment.encode("utf-8")) for segment in segments) > MAX_NAME_BYTES
            or len(path.encode("utf-8")) > MAX_PATH_BYTES):
        return None, (f"`{KEY}`: {written[:80]}… è troppo lungo: ogni parte tra due `/` può"
                      f" avere al massimo {MAX_NAME_BYTES} caratteri (meno con le lettere"
                      f" accentate), l'indirizzo intero {MAX_PATH_BYTES}"
                      " / too long for a file name")
    suffix = posixpath.splitext(segments[-1])[1].lower()
    if not folder and suffix and suffix not in SUFFIXES:
        return None, (f"`{KEY}`: {written} finisce con {suffix}: si possono reindirizzare"
                      f" solo indirizzi che finiscono con `/`, {', '.join(SUFFIXES)} o senza"
                      f" estensione / only {', '.join(SUFFIXES)}, `/` or no extension")
    if folders is not None and segments[0].lower() in {name.lower() for name in folders}:
        return None, (f"`{KEY}`: {written} è dentro /{segments[0]}, che il sito usa per i"
                      " suoi file: non può essere un indirizzo precedente"
                      f" / reserved for the site ({_owner(folders, segments[0])})")
    return path, None


def _owner(folders, first):
    """The owner of the reserved folder ``first`` names, whatever its capitals."""
    return next(owner for name, owner in folders.items() if name.lower() == first.lower())


def old_paths(value, folders=None):
    """``(paths, problems)`` for the key's value: a YAML list or one text. Paths in the
    order written, each once."""
    items = value if isinstance(value, (list, tuple)) else [value]
    paths, problems = [], []
    for item in items:
        if item is None or not str(item).strip():
            continue
        if isinstance(item, (dict, list, tuple)):
            # as the editor wrote it (it was Python's {'x': 1}, ['/a.html'], and
            # «/vecchio.html: None» for "- /vecchio.html:")
            written = typed_form(item, item=True)
            problems.append(f"`{KEY}`: ogni voce è un indirizzo, come {_EXAMPLE}, non"
                            f" «{written}»: scrivi un indirizzo per voce, senza parentesi"
                            " né due punti / each entry is one address")
            continue
        path, problem = old_path(item, folders)
        if problem:
            problems.append(problem)
        elif path not in paths:
            paths.append(path)
    return paths, problems


def check_key(value, settings):
    """The contract's check of ``indirizzi_precedenti`` (``CONTRACT_KEY_CHECKS``):
    ``(paths or None, problems)``; with REDIRECTS_ENABLED off the value is left as written."""
    if not settings["REDIRECTS_ENABLED"]:
        return value, []
    paths, problems = old_paths(value, site_folders(settings))
    return (paths or None), problems


def output_file(path):
    """The file written for an old path: ``/a/`` -> ``a/index.html``, ``/a.php`` -> ``a.php``."""
    relative = path.strip("/")
    return f"{relative}/{INDEX}" if path.endswith("/") else relative
