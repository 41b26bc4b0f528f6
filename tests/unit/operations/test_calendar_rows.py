"""The calendar's rows are built without the dataclass's __init__ (issue 19): whole and
equal to the rows __init__ builds."""

from __future__ import annotations

import dataclasses
import datetime as dt

from desktop.services.operations.calendar_read import calendar_rows
from desktop.services.operations.queries import UNKNOWN_AREA
from desktop.services.planning.rows import CalendarVisit, VisitStatus

DAY = dt.datetime(2026, 3, 3, 9)
OFF = dt.date(2026, 3, 4)


def _row(vid, pid, start, status="planned", team=(7, "Norr", 2), sealed=None, **extra):
    tid, name, colour = team
    return (
        vid,
        pid,
        tid,
        start,
        start + dt.timedelta(hours=1),
        status,
        extra.get("op", 3),
        extra.get("version", 1),
        name,
        colour,
        extra.get("planned"),
        extra.get("incident"),
        "Anna",
        "Berg",
        extra.get("place"),
        extra.get("area"),
        sealed,
    )


def test_rows_are_whole_and_equal_to_rows_built_by_init():
    rows = [
        _row(1, 10, DAY, area="Söder", place=5, planned=5),
        _row(2, 10, DAY + dt.timedelta(hours=3), place=6, planned=5, area="Norr"),
        _row(3, 11, DAY, status="cancelled", team=(None, None, None)),
        _row(4, 12, dt.datetime.combine(OFF, dt.time(10)), incident=9, area="Väster"),
        _row(5, 13, DAY, status="met", sealed=b"x", place=8, area=None),
        _row(6, 11, DAY, status="not_home", version=4, op=None),
    ]
    got = calendar_rows(rows, {5: "Skyddat"}, {OFF: "Helgdag"})
    names = [f.name for f in dataclasses.fields(CalendarVisit)]
    assert all(list(vars(r)) == names for r in got)
    assert got == [
        CalendarVisit(
            1,
            "Anna Berg",
            7,
            "Norr",
            2,
            DAY,
            DAY + dt.timedelta(hours=1),
            VisitStatus.PLANNED,
            "Söder",
            True,
            3,
            1,
            False,
            None,
        ),
        CalendarVisit(
            2,
            "Anna Berg",
            7,
            "Norr",
            2,
            DAY + dt.timedelta(hours=3),
            DAY + dt.timedelta(hours=4),
            VisitStatus.PLANNED,
            "Norr",
            True,
            3,
            1,
            True,
            None,
        ),
        CalendarVisit(
            3,
            "Anna Berg",
            0,
            "",
            0,
            DAY,
            DAY + dt.timedelta(hours=1),
            VisitStatus.CANCELLED,
            UNKNOWN_AREA,
            False,
            3,
            1,
            False,
            None,
        ),
        CalendarVisit(
            4,
            "Anna Berg",
            7,
            "Norr",
            2,
            dt.datetime.combine(OFF, dt.time(10)),
            dt.datetime.combine(OFF, dt.time(11)),
            VisitStatus.PLANNED,
            "Väster",
            True,
            3,
            1,
            False,
            9,
        ),
        CalendarVisit(
            5,
            "Anna Berg",
            7,
            "Norr",
            2,
            DAY,
            DAY + dt.timedelta(hours=1),
            VisitStatus.MET,
            "Skyddat",
            False,
            3,
            1,
            False,
            None,
        ),
        CalendarVisit(
            6,
            "Anna Berg",
            7,
            "Norr",
            2,
            DAY,
            DAY + dt.timedelta(hours=1),
            VisitStatus.NOT_HOME,
            UNKNOWN_AREA,
            False,
            None,
            4,
            False,
            None,
        ),
    ]
    assert [hash(r) for r in got] == [hash(dataclasses.replace(r)) for r in got]
    assert got[3].urgent and not got[0].urgent
