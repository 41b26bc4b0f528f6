"""The rest of the mapping service tests, run unchanged against PostgreSQL: Swedish
order, merge safety, relatives, and what other agencies' users see of a search, a
timeline and a group (and what the audit log says they read)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from tests.unit.mapping.conftest import services  # noqa: F401  (the same fixture)
from tests.unit.mapping.test_collation import *  # noqa: F403
from tests.unit.mapping.test_group_read_audit import *  # noqa: F403
from tests.unit.mapping.test_merge_safety import *  # noqa: F403
from tests.unit.mapping.test_relatives import *  # noqa: F403
from tests.unit.mapping.test_search_secrecy import *  # noqa: F403
from tests.unit.mapping.test_timeline_secrecy import *  # noqa: F403

pytestmark = pytest.mark.usefixtures("on_postgres")


def test_name_order_walks_the_swedish_index_without_sorting(services):  # noqa: F811
    """Server version: the ICU-collated name index serves the list's order and its one-
    or two-letter range (the planner told to avoid a full scan, as it would at 100,000
    persons; a handful of rows it would simply sort)."""
    from sqlalchemy import select

    from desktop.models import Person
    from desktop.services.mapping import search
    from desktop.store.sql import sql_of

    with services.store.read_session() as session:
        order = sql_of(session).name_order()
        condition = search.text_condition(session, "jo")
        plans = []
        session.execute(text("SET LOCAL enable_seqscan = off"))
        for query in (
            select(Person.id).order_by(*order, Person.id).limit(10),
            select(Person.id).where(condition).order_by(*order, Person.id).limit(10),
        ):
            compiled = query.compile(session.get_bind(), compile_kwargs={"literal_binds": True})
            rows = session.execute(text(f"EXPLAIN {compiled}")).scalars()
            plans.append("\n".join(rows))
    for plan in plans:
        assert "ix_person_sv_name_icu" in plan and "Sort" not in plan, plan
    assert "Index Cond" in plans[1], plans[1]
