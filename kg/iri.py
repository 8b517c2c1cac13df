"""The only place IRIs are minted. All IRIs live under the configured base IRI.

>>> m = IRIMinter("http://127.0.0.1:8000/")
>>> m.article("000_abc")
rdflib.term.URIRef('http://127.0.0.1:8000/id/article/000_abc')
>>> m.entity("Person", "jens-stoltenberg")
rdflib.term.URIRef('http://127.0.0.1:8000/id/person/jens-stoltenberg')
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

__all__ = ["IRIMinter"]


@dataclass(frozen=True)
class IRIMinter:
    base: str

    def __post_init__(self) -> None:
        if not self.base.endswith("/"):
            object.__setattr__(self, "base", self.base + "/")

    def _iri(self, path: str) -> URIRef:
        return URIRef(self.base + path)

    def article(self, article_id: str) -> URIRef:
        return self._iri(f"id/article/{article_id}")

    def article_graph(self, article_id: str) -> URIRef:
        return self._iri(f"graph/article/{article_id}")

    def inferred_graph(self, article_id: str) -> URIRef:
        return self._iri(f"graph/inferred/{article_id}")

    def entities_graph(self) -> URIRef:
        """Shared descriptions of entities (labels, types, Wikidata links)."""
        return self._iri("graph/entities")

    def entities_inferred_graph(self) -> URIRef:
        return self._iri("graph/inferred/entities")

    def ontology_graph(self) -> URIRef:
        return self._iri("graph/ontology")

    def entity(self, type_name: str, slug: str) -> URIRef:
        return self._iri(f"id/{type_name.lower()}/{slug}")

    def statement(self, article_id: str, number: int) -> URIRef:
        return self._iri(f"id/statement/{article_id}-{number}")

    def action(self, article_id: str, number: int) -> URIRef:
        return self._iri(f"id/action/{article_id}-{number}")

    def annotation(self, article_id: str, kind: str, number: int) -> URIRef:
        return self._iri(f"id/annotation/{article_id}-{kind}{number}")

    def is_local(self, iri: str) -> bool:
        return iri.startswith(self.base)
