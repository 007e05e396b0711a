"""Readers: every format, every encoding, and bad input as one clear InputError."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclaims.ingest import InputError, iter_articles, read_article
from newsclaims.ingest.decode import decode_bytes
from newsclaims.ingest.headline import find_headline, split_headline

REPORT = "Iraq says it repels attack\n\nBAGHDAD, Feb 26 (Reuters) - Iraq said on Thursday its troops repelled an attack.\n"


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_plain_text_keeps_characters_exactly(tmp_path):
    text = "Headline here\r\n\r\nBody line one.\r\nBody “two”.\r\n"
    article = read_article(write(tmp_path, "a.txt", text))
    assert article.text == text  # no newline translation: offsets point into this
    assert article.headline == "Headline here"


def test_headline_and_dateline_with_agency(tmp_path):
    article = read_article(write(tmp_path, "r.txt", REPORT))
    assert article.headline == "Iraq says it repels attack"
    assert article.dateline == "BAGHDAD"
    assert article.agency == "Reuters"


def test_dateline_alone_on_its_line_and_agency_from_credit(tmp_path):
    text = "Title\n\nVIENNA\n\nAn official told AFP on Friday that talks go on.\n"
    article = read_article(write(tmp_path, "a.txt", text))
    assert (article.dateline, article.agency) == ("VIENNA", "AFP")


def test_no_headline_without_blank_line():
    assert split_headline("One line\nnext line") == (None, 0)


@pytest.mark.parametrize(
    ("text", "headline", "body"),
    [
        ("Floods hit Dhaka\n\nDHAKA - Rain fell.", "Floods hit Dhaka", "DHAKA - Rain fell."),
        ("Floods hit Dhaka\r\n\r\nDHAKA - Rain fell.", "Floods hit Dhaka", "DHAKA - Rain fell."),
        ("\r\n  Floods hit Dhaka  \r\n \t\r\nRain fell.", "Floods hit Dhaka", "Rain fell."),
    ],
)
def test_headline_and_body_start_for_any_line_ends(text, headline, body):
    assert split_headline(text) == (headline, text.index(body))
    found = find_headline(text)
    assert found is not None and text[found.start : found.end] == headline


@pytest.mark.parametrize(
    "text",
    ["One line\r\nnext line", "x" * 301 + "\n\nBody.", "Only a line\n", "   ", ""],
)
def test_no_headline_without_a_short_first_line_and_a_blank_line(text):
    assert split_headline(text) == (None, 0)
    assert find_headline(text) is None


def test_crlf_report_has_headline_and_dateline(tmp_path):
    article = read_article(write(tmp_path, "r.txt", REPORT.replace("\n", "\r\n")))
    assert (article.headline, article.dateline, article.agency) == (
        "Iraq says it repels attack",
        "BAGHDAD",
        "Reuters",
    )


def test_json_record_composes_title_and_body(tmp_path):
    record = {
        "id": "x1",
        "title": "Truce talks",
        "text": "Qatar said talks resumed.",
        "date": "2023-11-23T10:00:00",
        "publisher": "Al Jazeera",
    }
    article = read_article(write(tmp_path, "a.json", json.dumps(record)))
    assert article.text == "Truce talks\n\nQatar said talks resumed."
    assert (article.id, article.date, article.publisher, article.headline) == (
        "x1",
        "2023-11-23",
        "Al Jazeera",
        "Truce talks",
    )


def test_jsonl_gz_streams_every_record(tmp_path):
    path = tmp_path / "c.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        for number in range(3):
            stream.write(json.dumps({"id": f"r{number}", "text": f"Story {number} text."}) + "\n")
    assert [a.id for a in iter_articles([path])] == ["r0", "r1", "r2"]


def test_html_main_content(tmp_path):
    html = (
        "<html><head><title>Gaza truce holds</title></head><body><nav>Home | World</nav>"
        "<article><h1>Gaza truce holds</h1><p>Qatar said on Friday that the truce in Gaza "
        "was holding and that more hostages would be released in the coming days.</p>"
        "<p>Hamas said it had handed over a list of names to the mediators in Doha.</p>"
        "</article><footer>Copyright</footer></body></html>"
    )
    article = read_article(write(tmp_path, "page.html", html))
    assert "truce in Gaza was holding" in article.text
    assert "Copyright" not in article.text


def test_folder_reads_known_suffixes_and_skips_gold(tmp_path):
    write(tmp_path, "a.txt", "First report text.")
    write(tmp_path, "a.gold.json", "{}")
    write(tmp_path, "b.bin", b"\x00\x01")
    assert [Path(a.source_path or "").name for a in iter_articles([tmp_path])] == ["a.txt"]


def test_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(REPORT.encode())))
    assert read_article("-").text == REPORT


def test_windows_1252_is_read_with_a_warning(tmp_path):
    text = "Le ministre a déclaré: “nous négocions” – à Genève, où l’été est chaud."
    article = read_article(write(tmp_path, "w.txt", text.encode("cp1252")))
    assert article.text == text
    assert any("not UTF-8" in warning for warning in article.warnings)


def test_latin1_is_read_with_a_warning(tmp_path):
    text = "São Paulo: o governo disse que a situação é grave e que não há acordo."
    article = read_article(write(tmp_path, "l.txt", text.encode("latin-1")))
    assert article.text == text
    assert article.warnings


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty input"),
        ("blank.txt", b"  \n\n ", "empty input"),
        ("binary.txt", bytes(range(256)) * 4, "binary data"),
        ("bad.json", b'{"text": "unfinished', "malformed JSON"),
        ("notext.json", b'{"title": "x"}', "no non-empty 'text'"),
        ("list.json", b"[1, 2]", "expected a JSON object"),
        ("broken.html", b"<html><body><div></div></body></html>", "no article text"),
        ("bad.jsonl.gz", b"not gzip at all", "not a readable gzip"),
    ],
)
def test_bad_input_is_one_clear_error(tmp_path, name, data, message):
    with pytest.raises(InputError, match=message) as error:
        list(iter_articles([write(tmp_path, name, data)]))
    assert "\n" not in str(error.value)


def test_huge_file_is_refused(tmp_path):
    path = write(tmp_path, "huge.txt", "word " * 1000)
    with pytest.raises(InputError, match="larger than one article"):
        read_article(path, max_bytes=100)


def test_missing_path():
    with pytest.raises(InputError, match="no such file"):
        read_article("/nonexistent/report.txt")


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000))
def test_random_bytes_never_crash_a_reader(tmp_path, data):
    for suffix in (".txt", ".json", ".html", ".jsonl"):
        path = write(tmp_path, f"random{suffix}", data)
        try:
            for article in iter_articles([path]):
                assert isinstance(article.text, str) and article.text.strip()
        except InputError as error:
            assert "\n" not in str(error)


PRINTABLE = st.characters(blacklist_categories=("Cc", "Cs"))


@given(
    text=st.text(PRINTABLE, min_size=1, max_size=300).filter(
        lambda text: text.strip() and not text.startswith("\ufeff")  # a leading BOM is dropped
    )
)
def test_decoding_utf8_text_round_trips(text):
    assert decode_bytes(text.encode("utf-8"), "x") == (text, [])


@pytest.mark.parametrize("data", [b"\xa0", b"\xc2\xa0", b" \xe2\x80\x83\n"])
def test_only_unicode_spaces_is_empty_input(tmp_path, data):
    path = write(tmp_path, "spaces.txt", data)
    with pytest.raises(InputError, match="empty input"):
        list(iter_articles([path]))
