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

from kg.extract.actions import find_actions
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import find_mentions
from kg.extract.segment import segment
from kg.extract.statements import find_statements
from kg.gazetteer import Gazetteer
from kg.model import Article, Entity, Extraction, Mention, Statement

__all__ = ["EXTRACTOR_VERSION", "extract"]

EXTRACTOR_VERSION = "kg-rules.v1"


def extract(article: Article, *, gazetteer: Gazetteer, lexicon: Lexicon) -> Extraction:
    """Entities, statements and military actions of one article, with evidence spans."""
    sentences = segment(article)
    table = find_mentions(article, sentences, gazetteer=gazetteer, lexicon=lexicon)
    statements = find_statements(article, sentences, table=table, lexicon=lexicon)
    demonyms = {word: entry.key for word, entry in gazetteer.demonym_index().items()}
    demonyms.update({word: entry.key for word, entry in gazetteer.group_index().items()})
    actions = find_actions(article, sentences, table=table, statements=statements,
                           lexicon=lexicon, demonyms=demonyms)

    # A statement is about the actors it names (other than its speaker).
    about: list[Statement] = []
    for statement in statements:
        keys = []
        for mention in table.covering(statement.text.start, statement.text.end):
            if mention.key != statement.speaker and mention.key not in keys:
                keys.append(mention.key)
        about.append(Statement(statement.speaker, statement.text, statement.evidence,
                               statement.form, statement.verb, tuple(keys), statement.rule))

    grouped: dict[str, list[Mention]] = defaultdict(list)
    for found in table.mentions:
        grouped[found.key].append(Mention(found.span, found.how))
    for action in actions:  # agents known only from demonyms still become entities
        if action.agent and action.agent not in grouped:
            grouped[action.agent] = []
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
                      f"{EXTRACTOR_VERSION}+{lexicon.version}", dateline, publisher)


_DATELINE = re.compile(r"([A-ZÆØÅ][A-ZÆØÅ -]{1,40}?)\s*\(([^()\n]{1,30})\)\s*:")


def _type(name: str):  # type: ignore[no-untyped-def]
    from kg.model import EntityType

    return EntityType(name)
