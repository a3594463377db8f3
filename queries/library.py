"""The named query library: the `.cypher` and `.rq` files in this folder, their headers and parameters."""

from __future__ import annotations

import csv
import io
import json
import re
import shlex
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from ocgraph import ontology
from ocgraph.errors import InputError, ValidationError
from ocgraph.graph.ids import fold

LANGUAGES = {"cypher": (".cypher", "//"), "sparql": (".rq", "#")}
# SPARQL has no accent folding and no parameters: the .rq files call ocgf:fold (ocgraph's own
# fold) and ocgf:param("name"), Python functions in this namespace
FUNCTIONS = "https://w3id.org/ocgraph/function#"
_PARAM = re.compile(
    r"^Param (?P<name>\w+)(?: \((?P<kind>name|int|text)(?: (?P<low>-?\d+)\.\.(?P<high>-?\d+))?\))?"
    r"(?: = (?P<default>.+?))?: (?P<doc>.*)$"
)
_FIELD = re.compile(r"^(Purpose|Parameters|Example|Lists):\s*(.*)$")


@dataclass(frozen=True)
class Param:
    """A query parameter: `name` values are folded to match `search_names`; `int` values are parsed.

    An `int` may have a range (``(int 1..5)`` in the header): a value outside it is moved to the
    nearest end, and `NamedQuery.bind` says so.
    """

    name: str
    kind: str
    default: Any
    doc: str
    low: int | None = None
    high: int | None = None

    @property
    def required(self) -> bool:
        return self.default is None

    def clamp(self, value: Any) -> Any:
        """An `int` value moved into the parameter's range; any other value as it is."""
        if self.kind == "int" and self.low is not None and self.high is not None:
            return min(max(value, self.low), self.high)
        return value

    def convert(self, raw: str, query: str) -> Any:
        if self.kind == "int":
            try:
                return int(raw)
            except ValueError:
                raise InputError(
                    f"query {query}: --param {self.name} must be a whole number, got {raw!r}"
                ) from None
        if self.kind == "name":
            return fold(raw)
        return raw


@dataclass(frozen=True)
class NamedQuery:
    """One query file: its name, language, header fields and text."""

    name: str
    language: str
    purpose: str
    example: str
    params: tuple[Param, ...]
    text: str
    lists: tuple[str, ...] = ()

    def bind(self, raw: dict[str, str], notes: list[str] | None = None) -> dict[str, Any]:
        """The driver's parameters from the user's `key=value` strings (defaults filled, names folded).

        A number outside its parameter's range is moved into it, with a line in `notes` saying so.
        """
        known = {p.name: p for p in self.params}
        unknown = sorted(set(raw) - set(known))
        if unknown:
            allowed = ", ".join(known) or "none"
            raise InputError(f"query {self.name} has no parameter {unknown[0]!r} (parameters: {allowed})")
        out = {}
        for p in self.params:
            if p.name in raw:
                value = p.convert(raw[p.name], self.name)
                used = out[p.name] = p.clamp(value)
                if used != value and notes is not None:
                    notes.append(f"--param {p.name}={value} is outside {p.low}..{p.high}: cut to {used}")
            elif p.required:
                raise InputError(f"query {self.name} needs --param {p.name}=... ({p.doc})")
            else:
                out[p.name] = p.default
        return out

    def example_values(self) -> dict[str, str]:
        """The values of the Example line's `--param key=value` pairs, as the user would type them.

        >>> get("neighborhood").example_values()
        {'actor': 'El Mayo', 'hops': '1'}
        """
        words = shlex.split(self.example)
        pairs = (words[i + 1].partition("=") for i, w in enumerate(words[:-1]) if w == "--param")
        return {key: value for key, _, value in pairs}

    def cypher(self) -> str:
        """The Cypher text with `{{types}}` replaced by every ontology relationship type."""
        types = [p.rel_type for p in ontology.load().predicates.values()]
        for t in types:
            if not re.fullmatch(r"[A-Z][A-Z0-9_]*", t):
                raise ValidationError(f"relationship type {t!r} is not a plain identifier")
        return self.text.replace("{{types}}", "|".join(types))


def _default(text: str | None) -> Any:
    if text is None:
        return None
    text = text.strip()
    if text.startswith('"') and text.endswith('"'):
        return text[1:-1]
    return int(text)


def parse(name: str, language: str, text: str) -> NamedQuery:
    """Read the header comment of a query file: Purpose, Param lines, Example (continuations indented)."""
    marker = LANGUAGES[language][1]
    fields: dict[str, list[str]] = {}
    params: list[list[str]] = []
    last: list[str] | None = None
    for line in text.splitlines():
        if not line.startswith(marker):
            if line.strip():
                break
            continue
        body = line[len(marker) :]
        content = body.strip()
        if body.startswith("   ") and last is not None:  # an indented line continues the field above
            last[-1] += " " + content
            continue
        match = _FIELD.match(content)
        if match:
            last = [match.group(1), match.group(2)]
            fields[match.group(1)] = last
        elif content.startswith("Param "):
            last = [content]
            params.append(last)
    header = {k: v[1] for k, v in fields.items()}
    if "Purpose" not in header or "Example" not in header:
        raise ValidationError(f"query {name}: the header must give Purpose and Example")
    parsed = []
    for (line,) in params:
        m = _PARAM.match(line)
        if not m:
            raise ValidationError(f"query {name}: cannot read the parameter line {line!r}")
        low, high = (int(m[k]) if m[k] is not None else None for k in ("low", "high"))
        parsed.append(Param(m["name"], m["kind"] or "text", _default(m["default"]), m["doc"], low, high))
    lists = tuple(x.strip() for x in header.get("Lists", "").split(",") if x.strip())
    return NamedQuery(name, language, header["Purpose"], header["Example"], tuple(parsed), text, lists)


@cache
def available(language: str = "cypher") -> dict[str, NamedQuery]:
    """Every named query of a language ('cypher' or 'sparql'), by name."""
    suffix = LANGUAGES[language][0]
    out = {}
    for entry in sorted(resources.files(__name__.rpartition(".")[0]).iterdir(), key=lambda e: e.name):
        if entry.name.endswith(suffix) and entry.is_file():
            name = entry.name.removesuffix(suffix)
            out[name] = parse(name, language, entry.read_text(encoding="utf-8"))
    return out


def get(name: str, language: str = "cypher") -> NamedQuery:
    """The named query; InputError listing the known names when there is none."""
    queries = available(language)
    try:
        return queries[name]
    except KeyError:
        raise InputError(f"unknown {language} query {name!r} (known: {', '.join(queries)})") from None


def cell(value: Any) -> str:
    """A result value as text: lists and maps as JSON, None as empty (the CSV and table cells)."""
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def csv_text(columns: list[str], rows: list[list[Any]]) -> str:
    r"""Query results as CSV: a header, then one line per row.

    >>> csv_text(["member", "roles"], [["El Mayo", ["leader"]], ["Ovidio", None]])
    'member,roles\nEl Mayo,"[""leader""]"\nOvidio,\n'
    """
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([cell(v) for v in r] for r in rows)
    return buf.getvalue()


def run_cypher(drv: Any, cs: Any, name: str, raw: dict[str, str]) -> tuple[list[str], list[list[Any]]]:
    """Run a named Cypher query in READ mode; returns column names and rows."""
    from ocgraph.graph.neo4j_connect import run

    query = get(name, "cypher")
    return run(drv, cs, query.cypher(), query.bind(raw))


def name_params(name: str, raw: dict[str, str], language: str = "cypher") -> dict[str, str]:
    """The user's non-empty values of a query's name parameters, by parameter."""
    return {p.name: raw[p.name] for p in get(name, language).params if p.kind == "name" and raw.get(p.name)}


def unmatched_names(drv: Any, cs: Any, name: str, raw: dict[str, str]) -> list[str]:
    """The name parameters of a query whose value no entity in Neo4j has as a name or alias.

    Asked after a query returns no rows, to tell "nobody is called that" from "nothing to show".
    """
    from ocgraph.graph.neo4j_connect import run

    given = name_params(name, raw)
    if not given:
        return []
    folded = {p: fold(v) for p, v in given.items()}
    text = resources.files(__name__.rpartition(".")[0]).joinpath("support", "names_found.cypher")
    _, rows = run(drv, cs, text.read_text(encoding="utf-8"), {"names": sorted(set(folded.values()))})
    found = {n for n, count in rows if count}
    return [p for p, f in folded.items() if f not in found]


def _python(term: Any) -> Any:
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.Literal):
        kind = term.datatype.value.rpartition("#")[2]
        if kind in ("integer", "int", "long"):
            return int(term.value)
        if kind in ("decimal", "double", "float"):
            number = Decimal(term.value)
            return int(number) if number == number.to_integral_value() else float(number)
        if kind == "boolean":
            return term.value == "true"
        return term.value
    return term.value


def run_sparql(
    kg: Any, name: str, raw: dict[str, str], store: Any = None
) -> tuple[list[str], list[list[Any]]]:
    """Run a named SPARQL query over the graph's RDF (pyoxigraph); same columns as its Cypher twin.

    Parameter values come from `ocgf:param("name")` in the query. Columns listed under `Lists:`
    in the header hold values joined by U+001F (GROUP_CONCAT); they
    come back as sorted lists, like Neo4j's list properties.
    """
    import pyoxigraph as ox

    from ocgraph.graph.rdf import to_oxigraph

    query = get(name, "sparql")
    values = query.bind(raw)
    # SPARQL cannot take parameters, so the .rq files call ocgf:param("name") for each value
    # (folded for names); no value is ever written into the query text
    literals = {}
    for p in query.params:
        value = values[p.name]
        kind = XSD_INTEGER if p.kind == "int" else None
        literals[p.name] = ox.Literal(str(value), datatype=ox.NamedNode(kind)) if kind else ox.Literal(value)
    functions = {
        ox.NamedNode(FUNCTIONS + "fold"): lambda term: ox.Literal(fold(term.value)),
        ox.NamedNode(FUNCTIONS + "param"): lambda term: literals.get(term.value),
    }
    store = store if store is not None else to_oxigraph(kg)
    try:
        solutions = store.query(query.text, custom_functions=functions)
    except SyntaxError as exc:
        raise ValidationError(f"sparql query {name}: {exc}") from None
    columns = [v.value for v in solutions.variables]
    rows = []
    for sol in solutions:
        row = [_python(sol[c]) for c in columns]
        for i, c in enumerate(columns):
            if c in query.lists:
                row[i] = sorted(x for x in (row[i] or "").split("\x1f") if x)
        rows.append(row)
    return columns, rows


XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
