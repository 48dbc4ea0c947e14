"""`crisisledger extract` and `crisisledger schema`: output shapes, order, errors, exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from crisisledger.cli import extract_cmd, main
from crisisledger.formats import CSV_COLUMNS, record_schema
from crisisledger.model import Article, Event, Figure, Location, Record, Span

REPO = Path(__file__).resolve().parents[1]
REPORT = "Police dispersed a rally in Aktobe on Tuesday; two people were killed and 40 were detained."
OTHER = "A landslide after heavy rain blocked the mountain road, and rescuers searched for survivors."


class StubPipeline:
    """Stands in for the NLP pipeline: one record per article, an event when the text says 'killed'."""

    def __init__(self, fail_on: str | None = None) -> None:
        self.seen: list[Article] = []
        self.fail_on = fail_on

    def __call__(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Record]:
        for article in articles:
            if self.fail_on and self.fail_on in article.text:
                raise RuntimeError("stub failure")
            self.seen.append(article)
            yield self.record(article)

    @staticmethod
    def record(article: Article) -> Record:
        if "killed" not in article.text:
            return Record(id=article.id, language="en", published=article.published)
        figure = Figure(kind="killed", value=2, min=2, text="two people were killed", start=40, end=62)
        event = Event(
            event_type="Protests",
            sub_event_type="Excessive force against protesters",
            date=article.published,
            location=Location(name="Aktobe", country="Kazakhstan", country_code="KZ", lat=50.28, lon=57.17),
            fatalities=2,
            arrested=40,
            figures=[0],
            evidence=Span(start=0, end=len(article.text)),
        )
        return Record(
            id=article.id,
            language="en",
            published=article.published,
            main_event=event,
            events=[event],
            figures=[figure],
        )


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch) -> StubPipeline:
    pipeline = StubPipeline()
    monkeypatch.setattr(extract_cmd, "_pipeline", lambda: pipeline)
    return pipeline


def run(args: list[str], stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["extract", *args], input=stdin, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A folder of good and bad inputs, named so that sorted order interleaves them."""
    folder = tmp_path / "in"
    (folder / "d").mkdir(parents=True)
    (folder / "a.txt").write_text("date 2022-01-04\n" + REPORT, encoding="utf-8")
    (folder / "b_empty.txt").write_bytes(b"")
    (folder / "c.jsonl").write_text(
        json.dumps({"id": "c1", "text": OTHER})
        + "\n{oops\n"
        + json.dumps({"id": "c3", "text": REPORT})
        + "\n"
    )
    (folder / "d" / "e.md").write_text(OTHER)
    (folder / "f_binary.txt").write_bytes(b"\x7fELF\x02\x01\x00\x00")
    (folder / "g_cp1252.txt").write_bytes("Caf\u00e9 owners protested in Lyon.".encode("cp1252"))
    (folder / "h.html").write_text("<html><body><script>var x = 1;</script></body></html>")
    with open(folder / "i_big.txt", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    return folder


MIXED_IDS = [
    "a.txt",
    "b_empty.txt",
    "c1",
    "c.jsonl:2",
    "c3",
    "d/e.md",
    "f_binary.txt",
    "g_cp1252.txt",
    "h.html",
    "i_big.txt",
]
MIXED_ERRORS = [None, "empty", None, "bad_json", None, None, "binary", "bad_encoding", "empty", "too_large"]


def test_every_input_gets_a_record_in_order(stub: StubPipeline, mixed: Path) -> None:
    code, out, err = run([str(mixed)])
    records = jsonl(out)
    assert [r["id"].removeprefix(f"{mixed}/") for r in records] == MIXED_IDS
    assert [r["error"]["code"] if r["error"] else None for r in records] == MIXED_ERRORS
    assert code == 1
    bad = records[1]
    assert bad == {
        "id": f"{mixed}/b_empty.txt",
        "language": None,
        "published": None,
        "main_event": None,
        "events": [],
        "figures": [],
        "claims": [],
        "blackouts": [],
        "error": {"code": "empty", "message": "input is empty"},
    }
    assert records[0]["published"] == "2022-01-04" and records[0]["main_event"]["fatalities"] == 2
    lines = err.strip().splitlines()
    assert len(lines) == 6 and all(line.startswith("crisisledger: ") for line in lines)
    assert f"crisisledger: {mixed}/b_empty.txt: input is empty" in lines
    assert f"crisisledger: {mixed}/c.jsonl:2: line 2: invalid JSON" in err
    assert f"crisisledger: {mixed}/i_big.txt: input is 52428800 bytes" in err


def test_all_good_exits_zero_and_keeps_input_order(stub: StubPipeline, tmp_path: Path) -> None:
    paths = []
    for name in ("z.txt", "a.txt", "m.txt"):
        (tmp_path / name).write_text(OTHER)
        paths.append(str(tmp_path / name))
    code, out, err = run([*paths, "--published", "2022-01-07"])
    assert code == 0 and err == ""
    assert [(r["id"], r["published"], r["error"]) for r in jsonl(out)] == [
        (p, "2022-01-07", None) for p in paths
    ]


def test_text_reaches_the_pipeline_unchanged(stub: StubPipeline, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(("date 2022-01-04\r\n" + REPORT).encode())
    run([str(path), "--published", "2021-01-01"])
    assert stub.seen[0].text == "date 2022-01-04\r\n" + REPORT
    assert str(stub.seen[0].published) == "2022-01-04"


def test_stdin_text_and_json_lines(stub: StubPipeline) -> None:
    code, out, _ = run([], stdin=REPORT.encode())
    assert code == 0 and [r["id"] for r in jsonl(out)] == ["stdin"]
    lines = [
        json.dumps({"id": "x1", "text": OTHER, "published": "2022-01-05"}),
        "{",
        json.dumps({"id": "x3", "text": REPORT}),
    ]
    code, out, err = run(["-"], stdin="\n".join(lines).encode())
    records = jsonl(out)
    assert [r["id"] for r in records] == ["x1", "stdin:2", "x3"]
    assert records[0]["published"] == "2022-01-05" and records[1]["error"]["code"] == "bad_json"
    assert code == 1 and "crisisledger: stdin:2: line 2: invalid JSON" in err


def test_json_output_is_a_list(stub: StubPipeline, mixed: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "out.json"
    code, out, _ = run([str(mixed), "-o", str(out_file)])  # format from the suffix
    assert code == 1 and out == ""
    records = json.loads(out_file.read_text(encoding="utf-8"))
    assert isinstance(records, list) and len(records) == len(MIXED_IDS)
    assert [r["error"]["code"] if r["error"] else None for r in records] == MIXED_ERRORS
    _, out, _ = run(["--format", "json", "-"], stdin=b"")
    assert json.loads(out)[0]["error"]["code"] == "empty"


def test_csv_output_shape(stub: StubPipeline, mixed: Path) -> None:
    code, out, _ = run([str(mixed), "--format", "csv"])
    assert code == 1
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0].keys()) == list(CSV_COLUMNS)
    assert len(rows) == len(MIXED_IDS)
    assert [row["error"] or None for row in rows] == MIXED_ERRORS
    first = rows[0]
    assert (first["event_type"], first["sub_event_type"], first["event_date"]) == (
        "Protests",
        "Excessive force against protesters",
        "2022-01-04",
    )
    assert (first["location"], first["country"], first["lat"], first["lon"]) == (
        "Aktobe",
        "Kazakhstan",
        "50.28",
        "57.17",
    )
    assert (first["fatalities"], first["injured"], first["arrested"]) == ("2", "", "40")
    assert (first["n_events"], first["n_figures"], first["n_claims"], first["n_blackouts"]) == (
        "1",
        "1",
        "0",
        "0",
    )
    assert rows[1]["error_message"] == "input is empty" and rows[1]["event_type"] == ""


def test_bad_published_option_is_a_usage_error(stub: StubPipeline) -> None:
    code, _, err = run(["--published", "yesterday", "-"], stdin=b"text")
    assert code == 2 and "yesterday" in err


def test_max_bytes_option(stub: StubPipeline, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(REPORT)
    code, out, _ = run([str(path), "--max-bytes", "20"])
    assert code == 1 and jsonl(out)[0]["error"]["code"] == "too_large"


def test_a_failing_article_does_not_sink_its_batch(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    pipeline = StubPipeline(fail_on="landslide")
    monkeypatch.setattr(extract_cmd, "_pipeline", lambda: pipeline)
    for name, text in (("1.txt", REPORT), ("2.txt", OTHER), ("3.txt", REPORT)):
        (tmp_path / name).write_text(text)
    code, out, err = run([str(tmp_path)])
    records = jsonl(out)
    assert [r["error"]["code"] if r["error"] else None for r in records] == [None, "extract_failed", None]
    assert code == 1 and "2.txt: extraction failed: RuntimeError: stub failure" in err


def test_summary_table_on_stderr(stub: StubPipeline, mixed: Path) -> None:
    code, out, err = run([str(mixed), "--summary"])
    assert code == 1
    assert len(jsonl(out)) == len(MIXED_IDS)
    assert "main event" in err and "Protests /" in err and "Aktobe," in err
    assert "error: empty" in err and "error: too_large" in err
    assert "10 articles, 2 with an event, 6 with an error" in err


def test_schema_command_and_shipped_schema(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0 and json.loads(result.stdout) == record_schema()
    assert record_schema()["properties"]["error"] and record_schema()["title"] == "Record"
    target = tmp_path / "schema.json"
    CliRunner().invoke(main, ["schema", "-o", str(target)])
    assert target.read_text(encoding="utf-8") == result.stdout
    shipped = json.loads((REPO / "docs" / "record.schema.json").read_text(encoding="utf-8"))
    assert shipped == record_schema(), "regenerate it: crisisledger schema -o docs/record.schema.json"


def test_installed_command_end_to_end(tmp_path: Path) -> None:
    """The real pipeline through the installed entry point: one record per article, in order."""
    exe = Path(sys.executable).with_name("crisisledger")
    if not exe.exists():
        pytest.skip("the crisisledger entry point is not installed")
    (tmp_path / "a.txt").write_text(REPORT)
    (tmp_path / "b.txt").write_text("")
    lines = json.dumps({"id": "j1", "text": OTHER, "published": "2022-01-05"}) + "\n"
    proc = subprocess.run(
        [str(exe), "extract", str(tmp_path), "-", "--published", "2022-01-04"],
        input=lines.encode(),
        capture_output=True,
        timeout=240,
        check=False,
    )
    records = jsonl(proc.stdout.decode())
    assert [r["id"] for r in records] == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "j1"]
    assert [r["error"]["code"] if r["error"] else None for r in records] == [None, "empty", None]
    assert [r["published"] for r in records] == ["2022-01-04", None, "2022-01-05"]
    assert proc.returncode == 1
    assert (
        proc.stderr.decode().strip().splitlines()[-1] == f"crisisledger: {tmp_path / 'b.txt'}: input is empty"
    )
