"""SPARQL 1.1 Protocol request parsing as a plain function (no Flask).

>>> r = parse_sparql_request("GET", [("query", "ASK {}")], None, b"")
>>> (r.operation, r.text)
('query', 'ASK {}')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from kg.errors import QueryError, UnsupportedMediaTypeError

__all__ = ["SPARQLRequest", "parse_sparql_request"]

FORM = "application/x-www-form-urlencoded"
QUERY = "application/sparql-query"
UPDATE = "application/sparql-update"


@dataclass(frozen=True)
class SPARQLRequest:
    operation: str  # "query", "update" or "describe-service" (no operation given)
    text: str = ""
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    using_graphs: tuple[str, ...] = ()
    using_named_graphs: tuple[str, ...] = ()
    formats: tuple[str, ...] = field(default=())  # format= / output= / results= values


def _one(params: Sequence[tuple[str, str]], name: str) -> str | None:
    values = [v for k, v in params if k.strip() == name]
    if len(values) > 1:
        raise QueryError(f"the parameter '{name}' was given {len(values)} times; give it once")
    return values[0] if values else None


def _all(params: Sequence[tuple[str, str]], name: str) -> tuple[str, ...]:
    return tuple(v for k, v in params if k.strip() == name)


def parse_sparql_request(method: str, url_params: Sequence[tuple[str, str]],
                         content_type: str | None, body: bytes) -> SPARQLRequest:
    """Which operation a request asks for and on which dataset (SPARQL 1.1 Protocol §2)."""
    media = (content_type or "").split(";")[0].strip().lower()
    for param in (content_type or "").split(";")[1:]:
        name, _, value = param.partition("=")
        charset = value.strip().strip('"').lower()
        if name.strip().lower() == "charset" and charset not in ("utf-8", "utf8"):
            raise UnsupportedMediaTypeError(
                f"charset {charset!r} is not supported: SPARQL requests are UTF-8")
    params = list(url_params)
    text: str | None = None
    operation = ""
    if method in ("GET", "HEAD"):
        if _one(params, "update") is not None:
            raise QueryError("SPARQL Update must be sent with POST")
        text = _one(params, "query")
        operation = "query" if text is not None else "describe-service"
    elif method == "POST":
        if _all(params, "query") or _all(params, "update"):
            raise QueryError("a POST carries its query or update in the body, not in the URL")
        if media == FORM:
            try:
                form = parse_qsl(body.decode("utf-8"), keep_blank_values=True)
            except UnicodeDecodeError:
                raise QueryError("the form body is not UTF-8") from None
            params += form
            query, update = _one(form, "query"), _one(form, "update")
            if query is not None and update is not None:
                raise QueryError("give either 'query' or 'update', not both")
            if query is None and update is None:
                raise QueryError("the form has neither a 'query' nor an 'update' field")
            operation, text = ("query", query) if query is not None else ("update", update)
        elif media in (QUERY, UPDATE):
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                raise QueryError("the request body is not UTF-8") from None
            operation = "query" if media == QUERY else "update"
        elif not media:
            raise UnsupportedMediaTypeError(
                f"a POST needs a Content-Type: {FORM}, {QUERY} or {UPDATE}")
        else:
            raise UnsupportedMediaTypeError(
                f"unsupported Content-Type {media!r}: use {FORM}, {QUERY} or {UPDATE}")
    else:
        raise QueryError(f"method {method} is not part of the SPARQL protocol")

    formats = _all(params, "format") + _all(params, "output") + _all(params, "results")
    request = SPARQLRequest(
        operation, text or "",
        _all(params, "default-graph-uri"), _all(params, "named-graph-uri"),
        _all(params, "using-graph-uri"), _all(params, "using-named-graph-uri"), formats)
    if operation == "query" and (request.using_graphs or request.using_named_graphs):
        raise QueryError("using-graph-uri and using-named-graph-uri belong to updates")
    if operation == "update" and (request.default_graphs or request.named_graphs):
        raise QueryError("default-graph-uri and named-graph-uri belong to queries")
    if operation in ("query", "update") and not request.text.strip():
        raise QueryError(f"the {operation} is empty")
    return request
