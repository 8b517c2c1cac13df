"""Custom spaCy components of the kg Norwegian pipeline (registered on import).

* ``norne_lemmatizer``: lookup lemmatizer, (lower form, UPOS) -> lemma learned from NDT.
* ``norne_crf_ner``   : CRF entity tagger (python-crfsuite) writing NorNE labels to ``doc.ents``,
  with gazetteer features read from ``kg/data/linking`` at load time.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.nlp.conllu import iob_to_spans
from kg.nlp.crf import Resources, gazetteer_override, sent_features

_PUNCT_POS = {"PUNCT", "SYM", "NUM"}
_CLOSING = {"»", '"', "'", ")", "]", "”", "’"}


class LookupLemmatizer:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.table: dict[str, dict[str, str]] = {"by_pos": {}, "by_form": {}}

    def __call__(self, doc: Doc) -> Doc:
        by_pos = self.table["by_pos"]
        by_form = self.table["by_form"]
        rules = self.table.get("rules", {})
        for tok in doc:
            pos = tok.pos_
            text = tok.text
            low = text.lower()
            lemma = by_pos.get(f"{low}\t{pos}")
            if lemma is None:
                if pos == "PROPN" or pos in _PUNCT_POS:
                    lemma = text
                else:
                    lemma = by_form.get(low) or self._rule(low, pos, rules)
            tok.lemma_ = lemma
        return doc

    @staticmethod
    def _rule(low: str, pos: str, rules: dict[str, str]) -> str:
        """Longest matching suffix rule for an unseen form (identity when none applies)."""
        for k in range(5, 0, -1):
            if len(low) > k + 1:
                rewrite = rules.get(f"{pos}\t{low[-k:]}")
                if rewrite is not None:
                    strip, _, add = rewrite.partition("|")
                    n = int(strip)
                    return (low[:-n] if n else low) + add
        return low

    def to_disk(self, path: str | Path, *, exclude: Any = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        with open(path / "lemmas.json", "w", encoding="utf-8") as fh:
            json.dump(self.table, fh, ensure_ascii=False, separators=(",", ":"))

    def from_disk(self, path: str | Path, *, exclude: Any = ()) -> LookupLemmatizer:
        path = Path(path)
        with open(path / "lemmas.json", encoding="utf-8") as fh:
            self.table = json.load(fh)
        return self


@Language.factory("norne_lemmatizer")
def make_lemmatizer(nlp: Language, name: str) -> LookupLemmatizer:
    return LookupLemmatizer(nlp, name)


_LOC_PREPS = {"i", "til", "på", "fra", "utenfor", "ved", "rundt", "gjennom", "over", "nord", "sør"}
_SENT_END = {".", "!", "?", "…", "..."}


def tagging_units(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges the CRF tags one at a time: the parser's sentences, but a parser boundary
    is kept only after sentence-final punctuation (the CRF was trained on NDT sentences, and
    spurious splits inside headlines/quotes cost more than they give); a line break always
    ends a unit."""
    n = len(doc)
    parser_starts = set()
    if doc.has_annotation("SENT_START"):
        parser_starts = {sent.start for sent in doc.sents}
    starts = [0]
    for i in range(1, n):
        prev = doc[i - 1]
        if "\n" in prev.text_with_ws and not doc[i].is_space:
            starts.append(i)
            continue
        if i in parser_starts:
            j = i - 1
            while j >= 0 and (doc[j].is_space or doc[j].text in _CLOSING):
                j -= 1
            if j >= 0 and doc[j].text in _SENT_END:
                starts.append(i)
    ends = [*starts[1:], n]
    return list(zip(starts, ends, strict=True))


class CRFEntityRecognizer:
    """Tags each sentence (``doc.sents`` when sentence boundaries are set) with the CRF."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        flags: dict[str, bool],
        override: list[str],
        gpe_fix: bool,
    ) -> None:
        self.name = name
        self.cfg: dict[str, Any] = dict(flags)
        self.override = list(override)
        self.gpe_fix = gpe_fix
        self.res = Resources(**self.cfg)
        self._tagger: Any = None
        self._model_bytes: bytes = b""

    # -- model handling -------------------------------------------------------------------
    def load_model_bytes(self, data: bytes) -> None:
        import pycrfsuite

        self._model_bytes = data
        tagger = pycrfsuite.Tagger()
        tagger.open_inmemory(data)
        self._tagger = tagger

    def set_resources(self, res: Resources) -> None:
        self.res = res

    def __call__(self, doc: Doc) -> Doc:
        if self._tagger is None or len(doc) == 0:
            return doc
        sents = tagging_units(doc)
        ents: list[Span] = []
        for start, end in sents:
            toks = [t for t in doc[start:end] if not t.is_space]
            if not toks:
                continue
            index = [t.i for t in toks]
            words = [t.text for t in toks]
            syntax: dict[str, Any] = {}
            if self.res.use_pos:
                syntax["pos"] = [t.pos_ for t in toks]
            if self.res.use_dep:
                syntax["deps"] = [t.dep_ for t in toks]
                pos_of = {t_i: k for k, t_i in enumerate(index)}
                syntax["heads"] = [pos_of.get(t.head.i, k) for k, t in enumerate(toks)]
            tags = self._tagger.tag(sent_features(words, self.res, **syntax))
            if self.override:
                tags = gazetteer_override(words, tags, self.res, self.override)
            for s, e, label in iob_to_spans(tags):
                ents.append(Span(doc, index[s], index[e - 1] + 1, label=label))
        if self.gpe_fix:
            ents = [self._fix_gpe(e) for e in ents]
        doc.set_ents(ents, default="outside")
        return doc

    @staticmethod
    def _fix_gpe(ent: Span) -> Span:
        """GPE_LOC/GPE_ORG from the parse: a subject is an actor (GPE_ORG), the complement of a
        locative preposition is a place (GPE_LOC)."""
        if ent.label_ not in ("GPE_LOC", "GPE_ORG"):
            return ent
        head = ent.root
        label = ent.label_
        if head.dep_ == "SUBJ":
            label = "GPE_ORG"
        elif head.dep_ == "PUTFYLL" and head.head.lower_ in _LOC_PREPS:
            label = "GPE_LOC"
        if label == ent.label_:
            return ent
        return Span(ent.doc, ent.start, ent.end, label=label)

    def pipe(self, stream: Any, batch_size: int = 128) -> Any:
        for doc in stream:
            yield self(doc)

    # -- serialisation ----------------------------------------------------------------------
    def to_disk(self, path: str | Path, *, exclude: Any = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "model.crfsuite").write_bytes(self._model_bytes)
        data = {
            "cfg": self.cfg,
            "override": self.override,
            "gpe_fix": self.gpe_fix,
            "word_types": self.res.word_types,
            "clusters": self.res.clusters,
            "entity_dict": self.res.entity_dict,
            "cap_ratio": self.res.cap_ratio,
        }
        with open(path / "resources.json", "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, separators=(",", ":"), sort_keys=True)

    def from_disk(self, path: str | Path, *, exclude: Any = ()) -> CRFEntityRecognizer:
        path = Path(path)
        with open(path / "resources.json", encoding="utf-8") as fh:
            data = json.load(fh)
        self.cfg.update(data.get("cfg", {}))
        self.override = list(data.get("override", self.override))
        self.gpe_fix = bool(data.get("gpe_fix", self.gpe_fix))
        self.res = Resources(
            word_types=data.get("word_types") or {},
            clusters=data.get("clusters") or {},
            entity_dict=data.get("entity_dict") or {},
            cap_ratio=data.get("cap_ratio") or {},
            **self.cfg,
        )
        self.load_model_bytes((path / "model.crfsuite").read_bytes())
        return self


@Language.factory(
    "norne_crf_ner",
    default_config={
        "use_gaz": True,
        "use_types": True,
        "use_clusters": False,
        "use_pos": False,
        "use_dep": False,
        "use_edict": False,
        "use_more": False,
        "use_capr": False,
        "use_lex": False,
        "override": [],
        "gpe_fix": False,
    },
)
def make_crf_ner(
    nlp: Language,
    name: str,
    use_gaz: bool,
    use_types: bool,
    use_clusters: bool,
    use_pos: bool,
    use_dep: bool,
    use_edict: bool,
    use_more: bool,
    use_capr: bool,
    use_lex: bool,
    override: list[str],
    gpe_fix: bool,
) -> CRFEntityRecognizer:
    flags = {
        "use_gaz": use_gaz,
        "use_types": use_types,
        "use_clusters": use_clusters,
        "use_pos": use_pos,
        "use_dep": use_dep,
        "use_edict": use_edict,
        "use_more": use_more,
        "use_capr": use_capr,
        "use_lex": use_lex,
    }
    return CRFEntityRecognizer(nlp, name, flags, override, gpe_fix)


_DASHES = ("-", "–", "—")


@Language.component("norne_token_fixes")
def token_fixes(doc: Doc) -> Doc:
    """Align the spaCy ``nb`` tokenizer with NDT/NorNE tokenisation where it matters for
    entity spans: a text-final period is its own token ("... Frp." -> "Frp" "."; "i 1884."),
    and a dash glued to a capitalised word starts a quote ("-Det" -> "-" "Det")."""
    splits: list[tuple[int, list[str]]] = []
    # text-final period
    k = len(doc) - 1
    while k >= 0 and (doc[k].is_space or doc[k].text in _CLOSING):
        k -= 1
    if k >= 0:
        text = doc[k].text
        abbrev = text[0].islower() and "." in text[:-1]  # "f.eks." stays whole
        if (
            len(text) > 1
            and text.endswith(".")
            and not text.endswith("..")
            and text[-2].isalnum()
            and not abbrev
        ):
            splits.append((k, [text[:-1], "."]))
    for tok in doc:
        text = tok.text
        if (
            len(text) > 1
            and text.startswith(_DASHES)
            and text[1].isupper()
            and (not splits or splits[-1][0] != tok.i)
        ):
            splits.append((tok.i, [text[0], text[1:]]))
    if not splits:
        return doc
    with doc.retokenize() as retok:
        for i, parts in splits:
            tok = doc[i]
            # the parser (later in the pipeline) sets the real heads
            heads: list[Any] = [(tok, 0)] * len(parts)
            retok.split(tok, parts, heads=heads)
    return doc
