"""The support catalogue (stödinsatser): what help there is, who gives it, whom to call."""

from __future__ import annotations

from sqlalchemy import func, select

from desktop.models import Agency, Referral, SupportService
from desktop.services.changes import Changes
from desktop.services.engagement.referrals import CLOSED
from desktop.services.engagement.rows import Choice, ServiceInput, ServiceRow
from desktop.services.errors import ConflictError, NotFound, ValidationError
from desktop.services.permissions import Action, require
from desktop.services.uow import UnitOfWork
from desktop.store.interface import Store

MAX_NAME = 200
MAX_TEXT = 4000


def _validate(data: ServiceInput) -> None:
    if not data.name.strip():
        raise ValidationError("support.name_missing", field="name")
    if not data.provider.strip():
        raise ValidationError("support.provider_missing", field="provider")
    if len(data.name) > MAX_NAME or len(data.provider) > MAX_NAME:
        raise ValidationError("name.too_long", field="name", limit=MAX_NAME)
    if len(data.contact) > MAX_TEXT or len(data.description) > MAX_TEXT:
        raise ValidationError("text.too_long", field="description", limit=MAX_TEXT)


def _apply(service: SupportService, data: ServiceInput) -> None:
    service.name = data.name.strip()
    service.kind = data.kind
    service.provider = data.provider.strip()
    service.contact = data.contact.strip()
    service.agency_id = data.agency_id
    service.description = data.description.strip()
    service.active = data.active


class SupportCatalogue:
    """Read and keep the catalogue of support services."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def services(self, include_inactive: bool = True) -> list[ServiceRow]:
        """The catalogue by kind and name, with each service's open referrals."""
        require(self.store.identity, Action.SUPPORT_READ)
        open_count = (
            select(Referral.service_id, func.count().label("n"))
            .where(Referral.status.not_in(sorted(CLOSED)))
            .group_by(Referral.service_id)
            .subquery()
        )
        query = (
            select(SupportService, Agency.name, open_count.c.n)
            .outerjoin(Agency, Agency.id == SupportService.agency_id)
            .outerjoin(open_count, open_count.c.service_id == SupportService.id)
            .order_by(SupportService.kind, SupportService.name)
        )
        if not include_inactive:
            query = query.where(SupportService.active)
        with self.store.read_session() as session:
            return [
                ServiceRow(
                    s.id,
                    s.version,
                    s.name,
                    s.kind,
                    s.provider,
                    s.contact,
                    s.agency_id,
                    agency or "",
                    s.description,
                    s.active,
                    int(n or 0),
                )
                for s, agency, n in session.execute(query)
            ]

    def agencies(self) -> list[Choice]:
        require(self.store.identity, Action.SUPPORT_READ)
        with self.store.read_session() as session:
            return [
                Choice(i, name)
                for i, name in session.execute(select(Agency.id, Agency.name).order_by(Agency.name))
            ]

    def create(self, data: ServiceInput) -> tuple[int, Changes]:
        require(self.store.identity, Action.SUPPORT_EDIT)
        _validate(data)
        with UnitOfWork(self.store, "Ny stödinsats") as uow:
            service = SupportService(name="", kind=data.kind, provider="")
            _apply(service, data)
            uow.session.add(service)
            uow.session.flush()
            uow.audit("support.create", "support_service", [service.id])
            uow.touched("support_service", service.id)
            new_id = service.id
        return new_id, uow.changes

    def update(self, service_id: int, version: int, data: ServiceInput) -> Changes:
        require(self.store.identity, Action.SUPPORT_EDIT)
        _validate(data)
        with UnitOfWork(self.store, "Redigera stödinsats") as uow:
            service = uow.session.get(SupportService, service_id)
            if service is None:
                raise NotFound("support.gone")
            if service.version != version:
                raise ConflictError()
            _apply(service, data)
            uow.audit("support.update", "support_service", [service_id])
            uow.touched("support_service", service_id)
        return uow.changes
