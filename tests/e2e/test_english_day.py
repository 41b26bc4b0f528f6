"""The same day in English (issue 18): started with ``--lang en``, the login, the pages
and the calendar (month name, week label, weekday names) are English; switching the
language from the View menu re-translates the open page without a restart.
"""

from __future__ import annotations

import datetime as dt

from desktop.services.demo import DEMO_PASSWORD
from tests.e2e.harness import changed_share, load, wait_for

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
# The month view's weekday header (Mon … Sun), below the toolbar, across the grid.
HEADER_BAND = (220, 90, 1336, 110)


def _choose_language(app, down: int) -> None:
    """View menu → Language → the item ``down`` steps below the first (Svenska)."""
    app.activate("^Rondplan$", expect_title="Rondplan")
    app.key("alt+v")
    wait_for("the View menu", lambda: any(w["class"] == "QMenu" for w in app.probe()["windows"]))
    app.key("Right", *(["Down"] * down), "Return")
    wait_for(
        "the menu closed",
        lambda: [w["class"] for w in app.probe()["windows"]] == ["MainWindow"],
    )


def test_english_from_the_command_line_and_switched_while_a_page_is_open(launch, demo_db):
    app = launch("--db", str(demo_db.path), "--lang", "en")
    app.wait_window("Log in")
    app.wait_probe()
    assert {"&User name", "&Password", "Log in", "Cancel"} <= set(app.texts())
    app.log_in("samordnare.polis", DEMO_PASSWORD)
    app.wait_text("Logged in: Karin Lindqvist")
    texts = app.texts()
    for page in ("Persons", "Groups", "Operations", "Calendar", "Call-ins", "Statistics"):
        assert page in texts
    assert "Coordinator" in texts and "Police" in texts

    # The calendar's month: the month's English name, "wk", weekday names painted.
    app.click_text("Calendar")
    app.click_text("Month")
    month = MONTHS[dt.date.today().month - 1]
    period = app.wait_text(f"{month} {dt.date.today().year} · wk ")
    app.settle(0.5)
    english = load(app.screenshot("month-english"))
    app.click_text("Operations")
    app.wait_text("&New operation…")
    app.click_text("Calendar")
    app.wait_text(period[0])

    # Switch to Swedish from the View menu while the month is open: no restart.
    _choose_language(app, down=0)
    swedish_month = app.wait_text(" · v. ")
    assert swedish_month[0].split(" ", 1)[0] != month  # "december", not "December"
    texts = app.texts()
    assert {"Personer", "Insatser", "Kalender", "Stormöten", "Statistik"} <= set(texts)
    assert "Inloggad: Karin Lindqvist" in texts and "Calendar" not in texts
    app.settle(0.5)
    swedish = load(app.screenshot("month-swedish"))
    # The weekday names (mån … sön, painted) changed with the language.
    assert changed_share(english.crop(HEADER_BAND), swedish.crop(HEADER_BAND)) > 0.01

    # And back to English: the same month, painted as before.
    _choose_language(app, down=1)
    app.wait_text(period[0])
    assert "Logged in: Karin Lindqvist" in app.texts()
    app.settle(0.5)
    back = load(app.screenshot("month-english-again"))
    # Mon … Sun again (the window grew a little with the longer Swedish labels, so the
    # columns are not where they were: compared with the Swedish header instead).
    assert changed_share(swedish.crop(HEADER_BAND), back.crop(HEADER_BAND)) > 0.01


def test_an_error_reads_in_english(launch, demo_db):
    """Issue 18: the core raises a code (operation.name_missing); the form words it in
    the interface's language."""
    app = launch("--db", str(demo_db.path), "--lang", "en")
    app.log_in("samordnare.polis", DEMO_PASSWORD)
    app.wait_text("Logged in: Karin Lindqvist")
    app.click_text("Operations")
    app.click_text("New operation…")
    app.wait_window("New operation")
    app.wait_focus(lambda f: f["accessible"] == "Name", "the operation's name")
    before = set(app.texts())
    app.key("ctrl+s")  # no name: the form says what is missing
    shown = wait_for("a message in the form", lambda: set(app.texts()) - before)
    app.screenshot("error")
    assert "Ge insatsen ett namn." not in shown, shown
    assert "Give the operation a name." in shown, shown
