"""A result cache for SPARQL queries, keyed by the dataset version (setting
``result_cache_mb``; 0 turns it off).

Every write through the server (SPARQL Update, Graph Store Protocol) bumps the dataset
version, so an answer is never served after a write that could change it. The cache sits in
front of the Flask app as WSGI middleware, so a repeated query costs a dictionary lookup
instead of a parse, a safety check and an evaluation in a worker process: dashboards,
example queries and Linked Data clients ask the same questions again and again.

Only responses that the query view marks as cacheable (header ``X-KG-Cacheable``, removed
before sending) are stored: successful query answers, never errors, updates or service
descriptions. The key holds everything such a response depends on: method, path, query
string, body, content type, ``Accept``, ``Host`` (the base IRI) and ``Origin`` (CORS).
Cached answers carry an ``ETag``; ``If-None-Match`` gets 304 Not Modified.

Stores that other processes can write (remote SPARQL servers) are never cached.
"""

from __future__ import annotations

import hashlib
import io
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

__all__ = ["CACHEABLE_HEADER", "CacheStats", "ResultCache", "ResultCacheMiddleware"]

CACHEABLE_HEADER = "X-KG-Cacheable"
_MARKER = CACHEABLE_HEADER.lower()
_MAX_BODY = 64 * 1024  # POST bodies larger than this are not cached (nor read twice)
_KEY_ENVIRON = ("REQUEST_METHOD", "PATH_INFO", "QUERY_STRING", "CONTENT_TYPE", "HTTP_ACCEPT",
                "HTTP_HOST", "HTTP_ORIGIN", "wsgi.url_scheme")

Key = tuple[Any, ...]
StartResponse = Callable[..., Any]


@dataclass(frozen=True)
class Entry:
    status: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    etag: str

    @property
    def size(self) -> int:
        return len(self.body) + sum(len(k) + len(v) for k, v in self.headers) + 200


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    stored: int = 0
    bytes: int = 0
    entries: int = 0


class ResultCache:
    """A thread-safe LRU of responses, bounded by ``max_bytes``."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[Key, Entry] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.stats = CacheStats()

    def get(self, key: Key) -> Entry | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                self.stats.misses += 1
                return None
            self._entries.move_to_end(key)
            self.stats.hits += 1
            return entry

    def put(self, key: Key, entry: Entry) -> None:
        if entry.size > self.max_bytes // 8:
            return  # one huge answer must not flush everything else
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= old.size
            self._entries[key] = entry
            self._bytes += entry.size
            self.stats.stored += 1
            while self._bytes > self.max_bytes and self._entries:
                _, evicted = self._entries.popitem(last=False)
                self._bytes -= evicted.size
            self.stats.bytes, self.stats.entries = self._bytes, len(self._entries)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = 0
            self.stats.bytes = self.stats.entries = 0


def _etag(version: int, body: bytes) -> str:
    return f'"{version}-{hashlib.blake2b(body, digest_size=10).hexdigest()}"'


def _matches(if_none_match: str | None, etag: str) -> bool:
    if not if_none_match:
        return False
    tags = [t.strip().removeprefix("W/") for t in if_none_match.split(",")]
    return "*" in tags or etag in tags


class ResultCacheMiddleware:
    """WSGI middleware answering repeated queries on ``paths`` from ``cache``.

    ``version()`` returns the current dataset version; it is part of every key.
    """

    def __init__(self, app: Callable[..., Iterable[bytes]], cache: ResultCache,
                 version: Callable[[], int], paths: tuple[str, ...] = ("/sparql",)) -> None:
        self.app = app
        self.cache = cache
        self.version = version
        self.paths = paths

    def _key(self, environ: dict[str, Any], body: bytes) -> Key:
        return (self.version(), body, *(environ.get(name) for name in _KEY_ENVIRON))

    def __call__(self, environ: dict[str, Any],
                 start_response: StartResponse) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD")
        if method not in ("GET", "POST") or environ.get("PATH_INFO") not in self.paths:
            return self.app(environ, start_response)
        body = b""
        if method == "POST":
            try:
                length = int(environ.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = -1
            if not 0 < length <= _MAX_BODY:
                return self.app(environ, start_response)
            body = environ["wsgi.input"].read(length)
            environ["wsgi.input"] = io.BytesIO(body)
        key = self._key(environ, body)
        entry = self.cache.get(key)
        if entry is not None:
            return self._answer(entry, environ, start_response)
        return self._fill(key, environ, start_response)

    def _answer(self, entry: Entry, environ: dict[str, Any],
                start_response: StartResponse) -> Iterable[bytes]:
        headers = [*entry.headers, ("ETag", entry.etag), ("X-KG-Cache", "hit")]
        if environ["REQUEST_METHOD"] == "GET" and _matches(environ.get("HTTP_IF_NONE_MATCH"),
                                                           entry.etag):
            keep = {"etag", "vary", "cache-control", "x-kg-cache"}
            start_response("304 Not Modified", [h for h in headers if h[0].lower() in keep])
            return [b""]
        start_response(entry.status, headers)
        return [entry.body]

    def _fill(self, key: Key, environ: dict[str, Any],
              start_response: StartResponse) -> Iterable[bytes]:
        captured: dict[str, Any] = {}
        written: list[bytes] = []  # the legacy write() callable's output, kept in order

        def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            captured["status"], captured["headers"] = status, headers
            if any(name.lower() == _MARKER for name, _ in headers):
                return written.append  # buffered below; never written directly
            return start_response(status, headers, exc_info) if exc_info else start_response(
                status, headers)

        result = self.app(environ, capture)
        headers: list[tuple[str, str]] = captured.get("headers", [])
        if not any(name.lower() == _MARKER for name, _ in headers):
            return result
        try:
            body = b"".join([*written, *result])
        finally:
            close = getattr(result, "close", None)
            if callable(close):
                close()
        kept = tuple((n, v) for n, v in headers
                     if n.lower() not in (_MARKER, "content-length", "etag"))
        kept += (("Content-Length", str(len(body))),)
        entry = Entry(captured["status"], kept, body, _etag(key[0], body))
        if captured["status"].startswith("200"):
            self.cache.put(key, entry)
        start_response(entry.status, [*kept, ("ETag", entry.etag), ("X-KG-Cache", "miss")])
        return [body]
