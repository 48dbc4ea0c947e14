"""Blackouts from records: import KeepItOn and IODA (rows, rejections, time), link them to ACLED incidents.

`run(limit)` imports every ACLED file as incidents, returns a dict of figures and prints the links for
July 2024 in Bangladesh (the quota-reform protests) and, per country and year the ACLED files cover,
how many KeepItOn shutdowns caused by protests found a linked incident. Skips cleanly without
../shared/bench.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import select

REPO = Path(__file__).resolve().parents[1]
SHUTDOWNS = REPO.parent / "shared" / "bench" / "shutdowns"
ACLED = REPO.parent / "shared" / "bench" / "acled"


def _limited(reader: Any, limit: int | None) -> Any:
    def read(path: Any) -> Iterator[Any]:
        return islice(reader(path), limit) if limit else reader(path)

    return read


def _covered(ledger: Any) -> dict[str, set[int]]:
    """Country code → the years in which the ledger holds incidents (what the ACLED files cover)."""
    from crisisledger.store import schema as t

    c = t.incidents.c
    out: dict[str, set[int]] = defaultdict(set)
    with ledger.engine.connect() as conn:
        for code, start in conn.execute(
            select(c.country_code, c.date_start).where(c.date_start.is_not(None))
        ):
            if code:
                out[code].add(start.year)
    return out


def _protest_links(ledger: Any, country: str, years: set[int]) -> dict[str, dict[str, int]]:
    """Per year: KeepItOn shutdowns in `country` caused by protests, and how many have a linked incident."""
    from crisisledger.store import schema as t

    r, b, lk = t.blackout_records.c, t.ledger_blackouts.c, t.blackout_links.c
    out: dict[str, dict[str, int]] = defaultdict(lambda: {"shutdowns": 0, "linked": 0})
    with ledger.engine.connect() as conn:
        linked = set(conn.scalars(select(lk.blackout_id).distinct()))
        owner = {}
        for bid, members in conn.execute(select(b.id, b.members).where(b.country_code == country)):
            for m in members:
                if m["kind"] == "record":
                    owner[m["id"]] = bid
        q = select(r.id, r.start).where(r.country_code == country, r.source == "Access Now KeepItOn",
                                        r.cause == "Protests")  # fmt: skip
        for rid, start in conn.execute(q):
            if start.year in years:
                out[f"{country} {start.year}"]["shutdowns"] += 1
                out[f"{country} {start.year}"]["linked"] += owner.get(rid) in linked
    return dict(out)


def run(limit: int | None = None) -> dict[str, Any]:
    """Import both lists (first `limit` rows of each when given) and the ACLED Bangladesh file; report."""
    if not SHUTDOWNS.exists():
        print("blackouts: ../shared/bench/shutdowns is absent, skipped")
        return {"skipped": True}
    from crisisledger.cli.import_blackouts import import_file
    from crisisledger.ingest import ioda, keepiton
    from crisisledger.store import Ledger
    from crisisledger.store import blackouts as store

    result: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp, Ledger.open(Path(tmp) / "ledger.db") as ledger:
        for name, reader, file in (("keepiton", keepiton.read, "keepiton_2016-2025.csv.gz"),
                                   ("ioda", ioda.read, "ioda_outages_2018-2022.csv.gz")):  # fmt: skip
            report = import_file(ledger, _limited(reader, limit), SHUTDOWNS / file)
            result[name] = report.as_dict()
            reasons = dict(report.reasons())
            print(f"{name}: {report.rows} rows, {report.blackouts} blackouts, "
                  f"{len(report.rejected)} rejected {reasons}, {report.seconds:.1f}s")  # fmt: skip
        try:
            from crisisledger.cli.import_cmd import run_import
            from crisisledger.ingest.acled import read_acled
        except ImportError:
            print("blackouts: the ACLED importer is not available, linking skipped")
            return result
        files = sorted(ACLED.glob("*.csv*"))
        if not files:
            return result
        began = time.perf_counter()
        added = 0
        for path in files:
            rows = read_acled(path)
            stats, _rejected = run_import(ledger, islice(rows, limit) if limit else rows)
            added += stats.added
        incidents = ledger.resolve()
        with ledger.engine.begin() as conn:
            merged, links = store.rebuild(conn)
            july = store.find(conn, "BD", dt.date(2024, 7, 1), dt.date(2024, 7, 31))
        seconds = round(time.perf_counter() - began, 1)
        result["acled"] = {"files": len(files), "events": added, "incidents": incidents, "blackouts": merged,
                           "links": links, "seconds": seconds}  # fmt: skip
        print(
            f"acled ({len(files)} files): {added} events, {incidents} incidents; "
            f"{merged} blackouts, {links} links"
        )
        print("links, Bangladesh, July 2024:")
        for b in july:
            ids = b["incident_ids"]
            print(
                f"  blackout {b['id']} {b['start']}..{b['end']} {b['area'][:40]!s:40} "
                f"{'; '.join(b['sources'])}: {len(ids)} incidents {ids[:10]}{' …' if len(ids) > 10 else ''}"
            )
        result["july_2024_bd"] = [{"id": b["id"], "start": b["start"], "end": b["end"], "area": b["area"],
                                   "incidents": len(b["incident_ids"])} for b in july]  # fmt: skip
        linked: dict[str, dict[str, int]] = {}
        for country, years in sorted(_covered(ledger).items()):
            linked.update(_protest_links(ledger, country, years))
        result["protest_shutdowns_linked"] = linked
        print(
            "KeepItOn shutdowns caused by protests with a linked ACLED incident, "
            "per country and year covered:"
        )
        for key, counts in sorted(linked.items()):
            print(f"  {key}: {counts['linked']} of {counts['shutdowns']}")
    return result


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else None)
