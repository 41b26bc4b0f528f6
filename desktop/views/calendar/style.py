"""Colours, status marks and words shared by the calendar views."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from desktop.services.planning.conflicts import ConflictCode
from desktop.services.planning.rows import VisitStatus
from desktop.services.vocabulary import VISIT_STATUS_WORDS, VISIT_WORDS_CONTEXT

# Okabe-Ito: distinguishable with the common colour-vision deficiencies. Status
# is never shown by colour alone: each status also has a symbol and a word.
TEAM_COLOURS = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#7F7F7F",
)

HOLIDAY_FILL = QColor("#FBE3E1")
WEEKEND_FILL = QColor("#F2F2F2")
OUTSIDE_FILL = QColor("#FAFAFA")
TODAY_EDGE = QColor("#C62828")
CURSOR_EDGE = QColor("#1A237E")
GRID_LINE = QColor("#D0D0D0")
TEXT = QColor("#202020")
MUTED_TEXT = QColor("#8A8A8A")
CONFLICT = QColor("#B00020")
# Issue 20: a visit made in response to an incident. Purple is neither a team colour
# nor the conflict red; the mark is also a symbol and a word, never colour alone.
URGENT = QColor("#6A1B9A")
URGENT_SYMBOL = "‼"

STATUS_SYMBOLS = {
    VisitStatus.PROPOSED: "?",
    VisitStatus.PLANNED: "○",
    VisitStatus.MET: "✓",
    VisitStatus.NOT_HOME: "⌂",
    VisitStatus.REFUSED: "✗",
    VisitStatus.MOVED: "→",
    VisitStatus.FAMILY_ONLY: "◐",
    VisitStatus.CANCELLED: "⊘",
}
CONFLICT_SYMBOL = "⚠"


def team_colour(index: int) -> QColor:
    return QColor(TEAM_COLOURS[index % len(TEAM_COLOURS)])


def team_fill(index: int) -> QColor:
    """A light tint of the team colour that dark text stays readable on."""
    colour = team_colour(index)
    return QColor.fromRgbF(
        0.72 + 0.28 * colour.redF(), 0.72 + 0.28 * colour.greenF(), 0.72 + 0.28 * colour.blueF()
    )


def _tr(text: str) -> str:
    return QCoreApplication.translate("CalendarWords", text)


def urgent_text() -> str:
    """The word for an urgent visit (a response to an incident, issue 20)."""
    return _tr("Brådskande: respons på en händelse")


def status_text(status: VisitStatus) -> str:
    """The status's one word (issue 17), as the outcome dialog and the paper form say it."""
    return QCoreApplication.translate(VISIT_WORDS_CONTEXT, VISIT_STATUS_WORDS[status])


def conflict_text(code: ConflictCode) -> str:
    words = {
        ConflictCode.STAFF_DOUBLE_BOOKED: _tr("En medarbetare är dubbelbokad."),
        ConflictCode.STAFF_ABSENT: _tr("En medarbetare är frånvarande den dagen."),
        ConflictCode.TEAM_INCOMPLETE: _tr("Teamet saknar polis eller socialtjänst."),
        ConflictCode.OUTSIDE_WORKING_HOURS: _tr("Tiden ligger utanför arbetstiden."),
        ConflictCode.HOLIDAY: _tr("Dagen är en helgdag."),
        ConflictCode.PERSON_SAME_DAY: _tr("Personen har redan ett besök den dagen."),
        ConflictCode.RIVAL_IN_TEAM_SLOT: _tr(
            "En person ur en rivaliserande grupp besöks av samma team samma halvdag."
        ),
        ConflictCode.TEAM_DAY_FULL: _tr("Teamet har redan fullt antal besök den dagen."),
        ConflictCode.UNKNOWN_TEAM: _tr("Teamet finns inte."),
    }
    return words[code]
