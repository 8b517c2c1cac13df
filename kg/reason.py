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
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import TypeVar

import owlrl
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD
from rdflib.term import Node

__all__ = ["CompiledReasoner", "nt_term", "reason"]

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


T = TypeVar("T", bound=Hashable)


def _closure(pairs: Iterable[tuple[T, T]]) -> dict[T, frozenset[T]]:
    direct: dict[T, set[T]] = defaultdict(set)
    for child, parent in pairs:
        if child != parent:
            direct[child].add(parent)
    result: dict[T, frozenset[T]] = {}
    for start in list(direct):
        seen: set[T] = set()
        stack = list(direct[start])
        while stack:
            node = stack.pop()
            if node not in seen and node != start:
                seen.add(node)
                stack.extend(direct.get(node, ()))
        result[start] = frozenset(seen)
    return result


Term = str  # a term in N-Triples syntax: "<http://…>", "_:b0", "\"text\"@nb"
_TYPE = f"<{RDF.type}>"
_SAME_AS = f"<{OWL.sameAs}>"
_TRIVIAL = {f"<{t}>" for t in _TRIVIAL_TYPES}


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def nt_term(node: Node) -> Term:
    """An rdflib term in N-Triples syntax (``n3()`` may write Turtle long strings)."""
    if isinstance(node, Literal):
        text = '"' + str(node).translate(_ESCAPES) + '"'
        if node.language:
            return f"{text}@{node.language}"
        if node.datatype is not None and str(node.datatype) != str(XSD.string):
            return f"{text}^^<{node.datatype}>"
        return text
    return node.n3()



@dataclass(frozen=True)
class CompiledReasoner:
    """OWL RL instance rules over a precomputed schema closure, on N-Triples term strings."""

    superclasses: dict[Term, frozenset[Term]]
    superproperties: dict[Term, frozenset[Term]]
    domains: dict[Term, frozenset[Term]]
    ranges: dict[Term, frozenset[Term]]
    inverses: dict[Term, frozenset[Term]]
    symmetric: frozenset[Term]
    transitive: frozenset[Term]

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

        def pairs(predicate: URIRef) -> list[tuple[Term, Term]]:
            return [(nt_term(a), nt_term(b)) for a, b in schema.subject_objects(predicate)]

        superproperties = _closure(pairs(RDFS.subPropertyOf))

        def by_property(predicate: URIRef) -> dict[Term, frozenset[Term]]:
            table: dict[Term, set[Term]] = defaultdict(set)
            for prop, value in pairs(predicate):
                table[prop].add(value)
            for prop, supers in superproperties.items():  # prp-spo1 then prp-dom/rng
                for sup in supers:
                    table[prop] |= table.get(sup, set())
            return {k: frozenset(v - _TRIVIAL) for k, v in table.items() if v - _TRIVIAL}

        inverse_pairs: dict[Term, set[Term]] = defaultdict(set)
        for a, b in pairs(OWL.inverseOf):
            inverse_pairs[a].add(b)
            inverse_pairs[b].add(a)
        return cls(
            superclasses={k: v - _TRIVIAL for k, v in _closure(pairs(RDFS.subClassOf)).items()},
            superproperties=superproperties,
            domains=by_property(RDFS.domain),
            ranges=by_property(RDFS.range),
            inverses={k: frozenset(v) for k, v in inverse_pairs.items()},
            symmetric=frozenset(nt_term(p) for p in
                                schema.subjects(RDF.type, OWL.SymmetricProperty)),
            transitive=frozenset(nt_term(p) for p in
                                 schema.subjects(RDF.type, OWL.TransitiveProperty)),
        )

    def _consequences(self, s: Term, p: Term, o: Term) -> list[tuple[Term, Term, Term]]:
        out = [(s, sup, o) for sup in self.superproperties.get(p, ())]
        out += [(s, _TYPE, cls) for cls in self.domains.get(p, ())]
        if not o.startswith('"'):
            out += [(o, _TYPE, cls) for cls in self.ranges.get(p, ())]
            out += [(o, inv, s) for inv in self.inverses.get(p, ())]
            if p in self.symmetric:
                out.append((o, p, s))
        if p == _TYPE:
            out += [(s, _TYPE, cls) for cls in self.superclasses.get(o, ())]
        return out

    def infer_terms(self, asserted: Iterable[tuple[Term, Term, Term]]
                    ) -> set[tuple[Term, Term, Term]]:
        """What the instance rules add, about the subjects of ``asserted`` (IRIs only)."""
        given = set(asserted)
        known = set(given)
        agenda = list(given)
        pairs_by_predicate: dict[Term, list[tuple[Term, Term]]] = defaultdict(list)
        while agenda:
            s, p, o = agenda.pop()
            new = self._consequences(s, p, o)
            if p in self.transitive:
                pairs = pairs_by_predicate[p]
                pairs.append((s, o))
                new += [(s, p, o2) for s2, o2 in pairs if s2 == o]
                new += [(s2, p, o) for s2, o2 in pairs if o2 == s]
            for triple in new:
                if triple not in known:
                    known.add(triple)
                    agenda.append(triple)
        subjects = {s for s, _, _ in given if s.startswith("<")}
        return {t for t in known - given if t[0] in subjects
                and not (t[1] == _SAME_AS and t[0] == t[2])
                and not (t[1] == _TYPE and (t[2] in _TRIVIAL or t[2].startswith('"')))}

    def infer_ntriples(self, asserted: Iterable[tuple[Term, Term, Term]]) -> str:
        return "".join(f"{s} {p} {o} .\n" for s, p, o in sorted(self.infer_terms(asserted)))

    def infer(self, asserted: Graph) -> Graph:
        """What the instance rules add to ``asserted`` (same contract as :func:`reason`)."""
        terms = ((nt_term(s), nt_term(p), nt_term(o)) for s, p, o in asserted)
        return Graph().parse(data=self.infer_ntriples(terms), format="nt")
