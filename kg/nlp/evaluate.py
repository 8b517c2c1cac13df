"""Evaluate the shipped pipeline on NorNE (raw text in, exact character spans + type out).

    python -m kg.nlp.evaluate --norne /work/shared/data/norne [--split dev]

Each sentence's ``# text =`` line is run through the full ``kg.nlp.load()`` pipeline
(tokenizer, sentence splitting, tagger, parser, lemmatizer, NER); predicted entity character
spans are compared with the gold spans (from the gold tokens located in the text). A prediction
counts only when start, end and NorNE type all match. Speed is measured on the same pass:
``nlp.pipe`` over all sentence texts, one process (``n_process=1``), words = gold tokens.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections import Counter
from pathlib import Path
from typing import Any

from kg.nlp.conllu import NORNE_LABELS, read_conllu

SPLIT_FILES = {"dev": "no_bokmaal-ud-dev.conllu", "test": "no_bokmaal-ud-test.conllu"}
TRAIN_FILE = "no_bokmaal-norne-train.conllu"  # its entity strings split the scores: seen/unseen


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f": f, "tp": tp, "fp": fp, "fn": fn, "gold": tp + fn, "pred": tp + fp}


def entity_strings(path: str | Path) -> set[str]:
    """The surface strings of the gold entities of a CoNLL-U file."""
    return {s.text[a:b] for s in read_conllu(path) for a, b, _ in s.char_spans()}


def evaluate(
    nlp: Any,
    path: str | Path,
    batch_size: int = 256,
    limit: int | None = None,
    seen: set[str] | None = None,
) -> dict[str, Any]:
    """Run ``nlp`` on each sentence's raw text and score entities (exact span + type).

    Returns ``{"micro": {p, r, f, ...}, "per_type": {label: {...}}, "untyped": {...},
    "sentences", "words", "seconds", "words_per_second"}``; with ``seen`` (entity strings of
    the training data) also ``"seen"`` and ``"unseen"``: the scores of gold and predicted
    entities whose string is, or is not, in it."""
    sents = list(read_conllu(path))
    if limit:
        sents = sents[:limit]
    texts = [s.text for s in sents]
    n_words = sum(len(s.tokens) for s in sents)
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    utp = ufp = ufn = 0
    by_seen: dict[bool, Counter[str]] = {True: Counter(), False: Counter()}
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=batch_size, n_process=1))
    seconds = time.perf_counter() - t0
    for s, doc in zip(sents, docs, strict=True):
        gold = set(s.char_spans())
        pred = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
        for span in pred & gold:
            tp[span[2]] += 1
        for span in pred - gold:
            fp[span[2]] += 1
        for span in gold - pred:
            fn[span[2]] += 1
        if seen is not None:
            for a, b, lab in gold:
                c = by_seen[s.text[a:b] in seen]
                c["tp" if (a, b, lab) in pred else "fn"] += 1
            for a, b, _lab in pred - gold:
                by_seen[s.text[a:b] in seen]["fp"] += 1
        ug = {(a, b) for a, b, _ in gold}
        up = {(a, b) for a, b, _ in pred}
        utp += len(ug & up)
        ufp += len(up - ug)
        ufn += len(ug - up)
    labels = [lab for lab in NORNE_LABELS if tp[lab] + fp[lab] + fn[lab]]
    split = {}
    if seen is not None:
        split = {
            name: _prf(by_seen[flag]["tp"], by_seen[flag]["fp"], by_seen[flag]["fn"])
            for name, flag in (("seen", True), ("unseen", False))
        }
    return {
        **split,
        "micro": _prf(sum(tp.values()), sum(fp.values()), sum(fn.values())),
        "per_type": {lab: _prf(tp[lab], fp[lab], fn[lab]) for lab in labels},
        "untyped": _prf(utp, ufp, ufn),
        "sentences": len(sents),
        "words": n_words,
        "seconds": seconds,
        "words_per_second": n_words / seconds if seconds else 0.0,
    }


def markdown(result: dict[str, Any]) -> str:
    lines = ["| type | P | R | F1 | gold | pred |", "|---|---:|---:|---:|---:|---:|"]

    def row(name: str, m: dict[str, float]) -> str:
        return (
            f"| {name} | {100 * m['p']:.1f} | {100 * m['r']:.1f} | {100 * m['f']:.1f} "
            f"| {m['gold']} | {m['pred']} |"
        )

    for lab, m in result["per_type"].items():
        lines.append(row(lab, m))
    lines.append(row("**micro (9 types)**", result["micro"]))
    lines.append(row("untyped spans", result["untyped"]))
    if "seen" in result:
        lines.append(row("names seen in train", result["seen"]))
        lines.append(row("names not seen in train", result["unseen"]))
    lines.append("")
    lines.append(
        f"{result['sentences']} sentences, {result['words']} words, {result['seconds']:.1f} s: "
        f"**{result['words_per_second']:,.0f} words/s** (whole pipeline, nlp.pipe, n_process=1, "
        f"{os.cpu_count()} cores)"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--norne", type=Path, required=True, help="directory with the NorNE CoNLL-U files"
    )
    ap.add_argument("--split", default="dev", choices=sorted(SPLIT_FILES))
    ap.add_argument(
        "--model", type=Path, default=None, help="pipeline directory (default: shipped model)"
    )
    ap.add_argument("--json", action="store_true", help="also print the result as JSON")
    args = ap.parse_args(argv)

    import spacy

    import kg.nlp

    nlp = spacy.load(args.model) if args.model else kg.nlp.load()
    train = args.norne / TRAIN_FILE
    seen = entity_strings(train) if train.exists() else None
    result = evaluate(nlp, args.norne / SPLIT_FILES[args.split], seen=seen)
    print(f"NorNE {args.split}: raw text -> kg.nlp pipeline, exact character span + type\n")
    print(markdown(result))
    if args.json:
        print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
