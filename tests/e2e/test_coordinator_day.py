"""A coordinator's morning with the keyboard and the mouse, in the real app (issue 18).

Each step was broken before: search found nothing typed without accents, the results
were eight Tabs away, Ctrl+F did nothing on a profile, the month calendar was empty
on first open, and a visit could not be moved without a mouse.
"""

from __future__ import annotations

from desktop.services.demo import DEMO_PASSWORD
from tests.e2e.harness import changed_share, load, wait_for


def _logged_in(launch, demo_db, lang: str = "sv"):
    app = launch("--db", str(demo_db.path), "--lang", lang)
    app.log_in("samordnare.polis", DEMO_PASSWORD)
    app.wait_text("Karin Lindqvist")
    return app


def test_search_without_accents_then_keyboard_to_a_profile_and_back(launch, demo_db):
    app = _logged_in(launch, demo_db)
    app.key("ctrl+f")
    app.wait_focus(lambda f: f["accessible"] == "Sök person", "the person search")
    app.type("delic")  # no ć on a Swedish keyboard
    rows = wait_for(
        "Delić found by 'delic'", lambda: [t for t in app.texts() if t.startswith("Delić, ")]
    )
    assert rows
    app.screenshot("found-by-delic")
    app.key("Tab")  # one Tab to the results
    app.wait_focus(lambda f: f["class"] == "PersonTableView", "the result list")
    app.key("Return")
    app.wait_text("Tillbaka")  # the profile, opened from the keyboard
    app.screenshot("profile")
    app.key("ctrl+f")  # from the profile, back to the search
    app.wait_focus(lambda f: f["accessible"] == "Sök person", "the person search again")
    app.screenshot("search-again")


def test_the_month_shows_its_visits_on_first_open(launch, demo_db):
    app = _logged_in(launch, demo_db)
    app.click_text("Kalender")
    app.wait_text("Månad")
    app.settle(1.0)
    first = load(app.screenshot("month-first-open"))
    # Another view and back: what the month showed before the fix only after this.
    app.click_text("Vecka")
    app.settle(0.5)
    app.click_text("Månad")
    app.click_text("Kalender")  # the focus back where it was (the chosen view marks it)
    app.settle(1.0)
    again = load(app.screenshot("month-again"))
    assert changed_share(first, again) < 0.002


def test_a_visit_moves_with_the_keyboard_and_undo_takes_it_back(launch, demo_db):
    app = _logged_in(launch, demo_db)
    app.click_text("Kalender")
    app.click_text("Vecka")  # the keyboard goes on in the week view
    view = app.wait_focus(lambda f: f["accessible"].startswith("Veckovy"), "the week view")
    # Right until the cursor's day has a visit (the view tells what is chosen).
    for _ in range(14):
        if "inget besök valt" not in view["accessible"]:
            break
        app.key("Right")
        view = app.probe()["focus"]
    _name, day, chosen = view["accessible"].split(" – ")
    assert chosen != "inget besök valt"
    app.screenshot("chosen")
    app.key("ctrl+Right")  # a day later, through the conflict check
    answer = app.probe()
    if answer["modal"] or len(answer["windows"]) > 1:  # a rule is broken: move anyway
        app.key("Return")
    moved = app.wait_focus(
        lambda f: f["accessible"].split(" – ")[1] != day, "the cursor on the next day"
    )
    assert moved["accessible"].split(" – ")[2] == chosen  # the same visit, moved
    before_undo = load(app.screenshot("moved"))
    app.key("ctrl+z")
    # Redo is offered (an enabled button): the move was undone; the visit is back.
    wait_for(
        "an enabled 'Gör om' button",
        lambda: any(t["text"] == "Gör om" for t in app.probe()["targets"]),
    )
    undone = load(app.screenshot("undone"))
    assert changed_share(before_undo, undone) > 0.001
