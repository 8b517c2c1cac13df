"""SPARQL 1.1 Graph Store HTTP Protocol.

* indirect identification: ``/store?default`` and ``/store?graph=IRI``;
* direct identification: ``/graph/...`` is the graph ``<base_iri>graph/...`` (so the named
  graphs the pipeline mints dereference);
* GET and HEAD read; PUT replaces, POST merges (``multipart/form-data`` too), DELETE drops;
  POST to ``/store`` with no graph creates a new graph and answers 201 with its Location.

Writes need the bearer token (403 without one configured, 401 without the right one). Each
write is one SPARQL Update request (one transaction in the store) and the store is flushed
before the answer: an acknowledged write is durable.
"""

from __future__ import annotations

import uuid
from typing import Any

import pyoxigraph as ox
from flask import Blueprint, Response, request

from kg.errors import NotFoundError, QueryError, UnsupportedMediaTypeError
from kg.formats import GRAPH_FORMATS, by_name
from kg.serialize import export_bytes, graph_bytes
from server.negotiation import choose
from server.sparql import check_token
from server.state import state

__all__ = ["bp", "parse_rdf"]

bp = Blueprint("gsp", __name__)

_METHODS = ["GET", "PUT", "POST", "DELETE"]


def parse_rdf(body: bytes, content_type: str | None, base_iri: str) -> list[Any]:
    """Triples of a request body in any RDF format we read; quads in a named graph are
    refused (a graph is one graph)."""
    media = (content_type or "").split(";")[0].strip().lower()
    if not media:
        raise UnsupportedMediaTypeError("give the Content-Type of the RDF you send")
    fmt = by_name(media, GRAPH_FORMATS)
    if fmt is None:
        offered = ", ".join(f.media_type for f in GRAPH_FORMATS)
        raise UnsupportedMediaTypeError(f"cannot read {media!r}; send one of {offered}")
    try:
        quads = list(ox.parse(body, format=fmt.rdf_format(), base_iri=base_iri))
    except SyntaxError as exc:
        raise QueryError(f"the {fmt.media_type} body does not parse: {exc}") from None
    except ValueError as exc:
        raise QueryError(f"the {fmt.media_type} body does not parse: {exc}") from None
    triples = []
    for quad in quads:
        if isinstance(quad, ox.Quad):
            if not isinstance(quad.graph_name, ox.DefaultGraph):
                raise QueryError("the body holds named graphs; send one graph's triples")
            triples.append(ox.Triple(quad.subject, quad.predicate, quad.object))
        else:
            triples.append(quad)
    return triples


def _body_triples(graph_iri: str | None) -> list[Any]:
    base = graph_iri or request.base_url
    if (request.mimetype or "") == "multipart/form-data":
        triples: list[Any] = []
        for part in request.files.values():
            triples += parse_rdf(part.read(), part.content_type, base)
        return triples
    return parse_rdf(request.get_data(), request.content_type, base)


def _ntriples(triples: list[Any]) -> str:
    if not triples:
        return ""
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    assert data is not None
    return data.decode()


def _exists(graph_iri: str | None) -> bool:
    if graph_iri is None:
        return True
    return bool(state().store.query(f"ASK {{ GRAPH <{graph_iri}> {{ }} }}"))


def _write(update: str) -> None:
    st = state()
    with st.write_lock:
        try:
            st.store.update(update)
        finally:
            st.written()


def _handle(graph_iri: str | None) -> Response:
    st = state()
    if graph_iri is not None:
        try:
            ox.NamedNode(graph_iri)
        except ValueError:
            raise QueryError(f"not an absolute IRI: {graph_iri!r}") from None
    if request.method in ("GET", "HEAD"):
        if not _exists(graph_iri):
            raise NotFoundError(f"no graph named {graph_iri}")
        fmt = choose(request.headers.get("Accept"), GRAPH_FORMATS,
                     requested=request.args.getlist("format"))
        if graph_iri is None:
            body = graph_bytes(_default_graph_triples(), fmt)
        else:
            body = export_bytes(st.store, fmt, graph=graph_iri)
        response = Response(body, content_type=fmt.content_type)
        response.headers["Vary"] = "Accept"
        return response
    check_token(request.headers.get("Authorization"), st.write_token)
    existed = _exists(graph_iri)
    if request.method == "DELETE":
        if not existed:
            raise NotFoundError(f"no graph named {graph_iri}")
        _write("CLEAR DEFAULT" if graph_iri is None else f"DROP GRAPH <{graph_iri}>")
        return Response(status=204)
    created = not existed
    location = None
    if request.method == "POST" and graph_iri is None and "default" not in request.args:
        graph_iri = st.settings.base_iri + "graph/created/" + uuid.uuid4().hex
        created, location = True, graph_iri
    data = _ntriples(_body_triples(graph_iri))
    inner = data if graph_iri is None else f"GRAPH <{graph_iri}> {{\n{data}}}"
    parts = []
    if request.method == "PUT":
        parts.append("CLEAR DEFAULT" if graph_iri is None else f"DROP SILENT GRAPH <{graph_iri}>")
    if graph_iri is not None:
        parts.append(f"CREATE SILENT GRAPH <{graph_iri}>")
    if data:
        parts.append(f"INSERT DATA {{\n{inner}}}")
    _write(" ;\n".join(parts))
    response = Response(status=201 if created and graph_iri is not None else 204)
    if location:
        response.headers["Location"] = location
    return response


def _default_graph_triples() -> list[Any]:
    """The store's own default graph (not the union the SPARQL endpoint queries)."""
    store = state().store
    raw = getattr(store, "raw", None)
    if raw is not None:
        return [ox.Triple(q.subject, q.predicate, q.object)
                for q in raw.quads_for_pattern(None, None, None, ox.DefaultGraph())]
    data = store.dump("application/n-quads")
    return [ox.Triple(q.subject, q.predicate, q.object)
            for q in ox.parse(data, format=ox.RdfFormat.N_QUADS)
            if isinstance(q.graph_name, ox.DefaultGraph)]


@bp.route("/store", methods=_METHODS)
def indirect() -> Response:
    graph = request.args.get("graph")
    if graph is not None and "default" in request.args:
        raise QueryError("give either ?default or ?graph=IRI, not both")
    if graph is None and "default" not in request.args and request.method != "POST":
        raise QueryError("name the graph: ?default or ?graph=IRI")
    return _handle(graph)


@bp.route("/graph/<path:rest>", methods=_METHODS)
def direct(rest: str) -> Response:
    return _handle(state().settings.base_iri + "graph/" + rest)
