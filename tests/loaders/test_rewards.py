"""Rewards: amount, currency, "in total" vs "each", the authority that offers."""

from extract_helpers import extract, facts, relation


def test_total_amount_for_several_people():
    kg = extract(
        "The State Department offered up to $12 million in total for information leading to the arrest of "
        "Ramiro Fuentes Olvera and Teodora Quiñones Baca.\n"
    )
    rel = relation(kg, "Ramiro Fuentes Olvera", "reward_offered_by", "U.S. Department of State")
    assert (rel.properties["amount"], rel.properties["currency"], rel.properties["amount_scope"]) == (
        12000000,
        "USD",
        "total",
    )
    assert len(facts(kg, "reward_offered_by")) == 2


def test_each_amount_and_pesos():
    kg = extract(
        "The Mexican government offered 5 million pesos each for Ramiro Fuentes Olvera and "
        "Lisandro Peña Urías.\n"
    )
    rel = relation(kg, "Lisandro Peña Urías", "reward_offered_by", "Mexico")
    assert (rel.properties["amount"], rel.properties["currency"], rel.properties["amount_scope"]) == (
        5000000,
        "MXN",
        "each",
    )


def test_offerer_from_the_sentence_before():
    kg = extract(
        "The Federal Investigations Bureau announced new steps on Tuesday. Officials said they would offer "
        "up to $3 million for information on Maximino Arce Dávila.\n"
    )
    assert facts(kg, "reward_offered_by") == {
        ("Maximino Arce Dávila", "reward_offered_by", "Federal Investigations Bureau")
    }
    rel = relation(kg, "Maximino Arce Dávila", "reward_offered_by", "Federal Investigations Bureau")
    assert rel.properties["amount"] == 3000000 and "amount_scope" not in rel.properties


def test_affiliation_is_not_a_target():
    kg = extract(
        "Washington has pledged $8 million for the capture of two leaders: Teodora Quiñones Baca of the "
        "Brisa Cartel and Ramiro Fuentes Olvera of the Cartel de Poniente.\n"
    )
    targets = {s for s, _, _ in facts(kg, "reward_offered_by")}
    assert "Brisa Cartel" not in targets and "Cartel de Poniente" not in targets


def test_no_offerer_guessed_when_the_sentence_names_another():
    kg = extract(
        "The National Guard arrested two men on Monday. Washington offered a reward for information on "
        "Ramiro Fuentes Olvera.\n"
    )
    assert facts(kg, "reward_offered_by") == set()


def test_two_clauses_two_sums():
    kg = extract(
        "The Department of State is offering rewards of up to $4 million each for information leading to "
        "the arrest and/or conviction of Amado Rincón Vera and Lidia Sosa Mena, and up to $1 million for "
        "information leading to the arrest and/or conviction of Fausto Ibarra Gil.\n"
    )
    got = {
        kg.entities[r.subject].name: (r.properties.get("amount"), r.properties.get("amount_scope"))
        for r in kg.relations.values()
        if r.predicate == "reward_offered_by"
    }
    assert got == {
        "Amado Rincón Vera": (4_000_000, "each"),
        "Lidia Sosa Mena": (4_000_000, "each"),
        "Fausto Ibarra Gil": (1_000_000, None),
    }


def test_a_spanish_plural_target_is_not_made_a_person():
    kg = extract(
        "The Department of State offers up to $2 million for information leading to the arrest of "
        "Los Halcones Grises leaders.\n"
    )
    assert "Los Halcones Grises" not in {e.name for e in kg.entities.values() if e.type == "Person"}


def test_targets_named_in_the_plural_before_their_list_and_a_rewards_programs_designation():
    # "the individuals named today" and "ten new targets" point ahead to the lists that follow; a
    # designation as targets of a rewards program is a reward offered, not a sanction
    kg = extract(
        "Today the U.S. Department of State announced the designation of three new targets of its "
        "Narcotics Rewards Program. The individuals named today are top leaders of the Brisa Cartel.\n\n"
        "The Brisa Cartel targets announced today are: Tomas Elbe Varga, Petar Orlo Danek, and Mario "
        "Ramirez Salas.\n"
    )
    people = {"Tomas Elbe Varga", "Petar Orlo Danek", "Mario Ramirez Salas"}
    state = "U.S. Department of State"
    assert facts(kg, "reward_offered_by") == {(p, "reward_offered_by", state) for p in people}
    assert facts(kg, "sanctioned_by") == set()
    assert facts(kg, "leader_of") == {(p, "leader_of", "Brisa Cartel") for p in people}
