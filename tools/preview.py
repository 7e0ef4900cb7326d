"""The editors' live preview: ``invoke livereload`` and ``invoke preview``.

Every change under content/, theme/, plugins/ or the settings rebuilds the site
(in a child process, into a fresh folder swapped in only on success: see
``safe_build.build_into``) and open pages reload by themselves. When a build
fails, the last good build stays served and every HTML page shows, at its top,
the problems as ``invoke check`` words them (file, line, message); the page
reloads when the file is fixed and the panel goes away. The build's warnings (a long
title, an unknown key, an untagged PDF…), which never stop it, are folded in a yellow
panel at the top of every page, "N avvisi", also as ``invoke check`` words them: the
build's own log, read as for the errors it alone finds (``logged_content_warnings``),
no second checker. On an item's page its own warnings come first ("N avvisi, 1 in questa
pagina"), the others with a link to their page: the build notes which item each page is
written from (``CONTRACT_PREVIEW_SOURCES``, plugins/contract/sources.py). Only the preview adds these panels: no
build writes them.

The reload needs no inline script (the site's Content-Security-Policy allows
none): each HTML page gets ``<script src="/__anteprima/ricarica.js">``, which asks
``/__anteprima/stato`` every second for the build's number and reloads when it
changes from the one the page was served with (a ``<meta name="anteprima-build">``
beside the script: a build that ends before the page's first question, or a restart
of the preview, reloads it too). The web editor's page is never reloaded: it gets
``<meta name="anteprima-stato" content="/__anteprima/stato">`` instead, and its own
script (plugins/admin/static/scripts/preview-errors.js) asks that state and shows the
errors over the editor, in the notice it shows the production's publications in, and
the warnings in a discreet one of their own.
A request whose ``Host`` is neither ``localhost``, an address nor the name it was
started on is refused (:func:`local_host`, tools/this_machine.py: the visit counter's rule
too): a page of another site, its domain made to resolve to 127.0.0.1 (DNS rebinding),
read the drafts it shows, as same-origin.
Standard library only: a polling watcher and ``http.server``.

    python tools/preview.py --settings previewconf.py [--port 8000]
"""

import argparse
import fcntl
import html
import json
import mimetypes
import os
import posixpath
import re
import secrets
import subprocess
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from plugins.core.files import ignored  # noqa: E402
from plugins.core.urls import without_index  # noqa: E402
from plugins.italian import LANGUAGE, quanti  # noqa: E402
from tools import safe_build  # noqa: E402
from tools.this_machine import foreign_host_words, local_host, reached_at  # noqa: E402

WATCHED = ["content", "theme", "plugins", "pelicanconf.py", "publishconf.py",
           "previewconf.py"]
BODY_RE = re.compile(rb"<body[^>]*>", re.IGNORECASE)
# The theme's skip link, the first thing in <body> (theme/templates/base.html).
SKIP_LINK_RE = re.compile(rb"<body[^>]*>\s*<a class=\"skip-link\"[^>]*>.*?</a>",
                          re.IGNORECASE | re.DOTALL)
HEAD_END = b"</head>"
PREFIX = "/__anteprima/"
RELOAD_JS = (Path(__file__).with_name("preview_reload.js")).read_bytes()
RELOAD_TAG = f'<script src="{PREFIX}ricarica.js" defer></script>'.encode()
# The web editor's page (plugins/admin; Decap finds its configuration by this link) is not
# reloaded (an editor would lose what is being written): it is told where the state is,
# and its script (preview-errors.js) shows the build's errors over the editor, as they come and go.
EDITOR_MARK = b'rel="cms-config-url"'
EDITOR_TAG = f'<meta name="anteprima-stato" content="{PREFIX}stato">'.encode()
# The build a page was served from, read by the reload script: "<run>-<generation>".
BUILD_TAG = '<meta name="anteprima-build" content="{}">'
LOG_TAIL = 20
# What the warnings are, the one wording of the preview's panel and of the web editor's
# notice (preview-errors.js reads it from the state): for an editor who works in either.
WARNINGS_HELP = ("Gli avvisi non fermano né l’anteprima né la pubblicazione, ma segnalano"
                 " qualcosa da controllare (sono quelli di ./run check). Correggi e salva:"
                 " spariscono da soli.")
# Files whose changes do not rebuild: editors' temporary files and folders' metadata,
# which no build publishes (hidden files: .a.md.swp, .DS_Store, Emacs's .#a.md locks;
# backups a.md~; Emacs's #a.md#; vim's 4913 test file; Windows' Thumbs.db, desktop.ini,
# Word's ~$ owner files, WSL's foo:Zone.Identifier; the Finder's "Icon\r").
# Not IGNORE_FILES: the preview also watches the theme and the plugins, and a content
# file IGNORE_FILES leaves out (_bozza.md) is worth a rebuild of the warnings.
IGNORED = (".*", "*~", "#*#", "*.swp", "*.swx", "4913", "Thumbs.db", "ehthumbs*.db",
           "desktop.ini", "Icon\r", "~$*", "*:Zone.Identifier")
# The page shown when no build has succeeded yet: the error panel goes in its body.
# Its words, and the panel's messages, are the tool's: in the language of the site's own
# words (plugins.italian), whatever the content's.
NO_BUILD = (f'<!DOCTYPE html>\n<html lang="{LANGUAGE}"><head><meta charset="utf-8"><meta'
            ' name="viewport" content="width=device-width, initial-scale=1"><title>Anteprima:'
            " errori da correggere</title></head><body></body></html>\n").encode()
POLL_SECONDS = 0.5


# A record of the build's log (rich: its time, left out when it repeats, then the level);
# the lines after it that do not start one are its message, wrapped.
LOG_RECORD_RE = re.compile(r"^(?:\[[\d:.]+\])?\s*(DEBUG|INFO|WARNING|ERROR|CRITICAL)\s+(.*)$")
# The end of a wrapped record's first line: rich's source column (``__init__.py:144``) after
# the message column it filled, one space apart (safe_build.LOG_SOURCE_RE takes it off
# the lines where two or more spaces lead to it; a long warning's message read
# "… `image` o __init__.py:144 `attachments` …").
WRAPPED_SOURCE_RE = re.compile(r"\s+[\w.-]+\.py:\d+$")
# A content problem's message: the file under content/ (and its line), then the text.
CONTENT_PROBLEM_RE = re.compile(r"^(\S.*?\.(?:md|markdown|mdown|mkd)(?::\d+)?): (.+)$")
# A content warning's: a path under content/ (an item, or a file of its own: an upload no
# item uses, a misnamed file) and its line, then the text; the path must be there
# (:func:`logged_content_warnings`), or any plugin's "Something: …" would be one.
CONTENT_WARNING_RE = re.compile(r"^([^\s/][^:]*?)(?::(\d+))?: (.+)$")
# A warning as check words it: its file (under the content folder's name) first.
WARNING_FILE_RE = re.compile(r"^(.+?)(?::\d+)?: avviso: ")


def log_records(log):
    """``[(level, message)]`` of the build's ``log`` lines, wrapped messages joined: the
    lines indented to the message's column, not one at the margin (Pelican's closing
    "Done: Processed …", a traceback), which ends the record."""
    records, record = [], None
    for line in log:
        match = LOG_RECORD_RE.match(line)
        if match:
            record = [match.group(1), match.group(2).strip(), False]
            records.append(record)
        elif not line.strip():
            continue
        elif not line[:1].isspace():
            record = None
        elif record is not None:
            if not record[2]:  # its first line ends with rich's source column
                record[1], record[2] = WRAPPED_SOURCE_RE.sub("", record[1]), True
            record[1] += " " + line.strip()
    return [(level, text) for level, text, _ in records]


def logged_content_errors(log, content):
    """The content errors among the build's ``log`` lines, as ``invoke check`` prints
    them (``content/notizie/a.md:6: errore: …``; ``content``: the content folder's name)."""
    found = []
    for level, text in log_records(log):
        match = CONTENT_PROBLEM_RE.match(text) if level == "ERROR" else None
        if match:
            found.append(f"{content}/{match.group(1)}: errore: {match.group(2)}")
    return found


def logged_content_warnings(log, content):
    """The content warnings among the build's ``log`` lines, as ``invoke check`` prints
    them (``content/notizie/a.md:2: avviso: …``), in its order (file, then line); once
    each. ``content``: the content folder (a path: what a warning names must be in it)."""
    content, found = Path(content), {}
    for level, text in log_records(log):
        match = CONTENT_WARNING_RE.match(text) if level == "WARNING" else None
        if match and (content / match.group(1)).exists():
            path, line, message = match.groups()
            where = f"{path}:{line}" if line else path
            found.setdefault(f"{content.name}/{where}: avviso: {message}",
                             check_order(path, line))
    return sorted(found, key=found.get)


def check_order(path, line):
    """The key ``invoke check`` orders a file's problems by: the file, those without a
    line after those with one, then the line."""
    return path, line is None, int(line or 0)


def warning_file(line):
    """The file a warning line names (``content/notizie/a.md``), or ""."""
    match = WARNING_FILE_RE.match(line)
    return match.group(1) if match else ""


def warnings_heading(total, here, place):
    """The warnings' heading, the one wording of the preview's panel and of the web
    editor's notice (which reads it from the state): "Anteprima: 3 avvisi", with those of
    the item shown (``here`` of ``total``) counted, ``place`` "pagina" (the panel, on an
    item's page) or "voce" (the notice, over the open item): "Anteprima: 3 avvisi, 1 in
    questa pagina"; all its own, "Anteprima: 2 avvisi in questa voce"."""
    count = quanti(total, "avviso", "avvisi")
    if here and here == total:
        return f"Anteprima: {count} in questa {place}"
    return f"Anteprima: {count}, {here} in questa {place}" if here else f"Anteprima: {count}"


def same_words(line):
    """``line`` as compared with another wording of the same problem (spaces aside)."""
    return " ".join(line.split())


class PreviewSite:
    """The preview's state: the last build's result and, after a failure, its problems."""

    def __init__(self, settings_file, output, content, extra_settings=()):
        self.settings_file = Path(settings_file)
        self.extra_settings = tuple(extra_settings)  # Pelican's -e (NAME=json value)
        self.output = Path(output)
        self.content = Path(content)
        self.problems = []  # editor-facing lines; empty when the last build succeeded
        # the last build's warnings, as ``invoke check`` words them (they never stop it)
        self.warnings = []
        self.log = []  # the build log's last lines, when no content problem explains it
        # the last good build's pages and their items: {"2024/05/a/index.html": "notizie/a.md"}
        self.sources = {}
        self.pages = {}  # and each item's page: {"content/notizie/a.md": "/2024/05/a/"}
        self.generation = 0  # one more after every build: pages reload when it changes
        # this run's own mark: a tab left open across a restart of the preview saw
        # generation 1 again and kept the old pages
        self.run = secrets.token_hex(4)
        self._lock = threading.Lock()

    @property
    def failed(self):
        return bool(self.problems)

    def rebuild(self):
        """Build; on failure keep the last good output and learn why. True on success."""
        with self._lock:
            log = []
            sources = self.sources_file
            ok = safe_build.build_into(
                self.settings_file, self.output,
                (*self.extra_settings, f"CONTRACT_PREVIEW_SOURCES={json.dumps(str(sources))}"),
                content=self.content, log=log)
            if ok:
                self.problems, self.log = [], []
                self.warnings = logged_content_warnings(log, self.content)
                self.sources = read_sources(sources)
                self.pages = item_pages(self.sources, self.content.name)  # once a build
            else:
                self.problems, self.log, self.warnings = self._explain(log)
            self.generation += 1
        if not ok:
            print("Compilazione non riuscita: l'anteprima mostra gli errori in cima a ogni pagina."
                  " / Build failed: the preview shows the errors.", file=sys.stderr)
        return ok

    def _explain(self, log):
        """``(problems, log lines, warnings)``: the problems ``invoke check`` finds; else (a
        theme or plugin error) a line that says so and the log's end. The warnings: check's,
        and the build's it does not name."""
        result = subprocess.run(
            [sys.executable, str(ROOT / "tools" / "check.py"), "--settings",
             str(self.settings_file), "--content", str(self.content)],
            capture_output=True, text=True, cwd=self.content.parent, check=False)
        errors = [line for line in result.stdout.splitlines() if ": errore: " in line]
        warnings = [line for line in result.stdout.splitlines() if ": avviso: " in line]
        # what only the build can tell (a link typed by address to a page it did not
        # write, judged at its end): its own errors, as check words them
        seen = {same_words(line) for line in errors + warnings}
        errors += [line for line in logged_content_errors(log, self.content.name)
                   if same_words(line) not in seen]
        warnings += [line for line in logged_content_warnings(log, self.content)
                     if same_words(line) not in seen]
        if errors:
            return errors, [], warnings
        tail = [line for line in log if line.strip()][-LOG_TAIL:]
        return ["La compilazione si è fermata per un errore del sito stesso (il suo aspetto,"
                " i suoi programmi o le sue impostazioni), non di un file di content/: chiedi"
                " a chi gestisce il sito, mandandogli il registro qui sotto. / The build"
                " stopped (theme, plugin or settings error)."], tail, warnings

    @property
    def sources_file(self):
        """Where a build notes its pages' items for the preview: beside the output, as
        the output's lock (:func:`claim_output`), never in it (never served)."""
        return self.output.parent / f".{self.output.name}-sorgenti.json"

    @property
    def build(self):
        """The build being served, unique across runs of the preview."""
        return f"{self.run}-{self.generation}"

    def answer(self, url_path):
        """``(status, content type, body)`` for a GET of ``url_path``."""
        build = self.build  # before the page is read: at worst one reload too many
        if url_path == PREFIX + "stato":
            return HTTPStatus.OK, "application/json", json.dumps(
                {"generation": self.generation, "build": build,
                 "errors": len(self.problems), "problems": self.problems,
                 "warnings": self.warnings, "warnings_help": WARNINGS_HELP,
                 **self._warnings_state()}).encode()
        if url_path == PREFIX + "ricarica.js":
            return HTTPStatus.OK, "text/javascript", RELOAD_JS
        path, status = self._file(url_path), HTTPStatus.OK
        if path is None:
            path, status = self.output / "404.html", HTTPStatus.NOT_FOUND
        if not path.is_file():
            if self.failed:  # no good build yet (the first one failed): the errors alone
                return (HTTPStatus.SERVICE_UNAVAILABLE, "text/html",
                        self._decorated(NO_BUILD, build, built=False))
            return HTTPStatus.NOT_FOUND, "text/plain", b"Non trovato / Not found"
        body = path.read_bytes()
        kind = content_type(path.name)
        if kind == "text/html":
            page = path.relative_to(self.output).as_posix() if status == HTTPStatus.OK else ""
            body = self._editor(body) if EDITOR_MARK in body else self._decorated(
                body, build, page=page)
        return status, kind, body

    @staticmethod
    def _editor(body):
        """The web editor's page with the address of the state, for its script
        (preview-errors.js) to show the build's errors: in its head (which the page does not close: before
        its body), read as the script starts."""
        at = body.find(HEAD_END)
        if at < 0:
            match = BODY_RE.search(body)
            at = match.start() if match else 0
        return body[:at] + EDITOR_TAG + body[at:]

    def _file(self, url_path):
        """The output file for a URL path; None when there is none (or it leaves output/)."""
        relative = posixpath.normpath("/" + unquote(url_path)).lstrip("/")
        if "\x00" in relative:
            return None
        target = self.output / relative if relative not in ("", ".") else self.output
        if target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None

    def _decorated(self, body, build, built=True, page=""):
        """The page with the reload script (and ``build``, the build it belongs to), the
        warnings' panel when there are any and, after a failed build, the error panel
        (``built``: the page is the last good build's; ``page``: its file in the output,
        ``2024/05/a/index.html``)."""
        tag = BUILD_TAG.format(html.escape(build)).encode() + RELOAD_TAG
        body = body.replace(HEAD_END, tag + HEAD_END, 1)
        body = self._warned(body, page)
        if not self.failed:
            return body
        items = "".join(f"<li><code>{html.escape(line)}</code></li>" for line in self.problems)
        log = f"<pre><code>{html.escape(chr(10).join(self.log))}</code></pre>" if self.log \
            else ""
        # over a page of the site, under its <h1>: an <h2>; on a page of its own (no build
        # to show yet) the page's only heading, its <h1>
        level = "h2" if built else "h1"
        panel = (
            '<section class="preview-errors" role="alert" aria-labelledby="preview-errors">'
            f'<{level} id="preview-errors">Il sito non è stato aggiornato: ci sono errori da'
            f" correggere</{level}><p>"
            + ("Stai vedendo l’ultima versione riuscita." if built else
               "Non c’è ancora una versione riuscita da mostrare.")
            + " Correggi e salva: la pagina si aggiorna da sola.</p>"
            f"<ul>{items}</ul>{log}</section>").encode("utf-8")
        match = BODY_RE.search(body)
        at = match.end() if match else 0
        return body[:at] + panel + body[at:]

    def _warned(self, body, page=""):
        """The page with the warnings' panel, when the last build had any: every warning
        of the content, on every page (the editor sees them wherever they look), folded
        in a line of its own (a region with its heading; no live region, nothing
        focused), after the skip link (still the first stop of Tab). On an item's page
        (``page``, the output's file), the item's own first, marked "In questa pagina"
        and counted in the heading ("Anteprima: 3 avvisi, 1 in questa pagina"), as the
        web editor's notice puts the open item's first; each other one with a link to
        its item's page, where there is one ("Apri la pagina", named by the item's file for
        screen readers: one name for each page). Only here: no build
        writes it, the public one least of all."""
        if not self.warnings:
            return body
        item = self.sources.get(page)
        here_file = f"{self.content.name}/{item}" if item else None
        here = [line for line in self.warnings if warning_file(line) == here_file]
        pages = self.pages
        items = []
        for line in here + [line for line in self.warnings if line not in here]:
            text, file = f"<code>{html.escape(line)}</code>", warning_file(line)
            if line in here:
                text = f"<strong>In questa pagina:</strong> {text}"
            elif file in pages:  # named by its file for screen readers: one name a page
                text += (f' <a href="{html.escape(pages[file])}">Apri la pagina<span'
                         f' class="visually-hidden"> di {html.escape(file)}</span></a>')
            items.append(f"<li>{text}</li>")
        heading = html.escape(warnings_heading(len(self.warnings), len(here), "pagina"))
        explained = html.escape(WARNINGS_HELP).replace("./run check",
                                                       "<code>./run check</code>")
        panel = (
            '<section class="preview-warnings" aria-labelledby="preview-warnings">'
            f'<h2 id="preview-warnings">{heading}</h2>'
            "<details><summary>Mostra gli avvisi</summary>"
            f"<p>{explained}</p>"
            f"<ul>{''.join(items)}</ul></details></section>").encode("utf-8")
        match = SKIP_LINK_RE.search(body) or BODY_RE.search(body)
        at = match.end() if match else 0
        return body[:at] + panel + body[at:]

    def _warnings_state(self):
        """What the web editor's notice (preview-errors.js) needs of the warnings beyond
        their lines, so that it reads no rule of its own: ``warnings_at``, each warning's
        file (``content/notizie/a.md``, "" when it names none) and its item's page in the
        preview (``/2024/05/a/``, None when there is none), in the warnings' order; and
        ``warnings_headings``, the notice's heading by the file of the item open in the
        editor, "" for any other (:func:`warnings_heading`)."""
        pages, files = self.pages, [warning_file(line) for line in self.warnings]
        headings = {"": warnings_heading(len(files), 0, "voce")}
        for file in dict.fromkeys(filter(None, files)):
            headings[file] = warnings_heading(len(files), files.count(file), "voce")
        return {"warnings_at": [{"file": file, "page": pages.get(file)} for file in files],
                "warnings_headings": headings}



def item_pages(sources, folder):
    """``{"content/notizie/a.md": "/2024/05/a/"}``: each item's page in the preview, from
    the build's ``sources`` (:func:`read_sources`) and the content ``folder``'s name (of an
    item written at several addresses, translations, the first by name)."""
    pages = {}
    for page, item in sorted(sources.items()):
        pages.setdefault(f"{folder}/{item}", "/" + without_index(page))
    return pages


def read_sources(path):
    """The build's ``{page: item}`` (``CONTRACT_PREVIEW_SOURCES``); {} when it cannot be read."""
    try:
        sources = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return sources if isinstance(sources, dict) else {}


# Types deploy/nginx.conf gives by more than the last extension (mimetypes: application/xml).
FEED_TYPES = {".atom.xml": "application/atom+xml", ".rss.xml": "application/rss+xml"}


def content_type(name):
    """The type the preview sends a file of ``name`` with: the web server's
    (deploy/nginx.conf). The pages at old addresses (plugins/redirects) are named
    ``….php`` or without an extension, which ``mimetypes`` does not type: sent as
    ``application/octet-stream`` they were downloads, not pages that lead on. Feeds
    have their own types, as the web server sends them (not ``application/xml``)."""
    if "." not in name or name.lower().endswith(".php"):
        return "text/html"
    for suffix, kind in FEED_TYPES.items():
        if name.endswith(suffix):
            return kind
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def with_charset(kind):
    """``kind`` as sent: text types with ``charset=utf-8`` (every text the site writes is)."""
    text = kind.startswith("text/") or kind.endswith(("xml", "json", "javascript"))
    return f"{kind}; charset=utf-8" if text else kind


def foreign_host_text(handler):
    """The words of a refusal of ``handler``'s request (its ``Host`` not this machine's):
    the name, and the address to open instead (the one it reached, a phone's too) or
    ``HOST=`` to start on that name (:func:`this_machine.foreign_host_words`)."""
    italian, english = foreign_host_words(handler.headers.get("Host"),
                                          reached_at(handler.connection),
                                          handler.server.server_address[1])
    return f"Anteprima: {italian}.\n\nPreview: {english}.\n".encode("utf-8")


def refuse_foreign_host(handler, bound=""):
    """Answer 403 to a request whose ``Host`` is not this machine's (:func:`local_host`);
    True when it did."""
    if local_host(handler.headers.get("Host"), bound):
        return False
    text = foreign_host_text(handler)
    handler.send_response(HTTPStatus.FORBIDDEN)
    handler.send_header("Content-Type", "text/plain; charset=utf-8")
    handler.send_header("Content-Length", str(len(text)))
    handler.send_header("Cache-Control", "no-store")
    handler.send_header("X-Content-Type-Options", "nosniff")
    handler.end_headers()
    if handler.command != "HEAD":
        handler.wfile.write(text)
    return True


class StaticHandler(SimpleHTTPRequestHandler):
    """``invoke serve``'s server: the built folder as it is (no reload, no error page),
    with the web server's types (:func:`content_type`): Python's own sent feeds as
    ``application/xml`` and the old addresses' pages as downloads. A request whose
    ``Host`` is not this machine's is refused (:func:`local_host`; ``bound_name`` on the
    server: the name it was started on)."""

    def send_head(self):
        if refuse_foreign_host(self, getattr(self.server, "bound_name", "")):
            return None
        return super().send_head()

    def guess_type(self, path):
        return with_charset(content_type(os.path.basename(path)))

    def log_message(self, format, *args):  # noqa: A002 - http.server's signature
        pass


def _handler(site, bound=""):
    class Handler(BaseHTTPRequestHandler):
        server_version = "FareLegamiAnteprima/1"

        def do_GET(self):  # noqa: N802 - http.server's naming
            self._answer(send_body=True)

        def do_HEAD(self):  # noqa: N802
            """The web editor asks with HEAD whether an upload's name is a published
            file's (published-files.js): answered 501, as http.server does without
            this, every file looked absent, and a new item's upload replaced a
            published attachment of the same name without a word."""
            self._answer(send_body=False)

        def _answer(self, send_body):
            if refuse_foreign_host(self, bound):
                return
            status, kind, body = site.answer(urlsplit(self.path).path)
            self.send_response(status)
            self.send_header("Content-Type", with_charset(kind))
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if send_body:
                self.wfile.write(body)

        def log_message(self, format, *args):  # noqa: A002 - http.server's signature
            pass

    return Handler


def snapshot(roots):
    """``{path: (mtime, size)}`` of every file under ``roots`` (files or folders) but the
    :func:`ignored` ones. Folders that vanish while they are read are skipped (a folder
    deleted during the scan stopped the watcher for good)."""
    found = {}

    def note(path):
        try:
            stat = os.stat(path)
        except OSError:
            return
        found[path] = (stat.st_mtime_ns, stat.st_size)

    for root in map(str, roots):
        if os.path.isfile(root):
            note(root)
            continue
        for folder, folders, files in os.walk(root):  # errors (a folder gone) skipped
            folders[:] = [name for name in folders if name != "__pycache__"]
            for name in files:
                if not ignored(name, IGNORED):  # vim's swap file reloaded the page
                    note(os.path.join(folder, name))
    return found


def watch(site, roots, stop, last=None):
    """Rebuild whenever a file under ``roots`` changes, until ``stop`` is set. Nothing
    that goes wrong in one round stops the watching. ``last``: the files as the site
    was last built from (default: as they are now)."""
    if last is None:
        last = snapshot(roots)
    while not stop.wait(POLL_SECONDS):
        try:
            now = snapshot(roots)
            if now != last:
                last = now
                site.rebuild()
        except Exception as error:  # noqa: BLE001 - the next round tries again
            print(f"Anteprima: controllo dei file non riuscito ({error}): riprovo /"
                  f" watching failed, retrying", file=sys.stderr, flush=True)


def claim_output(site, port):
    """Hold a lock on ``site.output`` while this preview runs (the kernel drops it when
    the process ends). When another preview holds it (``./run livereload`` on 8000 and
    ``PORT=8010 ./run preview`` at once), build into a folder of this port's beside it
    instead: both built into output/, each serving the other's pages (the drafts of one
    in the other). Returns the lock's file descriptor."""
    output = site.output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(output.parent / f".{output.name}-anteprima.lock", os.O_RDWR | os.O_CREAT,
                 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        site.output = output.parent / f"{output.name}-anteprima-{port}"
        print(f"Un'altra anteprima usa già {output.name}/: questa compila in"
              f" {site.output.name}/ / another preview is using {output.name}/",
              flush=True)
    return fd


def serve(site, host, port, roots=None):
    """Build, then serve ``site`` with automatic reloads until interrupted."""
    roots = roots or [ROOT / name for name in WATCHED]
    if site.content.resolve() not in {r.resolve() for r in roots}:
        roots = [*roots, site.content]
    try:  # the address first: a second preview must not build over the first one's site
        server = ThreadingHTTPServer((host, port), _handler(site, host))
    except OSError as error:
        sys.exit(f"Anteprima: l'indirizzo {host}:{port} non è disponibile ({error.strerror}):"
                 " un'anteprima è già avviata? Chiudila, o usa un'altra porta (PORT=8010"
                 f" ./run livereload) / {host}:{port} is not available")
    lock = claim_output(site, port)
    # The files as they are before the first build: a file saved during that build, or
    # just after the address is printed (before the watching thread had read the
    # files), was taken as the starting state and never built.
    before = snapshot(roots)
    site.rebuild()
    server.daemon_threads = True
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(site, roots, stop, before), daemon=True)
    watcher.start()
    print(f"Anteprima su http://{host}:{port}/ (Ctrl+C per uscire)", flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.server_close()
        os.close(lock)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
    parser.add_argument("--content", default=str(ROOT / "content"))
    parser.add_argument("--output", default=str(ROOT / "output"))
    parser.add_argument("--host", default="localhost")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    serve(PreviewSite(args.settings, args.output, args.content), args.host, args.port)


if __name__ == "__main__":
    main()
