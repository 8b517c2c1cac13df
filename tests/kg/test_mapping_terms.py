"""Roles, time words and extra evidence in RDF; the ontology and context cover every term."""

from __future__ import annotations

import json

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.extract import extract
from kg.extract.lexicon import load_lexicon
from kg.gazetteer import load_gazetteer
from kg.iri import IRIMinter
from kg.link import link
from kg.mapping import to_rdf
from kg.model import Article
from kg.vocab import KG, OA
from tests.conftest import ROOT
from tests.kg.test_pipeline import rows


def _graph(body: str, published: str) -> tuple[Graph, str]:
    head = f" date {published} "
    article = Article("x1", head + body, published, "test", body_start=len(head))
    extraction = extract(article, gazetteer=load_gazetteer(), lexicon=load_lexicon())
    graphs = to_rdf(link(extraction, gazetteer=load_gazetteer()),
                    minter=IRIMinter("http://127.0.0.1:8000/"))
    return graphs.asserted + graphs.entities, article.text


def test_roles_are_dated_nodes_with_evidence():
    graph, text = _graph("Utenriksminister Kari Nordmann (Ap) sier at Norge bidrar.", "2023-05-10")
    [position] = graph.subjects(RDF.type, KG.PositionHolding)
    assert graph.value(position, KG.position) == Literal("utenriksminister", lang="nb")
    assert graph.value(position, KG.validAt) == Literal("2023-05-10", datatype=XSD.date)
    holder = graph.value(position, KG.holder)
    assert graph.value(holder, RDFS.label) is not None
    [membership] = graph.subjects(RDF.type, KG.PartyMembership)
    assert graph.value(membership, KG.holder) == holder
    for role in (position, membership):
        [annotation] = graph.subjects(OA.hasBody, role)
        selectors = list(graph.objects(graph.value(annotation, OA.hasTarget), OA.hasSelector))
        start = next(graph.value(s, OA.start) for s in selectors if graph.value(s, OA.start))
        end = next(graph.value(s, OA.end) for s in selectors if graph.value(s, OA.end))
        exact = next(graph.value(s, OA.exact) for s in selectors if graph.value(s, OA.exact))
        assert text[int(start):int(end)] == str(exact)


def test_time_words_and_month_interval():
    graph, _ = _graph("– Vi er klare, sa Kari Nordmann tirsdag.", "2023-05")
    [statement] = graph.subjects(RDF.type, KG.Statement)
    assert graph.value(statement, KG.dateText) == Literal("tirsdag", lang="nb")
    assert graph.value(statement, KG.date) == Literal("2023-05", datatype=XSD.gYearMonth)


def test_merged_action_keeps_every_evidence_and_statements_are_about_it():
    graph, _ = _graph("Danmark sender soldater til Latvia, sier Kari Nordmann. Senere bekreftet "
                      "regjeringen at Danmark sender soldater til Latvia.", "2023-05")
    [action] = graph.subjects(RDF.type, KG.Deployment)
    assert len(list(graph.subjects(OA.hasBody, action))) == 2
    assert list(graph.subjects(KG.about, action))


def test_seed_roles_through_sparql(seeded_store):
    found = rows(seeded_store, """
        SELECT ?title ?of WHERE { ?r a kg:PositionHolding ; kg:holder ?p ; kg:position ?title ;
               kg:roleOf/rdfs:label ?of .
          ?p skos:exactMatch <http://www.wikidata.org/entity/Q57665> FILTER(lang(?of) = "nb") }""")
    assert ["generalsekretær", "Nato"] in found


def test_no_party_from_a_photo_credit(seeded_store):
    found = rows(seeded_store, """
        SELECT ?r WHERE { ?r a kg:PartyMembership ; kg:holder ?p . ?p rdfs:label "AP"@nb }""")
    assert found == []


def test_every_ontology_term_is_labelled_and_in_the_context():
    ontology = Graph().parse(ROOT / "ontology" / "kg.ttl")
    context = json.loads((ROOT / "ontology" / "context.jsonld").read_text(encoding="utf-8"))
    terms = {str(v["@id"] if isinstance(v, dict) else v) for v in context["@context"].values()}
    missing = []
    for term in set(ontology.subjects()):
        if not isinstance(term, URIRef) or not str(term).startswith(str(KG)):
            continue
        langs = {label.language for label in ontology.objects(term, RDFS.label)} | {
            label.language for label in ontology.objects(
                term, URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"))}
        if not {"en", "nb"} <= langs:
            missing.append(f"{term} labels {langs}")
        local = "kg:" + str(term)[len(str(KG)):]
        new_terms = ("Role", "PositionHolding", "PartyMembership", "holder", "roleOf", "position",
                     "validAt", "dateText", "date", "endDate", "near", "location", "locationText",
                     "origin")
        if local[3:] in new_terms and local not in terms:
            missing.append(f"{local} not in context.jsonld")
    assert missing == []


def test_no_blank_nodes_so_every_node_dereferences():
    from rdflib import BNode

    graph, _ = _graph("Utenriksminister Kari Nordmann (Ap) sier at Norge sender 50 soldater til "
                      "Litauen tirsdag.", "2023-05-10")
    assert not any(isinstance(term, BNode) for triple in graph for term in triple)


def test_one_node_per_person_across_articles_whatever_names_them():
    from rdflib.namespace import SKOS

    nodes = set()
    for body in ("Jens Stoltenberg sier at alliansen er klar.",
                 "– Vi er klare, sier Nato-sjefen.",
                 "Natos generalsekretær understreket at alliansen står samlet.",
                 "Stoltenberg: – Vi står sammen\n\nMøtet varte i to timer."):
        graph, _ = _graph(body, "2022-03")
        [statement] = graph.subjects(RDF.type, KG.Statement)
        speaker = graph.value(statement, KG.speaker)
        assert graph.value(speaker, SKOS.exactMatch) == URIRef(
            "http://www.wikidata.org/entity/Q57665")
        nodes.add(speaker)
    assert len(nodes) == 1


def test_new_entities_get_stable_readable_iris():
    first, _ = _graph("Kari Nordmann sier at Norge bidrar.", "2023-05")
    second, _ = _graph("Senere sa Kari Nordmann at alt er klart.", "2023-06")
    speakers = {graph.value(next(graph.subjects(RDF.type, KG.Statement)), KG.speaker)
                for graph in (first, second)}
    assert speakers == {URIRef("http://127.0.0.1:8000/id/person/kari-nordmann")}


def test_a_joint_action_names_its_co_agents_in_rdf():
    graph, _ = _graph("Norge og Danmark sender fregatter til Østersjøen.", "2025-03")
    (action,) = graph.subjects(RDF.type, KG.Deployment)

    def names(prop):
        return {str(label) for node in graph.objects(action, prop)
                for label in graph.objects(node, RDFS.label) if label.language == "nb"}

    assert (names(KG.agent), names(KG.coAgent)) == ({"Norge"}, {"Danmark"})


def test_an_attack_names_its_target_in_rdf():
    graph, _ = _graph("Russland angrep Ukraina i natt.", "2025-03")
    (action,) = graph.subjects(RDF.type, KG.Attack)
    assert {str(label) for node in graph.objects(action, KG.target)
            for label in graph.objects(node, RDFS.label) if label.language == "nb"} == {"Ukraina"}


def test_an_action_says_where_it_takes_place_and_what_it_is_near_in_rdf():
    graph, _ = _graph("Russland holder en stor militærøvelse i Belarus nær den polske grensen.",
                      "2025-03")
    (action,) = graph.subjects(RDF.type, KG.Exercise)

    def names(prop):
        return {str(label) for node in graph.objects(action, prop)
                for label in graph.objects(node, RDFS.label) if label.language == "nb"}

    assert (names(KG.location), names(KG.near)) == ({"Belarus"}, {"Polen"})
    assert graph.value(action, KG.locationText) == Literal("i Belarus", lang="nb")


def test_a_withdrawal_names_what_it_leaves_in_rdf():
    graph, _ = _graph("Tyskland har trukket sine styrker ut av Niger.", "2025-03")
    (action,) = graph.subjects(RDF.type, KG.Withdrawal)
    assert {str(label) for node in graph.objects(action, KG.origin)
            for label in graph.objects(node, RDFS.label) if label.language == "nb"} == {"Niger"}


def test_location_is_a_sem_place_and_near_is_declared():
    from kg.vocab import SEM

    ontology = Graph().parse(ROOT / "ontology" / "kg.ttl")
    assert (KG.location, RDFS.subPropertyOf, SEM.hasPlace) in ontology
    assert (KG.origin, RDFS.subPropertyOf, SEM.hasPlace) in ontology
    for term in (KG.near, KG.location, KG.locationText, KG.origin):
        assert (term, RDFS.domain, KG.MilitaryAction) in ontology
