"""FtM JSON Lines out: entities and relations as FtM entities built and validated by followthemoney."""

from __future__ import annotations

import json
import re
from typing import Any, BinaryIO

from ocgraph.errors import ValidationError
from ocgraph.graph.ids import digest
from ocgraph.graph.model import Entity, KnowledgeGraph, Relation

__all__ = ["KEYWORD_PREFIX", "NODE_PROPERTIES", "TYPE_SCHEMA", "ftm_id", "to_ftm", "validate", "write"]

# ocgraph type -> FtM schema.  FtM has no schema for a state acting as a policy actor or for a
# policy, so those become PublicBody and Project; the exact type travels in `keywords`.
TYPE_SCHEMA = {
    "Person": "Person",
    "CriminalOrganization": "Organization",
    "GovernmentOrganization": "PublicBody",
    "State": "PublicBody",
    "Organization": "Organization",
    "Policy": "Project",
    "Place": "Address",
    "Document": "Document",
}
TYPE_TOPICS = {
    "CriminalOrganization": ["crime"],
    "GovernmentOrganization": ["gov"],
    "State": ["gov.national"],
}
KEYWORD_PREFIX = "ocgraph:"
# ocgraph node property -> FtM property (used when the schema has it)
NODE_PROPERTIES = {
    "description": "description",
    "birth_date": "birthDate",
    "birth_place": "birthPlace",
    "nationality": "nationality",
    "gender": "gender",
    "addresses": "address",
    "country": "country",
    "programs": "program",
    "url": "sourceUrl",
    "title": "title",
    "date": "publishedAt",
    "publisher": "publisher",
    # not sha256: FtM's contentHash is a SHA-1 checksum, and followthemoney rejects a SHA-256
}
EDGE_PROPERTIES = {"start": "startDate", "end": "endDate", "date": "date", "role": "role", "status": "status"}


def ftm_id(eid: str) -> str:
    """An ocgraph id as an FtM id (FtM ids take no `/`); reversible, as ocgraph prefixes hold no dot.

    >>> ftm_id("person/ovidio-guzman-lopez")
    'person.ovidio-guzman-lopez'
    """
    return eid.replace("/", ".", 1)


def _entity(e: Entity):
    from followthemoney import model

    schema = TYPE_SCHEMA[e.type]
    proxy = model.make_entity(schema)
    proxy.id = ftm_id(e.id)
    if schema == "Address":
        proxy.add("full", e.name)
    else:
        proxy.add("name", e.name)
    if e.aliases and proxy.schema.get("alias"):
        proxy.add("alias", sorted(e.aliases))
    proxy.add("keywords", KEYWORD_PREFIX + e.type)
    if e.type in TYPE_TOPICS:
        proxy.add("topics", TYPE_TOPICS[e.type])
    for key, value in sorted(e.properties.items()):
        prop = NODE_PROPERTIES.get(key)
        values = sorted(value) if isinstance(value, list) else [str(value)]
        if prop and proxy.schema.get(prop):
            proxy.add(prop, values)
        elif key not in ("identifiers", "path", "merge_record"):
            # no FtM property fits (source_ids, sha256, merged_from): keep it as `ocgraph:key=value`
            # keywords, cut to FtM's longest string; merge_record (what a split restores, often longer)
            # stays in the store, RDF and Neo4j
            limit = proxy.schema.get("keywords").type.max_length
            proxy.add("keywords", [f"{KEYWORD_PREFIX}{key}={v}"[:limit] for v in values])
    if schema == "Document":
        path = e.properties.get("path")
        proxy.add("fileName", path or e.name)
    ids = [_identification(proxy, text) for text in e.properties.get("identifiers", ())]
    return [proxy, *ids]


def _identification(holder, text: str):
    """An identifier ('Kind: number (Country)') as an FtM Identification of its holder.

    FtM's idNumber holds at most 64 characters and no kind, so each identifier becomes its own
    entity: `type` the kind, `number`, `country`, and `summary` the text as ocgraph keeps it.
    """
    from followthemoney import model

    kind, sep, rest = text.partition(": ")
    if not sep:
        kind, rest = "", text
    country = None
    if m := re.fullmatch(r"(.*?) \(([^()]+)\)", rest):
        rest, country = m.group(1), m.group(2)
    proxy = model.make_entity("Identification")
    proxy.id = f"{holder.id}.id-{digest(text, size=12)}"
    proxy.add("holder", holder.id)
    proxy.add("number", rest)
    proxy.add("type", kind or None)
    proxy.add("country", country)
    proxy.add("summary", text)
    return proxy


def _relation(kg: KnowledgeGraph, r: Relation):
    from followthemoney import model

    subj, obj = kg.entities[r.subject], kg.entities[r.object]
    props: dict[str, Any] = {}
    if r.predicate == "member_of":
        schema, ends = "Membership", ("member", "organization")
    elif r.predicate == "leader_of":
        schema, ends = "Directorship", ("director", "organization")
    elif r.predicate in ("child_of", "sibling_of"):
        # FtM's relationship is from `person`'s view: `relative` is the person's parent/sibling
        schema, ends = "Family", ("person", "relative")
        props["relationship"] = "parent" if r.predicate == "child_of" else "sibling"
    elif r.predicate == "succeeded_by" and subj.type != "Policy":
        schema, ends = "Succession", ("predecessor", "successor")
    elif r.predicate == "sanctioned_by":
        schema, ends = "Sanction", ("entity", None)
        props["authority"] = obj.name
        props["program"] = sorted(r.properties.get("program", []))
    elif r.predicate == "associated_with" and subj.type == obj.type == "Person":
        schema, ends = "Associate", ("person", "associate")
    else:
        schema, ends = "UnknownLink", ("subject", "object")
        props["role"] = r.predicate
    proxy = model.make_entity(schema)
    proxy.id = ftm_id(r.id)
    proxy.add(ends[0], ftm_id(r.subject))
    if ends[1]:
        proxy.add(ends[1], ftm_id(r.object))
    for key, prop in EDGE_PROPERTIES.items():
        if key in r.properties and proxy.schema.get(prop) and prop not in props:
            props[prop] = r.properties[key]
    if "amount" in r.properties:
        scope = f" ({r.properties['amount_scope']})" if "amount_scope" in r.properties else ""
        # FtM links have no amount; loaders/ftm.py reads this exact wording back
        props["description"] = f"reward {r.properties['amount']} {r.properties.get('currency', '')}{scope}"
    if r.properties.get("review") == "confirmed":
        if proxy.schema.get("status"):
            props["status"] = "confirmed" if "status" not in props else f"{props['status']}; confirmed"
        else:  # Family and Associate have no status
            props["description"] = "; ".join(filter(None, (props.get("description"), "review: confirmed")))
    props["proof"] = sorted({ftm_id(ev.document) for ev in r.evidence})
    props["summary"] = [ev.sentence for ev in r.evidence]
    for prop, value in props.items():
        if value not in (None, "", []):
            proxy.add(prop, value)
    return proxy


def validate(data: dict[str, Any]) -> None:
    """Check one FtM entity dict with followthemoney: known schema, known properties, valid values."""
    from followthemoney import model
    from followthemoney.exc import InvalidData
    from followthemoney.types import registry

    where = data.get("id", "?")
    schema = model.get(data.get("schema", ""))
    if schema is None:
        raise ValidationError(f"{where}: unknown FtM schema {data.get('schema')!r}")
    if registry.entity.clean(data.get("id")) is None:
        raise ValidationError(f"{where}: not a valid FtM entity id")
    props = data.get("properties", {})
    unknown = sorted(set(props) - set(schema.properties))
    missing = sorted(p for p in schema.required if not props.get(p))
    if unknown or missing:
        raise ValidationError(
            f"{where}: {schema.name} unknown properties {unknown}, missing required {missing}"
        )
    try:
        schema.validate(data)
    except InvalidData as exc:
        raise ValidationError(f"{where}: {exc} {getattr(exc, 'errors', '')}") from None


def to_ftm(kg: KnowledgeGraph) -> list[dict[str, Any]]:
    """Every entity and relation as a validated FtM entity dict, things first, each in id order."""
    out = [proxy for k in sorted(kg.entities) for proxy in _entity(kg.entities[k])]
    out += [_relation(kg, kg.relations[k]) for k in sorted(kg.relations)]
    records = []
    for proxy in out:
        data = {
            "id": proxy.id,
            "schema": proxy.schema.name,
            "properties": {
                k: sorted(v) if k not in ("summary",) else v
                for k, v in sorted(proxy.to_dict()["properties"].items())
            },
        }
        validate(data)
        records.append(data)
    return records


def write(kg: KnowledgeGraph, out: BinaryIO, format: str = "ftm") -> None:
    """Write FtM JSON Lines (one entity per line, as OpenSanctions publishes them); same graph, same bytes."""
    for record in to_ftm(kg):
        out.write((json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8"))
