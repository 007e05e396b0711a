"""Bad records: each one skipped, counted and named by file and line; the rest read.

Also what decides the reader (the suffix), stdin read like a file, and decoding that
keeps UTF-8 where it is UTF-8.
"""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from newsclaims.ingest import InputError, iter_articles, read_article
from newsclaims.ingest.article import RecordError
from newsclaims.ingest.rejects import MAX_RAW_CHARS, Rejects


def record(number: int) -> dict[str, object]:
    return {"id": f"r{number}", "title": f"Report {number}", "text": f"Body of report {number}."}


def jsonl(path: Path, records: list[object], gz: bool = False) -> Path:
    lines = "".join(
        (item if isinstance(item, str) else json.dumps(item)) + "\n" for item in records
    ).encode("utf-8")
    path.write_bytes(gzip.compress(lines) if gz else lines)
    return path


def read_all(paths: list[Path | str], **options: object) -> tuple[list[str], Rejects]:
    rejects = Rejects()
    ids = [article.id for article in iter_articles(paths, rejects=rejects, **options)]  # type: ignore[arg-type]
    return ids, rejects


def test_a_malformed_line_is_skipped_and_the_other_200_read(tmp_path):
    lines: list[object] = [record(n) for n in range(1, 202)]
    lines[149] = '{"id": "r150", "text": "cut off'
    path = jsonl(tmp_path / "corpus.jsonl", lines)
    seen: list[RecordError] = []
    rejects = Rejects(announce=seen.append)
    ids = [a.id for a in iter_articles([path], rejects=rejects)]
    assert len(ids) == 200 and "r150" not in ids and ids[-1] == "r201"
    assert rejects.count == 1
    assert (seen[0].source, seen[0].line) == (str(path), 150)
    assert str(seen[0]).startswith(f"{path}:150: malformed JSON")


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ({"url": 42}, "field 'url' must be a string, not a number"),
        ({"publisher": ["AFP"]}, "field 'publisher' must be a string, not a list"),
        ({"title": {"en": "x"}}, "field 'title' must be a string, not an object"),
        ({"id": True}, "field 'id' must be a string or a whole number, not a boolean"),
        ({"id": 1.5}, "field 'id' must be a string or a whole number, not a number"),
        ({"text": ""}, "no non-empty 'text'"),
    ],
)
def test_a_record_with_a_wrong_field_type_is_rejected_not_guessed(tmp_path, bad, reason):
    lines: list[object] = [record(n) for n in range(1, 81)]
    lines[70] = {**record(71), **bad}
    ids, rejects = read_all([jsonl(tmp_path / "c.jsonl", lines)])
    assert len(ids) == 79 and "r71" not in ids
    assert rejects.count == 1 and reason in rejects.first[0] and ":71:" in rejects.first[0]


def test_a_whole_number_id_reads_as_a_string(tmp_path):
    path = jsonl(tmp_path / "c.jsonl", [{"id": 7, "text": "Body."}, {"id": "8", "text": "B."}])
    assert [a.id for a in iter_articles([path])] == ["7", "8"]


@pytest.mark.parametrize("gz", [False, True])
def test_an_over_long_record_is_rejected_without_stopping_the_file(tmp_path, gz):
    huge = {"id": "huge", "text": "word " * 50_000}  # 250 KB, decompressing from ~1 KB
    lines: list[object] = [record(1), huge, record(3)]
    path = jsonl(tmp_path / ("c.jsonl.gz" if gz else "c.jsonl"), lines, gz=gz)
    written: list[dict[str, object]] = []
    rejects_path = tmp_path / "rejects.jsonl"
    with Rejects(path=rejects_path) as rejects:
        ids = [a.id for a in iter_articles([path], max_bytes=10_000, rejects=rejects)]
    assert ids == ["r1", "r3"]
    written = [json.loads(line) for line in rejects_path.read_text().splitlines()]
    assert len(written) == 1 and written[0]["line"] == 2
    assert "larger than one article may be (10,000" in str(written[0]["reason"])
    assert len(str(written[0]["raw"])) <= min(MAX_RAW_CHARS, 10_001)


def test_lone_surrogates_become_replacement_characters_with_a_warning(tmp_path):
    path = jsonl(
        tmp_path / "c.jsonl", ['{"id": "s", "title": "A \\ud800 b", "text": "Said \\udfff."}']
    )
    (article,) = iter_articles([path])
    assert "\ud800" not in article.text and "\ufffd" in article.text
    article.text.encode("utf-8")  # storable
    assert any("lone surrogate" in warning for warning in article.warnings)


def test_deeply_nested_json_is_one_rejected_record(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    lines: list[object] = [record(1), '{"text": ' + deep + "}", record(3)]
    ids, rejects = read_all([jsonl(tmp_path / "c.jsonl", lines)])
    assert ids == ["r1", "r3"] and "nested too deeply" in rejects.first[0]
    (tmp_path / "deep.json").write_text(deep)
    with pytest.raises(InputError, match="nested too deeply"):
        list(iter_articles([tmp_path / "deep.json"]))


def test_stop_raises_the_first_bad_record(tmp_path):
    path = jsonl(tmp_path / "c.jsonl", [record(1), "{oops", record(3)])
    with pytest.raises(RecordError, match=":2: malformed JSON"):
        list(iter_articles([path], rejects=Rejects(stop=True)))


def test_an_empty_file_in_a_folder_is_skipped_and_counted(tmp_path):
    (tmp_path / "a.txt").write_text("First report.")
    (tmp_path / "b.txt").write_text("")
    (tmp_path / "c.txt").write_text("Third report.")
    articles = list(iter_articles([tmp_path], rejects=(rejects := Rejects())))
    assert [Path(a.source_path or "").name for a in articles] == ["a.txt", "c.txt"]
    assert rejects.count == 1 and "b.txt: empty input" in rejects.first[0]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_an_unreadable_folder_is_an_error_not_nothing(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "a.txt").write_text("A report.")
    folder.chmod(0)
    try:
        with pytest.raises(InputError, match="cannot read this folder"):
            list(iter_articles([folder]))
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("start", ["{not json at all", "[Updated] Talks resume", "<html> is a tag"])
def test_the_suffix_decides_a_txt_file_is_text(tmp_path, start):
    text = f"{start}\n\nThe minister said talks would resume on Monday.\n"
    (tmp_path / "r.txt").write_text(text)
    assert read_article(tmp_path / "r.txt").text == text


def test_a_file_without_a_suffix_is_sniffed(tmp_path):
    (tmp_path / "records").write_text(json.dumps(record(1)) + "\n" + json.dumps(record(2)) + "\n")
    (tmp_path / "single").write_text(json.dumps(record(3), indent=2))
    assert [a.id for a in iter_articles([tmp_path / "records", tmp_path / "single"])] == [
        "r1",
        "r2",
        "r3",
    ]


def test_stdin_jsonl_reads_as_the_file_does_with_a_raw_line_separator(tmp_path, monkeypatch):
    records = [
        {"id": "a", "text": "He said:\u2028“We agree.”"},
        {"id": "b", "text": "Second\u2029report."},
    ]
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    (tmp_path / "c.jsonl").write_bytes(data)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    from_stdin = [(a.id, a.text) for a in iter_articles(["-"])]
    from_file = [(a.id, a.text) for a in iter_articles([tmp_path / "c.jsonl"])]
    assert from_stdin == from_file == [(r["id"], r["text"]) for r in records]


def test_closed_stdin_is_one_clear_error(monkeypatch):
    monkeypatch.setattr("sys.stdin", None)
    with pytest.raises(InputError, match="stdin is closed"):
        list(iter_articles(["-"]))


def test_utf8_with_one_bad_byte_stays_utf8(tmp_path):
    text = "Le ministre a déclaré: “nous négocions” à Genève."
    data = text.encode("utf-8").replace(" à".encode(), b" \xe0")  # one stray Latin-1 byte
    article = read_article(_write(tmp_path / "r.txt", data))
    assert "“nous négocions”" in article.text and "\ufffd" in article.text
    assert any("1 invalid UTF-8 byte sequence replaced" in w for w in article.warnings)


def test_a_byte_order_mark_is_not_part_of_the_headline(tmp_path):
    (tmp_path / "r.txt").write_bytes(b"\xef\xbb\xbfTalks resume\n\nThe minister said so.\n")
    (tmp_path / "r.jsonl").write_text(
        json.dumps({"title": "\ufeffTalks resume", "text": "\ufeffThe minister said so."}) + "\n"
    )
    for path in (tmp_path / "r.txt", tmp_path / "r.jsonl"):
        article = read_article(path)
        assert article.headline == "Talks resume" and not article.text.startswith("\ufeff")


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
