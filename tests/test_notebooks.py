"""Every notebook runs top to bottom in a fresh kernel, and is committed with its outputs stripped."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
ALL = sorted(NOTEBOOKS.glob("*.ipynb"))


def test_the_three_notebooks_are_there() -> None:
    assert [p.name for p in ALL] == [
        "01-from-text-to-graph.ipynb",
        "02-fragmentation.ipynb",
        "03-cypher-for-analysts.ipynb",
    ]


@pytest.mark.parametrize("path", ALL, ids=[p.stem for p in ALL])
def test_outputs_are_stripped(path: Path) -> None:
    # README "Notebooks and pictures": outputs are not committed, so they can never be stale.
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for number, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, (
                f"{path.name} cell {number} has output"
            )
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3"


@pytest.fixture
def kernel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A kernel spec that runs this test's own Python, whatever kernels the machine has."""
    spec = tmp_path / "jupyter" / "kernels" / "ocgraph-test"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "ocgraph test",
                "language": "python",
            }
        )
    )
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp_path / "jupyter"))
    return "ocgraph-test"


def run_notebook(path: Path, kernel: str) -> nbformat.NotebookNode:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb, kernel_name=kernel, timeout=600, resources={"metadata": {"path": str(NOTEBOOKS)}}
    )
    client.execute()
    return nb


def outputs_text(nb: nbformat.NotebookNode) -> str:
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts.append(out.get("text", ""))
            parts.extend(str(v) for v in out.get("data", {}).values())
    return "\n".join(parts)


@pytest.mark.slow
def test_01_from_text_to_graph(kernel: str, ocgraph_home: Path) -> None:
    nb = run_notebook(NOTEBOOKS / "01-from-text-to-graph.ipynb", kernel)
    text = outputs_text(nb)
    assert "Ismael Zambada García" in text and "El Mayo" in text
    assert "<iframe srcdoc=" in text  # the viz page, embedded
    assert not (NOTEBOOKS / "ocgraph-data").exists()  # the store went to the test's OCGRAPH_HOME


@pytest.mark.slow
def test_02_fragmentation(kernel: str) -> None:
    nb = run_notebook(NOTEBOOKS / "02-fragmentation.ipynb", kernel)
    text = outputs_text(nb)
    assert "remove both" in text and "Sinaloa Cartel" in text
    images = [o for c in nb.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert len(images) == 3  # lineage tree, robustness of the person and of the criminal network


@pytest.mark.slow
@pytest.mark.neo4j
def test_03_cypher_for_analysts(
    kernel: str, ocgraph_home: Path, neo4j_server, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ocgraph.graph import neo4j_connect

    # the session's server, emptied first like every Neo4j test; the notebook reads NEO4J_* (its
    # own-server branch is what `ocgraph neo4j start` does, tested with the Neo4j commands)
    cs = neo4j_connect.ConnectionSettings(neo4j_server.uri, "neo4j", neo4j_server.password())
    with neo4j_connect.driver(cs) as drv:
        neo4j_connect.run(drv, cs, "MATCH (n) DETACH DELETE n", write=True)
    monkeypatch.setenv("NEO4J_URI", cs.uri)
    monkeypatch.setenv("NEO4J_USERNAME", "neo4j")
    monkeypatch.setenv("NEO4J_PASSWORD", cs.password)
    monkeypatch.delenv("NEO4J_DATABASE", raising=False)
    nb = run_notebook(NOTEBOOKS / "03-cypher-for-analysts.ipynb", kernel)
    text = outputs_text(nb)
    assert "connected to " + cs.uri in text
    assert "RIVAL_OF" in text and "Ismael Zambada García" in text
    assert (ocgraph_home / "from-neo4j.ttl").read_text(encoding="utf-8").startswith("@prefix")
    with neo4j_connect.driver(cs) as drv:
        _, rows = neo4j_connect.run(drv, cs, "MATCH (n:Entity) RETURN count(n)")
    assert rows[0][0] > 300  # the seed article and the 300 OFAC rows were loaded


def test_the_readme_headless_command_keeps_the_outputs(tmp_path: Path) -> None:
    import re
    import subprocess

    readme = (NOTEBOOKS.parent / "README.md").read_text(encoding="utf-8")
    [command] = re.findall(r"`(\.venv/bin/jupyter execute [^`]+)`", readme)
    # the same command on a one-cell notebook, with this test's Python and a private output path
    tiny = tmp_path / "tiny.ipynb"
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}})
    nb.cells.append(nbformat.v4.new_code_cell("print(6 * 7)"))
    nbformat.write(nb, tiny)
    command = command.replace(".venv/bin/", f"{Path(sys.executable).parent}/")
    command = command.replace("notebooks/02-fragmentation.ipynb", str(tiny))
    command = command.replace("/tmp/02-fragmentation-run", str(tmp_path / "run"))
    subprocess.run(command, shell=True, check=True, cwd=NOTEBOOKS.parent, capture_output=True, timeout=300)
    executed = nbformat.read(tmp_path / "run.ipynb", as_version=4)
    assert executed.cells[0].outputs[0]["text"] == "42\n"
    assert nbformat.read(tiny, as_version=4).cells[0].outputs == []  # the notebook itself stays stripped
