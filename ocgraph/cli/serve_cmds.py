"""The `serve` command: the analyst's workbench in a browser, over the store or Neo4j."""

from __future__ import annotations

import click

from ocgraph import settings
from ocgraph.cli import main
from ocgraph.cli.analyze_cmds import FROM
from ocgraph.cli.neo4j_cmds import _connection_options


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True, help="Port.")
@click.option(
    "--token",
    default=None,
    help="Access token; required for any host but 127.0.0.1 (generated and printed when not given).",
)
@click.option("--read-only", is_flag=True, help="Browse only: no review decisions.")
@FROM
@click.option("--author", default=None, help="Who reviews (default: $OCGRAPH_AUTHOR, then $USER).")
@_connection_options
def serve(
    host: str, port: int, token: str | None, read_only: bool, source: str, author: str | None, connection
) -> None:
    """Run the workbench: search, actor pages with evidence, graph, review, queries, fragmentation."""
    import uvicorn

    from ocgraph.graph.neo4j_server import LocalServer
    from ocgraph.web.app import create_app
    from ocgraph.web.security import needs_token, new_token
    from ocgraph.web.state import Workbench

    if needs_token(host) and not token:
        token = new_token()
    bench = Workbench(settings.data_home(), source, read_only, connection if source == "neo4j" else None)
    bench.snapshot()  # a store that cannot be read, or a Neo4j that is down, fails here in one line
    local = LocalServer(settings.data_home()).status()
    app = create_app(bench, host, token, author, local.browser_url if local.running else None)
    shown = f"[{host}]" if ":" in host else host
    address = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else shown}:{port}/"
    click.echo(f"ocgraph workbench on {address}{f'?token={token}' if token else ''} ({bench.describe()})")
    if read_only:
        click.echo("read-only: review is off")
    click.echo("stop it with Ctrl+C")
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False, proxy_headers=False)
