"""One contract for every store: the embedded Oxigraph store (on disk and in memory) and a
real `oxigraph serve` spoken to over the SPARQL 1.1 Protocol."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from kg.errors import QueryError
from kg.pipeline import build
from kg.read import read_articles
from kg.store import open_store
from tests.conftest import SEEDS

G1, G2 = "http://example.org/graph/1", "http://example.org/graph/2"
S, P = URIRef("http://example.org/s"), URIRef("http://example.org/p")


def _oxigraph_binary() -> str | None:
    local = Path(sys.executable).parent / "oxigraph"
    return str(local) if local.exists() else shutil.which("oxigraph")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture()
def oxigraph_server(tmp_path) -> Iterator[str]:
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server (PyPI package 'oxigraph') is not installed")
    port = _free_port()
    process = subprocess.Popen([binary, "serve", "--location", str(tmp_path / "ox"), "--bind",
                                f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=2).close()
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail("oxigraph serve did not start")
            time.sleep(0.1)
    yield base + "/query"
    process.terminate()
    process.wait(timeout=30)


@pytest.fixture(params=["disk", "memory", "oxigraph-server"])
def store(request, tmp_path):
    if request.param == "disk":
        return open_store(str(tmp_path / "store"))
    if request.param == "memory":
        return open_store("memory:")
    return open_store(request.getfixturevalue("oxigraph_server"))


def _graph(*values: int) -> Graph:
    graph = Graph()
    for value in values:
        graph.add((S, P, Literal(value)))
    return graph


def _values(store, query: str, **options) -> list[int]:
    return sorted(int(row["v"].value) for row in store.query(query, **options))


def test_apply_replaces_and_adds(store):
    store.apply(replace={G1: _graph(1, 2)}, add={G2: _graph(10)})
    store.apply(replace={G1: _graph(3)}, add={G2: "<http://example.org/s> "
                                              "<http://example.org/p> 11 .\n"})
    assert _values(store, "SELECT ?v { ?s ?p ?v }") == [3, 10, 11]
    assert store.named_graphs() == [G1, G2]
    assert len(store) == 3


def test_query_dataset_selection(store):
    store.apply(replace={G1: _graph(1), G2: _graph(2)}, add={})
    assert _values(store, "SELECT ?v { ?s ?p ?v }", default_graphs=[G2]) == [2]
    assert _values(store, "SELECT ?v { GRAPH ?g { ?s ?p ?v } }", named_graphs=[G1]) == [1]
    assert isinstance(store.query("ASK { ?s ?p 1 }"), ox.QueryBoolean)
    triples = list(store.query("CONSTRUCT { ?s ?p ?v } WHERE { ?s ?p ?v }"))
    assert len(triples) == 2 and all(hasattr(t, "predicate") for t in triples)


def test_bad_query_is_a_query_error(store):
    with pytest.raises(QueryError):
        store.query("SELEC nothing")


def test_dump_formats(store):
    store.apply(replace={G1: _graph(1), G2: _graph(1)}, add={})
    quads = ox.Store()
    quads.load(store.dump("application/n-quads"), format=ox.RdfFormat.N_QUADS)
    assert len(quads) == 2
    merged = Graph().parse(data=store.dump("text/turtle"), format="turtle")
    assert len(merged) == 1  # the same triple in two graphs is one triple
    one = Graph().parse(data=store.dump("application/n-triples", graph=G1), format="nt")
    assert len(one) == 1


def test_building_the_seeds_gives_the_same_graph_everywhere(store, builder):
    report = build(read_articles([str(SEEDS)]), store=store, builder=builder)
    assert report.ok
    reference = open_store("memory:")
    build(read_articles([str(SEEDS)]), store=reference, builder=builder)
    assert len(store) == len(reference)
    again = build(read_articles([str(SEEDS)]), store=store, builder=builder)
    assert again.unchanged == report.stored and len(store) == len(reference)
