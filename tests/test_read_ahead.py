"""plugins/contract/ahead.py: a cold build reads its files on every core, and writes
what a build reading them one by one writes, logging the same problems."""

import os
from concurrent.futures import Future

import pytest
from support import ROOT, article, build_project

from plugins.contract.ahead import Ahead, digest

several_cores = pytest.mark.skipif((os.cpu_count() or 1) < 2,
                                   reason="one core: nothing is read ahead")
PROJECT_FILES = sum(1 for _ in (ROOT / "content").rglob("*.md"))


def differing(one, two):
    names = set(one.files()) | set(two.files())
    return sorted(name for name in names if (
        not (one.output / name).is_file() or not (two.output / name).is_file()
        or (one.output / name).read_bytes() != (two.output / name).read_bytes()))


@several_cores
def test_reading_ahead_writes_the_site_reading_one_by_one_writes(tmp_path):
    ahead = build_project(tmp_path / "ahead", settings={"CONTRACT_READ_AHEAD_FROM": 1},
                          verbose=True)
    alone = build_project(tmp_path / "alone", settings={"CONTRACT_READ_AHEAD_FROM": 0},
                          verbose=True)
    assert ahead.ok, ahead.log
    assert alone.ok, alone.log
    assert f"Read ahead: {PROJECT_FILES} files in" in " ".join(ahead.log.split())
    assert "Read ahead" not in alone.log
    assert len(ahead.files()) == len(alone.files())
    assert differing(ahead, alone) == []  # every file but Pagefind's order (tests/support)
    # What was read ahead is in the cache: a rebuild reads nothing ahead, writes the same.
    again = build_project(tmp_path / "again", cache=tmp_path / "ahead-cache",
                          settings={"CONTRACT_READ_AHEAD_FROM": 1}, verbose=True)
    assert again.ok, again.log
    assert "Read ahead" not in again.log
    assert differing(ahead, again) == []


BROKEN = {
    **{f"notizie/buona-{number}.md": article(title=f"Buona {number}") for number in range(6)},
    "notizie/senza-data.md": article(title="Senza data", date=None),
    "notizie/immagine.md": article(title="Immagine", body="Testo.\n\n![](/x.png)\n"),
    "notizie/avviso.md": article(title="Con avviso", colore="blu"),
}


def problem_lines(log):
    return [line for line in " ".join(log.split("\n")).split("  ") if ".md:" in line]


@several_cores
def test_reading_ahead_reports_the_same_problems_in_the_same_order(build):
    ahead = build(BROKEN, "CONTRACT_READ_AHEAD_FROM = 1\n", verbose=True)
    alone = build(BROKEN, "CONTRACT_READ_AHEAD_FROM = 0\n", verbose=True)
    assert not ahead.ok and not alone.ok
    assert "Read ahead: 9 files in" in " ".join(ahead.log.split())
    lines = problem_lines(ahead.log)
    assert any("senza-data.md" in line and "date" in line for line in lines), ahead.log
    assert any("immagine.md" in line and "alternativo" in line for line in lines), ahead.log
    assert any("avviso.md" in line and "colore" in line for line in lines), ahead.log
    assert lines == problem_lines(alone.log)


def done(value):
    future = Future()
    future.set_result(value)
    return future


def test_a_result_read_from_other_bytes_or_lost_is_not_taken():
    ahead = Ahead()
    result = ("checked", "read")
    ahead.futures = {"a.md": done((digest(b"old"), result)), "b.md": done((digest(b"x"), result)),
                     "c.md": Future()}
    ahead.futures["c.md"].set_exception(RuntimeError("worker died"))
    assert ahead.take("a.md", b"new") is None  # changed after the worker read it
    assert ahead.take("b.md", b"x") == result
    assert ahead.take("b.md", b"x") is None  # taken once
    assert ahead.take("c.md", b"x") is None
    assert ahead.take("d.md", b"x") is None  # never read ahead
    assert ahead.futures == {}



@pytest.mark.parametrize("value", [-1, "100", True, 2.5])
def test_a_bad_threshold_is_logged_and_the_default_used(value, caplog):
    from plugins.contract import settings as contract_settings  # noqa: PLC0415

    installed = contract_settings.install({"CONTRACT_READ_AHEAD_FROM": value})
    assert installed["CONTRACT_READ_AHEAD_FROM"] == 100
    assert "CONTRACT_READ_AHEAD_FROM: must be a whole number" in caplog.text


def test_nothing_is_forked_where_forking_is_not_safe(monkeypatch):
    from plugins.core import processes  # noqa: PLC0415

    monkeypatch.setattr(processes, "FORK_POOLS", False)  # as on macOS or Windows
    ahead = Ahead()
    ahead.start({"PATH": "."}, ["a.md", "b.md", "c.md"])
    assert ahead.pool is None and ahead.futures == {}
    assert ahead.take("a.md", b"x") is None  # the reader reads the file itself
