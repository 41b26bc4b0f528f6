"""Counted words in the core's Swedish sentences: one post, two posts."""

from __future__ import annotations

import pytest

from desktop.services.security.audit import ChainReport
from desktop.services.wording import count


@pytest.mark.parametrize(
    ("n", "expected"), [(0, "0 poster"), (1, "1 post"), (2, "2 poster"), (21, "21 poster")]
)
def test_count_chooses_singular_only_for_one(n, expected):
    assert count(n, "post", "poster") == expected


def test_audit_chain_message_counts_its_entries():
    assert ChainReport(entries=1).message == "behandlingsloggen är hel (1 post)"
    assert ChainReport(entries=12).message == "behandlingsloggen är hel (12 poster)"
