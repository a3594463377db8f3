"""Runs the Examples in every module's docstrings, as networkx does."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

SUBPACKAGES = ["ocgraph.graph", "ocgraph.ontology", "ocgraph.loaders", "ocgraph.queries", "ocgraph.web"]


def _modules() -> list[str]:
    names = list(SUBPACKAGES)
    for package in SUBPACKAGES:
        path = importlib.import_module(package).__path__
        names += [m.name for m in pkgutil.walk_packages(path, package + ".")]
    return sorted(set(names))


MODULES = _modules()


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} doctest(s) failed in {name}"
