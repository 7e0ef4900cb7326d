"""The project's npm packages: the web editor (decap-cms) and its local backend
(decap-server) in the project folder; axe-core for the accessibility tests, vnu-jar (the
W3C Nu Html Checker) for the markup's and acorn for the reader scripts' floor
(tests/test_script_floor.py) in tests/axe.

    python tools/node_setup.py [FOLDER]

Installs Node.js and npm from apt when they are missing (tools/system_packages.py:
Debian's ``nodejs`` and ``npm``, as root or through sudo; ``node`` and ``npm`` are looked
for on the PATH, where a Mac's Homebrew or nodejs.org installer puts them; without apt
it says what to install, on Debian/Ubuntu and on a Mac), then runs ``npm ci`` in
the folder: exactly the versions and integrity hashes of its committed
``package-lock.json``, into its ``node_modules/``, with no package's install script.
``npm ci`` runs again only when package-lock.json changes (its hash is kept in
``node_modules/.installed``). The tasks that build the site or run the tests call
:func:`ensure` first.
"""

import argparse
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools import system_packages  # noqa: E402


# Debian's package -> the command it installs, looked for on the PATH: a Mac has no
# /usr/bin/node (Homebrew: /opt/homebrew/bin, nodejs.org's installer: /usr/local/bin)
COMMANDS = {"nodejs": "node", "npm": "npm"}
HOW_TO_INSTALL = (
    "Node.js (con npm) non è installato: installalo, poi ripeti il comando."
    " Su Debian/Ubuntu: sudo apt-get install nodejs npm;"
    " su Mac: da https://nodejs.org oppure con brew install node."
    " / Node.js (with npm) is not installed: install it, then run the command again."
    " On Debian/Ubuntu: sudo apt-get install nodejs npm;"
    " on a Mac: from https://nodejs.org or with brew install node.")


class Missing(RuntimeError):
    """Node.js or npm is not installed and cannot be installed here (the message says
    what to install, in Italian and English)."""


def missing():
    """The Debian packages of the commands (node, npm) not found on the PATH."""
    return [package for package, command in COMMANDS.items() if not shutil.which(command)]


def lock_digest(folder=ROOT):
    return hashlib.sha256((Path(folder) / "package-lock.json").read_bytes()).hexdigest()


def installed(folder=ROOT):
    """True when the folder's node_modules holds what its package-lock.json says."""
    try:
        mark = Path(folder) / "node_modules" / ".installed"
        return mark.read_text(encoding="utf-8").strip() == lock_digest(folder)
    except FileNotFoundError:
        return False


def install(folder=ROOT):
    """Node.js, npm and the folder's node_modules as its package-lock.json says; quick
    when they are. Raises :class:`Missing` when Node.js or npm is missing and apt cannot
    install it (no apt-get: a Mac; apt failed)."""
    folder = Path(folder)
    if installed(folder) and not missing():
        return
    needed = missing()
    if needed:
        if not shutil.which("apt-get"):
            raise Missing(HOW_TO_INSTALL)
        try:
            system_packages.ensure(needed, interactive=True)
        except system_packages.Unavailable as error:
            raise Missing(f"{HOW_TO_INSTALL} ({error})") from error
        if missing():
            raise Missing(HOW_TO_INSTALL)
    print(f"npm ci in {folder.relative_to(ROOT) if folder != ROOT else '.'}"
          " (a minute or more the first time)...", flush=True)
    subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund",
                    "--loglevel=error"], cwd=folder, check=True)
    (folder / "node_modules" / ".installed").write_text(lock_digest(folder) + "\n",
                                                       encoding="utf-8")


def ensure(folder=ROOT, why=""):
    """:func:`install`, or exit with ``why`` (what could not be done), then what to
    install."""
    try:
        install(folder)
    except Missing as error:
        sys.exit(f"{why}\n{error}" if why else str(error))


def main(argv=None):
    parser = argparse.ArgumentParser(description="Node.js, npm and a folder's npm packages"
                                                 " as its package-lock.json says.")
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT,
                        help="a folder with a package-lock.json (default: the project's)")
    folder = parser.parse_args(argv).folder.resolve()
    if not (folder / "package-lock.json").is_file():  # a typing mistake: npm ci would fail
        parser.error(f"no package-lock.json in {folder}")
    ensure(folder)


if __name__ == "__main__":
    main()
