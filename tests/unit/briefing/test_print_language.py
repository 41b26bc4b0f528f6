"""The printouts in the printing user's language (issue 18): the briefing packet with its
outcome forms, the team schedule and the attendance list follow the user; an invitation
letter is Swedish unless English is chosen for it. English written out here, never taken
from the catalogue; Swedish stays Swedish."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

from desktop.services.briefing import BriefingRequest, PrintService, TemplateService
from desktop.services.briefing import templates as tpl
from desktop.services.operations.outputs import ScheduleOutputs
from tests.factories import login
from tests.unit.briefing.seed import CANARY, DAY
from tests.unit.reports.pdfcheck import page_texts

NOW = dt.datetime(2026, 11, 24, 8, 0)


def _text(pdf: bytes) -> str:
    """The PDF's words on one line (extraction breaks lines where the layout wraps)."""
    return " ".join(" ".join(page_texts(pdf)).split())


def _packet(world, lang=None) -> str:
    fresh, seeded = world
    store = login(fresh.path, "team_lead_police")
    try:
        request = BriefingRequest(seeded.operation_id, seeded.team_id, DAY)
        if lang is not None:
            request = BriefingRequest(seeded.operation_id, seeded.team_id, DAY, lang=lang)
        buffer = BytesIO()
        PrintService(store).print_briefing(request, buffer, now=NOW)
    finally:
        store.lock()
    return _text(buffer.getvalue())


def _print(world, call) -> str:
    fresh, _seeded = world
    store = login(fresh.path, "coordinator_police")
    try:
        buffer = BytesIO()
        call(store, buffer)
    finally:
        store.lock()
    return _text(buffer.getvalue())


def test_the_packet_and_its_outcome_forms_print_in_english(world):
    text = _packet(world, "en")
    for english in (
        # The cover.
        "BRIEFING PACKET",
        "Tuesday 24 November 2026",
        # The cover's labels print in capitals.
        "OPERATION",
        "COORDINATOR",
        "NUMBER OF VISITS",
        "COPY Polisen's copy",
        "The team",
        "Role in the talk",
        "leads the talk",
        "support and safety",
        "Visits in planned order",
        "Keep in mind",
        "Open by saying that he is not suspected of any crime.",
        "The packet holds confidential information.",
        "Templates: Confidentiality marking v1",
        # A visit's sheet.
        "VISIT 1 OF 3",
        "Known as: Lucky, L",
        "No photo",
        "AGE 22 years",
        "LANGUAGE polska · interpreter needed: polska",
        "ADDRESS Lönngatan 12",
        "ACCESS",
        "Protected identity – the address is not printed.",
        "The coordinator gives it orally.",
        "SAFETY",
        "Current",
        "Conflict:",
        "Södra gänget (active) since 2026-10-25",
        "Increased focus on the group (ongoing): Skottlossning vid torget",
        "Earlier contacts",
        "Call-in: the message was delivered",
        "Stormöte november: came",
        "Family who may be at home",
        "core member",
        "The message",
        "You are not suspected of any crime.",
        "We are here because we care about you and your family.",
        "Support to offer",
        "Contact to leave:",
        "ONLY FOR POLISEN",
        "Notes from Polisen",
        # The outcome form.
        "OUTCOME · VISIT 1 OF 3",
        "Outcome – Łukasz Nowak",
        "filled in on the spot",
        "STATUS Met him",
        "Refused to open the door",
        "MESSAGE DELIVERED",
        "Violence has consequences for the whole group",
        "SUPPORT AND MATERIAL",
        "Was offered support",
        "Left information material",
        "HIS RESPONSE",
        "REASON FOR CANCELLING",
        "FOLLOW-UP – WHAT, WHO, WHEN",
        "NOTES, TIME, SIGNATURE",
        "cut here",
        # Every page: the marking, the footer.
        "CONFIDENTIAL – not to be shared",
        "Printed by",
        "Page 1 of",
        "No. RP-",
    ):
        assert english in text, english
    assert CANARY["police"] in text
    for swedish in (
        "GENOMGÅNGSUNDERLAG",
        "Genomgångsunderlag",
        "tisdag",
        "november 2026",
        "SAMORDNARE",
        "ANTAL BESÖK",
        "exemplar",
        "Teamet",
        "Roll i samtalet",
        "leder samtalet",
        "Besök i planerad ordning",
        "Att tänka på",
        "BESÖK 1 AV",
        "Kallas:",
        "Foto saknas",
        "ÅLDER",
        " år",
        "SPRÅK",
        "tolk behövs",
        "ADRESS",
        "TILLTRÄDE",
        "Skyddad identitet",
        "SÄKERHET",
        "Aktuellt",
        "Konflikt:",
        "(aktiv)",
        "Ökat fokus",
        "Tidigare kontakter",
        "budskapet delgavs",
        "kärnmedlem",
        "Budskapet",
        "Du är inte misstänkt",
        "Stöd att erbjuda",
        "Kontakt att lämna",
        "ENDAST FÖR",
        "Anteckningar från",
        "UTFALL",
        "Träffade honom",
        "Nekade att öppna",
        "Lämnade informationsmaterial",
        "UPPFÖLJNING",
        "klipp här",
        "SEKRETESS",
        "Utskriven av",
        "Sida 1 av",
        "Mallar:",
        "Nr RP-",
    ):
        assert swedish not in text, swedish


def test_the_packet_stays_swedish_by_default(world):
    text = _packet(world)
    for swedish in (
        "GENOMGÅNGSUNDERLAG",
        "tisdag 24 november 2026",
        "ANTAL BESÖK 3",
        "EXEMPLAR Polisens exemplar",
        "leder samtalet",
        "BESÖK 1 AV 3",
        "22 år",
        "tolk behövs: polska",
        "Skyddad identitet – adressen skrivs inte ut.",
        "Södra gänget (aktiv) sedan 2026-10-25",
        "Ökat fokus på gruppen (pågår)",
        "Stormöte: budskapet delgavs",
        "kärnmedlem",
        "Du är inte misstänkt för något brott.",
        "UTFALL · BESÖK 1 AV 3",
        "Träffade honom",
        "BUDSKAPET FRAMFÖRT",
        "Lämnade informationsmaterial",
        "klipp här",
        "SEKRETESS – får ej spridas",
        "Utskriven av",
        "Sida 1 av",
        "Nr RP-",
    ):
        assert swedish in text, swedish
    for english in ("BRIEFING PACKET", "NUMBER OF VISITS", "Met him", "cut here", "Printed by"):
        assert english not in text, english


def test_the_team_schedule_prints_in_english(world):
    _fresh, seeded = world

    def schedule(store, out, lang="en"):
        ScheduleOutputs(store).print_team_schedule(
            seeded.team_id, DAY, DAY, out, operation_id=seeded.operation_id, lang=lang
        )

    text = _print(world, schedule)
    for english in (
        "OPERATION SCHEDULE",
        "3 visits · 1 team",
        "Week 48",
        "Tuesday",
        "Protected address",
        "Printed by",
        "Page 1 of 1",
    ):
        assert english in text, english
    for swedish in ("INSATSPLAN", "besök", "Vecka", "Tisdag", "Skyddad adress", "Utskriven av"):
        assert swedish not in text, swedish

    swedish_text = _print(world, lambda store, out: schedule(store, out, "sv"))
    for swedish in ("INSATSPLAN", "3 besök · 1 team", "Vecka 48", "Tisdag", "Skyddad adress"):
        assert swedish in swedish_text, swedish
    # The team members' agencies beside their names.
    assert "(polis)" in swedish_text and "(polis)" not in text
    assert "(police)" in text


def test_the_attendance_list_prints_in_english(world):
    _fresh, seeded = world
    text = _print(
        world,
        lambda store, out: PrintService(store).print_callin_attendees(
            seeded.call_in_id, out, now=NOW, lang="en"
        ),
    )
    for english in (
        "CALL-IN ATTENDANCE LIST",
        "Monday 2 November 2026 at 17:00",
        "3 invited, 3 of 3 recorded came",
        "Invited through",
        "Came",
        "Yes",
    ):
        assert english in text, english
    for swedish in ("DELTAGARLISTA", "måndag", "kl. 17:00", "inbjudna", "Inbjuden via", "Ja "):
        assert swedish not in text, swedish


def test_a_letter_is_swedish_unless_english_is_chosen(world):
    _fresh, seeded = world
    swedish = _print(
        world,
        lambda store, out: PrintService(store).print_invitation_letters(
            seeded.call_in_id, out, now=NOW
        ),
    )
    for word in (
        "Hej Łukasz!",
        "Du är inbjuden till ett möte",
        "måndag 2 november 2026 kl. 17:00",
        "NÄR måndag",
        "VAR Stadshuset",
        "Frågor om mötet? Ring",
        "samordnare, Polisen",
        "Med vänlig hälsning",
        "Nr RP-",
    ):
        assert word in swedish, word
    english = _print(
        world,
        lambda store, out: PrintService(store).print_invitation_letters(
            seeded.call_in_id, out, now=NOW, lang="en"
        ),
    )
    for word in (
        "Hello Łukasz,",
        "You are invited to a meeting where the police",
        "Monday 2 November 2026 at 17:00",
        "WHEN Monday",
        "WHERE Stadshuset",
        "Questions about the meeting? Call",
        "coordinator, Polisen",
        "Kind regards",
        "No. RP-",
    ):
        assert word in english, word
    for word in ("Hej ", "Du är", "måndag", "kl. ", "NÄR", "Frågor", "samordnare", "hälsning"):
        assert word not in english, word


def test_an_administrators_own_text_prints_as_written_under_english(world):
    """Only the built-in defaults have an English version; the programme's own words
    (an edited template) print as the administrator wrote them, and the opening line
    and the message switch together, so the talk never changes language halfway."""
    fresh, _seeded = world
    admin = login(fresh.path, "admin")
    try:
        TemplateService(admin).edit(tpl.OPENING_LINE, "Vi kommer som medmänniskor.")
    finally:
        admin.lock()
    text = _packet(world, "en")
    assert "Vi kommer som medmänniskor." in text
    assert "Vi är här för att vi bryr oss om dig och din familj." in text
    assert "You are not suspected of any crime." not in text
    assert "We are here because" not in text
    # The cover's instructions, still the built-in text, print in English.
    assert "Open by saying that he is not suspected of any crime." in text
    assert "BRIEFING PACKET" in text


def test_violence_on_the_packet_is_worded_in_the_readers_language():
    from desktop.services.incidents.briefing import incident_line

    line = ("shooting", "Rosengård", "Norra gänget", "victim", 2, 1, True)
    assert incident_line(*line, "en") == (
        "Shooting in Rosengård: Norra gänget on the victim side (2 injured, 1 killed) – probable"
    )
    assert incident_line(*line) == (
        "Skottlossning i Rosengård: Norra gänget på drabbad sida (2 skadade, 1 död) – trolig"
    )


def test_the_command_line_prints_in_the_language_of_lang(world, tmp_path, monkeypatch):
    from desktop.cli import main
    from tests.factories import PASSWORD, database_args

    fresh, seeded = world
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    args = [*database_args(fresh.path), "--user", "team_lead_police"]
    args += ["--operation", str(seeded.operation_id), "--team", str(seeded.team_id)]
    args += ["--date", DAY.isoformat()]
    packet, schedule = tmp_path / "packet.pdf", tmp_path / "schedule.pdf"
    assert main(["--lang", "en", "briefing", *args, "-o", str(packet)]) == 0
    assert main(["--lang", "en", "briefing", *args, "--schedule", "-o", str(schedule)]) == 0
    packet_text = _text(packet.read_bytes())
    assert "BRIEFING PACKET" in packet_text and "Met him" in packet_text
    assert "GENOMGÅNGSUNDERLAG" not in packet_text and "Träffade honom" not in packet_text
    schedule_text = _text(schedule.read_bytes())
    assert "OPERATION SCHEDULE" in schedule_text and "Tuesday" in schedule_text
    assert "INSATSPLAN" not in schedule_text and "Tisdag" not in schedule_text
