"""OWL RL reasoning, returning only what it adds.

Two engines give the same answer:

* :func:`reason`: owlrl's full OWL RL closure over ontology + data (the reference; slow:
  about half a second per article);
* :class:`CompiledReasoner`: owlrl computes the *schema* closure once (subclass and
  subproperty hierarchies, domains, ranges, inverse, symmetric and transitive properties);
  the OWL RL instance rules over those axioms (cax-sco, prp-spo1, prp-dom, prp-rng,
  prp-inv, prp-symp, prp-trp) then run in plain Python, in milliseconds per article.
  The ontology must use no other axiom kinds (restrictions, property chains, keys,
  functional properties, owl:sameAs between individuals); :meth:`CompiledReasoner.compile`
  refuses an ontology that does, and a test checks both engines agree.

Trivial consequences (reflexive ``owl:sameAs``, ``owl:Thing`` types, literal typing) are
dropped, and only triples about the subjects of the input graph are returned.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import owlrl
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

__all__ = ["CompiledReasoner", "reason"]

_TRIVIAL_TYPES = {OWL.Thing, RDFS.Resource, OWL.NamedIndividual, RDFS.Class, OWL.Class}
_UNSUPPORTED = (OWL.Restriction, OWL.FunctionalProperty, OWL.InverseFunctionalProperty,
                OWL.propertyChainAxiom, OWL.hasKey, OWL.unionOf, OWL.intersectionOf,
                OWL.equivalentClass, OWL.equivalentProperty, OWL.sameAs, OWL.oneOf,
                OWL.AllDisjointClasses, OWL.disjointWith, OWL.complementOf)


def _keep(triple: tuple[Node, Node, Node]) -> bool:
    s, p, o = triple
    if p == OWL.sameAs and s == o:
        return False
    return not (p == RDF.type and (o in _TRIVIAL_TYPES or isinstance(o, Literal)))


def reason(asserted: Graph, *, ontology: Graph, context: Graph | None = None) -> Graph:
    """Triples OWL RL entails from ``ontology`` + ``context`` + ``asserted`` that none of them
    states, restricted to subjects that occur as subjects in ``asserted`` (owlrl engine).

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
    for triple in closure:
        if triple[0] not in subjects or triple in asserted:
            continue
        if context is not None and triple in context:
            continue
        if _keep(triple):
            inferred.add(triple)
    return inferred


def _closure(pairs: Iterable[tuple[Node, Node]]) -> dict[Node, frozenset[Node]]:
    direct: dict[Node, set[Node]] = defaultdict(set)
    for child, parent in pairs:
        if child != parent:
            direct[child].add(parent)
    result: dict[Node, frozenset[Node]] = {}
    for start in list(direct):
        seen: set[Node] = set()
        stack = list(direct[start])
        while stack:
            node = stack.pop()
            if node not in seen and node != start:
                seen.add(node)
                stack.extend(direct.get(node, ()))
        result[start] = frozenset(seen)
    return result


@dataclass(frozen=True)
class CompiledReasoner:
    superclasses: dict[Node, frozenset[Node]]
    superproperties: dict[Node, frozenset[Node]]
    domains: dict[Node, frozenset[Node]]
    ranges: dict[Node, frozenset[Node]]
    inverses: dict[Node, frozenset[Node]]
    symmetric: frozenset[Node]
    transitive: frozenset[Node]

    @classmethod
    def compile(cls, ontology: Graph) -> CompiledReasoner:
        """Compute the schema closure with owlrl and keep what the instance rules need."""
        for axiom in _UNSUPPORTED:
            if (None, None, axiom) in ontology or (None, axiom, None) in ontology:
                raise ValueError(f"the compiled reasoner does not support {axiom}; "
                                 "use the owlrl engine")
        schema = Graph()
        for triple in ontology:
            schema.add(triple)
        owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False,
                               datatype_axioms=False).expand(schema)
        superproperties = _closure(schema.subject_objects(RDFS.subPropertyOf))

        def by_property(predicate: URIRef) -> dict[Node, frozenset[Node]]:
            table: dict[Node, set[Node]] = defaultdict(set)
            for prop, value in schema.subject_objects(predicate):
                table[prop].add(value)
            for prop, supers in superproperties.items():  # prp-spo1 then prp-dom/rng
                for sup in supers:
                    table[prop] |= table.get(sup, set())
            return {k: frozenset(v - _TRIVIAL_TYPES) for k, v in table.items() if v}

        inverse_pairs: dict[Node, set[Node]] = defaultdict(set)
        for a, b in schema.subject_objects(OWL.inverseOf):
            inverse_pairs[a].add(b)
            inverse_pairs[b].add(a)
        return cls(
            superclasses={k: v - _TRIVIAL_TYPES for k, v in
                          _closure(schema.subject_objects(RDFS.subClassOf)).items()},
            superproperties=superproperties,
            domains=by_property(RDFS.domain),
            ranges=by_property(RDFS.range),
            inverses={k: frozenset(v) for k, v in inverse_pairs.items()},
            symmetric=frozenset(schema.subjects(RDF.type, OWL.SymmetricProperty)),
            transitive=frozenset(schema.subjects(RDF.type, OWL.TransitiveProperty)),
        )

    def _consequences(self, s: Node, p: Node, o: Node) -> Iterable[tuple[Node, Node, Node]]:
        for sup in self.superproperties.get(p, ()):
            yield s, sup, o
        for cls in self.domains.get(p, ()):
            yield s, RDF.type, cls
        if not isinstance(o, Literal):
            for cls in self.ranges.get(p, ()):
                yield o, RDF.type, cls
            for inv in self.inverses.get(p, ()):
                yield o, inv, s
            if p in self.symmetric:
                yield o, p, s
        if p == RDF.type:
            for cls in self.superclasses.get(o, ()):
                yield s, RDF.type, cls

    def infer(self, asserted: Graph) -> Graph:
        """What the instance rules add to ``asserted`` (same contract as :func:`reason`)."""
        known: set[tuple[Node, Node, Node]] = set(asserted)
        agenda = list(known)
        by_predicate: dict[Node, list[tuple[Node, Node]]] = defaultdict(list)
        while agenda:
            s, p, o = agenda.pop()
            new = list(self._consequences(s, p, o))
            if p in self.transitive:
                by_predicate[p].append((s, o))
                new += [(s, p, o2) for s2, o2 in by_predicate[p] if s2 == o]
                new += [(s2, p, o) for s2, o2 in by_predicate[p] if o2 == s]
            for triple in new:
                if triple not in known:
                    known.add(triple)
                    agenda.append(triple)
        subjects = {s for s in asserted.subjects() if isinstance(s, URIRef)}
        inferred = Graph()
        for triple in known:
            if triple[0] in subjects and triple not in asserted and _keep(triple):
                inferred.add(triple)
        return inferred
