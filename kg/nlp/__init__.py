"""kg's own Norwegian (Bokmål) language pipeline, trained from NorNE and shipped with the
package (``kg/nlp/model``).

    >>> import kg.nlp
    >>> nlp = kg.nlp.load()
    >>> doc = nlp("Jens Stoltenberg besøkte Litauen.")
    >>> [(e.text, e.label_) for e in doc.ents]

The pipeline: spaCy ``nb`` tokenizer, tok2vec + morphologizer (UPOS + FEATS) + dependency
parser (NDT labels; also sets sentence boundaries), a lookup lemmatizer and a CRF named-entity
tagger with NorNE labels (PER, ORG, LOC, GPE_LOC, GPE_ORG, PROD, EVT, DRV, MISC).
Retrain with ``python -m kg.nlp.train``; evaluate with ``python -m kg.nlp.evaluate``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from kg.nlp import components as _components  # noqa: F401  (registers the factories)
from kg.nlp.conllu import NORNE_LABELS

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_DIR = Path(__file__).resolve().parent / "model"

__all__ = ["MODEL_DIR", "NORNE_LABELS", "load", "recognize"]


@lru_cache(maxsize=1)
def load() -> Language:
    """The shipped pipeline, loaded once per process."""
    import spacy

    if not (MODEL_DIR / "config.cfg").exists():
        raise FileNotFoundError(
            f"no trained pipeline at {MODEL_DIR}; "
            f"run `python -m kg.nlp.train --norne <dir> --out {MODEL_DIR}`"
        )
    return spacy.load(MODEL_DIR)


_NOT_FOR_NER = ("parser", "morphologizer", "norne_lemmatizer")


def recognize(text: str) -> list[tuple[int, int, str]]:
    """Named entities of ``text`` as (start, end, NorNE label) character spans: the
    :data:`kg.model.Recognizer` the extractor takes. Runs the tokenizer and the entity
    tagger only (the parser is not needed for names)."""
    nlp = load()
    with nlp.select_pipes(disable=[p for p in _NOT_FOR_NER if p in nlp.pipe_names]):
        doc = nlp(text)
    return [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]
