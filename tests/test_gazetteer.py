"""The packaged gazetteer: lookups by any spelling, countries, states and their abbreviations."""

from eventwire.annotations.gazetteer import Gazetteer, distance_km, norm


def gaz():
    return Gazetteer.get()


def test_one_instance_per_process():
    assert Gazetteer.get() is Gazetteer.get()


def test_spelling_variants_share_a_key():
    assert norm("St. Louis") == norm("Saint Louis") == norm("ST LOUIS")
    assert norm("Kermān") == norm("Kerman")


def test_lookup_lists_most_populous_first():
    found = gaz().lookup("Springfield")
    assert len(found) > 5
    assert [e.population for e in found] == sorted((e.population for e in found), reverse=True)


def test_lookup_restricted_to_a_country():
    found = gaz().lookup("Paris", country="US")
    assert found and all(e.country_code == "US" for e in found)
    assert {gaz().admin1_name(e) for e in found} >= {"Texas", "Tennessee"}


def test_country_and_us_state_share_a_name():
    features = {(e.feature, e.country_code) for e in gaz().lookup("Georgia")}
    assert {("country", "GE"), ("admin1", "US")} <= features


def test_informal_country_names():
    for name in ("U.S.", "America", "Britain", "UAE"):
        assert gaz().lookup(name)[0].feature == "country", name
    assert gaz().lookup("U.S.")[0].country_code == "US"


def test_state_abbreviations_as_written():
    assert gaz().state("La.").name == "Louisiana"
    assert gaz().state("W. Va.").name == "West Virginia"
    assert gaz().state("TX").name == "Texas"
    assert gaz().state("L.A.") is None  # Los Angeles, not Louisiana


def test_us_county_has_a_point_and_state():
    county = gaz().lookup("Rapides Parish")[0]
    assert county.feature == "admin2" and county.admin1_code == "LA"
    city = gaz().lookup("Alexandria", country="US")
    louisiana = next(e for e in city if e.admin1_code == "LA")
    assert distance_km(county, louisiana) < 50


def test_demonyms_name_their_country():
    assert gaz().demonyms["Iraqi"] == "IQ"
    assert gaz().demonyms["Americans"] == "US"
