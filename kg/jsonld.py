"""JSON-LD output: compaction and framing with our own context, with no network access.

Expanded JSON-LD comes from pyoxigraph's serializer (linear time); pyld then compacts
or frames it against ``ontology/context.jsonld``. pyld's document loader is replaced
per call by one that serves only our context and refuses every other URL.
"""

from __future__ import annotations

import json
from typing import Any

import pyoxigraph as ox
from pyld import jsonld

from kg.errors import KGError
from kg.ontology import context

__all__ = ["CONTEXT_URL_PATH", "compact", "frame", "offline_loader"]

CONTEXT_URL_PATH = "ontology/context.jsonld"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


class _RemoteContextRefused(KGError):
    status = 400


def offline_loader(context_urls: tuple[str, ...] = ()) -> Any:
    """A pyld document loader that knows only our context, under any of ``context_urls``."""

    def load(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
        if url in context_urls or url.endswith("/" + CONTEXT_URL_PATH):
            return {"contextUrl": None, "documentUrl": url, "document": context()}
        raise _RemoteContextRefused(f"JSON-LD context {url} refused: only our own context loads")

    return load


def _expanded(quads_or_triples: bytes) -> list[dict[str, Any]]:
    """Expanded JSON-LD with rdf:type turned into @type so compaction reads naturally."""
    nodes: list[dict[str, Any]] = json.loads(quads_or_triples or b"[]")

    def fix(node: dict[str, Any]) -> None:
        types = node.pop(_RDF_TYPE, None)
        if types:
            iris = [t["@id"] for t in types if "@id" in t]
            node["@type"] = node.get("@type", []) + iris
        for key, values in node.items():
            if key == "@graph":
                for child in values:
                    fix(child)

    for node in nodes:
        fix(node)
    return nodes


def to_expanded(results: Any) -> list[dict[str, Any]]:
    """Expanded JSON-LD of pyoxigraph triples (a CONSTRUCT result) or of a store dump."""
    data = results.serialize(format=ox.RdfFormat.JSON_LD) if not isinstance(results, bytes) else \
        results
    return _expanded(data)


def compact(expanded: list[dict[str, Any]]) -> dict[str, Any]:
    """Compact with our context, embedded inline so the document stands alone."""
    ctx = context()
    out: dict[str, Any] = jsonld.compact(expanded, ctx, options={
        "documentLoader": offline_loader(), "compactArrays": True})
    return out


def frame(expanded: list[dict[str, Any]], frame_doc: dict[str, Any]) -> dict[str, Any]:
    """Frame with our context; a ``@context`` in ``frame_doc`` adds terms to ours (e.g.
    reverse properties)."""
    ours = context()["@context"]
    extra = frame_doc.get("@context")
    doc = {"@context": {**ours, **extra} if isinstance(extra, dict) else ours,
           **{k: v for k, v in frame_doc.items() if k != "@context"}}
    out: dict[str, Any] = jsonld.frame(expanded, doc, options={
        "documentLoader": offline_loader(), "omitGraph": False})
    return out
