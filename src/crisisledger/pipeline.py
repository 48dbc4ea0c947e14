"""The extraction pipeline: articles → NLP → extractors → records (the Python API)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from crisisledger.model import Article, ErrorInfo, Record
from crisisledger.nlp.pipeline import analyse
from crisisledger.nlp.workers import MIN_PARALLEL, batched, map_batches

if TYPE_CHECKING:
    from crisisledger.store import Ledger

BATCH_SIZE = 32
STORE_BATCH_SIZE = 50  # articles triaged, extracted and written together by `store_batches`

# What to store of a batch: its (article, record) pairs, and each article id's triage status.
StoreBatch = tuple[list[tuple[Article, Record]], dict[str, str]]
WARM_UP_TEXT = "Police said two people were shot dead and three injured in Springfield, Illinois, on Monday."


def extract(
    text: str,
    published: dt.date | str | None = None,
    *,
    id: str = "text",
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
) -> Record:
    """Extract the record of one report.

    >>> record = extract("Police said two people were killed in Almaty on Monday.", published="2022-01-10")
    """
    if isinstance(published, str):
        published = dt.date.fromisoformat(published[:10])
    article = Article(id=id, text=text, title=title, published=published, source=source, url=url)
    return next(extract_articles([article]))


def extract_articles(
    articles: Iterable[Article],
    batch_size: int = BATCH_SIZE,
    jobs: int = 1,
    min_parallel: int = MIN_PARALLEL,
) -> Iterator[Record]:
    """Extract records for many articles, in order, batching the NLP work.

    With `jobs` > 1 and at least `min_parallel` articles, batches are extracted in `jobs` worker
    processes (see `crisisledger.nlp.workers`); the records are the same as in-process.
    """
    batches = map_batches(
        extract_batch, articles, batch_size=batch_size, jobs=jobs, min_parallel=min_parallel, warm_up=warm_up
    )
    for records in batches:
        yield from records


def extract_batch(articles: list[Article]) -> list[Record]:
    """The records of one batch of articles (spaCy runs once over the whole batch).

    A page whose text reports no event, or no dead or wounded, but which has a title (a sign-in wall
    or a paywall under "Two dead, three wounded in Elm Park shooting") gets the event or the figures
    its title reports, marked `in_title` (their offsets are into the title; see `with_title_event`);
    one whose text counts wounded but no dead gets the dead its title tells (`with_title_dead`)."""
    from crisisledger.extractors.record import (
        build_record,
        build_title_record,
        needs_title,
        with_title,
    )

    records = [build_record(doc) for doc in analyse(articles)]
    untold = [(i, a) for i, (a, r) in enumerate(zip(articles, records, strict=True))
              if needs_title(r) and r.error is None and a.title and a.title.strip()]  # fmt: skip
    if untold:
        headlines = analyse([a.model_copy(update={"text": a.title}) for _, a in untold])
        for (i, _), doc in zip(untold, headlines, strict=True):
            records[i] = with_title(records[i], build_title_record(doc))
    return records


def extract_batch_safely(
    articles: list[Article], extract: Callable[[list[Article]], list[Record]] | None = None
) -> list[Record]:
    """Like `extract_batch` (or `extract`, when given), but an article whose extraction fails gets an
    error record (code `extract_failed`) instead of sinking its batch: the batch is retried one
    article at a time."""
    extract = extract or extract_batch
    try:
        return extract(articles)
    except ImportError:
        raise  # a broken installation, not a bad article
    except Exception:
        records = []
        for article in articles:
            try:
                records.extend(extract([article]))
            except ImportError:
                raise
            except Exception as exc:
                error = ErrorInfo(
                    code="extract_failed", message=f"extraction failed: {type(exc).__name__}: {exc}"
                )
                records.append(Record(id=article.id, error=error))
        return records


def warm_up() -> None:
    """Load every model and table extraction uses (spaCy, gazetteer, classifier) into this process."""
    extract_batch([Article(id="warm-up", text=WARM_UP_TEXT, published=dt.date(2020, 1, 6))])


def records_to_store(ledger: Ledger, articles: list[Article]) -> StoreBatch:
    """Extract what `ledger` lacks: the (article, record) pairs to store, and each article's triage
    status ("new", "same_id", "same_text"). Only new articles are extracted; a same-text copy gets an
    empty record (the ledger keeps it as an alias); an id given twice in `articles` is stored once."""
    status = ledger.triage(articles)
    return _pairs(articles, status), status


def _pairs(articles: list[Article], status: dict[str, str]) -> list[tuple[Article, Record]]:
    new = list({a.id: a for a in articles if status[a.id] == "new"}.values())
    records = {r.id: r for r in extract_batch_safely(new)} if new else {}
    pairs: dict[str, tuple[Article, Record]] = {}
    for a in articles:
        if a.id not in pairs and status[a.id] in ("new", "same_text"):
            pairs[a.id] = (a, records.get(a.id) or Record(id=a.id, published=a.published))
    return list(pairs.values())


def store_batches(
    ledger: Ledger, articles: Iterable[Article], batch_size: int = STORE_BATCH_SIZE, jobs: int = 1
) -> Iterator[StoreBatch]:
    """`records_to_store` over consecutive batches of `articles`, in order.

    With `jobs` > 1 and enough articles, this process triages each batch against the ledger and the
    new articles are extracted in worker processes while the caller writes earlier batches. A batch
    is triaged before the one ahead of it is written, so a copy spanning two batches may be extracted
    needlessly; the writer still stores it once (it checks ids and texts again).
    """
    triaged = ((batch, ledger.triage(batch)) for batch in batched(articles, batch_size))
    min_batches = -(-MIN_PARALLEL // batch_size)
    for done in map_batches(_extract_new, triaged, batch_size=1, jobs=jobs, min_parallel=min_batches,
                            warm_up=warm_up):  # fmt: skip
        yield from done


def _extract_new(chunk: list[tuple[list[Article], dict[str, str]]]) -> list[StoreBatch]:
    """The pairs to store of each triaged batch (run in a worker process when there are several)."""
    return [(_pairs(batch, status), status) for batch, status in chunk]
