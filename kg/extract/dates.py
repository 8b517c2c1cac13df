"""Time words (``tirsdag``, ``i går``, ``ut året``) anchored on the publication date.

A weekday resolves to a day only when the publication date is a full date (the most recent
such day, or the next one when the clause speaks of the future); with a month-only date the
result is the month itself, an explicit interval, and never an invented day.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from kg.extract.lexicon import Lexicon

__all__ = ["find_time", "resolve_end", "resolve_time"]

_PARTS = r"(?:\s+(?:formiddag|ettermiddag|morgen|kveld|natt|middag))?"


def _pattern(lexicon: Lexicon) -> re.Pattern[str]:
    words = list(lexicon.raw.get("weekdays", {})) + list(lexicon.raw.get("date_expressions", {}))
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:(?:natt|kveld)\s+til\s+)?(?:{alt}){_PARTS}(?![\w-])",
                      re.IGNORECASE)


_CACHE: dict[int, re.Pattern[str]] = {}


def find_time(text: str, start: int, end: int, lexicon: Lexicon, *,
              skip: tuple[int, int] | None = None) -> re.Match[str] | None:
    """The first time expression in ``text[start:end]`` outside ``skip`` (a quote)."""
    pattern = _CACHE.setdefault(id(lexicon), _pattern(lexicon))
    for match in pattern.finditer(text, start, end):
        if skip and skip[0] <= match.start() < skip[1]:
            continue
        return match
    return None


def resolve_time(expression: str, published: str, clause: str, lexicon: Lexicon) -> str | None:
    """ISO date of ``expression`` given the publication date, or the month when only the
    month is known; ``None`` when even that cannot be said.

    >>> from kg.extract.lexicon import load_lexicon
    >>> resolve_time("tirsdag", "2022-02-16", "sa tirsdag", load_lexicon())
    '2022-02-15'
    >>> resolve_time("torsdag", "2022-02-16", "møtes torsdag", load_lexicon())
    '2022-02-10'
    >>> resolve_time("torsdag", "2022-02-16", "skal møtes torsdag", load_lexicon())
    '2022-02-17'
    >>> resolve_time("tirsdag", "2022-02", "sa tirsdag", load_lexicon())
    '2022-02'
    """
    low = expression.lower()
    parts = published.split("-")
    if len(parts) < 3:
        return published if len(parts) == 2 else None
    pub = date(int(parts[0]), int(parts[1]), int(parts[2]))
    offsets: dict[str, int] = lexicon.raw.get("date_expressions", {})
    for phrase, offset in offsets.items():
        if low.startswith(phrase):
            return (pub + timedelta(days=int(offset))).isoformat()
    weekdays: dict[str, int] = lexicon.raw.get("weekdays", {})
    night = re.match(r"(?:natt|kveld)\s+til\s+", low)
    word = low[night.end():] if night else low
    day = weekdays.get(word.split()[0]) if word.split() else None
    if day is None:
        return None
    future = bool(lexicon.cue_regex("weekday_future_cues").search(clause))
    delta = (day - pub.weekday()) % 7
    if future:
        return (pub + timedelta(days=delta)).isoformat()
    back = (pub.weekday() - day) % 7
    return (pub - timedelta(days=back)).isoformat()


def resolve_end(text: str, published: str, lexicon: Lexicon) -> tuple[str, str] | None:
    """An end point in ``text``: (words, ISO date or month). ``ut året`` in 2022 -> 2022-12-31.

    >>> from kg.extract.lexicon import load_lexicon
    >>> resolve_end("blir der ut året", "2022-02", load_lexicon())
    ('ut året', '2022-12-31')
    >>> resolve_end("blir der ut mars", "2022-02", load_lexicon())
    ('ut mars', '2022-03-31')
    """
    year = int(published[:4])
    low = text.lower()
    months: dict[str, int] = lexicon.raw.get("months", {})
    ends: dict[str, str] = lexicon.raw.get("end_expressions", {})
    for phrase, unit in ends.items():
        at = re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", low)
        if at is None:
            continue
        if unit == "year":
            return text[at.start():at.end()], f"{year}-12-31"
        if unit == "month" and len(published) >= 7:
            month = int(published[5:7])
            last = calendar.monthrange(year, month)[1]
            return text[at.start():at.end()], f"{year}-{month:02d}-{last:02d}"
    alt = "|".join(months)
    at = re.search(rf"(?<![\w-])(?:ut|fram til|frem til|til og med|til utgangen av)\s+({alt})"
                   r"(?![\w-])", low)
    if at:
        month = months[at.group(1)]
        pub_month = int(published[5:7]) if len(published) >= 7 else 1
        end_year = year + 1 if month < pub_month else year
        last = calendar.monthrange(end_year, month)[1]
        return text[at.start():at.end()], f"{end_year}-{month:02d}-{last:02d}"
    return None
