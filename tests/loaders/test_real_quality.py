"""Floors on real articles (tests/fixtures/real, see its README.md and LEDGER.md): `ocgraph extract` on
each split, scored by `ocgraph evaluate`.

These are regression guards, not evidence: the evidence is the ledger's first-run rows. `dev/` is
designed against, so its figures are in-sample; every other split became a regression set after its
first run (the latest batch's first run, recorded in the ledger, is the headline figure).
Each floor sits just below the figure measured when it was set (the figure beside it); raise them as
the extractor improves, never lower them to let a change pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from scoring import extract_and_score

REAL = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "real"

# split: (documents, gold relations, precision floor, recall floor, entity typing floor)
FLOORS = {
    # 2026-12-06, f03af29: P 0.92 R 0.31 F1 0.46 (tp 151, fp 14, fn 339); typed 0.95;
    # 0bf0d0e: P 0.91 R 0.31 (tp 151, fp 15)
    # 015c32d (2026-12-07): P 0.93 R 0.38 (tp 185, fp 13); typed 0.97
    # 556bc90: P 0.94 R 0.40 (tp 196, fp 12); typed 0.98
    "dev": (47, 490, 0.93, 0.39, 0.97),
    # 2026-12-06, f03af29 (held out): P 0.80 R 0.32 F1 0.45 (tp 78, fp 20, fn 168); typed 0.91;
    # 0bf0d0e: P 0.79 R 0.32 (tp 79, fp 21)
    # 015c32d: P 0.87 R 0.41 (tp 102, fp 15); typed 0.97
    # 556bc90: P 0.90 R 0.49 (tp 120, fp 14); typed 0.97
    "test": (27, 246, 0.88, 0.47, 0.96),
    # 2026-12-06, f03af29 (its first run): P 0.73 R 0.14 F1 0.23 (tp 29, fp 11, fn 178);
    # 0bf0d0e (held out): P 0.74 R 0.17 (tp 35, fp 12, fn 172)
    # 015c32d: P 0.81 R 0.23 (tp 47, fp 11); typed 0.94
    # 556bc90: P 0.79 R 0.33 (tp 69, fp 18); typed 0.94
    "test2": (23, 207, 0.78, 0.32, 0.93),
    # 2026-12-06, 0bf0d0e (its first run): P 0.82 R 0.25 F1 0.39 (tp 28, fp 6, fn 82);
    # typed 0.94
    # 015c32d: P 0.82 R 0.33 (tp 36, fp 8); typed 0.96
    # 83a9f5e: P 0.79 R 0.34 (tp 37, fp 10): the Militarized Communist Party page's infobox is read now,
    # and its gold takes "Opponents" and "Allegiance" as associated_with, not rival_of and faction_of
    "test3": (18, 110, 0.77, 0.32, 0.95),
    # 2026-12-06, f1ce3c0 (its first run, the headline figure): P 0.76 R 0.22 F1 0.34 (tp 26, fp 8, fn 91);
    # typed 0.87
    # 015c32d: P 0.85 R 0.33 (tp 39, fp 7); typed 0.93
    # 556bc90: P 0.85 R 0.35 (tp 41, fp 7); typed 0.93; 314b97f: P 0.88 R 0.37 (tp 43, fp 6)
    "test4": (17, 117, 0.86, 0.36, 0.92),
    # 2026-12-06, 7f78643 (its first run, the headline figure): P 0.85 R 0.28 F1 0.42 (tp 74, fp 13,
    # fn 191); typed 0.87
    # 015c32d: P 0.86 R 0.39 (tp 104, fp 17); typed 0.93
    # 556bc90: P 0.88 R 0.41 (tp 108, fp 15); typed 0.93
    "test5": (22, 265, 0.86, 0.39, 0.92),
    # 2026-12-06, 1fc8e95 (its first run, the headline figure): P 0.79 R 0.28 F1 0.42 (tp 33, fp 9,
    # fn 83); typed 0.89
    # 015c32d: P 0.88 R 0.45 (tp 52, fp 7); typed 0.92
    # 556bc90: P 0.90 R 0.48 (tp 56, fp 6); typed 0.93
    "test6": (20, 116, 0.89, 0.47, 0.92),
    # 2026-12-06, bdc0172 (its first run, the headline figure): P 0.66 R 0.17 F1 0.27 (tp 27, fp 14,
    # fn 134); typed 0.83; 84e8299: P 0.75 (fp 9)
    # 015c32d: P 0.84 R 0.32 (tp 52, fp 10); typed 0.90
    # 556bc90: P 0.92 R 0.37 (tp 60, fp 5); typed 0.94
    "test7": (19, 161, 0.91, 0.36, 0.93),
    # 2026-12-07, 015c32d (its first run, the headline figure): P 0.83 R 0.27 F1 0.41 (tp 65, fp 13,
    # fn 173); typed 0.90
    # 556bc90: P 0.90 R 0.39 (tp 94, fp 10); typed 0.93
    "test8": (22, 238, 0.89, 0.38, 0.92),  # d0dd9bc: P 0.86 R 0.31 (tp 73, fp 12); typed 0.91
    # 2026-12-07, d0dd9bc (its first run, the headline figure): P 0.88 R 0.37 F1 0.52 (tp 70, fp 10,
    # fn 121); typed 0.95
    # 556bc90: P 0.91 R 0.48 (tp 91, fp 9); typed 0.99
    "test9": (19, 191, 0.90, 0.46, 0.98),
    # 2026-12-07, 556bc90 (its first run, a headline figure): P 0.84 R 0.36 F1 0.50 (tp 84, fp 16,
    # fn 149); typed 0.95; 314b97f: P 0.88 R 0.38 (tp 89, fp 12)
    "test10": (22, 233, 0.86, 0.37, 0.93),
    # 2026-12-07, 556bc90 (its first run, a headline figure): P 0.84 R 0.41 F1 0.55 (tp 71, fp 14,
    # fn 101); typed 0.94
    "test11": (21, 172, 0.82, 0.40, 0.92),
    # 2026-12-07, 4913f69 (its first run, a headline figure): P 0.92 R 0.46 F1 0.61 (tp 96, fp 8,
    # fn 113); typed 0.94
    "test12": (21, 209, 0.90, 0.45, 0.93),  # 534af83: P 0.92 R 0.47 (tp 98, fp 8)
    # 2026-12-07, 534af83 (its first run, a headline figure): P 0.85 R 0.39 F1 0.53 (tp 92, fp 16,
    # fn 145); typed 0.95
    "test13": (22, 237, 0.85, 0.39, 0.93),  # 9ecea89, its errors read: P 0.87 R 0.40 (tp 95, fp 14)
    # 2026-12-07, 534af83 (its first run, a headline figure): P 0.70 R 0.28 F1 0.40 (tp 54, fp 23,
    # fn 141); typed 0.90
    "test14": (24, 195, 0.73, 0.28, 0.88),  # 9ecea89, its errors read: P 0.75 R 0.30 (tp 58, fp 19)
    # 2026-12-07, 9ecea89 (its first run, a headline figure): P 0.88 R 0.45 F1 0.60 (tp 123, fp 16,
    # fn 151); typed 0.97
    "test15": (22, 274, 0.86, 0.43, 0.95),
    # 2026-12-07, bb83717 (its first run, a headline figure): P 0.82 R 0.37 F1 0.51 (tp 103, fp 22,
    # fn 175); typed 0.95; b6ae78c, its misses read: P 0.85 R 0.43 (tp 120, fp 22)
    "test16": (31, 278, 0.82, 0.41, 0.93),
    # 2026-12-07, e46262b (its first run, a headline figure): P 0.79 R 0.30 F1 0.43 (tp 57, fp 15,
    # fn 134); typed 0.93; its misses read since: P 0.84 R 0.38 (tp 73, fp 14); typed 0.96
    "test17": (22, 191, 0.81, 0.36, 0.94),
    # 2026-12-07, 6d72967 (its first run, a headline figure): P 0.79 R 0.30 F1 0.44 (tp 71, fp 19,
    # fn 164); typed 0.94; kept unread since, like test15
    "test18": (31, 235, 0.77, 0.29, 0.92),
    # 2026-12-07, 97f7430 (its first run, a headline figure): P 0.70 R 0.31 F1 0.43 (tp 43, fp 18,
    # fn 95); typed 0.97
    "test19": (19, 138, 0.68, 0.30, 0.95),  # its misses read since: P 0.77 R 0.41 (tp 56, fp 17); typed 0.98
    # 2026-12-07, 0bc169b (its first run, a headline figure): P 0.72 R 0.24 F1 0.36 (tp 42, fp 16,
    # fn 135); typed 0.94; kept unread since
    "test20": (23, 177, 0.70, 0.22, 0.92),
    # 2026-12-07 (next session), a00de3e (its first run, a headline figure): P 0.81 R 0.35 F1 0.49 (tp 82,
    # fp 19, fn 152); typed 0.94
    "test21": (26, 234, 0.79, 0.33, 0.92),  # its misses read since: P 0.84 R 0.38 (tp 88, fp 17)
    # 2026-12-07 (next session), d473c09 (its first run, a headline figure): P 0.79 R 0.35 F1 0.49 (tp 75,
    # fp 20, fn 139); typed 0.91
    # its misses read since (next session): P 0.80 R 0.38 (tp 82, fp 21)
    "test22": (21, 214, 0.78, 0.37, 0.95),
    # the same commit (its first run, a headline figure): P 0.79 R 0.37 F1 0.50 (tp 66, fp 18, fn 113);
    # typed 0.96
    # its misses read since (next session): P 0.81 R 0.43 (tp 77, fp 18)
    "test23": (22, 179, 0.79, 0.41, 0.94),
    # 2026-12-07 (next session), 8e02b07 (its first run, a headline figure): P 0.89 R 0.40 F1 0.55 (tp 103,
    # fp 13, fn 153); typed 0.93; the previous stop's extractor (6b4aad3) found the same facts
    "test24": (26, 256, 0.90, 0.51, 0.92),  # its misses read since: P 0.92 R 0.53 (tp 136, fp 12)
    # 2026-12-07 (next session), 533039e (its first run, a headline figure): P 0.86 R 0.44 F1 0.59 (tp 111,
    # fp 18, fn 139); typed 0.93; the previous stop's extractor (6b4aad3): tp 105, fp 18
    "test25": (29, 250, 0.84, 0.42, 0.91),
    # 2026-12-07 (late session), c05cec7 (its first run, a headline figure): P 0.66 R 0.37 F1 0.47 (tp 40,
    # fp 21, fn 68); typed 0.94; the previous stop's extractor (5181e83): tp 40, fp 20
    "test26": (19, 108, 0.64, 0.35, 0.92),
    # 2026-12-08, 429a83a (first run): P 0.87 R 0.37 F1 0.52 (tp 81, fp 12, fn 138); typed 0.94
    "test27": (24, 219, 0.85, 0.35, 0.92),
}


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_real_split_stays_above_its_floors(split: str, tmp_path: Path) -> None:
    documents, relations, p_floor, r_floor, typed_floor = FLOORS[split]
    texts = sorted((REAL / split).glob("*.txt"))
    golds = [t.with_name(t.stem + ".gold.json") for t in texts]
    result = extract_and_score(texts, golds, tmp_path)
    assert len(texts) == documents
    assert result["tp"] + result["fn"] == relations  # every gold relation is counted once
    assert result["precision"] >= p_floor, result["wrong"]
    assert result["recall"] >= r_floor, result["misses"]
    assert result["entity_type_accuracy"] >= typed_floor


# split: (actors named in two or more of its articles, how many of them may be split over several
# store ids, how many store ids may merge different actors)
CROSS = {
    # 2026-12-06, f03af29: 21 of 87 split, 3 merges; 05e7598 + surnames shared in lists, aliases without
    # quotes, "Departments of X and Y", countries as places and governments, short names corroborated
    # by a shared neighbour: 17 of 86 (the AUC is no longer Colombia's acronym), 2 merges; + types by
    # context, the U.S. Attorney's office a district names: 16 of 87; + US federal bodies in the gazetteer
    # (their names found whole, so one more actor is found in two articles): 16 of 88
    # 015c32d: 13 of 88 (well-known groups in the gazetteer, one El Mencho); 2026-12-07 (later), designated
    # groups in the gazetteer and officials' titles read whole: one more actor found in two articles
    # 2026-12-07 (late): an acronym the text gives a group is that group's (the CDG), a given name alone
    # is one article's: 11 of 89, 1 merge
    "dev": (89, 11, 1),
    # 05e7598: 8 of 37; US federal bodies in the gazetteer: 5 of 38; 314b97f: 2 ids; 2026-12-07 (late),
    # the text's "Clan del Golfo" (CDG) no longer joins the Gulf Cartel's CDG: 4 of 38, 1 id
    "test": (38, 4, 1),
    # 05e7598: 9 of 46; 2026-12-08, test27's intake gave Alejandro (Omar) Treviño Morales one gold id: 3 of 47
    "test2": (47, 3, 0),
    # 05e7598: 2 of 15; US federal bodies in the gazetteer: 1 of 16; 2026-12-07 (later), officials' titles
    # read whole: one more actor found in two articles
    "test3": (17, 1, 0),
    "test4": (27, 2, 0),  # 05e7598: 3 of 25; US federal bodies in the gazetteer: 2 of 26; 314b97f: 2 of 27
    # 7f78643, its first run: 9 of 38 (05e7598: 12 of 39); 836f7df: 7; 2026-12-07 (later), designated groups
    # in the gazetteer (the Yakuza): one more actor found in two articles
    # 2026-12-07 (late), a Mafia family named with its noun: one more actor found in two articles
    "test5": (40, 7, 0),
    # 1fc8e95, its first run: 4 of 16 (05e7598 and 8d16762: 4 of 16); 015c32d: 3; more given names: one
    # more actor found in two articles
    # next session, a family named in the plural is a group: one more actor in two articles
    "test6": (18, 3, 0),
    # bdc0172, its first run: 5 of 20 and 1 merged id (two countries' police); ATF and the other US
    # federal bodies in the gazetteer: 4 of 21
    "test7": (21, 3, 0),  # 2026-12-07 (late): 3 of 21
    # 015c32d, its first run: 6 of 25, and 3 ids joining two gold actors each (two groups called Rojos;
    # the Tijuana and Sinaloa cartels with the places they are named after)
    # d0dd9bc: 4 of 25, 2 ids (cartels sharing one head noun read each whole); a state's force in lowercase
    # ("the Mexican army") is a body: one more actor found in two articles
    # 2026-12-07 (late), gold ids unified at test26's intake: one more actor found in two articles; 2 of 27
    # split, 1 id
    "test8": (27, 2, 1),
    "test9": (28, 2, 0),  # d0dd9bc, its first run: 2 of 28, no merged id
    # 556bc90, its first run: 4 of 25 (the Five Families each split from its earlier boss's name) and 1
    # merged id (two bodies both called NCO: the Nuova Camorra Organizzata and a Mexican observatory)
    # 314b97f: no merged id (an acronym is its own document's body first); 2026-12-07 (later), "Sicilian
    # Mafia" is Cosa Nostra: the Sicilian Mafia's split is gone (3 of 24), and the Bonanno profile's "the
    # American Mafia (or Cosa Nostra)", whose "Cosa Nostra" was always read as the Sicilian one, now shows
    # as one id joining two gold actors; a heading line is no part of a group's name: 25 actors in two
    # next session, names in infoboxes read whole: two more actors in two articles; 2026-12-07 (late), the
    # Five Families' old names ("the Maranzano, Profaci, Mangano, Luciano, and Gagliano families") read as
    # "<name> family", the gold's names for the families they became: those splits now show (4 of 27)
    "test10": (27, 4, 1),
    "test11": (18, 0, 0),  # 556bc90, its first run: none of 18 split, no merged id
    # 4913f69, its first run: 4 of 27 split, no merged id; one more actor found in two; 2026-12-07 (later),
    # designated groups in the gazetteer (Cosa Nostra): one more, and 3 split
    "test12": (29, 3, 0),
    # 534af83, its first run: 2 of 33 split, no merged id; a state's force in lowercase is a body: "the
    # Mexican armed forces" and "the Mexican military", one actor in the gold, are two
    "test13": (34, 2, 0),
    # 534af83, its first run: 7 of 31 split, 1 merged id; 2026-12-07 (later), names without a middle initial,
    # Italian names of groups, designated groups in the gazetteer: 5 of 33
    "test14": (33, 4, 1),  # 2026-12-07 (late): 4 of 33
    # 9ecea89, its first run: 9 of 43 split, 1 merged id; later on 2026-12-07, bodies named after places
    # and more given names: 10 (which one was not read: test15 is kept unread since its first run)
    # 2026-12-07 (later), designated groups in the gazetteer: one more actor found in two articles (which was
    # not read either)
    "test15": (44, 7, 1),  # 2026-12-07 (late), totals only: 7 of 44
    # bb83717, its first run: 6 of 44 split, 1 merged id (the gold's two ids for the Justice Department,
    # unified after the run: 45 actors in two articles since)
    # 2026-12-07 (later), officials' titles read whole: one more actor found in two articles
    # 2026-12-07 (next session), a U.S. Attorney's office keeps its district as an alias: one more actor
    # found in two articles
    # 2026-12-07 (late), gold ids unified at test26's intake: one more actor found in two articles
    "test16": (48, 6, 0),
    # e46262b, its first run: 9 of 29 split, 2 merged ids (two attorney general's offices named alike; a
    # place and a court the gold names alike); its misses read since: a/k/a aliases, second surnames: 6;
    # a U.S. Attorney's office keeps its district as an alias: one more actor found in two articles
    "test17": (30, 5, 2),
    # 6d72967, its first run: 6 of 44 split, 1 merged id (the Gulf Cartel and the Clan del Golfo)
    "test18": (44, 5, 0),  # 2026-12-07 (late), totals only: 5 of 44, no merged id (the CDG)
    # 97f7430, its first run: 3 of 26 split, no merged id; its misses read since: given names after "the X
    # brothers" take the family's name: 2
    "test19": (26, 2, 0),
    "test20": (35, 6, 0),  # 0bc169b, its first run: 6 of 35 split, no merged id
    "test21": (23, 5, 0),  # a00de3e, its first run: 5 of 23 split, no merged id
    "test22": (27, 3, 0),  # d473c09, its first run: 6 of 27 split; its misses read since: 3
    "test23": (26, 9, 0),  # d473c09, its first run: 12 of 26 split; its misses read since: 9
    # 8e02b07, its first run: 5 of 42 split; since, one more actor found in two articles, and the 14K split
    # by the model's "K" of "十四K": 6 of 43
    "test24": (43, 6, 0),
    # 533039e, its first run: 3 of 36 split; 1 merged id (two men called "Frank"); 2026-12-07 (late), a
    # given name alone is one article's person: no merged id
    "test25": (36, 3, 0),
    # c05cec7, its first run: 4 of 23 split, 2 merged ids, looked at after the run (each a name and the
    # same name with "Jr."/"Sr." read as one person); a name without its generation is another person
    # since: 4 of 25, no merged id
    "test26": (25, 4, 0),
    # 2026-12-08, 429a83a (first run): 5 of 24 split, no merged id
    "test27": (24, 5, 0),
}


@pytest.mark.parametrize("split", sorted(CROSS))
def test_cross_document_resolution_stays_below_its_ceiling(split: str, tmp_path: Path) -> None:
    several, split_ceiling, merge_ceiling = CROSS[split]
    texts = sorted((REAL / split).glob("*.txt"))
    result = extract_and_score(texts, [t.with_name(t.stem + ".gold.json") for t in texts], tmp_path)
    cross = result["cross_document"]
    assert cross["entities_in_several_documents"] == several
    assert cross["split"] <= split_ceiling, cross["split_entities"]
    assert len(cross["merged_ids"]) <= merge_ceiling, cross["merged_ids"]
