"""Browser assets: YASGUI and cytoscape.js from the project's own ``node_modules`` (installed
by ``make install`` with ``npm ci``; never a CDN, never copied into git), served under
``/static/vendor/``, plus the OpenAPI description at ``/openapi.json``."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response, jsonify, request, send_file

from kg import __version__
from kg.errors import NotFoundError
from kg.formats import GRAPH_FORMATS, RESULT_FORMATS

__all__ = ["VENDOR", "bp", "node_modules", "openapi"]

bp = Blueprint("web", __name__)

# Only these files are served: /static/vendor/<key> -> node_modules/<value>.
VENDOR = {
    "yasgui/yasgui.min.js": "@triply/yasgui/build/yasgui.min.js",
    "yasgui/yasgui.min.css": "@triply/yasgui/build/yasgui.min.css",
    "cytoscape/cytoscape.min.js": "cytoscape/dist/cytoscape.min.js",
}
_TYPES = {".js": "text/javascript", ".css": "text/css"}


def node_modules() -> Path:
    """The repository's ``node_modules`` (``make install`` fills it with ``npm ci``)."""
    return Path(__file__).resolve().parents[1] / "node_modules"


@bp.route("/static/vendor/<path:name>")
def vendor(name: str) -> Response:
    if name not in VENDOR:
        raise NotFoundError(f"no vendored asset {name}")
    path = node_modules() / VENDOR[name]
    if not path.is_file():
        raise NotFoundError(f"{name} is not installed: run 'make install' (npm ci)")
    response = send_file(path, mimetype=_TYPES.get(path.suffix, "application/octet-stream"),
                         max_age=3600)
    return response


def _content(formats: tuple) -> dict:
    return {f.media_type: {"schema": {"type": "string"}} for f in formats}


def openapi(server_url: str) -> dict:
    """OpenAPI 3.1 description of the HTTP interface."""
    query_params = [
        {"name": "query", "in": "query", "schema": {"type": "string"},
         "description": "SPARQL 1.1 query; without it GET returns the service description."},
        {"name": "default-graph-uri", "in": "query", "schema": {"type": "array",
         "items": {"type": "string", "format": "iri"}}, "explode": True},
        {"name": "named-graph-uri", "in": "query", "schema": {"type": "array",
         "items": {"type": "string", "format": "iri"}}, "explode": True},
        {"name": "format", "in": "query", "schema": {"type": "string"},
         "description": "Short name or media type that overrides Accept (json, xml, csv, tsv, "
                        "turtle, ntriples, rdfxml, jsonld, trig, nquads)."},
    ]
    results = {**_content(RESULT_FORMATS), **_content(GRAPH_FORMATS)}
    errors = {str(code): {"description": text} for code, text in [
        (400, "malformed request, syntax error, refused SERVICE or LOAD"),
        (406, "no acceptable format"), (413, "request body too large"),
        (415, "unsupported Content-Type"), (503, "query time limit reached")]}
    truncated = {"X-KG-Truncated": {"schema": {"type": "string"},
                                    "description": "'true' when max_result_rows cut the answer"}}
    graph_params = [
        {"name": "graph", "in": "query", "schema": {"type": "string", "format": "iri"}},
        {"name": "default", "in": "query", "allowEmptyValue": True, "schema": {"type": "string"}},
    ]
    write_errors = {"401": {"description": "missing or wrong bearer token"},
                    "403": {"description": "the server has no write token (read-only)"}}
    rdf_body = {"content": _content(GRAPH_FORMATS)}
    view_params = [{"name": n, "in": "query", "schema": {"type": "string"}, "description": d}
                   for n, d in [("speaker", "IRI, or text a label contains"),
                                ("country", "IRI, or text a label contains"),
                                ("since", "YYYY, YYYY-MM or YYYY-MM-DD"),
                                ("until", "YYYY, YYYY-MM or YYYY-MM-DD"),
                                ("limit", "most items (capped by max_result_rows)")]]
    jsonld = {"200": {"description": "framed JSON-LD",
                      "content": {"application/ld+json": {"schema": {"type": "object"}}}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "kg", "version": __version__,
                 "description": "Knowledge graph of Norwegian security-policy news: SPARQL 1.1 "
                                "Protocol, Graph Store Protocol, Linked Data and JSON-LD."},
        "servers": [{"url": server_url}],
        "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
        "paths": {
            "/sparql": {
                "get": {"summary": "SPARQL query (or the service description)",
                        "parameters": query_params,
                        "responses": {"200": {"description": "results", "headers": truncated,
                                              "content": results}, **errors}},
                "post": {"summary": "SPARQL query or update (form or direct POST)",
                         "security": [{}, {"bearer": []}],
                         "requestBody": {"content": {
                             "application/x-www-form-urlencoded": {"schema": {
                                 "type": "object", "properties": {
                                     "query": {"type": "string"},
                                     "update": {"type": "string"}}}},
                             "application/sparql-query": {"schema": {"type": "string"}},
                             "application/sparql-update": {"schema": {"type": "string"}}}},
                         "responses": {"200": {"description": "query results",
                                               "content": results},
                                       "204": {"description": "update done"},
                                       **errors, **write_errors}},
            },
            "/store": {
                "get": {"summary": "Graph Store Protocol: read a graph",
                        "parameters": graph_params,
                        "responses": {"200": {"description": "the graph",
                                              "content": _content(GRAPH_FORMATS)},
                                      "404": {"description": "no such graph"}}},
                "put": {"summary": "replace a graph", "parameters": graph_params,
                        "security": [{"bearer": []}], "requestBody": rdf_body,
                        "responses": {"201": {"description": "created"},
                                      "204": {"description": "replaced"}, **write_errors}},
                "post": {"summary": "merge into a graph (no graph: create one)",
                         "parameters": graph_params, "security": [{"bearer": []}],
                         "requestBody": rdf_body,
                         "responses": {"201": {"description": "created (Location)"},
                                       "204": {"description": "merged"}, **write_errors}},
                "delete": {"summary": "drop a graph", "parameters": graph_params,
                           "security": [{"bearer": []}],
                           "responses": {"204": {"description": "dropped"},
                                         "404": {"description": "no such graph"},
                                         **write_errors}},
            },
            "/graph/{path}": {"get": {
                "summary": "Graph Store Protocol, direct identification (<base>graph/...)",
                "parameters": [{"name": "path", "in": "path", "required": True,
                                "schema": {"type": "string"}}],
                "responses": {"200": {"description": "the graph",
                                      "content": _content(GRAPH_FORMATS)}}}},
            "/id/{path}": {"get": {
                "summary": "Linked Data: HTML for browsers, RDF by Accept",
                "parameters": [{"name": "path", "in": "path", "required": True,
                                "schema": {"type": "string"}}],
                "responses": {"200": {"description": "the resource",
                                      "content": {"text/html": {},
                                                  **_content(GRAPH_FORMATS)}},
                              "404": {"description": "unknown IRI"}}}},
            "/api/statements": {"get": {"summary": "statements as framed JSON-LD",
                                        "parameters": view_params, "responses": jsonld}},
            "/api/actions": {"get": {"summary": "military actions as framed JSON-LD",
                                     "parameters": view_params, "responses": jsonld}},
            "/dataset": {"get": {"summary": "the whole dataset (or ?graph=IRI)",
                                 "responses": {"200": {"description": "dump",
                                                       "content": _content(GRAPH_FORMATS)}}}},
            "/.well-known/void": {"get": {"summary": "VoID statistics",
                                          "responses": {"200": {
                                              "description": "VoID",
                                              "content": _content(GRAPH_FORMATS)}}}},
            "/ontology": {"get": {"summary": "the ontology",
                                  "responses": {"200": {"description": "OWL",
                                                        "content": _content(GRAPH_FORMATS)}}}},
            "/ontology/context.jsonld": {"get": {"summary": "our JSON-LD context",
                                                 "responses": jsonld}},
            "/-/health": {"get": {"summary": "liveness and triple count",
                                  "responses": {"200": {"description": "ok"}}}},
        },
    }


@bp.route("/openapi.json")
def openapi_json() -> Response:
    response = jsonify(openapi(request.host_url.rstrip("/")))
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response
