"""Review decisions: the CSV file, the CLI, and decisions surviving a re-ingest of the same facts."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from ocgraph import settings
from ocgraph.cli import main
from ocgraph.errors import InputError
from ocgraph.graph import review
from ocgraph.graph.ids import relation_id
from ocgraph.graph.model import KnowledgeGraph

FIXTURE = Path(__file__).resolve().parents[2] / "data" / "fixture-graph.jsonl"
OVIDIO, CHAPO = "person/ovidio-guzman-lopez", "person/joaquin-guzman-loera"
AURELIANO = "person/aureliano-guzman-loera"


def _run(*args: str):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result


def _merge_fixture() -> None:
    result = _run("merge", str(FIXTURE))
    assert result.exit_code == 0, result.output


def _stored() -> KnowledgeGraph:
    return settings.store().load()


def test_decisions_file_is_sorted_plain_csv(tmp_path: Path) -> None:
    path = tmp_path / "decisions.csv"
    review.record(
        path, review.Decision("reject", CHAPO, "sibling_of", AURELIANO, "unverified", "ana", "2026-11-27")
    )
    review.record(
        path, review.Decision("confirm", OVIDIO, "child_of", CHAPO, "birth records", "bo", "2026-11-26")
    )
    # symmetric sibling_of is stored with the smaller id first, whatever order the analyst typed
    assert path.read_text(encoding="utf-8") == (
        "action,subject,predicate,object,reason,author,date,source,subject_name,object_name,properties\n"
        "reject,person/aureliano-guzman-loera,sibling_of,person/joaquin-guzman-loera,unverified,ana,2026-11-27,,,,\n"
        "confirm,person/ovidio-guzman-lopez,child_of,person/joaquin-guzman-loera,"
        "birth records,bo,2026-11-26,,,,\n"
    )
    # a second decision on the same fact replaces the first
    review.record(
        path, review.Decision("confirm", AURELIANO, "sibling_of", CHAPO, "found it", "ana", "2026-11-28")
    )
    rows = review.read(path)
    assert [(d.action, d.reason) for d in rows] == [("confirm", "found it"), ("confirm", "birth records")]


def test_reject_survives_reingest_and_confirm_is_marked() -> None:
    _merge_fixture()
    sibling = relation_id(AURELIANO, "sibling_of", CHAPO)
    child = relation_id(OVIDIO, "child_of", CHAPO)
    assert sibling in _stored().relations
    r1 = _run(
        "review", "reject", sibling, "--reason", "unverified", "--author", "ana", "--date", "2026-11-27"
    )
    assert r1.exit_code == 0 and "rejected" in r1.output
    r2 = _run(
        "review", "confirm", "Ovidio Guzmán López", "child_of", CHAPO, "--reason", "records", "--author", "bo"
    )
    assert r2.exit_code == 0, r2.output
    kg = _stored()
    assert sibling not in kg.relations
    assert kg.relations[child].properties["review"] == "confirmed"
    before = settings.store().path.read_bytes()
    # the same facts come in again (a re-ingest of the same source): the rejected one stays out
    _merge_fixture()
    assert settings.store().path.read_bytes() == before
    assert sibling not in _stored().relations
    assert _stored().relations[child].properties["review"] == "confirmed"


def test_confirmed_fact_is_marked_in_exports() -> None:
    _merge_fixture()
    child = relation_id(OVIDIO, "child_of", CHAPO)
    _run("review", "confirm", child, "--reason", "records", "--author", "bo")
    out = _run("export", "--format", "nt").output
    lines = [line for line in out.splitlines() if "confirmed" in line]
    assert lines == [
        f'<https://w3id.org/ocgraph/id/{child}> <https://w3id.org/ocgraph/ontology#review> "confirmed" .'
    ]


def test_add_a_fact_with_its_source() -> None:
    _merge_fixture()
    result = _run(
        "review",
        "add",
        "Person:Juan Pérez",
        "member_of",
        "Sinaloa Cartel",
        "--source",
        "https://example.org/court-filing",
        "--property",
        "role=accountant",
        "--reason",
        "court filing",
        "--author",
        "ana",
        "--date",
        "2026-11-27",
    )
    assert result.exit_code == 0, result.output
    kg = _stored()
    rel = kg.relations[relation_id("person/juan-perez", "member_of", "crimorg/sinaloa-cartel")]
    assert rel.properties == {"review": "confirmed", "role": "accountant"}
    (ev,) = rel.evidence
    # the sentence states the fact and the analyst's reason; the URL is the document it points to
    assert (ev.extractor, ev.sentence) == ("analyst", "Juan Pérez member of Sinaloa Cartel: court filing")
    assert (ev.start, ev.end) == (0, len(ev.sentence))
    assert kg.entities[ev.document].name == "https://example.org/court-filing"
    assert kg.entities[ev.document].properties["url"] == "https://example.org/court-filing"
    assert kg.entities["person/juan-perez"].name == "Juan Pérez"
    # the decisions file alone rebuilds the fact in an empty graph
    rebuilt = KnowledgeGraph()
    review.apply(rebuilt, review.read(review.decisions_path(settings.data_home())))
    assert rebuilt.relations[rel.id].to_dict() == rel.to_dict()


def test_list_shows_decisions() -> None:
    _merge_fixture()
    _run(
        "review",
        "reject",
        AURELIANO,
        "sibling_of",
        CHAPO,
        "--reason",
        "unverified",
        "--author",
        "ana",
        "--date",
        "2026-11-27",
    )
    out = _run("review", "list").output
    assert out == (
        "reject   person/aureliano-guzman-loera sibling_of person/joaquin-guzman-loera"
        "  [ana 2026-11-27] unverified\n"
    )


def test_bad_decisions_file_is_one_line_and_store_unchanged() -> None:
    _merge_fixture()
    before = settings.store().path.read_bytes()
    path = review.decisions_path(settings.data_home())
    path.write_text(
        "action,subject,predicate,object,reason,author,date,source,subject_name,object_name,properties\n"
        f"confirm,{OVIDIO},child_of,{CHAPO},ok,ana,,,,,\n"
        f"approve,{OVIDIO},child_of,{CHAPO},ok,ana,,,,,\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"decisions\.csv:3: unknown review action 'approve'"):
        review.read(path)
    result = CliRunner().invoke(main, ["merge", str(FIXTURE)])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "decisions.csv:3" in result.output
    assert settings.store().path.read_bytes() == before


def test_unknown_fact_and_missing_author_are_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    _merge_fixture()
    result = CliRunner().invoke(main, ["review", "reject", "rel/0000", "--reason", "x", "--author", "a"])
    assert result.exit_code == 1 and result.output == "error: no fact with id 'rel/0000' in the store\n"
    monkeypatch.delenv("USER", raising=False)
    monkeypatch.delenv("OCGRAPH_AUTHOR", raising=False)
    child = relation_id(OVIDIO, "child_of", CHAPO)
    result = CliRunner().invoke(main, ["review", "confirm", child, "--reason", "x"])
    assert result.exit_code == 1 and "--author" in result.output
    assert not review.decisions_path(settings.data_home()).exists()


def test_confirmed_mark_reaches_every_export_format(tmp_path: Path) -> None:
    import csv
    import io
    import json
    import zipfile

    import networkx as nx

    _merge_fixture()
    child = relation_id(OVIDIO, "child_of", CHAPO)
    assert _run("review", "confirm", child, "--reason", "records", "--author", "bo").exit_code == 0
    for fmt in ("graphml", "gexf", "neo4j-csv", "ftm"):
        out = tmp_path / f"graph.{fmt}"
        result = _run("export", "--format", fmt, "-o", str(out))
        assert result.exit_code == 0, result.output
        if fmt == "graphml":
            marks = {k: d.get("review") for _, _, k, d in nx.read_graphml(out).edges(keys=True, data=True)}
        elif fmt == "gexf":
            marks = {k: d.get("review") for _, _, k, d in nx.read_gexf(out).edges(keys=True, data=True)}
        elif fmt == "neo4j-csv":
            text = zipfile.ZipFile(out).read("relationships.csv").decode("utf-8")
            marks = {r["id"]: r["review"] or None for r in csv.DictReader(io.StringIO(text))}
        else:
            records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
            # links with a status carry it there; Family and Associate (no status) in the description
            marks = {
                r["id"].replace(".", "/", 1): "confirmed"
                if "confirmed" in (r["properties"].get("status") or [""])[0]
                or (r["properties"].get("description") or [""])[0].endswith("review: confirmed")
                else None
                for r in records
                if r["id"].startswith("rel.")
            }
        assert {k for k, v in marks.items() if v == "confirmed"} == {child}, fmt


def test_rejected_fact_stays_out_after_text_reingest() -> None:
    """The issue's case: ingest an article, reject a fact, ingest the same article again."""
    seed = FIXTURE.parent / "seed-kingpin-strategy.txt"
    assert _run("ingest", str(seed)).exit_code == 0
    kg = _stored()
    child = relation_id(OVIDIO, "child_of", CHAPO)
    member = next(r.id for r in kg.relations_of(OVIDIO) if r.predicate == "member_of")
    assert child in kg.relations
    assert _run("review", "reject", member, "--reason", "not in the source", "--author", "ana").exit_code == 0
    assert _run("review", "confirm", child, "--reason", "records", "--author", "ana").exit_code == 0
    before = settings.store().path.read_bytes()
    result = _run("ingest", str(seed))
    assert result.exit_code == 0, result.output
    assert f"relations: {len(kg.relations) - 1} (+0)" in result.output  # the summary counts what is kept
    assert settings.store().path.read_bytes() == before
    kg = _stored()
    assert member not in kg.relations
    assert kg.relations[child].properties["review"] == "confirmed"


def test_import_a_decisions_file(tmp_path: Path) -> None:
    _merge_fixture()
    header = "action,subject,predicate,object,reason,author,date,source,subject_name,object_name,properties\n"
    theirs = tmp_path / "team-decisions.csv"
    theirs.write_text(
        header
        + f"reject,{CHAPO},sibling_of,{AURELIANO},no source,bo,2026-11-20,,,,\n"
        + "add,person/juan-perez,member_of,crimorg/sinaloa-cartel,filing,bo,2026-11-20,"
        + 'Court filing 21-cr-100,Juan Pérez,,"{""role"": ""accountant""}"\n',
        encoding="utf-8",
    )
    result = _run("review", "import", str(theirs))
    assert result.exit_code == 0, result.output
    assert result.output == f"imported 2 decision(s) from {theirs}\n"
    kg = _stored()
    assert relation_id(AURELIANO, "sibling_of", CHAPO) not in kg.relations
    added = kg.relations[relation_id("person/juan-perez", "member_of", "crimorg/sinaloa-cartel")]
    assert added.properties == {"review": "confirmed", "role": "accountant"}
    # the symmetric fact was written in the store's order
    ours = review.decisions_path(settings.data_home()).read_text(encoding="utf-8").splitlines()
    assert ours[1].startswith(f"reject,{AURELIANO},sibling_of,{CHAPO},")
    # an add whose new entity has no name cannot be built: one-line error, nothing changes
    before = settings.store().path.read_bytes(), review.decisions_path(settings.data_home()).read_bytes()
    broken = tmp_path / "broken.csv"
    broken.write_text(header + "add,person/nobody,member_of,crimorg/sinaloa-cartel,x,bo,,a source,,,\n")
    result = CliRunner().invoke(main, ["review", "import", str(broken)])
    assert result.exit_code == 1 and result.output.startswith("error: add person/nobody member_of")
    assert (
        settings.store().path.read_bytes(),
        review.decisions_path(settings.data_home()).read_bytes(),
    ) == before


def test_decision_date_must_be_a_day(tmp_path: Path) -> None:
    bad = review.Decision("confirm", OVIDIO, "child_of", CHAPO, "r", "ana", "27/11/2026")
    with pytest.raises(InputError, match=r"date '27/11/2026' is not an ISO 8601 day"):
        review.record(tmp_path / "decisions.csv", bad)
    assert not (tmp_path / "decisions.csv").exists()


def test_add_that_breaks_the_ontology_changes_nothing() -> None:
    _merge_fixture()
    before = settings.store().path.read_bytes()
    result = CliRunner().invoke(
        main,
        [
            "review",
            "add",
            "Sinaloa Cartel",
            "member_of",
            "Los Chapitos",
            "--source",
            "a report",
            "--reason",
            "r",
            "--author",
            "ana",
        ],
    )
    assert result.exit_code == 1
    assert result.output == (
        "error: member_of cannot link CriminalOrganization to CriminalOrganization "
        "(domain: Person; range: CriminalOrganization | GovernmentOrganization | Organization | State)\n"
    )
    assert settings.store().path.read_bytes() == before
    assert not review.decisions_path(settings.data_home()).exists()


@pytest.mark.parametrize("action", ["reject", "confirm"])
def test_a_decision_on_a_fact_that_breaks_the_ontology_is_refused(action: str) -> None:
    _merge_fixture()
    before = settings.store().path.read_bytes()
    # a person cannot lead a policy: the fact can never appear, so deciding on it is a mistake
    result = CliRunner().invoke(
        main,
        ["review", action, "Person:Jimmy Cherizier", "leader_of", "Mérida Initiative", "--reason", "r"],
        env={"OCGRAPH_AUTHOR": "ana"},
    )
    assert result.exit_code == 1
    assert result.output == (
        f"error: {action} person/jimmy-cherizier leader_of policy/merida-initiative: leader_of cannot link "
        "Person to Policy (domain: Person; range: CriminalOrganization | GovernmentOrganization | "
        "Organization | State)\n"
    )
    assert settings.store().path.read_bytes() == before
    assert not review.decisions_path(settings.data_home()).exists()
    # a fact the ontology allows still waits for its time
    fine = _run(
        "review", action, "Person:Jimmy Cherizier", "leader_of", "Los Rojos", "--reason", "r", "--author", "a"
    )
    assert fine.output == (
        f"{action}ed person/jimmy-cherizier leader_of crimorg/los-rojos "
        "(not in the store yet; applies when it appears)\n"
    )


def test_add_to_a_bigger_store_resolves_around_its_new_source_document() -> None:
    # Only the source's Document is new: a write that touches few entities resolves just those,
    # and a Document is never resolved (it used to fail with KeyError: 'Document').
    kg = _stored_fixture_with_bystanders(40)
    settings.store().save(kg)
    result = _run("review", "add", OVIDIO, "member_of", "Sinaloa Cartel", "--source", "court filing 7",
                  "--reason", "testimony", "--author", "ana", "--date", "2026-11-27")  # fmt: skip
    assert result.exit_code == 0, result.output
    after = _stored()
    rel = after.relations[relation_id(OVIDIO, "member_of", "crimorg/sinaloa-cartel")]
    assert rel.properties["review"] == "confirmed"
    assert len(after.entities) == len(kg.entities) + 1  # the new Document, nothing merged


def _stored_fixture_with_bystanders(n: int) -> KnowledgeGraph:
    from ocgraph.graph.store import read_graph

    kg = read_graph(FIXTURE)
    for i in range(n):
        kg.add_entity("Person", f"Bystander Number{i} Testcase{i}")
    return kg
