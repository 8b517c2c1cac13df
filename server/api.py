"""JSON-LD views for people who want documents, not triples: ``/api/statements`` and
``/api/actions``.

A CONSTRUCT query picks the (filtered, capped) subgraph; pyoxigraph serialises it as
expanded JSON-LD (linear time: pyld's ``from_rdf`` is never used); pyld frames it with our
context. Results are cached per dataset version (every write invalidates them).

Filters: ``speaker`` and ``country`` (an IRI, or text that a label contains, any case),
``since`` and ``until`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, on the article's
publication date), ``limit``.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pyoxigraph as ox
from flask import Blueprint, Response, request

from kg.errors import QueryError
from kg.jsonld import CONTEXT_URL_PATH, frame, to_expanded
from server.state import state

__all__ = ["bp"]

bp = Blueprint("api", __name__)

_PREFIXES = """PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <http://schema.org/>
"""
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ACTION_KINDS = ("Deployment", "Withdrawal", "MilitaryBuildup", "Exercise", "Attack", "Invasion",
                 "NuclearModernisation", "ArmsTransfer", "ReadinessIncrease")
_REVERSE = {"claimedBy": {"@reverse": "kg:claims", "@type": "@id"},
            "disputedBy": {"@reverse": "kg:disputes", "@type": "@id"},
            "announcedBy": {"@reverse": "kg:announces", "@type": "@id"},
            "fearedBy": {"@reverse": "kg:fears", "@type": "@id"}}


_EMBED = {"@embed": "@always", "@omitDefault": True}
_WHO = {"@embed": "@always", "@omitDefault": True, "@explicit": True, "speaker": _EMBED}


def _match(var: str, value: str | None) -> str:
    """A FILTER that ``var`` is the IRI ``value`` or has a label containing it."""
    if not value:
        return ""
    if "://" in value:
        try:
            return f"FILTER({var} = {ox.NamedNode(value)})"
        except ValueError:
            raise QueryError(f"not an IRI: {value!r}") from None
    needle = ox.Literal(value.lower())
    return (f"FILTER EXISTS {{ {var} rdfs:label ?_l{var[1:]} "
            f"FILTER(CONTAINS(LCASE(STR(?_l{var[1:]})), {needle})) }}")


def _dates() -> str:
    out = []
    for name, op in (("since", ">="), ("until", "<=")):
        value = request.args.get(name)
        if value is None:
            continue
        if not _DATE.match(value):
            raise QueryError(f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
        if op == "<=":
            value += "\uffff"  # until 2022-02 includes 2022-02-28
        out.append(f"FILTER(STR(?date) {op} {ox.Literal(value)})")
    return "\n".join(out)


def _limit() -> int:
    cap = state().settings.max_result_rows
    raw = request.args.get("limit")
    if raw is None:
        return cap
    if not raw.isdigit():
        raise QueryError("limit must be a positive integer")
    return min(int(raw), cap)


def statements_query(speaker: str | None, country: str | None, dates: str, limit: int) -> str:
    return _PREFIXES + f"""CONSTRUCT {{
  ?s a kg:Statement , ?type ; kg:speaker ?sp ; kg:text ?text ; kg:speechVerb ?verb ;
     kg:reportedIn ?art ; kg:about ?about .
  ?sp rdfs:label ?spl . ?about rdfs:label ?al .
  ?art a kg:Article ; schema:datePublished ?date ; schema:headline ?headline .
}} WHERE {{
  {{ SELECT DISTINCT ?s WHERE {{
      ?s a kg:Statement ; kg:speaker ?sp ; kg:reportedIn ?art .
      OPTIONAL {{ ?art schema:datePublished ?date }}
      {_match("?sp", speaker)}
      {"?s kg:about ?c . " + _match("?c", country) if country else ""}
      {dates}
  }} ORDER BY ?s LIMIT {limit} }}
  ?s kg:speaker ?sp ; kg:reportedIn ?art .
  OPTIONAL {{ ?s a ?type FILTER(?type IN (kg:DirectQuote, kg:ReportedSpeech)) }}
  OPTIONAL {{ ?s kg:text ?text }} OPTIONAL {{ ?s kg:speechVerb ?verb }}
  OPTIONAL {{ ?sp rdfs:label ?spl }}
  OPTIONAL {{ ?s kg:about ?about OPTIONAL {{ ?about rdfs:label ?al }} }}
  OPTIONAL {{ ?art schema:datePublished ?date }} OPTIONAL {{ ?art schema:headline ?headline }}
}}"""


def actions_query(speaker: str | None, country: str | None, dates: str, limit: int) -> str:
    kinds = ", ".join(f"kg:{k}" for k in _ACTION_KINDS)
    country_filter = ("{ ?a kg:agent|kg:coAgent ?c } UNION { ?a kg:destination ?c } " +
                      _match("?c", country)) if country else ""
    speaker_filter = ("?st ?rel ?a ; kg:speaker ?sp . " + _match("?sp", speaker)) \
        if speaker else ""
    return _PREFIXES + f"""CONSTRUCT {{
  ?a a ?kind ; kg:agent ?agent ; kg:coAgent ?co ; kg:destination ?dest ; kg:origin ?org ;
     kg:target ?tg ; kg:near ?nr ; kg:location ?loc ; kg:locationText ?where ; kg:what ?what ;
     kg:personnelMin ?min ; kg:personnelMax ?max ; kg:duration ?duration ; kg:status ?status ;
     kg:reportedIn ?art .
  ?agent rdfs:label ?agl . ?co rdfs:label ?col . ?dest rdfs:label ?dl . ?org rdfs:label ?orl .
  ?tg rdfs:label ?tgl .
  ?nr rdfs:label ?nrl . ?loc rdfs:label ?locl .
  ?art a kg:Article ; schema:datePublished ?date ; schema:headline ?headline .
  ?claim ?how ?a ; kg:speaker ?csp . ?csp rdfs:label ?cspl .
}} WHERE {{
  {{ SELECT DISTINCT ?a WHERE {{
      ?a a ?k . FILTER(?k IN ({kinds}))
      OPTIONAL {{ ?a kg:reportedIn ?art OPTIONAL {{ ?art schema:datePublished ?date }} }}
      {country_filter}
      {speaker_filter}
      {dates}
  }} ORDER BY ?a LIMIT {limit} }}
  ?a a ?kind . FILTER(?kind IN ({kinds}))
  OPTIONAL {{ ?a kg:agent ?agent OPTIONAL {{ ?agent rdfs:label ?agl }} }}
  OPTIONAL {{ ?a kg:coAgent ?co OPTIONAL {{ ?co rdfs:label ?col }} }}
  OPTIONAL {{ ?a kg:destination ?dest OPTIONAL {{ ?dest rdfs:label ?dl }} }}
  OPTIONAL {{ ?a kg:origin ?org OPTIONAL {{ ?org rdfs:label ?orl }} }}
  OPTIONAL {{ ?a kg:target ?tg OPTIONAL {{ ?tg rdfs:label ?tgl }} }}
  OPTIONAL {{ ?a kg:near ?nr OPTIONAL {{ ?nr rdfs:label ?nrl }} }}
  OPTIONAL {{ ?a kg:location ?loc OPTIONAL {{ ?loc rdfs:label ?locl }} }}
  OPTIONAL {{ ?a kg:locationText ?where }}
  OPTIONAL {{ ?a kg:what ?what }} OPTIONAL {{ ?a kg:personnelMin ?min }}
  OPTIONAL {{ ?a kg:personnelMax ?max }} OPTIONAL {{ ?a kg:duration ?duration }}
  OPTIONAL {{ ?a kg:status ?status }}
  OPTIONAL {{ ?a kg:reportedIn ?art OPTIONAL {{ ?art schema:datePublished ?date }}
             OPTIONAL {{ ?art schema:headline ?headline }} }}
  OPTIONAL {{ ?claim ?how ?a ; kg:speaker ?csp .
             FILTER(?how IN (kg:claims, kg:disputes, kg:announces, kg:fears))
             OPTIONAL {{ ?csp rdfs:label ?cspl }} }}
}}"""


def _context_url() -> str:
    return request.host_url + CONTEXT_URL_PATH


def _framed(sparql: str, frame_doc: dict[str, Any], extra_context: dict[str, Any]) -> bytes:
    triples = list(state().store.query(sparql))
    expanded = to_expanded(_serialise(triples)) if triples else []
    doc = frame(expanded, {**frame_doc, **({"@context": extra_context} if extra_context
                                            else {})}) if expanded else {"@graph": []}
    graph = doc.get("@graph", [])
    if not isinstance(graph, list):
        graph = [graph]
    context: Any = [_context_url(), extra_context] if extra_context else _context_url()
    return json.dumps({"@context": context, "@graph": graph}, ensure_ascii=False,
                      indent=1).encode()


def _serialise(triples: list[Any]) -> bytes:
    data = ox.serialize(triples, format=ox.RdfFormat.JSON_LD)
    assert data is not None
    return data


def _respond(kind: str) -> Response:
    st = state()
    speaker, country = request.args.get("speaker"), request.args.get("country")
    dates, limit = _dates(), _limit()
    key = ("api", kind, speaker, country, dates, limit, request.host_url)
    if kind == "statements":
        body = st.cached(key, lambda: _framed(
            statements_query(speaker, country, dates, limit),
            {"@type": "Statement", "speaker": _EMBED, "about": _EMBED, "reportedIn": _EMBED},
            {}))
    else:
        body = st.cached(key, lambda: _framed(
            actions_query(speaker, country, dates, limit),
            {"@type": list(_ACTION_KINDS), "agent": _EMBED, "coAgent": _EMBED,
             "destination": _EMBED, "origin": _EMBED, "target": _EMBED, "near": _EMBED,
             "location": _EMBED, "reportedIn": _EMBED,
             **{name: _WHO for name in _REVERSE}},
            _REVERSE))
    response = Response(body, content_type="application/ld+json; charset=utf-8")
    response.headers["Link"] = f'<{_context_url()}>; rel="http://www.w3.org/ns/json-ld#context"'
    return response


@bp.route("/api/statements")
def statements() -> Response:
    """Statements: speaker, text, article (with its date), what they are about."""
    return _respond("statements")


@bp.route("/api/actions")
def actions() -> Response:
    """Military actions: agent, kind, destination, origin, what they are near and where
    they take place, personnel, duration, status, and the statements that claim, dispute,
    announce or fear them."""
    return _respond("actions")
