"""Your own server (README "Your own server"): the systemd units of the morning build and
the rsync command CI uses publish as the README says, and keep the server's own files.

The units are checked by ``systemd-analyze verify`` where systemd is installed (its paths
rewritten to this checkout, as tests/test_nginx.py rewrites the site file's root), and
the README's rsync command is run between two folders where rsync is installed.
"""

import os
import re
import shlex
import shutil
import subprocess
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import yaml
from support import ROOT

SERVICE = ROOT / "deploy" / "farelegami-publish.service"
TIMER = ROOT / "deploy" / "farelegami-publish.timer"
README = ROOT / "README.md"
SITE = "/srv/farelegami/site"
ENV_FILE = "/srv/farelegami/publish.env"


def settings(path):
    """A unit's ``Key=value`` lines, a list of values per key (ExecStart repeats)."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith(("#", ";", "[")):
            key, _, value = line.partition("=")
            found.setdefault(key.strip(), []).append(value.strip())
    return found


def readme_block(first_word):
    """The README's indented command that starts with ``first_word``, continuations joined."""
    text = README.read_text(encoding="utf-8").replace("\\\n", " ")
    found = re.search(rf"^    ({re.escape(first_word)} .+)$", text, re.MULTILINE)
    assert found, first_word
    return found[1]


def test_the_service_publishes_as_the_readme_says_and_never_as_root():
    unit = settings(SERVICE)
    assert unit["User"] == ["farelegami"] and unit["Type"] == ["oneshot"]
    assert unit["WorkingDirectory"] == [SITE]
    assert unit["EnvironmentFile"] == [ENV_FILE]
    # the README's two commands (the update: test_the_morning_update_takes_main_…); a
    # failed update ("-") still publishes what is there
    assert unit["ExecStart"][1:] == [f"{SITE}/run publish"]
    assert unit["ExecStart"][0].startswith("-")
    readme = README.read_text(encoding="utf-8")
    assert f"set -a && . {ENV_FILE} && set +a && ./run publish" in readme
    # the publish root of publish.env is the one nginx serves
    assert "`PUBLISH_ROOT=/srv/farelegami/public`" in readme
    nginx = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    assert re.search(r"^\s*root /srv/farelegami/public/current;", nginx, re.MULTILINE)
    for unit_file in (SERVICE, TIMER):
        assert f"deploy/{unit_file.name}" in readme
    # a oneshot service has no start timeout unless given one: a hung build held the
    # publish lock (and the timer) for good; stopped after CI's 45 minutes instead
    assert unit["TimeoutStartSec"] == ["45min"]


def test_the_timer_runs_at_the_workflows_hour_in_rome():
    timer = settings(TIMER)
    assert timer["OnCalendar"] == ["*-*-* 05:07:00 Europe/Rome"]
    assert timer["Persistent"] == ["true"]  # a morning missed runs at the next boot
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text())
    crons = (workflow.get("on") or workflow[True])["schedule"]
    rome = ZoneInfo("Europe/Rome")
    for day in (datetime(2024, 7, 1), datetime(2024, 1, 15)):
        times = set()
        for entry in crons:
            minute, hour = map(int, entry["cron"].split()[:2])
            utc = day.replace(hour=hour, minute=minute, tzinfo=ZoneInfo("UTC"))
            times.add(utc.astimezone(rome).strftime("%H:%M"))
        assert "05:07" in times, day


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="no systemd here")
def test_systemd_accepts_the_units(tmp_path):
    env_file = tmp_path / "publish.env"
    env_file.write_text("PUBLISH_ROOT=/tmp/x\n")
    service = SERVICE.read_text(encoding="utf-8").replace(SITE, str(ROOT))
    (tmp_path / SERVICE.name).write_text(service.replace(ENV_FILE, str(env_file)))
    shutil.copy(TIMER, tmp_path / TIMER.name)
    checked = subprocess.run(["systemd-analyze", "verify", str(tmp_path / SERVICE.name),
                              str(tmp_path / TIMER.name)], capture_output=True, text=True,
                             check=False)
    assert checked.returncode == 0, checked.stderr
    assert "Failed" not in checked.stderr and "Refusing" not in checked.stderr, checked.stderr


# What the server has that a CI checkout has not: rsync --delete must leave each one alone.
SERVERS_OWN = [".venv/bin/python", "public/current", "cache/render/x", "node_modules/a/b.js",
               "tests/axe/node_modules/axe-core/axe.js", ".git/HEAD"]


def test_the_readme_rsync_keeps_the_servers_own_files():
    command = shlex.split(readme_block("rsync"))
    excludes = [command[i + 1] for i, word in enumerate(command) if word == "--exclude"]
    for path in SERVERS_OWN:
        kept = "node_modules" if "node_modules" in path else "/" + path.split("/")[0]
        assert kept in excludes, path


def _need_rsync(rrsync=False):
    """rsync (./run test installs it, so CI must run the tests that need it), and with
    ``rrsync`` its restricted wrapper (the same Debian package: the forced command hands
    the copy to /usr/bin/rrsync)."""
    if not shutil.which("rsync") or rrsync and not os.path.exists("/usr/bin/rrsync"):
        if os.environ.get("CI") == "true":
            pytest.fail("rsync is missing: ./run test installs it (tools/system_packages.py)")
        pytest.skip("rsync (with /usr/bin/rrsync) not installed")


def test_the_readme_rsync_run_between_two_folders(tmp_path):
    _need_rsync()
    checkout, server = tmp_path / "checkout", tmp_path / "server"
    (checkout / "content").mkdir(parents=True)
    (checkout / "content" / "new.md").write_text("new\n")
    (checkout / "README.md").write_text("readme\n")
    for path in [*SERVERS_OWN, "content/old.md"]:
        (server / path).parent.mkdir(parents=True, exist_ok=True)
        (server / path).write_text("the server's\n")
    command = shlex.split(readme_block("rsync"))
    assert command[-2:] == ["./", "$PUBLISH_SSH:/srv/farelegami/site/"]
    command[-1] = f"{server}/"
    subprocess.run(command, cwd=checkout, check=True)
    assert (server / "content" / "new.md").read_text() == "new\n"
    assert not (server / "content" / "old.md").exists()  # --delete: the tree is CI's
    for path in SERVERS_OWN:
        assert (server / path).read_text() == "the server's\n", path


def test_ci_s_publish_over_ssh_waits_for_a_running_one():
    """CI's publish for a push failed at once while the timer's was running: the push's
    news stayed off the site until the next morning (tests/test_publisher.py has the
    waiting itself)."""
    assert readme_block("$ssh").endswith("timeout 80m ./run publish --wait 30'")
    shown = subprocess.run([sys.executable, "-m", "invoke", "publish", "--help"], cwd=ROOT,
                           capture_output=True, text=True, check=True)
    assert re.search(r"--wait(=INT)?\s+minutes to wait for a publish already running",
                     shown.stdout), shown.stdout


def _git(folder, *args):
    """git in ``folder`` as a user with no configuration of their own (the server's)."""
    env = dict(os.environ, GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1",
               GIT_AUTHOR_NAME="Redazione", GIT_AUTHOR_EMAIL="redazione@example.org",
               GIT_COMMITTER_NAME="Redazione", GIT_COMMITTER_EMAIL="redazione@example.org")
    return subprocess.run(["git", *args], cwd=folder, env=env, capture_output=True, text=True,
                          check=False)


def _commit(folder, files, message):
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    assert _git(folder, "add", "-A").returncode == 0
    assert _git(folder, "commit", "-q", "-m", message).returncode == 0
    assert _git(folder, "push", "-q", "origin", "HEAD:main").returncode == 0


def test_the_morning_update_takes_main_after_ci_copied_a_new_article(tmp_path):
    """CI copies its tested tree over the server's clone (the README's rsync, its .git left
    alone), so the clone's files are ahead of its HEAD: the service's and the README's
    ``git pull --ff-only`` refused ("untracked working tree files would be overwritten by
    merge") as soon as a push added a file, a new article from the web editor's Pubblica
    ora, and kept refusing every morning after, the clone stuck at that commit. The
    service's update (its first ExecStart, through sh as systemd runs it) must bring the
    clone to main's newest commit, whatever CI copied."""
    _need_rsync()
    origin, ci, server = tmp_path / "origin.git", tmp_path / "ci", tmp_path / "server"
    assert _git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin)).returncode == 0
    assert _git(tmp_path, "clone", "-q", str(origin), str(ci)).returncode == 0
    _commit(ci, {"README.md": "sito\n", "content/notizie/vecchia.md": "vecchia\n"}, "primo")
    assert _git(tmp_path, "clone", "-q", str(origin), str(server)).returncode == 0
    # a push with a new article, tested by CI and copied over the server's clone
    _commit(ci, {"content/notizie/nuova.md": "nuova\n"}, "nuova notizia")
    rsync = shlex.split(readme_block("rsync"))
    rsync[-1] = f"{server}/"
    subprocess.run(rsync, cwd=ci, check=True)
    # then another push, which CI has not copied yet: the morning build takes it from git
    _commit(ci, {"content/notizie/ultima.md": "ultima\n"}, "ultima notizia")
    update = settings(SERVICE)["ExecStart"][0]
    assert update.startswith("-")  # a git host down still publishes what is there
    command = shlex.split(update[1:])
    env = dict(os.environ, GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    updated = subprocess.run(command, cwd=server, env=env, capture_output=True, text=True,
                             check=False)
    assert updated.returncode == 0, updated.stderr
    newest = _git(origin, "rev-parse", "main").stdout
    assert _git(server, "rev-parse", "HEAD").stdout == newest
    assert _git(server, "status", "--porcelain").stdout == ""
    assert (server / "content" / "notizie" / "ultima.md").read_text() == "ultima\n"
    # the README's update by hand is the service's
    assert command[:2] == ["/bin/sh", "-c"]
    assert f"    cd {SITE} && {command[2]}\n" in README.read_text(encoding="utf-8")


def test_the_morning_update_drops_a_file_a_later_push_deleted(tmp_path):
    """CI's copy added content/notizie/tolta.md to the server's tree (untracked there: the
    clone's commit is older); a later push deleted it, and its CI copy never ran (the
    server down, the run cancelled). ``git reset --hard`` leaves untracked files alone, so
    the article stayed and every morning published it again. The update cleans what main
    does not have, and keeps what git ignores: the server's virtual environment, caches,
    releases and npm packages."""
    _need_rsync()
    origin, ci, server = tmp_path / "origin.git", tmp_path / "ci", tmp_path / "server"
    assert _git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin)).returncode == 0
    assert _git(tmp_path, "clone", "-q", str(origin), str(ci)).returncode == 0
    _commit(ci, {"README.md": "sito\n", ".gitignore": (ROOT / ".gitignore").read_text()},
            "primo")
    assert _git(tmp_path, "clone", "-q", str(origin), str(server)).returncode == 0
    for path in SERVERS_OWN:
        if not path.startswith(".git/"):
            (server / path).parent.mkdir(parents=True, exist_ok=True)
            (server / path).write_text("the server's\n")
    # a push with an article in a folder of its own, copied by CI over the server's clone
    _commit(ci, {"content/speciali/tolta.md": "tolta\n"}, "speciale")
    rsync = shlex.split(readme_block("rsync"))
    rsync[-1] = f"{server}/"
    subprocess.run(rsync, cwd=ci, check=True)
    assert (server / "content" / "speciali" / "tolta.md").exists()
    # a push that deletes it, never copied: the morning update alone must drop it
    assert _git(ci, "rm", "-q", "content/speciali/tolta.md").returncode == 0
    assert _git(ci, "commit", "-q", "-m", "tolta").returncode == 0
    assert _git(ci, "push", "-q", "origin", "HEAD:main").returncode == 0
    command = shlex.split(settings(SERVICE)["ExecStart"][0][1:])
    env = dict(os.environ, GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    updated = subprocess.run(command, cwd=server, env=env, capture_output=True, text=True,
                             check=False)
    assert updated.returncode == 0, updated.stderr
    assert not (server / "content" / "speciali" / "tolta.md").exists()
    assert not (server / "content" / "speciali").exists()
    for path in SERVERS_OWN:
        if not path.startswith(".git/"):
            assert (server / path).read_text() == "the server's\n", path
    assert _git(server, "status", "--porcelain", "--ignored=no").stdout == ""


def test_the_morning_update_keeps_ci_s_copy_when_the_git_host_is_down(tmp_path):
    """A failed fetch (the git host down) must leave the tree CI copied last, newer than
    what the clone fetched before: put back at that, the morning build would take the
    newest news off the site."""
    origin, ci, server = tmp_path / "origin.git", tmp_path / "ci", tmp_path / "server"
    assert _git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin)).returncode == 0
    assert _git(tmp_path, "clone", "-q", str(origin), str(ci)).returncode == 0
    _commit(ci, {"content/notizie/vecchia.md": "vecchia\n"}, "primo")
    assert _git(tmp_path, "clone", "-q", str(origin), str(server)).returncode == 0
    (server / "content" / "notizie" / "nuova.md").write_text("nuova\n")  # CI's copy
    shutil.rmtree(origin)  # the git host is down
    command = shlex.split(settings(SERVICE)["ExecStart"][0][1:])
    env = dict(os.environ, GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    updated = subprocess.run(command, cwd=server, env=env, capture_output=True, text=True,
                             check=False)
    assert updated.returncode != 0  # its "-": the service goes on to publish
    assert (server / "content" / "notizie" / "nuova.md").read_text() == "nuova\n"


# ssh for the test below: its options recorded and skipped, the command run on "the server"
# (here, /srv/farelegami moved to $FAKE_SERVER) through a shell, as sshd runs it
FAKE_SSH = r"""#!/bin/sh
printf '%s\n' "$*" >> "$FAKE_SERVER/ssh.log"
user=
while [ $# -gt 0 ]; do
  case "$1" in
    -l) user=$2; shift 2 ;;
    -i|-o|-p) shift 2 ;;
    -*) shift ;;
    *) break ;;
  esac
done
printf '%s\n' "${user:+$user@}$1" >> "$FAKE_SERVER/hosts.log"
shift
command=$(printf '%s' "$*" | sed "s#/srv/farelegami#$FAKE_SERVER#g")
# authorized_keys' command="…" (FAKE_FORCED): sshd runs it instead, the client's command
# in SSH_ORIGINAL_COMMAND
if [ -n "$FAKE_FORCED" ]; then
  SSH_ORIGINAL_COMMAND=$command exec sh -c "$FAKE_FORCED"
fi
exec sh -c "$command"
"""
# the copied tree's ./run: what the server ran, with which addresses
FAKE_RUN = r"""#!/bin/sh
printf '%s|%s|%s|%s\n' "$*" "$PWD" "$SITEURL" "$PUBLISH_ROOT" >> "$FAKE_SERVER/run.log"
"""


WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
FORCED = ROOT / "deploy" / "farelegami-ci-command"
KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----"


def _ssh_step():
    job = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["publish-ssh"]
    return next(step for step in job["steps"] if "PUBLISH_SSH" in step.get("env", {}))


def _run_ssh_step(tmp_path, forced=False, **variables):
    """The publish-ssh step's script run for real (rsync and all) from a checkout to "the
    server" (``tmp_path/server``, for /srv/farelegami) through the fake ssh; ``forced``:
    through deploy/farelegami-ci-command too, as authorized_keys' command. Returns the
    finished process and the server's folder."""
    _need_rsync(rrsync=True)
    checkout, server, tools, runner = (tmp_path / name for name in
                                       ("checkout", "server", "bin", "runner"))
    (checkout / "content" / "notizie").mkdir(parents=True)
    (checkout / "content" / "notizie" / "nuova.md").write_text("nuova\n")
    (checkout / "run").write_text(FAKE_RUN)
    (checkout / "run").chmod(0o755)
    for path in [*SERVERS_OWN, "content/notizie/vecchia.md"]:
        (server / "site" / path).parent.mkdir(parents=True, exist_ok=True)
        (server / "site" / path).write_text("the server's\n")
    (server / "publish.env").write_text(
        f"PUBLISH_ROOT={server}/public\nSITEURL=https://www.example.org\n")
    tools.mkdir()
    (tools / "ssh").write_text(FAKE_SSH)
    (tools / "ssh").chmod(0o755)
    runner.mkdir()
    env = dict(os.environ, PATH=f"{tools}:{os.environ['PATH']}", FAKE_SERVER=str(server),
               RUNNER_TEMP=str(runner), PUBLISH_SSH="farelegami@www.example.org",
               SSH_KEY=KEY, SSH_KNOWN_HOSTS="www.example.org ssh-ed25519 AAAAC3Nz",
               FAKE_FORCED="")
    if forced:  # installed on "the server", its paths moved there as the fake ssh's
        command = tmp_path / "farelegami-ci-command"
        command.write_text(FORCED.read_text(encoding="utf-8").replace("/srv/farelegami",
                                                                      str(server)))
        command.chmod(0o755)
        env["FAKE_FORCED"] = str(command)
    env.update(variables)
    # GitHub's bash for run steps: bash --noprofile --norc -eo pipefail {0}
    ran = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                          _ssh_step()["run"]], cwd=checkout, env=env, capture_output=True,
                         text=True, timeout=60, check=False)
    return ran, server


@pytest.mark.parametrize("forced", [False, True], ids=["any key", "the restricted key"])
def test_the_workflow_copies_the_tree_to_the_server_and_publishes_there(tmp_path, forced):
    """Your own server: the README described the steps to add to the workflow in place of
    the Pages ones, and the workflow's own tests (run by ./run test in that very job)
    then failed on the edited file, so no push was ever published. The workflow now has
    the step, run when the repository variable PUBLISH_SSH is set: here its script runs
    for real, rsync and all, through an ssh that runs the command on "the server"; and
    through the README's restricted authorized_keys line (deploy/farelegami-ci-command),
    which lets the step's two commands through."""
    step = _ssh_step()
    assert step["env"] == {"PUBLISH_SSH": "${{ vars.PUBLISH_SSH }}",
                           "SSH_KEY": "${{ secrets.SSH_KEY }}",
                           "SSH_KNOWN_HOSTS": "${{ secrets.SSH_KNOWN_HOSTS }}"}
    # the README's commands are the step's, from its key on (the checks before: below)
    readme = README.read_text(encoding="utf-8")
    block = readme[readme.index('    install -d -m 700 "$RUNNER_TEMP/ssh"'):]
    block = block[:block.index("\n\n")]
    lines = [line.strip() for line in step["run"].splitlines() if line.strip()]
    first = lines.index('install -d -m 700 "$RUNNER_TEMP/ssh"')
    assert [line.strip() for line in block.splitlines()] == lines[first:]

    ran, server = _run_ssh_step(tmp_path, forced=forced)
    assert ran.returncode == 0, ran.stderr
    site = server / "site"
    assert (site / "content" / "notizie" / "nuova.md").read_text() == "nuova\n"
    assert not (site / "content" / "notizie" / "vecchia.md").exists()
    for path in SERVERS_OWN:
        assert (site / path).read_text() == "the server's\n", path
    # the publish, in the copied tree, with publish.env's addresses, waiting for the morning's
    assert (server / "run.log").read_text().splitlines() == [
        f"publish --wait 30|{site}|https://www.example.org|{server}/public"]
    assert set((server / "hosts.log").read_text().split()) == {"farelegami@www.example.org"}
    # ssh was given the key and the host's line, as written from the secrets, and never
    # asks for a password (BatchMode)
    runner = tmp_path / "runner"
    key, known = runner / "ssh" / "key", runner / "ssh" / "known_hosts"
    calls = (server / "ssh.log").read_text().splitlines()
    assert len(calls) == 2  # rsync's, then the publish's
    for line in calls:
        assert (f"-i {key} -o IdentitiesOnly=yes -o UserKnownHostsFile={known}"
                " -o BatchMode=yes") in line
    assert key.read_text() == KEY + "\n" and key.stat().st_mode & 0o777 == 0o600
    assert known.read_text() == "www.example.org ssh-ed25519 AAAAC3Nz\n"


@pytest.mark.parametrize(("variables", "named"), [
    ({"SSH_KEY": ""}, "SSH_KEY"),
    ({"SSH_KNOWN_HOSTS": ""}, "SSH_KNOWN_HOSTS"),
    ({"PUBLISH_SSH": ""}, "PUBLISH_SSH"),
    ({"PUBLISH_SSH": "www.example.org"}, "PUBLISH_SSH"),  # no user
    # read by ssh as an option: a command run on the runner with the key at hand
    ({"PUBLISH_SSH": "-oProxyCommand=touch@x"}, "PUBLISH_SSH"),
    ({"PUBLISH_SSH": "farelegami@www.example.org:/tmp"}, "PUBLISH_SSH"),
])
def test_the_ssh_step_checks_its_inputs_before_any_copy(tmp_path, variables, named):
    """An empty secret gave ssh an empty key or no host line (errors about keys and
    hosts, not about the secret to set), and a PUBLISH_SSH beginning with "-" went to
    ssh as an option. Each stops the step with GitHub's ::error:: naming what to set,
    before ssh or rsync runs."""
    ran, server = _run_ssh_step(tmp_path, **variables)
    assert ran.returncode == 1
    assert ran.stdout.startswith(f"::error::{named} ")
    assert not (server / "ssh.log").exists()
    assert (server / "site" / "content" / "notizie" / "vecchia.md").exists()
    assert not (tmp_path / "runner" / "ssh").exists()


def _run_forced(tmp_path, command):
    """deploy/farelegami-ci-command run as sshd runs it for the CI key: in the home
    (``tmp_path/server``, for /srv/farelegami), the client's command in
    SSH_ORIGINAL_COMMAND, no client on the other end. Returns the finished process and
    the home."""
    server = tmp_path / "server"
    (server / "site").mkdir(parents=True)
    (server / ".ssh").mkdir()
    (server / ".ssh" / "authorized_keys").write_text("restrict,command=… farelegami-ci\n")
    (server / "publish.env").write_text("ADMIN_SECRET=x\n")
    forced = FORCED.read_text(encoding="utf-8").replace("/srv/farelegami", str(server))
    env = dict(os.environ, SSH_ORIGINAL_COMMAND=command.replace("/srv/farelegami",
                                                                str(server)))
    ran = subprocess.run(["sh", "-c", forced], cwd=server, env=env, stdin=subprocess.DEVNULL,
                         capture_output=True, text=True, timeout=30, check=False)
    return ran, server


def _home(server):
    """Every path in the home but the site's folder's own contents."""
    return sorted(str(path.relative_to(server)) for path in server.rglob("*")
                  if not path.is_relative_to(server / "site") or path == server / "site")


HOME = [".ssh", ".ssh/authorized_keys", "publish.env", "site"]
RSYNC = "rsync --server -logDtpre.iLsfxCIvu"


@pytest.mark.parametrize("command", [
    "cat /srv/farelegami/publish.env",
    "rsync --server -logDtpre.iLsfxCIvu . /srv/farelegami/",
    "cd /srv/farelegami/site && ./run publish; cat /srv/farelegami/publish.env",
])
def test_the_restricted_key_refuses_any_other_command(tmp_path, command):
    """README "Your own server": the CI key's authorized_keys line runs
    deploy/farelegami-ci-command, which lets through the step's two commands (above)
    and nothing else: no other command, no rsync into another folder."""
    ran, server = _run_forced(tmp_path, command)
    assert ran.returncode == 1
    assert "ADMIN_SECRET" not in ran.stdout
    assert ran.stderr.startswith("Comando rifiutato dalla chiave di CI")
    assert list((server / "site").iterdir()) == []
    readme = README.read_text(encoding="utf-8")
    assert ('restrict,command="/usr/local/bin/farelegami-ci-command" ssh-ed25519' in readme)


@pytest.mark.parametrize("options", [
    "--sender -logDtpre.iLsfxCIvu",  # copies the site's tree out
    # moved the replaced files (.ssh/authorized_keys, publish.env if copied there) out
    "-blogDtpre.iLsfxCIvu --delete --backup-dir ..",
    "-logDtpre.iLsfxCIvu -T ..",
    "-logDtpre.iLsfxCIvu --temp-dir ..",
    "-logDtpre.iLsfxCIvu --partial-dir ..",
    "-logDtpre.iLsfxCIvu --link-dest ..",
    "-logDtpre.iLsfxCIvu --copy-dest ..",
    "-logDtpre.iLsfxCIvu --write-batch x",
    "-logDtpre.iLsfxCIvu --log-file ../x",
    "--daemon --config x",
    "--daemon",
])
def test_the_restricted_key_refuses_rsync_options_that_reach_outside_the_site(tmp_path,
                                                                              options):
    """A reviewer's finding: the forced command checked the rsync options' characters
    alone (no "/", no "="), so `--backup-dir ..` moved the site's old files into the
    home, `--sender` copied the tree out, and the same for the temporary, partial,
    basis and batch files. The copy now goes through rsync's own rrsync, rooted at the
    site's folder and write-only: each of these is refused before rsync runs, and
    nothing outside the site is written."""
    _need_rsync(rrsync=True)
    ran, server = _run_forced(tmp_path, f"rsync --server {options} . /srv/farelegami/site/")
    assert ran.returncode == 1, ran.stderr
    assert "rrsync error:" in ran.stderr
    assert _home(server) == HOME
    assert list((server / "site").iterdir()) == []


def test_the_restricted_key_s_rsync_log_stays_in_the_site(tmp_path):
    """`--log-file x` (a path rsync takes from its working folder, the home) wrote into
    the home; rrsync reads such paths from the site's folder, so at most a file in the
    tree the key writes anyway."""
    _need_rsync(rrsync=True)
    ran, server = _run_forced(tmp_path,
                              f"{RSYNC} --log-file x . /srv/farelegami/site/")
    assert ran.returncode != 0  # no client on the other end
    assert _home(server) == HOME
