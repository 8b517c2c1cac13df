"""Shared fixtures: the repository paths, a built in-memory store, a Flask test client."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.config import Settings
from kg.pipeline import Builder, build
from kg.read import read_articles
from kg.store import open_store

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT.parent / "shared" / "seeds" / "gold.json"
BASE = "http://127.0.0.1:8000/"


@pytest.fixture(scope="session")
def gold() -> dict:
    if not GOLD.is_file():
        pytest.skip(f"gold file not found at {GOLD} (../shared is absent)")
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def builder() -> Builder:
    return Builder.create(BASE)


@pytest.fixture(scope="session")
def seeded_store(builder: Builder):
    store = open_store("memory:")
    report = build(read_articles([str(SEEDS)]), store=store, builder=builder)
    assert report.ok, report.failed
    return store


@pytest.fixture()
def app(seeded_store):
    from server import create_app

    app = create_app(Settings(base_iri=BASE, write_token="s3cret"), store=seeded_store)
    app.config["TESTING"] = True
    return app


@pytest.fixture()
def client(app):
    return app.test_client()
