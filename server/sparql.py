"""The SPARQL 1.1 endpoint: query by GET and POST, update behind a bearer token."""

from __future__ import annotations

import re

import pyoxigraph as ox
from flask import Blueprint, Response, render_template, request

from kg.errors import ForbiddenError, QueryError, UnauthorizedError
from kg.formats import GRAPH_FORMATS, RESULT_FORMATS, Format
from kg.serialize import graph_bytes, results_bytes, store_bytes
from server.negotiation import choose, parse_accept
from server.protocol import SPARQLRequest, parse_sparql_request
from server.state import state

__all__ = ["bp", "check_query_safety", "check_token"]

bp = Blueprint("sparql", __name__)

_SERVICE = re.compile(r"\bSERVICE\s+(?:SILENT\s+)?<([^>]*)>", re.IGNORECASE)
_LOAD = re.compile(r"\bLOAD\s+(?:SILENT\s+)?<([^>]*)>", re.IGNORECASE)


def check_query_safety(text: str, allowlist: str) -> None:
    """SERVICE only to allow-listed endpoints; anything else is refused before evaluation."""
    allowed = [prefix.strip() for prefix in allowlist.split(",") if prefix.strip()]
    for match in _SERVICE.finditer(text):
        if not any(match.group(1).startswith(prefix) for prefix in allowed):
            raise QueryError(f"SERVICE <{match.group(1)}> is not allowed on this server "
                             "(see the service_allowlist setting)")
    if re.search(r"\bSERVICE\s+\?", text, re.IGNORECASE):
        raise QueryError("SERVICE with a variable endpoint is not allowed")


def check_token(header: str | None, token: str | None) -> None:
    if token is None:
        raise ForbiddenError("this server is read-only: start it with a write token "
                             "(KG_WRITE_TOKEN) to allow updates")
    if not header or not header.startswith("Bearer ") or header[7:].strip() != token:
        raise UnauthorizedError("updates need 'Authorization: Bearer <token>'")


def _wants_html(accept: str | None) -> bool:
    ranges = parse_accept(accept)
    html = max((r.q for r in ranges if r.type == "text" and r.subtype == "html"), default=0.0)
    return html > 0 and html >= max((r.q for r in ranges if r.type != "*"), default=0.0)


def _service_description(fmt: Format) -> Response:
    settings = state().settings
    endpoint = request.base_url
    formats = " ,\n        ".join(
        f"<http://www.w3.org/ns/formats/{name}>" for name in (
            "SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
            "SPARQL_Results_TSV", "Turtle", "N-Triples", "RDF_XML", "JSON-LD", "TriG", "N-Quads"))
    updates = "sd:SPARQL11Update ," if state().write_token else ""
    turtle = f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix void: <http://rdfs.org/ns/void#> .
[] a sd:Service ;
    sd:endpoint <{endpoint}> ;
    sd:supportedLanguage {updates} sd:SPARQL11Query ;
    sd:feature sd:UnionDefaultGraph , sd:BasicFederatedQuery ;
    sd:resultFormat {formats} ;
    sd:defaultDataset [ a sd:Dataset ; sd:defaultGraph [ a sd:Graph ] ] .
<{settings.base_iri}> a void:Dataset ; void:sparqlEndpoint <{endpoint}> .
"""
    store = ox.Store()
    store.load(turtle.encode(), format=ox.RdfFormat.TURTLE)
    return Response(store_bytes(store, fmt), content_type=fmt.content_type)


def _run_query(req: SPARQLRequest) -> Response:
    st = state()
    check_query_safety(req.text, st.settings.service_allowlist)
    result = st.store.query(req.text, default_graphs=req.default_graphs or None,
                            named_graphs=req.named_graphs or None, base_iri=request.base_url)
    accept = request.headers.get("Accept")
    if isinstance(result, (ox.QuerySolutions, ox.QueryBoolean)):
        fmt = choose(accept, RESULT_FORMATS, requested=req.formats)
        body = results_bytes(result, fmt)
    else:
        fmt = choose(accept, GRAPH_FORMATS, requested=req.formats)
        body = graph_bytes(result, fmt)
    response = Response(body, content_type=fmt.content_type)
    response.headers["Vary"] = "Accept"
    return response


@bp.route("/sparql", methods=["GET", "POST"])
def sparql() -> Response:
    req = parse_sparql_request(request.method, list(request.args.items(multi=True)),
                               request.content_type, request.get_data())
    if req.operation == "describe-service":
        accept = request.headers.get("Accept")
        if _wants_html(accept) and not req.formats:
            return Response(render_template("query.html", endpoint=request.base_url),
                            mimetype="text/html")
        return _service_description(choose(accept, GRAPH_FORMATS, requested=req.formats))
    if req.operation == "update":
        st = state()
        check_token(request.headers.get("Authorization"), st.write_token)
        if _LOAD.search(req.text):
            raise QueryError("LOAD is not allowed on this server")
        if req.using_graphs or req.using_named_graphs:
            raise QueryError("using-graph-uri and using-named-graph-uri are not supported yet")
        st.store.update(req.text, base_iri=request.base_url)
        return Response(status=204)
    return _run_query(req)
