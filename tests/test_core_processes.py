"""plugins/core/processes.py: a build's process ends without the collector's last
passes over what it made, and still writes out its output and its log."""

import gc
import subprocess
import sys
import textwrap
from concurrent.futures import ProcessPoolExecutor

import pytest
from support import ROOT, child_env, project_settings

from plugins.core import processes

CHILD = textwrap.dedent("""
    import atexit, gc, logging, sys
    sys.path.insert(0, {root!r})
    from plugins.core.processes import quick_exit

    def report():  # registered first: runs last, after quick_exit's own
        print("frozen at exit:", gc.get_freeze_count() > 1000, flush=True)

    atexit.register(report)
    kept = [[i] for i in range(10_000)]  # objects the collector would walk
    for _ in range(3):
        quick_exit()  # once per process, however many builds call it
    # a log file never closed nor flushed by the program (logging does it at exit)
    logging.getLogger("x").addHandler(logging.FileHandler(sys.argv[1], encoding="utf-8"))
    logging.getLogger("x").warning("scritto")
    print("before exit:", gc.get_freeze_count() > 1000)  # stdout: not flushed either
""")


def test_objects_are_frozen_only_at_exit_and_output_is_still_written(tmp_path):
    target = tmp_path / "out.txt"
    result = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT)), str(target)],
                            capture_output=True, text=True, check=False, env=child_env())
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["before exit: False", "frozen at exit: True"]
    assert target.read_text(encoding="utf-8") == "scritto\n"


def test_the_build_process_registers_it(tmp_path):
    probe = textwrap.dedent(f"""
        import atexit, sys
        sys.path.insert(0, {str(ROOT)!r})
        sys.path.insert(0, {str(ROOT / "tests")!r})
        from support import project_settings
        before = atexit._ncallbacks()
        project_settings({str(ROOT / "pelicanconf.py")!r})  # plugins loaded, initialized
        from plugins.core import processes
        print(bool(processes._QUICK_EXIT), atexit._ncallbacks() > before)
    """)
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=False, env=child_env(), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True"]


def _frozen_count(_):
    return gc.get_freeze_count()


@pytest.mark.skipif(not processes.FORK_POOLS, reason="pools are forked on Linux only")
def test_a_pool_forked_in_the_block_inherits_frozen_objects_and_this_process_does_not():
    kept = [[i] for i in range(5_000)]  # noqa: F841 - objects the workers inherit
    pool = ProcessPoolExecutor(2, mp_context=processes.fork_context())
    with pool:
        with processes.frozen():
            futures = [pool.submit(_frozen_count, n) for n in range(4)]
        counts = [future.result() for future in futures]
    assert min(counts) > 5_000  # every worker, forked at the first task
    assert gc.get_freeze_count() == 0  # nothing kept here after the block


@pytest.mark.skipif(not processes.FORK_POOLS, reason="pools are forked on Linux only")
def test_invoke_checks_workers_are_forked_frozen(monkeypatch):
    from tools import check  # noqa: PLC0415 - imports Pelican and the plugins

    settings = project_settings(ROOT / "pelicanconf.py")
    files = check.content_files(settings)
    monkeypatch.setattr(check, "_check_one", _frozen_count)  # forked: the workers see it
    assert min(check.checked_files(settings, files, workers=2)) > 1000


@pytest.mark.skipif(not processes.FORK_POOLS, reason="pools are forked on Linux only")
def test_what_the_caller_froze_before_the_block_stays_frozen():
    kept = [[i] for i in range(5_000)]  # noqa: F841 - frozen by the caller
    gc.freeze()
    try:
        frozen_before = gc.get_freeze_count()
        pool = ProcessPoolExecutor(2, mp_context=processes.fork_context())
        with pool:
            with processes.frozen():
                futures = [pool.submit(_frozen_count, n) for n in range(4)]
            counts = [future.result() for future in futures]
        assert min(counts) >= frozen_before
        assert gc.get_freeze_count() >= frozen_before  # not given back to the collector
    finally:
        gc.unfreeze()


# tools/check.py run as `python tools/check.py` runs it: the collectors' passes in its own
# process, each generation's, and whether it collects and how much it froze at the end
CHECK_PROBE = textwrap.dedent("""
    import gc, runpy, sys
    passes = [0, 0, 0]
    gc.callbacks.append(lambda phase, info: phase == "start" and passes.__setitem__(
        info["generation"], passes[info["generation"]] + 1))
    sys.argv = [sys.argv[1], *sys.argv[2:]]
    try:
        runpy.run_path(sys.argv[0], run_name="__main__")
    except SystemExit as end:
        status = end.code
    print(status, gc.isenabled(), gc.get_freeze_count(), *passes, file=sys.stderr)
""")


def test_invoke_check_walks_what_its_start_up_made_never_again(tmp_path):
    # Its imports and the plugins' start-up make some 80,000 objects the collector tracks:
    # it walked them in over a hundred passes while they were made, and all at once (a
    # full pass) at the end; they are frozen once made, and what the check then makes is
    # collected as before, in this process and in the workers.
    content = tmp_path / "content" / "notizie"
    content.mkdir(parents=True)
    for number in range(3):
        (content / f"a{number}.md").write_text(
            f"---\ntitle: Articolo {number}\ndate: 2024-05-0{number + 1}\n---\n\nTesto.\n",
            encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", CHECK_PROBE, str(ROOT / "tools" / "check.py"),
         "--content", str(tmp_path / "content")],
        capture_output=True, text=True, check=False, env=child_env(), cwd=tmp_path)
    status, collecting, frozen, *passes = result.stderr.split()[-6:]
    assert (status, collecting) == ("0", "True"), result.stderr
    assert int(frozen) > 50_000
    assert int(passes[0]) < 60 and passes[2] == "0", passes


@pytest.mark.skipif(not processes.FORK_POOLS, reason="pools are forked on Linux only")
@pytest.mark.parametrize("with_pdf", [True, False])
def test_invoke_checks_workers_inherit_pypdf_when_there_are_pdfs(tmp_path, with_pdf):
    # each worker imported pypdf at its first PDF (35 ms each): imported once, before
    # they are forked, when the attachments' folder holds a PDF; not when it holds none
    content = tmp_path / "content"
    (content / "allegati" / "bandi").mkdir(parents=True)
    (content / "allegati" / "bandi" / ("Bando.PDF" if with_pdf else "bando.docx")).write_bytes(
        b"%PDF-1.4\n")
    probe = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from tools import check
        settings = check.load_settings({str(ROOT / "pelicanconf.py")!r}, {str(content)!r})
        def loaded(_):
            return "pypdf" in sys.modules
        check._check_one = loaded  # forked: the workers run it
        print(sorted(set(check.checked_files(settings, [("a.md", False)] * 4, workers=2))),
              "pypdf" in sys.modules)
    """)
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=False, env=child_env(), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == (["[True]", "True"] if with_pdf else ["[False]", "False"])
