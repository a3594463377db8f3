"""`make setup`'s system step (tools/system-packages.sh), run with a PATH of chosen commands.

The script is run for real; only the commands it finds are chosen: links to this machine's real
programs, and small stand-ins for `id`, `sudo` and `apt-get` that record how they were called, so
that nothing is installed and the user can be made to look like root or not.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "tools" / "system-packages.sh"
BASICS = ("sed", "env", "true")  # what the script itself needs besides the programs it looks for (and Python)


def _bin(tmp_path: Path, real: tuple[str, ...], fakes: dict[str, str]) -> Path:
    folder = tmp_path / "bin"
    folder.mkdir()
    for name in (*BASICS, *real):
        exe = shutil.which(name)
        if exe is None:
            pytest.fail(f"{name} is not installed (make setup installs it)")
        (folder / name).symlink_to(exe)
    for name, body in fakes.items():
        (folder / name).write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
        (folder / name).chmod(0o755)
    return folder


def _run(folder: Path, python: str = sys.executable) -> subprocess.CompletedProcess[str]:
    env = {"PATH": str(folder), "HOME": os.environ.get("HOME", "/root"), "PYTHON": python}
    return subprocess.run(
        ["/bin/sh", str(SCRIPT)], env=env, capture_output=True, text=True, check=False, timeout=60
    )


def test_user_without_sudo_gets_one_line_with_the_command(tmp_path: Path) -> None:
    folder = _bin(tmp_path, (), {"id": "echo 1000"})
    done = _run(folder)
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == (
        "error: missing system packages: openjdk-17-jdk-headless maven chromium npm; "
        "run: sudo apt-get update && sudo apt-get install -y openjdk-17-jdk-headless maven chromium npm\n"
    )


def test_root_installs_only_what_is_missing(tmp_path: Path) -> None:
    log = tmp_path / "apt.log"
    folder = _bin(tmp_path, ("java", "javac"), {"id": "echo 0", "apt-get": f'echo "$*" >> {log}'})
    done = _run(folder)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "installing system packages: maven chromium npm\n"
    assert log.read_text(encoding="utf-8").splitlines() == ["update -qq", "install -y -qq maven chromium npm"]


def test_passwordless_sudo_is_used(tmp_path: Path) -> None:
    log = tmp_path / "calls.log"
    fakes = {
        "id": "echo 1000",
        "sudo": f'[ "$1" = -n ] && shift; echo "sudo $*" >> {log}; exec "$@"',
        "apt-get": f'echo "apt-get $*" >> {log}',
    }
    folder = _bin(tmp_path, ("java", "javac", "mvn"), fakes)
    done = _run(folder)
    assert done.returncode == 0, done.stderr
    calls = log.read_text(encoding="utf-8").splitlines()
    assert calls[0] == "sudo true"  # the -n probe: no password prompt
    assert "apt-get install -y -qq chromium npm" in calls


def test_a_complete_machine_is_left_alone(tmp_path: Path) -> None:
    folder = _bin(
        tmp_path, ("java", "javac", "mvn"), {"id": "echo 1000", "chromium": "exit 0", "npm": "exit 0"}
    )
    done = _run(folder)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_an_old_java_counts_as_missing(tmp_path: Path) -> None:
    fakes = {
        "id": "echo 1000",
        "java": "exit 0",
        "javac": "echo 'javac 11.0.2'",
        "chromium": "exit 0",
        "npm": "exit 0",
    }
    folder = _bin(tmp_path, ("mvn",), fakes)
    done = _run(folder)
    assert done.returncode == 1
    assert "missing system packages: openjdk-17-jdk-headless;" in done.stderr


def test_an_old_python_is_refused_first(tmp_path: Path) -> None:
    fakes = {"id": "echo 1000", "python3.10": 'case "$2" in *exit*) exit 1;; *) echo 3.10;; esac'}
    folder = _bin(tmp_path, (), fakes)
    done = _run(folder, python="python3.10")
    assert done.returncode == 1
    assert done.stderr == (
        "error: ocgraph needs Python >= 3.11 (python3.10 is 3.10); "
        "install it and run make PYTHON=python3.11\n"
    )


def test_ci_runs_only_the_readme_test_command() -> None:
    lines = [
        line
        for line in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines[-1] == "exec make test"
    assert not any("apt-get" in line for line in lines)
    assert "make test" in (REPO / "README.md").read_text(encoding="utf-8").split("\n## ", 2)[1]
