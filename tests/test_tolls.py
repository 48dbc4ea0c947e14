"""Event tolls from figures: coder statements, splits, listed groups, vague counts and single victims.

Fixtures are written for these tests; every assertion is an exact number."""

from __future__ import annotations

import datetime as dt

from crisisledger.extractors.figure_notes import perpetrator_suicide
from crisisledger.extractors.figures import extract_figures
from crisisledger.extractors.tolls import conservative_total, same_person_possible, stated_total
from crisisledger.model import Article, Figure
from crisisledger.nlp.pipeline import analyse


def killed(text: str, published: dt.date | None = None) -> int | None:
    doc = analyse([Article(id="t", text=text, published=published)])[0]
    return stated_total(extract_figures(doc), "killed")


def fig(value: int, group: str | None = None, text: str = "x") -> Figure:
    return Figure(kind="killed", value=value, group=group, text=text, start=0, end=1)


def test_total_and_parts() -> None:
    assert conservative_total([fig(12), fig(8, "children")]) == 12
    assert conservative_total([fig(4, "police"), fig(3, "militants")]) == 7
    assert conservative_total([fig(2), fig(4, "police"), fig(3, "militants")]) == 7
    assert conservative_total([]) is None


def test_coder_statement_wins() -> None:
    text = "On 2 May 2019, 5 soldiers were killed in an ambush near the river. Fatalities coded as 0."
    assert killed(text) == 0
    text = "Gunmen attacked a market; an unknown number of people died. Unknown fatalities coded as 3."
    assert killed(text) == 3


def test_split_with_and_without_share() -> None:
    assert killed("Airstrikes killed 9 fighters in two valleys. Fatalities split across 2 events (4).") == 4
    assert killed("Airstrikes killed 9 fighters in two valleys. Fatalities split across 2 events.") == 5
    assert killed("Troops killed 12 rebels in three villages. Fatalities spread over 3 locations.") == 4


def test_share_for_this_event_wins() -> None:
    text = "9 rebels were killed (coded across 3 events, 2 fatalities for this event) and 4 were hurt."
    assert killed(text) == 2
    text = "Raiders killed 6 herders. Total 2 fatalities (1 confirmed and 1 split) coded to this event."
    assert killed(text) == 2
    assert killed("Gunmen shot 3 guards dead at a depot. No fatality coded to this event.") == 0
    text = "7 fighters died in two valleys. 3 fatalities already coded for the east, leaving 4 for the west."
    assert killed(text) == 4


def test_split_reported_after_the_coding_is_not_the_coding() -> None:
    text = "Fatalities coded as 0 (a militant outlet claimed 11 fatalities split across two events)."
    assert killed(text) == 0


def test_split_divides_a_coded_total() -> None:
    text = "Jets struck camps. Unknown fatalities coded as 10. Fatalities split between four events."
    assert killed(text) == 3


def test_place_coding_is_not_a_toll() -> None:
    text = "Rebels killed 4 herders near a well (coded as Kidal at geoprecision 2)."
    assert killed(text) == 4


def test_listed_groups_add_up() -> None:
    assert killed("On Monday, 3 guards and 5 villagers were killed when raiders struck the depot.") == 8


def test_sides_named_by_more_nouns_add_up() -> None:
    text = "Two peacekeepers were killed and 9 hurt, three rebels were killed, a civilian was also killed."
    assert killed(text) == 6
    assert (
        killed("Overnight, 5 Taliban and/or allied fighters were killed and 3 were hurt in the valley.") == 5
    )


def test_vague_count_follows_the_coding_era() -> None:
    text = "Raiders burned the market and several traders were killed."
    assert killed(text, dt.date(2021, 3, 1)) == 3
    assert killed(text, dt.date(2014, 3, 1)) == 10


def test_single_victim_named_by_any_noun() -> None:
    assert killed("Unidentified gunmen assassinated a district councillor outside his home.") == 1
    assert killed("Bandits killed a herbalist and stole his goats.") == 1


def test_death_that_caused_a_protest_is_not_counted() -> None:
    text = "About 200 traders marched in the town centre over the killing of a vendor by a patrol."
    assert killed(text) in (None, 0)


def test_pronoun_death_when_no_figure() -> None:
    text = "Officers found the driver wounded on the road. He later died at the county hospital."
    assert killed(text) == 1


def test_black_lives_matter_is_not_a_toll() -> None:
    assert killed("Over 80 people marched in support of Black Lives Matter downtown.") in (None, 0)


def totals(text: str) -> tuple[int | None, int | None]:
    """(killed, injured) of the figures of a text written for these tests."""
    doc = analyse([Article(id="t", text=text)])[0]
    figures = extract_figures(doc)
    return stated_total(figures, "killed"), stated_total(figures, "injured")


def test_shot_victim_who_died_is_not_injured() -> None:
    assert totals("Three people were shot, one fatally, in Dayton on Sunday.") == (1, 2)
    text = "John Smith, 23, was shot in the chest on Elm Street. He died at the hospital."
    assert totals(text) == (1, 0)


def test_shot_victims_told_apart_stay_injured() -> None:
    text = "A man was shot and killed on Monday. A woman was shot in the arm and is in stable condition."
    assert totals(text) == (1, 1)


def test_single_victims_told_apart_add_up() -> None:
    text = (
        "John Smith was shot on Main Street in Akron on Friday. Mary Jones was also shot and killed. "
        "Smith died."
    )
    assert totals(text) == (2, 0)


def test_named_and_another_victims() -> None:
    assert totals("The gunman opened fire, killing Sarah Davidson and wounding her husband.") == (1, 1)
    assert totals("Gunfire at an eviction killed one person and wounded another.") == (1, 1)


def test_emergency_number_is_no_figure() -> None:
    assert totals("A woman called 911 after a man was shot in Reno.") == (None, 1)


def test_attacker_who_killed_himself_adds_to_victims() -> None:
    text = "In Tulsa on Monday a man shot and killed his neighbour and two children before killing himself."
    assert totals(text)[0] == 4
    assert totals("Two people died in an apparent murder-suicide in Ohio on Sunday.")[0] == 2
    assert totals("A woman was killed in a murder-suicide at a farm near Boise.")[0] == 2
    assert perpetrator_suicide("Police said the man had threatened to kill himself.") is None
    assert perpetrator_suicide("He tried to take his own life after the shooting.") is None


def test_deaths_told_without_a_number() -> None:
    assert totals("A stray bullet claimed the life of a six-year-old boy in Camden on Friday.")[0] == 1
    assert totals("A gunman killed 31-year-old Dana Lee of Riverside on Friday.")[0] == 1
    assert totals("Police found a man on Oak Street. The man was later pronounced deceased.")[0] == 1


def test_injured_told_without_a_number() -> None:
    text = "A man was killed on Pine Road. A second man suffered a gunshot wound to the leg."
    assert totals(text) == (1, 1)
    assert totals("One teen was killed and another injured when a car was fired on in Waco.") == (1, 1)
    text = "A 16-year-old was murdered on Elm Street. Her neighbour, 40-year-old Ann Cole was also shot."
    assert totals(text) == (1, 1)


def test_sub_figures_listed_inside_a_total() -> None:
    text = "Four persons, including a trader and a farm worker, were killed in the raid on the market."
    assert totals(text)[0] == 4
    text = "7 soldiers and 5 villagers, including a teacher, a nurse and a driver were killed in the ambush."
    assert totals(text)[0] == 12


def test_place_adjective_is_not_a_name() -> None:
    from crisisledger.extractors.tolls import distinct_victims

    a = Figure(kind="killed", value=1, qualifier="exact", text="A Millbrook Man has died", start=0, end=24)
    b = Figure(kind="killed", value=1, qualifier="exact", text="Victor Hale, 57, died", start=30, end=51)
    assert distinct_victims([a, b]) == 1


def test_a_county_before_a_person_noun_is_no_name() -> None:
    boy = Figure(kind="killed", value=1, text="A 4-year-old Monroe County boy died", start=0, end=34)
    named = Figure(kind="killed", value=1, text="Jim Roe, 4, was pronounced dead", start=40, end=71)
    assert same_person_possible(boy, named)


def test_wound_of_the_dead_victim_is_not_injured() -> None:
    text = (
        "A 10-year-old was shot to death in Akron on Friday. The child received a gunshot wound to the head."
    )
    assert totals(text) == (1, 0)
    text = "A man was shot and killed in Akron on Friday. A teen suffered a minor gunshot wound to the leg."
    assert totals(text) == (1, 1)


def test_officer_shot_is_not_the_suspect_killed() -> None:
    text = "A deputy was shot during a standoff in Elkton on Monday. The suspect was killed by return fire."
    assert totals(text) == (1, 1)


def test_a_stated_age_tells_the_shot_victim_from_the_dead() -> None:
    text = "A 19-year-old was shot dead in Elkton. Police said a 14-year-old was shot and hospitalized."
    killed_fig = Figure(kind="killed", value=1, text="A 19-year-old died", start=0, end=18)
    shot = Figure(kind="injured", value=1, text="A 14-year-old was shot", start=60, end=82)
    assert not same_person_possible(shot, killed_fig, by_age=True)
    assert same_person_possible(shot, killed_fig)
    assert totals(text) == (1, 1)


def test_one_victim_told_apart_is_among_a_place_toll() -> None:
    text = "Four people were wounded in Millbrook on Saturday. A 15-year-old girl was shot in the arm."
    assert totals(text) == (None, 4)
    text = "Four men were wounded in Millbrook. A 43-year-old was shot and taken to a hospital in Oak Ridge."
    assert totals(text) == (None, 4)
    text = (
        "Four people were wounded in a shooting in Millbrook on Saturday. A police officer was also wounded."
    )
    assert totals(text) == (None, 5)


def test_wounds_of_the_dead_and_counts_of_wounds_are_not_injured() -> None:
    text = "Three people were found dead in a house on Elm Street. Police said all three had gunshot wounds."
    assert totals(text) == (3, 0)
    text = "A man was shot dead on Elm Street in Dayton. He suffered three gunshot wounds to the chest."
    assert totals(text) == (1, None)
