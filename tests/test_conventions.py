"""Docs-as-tests: the rules of the codebase that nobody should have to remember."""

from __future__ import annotations

import ast
from pathlib import Path

from click.testing import CliRunner

from kg.cli import main
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


def test_every_setting_is_documented_in_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [s.env for s in SETTINGS if s.env not in readme]
    assert missing == []


def test_every_command_has_help():
    runner = CliRunner()
    for name, command in main.commands.items():
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0 and command.help, name
