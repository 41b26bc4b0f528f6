"""Random and truncated files never crash the import service nor import part of a file."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.models import Person
from desktop.services.errors import DomainError
from desktop.services.importing import TEMPLATE_HEADERS, read_table
from tests.unit.transfer.helpers import count, csv_file, person, xlsx_file

TODAY = dt.date(2026, 11, 23)
GOOD = csv_file(
    [
        list(TEMPLATE_HEADERS),
        person(Förnamn="Anna", Efternamn="Åström", Personnummer="811218-9876", Ort="Malmö"),
        person(Förnamn="Bo", Efternamn="Öberg", Födelsedatum="2004-02-29", Gruppering="Syd"),
        person(Förnamn="Carl", Efternamn="Ek", Postnummer="211 45", Kategori="dömd"),
    ]
)
GOOD_XLSX = xlsx_file(
    [
        list(TEMPLATE_HEADERS),
        person(Förnamn="Dora", Efternamn="Lind", Telefon="070-174 06 52"),
        person(Förnamn="Erik", Efternamn="Holm", Tolkbehov="x"),
    ]
)
CELL = st.text(alphabet=st.sampled_from('AaÅåÖ019-+ ;,"\n=x'), max_size=12)


def attempt(transfer, data: bytes) -> int:
    """Read, preview and import ``data``; the number of persons the file added."""
    store = transfer.imports._store
    before = count(store, Person)
    try:
        preview = transfer.imports.preview(read_table(data, "f.csv"), today=TODAY)
        if not preview.has_blocking_errors:
            result = transfer.imports.import_rows(preview, today=TODAY)
            added = count(store, Person) - before
            assert added == result.created == len(preview.planned())
            return added
        transfer.imports.import_rows(preview, today=TODAY)
    except DomainError:
        pass
    assert count(store, Person) == before  # an error leaves nothing behind
    return 0


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(cut=st.integers(min_value=0, max_value=len(GOOD)), noise=st.binary(max_size=40))
def test_truncated_and_noisy_csv(transfer, cut, noise):
    attempt(transfer, GOOD[:cut] + noise)


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(cut=st.integers(min_value=0, max_value=len(GOOD_XLSX)))
def test_truncated_xlsx(transfer, cut):
    attempt(transfer, GOOD_XLSX[:cut])


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(rows=st.lists(st.lists(CELL, min_size=0, max_size=20), max_size=6))
def test_random_tables(transfer, rows):
    data = csv_file([list(TEMPLATE_HEADERS), *rows])
    attempt(transfer, data)


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.binary(max_size=300))
def test_random_bytes(transfer, data):
    attempt(transfer, data)
