"""The issue-2 contract on the seeds: build, link, reason, provenance, idempotence."""

from __future__ import annotations

import pyoxigraph as ox

from kg.pipeline import build
from kg.read import read_articles
from kg.store import open_store
from tests.conftest import SEEDS

PREFIX = """PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX schema: <http://schema.org/>
"""


def rows(store, query):
    return [[term.value if term is not None else None for term in row]
            for row in store.query(PREFIX + query)]


def test_norway_deployment_to_lithuania(seeded_store):
    found = rows(seeded_store, """
        SELECT ?min ?max ?dur ?status WHERE {
          ?a a kg:Deployment ; kg:agent ?norway ; kg:destination ?lithuania ;
             kg:personnelMin ?min ; kg:personnelMax ?max ; kg:duration ?dur ; kg:status ?status .
          ?norway skos:exactMatch <http://www.wikidata.org/entity/Q20> .
          ?lithuania skos:exactMatch <http://www.wikidata.org/entity/Q37> .
        }""")
    assert found == [["50", "60", "P3M", "https://w3id.org/kg/ontology#Announced"]]


def test_statements_by_jens_stoltenberg(seeded_store):
    found = rows(seeded_store, """
        SELECT ?text WHERE { ?s a kg:Statement ; kg:speaker ?p ; kg:text ?text .
          ?p skos:exactMatch <http://www.wikidata.org/entity/Q57665> }""")
    assert len(found) >= 10
    texts = " ".join(t for [t] in found)
    assert "Russland fortsetter den militære opptrappingen" in texts


def test_gold_entities_are_linked_to_wikidata(seeded_store, gold):
    linked = {qid for [qid] in rows(seeded_store, "SELECT DISTINCT ?q WHERE { ?e skos:exactMatch ?q }")}
    for article in gold.values():
        for entity in article["entities"]:
            if entity["type"] in ("Person", "Organisation", "Country") and entity["wikidata"]:
                assert f"http://www.wikidata.org/entity/{entity['wikidata']}" in linked, entity


def test_every_annotation_slices_the_article_to_its_exact(seeded_store):
    found = rows(seeded_store, """
        SELECT ?text ?start ?end ?exact WHERE {
          ?ann a oa:Annotation ; oa:hasTarget ?t . ?t oa:hasSource ?article ;
               oa:hasSelector ?pos , ?quote .
          ?pos a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
          ?quote a oa:TextQuoteSelector ; oa:exact ?exact .
          ?article schema:text ?text }""")
    assert len(found) > 50
    for text, start, end, exact in found:
        assert text[int(start):int(end)] == exact


def test_statements_and_actions_all_have_evidence(seeded_store):
    missing = rows(seeded_store, """
        SELECT ?x WHERE { { ?x a kg:Statement } UNION { ?x a kg:MilitaryAction }
          FILTER NOT EXISTS { ?ann oa:hasBody ?x } }""")
    assert missing == []


def test_one_named_graph_per_article_and_inferred_graphs_apart(seeded_store):
    graphs = seeded_store.named_graphs()
    assert sum("/graph/article/" in g for g in graphs) == 2
    assert sum("/graph/inferred/" in g for g in graphs) >= 2
    inferred_only = rows(seeded_store, """
        SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {
          GRAPH ?g { ?x a kg:Actor } ?g a kg:InferredGraph }""")
    asserted = rows(seeded_store, """
        SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {
          GRAPH ?g { ?x a kg:Actor } ?g a kg:AssertedGraph }""")
    assert int(inferred_only[0][0]) >= 5 and asserted == [["0"]]


def test_persons_are_actors_by_inference(seeded_store):
    found = rows(seeded_store, """SELECT ?l WHERE { ?p a kg:Actor , kg:Person ; rdfs:label ?l
                                  FILTER(lang(?l) = "nb") }""")
    assert ["Jens Stoltenberg"] in found


def test_each_entity_is_one_node_across_articles(seeded_store):
    found = rows(seeded_store, """
        SELECT (COUNT(DISTINCT ?article) AS ?n) WHERE {
          ?article schema:mentions ?p . ?p skos:exactMatch <http://www.wikidata.org/entity/Q57665> }""")
    assert found == [["2"]]


def test_building_twice_changes_nothing(builder, tmp_path):
    store = open_store(str(tmp_path / "store"))
    build(read_articles([str(SEEDS)]), store=store, builder=builder)
    first = len(store)
    report = build(read_articles([str(SEEDS)]), store=store, builder=builder)
    assert report.ok and len(store) == first


def test_bad_input_keeps_what_is_stored(builder, tmp_path):
    store = open_store(str(tmp_path / "store"))
    build(read_articles([str(SEEDS)]), store=store, builder=builder)
    before = len(store)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe not utf8")
    report = build(read_articles([str(bad)]), store=store, builder=builder)
    assert not report.ok and report.failed[0][1].startswith("not UTF-8")
    assert len(store) == before


def test_store_persists_on_disk(builder, tmp_path):
    location = str(tmp_path / "store")
    store = open_store(location)
    build(read_articles([str(SEEDS)]), store=store, builder=builder)
    count = len(store)
    store.close()
    reopened = open_store(location, read_only=True)
    assert len(reopened) == count
    assert isinstance(reopened.query("ASK { ?s ?p ?o }"), ox.QueryBoolean)
