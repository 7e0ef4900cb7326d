"""The CMS's code: the prebuilt ``decap-cms`` bundle that ``npm ci`` installs.

``package.json`` pins ``decap-cms`` and ``package-lock.json`` (committed) pins it with
its integrity hash; ``npm ci`` (run by ``./run``) puts it in ``node_modules/``. The
build copies from ``node_modules/decap-cms/dist``:

- ``decap-cms.js``, the application (the only file loaded in normal use);
- its lazily loaded chunks ``<n>.decap-cms.js`` (code-editor modes), found by the
  browser next to it;
- ``decap-cms.js.LICENSE.txt``, the licences of what it bundles.

Not copied: source maps, ``cms.js*`` (the same application built again) and the WebP
encoder's ``*.wasm`` (used only with ``media_processing``, which is off).
"""

import json
import re
from pathlib import Path

from plugins.core.errors import QuietError, quiet_tracebacks

ROOT = Path(__file__).resolve().parent.parent.parent
PACKAGE = "decap-cms"
MAIN = "decap-cms.js"
CHUNK_RE = re.compile(r"[0-9]+\.decap-cms\.js")
LICENSE = "decap-cms.js.LICENSE.txt"
INSTALL = "run `./run build` (or `npm ci` in the project folder)"


class BundleMissing(QuietError):
    """The CMS's code is not installed, or not the version package-lock.json pins."""


def folder(settings):
    """Where the bundle is read from (``ADMIN_BUNDLE_PATH`` or the project's node_modules)."""
    return Path(settings["ADMIN_BUNDLE_PATH"] or ROOT / "node_modules" / PACKAGE / "dist")


def locked_version(root=ROOT):
    """The version of decap-cms package-lock.json pins, or None (no lockfile)."""
    try:
        lock = json.loads((root / "package-lock.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    return lock["packages"][f"node_modules/{PACKAGE}"]["version"]


def installed_version(dist):
    try:
        package = json.loads((dist.parent / "package.json").read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return None
    return package.get("version")


def _missing(message):
    quiet_tracebacks()
    return BundleMissing(message)


def files(settings):
    """The bundle's files to copy into admin/, checked; raises :class:`BundleMissing`."""
    dist = folder(settings)
    if not (dist / MAIN).is_file():
        raise _missing(f"editor web: manca il codice di Decap CMS ({dist / MAIN}): {INSTALL}"
                       f" / web editor: Decap CMS is not installed: {INSTALL}")
    if not settings["ADMIN_BUNDLE_PATH"]:
        wanted, found = locked_version(), installed_version(dist)
        if wanted and found != wanted:
            raise _missing(f"editor web: installato decap-cms {found}, package-lock.json"
                           f" chiede {wanted}: {INSTALL} / web editor: decap-cms {found} is"
                           f" installed, package-lock.json pins {wanted}: {INSTALL}")
    chunks = sorted(p for p in dist.iterdir() if CHUNK_RE.fullmatch(p.name))
    extra = [dist / LICENSE] if (dist / LICENSE).is_file() else []
    return [dist / MAIN, *chunks, *extra]
