"""What limits each goal not yet reached, and what would move it: written into docs/benchmarks.md
next to the measured figures, so every unmet goal carries an honest explanation."""

from __future__ import annotations

# Keyed by measure name, or by "<set> <measure name>" where one set's limits differ from another's.
LIMITS: dict[str, str] = {
    "event_type accuracy": (
        "ACLED files code the same wording differently (who is a rioter, a mob or a militia); Kenya's older "
        "coding has no close training file; the classifier is a linear TF-IDF model on 12 training files. "
        "Would move it: more varied training data, a sentence-embedding or small transformer classifier "
        "(optional torch extra), a hierarchical type → sub-type model."
    ),
    "sub_event_type weighted F1": (
        "Weak classes: Armed clash vs Attack, Government regains territory, Change to group/activity vs "
        "Other, Excessive force. Would move it: the same as event type, plus ACLED's coding rules for "
        "these classes written as features."
    ),
    "fatalities exact": (
        "Tolls split across several coded events without the note saying so, files that code 0 where the "
        "note gives deaths, vague quantities. Would move it: modelling ACLED's split and vague-count rules "
        "per period, victim coreference across sentences."
    ),
    "fatalities exact (gold > 0)": "As above; most misses are split or partial tolls.",
    "country accuracy": (
        "A quarter of held-out notes name no place, admin area or country at all (see the row 'notes naming "
        "their place'): their country can only be guessed. Where a place is named, villages missing from "
        "GeoNames cities500 and foreign forces' demonyms cause most misses. Would move it: a larger "
        "gazetteer (GeoNames admin areas and villages), actor → country priors learned from more data."
    ),
    "location within 25 km": (
        "Villages and districts missing from cities500 fall back to a district or province centre. Would "
        "move it: a fuller gazetteer; learned disambiguation among same-name places."
    ),
    "location within 161 km": "As above, plus notes that name no place.",
    "killed exact": (
        "Articles report part of a toll or an earlier figure; crawl pages with no article text; the same "
        "victim restated in other words vs a new victim. Would move it: victim coreference, page cleaning."
    ),
    "gva location within 25 km": (
        "Towns missing from cities500 fall back to a county or state centre; namesakes with no state cue in "
        "the text; pages with no article text or no main event. Would move it: a county-centre fallback, a "
        "fuller US gazetteer, wider coverage of TV call signs and newspapers."
    ),
    "injured exact": (
        "Victims 'shot' who later died, or wounded people told without a number. Would move it: the same "
        "victim coreference as killed."
    ),
    "B-cubed F1": (
        "Articles with no event or no place (boilerplate pages) stay alone; person-name story links join "
        "some different incidents that share a common name (precision on the full set is lower than on the "
        "development slices). Would move it: weighting names by rarity, requiring a second agreeing fact."
    ),
    "incident killed exact": "Bound by the extraction of each article's toll (see GVA killed exact).",
    "incident injured exact": "Bound by the extraction of each article's injured (see GVA injured exact).",
}
