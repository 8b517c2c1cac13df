"""The `kg extract` table: what a reader checks by eye, from an invented article."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from kg.cli import main

ARTICLE = (" date 2024-03 \n\nRussland holder en stor militærøvelse i Belarus nær grensen til "
           "Polen.\n\nRussiske droner angrep energianlegg i Lviv natt til søndag.\n\nNorge "
           "sender 100 soldater til Litauen.\n")


def test_extract_table_lists_each_actions_places(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "--no-ner", str(path)])
    assert result.exit_code == 0, result.output
    actions = [line for line in result.output.splitlines() if line.startswith("- ")
               and " by " in line]
    assert any(line.startswith("- Exercise by Russland -> -") and line.endswith(
        ", near Polen, in Belarus") for line in actions), actions
    assert any(line.startswith("- Attack by Russland") and line.endswith(
        ", target Lviv, in Lviv") for line in actions), actions
    assert any(line.startswith("- Deployment by Norge -> Litauen") and line.endswith(
        "duration None") for line in actions), actions


def test_extract_of_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "none.txt")])
    assert result.exit_code == 2 and "does not exist" in result.output


def test_build_with_too_few_open_files_says_so(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(path), "--store", str(tmp_path / "s")],
                                env={"KG_STORE_OPEN_FILES": "10"})
    assert result.exit_code != 0
    assert "store_open_files is 10" in result.output
