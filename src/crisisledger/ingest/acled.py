"""ACLED exports → (Article, Record) pairs: one article per ACLED event, its `notes` as the text.

Both schemas are read: the current one (lower-case columns, `sub_event_type`) and the old one
(upper-case columns, types such as "Riots/Protests" or "Battle-No change of territory", no
sub-event type; the sub-type is then derived from the actor and notes, see `old_types`).
Each event becomes one `Event` with the LOCATION, actors and fatalities, plus (when ACLED
counts deaths) one killed `Figure` attributed to ACLED and reported by the row's `source`.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

from crisisledger.extractors.acled_csv import OLD_TYPES, parse_acled_date
from crisisledger.geo.countries import lookup_country
from crisisledger.ingest.tabular import Converted, RowError, cell, open_text, to_float, to_int
from crisisledger.model import (
    SUB_EVENT_TYPES,
    Actor,
    Article,
    DatePrecision,
    Event,
    Figure,
    Location,
    LocationPrecision,
    Record,
    Span,
)

ATTRIBUTION = "ACLED"
GEO_PRECISION: dict[int, LocationPrecision] = {1: "city", 2: "admin2", 3: "admin1"}
TIME_PRECISION: dict[int, DatePrecision] = {1: "day", 2: "week", 3: "month"}
# Old types without a sub-type: keyword rules on the notes, first match wins, then a default.
_OLD_SUBTYPES: dict[str, tuple[tuple[str, str], ...]] = {
    "Explosions/Remote violence": (
        (r"suicide", "Suicide bomb"),
        (r"air ?strike|air raid|drone|aircraft|helicopter|jets?\b", "Air/drone strike"),
        (r"grenade", "Grenade"),
        (r"\bied\b|landmine|mine\b|explosive|bomb", "Remote explosive/landmine/IED"),
    ),
    "Violence against civilians": (
        (r"abduct|kidnap|disappear", "Abduction/forced disappearance"),
        (r"\brap(e|ed|ing)\b|sexual", "Sexual violence"),
    ),
    "Strategic developments": (
        (r"arrest|detain", "Arrests"),
        (r"loot|torch|set fire|set ablaze|vandali|destroy", "Looting/property destruction"),
        (r"agreement|peace deal|ceasefire|cease-fire", "Agreement"),
    ),
}
_OLD_DEFAULT = {
    "Battles": "Armed clash",
    "Explosions/Remote violence": "Shelling/artillery/missile attack",
    "Violence against civilians": "Attack",
    "Strategic developments": "Other",
}


def old_types(event_type: str, actor1: str, notes: str, fatalities: int) -> tuple[str, str]:
    """Current (type, sub-type) for an old-schema type; RowError when the type is unknown."""
    mapped = OLD_TYPES.get(event_type.lower())
    if mapped is None:
        raise RowError(f"unknown ACLED event type {event_type!r}")
    typ, sub = mapped
    text = notes.lower()
    if typ is None:  # "Riots/Protests": ACLED names the actors "Rioters (…)" or "Protesters (…)"
        if actor1.lower().startswith("rioters") or fatalities > 0:
            return "Riots", "Mob violence" if "mob" in text else "Violent demonstration"
        return "Protests", "Peaceful protest"
    if sub is None:
        sub = next((s for pattern, s in _OLD_SUBTYPES.get(typ, ()) if re.search(pattern, text)),
                   _OLD_DEFAULT[typ])  # fmt: skip
    return typ, sub


def _types(row: dict[str, str], fatalities: int) -> tuple[str, str]:
    typ, sub = cell(row, "event_type"), cell(row, "sub_event_type")
    if not typ:
        raise RowError("no event_type")
    if not sub:
        return old_types(typ, cell(row, "actor1"), cell(row, "notes"), fatalities)
    if SUB_EVENT_TYPES.get(sub) != typ:
        raise RowError(f"unknown ACLED type {typ!r} / {sub!r}")
    return typ, sub


def _location(row: dict[str, str]) -> Location | None:
    name = cell(row, "location", "admin3", "admin2", "admin1", "country")
    if not name:
        return None
    lat, lon = to_float(cell(row, "latitude"), "latitude"), to_float(cell(row, "longitude"), "longitude")
    if (
        (lat is None) != (lon is None)
        or (lat is not None and not (-90 <= lat <= 90))
        or (lon is not None and not (-180 <= lon <= 180))
    ):
        raise RowError(f"bad coordinates {lat}, {lon}")
    country_name = cell(row, "country")
    country = lookup_country(country_name) if country_name else None
    precision = GEO_PRECISION.get(to_int(cell(row, "geo_precision"), "geo_precision") or 1, "city")
    return Location(name=name, country=country_name or None, country_code=country.code if country else None,
                    admin1=cell(row, "admin1") or None, admin2=cell(row, "admin2") or None,
                    lat=lat, lon=lon, precision=precision)  # fmt: skip


def _actors(row: dict[str, str]) -> list[Actor]:
    actors = [Actor(name=cell(row, k), role="actor1" if k == "actor1" else "actor2")
              for k in ("actor1", "actor2") if cell(row, k)]  # fmt: skip
    for key in ("assoc_actor_1", "ally_actor_1", "assoc_actor_2", "ally_actor_2"):
        actors += [Actor(name=n.strip(), role="associated") for n in cell(row, key).split(";") if n.strip()]
    return actors


def article_id(row: dict[str, str]) -> str:
    """ "acled:<event_id_cnty>", or a hash of the row when the export has no event id."""
    eid = cell(row, "event_id_cnty")
    if eid:
        return f"acled:{eid}"
    digest = hashlib.sha1("\x1f".join(f"{k}={v}" for k, v in sorted(row.items())).encode()).hexdigest()
    return f"acled:row-{digest[:16]}"


def convert(row: dict[str, str]) -> tuple[Article, Record]:
    """One ACLED row (keys lower-cased) → (Article, Record); RowError with the reason when it cannot."""
    raw_date = cell(row, "event_date")
    date = parse_acled_date(raw_date)
    if date is None:
        raise RowError(f"unreadable event_date {raw_date!r}" if raw_date else "no event_date")
    fatalities = to_int(cell(row, "fatalities"), "fatalities") or 0
    typ, sub = _types(row, fatalities)
    loc = _location(row)
    aid = article_id(row)
    notes = cell(row, "notes")
    text = notes or f"{sub} in {loc.name if loc else 'an unknown place'} on {date.isoformat()} ({aid})."
    figures = []
    if fatalities:
        # ACLED's count is not quoted from the notes: the figure's text is the count, its span empty.
        figures.append(Figure(kind="killed", value=fatalities, min=fatalities, qualifier="exact", date=date,
                              attributed_to=ATTRIBUTION, reported_by=cell(row, "source") or None,
                              text=f"{fatalities} fatalities", start=0, end=0))  # fmt: skip
    precision = TIME_PRECISION.get(to_int(cell(row, "time_precision"), "time_precision") or 1, "day")
    event = Event(event_type=typ, sub_event_type=sub, date=date, date_precision=precision, location=loc,
                  actors=_actors(row), fatalities=fatalities, figures=list(range(len(figures))),
                  evidence=Span(start=0, end=len(text)))  # fmt: skip
    article = Article(id=aid, text=text, title=f"{sub} in {loc.name}" if loc else sub, published=date,
                      source=ATTRIBUTION, language="en")  # fmt: skip
    record = Record(id=aid, language="en", published=date, main_event=event, events=[event], figures=figures)
    return article, record


def read_acled(path: str | Path) -> Iterator[Converted]:
    """Every row of an ACLED export (CSV, gzip or not), converted or with the reason it failed."""
    with open_text(path) as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or "event_date" not in {f.strip().lower() for f in reader.fieldnames}:
            raise RowError(f"{path}: not an ACLED export (no event_date column)")
        for raw in reader:
            line = reader.line_num
            if None in raw:
                yield Converted(line, error="more cells than header columns")
                continue
            row = {k.strip().lower(): v or "" for k, v in raw.items()}
            try:
                article, record = convert(row)
            except (RowError, ValueError) as exc:
                yield Converted(line, error=str(exc).splitlines()[0])
                continue
            yield Converted(line, article, record)
