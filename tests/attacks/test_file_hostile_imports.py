"""Hostile import files against the real ``rondplan import``, each in its own process.

The adversary hands a coordinator a file: a device that never ends, a zip bomb
dressed as XLSX, shared strings of tens of megabytes, a 1 GB file, a single
enormous line. Each must end in one Swedish line with exit status 1, quickly,
and the importer's peak RSS (VmHWM of that process, from wait4) must stay within
the budget of 500 MB on any input (DESIGN.md).

Before this issue: /dev/zero grew until memory ran out, the XLSX with huge
shared strings took gigabytes and minutes and was accepted, a folder or a pipe
gave a traceback or waited forever.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.attacks.hostile_files import BUDGET_MIB, HOSTILE, ImportRun, run_import
from tests.factories import PASSWORD, fresh_with_users

USER = "coordinator_social"
# Start-up of the command line (SQLAlchemy, unlock) is most of this on a busy CI machine.
FAST_SECONDS = 45


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    fresh = fresh_with_users(tmp_path_factory.mktemp("hostile-db"))
    fresh.admin.lock()
    return fresh.path


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("hostile-files")


def assert_refused_in_one_line(run: ImportRun, *expected: str) -> None:
    assert "Traceback" not in run.stderr, run.stderr[-2000:]
    assert run.returncode == 1, (run.returncode, run.stderr[-2000:])
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, lines[:5]
    assert lines[0].startswith("rondplan: "), lines
    for word in expected:
        assert word in lines[0], lines
    assert run.peak_mib <= BUDGET_MIB, f"{run.peak_mib:.0f} MiB"
    assert run.seconds <= FAST_SECONDS, f"{run.seconds:.1f} s"


def test_dev_zero_is_refused_before_reading(database: Path) -> None:
    run = run_import(database, USER, PASSWORD, "/dev/zero", timeout=FAST_SECONDS + 15)
    assert_refused_in_one_line(run, "ingen vanlig fil")


def test_a_named_pipe_is_refused_without_waiting(database: Path, files: Path) -> None:
    pipe = files / "ledning.csv"
    os.mkfifo(pipe)
    run = run_import(database, USER, PASSWORD, pipe, timeout=FAST_SECONDS + 15)
    assert_refused_in_one_line(run, "ingen vanlig fil")


def test_a_folder_is_refused(database: Path, files: Path) -> None:
    folder = files / "mapp.csv"
    folder.mkdir()
    run = run_import(database, USER, PASSWORD, folder, timeout=FAST_SECONDS + 15)
    assert_refused_in_one_line(run)


# What each hostile file must be refused with (a word of the Swedish sentence).
REFUSALS = {
    "zip bomb XLSX": "zip-bomb",
    "huge shared strings XLSX": "50 MB",
    "1 MB cells XLSX": "10 000 tecken",
    "1 GB sparse CSV": "högst 20 MB",
    "19 MB single-line CSV": "längre än",
    "19 MB of delimiters": "längre än",
}


@pytest.mark.parametrize("name", sorted(REFUSALS))
def test_hostile_file_is_refused_fast_in_bounded_memory(
    database: Path, files: Path, name: str
) -> None:
    path = HOSTILE[name](files)
    run = run_import(database, USER, PASSWORD, path, timeout=FAST_SECONDS + 15)
    assert_refused_in_one_line(run, REFUSALS[name])


def test_the_largest_allowed_file_stays_within_the_memory_budget(
    database: Path, files: Path
) -> None:
    """19 MB, 49,000 rows that are all possible duplicates of each other: every row
    gets its message (one line each), within the budget and without a traceback."""
    path = HOSTILE["largest allowed CSV"](files)
    run = run_import(database, USER, PASSWORD, path, timeout=120)
    assert "Traceback" not in run.stderr, run.stderr[-2000:]
    assert run.returncode == 1
    lines = run.stderr.strip().splitlines()
    assert lines[-1].startswith("rondplan: Ingenting importerades") or lines[-1].startswith(
        "Ingenting importerades"
    ), lines[-1]
    # Each message names a handful of rows, not all 49,000 (that grew as rows²).
    assert max(len(line) for line in lines) < 300
    assert run.peak_mib <= BUDGET_MIB, f"{run.peak_mib:.0f} MiB"
