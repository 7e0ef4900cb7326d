"""The GitHub Actions workflow that publishes the site runs the README's own commands."""

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
    commands = [step["run"] for step in build["steps"] if "run" in step]
    assert commands == ["./run check", "./run test", "./run publish"]
    publish = next(step for step in build["steps"] if step.get("run") == "./run publish")
    admin = ("ADMIN_BACKEND", "ADMIN_REPO", "ADMIN_BRANCH", "ADMIN_APP_ID", "ADMIN_BASE_URL",
             "ADMIN_API_ROOT", "ADMIN_AUTH_ENDPOINT")  # each one publishconf.py reads
    assert publish["env"] == {name: f"${{{{ vars.{name} }}}}"
                              for name in ("SITEURL", "VISIT_COUNTER_URL", *admin)}
    publishconf = (ROOT / "publishconf.py").read_text(encoding="utf-8")
    assert all(f'"{name}"' in publishconf for name in admin)
    # one queue per branch: a run by hand elsewhere never replaces main's waiting one
    assert workflow["concurrency"]["group"] == "publish-${{ github.ref }}"
    cache = next(step for step in build["steps"] if "actions/cache@" in step.get("uses", ""))
    assert cache["with"]["path"] == "cache"  # Pelican's CACHE_PATH: every cache of the build
    assert cache["with"]["restore-keys"] == "build-cache-"
    upload = build["steps"][-1]
    assert upload["uses"].startswith("actions/upload-pages-artifact@")
    assert upload["with"]["path"] == "public/current"  # invoke publish's current release
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in commands:
        assert f"`{command}" in readme, command
    assert "SITEURL=https://www.example.org VISIT_COUNTER_URL=https://stats.example.org ./run publish" in readme
