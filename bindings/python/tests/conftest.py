import os
import shutil
import subprocess

import pytest


@pytest.fixture(scope="session")
def smslint_exe():
    exe = os.environ.get("SMSLINT_EXE") or shutil.which("smslint")
    if not exe:
        pytest.fail("SMSLINT_EXE is not set (meson test sets it)")
    return exe


@pytest.fixture
def run_cli(smslint_exe, tmp_path):
    """Runs the smslint tool in an empty folder (no smslint.toml)."""
    def run(*args, stdin=None):
        return subprocess.run([smslint_exe, *args], input=stdin, capture_output=True,
                              text=True, cwd=tmp_path, check=False)
    return run
