"""Country cues when a note names no place we know: parties, forces, peoples and admin words, organisation
names, cross-border groups, abbreviations that are not country codes, and admin areas written with a
direction or a common word. Sentences written for these tests."""

from __future__ import annotations

from conftest import km_between as km
from conftest import make_doc as doc
from crisisledger.geo.countries import prose_country
from crisisledger.geo.gazetteer import Gazetteer
from crisisledger.geo.priors import country_hints, country_votes
from crisisledger.geo.resolve import event_location, main_country
from crisisledger.model import Location


def locate(text: str, entities: tuple[tuple[str, str], ...] = ()) -> Location | None:
    return event_location(doc(text, entities), 0, len(text))


def test_names_with_affixes_plurals_and_capitals() -> None:
    assert country_votes("A strike called by the BNP-led alliance shut shops.") == {"BD": 1}
    assert country_votes("Troops cleared two Boko Harams camps.") == {"NG": 1}
    assert country_votes("Farmers clashed in the Agatu LGA.") == {"NG": 1}
    assert country_votes("A rocket hit the joint Barkhane-MINUSMA camp.") == {"ML": 2}
    assert country_votes("SNA-Turkey fighters shelled a village.") == {"SY": 1}
    assert country_votes("the sna was late") == {}  # acronyms only in capitals


def test_cross_border_groups_back_their_neighbours() -> None:
    own, border, spread = country_hints("Suspected JNIM militants burned a school.")
    assert own == {} and border == {"ML": 1} and spread == {"BF": 1, "NE": 1}


def test_bare_iso_codes_are_not_countries_in_prose() -> None:
    assert prose_country("AL") is None
    assert prose_country("US").code == "US"  # type: ignore[union-attr]
    assert prose_country("CAR").code == "CF"  # type: ignore[union-attr]
    assert prose_country("Kenya").code == "KE"  # type: ignore[union-attr]
    assert prose_country("Mus") is None and prose_country("Ken") is None  # Muş in Turkey; a first name
    assert prose_country("Laos").code == "LA"  # type: ignore[union-attr]


def test_party_abbreviation_is_not_albania() -> None:
    text = "Awami League (AL) activists fought BNP supporters in Chittagong on Monday."
    loc = locate(text, (("Awami League", "ORG"), ("BNP", "ORG"), ("Chittagong", "GPE")))
    assert loc is not None and loc.country_code == "BD"


def test_organisation_names_give_the_country() -> None:
    text = "Members of the Tamil Nadu Weavers Forum held a sit-in over unpaid wages."
    assert main_country(doc(text, (("the Tamil Nadu Weavers Forum", "ORG"),))) == "IN"
    text = "The Police Forces of Kenya arrested four traders at a roadblock."
    assert main_country(doc(text, (("The Police Forces of Kenya", "ORG"),))) == "KE"


def test_direction_before_or_after_an_area() -> None:
    text = "Lawyers in Western Uttar Pradesh stayed away from courts."
    loc = locate(text, (("Western Uttar Pradesh", "LOC"),))
    assert loc is not None and loc.name == "Uttar Pradesh" and loc.precision == "admin1"
    # a village we do not know, in "Mwingi Central": the fallback lands at Mwingi, not at the county
    text = "On 3 May, bandits killed two herders in Kolowaa (Mwingi Central, Kitui)."
    loc = locate(text, (("Kolowaa", "GPE"),))
    mwingi = next(p for p in Gazetteer.default().lookup("Mwingi") if p.country_code == "KE")
    assert loc is not None and km(loc.lat or 0, loc.lon or 0, mwingi.lat, mwingi.lon) < 5


def test_common_word_named_as_an_admin_area() -> None:
    text = "Raiders attacked a cattle camp near an unnamed village of Unity state, killing three."
    loc = locate(text)
    assert loc is not None and loc.country_code == "SS" and loc.name == "Unity"


def test_hyphens_and_joined_words_match_gazetteer_names() -> None:
    gaz = Gazetteer.default()
    assert [p.name for p in gaz.lookup("Haut Mbomou")][:1] == ["Haut-Mbomou"]
    assert gaz.has("Bobo Dioulasso") and gaz.has("bobo-dioulasso")


def test_group_prior_does_not_veto_a_neighbour_town() -> None:
    loc = locate("Suspected JNIM militants attacked the gendarmerie in Djibo.", (("Djibo", "GPE"),))
    assert loc is not None and loc.country_code == "BF" and loc.name == "Djibo"


def test_the_capital_when_no_place_is_named() -> None:
    loc = locate("Opposition lawyers marched in the capital against the Awami League government.")
    assert loc is not None and loc.country_code == "BD" and loc.name == "Dhaka"


def test_reference_place_after_a_direction_only_locates() -> None:
    text = "A roadside bomb struck an army truck in Tarmiyah, north of Baghdad."
    loc = locate(text, (("Tarmiyah", "GPE"), ("Baghdad", "GPE")))
    assert loc is not None and loc.country_code == "IQ" and loc.name != "Baghdad"


def test_shelled_town_and_person_tagged_town_with_its_province() -> None:
    text = "Government forces shelled Kafranbel and nearby farms in Idlib countryside."
    loc = locate(text, (("Kafranbel", "ORG"),))
    assert loc is not None and loc.name == "Kafranbel"
    text = "Militants clashed with soldiers in rural Semdinli (Hakkari) overnight."
    loc = locate(text, (("Semdinli", "PERSON"),))
    assert loc is not None and loc.country_code == "TR" and loc.precision == "city"


def test_country_inside_an_organisation_name() -> None:
    text = "Fighters of the Islamic State Somalia Province attacked a checkpoint at dawn."
    assert main_country(doc(text, (("the Islamic State Somalia Province", "ORG"),))) == "SO"


def test_a_demonym_does_not_hide_the_town_attacked() -> None:
    loc = locate("Chadian gunmen attacked Markounda town, killing five herders.")
    assert loc is not None and loc.country_code == "CF" and loc.name == "Markounda"


def test_parties_forces_and_peoples_tied_to_one_country() -> None:
    assert country_votes("Supporters of the PNU clashed with police.") == {"KE": 1}
    assert country_votes("Badr Organization fighters manned a checkpoint.") == {"IQ": 1}
    assert country_votes("Members of the Bahujan Samaj Party (BSP) marched.") == {"IN": 2}
    assert country_votes("A group of Mossi burned homes.") == {"BF": 1}
    assert country_votes("Afghan National Army soldiers repelled an attack.") == {"AF": 1}


def test_name_patterns_are_compiled_once() -> None:
    import re

    from crisisledger.geo.words import name_pattern

    pattern = name_pattern("St. Paul", r"(?<!\w)", r"(?!\w)", re.I)
    assert pattern is name_pattern("St. Paul", r"(?<!\w)", r"(?!\w)", re.I)
    assert pattern.search("a shooting in st. paul today") and not pattern.search("in St. Pauls")


def test_a_title_case_alpha3_code_is_a_place_name() -> None:
    loc = event_location(doc("Police detained five HDP members in Mus."), 0, 40)
    assert loc is not None and (loc.country_code, loc.precision) == ("TR", "city")
