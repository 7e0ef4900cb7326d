"""The project's npm packages: the web editor (decap-cms) and its local backend (decap-server).

    python tools/node_setup.py

Installs Node.js and npm from apt when they are missing (as root, or through sudo;
Debian's ``nodejs`` and ``npm`` packages), then runs ``npm ci``: exactly the versions
and integrity hashes of the committed ``package-lock.json``, into ``node_modules/``.
``npm ci`` runs again only when package-lock.json changes (its hash is kept in
``node_modules/.installed``). The tasks that build the site or run the tests
(``./run build``, ``livereload``, ``test``…) call :func:`ensure` first.
"""

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "package-lock.json"
MODULES = ROOT / "node_modules"
MARK = MODULES / ".installed"


def _apt_install(*packages):
    prefix = [] if os.geteuid() == 0 else (["sudo"] if shutil.which("sudo") else None)
    if prefix is None:
        sys.exit(f"{' and '.join(packages)} missing: install them (apt-get install"
                 f" {' '.join(packages)}) and retry.")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run([*prefix, "apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run([*prefix, "apt-get", "install", "-y", "-qq", *packages], check=True,
                   env=env)


def lock_digest():
    return hashlib.sha256(LOCK.read_bytes()).hexdigest()


def installed():
    """True when node_modules holds what package-lock.json says."""
    try:
        return MARK.read_text(encoding="utf-8").strip() == lock_digest()
    except FileNotFoundError:
        return False


def ensure():
    """Node.js, npm and node_modules as package-lock.json says; quick when they are."""
    if installed() and shutil.which("node"):
        return
    if not (shutil.which("node") and shutil.which("npm")):
        _apt_install("nodejs", "npm")
    print("Installing the web editor (npm ci: a minute or more the first time)...", flush=True)
    # no package of the lockfile has an install script; none may run
    subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund",
                    "--loglevel=error"], cwd=ROOT, check=True)
    MARK.write_text(lock_digest() + "\n", encoding="utf-8")


if __name__ == "__main__":
    ensure()
