"""./run, the entry point of every task: what it says when it cannot set up .venv.

The script is run for real (a copy with the requirement files, in a temporary folder), with
the machine's python3.
"""

import shutil
import subprocess

import pytest
from support import ROOT


def test_a_venv_it_cannot_create_is_named_not_blamed_on_python3_venv(tmp_path):
    # the folder holds something at .venv that is not a virtual environment: as for a clone
    # that the user running ./run may not write into (cloned by root, published as
    # farelegami: README "Your own server"), python3 -m venv cannot create it
    if subprocess.run(["python3", "-c", "import ensurepip"], check=False).returncode:
        pytest.skip("python3 without ensurepip: ./run rightly asks for python3-venv here")
    for name in ("run", "requirements.txt", "requirements-dev.txt"):
        shutil.copy(ROOT / name, tmp_path / name)
    (tmp_path / ".venv").write_text("not a folder\n")
    result = subprocess.run([str(tmp_path / "run"), "--list"], capture_output=True, text=True,
                            check=False, timeout=120)
    assert result.returncode == 1
    # venv's own reason, then which folder and who must be able to write there; python3-venv
    # is installed here, so installing it is not the advice
    assert f"could not create {tmp_path}/.venv" in result.stderr, result.stderr
    assert "must be able to write into" in result.stderr
    assert "apt-get install python3-venv" not in result.stderr
