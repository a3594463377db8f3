"""ocgraph: a knowledge graph of criminal organizations and the policy actors who confront them."""

from pathlib import Path as _Path

__version__ = "0.1.0"

# Installed, `ocgraph.graph` lives in the package.  In a source checkout the user's top-level
# folders (graph/, ontology/, loaders/, queries/) are those subpackages, and this folder shadows
# the installed package whenever Python runs from the checkout's root (`python -m ...`,
# `python -m pytest`).  Searching the checkout's root too makes both cases import the same code.
_checkout = _Path(__file__).resolve().parent.parent
if (_checkout / "pyproject.toml").is_file() and (_checkout / "ontology" / "schema.toml").is_file():
    __path__.append(str(_checkout))
