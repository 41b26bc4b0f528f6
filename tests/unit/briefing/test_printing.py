"""Printing: the PDF's text, serials, the print log, the audit entry, template versions."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest
from sqlalchemy import select

from desktop.models import AuditEntry, PrintRecord, Template
from desktop.services.briefing import BriefingRequest, PrintService, TemplateService
from desktop.services.briefing import templates as tpl
from desktop.services.errors import PermissionDenied, ReauthenticationRequired, ValidationError
from tests.factories import PASSWORD, login
from tests.unit.briefing.seed import CANARY, DAY, NAMES, PROTECTED_STREET, SAFETY
from tests.unit.reports.pdfcheck import font_is_embedded, fonts_used, page_texts

SERIAL_RE = r"RP-\d{4}-\d{6}"


def print_packet(path, user, request):
    store = login(path, user)
    try:
        buffer = BytesIO()
        printing = PrintService(store)
        if request.include_protected_addresses:
            printing.reauth.confirm(PASSWORD)  # asked again (issue 15)
        result = printing.print_briefing(request, buffer)
    finally:
        store.lock()
    return result, buffer.getvalue()


@pytest.mark.parametrize(
    ("user", "own"), [("team_lead_police", "police"), ("team_lead_social", "social")]
)
def test_pdf_holds_names_serial_marking_and_only_own_agency_text(world, user, own):
    fresh, seeded = world
    result, pdf = print_packet(
        fresh.path, user, BriefingRequest(seeded.operation_id, seeded.team_id, DAY)
    )
    pages = page_texts(pdf)
    text = "\n".join(pages)
    for name in NAMES:
        assert name in text
    assert all(result.serial in page for page in pages)
    assert all("SEKRETESS" in page for page in pages)
    assert CANARY[own] in text and SAFETY[own] in text
    for other in set(CANARY) - {own}:
        assert CANARY[other] not in text
        assert CANARY[other].encode() not in pdf
    assert PROTECTED_STREET not in text and PROTECTED_STREET.encode() not in pdf
    assert "Du är inte misstänkt för något brott." in text


def test_every_font_is_embedded(world):
    fresh, seeded = world
    _, pdf = print_packet(
        fresh.path, "team_lead_police", BriefingRequest(seeded.operation_id, seeded.team_id, DAY)
    )
    fonts = fonts_used(pdf)
    assert fonts and all(font_is_embedded(f) for f in fonts)


def test_included_protected_address_is_printed_and_marked(world):
    fresh, seeded = world
    _, pdf = print_packet(
        fresh.path,
        "team_lead_police",
        BriefingRequest(seeded.operation_id, seeded.team_id, DAY, include_protected_addresses=True),
    )
    text = "\n".join(page_texts(pdf))
    assert PROTECTED_STREET in text
    assert "SKYDDAD IDENTITET" in text


def test_printing_a_protected_address_asks_for_the_password_again(world):
    """The login does not count: the password must be given again (issue 15)."""
    fresh, seeded = world
    request = BriefingRequest(seeded.operation_id, seeded.team_id, DAY, True)
    store = login(fresh.path, "team_lead_police")
    try:
        with pytest.raises(ReauthenticationRequired):
            PrintService(store).print_briefing(request, BytesIO())
    finally:
        store.lock()
    officer = login(fresh.path, "officer_police")
    try:
        printing = PrintService(officer)
        printing.reauth.confirm(PASSWORD)
        with pytest.raises(PermissionDenied):
            printing.check_protected_addresses(request)
    finally:
        officer.lock()


def test_serials_are_unique_sequential_and_logged_without_names(world):
    fresh, seeded = world
    request = BriefingRequest(seeded.operation_id, seeded.team_id, DAY)
    first, _ = print_packet(fresh.path, "team_lead_police", request)
    second, _ = print_packet(fresh.path, "coordinator_social", request)
    assert first.serial != second.serial
    n1, n2 = (int(r.serial.rsplit("-", 1)[1]) for r in (first, second))
    assert n2 == n1 + 1
    with fresh.admin.read_session() as session:
        records = {r.serial: r for r in session.scalars(select(PrintRecord))}
        entries = list(session.scalars(select(AuditEntry).where(AuditEntry.action == "print")))
    record = records[second.serial]
    assert record.kind == "briefing"
    assert record.object_ids == ",".join(str(v) for v in seeded.visit_ids)
    assert set(record.template_versions) >= {tpl.MESSAGE, tpl.OPENING_LINE, tpl.CONFIDENTIALITY}
    entry = next(e for e in entries if f"serial={second.serial}" in e.detail)
    assert entry.object_ids == record.object_ids
    assert "templates=" in entry.detail and "message:" in entry.detail
    logged = entry.detail + entry.object_ids + (entry.object_type or "")
    for name in NAMES:
        for part in name.split():
            assert part not in logged


def test_template_edit_is_recorded_with_next_print(tmp_path):
    from tests.factories import fresh_with_users
    from tests.unit.briefing.seed import seed

    fresh = fresh_with_users(tmp_path)
    seeded = seed(fresh, visits=1)
    request = BriefingRequest(seeded.operation_id, seeded.team_id, DAY)
    before, _ = print_packet(fresh.path, "team_lead_police", request)
    TemplateService(fresh.admin).edit(tpl.OPENING_LINE, "Du är inte misstänkt. Ny version.")
    after, pdf = print_packet(fresh.path, "team_lead_police", request)
    assert "Ny version." in "\n".join(page_texts(pdf))
    # The print log is the printing agency's (on a server, row-level security keeps it
    # from the administrator of another agency): read it as the police.
    police = login(fresh.path, "coordinator_police")
    with police.read_session() as session:
        versions = {r.serial: r.template_versions for r in session.scalars(select(PrintRecord))}
    police.lock()
    with fresh.admin.read_session() as session:
        edits = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "template.edit")
        ).all()
        assert (
            session.scalar(
                select(Template.version)
                .where(Template.key == "opening_line")
                .order_by(Template.version.desc())
                .limit(1)
            )
            == 2
        )
    assert versions[before.serial][tpl.OPENING_LINE] == 1
    assert versions[after.serial][tpl.OPENING_LINE] == 2
    assert len(edits) == 1 and "Ny version" not in edits[0].detail
    fresh.admin.lock()


def test_only_administrators_edit_templates_and_empty_is_refused(world):
    fresh, _ = world
    store = login(fresh.path, "coordinator_police")
    try:
        with pytest.raises(PermissionDenied):
            TemplateService(store).edit(tpl.MESSAGE, "Ny text")
    finally:
        store.lock()
    with pytest.raises(ValidationError):
        TemplateService(fresh.admin).edit(tpl.MESSAGE, "   ")


def test_officer_and_auditor_may_not_print_a_briefing(world):
    fresh, seeded = world
    for user in ("officer_police", "auditor_social"):
        store = login(fresh.path, user)
        try:
            with pytest.raises(PermissionDenied):
                PrintService(store).print_briefing(
                    BriefingRequest(seeded.operation_id, seeded.team_id, DAY), BytesIO()
                )
        finally:
            store.lock()


def test_record_output_logs_save_and_printer_with_serial(world):
    fresh, seeded = world
    result, _ = print_packet(
        fresh.path, "team_lead_social", BriefingRequest(seeded.operation_id, seeded.team_id, DAY)
    )
    store = login(fresh.path, "team_lead_social")
    try:
        service = PrintService(store)
        service.record_output(result.serial, "save")
        service.record_output(result.serial, "printer")
    finally:
        store.lock()
    with fresh.admin.read_session() as session:
        actions = [
            e.action
            for e in session.scalars(
                select(AuditEntry).where(AuditEntry.detail == f"serial={result.serial}")
            )
        ]
    assert actions == ["print.save", "print.printer"]


def test_other_printouts_render_audited_with_serials(world):
    fresh, seeded = world
    store = login(fresh.path, "coordinator_police")
    outputs = {}
    try:
        service = PrintService(store)
        now = dt.datetime(2026, 11, 24, 8)
        for name, call in (
            (
                "person",
                lambda b: service.print_person_sheet(seeded.protected_person_id, b, now=now),
            ),
            ("group", lambda b: service.print_group_overview(seeded.group_id, b, now=now)),
            (
                "schedule",
                lambda b: service.print_operation_schedule(seeded.operation_id, b, now=now),
            ),
            ("attendees", lambda b: service.print_callin_attendees(seeded.call_in_id, b, now=now)),
            ("letters", lambda b: service.print_invitation_letters(seeded.call_in_id, b, now=now)),
        ):
            buffer = BytesIO()
            result = call(buffer)
            outputs[name] = (result, buffer.getvalue())
    finally:
        store.lock()
    serials = {r.serial for r, _ in outputs.values()}
    assert len(serials) == len(outputs)
    for result, pdf in outputs.values():
        pages = page_texts(pdf)
        assert pages and all(result.serial in p for p in pages)
        assert PROTECTED_STREET.encode() not in pdf and PROTECTED_STREET not in "".join(pages)
        for code in ("social", "probation"):
            assert CANARY[code].encode() not in pdf
    person_text = "\n".join(page_texts(outputs["person"][1]))
    assert "Şahin Ağa" in person_text and CANARY["police"] in person_text
    assert "Norra gänget" in "\n".join(page_texts(outputs["group"][1]))
    letters = page_texts(outputs["letters"][1])
    assert len(letters) >= 3 and "Lönngatan 12" in "\n".join(letters)
    with fresh.admin.read_session() as session:
        kinds = {
            e.object_type
            for e in session.scalars(select(AuditEntry).where(AuditEntry.action == "print"))
        }
    assert {
        "person_sheet",
        "group_overview",
        "operation_schedule",
        "callin_attendees",
        "invitation_letters",
    } <= kinds


def test_a_day_or_team_without_visits_is_refused_and_nothing_numbered(world):
    from desktop.services.briefing.printing import NO_VISITS_AT_ALL, NO_VISITS_ON_DAY

    fresh, seeded = world
    with fresh.admin.read_session() as session:
        before = len(list(session.scalars(select(PrintRecord))))
    empty_day = BriefingRequest(seeded.operation_id, seeded.team_id, DAY + dt.timedelta(days=1))
    with pytest.raises(ValidationError) as refused:
        print_packet(fresh.path, "team_lead_police", empty_day)
    assert refused.value.code == NO_VISITS_ON_DAY
    assert refused.value.field == "date"
    no_visits = BriefingRequest(seeded.operation_id, seeded.other_team_id, None)
    with pytest.raises(ValidationError) as refused:
        print_packet(fresh.path, "team_lead_police", no_visits)
    assert refused.value.code == NO_VISITS_AT_ALL
    with fresh.admin.read_session() as session:
        assert len(list(session.scalars(select(PrintRecord)))) == before  # no serial used
