"""Linked Data pages, JSON-LD views, OpenAPI and the vendored browser assets (test client)."""

from __future__ import annotations

import json

import pytest
from pyld import jsonld
from rdflib import Graph

from kg.jsonld import offline_loader
from server.web import VENDOR, node_modules

STATEMENT = "/id/statement/002_3d92328c82830df2-1"


def _first(client, query: str) -> str:
    r = client.get("/sparql", query_string={"query": "PREFIX kg: <https://w3id.org/kg/ontology#>\n"
                                            + query})
    return r.json["results"]["bindings"][0]["x"]["value"]


def test_statement_page_shows_labels_types_links_and_highlighted_evidence(client):
    r = client.get(STATEMENT, headers={"Accept": "text/html"})
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert "Jens Stoltenberg" in html  # the speaker's label, not its IRI
    assert 'href="/id/person/jens-stoltenberg"' in html  # local links work on any host
    assert "Uttalelse" in html or "Statement" in html  # type label
    assert "<mark>" in html and "Russland har alt på plass for krig" in html
    assert 'href="/id/article/002_3d92328c82830df2"' in html
    assert 'id="graph"' in html and "cytoscape" in html
    links = r.headers["Link"]
    assert 'rel="alternate"; type="text/turtle"' in links and "format=jsonld" in links


def test_action_page_shows_evidence_span_exactly(client, seeded_store):
    action = _first(client, "SELECT ?x { ?x a kg:Deployment }")
    row = next(iter(seeded_store.query(
        "PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX schema: <http://schema.org/> "
        f"SELECT ?s ?e ?t {{ ?a oa:hasBody <{action}> ; oa:hasTarget ?g . ?g oa:hasSource ?art ; "
        "oa:hasSelector ?p . ?p oa:start ?s ; oa:end ?e . ?art schema:text ?t }")))
    quote = row["t"].value[int(row["s"].value):int(row["e"].value)]
    html = client.get(action.split("8000", 1)[1], headers={"Accept": "text/html"}).get_data(
        as_text=True)
    assert f"<mark>{quote}</mark>" in html.replace("&#39;", "'")
    assert "Litauen" in html


def test_incoming_links_are_listed(client):
    html = client.get("/id/person/jens-stoltenberg", headers={"Accept": "text/html"}).get_data(
        as_text=True)
    assert 'id="incoming"' in html and "/id/statement/" in html


def test_rdf_pages_link_back_to_html(client):
    r = client.get(STATEMENT, headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and 'type="text/html"' in r.headers["Link"]
    assert len(Graph().parse(data=r.data, format="turtle")) > 5


def _expand(doc):
    return jsonld.expand(doc, {"documentLoader": offline_loader()})


def test_api_statements_is_framed_jsonld_with_our_context(client):
    r = client.get("/api/statements")
    assert r.status_code == 200 and r.content_type.startswith("application/ld+json")
    doc = r.json
    assert doc["@context"].endswith("/ontology/context.jsonld")
    first = doc["@graph"][0]
    assert {"speaker", "text", "reportedIn"} <= set(first)
    assert "label" in first["speaker"] and "datePublished" in first["reportedIn"]
    assert _expand(doc)  # expands offline with our context


@pytest.mark.parametrize(("query", "check"), [
    ({"speaker": "stoltenberg"}, lambda s: "stoltenberg" in s["speaker"]["id"]),
    ({"speaker": "http://127.0.0.1:8000/id/person/jens-stoltenberg"},
     lambda s: s["speaker"]["id"].endswith("jens-stoltenberg")),
    ({"country": "Russland"}, lambda s: "russland" in json.dumps(s["about"])),
    ({"until": "2022-02"}, lambda s: s["reportedIn"]["datePublished"]["@value"] <= "2022-02"),
])
def test_api_statement_filters(client, query, check):
    graph = client.get("/api/statements", query_string=query).json["@graph"]
    assert graph and all(check(s) for s in graph)


def test_api_filters_can_empty_and_bad_dates_are_400(client):
    assert client.get("/api/statements?since=2099").json["@graph"] == []
    assert client.get("/api/statements?since=yesterday").status_code == 400
    assert len(client.get("/api/statements?limit=2").json["@graph"]) == 2


def test_api_actions_with_claims_and_disputes(client):
    doc = client.get("/api/actions").json
    actions = doc["@graph"]
    kinds = {a["type"] if isinstance(a["type"], str) else a["type"][0] for a in actions}
    assert "Deployment" in kinds and "Withdrawal" in kinds
    deployment = next(a for a in actions if "Deployment" in json.dumps(a["type"]))
    assert {"agent", "destination", "personnelMin", "personnelMax", "duration",
            "status"} <= set(deployment)
    assert any("disputedBy" in a for a in actions) and any("claimedBy" in a for a in actions)
    placed = next(a for a in actions if "location" in a)
    assert "label" in (placed["near"] if isinstance(placed["near"], dict) else placed["near"][0])
    assert "locationText" in placed
    disputed = next(a for a in actions if "disputedBy" in a)
    who = disputed["disputedBy"] if isinstance(disputed["disputedBy"], dict) else \
        disputed["disputedBy"][0]
    assert "label" in who["speaker"]
    assert _expand(doc)
    litauen = client.get("/api/actions?country=Litauen").json["@graph"]
    assert len(litauen) == 1 and "Deployment" in json.dumps(litauen[0]["type"])


def test_api_views_are_cached_per_dataset_version(app, client):
    from server.state import State

    state: State = app.extensions["kg"]
    client.get("/api/actions")
    keys = [k for k in state.cache if k[0][0] == "api"]
    assert keys and all(k[1] == state.version for k in keys)


def test_openapi(client):
    doc = client.get("/openapi.json").json
    assert doc["openapi"].startswith("3.")
    assert {"/sparql", "/store", "/api/statements", "/api/actions", "/.well-known/void",
            "/id/{path}"} <= set(doc["paths"])


def test_query_page_uses_local_yasgui(client):
    html = client.get("/sparql", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "/static/vendor/yasgui/yasgui.min.js" in html and "data-example" in html
    assert "cdn" not in html.lower() and "https://" not in html.split("<body>")[1].split(
        "PREFIX")[0]


@pytest.mark.skipif(not (node_modules() / VENDOR["cytoscape/cytoscape.min.js"]).is_file(),
                    reason="node_modules not installed (make install runs npm ci)")
def test_vendored_assets_are_served_from_node_modules(client):
    for name in VENDOR:
        r = client.get("/static/vendor/" + name)
        assert r.status_code == 200 and len(r.data) > 1000, name
    assert client.get("/static/vendor/../package.json").status_code == 404
    assert client.get("/static/vendor/yasgui/other.js").status_code == 404
    assert client.get("/static/kg/graph.js").status_code == 200


def test_api_actions_find_joint_actions_by_any_of_their_agents(builder, tmp_path):
    from kg.config import Settings
    from kg.pipeline import build
    from kg.read import read_articles
    from kg.store import open_store
    from server import create_app

    article = tmp_path / "joint.txt"
    article.write_text(" date 2025-03 Norge og Danmark sender fregatter til Østersjøen.\n",
                       encoding="utf-8")
    store = open_store("memory:")
    assert build(read_articles([str(article)]), store=store, builder=builder).ok
    client = create_app(Settings(base_iri="http://127.0.0.1:8000/"), store=store).test_client()
    (action,) = client.get("/api/actions?country=Danmark").json["@graph"]
    assert "Danmark" in json.dumps(action["coAgent"], ensure_ascii=False)
    assert "Norge" in json.dumps(action["agent"])
