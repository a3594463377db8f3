"""Writes the OWL ontology, the SHACL shapes and the README data-model tables from schema.toml."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import Path

from ocgraph.ontology import Ontology, OntologyError, Property, load

HERE = Path(__file__).resolve().parent
OWL_FILE = HERE / "ocgraph.ttl"
SHAPES_FILE = HERE / "shapes.ttl"
README_START = "<!-- model-table:start -->"
README_END = "<!-- model-table:end -->"
SHAPES_PREFIX = "ocgsh"
HEADER = "# Generated from ontology/schema.toml by `make ontology` (ocgraph.ontology.derive). Do not edit."

_PLAIN_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


class _Turtle:
    """Formats terms as Turtle, with CURIEs for the declared prefixes."""

    def __init__(self, onto: Ontology, extra: dict[str, str] | None = None) -> None:
        self.prefixes = {onto.prefix: onto.namespace, **dict(sorted(onto.prefixes.items())), **(extra or {})}
        self.onto = onto

    def iri(self, iri: str) -> str:
        # the longest namespace wins, so "ocgsh:" is used for shapes rather than "ocg:" + "sh..."
        for prefix, ns in sorted(self.prefixes.items(), key=lambda kv: -len(kv[1])):
            if iri.startswith(ns) and _PLAIN_LOCAL.match(iri[len(ns) :]):
                return f"{prefix}:{iri[len(ns) :]}"
        return f"<{iri}>"

    def curie(self, curie: str) -> str:
        return self.iri(self.expand(curie))

    def expand(self, curie: str) -> str:
        prefix, _, local = curie.partition(":")
        if prefix in self.prefixes:
            return self.prefixes[prefix] + local
        return self.onto.expand(curie)

    @staticmethod
    def text(value: str) -> str:
        escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        return f'"{escaped}"'

    def header(self) -> list[str]:
        return [HEADER, *(f"@prefix {p}: <{ns}> ." for p, ns in self.prefixes.items()), ""]


def _block(subject: str, pairs: Iterable[tuple[str, str]]) -> list[str]:
    """A Turtle subject block: `subject p1 o1 ;\n    p2 o2 .`, one predicate-object pair per line."""
    pairs = list(pairs)
    lines = [subject]
    for i, (p, o) in enumerate(pairs):
        lines.append(f"    {p} {o} {'.' if i == len(pairs) - 1 else ';'}")
    return [*lines, ""]


def _objects(values: Iterable[str]) -> str:
    return ", ".join(values)


def _class_expr(t: _Turtle, onto: Ontology, names: Iterable[str]) -> str:
    iris = [t.iri(onto.types[n].iri) for n in names]
    if len(iris) == 1:
        return iris[0]
    return f"[ a owl:Class ; owl:unionOf ( {' '.join(iris)} ) ]"


def _datatype_properties(onto: Ontology) -> dict[str, list[tuple[str, Property]]]:
    """Every property IRI -> the (kind, property) pairs declaring it (one IRI may serve nodes and edges)."""
    found: dict[str, list[tuple[str, Property]]] = {}
    for kind, props in (
        ("node", onto.node_properties),
        ("edge", onto.edge_properties),
        ("evidence", onto.evidence_properties),
    ):
        for prop in props.values():
            found.setdefault(onto.expand(prop.iri), []).append((kind, prop))
    return dict(sorted(found.items()))


def owl_text(onto: Ontology) -> str:
    """The OWL ontology in Turtle: classes, object properties (predicates) and datatype properties."""
    t = _Turtle(onto)
    lines = t.header()
    base = onto.namespace.rstrip("#/")
    lines += _block(
        f"<{base}>",
        [
            ("a", "owl:Ontology"),
            ("rdfs:label", t.text(onto.title)),
            ("owl:versionInfo", t.text(onto.version)),
        ],
    )
    lines.append("# ---- node types (skos:notation is the Neo4j label)")
    lines.append("")
    for node in onto.types.values():
        pairs = [
            ("a", "owl:Class"),
            ("rdfs:label", t.text(node.name)),
            ("rdfs:comment", t.text(node.comment)),
            ("skos:notation", t.text(node.label)),
        ]
        if node.subclass_of:
            pairs.append(("rdfs:subClassOf", _objects(t.curie(c) for c in node.subclass_of)))
        if node.equivalent:
            pairs.append(("owl:equivalentClass", _objects(t.curie(c) for c in node.equivalent)))
        lines += _block(t.iri(node.iri), pairs)
    lines.append("# ---- classes of the RDF form only: a relation reified, and its evidence")
    lines.append("")
    for cls in onto.rdf_classes.values():
        pairs = [("a", "owl:Class"), ("rdfs:label", t.text(cls.name)), ("rdfs:comment", t.text(cls.comment))]
        if cls.subclass_of:
            pairs.append(("rdfs:subClassOf", _objects(t.curie(c) for c in cls.subclass_of)))
        lines += _block(t.iri(cls.iri), pairs)
    lines.append("# ---- predicates (skos:notation is the Neo4j relationship type)")
    lines.append("")
    for pred in onto.predicates.values():
        kinds = "owl:ObjectProperty, owl:SymmetricProperty" if pred.symmetric else "owl:ObjectProperty"
        pairs = [
            ("a", kinds),
            ("rdfs:label", t.text(pred.name)),
            ("rdfs:comment", t.text(pred.comment)),
            ("skos:notation", t.text(pred.rel_type)),
            ("rdfs:domain", _class_expr(t, onto, pred.domain)),
            ("rdfs:range", _class_expr(t, onto, pred.range)),
        ]
        if pred.subproperty_of:
            pairs.append(("rdfs:subPropertyOf", _objects(t.curie(c) for c in pred.subproperty_of)))
        lines += _block(t.iri(pred.iri), pairs)
    lines.append("# ---- properties of nodes, edges (on ocg:Assertion) and evidence (on ocg:Evidence)")
    lines.append("# Terms of other vocabularies are only declared, not redefined.")
    lines.append("")
    for iri, uses in _datatype_properties(onto).items():
        prop = uses[0][1]
        is_object = prop.datatype == "iri"
        pairs = [("a", "owl:ObjectProperty" if is_object else "owl:DatatypeProperty")]
        if iri.startswith(onto.namespace):
            names = sorted({p.name for _, p in uses})
            pairs += [("rdfs:label", t.text(" / ".join(names))), ("rdfs:comment", t.text(prop.comment))]
            domains = sorted(
                {{"node": "", "edge": "ocg:Assertion", "evidence": "ocg:Evidence"}[k] for k, _ in uses}
            )
            if domains and "" not in domains and len(domains) == 1:
                pairs.append(("rdfs:domain", domains[0]))
            if not is_object:
                pairs.append(("rdfs:range", t.curie(prop.datatype)))
        lines += _block(t.iri(iri), pairs)
    return "\n".join(lines).rstrip("\n") + "\n"


def _shape(onto: Ontology, name: str) -> str:
    return f"{SHAPES_PREFIX}:{name}"


def _property_constraints(t: _Turtle, prop: Property) -> list[tuple[str, str]]:
    pairs = []
    if prop.datatype == "iri":
        pairs.append(("sh:nodeKind", "sh:IRI"))
    else:
        pairs.append(("sh:datatype", t.curie(prop.datatype)))
    if prop.required:
        pairs.append(("sh:minCount", "1"))
    if not prop.many:
        pairs.append(("sh:maxCount", "1"))
    if prop.pattern:
        pairs.append(("sh:pattern", t.text(prop.pattern)))
    if prop.values:
        pairs.append(("sh:in", f"( {' '.join(t.text(v) for v in prop.values)} )"))
    if prop.min is not None:
        pairs.append(("sh:minInclusive", f'"{prop.min}"^^xsd:decimal'))
    if prop.max is not None:
        pairs.append(("sh:maxInclusive", f'"{prop.max}"^^xsd:decimal'))
    return pairs


def _expected(prop: Property) -> str:
    """What a property must hold, in words, for sh:message."""
    kind = {
        "xsd:string": "text",
        "xsd:decimal": "a number",
        "xsd:integer": "a whole number",
        "iri": "a node (IRI)",
    }
    words = kind.get(prop.datatype, prop.datatype)
    if prop.values:
        words = "one of " + ", ".join(prop.values)
    elif prop.pattern:
        words += f" matching {prop.pattern}"
    if prop.min is not None and prop.max is not None:
        words += f" from {prop.min} to {prop.max}"
    if prop.required:
        words += ", exactly one value" if not prop.many else ", at least one value"
    elif not prop.many:
        words += ", at most one value"
    return words


def _or_words(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def _types_in_words(names: Iterable[str]) -> str:
    names = list(names)
    article = "an" if names[0][0] in "AEIOU" else "a"
    return f"{article} {_or_words(names)}"


def _edge_property_predicates(t: _Turtle, onto: Ontology) -> list[str]:
    """One shape per edge property that not every predicate takes: the assertions carrying it must have
    one of the predicates that declare it in schema.toml (the model refuses the others; RDF from
    elsewhere is checked here). The target is every node with the property, so a node or evidence
    property sharing its IRI is a focus node too, but it has no rdf:predicate and passes.
    """
    lines = []
    for prop in onto.edge_properties.values():
        if prop.name in onto.common_edge_properties:
            continue
        allowed = [p for p in onto.predicates.values() if prop.name in p.properties]
        where = f"only goes on {_or_words([p.name for p in allowed])}" if allowed else "goes on no predicate"
        lines += _block(
            _shape(onto, f"Edge-{prop.name}-predicates"),
            [
                ("a", "sh:PropertyShape"),
                ("sh:targetSubjectsOf", t.curie(prop.iri)),
                ("sh:path", "rdf:predicate"),
                ("sh:in", f"( {' '.join(t.iri(p.iri) for p in allowed)} )" if allowed else "()"),
                ("sh:message", t.text(f"{prop.name} ({prop.iri}) {where}")),
            ],
        )
    return lines


def shapes_text(onto: Ontology) -> str:
    """The SHACL shapes in Turtle: node types, domains and ranges, assertions, evidence, edge properties.

    An edge property that not every predicate takes also gets a shape listing the predicates it goes on.
    """
    shapes_ns = onto.namespace.rstrip("#") + "/shapes#"
    t = _Turtle(onto, {SHAPES_PREFIX: shapes_ns})
    lines = t.header()
    lines.append("# ---- property shapes, shared by the node shapes below (named, so reports point at them)")
    lines.append("")
    groups = (
        ("node", onto.node_properties, "Node"),
        ("edge", onto.edge_properties, "Edge"),
        ("evidence", onto.evidence_properties, "Evidence"),
    )
    for _, props, tag in groups:
        for prop in props.values():
            pairs = [("a", "sh:PropertyShape"), ("sh:path", t.curie(prop.iri))]
            pairs += _property_constraints(t, prop)
            pairs.append(("sh:message", t.text(f"{prop.name} ({prop.iri}) must be {_expected(prop)}")))
            lines += _block(_shape(onto, f"{tag}-{prop.name}"), pairs)
    node_refs = _objects(_shape(onto, f"Node-{p}") for p in onto.node_properties)
    lines.append("# ---- one shape per node type: a name, and every property with its datatype")
    lines.append("")
    for node in onto.types.values():
        lines += _block(
            _shape(onto, node.name),
            [("a", "sh:NodeShape"), ("sh:targetClass", t.iri(node.iri)), ("sh:property", node_refs)],
        )
    lines.append("# ---- each predicate: the subject must be in its domain, the object in its range")
    lines.append("")
    for pred in onto.predicates.values():
        p = t.iri(pred.iri)
        domain = " ".join(f"[ sh:class {t.iri(onto.types[n].iri)} ]" for n in pred.domain)
        lines += _block(
            _shape(onto, f"{pred.name}-domain"),
            [
                ("a", "sh:NodeShape"),
                ("sh:targetSubjectsOf", p),
                ("sh:or", f"( {domain} )"),
                ("sh:message", t.text(f"{pred.name} must point from {_types_in_words(pred.domain)}")),
            ],
        )
        range_ = " ".join(f"[ sh:class {t.iri(onto.types[n].iri)} ]" for n in pred.range)
        lines += _block(
            _shape(onto, f"{pred.name}-range"),
            [
                ("a", "sh:PropertyShape"),
                ("sh:targetSubjectsOf", p),
                ("sh:path", p),
                ("sh:or", f"( {range_} )"),
                ("sh:message", t.text(f"{pred.name} must point to {_types_in_words(pred.range)}")),
            ],
        )
        if pred.pairs:
            options = " ".join(
                f"[ sh:class {t.iri(onto.types[a].iri)} ; sh:property [ sh:path {p} ; "
                f"sh:class {t.iri(onto.types[b].iri)} ] ]"
                for a, b in pred.pairs
            )
            allowed = "; ".join(f"{a} to {b}" for a, b in pred.pairs)
            lines += _block(
                _shape(onto, f"{pred.name}-pairs"),
                [
                    ("a", "sh:NodeShape"),
                    ("sh:targetSubjectsOf", p),
                    ("sh:or", f"( {options} )"),
                    ("sh:message", t.text(f"{pred.name} only links {allowed}")),
                ],
            )
    lines.append("# ---- the reified assertions and their evidence")
    lines.append("")
    preds = " ".join(t.iri(p.iri) for p in onto.predicates.values())
    statement = [
        ("sh:path", "rdf:subject", "sh:nodeKind sh:IRI", "exactly one rdf:subject (an entity)"),
        ("sh:path", "rdf:object", "sh:nodeKind sh:IRI", "exactly one rdf:object (an entity)"),
        ("sh:path", "rdf:predicate", f"sh:in ( {preds} )", "exactly one rdf:predicate from the ontology"),
    ]
    parts = [
        f"[ sh:path {path} ; {rule} ; sh:minCount 1 ; sh:maxCount 1 ; "
        f"sh:message {t.text('an assertion needs ' + why)} ]"
        for _, path, rule, why in statement
    ]
    edge_refs = [_shape(onto, f"Edge-{p}") for p in onto.edge_properties]
    lines += _block(
        _shape(onto, "Assertion"),
        [
            ("a", "sh:NodeShape"),
            ("sh:targetClass", t.iri(onto.rdf_classes["Assertion"].iri)),
            ("sh:property", _objects([*parts, *edge_refs])),
        ],
    )
    lines += _block(
        _shape(onto, "Evidence"),
        [
            ("a", "sh:NodeShape"),
            ("sh:targetClass", t.iri(onto.rdf_classes["Evidence"].iri)),
            ("sh:property", _objects(_shape(onto, f"Evidence-{p}") for p in onto.evidence_properties)),
        ],
    )
    common = ", ".join(onto.common_edge_properties)
    lines.append(f"# ---- the predicates each edge property belongs to ({common} go on any)")
    lines.append("")
    lines += _edge_property_predicates(t, onto)
    return "\n".join(lines).rstrip("\n") + "\n"


def readme_tables(onto: Ontology) -> str:
    """The README's data-model tables (predicates, then node types) as Markdown."""
    t = _Turtle(onto)
    rows = [
        "| predicate | domain → range | symmetric | Neo4j type | RDF IRI |",
        "|---|---|---|---|---|",
    ]
    for pred in onto.predicates.values():
        if pred.pairs:
            span = "; ".join(f"{a} → {b}" for a, b in pred.pairs)
        else:
            arrow = " ↔ " if pred.symmetric else " → "
            span = " \\| ".join(pred.domain) + arrow + " \\| ".join(pred.range)
        rows.append(
            f"| `{pred.name}` | {span} | {'yes' if pred.symmetric else 'no'} "
            f"| `{pred.rel_type}` | `{t.iri(pred.iri)}` |"
        )
    rows += ["", "| node type | Neo4j label | id prefix | RDF IRI | aligned with |", "|---|---|---|---|---|"]
    for node in onto.types.values():
        aligned = [f"≡ `{c}`" for c in node.equivalent] + [f"⊑ `{c}`" for c in node.subclass_of]
        rows.append(
            f"| {node.name} | `{node.label}` | `{node.id_prefix}/` "
            f"| `{t.iri(node.iri)}` | {', '.join(aligned)} |"
        )
    return "\n".join(rows) + "\n"


def update_readme(text: str, onto: Ontology) -> str:
    """`text` with the part between the model-table markers replaced by fresh tables."""
    start, end = text.find(README_START), text.find(README_END)
    if start < 0 or end < start:
        raise OntologyError(f"README.md lacks the markers {README_START} ... {README_END}")
    return text[: start + len(README_START)] + "\n" + readme_tables(onto) + text[end:]


def main(argv: list[str] | None = None) -> int:
    """Rewrite ocgraph.ttl, shapes.ttl and README.md's tables; print what changed."""
    onto = load()
    readme = HERE.parent / "README.md"
    targets = [(OWL_FILE, owl_text(onto)), (SHAPES_FILE, shapes_text(onto))]
    if readme.is_file():
        targets.append((readme, update_readme(readme.read_text(encoding="utf-8"), onto)))
    for path, text in targets:
        old = path.read_text(encoding="utf-8") if path.is_file() else None
        if old != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
        else:
            print(f"unchanged {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
