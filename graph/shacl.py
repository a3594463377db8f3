"""SHACL validation of the RDF form of a graph, reported one line per violation in plain words."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import rdflib
from rdflib.namespace import RDF, SH

from ocgraph import ontology
from ocgraph.graph.rdf.vocab import vocab

__all__ = ["Violation", "shapes", "validate"]

SCHEMA_NAME = rdflib.URIRef("https://schema.org/name")


@dataclass(frozen=True, order=True)
class Violation:
    """One broken constraint: the node it is about (IRI and readable name) and what was expected."""

    focus: str
    name: str
    message: str

    def __str__(self) -> str:
        return f"{self.name}: {self.message}"


@cache
def _shapes_text() -> str:
    return resources.files("ocgraph.ontology").joinpath("shapes.ttl").read_text(encoding="utf-8")


def shapes() -> rdflib.Graph:
    """The SHACL shapes derived from schema.toml (ontology/shapes.ttl)."""
    return rdflib.Graph().parse(data=_shapes_text(), format="turtle")


def _short(node: rdflib.term.Node) -> str:
    """An entity IRI as its ocgraph id; a class or other IRI as its local name."""
    onto = ontology.load()
    text = str(node)
    if text.startswith(onto.entity_namespace):
        return text[len(onto.entity_namespace) :]
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _name(data: rdflib.Graph, node: rdflib.term.Node | None) -> str:
    """An entity's name, else its id; a predicate's name (member_of), else the IRI's local name."""
    name = data.value(node, SCHEMA_NAME) if node is not None else None
    return str(name) if name is not None else vocab().pred_by_iri.get(str(node)) or _short(node)


def _describe(data: rdflib.Graph, node: rdflib.term.Node) -> str:
    """`Name (id)` for an entity, `Assertion rel/... (subject predicate object)` for a reified one."""
    name = data.value(node, SCHEMA_NAME)
    if name is not None:
        return f"{name} ({_short(node)})"
    types = sorted(_short(t) for t in data.objects(node, RDF.type))
    text = f"{' '.join(types) or 'node'} {_short(node)}".strip()
    statement = [data.value(node, p) for p in (RDF.subject, RDF.predicate, RDF.object)]
    if any(part is not None for part in statement):
        text += f" ({' '.join('?' if part is None else _name(data, part) for part in statement)})"
    return text


def _types(data: rdflib.Graph, node: rdflib.term.Node) -> str:
    types = sorted(_short(t) for t in data.objects(node, RDF.type))
    return " and ".join(types) if types else "a node with no type"


def _found(
    data: rdflib.Graph, shape_graph: rdflib.Graph, report: rdflib.Graph, result: rdflib.term.Node
) -> str:
    focus = report.value(result, SH.focusNode)
    source = report.value(result, SH.sourceShape)
    value = report.value(result, SH.value)
    component = report.value(result, SH.sourceConstraintComponent)
    if isinstance(value, rdflib.Literal):
        kind = f" ({_short(value.datatype)})" if value.datatype else ""
        return f"found '{value!s}'{kind}"
    if value is not None and value != focus:
        if str(value) in vocab().pred_by_iri:
            return f"found {vocab().pred_by_iri[str(value)]}"
        if (value, None, None) in data:
            return f"found {_types(data, value)} {_describe(data, value)}"
        return f"found {_short(value)}, which the graph does not describe"
    if component == SH.MinCountConstraintComponent:
        return "found none"
    if component == SH.MaxCountConstraintComponent:
        return "found more than one"
    # a shape on the subjects of a predicate (domain, or allowed pairs): show what the edge links
    predicate = shape_graph.value(source, SH.targetSubjectsOf)
    if predicate is not None and str(source).endswith("-pairs"):
        ends = sorted({_types(data, o) for o in data.objects(focus, predicate)})
        return f"found {_types(data, focus)} to {' / '.join(ends)}"
    return f"found {_types(data, focus)}"


def validate(data: rdflib.Graph) -> list[Violation]:
    """Run the shapes over `data` (no inference); the violations, sorted by node name.

    Examples
    --------
    >>> from ocgraph.graph.model import KnowledgeGraph
    >>> from ocgraph.graph.rdf import to_rdflib
    >>> kg = KnowledgeGraph()
    >>> _ = kg.add_entity("Person", "Ismael Zambada García")
    >>> validate(to_rdflib(kg))
    []
    """
    import pyshacl  # heavy: only when validating

    shape_graph = shapes()
    _, report, _ = pyshacl.validate(
        data, shacl_graph=shape_graph, inference="none", abort_on_first=False, allow_warnings=True
    )
    found = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        source = report.value(result, SH.sourceShape)
        message = shape_graph.value(source, SH.message) or report.value(result, SH.resultMessage)
        if message is None:  # pragma: no cover - every shape in shapes.ttl carries sh:message
            message = "breaks a SHACL constraint"
        text = f"{message}, {_found(data, shape_graph, report, result)}"
        found.add(Violation(str(focus), _describe(data, focus), text))
    return sorted(found, key=lambda v: (v.name, v.message, v.focus))
