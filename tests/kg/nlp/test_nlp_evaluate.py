"""The NorNE scorer (kg/nlp/evaluate.py) on an invented two-sentence file."""

from __future__ import annotations

from pathlib import Path

import spacy

from kg.nlp.evaluate import entity_strings, evaluate

_ROWS = [
    ("Kari", "B-PER"), ("Nordmann", "I-PER"), ("besøkte", "O"), ("Vardø", "B-GPE_LOC"), (".", "O"),
]
_ROWS2 = [("Ola", "B-PER"), ("reiste", "O"), ("til", "O"), ("Alta", "B-GPE_LOC"), (".", "O")]


def _conllu(path: Path, sentences: list[list[tuple[str, str]]]) -> Path:
    out = []
    for k, rows in enumerate(sentences):
        text = " ".join(w for w, _ in rows[:-1]) + rows[-1][0]
        out += [f"# sent_id = {k}", f"# text = {text}"]
        for i, (w, tag) in enumerate(rows, 1):
            misc = f"name={tag}" + ("|SpaceAfter=No" if i == len(rows) - 1 else "")
            out.append(f"{i}\t{w}\t{w}\tX\t_\t_\t0\troot\t_\t{misc}")
        out.append("")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


class _Tagger:
    """Tags the spans given per text, like a pipeline's ``pipe``."""

    def __init__(self, ents: dict[str, list[tuple[int, int, str]]]) -> None:
        self.nlp = spacy.blank("nb")
        self.ents = ents

    def pipe(self, texts, batch_size: int = 1, n_process: int = 1):  # type: ignore[no-untyped-def]
        for text in texts:
            doc = self.nlp(text)
            doc.ents = [doc.char_span(a, b, label=lab) for a, b, lab in self.ents.get(text, [])]
            yield doc


def test_scores_split_by_names_seen_in_training(tmp_path: Path) -> None:
    dev = _conllu(tmp_path / "dev.conllu", [_ROWS, _ROWS2])
    train = _conllu(tmp_path / "train.conllu", [_ROWS])
    assert entity_strings(train) == {"Kari Nordmann", "Vardø"}
    tagger = _Tagger({
        "Kari Nordmann besøkte Vardø.": [(0, 13, "PER"), (22, 27, "GPE_ORG")],  # wrong type
        "Ola reiste til Alta.": [(0, 3, "PER")],  # Alta missed
    })
    result = evaluate(tagger, dev, seen=entity_strings(train))
    assert (result["micro"]["tp"], result["micro"]["fp"], result["micro"]["fn"]) == (2, 1, 2)
    assert (result["seen"]["tp"], result["seen"]["fp"], result["seen"]["fn"]) == (1, 1, 1)
    assert (result["unseen"]["tp"], result["unseen"]["fp"], result["unseen"]["fn"]) == (1, 0, 1)
    assert result["untyped"]["tp"] == 3
    assert "seen" not in evaluate(tagger, dev)
