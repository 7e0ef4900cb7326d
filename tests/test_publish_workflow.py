"""The GitHub Actions workflow that publishes the site runs the README's own commands."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import yaml
from support import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
ROME = ZoneInfo("Europe/Rome")


def load():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key "on" as True
    return workflow, workflow.get("on", workflow.get(True))


def test_it_runs_on_push_to_main_daily_and_by_hand():
    _, triggers = load()
    assert triggers["push"] == {"branches": ["main"]}
    assert "workflow_dispatch" in triggers
    hours = set()
    for entry in triggers["schedule"]:
        minute, hour, *every_day = entry["cron"].split()
        # not at minute 0, when GitHub delays or drops scheduled runs the most
        assert every_day == ["*", "*", "*"] and 0 < int(minute) < 30
        hours.add(int(hour))
    # one run early at 05:xx Rome time in summer (CEST) and in winter (CET)
    for day in (datetime(2024, 7, 1), datetime(2024, 1, 15)):
        rome = {day.replace(hour=h, tzinfo=ZoneInfo("UTC")).astimezone(ROME).hour for h in hours}
        assert 5 in rome, day


def test_its_steps_are_the_readme_commands_in_order():
    workflow, _ = load()
    build = workflow["jobs"]["build"]
    # every run but the own server's copy (its own test below), which runs only with it
    commands = [step["run"] for step in build["steps"] if "run" in step and "if" not in step]
    # the publish settings first: a repository variable missing fails before the tests
    assert commands == ["./run publish --settings-only", "./run check", "./run test",
                        "./run publish"]
    admin = ("ADMIN_BACKEND", "ADMIN_REPO", "ADMIN_BRANCH", "ADMIN_APP_ID", "ADMIN_BASE_URL",
             "ADMIN_API_ROOT", "ADMIN_AUTH_ENDPOINT")  # each one publishconf.py reads
    for command in ("./run publish --settings-only", "./run publish"):
        publish = next(step for step in build["steps"] if step.get("run") == command)
        assert publish["env"] == {name: f"${{{{ vars.{name} }}}}"
                                  for name in ("SITEURL", "VISIT_COUNTER_URL", *admin)}
    # and only there: the tests build with their own settings
    assert all("env" not in step for step in build["steps"]
               if step.get("run") in ("./run check", "./run test"))
    publishconf = (ROOT / "publishconf.py").read_text(encoding="utf-8")
    assert all(f'"{name}"' in publishconf for name in admin)
    # one queue per branch: a run by hand elsewhere never replaces main's waiting one
    assert workflow["concurrency"]["group"] == "publish-${{ github.ref }}"
    cache = next(step for step in build["steps"] if "actions/cache@" in step.get("uses", ""))
    assert cache["with"]["path"] == "cache"  # Pelican's CACHE_PATH: every cache of the build
    assert cache["with"]["restore-keys"] == "build-cache-"
    upload = next(step for step in build["steps"]
                  if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert build["steps"].index(upload) > [step.get("run") for step in build["steps"]].index(
        "./run publish")
    assert upload["with"]["path"] == "public/current"  # invoke publish's current release
    assert upload["if"] == "vars.PUBLISH_SSH == ''"  # not when the site is on a server
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in commands:
        assert f"`{command}" in readme, command
    assert "SITEURL=https://www.example.org VISIT_COUNTER_URL=https://stats.example.org ./run publish" in readme


# The first major version of each action that runs on Node.js 24 (GitHub's runners removed
# Node.js 20 on 2026-09-16; upload-pages-artifact v4 still calls upload-artifact v4, Node 20).
NODE24 = {"actions/checkout": 5, "actions/cache": 5, "actions/upload-pages-artifact": 5,
          "actions/deploy-pages": 5}


def test_actions_are_pinned_by_commit_at_versions_that_run_on_node_24():
    text = WORKFLOW.read_text(encoding="utf-8")
    uses = re.findall(r"^\s*(?:- )?uses: (\S+)@(\S+)(.*)$", text, re.MULTILINE)
    assert {name for name, _, _ in uses} == set(NODE24)
    for name, ref, comment in uses:
        # a tag can be moved to other code; a commit cannot
        assert re.fullmatch(r"[0-9a-f]{40}", ref), (name, ref)
        version = re.fullmatch(r"\s+# v(\d+)\.\d+\.\d+", comment)
        assert version, (name, comment)  # the release the commit is, for the next update
        assert int(version[1]) >= NODE24[name], (name, comment)


def test_only_main_is_deployed_and_nothing_holds_the_queue_for_hours():
    workflow, _ = load()
    # a run by hand on another branch builds and tests it, never deploys it over main's;
    # nor is anything deployed to Pages when the site is on your own server
    assert (workflow["jobs"]["deploy"]["if"]
            == "github.ref == 'refs/heads/main' && vars.PUBLISH_SSH == ''")
    server = workflow["jobs"]["publish-ssh"]
    assert server["if"] == "vars.PUBLISH_SSH != '' && github.ref == 'refs/heads/main'"
    for name, job in workflow["jobs"].items():
        if name != "publish-ssh":
            # GitHub's default is 360 minutes, with every later publish waiting in the queue
            assert 0 < job["timeout-minutes"] <= 60, name
    # your own server's publish: the server's own limit (the wait for a running publish
    # and the service's 45 minutes) and the copy before it; not the build job's 45 minutes
    remote = re.search(r"timeout (\d+)m \./run publish --wait (\d+)'$", server["steps"][-1]["run"],
                       re.MULTILINE)
    assert remote and int(remote[2]) + 45 <= int(remote[1])
    assert int(remote[1]) < server["timeout-minutes"] <= int(remote[1]) + 15


def test_the_ssh_key_goes_to_a_job_that_runs_no_code_of_the_repository():
    """The SSH key was given to a step of the build job, after the repository's code,
    the test suite and pip's and npm's packages had run there as root: any of them could
    have replaced ssh or rsync and read the key. Now a job of its own after the build
    (only when it passed), with a checkout of the very commit tested and no token left,
    no container, and a script running only the image's tools."""
    workflow, _ = load()
    assert all("secrets." not in str(step) for step in workflow["jobs"]["build"]["steps"])
    job = workflow["jobs"]["publish-ssh"]
    assert job["needs"] == "build"
    assert "container" not in job and job["runs-on"] == "ubuntu-latest"
    assert "permissions" not in job  # the workflow's: read only
    checkout, copy = job["steps"]
    assert checkout["uses"].startswith("actions/checkout@")
    assert checkout["with"] == {"ref": "${{ github.sha }}", "persist-credentials": False}
    assert "uses" not in copy and set(copy["env"]) == {"PUBLISH_SSH", "SSH_KEY",
                                                       "SSH_KNOWN_HOSTS"}
    # what the script runs on the runner: shell built-ins, coreutils, apt, rsync and ssh;
    # the tree's ./run only inside the command sent to the server
    local = re.sub(r"'cd /srv/farelegami/site[^']*'", "", copy["run"])
    assert "./run" not in local
    for word in ("python", "pip", "npm", "node", "invoke", "make", "source", "sh", "bash"):
        assert not re.search(rf"(?<![\w$/-]){word}(?![\w-])", local), word
    assert ". ./" not in local


def test_the_checkout_leaves_no_token_and_downloads_are_cached_by_lockfile():
    workflow, _ = load()
    steps = workflow["jobs"]["build"]["steps"]
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False
    downloads = next(step for step in steps if "~/.npm" in step.get("with", {}).get("path", ""))
    assert downloads["with"]["path"].split() == ["~/.cache/pip", "~/.npm"]
    key = downloads["with"]["key"]
    hashed = re.fullmatch(r"downloads-\$\{\{ hashFiles\((.+)\) \}\}", key)
    assert hashed, key
    files = [name.strip(" '") for name in hashed[1].split(",")]
    # every file ./run and tools/node_setup.py install from, and each one exists
    assert files == ["requirements*.txt", "package-lock.json", "tests/axe/package-lock.json"]
    assert all(list(ROOT.glob(name)) for name in files)


def test_each_job_has_only_the_rights_it_needs():
    """The build job runs the repository's code, the test suite and npm's packages: read
    access to the repository and nothing more. A ``pages: write`` or ``id-token: write``
    moved up to the workflow (a common copy of GitHub's starter workflow) would give them
    to that code too."""
    workflow, _ = load()
    assert workflow["permissions"] == {"contents": "read"}
    assert "permissions" not in workflow["jobs"]["build"]  # the workflow's: read only
    # the deploy job: only what actions/deploy-pages asks for, and no code of the repository
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]
    # the page's address shown on the run: the deploy step's own output
    assert deploy["environment"]["name"] == "github-pages"
    step_id = re.fullmatch(r"\$\{\{ steps\.(\w+)\.outputs\.page_url \}\}",
                           deploy["environment"]["url"])
    assert step_id and deploy["steps"][0]["id"] == step_id[1]


def test_runs_wait_for_each_other_and_no_deploy_is_cancelled_half_way():
    """README: one run at a time, later ones wait. ``cancel-in-progress: true`` would cancel
    a running build or deploy at every push (an editor's two saves in a row), and a
    morning run would cancel a push's: the site updated only when nobody pushed for the
    length of a run."""
    workflow, _ = load()
    assert workflow["concurrency"]["cancel-in-progress"] is False
    assert all("concurrency" not in job for job in workflow["jobs"].values())


def test_the_build_cache_is_saved_again_by_every_run():
    """actions/cache never overwrites an entry: under a fixed key the first run's caches
    would be restored for good, every later build rebuilding what changed since. A key of
    its own per run, restored from the newest by its prefix."""
    workflow, _ = load()
    cache = next(step for step in workflow["jobs"]["build"]["steps"]
                 if step.get("with", {}).get("path") == "cache")
    assert cache["with"]["key"] == "build-cache-${{ github.run_id }}"
    assert cache["with"]["key"].startswith(cache["with"]["restore-keys"])


def test_it_builds_on_the_servers_system_as_the_readme_says():
    """Debian 12 with Python 3.11: the same zlib and brotli as the server write the same
    .gz/.br bytes (README "What a build writes"); the image and the README together."""
    workflow, _ = load()
    image = workflow["jobs"]["build"]["container"]
    assert image == "python:3.11-bookworm"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"runs in `{image}` (Debian 12, as the server)" in readme


def test_every_repository_variable_it_reads_is_documented():
    """The deployer sets what the workflow's header and the README's GitHub Pages steps
    name: a variable read but named nowhere would be left unset, silently empty."""
    text = WORKFLOW.read_text(encoding="utf-8")
    read = set(re.findall(r"\$\{\{\s*vars\.(\w+)\s*\}\}", text))
    assert {"SITEURL", "VISIT_COUNTER_URL", "ADMIN_REPO", "PUBLISH_SSH"} <= read
    # the only secrets: the own server's key and host line, given to its step alone
    secrets = set(re.findall(r"\$\{\{\s*secrets\.(\w+)\s*\}\}", text))
    assert secrets == {"SSH_KEY", "SSH_KNOWN_HOSTS"}
    steps = [step for job in load()[0]["jobs"].values() for step in job["steps"]]
    assert [step.get("name") for step in steps if "secrets." in str(step)] == [
        "Copy the tree to your own server and publish there (rsync, ssh)"]
    header = text[:text.index("\nname:")]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    deployment = readme[readme.index("## Deployment"):readme.index("## Serving at national")]
    for name in sorted(read | secrets):
        assert re.search(rf"\b{name}\b", header), name
        assert (f"`{name}`" in deployment
                or (name.startswith("ADMIN_") and "`ADMIN_*`" in deployment)), name
