"""Per-app state: settings, store and IRI minter, kept in ``app.extensions['kg']``."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from flask import Flask, current_app

from kg.config import Settings
from kg.iri import IRIMinter
from kg.store.base import GraphStore

__all__ = ["State", "init_app", "state"]


@dataclass
class State:
    settings: Settings
    store: GraphStore
    minter: IRIMinter
    write_token: str | None
    runner: Any = None  # server.pool.ProcessPool or ThreadRunner
    version: int = 0  # bumped by every write: workers reopen, caches expire
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    cache: dict[Any, Any] = field(default_factory=dict)
    results: Any = None  # server.cache.ResultCache when result caching is on

    def written(self) -> None:
        """Call after every write: make it durable, then let readers see it."""
        flush = getattr(self.store, "flush", None)
        if callable(flush):
            flush()
        snapshot = getattr(self.runner, "snapshot", None)
        if callable(snapshot):
            snapshot(self.version + 1)  # first the checkpoint, then jobs may ask for it
        self.version += 1
        self.cache.clear()
        if self.results is not None:
            self.results.clear()

    def cached(self, key: Any, compute: Any) -> Any:
        """``compute()`` once per dataset version."""
        full = (key, self.version)
        if full not in self.cache:
            self.cache[full] = compute()
        return self.cache[full]


def _runner(settings: Settings, store: GraphStore) -> Any:
    from server.pool import ProcessPool, ThreadRunner

    location = getattr(store, "location", "memory:")
    if location != "memory:" and hasattr(store, "raw"):
        return ProcessPool(store.raw, location, settings.threads,
                           open_files=settings.serve_open_files)
    from server.execute import Job, oxigraph_runner

    raw = getattr(store, "raw", None)
    if raw is not None:
        return ThreadRunner(oxigraph_runner(raw), settings.threads)

    def run(job: Job) -> Any:
        return store.query(job.text, default_graphs=job.default_graphs or None,
                           named_graphs=job.named_graphs or None, base_iri=job.base_iri)

    return ThreadRunner(run, settings.threads)


def init_app(app: Flask, settings: Settings, store: GraphStore) -> None:
    st = State(settings, store, IRIMinter(settings.base_iri), settings.token(),
               _runner(settings, store))
    app.extensions["kg"] = st
    # Only stores that nobody else writes: every write goes through this server and
    # bumps the version. A remote store can change under us, so it is never cached.
    if settings.result_cache_mb > 0 and hasattr(store, "raw"):
        from server.cache import ResultCache, ResultCacheMiddleware

        st.results = ResultCache(int(settings.result_cache_mb * 1024 * 1024))
        app.wsgi_app = ResultCacheMiddleware(  # type: ignore[method-assign]
            app.wsgi_app, st.results, lambda: st.version)


def state() -> State:
    value = current_app.extensions["kg"]
    assert isinstance(value, State)
    return value
