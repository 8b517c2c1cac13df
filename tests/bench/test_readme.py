"""README's performance tables come from bench/results/latest.md, verbatim."""

from __future__ import annotations

from bench.readme import merged
from tests.conftest import ROOT

LATEST = """# kg benchmark, 2030-01-02 03:04 UTC

Command: `python -m bench`; machine: 2 cores.

## Build

| articles | seconds |
|---:|---:|
| 10 | 1.0 |
"""


def test_merged_replaces_the_tables_and_keeps_the_prose():
    readme = ("# kg\n\n## Performance\n\nEvery figure is from one run (2026-01-01 00:00 UTC).\n\n"
              "Command: old\n\n### Old table\n\n| x |\n\nWhat the figures say. Prose.\n\n"
              "## Next\n")
    out = merged(readme, LATEST)
    assert "(2030-01-02 03:04 UTC)" in out and "### Build" in out and "Old table" not in out
    assert out.endswith("What the figures say. Prose.\n\n## Next\n")


def test_the_readme_shows_the_latest_run():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    latest = (ROOT / "bench" / "results" / "latest.md").read_text(encoding="utf-8")
    assert merged(readme, latest) == readme, "run python -m bench.readme"
