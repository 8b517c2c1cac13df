"""The HTTP server: a Flask application factory with one blueprint per concern.

``server`` imports ``kg``; ``kg`` never imports ``server`` (the CLI's ``serve`` command
imports it lazily).
"""

from __future__ import annotations

from flask import Flask

from kg.config import Settings, load_settings
from kg.store.base import GraphStore

__all__ = ["create_app"]


def create_app(settings: Settings | None = None, *, store: GraphStore | None = None) -> Flask:
    """Build the app. Without ``store``, the store named by ``settings`` is opened."""
    from kg.store import open_configured
    from server import api, cors, data, describe, errors, gsp, sparql, web
    from server.state import init_app

    settings = settings or load_settings()
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    app.json.sort_keys = False  # type: ignore[attr-defined]
    if store is None:
        store = open_configured(settings, serving=True)
    init_app(app, settings, store)
    errors.register(app)
    app.register_blueprint(sparql.bp)
    app.register_blueprint(data.bp)
    app.register_blueprint(gsp.bp)
    app.register_blueprint(describe.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(web.bp)
    cors.register(app, settings.cors_origins)
    return app
