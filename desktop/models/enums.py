"""Enums of the domain. Values are stable codes; views turn them into words."""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    ADMINISTRATOR = "administrator"
    COORDINATOR = "coordinator"
    TEAM_LEAD = "team_lead"
    OFFICER = "officer"
    AUDITOR = "auditor"


class AgencyKind(enum.StrEnum):
    POLICE = "police"
    SOCIAL = "social"
    PROBATION = "probation"
    OTHER = "other"


class PersonStatus(enum.StrEnum):
    ACTIVE = "active"
    INACTIVE = "inactive"
    MOVED = "moved"
    IN_CUSTODY = "in_custody"
    EXITED = "exited"
    DECEASED = "deceased"


class Category(enum.StrEnum):
    """Data-subject category (misstänkt, dömd, brottsoffer, anhörig, övrig)."""

    SUSPECT = "suspect"
    CONVICTED = "convicted"
    VICTIM = "victim"
    RELATIVE = "relative"
    OTHER = "other"


class IdentityKind(enum.StrEnum):
    PERSONNUMMER = "personnummer"
    SAMORDNINGSNUMMER = "samordningsnummer"


class MembershipRole(enum.StrEnum):
    LEADER = "leader"
    CORE = "core"
    MEMBER = "member"
    ASSOCIATE = "associate"
    PERIPHERAL = "peripheral"


class GroupRelationKind(enum.StrEnum):
    RIVALRY = "rivalry"
    ALLIANCE = "alliance"
    ACTIVE_CONFLICT = "active_conflict"


class OperationStatus(enum.StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    CLOSED = "closed"


class TalkRole(enum.StrEnum):
    """The part a team member takes in the conversation at the door."""

    LEAD = "lead"
    SPEAKER = "speaker"
    SUPPORT = "support"


class VisitStatus(enum.StrEnum):
    PROPOSED = "proposed"
    PLANNED = "planned"
    MET = "met"
    NOT_HOME = "not_home"
    REFUSED = "refused"
    MOVED = "moved"
    FAMILY_ONLY = "family_only"
    CANCELLED = "cancelled"


class DeliveryChannel(enum.StrEnum):
    HOME_VISIT = "home_visit"
    CALL_IN = "call_in"
    PROBATION = "probation"
    OTHER = "other"


class InvitationStatus(enum.StrEnum):
    INVITED = "invited"
    ATTENDED = "attended"
    NO_SHOW = "no_show"
    LEFT_EARLY = "left_early"
    EXCUSED = "excused"


class CallInStatus(enum.StrEnum):
    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"


class SupportKind(enum.StrEnum):
    EXIT = "exit"
    EMPLOYMENT = "employment"
    EDUCATION = "education"
    HOUSING = "housing"
    ADDICTION = "addiction"
    FAMILY = "family"
    PROTECTION = "protection"
    DEBT = "debt"
    OTHER = "other"


class ReferralStatus(enum.StrEnum):
    OFFERED = "offered"
    ACCEPTED = "accepted"
    REFERRED = "referred"
    STARTED = "started"
    COMPLETED = "completed"
    DECLINED = "declined"
    DROPPED = "dropped"


class TaskStatus(enum.StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class NoteKind(enum.StrEnum):
    """Whether a note states a fact or an assessment (faktauppgift / bedömning)."""

    FACT = "fact"
    ASSESSMENT = "assessment"


class NoteSection(enum.StrEnum):
    GENERAL = "general"
    SAFETY = "safety"
    VISIT = "visit"


class LegalBasis(enum.StrEnum):
    """Grounds for disclosing a note to another agency (utlämnande)."""

    CONSENT = "consent"
    OSL_10_2 = "osl_10_2"
    OSL_10_18A = "osl_10_18a"
    OSL_10_21_23 = "osl_10_21_23"
    OTHER = "other"


class RetentionCategory(enum.StrEnum):
    PERSON = "person"
    NOTE = "note"
    VISIT = "visit"
    DELIVERY = "delivery"
    REFERRAL = "referral"
    AUDIT = "audit"
    INCIDENT = "incident"


class IncidentKind(enum.StrEnum):
    """Kind of violent incident (händelse); words in services.vocabulary."""

    SHOOTING = "shooting"
    EXPLOSION = "explosion"
    HAND_GRENADE = "hand_grenade"
    KNIFE = "knife"
    MURDER = "murder"
    THREAT = "threat"
    OTHER = "other"


class Certainty(enum.StrEnum):
    """How sure a fact is: an incident, or one group's or person's part in it."""

    CONFIRMED = "confirmed"
    PROBABLE = "probable"


class IncidentSide(enum.StrEnum):
    """A group's side in an incident: its member used violence, or was its target."""

    SUSPECTED = "suspected"
    VICTIM = "victim"


class IncidentRole(enum.StrEnum):
    """A person's part in an incident. Only ``suspected`` is ever named across agencies."""

    SUSPECTED = "suspected"
    INJURED = "injured"
    VICTIM = "victim"
    WITNESS = "witness"


class ResponseStatus(enum.StrEnum):
    """A proposed response to an incident, until a coordinator decides."""

    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    DECLINED = "declined"
