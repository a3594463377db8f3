"""OFAC's legacy SDN, ALT and ADD CSV files read into sanctioned actors, their aliases, details and links."""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ocgraph.errors import InputError
from ocgraph.graph.ids import document_id, entity_id, fold
from ocgraph.graph.matching import dates_disagree
from ocgraph.graph.model import Entity, Evidence, KnowledgeGraph
from ocgraph.ontology import OntologyError

__all__ = ["OFAC_NAME", "SdnEntry", "ingest", "natural_name", "parse_sdn", "read_rows", "title_case"]

EXTRACTOR = "ofac-sdn"
NULL = "-0-"
OFAC_NAME = "Office of Foreign Assets Control"
OFAC_ALIASES = ("OFAC", "U.S. Treasury Office of Foreign Assets Control")
SDN_FIELDS, ADD_FIELDS, ALT_FIELDS = 12, 6, 5

# Programs whose designations concern narcotics (the Kingpin Act and EO 14059).
NARCOTICS_PROGRAMS = {"SDNTK", "SDNT", "ILLICIT-DRUGS-EO14059"}
_GROUP_WORDS = re.compile(r"\b(CARTEL|CARTELS|ORGANIZATION|ORGANIZACION|DRUG TRAFFICKING)\b", re.I)
_NARCOTICS_WORDS = re.compile(r"\b(narcotics?|drug traffick\w*|cartel)\b", re.I)
# A legal form or a company register entry marks a front company, not a crime group, even under SDNTK.
_LEGAL_FORM = re.compile(
    r"\b(S\.\s?A\.|S\. DE R\.L\.|S\.R\.L\.|S\.C\.|S\.P\.R\.|SOCIEDAD|ASOCIACION|A\.C\."
    r"|AG|SLRC|LLC|INC\.?|LTD\.?)(\W|$)",
    re.I,
)
_BUSINESS_REMARK = re.compile(
    r"\b(R\.F\.C\.|RFC|Folio Mercantil|Website|Registration|Organization Established)"
)

_PARTICLES = {
    "de",
    "del",
    "la",
    "las",
    "los",
    "y",
    "e",
    "da",
    "das",
    "do",
    "dos",
    "van",
    "von",
    "der",
    "of",
    "the",
    "and",
    "for",
}
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_ID_KINDS = (
    "C.U.R.P.",
    "R.F.C.",
    "RFC",
    "Passport",
    "Folio Mercantil No.",
    "National ID No.",
    "SSN",
    "Business Registration Document #",
    "Identification Number",
    "Registration ID",
    "Driver's License No.",
    "Credencial electoral",
    "Cedula No.",
    "I.F.E.",
    "NIT #",
    "Residency Number",
    "Electoral Registry No.",
    "Tax ID No.",
)
_ID_RE = re.compile(
    r"^("
    + "|".join(re.escape(k) for k in sorted(_ID_KINDS, key=len, reverse=True))
    + r"|Digital Currency Address - \w+) (.+)$"
)


@dataclass(frozen=True)
class Row:
    """One CSV record: where it sits in the file (1-based line, character span) and its fields."""

    line: int
    start: int
    end: int
    text: str
    fields: tuple[str | None, ...]


@dataclass
class SdnEntry:
    """One SDN record with its remarks unpacked (and, once joined, its ALT and ADD rows)."""

    ent_num: int
    sdn_name: str
    individual: bool
    programs: list[str]
    row: Row
    aliases: list[str] = field(default_factory=list)
    birth_date: list[str] = field(default_factory=list)
    birth_place: list[str] = field(default_factory=list)
    nationality: list[str] = field(default_factory=list)
    gender: str | None = None
    identifiers: list[str] = field(default_factory=list)
    websites: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)
    country: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)
    remarks: str = ""

    @property
    def name(self) -> str:
        """The name in natural order, title-cased."""
        return natural_name(self.sdn_name, self.individual)

    @property
    def type(self) -> str:
        """The node type: Person, CriminalOrganization or Organization."""
        if self.individual:
            return "Person"
        narcotics = bool(NARCOTICS_PROGRAMS.intersection(self.programs)) or bool(
            _NARCOTICS_WORDS.search(self.remarks)
        )
        if _GROUP_WORDS.search(self.sdn_name):
            return "CriminalOrganization"
        company = _LEGAL_FORM.search(self.sdn_name) or _BUSINESS_REMARK.search(self.remarks)
        # An SDNTK entity with no company marks is a crime group only if named like one
        # ("LOS ZETAS", "LA FAMILIA MICHOACANA"); "XAMAN HA CENTER" is a front business.
        if narcotics and not company and re.match(r"(LOS|LAS|LA|EL)\s", self.sdn_name, re.I):
            return "CriminalOrganization"
        return "Organization"


# -- names ------------------------------------------------------------------------------------
def title_case(text: str) -> str:
    """Title-case an upper-case OFAC name, keeping particles, legal forms and acronyms as they should be.

    >>> title_case("CARTEL DE JALISCO NUEVA GENERACION")
    'Cartel de Jalisco Nueva Generacion'
    >>> title_case("GRUPO CINJAB, S.A. DE C.V.")
    'Grupo Cinjab, S.A. de C.V.'
    >>> title_case("BLO")
    'BLO'
    """
    if text != text.upper():
        return text  # already mixed case ('El Mayo'): written by a person, keep it
    words = text.split()
    if len(words) == 1 and len(text) <= 4 and text.isalpha():
        return text  # an acronym: CDG, BLO, VCFO
    out = []
    for i, word in enumerate(words):
        low = word.lower()
        if i > 0 and low in _PARTICLES:
            out.append(low)
        elif "." in word.strip(".,") or word.strip(",") in ("&",):
            out.append(word)  # S.A., C.V., R.L.
        else:
            out.append(re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), low))
    return " ".join(out)


def natural_name(sdn_name: str, individual: bool = True) -> str:
    """OFAC's `LAST, First` turned into `First Last`; entity names are only title-cased.

    >>> natural_name("GUZMAN LOPEZ, Ovidio")
    'Ovidio Guzman Lopez'
    >>> natural_name("ZAMBADA NIEBLA, Monica del Rosario")
    'Monica del Rosario Zambada Niebla'
    >>> natural_name("SINALOA CARTEL", individual=False)
    'Sinaloa Cartel'
    """
    if individual and "," in sdn_name:
        last, _, first = sdn_name.partition(",")
        return " ".join(f"{first.strip()} {title_case(last.strip())}".split())
    return title_case(" ".join(sdn_name.split()))


def _alias(text: str, individual: bool) -> str:
    return natural_name(text, individual) if individual and "," in text else title_case(text)


# -- reading ----------------------------------------------------------------------------------
def read_rows(path: Path, columns: int) -> tuple[str, list[Row], list[str]]:
    """The decoded file text, its records and one-line errors for the records that cannot be read.

    OFAC's legacy files are Latin-1; a file re-saved as UTF-8 is read as UTF-8 (Latin-1 text with
    accents is almost never valid UTF-8). Offsets count characters of the decoded text. OFAC's
    trailing 0x1A end-of-file byte is dropped; CRLF, LF and CR line ends are all accepted.
    """
    raw = _read_bytes(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    rows: list[Row] = []
    errors: list[str] = []
    for number, start, end in _lines(text):
        line = text[start:end]
        if not line.strip() or line.strip() == "\x1a":
            continue
        try:
            fields = next(csv.reader([line.rstrip("\x1a")], strict=True))
        except csv.Error as exc:
            errors.append(f"{path}:{number}: not a CSV record ({exc})")
            continue
        if len(fields) != columns:
            errors.append(f"{path}:{number}: expected {columns} fields, found {len(fields)}")
            continue
        values = tuple(None if f.strip() in (NULL, "") else f.strip() for f in fields)
        rows.append(Row(number, start, end, line, values))
    return text, rows, errors


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None


def _lines(text: str) -> Iterator[tuple[int, int, int]]:
    for number, match in enumerate(re.finditer(r"[^\r\n]*(?:\r\n|\n|\r|$)", text), 1):
        if match.start() == len(text):
            break
        yield number, match.start(), match.start() + len(match.group(0).rstrip("\r\n"))


def parse_sdn(path: Path) -> tuple[str, list[SdnEntry], list[str]]:
    """Read an SDN.CSV: its text, its entries with remarks unpacked, and one-line errors (file:line)."""
    text, rows, errors = read_rows(path, SDN_FIELDS)
    entries = []
    for row in rows:
        ent_num, name, sdn_type, program = row.fields[0], row.fields[1], row.fields[2], row.fields[3]
        problem = None
        if not ent_num or not ent_num.isdigit():
            problem = f"ent_num {ent_num!r} is not a number"
        elif not name:
            problem = "no SDN_Name"
        elif sdn_type not in (None, "individual", "vessel", "aircraft"):
            problem = f"unknown SDN_Type {sdn_type!r}"
        elif sdn_type in ("vessel", "aircraft"):
            continue  # a well-formed row, but a ship or a plane is not an actor of the ontology
        if problem:
            errors.append(f"{path}:{row.line}: {problem}")
            continue
        programs = [p.strip(" []") for p in (program or "").split("] [") if p.strip(" []")]
        entry = SdnEntry(
            int(ent_num), name, sdn_type == "individual", programs, row, remarks=row.fields[11] or ""
        )
        _unpack_remarks(entry)
        entries.append(entry)
    return text, entries, errors


def _unpack_remarks(entry: SdnEntry) -> None:
    remarks = entry.remarks.strip()
    if remarks.endswith("."):
        remarks = remarks[:-1]
    for part in (p.strip() for p in remarks.split("; ")):
        if not part:
            continue
        body = part[5:] if part.startswith("alt. ") else part
        if m := re.match(r"^[afn]\.k\.a\. '(.+)'\.?$", body):
            entry.aliases.append(_alias(m.group(1), False))
        elif body.startswith("DOB "):
            entry.birth_date.append(parse_date(body[4:]))
        elif body.startswith("POB "):
            entry.birth_place.append(body[4:])
        elif m := re.match(r"^(nationality|citizen) (.+)$", body):
            entry.nationality.append(m.group(2))
        elif body.startswith("Gender "):
            entry.gender = body[7:]
        elif body.startswith("Linked To: "):
            target = body[11:]
            # the remarks' closing dot stands in for the dot of a final "S.A. DE C.V."
            entry.links.append(target + "." if re.search(r"\b[A-Z]\.[A-Z]$", target) else target)
        elif body.startswith("Website "):
            entry.websites.append(body[8:])
        elif m := _ID_RE.match(body):
            entry.identifiers.append(f"{m.group(1)}: {m.group(2)}")
        else:
            entry.other.append(part)  # kept as the description, so no remark is lost


def parse_date(text: str) -> str:
    """An OFAC date as ISO 8601, as precise as written; text that is not a date is kept as is.

    >>> parse_date("29 Mar 1990"), parse_date("Aug 1964"), parse_date("1948"), parse_date("circa 1960")
    ('1990-03-29', '1964-08', '1948', '1960')
    """
    text = text.strip().rstrip(".")
    if m := re.fullmatch(r"(?:circa )?(\d{1,2}) ([A-Za-z]{3}) (\d{4})", text):
        month = _MONTHS.get(m.group(2).lower())
        if month:
            return f"{m.group(3)}-{month:02d}-{int(m.group(1)):02d}"
    if m := re.fullmatch(r"(?:circa )?([A-Za-z]{3}) (\d{4})", text):
        month = _MONTHS.get(m.group(1).lower())
        if month:
            return f"{m.group(2)}-{month:02d}"
    if m := re.fullmatch(r"(?:circa )?(\d{4})", text):
        return m.group(1)
    return text


def _owned_rows(path: Path, fields: int, entries: dict[int, SdnEntry], errors: list[str]):
    """The rows of an ALT or ADD file, each with the SDN entry it belongs to; bad rows go to `errors`."""
    _, rows, row_errors = read_rows(path, fields)
    errors.extend(row_errors)
    for row in rows:
        entry = _owner(path, row, entries, errors)
        if entry is not None:
            yield row, entry


def _join_alt(path: Path, entries: dict[int, SdnEntry], errors: list[str]) -> None:
    for row, entry in _owned_rows(path, ALT_FIELDS, entries, errors):
        if not row.fields[3]:
            errors.append(f"{path}:{row.line}: no alt_name")
            continue
        entry.aliases.append(_alias(row.fields[3], entry.individual))


def _join_add(path: Path, entries: dict[int, SdnEntry], errors: list[str]) -> None:
    for row, entry in _owned_rows(path, ADD_FIELDS, entries, errors):
        _, _, street, city, country, _remarks = row.fields
        parts = [" ".join(p.split()) for p in (street, city, country) if p]
        if parts:
            entry.addresses.append(", ".join(parts))
        if country:
            entry.country.append(country)


def _owner(path: Path, row: Row, entries: dict[int, SdnEntry], errors: list[str]) -> SdnEntry | None:
    ent_num = row.fields[0]
    if not ent_num or not ent_num.isdigit():
        errors.append(f"{path}:{row.line}: ent_num {ent_num!r} is not a number")
        return None
    # Rows for entries absent from the SDN file are normal when the files are of different dates.
    return entries.get(int(ent_num))


# -- building the graph -----------------------------------------------------------------------
def _as_path(value: str | Path | None) -> Path | None:
    return Path(value) if value else None


def ingest(
    paths: Sequence[Path | str],
    alt: Path | str | None = None,
    add: Path | str | None = None,
    known: KnowledgeGraph | None = None,
    **_options: object,
) -> tuple[KnowledgeGraph, list[str]]:
    """Read SDN.CSV files (with optional ALT.CSV and ADD.CSV) into a graph to merge into the store.

    Parameters
    ----------
    paths
        SDN.CSV files (OFAC's legacy format, no header row).
    alt, add
        OFAC's ALT.CSV (alternate names) and ADD.CSV (addresses), joined on ent_num.
    known
        The graph the result will be merged into (default: the current store). A person whose
        natural name matches a known person merges with it unless their dates of birth disagree.

    Returns
    -------
    The new graph and one line per row that could not be read (``file:line: problem``).
    """
    if known is None:
        from ocgraph import settings

        known = settings.store().load()
    kg = KnowledgeGraph()
    errors: list[str] = []
    entries: dict[int, SdnEntry] = {}
    documents: dict[int, str] = {}
    files: dict[int, Path] = {}
    for path in map(Path, paths):
        _, parsed, row_errors = parse_sdn(path)
        errors.extend(row_errors)
        doc = _add_document(kg, path)
        for entry in parsed:
            entries[entry.ent_num] = entry
            documents[entry.ent_num] = doc
            files[entry.ent_num] = path
    if (alt_path := _as_path(alt)) is not None:
        _join_alt(alt_path, entries, errors)
    if (add_path := _as_path(add)) is not None:
        _join_add(add_path, entries, errors)
    if not entries:
        return kg, errors
    ofac = kg.add_entity("GovernmentOrganization", OFAC_NAME, OFAC_ALIASES)
    ids = _assign_ids(entries.values(), known)
    by_sdn_name = {e.sdn_name: e for e in entries.values()}
    for ent_num in sorted(entries):
        entry = entries[ent_num]
        evidence = Evidence(documents[ent_num], entry.row.start, entry.row.end, entry.row.text, EXTRACTOR)
        try:
            _add_entry(kg, entry, ids[ent_num], ofac, evidence)
        except OntologyError as exc:
            errors.append(f"{files[ent_num]}:{entry.row.line}: {exc}")
    for ent_num in sorted(entries):
        entry = entries[ent_num]
        evidence = Evidence(documents[ent_num], entry.row.start, entry.row.end, entry.row.text, EXTRACTOR)
        for target in entry.links:
            other = (
                by_sdn_name.get(target)
                or by_sdn_name.get(target + ".")
                or by_sdn_name.get(target.rstrip("."))
            )
            if other is not None:
                other_id = ids[other.ent_num]
            else:
                # Not in these files (an excerpt, or an entry delisted since): keep the link to a
                # named node of the type its name suggests.
                stub = SdnEntry(0, target, "," in target and not _LEGAL_FORM.search(target), [], entry.row)
                other_id = kg.add_entity(stub.type, stub.name).id
            if other_id != ids[ent_num]:
                kg.add_relation(ids[ent_num], "associated_with", other_id, evidence=[evidence])
    programs = sorted({p for e in entries.values() for p in e.programs})
    kg.add_entity("GovernmentOrganization", OFAC_NAME, properties={"programs": programs}, id=ofac.id)
    return kg, errors


def _add_document(kg: KnowledgeGraph, path: Path) -> str:
    raw = _read_bytes(path)
    doc = kg.add_entity(
        "Document",
        f"OFAC SDN list ({path.name})",
        properties={
            "path": str(path),
            "sha256": hashlib.sha256(raw).hexdigest(),
            "publisher": "U.S. Department of the Treasury, Office of Foreign Assets Control",
            "url": "https://www.treasury.gov/ofac/downloads/sdn.csv",
        },
        id=document_id(raw),
    )
    return doc.id


def _assign_ids(entries: Iterable[SdnEntry], known: KnowledgeGraph) -> dict[int, str]:
    """Entity ids: shared with a known actor of the same name unless a date of birth disagrees.

    Homonyms inside OFAC's own list are told apart by ent_num: the lowest keeps the plain id,
    later ones get ``entity_id(type, name, key="ofac-sdn:<ent_num>")``.
    """
    ids: dict[int, str] = {}
    taken: set[str] = set()
    # indexes of the known graph, built once: a full SDN list against a large store stays linear
    by_source: dict[str, Entity] = {}
    by_name: dict[tuple[str, str], list[Entity]] = {}
    for e in sorted(known.entities.values(), key=lambda e: e.id):
        for sid in e.properties.get("source_ids", ()):
            by_source.setdefault(sid, e)
        for key in {(e.type, fold(n)) for n in e.names()}:
            by_name.setdefault(key, []).append(e)
    for entry in sorted(entries, key=lambda e: e.ent_num):
        plain = entity_id(entry.type, entry.name)
        eid = plain
        match = by_source.get(f"ofac-sdn:{entry.ent_num}")  # an earlier ingest of this same entry
        if match is None:
            # the one known actor of the same type and name (or alias) whose dates of birth agree
            candidates = [
                e for e in by_name.get((entry.type, fold(entry.name)), []) if not _disagrees(entry, e)
            ]
            match = candidates[0] if len(candidates) == 1 else None
        if match is None and entry.type != "Person":
            # a group known by another of its names ("CJNG"); nicknames of people are too often shared
            others = {e.id: e for a in entry.aliases for e in by_name.get((entry.type, fold(a)), [])}
            match = next(iter(others.values())) if len(others) == 1 else None
        if match is not None:
            eid = match.id
        elif plain in known.entities and _disagrees(entry, known.entities[plain]):
            eid = entity_id(entry.type, entry.name, key=f"ofac-sdn:{entry.ent_num}")
        if eid in taken:
            eid = entity_id(entry.type, entry.name, key=f"ofac-sdn:{entry.ent_num}")
        taken.add(eid)
        ids[entry.ent_num] = eid
    return ids


def _disagrees(entry: SdnEntry, other: Entity) -> bool:
    """True for another type, or when both have dates of birth and none agree (graph/matching.py)."""
    theirs = tuple(str(d) for d in other.properties.get("birth_date", ()))
    return other.type != entry.type or dates_disagree(tuple(entry.birth_date), theirs)


def _add_entry(kg: KnowledgeGraph, entry: SdnEntry, eid: str, ofac: Entity, evidence: Evidence) -> None:
    props: dict[str, object] = {
        "birth_date": entry.birth_date,
        "birth_place": entry.birth_place,
        "nationality": entry.nationality,
        "gender": entry.gender,
        "identifiers": entry.identifiers + [f"Website: {w}" for w in entry.websites[1:]],
        "addresses": entry.addresses,
        "country": entry.country,
        "programs": entry.programs,
        "source_ids": [f"ofac-sdn:{entry.ent_num}"],
        "url": entry.websites[0] if entry.websites else None,
        "description": "; ".join(entry.other) or None,
    }
    kg.add_entity(entry.type, entry.name, entry.aliases, props, id=eid)
    kg.add_relation(eid, "sanctioned_by", ofac.id, {"program": entry.programs}, [evidence])
