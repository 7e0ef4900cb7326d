import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))

from support import build_site  # noqa: E402


@pytest.fixture
def build(tmp_path):
    """Build the given content with the project's settings into tmp_path."""

    def _build(files, settings="", **options):
        return build_site(tmp_path, files, settings, **options)

    return _build


@pytest.fixture(scope="module")
def project_site(tmp_path_factory):
    """The repository's own content, built once per module with the public settings."""
    from support import ROOT, SITEURL, Build  # noqa: PLC0415
    import os, subprocess  # noqa: E401, PLC0415

    output = tmp_path_factory.mktemp("project") / "output"
    env = dict(os.environ, LC_ALL="C", LANG="C", SITEURL=SITEURL, COLUMNS="250")
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(ROOT / "content"), "-s",
         str(ROOT / "publishconf.py"), "-o", str(output),
         "-e", f'CACHE_PATH="{output.parent / "cache"}"'],  # not the working tree's cache/
        capture_output=True, text=True, env=env, check=False,
    )
    return Build(result.returncode, result.stdout + result.stderr, output, ROOT / "content")
