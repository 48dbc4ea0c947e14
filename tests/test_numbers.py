"""Number parsing: separators, number words, vague plurals, and the scanner's spans."""

from __future__ import annotations

import pytest

from crisisledger.extractors.numbers import find_numbers, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("7", 7),
        ("2,200", 2200),
        ("2.200", 2200),
        ("2 200", 2200),
        ("12,345,678", 12345678),
        ("three", 3),
        ("Twenty-five", 25),
        ("twenty five", 25),
        ("two hundred and five", 205),
        ("one thousand two hundred", 1200),
        ("a hundred", 100),
        ("a dozen", 12),
        ("two dozen", 24),
        ("dozens", 12),
        ("scores", 20),
        ("hundreds", 100),
        ("thousands", 1000),
        ("tens of thousands", 10000),
        ("almost eight thousand", 8000),
        ("at least 164", 164),
        ("1.5 million", 1500000),
        ("2,5 million", 2500000),
        ("3 thousand", 3000),
        ("zero", 0),
    ],
)
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "hello", "1.5", "three people", "2,200 dead", "the"])
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


def test_find_numbers_spans_and_values() -> None:
    text = "Some 2,200 were hurt, twenty-five died, dozens fled and 1.5 million were affected."
    found = [(n.text, n.value, n.vague, n.word) for n in find_numbers(text)]
    assert found == [
        ("2,200", 2200, False, False),
        ("twenty-five", 25, False, True),
        ("dozens", 12, True, False),
        ("1.5 million", 1500000, False, False),
    ]
    first = find_numbers(text)[0]
    assert text[first.start : first.end] == "2,200"


def test_find_numbers_skips_glued_and_marked_numbers() -> None:
    # ordinals, calibres glued to letters, money signs and clock times are never scanned as counts
    text = "the 3rd raid, an AK-47, $40 in cash, at 10:30, 9mm rounds, the G7"
    assert [n.text for n in find_numbers(text)] == []


def test_scores_needs_of() -> None:
    assert [n.value for n in find_numbers("scores of villagers")] == [20]
    assert find_numbers("exam scores rose") == []


def test_range_numbers_are_both_found() -> None:
    assert [n.value for n in find_numbers("between 20-30 and 40 to 50")] == [20, 30, 40, 50]
