"""The embedded default store: pyoxigraph (RocksDB on disk, or in memory)."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph

from kg.config import MIN_OPEN_FILES
from kg.errors import ConfigError, QueryError, StoreError
from kg.serialize import dump
from kg.sparqltext import has_query_dataset
from kg.store.base import insert_data_update
from kg.vocab import PREFIXES

__all__ = ["MIN_OPEN_FILES", "OxigraphStore", "open_files_cap", "run_query", "translated_errors"]

_RESERVED_FDS = 48  # descriptors Oxigraph leaves to the rest of the process


@contextmanager
def open_files_cap(limit: int | None) -> Iterator[None]:
    """Oxigraph sizes RocksDB's table cache (``max_open_files``) from the process's soft
    file-descriptor limit, less 48, at the moment it opens a store, and RocksDB keeps the
    index of every open table file in memory: on a store of many gigabytes that index is
    most of the process. Lowering the soft limit while the store opens caps the open table
    files, and so that memory, at ``limit``; the process's own limit is restored at once.
    ``None`` or 0: no cap."""
    if not limit or sys.platform == "win32":
        yield
        return
    if limit < MIN_OPEN_FILES:
        raise ConfigError(f"a cap of {limit} open table files is too few; the store "
                          f"needs at least {MIN_OPEN_FILES}")
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = limit + _RESERVED_FDS
    if soft != resource.RLIM_INFINITY and soft <= wanted:
        yield  # already this tight
        return
    resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def _graph_names(names: Sequence[str] | None) -> Any:
    """Graph IRIs as pyoxigraph nodes (None stays None)."""
    if names is None:
        return None
    try:
        return [ox.NamedNode(name) for name in names]
    except ValueError as exc:
        raise QueryError(f"invalid graph IRI: {exc}") from None


@contextmanager
def translated_errors(action: str) -> Iterator[None]:
    """pyoxigraph's exceptions as ours: bad SPARQL is a QueryError (400), I/O a StoreError."""
    try:
        yield
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from None
    except ValueError as exc:
        raise QueryError(str(exc)) from None
    except OSError as exc:
        raise StoreError(f"{action} failed: {exc}") from exc


def run_query(store: ox.Store, sparql: str, *, default_graphs: Sequence[str] = (),
              named_graphs: Sequence[str] = (), base_iri: str | None = None) -> Any:
    """A query on a pyoxigraph store with the SPARQL 1.1 Protocol's dataset rules: protocol
    graphs win over the query's FROM; named graphs alone mean an empty default graph; with
    no graphs named, the query's own FROM (graphs of the store, never fetched), or else the
    union of all graphs."""
    with translated_errors("query"):
        defaults, named = _graph_names(default_graphs), _graph_names(named_graphs)
        if defaults or named:
            return store.query(sparql, base_iri=base_iri, default_graph=defaults or [],
                               named_graphs=named or None)
        if has_query_dataset(sparql):
            return store.query(sparql, base_iri=base_iri)
        return store.query(sparql, base_iri=base_iri, use_default_graph_as_union=True)


class OxigraphStore:
    supports_update = True

    def __init__(self, path: str | None, *, read_only: bool = False,
                 open_files: int | None = None) -> None:
        """``open_files`` caps the table files RocksDB keeps open (None: Oxigraph's own
        choice, the process's descriptor limit less 48)."""
        self.location = path or "memory:"
        self.read_only = read_only
        try:
            if path is None:
                self._store = ox.Store()
            elif read_only:
                if not (Path(path) / "CURRENT").is_file():
                    raise StoreError(f"no store at {path}: build one first with 'kg build'")
                with open_files_cap(open_files):
                    self._store = ox.Store.read_only(path)
            else:
                Path(path).mkdir(parents=True, exist_ok=True)
                with open_files_cap(open_files):
                    self._store = ox.Store(path)
        except OSError as exc:
            message = str(exc)
            if "lock" in message.lower():
                message = (f"the store at {path} is in use by another process "
                           f"(a running 'kg serve' or 'kg build'?): {exc}")
            raise StoreError(message) from exc

    @property
    def raw(self) -> ox.Store:
        return self._store

    def apply(self, *, replace: Mapping[str, Graph | str],
              add: Mapping[str, Graph | str]) -> None:
        update = insert_data_update(replace=replace, add=add)
        if not update:
            return
        try:
            self._store.update(update)
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"could not write to the store: {exc}") from exc

    def query(self, sparql: str, *, default_graphs: Sequence[str] | None = None,
              named_graphs: Sequence[str] | None = None, base_iri: str | None = None) -> Any:
        return run_query(self._store, sparql, default_graphs=default_graphs or (),
                         named_graphs=named_graphs or (), base_iri=base_iri)

    def update(self, sparql: str, *, base_iri: str | None = None) -> None:
        with translated_errors("update"):
            self._store.update(sparql, base_iri=base_iri)

    def dump(self, media_type: str, *, graph: str | None = None) -> bytes:
        fmt = ox.RdfFormat.from_media_type(media_type)
        if fmt is None:
            raise ValueError(f"unsupported RDF media type {media_type}")
        prefixes = PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
        if fmt.supports_datasets:
            if graph is None:
                return dump(self._store, format=fmt, prefixes=prefixes)
            out = ox.Store()
            out.extend(ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(graph))
                       for q in self._store.quads_for_pattern(None, None, None,
                                                              ox.NamedNode(graph)))
            return dump(out, format=fmt, prefixes=prefixes)
        if graph is not None:
            return dump(self._store, format=fmt, from_graph=ox.NamedNode(graph),
                        prefixes=prefixes)
        triples: Any = self._store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        merged = ox.Store()  # a store is a set: each triple once, whatever its graphs
        merged.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples)
        return dump(merged, format=fmt, from_graph=ox.DefaultGraph(), prefixes=prefixes)

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def __len__(self) -> int:
        return len(self._store)

    def flush(self) -> None:
        if self.location != "memory:" and not self.read_only:
            self._store.flush()

    def close(self) -> None:
        self.flush()
        del self._store
