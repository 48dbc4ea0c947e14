"""The bundled Kazakhstan example through the REAL pipeline (read → extract → store → resolve).

What the ledger must show: one incident, its killed timeline with each authority's figure in date
order, the conservative, range and latest-official figures. Two extraction errors (reported to
their owners) still stop the raw pipeline from getting there; `test_real_pipeline_...` is marked
xfail until they are fixed, and `test_ledger_logic_...` corrects exactly those errors in the real
records (nothing else) and asserts the exact ledger result:
- files 05 and 06 speak of "the January unrest/riots" but their events are dated on the
  publication day (15 Jan, 14 Mar) instead of January 2022 (month precision);
- the totals of 05 and 06 are not attributed to the Prosecutor General's Office.
"""

from __future__ import annotations

import datetime as dt
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


def _fix(pairs: list[tuple[Article, Record]]) -> list[tuple[Article, Record]]:
    """Correct only the two known extraction errors of files 05 and 06."""
    out = []
    for article, record in pairs:
        if Path(article.id).name[:2] in ("05", "06"):
            events = [e.model_copy(update={"date": dt.date(2022, 1, 1), "date_precision": "month"})
                      for e in record.events]  # fmt: skip
            main = events[record.events.index(record.main_event)] if record.main_event else None
            figures = [f.model_copy(update={"attributed_to": f.attributed_to or PROSECUTOR})
                       for f in record.figures]  # fmt: skip
            record = record.model_copy(update={"events": events, "main_event": main, "figures": figures})
        out.append((article, record))
    return out


def _check(ledger: Ledger) -> None:
    found = ledger.incidents()
    assert len(found) == 1
    kz = found[0]
    assert len(kz["article_ids"]) == 6
    killed = [(e["value"], e["date"], e["authority"]) for e in kz["timeline"]["killed"]]
    values = [v for v, _, _ in killed]
    assert [d for _, d, _ in killed] == sorted(d for _, d, _ in killed)
    assert values[-3:] == [164, 225, 230]
    assert killed[-3:][0][2] == "Ministry of Health"
    assert killed[-1] == (230, "2022-03-14", PROSECUTOR)
    assert kz["fatalities"] == 230  # conservative: lowest credible total of the latest report
    assert kz["ranges"]["killed"] == [min(values), 230]
    assert kz["latest_official"]["killed"] == {"value": 230, "authority": PROSECUTOR, "date": "2022-03-14"}
    assert [p["value"] for p in kz["parts"]["killed"] if p.get("location") == "Almaty"] == [18, 103]
    assert kz["blackouts"] and kz["blackouts"][0]["start"] == "2022-01-05"


@pytest.fixture(scope="module")
def pairs() -> list[tuple[Article, Record]]:
    return _pairs()


@pytest.mark.xfail(
    reason="extraction: files 05/06 dated on publication day, totals unattributed", strict=False
)
def test_real_pipeline_gives_one_incident(pairs: list, tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "kz.db") as ledger:
        ledger.add_records(pairs)
        ledger.resolve()
        _check(ledger)


def test_ledger_logic_on_real_records(pairs: list, tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "kz.db") as ledger:
        ledger.add_records(_fix(pairs))
        ledger.resolve()
        _check(ledger)
