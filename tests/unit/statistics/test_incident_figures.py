"""The incident evaluation (issue 20) against a dataset built by hand.

Every expected value below was counted by hand from the rows in ``_seed`` (see the
comments); none is computed by the code under test.

Period: 2026-01-01 – 2026-03-31 (90 days, 90/7 weeks).
Groups A (a1, a2 always), B (b1 always, b2 from 10 Feb), C (c1 until 31 Jan).
Incidents: I1 5 Jan shooting A suspected / B victim, 1 injured, Rosengård;
I2 20 Jan knife, no group, 2 injured, Fosie; I3 14 Feb shooting C victim, 1 killed,
Rosengård; I4 2 Mar explosion B suspected / A victim, Hyllie; I6 31 Mar threat, no
group; I5 30 Dec 2025 (outside). Deliveries: a1 6 Jan, b1 10 Jan, c1 20 Feb (no
longer in C), b2 2 Mar, a2 5 Mar, a1 31 Dec 2025 (outside).
Pairs and days: I1/A 1, I1/B 5, I3/C none, I4/A 3, I4/B 0.
"""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.models import (
    Delivery,
    DeliveryChannel,
    Group,
    Incident,
    IncidentGroup,
    IncidentKind,
    IncidentSide,
    Membership,
    Person,
    Visit,
    VisitStatus,
)
from desktop.services.statistics import Period, StatsFilter, compute_figures
from desktop.services.statistics.export_format import as_json
from desktop.services.uow import UnitOfWork
from tests.factories import fresh_database

PERIOD = Period(dt.date(2026, 1, 1), dt.date(2026, 3, 31))
D = dt.date
T = dt.datetime


def _seed(store) -> dict[str, int]:
    with UnitOfWork(store, "Testdata") as uow:
        s = uow.session
        agency_id = store.identity.agency_id
        groups = {n: Group(name=f"Grupp {n}") for n in "ABC"}
        s.add_all(groups.values())
        persons = {n: Person(first_name=n, last_name="X") for n in ("a1", "a2", "b1", "b2", "c1")}
        s.add_all(persons.values())
        s.flush()
        g = {n: x.id for n, x in groups.items()}
        p = {n: x.id for n, x in persons.items()}
        for person, group, since, until in (
            ("a1", "A", None, None),
            ("a2", "A", None, None),
            ("b1", "B", None, None),
            ("b2", "B", D(2026, 2, 10), None),
            ("c1", "C", None, D(2026, 1, 31)),
        ):
            s.add(Membership(person_id=p[person], group_id=g[group], since=since, until=until))
        incidents = {}
        for name, when, kind, injured, killed, district, links in (
            ("I1", T(2026, 1, 5, 21), IncidentKind.SHOOTING, 1, 0, "Rosengård",
             (("A", IncidentSide.SUSPECTED), ("B", IncidentSide.VICTIM))),
            ("I2", T(2026, 1, 20, 2), IncidentKind.KNIFE, 2, 0, "Fosie", ()),
            ("I3", T(2026, 2, 14, 23, 30), IncidentKind.SHOOTING, 0, 1, "Rosengård",
             (("C", IncidentSide.VICTIM),)),
            ("I4", T(2026, 3, 2, 12), IncidentKind.EXPLOSION, 0, 0, "Hyllie",
             (("B", IncidentSide.SUSPECTED), ("A", IncidentSide.VICTIM))),
            ("I5", T(2025, 12, 30, 20), IncidentKind.SHOOTING, 3, 0, "Rosengård",
             (("A", IncidentSide.SUSPECTED),)),
            ("I6", T(2026, 3, 31, 23), IncidentKind.THREAT, 0, 0, "Fosie", ()),
        ):  # fmt: skip
            incident = Incident(
                reference=name,
                kind=kind,
                occurred_at=when,
                injured=injured,
                killed=killed,
                district=district,
                agency_id=agency_id,
            )
            s.add(incident)
            s.flush()
            incidents[name] = incident.id
            for group, side in links:
                s.add(IncidentGroup(incident_id=incident.id, group_id=g[group], side=side))
        for person, day in (
            ("a1", D(2026, 1, 6)),
            ("b1", D(2026, 1, 10)),
            ("c1", D(2026, 2, 20)),
            ("b2", D(2026, 3, 2)),
            ("a2", D(2026, 3, 5)),
            ("a1", D(2025, 12, 31)),
        ):
            s.add(
                Delivery(person_id=p[person], delivered_on=day, channel=DeliveryChannel.HOME_VISIT)
            )
        for person, when, status, incident in (
            ("a1", T(2026, 1, 7, 10), VisitStatus.MET, "I1"),
            ("a2", T(2026, 1, 7, 11), VisitStatus.FAMILY_ONLY, "I1"),
            ("b1", T(2026, 1, 8, 10), VisitStatus.NOT_HOME, "I1"),
            ("b1", T(2026, 1, 9, 10), VisitStatus.PLANNED, "I1"),
            ("a2", T(2026, 3, 4, 10), VisitStatus.REFUSED, "I4"),
            ("b2", T(2026, 3, 3, 10), VisitStatus.CANCELLED, "I4"),
            ("a1", T(2026, 2, 2, 10), VisitStatus.MET, None),
            ("c1", T(2026, 1, 15, 10), VisitStatus.MET, None),
            ("c1", T(2026, 2, 15, 10), VisitStatus.MET, None),
        ):
            s.add(
                Visit(
                    person_id=p[person],
                    starts_at=when,
                    ends_at=when + dt.timedelta(hours=1),
                    status=status,
                    incident_id=incidents[incident] if incident else None,
                )
            )
        uow.audit("test.seed", "incident", incidents.values())
    return {**g, **p}


def compute_all(store) -> dict:
    """Seed the dataset with ``store`` (an administrator's) and compute every figure."""
    from desktop.services.statistics.drilldown import person_ids

    ids = _seed(store)
    with store.read_session() as session:
        results = {
            "all": compute_figures(session, PERIOD),
            "group_a": compute_figures(session, PERIOD, StatsFilter(group_id=ids["A"])),
            "rosengard": compute_figures(session, PERIOD, StatsFilter(area="Rosengård")),
        }
        names = {v: k for k, v in ids.items() if k[0].islower()}

        def behind(code, key=None):
            found = session.scalars(person_ids(code, key, PERIOD, StatsFilter()))
            return {names[i] for i in found}

        results["behind"] = {
            "attempted": behind("response_visits_attempted"),
            "completed": behind("response_visits_completed"),
            "direct": behind("response_direct_contact"),
            "family": behind("response_family_only"),
            "group_a": behind("visits_per_group_week", str(ids["A"])),
            "group_c": behind("visits_per_group_week", str(ids["C"])),
        }
    store.lock()
    return results


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    fresh = fresh_database(tmp_path_factory.mktemp("incident-figures"))
    return compute_all(fresh.admin)


def test_period_totals(figures):
    t = figures["all"].incidents.total
    assert t.incidents == 5  # I1, I2, I3, I4, I6 (I5 is in December)
    assert t.by_kind == {
        "shooting": 2,
        "explosion": 1,
        "hand_grenade": 0,
        "knife": 1,
        "murder": 0,
        "threat": 1,
        "other": 0,
    }
    assert t.group_shootings == 2  # I1 and I3 have a group; I5 is outside
    assert (t.injured, t.killed) == (3, 1)
    assert t.group_pairs == 5
    assert t.days_to_group_delivery == (0, 1, 3, 5)
    assert t.days_to_group_delivery_median == 2.0
    assert t.group_delivery_within_72h_share == 0.6  # 0, 1 and 3 of five pairs
    # Urgent visits: met, family only, not home (Jan) and refused (Mar); the planned
    # and the cancelled ones were not attempted.
    assert (t.response_attempted, t.response_completed) == (4, 2)
    assert (t.response_direct_contact, t.response_family_only) == (1, 1)


def test_month_by_month(figures):
    jan, feb, mar = (m.counts for m in figures["all"].incidents.months)
    assert (jan.incidents, jan.group_shootings, jan.injured, jan.killed) == (2, 1, 3, 0)
    assert (jan.days_to_group_delivery_median, jan.group_delivery_within_72h_share) == (3.0, 0.5)
    assert (jan.response_attempted, jan.response_completed) == (3, 2)
    assert (feb.incidents, feb.group_shootings, feb.killed, feb.group_pairs) == (1, 1, 1, 1)
    assert feb.days_to_group_delivery_median is None  # c1 had left C by 20 Feb
    assert feb.group_delivery_within_72h_share == 0.0
    assert (mar.incidents, mar.by_kind["explosion"], mar.by_kind["threat"]) == (2, 1, 1)
    assert (mar.days_to_group_delivery_median, mar.group_delivery_within_72h_share) == (1.5, 1.0)
    assert (mar.response_attempted, mar.response_completed) == (1, 0)


def test_per_group(figures):
    rows = {g.group: g for g in figures["all"].incidents.groups}
    a, b, c = rows["Grupp A"], rows["Grupp B"], rows["Grupp C"]
    assert (a.incidents, a.shootings, a.suspected_side, a.victim_side) == (2, 1, 1, 1)
    assert (a.injured, a.killed, a.days_to_group_delivery) == (1, 0, (1, 3))
    assert (a.days_to_group_delivery_median, a.group_delivery_within_72h_share) == (2.0, 1.0)
    assert (b.days_to_group_delivery_median, b.group_delivery_within_72h_share) == (2.5, 0.5)
    assert (c.incidents, c.shootings, c.killed, c.days_to_group_delivery_median) == (1, 1, 1, None)
    # Attempted visits to members on the visit day: A a1 7 Jan, a2 7 Jan, a2 4 Mar,
    # a1 2 Feb; B b1 8 Jan; C c1 15 Jan (not 15 Feb: he had left).
    assert (a.visits, b.visits, c.visits) == (4, 1, 1)
    assert a.visits_per_week == pytest.approx(4 * 7 / 90)
    assert c.visits_per_week == pytest.approx(7 / 90)


def test_filters(figures):
    a = figures["group_a"].incidents
    assert a.total.incidents == 2  # I1 and I4
    assert [g.group for g in a.groups] == ["Grupp A"]
    rosengard = figures["rosengard"].incidents
    assert (rosengard.total.incidents, rosengard.total.group_shootings) == (2, 2)  # I1, I3


def test_json_keys(figures):
    data = as_json(figures["all"])["incidents"]
    assert data["figures"]["incidents"] == 5
    assert data["figures"]["group_delivery_within_72h_share"] == 0.6
    assert data["figures"]["incidents_by_kind"]["shooting"] == 2
    assert [m["month"] for m in data["months"]] == ["2026-01", "2026-02", "2026-03"]
    assert {g["group"]: g["visits"] for g in data["groups"]} == {
        "Grupp A": 4,
        "Grupp B": 1,
        "Grupp C": 1,
    }


def test_the_research_export_suppresses_small_incident_cells(figures):
    from desktop.services.statistics.incidents import (
        IncidentCounts,
        IncidentFigures,
        IncidentMonth,
    )
    from desktop.services.statistics.research import SUPPRESSED, THRESHOLD, suppress
    from desktop.services.statistics.research_incidents import incident_research_sheets

    months, groups = incident_research_sheets(
        figures["all"].incidents, lambda g: f"G-{g}", suppress, THRESHOLD, SUPPRESSED
    )
    # Every cell of this small dataset is below 5 (zero too): none may show.
    assert {row[2] for row in months.rows} == {"<5"}
    assert len(groups.rows) == 3
    assert all(cell == "<5" for row in groups.rows for cell in row[1:])
    # A cell of 7 shows; 4 does not.
    big = IncidentFigures(
        months=(
            IncidentMonth(
                D(2026, 1, 1), IncidentCounts(incidents=11, by_kind={"shooting": 7, "knife": 4})
            ),
        )
    )
    months, _ = incident_research_sheets(big, str, suppress, THRESHOLD, SUPPRESSED)
    cells = {row[1]: row[2] for row in months.rows}
    assert (cells["shooting"], cells["knife"]) == (7, "<5")


def test_the_persons_behind_the_visit_figures(figures):
    behind = figures["behind"]
    assert behind["attempted"] == {"a1", "a2", "b1"}  # v1, v2, v3, v5
    assert behind["completed"] == {"a1", "a2"}  # v1 met, v2 family only
    assert (behind["direct"], behind["family"]) == ({"a1"}, {"a2"})
    assert behind["group_a"] == {"a1", "a2"}
    assert behind["group_c"] == {"c1"}  # 15 Jan only: he had left C by 15 Feb
