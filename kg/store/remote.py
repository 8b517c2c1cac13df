"""A store behind any SPARQL 1.1 server with Update (Oxigraph server, Fuseki, GraphDB,
Virtuoso): queries and updates go over the SPARQL 1.1 Protocol.

The location is the query endpoint's URL. The update endpoint is the same URL with a final
``/query`` replaced by ``/update`` (Oxigraph's and Fuseki's layout), or the same URL (a
single ``/sparql`` endpoint), unless ``update_url`` names it. Each article's write is one
SPARQL Update request, which these servers apply as one transaction. Queries ask for the
union of all graphs as the default graph (Oxigraph's ``union-default-graph`` parameter;
configure other servers, e.g. Fuseki's ``unionDefaultGraph``, to do the same).
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping, Sequence
from typing import Any

import pyoxigraph as ox
from rdflib import Graph

from kg.errors import QueryError, StoreError
from kg.serialize import dump
from kg.store.base import insert_data_update

__all__ = ["RemoteStore"]

_ACCEPT = ("application/sparql-results+json, application/n-triples;q=0.9, "
           "text/turtle;q=0.5")
_TIMEOUT_S = 300


class RemoteStore:
    supports_update = True

    def __init__(self, query_url: str, *, update_url: str | None = None,
                 timeout_s: float = _TIMEOUT_S) -> None:
        self.location = query_url
        if update_url is None:
            update_url = query_url[: -len("/query")] + "/update" \
                if query_url.rstrip("/").endswith("/query") else query_url
        self.update_url = update_url
        self.timeout_s = timeout_s

    def _post(self, url: str, body: str, content_type: str, *, params: list[tuple[str, str]]
              | None = None, accept: str = "*/*") -> tuple[bytes, str]:
        if params:
            url += ("&" if "?" in url else "?") + urllib.parse.urlencode(params)
        request = urllib.request.Request(url, data=body.encode("utf-8"), method="POST",
                                         headers={"Content-Type": content_type,
                                                  "Accept": accept})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
                return response.read(), response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as exc:
            message = exc.read().decode("utf-8", "replace").strip()[:500]
            if 400 <= exc.code < 500:
                raise QueryError(f"the SPARQL server refused the request ({exc.code}): "
                                 f"{message}") from None
            raise StoreError(f"the SPARQL server failed ({exc.code}): {message}") from None
        except OSError as exc:
            raise StoreError(f"cannot reach the SPARQL server at {url}: {exc}") from None

    def apply(self, *, replace: Mapping[str, Graph | str],
              add: Mapping[str, Graph | str]) -> None:
        update = insert_data_update(replace=replace, add=add)
        if update:
            self.update(update)

    def query(self, sparql: str, *, default_graphs: Sequence[str] | None = None,
              named_graphs: Sequence[str] | None = None, base_iri: str | None = None) -> Any:
        params = [("default-graph-uri", g) for g in default_graphs or ()]
        params += [("named-graph-uri", g) for g in named_graphs or ()]
        if not default_graphs and not named_graphs:
            params.append(("union-default-graph", ""))
        if base_iri:
            sparql = f"BASE <{base_iri}>\n{sparql}"
        data, content_type = self._post(self.location, sparql, "application/sparql-query",
                                        params=params, accept=_ACCEPT)
        media = content_type.split(";")[0].strip().lower()
        results_format = ox.QueryResultsFormat.from_media_type(media) if media else None
        if results_format is not None:
            return ox.parse_query_results(data, format=results_format)
        rdf_format = ox.RdfFormat.from_media_type(media)
        if rdf_format is None:
            raise StoreError(f"the SPARQL server answered with unexpected type {media!r}")
        return [ox.Triple(q.subject, q.predicate, q.object)
                for q in ox.parse(data, format=rdf_format)]

    def update(self, sparql: str, *, base_iri: str | None = None) -> None:
        if base_iri:
            sparql = f"BASE <{base_iri}>\n{sparql}"
        self._post(self.update_url, sparql, "application/sparql-update")

    def _dataset(self, graph: str | None) -> ox.Store:
        where = f"GRAPH <{graph}> {{ ?s ?p ?o }} BIND(<{graph}> AS ?g)" if graph else \
            "GRAPH ?g { ?s ?p ?o }"
        store = ox.Store()
        store.extend(ox.Quad(row["s"], row["p"], row["o"], row["g"])
                     for row in self.query(f"SELECT ?s ?p ?o ?g WHERE {{ {where} }}"))
        return store

    def dump(self, media_type: str, *, graph: str | None = None) -> bytes:
        fmt = ox.RdfFormat.from_media_type(media_type)
        if fmt is None:
            raise ValueError(f"unsupported RDF media type {media_type}")
        dataset = self._dataset(graph)
        if fmt.supports_datasets:
            return dump(dataset, format=fmt)
        merged = ox.Store()
        merged.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                      for q in dataset)
        return dump(merged, format=fmt, from_graph=ox.DefaultGraph())

    def named_graphs(self) -> list[str]:
        rows = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(row["g"].value for row in rows)

    def __len__(self) -> int:
        rows = list(self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"))
        return int(rows[0]["n"].value)

    def flush(self) -> None:
        """Every request is already durable when the server answers."""

    def close(self) -> None:
        """Nothing to release: every request opens its own connection."""
