"""Rules of an incident as entered, corrected or imported; errors are codes (issue 18)."""

from __future__ import annotations

import datetime as dt

from desktop.models import AgencyKind, Role
from desktop.services.errors import PermissionDenied, ValidationError
from desktop.services.incidents.rows import IncidentInput
from desktop.services.incidents.sealing import MAX_DESCRIPTION_CHARS

MAX_REFERENCE = 40
MAX_DISTRICT = 80
MAX_SOURCE = 200
MAX_COUNT = 500
MAX_REASON = 2000


def normal_reference(reference: str) -> str:
    """A diarienummer as stored: trimmed, upper case, inner spaces taken out."""
    return "".join(reference.split()).upper()


def validate_incident(data: IncidentInput, now: dt.datetime) -> IncidentInput:
    """The input cleaned, or ValidationError with the first problem's code and field."""
    reference = normal_reference(data.reference)
    if not reference:
        raise ValidationError("incident.reference_missing", field="reference")
    if len(reference) > MAX_REFERENCE:
        raise ValidationError("incident.reference_too_long", field="reference", limit=MAX_REFERENCE)
    if data.occurred_at > now:
        raise ValidationError("incident.in_future", field="occurred_at")
    for name, value in (("injured", data.injured), ("killed", data.killed)):
        if not 0 <= value <= MAX_COUNT:
            raise ValidationError("incident.count_invalid", field=name, limit=MAX_COUNT)
    district = " ".join(data.district.split())
    if len(district) > MAX_DISTRICT:
        raise ValidationError("incident.district_too_long", field="district", limit=MAX_DISTRICT)
    description = data.description.strip()
    if len(description) > MAX_DESCRIPTION_CHARS:
        raise ValidationError(
            "incident.description_too_long", field="description", limit=MAX_DESCRIPTION_CHARS
        )
    groups = [g.group_id for g in data.groups]
    if len(groups) != len(set(groups)):
        raise ValidationError("incident.group_twice", field="groups")
    persons = [(p.person_id, p.role) for p in data.persons]
    if len(persons) != len(set(persons)):
        raise ValidationError("incident.person_twice", field="persons")
    sources = [g.source for g in data.groups] + [p.source for p in data.persons]
    if any(len(source.strip()) > MAX_SOURCE for source in sources):
        raise ValidationError("incident.source_too_long", field="source", limit=MAX_SOURCE)
    return IncidentInput(
        reference=reference,
        kind=data.kind,
        occurred_at=data.occurred_at.replace(second=0, microsecond=0),
        district=district,
        certainty=data.certainty,
        injured=data.injured,
        killed=data.killed,
        groups=data.groups,
        persons=data.persons,
        description=description,
    )


def require_recorder(role: Role, agency_kind: AgencyKind) -> None:
    """Police officers and coordinators enter incidents (issue 20)."""
    if role is Role.OFFICER and agency_kind is not AgencyKind.POLICE:
        raise PermissionDenied("incident.police_only")


def validate_reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise ValidationError("incident.reason_missing", field="reason")
    if len(reason) > MAX_REASON:
        raise ValidationError("incident.reason_too_long", field="reason", limit=MAX_REASON)
    return reason
