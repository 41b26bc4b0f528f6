"""A small programme built by hand, with every figure worked out by hand below.

Period 2026-01-01 – 2026-06-30. Groups A (p1, p2, p3) and B (p4, p5, p6); p7 is a
merged duplicate of p1. Areas: Norr p1, p2, p6; Söder p3 (Norr until 2025-10-01), p4, p5.

Deliveries (in period: d1-d5): d1 p1 15 Jan home visit (v1, team T1 police+social);
d2 p1 10 Mar call-in; d3 p2 1 Feb home visit (v2, T2 probation+social); d4 p3 30 Jun
probation; d5 p4 5 Apr home visit (v3, T1). Outside: d0 p5 31 Dec 2025, d7 p2 1 Nov 2025,
d6 p6 1 Jul 2026.

Worked out by hand:
- persons mapped 6 (p7 merged); newly mapped p2 Jan, p3 Feb, p4 Mar, p6 May = 4
- reached p1 p2 p3 p4 = 4; more than once p1 (two in period) and p2 (one before) = 2; 50 %
- by channel: home visit 3, call-in 1, probation 1, other 0
- first delivery in period: p1 45 days (1 Dec → 15 Jan), p4 35 (1 Mar → 5 Apr),
  p3 149 (1 Feb → 30 Jun); p2 had one before. Median 45.
- visits v1 met, v2 met, v3 met, v4 not home, v5 refused (30 Jun 23:30); v6 1 Jul outside
- call-in C1 10 Mar: p1 attended, p2 no-show, p3 left early: 3 invited, 2 came; C2 cancelled
- referrals: r1 p1 offered 15 Jan → accepted → referred → started 15 Feb → completed 1 Jun;
  r2 p2 accepted 20 Dec 2025, started 10 Jan; r3 p4 self-initiated accepted 10 Apr;
  r4 p5 offered 5 May, declined; r5 p6 offered 2 Jul (outside).
  Offered r1 r3 r4 = 3, accepted r1 r3 = 2, started r1 r2 = 2, completed r1 = 1, self 1.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.models import (
    Address,
    Agency,
    CallIn,
    CallInStatus,
    Category,
    Delivery,
    DeliveryChannel,
    Group,
    Invitation,
    InvitationStatus,
    Membership,
    Person,
    Referral,
    ReferralEvent,
    ReferralStatus,
    StaffMember,
    SupportKind,
    SupportService,
    Team,
    TeamMember,
    Visit,
    VisitStatus,
)
from desktop.services.statistics import Period
from desktop.services.uow import UnitOfWork
from desktop.store.interface import Store

PERIOD = Period(dt.date(2026, 1, 1), dt.date(2026, 6, 30))
D = dt.date
#: Strings that must never leave the database in a research export.
CANARIES = (
    "Zyxbertil",
    "Qwertsson",
    "19990101-1234",
    "Kanariegatan 7",
    "Svarslinje-hemlig",
    "Ovanligt-alias",
)


@dataclass(frozen=True)
class Built:
    persons: dict[str, int]
    groups: dict[str, int]
    agencies: dict[str, int]


def build(store: Store) -> Built:
    with UnitOfWork(store, "Testdata") as uow:
        s = uow.session
        agencies = {a.code: a.id for a in s.query(Agency)}
        ga, gb = Group(name="Grupp A", area="Norr"), Group(name="Grupp B", area="Söder")
        s.add_all([ga, gb])
        mapped = {
            "p1": D(2025, 12, 1),
            "p2": D(2026, 1, 10),
            "p3": D(2026, 2, 1),
            "p4": D(2026, 3, 1),
            "p5": None,
            "p6": D(2026, 5, 20),
        }
        people: dict[str, Person] = {}
        for n, (key, day) in enumerate(mapped.items()):
            people[key] = Person(
                first_name="Zyxbertil" if key == "p1" else f"Förnamn{n}",
                last_name="Qwertsson" if key == "p1" else f"Efternamn{n}",
                aliases="Ovanligt-alias" if key == "p1" else "",
                identity_number="19990101-1234" if key == "p1" else None,
                birth_date=D(2000 + n, 3, 1),
                category=Category.SUSPECT,
                mapped_on=day,
            )
        s.add_all(people.values())
        s.flush()
        p = {k: v.id for k, v in people.items()}
        s.add(
            Person(
                first_name="Dubb", last_name="Lett", mapped_on=D(2026, 1, 1), merged_into_id=p["p1"]
            )
        )
        for key in ("p1", "p2", "p3"):
            s.add(Membership(person_id=p[key], group_id=ga.id))
        for key in ("p4", "p5", "p6"):
            s.add(Membership(person_id=p[key], group_id=gb.id))
        s.add(Membership(person_id=p["p1"], group_id=gb.id, until=D(2025, 6, 30)))
        for key, area in (
            ("p1", "Norr"),
            ("p2", "Norr"),
            ("p6", "Norr"),
            ("p4", "Söder"),
            ("p5", "Söder"),
        ):
            street = "Kanariegatan 7" if key == "p1" else "Gatan 1"
            s.add(Address(person_id=p[key], street=street, area=area))
        s.add(Address(person_id=p["p3"], street="Gamla 1", area="Norr", valid_to=D(2025, 10, 1)))
        s.add(Address(person_id=p["p3"], street="Nya 2", area="Söder", valid_from=D(2025, 10, 2)))
        staff = {
            code: StaffMember(name=f"Personal {code}", agency_id=agencies[code])
            for code in ("police", "social", "probation")
        }
        staff["social2"] = StaffMember(name="Personal social 2", agency_id=agencies["social"])
        s.add_all(staff.values())
        t1, t2 = Team(name="T1"), Team(name="T2")
        s.add_all([t1, t2])
        s.flush()
        s.add_all(
            [
                TeamMember(team_id=t1.id, staff_id=staff["police"].id),
                TeamMember(team_id=t1.id, staff_id=staff["social"].id),
                TeamMember(team_id=t2.id, staff_id=staff["probation"].id),
                TeamMember(team_id=t2.id, staff_id=staff["social2"].id),
            ]
        )

        def visit(key: str, at: dt.datetime, status: VisitStatus, team: Team) -> Visit:
            v = Visit(
                person_id=p[key],
                team_id=team.id,
                starts_at=at,
                ends_at=at + dt.timedelta(hours=1),
                status=status,
                response="Svarslinje-hemlig",
            )
            s.add(v)
            s.flush()
            return v

        T = dt.datetime
        v1 = visit("p1", T(2026, 1, 15, 10), VisitStatus.MET, t1)
        v2 = visit("p2", T(2026, 2, 1, 18), VisitStatus.MET, t2)
        v3 = visit("p4", T(2026, 4, 5, 9), VisitStatus.MET, t1)
        visit("p5", T(2026, 5, 10, 12), VisitStatus.NOT_HOME, t2)
        visit("p6", T(2026, 6, 30, 23, 30), VisitStatus.REFUSED, t1)
        visit("p3", T(2026, 7, 1, 0, 0), VisitStatus.NOT_HOME, t2)
        C = DeliveryChannel
        for key, day, channel, v in (
            ("p1", D(2026, 1, 15), C.HOME_VISIT, v1),
            ("p1", D(2026, 3, 10), C.CALL_IN, None),
            ("p2", D(2026, 2, 1), C.HOME_VISIT, v2),
            ("p3", D(2026, 6, 30), C.PROBATION, None),
            ("p4", D(2026, 4, 5), C.HOME_VISIT, v3),
            ("p5", D(2025, 12, 31), C.OTHER, None),
            ("p2", D(2025, 11, 1), C.OTHER, None),
            ("p6", D(2026, 7, 1), C.HOME_VISIT, None),
        ):
            s.add(
                Delivery(
                    person_id=p[key],
                    delivered_on=day,
                    channel=channel,
                    visit_id=v.id if v else None,
                )
            )
        c0 = CallIn(title="C0", starts_at=T(2025, 12, 15, 18), venue="V", status=CallInStatus.HELD)
        c1 = CallIn(title="C1", starts_at=T(2026, 3, 10, 18), venue="V", status=CallInStatus.HELD)
        c2 = CallIn(
            title="C2", starts_at=T(2026, 4, 1, 18), venue="V", status=CallInStatus.CANCELLED
        )
        s.add_all([c0, c1, c2])
        s.flush()
        IS = InvitationStatus
        for call, key, status in (
            (c0, "p5", IS.ATTENDED),
            (c1, "p1", IS.ATTENDED),
            (c1, "p2", IS.NO_SHOW),
            (c1, "p3", IS.LEFT_EARLY),
            (c2, "p4", IS.INVITED),
        ):
            s.add(Invitation(call_in_id=call.id, person_id=p[key], status=status))
        service = SupportService(name="Stöd", kind=SupportKind.EXIT, provider="X")
        s.add(service)
        s.flush()
        R = ReferralStatus
        for key, agency, own, steps in (
            (
                "p1",
                "social",
                False,
                [
                    (R.OFFERED, D(2026, 1, 15)),
                    (R.ACCEPTED, D(2026, 1, 20)),
                    (R.REFERRED, D(2026, 2, 1)),
                    (R.STARTED, D(2026, 2, 15)),
                    (R.COMPLETED, D(2026, 6, 1)),
                ],
            ),
            (
                "p2",
                "probation",
                False,
                [(R.ACCEPTED, D(2025, 12, 20)), (R.STARTED, D(2026, 1, 10))],
            ),
            ("p4", "social", True, [(R.ACCEPTED, D(2026, 4, 10))]),
            ("p5", "police", False, [(R.OFFERED, D(2026, 5, 5)), (R.DECLINED, D(2026, 5, 6))]),
            ("p6", "social", False, [(R.OFFERED, D(2026, 7, 2))]),
        ):
            s.add(
                Referral(
                    person_id=p[key],
                    service_id=service.id,
                    status=steps[-1][0],
                    responsible_agency_id=agencies[agency],
                    self_initiated=own,
                    opened_on=steps[0][1],
                    events=[ReferralEvent(status=st, on_date=day) for st, day in steps],
                )
            )
        uow.audit("test.build", "test")
    return Built(p, {"A": ga.id, "B": gb.id}, agencies)
