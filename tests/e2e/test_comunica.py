"""Client tolerance: Comunica (@comunica/query-sparql from the project's npm install) queries
a real `kg serve` as a SPARQL endpoint source."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator

import pytest

from server.web import node_modules
from tests.e2e.servers import kg_serve

pytestmark = pytest.mark.e2e

NODE = shutil.which("node")
COMUNICA = node_modules() / "@comunica" / "query-sparql" / "bin" / "query.js"
PREFIX = "PREFIX kg: <https://w3id.org/kg/ontology#>\n"

if NODE is None:
    pytest.skip("node is not installed", allow_module_level=True)
if not COMUNICA.is_file():
    pytest.skip("@comunica/query-sparql not installed (make install runs npm ci)",
                allow_module_level=True)


@pytest.fixture(scope="module")
def endpoint(seeds_store) -> Iterator[str]:
    with kg_serve(str(seeds_store)) as base:
        yield base + "/sparql"


def comunica(endpoint: str, query: str, media: str) -> str:
    result = subprocess.run([NODE, str(COMUNICA), f"sparql@{endpoint}", "-q", query, "-t", media],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_select(endpoint):
    out = comunica(endpoint, PREFIX + "SELECT ?min WHERE { ?a kg:personnelMin ?min }",
                   "application/sparql-results+json")
    bindings = json.loads(out)["results"]["bindings"]
    assert [b["min"]["value"] for b in bindings] == ["50"]


def test_ask_and_construct(endpoint):
    assert comunica(endpoint, PREFIX + "ASK { ?a a kg:Deployment }", "simple").strip() == "true"
    out = comunica(endpoint, PREFIX + "CONSTRUCT { ?a ?p ?o } WHERE { ?a a kg:Deployment ; ?p ?o }",
                   "application/n-triples")
    assert out.count(" .\n") > 5 and "Deployment" in out
