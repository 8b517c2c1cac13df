"""Names the statistical recogniser finds (kg.nlp) become entities of the article when no
gazetteer or rule named them: places and persons, not organisations."""

from __future__ import annotations

from kg.extract import Extraction, extract
from kg.extract.lexicon import load_lexicon
from kg.gazetteer import load_gazetteer
from kg.model import Article, EntityType
from kg.pipeline import recognize


def _extract(body: str, ner: bool = True) -> Extraction:
    head = " date 2024-03 "
    article = Article("t", head + body, "2024-03", "test", body_start=len(head))
    return extract(article, gazetteer=load_gazetteer(), lexicon=load_lexicon(),
                   recognizer=recognize if ner else None)


def _places(e: Extraction) -> list[str]:
    return sorted(x.key for x in e.entities if x.type is EntityType.PLACE)


def test_a_place_no_gazetteer_knows_is_an_entity_when_the_recogniser_finds_it():
    body = "Forsvarsministeren besøkte Kangerlussuaq og Ilulissat tirsdag."
    assert _places(_extract(body)) == ["Place:Kangerlussuaq"]
    assert _places(_extract(body, ner=False)) == []


def test_a_recognised_name_does_not_replace_what_the_gazetteer_knows():
    e = _extract("Flyene landet i Polen og på Lesbos.")
    assert sorted(x.key for x in e.entities) == ["Country:Polen", "Place:Lesbos"]


def test_the_rules_that_look_for_a_name_in_a_window_read_the_same_names():
    e = _extract("Sverige sender en korvett til Kangerlussuaq.")
    assert [(a.agent, a.destination) for a in e.actions] == [
        ("Country:Sverige", "Place:Kangerlussuaq")]
