"""The typed, frozen values that flow between pipeline stages.

``Article`` -> (extract) -> ``Extraction`` -> (link) -> ``LinkedExtraction``
-> (to_rdf) -> ``ArticleGraph`` -> (reason, store).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from rdflib import Graph

#: A statistical named-entity recogniser: text -> (start, end, NorNE label) character spans
#: (``kg.nlp.recognize``). The extractor uses one, when given, for names its gazetteers and
#: rules do not know.
Recognizer = Callable[[str], Sequence[tuple[int, int, str]]]

__all__ = [
    "ACTION_KINDS",
    "STATUSES",
    "Article",
    "ArticleGraph",
    "BuildReport",
    "Entity",
    "EntityLink",
    "EntityType",
    "Extraction",
    "LinkedExtraction",
    "Mention",
    "MilitaryAction",
    "Recognizer",
    "Role",
    "Span",
    "Statement",
]

#: Local names of the MilitaryAction subclasses in the ontology.
ACTION_KINDS = (
    "Deployment",
    "Withdrawal",
    "MilitaryBuildup",
    "Exercise",
    "Attack",
    "Invasion",
    "NuclearModernisation",
    "ArmsTransfer",
    "ReadinessIncrease",
)

#: Local names of the status concepts (how the article presents an action).
STATUSES = ("Announced", "Planned", "Ongoing", "Completed", "Claimed", "Disputed", "Denied",
            "Feared")


class EntityType(StrEnum):
    PERSON = "Person"
    ORGANISATION = "Organisation"
    COUNTRY = "Country"
    PLACE = "Place"


@dataclass(frozen=True)
class Article:
    """One news article. Offsets everywhere are code points into ``text``."""

    id: str
    text: str
    published: str  # YYYY, YYYY-MM or YYYY-MM-DD
    source: str  # where it was read from (path, path:line, or "-")
    body_start: int = 0  # offset of the first character after any header line
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    language: str = "nb"

    @property
    def body(self) -> str:
        return self.text[self.body_start :]


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True)
class Mention:
    """A stretch of text that refers to an entity, and how it was recognised."""

    span: Span
    how: str  # "name", "surname", "gazetteer", "pronoun", "title", "genitive", ...


@dataclass(frozen=True)
class Entity:
    """An entity as one article knows it: a key local to the extraction, a name, mentions."""

    key: str
    type: EntityType
    name: str
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class Statement:
    """Who said what: ``text`` is the quote or the reported clause, ``evidence`` the sentence."""

    speaker: str | None  # Entity.key
    text: Span
    evidence: Span
    form: str  # "direct" or "reported"
    verb: str | None
    about: tuple[str, ...] = ()  # Entity.key values
    rule: str = ""
    date_text: str | None = None  # the time words as printed ("tirsdag", "i går")
    date: str | None = None  # what they resolve to: YYYY-MM-DD, or the publication's YYYY-MM


@dataclass(frozen=True)
class MilitaryAction:
    kind: str  # one of ACTION_KINDS
    agent: str | None  # Entity.key
    status: str  # one of STATUSES
    evidence: Span
    destination: str | None = None  # Entity.key
    origin: str | None = None  # Entity.key a withdrawal leaves ("trekker seg ut av Kherson")
    what: str | None = None
    personnel_min: int | None = None
    personnel_max: int | None = None
    duration: str | None = None  # ISO 8601 duration, e.g. P3M
    statements: tuple[int, ...] = ()  # indexes into Extraction.statements that carry it
    disputed_by: tuple[int, ...] = ()  # indexes of statements that contest it
    rule: str = ""
    more_evidence: tuple[Span, ...] = ()  # further mentions of the same action
    end: str | None = None  # an end point (ISO date or month), e.g. from "ut året"
    date_text: str | None = None
    date: str | None = None
    co_agents: tuple[str, ...] = ()  # Entity.keys acting jointly with the agent
    target: str | None = None  # Entity.key an attack is aimed at
    near: tuple[str, ...] = ()  # Entity.keys it is near, usually a border ("ved grensen til X")
    location: tuple[str, ...] = ()  # Entity.keys where it takes place ("i Belarus", "på Krim")
    location_text: str | None = None  # the phrase as printed ("nær den ukrainske grensen")


@dataclass(frozen=True)
class Role:
    """A dated role the article attests: an office (``title`` of ``of``) or party membership.

    ``utenriksminister Anniken Huitfeldt (Ap)`` gives a position (utenriksminister of Norge)
    and a membership (Arbeiderpartiet), both valid at the article's publication date.
    """

    kind: str  # "position" or "party"
    holder: str  # Entity.key of the person
    of: str | None  # Entity.key of the organisation, country or party
    title: str | None  # the title as a base form, lower case ("generalsekretær")
    evidence: Span
    valid_at: str  # the article's publication date (YYYY, YYYY-MM or YYYY-MM-DD)
    rule: str = ""
    more_evidence: tuple[Span, ...] = ()  # further attestations in the same article


@dataclass(frozen=True)
class Extraction:
    article: Article
    entities: tuple[Entity, ...]
    statements: tuple[Statement, ...]
    actions: tuple[MilitaryAction, ...]
    extractor: str  # name and version of the rules that produced it
    dateline: str | None = None  # "Brussel" from "BRUSSEL(TV 2):"
    publisher: str | None = None  # Entity.key of the publisher named in the dateline
    roles: tuple[Role, ...] = ()


@dataclass(frozen=True)
class EntityLink:
    """Where an extracted entity lands in the graph."""

    key: str  # the extraction-local key
    type: EntityType
    label_nb: str
    label_en: str | None
    wikidata: str | None  # QID, e.g. "Q20"
    slug: str  # stable, readable identifier across articles


@dataclass(frozen=True)
class LinkedExtraction:
    extraction: Extraction
    links: dict[str, EntityLink] = field(default_factory=dict)


@dataclass(frozen=True)
class ArticleGraph:
    """RDF for one article: its own named graph plus shared entity descriptions."""

    article_id: str
    graph_iri: str
    asserted: Graph  # the article's own named graph
    entities: Graph  # entity descriptions shared across articles


@dataclass
class BuildReport:
    """What a build did: stored articles, and per-article failures with reasons."""

    stored: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # already stored with the same content
    failed: list[tuple[str, str]] = field(default_factory=list)
    triples: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed
