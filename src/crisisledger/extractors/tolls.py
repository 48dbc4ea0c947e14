"""Tolls: how the figures of one event add up to its killed / injured / arrested numbers."""

from __future__ import annotations

import re

from crisisledger.extractors.figure_deaths import LATER_GROUP
from crisisledger.extractors.figure_notes import CODED_MARK, SUICIDE_GROUP
from crisisledger.geo.countries import lookup_country
from crisisledger.model import Figure

# Words that leave open whether the victim died: "was shot", "taken to a hospital".
_SHOT_ONLY = re.compile(r"\b(?:shot|stabbed|shooting|hospitals?)\b", re.I)
_HARM_WORD = re.compile(r"injur|wound|hurt|hospitali", re.I)
# Wounds told without saying the victims lived: "the boy received a gunshot wound", "all three had
# gunshot wounds".
_WOUND_ONLY = re.compile(r"\b(?:gunshot|bullet|stab)\s+wounds?\b|\bwounds?\b(?!ed)", re.I)
_SURVIVED_WORD = re.compile(
    r"injur|wounded|hurt|hospitali|recover|surviv|stable|non-?\s?life|minor|graze|superficial", re.I
)
_MALE = re.compile(
    r"\b(?:man|men|boy|he|him|his|husband|father|son|brother|grandfather|male|uncle|nephew)\b", re.I
)
_FEMALE = re.compile(
    r"\b(?:woman|women|girl|she|her|wife|mother|daughter|sister|grandmother|female|aunt|niece)\b", re.I
)
_NAME = re.compile(
    r"\b[A-Z][a-z][\w-]+\b(?!['’])(?!\s+(?:[a-z]|(?:Man|Woman|Men|Women|Boy|Girl|Teen|Teenager|Toddler|"
    r"Child|Resident|Student|Officer|Deputy)\b))(?!\s+(?:County|Parish|Township|Borough)\b)"
)  # not "Georgia woman", "A Portsmouth Man", "Sheriff's", "Lenawee County boy"
# A stated age in years: "a 14-year-old", "Ann Cole, 40, was shot".
_AGE = re.compile(r"\b(\d{1,3})-year-old\b|(?<=[a-z]), (\d{1,3}),")
_NOT_NAME = {
    "The", "This", "That", "One", "Two", "Three", "Police", "Officers", "Deputies", "Authorities", "Later",
    "Another", "Both", "Man", "Woman", "Boy", "Girl", "Victim", "Child", "She", "His", "Her", "They",
}  # fmt: skip
_ANOTHER_PERSON = re.compile(r"\b(?:also|another|second|too)\b", re.I)  # "X was also shot": someone else
_OTHERS = re.compile(r"\b(?:others?|more|also|another|additional)\b", re.I)  # "2 others were shot"
_TO_HOSPITAL = re.compile(r"\bhospitals?\b", re.I)
SHOT_THEN_DIED_CHARS = 100  # "3 people were shot, one fatally": a death stated this close subdivides them


def conservative_total(figures: list[Figure]) -> int | None:
    """ACLED-style figure for one kind: the lowest credible total the report states.

    The number is taken as stated ("more than 2,200" counts 2,200; a range counts its low end).
    Figures restricted to a group or to a place below country level are parts: distinct groups add
    up ("4 policemen and 3 militants were killed" is 7), and a stated total counts when it is larger
    than the sum of the parts ("12 people, including 8 children" is 12). One victim told at a place
    adds nothing when a single victim of a group may be the same person ("a man was killed in X", "a
    boy was killed"), nor, like a single victim of a group not said to be another ("also"), when a
    place counts several ("4 wounded in X ... a man was shot, taken to a hospital in Y ... a girl was
    shot": 4).
    """
    if not figures:
        return None
    later = [f for f in figures if f.group == LATER_GROUP]
    if later:  # wounded who died afterwards add to the toll
        rest = [f for f in figures if f.group != LATER_GROUP]
        return (conservative_total(rest) or 0) + sum(f.value for f in later)
    own = [f for f in figures if f.group == SUICIDE_GROUP]
    if own:  # the attacker's own death adds to the victims told by group, not to a stated total
        rest = [f for f in figures if f.group != SUICIDE_GROUP]
        grouped: dict[str, int] = {}
        for f in rest:
            if f.group is not None and not _listed_within(f, rest):
                grouped[f.group] = max(grouped.get(f.group, 0), f.value)
        return max(conservative_total(rest) or 0, sum(grouped.values()) + 1)
    also = [f for f in figures if f.group is None and _ALSO.search(f.text)]
    if also and len(also) < len(figures):
        rest = [f for f in figures if f not in also]
        return (conservative_total(rest) or 0) + max(f.value for f in also)
    totals = [f.value for f in figures if not _is_part(f)]
    by_group: dict[str, Figure] = {}
    by_place: dict[str, Figure] = {}
    for f in figures:
        if _is_part(f) and not _listed_within(f, figures):
            parts, key = (by_group, f.group) if f.group else (by_place, f.location or "")
            if key not in parts or f.value > parts[key].value:
                parts[key] = f
    # the same number at two places is more often one toll restated ("5 injured in X ... 5 taken to Y")
    places = {f.value for f in by_place.values()}
    singles = [f for f in by_group.values() if f.value == 1]
    if (
        1 in places
        and singles
        and all(any(same_person_possible(f, g) for g in singles) for f in by_place.values() if f.value == 1)
    ):
        places.discard(1)  # "a man was killed in X" is the boy of "a boy was killed"
    in_groups = sum(f.value for f in by_group.values())
    if max(places, default=0) > 1:  # one victim told apart from a place's toll is one of its victims
        places.discard(1)
        in_groups -= sum(not _ANOTHER_PERSON.search(f.text) for f in singles)
    return max(max(totals, default=0), in_groups + sum(places))


_ALSO = re.compile(
    r"\b(?:also|another\s+(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|"
    r"thirty|forty|fifty)\b))",
    re.I,
)  # "two attackers were also killed", "and another 4 in Y": more dead


def _listed_within(figure: Figure, figures: list[Figure]) -> bool:
    """Whether a larger figure's span holds this one ("his wife and two children" holds "two children")."""
    return any(
        g.start <= figure.start
        and figure.end <= g.end
        and g.end - g.start > figure.end - figure.start
        and g.value > figure.value
        for g in figures
    )


def _is_part(figure: Figure) -> bool:
    """A figure restricted to a group or to a place below country level is part of a total."""
    if figure.group is not None:
        return True
    return figure.location is not None and lookup_country(figure.location) is None


def is_shot_only(figure: Figure) -> bool:
    """An injured figure that says only that people were shot or stabbed, not that they were hurt."""
    if figure.kind != "injured":
        return False
    if _WOUND_ONLY.search(figure.text) and not _SURVIVED_WORD.search(figure.text):
        return True
    return bool(_SHOT_ONLY.search(figure.text)) and not _HARM_WORD.search(figure.text)


def _person(figure: Figure) -> tuple[str | None, set[str], set[str]]:
    """(gender, name words, ages) a single-victim figure tells of its person."""
    male, female = bool(_MALE.search(figure.text)), bool(_FEMALE.search(figure.text))
    gender = "m" if male and not female else "f" if female and not male else None
    ages = {m.group(1) or m.group(2) for m in _AGE.finditer(figure.text)}
    return gender, {w for w in _NAME.findall(figure.text) if w not in _NOT_NAME}, ages


# Groups no one person belongs to both of: a child is no woman, officer or suspect; an officer is
# not the suspect (police shootings: "an officer was shot, the suspect was killed").
_DISTINCT_GROUPS = (
    {"children", "women"},
    {"children", "police"},
    {"children", "suspects"},
    {"police", "suspects"},
)


def same_person_possible(a: Figure, b: Figure, by_age: bool = False) -> bool:
    """Whether two figures may count the same person: no gender or name (`by_age`: nor a stated age)
    tells them apart."""
    if a.value != 1 or b.value != 1:
        return True
    (ga, na, aa), (gb, nb, ab) = _person(a), _person(b)
    if (ga and gb and ga != gb) or (by_age and aa and ab and not aa & ab):
        return False
    if {a.group, b.group} in _DISTINCT_GROUPS:
        return False
    return not (na and nb and not na & nb)


def distinct_victims(figures: list[Figure]) -> int:
    """How many persons single-victim figures count at least: those that a gender or a name tells
    apart from every one counted before ("a man was killed ... a woman was also killed")."""
    persons: list[Figure] = []
    for f in figures:
        if f.value == 1 and not any(same_person_possible(f, p) for p in persons):
            persons.append(f)
    return len(persons)


def _to_hospital(figure: Figure) -> bool:
    """'3 were taken to a hospital' (not said to be shot): the dead are told apart from them."""
    return bool(_TO_HOSPITAL.search(figure.text)) and not re.search(
        r"\b(?:shot|stabbed)\b", figure.text, re.I
    )


def surviving_injured(figures: list[Figure]) -> list[Figure]:
    """Injured figures less the shot victims who died: "X was shot ... and died" counts X killed only,
    "3 people were shot, one fatally" counts 2 injured."""
    killed = [
        f
        for f in figures
        if f.kind == "killed" and f.value > 0 and f.group not in (SUICIDE_GROUP, LATER_GROUP)
    ]
    out: list[Figure] = []
    for f in figures:
        if f.kind != "injured" or not is_shot_only(f) or not killed:
            out.append(f)
            continue
        if f.value == 1:
            if _ANOTHER_PERSON.search(f.text) or not any(
                same_person_possible(f, k, by_age=True) for k in killed
            ):
                out.append(f)
            continue
        died = sum(k.value for k in killed if f.end <= k.start <= f.end + SHOT_THEN_DIED_CHARS)
        dead = conservative_total(killed) or 0
        if not died and 0 < dead <= f.value and not _OTHERS.search(f.text) and not _to_hospital(f):
            died = dead  # "5 people were shot": the dead are among them; "2 were shot": both died
        if died < f.value:
            out.append(
                f.model_copy(update={"value": f.value - died, "min": None, "max": None}) if died else f
            )
    return out


def stated_total(figures: list[Figure], kind: str) -> int | None:
    """The event's number of `kind`: the coder's own statement when the report has one, else the
    conservative total of its figures (injured: less the shot victims who died, see `surviving_injured`),
    and at least as many as the single victims a gender or a name tells apart."""
    own = [f for f in (surviving_injured(figures) if kind == "injured" else figures) if f.kind == kind]
    coded = [f for f in own if CODED_MARK.match(f.text)]
    if coded:
        return coded[-1].value
    total = conservative_total(own)
    died = sum(f.value for f in figures if f.kind == "killed" and f.group == LATER_GROUP)
    if kind == "injured" and total and died:
        total = max(0, total - died)
    if total is not None and kind in ("killed", "injured"):
        total = max(total, distinct_victims(own))
    if total is None and kind == "injured" and any(f.kind == kind for f in figures):
        return 0
    return total
