"""The ledger store on SQLite (temp dir) and PostgreSQL (own schema per test): schema, idempotent ingest."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from crisisledger.model import ErrorInfo, Record
from crisisledger.store import Ledger
from crisisledger.store import schema as t
from crisisledger.store.engine import database_url
from crisisledger.store.migrate import current
from crisisledger.store.testing import ALMATY, event, figure, item, server_available

PG_UP = server_available()


def riot(i: int, text: str | None = None) -> tuple:
    """A one-event article with one killed figure."""
    return item(
        f"a{i}",
        text or f"Report number {i}: clashes broke out in district {i}; {i % 7} people died there.",
        "2022-01-10",
        [event("Riots", "Violent demonstration", "2022-01-05", ALMATY, fatalities=i % 7 + 1, figures=[0])],
        [figure("killed", i % 7 + 1, attributed_to="Police")],
    )


def test_database_url_forms(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CRISISLEDGER_DB", raising=False)
    assert database_url() == "sqlite:///crisisledger.db"
    assert database_url("x/y.db") == "sqlite:///x/y.db"
    assert database_url("sqlite:////tmp/a.db") == "sqlite:////tmp/a.db"
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.setenv("CRISISLEDGER_DB", "env.db")
    assert database_url() == "sqlite:///env.db"


def test_migration_creates_exactly_the_schema(db_url: str) -> None:
    ledger = Ledger.open(db_url)
    assert current(ledger.engine) == "0007"
    with ledger.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), t.metadata)
    assert diff == []
    Ledger.open(db_url).close()  # opening again is a no-op
    ledger.close()


def test_migration_0007_keeps_story_facts_and_recomputes_their_terms(db_url: str) -> None:
    import datetime as dt

    from sqlalchemy import select

    from crisisledger.resolve.storyfacts import FACTS_VERSION
    from crisisledger.store import migrate
    from crisisledger.store.engine import make_engine

    engine = make_engine(db_url)
    migrate.upgrade(engine, "0006")
    text = "Gunfire outside a laundromat wounded a cyclist late on Friday, the dispatcher said."
    with engine.begin() as conn:
        conn.execute(
            t.articles.insert().values(
                id="a1", text_hash="h1", text=text, record={}, ingested_at=dt.datetime.now()
            )
        )
        facts = {"article_id": "a1", "version": FACTS_VERSION - 1, "words": 12, "names": [], "addresses": [],
                 "ages": []}  # fmt: skip
        conn.execute(t.story_facts.insert().values(facts))
    engine.dispose()
    with Ledger.open(db_url) as ledger:
        assert current(ledger.engine) == "0007"
        with ledger.engine.connect() as conn:
            assert conn.execute(select(t.story_facts.c.terms)).scalar_one() == []
        ledger.resolve()
        with ledger.engine.connect() as conn:
            row = conn.execute(select(t.story_facts.c.version, t.story_facts.c.terms)).one()
    words = ["cyclist", "dispatcher", "gunfire", "late", "laundromat", "outside", "said", "wounded"]
    assert tuple(row) == (FACTS_VERSION, words)


def test_ingest_is_idempotent_by_id_and_by_text(db_url: str) -> None:
    with Ledger.open(db_url) as ledger:
        first = ledger.add_records([riot(1), riot(2)])
        assert (first.added, first.same_id, first.same_text) == (2, 0, 0)
        again = ledger.add_records([riot(1), riot(2)])
        assert (again.added, again.same_id) == (0, 2)
        article, record = riot(1)
        copy = article.model_copy(
            update={
                "id": "copy-of-a1",
                "text": "  REPORT number 1: clashes broke out in district 1, 1 people died there!",
            }
        )
        third = ledger.add_records([(copy, record.model_copy(update={"id": "copy-of-a1"})), (copy, record)])
        assert (third.added, third.same_text, third.same_id) == (0, 1, 1)
        counts = ledger.counts()
        assert (counts["articles"], counts["article_aliases"], counts["events"], counts["figures"]) == (
            2,
            1,
            2,
            2,
        )
        assert ledger.resolve() == 1
        (incident,) = ledger.incidents()
        assert incident["article_ids"] == ["a1", "a2", "copy-of-a1"]


def test_near_copy_points_to_its_original(db_url: str) -> None:
    base = (
        "Security forces opened fire on a crowd gathered near the city hall on Wednesday evening, "
        "witnesses said, and at least five protesters were killed while dozens more were wounded. "
        "The interior ministry said order had been restored by midnight and that an inquiry would start. "
        "Shops along the main avenue stayed shut on Thursday morning, and buses did not run to the centre. "
        "Relatives waited outside the central hospital for news of the injured, some of whom were said to be "
        "in a serious condition. An opposition party called the shooting a massacre and demanded that the "
        "officers who gave the order be named and tried. The government replied that the crowd had attacked "
        "a police post first and that several officers had also been hurt in the clashes near the square."
    )
    edited = base.replace("Wednesday evening", "Wednesday night").replace("dozens more", "dozens of others")
    unrelated = "Heavy rain flooded three villages in the north; no one was hurt, the local governor said."
    page = "Sign in to your account to keep reading. Subscribers get unlimited access to local news on {}."
    with Ledger.open(db_url) as ledger:
        stats = ledger.add_records([riot(1, base), riot(2, edited), riot(3, unrelated)])
        assert (stats.added, stats.near_copies) == (3, 1)
        short = ledger.add_records([riot(4, page.format("any device")), riot(5, page.format("every device"))])
        assert (short.added, short.near_copies) == (2, 0)  # short boilerplate pages are never copies
        with ledger.engine.connect() as conn:
            rows = {
                a: d
                for a, d in conn.execute(
                    t.articles.select().with_only_columns(t.articles.c.id, t.articles.c.duplicate_of)
                )
            }
    assert rows == {"a1": None, "a2": "a1", "a3": None, "a4": None, "a5": None}


def test_records_with_errors_are_stored_without_events(db_url: str) -> None:
    article, _ = riot(9)
    failed = Record(id=article.id, error=ErrorInfo(code="extract_failed", message="boom"))
    with Ledger.open(db_url) as ledger:
        assert ledger.add_records([(article, failed)]).added == 1
        assert ledger.counts()["events"] == 0
        assert ledger.resolve() == 0


CHILD = """
import sys, time
from crisisledger.store import Ledger
from crisisledger.store.testing import ALMATY, event, figure, item

def items(n):
    for i in range(n):
        time.sleep(0.004)
        yield item(f"k{i}", f"Article {i} about unrest number {i} with its own wording {i * 7919}.",
                   "2022-01-10",
                   [event("Riots", "Violent demonstration", "2022-01-05", ALMATY, fatalities=1, figures=[0])],
                   [figure("killed", 1)])

Ledger.open(sys.argv[1]).add_records(items(int(sys.argv[2])), batch_size=int(sys.argv[3]))
"""


def _article_count(url: str) -> int:
    with Ledger.open(url) as ledger:
        return ledger.counts()["articles"]


def test_kill_9_mid_ingest_then_rerun_is_exact(db_url: str, tmp_path: Path) -> None:
    total, batch = 600, 50
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    child = subprocess.Popen([sys.executable, str(script), db_url, str(total), str(batch)])
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and _article_count(db_url) < 2 * batch:
            time.sleep(0.05)
            assert child.poll() is None, "the child finished before it could be killed"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait()
    with Ledger.open(db_url) as ledger:
        partial = ledger.counts()
        assert 0 < partial["articles"] < total
        assert partial["articles"] % batch == 0  # only whole batches were committed
        assert partial["events"] == partial["figures"] == partial["articles"]
        scope: dict[str, Any] = {}
        exec(compile(CHILD.split("Ledger.open")[0], "child", "exec"), scope)
        stats = ledger.add_records(scope["items"](total), batch_size=batch)
        assert (stats.added, stats.same_id) == (total - partial["articles"], partial["articles"])
        final = ledger.counts()
    assert (final["articles"], final["events"], final["figures"], final["article_aliases"]) == (
        total,
    ) * 3 + (0,)
