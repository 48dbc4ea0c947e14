"""Victims listed in a coordination: "a soldier and a militant were killed", "killed a chief and his
son", "13 JNIM militants and 7 ISGS militants were killed". Each item counts its number (one when it
has none); the list gives one ungrouped figure, its sum, which `tolls` weighs like any stated total.
A list that only subdivides a figure ("including a soldier and a child") is left out. Named
victims listed with their ages count one each ("John Doe, 32, and Jane Roe, 26, were killed").
In a short note, an unnamed toll and a named side's losses told in a later sentence add up the same
way (`sides_apart`). Companions killed with a victim ("killed a commander, along with 13 other
militants", "killed the mayor, together with his deputy and his bodyguard") count with the victim,
as one total (`companions`).
"""

from __future__ import annotations

import re

from crisisledger.extractors.figure_deaths import LATER_GROUP, exact_figure
from crisisledger.extractors.figure_lexicon import THING_RE
from crisisledger.extractors.figure_notes import SHORT_REPORT_CHARS, SUICIDE_GROUP
from crisisledger.extractors.numbers import find_numbers
from crisisledger.model import Figure, FigureKind
from crisisledger.nlp.pipeline import ArticleDoc

_NUMBER = (
    r"\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty"
)
_STOP = (
    r"and|or|but|were|was|are|is|be|been|being|had|has|have|in|at|on|near|from|of|by|with|who|whom|which|"
    r"that|while|after|before|during|when|as|to|into|for|also|reportedly|later|including|among|"
    r"killed|killing|dead|died|executed|murdered|wounded|wounding|injured|injuring|shot|abducted|"
    r"kidnapped|arrested|captured|taken|escaped|fled|attacked|their|his|her|its|the|a|an"
)
_WORD = rf"(?!(?:{_STOP})\b)(?:[A-Za-z]|\d+-)[\w'’-]*"
_ITEM = rf"(?:\b(?:{_NUMBER}|an?|one|his|her|their|its)\s+)(?:{_WORD}\s+){{0,4}}{_WORD}"
# A family member or person noun after the first item needs no determiner: "a father and son",
# "a man, woman and 6-year-old boy".
_KIN = r"son|daughter|father|mother|wife|husband|brother|sister|grandson|granddaughter|girlfriend|boyfriend"
_PERSON = r"man|woman|boy|girl|child|teen|teenager|toddler|baby|infant"
_NEXT = rf"(?:{_ITEM}|\b(?:\d{{1,2}}-(?:year|month)-old\s+)?(?:{_KIN}|{_PERSON})\b)"
# A list that opens a sentence may name its first person by "the": "The driver and a passenger were
# killed" (not "shot in the wrist, and a woman was wounded").
_FIRST = rf"(?:{_ITEM}|(?:^|(?<=[.;:]\s))the\s+(?:{_WORD}\s+){{0,3}}(?:{_WORD}(?<![sS])))"
_LIST = rf"(?P<list>{_FIRST}(?:\s*,\s*{_NEXT})*\s*,?\s+and\s+{_NEXT})"
_INCLUDING = rf"(?:\s*,?\s*\(?including\s+{_ITEM}\)?\s*,?)?"
_KILLED_AFTER = (
    r"killed|executed|murdered|slain|shot\s+dead|shot\s+to\s+death|gunned\s+down|beheaded|assassinated|lynched|died|"
    r"found\s+dead|burned\s+to\s+death|shot\s+and\s+killed|stabbed\s+to\s+death|"
    r"found\s+shot\s+(?:to\s+death|dead)|found\s+(?:deceased|slain|murdered)"
)
_INJURED_AFTER = r"wounded|injured|hurt|shot|grazed"
_AUX = r"(?:\s+(?:were|was|have\s+been|had\s+been|are))?(?:\s+(?:also|reportedly|later|allegedly|all))*"
_PASSIVE = re.compile(
    rf"(?<!including\s)(?<!among\s)(?<!\w){_LIST}{_INCLUDING}{_AUX}\s+"
    rf"(?:(?P<k>{_KILLED_AFTER})|(?P<i>{_INJURED_AFTER}))\b(?!\s+(?:by\s+)?(?:{_NUMBER}|an?|the)\s)",
    re.I,
)
_ACTIVE = re.compile(
    r"\b(?:(?P<k>killed|killing|kills|executed|executing|murdered|murdering|assassinated|beheaded|"
    r"lynched|shot\s+dead|shot\s+and\s+killed|gunned\s+down|stabbed\s+to\s+death|hacked\s+to\s+death|"
    r"(?:shooting\s+)?deaths\s+of)|"
    r"(?P<i>wounded|wounding|injured|injuring))\s+"
    + _LIST
    + r"(?=\s*(?:[,.;()]|$|\s(?:in|at|on|near|from|of|who|after|before|during|while|with|by|as|for)\b))",
    re.I,
)
_NAME = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}"
_AGED = rf"{_NAME}\s*,\s*\d{{1,2}}\s*,?"
_NAMED = re.compile(
    rf"(?<!including\s)(?<!\w)(?P<list>{_AGED}(?:\s*{_AGED})*\s+and\s+{_NAME}\s*,\s*\d{{1,2}}\s*,?)\s+"
    r"(?:were|have\s+been|had\s+been)\s+(?:(?:both|all|also|fatally)\s+)?"
    r"(?:(?P<k>killed|shot\s+(?:and\s+killed|dead|to\s+death)|slain|murdered|found\s+dead|pronounced\s+dead)|"
    r"(?P<i>wounded|injured|hurt|shot))\b"
)
_SUBLIST = re.compile(r"\b(?:including|among\s+(?:them|whom|the\s+\w+)|of\s+whom|of\s+them)\s*:?\s*$", re.I)


def _item_value(item: str) -> int:
    """The item's number; one when it has none, or when an age follows it ("9 7-year-old girl": a
    gallery counter before the age)."""
    numbers = find_numbers(item)
    lead = re.match(r"(?:his|her|their|its)\s+", item, re.I)
    if not numbers or numbers[0].start != (lead.end() if lead else 0):
        return 1
    if item[numbers[0].end :].startswith("-"):  # "his 17-month-old son": an age, not a count
        return 1
    first = numbers[0]
    if len(numbers) > 1 and not first.word and not item[first.end : numbers[1].start].strip():
        return 1 if not item.endswith("s") else first.value
    return numbers[0].value


def _is_thing(item: str) -> bool:
    """An item naming a thing, not people: "grazed by a bullet and a man was shot dead"."""
    last = item.split()[-1] if item.split() else ""
    return THING_RE.fullmatch(last) is not None


def _parts_add_up(m: re.Match[str], kind: str, taken: list[Figure]) -> bool:
    """Whether figures already count every item of the list, as parts `tolls` adds up: distinct
    named groups."""
    pos, groups = m.start("list"), []
    for item in re.split(r"(\s*,\s*(?:and\s+)?|\s+and\s+)", m.group("list")):
        if item.strip() and not re.fullmatch(r"\s*,\s*(?:and\s+)?|\s+and\s+", item):
            cover = [f for f in taken if f.kind == kind and f.start < pos + len(item) and pos < f.end]
            cover = [f for f in cover if f.end <= m.end("list") + 40 and f.start >= m.start() - 40]
            if not cover:
                return False
            groups.append(cover[-1].group)
        pos += len(item)
    named = [g for g in groups if g is not None]
    return len(named) == len(groups) and len(set(named)) == len(named)


def named_victims(text: str, taken: list[Figure]) -> list[Figure]:
    """Named victims listed with their ages under one passive killing (wounding) verb, one each."""
    out: list[Figure] = []
    for m in _NAMED.finditer(text):
        if any(f.start <= m.start() < f.end and f.value > 1 for f in taken):
            continue
        value = len(re.findall(r",\s*\d{1,2}\b", m.group("list")))
        kind: FigureKind = "killed" if m.group("k") else "injured"
        out.append(exact_figure(text, m.start(), m.end(), value, kind=kind))
    return out


def coordinated_victims(text: str, taken: list[Figure]) -> list[Figure]:
    """One figure for each list of victims joined by "and" under one killing (wounding) verb."""
    out: list[Figure] = named_victims(text, taken)
    for pattern in (_ACTIVE, _PASSIVE):
        for m in pattern.finditer(text):
            s, e = m.start("list"), m.end("list")
            if _SUBLIST.search(text[max(0, s - 20) : s]):
                continue
            if any(f.start <= s < f.end and f.end >= e for f in out):
                continue
            items = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group("list"))
            if any(_is_thing(i) for i in items):
                continue
            value = sum(_item_value(i) for i in items)
            if value < 2:
                continue
            kind: FigureKind = "killed" if m.group("k") else "injured"
            if _parts_add_up(m, kind, taken):
                continue
            out.append(exact_figure(text, min(s, m.start()), max(e, m.end()), value, kind=kind))
    return out


_PART_OF = re.compile(r"\b(?:among|includ\w*|of\s+(?:whom|them|those|these|the\s+(?:dead|victims)))\b", re.I)


_SIDES = {"military", "police", "security", "militants", "rebels", "civilians"}


def sides_apart(doc: ArticleDoc, taken: list[Figure]) -> list[Figure]:
    """In a short note, an unnamed toll and the losses of a named side told in a later sentence add up:
    "Troops raided the camp, killing 37. Two soldiers were reported dead." gives one figure of 39
    over both. Not when the later sentence subdivides the toll ("2 soldiers were among the dead")."""
    if len(doc.text) > SHORT_REPORT_CHARS:
        return []
    killed = sorted(
        (
            f
            for f in taken
            if f.kind == "killed" and f.value > 0 and f.group not in (LATER_GROUP, SUICIDE_GROUP)
        ),
        key=lambda f: f.start,
    )
    first = killed[0] if killed else None
    sentence = doc.sentence_at(first.start) if first else None
    if first is None or sentence is None or first.group is not None or first.value < 2:
        return []
    sides: dict[str, Figure] = {}
    for f in killed:
        later = doc.sentence_at(f.start)
        if f.start < sentence.end or f.group not in _SIDES or later is None:
            continue
        if _PART_OF.search(doc.text, later.start, later.end):
            return []
        side = sides.get(f.group or "")
        if side is None or f.value > side.value:
            sides[f.group or ""] = f
    if not sides:
        return []
    value = first.value + sum(f.value for f in sides.values())
    end = max(f.end for f in sides.values())
    return [exact_figure(doc.text, first.start, end, value)]


# "killed a commander, along with 13 other militants", "killed the mayor together with his deputy and
# his bodyguard", "killed 1 council member in addition to 3 of his guards".
_COMPANIONS = re.compile(
    r"\b(?:killed|killing|shot\s+dead|shot\s+and\s+killed|executed|executing|assassinated)\s+"
    r"(?:the|an?|one|1)\s[^.;()]{0,60}?,?\s*(?P<cue>(?:along|together)\s+with|in\s+addition\s+to)\s+"
    rf"(?P<list>(?:(?:{_NUMBER})\s+(?:of\s+(?:his|her|their)\s+|other\s+)?{_WORD}"
    rf"|(?:his|her|their)\s+{_WORD}(?:(?:\s*,\s*|\s+and\s+)(?:his|her|their)\s+{_WORD})*))",
    re.I,
)


def companions(text: str) -> list[Figure]:
    """One victim and the companions killed with him (see `_COMPANIONS`), as one total over the
    phrase (a figure counting the companions alone is a part of it)."""
    out: list[Figure] = []
    for m in _COMPANIONS.finditer(text):
        items = re.split(r"\s*,\s*|\s+and\s+", m.group("list"))
        value = 1 + sum(_item_value(i) for i in items)
        out.append(exact_figure(text, m.start(), m.end("list"), value))
    return out
