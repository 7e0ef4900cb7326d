import compileall
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # plugins.*, tools.*

from support import (ROOT, SHARED_CACHE_VARIABLE, build_project, build_site,  # noqa: E402
                     forked_safe_build)


def pytest_configure(config):
    """The run's shared cache folder (support.shared_cache), made before xdist starts
    its workers, which inherit the variable; the project's code compiled."""
    if not hasattr(config, "workerinput") and SHARED_CACHE_VARIABLE not in os.environ:
        config.shared_cache = tempfile.mkdtemp(prefix="farelegami-")
        os.environ[SHARED_CACHE_VARIABLE] = config.shared_cache
    if not hasattr(config, "workerinput"):
        # Where the environment sets PYTHONDONTWRITEBYTECODE (some CI images, and this
        # project's machines), every command a test runs (check, preview, publish, the
        # build server) compiled the plugins and tools from their source again; compiled
        # once here (their bytecode is read even so). Not by lifting the variable: the
        # settings files tests write again and again (testconf.py, rewritten within a
        # second at the same size for another configuration) would be read from a stale
        # cache.
        for folder in ("plugins", "tools"):
            compileall.compile_dir(ROOT / folder, quiet=1)


def pytest_unconfigure(config):
    if getattr(config, "shared_cache", None):
        shutil.rmtree(config.shared_cache, ignore_errors=True)
        os.environ.pop(SHARED_CACHE_VARIABLE, None)


@pytest.fixture
def build(tmp_path):
    """Build the given content with the project's settings into tmp_path."""

    def _build(files, settings="", **options):
        return build_site(tmp_path, files, settings, **options)

    return _build


@pytest.fixture
def forked_safe_builds(monkeypatch):
    """tools/safe_build.py's builds (publish, build_into, the preview's) forked from the
    build server (``support.forked_safe_build``), for tests of what is done with a build,
    not of the process that makes it."""
    from tools import safe_build  # noqa: PLC0415

    monkeypatch.setattr(safe_build, "run_pelican", forked_safe_build)


@pytest.fixture(scope="session")
def _shared_builds():
    return {}


@pytest.fixture
def build_once(_shared_builds, tmp_path_factory):
    """Like ``build``, for tests that only read what was built: the same content,
    settings and options are built once per test run (per xdist worker)."""

    def _build(files, settings="", **options):
        key = (repr(sorted(files.items())), settings, repr(sorted(options.items())))
        if key not in _shared_builds:
            _shared_builds[key] = build_site(tmp_path_factory.mktemp("shared"), files,
                                             settings, **options)
        return _shared_builds[key]

    return _build


@pytest.fixture(scope="session")
def project_site(tmp_path_factory):
    """The repository's own content, built once per test run (per xdist worker: the
    modules that use it read it, none changes it) with the public settings (and a visit
    counter address, as in production). It must build: a test of what it wrote would
    otherwise look at nothing and pass."""
    built = build_project(tmp_path_factory.mktemp("project") / "output",
                          VISIT_COUNTER_URL="https://stats.example.org")
    assert built.ok, built.log
    return built
