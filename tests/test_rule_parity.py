"""One rule, two languages: the JavaScript copies of the build's Python rules agree with
them.

Some rules exist twice: in Python (the build, ``./run check``, the local servers) and in
JavaScript (the web editor's scripts in plugins/admin/static/scripts/, joined into
admin/admin.js; tools/cms_guard.js, loaded into decap-server; theme/static/js/), each
JS file saying which Python module it mirrors. Each test here gives one table of inputs,
the ordinary ones and the hard edges, to both: the JS in one Node.js process (the inputs
as JSON on its stdin), the Python imported; their answers must be the same, or, where the
JS copy deliberately leaves a case to the build or is narrower, it must say so as its
comments claim.

The pairs checked elsewhere: slugs and apostrophes (siteSlug, apostrophes), the title's
length, the links' and HTML rules and old addresses against a real build, the lead and
the body (tests/test_admin.py).
"""

import json
import os
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support import ROOT, admin_scripts, project_settings

from tools import this_machine

pytestmark = pytest.mark.skipif(not __import__("shutil").which("node"),
                                reason="Node.js not installed (./run test installs it)")


def node(program, given, args=(), env=None):
    """What the Node.js ``program`` prints (JSON) given ``given`` as JSON on its input,
    ``args`` as its arguments (process.argv.slice(1))."""
    done = subprocess.run(["node", "-e", program, *map(str, args)], input=json.dumps(given),
                          capture_output=True, text=True, check=True,
                          env={**os.environ, **(env or {})})
    return json.loads(done.stdout)


# --- tools/cms_guard.js's refusal, tools/this_machine.py's local_host and foreign_page --

GUARD_JS = """
const {refusal} = require(process.argv[1]);
const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
console.log(JSON.stringify(cases.map(([sent]) => {
  const headers = {};  // as node's http gives them: names in lower case
  Object.keys(sent).forEach((name) => { headers[name.toLowerCase()] = sent[name]; });
  return refusal({headers}) === null;
})));
"""

# (headers, narrower): a request's headers; narrower when cms_guard refuses on purpose what
# this_machine takes from a server on loopback: decap-server takes only the names its
# editor is opened at (localhost, 127.0.0.1, [::1]), and an Origin only as browsers write
# one (no path, no user, a port of digits)
GUARD_CASES = [
    ({"Host": "localhost:8081"}, False),
    ({"Host": "127.0.0.1:8081"}, False),
    ({"Host": "[::1]:8081"}, False),
    ({"Host": "LOCALHOST"}, False),
    ({"Host": "localhost:99999"}, False),
    ({"Host": "127.0.0.2:8081"}, True),
    ({"Host": "[0:0:0:0:0:0:0:1]:8081"}, True),
    ({"Host": "localhost:"}, True),
    ({"Host": "localhost.:8081"}, False),
    ({"Host": "127.1"}, False),
    ({"Host": "attacker.example:8081"}, False),
    ({"Host": "localhost.attacker.example"}, False),
    ({"Host": "127.0.0.1.nip.io:8081"}, False),
    ({"Host": ""}, False),
    ({"Host": "localhost\u2019"}, False),
    ({}, False),
    # the page that sent it, in Origin
    ({"Host": "127.0.0.1:8081", "Origin": "http://localhost:8000"}, False),
    ({"Host": "localhost:8081", "Origin": "https://[::1]:8000"}, False),
    ({"Host": "127.0.0.1:8081", "Origin": "HTTP://LOCALHOST:8000"}, False),
    ({"Host": "127.0.0.1:8081", "Origin": "http://127.0.0.2:8000"}, True),
    ({"Host": "127.0.0.1:8081", "Origin": "http://localhost:8000/"}, True),
    ({"Host": "127.0.0.1:8081", "Origin": "http://user@localhost:8000"}, True),
    ({"Host": "127.0.0.1:8081", "Origin": "null"}, False),
    ({"Host": "127.0.0.1:8081", "Origin": "file://"}, False),
    ({"Host": "127.0.0.1:8081", "Origin": "http://localhost.:8000"}, False),
    ({"Host": "127.0.0.1:8081", "Origin": "https://attacker.example"}, False),
    ({"Host": "127.0.0.1:8081", "Origin": "http://localhost.attacker.example:8000"}, False),
    ({"Host": "127.0.0.1:8081", "Origin": "http://%6cocalhost:8000"}, False),
    ({"Host": "127.0.0.1:8081", "Origin": "http://localhost:8000",
      "Referer": "https://attacker.example/"}, False),
    # without Origin: the page in Referer, else the browser's Sec-Fetch-Site
    ({"Host": "127.0.0.1:8081", "Referer": "http://localhost:8000/admin/#/"}, False),
    ({"Host": "127.0.0.1:8081", "Referer": "http://[::1]:8000/admin/"}, False),
    ({"Host": "127.0.0.1:8081", "Referer": "https://attacker.example/pagina"}, False),
    ({"Host": "127.0.0.1:8081", "Referer": "http://localhost.attacker.example/"}, False),
    ({"Host": "127.0.0.1:8081", "Referer": "about:blank"}, False),
    ({"Host": "127.0.0.1:8081", "Referer": "http://127.0.0.2:8000/admin/"}, True),
    ({"Host": "127.0.0.1:8081", "Referer": "http://user@localhost:8000/admin/"}, True),
    ({"Host": "127.0.0.1:8081", "Referer": "http://%6cocalhost:8000/admin/"}, False),
    ({"Host": "127.0.0.1:8081", "Referer": "http://127.1:8000/admin/"}, False),
    ({"Host": "127.0.0.1:8081", "Referer": "HTTP://LOCALHOST/admin/"}, False),
    ({"Host": "127.0.0.1:8081", "Referer": "http://localhost:8000?x=1"}, False),
    ({"Host": "127.0.0.1:8081", "Sec-Fetch-Site": "cross-site"}, False),
    ({"Host": "127.0.0.1:8081", "Sec-Fetch-Site": " Cross-Site "}, False),
    ({"Host": "127.0.0.1:8081", "Sec-Fetch-Site": "same-site"}, False),
    ({"Host": "127.0.0.1:8081", "Sec-Fetch-Site": "none"}, False),
    ({"Host": "127.0.0.1:8081", "Origin": "http://localhost:8000",
      "Sec-Fetch-Site": "cross-site"}, False),
]


def test_cms_guard_takes_only_what_this_machine_takes():
    """decap-server's guard (tools/cms_guard.js) and the other local servers' rule
    (tools/this_machine.py, for a server on loopback: no HOST names) agree on every
    request's Host, Origin, Referer and Sec-Fetch-Site, the guard refusing on purpose a
    few more (only the three names the editor is opened at). The guard read only Origin:
    a request without one, from a page elsewhere named in its Referer, or said
    "cross-site" by the browser, reached decap-server, which the other servers refuse."""
    verdicts = node(GUARD_JS, GUARD_CASES, [ROOT / "tools" / "cms_guard.js"])
    python = [this_machine.local_host(headers.get("Host"))
              and not this_machine.foreign_page(headers) for headers, _ in GUARD_CASES]
    assert [narrower for (_, narrower), taken in zip(GUARD_CASES, python)
            if narrower and not taken] == []  # narrower only than what Python takes
    assert [(headers, guard, taken) for (headers, narrower), guard, taken
            in zip(GUARD_CASES, verdicts, python) if guard != (taken and not narrower)] == []
