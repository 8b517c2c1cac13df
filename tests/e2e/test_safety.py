"""Safety by default, proven against a real `kg serve` on an on-disk store: the query time
limit stops the work (the worker process is killed) while other clients are served; result
rows are capped and the cut announced; large bodies get 413; SERVICE, FROM, LOAD and remote
JSON-LD contexts never open a connection."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from tests.e2e.servers import Server, kg_server

pytestmark = pytest.mark.e2e

TOKEN = "safety-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text()
        found |= {int(p) for p in text.split()}
    return found


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    store = tmp_path_factory.mktemp("safety") / "store"
    env = {"KG_WRITE_TOKEN": TOKEN, "KG_QUERY_TIMEOUT_S": "2", "KG_MAX_RESULT_ROWS": "50",
           "KG_MAX_BODY_BYTES": "200000", "KG_THREADS": "4"}
    with kg_server(str(store), env=env) as running:
        triples = "".join(f"<http://x/s{i}> <http://x/p> {i} .\n" for i in range(300))
        r = requests.put(running.base + "/store", params={"graph": "http://x/g"},
                         data=triples.encode(), timeout=30,
                         headers={**AUTH, "Content-Type": "text/turtle"})
        assert r.status_code == 201, r.text
        with ThreadPoolExecutor(4) as pool:  # every worker has started and opened the store
            list(pool.map(lambda _: requests.get(running.base + "/sparql", timeout=60,
                                                 params={"query": "ASK {}"}), range(8)))
        yield running


@pytest.fixture()
def served(server) -> str:
    return server.base


@pytest.fixture()
def listener() -> Iterator[tuple[str, list]]:
    """A loopback TCP listener that records every connection attempt."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    sock.settimeout(0.2)
    hits: list = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, addr = sock.accept()
            except OSError:
                continue
            hits.append(addr)
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{sock.getsockname()[1]}", hits
    stop.set()
    thread.join(timeout=2)
    sock.close()


def test_time_limit_stops_the_query_and_others_are_served(server):
    served, pid = server.base, server.process.pid
    before = _children(pid)
    with ThreadPoolExecutor(1) as pool:
        started = time.monotonic()
        slow = pool.submit(requests.get, served + "/sparql", params={"query": SLOW}, timeout=60)
        time.sleep(0.5)
        t0 = time.monotonic()
        quick = requests.get(served + "/sparql", params={"query": "ASK { ?s ?p 1 }"},
                             headers={"Accept": "application/sparql-results+json"}, timeout=10)
        quick_time = time.monotonic() - t0
        response = slow.result()
        elapsed = time.monotonic() - started
    assert quick.status_code == 200 and quick.json()["boolean"] is True
    assert quick_time < 0.8, quick_time
    assert response.status_code == 503
    assert "time limit" in response.text and "query_timeout_s" in response.text
    assert elapsed < 6, elapsed
    time.sleep(0.5)
    after = _children(pid)
    assert before - after, "the worker that ran the slow query was not stopped"
    assert len(after) == len(before), "the killed worker was not replaced"
    again = requests.get(served + "/sparql", params={"query": "ASK {}"}, timeout=10)
    assert again.status_code == 200


def test_result_rows_are_capped_and_the_cut_is_announced(served):
    query = "SELECT ?s ?o WHERE { ?s <http://x/p> ?o }"
    r = requests.get(served + "/sparql", params={"query": query},
                     headers={"Accept": "application/sparql-results+json"}, timeout=30)
    assert r.status_code == 200
    assert r.headers["X-KG-Truncated"] == "true" and "50" in r.headers["Warning"]
    doc = r.json()
    assert len(doc["results"]["bindings"]) == 50 and doc["head"]["link"]
    csv = requests.get(served + "/sparql", params={"query": query, "format": "csv"}, timeout=30)
    assert csv.headers["X-KG-Truncated"] == "true" and len(csv.text.strip().splitlines()) == 51
    graph = requests.get(served + "/sparql", timeout=30, headers={"Accept": "application/n-triples"},
                         params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"})
    assert graph.headers["X-KG-Truncated"] == "true"
    assert len(graph.text.strip().splitlines()) == 50
    small = requests.get(served + "/sparql", params={"query": query + " LIMIT 3"}, timeout=30)
    assert "X-KG-Truncated" not in small.headers and "link" not in small.json()["head"]


def test_request_bodies_are_capped(served):
    big = b"ASK { } #" + b"x" * 300000
    r = requests.post(served + "/sparql", data=big, timeout=30,
                      headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 413


def test_no_outbound_connection(served, listener):
    url, hits = listener
    refused = [
        f"SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"PREFIX r: <{url}/>\nSELECT * WHERE {{ SeRvIcE r:sparql {{ ?s ?p ?o }} }}",
        f"BASE <{url}/>\nSELECT * WHERE {{ SERVICE <sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE#comment\n<{url}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ BIND(<{url}/sparql> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
    ]
    for query in refused:
        r = requests.get(served + "/sparql", params={"query": query}, timeout=30)
        assert r.status_code == 400, (query, r.status_code, r.text)
    for query in (f"SELECT * FROM <{url}/data> WHERE {{ ?s ?p ?o }}",
                  f"SELECT * FROM NAMED <{url}/data> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"):
        r = requests.get(served + "/sparql", params={"query": query}, timeout=30)
        assert r.status_code == 200 and r.json()["results"]["bindings"] == []
    updates = [f"LOAD <{url}/data>", f"load silent <{url}/data> into graph <http://x/g2>",
               f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}"]
    for update in updates:
        r = requests.post(served + "/sparql", data={"update": update}, headers=AUTH, timeout=30)
        assert r.status_code == 400, (update, r.status_code, r.text)
    doc = {"@context": f"{url}/context.jsonld", "@id": "http://x/a", "name": "x"}
    r = requests.put(served + "/store", params={"graph": "http://x/jsonld"}, timeout=30,
                     data=json.dumps(doc), headers={**AUTH, "Content-Type": "application/ld+json"})
    assert r.status_code >= 400
    xxe = (f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "{url}/entity">]>'
           '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
           'xmlns:e="http://x/"><rdf:Description rdf:about="http://x/a"><e:p>&x;</e:p>'
           '</rdf:Description></rdf:RDF>')
    requests.put(served + "/store", params={"graph": "http://x/xxe"}, data=xxe, timeout=30,
                 headers={**AUTH, "Content-Type": "application/rdf+xml"})
    time.sleep(0.5)
    assert hits == [], f"outbound connections: {hits}"


def test_acknowledged_writes_survive_a_crash(tmp_path):
    """A GSP write answered 2xx is on disk: SIGKILL the server, start it again, read it."""
    store = str(tmp_path / "store")
    env = {"KG_WRITE_TOKEN": TOKEN}
    with kg_server(store, env=env) as running:
        r = requests.put(running.base + "/store", params={"graph": "http://x/durable"},
                         data=b"<http://x/a> <http://x/b> <http://x/c> .", timeout=30,
                         headers={**AUTH, "Content-Type": "application/n-triples"})
        assert r.status_code == 201
        running.process.kill()
        running.process.wait(timeout=30)
    with kg_server(store, env=env) as again:
        r = requests.get(again.base + "/store", params={"graph": "http://x/durable"},
                         headers={"Accept": "application/n-triples"}, timeout=30)
        assert r.status_code == 200 and b"<http://x/a>" in r.content
        snapshots = [p for p in tmp_path.iterdir() if p.name.startswith(".kg-snapshots-")]
        assert len(snapshots) == 1  # the dead server's checkpoints were removed
