"""Victims told in headline style: no article, no number, present tense."""

from __future__ import annotations

import pytest

from crisisledger.extractors.figure_headlines import headline_figures, with_headline_figures
from crisisledger.model import Figure


def _told(title: str, taken: list[Figure] | None = None) -> list[tuple[str, int, str]]:
    return [(f.kind, f.value, title[f.start : f.end]) for f in headline_figures(title, taken or [])]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Man, 34, killed in crash of stolen car", [("killed", 1, "Man, 34, killed")]),
        (
            "Arrest made in accidental shooting of Elm Street boy",
            [("injured", 1, "shooting of Elm Street boy")],
        ),
        ("Police probe shooting of mother, son at motel", [("injured", 2, "shooting of mother, son")]),
        ("Suspect held in fatal shooting of a clerk", [("killed", 1, "shooting of a clerk")]),
        (
            "Akron Man Suffers Gunshot Wound While Hunting",
            [("injured", 1, "Akron Man Suffers Gunshot Wound")],
        ),
        (
            "Five year old accidentally shoots 8 year old",
            [("injured", 1, "Five year old accidentally shoots")],
        ),
        ("Teen shot, killed outside corner store", [("killed", 1, "Teen shot, killed")]),
        ("Riverside County woman dies after shooting", [("killed", 1, "Riverside County woman dies")]),
        ("Student injured in campus shooting", [("injured", 1, "Student injured")]),
        ("Police: 9-year-old shot in leg at park", [("injured", 1, "9-year-old shot")]),
        ("Hunter accidentally shoots friend near lake", [("injured", 1, "Hunter accidentally shoots")]),
        ("Toddler fatally shoots himself with father's pistol", [("killed", 1, "Toddler fatally shoots")]),
        ("Man shot by deputy dies at hospital", [("killed", 1, "Man shot")]),
        (
            "Man killed, woman wounded in parking lot shooting",
            [("killed", 1, "Man killed"), ("injured", 1, "woman wounded")],
        ),
        (
            "Victim of Sunday morning shooting dies at hospital",
            [("killed", 1, "Victim of Sunday morning shooting dies")],
        ),
        ("Two men charged after nephew's shooting death", [("killed", 1, "nephew's shooting death")]),
        ("Town grieves death of daughter, 9, shot by stray bullet", [("killed", 1, "death of daughter")]),
        ("Arrest made in killing of Elm Street teen", [("killed", 1, "killing of Elm Street teen")]),
        (
            "Bullet that killed Dayton woman came from neighbor's rifle",
            [("killed", 1, "killed Dayton woman")],
        ),
        (
            "Police seek driver after deadly parking lot shooting",
            [("killed", 1, "deadly parking lot shooting")],
        ),
        ("Woman charged with murder in Oak Street shooting", [("killed", 1, "murder")]),
        ("Arrest made in homicide near city park", [("killed", 1, "homicide")]),
        ("Man charged with attempted murder after shooting", []),
        ("County's death toll rises, officials say", []),
        ("Officer shot at during traffic stop", []),
        ("Man shoots at passing car, police say", []),
        ("Friends remember a beloved coach", []),
    ],
)
def test_headline_victims(title: str, expected: list[tuple[str, int, str]]) -> None:
    assert _told(title) == expected


def test_a_victim_already_counted_is_not_added() -> None:
    title = "Man killed in Elm Street shooting"
    taken = [Figure(kind="killed", value=1, text="Man killed", start=0, end=10)]
    assert _told(title, taken) == []


def test_a_fatal_event_adds_nothing_to_a_counted_death() -> None:
    title = "Man killed in fatal shooting on Elm Street"
    assert _told(title) == [("killed", 1, "Man killed")]


def test_a_headline_death_replaces_the_injury_read_from_its_words() -> None:
    title = "Boy fatally shoots himself with his uncle's rifle"
    injury = Figure(kind="injured", value=1, text="shoots himself", start=12, end=26)
    merged = with_headline_figures(title, [injury])
    assert [(f.kind, f.value, f.text) for f in merged] == [("killed", 1, "Boy fatally shoots")]
