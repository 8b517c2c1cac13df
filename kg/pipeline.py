"""The build workflow: read -> extract -> link -> to_rdf -> reason -> store.

Each article is written in one transaction: its asserted and inferred graphs are
replaced (so building it again changes nothing), and the shared entity graphs grow.
An article that fails is recorded in the report with its reason; the batch goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rdflib import Graph

from kg.errors import ArticleError, KGError
from kg.extract import extract
from kg.extract.lexicon import Lexicon, load_lexicon
from kg.gazetteer import Gazetteer, load_gazetteer
from kg.iri import IRIMinter
from kg.link import link
from kg.mapping import to_rdf
from kg.model import Article, ArticleGraph, BuildReport
from kg.ontology import load_ontology
from kg.reason import reason
from kg.store.base import GraphStore
from kg.vocab import KG, PROV, RDF

__all__ = ["Builder", "build"]


@dataclass
class Builder:
    """The collaborators a build needs, made once and passed to every stage."""

    minter: IRIMinter
    gazetteer: Gazetteer
    lexicon: Lexicon
    ontology: Graph
    reasoning: bool = True

    @classmethod
    def create(cls, base_iri: str, *, reasoning: bool = True, language: str = "nb") -> Builder:
        return cls(IRIMinter(base_iri), load_gazetteer(language), load_lexicon(language),
                   load_ontology(), reasoning)

    def graphs(self, article: Article) -> ArticleGraph:
        extraction = extract(article, gazetteer=self.gazetteer, lexicon=self.lexicon)
        return to_rdf(link(extraction, gazetteer=self.gazetteer), minter=self.minter)

    def store_article(self, graphs: ArticleGraph, store: GraphStore) -> int:
        minter = self.minter
        replace: dict[str, Graph] = {graphs.graph_iri: graphs.asserted}
        entities = graphs.entities + Graph()
        entities.add((minter.entities_graph(), RDF.type, KG.AssertedGraph))
        add: dict[str, Graph] = {str(minter.entities_graph()): entities}
        if self.reasoning:
            inferred = reason(graphs.asserted, ontology=self.ontology, context=graphs.entities)
            inferred_iri = minter.inferred_graph(graphs.article_id)
            inferred.add((inferred_iri, RDF.type, KG.InferredGraph))
            inferred.add((inferred_iri, PROV.wasDerivedFrom, minter.article_graph(
                graphs.article_id)))
            replace[str(inferred_iri)] = inferred
            entity_inferences = reason(graphs.entities, ontology=self.ontology)
            entities_inferred = minter.entities_inferred_graph()
            entity_inferences.add((entities_inferred, RDF.type, KG.InferredGraph))
            entity_inferences.add((entities_inferred, PROV.wasDerivedFrom,
                                   minter.entities_graph()))
            add[str(entities_inferred)] = entity_inferences
        store.apply(replace=replace, add=add)
        return sum(len(g) for g in (*replace.values(), *add.values()))

    def store_ontology(self, store: GraphStore) -> None:
        store.apply(replace={str(self.minter.ontology_graph()): self.ontology}, add={})


def build(items: Iterable[Article | ArticleError], *, store: GraphStore, builder: Builder,
          progress: Callable[[str], None] | None = None) -> BuildReport:
    """Build every article into ``store``; failures are reported, not raised."""
    report = BuildReport()
    builder.store_ontology(store)
    for item in items:
        if isinstance(item, ArticleError):
            report.failed.append((item.source, item.reason))
        else:
            try:
                report.triples += builder.store_article(builder.graphs(item), store)
                report.stored.append(item.id)
            except KGError as exc:
                report.failed.append((item.source, exc.message))
            except Exception as exc:
                report.failed.append((item.source, f"internal error: {type(exc).__name__}: {exc}"))
        if progress is not None:
            progress(item.source)
    return report
