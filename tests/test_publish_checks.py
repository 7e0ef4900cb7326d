"""What stops a publish before any build: the publish task's SITEURL and the settings'
errors (tools/publish_checks.py's ``settings_problems``), as ``publish --settings-only``
(the deploy workflow's first step) finds them. The release check's report and the
vanished addresses are tested through publishes (test_publisher.py,
test_publish_vanished.py).
"""

import os
import sys

import pytest
from support import ROOT, article, make_conf, run_invoke, write_content

sys.path.insert(0, str(ROOT))
from tools import publish_checks  # noqa: E402


@pytest.mark.parametrize(("siteurl", "message"), [
    ("http://www.example.org", "SITEURL deve cominciare con https://"),
    # the README's command, which works outside the virtual environment (invoke does not)
    ("", "SITEURL non impostato: per esempio SITEURL=https://www.example.org ./run publish"),
    # every absolute address (sitemap, feeds, canonical) begins with it: "https://" alone
    # published https:/2024/05/…
    ("https://", "SITEURL non è l'indirizzo del sito"),
])
def test_the_publish_task_refuses_a_siteurl_browsers_would_block(tmp_path, siteurl, message):
    env = dict(os.environ, PUBLISH_ROOT=str(tmp_path / "pub"), SITEURL=siteurl)
    returncode, _, stderr = run_invoke("publish", env=env)
    assert returncode == 1 and message in stderr
    assert not (tmp_path / "pub").exists()  # before any work


@pytest.mark.parametrize(("variables", "status", "message"), [
    ({"SITEURL": ""}, 1, "SITEURL non impostato"),
    ({"SITEURL": "https://"}, 1, "SITEURL must be https://host[/path]"),
    ({"SITEURL": "https://www.example.org/?lang=it"}, 1, "SITEURL non è l'indirizzo del sito"),
    ({"SITEURL": "https://www.example.org "}, 1, "SITEURL non è l'indirizzo del sito"),
    ({"SITEURL": "https://www.example.org/farelegami/"}, 0, "Publish settings valid"),
    ({"SITEURL": "https://www.example.org", "VISIT_COUNTER_URL": "http://stats.example.org"},
     1, "VISIT_COUNTER_URL: 'http://stats.example.org' must be an https:// address"),
    # the development counter's address copied into the repository variable: every
    # reader's browser would have asked its own computer
    ({"SITEURL": "https://www.example.org", "VISIT_COUNTER_URL": "http://localhost:8001"},
     1, "VISIT_COUNTER_URL indica questo computer (localhost)"),
    ({"SITEURL": "https://www.example.org", "VISIT_COUNTER_URL": "https://127.0.0.1/"},
     1, "VISIT_COUNTER_URL names this machine"),
    ({"SITEURL": "http://localhost:8080", "VISIT_COUNTER_URL": "http://localhost:8001"},
     0, "Publish settings valid"),  # a release tried on this machine
    # in the workflow: "SITEURL=https://www.example.org ./run publish" told the deployer
    # nothing about the repository variable it comes from
    ({"SITEURL": "", "GITHUB_ACTIONS": "true"}, 1,
     "SITEURL, in Settings > Secrets and variables > Actions > Variables"),
    ({"SITEURL": "http://www.example.org", "GITHUB_ACTIONS": "true"}, 1,
     "the repository variables, SITEURL, in Settings > Secrets and variables > Actions >"
     " Variables"),
    ({"SITEURL": "https://www.example.org", "VISIT_COUNTER_URL": "http://localhost:8001",
      "GITHUB_ACTIONS": "true"}, 1, "VISIT_COUNTER_URL, in Settings > Secrets and variables"),
    # a release built in CI is everyone's: the development address copied into the
    # variable published every page linking to each reader's own computer
    ({"SITEURL": "http://localhost:8000", "GITHUB_ACTIONS": "true"}, 1,
     "SITEURL indica questo computer (http://localhost:8000)"),
    ({"SITEURL": "https://127.0.0.1", "GITHUB_ACTIONS": "true"}, 1,
     "SITEURL names this machine: give the site's public address"),
    ({"SITEURL": "https://www.example.org", "ADMIN_REPO": "farelegami"},
     1, "ADMIN_REPO: must be the repository as owner/name"),
    ({"SITEURL": "https://www.example.org", "VISIT_COUNTER_URL": "https://stats.example.org",
      "ADMIN_REPO": "comune/farelegami"}, 0, "Publish settings valid"),
])
def test_the_workflow_s_first_step_finds_what_the_publish_would_stop_on(tmp_path, variables,
                                                                        status, message):
    """The deploy workflow's first step (``publish --settings-only``): a repository
    variable unset or wrong failed only at the publish step, after the whole test
    suite. Now in seconds, on what the publish itself would stop on, building nothing."""
    env = {name: value for name, value in os.environ.items()
           if name not in ("SITEURL", "VISIT_COUNTER_URL", "GITHUB_ACTIONS")
           and not name.startswith("ADMIN_")}  # the workflow's run of this suite too
    env.update(variables, PUBLISH_ROOT=str(tmp_path / "pub"))
    returncode, stdout, stderr = run_invoke("publish", "--settings-only", env=env)
    assert returncode == status, stdout + stderr
    assert message in (stderr if status else stdout)
    assert not (tmp_path / "pub").exists()


PLACE = "in Settings > Secrets and variables > Actions > Variables"


@pytest.mark.parametrize(("variables", "names"), [
    ({"SITEURL": ""}, "SITEURL"),
    ({"SITEURL": "http://www.example.org"}, "SITEURL"),
    ({"SITEURL": "https://127.0.0.1"}, "SITEURL"),
    ({"SITEURL": "https://"}, "SITEURL"),
    ({"SITEURL": "https://www.example.org", "VISIT_COUNTER_URL": "http://localhost:8001"},
     "VISIT_COUNTER_URL"),
])
def test_in_actions_each_half_of_the_message_has_its_own_hint(tmp_path, variables, names):
    """In GitHub Actions the hint of where a variable is set came after the English half,
    both languages in it: "IT / EN (IT hint / EN hint)". Now the Italian hint ends the
    Italian half and the English one the message; and SITEURL unset names the repository
    variable, not a ``SITEURL=… ./run publish`` command the workflow cannot use."""
    env = {name: value for name, value in os.environ.items()
           if name not in ("SITEURL", "VISIT_COUNTER_URL") and not name.startswith("ADMIN_")}
    env.update(variables, GITHUB_ACTIONS="true", PUBLISH_ROOT=str(tmp_path / "pub"))
    returncode, _, stderr = run_invoke("publish", "--settings-only", env=env)
    assert returncode == 1
    message = stderr.strip().splitlines()[-1]
    italian, english = message.split(" / ")
    assert italian.endswith(f" (GitHub Actions: variabili del repository, {names}, {PLACE};"
                            ' README "GitHub Pages", passo 2)')
    assert english.endswith(f" (GitHub Actions: the repository variables, {names}, {PLACE};"
                            ' README "GitHub Pages", step 2)')
    assert "./run publish" not in message


def test_the_settings_check_shows_the_warnings_the_publish_would_show(tmp_path):
    """``publish --settings-only`` said only "valid": its handler on the root logger kept
    the settings' warnings (a mistyped setting, ignored) from being printed, which the
    publish itself shows."""
    conf, content = make_conf(tmp_path), tmp_path / "content"
    write_content(content, {"notizie/a.md": article(title="Uno")})
    with conf.open("a", encoding="utf-8") as settings:
        settings.write("IMAGES_WIDTHZ = [400]\n")
    errors, warnings = publish_checks.settings_problems(conf, content)
    assert errors == []
    assert any(warning.startswith("IMAGES_WIDTHZ: unknown setting") for warning in warnings)


def test_the_settings_check_leaves_the_cache_folder_alone(tmp_path):
    """``publish --settings-only`` reads the settings and runs each plugin's checks, and
    nothing more: it made the readers, whose contract cache made a folder of its own
    under CACHE_PATH for the publish's settings and removed all but the newest three
    (a build's, kept for the next one, among them)."""
    conf, content = make_conf(tmp_path), tmp_path / "content"
    write_content(content, {"notizie/a.md": article(title="Uno")})
    cache = tmp_path / "cache"
    kept = [cache / f"contract-{number:016d}" for number in range(4)]
    for age, folder in enumerate(kept):
        (folder / "ab").mkdir(parents=True)
        (folder / "ab" / "entry.pickle").write_bytes(b"kept")
        os.utime(folder, (1_000_000 + age, 1_000_000 + age))
    before = sorted(path.relative_to(cache) for path in cache.rglob("*"))
    assert publish_checks.settings_problems(conf, content) == ([], [])
    assert sorted(path.relative_to(cache) for path in cache.rglob("*")) == before
