"""crisisledger: a sourced ledger of crisis events, casualty figures, claims and Internet blackouts.

>>> import crisisledger
>>> record = crisisledger.extract("Police said two people were killed in Almaty.", published="2022-01-10")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from crisisledger.model import Article, Blackout, Claim, Event, Figure, Location, Record

if TYPE_CHECKING:
    from crisisledger.pipeline import extract, extract_articles

__all__ = [
    "Article",
    "Blackout",
    "Claim",
    "Event",
    "Figure",
    "Location",
    "Record",
    "extract",
    "extract_articles",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # The pipeline loads the NLP stack; import it only when it is asked for.
    if name in ("extract", "extract_articles"):
        from crisisledger import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'crisisledger' has no attribute {name!r}")
