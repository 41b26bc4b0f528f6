"""The assembled application: role-dependent pages, every page opens, status bar."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from shiboken6 import isValid

from desktop.app import Session
from desktop.views.settings import Settings
from desktop.views.wiring import PAGES, visible
from tests.factories import fresh_with_users, login


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    fresh = fresh_with_users(tmp_path_factory.mktemp("app"))
    fresh.admin.lock()
    return fresh


def _session(qtbot, database, tmp_path, username):
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    session = Session(login(database.path, username), settings, "test.db")
    qtbot.addWidget(session.window)
    return session


def test_coordinator_sees_every_working_page_and_each_opens(qtbot, database, tmp_path):
    session = _session(qtbot, database, tmp_path, "coordinator_social")
    keys = session.window.page_keys()
    assert keys[:3] == ["persons", "groups", "operations"]
    assert "administration" not in keys
    session.window.show()
    for key in keys:
        session.window.show_page(key)
        assert session.window.current_page_key() == key
        assert session.window.page_widget(key) is not None
    session.close()


def test_input_is_watched_for_idleness_once_the_window_has_painted(qtbot, database, tmp_path):
    session = _session(qtbot, database, tmp_path, "coordinator_social")
    # Deferred: an application-wide Python event filter slows the first paint.
    assert not session.lock_controller._watching_input
    with qtbot.waitSignal(session.window.first_painted, timeout=5000):
        session.window.show()
    assert session.lock_controller._watching_input
    session.close()


def test_a_window_gone_without_close_leaves_no_idle_timer_to_lock(qtbot, database, tmp_path):
    """A session whose window is destroyed unclosed (a test that forgot close()) must not
    lock whatever windows are open five minutes later: the idle timer dies with it."""
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    session = Session(login(database.path, "coordinator_social"), settings, "test.db")
    with qtbot.waitSignal(session.window.first_painted, timeout=5000):
        session.window.show()
    idle = session.lock_controller._idle
    assert idle is not None and idle.is_active()
    session.window.close()
    session.window.deleteLater()
    qtbot.waitUntil(lambda: not isValid(idle), timeout=2000)
    session.lock_controller.dispose()  # safe after its idle watcher has gone
    session.store.lock()


def test_administrator_sees_administration_not_persons(qtbot, database, tmp_path):
    session = _session(qtbot, database, tmp_path, "admin")
    assert session.window.page_keys() == ["administration"]
    session.close()


def test_auditor_reaches_administration(qtbot, database, tmp_path):
    session = _session(qtbot, database, tmp_path, "auditor_social")
    assert "administration" in session.window.page_keys()
    assert "persons" not in session.window.page_keys()
    session.close()


def test_status_bar_names_user_role_and_agency(qtbot, database, tmp_path):
    session = _session(qtbot, database, tmp_path, "team_lead_police")
    status = session.status_info()
    assert status.role_label == "Teamledare"
    assert status.agency_label == "Polisen"
    assert status.database_label == "test.db"
    session.close()


def test_every_page_in_wiring_has_a_title_and_a_distinct_key():
    keys = [key for key, *_ in PAGES]
    assert len(keys) == len(set(keys)) == 10  # issue 20 added "incidents"


def test_role_changed_while_locked_rebuilds_pages_and_menus_at_unlock(qtbot, tmp_path):
    from desktop.models import Role
    from desktop.services.security import SecurityServices
    from tests.factories import PASSWORD

    fresh = fresh_with_users(tmp_path / "db")
    session = _session(qtbot, fresh, tmp_path, "officer_social")
    window = session.window
    window.show()
    qtbot.waitExposed(window)
    before = window.page_keys()
    assert "statistics" in before or "persons" in before
    assert "&Importera kartläggningslista…" not in [a.text() for a in window.file_actions()]
    window.show_page(before[0])
    old_page = window.page_widget(before[0])

    session.lock()
    admin = SecurityServices.build(fresh.admin)
    user = next(u for u in admin.users.list_users() if u.username == "officer_social")
    admin.users.change_role(user.id, Role.COORDINATOR)
    (asker,) = [o for o in session.lock_controller.overlays() if o.password is not None]
    asker.password.setText(PASSWORD)
    with qtbot.waitSignal(session.lock_controller.unlocked, timeout=10000):
        asker.password.returnPressed.emit()

    coordinator = [
        key for key, _m, _f, action, _i in PAGES if visible(Role.COORDINATOR, action, key)
    ]
    assert window.page_keys() == coordinator != before
    assert [a.text() for a in window._go_menu.actions()] == [
        window.page_actions[key].text() for key in coordinator
    ]
    texts = [a.text() for a in window.file_actions()]
    assert "&Importera kartläggningslista…" in texts and "&Exportera…" in texts
    assert [a.text() for a in window._file_menu.actions()][: len(texts)] == texts
    assert session.status_info().role_label == "Samordnare"
    # The page shown was built again for the new role, not kept from the old one.
    qtbot.waitUntil(lambda: not isValid(old_page), timeout=2000)
    assert window.current_page_key() in coordinator
    session.close()


def test_switching_language_translates_the_open_pages(qtbot, database, tmp_path):
    """Issue 18: open pages stayed Swedish until a restart, and under English the
    calendar's month, weekday and holiday names stayed Swedish."""
    import datetime as dt

    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from desktop.views.i18n import install_translators

    session = _session(qtbot, database, tmp_path, "coordinator_social")
    session.window.show()
    session.window.show_page("calendar")
    try:
        english = next(a for a in session.window._language_group.actions() if a.data() == "en")
        english.trigger()
        assert session.window.current_page_key() == "calendar"
        calendar = session.window.page_widget("calendar").calendar
        assert calendar.toolbar.today_button.text() == "Today"
        month = QLocale(QLocale.Language.English).standaloneMonthName(dt.date.today().month)
        assert month.lower() in calendar.toolbar.title.text().lower()
        christmas = calendar.canvases[calendar.mode()]
        christmas.set_anchor(dt.date(2026, 12, 24))
        assert christmas.holiday_name(dt.date(2026, 12, 24)) == "Christmas Eve"
    finally:
        install_translators(QApplication.instance(), "sv")
        QLocale.setDefault(QLocale.c())
        session.close()
