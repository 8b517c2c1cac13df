"""Tests for the shipped Norwegian pipeline (kg.nlp)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import kg.nlp

REPO = Path(__file__).resolve().parents[3]
SEEDS = sorted((REPO / "seeds").glob("*.txt"))
NORNE_DIR = Path(os.environ.get("KG_NORNE_DIR", REPO.parent / "shared" / "data" / "norne"))
DEV_FILE = NORNE_DIR / "no_bokmaal-ud-dev.conllu"

# micro-F1 (exact span + type, raw text in) reported by `python -m kg.nlp.evaluate` on dev
REPORTED_DEV_F1 = 0.993

EXPECTED = {
    "Jens Stoltenberg": {"PER"},
    "Lloyd Austin": {"PER"},
    "Anniken Huitfeldt": {"PER"},
    "Odd Roger Enoksen": {"PER"},
    "Jonas Gahr Støre": {"PER"},
    "NATO": {"ORG"},
    "Russland": {"GPE_LOC", "GPE_ORG"},
    "Ukraina": {"GPE_LOC", "GPE_ORG"},
    "Norge": {"GPE_LOC", "GPE_ORG"},
    "Litauen": {"GPE_LOC", "GPE_ORG"},
}


def _body(path: Path) -> str:
    lines = path.read_text(encoding="utf-8").splitlines()
    if lines and lines[0].strip().startswith("date"):
        lines = lines[1:]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return kg.nlp.load()


@pytest.fixture(scope="module")
def seed_docs(nlp):  # type: ignore[no-untyped-def]
    assert SEEDS, "no seed articles found"
    return [nlp(_body(p)) for p in SEEDS]


def test_load_is_cached_and_complete(nlp) -> None:  # type: ignore[no-untyped-def]
    assert kg.nlp.load() is nlp
    for name in ("tok2vec", "morphologizer", "parser", "norne_lemmatizer", "norne_crf_ner"):
        assert name in nlp.pipe_names
    model_bytes = sum(p.stat().st_size for p in kg.nlp.MODEL_DIR.rglob("*") if p.is_file())
    assert model_bytes <= 25 * 1024 * 1024


def test_annotations(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "Forsvarsministeren sa at soldatene ble sendt til Litauen. Jens Stoltenberg var enig."
    )
    assert len(list(doc.sents)) == 2
    assert all(t.pos_ for t in doc)
    assert any(t.dep_ for t in doc)
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["soldatene"] == "soldat"
    assert lemmas["sendt"] == "sende"
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Jens Stoltenberg", "PER") in ents
    assert ("Litauen", "GPE_LOC") in ents or ("Litauen", "GPE_ORG") in ents


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_entities(seed_docs, name: str) -> None:  # type: ignore[no-untyped-def]
    texts = [d.text for d in seed_docs]
    if not any(name in t for t in texts):
        pytest.skip(f"{name!r} does not occur in the seed articles")
    labels = {e.label_ for d in seed_docs for e in d.ents if e.text == name}
    assert labels, f"{name!r} not recognised as an entity"
    assert labels <= EXPECTED[name], f"{name!r} typed {labels}, expected one of {EXPECTED[name]}"


def test_every_mention_typed(seed_docs) -> None:  # type: ignore[no-untyped-def]
    """Every occurrence of the expected names is inside an entity of the right type."""
    misses = []
    for doc in seed_docs:
        for name, allowed in EXPECTED.items():
            start = 0
            while (i := doc.text.find(name, start)) >= 0:
                start = i + len(name)
                end = i + len(name)
                nxt = doc.text[end : end + 2]
                if nxt[:1].isalpha() and nxt[:1] != "s":
                    continue  # part of a longer word
                if nxt[:1] == "-" and nxt[1:2].islower():
                    continue  # compound such as "NATO-medlem": not a mention of the name itself
                ents = [e for e in doc.ents if e.start_char <= i and e.end_char >= end]
                if not ents or ents[0].label_ not in allowed:
                    misses.append(
                        (name, doc.text[max(0, i - 30) : end + 30], [e.label_ for e in ents])
                    )
    assert not misses, misses


@pytest.mark.skipif(
    not DEV_FILE.exists(), reason=f"NorNE dev file not found at {DEV_FILE} (set KG_NORNE_DIR)"
)
def test_dev_f1(nlp) -> None:  # type: ignore[no-untyped-def]
    from kg.nlp.evaluate import evaluate

    result = evaluate(nlp, DEV_FILE)
    assert result["micro"]["f"] >= REPORTED_DEV_F1 - 0.02, result["micro"]
