from datetime import datetime, time

from desktop.services.planning.conflicts import ConflictCode, check_move
from desktop.services.planning.request import (
    Agency,
    ScheduledVisit,
    Staff,
    Team,
    rival_pairs,
    weekday_hours,
)

TEAMS = (Team(1, (1, 2)), Team(2, (3, 4)), Team(3, (1, 5)), Team(4, (6, 7)))
STAFF = (
    Staff(1, Agency.POLICE),
    Staff(2, Agency.SOCIAL),
    Staff(3, Agency.POLICE),
    Staff(4, Agency.SOCIAL, hours=weekday_hours(time(8), time(12))),
    Staff(5, Agency.SOCIAL),
    Staff(6, Agency.POLICE),
    Staff(7, Agency.POLICE),
)
MON = datetime(2026, 6, 15, 9)
VISIT = ScheduledVisit(1, 10, 1, MON, MON.replace(hour=10), frozenset({1}))


def codes(new_start, team=None, others=(), **kwargs):
    found = check_move(
        VISIT, new_start, team, visits=(VISIT, *others), teams=TEAMS, staff=STAFF, **kwargs
    )
    return [c.code for c in found]


def test_clean_move():
    assert codes(MON.replace(hour=13)) == []


def test_staff_double_booked_across_teams():
    other = ScheduledVisit(2, 11, 3, MON.replace(hour=13), MON.replace(hour=14))
    found = check_move(
        VISIT, MON.replace(hour=13, minute=30), None, visits=(other,), teams=TEAMS, staff=STAFF
    )
    assert [(c.code, c.staff_id, c.other_visit_id) for c in found] == [
        (ConflictCode.STAFF_DOUBLE_BOOKED, 1, 2)
    ]


def test_team_incomplete():
    assert ConflictCode.TEAM_INCOMPLETE in codes(MON, 4)


def test_outside_working_hours():
    assert codes(MON.replace(hour=14), 2) == [ConflictCode.OUTSIDE_WORKING_HOURS]
    assert ConflictCode.OUTSIDE_WORKING_HOURS in codes(datetime(2026, 6, 20, 10))


def test_holiday():
    found = codes(datetime(2026, 6, 19, 10), holidays={datetime(2026, 6, 19).date()})
    assert found == [ConflictCode.HOLIDAY]


def test_person_already_visited_that_day():
    other = ScheduledVisit(2, 10, 2, MON.replace(day=16, hour=8), MON.replace(day=16, hour=9))
    assert codes(MON.replace(day=16, hour=15), others=(other,)) == [ConflictCode.PERSON_SAME_DAY]


def test_rival_in_same_team_slot():
    rival = ScheduledVisit(3, 12, 1, MON.replace(hour=8), MON.replace(hour=9), frozenset({2}))
    rivals = rival_pairs([(1, 2)])
    assert codes(MON.replace(hour=10), others=(rival,), rivals=rivals) == [
        ConflictCode.RIVAL_IN_TEAM_SLOT
    ]
    assert codes(MON.replace(hour=13), others=(rival,), rivals=rivals) == []


def test_team_day_full_and_unknown_team():
    full = tuple(
        ScheduledVisit(
            20 + n, 30 + n, 2, MON.replace(day=17, hour=8 + n), MON.replace(day=17, hour=9 + n)
        )
        for n in range(4)
    )
    assert ConflictCode.TEAM_DAY_FULL in codes(MON.replace(day=17, hour=13), 2, others=full)
    assert codes(MON, 99) == [ConflictCode.UNKNOWN_TEAM]
