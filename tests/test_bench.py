"""tools/bench.py, the figures of `invoke bench`: what it generates and what it reads
from a build's log (the builds themselves are the bench's business, not the suite's)."""

import contextlib
import os
import signal
import subprocess
import sys
import time

import pytest
import yaml

from support import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import bench  # noqa: E402


def test_the_search_steps_time_is_read_from_its_own_line_not_from_the_builds():
    """The log was read as one line with the step's text cut by rich at 80 columns
    ("… documents in     __init__.py:118 / 0.48 s, 362 kB"): the first "in N s" after
    it was the whole build's ("in 3.12 seconds")."""
    log = ("[14:20:51] WARNING  ADMIN_REPO is empty      output.py:101\n"
           "[14:20:52] INFO     Search index: 105 pages, 10 documents in 0.48 s, 362 kB"
           "      __init__.py:118\n"
           "Done: Processed 100 articles, 0 drafts, 0 hidden articles, 5 pages in 3.12"
           " seconds.\n")
    assert bench.search_seconds(log) == 0.48
    wrapped = log.replace("0.48 s, 362 kB      __init__.py:118",
                          "    __init__.py:118\n                    0.48 s, 362 kB")
    assert bench.search_seconds(wrapped) is None  # not the build's 3.12 s (the bench's
    # builds log on 1000 columns: see run_build)


def test_the_generated_site_mixes_what_the_issue_asks(tmp_path):
    content = bench.generate(tmp_path / "content", 50)
    articles = sorted(path for folder in bench.CATEGORIES
                      for path in (content / folder).glob("*.md"))
    assert len(articles) == 50 and len(list((content / "pages").glob("*.md"))) == 5
    texts = [path.read_text(encoding="utf-8") for path in articles]
    native = [text for text in texts if text.startswith("Title: ")]
    front = [yaml.safe_load(text.split("---")[1]) for text in texts if text.startswith("---")]
    assert len(native) == 10 and len(front) == 40  # 20 % in native headers
    assert sum("attachments" in meta for meta in front) == 5  # 10 % with a PDF
    assert sum("image" in meta for meta in front) == 1
    assert all((content / meta["attachments"][0]).read_bytes().startswith(b"%PDF")
               for meta in front if "attachments" in meta)
    assert {folder.name for folder in content.iterdir()} == {
        *bench.CATEGORIES, "pages", "allegati", "immagini"}


def test_peak_memory_adds_up_the_processes_a_build_runs_beside_each_other():
    """The bench printed the largest single process's ru_maxrss: Pagefind's service and
    the compressing pool run beside the build's process, and their memory was left out.
    Two children holding 60 MB each at the same time: the tree needs 120 MB and more."""
    if not bench.pss_supported():
        pytest.skip("no /proc PSS here (the bench prints ru_maxrss instead)")
    hold = ("import sys, time; block = bytearray(60 * 2**20); block[::4096] = b'x' * len("
            "block[::4096]); sys.stdout.write('ready\\n'); sys.stdout.flush(); time.sleep(60)")
    parent = subprocess.Popen(
        [sys.executable, "-c", "import subprocess, sys\n"
         f"children = [subprocess.Popen([sys.executable, '-c', {hold!r}], stdout=sys.stdout)"
         " for _ in range(2)]\n"
         "[child.wait() for child in children]"],
        stdout=subprocess.PIPE, text=True)
    memory = bench.TreeMemory(parent.pid, interval=0.01)
    try:
        assert [parent.stdout.readline() for _ in range(2)] == ["ready\n"] * 2
        # until a sample sees both blocks (not a fixed 0.1 s: a sampler starved by a busy
        # machine took none meanwhile); children held for 60 s, killed below
        deadline = time.monotonic() + 30
        while memory.peak < 120 * 1024 and time.monotonic() < deadline:
            time.sleep(0.01)
        peak = memory.stop()
    finally:
        for pid in bench._descendants(parent.pid):  # children first found, then all killed
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        parent.wait()
        parent.stdout.close()
    assert peak >= 120, peak
    assert peak < 400, peak  # each page once: not the whole machine's


def test_the_check_floor_converts_each_body_the_check_would_read_and_no_front_matter(tmp_path):
    """tools/check_floor.py, the bench's floor under `invoke check`: the Markdown of every
    file the check reads (articles and pages), without the front matter of either kind."""
    import check_floor  # noqa: PLC0415 - tools/, on the path above

    content = bench.generate(tmp_path / "content", 20)
    texts = [path.read_text(encoding="utf-8") for path in sorted(content.rglob("*.md"))]
    bodies = [check_floor.body(text) for text in texts]
    assert any(text.startswith("---") for text in texts)
    assert any(text.startswith("Title: ") for text in texts)
    for text, found in zip(texts, bodies):
        assert found.strip() and text.endswith(found)
        assert "title:" not in found.lower() and "date:" not in found.lower()
    settings = tmp_path / "site.py"
    settings.write_text(bench.SITE_SETTINGS.format(root=str(ROOT), cache=str(tmp_path / "cache"),
                                                   content=str(content)), encoding="utf-8")
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "check_floor.py"), "--settings",
                           str(settings)], capture_output=True, text=True, check=True,
                          env=dict(os.environ, SITEURL="https://bench.example.org"))
    files, seconds = done.stdout.split()
    assert int(files) == len(texts) == 25 and float(seconds) > 0
