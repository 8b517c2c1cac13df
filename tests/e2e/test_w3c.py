"""The W3C SPARQL 1.1 Protocol (34 tests) and Graph Store Protocol (13 tests) manifests,
replayed against a real `kg serve` with a write token (runner: tests/w3c.py).

The manifests live in the shared data directory (env KG_SHARED_DIR, default ../shared);
without it the tests are skipped with that reason."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests import w3c
from tests.e2e.servers import kg_serve

pytestmark = pytest.mark.e2e

TOKEN = "w3c-test-token"
SUITE = w3c.suite_dir()


def _cases(manifest: str, *, extra: tuple[str, ...] = ()) -> list:
    path = SUITE / manifest
    if not path.is_file():
        return [pytest.param(None, marks=pytest.mark.skip(
            reason=f"W3C manifests not found at {path} (set KG_SHARED_DIR)"))]
    return [pytest.param(t, id=t.name) for t in w3c.load_manifest(path, extra=extra)]


PROTOCOL = _cases("protocol/manifest.ttl")
GSP = (_cases("graph-store-protocol/manifest-direct.ttl", extra=("head_non_existing_direct",))
       + _cases("graph-store-protocol/manifest-indirect.ttl"))


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory) -> Iterator[str]:
    store = tmp_path_factory.mktemp("w3c") / "store"
    with kg_serve(str(store), env={"KG_WRITE_TOKEN": TOKEN},
                  args=("--base-iri", "http://www.example/")) as base:
        yield base


def test_manifests_have_the_expected_size():
    if not SUITE.is_dir():
        pytest.skip(f"W3C manifests not found at {SUITE}")
    assert len(PROTOCOL) == 34 and len(GSP) == 13 + 1  # + head_non_existing_direct


@pytest.mark.parametrize("test", PROTOCOL)
def test_protocol(endpoint, test):
    assert w3c.run(test, endpoint, TOKEN) == [], test.label


@pytest.mark.parametrize("test", GSP)
def test_graph_store_protocol(endpoint, test):
    assert w3c.run(test, endpoint, TOKEN) == [], test.label
