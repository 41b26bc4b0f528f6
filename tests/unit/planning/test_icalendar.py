from datetime import UTC, datetime

from desktop.services.planning.icalendar import ExportVisit, escape_text, fold, team_calendar

STAMP = datetime(2026, 6, 1, 12, tzinfo=UTC)
VISITS = (
    ExportVisit(
        7, datetime(2026, 6, 15, 9), datetime(2026, 6, 15, 10), "Rosengård", "Ystadvägen 1"
    ),
    ExportVisit(
        8,
        datetime(2026, 6, 15, 13),
        datetime(2026, 6, 15, 14),
        "Hyllie",
        "Hemlig gata 2",
        protected_identity=True,
    ),
)


def _text():
    return team_calendar(VISITS, calendar_name="Team 1, insats juni", stamp=STAMP)


def test_structure_and_privacy():
    text = _text()
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert text.count("BEGIN:VEVENT") == 2
    assert text.count("CLASS:CONFIDENTIAL") == 2
    assert "UID:visit-7@rondplan" in text and "UID:visit-8@rondplan" in text
    assert "TZID:Europe/Stockholm\r\n" in text
    assert "DTSTART;TZID=Europe/Stockholm:20260615T090000" in text
    assert "SUMMARY:Hembesök Rosengård" in text
    assert "LOCATION:Ystadvägen 1" in text
    assert "Hemlig" not in text  # no location for a protected identity
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_stable_across_runs():
    assert _text() == _text()


def test_long_calendar_name_is_folded_and_escaped():
    text = team_calendar((), calendar_name="Team Öst; insats, " + "å" * 60, stamp=STAMP)
    assert "X-WR-CALNAME:Team Öst\\; insats\\, " in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_folding_counts_octets():
    line = "SUMMARY:" + "å" * 80
    folded = fold(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode()) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert "".join(p[1:] if i else p for i, p in enumerate(parts)) == line


def test_escaping():
    assert escape_text("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne"


def test_protected_identity_area_is_never_exported():
    """A protected person's district is itself a clue: SUMMARY shows the protected label."""
    text = _text()
    assert "Hyllie" not in text
    assert "SUMMARY:Hembesök Skyddad adress" in text
