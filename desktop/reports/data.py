"""The input contract of every document: frozen, plain dataclasses.

Services gather these from the database (with the permission checks and the
audit entry for the print); the renderers only lay them out. Nothing here
knows about the ORM or Qt. Text is already in the reader's language and
already filtered to what the printing user's agency may see.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from desktop.messages import Language, words
from desktop.messages.paper import DEFAULT_TEXTS
from desktop.services.vocabulary import (
    MESSAGE_PART_WORDS,
    OUTCOME_FIELD_WORDS,
    PAPER_STATUSES,
    VISIT_STATUS_WORDS,
)

#: How far back an incident counts as recent on the packet (issue 20).
INCIDENT_DAYS = 90

#: The opening line of every home-visit talk.
OPENING_LINE = DEFAULT_TEXTS["opening_line"][0]

#: The outcome statuses on the paper form, in the order the team ticks them, worded by
#: the one vocabulary the dialog, the calendar and the statistics use (issue 17).
OUTCOME_STATUSES: tuple[str, ...] = tuple(VISIT_STATUS_WORDS[code] for code in PAPER_STATUSES)

#: The parts of the message the team confirms it delivered.
MESSAGE_PARTS: tuple[str, ...] = tuple(MESSAGE_PART_WORDS.values())

#: The support steps the team records (the record's support_asked/offered/accepted).
SUPPORT_STEPS: tuple[str, ...] = tuple(
    OUTCOME_FIELD_WORDS[f] for f in ("support_asked", "support_offered", "support_accepted")
)


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
    #: The record's one yes/no (``visit.leave_behind``): one box.
    leave_behind: str = OUTCOME_FIELD_WORDS["leave_behind"]
    family_present: str = OUTCOME_FIELD_WORDS["family_present"]
    response: str = OUTCOME_FIELD_WORDS["response"]
    support_service: str = OUTCOME_FIELD_WORDS["support_service"]
    cancel_reason: str = OUTCOME_FIELD_WORDS["cancel_reason"]


def outcome_form(lang: Language = "sv") -> OutcomeForm:
    """The paper outcome form's boxes in ``lang``: in Swedish the one vocabulary's words
    (issue 17), in English their translation from the catalogue (issue 18)."""
    if lang == "sv":
        return OutcomeForm()

    def field_word(code: str) -> str:
        return words(f"paper.field.{code}", {}, lang)

    return OutcomeForm(
        statuses=tuple(words(f"term.visit.{code}", {}, lang) for code in PAPER_STATUSES),
        message_parts=tuple(words(f"paper.part.{code}", {}, lang) for code in MESSAGE_PART_WORDS),
        support_steps=tuple(
            field_word(f) for f in ("support_asked", "support_offered", "support_accepted")
        ),
        leave_behind=field_word("leave_behind"),
        family_present=field_word("family_present"),
        response=field_word("response"),
        support_service=field_word("support_service"),
        cancel_reason=field_word("cancel_reason"),
    )


@dataclass(frozen=True)
class VisitSheet:
    """Everything a team needs at one door.

    Attributes:
        reference: the visit's id as printed, used when recording the outcome.
        address_lines: the address; ignored (never printed) when
            ``protected_identity`` is set and ``protected_address_included`` is not.
        protected_address_included: the user explicitly chose to print a
            protected address; the page then marks it prominently.
        address_changed: the address valid at the visit's time is not the one
            planning saw; the page says so beside the address.
        message_paragraphs: the message after the opening line.
        agency_section: the printing agency's own section, or None.
        urgent_because: the incident this visit responds to, in words (issue 20), or "".
        incidents: recent incidents touching the person's groups (issue 20): groups,
            kinds, places and counts, never a person's name.
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
    address_changed: bool = False
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
    urgent_because: str = ""
    incidents: tuple[DatedNote, ...] = ()

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
        lang: the language of the packet's own words (the printing user's).
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
    lang: Language = "sv"
