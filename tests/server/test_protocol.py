from __future__ import annotations

import pytest

from kg.errors import QueryError, UnsupportedMediaTypeError
from server.protocol import parse_sparql_request


def test_get_query_with_dataset_parameters():
    r = parse_sparql_request("GET", [("query", "SELECT * {}"), ("default-graph-uri", "http://g/1"),
                                     ("named-graph-uri", "http://g/2")], None, b"")
    assert (r.operation, r.default_graphs, r.named_graphs) == ("query", ("http://g/1",),
                                                              ("http://g/2",))


def test_get_without_query_asks_for_the_service_description():
    assert parse_sparql_request("GET", [], None, b"").operation == "describe-service"


def test_form_post_query_and_update():
    r = parse_sparql_request("POST", [], "application/x-www-form-urlencoded",
                             b"query=ASK%20%7B%7D&format=json")
    assert (r.operation, r.text, r.formats) == ("query", "ASK {}", ("json",))
    u = parse_sparql_request("POST", [], "application/x-www-form-urlencoded; charset=UTF-8",
                             b"update=CLEAR%20ALL")
    assert (u.operation, u.text) == ("update", "CLEAR ALL")


def test_direct_post_bodies():
    q = parse_sparql_request("POST", [("named-graph-uri", "http://g")],
                             "application/sparql-query", "ASK { ?s ?p 'ø' }".encode())
    assert q.operation == "query" and q.named_graphs == ("http://g",)
    u = parse_sparql_request("POST", [], "application/sparql-update; charset=UTF-8", b"CLEAR ALL")
    assert u.operation == "update"


@pytest.mark.parametrize(("method", "params", "ctype", "body", "error"), [
    ("GET", [("query", "A"), ("query", "B")], None, b"", QueryError),
    ("GET", [("update", "CLEAR ALL")], None, b"", QueryError),
    ("POST", [], "application/x-www-form-urlencoded", b"query=A&update=B", QueryError),
    ("POST", [], "application/x-www-form-urlencoded", b"foo=bar", QueryError),
    ("POST", [], "text/plain", b"ASK {}", UnsupportedMediaTypeError),
    ("POST", [], None, b"ASK {}", UnsupportedMediaTypeError),
    ("POST", [], "application/sparql-query", b"", QueryError),
    ("POST", [("using-graph-uri", "http://g")], "application/sparql-query", b"ASK {}", QueryError),
    ("POST", [("query", "ASK {}")], "application/x-www-form-urlencoded", b"query=ASK%7B%7D",
     QueryError),
    ("POST", [("update", "CLEAR ALL")], "application/sparql-query", b"ASK {}", QueryError),
    ("POST", [], "application/sparql-query; charset=UTF-16", "ASK {}".encode("utf-16"),
     UnsupportedMediaTypeError),
    ("POST", [], "application/x-www-form-urlencoded", b"update=A&update=B", QueryError),
])
def test_malformed_requests(method, params, ctype, body, error):
    with pytest.raises(error):
        parse_sparql_request(method, params, ctype, body)
