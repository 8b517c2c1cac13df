"""Namespaces used in the graph. schema.org is bound as ``http://schema.org/``, the IRI its
JSON-LD context maps to (rdflib's ``SDO`` is ``https://`` and would not match)."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, TIME, XSD

__all__ = ["KG", "OA", "OWL", "PREFIXES", "PROV", "RDF", "RDFS", "SCHEMA", "SEM", "SKOS", "TIME",
           "WD", "XSD"]

KG = Namespace("https://w3id.org/kg/ontology#")
SCHEMA = Namespace("http://schema.org/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
OA = Namespace("http://www.w3.org/ns/oa#")
WD = Namespace("http://www.wikidata.org/entity/")

PREFIXES: dict[str, str] = {
    "kg": str(KG), "schema": str(SCHEMA), "prov": str(PROV), "sem": str(SEM), "time": str(TIME),
    "oa": str(OA), "skos": str(SKOS), "rdf": str(RDF), "rdfs": str(RDFS), "owl": str(OWL),
    "xsd": str(XSD), "wd": str(WD),
}


def bind_all(graph) -> None:  # type: ignore[no-untyped-def]
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True)
