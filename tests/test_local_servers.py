"""The local servers on loopback against the pages of other sites open in the editor's
browser: each request as a browser sends it, to the real server.

A page elsewhere cannot read a loopback server's answers (CORS), but it can send it
requests: a form or a ``fetch`` without CORS to http://127.0.0.1:8081/, or, by DNS
rebinding, its own domain made to resolve to 127.0.0.1, where its requests are
same-origin and name the attacker's host in ``Host``.
"""

import http.client
import json
import shutil
import subprocess

import pytest

from tools import cms_server

pytestmark = pytest.mark.skipif(
    not (shutil.which("node") and cms_server.SERVER.is_file()),
    reason="decap-server not installed (./run test installs it)")


def save_request(path, text="---\ntitle: Scritto da un'altra pagina\n---\n"):
    """decap-server's ``persistEntry``, as the CMS sends it: write ``path``."""
    return json.dumps({"action": "persistEntry", "params": {
        "branch": "main", "entry": {"slug": "x", "path": path, "raw": text}, "assets": [],
        "options": {"collectionName": "notizie", "commitMessage": "Crea", "useWorkflow": False,
                    "status": "draft"}}})


def post(port, body, headers):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("POST", "/api/v1", body=body,
                           headers={"Content-Type": "application/json", **headers})
        response = connection.getresponse()
        return response.status, response.read().decode()
    finally:
        connection.close()


@pytest.fixture(scope="module")
def backend(tmp_path_factory):
    repo = tmp_path_factory.mktemp("copia")
    (repo / "content" / "notizie").mkdir(parents=True)
    port = cms_server.free_port()
    with cms_server.CmsServer(repo, port, log=subprocess.DEVNULL) as server:
        yield server


# (Host, Origin or None): requests no page on this machine sends
FOREIGN = [
    # DNS rebinding: the attacker's page, same-origin with its own name
    ("attacker.example:{port}", "http://attacker.example:{port}"),
    ("attacker.example:{port}", None),  # and what a fetch with no Origin would send
    ("localhost.attacker.example:{port}", "http://localhost.attacker.example:{port}"),
    ("127.0.0.1.nip.io:{port}", "http://127.0.0.1.nip.io:{port}"),
    # a page elsewhere posting straight to the loopback address
    ("127.0.0.1:{port}", "https://attacker.example"),
    ("127.0.0.1:{port}", "http://localhost.attacker.example:8000"),
    ("localhost:{port}", "null"),  # a sandboxed frame, a file:// page
]


@pytest.mark.parametrize(("host", "origin"), FOREIGN)
def test_the_web_editors_backend_refuses_requests_of_other_sites_pages(backend, host, origin):
    """decap-server wrote ``content/notizie/preso.md`` for each of these (its CORS rule
    hid only its answer); refused now, 403 with the reason, nothing written."""
    port = backend.port
    headers = {"Host": host.format(port=port)}
    if origin:
        headers["Origin"] = origin.format(port=port)
    status, answer = post(port, save_request("content/notizie/preso.md"), headers)
    assert status == 403, answer
    assert "localhost" in json.loads(answer)["error"]
    assert not (backend.repo / "content" / "notizie" / "preso.md").exists()
    status, answer = post(port, json.dumps({"action": "info"}), headers)
    assert status == 403, answer  # nor does it say whose working copy it is


@pytest.mark.parametrize(("host", "origin"), [
    ("localhost:{port}", "http://localhost:8000"),  # the web editor, /admin/ of a preview
    ("127.0.0.1:{port}", "http://127.0.0.1:8010"),
    ("127.0.0.1:{port}", None),  # the tools' own requests (repo_answering)
])
def test_the_web_editors_backend_still_saves_for_pages_on_this_machine(backend, host, origin):
    port = backend.port
    headers = {"Host": host.format(port=port)}
    if origin:
        headers["Origin"] = origin.format(port=port)
    name = f"content/notizie/salvata-{port}-{origin is None}-{host[:3]}.md"
    status, answer = post(port, save_request(name), headers)
    assert (status, json.loads(answer)) == (200, {"message": "entry persisted"})
    assert (backend.repo / name).read_text(encoding="utf-8").startswith("---\ntitle: Scritto")


def test_a_preflight_from_another_site_is_refused(backend):
    connection = http.client.HTTPConnection("127.0.0.1", backend.port, timeout=10)
    connection.request("OPTIONS", "/api/v1", headers={
        "Origin": "https://attacker.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    response = connection.getresponse()
    response.read()
    connection.close()
    assert response.status == 403
    assert response.getheader("Access-Control-Allow-Origin") is None
