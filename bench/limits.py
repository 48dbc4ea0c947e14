"""What limits each goal not yet reached, and what would move it: written into docs/benchmarks.md
next to the measured figures, so every unmet goal carries an honest explanation."""

from __future__ import annotations

# Keyed by measure name, or by "<set> <measure name>" where one set's limits differ from another's.
LIMITS: dict[str, str] = {
    "event_type accuracy": (
        "ACLED files code the same wording differently (who is a rioter, a mob or a militia); Kenya's "
        "older coding has no close training file. Cross-validation over the training files (whole files "
        "held out) reaches 87-90% for the whole typing pipeline, far above the held-out files, so the gap "
        "is one of coding style between files, not of fit. The classifier is linear (TF-IDF + logistic "
        "regression with rule features, hierarchical decoding); rules and classifier are combined by "
        "per-rule confidence bars tuned on the training folds, then refined by codebook distinctions read "
        "over the whole note (an attack fought back is a clash, a crowd's own violence a violent "
        "demonstration). Earlier rounds' codebook refinements raised pooled cross-validation but not the "
        "held-out check. This round: explosives told as an attack's means ('a mine planted', 'bomb "
        "attack', 'struck a mine') are IED, an attack by an unorganised crowd (locals, villagers, a mob) "
        "is mob violence, attacks on security personnel, peacekeepers and community militias on duty are "
        "armed clashes, a bomb that went off while being planted is disrupted weapons use: pipeline "
        "cross-validation (600 rows per fold) 86.4 to 87.9%, weighted F1 83.7 to 85.0, each cue checked "
        "against every typed training row; the held-out check (600 notes) again did not move (86.0%). "
        "The classifier was not retrained for the new rule features. Would move it: training notes in the "
        "held-out files' style, a small transformer or sentence-embedding classifier (optional torch "
        "extra)."
    ),
    "sub_event_type weighted F1": (
        "Weak classes: Armed clash vs Attack, Government regains territory, Change to group/activity vs "
        "Other, Excessive force. Some of ACLED's coding rules for these classes are written as "
        "refinements (fire support of a ground battle, attacks on armed actors on duty, property-only "
        "attacks). Would move it: the same as event type."
    ),
    "fatalities exact": (
        "Tolls split across several coded events without the note saying so, one side's claims (coded apart "
        "in some files, added in others: the training files disagree), files that code 0 where the note "
        "gives deaths. Figure rules gained on training-file notes (Nigeria/Mali/CAR-style dev +1 to +3 "
        "points) but not on the held-out Kenya and Syria/Yemen/… files, whose style differs. Would move it: "
        "per-file coding conventions learned from training rows, training notes in the held-out style. "
        "Earlier rounds (coders' own statements, protests whose deaths are their cause, sides counted "
        "apart, a pre-2019 note's multi-day toll divided over its days) gained on training files and left "
        "the held-out sample unchanged. This round: another source's count is left out when the note has "
        "its own ('one source says 11'), a protest's last listed cause is no casualty, a suicide bomber's "
        "own death is added to the victims counted by group, and companions killed 'along with' a victim "
        "count with him: seven training files (300 notes each) 0.839 to 0.868, gold > 0 0.804 to 0.813; "
        "the held-out sample (600 notes) stayed at 87.7% / 64.7%. The largest training miss groups left "
        "are file conventions (one file divides a toll across the places a note lists, another codes 0 "
        "for many notes that state deaths)."
    ),
    "fatalities exact (gold > 0)": "As above; most misses are split or partial tolls.",
    "country accuracy": (
        "A quarter of held-out notes name no place, admin area or country that we find (see the row 'notes "
        "naming their place'); country cues (parties, forces, peoples, leaders, admin words) place some of "
        "them, but Kenya's estates and villages and most Sahel villages are in no gazetteer we ship, and "
        "cross-border groups (JNIM, Al Shabaab, Boko Haram) point to several countries (about 40 of 1,750 "
        "training-file dev notes are Burkina Faso events placed in Mali on such a group alone). On training "
        "files left out of the place table, country reaches 86-97%. Would move it: a fuller GeoNames extract "
        "as a data package (villages, admin-3 areas; none is on PyPI): cities500 holds 118 towns for "
        "Burkina Faso, 94 for Mali, 76 for Somalia, 23 for South Sudan. This round: a cross-border group "
        "votes once; short names matched by a close spelling; party and force cues for the held-out "
        "countries from general knowledge (so part of that file's gain is optimistic). This round: more "
        "press spellings of Arabic names are matched (no apostrophes, '-a' for '-ah', 'al-' for an "
        "assimilated article, an article spaCy leaves out of the entity, an entity widened to the longer "
        "known name), a large town spelled otherwise beats a tiny namesake abroad ('Derna'), what an "
        "attack hit is a place, and an unknown village is also looked up next door when only who acted "
        "points to a country: held-out sample (600 notes) country 77.3 to 79.2%, 25 km 47.0 to 48.3%, "
        "161 km 74.3 to 76.2% (the spelling rules were checked on sentences we wrote around GeoNames "
        "towns of the held-out countries: treat that self-check as optimistic)."
    ),
    "location within 25 km": (
        "Villages and districts missing from cities500 (Kenya's estates and sub-counties, South Sudan's "
        "counties, Afghan and Somali districts) fall back to a district or province centre, 30-120 km off; "
        "notes listing several towns do not say which one a coded row is. Would move it: a fuller "
        "gazetteer; learned disambiguation among same-name places."
    ),
    "location within 161 km": "As above, plus notes that name no place.",
    "killed exact": (
        "Articles report part of a toll or an earlier figure; victims in critical condition whom GVA "
        "records as killed later; the same victim restated in other words vs a new victim; pages whose "
        "body is a sign-in wall or a video playlist (the largest group of misses on the dev half: one "
        "killed, none found). Links to other stories (RELATED lines, a trailing 'More stories' block) "
        "are left out; a title is read when the body counts no dead or wounded, headline style included "
        "('Man, 21, killed'; its figures are marked in_title), and a death told without a number ('Smith "
        "died at the hospital') counts one when nothing else counts the dead. This round: a death told by a "
        "noun with its victim ('child's shooting death', 'killing of', 'deadly shooting', a headline "
        "homicide), 'died after being shot', ages after names ('Doe, 32, of Dayton') and 'shot at' people "
        "no longer counted as hits (dev half 81.8 to 83.3%, odd 79.5 to 80.3%). This round: ages listed "
        "after a person noun, photo counters and 'gunshot wounds' are no counts of people, 'declared "
        "clinically dead' counts a death, a count told 'last year' outside a named incident is a statistic "
        "(dev 83.5 to 83.9%, odd 80.9 to 81.0%). Left: a late total or a victim of another group told past "
        "the lead is dropped as background; a tally continued from the sentence before is read as the "
        "incident's count. Would move it: victim coreference, page cleaning."
    ),
    "gva location within 25 km": (
        "Misses: pages whose main text is another story (video playlists, 'more stories' blocks) or that "
        "tell no event, towns missing from cities500 (unincorporated places, townships; they fall back to "
        "a county or state centre), US pages whose clutter names a foreign place. Outlet homes are read "
        "from the page address (call signs, channel-number brands, newspaper hosts, metro abbreviations, "
        "city or state path segments); without the address, the dev half falls from 87.6 to 80.9%. This "
        "round: a headline town the text never names beats a body town of that state 25 km away, and a "
        "town written before its people ('2 Blytheville teens') is the title's place (dev +3, 0 broken). "
        "Preferring the title's place outright would fix 12 and break 80 (site names, 'Hand', "
        "'Downtown'); the rest needs the extractor to tell an event drawn from boilerplate and fall back to "
        "the title's event. Would move it: page cleaning, a fuller US gazetteer."
    ),
    "injured exact": (
        "Victims 'shot' who later died (GVA counts victims in critical condition as dead when they die), or "
        "wounded people told without a number. This round: an officer is not the suspect, a stated age "
        "tells a shot victim from the dead, a lone victim told at another place (the hospital's town) is "
        "one of a place's larger count, the dead among several victims with wounds are not also injured: "
        "dev half 72.5 to 73.6%, odd 69.6 to 70.3%. Within-article coreference is still by rule (gender, "
        "name, stated age, group). Would move it: the same victim coreference as killed."
    ),
    "B-cubed F1": (
        "Recall: on the dev half about 190 articles sit outside their incident's largest group: follow-ups "
        "dated weeks apart that share nothing (naming no one, or a misread date), pages or copies with no "
        "event, reports placed wrong (about a third: a namesake town in another state, short pages placed "
        "from their boilerplate rather than their title), short pages linked only on the same day. "
        "Precision: event links between reports of one big city a few days apart, single rare names shared "
        "by two stories, names that are no people (an outlet's credit, a business). Earlier: spellings of a "
        "name one letter apart are one name; a story link weeks later crosses states when both reports "
        "give two or more of its people. This round: reports giving the very same ages join in one town "
        "within 60 days; two longer reports with the same victims join when each is the only other "
        "incident in its town within 14 days; a link resting only on the events' own place names "
        "('Pembroke Pines police said' read as a name) joins nothing (dev F1 0.9245 to 0.9279, odd about "
        "0.919 to 0.920). The first two rules fire less in a denser ledger than this sample, so their "
        "recall gain is optimistic. Would move it: better places and dates per article (see GVA location); "
        "a learned pair scorer (the pairs' features overlap heavily at every threshold tried)."
    ),
    "articles/s (GVA, wall time incl. start-up)": (
        "Extraction runs spaCy's small English model (NER only) over the candidate sentences, then the "
        "rules, the classifier and place resolution, in two worker processes. This round found two costs "
        "in the libraries, not in the arithmetic: spaCy's compiled NER decoding loop took the GIL back for "
        "every candidate move, and thinc's bundled BLIS runs generic kernels on this CPU (AMD EPYC). The NER "
        "is now stepped from Python (`nlp/stepwise.py`: spaCy's own predict and transition steps) and "
        "multiplies with numpy's OpenBLAS, one thread per process: entities unchanged (output "
        "byte-identical on all 4,162 GVA articles and 720 ACLED training notes), CPU per article down by "
        "about a third (1,000 GVA articles in one process 44.5 to 29.6 s; all GVA with two workers 252 to "
        "140 s wall on a loaded machine); with it the goal was met on 2026-12-08 (63.7/s at machine pace "
        "0.34 s), while a slower machine (pace 0.60 s) had given 27.3/s before it. Gazetteer spelling "
        "skeletons are now stored in its cache (each worker built its fuzzy-town indexes anew: 1.35 to "
        "0.27 s CPU per process). What is left: the NER's network itself, place resolution (about a "
        "fifth), the typing rules and classifier, figures. Would move it: fewer sentences parsed (changes "
        "output)."
    ),
    "incident killed exact": (
        "Bound by the extraction of each article's toll (see GVA killed exact); figures above a report's "
        "own toll (earlier attacks recalled) are left out of the incident. An incident's toll is the middle "
        "count of its reports (the lower one of an even number; the conservative figure when just two "
        "reports disagree on the dead, or when later reports give a higher death toll: a toll that rose). "
        "This round (middle count instead of the most frequent one): dev killed 87.8 to 88.1%, injured "
        "76.8 to 77.2%; odd killed 84.7 to 84.5, injured 72.1 to 72.7. Most misses left are incidents "
        "grouped right whose reports carry a wrong figure."
    ),
    "incident injured exact": "Bound by the extraction of each article's injured (see GVA injured exact).",
}
