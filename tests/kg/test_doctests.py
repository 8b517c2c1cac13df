"""The examples in the extractor's docstrings stay true."""

from __future__ import annotations

import doctest

import pytest

import kg.extract
import kg.extract.actions
import kg.extract.dates
import kg.extract.roles
import kg.link


@pytest.mark.parametrize("module", [kg.extract, kg.extract.actions, kg.extract.dates,
                                    kg.extract.roles, kg.link])
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.failed == 0 and result.attempted > 0
