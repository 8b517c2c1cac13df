"""The Flask app through its test client (no sockets), over the seeded store."""

from __future__ import annotations

import json

import pytest
from pyld import jsonld
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.config import Settings
from kg.store import open_store
from server import create_app
from tests.conftest import BASE

DEPLOYMENT = """PREFIX kg: <https://w3id.org/kg/ontology#>
CONSTRUCT { ?a ?p ?o } WHERE { ?a a kg:Deployment ; ?p ?o }"""


def test_select_json_by_get(client):
    r = client.get("/sparql", query_string={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"},
                   headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200
    assert r.content_type.startswith("application/sparql-results+json")
    assert int(r.json["results"]["bindings"][0]["n"]["value"]) > 1000


@pytest.mark.parametrize(("accept", "media"), [
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"), ("text/tab-separated-values", "text/tab-separated-values")])
def test_select_other_formats_by_form_post(client, accept, media):
    r = client.post("/sparql", data={"query": "SELECT ?s { ?s a ?t } LIMIT 2"},
                    headers={"Accept": accept})
    assert r.status_code == 200 and r.content_type.startswith(media)


def test_ask_by_direct_post(client):
    r = client.post("/sparql", data="ASK { ?s a <https://w3id.org/kg/ontology#Deployment> }",
                    content_type="application/sparql-query")
    assert r.status_code == 200 and r.json == {"head": {}, "boolean": True}


def test_construct_jsonld_expands_to_the_turtle_triples(client):
    turtle = client.get("/sparql", query_string={"query": DEPLOYMENT},
                        headers={"Accept": "text/turtle"})
    assert turtle.content_type.startswith("text/turtle")
    doc = client.get("/sparql", query_string={"query": DEPLOYMENT},
                     headers={"Accept": "application/ld+json"})
    assert doc.content_type.startswith("application/ld+json")
    nquads = jsonld.to_rdf(json.loads(doc.data), {"format": "application/n-quads"})
    assert isomorphic(Graph().parse(data=turtle.data, format="turtle"),
                      Graph().parse(data=nquads, format="nt"))


def test_syntax_error_is_400_with_the_parser_message(client):
    r = client.get("/sparql", query_string={"query": "SELEC * {"})
    assert r.status_code == 400 and r.content_type.startswith("text/plain")
    assert "syntax" in r.get_data(as_text=True).lower()


def test_unacceptable_media_type_is_406(client):
    r = client.get("/sparql", query_string={"query": "ASK {}"}, headers={"Accept": "image/png"})
    assert r.status_code == 406


def test_service_refused_without_allowlist(client):
    r = client.get("/sparql", query_string={
        "query": "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"})
    assert r.status_code == 400 and "SERVICE" in r.get_data(as_text=True)


def test_service_description_in_turtle_and_query_page_in_html(client):
    sd = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert sd.status_code == 200 and b"sparql-service-description" in sd.data
    page = client.get("/sparql", headers={"Accept": "text/html"})
    assert page.status_code == 200 and b"<form" in page.data


def test_updates_need_the_bearer_token(seeded_store):
    store = open_store("memory:")
    read_only = create_app(Settings(base_iri=BASE), store=store).test_client()
    assert read_only.post("/sparql", data={"update": "CLEAR ALL"}).status_code == 403
    writable = create_app(Settings(base_iri=BASE, write_token="t0ken"), store=store).test_client()
    update = "INSERT DATA { <http://x/s> <http://x/p> 1 }"
    assert writable.post("/sparql", data={"update": update}).status_code == 401
    assert writable.post("/sparql", data={"update": update},
                         headers={"Authorization": "Bearer wrong"}).status_code == 401
    ok = writable.post("/sparql", data={"update": update},
                       headers={"Authorization": "Bearer t0ken"})
    assert ok.status_code == 204 and len(store) == 1


def test_resource_pages_negotiate(client):
    iri = "/id/person/jens-stoltenberg"
    html = client.get(iri, headers={"Accept": "text/html"})
    assert html.status_code == 200 and b"Jens Stoltenberg" in html.data
    turtle = client.get(iri, headers={"Accept": "text/turtle"})
    assert b"wd:Q57665" in turtle.data
    doc = client.get(iri, headers={"Accept": "application/ld+json"})
    assert doc.content_type.startswith("application/ld+json") and "@context" in doc.json
    assert client.get("/id/person/nobody").status_code == 404


def test_error_shape_outside_sparql_is_json(client):
    r = client.get("/id/person/nobody")
    assert r.json == {"ok": False, "error": r.json["error"], "status": 404}


def test_dataset_export_keeps_named_graphs_in_trig(client, seeded_store):
    r = client.get("/dataset", query_string={"format": "trig"})
    dataset = Dataset().parse(data=r.data, format="trig")
    assert len(dataset) == len(seeded_store)
    turtle = client.get("/dataset", headers={"Accept": "text/turtle"})
    assert turtle.status_code == 200 and turtle.data.startswith(b"@prefix")


def test_context_and_ontology_are_served(client):
    ctx = client.get("/ontology/context.jsonld")
    assert ctx.content_type.startswith("application/ld+json") and "speaker" in ctx.json["@context"]
    onto = client.get("/ontology", headers={"Accept": "text/turtle"})
    assert b"MilitaryAction" in onto.data
