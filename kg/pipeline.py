"""The build workflow: read -> extract -> link -> to_rdf -> reason -> store.

The CPU-bound stages run in worker processes (``prepare``: one article in, the N-Triples
to write out); the main process is the store's only writer. Each article is written in
one transaction: its asserted and inferred graphs are replaced (so building it again
changes nothing) and the shared entity graphs grow. An article whose content hash is
already stored is skipped, so an interrupted build resumes where it stopped. Failures are
recorded in the report with their reason; the batch goes on. Work is submitted through a
bounded window, so memory stays flat however large the corpus.
"""

from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property

from rdflib import Graph, Literal, URIRef

from kg import __version__
from kg.errors import ArticleError, KGError
from kg.extract import extract
from kg.extract.learned import TriggerDetector, default_model_path, load_detector
from kg.extract.lexicon import Lexicon, load_lexicon
from kg.gazetteer import Gazetteer, load_gazetteer
from kg.iri import IRIMinter
from kg.link import link
from kg.mapping import to_rdf
from kg.model import Article, ArticleGraph, BuildReport
from kg.ontology import load_ontology, ontology_path
from kg.reason import CompiledReasoner, nt_term, reason
from kg.store.base import GraphStore
from kg.vocab import KG, PROV, RDF

__all__ = ["Builder", "PreparedArticle", "build", "rematerialise"]

_WINDOW_PER_WORKER = 8  # articles in flight per worker process
_FLUSH_EVERY = 100  # articles between store flushes


@dataclass(frozen=True)
class PreparedArticle:
    """Everything one article writes, as N-Triples text per named graph."""

    article_id: str
    source: str
    replace: dict[str, str]
    add: dict[str, str]
    triples: int


@dataclass
class Builder:
    """The collaborators a build needs, made once (per process) and passed to every stage."""

    minter: IRIMinter
    gazetteer: Gazetteer
    lexicon: Lexicon
    ontology: Graph
    reasoning: bool = True
    engine: str = "compiled"
    compiled: CompiledReasoner | None = field(default=None, repr=False)
    ner: bool = True  # the shipped statistical recogniser for names no gazetteer knows
    learned: bool = True  # the shipped learned trigger detector (kg.extract.learned)

    @classmethod
    def create(cls, base_iri: str, *, reasoning: bool = True, reasoner: str = "compiled",
               language: str = "nb", ner: bool = True, learned: bool = True) -> Builder:
        if reasoner not in ("compiled", "owlrl"):
            raise KGError(f"unknown reasoner {reasoner!r}: use 'compiled' or 'owlrl'")
        ontology = load_ontology()
        compiled = CompiledReasoner.compile(ontology) if reasoning and reasoner == "compiled" \
            else None
        return cls(IRIMinter(base_iri), load_gazetteer(language), load_lexicon(language),
                   ontology, reasoning, reasoner, compiled, ner, learned)

    @cached_property
    def detector(self) -> TriggerDetector | None:
        return load_detector(self.lexicon.language) if self.learned else None

    @cached_property
    def fingerprint(self) -> str:
        """What an article's graph depends on besides its text: code, rules, ontology."""
        digest = hashlib.sha256(f"{__version__}|{self.lexicon.version}|{self.engine}|"
                                f"{self.reasoning}|{self.minter.base}|ner={self.ner}|"
                                f"learned={self.learned}".encode())
        digest.update(ontology_path().read_bytes())
        # the model's bytes, not the loaded detector: the process that only stores need not
        # load it
        model = default_model_path(self.lexicon.language)
        if self.learned and model.exists():
            digest.update(model.read_bytes())
        return digest.hexdigest()[:16]

    def content_hash(self, article: Article) -> str:
        digest = hashlib.sha256(self.fingerprint.encode())
        for part in (article.text, article.published, article.title or "", article.url or "",
                     article.publisher or "", article.language):
            digest.update(b"\x00" + part.encode())
        return digest.hexdigest()

    def graphs(self, article: Article) -> ArticleGraph:
        extraction = extract(article, gazetteer=self.gazetteer, lexicon=self.lexicon,
                             recognizer=recognize if self.ner else None,
                             detector=self.detector)
        return to_rdf(link(extraction, gazetteer=self.gazetteer), minter=self.minter)

    def infer(self, data: Graph, context: Graph | None = None) -> str:
        """N-Triples of what reasoning adds to ``data`` (``context``: facts it may use)."""
        if self.compiled is not None:
            return self.compiled.infer_ntriples(
                (nt_term(s), nt_term(p), nt_term(o)) for s, p, o in data)
        return reason(data, ontology=self.ontology, context=context).serialize(format="nt")

    def prepare(self, article: Article) -> PreparedArticle:
        """The CPU-bound part of building one article (no I/O)."""
        graphs = self.graphs(article)
        minter = self.minter
        graph_iri = URIRef(graphs.graph_iri)
        asserted = graphs.asserted
        asserted.add((graph_iri, KG.contentHash, Literal(self.content_hash(article))))
        entities = graphs.entities + Graph()
        entities.add((minter.entities_graph(), RDF.type, KG.AssertedGraph))
        replace = {graphs.graph_iri: asserted.serialize(format="nt")}
        add = {str(minter.entities_graph()): entities.serialize(format="nt")}
        if self.reasoning:
            inferred_iri = minter.inferred_graph(graphs.article_id)
            replace[str(inferred_iri)] = self.infer(graphs.asserted, graphs.entities) + \
                _graph_description(inferred_iri, graph_iri)
            entities_inferred = minter.entities_inferred_graph()
            add[str(entities_inferred)] = self.infer(graphs.entities) + _graph_description(
                entities_inferred, minter.entities_graph())
        count = sum(text.count("\n") for text in (*replace.values(), *add.values()))
        return PreparedArticle(article.id, article.source, replace, add, count)

    def store_ontology(self, store: GraphStore) -> None:
        store.apply(replace={str(self.minter.ontology_graph()): self.ontology}, add={})

    def stored_hashes(self, store: GraphStore) -> dict[str, str]:
        """Content hash of every article graph in the store (to skip unchanged articles)."""
        result = store.query(f"SELECT ?g ?h WHERE {{ GRAPH ?g {{ ?g <{KG.contentHash}> ?h }} }}")
        return {row[0].value: row[1].value for row in result}


def recognize(text: str) -> Sequence[tuple[int, int, str]]:
    """:func:`kg.nlp.recognize`, imported (and its model loaded) on first use only: most
    articles never need it, and spaCy is slow to import."""
    from kg.nlp import recognize as run

    return run(text)


# Worker-process state: one Builder per process, made by the pool initializer.
_WORKER: Builder | None = None


def _init_worker(base_iri: str, reasoning: bool, reasoner: str, language: str,
                 ner: bool, learned: bool) -> None:
    global _WORKER
    _WORKER = Builder.create(base_iri, reasoning=reasoning, reasoner=reasoner,
                             language=language, ner=ner, learned=learned)


def _prepare_in_worker(article: Article) -> PreparedArticle | tuple[str, str]:
    assert _WORKER is not None
    return _safe_prepare(_WORKER, article)


def _safe_prepare(builder: Builder, article: Article) -> PreparedArticle | tuple[str, str]:
    try:
        return builder.prepare(article)
    except KGError as exc:
        return article.source, exc.message
    except Exception as exc:
        return article.source, f"internal error: {type(exc).__name__}: {exc}"


_Result = ArticleError | PreparedArticle | tuple[str, str]  # tuple: (source, reason)


def _prepared(items: Iterable[Article | ArticleError], builder: Builder, workers: int,
              language: str) -> Iterator[_Result]:
    """In input order: read errors as they are, articles prepared (in workers when > 1)."""
    if workers <= 1:
        for item in items:
            yield _safe_prepare(builder, item) if isinstance(item, Article) else item
        return
    window: deque[Future[PreparedArticle | tuple[str, str]] | ArticleError] = deque()
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(
            builder.minter.base, builder.reasoning, builder.engine, language,
            builder.ner, builder.learned)) as pool:
        for item in items:
            window.append(pool.submit(_prepare_in_worker, item)
                          if isinstance(item, Article) else item)
            while len(window) > workers * _WINDOW_PER_WORKER:
                yield _settle(window.popleft())
        while window:
            yield _settle(window.popleft())


def _settle(entry: Future[PreparedArticle | tuple[str, str]] | ArticleError) -> _Result:
    return entry if isinstance(entry, ArticleError) else entry.result()


def build(items: Iterable[Article | ArticleError], *, store: GraphStore, builder: Builder,
          progress: Callable[[str], None] | None = None, workers: int = 1, force: bool = False,
          language: str = "nb", on_stored: Callable[[str], None] | None = None) -> BuildReport:
    """Build every article into ``store``; failures are reported, not raised.

    ``workers`` > 1 prepares articles in that many processes. Unless ``force``, an article
    whose content hash is already stored is left as it is (``report.unchanged``).
    ``on_stored`` is called with each article id once its transaction has committed.
    """
    report = BuildReport()
    builder.store_ontology(store)
    known = {} if force else builder.stored_hashes(store)
    workers = workers or (os.cpu_count() or 1)

    def pending() -> Iterator[Article | ArticleError]:
        for item in items:
            if isinstance(item, Article) and known.get(
                    str(builder.minter.article_graph(item.id))) == builder.content_hash(item):
                report.unchanged.append(item.id)
                if progress is not None:
                    progress(item.source)
                continue
            yield item

    for result in _prepared(pending(), builder, workers, language):
        if isinstance(result, ArticleError):
            report.failed.append((result.source, result.reason))
            source = result.source
        elif isinstance(result, tuple):
            report.failed.append(result)
            source = result[0]
        else:
            source = result.source
            try:
                store.apply(replace=result.replace, add=result.add)
            except KGError as exc:
                report.failed.append((result.source, exc.message))
            else:
                report.stored.append(result.article_id)
                report.triples += result.triples
                if len(report.stored) % _FLUSH_EVERY == 0:
                    store.flush()  # bounds the store's write buffers: memory stays flat
                if on_stored is not None:
                    on_stored(result.article_id)
        if progress is not None:
            progress(source)
    return report


def rematerialise(store: GraphStore, builder: Builder,
                  progress: Callable[[str], None] | None = None) -> int:
    """Recompute every inferred graph from the asserted graphs and the current ontology
    (after an ontology change). Each article's inferences are replaced in one transaction;
    returns the number of inferred triples written."""
    builder.store_ontology(store)
    minter = builder.minter
    prefix = minter.base + "graph/article/"
    written = 0
    for name in [g for g in store.named_graphs() if g.startswith(prefix)]:
        inferred_iri = minter.inferred_graph(name[len(prefix):])
        text = _infer_stored(store, builder, name)
        store.apply(replace={str(inferred_iri): text + _graph_description(
            inferred_iri, URIRef(name))}, add={})
        written += text.count("\n")
        if progress is not None:
            progress(name)
    entities_inferred = minter.entities_inferred_graph()
    text = _infer_stored(store, builder, str(minter.entities_graph()))
    store.apply(replace={str(entities_inferred): text + _graph_description(
        entities_inferred, minter.entities_graph())}, add={})
    return written + text.count("\n")


def _graph_description(graph: URIRef, derived_from: URIRef) -> str:
    return (f"<{graph}> <{RDF.type}> <{KG.InferredGraph}> .\n"
            f"<{graph}> <{PROV.wasDerivedFrom}> <{derived_from}> .\n")


def _infer_stored(store: GraphStore, builder: Builder, name: str) -> str:
    """Inferences for a stored graph, read straight from the store."""
    result = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
    if builder.compiled is not None:
        return builder.compiled.infer_ntriples(
            (str(t.subject), str(t.predicate), str(t.object)) for t in result)
    data = "".join(f"{t.subject} {t.predicate} {t.object} .\n" for t in result)
    return builder.infer(Graph().parse(data=data, format="nt"))
