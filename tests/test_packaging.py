"""The packaging guard: every subpackage is listed, and a wheel in a fresh venv runs `ocgraph --help`."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import tomllib
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]


def _package_folders() -> dict[str, Path]:
    """Every folder with an __init__.py under the mapped roots, as its import name."""
    found = {}
    for name, folder in SETUPTOOLS["package-dir"].items():
        root = REPO / folder
        for init in root.rglob("__init__.py"):
            rel = init.parent.relative_to(root)
            dotted = ".".join([name, *rel.parts]) if rel.parts else name
            found[dotted] = init.parent
    return found


def test_every_subpackage_is_listed() -> None:
    listed = set(SETUPTOOLS["packages"])
    missing = sorted(set(_package_folders()) - listed)
    assert not missing, f"add to [tool.setuptools] packages and package-dir: {missing}"
    assert set(SETUPTOOLS["package-dir"]) == listed


def test_user_layout_is_kept() -> None:
    for folder in ("graph", "ontology", "loaders", "queries", "notebooks", "tests", "bench", ".ci"):
        assert (REPO / folder).is_dir(), folder
    for file in ("Makefile", "README.md", "pyproject.toml", ".ci/run"):
        assert (REPO / file).is_file(), file


@pytest.mark.slow
def test_wheel_installs_in_a_fresh_venv(tmp_path: Path) -> None:
    wheels = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(wheels), str(REPO)],
        check=True,
        capture_output=True,
        cwd=tmp_path,
    )
    wheel = next(wheels.glob("ocgraph-*.whl"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    # The dependencies come from the test run's own environment through a .pth line (a folder
    # added this way has its own .pth files ignored, so the editable ocgraph stays out); the
    # wheel is what is under test, and installing spaCy again would take minutes.
    purelib = subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(purelib, "test-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", "--no-deps", str(wheel)], check=True)
    out = subprocess.run(
        [str(env_dir / "bin" / "ocgraph"), "--help"], check=True, capture_output=True, text=True, cwd=tmp_path
    )
    assert "Usage: ocgraph" in out.stdout
    files = subprocess.run(
        [
            str(py),
            "-c",
            "import importlib.resources as r; "
            "print(r.files('ocgraph.ontology').joinpath('schema.toml').is_file())",
        ],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert files.stdout.strip() == "True"
