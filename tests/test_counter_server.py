"""The local counter service (tools/counter_server.py), over real HTTP on loopback."""

import http.client
import json
import socket
import struct
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.error import HTTPError
from urllib.parse import quote
from urllib.request import Request, urlopen

import pytest
from support import ROOT

sys.path.insert(0, str(ROOT))
from tools import counter_server  # noqa: E402


@pytest.fixture
def serve():
    """``serve(**options)`` starts a counter on a free loopback port; stopped afterwards."""
    servers = []

    def _serve(**options):
        server = counter_server.make_server("127.0.0.1", 0, **options)
        counter_server.start_in_thread(server)
        servers.append(server)
        return server

    yield _serve
    for server in servers:
        server.shutdown()
        server.server_close()


def fetch(url, method="GET", data=None):
    """(status, headers, body) of a request, error statuses included."""
    try:
        with urlopen(Request(url, data=data, method=method), timeout=5) as response:
            return response.status, response.headers, response.read()
    except HTTPError as error:
        return error.code, error.headers, error.read()


def read_count(server, path):
    status, headers, body = fetch(f"{server.url}/counter/{quote(path, safe='')}.json")
    return status, headers, json.loads(body)


def test_count_records_a_hit_and_answers_a_gif_with_cors(serve):
    server = serve()
    status, headers, body = fetch(f"{server.url}/count?p=/2024/05/a&t=Titolo%20A&rnd=x1")
    assert status == 200
    assert headers["Content-Type"] == "image/gif" and body.startswith(b"GIF89a")
    assert headers["Access-Control-Allow-Origin"] == "*"
    status, _, _ = fetch(f"{server.url}/count?p=/2024/05/a&t=Titolo%20A&rnd=x2", "POST", b"")
    assert status == 200  # navigator.sendBeacon posts
    assert server.store.hits() == [{"path": "/2024/05/a", "title": "Titolo A", "bot": 0}] * 2
    status, headers, data = read_count(server, "/2024/05/a")
    assert (status, data) == (200, {"count": "2"})
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert headers["Content-Type"] == "application/json"


def test_unknown_path_is_404_with_count_zero_and_cors(serve):
    server = serve()
    status, headers, data = read_count(server, "/mai/visto")
    assert (status, data) == (404, {"count": "0"})
    assert headers["Access-Control-Allow-Origin"] == "*"


def test_bot_hits_are_kept_but_not_counted(serve):
    server = serve()
    fetch(f"{server.url}/count?p=/a&t=A&b=153")
    assert server.store.hits() == [{"path": "/a", "title": "A", "bot": 153}]
    assert read_count(server, "/a")[2] == {"count": "0"}


def test_hit_without_path_records_nothing(serve):
    server = serve()
    assert fetch(f"{server.url}/count?t=Senza")[0] == 400
    assert server.store.hits() == []


@pytest.mark.parametrize(("number_format", "text"), [
    ("plain", "1459"), ("spaced", "1\u202f459"), ("dots", "1.459"), ("commas", "1,459"),
])
def test_seeded_counts_in_the_server_format(serve, number_format, text):
    server = serve(seeds=[("/2024/05/a", 1459)], number_format=number_format)
    assert read_count(server, "/2024/05/a")[2] == {"count": text}


def test_slashes_are_tidied_only_when_the_path_is_unknown(serve):
    server = serve(seeds=[("/a/b", 3), ("/x/", 5)])
    assert read_count(server, "a/b")[2] == {"count": "3"}
    assert read_count(server, "/a/b/")[2] == {"count": "3"}
    assert read_count(server, "/x/")[2] == {"count": "5"}
    status, _, _ = fetch(f"{server.url}/counter//a/b.json")  # unencoded, as GoatCounter allows
    assert status == 200


def test_counts_persist_in_the_sqlite_file(tmp_path, serve):
    database = str(tmp_path / "counter.sqlite3")
    first = serve(database=database)
    fetch(f"{first.url}/count?p=/a&t=A")
    first.shutdown()
    first.server_close()
    assert read_count(serve(database=database), "/a")[2] == {"count": "1"}


def test_concurrent_hits_and_reads_are_all_answered_at_once_and_counted(serve):
    """A burst of clients: none waits on a full listen queue, no hit lost. A connection
    the full queue dropped is sent again by the client's kernel a second later: that
    retransmission is what is counted (TCP_INFO), not seconds, which a loaded machine
    stretches past any bound (a bound of 1 s failed 3 runs in 10 beside other work).
    With socketserver's backlog of 5, 58 of these 240 connections were sent again."""
    server = serve()

    def visit(number):
        if number % 4:
            request = post(f"p=/a&t=A&rnd={number}")
        else:
            request = b"GET /counter/%2Fa.json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        return talk(server, request, why="dropped by a full listen queue, sent again and again?")

    with ThreadPoolExecutor(64) as pool:
        answers = list(pool.map(visit, range(240)))
    assert {int(answer.split(b" ", 2)[1]) for answer, _, _ in answers} <= {200, 404}
    assert [resent for _, _, resent in answers] == [0] * 240  # none dropped and sent again
    assert read_count(server, "/a")[2] == {"count": "180"}
    assert len(server.store.hits()) == 180


def test_control_knobs_need_testing_mode(serve):
    plain = serve()
    assert fetch(f"{plain.url}/__control?status=500", "POST", b"")[0] == 404
    assert fetch(f"{plain.url}/__control")[0] == 404


def test_control_knobs_change_the_answers(serve):
    server = serve(testing=True, seeds=[("/a", 7)])
    control = f"{server.url}/__control"

    fetch(f"{control}?status=500", "POST", b"")
    status, headers, _ = read_count(server, "/a")
    assert status == 500 and headers["Access-Control-Allow-Origin"] == "*"

    fetch(f"{control}?reset=1&forbidden=1", "POST", b"")
    status, headers, _ = read_count(server, "/a")
    assert status == 403 and "Access-Control-Allow-Origin" not in headers

    fetch(f"{control}?reset=1&delay=0.3&seed=/b=12", "POST", b"")
    started = time.monotonic()
    assert read_count(server, "/b")[2] == {"count": "12"}
    assert time.monotonic() - started >= 0.3

    fetch(f"{control}?reset=1", "POST", b"")
    fetch(f"{server.url}/count?p=/a&t=A")
    state = json.loads(fetch(control)[2])
    assert state["knobs"] == {"status": 0, "delay": 0.0, "forbidden": False, "held": False,
                              "raw": "", "raw_by_path": {}}
    assert state["hits"] == [{"path": "/a", "title": "A", "bot": 0}]
    fetch(f"{control}?clear=1", "POST", b"")
    assert read_count(server, "/a")[0] == 404


def test_raw_knob_answers_any_count_value(serve):
    """For the browser tests: the script must face hostile answers."""
    server = serve(testing=True, seeds=[("/a", 7)])
    control = f"{server.url}/__control"
    for value in ("-7", "1.5e3", "<b>1</b>", 1459, None, ["1"]):
        assert fetch(f"{control}?raw={quote(json.dumps(value))}", "POST", b"")[0] == 200
        assert read_count(server, "/a")[:3:2] == (200, {"count": value})
    assert fetch(f"{control}?raw=not-json", "POST", b"")[0] == 400
    fetch(f"{control}?reset=1", "POST", b"")
    assert read_count(server, "/a")[2] == {"count": "7"}


# --- Malformed requests: refused, nothing recorded, the server keeps working -------------

def talk(server, data, timeout=20.0, why="it waited for the body?"):
    """Send raw bytes over a socket and read until the server closes it: (the bytes
    answered, seconds until closed, segments the client's kernel sent again, as a
    connection dropped by a full listen queue is, a second later: Linux's TCP_INFO
    tcpi_total_retrans, at byte 100 of struct tcp_info).

    A server that neither answers nor closes within ``timeout`` fails the test (``why``:
    the likely cause, said in the failure)."""
    started = time.monotonic()
    with socket.create_connection(server.server_address[:2], timeout=timeout) as connection:
        connection.sendall(data)
        answer = b""
        try:
            while chunk := connection.recv(65536):
                answer += chunk
        except TimeoutError:
            pytest.fail(f"no answer nor close within {timeout} s ({why})")
        info = connection.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 104)
    return answer, time.monotonic() - started, struct.unpack_from("I", info, 100)[0]


def exchange(server, data, timeout=20.0):
    """(status or None when the server closed without answering, body, seconds until
    closed) of raw bytes sent (:func:`talk`). With a server's own timeout longer than
    ``timeout``, an answer proves it did not wait for what ``data`` leaves out (a body
    announced and never sent)."""
    answer, seconds, _ = talk(server, data, timeout)
    if not answer:
        return None, b"", seconds
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), body, seconds


def post(query, headers="Content-Length: 0\r\n", body=b""):
    return (f"POST /count?{query} HTTP/1.1\r\nHost: 127.0.0.1\r\n{headers}\r\n").encode(
        "latin-1") + body


def assert_still_counts(server):
    assert fetch(f"{server.url}/count?p=/ok&t=OK")[0] == 200
    assert server.store.hits()[-1] == {"path": "/ok", "title": "OK", "bot": 0}


@pytest.mark.parametrize("query", [
    "t=Senza",  # no p
    "p=&t=Vuoto",
    "p=2024/05/a&t=A",  # not a path from the root
    "p=https://altro.example/a&t=A",
    "p=/" + "a" * 2000 + "&t=A",  # 2001 characters
    "p=/a&t=" + "x" * 2001,
    "p=/a&t=A&b=robot",
    "p=/a&t=A&b=" + "9" * 30,  # too large for SQLite
], ids=["no-p", "empty-p", "relative-p", "url-p", "long-p", "long-t", "word-b", "huge-b"])
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_malformed_hits_answer_400_and_record_nothing(serve, query, method):
    server = serve()
    status, headers, body = fetch(f"{server.url}/count?{query}", method,
                                  b"" if method == "POST" else None)
    assert status == 400
    assert headers["Content-Type"] == "application/json" and "error" in json.loads(body)
    assert server.store.hits() == []
    assert_still_counts(server)


def test_path_and_title_up_to_the_limit_are_recorded(serve):
    server = serve()
    path, title = "/" + "a" * 1999, "t" * 2000
    assert fetch(f"{server.url}/count?p={path}&t={title}")[0] == 200
    assert server.store.hits() == [{"path": path, "title": title, "bot": 0}]
    assert read_count(server, path)[:3:2] == (200, {"count": "1"})


def test_overlong_read_path_answers_400(serve):
    server = serve()
    status, _, data = read_count(server, "/" + "a" * 2000)
    assert status == 400 and "error" in data
    assert read_count(server, "/" + "a" * 1999)[0] == 404  # at the limit: read, never visited


@pytest.mark.parametrize("header", [
    "Content-Length: abc\r\n", "Content-Length: -1\r\n", "Content-Length: 1.5\r\n",
    "Content-Length: 1e3\r\n", "Content-Length: \r\n", "Content-Length: \u00b2\r\n",
    "Content-Length: 0\r\nContent-Length: 3\r\n",
], ids=["word", "negative", "decimal", "exponent", "empty", "superscript", "twice"])
def test_bad_content_length_answers_400(serve, header):
    server = serve()
    status, body, _ = exchange(server, post("p=/a&t=A", header))
    assert status == 400 and "Content-Length" in json.loads(body)["error"]
    assert server.store.hits() == []
    assert_still_counts(server)


@pytest.mark.parametrize("length", [64 * 1024 + 1, 10**30])
def test_a_body_over_64_kib_is_refused_with_413_without_being_read(serve, length):
    """The body is never sent: an answer at all proves it was not waited for (the server
    would wait 60 s for it, then drop the connection without a word; the test waits 20)."""
    server = serve(timeout=60)
    status, body, _ = exchange(server, post("p=/a&t=A", f"Content-Length: {length}\r\n"))
    assert status == 413 and "error" in json.loads(body)
    assert server.store.hits() == []
    assert_still_counts(server)


def test_a_body_of_64_kib_is_read(serve):
    server = serve()
    status, _, _ = exchange(server, post("p=/a&t=A", f"Content-Length: {64 * 1024}\r\n",
                                         b"x" * 64 * 1024))
    assert status == 200
    assert server.store.hits() == [{"path": "/a", "title": "A", "bot": 0}]


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "HEAD"])
def test_unknown_methods_answer_501(serve, method):
    server = serve()
    assert fetch(f"{server.url}/count?p=/a&t=A", method, b"" if method != "HEAD" else None)[0] \
        == 501
    assert server.store.hits() == []


def test_a_garbled_request_line_answers_400(serve):
    """http.server's own answer: no status line (the line named no HTTP version), a 400 page."""
    server = serve()
    with socket.create_connection(server.server_address[:2], timeout=5) as connection:
        connection.sendall(b"NONSENSE\r\n\r\n")
        answer = connection.makefile("rb").read()
    assert b"Error code: 400" in answer
    assert server.store.hits() == []
    assert_still_counts(server)


@pytest.mark.parametrize("data", [
    b"",  # connects and says nothing
    b"GET /count?p=/a&t=A HTTP/1.1\r\nHost: 127.0.0.1\r\n",  # headers never finished
    post("p=/a&t=A", "Content-Length: 10\r\n", b"abc"),  # body never finished
], ids=["silent", "half-headers", "half-body"])
def test_a_silent_client_is_dropped_after_the_timeout(serve, data):
    server = serve(timeout=0.5)
    status, _, seconds = exchange(server, data)  # the server closed it, not the test
    assert status is None  # closed without an answer
    assert seconds >= 0.4  # after its timeout, not at once
    assert server.store.hits() == []
    assert_still_counts(server)


def test_the_default_timeout_is_ten_seconds(serve):
    assert counter_server.CounterHandler.timeout == 10
    assert serve().timeout_seconds == 10


def test_preflight_is_answered_with_cors(serve):
    server = serve()
    status, headers, _ = fetch(f"{server.url}/count", "OPTIONS")
    assert status == 204 and headers["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize(("text", "expected"), [
    ("/2024/05/a=1459", ("/2024/05/a", 1459)), ("/a=b=2", ("/a=b", 2)),
])
def test_parse_seed(text, expected):
    assert counter_server.parse_seed(text) == expected


@pytest.mark.parametrize("text", ["/a", "/a=", "=3", "/a=tre"])
def test_parse_seed_rejects_bad_seeds(text):
    with pytest.raises(ValueError, match="/path=1459"):
        counter_server.parse_seed(text)


def test_command_line_serves_with_seeds_and_format(tmp_path):
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "tools" / "counter_server.py"), "--host", "127.0.0.1",
         "--port", "0", "--seed", "/2024/05/a=1459", "--format", "spaced",
         "--db", str(tmp_path / "c.sqlite3")],
        stderr=subprocess.PIPE, text=True)
    try:
        line = process.stderr.readline()
        url = line.split(" su ")[1].split()[0]
        status, _, body = fetch(f"{url}/counter/%2F2024%2F05%2Fa.json")
        assert (status, json.loads(body)) == (200, {"count": "1\u202f459"})
    finally:
        process.terminate()
        process.wait(timeout=5)
        process.stderr.close()


def test_bad_control_values_answer_400_and_the_server_keeps_working(tmp_path):
    import json
    import urllib.error
    import urllib.request

    from tools import counter_server

    server = counter_server.make_server("127.0.0.1", 0, ":memory:", testing=True)
    counter_server.start_in_thread(server)  # shutdown() noticed at once, not in 0.5 s
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        for query in ("status=abc", "delay=soon", "seed=nopath"):
            request = urllib.request.Request(f"{base}/__control?{query}", method="POST")
            try:
                urllib.request.urlopen(request, timeout=5)
                raise AssertionError(f"{query} was accepted")
            except urllib.error.HTTPError as error:
                assert error.code == 400
                assert "error" in json.loads(error.read())
        with urllib.request.urlopen(f"{base}/count?p=/a&t=A", timeout=5) as answer:
            assert answer.headers["Content-Type"] == "image/gif"
        with urllib.request.urlopen(f"{base}/counter/%2Fa.json", timeout=5) as answer:
            assert json.loads(answer.read()) == {"count": "1"}
    finally:
        server.shutdown()
        server.server_close()


# --- Only this machine's pages: any site open in the browser could send hits ---------------

def ask(server, method, target, headers, body=None):
    """(status, headers, body) of a request sent with exactly these headers (``Host``
    included), as a browser sends it."""
    connection = http.client.HTTPConnection(*server.server_address[:2], timeout=5)
    try:
        connection.request(method, target, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


# What pages elsewhere send, by header ({port}: the counter's): none is this machine's page.
OTHER_SITES = [
    # DNS rebinding: the page's own domain made to resolve to 127.0.0.1, same-origin
    {"Host": "attacker.example:{port}", "Origin": "http://attacker.example:{port}"},
    {"Host": "attacker.example:{port}"},  # a GET of its own origin sends no Origin
    {"Host": "localhost.attacker.example:{port}"},
    {"Host": "127.0.0.1.nip.io:{port}"},
    {"Host": "[bad"},
    # a page elsewhere posting to the loopback address (fetch, a form)
    {"Host": "127.0.0.1:{port}", "Origin": "https://attacker.example"},
    {"Host": "127.0.0.1:{port}", "Origin": "http://localhost.attacker.example:8000"},
    {"Host": "127.0.0.1:{port}", "Origin": "http://203.0.113.5"},  # a site at an address
    {"Host": "localhost:{port}", "Origin": "null"},  # a sandboxed frame, a file: page
    {"Host": "127.0.0.1:{port}", "Origin": "chrome-extension://abcdef"},
    # an image of its page (no Origin on a GET), with its referrer or without
    {"Host": "127.0.0.1:{port}", "Referer": "https://attacker.example/page.html"},
    {"Host": "127.0.0.1:{port}", "Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors"},
    # the Origin decides: a local Referer beside a foreign Origin changes nothing
    {"Host": "127.0.0.1:{port}", "Origin": "https://attacker.example",
     "Referer": "http://localhost:8000/"},
]
OTHER_SITES_IDS = ["rebinding", "rebinding-no-origin", "rebinding-localhost-prefix",
                   "rebinding-ip-prefix", "garbled-host", "origin", "origin-localhost-prefix",
                   "origin-address", "origin-null", "origin-extension", "referer",
                   "cross-site-no-referrer", "origin-over-referer"]


def with_port(headers, port):
    return {name: value.format(port=port) for name, value in headers.items()}


@pytest.mark.parametrize("headers", OTHER_SITES, ids=OTHER_SITES_IDS)
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_hits_of_other_sites_pages_are_refused_and_not_recorded(serve, headers, method):
    """Any site open in the editor's browser recorded hits (a stored row each, in
    .cache/counter.sqlite3 for as long as the preview runs): 403, without CORS headers,
    nothing recorded."""
    server = serve()
    status, answer, body = ask(server, method, "/count?p=/preso&t=Preso",
                               with_port(headers, server.server_address[1]),
                               b"" if method == "POST" else None)
    assert status == 403, body
    assert "Access-Control-Allow-Origin" not in answer
    assert "Counter" in json.loads(body)["error"]
    assert server.store.hits() == []
    assert_still_counts(server)


@pytest.mark.parametrize("headers", OTHER_SITES, ids=OTHER_SITES_IDS)
def test_reads_and_preflights_of_other_sites_pages_are_refused(serve, headers):
    """By DNS rebinding a page read the counts, same-origin; none now, nor the test knobs."""
    server = serve(seeds=[("/a", 1459)], testing=True)
    headers = with_port(headers, server.server_address[1])
    for method, target in [("GET", "/counter/%2Fa.json"), ("GET", "/__control"),
                           ("OPTIONS", "/count"), ("POST", "/__control?clear=1")]:
        status, answer, body = ask(server, method, target, headers,
                                   b"" if method == "POST" else None)
        assert status == 403, (method, target, body)
        assert b"1459" not in body and "Access-Control-Allow-Origin" not in answer
    assert read_count(server, "/a")[2] == {"count": "1459"}


def test_a_refused_post_is_answered_before_its_body_is_read(serve):
    """The refusal comes first: a body announced and never sent is not waited for (the
    server would wait 60 s for it, then drop the connection without an answer)."""
    server = serve(timeout=60)
    request = post("p=/a&t=A", "Content-Length: 10\r\nOrigin: https://attacker.example\r\n")
    status, body, _ = exchange(server, request)
    assert status == 403, body
    assert server.store.hits() == []


@pytest.mark.parametrize("headers", [
    {"Host": "127.0.0.1:{port}", "Origin": "http://localhost:8000"},  # the preview's pages
    {"Host": "localhost:{port}", "Origin": "http://127.0.0.1:8010"},  # a second preview
    {"Host": "[::1]:{port}", "Origin": "http://[::1]:8000"},
    {"Host": "LOCALHOST:{port}", "Origin": "HTTP://LOCALHOST:8000"},
    {"Host": "127.0.0.1:{port}", "Origin": "https://localhost:8443"},
    {"Host": "127.0.0.1:{port}", "Referer": "http://localhost:8000/2024/05/a/"},
    {"Host": "192.168.1.20:{port}", "Origin": "http://127.0.0.1:8000"},  # HOST=0.0.0.0
    {"Host": "127.0.0.1:{port}", "Origin": "http://site.test:8000",  # names=
     "Sec-Fetch-Site": "cross-site"},
    {"Host": "counter.test:{port}", "Origin": "http://counter.test:8000"},
    {"Host": "127.0.0.1:{port}", "Sec-Fetch-Site": "same-site"},
    {"Host": "127.0.0.1:{port}", "Sec-Fetch-Site": "none"},  # typed in the address bar
    {"Host": "127.0.0.1:{port}"},  # the tools' own requests, the tests'
], ids=["preview", "second-preview", "ipv6", "upper-case", "https", "referer", "lan-host",
        "test-name-origin", "test-name-host", "same-site", "typed", "no-page"])
def test_this_machines_pages_and_tools_still_count(serve, headers):
    server = serve(names=("site.test", "counter.test"))
    headers = with_port(headers, server.server_address[1])
    status, answer, _ = ask(server, "POST", "/count?p=/a&t=A", headers, b"")
    assert status == 200 and answer["Access-Control-Allow-Origin"] == "*"
    status, answer, body = ask(server, "GET", "/counter/%2Fa.json", headers)
    assert (status, json.loads(body)) == (200, {"count": "1"})
    assert server.store.hits() == [{"path": "/a", "title": "A", "bot": 0}]


def test_the_name_the_counter_was_started_on_is_its_own(serve):
    """``HOST=mypc.lan ./run livereload`` starts it on that name (here on 127.0.0.1, as
    a name resolved to it): its pages and its Host are this machine's."""
    server = counter_server.make_server("localhost", 0)
    server.names = ("mypc.lan",)  # as make_server("mypc.lan") sets it
    counter_server.start_in_thread(server)
    try:
        port = server.server_address[1]
        assert ask(server, "POST", "/count?p=/a&t=A", {
            "Host": f"mypc.lan:{port}", "Origin": "http://mypc.lan:8000"}, b"")[0] == 200
        assert ask(server, "POST", "/count?p=/a&t=A", {
            "Host": f"otherpc.lan:{port}"}, b"")[0] == 403
    finally:
        server.shutdown()
        server.server_close()
    plain = counter_server.make_server("localhost", 0)
    plain.server_close()
    assert plain.names == ("localhost",)


def network_address():
    """This machine's address on its network (the one a phone of the same network would
    open the preview at: 192.168.1.20), or None without one. A UDP socket "connected"
    sends nothing: the system only picks the address it would send from."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # a documentation address: no packet is sent
        except OSError:
            return None
        address = probe.getsockname()[0]
    return None if address.startswith("127.") or address == "0.0.0.0" else address


@pytest.fixture
def on_every_interface():
    """A counter started with HOST=0.0.0.0 (./run livereload for a phone), and this
    machine's network address."""
    address = network_address()
    if address is None:
        pytest.skip("this machine has no network address besides loopback")
    server = counter_server.make_server("0.0.0.0", 0)
    counter_server.start_in_thread(server)
    yield server, address
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "{address}:{port}"],
                         ids=["loopback", "network"])
def test_on_every_interface_the_pages_at_this_machines_network_address_count(
        on_every_interface, host):
    """HOST=0.0.0.0, the preview opened at http://192.168.1.20:8000 (this machine's
    address on the network): the counter refused its pages' hits (403), the Origin
    being neither loopback nor the name it was started on (0.0.0.0). This machine's
    own addresses are its pages' now; another computer's, or a site's, are not."""
    server, address = on_every_interface
    port = server.server_address[1]
    headers = {"Host": host.format(address=address, port=port),
               "Origin": f"http://{address}:8000"}
    status, answer, body = ask(server, "POST", "/count?p=/a&t=A", headers, b"")
    assert status == 200 and answer["Access-Control-Allow-Origin"] == "*", body
    status, _, body = ask(server, "GET", "/counter/%2Fa.json",
                          {**headers, "Referer": f"http://{address}:8000/2024/05/a/"})
    assert (status, json.loads(body)) == (200, {"count": "1"})
    for other in ("http://203.0.113.5:8000", "http://192.0.2.254:8000", "https://[2001:db8::5]"):
        status, _, body = ask(server, "POST", "/count?p=/b&t=B", {**headers, "Origin": other},
                              b"")
        assert status == 403, (other, body)
    assert server.store.hits() == [{"path": "/a", "title": "A", "bot": 0}]


def test_on_loopback_only_the_network_address_is_not_a_page_of_its(serve):
    """Started on loopback (HOST=localhost, the default) nothing of the network reaches
    the site: a page at the machine's network address is not the preview's."""
    address = network_address()
    if address is None:
        pytest.skip("this machine has no network address besides loopback")
    server = serve()
    status, _, body = ask(server, "POST", "/count?p=/a&t=A", {
        "Host": f"127.0.0.1:{server.server_address[1]}", "Origin": f"http://{address}:8000"},
        b"")
    assert status == 403, body


def test_a_refused_host_is_named_with_the_ways_out(on_every_interface):
    """Asked by a name not its own, it said "apri il sito da http://localhost", the phone
    itself on a phone: it names the host, the address the request reached (this
    machine's IP on the network) and HOST=."""
    server, address = on_every_interface
    connection = http.client.HTTPConnection(address, server.server_address[1], timeout=10)
    try:
        connection.request("POST", "/count?p=/a&t=A", body=b"",
                           headers={"Host": "mypc.local:8001"})
        response = connection.getresponse()
        status, error = response.status, json.loads(response.read())["error"]
    finally:
        connection.close()
    assert status == 403
    assert "il nome «mypc.local» non è tra quelli che questo computer riconosce" in error
    assert f"apri il sito da {address}, l'indirizzo IP di questo computer (anche da un" \
        " telefono" in error, error
    assert "oppure riavvia con HOST=mypc.local" in error, error
    assert "localhost" not in error.split(" / ")[0], error


# --- What it stores is capped ---------------------------------------------------------------

def test_the_database_never_grows_past_its_cap(tmp_path, serve, caplog):
    """Every hit was a new row, with no limit: a page sending hits without end (of any
    site, before the check above; or a loop in a page on this machine) grew
    .cache/counter.sqlite3 until the disk was full. At the cap: 507, the hit not
    recorded, the counts stored still answered, one warning in the log."""
    database = tmp_path / "counter.sqlite3"
    server = serve(database=str(database), max_bytes=64 * 1024, seeds=[("/seeded", 7)])
    long_path, long_title = "/" + "p" * 1999, "t" * 2000
    statuses, bodies = [], []
    for number in range(60):  # some 4 KiB each: far more than 64 KiB
        url = f"{server.url}/count?p={long_path[:-3]}{number:03}&t={long_title}"
        status, _, body = fetch(url, "POST", b"")
        statuses.append(status)
        bodies.append(body)
    assert statuses[0] == 200 and statuses[-1] == 507, statuses
    full_from = statuses.index(507)
    assert set(statuses[full_from:]) == {507}  # no such hit fits once full
    assert "full" in json.loads(bodies[-1])["error"]
    assert database.stat().st_size <= 64 * 1024
    assert len(server.store.hits()) == full_from
    assert read_count(server, "/seeded")[2] == {"count": "7"}  # reads still answered
    assert read_count(server, long_path[:-3] + "000")[2] == {"count": "1"}
    full = [record for record in caplog.records if "pieno" in record.getMessage()]
    assert len(full) == 1 and "counter.sqlite3" in full[0].getMessage()
    assert database.stat().st_size <= 64 * 1024
    server.shutdown()
    server.server_close()
    # the file stays full when served again; deleting it starts afresh
    again = serve(database=str(database), max_bytes=64 * 1024)
    assert fetch(f"{again.url}/count?p={long_path}&t={long_title}", "POST", b"")[0] == 507
    assert database.stat().st_size <= 64 * 1024
    again.shutdown()
    again.server_close()
    database.unlink()
    fresh = serve(database=str(database), max_bytes=64 * 1024)
    assert fetch(f"{fresh.url}/count?p={long_path}&t={long_title}", "POST", b"")[0] == 200


def test_the_default_cap_is_16_mib():
    """Without ``max_bytes``, as the previews start it: 20 MB of hits (5000 of 4 KB, an
    afternoon of a page of another site sending them) went in whole; now the store
    refuses them at 16 MiB."""
    store = counter_server.CounterStore()
    path, title, recorded, refused = "/" + "p" * 1995, "t" * 2000, 0, None
    try:
        while recorded < 5000:
            store.record(f"{path}{recorded:04}", title)
            recorded += 1
    except Exception as error:  # noqa: BLE001 - whichever the old code raised, if any
        refused = error
    size = store._db.execute("PRAGMA page_count").fetchone()[0] * \
        store._db.execute("PRAGMA page_size").fetchone()[0]
    store.close()
    assert type(refused).__name__ == "StoreFull", (recorded, size)
    assert 3500 < recorded < 4100 and size <= 16 * 2**20 == counter_server.MAX_BYTES


# What a page of another site sends the counter, as the browser sends it: a fetch without
# CORS (no answer to read, the request all the same), one as the visit-counter script
# sends it, images with and without a referrer. ?counter= names the counter.
OTHER_SITES_PAGE = b"""<!doctype html><title>Un altro sito</title><script>
const counter = new URLSearchParams(location.search).get("counter");
function image(path, policy) {
  return new Promise(resolve => {
    const element = new Image();
    if (policy) element.referrerPolicy = policy;
    element.onload = element.onerror = resolve;
    element.src = counter + "/count?t=X&p=" + path;
  });
}
window.sent = Promise.all([
  fetch(counter + "/count?t=X&p=/fetch", {method: "POST", mode: "no-cors"}).catch(() => 0),
  fetch(counter + "/count?t=X&p=/script", {method: "POST", keepalive: true,
    credentials: "omit", referrerPolicy: "no-referrer"}).catch(() => 0),
  image("/image", ""), image("/image-no-referrer", "no-referrer"),
]).then(() => true);
</script>"""


@pytest.mark.browser
def test_chromium_pages_of_other_sites_record_nothing_and_this_machines_do(serve, tmp_path):
    """In real Chromium (attacker.test resolved to 127.0.0.1): a page of another site
    recorded every one of these hits, and by DNS rebinding read the counts; now none.
    The same page on this machine (127.0.0.1) records them all."""
    from browser_support import chromium  # noqa: PLC0415
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer  # noqa: PLC0415

    (tmp_path / "index.html").write_bytes(OTHER_SITES_PAGE)

    class Quiet(SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(tmp_path), **kwargs)

        def log_message(self, format, *args):  # noqa: A002
            pass

    counter = serve(seeds=[("/a", 1459)])
    port = counter.server_address[1]
    pages = ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    threading.Thread(target=pages.serve_forever, daemon=True).start()
    try:
        with chromium("--host-resolver-rules=MAP attacker.test 127.0.0.1") as browser:
            page = browser.new_page()
            for site in ("attacker.test", "127.0.0.1"):
                page.goto(f"http://{site}:{pages.server_address[1]}/"
                          f"?counter=http://127.0.0.1:{port}")
                assert page.evaluate("window.sent") is True
                if site == "attacker.test":
                    assert counter.store.hits() == []
            # DNS rebinding: its own name, the counter's port: same-origin, the answer read
            answer = page.goto(f"http://attacker.test:{port}/counter/%2Fa.json")
            assert answer.status == 403 and "1459" not in answer.text()
            assert page.goto(f"http://attacker.test:{port}/count?p=/rebinding&t=X").status \
                == 403
    finally:
        pages.shutdown()
        pages.server_close()
    assert sorted(hit["path"] for hit in counter.store.hits()) == [
        "/fetch", "/image", "/image-no-referrer", "/script"]
