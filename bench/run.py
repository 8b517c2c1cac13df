"""Run every benchmark and print one table of figures and ratios (see bench/README.md).

    python -m bench [--scales 1000,10000] [--out bench/results]

Everything compared is measured in this one run, on this machine: build throughput and
memory per corpus size, query latency through `kg serve` against bare pyoxigraph and
`oxigraph serve` on a copy of the same store, HTTP throughput with 4 concurrent clients,
and OWL RL re-materialisation against `reasonable`.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import math
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import pyoxigraph as ox

from bench.generate import articles

PREFIXES = """PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <http://schema.org/>
"""
KG = [sys.executable, "-m", "kg"]


def workload(person: str, country: str, entity: str) -> dict[str, str]:
    """The query workload of the served graph: (a)-(g)."""
    return {
        "a statements by a person": f"""SELECT ?text ?date ?article WHERE {{
            ?s kg:speaker ?p ; kg:text ?text ; kg:reportedIn ?article .
            ?article schema:datePublished ?date . ?p rdfs:label "{person}"@nb }}
            ORDER BY DESC(?date)""",
        "b actions per country": """SELECT ?label (COUNT(?a) AS ?n) WHERE {
            ?a kg:agent ?c . ?c a kg:Country ; rdfs:label ?label FILTER(lang(?label) = "nb") }
            GROUP BY ?label ORDER BY DESC(?n)""",
        "c deployments to a country": f"""SELECT ?agent ?min ?max ?duration ?status WHERE {{
            ?a a kg:Deployment ; kg:destination ?d ; kg:agent/rdfs:label ?agent ;
               kg:status ?status . ?d rdfs:label "{country}"@nb
            OPTIONAL {{ ?a kg:personnelMin ?min }} OPTIONAL {{ ?a kg:personnelMax ?max }}
            OPTIONAL {{ ?a kg:duration ?duration }} }}""",
        "d text search in quotes": """SELECT ?s ?text WHERE {
            ?s kg:text ?text FILTER(CONTAINS(LCASE(?text), "alvor")) } LIMIT 100""",
        "e 3-hop path": f"""SELECT ?c (COUNT(?a) AS ?n) WHERE {{
            {{ SELECT DISTINCT ?c WHERE {{ ?s kg:speaker <{entity}> ; kg:about ?c .
                                         ?c a kg:Country }} }}
            ?a kg:destination ?c }} GROUP BY ?c ORDER BY DESC(?n) LIMIT 20""",
        "f CONSTRUCT neighbourhood": f"""CONSTRUCT {{ <{entity}> ?p ?o . ?s ?q <{entity}> }}
            WHERE {{ {{ <{entity}> ?p ?o }} UNION {{ ?s ?q <{entity}> }} }}""",
        "g needs inference": """SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a kg:Actor }""",
    }


@dataclass
class BuildRun:
    articles: int
    seconds: float
    peak_rss_mb: float
    store_mb: float
    triples: int

    @property
    def rate(self) -> float:
        return self.articles / self.seconds


@dataclass
class Results:
    builds: list[BuildRun] = field(default_factory=list)
    # articles -> query -> engine -> median ms
    latency: dict[int, dict[str, dict[str, float]]] = field(default_factory=dict)
    throughput: dict[str, dict[str, float]] = field(default_factory=dict)  # mode -> engine -> r/s
    http_articles: int = 0
    http_triples: int = 0
    reasoning_articles: int = 0
    reasoning: dict[str, float] = field(default_factory=dict)


def _tree_rss(process: psutil.Process) -> int:
    total = 0
    for proc in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            total += proc.memory_info().rss
    return total


def _du(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def bench_build(count: int, work: Path) -> tuple[BuildRun, Path]:
    corpus = work / f"corpus-{count}.jsonl"
    with corpus.open("w", encoding="utf-8") as handle:
        for record in articles(count, seed=42):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    store = work / f"store-{count}"
    started = time.perf_counter()
    process = psutil.Popen([*KG, "build", str(corpus), "--store", str(store)],
                           stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss(process))
        time.sleep(0.2)
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"kg build failed on {count} articles")
    triples = len(ox.Store.read_only(str(store)))
    return BuildRun(count, seconds, peak / 1e6, _du(store), triples), store


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait(host: str, port: int, path: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection(host, port, timeout=5)
            connection.request("GET", path)
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"server on port {port} did not start")


class Server:
    """A SPARQL server subprocess and the GET path that queries it."""

    def __init__(self, name: str, command: list[str], port: int, path: str,
                 env: dict[str, str] | None = None) -> None:
        self.name, self.port, self.path = name, port, path
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, env=env)
        _wait("127.0.0.1", port, path + "?query=" + urllib.parse.quote("ASK {}"))

    def get(self, connection: http.client.HTTPConnection, query: str) -> bytes:
        connection.request("GET", self.path + "?query=" + urllib.parse.quote(query),
                           headers={"Accept": "application/sparql-results+json, text/turtle"})
        response = connection.getresponse()
        body = response.read()
        if response.status != 200:
            raise SystemExit(f"{self.name}: HTTP {response.status}: {body[:200]!r}")
        return body

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def _median_ms(run, repeat: int) -> float:
    run()  # warm
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _backup(store_dir: Path, target: Path) -> Path:
    """A consistent copy of a closed store (RocksDB checkpoint: hard links where it can)."""
    if target.exists():
        shutil.rmtree(target)
    source = ox.Store(str(store_dir))
    source.backup(str(target))
    del source
    return target


def _workload_for(bare: ox.Store) -> dict[str, str]:
    person = next(iter(bare.query(PREFIXES + """SELECT ?l WHERE { ?s kg:speaker ?p .
        ?p a kg:Person ; rdfs:label ?l } GROUP BY ?l ORDER BY DESC(COUNT(?s)) LIMIT 1""",
                                  use_default_graph_as_union=True)))[0].value
    entity = next(iter(bare.query(PREFIXES + f"""SELECT ?p WHERE {{ ?p rdfs:label "{person}"@nb
        }}""", use_default_graph_as_union=True)))[0].value
    return {name: PREFIXES + text for name, text in
            workload(person, "Litauen", entity).items()}


class _Servers:
    """kg serve on ``store_dir`` and oxigraph serve on a checkpoint of it."""

    def __init__(self, store_dir: Path, work: Path) -> None:
        copy = _backup(store_dir, work / "oxigraph-copy")
        ours_port, ox_port = _free_port(), _free_port()
        env = {**os.environ, "KG_QUERY_TIMEOUT_S": "3600"}  # the 3-hop query on big stores
        self.ours = Server("kg serve", [*KG, "serve", "--store", str(store_dir), "--port",
                                        str(ours_port)], ours_port, "/sparql", env)
        binary = Path(sys.executable).parent / "oxigraph"
        try:
            self.reference = Server("oxigraph serve", [
                str(binary), "serve-read-only", "--location", str(copy), "--bind",
                f"127.0.0.1:{ox_port}", "--union-default-graph"], ox_port, "/query")
        except BaseException:
            self.ours.stop()
            raise

    def __enter__(self) -> _Servers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.ours.stop()
        self.reference.stop()


def bench_latency(store_dir: Path, work: Path, repeat: int) -> dict[str, dict[str, float]]:
    """Median warm latency per query: bare pyoxigraph, kg serve, oxigraph serve. Every timed
    request carries a different comment, so kg serve's result cache never answers: this is
    the cost of evaluating the query."""
    bare = ox.Store.read_only(str(_backup(store_dir, work / "pyoxigraph-copy")))
    queries = _workload_for(bare)
    latency: dict[str, dict[str, float]] = {}
    with _Servers(store_dir, work) as servers:
        for name, query in queries.items():
            row: dict[str, float] = {}
            runs = _adaptive(repeat, lambda q=query: _consume(bare.query(
                q, use_default_graph_as_union=True)))
            row["pyoxigraph"] = _median_ms(lambda q=query: _consume(bare.query(
                q, use_default_graph_as_union=True)), runs)
            for server in (servers.ours, servers.reference):
                connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=3600)
                row[server.name] = _median_ms(_distinct(server, connection, query), runs)
                connection.close()
            latency[name] = row
            print(f"  {name}: " + ", ".join(f"{k} {v:.2f} ms" for k, v in row.items()),
                  file=sys.stderr)
    return latency


def _adaptive(repeat: int, run: Callable[[], None]) -> int:
    """Fewer timed runs for slow queries (over 2 s: 3 runs)."""
    started = time.perf_counter()
    run()
    seconds = time.perf_counter() - started
    return repeat if seconds < 2 else max(1, min(repeat, 3))


def _distinct(server: Server, connection: http.client.HTTPConnection,
              query: str) -> Callable[[], bytes]:
    counter = iter(range(10**9))
    return lambda: server.get(connection, f"{query}\n# run {next(counter)}")


def bench_throughput(store_dir: Path, work: Path, results: Results) -> None:
    """4 concurrent clients over queries a, c and d, twice: the same three texts again and
    again (kg serve answers repeats from its result cache), and every request a new text
    (a numbered comment: the cache never answers, every request is evaluated)."""
    bare = ox.Store.read_only(str(_backup(store_dir, work / "pyoxigraph-copy-http")))
    results.http_triples = len(bare)
    queries = _workload_for(bare)
    del bare
    light = [queries[k] for k in ("a statements by a person", "c deployments to a country",
                                  "d text search in quotes")]
    with _Servers(store_dir, work) as servers:
        for mode, distinct in (("repeated queries", False), ("every request distinct", True)):
            for server in (servers.ours, servers.reference):
                results.throughput.setdefault(mode, {})[server.name] = _throughput(
                    server, light, distinct=distinct)


def _consume(result: object) -> None:
    for _ in result:  # type: ignore[attr-defined]
        pass


def _throughput(server: Server, queries: list[str], clients: int = 4,
                per_client: int = 150, distinct: bool = False) -> float:
    errors: list[BaseException] = []
    for query in queries:  # warm both servers' caches of the store alike
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=120)
        server.get(connection, query)
        connection.close()

    def client(offset: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=120)
        try:
            for i in range(per_client):
                query = queries[(i + offset) % len(queries)]
                if distinct:
                    query += f"\n# client {offset} request {i}"
                server.get(connection, query)
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise SystemExit(f"{server.name}: {errors[0]}")
    return clients * per_client / (time.perf_counter() - started)


def bench_reasoning(store_dir: Path, work: Path, results: Results) -> None:
    copy = _backup(store_dir, work / "reason-copy")
    started = time.perf_counter()
    subprocess.run([*KG, "reason", "--store", str(copy)], check=True,
                   stderr=subprocess.DEVNULL)
    results.reasoning["kg reason (compiled OWL RL)"] = time.perf_counter() - started
    try:
        import reasonable
        from rdflib import Graph
    except ImportError:
        return
    store = ox.Store.read_only(str(copy))
    data = store.query("""CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o }
        FILTER(!CONTAINS(STR(?g), "/graph/inferred/")) }""").serialize(
        format=ox.RdfFormat.N_TRIPLES)
    graph = Graph().parse(data=data, format="nt")
    reasoner = reasonable.PyReasoner()
    started = time.perf_counter()
    reasoner.from_graph(graph)
    loaded = time.perf_counter()
    reasoner.reason()
    results.reasoning["reasonable (load)"] = loaded - started
    results.reasoning["reasonable (reason)"] = time.perf_counter() - loaded


def _slope(xs: list[float], ys: list[float]) -> float:
    lx, ly = [math.log(x) for x in xs], [math.log(y) for y in ys]
    mx, my = statistics.mean(lx), statistics.mean(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly, strict=True)) / sum(
        (a - mx) ** 2 for a in lx)


def report(results: Results) -> str:
    lines = ["## Build (end to end: read, extract, link, reason, store; "
             f"{os.cpu_count()} cores, workers = cores)", "",
             "| articles | seconds | articles/s | peak RSS MB (all processes) | store MB "
             "| triples |",
             "|---:|---:|---:|---:|---:|---:|"]
    for run in results.builds:
        lines.append(f"| {run.articles:,} | {run.seconds:.1f} | {run.rate:.1f} | "
                     f"{run.peak_rss_mb:.0f} | {run.store_mb:.0f} | {run.triples:,} |")
    if len(results.builds) > 1:
        xs = [float(r.articles) for r in results.builds]
        lines += ["", f"Growth (log-log slope, 1.0 = linear): build time "
                  f"{_slope(xs, [r.seconds for r in results.builds]):.2f}, store size "
                  f"{_slope(xs, [r.store_mb for r in results.builds]):.2f}, peak memory "
                  f"{_slope(xs, [r.peak_rss_mb for r in results.builds]):.2f}; peak memory "
                  f"largest/smallest corpus = "
                  f"{results.builds[-1].peak_rss_mb / results.builds[0].peak_rss_mb:.2f}x"
                  + (f", largest/previous = "
                     f"{results.builds[-1].peak_rss_mb / results.builds[-2].peak_rss_mb:.2f}x."
                     if len(results.builds) > 2 else ".")]
    triples = {r.articles: r.triples for r in results.builds}
    for count, table in results.latency.items():
        lines += ["", f"## Query latency, median ms (warm, every request a new text so no "
                  f"cache answers), {count:,} articles ({triples.get(count, 0):,} triples)",
                  "", "| query | pyoxigraph (in process) | kg serve (HTTP) | oxigraph serve "
                  "(HTTP) | kg / pyoxigraph | kg / oxigraph serve |",
                  "|---|---:|---:|---:|---:|---:|"]
        for name, row in table.items():
            lines.append(f"| {name} | {row['pyoxigraph']:.2f} | {row['kg serve']:.2f} | "
                         f"{row['oxigraph serve']:.2f} | "
                         f"{row['kg serve'] / row['pyoxigraph']:.2f} | "
                         f"{row['kg serve'] / row['oxigraph serve']:.2f} |")
    if results.throughput:
        lines += ["", f"## HTTP throughput, 4 concurrent clients, queries a, c, d, "
                  f"{results.http_articles:,} articles ({results.http_triples:,} triples)", "",
                  "| requests | kg serve (req/s) | oxigraph serve (req/s) | kg / oxigraph serve |",
                  "|---|---:|---:|---:|"]
        for mode, row in results.throughput.items():
            ours, theirs = row["kg serve"], row["oxigraph serve"]
            lines.append(f"| {mode} | {ours:.0f} | {theirs:.0f} | {ours / theirs:.2f}x |")
        lines += ["", "Repeated queries are answered from kg serve's result cache "
                  "(`result_cache_mb`, dropped at every write); distinct requests are all "
                  "evaluated."]
    if results.reasoning:
        lines += ["", f"## OWL RL re-materialisation, {results.reasoning_articles:,} articles",
                  "", "| engine | seconds |", "|---|---:|"]
        lines += [f"| {k} | {v:.1f} |" for k, v in results.reasoning.items()]
        ours_s = results.reasoning.get("kg reason (compiled OWL RL)")
        theirs_s = results.reasoning.get("reasonable (reason)")
        if ours_s and theirs_s:
            lines += ["", f"Ratio kg reason / reasonable (reasoning only): "
                      f"{ours_s / theirs_s:.2f}x; including its load: "
                      f"{ours_s / (theirs_s + results.reasoning['reasonable (load)']):.2f}x."]
    return "\n".join(lines) + "\n"


def plot(results: Results, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    xs = [r.articles for r in results.builds]
    figure, axes = plt.subplots(1, 4, figsize=(17, 3.8))
    for axis, values, label in zip(axes, ([r.seconds for r in results.builds],
                                          [r.store_mb for r in results.builds],
                                          [r.peak_rss_mb for r in results.builds]),
                                   ("build time (s)", "store size (MB)", "peak RSS (MB)"),
                                   strict=False):
        axis.plot(xs, values, marker="o")
        if label.startswith("peak"):
            axis.set_ylim(bottom=0, top=max(values) * 1.3)  # flat memory should look flat
        else:
            axis.set_yscale("log")
        axis.set_title(label)
    latency = axes[3]
    scales = sorted(results.latency)
    if scales:
        for name in results.latency[scales[0]]:
            latency.plot(scales, [results.latency[n][name]["kg serve"] for n in scales],
                         marker="o", label=name.split(" ")[0])
        latency.set_yscale("log")
        latency.legend(fontsize=7, ncol=2)
    latency.set_title("query latency via kg serve (ms)")
    for axis in axes:
        axis.set_xscale("log")
        axis.set_xlabel("articles")
        axis.grid(True, which="both", alpha=0.3)
    figure.tight_layout()
    figure.savefig(path, dpi=110)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1000,10000",
                        help="corpus sizes in articles, comma-separated (add 100000 for the "
                             "full growth curve)")
    parser.add_argument("--http-articles", type=int, default=250,
                        help="corpus for the HTTP throughput run (250 articles: ~110k triples)")
    parser.add_argument("--reason-max", type=int, default=10000,
                        help="largest corpus re-materialised (reasonable holds it in rdflib)")
    parser.add_argument("--repeat", type=int, default=7, help="timed runs per query")
    parser.add_argument("--out", default=str(Path(__file__).parent / "results"))
    parser.add_argument("--build-only", action="store_true",
                        help="only build each scale and print articles/s and peak memory "
                             "(writes no results file)")
    args = parser.parse_args()
    if args.build_only:
        with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
            for count in (int(s) for s in args.scales.split(",")):
                run, _ = bench_build(count, Path(tmp))
                print(f"{count} articles: {run.seconds:.1f} s, "
                      f"{count / run.seconds:.1f} articles/s, peak RSS {run.peak_rss_mb:.0f} MB "
                      f"(all processes), store {run.store_mb:.0f} MB, {run.triples:,} triples")
        return
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    results = Results()
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        work = Path(tmp)
        stores: dict[int, Path] = {}
        for count in (int(s) for s in args.scales.split(",")):
            run, stores[count] = bench_build(count, work)
            results.builds.append(run)
            print(f"built {count} articles in {run.seconds:.1f} s", file=sys.stderr)
            results.latency[count] = bench_latency(stores[count], work, args.repeat)
        results.http_articles = args.http_articles
        http_store = stores.get(args.http_articles) or bench_build(args.http_articles, work)[1]
        bench_throughput(http_store, work, results)
        reason = max((n for n in stores if n <= args.reason_max), default=min(stores))
        results.reasoning_articles = reason
        bench_reasoning(stores[reason], work, results)
    text = report(results)
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    command = " ".join(["python -m bench", *sys.argv[1:]]) if sys.argv[1:] else "python -m bench"
    header = (f"# kg benchmark, {stamp}\n\nCommand: `{command}`; "
              f"machine: {os.cpu_count()} cores, "
              f"{psutil.virtual_memory().total / 2**30:.0f} GiB.\n\n")
    (out / "latest.md").write_text(header + text, encoding="utf-8")
    if len(results.builds) > 1:
        plot(results, out / "growth.png")
    print(header + text)


if __name__ == "__main__":
    main()
