"""Victims a headline tells in its own clipped style, without the article or number the text would use.

Headlines drop articles and auxiliaries and use the present tense: "Man, 21, killed in crash",
"Teen shot, killed outside house", "Boy dies after accidental shooting", "Woman accidentally shoots
friend", "Toddler fatally shoots himself". The number reader of `figures.py` needs a determiner or a
number for a victim ("a man was killed"), so it reads none of these. Each pattern here gives one
victim, killed or injured; `headline_figures` adds those no figure of the title covers already.
"""

from __future__ import annotations

import re

from crisisledger.model import Figure, FigureKind

_PERSON = (
    r"(?:man|woman|boy|girl|child|teen|teenager|toddler|infant|baby|student|officer|deputy|trooper|"
    r"father|mother|dad|mom|son|daughter|brother|sister|husband|wife|girlfriend|boyfriend|grandmother|"
    r"grandfather|suspect|victim|person|hunter|driver|resident|bystander|clerk|cashier|homeowner|"
    r"motorist|pedestrian|worker|employee|friend|neighbou?r|(?:\d{1,3}|[a-z]+)[-\s](?:year|month|week)[-\s]old)"
)
# The subject: up to three words before the person noun ("Boyle County man", "Year-old boy"), an
# age after it ("Man, 21,", "Boy, 8,"), at the headline's start or after a colon, dash or "and".
_SUBJECT = (
    r"(?:^|:\s+|\s[-–—|]\s+|,\s+|\band\s+)(?P<who>(?:[\w'’.-]+\s+){0,3}?" + _PERSON + r")"
    r"(?:\s*,\s*\d{1,3}\s*,?)?\s+"
)
_DEATH = (
    r"shot\s*(?:,|and)\s*killed|shot\s+dead|shot\s+to\s+death|killed|dies|died|dead|slain|murdered|"
    r"fatally\s+shot"
)
_HARM = (
    r"shot|wounded|injured|hurt|hospitali[sz]ed|in\s+critical\s+condition|critical|"
    r"suffers\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:gunshot|bullet|stab)\s+wounds?"
)
# "Victim of Friday night shooting died", "Man in Elm Street shooting dies": the event between.
_OF_EVENT = r"(?:(?:of|in)\s+(?:[\w'’.-]+\s+){0,4}?(?:shooting|stabbing|attack|gunfire)\s+)?"
_PASSIVE = re.compile(
    _SUBJECT + _OF_EVENT + r"(?:is\s+|was\s+|gets\s+|got\s+|found\s+|reported\s+|left\s+)?"
    r"(?:accidentally\s+|fatally\s+|critically\s+|seriously\s+|badly\s+|mortally\s+|apparently\s+)?"
    rf"(?P<cue>(?P<death>{_DEATH})\b|(?:{_HARM})\b(?!\s+at\b))",
    re.I,
)
# "Woman accidentally shoots friend", "Boy fatally shoots himself", "Child shoots, kills self".
_ACTIVE = re.compile(
    _SUBJECT + r"(?:accidentally\s+|allegedly\s+)?"
    r"(?P<cue>(?P<death>fatally\s+shoots|kills|shoots\s*(?:,|and)\s*kills)|shoots|wounds|injures|stabs|"
    r"shot(?=\s+(?:himself|herself|self)\b))"
    r"\s+(?!at\b|up\b|off\b|out\b|down\b|into\b|through\b|back\b|video\b|film\b)[\w'’-]",
    re.I,
)
# A death told by a noun or an active verb, with its victim: "Child's shooting death", "mourns death
# of son", "Suspects in killing of Arkansas boy", "Shot that killed girl, 14"; or only by the kind of
# event: "deadly shooting", "fatal stabbing" (at least one dead).
_TOLD_DEATH = re.compile(
    r"\b(?P<who>" + _PERSON + r"|[A-Z][a-z]+)['’]s\s+(?:(?:shooting|stabbing|accidental|"
    r"fatal|tragic|untimely)\s+)?(?P<cue>death)\b(?!\s+(?:toll|rate|penalty|row|threats?|sentence)\b)"
    r"|(?P<cue2>death|killing|slaying|murder|homicide)\s+of\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?"
    r"(?P<who2>(?:[\w'’.-]+\s+){0,3}?" + _PERSON + r")\b"
    r"|\b(?P<cue3>killed|kills)\s+(?P<who3>(?:an?\s+|his\s+|her\s+|their\s+)?(?:[\w'’.-]+\s+){0,3}?"
    + _PERSON
    + r")\b",
    re.I,
)
# "Arrest in accidental shooting of Elm Street boy", "shooting of child, father": one wounded each.
_SHOT_VICTIM = re.compile(
    r"\bshooting\s+of\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?(?P<who>(?:[\w'’.-]+\s+){0,3}?"
    + _PERSON
    + r")\b(?:(?:\s*,\s*|\s+and\s+)(?:an?\s+|the\s+|his\s+|her\s+)?(?P<who2>"
    + _PERSON
    + r")\b)?",
    re.I,
)
_FATAL_EVENT = re.compile(
    r"\b(?:fatal|deadly)\s+(?:[\w'’-]+\s+){0,2}?(?:shooting|stabbing|shootout|shoot-out|attack|gunfire|"
    r"incident)\b|(?<!attempted\s)(?<!double\s)(?<!triple\s)(?<!double-)(?<!triple-)\b(?:homicide|murder)\b(?!s)",
    re.I,
)
_LATER_DEATH = re.compile(r"\b(?:dies|died|dead|killed|fatal(?:ly)?)\b", re.I)
_CLAUSE_END = re.compile(r";|:|\s[-–—|]\s")


def _figure(title: str, start: int, end: int, kind: FigureKind, value: int = 1) -> Figure:
    return Figure(kind=kind, value=value, min=value, max=value, text=title[start:end], start=start, end=end)


def _died_later(title: str, end: int, stop: int) -> bool:
    """'Man shot by deputy dies': a death told later in the same clause of the headline."""
    clause = _CLAUSE_END.search(title, end)
    return bool(_LATER_DEATH.search(title, end, min(stop, clause.start() if clause else len(title))))


def headline_figures(title: str, taken: list[Figure]) -> list[Figure]:
    """The victims `title` tells in headline style that no figure in `taken` covers already."""
    found: list[tuple[int, int, FigureKind, int]] = []
    for pattern in (_PASSIVE, _ACTIVE):
        matches = list(pattern.finditer(title))
        for i, m in enumerate(matches):
            stop = matches[i + 1].start() if i + 1 < len(matches) else len(title)
            dead = m.group("death") is not None or _died_later(title, m.end(), stop)
            found.append((m.start("who"), m.end("cue"), "killed" if dead else "injured", 1))
    for m in _TOLD_DEATH.finditer(title):
        found.append((m.start(), m.end(), "killed", 1))
    for m in _SHOT_VICTIM.finditer(title):
        fatal = re.search(
            r"\b(?:fatal|deadly)\s+(?:\w+\s+)?$", title[max(0, m.start() - 25) : m.start()], re.I
        )
        found.append((m.start(), m.end(), "killed" if fatal else "injured", 2 if m.group("who2") else 1))
    out: list[Figure] = []
    for start, end, kind, value in sorted(found):
        if any(f.start < end and start < f.end and not _replaced(f, kind) for f in [*taken, *out]):
            continue
        out.append(_figure(title, start, end, kind, value))
    if not any(f.kind == "killed" for f in [*taken, *out]):
        fatal = _FATAL_EVENT.search(title)
        if fatal:
            out.append(_figure(title, fatal.start(), fatal.end(), "killed"))
    return out


def _replaced(figure: Figure, kind: FigureKind) -> bool:
    """An injury read from the words that a headline pattern reads as a death ("fatally shoots himself")."""
    return kind == "killed" and figure.kind == "injured" and figure.value == 1


def with_headline_figures(title: str, figures: list[Figure]) -> list[Figure]:
    """The figures of a headline with its headline-style victims added: an injury of one read from
    words that tell a death ("Boy fatally shoots himself") gives way to that death."""
    added = headline_figures(title, figures)
    deaths = [f for f in added if f.kind == "killed"]
    kept = [f for f in figures if not any(_replaced(f, "killed") and _overlap(f, d) for d in deaths)]
    return sorted(kept + added, key=lambda f: f.start)


def _overlap(a: Figure, b: Figure) -> bool:
    return a.start < b.end and b.start < a.end
