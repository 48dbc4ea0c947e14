"""The readers: every input format, folders, standard input, and each kind of bad input."""

from __future__ import annotations

import datetime as dt
import io
import json
import time
from pathlib import Path

from crisisledger.ingest import ReadResult, expand_inputs, read_inputs
from crisisledger.ingest.base import parse_published
from crisisledger.ingest.html import meta_published

REPORT = "Security forces fired tear gas at a crowd outside the regional office in Aktobe on Tuesday."
SECOND = "Flooding after days of rain forced hundreds of families from their homes near the river."

HTML_PAGE = """<!doctype html><html lang="en"><head><title>Crowd dispersed in Aktobe</title>
<meta property="article:published_time" content="2022-01-04T18:30:00+05:00">
<meta property="og:site_name" content="Steppe Daily"></head>
<body><nav>Home | World | Sport</nav><article><h1>Crowd dispersed in Aktobe</h1>
<p>{report}</p>
<p>Witnesses said several people were taken away in police vans after the square was cleared.</p>
</article><footer>All rights reserved.</footer></body></html>"""


def read(*inputs: str | Path, **kwargs: object) -> list[ReadResult]:
    return list(read_inputs([str(i) for i in inputs], **kwargs))  # type: ignore[arg-type]


def codes(results: list[ReadResult]) -> list[str | None]:
    return [r.error.code if r.error else None for r in results]


def test_text_file_is_one_article_with_its_path_as_id(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT + "\n", encoding="utf-8")
    [result] = read(path)
    assert result.error is None and result.article is not None
    assert result.id == str(path) == result.article.id
    assert result.article.text == REPORT + "\n"
    assert result.article.published is None


def test_published_option_fills_in_the_date(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    path.write_text("# Aktobe\n\n" + REPORT, encoding="utf-8")
    [result] = read(path, published=dt.date(2022, 1, 4))
    assert result.article is not None and result.article.published == dt.date(2022, 1, 4)


def test_leading_date_line_sets_published_and_keeps_the_text(tmp_path: Path) -> None:
    raw = "date 2022-01-05\r\n" + REPORT
    path = tmp_path / "dated.txt"
    path.write_bytes(raw.encode("utf-8"))
    [result] = read(path, published=dt.date(2000, 1, 1))
    assert result.article is not None
    assert result.article.published == dt.date(2022, 1, 5)  # the file's own date wins
    assert result.article.text == raw  # unchanged, so offsets are offsets into the file
    assert result.article.text.index("Aktobe") == raw.index("Aktobe")


def test_bad_leading_date_is_bad_date(tmp_path: Path) -> None:
    path = tmp_path / "dated.txt"
    path.write_text("date 2022-13-40\n" + REPORT, encoding="utf-8")
    assert codes(read(path)) == ["bad_date"]


def test_date_line_alone_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "dated.txt"
    path.write_text("date 2022-01-05\n\n", encoding="utf-8")
    assert codes(read(path)) == ["empty"]


def test_html_main_text_title_and_date(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE.format(report=REPORT), encoding="utf-8")
    [result] = read(path, published=dt.date(2000, 1, 1))
    article = result.article
    assert article is not None and result.id == str(path)
    assert REPORT in article.text and "taken away in police vans" in article.text
    assert "All rights reserved" not in article.text and "Home | World" not in article.text
    assert article.title == "Crowd dispersed in Aktobe"
    assert article.published == dt.date(2022, 1, 4)
    assert article.source == "Steppe Daily"


def test_html_without_date_uses_published_option(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text(f"<html><body><p>{REPORT}</p></body></html>", encoding="utf-8")
    [result] = read(path, published=dt.date(2022, 1, 6))
    assert result.article is not None and result.article.published == dt.date(2022, 1, 6)


def test_html_with_no_text_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>x</title><script>var a = 1;</script></head><body></body></html>")
    [result] = read(path)
    assert codes([result]) == ["empty"] and result.id == str(path)


def test_meta_published_reads_time_element() -> None:
    assert meta_published('<p>x</p><time datetime="2021-03-02T10:00">2 March</time>') == dt.date(2021, 3, 2)
    assert meta_published("<p>no date</p>") is None


def test_json_object_and_list(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "a1", "text": REPORT, "published": "2022-01-04", "extra": 1}))
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"id": "b1", "text": REPORT}, {"id": "b2"}, {"id": 7, "text": SECOND}]))
    results = read(one, many)
    assert [r.id for r in results] == ["a1", "b1", "b2", "7"]
    assert codes(results) == [None, None, "missing_field", None]
    assert results[0].article is not None and results[0].article.published == dt.date(2022, 1, 4)


def test_json_syntax_error_is_bad_json(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"id": "a1", "text": ')
    [result] = read(path)
    assert codes([result]) == ["bad_json"] and result.id == str(path)
    assert result.error is not None and "line 1" in result.error.message


def test_jsonl_fields_and_a_malformed_line(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps(
            {
                "id": "n1",
                "text": REPORT,
                "title": "Aktobe",
                "published": "2022-01-04T09:15:00Z",
                "url": "https://example.org/a",
                "source": "Steppe Daily",
                "language": "en",
            }
        ),
        '{"id": "n2", "text": "unterminated',
        "",
        json.dumps({"id": "n3", "text": SECOND}),
        json.dumps({"text": "no id here"}),
        json.dumps({"id": "n5", "text": SECOND, "published": "last Tuesday"}),
        json.dumps({"id": "n6", "text": "   "}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = read(path, published=dt.date(2022, 2, 2))
    assert [r.id for r in results] == ["n1", f"{path}:2", "n3", f"{path}:5", "n5", "n6"]
    assert codes(results) == [None, "bad_json", None, "missing_field", "bad_date", "empty"]
    first = results[0].article
    assert first is not None
    assert (first.title, first.url, first.source, first.language) == (
        "Aktobe",
        "https://example.org/a",
        "Steppe Daily",
        "en",
    )
    assert first.published == dt.date(2022, 1, 4)
    assert results[2].article is not None and results[2].article.published == dt.date(2022, 2, 2)
    assert results[1].error is not None and results[1].error.message.startswith("line 2:")


def test_empty_whitespace_binary_and_bad_encoding(tmp_path: Path) -> None:
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_blank.txt").write_bytes(b"  \n\t\n")
    (tmp_path / "c_binary.txt").write_bytes(b"GIF89a\x00\x01\x02\x00")
    (tmp_path / "d_latin1.txt").write_bytes("Protest in Almaty, caf\u00e9 closed.".encode("cp1252"))
    (tmp_path / "e_empty.jsonl").write_bytes(b"\n\n")
    results = read(tmp_path)
    assert codes(results) == ["empty", "empty", "binary", "bad_encoding", "empty"]
    assert [Path(r.id).name for r in results] == [
        "a_empty.txt",
        "b_blank.txt",
        "c_binary.txt",
        "d_latin1.txt",
        "e_empty.jsonl",
    ]


def test_big_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: no data is written
    start = time.perf_counter()
    [result] = read(path)
    assert codes([result]) == ["too_large"]
    assert time.perf_counter() - start < 0.5
    small = tmp_path / "small.txt"
    small.write_text(REPORT)
    assert codes(read(small, max_bytes=10)) == ["too_large"]


def test_jsonl_size_limit_is_per_line(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    long_line = json.dumps({"id": "long", "text": "word " * 100})
    path.write_text(
        "\n".join(
            [json.dumps({"id": "s1", "text": "short"}), long_line, json.dumps({"id": "s3", "text": "short"})]
        )
        + "\n"
    )
    results = read(path, max_bytes=200)
    assert [r.id for r in results] == ["s1", f"{path}:2", "s3"]
    assert codes(results) == [None, "too_large", None]


def test_missing_path_is_unreadable(tmp_path: Path) -> None:
    [result] = read(tmp_path / "absent.txt")
    assert codes([result]) == ["unreadable"] and "No such file" in (
        result.error.message if result.error else ""
    )


def test_folders_are_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "z").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    for name in ("b/2.txt", "a/z/1.md", "a/3.txt", "a/notes.csv", ".hidden/x.txt", "a/.swp.txt", "c.html"):
        (tmp_path / name).write_text(f"<p>{REPORT}</p>" if name.endswith("html") else REPORT)
    expected = [str(tmp_path / n) for n in ("a/3.txt", "a/z/1.md", "b/2.txt", "c.html")]
    assert expand_inputs([str(tmp_path)]) == expected
    assert [r.id for r in read(tmp_path)] == expected
    assert expand_inputs([]) == ["-"]


def test_empty_folder_is_reported(tmp_path: Path) -> None:
    assert codes(read(tmp_path)) == ["empty"]


def test_stdin_plain_text() -> None:
    data = ("\n" + REPORT + "\n").encode()
    [result] = read("-", stdin=io.BytesIO(data), published=dt.date(2022, 1, 4))
    assert result.id == "stdin" and result.article is not None
    assert result.article.text == "\n" + REPORT + "\n"
    assert result.article.published == dt.date(2022, 1, 4)


def test_stdin_json_lines_and_empty_stdin() -> None:
    data = b"\n  " + json.dumps({"id": "s1", "text": REPORT}).encode() + b"\nnot json\n"
    data += json.dumps({"id": "s3", "text": SECOND}).encode()
    results = read(stdin=io.BytesIO(data))
    assert [r.id for r in results] == ["s1", "stdin:3", "s3"]
    assert codes(results) == [None, "bad_json", None]
    assert codes(read("-", stdin=io.BytesIO(b" \n"))) == ["empty"]


def test_stdin_text_over_the_limit() -> None:
    assert codes(read(stdin=io.BytesIO(b"x" * 100), max_bytes=50)) == ["too_large"]


def test_stdin_json_lines_are_streamed() -> None:
    class Endless(io.RawIOBase):
        """A stream of JSON lines that never ends: reading it whole would hang."""

        def __init__(self) -> None:
            self.n = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
            self.n += 1
            line = json.dumps({"id": f"x{self.n}", "text": REPORT}).encode() + b"\n"
            buffer[: len(line)] = line
            return len(line)

    stream = io.BufferedReader(Endless())  # type: ignore[type-var]
    results = read_inputs(["-"], stdin=stream)
    assert [next(results).id for _ in range(3)] == ["x1", "x2", "x3"]


def test_parse_published() -> None:
    assert parse_published("2022-01-10") == dt.date(2022, 1, 10)
    assert parse_published("2022-01-10T23:59:00+06:00") == dt.date(2022, 1, 10)
    assert parse_published(None) is None
