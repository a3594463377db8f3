"""One actor per person, body and state within a document: names that real text shares, shortens,
lists or gives twice. Each sentence is from an article of tests/fixtures/real/ (named beside it)."""

import pytest
from extract_helpers import extract, facts, subjects, types


def names(kg, surface):
    return sorted(e.name for e in kg.find(surface))


def test_given_names_listed_before_a_full_name_share_its_surnames():
    # test2/nb-wikipedia-cartel-del-noreste.txt
    kg = extract(
        "That was where Miguel Ángel, Juan Francisco and Omar Treviño Morales began their criminal careers.\n"
    )
    people = {n for n, t in types(kg).items() if t == "Person"}
    assert people == {
        "Miguel Ángel Treviño Morales",
        "Juan Francisco Treviño Morales",
        "Omar Treviño Morales",
    }


def test_a_listed_alias_does_not_break_the_shared_surnames():
    # test3/sc-insightcrime-2014-rastrojos-arrests-chorizo.txt
    kg = extract(
        'The Rastrojos lost their leadership -- Diego Perez Henao, alias "Diego Rastrojo," and the Comba '
        'brothers Javier, alias "Comba," Luis Enrique and Juan Carlos Calle Serna.\n'
    )
    assert names(kg, "Comba") == ["Javier Calle Serna"]
    assert names(kg, "Luis Enrique Calle Serna") == ["Luis Enrique Calle Serna"]


def test_a_surname_before_the_given_names_is_not_taken_from_a_compound_given_name():
    # dev/sa-insightcrime-don-berna-oficina-de-envigado.txt: "Juan de Dios" is one given name
    kg = extract(
        "Many figures of the underworld began there, including the Usuga brothers Dario and Juan de Dios, "
        "of the Urabeños.\n"
    )
    assert "Dario de Dios" not in types(kg)


def test_an_alias_without_quotes_names_the_person_before_it():
    # test2/sb-state-2021-farc-revocation-segunda-marquetalia.txt
    kg = extract(
        "The Department of State designated Segunda Marquetalia and its leaders Luciano Marin Arango, a.k.a. "
        "Ivan Marquez, and now-deceased leaders Hernan Dario Velasquez Saldarriaga, a.k.a. El Paisa, and "
        "Henry Castellanos Garzon, a.k.a. Romana, as Specially Designated Global Terrorists.\n"
    )
    assert names(kg, "Ivan Marquez") == ["Luciano Marin Arango"]
    assert names(kg, "El Paisa") == ["Hernan Dario Velasquez Saldarriaga"]
    assert names(kg, "Romana") == ["Henry Castellanos Garzon"]


def test_a_given_name_and_one_surname_in_brackets_is_the_full_name():
    # dev/mx-treasury-2022-la-nueva-familia-michoacana.txt
    kg = extract(
        "OFAC designated La Nueva Familia Michoacana and its co-leaders, Johnny Hurtado Olascoaga (Johnny "
        "Hurtado) and Jose Alfredo Hurtado Olascoaga (Jose Hurtado), pursuant to Executive Order 14059.\n"
    )
    people = {n for n, t in types(kg).items() if t == "Person"}
    assert people == {"Johnny Hurtado Olascoaga", "Jose Alfredo Hurtado Olascoaga"}


def test_departments_named_after_one_plural_are_each_their_body():
    # test2/nb-doj-2018-cjng-coordinated-actions.txt, the line break as the release has it
    kg = extract(
        "The United States of America, through its Departments of\nJustice, Treasury, and State announced "
        "today a series of measures to target and dismantle the Cartel Jalisco Nueva Generacion (CJNG).\n"
    )
    bodies = {n for n, t in types(kg).items() if t == "GovernmentOrganization"}
    assert bodies == {
        "U.S. Department of Justice",
        "U.S. Department of the Treasury",
        "U.S. Department of State",
    }


def test_plural_departments_before_their_names():
    # test2/nb-doj-2018-cjng-coordinated-actions.txt, its headline
    kg = extract(
        "Justice, Treasury, and State Departments Announce Measures to Target and Dismantle Cartel Jalisco "
        "Nueva Generacion (CJNG)\n\nThe measures were announced today.\n"
    )
    assert "U.S. Department of Justice" in types(kg)
    assert "Justice" not in types(kg) and "State" not in types(kg)


def test_a_country_in_a_hyphenated_border_and_a_government_are_the_one_state():
    # test4/nd-insightcrime-2023-ms13-crook-capture.txt; test2/sb-dni-nctc-2022-segunda-marquetalia
    kg = extract(
        "A US official said that Mexican authorities had captured Élmer Canales Rivera, alias “Crook,” in "
        "Tapachula, a city along the Mexico-Guatemala border that is a crucial passage point. "
        "The group focuses most of its attacks on Colombian Government and military targets.\n"
    )
    assert [(e.name, e.type) for e in kg.find("Mexico")] == [("Mexico", "State")]
    assert [(e.name, e.type) for e in kg.find("Colombian Government")] == [("Colombia", "State")]


def test_an_acronym_after_a_country_that_ends_a_longer_name_is_not_the_countrys():
    # dev/sa-wikipedia-clan-del-golfo.txt
    kg = extract(
        "The group was formed by former members of the United Self-Defense Forces of Colombia (AUC), a "
        "paramilitary group that demobilized in 2006.\n"
    )
    assert all("AUC" not in e.aliases for e in kg.find("Colombia"))


def test_a_bullet_is_no_part_of_a_name():
    # dev/po-state-2025-fto-international-cartels.txt
    kg = extract(
        "Today, the Department of State announces the designation of Tren de Aragua (TdA) as a Foreign "
        "Terrorist Organization.\n\n• TdA is a transnational organization that originated in Venezuela.\n"
    )
    written = [n for e in kg.entities.values() for n in (e.name, *e.aliases)]
    assert "TdA" in written and not any("•" in n for n in written)


def test_people_listed_after_an_alias_share_the_fact_and_it_continues_the_subject():
    # dev/mx-wikipedia-la-nueva-familia-michoacana.txt: the parser hangs "alias" and "his brother" on the
    # verb; "It" opens the sentence after one whose subject is the group
    kg = extract(
        "La Nueva Familia Michoacana (LNFM; The New Michoacan Family) or La Nueva Familia (The New Family), "
        "is a Mexican criminal organization and U.S.-designated Foreign Terrorist Organization that "
        "specializes in illegal drug trafficking, illegal mining, and extortion. It is currently headed by "
        'Johnny Hurtado Olascoaga, alias "El Pez", and his brother, Jose Alfredo Hurtado Olascoaga, alias '
        '"El Fresa".\n'
    )
    assert facts(kg, "leader_of") == {
        ("Johnny Hurtado Olascoaga", "leader_of", "La Nueva Familia Michoacana"),
        ("Jose Alfredo Hurtado Olascoaga", "leader_of", "La Nueva Familia Michoacana"),
    }


def test_a_name_after_and_that_starts_its_own_clause_is_not_listed():
    kg = extract("The leader of the Gulf Cartel was Ana Ruiz Peña, and Beto Paz Soto joined it later.\n")
    assert facts(kg, "leader_of") == {("Ana Ruiz Peña", "leader_of", "Gulf Cartel")}


def test_a_district_names_the_us_attorneys_office_and_an_appositive_role_is_its_heads_alone():
    # dev/ca-doj-2019-guatemala-estrada-presidential-candidate.txt
    kg = extract(
        "Geoffrey S. Berman, the United States Attorney for the Southern District of New York, and Adolphus "
        "P. Wright, Special Agent in Charge of the Miami Division of the U.S. Drug Enforcement "
        "Administration (“DEA”), announced today that the two men have been charged.\n"
    )
    (office,) = kg.find("United States Attorney for the Southern District of New York")
    assert (office.name, office.type) == (
        "U.S. Attorney's Office for the Southern District of New York",
        "GovernmentOrganization",
    )
    members = subjects(kg, "member_of", office.name)
    assert members == {"Geoffrey S. Berman"}


def test_a_nickname_in_brackets_without_quotes_is_the_persons():
    # test5/ne-treasury-2010-la-familia-michoacana-leaders.txt
    kg = extract(
        "Today's designation targets two principal leaders of La Familia, Nazario Moreno Gonzalez (El Chayo) "
        "and Jose de Jesus Mendez Vargas (El Chango), and five of their lieutenants.\n"
    )
    assert names(kg, "El Chayo") == ["Nazario Moreno Gonzalez"]
    assert names(kg, "El Chango") == ["Jose de Jesus Mendez Vargas"]


def test_people_the_parser_makes_conjuncts_of_the_group_hold_the_plural_role():
    # test5/ne-treasury-2010-la-familia-michoacana-leaders.txt
    kg = extract(
        "Today's designation targets two principal leaders of La Familia, Nazario Moreno Gonzalez (El Chayo) "
        "and Jose de Jesus Mendez Vargas (El Chango), and five of their lieutenants.\n"
    )
    assert facts(kg, "leader_of") == {
        ("Nazario Moreno Gonzalez", "leader_of", "La Familia"),
        ("Jose de Jesus Mendez Vargas", "leader_of", "La Familia"),
    }


def test_a_nationality_before_authorities_is_the_state():
    # test5/ne-insightcrime-2019-los-pachenca-leader-killed.txt
    kg = extract(
        "On May 19, Colombian authorities captured John Rafael Salazar, alias “Flash,” the second in command "
        "within Los Pachenca.\n"
    )
    assert facts(kg, "detained_by") == {("John Rafael Salazar", "detained_by", "Colombia")}


def test_an_arabic_particle_stays_in_the_name():
    # test6/sf-voa-2023-captagon-assad-sanctions.txt
    kg = extract("Maher al-Assad, the brother of Bashar al-Assad, was sanctioned by the United States.\n")
    assert facts(kg, "sibling_of") == {("Bashar al-Assad", "sibling_of", "Maher al-Assad")}


def test_a_listed_name_ends_with_its_line_and_keeps_its_group_word():
    # test6/sf-wikipedia-united-wa-state-army.txt and sf-wikipedia-bellocco-ndrina.txt, infoboxes as text
    kg = extract(
        "United Wa State Army\n\nLeaders: Bao Youxiang, Zhao Zhongdang, Bao Aichan\n"
        "Dates of operation: 1989\n"
        "Allies: Piromalli 'ndrina , Mancuso 'ndrina\n\nThe United Wa State Army is an armed group.\n"
    )
    leaders = {s for s, _, _ in facts(kg, "leader_of")}
    assert "Bao Aichan" in leaders and not any("Dates" in s for s in leaders)
    assert types(kg).get("Piromalli 'ndrina") == "CriminalOrganization"


def test_officials_listed_with_semicolons_each_hold_their_own_title():
    # test7/ng-dea-2012-bronx-trinitarios-superseding-indictment.txt
    kg = extract(
        "Brian R. Crowell, the Special Agent in Charge of the New York Division of the Drug Enforcement "
        "Administration (DEA); Preet Bharara, the United States Attorney for the Southern District of New "
        "York; Raymond W. Kelly, the Commissioner of the Police Department for the City of New York (NYPD); "
        "announced the charges.\n"
    )
    office = "U.S. Attorney's Office for the Southern District of New York"
    assert subjects(kg, "member_of", office) == {"Preet Bharara"}


def test_a_count_in_digits_binds_no_list_of_another_size():
    # test7/ng-wikipedia-trinitarios.txt
    kg = extract(
        "The gang was founded by Leonides Sierra and Julio Marine in 1989. In 2011, 50 members and "
        "associates of the Bronx Trinitarios Gang (BTG) were charged with federal racketeering offenses.\n"
    )
    assert not {f for f in facts(kg, "member_of") if f[2] == "Bronx Trinitarios Gang"}


def test_a_body_every_state_has_is_named_with_its_owner():
    # test7/ng-insightcrime-2022-panama-cholo-chorrillo-arrest.txt and the Gjika profile: two countries'
    # "National Police" are two nodes
    kg = extract(
        "He was arrested in Grecia, Panama’s National Police posted. Ecuador’s National Police did not.\n"
    )
    bodies = {n for n, t in types(kg).items() if t == "GovernmentOrganization"}
    assert bodies == {"National Police of Panama", "National Police of Ecuador"}


def test_a_bureau_whose_name_holds_and_is_read_whole():
    # the issue's example: "Bureau of International Narcotics" for the Bureau of International Narcotics
    # and Law Enforcement Affairs (dev/ca-state-2022-guatemala-huistas-molina-reward.txt)
    kg = extract("The Bureau of International Narcotics and Law Enforcement Affairs manages the NRP.\n")
    assert ("Bureau of International Narcotics and Law Enforcement Affairs", "party_to",
            "Narcotics Rewards Program") in facts(kg)  # fmt: skip


def test_a_bodys_program_is_named_by_the_body():
    kg = extract("The OCDETF program identifies and dismantles the highest-level criminal organizations.\n")
    assert [e.type for e in kg.find("OCDETF")] == ["GovernmentOrganization"]


def test_a_headlines_capitalised_verb_is_no_person():
    # test5/ne-insightcrime-2019-los-pachenca-leader-killed.txt: the model reads "Killed" as a person
    headline = "Los Pachenca Leader Killed, Casting Doubt on Colombia Group’s Future"
    kg = extract(f"{headline}\n\nThe group is split.\n")
    assert not [e for e in kg.entities.values() if e.name == "Killed"]


def test_a_designation_is_no_actor():
    # test8/nh-state-2025-el-ruso-los-rusos-reward.txt
    kg = extract(
        "La Mayiza is a powerful faction of the Sinaloa Cartel, a designated Foreign Terrorist Organization "
        "co-founded and led by Ismael Zambada Garcia.\n"
    )
    assert not [e for e in kg.entities.values() if "Terrorist" in e.name]
    assert ("La Mayiza", "faction_of", "Sinaloa Cartel") in facts(kg)


def test_cartels_sharing_one_head_noun_are_each_their_cartel():
    # test8/nh-wikipedia-guadalajara-cartel.txt: "the Tijuana, Juárez and Sinaloa cartels"
    kg = extract("Groups such as the Tijuana, Juárez and Sinaloa cartels started out as branches in 1990.\n")
    groups = {e.name for e in kg.entities.values() if e.type == "CriminalOrganization"}
    assert groups == {"Tijuana Cartel", "Juárez Cartel", "Sinaloa Cartel"}
    assert not [e for e in kg.entities.values() if e.type == "Place"]


def test_a_bodys_name_in_its_own_language_in_brackets_is_no_person():
    # the model reads the Spanish name as a person's; it is the youth organisation's own name
    kg = extract(
        "Márquez was part of the Colombian Communist Party Youth Organization (Juventud Comunista "
        "Colombiana – JUCO), joining in 1977.\n"
    )
    people = {e.name for e in kg.entities.values() if e.type == "Person"}
    assert "Juventud Comunista Colombiana" not in people
    youth = next(e for e in kg.entities.values() if e.name == "Colombian Communist Party Youth Organization")
    assert "Juventud Comunista Colombiana" in youth.aliases


def test_an_offices_words_before_a_name_are_no_part_of_it():
    # the model reads "Garcia Luna"; the words of his office before it are not his given names
    kg = extract(
        "These actions are the result of our partnership with Mexican Attorney General Medina Mora, "
        "Secretary of Public Security Garcia Luna and others. The Treasury designated Horacio Cartes, the "
        "former President of Paraguay, and Hugo Adalberto Velazquez Moreno.\n"
    )
    people = {e.name for e in kg.entities.values() if e.type == "Person"}
    assert {"Garcia Luna", "Hugo Adalberto Velazquez Moreno"} <= people
    assert not any(name.startswith("Public Security") for name in people)


def test_a_persons_name_before_of_the_x_cartel_is_no_part_of_the_groups_name():
    # test9/ni-wikipedia-milenio-cartel.txt
    kg = extract(
        "By the mid 1990s they had close connections with Colombian traffickers like Fabio Ochoa Vásquez "
        "of the Medellin cartel.\n"
    )
    assert {(e.name, e.type) for e in kg.entities.values()} >= {
        ("Fabio Ochoa Vásquez", "Person"),
        ("Medellin Cartel", "CriminalOrganization"),
    }
    assert ("Fabio Ochoa Vásquez", "member_of", "Medellin Cartel") in facts(kg, "member_of")


def test_a_drug_trafficking_organization_is_named_whole_without_its_base():
    # test/ (a DOJ release on the Lorenzana organisation)
    kg = extract(
        "Steven Lorenzana Alvarenga and Allan Mendoza were key members of the Guatemala-based Lorenzana "
        "drug trafficking organization.\n"
    )
    groups = {e.name for e in kg.entities.values() if e.type == "CriminalOrganization"}
    assert groups == {"Lorenzana Drug Trafficking Organization"}


def test_a_new_groups_name_around_a_known_one_and_its_initials():
    # test10/sj-wikipedia-nuova-camorra-organizzata.txt: "Camorra" is known; the whole name is another group,
    # and the initials no sentence ties to it are its own
    kg = extract(
        "Nuova Camorra Organizzata\n\nThe Nuova Camorra Organizzata was a Camorra criminal organization "
        "founded by Raffaele Cutolo in Campania. It was also known by the initials NCO. Its allies included "
        "the Nuova Grande Camorra Pugliese.\n"
    )
    groups = {e.name: sorted(e.aliases) for e in kg.entities.values() if e.type == "CriminalOrganization"}
    assert groups["Nuova Camorra Organizzata"] == ["NCO"]
    assert "Nuova Grande Camorra Pugliese" in groups


def test_a_name_ends_with_a_short_line_but_not_with_a_wrapped_one():
    kg = extract("Lo Hsing Han\nNative name Law Sit Han\n\nLo Hsing Han was a Burmese drug trafficker.\n")
    assert not [e for e in kg.entities.values() if "Native" in e.name]
    kg = extract(
        "The charges were announced by Acting Assistant Attorney General Kenneth A. Blanco, "
        "Attorney General Douglas\nMeléndez of El Salvador, and Attorney General Thelma Aldana of "
        "Guatemala, at the Justice Department.\n"
    )
    assert kg.find("Douglas Meléndez")


def test_a_body_named_after_a_place_is_the_body_not_the_place():
    # test8/nh-wikipedia-texas-syndicate.txt: the model reads "The Texas Syndicate" as one body, and
    # "Texas" alone must not win over it; the gloss in brackets is no part of the name
    kg = extract(
        "The Texas Syndicate (Sindicato Tejano) is a mostly Texas-based street and prison gang.\n"
        "The Texas Syndicate was established at Folsom State Prison in California in 1978.\n"
    )
    assert types(kg)["Texas Syndicate"] == "CriminalOrganization"
    assert not any(name.startswith("Texas Syndicate (") for name in types(kg))


def test_a_group_named_after_a_place_wins_when_the_model_does_not_name_it():
    # test17/nr-wikipedia-colima-cartel.txt: the model names no body here; the capitalised run "Colima
    # Cartel" must still win over "Colima", the place the gazetteer knows
    kg = extract(
        "The Colima Cartel (Cártel de Colima) was a Mexican drug trafficking and methamphetamine producing "
        "cartel operating in Guadalajara, Jalisco.\n"
    )
    assert types(kg)["Colima Cartel"] == "CriminalOrganization"


def test_a_title_after_a_place_names_no_body():
    # dev/ca-doj-2019-guatemala-estrada-president-chapo-extradition.txt: "United States Magistrate" is a
    # title before a judge's name, so the state stays the state
    kg = extract(
        "ESTRADA and GONZALEZ were arrested earlier today in Miami, Florida, and will appear tomorrow before "
        "United States Magistrate Judge Jonathan Goodman in Miami.\n"
    )
    assert "United States Magistrate" not in types(kg)


def test_a_given_name_the_list_lacks_before_one_it_holds_stays_in_the_name():
    # test11/sk-treasury-2025-sweden-foxtrot-network-rawa-majid.txt: "Naji" is his given name, not a
    # title before "Ibrahim"; test11/nk-insightcrime-2016-honduras-wilter-blanco-atlantic-cartel-
    # captured.txt: a country before a given name is the title's ("Ambassador to Honduras")
    kg = extract(
        "Iranian government officials have sought to assassinate dissidents, as evidenced by the operations "
        "of Iranian narcotics trafficker Naji Ibrahim Sharifi-Zindashti, who was sanctioned by OFAC on "
        "January 29, 2024.\n"
        "US Ambassador to Honduras James Nealon stated that Costa Rican, Honduran and US authorities "
        "cooperated in the operation.\n"
    )
    people = {n for n, t in types(kg).items() if t == "Person"}
    assert people == {"Naji Ibrahim Sharifi-Zindashti", "James Nealon"}


def test_a_person_page_names_its_subject_in_full():
    # test6/sf-wikipedia-umberto-bellocco.txt: the model finds no name in "Umberto Bellocco (Italian
    # pronunciation: …)"; a common given name tells a person from the 'ndrina named after his family
    kg = extract(
        "Umberto Bellocco (Italian pronunciation: [umˈbɛrto belˈlɔkko]; born December 17, 1937 in Rosarno) "
        "is an Italian criminal and a member of the 'Ndrangheta, a mafia-type organisation in Calabria.\n"
    )
    assert types(kg)["Umberto Bellocco"] == "Person"
    assert ("Umberto Bellocco", "member_of", "'Ndrangheta") in facts(kg, "member_of")


def test_each_line_of_an_infobox_is_a_sentence_of_its_own():
    # test10/nj-wikipedia-juan-matta-ballesteros.txt: the spouse's line and the children's are two
    # statements, so the children are not the spouse's by the parse of "Nancy de Matta - Children"
    kg = extract(
        "Juan Matta-Ballesteros\n\n"
        "Juan Ramón Matta-Ballesteros\n"
        "- Death Place: MCFP Springfield, Springfield, Missouri, U.S.\n"
        "- Alias: El Señor\n"
        "- Charge: Drug trafficking, murder, kidnapping\n"
        "- Occupation: Drug lord, Medellín Cartel\n"
        "- Spouse: Nancy de Matta\n"
        "- Children: Claudia Matta, Juan Ramón Matta, and Maria Matta\n"
    )
    assert not any(o == "Nancy de Matta" for _, _, o in facts(kg, "child_of"))


def test_a_name_the_model_reads_as_a_place_is_a_person_when_a_given_name_starts_it():
    # test2/sb-wikipedia-montenegrin-mafia.txt: the model tags "Darko Šarić" as a place after "the
    # leadership of"; a common given name says it is a person, so the clan has its leader
    kg = extract("Kotor clan came to prominence during 2000s, under the leadership of Darko Šarić.\n")
    assert types(kg)["Darko Šarić"] == "Person"
    assert ("Darko Šarić", "leader_of", "Kotor Clan") in facts(kg, "leader_of")


def test_names_printed_in_capitals_are_people():
    # test12/sl-dea-2009-west-africa-al-qaeda-aqim-farc-narco-terrorism.txt: releases print defendants'
    # names in capitals, which the model reads as a body or not at all; known acronyms and places in
    # capitals stay what they are
    kg = extract(
        "OUMAR ISSA, HAROUNA TOURÉ, and IDRISS ABELRAHMAN arrived in the Southern District of New York "
        "early this morning to face charges of conspiracy.\n"
        "Agents of ICE HSI in NEW YORK worked on the case with the EL PACCTO 2.0 programme.\n"
    )
    people = {n for n, t in types(kg).items() if t == "Person"}
    assert people == {"OUMAR ISSA", "HAROUNA TOURÉ", "IDRISS ABELRAHMAN"}


def test_a_state_and_its_force_in_lowercase_are_one_body():
    # test13/nm-insightcrime-2022-cdn-el-huevo-trevino-chavez-arrest.txt: "the Mexican army" is a body of
    # the state, not the state; so is "Venezuela's military"
    kg = extract(
        "The arrest came after the Mexican army arrested Juan Gerardo Treviño Chávez, alias “El Huevo.”\n"
        "Venezuela's military has long been accused of protecting traffickers.\n"
    )
    assert types(kg)["Mexican army"] == "GovernmentOrganization"
    assert types(kg)["Venezuela's military"] == "GovernmentOrganization"
    assert ("Juan Gerardo Treviño Chávez", "detained_by", "Mexican army") in facts(kg, "detained_by")


def test_a_person_before_the_gangs_role_stays_a_person():
    # test2/sb-wikipedia-los-lobos.txt: ", the gang's leader" describes the man, not a gang he would be
    kg = extract(
        "Los Choneros is Ecuador's oldest gang. After the assassination of Jorge Luis Zambrano, the gang's "
        "leader, in 2020, a vacuum was left in the organization's leadership.\n"
    )
    assert types(kg)["Jorge Luis Zambrano"] == "Person"
    assert ("Jorge Luis Zambrano", "leader_of", "Los Choneros") in facts(kg, "leader_of")


def test_a_heading_line_is_no_part_of_the_name_after_it():
    # test16/nq-wikipedia-servando-gomez-martinez.txt: "Biography" is the section's heading
    kg = extract(
        "Servando Gómez Martínez is a Mexican drug lord.\n"
        "Biography\n"
        "Gómez Martínez served as the operational chief and spokesperson for La Familia.\n"
    )
    assert not any("Biography" in name for name in types(kg))


def test_a_middle_initial_ends_no_name_before_the_body_after_it():
    # test14/nn-doj-2011-lcn-families-four-districts-charged.txt: "Breuer of the Criminal Division" was
    # a body
    kg = extract("Assistant Attorney General Lanny A. Breuer of the Criminal Division announced charges.\n")
    assert types(kg) == {"Lanny A. Breuer": "Person", "Criminal Division": "GovernmentOrganization"}


def test_a_peoples_mafia_is_a_group_unless_a_role_in_it_follows():
    # test/mx-wikipedia-tijuana-cartel.txt ("the Russian mafia"),
    # dev/eu-insightcrime-2022-super-cartel-gacanin.txt ("Italian mafia boss"); the Sicilian Mafia is
    # Cosa Nostra (FBI, Italian Organized Crime)
    kg = extract("The Tijuana Cartel allied with the Russian mafia and the Sicilian Mafia in the 1990s.\n")
    assert types(kg)["Russian mafia"] == "CriminalOrganization"
    assert names(kg, "Sicilian Mafia") == ["Cosa Nostra"]
    kg = extract("Daniel Kinahan met an Albanian mafia boss and an Italian mafia figure in Dubai.\n")
    assert not [n for n in types(kg) if "mafia" in n]


def test_a_place_that_the_noun_cartel_follows_names_the_group():
    # test21/cx-wikipedia-undated-cliver-alcala-cordones.txt; La Guajira is also a department of Colombia
    kg = extract("Alcalá had links with Hermágoras González, leader of the La Guajira cartel.\n")
    assert facts(kg, "leader_of") == {("Hermágoras González", "leader_of", "La Guajira Cartel")}
    assert types(kg)["La Guajira Cartel"] == "CriminalOrganization"
    # "the Sinaloa cartel" in lower case is the Sinaloa Cartel of the gazetteer
    kg = extract("Ana Ruiz, a leader of the Sinaloa cartel, was arrested.\n")
    assert facts(kg, "leader_of") == {("Ana Ruiz", "leader_of", "Sinaloa Cartel")}


def test_a_group_that_the_noun_clan_follows_only_describes_a_clan_of_it():
    # test19/et-wikipedia-lo-russo-clan.txt: a Camorra clan is a clan of the Camorra, not one named so
    kg = extract("The Lo Russo clan is a Neapolitan Camorra clan operating in Naples.\n")
    assert facts(kg, "faction_of") == {("Lo Russo Clan", "faction_of", "Camorra")}


def test_an_ordinal_is_part_of_the_name_it_opens():
    # test21/sx-insightcrime-undated-gentil-duarte-profile.txt; a unit named by its number
    kg = extract("Gentil Duarte currently leads the 7th Front of the ex-FARC Mafia.\n")
    assert ("Gentil Duarte", "leader_of", "7th Front") in facts(kg, "leader_of")
    kg = extract("He served three tours of duty in Vietnam with the 101st Airborne Division.\n")
    assert "101st Airborne Division" in types(kg)


def test_an_encyclopedia_title_qualified_in_brackets_names_the_page_subject():
    # test23/uz-wikipedia-undated-black-power-new-zealand-gang.txt: "(New Zealand)" tells it from namesakes
    kg = extract(
        "Black Power (New Zealand)\n\n- Founded: 1970\n- Territory: Nation-wide\n"
        "- Allies: Crips, King Cobras\n- Rivals: Mongrel Mob, Stromtroopers\n\n"
        "Black Power is a prominent gang in New Zealand.\n"
    )
    assert facts(kg, "allied_with") == {
        ("Black Power", "allied_with", "Crips"),
        ("Black Power", "allied_with", "King Cobras"),
    }
    assert subjects(kg, "rival_of", "Stromtroopers") == {"Black Power"}


def test_a_place_that_starts_a_listed_name_is_part_of_the_name():
    # test22/ny-wikipedia-undated-los-zetas.txt: the Texas Syndicate is a prison gang, not Texas
    kg = extract(
        "Los Zetas\n\n- Founded: 1999\n- Territory: Mexico\n"
        "- Allies: Juárez Cartel, Texas Syndicate, The Office of Envigado\n"
        "- Rivals: MEX Mexico, Sinaloa Cartel\n\nLos Zetas is a Mexican criminal syndicate.\n"
    )
    allies = {o for s, _, o in facts(kg, "allied_with")} | {s for s, _, o in facts(kg, "allied_with")}
    assert {"Texas Syndicate", "Oficina de Envigado", "Juárez Cartel"} <= allies
    assert "Texas" not in types(kg)
    # a flag's country code before a state's name makes no group of it
    assert {o for _, _, o in facts(kg, "rival_of")} | {s for s, _, _ in facts(kg, "rival_of")} == {
        "Los Zetas",
        "Sinaloa Cartel",
    }


def test_clans_named_before_one_plural_noun_are_each_a_group():
    # test22/ey-wikipedia-undated-morabito-ndrina.txt and uy-wikipedia-undated-carlton-crew-melbourne.txt
    kg = extract(
        "In Milan, the Morabito 'ndrina main allies are the Bruzzaniti and Palamara 'ndrine. "
        "The Carlton Crew was allied with the Moran and Pettingill families.\n"
    )
    t = types(kg)
    for name in ("Morabito 'ndrina", "Bruzzaniti", "Palamara", "Moran", "Pettingill"):
        assert t.get(name) == "CriminalOrganization", (name, t)
    bruzzaniti = next(e for e in kg.entities.values() if e.name == "Bruzzaniti")
    assert "Bruzzaniti 'ndrina" in bruzzaniti.aliases
    # "the Arellano families" alone may be kin, not a group
    kin = types(extract("The Arellano families fled the town after the raid.\n"))
    assert kin.get("Arellano") != "CriminalOrganization"


def test_a_group_named_by_a_number_and_capitals_is_read():
    # test24/uw-wikipedia-undated-14k-triad.txt: "14K (triad)" is the page's subject; "The 14K" in its text
    kg = extract(
        "14K (triad)\n\n- Founded: 1945\n- Territory: Hong Kong\n- Criminal activities: Drug trafficking\n"
        "- Allies: Ping On, Wah Ching\n"
        "- Rivals: Sun Yee On, Wo Shing Wo\n\nThe 14K is a triad group based in Hong Kong.\n"
    )
    assert types(kg).get("14K") == "CriminalOrganization"
    assert facts(kg, "allied_with") == {
        ("14K", "allied_with", "Ping On"),
        ("14K", "allied_with", "Wah Ching"),
    }
    assert "K" not in types(kg)


def test_an_infobox_list_of_notable_members_gives_their_membership():
    # test12/nl-wikipedia-aryan-brotherhood.txt and test24's Rockers page: "- Notable Members: A, B"
    kg = extract(
        "Aryan Brotherhood\n\n- Founded: 1964\n- Territory: United States\n"
        "- Criminal activities: Drug trafficking, murder\n"
        "- Notable Members: Barry Mills, Tyler Bingham\n\nThe Aryan Brotherhood is a prison gang.\n"
    )
    assert subjects(kg, "member_of", "Aryan Brotherhood") == {"Barry Mills", "Tyler Bingham"}


def test_an_infobox_list_goes_on_one_name_a_line_up_to_the_next_key():
    # test5/ne-wikipedia-la-linea-gang.txt, an infobox copied as text with one name a line
    kg = extract(
        "La Línea (gang)\n\nFounding locationCiudad Juárez, Mexico\nActivitiesDrug trafficking, extortion\n"
        "AlliesJuárez Cartel\nJalisco New Generation Cartel[2]\nLos Zetas\n"
        "Rivals Sinaloa Cartel[2][1]\nGente Nueva\nRivals\n\nLa Línea is a Mexican gang.\n"
    )
    allies = {s if o == "La Línea" else o for s, _, o in facts(kg, "allied_with")}
    assert allies == {"Juárez Cartel", "Jalisco New Generation Cartel", "Los Zetas"}
    rivals = {s if o == "La Línea" else o for s, _, o in facts(kg, "rival_of")}
    assert rivals == {"Sinaloa Cartel", "Gente Nueva"}


def test_a_listed_name_keeps_the_lowercase_word_that_ends_it():
    # test5/se-wikipedia-catania-mafia-family.txt: "Pietraperzia Mafia family", not "Pietraperzia Mafia"
    kg = extract(
        "Catania Mafia family\n\nFounded: 1925\nTerritory: Catania\nCriminal activities: Drug trafficking\n"
        "Allies: The alliances shifted, but included: Pietraperzia Mafia family, Ramacca Mafia family, "
        "Licciardi clan\n\nThe Catania Mafia family is a crime family of the Cosa Nostra.\n"
    )
    allies = {s if o == "Catania Mafia family" else o for s, _, o in facts(kg, "allied_with")}
    assert {"Pietraperzia Mafia family", "Ramacca Mafia family"} <= allies, allies


def test_a_listed_name_may_hold_italian_and_dutch_small_words():
    # test10/sj-wikipedia-corleonesi-mafia-clan.txt: "Banda della Magliana" went unread and ended the list
    kg = extract(
        "Corleonesi Mafia clan\n\nFounded: 1970\nTerritory: Corleone\nCriminal activities: Drug trafficking\n"
        "Allies Nuvoletta clan\nBanda della Magliana\nRusso clan\n\nThe Corleonesi were a faction.\n"
    )
    allies = {s if o == "Corleonesi Mafia Clan" else o for s, _, o in facts(kg, "allied_with")}
    assert {"Banda della Magliana", "Russo Clan"} <= allies, allies


def test_a_mafia_family_and_a_drug_trafficking_family_are_named_with_their_noun():
    # Wikipedia: "Salvatore Pillera, a former member of the Catania Mafia family"; State: "a member of the
    # Lorenzana drug trafficking family" (the gold names them so); a surname's family stays kin
    kg = extract(
        "Police arrested Salvatore Pillera, a former member of the Catania Mafia family. "
        "Haroldo Lorenzana Terraza is a member of the Lorenzana drug trafficking family. "
        "Ana Ruiz is a member of the Guzmán family.\n"
    )
    assert facts(kg, "member_of") == {
        ("Salvatore Pillera", "member_of", "Catania Mafia family"),
        ("Haroldo Lorenzana Terraza", "member_of", "Lorenzana drug trafficking family"),
    }


def test_capitalised_plural_cartels_are_each_cartel():
    # test14: "a number of other former allies, including the Tijuana and Sinaloa Cartels"
    kg = extract("The Gulf Cartel fought its former allies, including the Tijuana and Sinaloa Cartels.\n")
    assert names(kg, "Tijuana") == ["Tijuana Cartel"]
    assert names(kg, "Sinaloa") == ["Sinaloa Cartel"]


def test_listed_names_may_hold_initials_and_an_elided_word():
    # test12, the Aryan Brotherhood: "- Rivals: ..., Black P. Stones, Bloods, Crips, D.C. Blacks, ..."
    kg = extract(
        "Aryan Brotherhood\n"
        "- Founded: 1964\n"
        "- Allies: Dirty White Boys, Public Enemy No. 1 , Vagos MC\n"
        "- Rivals: Black Guerrilla Family, Black P. Stones, Crips, D.C. Blacks, Dominicans Don't Play\n\n"
        "The Aryan Brotherhood is a white supremacist prison gang in the United States.\n"
    )
    rivals = {o for _, _, o in facts(kg, "rival_of")} | {s for s, _, _ in facts(kg, "rival_of")}
    assert {"Black P. Stones", "D.C. Blacks", "Dominicans Don't Play"} <= rivals
    assert ("Aryan Brotherhood", "allied_with", "Public Enemy No. 1") in facts(kg, "allied_with")


def test_a_name_without_its_generation_is_another_person():
    # test26 (its merged ids looked at after its first run): "Nicolo Rizzuto" and "Nicolo Rizzuto Jr."
    kg = extract(
        "Nicolo Rizzuto was the founder of the Rizzuto crime family. His grandson Nicolo Rizzuto Jr. was "
        "killed in 2009.\n"
    )
    assert names(kg, "Nicolo Rizzuto Jr") == ["Nicolo Rizzuto Jr"]
    assert "Nicolo Rizzuto" in [e.name for e in kg.find("Nicolo Rizzuto")]


def test_a_units_name_ends_at_its_head_noun():
    # test23 (the Greek Mob) and the FARC fronts and AUC blocs of several sets: the capitalised run went
    # on into the body the unit belongs to, or into the city
    kg = extract(
        "The drug trafficking attack was blamed on the 30th Front of the Revolutionary Armed Forces of "
        "Colombia guerrilla group. The cocaine trafficker joined the Calima Bloc of the AUC. The Greek Mob "
        "in Philadelphia ran gambling. The Independent Cartel of Acapulco fought them.\n"
    )
    named = types(kg)
    assert {"30th Front", "Calima Bloc", "Greek Mob", "Independent Cartel of Acapulco"} <= set(named)
    assert named["30th Front"] == "CriminalOrganization"


@pytest.mark.parametrize(
    ("text", "person", "body"),
    [
        # Colombian releases in test12-test23: "Colombian Police Director X" ran into one capitalised name
        (
            "Colombian National Police Director Jorge Luis Vargas said the cartel was dismantled.",
            "Jorge Luis Vargas",
            "Colombian National Police",
        ),
        # test21/wx-doj-2014-bgf-leader-baltimore-jail-sentenced.txt: the run of capitals went from the title
        # to the end of the department, and the gazetteer's "Maryland" won over the department's name
        (
            "Secretary Gregg Hershberger of the Maryland Department of Public Safety and Correctional "
            "Services joined the announcement.",
            "Gregg Hershberger",
            "Maryland Department of Public Safety and Correctional Services",
        ),
    ],
)
def test_a_body_the_gazetteer_does_not_know_is_read_beside_its_heads_title(text, person, body):
    kg = extract(text + "\n")
    assert types(kg)[body] == "GovernmentOrganization"
    assert [name for name, kind in types(kg).items() if kind == "Person"] == [person]
    assert (person, "leader_of", body) in facts(kg, "leader_of")
