"""Content negotiation as plain functions (no Flask): Accept with q-values and wildcards.

>>> from kg.formats import RESULT_FORMATS
>>> choose("application/sparql-results+json;q=1.0,application/sparql-results+xml;q=0.7",
...        RESULT_FORMATS).name
'json'
>>> choose("*/*", RESULT_FORMATS).name
'json'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kg.errors import NotAcceptableError
from kg.formats import Format, by_name

__all__ = ["MediaRange", "choose", "parse_accept"]


@dataclass(frozen=True)
class MediaRange:
    type: str
    subtype: str
    q: float

    def matches(self, media_type: str) -> int:
        """Specificity of the match (3 exact, 2 type/*, 1 */*), 0 when it does not match."""
        main, _, sub = media_type.partition("/")
        if self.type == "*" and self.subtype == "*":
            return 1
        if self.type == main and self.subtype == "*":
            return 2
        if self.type == main and self.subtype == sub:
            return 3
        return 0


def parse_accept(header: str | None) -> list[MediaRange]:
    """Media ranges of an Accept header; malformed entries are skipped, q clamps to 0..1."""
    ranges = []
    for part in (header or "").split(","):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        if "/" not in media:
            continue
        main, _, sub = media.partition("/")
        q = 1.0
        for param in pieces[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append(MediaRange(main, sub or "*", q))
    return ranges


def _quality(media_types: Iterable[str], ranges: list[MediaRange]) -> float:
    best_q, best_spec = 0.0, 0
    for media_type in media_types:
        for media_range in ranges:
            spec = media_range.matches(media_type)
            if spec > best_spec or (spec == best_spec and spec and media_range.q > best_q):
                best_spec, best_q = spec, media_range.q
    return best_q if best_spec else 0.0


def choose(accept: str | None, formats: Sequence[Format], *,
           requested: Sequence[str] = ()) -> Format:
    """The format to answer with.

    ``requested`` are ``format=``/``output=`` values (browsers, SPARQLWrapper): the first
    one that names an offered format wins. Otherwise the Accept header decides, the
    first offered format breaking ties; no Accept header means the first format.
    """
    for value in requested:
        for piece in value.split(","):
            fmt = by_name(piece, tuple(formats))
            if fmt is not None:
                return fmt
    ranges = parse_accept(accept)
    if not ranges:
        return formats[0]
    scored = []
    for position, fmt in enumerate(formats):
        names = [fmt.media_type] + [a for a in fmt.aliases if "/" in a]
        # An alias is a weaker match than the canonical type (application/json -> JSON results).
        q_main = _quality([fmt.media_type], ranges)
        q_alias = _quality(names, ranges) * 0.99
        scored.append((max(q_main, q_alias), -position, fmt))
    q, _, fmt = max(scored, key=lambda item: (item[0], item[1]))
    if q <= 0:
        offered = ", ".join(f.media_type for f in formats)
        raise NotAcceptableError(f"none of the accepted media types can be served; "
                                 f"available: {offered}")
    return fmt
