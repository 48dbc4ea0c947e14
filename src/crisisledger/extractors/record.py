"""Compose the extractors into the contract's record for one article."""

from __future__ import annotations

from crisisledger.extractors.blackouts import extract_blackouts
from crisisledger.extractors.claims import extract_claims
from crisisledger.extractors.events import LocateFn, build_events
from crisisledger.extractors.figure_headlines import with_headline_figures
from crisisledger.extractors.figures import extract_figures
from crisisledger.extractors.tolls import is_shot_only
from crisisledger.geo.resolve import event_location
from crisisledger.model import Event, Record
from crisisledger.nlp.pipeline import ArticleDoc


def build_record(doc: ArticleDoc, locate: LocateFn | None = event_location) -> Record:
    """Run every extractor over `doc` and assemble its record."""
    figures = extract_figures(doc)
    events, main_event = build_events(doc, figures, locate=locate)
    return Record(
        id=doc.article.id,
        language=doc.article.language or "en",
        published=doc.article.published,
        main_event=main_event,
        events=events,
        figures=figures,
        claims=extract_claims(doc),
        blackouts=extract_blackouts(doc),
    )


# A headline is read for an event only when it tells of violence or gives a figure: a page's title
# can be anything ("Friends remember a beloved coach"), and the classifier's guess on it is weak.
TITLE_EVENT_TYPES = frozenset({"Battles", "Violence against civilians", "Explosions/Remote violence"})


def build_title_record(doc: ArticleDoc, locate: LocateFn | None = event_location) -> Record:
    """The record of a headline (`doc` is an article's title): its figures include the victims told
    in headline style ("Teen shot, killed", "Man dies after shooting", see `figure_headlines`)."""
    figures = extract_figures(doc)
    figures = with_headline_figures(doc.text, figures)
    events, main_event = build_events(doc, figures, locate=locate)
    return Record(id=doc.article.id, published=doc.article.published, main_event=main_event, events=events,
                  figures=figures)  # fmt: skip


_CASUALTY_KINDS = ("killed", "injured")


def tells_no_casualties(record: Record) -> bool:
    """Whether the record's text tells no main event, or one without a killed or injured figure (a
    sign-in wall typed by the classifier, a story that names the victim but gives no count): then
    the article's title is read for them (`with_title_event`)."""
    main = record.main_event
    return main is None or not any(record.figures[i].kind in _CASUALTY_KINDS for i in main.figures)


def tells_no_dead(record: Record) -> bool:
    """Whether the record's main event counts wounded but no dead ("she was shot in the chest" under
    "Girl dies after being shot"): then the title is read for the dead (`with_title_dead`)."""
    main = record.main_event
    return main is not None and not main.fatalities and bool(main.injured)


def tells_no_wounded(record: Record) -> bool:
    """Whether the record's main event counts dead but no wounded: then the title is read for the
    wounded (`with_title_wounded`)."""
    main = record.main_event
    return main is not None and bool(main.fatalities) and not main.injured


def with_title_wounded(record: Record, title: Record) -> Record:
    """`record` (its main event counts dead, no wounded) with the wounded its title tells of the
    same event: the title counts as many dead, and says its wounded were hurt, not only shot (a
    headline's "shot" may be the dead victim: "Girl killed after being shot")."""
    main, own = title.main_event, record.main_event
    if main is None or own is None or not main.injured or main.fatalities != own.fatalities:
        return record
    hurt = [i for i in main.figures if title.figures[i].kind == "injured"]
    if not hurt or all(is_shot_only(title.figures[i]) for i in hurt):
        return record
    return _with_title_figures(record, own, title, hurt, injured=main.injured)


def _with_title_figures(
    record: Record, own: Event, title: Record, picked: list[int], **counts: int | None
) -> Record:
    """`record` whose main event `own` takes the title's figures `picked` (marked `in_title`) and `counts`."""
    shift = len(record.figures)
    figures = record.figures + [title.figures[i].model_copy(update={"in_title": True}) for i in picked]
    kept = own.model_copy(
        update={**counts, "figures": sorted([*own.figures, *range(shift, shift + len(picked))])}
    )
    events = [kept if e == own else e for e in record.events]
    return record.model_copy(update={"main_event": kept, "events": events, "figures": figures})


def needs_title(record: Record) -> bool:
    """Whether the article's title is read for the casualties its text does not tell (see
    `with_title`)."""
    return tells_no_casualties(record) or tells_no_dead(record) or tells_no_wounded(record)


def with_title(record: Record, title: Record) -> Record:
    """`record` completed from its article's title (`record` `needs_title`): the title's event when
    the text tells no casualties, else the title's wounded or dead, whichever the text lacks."""
    if tells_no_casualties(record):
        return with_title_event(record, title)
    if tells_no_wounded(record):
        return with_title_wounded(record, title)
    return with_title_dead(record, title)


def with_title_dead(record: Record, title: Record) -> Record:
    """`record` (its main event counts wounded, no dead) with the dead its title tells, marked
    `in_title`. A title that tells no wounded tells of the same victims as the text: when its dead
    are as many as the text's wounded, those wounded died ("Girl dies after being shot" over "she
    was shot"), and the event counts none wounded."""
    main, own = title.main_event, record.main_event
    if main is None or own is None or not main.fatalities:
        return record
    dead = [i for i in main.figures if title.figures[i].kind == "killed"]
    if not dead:
        return record
    injured = 0 if not main.injured and own.injured == main.fatalities else own.injured
    return _with_title_figures(record, own, title, dead, fatalities=main.fatalities, injured=injured)


def with_title_event(record: Record, title: Record) -> Record:
    """`record` (its text tells no casualties, see `tells_no_casualties`) with the event read from
    its article's title, when the title reports one; the title's figures are added, marked `in_title`.

    With no main event in the text, the title's event is the main event. A text whose main event has
    no casualty figure keeps it when it is an act of violence, which takes the title's dead and
    wounded; any other (a page's boilerplate typed as a protest, an arrest) gives way to the title's
    event when that event has casualties."""
    main = title.main_event
    if main is None or not (main.figures or main.event_type in TITLE_EVENT_TYPES):
        return record
    told = [i for i in main.figures if title.figures[i].kind in _CASUALTY_KINDS]
    if record.main_event is not None and not told:
        return record
    shift = len(record.figures)
    figures = record.figures + [f.model_copy(update={"in_title": True}) for f in title.figures]
    own = record.main_event
    if own is not None and own.event_type in TITLE_EVENT_TYPES:
        kept = own.model_copy(
            update={
                "fatalities": main.fatalities,
                "injured": main.injured,
                "figures": sorted([*own.figures, *(shift + i for i in told)]),
            }
        )
        events = [kept if e == own else e for e in record.events]
        return record.model_copy(update={"main_event": kept, "events": events, "figures": figures})
    event = main.model_copy(
        update={
            "figures": [shift + i for i in main.figures],
            "evidence": main.evidence.model_copy(update={"in_title": True}),
        }
    )
    return record.model_copy(
        update={"main_event": event, "events": [*record.events, event], "figures": figures}
    )
