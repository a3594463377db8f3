"""The Neo4j commands through click's CliRunner, against the session's real server."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from ocgraph.cli import main
from ocgraph.graph.neo4j_server import free_port
from ocgraph.graph.store import FILENAME

pytestmark = pytest.mark.neo4j

FIXTURE = Path(__file__).resolve().parents[2] / "data" / "fixture-graph.jsonl"


def ocg(*args: str):
    return CliRunner().invoke(main, list(args))


def one_line_error(result, *fragments: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: "), result.stderr
    for fragment in fragments:
        assert fragment in result.stderr, result.stderr


@pytest.fixture
def loaded(neo4j_env, ocgraph_home):
    assert ocg("merge", str(FIXTURE)).exit_code == 0
    result = ocg("load")
    assert result.exit_code == 0, result.output
    assert (
        result.stdout
        == f"loaded 22 nodes, 37 relationships, 20 document links into {neo4j_env.uri} as neo4j\n"
    )
    return neo4j_env


def test_load_then_dump_into_an_empty_store_gives_the_same_bytes(loaded, tmp_path, monkeypatch):
    other = tmp_path / "other-home"
    monkeypatch.setenv("OCGRAPH_HOME", str(other))
    result = ocg("dump", "--replace")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"dumped 22 entities and 37 relations from {loaded.uri} as neo4j\n"
    assert (other / FILENAME).read_bytes() == FIXTURE.read_bytes()


def test_load_and_dump_show_their_progress(neo4j_env, ocgraph_home, tmp_path, monkeypatch):
    assert ocg("merge", str(FIXTURE)).exit_code == 0
    monkeypatch.setenv("OCGRAPH_PROGRESS_SECONDS", "0")  # a line per batch, as if each took 5 s
    loaded = ocg("load", "--batch-size", "20")
    assert loaded.exit_code == 0, loaded.output
    # the fixture's 22 entities label by label, then its 37 relations type by type (each fits in a
    # batch of 20), then the document's links
    nodes = [6, 7, 10, 18, 20, 22]  # CriminalOrganization 6, Document 1, GovernmentOrganization 3, ...
    rels = [4, 5, 6, 9, 19, 22, 23, 31, 33, 35, 36, 37]  # CHILD_OF 4 ... PARTY_TO 3, PART_OF 1 ...
    assert loaded.stderr.splitlines() == [
        *(f"loading nodes: {n}/22 nodes ({100 * n // 22}%)" for n in nodes),
        *(f"loading relationships: {n}/37 relationships ({100 * n // 37}%)" for n in rels),
        "loading document links: 20 links",
    ]
    monkeypatch.setenv("OCGRAPH_HOME", str(tmp_path / "other-home"))
    dumped = ocg("dump", "--replace")
    assert dumped.exit_code == 0, dumped.output
    assert dumped.stderr.splitlines() == [
        "reading nodes: 22/22 nodes (100%)",
        "reading relationships: 37/37 relationships (100%)",
    ]


def test_load_prune_removes_what_the_store_no_longer_has(loaded, tmp_path, monkeypatch):
    monkeypatch.setenv("OCGRAPH_HOME", str(tmp_path / "empty-home"))
    result = ocg("load", "--prune")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"loaded 0 nodes, 0 relationships, 0 document links into {loaded.uri} as neo4j",
        "pruned 22 nodes, 37 relationships, 0 document links the store no longer has",
    ]
    assert (
        ocg("dump", "--replace").stdout == f"dumped 0 entities and 0 relations from {loaded.uri} as neo4j\n"
    )


def test_query_formats(loaded):
    result = ocg("query", "leaders", "--param", "org=sinaloa cartel", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [
        {
            "organization": "Sinaloa Cartel",
            "leader": "Ismael Zambada García",
            "role": None,
            "status": None,
            "start": None,
            "end": None,
            "current": True,
        },
        {
            "organization": "Sinaloa Cartel",
            "leader": "Joaquín Guzmán Loera",
            "role": None,
            "status": "former",
            "start": None,
            "end": None,
            "current": False,
        },
    ]
    result = ocg("query", "leaderless", "--format", "csv")
    assert result.stdout == (
        "organization,former_leaders\nBeltrán Leyva Organization,[]\nGuerreros Unidos,[]\n"
        "Los Chapitos,[]\nLos Rojos,[]\n"
    )
    result = ocg("query", "rivals_allies", "--param", "actor=LOS CHAPITOS")
    assert result.stdout.splitlines() == [
        "actor         stance  other                   status  start  end",
        "------------  ------  ----------------------  ------  -----  ---",
        "Los Chapitos  rival   Aureliano Guzmán Loera",
        "Los Chapitos  rival   Ismael Zambada García",
    ]
    assert result.stderr == "(2 rows)\n"


def test_query_says_when_no_actor_matched(loaded):
    result = ocg("query", "members", "--param", "org=Nobody")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "(0 rows)\n"
        "no actor in Neo4j has the name or alias 'Nobody' (--param org; case and accents are ignored)\n"
    )
    # a group that exists but has no known members: no rows, and nothing more to say
    assert ocg("query", "members", "--param", "org=rojos").stderr == "(0 rows)\n"
    both = ocg(
        "query", "shortest_path", "--param", "source=El Mayo", "--param", "target=Nadie", "--format", "csv"
    )
    assert both.stderr == (
        "no actor in Neo4j has the name or alias 'Nadie' (--param target; case and accents are ignored)\n"
    )


def test_sparql_says_when_no_actor_matched(ocgraph_home):
    assert ocg("merge", str(FIXTURE)).exit_code == 0
    result = ocg("sparql", "members", "--param", "org=Nobody")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "(0 rows)\nno actor in the store has the name or alias 'Nobody' (--param org; case and accents are "
        "ignored)\n"
    )


def test_neighborhood_hops_above_five_is_cut_and_said(loaded):
    nine = ocg("query", "neighborhood", "--param", "actor=El Mayo", "--param", "hops=9", "--format", "csv")
    five = ocg("query", "neighborhood", "--param", "actor=El Mayo", "--param", "hops=5", "--format", "csv")
    assert nine.exit_code == 0, nine.output
    assert nine.stderr == "--param hops=9 is outside 1..5: cut to 5\n"
    assert nine.stdout == five.stdout and five.stderr == ""
    # the seed facts reach 4 hops from El Mayo at most, so 5 hops gives more than 2
    assert nine.stdout.count("\n") > ocg("query", "neighborhood", "--param", "actor=El Mayo").stdout.count(
        "\n"
    )
    listing = ocg("query", "--list").stdout
    assert "--param hops=...  how many hops (1 to 5, default 2)" in listing


def test_cypher_write_prints_what_the_server_changed(neo4j_env):
    created = ocg("cypher", "--write", "CREATE (:Scratch {v: 1})-[:LINK]->(:Scratch {v: 2})")
    assert created.exit_code == 0, created.output
    assert (created.stdout, created.stderr) == (
        "",
        "nodes created: 2, relationships created: 1, properties set: 2, labels added: 2\n",
    )
    deleted = ocg("cypher", "--write", "MATCH (n:Scratch) DETACH DELETE n")
    assert (deleted.stdout, deleted.stderr) == ("", "nodes deleted: 2, relationships deleted: 1\n")
    nothing = ocg("cypher", "--write", "MATCH (n:Scratch) RETURN count(n) AS n", "--format", "csv")
    assert (nothing.stdout, nothing.stderr) == ("n\n0\n", "no changes\n")


def test_query_list_names_every_query(neo4j_env):
    result = ocg("query", "--list")
    assert result.exit_code == 0
    names = [line.split()[0] for line in result.stdout.splitlines() if not line.startswith(" ")]
    queries = Path(__file__).resolve().parents[2] / "queries"
    assert names == [p.stem for p in sorted(queries.glob("*.cypher"))]
    assert len(names) == 11


def test_cypher_is_read_only_unless_write(neo4j_env):
    one_line_error(ocg("cypher", "CREATE (n:Scratch {v: 1}) RETURN n.v"), "read access mode")
    assert ocg("cypher", "MATCH (n:Scratch) RETURN count(n) AS n", "--format", "csv").stdout == "n\n0\n"
    result = ocg("cypher", "CREATE (n:Scratch {v: $v}) RETURN n.v AS v", "--param", "v=1", "--write")
    assert result.exit_code == 0, result.output
    assert ocg("cypher", "MATCH (n:Scratch) RETURN n.v AS v", "--format", "csv").stdout == "v\n1\n"


def test_injection_parameter_matches_literally(neo4j_env):
    name = "x\"}) DETACH DELETE n //'; MATCH (m) DELETE m"
    result = ocg(
        "cypher",
        "CREATE (n:Scratch {name: $name}) RETURN n.name AS name",
        "--param",
        f"name={name}",
        "--write",
        "--format",
        "json",
    )
    assert json.loads(result.stdout) == [{"name": name}]
    result = ocg(
        "cypher",
        "MATCH (n:Scratch {name: $name}) RETURN count(n) AS n",
        "--param",
        f"name={name}",
        "--format",
        "csv",
    )
    assert result.stdout == "n\n1\n"


def test_unknown_query_and_bad_parameters(neo4j_env):
    one_line_error(ocg("query", "no_such_query"), "unknown cypher query 'no_such_query'", "members")
    one_line_error(ocg("query", "members"), "needs --param org=")
    one_line_error(ocg("query", "members", "--param", "team=x"), "no parameter 'team'")
    one_line_error(ocg("query", "neighborhood", "--param", "actor=x", "--param", "hops=two"), "whole number")
    one_line_error(ocg("query", "members", "--param", "org"), "key=value")


def test_wrong_password(neo4j_env, monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", "not-the-password")
    one_line_error(ocg("cypher", "RETURN 1"), "refused the password for user 'neo4j'")
    one_line_error(ocg("load"), "refused the password")


def test_too_many_wrong_passwords_say_wait_and_retry(neo4j_env, monkeypatch):
    right = neo4j_env.password
    monkeypatch.setenv("NEO4J_PASSWORD", "not-the-password")
    # the server locks a user after dbms.security.auth_max_failed_attempts (3) wrong passwords in a
    # row; an earlier test may have given some already
    for _ in range(3):
        one_line_error(ocg("cypher", "RETURN 1"), f"Neo4j at {neo4j_env.uri} ")
    monkeypatch.setenv("NEO4J_PASSWORD", right)
    one_line_error(
        ocg("cypher", "RETURN 1"),
        f"Neo4j at {neo4j_env.uri} locked user 'neo4j' for a moment after too many wrong passwords in a row: "
        "wait a few seconds (5 by default) and retry with the right one",
    )
    # and it is so: after the lock time the right password works again (the next tests need it)
    deadline = time.monotonic() + 30
    while (
        result := ocg("cypher", "RETURN 1 AS x", "--format", "csv")
    ).exit_code and time.monotonic() < deadline:
        time.sleep(1)
    assert result.stdout == "x\n1\n"


def test_server_down(neo4j_env, monkeypatch):
    port = free_port()
    monkeypatch.setenv("NEO4J_URI", f"bolt://127.0.0.1:{port}")
    one_line_error(ocg("cypher", "RETURN 1"), f"cannot reach Neo4j at bolt://127.0.0.1:{port}")
    one_line_error(ocg("query", "leaderless"), "cannot reach Neo4j")


def test_bad_uri(neo4j_env, monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "http://127.0.0.1:7474")
    one_line_error(ocg("cypher", "RETURN 1"), "must start with one of bolt://")


def test_the_local_server_is_the_default(neo4j_server, neo4j_db, monkeypatch):
    """No NEO4J_* at all: commands use the data directory's server and its generated password."""
    for var in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("OCGRAPH_HOME", str(neo4j_server.root.parent))
    result = ocg("cypher", "RETURN 40 + 2 AS answer", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout == "answer\n42\n"
    status = ocg("neo4j", "status")
    pid = neo4j_server.status().pid
    http = neo4j_server.status().http_port
    assert status.stdout == (
        f"running: Neo4j 5.26.0 at bolt://127.0.0.1:{neo4j_server.port}, pid {pid}, "
        f"data in {neo4j_server.root}\n"
        f"Neo4j Browser: http://127.0.0.1:{http}/browser/?dbms=bolt://neo4j@127.0.0.1:{neo4j_server.port} "
        f"(user neo4j, password in {neo4j_server.root / 'password'})\n"
    )
    assert ocg("neo4j", "start").stdout == status.stdout  # starting twice is harmless


def test_server_files_and_loopback_only(neo4j_server):
    assert neo4j_server.password_file.stat().st_mode & 0o777 == 0o600
    port = f"{neo4j_server.port:04X}"
    listening = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            if local.endswith(":" + port) and state == "0A":
                listening.append(local.rpartition(":")[0])
    # 127.0.0.1 only (Java may show it as the IPv4-mapped ::ffff:127.0.0.1); no wildcard listener
    assert len(listening) == 1 and listening[0] in ("0100007F", "0000000000000000FFFF00000100007F")
