from __future__ import annotations

import pytest

from kg.errors import NotAcceptableError
from kg.formats import GRAPH_FORMATS, RESULT_FORMATS
from server.negotiation import choose, parse_accept


@pytest.mark.parametrize(("accept", "expected"), [
    (None, "json"),
    ("*/*", "json"),
    ("application/sparql-results+xml", "xml"),
    ("application/rdf+xml, application/sparql-results+xml", "xml"),  # rdflib SPARQLStore
    ("application/sparql-results+json;q=1.0,application/sparql-results+xml;q=0.7", "json"),
    ("text/csv", "csv"),
    ("text/tab-separated-values", "tsv"),
    ("application/json", "json"),
    ("text/*;q=0.5, application/sparql-results+xml;q=0.4", "csv"),
    ("application/sparql-results+json;q=0, */*;q=0.1", "xml"),
])
def test_result_formats(accept, expected):
    assert choose(accept, RESULT_FORMATS).name == expected


@pytest.mark.parametrize(("accept", "expected"), [
    (None, "turtle"),
    ("text/turtle", "turtle"),
    ("application/rdf+xml, application/sparql-results+xml", "rdfxml"),
    ("application/ld+json", "jsonld"),
    ("application/n-triples,*/*;q=0.9", "ntriples"),  # YASGUI for graphs
    ("application/n-quads,application/trig;q=0.95,application/ld+json;q=0.9", "nquads"),
])
def test_graph_formats(accept, expected):
    assert choose(accept, GRAPH_FORMATS).name == expected


def test_format_parameter_wins_and_tolerates_sparqlwrapper_duplicates():
    requested = ["json-ld", "application/ld+json,application/x-json+ld"]
    assert choose("application/rdf+xml", GRAPH_FORMATS, requested=requested).name == "jsonld"
    assert choose(None, RESULT_FORMATS, requested=["nonsense", "csv"]).name == "csv"


def test_nothing_acceptable_is_406():
    with pytest.raises(NotAcceptableError) as info:
        choose("image/png", RESULT_FORMATS)
    assert info.value.status == 406 and "available" in info.value.message


def test_parse_accept_is_lenient_about_case_and_junk():
    ranges = parse_accept("TEXT/Turtle;q=0.5, garbage, application/json;q=x")
    assert [(r.type, r.subtype, r.q) for r in ranges] == [("text", "turtle", 0.5),
                                                        ("application", "json", 0.0)]
