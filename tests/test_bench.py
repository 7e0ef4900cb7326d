"""tools/bench.py, the figures of `invoke bench`: what it generates and what it reads
from a build's log (the builds themselves are the bench's business, not the suite's)."""

import sys

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
