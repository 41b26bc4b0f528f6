"""What the briefing packet says about violence (issue 20).

Each visit sheet lists the incidents of the last ``INCIDENT_DAYS`` days that touch the
person's current groups: kind, place, the group and its side, counts. It never names a
person (a victim is named only within the recording agency, and a packet goes to the
door): the lines are about groups. A visit made in response to an incident says so.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.messages import Language, words
from desktop.models import Certainty, Group, Incident, IncidentGroup, Membership
from desktop.reports.data import INCIDENT_DAYS, DatedNote
from desktop.services.incidents.queries import in_period
from desktop.services.vocabulary import INCIDENT_KIND_WORDS

MAX_INCIDENT_LINES = 6


def _counts(injured: int, killed: int, lang: Language) -> str:
    parts = []
    if injured:
        code = "paper.injured_one" if injured == 1 else "paper.injured_many"
        parts.append(words(code, {"n": injured}, lang))
    if killed:
        code = "paper.killed_one" if killed == 1 else "paper.killed_many"
        parts.append(words(code, {"n": killed}, lang))
    return f" ({', '.join(parts)})" if parts else ""


def _kind(kind: str, lang: Language) -> str:
    """The incident kind's word: the one vocabulary's in Swedish, the catalogue's in English."""
    return INCIDENT_KIND_WORDS[kind] if lang == "sv" else words(f"term.incident.{kind}", {}, lang)


def _place(district: str, lang: Language) -> str:
    return words("paper.in_place", {"place": district}, lang) if district else ""


def incident_line(
    kind: str,
    district: str,
    group: str,
    side: str,
    injured: int,
    killed: int,
    probable: bool,
    lang: Language = "sv",
) -> str:
    line = words(
        "paper.incident_line",
        {
            "kind": _kind(kind, lang),
            "place": _place(district, lang),
            "group": group,
            "side": words(f"paper.side.{side}", {}, lang),
        },
        lang,
    )
    certainty = words("paper.probable", {}, lang) if probable else ""
    return f"{line}{_counts(injured, killed, lang)}{certainty}"


def incident_notes(
    session: Session, person_ids: Iterable[int], on: dt.date, lang: Language = "sv"
) -> dict[int, list[DatedNote]]:
    """Person id -> recent incidents of his groups (members on ``on``), newest first."""
    ids = sorted(set(person_ids))
    result: dict[int, list[DatedNote]] = defaultdict(list)
    if not ids:
        return result
    groups: dict[int, set[int]] = defaultdict(set)
    for pid, gid in session.execute(
        select(Membership.person_id, Membership.group_id).where(
            Membership.person_id.in_(ids),
            or_(Membership.since.is_(None), Membership.since <= on),
            or_(Membership.until.is_(None), Membership.until >= on),
        )
    ):
        groups[gid].add(pid)
    if not groups:
        return result
    for occurred, kind, district, injured, killed, certainty, gid, side, name in session.execute(
        select(
            Incident.occurred_at,
            Incident.kind,
            Incident.district,
            Incident.injured,
            Incident.killed,
            Incident.certainty,
            IncidentGroup.group_id,
            IncidentGroup.side,
            Group.name,
        )
        .join(IncidentGroup, IncidentGroup.incident_id == Incident.id)
        .join(Group, Group.id == IncidentGroup.group_id)
        .where(
            IncidentGroup.group_id.in_(tuple(groups)),
            in_period(on - dt.timedelta(days=INCIDENT_DAYS), on),
        )
        .order_by(Incident.occurred_at.desc(), Incident.id.desc())
    ):
        line = incident_line(
            kind.value,
            district,
            name,
            side.value,
            injured,
            killed,
            certainty is Certainty.PROBABLE,
            lang,
        )
        for pid in groups[gid]:
            if len(result[pid]) < MAX_INCIDENT_LINES:
                result[pid].append(DatedNote(occurred.date(), line))
    return result


def urgent_reasons(
    session: Session, visit_ids: Iterable[int], lang: Language = "sv"
) -> dict[int, str]:
    """Visit id -> why it is urgent, for the visits made in response to an incident."""
    from desktop.models import Visit

    ids = sorted(set(visit_ids))
    reasons: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        for vid, occurred, kind, district in session.execute(
            select(Visit.id, Incident.occurred_at, Incident.kind, Incident.district)
            .join(Incident, Incident.id == Visit.incident_id)
            .where(Visit.id.in_(ids[start : start + 500]))
        ):
            reasons[vid] = words(
                "paper.urgent",
                {
                    "kind": _kind(kind.value, lang).lower(),
                    "place": _place(district, lang),
                    "day": f"{occurred:%Y-%m-%d}",
                },
                lang,
            )
    return reasons
