"""A fictitious incident history for the demo (issue 20): violence over 18 months and the
programme's response to it, so the dashboard tells a story.

The story: a wave of shootings between rival groups a year and a half ago, answered at
first slowly (the message reached a group a week after its shooting), then within a day
or two; the violence falls month by month. About 40 incidents for the default demo,
scaled with the persons (20,000 at 100,000 persons, for the dashboard benchmark).

Each serious incident with groups gets an accepted response: a short urgent operation
whose visits carry the incident, outcomes before ``today`` and a delivery for each
visit where he was met; every third gets a sanction period for the suspected group.
Descriptions are sealed in the police compartment. Everything is invented.
"""

from __future__ import annotations

import datetime as dt
import random

from desktop.models import (
    Certainty,
    DeliveryChannel,
    Incident,
    IncidentGroup,
    IncidentKind,
    IncidentPerson,
    IncidentPersonSealed,
    IncidentResponse,
    IncidentRole,
    IncidentSide,
    OperationStatus,
    OperationTarget,
    ResponseStatus,
    SanctionPeriod,
    Visit,
    VisitStatus,
)
from desktop.services.demo import fieldwork
from desktop.services.demo.fieldwork import Fieldwork, VisitFact
from desktop.services.demo.mapping import Mapped
from desktop.services.demo.sink import Sink
from desktop.services.incidents.sealed_links import (
    KEY_COMPARTMENT,
    is_withheld,
    link_context,
    link_text,
)
from desktop.services.incidents.sealing import seal_description
from desktop.services.vocabulary import INCIDENT_KIND_WORDS
from desktop.store.compartment import CompartmentCipher

MONTHS = 18
PER_DEFAULT_DEMO = 40
KINDS = (
    (IncidentKind.SHOOTING, 45),
    (IncidentKind.EXPLOSION, 14),
    (IncidentKind.HAND_GRENADE, 3),
    (IncidentKind.KNIFE, 15),
    (IncidentKind.MURDER, 6),
    (IncidentKind.THREAT, 14),
    (IncidentKind.OTHER, 3),
)
SERIOUS = (
    IncidentKind.SHOOTING,
    IncidentKind.EXPLOSION,
    IncidentKind.HAND_GRENADE,
    IncidentKind.MURDER,
)
DESCRIPTIONS = {
    IncidentKind.SHOOTING: "Fiktiv händelse: flera skott mot en port, hylsor säkrade.",
    IncidentKind.EXPLOSION: "Fiktiv händelse: detonation vid en entré, fönster krossade.",
    IncidentKind.HAND_GRENADE: "Fiktiv händelse: handgranat kastad mot ett fordon.",
    IncidentKind.KNIFE: "Fiktiv händelse: knivhuggen efter bråk utanför en butik.",
    IncidentKind.MURDER: "Fiktiv händelse: en man skjuten till döds på en parkering.",
    IncidentKind.THREAT: "Fiktiv händelse: hot framfört i sociala medier mot en grupp.",
    IncidentKind.OTHER: "Fiktiv händelse: misshandel i samband med konflikt.",
}
VISITS_PER_RESPONSE = 4


def _month_weights() -> list[float]:
    """Oldest month first: the wave (months 0-5), then a steady fall."""
    return [3.2, 3.6, 3.4, 3.0, 2.7, 2.4, 2.1, 1.9, 1.7, 1.5, 1.4, 1.2, 1.1, 1.0, 0.9, 0.8,
            0.7, 0.6][:MONTHS]  # fmt: skip


def _moment(rng: random.Random, today: dt.date, month: int) -> dt.datetime:
    """A time in the ``month``-th of the 18 months before ``today`` (0 the oldest),
    mostly in the evening and at night."""
    first = today - dt.timedelta(days=30 * (MONTHS - month))
    day = first + dt.timedelta(days=rng.randrange(30))
    if day >= today:
        day = today - dt.timedelta(days=1)
    hour = rng.choice((18, 19, 20, 21, 22, 23, 0, 1, 2, 3, 14, 16))
    return dt.datetime.combine(day, dt.time(hour, rng.choice((5, 20, 35, 50))))


def build_incidents(
    sink: Sink,
    rng: random.Random,
    today: dt.date,
    m: Mapped,
    work: Fieldwork,
    count: int,
    police: tuple[int, int | None],
    cipher: CompartmentCipher | None,
    coordinator: int | None,
) -> int:
    """``count`` incidents, their links and responses; how many responses were made.

    ``police``: the police agency's id and the police officer's user id who records.
    """
    agency_id, recorder = police
    members: dict[int, list[int]] = {}
    for pid in m.active_ids:
        group = m.group_of.get(pid)
        if group is not None:
            members.setdefault(group, []).append(pid)
    rivals = [(a, b) for a, b in m.rivals if members.get(a) and members.get(b)]
    kinds, weights = zip(*KINDS, strict=True)
    month_weights = _month_weights()
    responses = 0
    for n in range(count):
        month = rng.choices(range(MONTHS), month_weights)[0]
        at = _moment(rng, today, month)
        kind = rng.choices(kinds, weights)[0]
        pair = rng.choice(rivals) if rivals and (kind in SERIOUS or rng.random() < 0.5) else None
        if pair is not None and rng.random() < 0.5:
            pair = (pair[1], pair[0])
        injured = 0
        if kind in (IncidentKind.SHOOTING, IncidentKind.EXPLOSION, IncidentKind.KNIFE):
            injured = rng.choices((0, 1, 2), (50, 35, 15))[0]
        killed = (
            1
            if kind is IncidentKind.MURDER
            else int(kind is IncidentKind.SHOOTING and rng.random() < 0.08)
        )
        area = m.group_area.get(pair[0]) if pair else None
        iid = sink.next_id(Incident)
        sink.add(
            Incident,
            {
                "id": iid,
                "reference": f"5000-K{310000 + n}-{at:%y}",
                "kind": kind,
                "certainty": Certainty.CONFIRMED if rng.random() < 0.8 else Certainty.PROBABLE,
                "occurred_at": at,
                "district": area or rng.choice(sorted(set(m.area_of.values())) or ["Centrum"]),
                "injured": injured,
                "killed": killed,
                "agency_id": agency_id,
                "description_cipher": seal_description(cipher, iid, DESCRIPTIONS[kind])
                if cipher is not None
                else None,
                "created_by": recorder,
                "version": 1,
                "created_at": at + dt.timedelta(hours=10),
                "updated_at": at + dt.timedelta(hours=10),
            },
        )
        if pair is None:
            continue
        _links(sink, rng, iid, pair, members, injured, cipher)
        if kind in SERIOUS and at.date() < today - dt.timedelta(days=1):
            _response(sink, rng, today, iid, kind, at, pair, month, m, members, work, coordinator)
            responses += 1
    return responses


def _links(
    sink: Sink,
    rng: random.Random,
    iid: int,
    pair: tuple[int, int],
    members: dict[int, list[int]],
    injured: int,
    cipher: CompartmentCipher | None,
) -> None:
    """A victim's, injured person's or witness's link sealed in the police compartment
    (none without its key), a suspect's plain (incidents/sealed_links)."""
    suspected, victim = pair
    for group, side in ((suspected, IncidentSide.SUSPECTED), (victim, IncidentSide.VICTIM)):
        sink.add(
            IncidentGroup,
            {
                "id": sink.next_id(IncidentGroup),
                "incident_id": iid,
                "group_id": group,
                "side": side,
                "source": "Polisens lägesbild (fiktiv)",
                "certainty": Certainty.PROBABLE if rng.random() < 0.3 else Certainty.CONFIRMED,
            },
        )
    people = []
    if rng.random() < 0.6:
        people.append((rng.choice(members[suspected]), IncidentRole.SUSPECTED, "Förundersökning"))
    for _ in range(injured):
        people.append((rng.choice(members[victim]), IncidentRole.INJURED, "Sjukhusrapport"))
    if rng.random() < 0.3:
        people.append((rng.choice(members[victim]), IncidentRole.WITNESS, "Förhör"))
    for pid, role, source in dict.fromkeys(people):
        if is_withheld(role):
            if cipher is not None:
                text = link_text(pid, role.value, source + " (fiktiv)", Certainty.PROBABLE.value)
                sink.add(
                    IncidentPersonSealed,
                    {
                        "id": sink.next_id(IncidentPersonSealed),
                        "incident_id": iid,
                        "key_version": KEY_COMPARTMENT,
                        "sealed": cipher.encrypt(text, link_context(iid)),
                    },
                )
            continue
        sink.add(
            IncidentPerson,
            {
                "id": sink.next_id(IncidentPerson),
                "incident_id": iid,
                "person_id": pid,
                "role": role,
                "source": source + " (fiktiv)",
                "certainty": Certainty.PROBABLE,
            },
        )


def _response(
    sink: Sink,
    rng: random.Random,
    today: dt.date,
    iid: int,
    kind: IncidentKind,
    at: dt.datetime,
    pair: tuple[int, int],
    month: int,
    m: Mapped,
    members: dict[int, list[int]],
    work: Fieldwork,
    coordinator: int | None,
) -> None:
    """An accepted urgent round: slow during the wave, within a day or two later."""
    delay = rng.randint(5, 9) if month < 6 else rng.randint(1, 3) if month < 12 else 1
    first = at.date() + dt.timedelta(days=delay)
    last = first + dt.timedelta(days=4)
    oid = fieldwork._operation(
        sink,
        f"Akut: {INCIDENT_KIND_WORDS[kind]} {at:%Y-%m-%d} (demo)",
        first,
        last,
        OperationStatus.CLOSED if last < today else OperationStatus.ACTIVE,
        coordinator,
    )
    teams = fieldwork._teams(sink, work, oid, 2)
    days = fieldwork.working_days(first, last) or [first]
    suspected, victim = pair
    targets = rng.sample(members[suspected], min(2, len(members[suspected])))
    targets += rng.sample(
        members[victim], min(VISITS_PER_RESPONSE - len(targets), len(members[victim]))
    )
    outcomes, weights = zip(*fieldwork.PAST_OUTCOMES, strict=True)
    for n, pid in enumerate(dict.fromkeys(targets)):
        sink.add(
            OperationTarget,
            {
                "id": sink.next_id(OperationTarget),
                "operation_id": oid,
                "person_id": pid,
                "priority": 5,
                "reason": "involved_suspected" if pid in members[suspected] else "involved_victim",
            },
        )
        starts = dt.datetime.combine(days[min(n // 2, len(days) - 1)], fieldwork.SLOTS[n % 6])
        status = rng.choices(outcomes, weights)[0] if starts.date() < today else VisitStatus.PLANNED
        vid = sink.next_id(Visit)
        tid = teams[n % 2]
        row = fieldwork._visit_row(
            rng, vid, oid, pid, tid, starts, m.address_of.get(pid), status, n // 2, None
        )
        row["incident_id"] = iid
        sink.add(Visit, row)
        if status is VisitStatus.MET:
            work.delivered[pid] += 1
            fieldwork.delivery_row(
                sink, pid, starts.date(), DeliveryChannel.HOME_VISIT, f"Team {n % 2 + 1}", vid
            )
        work.visits.append(VisitFact(vid, pid, starts, status, tid, bool(row["support_accepted"])))
    sink.add(
        IncidentResponse,
        {
            "id": sink.next_id(IncidentResponse),
            "incident_id": iid,
            "operation_id": oid,
            "status": ResponseStatus.ACCEPTED,
            "first_day": first,
            "last_day": last,
            "sanction_days": 90,
            "proposed_by": coordinator,
            "decided_by": coordinator,
            "decided_at": dt.datetime.combine(at.date() + dt.timedelta(days=1), dt.time(9)),
            "decline_reason": "",
            "version": 2,
            "created_at": at + dt.timedelta(hours=12),
            "updated_at": at + dt.timedelta(hours=20),
        },
    )
    if rng.random() < 1 / 3:
        start = at.date()
        ended = start + dt.timedelta(days=90) < today
        sink.add(
            SanctionPeriod,
            {
                "id": sink.next_id(SanctionPeriod),
                "group_id": suspected,
                "trigger_event": f"{INCIDENT_KIND_WORDS[kind]} {start:%Y-%m-%d} (demo)",
                "start_date": start,
                "end_date": start + dt.timedelta(days=90) if ended else None,
                "measures": "Ökad närvaro och kontroller (fiktivt).",
                "end_reason": "Inget nytt våld under perioden." if ended else None,
                "incident_id": iid,
                "version": 1,
            },
        )
