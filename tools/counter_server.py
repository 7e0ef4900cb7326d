"""A local visit counter for previews and tests: NOT production analytics.

It speaks the part of GoatCounter's protocol that theme/static/js/visit-counter.js
uses, so the site can be tried without an account or a network:

- ``GET|POST /count?p=<path>&t=<title>[&b=<bot flag>]`` records a hit and answers a
  1x1 GIF with ``Access-Control-Allow-Origin: *``. Hits flagged as bots (``b``, sent
  by the script when ``navigator.webdriver`` is true) are stored but, as in
  GoatCounter, not counted.
- ``GET /counter/<encoded path>.json`` answers ``{"count": "1459"}`` with the same
  CORS header; a path never visited (by anyone but bots) answers 404 with
  ``{"count": "0"}``.

Only this machine's pages are answered (tools/this_machine.py, the preview's rule): a
request whose ``Host`` is neither ``localhost``, an address nor the name the counter was
started on (a page of another domain made to resolve to 127.0.0.1, DNS rebinding), or
whose ``Origin`` (else ``Referer``) is a page elsewhere, ``null`` included (a sandboxed
frame, a ``file:`` page), or that says ``Sec-Fetch-Site: cross-site`` with neither,
answers 403 without CORS headers, nothing recorded: any site open in the browser could
send hits. ``names``: more names of this machine (the tests' ``site.test``).

What it stores is capped: the database never grows past ``MAX_BYTES`` (16 MiB, over
100 000 hits of ordinary pages; ``make_server(max_bytes=…)``, SQLite's
``max_page_count``). Once full, a hit (or a seed) that no longer fits answers 507 and is
not recorded, the counts already there are still answered, and the log says so once;
deleting the file (``.cache/counter.sqlite3``) starts again.

Malformed requests are refused, never half-served: a hit without ``p``, a ``p`` not
starting with ``/``, ``p`` or ``t`` longer than 2000 characters, a bad ``b`` or
``Content-Length`` answer 400; a body over 64 KiB answers 413 without being read;
unknown methods 501 (http.server's own answer). A connection that sends nothing for
10 seconds (``--timeout``) is dropped, so a silent client cannot hold a thread.

Counts live in SQLite (``--db``, in memory by default). Standard library only.
``invoke serve`` / ``livereload`` start it on port 8001 beside the site (a free port when
8001 is taken) and build the site for the address it got.

Development and tests only: no sessions, no rate limits, no authentication.
Production uses GoatCounter (plugins/visit_counter/README.md).

    python tools/counter_server.py --port 8001 --seed /2024/05/slug=1459 --format spaced

With ``--testing``, ``/__control`` lets a test change the answers to counter reads:
``POST /__control?status=500``, ``?delay=6`` (seconds), ``?forbidden=1`` (403
without CORS headers, as GoatCounter answers when public counters are off),
``?hold=1`` (reads wait until ``?release=1``), ``?raw=<JSON>`` (reads answer 200 with
that JSON value as ``count``, e.g. ``raw="-7"`` or ``raw=1459``: hostile answers),
``?seed=/path=12``, ``?reset=1`` (knobs back to normal), ``?clear=1`` (forget hits
and seeds); ``GET /__control`` returns the knobs and the hits.
"""

import argparse
import base64
import json
import logging
import re
import sqlite3
import sys
import threading
from dataclasses import asdict, dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: python tools/counter_server.py
    sys.path.insert(0, str(ROOT))

from tools.this_machine import (  # noqa: E402
    foreign_host_words, foreign_page, local_host, reached_at,
)

logger = logging.getLogger(__name__)

# The smallest transparent 1x1 GIF (43 bytes), as GoatCounter answers /count.
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")
# Thousands separators of the formats GoatCounter offers (number_format setting).
SEPARATORS = {"plain": "", "spaced": "\u202f", "dots": ".", "commas": ","}
# Limits on what a client may send (the script sends far less).
MAX_TEXT = 2000  # characters of a path (p, or the path read) or a title (t)
MAX_BODY = 64 * 1024  # bytes of a POST body (the script's recording sends none)
TIMEOUT = 10.0  # seconds a connection may stay silent before it is dropped
MAX_BYTES = 16 * 1024 * 1024  # the database's size at most (SQLite's max_page_count)
DIGITS_RE = re.compile(r"[0-9]+")  # ASCII digits only ("\u00b2".isdigit() is True)
BOT_RE = re.compile(r"[0-9]{1,6}")
SCHEMA = """
CREATE TABLE IF NOT EXISTS hits (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    bot INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE IF NOT EXISTS seeds (path TEXT PRIMARY KEY, count INTEGER NOT NULL);
"""


def format_count(number, style="plain"):
    """``1459`` -> ``"1459"`` (plain), ``"1\u202f459"`` (spaced), ``"1.459"`` (dots)."""
    return f"{number:,}".replace(",", SEPARATORS[style])


def parse_seed(text):
    """``"/path=1459"`` -> ``("/path", 1459)``; the last ``=`` separates the count."""
    path, sep, count = text.rpartition("=")
    if not sep or not path or not count.isdigit():
        raise ValueError(f"seed must look like /path=1459, not {text!r}")
    return path, int(count)


class StoreFull(Exception):
    """The database reached its size limit: nothing more is recorded."""


class CounterStore:
    """Hits and seeded counts in one SQLite database, safe to share between threads,
    never larger than ``max_bytes`` (a file already larger stays as it is: full)."""

    def __init__(self, database=":memory:", max_bytes=MAX_BYTES):
        self._lock = threading.Lock()
        self._db = sqlite3.connect(database, check_same_thread=False, isolation_level=None)
        self._db.executescript(SCHEMA)
        page_size = self._db.execute("PRAGMA page_size").fetchone()[0]
        # Per connection, not kept in the file; never below the file's current size.
        self._db.execute(f"PRAGMA max_page_count = {max(1, int(max_bytes) // page_size)}")
        self.max_bytes = max_bytes
        self.full = False  # became full while running (logged once)

    def _write(self, statement, values):
        with self._lock:
            try:
                self._db.execute(statement, values)
            except sqlite3.OperationalError as error:
                if error.sqlite_errorcode != sqlite3.SQLITE_FULL:
                    raise
                first, self.full = not self.full, True
            else:
                return
        if first:
            size = (f"{self.max_bytes / 2**20:g} MiB" if self.max_bytes >= 2**20
                    else f"{self.max_bytes // 1024} KiB")
            logger.warning(
                "Contatore visite di sviluppo pieno (%s): le nuove visite non sono"
                " registrate; cancella .cache/counter.sqlite3 per ricominciare. / Visit"
                " counter full: new hits are not recorded.", size)
        raise StoreFull(f"counter database full ({self.max_bytes} bytes): hit not recorded")

    def record(self, path, title="", bot=0):
        self._write("INSERT INTO hits (path, title, bot) VALUES (?, ?, ?)", (path, title, bot))

    def seed(self, path, count):
        self._write("INSERT OR REPLACE INTO seeds (path, count) VALUES (?, ?)", (path, count))

    def count(self, path):
        """Seeded count plus the hits not flagged as bots (0 for a path never visited)."""
        with self._lock:
            seeded = self._db.execute("SELECT count FROM seeds WHERE path = ?",
                                      (path,)).fetchone()
            hits = self._db.execute("SELECT COUNT(*) FROM hits WHERE path = ? AND bot = 0",
                                    (path,)).fetchone()
        return (seeded[0] if seeded else 0) + hits[0]

    def hits(self):
        with self._lock:
            rows = self._db.execute("SELECT path, title, bot FROM hits ORDER BY id").fetchall()
        return [{"path": path, "title": title, "bot": bot} for path, title, bot in rows]

    def clear(self):
        with self._lock:
            self._db.execute("DELETE FROM hits")
            self._db.execute("DELETE FROM seeds")

    def close(self):
        with self._lock:
            self._db.close()


@dataclass
class Knobs:
    """How counter reads misbehave, for tests (only with ``--testing``)."""

    status: int = 0  # answer this HTTP status (with CORS headers) instead of the count
    delay: float = 0.0  # seconds to wait before answering
    forbidden: bool = False  # 403 without CORS headers (public counters switched off)
    held: bool = False  # reads wait until released (``?hold=1``, then ``?release=1``)
    raw: str = ""  # JSON text answered as the count with a 200 (``?raw=``); "" = off
    raw_by_path: dict = field(default_factory=dict)  # path -> such JSON text, per page


class BadRequest(Exception):
    """A malformed request: answered with ``status`` and the message, nothing done
    (``cors``: with the CORS header, so the page can read why)."""

    def __init__(self, message, status=HTTPStatus.BAD_REQUEST, cors=True):
        super().__init__(message)
        self.status = status
        self.cors = cors


class CounterHandler(BaseHTTPRequestHandler):
    server_version = "FareLegamiCounter/1"
    # Seconds a connection may stay silent (StreamRequestHandler applies it to the
    # socket; a read that times out drops the connection). The server's own value wins.
    timeout = TIMEOUT

    def setup(self):
        self.timeout = self.server.timeout_seconds
        super().setup()

    def handle_one_request(self):
        """http.server's, with a malformed request answered instead of served."""
        try:
            super().handle_one_request()
        except BadRequest as error:
            self.close_connection = True  # an unread body must not become a request
            self._json(error.status, {"error": str(error)}, cors=error.cors)
        except StoreFull as error:
            self._json(HTTPStatus.INSUFFICIENT_STORAGE, {"error": str(error)})

    def _refuse_other_sites(self):
        """Before anything is read or done: a request of a page elsewhere is refused,
        403 without CORS headers (:mod:`tools.this_machine`)."""
        names = self.server.names
        if not local_host(self.headers.get("Host"), *names):
            italian, english = foreign_host_words(self.headers.get("Host"),
                                                  reached_at(self.connection))
            raise BadRequest(f"Contatore: {italian} / Counter: {english}",
                             HTTPStatus.FORBIDDEN, cors=False)
        if page := foreign_page(self.headers, *names):
            raise BadRequest(
                f"Contatore: solo le pagine di questo computer ({page!r}) / Counter: only"
                " this machine's pages", HTTPStatus.FORBIDDEN, cors=False)

    def do_GET(self):  # noqa: N802 - http.server's naming
        self._refuse_other_sites()
        url = urlsplit(self.path)
        if url.path == "/count":
            self._record(url.query)
        elif url.path.startswith("/counter/") and url.path.endswith(".json"):
            self._read(url.path.removeprefix("/counter/").removesuffix(".json"))
        elif url.path == "/__control" and self.server.testing:
            self._json(HTTPStatus.OK, {"knobs": asdict(self.server.knobs),
                                       "hits": self.server.store.hits()})
        else:
            self._json(HTTPStatus.NOT_FOUND, {"error": "not found"})

    def do_POST(self):  # noqa: N802
        self._refuse_other_sites()  # before the body is read
        url = urlsplit(self.path)
        self._read_body()  # a recording's (none); bounded, before anything is done
        if url.path == "/count":
            self._record(url.query)
        elif url.path == "/__control" and self.server.testing:
            self._control(url.query)
        else:
            self._json(HTTPStatus.NOT_FOUND, {"error": "not found"})

    def do_OPTIONS(self):  # noqa: N802 - CORS preflight, should a client send one
        self._refuse_other_sites()
        self.send_response(HTTPStatus.NO_CONTENT)
        self._cors()
        self.send_header("Access-Control-Allow-Methods", "GET, POST")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _read_body(self):
        """The request's body, at most MAX_BODY bytes; a larger one is refused unread."""
        lengths = self.headers.get_all("Content-Length") or ["0"]
        text = lengths[0].strip()
        if len(lengths) > 1 or not DIGITS_RE.fullmatch(text):
            raise BadRequest(f"Content-Length must be one whole number of bytes, not {text!r}")
        if len(text) > 18 or int(text) > MAX_BODY:
            raise BadRequest(f"body over {MAX_BODY} bytes", HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
        return self.rfile.read(int(text))

    def _record(self, query):
        params = dict(parse_qsl(query))
        path, title, bot = params.get("p"), params.get("t", ""), params.get("b", "0")
        if not path or not path.startswith("/") or len(path) > MAX_TEXT:
            raise BadRequest(f"p must be a path starting with / of at most {MAX_TEXT} characters")
        if len(title) > MAX_TEXT:
            raise BadRequest(f"t must be at most {MAX_TEXT} characters")
        if not BOT_RE.fullmatch(bot):
            raise BadRequest("b must be a small whole number")
        self.server.store.record(path, title, int(bot))
        self._send(HTTPStatus.OK, "image/gif", PIXEL)

    def _read(self, raw_path):
        if len(unquote(raw_path)) > MAX_TEXT:
            raise BadRequest(f"the path must be at most {MAX_TEXT} characters")
        knobs = self.server.knobs
        if knobs.delay and self.server.stopping.wait(knobs.delay):
            return  # shutting down
        if not self.server.wait_released():
            return  # shutting down
        if knobs.forbidden:
            self._json(HTTPStatus.FORBIDDEN, {"error": "visitor counter disabled"}, cors=False)
            return
        if knobs.status:
            self._json(knobs.status, {"error": "test failure"})
            return
        path = unquote(raw_path)
        raw = knobs.raw_by_path.get(path, knobs.raw)
        if raw:  # whatever the test wants the script to face
            self._send(HTTPStatus.OK, "application/json",
                       f'{{"count": {raw}}}'.encode("utf-8"))
            return
        # As GoatCounter: the path as given, else with its slashes tidied.
        count = self.server.store.count(path) or self.server.store.count("/" + path.strip("/"))
        if not count:
            self._json(HTTPStatus.NOT_FOUND, {"count": "0"})
        else:
            self._json(HTTPStatus.OK, {"count": format_count(count, self.server.number_format)})

    def _control(self, query):
        try:
            self._apply_knobs(query)
        except ValueError as error:  # a bad test knob: say so, no traceback
            self._json(HTTPStatus.BAD_REQUEST, {"error": str(error)})
            return
        self._json(HTTPStatus.OK, {"knobs": asdict(self.server.knobs)})

    def _apply_knobs(self, query):
        knobs = self.server.knobs
        for name, value in parse_qsl(query):
            if name == "reset":
                self.server.knobs = knobs = Knobs()
                self.server.release()
            elif name == "clear":
                self.server.store.clear()
            elif name == "status":
                knobs.status = int(value)
            elif name == "delay":
                knobs.delay = float(value)
            elif name == "forbidden":
                knobs.forbidden = value not in ("", "0", "false")
            elif name == "raw":
                json.loads(value)  # a JSON value, or ValueError (answered 400)
                knobs.raw = value
            elif name == "hold":
                self.server.hold()
            elif name == "release":
                self.server.release()
            elif name == "seed":
                self.server.store.seed(*parse_seed(value))

    def _cors(self):
        self.send_header("Access-Control-Allow-Origin", "*")

    def _json(self, status, data, cors=True):
        self._send(status, "application/json", json.dumps(data).encode("utf-8"), cors=cors)

    def _send(self, status, content_type, body, cors=True):
        """One uncached answer; a client that gave up waiting is not an error."""
        try:
            self.send_response(status)
            if cors:
                self._cors()
            self.send_header("Content-Type", content_type)
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def log_message(self, format, *args):  # noqa: A002 - http.server's signature
        logger.debug("%s %s", self.address_string(), format % args)


class CounterServer(ThreadingHTTPServer):
    daemon_threads = True
    # socketserver's default backlog is 5: a burst of visits (a listing page, several
    # tabs, a test) would see connections dropped and retried a second later.
    request_queue_size = 128

    def __init__(self, address, store, number_format="plain", testing=False, timeout=TIMEOUT,
                 names=()):
        self.store = store
        # this machine's names besides localhost and its addresses: the one it was
        # started on (HOST) and the caller's (tests: site.test, counter.test)
        self.names = (str(address[0]), *names)
        self.number_format = number_format
        self.testing = testing
        self.timeout_seconds = timeout  # for each connection (CounterHandler.setup)
        self.knobs = Knobs()
        self.stopping = threading.Event()
        self._released = threading.Event()
        self._released.set()
        self._waiting_lock = threading.Lock()
        self.reads_waiting = 0  # reads held right now (tests: how many a page sends at once)
        super().__init__(address, CounterHandler)

    def hold(self):
        """Count reads wait (tests: the number arrives exactly when the test says)."""
        self.knobs.held = True
        self._released.clear()

    def release(self):
        self.knobs.held = False
        self._released.set()

    def wait_released(self):
        """Wait while held; False when the server is shutting down instead."""
        if self._released.is_set():
            return True
        with self._waiting_lock:
            self.reads_waiting += 1
        try:
            while not self._released.wait(0.02):
                if self.stopping.is_set():
                    return False
            return True
        finally:
            with self._waiting_lock:
                self.reads_waiting -= 1

    @property
    def url(self):
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def shutdown(self):
        self.stopping.set()
        self._released.set()
        super().shutdown()

    def server_close(self):
        super().server_close()
        self.store.close()


def make_server(host="127.0.0.1", port=8001, database=":memory:", seeds=(),
                number_format="plain", testing=False, timeout=TIMEOUT, names=(),
                max_bytes=MAX_BYTES):
    """A ready (not yet serving) counter; ``port=0`` picks a free port.

    ``timeout``: seconds a connection may stay silent before it is dropped; ``names``:
    more names of this machine whose requests and pages are answered (besides
    ``localhost``, the loopback addresses and ``host``); ``max_bytes``: the database's
    size at most.
    """
    store = CounterStore(database, max_bytes)
    for path, count in seeds:
        store.seed(path, count)
    return CounterServer((host, port), store, number_format, testing, timeout, names)


POLL_SECONDS = 0.02  # how soon serve_forever notices shutdown() (its default: 0.5 s)


def start_in_thread(server):
    """Serve in a daemon thread; stop with ``server.shutdown(); server.server_close()``."""
    thread = threading.Thread(target=server.serve_forever, args=(POLL_SECONDS,),
                              name="counter", daemon=True)
    thread.start()
    return thread


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="localhost")
    parser.add_argument("--port", type=int, default=8001)
    parser.add_argument("--db", default=":memory:", help="SQLite file (default: in memory)")
    parser.add_argument("--seed", action="append", default=[], type=parse_seed,
                        metavar="/PATH=COUNT", help="start a path at a count (repeatable)")
    parser.add_argument("--format", dest="number_format", choices=sorted(SEPARATORS),
                        default="plain", help="thousands separator of the counts")
    parser.add_argument("--testing", action="store_true", help="enable /__control")
    parser.add_argument("--timeout", type=float, default=TIMEOUT, metavar="SECONDS",
                        help=f"drop a connection silent this long (default {TIMEOUT:g})")
    args = parser.parse_args(argv)
    if not args.timeout > 0:
        parser.error("--timeout must be a positive number of seconds")
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    server = make_server(args.host, args.port, args.db, args.seed, args.number_format,
                         args.testing, args.timeout)
    logger.info("Contatore di sviluppo su %s (Ctrl+C per uscire)", server.url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
