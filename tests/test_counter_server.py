"""The local counter service (tools/counter_server.py), over real HTTP on loopback."""

import json
import subprocess
import sys
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
    assert fetch(f"{server.url}/count?t=Senza")[0] == 200
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


def test_concurrent_hits_and_reads_are_all_answered_quickly_and_counted(serve):
    """A burst of clients: none waits on a full listen queue (a 1 s SYN retry), no hit lost."""
    server = serve()

    def visit(number):
        started = time.monotonic()
        if number % 4:
            status = fetch(f"{server.url}/count?p=/a&t=A&rnd={number}", "POST", b"")[0]
        else:
            status = read_count(server, "/a")[0]
        return status, time.monotonic() - started

    with ThreadPoolExecutor(64) as pool:
        answers = list(pool.map(visit, range(240)))
    assert {status for status, _ in answers} <= {200, 404}
    assert max(seconds for _, seconds in answers) < 1
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
    assert state["knobs"] == {"status": 0, "delay": 0.0, "forbidden": False, "held": False}
    assert state["hits"] == [{"path": "/a", "title": "A", "bot": 0}]
    fetch(f"{control}?clear=1", "POST", b"")
    assert read_count(server, "/a")[0] == 404


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
    import threading
    import urllib.error
    import urllib.request

    from tools import counter_server

    server = counter_server.make_server("127.0.0.1", 0, ":memory:", testing=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
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
