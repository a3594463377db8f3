"""Entity resolution on hand-checked pairs: what merges, what stays apart, why, and in any input order."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from ocgraph.graph.model import Evidence, KnowledgeGraph
from ocgraph.graph.resolution import project, resolve
from ocgraph.graph.review import Decision
from ocgraph.graph.store import dumps_records
from ocgraph.loaders.ofac import ingest as ofac_ingest

OFAC = Path(__file__).resolve().parents[1] / "fixtures" / "ofac"
SDN24, SDN21, ALT21 = (
    OFAC / "sdn_2024-05-03_jackdwyer.csv",
    OFAC / "sdn_2021-04_garybogle.csv",
    OFAC / "alt_2021-04_garybogle.csv",
)
DOC = "doc/0000000000000001"


def _ev(start: int, sentence: str = "a sentence") -> Evidence:
    return Evidence(DOC, start, start + len(sentence), sentence, "test", 0.9)


def _nodes(kg: KnowledgeGraph) -> set[str]:
    return {e.id for e in kg.entities.values() if e.type != "Document"}


def _why(kg: KnowledgeGraph, eid: str) -> list[str]:
    return kg.entities[eid].properties.get("merged_from", [])


# -- people -----------------------------------------------------------------------------------
def test_ofac_name_order_meets_the_article() -> None:
    kg = KnowledgeGraph()
    text = kg.add_entity("Person", "Iván Archivaldo Guzmán Salazar")
    kg.add_entity("Person", "Archivaldo Ivan Guzman Salazar", properties={"birth_date": ["1980"]})
    kg.add_entity("Person", "GUZMAN SALAZAR Ivan Archivaldo")  # surnames first, as some lists write it
    graph, mapping, merges = resolve(kg)
    assert _nodes(graph) == {text.id}
    assert mapping == {
        "person/archivaldo-ivan-guzman-salazar": text.id,
        "person/guzman-salazar-ivan-archivaldo": text.id,
    }
    assert _why(graph, text.id) == [
        "person/archivaldo-ivan-guzman-salazar: Archivaldo Ivan Guzman Salazar = Iván Archivaldo Guzmán "
        "Salazar (same words in another order)",
        "person/guzman-salazar-ivan-archivaldo: GUZMAN SALAZAR Ivan Archivaldo = Archivaldo Ivan Guzman "
        "Salazar (same words in another order)",
    ]
    assert graph.entities[text.id].properties["birth_date"] == ["1980"]
    assert {m.match.rule for m in merges} == {"same words in another order"}


def test_swapped_surnames_are_another_family() -> None:
    kg = KnowledgeGraph()
    kg.add_entity("Person", "Benito Arellano Acosta")
    kg.add_entity("Person", "Benito Acosta Arellano")
    assert len(resolve(kg).graph.entities) == 2


def test_one_nickname_and_both_surnames_make_one_person_under_two_given_names() -> None:
    # dev: El Mencho is "Nemesio Oseguera Cervantes" in one article, "Rubén Oseguera Cervantes" in another
    kg = KnowledgeGraph()
    nemesio = kg.add_entity("Person", "Nemesio Oseguera Cervantes", ["El Mencho"])
    ruben = kg.add_entity("Person", "Rubén Oseguera Cervantes", ["El Mencho"])
    kg.add_entity("Person", "Omar Oseguera Cervantes", ["El Menchito"])  # another nickname: another person
    graph, mapping, merges = resolve(kg)
    assert [set(pair) for pair in mapping.items()] == [{nemesio.id, ruben.id}]
    assert [m.match.rule for m in merges] == ["same surnames and nickname"]
    assert len(graph.entities) == 2


def test_loera_and_lopez_are_two_people_whatever_their_nicknames() -> None:
    kg = KnowledgeGraph()
    kg.add_entity("Person", "Joaquín Guzmán Loera", ["El Chapo"])
    kg.add_entity("Person", "Joaquín Guzmán López", ["El Chapo"])
    kg.add_entity("Person", "Joaquin Guzman")  # a short name fitting both: left alone
    graph, mapping, _ = resolve(kg)
    assert mapping == {}
    assert len(graph.entities) == 3


def test_arellano_felix_brothers_are_kept_apart_by_their_dates_of_birth() -> None:
    # OFAC 6706 "ARELLANO FELIX, Ramon Eduardo" (DOB 31 Aug 1964) and 8234 "ARELLANO FELIX, Eduardo
    # Ramon" (DOB 10 Nov 1956): the same words, two brothers
    kg = KnowledgeGraph()
    kg.add_entity("Person", "Ramon Eduardo Arellano Felix", properties={"birth_date": ["1964-08-31"]})
    kg.add_entity("Person", "Eduardo Ramon Arellano Felix", properties={"birth_date": ["1956-11-10"]})
    assert len(resolve(kg).graph.entities) == 2
    # without the dates, the names alone would make them one
    bare = KnowledgeGraph()
    bare.add_entity("Person", "Ramon Eduardo Arellano Felix")
    bare.add_entity("Person", "Eduardo Ramon Arellano Felix")
    assert len(resolve(bare).graph.entities) == 1


def test_two_ofac_entries_with_one_name_and_two_dates_of_birth_stay_two_people() -> None:
    kg, errors = ofac_ingest([SDN24], known=KnowledgeGraph())
    assert errors == []
    graph, mapping, _ = resolve(kg)
    brothers = [e for e in graph.entities.values() if e.name.endswith("Arellano Felix") and "Ramon" in e.name]
    assert sorted((e.name, e.properties["birth_date"]) for e in brothers) == [
        ("Eduardo Ramon Arellano Felix", ["1956-11-10"]),
        ("Ramon Eduardo Arellano Felix", ["1964-08-31"]),
    ]
    assert not any(old.startswith("person/") for old in mapping)  # no two persons of the list merged


def test_different_parents_keep_namesakes_apart() -> None:
    kg = KnowledgeGraph()
    a = kg.add_entity("Person", "Juan Carlos Pérez Soto").id
    b = kg.add_entity("Person", "Carlos Juan Pérez Soto").id
    kg.add_relation(a, "child_of", kg.add_entity("Person", "Pedro Pérez Ruiz").id)
    kg.add_relation(b, "child_of", kg.add_entity("Person", "Luis Pérez Vega").id)
    assert len(resolve(kg).graph.entities) == 4
    # the same father (named in another word order) does not keep them apart
    same = KnowledgeGraph()
    a = same.add_entity("Person", "Juan Carlos Pérez Soto").id
    b = same.add_entity("Person", "Carlos Juan Pérez Soto").id
    same.add_relation(a, "child_of", same.add_entity("Person", "Pedro Pérez Ruiz").id)
    same.add_relation(b, "child_of", same.add_entity("Person", "Pérez Ruiz Pedro").id)
    graph = resolve(same).graph
    assert len(graph.entities) == 2
    assert [r.predicate for r in graph.relations.values()] == ["child_of"]


def test_a_nickname_joins_the_one_person_who_bears_it() -> None:
    kg = KnowledgeGraph()
    mencho = kg.add_entity("Person", "Nemesio Oseguera Cervantes", ["El Mencho"]).id
    kg.add_entity("Person", "El Mencho")
    kg.add_entity("Person", "Mencho")  # the same nickname without its article
    graph, mapping, _ = resolve(kg)
    assert mapping == {"person/el-mencho": mencho, "person/mencho": mencho}
    # the names compared: the nickname, and the alias it equals
    assert sorted(_why(graph, mencho)) == [
        "person/el-mencho: El Mencho = El Mencho (same nickname)",
        "person/mencho: Mencho = El Mencho (same nickname)",
    ]


def test_a_nickname_two_people_bear_stays_alone() -> None:
    # OFAC 32501 PINEDA ARMENTA, Leonardo a.k.a. 'EL 20' and 48083 LIZARRAGA MARTINEZ, Victor a.k.a. 'El 20'
    kg, _ = ofac_ingest([SDN24], known=KnowledgeGraph())
    kg.add_entity("Person", "El 20")
    graph = resolve(kg).graph
    assert "person/el-20" in graph.entities
    assert "person/el-20" not in graph.entities["person/leonardo-pineda-armenta"].properties.get(
        "merged_from", ""
    )


def test_spelling_variants_but_not_another_name() -> None:
    kg = KnowledgeGraph()
    kg.add_entity("Person", "Iván Archivaldo Guzmán Salazar")
    kg.add_entity("Person", "Ivan Archibaldo Guzman Salazar")  # OFAC's ALT spelling: b for v
    kg.add_entity("Person", "Juan José Esparragoza Moreno")
    kg.add_entity("Person", "Juan José Esparagoza Moreno")  # a letter not doubled
    kg.add_entity("Person", "Jesús González Peñuelas")
    kg.add_entity("Person", "Jesus Gonzales Penuelas")  # s for z
    kg.add_entity("Person", "Gabriel Pérez Soto")
    kg.add_entity("Person", "Gabriela Pérez Soto")  # another person: the end of a name
    kg.add_entity("Person", "José Hernández Ruiz")
    kg.add_entity("Person", "José Fernández Ruiz")  # another family: a letter that sounds different
    graph, mapping, merges = resolve(kg)
    assert mapping == {
        "person/ivan-archibaldo-guzman-salazar": "person/ivan-archivaldo-guzman-salazar",
        "person/jesus-gonzales-penuelas": "person/jesus-gonzalez-penuelas",
        "person/juan-jose-esparagoza-moreno": "person/juan-jose-esparragoza-moreno",
    }
    assert {m.match.rule for m in merges} == {"spelling variant of one word"}
    assert len(graph.entities) == 7


def test_a_spelling_variant_that_fits_two_namesakes_stays_alone() -> None:
    kg = KnowledgeGraph()
    kg.add_entity("Person", "Ivan Archibaldo Guzman Salazar")
    kg.add_entity("Person", "Iván Archivaldo Guzmán Salazar", properties={"birth_date": ["1980"]})
    kg.add_entity("Person", "Ivan Archivaldo Guzman Salazar", properties={"birth_date": ["1955"]},
                  id="person/ivan-archivaldo-guzman-salazar-5f0c3b1e")  # fmt: skip
    assert resolve(kg).mapping == {}


def test_shorter_name_merges_only_with_a_date_of_birth_to_agree() -> None:
    kg = KnowledgeGraph()
    kg.add_entity("Person", "Iván Archivaldo Guzmán Salazar")
    kg.add_entity("Person", "Iván Guzmán Salazar")
    assert len(resolve(kg).graph.entities) == 2
    kg.add_entity("Person", "Iván Archivaldo Guzmán Salazar", properties={"birth_date": ["1980-10-02"]})
    kg.add_entity("Person", "Iván Guzmán Salazar", properties={"birth_date": ["1980-10-02"]})
    graph, _, merges = resolve(kg)
    assert len(graph.entities) == 1
    assert merges[0].match.rule == "the full name without a second given name, same date of birth"


@pytest.mark.parametrize(
    ("full", "short", "namesake", "rule"),
    [
        # Treasury's releases write "Adam J. Szubin", InSight Crime "Adam Szubin" (tests/fixtures/real/test13)
        ("Adam J. Szubin", "Adam Szubin", "Adam K. Szubin", "the full name without a middle initial"),
        # test17: InSight Crime's "Florindo Eleuterio Flores", Treasury's "Florindo Eleuterio Flores Hala"
        (
            "Florindo Eleuterio Flores Hala",
            "Florindo Eleuterio Flores",
            "Florindo Eleuterio Flores Ruiz",
            "the full name without its second surname",
        ),
    ],
)
def test_a_shorter_written_name_merges_only_when_it_fits_one_person(
    full: str, short: str, namesake: str, rule: str
) -> None:
    kg = KnowledgeGraph()
    full_id = kg.add_entity("Person", full).id
    short_id = kg.add_entity("Person", short).id
    _, mapping, merges = resolve(kg)
    assert mapping == {short_id: full_id}
    assert merges[0].match.rule == rule
    kg.add_entity("Person", namesake)  # two namesakes now: the short name fits either
    assert resolve(kg).mapping == {}


# -- groups -----------------------------------------------------------------------------------
def test_cjng_in_spanish_english_and_as_an_acronym_is_one_group() -> None:
    kg = KnowledgeGraph()
    es = kg.add_entity("CriminalOrganization", "Cártel de Jalisco Nueva Generación").id
    en = kg.add_entity("CriminalOrganization", "Jalisco New Generation Cartel").id
    acr = kg.add_entity("Organization", "CJNG").id
    graph, mapping, _ = resolve(kg)
    assert mapping == {es: en, acr: en}
    cjng = graph.entities[en]
    assert (cjng.type, cjng.name, cjng.aliases) == (
        "CriminalOrganization",
        "Jalisco New Generation Cartel",
        ["Cártel de Jalisco Nueva Generación", "CJNG"],
    )
    assert sorted(_why(graph, en)) == [
        "crimorg/cartel-de-jalisco-nueva-generacion: Cártel de Jalisco Nueva Generación = Jalisco New "
        "Generation Cartel (same name in Spanish and English)",
        "org/cjng: CJNG = Cártel de Jalisco Nueva Generación (acronym)",
    ]


def test_sinaloa_cartel_from_a_list_and_from_text_is_one_crime_group() -> None:
    kg = KnowledgeGraph()
    listed = kg.add_entity("Organization", "Cartel de Sinaloa").id
    text = kg.add_entity("CriminalOrganization", "Sinaloa Cartel").id
    ofac = kg.add_entity("GovernmentOrganization", "Office of Foreign Assets Control").id
    kg.add_relation(listed, "sanctioned_by", ofac, {"program": ["SDNTK"]}, [_ev(0)])
    graph, mapping, _ = resolve(kg)
    assert mapping == {listed: text}  # the more specific type wins, whatever the names
    (rel,) = graph.relations.values()
    assert (rel.subject, rel.predicate, rel.object, rel.evidence) == (text, "sanctioned_by", ofac, [_ev(0)])


def test_gulf_cartel_is_not_the_clan_del_golfo_and_cdg_fits_both() -> None:
    kg = KnowledgeGraph()
    gulf = kg.add_entity("CriminalOrganization", "Gulf Cartel").id
    kg.add_entity("CriminalOrganization", "Cartel del Golfo")
    clan = kg.add_entity("CriminalOrganization", "Clan del Golfo").id
    cdg = kg.add_entity("CriminalOrganization", "CDG").id
    graph, mapping, _ = resolve(kg)
    assert mapping == {"crimorg/cartel-del-golfo": gulf}
    assert {gulf, clan, cdg} == _nodes(graph)


def test_two_entries_of_one_list_stay_two_companies_despite_a_shared_trade_name() -> None:
    # OFAC 15664 CASA EL VIEJO LUIS DISTRIBUIDORA and 15673 GRUPO COMERCIAL ROOL: both a.k.a. 'EL VIEJO LUIS'
    kg, _ = ofac_ingest([SDN21], alt=ALT21, known=KnowledgeGraph())
    graph, mapping, _ = resolve(kg)
    assert "org/grupo-comercial-rool-sa-de-cv" in graph.entities
    assert "org/casa-el-viejo-luis-distribuidora-sa-de-cv" in graph.entities
    assert not any(old.startswith("org/") for old in mapping)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("Person", "Sinaloa Cartel"), ("CriminalOrganization", "Sinaloa Cartel")),
        (("Place", "Mexico"), ("State", "Mexico")),
        (("CriminalOrganization", "Mexican Army"), ("GovernmentOrganization", "Ejército Mexicano")),
        (("Place", "Sinaloa"), ("CriminalOrganization", "Sinaloa")),
    ],
)
def test_types_that_never_merge(a: tuple[str, str], b: tuple[str, str]) -> None:
    kg = KnowledgeGraph()
    kg.add_entity(*a)
    kg.add_entity(*b)
    assert resolve(kg).mapping == {}


def test_government_bodies_in_two_word_orders_and_languages() -> None:
    kg = KnowledgeGraph()
    kg.add_entity("GovernmentOrganization", "Department of State")
    kg.add_entity("GovernmentOrganization", "State Department")
    kg.add_entity("GovernmentOrganization", "Ejército Mexicano")
    kg.add_entity("GovernmentOrganization", "Mexican Army")
    # a name made only of words for a kind of body ("National Guard") names no one body: never a key
    kg.add_entity("GovernmentOrganization", "Guardia Nacional")
    kg.add_entity("GovernmentOrganization", "National Guard")
    assert resolve(kg).mapping == {
        "govorg/ejercito-mexicano": "govorg/mexican-army",
        "govorg/state-department": "govorg/department-of-state",
    }


def test_linked_entities_are_two() -> None:
    kg = KnowledgeGraph()
    a = kg.add_entity("Person", "Juan Carlos Pérez Soto").id
    b = kg.add_entity("Person", "Carlos Juan Pérez Soto").id
    kg.add_relation(a, "sibling_of", b, evidence=[_ev(0)])
    assert resolve(kg).mapping == {}


# -- relations, determinism, decisions --------------------------------------------------------
def _rivals() -> KnowledgeGraph:
    kg = KnowledgeGraph()
    es = kg.add_entity("CriminalOrganization", "Cártel de Sinaloa").id
    en = kg.add_entity("CriminalOrganization", "Sinaloa Cartel").id
    cjng = kg.add_entity("CriminalOrganization", "Jalisco New Generation Cartel").id
    mayo = kg.add_entity("Person", "Ismael Zambada García", ["El Mayo"]).id
    kg.add_entity("Person", "El Mayo")
    kg.add_relation(es, "rival_of", cjng, evidence=[_ev(10, "first")])
    kg.add_relation(cjng, "rival_of", en, evidence=[_ev(50, "second")])
    kg.add_relation(
        mayo, "leader_of", es, {"status": "current"}, [_ev(90, "Ismael Zambada García, El Mayo, leads it.")]
    )
    kg.add_relation(
        "person/el-mayo", "leader_of", en, {"role": "co-founder"}, [_ev(180, "El Mayo co-founded it.")]
    )
    return kg


def test_relations_and_evidence_move_and_a_symmetric_one_stays_stored_once() -> None:
    graph = resolve(_rivals()).graph
    rels = sorted((r.subject, r.predicate, r.object, r.properties, [e.start for e in r.evidence])
                  for r in graph.relations.values())  # fmt: skip
    assert rels == [
        ("crimorg/jalisco-new-generation-cartel", "rival_of", "crimorg/sinaloa-cartel", {}, [10, 50]),
        (
            "person/ismael-zambada-garcia",
            "leader_of",
            "crimorg/sinaloa-cartel",
            {"role": "co-founder", "status": "current"},
            [90, 180],
        ),
    ]


def test_input_order_changes_neither_ids_nor_bytes() -> None:
    records = _rivals().to_records()
    entities = [r for r in records if r["kind"] == "entity"]
    relations = [r for r in records if r["kind"] == "relation"]
    outputs = set()
    for order in itertools.islice(itertools.permutations(entities), 0, None, 17):
        kg = KnowledgeGraph()
        for record in [*order, *relations]:
            kg.add_record(record)
        graph, mapping, _ = resolve(kg)
        outputs.add(("".join(dumps_records(graph)), json.dumps(mapping, sort_keys=True)))
    assert len(outputs) == 1


def test_resolve_leaves_its_input_alone_and_a_second_pass_finds_nothing() -> None:
    kg = _rivals()
    before = kg.to_records()
    graph, _, merges = resolve(kg)
    assert kg.to_records() == before
    assert len(merges) == 2
    again, mapping, more = resolve(graph)
    assert (mapping, more) == ({}, [])
    assert again.to_records() == graph.to_records()


def test_split_restores_what_was_merged() -> None:
    kg = _rivals()
    graph, _, _ = resolve(kg)
    split = Decision("split", "person/el-mayo", "", "person/ismael-zambada-garcia", "two men", "ana")
    back, mapping, _ = resolve(graph, [split])
    assert mapping == {}
    # El Mayo is back with its own fact; the Sinaloa merge is untouched; Ismael keeps the alias his own
    # sentence gives him
    assert back.entities["person/el-mayo"].name == "El Mayo"
    assert back.entities["person/ismael-zambada-garcia"].aliases == ["El Mayo"]
    facts = sorted((r.subject, r.predicate, [e.start for e in r.evidence]) for r in back.relations.values())
    assert facts == [
        ("crimorg/jalisco-new-generation-cartel", "rival_of", [10, 50]),
        ("person/el-mayo", "leader_of", [180]),
        ("person/ismael-zambada-garcia", "leader_of", [90]),
    ]
    assert [line.split(":")[0] for line in _why(back, "person/ismael-zambada-garcia")] == []


def test_split_of_every_merge_gives_back_the_input() -> None:
    kg = _rivals()
    graph, mapping, _ = resolve(kg)
    splits = [Decision("split", old, "", new, "check", "ana") for old, new in mapping.items()]
    assert resolve(graph, splits).graph.to_records() == kg.to_records()


def test_analyst_merge_joins_what_no_rule_would() -> None:
    kg = KnowledgeGraph()
    a = kg.add_entity("Person", "Rafael Caro Quintero").id
    b = kg.add_entity("Person", "El Príncipe").id
    kg.add_entity("Person", "Joaquín Guzmán Loera")
    graph, mapping, _ = resolve(kg, [Decision("merge", a, "", b, "court records", "ana")])
    assert mapping == {b: a}
    assert _why(graph, a) == [
        "person/el-principe: El Príncipe = Rafael Caro Quintero (analyst merge by ana: court records)"
    ]


def test_project_gives_each_document_the_resolved_ids_and_keeps_its_own_names() -> None:
    one, two = KnowledgeGraph(), KnowledgeGraph()
    a = one.add_entity("CriminalOrganization", "Tierra Caliente Cartel").id
    p = one.add_entity("Person", "Juan Carlos Mendoza Ríos").id
    one.add_relation(p, "leader_of", a, evidence=[_ev(0)])
    two.add_entity("CriminalOrganization", "Cartel de Tierra Caliente")
    q = two.add_entity("Organization", "CTC").id
    two.add_relation(two.add_entity("Person", "Pedro Mendoza Ruiz").id, "member_of", q, evidence=[_ev(5)])
    union = KnowledgeGraph()
    union.merge(one)
    union.merge(two)
    resolution = resolve(union)
    first, second = project(one, resolution), project(two, resolution)
    assert sorted((e.id, e.type, e.name, e.aliases) for e in second.entities.values()) == [
        ("crimorg/tierra-caliente-cartel", "CriminalOrganization", "Cartel de Tierra Caliente", ["CTC"]),
        ("person/pedro-mendoza-ruiz", "Person", "Pedro Mendoza Ruiz", []),
    ]
    assert [(r.subject, r.object) for r in second.relations.values()] == [
        ("person/pedro-mendoza-ruiz", "crimorg/tierra-caliente-cartel")
    ]
    assert first.entities.keys() == {"crimorg/tierra-caliente-cartel", "person/juan-carlos-mendoza-rios"}


def test_more_spanish_and_portuguese_forms_of_group_names_meet_their_english_ones() -> None:
    # test5's ne-wikipedia-los-viagras and ne-wikipedia-beltran-leyva-organization; dev's PCC articles
    kg = KnowledgeGraph()
    pairs = [
        ("Cártel Independiente de Acapulco", "Independent Cartel of Acapulco"),
        ("Comando Vermelho", "Red Command"),
        # Italian, Spanish and Russian forms beside the English one (tests/fixtures/real/test8, test14)
        ("Banda della Magliana", "Magliana Gang"),
        ("Cártel del Norte del Valle", "North Valley Cartel"),
        ("Solntsevskaya Bratva", "Solntsevskaya Brotherhood"),
    ]
    ids = [
        (kg.add_entity("CriminalOrganization", es).id, kg.add_entity("CriminalOrganization", en).id)
        for es, en in pairs
    ]
    _, mapping, _ = resolve(kg)
    assert mapping == {es: en for es, en in ids}


def test_a_short_name_merges_when_both_say_the_same_of_one_group() -> None:
    kg = KnowledgeGraph()
    full = kg.add_entity("Person", "Ernesto Fonseca Carrillo").id
    short = kg.add_entity("Person", "Ernesto Fonseca").id
    cartel = kg.add_entity("CriminalOrganization", "Guadalajara Cartel").id
    kg.add_relation(full, "member_of", cartel, {}, [_ev(0)])
    _, mapping, merges = resolve(kg)
    assert mapping == {}  # nothing shared yet: the short name may be a namesake
    kg.add_relation(short, "member_of", cartel, {}, [_ev(1)])
    _, mapping, merges = resolve(kg)
    assert mapping == {short: full}
    assert merges[0].match.rule == "the first given name and one surname, same member_of Guadalajara Cartel"


def test_a_state_or_agency_in_common_is_no_corroboration() -> None:
    kg = KnowledgeGraph()
    full = kg.add_entity("Person", "Benjamin Alberto Arellano Felix").id
    short = kg.add_entity("Person", "Benjamin Arellano Felix").id
    ofac = kg.add_entity("GovernmentOrganization", "Office of Foreign Assets Control").id
    for i, p in enumerate((full, short)):
        kg.add_relation(p, "sanctioned_by", ofac, {}, [_ev(i)])
    _, mapping, _ = resolve(kg)
    assert mapping == {}


def test_a_group_named_with_and_without_the_word_for_its_kind_is_one_node() -> None:
    # test6/test12 call one clan "the Bellocco clan" and "the Bellocco 'ndrina"; test23 the New Zealand
    # clubs "Nomads MC" and "Nomads", "the Mongrel Mob gang" and "the Mongrel Mob"
    kg = KnowledgeGraph()
    ndrina = kg.add_entity("CriminalOrganization", "Bellocco 'ndrina").id
    clan = kg.add_entity("CriminalOrganization", "Bellocco clan").id
    nomads = kg.add_entity("CriminalOrganization", "Nomads").id
    club = kg.add_entity("CriminalOrganization", "Nomads MC").id
    mob = kg.add_entity("CriminalOrganization", "Mongrel Mob").id
    gang = kg.add_entity("CriminalOrganization", "Mongrel Mob gang").id
    graph, mapping, merges = resolve(kg)
    assert mapping == {clan: ndrina, nomads: club, mob: gang}  # the longer name stays
    assert {m.match.rule for m in merges} == {"same name but for the word for its kind"}
    assert _nodes(graph) == {ndrina, club, gang}


def test_only_the_words_that_end_a_name_say_its_kind() -> None:
    # test9's Familia do Norte is not the Nuevo Clan del Norte, nor the Gulf Cartel the Clan del Golfo
    kg = KnowledgeGraph()
    ids = [
        kg.add_entity("CriminalOrganization", name).id
        for name in ("Familia do Norte", "Clan del Norte", "Gulf Cartel", "Clan del Golfo", "Gulf Clan")
    ]
    graph, mapping, _ = resolve(kg)
    assert mapping == {"crimorg/clan-del-golfo": "crimorg/gulf-clan"}  # Spanish and English, as before
    assert _nodes(graph) == set(ids) - {"crimorg/clan-del-golfo"}


def test_a_family_named_in_the_plural_is_the_group_of_its_name() -> None:
    # test22: "the Valles" and "the Valle Valle clan" in two InSight Crime articles are one group
    kg = KnowledgeGraph()
    clan = kg.add_entity("CriminalOrganization", "Valle Valle Clan").id
    valles = kg.add_entity("CriminalOrganization", "Valles").id
    zetas = kg.add_entity("CriminalOrganization", "Zetas").id
    graph, mapping, _ = resolve(kg)
    assert mapping == {valles: clan}
    assert _nodes(graph) == {clan, zetas}
