"""Screens of the Händelser page for ``rondplan screenshot`` (issue 20): the register
with the newest incident open, the week-by-district grid with a cell chosen, and the
response dialog showing the newest incident's response (read, never proposed: a
screenshot changes nothing in the file)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from desktop.services.bundle import Services
from desktop.views.changes_hub import ChangesHub
from desktop.views.incidents.page import IncidentsWorkspace, team_choices

WEEKS_TAB = 1
#: How many of the newest incidents the register's screen looks through.
NEWEST = 10


def _workspace(services: Services) -> IncidentsWorkspace:
    page = IncidentsWorkspace(
        services.incidents, services.mapping, services.operations, ChangesHub()
    )
    page.resize(1280, 800)
    page.register.reload()
    return page


def incidents(services: Services) -> QWidget:
    """The register with the newest of the last incidents whose persons the user may
    see open beside it (else the newest)."""
    page = _workspace(services)
    rows = page.register.model.rows()
    register = services.incidents.register
    shown = next((r.id for r in rows[:NEWEST] if register.get(r.id).persons), None)
    if shown is None and rows:
        shown = rows[0].id
    page.register.select(shown)
    return page


def incident_weeks(services: Services) -> QWidget:
    page = _workspace(services)
    page.tabs.setCurrentIndex(WEEKS_TAB)
    weeks = page.weeks
    model = weeks.model
    # The busiest district of the newest week with a response, so the list beside the
    # grid shows the operations that responded.
    chosen = None
    for column in reversed(range(model.columnCount())):
        cells = [(r, model.cell(r, column)) for r in range(model.rowCount())]
        answered = [(c.incidents, r) for r, c in cells if c is not None and c.operations]
        if answered:
            chosen = (max(answered)[1], column)
            break
    if chosen is not None:
        weeks.grid.setCurrentIndex(model.index(*chosen))
    return page


def incident_response(services: Services) -> QWidget:
    from desktop.views.incidents.labels import kind_label
    from desktop.views.incidents.response_dialog import ResponseDialog

    responses = services.incidents.responses
    register = services.incidents.register
    shown = None
    for row in register.rows():
        found = responses.responses(row.id)
        if found:
            shown = (register.get(row.id), found[0])
            break
    operations = services.operations
    teams, chosen = team_choices(
        operations.visits.calendar_teams(), operations.operations.rows(), dt.date.today()
    )
    if shown is None:
        dialog = ResponseDialog(responses, 0, "", "", teams, chosen_teams=chosen)
    else:
        detail, response = shown
        dialog = ResponseDialog(
            responses,
            detail.id,
            detail.reference,
            f"{kind_label(detail.kind)} {detail.reference}",
            teams,
            chosen_teams=chosen,
            waiting=responses.proposal(response.id),
        )
    dialog.resize(1180, 780)
    return dialog


SCREENS = {
    "incidents": incidents,
    "incident-weeks": incident_weeks,
    "incident-response": incident_response,
}
