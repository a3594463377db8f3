"""The fragmentation report as Markdown for a reader: what each measure means, rounded figures, a summary."""

from __future__ import annotations

from typing import Any

from ocgraph.graph.analysis import balance, robustness

__all__ = ["number", "share", "summary", "timeline_gap", "to_markdown"]

# One sentence per section: what the measure is and how to read it.
MEANING = {
    "graph": (
        "The typed graph holds every entity and relation; the measures run on three networks drawn "
        "from it: the criminal network (persons and criminal organizations, ties to the authorities "
        "that confront them left out), the person network (people linked through the groups they "
        "lead or belong to, family ties and alliances) and the signed network (alliances +, rivalries −)."
    ),
    "connectivity": (
        "A component is a set of actors joined by some chain of ties; F is the share of pairs of "
        "actors that cannot reach each other and DF also counts how far apart the reachable ones "
        "are, both from 0 (everyone tied to everyone) to 1 (nobody tied to anybody): higher means "
        "a more splintered landscape."
    ),
    "concentration": (
        "HHI adds up each organization's squared share of all known members: near 1 one group "
        "holds everyone, near 0 people are spread over many groups; the effective number of "
        "groups (1 / HHI) reads as “as if there were this many groups of equal size”."
    ),
    "lineage": (
        "Groups that split off from another (splinter) or operate as its wing (faction) hang "
        "under it: many descendants or a deep tree mean a landscape that keeps breaking apart."
    ),
    "timeline": (
        "An organization counts as active in a year when one of its dated relations holds that "
        "year, and splinter events are counted by their date; undated relations say nothing "
        "about time and are left out."
    ),
    "key_players": (
        "Degree is the share of the other persons someone is tied to directly, betweenness the "
        "share of shortest chains between two others that pass through them: a high betweenness "
        "marks a broker whose removal cuts the network apart, more than a high degree does."
    ),
    "communities": (
        "Louvain groups actors that are more tied to each other than to the rest; a modularity "
        "near 0 means no clear groups, above about 0.3 clear camps."
    ),
    "balance": (
        "A triangle of actors is balanced when it holds an even number of rivalries (the friend "
        "of a friend is a friend, the enemy of an enemy is a friend): a balanced share near 1 "
        "means stable camps, a lower one tension that may shift alliances."
    ),
    "robustness": (
        "Persons are removed one after another (highest betweenness first, highest degree first, "
        "or at random) while the largest connected group is followed; R is that group's average "
        "share over the whole attack, from about 0 (it falls apart at once) to 0.5 (everyone tied "
        "to everyone): an R much lower under a targeted attack than at random means the network "
        "hangs on a few people."
    ),
    "decapitation": (
        "What removing these persons does to the person network (before and after, measured as "
        "above) and to the organizations they led: whether anyone is left leading and who is "
        "known to have succeeded them."
    ),
}


NO_YEARS = "no yearly counts"


def number(x: float | None, places: int = 3) -> str:
    """A figure for reading: at most `places` decimals, never rounded to a 0 or 1 it is not.

    Examples
    --------
    >>> number(0.881971), number(2.181818), number(0.0004), number(0.99996), number(1.0), number(None)
    ('0.882', '2.182', '< 0.001', '> 0.999', '1', '—')
    """
    if x is None:
        return "—"
    text = f"{x:.{places}f}".rstrip("0").rstrip(".")
    tiny = 10.0**-places
    if 0 < x < tiny:
        return f"< {tiny:g}"
    if float(text) == 1 and x < 1:
        return f"> {1 - tiny:g}"
    return text


def share(x: float | None) -> str:
    """A share as a percentage with one decimal (``0.210526`` → ``21.1%``), never rounded to 0 or 100.

    Examples
    --------
    >>> share(0.210526), share(1.0), share(0.0001), share(None)
    ('21.1%', '100%', '< 0.1%', '—')
    """
    return "—" if x is None else number(100 * x, 1) + "%"


def _table(headers: list[str], rows: list[list[Any]]) -> list[str]:
    def cell(x: Any) -> str:
        text = "—" if x is None else (number(x) if isinstance(x, float) else str(x))
        return text.replace("|", "\\|")

    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell(x) for x in row) + " |" for row in rows]
    return [*lines, ""]


def _section(title: str, key: str) -> list[str]:
    return [f"## {title}", "", MEANING[key], ""]


def _leaves(tree: dict[str, Any]) -> str:
    more = tree["leaf_count"] - len(tree["leaves"])
    return ", ".join(tree["leaves"]) + (f" and {more} more" if more else "")


def timeline_gap(t: dict[str, Any]) -> str | None:
    """Why the report has no yearly timeline (a sentence), or None when it has one.

    Examples
    --------
    >>> timeline_gap({"active_per_year": {}, "splinters_per_year": {}, "undated_relations": 586,
    ...               "dated_relations": 1})
    '1 of 587 relations is dated, but it involves no criminal organization: no yearly counts.'
    >>> timeline_gap({"active_per_year": {}, "splinters_per_year": {}, "undated_relations": 2,
    ...               "dated_relations": 0})
    'No dated relations: none of the 2 relations has a start, end or date: no yearly counts.'
    """
    if t["active_per_year"] or t["splinters_per_year"]:
        return None
    dated, undated = t.get("dated_relations", 0), t["undated_relations"]
    if not dated:
        return f"No dated relations: none of the {undated} relations has a start, end or date: {NO_YEARS}."
    if dated == 1:
        return f"1 of {undated + 1} relations is dated, but it involves no criminal organization: {NO_YEARS}."
    return (
        f"{dated} of {dated + undated} relations are dated, but none involves a criminal organization: "
        f"{NO_YEARS}."
    )


def _and(names: list[str]) -> str:
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


def _persons(n: float, total: int) -> str:
    people = round(n * total)
    return f"{people} person{'' if people == 1 else 's'}"


def summary(d: dict[str, Any]) -> list[str]:
    """A few plain sentences on what the decapitation scenario changed.

    Examples
    --------
    >>> before = {"nodes": 3, "edges": 2, "components": 1, "largest_fraction": 1.0, "F": 0.0, "DF": 0.333}
    >>> after = {"nodes": 2, "edges": 0, "components": 2, "largest_fraction": 0.5, "F": 1.0, "DF": 1.0}
    >>> org = {"name": "O", "removed_leaders": ["K"], "remaining_leaders": [], "leaderless": True,
    ...        "successors": ["L1"]}
    >>> import textwrap
    >>> for line in summary({"strategy": None, "k": None, "removed": [{"name": "K"}], "before": before,
    ...                      "after": after, "organizations": [org]}):
    ...     print(textwrap.fill(line, 100))
    Removing K split the person network from 1 group into 2; the largest group went from 3 persons
    (100%) to 1 person (50%).
    Fragmentation F rose from 0 to 1: no person can reach any other any more.
    O lost its only leader (K); the record names L1 as successor.
    """
    who = _and([p["name"] for p in d["removed"]]) or "nobody"
    how = f" (the top {d['k']} by {d['strategy']})" if d["strategy"] else ""
    b, a = d["before"], d["after"]

    def groups(n: int) -> str:
        return f"{n} group{'' if n == 1 else 's'}"

    if a["components"] > b["components"]:
        split = f"split the person network from {groups(b['components'])} into {a['components']}"
    elif a["components"] == b["components"]:
        split = f"kept the person network at {groups(a['components'])}"
    else:
        split = f"left the person network in {groups(a['components'])} (it was {b['components']})"
    lines = [
        f"Removing {who}{how} {split}; the largest group went from "
        f"{_persons(b['largest_fraction'], b['nodes'])} ({share(b['largest_fraction'])}) to "
        f"{_persons(a['largest_fraction'], a['nodes'])} ({share(a['largest_fraction'])})."
    ]
    if number(a["F"]) == number(b["F"]):
        lines.append(
            f"Fragmentation F stayed at {number(a['F'])}: the removal barely changed who can reach whom."
        )
    else:
        verb = "rose" if a["F"] > b["F"] else "fell"
        tail = (
            "no person can reach any other any more"
            if a["F"] == 1
            else f"{'more' if a['F'] > b['F'] else 'fewer'} pairs of persons cannot reach each other"
        )
        lines.append(f"Fragmentation F {verb} from {number(b['F'])} to {number(a['F'])}: {tail}.")
    for o in d["organizations"]:
        lost = _and(o["removed_leaders"])
        if not o["leaderless"]:
            lines.append(f"{o['name']} lost {lost} but is still led by {_and(o['remaining_leaders'])}.")
        else:
            which = "its only leader" if len(o["removed_leaders"]) == 1 else "all its leaders"
            after = (
                f"; the record names {_and(o['successors'])} as successor"
                if o["successors"]
                else " and no successor is recorded"
            )
            lines.append(f"{o['name']} lost {which} ({lost}){after}.")
    if not d["organizations"]:
        lines.append("None of them led an organization in the graph.")
    return lines


def to_markdown(report: dict[str, Any]) -> str:
    """The report as Markdown: each section says what it measures, figures rounded, estimates flagged.

    The JSON report keeps the figures as computed (six decimals); here they are rounded for
    reading. With a decapitation scenario the report ends with a plain summary of what changed.

    Examples
    --------
    >>> import networkx as nx
    >>> from ocgraph.graph.analysis.report import analyze
    >>> print(to_markdown(analyze(nx.MultiDiGraph())))
    # Fragmentation report
    <BLANKLINE>
    - the graph is empty: there is nothing to analyze
    <BLANKLINE>
    """
    md = ["# Fragmentation report", ""]
    md += [f"- {note}" for note in report["notes"]]
    if report["notes"]:
        md.append("")
    if report["empty"]:
        return "\n".join(md)
    est = set(report["estimates"])
    g = report["graph"]
    md += _section("Graph", "graph")
    md += _table(
        ["network", "nodes", "edges"],
        [
            ["typed graph", g["entities"], g["relations"]],
            ["criminal network", g["criminal_network"]["nodes"], g["criminal_network"]["edges"]],
            ["person network", g["person_network"]["nodes"], g["person_network"]["edges"]],
            ["signed network", g["signed_network"]["nodes"], g["signed_network"]["edges"]],
        ],
    )
    md += _section("Connectivity", "connectivity")
    rows = []
    for label, m in report["connectivity"].items():
        df = number(m["DF"]) + (" (estimate)" if f"connectivity.{label}.DF" in est else "")
        rows.append([label.replace("_", " "), m["components"], share(m["largest_fraction"]), m["F"], df])
    md += _table(["network", "components", "largest component", "F", "DF"], rows)
    c = report["concentration"]
    md += _section("Concentration", "concentration")
    md += [
        f"{c['organizations_with_members']} organizations with known members; "
        f"HHI {number(c['hhi'])}, effective number of groups {number(c['effective_number'], 1)}.",
        "",
    ]
    md += _table(["organization", "members"], [[o["name"], o["members"]] for o in c["largest"]])
    md += _section("Splinter and faction lineage", "lineage")
    lin = report["lineage"]
    if not lin["roots"]:
        md += ["No splinter or faction relations.", ""]
    else:
        md += [f"{lin['groups']} groups descend from {lin['roots']} roots; the largest trees:", ""]
        md += _table(
            ["root", "descendants", "depth", "generation widths", "leaves"],
            [[t["root"], t["descendants"], t["depth"], t["widths"], _leaves(t)] for t in lin["largest"]],
        )
    t = report["timeline"]
    md += _section("Timeline", "timeline")
    gap = timeline_gap(t)
    if gap:
        md += [gap, ""]
    else:
        md += [f"{t['undated_relations']} relations have no dates.", ""]
        years = sorted(set(t["active_per_year"]) | set(t["splinters_per_year"]))
        md += _table(
            ["year", "organizations active", "splinter events"],
            [[y, t["active_per_year"].get(y, 0), t["splinters_per_year"].get(y, 0)] for y in years],
        )
    kp = report["key_players"]
    md += _section("Key players (person network)", "key_players")
    if kp["betweenness_pivots"]:
        md += [f"Betweenness is an estimate from {kp['betweenness_pivots']} sampled pivots.", ""]
    rows = []
    for i in range(max(len(kp["degree"]), len(kp["betweenness"]))):
        d = kp["degree"][i] if i < len(kp["degree"]) else None
        b = kp["betweenness"][i] if i < len(kp["betweenness"]) else None
        rows.append([i + 1, d and d["name"], d and d["score"], b and b["name"], b and b["score"]])
    md += _table(["rank", "degree", "score", "betweenness", "score"], rows)
    if kp["kpp_neg"]:
        kpp = kp["kpp_neg"]
        names = ", ".join(p["name"] for p in kpp["set"]) or "—"
        md += [
            f"Best {kpp['k']} to fragment the network (KPP-Neg): {names}; "
            f"F after removal {number(kpp['F'])}.",
            "",
        ]
    cm = report["communities"]
    md += _section("Communities (criminal network, Louvain)", "communities")
    md += [f"{cm['count']} communities, modularity {number(cm['modularity'], 2)} (seed {cm['seed']}).", ""]
    md += _table(
        ["size", "members (first 10)"], [[x["size"], ", ".join(x["members"])] for x in cm["largest"]]
    )
    b = report["balance"]
    md += _section("Structural balance (alliances +, rivalries −)", "balance")
    ratio = share(b["balanced_ratio"]) if b["balanced_ratio"] is not None else "— (no triangles)"
    md += [
        f"{b['positive_edges']} alliances, {b['negative_edges']} rivalries; "
        f"balanced share of triangles: {ratio}.",
        "",
    ]
    md += _table(["+++", "++−", "+−−", "−−−"], [[b["triangles"][p] for p in balance.PATTERNS]])
    if b["rivalries"]:
        md += _table(["rival", "rival"], b["rivalries"])
    r = report["robustness"]
    md += _section("Robustness of the person network", "robustness")
    md += _table(
        ["attack", "R"],
        [[s + (" (estimate)" if f"robustness.{s}" in est else ""), r[s]["R"]] for s in robustness.STRATEGIES],
    )
    d = report["decapitation"]
    if d:
        md += _section("Decapitation", "decapitation")
        how = f"top {d['k']} by {d['strategy']}" if d["strategy"] else "named"
        md += [f"Removed ({how}): {', '.join(p['name'] for p in d['removed']) or 'nobody'}.", ""]
        md += _table(
            ["", "nodes", "components", "largest component", "F", "DF"],
            [
                [phase, m["nodes"], m["components"], share(m["largest_fraction"]), m["F"], m["DF"]]
                for phase, m in (("before", d["before"]), ("after", d["after"]))
            ],
        )
        md += _table(
            ["organization", "removed leaders", "remaining leaders", "leaderless", "successors"],
            [
                [
                    o["name"],
                    ", ".join(o["removed_leaders"]),
                    ", ".join(o["remaining_leaders"]) or "—",
                    "yes" if o["leaderless"] else "no",
                    ", ".join(o["successors"]) or ("none" if o["leaderless"] else "—"),
                ]
                for o in d["organizations"]
            ],
        )
    if report["estimates"]:
        md += ["Estimates (sampled): " + ", ".join(report["estimates"]) + ".", ""]
    if d:
        md += ["## In short", "", *(f"- {line}" for line in summary(d)), ""]
    return "\n".join(md)
