"""A victim's, injured person's or witness's part in an incident, sealed in the recording
agency's compartment (issue 20).

A plain link row (``incident_person``) would tell an insider of another agency, holding
the raw file and their own password, who was shot or who spoke to the police. Such a
link is therefore one ciphertext (``IncidentPersonSealed``): person id, role, source and
certainty, padded to whole blocks so its length does not tell the role, AES-256-GCM
under the compartment key and bound to the incident, as the description is. A
correction's old links of these roles are sealed the same way inside the revision. A
suspect's link stays plain: it is shared with every agency on purpose (the response is
planned on it, the server's row policy shares it).

Derive, don't copy: a merge moves no link. Every reader resolves a merged-away person to
the one he was merged into (``resolve_persons``), so a merge by another agency's
coordinator, who can neither read nor move these links, loses none.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import (
    Agency,
    Certainty,
    Incident,
    IncidentPersonSealed,
    IncidentRevision,
    IncidentRole,
    Person,
)
from desktop.services.incidents.rows import WITHHELD_ROLES, PersonLinkInput
from desktop.store import crypto
from desktop.store.compartment import CompartmentCipher
from desktop.store.interface import KEY_SEALED_BOX, Store

KEY_COMPARTMENT = 1
_BLOCK = 256
_BATCH = 500
# A revision's old sealed link: "c:" under the compartment key, "b:" sealed to the
# agency's public key (migration 0019).
_PREFIX = {KEY_COMPARTMENT: "c:", KEY_SEALED_BOX: "b:"}


@dataclass(frozen=True)
class OpenLink:
    """One sealed link, opened."""

    id: int
    incident_id: int
    person_id: int
    role: IncidentRole
    source: str
    certainty: Certainty
    # The person's created_at when the link was written (None in a link sealed by
    # migration 0019 or the demo): see ``link_text``.
    born: str | None = None


def is_withheld(role: IncidentRole) -> bool:
    return role in WITHHELD_ROLES


def link_context(incident_id: int) -> str:
    return f"incident_person:{incident_id}"


def revision_context(incident_id: int) -> str:
    return f"incident_revision:{incident_id}"


def link_text(
    person_id: int, role: str, source: str, certainty: str, born: str | None = None
) -> str:
    """The sealed form's plaintext, padded with spaces to whole blocks.

    ``born``: the person's ``created_at``. No foreign key reaches inside the ciphertext,
    so a link outlives its person's deletion by retention (nobody without the key can
    find it), and a file's person id is SQLite's rowid, given again to the next person
    when the deleted one had the highest: the link names the person born then, never a
    newcomer with his number (``_living``).
    """
    fields: list[object] = [person_id, role, source, certainty]
    if born is not None:
        fields.append(born)
    text = json.dumps(fields, ensure_ascii=False)
    size = len(text.encode("utf-8"))
    return text + " " * (-size % _BLOCK)


def _parse(text: str) -> tuple[int, IncidentRole, str, Certainty, str | None] | None:
    try:
        fields = json.loads(text)
        person_id, role, source, certainty = fields[:4]
        born = str(fields[4]) if len(fields) > 4 else None
        return int(person_id), IncidentRole(role), str(source), Certainty(certainty), born
    except (ValueError, TypeError, KeyError):
        return None


def _born(session: Session, person_ids: Iterable[int]) -> dict[int, str]:
    """Each existing person's ``created_at``, as a link seals it."""
    ids = sorted(set(person_ids))
    found: dict[int, str] = {}
    for n in range(0, len(ids), _BATCH):
        for pid, created in session.execute(
            select(Person.id, Person.created_at).where(Person.id.in_(ids[n : n + _BATCH]))
        ):
            if created is not None:
                found[pid] = created.isoformat()
    return found


def _living(session: Session, links: list[OpenLink]) -> list[OpenLink]:
    """The links whose person is still the one they were written for (``link_text``)."""
    born = _born(session, (link.person_id for link in links if link.born is not None))
    return [link for link in links if link.born is None or born.get(link.person_id) == link.born]


def _open_text(
    cipher: CompartmentCipher, key_version: int, blob: bytes, context: str
) -> str | None:
    try:
        if key_version == KEY_SEALED_BOX:
            return cipher.open_box(blob, context)
        return cipher.decrypt(blob, context)
    except crypto.UnwrapError:
        return None


def add_sealed_links(
    session: Session, cipher: CompartmentCipher, incident_id: int, links: Iterable[PersonLinkInput]
) -> None:
    links = list(links)
    born = _born(session, (link.person_id for link in links))
    for link in links:
        text = link_text(
            link.person_id,
            link.role.value,
            link.source.strip(),
            link.certainty.value,
            born.get(link.person_id),
        )
        session.add(
            IncidentPersonSealed(
                incident_id=incident_id,
                key_version=KEY_COMPARTMENT,
                sealed=cipher.encrypt(text, link_context(incident_id)),
            )
        )


def open_link(cipher: CompartmentCipher, row: IncidentPersonSealed) -> OpenLink | None:
    """The link, or None when it fails to authenticate (tampered: never shown)."""
    return _open_values(cipher, row.id, row.incident_id, row.key_version, row.sealed)


def _open_values(
    cipher: CompartmentCipher, link_id: int, incident_id: int, key_version: int, blob: bytes
) -> OpenLink | None:
    text = _open_text(cipher, key_version, blob, link_context(incident_id))
    parsed = None if text is None else _parse(text)
    if parsed is None:
        return None
    return OpenLink(link_id, incident_id, *parsed)


def readable_links(
    session: Session, store: Store, incident_ids: Sequence[int] | None = None
) -> tuple[list[OpenLink], int]:
    """The sealed links the user's keys open (of ``incident_ids``, or of every incident of
    an agency whose key the user holds), and how many of those incidents' links it cannot.
    """
    # Columns, not entities: a timeline opens every link of the agency's incidents.
    query = (
        select(
            IncidentPersonSealed.id,
            IncidentPersonSealed.incident_id,
            IncidentPersonSealed.key_version,
            IncidentPersonSealed.sealed,
            Agency.code,
        )
        .join(Incident, Incident.id == IncidentPersonSealed.incident_id)
        .join(Agency, Agency.id == Incident.agency_id)
        .order_by(IncidentPersonSealed.id)
    )
    if incident_ids is None:
        batches = [query.where(Agency.code.in_(sorted(store.held_compartments())))]
    else:
        ids = sorted(set(incident_ids))
        batches = [
            query.where(IncidentPersonSealed.incident_id.in_(ids[n : n + _BATCH]))
            for n in range(0, len(ids), _BATCH)
        ]
    ciphers: dict[str, CompartmentCipher | None] = {}
    opened: list[OpenLink] = []
    closed = 0
    for batch in batches:
        for link_id, incident_id, key_version, blob, code in session.execute(batch):
            if code not in ciphers:
                ciphers[code] = store.compartment(code)
            cipher = ciphers[code]
            link = (
                _open_values(cipher, link_id, incident_id, key_version, blob)
                if cipher is not None
                else None
            )
            if link is None:
                closed += 1
            else:
                opened.append(link)
    return _living(session, opened), closed


def resolve_persons(session: Session, person_ids: Iterable[int]) -> dict[int, int]:
    """Each id -> the live person it is now: itself, or the one it was merged into.

    An id of a deleted person is absent. A merge points earlier merges at the kept person
    too, so one step is the rule; a few more are followed all the same.
    """
    now = {pid: pid for pid in set(person_ids)}
    for _ in range(8):
        merged: dict[int, int] = {}
        found: set[int] = set()
        ids = sorted(set(now.values()))
        for n in range(0, len(ids), _BATCH):
            for pid, into in session.execute(
                select(Person.id, Person.merged_into_id).where(Person.id.in_(ids[n : n + _BATCH]))
            ):
                found.add(pid)
                if into is not None:
                    merged[pid] = into
        now = {k: merged.get(v, v) for k, v in now.items() if v in found}
        if not merged:
            break
    return now


def merged_ids(session: Session, person_id: int) -> set[int]:
    """The person and every record merged into him (whose links are now his)."""
    ids = {person_id}
    frontier = {person_id}
    for _ in range(8):
        frontier = (
            set(session.scalars(select(Person.id).where(Person.merged_into_id.in_(frontier)))) - ids
        )
        if not frontier:
            break
        ids |= frontier
    return ids


# -- a correction's old links --------------------------------------------------------
def seal_previous(
    cipher: CompartmentCipher, incident_id: int, entries: Iterable[Sequence[object]]
) -> list[object]:
    """A revision's old person links: a suspect's as it was, the others sealed.

    The suspects' first, the sealed ones after them: ``entries`` come sorted by their
    text, ``[person id, ...]``, and a sealed entry left in its place between two
    suspects' would tell that its person's id sorts between theirs.
    """
    plain: list[object] = []
    sealed: list[object] = []
    for entry in entries:
        person_id, role, source, certainty = entry
        if not is_withheld(IncidentRole(str(role))):
            plain.append(list(entry))
            continue
        text = link_text(int(str(person_id)), str(role), str(source), str(certainty))
        blob = cipher.encrypt(text, revision_context(incident_id))
        sealed.append(_PREFIX[KEY_COMPARTMENT] + base64.b64encode(blob).decode("ascii"))
    return plain + sealed


def _open_entry(cipher: CompartmentCipher, incident_id: int, entry: str) -> str | None:
    version = KEY_SEALED_BOX if entry.startswith(_PREFIX[KEY_SEALED_BOX]) else KEY_COMPARTMENT
    try:
        blob = base64.b64decode(entry[2:], validate=True)
    except ValueError:
        return None
    return _open_text(cipher, version, blob, revision_context(incident_id))


def open_previous(
    cipher: CompartmentCipher | None, incident_id: int, entries: Iterable[object]
) -> list[object]:
    """A revision's old person links as lists; one that does not open stays a string."""
    result: list[object] = []
    for entry in entries:
        text = (
            _open_entry(cipher, incident_id, entry) if isinstance(entry, str) and cipher else None
        )
        parsed = None if text is None else _parse(text)
        if parsed is None:
            result.append(entry)
        else:
            pid, role, source, certainty, _ = parsed
            result.append([pid, role.value, source, certainty.value])
    return result


# -- key rotation --------------------------------------------------------------------
def reseal_links(session: Session, agency_id: int, new: CompartmentCipher) -> int:
    """Every sealed link and old link of the agency written again under its new key.

    ``new`` still opens what the older keys (and the public key) sealed. How many moved.
    """
    count = 0
    for row in session.scalars(
        select(IncidentPersonSealed)
        .join(Incident, Incident.id == IncidentPersonSealed.incident_id)
        .where(Incident.agency_id == agency_id)
    ):
        text = _open_text(new, row.key_version, row.sealed, link_context(row.incident_id))
        if text is None:
            continue  # tampered: left as it is, never shown
        row.sealed = new.encrypt(text, link_context(row.incident_id))
        row.key_version = KEY_COMPARTMENT
        count += 1
    for revision in session.scalars(
        select(IncidentRevision)
        .join(Incident, Incident.id == IncidentRevision.incident_id)
        .where(Incident.agency_id == agency_id)
    ):
        entries = (revision.previous or {}).get("persons")
        if not isinstance(entries, list) or not any(isinstance(e, str) for e in entries):
            continue
        moved: list[object] = []
        for entry in entries:
            text = _open_entry(new, revision.incident_id, entry) if isinstance(entry, str) else None
            if text is None:
                moved.append(entry)
                continue
            blob = new.encrypt(text, revision_context(revision.incident_id))
            moved.append(_PREFIX[KEY_COMPARTMENT] + base64.b64encode(blob).decode("ascii"))
            count += 1
        revision.previous = {**revision.previous, "persons": moved}
    session.flush()
    return count
