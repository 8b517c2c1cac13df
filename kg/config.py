"""Settings: one declared table, read by the CLI, the server and the docs.

Precedence, lowest first: the defaults below, ``KG_<NAME>`` environment variables,
then explicit overrides (CLI flags). ``kg settings`` prints the table.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from kg.errors import ConfigError

__all__ = ["MIN_OPEN_FILES", "SETTINGS", "Setting", "Settings", "default_store_path",
           "load_settings"]

MIN_OPEN_FILES = 48  # Oxigraph refuses to open a store with fewer descriptors to spare


def default_store_path() -> str:
    """``$XDG_DATA_HOME/kg/store`` (``~/.local/share/kg/store`` when unset)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return str(Path(base) / "kg" / "store")


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str

    @property
    def env(self) -> str:
        return "KG_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting("store", None, "Store location: a directory for the embedded Oxigraph store "
            "(default $XDG_DATA_HOME/kg/store, i.e. ~/.local/share/kg/store), or 'memory:' "
            "for a throw-away store."),
    Setting("base_iri", "http://127.0.0.1:8000/",
            "Base IRI under which articles, entities, statements and actions are minted; "
            "set it to the public address of a deployment so its IRIs dereference."),
    Setting("host", "127.0.0.1",
            "Interface to listen on. The default accepts connections from this machine only."),
    Setting("port", 8000, "TCP port to listen on; 0 picks a free port."),
    Setting("threads", 4, "Worker threads of the WSGI server."),
    Setting("query_timeout_s", 30.0, "Time limit for one SPARQL query, in seconds."),
    Setting("max_result_rows", 10000,
            "Most rows a SELECT returns over HTTP; a cut result is announced in headers."),
    Setting("result_cache_mb", 64.0,
            "Memory for cached query answers, in MiB; answers are reused until the next "
            "write (every update bumps the dataset version). 0 turns the cache off; remote "
            "stores are never cached."),
    Setting("max_body_bytes", 10 * 1024 * 1024, "Largest request body accepted, in bytes."),
    Setting("write_token", None,
            "Bearer token that enables SPARQL Update and Graph Store writes. Unset: read-only."),
    Setting("write_token_file", None, "File holding the write token (for deployments)."),
    Setting("cors_origins", "",
            "Comma-separated origins allowed by CORS for reads ('*' for any); empty: CORS off."),
    Setting("service_allowlist", "",
            "Comma-separated endpoint IRI prefixes SERVICE may call, e.g. "
            "https://query.wikidata.org/sparql. Empty: SERVICE refused."),
    Setting("reasoning", True, "Materialise OWL RL inferences at build time."),
    Setting("reasoner", "compiled",
            "OWL RL engine: 'compiled' (schema closure by owlrl, instance rules in Python; "
            "fast) or 'owlrl' (owlrl's full closure per article; slow, the reference)."),
    Setting("ner", True,
            "Use the shipped Norwegian entity recogniser (kg.nlp) for names no gazetteer "
            "knows: the places and persons it finds become entities, and a destination such "
            "as 'til Østersjøen' is read from them."),
    Setting("learned_triggers", True,
            "Use the shipped learned trigger detector (kg.extract.learned) for actions told in "
            "phrasings no trigger pattern knows; what it proposes passes the same checks as "
            "a pattern's match."),
    Setting("store_open_files", 256,
            "Table files 'kg build' and the other commands that write keep open in the "
            "on-disk store (at least 48; 0: no cap). RocksDB holds each open file's index in "
            "memory, so this keeps a build's memory flat as the store grows."),
    Setting("serve_open_files", 0,
            "Table files 'kg serve' and its query workers keep open (0: no cap, Oxigraph's "
            "own choice, the fastest lookups; else at least 48). Set it to bound the "
            "server's memory on a store of many gigabytes, at the price of slower lookups."),
    Setting("workers", 0,
            "Worker processes for the CPU-bound build stages; 0 means one per core "
            "(1 runs everything in the main process)."),
)


@dataclass(frozen=True)
class Settings:
    store: str | None = None
    base_iri: str = "http://127.0.0.1:8000/"
    host: str = "127.0.0.1"
    port: int = 8000
    threads: int = 4
    query_timeout_s: float = 30.0
    max_result_rows: int = 10000
    result_cache_mb: float = 64.0
    max_body_bytes: int = 10 * 1024 * 1024
    write_token: str | None = None
    write_token_file: str | None = None
    cors_origins: str = ""
    service_allowlist: str = ""
    reasoning: bool = True
    reasoner: str = "compiled"
    ner: bool = True
    learned_triggers: bool = True
    store_open_files: int = 256
    serve_open_files: int = 0
    workers: int = 0

    def __post_init__(self) -> None:
        for name in ("store_open_files", "serve_open_files"):
            value = getattr(self, name)
            if value and value < MIN_OPEN_FILES:
                raise ConfigError(f"{name} is {value}; the store needs at least "
                                  f"{MIN_OPEN_FILES} (0: no cap)")

    @property
    def store_location(self) -> str:
        return self.store or default_store_path()

    def token(self) -> str | None:
        """The write token from ``write_token`` or ``write_token_file`` (None: read-only)."""
        if self.write_token:
            return self.write_token
        if self.write_token_file:
            try:
                value = Path(self.write_token_file).read_text(encoding="utf-8").strip()
            except OSError as exc:
                raise ConfigError(f"cannot read write_token_file: {exc}") from exc
            if not value:
                raise ConfigError(f"write_token_file {self.write_token_file} is empty")
            return value
        return None

    def with_overrides(self, **overrides: Any) -> Settings:
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def _coerce(name: str, raw: str, default: Any) -> Any:
    target = type(default) if default is not None else str
    try:
        if target is bool:
            if raw.lower() in {"1", "true", "yes", "on"}:
                return True
            if raw.lower() in {"0", "false", "no", "off"}:
                return False
            raise ValueError(raw)
        return target(raw)
    except ValueError:
        raise ConfigError(f"KG_{name.upper()}={raw!r} is not a valid {target.__name__}") from None


def load_settings(env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    """Defaults, then ``KG_*`` variables from ``env``, then ``overrides`` that are not None."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        if setting.env in env:
            values[setting.name] = _coerce(setting.name, env[setting.env], setting.default)
    declared = {f.name for f in fields(Settings)}
    assert declared == {s.name for s in SETTINGS}, "SETTINGS and Settings disagree"
    return Settings(**values).with_overrides(**overrides)
