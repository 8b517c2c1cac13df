"""The on-disk store's cap on open table files (settings ``store_open_files`` for the
commands that write, ``serve_open_files`` for ``kg serve``)."""

from __future__ import annotations

import resource
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.config import MIN_OPEN_FILES, load_settings
from kg.errors import ConfigError
from kg.store import open_configured
from kg.store.oxigraph import OxigraphStore


def _max_open_files(path: Path) -> int:
    """What RocksDB was told, from the newest OPTIONS file it wrote."""
    newest = sorted(path.glob("OPTIONS-*"), key=lambda p: int(p.name.split("-")[1]))[-1]
    for line in newest.read_text().splitlines():
        if line.strip().startswith("max_open_files="):
            return int(line.split("=")[1])
    raise AssertionError("no max_open_files in " + newest.name)


@pytest.fixture
def soft_limit() -> Iterator[int]:
    """The process's soft descriptor limit, put back after the test whatever it does."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    yield soft
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_the_cap_reaches_rocksdb_and_the_process_limit_is_restored(
        tmp_path: Path, soft_limit: int) -> None:
    if soft_limit != resource.RLIM_INFINITY and soft_limit < 200:
        pytest.skip(f"the soft descriptor limit ({soft_limit}) is already below the cap")
    store = OxigraphStore(str(tmp_path / "s"), open_files=100)
    store.close()
    assert _max_open_files(tmp_path / "s") == 100
    assert resource.getrlimit(resource.RLIMIT_NOFILE)[0] == soft_limit
    reader = OxigraphStore(str(tmp_path / "s"), read_only=True, open_files=60)
    assert len(reader) == 0
    assert resource.getrlimit(resource.RLIMIT_NOFILE)[0] == soft_limit


def test_without_a_cap_oxigraph_sizes_the_table_cache_from_the_limit(
        tmp_path: Path, soft_limit: int) -> None:
    hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    resource.setrlimit(resource.RLIMIT_NOFILE, (150, hard))
    OxigraphStore(str(tmp_path / "s")).close()
    assert _max_open_files(tmp_path / "s") == 150 - 48


def test_a_cap_above_a_tight_process_limit_leaves_the_limit_alone(
        tmp_path: Path, soft_limit: int) -> None:
    hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    resource.setrlimit(resource.RLIMIT_NOFILE, (150, hard))
    OxigraphStore(str(tmp_path / "s"), open_files=500).close()
    assert _max_open_files(tmp_path / "s") == 150 - 48
    assert resource.getrlimit(resource.RLIMIT_NOFILE)[0] == 150


def test_a_cap_below_what_oxigraph_needs_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="at least 48"):
        OxigraphStore(str(tmp_path / "s"), open_files=MIN_OPEN_FILES - 1)
    assert not list((tmp_path / "s").glob("*.sst"))


def test_a_build_is_capped_and_the_server_is_not_by_default(
        tmp_path: Path, soft_limit: int) -> None:
    if soft_limit != resource.RLIM_INFINITY and soft_limit < 400:
        pytest.skip(f"the soft descriptor limit ({soft_limit}) is already below the cap")
    settings = load_settings(env={}, store=str(tmp_path / "s"))
    open_configured(settings).close()
    assert _max_open_files(tmp_path / "s") == settings.store_open_files
    open_configured(settings, serving=True).close()
    if soft_limit != resource.RLIM_INFINITY:
        assert _max_open_files(tmp_path / "s") == soft_limit - 48
    capped = load_settings(env={"KG_SERVE_OPEN_FILES": "300"}, store=str(tmp_path / "s"))
    open_configured(capped, serving=True).close()
    assert _max_open_files(tmp_path / "s") == 300


@pytest.mark.parametrize("name", ["store_open_files", "serve_open_files"])
def test_settings_refuse_a_cap_oxigraph_cannot_open_with(name: str) -> None:
    with pytest.raises(ConfigError, match=f"{name} is 10; the store needs at least 48"):
        load_settings(env={f"KG_{name.upper()}": "10"})
    assert getattr(load_settings(env={f"KG_{name.upper()}": "0"}), name) == 0
