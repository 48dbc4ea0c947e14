"""Victims told in headline style: no article, no number, present tense."""

from __future__ import annotations

import pytest

from crisisledger.extractors.figure_headlines import headline_figures
from crisisledger.model import Figure


def _told(title: str, taken: list[Figure] | None = None) -> list[tuple[str, int, str]]:
    return [(f.kind, f.value, title[f.start : f.end]) for f in headline_figures(title, taken or [])]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Man, 34, killed in crash of stolen car", [("killed", 1, "Man, 34, killed")]),
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
