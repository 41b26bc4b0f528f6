"""The import template files."""

from __future__ import annotations

import codecs
import io
import os
import stat
import warnings
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.services.importing import (
    TEMPLATE_HEADERS,
    read_table,
    template_csv_bytes,
    template_xlsx_bytes,
    validate_table,
    write_template,
)

EXACT_HEADERS = (
    "Förnamn", "Efternamn", "Alias", "Personnummer", "Födelsedatum", "Adress", "Postnummer",
    "Ort", "Område", "Gruppering", "Roll", "Telefon", "Språk", "Tolkbehov",
    "Skyddad identitet", "Kategori", "Källa", "Anteckning",
)  # fmt: skip


def test_headers_are_exactly_the_agreed_ones() -> None:
    assert TEMPLATE_HEADERS == EXACT_HEADERS


def test_xlsx_template_has_example_and_instructions() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        workbook = load_workbook(io.BytesIO(template_xlsx_bytes()))
    assert workbook.sheetnames == ["Personer", "Instruktioner"]
    people = [[c.value for c in row] for row in workbook["Personer"].iter_rows()]
    assert tuple(people[0]) == EXACT_HEADERS
    assert len(people) == 2
    guide = [row[0].value for row in workbook["Instruktioner"].iter_rows(min_row=4)]
    assert tuple(guide) == EXACT_HEADERS


def test_csv_template_is_utf8_bom_semicolon() -> None:
    data = template_csv_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    first_line = data[3:].split(b"\r\n")[0].decode()
    assert first_line.split(";") == list(EXACT_HEADERS)


@pytest.mark.parametrize("make", [template_xlsx_bytes, template_csv_bytes])
def test_example_row_is_valid_except_for_being_the_example(make: Callable[[], bytes]) -> None:
    preview = validate_table(read_table(make()), today=date(2026, 1, 1))
    assert [p.code for p in preview.problems] == ["import.example_row"]
    assert preview.has_blocking_errors


@pytest.mark.parametrize("name", ["mall.xlsx", "mall.csv"])
def test_write_template(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_template(path)
    assert read_table(path.read_bytes()).headers == EXACT_HEADERS
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == [name]
