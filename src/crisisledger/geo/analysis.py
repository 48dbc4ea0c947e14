"""One pass over an article: its place spans resolved against the gazetteer in the article's country
context, the mentions accepted, its dominant country, its headline place and outlet home (cached per
article)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from crisisledger.geo.admin_hints import admin_hints, hint_admin1, hint_countries, hint_matches
from crisisledger.geo.context import (
    Context,
    admin1_key,
    country_named,
    country_weight,
    org_areas,
    vote_coherence,
)
from crisisledger.geo.countries import fold, neighbours
from crisisledger.geo.gazetteer import Gazetteer, Place, admin_key
from crisisledger.geo.headline import home_location, title_place
from crisisledger.geo.places import PlaceMention, country_location, to_location
from crisisledger.geo.priors import country_hints
from crisisledger.geo.scoring import STRUCK, accept, alias, alias_penalty, score_place, slot_bonus
from crisisledger.geo.spans import (
    ADMIN1_TYPES,
    AREAS,
    TYPE_PREC,
    Span,
    candidates,
    find_spans,
    in_place_name,
    is_acronym,
    is_stop,
    known_name,
    placed,
)
from crisisledger.geo.stations import outlet_homes
from crisisledger.geo.us import STATES, state_votes
from crisisledger.geo.us_outlet import host_homes
from crisisledger.geo.words import AP_STATES, STOP_WORDS
from crisisledger.model import Location
from crisisledger.nlp.pipeline import ArticleDoc


@dataclass
class Extra:
    """What an article gives besides its text's place mentions."""

    title: PlaceMention | None = None  # the title's place ("Boy shot in Monroe"), offsets in the title
    title_locative: bool = False  # written after "in/at/near" (the scene)
    home: Location | None = None  # home city of the outlet that filed it (a TV station, a newspaper)
    settled: bool = False  # the leading country is named, or has places that vote for it outright


_CACHE: dict[int, tuple[ArticleDoc, str, list[PlaceMention], str | None, Extra]] = {}


def find_places(doc: ArticleDoc) -> list[PlaceMention]:
    """Every resolved place mention in the article, in text order (country names included)."""
    return analyse_places(doc)[0]


def main_country(doc: ArticleDoc) -> str | None:
    """The article's dominant country code (from country names, demonyms and places), or None."""
    return analyse_places(doc)[1]


def analyse_places(doc: ArticleDoc) -> tuple[list[PlaceMention], str | None, Extra]:
    """The article's place mentions, its dominant country and what it gives besides (cached)."""
    hit = _CACHE.get(id(doc))
    if hit is not None and hit[0] is doc and hit[1] == doc.text:
        return hit[2], hit[3], hit[4]
    gaz = Gazetteer.default()
    text = doc.text
    spans = find_spans(doc)
    ctx = Context()
    country_spans: list[tuple[Span, str]] = []
    place_spans: list[tuple[Span, list[Place], list[str]]] = []
    unknown: list[Span] = []  # names no gazetteer entry has under that spelling
    title_end = len(doc.article.title or "")
    for sp in spans:
        c = country_named(sp) if sp.key not in AP_STATES else None  # "Ky." is Kentucky, not KY
        if c is not None and sp.key not in STOP_WORDS and not (len(sp.text) == 2 and in_place_name(sp, text)):
            ctx.vote(sp.key, c.code, *country_weight(sp, text, title_end))
            country_spans.append((sp, c.code))
            continue
        if is_stop(sp) or sp.type_hint in ("neighborhood", "neighbourhood"):
            continue
        cands = candidates(gaz, sp)
        if cands:
            hints = [h for h in admin_hints(text, sp.end) if fold(h) != sp.key]  # "Bama (Bama, Houet)"
            place_spans.append((sp, cands, hints))
        elif len(sp.key) >= 4 and not sp.norp and not is_acronym(sp.text) and _placed(sp, text):
            unknown.append(sp)
    priors, border, spread = country_hints(text)
    priors += org_areas(doc, gaz)
    # Armed groups, forces, US newsroom furniture, each country's up to three times; a cross-border
    # group's home ("JNIM and ISGS": Mali) counts once, as one local cue.
    cues = [(code, min(n, 3)) for code, n in priors.items()] + [(code, 1) for code in border]
    for code, weight in cues:
        ctx.vote("", code, 3 * weight, named=False)
    for code in spread:  # where cross-border groups also act: support, not a lead
        ctx.vote("", code, 1, named=False)
    ctx.states = state_votes(text, doc.article.title)
    homes = outlet_homes(text, doc.article.title) + host_homes(doc.article.url)  # named, or in the address
    for (_, st), n in homes.items():
        ctx.states[STATES[st]] += min(n, 2)
    if ctx.states:
        ctx.vote("", "US", 2 * min(sum(ctx.states.values()), 4), named=False)
    vote_coherence(place_spans, ctx)
    # First pass: unambiguous or prominent places vote for their country and admin1.
    for sp, cands, hints in place_spans:
        codes = {p.country_code for p in cands}
        if sp.strong and (len(codes) == 1 or cands[0].population >= 300000) and not alias(cands[0], sp):
            ctx.vote(sp.key, cands[0].country_code, 4 if ctx.fits(cands[0]) else 1)
            if cands[0].precision == "admin1" and cands[0].admin1:
                ctx.admin1[admin1_key(cands[0].country_code, cands[0].admin1)] += 1
        elif sp.type_hint in ADMIN1_TYPES or sp.type_hint in ("district", "county"):
            admins = {p.country_code for p in cands if p.precision in ("admin1", "admin2")}
            if len(admins) == 1 and known_name(
                sp.text
            ):  # "Balkh province", "Aleppo countryside" (a mere spelling variant does not vote)
                ctx.vote(sp.key, admins.pop(), 4)
        if hints and len(hint_codes := hint_countries(hints, gaz)) == 1:
            ctx.vote(sp.key, next(iter(hint_codes)), 4)
        elif (
            sp.admin_slot
            and len(areas := {p.country_code for p in cands if p.precision in AREAS}) == 1
            and known_name(sp.text)  # a spelling only close to an area's does not vote
        ):
            ctx.vote(sp.key, areas.pop(), 4)  # "(Markoye, Oudalan)": an admin area of one country
    ctx.settle_coherence()
    if ctx.named:  # named places and admin areas outweigh who acted: priors only break ties
        for code, weight in cues:
            if code != "US":
                ctx.countries[code] -= 2 * weight
        ctx.countries += Counter()  # drop non-positive counts
    if unknown and "US" not in ctx.countries:  # "Saraqeb" for "Saraqib", in the text's country
        for sp in unknown:
            guesses = _fuzzy_countries(ctx, place_spans)
            cands = next((f for code in guesses if (f := gaz.fuzzy_towns(sp.text, code))), [])
            if not cands and not ctx.named and guesses:
                cands = _across_borders(gaz, sp.text, guesses[0])
            if not cands and guesses and _area_written(sp):
                cands = _close_areas(gaz, sp.text, guesses[0])  # "(Ar-Raqqa)": its area, spelled otherwise
            if cands:
                place_spans.append((sp, cands, [h for h in admin_hints(text, sp.end) if fold(h) != sp.key]))
    mentions: list[PlaceMention] = []
    large: set[int] = set()  # starts of cities of 100,000+: "outside Peshawar" outweighs a village abroad
    for sp, cands, hints in place_spans:
        scored = [
            (
                score_place(p, sp, hints, ctx, gaz) + slot_bonus(p, sp, cands) - alias_penalty(p, sp, cands),
                -i,
                p,
            )
            for i, p in enumerate(cands)
        ]
        score, _, best = max(scored)
        hint_codes = hint_countries(hints, gaz) if hints else set()
        hint_a1 = hint_admin1(hints, gaz) if hints else set()
        matched = bool(hints) and hint_matches(best, hints, gaz)
        if not accept(sp, best, score, text, ctx, hint_codes, hint_a1, matched, hints):
            exact = [t for t in scored if t[2] is not best and fold(t[2].name) == sp.key]
            if not exact or not alias(best, sp):
                continue
            score, _, best = max(exact)  # "Ariha": the town of that very name, not Jericho abroad
            matched = bool(hints) and hint_matches(best, hints, gaz)
            if not accept(sp, best, score, text, ctx, hint_codes, hint_a1, matched, hints):
                continue
        mentions.append(
            PlaceMention(sp.text, sp.start, sp.end, to_location(best), score, dateline=sp.dateline)
        )
        if best.admin1:
            ctx.admin1[admin1_key(best.country_code, best.admin1)] += 1
        if best.precision == "city" and best.population >= 100000:
            large.add(sp.start)
    for sp, code in country_spans:
        loc = country_location(code)
        if loc is not None:
            mentions.append(PlaceMention(sp.text, sp.start, sp.end, loc, 1.0))
    mentions.sort(key=lambda m: m.start)
    mentions = _mark_containers(mentions, text)
    settled = bool(ctx.named)
    if not settled:  # no country or place named outright: the places found outweigh demonyms
        for m in mentions:
            if m.location.country_code and (m.location.precision != "country" or not ctx.countries):
                ctx.countries[m.location.country_code] += 2 + (m.start in large)
    dominant = ctx.dominant
    extra = Extra(settled=settled)
    if doc.article.title:
        extra.title, extra.title_locative = title_place(doc.article.title, text, mentions, ctx, gaz)
    if homes and dominant == "US":
        extra.home = home_location(homes, gaz)
    if len(_CACHE) > 64:
        _CACHE.clear()
    _CACHE[id(doc)] = (doc, text, mentions, dominant, extra)
    return mentions, dominant, extra


def _across_borders(gaz: Gazetteer, name: str, code: str) -> list[Place]:
    """Towns spelled like `name` in the countries bordering `code`, when only who acted points to `code`
    ("Turkish forces shelled Tal Tamr": a Syrian village)."""
    return [p for near in neighbours(code) for p in gaz.fuzzy_towns(name, near)]


def _area_written(sp: Span) -> bool:
    """Whether a name may be written as an admin area: in an admin slot, before an area word, or a place
    entity (not before "city", "village": a town)."""
    if sp.type_hint:
        return TYPE_PREC.get(sp.type_hint, "admin1") != "city"
    return sp.admin_slot or sp.strong


def _close_areas(gaz: Gazetteer, name: str, code: str) -> list[Place]:
    """Admin areas of one country spelled closely like `name` ("Ar-Raqqa" for "Ar-Raqqah")."""
    key = admin_key(name)
    return [
        p
        for p in gaz.admin_lookup(name, code)
        if SequenceMatcher(None, key, admin_key(p.name)).ratio() >= 0.7
    ]


def _placed(sp: Span, text: str) -> bool:
    """`spans.placed`, or written as what a strike hit."""
    return placed(sp, text) or bool(STRUCK.search(text[max(0, sp.start - 24) : sp.start]))


def _fuzzy_countries(ctx: Context, place_spans: list[tuple[Span, list[Place], list[str]]]) -> list[str]:
    """Countries to look an unknown name up in by spelling: the text's leading country by names and
    groups, then those of names with candidates in one country only ("Idleb"); a demonym ("Russian
    warplanes struck ...") only when nothing else points anywhere."""
    cues = Counter({code: n - ctx.actors[code] for code, n in ctx.countries.items()}) + Counter()
    codes = [code for code, _ in cues.most_common(1)]
    for _, cands, _ in place_spans:
        if len(here := {p.country_code for p in cands}) == 1 and (code := here.pop()) not in codes:
            codes.append(code)
    if not codes and ctx.dominant:
        codes.append(ctx.dominant)
    return codes[:2]  # each new country builds a spelling index once: keep to the likely ones


_JOIN = re.compile(r"^\s*(?:,|\(|\s)\s*(?:[A-Z][\w'’-]*\s*(?:,|\()?\s*){0,3}$")
# "Tarmiyah, north of Baghdad", "Hass, 10 km south of Maarat": the second place only locates the first.
_REFERENCE = re.compile(
    r"^,?\s+(?:(?:about|some|around)\s+)?(?:\d+\s*(?:km|kilometers|kilometres|miles)\s+)?"
    r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _mark_containers(mentions: list[PlaceMention], text: str) -> list[PlaceMention]:
    """Mark mentions written as the admin area, or the reference point, of the place just before them."""
    out: list[PlaceMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        between = text[prev.end : m.start] if prev is not None else ""
        if (
            prev is not None
            and m.start - prev.end < 60
            and (_JOIN.match(between) or _REFERENCE.match(between))
        ):
            m = PlaceMention(m.text, m.start, m.end, m.location, m.score, container=True, dateline=m.dateline)
        out.append(m)
    return out
