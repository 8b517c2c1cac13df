"""The ontology and JSON-LD context, shipped with the package (``ontology/`` in the repo)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from rdflib import Graph

__all__ = ["context", "context_path", "load_ontology", "ontology_dir", "ontology_path"]


def ontology_dir() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "_ontology", here.parent / "ontology"):
        if (candidate / "kg.ttl").is_file():
            return candidate
    raise FileNotFoundError("ontology/kg.ttl not found next to the kg package")


def ontology_path() -> Path:
    return ontology_dir() / "kg.ttl"


def context_path() -> Path:
    return ontology_dir() / "context.jsonld"


@lru_cache(maxsize=1)
def _ontology_turtle() -> str:
    return ontology_path().read_text(encoding="utf-8")


def load_ontology() -> Graph:
    """A fresh Graph with the ontology (callers may modify it)."""
    return Graph().parse(data=_ontology_turtle(), format="turtle")


@lru_cache(maxsize=1)
def context() -> dict[str, Any]:
    """Our published JSON-LD context document."""
    value = json.loads(context_path().read_text(encoding="utf-8"))
    assert isinstance(value, dict)
    return value
