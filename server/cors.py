"""CORS for reads, off by default (setting ``cors_origins``: comma-separated origins or ``*``).

Only GET, HEAD and POST (queries) with the headers a SPARQL client sends are allowed; the
``Authorization`` header is never allowed cross-origin, so browsers on other sites cannot
send the write token."""

from __future__ import annotations

from flask import Flask, Response, request

__all__ = ["register"]

_METHODS = "GET, HEAD, POST, OPTIONS"
_HEADERS = "Accept, Content-Type"
_EXPOSE = "Content-Type, Warning, X-KG-Truncated, X-KG-Max-Result-Rows, Link, Location"


def allowed_origin(origin: str | None, setting: str) -> str | None:
    """The value of Access-Control-Allow-Origin for ``origin``, or None (no CORS).

    >>> allowed_origin("https://a.example", "https://a.example, https://b.example")
    'https://a.example'
    >>> allowed_origin("https://c.example", "https://a.example") is None
    True
    """
    origins = [o.strip().rstrip("/") for o in setting.split(",") if o.strip()]
    if not origin or not origins:
        return None
    if "*" in origins:
        return "*"
    return origin if origin.rstrip("/") in origins else None


def register(app: Flask, setting: str) -> None:
    if not setting.strip():
        return

    @app.after_request
    def _cors(response: Response) -> Response:
        origin = allowed_origin(request.headers.get("Origin"), setting)
        if origin is None:
            return response
        if request.method == "OPTIONS":
            wanted = request.headers.get("Access-Control-Request-Method", "").upper()
            if wanted and wanted not in ("GET", "HEAD", "POST"):
                return response  # writes are not offered cross-origin
            response.headers["Access-Control-Allow-Methods"] = _METHODS
            response.headers["Access-Control-Allow-Headers"] = _HEADERS
            response.headers["Access-Control-Max-Age"] = "600"
        elif request.method not in ("GET", "HEAD", "POST"):
            return response
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Expose-Headers"] = _EXPOSE
        if origin != "*":
            response.headers.add("Vary", "Origin")
        return response
