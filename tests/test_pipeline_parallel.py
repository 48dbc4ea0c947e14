"""Parallel extraction: worker processes give the same records, in the same order, as in-process."""

from __future__ import annotations

import datetime as dt
import json
import os
from typing import Any

import pytest
from click.testing import CliRunner

from crisisledger.cli import extract_cmd, main
from crisisledger.model import Article, Record
from crisisledger.nlp.workers import batched, default_jobs, map_batches
from crisisledger.pipeline import extract_articles, extract_batch, store_batches
from crisisledger.store import IngestStats, Ledger

PARENT = os.getpid()

# Short reports written for these tests; varied so that places, figures and claims all occur.
REPORTS = [
    "Two men were shot dead outside a bar in Toledo, Ohio, late on Saturday, police said.",
    "A teenager was wounded in a drive-by shooting in Gary on Friday night; officers arrested a suspect.",
    "Three people were injured when gunfire broke out at a party in Memphis, Tennessee.",
    "Hundreds of protesters marched through Portland on Sunday; police detained 12 people.",
    "A woman was killed and her brother hurt in a shooting in Baton Rouge, the sheriff's office said.",
    "No one was hurt when a man fired several rounds into a house in Tulsa early on Monday.",
    "Officers said a 19-year-old was found with a gunshot wound in Fresno and later died in hospital.",
    "Flooding forced 300 families from their homes near Cedar Rapids, Iowa, officials said.",
]


def _square_all(batch: list[int]) -> list[tuple[int, bool]]:
    """Squares, and whether they were computed in a worker process."""
    return [(n * n, os.getpid() != PARENT) for n in batch]


def _die_on_forty(batch: list[int]) -> list[int]:
    """Kills its worker on the batch holding 40; computes normally in the parent."""
    if 40 in batch and os.getpid() != PARENT:
        os._exit(3)
    return [n + 1 for n in batch]


def test_batched_and_default_jobs() -> None:
    assert list(batched(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(batched([], 3)) == []
    assert 1 <= default_jobs() <= 2


def test_map_batches_keeps_order_and_uses_workers() -> None:
    warmed: list[bool] = []
    out = list(
        map_batches(
            _square_all,
            range(100),
            batch_size=7,
            jobs=2,
            min_parallel=50,
            warm_up=lambda: warmed.append(True),
        )
    )
    flat = [value for batch in out for value in batch]
    assert [v for v, _ in flat] == [n * n for n in range(100)]
    assert [len(b) for b in out] == [7] * 14 + [2]
    assert all(in_worker for _, in_worker in flat) and warmed == [True]


def test_small_inputs_and_one_job_stay_in_process() -> None:
    small = [v for b in map_batches(_square_all, range(20), batch_size=4, jobs=2, min_parallel=50) for v in b]
    serial = [
        v for b in map_batches(_square_all, range(100), batch_size=4, jobs=1, min_parallel=50) for v in b
    ]
    assert small == [(n * n, False) for n in range(20)]
    assert serial == [(n * n, False) for n in range(100)]


def test_a_dead_worker_falls_back_to_in_process() -> None:
    out = [v for b in map_batches(_die_on_forty, range(90), batch_size=5, jobs=2, min_parallel=10) for v in b]
    assert out == [n + 1 for n in range(90)]


def _articles(n: int) -> list[Article]:
    return [
        Article(id=f"a{i}", text=REPORTS[i % len(REPORTS)], published=dt.date(2016, 3, 1 + i % 28))
        for i in range(n)
    ]


def _dump(records: list[Record]) -> list[dict[str, object]]:
    return [r.model_dump(mode="json") for r in records]


def test_parallel_records_equal_serial_records_in_order() -> None:
    articles = _articles(24)
    serial = list(extract_articles(articles, batch_size=4, jobs=1))
    parallel = list(extract_articles(articles, batch_size=4, jobs=2, min_parallel=8))
    assert [r.id for r in parallel] == [f"a{i}" for i in range(24)]
    assert _dump(parallel) == _dump(serial)
    assert serial[0].main_event is not None and serial[0].main_event.fatalities == 2


class _Stub:
    """A picklable stand-in for the pipeline: one record per article, failing on 'landslide'."""

    def __call__(self, articles: list[Article], batch_size: int = 32) -> list[Record]:
        if any("landslide" in a.text for a in articles):
            raise RuntimeError("stub failure")
        return [Record(id=a.id, language="en", published=a.published) for a in articles]


def _cli(args: list[str], lines: list[dict[str, str]]) -> tuple[int, list[dict[str, Any]]]:
    stdin = "".join(json.dumps(line) + "\n" for line in lines).encode()
    result = CliRunner().invoke(main, ["extract", *args], input=stdin)
    return result.exit_code, [json.loads(line) for line in result.stdout.splitlines()]


def test_cli_jobs_option_gives_the_same_output(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract_cmd, "_pipeline", lambda: _Stub())
    lines = [{"id": f"n{i}", "text": "A landslide hit." if i == 70 else f"Report {i}."} for i in range(150)]
    code1, serial = _cli(["--jobs", "1", "-"], lines)
    code2, parallel = _cli(["--jobs", "2", "-"], lines)
    assert code1 == code2 == 1
    assert parallel == serial and [r["id"] for r in parallel] == [f"n{i}" for i in range(150)]
    assert parallel[70]["error"]["code"] == "extract_failed" and parallel[71]["error"] is None


def _store(ledger: Ledger, articles: list[Article], jobs: int) -> tuple[IngestStats, int]:
    """Write what `store_batches` hands out, as `crisisledger ingest` does: (counts, articles extracted)."""
    total, extracted = IngestStats(), 0
    for pairs, status in store_batches(ledger, articles, batch_size=5, jobs=jobs):
        total += ledger.add_records(pairs)
        total.same_id += sum(s == "same_id" for s in status.values())
        extracted += sum(s == "new" for s in status.values())
    return total, extracted


def test_parallel_ingest_stores_each_text_once(db_url: str) -> None:
    # 66 articles in 14 batches: enough for worker processes. The 8 reports repeat under new ids,
    # so most copies sit in a batch triaged before their original's batch is written.
    articles = _articles(66)
    with Ledger.open(db_url) as ledger:
        stats, _ = _store(ledger, articles, jobs=2)
        assert (stats.added, stats.same_text, stats.same_id) == (8, 58, 0)
        assert ledger.counts()["articles"] == 8 and ledger.counts()["article_aliases"] == 58
        ledger.resolve()
        stored = ledger.incidents()
        again, extracted = _store(ledger, articles, jobs=2)
        assert (again.added, again.same_text, again.same_id, extracted) == (0, 0, 66, 0)
    killed = {a: i["fatalities"] for i in stored for a in i["article_ids"]}
    serial = [r.main_event.fatalities if r.main_event else None for r in extract_batch(articles[:8])]
    assert [killed.get(f"a{i}") for i in range(8)] == serial and serial[0] == 2
