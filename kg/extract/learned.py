"""A learned trigger detector: which kinds of military action a sentence tells, and the word
that tells it, for phrasings the hand-written trigger patterns do not know.

A logistic model (python-crfsuite, one-item sequences) over the sentence's words, their
six-letter stems and word pairs gives each kind's probability; the trigger is the sentence's
word that weighs most for that kind. The rule pipeline then treats that word as it treats a
pattern's match: it looks for the agent, the place, the status and the forces as for any
trigger, so the model only proposes and the rules dispose (a negated or hypothetical sentence,
a sending without a destination or without forces, is still dropped).

Train it from an annotated set with ``python -m kg.extract.learned``; the model is data
(``kg/data/lexicons/nb/triggers.crfsuite``), versioned like the lexicons.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["LearnedTrigger", "TriggerDetector", "default_model_path", "features",
           "load_detector", "train", "training_instances"]

MODEL_VERSION = "nb-triggers.v1"
# Chosen on rounds 8 and 9 with the rules written before them, the model trained on the other
# 72 development articles: actions F1 0.402 without the model, 0.444-0.464 with thresholds
# 0.4-0.5 (0.458 at 0.45; 0.43 at 0.7; precision falls below 0.7 under 0.45). Five-letter
# stems and four-letter ends, added after round 11 was scored, gave 0.469 at 0.45.
THRESHOLD = 0.45
_WORD = re.compile(r"[\wæøåÆØÅ][\wæøåÆØÅ-]*")
_NUMBER = re.compile(r"\d")


@dataclass(frozen=True)
class LearnedTrigger:
    kind: str
    start: int  # offsets in the sentence text of the word that weighs most
    end: int
    probability: float


def features(sentence: str) -> dict[str, float]:
    """The sentence's lower-cased words, their first five and six letters (a verb's stem),
    their last four and six (a compound's head: "-soldater", "-øvelsen") and adjacent pairs.
    A capitalised word inside the sentence is a name and counts as one: the model learns how
    actions are told, not which countries the training articles were about."""
    raw = _WORD.findall(sentence)
    words = ["<name>" if i and w[:1].isupper() else w.lower() for i, w in enumerate(raw)]
    out: dict[str, float] = {"b": 1.0}
    for i, word in enumerate(words):
        if word == "<name>":
            out["name"] = 1.0
            continue
        if _NUMBER.search(word):
            out["num"] = 1.0
            continue
        out["w=" + word] = 1.0
        if len(word) > 5:
            out["s5=" + word[:5]] = 1.0  # a verb's forms: "forflytter", "forflyttet"
        if len(word) > 6:
            out["e4=" + word[-4:]] = 1.0
        if len(word) > 7:
            out["s=" + word[:6]] = 1.0
            out["e=" + word[-6:]] = 1.0
        if i + 1 < len(words):
            out["p=" + word + "_" + words[i + 1]] = 1.0
    return out


class TriggerDetector:
    """Kinds a sentence tells, with the word that tells each (a probability threshold keeps
    the guesses the model is sure of)."""

    def __init__(self, model: bytes, threshold: float = THRESHOLD,
                 non_triggers: Iterable[str] = ()) -> None:
        import pycrfsuite

        self._model = model  # the tagger reads these bytes in place: keep them alive
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open_inmemory(model)
        self.threshold = threshold
        self.non_triggers = frozenset(non_triggers)  # lexicon "learned_non_triggers"
        self.labels = [label for label in self._tagger.labels() if label != "O"]
        weights: dict[tuple[str, str], float] = self._tagger.info().state_features
        self._weights = weights

    def __call__(self, sentence: str) -> list[LearnedTrigger]:
        feats = features(sentence)
        self._tagger.set([feats])
        self._tagger.tag()
        out = []
        for label in self.labels:
            p = self._tagger.marginal(label, 0)
            if p < self.threshold:
                continue
            best: tuple[float, int, int] | None = None
            for match in _WORD.finditer(sentence):
                word = match.group(0).lower()
                if word in self.non_triggers or _NUMBER.search(word) \
                        or match.group(0)[0].isupper():
                    continue
                weight = self._weights.get(("w=" + word, label), 0.0) + (
                    self._weights.get(("s=" + word[:6], label), 0.0) if len(word) > 7 else 0.0)
                if weight > 0 and (best is None or weight > best[0]):
                    best = (weight, match.start(), match.end())
            if best is not None:
                out.append(LearnedTrigger(label, best[1], best[2], p))
        return out


def default_model_path(language: str = "nb") -> Path:
    return Path(__file__).resolve().parent.parent / "data" / "lexicons" / language / \
        "triggers.crfsuite"


def load_detector(language: str = "nb", threshold: float = THRESHOLD) -> TriggerDetector | None:
    """The shipped detector for ``language`` with the lexicon's non-trigger words, or None when
    no model is shipped."""
    from kg.extract.lexicon import load_lexicon

    path = default_model_path(language)
    if not path.exists():
        return None
    words = load_lexicon(language).actions.get("learned_non_triggers", [])
    return TriggerDetector(path.read_bytes(), threshold, words)


def _overlaps(a: tuple[int, int], b: Sequence[int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def training_instances(article_dirs: Iterable[Path]) -> list[tuple[dict[str, float], str]]:
    """(features, label) per sentence of each annotated article: the kinds whose gold
    evidence overlaps the sentence, or "O"."""
    from kg.extract.lexicon import load_lexicon
    from kg.extract.segment import segment
    from kg.read import parse_text

    lexicon = load_lexicon("nb")
    abbreviations = frozenset(lexicon.words("abbreviations"))
    out: list[tuple[dict[str, float], str]] = []
    for directory in article_dirs:
        gold = json.loads((directory / "gold.json").read_text(encoding="utf-8"))
        gold = gold.get("articles", gold)
        for name, annotation in sorted(gold.items()):
            path = directory / name
            if not path.exists():
                continue
            text = path.read_text(encoding="utf-8")
            article = parse_text(text, source=str(path), article_id=path.stem)
            spans: list[tuple[str, Sequence[int]]] = []
            for action in annotation.get("military_actions", []):
                kind = "Attack" if action["kind"] == "Invasion" else action["kind"]
                for span in [action.get("span"), *(action.get("evidence_more_spans") or [])]:
                    if span:
                        spans.append((kind, span))
            for sentence in segment(article, abbreviations):
                extent = (sentence.span.start, sentence.span.end)
                kinds = sorted({kind for kind, span in spans if _overlaps(extent, span)})
                feats = features(text[extent[0]:extent[1]])
                for kind in kinds or ["O"]:
                    out.append((feats, kind))
    return out


def train(instances: Sequence[tuple[dict[str, float], str]], out: Path,
          params: dict[str, Any] | None = None) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params({"c1": 0.05, "c2": 1.0, "max_iterations": 200, **(params or {})})
    for feats, label in instances:
        trainer.append([feats], [label])
    trainer.train(str(out))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="+", type=Path,
                    help="folders of annotated articles, each with a gold.json")
    ap.add_argument("--out", type=Path, default=default_model_path())
    args = ap.parse_args(argv)
    for directory in args.dirs:
        if not (directory / "gold.json").is_file():
            ap.error(f"{directory}: no gold.json (annotated articles are needed to train)")
    instances = training_instances(args.dirs)
    train(instances, args.out)
    sys.stdout.write(f"{len(instances)} sentences -> {args.out}\n")


if __name__ == "__main__":
    main()
