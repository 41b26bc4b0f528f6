"""A team lead's day in the real app (issue 18): the morning's briefing packet, an
outcome after the visit, and (the coordinator's part) a new visit after "not home".

The team lead prints the day's packet with the protected addresses, which asks for the
password again, and saves the PDF from the preview; records what happened at the door
of the day's first visit; the coordinator then has a new visit suggested for a visit
nobody answered.
"""

from __future__ import annotations

from pypdf import PdfReader

from desktop.services.demo import DEMO_PASSWORD
from tests.e2e.harness import wait_for

PROTECTED = "Ta med adresser till personer med skyddad identitet"
IN_ADVANCE = "Registreras i förväg (besöket har inte ägt rum än)"


def _plan_tab(app) -> None:
    app.click_text("Insatser")
    app.click_text("Plan och utfall")
    app.wait_text("besök, varav")


def _choose_row(app, status: str) -> list[str]:
    """Walk the plan's visit list with the keyboard to the first row whose status
    starts with ``status`` (the status column's symbol: ○ planned, ⌂ not home)."""
    # Click the list's first row: it lies below the tab bar, the buttons and the summary.
    tab = next(t["at"] for t in app.probe()["targets"] if t["text"] == "Plan och utfall")
    app.click(tab[0], tab[1] + 133)
    app.wait_focus(lambda f: f["accessible"] == "Besök i insatsen", "the visit list")
    app.key("Home")
    for _ in range(60):
        row = app.probe()["focus"]["current_row"]
        if row and row[-1].startswith(status):
            return row
        app.key("Down")
    raise AssertionError(f"no visit with status {status!r} in the plan")


def test_team_lead_prints_the_days_packet_and_records_an_outcome(launch, demo_db, tmp_path):
    app = launch("--db", str(demo_db.path), "--lang", "sv")
    app.log_in("teamledare.polis", DEMO_PASSWORD)
    app.wait_text("Inloggad: Emir Hodžić")

    # Morning: Ctrl+P, the day's packet for the team, protected addresses included.
    app.key("ctrl+p")
    app.wait_window("Skriv ut genomgångsunderlag")
    app.wait_text("Skapa underlag")
    app.click_text(PROTECTED)
    app.wait_text("Varning: skyddade adresser skrivs ut")
    app.screenshot("briefing-dialog")
    app.click_text("Skapa underlag")
    app.wait_text("Skyddade adresser kommer att skrivas ut. Fortsätta?")
    app.click_text("Ja")
    # The password again, typed into the dialog that asks for it.
    app.wait_window("Bekräfta med lösenord")
    app.wait_focus(lambda f: f["accessible"] == "Lösenord", "the password field")
    app.screenshot("password-again")
    app.type(DEMO_PASSWORD)
    app.key("Return")
    pages = app.wait_text(" sidor", timeout=60)  # "Utskrift nr RP-… · N sidor"
    app.screenshot("preview")
    shown_pages = int(pages[0].rsplit("·", 1)[1].split()[0])
    assert shown_pages >= 1
    app.click_text("Spara som…")
    app.wait_window("Spara utskriften")
    app.wait_focus(lambda f: f["object"] == "fileNameEdit", "the file name")
    target = tmp_path / "packet.pdf"
    app.key("ctrl+a")
    app.type(str(target))
    app.key("Return")
    wait_for("the saved PDF", lambda: target.exists() and target.stat().st_size > 0)
    reader = PdfReader(target)
    assert len(reader.pages) == shown_pages
    text = "".join(page.extract_text() or "" for page in reader.pages)
    assert "Team" in text
    app.click_text("Stäng")
    wait_for("the preview closed", lambda: "Spara som…" not in app.texts())
    app.click_text("Avbryt")
    wait_for(
        "the packet dialog closed",
        lambda: [w["title"] for w in app.probe()["windows"]] == ["Rondplan"],
    )
    app.activate("^Rondplan$", expect_title="Rondplan")  # no window manager gives it back

    # After the visit: the day's first planned visit gets its outcome.
    _plan_tab(app)
    row = _choose_row(app, "○")
    person = row[3]
    app.key("Return")  # Enter on a planned visit opens its outcome
    app.wait_window(f"Utfall – {person}")
    app.wait_focus(lambda f: f["accessible"] == "Utfall", "the outcome")
    app.click_text("Du är inte misstänkt för brott")
    if IN_ADVANCE in [t["text"] for t in app.probe()["targets"]]:
        # Run before the visit's hour: the dialog says so, and the lead confirms.
        app.click_text(IN_ADVANCE)
    app.screenshot("outcome")
    app.click_text("Spara")
    wait_for(
        "the outcome dialog closed",
        lambda: [w["title"] for w in app.probe()["windows"]] == ["Rondplan"],
    )
    app.settle(0.5)
    app.screenshot("outcome-saved")
    texts = app.texts()
    at = texts.index(person)
    assert texts[at + 2].startswith("✓"), texts[at - 3 : at + 3]  # met him


def test_coordinator_suggests_a_new_visit_after_not_home(launch, demo_db):
    # The coordinator may for any visit (Action.VISIT_REVISIT); a team lead only for his
    # own team's (tests/gui/operations/test_team_lead_revisit.py).
    app = launch("--db", str(demo_db.path), "--lang", "sv")
    app.log_in("samordnare.polis", DEMO_PASSWORD)
    app.wait_text("Inloggad: Karin Lindqvist")
    _plan_tab(app)
    row = _choose_row(app, "⌂")
    app.screenshot("not-home-chosen")
    app.click_text("Föreslå nytt besök")
    found = app.wait_text("Nytt besök föreslaget ")
    app.screenshot("revisit-suggested")
    # The suggestion is a proposal in the plan, later than the visit nobody answered:
    # the proposal can now be accepted (an enabled button) and the planner "runs again".
    when = found[0].removeprefix("Nytt besök föreslaget ").rstrip(".")
    assert when[:10] >= row[0][:10], (row, when)
    wait_for(
        "an enabled 'Godkänn förslaget'",
        lambda: "Godkänn förslaget" in [t["text"] for t in app.probe()["targets"]],
    )
    assert "Kör igen" in [t["text"] for t in app.probe()["targets"]]
