"""The scorer: matching rules on hand-made gold, then the seeds against the shared gold file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.evaluate import (
    SysAction,
    SysArticle,
    SysEntity,
    SysRole,
    SysStatement,
    collect,
    default_gold_path,
    format_report,
    overlap,
    score,
)
from tests.conftest import ROOT

NO, RU, NATO, ST = "e:no", "e:ru", "e:nato", "e:stoltenberg"


def _system() -> dict[str, SysArticle]:
    article = SysArticle("a", "Norge sender soldater. – Vi er klare, sier Stoltenberg.")
    article.entities = {
        NO: SysEntity(NO, "Country", "Norge", "Q20"),
        RU: SysEntity(RU, "Country", "Russland", "Q159"),
        NATO: SysEntity(NATO, "Organisation", "Nato", "Q7184"),
        ST: SysEntity(ST, "Person", "Jens Stoltenberg", "Q57665"),
    }
    article.statements = [SysStatement("s1", ST, "Vi er klare til å forsvare oss")]
    article.actions = [SysAction("x1", "Deployment", NO, None, 50, 60, "P3M", "Announced",
                                 [(0, 22)])]
    article.roles = [SysRole("r1", "holds_position", ST, NATO, "generalsekretær", [(30, 40)])]
    return {"a": article}


def _gold(**extra: object) -> dict:
    article = {
        "entities": [
            {"label_nb": "Norge", "type": "Country", "wikidata": "Q20", "mentions": ["Norge"]},
            {"label_nb": "NATO", "type": "Organisation", "wikidata": "Q7184", "mentions": []},
            {"label_nb": "Jens Stoltenberg", "type": "Person", "wikidata": "Q57665"},
            {"label_nb": "Russland", "type": "Country", "wikidata": "Q159"},
            {"label_nb": "Toppmøtet", "type": "Event", "wikidata": None},
        ],
        "statements": [{"id": "s1", "speaker": "Jens Stoltenberg", "text": "Vi er klare"}],
        "military_actions": [{"id": "a1", "kind": "Deployment", "agent": "Norge",
                              "personnel_min": 50, "personnel_max": 60, "duration": "P3M",
                              "status": "Announced", "evidence": "Norge sender soldater"}],
        "relations": [{"subject": "Jens Stoltenberg", "relation": "holds_position",
                       "object": "NATO", "title_nb": "generalsekretær"}],
        "must_not": [],
    }
    article.update(extra)
    return {"a.txt": article}


def test_perfect_match_scores_one_everywhere():
    report = score(_system(), _gold())
    for name, s in report.scores.items():
        assert (s.precision, s.recall) == (1.0, 1.0), name
    assert not (report.missed or report.invented or report.wrong or report.violations)


def test_wrong_speaker_is_both_missed_and_invented():
    system = _system()
    system["a"].statements = [SysStatement("s1", NO, "Vi er klare")]
    report = score(system, _gold())
    s = report.scores["statements"]
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)
    assert "speaker Norge" in report.missed[0]


def test_action_fields_are_compared_where_gold_gives_them():
    system = _system()
    system["a"].actions[0].status = "Ongoing"
    system["a"].actions[0].duration = None
    report = score(system, _gold())
    assert report.scores["actions"].tp == 1
    assert report.scores["actions+fields"].tp == 0
    assert "status Ongoing != Announced" in report.wrong[0]


def test_places_are_compared_as_sets_where_gold_gives_them():
    system = _system()
    system["a"].actions[0].near = {RU}
    gold = _gold()
    report = score(system, gold)  # gold gives no places: not compared
    assert report.scores["actions+fields"].tp == 1
    gold["a.txt"]["military_actions"][0]["near"] = ["Russland"]
    assert score(system, gold).scores["actions+fields"].tp == 1
    gold["a.txt"]["military_actions"][0]["location"] = ["Russland"]
    report = score(system, gold)
    assert (report.scores["actions"].tp, report.scores["actions+fields"].tp) == (1, 0)
    assert report.wrong == ["a action a1 Deployment by Norge: location - != ['Russland']"]
    system["a"].actions[0].near = {RU, NO}
    gold["a.txt"]["military_actions"][0].pop("location")
    assert "near ['Norge', 'Russland'] != ['Russland']" in score(system, gold).wrong[0]


def test_agreeing_places_pick_the_pairing():
    system = _system()
    article = system["a"]
    article.actions = [
        SysAction("x1", "MilitaryBuildup", RU, None, None, None, None, "Ongoing", near={NO}),
        SysAction("x2", "MilitaryBuildup", RU, None, None, None, None, "Ongoing",
                  location={NO}),
    ]
    gold = _gold(military_actions=[
        {"id": "a1", "kind": "MilitaryBuildup", "agent": "Russland", "location": ["Norge"],
         "status": "Ongoing", "evidence": "x"},
        {"id": "a2", "kind": "MilitaryBuildup", "agent": "Russland", "near": ["Norge"],
         "status": "Ongoing", "evidence": "y"}])
    report = score(system, gold)
    assert report.scores["actions+fields"].tp == 2, report.wrong


def test_seed_actions_have_their_places_in_the_graph(seeded_store):
    actions = [a for article in collect(seeded_store).values() for a in article.actions]
    assert sum(1 for a in actions if a.near) == 5
    assert [len(a.location) for a in actions if a.location] == [2]


def test_invasion_counts_as_attack_and_optional_gold_is_neutral():
    system = _system()
    system["a"].actions.append(SysAction("x2", "Attack", RU, None, None, None, None, "Feared"))
    gold = _gold()
    gold["a.txt"]["military_actions"].append({"id": "a2", "kind": "Invasion", "agent": "Russland",
                                              "status": "Feared", "evidence": "invasjon"})
    gold["a.txt"]["statements"].append({"id": "s2", "speaker": "Norge", "text": "noe annet",
                                        "optional": True})
    report = score(system, gold)
    assert report.scores["actions"].tp == 2
    assert report.scores["statements"].fn == 0


def test_must_not_violations_are_listed():
    system = _system()
    system["a"].actions.append(SysAction("x2", "Withdrawal", RU, None, None, None, None,
                                         "Ongoing", [(5, 15)]))
    gold = _gold(must_not=[
        {"type": "action", "rule": "no_action", "kind": "Withdrawal", "agent": "Russland",
         "evidence": "trekker seg ikke", "span": [0, 20]},
        {"type": "relation", "rule": "no_relation", "evidence": "(Ap)", "span": [32, 34]},
    ])
    report = score(system, gold)
    assert len(report.violations) == 2
    assert "must_not violations: 2" in format_report(report)


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("Vi er klare", "vi er klare til alt", 1.0),
    ("Russland trekker seg", "Norge sender", 0.0),
    ("", "noe", 0.0),
])
def test_word_overlap(a, b, expected):
    assert overlap(a, b) == expected


def _gold_path() -> Path:
    return default_gold_path() if os.environ.get("KG_SHARED_DIR") else (
        ROOT.parent / "shared" / "seeds" / "gold.json")


@pytest.fixture(scope="module")
def seed_report(seeded_store):
    path = _gold_path()
    if not path.is_file():
        pytest.skip(f"gold file not found at {path} (set KG_SHARED_DIR)")
    gold = json.loads(path.read_text(encoding="utf-8"))
    return score(collect(seeded_store), gold)


def test_seeds_meet_the_targets(seed_report):
    scores = seed_report.scores
    assert scores["statements"].recall == 1.0, seed_report.missed
    assert scores["actions+fields"].recall == 1.0, seed_report.missed + seed_report.wrong
    for name in ("entities", "statements", "actions", "actions+fields", "roles"):
        assert scores[name].precision >= 0.95, (name, seed_report.invented)
    assert seed_report.violations == []


def test_cli_evaluate_prints_the_table():
    path = _gold_path()
    if not path.is_file():
        pytest.skip(f"gold file not found at {path}")
    result = CliRunner().invoke(main, ["evaluate", str(ROOT / "seeds"), "--gold", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("category") and "statements" in result.output


def test_readme_shows_the_current_figures(seed_report):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert format_report(seed_report, diff=False) in readme, "rerun: kg evaluate --no-diff"


def test_cli_evaluate_reads_a_built_store(tmp_path):
    path = _gold_path()
    if not path.is_file():
        pytest.skip(f"gold file not found at {path}")
    store = str(tmp_path / "store")
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(ROOT / "seeds"), "--store", store]).exit_code == 0
    result = runner.invoke(main, ["evaluate", "--store", store, "--gold", str(path),
                                  "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["scores"]["statements"]["recall"] == 1.0 and data["violations"] == []


def test_an_agent_the_article_names_only_by_a_demonym_is_matched_by_its_qid():
    system = _system()
    article = system["a"]
    belarus = "e:by"
    article.referenced = {belarus: SysEntity(belarus, "Country", "Belarus", "Q184")}
    article.actions.append(SysAction("x2", "Exercise", belarus, None, None, None, None,
                                     "Ongoing", [(40, 50)]))
    gold = _gold()
    gold["a.txt"]["entities"].append({"label_nb": "Belarus", "type": "Country", "wikidata": "Q184"})
    gold["a.txt"]["military_actions"].append({"id": "a2", "kind": "Exercise", "agent": "Belarus",
                                          "status": "Ongoing", "evidence": "x"})
    report = score(system, gold)
    assert report.scores["actions"].tp == 2 and report.scores["actions"].fp == 0
    assert report.scores["entities"].fp == 0  # referred to, not mentioned: not scored


def test_an_optional_gold_action_does_not_take_the_match_of_a_required_one():
    system = _system()
    gold = _gold()
    gold["a.txt"]["military_actions"].append({  # after the required one: it would win a tie
        "id": "a9", "kind": "Deployment", "agent": "Norge", "status": "Ongoing",
        "optional": True, "evidence": "y", "span": [100, 110]})
    gold["a.txt"]["military_actions"][0]["span"] = [0, 22]
    report = score(system, gold)
    assert report.scores["actions"].tp == 1 and report.scores["actions"].fn == 0
