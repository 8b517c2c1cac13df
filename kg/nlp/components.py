"""Custom spaCy components of the kg Norwegian pipeline (registered on import).

* ``norne_lemmatizer``: lookup lemmatizer, (lower form, UPOS) -> lemma learned from NDT.
* ``norne_crf_ner``   : CRF entity tagger (python-crfsuite) writing NorNE labels to ``doc.ents``,
  with gazetteer features read from ``kg/data/linking`` at load time.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

from kg.nlp.conllu import iob_to_spans
from kg.nlp.crf import Resources, sent_features

_PUNCT_POS = {"PUNCT", "SYM", "NUM"}


class LookupLemmatizer:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.table: dict[str, dict[str, str]] = {"by_pos": {}, "by_form": {}}

    def __call__(self, doc: Doc) -> Doc:
        by_pos = self.table["by_pos"]
        by_form = self.table["by_form"]
        for tok in doc:
            pos = tok.pos_
            text = tok.text
            low = text.lower()
            lemma = by_pos.get(f"{low}\t{pos}")
            if lemma is None:
                if pos == "PROPN":
                    lemma = text
                else:
                    lemma = by_form.get(low, low if pos not in _PUNCT_POS else text)
            tok.lemma_ = lemma
        return doc

    def to_disk(self, path: str | Path, *, exclude: Any = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        with open(path / "lemmas.json", "w", encoding="utf-8") as fh:
            json.dump(self.table, fh, ensure_ascii=False, separators=(",", ":"))

    def from_disk(self, path: str | Path, *, exclude: Any = ()) -> LookupLemmatizer:
        path = ensure_path(path)
        with open(path / "lemmas.json", encoding="utf-8") as fh:
            self.table = json.load(fh)
        return self


@Language.factory("norne_lemmatizer")
def make_lemmatizer(nlp: Language, name: str) -> LookupLemmatizer:
    return LookupLemmatizer(nlp, name)


class CRFEntityRecognizer:
    """Tags each sentence (``doc.sents`` when sentence boundaries are set) with the CRF."""

    def __init__(self, nlp: Language, name: str, use_gaz: bool, use_types: bool, use_clusters: bool) -> None:
        self.name = name
        self.cfg = {"use_gaz": use_gaz, "use_types": use_types, "use_clusters": use_clusters}
        self.res = Resources(**self.cfg)
        self._tagger: Any = None
        self._model_bytes: bytes = b""

    # -- model handling -------------------------------------------------------------------
    def load_model_bytes(self, data: bytes) -> None:
        import pycrfsuite

        self._model_bytes = data
        tagger = pycrfsuite.Tagger()
        fd, tmp = tempfile.mkstemp(suffix=".crfsuite")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            tagger.open(tmp)
            # crfsuite memory-maps/reads the file at open; keep a private copy alive
            self._tmp = tmp
        except Exception:
            os.unlink(tmp)
            raise
        self._tagger = tagger

    def set_resources(self, res: Resources) -> None:
        self.res = res

    def __call__(self, doc: Doc) -> Doc:
        if self._tagger is None or len(doc) == 0:
            return doc
        if doc.has_annotation("SENT_START"):
            sents = [(s.start, s.end) for s in doc.sents]
        else:
            sents = [(0, len(doc))]
        ents: list[Span] = []
        for start, end in sents:
            words = [t.text for t in doc[start:end]]
            # whitespace tokens carry no entity
            tags = self._tagger.tag(sent_features(words, self.res))
            for s, e, label in iob_to_spans(tags):
                while s < e and words[s].isspace():
                    s += 1
                while e > s and words[e - 1].isspace():
                    e -= 1
                if s < e:
                    ents.append(Span(doc, start + s, start + e, label=label))
        doc.set_ents(ents, default="outside")
        return doc

    def pipe(self, stream: Any, batch_size: int = 128) -> Any:
        for doc in stream:
            yield self(doc)

    # -- serialisation ----------------------------------------------------------------------
    def to_disk(self, path: str | Path, *, exclude: Any = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "model.crfsuite").write_bytes(self._model_bytes)
        data = {
            "cfg": self.cfg,
            "word_types": self.res.word_types,
            "clusters": self.res.clusters,
        }
        with open(path / "resources.json", "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, separators=(",", ":"), sort_keys=True)

    def from_disk(self, path: str | Path, *, exclude: Any = ()) -> CRFEntityRecognizer:
        import pycrfsuite

        path = ensure_path(path)
        with open(path / "resources.json", encoding="utf-8") as fh:
            data = json.load(fh)
        self.cfg.update(data.get("cfg", {}))
        self.res = Resources(
            word_types=data.get("word_types") or {},
            clusters=data.get("clusters") or {},
            **self.cfg,
        )
        self._model_bytes = (path / "model.crfsuite").read_bytes()
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path / "model.crfsuite"))
        self._tagger = tagger
        return self


@Language.factory(
    "norne_crf_ner",
    default_config={"use_gaz": True, "use_types": True, "use_clusters": True},
)
def make_crf_ner(nlp: Language, name: str, use_gaz: bool, use_types: bool, use_clusters: bool) -> CRFEntityRecognizer:
    return CRFEntityRecognizer(nlp, name, use_gaz, use_types, use_clusters)
