"""Write incidents as JSON Lines, CSV (ACLED's column layout) or GeoJSON."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "country", "iso", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
    "source", "notes", "fatalities", "injured", "arrested", "article_ids",
)  # fmt: skip
GEO_PRECISION = {"point": 1, "city": 1, "admin2": 2, "admin1": 2, "country": 3}


def outlets(incident: dict[str, Any]) -> list[str]:
    """The outlets behind the incident's figures, sorted."""
    return sorted({e["outlet"] for tl in incident["timeline"].values() for e in tl if e.get("outlet")})


def notes(incident: dict[str, Any]) -> str:
    """A short description written by us: place, dates and each kind's figure history."""
    loc = incident.get("location") or {}
    parts = [f"{incident['sub_event_type']} in {loc.get('name') or 'an unknown place'}"
             f" from {incident['date_start']} to {incident['date_end']}."]  # fmt: skip
    for kind, entries in incident["timeline"].items():
        steps = "; ".join(f"{e['value']} ({e['date'] or 'undated'}, {e['authority'] or 'unattributed'})"
                          for e in entries)  # fmt: skip
        parts.append(f"{kind}: {steps}.")
    return " ".join(parts)


def acled_row(incident: dict[str, Any]) -> dict[str, Any]:
    """One incident in ACLED's column layout (plus injured, arrested and article ids)."""
    loc = incident.get("location") or {}
    return {
        "event_id_cnty": f"CL{incident['id']}", "event_date": incident["date_start"],
        "year": (incident["date_start"] or "")[:4], "time_precision": 1,
        "event_type": incident["event_type"], "sub_event_type": incident["sub_event_type"],
        "country": loc.get("country"), "iso": loc.get("country_code"), "admin1": loc.get("admin1"),
        "admin2": loc.get("admin2"), "location": loc.get("name"), "latitude": loc.get("lat"),
        "longitude": loc.get("lon"), "geo_precision": GEO_PRECISION.get(loc.get("precision", ""), 3),
        "source": "; ".join(outlets(incident)), "notes": notes(incident),
        "fatalities": incident["fatalities"], "injured": incident["injured"],
        "arrested": incident["arrested"], "article_ids": " ".join(incident["article_ids"]),
    }  # fmt: skip


def write(incidents: Iterable[dict[str, Any]], fmt: str, out: IO[str]) -> int:
    """Write incidents in `fmt` (jsonl, csv, geojson) to `out`; returns how many were written."""
    count = 0
    if fmt == "jsonl":
        for inc in incidents:
            out.write(json.dumps(inc, ensure_ascii=False) + "\n")
            count += 1
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS)
        writer.writeheader()
        for inc in incidents:
            writer.writerow(acled_row(inc))
            count += 1
    elif fmt == "geojson":
        features = []
        for inc in incidents:
            loc = inc.get("location") or {}
            has_point = loc.get("lat") is not None and loc.get("lon") is not None
            geometry = {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]} if has_point else None
            features.append({"type": "Feature", "id": inc["id"], "geometry": geometry, "properties": inc})
        json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
        out.write("\n")
        count = len(features)
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return count
