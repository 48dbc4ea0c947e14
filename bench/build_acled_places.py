"""Build src/crisisledger/data/acled_places.tsv.gz: ACLED place names missing from the gazetteer.

Reads only the TRAINING ACLED files (the held-out files stay unseen). Columns: name, admin1,
admin2, country_code, lat, lon, precision. One row per (folded name, country), the most frequent
coordinates; ACLED geo_precision 1 -> city, 2 -> admin2, 3 -> admin1.

    .venv/bin/python bench/build_acled_places.py
"""

from __future__ import annotations

import gzip
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import REPO, SHARED_BENCH
from crisisledger.extractors.acled_csv import is_holdout, iter_acled
from crisisledger.geo.countries import fold, lookup_country
from crisisledger.geo.gazetteer import Gazetteer

OUT = REPO / "src" / "crisisledger" / "data" / "acled_places.tsv.gz"
PRECISION = {1: "city", 2: "admin2", 3: "admin1"}


def main() -> int:
    folder = SHARED_BENCH / "acled"
    if not folder.is_dir():
        print(f"{folder} not found")
        return 1
    gazetteer = Gazetteer.default()
    seen: dict[tuple[str, str], Counter[tuple[str, str, str, float, float, str]]] = defaultdict(Counter)
    for path in sorted(folder.glob("*.csv*")):
        if is_holdout(path):
            continue
        for row in iter_acled(path):
            country = lookup_country(row.country) if row.country else None
            code = country.code if country else None
            if not row.location or not code or row.latitude is None or row.longitude is None:
                continue
            key = (fold(row.location), str(code))
            prec = PRECISION.get(row.geo_precision or 1, "city")
            seen[key][
                (row.location, row.admin1, row.admin2, round(row.latitude, 4), round(row.longitude, 4), prec)
            ] += 1
    rows = []
    for (folded, code), options in seen.items():
        known = [i for i in gazetteer.index.get(folded, []) if gazetteer.cols[1][i] == code]
        if known:
            continue
        name, admin1, admin2, lat, lon, prec = options.most_common(1)[0][0]
        rows.append(f"{name}\t{admin1}\t{admin2}\t{code}\t{lat}\t{lon}\t{prec}\n")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT, "wt", encoding="utf-8") as fh:
        fh.write("name\tadmin1\tadmin2\tcountry_code\tlat\tlon\tprecision\n")
        fh.writelines(sorted(rows))
    print(f"wrote {len(rows)} places to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
