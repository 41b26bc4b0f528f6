import datetime as dt

import pytest

from desktop.models import TaskStatus
from desktop.services.operations.rows import TaskScope
from desktop.views.followup.models import TaskTableModel
from desktop.views.followup.page import FollowUpPage

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

TODAY = dt.date(2026, 6, 17)


@pytest.fixture
def page(qtbot, field):
    f = field.services.followup
    f.create_task("Försenad", TODAY - dt.timedelta(days=3))
    f.create_task("Denna vecka", TODAY + dt.timedelta(days=2))
    f.create_task("Senare", TODAY + dt.timedelta(days=20))
    view = FollowUpPage(f, field.store.identity, today=TODAY)
    qtbot.addWidget(view)
    view.show()
    return view


def test_counts_overdue_first_and_mark_done(page, field):
    assert page.counts.text().startswith("3 öppna · 1 försenade · 1 ")
    assert page.model.rowCount() == 3
    assert page.model.data(page.model.index(0, 5)).startswith("⚠ Försenad 3")
    assert page.model.data(page.model.index(1, 5)) == "Denna vecka"
    page.view.selectRow(0)
    page.mark_done()
    assert page.model.rowCount() == 2
    assert page.counts.text().startswith("2 öppna · 0 försenade")
    page.include_done.setChecked(True)
    assert page.model.rowCount() == 3
    done = [
        r
        for r in field.services.followup.tasks(TaskScope.ALL, include_done=True)
        if r.status is TaskStatus.DONE
    ]
    assert [r.title for r in done] == ["Försenad"]


def test_scope_mine_and_team(page):
    page.scope.setCurrentIndex(page.scope.findData(TaskScope.TEAM))
    assert page.model.rowCount() == 0
    page.scope.setCurrentIndex(page.scope.findData(TaskScope.MINE))
    assert page.model.rowCount() == 3


def test_task_model(qtmodeltester, field):
    field.services.followup.create_task("Ring", TODAY)
    model = TaskTableModel(today=TODAY)
    model.set_rows(field.services.followup.tasks())
    qtmodeltester.check(model, force_py=True)
