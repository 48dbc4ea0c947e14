"""`Ledger`: the store's Python API (open, add records, resolve incidents, query, user decisions)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from itertools import islice
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.engine import Engine

from crisisledger.model import Article, Record
from crisisledger.resolve.incidents import Settings
from crisisledger.resolve.textdup import NearDuplicates, from_bytes, normalise, text_hash
from crisisledger.store import blackouts, migrate, query, resolution
from crisisledger.store import schema as t
from crisisledger.store.engine import make_engine
from crisisledger.store.writer import IngestStats, known_ids, write_batch

BATCH_SIZE = 100


class Ledger:
    """A ledger database. Open with `Ledger.open(url)`; every write batch is one transaction."""

    def __init__(self, engine: Engine, settings: Settings | None = None) -> None:
        self.engine = engine
        self.settings = settings or Settings()
        self._near: NearDuplicates | None = None

    @classmethod
    def open(cls, db: str | os.PathLike[str] | None = None, settings: Settings | None = None) -> Ledger:
        """Open (and create or migrate) the ledger at `db`: a path, sqlite:/// or postgresql:// URL."""
        engine = make_engine(db)
        migrate.upgrade(engine)
        return cls(engine, settings)

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _near_index(self) -> NearDuplicates:
        if self._near is None:
            near = NearDuplicates()
            a = t.articles.c
            with self.engine.connect() as conn:
                rows = conn.execute(select(a.id, a.minhash, a.text).where(a.minhash.is_not(None)))
                for key, sig, text in rows:
                    near.lsh.insert(key, from_bytes(sig))
                    near.texts[key] = normalise(text)
            self._near = near
        return self._near

    def add_records(
        self,
        items: Iterable[tuple[Article, Record]],
        batch_size: int = BATCH_SIZE,
        on_batch: Callable[[int], None] | None = None,
    ) -> IngestStats:
        """Store articles with their extracted records, `batch_size` per transaction.

        Returns the counts; `on_batch(n)` is called after each committed batch of n items.
        Incidents are not rebuilt here: call `resolve()` afterwards.
        """
        total = IngestStats()
        iterator = iter(items)
        while batch := list(islice(iterator, batch_size)):
            near = self._near_index()
            try:
                with self.engine.begin() as conn:
                    total += write_batch(conn, batch, near)
            except BaseException:
                self._near = None  # the index may hold rolled-back articles
                raise
            if on_batch:
                on_batch(len(batch))
        return total

    def triage(self, articles: list[Article]) -> dict[str, str]:
        """For each article id: "new", "same_id" (already stored) or "same_text" (stored under another id)."""
        ids = [a.id for a in articles]
        hashes = {a.id: text_hash(a.text) for a in articles}
        with self.engine.connect() as conn:
            known = known_ids(conn, ids)
            q = select(t.articles.c.text_hash).where(t.articles.c.text_hash.in_(set(hashes.values())))
            seen_text = set(conn.scalars(q))
        status: dict[str, str] = {}
        for a in articles:
            if a.id in known or a.id in status:
                status.setdefault(a.id, "same_id")
            else:
                status[a.id] = "same_text" if hashes[a.id] in seen_text else "new"
                seen_text.add(hashes[a.id])
        return status

    def resolve(self) -> int:
        """Rebuild all incidents from the stored events and user decisions; returns their count."""
        with self.engine.begin() as conn:
            count = resolution.rebuild(conn, self.settings)
            blackouts.rebuild(conn)  # incident ids changed: relink the blackouts
            return count

    def incidents(self, filters: query.Filters | None = None, **kwargs: Any) -> list[dict[str, Any]]:
        """Incidents matching the filters (a `Filters` or its fields as keywords)."""
        with self.engine.connect() as conn:
            return query.find_incidents(conn, filters or query.Filters(**kwargs))

    def incident(self, incident_id: int) -> dict[str, Any] | None:
        """One incident with its events and merge reasons, or None."""
        with self.engine.connect() as conn:
            return query.get_incident(conn, incident_id)

    def counts(self) -> dict[str, int]:
        """Row counts per table."""
        tables = (t.articles, t.article_aliases, t.events, t.figures, t.claims, t.blackouts, t.incidents,
                  t.decisions)  # fmt: skip
        with self.engine.connect() as conn:
            return {tb.name: conn.scalar(select(func.count()).select_from(tb)) or 0 for tb in tables}

    def _event_keys(self, conn: Any, incident_id: int) -> list[tuple[int, str, int]]:
        e, ie = t.events, t.incident_events
        q = (select(e.c.id, e.c.article_id, e.c.idx).join(ie, ie.c.event_id == e.c.id)
             .where(ie.c.incident_id == incident_id).order_by(e.c.id))  # fmt: skip
        return [(r[0], r[1], r[2]) for r in conn.execute(q)]

    def merge(self, first: int, second: int) -> int:
        """Record the user's decision that two incidents are one; re-resolve; returns the merged id."""
        with self.engine.begin() as conn:
            a, b = self._event_keys(conn, first), self._event_keys(conn, second)
            if not a or not b:
                raise KeyError(f"no incident {first if not a else second}")
            self._forget(conn, "split", a, b)
            self._decide(conn, "merge", [(a[0], b[0])])
            resolution.rebuild(conn, self.settings)
            return query.incident_of_event(conn, a[0][0]) or first

    def split(self, incident_id: int, event_id: int) -> int:
        """Record that an event is not part of an incident; re-resolve; returns the event's new incident."""
        with self.engine.begin() as conn:
            keys = self._event_keys(conn, incident_id)
            target = [k for k in keys if k[0] == event_id]
            if not target:
                raise KeyError(f"event {event_id} is not in incident {incident_id}")
            others = [k for k in keys if k[0] != event_id]
            self._forget(conn, "merge", target, others)
            self._decide(conn, "split", [(target[0], o) for o in others])
            resolution.rebuild(conn, self.settings)
            return query.incident_of_event(conn, event_id) or event_id

    @staticmethod
    def _decide(conn: Any, kind: str, pairs: list[tuple[tuple[int, str, int], tuple[int, str, int]]]) -> None:
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        rows = [{"kind": kind, "a_article": a[1], "a_idx": a[2], "b_article": b[1], "b_idx": b[2],
                 "created_at": now} for a, b in pairs]  # fmt: skip
        if rows:
            conn.execute(insert(t.decisions), rows)

    @staticmethod
    def _forget(conn: Any, kind: str, xs: list[tuple[int, str, int]], ys: list[tuple[int, str, int]]) -> None:
        """Delete earlier decisions of `kind` between any event of `xs` and any of `ys`."""
        d = t.decisions.c
        for x in xs:
            for y in ys:
                for a, b in ((x, y), (y, x)):
                    conn.execute(delete(t.decisions).where(
                        d.kind == kind, d.a_article == a[1], d.a_idx == a[2],
                        d.b_article == b[1], d.b_idx == b[2]))  # fmt: skip
