"""Language data for the extractor: loaded from ``kg/data/lexicons/<lang>/*.json``."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kg.gazetteer import data_dir

__all__ = ["Lexicon", "load_lexicon"]

SUPPORTED = ("nb",)


@dataclass(frozen=True)
class Lexicon:
    language: str
    version: str
    raw: dict[str, Any]
    actions: dict[str, Any]

    @property
    def speech_forms(self) -> dict[str, str]:
        """Inflected speech verb -> lemma."""
        return {form: lemma for lemma, forms in self.raw["speech_verbs"].items() for form in forms}

    def words(self, name: str) -> list[str]:
        value = self.raw[name]
        assert isinstance(value, list)
        return [str(v) for v in value]

    def cue_regex(self, name: str) -> re.Pattern[str]:
        """A case-insensitive regex matching any phrase of the list ``name`` at word boundaries."""
        phrases = sorted(self.words(name), key=len, reverse=True)
        body = "|".join(re.escape(p) for p in phrases)
        return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=4)
def load_lexicon(language: str = "nb") -> Lexicon:
    if language not in SUPPORTED:
        raise ValueError(f"no lexicon for language {language!r}; supported: {', '.join(SUPPORTED)}")
    base = data_dir() / "lexicons" / language
    raw = json.loads((base / "lexicon.json").read_text(encoding="utf-8"))
    actions = json.loads((base / "actions.json").read_text(encoding="utf-8"))
    version = f"{raw['version']}+{actions['version']}"
    return Lexicon(language, version, raw, actions)
