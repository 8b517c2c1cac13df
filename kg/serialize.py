"""Serialising graphs and query results in every supported format (CLI and server)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import pyoxigraph as ox

from kg.formats import Format
from kg.jsonld import compact, to_expanded
from kg.vocab import PREFIXES

__all__ = ["dump", "export_bytes", "graph_bytes", "results_bytes", "store_bytes"]


def dump(store: ox.Store, **options: Any) -> bytes:
    """``Store.dump`` to bytes (it returns None only when given an output)."""
    data = store.dump(**options)
    assert data is not None
    return data


def store_bytes(store: ox.Store, fmt: Format) -> bytes:
    """A pyoxigraph store in ``fmt``: triple formats take the default graph, dataset
    formats all graphs; Turtle and TriG get our prefixes; JSON-LD is compacted."""
    if fmt.name == "jsonld":
        expanded = to_expanded(dump(store, format=ox.RdfFormat.JSON_LD))
        return json.dumps(compact(expanded), ensure_ascii=False, indent=1).encode()
    prefixes = PREFIXES if fmt.name in ("turtle", "trig") else None
    if fmt.dataset:
        return dump(store, format=fmt.rdf_format(), prefixes=prefixes)
    return dump(store, format=fmt.rdf_format(), from_graph=ox.DefaultGraph(), prefixes=prefixes)


def graph_bytes(triples: Iterable[Any], fmt: Format) -> bytes:
    """Triples (a CONSTRUCT/DESCRIBE result, or quads whose graph is dropped) in ``fmt``,
    each triple once. Written by Oxigraph as they come (JSON-LD is compacted through a
    store); Turtle and TriG get our prefixes."""
    unique = dict.fromkeys(t if isinstance(t, ox.Triple) else ox.Triple(t.subject, t.predicate,
                                                                         t.object)
                           for t in triples)
    if fmt.name == "jsonld":
        store = ox.Store()
        store.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
                     for t in unique)
        return store_bytes(store, fmt)
    prefixes = PREFIXES if fmt.name in ("turtle", "trig") else None
    data = ox.serialize(unique, format=fmt.rdf_format(), prefixes=prefixes)
    assert data is not None  # None only when given an output
    return data


def results_bytes(result: Any, fmt: Format) -> bytes:
    """SELECT or ASK results in a SPARQL results format."""
    return bytes(result.serialize(format=fmt.result_format()))


def export_bytes(graph_store: Any, fmt: Format, *, graph: str | None = None) -> bytes:
    """A whole store (or one named graph) in ``fmt``. Triple formats merge the graphs (each
    triple once); TriG and N-Quads keep them; JSON-LD keeps them as ``@graph`` nodes."""
    if fmt.name != "jsonld":
        data: bytes = graph_store.dump(fmt.media_type, graph=graph)
        return data
    store = ox.Store()
    store.load(graph_store.dump("application/n-quads", graph=graph), format=ox.RdfFormat.N_QUADS)
    return store_bytes(store, fmt)
