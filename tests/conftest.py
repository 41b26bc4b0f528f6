"""Test-wide setup. The offscreen platform is set before anything loads Qt."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QPA_FONTDIR", "/usr/share/fonts/truetype/dejavu")
# Argon2id is tuned to 0.3-1.0 s for real users; tests use the cheapest
# parameters so a fresh encrypted database per test stays fast.
os.environ.setdefault("RONDPLAN_TEST_KDF", "1")


import pytest


@pytest.fixture(autouse=True)
def _own_anchor_folder(tmp_path_factory, monkeypatch):
    """Each test's users keep their audit anchors (issue 15) in a folder of its own."""
    monkeypatch.setenv("RONDPLAN_ANCHOR_DIR", str(tmp_path_factory.mktemp("anchors")))
