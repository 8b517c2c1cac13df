"""Media types and short names for result and graph formats (shared by CLI and server)."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

__all__ = ["GRAPH_FORMATS", "RESULT_FORMATS", "Format", "by_name"]


@dataclass(frozen=True)
class Format:
    name: str  # short name for format= and --format
    media_type: str  # canonical media type, sent in Content-Type
    aliases: tuple[str, ...]  # other media types and names that select it
    extension: str
    dataset: bool = False  # can hold named graphs

    @property
    def content_type(self) -> str:
        textual = self.media_type.startswith("text/") or self.name in (
            "json", "xml", "jsonld", "rdfxml", "ntriples", "nquads", "trig")
        return f"{self.media_type}; charset=utf-8" if textual else self.media_type

    def result_format(self) -> ox.QueryResultsFormat:
        return {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}[self.name]

    def rdf_format(self) -> ox.RdfFormat:
        return {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                "rdfxml": ox.RdfFormat.RDF_XML, "trig": ox.RdfFormat.TRIG,
                "nquads": ox.RdfFormat.N_QUADS, "jsonld": ox.RdfFormat.JSON_LD}[self.name]


RESULT_FORMATS: tuple[Format, ...] = (
    Format("json", "application/sparql-results+json",
           ("application/json", "text/javascript", "application/javascript", "srj"), "srj"),
    Format("xml", "application/sparql-results+xml", ("application/xml", "text/xml", "srx"),
           "srx"),
    Format("csv", "text/csv", (), "csv"),
    Format("tsv", "text/tab-separated-values", ("tab-separated-values",), "tsv"),
)

GRAPH_FORMATS: tuple[Format, ...] = (
    Format("turtle", "text/turtle", ("application/x-turtle", "application/turtle", "ttl"),
           "ttl"),
    Format("ntriples", "application/n-triples", ("text/plain", "nt", "n-triples"), "nt"),
    Format("rdfxml", "application/rdf+xml", ("application/xml", "text/xml", "rdf", "xml"), "rdf"),
    Format("jsonld", "application/ld+json",
           ("application/json", "json-ld", "application/x-json+ld", "json"), "jsonld"),
    Format("trig", "application/trig", (), "trig", dataset=True),
    Format("nquads", "application/n-quads", ("nq", "n-quads", "text/x-nquads"), "nq",
           dataset=True),
)


def by_name(value: str, formats: tuple[Format, ...]) -> Format | None:
    """The format a short name or media type (``json``, ``text/turtle``) selects, if any."""
    value = value.strip().lower().split(";")[0].strip()
    for fmt in formats:
        if value in (fmt.name, fmt.media_type, fmt.extension):
            return fmt
    for fmt in formats:
        if value in fmt.aliases:
            return fmt
    return None
