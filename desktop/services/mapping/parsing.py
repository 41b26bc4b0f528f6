"""Turn what a dialog sent (text as typed) into checked column values, in Swedish."""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop.models import IdentityKind
from desktop.services.errors import ValidationError
from desktop.services.mapping.rows import AddressInput, GroupInput, PersonInput
from desktop.services.validation import (
    GROUP_NAME_MAX,
    PERSON_NAME_MAX,
    check_name,
    parse_date,
    parse_identity_number,
    parse_phone,
    parse_postcode,
)


def optional_date(text: str, field: str) -> dt.date | None:
    return parse_date(text, field) if text.strip() else None


def clean_aliases(text: str) -> str:
    """Aliases typed with ``;`` or ``,`` between them, stored ``"; "``-joined."""
    parts = [p.strip() for p in text.replace(",", ";").split(";")]
    return "; ".join(p for p in parts if p)


def person_values(inp: PersonInput, today: dt.date | None = None) -> dict[str, Any]:
    """Column values for a Person, or ValidationError naming the field."""
    first, last = inp.first_name.strip(), inp.last_name.strip()
    if not first:
        raise ValidationError("person.first_name_missing", field="first_name")
    if not last:
        raise ValidationError("person.last_name_missing", field="last_name")
    check_name(first, "first_name", PERSON_NAME_MAX)
    check_name(last, "last_name", PERSON_NAME_MAX)
    if not 1 <= inp.priority <= 3:
        raise ValidationError("person.priority_range", field="priority")
    birth = optional_date(inp.birth_date, "birth_date")
    number = kind = None
    if inp.identity_number.strip():
        parsed = parse_identity_number(inp.identity_number, today)
        number = parsed.value
        kind = (
            IdentityKind.SAMORDNINGSNUMMER if parsed.is_coordination else IdentityKind.PERSONNUMMER
        )
        if birth is not None and birth != parsed.birth_date:
            raise ValidationError("person.birth_mismatch", field="birth_date")
        birth = parsed.birth_date
    if birth is not None and birth > (today or dt.date.today()):
        raise ValidationError("person.birth_in_future", field="birth_date")
    phone = parse_phone(inp.phone).display if inp.phone.strip() else None
    return {
        "first_name": first,
        "last_name": last,
        "aliases": clean_aliases(inp.aliases),
        "identity_number": number,
        "identity_kind": kind,
        "birth_date": birth,
        "language": inp.language.strip() or None,
        "interpreter_need": inp.interpreter_need,
        "status": inp.status,
        "category": inp.category,
        "protected_identity": inp.protected_identity,
        "at_risk_victim": inp.at_risk_victim,
        "at_risk_shooter": inp.at_risk_shooter,
        "priority": inp.priority,
        "phone": phone,
        "source": inp.source.strip() or None,
        "review_date": optional_date(inp.review_date, "review_date"),
    }


def address_values(inp: AddressInput) -> dict[str, Any]:
    street = inp.street.strip()
    if not street:
        raise ValidationError("address.street_missing", field="street")
    valid_from = optional_date(inp.valid_from, "valid_from")
    valid_to = optional_date(inp.valid_to, "valid_to")
    if valid_from and valid_to and valid_to < valid_from:
        raise ValidationError("period.end_before_start", field="valid_to")
    return {
        "street": street,
        "postcode": parse_postcode(inp.postcode) if inp.postcode.strip() else None,
        "city": inp.city.strip() or None,
        "area": inp.area.strip() or None,
        "valid_from": valid_from,
        "valid_to": valid_to,
        "access_notes": inp.access_notes.strip(),
    }


def group_values(inp: GroupInput) -> dict[str, Any]:
    name = check_name(inp.name, "name", GROUP_NAME_MAX, "group.name_missing")
    return {
        "name": name,
        "aliases": clean_aliases(inp.aliases),
        "area": inp.area.strip() or None,
        "description": inp.description.strip(),
        "active": inp.active,
        "source": inp.source.strip() or None,
        "review_date": optional_date(inp.review_date, "review_date"),
    }
