"""Train the shipped Norwegian pipeline from NorNE (one command, fixed seeds).

    python -m kg.nlp.train --norne /work/shared/data/norne --out kg/nlp/model

Stages (all by default):

* ``spacy``   : CoNLL-U -> DocBin (temporary work dir), then ``spacy train`` with
                ``kg/nlp/configs/backbone.cfg`` (tok2vec + morphologizer + parser, NDT labels),
                trained on the train split, model-best chosen on the NDT dev split.
* ``crf``     : the CRF entity tagger (python-crfsuite) with gazetteer features.
* ``assemble``: the backbone + lemmatizer lookup + CRF NER component -> ``--out``.

By default the dev split is added to the CRF and lemma training data (a fixed recipe whose
settings were tuned on dev beforehand; the spaCy backbone is trained on train only and its
best checkpoint chosen on dev). ``--train-only`` trains everything on train only: use it to
measure dev scores honestly with ``python -m kg.nlp.evaluate --model <out>``.
The NorNE texts are only read; ``--out`` receives model weights and word-level lookup tables
(lemmas, word -> majority entity type), never running text. A temporary work dir (holding the
converted DocBin files) is removed at the end unless ``--work`` is given.
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
from typing import Any

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
        sys.executable,
        "-m",
        "spacy",
        "train",
        str(CONFIG),
        "--output",
        str(out),
        "--paths.train",
        str(work / "train.spacy"),
        "--paths.dev",
        str(work / "dev.spacy"),
        "--system.seed",
        str(seed),
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
    # suffix rules for unseen forms: (UPOS, last k chars) -> (chars to strip, string to add),
    # kept when the majority rewrite covers >= 80 % of >= 5 training word types
    rules_c: dict[str, Counter[str]] = defaultdict(Counter)
    for (form, pos), c in by_pos.items():
        if pos not in ("NOUN", "VERB", "ADJ", "AUX") or len(form) < 4:
            continue
        lemma = c.most_common(1)[0][0]
        common = 0
        while common < min(len(form), len(lemma)) and form[common] == lemma[common]:
            common += 1
        rewrite = f"{len(form) - common}|{lemma[common:]}"
        for k in range(1, 6):
            if len(form) > k + 1:
                rules_c[f"{pos}\t{form[-k:]}"][rewrite] += 1
    rules: dict[str, str] = {}
    for key, c in rules_c.items():
        rewrite, n = c.most_common(1)[0]
        total = sum(c.values())
        if total >= 5 and n >= 0.8 * total and rewrite != "0|":
            rules[key] = rewrite
    return {
        "by_pos": dict(sorted(table_pos.items())),
        "by_form": dict(sorted(table_form.items())),
        "rules": dict(sorted(rules.items())),
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--norne", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--work", type=Path, default=None, help="work dir (default: a temp dir)")
    ap.add_argument("--stages", default="spacy,crf,assemble")
    ap.add_argument(
        "--train-only", action="store_true", help="do not add dev to the CRF/lemma data"
    )
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument(
        "--backbone",
        type=Path,
        default=None,
        help="assemble on the tokenizer, morphologizer and parser of this trained pipeline "
        "(e.g. kg/nlp/model) instead of the one the spacy stage wrote to the work dir",
    )
    args = ap.parse_args(argv)

    stages = set(args.stages.split(","))
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-nlp-train-"))
    work.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    norne: Path = args.norne
    train = list(read_conllu(norne / TRAIN_FILE))
    dev = list(read_conllu(norne / DEV_NDT_FILE))
    with_dev = not args.train_only
    crf_data = train + dev if with_dev else train

    if "spacy" in stages:
        train_spacy(norne, work, seed=args.seed)
        log(f"spacy done ({time.time() - t0:.0f} s)")
    if "crf" in stages:
        from kg.nlp.crf import NER_SETTINGS, Resources, build_clusters, train_crf

        flags = {k: v for k, v in NER_SETTINGS.items() if k.startswith("use_")}
        res = Resources(**flags)
        if res.use_clusters:
            res.clusters = build_clusters(crf_data)
        res = train_crf(crf_data, work / "ner.crfsuite", res)
        with open(work / "ner-resources.json", "w", encoding="utf-8") as fh:
            json.dump(
                {
                    "word_types": res.word_types,
                    "clusters": res.clusters,
                    "entity_dict": res.entity_dict,
                    "cap_ratio": res.cap_ratio,
                },
                fh,
                ensure_ascii=False,
            )
        log(f"crf done ({time.time() - t0:.0f} s)")
    if "assemble" in stages:
        import spacy

        import kg.nlp  # noqa: F401  (registers the custom components)

        nlp = spacy.load(args.backbone or work / "spacy-out" / "model-best")
        for own in ("norne_token_fixes", "norne_lemmatizer", "norne_crf_ner"):
            if own in nlp.pipe_names:
                nlp.remove_pipe(own)
        nlp.add_pipe("norne_token_fixes", first=True)
        lem: Any = nlp.add_pipe("norne_lemmatizer")
        lem.table = build_lemma_table(crf_data)
        from kg.nlp.crf import NER_SETTINGS, Resources

        ner: Any = nlp.add_pipe("norne_crf_ner", config=dict(NER_SETTINGS))
        ner.load_model_bytes((work / "ner.crfsuite").read_bytes())
        with open(work / "ner-resources.json", encoding="utf-8") as fh:
            extra = json.load(fh)
        flags = {k: v for k, v in NER_SETTINGS.items() if k.startswith("use_")}
        ner.set_resources(
            Resources(
                word_types=extra["word_types"],
                clusters=extra["clusters"],
                entity_dict=extra["entity_dict"],
                cap_ratio=extra.get("cap_ratio") or {},
                **flags,
            )
        )
        nlp.meta["name"] = "kg_norne"
        nlp.meta["version"] = "0.1.0"
        nlp.meta["description"] = (
            "Norwegian Bokmål pipeline trained from NorNE/NDT: tokenizer, morphologizer, "
            "parser (NDT labels), lookup lemmatizer, CRF NER (NorNE labels)"
        )
        nlp.meta["license"] = "MIT"
        nlp.meta["sources"] = [
            {
                "name": "NorNE",
                "url": "https://github.com/ltgoslo/norne",
                "license": "CC0 1.0 (annotations)",
            },
            {
                "name": "Apertium Bokmål proper nouns and the wnorwegian word list "
                "(read at run time from kg/data/lexicons/nb, not part of the model)",
                "url": "https://apertium.org/",
                "license": "GPL-2+",
            },
        ]
        from kg.nlp.lexicon import load_lexicon

        nlp.meta["kg_training"] = {
            "with_dev": with_dev,
            "seed": args.seed,
            "lexicon": load_lexicon("nb").version,
        }
        # written beside --out and swapped in, so a failure leaves the old model whole
        staging = args.out.with_name(args.out.name + ".new")
        if staging.exists():
            shutil.rmtree(staging)
        nlp.to_disk(staging)
        # Drop files the runtime does not need.
        for p in staging.rglob("*"):
            if p.name in ("training.jsonl",):
                p.unlink()
        (staging / "README.md").write_text(
            "Trained by `python -m kg.nlp.train`; holds model weights and lookup tables only.\n",
            encoding="utf-8",
        )
        if args.out.exists():
            shutil.rmtree(args.out)
        staging.rename(args.out)
        log(f"assembled into {args.out} ({time.time() - t0:.0f} s)")
    summary = {"seconds": round(time.time() - t0, 1), "work": str(work)}
    if args.work is None:
        # the work dir holds converted corpus text (DocBin files): do not leave it behind
        shutil.rmtree(work, ignore_errors=True)
        summary["work"] = "(removed)"
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
