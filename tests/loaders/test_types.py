"""Types from head words: cartels, gangs, factions, cells, crime groups; bodies; states; policies."""

from extract_helpers import extract, types


def test_criminal_group_heads():
    kg = extract(
        "The Brisa Cartel, the Barrio Veintidós gang and the Rojo Vivo crime group fight over the port. "
        "The Tigres del Valle faction and the Lobos Negros cell joined them.\n"
    )
    t = types(kg)
    for name in ("Brisa Cartel", "Barrio Veintidós Gang", "Rojo Vivo", "Tigres del Valle", "Lobos Negros"):
        assert t.get(name) == "CriminalOrganization", (name, t)


def test_government_heads_states_and_policies():
    kg = extract(
        "Mexico and Guatemala signed the Frontera Segura Initiative. The Ministry of Public Security, "
        "the Federal Highway Agency and the Guatemalan Army will carry out the Coastal Security Plan.\n"
    )
    t = types(kg)
    assert t["Mexico"] == t["Guatemala"] == "State"
    assert t["Frontera Segura Initiative"] == t["Coastal Security Plan"] == "Policy"
    assert t["Ministry of Public Security"] == t["Federal Highway Agency"] == "GovernmentOrganization"
    assert t["Guatemalan Army"] == "GovernmentOrganization"


def test_known_model_errors_are_corrected():
    kg = extract(
        "El Chapo and El Mayo met in Sinaloa. Los Chapitos answered to them. The Rojos and Guerreros Unidos "
        "crime groups trade with them. The Mérida Initiative ended. Ovidio Guzmán López was arrested.\n"
    )
    t = types(kg)
    assert t["Joaquín Guzmán Loera"] == t["Ismael Zambada García"] == "Person"
    assert t["Los Chapitos"] == t["Los Rojos"] == t["Guerreros Unidos"] == "CriminalOrganization"
    assert t["Mérida Initiative"] == "Policy"
    assert t["Ovidio Guzmán López"] == "Person"
    assert "Guzmán López" not in t
