"""The bundled Kazakhstan example through the REAL pipeline (read → extract → store → resolve).

What the ledger must show: one incident, its killed timeline with each authority's figure in date
order, the conservative, range and latest-official figures, the sub-figures kept apart and the
blackout linked.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crisisledger.ingest import read_inputs
from crisisledger.model import Article, Record
from crisisledger.pipeline import extract_articles
from crisisledger.store import Ledger

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "kazakhstan"
PROSECUTOR = "Prosecutor General's Office"


def _pairs() -> list[tuple[Article, Record]]:
    articles = [r.article for r in read_inputs([str(EXAMPLE)]) if r.article is not None]
    return list(zip(articles, extract_articles(articles), strict=True))


def _check(ledger: Ledger) -> None:
    found = ledger.incidents()
    assert len(found) == 1
    kz = found[0]
    assert len(kz["article_ids"]) == 6
    killed = [(e["value"], e["date"], e["authority"]) for e in kz["timeline"]["killed"]]
    assert killed == [
        (164, "2022-01-09", "Ministry of Health"),
        (225, "2022-01-15", PROSECUTOR),
        (230, "2022-03-14", PROSECUTOR),
    ]
    assert kz["fatalities"] == 230  # conservative: lowest credible total of the latest report
    assert kz["ranges"]["killed"] == [164, 230]
    arrested = kz["latest_official"]["arrested"]
    assert arrested == {"value": 7939, "authority": "Ministry of Internal Affairs", "date": "2022-01-10"}
    assert kz["latest_official"]["killed"] == {"value": 230, "authority": PROSECUTOR, "date": "2022-03-14"}
    assert [p["value"] for p in kz["parts"]["killed"] if p.get("location") == "Almaty"] == [18, 103]
    assert {p["group"] for p in kz["parts"]["killed"] if p["value"] == 19} == {"police", "military"}
    assert kz["blackouts"] and kz["blackouts"][0]["start"] == "2022-01-05"


@pytest.fixture(scope="module")
def pairs() -> list[tuple[Article, Record]]:
    return _pairs()


def test_example_becomes_one_incident(pairs: list, tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "kz.db") as ledger:
        ledger.add_records(pairs)
        ledger.resolve()
        _check(ledger)
