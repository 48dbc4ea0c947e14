"""Compose the extractors into the contract's record for one article."""

from __future__ import annotations

from crisisledger.extractors.blackouts import extract_blackouts
from crisisledger.extractors.claims import extract_claims
from crisisledger.extractors.events import build_events
from crisisledger.extractors.figures import extract_figures
from crisisledger.geo.resolve import event_location
from crisisledger.model import Record
from crisisledger.nlp.pipeline import ArticleDoc


def build_record(doc: ArticleDoc) -> Record:
    """Run every extractor over `doc` and assemble its record."""
    figures = extract_figures(doc)
    events, main_event = build_events(doc, figures, locate=event_location)
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


def with_title_event(record: Record, title: Record) -> Record:
    """`record` (no main event: its text tells none) with the main event read from its article's
    title, when the title reports one; the title's figures are added, marked `in_title`."""
    main = title.main_event
    if main is None or not (main.figures or main.event_type in TITLE_EVENT_TYPES):
        return record
    shift = len(record.figures)
    figures = [f.model_copy(update={"in_title": True}) for f in title.figures]
    event = main.model_copy(
        update={
            "figures": [shift + i for i in main.figures],
            "evidence": main.evidence.model_copy(update={"in_title": True}),
        }
    )
    return record.model_copy(
        update={"main_event": event, "events": [*record.events, event], "figures": record.figures + figures}
    )
