"""Per-app state: settings, store and IRI minter, kept in ``app.extensions['kg']``."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, current_app

from kg.config import Settings
from kg.iri import IRIMinter
from kg.store.base import GraphStore

__all__ = ["State", "init_app", "state"]


@dataclass
class State:
    settings: Settings
    store: GraphStore
    minter: IRIMinter
    write_token: str | None


def init_app(app: Flask, settings: Settings, store: GraphStore) -> None:
    app.extensions["kg"] = State(settings, store, IRIMinter(settings.base_iri), settings.token())


def state() -> State:
    value = current_app.extensions["kg"]
    assert isinstance(value, State)
    return value
