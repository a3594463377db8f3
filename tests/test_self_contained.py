"""The repository stands alone: no code, test, notebook or Makefile refers to a path outside it.

`make test` must pass on a fresh clone with nothing beside it, so nothing of the project may read
`../shared/...`, `/work/...` or a folder above the clone. Three ways of naming such a path are
found: a relative path that climbs above the repository from the folder it is used in (the
repository for code, tests and the Makefile, which run there; the notebook's own folder for a
notebook), an absolute path outside the system's own folders, and path arithmetic on `__file__`
or on a relative path (`Path(__file__).parents[3]`, `REPO.parent / "shared"`) that leaves the
repository.
"""

from __future__ import annotations

import ast
import json
import posixpath
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SKIP = {".git", ".venv", "build", "dist", "__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis"}
SKIP |= {"demo-output", "ocgraph-data", "fixtures", "artifacts"}  # data and outputs, not code
# Absolute paths of the operating system itself, which code may name (/proc/meminfo, /bin/sh, /tmp).
SYSTEM = {"proc", "dev", "sys", "usr", "bin", "sbin", "etc", "tmp", "var", "lib", "lib64", "run"}
# A relative path that starts by climbing ("../shared", "cd .."), not "..." or "1..4".
CLIMB = re.compile(r"(?<![\w.~/-])\.\./[^\s'\"`),;:\]}]*|(?<=['\"])\.\.(?=['\"])|(?<=\bcd )\.\.(?![\w.])")
# An absolute path of two parts or more ("/work/shared"); not a URL's path ("https://x.org/a/b").
ABSOLUTE = re.compile(r"(?<![\w.~:/<>$)}\]-])/([A-Za-z_][\w.-]*)(?:/[\w.*-]+)+")


def project_files() -> Iterator[Path]:
    """Code, tests, notebooks and Makefiles: every .py, .ipynb, .sh, Makefile and .ci script."""
    for path in sorted(REPO.rglob("*")):
        rel = path.relative_to(REPO)
        if not path.is_file() or SKIP.intersection(rel.parts) or rel.parts[0].endswith(".egg-info"):
            continue
        if any(p.startswith(".") and p != ".ci" for p in rel.parts[:-1]):
            continue
        if path.suffix in (".py", ".ipynb", ".sh") or path.name == "Makefile" or rel.parts[0] == ".ci":
            yield path


def _texts(path: Path) -> list[tuple[int, str, str]]:
    """(first line, text, kind) of each part: a notebook's cells, else the whole file."""
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".ipynb":
        return [(1, text, "python" if path.suffix == ".py" else "shell")]
    cells = json.loads(text)["cells"]
    return [
        (k, "".join(c["source"]), "python" if c["cell_type"] == "code" else "markdown")
        for k, c in enumerate(cells, 1)
    ]


def _depth(components: str) -> int:
    """How many folders a relative path goes down ("a/b" 2, "../x" 0, ".." -1)."""
    return sum(-1 if p == ".." else 0 if p in ("", ".") else 1 for p in components.split("/"))


class _Levels(ast.NodeVisitor):
    """Folder level below the repository of path expressions built from __file__ or a relative path."""

    def __init__(self, file_level: int, cwd_level: int) -> None:
        self.file_level, self.cwd_level = file_level, cwd_level
        self.names: dict[str, int] = {}
        self.outside: list[int] = []

    def level(self, node: ast.AST) -> int | None:
        lv = self._level(node)
        if lv is not None and lv < 0:
            self.outside.append(node.lineno)
        return lv

    def _level(self, node: ast.AST) -> int | None:
        match node:
            case ast.Name(id="__file__"):
                return self.file_level
            case ast.Name(id=name):
                return self.names.get(name)
            case ast.Constant(value=str(s)) if s == ".." or s.startswith(("../", "./")) or s == ".":
                return self.cwd_level + _depth(s)
            case ast.Call(func=ast.Attribute(value=ast.Name(id="Path"), attr="cwd")):
                return self.cwd_level
            case ast.Call(func=ast.Name(id="Path" | "PurePath" | "PosixPath"), args=[first, *rest]):
                base = self.level(first)
                return self._join(base, rest)
            case ast.Call(func=ast.Attribute(value=ast.Attribute(attr="path"), attr=fn), args=[first, *rest]):
                # os.path.join / dirname / abspath / realpath
                lv = self.level(first)
                if fn == "join":
                    return self._join(lv, rest)
                if fn == "dirname":
                    return None if lv is None else lv - 1
                return lv if fn in ("abspath", "realpath") else None
            case ast.Call(func=ast.Attribute(value=inner, attr="resolve" | "absolute" | "expanduser")):
                return self.level(inner)
            case ast.Call(func=ast.Attribute(value=inner, attr="joinpath"), args=parts):
                return self._join(self.level(inner), parts)
            case ast.Attribute(value=inner, attr="parent"):
                lv = self.level(inner)
                return None if lv is None else lv - 1
            case ast.Subscript(
                value=ast.Attribute(value=inner, attr="parents"), slice=ast.Constant(value=int(k))
            ):
                lv = self.level(inner)
                return None if lv is None else lv - 1 - k
            case ast.BinOp(left=left, op=ast.Div(), right=right):
                return self._join(self.level(left), [right])
        return None

    def _join(self, base: int | None, parts: list[ast.expr]) -> int | None:
        if base is None:
            return None
        for part in parts:
            if not (isinstance(part, ast.Constant) and isinstance(part.value, str)):
                return None
            base += _depth(part.value)
            if base < 0:
                self.outside.append(part.lineno)
        return base

    def visit_Assign(self, node: ast.Assign) -> None:
        lv = self.level(node.value)
        for target in node.targets:
            if isinstance(target, ast.Name) and lv is not None:
                self.names[target.id] = lv
        self.generic_visit(node)

    def visit_expr(self, node: ast.expr) -> None:
        self.level(node)
        self.generic_visit(node)

    visit_Attribute = visit_Subscript = visit_BinOp = visit_Call = visit_expr


def outside_references(path: Path, root: Path = REPO) -> list[str]:
    """Each reference of `path` to a place outside the repository `root`, as 'file:line: text'."""
    rel = path.relative_to(root)
    # code, tests and the Makefile run from the repository's root; a notebook runs in its folder
    cwd = posixpath.dirname(rel.as_posix()) if path.suffix == ".ipynb" else ""
    cwd_level = _depth(cwd) if cwd else 0
    found: list[str] = []
    for first, text, kind in _texts(path):
        lines = text.splitlines()
        for n, line in enumerate(lines, first):
            for m in CLIMB.finditer(line):
                if posixpath.normpath(posixpath.join(cwd or ".", m.group())).startswith(".."):
                    found.append(f"{rel}:{n}: {m.group()}")
            for m in ABSOLUTE.finditer(line):
                if m.group(1) not in SYSTEM:
                    found.append(f"{rel}:{n}: {m.group()}")
        if kind == "python":
            source = "\n".join(line for line in lines if not line.lstrip().startswith(("%", "!")))
            levels = _Levels(len(rel.parts), cwd_level)
            levels.visit(ast.parse(source, str(rel)))
            for n in sorted(set(levels.outside)):
                found.append(f"{rel}:{n + first - 1}: {lines[n - 1].strip()}")
    return sorted(set(found))


def test_nothing_refers_outside_the_repository() -> None:
    # this file is left out: its examples of the guard name such paths on purpose
    files = [p for p in project_files() if p != Path(__file__).resolve()]
    assert len(files) > 100 and REPO / "Makefile" in files and REPO / ".ci" / "run" in files
    found = [line for path in files for line in outside_references(path)]
    assert not found, "paths outside the repository:\n" + "\n".join(found)


def _notebook(code: str) -> str:
    return json.dumps({"cells": [{"cell_type": "code", "source": [code]}]})


OUT, IN = True, False


@pytest.mark.parametrize(
    ("name", "source", "outside"),
    [
        ("tests/x/s.py", 'REPO = Path(__file__).parent.parent.parent\nS = REPO.parent / "shared"\n', OUT),
        ("tests/x/s.py", 'SCORER = Path(__file__).parents[2].parent / "shared" / "score.py"\n', OUT),
        ("bench/a.py", 'import os\nROOT = os.path.join(os.path.dirname(__file__), "..", "..", "x")\n', OUT),
        ("bench/a.py", 'score = "../shared/eval/score.py"\n', OUT),
        ("bench/a.py", 'docs = "see /work/shared/design/fragmentation.md"\n', OUT),
        ("Makefile", "score:\n\tpython ../shared/eval/score.py\n", OUT),
        ("Makefile", "up:\n\tcd .. && ls\n", OUT),
        ("notebooks/n.ipynb", _notebook('D = Path("../..")'), OUT),
        ("tests/x/t.py", 'REPO = Path(__file__).parents[2]\nDATA = REPO / "data" / "seed.txt"\n', IN),
        ("bench/a.py", 'MEM = "/proc/self/statm"\nSH = "/bin/sh"\nURL = "https://w3id.org/a/b"\n', IN),
        ("bench/a.py", 'doctest = """\n>>> f(...)\n... 1..4\n"""\n', IN),
        ("notebooks/n.ipynb", _notebook('D = Path("..") / "data"'), IN),
    ],
)
def test_the_guard_finds_each_way_out_and_only_those(tmp_path: Path, name: str, source: str, outside: bool):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source, encoding="utf-8")
    assert bool(outside_references(path, tmp_path)) is outside


def test_the_readme_names_only_files_that_are_in_the_repository() -> None:
    """A path the README gives in the repository (`docs/fragmentation.md`) exists; none points beside it."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    tops = {p.name for p in REPO.iterdir() if p.is_dir() and not p.name.startswith(".")} - SKIP
    named = set(re.findall(r"`((?:\.\./|[\w.-]+/)[\w./*-]*\.\w+)`", readme))
    inside = {p for p in named if p.split("/")[0] in tops}
    assert len(inside) > 10
    missing = sorted(p for p in inside if not any(REPO.glob(p)))
    outside = sorted(p for p in named if p.startswith(("../", "shared/")))
    assert not missing and not outside, f"missing: {missing}; outside the repository: {outside}"
