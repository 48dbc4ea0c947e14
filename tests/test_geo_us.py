"""US local news: state votes, institution names, namesakes chosen by state, admin areas upgraded to towns.

Fixtures are written for these tests; entities are given explicitly so spaCy is not involved.
"""

from __future__ import annotations

from collections import Counter

from conftest import make_doc
from crisisledger.geo.resolve import event_location, find_places
from crisisledger.geo.us import institution_prefix, state_votes


def test_state_votes_names_abbreviations_and_postal_codes() -> None:
    votes = state_votes("A Felton, Minn., father was charged. Troopers from Delaware State Police helped.")
    assert votes["Minnesota"] == 2 and votes["Delaware"] == 2
    assert state_votes("Story text.", title="Boy hurt in Columbus, GA")["Georgia"] == 3
    assert state_votes("Story text.", title="Boy hurt - WXYZ Columbus, GA")["Georgia"] == 1  # site name
    assert "Kansas" not in state_votes("He was driving to Kansas City on Friday.")
    assert "Washington" not in state_votes("Officials in Washington said little.")
    assert state_votes("the Plain Dealer reported")["Ohio"] == 1


def test_institution_prefix() -> None:
    assert institution_prefix("Gresham Police Department") == ("Gresham", False)
    assert institution_prefix("Bibb County Sheriff's Office") == ("Bibb County", True)
    assert institution_prefix("Savannah-Chatham Metropolitan Police") == ("Savannah-Chatham", False)
    assert institution_prefix("The Police Foundation") is None
    assert institution_prefix("John Smith") is None


def test_state_in_title_picks_namesake() -> None:
    text = "A woman from Columbus was in court on Friday after her son fired a pistol at home."
    doc = make_doc(text, [("Columbus", "GPE")], title="Toddler hit by bullet - WTVM Columbus, GA")
    loc = event_location(doc, 0, len(text))
    assert loc is not None and (loc.name, loc.admin1) == ("Columbus", "Georgia")


def test_state_named_in_text_picks_namesake() -> None:
    text = "A father accidentally shot his son in Jacksonville on Sunday, North Carolina police said."
    doc = make_doc(text, [("Jacksonville", "GPE"), ("North Carolina", "GPE")])
    place = next(m for m in find_places(doc) if m.text == "Jacksonville")
    assert place.location.admin1 == "North Carolina"


def test_admin1_in_event_span_gives_way_to_town_in_same_state() -> None:
    text = (
        "Delaware State Police are investigating a shooting that hurt a toddler. "
        "The girl was at a family home in Ocean View when the pistol fired."
    )
    doc = make_doc(text, [("Delaware State Police", "ORG"), ("Ocean View", "GPE")])
    loc = event_location(doc, 0, text.index(".") + 1)
    assert loc is not None and (loc.name, loc.admin1, loc.precision) == ("Ocean View", "Delaware", "city")


def test_state_abbreviation_rejects_namesake_in_other_state() -> None:
    text = "A man from Felton, Minn., was charged after a pistol fired in his kitchen."
    doc = make_doc(text, [("Felton", "GPE"), ("Minn.", "GPE")])
    feltons = [m for m in find_places(doc) if m.text == "Felton"]
    assert all(m.location.admin1 == "Minnesota" for m in feltons)


def test_town_named_by_its_police_force() -> None:
    text = "A 3-year-old boy was hurt on Tuesday, according to Lt. Anna Small with Gresham Police Department."
    doc = make_doc(text, [("Gresham Police Department", "ORG")], title="Boy hurt in Oregon")
    loc = event_location(doc, 0, len(text))
    assert loc is not None and (loc.name, loc.admin1) == ("Gresham", "Oregon")


def test_alternate_name_of_foreign_place_is_noise_in_us_news() -> None:
    text = "Sheriff's deputies said the boy was taken to Mercy hospital in Des Moines, Iowa, on Friday."
    doc = make_doc(text, [("Des Moines", "GPE"), ("Iowa", "GPE")])
    assert all(m.location.country_code == "US" for m in find_places(doc))


# ---- headlines and outlets (geo.stations, the title's place) -----------------------------------------
def test_outlet_homes_call_signs_and_newspapers() -> None:
    from crisisledger.geo.stations import outlet_homes

    text = "ZANESVILLE (WHIZ-TV) - A boy was hurt, the Plain Dealer said."
    homes = outlet_homes(text, title="Boy hurt - KMOV.com")
    assert homes[("Zanesville", "OH")] == 1
    assert homes[("Cleveland", "OH")] == 1
    assert homes[("St. Louis", "MO")] == 1
    assert not outlet_homes("WHO officials met. THOSE WHO WATCHED KING TV WERE THERE.")


def test_station_state_picks_namesake() -> None:
    text = "A Columbus mother was charged on Friday after her son fired a pistol at home (WTVM)."
    doc = make_doc(text, [("Columbus", "GPE")])
    loc = event_location(doc, 0, len(text))
    assert loc is not None and (loc.name, loc.admin1) == ("Columbus", "Georgia")


def test_title_place_when_text_names_none() -> None:
    text = "Two men and a girl were hurt on Sunday afternoon. City police were called to a block of Elm Way."
    doc = make_doc(text, title="Girl and two men wounded in Baltimore shootings")
    loc = event_location(doc, 0, text.index(".") + 1)
    assert loc is not None and (loc.name, loc.admin1) == ("Baltimore", "Maryland")


def test_title_place_after_in_beats_hospital_city_in_same_state() -> None:
    text = "A 7-year-old child shot on Sunday was in critical condition at an Atlanta hospital, police said."
    doc = make_doc(text, [("Atlanta", "GPE")], title="Child hurt in accidental shooting in LaGrange")
    loc = event_location(doc, 0, len(text))
    assert loc is not None and (loc.name, loc.admin1) == ("LaGrange", "Georgia")


def test_title_street_school_and_other_state_are_not_the_scene() -> None:
    text = "BOSTON (WBZ) - A girl was shot while playing on Sunday, police said."
    doc = make_doc(text, [("BOSTON", "GPE")], title="Girl shot in Roxbury while playing")
    loc = event_location(doc, 0, len(text))
    assert loc is not None and loc.name == "Boston"
    text2 = "A student fired a revolver at the end of first period on Monday, Dallas police said."
    doc2 = make_doc(text2, [("Dallas", "GPE")], title="One shot at Kimball High School")
    loc2 = event_location(doc2, 0, len(text2))
    assert loc2 is not None and loc2.name == "Dallas"


def test_title_town_inside_county_named_by_event() -> None:
    text = "The Hanover County Sheriff's Office said a boy found a pistol under a bed on Saturday."
    doc = make_doc(text, [("Hanover County", "GPE")], title="Boy, 5, shoots sister in Ashland")
    loc = event_location(doc, 0, len(text))
    assert loc is not None and (loc.name, loc.admin1, loc.precision) == ("Ashland", "Virginia", "city")


def test_outlet_home_is_last_resort() -> None:
    text = "An 8-year-old was hurt on Friday in an accidental shooting on the north side (WTHR)."
    doc = make_doc(text, title="Boy, 8, hurt by gun")
    loc = event_location(doc, 0, len(text))
    assert loc is not None and (loc.name, loc.admin1) == ("Indianapolis", "Indiana")


def test_dateline_in_capitals_with_postal_code_votes() -> None:
    votes = state_votes("A shooting left one dead.\n\nBRAMBLETON, NC (WXYZ) - Police said a man died.")
    assert votes == Counter({"North Carolina": 2})
    assert state_votes("He said: OK, IN the end it was fine.") == Counter()
