"""Extraction rules on Norwegian sentences written for these tests (not the seeds)."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.extract.actions import parse_duration, parse_personnel
from kg.extract.lexicon import load_lexicon
from kg.gazetteer import load_gazetteer
from kg.model import Article


def _extract(body: str):
    text = " date 2023-05 " + body
    article = Article("t", text, "2023-05", "test", body_start=14)
    return extract(article, gazetteer=load_gazetteer(), lexicon=load_lexicon())


def _speakers(extraction):
    return [s.speaker for s in extraction.statements]


@pytest.mark.parametrize(("phrase", "expected"), [
    ("mellom 200 og 300 soldater", (200, 300)),
    ("rundt 100 soldater", (100, 100)),
    ("opptil 1 500 soldater", (None, 1500)),
    ("minst 40 soldater", (40, None)),
    ("femti soldater", (50, 50)),
    ("130.000 soldater", (130000, 130000)),
    ("noen soldater", None),
])
def test_personnel_ranges(phrase, expected):
    assert parse_personnel(phrase, load_lexicon()) == expected


@pytest.mark.parametrize(("phrase", "expected"), [
    ("i tre måneder", "P3M"),
    ("i to uker", "P2W"),
    ("i 14 dager", "P14D"),
    ("et seks måneder langt opphold", "P6M"),
    ("for tre måneder siden", None),
    ("om tre måneder", None),
])
def test_durations(phrase, expected):
    assert parse_duration(phrase, load_lexicon()) == expected


def test_deployment_with_range_duration_and_announced_status():
    e = _extract("Danmark sender rundt 200 soldater til Estland. Styrken skal være der i "
                 "seks måneder.")
    [action] = e.actions
    assert (action.kind, action.agent, action.destination) == (
        "Deployment", "Country:Danmark", "Country:Estland")
    assert (action.personnel_min, action.personnel_max, action.duration) == (200, 200, "P6M")
    assert action.status == "Announced"


@pytest.mark.parametrize("body", [
    "Sverige vil ikke sende soldater til Ukraina.",
    "Tyskland kan komme til å sende soldater til Litauen.",
    "Polen har mulighet til å sende soldater til Ukraina.",
])
def test_negated_and_hypothetical_actions_are_not_asserted(body):
    assert _extract(body).actions == ()


def test_claimed_withdrawal_becomes_disputed_when_contested():
    e = _extract("Russland hevder at styrkene trekkes tilbake fra grensen. "
                 "– Vi har ikke sett noen tegn til tilbaketrekning, sier Jens Stoltenberg.")
    [action] = [a for a in e.actions if a.kind == "Withdrawal"]
    assert action.agent == "Country:Russland"
    assert action.status == "Disputed"
    assert action.disputed_by


def test_dash_quote_with_attribution_after_the_quote():
    e = _extract("– Vi står sammen med Ukraina, sa Anniken Huitfeldt onsdag.")
    [statement] = e.statements
    assert statement.speaker == "Person:Anniken Huitfeldt"
    assert statement.form == "direct" and statement.verb == "sa"
    assert e.article.text[statement.text.start:statement.text.end] == "Vi står sammen med Ukraina"


def test_reported_speech_both_orders_and_pronoun():
    e = _extract("Jonas Gahr Støre sier at Norge vil bidra. Han understreker at regjeringen "
                 "følger situasjonen. Tirsdag sa Støre at samarbeidet er tett.")
    assert _speakers(e) == ["Person:Jonas Gahr Støre"] * 3


def test_unattributed_dash_quote_continues_the_previous_speaker():
    e = _extract("– Dette er alvorlig, sier Jens Stoltenberg.\n\n– Vi følger nøye med.")
    assert _speakers(e) == ["Person:Jens Stoltenberg", "Person:Jens Stoltenberg"]
    assert e.statements[1].rule.startswith("quote_dash_continuation")


def test_idiom_is_not_a_statement():
    assert _extract("Det sier seg selv at dette er vanskelig.").statements == ()


def test_organisation_as_speaker_and_new_person_gets_an_entity():
    e = _extract("Nato sier at alliansen er klar. Kari Nordmann mener at det er riktig.")
    assert _speakers(e) == ["Organisation:Nato", "Person:Kari Nordmann"]
    assert any(ent.name == "Kari Nordmann" for ent in e.entities)


@pytest.mark.parametrize("body", [
    "OVERSKRIFT\n\nEN TIL\n\nBare overskrifter",
    "«» – – ,, .. ?!? … «hei» – ; sa",
    "Nynorsk: Noreg sender ikkje soldatar, seier statsministeren.",
    ("Norge sender soldater til Litauen. " * 6000),
])
def test_unusual_input_does_not_crash(body):
    e = _extract(body)
    for statement in e.statements:
        assert 0 <= statement.text.start <= statement.text.end <= len(e.article.text)


def test_figures_in_a_later_paragraph_that_refers_back_to_the_unit():
    e = _extract("Danmark vil sende rundt 150 soldater til Latvia.\n\n"
                 "– Dette styrker alliansen, sier Kari Nordmann.\n\n"
                 "Soldatene skal være i Latvia i fire måneder.")
    [action] = e.actions
    assert (action.personnel_min, action.duration) == (150, "P4M")


def test_an_adjective_inside_a_named_body_is_not_the_agent():
    e = _extract("Ifølge det russiske utenriksdepartementet sender Polen soldater til Litauen.")
    assert [(a.kind, a.agent) for a in e.actions] == [("Deployment", "Country:Polen")]


def test_the_source_of_an_ifolge_phrase_is_not_the_agent():
    e = _extract("Russland har ifølge estiske myndigheter samlet store styrker nær grensen.")
    assert [(a.kind, a.agent, a.status) for a in e.actions] == [
        ("MilitaryBuildup", "Country:Russland", "Claimed")]


@pytest.mark.parametrize(("body", "speaker", "text"), [
    ("Anniken Huitfeldt, Norges utenriksminister, sier at Norge støtter Finland.",
     "Person:Anniken Huitfeldt", "Norge støtter Finland"),
    ("Kari Nordmann, som leder komiteen, mener at beslutningen var riktig.",
     "Person:Kari Nordmann", "beslutningen var riktig"),
    ("– Vi står sammen, sa Jonas Gahr Støre, statsminister, til NRK.",
     "Person:Jonas Gahr Støre", "Vi står sammen"),
])
def test_speakers_with_an_appositive_title(body, speaker, text):
    e = _extract(body)
    [statement] = e.statements
    assert statement.speaker == speaker
    assert e.article.text[statement.text.start:statement.text.end] == text
