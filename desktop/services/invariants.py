"""The programme's invariants, checked on a real database (issue 17, docs/invariants.md).

Each check is plain SQL over the stored rows and names every violation as a code with the
ids involved (issue 18: words in ``desktop.messages.check``, one line in Swedish or
English). ``rondplan check`` prints them; the model-based test
(tests/unit/test_programme_model.py) runs them after every step.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desktop.messages import words
from desktop.models import Operation, Visit, VisitStatus
from desktop.services.visit_address import VisitKey, visit_places


@dataclass(frozen=True)
class Violation:
    """One broken invariant: its id in docs/invariants.md (``I1``), and what was found as
    a code of ``desktop.messages.check`` with the ids involved."""

    code: str
    what: str
    params: Mapping[str, object] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """The Swedish line (the model test's reports and the technical log)."""
        return words(self.what, self.params)


def _rows(session: Session, sql: str) -> list[tuple[object, ...]]:
    return [tuple(r) for r in session.execute(text(sql)).all()]


def _delivery_sources(session: Session) -> list[Violation]:
    found = []
    for did, vid, status, parts in _rows(
        session,
        "SELECT d.id, d.visit_id, v.status, "
        "(v.part_not_suspected OR v.part_no_harm OR v.part_consequences OR v.part_help) "
        "FROM delivery d LEFT JOIN visit v ON v.id = d.visit_id "
        "WHERE d.channel = 'home_visit'",
    ):
        # A delivery without a visit is a ledger entry of its own (entered by hand).
        if vid is not None and (status != "met" or not parts):
            found.append(
                Violation("I1", "invariant.delivery_without_visit", {"delivery": did, "visit": vid})
            )
    for did, iid, status in _rows(
        session,
        "SELECT d.id, d.invitation_id, i.status FROM delivery d "
        "LEFT JOIN invitation i ON i.id = d.invitation_id WHERE d.channel = 'call_in'",
    ):
        if iid is not None and status not in ("attended", "left_early"):
            found.append(
                Violation(
                    "I1", "invariant.delivery_not_attended", {"delivery": did, "invitation": iid}
                )
            )
    for (vid,) in _rows(
        session,
        "SELECT v.id FROM visit v WHERE v.status = 'met' AND (v.part_not_suspected "
        "OR v.part_no_harm OR v.part_consequences OR v.part_help) AND NOT EXISTS "
        "(SELECT 1 FROM delivery d WHERE d.visit_id = v.id AND d.channel = 'home_visit')",
    ):
        found.append(Violation("I2", "invariant.visit_without_delivery", {"visit": vid}))
    return found


def _referrals_and_tasks(session: Session) -> list[Violation]:
    found = []
    for tid, rid in _rows(
        session,
        "SELECT t.id, t.referral_id FROM task t LEFT JOIN referral r ON r.id = t.referral_id "
        "WHERE t.referral_id IS NOT NULL AND t.status = 'open' AND (r.id IS NULL "
        "OR r.retracted_at IS NOT NULL OR r.status IN ('completed', 'declined', 'dropped'))",
    ):
        found.append(
            Violation("I3", "invariant.task_for_closed_referral", {"task": tid, "referral": rid})
        )
    for rid, vid in _rows(
        session,
        "SELECT r.id, r.visit_id FROM referral r JOIN visit v ON v.id = r.visit_id "
        "WHERE v.support_accepted = false AND r.retracted_at IS NULL",
    ):
        found.append(
            Violation("I4", "invariant.referral_without_yes", {"referral": rid, "visit": vid})
        )
    for (vid,) in _rows(
        session,
        "SELECT v.id FROM visit v WHERE v.support_accepted = true AND NOT EXISTS "
        "(SELECT 1 FROM referral r WHERE r.visit_id = v.id AND r.retracted_at IS NULL)",
    ):
        found.append(Violation("I4", "invariant.yes_without_referral", {"visit": vid}))
    return found


def _visit_addresses(session: Session) -> list[Violation]:
    found = []
    for vid, aid, owner, person in _rows(
        session,
        "SELECT v.id, v.address_id, a.person_id, v.person_id FROM visit v "
        "JOIN address a ON a.id = v.address_id WHERE a.person_id <> v.person_id",
    ):
        found.append(
            Violation(
                "I5",
                "invariant.visit_foreign_address",
                {"visit": vid, "person": person, "address": aid, "owner": owner},
            )
        )
    # Typed columns here: the dates are compared in Python (raw SQLite gives text).
    keys = [
        VisitKey(vid, pid, when)
        for vid, pid, when in session.execute(
            select(Visit.id, Visit.person_id, Visit.starts_at).where(
                Visit.status.in_((VisitStatus.PROPOSED, VisitStatus.PLANNED))
            )
        )
    ]
    if keys:
        places = visit_places(session, keys)
        with_address = {pid for (pid,) in _rows(session, "SELECT DISTINCT person_id FROM address")}
        for key in keys:
            place = places[key.visit_id].address
            if place is None and key.person_id in with_address:
                found.append(
                    Violation(
                        "I6",
                        "invariant.visit_no_address",
                        {
                            "visit": key.visit_id,
                            "day": key.starts_at.date(),
                            "person": key.person_id,
                        },
                    )
                )
            elif place is not None and not place.valid_on(key.starts_at.date()):
                found.append(
                    Violation("I6", "invariant.visit_invalid_address", {"visit": key.visit_id})
                )
    return found


def _serials_and_periods(session: Session) -> list[Violation]:
    found = []
    for serial, n in _rows(
        session, "SELECT serial, count(*) FROM print_record GROUP BY serial HAVING count(*) > 1"
    ):
        found.append(Violation("I7", "invariant.serial_repeated", {"serial": serial, "count": n}))
    for table, what in (
        ("address", "invariant.address_ends_early"),
        ("group_relation", "invariant.relation_ends_early"),
    ):
        column = ("valid_from", "valid_to") if table == "address" else ("since", "until")
        for (rid,) in _rows(
            session,
            f"SELECT id FROM {table} WHERE {column[0]} IS NOT NULL "
            f"AND {column[1]} IS NOT NULL AND {column[1]} < {column[0]}",
        ):
            found.append(Violation("I8", what, {"id": rid}))
    for (vid,) in _rows(
        session,
        "SELECT v.id FROM visit v JOIN person p ON p.id = v.person_id "
        "WHERE p.merged_into_id IS NOT NULL",
    ):
        found.append(Violation("I9", "invariant.visit_of_merged_person", {"visit": vid}))
    return found


def _urgent_visits(session: Session) -> list[Violation]:
    """I16: an urgent visit belongs to a response round of its incident (issue 20)."""
    return [
        Violation(
            "I16",
            "invariant.urgent_outside_response",
            {"visit": vid, "incident": iid, "operation": oid},
        )
        for vid, iid, oid in _rows(
            session,
            "SELECT v.id, v.incident_id, v.operation_id FROM visit v "
            "WHERE v.incident_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM incident_response r "
            "WHERE r.incident_id = v.incident_id AND r.operation_id = v.operation_id)",
        )
    ]


def _plain_victims(session: Session) -> list[Violation]:
    """I17: no plain link names a victim, an injured person or a witness (sealed since 0019)."""
    return [
        Violation("I17", "invariant.plain_incident_link", {"link": lid, "incident": iid})
        for lid, iid in _rows(
            session,
            "SELECT id, incident_id FROM incident_person "
            "WHERE role IN ('injured', 'victim', 'witness') ORDER BY id",
        )
    ]


def _visits_in_period(session: Session) -> list[Violation]:
    """I19: every visit of an operation that is not cancelled lies within its period."""
    found = []
    for vid, oid, starts_at, first, last in session.execute(
        select(
            Visit.id, Visit.operation_id, Visit.starts_at, Operation.start_date, Operation.end_date
        )
        .join(Operation, Operation.id == Visit.operation_id)
        .where(Visit.status != VisitStatus.CANCELLED)
        .order_by(Visit.id)
    ):
        if not first <= starts_at.date() <= last:
            found.append(
                Violation(
                    "I19",
                    "invariant.visit_outside_period",
                    {"visit": vid, "day": starts_at.date(), "operation": oid},
                )
            )
    return found


CHECKS: tuple[Callable[[Session], list[Violation]], ...] = (
    _delivery_sources,
    _referrals_and_tasks,
    _visit_addresses,
    _serials_and_periods,
    _urgent_visits,
    _plain_victims,
    _visits_in_period,
)


def check_invariants(session: Session) -> list[Violation]:
    """Every violation of the programme's invariants, in the order of docs/invariants.md."""
    found: list[Violation] = []
    for check in CHECKS:
        found.extend(check(session))
    return sorted(found, key=lambda v: v.code)
