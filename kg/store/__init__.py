"""Stores: ``open_store(location)`` picks an implementation by the location's form.

* a directory path: the embedded Oxigraph store on disk (the default);
* ``memory:``: an in-memory Oxigraph store (tests, one-off queries);
* ``http://…`` or ``https://…``: the query endpoint of a SPARQL 1.1 server with Update
  (see :mod:`kg.store.remote`).
"""

from __future__ import annotations

from kg.config import Settings
from kg.errors import ConfigError
from kg.store.base import GraphStore

__all__ = ["GraphStore", "open_configured", "open_store"]


def open_store(location: str, *, read_only: bool = False,
               open_files: int | None = None) -> GraphStore:
    """Open the store at ``location``; ``read_only`` opens may run beside a writer.
    ``open_files`` caps the table files an on-disk store keeps open (None or 0: no cap)."""
    if location in ("memory:", ":memory:"):
        from kg.store.oxigraph import OxigraphStore

        return OxigraphStore(None)
    if location.startswith(("http://", "https://")):
        from kg.store.remote import RemoteStore

        return RemoteStore(location)
    if "://" in location:
        raise ConfigError(f"store location {location!r}: give a directory, 'memory:' or the "
                          "http(s) URL of a SPARQL endpoint")
    from kg.store.oxigraph import OxigraphStore

    return OxigraphStore(location, read_only=read_only, open_files=open_files)


def open_configured(settings: Settings, *, read_only: bool = False,
                    serving: bool = False) -> GraphStore:
    """The store ``settings`` name (``store``), with their cap on open table files:
    ``serve_open_files`` for ``kg serve`` (``serving``), ``store_open_files`` otherwise."""
    cap = settings.serve_open_files if serving else settings.store_open_files
    return open_store(settings.store_location, read_only=read_only, open_files=cap)
