"""Shared fixtures: the shipped analyzer is loaded once per test session."""

from __future__ import annotations

import pytest

import socialtext


@pytest.fixture(scope="session")
def analyzer() -> socialtext.Analyzer:
    return socialtext.load()
