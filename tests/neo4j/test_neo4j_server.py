"""The local server's lifecycle through the CLI: start from nothing, status, start twice, stop."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from ocgraph.cli import main
from ocgraph.errors import ServiceError
from ocgraph.graph.neo4j_server import LocalServer, free_port

pytestmark = pytest.mark.neo4j


def ocg(*args: str):
    return CliRunner().invoke(main, list(args))


def test_a_busy_port_is_reported_before_anything_is_fetched(neo4j_server, tmp_path):
    other = LocalServer(tmp_path / "home", port=neo4j_server.port)
    with pytest.raises(ServiceError, match=f"port {neo4j_server.port} on 127.0.0.1 is already used"):
        other.start()
    assert not other.lib.exists()


def test_a_failed_start_gives_the_reason_from_the_log(neo4j_server, tmp_path):
    other = LocalServer(tmp_path / "home", port=free_port())
    other.root.mkdir(parents=True)
    other.lib.symlink_to(neo4j_server.lib, target_is_directory=True)  # no second Maven fetch
    other.log.write_text("ocgraph-neo4j ready on 127.0.0.1:1\n")  # an old run's line must not count
    reason = r"Neo4j exited while starting \(code 1\): .*Invalid (initial|maximum) heap size"
    with pytest.raises(ServiceError, match=reason):
        other.start(heap="lots")
    assert not other.status().running


@pytest.mark.slow
def test_start_status_stop_from_nothing(ocgraph_home, monkeypatch):
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    port = free_port()
    assert ocg("neo4j", "status").stdout == f"not running (data in {ocgraph_home / 'neo4j'})\n"
    started = ocg("neo4j", "start", "--port", str(port), "--heap", "512m")
    try:
        assert started.exit_code == 0, started.output
        assert started.stderr == "fetching Neo4j through Maven (first start only)...\n"
        assert started.stdout.startswith(f"running: Neo4j 5.26.0 at bolt://127.0.0.1:{port}, pid ")
        assert (ocgraph_home / "neo4j" / "lib" / "neo4j-5.26.0.jar").exists()
        assert (ocgraph_home / "neo4j" / "password").stat().st_mode & 0o777 == 0o600
        assert ocg("neo4j", "status").stdout == started.stdout
        assert ocg("neo4j", "start").stdout == started.stdout  # harmless, same pid
        result = ocg("cypher", "RETURN 1 AS one", "--format", "csv")
        assert result.stdout == "one\n1\n", result.output
    finally:
        stopped = ocg("neo4j", "stop")
    assert stopped.stdout == "stopped\n"
    assert ocg("neo4j", "stop").stdout == "not running\n"
    assert ocg("neo4j", "status").stdout == f"not running (data in {ocgraph_home / 'neo4j'})\n"
    result = ocg("cypher", "RETURN 1")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: cannot reach Neo4j at bolt://127.0.0.1:{port} (start it with")
