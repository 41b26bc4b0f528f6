"""Staff, two-agency teams, the two-week operation and its visits with outcomes.

At Malmö scale there is one operation with 36 visits around the reference date. Larger
datasets add earlier two-week operations until there are about five visits per person
(500,000 at 100,000 persons), for the dashboard benchmark.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import random
from collections import Counter
from dataclasses import dataclass, field

import holidays

from desktop.models import (
    Delivery,
    DeliveryChannel,
    Operation,
    OperationStatus,
    OperationTarget,
    StaffMember,
    TalkRole,
    Team,
    TeamMember,
    Visit,
    VisitStatus,
)
from desktop.services.demo import names, texts
from desktop.services.demo.identity import phone
from desktop.services.demo.mapping import Mapped
from desktop.services.demo.sink import Sink

MAIN_VISITS = 36
TEAMS = 8
SLOTS = (
    dt.time(9, 0),
    dt.time(10, 30),
    dt.time(13, 0),
    dt.time(14, 30),
    dt.time(17, 30),
    dt.time(19, 0),
)
PAST_OUTCOMES = (
    (VisitStatus.MET, 55),
    (VisitStatus.NOT_HOME, 20),
    (VisitStatus.FAMILY_ONLY, 10),
    (VisitStatus.REFUSED, 8),
    (VisitStatus.MOVED, 4),
    (VisitStatus.CANCELLED, 3),
)
STAFF_SPLIT = {"police": 0.4, "social": 0.4, "probation": 0.2}
TITLES = {
    "police": "Polisinspektör",
    "social": "Socialsekreterare",
    "probation": "Frivårdsinspektör",
}


@dataclass(frozen=True)
class VisitFact:
    id: int
    person_id: int
    starts_at: dt.datetime
    status: VisitStatus
    team_id: int
    support_accepted: bool


@dataclass
class Fieldwork:
    staff: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    operation_id: int = 0
    start: dt.date = dt.date.min
    end: dt.date = dt.date.min
    team_ids: list[int] = field(default_factory=list)
    visits: list[VisitFact] = field(default_factory=list)
    # Deliveries per person so far, so the ledger can keep repeats near one in ten.
    delivered: Counter[int] = field(default_factory=Counter)


def working_days(start: dt.date, end: dt.date) -> list[dt.date]:
    """Weekdays from ``start`` to ``end`` that are not Swedish public holidays."""
    off = holidays.country_holidays("SE", years=range(start.year, end.year + 1))
    days = (start + dt.timedelta(days=i) for i in range((end - start).days + 1))
    return [d for d in days if d.weekday() < 5 and d not in off]


def build_staff(
    sink: Sink, rng: random.Random, count: int, agency_ids: dict[str, int], users: dict[str, int]
) -> Fieldwork:
    """Staff with working hours; the demo team leads, officers and coordinators are staff
    too (a coordinator's work phone is the invitation letter's number to call)."""
    work = Fieldwork(staff={code: [] for code in STAFF_SPLIT})
    linked = {
        "police": ["teamledare.polis", "handlaggare.polis", "samordnare.polis"],
        "social": ["teamledare.soc", "handlaggare.soc", "samordnare.soc"],
        "probation": [
            "teamledare.kriminalvarden",
            "handlaggare.kriminalvarden",
            "samordnare.kriminalvarden",
        ],
    }
    for code, share in STAFF_SPLIT.items():
        for n in range(max(2, round(count * share))):
            origin = rng.choices(list(names.ORIGIN_WEIGHTS), list(names.ORIGIN_WEIGHTS.values()))[0]
            given = names.FEMALE_GIVEN if rng.random() < 0.5 else names.MALE_GIVEN
            name = f"{rng.choice(given[origin])} {rng.choice(names.FAMILY[origin])}"
            evening = n % 3 == 2
            hours = ["13:00", "21:00"] if evening else ["08:00", "16:30"]
            sid = sink.next_id(StaffMember)
            sink.add(
                StaffMember,
                {
                    "id": sid,
                    "name": name,
                    "agency_id": agency_ids[code],
                    "title": TITLES[code],
                    "phone": phone(rng),
                    "user_id": users.get(linked[code][n]) if n < len(linked[code]) else None,
                    "working_hours": {str(d): hours for d in range(1, 6)},
                    "active": True,
                    "version": 1,
                },
            )
            work.staff[code].append((sid, name))
    return work


def _teams(sink: Sink, work: Fieldwork, operation_id: int, count: int) -> list[int]:
    ids = []
    police, social, probation = (work.staff[c] for c in ("police", "social", "probation"))
    for n in range(count):
        tid = sink.next_id(Team)
        sink.add(
            Team,
            {
                "id": tid,
                "name": f"Team {n + 1}",
                "operation_id": operation_id,
                "colour_index": n % 8,
                "max_visits_per_day": 4,
                "version": 1,
            },
        )
        members = [(police[n % len(police)][0], TalkRole.LEAD)]
        members.append((social[n % len(social)][0], TalkRole.SPEAKER))
        if n < 3:
            members.append((probation[n % len(probation)][0], TalkRole.SUPPORT))
        for staff_id, role in members:
            sink.add(
                TeamMember,
                {
                    "id": sink.next_id(TeamMember),
                    "team_id": tid,
                    "staff_id": staff_id,
                    "talk_role": role,
                },
            )
        ids.append(tid)
    return ids


def _operation(
    sink: Sink,
    name: str,
    start: dt.date,
    end: dt.date,
    status: OperationStatus,
    coordinator: int | None,
) -> int:
    oid = sink.next_id(Operation)
    stamp = dt.datetime.combine(start - dt.timedelta(days=7), dt.time(10, 0))
    sink.add(
        Operation,
        {
            "id": oid,
            "name": name,
            "start_date": start,
            "end_date": end,
            "purpose": "Hembesök med budskapet till prioriterade individer (fiktiv demo).",
            "status": status,
            "coordinator_user_id": coordinator,
            "version": 1,
            "created_at": stamp,
            "updated_at": stamp,
        },
    )
    return oid


def _visit_row(
    rng: random.Random,
    vid: int,
    oid: int,
    pid: int,
    tid: int,
    starts: dt.datetime,
    address_id: int | None,
    status: VisitStatus,
    order: int,
    revisit_of: int | None,
) -> dict[str, object]:
    done = status not in (VisitStatus.PLANNED, VisitStatus.PROPOSED)
    met = status is VisitStatus.MET
    asked = met and rng.random() < 0.45
    offered = met and (asked or rng.random() < 0.6)
    return {
        "id": vid,
        "operation_id": oid,
        "person_id": pid,
        "team_id": tid,
        "starts_at": starts,
        "ends_at": starts + dt.timedelta(hours=1),
        "address_id": address_id,
        "status": status,
        "revisit_of_id": revisit_of,
        "order_in_day": order,
        "outcome_recorded_at": starts + dt.timedelta(hours=2) if done else None,
        "family_present": rng.choice(("mamma", "mamma, syster", "pappa", ""))
        if status in (VisitStatus.MET, VisitStatus.FAMILY_ONLY)
        else "",
        "part_not_suspected": met,
        "part_no_harm": met,
        "part_consequences": met and rng.random() < 0.95,
        "part_help": met,
        "response": rng.choice(texts.RESPONSES) if met else "",
        "support_asked": asked,
        "support_offered": offered,
        "support_accepted": offered and rng.random() < 0.45,
        "leave_behind": status in (VisitStatus.MET, VisitStatus.FAMILY_ONLY, VisitStatus.NOT_HOME),
        "cancel_reason": "Teamet behövdes på annat håll."
        if status is VisitStatus.CANCELLED
        else None,
        "incident_id": None,  # set for an urgent round's visits (demo/incidents.py)
        "version": 1,
        "created_at": dt.datetime.combine(starts.date() - dt.timedelta(days=10), dt.time(8)),
        "updated_at": starts + dt.timedelta(hours=2) if done else starts - dt.timedelta(days=10),
    }


def delivery_row(
    sink: Sink,
    pid: int,
    day: dt.date,
    channel: DeliveryChannel,
    by: str,
    visit_id: int | None = None,
    invitation_id: int | None = None,
) -> None:
    sink.add(
        Delivery,
        {
            "id": sink.next_id(Delivery),
            "person_id": pid,
            "delivered_on": day,
            "channel": channel,
            "visit_id": visit_id,
            "invitation_id": invitation_id,
            "delivered_by": by,
            "part_not_suspected": True,
            "part_no_harm": True,
            "part_consequences": True,
            "part_help": True,
            "created_at": dt.datetime.combine(day, dt.time(20, 0)),
        },
    )


def build_main_operation(
    sink: Sink,
    rng: random.Random,
    today: dt.date,
    m: Mapped,
    work: Fieldwork,
    coordinator: int | None,
) -> None:
    """The two-week operation around ``today``: 36 visits, outcomes for those before today."""
    monday = today - dt.timedelta(days=today.weekday() + 7)
    work.start, work.end = monday, monday + dt.timedelta(days=11)
    week = monday.isocalendar().week
    work.operation_id = oid = _operation(
        sink,
        f"Hembesök v. {week}–{week + 1} (demo)",
        work.start,
        work.end,
        OperationStatus.ACTIVE,
        coordinator,
    )
    work.team_ids = _teams(sink, work, oid, TEAMS)
    days = working_days(work.start, work.end)
    per_day = [MAIN_VISITS // len(days)] * len(days)
    for i in rng.sample(range(len(days)), MAIN_VISITS % len(days)):
        per_day[i] += 1
    slots = [
        dt.datetime.combine(day, t)
        for day, k in zip(days, per_day, strict=True)
        for t in sorted(rng.sample(SLOTS, k))
    ]
    pool = m.active_ids if len(m.active_ids) >= MAIN_VISITS + 4 else m.person_ids
    targets = rng.sample(pool, MAIN_VISITS + 4)
    for n, pid in enumerate(targets):
        sink.add(
            OperationTarget,
            {
                "id": sink.next_id(OperationTarget),
                "operation_id": oid,
                "person_id": pid,
                "priority": 1 if n < 12 else 2,
                "reason": "Prioriterad i kartläggningen.",
            },
        )
    kinds, weights = zip(*PAST_OUTCOMES, strict=True)
    persons = targets[:MAIN_VISITS]
    statuses = [
        rng.choices(kinds, weights)[0] if s.date() < today else VisitStatus.PLANNED for s in slots
    ]
    ids = [sink.next_id(Visit) for _ in slots]
    revisit_of: list[int | None] = [None] * len(slots)
    future = [i for i, s in enumerate(slots) if s.date() > today]
    for i, status in enumerate(statuses):
        # Re-visit after "not home": a later planned slot goes to the same person.
        if status is VisitStatus.NOT_HOME and future and rng.random() < 0.6:
            j = future.pop(0)
            persons[j], revisit_of[j] = persons[i], ids[i]
    per_team_day: dict[tuple[int, dt.date], int] = {}
    for i, starts in enumerate(slots):
        tid = work.team_ids[i % TEAMS]
        order = per_team_day.get((tid, starts.date()), 0)
        per_team_day[(tid, starts.date())] = order + 1
        row = _visit_row(
            rng,
            ids[i],
            oid,
            persons[i],
            tid,
            starts,
            m.address_of[persons[i]],
            statuses[i],
            order,
            revisit_of[i],
        )
        sink.add(Visit, row)
        if statuses[i] is VisitStatus.MET:
            work.delivered[persons[i]] += 1
            delivery_row(
                sink,
                persons[i],
                starts.date(),
                DeliveryChannel.HOME_VISIT,
                f"Team {i % TEAMS + 1}",
                visit_id=ids[i],
            )
        work.visits.append(
            VisitFact(ids[i], persons[i], starts, statuses[i], tid, bool(row["support_accepted"]))
        )


def build_history(
    sink: Sink,
    rng: random.Random,
    total: int,
    m: Mapped,
    work: Fieldwork,
    coordinator: int | None,
) -> None:
    """Earlier two-week operations with ``total`` visits, every met visit delivered."""
    if total <= 0:
        return
    count = min(260, math.ceil(total / 4000))
    kinds, weights = zip(*PAST_OUTCOMES, strict=True)
    cum = list(itertools.accumulate(weights))
    per_op = math.ceil(total / count)
    made = 0
    for k in range(1, count + 1):
        start = work.start - dt.timedelta(days=14 * k)
        end = start + dt.timedelta(days=11)
        week = start.isocalendar().week
        oid = _operation(
            sink,
            f"Hembesök v. {week}–{week + 1} {start.year} (demo)",
            start,
            end,
            OperationStatus.CLOSED,
            coordinator,
        )
        teams = _teams(sink, work, oid, max(TEAMS, math.ceil(per_op / 40)))
        days = working_days(start, end)
        for _ in range(min(per_op, total - made)):
            pid = rng.choice(m.person_ids)
            starts = dt.datetime.combine(rng.choice(days), rng.choice(SLOTS))
            status = rng.choices(kinds, cum_weights=cum)[0]
            vid = sink.next_id(Visit)
            team_no = rng.randrange(len(teams))
            tid = teams[team_no]
            sink.add(
                Visit,
                _visit_row(rng, vid, oid, pid, tid, starts, m.address_of[pid], status, 0, None),
            )
            if status is VisitStatus.MET:
                work.delivered[pid] += 1
                delivery_row(
                    sink,
                    pid,
                    starts.date(),
                    DeliveryChannel.HOME_VISIT,
                    f"Team {team_no + 1}",
                    visit_id=vid,
                )
            made += 1
