"""Matching file headers to template fields, hand mappings and presets."""

from __future__ import annotations

import pytest

from desktop.services.errors import ValidationError
from desktop.services.importing import (
    TEMPLATE_COLUMNS,
    MappingPreset,
    TemplateColumn,
    auto_mapping,
    match_header,
    resolve_mapping,
)


@pytest.mark.parametrize("column", TEMPLATE_COLUMNS, ids=lambda c: c.field)
def test_every_template_header_matches_its_field(column: TemplateColumn) -> None:
    assert match_header(column.header) == column.field
    assert match_header(f"  {column.header.upper()} ") == column.field


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("fornamn", "first_name"),
        ("FÖRNAMN", "first_name"),
        ("Efter-namn", "last_name"),
        ("skyddad_identitet", "protected_identity"),
        ("Pnr", "identity_number"),
        ("Personnr", "identity_number"),
        ("Postnr", "postcode"),
        ("Mobil", "phone"),
        ("Nätverk", "group_name"),
        ("Omrade", "area"),
        ("Kalla", "source"),
        ("first_name", "first_name"),
        ("Skostorlek", None),
    ],
)
def test_tolerant_matching(header: str, field: str | None) -> None:
    assert match_header(header) == field


def test_any_order() -> None:
    headers = ["  kategori", "EFTERNAMN", "Förnamn ", "Okänd"]
    mapping = resolve_mapping(headers)
    assert dict(mapping.columns) == {"category": 0, "last_name": 1, "first_name": 2}
    assert mapping.unmatched == ("Okänd",)
    assert mapping.missing_required == ()
    assert mapping.header_for("first_name") == "Förnamn "
    assert mapping.header_for("phone") == "Telefon"


def test_hand_mapping_wins_and_can_ignore() -> None:
    headers = ["Namn 1", "Namn 2", "Telefon", "Hemlig"]
    mapping = resolve_mapping(
        headers, {"Namn 1": "first_name", "namn 2": "last_name", "Telefon": None, "Hemlig": None}
    )
    assert dict(mapping.columns) == {"first_name": 0, "last_name": 1}
    assert mapping.ignored == ("Telefon", "Hemlig")
    assert mapping.unmatched == ()


def test_auto_mapping_is_a_starting_point_for_the_dialog() -> None:
    assert auto_mapping(["Förnamn", "X"]) == {"Förnamn": "first_name", "X": None}


def test_two_columns_for_one_field_is_a_conflict() -> None:
    mapping = resolve_mapping(["Förnamn", "Efternamn", "Mobil", "Telefon"])
    assert dict(mapping.conflicts) == {"phone": ("Mobil", "Telefon")}
    assert "phone" not in mapping.columns


def test_missing_required() -> None:
    assert resolve_mapping(["Efternamn"]).missing_required == ("first_name",)


def test_unknown_field_in_hand_mapping() -> None:
    with pytest.raises(ValidationError, match=r"^import\.unknown_field$"):
        resolve_mapping(["A"], {"A": "shoe_size"})


def test_preset_round_trip() -> None:
    preset = MappingPreset("Socialtjänsten Malmö", {"Namn 1": "first_name", "Hemlig": None})
    text = preset.to_json()
    assert "Socialtjänsten Malmö" in text  # readable, not \u-escaped
    again = MappingPreset.from_json(text)
    assert again.name == preset.name
    assert dict(again.mapping) == dict(preset.mapping)
    assert resolve_mapping(["namn 1", "Hemlig"], again.mapping).columns == {"first_name": 0}


@pytest.mark.parametrize(
    "text",
    [
        "",
        "not json",
        "[]",
        '{"version": 1, "name": 3, "mapping": {}}',
        '{"version": 1, "name": "x", "mapping": []}',
        '{"version": 1, "name": "x", "mapping": {"a": 5}}',
        '{"version": 2, "name": "x", "mapping": {}}',
        '{"version": 1, "name": "x", "mapping": {"a": "nope"}}',
        "[" * 100_000,
    ],
)
def test_broken_presets(text: str) -> None:
    with pytest.raises(ValidationError):
        MappingPreset.from_json(text)
