"""OWL RL reasoning with owlrl, returning only what it adds.

owlrl expands the graph it is given in place, so reasoning runs on a copy and the
difference is returned. Trivial consequences (reflexive ``owl:sameAs``, ``owl:Thing``
types, facts about the ontology's own terms, literal-typing triples) are dropped: the
result holds only new facts about the instance nodes given.
"""

from __future__ import annotations

import owlrl
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

__all__ = ["reason"]

_TRIVIAL_TYPES = {OWL.Thing, RDFS.Resource, OWL.NamedIndividual, RDFS.Class, OWL.Class}


def reason(asserted: Graph, *, ontology: Graph, context: Graph | None = None) -> Graph:
    """Triples OWL RL entails from ``ontology`` + ``context`` + ``asserted`` that none of them
    states, restricted to subjects that occur as subjects in ``asserted``.

    >>> from kg.ontology import load_ontology
    >>> from kg.vocab import KG
    >>> g = Graph(); p = URIRef("http://x/p"); _ = g.add((p, RDF.type, KG.Person))
    >>> (p, RDF.type, KG.Actor) in reason(g, ontology=load_ontology())
    True
    """
    closure = Graph()
    for source in (ontology, context, asserted):
        if source is not None:
            for triple in source:
                closure.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False,
                           datatype_axioms=False).expand(closure)
    subjects = {s for s in asserted.subjects() if isinstance(s, URIRef)}
    inferred = Graph()
    for s, p, o in closure:
        if s not in subjects or (s, p, o) in asserted:
            continue
        if context is not None and (s, p, o) in context:
            continue
        if p == OWL.sameAs and s == o:
            continue
        if p == RDF.type and o in _TRIVIAL_TYPES:
            continue
        if isinstance(o, Literal) and p == RDF.type:
            continue
        inferred.add((s, p, o))
    return inferred
