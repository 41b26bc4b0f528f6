"""The input contract of every document: frozen, plain dataclasses.

Services gather these from the database (with the permission checks and the
audit entry for the print); the renderers only lay them out. Nothing here
knows about the ORM or Qt. Text is already in the reader's language and
already filtered to what the printing user's agency may see.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

#: The opening line of every home-visit talk.
OPENING_LINE = "Du är inte misstänkt för något brott."

#: Outcome statuses on the paper form, in the order the team ticks them.
OUTCOME_STATUSES: tuple[str, ...] = (
    "Träffade honom",
    "Inte hemma",
    "Nekade inträde",
    "Flyttat",
    "Träffade endast familj",
    "Inställt",
)

#: The parts of the message the team confirms it delivered.
MESSAGE_PARTS: tuple[str, ...] = (
    "Du är inte misstänkt",
    "Vi vill inte att du skadas eller skadar någon",
    "Våld från gruppen får konsekvenser för hela gruppen",
    "Hjälp finns om du vill",
)

#: The support steps the team records.
SUPPORT_STEPS: tuple[str, ...] = ("Frågade om stöd", "Stöd erbjöds", "Stöd accepterades")

#: What the team may leave behind at the door.
LEAVE_BEHIND: tuple[str, ...] = ("Broschyr", "Visitkort med kontakt", "Brev till familjen")


@dataclass(frozen=True)
class DocumentMeta:
    """What every printed page carries: marking, who printed, when, serial.

    Attributes:
        confidentiality: the marking printed at the top and bottom of each page,
            e.g. "SEKRETESS – får ej spridas (OSL 35 kap. 1 §)".
        printed_by: the printing user's display name.
        printed_at: when the print was made (local time).
        serial: the print's serial number from the print log, e.g. "RP-2026-000123".
        agency_copy: whose copy this is; None for documents without agency parts.
        template_versions: (template name, version) pairs used for the texts.
    """

    confidentiality: str
    printed_by: str
    printed_at: datetime
    serial: str
    agency_copy: AgencyCopy | None = None
    template_versions: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class AgencyCopy:
    """The agency whose copy a print is: code "polis", "soc" or "krim" and its name."""

    code: str
    name: str


@dataclass(frozen=True)
class Contact:
    """A person to call: name, agency or organisation, phone, optional e-mail."""

    name: str
    organisation: str
    phone: str
    email: str = ""


@dataclass(frozen=True)
class TeamMember:
    """One member of a visit team and their part in the talk (e.g. "leder samtalet")."""

    name: str
    agency: str
    role: str
    phone: str


@dataclass(frozen=True)
class DatedNote:
    """A dated line of text (a recent event, a delivery, a call-in)."""

    day: date
    text: str


@dataclass(frozen=True)
class PersonSummary:
    """Who the team is looking for.

    Attributes:
        photo: JPEG or PNG bytes, or None; printed scaled to fit, aspect kept.
        interpreter: the interpreter language needed, or "" if none.
    """

    name: str
    age: int | None = None
    aliases: tuple[str, ...] = ()
    language: str = ""
    interpreter: str = ""
    photo: bytes | None = None


@dataclass(frozen=True)
class AgencySection:
    """Text only the printing agency may see; the service includes it or not."""

    title: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class SupportOffer:
    """The support the team offers and the contact it hands over."""

    title: str
    description: str
    contact: Contact | None = None


@dataclass(frozen=True)
class OutcomeForm:
    """The boxes of the paper outcome form; defaults are the programme's standard."""

    statuses: tuple[str, ...] = OUTCOME_STATUSES
    message_parts: tuple[str, ...] = MESSAGE_PARTS
    support_steps: tuple[str, ...] = SUPPORT_STEPS
    leave_behind: tuple[str, ...] = LEAVE_BEHIND


@dataclass(frozen=True)
class VisitSheet:
    """Everything a team needs at one door.

    Attributes:
        reference: the visit's id as printed, used when recording the outcome.
        address_lines: the address; ignored (never printed) when
            ``protected_identity`` is set and ``protected_address_included`` is not.
        protected_address_included: the user explicitly chose to print a
            protected address; the page then marks it prominently.
        message_paragraphs: the message after the opening line.
        agency_section: the printing agency's own section, or None.
    """

    reference: str
    starts_at: datetime
    ends_at: datetime
    area: str
    person: PersonSummary
    address_lines: tuple[str, ...] = ()
    access_notes: tuple[str, ...] = ()
    protected_identity: bool = False
    protected_address_included: bool = False
    group_name: str = ""
    group_role: str = ""
    conflicts: tuple[str, ...] = ()
    recent_events: tuple[DatedNote, ...] = ()
    deliveries: tuple[DatedNote, ...] = ()
    callin_attendance: tuple[DatedNote, ...] = ()
    family_present: tuple[str, ...] = ()
    safety_notes: tuple[str, ...] = ()
    support: SupportOffer | None = None
    opening_line: str = OPENING_LINE
    message_paragraphs: tuple[str, ...] = ()
    agency_section: AgencySection | None = None
    outcome_form: OutcomeForm = field(default_factory=OutcomeForm)

    @property
    def address_printable(self) -> bool:
        """Whether the address may be printed on this sheet."""
        return not self.protected_identity or self.protected_address_included


@dataclass(frozen=True)
class BriefingData:
    """A team's briefing packet for one or more days of an operation.

    Attributes:
        dates: the days this packet covers (usually one).
        visits: the visit sheets in planned order.
        instructions: general instructions printed on the cover.
    """

    meta: DocumentMeta
    operation_name: str
    period_start: date
    period_end: date
    dates: tuple[date, ...]
    team_name: str
    team: tuple[TeamMember, ...]
    coordinator: Contact
    visits: tuple[VisitSheet, ...]
    instructions: tuple[str, ...] = ()


# --- Person profile sheet -------------------------------------------------


@dataclass(frozen=True)
class AddressPeriod:
    """An address and when it applied (``until`` None = current)."""

    lines: tuple[str, ...]
    since: date | None = None
    until: date | None = None


@dataclass(frozen=True)
class MembershipRow:
    """A group membership: group, role, source of the information, review date."""

    group: str
    role: str
    source: str = ""
    since: date | None = None
    review_date: date | None = None


@dataclass(frozen=True)
class RelationRow:
    """A family or network relation: name, how related, optional note."""

    name: str
    relation: str
    note: str = ""


@dataclass(frozen=True)
class ReferralRow:
    """A support referral and how far it got."""

    service: str
    status: str
    started: date | None = None
    ended: date | None = None


@dataclass(frozen=True)
class NoteRow:
    """A note; ``kind`` is "Faktauppgift" or "Bedömning", said on paper too."""

    day: date
    kind: str
    author_agency: str
    text: str


@dataclass(frozen=True)
class PersonSheetData:
    """A person's profile sheet.

    Attributes:
        personal_id_masked: the personnummer already masked by the service,
            e.g. "20040312-XXXX", or "".
        addresses: printed only when ``protected_identity`` is false.
    """

    meta: DocumentMeta
    person: PersonSummary
    personal_id_masked: str = ""
    birth_date: date | None = None
    status: str = ""
    category: str = ""
    protected_identity: bool = False
    addresses: tuple[AddressPeriod, ...] = ()
    memberships: tuple[MembershipRow, ...] = ()
    relations: tuple[RelationRow, ...] = ()
    deliveries: tuple[DatedNote, ...] = ()
    callin_attendance: tuple[DatedNote, ...] = ()
    referrals: tuple[ReferralRow, ...] = ()
    notes: tuple[NoteRow, ...] = ()
    agency_section: AgencySection | None = None


# --- Group overview -------------------------------------------------------


@dataclass(frozen=True)
class GroupMemberRow:
    """One member line in a group overview."""

    name: str
    age: int | None
    role: str
    status: str
    deliveries: int = 0
    last_delivery: date | None = None


@dataclass(frozen=True)
class GroupRelationRow:
    """A rivalry or alliance; ``kind`` is "Konflikt" or "Allians"."""

    other_group: str
    kind: str
    status: str
    since: date | None = None
    note: str = ""


@dataclass(frozen=True)
class SanctionRow:
    """A period of increased focus (sanction period) on the group."""

    start: date
    end: date | None
    reason: str


@dataclass(frozen=True)
class GroupOverviewData:
    """A group with its members, conflicts and alliances."""

    meta: DocumentMeta
    name: str
    aliases: tuple[str, ...] = ()
    territory: str = ""
    description: str = ""
    members: tuple[GroupMemberRow, ...] = ()
    relations: tuple[GroupRelationRow, ...] = ()
    sanctions: tuple[SanctionRow, ...] = ()
    recent_events: tuple[DatedNote, ...] = ()


# --- Operation schedule ---------------------------------------------------


@dataclass(frozen=True)
class ScheduleEntry:
    """A planned visit in the schedule; ``person`` is as the reader may see it."""

    starts_at: datetime
    ends_at: datetime
    team: str
    person: str
    area: str
    status: str = ""


@dataclass(frozen=True)
class OperationScheduleData:
    """An operation's plan as week tables (teams × weekdays), printed landscape."""

    meta: DocumentMeta
    operation_name: str
    period_start: date
    period_end: date
    teams: tuple[str, ...]
    entries: tuple[ScheduleEntry, ...]


# --- Call-ins -------------------------------------------------------------


@dataclass(frozen=True)
class CallInInfo:
    """When and where a call-in (stormöte) takes place."""

    title: str
    starts_at: datetime
    venue: str
    venue_address: tuple[str, ...] = ()


@dataclass(frozen=True)
class AttendeeRow:
    """A person invited to a call-in; ``attended`` None means not yet recorded."""

    name: str
    group: str
    invited_via: str
    invited_on: date | None = None
    attended: bool | None = None
    note: str = ""


@dataclass(frozen=True)
class CallInAttendeesData:
    """The attendance list for a call-in, with a column to sign or tick."""

    meta: DocumentMeta
    callin: CallInInfo
    attendees: tuple[AttendeeRow, ...]


@dataclass(frozen=True)
class InvitationLetter:
    """One letter: recipient name and address (empty when protected)."""

    recipient: str
    address_lines: tuple[str, ...] = ()
    salutation: str = ""


@dataclass(frozen=True)
class InvitationLettersData:
    """Invitation letters to a call-in, one page each, same body for all.

    Attributes:
        body_paragraphs: the letter text after the salutation.
        signatories: who signs (one per agency, usually).
    """

    meta: DocumentMeta
    callin: CallInInfo
    letter_date: date
    body_paragraphs: tuple[str, ...]
    signatories: tuple[Contact, ...]
    letters: tuple[InvitationLetter, ...]


# --- Statistics -----------------------------------------------------------


@dataclass(frozen=True)
class KeyFigure:
    """A key figure, already formatted, with its definition printed beside it."""

    label: str
    value: str
    definition: str


@dataclass(frozen=True)
class MonthSeries:
    """One measure month by month; ``values`` align with the report's ``months``."""

    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class ChartSpec:
    """A chart: title, the unit on the value axis, and its series."""

    title: str
    unit: str
    series: tuple[MonthSeries, ...]


@dataclass(frozen=True)
class StatTable:
    """A plain table of already formatted cells."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str = ""


@dataclass(frozen=True)
class StatisticsReportData:
    """The programme's follow-up report.

    Attributes:
        months: first day of each month covered, in order.
        bar_chart: drawn as grouped bars per month.
        line_chart: drawn as lines over the months.
    """

    meta: DocumentMeta
    title: str
    period_start: date
    period_end: date
    key_figures: tuple[KeyFigure, ...]
    months: tuple[date, ...]
    bar_chart: ChartSpec | None = None
    line_chart: ChartSpec | None = None
    tables: tuple[StatTable, ...] = ()
    notes: tuple[str, ...] = ()
