"""One error hierarchy for the library, the CLI and the server.

Every exception carries the HTTP status it maps to, so one handler in the server
renders all of them and the CLI turns them into a message and a non-zero exit.
"""

from __future__ import annotations

__all__ = [
    "ArticleError",
    "ConfigError",
    "ForbiddenError",
    "KGError",
    "NotAcceptableError",
    "NotFoundError",
    "PayloadTooLargeError",
    "QueryError",
    "QueryTimeoutError",
    "StoreError",
    "UnauthorizedError",
    "UnsupportedMediaTypeError",
]


class KGError(Exception):
    """Base class: ``status`` is the HTTP status, ``message`` the reason shown to users."""

    status = 500

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ArticleError(KGError):
    """An input article cannot be read (empty, binary, not UTF-8, no date...)."""

    status = 400

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.reason = message


class ConfigError(KGError):
    """A setting has a value that cannot be used."""

    status = 500


class QueryError(KGError):
    """A SPARQL query or update is malformed or refers to something not allowed."""

    status = 400


class UnauthorizedError(KGError):
    """A write was attempted without a valid bearer token."""

    status = 401


class ForbiddenError(KGError):
    """The operation is switched off on this server (e.g. updates without a token)."""

    status = 403


class NotFoundError(KGError):
    status = 404


class NotAcceptableError(KGError):
    """No representation matches the client's Accept header."""

    status = 406


class PayloadTooLargeError(KGError):
    status = 413


class UnsupportedMediaTypeError(KGError):
    status = 415


class QueryTimeoutError(KGError):
    """The query ran past the time limit and was stopped."""

    status = 503


class StoreError(KGError):
    """The store failed (I/O, corruption, locked directory)."""

    status = 500
