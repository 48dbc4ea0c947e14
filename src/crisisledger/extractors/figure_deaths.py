"""Deaths that the number-by-number reading of `figures.py` misses.

- Later deaths of the wounded ("one of the wounded succumbed", "wounding another, who died later"):
  a killed figure of group `LATER_GROUP`, which `tolls` adds to the toll and takes off the injured.
- Statistics over a year, a state or a country ("17 children have died statewide this year"), which
  `figures.py` drops like the deaths of an earlier incident.
- A victim told only by a pronoun or as the subject of a passive killing ("beheaded him",
  "The commander was executed"), counted when no other figure gives the dead.
"""

from __future__ import annotations

import re

from crisisledger.extractors.numbers import WORD_VALUES
from crisisledger.model import Figure, FigureKind

LATER_GROUP = "died of wounds"

_N = r"one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3}"
_DIED = r"(?:later\s+|also\s+|subsequently\s+|eventually\s+|then\s+)?(?:succumbed|died)\b"
_LATER = [
    re.compile(rf"\b(?P<n>{_N})\s+of\s+the\s+(?:wounded|injured)\s+(?:\w+\s+){{0,2}}?{_DIED}", re.I),
    re.compile(rf"\bthe\s+(?P<n>{_N})\s+(?:wounded|injured)(?:\s+\w+){{0,2}}?\s+{_DIED}", re.I),
    re.compile(
        rf"\b(?:wounding|wounded|injuring|injured)\s+(?P<n>another|{_N})(?:\s+others?)?\s*[(,]\s*"
        rf"(?:who|with\s+(?:the\s+)?(?:victim|latter))\s+(?:was\s+)?(?:later\s+)?(?:died|dying|succumbed|succumbing)\b",
        re.I,
    ),
    re.compile(  # "8 people were shot, including a teenager, who died"
        r"\b(?:including|among\s+them)\s+(?:an?|one)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+\s*,?\s+who\s+"
        r"(?:was\s+|were\s+)?(?:later\s+|fatally\s+)?(?:killed|died|succumbed|pronounced\s+dead)\b",
        re.I,
    ),
    re.compile(
        rf"\bthe\s+(?:[\w'’-]+\s+){{1,3}}?who\s+(?:was|had\s+been)\s+(?:seriously\s+|critically\s+)?"
        rf"(?:wounded|injured)\s+{_DIED}",
        re.I,
    ),
]


def _value(word: str) -> int:
    w = word.lower()
    return 1 if w == "another" else int(w) if w.isdigit() else WORD_VALUES.get(w, 1)


def exact_figure(
    text: str, start: int, end: int, value: int, group: str | None = None, kind: FigureKind = "killed"
) -> Figure:
    """An exact figure of `value` told by `text[start:end]`."""
    return Figure(
        kind=kind,
        value=value,
        min=value,
        max=value,
        qualifier="exact",
        group=group,
        text=text[start:end],
        start=start,
        end=end,
    )


def later_deaths(text: str) -> list[Figure]:
    """Wounded victims said to have died afterwards, each statement as one figure."""
    out: list[Figure] = []
    for pattern in _LATER:
        for m in pattern.finditer(text):
            if any(f.start <= m.start() < f.end for f in out):
                continue
            value = _value(m.group("n")) if "n" in pattern.groupindex else 1
            out.append(exact_figure(text, m.start(), m.end(), value, LATER_GROUP))
    return out


_PRONOUN_DEATH = re.compile(
    r"\b(?:(?:killed|executed|beheaded|murdered|assassinated|shot\s+dead|lynched|slaughtered)\s+(?:him|her)\b"
    r"|(?:[Tt]he|[Hh]is|[Hh]er)\s+(?!(?:attack|attackers?|assailants?|gunmen|militants|incident|raid|body)\b)"
    r"(?:[\w'’-]+\s+){0,3}?(?:was|were)\s+(?:later\s+|then\s+|reportedly\s+|extrajudicially\s+|"
    r"summarily\s+|subsequently\s+)?(?:executed|beheaded|assassinated|killed|murdered|shot\s+dead|"
    r"found\s+dead|found\s+executed|lynched)\b(?!\s+(?:in|at|on)\s+(?:the\s+)?(?:19|20)\d\d)"
    r"|(?:body|corpse)\s+(?:of\s+\w+\s+)?(?:was|were)\s+(?:later\s+)?(?:found|discovered|recovered))",
)


_UNREAL = re.compile(
    r"\b(?:could|would|might|may|should|must|to|not|never|almost|nearly|threat\w*|tried|trying|attempt\w*|"
    r"wanted|going)\s+(?:\w+\s+){0,2}?(?:have\s+)?$",
    re.I,
)


_COULD_HAVE = re.compile(r"\b(?:could|would|might)\s+(?:\w+\s+)?have\b", re.I)


def pronoun_death(text: str, taken: list[Figure]) -> list[Figure]:
    """One death told by a pronoun or a definite subject, when no figure counts any dead."""
    if any(f.kind == "killed" for f in taken):
        return []
    for m in _PRONOUN_DEATH.finditer(text):
        before = re.split(r"[.!?;]\s", text[max(0, m.start() - 80) : m.start()])[-1]
        if not _UNREAL.search(before[-40:]) and not _COULD_HAVE.search(before):
            return [exact_figure(text, m.start(), m.end(), 1)]
    return []


# "X died Friday after being accidentally shot", "died of a gunshot wound": one victim's death told
# by the verb and the shooting after it, the victim being the subject before "died".
_DIED_AFTER_SHOT = re.compile(
    r"\b(?:died|dies|has\s+died|was\s+pronounced\s+dead)\b(?:[^.;:!?]|\.(?=\s\d)){0,70}?\s+(?:"
    r"after\s+(?:being|having\s+been|he\s+was|she\s+was)\s+(?:\w+\s+)?(?:shot|wounded)\b"
    r"|(?:from|of)\s+(?:an?\s+|his\s+|her\s+|the\s+|multiple\s+|several\s+)?(?:[\w-]+\s+)?gunshot\s+wounds?\b)",
    re.I,
)


def died_after_shot(text: str, taken: list[Figure]) -> list[Figure]:
    """One death told as "died ... after being shot" or "died of a gunshot wound", when no figure
    counts any dead (the victim named by a word the number reader does not know as a person)."""
    if any(f.kind == "killed" for f in taken):
        return []
    for m in _DIED_AFTER_SHOT.finditer(text):
        before = re.split(r"[.!?;]\s", text[max(0, m.start() - 80) : m.start()])[-1]
        if not _UNREAL.search(before[-40:]) and not _COULD_HAVE.search(before):
            return [exact_figure(text, m.start(), m.end(), 1)]
    return []


_ONE_INJURY = re.compile(
    r"\b(?:(?:shot|shoots|shooting|wounded|wounding)\s+(?:himself|herself)\b(?!\s+(?:dead|to\s+death))"
    r"|(?:was|been|being|got|is|were)\s+(?:accidentally\s+|allegedly\s+|reportedly\s+|critically\s+|seriously\s+|"
    r"apparently\s+|also\s+|then\s+)?(?:shot|wounded|grazed|struck\s+by\s+(?:a\s+)?(?:stray\s+)?(?:bullet|gunfire|"
    r"round|shot))\b(?!\s+(?:and\s+killed|dead|to\s+death))"
    r"|\bin\s+(?:critical|serious|stable|fair|good|guarded)(?:\s+but\s+\w+)?\s+condition"
    r"|(?:suffered|sustained|treated\s+for|with)\s+(?:an?\s+|non-)?(?:[\w-]+\s+){0,2}?gunshot\s+wounds?"
    r"|(?:hit|struck)\s+by\s+(?:a\s+)?stray\s+(?:bullet|gunfire|round))",
    re.I,
)


def one_injury(text: str, taken: list[Figure]) -> list[Figure]:
    """One wounded person, when a report tells a shooting victim without any number of dead or
    injured: "accidentally shot himself in the leg", "is in serious condition"."""
    if any(f.kind in ("killed", "injured") and f.value > 0 for f in taken):
        return []
    for m in _ONE_INJURY.finditer(text):
        before = re.split(r"[.!?;]\s", text[max(0, m.start() - 80) : m.start()])[-1]
        if _UNREAL.search(before[-40:]) or _COULD_HAVE.search(before):
            continue
        return [exact_figure(text, m.start(), m.end(), 1, kind="injured")]
    return []


_EARLIER_CLAUSE = re.compile(
    r"\b(?:following|after|in\s+response\s+to|in\s+retaliation\s+for|linked\s+to|in\s+revenge\s+for|"
    r"reprisal\s+for)\s+(?:an?|the)\s+(?:[\w'’-]+\s+){0,3}?(?:incident|attack|clash|clashes|killing|ambush|"
    r"raid|accident|violence|fighting)\s+(?:[\w'’-]+\s+){0,4}?(?:in\s+which|which|that|when)\b"
    r"|\b(?:area|place|village|town|spot)\s+where\b",
    re.I,
)
_PAST_TIME = re.compile(
    r"\b(?:in\s+(?:late|early|mid-?)?\s*(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)(?!\s+\d)|in\s+(?:19|20)\d\d|(?:the\s+)?previous\s+(?:day|week|month|year)|"
    r"last\s+(?:week|month|year)|(?:weeks|months|years)\s+(?:ago|earlier|before))\b",
)
_PAST_VICTIM = re.compile(
    r"\bwho\s+(?:was|were|had\s+been)\s+(?:\w+\s+)?(?:killed|assassinated|murdered)\s+in\s+(?:19|20)\d\d\b"
)


def is_earlier_incident(sentence: str, offset: int) -> bool:
    """Whether a killed figure at `offset` tells the deaths of an earlier incident the sentence
    mentions for context ("following an incident in which two were killed", "the area where two
    women were killed in late April", "a journalist who was assassinated in 1998")."""
    if _PAST_VICTIM.search(sentence, offset, offset + 80):
        return True
    clause = None
    for m in _EARLIER_CLAUSE.finditer(sentence, max(0, offset - 90), offset + 1):
        clause = m
    if clause is None:
        return False
    if clause.group(0).lower().endswith("where"):
        return bool(_PAST_TIME.search(sentence, offset, offset + 120))
    return True


_AGGREGATE = re.compile(
    r"\b(?:(?:so\s+far\s+)?this\s+year|so\s+far\s+in\b|(?:each|every|a|per)\s+year|annually|statewide|nationwide|"
    r"since\s+(?:January|the\s+(?:start|beginning)\s+of|(?:19|20)\d\d)|"
    r"across\s+the\s+(?:country|nation|state|U\.?S\.?)|in\s+the\s+(?:United\s+States|U\.S\.|country|nation)\b(?!['’])|"
    r"across\s+the\s+city|citywide|"
    r"(?:over|in|during)\s+the\s+(?:past|last)\s+(?:[\w-]+\s+){0,2}?(?:years|months|decades?|year)|"
    r"\b(?:in|by|from)\s+(?!(?:the|these|those|both|an?)\b)(?:[\w-]+\s+){0,3}?(?:shootings|gunshots|homicides|murders|slayings)\b(?!\s+wounds?)|"
    r"\b(?:homicide|murder|death)s?\s+(?:total|count|tally)\b)",
    re.I,
)
_LAST_YEAR = re.compile(r"\blast\s+year\b", re.I)
_INCIDENT = re.compile(
    r"\b(?:shooting|gunfight|shootout|attack|incident|stabbing|rampage|massacre|robbery|ambush)\b", re.I
)
_CLAUSE_CUT = re.compile(
    r"[;:]|(?<!\b[A-Z])[.!?]\s|\s[—–]\s|,\s+(?:and|but|while|which|bringing|raising|making|pushing|taking|according)\b|\bbringing\b"
)


def is_aggregate(sentence: str, start: int, end: int) -> bool:
    """Whether a figure of several people at sentence[start:end] is a statistic over a year, a state or a
    country, told in its own clause ("more than 500 people died statewide", "So far this year, 17
    children have died"), or over several incidents ("9 were wounded in weekend shootings", "deaths
    bring the homicide total to 80"), not the count of the incident."""
    cuts = [m.start() for m in _CLAUSE_CUT.finditer(sentence)]
    lo = max((c for c in cuts if c < start), default=0)
    hi = min((c for c in cuts if c >= end), default=len(sentence))
    if _AGGREGATE.search(sentence, lo, hi):
        return True
    if _LAST_YEAR.search(sentence, lo, hi) and not _INCIDENT.search(sentence, lo, hi):
        return True  # "62 officers were killed last year"; not "a shooting last year left four wounded"
    # "Four people were killed, and eight were wounded in shootings from Friday to Sunday": a count
    # joined to the next by ", and" shares its closing phrase, unless its own clause tells its event.
    if _NEXT_COUNT.match(sentence, hi) and not _OWN_EVENT.search(sentence, lo, hi):
        nxt = min((c for c in cuts if c > hi), default=len(sentence))
        return _AGGREGATE.search(sentence, hi, nxt) is not None
    return False


_NEXT_COUNT = re.compile(
    rf",\s+and\s+(?:(?:at\s+least|more\s+than|another)\s+)?(?:{_N}|eleven|twelve|\d+|dozens)\b", re.I
)
_OWN_EVENT = re.compile(
    r"\b(?:in|at|during|after)\s+(?:an?|the|one|a\s+single)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:shooting|attack|incident|stabbing|crash|fire|explosion|blast|shootout)\b",
    re.I,
)
