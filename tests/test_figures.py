"""Casualty figures on hand-written fixtures: wire style, machine-translated style, and numbers that
are not figures. Every assertion is exact (kind, value, bounds, qualifier, group, location, span)."""

from __future__ import annotations

import pytest

from crisisledger.extractors.figures import extract_figures
from crisisledger.model import Article, Figure
from crisisledger.nlp.pipeline import analyse

Row = tuple[str, int, int | None, int | None, str, str | None, str | None, str]


def figures(text: str) -> list[Figure]:
    return extract_figures(analyse([Article(id="t", text=text)])[0])


def rows(text: str) -> list[Row]:
    """(kind, value, min, max, qualifier, group, location, span) and a check that offsets match the span."""
    out: list[Row] = []
    for f in figures(text):
        assert text[f.start : f.end] == f.text
        out.append((f.kind, f.value, f.min, f.max, f.qualifier, f.group, f.location, f.text))
    return out


def test_clean_wire_killed_and_wounded() -> None:
    text = "At least 12 people were killed and 40 others wounded when a car bomb exploded in Kabul."
    assert rows(text) == [
        ("killed", 12, 12, None, "at_least", None, None, "At least 12 people were killed"),
        ("injured", 40, 40, 40, "exact", None, None, "40 others wounded"),
    ]
    assert figures(text)[0].start == 0


def test_active_verbs_with_objects() -> None:
    assert rows("Gunmen stormed the village, killing 9 civilians and abducting 15 women.") == [
        ("killed", 9, 9, 9, "exact", "civilians", None, "killing 9 civilians"),
        ("kidnapped", 15, 15, 15, "exact", "women", None, "abducting 15 women"),
    ]


def test_subject_of_active_verb_is_not_counted() -> None:
    assert rows("Two gunmen killed three police officers in Herat.") == [
        ("killed", 3, 3, 3, "exact", "police", "Herat", "killed three police officers"),
    ]


def test_killed_n_and_wounded_m() -> None:
    assert rows("The attackers killed 5 people and wounded 11 more.") == [
        ("killed", 5, 5, 5, "exact", None, None, "killed 5 people"),
        ("injured", 11, 11, 11, "exact", None, None, "wounded 11"),
    ]


def test_sub_figure_with_group() -> None:
    assert rows("Eighteen people, including six children, died when the ferry sank.") == [
        ("killed", 18, 18, 18, "exact", None, None, "Eighteen people"),
        ("killed", 6, 6, 6, "exact", "children", None, "six children"),
    ]


def test_of_whom_group_and_located_share() -> None:
    assert rows("Officials said 4 people died, 2 of them women.") == [
        ("killed", 4, 4, 4, "exact", None, None, "4 people died"),
        ("killed", 2, 2, 2, "exact", "women", None, "2"),
    ]
    assert rows("At least 70 were killed, 31 of them in Mosul.") == [
        ("killed", 70, 70, None, "at_least", None, None, "At least 70 were killed"),
        ("killed", 31, 31, 31, "exact", None, "Mosul", "31"),
    ]


def test_death_toll_rose_to() -> None:
    assert rows("The death toll from the floods has risen to 230, with 45 still missing.") == [
        ("killed", 230, 230, 230, "exact", None, None, "death toll from the floods has risen to 230"),
        ("missing", 45, 45, 45, "exact", None, None, "45 still missing"),
    ]


def test_toll_rose_from_keeps_the_new_number() -> None:
    assert rows("The toll rose from 8 to 11 overnight.") == [
        ("killed", 11, 11, 11, "exact", None, None, "toll rose from 8 to 11"),
    ]


def test_qualifiers_and_bounds() -> None:
    assert rows("Police detained up to 300 protesters and said nearly 50 officers were hurt.") == [
        ("arrested", 300, None, 300, "at_most", "protesters", None, "detained up to 300 protesters"),
        ("injured", 50, None, 50, "almost", "police", None, "nearly 50 officers were hurt"),
    ]
    assert rows("The storm affected some 40,000 people in the valley.") == [
        ("affected", 40000, None, None, "about", None, None, "affected some 40,000 people"),
    ]
    assert rows("More than 900 families were displaced.") == [
        ("displaced", 900, 901, None, "more_than", None, None, "More than 900 families were displaced"),
    ]


def test_ranges() -> None:
    assert rows("Between 20 and 30 people were arrested, while 5-7 remain in custody.") == [
        ("arrested", 20, 20, 30, "range", None, None, "Between 20 and 30 people were arrested"),
        ("arrested", 5, 5, 7, "range", None, None, "5-7 remain in custody"),
    ]


def test_vague_plurals_are_lower_bounds() -> None:
    assert rows("The 2014 protests left dozens dead.") == [
        ("killed", 12, 12, None, "at_least", None, None, "dozens dead"),
    ]


def test_singular_victims() -> None:
    assert rows("A man was shot and killed early Sunday. No one else was hurt.") == [
        ("killed", 1, 1, 1, "exact", None, None, "A man was shot and killed"),
        ("injured", 0, 0, 0, "exact", None, None, "No one else was hurt"),
    ]
    assert rows("One person died at the scene.") == [
        ("killed", 1, 1, 1, "exact", None, None, "One person died")
    ]
    assert rows("A 15-year-old boy was wounded in the leg.") == [
        ("injured", 1, 1, 1, "exact", "children", None, "A 15-year-old boy was wounded"),
    ]


def test_shot_alone_is_injured_and_shot_then_died_is_killed() -> None:
    assert rows("A woman was shot in the arm.") == [
        ("injured", 1, 1, 1, "exact", "women", None, "A woman was shot"),
    ]
    assert rows("A driver was shot on the highway and later died in hospital.")[0][:5] == (
        "killed",
        1,
        1,
        1,
        "exact",
    )


def test_zero_statements() -> None:
    assert rows("No injuries were reported.") == [("injured", 0, 0, 0, "exact", None, None, "No injuries")]
    assert rows("Nobody was arrested.") == [("arrested", 0, 0, 0, "exact", None, None, "Nobody was arrested")]
    assert rows("The blast caused no casualties.") == [
        ("killed", 0, 0, 0, "exact", None, None, "no casualties"),
        ("injured", 0, 0, 0, "exact", None, None, "no casualties"),
    ]


def test_casualties_counted_only_next_to_a_killed_figure() -> None:
    assert rows("The shelling caused 30 casualties.") == []
    assert rows("Two soldiers were killed and there were 14 casualties among the crew.") == [
        ("killed", 2, 2, 2, "exact", "military", None, "Two soldiers were killed"),
        ("injured", 14, 14, 14, "exact", None, None, "14 casualties"),
    ]


def test_mt_far_subject_and_garbage_words() -> None:
    assert rows("We are at least 57 the dead persons of the clashes which shook the province.") == [
        ("killed", 57, 57, None, "at_least", None, None, "at least 57 the dead persons"),
    ]


def test_mt_second_number_takes_nearest_following_kind() -> None:
    text = "More than 310 persons they stayed wounded and it's almost 900 were detained by the troops."
    assert rows(text) == [
        ("injured", 310, 311, None, "more_than", None, None, "More than 310 persons they stayed wounded"),
        ("arrested", 900, None, 900, "almost", None, None, "almost 900 were detained"),
    ]


def test_mt_of_those_killed_and_age() -> None:
    assert rows("Four of those killed at the market were children, among them one of 6 years.") == [
        ("killed", 4, 4, 4, "exact", "children", None, "Four of those killed"),
    ]


def test_mt_of_which_in_former_capital_across_sentences() -> None:
    text = (
        "Rioters burned cars. At least 90 the dead people are counted. "
        "41 of which only in the former capital Taraz."
    )
    assert rows(text) == [
        ("killed", 90, 90, None, "at_least", None, None, "At least 90 the dead people"),
        ("killed", 41, 41, 41, "exact", None, "Taraz", "41"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Investigators said the killed man's 4-year-old son was unharmed.", []),
        ("The suspect, aged 23, was arrested on Friday.", []),
        ("Marcus Lee, 31, was arrested at 11:45 p.m.", [("arrested", 1)]),
        ("Since the 2014 killings, 40 percent of residents say they fear being hurt.", []),
        (
            "The riot left $5 million in damage; 30 vehicles and 12 houses were destroyed, no deaths.",
            [("killed", 0)],
        ),
        ("He was jailed for 4 years over the five-day siege that killed on March 3.", []),
        ("A man was shot dead in the 1400 block of Elm Street near 220 Oak Avenue.", [("killed", 1)]),
        ("On 11800 Elmwood, one man has been killed and police are searching.", [("killed", 1)]),
        ("Call 555-867-5309 with information about the killing.", []),
        (
            "A .40 caliber pistol killed him; 15 rounds were fired and 9 mm casings found.",
            [("killed", 1)],
        ),  # "killed him": one death
        ("It was the 3rd deadly attack; troops fired 200 shells, killing fighters.", []),
        ("Two homes were evacuated and 3 cars burned.", []),
    ],
)
def test_non_figures(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(f.kind, f.value) for f in figures(text)] == expected


def test_age_next_to_a_real_figure() -> None:
    assert rows("Marcus Lee, 31, and two other men were wounded.") == [
        ("injured", 2, 2, 2, "exact", None, None, "two other men were wounded"),
    ]


def test_named_victim() -> None:
    assert rows("Officer Dana Ruiz was fatally shot during the traffic stop.")[0][:6] == (
        "killed",
        1,
        1,
        1,
        "exact",
        "police",
    )


def test_restatement_in_one_sentence_is_deduplicated() -> None:
    text = "Five people were killed, police said, adding that 5 people were killed near the bridge."
    assert [(f.kind, f.value) for f in figures(text)] == [("killed", 5)]


def test_distinct_figures_in_separate_sentences_are_kept() -> None:
    text = "Five people were killed on Monday. On Tuesday the toll rose to 9."
    assert [(f.kind, f.value) for f in figures(text)] == [("killed", 5), ("killed", 9)]


def test_attribution_is_filled() -> None:
    f = figures("Nine people died in the crash, police said.")[0]
    assert (f.kind, f.value) == ("killed", 9)
    assert f.attributed_to == "Police"


@pytest.mark.shared
def test_gva_articles_give_well_formed_figures() -> None:
    """On real wire articles every figure's span matches its offsets and its bounds are consistent."""
    import gzip
    import json

    from conftest import shared_path

    path = shared_path("bench", "gva", "gva_2014-2016.jsonl.gz")
    articles = []
    with gzip.open(path, "rt") as fh:
        for line in fh:
            articles.extend(
                Article(id=a["id"], text=a["content"] or "") for a in json.loads(line)["articles"]
            )
            if len(articles) >= 40:
                break
    for doc in analyse(articles):
        for f in extract_figures(doc):
            assert doc.text[f.start : f.end] == f.text
            assert f.min is None or f.max is None or f.min <= f.max


def test_non_figures_ages_counters_and_stations() -> None:
    from crisisledger.extractors.figure_lexicon import is_non_figure

    def non(sentence: str, number: str) -> bool:
        i = sentence.index(number)
        return is_non_figure(sentence, i, i + len(number), 3, number.isalpha())

    assert non("Parents of 15 y.o killed on the bridge spoke to reporters.", "15")
    assert non("Toddler, 2, hurt in crash 2 / 6 Back to the photos", "2 ")
    assert non("He stayed at the shelter until he turned 18 in the spring.", "18")
    assert non("Around noon, a girl younger than 10 was hurt in the yard.", "10")
    assert non("Channel News 9 reporters said she was hurt.", "9")
    assert non("Officers said Tom Reyes, four, was hurt in the yard.", "four")
    assert non("Three men, ranging in age from 22 to 35, were wounded.", "22")
    assert not non("Officers said four were hurt in the yard.", "four")
    assert non("Police found one man, 27, shot in the arm and another, 18, shot in the leg.", "18")
    assert non("The toddler, 2, and his grandfather, 35, were shot in Dayton.", "35")
    assert non("Officers found three women, aged 25, 32 and 51, with gunshot wounds.", "51")
    assert non("Two girls, 7 and 5, were shot in their beds.", "5")
    assert non("Image 26 of 40 Friends of the deceased place flowers at the house.", "26")
    assert non("Detectives said 17 search warrants have been executed in the case.", "17")
    assert non("A woman was shot in the foot; another woman, also 22, was shot in the arm.", "22")
    assert non("Three other men, ages 25, 26, and 33, were taken to a hospital.", "33")
    assert non("Three others, between 15 and 20 years old, were hurt.", "15")


def test_bare_one_with_an_adverb_before_the_kind_word() -> None:
    assert rows("Two men died and one was critically injured in the crash.") == [
        ("killed", 2, 2, 2, "exact", None, None, "Two men died"),
        ("injured", 1, 1, 1, "exact", None, None, "one was critically injured"),
    ]


def test_shooting_at_people_is_not_hitting_them() -> None:
    assert rows("A gunman shot at a dozen people outside the arena.") == []
    assert rows("In June, a 30-year-old man shot at nine people before fleeing.") == []
    assert rows("A man was shot at a cookout on Pine Street.") == [
        ("injured", 1, 1, 1, "exact", None, None, "A man was shot")
    ]


def test_a_shot_fired_is_not_a_victim() -> None:
    assert rows("The deputy fired one shot, and the driver fled on foot.") == []


def test_an_age_after_a_name_is_not_a_figure() -> None:
    assert rows("Police said Ann Roe, 41 of Salem, was killed inside the shop.") == [
        ("killed", 1, 1, 1, "exact", None, None, "Ann Roe, 41 of Salem, was killed")
    ]
    assert rows("The gunman — John Doe, 52 — shot the clerk, police said.") == [
        ("injured", 1, 1, 1, "exact", None, None, "shot the clerk")
    ]
