"""Fixtures for the Neo4j tests: an emptied database on the session server, and a driver to it."""

from __future__ import annotations

import pytest

from ocgraph.graph import neo4j_connect


@pytest.fixture(scope="session")
def neo4j_settings(neo4j_server) -> neo4j_connect.ConnectionSettings:
    """How to reach the session's server (the password read once, before any test changes the env)."""
    return neo4j_connect.ConnectionSettings(neo4j_server.uri, "neo4j", neo4j_server.password())


@pytest.fixture(scope="session")
def neo4j_session_driver(neo4j_settings):
    drv = neo4j_connect.driver(neo4j_settings)
    yield drv
    drv.close()


@pytest.fixture
def neo4j_db(neo4j_session_driver, neo4j_settings):
    """An open driver to an empty database (every node and relationship deleted first)."""
    neo4j_connect.run(neo4j_session_driver, neo4j_settings, "MATCH (n) DETACH DELETE n", write=True)
    return neo4j_session_driver


@pytest.fixture
def neo4j_env(neo4j_db, neo4j_settings, monkeypatch: pytest.MonkeyPatch):
    """The NEO4J_* variables pointing at the session's (emptied) server, for CLI tests."""
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.uri)
    monkeypatch.setenv("NEO4J_USERNAME", "neo4j")
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.password)
    monkeypatch.delenv("NEO4J_DATABASE", raising=False)
    return neo4j_settings
