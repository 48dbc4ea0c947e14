"""A page whose text reports no event (a sign-in wall) gets the event its title reports."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from crisisledger.model import Article
from crisisledger.pipeline import extract, extract_batch
from crisisledger.store import Ledger
from crisisledger.store import schema as t

WALL = "Subscribe to keep reading. Already have an account? Log in to continue."
TITLE = "Two dead, four hurt in shooting outside Tulsa nightclub"


def test_title_event_when_the_text_tells_none() -> None:
    record = extract(WALL, published="2023-06-04", title=TITLE)
    main = record.main_event
    assert main is not None
    assert (main.fatalities, main.injured) == (2, 4)
    assert main.location is not None and main.location.name == "Tulsa"
    assert main.evidence.in_title
    assert [(f.kind, f.value, f.in_title) for f in record.figures] == [
        ("killed", 2, True),
        ("injured", 4, True),
    ]
    assert [TITLE[f.start : f.end] for f in record.figures] == ["Two dead", "four hurt"]
    assert record.events == [main]


def test_text_event_is_kept_and_title_not_read() -> None:
    text = "Police said one man was killed in a shooting in Tulsa on Saturday night."
    record = extract(text, published="2023-06-04", title=TITLE)
    assert record.main_event is not None and record.main_event.fatalities == 1
    assert not record.main_event.evidence.in_title
    assert not any(f.in_title for f in record.figures)


def test_title_without_violence_or_figures_gives_no_event() -> None:
    record = extract(WALL, published="2023-06-04", title="Friends gather to remember a beloved coach")
    assert record.main_event is None and record.figures == []


def test_titles_are_read_in_a_batch_in_order() -> None:
    day = dt.date(2023, 6, 4)
    articles = [
        Article(id="a", text=WALL, title=TITLE, published=day),
        Article(id="b", text=WALL, published=day),
        Article(id="c", text=WALL, title="Three wounded in Denver park shooting", published=day),
    ]
    records = extract_batch(articles)
    assert [r.id for r in records] == ["a", "b", "c"]
    assert [r.main_event.injured if r.main_event else None for r in records] == [4, None, 3]


def test_title_figures_are_stored_as_such(tmp_path) -> None:  # type: ignore[no-untyped-def]
    article = Article(id="wall", text=WALL, title=TITLE, published=dt.date(2023, 6, 4))
    record = extract_batch([article])[0]
    with Ledger.open(f"sqlite:///{tmp_path / 'l.db'}") as ledger:
        ledger.add_records([(article, record)])
        with ledger.engine.connect() as conn:
            rows = conn.execute(select(t.figures.c.kind, t.figures.c.in_title)).all()
    assert sorted(rows) == [("injured", True), ("killed", True)]


def test_title_figures_when_the_text_counts_no_casualties() -> None:
    text = (
        "Police in Tulsa are investigating a shooting on Elm Street on Saturday night.\n\n"
        "Officers said the investigation is continuing and asked witnesses to call."
    )
    record = extract(text, published="2023-06-04", title="Man, 30, killed in Tulsa shooting")
    main = record.main_event
    assert main is not None and (main.fatalities, main.injured) == (1, None)
    assert not main.evidence.in_title  # the text's event is kept, with the title's dead
    assert [(f.kind, f.value, f.in_title) for f in record.figures if f.kind == "killed"] == [
        ("killed", 1, True)
    ]


def test_title_event_replaces_a_wall_typed_as_no_violence() -> None:
    wall = "Thank you for registering! Please check your email and click the link to activate your profile."
    record = extract(wall, published="2023-06-04", title="Teen shot, killed outside Tulsa store")
    main = record.main_event
    assert main is not None and main.evidence.in_title
    assert main.fatalities == 1


def test_text_dead_keep_the_title_unread() -> None:
    text = "One man was killed and two were wounded in a shooting in Tulsa on Saturday night."
    record = extract(text, published="2023-06-04", title="Two killed in Tulsa shooting")
    main = record.main_event
    assert main is not None and (main.fatalities, main.injured) == (1, 2)
    assert not any(f.in_title for f in record.figures)


def test_title_dead_are_the_text_wounded_when_as_many() -> None:
    text = "A girl was shot in the chest in Tulsa on Saturday night, police said."
    record = extract(text, published="2023-06-04", title="Girl, 10, dies after being shot in Tulsa")
    main = record.main_event
    assert main is not None and (main.fatalities, main.injured) == (1, 0)
    assert [(f.kind, f.value, f.in_title) for f in record.figures] == [
        ("injured", 1, False),
        ("killed", 1, True),
    ]


def test_title_dead_add_to_more_text_wounded() -> None:
    text = "Two men were wounded in a shooting in Tulsa on Saturday night, police said."
    record = extract(text, published="2023-06-04", title="Man, 30, killed in Tulsa shooting")
    main = record.main_event
    assert main is not None and (main.fatalities, main.injured) == (1, 2)


def test_title_wounded_keep_the_text_wounded() -> None:
    text = "A woman was wounded in a shooting in Tulsa on Saturday night, police said."
    record = extract(text, published="2023-06-04", title="Man killed, woman hurt in Tulsa shooting")
    main = record.main_event
    assert main is not None and (main.fatalities, main.injured) == (1, 1)


def test_title_wounded_complete_a_text_counting_only_dead() -> None:
    text = "One man was killed in a shooting in Tulsa on Saturday night, police said."
    record = extract(text, published="2023-06-04", title="One dead, three wounded in Tulsa shooting")
    main = record.main_event
    assert main is not None and (main.fatalities, main.injured) == (1, 3)
    assert [(f.kind, f.value) for f in record.figures if f.in_title] == [("injured", 3)]


def test_title_shot_victim_is_not_wounded_beside_the_dead() -> None:
    text = "One man was killed in a shooting in Tulsa on Saturday night, police said."
    record = extract(text, published="2023-06-04", title="Man killed after being shot in Tulsa")
    main = record.main_event
    assert main is not None and (main.fatalities, main.injured) == (1, None)
    record = extract(text, published="2023-06-04", title="Two dead, three wounded in Tulsa shooting")
    assert record.main_event is not None and not record.main_event.injured
