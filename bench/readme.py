"""Copy the tables of the latest benchmark run into README.md.

``python -m bench.readme`` replaces what stands between the ``Command:`` line of README's
``## Performance`` section and its commentary (the paragraph opening ``What the figures say``)
with the body of ``bench/results/latest.md``, headings one level down, and puts the run's time
into the sentence that names it. The commentary is prose and stays as written: read the new
figures and edit it by hand.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMENTARY = "What the figures say."


def merged(readme: str, latest: str) -> str:
    """``readme`` with the tables of ``latest`` (the text of a ``latest.md``)."""
    stamp = re.search(r"^# kg benchmark, (.+)$", latest, re.MULTILINE)
    body = latest.split("\n", 1)[1].strip() if stamp else latest.strip()
    body = re.sub(r"^## ", "### ", body, flags=re.MULTILINE)
    start = readme.index("## Performance")
    command = readme.index("\nCommand:", start)
    end = readme.index(COMMENTARY, command)
    out = readme[:command + 1] + body + "\n\n" + readme[end:]
    if stamp:
        out = re.sub(r"\(\d{4}-\d\d-\d\d \d\d:\d\d UTC\)", f"({stamp.group(1)})", out, count=1)
    return out


def main() -> None:
    readme = ROOT / "README.md"
    latest = ROOT / "bench" / "results" / "latest.md"
    if not latest.is_file():
        raise SystemExit(f"no benchmark results at {latest}: run python -m bench first")
    readme.write_text(merged(readme.read_text(encoding="utf-8"),
                             latest.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"README.md now shows the tables of {latest}", file=sys.stderr)


if __name__ == "__main__":
    main()
