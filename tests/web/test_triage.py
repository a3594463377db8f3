"""The review queue's ranking, on a graph whose fragmentation figures are worked out by hand."""

from __future__ import annotations

import pytest

from ocgraph.graph import review
from ocgraph.graph.model import Evidence, KnowledgeGraph
from ocgraph.web.snapshot import Snapshot
from ocgraph.web.triage import impacts, review_queue


@pytest.fixture
def kg() -> KnowledgeGraph:
    """K leads O1, where L is a member (0.6); M is a member of O2 (0.5); K leads O1 for sure (0.95).

    Criminal network: {K, L, O1}, {M, O2}: F = 1 - (3·2 + 2·1)/(5·4) = 0.6.
    Person network (K linked to the members he leads): {K, L}, {M}: F = 1 - 2/(3·2) = 2/3.
    Without L's membership L drops out: criminal {K, O1}, {M, O2}, F = 1 - 4/12 = 2/3 (+1/15);
    persons {K}, {M}, F = 1 (+1/3). Without M's: M drops out, O2 stays alone: criminal F =
    1 - 6/12 = 0.5 (-0.1); persons {K, L}, F = 0 (-2/3).
    """
    g = KnowledgeGraph()
    k, l_, m = (g.add_entity("Person", n).id for n in ("K", "L", "M"))
    o1, o2 = (g.add_entity("CriminalOrganization", n).id for n in ("O1", "O2"))
    doc = g.add_entity("Document", "d.txt").id
    for s, p, o, c in ((k, "leader_of", o1, 0.95), (l_, "member_of", o1, 0.6), (m, "member_of", o2, 0.5)):
        g.add_relation(s, p, o, {"confidence": c}, [Evidence(doc, 0, 1, f"{s} {p} {o}", "test", c)])
    return g


def test_impacts_are_the_hand_computed_changes_of_f(kg: KnowledgeGraph) -> None:
    snap = Snapshot.of(kg, "v1")
    rel = {r.subject.removeprefix("person/"): r.id for r in kg.relations.values()}
    moved = impacts(snap, [rel["l"], rel["m"], rel["k"]])
    assert moved[rel["l"]] == pytest.approx((1 / 15, 1 / 3))
    assert moved[rel["m"]] == pytest.approx((-0.1, -2 / 3))
    # K's leadership: K leaves both networks; {L, O1}, {M, O2} as without L's membership
    assert moved[rel["k"]] == pytest.approx((1 / 15, 1 / 3))
    assert snap.kg.to_records() == kg.to_records()  # every fact was put back


def test_the_queue_puts_the_bigger_change_first_and_leaves_out_reviewed_facts(kg: KnowledgeGraph) -> None:
    snap = Snapshot.of(kg, "v1")
    queue = review_queue(snap, threshold=0.85)
    assert [r["subject"].name for r in queue["rows"]] == ["M", "L"]  # |ΔF| 0.767 before 0.4
    assert queue["waiting"] == 2 and queue["weighed"] == 2
    l_rel = queue["rows"][1]["rel"]
    snap.decisions = {(l_rel.subject, l_rel.predicate, l_rel.object): review.Decision(
        "confirm", l_rel.subject, l_rel.predicate, l_rel.object, "seen in court", "ana")}  # fmt: skip
    assert [r["subject"].name for r in review_queue(snap)["rows"]] == ["M"]
    assert snap.review_state(l_rel)["state"] == "confirmed"
