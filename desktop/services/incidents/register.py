"""The incident register (händelser): enter, correct with history, list and read (audited)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from desktop.models import (
    Agency,
    Incident,
    IncidentGroup,
    IncidentRevision,
    IncidentSide,
    User,
    Visit,
)
from desktop.services.changes import Changes
from desktop.services.clock import LocalClock, local_now
from desktop.services.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from desktop.services.incidents import queries as q
from desktop.services.incidents import timeline
from desktop.services.incidents.rows import (
    IncidentDetail,
    IncidentFilter,
    IncidentInput,
    IncidentRow,
    RevisionRow,
    TimelineRow,
    WeekDistrictRow,
)
from desktop.services.incidents.sealed_links import open_previous, resolve_persons, seal_previous
from desktop.services.incidents.sealing import open_description
from desktop.services.incidents.validation import (
    require_recorder,
    validate_incident,
    validate_reason,
)
from desktop.services.incidents.writing import (
    add_incident,
    add_links,
    apply_input,
    check_links,
    check_reference,
    differences,
    link_detail,
    links_of,
    own_cipher,
    seal_text,
    sealed_persons,
    touch_links,
)
from desktop.services.permissions import Action, require
from desktop.services.uow import UnitOfWork
from desktop.store.compartment import CompartmentCipher
from desktop.store.interface import Store

LIST_LIMIT = 2000


def _opened(
    cipher: CompartmentCipher | None, incident_id: int, previous: dict[str, object]
) -> dict[str, object]:
    """A revision's old values with its sealed old person links opened."""
    result = dict(previous)
    persons = result.get("persons")
    if isinstance(persons, list):
        result["persons"] = open_previous(cipher, incident_id, persons)
    return result


class IncidentService:
    """Incidents for the unlocked user: what their role and agency may see and do."""

    def __init__(self, store: Store, clock: LocalClock | None = None) -> None:
        self.store = store
        self._clock = clock or local_now

    # -- writing ---------------------------------------------------------------------
    def create(self, data: IncidentInput) -> tuple[int, Changes]:
        identity = self.store.identity
        require(identity, Action.INCIDENT_EDIT)
        data = validate_incident(data, self._clock())
        with UnitOfWork(self.store, "Registrera händelse") as uow:
            session = uow.session
            self._require_recorder(session)
            new_id = add_incident(session, self.store, data, identity.agency_id, identity.user_id)
            uow.audit("incident.create", "incident", [new_id], detail=link_detail(data))
            uow.touched("incident", new_id)
            touch_links(uow, data)
        return new_id, uow.changes

    def correct(self, incident_id: int, version: int, data: IncidentInput, reason: str) -> Changes:
        """Change an incident; its values before are kept as a revision with the reason."""
        identity = self.store.identity
        require(identity, Action.INCIDENT_EDIT)
        data = validate_incident(data, self._clock())
        reason = validate_reason(reason)
        with UnitOfWork(self.store, "Rätta händelse") as uow:
            session = uow.session
            self._require_recorder(session)
            incident = session.get(Incident, incident_id)
            if incident is None:
                raise NotFound("incident.not_found")
            if incident.version != version:
                raise ConflictError()
            if incident.agency_id != identity.agency_id:
                raise PermissionDenied("incident.other_agency")
            check_reference(session, data.reference, incident_id)
            check_links(session, data)
            cipher = self.store.compartment(identity.agency_code)
            old_text = open_description(cipher, incident.id, incident.description_cipher)
            old_sealed = sealed_persons(cipher, incident)
            linked = [p.person_id for p in incident.persons]
            linked += [link[0] for link in old_sealed if isinstance(link[0], int)]
            live = resolve_persons(session, linked)
            previous = differences(incident, data, old_text, old_sealed, live)
            if not previous:
                raise ValidationError("incident.nothing_changed")
            if "persons" in previous:
                # A victim's or witness's old link stays sealed in the revision.
                previous["persons"] = seal_previous(
                    own_cipher(self.store),
                    incident.id,
                    previous["persons"],  # type: ignore[arg-type]
                )
            session.add(
                IncidentRevision(
                    incident_id=incident.id,
                    user_id=identity.user_id,
                    reason=reason,
                    previous={k: v for k, v in previous.items() if k != "description"},
                    description_cipher=incident.description_cipher
                    if "description" in previous
                    else None,
                )
            )
            before = links_of(incident)
            apply_input(incident, data)
            if "description" in previous:
                seal_text(self.store, incident, data.description)
            incident.groups.clear()
            incident.persons.clear()
            incident.sealed_persons.clear()
            session.flush()
            add_links(session, self.store, incident.id, data)
            uow.audit(
                "incident.correct",
                "incident",
                [incident.id],
                detail="fields=" + ",".join(sorted(previous)),
            )
            uow.touched("incident", incident.id)
            touch_links(uow, data)
            for kind, ids in before.items():
                uow.touched(kind, *ids)
        return uow.changes

    def _require_recorder(self, session: Session) -> None:
        identity = self.store.identity
        kind = session.scalar(select(Agency.kind).where(Agency.id == identity.agency_id))
        if kind is None:
            raise PermissionDenied()
        require_recorder(identity.role, kind)

    # -- reading ---------------------------------------------------------------------
    def rows(self, flt: IncidentFilter | None = None) -> list[IncidentRow]:
        """Incidents newest first (at most ``LIST_LIMIT``); one audit entry with the ids."""
        require(self.store.identity, Action.INCIDENT_READ)
        flt = flt or IncidentFilter()
        with UnitOfWork(self.store, "Visa händelser") as uow:
            session = uow.session
            query = (
                select(Incident, Agency.code)
                .join(Agency, Agency.id == Incident.agency_id)
                .where(q.in_period(flt.first, flt.last))
                .order_by(Incident.occurred_at.desc(), Incident.id.desc())
                .limit(LIST_LIMIT)
            )
            if flt.kinds:
                query = query.where(Incident.kind.in_(tuple(flt.kinds)))
            if flt.district:
                query = query.where(Incident.district == flt.district)
            if flt.group_id is not None:
                query = query.where(
                    exists().where(
                        IncidentGroup.incident_id == Incident.id,
                        IncidentGroup.group_id == flt.group_id,
                    )
                )
            found = session.execute(query).all()
            ids = [incident.id for incident, _ in found]
            links = q.group_links(session, ids)
            responses = q.latest_responses(session, ids)
            urgent = q.urgent_counts(session, ids)
            if ids:
                uow.audit("incident.list", "incident", ids)
        return [
            IncidentRow(
                i.id,
                i.version,
                i.reference,
                i.kind,
                i.certainty,
                i.occurred_at,
                i.district,
                i.injured,
                i.killed,
                code,
                q.group_names_by_side(links, i.id, IncidentSide.SUSPECTED),
                q.group_names_by_side(links, i.id, IncidentSide.VICTIM),
                responses.get(i.id),
                urgent.get(i.id, 0),
            )
            for i, code in found
        ]

    def get(self, incident_id: int) -> IncidentDetail:
        """One incident with what the user's agency may see of it (audited)."""
        identity = self.store.identity
        require(identity, Action.INCIDENT_READ)
        with UnitOfWork(self.store, "Visa händelse") as uow:
            session = uow.session
            found = session.execute(
                select(Incident, Agency.code)
                .join(Agency, Agency.id == Incident.agency_id)
                .where(Incident.id == incident_id)
            ).first()
            if found is None:
                raise NotFound("incident.not_found")
            incident, code = found
            groups = q.group_links(session, [incident_id]).get(incident_id, [])
            persons, withheld = q.person_links(session, self.store, incident_id, identity.agency_id)
            revisions = len(
                session.scalars(
                    select(IncidentRevision.id).where(IncidentRevision.incident_id == incident_id)
                ).all()
            )
            own = incident.agency_id == identity.agency_id
            description = open_description(
                self.store.compartment(code), incident.id, incident.description_cipher
            )
            # The log names a suspect; a sealed link by its row id, which only the
            # recording agency's key turns into a person (the log is readable in the file).
            shared = [str(p.person_id) for p in persons if not p.sealed]
            sealed = [str(p.id) for p in persons if p.sealed]
            uow.audit(
                "incident.read",
                "incident",
                [incident_id],
                detail=f"persons={','.join(shared)};sealed={','.join(sealed)}",
            )
        return IncidentDetail(
            incident.id,
            incident.version,
            incident.reference,
            incident.kind,
            incident.certainty,
            incident.occurred_at,
            incident.district,
            incident.injured,
            incident.killed,
            incident.agency_id,
            code,
            own,
            description,
            tuple(groups),
            tuple(persons),
            withheld,
            revisions,
        )

    def revisions(self, incident_id: int) -> list[RevisionRow]:
        """The corrections, newest first; only the recording agency sees the old values."""
        identity = self.store.identity
        require(identity, Action.INCIDENT_READ)
        with UnitOfWork(self.store, "Visa rättelser") as uow:
            session = uow.session
            incident = session.get(Incident, incident_id)
            if incident is None:
                raise NotFound("incident.not_found")
            if incident.agency_id != identity.agency_id:
                return []
            cipher = self.store.compartment(identity.agency_code)
            rows = [
                RevisionRow(
                    r.id,
                    r.at,
                    name or "",
                    r.reason,
                    _opened(cipher, incident_id, r.previous),
                    open_description(cipher, incident_id, r.description_cipher)
                    if r.description_cipher is not None
                    else None,
                )
                for r, name in session.execute(
                    select(IncidentRevision, User.display_name)
                    .outerjoin(User, User.id == IncidentRevision.user_id)
                    .where(IncidentRevision.incident_id == incident_id)
                    .order_by(IncidentRevision.id.desc())
                )
            ]
            uow.audit("incident.revisions", "incident", [incident_id])
        return rows

    def for_group(
        self, group_id: int, first: dt.date | None = None, last: dt.date | None = None
    ) -> list[TimelineRow]:
        """The group's incidents, newest first, with its side in each."""
        require(self.store.identity, Action.INCIDENT_READ)
        with self.store.read_session() as session:
            return timeline.group_timeline(session, group_id, first, last)

    def for_person(self, person_id: int) -> list[TimelineRow]:
        """The person's own links the agency may see, and his groups' incidents while he
        was a member (``part`` is then the group's side). Audited: it names his part."""
        identity = self.store.identity
        require(identity, Action.INCIDENT_READ)
        with UnitOfWork(self.store, "Visa händelser för person") as uow:
            rows = timeline.person_timeline(uow.session, self.store, person_id, identity.agency_id)
            uow.audit("incident.timeline", "person", [person_id])
        return rows

    def week_overview(self, first: dt.date, last: dt.date) -> list[WeekDistrictRow]:
        """Per week (Monday) and district: incidents and the operations that responded."""
        require(self.store.identity, Action.INCIDENT_READ)
        with self.store.read_session() as session:
            return timeline.week_overview(session, first, last)

    def urgent_visits(self, visit_ids: Iterable[int]) -> frozenset[int]:
        """Those of ``visit_ids`` made in response to an incident (urgent)."""
        require(self.store.identity, Action.OPERATION_READ)
        ids = sorted(set(visit_ids))
        found: set[int] = set()
        with self.store.read_session() as session:
            for start in range(0, len(ids), 500):
                found.update(
                    session.scalars(
                        select(Visit.id).where(
                            Visit.id.in_(ids[start : start + 500]), Visit.incident_id.is_not(None)
                        )
                    )
                )
        return frozenset(found)
