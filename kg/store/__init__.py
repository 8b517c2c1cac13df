"""Stores: ``open_store(location)`` picks an implementation by the location's form.

* a directory path: the embedded Oxigraph store on disk (the default);
* ``memory:``: an in-memory Oxigraph store (tests, one-off queries).
"""

from __future__ import annotations

from kg.errors import ConfigError
from kg.store.base import GraphStore

__all__ = ["GraphStore", "open_store"]


def open_store(location: str, *, read_only: bool = False) -> GraphStore:
    """Open the store at ``location``; ``read_only`` opens may run beside a writer."""
    if location in ("memory:", ":memory:"):
        from kg.store.oxigraph import OxigraphStore

        return OxigraphStore(None)
    if "://" in location:
        raise ConfigError(f"store location {location!r}: remote stores are not supported yet; "
                          "give a directory or 'memory:'")
    from kg.store.oxigraph import OxigraphStore

    return OxigraphStore(location, read_only=read_only)
