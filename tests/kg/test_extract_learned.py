"""The learned trigger detector (kg.extract.learned): what it proposes, that the rules still
dispose, and that the shipped model is the one the development set trains."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import Extraction, extract
from kg.extract.learned import (
    default_model_path,
    features,
    load_detector,
    train,
    training_instances,
)
from kg.extract.lexicon import load_lexicon
from kg.gazetteer import load_gazetteer
from kg.model import Article
from tests.conftest import ROOT

DEV = ROOT / "tests" / "data" / "extraction-dev"


def _extract(body: str, learned: bool = True) -> Extraction:
    head = " date 2024-03 "
    article = Article("t", head + body, "2024-03", "test", body_start=len(head))
    return extract(article, gazetteer=load_gazetteer(), lexicon=load_lexicon(),
                   detector=load_detector() if learned else None)


def _acts(e: Extraction) -> list[tuple[str, str | None, str | None]]:
    return [(a.kind, a.agent, a.destination) for a in e.actions]


def test_a_name_counts_as_a_name_not_as_the_country_it_is():
    feats = features("Canada forflytter 300 soldater til Latvia.")
    assert "w=forflytter" in feats and "w=soldater" in feats and "num" in feats
    assert "name" in feats and "w=latvia" not in feats
    assert "w=canada" in feats  # the sentence's first word may be any word


def test_the_shipped_detector_loads_with_the_lexicons_non_triggers():
    detector = load_detector()
    assert detector is not None and "Deployment" in detector.labels
    assert "sier" in detector.non_triggers


def test_a_phrasing_no_pattern_knows_is_found_through_the_model():
    body = "Canada forflytter 300 soldater til Latvia."
    assert _acts(_extract(body, learned=False)) == []
    assert _acts(_extract(body)) == [("Deployment", "Country:Canada", "Country:Latvia")]


@pytest.mark.parametrize("body", [
    "Norge vil ikke forflytte soldater til Latvia.",  # negated
    "Canada kan komme til å forflytte 300 soldater til Latvia.",  # only possible
    "Canada forflytter pengene til Latvia.",  # no forces
])
def test_the_rules_still_dispose_of_what_the_model_proposes(body):
    assert _acts(_extract(body)) == []


def test_a_proposal_adds_no_second_action_of_a_kind_and_agent_the_patterns_found():
    e = _extract("Canada sender 300 soldater til Latvia. Canada forflytter også 200 "
                 "soldater til Estland.")
    assert _acts(e) == [("Deployment", "Country:Canada", "Country:Latvia")]


@pytest.mark.skipif(not (DEV / "gold.json").exists(), reason="no development set")
def test_the_development_set_trains_the_shipped_model_byte_for_byte(tmp_path: Path):
    out = tmp_path / "triggers.crfsuite"
    train(training_instances([DEV]), out)
    assert out.read_bytes() == default_model_path().read_bytes()
