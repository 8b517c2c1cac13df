"""Data views: dataset export, the ontology and its JSON-LD context, resource pages,
health."""

from __future__ import annotations

import json

import pyoxigraph as ox
from flask import Blueprint, Response, render_template, request

from kg import __version__
from kg.errors import NotFoundError, QueryError
from kg.formats import GRAPH_FORMATS, Format
from kg.ontology import context, ontology_path
from kg.serialize import export_bytes, store_bytes
from server.negotiation import choose, parse_accept
from server.state import state

__all__ = ["bp"]

bp = Blueprint("data", __name__)


def _graph_response(store: ox.Store, fmt: Format) -> Response:
    response = Response(store_bytes(store, fmt), content_type=fmt.content_type)
    response.headers["Vary"] = "Accept"
    return response


def _requested() -> list[str]:
    return request.args.getlist("format")


@bp.route("/")
def index() -> Response:
    st = state()
    return Response(render_template("index.html", base=st.settings.base_iri,
                                    graphs=st.store.named_graphs(), triples=len(st.store)),
                    mimetype="text/html")


@bp.route("/-/health")
def health() -> Response:
    st = state()
    return Response(json.dumps({"ok": True, "version": __version__, "triples": len(st.store),
                                "writable": st.write_token is not None}),
                    mimetype="application/json")


@bp.route("/dataset")
def dataset() -> Response:
    """The whole dataset (or one graph with ``?graph=IRI``) in any RDF format."""
    st = state()
    fmt = choose(request.headers.get("Accept"), GRAPH_FORMATS, requested=_requested())
    graph = request.args.get("graph")
    if graph is not None and graph not in st.store.named_graphs():
        raise NotFoundError(f"no graph named {graph}")
    response = Response(export_bytes(st.store, fmt, graph=graph), content_type=fmt.content_type)
    response.headers["Vary"] = "Accept"
    response.headers["Content-Disposition"] = f'inline; filename="kg-dataset.{fmt.extension}"'
    return response


@bp.route("/ontology")
def ontology() -> Response:
    fmt = choose(request.headers.get("Accept"), GRAPH_FORMATS, requested=_requested())
    store = ox.Store()
    store.load(ontology_path().read_bytes(), format=ox.RdfFormat.TURTLE)
    return _graph_response(store, fmt)


@bp.route("/ontology/context.jsonld")
def jsonld_context() -> Response:
    response = Response(json.dumps(context(), ensure_ascii=False, indent=2),
                        mimetype="application/ld+json")
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def _describe(iri: str) -> ox.Store:
    """Outgoing and incoming triples of ``iri`` across all graphs (each triple once)."""
    try:
        node = ox.NamedNode(iri)
    except ValueError:
        raise QueryError(f"not an IRI: {iri}") from None
    result = state().store.query(
        f"CONSTRUCT {{ {node} ?p ?o . ?s ?q {node} }} "
        f"WHERE {{ {{ {node} ?p ?o }} UNION {{ ?s ?q {node} }} }}")
    out = ox.Store()
    out.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in result)
    return out


@bp.route("/id/<path:rest>")
def resource(rest: str) -> Response:
    """A minted IRI dereferences: HTML for browsers, RDF for machines (by Accept)."""
    st = state()
    iri = st.minter.base + "id/" + rest
    described = _describe(iri)
    if len(described) == 0:
        raise NotFoundError(f"nothing is known about {iri}")
    accept = request.headers.get("Accept")
    ranges = parse_accept(accept)
    html_q = max((r.q for r in ranges if (r.type, r.subtype) == ("text", "html")), default=0.0)
    if html_q > 0 and not _requested():
        outgoing = [(q.predicate.value, q.object) for q in described
                    if isinstance(q.subject, ox.NamedNode) and q.subject.value == iri]
        incoming = [(q.subject.value, q.predicate.value) for q in described
                    if isinstance(q.object, ox.NamedNode) and q.object.value == iri]
        labels = [o.value for p, o in outgoing
                  if p.endswith("rdf-schema#label") and isinstance(o, ox.Literal)]
        return Response(render_template("resource.html", iri=iri, label=labels[0] if labels
                                        else iri.rsplit("/", 1)[-1], outgoing=outgoing,
                                        incoming=incoming, ox=ox),
                        mimetype="text/html")
    fmt = choose(accept, GRAPH_FORMATS, requested=_requested())
    return _graph_response(described, fmt)
