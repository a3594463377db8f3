"""Connection settings for any Neo4j (local, self-hosted, cluster or Aura) and one-line errors."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ocgraph.errors import InputError, ServiceError

SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
# what Neo4j answers, for `dbms.security.auth_lock_time` (5 s by default), once a user has given
# `dbms.security.auth_max_failed_attempts` (3) wrong passwords in a row, even to the right one
RATE_LIMIT = "Neo.ClientError.Security.AuthenticationRateLimit"


@dataclass(frozen=True)
class ConnectionSettings:
    """Where and as whom to connect; `database=None` means the server's default database."""

    uri: str
    username: str
    password: str
    database: str | None = None
    local: bool = False

    def describe(self) -> str:
        db = f", database {self.database}" if self.database else ""
        return f"{self.uri} as {self.username}{db}"


def resolve(
    uri: str | None = None,
    username: str | None = None,
    password: str | None = None,
    database: str | None = None,
    data_home: os.PathLike[str] | str | None = None,
) -> ConnectionSettings:
    """Settings from the arguments, else `NEO4J_URI`/`NEO4J_USERNAME`/`NEO4J_PASSWORD`/`NEO4J_DATABASE`.

    With no URI anywhere, the project's local server (`ocgraph neo4j start`) is used, with its
    generated password unless `NEO4J_PASSWORD` is set.
    """
    uri = uri or os.environ.get("NEO4J_URI")
    username = username or os.environ.get("NEO4J_USERNAME") or "neo4j"
    password = password or os.environ.get("NEO4J_PASSWORD")
    database = database or os.environ.get("NEO4J_DATABASE") or None
    local = False
    if not uri:
        from pathlib import Path

        from ocgraph import settings
        from ocgraph.graph.neo4j_server import LocalServer

        server = LocalServer(Path(data_home) if data_home else settings.data_home())
        uri, local = server.uri, True
        password = password or server.password()
    scheme = uri.partition("://")[0].lower()
    if scheme not in SCHEMES or "://" not in uri:
        raise InputError(f"Neo4j URI {uri!r} must start with one of {', '.join(s + '://' for s in SCHEMES)}")
    if not password:
        raise InputError(f"no password for {uri}: set NEO4J_PASSWORD or pass --password")
    return ConnectionSettings(uri, username, password, database, local)


@contextlib.contextmanager
def neo4j_errors(cs: ConnectionSettings) -> Iterator[None]:
    """Turn the driver's exceptions into one-line ServiceErrors that name the server."""
    from neo4j import exceptions as ex

    try:
        yield
    except ex.AuthError:
        raise ServiceError(f"Neo4j at {cs.uri} refused the password for user {cs.username!r}") from None
    except (ex.ServiceUnavailable, ex.SessionExpired, OSError) as exc:
        hint = " (start it with `ocgraph neo4j start`)" if cs.local else ""
        reason = (str(exc).splitlines()[0].rstrip(": ") if str(exc) else "") or type(exc).__name__
        raise ServiceError(f"cannot reach Neo4j at {cs.uri}{hint}: {reason}") from None
    except ex.Neo4jError as exc:
        if exc.code == RATE_LIMIT:
            raise ServiceError(
                f"Neo4j at {cs.uri} locked user {cs.username!r} for a moment after too many wrong "
                "passwords in a row: wait a few seconds (5 by default) and retry with the right one"
            ) from None
        message = " ".join((exc.message or str(exc)).split())
        raise ServiceError(f"Neo4j refused the request ({exc.code}): {message}") from None
    except ex.DriverError as exc:
        raise ServiceError(f"Neo4j driver error for {cs.uri}: {' '.join(str(exc).split())}") from None


def driver(cs: ConnectionSettings, **config: Any):  # -> neo4j.Driver
    """An open, verified driver; a wrong password or a server that is down raises ServiceError."""
    import neo4j

    with neo4j_errors(cs):
        # the server's hints (e.g. "property key does not exist" for an empty graph) are not errors
        config.setdefault("notifications_min_severity", "OFF")
        drv = neo4j.GraphDatabase.driver(cs.uri, auth=(cs.username, cs.password), **config)
        try:
            drv.verify_connectivity()
        except BaseException:
            drv.close()
            raise
    return drv


COUNTERS = (
    "nodes_created",
    "nodes_deleted",
    "relationships_created",
    "relationships_deleted",
    "properties_set",
    "labels_added",
    "labels_removed",
    "indexes_added",
    "indexes_removed",
    "constraints_added",
    "constraints_removed",
)


def run(
    drv: Any,
    cs: ConnectionSettings,
    query: str,
    parameters: dict[str, Any] | None = None,
    write: bool = False,
) -> tuple[list[str], list[list[Any]]]:
    """Run one query in a managed transaction; READ mode unless `write`, so the server refuses writes.

    Returns the column names and the rows, with nodes, relationships and paths as plain values.
    """
    columns, rows, _ = execute(drv, cs, query, parameters, write)
    return columns, rows


def execute(
    drv: Any,
    cs: ConnectionSettings,
    query: str,
    parameters: dict[str, Any] | None = None,
    write: bool = False,
) -> tuple[list[str], list[list[Any]], dict[str, int]]:
    """`run`, and the server's counters of what the query changed (only those above zero)."""
    import neo4j

    def work(tx: Any) -> tuple[list[str], list[list[Any]], dict[str, int]]:
        result = tx.run(query, parameters or {})
        keys = list(result.keys())
        rows = [[plain(v) for v in record.values()] for record in result]
        counters = result.consume().counters
        return keys, rows, {c: getattr(counters, c) for c in COUNTERS if getattr(counters, c)}

    mode = neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS
    with neo4j_errors(cs), drv.session(database=cs.database, default_access_mode=mode) as session:
        return session.execute_write(work) if write else session.execute_read(work)


def describe_changes(changes: dict[str, int]) -> str:
    """The counters as a line: ``nodes deleted: 2, relationships deleted: 3``, or ``no changes``.

    >>> describe_changes({"nodes_deleted": 2, "relationships_deleted": 3}), describe_changes({})
    ('nodes deleted: 2, relationships deleted: 3', 'no changes')
    """
    return ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in changes.items()) or "no changes"


def plain(value: Any) -> Any:
    """A driver value as JSON-ready Python: nodes and relationships become dicts, paths lists."""
    from neo4j import graph, time

    if isinstance(value, graph.Node):
        return {"labels": sorted(value.labels), **dict(value)}
    if isinstance(value, graph.Relationship):
        return {"type": value.type, **dict(value)}
    if isinstance(value, graph.Path):
        return [plain(n) for n in value.nodes]
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (time.Date, time.DateTime, time.Time, time.Duration)):
        return value.iso_format()
    return value
