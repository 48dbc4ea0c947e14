"""The data model: every record crisisledger reads or writes, as pydantic models.

The shapes follow `CONTRACT.md` (the `crisisledger extract` interface). Fields may be
added here; none of the contract's fields may be renamed or dropped.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

FigureKind = Literal["killed", "injured", "arrested", "missing", "kidnapped", "displaced", "affected"]
Qualifier = Literal["exact", "at_least", "more_than", "about", "almost", "at_most", "range", "unknown"]
DatePrecision = Literal["day", "week", "month", "year"]
LocationPrecision = Literal["point", "city", "admin2", "admin1", "country"]
ActorRole = Literal["actor1", "actor2", "associated"]
BlackoutStatus = Literal["started", "ongoing", "restored", "throttled", "services_blocked"]

FIGURE_KINDS: tuple[FigureKind, ...] = (
    "killed",
    "injured",
    "arrested",
    "missing",
    "kidnapped",
    "displaced",
    "affected",
)

# ACLED's event types and sub-event types, plus the contract's extra crisis categories.
EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
        "Diplomatic event",
        "Claim of responsibility",
    ),
    "Disasters": ("Natural disaster", "Man-made disaster"),
    "Crime": ("Organized crime",),
}
SUB_EVENT_TYPES: dict[str, str] = {sub: typ for typ, subs in EVENT_TYPES.items() for sub in subs}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Article(_Model):
    """One report as read from a source, before any NLP."""

    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None


class Span(_Model):
    start: int
    end: int
    in_title: bool = False  # offsets into the title: the event was read from a page's headline


class Location(_Model):
    name: str
    country: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: LocationPrecision = "city"
    geonames_id: int | None = None


class Actor(_Model):
    name: str
    role: ActorRole = "actor1"


class Figure(_Model):
    """One reported number of people, with its bounds and sources."""

    kind: FigureKind
    value: int
    min: int | None = None
    max: int | None = None
    qualifier: Qualifier = "exact"
    group: str | None = None
    location: str | None = None
    date: dt.date | None = None
    attributed_to: str | None = None
    reported_by: str | None = None
    text: str
    start: int
    end: int
    in_title: bool = False  # start/end are offsets into the title, not the text (see `pipeline`)


class Event(_Model):
    event_type: str
    sub_event_type: str
    date: dt.date | None = None
    date_precision: DatePrecision = "day"
    location: Location | None = None
    actors: list[Actor] = Field(default_factory=list)
    fatalities: int = 0
    injured: int | None = None
    arrested: int | None = None
    figures: list[int] = Field(default_factory=list)
    evidence: Span
    confidence: float | None = None


class Claim(_Model):
    speaker: str
    statement: str
    quote: str | None = None
    reported_by: str | None = None
    start: int
    end: int


class Blackout(_Model):
    country_code: str | None = None
    area: str | None = None
    status: BlackoutStatus = "ongoing"
    start: dt.date | None = None
    end: dt.date | None = None
    duration_hours: float | None = None
    services: list[str] = Field(default_factory=list)
    reported_by: str | None = None
    observers: list[str] = Field(default_factory=list)  # every monitor named: NetBlocks, Kentik, …
    ordered_by: str | None = None
    start_char: int
    end_char: int


class ErrorInfo(_Model):
    code: str
    message: str


class Record(_Model):
    """What `crisisledger extract` writes for one article."""

    id: str
    language: str | None = None
    published: dt.date | None = None
    main_event: Event | None = None
    events: list[Event] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    blackouts: list[Blackout] = Field(default_factory=list)
    error: ErrorInfo | None = None
