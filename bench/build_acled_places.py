"""Build src/crisisledger/data/acled_places.tsv.gz: ACLED place and admin names missing from the gazetteer.

Reads only the TRAINING ACLED files (the held-out files stay unseen). Columns: name, admin1,
admin2, country_code, lat, lon, precision. One row per (folded name, country), the most frequent
coordinates; ACLED geo_precision 1 -> city, 2 -> admin2, 3 -> admin1. Admin1 and admin2 names
the gazetteer lacks in that country ("Lower Shabelle") get a centre row: the median of their events.

    .venv/bin/python bench/build_acled_places.py [--exclude NAME_PART ...] [--out PATH]

`--exclude` leaves further files out (for cross-validated development measurements).
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import REPO, SHARED_BENCH, names_part
from crisisledger.extractors.acled_csv import AcledRow, is_holdout, iter_acled
from crisisledger.geo.countries import fold, lookup_country
from crisisledger.geo.gazetteer import Gazetteer

OUT = REPO / "src" / "crisisledger" / "data" / "acled_places.tsv.gz"
PRECISION = {1: "city", 2: "admin2", 3: "admin1"}
Key = tuple[str, str]


def _known(
    gazetteer: Gazetteer, name: str, code: str, precisions: tuple[str, ...], populated: bool = False
) -> bool:
    """Whether the gazetteer has `name` in country `code` at one of `precisions` (with `populated`: an
    area centred on GeoNames towns, not a subdivision placed only by its parent or a namesake town)."""
    ids = gazetteer.index.get(fold(name), [])
    return any(
        gazetteer.cols[1][i] == code
        and gazetteer.cols[7][i] in precisions
        and (not populated or (gazetteer.cols[8][i] is None and gazetteer.cols[6][i] > 0))
        for i in ids
    )


def _rows(paths: list[Path]) -> list[tuple[AcledRow, str]]:
    out = []
    for path in paths:
        for row in iter_acled(path):
            country = lookup_country(row.country) if row.country else None
            if country is None or row.latitude is None or row.longitude is None:
                continue
            out.append((row, country.code))
    return out


def _admin_rows(rows: list[tuple[AcledRow, str]], gazetteer: Gazetteer) -> list[str]:
    """Centre rows for admin1/admin2 names written differently from GeoNames."""
    pts: dict[tuple[str, str, str, str], list[tuple[float, float]]] = defaultdict(list)
    for row, code in rows:
        assert row.latitude is not None and row.longitude is not None
        if row.admin1:
            pts[(code, "admin1", row.admin1, "")].append((row.latitude, row.longitude))
        if row.admin1 and row.admin2:
            pts[(code, "admin2", row.admin2, row.admin1)].append((row.latitude, row.longitude))
    out = []
    for (code, level, name, parent), coords in pts.items():
        if _known(gazetteer, name, code, ("admin1", "admin2"), populated=True):
            continue  # ACLED's own centre is kept for areas GeoNames towns do not place
        lat = round(statistics.median(p[0] for p in coords), 4)
        lon = round(statistics.median(p[1] for p in coords), 4)
        admin1 = name if level == "admin1" else parent
        admin2 = name if level == "admin2" else ""
        out.append(f"{name}\t{admin1}\t{admin2}\t{code}\t{lat}\t{lon}\t{level}\n")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exclude", nargs="*", default=[], help="file-name parts to leave out")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    folder = SHARED_BENCH / "acled"
    if not folder.is_dir():
        print(f"{folder} not found")
        return 1
    paths = [
        p
        for p in sorted(folder.glob("*.csv*"))
        if not is_holdout(p) and not any(names_part(p.name, part) for part in args.exclude)
    ]
    gazetteer = Gazetteer.load()  # GeoNames only: the shipped extra rows are what we rebuild
    rows = _rows(paths)
    seen: dict[Key, Counter[tuple[str, str, str, float, float, str]]] = defaultdict(Counter)
    for row, code in rows:
        if not row.location:
            continue
        assert row.latitude is not None and row.longitude is not None
        prec = PRECISION.get(row.geo_precision or 1, "city")
        option = (row.location, row.admin1, row.admin2, round(row.latitude, 4), round(row.longitude, 4), prec)
        seen[(fold(row.location), code)][option] += 1
    lines = []
    for (_, code), options in seen.items():
        name, admin1, admin2, lat, lon, prec = options.most_common(1)[0][0]
        wanted = ("city", "point") if prec == "city" else ("city", "point", "admin1", "admin2")
        if _known(gazetteer, name, code, wanted):  # a town named like its district still needs its point
            continue
        lines.append(f"{name}\t{admin1}\t{admin2}\t{code}\t{lat}\t{lon}\t{prec}\n")
    lines += _admin_rows(rows, gazetteer)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(args.out, "wt", encoding="utf-8") as fh:
        fh.write("name\tadmin1\tadmin2\tcountry_code\tlat\tlon\tprecision\n")
        fh.writelines(sorted(set(lines)))
    print(f"wrote {len(set(lines))} places from {len(paths)} files to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
