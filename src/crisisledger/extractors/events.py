"""Events: one per distinct incident an article reports, with type, date, place, actors and figures.

Sentences are typed by rules (ACLED definitions); typed sentences of one family (unrest,
armed violence, disaster, diplomacy, …) form one event, and figures attach to the event
whose sentences carry them. Sentences that only report what someone said do not start events.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from crisisledger.extractors.actors import find_actors
from crisisledger.extractors.classifier import Prediction, classify
from crisisledger.extractors.codebook import codebook_refine
from crisisledger.extractors.dates import event_date
from crisisledger.extractors.event_types import RULES, classify_by_rules, has_crisis_cue
from crisisledger.extractors.figure_deaths import LATER_GROUP
from crisisledger.extractors.figure_notes import (
    CODED_MARK,
    SHORT_REPORT_CHARS,
    SUICIDE_GROUP,
    alternate_counts,
    day_split,
    party_claims,
)
from crisisledger.extractors.tolls import stated_total
from crisisledger.model import SUB_EVENT_TYPES, Event, Figure, Location, Span
from crisisledger.nlp.pipeline import ArticleDoc

FAMILIES: dict[str, str] = {
    "Protests": "unrest",
    "Riots": "unrest",
    "Battles": "violence",
    "Explosions/Remote violence": "violence",
    "Violence against civilians": "violence",
    "Disasters": "disaster",
    "Crime": "violence",
}
_SUB_FAMILY = {
    "Arrests": "unrest",
    "Looting/property destruction": "unrest",
    "Diplomatic event": "diplomacy",
    "Agreement": "diplomacy",
    "Claim of responsibility": "claim",
}
_RULE_RANK = {rule.sub_event_type: len(RULES) - i for i, rule in enumerate(reversed(RULES))}
_MINOR_FAMILIES = {"diplomacy", "claim", "other"}
# A protest with deaths is coded as another type (excessive force, a riot): none of 24,000 training
# rows of these types has fatalities. A note's protest whose deaths are all told in a relative clause
# ("against the blast that killed two", "the culprits who murdered a girl") counts none: they are
# the deaths it protests, not deaths at the protest ("a student was killed when police charged").
_DEATHLESS = {"Peaceful protest", "Protest with intervention"}
_CAUSE_CLAUSE = re.compile(r"\b(?:that|which|who|whom)\b|\bbodies\s+of\b", re.I)
CAUSE_CLAUSE_AFTER = 40  # characters after a figure where its relative clause may still be told


def _protested_deaths(doc: ArticleDoc, figures: list[Figure]) -> bool:
    """Whether every killed figure of a protest is told in a relative clause (see `_DEATHLESS`)."""
    killed = [f for f in figures if f.kind == "killed" and f.value > 0]
    for f in killed:
        sentence = doc.sentence_at(f.start)
        lo = sentence.start if sentence else 0
        if not _CAUSE_CLAUSE.search(doc.text, lo, f.end + CAUSE_CLAUSE_AFTER):
            return False
    return bool(killed)


# Types whose cue words ("clashes", "killed", "arrested", "looted") also describe the course of an
# incident already under way: such a sentence continues the current event instead of starting one.
_CONTINUING = {"Armed clash", "Attack", "Arrests", "Looting/property destruction", "Mob violence"}

_SPEECH = re.compile(
    r"\b(?:said|says|explained|added|stated|stating|told|claimed|declared|argued|insisted|warned|"
    r"according to|speech|described|accused|called)\b|[“”\"]",
    re.IGNORECASE,
)
_NETWORK = re.compile(
    r"\b(?:internet|connectivity|blackout|shutdown|outage|online|websites?|social media)\b", re.I
)

CLASSIFIER_CONFIDENCE = 0.5  # below this the rules' type stands
# How sure the classifier must be to overrule particular rules (chosen by leave-files-out CV, see
# data/MODEL_CARD.md). A rule that names the weapon (an IED, shells, an air strike, a grenade) tells
# remote violence from a battle or an attack, and one weapon from another, so against those it holds
# unless the classifier is near certain; generic cue words ("killed", "attacked", "arrested",
# "looted") say little about ACLED's sub-type and yield to the classifier's best guess, in a short
# note-like report (the classifier's own domain); in news articles they keep the usual bar (on
# MUC-4's news the low bar cost 7 points of event type).
WEAPON_RULES = {
    "Remote explosive/landmine/IED",
    "Shelling/artillery/missile attack",
    "Air/drone strike",
    "Grenade",
}
WEAPON_RULE_CONFIDENCE = 0.9
_WEAPON_RIVALS = {"Battles", "Violence against civilians", "Explosions/Remote violence"}
WEAK_RULES = {"Attack", "Looting/property destruction", "Arrests"}
WEAK_RULE_CONFIDENCE = 0.2
LEAD_FOR_CLASSIFIER = 3

# In a news article (longer than SHORT_REPORT_CHARS), once the event has a killed (injured) figure,
# later sentences past the lead that type no event add none: they are background ("344 homicides
# this year", an earlier shooting). A death told only later ("he died at the hospital") still counts.
LEAD_SENTENCES = 3
_BACKGROUND_KINDS = {"killed", "injured"}

LocateFn = Callable[[ArticleDoc, int, int], Location | None]

_FIGURE_TYPES = {
    "killed": "Attack",
    "injured": "Attack",
    "kidnapped": "Abduction/forced disappearance",
    "arrested": "Arrests",
}


def family_of(sub_event_type: str) -> str:
    return _SUB_FAMILY.get(sub_event_type) or FAMILIES.get(SUB_EVENT_TYPES[sub_event_type], "other")


@dataclass
class _Draft:
    family: str
    sub_types: list[str] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)
    figures: list[int] = field(default_factory=list)


def _sentence_types(doc: ArticleDoc, figures_by_sentence: dict[int, list[int]]) -> list[str | None]:
    types: list[str | None] = []
    for i, sentence in enumerate(doc.sentences):
        text = sentence.text
        has_figures = i in figures_by_sentence
        if _NETWORK.search(text) and not has_figures:
            types.append(None)
            continue
        sub = classify_by_rules(text)
        if sub and family_of(sub) not in ("diplomacy", "claim") and _SPEECH.search(text) and not has_figures:
            sub = None  # only reports what someone said
        types.append(sub)
    return types


def _figure_sentence(doc: ArticleDoc, figure: Figure) -> int:
    for i, sentence in enumerate(doc.sentences):
        if sentence.start <= figure.start < sentence.end:
            return i
    return 0


def _drafts(doc: ArticleDoc, figures: list[Figure]) -> list[_Draft]:
    by_sentence: dict[int, list[int]] = {}
    for index, figure in enumerate(figures):
        by_sentence.setdefault(_figure_sentence(doc, figure), []).append(index)
    types = _sentence_types(doc, by_sentence)
    news = len(doc.text) > SHORT_REPORT_CHARS
    drafts: dict[str, _Draft] = {}
    current: _Draft | None = None
    for i, sub in enumerate(types):
        figs = by_sentence.get(i, [])
        if sub is None and figs and current is None:
            kinds = [figures[f].kind for f in figs]
            sub = next((_FIGURE_TYPES[k] for k in kinds if k in _FIGURE_TYPES), None)
        if sub is not None:
            family = family_of(sub)
            if sub in _CONTINUING and current is not None and current.family not in _MINOR_FAMILIES:
                family = current.family
            current = drafts.setdefault(family, _Draft(family))
            current.sub_types.append(sub)
            current.sentences.append(i)
        if sub is None and news and i >= LEAD_SENTENCES and current is not None:
            known = {figures[f].kind for f in current.figures if figures[f].value > 0}
            figs = [
                f
                for f in figs
                if figures[f].kind not in _BACKGROUND_KINDS & known
                or figures[f].group in (SUICIDE_GROUP, LATER_GROUP)
            ]  # background, except the attacker's own death
        coded = [f for f in figs if CODED_MARK.match(figures[f].text)]
        if coded and _main_draft(drafts) is not None:
            main = _main_draft(drafts)
            assert main is not None
            main.figures.extend(coded)  # the coder's statement is about the main event
            figs = [f for f in figs if f not in coded]
        if figs and current is not None:
            target = current if current.family not in _MINOR_FAMILIES else _main_draft(drafts) or current
            target.figures.extend(figs)
            if i not in target.sentences:
                target.sentences.append(i)
    _fold_generic_violence(drafts)
    _casualties_to_main(drafts, figures)
    return list(drafts.values())


def _casualties_to_main(drafts: dict[str, _Draft], figures: list[Figure]) -> None:
    """Dead and wounded told in a sentence typed as a strategic development or a claim ("9 militants
    were killed and weapons seized") count for the main event, once the article has one."""
    main = _main_draft(drafts)
    if main is None:
        return
    for draft in drafts.values():
        if draft.family in _MINOR_FAMILIES:
            moved = [f for f in draft.figures if figures[f].kind in _BACKGROUND_KINDS]
            draft.figures = [f for f in draft.figures if f not in moved]
            main.figures.extend(moved)


def _fold_generic_violence(drafts: dict[str, _Draft]) -> None:
    """Clashes and killings told only in generic words belong to the unrest the article reports."""
    unrest, violence = drafts.get("unrest"), drafts.get("violence")
    if unrest is None or violence is None or not set(violence.sub_types) <= _CONTINUING:
        return
    unrest.sub_types.extend(violence.sub_types)
    if "Armed clash" in violence.sub_types:  # protesters clashing is a violent demonstration (ACLED)
        unrest.sub_types.append("Violent demonstration")
    unrest.sentences.extend(i for i in violence.sentences if i not in unrest.sentences)
    unrest.figures.extend(violence.figures)
    del drafts["violence"]


def _main_draft(drafts: dict[str, _Draft]) -> _Draft | None:
    major = [d for d in drafts.values() if d.family not in _MINOR_FAMILIES]
    return major[0] if major else None


# Rules whose cues decide by definition, or that the classifier has too few rows to learn.
STRONG_RULES = {
    "Suicide bomb",
    "Chemical weapon",
    "Mob violence",
    "Disrupted weapons use",
    "Excessive force against protesters",
    "Headquarters or base established",
}
# Rules that yield only to a confident classifier of the same family (a violent demonstration may
# turn out peaceful or mob violence, but not an armed clash).
FAMILY_RULES = {"Violent demonstration"}
# The contract's extra categories yield only to a classifier this sure of an ACLED type.
EXTRA_OVERRIDE_CONFIDENCE = 0.8
_PARAGRAPH = re.compile(r"\n\s*\n")
# A suicide bomb told with these words was part of a battle, or stopped by armed forces (an armed clash).
_COMBAT = re.compile(
    r"\b(?:clash\w*|battle\w*|fighting|fought|assault|gunfight|firefight|exchange of fire|"
    r"foil\w*|intercept\w*|halted|stopped|shot)\b",
    re.IGNORECASE,
)
_IN_BATTLE = {"Grenade", "Suicide bomb"}


def _ruled_type(draft: _Draft) -> str | None:
    """The most specific rule type of the draft; a protest followed by arrests is an intervention."""
    if not draft.sub_types:
        return None
    if "Peaceful protest" in draft.sub_types and "Arrests" in draft.sub_types:
        return "Protest with intervention"
    return min(draft.sub_types, key=lambda s: _RULE_RANK.get(s, len(RULES)))


def _sub_event_type(draft: _Draft, text: str, note: bool) -> str:
    """The chosen type (`_chosen_type`), refined by the codebook's distinctions (`codebook_refine`)."""
    return codebook_refine(_chosen_type(draft, text, note), text, note)


def _chosen_type(draft: _Draft, text: str, note: bool) -> str:
    """The ACLED classifier's type of `text` when it is confident enough (`_threshold`), else the
    rules' type (`note`: the report is short and note-like, the classifier's own domain).

    Rules decide alone for the types they define sharply (`STRONG_RULES`); the contract's extra
    categories (disasters, crime, diplomacy, claims) have no ACLED rows and stand unless the
    classifier is near certain of an ACLED type.
    """
    ruled = _ruled_type(draft)
    if ruled in STRONG_RULES and not (ruled == "Suicide bomb" and _COMBAT.search(text)):
        return ruled  # (ACLED: a suicide bomb opening an assault or a battle is part of an armed clash)
    (prediction,) = classify([text])
    if prediction is None:
        return ruled or "Other"
    extra = ruled is not None and (family_of(ruled) in _MINOR_FAMILIES or family_of(ruled) == "disaster")
    if extra and prediction.event_type == "Strategic developments":
        return str(ruled)  # a summit or a claim is no evidence of an ACLED strategic development
    threshold = EXTRA_OVERRIDE_CONFIDENCE if extra else _threshold(ruled, prediction, note)
    if ruled in FAMILY_RULES and family_of(prediction.sub_event_type) != family_of(ruled):
        return ruled
    if ruled == "Protest with intervention" and prediction.sub_event_type == "Peaceful protest":
        return ruled  # the intervention is often told after the protest, where the classifier misses it
    if ruled == "Armed clash" and prediction.sub_event_type in _IN_BATTLE and _COMBAT.search(text):
        return ruled  # ACLED: a grenade or suicide bomb used in the course of a battle is part of the clash
    if ruled is None or prediction.confidence >= threshold:
        return prediction.sub_event_type
    return ruled


def _threshold(ruled: str | None, prediction: Prediction, note: bool) -> float:
    """How sure the classifier must be for its type to replace the rules' type."""
    if ruled in WEAPON_RULES and prediction.event_type in _WEAPON_RIVALS:
        return WEAPON_RULE_CONFIDENCE
    return WEAK_RULE_CONFIDENCE if note and ruled in WEAK_RULES else CLASSIFIER_CONFIDENCE


def _classifier_text(doc: ArticleDoc, draft: _Draft, drafts: list[_Draft]) -> str:
    """What the classifier reads for a draft: a short one-incident report whole, else its sentences."""
    major = [d for d in drafts if d.family not in _MINOR_FAMILIES]
    if len(doc.text) <= SHORT_REPORT_CHARS and (len(major) <= 1 and (not major or draft is major[0])):
        return doc.text
    return " ".join(doc.sentences[i].text for i in sorted(draft.sentences))


def _is_short_report(doc: ArticleDoc) -> bool:
    """A short text without article structure (paragraphs): like an ACLED note, it tells one event."""
    return len(doc.text) <= SHORT_REPORT_CHARS and not _PARAGRAPH.search(doc.text.strip())


def _classifier_draft(doc: ArticleDoc) -> list[_Draft]:
    """An event for a report no rule typed: the classifier's, when it is confident about the lead,
    or, for a short report that uses words of conflict or crisis, always (one note, one event)."""
    short = _is_short_report(doc)
    lead = list(range(len(doc.sentences) if short else min(LEAD_FOR_CLASSIFIER, len(doc.sentences))))
    if not lead:
        return []
    (prediction,) = classify([" ".join(doc.sentences[i].text for i in lead)])
    if prediction is None:
        return []
    if prediction.confidence < CLASSIFIER_CONFIDENCE and not (short and has_crisis_cue(doc.text)):
        return []
    return [_Draft(family_of(prediction.sub_event_type), sentences=lead)]


def _fatalities(doc: ArticleDoc, own: list[Figure], sub: str, note: bool) -> int:
    """The event's dead: none for a note's protest of deaths (`_protested_deaths`), an old note's share
    of a toll told over days (`day_split`), else the figures' stated total; a note's party claims
    of the dead it caused and other sources' counts are left out when another figure counts the dead
    (`party_claims`, `alternate_counts`)."""
    if note and sub in _DEATHLESS and _protested_deaths(doc, own):
        return 0
    if note:
        left_out = party_claims(doc.text, own) + alternate_counts(doc.text, own)
        own = [f for f in own if f not in left_out]
        share = day_split(doc.text, doc.article.published, own)
        if share:
            return share
    return stated_total(own, "killed") or 0


def build_events(
    doc: ArticleDoc,
    figures: list[Figure],
    locate: LocateFn | None = None,
) -> tuple[list[Event], Event | None]:
    """All events of the article, and its main event (None when it reports none)."""
    events: list[tuple[tuple[int, int, int], Event]] = []
    lead = doc.text[: doc.sentences[min(2, len(doc.sentences) - 1)].end] if doc.sentences else ""
    drafts = _drafts(doc, figures) or _classifier_draft(doc)
    note = _is_short_report(doc)
    for draft in drafts:
        span_text = " ".join(doc.sentences[i].text for i in sorted(draft.sentences))
        sub = _sub_event_type(draft, _classifier_text(doc, draft, drafts), note)
        event_type = SUB_EVENT_TYPES[sub]
        first = doc.sentences[min(draft.sentences)]
        last = doc.sentences[max(draft.sentences)]
        date, precision = event_date(first.text, first.start, lead, doc.article.published)
        location = locate(doc, first.start, last.end) if locate else None
        country = location.country if location else None
        own = [figures[i] for i in draft.figures]
        event = Event(
            event_type=event_type,
            sub_event_type=sub,
            date=date,
            date_precision=precision,
            location=location,
            actors=find_actors(span_text, event_type, sub, country),
            fatalities=_fatalities(doc, own, sub, note),
            injured=stated_total(own, "injured"),
            arrested=stated_total(own, "arrested"),
            figures=sorted(draft.figures),
            evidence=Span(start=first.start, end=last.end),
        )
        rank = (0 if draft.family not in _MINOR_FAMILIES else 1, -len(own), min(draft.sentences))
        events.append((rank, event))
    if not events:
        return [], None
    main = min(events, key=lambda pair: pair[0])[1]
    ordered = [e for _, e in sorted(events, key=lambda pair: pair[1].evidence.start)]
    return ordered, main
