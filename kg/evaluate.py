"""Score a built graph against a gold file (the ``gold.json`` schema) through SPARQL.

The scorer reads the graph the way an outside user would: only through SPARQL over the
published contract terms (``kg:Statement``, ``kg:speaker``, ``kg:text``, ``kg:reportedIn``,
the ``kg:MilitaryAction`` kinds, ``kg:agent``, ``kg:destination``, ``kg:near``, ``kg:location``,
``kg:personnelMin``/``Max``, ``kg:duration``, ``kg:status``,
``kg:PositionHolding``/``kg:PartyMembership``, ``rdfs:label``, ``skos:exactMatch``, Web
Annotation offsets). It never looks at extractor internals.

Matching (per article):

* entities: a gold entity matches a graph entity mentioned by the article with the same
  Wikidata QID, or else the same label (case-insensitive, also against the gold surface
  forms); it is right when the type agrees and the QID agrees where gold gives one. Extended
  NER-only types (Event, Product, Other) and photo-credit-only entities are optional.
* statements: same speaker entity and word overlap of ``text`` (shared words over the shorter
  text, at least :data:`OVERLAP`); best overlaps are paired first.
* actions: same kind (``Invasion`` counts as ``Attack``) and agent; then destination,
  ``near``, ``location``, personnel min/max, duration and status are compared where gold gives
  them (``actions+fields`` counts an action right only when all of those agree). ``near`` and
  ``location`` are lists: the graph's set of places must equal gold's, and a gold action
  without them (or with an empty list) does not check them, as for destination: older gold
  files that never gave places stay scorable. ``location_text`` is not scored (which of
  several mentions' phrases to quote is a matter of wording). When several graph actions
  share kind and agent, agreeing destination weighs most in the pairing, agreeing places
  break the remaining ties.
* roles: ``holds_position`` (holder, organisation or country, title) and ``member_of_party``
  relations against ``kg:PositionHolding`` and ``kg:PartyMembership`` nodes.

Gold items marked ``optional: true`` are neither required nor penalised. ``must_not``
entries are checked and every violation is listed.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["OVERLAP", "Report", "Score", "collect", "default_gold_path", "evaluate_store",
           "format_report", "score"]

#: Least share of the shorter text's words that a statement text must share with gold.
OVERLAP = 0.5
_FACT_STATUSES = {"Ongoing", "Completed"}
_ENTITY_TYPES = ("Person", "Organisation", "Country", "Place")
_KINDS = ("Deployment", "Withdrawal", "MilitaryBuildup", "Exercise", "Attack", "Invasion",
          "NuclearModernisation", "ArmsTransfer", "ReadinessIncrease")
_WORD = re.compile(r"\w+")

PREFIX = """PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX schema: <http://schema.org/>
"""


# ---------------------------------------------------------------------------- what the graph says
@dataclass
class SysEntity:
    iri: str
    type: str
    label: str
    qid: str | None


@dataclass
class SysStatement:
    iri: str
    speaker: str | None
    text: str


@dataclass
class SysAction:
    iri: str
    kind: str
    agent: str | None
    destination: str | None
    personnel_min: int | None
    personnel_max: int | None
    duration: str | None
    status: str | None
    spans: list[tuple[int, int]] = field(default_factory=list)
    near: set[str] = field(default_factory=set)  # entity IRIs
    location: set[str] = field(default_factory=set)


@dataclass
class SysRole:
    iri: str
    kind: str  # "holds_position" or "member_of_party"
    holder: str | None
    of: str | None
    title: str | None
    spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class SysArticle:
    id: str
    text: str
    entities: dict[str, SysEntity] = field(default_factory=dict)
    statements: list[SysStatement] = field(default_factory=list)
    actions: list[SysAction] = field(default_factory=list)
    roles: list[SysRole] = field(default_factory=list)
    # agents, speakers and role holders the article does not name but refers to
    # ("russiske styrker": Russia), so that gold labels can still be matched to them
    referenced: dict[str, SysEntity] = field(default_factory=dict)


def _rows(store: Any, query: str) -> list[list[str | None]]:
    return [[term.value if term is not None else None for term in row]
            for row in store.query(PREFIX + query)]


def _local(iri: str | None) -> str | None:
    return iri.rsplit("#", 1)[-1] if iri else None


def _spans(store: Any, body_var_query: str) -> dict[str, list[tuple[int, int]]]:
    found: dict[str, list[tuple[int, int]]] = {}
    for body, start, end in _rows(store, body_var_query):
        if body and start is not None and end is not None:
            found.setdefault(body, []).append((int(start), int(end)))
    return found


def collect(store: Any) -> dict[str, SysArticle]:
    """Everything the scorer needs, by article identifier, read through SPARQL."""
    articles: dict[str, SysArticle] = {}
    iri_to_id: dict[str, str] = {}
    for art, ident, text in _rows(store, """
            SELECT ?art ?id ?text WHERE { ?art a kg:Article ; schema:identifier ?id ;
                                               schema:text ?text }"""):
        assert art and ident is not None
        articles[ident] = SysArticle(ident, text or "")
        iri_to_id[art] = ident

    for art, entity, type_iri, label, qid in _rows(store, """
            SELECT ?art ?e ?type ?label ?qid WHERE {
              ?art a kg:Article ; schema:mentions ?e . ?e a ?type .
              FILTER(STRSTARTS(STR(?type), "https://w3id.org/kg/ontology#"))
              OPTIONAL { ?e rdfs:label ?label FILTER(lang(?label) = "nb") }
              OPTIONAL { ?e skos:exactMatch ?qid } }"""):
        if art not in iri_to_id or not entity:
            continue
        kind = _local(type_iri) or ""
        if kind not in _ENTITY_TYPES:
            continue
        known = articles[iri_to_id[art]].entities.get(entity)
        rank = _ENTITY_TYPES.index
        if known is None:
            articles[iri_to_id[art]].entities[entity] = SysEntity(
                entity, kind, label or "", qid.rsplit("/", 1)[-1] if qid else None)
        elif rank(kind) < rank(known.type):  # a Country is also a Place: keep the specific one
            known.type = kind

    for iri, art, speaker, text in _rows(store, """
            SELECT ?s ?art ?speaker ?text WHERE { ?s a kg:Statement ; kg:reportedIn ?art .
              OPTIONAL { ?s kg:speaker ?speaker } OPTIONAL { ?s kg:text ?text } }"""):
        if art in iri_to_id and iri:
            articles[iri_to_id[art]].statements.append(SysStatement(iri, speaker, text or ""))

    places: dict[tuple[str, str], set[str]] = {}
    for iri, prop, place in _rows(store, """
            SELECT ?a ?p ?place WHERE { ?a a kg:MilitaryAction ; ?p ?place .
              FILTER(?p IN (kg:near, kg:location)) }"""):
        if iri and prop and place:
            places.setdefault((iri, _local(prop) or ""), set()).add(place)
    spans = _spans(store, """SELECT ?a ?start ?end WHERE { ?a a kg:MilitaryAction .
        ?ann oa:hasBody ?a ; oa:hasTarget/oa:hasSelector ?sel .
        ?sel oa:start ?start ; oa:end ?end }""")
    actions: dict[str, SysAction] = {}
    for iri, art, type_iri, agent, dest, pmin, pmax, duration, status in _rows(store, """
            SELECT ?a ?art ?type ?agent ?dest ?min ?max ?dur ?status WHERE {
              ?a a kg:MilitaryAction ; kg:reportedIn ?art ; a ?type .
              OPTIONAL { ?a kg:agent ?agent } OPTIONAL { ?a kg:destination ?dest }
              OPTIONAL { ?a kg:personnelMin ?min } OPTIONAL { ?a kg:personnelMax ?max }
              OPTIONAL { ?a kg:duration ?dur } OPTIONAL { ?a kg:status ?status } }"""):
        kind = _local(type_iri) or ""
        if art not in iri_to_id or not iri or kind not in _KINDS:
            continue
        kind = "Attack" if kind == "Invasion" else kind
        if iri in actions:
            continue
        action = SysAction(iri, kind, agent, dest, int(pmin) if pmin else None,
                           int(pmax) if pmax else None, duration, _local(status),
                           spans.get(iri, []), places.get((iri, "near"), set()),
                           places.get((iri, "location"), set()))
        actions[iri] = action
        articles[iri_to_id[art]].actions.append(action)

    role_spans = _spans(store, """SELECT ?r ?start ?end WHERE {
        { ?r a kg:PositionHolding } UNION { ?r a kg:PartyMembership }
        ?ann oa:hasBody ?r ; oa:hasTarget/oa:hasSelector ?sel .
        ?sel oa:start ?start ; oa:end ?end }""")
    for iri, art, type_iri, holder, of, title in _rows(store, """
            SELECT ?r ?art ?type ?holder ?of ?title WHERE {
              ?r kg:reportedIn ?art ; a ?type .
              FILTER(?type IN (kg:PositionHolding, kg:PartyMembership))
              OPTIONAL { ?r kg:holder ?holder } OPTIONAL { ?r kg:roleOf ?of }
              OPTIONAL { ?r kg:position ?title } }"""):
        if art not in iri_to_id or not iri:
            continue
        kind = "holds_position" if _local(type_iri) == "PositionHolding" else "member_of_party"
        articles[iri_to_id[art]].roles.append(SysRole(iri, kind, holder, of, title,
                                                      role_spans.get(iri, [])))

    every_entity: dict[str, SysEntity] = {}
    for entity, type_iri, label, qid in _rows(store, """
            SELECT ?e ?type ?label ?qid WHERE { ?e a ?type .
              FILTER(?type IN (kg:Person, kg:Organisation, kg:Country, kg:Place))
              OPTIONAL { ?e rdfs:label ?label FILTER(lang(?label) = "nb") }
              OPTIONAL { ?e skos:exactMatch ?qid } }"""):
        if entity and entity not in every_entity:
            every_entity[entity] = SysEntity(entity, _local(type_iri) or "", label or "",
                                      qid.rsplit("/", 1)[-1] if qid else None)
    for article in articles.values():
        refs = [a.agent for a in article.actions] + [s.speaker for s in article.statements] \
            + [r.holder for r in article.roles] + [r.of for r in article.roles]
        for iri in refs:
            if iri and iri not in article.entities and iri in every_entity:
                article.referenced[iri] = every_entity[iri]
    return articles


# ---------------------------------------------------------------------------- scoring
@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


CATEGORIES = ("entities", "statements", "actions", "actions+fields", "roles")


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=lambda: {c: Score() for c in CATEGORIES})
    missed: list[str] = field(default_factory=list)
    invented: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)  # matched, but a compared field differs
    violations: list[str] = field(default_factory=list)  # must_not entries broken

    def as_dict(self) -> dict[str, Any]:
        return {
            "scores": {name: {"tp": s.tp, "fp": s.fp, "fn": s.fn,
                              "precision": round(s.precision, 3), "recall": round(s.recall, 3),
                              "f1": round(s.f1, 3)} for name, s in self.scores.items()},
            "missed": self.missed, "invented": self.invented, "wrong": self.wrong,
            "violations": self.violations,
        }


def _norm(label: str) -> str:
    return " ".join(label.casefold().split())


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def overlap(a: str, b: str) -> float:
    """Shared words over the words of the shorter text (0 when either is empty)."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def _entity_map(gold: Mapping[str, Any], system: SysArticle) -> dict[str, SysEntity]:
    """Gold label_nb -> the graph entity it denotes in this article (when found)."""
    found: dict[str, SysEntity] = {}
    everything = [*system.entities.values(), *system.referenced.values()]
    by_qid = {e.qid: e for e in everything if e.qid}
    by_label: dict[str, SysEntity] = {}
    for entity in everything:
        by_label.setdefault(_norm(entity.label), entity)
    for entity in gold.get("entities", []):
        label = entity["label_nb"]
        match = by_qid.get(entity.get("wikidata") or "")
        if match is None:
            for surface in [label, *entity.get("mentions", [])]:
                if surface and surface[0].isupper() and _norm(surface) in by_label:
                    match = by_label[_norm(surface)]
                    break
        if match is not None:
            found[label] = match
    return found


def _ref(entities: Mapping[str, SysEntity], label: str | None) -> str | None:
    if label is None:
        return None
    entity = entities.get(label)
    return entity.iri if entity else f"unmatched:{label}"


def _name(system: SysArticle, iri: str | None) -> str:
    if iri is None:
        return "-"
    entity = system.entities.get(iri) or system.referenced.get(iri)
    return entity.label if entity else iri.rsplit("/", 1)[-1]


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _score_entities(aid: str, gold: Mapping[str, Any], system: SysArticle,
                    emap: Mapping[str, SysEntity], report: Report) -> None:
    s = report.scores["entities"]
    used: set[str] = set()
    for entity in gold.get("entities", []):
        optional = (entity.get("optional") or entity.get("credit_only")
                    or entity["type"] not in _ENTITY_TYPES)
        match = emap.get(entity["label_nb"])
        if match is not None:
            used.add(match.iri)
        if optional:
            continue
        if match is None:
            s.fn += 1
            report.missed.append(f"{aid} entity {entity['label_nb']} ({entity['type']})")
            continue
        problems = []
        if match.type != entity["type"]:
            problems.append(f"type {match.type} != {entity['type']}")
        if entity.get("wikidata") and match.qid != entity["wikidata"]:
            problems.append(f"wikidata {match.qid} != {entity['wikidata']}")
        if problems:
            s.fn += 1
            s.fp += 1
            report.wrong.append(f"{aid} entity {entity['label_nb']}: {', '.join(problems)}")
        else:
            s.tp += 1
    for entity in system.entities.values():
        if entity.iri not in used:
            s.fp += 1
            report.invented.append(f"{aid} entity {entity.label} ({entity.type})")


def _pairs(golds: list[Any], systems: list[Any], similarity: Any) -> list[tuple[int, int]]:
    """Greedy best-first one-to-one pairing of items whose similarity is positive."""
    candidates = sorted(((similarity(g, s), gi, si) for gi, g in enumerate(golds)
                         for si, s in enumerate(systems)), reverse=True)
    pairs, gold_used, sys_used = [], set(), set()
    for value, gi, si in candidates:
        if value <= 0 or gi in gold_used or si in sys_used:
            continue
        pairs.append((gi, si))
        gold_used.add(gi)
        sys_used.add(si)
    return pairs


def _score_statements(aid: str, gold: Mapping[str, Any], system: SysArticle,
                      emap: Mapping[str, SysEntity], report: Report) -> None:
    s = report.scores["statements"]
    golds = list(gold.get("statements", []))

    def similarity(g: Mapping[str, Any], st: SysStatement) -> float:
        if st.speaker is None or st.speaker != _ref(emap, g["speaker"]):
            return 0.0
        value = overlap(g["text"], st.text)
        return value if value >= OVERLAP else 0.0

    pairs = _pairs(golds, system.statements, similarity)
    matched_gold = {gi for gi, _ in pairs}
    matched_sys = {si for _, si in pairs}
    for gi, _si in pairs:
        if not golds[gi].get("optional"):
            s.tp += 1
    for gi, g in enumerate(golds):
        if gi in matched_gold or g.get("optional"):
            continue
        s.fn += 1
        near = max(system.statements, key=lambda st: overlap(g["text"], st.text), default=None)
        hint = ""
        if near is not None and overlap(g["text"], near.text) >= OVERLAP:
            hint = f" (text found with speaker {_name(system, near.speaker)})"
        report.missed.append(f"{aid} statement {g['id']} {g['speaker']}: "
                             f"{_short(g['text'])!r}{hint}")
    for si, st in enumerate(system.statements):
        if si not in matched_sys:
            s.fp += 1
            report.invented.append(f"{aid} statement {_name(system, st.speaker)}: "
                                   f"{_short(st.text)!r}")
    for rule in gold.get("must_not", []):
        if rule.get("type") != "statement" or "span" not in rule:
            continue
        start, end = rule["span"]
        for si, st in enumerate(system.statements):
            if si in matched_sys or not st.text:
                continue
            at = system.text.find(st.text)
            if at >= 0 and at < end and start < at + len(st.text):
                report.violations.append(f"{aid} no_statement: {_short(rule['evidence'])!r} "
                                         f"was extracted as {_short(st.text)!r}")


def _same_action(g: Mapping[str, Any], a: SysAction, emap: Mapping[str, SysEntity]) -> bool:
    kind = "Attack" if g.get("kind") == "Invasion" else g.get("kind")
    return kind == a.kind and a.agent is not None and a.agent == _ref(emap, g.get("agent"))


def _places_agree(g: Mapping[str, Any], a: SysAction, key: str,
                  emap: Mapping[str, SysEntity]) -> bool:
    """The graph's ``near`` or ``location`` is gold's set (true when gold gives none)."""
    wanted = g.get(key) or []
    return not wanted or getattr(a, key) == {_ref(emap, label) for label in wanted}


def _field_problems(g: Mapping[str, Any], a: SysAction, emap: Mapping[str, SysEntity],
                    system: SysArticle) -> list[str]:
    problems = []
    if g.get("destination") and a.destination != _ref(emap, g["destination"]):
        problems.append(f"destination {_name(system, a.destination)} != {g['destination']}")
    for key in ("near", "location"):
        if not _places_agree(g, a, key, emap):
            found = sorted(_name(system, iri) for iri in getattr(a, key))
            problems.append(f"{key} {found or '-'} != {sorted(g[key])}")
    for key, value in (("personnel_min", a.personnel_min), ("personnel_max", a.personnel_max),
                       ("duration", a.duration), ("status", a.status)):
        if g.get(key) is not None and _canonical(key, g[key]) != _canonical(key, value):
            problems.append(f"{key} {value} != {g[key]}")
    return problems


def _canonical(key: str, value: object) -> object:
    """A duration in weeks as days: ``P2W`` and ``P14D`` are one xsd:duration (a store
    may hand back either)."""
    if key == "duration" and isinstance(value, str):
        weeks = re.fullmatch(r"P(\d+)W", value)
        if weeks:
            return f"P{int(weeks.group(1)) * 7}D"
    return value


def _overlaps(spans: Iterable[tuple[int, int]], span: list[int]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in spans)


def _score_actions(aid: str, gold: Mapping[str, Any], system: SysArticle,
                   emap: Mapping[str, SysEntity], report: Report) -> None:
    s, strict = report.scores["actions"], report.scores["actions+fields"]
    golds = list(gold.get("military_actions", []))

    def similarity(g: Mapping[str, Any], a: SysAction) -> float:
        """Kind and agent must agree; then destination, places, shared evidence, and a
        required gold action before an optional one of the same kind and agent."""
        if not _same_action(g, a, emap):
            return 0.0
        spans = [g["span"], *g.get("evidence_more_spans", [])] if "span" in g else []
        return 1.0 + (1.0 if g.get("destination") is None
                      or a.destination == _ref(emap, g["destination"]) else 0.0) + sum(
            0.25 for key in ("near", "location") if _places_agree(g, a, key, emap)) + (
            0.5 if any(_overlaps(a.spans, span) for span in spans) else 0.0) + (
            0.0 if g.get("optional") else 0.01)

    pairs = _pairs(golds, system.actions, similarity)
    by_gold_id: dict[str, SysAction] = {}
    for gi, si in pairs:
        g, a = golds[gi], system.actions[si]
        by_gold_id[g["id"]] = a
        if g.get("optional"):
            continue
        s.tp += 1
        problems = _field_problems(g, a, emap, system)
        if problems:
            strict.fn += 1
            strict.fp += 1
            report.wrong.append(f"{aid} action {g['id']} {g['kind']} by {g['agent']}: "
                                + ", ".join(problems))
        else:
            strict.tp += 1
    matched_gold = {gi for gi, _ in pairs}
    matched_sys = {si for _, si in pairs}
    for gi, g in enumerate(golds):
        if gi not in matched_gold and not g.get("optional"):
            s.fn += 1
            strict.fn += 1
            report.missed.append(f"{aid} action {g['id']} {g['kind']} by {g['agent']} "
                                 f"({g['status']}): {_short(g['evidence'])!r}")
    for si, a in enumerate(system.actions):
        if si not in matched_sys:
            s.fp += 1
            strict.fp += 1
            report.invented.append(f"{aid} action {a.kind} by {_name(system, a.agent)} -> "
                                   f"{_name(system, a.destination)} ({a.status})")

    for rule in gold.get("must_not", []):
        if rule.get("type") != "action":
            continue
        kind = "Attack" if rule.get("kind") == "Invasion" else rule.get("kind")
        agent = _ref(emap, rule.get("agent"))

        def fits(a: SysAction, kind: str | None = kind, agent: str | None = agent,
                 rule: Mapping[str, Any] = rule) -> bool:
            return ((kind is None or a.kind == kind) and (agent is None or a.agent == agent)
                    and (not rule.get("destination")
                         or a.destination == _ref(emap, rule["destination"])))

        what = f"{aid} {rule['rule']}: {_short(rule.get('evidence', ''))!r}"
        if rule["rule"] == "not_as_fact":
            action = by_gold_id.get(rule.get("action", ""))
            suspects = [action] if action else []
            if "span" in rule:
                suspects += [a for a in system.actions if fits(a) and _overlaps(a.spans,
                                                                               rule["span"])]
            for a in suspects:
                if a.status in _FACT_STATUSES:
                    report.violations.append(f"{what} asserted as {a.status}")
        elif rule["rule"] == "no_action":
            for si, a in enumerate(system.actions):
                if si in matched_sys and kind is None:
                    continue  # a matched gold action may share the sentence
                if fits(a) and "span" in rule and _overlaps(a.spans, rule["span"]) and (
                        si not in matched_sys):
                    report.violations.append(f"{what} yielded {a.kind} ({a.status})")
        elif rule["rule"] == "no_extra_action":
            extra = sum(1 for a in system.actions if fits(a))
            allowed = sum(1 for g in golds if kind in (None, g.get("kind"))
                          and (agent is None or _ref(emap, g.get("agent")) == agent))
            if extra > allowed:
                report.violations.append(f"{what}: {extra} actions of {kind} by "
                                         f"{rule.get('agent')}, gold has {allowed}")


def _score_roles(aid: str, gold: Mapping[str, Any], system: SysArticle,
                 emap: Mapping[str, SysEntity], report: Report) -> None:
    s = report.scores["roles"]
    golds = [r for r in gold.get("relations", [])
             if r.get("relation") in ("holds_position", "member_of_party")]

    def similarity(g: Mapping[str, Any], r: SysRole) -> float:
        if r.kind != g["relation"] or r.holder is None:
            return 0.0
        if r.holder != _ref(emap, g["subject"]) or r.of != _ref(emap, g["object"]):
            return 0.0
        if g.get("title_nb") and _norm(r.title or "") != _norm(g["title_nb"]):
            return 0.0
        return 1.0

    pairs = _pairs(golds, system.roles, similarity)
    matched_gold = {gi for gi, _ in pairs}
    matched_sys = {si for _, si in pairs}
    s.tp += sum(1 for gi, _ in pairs if not golds[gi].get("optional"))
    for gi, g in enumerate(golds):
        if gi not in matched_gold and not g.get("optional"):
            s.fn += 1
            report.missed.append(f"{aid} role {g['subject']} {g['relation']} {g['object']}"
                                 + (f" ({g['title_nb']})" if g.get("title_nb") else ""))
    for si, r in enumerate(system.roles):
        if si not in matched_sys:
            s.fp += 1
            report.invented.append(f"{aid} role {_name(system, r.holder)} {r.kind} "
                                   f"{_name(system, r.of)} ({r.title or '-'})")
    for rule in gold.get("must_not", []):
        if rule.get("type") in ("relation", "role", "attribute") and "span" in rule:
            for r in system.roles:
                if _overlaps(r.spans, rule["span"]):
                    report.violations.append(f"{aid} {rule['rule']}: "
                                             f"{_short(rule.get('evidence', ''))!r} yielded "
                                             f"{r.kind} {_name(system, r.of)}")


def score(system: Mapping[str, SysArticle], gold: Mapping[str, Any]) -> Report:
    """Compare what the graph says with the gold articles (keyed by file name)."""
    report = Report()
    for file_name, article in sorted(gold.items()):
        aid = Path(file_name).stem
        found = system.get(aid) or SysArticle(aid, "")
        if aid not in system:
            report.missed.append(f"{aid} article not in the graph")
        emap = _entity_map(article, found)
        _score_entities(aid, article, found, emap, report)
        _score_statements(aid, article, found, emap, report)
        _score_actions(aid, article, found, emap, report)
        _score_roles(aid, article, found, emap, report)
    return report


def evaluate_store(store: Any, gold_path: str | Path) -> Report:
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    return score(collect(store), gold)


def default_gold_path() -> Path:
    """``$KG_SHARED_DIR/seeds/gold.json``, else ``<repo>/../shared/seeds/gold.json``."""
    shared = os.environ.get("KG_SHARED_DIR")
    if shared:
        return Path(shared) / "seeds" / "gold.json"
    return Path(__file__).resolve().parents[2] / "shared" / "seeds" / "gold.json"


def format_report(report: Report, *, diff: bool = True) -> str:
    lines = ["category       | tp | fp | fn | precision | recall | F1",
             "---------------+----+----+----+-----------+--------+------"]
    for name, s in report.scores.items():
        lines.append(f"{name:<14} | {s.tp:>2} | {s.fp:>2} | {s.fn:>2} | {s.precision:>9.3f} | "
                     f"{s.recall:>6.3f} | {s.f1:.3f}")
    lines.append(f"must_not violations: {len(report.violations)}")
    if diff:
        for title, items in (("missed", report.missed), ("invented", report.invented),
                             ("wrong fields", report.wrong), ("violations", report.violations)):
            if items:
                lines += ["", f"## {title}"] + [f"- {item}" for item in items]
    return "\n".join(lines)
