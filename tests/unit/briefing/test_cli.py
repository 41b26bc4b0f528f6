"""``rondplan briefing``: a PDF and exit 0; one Swedish line and exit 1 on a user error."""

from __future__ import annotations

from pypdf import PdfReader

from desktop.cli import main
from tests.factories import PASSWORD, database_args
from tests.unit.briefing.seed import CANARY, DAY


def test_briefing_command_writes_the_users_agency_copy(world, tmp_path, monkeypatch, capsys):
    fresh, seeded = world
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    out = tmp_path / "underlag.pdf"
    code = main(
        [
            "briefing",
            *database_args(fresh.path),
            "--user",
            "team_lead_social",
            "--operation",
            str(seeded.operation_id),
            "--team",
            str(seeded.team_id),
            "--date",
            DAY.isoformat(),
            "-o",
            str(out),
        ]
    )
    assert code == 0
    assert "RP-" in capsys.readouterr().out
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert CANARY["social"] in text and CANARY["police"] not in text
    assert not list(tmp_path.glob("*.part"))


def test_whole_operation_without_date(world, tmp_path, monkeypatch):
    fresh, seeded = world
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    out = tmp_path / "hela.pdf"
    args = ["briefing", *database_args(fresh.path), "--user", "team_lead_police"]
    args += ["--operation", str(seeded.operation_id), "--team", str(seeded.team_id), "-o", str(out)]
    assert main(args) == 0
    assert len(PdfReader(out).pages) > 3


def test_unknown_team_is_one_swedish_line_and_exit_1(world, tmp_path, monkeypatch, capsys):
    fresh, seeded = world
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    out = tmp_path / "x.pdf"
    args = ["briefing", *database_args(fresh.path), "--user", "team_lead_police"]
    args += ["--operation", str(seeded.operation_id), "--team", "9999", "-o", str(out)]
    assert main(args) == 1
    err = capsys.readouterr().err.strip()
    assert err == "rondplan: Teamet finns inte i insatsen."
    assert not out.exists() and not list(tmp_path.glob("*.part"))
