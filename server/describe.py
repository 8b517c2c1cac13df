"""The service description (GET /sparql without a query) and VoID statistics
(``/.well-known/void``), each in every RDF format we serve."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox
from flask import Blueprint, Response, request

from kg.formats import GRAPH_FORMATS, RESULT_FORMATS
from kg.serialize import store_bytes
from server.negotiation import choose
from server.state import state

__all__ = ["bp", "service_description", "void_store"]

bp = Blueprint("describe", __name__)

SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
_FORMAT_IRIS = {
    "json": "SPARQL_Results_JSON", "xml": "SPARQL_Results_XML", "csv": "SPARQL_Results_CSV",
    "tsv": "SPARQL_Results_TSV", "turtle": "Turtle", "ntriples": "N-Triples",
    "rdfxml": "RDF_XML", "jsonld": "JSON-LD", "trig": "TriG", "nquads": "N-Quads"}
_PREFIXES = f"""@prefix sd: <{SD}> .
@prefix void: <{VOID}> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
"""


def _load(turtle: str) -> ox.Store:
    store = ox.Store()
    store.load(turtle.encode(), format=ox.RdfFormat.TURTLE)
    return store


def _rdf_response(store: ox.Store) -> Response:
    fmt = choose(request.headers.get("Accept"), GRAPH_FORMATS,
                 requested=request.args.getlist("format"))
    response = Response(store_bytes(store, fmt), content_type=fmt.content_type)
    response.headers["Vary"] = "Accept"
    return response


def _root() -> str:
    return request.host_url  # absolute, as the client reached us


def service_description(endpoint: str) -> ox.Store:
    """sd:Service for ``endpoint``: the formats we really serve, the union default graph,
    the dataset (with a link to its VoID description)."""
    st = state()
    formats = " , ".join(f"<http://www.w3.org/ns/formats/{_FORMAT_IRIS[f.name]}>"
                         for f in (*RESULT_FORMATS, *GRAPH_FORMATS))
    languages = "sd:SPARQL11Query" + (" , sd:SPARQL11Update" if st.write_token else "")
    features = "sd:UnionDefaultGraph" + (" , sd:BasicFederatedQuery"
                                         if st.settings.service_allowlist.strip() else "")
    dataset = st.settings.base_iri
    void_url = _root() + ".well-known/void"
    return _load(f"""{_PREFIXES}
<{endpoint}#service> a sd:Service ;
    sd:endpoint <{endpoint}> ;
    sd:supportedLanguage {languages} ;
    sd:feature {features} ;
    sd:resultFormat {formats} ;
    sd:defaultEntailmentRegime <http://www.w3.org/ns/entailment/Simple> ;
    sd:defaultDataset <{dataset}> ;
    rdfs:seeAlso <{void_url}> .
<{dataset}> a sd:Dataset , void:Dataset ;
    rdfs:comment "The default graph is the union of all named graphs." ;
    sd:defaultGraph [ a sd:Graph ] ;
    void:sparqlEndpoint <{endpoint}> ;
    rdfs:seeAlso <{void_url}> .
""")


def _count(sparql: str) -> list[Any]:
    return list(state().store.query(sparql))


def _statistics() -> str:
    st = state()
    dataset = st.settings.base_iri
    rows = _count("""SELECT ?g (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects)
        (COUNT(DISTINCT ?p) AS ?properties) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g""")
    classes = {row["g"].value: int(row["n"].value) for row in _count(
        "SELECT ?g (COUNT(DISTINCT ?c) AS ?n) WHERE { GRAPH ?g { ?s a ?c } } GROUP BY ?g")}
    entities = {row["g"].value: int(row["n"].value) for row in _count(
        "SELECT ?g (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
        "FILTER(isIRI(?s)) } GROUP BY ?g")}
    def one(sparql: str) -> str:
        return str(_count(sparql)[0]["n"].value)

    total = {
        "triples": one("SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o "
                       "{ GRAPH ?g { ?s ?p ?o } } }"),
        "entities": one("SELECT (COUNT(DISTINCT ?s) AS ?n) { GRAPH ?g { ?s ?p ?o } "
                        "FILTER(isIRI(?s)) }"),
        "classes": one("SELECT (COUNT(DISTINCT ?c) AS ?n) { GRAPH ?g { ?s a ?c } }"),
        "properties": one("SELECT (COUNT(DISTINCT ?p) AS ?n) { GRAPH ?g { ?s ?p ?o } }"),
    }
    lines = [f"<{dataset}> a void:Dataset ;",
             f"    void:triples {total['triples']} ;",
             f"    void:entities {total['entities']} ;",
             f"    void:classes {total['classes']} ;",
             f"    void:properties {total['properties']} ;",
             f"    void:sparqlEndpoint <{_root()}sparql> ;",
             f"    void:dataDump <{_root()}dataset?format=nquads> ;",
             f"    void:uriSpace \"{dataset}id/\" ;",
             "    void:vocabulary <https://w3id.org/kg/ontology#> ."]
    for i, row in enumerate(sorted(rows, key=lambda r: r["g"].value)):
        graph = row["g"].value
        subset = f"{_root()}.well-known/void#graph-{i}"
        lines += [f"<{dataset}> void:subset <{subset}> .",
                  f"<{subset}> a void:Dataset , sd:NamedGraph ; sd:name <{graph}> ;",
                  f"    void:triples {row['triples'].value} ;",
                  f"    void:entities {entities.get(graph, 0)} ;",
                  f"    void:classes {classes.get(graph, 0)} ;",
                  f"    void:properties {row['properties'].value} ."]
    return "\n".join(lines)


def void_store() -> ox.Store:
    st = state()
    statistics = st.cached(("void", _root()), _statistics)
    return _load(f"""{_PREFIXES}
{statistics}
<{st.settings.base_iri}> rdfs:seeAlso <{_root()}sparql> ;
    dcterms:title "kg: Norwegian security-policy news as a knowledge graph" .
""")


@bp.route("/.well-known/void")
def void() -> Response:
    return _rdf_response(void_store())


def describe_service_response(endpoint: str) -> Response:
    return _rdf_response(service_description(endpoint))
