"""Data for the call-in printouts: the attendance list and the invitation letters.

A protected identity's letter carries no address: it is handed over, not posted.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.messages import Language, words
from desktop.models import (
    Agency,
    CallIn,
    Invitation,
    InvitationStatus,
    Person,
    Role,
    StaffMember,
    User,
)
from desktop.reports.data import Contact, DocumentMeta
from desktop.reports.data_sheets import (
    AttendeeRow,
    CallInAttendeesData,
    CallInInfo,
    InvitationLetter,
    InvitationLettersData,
)
from desktop.services.briefing import templates as tpl
from desktop.services.briefing.context import invitation_word, person_contexts
from desktop.services.briefing.documents import address_lines
from desktop.services.briefing.templates import TemplateRow
from desktop.services.errors import NotFound, ValidationError

NO_LETTER_CONTACT = "briefing.no_letter_contact"


def _callin(session: Session, call_in_id: int) -> CallIn:
    call_in = session.get(CallIn, call_in_id)
    if call_in is None:
        raise NotFound("callin.gone")
    return call_in


def callin_attendees(
    session: Session, call_in_id: int, meta: DocumentMeta, lang: Language = "sv"
) -> CallInAttendeesData:
    """The attendance list, its words in ``lang`` (the printing user's)."""
    call_in = _callin(session, call_in_id)
    rows = list(
        session.execute(
            select(Invitation, Person)
            .join(Person, Person.id == Invitation.person_id)
            .where(Invitation.call_in_id == call_in_id)
            .order_by(Person.last_name, Person.first_name)
        )
    )
    day = call_in.starts_at.date()
    contexts = person_contexts(session, [p.id for _, p in rows], day, lang)
    attended = {
        InvitationStatus.ATTENDED: True,
        InvitationStatus.LEFT_EARLY: True,
        InvitationStatus.NO_SHOW: False,
        InvitationStatus.EXCUSED: False,
    }
    attendees = []
    for invitation, person in rows:
        group = contexts[person.id].group
        note = ""
        if invitation.status in (InvitationStatus.LEFT_EARLY, InvitationStatus.EXCUSED):
            note = invitation_word(invitation.status, lang).capitalize()
        if invitation.accompanied_by:
            company = words("paper.accompanied", {"who": invitation.accompanied_by}, lang)
            note = ", ".join(p for p in (note, company) if p)
        attendees.append(
            AttendeeRow(
                person.full_name,
                group.name if group else "",
                invitation.mandated_by or "–",
                invitation.letter_printed_at.date() if invitation.letter_printed_at else None,
                attended.get(invitation.status),
                note,
            )
        )
    info = CallInInfo(call_in.title, call_in.starts_at, call_in.venue)
    return CallInAttendeesData(meta, info, tuple(attendees), lang)


def invitation_letters(
    session: Session,
    call_in_id: int,
    meta: DocumentMeta,
    texts: dict[str, TemplateRow],
    person_ids: tuple[int, ...] | None = None,
    lang: Language = "sv",
) -> tuple[InvitationLettersData, list[int]]:
    """Letters to the invited (or to ``person_ids``); marks each invitation's letter printed.

    ``lang`` is the letter's: the recipient's language, Swedish unless chosen (issue 18).
    """
    call_in = _callin(session, call_in_id)
    query = (
        select(Invitation, Person)
        .join(Person, Person.id == Invitation.person_id)
        .where(Invitation.call_in_id == call_in_id)
        .order_by(Person.last_name, Person.first_name)
    )
    if person_ids is not None:
        query = query.where(Invitation.person_id.in_(person_ids))
    rows = list(session.execute(query))
    day = call_in.starts_at.date()
    letters = []
    for invitation, person in rows:
        lines: tuple[str, ...] = ()
        if not person.protected_identity:
            current = [
                a
                for a in person.addresses
                if (a.valid_from is None or a.valid_from <= day) and a.valid_to is None
            ]
            if current:
                lines = address_lines(current[-1])
        salutation = words("paper.salutation", {"name": person.first_name}, lang)
        letters.append(InvitationLetter(person.full_name, lines, salutation))
        invitation.letter_printed_at = meta.printed_at
    # The letter and its contact line read together: one language for both.
    letter, contact = tpl.printed(texts[tpl.LETTER], texts[tpl.LETTER_CONTACT], lang=lang)
    data = InvitationLettersData(
        meta=meta,
        callin=CallInInfo(call_in.title, call_in.starts_at, call_in.venue),
        letter_date=meta.printed_at.date(),
        body_paragraphs=tpl.paragraphs(letter),
        signatories=_signatories(session),
        letters=tuple(letters),
        contact_line=letter_contact(session, contact, lang),
        lang=lang,
    )
    return data, [i.id for i, _ in rows]


def letter_contact(session: Session, body: str, lang: Language = "sv") -> str:
    """The letter's line whom to call: the template, its fields filled in.

    A line without the fields is printed as the administrator wrote it. With them, the
    programme's contact fills them: the first active coordinator with a work phone.

    Raises:
        ValidationError: the template asks for a contact and no coordinator has a phone
            (a letter must not send a young man a "Tel." with nothing after it).
    """
    text = " ".join(tpl.lines(body))
    if not any(field in text for field in tpl.CONTACT_FIELDS):
        return text
    contact = next((c for c in _coordinators(session) if _dialable(c.phone)), None)
    if contact is None:
        raise ValidationError(NO_LETTER_CONTACT, field="contact")
    return (
        text.replace("{namn}", contact.name)
        .replace("{roll}", words("paper.coordinator_of", {"agency": contact.organisation}, lang))
        .replace("{telefon}", contact.phone)
    )


def _dialable(phone: str) -> bool:
    return any(ch.isdigit() for ch in phone)


def _signatories(session: Session) -> tuple[Contact, ...]:
    """One coordinator per agency signs the letter (the one with a phone, if any)."""
    chosen: dict[str, Contact] = {}
    for contact in _coordinators(session):
        known = chosen.get(contact.organisation)
        if known is None or (not _dialable(known.phone) and _dialable(contact.phone)):
            chosen[contact.organisation] = contact
    return tuple(chosen.values())


def _coordinators(session: Session) -> list[Contact]:
    """Active coordinators in agency order, each with the work phone of his staff row.

    Staff rows are not always linked to a login: then the same name in the same agency.
    """
    by_user: dict[int, str] = defaultdict(str)
    by_name: dict[tuple[str, int], str] = defaultdict(str)
    for user_id, name, agency_id, phone in session.execute(
        select(StaffMember.user_id, StaffMember.name, StaffMember.agency_id, StaffMember.phone)
    ):
        if phone:
            if user_id is not None:
                by_user[user_id] = phone
            by_name.setdefault((name, agency_id), phone)
    return [
        Contact(
            user.display_name,
            agency,
            by_user.get(user.id) or by_name.get((user.display_name, user.agency_id), ""),
        )
        for user, agency in session.execute(
            select(User, Agency.name)
            .join(Agency, Agency.id == User.agency_id)
            .where(User.role == Role.COORDINATOR, User.active.is_(True))
            .order_by(Agency.id, User.id)
        )
    ]
