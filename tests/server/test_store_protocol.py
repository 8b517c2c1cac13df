"""Graph Store Protocol, service description, VoID, CORS and the result cap through the
Flask test client (in-memory stores)."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.config import Settings
from kg.store import open_store
from server import create_app
from tests.conftest import BASE

AUTH = {"Authorization": "Bearer tok"}
TTL = "text/turtle"
SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"


@pytest.fixture()
def fresh():
    store = open_store("memory:")
    app = create_app(Settings(base_iri=BASE, write_token="tok", max_result_rows=5),
                     store=store)
    return app.test_client(), store


def test_put_get_post_delete_named_graph(fresh):
    client, store = fresh
    url = "/store?graph=http://example.org/g"
    r = client.put(url, data="<http://a> <http://b> 1 .", content_type=TTL, headers=AUTH)
    assert r.status_code == 201
    assert client.put(url, data="<http://a> <http://b> 2 .", content_type=TTL,
                      headers=AUTH).status_code == 204
    assert client.post(url, data='<http://a> <http://c> "x" .', content_type=TTL,
                       headers=AUTH).status_code == 204
    got = Graph().parse(data=client.get(url, headers={"Accept": TTL}).data, format="turtle")
    assert len(got) == 2  # PUT replaced, POST merged
    assert client.head(url).status_code == 200
    assert client.delete(url, headers=AUTH).status_code == 204
    assert client.get(url).status_code == 404
    assert client.delete(url, headers=AUTH).status_code == 404
    assert len(store) == 0


def test_writes_need_the_token(fresh):
    client, _ = fresh
    url = "/store?graph=http://example.org/g"
    assert client.put(url, data="<http://a> <http://b> 1 .", content_type=TTL).status_code == 401
    read_only = create_app(Settings(base_iri=BASE), store=open_store("memory:")).test_client()
    assert read_only.put(url, data="<http://a> <http://b> 1 .", content_type=TTL,
                         headers=AUTH).status_code == 403
    assert read_only.delete(url, headers=AUTH).status_code == 403


def test_post_creates_a_graph_and_direct_identification_reads_it(fresh):
    client, _ = fresh
    r = client.post("/store", data='<http://a> <http://b> "new" .', content_type=TTL,
                    headers=AUTH)
    assert r.status_code == 201 and r.headers["Location"].startswith(BASE + "graph/created/")
    path = r.headers["Location"][len(BASE) - 1:]
    assert b"new" in client.get(path, headers={"Accept": "application/n-triples"}).data
    assert client.get("/store", query_string={"graph": r.headers["Location"]}).status_code == 200


def test_multipart_post_merges_every_part(fresh):
    client, _ = fresh
    from io import BytesIO

    data = {"a": (BytesIO(b"<http://a> <http://b> 1 ."), "a.ttl", TTL),
            "b": (BytesIO(b'{"@id": "http://a", "http://c": "x"}'), "b.jsonld",
                  "application/ld+json")}
    r = client.post("/graph/m", data=data, content_type="multipart/form-data", headers=AUTH)
    assert r.status_code == 201
    got = Graph().parse(data=client.get("/graph/m", headers={"Accept": TTL}).data,
                        format="turtle")
    assert len(got) == 2


def test_bad_bodies(fresh):
    client, _ = fresh
    url = "/store?graph=http://example.org/g"
    assert client.put(url, data="not turtle {", content_type=TTL, headers=AUTH).status_code == 400
    assert client.put(url, data="x", content_type="image/png", headers=AUTH).status_code == 415
    assert client.put(url, data="<http://a> <http://b> <http://c> <http://g> .",
                      content_type="application/n-quads", headers=AUTH).status_code == 400
    assert client.get("/store").status_code == 400


def test_default_graph(fresh):
    client, _ = fresh
    assert client.put("/store?default", data="<http://a> <http://b> 1 .", content_type=TTL,
                      headers=AUTH).status_code == 204
    assert b"http://a" in client.get("/store?default", headers={"Accept": TTL}).data


def test_update_with_using_parameters(fresh):
    client, _ = fresh
    client.post("/sparql", headers=AUTH, data={"update": (
        "INSERT DATA { GRAPH <http://g1> { <http://a> a <http://T> } "
        "GRAPH <http://g2> { <http://b> a <http://T> } }")})
    r = client.post("/sparql?using-graph-uri=http://g1", headers=AUTH,
                    data={"update": "INSERT { GRAPH <http://out> { ?s a <http://U> } } "
                                    "WHERE { ?s a <http://T> }"})
    assert r.status_code == 204
    ask = client.get("/sparql", query_string={"query": "ASK { GRAPH <http://out> { <http://a> "
                                              "a <http://U> } FILTER NOT EXISTS { GRAPH "
                                              "<http://out> { <http://b> ?p ?o } } }"})
    assert ask.json["boolean"] is True
    conflict = client.post("/sparql?using-graph-uri=http://g1", headers=AUTH, data={
        "update": "WITH <http://g2> INSERT { ?s a <http://U> } WHERE { ?s a <http://T> }"})
    assert conflict.status_code == 400


def test_relative_iris_resolve_against_the_endpoint(fresh):
    client, _ = fresh
    client.post("/sparql", headers=AUTH, data={"update": "INSERT DATA { <s> <p> <o> }"})
    r = client.get("/sparql", query_string={"query": "SELECT ?s { ?s ?p ?o }"})
    assert r.json["results"]["bindings"][0]["s"]["value"] == "http://localhost/sparql/../s" \
        or r.json["results"]["bindings"][0]["s"]["value"] == "http://localhost/s"


def test_result_cap_is_announced(client, fresh):
    small, _ = fresh
    small.post("/sparql", headers=AUTH, data={"update": "INSERT DATA { " + " ".join(
        f"<http://s{i}> <http://p> {i} ." for i in range(8)) + " }"})
    r = small.get("/sparql", query_string={"query": "SELECT * { ?s ?p ?o }"})
    assert r.headers["X-KG-Truncated"] == "true" and "Warning" in r.headers
    assert len(r.json["results"]["bindings"]) == 5 and r.json["head"]["link"]
    xml = small.get("/sparql", query_string={"query": "SELECT * { ?s ?p ?o }", "format": "xml"})
    assert xml.headers["X-KG-Truncated"] == "true" and xml.data.count(b"<result>") == 5


def test_service_description_is_absolute_and_lists_what_we_serve(client):
    for accept, fmt in [("text/turtle", "turtle"), ("application/rdf+xml", "xml"),
                        ("application/n-triples", "nt"), ("application/ld+json", "json-ld"),
                        ("application/trig", "trig"), ("application/n-quads", "nquads")]:
        r = client.get("/sparql", headers={"Accept": accept})
        assert r.status_code == 200 and r.content_type.startswith(accept), accept
        graph = Graph().parse(data=r.data, format=fmt)
        service = next(graph.subjects(RDF.type, URIRef(SD + "Service")))
        endpoint = graph.value(service, URIRef(SD + "endpoint"))
        assert str(endpoint) == "http://localhost/sparql"
        assert (service, URIRef(SD + "feature"), URIRef(SD + "UnionDefaultGraph")) in graph
        formats = set(graph.objects(service, URIRef(SD + "resultFormat")))
        assert URIRef("http://www.w3.org/ns/formats/SPARQL_Results_JSON") in formats
        assert len(formats) == 10
        assert URIRef("http://localhost/.well-known/void") in set(graph.objects(None, None))


def test_void_statistics(client, seeded_store):
    r = client.get("/.well-known/void", headers={"Accept": "text/turtle"})
    assert r.status_code == 200
    graph = Graph().parse(data=r.data, format="turtle")
    dataset = URIRef(BASE)
    triples = int(graph.value(dataset, URIRef(VOID + "triples")))
    assert 0 < triples <= len(seeded_store)
    for name in ("entities", "classes", "properties"):
        assert int(graph.value(dataset, URIRef(VOID + name))) > 0
    subsets = list(graph.objects(dataset, URIRef(VOID + "subset")))
    assert len(subsets) == len(seeded_store.named_graphs())
    assert sum(int(graph.value(s, URIRef(VOID + "triples"))) for s in subsets) == len(seeded_store)
    doc = client.get("/.well-known/void", headers={"Accept": "application/ld+json"})
    assert doc.status_code == 200 and json.loads(doc.data)
    for accept in ("application/rdf+xml", "application/n-triples", "application/trig",
                   "application/n-quads"):
        other = client.get("/.well-known/void", headers={"Accept": accept})
        assert other.status_code == 200 and other.content_type.startswith(accept)


def test_cors_is_off_by_default_and_configurable(client, seeded_store):
    r = client.get("/sparql?query=ASK{}", headers={"Origin": "https://a.example"})
    assert "Access-Control-Allow-Origin" not in r.headers
    app = create_app(Settings(base_iri=BASE, cors_origins="https://a.example"),
                     store=seeded_store).test_client()
    ok = app.get("/sparql?query=ASK{}", headers={"Origin": "https://a.example"})
    assert ok.headers["Access-Control-Allow-Origin"] == "https://a.example"
    assert "X-KG-Truncated" in ok.headers["Access-Control-Expose-Headers"]
    other = app.get("/sparql?query=ASK{}", headers={"Origin": "https://b.example"})
    assert "Access-Control-Allow-Origin" not in other.headers
    preflight = app.options("/sparql", headers={
        "Origin": "https://a.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert preflight.headers["Access-Control-Allow-Origin"] == "https://a.example"
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    assert "Authorization" not in preflight.headers["Access-Control-Allow-Headers"]
    write = app.options("/store", headers={"Origin": "https://a.example",
                                           "Access-Control-Request-Method": "PUT"})
    assert "Access-Control-Allow-Origin" not in write.headers


def test_query_time_limit_in_thread_mode(seeded_store):
    app = create_app(Settings(base_iri=BASE, query_timeout_s=0.2), store=seeded_store)
    slow = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f }"  # about a second: it runs on
    r = app.test_client().get("/sparql", query_string={"query": slow})
    assert r.status_code == 503 and b"time limit" in r.data
