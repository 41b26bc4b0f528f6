"""Issue 16: history that goes missing on the server is reported, never papered over.

A lossy failover (an asynchronous replica promoted without the last acknowledged
saves) or an operator deleting the newest entries leaves the chain shorter than what a
workstation saw. Before migration 0012 the next login's own entry took the freed
sequence numbers and rewrote the workstation's checkpoint before anything compared, so
``check`` said "behandlingsloggen är hel". Now the server's head is compared with the
checkpoint first; the checkpoint is then left as evidence and the user gets one sentence
(a code, worded in the reader's language).
"""

from __future__ import annotations

import pytest

from desktop.messages import words
from desktop.services.bundle import build_services
from desktop.services.mapping.rows import PersonInput
from desktop.services.security.audit import ChainProblem, verify_chain
from desktop.services.security.session import SessionAudit
from tests.attacks import server_world
from tests.integration import pg

pytestmark = pytest.mark.postgres


@pytest.fixture
def fresh(tmp_path):
    yield from server_world.world(tmp_path)


def _lose_newest(fresh, count: int) -> None:
    """What a promoted asynchronous replica lacks: the newest entries (and their rows)."""
    with server_world.as_owner(fresh) as owner:
        owner.execute("ALTER TABLE audit_entry DISABLE TRIGGER USER")
        owner.execute(
            "DELETE FROM audit_entry WHERE seq > (SELECT max(seq) - %s FROM audit_entry)",
            (count,),
        )
        owner.execute("ALTER TABLE audit_entry ENABLE TRIGGER USER")


@pytest.mark.parametrize("lost", [3, 11])
def test_lost_entries_are_reported_after_the_next_login(fresh, lost):
    coordinator = pg.pg_login(fresh.path, "coordinator_social")
    SessionAudit(coordinator).record_login()
    persons = build_services(coordinator).mapping.persons
    for i in range(6):
        persons.create(PersonInput("Sparad", f"Person{i}"))
    coordinator.lock()  # the checkpoint file holds the newest head this session saw
    seen = coordinator.checkpoint_path.read_bytes()
    _lose_newest(fresh, lost)
    # The same workstation logs in again (the login writes its own entry) and saves.
    again = pg.pg_login(fresh.path, "coordinator_social")
    SessionAudit(again).record_login()
    build_services(again).mapping.persons.create(PersonInput("Efter", "Bytet"))
    assert again.checkpoint_path.read_bytes() == seen  # the evidence is kept
    problem = again.history_problem
    assert problem is not None and problem.code == "chain.server_history_lost"  # a code
    swedish = words(problem.code, problem.params, "sv")
    assert swedish.startswith("Behandlingsloggen på servern saknar")
    assert swedish.count(".") <= 1  # one sentence
    assert words(problem.code, problem.params, "en").startswith(
        "The processing log on the server lacks entries"
    )
    report = verify_chain(pg.pg_login(fresh.path, "auditor_social"))
    assert report.problem is ChainProblem.TRUNCATED, report.message


def test_a_changed_checkpoint_file_is_reported_as_a_code(fresh):
    coordinator = pg.pg_login(fresh.path, "coordinator_social")
    SessionAudit(coordinator).record_login()
    build_services(coordinator).mapping.persons.create(PersonInput("Sparad", "Person"))
    coordinator.lock()
    # Someone edits the workstation's checkpoint to hide what it saw.
    path = coordinator.checkpoint_path
    forged = bytearray(path.read_bytes())
    forged[-2] ^= 0x01
    path.write_bytes(bytes(forged))
    again = pg.pg_login(fresh.path, "coordinator_social")
    SessionAudit(again).record_login()
    build_services(again).mapping.persons.create(PersonInput("Efter", "Ändringen"))
    problem = again.history_problem
    assert problem is not None and problem.code == "chain.server_checkpoint_changed"
    assert words(problem.code, problem.params, "sv") == "Kontrollpunktsfilen för servern är ändrad."
    assert words(problem.code, problem.params, "en") == (
        "The checkpoint file for the server has been changed."
    )
    assert path.read_bytes() == bytes(forged)  # the evidence is kept
