"""Conflicts of a visit moved by hand in the calendar."""

from __future__ import annotations

import enum
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from desktop.services.planning.request import (
    DEFAULT_SLOTS,
    Agency,
    ScheduledVisit,
    SlotDef,
    Staff,
    Team,
)

_PAIR = frozenset({Agency.POLICE, Agency.SOCIAL})


class ConflictCode(enum.StrEnum):
    STAFF_DOUBLE_BOOKED = "staff_double_booked"
    STAFF_ABSENT = "staff_absent"
    TEAM_INCOMPLETE = "team_incomplete"
    OUTSIDE_WORKING_HOURS = "outside_working_hours"
    HOLIDAY = "holiday"
    PERSON_SAME_DAY = "person_same_day"
    RIVAL_IN_TEAM_SLOT = "rival_in_team_slot"
    TEAM_DAY_FULL = "team_day_full"
    UNKNOWN_TEAM = "unknown_team"


@dataclass(frozen=True)
class Conflict:
    """One reason a move breaks a rule; the ids say who or what is involved."""

    code: ConflictCode
    visit_id: int
    other_visit_id: int | None = None
    staff_id: int | None = None
    team_id: int | None = None


def _slot_index(moment: datetime, slots: Sequence[SlotDef]) -> int | None:
    clock: time = moment.time()
    for index, slot in enumerate(slots):
        if slot.start <= clock < slot.end:
            return index
    return None


def _same_team_slot(a: ScheduledVisit, b: ScheduledVisit, slots: Sequence[SlotDef]) -> bool:
    if a.team_id != b.team_id or a.start.date() != b.start.date():
        return False
    slot_a, slot_b = _slot_index(a.start, slots), _slot_index(b.start, slots)
    if slot_a is None or slot_b is None:
        return a.start < b.end and b.start < a.end
    return slot_a == slot_b


def _missing_needed(members: Sequence[Staff], start: datetime, end: datetime) -> list[Staff]:
    """The absent members the visit needs (issue 17: not every member of the team).

    A visit needs two members present, one of each of police and social services the
    team has (as the planner's ``team_can_work``). When the present members make that
    pair, nobody is missing; otherwise the absent members of each agency not covered
    (or all absent members, when only the head count is short) are named.
    """
    present = [m for m in members if m.available(start, end)]
    absent = [m for m in members if not m.available(start, end)]
    covered = {m.agency for m in present}
    needed = _PAIR & {m.agency for m in members}
    uncovered = needed - covered
    if uncovered:
        return [m for m in absent if m.agency in uncovered]
    if len(present) < min(2, len(members)):
        return absent
    return []


def check_move(
    visit: ScheduledVisit,
    new_start: datetime,
    new_team_id: int | None,
    *,
    visits: Sequence[ScheduledVisit],
    teams: Sequence[Team],
    staff: Sequence[Staff],
    holidays: Collection[date] = (),
    rivals: Collection[frozenset[int]] = (),
    slots: Sequence[SlotDef] = DEFAULT_SLOTS,
) -> list[Conflict]:
    """The rules a move of ``visit`` would break.

    Args:
        visit: The visit as it is now.
        new_start: Its proposed start; the duration is kept.
        new_team_id: Its proposed team, or None to keep the team.
        visits: The other visits of the schedule (``visit`` itself is skipped).
        teams: All teams.
        staff: Staff with agencies, hours and absences.
        holidays: Days off.
        rivals: Rival group pairs.
        slots: Slot definitions that decide what "the same team-slot" is.

    Returns:
        Conflicts in a stable order; empty when the move is clean.
    """
    team_id = visit.team_id if new_team_id is None else new_team_id
    moved = ScheduledVisit(
        visit.visit_id,
        visit.person_id,
        team_id,
        new_start,
        new_start + (visit.end - visit.start),
        visit.group_ids,
    )
    vid = visit.visit_id
    conflicts: list[Conflict] = []
    team_by_id = {t.team_id: t for t in teams}
    team = team_by_id.get(team_id)
    if team is None:
        return [Conflict(ConflictCode.UNKNOWN_TEAM, vid, team_id=team_id)]
    staff_by_id = {s.staff_id: s for s in staff}
    members = [staff_by_id[s] for s in team.staff_ids if s in staff_by_id]
    day = moved.start.date()

    if day in holidays:
        conflicts.append(Conflict(ConflictCode.HOLIDAY, vid))
    for member in _missing_needed(members, moved.start, moved.end):
        if day in member.absences:
            conflicts.append(Conflict(ConflictCode.STAFF_ABSENT, vid, staff_id=member.staff_id))
        else:
            conflicts.append(
                Conflict(ConflictCode.OUTSIDE_WORKING_HOURS, vid, staff_id=member.staff_id)
            )
    agencies = {m.agency for m in members}
    if len(members) < 2 or not {Agency.POLICE, Agency.SOCIAL} <= agencies:
        conflicts.append(Conflict(ConflictCode.TEAM_INCOMPLETE, vid, team_id=team_id))

    others = [v for v in visits if v.visit_id != vid]
    same_day_team = sum(1 for v in others if v.team_id == team_id and v.start.date() == day)
    if same_day_team >= team.max_per_day:
        conflicts.append(Conflict(ConflictCode.TEAM_DAY_FULL, vid, team_id=team_id))
    member_ids = set(team.staff_ids)
    rival_groups = {g for pair in rivals if pair & moved.group_ids for g in pair - moved.group_ids}
    for other in sorted(others, key=lambda v: (v.start, v.visit_id)):
        if other.person_id == moved.person_id and other.start.date() == day:
            conflicts.append(
                Conflict(ConflictCode.PERSON_SAME_DAY, vid, other_visit_id=other.visit_id)
            )
        overlaps = other.start < moved.end and moved.start < other.end
        other_team = team_by_id.get(other.team_id)
        if overlaps and other_team is not None:
            for staff_id in sorted(member_ids & set(other_team.staff_ids)):
                conflicts.append(
                    Conflict(
                        ConflictCode.STAFF_DOUBLE_BOOKED,
                        vid,
                        other_visit_id=other.visit_id,
                        staff_id=staff_id,
                    )
                )
        if rival_groups & other.group_ids and _same_team_slot(moved, other, slots):
            conflicts.append(
                Conflict(ConflictCode.RIVAL_IN_TEAM_SLOT, vid, other_visit_id=other.visit_id)
            )
    return conflicts
