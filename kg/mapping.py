"""Mapping: a linked extraction -> RDF (one named graph per article + shared entity facts).

Every Statement, MilitaryAction and entity mention carries its evidence as a W3C Web
Annotation whose TextPositionSelector offsets (code points) slice the article's
``schema:text`` to the TextQuoteSelector's ``oa:exact``.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from kg.iri import IRIMinter
from kg.model import Article, ArticleGraph, LinkedExtraction, Span
from kg.vocab import KG, OA, SCHEMA, WD

__all__ = ["to_rdf"]

_CONTEXT_CHARS = 32  # prefix/suffix length of TextQuoteSelectors


def _date_literal(value: str) -> Literal:
    datatype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}.get(len(value), XSD.string)
    return Literal(value, datatype=datatype)


_OA_TYPES = (OA.Annotation, OA.SpecificResource, OA.TextPositionSelector, OA.TextQuoteSelector)


def _annotate(graph: Graph, iri: URIRef, body: URIRef, article: Article, article_iri: URIRef,
              span: Span, motivation: URIRef) -> None:
    text = article.text
    target, position, quote = URIRef(iri + "#target"), URIRef(iri + "#position"), URIRef(
        iri + "#quote")
    annotation, resource, by_position, by_quote = _OA_TYPES
    triples = (
        (iri, RDF.type, annotation),
        (iri, OA.motivatedBy, motivation),
        (iri, OA.hasBody, body),
        (iri, OA.hasTarget, target),
        (target, RDF.type, resource),
        (target, OA.hasSource, article_iri),
        (target, OA.hasSelector, position),
        (target, OA.hasSelector, quote),
        (position, RDF.type, by_position),
        (position, OA.start, Literal(span.start, datatype=XSD.nonNegativeInteger)),
        (position, OA.end, Literal(span.end, datatype=XSD.nonNegativeInteger)),
        (quote, RDF.type, by_quote),
        (quote, OA.exact, Literal(text[span.start : span.end])),
        (quote, OA.prefix, Literal(text[max(0, span.start - _CONTEXT_CHARS) : span.start])),
        (quote, OA.suffix, Literal(text[span.end : span.end + _CONTEXT_CHARS])),
    )
    graph.addN((s, p, o, graph) for s, p, o in triples)


def _dates(graph: Graph, iri: URIRef, text: str | None, value: str | None,
           language: str) -> None:
    if text:
        graph.add((iri, KG.dateText, Literal(text, lang=language)))
    if value:
        graph.add((iri, KG.date, _date_literal(value)))


def to_rdf(linked: LinkedExtraction, *, minter: IRIMinter) -> ArticleGraph:
    """RDF for one article.

    ``asserted`` holds what only this article says (the article node, statements,
    actions, annotations); ``entities`` holds entity descriptions shared by all articles.
    """
    extraction = linked.extraction
    article = extraction.article
    aid = article.id
    # No prefix bindings: they only matter for Turtle output, and cost time per article.
    graph, entities = Graph(bind_namespaces="none"), Graph(bind_namespaces="none")
    article_iri = minter.article(aid)
    graph_iri = minter.article_graph(aid)

    graph.add((graph_iri, RDF.type, KG.AssertedGraph))
    graph.add((graph_iri, PROV.wasDerivedFrom, article_iri))
    graph.add((graph_iri, KG.extractor, Literal(extraction.extractor)))

    graph.add((article_iri, RDF.type, KG.Article))
    graph.add((article_iri, SCHEMA.text, Literal(article.text)))
    graph.add((article_iri, SCHEMA.datePublished, _date_literal(article.published)))
    graph.add((article_iri, SCHEMA.inLanguage, Literal(article.language)))
    graph.add((article_iri, SCHEMA.identifier, Literal(aid)))
    if article.title:
        graph.add((article_iri, SCHEMA.headline, Literal(article.title, lang=article.language)))
    if article.url:
        graph.add((article_iri, SCHEMA.url, URIRef(article.url)))
    if extraction.dateline:
        graph.add((article_iri, KG.dateline, Literal(extraction.dateline)))

    iris: dict[str, URIRef] = {}
    for key, entity_link in linked.links.items():
        iri = minter.entity(entity_link.type.value, entity_link.slug)
        iris[key] = iri
        entities.add((iri, RDF.type, KG[entity_link.type.value]))
        entities.add((iri, RDFS.label, Literal(entity_link.label_nb, lang="nb")))
        if entity_link.label_en:
            entities.add((iri, RDFS.label, Literal(entity_link.label_en, lang="en")))
        if entity_link.wikidata:
            entities.add((iri, SKOS.exactMatch, WD[entity_link.wikidata]))
    if extraction.publisher and extraction.publisher in iris:
        graph.add((article_iri, SCHEMA.publisher, iris[extraction.publisher]))
    elif article.publisher:
        graph.add((article_iri, SCHEMA.publisher, Literal(article.publisher)))

    mention_number = 0
    for entity in extraction.entities:
        if entity.mentions:
            graph.add((article_iri, SCHEMA.mentions, iris[entity.key]))
        for mention in entity.mentions:
            mention_number += 1
            _annotate(graph, minter.annotation(aid, "m", mention_number), iris[entity.key],
                      article, article_iri, mention.span, OA.identifying)

    statement_iris: list[URIRef] = []
    for number, statement in enumerate(extraction.statements, start=1):
        iri = minter.statement(aid, number)
        statement_iris.append(iri)
        graph.add((iri, RDF.type, KG.Statement))
        graph.add((iri, RDF.type, KG.DirectQuote if statement.form == "direct"
                   else KG.ReportedSpeech))
        if statement.speaker in iris:
            graph.add((iri, KG.speaker, iris[statement.speaker]))
        graph.add((iri, KG.text, Literal(statement.text.of(article.text), lang="nb")))
        graph.add((iri, KG.reportedIn, article_iri))
        if statement.verb:
            graph.add((iri, KG.speechVerb, Literal(statement.verb, lang="nb")))
        graph.add((iri, KG.rule, Literal(statement.rule)))
        _dates(graph, iri, statement.date_text, statement.date, article.language)
        for key in statement.about:
            if key in iris:
                graph.add((iri, KG.about, iris[key]))
        _annotate(graph, minter.annotation(aid, "s", number), iri, article, article_iri,
                  statement.evidence, OA.describing)

    stance = {"Announced": KG.announces, "Planned": KG.announces, "Feared": KG.fears}
    for number, action in enumerate(extraction.actions, start=1):
        iri = minter.action(aid, number)
        graph.add((iri, RDF.type, KG[action.kind]))
        if action.kind == "Invasion":  # also an Attack for queries without inference
            graph.add((iri, RDF.type, KG.Attack))
        graph.add((iri, RDF.type, KG.MilitaryAction))
        if action.agent in iris:
            graph.add((iri, KG.agent, iris[action.agent]))
        for partner in action.co_agents:
            if partner in iris:
                graph.add((iri, KG.coAgent, iris[partner]))
        if action.destination in iris:
            graph.add((iri, KG.destination, iris[action.destination]))
        if action.origin in iris:
            graph.add((iri, KG.origin, iris[action.origin]))
        if action.target in iris:
            graph.add((iri, KG.target, iris[action.target]))
        for place in action.near:
            if place in iris:
                graph.add((iri, KG.near, iris[place]))
        for place in action.location:
            if place in iris:
                graph.add((iri, KG.location, iris[place]))
        if action.location_text:
            graph.add((iri, KG.locationText, Literal(action.location_text,
                                                     lang=article.language)))
        graph.add((iri, KG.status, KG[action.status]))
        graph.add((iri, KG.reportedIn, article_iri))
        if action.what:
            graph.add((iri, KG.what, Literal(action.what, lang="nb")))
        if action.personnel_min is not None:
            graph.add((iri, KG.personnelMin, Literal(action.personnel_min, datatype=XSD.integer)))
        if action.personnel_max is not None:
            graph.add((iri, KG.personnelMax, Literal(action.personnel_max, datatype=XSD.integer)))
        if action.duration:
            graph.add((iri, KG.duration, Literal(action.duration, datatype=XSD.duration)))
        graph.add((iri, KG.rule, Literal(action.rule)))
        _dates(graph, iri, action.date_text, action.date, article.language)
        if action.end:
            graph.add((iri, KG.endDate, _date_literal(action.end)))
        for index in action.statements:
            if index not in action.disputed_by:
                graph.add((statement_iris[index], stance.get(action.status, KG.claims), iri))
                graph.add((statement_iris[index], KG.about, iri))
        for index in action.disputed_by:
            graph.add((statement_iris[index], KG.disputes, iri))
            graph.add((statement_iris[index], KG.about, iri))
        _annotate(graph, minter.annotation(aid, "a", number), iri, article, article_iri,
                  action.evidence, OA.describing)
        for extra, span in enumerate(action.more_evidence, start=1):
            _annotate(graph, minter.annotation(aid, f"a{number}e", extra), iri, article,
                      article_iri, span, OA.describing)

    for number, role in enumerate(extraction.roles, start=1):
        if role.holder not in iris:
            continue
        iri = URIRef(f"{minter.base}id/role/{aid}-{number}")
        graph.add((iri, RDF.type, KG.PositionHolding if role.kind == "position"
                   else KG.PartyMembership))
        graph.add((iri, RDF.type, KG.Role))
        graph.add((iri, KG.holder, iris[role.holder]))
        if role.of in iris:
            graph.add((iri, KG.roleOf, iris[role.of]))
        if role.title:
            graph.add((iri, KG.position, Literal(role.title, lang=article.language)))
        graph.add((iri, KG.validAt, _date_literal(role.valid_at)))
        graph.add((iri, KG.reportedIn, article_iri))
        graph.add((iri, KG.rule, Literal(role.rule)))
        for extra, span in enumerate((role.evidence, *role.more_evidence)):
            _annotate(graph, minter.annotation(aid, f"r{number}e" if extra else "r",
                                               extra or number),
                      iri, article, article_iri, span, OA.describing)

    return ArticleGraph(aid, str(graph_iri), graph, entities)
