"""The query result cache: hits for repeated queries, never stale after a write."""

from __future__ import annotations

from kg.config import Settings
from kg.store import open_store
from server import create_app
from server.cache import Entry, ResultCache
from tests.conftest import BASE

COUNT = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"
JSON = {"Accept": "application/sparql-results+json"}
TOKEN = {"Authorization": "Bearer t0ken"}


def _count(response) -> int:
    return int(response.json["results"]["bindings"][0]["n"]["value"])


def _app(**settings):
    store = open_store("memory:")
    store.update("INSERT DATA { <http://x/s> <http://x/p> 1 }")
    return create_app(Settings(base_iri=BASE, write_token="t0ken", **settings),
                      store=store).test_client()


def test_a_repeated_query_is_a_hit_with_the_same_answer():
    client = _app()
    first = client.get("/sparql", query_string={"query": COUNT}, headers=JSON)
    second = client.get("/sparql", query_string={"query": COUNT}, headers=JSON)
    assert first.headers["X-KG-Cache"] == "miss" and second.headers["X-KG-Cache"] == "hit"
    assert first.data == second.data and first.headers["ETag"] == second.headers["ETag"]
    assert second.content_type == first.content_type
    assert "X-KG-Cacheable" not in second.headers
    assert int(second.headers["Content-Length"]) == len(second.data)


def test_the_key_holds_accept_and_the_post_body():
    client = _app()
    client.get("/sparql", query_string={"query": COUNT}, headers=JSON)
    csv = client.get("/sparql", query_string={"query": COUNT}, headers={"Accept": "text/csv"})
    assert csv.headers["X-KG-Cache"] == "miss" and csv.content_type.startswith("text/csv")
    posted = client.post("/sparql", data={"query": COUNT}, headers=JSON)
    again = client.post("/sparql", data={"query": COUNT}, headers=JSON)
    other = client.post("/sparql", data={"query": COUNT + " "}, headers=JSON)
    assert (posted.headers["X-KG-Cache"], again.headers["X-KG-Cache"]) == ("miss", "hit")
    assert other.headers["X-KG-Cache"] == "miss"


def test_a_write_makes_the_next_answer_fresh():
    client = _app()
    assert _count(client.get("/sparql", query_string={"query": COUNT}, headers=JSON)) == 1
    update = client.post("/sparql", data={"update": "INSERT DATA { <http://x/s> <http://x/p> 2 }"},
                         headers=TOKEN)
    assert update.status_code == 204
    after = client.get("/sparql", query_string={"query": COUNT}, headers=JSON)
    assert after.headers["X-KG-Cache"] == "miss" and _count(after) == 2
    put = client.put("/store?default", data="<http://x/a> <http://x/b> <http://x/c> .",
                     content_type="application/n-triples", headers=TOKEN)
    assert put.status_code in (200, 201, 204)
    assert _count(client.get("/sparql", query_string={"query": COUNT}, headers=JSON)) == 1


def test_errors_and_updates_are_never_cached():
    client = _app()
    for _ in range(2):
        bad = client.get("/sparql", query_string={"query": "SELEC *"}, headers=JSON)
        assert bad.status_code == 400 and "X-KG-Cache" not in bad.headers
    for _ in range(2):
        refused = client.post("/sparql", data={"update": "CLEAR ALL"})
        assert refused.status_code == 401 and "X-KG-Cache" not in refused.headers


def test_if_none_match_gets_304():
    client = _app()
    first = client.get("/sparql", query_string={"query": COUNT}, headers=JSON)
    again = client.get("/sparql", query_string={"query": COUNT},
                       headers={**JSON, "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    stale = client.get("/sparql", query_string={"query": COUNT},
                       headers={**JSON, "If-None-Match": '"0-nope"'})
    assert stale.status_code == 200


def test_zero_turns_the_cache_off():
    client = _app(result_cache_mb=0)
    for _ in range(2):
        r = client.get("/sparql", query_string={"query": COUNT}, headers=JSON)
        assert r.status_code == 200 and "X-KG-Cache" not in r.headers
        assert "X-KG-Cacheable" not in r.headers


def test_lru_stays_within_its_budget():
    cache = ResultCache(8000)
    for n in range(50):
        cache.put((n,), Entry("200 OK", (), b"x" * 500, '"e"'))
        assert cache.stats.bytes <= 8000
    assert cache.get((49,)) is not None and cache.get((0,)) is None
    cache.put(("huge",), Entry("200 OK", (), b"x" * 5000, '"e"'))  # > budget / 8: skipped
    assert cache.get(("huge",)) is None
