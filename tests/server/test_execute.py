"""Query answers written by Oxigraph, and the row cap, as plain functions (no server)."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest

from server import execute as ex
from server.execute import TRUNCATED_LINK, Job, execute, oxigraph_runner


@pytest.fixture(scope="module")
def run():
    store = ox.Store()
    store.update("INSERT DATA { " + " ".join(
        f'<http://x/s{i}> <http://x/p> "v{i}\\nline" .' for i in range(200)) + " }")
    return oxigraph_runner(store)


QUERY = "SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?s"


@pytest.mark.parametrize("accept", ["application/sparql-results+json",
                                    "application/sparql-results+xml", "text/csv",
                                    "text/tab-separated-values"])
def test_a_capped_answer_has_exactly_max_rows_and_says_so(run, accept):
    outcome = execute(run, Job(QUERY, accept=accept, max_rows=50))
    assert outcome.headers["X-KG-Truncated"] == "true"
    if accept == "text/csv":  # lossy: not parseable as RDF terms, but as CSV
        assert len(list(csv.reader(io.StringIO(outcome.body.decode())))) == 51
        return
    parsed = ox.parse_query_results(outcome.body, format={
        "application/sparql-results+json": ox.QueryResultsFormat.JSON,
        "application/sparql-results+xml": ox.QueryResultsFormat.XML,
        "text/tab-separated-values": ox.QueryResultsFormat.TSV}[accept])
    assert len(list(parsed)) == 50


def test_json_is_cut_by_the_fast_path_and_announced_in_head(run):
    outcome = execute(run, Job(QUERY, accept="application/sparql-results+json", max_rows=10))
    document = json.loads(outcome.body)
    assert document["head"]["link"] == [TRUNCATED_LINK]
    assert [b["s"]["value"] for b in document["results"]["bindings"]][:2] == [
        "http://x/s0", "http://x/s1"]  # the order of the query is kept
    assert outcome.rows == 10


def test_an_answer_within_the_cap_is_oxigraphs_own_bytes(run):
    outcome = execute(run, Job(QUERY, accept="text/csv", max_rows=1000))
    assert "X-KG-Truncated" not in outcome.headers
    rows = list(csv.reader(io.StringIO(outcome.body.decode())))
    assert len(rows) == 201 and rows[1][1] == "v0\nline"  # a newline inside a value


def test_answers_too_large_for_one_go_are_written_row_by_row(run, monkeypatch):
    monkeypatch.setattr(ex, "FAST_BYTES", 100)
    outcome = execute(run, Job(QUERY, accept="application/sparql-results+json", max_rows=30))
    assert outcome.headers["X-KG-Truncated"] == "true" and outcome.rows == 30
    whole = execute(run, Job(QUERY, accept="application/sparql-results+json", max_rows=1000))
    assert len(json.loads(whole.body)["results"]["bindings"]) == 200


def test_the_store_is_asked_for_one_row_more_than_the_cap(run):
    seen = []

    def spy(job):
        seen.append(job.text)
        return run(job)

    outcome = execute(spy, Job(QUERY + " LIMIT 150", accept="text/tab-separated-values",
                               max_rows=20))
    assert seen == [QUERY + " LIMIT 21"]
    assert outcome.headers["X-KG-Truncated"] == "true"
    assert outcome.body.decode().count("\n") == 21  # header and 20 rows


def test_a_broken_query_reports_its_own_error_not_the_rewritten_ones(run):
    from kg.errors import QueryError
    with pytest.raises(QueryError) as caught:
        execute(run, Job("SELECT * WHERE { ?s ?p ?o } ORDER", max_rows=5))
    assert "LIMIT 6" not in str(caught.value)


def test_construct_answers_hold_each_triple_once_with_our_prefixes():
    store = ox.Store()
    store.update('INSERT DATA { <https://w3id.org/kg/id/a> <http://schema.org/name> "A" . '
                 '<https://w3id.org/kg/id/b> <http://schema.org/name> "A" }')
    outcome = execute(oxigraph_runner(store), Job(
        'CONSTRUCT { <https://w3id.org/kg/id/x> <http://schema.org/name> ?n } '
        'WHERE { ?s <http://schema.org/name> ?n }', accept="text/turtle"))
    assert outcome.body.count(b'"A"') == 1
    assert b"schema:name" in outcome.body
    graph = ox.parse(outcome.body, format=ox.RdfFormat.TURTLE)
    assert len(list(graph)) == 1
