"""The `ocgraph` command: a thin click layer over the library."""

from __future__ import annotations

import importlib
import sys

import click

from ocgraph import __version__
from ocgraph.errors import OcgraphError

# Each module registers its commands on `main` when imported.  The list is explicit so
# `ocgraph --help` shows the same commands on every machine; heavy libraries (spaCy, the
# Neo4j driver, matplotlib) are imported inside the command functions, not here.
COMMAND_MODULES = [
    "ocgraph.cli.text_cmds",
    "ocgraph.cli.evaluate_cmds",
    "ocgraph.cli.read_cmds",
    "ocgraph.cli.analyze_cmds",
    "ocgraph.cli.store_cmds",
    "ocgraph.cli.neo4j_cmds",
    "ocgraph.cli.viz_cmds",
    "ocgraph.cli.review_cmds",
    "ocgraph.cli.serve_cmds",
]


class _Group(click.Group):
    """Turns every ocgraph error into one line on stderr and a non-zero exit."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except OcgraphError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("error: interrupted", err=True)
            sys.exit(130)
        except Exception as exc:  # the last resort: a bug still gets one line
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"error: internal error: {type(exc).__name__}: {exc} (rerun with --debug)", err=True)
            sys.exit(2)


def resolve(spec: str):
    """The function named by a registry entry `"module:function"`, imported only when needed."""
    module, _, func = spec.partition(":")
    return getattr(importlib.import_module(module), func)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 200})
@click.version_option(__version__, prog_name="ocgraph")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """ocgraph: a knowledge graph of criminal organizations and the policy actors who confront them."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


for _name in COMMAND_MODULES:
    importlib.import_module(_name)
