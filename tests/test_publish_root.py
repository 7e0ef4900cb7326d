"""tools/publish_root.py: releases, the ``current`` link and rollback, and a publish root
the user cannot write into (named before any work, never a traceback). Releases made by
hand (``support.make_release``) where no build is needed; the ``publish`` and ``rollback``
tasks run as commands.
"""

import json
import os
import shutil
import subprocess
import sys

import pytest
from support import ROOT, SITE, WAIT, article, current, make_conf, make_release, write_content

sys.path.insert(0, str(ROOT))
from tools import publish_root, publisher  # noqa: E402


@pytest.mark.usefixtures("forked_safe_builds")
def test_a_current_that_is_a_real_folder_is_a_clear_refusal_before_any_work(tmp_path):
    """An earlier deploy may have made public/current a folder: it cannot be switched
    atomically; nothing is built or moved, the deployer is told what to do."""
    conf, content, root = make_conf(tmp_path), tmp_path / "content", tmp_path / "public"
    write_content(content, {"notizie/a.md": article(title="Uno")})
    (root / "current").mkdir(parents=True)
    (root / "current" / "index.html").write_text("vecchio")
    for action in (lambda: publisher.publish(conf, root, content=content),
                   lambda: publish_root.rollback(root)):
        with pytest.raises(publish_root.NotALink, match="è una cartella, non un collegamento"):
            action()
    assert (root / "current" / "index.html").read_text() == "vecchio"
    assert not (root / publish_root.RELEASES).exists() or not publish_root.releases(root)


def test_partial_folders_are_never_rollback_candidates(tmp_path):
    root = tmp_path / "public"
    older = make_release(root, "20240101-100000-000000")
    newer = make_release(root, "20240102-100000-000000")
    # what an older version left in releases/ (a hidden folder sorts before every
    # release), a killed build in staging/, and stray entries that are no releases
    (root / "releases" / ".20240103-100000-000000-building" / "2024").mkdir(parents=True)
    (root / "releases" / "20231231-100000-000000.tmp").mkdir()
    (root / "releases" / "20231230-100000-000000").symlink_to(older)
    (root / "staging" / "20231229-100000-000000" / "2024").mkdir(parents=True)
    assert publish_root.releases(root) == [older, newer]

    publish_root.switch(root, older)  # rollback from the oldest real release
    assert publish_root.rollback(root) is None
    assert current(root) == older

    publish_root.switch(root, newer)
    for _ in range(3):
        publish_root.rollback(root)
        assert current(root) == older
    assert sorted(p.name for p in root.iterdir()) == [".publish.lock", "current", "releases",
                                                      "staging"]  # no temporary links left


def test_names_only_looking_like_a_release_are_never_rollback_candidates(tmp_path):
    """A release's name is ASCII digits, matched whole: ``\\d`` and ``$`` took a folder
    named with a final line break, or with another script's digits (newer than every
    release, sorted), for the newest release: rollback made it current, and a publish's
    pruning counted it among the releases kept."""
    root = tmp_path / "public"
    older = make_release(root, "20240101-100000-000000")
    newer = make_release(root, "20240102-100000-000000")
    for stray in ("20991231-100000-000000\n", "\u0662\u0660\u0662\u0664\u0660\u0661\u0660\u0663"
                  "-100000-000000", "20991231-100000-000000\uff10"):
        make_release(root, stray)
    assert publish_root.releases(root) == [older, newer]
    (root / "current").symlink_to("releases/20991231-100000-000000\n")
    assert publish_root.rollback(root) == newer and current(root) == newer
    assert publish_root.rollback(root) == older


def test_rollback_repairs_a_current_that_is_no_release(tmp_path):
    root = tmp_path / "public"
    assert publish_root.rollback(root) is None and not (root / "current").exists()
    older = make_release(root, "20240101-100000-000000")
    newer = make_release(root, "20240102-100000-000000")
    (root / "releases" / ".20240103-100000-000000-building").mkdir()
    (root / "current").symlink_to("releases/.20240103-100000-000000-building")  # the old bug
    assert publish_root.rollback(root) == newer and current(root) == newer
    assert publish_root.rollback(root) == older


def test_rollback_names_the_folder_it_looked_in(tmp_path):
    env = dict(os.environ, PUBLISH_ROOT=str(tmp_path / "pub"))
    task = subprocess.run([sys.executable, "-m", "invoke", "rollback"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=WAIT, check=False)
    assert task.returncode == 1
    assert f"Nessuna versione precedente in {tmp_path / 'pub'}" in task.stderr
    # a mistyped PUBLISH_ROOT is not created (it was, with its parents and a lock file)
    assert not (tmp_path / "pub").exists()


def test_rollback_says_the_next_publish_puts_main_back_and_what_to_do(tmp_path):
    """A rollback lasts until the next publish: the morning timer's, or a push's, builds
    main's newest commit, the bad one, and makes it current again. It said only "Rolled
    back to …": the deployer learnt it the next morning, from the readers."""
    root = tmp_path / "pub"
    older = make_release(root, "20240101-100000-000000")
    newer = make_release(root, "20240102-100000-000000")
    (root / "current").symlink_to(newer.relative_to(root))
    env = dict(os.environ, PUBLISH_ROOT=str(root))
    task = subprocess.run([sys.executable, "-m", "invoke", "rollback"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=WAIT, check=False)
    assert task.returncode == 0, task.stderr
    assert current(root) == older
    assert f"Rolled back to {older}" in task.stdout
    assert "annulla prima su main la modifica sbagliata (git revert COMMIT" in task.stdout
    assert "revert the bad commit on main first (git revert COMMIT, then git push)" in task.stdout


def test_rollback_creates_nothing_where_there_is_no_publish_root(tmp_path):
    missing = tmp_path / "srv" / "farelegami" / "pubblico"
    assert publish_root.rollback(missing) is None
    assert list(tmp_path.iterdir()) == []


# Root obeys the folders' modes without the capabilities by which it writes anywhere
UNPRIVILEGED = (["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]
                if os.geteuid() == 0 else [])


@pytest.mark.parametrize("task", ["publish", "rollback"])
def test_a_publish_root_the_user_cannot_write_is_named_not_a_traceback(tmp_path, task):
    """A publish root made by another user (a publish run once with sudo, the timer's
    user then runs the next): publish and rollback ended in a PermissionError traceback
    from the lock file, which said neither which user nor what to do."""
    root = tmp_path / "pub"
    make_release(root, "20240101-100000-000000")
    served = make_release(root, "20240102-100000-000000")
    publish_root.switch(root, served)
    root.chmod(0o555)
    env = dict(os.environ, PUBLISH_ROOT=str(root), SITEURL=SITE)
    try:
        task = subprocess.run([*UNPRIVILEGED, sys.executable, "-m", "invoke", task], cwd=ROOT,
                              env=env, capture_output=True, text=True, timeout=WAIT,
                              check=False)
    finally:
        root.chmod(0o755)
    assert task.returncode == 1 and "Traceback" not in task.stderr, task.stderr
    assert f"non può scrivere in {root}" in task.stderr
    assert f"chown -R {publish_root._user()}: {root}" in task.stderr
    assert "il sito pubblicato non è stato toccato" in task.stderr
    assert current(root) == served and not (root / publish_root.LOCK_FILE).exists()


def run_task(command, root, prefix=()):
    env = dict(os.environ, PUBLISH_ROOT=str(root), SITEURL=SITE)
    return subprocess.run([*prefix, sys.executable, "-m", "invoke", *command], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=WAIT, check=False)


def test_a_publish_root_that_cannot_be_made_is_not_told_to_be_chowned(tmp_path):
    """A PUBLISH_ROOT that does not exist, in a folder the user cannot write into (a typing
    mistake, or a folder to make first): the publish said it was "made by another user" and
    to ``chown -R`` it, a command that fails on a folder that does not exist."""
    parent = tmp_path / "srv"
    parent.mkdir()
    root = parent / "public"
    parent.chmod(0o555)
    try:
        task = run_task(["publish"], root, UNPRIVILEGED)
    finally:
        parent.chmod(0o755)
    assert task.returncode == 1 and "Traceback" not in task.stderr, task.stderr
    assert f"PUBLISH_ROOT {root} non esiste" in task.stderr
    assert f"sudo install -d -o {publish_root._user()} {root}" in task.stderr
    assert "chown" not in task.stderr and not root.exists()


def test_a_publish_root_on_a_read_only_disk_is_named_not_a_traceback(tmp_path):
    """A publish root mounted read-only (a bind mount made for the web server, say): the
    lock file could not be made (EROFS, not a PermissionError) and the publish ended in a
    traceback; with the lock file there, it was told to ``chown`` the folder."""
    root = tmp_path / "pub"
    make_release(root, "20240101-100000-000000")
    served = make_release(root, "20240102-100000-000000")
    publish_root.switch(root, served)
    mount = (f"mount --bind {root} {root} && mount -o remount,bind,ro {root}"
             f" && exec \"$@\"")
    if shutil.which("unshare") is None or subprocess.run(
            ["unshare", "-m", "sh", "-c", mount, "sh", "true"], capture_output=True,
            check=False).returncode != 0:
        pytest.skip("mounting needs root (unshare -m)")
    for _ in range(2):  # without the lock file, then with it
        task = run_task(["publish"], root, ["unshare", "-m", "sh", "-c", mount, "sh"])
        assert task.returncode == 1 and "Traceback" not in task.stderr, task.stderr
        assert f"{root} è su un disco montato in sola lettura" in task.stderr
        assert "chown" not in task.stderr and "Processed" not in task.stdout
        assert current(root) == served
        (root / publish_root.LOCK_FILE).touch()


PUBLISH_AS_IS = """
import json, sys
sys.path.insert(0, sys.argv[1])
from tools import publisher
try:
    release = publisher.publish(sys.argv[2], sys.argv[3], content=sys.argv[4])
    print(json.dumps({"release": release and release.name}))
except Exception as error:
    print(json.dumps({"error": type(error).__name__, "message": str(error)}))
"""


def publish_unprivileged(conf, root, content):
    task = subprocess.run([*UNPRIVILEGED, sys.executable, "-c", PUBLISH_AS_IS, str(ROOT),
                           str(conf), str(root), str(content)], capture_output=True, text=True,
                          timeout=WAIT, check=False)
    assert task.returncode == 0, task.stderr
    return json.loads(task.stdout.splitlines()[-1]), task.stderr


def test_releases_the_user_cannot_write_into_are_found_before_the_build(tmp_path):
    """``releases/`` of another user: the whole build ran, then moving it there failed
    with a traceback. Found before any work now."""
    conf, content, root = make_conf(tmp_path), tmp_path / "content", tmp_path / "public"
    write_content(content, {"notizie/a.md": article(title="Uno")})
    served = make_release(root, "20240102-100000-000000")
    publish_root.switch(root, served)
    (root / "releases").chmod(0o555)
    try:
        found, log = publish_unprivileged(conf, root, content)
    finally:
        (root / "releases").chmod(0o755)
    assert found["error"] == "NotWritable", found
    assert f"non può scrivere in {root / 'releases'}" in found["message"]
    assert "Processed" not in log  # nothing built
    assert current(root) == served and publish_root.releases(root) == [served]


def test_an_old_release_of_another_user_is_left_and_the_publish_succeeds(tmp_path):
    """The oldest release made by another user (root, publishing once with sudo) cannot
    be moved out of ``releases/``: the publish switched ``current`` to its new release and
    then ended in a PermissionError, so every publish after it was reported failed
    (exit status 1, CI red) though each one went live."""
    if os.geteuid() != 0:
        pytest.skip("making a folder of another user needs root")
    conf, content, root = make_conf(tmp_path), tmp_path / "content", tmp_path / "public"
    write_content(content, {"notizie/a.md": article(title="Uno")})
    made = [make_release(root, f"2024010{day}-100000-000000") for day in range(1, 6)]
    publish_root.switch(root, made[-1])
    for path in [made[0], *made[0].rglob("*")]:
        os.chown(path, 65534, 65534, follow_symlinks=False)
    found, log = publish_unprivileged(conf, root, content)
    assert found.get("release"), found
    assert current(root).name == found["release"]
    assert "Versione vecchia non rimossa" in log and str(made[0]) in log
    assert publish_root.releases(root)[0] == made[0] and len(publish_root.releases(root)) == 6
