"""``rondplan stats`` in all three formats; the JSON keys are a published contract."""

from __future__ import annotations

import csv
import io
import json

from desktop.cli import main
from tests.factories import PASSWORD, database_args

#: The documented keys (README). Adding is allowed; removing or renaming is not.
FIGURE_KEYS = {
    "persons_mapped",
    "persons_mapped_new",
    "persons_reached",
    "reached_more_than_once",
    "reached_more_than_once_share",
    "deliveries",
    "deliveries_by_channel",
    "visits",
    "visits_by_outcome",
    "callin_invitations",
    "callin_attended",
    "callin_attendance_rate",
    "support_offered",
    "support_accepted",
    "support_started",
    "support_completed",
    "self_initiated_contacts",
    "days_to_first_delivery_median",
    "days_to_first_delivery_count",
}
ARGS = ["--from", "2026-01-01", "--to", "2026-06-30", "--user", "auditor_social"]


def run(programme, monkeypatch, capsys, *extra):
    fresh, _built = programme
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    code = main(["stats", *database_args(fresh.path), *ARGS, *extra])
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


def test_json_has_the_stable_keys_and_the_hand_counted_values(programme, monkeypatch, capsys):
    data = json.loads(run(programme, monkeypatch, capsys, "--format", "json"))
    assert set(data) == {
        "schema",
        "period",
        "filters",
        "figures",
        "coverage",
        "months",
        "incidents",
        "definitions",
    }
    assert set(data["incidents"]) == {"figures", "months", "groups"}
    assert data["schema"] == 1
    assert data["period"] == {"from": "2026-01-01", "to": "2026-06-30"}
    assert set(data["filters"]) == {"group_id", "area", "agency_id"}
    assert set(data["figures"]) == FIGURE_KEYS
    f = data["figures"]
    assert (f["persons_mapped"], f["persons_reached"], f["reached_more_than_once"]) == (6, 4, 2)
    assert f["reached_more_than_once_share"] == 0.5
    assert f["deliveries_by_channel"] == {"home_visit": 3, "call_in": 1, "probation": 1, "other": 0}
    assert f["callin_attendance_rate"] == round(2 / 3, 4)
    assert f["days_to_first_delivery_median"] == 45.0
    assert set(data["coverage"][0]) == {"group_id", "group", "members", "reached", "share"}
    assert [m["month"] for m in data["months"]] == [f"2026-0{i}" for i in range(1, 7)]
    assert set(data["months"][0]) == (FIGURE_KEYS - {"persons_mapped"}) | {"month"}
    assert set(data["definitions"]) >= FIGURE_KEYS - {"days_to_first_delivery_count"}


def test_csv_and_table(programme, monkeypatch, capsys):
    rows = list(
        csv.reader(
            io.StringIO(run(programme, monkeypatch, capsys, "--format", "csv")), delimiter=";"
        )
    )
    assert rows[0] == ["code", "label", "key", "value"]
    values = {(r[0], r[2]): r[3] for r in rows[1:]}
    assert values[("persons_reached", "")] == "4"
    assert values[("deliveries_by_channel", "home_visit")] == "3"
    assert values[("coverage", "Grupp B")] == "1/3"
    table = run(programme, monkeypatch, capsys)
    assert "Nådda personer" in table and "Period 2026-01-01 – 2026-06-30" in table


def test_filters_pdf_and_xlsx(programme, monkeypatch, capsys, tmp_path):
    pdf, xlsx = tmp_path / "r.pdf", tmp_path / "f.xlsx"
    out = run(
        programme,
        monkeypatch,
        capsys,
        "--format",
        "json",
        "--agency",
        "police",
        "--pdf",
        str(pdf),
        "--xlsx",
        str(xlsx),
    )
    assert json.loads(out)["figures"]["deliveries"] == 2
    assert pdf.read_bytes().startswith(b"%PDF") and xlsx.stat().st_size > 0


def test_unknown_agency_is_a_user_error(programme, monkeypatch, capsys):
    fresh, _built = programme
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    assert main(["stats", *database_args(fresh.path), *ARGS, "--agency", "nej"]) == 1
    assert "finns inte" in capsys.readouterr().err


def test_english_under_lang_en(programme, monkeypatch, capsys):
    """Issue 18: ``--lang en`` words the table, the CSV labels and the JSON definitions in
    English (the codes and keys stay the same)."""
    fresh, _built = programme
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    stats = ["--lang", "en", "stats", *database_args(fresh.path), *ARGS]
    assert main(stats) == 0
    table = capsys.readouterr().out
    assert table.startswith("Period from 2026-01-01 to 2026-06-30\n")
    assert "Persons reached" in table and "Deliveries by channel (Home visit)" in table
    assert "Visits by outcome (Met him)" in table and "Share who attended" in table
    assert "67%" in table  # 2 of 3 attended, written the English way
    assert not any(letter in table.replace("Grupp", "") for letter in "åäöÅÄÖ"), table
    assert main([*stats, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["definitions"]["deliveries"] == (
        "The number of deliveries of the message during the period; one person may have several."
    )
    assert main([*stats, "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out), delimiter=";"))
    assert ["persons_reached", "Persons reached", "", "4"] in rows


def test_the_report_and_workbook_follow_lang_en(programme, monkeypatch, capsys, tmp_path):
    """Issue 18: ``rondplan --lang en stats --pdf --xlsx`` prints and writes in English,
    the filters named in English in the report's title."""
    from openpyxl import load_workbook
    from pypdf import PdfReader

    fresh, _built = programme
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    pdf, xlsx = tmp_path / "r.pdf", tmp_path / "f.xlsx"
    stats = ["--lang", "en", "stats", *database_args(fresh.path), *ARGS, "--area", "Norr"]
    assert main([*stats, "--pdf", str(pdf), "--xlsx", str(xlsx)]) == 0
    capsys.readouterr()
    first = PdfReader(pdf).pages[0].extract_text()
    assert "FOLLOW-UP REPORT" in first and "Statistics – area Norr" in first
    assert "Statistik" not in first and "område" not in first
    book = load_workbook(xlsx, read_only=True)
    assert book.sheetnames[0] == "Key figures" and book.sheetnames[-1] == "Definitions"
    book.close()
