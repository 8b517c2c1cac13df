"""One handler renders every error: text/plain on SPARQL paths (what SPARQL clients
expect), one JSON shape elsewhere: ``{"ok": false, "error": "...", "status": N}``."""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException

from kg.errors import KGError

__all__ = ["register", "render"]

log = logging.getLogger("kg.server")

_PLAIN_PREFIXES = ("/sparql", "/store", "/update")


def render(status: int, message: str) -> Response:
    if request.path.startswith(_PLAIN_PREFIXES):
        response = Response(message + "\n", status=status, mimetype="text/plain")
    else:
        response = jsonify({"ok": False, "error": message, "status": status})
        response.status_code = status
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="kg"'
    return response


def register(app: Flask) -> None:
    @app.errorhandler(KGError)
    def _kg_error(error: KGError) -> Response:
        if error.status >= 500:
            log.exception("server error: %s", error.message)
        return render(error.status, error.message)

    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException) -> Response:
        status = error.code or 500
        response = render(status, error.description or error.name)
        if status == 405 and hasattr(error, "valid_methods") and error.valid_methods:
            response.headers["Allow"] = ", ".join(error.valid_methods)
        return response

    @app.errorhandler(Exception)
    def _unexpected(error: Exception) -> Response:
        log.exception("unexpected error")
        return render(500, f"internal error: {type(error).__name__}")
