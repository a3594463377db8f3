"""OFAC SDN loader tests on real rows: counts, names, aliases, programs, links, merges."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from ocgraph.graph.ids import entity_id
from ocgraph.graph.model import KnowledgeGraph
from ocgraph.loaders.ofac import ingest, natural_name, parse_sdn

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "ofac"
SDN24 = FIX / "sdn_2024-05-03_jackdwyer.csv"
SDN21 = FIX / "sdn_2021-04_garybogle.csv"
ALT21 = FIX / "alt_2021-04_garybogle.csv"
ADD21 = FIX / "add_2021-04_garybogle.csv"
OFAC = "govorg/office-of-foreign-assets-control"


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="latin-1", newline="") as handle:
        return list(csv.reader(handle))


def _by_source(kg: KnowledgeGraph, ent_num: int):
    found = [e for e in kg.entities.values() if f"ofac-sdn:{ent_num}" in e.properties.get("source_ids", ())]
    assert len(found) == 1, ent_num
    return found[0]


@pytest.fixture(scope="module")
def kg24() -> KnowledgeGraph:
    kg, errors = ingest([SDN24], known=KnowledgeGraph())
    assert errors == []
    return kg


@pytest.fixture(scope="module")
def kg21() -> KnowledgeGraph:
    kg, errors = ingest([SDN21], alt=ALT21, add=ADD21, known=KnowledgeGraph())
    assert errors == []
    return kg


def test_counts_match_the_csv(kg24: KnowledgeGraph) -> None:
    rows = _rows(SDN24)
    assert len(rows) == 300
    individuals = sum(r[2] == "individual" for r in rows)
    assert individuals == 212
    listed = [e for e in kg24.entities.values() if e.properties.get("source_ids")]
    assert len(listed) == 300
    assert sum(e.type == "Person" for e in listed) == 212
    assert kg24.counts()["relations"]["sanctioned_by"] == 300
    assert all(r.object == OFAC for r in kg24.relations.values() if r.predicate == "sanctioned_by")


def test_names_in_natural_order(kg24: KnowledgeGraph) -> None:
    assert _by_source(kg24, 13149).id == "person/ovidio-guzman-lopez"
    assert _by_source(kg24, 13149).name == "Ovidio Guzman Lopez"
    assert _by_source(kg24, 10357).name == "Monica del Rosario Zambada Niebla"
    assert _by_source(kg24, 11440).name == "Sinaloa Cartel"
    assert _by_source(kg24, 17671).name == "Cartel de Jalisco Nueva Generacion"
    assert _by_source(kg24, 13419).name == "Grupo Cinjab, S.A. de C.V."
    assert natural_name("ARELLANO FELIX, Ramon Eduardo") == "Ramon Eduardo Arellano Felix"


def test_types(kg24: KnowledgeGraph) -> None:
    assert _by_source(kg24, 11440).type == "CriminalOrganization"  # SINALOA CARTEL
    assert _by_source(kg24, 11438).type == "CriminalOrganization"  # LOS ZETAS
    assert _by_source(kg24, 15000).type == "CriminalOrganization"  # MEZA FLORES DRUG TRAFFICKING ORGANIZATION
    assert _by_source(kg24, 34197).type == "CriminalOrganization"  # LOS ROJOS (EO14059 only)
    assert _by_source(kg24, 13419).type == "Organization"  # GRUPO CINJAB, S.A. DE C.V.
    assert _by_source(kg24, 18092).type == "Organization"  # XAMAN HA CENTER: a business under SDNTK
    assert _by_source(kg24, 18128).type == "Organization"  # HOTELITO DESCONOCIDO (has a website)
    crime = sorted(
        e.properties["source_ids"][0]
        for e in kg24.entities.values()
        if e.type == "CriminalOrganization" and e.properties.get("source_ids")
    )
    assert len(crime) == 19


def test_aliases_from_remarks_and_alt(kg24: KnowledgeGraph, kg21: KnowledgeGraph) -> None:
    assert _by_source(kg24, 7226).aliases == ["El Mayo", "Mayo"]
    assert _by_source(kg24, 10900).aliases == ["BLO"]
    assert _by_source(kg24, 11440).aliases == ["Guadalajara Cartel", "Mexican Federation"]  # f.k.a.
    mayo21 = _by_source(kg21, 7226)
    # ALT rows 5174-5178 and 10077 ("ZAMBADA, El Mayo" and five full names)
    assert mayo21.aliases == [
        "El Mayo Zambada",
        "Ismael Higuera Renteria",
        "Ismael Mario Zambada Garcia",
        "Javier Garcia Hernandez",
        "Jeronimo Lopez Landeros",
        "Jesus Loaiza Avendano",
    ]


def test_details_and_addresses(kg24: KnowledgeGraph, kg21: KnowledgeGraph) -> None:
    ovidio = _by_source(kg24, 13149).properties
    assert ovidio["birth_date"] == ["1990-03-29"]
    assert ovidio["birth_place"] == ["Culiacan, Sinaloa, Mexico"]
    assert ovidio["nationality"] == ["Mexico"]
    assert ovidio["gender"] == "Male"
    assert ovidio["identifiers"] == ["C.U.R.P.: GULO900329HSLZPV09 (Mexico)"]
    assert _by_source(kg24, 7226).properties["birth_date"] == ["1948"]
    assert _by_source(kg21, 7226).properties["birth_date"] == ["1948-01-01", "1951-09-03", "1952-12-06"]
    addresses = _by_source(kg21, 7226).properties["addresses"]
    assert len(addresses) == sum(r[0] == "7226" for r in _rows(ADD21)) == 4
    assert "Calle Presa Humaya #104, Fraccionamiento Las Quintas, Culiacan, Sinaloa, Mexico" in addresses
    assert _by_source(kg21, 7226).properties["country"] == ["Mexico"]


def test_programs(kg24: KnowledgeGraph) -> None:
    mayo = _by_source(kg24, 7226)
    assert mayo.properties["programs"] == ["ILLICIT-DRUGS-EO14059", "SDNTK"]
    rel = next(r for r in kg24.relations_of(mayo.id) if r.predicate == "sanctioned_by")
    assert rel.properties["program"] == ["ILLICIT-DRUGS-EO14059", "SDNTK"]
    expected = sorted({p for r in _rows(SDN24) for p in r[3].split("] [")})
    assert expected == ["ILLICIT-DRUGS-EO14059", "SDNTK", "TCO"]
    assert kg24.entities[OFAC].properties["programs"] == expected
    assert kg24.entities[OFAC].aliases[0] == "OFAC"


def test_linked_to_becomes_associated_with(kg24: KnowledgeGraph) -> None:
    rows = _rows(SDN24)
    names = {r[1] for r in rows}
    pairs = set()
    for r in rows:
        for part in r[11].strip().removesuffix(".").split("; "):
            if part.startswith("Linked To: "):
                target = part.removeprefix("Linked To: ")
                # the remark's closing dot may have eaten the dot of "S.A. DE C.V."
                pairs.add(frozenset((r[1], target + "." if target + "." in names else target)))
    # the same unordered pair listed from both ends is one symmetric edge
    assert kg24.counts()["relations"]["associated_with"] == len(pairs) == 248
    jatziry = _by_source(kg24, 15114)
    linked = {
        r.object if r.subject == jatziry.id else r.subject
        for r in kg24.relations_of(jatziry.id)
        if r.predicate == "associated_with"
    }
    assert linked == {_by_source(kg24, 15001).id} == {"person/fausto-isidro-meza-flores"}
    # a target missing from this excerpt still gets a node of the type its name suggests
    stub = kg24.entities["org/servicios-chulavista-sa-de-cv"]
    assert (stub.type, stub.name, stub.properties) == (
        "Organization",
        "Servicios Chulavista, S.A. de C.V.",
        {},
    )


def test_evidence_points_at_the_row(kg24: KnowledgeGraph) -> None:
    text = SDN24.read_bytes().decode("latin-1")
    mayo = _by_source(kg24, 7226)
    rel = next(r for r in kg24.relations_of(mayo.id) if r.predicate == "sanctioned_by")
    (ev,) = rel.evidence
    assert ev.extractor == "ofac-sdn"
    assert text[ev.start : ev.end] == ev.sentence
    assert ev.sentence.startswith('7226,"ZAMBADA GARCIA, Ismael","individual"')
    assert ev.sentence.endswith("a.k.a. 'Mayo'.\"")
    doc = kg24.entities[ev.document]
    assert doc.type == "Document" and doc.properties["path"] == str(SDN24)


def test_quirks_latin1_eof_byte_and_malformed_row(tmp_path: Path) -> None:
    raw = SDN24.read_bytes()
    lines = raw.split(b"\r\n")
    bad = b'99999,"BROKEN, Row","individual"'  # three fields instead of twelve
    lines.insert(4, bad)
    body = b"\r\n".join(lines).replace(b"GUZMAN LOPEZ, Ovidio", "GUZMÁN LÓPEZ, Ovidio".encode("latin-1"))
    path = tmp_path / "SDN.CSV"
    path.write_bytes(body + b"\x1a")
    kg, errors = ingest([path], known=KnowledgeGraph())
    assert errors == [f"{path}:5: expected 12 fields, found 3"]
    assert kg.counts()["relations"]["sanctioned_by"] == 300  # the rest loads
    ovidio = kg.entities["person/ovidio-guzman-lopez"]
    assert ovidio.name == "Ovidio Guzmán López"
    # the row after the bad one still has the right offsets
    rel = next(r for r in kg.relations_of(_by_source(kg, 6857).id) if r.predicate == "sanctioned_by")
    assert body.decode("latin-1")[rel.evidence[0].start : rel.evidence[0].end] == rel.evidence[0].sentence


def test_null_marker_and_crlf() -> None:
    _, entries, errors = parse_sdn(SDN24)
    assert errors == []
    afo = next(e for e in entries if e.ent_num == 8236)  # every optional field is `-0- `
    assert (afo.individual, afo.remarks, afo.aliases, afo.programs) == (False, "", [], ["SDNTK"])
    assert not afo.row.text.endswith("\r")


def test_merges_with_a_text_actor() -> None:
    known = KnowledgeGraph()
    known.add_entity("Person", "Ovidio Guzmán López", ["Ratón"])
    kg, _ = ingest([SDN24], known=known)
    assert _by_source(kg, 13149).id == "person/ovidio-guzman-lopez"
    known.merge(kg)
    ovidio = known.entities["person/ovidio-guzman-lopez"]
    assert ovidio.name == "Ovidio Guzmán López"
    assert ovidio.properties["source_ids"] == ["ofac-sdn:13149"]
    assert ovidio.aliases == ["El Raton", "Ratón", "Raton Nuevo"]


def test_stays_apart_when_dates_of_birth_disagree() -> None:
    known = KnowledgeGraph()
    known.add_entity("Person", "Ovidio Guzmán López", properties={"birth_date": ["1975-02-01"]})
    kg, _ = ingest([SDN24], known=known)
    assert _by_source(kg, 13149).id == entity_id("Person", "Ovidio Guzman Lopez", key="ofac-sdn:13149")
    # a year-only date that agrees does not split them
    known2 = KnowledgeGraph()
    known2.add_entity("Person", "Ovidio Guzmán López", properties={"birth_date": ["1990"]})
    kg2, _ = ingest([SDN24], known=known2)
    assert _by_source(kg2, 13149).id == "person/ovidio-guzman-lopez"


def test_second_surname_keeps_people_apart() -> None:
    known = KnowledgeGraph()
    known.add_entity("Person", "Joaquín Guzmán López")
    kg, _ = ingest([SDN24], known=known)
    assert _by_source(kg, 41897).id == "person/joaquin-guzman-lopez"
    assert _by_source(kg, 6861).id == "person/joaquin-guzman-loera"


def test_homonyms_inside_the_list(tmp_path: Path) -> None:
    lines = SDN24.read_bytes().split(b"\r\n")
    ovidio = next(line for line in lines if line.startswith(b"13149,"))
    twin = ovidio.replace(b"13149,", b"50001,").replace(b"DOB 29 Mar 1990", b"DOB 01 Jan 1970")
    path = tmp_path / "sdn.csv"
    path.write_bytes(b"\r\n".join([twin, *lines]))
    kg, errors = ingest([path], known=KnowledgeGraph())
    assert errors == []
    assert _by_source(kg, 13149).id == "person/ovidio-guzman-lopez"  # lowest ent_num keeps the plain id
    assert _by_source(kg, 50001).id == entity_id("Person", "Ovidio Guzman Lopez", key="ofac-sdn:50001")


def test_deterministic_and_idempotent() -> None:
    first, _ = ingest([SDN21], alt=ALT21, add=ADD21, known=KnowledgeGraph())
    second, _ = ingest([SDN21], alt=ALT21, add=ADD21, known=KnowledgeGraph())
    assert first.to_records() == second.to_records()
    store = KnowledgeGraph()
    store.merge(first)
    again, _ = ingest([SDN21], alt=ALT21, add=ADD21, known=store)
    store.merge(again)
    assert store.to_records() == first.to_records()


def test_2021_and_2024_lists_merge_on_ent_num(kg21: KnowledgeGraph) -> None:
    store = KnowledgeGraph()
    store.merge(kg21)
    kg24, _ = ingest([SDN24], known=store)
    store.merge(kg24)
    sinaloa = store.entities["crimorg/sinaloa-cartel"]
    assert sinaloa.properties["source_ids"] == ["ofac-sdn:11440"]
    assert sinaloa.aliases == ["Alliance", "Federation", "Guadalajara Cartel", "Mexican Federation"]
    assert sinaloa.properties["programs"] == ["ILLICIT-DRUGS-EO14059", "SDNTK"]


def test_cli_ingest_with_alt_and_add(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from ocgraph import settings
    from ocgraph.cli import main

    runner = CliRunner()
    args = ["ingest", "--format", "ofac-sdn", str(SDN21), "--alt", str(ALT21), "--add", str(ADD21)]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "relations: 481 (+481)" in result.output  # 238 sanctioned_by + 243 associated_with
    stored = settings.store().load()
    assert _by_source(stored, 7226).aliases[0] == "El Mayo Zambada"
    again = runner.invoke(main, args)
    assert "entities: 259 (+0)" in again.output and "relations: 481 (+0)" in again.output
    # a malformed row: one line naming file:line, exit 1, and every other row still loads
    bad = tmp_path / "SDN.CSV"
    lines = SDN24.read_bytes().split(b"\r\n")
    bad.write_bytes(b"\r\n".join([*lines[:2], b'"not a number","X",-0- ', *lines[2:]]))
    result = runner.invoke(main, ["ingest", "--format", "ofac-sdn", str(bad)])
    assert result.exit_code == 1
    assert f"error: {bad}:3: expected 12 fields, found 3" in result.output
    assert settings.store().load().counts()["relations"]["sanctioned_by"] == 238 + 62  # the 62 newer entries


def test_merges_with_the_text_loader() -> None:
    """The seed article's actors and the OFAC rows meet on the same ids."""
    from click.testing import CliRunner

    from ocgraph import settings
    from ocgraph.cli import main

    runner = CliRunner()
    seed = Path(__file__).resolve().parents[2] / "data" / "seed-kingpin-strategy.txt"
    assert runner.invoke(main, ["ingest", str(seed)]).exit_code == 0
    assert runner.invoke(main, ["ingest", "--format", "ofac-sdn", str(SDN24)]).exit_code == 0
    kg = settings.store().load()
    ovidio = kg.entities["person/ovidio-guzman-lopez"]
    assert ovidio.name == "Ovidio Guzmán López"  # the text's spelling came first
    assert ovidio.properties["source_ids"] == ["ofac-sdn:13149"]
    facts = {r.predicate for r in kg.relations_of(ovidio.id)}
    assert {"sanctioned_by", "member_of", "child_of"} <= facts
    # two different second surnames: two people
    assert kg.entities["person/joaquin-guzman-lopez"].properties["source_ids"] == ["ofac-sdn:41897"]
    assert kg.entities["person/joaquin-guzman-loera"].properties["source_ids"] == ["ofac-sdn:6861"]


def test_utf8_resave_and_vessels(tmp_path: Path) -> None:
    lines = SDN24.read_bytes().split(b"\r\n")
    # the same list re-saved as UTF-8 with an accent, plus a (made-up) vessel row, which is no actor
    body = b"\r\n".join(lines).replace(b"GUZMAN LOPEZ, Ovidio", "GUZMÁN LÓPEZ, Ovidio".encode())
    vessel = b'99998,"SOME SHIP","vessel","SDNTK",-0- ,-0- ,"Cargo",-0- ,-0- ,"Panama",-0- ,-0- '
    path = tmp_path / "sdn-utf8.csv"
    path.write_bytes(vessel + b"\r\n" + body)
    kg, errors = ingest([path], known=KnowledgeGraph())
    assert errors == []
    assert kg.entities["person/ovidio-guzman-lopez"].name == "Ovidio Guzmán López"
    assert kg.counts()["relations"]["sanctioned_by"] == 300
    assert not kg.find("Some Ship")


def test_a_group_merges_through_an_alias(fixture_graph: KnowledgeGraph) -> None:
    # the seed article's "Jalisco New Generation Cartel" (alias CJNG) is OFAC's 17671
    # "CARTEL DE JALISCO NUEVA GENERACION", whose ALT rows give "CJNG"
    kg, _ = ingest([SDN21], alt=ALT21, known=fixture_graph)
    assert _by_source(kg, 17671).id == "crimorg/jalisco-new-generation-cartel"
    fixture_graph.merge(kg)
    cjng = fixture_graph.entities["crimorg/jalisco-new-generation-cartel"]
    assert cjng.name == "Jalisco New Generation Cartel"
    assert cjng.aliases == ["Cartel de Jalisco Nueva Generacion", "CJNG", "New Generation Cartel of Jalisco"]
    # without the ALT file there is no shared name, so no merge
    alone, _ = ingest([SDN21], known=fixture_graph.__class__())
    assert _by_source(alone, 17671).id == "crimorg/cartel-de-jalisco-nueva-generacion"
