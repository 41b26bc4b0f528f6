"""The demo mapping: persons, addresses, relatives, groups, memberships, relations."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from dataclasses import dataclass, field

from desktop.models import (
    Address,
    Category,
    Group,
    GroupRelation,
    GroupRelationKind,
    IdentityKind,
    Membership,
    MembershipRole,
    Person,
    PersonStatus,
    Relative,
    SanctionPeriod,
)
from desktop.services.demo import names, texts
from desktop.services.demo.identity import personnummer, phone
from desktop.services.demo.sink import Sink

PROGRAMME_START = dt.date(2018, 10, 1)
SOURCE = "Kartläggning (fiktiv demo)"


@dataclass
class Mapped:
    """What later stages need to know about the mapping, kept small for 100,000 persons."""

    person_ids: list[int] = field(default_factory=list)
    active_ids: list[int] = field(default_factory=list)
    address_of: dict[int, int] = field(default_factory=dict)
    area_of: dict[int, str] = field(default_factory=dict)
    group_of: dict[int, int] = field(default_factory=dict)
    group_ids: list[int] = field(default_factory=list)
    group_area: dict[int, str] = field(default_factory=dict)
    # Group pairs in a running rivalry or active conflict (the incidents' sides, issue 20).
    rivals: list[tuple[int, int]] = field(default_factory=list)


# Cumulative weights computed once: random.choices would redo it for every person.
ORIGINS = list(names.ORIGIN_WEIGHTS)
ORIGIN_CUM = list(itertools.accumulate(names.ORIGIN_WEIGHTS.values()))
STATUSES = list(PersonStatus)
STATUS_CUM = list(itertools.accumulate((85, 2, 4, 5, 4, 0)))  # no one deceased in the demo
CATEGORIES = list(Category)
CATEGORY_CUM = list(itertools.accumulate((50, 35, 5, 2, 8)))
ROLES = list(MembershipRole)[1:]
ROLE_CUM = list(itertools.accumulate((20, 50, 20, 10)))


def _weighted_origin(rng: random.Random) -> str:
    return rng.choices(ORIGINS, cum_weights=ORIGIN_CUM)[0]


def _stamp(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(9, 0))


def group_names(rng: random.Random, count: int) -> list[str]:
    """Unique made-up names: word pairs first, then numbered ones."""
    pairs = [f"{a} {b}" for a, b in itertools.product(names.GROUP_FIRST, names.GROUP_SECOND)]
    rng.shuffle(pairs)
    out = pairs[:count]
    serial = 2
    while len(out) < count:
        out.extend(f"{p} {serial}" for p in pairs[: count - len(out)])
        serial += 1
    return out


def build_groups(sink: Sink, rng: random.Random, count: int, today: dt.date, m: Mapped) -> None:
    areas = list(names.AREAS)
    for index, name in enumerate(group_names(rng, count)):
        gid = sink.next_id(Group)
        area = areas[index % len(areas)] if index < len(areas) else rng.choice(areas)
        started = PROGRAMME_START + dt.timedelta(days=rng.randint(0, 900))
        sink.add(
            Group,
            {
                "id": gid,
                "name": name,
                "aliases": rng.choice(("", "", f"{name.split()[-1]}-gänget")),
                "area": area,
                "description": "Fiktiv grupp i demodata.",
                "active": rng.random() > 0.1,
                "source": SOURCE,
                "review_date": today + dt.timedelta(days=rng.randint(14, 200)),
                "version": 1,
                "created_at": _stamp(started),
                "updated_at": _stamp(started),
            },
        )
        m.group_ids.append(gid)
        m.group_area[gid] = area


def build_relations(sink: Sink, rng: random.Random, today: dt.date, m: Mapped) -> None:
    """Rivalries, alliances and active conflicts, plus sanction periods."""
    g = len(m.group_ids)
    plan = (
        (GroupRelationKind.RIVALRY, round(g * 0.6)),
        (GroupRelationKind.ALLIANCE, round(g * 0.27)),
        (GroupRelationKind.ACTIVE_CONFLICT, max(1, round(g * 0.14))),
    )
    seen: set[tuple[int, int]] = set()
    for kind, count in plan:
        made = 0
        while made < count:
            a, b = sorted(rng.sample(m.group_ids, 2))
            if (a, b) in seen:
                continue
            seen.add((a, b))
            made += 1
            if kind is not GroupRelationKind.ALLIANCE:
                m.rivals.append((a, b))
            since = today - dt.timedelta(days=rng.randint(20, 1500))
            sink.add(
                GroupRelation,
                {
                    "id": sink.next_id(GroupRelation),
                    "group_a_id": a,
                    "group_b_id": b,
                    "kind": kind,
                    "since": since,
                    "until": None,
                    "description": "Fiktiv relation i demodata.",
                    "version": 1,
                },
            )
    for index in range(max(3, round(g * 0.2))):
        start = today - dt.timedelta(
            days=rng.randint(5, 40) if index == 0 else rng.randint(120, 900)
        )
        ended = index != 0
        sink.add(
            SanctionPeriod,
            {
                "id": sink.next_id(SanctionPeriod),
                "group_id": rng.choice(m.group_ids),
                "trigger_event": texts.SANCTION_TRIGGERS[index % len(texts.SANCTION_TRIGGERS)],
                "start_date": start,
                "end_date": start + dt.timedelta(days=rng.randint(30, 90)) if ended else None,
                "measures": texts.SANCTION_MEASURES,
                "end_reason": "Inget nytt våld under perioden." if ended else None,
                "incident_id": None,
                "version": 1,
            },
        )


def _person_row(rng: random.Random, pid: int, today: dt.date) -> tuple[dict[str, object], str]:
    origin = _weighted_origin(rng)
    first = rng.choice(names.MALE_GIVEN[origin])
    last = rng.choice(names.FAMILY[origin])
    birth = today - dt.timedelta(days=rng.randint(15 * 365, 29 * 365))
    language, interpreter = names.LANGUAGE[origin]
    mapped_on = PROGRAMME_START + dt.timedelta(days=rng.randint(0, (today - PROGRAMME_START).days))
    has_number = rng.random() < 0.85
    status = rng.choices(STATUSES, cum_weights=STATUS_CUM)[0]
    row: dict[str, object] = {
        "id": pid,
        "first_name": first,
        "last_name": last,
        "aliases": "; ".join(rng.sample(names.NICKNAMES, rng.choice((0, 0, 1, 1, 2)))),
        "identity_number": personnummer(rng, birth) if has_number else None,
        "identity_kind": IdentityKind.PERSONNUMMER if has_number else None,
        "birth_date": birth,
        "language": language,
        "interpreter_need": rng.random() < interpreter,
        "status": status,
        "category": rng.choices(CATEGORIES, cum_weights=CATEGORY_CUM)[0],
        "protected_identity": rng.random() < 0.02,
        "at_risk_victim": rng.random() < 0.08,
        "at_risk_shooter": rng.random() < 0.05,
        "priority": rng.choice((1, 2, 2, 2, 3)),
        "phone": phone(rng) if rng.random() < 0.6 else None,
        "source": SOURCE,
        "review_date": today + dt.timedelta(days=rng.randint(-20, 180)),
        "mapped_on": mapped_on,
        "merged_into_id": None,
        "photo": None,
        "version": 1,
        "created_at": _stamp(mapped_on),
        "updated_at": _stamp(mapped_on),
    }
    return row, origin


def build_persons(
    sink: Sink, rng: random.Random, count: int, today: dt.date, streets: list[str], m: Mapped
) -> None:
    """Persons with a current address (some with an earlier one), relatives, memberships."""
    leaders: set[int] = set()
    for _ in range(count):
        pid = sink.next_id(Person)
        row, origin = _person_row(rng, pid, today)
        sink.add(Person, row)
        m.person_ids.append(pid)
        if row["status"] is PersonStatus.ACTIVE:
            m.active_ids.append(pid)
        gid = rng.choice(m.group_ids) if rng.random() < 0.9 else None
        area = (
            m.group_area[gid]
            if gid is not None and rng.random() < 0.7
            else rng.choice(list(names.AREAS))
        )
        mapped_on = row["mapped_on"]
        assert isinstance(mapped_on, dt.date)
        if rng.random() < 0.2:
            _address(sink, rng, pid, rng.choice(list(names.AREAS)), streets, mapped_on, today)
        m.address_of[pid] = _address(sink, rng, pid, area, streets, None, today)
        m.area_of[pid] = area
        for relation in rng.sample(names.RELATIONS[:3], rng.choice((1, 1, 2))):
            female = relation in ("mamma", "syster")
            given = names.FEMALE_GIVEN[origin] if female else names.MALE_GIVEN[origin]
            sink.add(
                Relative,
                {
                    "id": sink.next_id(Relative),
                    "person_id": pid,
                    "linked_person_id": None,
                    "name": f"{rng.choice(given)} {row['last_name']}",
                    "relation": relation,
                    "phone": phone(rng) if rng.random() < 0.5 else None,
                    "same_address": relation != "storebror",
                    "likely_present": relation == "mamma",
                    "version": 1,
                },
            )
        if gid is None:
            continue
        m.group_of[pid] = gid
        role = (
            MembershipRole.LEADER
            if gid not in leaders
            else rng.choices(ROLES, cum_weights=ROLE_CUM)[0]
        )
        leaders.add(gid)
        groups = [gid]
        if rng.random() < 0.1:
            other = rng.choice(m.group_ids)
            if other != gid:
                groups.append(other)
        for n, group_id in enumerate(groups):
            since = mapped_on - dt.timedelta(days=rng.randint(0, 400))
            sink.add(
                Membership,
                {
                    "id": sink.next_id(Membership),
                    "person_id": pid,
                    "group_id": group_id,
                    "role": role if n == 0 else MembershipRole.ASSOCIATE,
                    "since": since,
                    "until": None,
                    "source": SOURCE,
                    "reason": "Fiktivt underlag: iakttagelser och kontakter.",
                    "review_date": today + dt.timedelta(days=rng.randint(-10, 180)),
                    "version": 1,
                },
            )


def _address(
    sink: Sink,
    rng: random.Random,
    pid: int,
    area: str,
    streets: list[str],
    ended: dt.date | None,
    today: dt.date,
) -> int:
    aid = sink.next_id(Address)
    start = (ended or today) - dt.timedelta(days=rng.randint(60, 1500))
    sink.add(
        Address,
        {
            "id": aid,
            "person_id": pid,
            "street": f"{rng.choice(streets)} {rng.randint(1, 60)}"
            + (f", lgh {rng.randint(1001, 1504)}" if rng.random() < 0.7 else ""),
            "postcode": f"{names.AREAS[area]} {rng.randint(10, 99)}",
            "city": "Malmö",
            "area": area,
            "valid_from": start,
            "valid_to": ended,
            "access_notes": "" if ended else rng.choice(texts.ACCESS_NOTES),
            "version": 1,
        },
    )
    return aid
