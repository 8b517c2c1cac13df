"""End to end on real parts: `kg build` into an on-disk store, then `kg serve` on a free
port as a subprocess, queried by real clients (SPARQLWrapper, rdflib's SPARQLStore)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyld import jsonld
from rdflib import Graph
from rdflib.compare import isomorphic
from SPARQLWrapper import JSON, TURTLE, XML, SPARQLWrapper

from tests.conftest import SEEDS
from tests.e2e.servers import kg_serve

pytestmark = pytest.mark.e2e

KG = [sys.executable, "-m", "kg"]
PREFIX = "PREFIX kg: <https://w3id.org/kg/ontology#>\n"


def run_kg(*args: str, env: dict | None = None, stdin: bytes | None = None):
    return subprocess.run([*KG, *args], capture_output=True, timeout=300, input=stdin,
                          env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def built_store(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("e2e") / "store"
    result = run_kg("build", str(SEEDS), "--store", str(store))
    assert result.returncode == 0, result.stderr.decode()
    return store


@pytest.fixture(scope="module")
def server(built_store) -> Iterator[str]:
    with kg_serve(str(built_store)) as base:
        yield base


def test_build_reports_bad_articles_and_exit_code(tmp_path, built_store):
    bad = tmp_path / "bad.txt"
    bad.write_text("no date here", encoding="utf-8")
    result = run_kg("build", str(bad), str(SEEDS), "--store", str(tmp_path / "s"))
    assert result.returncode == 1
    err = result.stderr.decode()
    assert "bad.txt: no publication date" in err and "stored 2 article(s), 1 failed" in err


def test_build_reads_jsonl_from_stdin(tmp_path):
    record = {"id": "stdin-1", "published": "2023-04-02", "text":
              "Danmark sender rundt 200 soldater til Estland, sier forsvarsministeren."}
    store = tmp_path / "s"
    result = run_kg("build", "-", "--store", str(store), stdin=json.dumps(record).encode())
    assert result.returncode == 0, result.stderr.decode()
    query = run_kg("query", "--store", str(store), "--format", "csv",
                   PREFIX + "SELECT ?min { ?a a kg:Deployment ; kg:personnelMin ?min }")
    assert query.stdout.decode().split() == ["min", "200"]


def test_cli_query_and_export(built_store, tmp_path):
    result = run_kg("query", "--store", str(built_store),
                    PREFIX + "ASK { ?a a kg:Deployment ; kg:duration ?d }")
    assert result.stdout.decode().strip() == "true"
    out = tmp_path / "dump.nq"
    assert run_kg("export", "--store", str(built_store), "--format", "nquads", "-o",
                  str(out)).returncode == 0
    assert out.stat().st_size > 10000


def test_cli_errors_are_messages_not_tracebacks(tmp_path, built_store):
    bad_query = run_kg("query", "--store", str(built_store), "SELEC")
    assert bad_query.returncode == 1 and bad_query.stderr.startswith(b"error: ")
    missing = run_kg("query", "--store", str(tmp_path / "nothing"), "ASK {}")
    assert missing.returncode == 1 and b"no store at" in missing.stderr


def test_sparqlwrapper_select_ask_construct(server):
    endpoint = SPARQLWrapper(server + "/sparql")
    endpoint.setQuery(PREFIX + """SELECT ?text WHERE { ?s kg:speaker ?p ; kg:text ?text .
        ?p <http://www.w3.org/2004/02/skos/core#exactMatch> <http://www.wikidata.org/entity/Q57665> }""")
    endpoint.setReturnFormat(JSON)
    bindings = endpoint.query().convert()["results"]["bindings"]
    assert len(bindings) >= 10
    endpoint.setReturnFormat(XML)  # SPARQLWrapper's default
    endpoint.setQuery(PREFIX + "ASK { ?a a kg:Deployment }")
    assert endpoint.query().convert().getElementsByTagName("boolean")[0].firstChild.data == "true"
    endpoint.setQuery(PREFIX + "CONSTRUCT { ?a ?p ?o } WHERE { ?a a kg:Deployment ; ?p ?o }")
    endpoint.setReturnFormat(TURTLE)
    graph = Graph().parse(data=endpoint.query().convert(), format="turtle")
    assert len(graph) > 10


def test_rdflib_sparqlstore(server):
    graph = Graph(store="SPARQLStore")
    graph.open(server + "/sparql")
    rows = list(graph.query(PREFIX + "SELECT ?a ?min WHERE { ?a kg:personnelMin ?min }"))
    assert [int(r[1]) for r in rows] == [50]
    assert bool(graph.query(PREFIX + "ASK { ?a kg:status kg:Announced }").askAnswer)


def test_get_and_post_answer_with_the_right_media_types(server):
    query = PREFIX + "CONSTRUCT { ?a ?p ?o } WHERE { ?a a kg:Deployment ; ?p ?o }"
    url = server + "/sparql?" + urllib.parse.urlencode({"query": query})
    turtle_request = urllib.request.Request(url, headers={"Accept": "text/turtle"})
    with urllib.request.urlopen(turtle_request) as response:
        assert response.headers["Content-Type"].startswith("text/turtle")
        turtle = response.read()
    post = urllib.request.Request(server + "/sparql", data=query.encode(), method="POST",
                                  headers={"Content-Type": "application/sparql-query",
                                           "Accept": "application/ld+json"})
    with urllib.request.urlopen(post) as response:
        assert response.headers["Content-Type"].startswith("application/ld+json")
        document = json.loads(response.read())
    nquads = jsonld.to_rdf(document, {"format": "application/n-quads"})
    assert isomorphic(Graph().parse(data=turtle, format="turtle"),
                      Graph().parse(data=nquads, format="nt"))


def test_server_listens_on_loopback_only_by_default(server):
    assert server.startswith("http://127.0.0.1:")

