"""Paragraphs and sentences with their offsets in the article text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.model import Article, Span

__all__ = ["Sentence", "segment"]

_SENTENCE_END = re.compile(r"(?<=[.!?»])\s+(?=[«\"–\-]?\s*[A-ZÆØÅ0-9«–])")
_INITIAL = re.compile(r"(?:^|[\s(])[A-ZÆØÅ]\.$")  # "Tore O. Sandvik": no sentence ends here
_LAST_WORD = re.compile(r"(\S+)$")


@dataclass(frozen=True)
class Sentence:
    span: Span
    paragraph: int  # index of the paragraph (a line of the body)
    first: bool  # first sentence of its paragraph


def _lines(article: Article) -> Iterator[Span]:
    pos = article.body_start
    for line in article.text[article.body_start :].split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped_start = start + (len(line) - len(line.lstrip()))
        stripped_end = start + len(line.rstrip())
        if stripped_end > stripped_start:
            yield Span(stripped_start, stripped_end)


def _no_break(before: str, abbreviations: frozenset[str]) -> bool:
    """A full stop that ends an initial or an abbreviation (``bl.a.``, ``ca.``) ends no
    sentence."""
    if _INITIAL.search(before[-3:]):
        return True
    word = _LAST_WORD.search(before)
    return word is not None and word.group(1).lower().lstrip("(") in abbreviations


def segment(article: Article, abbreviations: frozenset[str] = frozenset()) -> list[Sentence]:
    """Split the body into paragraphs (lines) and sentences; spans index ``article.text``.

    >>> from kg.model import Article
    >>> a = Article("x", "NATO sier nei. Russland sier ja.\\nNy linje", "2022")
    >>> [a.text[s.span.start:s.span.end] for s in segment(a)]
    ['NATO sier nei.', 'Russland sier ja.', 'Ny linje']
    >>> b = Article("x", "Tore O. Sandvik sier det. Det er bl.a. Norge.", "2022")
    >>> [b.text[s.span.start:s.span.end] for s in segment(b, frozenset({"bl.a."}))]
    ['Tore O. Sandvik sier det.', 'Det er bl.a. Norge.']
    """
    sentences: list[Sentence] = []
    for number, line in enumerate(_lines(article)):
        text = article.text[line.start : line.end]
        start = 0
        first = True
        for match in _SENTENCE_END.finditer(text):
            if _no_break(text[max(0, match.start() - 12):match.start()], abbreviations):
                continue
            sentences.append(Sentence(Span(line.start + start, line.start + match.start()), number,
                                      first))
            first = False
            start = match.end()
        sentences.append(Sentence(Span(line.start + start, line.end), number, first))
    return sentences
