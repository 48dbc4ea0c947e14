"""A table of frequent ACLED actor names, learned from the training ACLED rows (names only).

Each entry is an actor name as ACLED spells it ("JNIM: Group for Support of Islam and Muslims"),
the short form news and notes use for it ("JNIM"), and the country where it acts. An entry is
kept when the actor has enough rows and its short form appears in most of its rows' notes, or when
it is a communal militia ("Hawiye-Hawadle Sub-Clan Militia"), whose full lineage notes rarely spell
out (see `communal_parts`). The table holds names and countries (facts), no note text. Built by
`build_actor_table` and shipped as `data/acled_actors.tsv`; `load_actor_table` reads it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from crisisledger.extractors.acled_csv import AcledRow

TABLE_PATH = Path(__file__).resolve().parents[1] / "data" / "acled_actors.tsv"
# Generic ACLED actor labels that are built from rules (see actors.py), never looked up.
_GENERIC = re.compile(
    r"^(?:Protesters|Rioters|Civilians|Unidentified|Police Forces|Military Forces|Government of|"
    r"Sole Perpetrator|NA$|Militia \(Pro-Government\))"
)
_SHORT_SPLIT = re.compile(r":| \(| - ")
# "Hawiye-Hawadle Sub-Clan Militia", "Murle Ethnic Militia", "Lotuko Ethnic Milita" (sic, ACLED's spelling)
_COMMUNAL = re.compile(r"^(.+?) (?:Sub-Clan|Clan|Ethnic|Communal) Milit")


@dataclass(frozen=True)
class ActorName:
    name: str
    short: str
    country: str


_UNIT = re.compile(r"^(?:Military|Police) Forces of .*\) (\w.{5,})$")


def short_form(name: str) -> str:
    """The part of an ACLED actor name a text would use: before ':', ' (' or ' - ', or the unit
    named after a state force ("… (2022-) Puntland Dervish Force" → "Puntland Dervish Force")."""
    if unit := _UNIT.match(name):
        return unit.group(1).strip()
    return _SHORT_SPLIT.split(name, maxsplit=1)[0].strip()


def communal_parts(name: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """The community words of a communal militia's name and those of its last, narrowest branch
    ("Hawiye-Habar Gedir-Ayr Sub-Clan Militia" → {Hawiye, Habar, Gedir, Ayr}, {Ayr}); None for others."""
    m = _COMMUNAL.match(name)
    if not m or _GENERIC.match(name):
        return None
    lineage = m.group(1)
    return frozenset(re.split(r"[- ]", lineage)), frozenset(lineage.rsplit("-", 1)[-1].split(" "))


def build_actor_table(
    rows: Iterable[AcledRow], min_rows: int = 15, min_share: float = 0.5, min_communal_rows: int = 5
) -> list[ActorName]:
    """Actors with >= `min_rows` rows whose short form occurs in >= `min_share` of their notes, and
    communal militias with >= `min_communal_rows` rows (combined actors, "A and/or B", are built by
    rules from the notes' "A or B")."""
    rows_of: Counter[str] = Counter()
    named: Counter[str] = Counter()
    countries: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        for actor in {row.actor1, row.actor2} - {""}:
            if (_GENERIC.match(actor) and not _UNIT.match(actor)) or " and/or " in actor:  # rules build these
                continue
            short = short_form(actor)
            rows_of[actor] += 1
            countries[actor][row.country] += 1
            if len(short) >= 3 and short.lower() in row.notes.lower():
                named[actor] += 1
    table: dict[tuple[str, str], ActorName] = {}  # the most frequent actor of each short form and country
    for actor, n in rows_of.most_common():
        frequent = n >= min_rows and named[actor] >= min_share * n
        if frequent or (n >= min_communal_rows and communal_parts(actor)):
            entry = ActorName(actor, short_form(actor), countries[actor].most_common(1)[0][0])
            table.setdefault((entry.short.lower(), entry.country), entry)
    return sorted(table.values(), key=lambda a: (a.country, -len(a.short), a.name))


def write_actor_table(table: list[ActorName], path: Path = TABLE_PATH) -> None:
    """Write the table as TSV (name, short form, country)."""
    lines = ["name\tshort\tcountry"] + [f"{a.name}\t{a.short}\t{a.country}" for a in table]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@lru_cache(maxsize=1)
def load_actor_table(path: Path = TABLE_PATH) -> tuple[ActorName, ...]:
    """The shipped table (empty when the file is absent)."""
    if not path.is_file():
        return ()
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    return tuple(ActorName(*line.split("\t")) for line in lines if line.count("\t") == 2)


@lru_cache(maxsize=64)
def communal_militias(country: str) -> tuple[tuple[str, frozenset[str], frozenset[str]], ...]:
    """The shipped table's communal militias of `country`: (name, community words, narrowest branch)."""
    return tuple(
        (entry.name, *parts)
        for entry in load_actor_table()
        if entry.country == country and (parts := communal_parts(entry.name))
    )


@lru_cache(maxsize=1024)
def short_pattern(short: str) -> re.Pattern[str]:
    """A whole-word pattern for a short form, also in the plural ("Puntland Dervish Forces");
    acronyms (all capitals) match case-sensitively."""
    flags = 0 if short.isupper() else re.IGNORECASE
    return re.compile(rf"(?<!\w){re.escape(short)}s?(?!\w)", flags)
