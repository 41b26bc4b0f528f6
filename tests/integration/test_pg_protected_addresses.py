"""Protected addresses on the server: the same ciphertext column (issue 15).

A coordinator writes a protected person's address through the services on PostgreSQL;
whoever reads the stored row (here the database owner, who sees every row whatever the
row rules say) finds only empty columns and ciphertext. The coordinator still sees the
address; an officer sees it hidden.
"""

from __future__ import annotations

import pytest

from desktop.services.mapping import build_mapping
from desktop.services.mapping.rows import AddressInput, PersonInput
from tests.integration import pg

pytestmark = pytest.mark.usefixtures("on_postgres")

STREET = "Hemligåsvägen 17"


def test_officer_role_reads_only_ciphertext(tmp_path):
    fresh = pg.pg_fresh_with_users(tmp_path)
    coordinator = pg.pg_login(fresh.path, "coordinator_police")
    persons = build_mapping(coordinator).persons
    changes = persons.create(PersonInput("Skyddad", "Persson", protected_identity=True))
    person_id = next(iter(changes.ids_of("person")))
    persons.add_address(person_id, AddressInput(STREET, "21745", "Bjärröd", "Östra Sörbyån"))
    assert persons.profile(person_id).addresses[0].street == STREET
    coordinator.lock()

    owner = pg.pg_attacker_connection(fresh.path, fresh.recovery_code, drop_triggers=False)
    try:
        rows = owner.execute(
            "SELECT street, postcode, city, area, access_notes, sealed IS NOT NULL "
            "FROM address WHERE person_id = %s",
            (person_id,),
        ).fetchall()
    finally:
        owner.close()
    assert rows == [("", None, None, None, "", True)]
    officer = pg.pg_login(fresh.path, "officer_police")
    shown = build_mapping(officer).persons.profile(person_id).addresses
    # The server's row rules may hide the row from an officer altogether (server.md);
    # if it is shown, it is shown sealed.
    assert [(a.street, a.city, a.access_notes) for a in shown] in (
        [],
        [("Skyddad adress", None, "")],
    )
    officer.lock()
    fresh.admin.lock()
