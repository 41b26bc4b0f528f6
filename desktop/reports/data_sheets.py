"""The input contract of the documents other than the briefing packet.

Person sheet, group overview, operation schedule, call-in documents and the
statistics report. Shared pieces (DocumentMeta, PersonSummary, DatedNote,
Contact, AgencySection) live in :mod:`desktop.reports.data`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from desktop.messages import Language
from desktop.reports.data import AgencySection, Contact, DatedNote, DocumentMeta, PersonSummary

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
    address_changed: bool = False


@dataclass(frozen=True)
class OperationScheduleData:
    """An operation's plan as week tables (teams × weekdays), printed landscape.

    Attributes:
        team_members: for each of ``teams`` (same order), its members as printed
            under the team's name, e.g. "Anna Berg (polis)"; may be shorter than
            ``teams`` (a row without members, such as "Utan team").
        lang: the schedule's own words and weekdays: the printing user's language.
    """

    meta: DocumentMeta
    operation_name: str
    period_start: date
    period_end: date
    teams: tuple[str, ...]
    entries: tuple[ScheduleEntry, ...]
    team_members: tuple[tuple[str, ...], ...] = ()
    lang: Language = "sv"


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
    #: The list's own words: the printing user's language (an internal document).
    lang: Language = "sv"


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
        contact_line: whom the recipient can call, with a phone number
            (the programme's contact, from the administrators' template).
        lang: the letter's own words and dates: the recipient's language, Swedish
            unless the one who prints chooses English (issue 18).
    """

    meta: DocumentMeta
    callin: CallInInfo
    letter_date: date
    body_paragraphs: tuple[str, ...]
    signatories: tuple[Contact, ...]
    letters: tuple[InvitationLetter, ...]
    contact_line: str = ""
    lang: Language = "sv"


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
        lang: the printing user's language: the report's own words and month names.
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
    # More bar charts after the two (issue 20: incidents and urgent visits per month).
    extra_charts: tuple[ChartSpec, ...] = ()
    lang: Language = "sv"
