"""The extraction pipeline: articles → NLP → extractors → records (the Python API)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from itertools import islice

from crisisledger.model import Article, Record
from crisisledger.nlp.pipeline import analyse

BATCH_SIZE = 32


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


def extract_articles(articles: Iterable[Article], batch_size: int = BATCH_SIZE) -> Iterator[Record]:
    """Extract records for many articles, in order, batching the NLP work."""
    from crisisledger.extractors.record import build_record

    iterator = iter(articles)
    while batch := list(islice(iterator, batch_size)):
        for doc in analyse(batch):
            yield build_record(doc)
