"""`POST /api/v1/articles`: validate each submitted article, extract, store, re-resolve, report per item."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from sqlalchemy import select

from crisisledger.model import Article, Record
from crisisledger.pipeline import records_to_store
from crisisledger.store import Ledger
from crisisledger.store import schema as t


class ArticleIn(BaseModel):
    """One article, shaped like a line of the contract's JSON Lines input."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    text: str = Field(min_length=1)
    title: str | None = None
    published: dt.date | None = Field(None, description="YYYY-MM-DD or an ISO datetime")
    url: str | None = None
    source: str | None = None
    language: str | None = None

    @field_validator("published", mode="before")
    @classmethod
    def _day(cls, v: Any) -> Any:
        if isinstance(v, str) and len(v) > 10 and v[10] in "T ":
            return dt.datetime.fromisoformat(v).date()
        return v

    @field_validator("text")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("text is blank")
        return v


def summary(record: Record) -> dict[str, Any]:
    """A short account of an extracted record."""
    main = record.main_event
    return {
        "main_event": None if main is None else {
            "event_type": main.event_type, "sub_event_type": main.sub_event_type,
            "date": main.date.isoformat() if main.date else None,
            "place": main.location.name if main.location else None,
            "fatalities": main.fatalities, "injured": main.injured, "arrested": main.arrested,
        },
        "events": len(record.events), "figures": len(record.figures), "claims": len(record.claims),
        "blackouts": len(record.blackouts), "error": record.error.model_dump() if record.error else None,
    }  # fmt: skip


def _incidents_of(ledger: Ledger, article_ids: list[str]) -> dict[str, list[int]]:
    e, ie = t.events, t.incident_events
    q = (select(e.c.article_id, ie.c.incident_id).join(ie, ie.c.event_id == e.c.id)
         .where(e.c.article_id.in_(article_ids)).order_by(ie.c.incident_id))  # fmt: skip
    out: dict[str, list[int]] = {}
    with ledger.engine.connect() as conn:
        for article_id, incident_id in conn.execute(q):
            ids = out.setdefault(article_id, [])
            if incident_id not in ids:
                ids.append(incident_id)
    return out


def validate(payload: Any) -> tuple[list[tuple[int, Article]], list[dict[str, Any]]]:
    """(index, Article) for each valid item; a result with errors for each invalid one."""
    items = payload if isinstance(payload, list) else [payload]
    good, bad = [], []
    for n, raw in enumerate(items):
        try:
            a = ArticleIn.model_validate(raw)
        except ValidationError as exc:
            errors = exc.errors(include_url=False, include_context=False, include_input=False)
            ident = raw.get("id") if isinstance(raw, dict) and isinstance(raw.get("id"), str) else None
            bad.append({"index": n, "id": ident, "status": "invalid", "errors": errors})
            continue
        good.append((n, Article(**a.model_dump())))
    return good, bad


def ingest(ledger: Ledger, good: list[tuple[int, Article]]) -> list[dict[str, Any]]:
    """Extract and store the articles the ledger has not seen, rebuild incidents; one result per item."""
    pairs, status = records_to_store(ledger, [a for _, a in good])
    records = {a.id: r for a, r in pairs}
    ledger.add_records(pairs)
    ledger.resolve()
    incidents = _incidents_of(ledger, [a.id for _, a in good if status[a.id] == "new"])
    names = {"new": "added", "same_text": "same_text", "same_id": "already_stored"}
    results = []
    first = {a.id: n for n, a in reversed(good)}
    for n, a in good:
        st = names[status[a.id]] if first[a.id] == n else "already_stored"
        res: dict[str, Any] = {"index": n, "id": a.id, "status": st}
        if st == "added":
            res["record"] = summary(records.get(a.id) or Record(id=a.id))
            res["incident_ids"] = incidents.get(a.id, [])
        results.append(res)
    return results
