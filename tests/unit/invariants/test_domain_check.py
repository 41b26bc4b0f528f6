"""``rondplan check`` has a domain section: the invariants of docs/invariants.md (issue 17).

On the demo database it reports none; on a database where violations are planted with
raw SQL (as a broken earlier version or an insider's edit would leave them) the core names
each as a code with its ids, and the command words each in one line: Swedish by default,
English under ``--lang en`` (issue 18).
"""

from __future__ import annotations

from sqlalchemy import text

from desktop.cli import main
from desktop.services.demo.accounts import DEMO_PASSWORD
from desktop.services.invariants import check_invariants
from desktop.store.database import open_database


def _demo(tmp_path, capsys):
    path = tmp_path / "demo.db"
    assert main(["demo-data", "--db", str(path), "--persons", "60", "--seed", "5"]) == 0
    capsys.readouterr()
    return path


def _check(path, capsys, monkeypatch, lang: str = "sv") -> tuple[int, list[str]]:
    monkeypatch.setenv("RONDPLAN_PASSWORD", DEMO_PASSWORD)
    code = main(["--lang", lang, "check", "--db", str(path), "--user", "admin"])
    out = capsys.readouterr().out
    part = "domain" if lang == "en" else "domän"
    return code, [line for line in out.splitlines() if line.startswith(part)]


def test_demo_database_reports_no_violation(tmp_path, capsys, monkeypatch):
    path = _demo(tmp_path, capsys)
    code, lines = _check(path, capsys, monkeypatch)
    assert lines == ["domän: OK – inga brott mot invarianterna (docs/invariants.md)"]
    assert code == 0
    # The whole report in English under --lang en (issue 18), one line per part.
    assert main(["--lang", "en", "check", "--db", str(path), "--user", "admin"]) == 0
    report = capsys.readouterr().out.splitlines()
    assert [line.split(": ", 1)[0] for line in report] == [
        "integrity",
        "encryption",
        "processing log",
        "domain",
    ]
    assert report[0] == "integrity: OK – the database file's structure is whole"
    assert report[3] == "domain: OK – no invariant is broken (docs/invariants.md)"
    assert not any(letter in "\n".join(report) for letter in "åäöÅÄÖ"), report


def test_planted_violations_are_named_one_line_each(tmp_path, capsys, monkeypatch):
    path = _demo(tmp_path, capsys)
    store = open_database(path).unlock("admin", DEMO_PASSWORD)
    try:
        with store.engine.begin() as conn:
            # A delivery left behind by an outcome corrected to "not at home".
            visit = conn.execute(
                text(
                    "SELECT v.id FROM visit v JOIN delivery d ON d.visit_id = v.id "
                    "WHERE d.channel = 'home_visit' LIMIT 1"
                )
            ).scalar_one()
            conn.execute(text(f"UPDATE visit SET status = 'not_home' WHERE id = {visit}"))
            # A group relation that ends before it starts.
            relation = conn.execute(text("SELECT id FROM group_relation LIMIT 1")).scalar_one()
            conn.execute(
                text(
                    "UPDATE group_relation SET since = '2026-05-01', until = '2026-01-01' "
                    f"WHERE id = {relation}"
                )
            )
            # A visit outside any response round marked urgent for an incident (I16).
            plain = conn.execute(
                text(f"SELECT id FROM visit WHERE incident_id IS NULL AND id <> {visit} LIMIT 1")
            ).scalar_one()
            conn.execute(
                text(
                    "UPDATE visit SET incident_id = (SELECT min(id) FROM incident) "
                    f"WHERE id = {plain}"
                )
            )
            # A victim's link written plain, as before migration 0019 (I17).
            conn.execute(
                text(
                    "INSERT INTO incident_person (incident_id, person_id, role, source, certainty) "
                    "SELECT min(id), (SELECT min(id) FROM person), 'victim', '', 'probable' "
                    "FROM incident"
                )
            )
            link = conn.execute(text("SELECT max(id) FROM incident_person")).scalar_one()
            incident = conn.execute(text("SELECT min(id) FROM incident")).scalar_one()
    finally:
        store.lock()
    # The core names each violation as a code with the ids involved (issue 18).
    store = open_database(path).unlock("admin", DEMO_PASSWORD)
    try:
        with store.read_session() as session:
            found = {v.code: (v.what, dict(v.params)) for v in check_invariants(session)}
    finally:
        store.lock()
    assert len(found) == 4, found
    assert found["I1"][0] == "invariant.delivery_without_visit"
    assert found["I1"][1]["visit"] == visit
    assert found["I8"] == ("invariant.relation_ends_early", {"id": relation})
    assert found["I16"][0] == "invariant.urgent_outside_response"
    assert found["I16"][1]["visit"] == plain
    assert found["I17"] == ("invariant.plain_incident_link", {"link": link, "incident": incident})

    # rondplan check words them, one line each: Swedish by default, English under --lang en.
    code, lines = _check(path, capsys, monkeypatch)
    assert code == 1
    assert f"domän: FEL – I8: Relation {relation} slutar innan den börjar." in lines
    assert all(line.startswith("domän: FEL – I") for line in lines)
    assert len(lines) == 4, lines
    code, lines = _check(path, capsys, monkeypatch, "en")
    assert code == 1
    assert f"domain: ERROR – I8: Relation {relation} ends before it begins." in lines, lines
    assert any(
        line.startswith(f"domain: ERROR – I16: Visit {plain} carries incident") for line in lines
    )
    assert f"domain: ERROR – I17: Link {link} of incident {incident} names a victim" in " ".join(
        lines
    )
    assert len(lines) == 4, lines
