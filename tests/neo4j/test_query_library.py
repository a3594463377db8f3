"""The query files themselves: headers, parameters, and only ontology labels and types (no server)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ocgraph import ontology
from ocgraph.errors import InputError
from ocgraph.queries.library import available, get, parse

QUERIES = Path(__file__).resolve().parents[2] / "queries"
REQUIRED = {
    "members",
    "leaders",
    "rivals_allies",
    "faction_tree",
    "sanctions_rewards",
    "succession",
    "shortest_path",
    "neighborhood",
    "evidence",
    "leaderless",
    "most_targeted",
}
# names the writer itself uses besides the ontology's: the common label and the document links
OWN = {"Entity", "MENTIONS"}


def cypher_files():
    return sorted(QUERIES.glob("*.cypher")) + sorted(QUERIES.glob("*/*.cypher"))


def test_the_required_queries_exist_with_headers():
    queries = available("cypher")
    assert set(queries) >= REQUIRED
    for name, q in queries.items():
        assert q.purpose and q.example.startswith(f"ocgraph query {name}"), name
        assert all(p.doc for p in q.params), name
    for name, q in available("sparql").items():
        assert q.example.startswith(f"ocgraph sparql {name}"), name


@pytest.mark.parametrize("path", cypher_files(), ids=lambda p: p.name)
def test_labels_and_types_come_from_the_ontology(path):
    onto = ontology.load()
    labels = {t.label for t in onto.types.values()} | OWN
    types = {p.rel_type for p in onto.predicates.values()} | OWN
    body = "\n".join(line for line in path.read_text().splitlines() if not line.startswith("//"))
    body = re.sub(r"'[^']*'", "''", body)  # string literals are values, not names
    for match in re.finditer(r"\((\w*)((?::\w+)+)", body):
        assert set(match.group(2).split(":")[1:]) <= labels, (path.name, match.group(0))
    for match in re.finditer(r"\[\w*:([A-Z_|]+)", body):
        assert set(match.group(1).split("|")) <= types, (path.name, match.group(0))
    for match in re.finditer(r"'([A-Z]+_[A-Z_]+)'", path.read_text()):  # type(r) = 'MEMBER_OF'
        assert match.group(1) in types, (path.name, match.group(0))


def test_header_parsing():
    q = parse(
        "demo",
        "cypher",
        (
            "// Purpose: Say hello\n//   to someone.\n"
            "// Param who (name): a person\n"
            '// Param greeting = "hi": the word\n'
            "// Param times (int) = 2: how often\n"
            "// Example: ocgraph query demo --param who=x\n"
            "RETURN $who\n"
        ),
    )
    assert q.purpose == "Say hello to someone."
    assert [(p.name, p.kind, p.default) for p in q.params] == [
        ("who", "name", None),
        ("greeting", "text", "hi"),
        ("times", "int", 2),
    ]
    assert q.bind({"who": "Joaquín “El Chapo” GUZMÁN", "times": "3"}) == {
        "who": "joaquin el chapo guzman",
        "greeting": "hi",
        "times": 3,
    }
    with pytest.raises(InputError, match="needs --param who"):
        q.bind({})
    with pytest.raises(InputError, match="no parameter 'whom'"):
        q.bind({"who": "x", "whom": "y"})


def test_unknown_query_names_the_known_ones():
    with pytest.raises(InputError, match=r"unknown cypher query 'nope' \(known: evidence, "):
        get("nope")
    with pytest.raises(InputError, match="unknown sparql query 'evidence'"):
        get("evidence", "sparql")


def test_types_placeholder_lists_every_ontology_type():
    text = get("shortest_path").cypher()
    onto = ontology.load()
    assert "{{" not in text
    assert "|".join(p.rel_type for p in onto.predicates.values()) in text


def test_listing_needs_no_server(monkeypatch):
    from click.testing import CliRunner

    from ocgraph.cli import main

    monkeypatch.setenv("NEO4J_URI", "http://not-a-bolt-uri")
    for command in ("query", "sparql"):
        result = CliRunner().invoke(main, [command, "--list"])
        assert result.exit_code == 0, result.output
        first = result.stdout.splitlines()[0].split()
        assert first[0] == ("evidence" if command == "query" else "leaderless")
