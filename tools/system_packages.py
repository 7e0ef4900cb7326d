"""Debian packages the test suite needs, installed with apt when they are missing
(Chromium, nginx and its brotli module, rsync, Node.js and npm, a Java runtime).

``./run test`` (tasks.py) and ``tools/node_setup.py`` call :func:`ensure`; tests that need a
package call it too, so a fresh machine gets them either way. apt needs root:
as root it runs directly, otherwise through ``sudo`` (``sudo -n`` when nobody can
type a password, e.g. inside pytest). On Debian, installing ``nginx`` also starts
the system service on port 80 (``systemctl disable --now nginx`` if unwanted);
the tests never use it, they run their own nginx on loopback.
"""

import os
import shutil
import subprocess
from pathlib import Path

PACKAGES = {  # Debian package -> a file it installs
    "chromium": "/usr/bin/chromium",
    "nginx": "/usr/sbin/nginx",
    "libnginx-mod-http-brotli-static": "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so",
    "nodejs": "/usr/bin/node",
    "npm": "/usr/bin/npm",
    "rsync": "/usr/bin/rsync",
    "default-jre-headless": "/usr/bin/java",
}
BROWSER = ("chromium",)
NGINX = ("nginx", "libnginx-mod-http-brotli-static")
# the deployment's tests: nginx with the shipped file, the README's rsync to a server
DEPLOY = (*NGINX, "rsync")
# the W3C Nu Html Checker (vnu.jar, tests/test_html_validity.py) runs on Java
JAVA = ("default-jre-headless",)


class Unavailable(RuntimeError):
    """The packages are missing and apt cannot install them here."""


def missing(names):
    return [name for name in names if not Path(PACKAGES[name]).exists()]


def _prefix(interactive):
    if os.geteuid() == 0:
        return []
    if shutil.which("sudo"):
        return ["sudo"] if interactive else ["sudo", "-n"]
    return None


def ensure(names, interactive=False):
    """Install whichever of ``names`` is missing; raise :class:`Unavailable` if apt cannot."""
    needed = missing(names)
    if not needed:
        return []
    prefix = _prefix(interactive)
    if prefix is None or not shutil.which("apt-get"):
        raise Unavailable(f"missing {', '.join(needed)}: install with apt-get (as root)")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for command in (["apt-get", "update", "-qq"],
                    ["apt-get", "install", "-y", "-qq", *needed]):
        result = subprocess.run([*prefix, *command], env=env, capture_output=True, text=True,
                                check=False)
        if result.returncode != 0:
            raise Unavailable(f"{' '.join(command)} failed ({result.returncode}):"
                              f" {result.stderr.strip()[-500:]}")
    still = missing(needed)
    if still:
        raise Unavailable(f"apt-get installed nothing for {', '.join(still)}")
    return needed
