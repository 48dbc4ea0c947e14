"""Casualty figures: every reported number of people killed, injured, arrested, missing, kidnapped,
displaced or affected, with bounds, qualifier, group, sub-location, span and sources.

Rule-based and sentence-local (fast: a sentence without a casualty word is skipped). For each number
in a sentence, its kind comes from, in order of preference:

1. a kind word right after it, across at most four words of any kind except clause words
   ("57 the dead persons", "310 persons they stayed wounded", "900 were detained");
2. a kind word or toll noun right before it ("killing 5", "the death toll rose to 40");
3. "N of whom / of which / of them": the kind of the figure it subdivides;
4. coordination "killed a policeman and 3 civilians": the kind of the figure before it;
5. the nearest kind word after it in the clause, up to the next number (a sub-figure
   "including M children" does not stop the search), then the nearest one before it.

"casualties" is ambiguous (killed + injured): a number of casualties counts as injured only when the
same sentence also has a killed figure; otherwise it is dropped. "No casualties" gives killed 0 and
injured 0. "shot" alone counts as injured unless a death word follows in the same clause. A negated
kind word ("were not injured") is none.
The span (`text`, `start`, `end`) covers qualifier, number, an attached group noun and an adjacent
kind word (rules 1 and 2); a kind word found further away is not included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

from crisisledger.extractors.attribution import attribution_for
from crisisledger.extractors.figure_deaths import (
    died_after_shot,
    is_aggregate,
    is_earlier_incident,
    later_deaths,
    one_injury,
    pronoun_death,
)
from crisisledger.extractors.figure_lexicon import (
    CUE_RE,
    GROUP_RE,
    INTRANSITIVE,
    LINKERS,
    PASSIVE_AUX,
    PERSON_SINGULAR_RE,
    PHONE_RE,
    STOP_WORDS,
    ZERO_RES,
    group_of,
    is_non_figure,
    people_noun_after,
    zero_kinds,
)
from crisisledger.extractors.figure_lists import companions, coordinated_victims, sides_apart
from crisisledger.extractors.figure_notes import (
    another_victim,
    coded_figures,
    hurt_victims,
    is_cause_of_protest,
    is_reflexive_killing,
    multiple_killing,
    one_death,
    perpetrator_suicide,
    related_spans,
    single_victims,
    suicide_bomber,
    told_death,
    vague_figures,
)
from crisisledger.extractors.numbers import NumberMention, find_numbers
from crisisledger.model import Figure, FigureKind, Qualifier
from crisisledger.nlp.pipeline import ArticleDoc

_ONE_LEAD = re.compile(
    r"\s*(?:,\s*)?(?:(?:was|were|has|had|have|been|is|later|also|other|more|reportedly|person|people|critically|"
    r"seriously|badly|severely|gravely|slightly|accidentally)\s+){0,3}",
    re.I,
)
_NAMED_LEAD = re.compile(
    r"(?:\s*,\s*\d{1,3}(?:\s*,?\s+of\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})?\s*,)?\s+(?:(?:was|had\s+been|has\s+been|got)\s+|(?:has\s+|had\s+)?(?:later\s+|then\s+)?"
    r"(?=died\b|dies\b|fatally\s+(?:shot|stabbed|wounded)\b))"
)
# "left his brother John Doe, 22, dead": a named victim between "left" and "dead".
_LEFT_BEFORE = re.compile(r"\bleft\s+(?:[\w'’-]+\s+){0,3}$")
_DEAD_AFTER = re.compile(r"(?:\s*,\s*\d{1,3}\s*,)?\s+dead\b")
# A named victim after the verb: "killing Sarah Davidson", "wounding John Doe".
_VERB_BEFORE_NAME = re.compile(
    r"\b(?:(?P<cue>killing|killed|murdering|murdered|fatally\s+(?:shooting|shot|stabbing|stabbed)|"
    r"shot\s+and\s+killed|shooting\s+and\s+killing|shot\s+dead|gunned\s+down)|"
    r"wounding|wounded|injuring)\s+$"
)
_FILLER_WORD = re.compile(r"(?!and\b|or\b|but\b)\w+\s+")
_LOOSE_STOPS = {
    "charged",
    "accused",
    "convicted",
    "sentenced",
    "indicted",
    "pleaded",
    "faces",
    "facing",
    "testified",
}
_TOLL_NOUN = re.compile(r"(?:death\s+)?toll|deaths|fatalities|casualties", re.I)
_TOLL_VERB_END = re.compile(
    r"\b(?:rose|risen|rises|climbed|climbs|jumped|increased|reached|reaches|hit|hits|stood|stands|is|was|"
    r"now|at|to|surpassed|passed|exceeded|totals|totalled|totaled)\s*$",
    re.I,
)
_RELATIVE_SHARE = re.compile(r"\bof\s+(?:which|whom)\b", re.I)
_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "this", "that"}
_EVENT_NOUN = re.compile(
    r"death|deaths|killing|injury|injuries|arrest|arrests|abduction|kidnapping|evacuation", re.I
)
_TOKEN = re.compile(r"[\w'’-]+")
_QUALIFIER_TABLE: list[tuple[str, Qualifier, int]] = [
    (
        r"\b(?:at\s+least|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|a\s+minimum\s+of)",
        "at_least",
        0,
    ),
    (r"\b(?:more\s+than|over|upwards\s+of|in\s+excess\s+of|above|beyond|well\s+over)", "more_than", 1),
    (r"\b(?:almost|nearly|close\s+to|just\s+under|just\s+shy\s+of|approaching)", "almost", 0),
    (r"\b(?:fewer\s+than|less\s+than|under)", "at_most", -1),
    (r"\b(?:up\s+to|as\s+many\s+as|at\s+most|no\s+more\s+than|not\s+more\s+than)", "at_most", 0),
    (
        r"\b(?:about|around|some|approximately|roughly|an\s+estimated|estimated|approx\.?|circa|"
        r"reportedly|perhaps|possibly|maybe)",
        "about",
        0,
    ),
]
_QUALIFIERS = [(re.compile(p + r"\s+$", re.I), q, d) for p, q, d in _QUALIFIER_TABLE]
_OR_MORE = re.compile(r"^\s*(?:\+|or\s+more\b|and\s+more\b|plus\b)", re.I)
_OBJECT = re.compile(
    r"\s+(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+|nearly\s+|almost\s+)?"
    r"(?:\d|an?\s|his\s|her\s|their\s|its\s|the\s|one\s|two\s|three\s|four\s|five\s|six\s|seven\s|"
    r"eight\s|nine\s|ten\s|dozens\s|hundreds\s|several\s|many\s|him\b|her\b|them\b|people\b|"
    r"civilians\b|police\b|soldiers\b)",
    re.I,
)
_PEOPLE_SPAN = re.compile(
    r"\s+(?:people|persons|individuals|others|men|victims|residents|bystanders)\b", re.I
)
_RANGE_GAP = re.compile(r"^\s*(?:-|–|—|to|or)\s*$", re.I)
_BETWEEN = re.compile(r"\bbetween\s+$", re.I)
_RISE_FROM = re.compile(
    r"\b(?:rose|risen|rises|rising|climbed|climbing|jumped|increased|grew|grown|went\s+up|up)\s+from\s+$",
    re.I,
)
_UP_FROM = re.compile(r"\b(?:up|down)\s+from\s+$", re.I)
_SUBDIVIDES = re.compile(
    r"^\s+of\s+(?:whom|them|which|those|these|the\s+(?:dead|victims|injured|wounded))\b", re.I
)
_SUBFIGURE_BEFORE = re.compile(r"\b(?:including|among\s+them|among\s+whom|incl\.?)\s+(?:\w+\s+)?$", re.I)
_COORD_GAP = re.compile(r"^\s*(?:,\s*)?(?:and|as\s+well\s+as|plus|along\s+with)\s+$", re.I)
_LOCATION = re.compile(
    r"\b(?:in|at)\s+(?:(?:the|former|old|city|capital|town|village|province|region|district|"
    r"southern|northern|eastern|western|central|nearby|neighbouring|neighboring|of)\s+){0,4}"
    r"(?P<loc>(?!(?:The|A|An|January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][\w'’-]+"
    r"(?:\s+(?!(?:On|In|At|The)\b)[A-Z][\w'’-]+){0,2})"
)


@dataclass
class _Mention:
    start: int  # relative to the sentence
    end: int
    value: int
    vague: bool = False
    high: int | None = None  # upper end of a range
    group: str | None = None  # set for singular mentions ("a policeman")
    singular: bool = False
    superseded_start: int | None = None
    preset: _Found | None = None


@dataclass
class _Found:
    kind: FigureKind
    start: int
    end: int
    casualty: bool = False


def _as_kind(name: str | None) -> FigureKind:
    """A cue group name that has been checked to be a figure kind."""
    return cast(FigureKind, name)


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


def _cues(sentence: str) -> list[tuple[int, int, str]]:
    """Kind words in a sentence: (start, end, kind) with kind a FigureKind, 'shot', 'held' or 'casualties'.
    A negated kind word ("were not injured") is none."""
    return [
        (m.start(), m.end(), m.lastgroup or "")
        for m in CUE_RE.finditer(sentence)
        if not _NEGATED.search(sentence, max(0, m.start() - 24), m.start())
        and not (m.lastgroup == "shot" and _FIRED_BEFORE.search(sentence, max(0, m.start() - 30), m.start()))
    ]


# "fired one shot at her", "heard a shot": the shot is a noun, not a victim hit.
_FIRED_BEFORE = re.compile(
    r"\b(?:fired|fires|fire|firing|heard|hear|hearing|let\s+off|got\s+off)\s+(?:(?:a|one|the|another|single|"
    r"warning|final|last|second|third)\s+){1,2}$",
    re.I,
)


_NEGATED = re.compile(
    r"\b(?:not|never|n['’]t)\s+(?:been\s+|be\s+|seriously\s+|badly\s+|physically\s+)?$", re.I
)


def _named(sentence: str, names: list[tuple[int, int]]) -> list[_Mention]:
    """A named person said to be killed, injured, arrested...: "John Doe, 23, was shot and killed"."""
    out: list[_Mention] = []
    for s, e in names:
        dead = _DEAD_AFTER.match(sentence, e)
        if dead and _LEFT_BEFORE.search(sentence, max(0, s - 40), s):
            out.append(_Mention(s, e, 1, singular=True, preset=_Found("killed", dead.end() - 4, dead.end())))
            continue
        verb = _VERB_BEFORE_NAME.search(sentence, max(0, s - 40), s)
        if verb:
            told: FigureKind = "killed" if verb.group("cue") else "injured"
            out.append(_Mention(s, e, 1, singular=True, preset=_Found(told, verb.start(), verb.end())))
            continue
        lead = _NAMED_LEAD.match(sentence, e)
        cue = None
        pos = lead.end() if lead else -1
        for _ in range(3 if lead else 0):
            cue = CUE_RE.match(sentence, pos)
            word = _FILLER_WORD.match(sentence, pos)
            if cue or not word:
                break
            pos = word.end()
        if not cue or cue.lastgroup in ("casualties", "held"):
            continue
        kind = cue.lastgroup
        if kind == "shot":
            kind = _resolve_shot(sentence, cue.start(), cue.end(), len(sentence)).kind
        title = re.search(r"(\w+)\s+$", sentence[max(0, s - 30) : s])
        group = group_of(title.group(1)) if title else None
        out.append(
            _Mention(
                s, e, 1, group=group, singular=True, preset=_Found(_as_kind(kind), cue.start(), cue.end())
            )
        )
    return out


def _mentions(
    sentence: str, zero_spans: list[tuple[int, int]], names: list[tuple[int, int]]
) -> list[_Mention]:
    singles: list[_Mention] = _named(sentence, names)
    for m in PERSON_SINGULAR_RE.finditer(sentence):
        if any(x.start <= m.start() < x.end for x in singles):
            continue
        singles.append(_Mention(m.start(), m.end("noun"), 1, group=group_of(m.group("noun")), singular=True))
    raw: list[_Mention] = list(singles)
    phones = [(p.start(), p.end()) for p in PHONE_RE.finditer(sentence)]
    for n in find_numbers(sentence):
        if any(a <= n.start < b for a, b in phones):
            continue
        if any(s.start <= n.start < s.end or n.start <= s.start < n.end for s in singles):
            continue
        if any(a <= n.start < b for a, b in zero_spans):
            continue
        if is_non_figure(sentence, n.start, n.end, n.value, n.word):
            continue
        if n.text.lower() in ("one", "a") and not _one_is_person(sentence, n):
            continue
        raw.append(_Mention(n.start, n.end, n.value, vague=n.vague))
    raw.sort(key=lambda x: x.start)
    return _merge_ranges(sentence, raw)


_KILLING_ONE = re.compile(r"\b(?:killing|killed|wounding|wounded|injuring|injured)\s+$", re.I)


def _one_is_person(sentence: str, n: NumberMention) -> bool:
    """Bare "one" counts only as a person: "one died", "one of them", "one fatally"."""
    after = sentence[n.end : n.end + 60]
    if re.match(r"\s+of\s+(?:the|them|those|whom|which)\b", after, re.I):
        return True
    if n.text.lower() == "one" and _KILLING_ONE.search(sentence[max(0, n.start - 20) : n.start]):
        return re.match(r"\s*(?:[,.;)]|and\b|$)", after) is not None  # "killing one and wounding four"
    lead = _ONE_LEAD.match(after)
    return bool(lead and CUE_RE.match(after, lead.end()))


def _merge_ranges(sentence: str, ms: list[_Mention]) -> list[_Mention]:
    out: list[_Mention] = []
    i = 0
    while i < len(ms):
        a = ms[i]
        if i + 1 < len(ms) and not a.singular and not ms[i + 1].singular:
            b = ms[i + 1]
            gap = sentence[a.end : b.start]
            before = sentence[: a.start]
            if _RISE_FROM.search(before) and re.fullmatch(r"\s+to\s+", gap, re.I):
                out.append(_Mention(b.start, b.end, b.value, superseded_start=a.start))
                i += 2
                continue
            if b.value > a.value and (
                _RANGE_GAP.match(gap) or (_BETWEEN.search(before) and re.fullmatch(r"\s+and\s+", gap, re.I))
            ):
                out.append(_Mention(a.start, b.end, a.value, high=b.value))
                i += 2
                continue
        if _UP_FROM.search(sentence[: a.start]):
            i += 1
            continue
        out.append(a)
        i += 1
    return out


def _qualifier(sentence: str, m: _Mention) -> tuple[Qualifier, int | None, int | None, int]:
    """(qualifier, min, max, span start) for a mention."""
    if m.high is not None:
        b = _BETWEEN.search(sentence[: m.start])
        return "range", m.value, m.high, b.start() if b else m.start
    before = sentence[: m.start]
    for pattern, qualifier, delta in _QUALIFIERS:
        q = pattern.search(before)
        if q:
            v = m.value
            if qualifier == "at_least":
                return qualifier, v, None, q.start()
            if qualifier == "more_than":
                return qualifier, v + 1, None, q.start()
            if qualifier == "almost":
                return qualifier, None, v, q.start()
            if qualifier == "at_most":
                return qualifier, None, v + delta, q.start()
            return qualifier, None, None, q.start()
    if m.vague or _OR_MORE.match(sentence[m.end :]):
        return "at_least", m.value, None, m.start
    return "exact", m.value, m.value, m.start


def _tight_post(sentence: str, m: _Mention, cues: list[tuple[int, int, str]], bound: int) -> _Found | None:
    for cs, ce, kind in cues:
        if cs < m.end:
            continue
        if cs >= bound:
            return None
        gap = sentence[m.end : cs]
        if re.search(r"[;:,.()\"“”]", gap):
            return None
        toks = _tokens(gap)
        limit = 8 if m.singular and toks and toks[-1] in PASSIVE_AUX else 4
        if len(toks) > limit or _has_stop(toks):
            return None
        if _is_active(sentence, cs, ce, toks) or (
            toks and toks[-1] in _DETERMINERS and _EVENT_NOUN.fullmatch(sentence[cs:ce])
        ):
            return None
        if kind == "shot" and not PASSIVE_AUX.intersection(toks) and _SHOT_AT_PEOPLE.match(sentence, ce):
            return None  # "a man shot at twelve people": the shooter, and shooting at them is not hitting
        if kind == "shot":
            return _resolve_shot(sentence, cs, ce, bound)
        if kind == "held":
            return _Found("arrested", cs, ce)
        return (
            _Found(_as_kind(kind), cs, ce)
            if kind != "casualties"
            else _Found("injured", cs, ce, casualty=True)
        )
    return None


def _is_active(sentence: str, cs: int, ce: int, gap_tokens: list[str]) -> bool:
    """'3 gunmen killed 5 people': the kind word has an object, so it does not count its subject."""
    if INTRANSITIVE.fullmatch(sentence[cs:ce]) or any(t in PASSIVE_AUX for t in gap_tokens):
        return False
    return bool(_OBJECT.match(sentence, ce))


def _has_stop(toks: list[str]) -> bool:
    for i, t in enumerate(toks):
        if t in STOP_WORDS:
            return True
        if t in ("who", "that", "which") and (i + 1 >= len(toks) or toks[i + 1] not in LINKERS):
            return True
    return False


# A death told of part of the shot: "4 were shot, and one was pronounced dead", "including X, who died".
_SUBSET_SUBJECT = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+(?:of\s+(?:them|the\s+\w+)\s+)?"
    r"(?:(?:was|were|is|are|has|had|have|later|also)\s+)*(?:pronounced\s+|declared\s+|found\s+)?$",
    re.I,
)


_NO_BEFORE = re.compile(r"\b(?:no|not|without|never)\s+(?:[\w'’-]+\s+)?$", re.I)


def _resolve_shot(sentence: str, cs: int, ce: int, bound: int) -> _Found:
    """'shot' means injured unless a death word follows in the same clause, told of the shot
    themselves, not of a part of them ("4 were shot, one fatally" stays injured for the 4)."""
    rest = sentence[ce:bound]
    clause = re.split(r"[;]|\bbut\b|\bincluding\b|\bamong\s+them\b", rest, maxsplit=1)[0]
    for m in CUE_RE.finditer(clause):
        if m.lastgroup in ("killed", "injured") and len(_tokens(clause[: m.start()])) <= 10:
            if _NO_BEFORE.search(clause[: m.start()]):
                continue  # "taken to the hospital, no fatalities"
            if m.lastgroup == "killed" and _SUBSET_SUBJECT.search(clause[: m.start()]):
                return _Found("injured", cs, ce)
            return _Found(_as_kind(m.lastgroup), cs, ce)
    return _Found("injured", cs, ce)


_SHOT_AT = re.compile(r"\s+at\b", re.I)
_SHOT_AT_PEOPLE = re.compile(
    r"\s+at\s+(?:an?\s+|the\s+|least\s+)?(?:\d|dozens?\b|several\b|two\b|three\b|four\b|five\b|six\b|seven\b|"
    r"eight\b|nine\b|ten\b|eleven\b|twelve\b|people\b|him\b|her\b|them\b|police\b|officers\b|deputies\b|"
    r"crowd\b|group\b|car\b|vehicle\b|house\b|home\b)",
    re.I,
)


def _tight_pre(
    sentence: str, m: _Mention, cues: list[tuple[int, int, str]], lo: int, q_start: int, bound: int
) -> _Found | None:
    prior = [c for c in cues if lo <= c[0] and c[1] <= q_start]
    if not prior:
        return None
    cs, ce, kind = prior[-1]
    gap = sentence[ce:q_start]
    if re.search(r"[;,.()\"“”]", gap):
        return None
    toks = _tokens(gap)
    toll = _TOLL_NOUN.fullmatch(sentence[cs:ce]) and len(toks) <= 8 and _TOLL_VERB_END.search(gap)
    if not toll and (len(toks) > 4 or any(t not in LINKERS for t in toks)):
        return None
    if kind in ("held",) or (kind == "shot" and _SHOT_AT.match(gap)):
        return None  # "shot at a dozen people": shooting at people is not hitting them
    if kind == "shot":
        return _resolve_shot(sentence, cs, ce, bound)
    if kind == "casualties":
        return _Found("injured", cs, ce, casualty=True)
    return _Found(_as_kind(kind), cs, ce)


def _loose_post(
    sentence: str, m: _Mention, cues: list[tuple[int, int, str]], bound: int, noun: bool
) -> _Found | None:
    end = min(bound, _clause_end(sentence, m.end))
    for cs, ce, kind in cues:
        if cs < m.end or kind == "held":
            continue
        if cs >= end:
            return None
        gap_tokens = _tokens(sentence[m.end : cs])
        if len(gap_tokens) > (12 if noun else 6) or _LOOSE_STOPS.intersection(gap_tokens):
            return None
        if _other_predicate(gap_tokens, sentence[cs:ce], kind):
            return None
        if _is_active(sentence, cs, ce, _tokens(sentence[m.end : cs])):
            return None
        if kind == "shot":
            f = _resolve_shot(sentence, cs, ce, end)
        elif kind == "casualties":
            f = _Found("injured", cs, ce, casualty=True)
        else:
            f = _Found(_as_kind(kind), cs, ce)
        return _Found(f.kind, m.end, m.end, f.casualty)  # far cue: not part of the span
    return None


# Words between a number and a far kind word that show the kind word is not said of the number: a new
# subject ("3 suspects broke in and they shot ..."), a verb taking it as object or cause ("2 men
# wanted in the death of", "sent 5 people to the hospital, where one died", "leaving X dead").
_FAR_BREAKS = {
    "he", "she", "they", "we", "i", "you", "wanted", "connection", "leaving", "left",
    "responsible", "suspected", "started", "opened", "fired", "firing",
}  # fmt: skip
_HOSPITAL = {"hospital", "hospitals", "sent", "sending"}  # "sent 5 to the hospital, where one died"
_NOMINAL_CUE = re.compile(r"deaths?|killing|toll|death\s+toll", re.I)


def _other_predicate(gap_tokens: list[str], cue: str, kind: str) -> bool:
    """Whether a kind word far after a number belongs to another clause or names another event."""
    if _FAR_BREAKS.intersection(gap_tokens) or (kind == "killed" and _HOSPITAL.intersection(gap_tokens)):
        return True
    return bool(_NOMINAL_CUE.fullmatch(cue)) and bool(_DETERMINERS.intersection(gap_tokens[-3:]))


def _clause_end(sentence: str, pos: int) -> int:
    m = re.compile(r";|\s—\s|\s–\s").search(sentence, pos)
    return m.start() if m else len(sentence)


_OWN_PREDICATE = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+(?:were|was|are|is|have|had|has)\b", re.I)
_NEW_CLAUSE = re.compile(r"\b(?:when|while|after|before|because|since|if|where|although|though|as)\b", re.I)


def _loose_pre(sentence: str, m: _Mention, cues: list[tuple[int, int, str]], lo: int) -> _Found | None:
    prior = [c for c in cues if lo <= c[0] and c[1] <= m.start and c[2] != "held"]
    if not prior:
        return None
    cs, ce, kind = prior[-1]
    gap = sentence[ce : m.start]
    if ";" in gap or len(_tokens(gap)) > 6 or _NEW_CLAUSE.search(gap):
        return None
    if INTRANSITIVE.fullmatch(sentence[cs:ce]) or (kind == "shot" and _SHOT_AT.match(gap)):
        return None
    if re.search(r"\band\b", gap) and _OWN_PREDICATE.match(sentence, m.end):
        return None  # "one woman was killed and three men were taken to a hospital"
    if kind == "shot":
        kind = _resolve_shot(sentence, cs, ce, m.start).kind
    if kind == "casualties":
        return _Found("injured", m.start, m.start, casualty=True)
    return _Found(_as_kind(kind), m.start, m.start)


def _group(sentence: str, m: _Mention, bound: int) -> tuple[str | None, int]:
    """The group a number counts and where its noun ends (m.end when none is attached)."""
    if m.group:
        return m.group, m.end
    after = sentence[m.end : bound]
    g = GROUP_RE.match(after)
    if g and not CUE_RE.search(after[: g.start("g")]):
        return group_of(g.group("g")), m.end + g.end()
    sub = _SUBDIVIDES.match(after)
    if sub:
        clause = re.split(r"[,;:.()]", after[sub.end() :], maxsplit=1)[0]
        for word in _TOKEN.findall(clause)[:8]:
            name = group_of(word)
            if name:
                return name, m.end
    return None, m.end


def _location(doc: ArticleDoc, base: int, sentence: str, frm: int, bound: int) -> str | None:
    region = sentence[frm:bound]
    cut = re.search(r"[;]|,\s+(?:and|while|but)\b|\b(?:after|before|when|while)\b", region)
    if cut:
        region = region[: cut.start()]
    m = _LOCATION.search(region)
    if not m:
        return None
    s = base + frm + m.start("loc")
    for ent in doc.entities:
        if ent.start <= s < ent.end and ent.label in ("PERSON", "NORP"):
            return None
    return m.group("loc")


def _sentence_figures(
    doc: ArticleDoc, base: int, sentence: str, last_kind: FigureKind | None
) -> list[Figure]:
    figures: list[Figure] = []
    zero_spans: list[tuple[int, int]] = []
    for pattern, fixed in ZERO_RES:
        for z in pattern.finditer(sentence):
            zero_spans.append((z.start(), z.end()))
            for kind in fixed or zero_kinds(z):
                figures.append(
                    _figure(doc, base, kind, 0, 0, 0, "exact", None, None, z.start(), z.end(), sentence)
                )
    cues = _cues(sentence)
    if not cues and not (last_kind and _RELATIVE_SHARE.search(sentence)):
        return figures
    names = [
        (e.start - base, e.end - base)
        for e in doc.entities
        if e.label == "PERSON" and base <= e.start and e.end <= base + len(sentence)
    ]
    mentions = _mentions(sentence, zero_spans, names)
    resolved: list[tuple[_Mention, FigureKind]] = []
    within: tuple[int, str] | None = None  # (end, group): sub-figures listed after a group's number
    has_killed = any(f.kind == "killed" for f in figures)
    pending_casualties: list[Figure] = []
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1].start if i + 1 < len(mentions) else len(sentence)
        loose_bound = _past_subfigures(sentence, mentions, i)
        lo = mentions[i - 1].end if i else 0
        qualifier, lo_b, hi_b, q_start = _qualifier(sentence, m)
        if m.superseded_start is not None:
            q_start = m.superseded_start
            lo = min(lo, q_start)
        group, noun_end = _group(sentence, m, nxt)
        if noun_end == m.end:
            pn = _PEOPLE_SPAN.match(sentence, m.end, nxt)
            noun_end = pn.end() if pn else noun_end
        noun = noun_end > m.end or m.singular or people_noun_after(sentence[m.end : nxt])
        found = m.preset or _tight_post(sentence, m, cues, nxt)
        pre = _tight_pre(sentence, m, cues, lo, m.superseded_start or q_start, nxt)
        if pre and (found is None or (pre.end == q_start and sentence[m.end : found.start].strip())):
            found = pre
        sub = _SUBDIVIDES.match(sentence[m.end : nxt])
        if found is None and sub:
            relative = sub.group(0).split()[-1].lower() in ("which", "whom")
            if resolved:
                prev_kind = resolved[-1][1] if resolved[-1][0] is mentions[i - 1] else None
            else:
                prev_kind = last_kind if relative and not find_numbers(sentence[: m.start]) else None
            if prev_kind:
                found = _Found(prev_kind, m.end, m.end)
        if found is None and resolved and _COORD_GAP.match(sentence[resolved[-1][0].end : m.start]) and noun:
            found = _Found(resolved[-1][1], m.end, m.end)
        another = _ANOTHER_BEFORE.search(sentence, max(0, q_start - 12), q_start)
        if another and resolved and found is None:
            found = _Found(resolved[-1][1], m.end, m.end)  # "8 killed in X, and another 4 in Y"
        if another:
            q_start = another.start()  # kept in the span: `tolls` adds "another" figures
        if found is None and resolved and _SUBFIGURE_BEFORE.search(sentence[resolved[-1][0].end : m.start]):
            found = _Found(resolved[-1][1], m.end, m.end)  # "164 killed ..., including 103 in Almaty"
        if found is None and not m.singular:
            found = _loose_post(sentence, m, cues, loose_bound, noun)
            if found is None and noun:
                found = _loose_pre(sentence, m, cues, lo)
        if (found is None or (found.start == found.end == m.start)) and not m.singular:
            listed = _listed_kind(sentence, mentions, i, cues)
            if listed is not None:
                found = listed
                group = group or _head_noun(sentence, m.end)
        if found is None:
            continue
        start = min(q_start, found.start)
        end = max(noun_end, found.end, m.end)
        if found.end > m.end and found.start >= m.end:  # "dead people": keep the noun after the kind word
            tail = re.match(r"\s+(?:people|persons|civilians|bodies)\b", sentence[found.end :])
            if tail:
                end = found.end + tail.end()
        if qualifier == "exact" and m.high is None:
            lo_b = hi_b = m.value
        loc = _location(doc, base, sentence, m.end, nxt)  # a place after the next number is its own
        fig = _figure(doc, base, found.kind, m.value, lo_b, hi_b, qualifier, group, loc, start, end, sentence)
        resolved.append((m, found.kind))
        if within and m.start < within[0]:
            fig = fig.model_copy(update={"group": within[1]})  # "6 civilians, including an aid worker"
        elif group and not m.singular:
            within = (_past_subfigures(sentence, mentions, i), group)
        if found.casualty:
            pending_casualties.append(fig)
            continue
        has_killed = has_killed or found.kind == "killed"
        figures.append(fig)
    if has_killed:
        figures.extend(pending_casualties)
    return figures


_ANOTHER_BEFORE = re.compile(r"\banother\s+$", re.I)
_SUBLIST_GAP = re.compile(r"^\s*(?:,\s*|\s)(?:[\w'’-]+\s+){0,3}?(?:and\s+)?$", re.I)


def _past_subfigures(sentence: str, mentions: list[_Mention], i: int) -> int:
    """Where the reach of mention i ends: the next mention, or past a list of sub-figures it opens
    ("5 persons, including a student and a shop worker, were killed")."""
    j = i + 1
    in_list = False
    while j < len(mentions):
        gap = sentence[mentions[j - 1].end : mentions[j].start]
        listed = in_list and _SUBLIST_GAP.match(gap) and not CUE_RE.search(gap)
        opens = re.search(r"\b(?:including|among\s+them)\b", gap) and len(_tokens(gap)) <= 8
        opens = opens and not CUE_RE.search(gap)
        if _SUBFIGURE_BEFORE.search(sentence[: mentions[j].start]) or listed or opens:
            in_list = True
            j += 1
            continue
        break
    return mentions[j].start if j < len(mentions) else len(sentence)


_LIST_GAP = re.compile(r"^\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+\s*(?:,\s*(?:and\s+)?|\s+and\s+)$")


def _listed_kind(
    sentence: str, mentions: list[_Mention], i: int, cues: list[tuple[int, int, str]]
) -> _Found | None:
    """A number listed before others shares their kind word: "4 policemen and 3 militants were killed"."""
    j = i
    while j + 1 < len(mentions):
        gap = sentence[mentions[j].end : mentions[j + 1].start]
        if not _LIST_GAP.match(gap) or CUE_RE.search(gap):
            return None
        j += 1
        bound = _past_subfigures(sentence, mentions, j)
        found = _tight_post(sentence, mentions[j], cues, bound)
        if found is None and j + 1 < len(mentions) and bound > mentions[j + 1].start:  # sub-figures between
            found = _loose_post(sentence, mentions[j], cues, bound, True)
        if found is not None:
            return _Found(found.kind, mentions[i].end, mentions[i].end, found.casualty)
    return None


def _head_noun(sentence: str, pos: int) -> str | None:
    """The noun a listed number counts, as its group ("15 combatants" -> "combatants")."""
    m = re.match(
        r"\s+((?:[\w'’-]+\s+){0,3}?[\w'’-]+?)(?=\s*(?:,|\band\b|\bwere\b|\bwas\b|$))", sentence[pos:]
    )
    return m.group(1).lower() if m else None


def _figure(
    doc: ArticleDoc,
    base: int,
    kind: FigureKind,
    value: int,
    lo: int | None,
    hi: int | None,
    qualifier: Qualifier,
    group: str | None,
    location: str | None,
    start: int,
    end: int,
    sentence: str,
) -> Figure:
    att = attribution_for(doc, base + start, base + end)
    authority, outlet = att.authority, att.outlet
    return Figure(
        kind=kind,
        value=value,
        min=lo,
        max=hi,
        qualifier=qualifier,
        group=group,
        location=location,
        attributed_to=authority,
        reported_by=outlet,
        text=sentence[start:end],
        start=base + start,
        end=base + end,
    )


def extract_figures(doc: ArticleDoc) -> list[Figure]:
    """Every casualty figure in `doc`, in text order, restatements within a sentence removed.

    Deaths a sentence gives as the cause of a protest or reprisal are left out; coder statements,
    vague counts of the dead and single victims named by any noun are added (see `figure_notes`).
    """
    out: list[Figure] = []
    last_kind: FigureKind | None = None
    for s in doc.sentences:
        figs = _sentence_figures(doc, s.start, s.text, last_kind)
        seen: set[tuple[object, ...]] = set()
        for f in sorted(figs, key=lambda f: f.start):
            key = (f.kind, f.value, f.qualifier, f.group, f.location)
            if key in seen:
                continue
            seen.add(key)
            if f.kind == "killed" and f.value > 0 and is_cause_of_protest(s.text, f.start - s.start):
                continue
            out.append(f)
        if figs:
            last_kind = figs[-1].kind
    related = related_spans(doc.text)
    out = [f for f in out if not _in(f, related)]
    extra = coded_figures(doc.text, out)
    extra += vague_figures(doc.text, doc.article.published, out)
    extra += [
        f
        for f in single_victims(doc.text, out + extra)
        if not any(
            is_cause_of_protest(s.text, f.start - s.start)
            for s in doc.sentences
            if s.start <= f.start < s.end
        )
    ]
    extra += coordinated_victims(doc.text, out + extra)
    extra += companions(doc.text)
    extra += one_death(doc.text, out + extra)
    extra += multiple_killing(doc.text, out + extra)
    extra += pronoun_death(doc.text, out + extra)
    extra += died_after_shot(doc.text, out + extra)
    extra += another_victim(doc.text, out + extra)
    extra += hurt_victims(doc.text, out + extra)
    extra += later_deaths(doc.text)
    extra += told_death(doc.text, out + extra)
    extra += one_injury(doc.text, out + extra)
    figures = [f for f in out + extra if not _of_earlier_incident(doc, f) and not _in(f, related)]
    figures += sides_apart(doc, figures)
    suicide = perpetrator_suicide(doc.text) or suicide_bomber(doc.text, figures)
    if suicide is not None and not _self_inflicted(doc.text, figures, suicide):
        figures = [*_victims_apart(doc, figures, suicide), suicide]
    return sorted(figures, key=lambda f: f.start)


def _in(figure: Figure, spans: list[tuple[int, int]]) -> bool:
    return any(a <= figure.start < b for a, b in spans)


_ACCIDENT = re.compile(
    r"\baccident(?:al(?:ly)?)?\b|\bself-inflicted\b|\b(?:boy|girl|child|toddler|\d{1,2}-year-old)\s+who\s+$",
    re.I,
)
_SHOT_SELF_BY_ACCIDENT = re.compile(
    r"\baccidental(?:ly)?\s+sho(?:t|ot|ots|oting)\s+(?:himself|herself)\b", re.I
)


def _self_inflicted(text: str, figures: list[Figure], suicide: Figure) -> bool:
    """Whether a killed figure's victim is its own shooter ("A boy fatally shot himself") or the death
    is an accident ("accidentally shot and killed himself", "a 4-year-old who shot himself"): then the
    suicide the text tells is this death, not one more."""
    sentence = text[max(0, text.rfind(". ", 0, suicide.start)) : suicide.start]
    if _ACCIDENT.search(sentence) or _SHOT_SELF_BY_ACCIDENT.search(text):
        return True
    return any(
        f.kind == "killed" and re.match(r"\s+(?:himself|herself)\b", text[f.end : f.end + 12])
        for f in figures
    )


def _of_earlier_incident(doc: ArticleDoc, figure: Figure) -> bool:
    if figure.kind not in ("killed", "injured") or figure.value == 0:
        return False
    sentence = doc.sentence_at(figure.start)
    if sentence is None:
        return False
    start, end = figure.start - sentence.start, figure.end - sentence.start
    return is_earlier_incident(sentence.text, start) or (
        figure.value > 1 and is_aggregate(sentence.text, start, end)
    )


def _victims_apart(doc: ArticleDoc, figures: list[Figure], suicide: Figure) -> list[Figure]:
    """Victims told before "... then killing himself" in the same sentence do not include him: they
    become a part ("victims") that adds to his own death."""
    if not is_reflexive_killing(suicide):
        return figures
    sentence = doc.sentence_at(suicide.start)
    lo = sentence.start if sentence else suicide.start
    out = []
    for f in figures:
        if (
            f.kind == "killed"
            and f.group is None
            and lo <= f.start < suicide.start
            and not _SUBFIGURE_BEFORE.search(doc.text[lo : f.start])
        ):
            f = f.model_copy(update={"group": "victims"})
        out.append(f)
    return out
