"""A team's schedule as iCalendar text (RFC 5545), without personal data.

Phones and shared calendars are outside the agencies' secrecy, so an event
carries only an id-based UID, the times, "Hembesök" and the area; never a name
or personal number, and for a protected identity neither LOCATION nor the area
(the briefing's protected label instead: a district narrows an address down).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from desktop.services.protected import PROTECTED_AREA

_CRLF = "\r\n"
_FOLD_OCTETS = 75

# Sweden's rules since 1996 (EU summer time): the zone spelled out so calendar
# programs need no tz database of their own.
_VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Stockholm",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)


@dataclass(frozen=True)
class ExportVisit:
    """What an exported event may carry. There is deliberately no name field.

    Attributes:
        visit_id: Stable id; becomes the UID.
        start: Local (Europe/Stockholm) naive start.
        end: Local naive end.
        area: District shown in the summary.
        location: Address or meeting point; dropped for protected identities.
        protected_identity: The person's address must not leak.
        cancelled: Export as STATUS:CANCELLED so calendars remove it.
        sequence: Revision counter, raised on each move.
    """

    visit_id: int
    start: datetime
    end: datetime
    area: str
    location: str | None = None
    protected_identity: bool = False
    cancelled: bool = False
    sequence: int = 0


def escape_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 3.3.11)."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character."""
    out: list[str] = []
    current = ""
    size = 0
    limit = _FOLD_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, _FOLD_OCTETS
        current += char
        size += width
    out.append(current)
    return _CRLF.join(out)


def _local(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def visit_uid(visit_id: int) -> str:
    return f"visit-{visit_id}@rondplan"


def team_calendar(
    visits: Iterable[ExportVisit],
    *,
    calendar_name: str,
    stamp: datetime | None = None,
    summary_label: str = "Hembesök",
) -> str:
    """The iCalendar document for one team's visits.

    Args:
        visits: The team's visits.
        calendar_name: X-WR-CALNAME, e.g. the team and operation (no names of persons).
        stamp: DTSTAMP for every event (UTC); now by default. Pass one for
            byte-identical exports.
        summary_label: Word before the area in SUMMARY.

    Returns:
        The text with CRLF line endings, folded at 75 octets.
    """
    moment = (stamp or datetime.now(UTC)).astimezone(UTC)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Rondplan//Rondplan//SV",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(calendar_name)}",
        "X-WR-TIMEZONE:Europe/Stockholm",
        *_VTIMEZONE,
    ]
    for visit in sorted(visits, key=lambda v: (v.start, v.visit_id)):
        area = PROTECTED_AREA if visit.protected_identity else visit.area
        lines += [
            "BEGIN:VEVENT",
            f"UID:{visit_uid(visit.visit_id)}",
            f"DTSTAMP:{moment.strftime('%Y%m%dT%H%M%SZ')}",
            f"DTSTART;TZID=Europe/Stockholm:{_local(visit.start)}",
            f"DTEND;TZID=Europe/Stockholm:{_local(visit.end)}",
            f"SEQUENCE:{visit.sequence}",
            f"SUMMARY:{escape_text(f'{summary_label} {area}'.strip())}",
            "CLASS:CONFIDENTIAL",
            "TRANSP:OPAQUE",
            f"STATUS:{'CANCELLED' if visit.cancelled else 'CONFIRMED'}",
        ]
        if visit.location and not visit.protected_identity:
            lines.append(f"LOCATION:{escape_text(visit.location)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + _CRLF for line in lines)
