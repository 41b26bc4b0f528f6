"""A list row's area, groups and deliveries: the same on a file and on a server.

A local file reads them in batches after the page; a server reads them in the page
query (desktop.services.mapping.list_extras). These rows hold both to one answer.
"""

from __future__ import annotations

import datetime as dt

from desktop.services.mapping.rows import PersonFilter
from tests.unit.mapping import factories as f


def test_area_groups_and_deliveries_of_each_row(services):
    store, persons = services.store, services.mapping.persons
    today = dt.date.today()
    moved = f.person(store, "Ali", "Hassan")
    quiet = f.person(store, "Bo", "Lind")
    hidden = f.person(store, "Cem", "Ak", protected_identity=True)
    f.address(store, moved, "Gamla vägen 1", area="Fosie", valid_to=today - dt.timedelta(days=9))
    f.address(store, moved, "Nya vägen 2", area="Rosengård", valid_from=today)
    f.address(store, hidden, area="Hermodsdal")
    north, south, old = f.group(store, "Norra"), f.group(store, "Södra"), f.group(store, "Gamla")
    f.member(store, moved, south)
    f.member(store, moved, north)
    f.member(store, moved, old, until=today - dt.timedelta(days=1))  # ended: not listed
    f.member(store, hidden, north)
    for day in (dt.date(2025, 5, 2), dt.date(2024, 1, 1)):
        f.delivery(store, moved, day)

    rows = {r.id: r for r in persons.page(PersonFilter())}

    assert (rows[moved].area, rows[moved].groups) == ("Rosengård", "Norra, Södra")
    assert (rows[moved].deliveries, rows[moved].last_delivery) == (2, dt.date(2025, 5, 2))
    assert (rows[quiet].area, rows[quiet].groups, rows[quiet].deliveries) == (None, "", 0)
    assert rows[quiet].last_delivery is None
    # A protected identity's area is never listed; its groups are.
    assert (rows[hidden].area, rows[hidden].groups) == (None, "Norra")


def test_a_search_page_carries_the_same_columns(services):
    store, persons = services.store, services.mapping.persons
    pid = f.person(store, "Ali", "Hassan")
    f.address(store, pid, area="Rosengård")
    f.member(store, pid, f.group(store, "Norra"))
    f.delivery(store, pid, dt.date(2025, 5, 2))
    (row,) = persons.page(PersonFilter(text="hassan"))
    assert (row.area, row.groups, row.deliveries, row.last_delivery) == (
        "Rosengård",
        "Norra",
        1,
        dt.date(2025, 5, 2),
    )
