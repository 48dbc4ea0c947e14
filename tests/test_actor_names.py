"""The learned table of ACLED actor names: short forms, selection and round trip."""

from __future__ import annotations

from pathlib import Path

from crisisledger.extractors.acled_csv import AcledRow
from crisisledger.extractors.actor_names import (
    build_actor_table,
    load_actor_table,
    short_form,
    short_pattern,
    write_actor_table,
)


def _row(actor1: str, notes: str, country: str = "Mali") -> AcledRow:
    return AcledRow("f.csv", "1", None, "Battles", "Armed clash", actor1, "", country, "", "", "", None, None,
                    None, 0, notes)  # fmt: skip


def test_short_forms() -> None:
    assert short_form("JNIM: Group for Support of Islam and Muslims") == "JNIM"
    assert short_form("Dir Clan Militia (Somalia)") == "Dir Clan Militia"
    assert short_form("Military Forces of Somalia (2022-) Puntland Dervish Force") == "Puntland Dervish Force"
    assert short_pattern("JNIM").search("the jnim group") is None
    assert short_pattern("Katiba Macina").search("the katiba macina group") is not None


def test_build_keeps_named_frequent_actors(tmp_path: Path) -> None:
    rows = [_row("ABC: Army of the Black Cat", "ABC fighters attacked soldiers.")] * 3
    rows += [_row("Silent Group", "Unknown men attacked soldiers.")] * 3  # never named in its notes
    rows += [_row("Protesters (Mali)", "Protesters marched.")] * 3  # generic: built by rules
    rows += [_row("Rare Group", "Rare Group attacked.")]  # too few rows
    table = build_actor_table(rows, min_rows=2)
    assert [(a.name, a.short, a.country) for a in table] == [("ABC: Army of the Black Cat", "ABC", "Mali")]
    path = tmp_path / "actors.tsv"
    write_actor_table(table, path)
    assert load_actor_table(path) == tuple(table)


def test_shipped_table_is_loaded() -> None:
    assert any(a.name == "Taliban" for a in load_actor_table())
