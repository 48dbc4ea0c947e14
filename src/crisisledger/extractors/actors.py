"""Actors of an event, named the way ACLED names them ("Rioters (Kazakhstan)",
"Police Forces of Kazakhstan", "Taliban")."""

from __future__ import annotations

import re

from crisisledger.model import Actor, ActorRole

# Named armed groups as ACLED spells them, with the words news uses for them.
NAMED_GROUPS: dict[str, tuple[str, ...]] = {
    "Taliban": (r"taliban",),
    "Al Shabaab": (r"al[- ]?shabaa?b",),
    "Islamic State (Iraq)": (r"islamic state(?= in iraq)", r"isis(?= in iraq)"),
    "Islamic State": (r"islamic state", r"\bisis\b", r"\bisil\b", r"daesh"),
    "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad": (r"boko haram",),
    "JNIM: Jama'at Nasr al-Islam wal Muslimin": (r"\bjnim\b", r"jama'?at nusrat al-islam"),
    "Houthi Movement": (r"houthis?",),
    "Hayat Tahrir al-Sham": (r"hayat tahrir al-sham", r"\bhts\b"),
    "SDF: Syrian Democratic Forces": (r"syrian democratic forces", r"\bsdf\b"),
    "PKK: Kurdistan Workers' Party": (r"\bpkk\b", r"kurdistan workers"),
    "Hamas Movement": (r"\bhamas\b",),
    "Hezbollah": (r"hezbollah", r"hizbollah"),
    "Al Qaeda": (r"al[- ]qaeda", r"al[- ]qaida"),
    "RSF: Rapid Support Forces": (r"rapid support forces", r"\brsf\b"),
    "M23: March 23 Movement": (r"\bm23\b",),
    "Fano Militia": (r"\bfano\b",),
    "Anti-Balaka": (r"anti-?balaka",),
    "Seleka Militia": (r"seleka",),
    "AQIM: Al Qaeda in the Islamic Maghreb": (r"\baqim\b",),
    "Al Mourabitoune": (r"mourabitoune",),
    "Arakan Army": (r"arakan army",),
    "PDF: People's Defense Force": (r"people'?s defen[cs]e force", r"\bpdf\b"),
    "Military Forces of Myanmar (2021-)": (r"\bjunta\b", r"tatmadaw"),
}
_GROUP_PATTERNS = [(name, re.compile("|".join(pats), re.IGNORECASE)) for name, pats in NAMED_GROUPS.items()]

_POLICE = re.compile(r"\bpolice|\bgendarm|security forces|national guard|riot police|law enforcement", re.I)
_MILITARY = re.compile(r"\b(?:army|military|soldiers?|troops|armed forces|air force)\b", re.I)
_CIVILIANS = re.compile(
    r"\b(?:civilians?|villagers?|residents?|children|women|farmers?|students?|worshippers)\b", re.I
)
_ARMED = re.compile(
    r"\b(?:gunm[ae]n|militants?|armed men|assailants?|attackers?|insurgents?|bandits?|rebels?)\b", re.I
)

_DEFAULT_ACTOR1 = {
    "Protests": "Protesters",
    "Riots": "Rioters",
}


def _with_country(label: str, country: str | None) -> str:
    return f"{label} ({country})" if country else label


def _forces(kind: str, country: str | None) -> str:
    return f"{kind} Forces of {country}" if country else f"{kind} Forces"


def find_actors(text: str, event_type: str, sub_event_type: str, country: str | None) -> list[Actor]:
    """Actors for an event told in `text`, most likely initiator first."""
    names: list[str] = [name for name, pattern in _GROUP_PATTERNS if pattern.search(text)]
    if event_type in _DEFAULT_ACTOR1:
        names.insert(0, _with_country(_DEFAULT_ACTOR1[event_type], country))
    if _POLICE.search(text):
        names.append(_forces("Police", country))
    if _MILITARY.search(text):
        names.append(_forces("Military", country))
    if event_type in ("Violence against civilians", "Explosions/Remote violence", "Battles"):
        if not names and _ARMED.search(text):
            names.append(_with_country("Unidentified Armed Group", country))
        if event_type == "Violence against civilians" and (names or _CIVILIANS.search(text)):
            names.append(_with_country("Civilians", country))
    if event_type == "Disasters" or sub_event_type in ("Diplomatic event",):
        names = [n for n in names if "Forces" not in n]
    unique = list(dict.fromkeys(names))
    roles: tuple[ActorRole, ...] = ("actor1", "actor2")
    return [Actor(name=n, role=roles[i] if i < 2 else "associated") for i, n in enumerate(unique)]
