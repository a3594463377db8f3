"""Types a name's place in the sentence gives when the model guesses wrong, each with its reason kept
(`typed_by`). Sentences from articles of tests/fixtures/real/ (named beside each)."""

from extract_helpers import extract, facts, types

from ocgraph.loaders import fields
from ocgraph.loaders.mentions import Mention


def typed(kg, name):
    (entity,) = kg.find(name)
    return entity.type, entity.properties.get("typed_by")


def test_examples_of_a_plural_group_noun_are_groups():
    # the wording of test3/nc-state-2025-haiti-viv-ansanm-gran-grif-fto.txt, whose two groups the
    # gazetteer now holds, with two other Haitian gangs' names
    kg = extract(
        "Haitian gangs, including the Kraze Baryè coalition and Ti Makak, are the primary source of "
        "instability and violence in Haiti.\n"
    )
    assert typed(kg, "Kraze Baryè") == ("CriminalOrganization", ["context: Kraze Baryè coalition"])
    assert typed(kg, "Ti Makak") == ("CriminalOrganization", ["context: gangs including Ti Makak"])


def test_a_role_in_a_name_makes_it_a_group():
    kg = extract("Police arrested two members of La Constru in Putumayo last week.\n")
    assert typed(kg, "La Constru")[0] == "CriminalOrganization"


def test_a_gazetteer_name_and_the_model_say_why():
    kg = extract("The Sinaloa Cartel fights Juan Pérez Soto.\n")
    assert typed(kg, "Sinaloa Cartel") == ("CriminalOrganization", ["gazetteer"])
    assert typed(kg, "Juan Pérez Soto") == ("Person", ["language model (spaCy)"])


def test_a_persons_group_is_two_actors():
    # dev/sa-insightcrime-don-berna-oficina-de-envigado.txt: the model's one ORG "Pablo Escobar's"
    kg = extract(
        "After leaving the EPL in the 1980s, Don Berna began working for the Galeano crime family in "
        "Medellin, who at the time were members of Pablo Escobar's Medellin Cartel.\n"
    )
    assert typed(kg, "Pablo Escobar")[0] == "Person"
    assert typed(kg, "Medellin Cartel")[0] == "CriminalOrganization"


def test_a_named_family_of_brothers_is_not_the_brothers_listed_before():
    # dev/sa-insightcrime-don-berna-oficina-de-envigado.txt
    kg = extract(
        "Many began in the EPL, including the Usuga brothers Dario and Juan de Dios Usuga. When a conflict "
        "broke out between the Galeano brothers and Pablo Escobar in 1992, Escobar had them assassinated.\n"
    )
    assert not facts(kg, "rival_of")


def test_infobox_keys_run_into_their_values_and_the_first_line_names_the_page():
    # test/sa-wikipedia-primeiro-comando-da-capital.txt: labels without colons; a label line before the
    # lead passes for the headline
    kg = extract(
        "Primeiro Comando da Capital\n\nPrimeiro Comando da Capital\nYears active1993–present\n"
        "Significant activity: [3] [6]\n"
        "Rivals Comando Vermelho, Família do Norte, Clan Rotela, Militias [14] [15]\n\n"
        "The Primeiro Comando da Capital is a Brazilian organized crime syndicate.\n"
    )
    rivals = {frozenset((s, o)) for s, _, o in facts(kg, "rival_of")}  # a symmetric predicate
    assert frozenset(("Primeiro Comando da Capital", "Comando Vermelho")) in rivals
    assert frozenset(("Primeiro Comando da Capital", "Clan Rotela")) in rivals


def test_names_an_infobox_line_lists_are_of_the_kind_its_key_says():
    # test5/se-wikipedia-big-circle-gang.txt: the model reads these as organizations and places
    kg = extract(
        "Big Circle Gang\n\nAllies: Wo Shing Wo, Menace of Destruction, Asian Boyz, MS-13, Netas\n"
        "Rivals: 14K Triad, Bloods, Crips, Nazi Lowriders, Aryan Nations, Lynwood Vikings\n\n"
        "The Big Circle Gang is a criminal organisation.\n"
    )
    for name in ("Bloods", "Nazi Lowriders", "Aryan Nations", "Lynwood Vikings"):
        assert typed(kg, name)[0] == "CriminalOrganization", name


def test_a_yakuza_groups_suffix_is_its_head_word():
    # test5/se-treasury-2015-yakuza-kodo-kai.txt
    kg = extract("Treasury designated the Kodo-kai, a faction of the Yamaguchi-gumi, on Tuesday.\n")
    assert typed(kg, "Kodo-kai")[0] == "CriminalOrganization"


SUN_YEE_ON = (  # test6/sf-wikipedia-sun-yee-on.txt, its first lines
    "Sun Yee On\n\nFounded: 1919\nFounding location: British Hong Kong\nYears active: 1919–present\n"
    "Criminal activities: racketeering, counterfeiting, extortion, drug trafficking\n"
    "Allies: Wo Hop To, Wo On Lok\nRivals: 14K, Wah Ching, Wo Shing Wo\n\n"
    "Sun Yee On is one of the leading triads in Hong Kong.\n"
)


def test_a_page_whose_infobox_is_a_groups_names_that_group():
    # the model reads "Sun Yee On" as an organization, so its allies could not be a group's allies
    kg = extract(SUN_YEE_ON)
    kind, why = typed(kg, "Sun Yee On")
    assert kind == "CriminalOrganization"
    assert why == ["context: infobox: allies, criminal_activities, founded"]
    assert ("Sun Yee On", "allied_with", "Wo Hop To") in facts(kg)
    assert ("Sun Yee On", "rival_of", "Wah Ching") in facts(kg)


def test_a_page_name_nothing_read_becomes_its_subject():
    # test7/ng-wikipedia-latin-kings.txt: no reader finds "Latin Kings" in its headline
    kg = extract(
        "Latin Kings\n\nFounder: Ramon Santos\nTerritory: 31 U.S. states\n"
        "Allies: American Mafia, Bloods\nRivals: Crips, Folk Nation, Simon City Royals\n\n"
        "The gang was founded by Puerto Ricans in Chicago, Illinois, in 1954.\n"
    )
    assert typed(kg, "Latin Kings")[0] == "CriminalOrganization"
    assert ("Ramon Santos", "member_of", "Latin Kings") in facts(kg)
    for rival in ("Crips", "Folk Nation", "Simon City Royals"):
        first, second = sorted(("Latin Kings", rival))  # a symmetric fact, its names in order
        assert (first, "rival_of", second) in facts(kg), rival
        assert typed(kg, rival)[0] == "CriminalOrganization", rival


def test_one_key_of_a_groups_infobox_is_not_enough():
    # test6/sf-wikipedia-umberto-bellocco.txt: "Born" and "Known for" are no group's keys
    head = "Umberto Bellocco\n"
    box = "Born: 17 December 1937\nKnown for: Capobastone of the Bellocco 'ndrina\nAllies: Pesce 'ndrina\n"
    name = Mention(0, 16, "Umberto Bellocco", "Organization", "ner")
    fields.headline([(head, [name]), (box, [])], None, crime=True)
    assert (name.type, name.extras) == ("Organization", {})
    box += "Founded: 1960s\n"  # two of a group's keys: the page is a group's
    fields.headline([(head, [name]), (box, [])], None, crime=True)
    assert (name.type, name.extras) == ("CriminalOrganization", {"typed": "infobox: allies, founded"})


def test_a_page_name_longer_than_its_reading_is_read_whole():
    # test5/se-wikipedia-catania-mafia-family.txt: the head word reads "Catania Mafia" in the headline;
    # the allies follow a colon inside the line's value
    kg = extract(
        "Catania Mafia family\n\nFounded: 1925\nFounder: Antonino Saitta\n"
        "Allies: The alliances shifted depending on the period, but included: Casalesi clan, Licciardi clan\n"
        "Rivals: Cappello clan, Clan dei Cursoti\n\n"
        "The family dominates organized crime activities in the city of Catania.\n"
    )
    # the name is read whole where the text writes it, "Mafia family" and all
    assert typed(kg, "Catania Mafia family") == ("CriminalOrganization", ["context: Catania Mafia family"])
    assert ("Antonino Saitta", "member_of", "Catania Mafia family") in facts(kg)
    assert ("Casalesi Clan", "allied_with", "Catania Mafia family") in facts(kg)
    assert ("Cappello Clan", "rival_of", "Catania Mafia family") in facts(kg)


def test_names_listed_as_someones_kin_are_people():
    # test5/se-wikipedia-nitto-santapaola.txt: the model reads "Antonino" as a place
    kg = extract("Benedetto Santapaola grew up in Catania with his brothers Salvatore and Antonino.\n")
    assert typed(kg, "Antonino") == ("Person", ["context: brothers Antonino"])
    assert ("Antonino", "sibling_of", "Benedetto Santapaola") in facts(kg)


def test_an_infobox_written_as_a_table_states_its_rows():
    # test4/nd-wikipedia-arturo-guzman-decena.txt: a person's infobox as "| key | value |" rows
    kg = extract(
        "Arturo Guzmán Decena\n\n| Service/branch | Mexican Army |\n"
        "| Successor | Rogelio González Pizaña |\n\n"
        "Arturo Guzmán Decena was a Mexican soldier who founded Los Zetas.\n"
    )
    assert ("Arturo Guzmán Decena", "succeeded_by", "Rogelio González Pizaña") in facts(kg)
    assert ("Arturo Guzmán Decena", "member_of", "Secretariat of National Defense") in facts(kg)


def test_an_infobox_item_of_names_joined_by_and():
    # test8/sh-wikipedia-clerkenwell-crime-syndicate.txt
    kg = extract(
        "Clerkenwell crime syndicate\n\nFounded by: Terry Adams and his brothers Tommy and Patrick\n"
        "Allies: Irish Mob\nTerritory: London\n\nThe syndicate is a criminal gang in London.\n"
    )
    assert typed(kg, "Clerkenwell crime syndicate")[0] == "CriminalOrganization"
    founders = {s for s, p, o in facts(kg, "member_of") if o == "Clerkenwell crime syndicate"}
    assert founders == {"Terry Adams", "Tommy", "Patrick"}


def test_an_army_its_appositive_calls_a_militia_is_an_armed_group():
    # test8/sh-treasury-2025-burma-karen-national-army-saw-chit-thu.txt
    kg = extract("OFAC sanctioned the Karen National Army, a militia group in Burma, on Monday.\n")
    assert typed(kg, "Karen National Army") == (
        "CriminalOrganization",
        ["context: Karen National Army, a militia group"],
    )


def test_a_page_titled_by_a_description_is_about_the_name_its_lead_gives_in_brackets():
    # test/eu-wikipedia-moroccan-mafia.txt: "Moroccan mafia" names no actor; the lead's brackets do
    kg = extract(
        "Moroccan mafia\n\nMoroccan mafia\n- Founded: Late 1980s\n"
        "- Allies: Penose, Camorra, Kinahan Cartel, Clan del Golfo\n\n"
        "The Moroccan mafia (Mocro Maffia) is a collection of criminal organisations that are primarily "
        "made up of people of Moroccan descent.\n"
    )
    (group,) = kg.find("Mocro Maffia")  # one actor, named "Moroccan mafia" since a people's mafia is a group
    allies = {o if s == group.name else s for s, _, o in facts(kg, "allied_with")}
    assert {"Penose", "Camorra", "Kinahan Organized Crime Group", "Clan del Golfo"} <= allies


def test_a_name_with_del_after_no_given_name_is_a_group_in_a_crime_text():
    # test6/nf-insightcrime-2022-venezuela-tren-del-llano.txt: the model reads the gang as a person
    kg = extract(
        "One of Venezuela’s first “mega-gangs,” known as Tren del Llano, have suffered months of targeted "
        "operations by security forces. In November, the group’s leader, Gilberto Malony Hernández, and "
        "members of the gang stole a cocaine shipment.\n"
    )
    assert typed(kg, "Tren del Llano")[0] == "CriminalOrganization"
    assert ("Gilberto Malony Hernández", "leader_of", "Tren del Llano") in facts(kg, "leader_of")


def test_labels_inside_an_infobox_list_end_no_prose():
    # test9/ni-wikipedia-black-guerrilla-family.txt: "Current:" and "Historical:" label parts of the list
    kg = extract(
        "Black Guerrilla Family\n\nBlack Guerrilla Family\n- Founder: George Jackson\n"
        "- Allies: Current:, Black Disciples , Bloods , Crips , Historical:, Black Liberation Army\n\n"
        "The Black Guerrilla Family is a prison gang.\n"
    )
    allies = {o if s == "Black Guerrilla Family" else s for s, _, o in facts(kg, "allied_with")}
    assert allies == {"Black Disciples", "Bloods", "Crips", "Black Liberation Army"}


def test_a_page_name_that_says_its_kind_types_the_group():
    # an encyclopedia's disambiguated page name: "Black Axe (organized crime group)"
    kg = extract(
        "Black Axe (organized crime group)\n\n"
        "Black Axe is a Nigerian confraternity whose members run money laundering and fraud schemes.\n"
    )
    assert [(e.name, e.type) for e in kg.find("Black Axe")] == [("Black Axe", "CriminalOrganization")]


def test_a_name_described_as_a_mafia_type_organization_is_a_group():
    kg = extract(
        "In the 1980s Giuseppe Rogoli set up the Sacra Corona Unita (SCU), a mafia-type organization in "
        "Apulia, to counter the Camorra's drug trafficking.\n"
    )
    assert [e.type for e in kg.find("Sacra Corona Unita")] == ["CriminalOrganization"]


def test_crime_families_listed_before_the_plural_noun_are_groups_and_only_the_last_before_a_singular():
    kg = extract(
        "The Hells Angels worked in criminal ventures with the Buffalo, Cleveland and Gambino crime "
        "families. Police arrested members of the Gambino crime family in 2010.\n"
        "- Allies: Armenian Power, Aryan Brotherhood, Colombo crime family\n"
    )
    assert [e.type for e in kg.find("Cleveland")] == ["CriminalOrganization"]
    assert [e.name for e in kg.find("Gambino")] == ["Gambino Crime Family"]  # one group, both times
    assert not kg.find("Armenian Power Crime Family")


def test_an_alliance_of_clans_in_a_crime_text_is_a_group_and_the_alliance_names_it():
    kg = extract(
        "The Secondigliano Alliance is an alliance of Camorra clans in Naples. The main clans composing "
        "the alliance were the Licciardi clan and the Contini clan. When Gennaro Licciardi died, "
        "Licciardi's sister Maria Licciardi was left in charge of the alliance.\n"
    )
    assert [e.type for e in kg.find("Secondigliano Alliance")] == ["CriminalOrganization"]
    assert ("Maria Licciardi", "leader_of", "Secondigliano Alliance") in facts(kg, "leader_of")
    assert ("Camorra", "allied_with", "Secondigliano Alliance") not in facts(kg, "allied_with")


def test_a_name_after_a_persons_role_is_a_person_whole():
    kg = extract(
        "The Kodo-kai and its chairman, Teruaki Takeuchi were designated by OFAC. Two cousins, Samer Kamal "
        "al-Assad and Wassim Badi al-Assad, were sanctioned for their involvement in the drug trade.\n"
    )
    assert [e.type for e in kg.find("Teruaki Takeuchi")] == ["Person"]
    assert [e.type for e in kg.find("Samer Kamal al-Assad")] == ["Person"]


def test_a_group_noun_known_as_a_name_types_it_and_a_count_names_no_group():
    kg = extract(
        "The Gulf Cartel split into two factions. One faction is known as the Metros and was once headed "
        "by Samuel Flores Borrego.\n"
    )
    assert [e.type for e in kg.find("Metros")] == ["CriminalOrganization"]
    assert not kg.find("One")
    assert facts(kg, "leader_of") == {("Samuel Flores Borrego", "leader_of", "Metros")}


def test_a_name_before_a_clause_about_the_gang_is_not_the_gang():
    kg = extract(
        "The Inagawa-kai was founded by Kakuji Inagawa in 1949. After Kakuji Inagawa, the gang was led by "
        "Susumu Ishii.\n"
    )
    assert [e.type for e in kg.find("Kakuji Inagawa")] == ["Person"]


def test_a_persons_infobox_names_their_parents_and_children():
    # test14/nn-wikipedia-edgar-valdez-villarreal-la-barbie.txt
    kg = extract(
        "Edgar Valdez Villarreal\n\n- Born: August 11, 1973\n- Parents: Abel Valdez Villarreal\n"
        "- Spouse: Priscilla Montemayor\n- Children: Édgar Valdéz Beltrán\n\n"
        "Édgar Valdez Villarreal, commonly referred to by his alias La Barbie, is a Mexican drug lord.\n"
    )
    assert facts(kg, "child_of") == {
        ("Edgar Valdez Villarreal", "child_of", "Abel Valdez Villarreal"),
        ("Édgar Valdéz Beltrán", "child_of", "Edgar Valdez Villarreal"),
    }


def test_an_aside_inside_a_listed_name_is_no_span_of_the_text():
    # a name whose bracketed aside sits inside it ("Ana (née Paz) Ruiz") is no span to read; the rest is
    assert [(f.key, s, e) for _, f, s, e in fields.items("- Children: Ana (née Paz) Ruiz, Beto Paz\n")] == [
        ("Children", 32, 40)
    ]


def test_what_a_person_is_said_to_lead_is_a_group():
    # test16/sp-wikipedia-organised-crime-in-peru.txt and test17/sr-wikipedia-vicente-castano.txt: the
    # model read both groups as people
    kg = extract("Barrio King, led by Gerson Gálvez Calle, controls the port of Callao.\n")
    assert typed(kg, "Barrio King") == ("CriminalOrganization", ["context: Barrio King, led by"])
    assert facts(kg, "leader_of") == {("Gerson Gálvez Calle", "leader_of", "Barrio King")}
    kg = extract("Vicente Castaño is the presumed chief of the criminal organization Águilas Negras.\n")
    assert typed(kg, "Águilas Negras") == ("CriminalOrganization", ["context: organization, Águilas Negras"])


def test_an_infobox_label_run_into_a_group_name_is_no_part_of_it():
    # test10/sj-wikipedia-corleonesi-mafia-clan.txt: labels without colons
    kg = extract(
        "Corleonesi Mafia clan\n\nMembership Sicilian Mafia\nAllies Cuntrera-Caruana Mafia clan\n"
        "Rivals Inzerillo Mafia clan\n\nThe Corleonesi Mafia clan was a faction of the Sicilian Mafia.\n"
    )
    assert ("Corleonesi Mafia Clan", "rival_of", "Inzerillo Mafia Clan") in facts(kg, "rival_of")
    assert ("Corleonesi Mafia Clan", "allied_with", "Cuntrera-Caruana Mafia Clan") in facts(kg, "allied_with")


def test_infobox_names_run_together_are_each_listed():
    # test17/nr-wikipedia-colima-cartel.txt ("Guadalajara Cartel Milenio Cartel Sonora Cartel"), and a
    # citation mark and a Spanish article that end names with no comma between them, as
    # test2/sb-wikipedia-los-lobos.txt prints its infobox when its lines are run together
    kg = extract(
        "Colima Cartel\n\nColima Cartel\n- Founded: 1988\n- Territory: Colima\n"
        "- Allies: Sinaloa Cartel, Guadalajara Cartel Milenio Cartel Sonora Cartel\n"
        "- Rivals: Jalisco New Generation Cartel[4] Los Tiguerones Los Chone Killers\n\n"
        "The Colima Cartel was a drug trafficking organization based in Colima.\n"
    )
    assert {o for _, _, o in facts(kg, "allied_with")} >= {"Guadalajara Cartel", "Milenio Cartel"}
    rivals = {s if o == "Colima Cartel" else o for s, _, o in facts(kg, "rival_of")}
    assert rivals == {"Jalisco New Generation Cartel", "Los Tiguerones", "Los Chone Killers"}


def test_a_label_inside_an_infobox_value_starts_its_own_list():
    # test19/et-wikipedia-scissionisti-di-secondigliano.txt: former allies listed in the rivals' line
    kg = extract(
        "Scissionisti di Secondigliano\n\nScissionisti di Secondigliano\n- Founded: 2004\n"
        "- Territory: Secondigliano\n- Rivals: Di Lauro clan , Vanella Grassi (girati), Former allies: , "
        "Abbinante clan , Pariante clan\n\nThe Scissionisti di Secondigliano is a Camorra clan.\n"
    )
    allies = {s if o == "Scissionisti di Secondigliano" else o for s, _, o in facts(kg, "allied_with")}
    rivals = {s if o == "Scissionisti di Secondigliano" else o for s, _, o in facts(kg, "rival_of")}
    assert allies == {"Abbinante Clan", "Pariante Clan"}
    assert "Abbinante Clan" not in rivals and "Di Lauro Clan" in rivals


def test_a_name_given_a_role_only_people_hold_is_a_person():
    # test21/ux-wikipedia-undated-kazuo-taoka-yamaguchi-gumi.txt: the model reads the founder's name,
    # which the gang carries, as a body
    kg = extract("Taoka joined the gang of Noboru Yamaguchi, the Yamaguchi-gumi's boss, in 1930.\n")
    kind, why = typed(kg, "Noboru Yamaguchi")
    assert kind == "Person" and why == ["context: boss Noboru Yamaguchi"]
    assert ("Noboru Yamaguchi", "leader_of", "Yamaguchi-gumi") in facts(kg, "leader_of")


def test_the_mark_of_one_who_died_is_no_part_of_a_listed_name():
    # test21/sx-wikipedia-undated-paraguayan-peoples-army.txt
    kg = extract(
        "Paraguayan People's Army\n\n- Active: 1 March 2008 – present\n"
        "- Leaders: Osvaldo Villalba †, Manuel Cristaldo Mieres, Osmar Martínez †\n"
        "- Allies: FARC, ELN\n\n"
        "The Paraguayan People's Army (Ejército del Pueblo Paraguayo, EPP) is a Marxist–Leninist guerrilla "
        "group that officially operates in Paraguay since March 1, 2008.\n"
    )
    assert {s for s, _, _ in facts(kg, "leader_of")} == {
        "Osvaldo Villalba",
        "Manuel Cristaldo Mieres",
        "Osmar Martínez",
    }


def test_an_infobox_value_that_says_there_is_no_one_lists_no_one():
    # test21/wx-wikipedia-undated-maniac-latin-disciples.txt
    kg = extract(
        "Maniac Latin Disciples\n\n- Founded: 1966\n- Allies: No Allies\n"
        "- Rivals: Latin Kings, Spanish Cobras\n\n"
        "The Maniac Latin Disciples are a street gang based in Chicago.\n"
    )
    assert facts(kg, "allied_with") == set()
    assert ("Latin Kings", "rival_of", "Maniac Latin Disciples") in facts(kg, "rival_of")  # the list read on


def test_a_family_named_in_the_plural_is_its_group():
    # test24/cw-insightcrime-2017-nicaragua-renazcos-profile.txt, test22's Valle Valle clan and Lorenzanas:
    # the model reads "the Reñazcos" as no one and "the Valles" as a person
    kg = extract(
        "The Reñazcos move drugs through Nicaragua. Other members of the family include Marcos Reñazco "
        "Padilla and José Ángel Padilla.\n\nThe Valle Valle clan moved cocaine to Guatemala. The Valles were "
        "arrested in October.\n"
    )
    t = types(kg)
    assert t.get("Reñazcos") == "CriminalOrganization" and t.get("Valles") == "CriminalOrganization", t
    # a plural whose singular names no one here stays as the model reads it
    assert types(extract("The Americans were arrested in Bogotá with cocaine.\n")).get("Americans") != (
        "CriminalOrganization"
    )


def test_names_listed_after_a_counted_group_noun_and_a_colon_are_groups():
    # test19/nt-insightcrime-nemesio-oseguera-el-mencho-profile.txt: quoted names no person bears
    kg = extract(
        "By 2010 the Milenio Cartel had split into two factions: “Los Torcidos” and “La Resistencia.” "
        "These two divisions engaged in a battle.\n"
    )
    t = types(kg)
    assert t.get("Los Torcidos") == t.get("La Resistencia") == "CriminalOrganization", t


def test_a_group_known_as_a_name_is_a_criminal_group():
    # test26/n6-insightcrime-undated-familia-michoacana-profile.txt: the model read the name as a place
    kg = extract(
        "A group known as El Milenio, an ally of the Tijuana Cartel, controlled the Michoacan area at the "
        "end of the 1990s.\n"
    )
    assert types(kg)["El Milenio"] == "CriminalOrganization"
    assert facts(kg, "allied_with") == {("El Milenio", "allied_with", "Tijuana Cartel")}
