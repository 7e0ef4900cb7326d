"""The local servers on loopback against the pages of other sites open in the editor's
browser: each request as a browser sends it, to the real server.

A page elsewhere cannot read a loopback server's answers (CORS), but it can send it
requests: a form or a ``fetch`` without CORS to http://127.0.0.1:8081/, or, by DNS
rebinding, its own domain made to resolve to 127.0.0.1, where its requests are
same-origin and name the attacker's host in ``Host``.
"""

import base64
import http.client
import json
import os
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


def local(port):
    """The headers of the web editor's own requests (/admin/ of a preview)."""
    return {"Host": f"127.0.0.1:{port}", "Origin": "http://localhost:8000"}


def media(path, data=b"\x89PNG\r\n"):
    return {"action": "persistMedia", "params": {
        "branch": "main", "asset": {"path": path, "content": base64.b64encode(data).decode(),
                                    "encoding": "base64"}, "options": {"commitMessage": "Carica"}}}


# (what a page on localhost asked, the file of the working copy it would touch)
OUTSIDE = [
    # the settings, which the preview runs at its next build
    (json.loads(save_request("pelicanconf.py")), "pelicanconf.py"),
    (media(".git/hooks/pre-commit", b"#!/bin/sh\nid\n"), ".git/hooks/pre-commit"),
    (json.loads(save_request("content/../tasks.py")), "tasks.py"),
    (json.loads(save_request("content\\..\\tasks.py")), "tasks.py"),
    (media("content\\evil.py"), "content\\evil.py"),  # one name, beside content/
    (media("content/immagini/a\0.png"), "content/immagini/a"),
    (media("contenuti-falsi/x.png"), "contenuti-falsi/x.png"),  # a name beginning like it
    (media("content-old/x.png"), "content-old/x.png"),
    ({"action": "persistEntry", "params": {  # a rename's new path
        "branch": "main", "entry": {"slug": "x", "path": "content/notizie/a.md", "raw": "x",
                                    "newPath": "plugins/evil.md"}, "assets": [],
        "options": {"collectionName": "notizie", "commitMessage": "Sposta",
                    "useWorkflow": False, "status": "draft"}}}, "plugins/evil.md"),
    ({"action": "deleteFile", "params": {"branch": "main", "path": "tasks.py",
                                         "options": {"commitMessage": "Elimina"}}}, "tasks.py"),
    ({"action": "deleteFiles", "params": {"branch": "main",
                                          "paths": ["content/notizie/a.md", "README.md"],
                                          "options": {"commitMessage": "Elimina"}}}, "README.md"),
    ({"action": "getMediaFile", "params": {"branch": "main", "path": ".git/config"}},
     ".git/config"),
    ({"action": "getMedia", "params": {"branch": "main", "mediaFolder": ".git"}}, ".git/config"),
    ({"action": "entriesByFolder", "params": {"branch": "main", "folder": ".", "extension": "py",
                                              "depth": 1}}, "tasks.py"),
]


@pytest.fixture
def working_copy(tmp_path):
    """A working copy's files beside its content/, and its backend."""
    for name in ("pelicanconf.py", "tasks.py", "README.md", ".git/config"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"# {name}\n", encoding="utf-8")
    (tmp_path / "content" / "notizie").mkdir(parents=True)
    (tmp_path / "content" / "notizie" / "a.md").write_text("---\ntitle: A\n---\n", encoding="utf-8")
    with cms_server.CmsServer(tmp_path, cms_server.free_port(),
                              log=subprocess.DEVNULL) as server:
        yield server


@pytest.mark.parametrize(("request_", "touched"), OUTSIDE, ids=[
    "settings", "git-hook", "dot-dot", "backslashes", "backslash-name", "nul", "other-folder", "prefix", "new-path",
    "delete", "delete-several", "read", "list-media", "list-entries"])
def test_the_web_editors_backend_touches_nothing_outside_the_content_folder(
        working_copy, request_, touched):
    """Any page on localhost (the editor's, or one of another program there) had
    decap-server write, read or delete any file of the working copy: pelicanconf.py,
    which the preview runs at its next build, .git/hooks/, the tools. 403 with the
    path named; the files as they were, nothing read."""
    repo = working_copy.repo
    before = {path: path.read_bytes() for path in repo.rglob("*") if path.is_file()}
    status, answer = post(working_copy.port, json.dumps(request_), local(working_copy.port))
    assert status == 403, answer
    assert "non è nella cartella content/" in json.loads(answer)["error"]
    assert "# " not in answer  # no file's content
    assert {path: path.read_bytes() for path in repo.rglob("*") if path.is_file()} == before


def test_the_web_editors_backend_works_in_the_content_folder(working_copy):
    """The web editor's own requests: list, read, save, upload, delete, all in content/."""
    port, repo = working_copy.port, working_copy.repo
    assert post(port, save_request("content/notizie/b.md"), local(port))[0] == 200
    assert (repo / "content" / "notizie" / "b.md").is_file()
    status, answer = post(port, json.dumps(media("content/immagini/2024/foto.png")), local(port))
    assert status == 200 and json.loads(answer)["path"] == "content/immagini/2024/foto.png"
    status, answer = post(port, json.dumps({"action": "entriesByFolder", "params": {
        "branch": "main", "folder": "content/notizie", "extension": "md", "depth": 1}}),
        local(port))
    assert status == 200
    assert sorted(entry["file"]["path"] for entry in json.loads(answer)) == [
        "content/notizie/a.md", "content/notizie/b.md"]
    status, answer = post(port, json.dumps({"action": "getMedia", "params": {
        "branch": "main", "mediaFolder": "content/immagini/2024"}}), local(port))
    assert status == 200 and [file["name"] for file in json.loads(answer)] == ["foto.png"]
    status, answer = post(port, json.dumps({"action": "deleteFile", "params": {
        "branch": "main", "path": "content/notizie/a.md",
        "options": {"commitMessage": "Elimina"}}}), local(port))
    assert status == 200 and not (repo / "content" / "notizie" / "a.md").exists()


# decap-server as a later version might be: its JSON read by body-parser itself, not by
# the express.json tools/cms_guard.js checks the paths in ("elsewhere": express.json made
# too, for another address, so a checking parser exists)
CHANGED_DECAP = """
const express = require("express");
const bodyParser = require("body-parser");
const fs = require("fs");
const path = require("path");
const app = express();
if (process.env.ELSEWHERE) {
  app.use("/altro", express.json());
}
app.use(bodyParser.json());
app.post("/api/v1", (req, res) => {
  const file = path.join(process.env.GIT_REPO_DIRECTORY, req.body.params.entry.path);
  fs.writeFileSync(file, req.body.params.entry.raw);
  res.json({ message: "entry persisted" });
});
app.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("pronto"));
"""


@pytest.mark.parametrize("elsewhere", [False, True], ids=["no-express-json", "elsewhere"])
def test_the_guard_refuses_what_its_path_check_never_saw(tmp_path, elsewhere):
    """The folder check runs in the express.json decap-server calls: a decap-server that
    parsed its JSON another way wrote pelicanconf.py for any page on localhost, the
    check never run. A request that reaches its routes unchecked (or any request, when
    no checking parser was ever made) is refused: 403, nothing written."""
    (tmp_path / "content").mkdir()
    (tmp_path / "pelicanconf.py").write_text("# pelicanconf.py\n", encoding="utf-8")
    script = tmp_path / "decap.js"
    script.write_text(CHANGED_DECAP, encoding="utf-8")
    port = cms_server.free_port()
    env = {"PATH": os.environ["PATH"], "NODE_PATH": str(cms_server.ROOT / "node_modules"),
           "PORT": str(port), "GIT_REPO_DIRECTORY": str(tmp_path),
           **({"ELSEWHERE": "1"} if elsewhere else {})}
    server = subprocess.Popen(["node", "--require", str(cms_server.GUARD), str(script)],
                              cwd=tmp_path, env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout.readline().strip() == "pronto"
        status, answer = post(port, save_request("pelicanconf.py"), local(port))
    finally:
        server.terminate()
        server.wait(timeout=10)
        server.stdout.close()
    assert status == 403, answer
    assert "richiesta non controllata" in json.loads(answer)["error"]
    assert (tmp_path / "pelicanconf.py").read_text(encoding="utf-8") == "# pelicanconf.py\n"


def test_the_default_content_folder_is_the_admin_plugins():
    from plugins.admin.settings import DEFAULTS  # noqa: PLC0415
    assert cms_server.DEFAULT_CONTENT_DIR == DEFAULTS["ADMIN_CONTENT_DIR"]


@pytest.fixture
def tasks_on(tmp_path, monkeypatch):
    """tasks.py with its content folder ``tmp_path/<folder>`` and its settings file
    setting ``ADMIN_CONTENT_DIR = <admin>``; its backend on a free port."""
    import tasks  # noqa: PLC0415

    def on(folder, admin):
        content = tmp_path / folder
        (content / "notizie").mkdir(parents=True)
        settings = tmp_path / "conf.py"
        settings.write_text(f"PATH = {folder!r}\nADMIN_CONTENT_DIR = {admin!r}\n",
                            encoding="utf-8")
        monkeypatch.setitem(tasks.CONFIG, "content", content)
        monkeypatch.setitem(tasks.CONFIG, "settings_base", settings)
        monkeypatch.setitem(tasks.CONFIG, "cms_port", cms_server.free_port())
        return tasks

    return on


def test_the_backend_guards_the_settings_content_folder(tasks_on, tmp_path, capsys):
    """The editor's paths begin with ADMIN_CONTENT_DIR (its config.yml), from the
    repository's root; the guard allowed tasks.py's content folder's last name, from
    its parent: with ADMIN_CONTENT_DIR = "sito/contenuti" every save was refused (and a
    folder named like that anywhere allowed). One folder now, the settings'."""
    tasks = tasks_on("sito/contenuti", "/sito/contenuti/")
    with tasks._cms() as built:
        backend = json.loads(built[0].removeprefix("ADMIN_LOCAL_BACKEND="))
        port = int(backend.rsplit(":", 1)[1].split("/")[0])
        status, answer = post(port, save_request("sito/contenuti/notizie/a.md"), local(port))
        assert (status, json.loads(answer)) == (200, {"message": "entry persisted"})
        status, answer = post(port, save_request("contenuti/notizie/b.md"), local(port))
        assert status == 403, answer
    assert (tmp_path / "sito" / "contenuti" / "notizie" / "a.md").is_file()
    assert "salva in sito/contenuti/" in capsys.readouterr().out


def test_no_backend_when_the_settings_content_folder_is_not_the_built_one(tasks_on, capsys):
    """ADMIN_CONTENT_DIR naming another folder: the editor would save where the preview
    does not read. The site is served without the editor, saying why."""
    tasks = tasks_on("content", "altro")
    with tasks._cms() as built:
        assert built == tasks.WITHOUT_EDITOR
    said = capsys.readouterr().err
    assert "ADMIN_CONTENT_DIR ('altro', in conf.py) non è la cartella da cui è compilato" \
        " il sito" in said, said
