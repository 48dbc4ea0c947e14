"""The learned table of ACLED actor names: short forms, selection and round trip."""

from __future__ import annotations

from pathlib import Path

from crisisledger.extractors.acled_csv import AcledRow
from crisisledger.extractors.actor_names import (
    build_actor_table,
    communal_parts,
    load_actor_table,
    short_form,
    short_pattern,
    write_actor_table,
)
from crisisledger.extractors.actors import find_actors


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


def test_communal_militias_are_kept_and_named_by_their_branch() -> None:
    rows = [_row("Hawiye-Hawadle Sub-Clan Militia (Somalia)", "A clan militia attacked.", "Somalia")] * 5
    rows += [_row("Hawiye-Hawadle-Agoon Sub-Clan Militia (Somalia)", "Militia clashed.", "Somalia")] * 5
    rows += [_row("Rare Ethnic Militia (Somalia)", "Militia clashed.", "Somalia")] * 4  # too few rows
    table = build_actor_table(rows, min_rows=20)
    assert [a.name for a in table] == [
        "Hawiye-Hawadle-Agoon Sub-Clan Militia (Somalia)",
        "Hawiye-Hawadle Sub-Clan Militia (Somalia)",
    ]
    assert communal_parts("Hawiye-Habar Gedir-Ayr Sub-Clan Militia (Somalia)") == (
        {"Hawiye", "Habar", "Gedir", "Ayr"},
        {"Ayr"},
    )
    assert communal_parts("Lotuko Ethnic Milita (South Sudan)") == ({"Lotuko"}, {"Lotuko"})
    assert communal_parts("Unidentified Clan Militia (Somalia)") is None
    assert communal_parts("Al Shabaab") is None


def test_actor1_uses_acled_names_of_communal_militias_and_surrenders() -> None:
    def actor1(text: str, country: str = "Somalia") -> str:
        return find_actors(text, "Battles", "Armed clash", country)[0].name

    assert actor1("Hawadle clan militia fought Al Shabaab near a village.") == (
        "Hawiye-Hawadle Sub-Clan Militia (Somalia)"
    )
    assert actor1("Habar Gedir Ayr sub-clan militia fought a rival clan.") == (
        "Hawiye-Habar Gedir-Ayr Sub-Clan Militia (Somalia)"
    )
    # a clan family names no branch: the name is built from the text
    assert actor1("Hawiye clan militia fought a rival clan.") == "Hawiye Clan Militia (Somalia)"
    # the table of one country is not used in another
    assert actor1("Hawadle clan militia fought a rival clan.", "Kenya") == "Hawadle Clan Militia (Kenya)"
    # who surrenders is not the actor: the force they give themselves up to is
    text = "An Islamic State Somalia Province fighter surrendered to Puntland Dervish Forces in a town."
    assert actor1(text) == "Military Forces of Somalia (2022-) Puntland Dervish Force"
