"""Language data for the extractor: loaded from ``kg/data/lexicons/<lang>/*.json``, and the
cues for where an action takes place from ``kg/data/lexicons/<lang>/location.json``."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from kg.gazetteer import data_dir

__all__ = ["Lexicon", "alternation", "load_lexicon", "word_list"]

SUPPORTED = ("nb",)


@dataclass(frozen=True)
class Lexicon:
    language: str
    version: str
    raw: dict[str, Any]
    actions: dict[str, Any]
    roles: dict[str, Any] = field(default_factory=dict)
    location: dict[str, Any] = field(default_factory=dict)  # near / location / location_text

    @property
    def speech_forms(self) -> dict[str, str]:
        """Inflected speech verb -> lemma."""
        return {form: lemma for lemma, forms in self.raw["speech_verbs"].items() for form in forms}

    def words(self, name: str) -> list[str]:
        return word_list(self.raw, name)

    def place_words(self, name: str) -> list[str]:
        """A word list of the location cues (``location.json``)."""
        return word_list(self.location, name)

    def cue_regex(self, name: str) -> re.Pattern[str]:
        """A case-insensitive regex matching any phrase of the list ``name`` at word boundaries."""
        key = (id(self), name)
        cached = _REGEXES.get(key)
        if cached is None:
            body = alternation(self.words(name)) or "(?!)"
            cached = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)
            _REGEXES[key] = cached
        return cached


_REGEXES: dict[tuple[int, str], re.Pattern[str]] = {}


def word_list(source: dict[str, Any], name: str) -> list[str]:
    """The list under ``name`` in a lexicon table, as strings ([] when absent)."""
    value = source.get(name, [])
    assert isinstance(value, list)
    return [str(v) for v in value]


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, escaped, longest first ("" when there are none)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=4)
def load_lexicon(language: str = "nb") -> Lexicon:
    if language not in SUPPORTED:
        raise ValueError(f"no lexicon for language {language!r}; supported: {', '.join(SUPPORTED)}")
    base = data_dir() / "lexicons" / language
    raw = json.loads((base / "lexicon.json").read_text(encoding="utf-8"))
    actions = json.loads((base / "actions.json").read_text(encoding="utf-8"))
    roles_file = base / "roles.json"
    roles = json.loads(roles_file.read_text(encoding="utf-8")) if roles_file.is_file() else {}
    location_file = base / "location.json"
    location = json.loads(location_file.read_text(encoding="utf-8")) \
        if location_file.is_file() else {}
    version = f"{raw['version']}+{actions['version']}" + (
        f"+{roles['version']}" if roles else "") + (
        f"+{location['version']}" if location else "")
    return Lexicon(language, version, raw, actions, roles, location)
