from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF

from kg.ontology import load_ontology
from kg.read import read_articles
from kg.reason import CompiledReasoner, reason
from kg.vocab import KG
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def compiled():
    return CompiledReasoner.compile(load_ontology())


def test_compiled_engine_agrees_with_owlrl_on_the_seeds(builder, compiled):
    for article in read_articles([str(SEEDS)]):
        graphs = builder.graphs(article)
        for data, context in ((graphs.asserted, graphs.entities), (graphs.entities, None)):
            expected = reason(data, ontology=builder.ontology, context=context)
            assert isomorphic(compiled.infer(data), expected)


def test_compiled_engine_subclass_subproperty_domain(compiled):
    g = Graph()
    s, p = URIRef("http://x/s"), URIRef("http://x/p")
    g.add((s, KG.speaker, p))
    inferred = compiled.infer(g)
    assert (s, RDF.type, KG.Statement) in inferred  # domain
    assert (s, URIRef("http://schema.org/author"), p) in inferred  # subproperty
    assert (s, RDF.type, URIRef("http://schema.org/Claim")) in inferred  # superclass of domain


def test_compiled_engine_inverse_symmetric_transitive():
    onto = Graph()
    a, b, c = (URIRef(f"http://x/{n}") for n in "abc")
    knows, known_by, near, part = (URIRef(f"http://x/{n}") for n in ("knows", "knownBy", "near",
                                                                     "partOf"))
    onto.add((knows, OWL.inverseOf, known_by))
    onto.add((near, RDF.type, OWL.SymmetricProperty))
    onto.add((part, RDF.type, OWL.TransitiveProperty))
    data = Graph()
    data.add((a, knows, b))
    data.add((a, near, b))
    data.add((a, part, b))
    data.add((b, part, c))
    engine = CompiledReasoner.compile(onto)
    assert isomorphic(engine.infer(data), reason(data, ontology=onto))


def test_compile_refuses_unsupported_axioms():
    onto = Graph()
    onto.add((URIRef("http://x/p"), RDF.type, OWL.FunctionalProperty))
    with pytest.raises(ValueError, match="FunctionalProperty"):
        CompiledReasoner.compile(onto)
