"""Extraction: Norwegian article text -> entities, statements and military actions.

>>> from kg.model import Article
>>> from kg.gazetteer import load_gazetteer
>>> from kg.extract.lexicon import load_lexicon
>>> a = Article("x", " date 2022-02 Norge sender en tropp med soldater til Litauen.", "2022-02",
...             "x", body_start=13)
>>> e = extract(a, gazetteer=load_gazetteer(), lexicon=load_lexicon())
>>> [(x.kind, x.agent, x.destination, x.status) for x in e.actions]
[('Deployment', 'Country:Norge', 'Country:Litauen', 'Announced')]
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from kg.extract.actions import Detector, find_actions
from kg.extract.dates import find_time, resolve_time
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Found, MentionTable, find_mentions
from kg.extract.roles import find_roles
from kg.extract.segment import segment
from kg.extract.statements import find_statements
from kg.gazetteer import Gazetteer, genitive
from kg.model import (
    Article,
    Entity,
    EntityType,
    Extraction,
    Mention,
    Recognizer,
    Role,
    Span,
    Statement,
)

__all__ = ["EXTRACTOR_VERSION", "extract"]

EXTRACTOR_VERSION = "kg-rules.v6"


def extract(article: Article, *, gazetteer: Gazetteer, lexicon: Lexicon,
            recognizer: Recognizer | None = None, detector: Detector | None = None
            ) -> Extraction:
    """Entities, statements and military actions of one article, with evidence spans.

    ``recognizer`` (e.g. :func:`kg.nlp.recognize`) types names the gazetteers do not know;
    ``detector`` (e.g. :func:`kg.extract.learned.load_detector`) proposes triggers for
    phrasings no pattern knows; without them, only the rules and gazetteers are used."""
    sentences = segment(article, frozenset(lexicon.words("abbreviations")))
    table = find_mentions(article, sentences, gazetteer=gazetteer, lexicon=lexicon)
    if recognizer is not None:
        # the recogniser reads the article once; its names of places and persons the
        # gazetteers and rules missed become entities, and the rules that look for a name in a
        # window read the same names
        body = article.text[article.body_start:]
        names = [(article.body_start + a, article.body_start + b, label)
                 for a, b, label in recognizer(body)]
        _add_recognised(article, table, names)
        recognizer = _windowed(article.text, names, recognizer)
    roles, _titles = find_roles(article, sentences, table=table, lexicon=lexicon,
                                gazetteer=gazetteer)
    statements = find_statements(article, sentences, table=table, lexicon=lexicon)
    demonyms = {word: entry.key for word, entry in gazetteer.demonym_index().items()}
    demonyms.update({word: entry.key for word, entry in gazetteer.group_index().items()})
    bodies = _state_bodies(table, gazetteer, lexicon, roles)
    actions = find_actions(article, sentences, table=table, statements=statements,
                           lexicon=lexicon, demonyms=demonyms, state_bodies=bodies,
                           recognizer=recognizer, detector=detector)
    # "Kreml/Moskva sier …": a seat of government that speaks is its state speaking (a
    # state's organ named on its own, "meldte KCNA", still speaks as itself)
    organs = lexicon.raw.get("state_organs", {})
    statements = [replace(st, speaker=bodies[st.speaker]) if st.speaker in bodies and (
        (entry := table.entries.get(st.speaker)) is not None and entry.metonym
        and table.names.get(st.speaker) not in organs) else st
        for st in statements]

    # A statement is about the actors it names (other than its speaker), also by a demonym
    # ("russiske tropper"); its time words resolve against the publication date.
    about: list[Statement] = []
    demonym_re = _demonym_regex(gazetteer)
    adjectives = gazetteer.demonym_index()
    text = article.text
    for statement in statements:
        keys = []
        for mention in table.covering(statement.text.start, statement.text.end):
            if mention.key != statement.speaker and mention.key not in keys and (
                    mention.type is not EntityType.PERSON):
                keys.append(mention.key)
        if demonym_re is not None:
            for match in demonym_re.finditer(text, statement.text.start, statement.text.end):
                key = adjectives[match.group(0).lower()].key
                if key not in keys and key != statement.speaker:
                    keys.append(key)
        when = find_time(text, statement.evidence.start, statement.evidence.end, lexicon,
                         skip=(statement.text.start, statement.text.end)
                         if statement.form == "direct" else None)
        date_text = when.group(0) if when else None
        frame = (text[statement.evidence.start:statement.text.start]
                 + " " + text[statement.text.end:statement.evidence.end])  # not the content
        date = resolve_time(date_text, article.published, frame, lexicon) if date_text else None
        about.append(replace(statement, about=tuple(keys), date_text=date_text, date=date))

    grouped: dict[str, list[Mention]] = defaultdict(list)
    for found in table.mentions:
        grouped[found.key].append(Mention(found.span, found.how))
    places = [k for a in actions for k in (*a.near, *a.location)]
    for actor in [a.agent for a in actions] + [s.speaker for s in about] + places:
        if actor and actor not in grouped:  # agents known from demonyms, states from metonyms,
            grouped[actor] = []  # places from adjectives ("nær den finske grensen")
    entities = []
    for key, mentions in grouped.items():
        type_name = key.split(":", 1)[0]
        entities.append(Entity(key, table.types.get(key) or _type(type_name),
                               table.names.get(key) or key.split(":", 1)[1], tuple(mentions)))
    dateline, publisher = None, None
    head = _DATELINE.match(article.text, article.body_start)
    if head:
        dateline = head.group(1).strip().title()
        inside = table.covering(head.start(2), head.end(2))
        publisher = inside[0].key if inside else None
    return Extraction(article, tuple(entities), tuple(about), tuple(actions),
                      f"{EXTRACTOR_VERSION}+{lexicon.version}", dateline, publisher,
                      tuple(roles))


def _demonym_regex(gazetteer: Gazetteer) -> re.Pattern[str] | None:
    words = sorted(gazetteer.demonym_index(), key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])",
                      re.IGNORECASE)


def _state_bodies(table: MentionTable, gazetteer: Gazetteer, lexicon: Lexicon,
                  roles: list[Role]) -> dict[str, str]:
    """Who acts for a state: ministries and armed forces mentioned in the article (``Russlands
    forsvarsdepartement``, ``det russiske forsvarsdepartementet`` -> Russland), persons
    holding a country's office here (``USAs president Joe Biden`` -> USA) and seats of
    government (``Kreml``, ``Ankara`` -> Tyrkia)."""
    stems = lexicon.words("state_bodies")
    countries = {genitive(e.label_nb): e.key for e in gazetteer.entries
                 if e.type is EntityType.COUNTRY}
    adjectives = {word: entry.key for word, entry in gazetteer.demonym_index().items()}
    found: dict[str, str] = {}
    for key, type_ in table.types.items():
        name = table.names.get(key, "")
        entry = table.entries.get(key)
        forms = [name, *(entry.surfaces if entry else ())]
        if type_ is not EntityType.ORGANISATION or not any(
                stem in form.lower() for form in forms for stem in stems):
            continue
        for form in forms:
            words = form.split()
            if words and words[0] in countries:
                found[key] = countries[words[0]]
                break
            state = next((adjectives[w.lower()] for w in words if w.lower() in adjectives), None)
            if state:
                found[key] = state
                break
    for role in roles:
        if role.kind == "position" and role.of and role.of.startswith("Country:"):
            found.setdefault(role.holder, role.of)
    organs: dict[str, str] = lexicon.raw.get("state_organs", {})
    metonyms: dict[str, str] = {**lexicon.raw.get("metonyms", {}), **organs}
    for key, name in table.names.items():
        entry = table.entries.get(key)
        country = gazetteer.find(metonyms.get(name, ""), EntityType.COUNTRY)
        # a state's organ acts for it ("Heimevernet kaller inn 1200 soldater": Norway), and
        # so does its capital when the rules let a place act ("I oktober leverte Ankara")
        if country is not None and (table.types.get(key) is EntityType.PLACE or (
                entry is not None and (entry.metonym or name in organs))):
            found.setdefault(key, country.key)
    return found


# the recogniser's labels whose names become entities (rule "ner_entity.v1"); organisations
# are left to the gazetteers and rules: on unseen articles the recogniser's cost precision
_RECOGNISED = {"PER": EntityType.PERSON, "GPE_LOC": EntityType.PLACE,
               "GPE_ORG": EntityType.PLACE, "LOC": EntityType.PLACE}
_KEY_PREFIX = {EntityType.PERSON: "Person", EntityType.PLACE: "Place"}


def _add_recognised(article: Article, table: MentionTable,
                    names: list[tuple[int, int, str]]) -> None:
    """Persons and places the recogniser finds where no mention is yet ("Nuuk", "Lesbos",
    "Kim Jong-un"), each an entity of the article."""
    taken = [m.span for m in table.mentions]
    for start, end, label in names:
        kind = _RECOGNISED.get(label)
        name = article.text[start:end]
        if kind is None or len(name) < 2 or not name[:1].isupper() or any(
                t.start < end and start < t.end for t in taken):
            continue
        table.add(Found(Span(start, end), f"{_KEY_PREFIX[kind]}:{name}", kind, "ner_entity"),
                  name)
        taken.append(Span(start, end))


def _windowed(text: str, names: list[tuple[int, int, str]],
              recognizer: Recognizer) -> Recognizer:
    """A recogniser for windows of ``text`` that reads the names found in the whole article
    (offsets relative to the window); a text that is not a window of the article is read
    afresh."""
    def run(window: str) -> Sequence[tuple[int, int, str]]:
        at = text.find(window)
        if at < 0:
            return recognizer(window)
        stop = at + len(window)
        return [(a - at, b - at, label) for a, b, label in names if at <= a and b <= stop]
    return run


_DATELINE = re.compile(r"([A-ZÆØÅ][A-ZÆØÅ -]{1,40}?)\s*\(([^()\n]{1,30})\)\s*:")


def _type(name: str):  # type: ignore[no-untyped-def]
    from kg.model import EntityType

    return EntityType(name)
