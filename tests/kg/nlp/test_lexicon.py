"""The word knowledge the entity tagger reads beyond NorNE (kg/nlp/lexicon.py)."""

from __future__ import annotations

from pathlib import Path

from kg.nlp.crf import Resources, sent_features
from kg.nlp.lexicon import (
    NAME_KINDS,
    NAMES_FILE,
    PLACES_FILE,
    WORDS_FILE,
    WordSet,
    load_lexicon,
    name_patterns,
    parse_names,
    read_places,
    write_gz,
)


def test_wordset_membership() -> None:
    ws = WordSet(["regjeringen", "sier", "soldater", "sier"])
    assert len(ws) == 3
    assert "regjeringen" in ws and "soldater" in ws
    assert "stoltenberg" not in ws and "Regjeringen" not in ws and 3 not in ws


def test_parse_names_collects_kinds_and_genitives() -> None:
    lines = [
        "Oslo<np><top>:Oslo",
        "Oslo<np><top><gen>:Oslos",
        "Solberg<np><cog>:Solberg",
        "Solberg<np><top><compound-R>:Solberg",
        "Kari<np><ant><f>:Kari",
        "Oslomet<np><org>:Oslo Met",  # several words: not a token
        "Foo<np><xyz>:Foo",  # unknown kind
        "garbage",
    ]
    names = parse_names(lines)
    assert names == {
        "Oslo": {"top"},
        "Oslos": {"top", "gen"},
        "Solberg": {"cog", "top"},
        "Kari": {"ant"},
    }


def test_patterns_cover_every_kind() -> None:
    pats = name_patterns()
    for kind in NAME_KINDS:
        assert f"*<np><{kind}>" in pats
        assert f"*<np><{kind}><gen>" in pats
    assert len(set(pats)) == len(pats)


def test_written_files_are_deterministic_and_load(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    for d in (a, b):
        d.mkdir()
        write_gz(d / NAMES_FILE, "test-names.v1 unit test", ["Oslo\ttop", "Kari\tant"])
        write_gz(d / WORDS_FILE, "test-words.v1 unit test", ["regjering", "si"])
    assert (a / NAMES_FILE).read_bytes() == (b / NAMES_FILE).read_bytes()
    lex = load_lexicon("nb", str(a))
    assert lex.version == "test-names.v1+test-words.v1"
    assert lex.name_kinds("Oslo") == "top" and lex.name_kinds("Bergen") is None
    assert lex.is_word("Regjering") and not lex.is_word("Oslo")


def test_shipped_lexicon() -> None:
    lex = load_lexicon("nb")
    assert lex.version.startswith("nb-names.v1") and "nb-words.v1" in lex.version
    assert len(lex.names) > 100_000 and len(lex.words) > 800_000
    assert "top" in (lex.name_kinds("Finnmark") or "")
    assert "cog" in (lex.name_kinds("Stoltenberg") or "")
    assert "ant" in (lex.name_kinds("Kari") or "")
    assert "gen" in (lex.name_kinds("Norges") or "")
    assert lex.is_word("Regjeringen") and lex.is_word("soldatene")
    assert not lex.is_word("Stoltenberg")
    assert "nb-places.v1" in lex.version and len(lex.places) > 100_000
    assert lex.is_place("Kharkiv") and lex.is_place("Tromsø") and not lex.is_place("Europa")


def test_places_from_geonames(tmp_path: Path) -> None:
    import json

    src = tmp_path / "cities500.json"
    src.write_text(json.dumps({
        "1": {"name": "Vardø", "alternatenames": ["VAW", "Vuoreija"], "countrycode": "NO",
              "population": 2100},
        "2": {"name": "Smallville", "alternatenames": [], "countrycode": "US",
              "population": 900},
        "3": {"name": "Kharkiv", "alternatenames": ["Kharkov", "Charkiv 2", "kharkiv", "New X"],
              "countrycode": "UA", "population": 1400000},
    }), encoding="utf-8")
    assert read_places(src) == ["Kharkiv", "Kharkov", "Vardø", "Vuoreija"]
    write_gz(tmp_path / PLACES_FILE, "t", read_places(src))
    lex = load_lexicon("nb", str(tmp_path))
    assert lex.is_place("Vardø") and not lex.is_place("Smallville") and not lex.is_place("VAW")


def test_features_use_the_lexicon(tmp_path: Path) -> None:
    write_gz(tmp_path / NAMES_FILE, "t", ["Kari\tant", "Nordmann\tcog"])
    write_gz(tmp_path / WORDS_FILE, "t", ["i", "dag", "sier"])
    lex = load_lexicon("nb", str(tmp_path))
    res = Resources(gazetteer={}, use_gaz=False, use_types=False, use_lex=True, lexicon=lex)
    f = sent_features(["I", "dag", "sier", "Kari", "Nordmann"], res)
    assert f[3]["nk"] == "ant" and f[3]["nk_ant"] == 1.0 and f[3]["1nk"] == "cog"
    assert f[4]["-1nk"] == "ant"
    assert f[0]["dw"] is True and f[3]["dw"] is False
    assert not any(k.endswith("ct") for k in f[3])  # no places file here
    assert "dw" not in f[1]  # only capitalised tokens ask the dictionary
    write_gz(tmp_path / PLACES_FILE, "t", ["Bergen"])
    load_lexicon.cache_clear()
    lex = load_lexicon("nb", str(tmp_path))
    res = Resources(gazetteer={}, use_gaz=False, use_types=False, use_lex=True, lexicon=lex)
    g = sent_features(["Kari", "bor", "i", "Bergen"], res)
    assert g[3]["0ct"] == 1.0 and g[2]["1ct"] == 1.0 and "0ct" not in g[0]
    off = sent_features(["Kari"], Resources(gazetteer={}, use_gaz=False, use_lex=False))
    assert not any(k.startswith(("nk", "dw")) for k in off[0])
