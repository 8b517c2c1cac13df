"""Read articles from files, folders and standard input.

Two formats are understood:

* plain text in the seeds' format: a first line `` date YYYY-MM`` (or a full date,
  ``date: 2022-02-16``), then the body. Offsets are counted over the whole file.
* JSON Lines: one object a line with ``id`` or ``url``, ``published``, ``text`` and
  optionally ``title``, ``publisher``, ``language``.

Bad input never stops a batch: :func:`read_articles` yields an :class:`ArticleError`
for that article and goes on.

>>> a = parse_text(" date 2022-02 NATO sier nei.", source="x.txt", article_id="x")
>>> a.published, a.body
('2022-02', 'NATO sier nei.')
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import ArticleError
from kg.model import Article

__all__ = ["ARTICLE_SUFFIXES", "count_articles", "parse_jsonl_line", "parse_text", "read_articles",
           "slugify"]

ARTICLE_SUFFIXES = (".txt", ".jsonl", ".ndjson")
MAX_ARTICLE_BYTES = 5 * 1024 * 1024

_DATE_HEADER = re.compile(
    r"\A[ \t\ufeff]*date:?[ \t]+(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?=\s|\Z)[ \t]*", re.IGNORECASE)
_SLUG_DROP = re.compile(r"[^a-z0-9_-]+")


def slugify(value: str) -> str:
    """A lowercase identifier safe in IRIs and file names.

    >>> slugify("Jonas Gahr Støre")
    'jonas-gahr-store'
    """
    table = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "é": "e", "ü": "u", "ö": "o", "ä": "a"})
    text = value.lower().translate(table)
    text = re.sub(r"\s+", "-", text.strip())
    return _SLUG_DROP.sub("", text).strip("-") or "x"


def _check_date(value: str, source: str) -> str:
    parts = value.split("-")
    try:
        if len(parts) == 3:
            dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
        elif len(parts) == 2:
            dt.date(int(parts[0]), int(parts[1]), 1)
        else:
            int(parts[0])
    except ValueError:
        raise ArticleError(source, f"invalid publication date {value!r}") from None
    return value


def _decode(data: bytes, source: str) -> str:
    if not data.strip():
        raise ArticleError(source, "empty input")
    if b"\x00" in data:
        raise ArticleError(source, "binary data (NUL bytes), not a text article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(source, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def parse_text(text: str, *, source: str, article_id: str) -> Article:
    """An article in the seeds' plain-text format (header line with the date, then the body)."""
    if not text.strip():
        raise ArticleError(source, "empty input")
    match = _DATE_HEADER.match(text)
    if not match:
        raise ArticleError(source,
                           "no publication date: the first line must be 'date YYYY-MM[-DD]'")
    published = _check_date(match.group(1), source)
    body_start = match.end()
    while body_start < len(text) and text[body_start] in "\r\n":
        body_start += 1
    if not text[body_start:].strip():
        raise ArticleError(source, "the article has a date but no text")
    return Article(id=slugify(article_id), text=text, published=published, source=source,
                   body_start=body_start)


def parse_jsonl_line(line: str, *, source: str) -> Article:
    """One JSON Lines record."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ArticleError(source, f"invalid JSON ({exc.msg}, column {exc.colno})") from None
    if not isinstance(record, dict):
        raise ArticleError(source, "a JSON Lines record must be an object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ArticleError(source, "missing or empty 'text'")
    published = record.get("published") or record.get("date")
    if not isinstance(published, str) or not published.strip():
        raise ArticleError(source, "missing 'published' date")
    published = _check_date(published.strip()[:10], source)
    url = record.get("url")
    ident = record.get("id")
    if ident is None and not url:
        raise ArticleError(source, "a record needs an 'id' or a 'url'")
    if ident is None:
        ident = hashlib.sha256(str(url).encode()).hexdigest()[:16]
    language = record.get("language") or "nb"
    return Article(id=slugify(str(ident)), text=text, published=published, source=source,
                   title=record.get("title"), url=url, publisher=record.get("publisher"),
                   language=str(language))


def _from_bytes(data: bytes, *, source: str, stem: str,
                jsonl: bool) -> Iterator[Article | ArticleError]:
    try:
        text = _decode(data, source)
    except ArticleError as err:
        yield err
        return
    if jsonl:
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    yield parse_jsonl_line(line, source=f"{source}:{number}")
                except ArticleError as err:
                    yield err
        return
    try:
        yield parse_text(text, source=source, article_id=stem)
    except ArticleError as err:
        yield err


def _jsonl_file(path: Path) -> Iterator[Article | ArticleError]:
    """A JSON Lines file, one line at a time (memory stays flat for large files)."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield ArticleError(str(path), f"cannot read: {exc.strerror}")
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            source = f"{path}:{number}"
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield ArticleError(source, f"not UTF-8 text ({exc.reason} at byte {exc.start})")
                continue
            try:
                yield parse_jsonl_line(line, source=source)
            except ArticleError as err:
                yield err


def count_articles(paths: Iterable[str]) -> int:
    """How many articles (or bad inputs) ``read_articles`` will yield, without parsing."""
    total = 0
    for name in paths:
        path = Path(name)
        if not path.exists():
            total += 1
            continue
        for file in _files(path):
            if file.suffix.lower() in (".jsonl", ".ndjson"):
                try:
                    with file.open("rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total


def _files(path: Path) -> Iterator[Path]:
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and child.suffix.lower() in ARTICLE_SUFFIXES:
                yield child
    else:
        yield path


def read_articles(paths: Iterable[str]) -> Iterator[Article | ArticleError]:
    """Articles from files, folders (``*.txt``, ``*.jsonl``) and ``-`` (standard input)."""
    for name in paths:
        if name == "-":
            data = sys.stdin.buffer.read()
            jsonl = data.lstrip().startswith(b"{")
            yield from _from_bytes(data, source="<stdin>", stem="stdin", jsonl=jsonl)
            continue
        path = Path(name)
        if not path.exists():
            yield ArticleError(name, "no such file or folder")
            continue
        for file in _files(path):
            if file.suffix.lower() in (".jsonl", ".ndjson"):
                yield from _jsonl_file(file)
                continue
            try:
                if file.stat().st_size > MAX_ARTICLE_BYTES:
                    yield ArticleError(str(file), f"larger than {MAX_ARTICLE_BYTES} bytes")
                    continue
                data = file.read_bytes()
            except OSError as exc:
                yield ArticleError(str(file), f"cannot read: {exc.strerror}")
                continue
            yield from _from_bytes(data, source=str(file), stem=file.stem, jsonl=False)
