"""Running one SPARQL query and serialising its answer, capped at ``max_rows``.

Plain functions with no Flask, so the same code runs in the server's thread (in-memory
stores) and in a killable worker process (on-disk stores, see :mod:`server.pool`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import IO, Any, cast

import pyoxigraph as ox

from kg.errors import KGError
from kg.formats import GRAPH_FORMATS, RESULT_FORMATS, Format
from kg.serialize import graph_bytes, results_bytes
from kg.sparqltext import cap_solutions
from kg.store.oxigraph import run_query
from server.negotiation import choose

__all__ = ["TRUNCATED_LINK", "Job", "Outcome", "execute", "oxigraph_runner", "solutions_json"]

TRUNCATED_LINK = "https://w3id.org/kg/ontology#TruncatedResult"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@dataclass(frozen=True)
class Job:
    text: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    base_iri: str | None = None
    accept: str | None = None
    formats: tuple[str, ...] = ()
    max_rows: int = 10000
    version: int = 0


@dataclass
class Outcome:
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    kind: str = "solutions"  # solutions, boolean or graph
    rows: int = 0


Runner = Callable[[Job], Any]


def oxigraph_runner(store: ox.Store) -> Runner:
    """A runner over a raw pyoxigraph store with the protocol's dataset rules: protocol
    parameters win over the query's FROM; named graphs only means an empty default graph;
    no parameters: the query's own FROM (graphs read from the store, never fetched), or
    else the union of all graphs."""

    def run(job: Job) -> Any:
        return run_query(store, job.text, default_graphs=job.default_graphs,
                         named_graphs=job.named_graphs, base_iri=job.base_iri)

    return run


def _term(term: Any) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _term(term.subject),
                                            "predicate": _term(term.predicate),
                                            "object": _term(term.object)}}
    raise TypeError(f"unexpected term {term!r}")


def solutions_json(names: Sequence[str], rows: Sequence[Any], *, truncated: bool) -> bytes:
    """SPARQL 1.1 JSON results; a cut result says so in ``head.link``."""
    head: dict[str, Any] = {"vars": list(names)}
    if truncated:
        head["link"] = [TRUNCATED_LINK]
    bindings = []
    for row in rows:
        binding = {}
        for name in names:
            value = row[name]
            if value is not None:
                binding[name] = _term(value)
        bindings.append(binding)
    return json.dumps({"head": head, "results": {"bindings": bindings}},
                      ensure_ascii=False).encode()


FAST_BYTES = 64 * 1024 * 1024  # answers up to this size are written by Oxigraph itself


class _TooLarge(Exception):
    pass


class _CappedBuffer:
    """A file-like sink for ``QuerySolutions.serialize`` that gives up past ``limit``."""

    def __init__(self, limit: int) -> None:
        self.parts: list[bytes] = []
        self.size = 0
        self.limit = limit

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise _TooLarge
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


def _written_by_oxigraph(result: ox.QuerySolutions, fmt: Format, max_rows: int
                         ) -> tuple[bytes, int, bool] | None:
    """(body, rows or -1 when not counted, truncated), serialised by Oxigraph (Rust), which
    is several times faster than building the answer row by row in Python; None when the
    answer is too large (over ``FAST_BYTES``) or is CSV that must be cut.

    Each row takes at least three bytes, so a short answer cannot pass ``max_rows``
    and is not counted; a longer JSON answer is counted (and cut) by the C JSON parser."""
    sink = _CappedBuffer(FAST_BYTES)
    try:
        result.serialize(cast(IO[bytes], sink), format=fmt.result_format())
    except _TooLarge:
        return None
    body = b"".join(sink.parts)
    if len(body) // 3 <= max_rows:
        return body, -1, False
    if fmt.name == "json":
        document = json.loads(body)
        bindings = document["results"]["bindings"]
        if len(bindings) <= max_rows:
            return body, len(bindings), False
        document["results"]["bindings"] = bindings[:max_rows]
        document["head"]["link"] = [TRUNCATED_LINK]
        return json.dumps(document, ensure_ascii=False).encode(), max_rows, True
    lines = body.count(b"\n")
    if fmt.name in ("csv", "tsv") and lines - 1 <= max_rows:  # a row ends every line but one
        return body, -1, False
    if fmt.name == "xml" and body.count(b"<result>") <= max_rows:
        return body, -1, False
    if fmt.name in ("xml", "tsv"):  # lossless: read back, counted and cut
        return _rows_answer(ox.parse_query_results(body, format=fmt.result_format()), fmt,
                            max_rows)
    return None  # CSV cannot be read back into terms


def _rows_answer(result: Any, fmt: Format, max_rows: int) -> tuple[bytes, int, bool]:
    """(body, rows, truncated) built row by row from at most ``max_rows + 1`` rows."""
    names = [v.value for v in result.variables]
    rows = list(islice(result, max_rows + 1))
    truncated = len(rows) > max_rows
    rows = rows[:max_rows]
    body = solutions_json(names, rows, truncated=truncated)
    if fmt.name != "json":
        parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        body = results_bytes(parsed, fmt)
    return body, len(rows), truncated


def _truncation_headers(limit: int) -> dict[str, str]:
    return {"X-KG-Truncated": "true", "X-KG-Max-Result-Rows": str(limit),
            "Warning": f'199 kg "result truncated to {limit} rows (max_result_rows)"'}


def execute(run: Runner, job: Job) -> Outcome:
    """Evaluate ``job`` and serialise the answer in the negotiated format.

    A SELECT query gets a top-level ``LIMIT`` of ``max_rows + 1`` (or keeps a smaller
    one), so the store stops after the rows we send plus one that tells us to cut."""
    capped = replace(job, text=cap_solutions(job.text, job.max_rows + 1))
    try:
        result = run(capped)
    except KGError:
        if capped.text == job.text:
            raise
        result = run(job)  # the original text's own error (or answer), never the rewrite's
    else:
        job = capped
    if isinstance(result, ox.QueryBoolean):
        fmt = choose(job.accept, RESULT_FORMATS, requested=job.formats)
        return Outcome(fmt.content_type, results_bytes(result, fmt), kind="boolean")
    if isinstance(result, ox.QuerySolutions):
        fmt = choose(job.accept, RESULT_FORMATS, requested=job.formats)
        fast = _written_by_oxigraph(result, fmt, job.max_rows)
        if fast is not None:
            written, count, cut = fast
            headers = _truncation_headers(job.max_rows) if cut else {}
            return Outcome(fmt.content_type, written, headers, kind="solutions", rows=count)
        # too large to write in one go, or CSV over the cap: again, row by row, capped
        body, count, truncated = _rows_answer(run(job), fmt, job.max_rows)
        headers = _truncation_headers(job.max_rows) if truncated else {}
        return Outcome(fmt.content_type, body, headers, kind="solutions", rows=count)
    fmt = choose(job.accept, GRAPH_FORMATS, requested=job.formats)
    triples = list(islice(result, job.max_rows + 1))
    truncated = len(triples) > job.max_rows
    triples = triples[:job.max_rows]
    headers = _truncation_headers(job.max_rows) if truncated else {}
    return Outcome(fmt.content_type, graph_bytes(triples, fmt), headers, kind="graph",
                   rows=len(triples))
