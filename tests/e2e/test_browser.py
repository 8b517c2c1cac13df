"""The web UI in headless Chromium (Debian's chromium driven by Playwright): YASGUI runs an
example query against our endpoint, a resource page draws its neighbourhood with
cytoscape.js and highlights the evidence; every request stays on our server (offline).
Screenshots go to tests/e2e/artifacts/ (git-ignored)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from server.web import VENDOR, node_modules
from tests.e2e.servers import kg_serve

pytestmark = pytest.mark.e2e

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

if CHROMIUM is None:
    pytest.skip("chromium is not installed (apt-get install -y chromium)", allow_module_level=True)
if not all((node_modules() / path).is_file() for path in VENDOR.values()):
    pytest.skip("node_modules not installed (make install runs npm ci)", allow_module_level=True)
playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def base(seeds_store) -> Iterator[str]:
    with kg_serve(str(seeds_store)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator:
    with playwright_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture()
def page(browser, base) -> Iterator:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.outside = []  # requests to anything but our server
    page.errors = []
    page.on("request", lambda r: None if r.url.startswith((base, "data:", "blob:"))
            else page.outside.append(r.url))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    context.close()


def test_yasgui_runs_an_example_query(page, base):
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(base + "/sparql", wait_until="load")
    page.wait_for_selector("#yasgui[data-ready='1']", timeout=20000)
    page.click("button[data-example='ex-speakers']")
    page.wait_for_selector("text=Jens Stoltenberg", timeout=20000)
    page.screenshot(path=str(ARTIFACTS / "query.png"), full_page=True)
    assert page.outside == [], page.outside
    assert page.errors == [], page.errors


def test_resource_page_draws_the_neighbourhood(page, base):
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(base + "/id/statement/002_3d92328c82830df2-1", wait_until="load")
    page.wait_for_selector("#graph[data-ready]", timeout=20000)
    nodes = int(page.get_attribute("#graph", "data-ready"))
    assert nodes >= 3
    assert page.locator("canvas").count() > 0  # cytoscape drew on its canvas
    assert "Russland har alt på plass" in page.inner_text("mark")
    page.screenshot(path=str(ARTIFACTS / "resource.png"), full_page=True)
    assert page.outside == [], page.outside
    assert page.errors == [], page.errors
