"""Fixtures shared by the end-to-end tests added for the server: a store built from seeds/."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEEDS


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("seeds") / "store"
    result = subprocess.run([sys.executable, "-m", "kg", "build", str(SEEDS), "--store",
                             str(store)], capture_output=True, timeout=600, env=os.environ)
    assert result.returncode == 0, result.stderr.decode()
    return store
