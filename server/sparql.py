"""The SPARQL 1.1 endpoint: query by GET and POST, update behind a bearer token.

Queries run under a time limit (``query_timeout_s``, see :mod:`server.pool`) with a cap on
result rows (``max_result_rows``, announced in headers and in JSON ``head.link``). Before
anything reaches the store, :func:`server.sparqltext.check_safety` refuses SERVICE outside the
allow-list and LOAD; FROM is never dereferenced (Oxigraph reads FROM graphs from the store).
"""

from __future__ import annotations

import hmac
from functools import lru_cache

from flask import Blueprint, Response, render_template, request

from kg.errors import ForbiddenError, UnauthorizedError
from kg.sparqltext import add_using, check_safety
from server.cache import CACHEABLE_HEADER
from server.describe import describe_service_response
from server.execute import Job
from server.negotiation import parse_accept
from server.protocol import SPARQLRequest, parse_sparql_request
from server.state import state

__all__ = ["bp", "check_query_safety", "check_token", "run_update"]

bp = Blueprint("sparql", __name__)


@lru_cache(maxsize=4096)
def check_query_safety(text: str, allowlist: str, base_iri: str | None = None) -> None:
    """SERVICE only to allow-listed endpoints, no LOAD; refused before evaluation. A text
    that passed once passes again (refusals raise, and are not remembered)."""
    check_safety(text, allowlist, base_iri=base_iri)


def check_token(header: str | None, token: str | None) -> None:
    if token is None:
        raise ForbiddenError("this server is read-only: start it with a write token "
                             "(KG_WRITE_TOKEN) to allow updates")
    given = header[7:].strip() if header and header.startswith("Bearer ") else ""
    if not given or not hmac.compare_digest(given.encode(), token.encode()):
        raise UnauthorizedError("updates need 'Authorization: Bearer <token>'")


def _wants_html(accept: str | None) -> bool:
    ranges = parse_accept(accept)
    html = max((r.q for r in ranges if r.type == "text" and r.subtype == "html"), default=0.0)
    return html > 0 and html >= max((r.q for r in ranges if r.type != "*"), default=0.0)


def _run_query(req: SPARQLRequest, base: str) -> Response:
    st = state()
    check_query_safety(req.text, st.settings.service_allowlist, base)
    job = Job(req.text, req.default_graphs, req.named_graphs, base,
              request.headers.get("Accept"), req.formats, st.settings.max_result_rows,
              st.version)
    outcome = st.runner.run(job, st.settings.query_timeout_s)
    response = Response(outcome.body, content_type=outcome.content_type)
    response.headers.update(outcome.headers)
    response.headers["Vary"] = "Accept"
    if st.results is not None:
        response.headers[CACHEABLE_HEADER] = "1"
    return response


def run_update(text: str, base: str) -> None:
    """One SPARQL Update request as one transaction, durable before we answer."""
    st = state()
    check_query_safety(text, st.settings.service_allowlist, base)
    with st.write_lock:
        try:
            st.store.update(text, base_iri=base)
        finally:
            st.written()


def _endpoint() -> str:
    return request.base_url


@bp.route("/sparql", methods=["GET", "POST"], strict_slashes=False)
def sparql() -> Response:
    req = parse_sparql_request(request.method, list(request.args.items(multi=True)),
                               request.content_type, request.get_data())
    if req.operation == "describe-service":
        accept = request.headers.get("Accept")
        if _wants_html(accept) and not req.formats:
            return Response(render_template("query.html", endpoint=_endpoint()),
                            mimetype="text/html")
        return describe_service_response(_endpoint())
    if req.operation == "update":
        st = state()
        check_token(request.headers.get("Authorization"), st.write_token)
        text = req.text
        if req.using_graphs or req.using_named_graphs:
            text = add_using(text, req.using_graphs, req.using_named_graphs)
        run_update(text, _endpoint())
        return Response(status=204)
    return _run_query(req, _endpoint())
