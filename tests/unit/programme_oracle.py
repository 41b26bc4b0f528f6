"""What the programme model expects, worked out from the raw rows (issue 17).

The model (test_programme_model.py) compares what the services, the readers and the real
command give with these: plain SQL over the stored tables and plain Python, never the
code under test.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from desktop.services.importing import TEMPLATE_HEADERS
from desktop.services.statistics.rows import Period

#: Runs one raw SQL statement and returns its rows.
Rows = Callable[[str], list[tuple]]  # type: ignore[type-arg]


def _scalar(rows: Rows, sql: str) -> int:
    return int(rows(sql)[0][0] or 0)


def recount(rows: Rows, period: Period) -> dict:  # type: ignore[type-arg]
    """The period's figures in plain SQL over the raw tables (never the service's query)."""
    a, b = period.start.isoformat(), period.end.isoformat()
    in_period = f"delivered_on >= '{a}' AND delivered_on <= '{b}'"
    channels = dict(
        rows(f"SELECT channel, count(*) FROM delivery WHERE {in_period} GROUP BY channel")
    )
    per_person = dict(
        rows(f"SELECT person_id, count(*) FROM delivery WHERE {in_period} GROUP BY 1")
    )
    visits = dict(
        rows(
            f"SELECT status, count(*) FROM visit WHERE starts_at >= '{a}' "
            f"AND starts_at < '{period.end + dt.timedelta(days=1)}' GROUP BY status"
        )
    )
    first_steps = _scalar(
        rows,
        "SELECT count(*) FROM (SELECT e.referral_id, min(e.on_date) AS first_on "
        "FROM referral_event e JOIN referral r ON r.id = e.referral_id "
        "WHERE r.retracted_at IS NULL GROUP BY e.referral_id) f "
        f"WHERE f.first_on >= '{a}' AND f.first_on <= '{b}'",
    )
    door = _scalar(
        rows,
        "SELECT count(*) FROM visit v WHERE v.support_offered = true "
        f"AND v.starts_at >= '{a}' AND NOT EXISTS "
        "(SELECT 1 FROM referral r WHERE r.visit_id = v.id AND r.retracted_at IS NULL)",
    )
    accepted = _scalar(
        rows,
        "SELECT count(*) FROM referral_event e JOIN referral r ON r.id = e.referral_id "
        f"WHERE e.status = 'accepted' AND r.retracted_at IS NULL "
        f"AND e.on_date >= '{a}' AND e.on_date <= '{b}'",
    )
    return {
        "deliveries": sum(channels.values()),
        "deliveries_by_channel": channels,
        "persons_reached": len(per_person),
        "reached_more_than_once": sum(1 for n in per_person.values() if n > 1),
        "visits_by_outcome": visits,
        "support_offered": first_steps + door,
        "support_accepted": accepted,
    }


def outcome_rows(rows: Rows, vid: int) -> tuple:  # type: ignore[type-arg]
    """The visit's outcome and what it derived, from the raw rows (ids kept where
    a restore must bring back the same row, left out where it re-derives one)."""
    visit = rows(
        "SELECT status, outcome_recorded_at, family_present, part_not_suspected, "
        "part_no_harm, part_consequences, part_help, response, support_asked, "
        "support_offered, support_accepted, leave_behind, cancel_reason "
        f"FROM visit WHERE id = {vid}"
    )
    referrals = rows(
        f"SELECT id, status FROM referral WHERE visit_id = {vid} AND retracted_at IS NULL "
        "ORDER BY id"
    )
    tasks = rows(
        "SELECT id, status FROM task WHERE status = 'open' AND (visit_id = "
        f"{vid} OR referral_id IN (SELECT id FROM referral WHERE visit_id = {vid})) "
        "ORDER BY id"
    )
    deliveries = rows(
        "SELECT person_id, delivered_on, channel, delivered_by, part_not_suspected, "
        "part_no_harm, part_consequences, part_help FROM delivery "
        f"WHERE visit_id = {vid} ORDER BY id"
    )
    return visit, referrals, tasks, deliveries


def addresses(rows: Rows, person_ids: set[int]) -> dict[int, list[tuple]]:  # type: ignore[type-arg]
    """Each person's raw address rows (street, valid from, valid to, id)."""
    found: dict[int, list[tuple]] = {}  # type: ignore[type-arg]
    ids = ", ".join(str(p) for p in sorted(person_ids)) or "0"
    for pid, *row in rows(
        "SELECT person_id, street, valid_from, valid_to, id FROM address "
        f"WHERE person_id IN ({ids})"
    ):
        found.setdefault(pid, []).append(tuple(row))
    return found


def address_on(rows: list[tuple], day: dt.date) -> tuple[str, int | None]:  # type: ignore[type-arg]
    """The street (and address id) valid on ``day`` among a person's raw address rows:
    of the valid ones, the one that started last (no start counts as the earliest), then
    the newest row."""
    best: tuple[str, int, str] | None = None
    for street, start, end, aid in rows:
        start, end = str(start or ""), str(end or "9999-12-31")
        if start <= day.isoformat() <= end:
            key = (start, aid, street)
            if best is None or key[:2] > best[:2]:
                best = key
    return (best[2], best[1]) if best else ("", None)


def day(stored: object) -> dt.date:
    return dt.date.fromisoformat(str(stored)[:10])


def moment(stored: object) -> dt.datetime:
    return stored if isinstance(stored, dt.datetime) else dt.datetime.fromisoformat(str(stored))


def figures(figures: dict) -> dict:  # type: ignore[type-arg]
    """The recounted figures out of the service's or the command's, zero counts left out."""
    return {
        "deliveries": figures["deliveries"],
        "deliveries_by_channel": {k: v for k, v in figures["deliveries_by_channel"].items() if v},
        "persons_reached": figures["persons_reached"],
        "reached_more_than_once": figures["reached_more_than_once"],
        "visits_by_outcome": {k: v for k, v in figures["visits_by_outcome"].items() if v},
        "support_offered": figures["support_offered"],
        "support_accepted": figures["support_accepted"],
    }


def mapping_csv(names: list[str]) -> bytes:
    """A mapping list in the template's columns: one person per name, with an address."""
    headers = list(TEMPLATE_HEADERS)
    lines = [";".join(headers)]
    for n, name in enumerate(names):
        row = dict.fromkeys(headers, "")
        row.update(
            {
                "Förnamn": name,
                "Efternamn": "Modell",
                "Födelsedatum": f"2004-0{1 + n % 9}-1{n % 9}",
                "Adress": f"Importgatan {n + 1}",
                "Postnummer": "21100",
                "Ort": "Malmö",
                "Område": "Område A",
                "Gruppering": "Grupp A",
            }
        )
        lines.append(";".join(row[h] for h in headers))
    return ("\n".join(lines) + "\n").encode("utf-8")
