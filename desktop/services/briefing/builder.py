"""Gather a team's briefing packet from the database into a frozen ``BriefingData``.

Only what the printing user's agency may see goes in: the agency-only section and the
safety notes are that agency's notes, decrypted with its own key; other agencies' notes
are never selected. A protected identity's address stays out unless the caller asks for
it explicitly, and then the sheet marks it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.messages import Language, words
from desktop.models import (
    Agency,
    NoteSection,
    Operation,
    Person,
    StaffMember,
    TalkRole,
    Team,
    TeamMember,
    User,
    Visit,
    VisitStatus,
)
from desktop.reports.data import (
    AgencyCopy,
    AgencySection,
    BriefingData,
    Contact,
    DocumentMeta,
    PersonSummary,
    SupportOffer,
    VisitSheet,
    outcome_form,
)
from desktop.reports.data import TeamMember as TeamMemberLine
from desktop.services.briefing import templates as tpl
from desktop.services.briefing.context import OwnNote, own_agency_notes, person_contexts
from desktop.services.briefing.templates import TemplateRow
from desktop.services.errors import NotFound, ValidationError
from desktop.services.incidents.briefing import incident_notes, urgent_reasons
from desktop.services.protected import PROTECTED_AREA
from desktop.services.visit_address import Place, VisitKey, visit_places
from desktop.store.interface import Store

#: The short code printed on each page for whose copy it is.
COPY_CODES = {"police": "polis", "social": "soc", "probation": "krim"}


@dataclass(frozen=True)
class BriefingRequest:
    """Which packet: one team of one operation, one day or (``day`` None) every day."""

    operation_id: int
    team_id: int
    day: dt.date | None = None
    include_protected_addresses: bool = False
    #: The language of the packet's own words: the printing user's (issue 18).
    lang: Language = "sv"


def agency_copy(session: Session, store: Store) -> AgencyCopy:
    """Whose copy a print is: the printing user's agency."""
    identity = store.identity
    name = session.scalar(select(Agency.name).where(Agency.id == identity.agency_id))
    return AgencyCopy(COPY_CODES.get(identity.agency_code, identity.agency_code), name or "")


def make_meta(
    session: Session,
    store: Store,
    serial: str,
    texts: dict[str, TemplateRow],
    used: tuple[str, ...],
    now: dt.datetime,
    *,
    with_copy: bool = True,
    lang: Language = "sv",
) -> DocumentMeta:
    """The header and footer facts every page carries; the marking and the templates'
    names in ``lang`` (an administrator's own marking as written)."""
    marking = tpl.lines(*tpl.printed(texts[tpl.CONFIDENTIALITY], lang=lang))
    return DocumentMeta(
        confidentiality=marking[0] if marking else tpl.DEFAULTS[tpl.CONFIDENTIALITY],
        printed_by=store.identity.display_name,
        printed_at=now,
        serial=serial,
        agency_copy=agency_copy(session, store) if with_copy else None,
        template_versions=tuple(
            (tpl.title(key, lang), f"v{texts[key].version}") for key in used if key in texts
        ),
    )


def briefing_visits(session: Session, request: BriefingRequest) -> list[Visit]:
    """The team's visits in planned order (cancelled ones left out).

    Raises:
        NotFound: no such operation, or the team is not part of it.
    """
    operation = session.get(Operation, request.operation_id)
    team = session.get(Team, request.team_id)
    if operation is None:
        raise NotFound("operation.gone")
    if team is None or team.operation_id not in (None, operation.id):
        raise NotFound("team.not_in_operation")
    if request.day is not None and not operation.start_date <= request.day <= operation.end_date:
        raise ValidationError("briefing.date_outside_operation", field="date")
    query = (
        select(Visit)
        .where(Visit.operation_id == operation.id, Visit.team_id == team.id)
        .where(Visit.status != VisitStatus.CANCELLED)
        .order_by(Visit.starts_at, Visit.order_in_day, Visit.id)
    )
    if request.day is not None:
        start = dt.datetime.combine(request.day, dt.time.min)
        query = query.where(
            Visit.starts_at >= start, Visit.starts_at < start + dt.timedelta(days=1)
        )
    return list(session.scalars(query))


def build_briefing(
    session: Session,
    store: Store,
    request: BriefingRequest,
    meta: DocumentMeta,
    texts: dict[str, TemplateRow],
    visits: list[Visit] | None = None,
) -> BriefingData:
    """The whole packet, read inside ``session``."""
    visits = briefing_visits(session, request) if visits is None else visits
    operation = session.get(Operation, request.operation_id)
    team = session.get(Team, request.team_id)
    assert operation is not None and team is not None
    on = request.day or (visits[0].starts_at.date() if visits else operation.start_date)
    person_ids = [v.person_id for v in visits]
    persons = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(person_ids)))}
    photos = {
        pid: photo
        for pid, photo in session.execute(
            select(Person.id, Person.photo).where(Person.id.in_(person_ids))
        )
    }
    # The address valid at each visit's time, never the copy planning stored (issue 17).
    places = visit_places(
        session, (VisitKey(v.id, v.person_id, v.starts_at, v.address_id) for v in visits)
    )
    lang = request.lang
    contexts = person_contexts(session, person_ids, on, lang)
    # Violence touching each person's groups, and why a visit is urgent (issue 20).
    incidents = incident_notes(session, person_ids, on, lang)
    urgent = urgent_reasons(session, [v.id for v in visits], lang)
    notes = own_agency_notes(session, store, person_ids=person_ids)
    opening, body = tpl.printed(texts[tpl.OPENING_LINE], texts[tpl.MESSAGE], lang=lang)
    opening, message = opening.strip(), tpl.paragraphs(body)
    fallback_offer = SupportOffer(
        words("paper.help_offer", {}, lang),
        "\n".join(tpl.lines(*tpl.printed(texts[tpl.CONTACTS], lang=lang))).replace("\n", " · "),
    )
    form = outcome_form(lang)
    sheets = []
    for visit in visits:
        person = persons[visit.person_id]
        where = places[visit.id]
        address = where.address
        context = contexts[person.id]
        mine = [n for n in notes if n.person_id == person.id]
        place = _place(person, address, request.include_protected_addresses)
        offer = next(
            (o for vid, o in context.referrals if vid == visit.id),
            context.referrals[0][1] if context.referrals else fallback_offer,
        )
        sheets.append(
            VisitSheet(
                reference=str(visit.id),
                starts_at=visit.starts_at,
                ends_at=visit.ends_at,
                area=_area(person, address, request.include_protected_addresses, lang),
                person=person_summary(person, photos.get(person.id), visit.starts_at.date(), lang),
                address_lines=place.lines,
                access_notes=place.access,
                protected_identity=person.protected_identity,
                protected_address_included=place.included,
                address_changed=where.changed,
                group_name=context.group.name if context.group else "",
                group_role=context.group.role if context.group else "",
                conflicts=tuple(context.conflicts),
                recent_events=tuple(context.events),
                deliveries=tuple(context.deliveries),
                callin_attendance=tuple(context.attendance),
                family_present=tuple(context.family),
                safety_notes=tuple(n.text for n in mine if n.section is NoteSection.SAFETY),
                support=offer,
                opening_line=opening,
                message_paragraphs=message,
                agency_section=_agency_section(mine, visit.id, meta, lang),
                outcome_form=form,
                urgent_because=urgent.get(visit.id, ""),
                incidents=tuple(incidents.get(person.id, ())),
            )
        )
    days = sorted({v.starts_at.date() for v in visits}) or [on]
    return BriefingData(
        meta=meta,
        operation_name=operation.name,
        period_start=operation.start_date,
        period_end=operation.end_date,
        dates=tuple(days),
        team_name=team.name,
        team=_team_lines(session, team.id, lang),
        coordinator=_coordinator(session, operation, lang),
        visits=tuple(sheets),
        instructions=tpl.lines(*tpl.printed(texts[tpl.INSTRUCTIONS], lang=lang)),
        lang=lang,
    )


def age_on(birth: dt.date | None, on: dt.date) -> int | None:
    """Whole years between ``birth`` and ``on``."""
    if birth is None:
        return None
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def person_summary(
    person: Person, photo: bytes | None, on: dt.date, lang: Language = "sv"
) -> PersonSummary:
    aliases = tuple(a.strip() for a in person.aliases.split(";") if a.strip())
    language = person.language or ""
    return PersonSummary(
        name=person.full_name,
        age=age_on(person.birth_date, on),
        aliases=aliases,
        language=language,
        interpreter=(language or words("paper.interpreter_yes", {}, lang))
        if person.interpreter_need
        else "",
        photo=photo,
    )


def _area(
    person: Person, address: Place | None, include_protected: bool, lang: Language = "sv"
) -> str:
    if person.protected_identity and not include_protected:
        return PROTECTED_AREA if lang == "sv" else words("paper.protected_area", {}, lang)
    return (address.area or address.city or "") if address is not None else ""


@dataclass(frozen=True)
class _Place:
    lines: tuple[str, ...] = ()
    access: tuple[str, ...] = ()
    included: bool = False


def _place(person: Person, address: Place | None, include_protected: bool) -> _Place:
    """Address and access notes; nothing for a protected identity unless explicitly included."""
    protected = person.protected_identity
    if address is None or (protected and not include_protected):
        return _Place()
    city_line = " ".join(part for part in (address.postcode, address.city) if part)
    return _Place(
        tuple(line for line in (address.street, city_line) if line),
        tpl.lines(address.access_notes),
        protected and include_protected,
    )


def _agency_section(
    notes: list[OwnNote], visit_id: int, meta: DocumentMeta, lang: Language = "sv"
) -> AgencySection | None:
    """The printing agency's own notes about him (safety notes are printed apart)."""
    chosen = [n for n in notes if n.section is not NoteSection.SAFETY]
    if not chosen:
        return None
    # Notes about this very visit first, then the rest newest first.
    chosen.sort(key=lambda n: (n.visit_id != visit_id, -n.day.toordinal()))
    agency = meta.agency_copy.name if meta.agency_copy else words("paper.own_agency", {}, lang)
    return AgencySection(
        words("paper.notes_from", {"agency": agency}, lang),
        tuple(f"{n.day.isoformat()}: {n.text}" for n in chosen),
    )


def _team_lines(
    session: Session, team_id: int, lang: Language = "sv"
) -> tuple[TeamMemberLine, ...]:
    rows = session.execute(
        select(StaffMember.name, Agency.name, TeamMember.talk_role, StaffMember.phone)
        .join(StaffMember, StaffMember.id == TeamMember.staff_id)
        .join(Agency, Agency.id == StaffMember.agency_id)
        .where(TeamMember.team_id == team_id)
        .order_by(TeamMember.id)
    )
    ranked = sorted(rows, key=lambda r: list(TalkRole).index(r[2]))
    return tuple(
        TeamMemberLine(name, agency, words(f"paper.talk.{role}", {}, lang), phone or "–")
        for name, agency, role, phone in ranked
    )


def team_member_names(
    session: Session, team_ids: list[int], lang: Language = "sv"
) -> dict[int, tuple[str, ...]]:
    """Each team's members as "Name (agency)", the one leading the talk first.

    Only names and agencies: a schedule is pinned up and passed round, so no phone.
    """
    rows = session.execute(
        select(TeamMember.team_id, StaffMember.name, Agency.code, TeamMember.talk_role)
        .join(StaffMember, StaffMember.id == TeamMember.staff_id)
        .join(Agency, Agency.id == StaffMember.agency_id)
        .where(TeamMember.team_id.in_(team_ids))
        .order_by(TeamMember.id)
    ).all()
    ranked = sorted(rows, key=lambda r: list(TalkRole).index(r[3]))
    found: dict[int, list[str]] = {team_id: [] for team_id in team_ids}
    for team_id, name, code, _ in ranked:
        short = words(f"paper.agency_short.{code}", {}, lang) if code in COPY_CODES else code
        found[team_id].append(f"{name} ({short})")
    return {team_id: tuple(names) for team_id, names in found.items()}


def _coordinator(session: Session, operation: Operation, lang: Language = "sv") -> Contact:
    nobody = Contact(words("paper.no_coordinator", {}, lang), "", "–")
    if operation.coordinator_user_id is None:
        return nobody
    user = session.get(User, operation.coordinator_user_id)
    if user is None:
        return nobody
    phone = session.scalar(select(StaffMember.phone).where(StaffMember.user_id == user.id).limit(1))
    if not phone:
        # Staff rows are not always linked to a login: the same name in the same agency.
        phone = session.scalar(
            select(StaffMember.phone)
            .where(StaffMember.name == user.display_name, StaffMember.agency_id == user.agency_id)
            .limit(1)
        )
    return Contact(user.display_name, user.agency.name, phone or "–")
