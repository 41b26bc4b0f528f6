"""``rondplan check`` names every kind of planted violation, one Swedish line each (issue 17).

test_domain_check.py plants I1, I8 and I16; here one violation of each other invariant the
check covers is planted with raw SQL in a demo database (as a broken earlier version or an
insider's edit would leave it), on distinct visits and persons, and the real command must
name each with its code and ids. I7 (serial numbers unique) is kept by a unique index: it
cannot be planted.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from desktop.cli import main
from desktop.services.demo.accounts import DEMO_PASSWORD
from desktop.store.database import open_database


def _one(conn, sql: str) -> int:
    return int(conn.execute(text(sql)).scalar_one())


def _plant(path: Path) -> tuple[dict[str, str], int]:
    """Plant the violations; the text each one's line must hold, by code, and how many
    lines they make (each visit of the merged person, and of the one without an address,
    is named once)."""
    store = open_database(path).unlock("admin", DEMO_PASSWORD)
    used: list[int] = []

    def visit(conn, where: str) -> int:
        taken = ", ".join(str(v) for v in used) or "0"
        vid = _one(
            conn,
            f"SELECT min(v.id) FROM visit v WHERE {where} AND v.id NOT IN ({taken}) "
            f"AND v.person_id NOT IN (SELECT person_id FROM visit WHERE id IN ({taken}))",
        )
        used.append(vid)
        return vid

    try:
        with store.engine.begin() as conn:
            # I2: a visit that delivered the message without its delivery in the ledger.
            met = visit(
                conn,
                "v.status = 'met' AND v.support_accepted = false AND EXISTS "
                "(SELECT 1 FROM delivery d WHERE d.visit_id = v.id)",
            )
            conn.execute(text(f"DELETE FROM delivery WHERE visit_id = {met}"))
            # I3: an open follow-up task on a referral that has been completed.
            task, referral = conn.execute(
                text(
                    "SELECT t.id, t.referral_id FROM task t JOIN referral r ON r.id = "
                    "t.referral_id WHERE t.status = 'open' ORDER BY t.id LIMIT 1"
                )
            ).one()
            conn.execute(text(f"UPDATE referral SET status = 'completed' WHERE id = {referral}"))
            # I4: a referral from a visit whose outcome no longer says yes to support.
            accepted = visit(
                conn,
                "v.support_accepted = true AND EXISTS (SELECT 1 FROM referral r WHERE "
                "r.visit_id = v.id AND r.retracted_at IS NULL AND NOT EXISTS (SELECT 1 FROM "
                "task t WHERE t.referral_id = r.id AND t.status = 'open'))",
            )
            conn.execute(text(f"UPDATE visit SET support_accepted = false WHERE id = {accepted}"))
            # I5: a visit whose stored planning address is another person's.
            foreign = visit(conn, "v.address_id IS NOT NULL")
            other = _one(
                conn,
                "SELECT min(a.id) FROM address a WHERE a.person_id <> "
                f"(SELECT person_id FROM visit WHERE id = {foreign})",
            )
            conn.execute(text(f"UPDATE visit SET address_id = {other} WHERE id = {foreign}"))
            # I6: a planned visit of a person whose every address ended long before it.
            planned = visit(conn, "v.status = 'planned'")
            conn.execute(
                text(
                    "UPDATE address SET valid_from = '1999-01-01', valid_to = '2000-01-01' "
                    f"WHERE person_id = (SELECT person_id FROM visit WHERE id = {planned})"
                )
            )
            # I9: a visit of a person merged into another record.
            merged = visit(conn, "v.status = 'met'")
            keeper = _one(
                conn,
                "SELECT min(id) FROM person WHERE merged_into_id IS NULL AND id <> "
                f"(SELECT person_id FROM visit WHERE id = {merged})",
            )
            conn.execute(
                text(
                    f"UPDATE person SET merged_into_id = {keeper} "
                    f"WHERE id = (SELECT person_id FROM visit WHERE id = {merged})"
                )
            )
            lines = 4 + _one(
                conn,
                "SELECT count(*) FROM visit WHERE person_id = "
                f"(SELECT person_id FROM visit WHERE id = {merged})",
            )
            lines += _one(
                conn,
                "SELECT count(*) FROM visit WHERE status IN ('planned', 'proposed') AND "
                f"person_id = (SELECT person_id FROM visit WHERE id = {planned})",
            )
    finally:
        store.lock()
    return {
        "I2": f"Besök {met} framförde budskapet men saknar delgivning.",
        "I3": f"Uppgift {task} är öppen för en remiss {referral} som är avslutad.",
        "I4": f"kommer från besök {accepted}, vars utfall inte säger ja till stöd.",
        "I5": f"Besök {foreign} hos person",
        "I6": f"Besök {planned} ",
        "I9": f"Besök {merged} hör till en person som slagits ihop.",
    }, lines


def test_each_planted_violation_is_named_in_one_swedish_line(tmp_path, capsys, monkeypatch):
    path = tmp_path / "demo.db"
    assert main(["demo-data", "--db", str(path), "--persons", "60", "--seed", "5"]) == 0
    capsys.readouterr()
    expected, count = _plant(path)

    monkeypatch.setenv("RONDPLAN_PASSWORD", DEMO_PASSWORD)
    code = main(["check", "--db", str(path), "--user", "admin"])
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("domän")]

    assert code == 1
    assert all(line.startswith("domän: FEL – I") for line in lines), lines
    for invariant, words in expected.items():
        named = [line for line in lines if f"– {invariant}" in line and words in line]
        assert len(named) == 1, (invariant, words, lines)
    # Nothing else was broken by the planting: one line for each planted violation.
    assert len(lines) == count, "\n".join(lines)
