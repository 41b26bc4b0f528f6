"""The import service: files in every encoding, all or nothing, groups, duplicates, audit."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import undefer

from desktop.messages import problem_words
from desktop.models import Address, AuditEntry, Group, Membership, MembershipRole, Note, Person
from desktop.services.errors import PermissionDenied, ValidationError
from desktop.services.importing import TEMPLATE_HEADERS, Resolution, read_table
from desktop.services.security.notes import NotesService
from desktop.services.transfer import import_service
from tests.factories import login
from tests.unit.transfer.helpers import count, csv_file, person, table_counts, xlsx_file

TODAY = dt.date(2026, 11, 23)
HEADERS = list(TEMPLATE_HEADERS)
ANNA = person(
    Förnamn="Anna",
    Efternamn="Åström",
    Personnummer="811218-9876",
    Adress="Storgatan 1",
    Postnummer="21145",
    Ort="Malmö",
    Område="Möllevången",
    Gruppering="Södra gänget",
    Roll="ledare",
    Telefon="070-174 06 51",
    Språk="arabiska",
    Tolkbehov="ja",
    Kategori="misstänkt",
    Källa="Polisen",
    Anteckning="Träffas bäst på eftermiddagen.",
)
BO = person(Förnamn="Bo", Efternamn="Öberg", Födelsedatum="2004-02-29", Gruppering="södra GÄNGET")
CARL = person(Förnamn="Carl", Efternamn="Ek", Skyddad_identitet="ja", Adress="Hemlig väg 2")


def preview_of(transfer, data: bytes, name: str = "lista.csv"):
    return transfer.imports.preview(read_table(data, name), today=TODAY)


def persons(store):
    with store.read_session() as session:
        query = select(Person).options(undefer(Person.identity_number))  # deferred
        return {p.first_name: p for p in session.scalars(query)}


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [
        ("utf-8", ";"),
        ("utf-8-sig", ";"),
        ("cp1252", ";"),
        ("utf-8", ","),
        ("utf-8-sig", "\t"),
        ("cp1252", "\t"),
    ],
)
def test_csv_in_each_encoding_and_delimiter_imports_everything(
    transfer, services, encoding, delimiter
):
    data = csv_file([HEADERS, ANNA, BO, CARL], encoding=encoding, delimiter=delimiter)
    preview = preview_of(transfer, data)
    assert not preview.has_blocking_errors, preview.problems
    result = transfer.imports.import_rows(preview, "lista.csv", today=TODAY)
    assert (result.rows, result.created, result.merged, result.skipped) == (3, 3, 0, 0)
    assert result.groups_created == 1
    store = services.store
    found = persons(store)
    assert set(found) == {"Anna", "Bo", "Carl"}
    assert found["Anna"].last_name == "Åström"
    assert found["Anna"].identity_number == "19811218-9876"
    assert found["Anna"].interpreter_need and found["Anna"].language == "arabiska"
    assert found["Anna"].category.value == "suspect"
    assert found["Carl"].protected_identity
    assert result.changes.touches("person", "group")


def test_xlsx_imports_addresses_memberships_and_note_in_agency_compartment(transfer, services):
    preview = preview_of(transfer, xlsx_file([HEADERS, ANNA, BO]), "lista.xlsx")
    result = transfer.imports.import_rows(preview, today=TODAY)
    assert result.notes == 1
    store = services.store
    with store.read_session() as session:
        anna = session.scalars(select(Person).where(Person.first_name == "Anna")).one()
        address = session.scalars(select(Address).where(Address.person_id == anna.id)).one()
        assert (address.street, address.postcode, address.city, address.area) == (
            "Storgatan 1",
            "211 45",
            "Malmö",
            "Möllevången",
        )
        groups = session.scalars(select(Group)).all()
        assert [g.name for g in groups] == ["Södra gänget"]  # "södra GÄNGET" matched it
        links = session.scalars(select(Membership)).all()
        assert len(links) == 2
        assert {link.role for link in links} == {MembershipRole.LEADER, MembershipRole.MEMBER}
        assert all(link.review_date and link.source for link in links)
        note = session.scalars(select(Note)).one()
        assert note.agency_id == store.identity.agency_id
        assert b"eftermiddagen" not in note.ciphertext
    # The notes service (same compartment format) reads it back.
    texts = [n.text for n in NotesService(store).notes_for_person(anna.id)]
    assert texts == ["Träffas bäst på eftermiddagen."]


def test_existing_group_is_matched_case_insensitively(transfer, services):
    from desktop.services.mapping.rows import GroupInput

    services.mapping.groups.create(GroupInput(name="SÖDRA Gänget"))
    preview = preview_of(transfer, csv_file([HEADERS, ANNA, BO]))
    result = transfer.imports.import_rows(preview, today=TODAY)
    assert (result.groups_created, result.groups_matched) == (0, 1)
    assert count(services.store, Group) == 1


@pytest.mark.parametrize(
    ("cells", "column", "words"),
    [
        ({"Personnummer": "811218-9875"}, "Personnummer", "ontrollsiffra"),
        ({"Födelsedatum": "2005-02-30"}, "Födelsedatum", ""),
        ({"Kategori": "farlig"}, "Kategori", "Okänd kategori"),
        ({"Postnummer": "1234"}, "Postnummer", ""),
        ({"Efternamn": ""}, "Efternamn", "saknas"),
        ({"Tolkbehov": "kanske"}, "Tolkbehov", ""),
        ({"Födelsedatum": "2099-01-01"}, "Födelsedatum", "framtiden"),
    ],
)
def test_any_error_row_means_nothing_is_imported(transfer, services, cells, column, words):
    bad = person(**{"Förnamn": "Dan", "Efternamn": "Berg", **cells})
    before = table_counts(services.store)
    preview = preview_of(transfer, csv_file([HEADERS, ANNA, bad, BO]))
    assert preview.has_blocking_errors
    problems = preview.problems_for(3)
    assert any(p.column == column and words in problem_words(p) for p in problems), problems
    with pytest.raises(ValidationError):
        transfer.imports.import_rows(preview, today=TODAY)
    after = table_counts(services.store)
    # Only the preview's own audit entry was added.
    assert {**after, "audit_entry": 0} == {**before, "audit_entry": 0}
    assert count(services.store, Person) == 0


def test_duplicate_within_file_blocks(transfer, services):
    preview = preview_of(transfer, csv_file([HEADERS, ANNA, ANNA]))
    assert preview.error_rows == {2, 3}
    assert count(services.store, Person) == 0


def test_failure_in_the_middle_of_the_transaction_leaves_nothing(transfer, services, monkeypatch):
    rows = [person(Förnamn=f"Person{i}", Efternamn="Testsson", Gruppering="Nya") for i in range(30)]
    preview = preview_of(transfer, csv_file([HEADERS, ANNA, *rows]))
    real = import_service.create_person
    calls = []

    def failing(ctx, row):
        calls.append(row)
        if len(calls) == 17:
            raise RuntimeError("power cut")
        return real(ctx, row)

    monkeypatch.setattr(import_service, "create_person", failing)
    before = table_counts(services.store)
    with pytest.raises(RuntimeError):
        transfer.imports.import_rows(preview, today=TODAY)
    assert table_counts(services.store) == before
    assert count(services.store, Address) == 0


def _import_anna(transfer):
    preview = preview_of(transfer, csv_file([HEADERS, ANNA]))
    transfer.imports.import_rows(preview, today=TODAY)


def test_existing_person_is_found_and_merge_fills_empty_fields(transfer, services):
    _import_anna(transfer)
    again = person(
        Förnamn="Anna",
        Efternamn="Åström",
        Personnummer="19811218-9876",
        Alias="Annie",
        Adress="Nygatan 5",
        Gruppering="Norra",
        Telefon="070-174 06 99",
    )
    preview = preview_of(transfer, csv_file([HEADERS, again, BO]))
    (candidate,) = preview.duplicates
    assert candidate.row_number == 2
    assert candidate.matches[0].reason == "match.same_identity"
    assert candidate.matches[0].who_in("sv") == "Anna Åström, född 1981"
    assert preview.has_blocking_errors
    preview = preview.resolve(2, Resolution.MERGE)
    result = transfer.imports.import_rows(preview, today=TODAY)
    assert (result.created, result.merged) == (1, 1)
    anna = persons(services.store)["Anna"]
    assert anna.aliases == "Annie"
    assert anna.phone == "070-174 06 51"  # not overwritten
    with services.store.read_session() as session:
        streets = {
            a.street: a.valid_to
            for a in session.scalars(select(Address).where(Address.person_id == anna.id))
        }
        assert streets["Nygatan 5"] is None and streets["Storgatan 1"] is not None
        assert (
            session.scalar(
                select(Membership)
                .where(Membership.person_id == anna.id)
                .where(
                    Membership.group_id
                    == select(Group.id).where(Group.name == "Norra").scalar_subquery()
                )
            )
            is not None
        )
    assert count(services.store, Person) == 2


def test_skip_and_create(transfer, services):
    _import_anna(transfer)
    similar = person(Förnamn="Ana", Efternamn="Åstrom", Födelsedatum="1981-12-18")
    preview = preview_of(transfer, csv_file([HEADERS, similar]))
    (candidate,) = preview.duplicates
    assert candidate.matches[0].reason == "match.same_name_and_birth"  # names fold alike
    skipped = transfer.imports.import_rows(preview.resolve(2, Resolution.SKIP), today=TODAY)
    assert (skipped.created, skipped.skipped) == (0, 1)
    assert count(services.store, Person) == 1
    created = transfer.imports.import_rows(preview.resolve(2, Resolution.CREATE), today=TODAY)
    assert created.created == 1
    assert count(services.store, Person) == 2


def test_audit_entry_has_counts_and_file_fingerprint_but_no_content(transfer, services, tmp_path):
    """The file's name is free text (often a person's name): only extension and hash."""
    import hashlib

    data = csv_file([HEADERS, ANNA, BO, CARL])
    path = tmp_path / "Anna Åström vecka47.csv"
    path.write_bytes(data)
    preview = transfer.imports.preview(transfer.imports.read(path), today=TODAY)
    transfer.imports.import_rows(preview, path.name, today=TODAY)
    with services.store.read_session() as session:
        entries = session.scalars(select(AuditEntry)).all()
        (entry,) = [e for e in entries if e.action == "import"]
        assert entry.detail.startswith("rows=3 created=3 merged=0 skipped=0")
        assert entry.detail.endswith(f"ext=csv sha256={hashlib.sha256(data).hexdigest()[:12]}")
        assert "vecka47" not in entry.detail
        assert len(entry.object_ids.split(",")) == 3
        everything = " ".join(
            f"{e.action} {e.object_type} {e.object_ids} {e.purpose} {e.detail}" for e in entries
        ).casefold()
    for secret in ("anna", "åström", "öberg", "storgatan", "9876", "södra", "eftermiddag"):
        assert secret not in everything


def test_audit_entry_without_the_files_bytes_has_no_name(transfer, services):
    preview = preview_of(transfer, csv_file([HEADERS, BO]), "Bo Öberg.csv")
    transfer.imports.import_rows(preview, "Bo Öberg.csv", today=TODAY)
    with services.store.read_session() as session:
        (detail,) = session.scalars(
            select(AuditEntry.detail).where(AuditEntry.action == "import")
        ).all()
    assert detail.endswith("ext=csv sha256=-")
    assert "öberg" not in detail.casefold()


def test_roles_without_import_right_are_refused(fresh, transfer):
    preview = preview_of(transfer, csv_file([HEADERS, BO]))
    for username in ("officer_police", "team_lead_social", "auditor_social"):
        store = login(fresh.path, username)
        try:
            from desktop.services.transfer import ImportService

            with pytest.raises(PermissionDenied):
                ImportService(store).import_rows(preview, today=TODAY)
        finally:
            store.lock()


def test_progress_is_reported(transfer):
    rows = [person(Förnamn=f"P{i}", Efternamn="Lund") for i in range(250)]
    preview = preview_of(transfer, csv_file([HEADERS, *rows]))
    seen = []
    transfer.imports.import_rows(preview, today=TODAY, progress=lambda d, t: seen.append((d, t)))
    assert seen[0] == (100, 250) and seen[-1] == (250, 250)
