"""Helpers for tests and benchmarks: hand-built records and throw-away PostgreSQL schemas."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from crisisledger.model import Article, Event, Figure, Location, Record, Span

PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"

KAZAKHSTAN = Location(name="Kazakhstan", country="Kazakhstan", country_code="KZ", lat=48.0, lon=68.0,
                      precision="country", geonames_id=1522867)  # fmt: skip
ALMATY = Location(name="Almaty", country="Kazakhstan", country_code="KZ", admin1="Almaty", lat=43.25,
                  lon=76.92, precision="city", geonames_id=1526384)  # fmt: skip
BISHKEK = Location(name="Bishkek", country="Kyrgyzstan", country_code="KG", lat=42.87, lon=74.59,
                   precision="city", geonames_id=1528675)  # fmt: skip
ASTANA = Location(name="Astana", country="Kazakhstan", country_code="KZ", lat=51.17, lon=71.45,
                  precision="city", geonames_id=1526273)  # fmt: skip


def figure(kind: str, value: int, **kw: Any) -> Figure:
    """A figure with a made-up text span."""
    return Figure.model_validate({"kind": kind, "value": value, "text": f"{value} {kind}", "start": 0,
                                  "end": 5, **kw})  # fmt: skip


def event(event_type: str, sub: str, date: str | None, location: Location | None, **kw: Any) -> Event:
    """An event with a made-up evidence span."""
    day = dt.date.fromisoformat(date) if date else None
    return Event(event_type=event_type, sub_event_type=sub, date=day, location=location,
                 evidence=Span(start=0, end=10), **kw)  # fmt: skip


def item(
    id: str,
    text: str,
    published: str | None,
    events: list[Event] | None = None,
    figures: list[Figure] | None = None,
    source: str | None = None,
) -> tuple[Article, Record]:
    """An (Article, Record) pair whose main event is the first event."""
    day = dt.date.fromisoformat(published) if published else None
    events = events or []
    article = Article(id=id, text=text, published=day, source=source, language="en")
    record = Record(id=id, language="en", published=day, main_event=events[0] if events else None,
                    events=events, figures=figures or [])  # fmt: skip
    return article, record


def server_available(url: str = PG_SERVER) -> bool:
    """True when the PostgreSQL test server answers."""
    import sqlalchemy as sa

    try:
        engine = sa.create_engine(url, connect_args={"connect_timeout": 2})
        with engine.connect():
            pass
        engine.dispose()
        return True
    except Exception:
        return False


@contextmanager
def pg_schema(url: str = PG_SERVER) -> Iterator[str]:
    """Create a random schema, yield a URL whose search_path is that schema, drop it afterwards."""
    import sqlalchemy as sa

    name = "t_" + uuid.uuid4().hex[:12]
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{name}"'))
    try:
        yield f"{url}?options=-csearch_path%3D{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{name}" CASCADE'))
        admin.dispose()


def kazakhstan_items() -> list[tuple]:
    """Four reports of the January 2022 unrest (our own wording), a wire copy, and two other incidents."""
    riots = ("Riots", "Violent demonstration")
    return [
        item(
            "kz-07jan",
            "Interior ministry officials said 26 armed rioters had been killed in the unrest.",
            "2022-01-07",
            [event(*riots, "2022-01-05", KAZAKHSTAN, fatalities=26, figures=[0])],
            [figure("killed", 26, attributed_to="Interior Ministry (Kazakhstan)")],
            source="Outlet A",
        ),
        item(
            "kz-10jan",
            "The health ministry put the death toll at 164, with 103 of the dead in Almaty; "
            "more than 2,200 people were hurt and close to 8,000 detained.",
            "2022-01-10",
            [
                event(
                    *riots,
                    "2022-01-05",
                    ALMATY,
                    fatalities=164,
                    injured=2200,
                    arrested=8000,
                    figures=[0, 1, 2, 3],
                )
            ],
            [
                figure("killed", 164, attributed_to="Ministry of Health (Kazakhstan)", date="2022-01-09"),
                figure("killed", 103, location="Almaty"),
                figure(
                    "injured",
                    2200,
                    qualifier="more_than",
                    attributed_to="Ministry of Health (Kazakhstan)",
                    date="2022-01-09",
                ),
                figure("arrested", 8000, qualifier="almost", min=7000, max=8000),
            ],
            source="Outlet B",
        ),
        item(
            "kz-10jan-wire",
            "The Health Ministry put the death toll at 164 -- with 103 of the dead in Almaty; "
            "more than 2,200 people were hurt and close to 8,000 detained.",
            "2022-01-10",
            source="Wire",
        ),
        item(
            "kz-15jan",
            "Prosecutors raised the number of people killed during the January events to 225.",
            "2022-01-15",
            [event(*riots, "2022-01-06", KAZAKHSTAN, fatalities=225, figures=[0])],
            [figure("killed", 225, attributed_to="Prosecutor General's Office")],
            source="Outlet C",
        ),
        item(
            "kz-later",
            "A final list published by prosecutors names 238 people who died in January.",
            "2022-08-20",
            [event(*riots, "2022-01-01", KAZAKHSTAN, date_precision="month", fatalities=238, figures=[0])],
            [figure("killed", 238, attributed_to="Prosecutor General's Office")],
            source="Outlet D",
        ),
        item(
            "kg-riot",
            "Clashes in Bishkek left two dead.",
            "2022-01-06",
            [event(*riots, "2022-01-05", BISHKEK, fatalities=2)],
            source="Outlet E",
        ),
        item(
            "kz-march",
            "A small peaceful rally took place in Almaty.",
            "2022-03-12",
            [event("Protests", "Peaceful protest", "2022-03-12", ALMATY)],
            source="Outlet F",
        ),
    ]


SYNTHETIC_TYPES = ("Protests", "Riots", "Battles", "Explosions/Remote violence", "Violence against civilians")


def synthetic_incidents(db: str, n: int) -> None:
    """Write `n` made-up incidents straight into the incidents table (the dashboard map reads only that
    table), one a day over 2023 and spread over the map, for the browser tests and the load benchmark."""
    from crisisledger.store import Ledger
    from crisisledger.store import schema as t

    rows = []
    for i in range(n):
        day = dt.date(2023, 1, 1) + dt.timedelta(days=i % 365)
        lat, lon = -40 + (i * 7919 % 8000) / 100, -170 + (i * 104729 % 34000) / 100
        loc = {"name": f"Place{i}", "country_code": "TL", "lat": lat, "lon": lon}
        rows.append({"id": i + 1, "event_type": SYNTHETIC_TYPES[i % 5], "sub_event_type": "Other",
                     "date_start": day, "date_end": day, "place": loc["name"], "country": "Testland",
                     "country_code": "TL", "lat": lat, "lon": lon, "location": loc, "fatalities": i % 13,
                     "injured": None, "arrested": None, "article_ids": [], "reasons": [],
                     "summary": {"ranges": {}, "latest_official": {}, "timeline": {}, "parts": {},
                                 "conflicts": {}, "conservative": {}, "event_ids": []}})  # fmt: skip
    with Ledger.open(db) as ledger, ledger.engine.begin() as conn:
        conn.execute(t.incidents.insert(), rows)
