"""FollowTheMoney JSON Lines in (OpenSanctions, Aleph, `ocgraph export --format ftm`) as actors and facts."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ocgraph import ontology
from ocgraph.errors import InputError
from ocgraph.graph.ftm_export import KEYWORD_PREFIX
from ocgraph.graph.ids import document_id, entity_id
from ocgraph.graph.model import Evidence, KnowledgeGraph
from ocgraph.ontology import OntologyError

__all__ = ["ingest", "ocgraph_type"]

EXTRACTOR = "ftm"
_PARENT = {"parent", "father", "mother", "stepfather", "stepmother"}
_CHILD = {"child", "son", "daughter", "stepson", "stepdaughter"}
_SIBLING = {"sibling", "brother", "sister", "half-brother", "half-sister", "half-sibling"}
_REWARD = re.compile(r"^reward (?P<amount>[\d.]+) (?P<currency>[A-Z]{3})(?: \((?P<scope>each|total)\))?$")
# FtM relation schema -> (source property, target property, predicate)
_LINKS = {
    "Membership": ("member", "organization", "member_of"),
    "Directorship": ("director", "organization", "leader_of"),
    "Succession": ("predecessor", "successor", "succeeded_by"),
    "Associate": ("person", "associate", "associated_with"),
    "UnknownLink": ("subject", "object", None),
    "Family": ("person", "relative", None),
}


def ocgraph_type(schema: Any, props: dict[str, list[str]]) -> str | None:
    """The ocgraph type of an FtM thing: our keyword first, then the schema (None: not a type we keep)."""
    types = ontology.load().types
    for keyword in props.get("keywords", ()):
        if keyword.startswith(KEYWORD_PREFIX) and keyword[len(KEYWORD_PREFIX) :] in types:
            return keyword[len(KEYWORD_PREFIX) :]
    if schema.is_a("Person"):
        return "Person"
    if schema.is_a("PublicBody"):
        return "GovernmentOrganization"
    if schema.is_a("Organization") or schema.name == "LegalEntity":
        crime = any(t == "crime" or t.startswith("crime.") for t in props.get("topics", ()))
        return "CriminalOrganization" if crime else "Organization"
    if schema.is_a("Document"):
        return "Document"
    if schema.name == "Project":
        return "Policy"
    if schema.name == "Address":
        return "Place"
    return None


def _own_id(ftm: str, type_name: str) -> str | None:
    """The ocgraph id an `ocgraph export --format ftm` id stands for, if it is one."""
    prefix = ontology.load().node_type(type_name).id_prefix
    head, dot, rest = ftm.partition(".")
    return f"{prefix}/{rest}" if dot and head == prefix and rest else None


def _countries(values: list[str]) -> list[str]:
    from followthemoney.types import registry

    return [registry.country.caption(v) or v for v in values]


def _date(value: str | None) -> str | None:
    if not value:
        return None
    value = value[:10]
    return value if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value) else None


def _node_properties(type_name: str, p: dict[str, list[str]], ftm: str, own: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "birth_date": [d for d in map(_date, p.get("birthDate", ())) if d],
        "birth_place": p.get("birthPlace", []),
        "nationality": _countries(p.get("nationality", []) + p.get("citizenship", [])),
        "gender": p["gender"][0].capitalize() if p.get("gender") else None,
        "addresses": p.get("address", []),
        "country": _countries(p.get("country", [])),
        "programs": p.get("program", []),
        "url": p["sourceUrl"][0] if p.get("sourceUrl") else None,
        "description": p["description"][0] if p.get("description") else None,
        "identifiers": [f"ID: {v}" for v in p.get("idNumber", [])],
    }
    if type_name == "Document":
        out.update(
            title=(p.get("title") or [None])[0],
            date=_date((p.get("publishedAt") or [None])[0]),
            publisher=(p.get("publisher") or [None])[0],
            path=(p.get("fileName") or [None])[0],
        )
    for keyword in p.get("keywords", ()):
        key, sep, value = keyword.removeprefix(KEYWORD_PREFIX).partition("=")
        if keyword.startswith(KEYWORD_PREFIX) and sep and key in ontology.load().node_properties:
            many = ontology.load().node_properties[key].many
            out[key] = [*out.get(key, []), value] if many else value
    if not own:
        out["source_ids"] = [*out.get("source_ids", []), f"ftm:{ftm}"]
    return out


def _read(path: Path, errors: list[str]) -> tuple[str, list[tuple[int, int, int, dict[str, Any]]]]:
    """The file text and its (line, start, end, entity) records; bad lines go to `errors` as file:line."""
    from followthemoney import model

    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    records = []
    offset = 0
    for number, line in enumerate(text.splitlines(keepends=True), 1):
        start, offset = offset, offset + len(line)
        body = line.rstrip("\r\n")
        if not body.strip():
            continue
        try:
            data = json.loads(body)
            found: list[dict[str, Any]] = []
            _flatten(data, found)
            proxies = [model.get_proxy(d) for d in found]
        except json.JSONDecodeError as exc:
            errors.append(f"{path}:{number}: not JSON ({exc.msg} at column {exc.colno})")
            continue
        except Exception as exc:  # followthemoney raises several types for bad data
            errors.append(f"{path}:{number}: {exc}")
            continue
        records.extend((number, start, start + len(body), proxy.to_dict()) for proxy in proxies)
    return text, records


def _flatten(data: Any, out: list[dict[str, Any]]) -> str:
    """Append `data` and the entities nested in its properties (OpenSanctions' nested exports) to `out`.

    Returns the entity's id, which replaces a nested entity in its parent's property.
    """
    from followthemoney import model

    if not isinstance(data, dict) or not data.get("id") or not data.get("schema"):
        raise ValueError("not an FtM entity (needs id and schema)")
    if model.get(data["schema"]) is None:
        raise ValueError(f"unknown FtM schema {data['schema']!r}")
    schema = model.get(data["schema"])
    props: dict[str, list[str]] = {}
    out.append({"id": data["id"], "schema": data["schema"], "properties": props})
    for name, values in (data.get("properties") or {}).items():
        props[name] = []
        for value in values:
            if isinstance(value, dict):
                # a nested link may leave out its way back to the parent ("sanctions" -> "entity")
                prop = schema.get(name)
                reverse = prop.reverse.name if prop is not None and prop.reverse is not None else None
                if reverse and not (value.get("properties") or {}).get(reverse):
                    value = {
                        **value,
                        "properties": {**(value.get("properties") or {}), reverse: [data["id"]]},
                    }
                value = _flatten(value, out)
            props[name].append(value)
    return str(data["id"])


def ingest(paths: Sequence[Path | str], **_options: object) -> tuple[KnowledgeGraph, list[str]]:
    """Read FtM JSON Lines files into a graph to merge into the store.

    Things (Person, Organization, PublicBody, ...) become entities: ids written by ocgraph's own
    FtM export come back unchanged, other entities get ocgraph's name-based id (so they merge
    with the same actor read from text) and `source_ids` ``ftm:<id>``. Membership, Directorship,
    Family, Succession, Associate, UnknownLink and Sanction become relations; Identification and
    Passport add identifiers to their holder. Other schemata are skipped.

    Returns
    -------
    The graph and one line per record that could not be used (``file:line: problem``).
    """
    kg = KnowledgeGraph()
    errors: list[str] = []
    for path in map(Path, paths):
        text, records = _read(path, errors)
        doc = kg.add_entity(
            "Document",
            f"FollowTheMoney entities ({path.name})",
            properties={"path": str(path), "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()},
            id=document_id(text.encode("utf-8")),
        )
        ids: dict[str, str] = {}
        authorities: dict[str, str] = {}  # Sanction authority name -> entity id, found once
        links = []
        for number, start, end, data in records:
            try:
                if not _add_thing(kg, data, ids):
                    links.append((number, start, end, data))
            except OntologyError as exc:
                errors.append(f"{path}:{number}: {exc}")
        for number, start, end, data in links:
            fallback = Evidence(doc.id, start, end, text[start:end], EXTRACTOR)
            try:
                problem = _add_link(kg, data, ids, fallback, authorities)
            except OntologyError as exc:
                problem = str(exc)
            if problem:
                errors.append(f"{path}:{number}: {problem}")
    return kg, errors


def _add_thing(kg: KnowledgeGraph, data: dict[str, Any], ids: dict[str, str]) -> bool:
    """Add an FtM thing as an entity; False when the record is a link for the second pass."""
    from followthemoney import model

    schema = model.get(data["schema"])
    if not schema.is_a("Thing"):
        return False
    p = data.get("properties", {})
    type_name = ocgraph_type(schema, p)
    names = p.get("name", []) or p.get("full", [])
    if type_name is None or not names:
        return True  # not something the ontology holds (a vessel, a bank account): skipped
    name, *others = names
    own = _own_id(data["id"], type_name)
    eid = own or entity_id(type_name, name)
    if (
        own is None
        and eid in kg.entities
        and f"ftm:{data['id']}" not in kg.entities[eid].properties.get("source_ids", ())
    ):
        eid = entity_id(type_name, name, key=f"ftm:{data['id']}")  # a homonym in the same file
    aliases = [*others, *p.get("alias", []), *p.get("weakAlias", []), *p.get("previousName", [])]
    kg.add_entity(
        type_name, name, aliases, _node_properties(type_name, p, data["id"], own is not None), id=eid
    )
    ids[data["id"]] = eid
    return True


def _edge_properties(p: dict[str, list[str]]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "start": _date((p.get("startDate") or [None])[0]),
        "end": _date((p.get("endDate") or [None])[0]),
        "date": _date((p.get("date") or [None])[0]),
        "role": (p.get("role") or [None])[0],
    }
    for status in p.get("status", []):
        for part in status.split("; "):
            if part == "confirmed":
                out["review"] = "confirmed"
            elif part in ("current", "former", "alleged"):
                out["status"] = part
    description = (p.get("description") or [""])[0]
    if description.endswith("review: confirmed"):  # how the export marks links without a status
        out["review"] = "confirmed"
        description = description.removesuffix("review: confirmed").removesuffix("; ")
    if m := _REWARD.match(description):
        out.update(amount=m.group("amount"), currency=m.group("currency"), amount_scope=m.group("scope"))
    return out


def _evidence(
    kg: KnowledgeGraph, p: dict[str, list[str]], ids: dict[str, str], fallback: Evidence
) -> list[Evidence]:
    docs = [ids[d] for d in p.get("proof", []) if d in ids]
    sentences = p.get("summary", [])
    if not docs or not sentences:
        return [fallback]
    # an ocgraph FtM export: every sentence came from one of the proof documents
    return [
        Evidence(docs[0] if len(docs) == 1 else docs[min(i, len(docs) - 1)], 0, len(s), s, EXTRACTOR)
        for i, s in enumerate(sentences)
    ]


def _authority(kg: KnowledgeGraph, name: str, cache: dict[str, str]) -> str:
    """The id of the body named `name` (a known GovernmentOrganization or State, else a new body)."""
    if name not in cache:
        found = [e for e in kg.find(name) if e.type in ("GovernmentOrganization", "State")]
        cache[name] = found[0].id if found else kg.add_entity("GovernmentOrganization", name).id
    return cache[name]


def _add_link(
    kg: KnowledgeGraph,
    data: dict[str, Any],
    ids: dict[str, str],
    fallback: Evidence,
    authorities: dict[str, str],
) -> str | None:
    schema, p = data["schema"], data.get("properties", {})
    evidence = _evidence(kg, p, ids, fallback)
    props = _edge_properties(p)
    if schema in ("Identification", "Passport"):
        holder = ids.get((p.get("holder") or [""])[0])
        if holder is None:
            return "the Identification's holder is not in the file"
        if p.get("summary"):
            text = p["summary"][0]
        else:
            country = f" ({_countries(p['country'])[0]})" if p.get("country") else ""
            text = f"{(p.get('type') or ['ID'])[0]}: {(p.get('number') or [''])[0]}{country}"
        entity = kg.entities[holder]
        kg.add_entity(entity.type, entity.name, properties={"identifiers": [text]}, id=holder)
        return None
    if schema == "Sanction":
        target = ids.get((p.get("entity") or [""])[0])
        authority = (p.get("authority") or [None])[0]
        if target is None or not authority:
            return "the Sanction's entity is not in the file or it names no authority"
        body = _authority(kg, authority, authorities)
        props = {k: props[k] for k in ("date", "start", "end", "review") if props.get(k)}
        kg.add_relation(target, "sanctioned_by", body, {**props, "program": p.get("program", [])}, evidence)
        return None
    if schema not in _LINKS:
        return None  # Ownership, Payment, ...: nothing the ontology holds
    source, target, predicate = _LINKS[schema]
    subject, obj = ids.get((p.get(source) or [""])[0]), ids.get((p.get(target) or [""])[0])
    if subject is None or obj is None:
        return f"a {schema} end is not in the file"
    if schema == "Family":
        relationship = (p.get("relationship") or [""])[0].lower()
        if relationship in _PARENT:
            predicate = "child_of"
        elif relationship in _CHILD:
            predicate, subject, obj = "child_of", obj, subject
        else:
            predicate = "sibling_of" if relationship in _SIBLING else "associated_with"
    elif predicate is None:
        role = props.get("role")
        predicate = role if role in ontology.load().predicates else "associated_with"
        if role == predicate:
            props["role"] = None
    pred = ontology.predicate(predicate)
    allowed = set(pred.properties) | set(ontology.load().common_edge_properties)
    kg.add_relation(subject, predicate, obj, {k: v for k, v in props.items() if k in allowed}, evidence)
    return None
