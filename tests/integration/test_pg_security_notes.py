"""The notes secrecy matrix (tests/unit/security/test_notes_secrecy.py) on PostgreSQL.

On the server the compartment keys still decide what a user can read, and row-level
security also keeps other agencies' note rows away; the attacker who swaps ciphertexts
is the database owner (or a superuser) here.
"""

from __future__ import annotations

import pytest

from tests.integration import pg
from tests.unit.security.test_notes_secrecy import *  # noqa: F403
from tests.unit.security.test_notes_secrecy import build_world

pytestmark = pytest.mark.usefixtures("on_postgres")


@pytest.fixture(scope="module")
def world(pg_server, tmp_path_factory):  # type: ignore[no-untyped-def,no-redef]
    with pg.kept_databases() as keep:
        built = build_world(tmp_path_factory.mktemp("secrecy"))
        keep()
        yield built


@pytest.mark.xfail(
    strict=True,
    reason="Known server bug (reported to the lead): a disclosure inserts the copy as a "
    "row of the receiving agency, which row-level security refuses to the discloser "
    "(INSERT … RETURNING, then UPDATE of its ciphertext); needs a policy or a SECURITY "
    "DEFINER function. Strict: this fails as soon as disclosures work on the server.",
)
def test_disclosure_copies_into_receiving_compartment(tmp_path):  # type: ignore[no-redef]
    from tests.unit.security import test_notes_secrecy as unit

    unit.test_disclosure_copies_into_receiving_compartment(tmp_path)
