"""CRF entity tagger (python-crfsuite) for NorNE labels: features, training, decoding."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kg.nlp.conllu import Sentence
from kg.nlp.gazetteer import load_gazetteer, match

# Hyper-parameters chosen on NorNE dev (see kg/nlp/train.py and evaluate.py).
CRF_PARAMS: dict[str, Any] = {
    "c1": 0.05,
    "c2": 0.05,
    "max_iterations": 150,
    "feature.possible_transitions": True,
}
N_FOLDS = 5  # jackknife folds for the train-derived dictionary features

_SHAPE_SUB = [(re.compile(r"[A-ZÆØÅÄÖÜÉ]"), "X"), (re.compile(r"[a-zæøåäöüé]"), "x"), (re.compile(r"\d"), "d")]
_REPEAT = re.compile(r"(.)\1+")


def shape(w: str) -> str:
    s = w
    for pat, rep in _SHAPE_SUB:
        s = pat.sub(rep, s)
    return _REPEAT.sub(r"\1", s)


class Resources:
    """Everything the feature function needs besides the words."""

    def __init__(
        self,
        gazetteer: dict[tuple[str, ...], str] | None = None,
        word_types: dict[str, str] | None = None,
        clusters: dict[str, str] | None = None,
        use_gaz: bool = True,
        use_types: bool = True,
        use_clusters: bool = True,
        use_pos: bool = False,
        use_dep: bool = False,
    ) -> None:
        self.gazetteer = gazetteer if gazetteer is not None else load_gazetteer()
        self.word_types = word_types or {}
        self.clusters = clusters or {}
        self.use_gaz = use_gaz
        self.use_types = use_types
        self.use_clusters = use_clusters
        self.use_pos = use_pos
        self.use_dep = use_dep


def word_type_table(sentences: Sequence[Sentence], min_count: int = 2) -> dict[str, str]:
    """Case-sensitive word -> majority NorNE type among its occurrences inside entities, when
    the word is inside an entity in at least half of its occurrences."""
    ent: dict[str, Counter[str]] = defaultdict(Counter)
    total: Counter[str] = Counter()
    for s in sentences:
        for t in s.tokens:
            total[t.form] += 1
            if t.ner != "O":
                ent[t.form][t.ner[2:]] += 1
    out: dict[str, str] = {}
    for w, c in ent.items():
        n = sum(c.values())
        if n >= min_count and n * 2 >= total[w]:
            out[w] = c.most_common(1)[0][0]
    return out


def sent_features(
    words: Sequence[str],
    res: Resources,
    word_types: dict[str, str] | None = None,
    pos: Sequence[str] | None = None,
    deps: Sequence[str] | None = None,
    heads: Sequence[int] | None = None,
) -> list[dict[str, Any]]:
    """Feature dicts for one sentence. ``pos`` (UPOS), ``deps`` (NDT deprel) and ``heads``
    (0-based index within the sentence, self for the root) are used when the resources say so."""
    wt = res.word_types if word_types is None else word_types
    n = len(words)
    lows = [w.lower() for w in words]
    titles = [w[:1].isupper() for w in words]
    sufs3 = [w[-3:].lower() for w in words]
    gaz = match(list(words), res.gazetteer) if res.use_gaz else None
    clus = [res.clusters.get(lw, "") for lw in lows] if res.use_clusters and res.clusters else None
    first_alpha = next((i for i, w in enumerate(words) if w[:1].isalpha()), 0)
    feats: list[dict[str, Any]] = []
    for i, w in enumerate(words):
        lw = lows[i]
        f: dict[str, Any] = {
            "b": 1.0,
            "w": lw,
            "p3": lw[:3],
            "s2": lw[-2:],
            "s3": sufs3[i],
            "s4": lw[-4:],
            "sh": shape(w),
            "t": titles[i],
            "u": w.isupper(),
            "d": w.isdigit(),
            "h": "-" in w,
            "l": min(len(w), 8),
        }
        if i == first_alpha:
            f["first"] = 1.0
        if gaz is not None and gaz[i] != "O":
            f["gz"] = gaz[i]
            f["gzc"] = gaz[i][2:]
        if res.use_types and wt:
            typ = wt.get(w)
            if typ:
                f["wt"] = typ
        if clus is not None:
            c = clus[i]
            if c:
                f["c"] = c
                f["cc"] = c[:3]
        if res.use_pos and pos is not None:
            f["pos"] = pos[i]
            if i > 0:
                f["-1pos"] = pos[i - 1]
            if i + 1 < n:
                f["1pos"] = pos[i + 1]
        if res.use_dep and deps is not None and heads is not None:
            f["dep"] = deps[i]
            h = heads[i]
            if h != i and 0 <= h < n:
                f["hw"] = lows[h]
                f["hdep"] = deps[h]
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                f[f"{off}w"] = lows[j]
                f[f"{off}t"] = titles[j]
                f[f"{off}s3"] = sufs3[j]
                if clus is not None and clus[j]:
                    f[f"{off}c"] = clus[j]
            else:
                f[f"{off}w"] = "<BOS>" if j < 0 else "<EOS>"
        feats.append(f)
    return feats


def gold_syntax(s: Sentence) -> dict[str, list[Any]]:
    return {
        "pos": [t.upos for t in s.tokens],
        "deps": [t.deprel for t in s.tokens],
        "heads": [t.head - 1 if t.head > 0 else i for i, t in enumerate(s.tokens)],
    }


def train_crf(
    sentences: Sequence[Sentence],
    model_path: Path,
    res: Resources | None = None,
    params: dict[str, Any] | None = None,
    folds: int = N_FOLDS,
) -> Resources:
    """Train and write a crfsuite model. Dictionary features for the training sentences are
    computed jackknifed (from the other folds) so the model does not learn to trust them blindly.
    Returns the resources to ship (gazetteer is re-read at load time, not shipped)."""
    import pycrfsuite

    res = res or Resources()
    if res.use_types:
        res.word_types = word_type_table(sentences)
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params({**CRF_PARAMS, **(params or {})})
    for k in range(folds if res.use_types else 1):
        part = [s for i, s in enumerate(sentences) if i % folds == k] if res.use_types else list(sentences)
        table = (
            word_type_table([s for i, s in enumerate(sentences) if i % folds != k]) if res.use_types else {}
        )
        for s in part:
            trainer.append(sent_features(s.words, res, word_types=table, **gold_syntax(s)), s.tags)
    trainer.train(str(model_path))
    return res


def build_clusters(
    sentences: Sequence[Sentence],
    min_count: int = 3,
    n_context: int = 1500,
    dims: int = 64,
    k_coarse: int = 64,
    k_fine: int = 384,
    seed: int = 0,
) -> dict[str, str]:
    """Cheap distributional word clusters from the training text: PPMI of left/right neighbour
    co-occurrence, truncated SVD, k-means (coarse and fine). Returns lower word -> "CCC_FFF"."""
    import numpy as np

    freq: Counter[str] = Counter()
    for s in sentences:
        freq.update(w.lower() for w in s.words)
    vocab = [w for w, c in sorted(freq.items(), key=lambda x: (-x[1], x[0])) if c >= min_count]
    index = {w: i for i, w in enumerate(vocab)}
    ctx = {w: i for i, w in enumerate(vocab[:n_context])}
    m = np.zeros((len(vocab), 2 * n_context), dtype=np.float32)
    for s in sentences:
        lows = ["<s>"] + [w.lower() for w in s.words] + ["</s>"]
        for j in range(1, len(lows) - 1):
            i = index.get(lows[j])
            if i is None:
                continue
            left = ctx.get(lows[j - 1])
            if left is not None:
                m[i, left] += 1
            right = ctx.get(lows[j + 1])
            if right is not None:
                m[i, n_context + right] += 1
    total = m.sum()
    row = m.sum(1, keepdims=True) + 1e-9
    col = m.sum(0, keepdims=True) + 1e-9
    with np.errstate(divide="ignore"):
        pmi = np.log(m * total / (row * col))
    pmi = np.maximum(pmi, 0).astype(np.float32)
    pmi[~np.isfinite(pmi)] = 0
    rng = np.random.default_rng(seed)
    # randomized SVD
    omega = rng.standard_normal((pmi.shape[1], dims + 16)).astype(np.float32)
    y = pmi @ omega
    q, _ = np.linalg.qr(y)
    b = q.T @ pmi
    ub, sv, _ = np.linalg.svd(b, full_matrices=False)
    emb = (q @ ub[:, :dims]) * np.sqrt(sv[:dims])
    emb /= np.linalg.norm(emb, axis=1, keepdims=True) + 1e-9

    def kmeans(x: Any, k: int) -> Any:
        cent = x[rng.choice(len(x), size=k, replace=False)].copy()
        lab = np.zeros(len(x), dtype=np.int64)
        for _ in range(25):
            lab = (x @ cent.T).argmax(1)
            for c in range(k):
                pts = x[lab == c]
                if len(pts):
                    v = pts.mean(0)
                    cent[c] = v / (np.linalg.norm(v) + 1e-9)
        return lab

    coarse = kmeans(emb, k_coarse)
    fine = kmeans(emb, k_fine)
    return {w: f"{coarse[i]:03d}_{fine[i]:03d}" for i, w in enumerate(vocab)}
