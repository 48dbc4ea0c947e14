"""Which country a note's place lies in: countries named as agents or across a border, votes of names that
only namesakes share, foreign places found under another name, bare admin names abroad, the areas a
town is written in, and country cues for Kenya and the Middle East. Sentences written for these tests."""

from __future__ import annotations

from conftest import make_doc as doc
from crisisledger.geo.context import Context, country_weight
from crisisledger.geo.priors import country_votes
from crisisledger.geo.resolve import event_location
from crisisledger.geo.scoring import _transliteration
from crisisledger.geo.spans import find_spans
from crisisledger.model import Location


def locate(text: str, entities: tuple[tuple[str, str], ...] = ()) -> Location | None:
    return event_location(doc(text, entities), 0, len(text))


def _weight(text: str, name: str) -> tuple[int, bool]:
    sp = next(s for s in find_spans(doc(text, ((name, "GPE"),))) if s.text == name)
    return country_weight(sp, text, 0)


def test_countries_named_as_agents_or_over_a_border_are_weak() -> None:
    assert _weight("Airstrikes, probably by France, hit a camp.", "France") == (1, False)
    assert _weight("The rebels withdrew over the border with Sudan.", "Sudan") == (1, False)
    assert _weight("Gunmen attacked a village near the Niger border.", "Niger") == (1, False)
    assert _weight("Gunmen attacked a village in Niger.", "Niger") == (8, True)


def test_namesake_votes_give_way_to_named_places() -> None:
    ctx = Context()
    ctx.countries.update({"BR": 2, "SS": 12})
    ctx.coherence.update({"BR": 2})
    ctx.settle_coherence()
    assert ctx.countries == {"SS": 12}
    alone = Context()
    alone.countries.update({"BR": 2})
    alone.coherence.update({"BR": 2})
    alone.settle_coherence()  # nothing else points anywhere: the namesakes' vote stands
    assert alone.countries == {"BR": 2}


def test_transliterations_are_not_other_names() -> None:
    assert _transliteration("Albu Kamal", "Abu Kamal")
    assert not _transliteration("Bonn", "Boni")


def test_kenyan_and_middle_eastern_cues() -> None:
    assert country_votes("Supporters of Raila Odinga marched to the county offices.") == {"KE": 2}
    assert country_votes("Two Kenya Police Reservists were shot by raiders.") == {"KE": 1}
    assert country_votes("Turkish-backed factions shelled a village.") == {"SY": 1}
    assert country_votes("Pro-Hadi forces repelled an attack.") == {"YE": 1}
    assert country_votes("Officer Moran and the county commissioner spoke.") == {}


def test_a_town_found_under_another_name_outside_the_named_province_gives_way_to_the_province() -> None:
    text = "A roadside bomb killed two soldiers in the Shaykhabad area of Saydabad district, Logar."
    loc = locate(text, (("Shaykhabad", "GPE"), ("Logar", "GPE")))
    assert loc is not None and loc.country_code == "AF" and loc.admin1 != "Farah"


def test_a_foreign_area_named_bare_does_not_outvote_the_notes_country() -> None:
    text = "Dogon militiamen said the Malian army found a bomb on the road between Dinangourou and Yoro."
    loc = locate(text, (("Dinangourou", "GPE"), ("Yoro", "GPE")))
    assert loc is None or loc.country_code != "HN"


def test_what_warplanes_struck_is_a_place() -> None:
    text = "Regime forces and Russian warplanes struck Maaret al-Numan."
    loc = locate(text, (("Russian", "NORP"), ("Maaret al-Numan", "PERSON")))
    assert loc is not None and loc.country_code == "SY" and loc.precision == "city"


def test_foreign_forces_do_not_hide_a_transliterated_town() -> None:
    text = "Israeli airstrikes targeted militias near Abu Kamal."
    loc = locate(text, (("Israeli", "NORP"), ("Abu Kamal", "GPE")))
    assert loc is not None and loc.country_code == "SY"


def test_cross_border_groups_vote_once_for_their_home_and_give_way_to_local_cues() -> None:
    from crisisledger.geo.priors import country_hints

    text = "Suspected JNIM and ISGS militants killed two Koglweogo members in the village of Zorgutenga."
    assert country_hints(text) == ({"BF": 1}, {"ML": 2}, {"BF": 2, "NE": 2})
    assert country_votes(text) == {"BF": 1, "ML": 2}
    loc = locate(text)
    assert loc is not None and loc.country_code == "BF"
    alone = locate("Suspected JNIM militants killed two traders in the village of Zorgutenga.")
    assert alone is not None and alone.country_code == "ML"  # the group's home, with nothing else


def test_an_acronym_in_brackets_is_not_a_us_call_sign() -> None:
    assert country_votes("Members of the Farmers Struggle Committee (KSC) staged a sit-in.") == {}
    assert country_votes("(KXYZ) - A man was shot on Main Street.") == {"US": 2}
    assert country_votes("(KXYZ-TV) A man was shot on Main Street.") == {"US": 2}
    assert country_votes("(WKBW) A man was shot on Main Street.") == {"US": 2}  # a known station


def test_kenyas_former_provinces_are_admin_areas() -> None:
    loc = locate("Bandits attacked a bus in North Eastern Province.")
    assert loc is not None
    assert (loc.country_code, loc.name, loc.precision) == ("KE", "North Eastern", "admin1")
    loc = locate("Mungiki members killed two people in Central Province.")
    assert loc is not None and (loc.country_code, loc.precision) == ("KE", "admin1")
    loc = locate("Youths torched houses in Rift Valley Province.")
    assert loc is not None and (loc.country_code, loc.name) == ("KE", "Rift Valley")
    loc = locate("Clashes broke out in Central Province of Sri Lanka.")
    assert loc is not None and loc.country_code == "LK"


def test_a_us_state_in_brackets_after_a_us_city_is_the_state() -> None:
    loc = locate("Protesters marched in Atlanta (Georgia) against the new law.")
    assert loc is not None and (loc.country_code, loc.name) == ("US", "Atlanta")
    loc = locate("Protesters marched in Tbilisi (Georgia) against the new law.")
    assert loc is not None and (loc.country_code, loc.name) == ("GE", "Tbilisi")


def test_a_name_before_road_or_street_is_a_street() -> None:
    text = "A bomb went off on Mombasa Road near the market. Police closed Kisumu Street."
    keys = [sp.key for sp in find_spans(doc(text))]
    assert "mombasa" not in keys and "kisumu" not in keys
    assert "mombasa" in [sp.key for sp in find_spans(doc("A bomb went off in Mombasa near the market."))]


def test_short_names_are_found_under_a_close_spelling() -> None:
    from crisisledger.geo.gazetteer import Gazetteer

    gaz = Gazetteer.default()
    assert [p.name for p in gaz.fuzzy_towns("Bossaso", "SO")][:1] == ["Bosaso"]
    assert gaz.fuzzy_towns("Basisa", "SO") == []  # same short skeleton, another name


def test_a_large_city_in_another_spelling_outranks_a_village_of_that_very_name() -> None:
    loc = locate("Protesters gathered in Amara city demanding jobs.")
    assert loc is not None and (loc.country_code, loc.admin1) == ("IQ", "Maysan")
    assert _transliteration("Al ‘Amārah", "Amara")
