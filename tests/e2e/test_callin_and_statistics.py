"""A call-in's attendance and the statistics page, in the real app (issue 18).

The coordinator opens the call-in that was held, marks attendance with the shortcut
keys the page shows (D came, U stayed away) and sees the counts change; then opens the
statistics, reads the figures and clicks through one of them to the persons behind it.
"""

from __future__ import annotations

import re

from desktop.services.demo import DEMO_PASSWORD
from tests.e2e.harness import wait_for

COUNTS = re.compile(r"^(\d+) inbjudna, (\d+) deltog, (\d+) uteblev$")


def _counts(app) -> tuple[int, int, int]:
    found = [m for t in app.texts() if (m := COUNTS.match(t))]
    assert len(found) == 1, found
    invited, came, absent = (int(n) for n in found[0].groups())
    return invited, came, absent


def _target(app, text: str) -> list[int]:
    return next(t["at"] for t in app.probe()["targets"] if t["text"] == text)


def test_callin_attendance_marked_with_d_and_u_changes_the_counts(launch, demo_db):
    app = launch("--db", str(demo_db.path), "--lang", "sv")
    app.log_in("samordnare.polis", DEMO_PASSWORD)
    app.wait_text("Inloggad: Karin Lindqvist")
    app.click_text("Stormöten")
    app.wait_text("Snabbtangenter: D deltog, U uteblev")  # the page says which keys

    # The list of call-ins: its first row lies under the tab bar; the keyboard goes on.
    tab = _target(app, "Delgivningar")
    app.click(tab[0] - 109, tab[1] + 57)
    app.wait_focus(lambda f: f["accessible"] == "Stormöten", "the call-in list")
    for _ in range(5):  # to the call-in that was held
        if "Genomfört" in app.probe()["focus"]["current_row"]:
            break
        app.key("Down")
    held = app.probe()["focus"]["current_row"]
    assert "Genomfört" in held, held
    app.wait_text(held[1])  # its detail shows
    invited, came, absent = wait_for("the attendance counts", lambda: _counts(app))
    assert absent > 0
    app.screenshot("held-callin")

    # Into the invitation list (above the buttons), to the first who stayed away.
    invite = _target(app, "Bjud in…")
    app.click(invite[0] + 20, invite[1] - 301)
    app.wait_focus(lambda f: f["accessible"] == "Inbjudna och närvaro", "the invitations")
    app.key("Home")
    for _ in range(invited):
        if "Uteblev" in app.probe()["focus"]["current_row"]:
            break
        app.key("Down")
    row = app.probe()["focus"]["current_row"]
    assert "Uteblev" in row, row
    name = row[0]

    app.key("d")  # he came after all
    wait_for("the counts after D", lambda: _counts(app) == (invited, came + 1, absent - 1))
    app.screenshot("after-d")
    app.key("Up")  # the cursor moved on to the next; back to him
    assert app.probe()["focus"]["current_row"][0] == name
    assert "Deltog" in app.probe()["focus"]["current_row"]

    app.key("u")  # no, he stayed away: the counts are back
    wait_for("the counts after U", lambda: _counts(app) == (invited, came, absent))
    app.screenshot("after-u")
    assert [w["title"] for w in app.probe()["windows"]] == ["Rondplan"]  # no error shown


def test_statistics_figures_and_the_persons_behind_one(launch, demo_db):
    app = launch("--db", str(demo_db.path), "--lang", "sv")
    app.log_in("samordnare.polis", DEMO_PASSWORD)
    app.wait_text("Inloggad: Karin Lindqvist")
    app.click_text("Statistik")
    app.wait_text("Beräknat på ", timeout=60)
    texts = app.texts()
    # Every figure shows a number over its label (the tile's accessible name).
    for label in ("Kartlagda personer", "Nådda personer", "Delgivningar", "Andel som deltog"):
        assert label in app.probe()["accessible_names"]
        value = texts[texts.index(label) - 2]  # the value, the "i" button, the label
        assert re.match(r"^\d", value), (label, value)
    mapped = int(texts[texts.index("Kartlagda personer") - 2])
    assert mapped == 200  # the demo's fictitious persons
    reached = int(texts[texts.index("Nådda personer") - 2])
    assert 0 < reached <= mapped
    app.screenshot("statistics")

    # Click the figure "Nådda personer": the persons behind it, as many as it says.
    info = [t["at"] for t in app.probe()["targets"] if t["text"] == "i"][1]
    app.click(info[0] - 120, info[1] + 25)
    app.wait_window("Nådda personer")
    app.wait_text(f"{reached} personer")
    app.screenshot("persons-behind")
    app.click_text("Stäng")
    wait_for(
        "the dialog closed", lambda: [w["title"] for w in app.probe()["windows"]] == ["Rondplan"]
    )
