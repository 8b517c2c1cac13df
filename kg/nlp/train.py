"""Train the shipped Norwegian pipeline from NorNE (one command, fixed seeds).

    python -m kg.nlp.train --norne /work/shared/data/norne --out kg/nlp/model

Stages (all by default):

* ``spacy``   : CoNLL-U -> DocBin (temporary work dir), then ``spacy train`` with
                ``kg/nlp/configs/backbone.cfg`` (tok2vec + morphologizer + parser, NDT labels),
                trained on the train split, model-best chosen on the NDT dev split.
* ``crf``     : the CRF entity tagger (python-crfsuite) with gazetteer features.
* ``assemble``: the backbone + lemmatizer lookup + CRF NER component -> ``--out``.

``--with-dev`` adds the dev split to the CRF and lemma training data (fixed recipe tuned on dev
beforehand); without it everything is trained on train only.
The NorNE texts are only read; nothing derived from them except model weights and a
(form, POS) -> lemma table is written to ``--out``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from kg.nlp.conllu import Sentence, read_conllu, to_docs

HERE = Path(__file__).resolve().parent
CONFIG = HERE / "configs" / "backbone.cfg"
TRAIN_FILE = "no_bokmaal-norne-train.conllu"
DEV_NDT_FILE = "no_bokmaal-norne-dev.ndt.conllu"
DEV_UD_FILE = "no_bokmaal-ud-dev.conllu"


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def write_docbin(sentences: list[Sentence], path: Path) -> None:
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("nb")
    db = DocBin(store_user_data=False)
    for doc in to_docs(sentences, nlp.vocab, per_doc=10):
        db.add(doc)
    db.to_disk(path)


def train_spacy(norne: Path, work: Path, seed: int = 0) -> Path:
    train = list(read_conllu(norne / TRAIN_FILE))
    dev = list(read_conllu(norne / DEV_NDT_FILE))
    write_docbin(train, work / "train.spacy")
    write_docbin(dev, work / "dev.spacy")
    out = work / "spacy-out"
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", PYTHONHASHSEED="0")
    cmd = [
        sys.executable, "-m", "spacy", "train", str(CONFIG),
        "--output", str(out),
        "--paths.train", str(work / "train.spacy"),
        "--paths.dev", str(work / "dev.spacy"),
        "--system.seed", str(seed),
    ]
    log("spacy: " + " ".join(cmd))
    subprocess.run(cmd, check=True, env=env)
    return out / "model-best"


def build_lemma_table(sentences: list[Sentence]) -> dict[str, dict[str, str]]:
    """(lower form, UPOS) -> most frequent lemma; plus lower form -> lemma over all POS.
    Only entries whose lemma differs from the lower-cased form are kept (identity is default)."""
    by_pos: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    by_form: dict[str, Counter[str]] = defaultdict(Counter)
    for s in sentences:
        for t in s.tokens:
            if t.lemma in ("_", ""):
                continue
            lemma = t.lemma
            if t.upos != "PROPN":
                lemma = lemma.lower()
            form = t.form.lower()
            by_pos[(form, t.upos)][lemma] += 1
            by_form[form][lemma] += 1
    table_pos: dict[str, str] = {}
    for (form, pos), c in by_pos.items():
        lemma = c.most_common(1)[0][0]
        if lemma != form:
            table_pos[f"{form}\t{pos}"] = lemma
    table_form: dict[str, str] = {}
    for form, c in by_form.items():
        lemma = c.most_common(1)[0][0]
        if lemma != form:
            table_form[form] = lemma
    return {"by_pos": dict(sorted(table_pos.items())), "by_form": dict(sorted(table_form.items()))}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--norne", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--work", type=Path, default=None, help="work dir (default: a temp dir)")
    ap.add_argument("--stages", default="spacy,crf,assemble")
    ap.add_argument("--with-dev", action="store_true", help="add dev to CRF/lemma training data")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)

    stages = set(args.stages.split(","))
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-nlp-train-"))
    work.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    norne: Path = args.norne
    train = list(read_conllu(norne / TRAIN_FILE))
    dev = list(read_conllu(norne / DEV_NDT_FILE))
    crf_data = train + dev if args.with_dev else train

    if "spacy" in stages:
        train_spacy(norne, work, seed=args.seed)
        log(f"spacy done ({time.time() - t0:.0f} s)")
    if "crf" in stages:
        from kg.nlp.crf import train_crf

        train_crf(crf_data, work / "ner.crfsuite")
        log(f"crf done ({time.time() - t0:.0f} s)")
    if "assemble" in stages:
        import spacy

        import kg.nlp  # noqa: F401  (registers the custom components)

        nlp = spacy.load(work / "spacy-out" / "model-best")
        lem = nlp.add_pipe("norne_lemmatizer")
        lem.table = build_lemma_table(crf_data)
        ner = nlp.add_pipe("norne_crf_ner")
        ner.load_model_bytes((work / "ner.crfsuite").read_bytes())
        if args.out.exists():
            shutil.rmtree(args.out)
        nlp.meta["name"] = "kg_norne"
        nlp.meta["version"] = "0.1.0"
        nlp.meta["description"] = (
            "Norwegian Bokmål pipeline trained from NorNE/NDT: tokenizer, morphologizer, "
            "parser (NDT labels), lookup lemmatizer, CRF NER (NorNE labels)"
        )
        nlp.meta["license"] = "MIT"
        nlp.meta["sources"] = [{"name": "NorNE", "url": "https://github.com/ltgoslo/norne", "license": "CC0 1.0 (annotations)"}]
        nlp.meta["kg_training"] = {"with_dev": bool(args.with_dev), "seed": args.seed}
        nlp.to_disk(args.out)
        # Drop files the runtime does not need.
        for p in args.out.rglob("*"):
            if p.name in ("training.jsonl",):
                p.unlink()
        (args.out / "README.md").write_text(
            "Trained by `python -m kg.nlp.train`; contains model weights and a lemma lookup only.\n",
            encoding="utf-8",
        )
        log(f"assembled into {args.out} ({time.time() - t0:.0f} s)")
    summary = {"seconds": round(time.time() - t0, 1), "work": str(work)}
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
