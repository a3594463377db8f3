"""neo4j-csv export: neo4j-admin headers, typed columns, a lossless read-back, identical bytes."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from ocgraph.cli import main
from ocgraph.graph.model import Evidence, KnowledgeGraph
from ocgraph.graph.neo4j_csv import write

NODE_HEADER = (
    "id:ID,:LABEL,name,aliases:string[],search_names:string[],description,birth_date:string[],"
    "birth_place:string[],nationality:string[],gender,identifiers:string[],addresses:string[],"
    "country:string[],programs:string[],source_ids:string[],typed_by:string[],merged_from:string[],"
    "merge_record:string[],"
    "date,title,path,sha256,page_starts,url,publisher"
)
REL_HEADER = (
    ":START_ID,:END_ID,:TYPE,id,start,end,date,role,amount:double,currency,amount_scope,status,"
    "program:string[],confidence:double,review,evidence_document:string[],evidence_start:long[],"
    "evidence_end:long[],evidence_sentence:string[],evidence_extractor:string[],evidence_confidence:double[]"
)
SEP = "\x1f"


def _archive(kg: KnowledgeGraph) -> zipfile.ZipFile:
    out = io.BytesIO()
    write(kg, out, "neo4j-csv")
    return zipfile.ZipFile(io.BytesIO(out.getvalue()))


def _rows(archive: zipfile.ZipFile, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8"), newline="")))


def test_headers(fixture_graph: KnowledgeGraph) -> None:
    archive = _archive(fixture_graph)
    assert archive.namelist() == ["nodes.csv", "relationships.csv", "IMPORT.txt"]
    assert archive.read("nodes.csv").decode().splitlines()[0] == NODE_HEADER
    assert archive.read("relationships.csv").decode().splitlines()[0] == REL_HEADER
    assert "neo4j-admin database import full" in archive.read("IMPORT.txt").decode()
    assert "--array-delimiter=U+001F" in archive.read("IMPORT.txt").decode()


def test_rows_read_back_to_the_same_graph(fixture_graph: KnowledgeGraph) -> None:
    """Rebuild the graph from the CSVs the way neo4j-admin reads them (arrays split on U+001F)."""
    archive = _archive(fixture_graph)
    nodes, rels = _rows(archive, "nodes.csv"), _rows(archive, "relationships.csv")
    assert len(nodes) == 22 and len(rels) == 37
    rebuilt = KnowledgeGraph()
    for row in nodes:
        labels = row[":LABEL"].split(SEP)
        assert labels[0] == "Entity"
        props = {}
        for column, value in row.items():
            name, _, kind = column.partition(":")
            if value == "" or name in ("id", "", "name", "aliases", "search_names"):
                continue
            props[name] = value.split(SEP) if kind.endswith("[]") else value
        aliases = row["aliases:string[]"].split(SEP) if row["aliases:string[]"] else []
        rebuilt.add_entity(labels[1], row["name"], aliases, props, id=row["id:ID"])
    for row in rels:
        predicate = row[":TYPE"].lower()  # every ontology rel_type is its predicate in capitals
        props = {}
        for column in ("start", "end", "date", "role", "currency", "amount_scope", "status", "review"):
            if row[column]:
                props[column] = row[column]
        for column in ("amount:double", "confidence:double"):
            if row[column]:
                props[column.partition(":")[0]] = float(row[column])
        if row["program:string[]"]:
            props["program"] = row["program:string[]"].split(SEP)
        columns = [
            row[f"evidence_{k}"].split(SEP)
            for k in (
                "document:string[]",
                "start:long[]",
                "end:long[]",
                "sentence:string[]",
                "extractor:string[]",
                "confidence:double[]",
            )
        ]
        evidence = [
            Evidence(d, int(s), int(e), t, x, None if float(c) == -1.0 else float(c))
            for d, s, e, t, x, c in zip(*columns, strict=True)
        ]
        rebuilt.add_relation(row[":START_ID"], predicate, row[":END_ID"], props, evidence)
    assert rebuilt.to_records() == fixture_graph.to_records()


def test_amount_is_a_typed_double(fixture_graph: KnowledgeGraph) -> None:
    rels = _rows(_archive(fixture_graph), "relationships.csv")
    reward = next(r for r in rels if r["id"] == "rel/01ca71ee91974bb1")
    assert (reward[":TYPE"], reward["amount:double"], reward["currency"]) == (
        "REWARD_OFFERED_BY",
        "20000000.0",
        "USD",
    )
    assert reward["evidence_start:long[]"] == "1677"


def test_same_bytes_and_cli(fixture_graph: KnowledgeGraph, tmp_path: Path) -> None:
    out1, out2 = io.BytesIO(), io.BytesIO()
    write(fixture_graph, out1, "neo4j-csv")
    write(fixture_graph, out2, "neo4j-csv")
    assert out1.getvalue() == out2.getvalue()
    fixture = Path(__file__).resolve().parents[2] / "data" / "fixture-graph.jsonl"
    runner = CliRunner()
    assert runner.invoke(main, ["merge", str(fixture)]).exit_code == 0
    target = tmp_path / "graph.zip"
    result = runner.invoke(main, ["export", "--format", "neo4j-csv", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == out1.getvalue()


@pytest.mark.neo4j
@pytest.mark.slow
def test_neo4j_admin_imports_it_and_the_graph_reads_back(neo4j_server, fixture_graph, tmp_path: Path) -> None:
    """The real `neo4j-admin database import` (Neo4j's import tool, from the jars the project
    fetched) loads the zip with the command in IMPORT.txt; a server on that database then gives
    back, through Neo4jWriter.dump, exactly the graph that was exported."""
    import os
    import shutil
    import subprocess

    from ocgraph.graph import neo4j_connect
    from ocgraph.graph.neo4j_csv import IMPORT_COMMAND
    from ocgraph.graph.neo4j_server import LocalServer, free_port
    from ocgraph.graph.neo4j_writer import Neo4jWriter

    folder = tmp_path / "import"
    _archive(fixture_graph).extractall(folder)
    home = tmp_path / "srv" / "neo4j" / "db"  # the layout LocalServer starts from
    (home / "conf").mkdir(parents=True)
    (home / "conf" / "neo4j.conf").write_text("", encoding="utf-8")
    args = IMPORT_COMMAND.split()[1:]  # "neo4j-admin" is AdminTool on the classpath
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    done = subprocess.run(
        [
            shutil.which("java") or "java",
            "-Xmx512m",
            "-cp",
            f"{neo4j_server.lib}/*",
            "org.neo4j.cli.AdminTool",
            *args,
        ],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "Imported:\n  22 nodes\n  37 relationships" in done.stdout
    server = LocalServer(tmp_path / "srv", port=free_port(), http_port=free_port())
    # reuse the session server's jars and compiled launcher instead of fetching them again
    server.lib.symlink_to(neo4j_server.lib, target_is_directory=True)
    server.classes.symlink_to(neo4j_server.classes, target_is_directory=True)
    server.start(heap="512m", pagecache_mib=64)
    try:
        settings = neo4j_connect.ConnectionSettings(server.uri, "neo4j", server.password())
        driver = neo4j_connect.driver(settings)
        try:
            back = Neo4jWriter(driver).dump()
        finally:
            driver.close()
    finally:
        server.stop()
    assert back.to_records() == fixture_graph.to_records()
