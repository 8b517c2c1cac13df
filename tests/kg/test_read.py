from __future__ import annotations

import json

import pytest

from kg.errors import ArticleError
from kg.read import parse_jsonl_line, parse_text, read_articles


def test_parse_text_reads_month_date_and_body_offsets():
    article = parse_text(" date 2022-02 NATO sier nei.\n\nMer tekst.", source="a.txt",
                         article_id="A 1")
    assert article.published == "2022-02"
    assert article.id == "a-1"
    assert article.text[article.body_start:].startswith("NATO sier nei.")


def test_parse_text_accepts_full_date_with_colon():
    article = parse_text("date: 2022-02-16\nTekst her.", source="a", article_id="a")
    assert article.published == "2022-02-16"
    assert article.body == "Tekst her."


@pytest.mark.parametrize(("text", "reason"), [
    ("", "empty"),
    ("   \n", "empty"),
    ("Ingen dato her.", "no publication date"),
    (" date 2022-13 Tekst.", "invalid publication date"),
    (" date 2022-02\n\n", "no text"),
])
def test_parse_text_rejects_bad_input_with_reason(text, reason):
    with pytest.raises(ArticleError, match=reason):
        parse_text(text, source="x", article_id="x")


def test_jsonl_record_fields():
    line = json.dumps({"url": "https://example.org/a", "title": "T", "published": "2022-02-16",
                       "publisher": "NTB", "language": "nb", "text": "NATO sier nei."})
    article = parse_jsonl_line(line, source="f:1")
    assert article.publisher == "NTB" and article.title == "T" and article.url
    assert article.text == "NATO sier nei." and len(article.id) == 16


@pytest.mark.parametrize(("record", "reason"), [
    ("not json", "invalid JSON"),
    ("[1]", "must be an object"),
    (json.dumps({"id": "a", "published": "2022"}), "text"),
    (json.dumps({"id": "a", "text": "x"}), "published"),
    (json.dumps({"published": "2022", "text": "x"}), "'id' or a 'url'"),
])
def test_jsonl_rejects_bad_records(record, reason):
    with pytest.raises(ArticleError, match=reason):
        parse_jsonl_line(record, source="f:1")


def test_read_articles_reports_each_bad_file_and_goes_on(tmp_path):
    (tmp_path / "good.txt").write_text(" date 2022-02 NATO sier nei.", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"date 2022\x00\x01")
    (tmp_path / "latin1.txt").write_bytes(" date 2022-02 Bl\xe5b\xe6r".encode("latin-1"))
    (tmp_path / "batch.jsonl").write_text(
        json.dumps({"id": "j1", "published": "2022-03", "text": "Norge sender soldater."})
        + "\n{broken\n", encoding="utf-8")
    items = list(read_articles([str(tmp_path), str(tmp_path / "missing.txt")]))
    good = [i for i in items if not isinstance(i, ArticleError)]
    bad = {i.source.rsplit("/", 1)[-1]: i.reason for i in items if isinstance(i, ArticleError)}
    assert sorted(a.id for a in good) == ["good", "j1"]
    assert "NUL" in bad["binary.txt"]
    assert "UTF-8" in bad["latin1.txt"]
    assert "invalid JSON" in bad["batch.jsonl:2"]
    assert "no such file" in bad["missing.txt"]
