"""A runner for the W3C SPARQL 1.1 Protocol and Graph Store Protocol test manifests.

Each test is a sequence of ``ht:Request`` descriptions with the expected response
(``mf:expectedStatus``, ``mf:expectedFormat``, ``mf:expectedBoolean``, response headers and
an RDF body to compare by isomorphism, ``mf:expectedLocation`` as a template variable). The
runner resets the store, loads the test's ``ut:graphData`` through the Graph Store Protocol,
then replays the requests against a live endpoint and returns a list of failures.
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import requests
from rdflib import Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")

ROOT = Path(__file__).resolve().parents[1]
_NAMED = {"OK": 200, "Created": 201, "NoContent": 204, "NotFound": 404, "BadRequest": 400}
_RDF_TYPES = {"text/turtle": "turtle", "application/n-triples": "nt", "application/rdf+xml": "xml",
              "application/ld+json": "json-ld", "application/trig": "trig",
              "application/n-quads": "nquads"}
_TABULAR = ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
            "text/tab-separated-values")


def shared_dir() -> Path:
    return Path(os.environ.get("KG_SHARED_DIR") or ROOT.parent / "shared")


def suite_dir() -> Path:
    return shared_dir() / "data" / "w3c-sparql11"


@dataclass
class Expected:
    statuses: list[str] = field(default_factory=list)  # "2xx" classes or exact codes as str
    format: str | None = None
    boolean: bool | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: str | None = None
    location_var: str | None = None


@dataclass
class HTTPRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    expected: Expected


@dataclass
class W3CTest:
    name: str
    label: str
    requests: list[HTTPRequest]
    graph_data: list[tuple[Path, str]] = field(default_factory=list)


def _status(term: URIRef) -> str:
    local = str(term).rsplit("#", 1)[-1]
    if local.startswith("StatusCode") and local.endswith("xx"):
        return local[len("StatusCode"):]
    return str(_NAMED[local])


def _request(graph: Graph, node: URIRef) -> HTTPRequest:
    headers = {}
    for header_list in graph.objects(node, HT.headers):
        for header in Collection(graph, header_list):
            headers[str(graph.value(header, HT.fieldName))] = str(graph.value(header,
                                                                              HT.fieldValue))
    body = None
    body_node = graph.value(node, HT.body)
    if body_node is not None:
        encoding = str(graph.value(body_node, CNT.characterEncoding) or "UTF-8")
        body = str(graph.value(body_node, CNT.chars)).encode(encoding)
    resp = graph.value(node, HT.resp)
    expected = Expected()
    if resp is not None:
        expected.statuses = sorted(_status(s) for s in graph.objects(resp, MF.expectedStatus))
        fmt = graph.value(resp, MF.expectedFormat)
        expected.format = str(fmt) if fmt is not None else None
        boolean = graph.value(resp, MF.expectedBoolean)
        expected.boolean = bool(boolean.toPython()) if boolean is not None else None
        for header_list in graph.objects(resp, HT.headers):
            for header in Collection(graph, header_list):
                expected.headers[str(graph.value(header, HT.fieldName)).lower()] = str(
                    graph.value(header, HT.fieldValue))
        resp_body = graph.value(resp, HT.body)
        if resp_body is not None:
            expected.body = str(graph.value(resp_body, CNT.chars))
        location = graph.value(resp, MF.expectedLocation)
        expected.location_var = str(location) if location is not None else None
    return HTTPRequest(str(graph.value(node, HT.methodName)),
                       str(graph.value(node, HT.absolutePath)), headers, body, expected)


def load_manifest(path: Path, *, extra: tuple[str, ...] = ()) -> list[W3CTest]:
    """The tests of a manifest in its ``mf:entries`` order, then the ``extra`` local names
    defined in it but not listed (``head_non_existing_direct``)."""
    graph = Graph().parse(path, format="turtle", publicID=path.as_uri())
    manifest = next(graph.subjects(RDF.type, MF.Manifest))
    entries = list(Collection(graph, graph.value(manifest, MF.entries)))
    namespace = str(entries[0]).rsplit("#", 1)[0] + "#"
    entries += [URIRef(namespace + name) for name in extra]
    tests = []
    for entry in entries:
        action = graph.value(entry, MF.action)
        requests_list = graph.value(action, HT.requests)
        data = [(Path(str(graph.value(d, UT.graph)).removeprefix("file://")),
                 str(graph.value(d, RDFS.label))) for d in graph.objects(entry, UT.graphData)]
        tests.append(W3CTest(str(entry).rsplit("#", 1)[-1], str(graph.value(entry, MF.name)),
                             [_request(graph, r) for r in Collection(graph, requests_list)],
                             data))
    return tests


def map_path(path: str) -> str:
    """Manifest paths onto ours: /sparql/ is /sparql; /gsp?... is /store (indirect);
    /gsp/x is /graph/x (direct identification)."""
    if path.startswith("/sparql/"):
        return "/sparql" + path[len("/sparql/"):]
    if path.startswith("/gsp/"):
        return "/graph/" + path[len("/gsp/"):]
    if path == "/gsp" or path.startswith("/gsp?"):
        return "/store" + path[len("/gsp"):]
    return path


def _status_ok(code: int, expected: list[str]) -> bool:
    return not expected or any(str(code) == e or (e.endswith("xx") and str(code)[0] == e[0])
                               for e in expected)


def _media(content_type: str | None) -> str:
    return (content_type or "").split(";")[0].strip().lower()


def _boolean(response: requests.Response) -> bool | None:
    media = _media(response.headers.get("Content-Type"))
    if media == "application/sparql-results+json":
        return bool(json.loads(response.content)["boolean"])
    if media == "application/sparql-results+xml":
        root = ET.fromstring(response.content)
        for element in root.iter():
            if element.tag.endswith("boolean"):
                return (element.text or "").strip() == "true"
    return None


def _check(req: HTTPRequest, response: requests.Response) -> list[str]:
    exp = req.expected
    problems = []
    if not _status_ok(response.status_code, exp.statuses):
        problems.append(f"status {response.status_code}, expected {exp.statuses}: "
                        f"{response.text[:300]}")
        return problems
    media = _media(response.headers.get("Content-Type"))
    if exp.format == "boolean":
        if media not in _TABULAR[:2]:
            problems.append(f"boolean result as {media}")
        elif exp.boolean is not None and _boolean(response) is not exp.boolean:
            problems.append(f"boolean {_boolean(response)}, expected {exp.boolean}")
    elif exp.format == "tabular" and media not in _TABULAR:
        problems.append(f"tabular result as {media}")
    elif exp.format == "RDF" and media not in _RDF_TYPES:
        problems.append(f"RDF result as {media}")
    for name, value in exp.headers.items():
        got = response.headers.get(name, "")
        if got.replace(" ", "").lower() != value.replace(" ", "").lower():
            problems.append(f"header {name}: {got!r}, expected {value!r}")
    if exp.body is not None and req.method != "HEAD":
        try:
            got_graph = Graph().parse(data=response.content, format=_RDF_TYPES.get(media, "turtle"))
            want = Graph().parse(data=exp.body, format="turtle")
            if not isomorphic(got_graph, want):
                problems.append(f"body not isomorphic to the expected graph: {response.text[:500]}")
        except Exception as exc:
            problems.append(f"body does not parse ({exc}): {response.text[:300]}")
    return problems


def reset(base: str, token: str) -> None:
    auth = {"Authorization": f"Bearer {token}"}
    r = requests.post(base + "/sparql", data=b"DROP ALL", timeout=30,
                      headers={**auth, "Content-Type": "application/sparql-update"})
    r.raise_for_status()


def run(test: W3CTest, base: str, token: str) -> list[str]:
    """Replay ``test`` against the server at ``base``; the failures (empty: passed)."""
    reset(base, token)
    auth = {"Authorization": f"Bearer {token}"}
    for data_file, graph_name in test.graph_data:
        r = requests.put(base + "/store", params={"graph": graph_name}, timeout=30,
                         data=data_file.read_bytes(),
                         headers={**auth, "Content-Type": "application/n-triples"})
        if r.status_code >= 300:
            return [f"loading {data_file.name} into {graph_name}: {r.status_code} {r.text}"]
    variables: dict[str, str] = {}
    failures = []
    for i, req in enumerate(test.requests):
        path = req.path
        body = req.body
        for var, value in variables.items():
            path = path.replace(var, value)
            body = body.replace(var.encode(), value.encode()) if body is not None else None
        response = requests.request(req.method, base + map_path(path), data=body,
                                    headers={**auth, **req.headers}, timeout=60,
                                    allow_redirects=False)
        problems = _check(req, response)
        failures += [f"request {i + 1} ({req.method} {path[:80]}): {p}" for p in problems]
        if req.expected.location_var:
            location = response.headers.get("Location")
            if not location:
                failures.append(f"request {i + 1}: no Location header")
                break
            variables[req.expected.location_var] = location
    return failures
