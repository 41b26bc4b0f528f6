"""A coordinator's planning day in the real app (issue 18): a new operation typed into
its form (Ctrl+S saves), its targets, a two-agency team from the checkable staff list,
the planner, accept, and the team's iCalendar file, which names districts, not streets.
"""

from __future__ import annotations

import re

import sqlcipher3.dbapi2 as sqlcipher

from desktop.services.demo import DEMO_PASSWORD
from tests.e2e.harness import wait_for
from tests.e2e.memory import unwrap_keys

NAME = "Vinterrundan E2E"
AREA = "Hermodsdal"


def _target(app, text: str) -> list[int]:
    return next(t["at"] for t in app.probe()["targets"] if t["text"] == text)


def _windows(app) -> list[str]:
    return [w["title"] for w in app.probe()["windows"]]


def _add_all(app) -> str | None:
    """The "Lägg till alla N" button once it counts the chosen district only."""
    for found in app.probe()["targets"]:
        if found["text"].startswith("Lägg till alla") and found["text"] != "Lägg till alla 175":
            return str(found["text"])
    return None


def _streets(demo_db) -> set[str]:
    """Every street in the file, read with the data key as the file's owner could."""
    key, _ = unwrap_keys(demo_db.path.with_name("demo.db.keys"), demo_db.recovery_code)
    conn = sqlcipher.connect(str(demo_db.path))
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        rows = conn.execute("SELECT street FROM address WHERE street != ''").fetchall()
    finally:
        conn.close()
    return {row[0] for row in rows}


def test_create_operation_compose_a_team_plan_accept_and_export_icalendar(
    launch, demo_db, tmp_path
):
    app = launch("--db", str(demo_db.path), "--lang", "sv")
    app.log_in("samordnare.polis", DEMO_PASSWORD)
    app.wait_text("Inloggad: Karin Lindqvist")

    # A new operation from the keyboard: the focus starts in the name, Ctrl+S saves.
    app.click_text("Insatser")
    app.click_text("Ny insats…")
    app.wait_window("Ny insats")
    app.wait_focus(lambda f: f["accessible"] == "Namn", "the operation's name")
    app.type(NAME)
    app.screenshot("new-operation")
    app.key("ctrl+s")
    wait_for(
        "the form closed", lambda: [w["title"] for w in app.probe()["windows"]] == ["Rondplan"]
    )
    app.wait_text(" · Utkast")
    assert NAME in app.texts()

    # Targets: the active persons of one district, all of them.
    app.click_text(AREA)  # the row in the checkable district list, then Space checks it
    app.wait_focus(lambda f: f["current_row"] == [AREA], f"the district {AREA}")
    app.key("space")
    add_all = wait_for("the count for the district", lambda: _add_all(app))
    targets = int(add_all.rsplit(" ", 1)[1])
    assert 0 < targets < 40
    app.click_text(add_all)
    app.wait_text(f"Målpersoner: {targets}")

    # A team of two agencies, checked in the staff list with the keyboard.
    app.click_text("Team")
    app.wait_text("⚠ Saknar polisen, socialtjänsten")  # an empty team is warned about
    police = next(t["text"] for t in app.probe()["targets"] if t["text"].endswith(" — Polisen"))
    app.click_text(police)
    app.wait_focus(lambda f: f["current_row"] == [police], "the police officer's row")
    app.key("space")
    for _ in range(60):
        row = app.probe()["focus"]["current_row"]
        if row and row[0].endswith(" — Socialtjänsten"):
            break
        app.key("Down")
    social = app.probe()["focus"]["current_row"][0]
    assert social.endswith(" — Socialtjänsten")
    app.key("space")
    wait_for("the warning gone", lambda: not any(t.startswith("⚠ Saknar") for t in app.texts()))
    app.screenshot("team-composed")
    app.click_text("Spara team")
    app.wait_text("Två myndigheter")
    names = (police.split(" — ")[0], social.split(" — ")[0])
    assert any(all(n in t for n in names) for t in app.texts())  # the team's members

    # Plan, look, accept.
    app.click_text("Plan och utfall")
    app.wait_text("0 besök, varav 0 förslag.")  # a new operation says nothing of another
    app.click_text("Föreslå plan")
    done = app.wait_text("besök föreslogs", timeout=90)[0]
    proposed = int(done.split(" ", 1)[0])
    assert proposed == targets, done  # one visit per target, none left over
    assert ", 0 kunde inte planeras" in done
    app.screenshot("proposal")
    app.click_text("Godkänn förslaget")
    app.wait_text(f"{proposed} besök godkändes.")
    shown = app.texts()
    persons = {
        shown[i + 1] for i, t in enumerate(shown[:-1]) if t == "Team 1" and i + 2 < len(shown)
    }
    persons.discard("")
    app.screenshot("accepted")

    # The team's calendar as iCalendar, from the calendar page with the team chosen.
    app.click_text("Kalender")
    app.click_text("Lista")
    lista = _target(app, "Lista")
    app.click(lista[0] + 374, lista[1])  # the team filter, right of the operation filter
    app.key("Escape")  # the list that opened closes; the keyboard chooses
    app.wait_focus(lambda f: f["accessible"] == "Filtrera på team", "the team filter")
    team = f"Team 1 · {NAME}"
    for _ in range(15):
        if app.probe()["focus"]["texts"] == [team]:
            break
        app.key("Down")
    assert app.probe()["focus"]["texts"] == [team]
    app.click_text("Exportera iCalendar…")
    app.wait_window("Exportera kalender")
    app.wait_focus(lambda f: f["object"] == "fileNameEdit", "the file name")
    ics = tmp_path / "team.ics"
    app.key("ctrl+a")
    app.type(str(ics))
    app.key("Return")
    wait_for("the .ics file", lambda: ics.exists() and ics.stat().st_size > 0)
    app.screenshot("exported")

    text = ics.read_text(encoding="utf-8")
    events = text.count("BEGIN:VEVENT")
    assert 1 <= events <= proposed
    summaries = re.findall(r"^SUMMARY:(.*)$", text, flags=re.M)
    assert summaries and all(s.strip().endswith(AREA) for s in summaries), summaries
    assert "LOCATION" not in text
    unfolded = text.replace("\r\n ", "").replace("\n ", "")
    streets = _streets(demo_db)
    assert len(streets) > 100 and persons  # the checks below check something
    for street in streets:
        assert street not in unfolded, street
        assert street.rsplit(" ", 1)[0] not in unfolded, street  # not even the name
    for person in persons:
        assert person not in unfolded, person
