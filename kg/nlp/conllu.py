"""CoNLL-U reading for NorNE (Bokmål) and conversion to spaCy ``Doc`` objects.

The NorNE texts may be used for training and evaluation but must not be shipped: nothing in
this module writes corpus text into the package; converted ``DocBin`` files go to a temporary
working directory chosen by :mod:`kg.nlp.train`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

NORNE_LABELS = ("PER", "ORG", "LOC", "GPE_LOC", "GPE_ORG", "PROD", "EVT", "DRV", "MISC")


@dataclass
class Token:
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int  # 1-based, 0 = root
    deprel: str
    space_after: bool
    ner: str  # IOB2 tag, e.g. "B-PER" or "O"


@dataclass
class Sentence:
    sent_id: str
    text: str
    tokens: list[Token] = field(default_factory=list)

    @property
    def words(self) -> list[str]:
        return [t.form for t in self.tokens]

    @property
    def tags(self) -> list[str]:
        return [t.ner for t in self.tokens]

    def char_offsets(self) -> list[tuple[int, int]]:
        """Character offsets of each token in :attr:`text` (sequential search, falls back to
        SpaceAfter when a form cannot be found in the text)."""
        out: list[tuple[int, int]] = []
        pos = 0
        for tok in self.tokens:
            i = self.text.find(tok.form, pos)
            if i < 0 or self.text[pos:i].strip():
                i = pos
            out.append((i, i + len(tok.form)))
            pos = i + len(tok.form)
            if tok.space_after and pos < len(self.text) and self.text[pos] == " ":
                pos += 1
        return out

    def char_spans(self) -> list[tuple[int, int, str]]:
        """Gold entity spans as (start_char, end_char, label) in :attr:`text`."""
        offs = self.char_offsets()
        return [(offs[s][0], offs[e - 1][1], lab) for s, e, lab in iob_to_spans(self.tags)]


def iob_to_spans(tags: Iterable[str]) -> list[tuple[int, int, str]]:
    """IOB2 tags -> (start, end_exclusive, label); a stray I- starts a new span."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    tags = list(tags)
    for i, tag in enumerate([*tags, "O"]):
        if tag == "O" or tag.startswith("B-") or (tag.startswith("I-") and tag[2:] != label):
            if start >= 0:
                spans.append((start, i, label))
                start, label = -1, ""
            if tag != "O":
                start, label = i, tag[2:]
    return spans


def _misc_dict(misc: str) -> dict[str, str]:
    out: dict[str, str] = {}
    if misc and misc != "_":
        for part in misc.split("|"):
            k, _, v = part.partition("=")
            out[k] = v
    return out


def read_conllu(path: str | Path) -> Iterator[Sentence]:
    """Yield sentences from a CoNLL-U file (multi-word and empty-node lines are skipped)."""
    sent: Sentence | None = None
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if not line:
                if sent is not None and sent.tokens:
                    yield sent
                sent = None
                continue
            if sent is None:
                sent = Sentence("", "")
            if line.startswith("#"):
                key, _, val = line[1:].partition("=")
                key = key.strip()
                if key == "text":
                    sent.text = val.strip()
                elif key == "sent_id" and not sent.sent_id:
                    sent.sent_id = val.strip()
                continue
            cols = line.split("\t")
            if len(cols) < 10 or not cols[0].isdigit():
                continue
            misc = _misc_dict(cols[9])
            tag = misc.get("name", "O") or "O"
            sent.tokens.append(
                Token(
                    form=cols[1],
                    lemma=cols[2],
                    upos=cols[3],
                    xpos=cols[4],
                    feats=cols[5],
                    head=int(cols[6]) if cols[6].isdigit() else 0,
                    deprel=cols[7],
                    space_after=misc.get("SpaceAfter") != "No",
                    ner=tag,
                )
            )
    if sent is not None and sent.tokens:
        yield sent
    return


def to_docs(sentences: Iterable[Sentence], vocab, per_doc: int = 10) -> Iterator:  # type: ignore[no-untyped-def]
    """Group sentences into spaCy ``Doc`` objects with gold tags, morphs, lemmas, trees and
    entities (NorNE labels)."""
    from spacy.tokens import Doc

    batch: list[Sentence] = []

    def build(group: list[Sentence]):  # type: ignore[no-untyped-def]
        words: list[str] = []
        spaces: list[bool] = []
        pos: list[str] = []
        tags: list[str] = []
        morphs: list[str] = []
        lemmas: list[str] = []
        heads: list[int] = []
        deps: list[str] = []
        starts: list[bool | int | None] = []
        ents: list[str] = []
        for s in group:
            base = len(words)
            for i, t in enumerate(s.tokens):
                words.append(t.form)
                spaces.append(t.space_after)
                pos.append(t.upos if t.upos != "_" else "X")
                tags.append(t.xpos if t.xpos != "_" else "")
                morphs.append(t.feats if t.feats != "_" else "")
                lemmas.append(t.lemma)
                heads.append(base + t.head - 1 if t.head > 0 else base + i)
                deps.append(t.deprel if t.head > 0 else "ROOT")
                starts.append(i == 0)
                ents.append(t.ner)
            if spaces:
                spaces[-1] = True
        if spaces:
            spaces[-1] = False
        return Doc(
            vocab,
            words=words,
            spaces=spaces,
            pos=pos,
            tags=tags,
            morphs=morphs,
            lemmas=lemmas,
            heads=heads,
            deps=deps,
            sent_starts=starts,
            ents=ents,
        )

    for s in sentences:
        batch.append(s)
        if len(batch) >= per_doc:
            yield build(batch)
            batch = []
    if batch:
        yield build(batch)
