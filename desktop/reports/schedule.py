"""The operation schedule: one landscape week table per week, teams × weekdays."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table

from desktop.messages import Language, counted, words
from desktop.reports.canvas import Output, build_document
from desktop.reports.data_sheets import OperationScheduleData, ScheduleEntry
from desktop.reports.styles import (
    CELL,
    CELL_BOLD,
    H2,
    HEAD_CELL,
    ITALIC_NOTE,
    LABEL,
    LANDSCAPE,
    MARGIN_X,
    SMALL_INK,
    SUBTITLE,
    TINT,
    TITLE,
    esc,
    fmt_date,
    fmt_period,
    fmt_time_range,
    grid_table_style,
    weekday_name,
)

TEAM_COLUMN = 40 * mm


def render_operation_schedule(data: OperationScheduleData, out: Output) -> None:
    """Write an operation's schedule as landscape week tables.

    Weekends get a column only in weeks where something is planned on them,
    so that the weekday columns stay wide enough to read.
    """
    lang = data.lang
    title = words("paper.schedule", {}, lang)
    counts = (
        f"{counted(len(data.entries), 'paper.visits_counted', lang)}  ·  "
        f"{counted(len(data.teams), 'paper.teams_counted', lang)}"
    )
    story: list[Flowable] = [
        Paragraph(esc(title.upper()), LABEL),
        Paragraph(esc(data.operation_name), TITLE),
        Paragraph(
            esc(f"{fmt_period(data.period_start, data.period_end)}  ·  {counts}"),
            SUBTITLE,
        ),
    ]
    by_week: dict[date, list[ScheduleEntry]] = defaultdict(list)
    for entry in data.entries:
        day = entry.starts_at.date()
        by_week[day - timedelta(days=day.weekday())].append(entry)

    monday = data.period_start - timedelta(days=data.period_start.weekday())
    first = True
    while monday <= data.period_end:
        entries = by_week.get(monday, [])
        if not first:
            story.append(CondPageBreak(60 * mm))
        story.extend(_week_table(monday, entries, data))
        first = False
        monday += timedelta(days=7)
    if not data.entries:
        story.append(Paragraph(esc(words("paper.no_visits", {}, lang)), ITALIC_NOTE))
    build_document(story, out, meta=data.meta, title=title, pagesize=LANDSCAPE, lang=lang)


def _week_table(
    monday: date, entries: list[ScheduleEntry], data: OperationScheduleData
) -> list[Flowable]:
    weekend_used = any(e.starts_at.weekday() >= 5 for e in entries)
    days = [monday + timedelta(days=i) for i in range(7 if weekend_used else 5)]
    days = [d for d in days if data.period_start <= d <= data.period_end] or days
    width = LANDSCAPE[0] - 2 * MARGIN_X
    day_width = (width - TEAM_COLUMN) / len(days)

    cells: dict[tuple[str, date], list[ScheduleEntry]] = defaultdict(list)
    for entry in entries:
        cells[(entry.team, entry.starts_at.date())].append(entry)
    lang = data.lang
    header = [Paragraph("Team", HEAD_CELL)] + [
        Paragraph(f"{esc(weekday_name(d, lang).capitalize())}<br/>{fmt_date(d)}", HEAD_CELL)
        for d in days
    ]
    rows: list[list[object]] = [header]
    for index, team in enumerate(data.teams):
        members = data.team_members[index] if index < len(data.team_members) else ()
        row: list[object] = [
            [Paragraph(esc(team), CELL_BOLD)]
            + [Paragraph(esc(member), SMALL_INK) for member in members]
        ]
        for day in days:
            visits = sorted(cells.get((team, day), []), key=lambda e: e.starts_at)
            row.append([_entry_paragraph(e, lang) for e in visits] or "")
        rows.append(row)
    table = Table(rows, colWidths=[TEAM_COLUMN] + [day_width] * len(days), repeatRows=1)
    style = grid_table_style(zebra=False)
    style.add("LINEAFTER", (0, 1), (-2, -1), 0.4, TINT)
    style.add("BACKGROUND", (0, 1), (0, -1), TINT)
    table.setStyle(style)
    iso_week = monday.isocalendar().week
    week = words("paper.week", {"week": iso_week}, lang)
    return [Paragraph(esc(week), H2), table, Spacer(1, 4 * mm)]


def _entry_paragraph(entry: ScheduleEntry, lang: Language = "sv") -> Paragraph:
    text = f"<b>{fmt_time_range(entry.starts_at, entry.ends_at)}</b> {esc(entry.area)}"
    text += f"<br/>{esc(entry.person)}"
    if entry.status:
        text += f" <i>({esc(entry.status)})</i>"
    if entry.address_changed:
        text += f"<br/><b>{esc(words('paper.address_changed', {}, lang))}</b>"
    return Paragraph(text, SMALL_INK if len(entry.person) > 24 else CELL)
