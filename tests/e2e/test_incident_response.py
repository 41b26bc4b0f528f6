"""Violence and the response to it in the real app (issue 20).

A coordinator registers a shooting from the keyboard, plans the response from it (the
urgent round to the involved group's members, accepted part by part), prints the
round's briefing packet, records the outcome of an urgent visit, and sees the
evaluation figures on the dashboard change: one more incident, one more group-involved
shooting, one more urgent visit attempted. Urgent visits carry their mark (‼) in the
visit list.
"""

from __future__ import annotations

import re

from pypdf import PdfReader

from desktop.services.demo import DEMO_PASSWORD
from tests.e2e.harness import load, wait_for

REFERENCE = "5000-K4711-26"
IN_ADVANCE = "Registreras i förväg (besöket har inte ägt rum än)"


def _count(app) -> int | None:
    """The register's count line, "N händelser"."""
    found = [int(t.split()[0]) for t in app.texts() if re.fullmatch(r"\d+ händelser", t)]
    return found[0] if found else None  # 0 is a count: callers compare with None


def _windows(app) -> list[str]:
    return [w["title"] for w in app.probe()["windows"]]


def _tile(app, label: str) -> int:
    """The number on a key figure tile: shown as value, "i" (its definition), label."""
    texts = app.texts()
    at = next(i for i, t in enumerate(texts) if t == label and texts[i - 1] == "i")
    return int(texts[at - 2])


def _figures(app, widen: bool) -> dict[str, int]:
    """The dashboard's incident figures. ``widen``: the period's end a year on (the urgent
    round's visits lie after today), its year one up from the keyboard."""
    app.click_text("Statistik")
    app.wait_text("Beräknat på ", timeout=60)
    if widen:
        for _ in range(8):
            if app.probe()["focus"]["accessible"] == "Periodens slut":
                break
            app.key("Tab")
        app.wait_focus(lambda f: f["accessible"] == "Periodens slut", "the period's end")
        app.key("Up")  # the year: the first part of the date, chosen by Tab
        app.settle(1.0)  # the figures follow the filters after a pause
        app.wait_text("Beräknat på ", timeout=60)
    app.click_text("Våld och respons")
    labels = ("Händelser", "Gruppkopplade skjutningar", "Akuta besök, försökta")
    return wait_for("the incident figures", lambda: _numbers(app, labels), timeout=60)


def _numbers(app, labels: tuple[str, ...]) -> dict[str, int] | None:
    """The tiles' numbers once computed: the tab computes them when it is opened, and
    until then shows "–" (first look) or the figures before (the status says "Räknar …")."""
    texts = app.texts()
    if "Akuta besök, försökta" not in texts or "Räknar …" in texts:
        return None
    try:
        return {label: _tile(app, label) for label in labels}
    except ValueError:
        return None


def test_a_shooting_the_response_round_its_packet_an_outcome_and_the_figures(
    launch, demo_db, tmp_path
):
    app = launch("--db", str(demo_db.path), "--lang", "sv")
    app.log_in("samordnare.polis", DEMO_PASSWORD)
    app.wait_text("Inloggad: Karin Lindqvist")
    before = _figures(app, widen=True)

    # The shooting, from the keyboard: the focus starts in the type (Skottlossning).
    app.click_text("Händelser")
    listed = wait_for("the count", lambda: [c for c in [_count(app)] if c is not None])[0]
    app.click_text("Ny händelse…")
    app.wait_window("Ny händelse")
    app.wait_focus(lambda f: f["accessible"] == "Typ av händelse", "the incident's type")
    assert app.probe()["focus"]["texts"] == ["Skottlossning"]
    app.key("alt+o")
    app.type("Rosengård")
    app.key("alt+k")
    app.type("1")
    app.key("alt+r")
    app.type(REFERENCE)
    app.key("Return")  # Enter in a field saves nothing: the form stays
    assert "Ny händelse" in _windows(app)
    app.key("alt+v")  # the group: the first in the list, on the suspected side
    app.wait_focus(lambda f: f["accessible"] == "Gruppering att lägga till", "the group")
    group = app.probe()["focus"]["texts"][0]
    app.key("alt+l")
    app.wait_text("Misstänkt sida")
    app.screenshot("incident-form")
    app.key("ctrl+s")
    wait_for("the form closed", lambda: _windows(app) == ["Rondplan"])
    wait_for("one more in the register", lambda: _count(app) == listed + 1)
    app.wait_text(REFERENCE)
    assert "Skottlossning · " in " ".join(app.texts())
    app.screenshot("registered")

    # The response: proposed, then every part accepted; what it planned is said.
    app.click_text("Planera respons…")
    app.wait_window("Planera respons")
    app.wait_focus(lambda f: f["accessible"] == "Rundans första dag", "the round's first day")
    app.click_text("Föreslå")
    proposed = app.wait_text("besök föreslagna", timeout=90)[0]
    count = int(proposed.split(" ", 1)[0])
    assert count > 0, proposed
    assert f"Ökat fokus för {group}" in " ".join(app.texts())
    app.screenshot("proposal")
    app.click_text("Godkänn valda delar")
    done = app.wait_text("Godkänt: ", timeout=60)[0]
    planned = int(re.match(r"Godkänt: (\d+) akuta besök", done).group(1))
    assert 0 < planned <= count
    app.screenshot("accepted")
    app.click_text("Stäng")
    wait_for("the dialog closed", lambda: _windows(app) == ["Rondplan"])
    app.activate("^Rondplan$", expect_title="Rondplan")
    app.wait_text("Godkänt · ")  # the register's response column
    app.click_text("Respons")  # and the incident's response tab
    app.wait_text(f"{planned} planerade, 0 gjorda")

    # The round's packet: Ctrl+P, the urgent operation, every day, built and shown.
    app.key("ctrl+p")
    app.wait_window("Skriv ut genomgångsunderlag")
    app.key("alt+i")
    app.key("Home")  # the newest operation first: the round, from tomorrow
    app.wait_focus(
        lambda f: f["texts"][0].startswith(f"Akut: Skottlossning {REFERENCE}"), "the round"
    )
    app.click_text("Hela insatsen, dag för dag")
    app.click_text("Skapa underlag")
    pages = app.wait_text(" sidor", timeout=90)
    assert int(pages[0].rsplit("·", 1)[1].split()[0]) >= 1
    app.screenshot("packet")
    app.click_text("Spara som…")
    app.wait_window("Spara utskriften")
    app.wait_focus(lambda f: f["object"] == "fileNameEdit", "the file name")
    packet = tmp_path / "round.pdf"
    app.key("ctrl+a")
    app.type(str(packet))
    app.key("Return")
    wait_for("the saved packet", lambda: packet.exists() and packet.stat().st_size > 0)
    text = " ".join((page.extract_text() or "") for page in PdfReader(packet).pages)
    text = " ".join(text.split())
    assert "Våld som rör gruppen" in text  # the team reads why it goes
    assert "Skottlossning" in text
    app.click_text("Stäng")
    wait_for("the preview closed", lambda: "Spara som…" not in app.texts())
    app.click_text("Avbryt")
    wait_for("the packet dialog closed", lambda: _windows(app) == ["Rondplan"])
    app.activate("^Rondplan$", expect_title="Rondplan")

    # An outcome: the round's first visit, met, recorded ahead of its time.
    app.click_text("Insatser")
    # The newest operation, the round, comes first and is chosen: its name heads the page.
    round_name = f"Akut: Skottlossning {REFERENCE}"
    wait_for("the round chosen", lambda: app.texts().count(round_name) >= 2)
    app.click_text("Plan och utfall")
    app.wait_text("besök, varav")
    tab = next(t["at"] for t in app.probe()["targets"] if t["text"] == "Plan och utfall")
    app.click(tab[0], tab[1] + 133)
    app.wait_focus(lambda f: f["accessible"] == "Besök i insatsen", "the visit list")
    app.key("Home")
    row = app.probe()["focus"]["current_row"]
    assert row[-1].startswith("‼ ○"), row  # urgent and planned
    app.screenshot("urgent-visits")
    shot = load(app.screenshot("urgent-visits"))
    assert shot.size == (1600, 1000)
    app.key("Return")
    app.wait_window(f"Utfall – {row[3]}")
    app.wait_focus(lambda f: f["accessible"] == "Utfall", "the outcome")
    app.click_text("Du är inte misstänkt för brott")
    if IN_ADVANCE in [t["text"] for t in app.probe()["targets"]]:
        app.click_text(IN_ADVANCE)
    app.click_text("Spara")
    wait_for("the outcome dialog closed", lambda: _windows(app) == ["Rondplan"])

    # The figures: one more incident, one more group shooting, one more attempted visit.
    after = _figures(app, widen=False)
    app.screenshot("dashboard")
    assert after["Händelser"] == before["Händelser"] + 1
    assert after["Gruppkopplade skjutningar"] == before["Gruppkopplade skjutningar"] + 1
    assert after["Akuta besök, försökta"] == before["Akuta besök, försökta"] + 1
