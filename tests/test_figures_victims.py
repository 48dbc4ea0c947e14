"""Main-event tolls from victims told without one number: coordinated lists, later deaths, pronoun
and definite victims, one wounded person, split tolls, deaths of an earlier incident.

Fixtures are written for these tests; every assertion is an exact number."""

from __future__ import annotations

import pytest

from crisisledger.pipeline import extract


def toll(text: str) -> tuple[int, int]:
    main = extract(text, published="2020-06-01").main_event
    assert main is not None
    return main.fatalities or 0, main.injured or 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Raiders killed a herder and his nephew near the well on Monday.", 2),
        ("A teacher and a nurse were killed by gunmen on the road to the market.", 2),
        ("In the ambush, 6 FDS soldiers and 4 VDP volunteers were killed.", 10),
        ("Two district guards and three traders killed, two attackers also killed.", 7),
        ("Gunmen killed 5 villagers, including a pastor and a child, near the river.", 5),
        ("Bandits stopped a lorry. The driver and two traders were killed on the spot.", 3),
    ],
)
def test_coordinated_victims(text: str, expected: int) -> None:
    assert toll(text)[0] == expected


def test_wounded_who_died_later() -> None:
    text = "Bandits killed three farmers and wounded two others in the field; one of the wounded succumbed."
    assert toll(text) == (4, 1)
    text = "Unknown gunmen shot a trader, killing one and wounding another (who died later in hospital)."
    assert toll(text)[0] == 2


def test_victim_told_by_pronoun_or_definite_subject() -> None:
    assert toll("Militants abducted a village elder on Friday. Two days later they beheaded him.")[0] == 1
    assert toll("Gunmen seized a local official in the market. The official was executed.")[0] == 1
    assert toll("Doctors said the bullet could easily have killed her; she is recovering.")[0] == 0


def test_one_wounded_person_without_a_number() -> None:
    assert toll("A man accidentally shot himself in the foot while cleaning a rifle in his garage.") == (0, 1)
    assert toll("Police said a teenager was shot on Elm Street and is in stable condition.") == (0, 1)


def test_people_counted_by_a_noun_for_things() -> None:
    assert toll("Soldiers at a checkpoint killed two bus drivers on Tuesday.")[0] == 2
    assert toll("Gunmen killed two people during a road ambush near the village.")[0] == 2
    assert toll("Jets struck a camp 20-30km from the town, killing one fighter.")[0] == 1
    assert toll("Troops raided the hideout, killing a reported twelve fighters.")[0] == 12


def test_split_toll_without_a_share() -> None:
    text = "Gunmen killed 12 herders in the villages of Arba and Borta, fatalities split between events."
    assert toll(text)[0] == 6
    text = "At least 9 people were killed between this event and another one in the next district."
    assert toll(text)[0] == 5


def test_deaths_of_an_earlier_incident_are_left_out() -> None:
    text = (
        "Youths clashed with police in the town, following an incident in which two riders were killed "
        "in a crash. No one was hurt in the clash."
    )
    assert toll(text)[0] == 0
    text = "Hundreds marched in memory of a singer who was assassinated in 2004."
    assert toll(text)[0] == 0


def test_self_inflicted_death_is_counted_once() -> None:
    assert toll("A 9-year-old boy fatally shot himself with his father's pistol on Sunday.")[0] == 1


# --- session 2026-12-02: family lists, counters, ages, aggregates (own fixtures) ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Deputies arrested a neighbour accused of killing a farmer and son near the creek in May.", 2),
        ("Officers said a nurse and her young son were found shot to death in their house on Elm Road.", 2),
        ("The man is accused of killing his wife and their three small daughters at the farm.", 4),
    ],
)
def test_family_lists(text: str, expected: int) -> None:
    assert toll(text)[0] == expected


def test_list_items_are_people_not_things() -> None:
    text = "A 9-year-old boy was grazed by a bullet, and a woman was shot in the arm outside the store."
    assert toll(text) == (0, 2)


def test_gallery_counter_before_an_age_is_not_a_count() -> None:
    text = "Picture 3 of 5 4-year-old boy and his aunt were shot near the corner store on Sunday."
    assert toll(text)[1] == 2


def test_deaths_over_many_shootings_are_not_the_toll() -> None:
    text = (
        "A 12-year-old boy died after a cousin fired a rifle by accident at their farmhouse on Friday. "
        "The family said he loved fishing. Over the holiday, at least nine people were killed and 20 "
        "wounded in Riverton shootings. In 2014, more than 300 people died from accidental gunshots."
    )
    assert toll(text) == (1, 0)


def test_named_victim_left_dead() -> None:
    text = (
        "Police said the argument ended in gunfire that left his brother Jonathan Miller, 30, dead "
        "and two others hurt."
    )
    assert toll(text) == (1, 2)


def test_named_victim_has_died() -> None:
    text = "The teacher Marcus Bellamy, 41, has died at the hospital, the county coroner said on Monday."
    assert toll(text)[0] == 1


def test_shot_victims_who_all_died() -> None:
    text = "Two hikers were shot on the trail on Saturday. Rangers said 2 people died at the scene."
    assert toll(text) == (2, 0)


def test_distinct_single_wounded_add_up() -> None:
    text = "A girl was wounded in the leg and a man was hurt in the shoulder when someone fired at the porch."
    assert toll(text)[1] == 2


# --- session 2026-12-02 (2): far kind words, part of the shot, related links (own fixtures) ---
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Four men were found shot near the depot, and one was pronounced dead at the scene.", (1, 3)),
        ("A woman was killed and three men were taken to a hospital with wounds on Friday.", (1, 3)),
        ("Gunfire broke out at a party. Eight people were shot, including a teenager, who died.", (1, 7)),
    ],
)
def test_part_of_the_shot_who_died(text: str, expected: tuple[int, int]) -> None:
    assert toll(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Two men wanted in connection with the shooting death of a cook were arrested in Ohio.",
        "Three intruders entered the flat and they shot through the floor, killing a tenant below.",
        "Two people started shooting at the party, leaving a young man dead on the porch.",
    ],
)
def test_a_far_death_word_of_another_clause(text: str) -> None:
    assert toll(text)[0] == 1


def test_named_victims_with_ages() -> None:
    text = "Carla Ruiz, 31, and Tomas Heller, 27, were killed in the shooting on Friday night."
    assert toll(text)[0] == 2


def test_related_story_links_are_left_out() -> None:
    text = (
        "A man was shot in the leg outside a bakery on Main Street on Friday, police said.\n\n"
        "RELATED: Five people killed in a highway crash last spring\n\n"
        "The victim is expected to recover. No arrests have been made."
    )
    assert toll(text) == (0, 1)


def test_trailing_block_of_other_stories_is_left_out() -> None:
    text = (
        "A teenager was wounded in a shooting near the library on Sunday, deputies said. "
        "He was taken to a hospital in stable condition and is expected to recover.\n\n"
        "Deputies have not named a suspect and ask anyone with information to call them.\n\n"
        "More stories you may like\n\n"
        "Bus crash on the interstate leaves 4 dead and 20 hurt"
    )
    assert toll(text) == (0, 1)


def test_single_victim_with_a_bracketed_aside() -> None:
    text = (
        "On 3 May 2021, a herder (said to be from a neighbouring clan) was killed near the river by gunmen."
    )
    assert toll(text)[0] == 1


def test_taken_to_hospital_with_no_deaths_is_wounded() -> None:
    text = (
        "Militiamen stabbed a trader in the market town. The victim was taken to the hospital, no fatalities."
    )
    assert toll(text) == (0, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels decapitate a herder near the market.", 1),
        ("Youths stabbed a soldier of the garrison to death after an argument.", 1),
        ("Gunmen abducted two traders on the road and executed one.", 1),
        ("The headmaster of the village school was shot dead by gunmen.", 1),
        ("A bomber was stopped at a checkpoint and blew himself up, killing only himself.", 1),
    ],
)
def test_single_victims_of_more_verbs(text: str, expected: int) -> None:
    assert toll(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops raided a hideout by the river, killing a rebel commander, along with 6 other fighters.", 7),
        ("Gunmen shot and killed the village chief together with his son and his driver on the road.", 3),
        ("Raiders killed a trader in addition to 2 of his porters near the market. Total 5 fatalities.", 5),
    ],
)
def test_companions_killed_with_a_victim_count_with_him(text: str, expected: int) -> None:
    main = extract(text, published="2020-06-01").main_event
    assert main is not None
    assert main.fatalities == expected
