"""The harness itself: log in by typing, search by typing, read the result off the screen."""

from __future__ import annotations

from desktop.services.demo import DEMO_PASSWORD
from tests.e2e.harness import load, wait_for


def test_coordinator_finds_a_person_by_typing_the_name(launch, demo_db):
    app = launch("--db", str(demo_db.path), "--lang", "sv")
    app.log_in("samordnare.polis", DEMO_PASSWORD)
    app.wait_text("Inloggad: Karin Lindqvist")
    # The persons page opens first; Ctrl+F puts the focus in its search box.
    app.key("ctrl+f")
    app.wait_focus(lambda f: f["class"] == "QLineEdit", "the search box")
    # Typed with its accent: search without accents ("delic") is issue 18's bug.
    app.type("Delić")
    app.wait_focus(lambda f: f["texts"] == ["Delić"], "the search box holding 'Delić'")
    rows = wait_for(
        "a search result starting with Delić",
        lambda: [t for t in app.texts() if t.startswith("Delić, ")],
    )
    assert all("Delić" in row for row in rows)
    assert "Abboud, Ali" not in app.texts()  # the list was filtered, not just scrolled
    shot = load(app.screenshot("search-delic"))
    # Text was drawn: the window is not a blank or black surface.
    assert len(shot.getcolors(maxcolors=1 << 20) or []) > 20
