"""Names have a length limit everywhere, the same as their columns (issue 15).

Before: ``rondplan init`` took a 1,000-character administrator name, and group,
operation, team, staff and display names had no limit at all (SQLite keeps
any length in a VARCHAR column; PostgreSQL refuses it with an unreadable error).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from desktop.models.mapping import Group, Person
from desktop.models.operations import Operation
from desktop.models.organisation import StaffMember, Team, User
from desktop.services.errors import ValidationError
from desktop.services.mapping.parsing import group_values, person_values
from desktop.services.mapping.rows import GroupInput, PersonInput
from desktop.services.operations.operations import validate_operation
from desktop.services.operations.rows import OperationInput
from desktop.services.validation import (
    check_account_names,
    check_first_administrator,
    check_name,
)
from tests.factories import PASSWORD


def column_length(column) -> int:  # type: ignore[no-untyped-def]
    """The declared length, read from the model (not from the code under test)."""
    return column.property.columns[0].type.length


def test_limits_match_the_columns() -> None:
    assert column_length(User.username) == 64
    assert column_length(User.display_name) == 200
    assert column_length(Person.first_name) == column_length(Person.last_name) == 100
    assert column_length(Group.name) == 100
    assert column_length(Operation.name) == 200
    assert column_length(Team.name) == column_length(StaffMember.name) == 200


@pytest.mark.parametrize(
    ("make", "limit"),
    [
        (lambda n: person_values(PersonInput(first_name=n, last_name="Svensson")), 100),
        (lambda n: person_values(PersonInput(first_name="Anna", last_name=n)), 100),
        (lambda n: group_values(GroupInput(name=n)), 100),
        (
            lambda n: validate_operation(
                OperationInput(n, dt.date(2026, 12, 1), dt.date(2026, 12, 14))
            ),
            200,
        ),
        (lambda n: check_account_names(n, "Anna"), 64),
        (lambda n: check_account_names("anna", n), 200),
        (lambda n: check_first_administrator(n, "Ada"), 64),
        (lambda n: check_first_administrator("ada", n), 200),
    ],
)
def test_each_name_is_refused_one_past_its_column(make, limit) -> None:
    make("a" * limit)  # exactly the column's length is fine
    with pytest.raises(ValidationError, match=r"^(name|username)\.too_long$"):
        make("a" * (limit + 1))
    with pytest.raises(ValidationError, match=r"^(name|username)\.too_long$"):
        make("a" * 1000)


def test_a_line_break_in_a_name_is_refused() -> None:
    with pytest.raises(ValidationError, match=r"^name\.control_chars$"):
        check_name("Grupp\nÖst", "name")
    with pytest.raises(ValidationError, match=r"^name\.control_chars$"):
        group_values(GroupInput(name="Grupp\x1bÖst"))


def test_teams_and_staff_names_are_limited(tmp_path) -> None:
    from desktop.services.bundle import build_services
    from tests.factories import fresh_with_users, login

    fresh = fresh_with_users(tmp_path)
    fresh.admin.lock()
    store = login(fresh.path, "coordinator_social")
    try:
        teams = build_services(store).operations.teams
        with pytest.raises(ValidationError, match=r"^(name|username)\.too_long$"):
            teams.add_staff("x" * 1000, "social")
    finally:
        store.lock()


def test_init_refuses_a_1000_character_administrator_name(tmp_path) -> None:
    db = tmp_path / "ny.db"
    env = {"RONDPLAN_PASSWORD": PASSWORD, "PATH": "", "RONDPLAN_TEST_KDF": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "init", "--db", str(db), "--admin", "a" * 1000],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr.strip() == "rondplan: Namnet är för långt (högst 64 tecken)."
    assert not db.exists()
