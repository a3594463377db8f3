"""Pronouns and "the group" refer back within the paragraph; no false merges of similar names."""

from pathlib import Path

from extract_helpers import extract, facts, subjects, types

# Wordings only the slot-template rules found; 94 of those 96 rules added no right fact on the real dev
# articles and were removed (issue 13). Each test here passes again once a frame or the binder covers it.


def test_they_are_the_group_the_sons_form():
    kg = extract(
        "Brisa Cartel members Ramiro Fuentes Olvera and Lisandro Fuentes Olvera are wanted.\n\n"
        "The two sons of Brisa Cartel leader Teodoro Fuentes Baca are known collectively as "
        '"Los Fuentitos." They are battling for internal control of the group with Maximino Arce Dávila, '
        "one of the group's oldest members.\n"
    )
    assert facts(kg, "child_of") == {
        ("Ramiro Fuentes Olvera", "child_of", "Teodoro Fuentes Baca"),
        ("Lisandro Fuentes Olvera", "child_of", "Teodoro Fuentes Baca"),
    }
    assert facts(kg, "rival_of") == {("Los Fuentitos", "rival_of", "Maximino Arce Dávila")}
    assert facts(kg, "faction_of") == {("Los Fuentitos", "faction_of", "Brisa Cartel")}
    assert ("Maximino Arce Dávila", "member_of", "Brisa Cartel") in facts(kg, "member_of")


def test_he_refers_to_the_last_person_named_as_subject():
    kg = extract("Ramiro Fuentes Olvera was seen in Sonora. He is a member of the Brisa Cartel.\n")
    assert facts(kg, "member_of") == {("Ramiro Fuentes Olvera", "member_of", "Brisa Cartel")}


def test_similar_full_names_stay_apart_and_bare_surname_is_dropped_when_ambiguous():
    kg = extract(
        "Joaquín Guzmán Loera leads the Brisa Cartel. Joaquín Guzmán López is a member of the Cartel de "
        "Poniente. Guzmán was seen in Sonora with the Cartel de Poniente.\n"
    )
    people = {n for n, t in types(kg).items() if t == "Person"}
    assert people == {"Joaquín Guzmán Loera", "Joaquín Guzmán López"}
    assert facts(kg, "leader_of", "member_of") == {
        ("Joaquín Guzmán Loera", "leader_of", "Brisa Cartel"),
        ("Joaquín Guzmán López", "member_of", "Cartel de Poniente"),
    }


def test_bare_surname_resolves_when_unique():
    kg = extract(
        "Eulalio Tapia Ruelas was arrested on Monday. Prosecutors say Tapia Ruelas heads the Brisa Cartel.\n"
    )
    assert facts(kg, "leader_of") == {("Eulalio Tapia Ruelas", "leader_of", "Brisa Cartel")}


def test_its_with_two_groups_before_is_left_alone():
    kg = extract(
        "The Brisa Cartel is at war with the Cartel de Poniente. Its former leader, Ramiro Fuentes Olvera, "
        "was arrested by the National Guard.\n"
    )
    assert facts(kg, "leader_of") == set()
    assert facts(kg, "detained_by") == {("Ramiro Fuentes Olvera", "detained_by", "National Guard")}


def test_the_group_can_be_named_earlier_in_the_same_sentence():
    kg = extract(
        "The National Guard suspended a truce with the Brisa Cartel in March, accusing the group of attacks. "
        "The United States offered a reward for information on Ramiro Fuentes Olvera, the group's current "
        "leader.\n"
    )
    assert facts(kg, "reward_offered_by") == {("Ramiro Fuentes Olvera", "reward_offered_by", "United States")}
    assert facts(kg, "leader_of") == {("Ramiro Fuentes Olvera", "leader_of", "Brisa Cartel")}


def test_single_quoted_nickname():
    kg = extract("The suspect, Jhon Fredy Gallo Ríos, alias 'Pichi', leads the Brisa Cartel.\n")
    assert [e.name for e in kg.find("Pichi")] == ["Jhon Fredy Gallo Ríos"]


def test_surname_is_the_one_bearer_named_so_far_and_keeps_that_referent():
    kg = extract(
        "Police arrested Rigoberto Chitay Alvarado, a trafficker, on Monday. Chitay was captured by the "
        "National Civil Police in Cobán. Chitay's brother, Ernesto Chitay Alvarado, fled to Mexico. "
        "Chitay was later detained by the Guatemalan Army.\n"
    )
    # the first two 'Chitay' have one candidate so far; the last has two, and keeps the first referent
    assert facts(kg, "detained_by") == {
        ("Rigoberto Chitay Alvarado", "detained_by", "National Civil Police"),
        ("Rigoberto Chitay Alvarado", "detained_by", "Guatemalan Army"),
    }
    assert facts(kg, "sibling_of") == {("Ernesto Chitay Alvarado", "sibling_of", "Rigoberto Chitay Alvarado")}


def test_cataphoric_surname_is_not_guessed():
    kg = extract(
        "Chitay was detained by the Guatemalan Army. His brother, Ernesto Chitay Alvarado, was not "
        "arrested.\n"
    )
    assert facts(kg, "detained_by") == set()


def test_two_bearers_named_before_leave_the_shared_surname_unresolved():
    kg = extract(
        "Cristian Ríos Tapia and Marco Ríos Tapia run the lookouts of the Mezcaleros gang. In December, "
        "Ríos Tapia was detained by the Mexican Army.\n"
    )
    assert facts(kg, "detained_by") == set()


def test_the_group_after_two_groups_is_left_alone_even_after_a_group_subject():
    kg = extract(
        "Los Serranos have been fighting the Cartel de Izabal since 2019. After the arrest, Ernesto Chitay "
        "Alvarado took over the group.\n"
    )
    assert facts(kg, "leader_of") == set()


def test_the_group_after_one_group_is_that_group():
    kg = extract(
        "Los Serranos smuggle cocaine. After the arrest, Ernesto Chitay Alvarado took over the group.\n"
    )
    assert facts(kg, "leader_of") == {("Ernesto Chitay Alvarado", "leader_of", "Los Serranos")}


def test_the_group_after_two_groups_with_no_group_subject_is_left_alone():
    kg = extract(
        "Police raided homes of members of Los Serranos and the Cartel de Izabal. Ernesto Chitay Alvarado "
        "took over the group.\n"
    )
    assert facts(kg, "leader_of") == set()


def test_settled_surname_tagged_as_an_organisation_by_the_model_is_still_the_person():
    kg = extract(
        "Hernán Quiroga Beltrán has headed the Costa Brava Cartel since 2015. Quiroga's co-defendants "
        "include his nephew, Julio Quiroga Ferro. The State Department had offered a reward of up to "
        "$5 million for "
        "information leading to Quiroga's arrest.\n"
    )
    assert facts(kg, "reward_offered_by") == {
        ("Hernán Quiroga Beltrán", "reward_offered_by", "U.S. Department of State")
    }
    assert not any(e.type == "Organization" for e in kg.entities.values())


def test_he_after_a_relative_appositive_is_the_relative():
    kg = extract(
        "Cláudio Ferraz Nogueira was sentenced in 2018. Ferraz Nogueira's son, Mateus Ferraz Lima, runs the "
        "money. He was arrested by the Federal Police in June.\n"
    )
    assert facts(kg, "detained_by") == {("Mateus Ferraz Lima", "detained_by", "Federal Police")}


def test_the_group_after_a_sentence_about_one_group_survives_a_subject_reference():
    # "the organization" in the first sentence is its own subject, left alone; that must not block the
    # next "The group", which can only be the Halcones Cartel
    kg = extract(
        "The Halcones Cartel is led by Rogelio Chávez Ocampo, who took control of the organization in 2014. "
        "The group is engaged in a violent turf war with the Jalisco New Generation Cartel.\n"
    )
    assert facts(kg, "rival_of") == {("Halcones Cartel", "rival_of", "Jalisco New Generation Cartel")}


def test_the_clan_after_a_family_name_is_that_familys_clan():
    kg = extract(
        "The Carrozza clan has long feuded with the rival Serrao clan. The Serrao clan is led by Antonio "
        "Serrao.\n\nCarrozza's son, Francesco Carrozza, ran the clan's business while his father hid.\n"
    )
    assert ("Francesco Carrozza", "member_of", "Serrao Clan") not in facts(kg, "member_of")


def test_the_people_known_collectively_as_a_group_are_its_members():
    # the seed article's own paragraphs (InSight Crime, 2022): the sons are listed in one paragraph,
    # counted in the next ("the four sons") and named as a group there
    seed = (Path(__file__).parents[2] / "data" / "seed-kingpin-strategy.txt").read_text(encoding="utf-8")
    paragraphs = seed.split("\n\n")
    start = next(i for i, p in enumerate(paragraphs) if p.startswith("A day after"))
    kg = extract("\n\n".join(paragraphs[start : start + 3]) + "\n")
    sons = {"Ovidio Guzmán López", "Iván Archivaldo Guzmán Salazar", "Jesús Alfredo Guzmán Salazar"}
    sons |= {"Joaquín Guzmán López"}
    assert {(s, "member_of", "Los Chapitos") for s in sons} <= facts(kg, "member_of")
    assert subjects(kg, "member_of", "Los Chapitos") == sons


def test_an_encyclopedia_opening_names_one_group_and_its_leader():
    # dev/mx-wikipedia-juarez-cartel (CC BY-SA 4.0), its first sentences with their citation marks: the
    # Spanish name in brackets and the "also known as" name are the same group, "Spanish:" is a
    # language, "[3]" ends its sentence, and "Its" continues the subject of the sentence before
    kg = extract(
        "The Juárez Cartel (Spanish: Cártel de Juárez), also known as the Vicente Carrillo Fuentes "
        "Organization, is a Mexican drug cartel based in Ciudad Juárez.[2] The cartel is one of several "
        "drug trafficking organizations that have been known to decapitate their rivals, and their "
        "rivals, the Sinaloa Cartel.[3] Its current known leader is Juan Pablo Ledezma.\n"
    )
    (juarez,) = [e for e in kg.entities.values() if "Juárez Cartel" in (e.name, *e.aliases)]
    assert {"Cártel de Juárez", "Vicente Carrillo Fuentes Organization"} <= {juarez.name, *juarez.aliases}
    assert not [e for e in kg.entities.values() if e.name == "Spain"]
    assert facts(kg, "leader_of") == {("Juan Pablo Ledezma", "leader_of", juarez.name)}


def test_the_alliance_is_the_one_group_whose_name_ends_in_alliance():
    # the sentence before named only the Camorra; "the alliance" is still the Brisa Alliance
    kg = extract(
        "The Brisa Alliance is a coalition of clans of the Camorra. The Orlo clan and the Varga clan formed "
        "it in 1992. The Orlo clan eventually split from the alliance.\n"
    )
    assert ("Orlo Clan", "splinter_of", "Brisa Alliance") in facts(kg, "splinter_of")
    assert ("Orlo Clan", "splinter_of", "Camorra") not in facts(kg, "splinter_of")


def test_the_cartel_in_a_cartels_own_profile_is_that_cartel():
    # the sentence before named another cartel; the page is the Brisa Cartel's profile
    kg = extract(
        "Brisa Cartel\n\nThe Brisa Cartel was a drug cartel in Ruritania. It rose after the fall of the "
        "Orlo Cartel. The drug cartel was led by the brothers Tomas Varga and Petar Varga until 2008.\n",
        name="brisa-cartel.txt",
    )
    assert facts(kg, "leader_of") == {
        ("Petar Varga", "leader_of", "Brisa Cartel"),
        ("Tomas Varga", "leader_of", "Brisa Cartel"),
    }


def test_a_gang_named_with_and_without_its_kind_is_one_group():
    kg = extract(
        "Hundreds were kidnapped by the 400 Varoso gang in 2021. 400 Varoso is a Haitian gang. Its leader "
        "is Tomas Elbe Varga.\n"
    )
    groups = [e for e in kg.entities.values() if e.type == "CriminalOrganization"]
    assert [(e.name, sorted(e.aliases)) for e in groups] == [("400 Varoso Gang", ["400 Varoso"])]


def test_a_described_group_noun_points_back_unless_its_word_points_elsewhere():
    kg = extract(
        "Los Pachenca grew along the Caribbean coast. "
        "The powerful gang is led by Jesus Maria Aguirre Gallego.\n"
    )
    assert ("Jesus Maria Aguirre Gallego", "leader_of", "Los Pachenca") in facts(kg, "leader_of")
    kg = extract(
        "Los Pachenca grew along the Caribbean coast. The rival gang is led by Jesus Maria Aguirre.\n"
    )
    assert not facts(kg, "leader_of")


def test_a_profiles_group_wins_a_tie_for_the_section_its_leaders_are_named_in():
    # test10/sj-wikipedia-corleonesi-mafia-clan.txt: the faction and its parent are each named twice
    kg = extract(
        "Corleonesi Mafia clan\n\nMembership Sicilian Mafia\n\nThe Corleonesi Mafia clan was a faction "
        "within the Corleone family of the Sicilian Mafia, formed in the 1970s. Notable leaders included "
        "Luciano Leggio and Salvatore Riina.\n"
    )
    assert ("Salvatore Riina", "leader_of", "Corleonesi Mafia Clan") in facts(kg, "leader_of")


def test_he_with_no_subject_to_continue_is_the_person_a_biography_is_about():
    # test14/sn-wikipedia-lo-hsing-han.txt, up to his arrest: "he" is Lo, not General Ne Win, the person
    # named last
    page = Path(__file__).parent.parent / "fixtures" / "real" / "test14" / "sn-wikipedia-lo-hsing-han.txt"
    text = page.read_text(encoding="utf-8")
    end = text.index("Burmese government.", text.index("In August 1973")) + len("Burmese government.")
    kg = extract(text[:end] + "\n")
    assert {s for s, _, _ in facts(kg, "detained_by")} == {"Lo Hsing Han"}


def test_the_family_is_the_crime_family_named_before_and_only_a_family():
    # test24/cw-insightcrime-2017-nicaragua-renazcos-profile.txt: "The head of the family is ..."
    kg = extract(
        "The Reñazcos run the port of Bluefields. The head of the family is Miguel Angel Reñazco Padilla.\n"
    )
    assert facts(kg, "leader_of") == {("Miguel Angel Reñazco Padilla", "leader_of", "Reñazcos")}
    # a cartel is no family: "the family" here is kin
    kg = extract("The Sinaloa Cartel moved drugs. The family moved to Brooklyn. Ana Ruiz heads the family.\n")
    assert facts(kg, "leader_of") == set()


def test_he_is_no_name_that_only_modifies_a_noun():
    # test26/w6-wikipedia-undated-sam-decavalcante.txt: "McClellan" names the hearings, not a man named
    # there; and "the New Jersey Mafia the DeCavalcante crime family" is two names, not one
    kg = extract(
        "The McClellan hearings later named the New Jersey Mafia the DeCavalcante crime family since he was "
        "the boss of the family at the time of those hearings.\n"
    )
    assert facts(kg, "leader_of") == set()
    assert "DeCavalcante Crime Family" in types(kg)
    assert not [name for name in types(kg) if "Mafia the" in name]
