"""Shared test helpers."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from crisisledger.model import Article
from crisisledger.nlp.pipeline import ArticleDoc, Entity
from crisisledger.nlp.sentences import split_sentences

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test when that folder is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def make_doc(text: str, entities: Sequence[tuple[str, str]] = (), title: str | None = None) -> ArticleDoc:
    """An ArticleDoc with hand-given entities (no spaCy), each at its first occurrence."""
    ents = []
    for name, label in entities:
        i = text.index(name)
        ents.append(Entity(name, label, i, i + len(name)))
    article = Article(id="t", text=text, title=title)
    return ArticleDoc(article=article, sentences=split_sentences(text), entities=ents)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty ledger address on each back end (PostgreSQL: a throw-away schema)."""
    from crisisledger.store.testing import pg_schema, server_available

    if request.param == "sqlite":
        yield str(tmp_path / "ledger.db")
        return
    if not server_available():
        pytest.skip("PostgreSQL on 127.0.0.1:5432 is unreachable")
    with pg_schema() as url:
        yield url
