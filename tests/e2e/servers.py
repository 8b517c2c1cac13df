"""Start `kg serve` as a subprocess on a free loopback port (pattern of test_cli_serve)."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass

KG = [sys.executable, "-m", "kg"]


@dataclass
class Server:
    base: str  # no trailing slash
    process: subprocess.Popen


@contextlib.contextmanager
def kg_serve(store: str, *, env: dict[str, str] | None = None,
             args: tuple[str, ...] = ()) -> Iterator[str]:
    """Yield the base URL (no trailing slash) of a running `kg serve`."""
    with kg_server(store, env=env, args=args) as server:
        yield server.base


@contextlib.contextmanager
def kg_server(store: str, *, env: dict[str, str] | None = None,
              args: tuple[str, ...] = ()) -> Iterator[Server]:
    """Yield the running `kg serve` (its base URL and process)."""
    process = subprocess.Popen([*KG, "serve", "--store", store, "--port", "0", *args],
                               stderr=subprocess.PIPE, text=True,
                               env={**os.environ, **(env or {})})
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        assert line.startswith("Listening on http://127.0.0.1:"), line
        base = line.split()[-1]
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/-/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield Server(base, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
