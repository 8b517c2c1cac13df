"""The narrow store interface the rest of the code talks to."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from rdflib import Graph

__all__ = ["GraphStore", "insert_data_update"]


class GraphStore(Protocol):
    """Whole-graph operations only: cheap to implement over a remote SPARQL server too."""

    location: str
    supports_update: bool

    def apply(self, *, replace: Mapping[str, Graph | str],
              add: Mapping[str, Graph | str]) -> None:
        """Atomically replace the named graphs in ``replace`` and add to those in ``add``
        (each a Graph or N-Triples text)."""

    def query(self, sparql: str, *, default_graphs: Sequence[str] | None = None,
              named_graphs: Sequence[str] | None = None, base_iri: str | None = None) -> Any:
        """Run a SPARQL query; the default graph is the union of all graphs unless
        ``default_graphs`` names some."""

    def update(self, sparql: str, *, base_iri: str | None = None) -> None: ...

    def dump(self, media_type: str, *, graph: str | None = None) -> bytes: ...

    def named_graphs(self) -> list[str]: ...

    def flush(self) -> None:
        """Make every write so far durable and release write buffers."""

    def __len__(self) -> int: ...

    def close(self) -> None: ...


def insert_data_update(*, replace: Mapping[str, Graph | str],
                       add: Mapping[str, Graph | str]) -> str:
    """One SPARQL Update request that drops and refills ``replace`` and adds ``add``:
    a single request is a single transaction on any SPARQL 1.1 store."""
    parts = [f"DROP SILENT GRAPH <{name}>" for name in replace]
    blocks = []
    for name, graph in [*replace.items(), *add.items()]:
        body = graph if isinstance(graph, str) else graph.serialize(format="nt")
        if body.strip():
            blocks.append(f"GRAPH <{name}> {{\n{body}}}")
    if blocks:
        parts.append("INSERT DATA {\n" + "\n".join(blocks) + "\n}")
    return " ;\n".join(parts)
