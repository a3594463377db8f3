"""The viz page without a browser: what it selects, what data it carries, and that it is self-contained."""

from __future__ import annotations

import itertools
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from ocgraph import ontology
from ocgraph.cli import main
from ocgraph.errors import InputError
from ocgraph.graph import viz
from ocgraph.graph.model import KnowledgeGraph
from ocgraph.graph.store import write_graph

FIXTURE = Path(__file__).resolve().parents[2] / "data" / "fixture-graph.jsonl"


def page_data(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="ocg-data">(.*?)</script>', page, re.S)
    assert match, "no data block"
    return json.loads(match.group(1))


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of every script."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def parse(page: str) -> Tags:
    tags = Tags()
    tags.feed(page)
    return tags


# -- the whole seed graph ----------------------------------------------------------------------


def test_every_ontology_type_has_a_shape_and_colour() -> None:
    assert set(ontology.load().types) <= set(viz.STYLES)
    assert all(
        shape in {"circle", "square", "diamond", "triangle", "hexagon"} for shape, _ in viz.STYLES.values()
    )


def test_seed_page_carries_every_actor_and_relation(fixture_graph: KnowledgeGraph) -> None:
    data = page_data(viz.to_html(fixture_graph))
    # 22 entities in the fixture, one of them the Document, which is not drawn
    assert len(data["nodes"]) == 21
    assert "doc/seed-kingpin-strategy" not in {n["id"] for n in data["nodes"]}
    assert len(data["edges"]) == 37
    assert data["subtitle"] == "21 entities, 37 relations"
    assert {t["type"]: t["count"] for t in data["types"]} == {
        "Person": 8,
        "CriminalOrganization": 6,
        "GovernmentOrganization": 3,
        "State": 2,
        "Policy": 2,
    }
    kinds = {e["id"]: e["kind"] for e in data["edges"]}
    rivals = {r.id for r in fixture_graph.relations.values() if r.predicate == "rival_of"}
    assert {k for k, v in kinds.items() if v == "rivalry"} == rivals and len(rivals) == 2
    assert "alliance" not in kinds.values()
    assert data["documents"] == {
        "doc/seed-kingpin-strategy": fixture_graph.entities["doc/seed-kingpin-strategy"].name
    }


def test_the_overview_of_a_big_store_sets_the_hub_aside_and_shows_groups_and_leaders_first(
    ofac_graph: KnowledgeGraph,
) -> None:
    data = page_data(viz.to_html(ofac_graph))
    part = viz.select(ofac_graph)
    # every entity and relation is in the page, for the hover cards and the search
    assert (len(data["nodes"]), len(data["edges"])) == (len(part.entities), len(part.relations)) == (329, 584)
    ofac = "govorg/office-of-foreign-assets-control"
    to_ofac = [r for r in part.relations.values() if ofac in (r.subject, r.object)]
    assert len(to_ofac) == 302  # 301 designations and the office's part_of the Treasury
    assert [(n["id"], n["relations"]) for n in data["nodes"] if n["hub"]] == [(ofac, 302)]
    groups = {e.id for e in part.entities.values() if e.type == "CriminalOrganization"}
    leaders = {
        r.subject for r in part.relations.values() if r.predicate == "leader_of" and r.object in groups
    }
    shown = {n["id"] for n in data["nodes"] if n["shown"]}
    assert shown == groups | leaders and (len(groups), len(leaders)) == (21, 3)
    assert all((n["x"] is None) == (not n["shown"]) for n in data["nodes"])
    # the small seed page draws everything at once and has no hub
    seed = page_data(viz.to_html(viz.select(ofac_graph, focus="El Mayo", hops=1)))
    assert all(n["shown"] and not n["hub"] for n in seed["nodes"])


def test_hover_data_holds_names_aliases_and_evidence(fixture_graph: KnowledgeGraph) -> None:
    data = page_data(viz.to_html(fixture_graph))
    mayo = next(n for n in data["nodes"] if n["id"] == "person/ismael-zambada-garcia")
    assert (mayo["name"], mayo["aliases"], mayo["type"]) == ("Ismael Zambada García", ["El Mayo"], "Person")
    rival = next(
        e for e in data["edges"] if e["target"] == "person/ismael-zambada-garcia" and e["kind"] == "rivalry"
    )
    assert rival["source"] == "crimorg/los-chapitos" and rival["label"] == "rival of" and rival["symmetric"]
    assert rival["evidence"] == [
        {
            "document": "doc/seed-kingpin-strategy",
            "start": 2177,
            "end": 2246,
            "sentence": "battling for internal control of the group with Ismael Zambada García",
        }
    ]


def test_alliances_and_directed_edges_are_marked() -> None:
    kg = KnowledgeGraph()
    a = kg.add_entity("CriminalOrganization", "Cartel A").id
    b = kg.add_entity("CriminalOrganization", "Cartel B").id
    p = kg.add_entity("Person", "Boss").id
    kg.add_relation(a, "allied_with", b)
    kg.add_relation(p, "leader_of", a)
    kg.add_relation(p, "member_of", a)
    edges = {e["predicate"]: e for e in page_data(viz.to_html(kg))["edges"]}
    assert edges["allied_with"]["kind"] == "alliance" and edges["allied_with"]["symmetric"]
    assert edges["leader_of"]["kind"] == "other" and not edges["leader_of"]["symmetric"]
    # two relations between the same pair bend to opposite sides, one drawn straight between
    assert sorted([edges["leader_of"]["bend"], edges["member_of"]["bend"]]) == [-20.0, 20.0]
    assert edges["allied_with"]["bend"] == 0


def test_nodes_and_labels_do_not_overlap(fixture_graph: KnowledgeGraph) -> None:
    part = viz.select(fixture_graph)
    pos = viz.layout(part)
    assert len(pos) == 21
    data = {n["id"]: n for n in viz.view_data(part)["nodes"]}
    # each node's box: its shape (a diamond reaches 1.25 r) and its name below it (aliases show on hover)
    boxes = {}
    for eid, (x, y) in pos.items():
        n = data[eid]
        half = max(6.8 * len(n["name"]) + 18, 2.5 * n["r"]) / 2
        below = 1.25 * n["r"] + 18
        boxes[eid] = (x - half, y - 1.25 * n["r"], x + half, y + below)
    ids = sorted(boxes)
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            (l1, t1, r1, b1), (l2, t2, r2, b2) = boxes[a], boxes[b]
            assert min(r1, r2) <= max(l1, l2) or min(b1, b2) <= max(t1, t2), (a, b)


# -- selection: focus, hops, as-of (expected sets read off data/fixture-graph.jsonl by hand) ------


def test_focus_one_hop_around_el_mayo(fixture_graph: KnowledgeGraph) -> None:
    part = viz.select(fixture_graph, focus="El Mayo", hops=1)
    assert sorted(part.entities) == [
        "crimorg/los-chapitos",
        "crimorg/sinaloa-cartel",
        "person/ismael-zambada-garcia",
        "state/united-states",
    ]
    assert sorted((r.subject, r.predicate, r.object) for r in part.relations.values()) == [
        ("crimorg/los-chapitos", "faction_of", "crimorg/sinaloa-cartel"),
        ("crimorg/los-chapitos", "reward_offered_by", "state/united-states"),
        ("crimorg/los-chapitos", "rival_of", "person/ismael-zambada-garcia"),
        ("person/ismael-zambada-garcia", "leader_of", "crimorg/sinaloa-cartel"),
        ("person/ismael-zambada-garcia", "member_of", "crimorg/sinaloa-cartel"),
        ("person/ismael-zambada-garcia", "reward_offered_by", "state/united-states"),
    ]


def test_focus_zero_hops_and_by_id(fixture_graph: KnowledgeGraph) -> None:
    part = viz.select(fixture_graph, focus="crimorg/los-rojos", hops=0)
    assert list(part.entities) == ["crimorg/los-rojos"] and not part.relations
    part = viz.select(fixture_graph, focus="los rojos", hops=2)
    assert sorted(part.entities) == [
        "crimorg/guerreros-unidos",
        "crimorg/los-rojos",
        "govorg/office-of-foreign-assets-control",
        "govorg/us-treasury-department",
    ]


def test_as_of_keeps_what_held_then_and_undated_facts(fixture_graph: KnowledgeGraph) -> None:
    before = viz.select(fixture_graph, as_of="2006")
    # gone: Mexico party_to Mérida (start 2007) and the four State Department rewards (2022-12);
    # the State Department had no other relation, so it goes too
    assert len(before.relations) == 37 - 5
    assert sorted(set(fixture_graph.entities) - set(before.entities)) == [
        "doc/seed-kingpin-strategy",
        "govorg/us-state-department",
    ]
    assert len(viz.select(fixture_graph, as_of="2022").relations) == 37  # same year as 2022-12
    assert len(viz.select(fixture_graph, as_of="2022-11-30").relations) == 33


def test_as_of_with_end_dates() -> None:
    kg = KnowledgeGraph()
    a, b, c = (kg.add_entity("CriminalOrganization", n).id for n in ("A", "B", "C"))
    kg.add_relation(a, "rival_of", b, {"start": "2010", "end": "2015-06"})
    kg.add_relation(a, "allied_with", c)
    assert [
        len(viz.select(kg, as_of=d).relations) for d in ("2009", "2010-01-01", "2015-06-30", "2015-07")
    ] == [
        1,
        2,
        2,
        1,
    ]
    assert sorted(viz.select(kg, as_of="2016").entities) == ["crimorg/a", "crimorg/c"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"focus": "Nobody"}, "focus 'Nobody': no entity has that name, alias or id"),
        ({"as_of": "12/2020"}, "date '12/2020' is not ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD)"),
        ({"focus": "El Mayo", "hops": -1}, "hops must be 0 or more, got -1"),
        (
            {"focus": "U.S. State Department", "as_of": "2006"},
            "focus 'U.S. State Department': govorg/us-state-department has no relation on 2006",
        ),
    ],
)
def test_bad_selection_is_one_clear_line(fixture_graph: KnowledgeGraph, options: dict, message: str) -> None:
    with pytest.raises(InputError) as info:
        viz.to_html(fixture_graph, **options)
    assert str(info.value) == message


def test_an_ambiguous_focus_asks_for_an_id() -> None:
    kg = KnowledgeGraph()
    kg.add_entity("Person", "El Guero")
    kg.add_entity("CriminalOrganization", "El Guero")
    with pytest.raises(
        InputError, match=r"names 2 entities \(crimorg/el-guero, person/el-guero\); give an id"
    ):
        viz.select(kg, focus="el güero")
    assert list(viz.select(kg, focus="person/el-guero").entities) == ["person/el-guero"]


# -- self-contained and safe -------------------------------------------------------------------


def test_no_external_script_stylesheet_or_url(fixture_graph: KnowledgeGraph) -> None:
    page = viz.to_html(fixture_graph)
    tags = parse(page)
    names = [t for t, _ in tags.tags]
    assert names.count("script") == 3 and "link" not in names and "img" not in names and "iframe" not in names
    for tag, attrs in tags.tags:
        assert "src" not in attrs and "href" not in attrs, (tag, attrs)
    # no URL anywhere but the SVG namespace name, which the browser never fetches
    urls = set(re.findall(r"https?://[^\s\"')<]+", page))
    assert urls == {"http://www.w3.org/2000/svg"}
    assert "@import" not in page and "url(http" not in page


def test_names_cannot_break_out_of_the_page() -> None:
    kg = KnowledgeGraph()
    evil = '</script><script src="https://evil.example/x.js"></script><img src=x onerror=alert(1)>'
    kg.add_entity("Person", "Ana " + evil)
    page = viz.to_html(kg, title="<b>t</b>")
    tags = parse(page)
    assert [t for t, _ in tags.tags].count("script") == 3
    assert not any("src" in attrs for _, attrs in tags.tags)
    assert page_data(page)["nodes"][0]["name"] == "Ana " + evil
    assert "<title>&lt;b&gt;t&lt;/b&gt;</title>" in page


def test_the_page_is_byte_identical_across_processes(fixture_graph: KnowledgeGraph, tmp_path: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from ocgraph.graph.store import read_graph; "
        "from ocgraph.graph.viz import to_html; "
        "sys.stdout.write(to_html(read_graph(Path(sys.argv[1]))))"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", code, str(FIXTURE)],
            capture_output=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": ""},
        ).stdout
        for seed in ("0", "1", "2", "3", "4")
    ]
    assert len(set(runs)) == 1
    assert runs[0] == viz.to_html(fixture_graph).encode("utf-8")


def test_iframe_escapes_the_page() -> None:
    frame = viz.iframe('<p class="x">a & b</p>', height=300)
    assert frame.startswith(
        '<div class="ocgraph-viz"><iframe srcdoc="&lt;p class=&quot;x&quot;&gt;a &amp; b&lt;/p&gt;"'
    )
    assert "height:300px" in frame


# -- the command -----------------------------------------------------------------------------


@pytest.fixture
def stored(ocgraph_home: Path, fixture_graph: KnowledgeGraph) -> KnowledgeGraph:
    write_graph(fixture_graph, ocgraph_home / "graph.jsonl")
    return fixture_graph


def test_cli_writes_the_page(stored: KnowledgeGraph, tmp_path: Path) -> None:
    out = tmp_path / "graph.html"
    result = CliRunner().invoke(main, ["viz", "--focus", "El Mayo", "--hops", "1", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {out}: 4 entities, 6 relations\n"
    assert out.read_text(encoding="utf-8") == viz.to_html(stored, focus="El Mayo", hops=1)
    assert page_data(out.read_text(encoding="utf-8"))["subtitle"] == (
        "4 entities, 6 relations (within 1 hop of Ismael Zambada García)"
    )


def test_cli_as_of(stored: KnowledgeGraph, tmp_path: Path) -> None:
    out = tmp_path / "then.html"
    result = CliRunner().invoke(main, ["viz", "--as-of", "2006", "-o", str(out)])
    assert result.exit_code == 0 and result.output == f"wrote {out}: 20 entities, 32 relations\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--focus", "Nobody"], "error: focus 'Nobody': no entity has that name, alias or id\n"),
        (["--as-of", "yesterday"], "error: date 'yesterday' is not ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD)\n"),
    ],
)
def test_cli_errors_are_one_line_and_write_nothing(
    stored, tmp_path: Path, args: list[str], message: str
) -> None:
    out = tmp_path / "graph.html"
    result = CliRunner().invoke(main, ["viz", *args, "-o", str(out)])
    assert (result.exit_code, result.output) == (1, message)
    assert list(tmp_path.iterdir()) == [tmp_path / "ocgraph-home"]


def test_cli_on_an_empty_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["viz", "-o", str(tmp_path / "g.html")])
    assert result.exit_code == 1
    assert (
        result.output
        == "error: nothing to draw: the graph has no entities (ingest or merge something first)\n"
    )


def test_cli_hops_needs_focus(stored, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["viz", "--hops", "2", "-o", str(tmp_path / "g.html")])
    assert result.exit_code == 2 and "--hops needs --focus" in result.output


def test_cli_unwritable_output_leaves_nothing(stored, tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "g.html"
    result = CliRunner().invoke(main, ["viz", "-o", str(target)])
    assert result.exit_code == 1
    assert (
        result.output.startswith(f"error: {target}: cannot write here: ") and result.output.count("\n") == 1
    )
    assert not target.parent.exists()


def test_a_component_too_big_for_the_stress_layout() -> None:
    # over viz._STRESS_MAX nodes the spring layout takes over (and labels are not spread)
    kg = KnowledgeGraph()
    ids = [kg.add_entity("Person", f"Person {i:03d}").id for i in range(viz._STRESS_MAX + 20)]
    for a, b in itertools.pairwise(ids):
        kg.add_relation(a, "sibling_of", b)
    pos = viz.layout(kg)
    assert len(pos) == len(ids) and len(set(pos.values())) == len(ids)
    assert pos == viz.layout(kg)
