"""Main-event tolls where context decides: statistics and protested deaths left out, one victim told
by several nouns, accidental self-shootings, negated and age-like numbers, sides' losses that add up.

Fixtures are written for these tests; every assertion is an exact number."""

from __future__ import annotations

import pytest

from crisisledger.extractors.tolls import conservative_total
from crisisledger.model import Figure
from crisisledger.pipeline import extract


def toll(text: str) -> tuple[int, int]:
    main = extract(text, published="2020-06-01").main_event
    assert main is not None
    return main.fatalities or 0, main.injured or 0


def test_statistics_of_a_year_or_a_state_are_not_the_incident() -> None:
    text = (
        "A 6-year-old boy died after he shot himself with a pistol he found under a bed in Dayton. "
        "So far this year, 17 children have died in accidental shootings statewide, the group said."
    )
    assert toll(text)[0] == 1
    text = "Police said 3 people were wounded on Elm Street, bringing the shootings this year to 40."
    assert toll(text)[1] == 3


def test_one_victim_told_by_place_and_by_age() -> None:
    text = (
        "Police are investigating a shooting that left a man dead Monday night in Dayton. "
        "A 17-year-old boy was killed in a drive-by shooting, police said."
    )
    assert toll(text)[0] == 1


def test_groups_of_single_victims_still_add_up() -> None:
    a = Figure(kind="killed", value=1, group="police", text="a policeman", start=0, end=11)
    b = Figure(kind="killed", value=1, group="military", text="a soldier", start=20, end=29)
    assert conservative_total([a, b]) == 2


def test_accidental_self_shooting_is_one_death() -> None:
    text = (
        "A 10-year-old boy died Sunday after accidentally shooting himself at his home in Akron. "
        "Neighbours said the boy had found the gun in a closet before killing himself by accident."
    )
    assert toll(text)[0] == 1
    text = "A man shot and killed his wife and his brother before killing himself in a house in Elmira."
    assert toll(text)[0] == 3


def test_negated_injury_and_ages_are_not_figures() -> None:
    text = (
        "A 9-year-old girl was shot in the arm at a house in Greenville. "
        "Her mother and two other children were also home but were not injured."
    )
    assert toll(text)[1] == 1
    assert toll("A woman in her 30's was shot in the leg near the bus station in Austin.")[1] == 1


def test_people_present_when_a_victim_is_shot_are_not_victims() -> None:
    text = "A boy was shot in the head on Tuesday when four children were alone in a flat in Denver."
    assert toll(text)[1] == 1


def test_coordinated_people_shot_and_recovering() -> None:
    assert toll("A woman and a child were shot outside a home in Beckley on Monday.")[1] == 2
    text = "Three people, including a young girl, are recovering after a gun went off inside a home in Erie."
    assert toll(text)[1] == 3


def test_another_toll_adds() -> None:
    text = "Eight people were killed in a raid on one village, and another 4 in a second village nearby."
    assert toll(text)[0] == 12


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops cleared a rebel camp near the lake, killing 30. Three soldiers were reported dead.", 33),
        ("Militants stormed a base, killing 9 people. Two soldiers were among the dead.", 9),
    ],
)
def test_losses_of_a_side_in_a_later_sentence(text: str, expected: int) -> None:
    assert toll(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Relatives of two brothers killed in a land feud staged a protest on the highway near the town.",
        "Students held a rally at the campus gate demanding justice for a classmate killed in a crash.",
    ],
)
def test_protested_deaths_are_not_casualties(text: str) -> None:
    assert toll(text)[0] == 0


def test_suspected_thieves_are_people() -> None:
    assert toll("Villagers beat and killed 3 suspected cattle thieves near the market.")[0] == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops raided a camp near the river on 4/3. 'Some' militants were killed and weapons seized.", 10),
        ("Rebels ambushed a convoy near the border, resulting in several deaths.", 10),
        ("Officers raided the depot on 4/3. 'A number' of militants were killed in the fighting.", 10),
    ],
)
def test_vague_counts_in_quotes_or_as_nouns_before_2017(text: str, expected: int) -> None:
    main = extract(text, published="2015-03-04").main_event
    assert main is not None
    assert main.fatalities == expected


def test_vague_noun_does_not_replace_a_stated_toll() -> None:
    main = extract(
        "Four people were killed at a plant on Thursday; police called it a shooting with many fatalities.",
        published="2015-03-04",
    ).main_event
    assert main is not None
    assert main.fatalities == 4


def test_aggregate_over_several_incidents() -> None:
    from crisisledger.extractors.figure_deaths import is_aggregate

    def agg(s: str) -> bool:
        return is_aggregate(s, 0, len(s))

    assert agg("Over the holiday, at least nine people were killed and 20 wounded in Riverton shootings.")
    assert agg("In 2014, more than 300 people died from accidental gunshots.")
    assert agg("The two deaths bring the county's homicide total to 41.")
    assert agg("At least 60 children had been shot so far in 2015.")
    assert not agg("Two people were killed in the shootings at the fairground.")
    assert not agg("One man died and four were hurt in a string of shootings on Tuesday night.")
    assert agg("A total of 210 people were killed in the city last year.")
    assert not agg("A man was charged over a shooting last year that left four people wounded.")
    s = "As of Friday, 34 U.S. officers had died in shootings across the country."
    assert is_aggregate(s, 14, 16)  # "U.S." ends no clause


def test_aggregate_shared_by_counts_joined_with_and() -> None:
    from crisisledger.extractors.figure_deaths import is_aggregate

    s = "Three men were killed, including a cook, and nine others were hurt in shootings over the weekend."
    assert is_aggregate(s, 0, 21)
    s = "Three men were killed in a shooting at a diner, and nine were hurt in shootings across town."
    assert not is_aggregate(s, 0, 21)
    s = "Three men were killed, and the police said a suspect fled in shootings gear."
    assert not is_aggregate(s, 0, 21)


@pytest.mark.parametrize(
    "text",
    [
        "A gunfight broke out near a bar in Utica on Friday night. The bartender who was hit by a stray "
        "bullet has died.",
        "Detectives in Akron are investigating the death of Maria Lopez, whose body was in a car on Elm St.",
        "A fight broke out at a party in Troy on Saturday. Relatives said Jamal passed away on Sunday.",
        "A teen was shot in the head at a home in Elkton on Saturday. He was flown to a hospital, where he "
        "has since been declared clinically dead.",
        "A girl was hit by a stray bullet in Elkton on Friday. Her father said doctors told him she is "
        "brain dead.",
    ],
)
def test_one_death_told_without_a_number(text: str) -> None:
    assert toll(text)[0] == 1


def test_a_negated_or_protested_death_is_none() -> None:
    text = "A man was hit in the leg at a bar in Utica on Friday, police said. No one has died."
    assert toll(text)[0] == 0
    text = "Hundreds marched in Dayton to protest over the death of Maria Lopez, a student, last week."
    main = extract(text, published="2020-06-01").main_event
    assert main is not None and main.fatalities == 0


def test_vague_words_for_wounds_do_not_count_the_dead() -> None:
    from crisisledger.extractors.figure_notes import vague_figures

    text = "The officer was hit in the chest, suffered multiple gunshot wounds and died at the hospital."
    assert vague_figures(text, None, []) == []
    text = "Many of this year's deaths in the county were tied to gangs, the sheriff said."
    assert vague_figures(text, None, []) == []
    assert [f.value for f in vague_figures("Gunmen opened fire and several were killed.", None, [])] == [3]


def test_a_number_in_critical_condition_is_injured() -> None:
    text = "Two men were killed and two others remain in critical condition after a robbery in Memphis."
    assert toll(text) == (2, 2)
    text = "Police said four people were hurt in Utica on Sunday; two of them are in serious condition."
    assert toll(text) == (0, 4)


def test_a_double_homicide_counts_two_dead() -> None:
    text = "Detectives in Akron are investigating a double homicide at a house on Elm Street, police said."
    assert toll(text)[0] == 2
    text = "Jurors heard the first witness in the triple murder trial of a man from Utica on Monday."
    main = extract(text, published="2020-06-01").main_event
    assert main is None or main.fatalities == 0


@pytest.mark.parametrize(
    "text",
    [
        "A Milford sixth-grader died Tuesday after being accidentally shot at a cabin on Monday.",
        "Ann Roe, a 19-year-old cashier, died Friday, Jan. 6, after being shot outside the store.",
        "A hunter found in his truck died from a self-inflicted gunshot wound, deputies said.",
    ],
)
def test_died_after_being_shot_is_one_death_not_an_injury(text: str) -> None:
    assert toll(text) == (1, 0)


def test_lives_after_a_person_is_the_verb() -> None:
    text = "A man was shot in the leg near the house where his aunt lives, police said."
    assert toll(text) == (0, 1)
    assert toll("The ambush on the convoy claimed 6 lives near the border.")[0] == 6


def _fig(text: str, phrase: str, value: int, group: str) -> Figure:
    start = text.index(phrase)
    return Figure(kind="killed", value=value, group=group, text=phrase, start=start, end=start + len(phrase))


def test_party_claims_marks_a_claimed_toll_told_apart_from_another_count() -> None:
    from crisisledger.extractors.figure_notes import party_claims

    text = "3 soldiers were killed. The insurgents claimed killing 10 soldiers (unverified)."
    claimed = _fig(text, "killing 10 soldiers", 10, "military")
    other = _fig(text, "3 soldiers were killed", 3, "military")
    assert party_claims(text, [other, claimed]) == [claimed]
    assert party_claims(text, [claimed]) == []  # the only toll is the claim
    civilians = _fig(text, "3 soldiers were killed", 3, "civilians")
    assert party_claims(text, [civilians, claimed]) == []  # a claim of another side's dead adds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Raiders struck a camp near the river, killing at least 6 (one source says 9 were killed).", 6),
        ("Troops cleared two hamlets of insurgents. Five insurgents dead. Some reports claim 14 dead.", 5),
        ("Gunmen attacked a bus near the market. According to other sources, 4 people were killed.", 4),
    ],
)
def test_another_sources_count_is_left_out_when_the_note_has_its_own(text: str, expected: int) -> None:
    assert toll(text)[0] == expected


def test_alternate_counts_marks_only_figures_inside_another_sources_clause() -> None:
    from crisisledger.extractors.figure_notes import alternate_counts

    text = "Militia killed 3 herders (one report says 8). Local sources said 3 herders died."
    own = _fig(text, "killed 3 herders", 3, "civilians")
    other = _fig(text, "8", 8, "civilians")
    local = _fig(text, "3 herders died", 3, "civilians")  # a note's own source is no other source
    assert alternate_counts(text, [own, other, local]) == [other]
    assert alternate_counts(text, [other]) == []  # the only count is another source's


def test_the_last_cause_a_protest_lists_is_no_casualty() -> None:
    text = (
        "On 3 June 2021, about 40 people marched in a small town in support of a civil rights movement "
        "and against police violence and the death of a local teenager."
    )
    assert toll(text)[0] == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A suicide bomber detonated his vest at a checkpoint near the port, killing 3 soldiers.", 4),
        ("Eight people were killed when a suicide bomber blew himself up at a crowded bus stop.", 8),
        ("Soldiers gunned down a suspected suicide bomber at the gate of a camp outside the town.", 1),
        ("A suicide bomber struck a convoy near the bridge, killing 2 soldiers and the bomber.", 3),
        ("Police arrested a would-be suicide bomber who had attacked nobody yet at the market.", 0),
    ],
)
def test_a_suicide_bombers_own_death_adds_to_the_victims_told_by_group(text: str, expected: int) -> None:
    assert toll(text)[0] == expected
