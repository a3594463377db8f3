"""RDF export and import: entities, direct triples, and a reified assertion per relation with its evidence."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple
from urllib.parse import quote, unquote

import pyoxigraph as ox
import rdflib
from rdflib.namespace import ClosedNamespace

from ocgraph import ontology
from ocgraph.errors import InputError, OcgraphError
from ocgraph.graph import rdf_text
from ocgraph.graph.ids import digest
from ocgraph.graph.model import Evidence, KnowledgeGraph

__all__ = [
    "FORMATS",
    "OCG",
    "Lit",
    "entity_iri",
    "evidence_iri",
    "from_rdflib",
    "from_triples",
    "guess_format",
    "parse",
    "prefixes",
    "read",
    "read_rdflib",
    "to_oxigraph",
    "to_rdflib",
    "triples",
    "write",
]

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = RDF + "type"
RDF_SUBJECT, RDF_PREDICATE, RDF_OBJECT = RDF + "subject", RDF + "predicate", RDF + "object"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
XSD_STRING = XSD + "string"

# format name (as `ocgraph export --format` spells it) -> pyoxigraph format
FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "trig": ox.RdfFormat.TRIG,
    "xml": ox.RdfFormat.RDF_XML,
}
_SUFFIXES = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".jsonld": "jsonld",
    ".json": "jsonld",
    ".trig": "trig",
    ".rdf": "xml",
    ".xml": "xml",
    ".owl": "xml",
}


class Lit(NamedTuple):
    """A literal: its lexical form and datatype IRI (None for a plain string, i.e. xsd:string)."""

    value: str
    datatype: str | None = None


# (subject IRI, predicate IRI, object IRI or literal); blank nodes are written "_:<label>"
Triple = tuple[str, str, "str | Lit"]


def _closed_namespace() -> ClosedNamespace:
    """Every `ocg:` term the ontology declares; any other name raises AttributeError."""
    onto = ontology.load()
    iris = [t.iri for t in onto.types.values()]
    iris += [p.iri for p in onto.predicates.values()]
    iris += [c.iri for c in onto.rdf_classes.values()]
    for prop in (
        *onto.node_properties.values(),
        *onto.edge_properties.values(),
        *onto.evidence_properties.values(),
    ):
        iris.append(onto.expand(prop.iri))
    terms = sorted({iri[len(onto.namespace) :] for iri in iris if iri.startswith(onto.namespace)})
    return ClosedNamespace(onto.namespace, terms)


OCG = _closed_namespace()


@dataclass(frozen=True)
class _Vocab:
    """The ontology's names and IRIs, both ways, for a fast export and import."""

    onto: ontology.Ontology
    type_iri: dict[str, str]
    type_by_iri: dict[str, str]
    pred_iri: dict[str, str]
    pred_by_iri: dict[str, str]
    node_iri: dict[str, str]
    node_by_iri: dict[str, str]
    edge_iri: dict[str, str]
    edge_by_iri: dict[str, str]
    ev_iri: dict[str, str]
    ev_by_iri: dict[str, str]
    assertion: str
    evidence: str


@cache
def _vocab() -> _Vocab:
    onto = ontology.load()

    def both(names: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
        return names, {iri: name for name, iri in names.items()}

    type_iri, type_by_iri = both({n: t.iri for n, t in onto.types.items()})
    pred_iri, pred_by_iri = both({n: p.iri for n, p in onto.predicates.items()})
    node_iri, node_by_iri = both({n: onto.expand(p.iri) for n, p in onto.node_properties.items()})
    edge_iri, edge_by_iri = both({n: onto.expand(p.iri) for n, p in onto.edge_properties.items()})
    ev_iri, ev_by_iri = both({n: onto.expand(p.iri) for n, p in onto.evidence_properties.items()})
    return _Vocab(
        onto,
        type_iri,
        type_by_iri,
        pred_iri,
        pred_by_iri,
        node_iri,
        node_by_iri,
        edge_iri,
        edge_by_iri,
        ev_iri,
        ev_by_iri,
        assertion=str(OCG.Assertion),
        evidence=str(OCG.Evidence),
    )


def prefixes() -> dict[str, str]:
    """The prefixes written into Turtle, TriG and RDF/XML: the ontology's own and those it declares."""
    onto = ontology.load()
    return {onto.prefix: onto.namespace, **dict(sorted(onto.prefixes.items()))}


# -- export ----------------------------------------------------------------------------------------


# ids are slugs and hex digests, so quoting (slow) is almost never needed
_PLAIN_ID = re.compile(r"[A-Za-z0-9/._~-]*").fullmatch


def entity_iri(eid: str) -> str:
    """The IRI of an entity, relation or evidence id (characters outside an id's alphabet are %-escaped).

    >>> entity_iri("person/joaquin-guzman-loera")
    'https://w3id.org/ocgraph/id/person/joaquin-guzman-loera'
    """
    if _PLAIN_ID(eid) is None:
        eid = quote(eid, safe="/-._~")
    return ontology.load().entity_namespace + eid


def evidence_iri(relation_id: str, ev: Evidence) -> str:
    """The IRI of one piece of evidence of one relation: a digest of both, so it is stable across runs."""
    key = digest(
        relation_id, ev.document, str(ev.start), str(ev.end), ev.sentence, ev.extractor, str(ev.confidence)
    )
    return entity_iri(f"evidence/{key}")


def _number_text(value: Any) -> str:
    if type(value) is int:
        return str(value)
    text = str(value)
    # plain decimal notation: str(1e-05) would not be a valid xsd:decimal
    return text if "e" not in text and "n" not in text else format(Decimal(text), "f")


def _literal(datatype: str, value: Any) -> tuple[str, str | None]:
    """Lexical form and datatype IRI (None for xsd:string) of a property value."""
    if datatype == "xsd:string":
        return str(value), None
    if datatype == "xsd:decimal":
        return _number_text(value), XSD + "decimal"
    if datatype == "xsd:integer":
        return str(int(value)), XSD + "integer"
    return str(value), XSD + datatype.partition(":")[2]


def _statements(
    kg: KnowledgeGraph, iri: Callable[[str], Any], lit: Callable[[str, str | None], Any]
) -> Iterator[Any]:
    """The triples of `kg` as (s, p, o) made by the term factories `iri` and `lit` (see `triples`).

    Each writer passes its own factories (plain strings, N-Triples text, pyoxigraph terms), so
    there is one mapping from the model to RDF. Terms that repeat are made once.
    """
    v = _vocab()
    onto = v.onto
    made: dict[str, Any] = {}

    def term(full: str) -> Any:
        found = made.get(full)
        if found is None:
            found = made[full] = iri(full)
        return found

    entities: dict[str, Any] = {}

    def entity(eid: str) -> Any:
        found = entities.get(eid)
        if found is None:
            found = entities[eid] = term(entity_iri(eid))
        return found

    def literal(datatype: str, value: Any) -> Any:
        return lit(*_literal(datatype, value))

    rdf_type = term(RDF_TYPE)
    types = {name: term(full) for name, full in v.type_iri.items()}
    preds = {name: term(full) for name, full in v.pred_iri.items()}
    node_props = {name: (term(full), onto.node_properties[name]) for name, full in v.node_iri.items()}
    edge_props = {name: (term(full), onto.edge_properties[name]) for name, full in v.edge_iri.items()}
    ev = {name: term(full) for name, full in v.ev_iri.items()}
    name_p, alias_p = node_props["name"][0], node_props["aliases"][0]

    outgoing: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for rel in kg.relations.values():
        outgoing[rel.subject].append((rel.predicate, rel.object))
    for eid in sorted(kg.entities):
        e = kg.entities[eid]
        s = entity(eid)
        yield s, rdf_type, types[e.type]
        yield s, name_p, lit(e.name, None)
        for alias in e.aliases:
            yield s, alias_p, lit(alias, None)
        for key in sorted(e.properties):
            p, prop = node_props[key]
            value = e.properties[key]
            for item in value if prop.many else [value]:
                yield s, p, literal(prop.datatype, item)
        # ordered by predicate IRI, then object id: the order does not depend on insertion
        for pred_name, obj in sorted(outgoing.get(eid, ()), key=lambda po: (v.pred_iri[po[0]], po[1])):
            yield s, preds[pred_name], entity(obj)

    assertion, evidence = term(v.assertion), term(v.evidence)
    subject_p, predicate_p, object_p = term(RDF_SUBJECT), term(RDF_PREDICATE), term(RDF_OBJECT)
    derived = term(PROV_DERIVED)
    for rid in sorted(kg.relations):
        rel = kg.relations[rid]
        a = iri(entity_iri(rid))
        yield a, rdf_type, assertion
        yield a, subject_p, entity(rel.subject)
        yield a, predicate_p, preds[rel.predicate]
        yield a, object_p, entity(rel.object)
        for key in sorted(rel.properties):
            p, prop = edge_props[key]
            value = rel.properties[key]
            for item in value if prop.many else [value]:
                yield a, p, literal(prop.datatype, item)
        nodes = [(iri(evidence_iri(rid, item)), item) for item in rel.evidence]
        for n, _ in nodes:
            yield a, derived, n
        for n, item in nodes:
            yield n, rdf_type, evidence
            yield n, ev["document"], entity(item.document)
            yield n, ev["sentence"], lit(item.sentence, None)
            yield n, ev["start"], literal("xsd:integer", item.start)
            yield n, ev["end"], literal("xsd:integer", item.end)
            yield n, ev["extractor"], lit(item.extractor, None)
            if item.confidence is not None:
                yield n, ev["confidence"], literal("xsd:decimal", item.confidence)


def triples(kg: KnowledgeGraph) -> Iterator[Triple]:
    """Every triple of `kg`, in a fixed order (entities by id, then relations by id).

    Each entity gives `rdf:type`, `schema:name`, one `schema:alternateName` per alias, its
    properties (IRIs from schema.toml) and the direct triples of the relations it is the subject
    of (`person ocg:memberOf crimorg`; a symmetric relation once, from the smaller id). Each
    relation then gives an `ocg:Assertion` node, IRI `.../id/rel/<hex>`, with `rdf:subject`,
    `rdf:predicate`, `rdf:object`, its edge properties and `prov:wasDerivedFrom` links to one
    `ocg:Evidence` node per piece of evidence (`prov:hadPrimarySource` the document,
    `ocg:sentence`, `ocg:startOffset`, `ocg:endOffset`, `ocg:extractor`, `ocg:confidence`).
    Every node has an IRI (no blank nodes), so the output is the same bytes on every run and
    reading it back gives the same graph.

    Examples
    --------
    >>> kg = KnowledgeGraph()
    >>> _ = kg.add_entity("State", "Mexico")
    >>> for s, p, o in triples(kg):
    ...     print(s.rsplit("/", 2)[-2:], p.rsplit("/", 1)[-1], o)
    ['state', 'mexico'] 22-rdf-syntax-ns#type https://w3id.org/ocgraph/ontology#State
    ['state', 'mexico'] name Lit(value='Mexico', datatype=None)
    """
    return _statements(kg, str, Lit)


# characters XML 1.0 cannot carry, even escaped
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _ox_terms(
    kg: KnowledgeGraph, xml_safe: bool = False
) -> Iterator[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]]:
    def literal(value: str, datatype: str | None) -> ox.Literal:
        if xml_safe and (bad := _NOT_XML.search(value)):
            raise InputError(
                f"the text {value[:40]!r} holds U+{ord(bad.group()):04X}, which RDF/XML cannot carry; "
                "export as turtle, nt, jsonld or trig instead"
            )
        return ox.Literal(value) if datatype is None else ox.Literal(value, datatype=datatypes[datatype])

    datatypes = {XSD + n: ox.NamedNode(XSD + n) for n in ("decimal", "integer", "anyURI", "string")}
    return _statements(kg, ox.NamedNode, literal)


def _ox_triples(kg: KnowledgeGraph, xml_safe: bool = False) -> Iterator[ox.Triple]:
    return (ox.Triple(s, p, o) for s, p, o in _ox_terms(kg, xml_safe))


def _ox_quads(kg: KnowledgeGraph) -> Iterator[ox.Quad]:
    default = ox.DefaultGraph()
    return (ox.Quad(s, p, o, default) for s, p, o in _ox_terms(kg))


def _rdflib_term(term: str | Lit) -> rdflib.term.Identifier:
    if isinstance(term, Lit):
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype) if term.datatype else None)
    if term.startswith("_:"):
        return rdflib.BNode(term[2:])
    return rdflib.URIRef(term)


def to_rdflib(kg: KnowledgeGraph) -> rdflib.Graph:
    """The graph as an rdflib Graph (same triples as `write`), with the ontology's prefixes bound."""
    g = rdflib.Graph()
    for prefix, ns in prefixes().items():
        g.bind(prefix, ns, override=True)
    g.addN((_rdflib_term(s), _rdflib_term(p), _rdflib_term(o), g) for s, p, o in triples(kg))
    return g


def to_oxigraph(kg: KnowledgeGraph) -> ox.Store:
    """The graph loaded into an in-memory pyoxigraph Store (default graph), ready for SPARQL."""
    store = ox.Store()
    store.bulk_extend(_ox_quads(kg))
    return store


def write(kg: KnowledgeGraph, out: BinaryIO, format: str) -> None:
    """Serialise `kg` to `out` as turtle, nt, jsonld, trig or xml, streaming and byte-for-byte repeatable.

    TriG puts every triple in the default graph (the evidence is reified, not in named graphs).
    """
    try:
        fmt = FORMATS[format]
    except KeyError:
        raise InputError(f"unknown RDF format {format!r} (known: {', '.join(FORMATS)})") from None
    # Text formats are written by our own streaming writers (2-3x faster than building
    # pyoxigraph terms in Python); TriG is Turtle, with every triple in the default graph.
    onto = ontology.load()
    if format == "nt":
        rdf_text.write_lines(_statements(kg, rdf_text.nt_iri, rdf_text.nt_literal), out)
        return
    if format in ("turtle", "trig"):
        terms = rdf_text.TurtleTerms(prefixes(), onto.entity_namespace)
        rdf_text.write_turtle(_statements(kg, terms.iri, terms.literal), out, prefixes())
        return
    if format == "jsonld":
        json_terms = rdf_text.JsonLdTerms(prefixes(), onto.entity_namespace)
        rdf_text.write_jsonld(_statements(kg, json_terms.iri, json_terms.literal), out, prefixes())
        return
    ox.serialize(_ox_triples(kg, xml_safe=True), out, fmt, prefixes=prefixes())


# -- import ----------------------------------------------------------------------------------------


def guess_format(path: str | Path) -> str:
    """The format name for a file, from its suffix; InputError when the suffix says nothing."""
    try:
        return _SUFFIXES[Path(path).suffix.lower()]
    except KeyError:
        raise InputError(
            f"{path}: cannot tell the RDF format from the name (use one of {', '.join(sorted(_SUFFIXES))})"
        ) from None


def _ox_term(term: Any) -> str | Lit:
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        return Lit(term.value, None if dt in (XSD_STRING, RDF + "langString") else dt)
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    raise InputError(f"unsupported RDF term {term}")


def parse(path: str | Path, format: str | None = None) -> list[Triple]:
    """The triples of an RDF file (every graph of a TriG file), in the form `triples` yields.

    A syntax error raises InputError naming the file and the parser's line and column.
    """
    fmt_name = format or guess_format(path)
    if fmt_name not in FORMATS:
        raise InputError(f"unknown RDF format {fmt_name!r} (known: {', '.join(FORMATS)})")
    try:
        quads = ox.parse(path=str(path), format=FORMATS[fmt_name])
        return [(_ox_term(q.subject), q.predicate.value, _ox_term(q.object)) for q in quads]  # type: ignore[misc]
    except SyntaxError as exc:
        raise InputError(f"{path}: not valid {fmt_name}: {exc.msg}") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


def read(path: str | Path, format: str | None = None) -> KnowledgeGraph:
    """Read an RDF file written by `write` (or by hand, in the same vocabulary) into a KnowledgeGraph.

    A syntax error raises InputError naming the file and the parser's line and column; data the
    ontology refuses raises InputError naming the file and the node.
    """
    return from_triples(parse(path, format), source=str(path))


def read_rdflib(path: str | Path, format: str | None = None) -> rdflib.Graph:
    """An RDF file as an rdflib Graph, as is (for SHACL: nothing is checked or dropped on the way)."""
    g = rdflib.Graph()
    g.addN((_rdflib_term(s), _rdflib_term(p), _rdflib_term(o), g) for s, p, o in parse(path, format))
    return g


def from_rdflib(g: rdflib.Graph, source: str = "RDF graph") -> KnowledgeGraph:
    """Rebuild a KnowledgeGraph from an rdflib Graph (or Dataset: every graph is read)."""

    def term(t: Any) -> str | Lit:
        if isinstance(t, rdflib.Literal):
            dt = str(t.datatype) if t.datatype is not None else None
            return Lit(str(t), None if dt == XSD_STRING else dt)
        if isinstance(t, rdflib.BNode):
            return "_:" + str(t)
        return str(t)

    quads = g.quads((None, None, None, None)) if isinstance(g, rdflib.Dataset) else ((*t, None) for t in g)
    return from_triples(((term(s), str(p), term(o)) for s, p, o, _ in quads), source=source)  # type: ignore[misc]


class _Reader:
    """Turns triples grouped by subject into entities and relations, with errors naming the node."""

    def __init__(self, triples: Iterable[Triple], source: str) -> None:
        self.v = _vocab()
        self.source = source
        self.by_subject: dict[str, list[tuple[str, str | Lit]]] = defaultdict(list)
        for s, p, o in triples:
            self.by_subject[s].append((p, o))

    def fail(self, node: str, message: str) -> InputError:
        return InputError(f"{self.source}: <{node}>: {message}")

    def entity_id(self, iri: str | Lit, where: str) -> str:
        ns = self.v.onto.entity_namespace
        if isinstance(iri, Lit) or not iri.startswith(ns):
            raise self.fail(where, f"{iri} is not an ocgraph entity IRI (expected one under {ns})")
        return unquote(iri[len(ns) :])

    def one(self, node: str, predicate: str, label: str) -> str | Lit:
        values = [o for p, o in self.by_subject.get(node, ()) if p == predicate]
        if len(values) != 1:
            raise self.fail(node, f"needs exactly one {label}, found {len(values)}")
        return values[0]

    def value(self, prop: ontology.Property, obj: str | Lit, node: str) -> Any:
        if not isinstance(obj, Lit):
            raise self.fail(node, f"{prop.name} must be a literal, found <{obj}>")
        if prop.datatype in ("xsd:decimal", "xsd:integer"):
            try:
                number = Decimal(obj.value)
            except InvalidOperation:
                raise self.fail(node, f"{prop.name} must be a number, found {obj.value!r}") from None
            return int(number) if number == number.to_integral_value() else float(number)
        return obj.value

    def types(self) -> tuple[dict[str, str], list[str]]:
        v = self.v
        types: dict[str, str] = {}
        assertions = []
        known = {v.assertion, v.evidence}
        for s, pos in self.by_subject.items():
            for p, o in pos:
                if p != RDF_TYPE or isinstance(o, Lit):
                    continue
                if o in v.type_by_iri:
                    if s in types and types[s] != v.type_by_iri[o]:
                        raise self.fail(s, f"has two types, {types[s]} and {v.type_by_iri[o]}")
                    types[s] = v.type_by_iri[o]
                elif o == v.assertion:
                    assertions.append(s)
                elif o.startswith(v.onto.namespace) and o not in known:
                    raise self.fail(s, f"unknown type <{o}> (known: {', '.join(v.type_iri)})")
        return types, sorted(assertions)

    def add_entity(self, kg: KnowledgeGraph, node: str, type_name: str) -> None:
        v = self.v
        names: list[str] = []
        aliases: list[str] = []
        props: dict[str, list[Any]] = defaultdict(list)
        for p, o in self.by_subject[node]:
            if p == v.node_iri["name"]:
                names.append(self.value(v.onto.node_properties["name"], o, node))
            elif p == v.node_iri["aliases"]:
                aliases.append(self.value(v.onto.node_properties["aliases"], o, node))
            elif p in v.node_by_iri:
                prop = v.onto.node_properties[v.node_by_iri[p]]
                props[prop.name].append(self.value(prop, o, node))
            elif p.startswith(v.onto.namespace) and p not in v.pred_by_iri:
                raise self.fail(node, f"unknown property <{p}>")
        if not names:
            raise self.fail(node, f"a {type_name} needs a name (schema:name)")
        names.sort()
        properties: dict[str, Any] = {}
        for key, values in props.items():
            if v.onto.node_properties[key].many:
                properties[key] = values
            elif len(values) > 1:
                raise self.fail(node, f"{key} takes one value, found {len(values)}")
            else:
                properties[key] = values[0]
        kg.add_entity(type_name, names[0], [*names[1:], *aliases], properties, id=self.entity_id(node, node))

    def evidence(self, node: str) -> Evidence:
        v = self.v
        found: dict[str, str | Lit] = {}
        for p, o in self.by_subject.get(node, ()):
            if p in v.ev_by_iri:
                found[v.ev_by_iri[p]] = o
        missing = [n for n, prop in v.onto.evidence_properties.items() if prop.required and n not in found]
        if missing:
            raise self.fail(node, f"evidence lacks {', '.join(missing)}")
        props = v.onto.evidence_properties
        return Evidence(
            document=self.entity_id(found["document"], node),
            start=self.value(props["start"], found["start"], node),
            end=self.value(props["end"], found["end"], node),
            sentence=self.value(props["sentence"], found["sentence"], node),
            extractor=self.value(props["extractor"], found["extractor"], node),
            confidence=self.value(props["confidence"], found["confidence"], node)
            if "confidence" in found
            else None,
        )

    def add_assertion(self, kg: KnowledgeGraph, node: str) -> None:
        v = self.v
        pred_iri = self.one(node, RDF_PREDICATE, "rdf:predicate")
        if isinstance(pred_iri, Lit) or pred_iri not in v.pred_by_iri:
            raise self.fail(node, f"unknown predicate {pred_iri} (known: {', '.join(v.pred_iri)})")
        predicate = v.pred_by_iri[pred_iri]
        subject = self.entity_id(self.one(node, RDF_SUBJECT, "rdf:subject"), node)
        obj = self.entity_id(self.one(node, RDF_OBJECT, "rdf:object"), node)
        props: dict[str, list[Any]] = defaultdict(list)
        evidence = []
        for p, o in self.by_subject[node]:
            if p in v.edge_by_iri:
                prop = v.onto.edge_properties[v.edge_by_iri[p]]
                props[prop.name].append(self.value(prop, o, node))
            elif p == PROV_DERIVED and isinstance(o, str):
                evidence.append(self.evidence(o))
        properties = {k: vals if v.onto.edge_properties[k].many else max(vals) for k, vals in props.items()}
        kg.add_relation(subject, predicate, obj, properties, evidence)

    def read(self) -> KnowledgeGraph:
        kg = KnowledgeGraph()
        types, assertions = self.types()
        for node in sorted(types):
            self._guard(node, lambda n=node: self.add_entity(kg, n, types[n]))
        for node in assertions:
            self._guard(node, lambda n=node: self.add_assertion(kg, n))
        # direct triples with no assertion (RDF written by hand) are relations without evidence
        for s in sorted(self.by_subject):
            for p, o in sorted(self.by_subject[s], key=str):
                if p in self.v.pred_by_iri and s in types:
                    pred = self.v.pred_by_iri[p]
                    self._guard(
                        s,
                        lambda s=s, o=o, pred=pred: kg.add_relation(
                            self.entity_id(s, s), pred, self.entity_id(o, s)
                        ),
                    )
        return kg

    def _guard(self, node: str, action: Callable[[], object]) -> None:
        try:
            action()
        except InputError:
            raise
        except OcgraphError as exc:
            raise self.fail(node, str(exc)) from None


def from_triples(triples: Iterable[Triple], source: str = "RDF") -> KnowledgeGraph:
    """Rebuild a KnowledgeGraph from triples in the form `triples` yields.

    Entities come from nodes typed with an ontology class, relations from `ocg:Assertion` nodes
    (with their evidence) and from direct triples whose predicate is in the ontology. Terms
    outside the ocgraph namespaces are ignored; an unknown `ocg:` type or property, a missing
    name, or an edge the ontology refuses raises InputError naming `source` and the node.

    Examples
    --------
    >>> kg = KnowledgeGraph()
    >>> _ = kg.add_entity("Person", "Ismael Zambada García", aliases=["El Mayo"])
    >>> from_triples(triples(kg)) == kg
    True
    """
    return _Reader(triples, source).read()
