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
