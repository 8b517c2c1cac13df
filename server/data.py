"""Data views: dataset export, the ontology and its JSON-LD context, resource pages,
health."""

from __future__ import annotations

import json
from typing import Any

import pyoxigraph as ox
from flask import Blueprint, Response, render_template, request

from kg import __version__
from kg.errors import NotFoundError, QueryError
from kg.formats import GRAPH_FORMATS, Format
from kg.ontology import context, ontology_path
from kg.serialize import export_bytes, store_bytes
from server.negotiation import choose, parse_accept
from server.state import state

__all__ = ["bp"]

bp = Blueprint("data", __name__)


def _graph_response(store: ox.Store, fmt: Format) -> Response:
    response = Response(store_bytes(store, fmt), content_type=fmt.content_type)
    response.headers["Vary"] = "Accept"
    return response


def _requested() -> list[str]:
    return request.args.getlist("format")


@bp.route("/")
def index() -> Response:
    st = state()
    return Response(render_template("index.html", base=st.settings.base_iri,
                                    graphs=st.store.named_graphs(), triples=len(st.store)),
                    mimetype="text/html")


@bp.route("/-/health")
def health() -> Response:
    st = state()
    return Response(json.dumps({"ok": True, "version": __version__, "triples": len(st.store),
                                "writable": st.write_token is not None}),
                    mimetype="application/json")


@bp.route("/dataset")
def dataset() -> Response:
    """The whole dataset (or one graph with ``?graph=IRI``) in any RDF format."""
    st = state()
    fmt = choose(request.headers.get("Accept"), GRAPH_FORMATS, requested=_requested())
    graph = request.args.get("graph")
    if graph is not None and graph not in st.store.named_graphs():
        raise NotFoundError(f"no graph named {graph}")
    response = Response(export_bytes(st.store, fmt, graph=graph), content_type=fmt.content_type)
    response.headers["Vary"] = "Accept"
    response.headers["Content-Disposition"] = f'inline; filename="kg-dataset.{fmt.extension}"'
    return response


@bp.route("/ontology")
def ontology() -> Response:
    fmt = choose(request.headers.get("Accept"), GRAPH_FORMATS, requested=_requested())
    store = ox.Store()
    store.load(ontology_path().read_bytes(), format=ox.RdfFormat.TURTLE)
    return _graph_response(store, fmt)


@bp.route("/ontology/context.jsonld")
def jsonld_context() -> Response:
    response = Response(json.dumps(context(), ensure_ascii=False, indent=2),
                        mimetype="application/ld+json")
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def _describe(iri: str) -> ox.Store:
    """Outgoing and incoming triples of ``iri`` across all graphs (each triple once)."""
    try:
        node = ox.NamedNode(iri)
    except ValueError:
        raise QueryError(f"not an IRI: {iri}") from None
    result = state().store.query(
        f"CONSTRUCT {{ {node} ?p ?o . ?s ?q {node} }} "
        f"WHERE {{ {{ {node} ?p ?o }} UNION {{ ?s ?q {node} }} }}")
    out = ox.Store()
    out.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in result)
    return out


_RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_EVIDENCE = """PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX schema: <http://schema.org/>
SELECT ?article ?start ?end ?exact ?text WHERE {
  ?annotation oa:hasBody %s ; oa:hasTarget ?target .
  ?target oa:hasSource ?article ; oa:hasSelector ?position .
  ?position oa:start ?start ; oa:end ?end .
  OPTIONAL { ?target oa:hasSelector ?quote . ?quote oa:exact ?exact }
  OPTIONAL { ?article schema:text ?text }
} ORDER BY ?article ?start"""


def _href(iri: str) -> str:
    """Local IRIs link to this server's path (works whatever host serves it)."""
    base = state().minter.base
    if iri.startswith(base):
        return "/" + iri[len(base):]
    return iri


def _labels(iris: set[str]) -> dict[str, str]:
    """A label per IRI: Bokmål first, then English, then any."""
    if not iris:
        return {}
    values = " ".join(f"<{i}>" for i in iris if ">" not in i and " " not in i)
    rank = {"nb": 0, "no": 1, "en": 2}
    best: dict[str, tuple[int, str]] = {}
    for row in state().store.query(f"SELECT ?x ?l WHERE {{ VALUES ?x {{ {values} }} "
                                   f"?x <{_RDFS_LABEL}> ?l }}"):
        language = getattr(row["l"], "language", None) or ""
        score = rank.get(language, 3)
        if row["x"].value not in best or score < best[row["x"].value][0]:
            best[row["x"].value] = (score, row["l"].value)
    return {iri: label for iri, (_, label) in best.items()}


def _local_name(iri: str) -> str:
    return iri.rstrip("/").rsplit("#", 1)[-1].rsplit("/", 1)[-1] or iri


def _node(term: Any, labels: dict[str, str]) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"kind": "iri", "iri": term.value, "href": _href(term.value),
                "label": labels.get(term.value, _local_name(term.value))}
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value if not term.language else None
        short = _local_name(datatype) if datatype and not datatype.endswith("#string") else None
        return {"kind": "literal", "value": term.value, "language": term.language,
                "datatype": short}
    return {"kind": "bnode", "value": str(term)}


def _sentence(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The sentence(s) around ``text[start:end]``, split into before, quote, after."""
    stops = ".!?\n"
    left = start
    while left > 0 and text[left - 1] not in stops:
        left -= 1
    right = end
    while right < len(text) and text[right - 1] not in stops:
        right += 1
    return text[left:start].lstrip(), text[start:end], text[end:right].rstrip()


def _evidence(iri: str, labels: dict[str, str]) -> list[dict[str, Any]]:
    out = []
    for row in state().store.query(_EVIDENCE % f"<{iri}>"):
        start, end = int(row["start"].value), int(row["end"].value)
        text = row["text"].value if row["text"] is not None else None
        if text is not None and 0 <= start <= end <= len(text):
            before, quote, after = _sentence(text, start, end)
        else:
            before, quote, after = "", row["exact"].value if row["exact"] else "", ""
        article = row["article"].value
        out.append({"before": before, "quote": quote, "after": after, "start": start,
                    "end": end, "article": article, "href": _href(article),
                    "label": labels.get(article, _local_name(article))})
    return out


def _alternates(path: str) -> list[tuple[str, Format]]:
    return [(f"{path}?format={fmt.name}", fmt) for fmt in GRAPH_FORMATS]


def _page(iri: str, described: ox.Store) -> str:
    outgoing = [q for q in described
                if isinstance(q.subject, ox.NamedNode) and q.subject.value == iri]
    incoming = [q for q in described
                if isinstance(q.object, ox.NamedNode) and q.object.value == iri
                and not (isinstance(q.subject, ox.NamedNode) and q.subject.value == iri)]
    iris = {iri} | {q.predicate.value for q in described}
    iris |= {t.value for q in described for t in (q.subject, q.object)
             if isinstance(t, ox.NamedNode)}
    evidence_rows = list(state().store.query(_EVIDENCE % f"<{iri}>"))
    iris |= {row["article"].value for row in evidence_rows}
    labels = _labels(iris)
    types = [_node(q.object, labels) for q in outgoing if q.predicate.value == _RDF_TYPE]
    props = sorted(((_node(q.predicate, labels), _node(q.object, labels)) for q in outgoing
                    if q.predicate.value not in (_RDF_TYPE, _RDFS_LABEL)),
                   key=lambda pair: (pair[0]["label"], str(pair[1].get("label")
                                                           or pair[1].get("value"))))
    names = sorted((q.object.language or "", q.object.value) for q in outgoing
                    if q.predicate.value == _RDFS_LABEL and isinstance(q.object, ox.Literal))
    refs = sorted(((_node(q.subject, labels), _node(q.predicate, labels)) for q in incoming),
                  key=lambda pair: (pair[1]["label"], str(pair[0].get("label"))))
    title = _title(iri, outgoing, labels, types)
    neighbourhood = _neighbourhood(iri, outgoing, incoming, {**labels, iri: title})
    return render_template(
        "resource.html", iri=iri, label=title, types=types,
        names=names, props=props, refs=refs, evidence=_evidence(iri, labels),
        alternates=_alternates(request.path), graph=json.dumps(neighbourhood))


_WHO = ("https://w3id.org/kg/ontology#speaker", "https://w3id.org/kg/ontology#agent")
_HEADLINE = "http://schema.org/headline"


def _title(iri: str, outgoing: list[Any], labels: dict[str, str],
           types: list[dict[str, Any]]) -> str:
    """The resource's label; else its headline; else its most specific kind and who."""
    if iri in labels:
        return labels[iri]
    for q in outgoing:
        if q.predicate.value == _HEADLINE and isinstance(q.object, ox.Literal):
            return str(q.object.value)
    kind = next((t["label"] for t in types if t["iri"].startswith(
        "https://w3id.org/kg/ontology#") and t["iri"].rsplit("#", 1)[-1] not in
        ("Statement", "MilitaryAction")), None) or (types[0]["label"] if types else None)
    who = next((labels.get(q.object.value, _local_name(q.object.value)) for q in outgoing
                if q.predicate.value in _WHO and isinstance(q.object, ox.NamedNode)), None)
    parts = [p for p in (kind, who) if p]
    return " — ".join(parts) if parts else _local_name(iri)


def _neighbourhood(iri: str, outgoing: list[Any], incoming: list[Any],
                   labels: dict[str, str]) -> dict[str, Any]:
    """Nodes and edges of the resource's one-step neighbourhood (IRIs only) for the
    picture on the page."""
    nodes = {iri: {"id": iri, "label": labels.get(iri, _local_name(iri)), "href": _href(iri),
                   "centre": True}}
    edges = []
    for q in [*outgoing, *incoming]:
        if q.predicate.value == _RDF_TYPE:
            continue
        if not (isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.NamedNode)):
            continue
        for node in (q.subject.value, q.object.value):
            nodes.setdefault(node, {"id": node, "label": labels.get(node, _local_name(node)),
                                    "href": _href(node), "centre": False})
        edges.append({"source": q.subject.value, "target": q.object.value,
                      "label": labels.get(q.predicate.value, _local_name(q.predicate.value))})
        if len(edges) >= 60:
            break
    return {"nodes": list(nodes.values()), "edges": edges}


@bp.route("/id/<path:rest>")
def resource(rest: str) -> Response:
    """A minted IRI dereferences: HTML for browsers, RDF for machines (by Accept)."""
    st = state()
    iri = st.minter.base + "id/" + rest
    described = _describe(iri)
    if len(described) == 0:
        raise NotFoundError(f"nothing is known about {iri}")
    accept = request.headers.get("Accept")
    ranges = parse_accept(accept)
    html_q = max((r.q for r in ranges if (r.type, r.subtype) == ("text", "html")), default=0.0)
    links = ", ".join(f'<{href}>; rel="alternate"; type="{fmt.media_type}"'
                      for href, fmt in _alternates(request.path))
    if html_q > 0 and not _requested():
        response = Response(_page(iri, described), mimetype="text/html")
    else:
        fmt = choose(accept, GRAPH_FORMATS, requested=_requested())
        response = _graph_response(described, fmt)
        links += f', <{request.path}>; rel="alternate"; type="text/html"'
    response.headers["Link"] = links
    response.headers["Vary"] = "Accept"
    return response
