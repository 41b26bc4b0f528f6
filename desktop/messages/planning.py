"""Words for why the planner refuses a proposed visit on acceptance (issue 17), and the
one line naming the visit: code → (Swedish, English).

``refusal.<conflict>`` is a :class:`~desktop.services.planning.conflicts.ConflictCode`'s
value; the reason follows a colon, so it starts in lower case.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "refusal.line": (
        "{person} {start}: {reason}",
        "{person}, {start}: {reason}",
    ),
    "refusal.past": (
        "tiden har redan passerat.",
        "the time has already passed.",
    ),
    "refusal.staff_double_booked": (
        "en medarbetare är redan bokad på ett annat besök då.",
        "a staff member is already booked on another visit then.",
    ),
    "refusal.staff_absent": (
        "en medarbetare som behövs är frånvarande den dagen.",
        "a staff member who is needed is absent that day.",
    ),
    "refusal.outside_working_hours": (
        "tiden ligger utanför arbetstiden för en som behövs.",
        "the time is outside the working hours of someone who is needed.",
    ),
    "refusal.holiday": (
        "dagen är en helgdag.",
        "the day is a public holiday.",
    ),
    "refusal.person_same_day": (
        "personen har redan ett besök den dagen.",
        "the person already has a visit that day.",
    ),
    "refusal.rival_in_team_slot": (
        "en person ur en rivaliserande grupp besöks av samma team samma halvdag.",
        "a person from a rival group is visited by the same team in the same half-day.",
    ),
    "refusal.team_day_full": (
        "teamet har redan fullt antal besök den dagen.",
        "the team already has its full number of visits that day.",
    ),
    "refusal.team_incomplete": (
        "teamet är inte fulltaligt.",
        "the team is not complete.",
    ),
    "refusal.unknown_team": (
        "teamet finns inte längre.",
        "the team no longer exists.",
    ),
}
