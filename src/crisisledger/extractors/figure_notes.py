"""Figures that `figures.py`'s number-by-number reading misses or must not count.

- Coder statements: a note that says how its toll is coded ("fatalities coded as 3", "split across
  2 events (5)", "10 fatalities split over 2 events", "4 fatalities for this event", "no fatality coded
  to this event") gives the figure for this event; `tolls` prefers it. A share stated for this event
  wins over a split; a split told after "coded as N" in the same sentence reports a source, not the
  coding. A split without a stated share divides the note's total (a coded one too), rounding half up.
- Vague counts of the dead ("several were killed", "killing many", "'some' militants dead", "several
  deaths" when no number is given): ACLED codes them as 10 before 2017 and as 3 since (measured on
  training rows of its coded data).
- One victim named by any noun after a killing verb ("militants assassinated a municipal councillor")
  or before a passive one ("An aid worker was killed").
- A death told without a number when nothing else counts the dead ("he died", "Smith died at the
  hospital", "the death of a 4-year-old"), and the dead of a "double homicide" or "triple murder".
- Links to other stories ("RELATED: Man killed in ...", a trailing "More stories you may like" block)
  tell other incidents: `related_spans` marks them and figures.py drops the figures inside.
- A death that is the cause of a protest or reprisal ("protest over the killing of a student") is not
  a casualty of the event the sentence reports: `is_cause_of_protest` tells figures.py to drop it.
- A party's claim of the dead it caused ("the group claimed to have killed 19 soldiers", "X said it
  killed 15", "disputed claims that 17 were killed"): `party_claims` marks the killed figures told in
  such a clause, which a note's toll leaves out when a figure in another sentence counts the same
  side's dead (a claim of the other side's dead adds to the toll, as ACLED codes it).
- Another source's count ("one source says 11 were killed", "(some reports say around 30)", "other
  sources claimed as many as 19 fatalities"): `alternate_counts` marks the killed figures told in such
  a clause, which a note's toll leaves out when a figure outside them counts the dead (ACLED codes the
  lowest credible count, which the note states first).
"""

from __future__ import annotations

import datetime as dt
import re

from crisisledger.extractors.numbers import WORD_VALUES, find_numbers
from crisisledger.model import Figure, FigureKind

SHORT_REPORT_CHARS = 1200  # a report this short (a coder's note, a brief) tells one incident
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DAY_WORD = r"(?:two|three|four|five|six|seven|eight|nine|ten|\d)"
CODED_MARK = re.compile(
    r"^(?:coded|split|spread|distributed|divided|between)\b|^.*\bthis\s+(?:event|incident)$|^leaving\b", re.I
)

_DEATH_WORD = re.compile(r"fatalit|death|dead|kill|casualt|died|lives", re.I)
_CODED = re.compile(r"\bcoded\s+(?:here\s+)?(?:as|is|at)\s+\(?(?P<n>\d+)\b(?!\s*(?:km|%|[-/]))", re.I)
_SPLIT = re.compile(
    r"\b(?:(?:split|spread|distributed|divided|coded)\s+(?:evenly\s+|equally\s+)?"
    r"(?:across|over|between|among|into)\s+"
    r"(?:(?P<parts>\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:separate\s+)?|the\s+|)"
    r"(?:events|locations|days|incidents|areas|places|districts|villages)\b"
    r"|(?:killed|dead|fatalities|deaths)\s+(?:\w+\s+){0,2}?between\s+this\s+(?:event|incident)\s+and\s+"
    r"(?P<other>another|the\s+other|one))"
    r"(?:\s*\((?P<share>\d+)\))?",
    re.I,
)
# "4 fatalities for this event", "Total 3 fatalities (2 confirmed and 1 split) coded to this event",
# "No fatality coded to this event", "leaving 6 for <place>".
_THIS_EVENT = re.compile(
    r"\b(?:(?P<no>[Nn]o)|(?P<n>\d+))\s+(?:confirmed\s+|split\s+|remaining\s+)?(?:fatalit(?:y|ies)|deaths?)\s+"
    r"(?:\([^()]{0,80}\)\s+)?(?:(?:are|is|have\s+been|has\s+been|were|was)\s+)?(?:coded\s+)?(?:for|to)\s+"
    r"this\s+(?:event|incident)"
    r"|\bleaving\s+(?P<left>\d+)(?=\s+(?:fatalities\s+)?(?:for|in|at)\b)",
)
_CODED_EVENTS = re.compile(
    r"\b(?:coded\s+as|across|into)\s+(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:separate\s+)?events\b",
    re.I,
)
_PLACE_LIST = re.compile(
    r"\b(?:villages|towns|areas|localities|locations)\s+of\s+(?P<list>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"
    r"(?:\s*,\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)*\s*,?\s+and\s+[A-Z])"
)
_VAGUE = re.compile(
    r"(?:\b|['‘])(?<!so\s)(?<!how\s)(?<!too\s)(?<!as\s)(?:['‘]?(?P<pre>several|many|multiple|numerous|a\s+number['’]?\s+of|scores\s+of|(?<=['‘])some|"
    r"(?<=['‘])heavy)['’]?\s+(?:[\w'’\[\]-]+\s+){0,4}?(?:were\s+|was\s+|are\s+|have\s+been\s+|had\s+been\s+)?"
    r"(?:reportedly\s+|also\s+)?(?:killed|dead|died|perished|slain|(?P<noun>deaths|fatalities))\b"
    r"|(?:killed|killing|kill|kills)\s+['‘]?(?P<post>several|many|multiple|numerous|a\s+number\s+of)\b)",
    re.I,
)
VAGUE_CHANGE = dt.date(2017, 1, 1)
# Words inside a vague phrase that show it counts something else than the dead: wounds, shots, a year.
_NOT_VAGUE_DEAD = re.compile(r"\n|\b(?:wound\w*|injur\w*|gunshots?|shots|times|rounds|year['’]?s?)\b", re.I)
_KILL_VERB = (
    r"killed|killing|kills|kill|assassinated|assassinating|assassinate|executed|executing|lynched|"
    r"lynched\s+to\s+death|beheaded|beheading|behead|beheads|decapitated|decapitating|decapitate|decapitates|"
    r"murdered|murdering|shot\s+dead|shot\s+and\s+killed|gunned\s+down|"
    r"stabbed\s+to\s+death|hacked\s+to\s+death|beat\s+to\s+death|beaten\s+to\s+death|slit\s+the\s+throat\s+of|"
    r"claimed\s+the\s+(?:life|lives)\s+of"
)
_AGE = r"(?:\d{1,2}|[a-z]+(?:-[a-z]+)?)-(?:year|month|week)-old"
_PHRASE = r"(?P<np>(?:[\w'’-]+\s+){0,4}?(?P<noun>[a-z][\w'’-]*))"
_ACTIVE_ONE = re.compile(
    rf"\b(?:{_KILL_VERB})\s+(?P<det>an?|one|the|his|her|their|{_AGE})\s+{_PHRASE}(?=\s*(?:[,.;(]|$|\s(?:in|at|on|near|from|of|who|"
    rf"and|after|before|during|while|with|by|as|for|belonging)\b))",
    re.I,
)
_PASSIVE_ONE = re.compile(
    rf"(?:^|[.;,]\s+|\b(?:and|when|where)\s+)(?P<det>An?|One|an?|one|The|His|Her)\s+{_PHRASE}\s+"
    r"(?:(?:was|got)\s+(?:also\s+|reportedly\s+|later\s+)?|reportedly\s+)?"
    r"(?P<cue>killed|assassinated|lynched|beheaded|executed|murdered|shot\s+dead|gunned\s+down|"
    r"found\s+dead|died|(?:stabbed|beaten|hacked|burned)\s+to\s+death|burned\s+alive)\b(?!\s+(?:\d|an?\s|the\s|two|three|four|five|six|seven|eight|nine|ten))"
)
# The victim between the verb and "to death": "stabbed a soldier to death", "beat one of the guards to death".
_OBJECT_TO_DEATH = re.compile(
    r"\b(?:stabbed|stabbing|beat|beaten|beating|hacked|hacking|burned|burning|burnt|clubbed|clubbing|stoned|"
    r"stoning|tortured|torturing|shot|shooting|strangled|strangling)\s+(?P<det>an?|one|the|his|her)\s+"
    r"(?P<np>(?:[\w'’-]+\s+){0,4}?(?P<noun>[a-z][\w'’-]*))\s+to\s+death\b",
    re.I,
)
# "abducted two men and executed one", "killing one": one victim told by "one" alone.
_ONE_ALONE = re.compile(
    r"\b(?:killed|killing|executed|executing|murdered|shot\s+dead)\s+(?P<det>one)(?=\s*[,.;]|\s+(?:and|of\s+them)\b)",
    re.I,
)
_NOT_PEOPLE = re.compile(
    r"^(?:cows?|cattle|goats?|sheep|camels?|donkeys?|horses?|animals?|dogs?|vehicles?|cars?|trucks?|"
    r"motorbikes?|bus|plane|drone|number|total|attack|bomb|blast|mine|landmine|explosion|ied|time|day|"
    r"week|month|year|lot|few|bit|part|way|idea|deal|plan|view|case|matter|rumou?r|report|statement|"
    r"incident|operation|raid|strike|clash|fight|battle|shooting|man's|woman's|one)$",
    re.I,
)
_PROTEST = re.compile(
    r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ied|ies)|(?-i:march(?:ed|es)?)|sit-in|human\s+chain|vigil|"
    r"gathered|picket\w*|vandali[sz]\w*|in\s+reaction\s+to|in\s+retaliation|reprisal|revenge|coded\s+separately|"
    r"prior\s+clashes)\b",
    re.I,
)
_CAUSE = re.compile(
    r"\b(?:(?:over|following|after|against|protesting|for|of|about|to|demanding\s+\w+\s+for|justice\s+for)\s+"
    r"(?:the\s+)?(?:alleged\s+|recent\s+|brutal\s+|prior\s+|earlier\s+)?(?:death|deaths|killing|killings|murder|"
    r"murders|lynching|assassination)\s+of|justice\s+for"
    # the last of the causes a protest lists: "against police brutality and the death of"
    r"|against\s+[^.;()]{0,60}?(?:,\s*|\s)and\s+(?:the\s+)?(?:alleged\s+|recent\s+)?(?:death|deaths|killing|"
    r"killings|murder|murders)\s+of)\b",
    re.I,
)
# Mourners protesting a death, not a vigil's ("friends of a boy killed on Friday held a vigil").
_KIN_PROTEST = re.compile(
    r"\b(?:relatives|family|families|parents|friends|colleagues)\s+of\b[^.;]{0,150}?\b(?:protest\w*|demonstrat\w*|"
    r"rall(?:y|ied|ies)|(?-i:march(?:ed|es)?)|sit-in|human\s+chain|blockad\w*)\b",
    re.I,
)


def _figure(
    text: str, start: int, end: int, value: int, qualifier: str = "exact", kind: FigureKind = "killed"
) -> Figure:
    exact = qualifier == "exact"
    return Figure(
        kind=kind,
        value=value,
        min=value if qualifier in ("exact", "at_least") else None,
        max=value if exact else None,
        qualifier="exact" if exact else "at_least" if qualifier == "at_least" else "unknown",
        text=text[start:end],
        start=start,
        end=end,
    )


def _parts(word: str) -> int:
    return int(word) if word.isdigit() else WORD_VALUES[word.lower()]


def _split_parts(text: str, m: re.Match[str]) -> int:
    """Into how many events a split toll goes: stated, or the events or places the note names, or 2."""
    if m.group("parts"):
        return _parts(m.group("parts"))
    if m.group("other"):
        return 2
    events = _CODED_EVENTS.search(text)
    if events:
        return _parts(events.group("n"))
    places = _PLACE_LIST.search(text)
    if places:
        return len(re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", places.group("list")))
    return 2


def coded_figures(text: str, figures: list[Figure]) -> list[Figure]:
    """The coder's own statements of this event's toll, each as a killed figure over its phrase."""
    from crisisledger.extractors.tolls import conservative_total

    own = [
        _figure(text, m.start(), m.end(), 0 if m.group("no") else int(m.group("n") or m.group("left")))
        for m in _THIS_EVENT.finditer(text)
    ]
    if own:
        return own
    out: list[Figure] = []
    for m in _CODED.finditer(text):
        window = text[max(0, m.start() - 100) : m.start()]
        window = re.split(r"(?<=[.!?])\s+(?=[A-Z])", window)[-1]
        if _DEATH_WORD.search(window) or _DEATH_WORD.search(text[m.end() : m.end() + 25]):
            out.append(_figure(text, m.start(), m.end("n"), int(m.group("n"))))
    for m in _SPLIT.finditer(text):
        if any(f.start <= m.start() < f.end or m.start() <= f.start < m.end() for f in out):
            continue
        if any(f.end <= m.start() and ". " not in text[f.end : m.start()] for f in out):
            continue  # "coded as 0 (VoJ reported 13 fatalities split across two events)"
        if m.group("share"):
            out.append(_figure(text, m.start(), m.end(), int(m.group("share"))))
            continue
        before = [f for f in figures + out if f.kind == "killed" and f.start < m.start() and f.value > 0]
        opening = text.rfind(". ", 0, m.start()) + 1
        near = [f for f in before if f.start >= opening]
        total = near[-1].value if near else conservative_total(before)
        parts = _split_parts(text, m)
        start = text.index("between", m.start()) if m.group("other") else m.start()
        if total:
            share = (2 * total + parts) // (2 * parts)
            out.append(_figure(text, start, m.end(), share))
    return out


# Days a note's toll spans: "between 7-10 July", "between 11 and 18 May", "over Dec.11-12", "a two-day
# clash", "over the past 3 days". ACLED codes one event a day: before 2019, such a note's toll is
# divided over the days (measured on training rows; later notes state their split).
_DAY_RANGE = re.compile(
    rf"\b(?:between|over|from)\s+(?:the\s+)?(?:{_MONTH}\s*)?(?P<a>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|and|to|&)\s*"
    rf"(?P<b>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:{_MONTH}|\(|,|\.)"
    rf"|\b(?:between|over|from)\s+(?:the\s+)?(?:{_MONTH}\s*)(?P<a2>\d{{1,2}})\s*(?:-|–|and|to|&)\s*(?P<b2>\d{{1,2}})\b"
    rf"|\b(?P<w>{_DAY_WORD})[-\s]day\b|\b(?:over|in)\s+(?:the\s+)?(?:past\s+|last\s+)?(?P<w2>{_DAY_WORD})\s+days\b",
    re.I,
)
DAY_SPLIT_UNTIL = dt.date(2019, 1, 1)
MAX_SPLIT_DAYS = 10


def _days(m: re.Match[str]) -> int:
    a, b = m.group("a") or m.group("a2"), m.group("b") or m.group("b2")
    if a and b:
        return int(b) - int(a) + 1
    return _parts(m.group("w") or m.group("w2"))


def day_split(text: str, published: dt.date | None, figures: list[Figure]) -> int | None:
    """An old note's toll over a span of days, divided over the days (rounding half up): the day's
    share that replaces the toll; None when the note states its own coding or the toll is smaller
    than the number of days."""
    from crisisledger.extractors.tolls import conservative_total

    if published is None or published >= DAY_SPLIT_UNTIL or any(CODED_MARK.match(f.text) for f in figures):
        return None
    spans = list(_DAY_RANGE.finditer(text))
    if len(spans) != 1:
        return None
    days = _days(spans[0])
    total = conservative_total([f for f in figures if f.kind == "killed" and f.value > 0])
    if not 2 <= days <= MAX_SPLIT_DAYS or not total or total < days:
        return None
    return (2 * total + days) // (2 * days)


def vague_figures(text: str, published: dt.date | None, taken: list[Figure]) -> list[Figure]:
    """'several / many were killed': ACLED's conventional count for a vague number of dead."""
    value = 3 if published is None or published >= VAGUE_CHANGE else 10
    out = []
    counted = any(f.kind == "killed" and f.value > 0 for f in taken)
    for m in _VAGUE.finditer(text):
        if any(f.kind == "killed" and f.start <= m.start() < f.end for f in taken):
            continue
        if _NOT_VAGUE_DEAD.search(m.group(0)):
            continue  # "multiple gunshot wounds and died" counts wounds; "many of this year's deaths"
        if m.group("noun") and counted:
            continue  # "multiple fatalities" restates a toll the report gives
        out.append(_figure(text, m.start(), m.end(), value, "unknown"))
    return out


_ASIDE = re.compile(r"\s*(?:\([^()\n]{0,160}\)|\[[^\[\]\n]{0,160}\])(?=\s)")


def _blank_asides(text: str) -> str:
    """`text` with bracketed asides blanked out, offsets kept: "a teacher (of the X section) was killed"."""
    return _ASIDE.sub(lambda m: " " * len(m.group(0)), text)


_ALSO_BEFORE = re.compile(r"\balso\s+$")  # "they also lynched a man": one more victim, kept in its text


def single_victims(text: str, taken: list[Figure]) -> list[Figure]:
    """One victim named by any noun: "killed a merchant", "An aid worker was killed"; a bracketed
    aside between the noun and the verb is skipped."""
    out: list[Figure] = []
    plain = _blank_asides(text)
    for pattern in (_ACTIVE_ONE, _PASSIVE_ONE, _OBJECT_TO_DEATH, _ONE_ALONE):
        for m in pattern.finditer(plain):
            s = m.start("det")
            np = m.groupdict().get("np") or ""
            noun = m.groupdict().get("noun")
            if (noun and _NOT_PEOPLE.match(noun)) or any(
                np[n.end : n.end + 1] != "-" for n in find_numbers(np)
            ):
                continue
            if any(f.start <= s < f.end or s <= f.start < m.end() for f in taken + out):
                continue
            if any(f.kind == "killed" and abs(f.start - s) < 120 for f in taken):
                continue
            start = s if pattern is _PASSIVE_ONE else m.start()
            also = _ALSO_BEFORE.search(text, max(0, start - 6), start)
            out.append(_figure(text, also.start() if also else start, m.end(), 1))
    return out


_ONE_DEATH = re.compile(
    r"\b(?:(?:he|she)\s+(?:later\s+|then\s+|eventually\s+|had\s+)?(?:died|was\s+pronounced\s+dead|"
    r"was\s+(?:shot\s+and\s+)?killed|was\s+fatally\s+(?:shot|wounded|stabbed))|"
    r"(?:shooting|stabbing)\s+death\s+of|fatal\s+shooting\s+of|fatally\s+(?:shot|stabbed|wounded)\s+"
    r"(?:an?|his|her|the)\s|"
    r"(?:the|that|this)\s+(?:[a-z][\w'’-]*\s+){0,2}?(?:man|woman|boy|girl|child|teen|teenager|victim|toddler|"
    r"baby|infant|person)\s+(?:later\s+|then\s+|eventually\s+)?(?:died|was\s+pronounced\s+(?:dead|deceased))|"
    r"\b(?:was|later|been)\s+(?:pronounced|declared)\s+(?:clinically\s+|brain[-\s])?(?:dead|deceased)|"
    r"(?:\b(?:is|was|been|left\s+(?:him|her)|declared\s+(?:him|her))|['’]s)\s+brain[-\s]dead\b|"
    r"(?:died|succumbed)\s+(?:from|of|to)\s+(?:his|her)\s+(?:injuries|wounds|gunshot\s+wounds?)|"
    r"(?:he|she|who)\s+(?:later\s+|then\s+|eventually\s+)?passed\s+away|"
    r"(?:later|but|and|where\s+(?:he|she))\s+(?:later\s+)?(?:died|passed\s+away)\b|"
    r"(?:was|were)\s+(?:accidentally\s+|fatally\s+|allegedly\s+)?shot\s+and\s+killed|"
    r"\bfatal\s+(?:injury|wound|gunshot\s+wound)\s+(?:of|to)\s+(?:an?|the|his|her)\s)",
    re.I,
)


# Deaths told of one person in other words: a name or a relative clause before "died" ("Smith died
# at the hospital", "the teen who was shot has died"), "has died", "passed away", "the death of a
# 4-year-old", "was found dead", "lay dead". Not after a negation ("no one has died").
_TOLD_DEATH = re.compile(
    r"(?:\b[A-Z][a-z][\w'’-]*(?:\s+(?:Jr|Sr)\.?)?|\b(?:who|that))\s+(?:(?:has|had)\s+(?:since\s+|now\s+)?|"
    r"later\s+|then\s+|eventually\s+)?(?:died|passed\s+away)\b"
    r"|\b(?:has|had)\s+(?:since\s+|now\s+)?(?:died|passed\s+away)\b"
    r"|\bdeath\s+of\s+(?:an?|his|her|their|\d{1,2}-year-old|[A-Z][a-z][\w'’-]*)\s"
    r"|\b(?:was|were|been|is)\s+found\s+dead\b|\blay\s+dead\b"
)
_NEGATION_BEFORE = re.compile(r"\b(?:[Nn]o\s+one|[Nn]obody|[Nn]one|not|never)\b[^.;]{0,40}$")


def one_death(text: str, taken: list[Figure]) -> list[Figure]:
    """When no figure counts the dead, a death told of one person ("he died", "the shooting death of")."""
    if any(f.kind == "killed" for f in taken):
        return []
    m = _ONE_DEATH.search(text)
    return [_figure(text, m.start(), m.end(), 1)] if m else []


def told_death(text: str, taken: list[Figure]) -> list[Figure]:
    """The last resort when no figure counts the dead: a death told in other words ("Smith died at the
    hospital", "the teen who was shot has died", "the death of a 4-year-old"), unless negated or the
    cause of a protest the sentence reports."""
    if any(f.kind == "killed" for f in taken):
        return []
    for m in _TOLD_DEATH.finditer(text):
        opening = max(text.rfind(". ", 0, m.start()) + 2, text.rfind("\n", 0, m.start()) + 1)
        if _NEGATION_BEFORE.search(text, opening, m.start()):
            continue
        if is_cause_of_protest(text[opening : m.end() + 200], m.start() - opening):
            continue
        return [_figure(text, m.start(), m.end(), 1)]
    return []


# "a double homicide", "the triple murder": that many dead, when no figure counts them.
MULTIPLE_KILLING = re.compile(
    r"\b(?P<n>double|triple|quadruple)\s+(?:fatal\s+shooting|homicide|murder|slaying|killing)s?\b"
    r"(?!\s+(?:suspect|trial|charge|case)s?\b)",
    re.I,
)
_MULTIPLE_VALUES = {"double": 2, "triple": 3, "quadruple": 4}


def multiple_killing(text: str, taken: list[Figure]) -> list[Figure]:
    """The dead a "double homicide" or "triple murder" counts, each not inside a figure already taken."""
    out: list[Figure] = []
    for m in MULTIPLE_KILLING.finditer(text):
        if any(f.start <= m.start() < f.end or m.start() <= f.start < m.end() for f in taken + out):
            continue
        out.append(_figure(text, m.start(), m.end(), _MULTIPLE_VALUES[m.group("n").lower()]))
    return out


def is_cause_of_protest(sentence: str, offset: int) -> bool:
    """Whether a killed figure at `offset` in `sentence` names a death the sentence protests or avenges."""
    if not _PROTEST.search(sentence):
        return False
    return any(
        c and c.start() <= offset + 12 for c in (_CAUSE.search(sentence), _KIN_PROTEST.search(sentence))
    )


_ANOTHER = re.compile(
    r"\b(?:and|,)\s+(?P<cue>(?:(?P<k>killed|killing)|wounded|wounding|injured|injuring|hurt|hurting)\s+"
    r"(?:another|a\s+second)(?:\s+(?:one|person|man|woman|boy|girl|child|victim))?)\b"
    r"(?!\s+(?:of|\w+ing)\b)",
    re.I,
)


def another_victim(text: str, taken: list[Figure]) -> list[Figure]:
    """One more victim told as "another": "killed one person and wounded another"."""
    out = []
    for m in _ANOTHER.finditer(text):
        if any(f.start <= m.start() < f.end or m.start() <= f.start < m.end() for f in taken):
            continue
        kind: FigureKind = "killed" if m.group("k") else "injured"
        out.append(_figure(text, m.start("cue"), m.end(), 1, kind=kind))
    return out


_SUBJECT = (
    r"(?:^|(?<=[.;!?])\s+|\b(?:and|while|when)\s+)(?P<det>An?|Another|One|The|His|Her|an?|another|one)\s+"
    r"(?:[\w'’-]+\s+){0,4}?"
)
_HURT_ONE = re.compile(
    r"(?:" + _SUBJECT + r"(?:also\s+)?(?:suffered|sustained|received)\s+(?:an?\s+|two\s+|multiple\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?:gunshot|stab|bullet|graze)\s+wounds?\b"
    r"|\b(?P<verb>wounding|injuring)\s+(?:him|her)\b"
    r"|\band\s+another\s+(?:(?:was|were)\s+)?(?:(?:also|critically|seriously)\s+)?(?:injured|wounded|hurt)\b)"
)
_FATAL_NEAR = re.compile(r"fatal|died|dead|kill|deceased", re.I)


def hurt_victims(text: str, taken: list[Figure]) -> list[Figure]:
    """One injured person told without a number: "A second man suffered a gunshot wound", "seriously
    wounding him", "one was killed and another injured". A wound followed by a death is not counted."""
    out: list[Figure] = []
    for m in _HURT_ONE.finditer(text):
        start = m.start("det") if m.group("det") else m.start()
        if any(f.start <= start < f.end or start <= f.start < m.end() for f in taken + out):
            continue
        if _FATAL_NEAR.search(text[m.start() : m.end() + 40]):
            continue
        out.append(_figure(text, start, m.end(), 1, kind="injured"))
    return out


_SUICIDE = re.compile(
    r"\b(?:(?:killed|killing|kills|kill)\s+(?:only\s+)?(?:himself|herself)|(?:shot|shooting)\s+and\s+kill(?:ed|ing)\s+"
    r"(?:himself|herself)|fatally\s+(?:shot|shooting)\s+(?:himself|herself)|"
    r"(?:took|taking|take|takes)\s+(?:his|her)\s+own\s+life|(?:turned|turning|turns)\s+the\s+(?:gun|weapon)\s+"
    r"on\s+(?:himself|herself)|(?:committed|committing)\s+suicide|murder[-\s]suicide)\b",
    re.I,
)
_NOT_DONE = re.compile(
    r"\b(?:attempt\w*|tried|tries|try(?:ing)?|threat\w*|wanted|planned|would|going|intend\w*|not|never)\s+"
    r"(?:to\s+)?(?:[\w'’-]+\s+){0,2}$",
    re.I,
)
SUICIDE_GROUP = "perpetrator"


def perpetrator_suicide(text: str) -> Figure | None:
    """The attacker who killed himself ("... before turning the gun on himself"): one more death, which
    the Gun Violence Archive and ACLED count with the victims. None when only attempted or threatened."""
    for m in _SUICIDE.finditer(text):
        if _NOT_DONE.search(text[max(0, m.start() - 40) : m.start()]):
            continue
        return _figure(text, m.start(), m.end(), 1).model_copy(update={"group": SUICIDE_GROUP})
    return None


def is_reflexive_killing(figure: Figure) -> bool:
    """Whether a perpetrator's suicide is told by a verb of his own ("killing himself"), whose sentence
    then names his victims apart from him ("shot his wife before killing himself")."""
    return figure.group == SUICIDE_GROUP and not re.match(
        r"murder|.*\bsuicide\s+(?:bomber|attacker)", figure.text, re.I
    )


# One suicide bomber who carried out the attack ("a suicide bomber detonated his vest", "an Al Shabaab
# suicide bomber rammed ...") or was killed stopping it ("troops gunned down a suspected suicide
# bomber"): his own death, which ACLED codes with the victims ("fatalities coded to include the
# bomber"). Not a would-be bomber arrested, nor one already counted ("including the bomber").
_BOMBER = re.compile(
    r"\b(?:an?|the|one)\s+(?:[\w'’-]+\s+){0,3}?suicide\s+(?:bomber|attacker)\b(?:\s+\([^()]{0,60}\))?"
    r"(?=[^.;]{0,60}?\b(?:blew|detonated|self-detonated|exploded|hit|struck|attacked|targeted|rammed|drove)\b)"
    r"|\b(?:shot|shoots|shoot|gunned\s+down|gun\s+down|guns\s+down|neutrali[sz]ed|neutrali[sz]e)\s+"
    r"(?:an?|the)\s+(?:[\w'’-]+\s+){0,2}?(?:suicide\s+)?bomber\b",
    re.I,
)
_BOMBER_COUNTED = re.compile(
    r"\b(?:including|include|includes)\s+(?:the|a|one)\s+(?:[\w'’-]+\s+){0,2}?(?:suicide\s+)?"
    r"(?:bomber|attacker)\b|\bbombers?\s+(?:himself|herself|themselves|(?:was|were)\s+(?:also\s+)?killed)\b"
    r"|\b(?:killing|killed)\s+only\s+(?:himself|herself)\b|\bdeath\s+of\s+the\s+bomber\b"
    r"|\b(?:would-be|potential|attempted|foiled|arrested|captured|detained)\b",
    re.I,
)


def suicide_bomber(text: str, taken: list[Figure]) -> Figure | None:
    """The death of one suicide bomber the text tells (see `_BOMBER`), as a perpetrator's death that
    adds to the victims told by group; None when a figure or phrase counts him already."""
    m = _BOMBER.search(text)
    if m is None or _BOMBER_COUNTED.search(text):
        return None
    if any(f.kind == "killed" and f.start <= m.start() < f.end for f in taken):
        return None
    return _figure(text, m.start(), m.end(), 1).model_copy(update={"group": SUICIDE_GROUP})


# A headline line that links to another story: "RELATED: ...", "► Related: ...", "Related Coverage ...".
_RELATED_LINE = re.compile(
    r"(?m)^[^\w\n]{0,3}(?:(?:RELATED|Related|READ\s+MORE|Read\s+more|MORE|OTHER\s+NEWS|ALSO\s+READ|Also\s+read)"
    r"\s*[:|]|Related\s+(?:Coverage|Headlines|Content|Link)\b)[^\n]*"
    r"|\[\s*(?:OTHER\s+NEWS|RELATED|READ\s+MORE|MORE)\s*:[^\]\n]*\]"
)
# A block of links to other stories that ends a page: everything after it is other stories.
_RELATED_TAIL = re.compile(
    r"(?m)^\s*(?:More\s+stories\s+you\s+may\s+like|Related\s+(?:Stories|Articles|Posts)|More\s+(?:Headlines|Stories)|"
    r"You\s+(?:may|might)\s+also\s+like|Recommended\s+for\s+you|Trending\s+(?:Now|Stories))\b"
)
TAIL_FROM = 0.3  # a links block in the first part of a page heads the story, not ends it


def related_spans(text: str) -> list[tuple[int, int]]:
    """Spans of `text` that link to other stories: headline lines and a trailing block of links."""
    spans = [(m.start(), m.end()) for m in _RELATED_LINE.finditer(text)]
    for m in _RELATED_TAIL.finditer(text):
        if m.start() >= TAIL_FROM * len(text):
            spans.append((m.start(), len(text)))
            break
    return spans


# A clause in which a party to the fighting claims the dead it caused: "claimed to have killed",
# "claim killing", "said (that) it / the group (had) killed", "stated ... to have killed", "disputed
# claims that". An authority's "claimed N were killed" ("local authorities claimed 6 militants were
# killed") is a source's count.
_CLAIM_KILLED = re.compile(
    r"\bclaim(?:s|ed|ing)?\s+(?:to\s+have\s+|that\s+(?:it|they|the\s+group)\s+(?:had\s+)?)?(?:killed|killing)\b"
    r"|\b(?:said|stated)\s+(?:in\s+a\s+claim[^.;]{0,60}?\s+)?(?:(?:that\s+)?(?:it|the\s+group|the\s+militants|"
    r"the\s+rebels)\s+(?:had\s+)?(?:killed|kill)|to\s+have\s+killed)\b"
    r"|\bdisputed\s+(?:the\s+)?claims?\s+that\b",
    re.I,
)
_CLAIM_COUNT = re.compile(r"\bclaim(?:s|ed)\s+(?:that\s+)?(?:at\s+least\s+)?(?=\d)", re.I)
_AUTHORITY_SUBJECT = re.compile(
    r"\b(?:authorities|officials?|police|government|ministry|MoD|governor|military|army|UN|United\s+Nations|"
    r"spokes(?:man|woman|person))\b[^.;]{0,30}$",
    re.I,
)


def party_claims(text: str, figures: list[Figure]) -> list[Figure]:
    """The killed figures of `figures` told in a party's claim of the dead it caused (to the end of the
    clause), each when a figure in another sentence counts the same people (`_same_people`)."""
    spans: list[tuple[int, int]] = []
    sentences: list[tuple[int, int]] = []
    for m in [*_CLAIM_KILLED.finditer(text), *_CLAIM_COUNT.finditer(text)]:
        stop = text.rfind(". ", 0, m.start())
        opening = stop + 2 if stop >= 0 else 0
        if m.re is _CLAIM_COUNT and _AUTHORITY_SUBJECT.search(
            text, max(opening, text.rfind("; ", 0, m.start()) + 2), m.start()
        ):
            continue
        full_stop = text.find(". ", m.start())
        spans.append((m.start(), _clause_end(text, m.start(), "(")))
        sentences.append((opening, full_stop if full_stop >= 0 else len(text)))
    claimed = [
        f
        for f in figures
        if f.kind == "killed"
        and not CODED_MARK.match(f.text)
        and any(a <= f.start < b or f.start < a < f.end for a, b in spans)  # a sum reaching into it too
    ]
    others = [
        f
        for f in figures
        if f.kind == "killed"
        and f.value > 0
        and f not in claimed
        and not any(a <= f.start < b for a, b in sentences)
    ]
    return [f for f in claimed if any(_same_people(f, g) for g in others)]


def _same_people(claimed: Figure, other: Figure) -> bool:
    """Whether a claimed toll may count the dead another figure counts: the same side (soldiers, police
    and guards are all state forces), or either names no side ("claimed to have killed 5", "22 people
    were killed"). A claim of another side's dead adds."""
    if claimed.group is None or other.group is None:
        return True
    return _SIDES.get(claimed.group, claimed.group) == _SIDES.get(other.group, other.group)


_SIDES = {"police": "state forces", "military": "state forces", "security": "state forces"}


# A clause telling another source's count: "one source says", "(some reports say", "other sources
# claimed", "according to other sources". A note's own source ("local sources said") is not another's.
_ALTERNATE = re.compile(
    r"\b(?:(?:according\s+to\s+)?(?:one|another|other|some|several|a\s+(?:separate|second|different))\s+"
    r"(?:local\s+|media\s+|news\s+)?(?:sources?|reports?|accounts?|outlets?)\s+(?:also\s+)?"
    r"(?:says?|said|claim\w*|report\w*|puts?|suggest\w*|stat\w*|indicat\w*|counts?|counted|mention\w*|"
    r"have|had|gives?|gave)?)",
    re.I,
)


def alternate_counts(text: str, figures: list[Figure]) -> list[Figure]:
    """The killed figures of `figures` told in another source's count (to the end of its clause or
    bracket), when a figure outside such clauses counts the dead."""
    spans = [(m.start(), _clause_end(text, m.end(), ")")) for m in _ALTERNATE.finditer(text)]
    killed = [f for f in figures if f.kind == "killed" and not CODED_MARK.match(f.text)]
    told = [f for f in killed if any(a <= f.start < b for a, b in spans)]
    if not any(f.value > 0 and f not in told for f in killed):
        return []
    return told


def _clause_end(text: str, start: int, closer: str) -> int:
    """Where the clause from `start` ends: the next full stop, semicolon or `closer`, else the text's end."""
    stops = [i for i in (text.find(". ", start), text.find("; ", start), text.find(closer, start)) if i >= 0]
    return min(stops, default=len(text))
