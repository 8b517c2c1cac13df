from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.errors import QueryError
from kg.sparqltext import (
    add_using,
    cap_solutions,
    check_safety,
    has_query_dataset,
    has_update_dataset,
)

ALLOW = "https://query.wikidata.org/sparql"


@pytest.mark.parametrize("query", [
    "SELECT * { SERVICE <http://evil.example/sparql> { ?s ?p ?o } }",
    "select * { service silent <http://evil.example/sparql> { ?s ?p ?o } }",
    "PREFIX e: <http://evil.example/>\nSELECT * { SeRvIcE e:sparql { ?s ?p ?o } }",
    "BASE <http://evil.example/>\nSELECT * { SERVICE <sparql> { ?s ?p ?o } }",
    "SELECT * { SERVICE # a comment\n <http://evil.example/sparql> { ?s ?p ?o } }",
    "SELECT * { SERVICE ?endpoint { ?s ?p ?o } }",
    "SELECT * { SERVICE <https://query.wikidata.org.evil.example/sparql> { ?s ?p ?o } }",
    "SELECT * { SERVICE <http://evil.example/\\u0073parql> { ?s ?p ?o } }",
    "INSERT { ?s ?p ?o } WHERE { SERVICE <http://evil.example/> { ?s ?p ?o } }",
    "LOAD <http://evil.example/data>",
    "load silent <http://evil.example/data> into graph <http://g>",
])
def test_refused(query):
    with pytest.raises(QueryError):
        check_safety(query, ALLOW)


@pytest.mark.parametrize("query", [
    'SELECT * { ?s ?p "SERVICE <http://evil.example/>" }',
    "SELECT * { ?s ?p ?o } # SERVICE <http://evil.example/>",
    "PREFIX service: <http://x/>\nSELECT * { ?s service:load ?o }",
    "SELECT * { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }",
    "PREFIX wd: <https://query.wikidata.org/>\nSELECT * { SERVICE wd:sparql { ?s ?p ?o } }",
    "SELECT ?service ?load { ?service <http://x/p> ?load }",
])
def test_allowed(query):
    check_safety(query, ALLOW)


def test_add_using_inserts_before_every_operation_where():
    update = ("INSERT DATA { <http://a> <http://b> 1 } ;\n"
              "INSERT { GRAPH <http://o> { ?s a ?t } } WHERE { ?s a ?t { SELECT * WHERE { } } } ;"
              "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }")
    out = add_using(update, ["http://g1"], ["http://g2"])
    assert out.count("USING <http://g1> USING NAMED <http://g2> WHERE") == 2
    assert "SELECT * WHERE" in out


def test_add_using_refuses_conflicts_and_delete_where():
    with pytest.raises(QueryError, match="USING or WITH"):
        add_using("WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", ["http://g"], [])
    with pytest.raises(QueryError, match="DELETE WHERE"):
        add_using("DELETE WHERE { ?s ?p ?o }", ["http://g"], [])
    with pytest.raises(QueryError, match="invalid graph IRI"):
        add_using("INSERT { ?s ?p ?o } WHERE { ?s ?p ?o }", ["http://g> } ; DROP ALL ; #"], [])


def test_dataset_clauses_are_found_as_keywords_only():
    assert has_query_dataset("SELECT * from <http://g> { ?s ?p ?o }")
    assert not has_query_dataset('SELECT * { ?s ?p "FROM <x>" }')
    assert has_update_dataset("with <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert not has_update_dataset("INSERT DATA { <http://a> <http://b> 'WITH USING' }")


@pytest.mark.parametrize(("query", "expected"), [
    ("SELECT * WHERE { ?s ?p ?o }", "SELECT * WHERE { ?s ?p ?o } LIMIT 11"),
    ("select * { ?s ?p ?o } order by ?s offset 5", "select * { ?s ?p ?o } order by ?s offset 5 "
     "LIMIT 11"),
    ("SELECT * { ?s ?p ?o } LIMIT 500 OFFSET 2", "SELECT * { ?s ?p ?o } LIMIT 11 OFFSET 2"),
    ("SELECT * { ?s ?p ?o } limit 3", "SELECT * { ?s ?p ?o } limit 3"),
    ("SELECT * { ?s ?p ?o }\n# LIMIT 5", "SELECT * { ?s ?p ?o } LIMIT 11\n# LIMIT 5"),
    ("SELECT ?s { { SELECT ?s { ?s ?p ?o } LIMIT 500 } }",
     "SELECT ?s { { SELECT ?s { ?s ?p ?o } LIMIT 500 } } LIMIT 11"),
    ("SELECT (EXISTS { ?s ?p 1 } AS ?e) { ?s ?p ?o } VALUES ?s { <a> }",
     "SELECT (EXISTS { ?s ?p 1 } AS ?e) { ?s ?p ?o } LIMIT 11 VALUES ?s { <a> }"),
    ("SELECT ?s { ?s ?p ?o } GROUP BY ?s HAVING (EXISTS { ?s <p> 2 })",
     "SELECT ?s { ?s ?p ?o } GROUP BY ?s HAVING (EXISTS { ?s <p> 2 }) LIMIT 11"),
    ('PREFIX limit: <http://x/> SELECT * { ?s limit:p "LIMIT 2" }',
     'PREFIX limit: <http://x/> SELECT * { ?s limit:p "LIMIT 2" } LIMIT 11'),
    ("CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT WHERE { ?s ?p ?o }"),
    ("ASK { ?s ?p ?o }", "ASK { ?s ?p ?o }"),
    ("SELECT * { ?s ?p ?o", "SELECT * { ?s ?p ?o"),  # broken: the store reports it
])
def test_cap_solutions_bounds_the_top_level_limit_only(query, expected):
    assert cap_solutions(query, 11) == expected


def test_capped_queries_still_parse_and_answer_the_same_rows():
    store = ox.Store()
    store.update("INSERT DATA { " + " ".join(f"<http://x/{i}> <http://x/p> {i} ." for i in
                                             range(30)) + " }")
    query = "SELECT ?o { ?s ?p ?o } ORDER BY DESC(?o) OFFSET 2"
    capped = [s["o"].value for s in store.query(cap_solutions(query, 5))]
    assert capped == [str(n) for n in range(27, 22, -1)]
