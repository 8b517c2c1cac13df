"""Docs-as-tests: the rules of the codebase that nobody should have to remember."""

from __future__ import annotations

import ast
from pathlib import Path

from click.testing import CliRunner

from kg.cli import main, settings_markdown
from kg.config import SETTINGS

ROOT = Path(__file__).resolve().parents[1]


def test_kg_never_imports_server():
    offenders = []
    for path in (ROOT / "kg").rglob("*.py"):
        if path.name == "cli.py":
            continue  # the composition root imports server lazily inside `serve`
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path}: {n}" for n in names if n == "server" or n.startswith("server.")]
    assert offenders == []


def test_readme_settings_table_is_the_declared_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert settings_markdown() in readme, "regenerate with: kg settings --markdown"
    assert all(s.env in readme for s in SETTINGS)


def test_every_command_has_help():
    runner = CliRunner()
    for name, command in main.commands.items():
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0 and command.help, name


def test_readme_example_outputs_are_what_kg_query_prints(tmp_path):
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    examples = re.findall(r"```sparql\n(.*?)```\n```text\n(.*?)```", readme, re.S)
    assert len(examples) >= 3
    runner = CliRunner()
    store = str(tmp_path / "store")
    assert runner.invoke(main, ["build", str(ROOT / "seeds"), "--store", store]).exit_code == 0
    for query, expected in examples:
        result = runner.invoke(main, ["query", "--store", store, query])
        assert result.output.strip() == expected.strip(), query
