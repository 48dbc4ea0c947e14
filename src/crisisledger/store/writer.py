"""Turn (Article, Record) pairs into rows and write them, one transaction per batch.

Idempotent: an article whose id is already stored (as an article or an alias) is
skipped; one whose normalised text is already stored under another id becomes an
alias of it. Near copies (MinHash/LSH + fuzzy ratio) are stored but point to their
original through `duplicate_of`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from crisisledger.model import Article, Record
from crisisledger.resolve.storyfacts import StoryFacts
from crisisledger.resolve.textdup import NearDuplicates, minhash, text_hash, to_bytes
from crisisledger.store import schema as t


@dataclass
class IngestStats:
    """Counts of what one or more batches did."""

    added: int = 0
    same_id: int = 0
    same_text: int = 0
    near_copies: int = 0

    def __iadd__(self, other: IngestStats) -> IngestStats:
        self.added += other.added
        self.same_id += other.same_id
        self.same_text += other.same_text
        self.near_copies += other.near_copies
        return self


def known_ids(conn: Connection, ids: list[str]) -> set[str]:
    found = set(conn.scalars(select(t.articles.c.id).where(t.articles.c.id.in_(ids))))
    return found | set(conn.scalars(select(t.article_aliases.c.id).where(t.article_aliases.c.id.in_(ids))))


def _event_rows(article_id: str, record: Record) -> list[dict[str, Any]]:
    events = list(record.events)
    main = record.main_event
    main_idx = next((i for i, e in enumerate(events) if e == main), None)
    if main is not None and main_idx is None:
        events.append(main)
        main_idx = len(events) - 1
    rows = []
    for i, e in enumerate(events):
        loc = e.location
        rows.append(
            {
                "article_id": article_id, "idx": i, "is_main": i == main_idx,
                "event_type": e.event_type, "sub_event_type": e.sub_event_type,
                "date": e.date, "date_precision": e.date_precision,
                "location": loc.model_dump(mode="json") if loc else None,
                "place": loc.name if loc else None,
                "country_code": loc.country_code.upper() if loc and loc.country_code else None,
                "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
                "geonames_id": loc.geonames_id if loc else None,
                "actors": [a.model_dump(mode="json") for a in e.actors],
                "fatalities": e.fatalities, "injured": e.injured, "arrested": e.arrested,
                "_figures": list(e.figures),
            }
        )  # fmt: skip
    return rows


def _write_article(conn: Connection, article: Article, record: Record, h: str, sig: bytes,
                   dup: tuple[str, float] | None) -> None:  # fmt: skip
    conn.execute(
        insert(t.articles),
        {
            "id": article.id, "text_hash": h, "title": article.title,
            "published": article.published or record.published, "url": article.url,
            "source": article.source, "language": article.language or record.language,
            "text": article.text, "record": record.model_dump(mode="json"), "minhash": sig,
            "duplicate_of": dup[0] if dup else None, "duplicate_score": dup[1] if dup else None,
            "ingested_at": dt.datetime.now(dt.UTC).replace(tzinfo=None),
        },
    )  # fmt: skip
    conn.execute(insert(t.story_facts), StoryFacts.of(article.id, None, article.text, article.title).row())
    event_rows = _event_rows(article.id, record)
    figure_event: dict[int, int] = {}
    if event_rows:
        stmt = insert(t.events).returning(t.events.c.id, sort_by_parameter_order=True)
        ids = conn.scalars(stmt, [{k: v for k, v in r.items() if k != "_figures"} for r in event_rows]).all()
        main_id = next((eid for eid, r in zip(ids, event_rows, strict=True) if r["is_main"]), None)
        for eid, r in zip(ids, event_rows, strict=True):
            for f in r["_figures"]:
                figure_event.setdefault(f, eid)
        for f in range(len(record.figures)):
            if f not in figure_event and main_id is not None:
                figure_event[f] = main_id
    children = (
        (t.figures, [f.model_dump(mode="json") | {"event_id": figure_event.get(i)}
                     for i, f in enumerate(record.figures)]),
        (t.claims, [c.model_dump(mode="json") for c in record.claims]),
        (t.blackouts, [b.model_dump(mode="json") for b in record.blackouts]),
    )  # fmt: skip
    for table, rows in children:
        if rows:
            conn.execute(insert(table), [_dates(r, table.c.keys()) | {"article_id": article.id, "idx": i}
                                         for i, r in enumerate(rows)])  # fmt: skip


def _dates(row: dict[str, Any], columns: list[str]) -> dict[str, Any]:
    """The row's known columns, with JSON-dumped dates turned back into `date` objects."""
    return {k: dt.date.fromisoformat(v) if k in ("date", "start", "end") and isinstance(v, str) else v
            for k, v in row.items() if k in columns}  # fmt: skip


def write_batch(conn: Connection, batch: list[tuple[Article, Record]], near: NearDuplicates) -> IngestStats:
    """Write one batch inside the caller's transaction; returns what happened."""
    stats = IngestStats()
    known = known_ids(conn, [a.id for a, _ in batch])
    hashes = {a.id: text_hash(a.text) for a, _ in batch}
    q = select(t.articles.c.text_hash, t.articles.c.id).where(
        t.articles.c.text_hash.in_(set(hashes.values()))
    )
    stored = {h: i for h, i in conn.execute(q)}
    for article, record in batch:
        h = hashes[article.id]
        if article.id in known:
            stats.same_id += 1
        elif h in stored:
            conn.execute(insert(t.article_aliases), {"id": article.id, "article_id": stored[h]})
            stats.same_text += 1
        else:
            sig = minhash(article.text)
            dup = near.find(sig, article.text)
            _write_article(conn, article, record, h, to_bytes(sig), dup)
            near.add(article.id, sig, article.text)
            stats.added += 1
            stats.near_copies += dup is not None
            stored[h] = article.id
        known.add(article.id)
    return stats
