"""The project's npm packages: the web editor (decap-cms) and its local backend
(decap-server) in the project folder; axe-core for the accessibility tests in tests/axe.

    python tools/node_setup.py [FOLDER]

Installs Node.js and npm from apt when they are missing (tools/system_packages.py:
Debian's ``nodejs`` and ``npm``, as root or through sudo), then runs ``npm ci`` in
the folder: exactly the versions and integrity hashes of its committed
``package-lock.json``, into its ``node_modules/``, with no package's install script.
``npm ci`` runs again only when package-lock.json changes (its hash is kept in
``node_modules/.installed``). The tasks that build the site or run the tests call
:func:`ensure` first.
"""

import hashlib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools import system_packages  # noqa: E402


def lock_digest(folder=ROOT):
    return hashlib.sha256((Path(folder) / "package-lock.json").read_bytes()).hexdigest()


def installed(folder=ROOT):
    """True when the folder's node_modules holds what its package-lock.json says."""
    try:
        mark = Path(folder) / "node_modules" / ".installed"
        return mark.read_text(encoding="utf-8").strip() == lock_digest(folder)
    except FileNotFoundError:
        return False


def ensure(folder=ROOT):
    """Node.js, npm and the folder's node_modules as its package-lock.json says; quick
    when they are."""
    folder = Path(folder)
    if installed(folder) and not system_packages.missing(system_packages.NODE):
        return
    try:
        system_packages.ensure(system_packages.NODE, interactive=True)
    except system_packages.Unavailable as error:
        sys.exit(f"Node.js/npm: {error}")
    print(f"npm ci in {folder.relative_to(ROOT) if folder != ROOT else '.'}"
          " (a minute or more the first time)...", flush=True)
    subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund",
                    "--loglevel=error"], cwd=folder, check=True)
    (folder / "node_modules" / ".installed").write_text(lock_digest(folder) + "\n",
                                                       encoding="utf-8")


if __name__ == "__main__":
    ensure(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT)
