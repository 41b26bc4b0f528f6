"""Call-ins, the delivery ledger, support and referrals, tasks, notes and templates."""

from __future__ import annotations

import datetime as dt
import random

from desktop.models import (
    CallIn,
    CallInSpeaker,
    CallInStatus,
    DeliveryChannel,
    Invitation,
    InvitationStatus,
    Referral,
    ReferralEvent,
    ReferralStatus,
    SupportService,
    Task,
    TaskStatus,
    VisitStatus,
)
from desktop.services.demo import names, texts
from desktop.services.demo.fieldwork import Fieldwork, delivery_row
from desktop.services.demo.mapping import PROGRAMME_START, Mapped
from desktop.services.demo.sink import Sink

REACHED_SHARE = 0.8
REPEAT_SHARE = 0.1
S = ReferralStatus
REFERRAL_PATHS = (
    (S.OFFERED, S.ACCEPTED, S.REFERRED, S.STARTED, S.COMPLETED),
    (S.OFFERED, S.ACCEPTED, S.REFERRED, S.STARTED),
    (S.OFFERED, S.ACCEPTED, S.REFERRED),
    (S.OFFERED, S.ACCEPTED),
    (S.OFFERED, S.DECLINED),
    (S.OFFERED, S.ACCEPTED, S.REFERRED, S.STARTED, S.DROPPED),
)
MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)
AGENCY_NAME = {"police": "Polisen", "social": "Socialtjänsten", "probation": "Kriminalvården"}


def _stamp(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour))


def _speaker_name(rng: random.Random) -> str:
    origin = rng.choice(list(names.FAMILY))
    given = names.FEMALE_GIVEN if rng.random() < 0.5 else names.MALE_GIVEN
    return f"{rng.choice(given[origin])} {rng.choice(names.FAMILY[origin])}"


def build_call_ins(
    sink: Sink, rng: random.Random, today: dt.date, m: Mapped, work: Fieldwork, extra: int
) -> list[int]:
    """One held call-in (attendance recorded) and one planned; ``extra`` earlier held ones.

    Returns the ids of invitations that ended as no-shows (for follow-up tasks).
    """
    visited = {v.person_id for v in work.visits}
    pool = [p for p in m.person_ids if p not in visited] or m.person_ids
    plan = [(today - dt.timedelta(days=61), CallInStatus.HELD, 15)]
    plan.append((today + dt.timedelta(days=21), CallInStatus.PLANNED, 12))
    plan += [(today - dt.timedelta(days=90 + 30 * k), CallInStatus.HELD, 15) for k in range(extra)]
    no_shows: list[int] = []
    for n, (day, status, size) in enumerate(plan):
        while day.weekday() > 3:  # call-ins are held Monday to Thursday evenings
            day -= dt.timedelta(days=1)
        cid = sink.next_id(CallIn)
        held = status is CallInStatus.HELD
        sink.add(
            CallIn,
            {
                "id": cid,
                "title": f"Stormöte {MONTHS[day.month - 1]} {day.year} (demo)",
                "starts_at": dt.datetime.combine(day, dt.time(18, 0)),
                "venue": texts.CALL_IN_VENUES[n % len(texts.CALL_IN_VENUES)],
                "description": "Budskapet från polis, socialtjänst, Kriminalvården och "
                "samhället (fiktiv demo).",
                "status": status,
                "checklist": [
                    {"item": "Lokal bokad", "done": True},
                    {"item": "Kallelser skickade", "done": True},
                    {"item": "Tolkar bokade", "done": held},
                    {"item": "Transport ordnad", "done": held},
                ],
                "version": 1,
                "created_at": _stamp(day - dt.timedelta(days=30)),
                "updated_at": _stamp(day - dt.timedelta(days=30)),
            },
        )
        parts = (
            "Polisen: konsekvenserna",
            "En mamma: förlusten",
            "Socialtjänsten: hjälpen",
            "En tidigare medlem: vägen ut",
        )
        for position, part in enumerate(parts):
            sink.add(
                CallInSpeaker,
                {
                    "id": sink.next_id(CallInSpeaker),
                    "call_in_id": cid,
                    "name": _speaker_name(rng),
                    "organisation": part.split(":")[0],
                    "part": part,
                    "position": position,
                },
            )
        invitees = rng.sample(pool, min(size, len(pool)))
        weights = (60, 25, 8, 7)
        outcomes = (
            InvitationStatus.ATTENDED,
            InvitationStatus.NO_SHOW,
            InvitationStatus.EXCUSED,
            InvitationStatus.LEFT_EARLY,
        )
        for pid in invitees:
            iid = sink.next_id(Invitation)
            result = rng.choices(outcomes, weights)[0] if held else InvitationStatus.INVITED
            sink.add(
                Invitation,
                {
                    "id": iid,
                    "call_in_id": cid,
                    "person_id": pid,
                    "mandated_by": "Kriminalvården" if rng.random() < 0.3 else None,
                    "status": result,
                    "accompanied_by": rng.choice((None, None, "mamma", "pappa")),
                    "letter_printed_at": _stamp(day - dt.timedelta(days=14)),
                    "version": 1,
                },
            )
            if result in (InvitationStatus.ATTENDED, InvitationStatus.LEFT_EARLY):
                work.delivered[pid] += 1
                delivery_row(
                    sink, pid, day, DeliveryChannel.CALL_IN, "Stormötet", invitation_id=iid
                )
            elif result is InvitationStatus.NO_SHOW:
                no_shows.append(iid)
    return no_shows


def complete_ledger(sink: Sink, rng: random.Random, m: Mapped, work: Fieldwork) -> None:
    """Earlier deliveries so that most persons were reached and about one in ten twice."""
    reached = set(work.delivered) | set(
        rng.sample(m.person_ids, round(len(m.person_ids) * REACHED_SHARE))
    )
    channels = (
        DeliveryChannel.HOME_VISIT,
        DeliveryChannel.CALL_IN,
        DeliveryChannel.PROBATION,
        DeliveryChannel.OTHER,
    )
    span = (work.start - PROGRAMME_START).days - 1

    def earlier(pid: int) -> None:
        channel = rng.choices(channels, (50, 25, 20, 5))[0]
        by = {DeliveryChannel.PROBATION: "Kriminalvården", DeliveryChannel.CALL_IN: "Stormötet"}
        day = PROGRAMME_START + dt.timedelta(days=rng.randint(0, span))
        delivery_row(sink, pid, day, channel, by.get(channel, "Polisen och socialtjänsten"))
        work.delivered[pid] += 1

    for pid in sorted(reached):
        if work.delivered[pid] == 0:
            earlier(pid)
    repeats = sum(1 for pid in reached if work.delivered[pid] > 1)
    singles = [pid for pid in sorted(reached) if work.delivered[pid] == 1]
    for pid in rng.sample(
        singles, max(0, min(len(singles), round(len(reached) * REPEAT_SHARE) - repeats))
    ):
        earlier(pid)


def build_support(
    sink: Sink,
    rng: random.Random,
    today: dt.date,
    m: Mapped,
    work: Fieldwork,
    agency_ids: dict[str, int],
    users: dict[str, int],
    share: float,
) -> list[int]:
    """The support catalogue and referrals with status histories; returns the open ones' ids."""
    services = []
    for name, kind, provider, code, description in texts.SUPPORT_CATALOGUE:
        sid = sink.next_id(SupportService)
        services.append((sid, code))
        sink.add(
            SupportService,
            {
                "id": sid,
                "name": name,
                "kind": kind,
                "provider": provider,
                "contact": "070-174 06 08 (demo)",
                "agency_id": agency_ids[code] if code else None,
                "description": description,
                "active": True,
                "version": 1,
            },
        )
    from_visits = [
        (v.person_id, v.id, v.starts_at.date()) for v in work.visits if v.support_accepted
    ]
    others = rng.sample(m.person_ids, round(len(m.person_ids) * share))
    sources = from_visits + [
        (pid, None, today - dt.timedelta(days=rng.randint(20, 700))) for pid in others
    ]
    referral_ids = []
    coordinator = users.get("samordnare.soc")
    for pid, visit_id, opened in sources:
        service_id, code = rng.choice(services)
        path = REFERRAL_PATHS[0 if visit_id else rng.randrange(len(REFERRAL_PATHS))]
        if visit_id:
            path = path[:2]  # a fresh offer from this operation: accepted, not yet started
        days = [opened]
        for _ in path[1:]:
            days.append(min(today, days[-1] + dt.timedelta(days=rng.randint(3, 40))))
        rid = sink.next_id(Referral)
        closed = days[-1] if path[-1] in (S.COMPLETED, S.DECLINED, S.DROPPED) else None
        sink.add(
            Referral,
            {
                "id": rid,
                "person_id": pid,
                "service_id": service_id,
                "status": path[-1],
                "responsible_agency_id": agency_ids[code or "social"],
                "responsible_name": AGENCY_NAME[code or "social"],
                "self_initiated": rng.random() < 0.15,
                "visit_id": visit_id,
                "opened_on": opened,
                "closed_on": closed,
                "version": 1,
                "created_at": _stamp(opened),
                "updated_at": _stamp(days[-1]),
            },
        )
        for status, day in zip(path, days, strict=True):
            sink.add(
                ReferralEvent,
                {
                    "id": sink.next_id(ReferralEvent),
                    "referral_id": rid,
                    "status": status,
                    "on_date": day,
                    "user_id": coordinator,
                },
            )
        if closed is None:  # a follow-up task only for a referral still open (issue 17)
            referral_ids.append(rid)
    return referral_ids


def build_tasks(
    sink: Sink,
    rng: random.Random,
    today: dt.date,
    m: Mapped,
    work: Fieldwork,
    users: dict[str, int],
    no_shows: list[int],
    referral_ids: list[int],
    extra: int,
) -> None:
    owners: list[int | None] = [
        users[u] for u in ("samordnare.soc", "samordnare.polis", "teamledare.soc") if u in users
    ]
    owners = owners or [None]

    def task(title: str, due: dt.date, **links: int | None) -> None:
        done = due < today and rng.random() < 0.7
        row = {
            "id": sink.next_id(Task),
            "title": title,
            "due_date": due,
            "status": TaskStatus.DONE if done else TaskStatus.OPEN,
            "owner_user_id": rng.choice(owners),
            "team_id": None,
            "person_id": None,
            "visit_id": None,
            "referral_id": None,
            "invitation_id": None,
            "done_at": _stamp(due, 15) if done else None,
            "version": 1,
            "created_at": _stamp(due - dt.timedelta(days=7)),
            "updated_at": _stamp(due - dt.timedelta(days=7)),
        }
        row.update(links)
        sink.add(Task, row)

    for v in work.visits:
        if v.status is VisitStatus.NOT_HOME:
            task(
                texts.TASK_TITLES[2],
                v.starts_at.date() + dt.timedelta(days=3),
                person_id=v.person_id,
                visit_id=v.id,
                team_id=v.team_id,
            )
        elif v.support_accepted:
            task(
                texts.TASK_TITLES[1],
                v.starts_at.date() + dt.timedelta(days=7),
                person_id=v.person_id,
                visit_id=v.id,
            )
    for iid in no_shows[:20]:
        task(
            texts.TASK_TITLES[4], today + dt.timedelta(days=rng.randint(-30, 10)), invitation_id=iid
        )
    for rid in referral_ids[:10]:
        task(texts.TASK_TITLES[6], today + dt.timedelta(days=rng.randint(-5, 20)), referral_id=rid)
    for _ in range(extra):
        task(
            rng.choice((texts.TASK_TITLES[0], texts.TASK_TITLES[3], texts.TASK_TITLES[5])),
            today + dt.timedelta(days=rng.randint(-40, 40)),
            person_id=rng.choice(m.person_ids),
        )
