"""Builds that never leave a half-written or broken site behind.

``build_into(output)``: build into a fresh folder beside ``output`` and swap
it in only when Pelican succeeded (development and CI).

``publish(root)``: build into ``root/releases/<timestamp>/`` and switch the
``root/current`` symlink to it with one atomic ``rename``; the web server
serves ``root/current``. ``rollback(root)`` points it back at the previous
release. A failed build leaves ``current`` exactly as it was.
"""

import logging
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

logger = logging.getLogger(__name__)
KEEP_RELEASES = 5


def run_pelican(settings_file, output, extra_settings=(), content="content"):
    """Run Pelican in a child process (so plugin edits are always picked up)."""
    command = [sys.executable, "-m", "pelican", content, "-s", str(settings_file),
               "-o", str(output), "--delete-output-directory"]
    for setting in extra_settings:
        command += ["-e", setting]
    return subprocess.run(command, check=False).returncode == 0


def build_into(settings_file, output, extra_settings=(), content="content"):
    """Build into a staging folder; replace ``output`` only on success."""
    output = Path(output).resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-new-", dir=output.parent))
    if not run_pelican(settings_file, staging, extra_settings, content):
        shutil.rmtree(staging, ignore_errors=True)
        logger.error("Build failed: %s left as it was", output)
        return False
    staging.chmod(0o755)
    if output.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{output.name}-old-", dir=output.parent))
        os.rename(output, old / "site")
        os.rename(staging, output)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.rename(staging, output)
    return True


def _switch(root, release):
    """Point ``root/current`` at ``release`` atomically (rename over the old link)."""
    link = root / "current"
    temporary = root / ".current-new"
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    temporary.symlink_to(Path("releases") / release.name)
    os.replace(temporary, link)


def releases(root):
    folder = Path(root) / "releases"
    return sorted(p for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []


def publish(settings_file, root, extra_settings=(), content="content"):
    """Build a new release and make it current; return its path, or None on failure."""
    root = Path(root).resolve()
    (root / "releases").mkdir(parents=True, exist_ok=True)
    name = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    staging = root / "releases" / f".{name}-building"
    if not run_pelican(settings_file, staging, extra_settings, content):
        shutil.rmtree(staging, ignore_errors=True)
        logger.error("Build failed: the published site was not touched")
        return None
    release = root / "releases" / name
    os.rename(staging, release)
    release.chmod(0o755)
    _switch(root, release)
    for old in releases(root)[:-KEEP_RELEASES]:
        shutil.rmtree(old, ignore_errors=True)
    return release


def rollback(root):
    """Make the release before the current one current again; return it."""
    root = Path(root).resolve()
    current = (root / "current").resolve()
    previous = [r for r in releases(root) if r.resolve() < current]
    if not previous:
        return None
    _switch(root, previous[-1])
    return previous[-1]
