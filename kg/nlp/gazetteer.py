"""Gazetteer for the NER: reads the project's linking tables in ``kg/data/linking`` at load
time (countries, aliases, organisations, parties) and marks matches in a token sequence.

Categories: ``CTRY`` (country names), ``PLACE`` (other places), ``ORG`` (organisations and
acronyms), ``PARTY`` (Norwegian parties), ``DEM`` (demonym adjectives), ``GRP`` (group nouns),
``PERSON`` (the curated key people in ``seed-entities.csv``).
Genitive variants (``Norges``, ``Natos``) are generated.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

LINKING_DIR = Path(__file__).resolve().parents[1] / "data" / "linking"

_KIND_TO_CAT = {
    "country_name": "CTRY",
    "demonym_adj": "DEM",
    "metonym": "ORG",
    "metonym_or_place": "PLACE",
    "org_acronym": "ORG",
    "place": "PLACE",
    "group": "GRP",
}


def _split(name: str) -> tuple[str, ...]:
    return tuple(name.split())


def _read(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@lru_cache(maxsize=4)
def load_gazetteer(linking_dir: str | None = None) -> dict[tuple[str, ...], str]:
    """Map of token tuples (case-sensitive) -> category."""
    d = Path(linking_dir) if linking_dir else LINKING_DIR
    entries: dict[tuple[str, ...], str] = {}

    def add(name: str, cat: str) -> None:
        name = name.strip()
        if not name:
            return
        key = _split(name)
        entries.setdefault(key, cat)
        if cat in ("CTRY", "PLACE", "ORG", "PARTY", "PERSON") and not key[-1].endswith(
            ("s", "x", "z")
        ):
            entries.setdefault((*key[:-1], key[-1] + "s"), cat)

    for row in _read(d / "countries-nb-wikidata.csv"):
        add(row.get("label_nb_cldr", ""), "CTRY")
    for fname in ("aliases-nb.csv", "aliases-nb-extra.csv"):
        for row in _read(d / fname):
            cat = _KIND_TO_CAT.get(row.get("kind", ""), "")
            if cat:
                add(row.get("surface_form", ""), cat)
    for row in _read(d / "organisations-nb.csv"):
        add(row.get("label_nb", ""), "ORG")
        for alias in (row.get("aliases_nb") or "").split("|"):
            add(alias, "ORG")
    for row in _read(d / "parties-no.csv"):
        add(row.get("name_nb", ""), "PARTY")
        for col in ("abbrev_news",):
            add(row.get(col, ""), "PARTY")
        for alias in (row.get("abbrev_variants") or "").split("|"):
            # one-letter variants ("A") are too ambiguous to match
            if len(alias) > 1:
                add(alias, "PARTY")
    # the project's curated key entities (office holders the articles are about, ...)
    seed_cat = {"Person": "PERSON", "Organisation": "ORG", "Country": "CTRY", "Place": "PLACE"}
    for row in _read(d / "seed-entities.csv"):
        cat = seed_cat.get(row.get("type", ""), "")
        if cat:
            add(row.get("label_nb", ""), cat)
    return entries


def longest_match(words: Sequence[str], lookup: Callable[[Sequence[str]], str | None],
                  max_len: int = 6, can_start: Callable[[str], bool] | None = None) -> list[str]:
    """Longest-match tags per token (``B-CAT``, ``I-CAT`` or ``O``) for the category
    ``lookup`` gives a run of words; runs start only at words ``can_start`` accepts."""
    tags = ["O"] * len(words)
    i, n = 0, len(words)
    while i < n:
        found = 0
        if can_start is None or can_start(words[i]):
            for ln in range(min(max_len, n - i), 0, -1):
                cat = lookup(words[i : i + ln])
                if cat is not None:
                    tags[i] = "B-" + cat
                    for j in range(i + 1, i + ln):
                        tags[j] = "I-" + cat
                    found = ln
                    break
        i += found or 1
    return tags


def match(words: list[str], gaz: dict[tuple[str, ...], str], max_len: int = 6) -> list[str]:
    """Longest-match gazetteer tags per token: ``B-CAT``, ``I-CAT`` or ``O``."""
    return longest_match(words, lambda run: gaz.get(tuple(run)), max_len)
