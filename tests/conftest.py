"""Shared fixtures: every test writes to its own temporary warehouse, never to warehouse/."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE_LANDING = REPO / "data" / "sample"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")


@pytest.fixture
def salt() -> bytes:
    return b"test-salt"
