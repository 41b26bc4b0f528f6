"""A new user's first minutes, in the real app (issue 18).

`rondplan --demo` showed nothing for 15–27 s while it built the database; the first-run
wizard could not accept its own suggested path, and Enter on its first page left for
the server's login.
"""

from __future__ import annotations

from tests.e2e.harness import wait_for


def test_demo_shows_its_progress_while_the_database_is_built(launch):
    # The real Argon2id cost, as a new user meets it: the build takes seconds.
    app = launch("--demo", env={"RONDPLAN_TEST_KDF": "0"})
    app.wait_probe()
    wait_for(
        "the splash with its progress",
        lambda: "Demodatabasen byggs" in app.probe()["accessible_names"],
        timeout=20,
    )
    app.screenshot("splash")
    app.wait_text("Skapar demokontonas nycklar (", timeout=60)  # the progress moves on
    app.screenshot("splash-accounts")
    app.wait_text("Demodatabas (fiktiva uppgifter)", timeout=120)  # then the main window
    app.screenshot("main")
    assert "Demodatabasen byggs" not in app.probe()["accessible_names"]


def test_first_run_wizard_with_the_keyboard_and_its_own_suggestion(launch):
    app = launch("--lang", "sv")  # a new workstation: no database yet
    wizard = app.wait_window("Ny Rondplan-databas")
    app.wait_probe()
    app.focus_window(wizard)
    app.wait_text("Välkommen till Rondplan")
    app.key("Return")  # Next, not "Anslut till en server i stället…"
    app.wait_text("Var ska databasen ligga?")
    app.screenshot("suggested-path")
    app.key("Return")  # the suggestion as it is
    app.wait_text("Administratör")
    app.type("admin")
    app.key("Tab")
    app.type("ett långt lösenord 2026")
    app.key("Tab")
    app.type("ett långt lösenord 2026")
    app.key("Return")  # "Skapa databasen"
    app.wait_text("Återställningskod", timeout=60)
    app.screenshot("recovery-code")
