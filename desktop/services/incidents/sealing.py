"""An incident's description, sealed in the recording agency's compartment.

As a note's text (desktop.services.security.notes): AES-256-GCM with the agency's
compartment key, bound to the incident's id, so a description copied onto another
incident fails to open. A correction keeps the old ciphertext as it was.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import Incident, IncidentRevision
from desktop.store import crypto
from desktop.store.compartment import CompartmentCipher

MAX_DESCRIPTION_CHARS = 20_000


def description_context(incident_id: int) -> str:
    """The AES-GCM associated data binding a description to its incident."""
    return f"incident:{incident_id}"


def seal_description(cipher: CompartmentCipher, incident_id: int, text: str) -> bytes:
    return cipher.encrypt(text, description_context(incident_id))


def open_description(
    cipher: CompartmentCipher | None, incident_id: int, sealed: bytes | None
) -> str | None:
    """The text, "" when there is none, None when it cannot be read (no key, tampered)."""
    if sealed is None:
        return ""
    if cipher is None:
        return None
    try:
        return cipher.decrypt(sealed, description_context(incident_id))
    except crypto.UnwrapError:
        return None


def reseal_incidents(session: Session, agency_id: int, new: CompartmentCipher) -> int:
    """Every description and sealed person link of the agency written again under its new
    key (key rotation).

    ``new`` still opens what the older keys sealed. Returns how many texts moved.
    """
    count = 0
    for incident in session.scalars(
        select(Incident).where(
            Incident.agency_id == agency_id, Incident.description_cipher.is_not(None)
        )
    ):
        text = open_description(new, incident.id, incident.description_cipher)
        if text is None:
            continue  # tampered: left as it is, never shown
        incident.description_cipher = seal_description(new, incident.id, text)
        count += 1
    for revision, incident_id in session.execute(
        select(IncidentRevision, Incident.id)
        .join(Incident, Incident.id == IncidentRevision.incident_id)
        .where(Incident.agency_id == agency_id, IncidentRevision.description_cipher.is_not(None))
    ):
        text = open_description(new, incident_id, revision.description_cipher)
        if text is None:
            continue
        revision.description_cipher = seal_description(new, incident_id, text)
        count += 1
    session.flush()
    # The victims', injured persons' and witnesses' links, and a correction's old ones.
    from desktop.services.incidents.sealed_links import reseal_links

    return count + reseal_links(session, agency_id, new)
