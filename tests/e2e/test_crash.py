"""Interrupting a build with kill -9 loses no article reported as stored, and a rebuild
resumes without duplicates."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest

from bench.generate import articles
from kg.pipeline import Builder, build
from kg.read import read_articles
from kg.store import open_store
from tests.conftest import BASE

pytestmark = pytest.mark.e2e


def test_kill_during_build_loses_nothing_reported(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as handle:
        for record in articles(400, seed=7):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    location = tmp_path / "store"
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "build", str(corpus), "--store", str(location),
         "--workers", "1", "--verbose"], stderr=subprocess.PIPE, text=True,
        env={**os.environ, "KG_BASE_IRI": BASE})
    reported = []
    for line in process.stderr:
        if line.startswith("stored synthetic"):
            reported.append(line.split()[1])
            if len(reported) == 25:
                break
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert len(reported) == 25

    store = open_store(str(location))
    builder = Builder.create(BASE)
    graphs = set(store.named_graphs())
    assert all(str(builder.minter.article_graph(i)) in graphs for i in reported)

    report = build(read_articles([str(corpus)]), store=store, builder=builder)
    assert report.ok and set(reported) <= set(report.unchanged)
    assert len(report.stored) + len(report.unchanged) == 400
    clean = open_store("memory:")
    build(read_articles([str(corpus)]), store=clean, builder=builder)
    assert len(store) == len(clean)
