"""Groups: list with coverage, profile, members, relations, sanction periods, network."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import distinct, func, or_, select

from desktop.models import (
    Delivery,
    Group,
    GroupRelation,
    GroupRelationKind,
    Membership,
    MembershipRole,
    SanctionPeriod,
)
from desktop.services.changes import Changes
from desktop.services.errors import ConflictError, NotFound, ValidationError
from desktop.services.mapping.parsing import group_values, optional_date
from desktop.services.mapping.persons import PURPOSE_MAPPING, membership_rows
from desktop.services.mapping.rows import (
    GroupInput,
    GroupProfile,
    GroupRow,
    Network,
    NetworkEdge,
    NetworkNode,
    RelationRow,
    SanctionRow,
)
from desktop.services.permissions import Action, require
from desktop.services.relations import relation_valid
from desktop.services.uow import UnitOfWork
from desktop.store.interface import Store
from desktop.store.sql import sql_of


def _current(today: dt.date):  # type: ignore[no-untyped-def]
    return or_(Membership.until.is_(None), Membership.until >= today)


class GroupService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def list(self, today: dt.date | None = None) -> list[GroupRow]:
        """Every group with its current member count and how many received the message."""
        require(self.store.identity, Action.GROUP_READ)
        today = today or dt.date.today()
        with self.store.read_session() as session:
            members: dict[int, int] = dict(
                session.execute(
                    select(Membership.group_id, func.count(distinct(Membership.person_id)))
                    .where(_current(today))
                    .group_by(Membership.group_id)
                ).all()
            )
            reached: dict[int, int] = dict(
                session.execute(
                    select(Membership.group_id, func.count(distinct(Membership.person_id)))
                    .where(
                        _current(today),
                        Membership.person_id.in_(select(Delivery.person_id)),
                    )
                    .group_by(Membership.group_id)
                ).all()
            )
            groups = session.execute(
                select(
                    Group.id,
                    Group.name,
                    Group.aliases,
                    Group.area,
                    Group.active,
                    Group.review_date,
                ).order_by(sql_of(session).swedish(Group.name), Group.id)
            ).all()
        return [
            GroupRow(
                g.id,
                g.name,
                g.aliases,
                g.area,
                g.active,
                members.get(g.id, 0),
                reached.get(g.id, 0),
                g.review_date,
            )
            for g in groups
        ]

    def profile(self, group_id: int, purpose: str = PURPOSE_MAPPING) -> GroupProfile:
        """The group with members, coverage, relations and sanction periods (audited)."""
        require(self.store.identity, Action.GROUP_READ)
        with UnitOfWork(self.store, "Visa gruppering") as uow:
            session = uow.session
            g = session.get(Group, group_id)
            if g is None:
                raise NotFound("group.gone")
            members = membership_rows(session, Membership.group_id == group_id)
            ids = {m.person_id for m in members}
            reached = frozenset(
                session.scalars(
                    select(Delivery.person_id).where(Delivery.person_id.in_(ids)).distinct()
                )
            )
            relations = []
            for r in session.scalars(
                select(GroupRelation).where(
                    or_(GroupRelation.group_a_id == group_id, GroupRelation.group_b_id == group_id)
                )
            ):
                other = r.group_b_id if r.group_a_id == group_id else r.group_a_id
                other_name = session.scalar(select(Group.name).where(Group.id == other)) or ""
                relations.append(
                    RelationRow(
                        r.id, other, other_name, r.kind, r.since, r.until, r.description, r.version
                    )
                )
            sanctions = tuple(
                SanctionRow(
                    s.id, s.trigger_event, s.start_date, s.end_date, s.measures, s.end_reason
                )
                for s in session.scalars(
                    select(SanctionPeriod)
                    .where(SanctionPeriod.group_id == group_id)
                    .order_by(SanctionPeriod.start_date.desc())
                )
            )
            profile = GroupProfile(
                id=g.id,
                version=g.version,
                name=g.name,
                aliases=tuple(a for a in g.aliases.split("; ") if a),
                area=g.area,
                description=g.description,
                active=g.active,
                source=g.source,
                review_date=g.review_date,
                members=members,
                reached_person_ids=reached,
                relations=tuple(sorted(relations, key=lambda r: (r.until is not None, r.kind))),
                sanctions=sanctions,
            )
            uow.audit(Action.GROUP_READ.value, "group", [group_id], purpose=purpose)
            if ids:
                # The profile lists the members by name: audit it as a read of each of them,
                # so "who read this person" finds it (review finding 15).
                uow.audit(
                    Action.PERSON_READ.value,
                    "person",
                    sorted(ids),
                    purpose=purpose,
                    detail=f"via=group:{group_id}",
                )
        return profile

    def network(self, today: dt.date | None = None) -> Network:
        """Active groups and their current relations, for the network picture."""
        require(self.store.identity, Action.GROUP_READ)
        today = today or dt.date.today()
        rows = self.list(today)
        with self.store.read_session() as session:
            sanctioned = set(
                session.scalars(
                    select(SanctionPeriod.group_id).where(
                        SanctionPeriod.start_date <= today,
                        or_(SanctionPeriod.end_date.is_(None), SanctionPeriod.end_date >= today),
                    )
                )
            )
            edges = tuple(
                NetworkEdge(r.id, r.group_a_id, r.group_b_id, r.kind, r.since)
                for r in session.scalars(select(GroupRelation).where(relation_valid(today)))
            )
        nodes = tuple(
            NetworkNode(g.id, g.name, g.members, g.id in sanctioned) for g in rows if g.active
        )
        return Network(nodes, edges)

    # --- changes ----------------------------------------------------------------

    def create(self, inp: GroupInput) -> Changes:
        require(self.store.identity, Action.GROUP_EDIT)
        values = group_values(inp)
        with UnitOfWork(self.store, "Ny gruppering") as uow:
            if uow.session.scalar(select(Group.id).where(Group.name == values["name"])):
                raise ValidationError("group.name_taken", field="name")
            group = Group(**values)
            uow.session.add(group)
            uow.session.flush()
            uow.audit("group.create", "group", [group.id])
            uow.touched("group", group.id)
        return uow.changes

    def update(self, group_id: int, version: int, inp: GroupInput) -> Changes:
        require(self.store.identity, Action.GROUP_EDIT)
        values = group_values(inp)
        with UnitOfWork(self.store, "Redigera gruppering") as uow:
            group = uow.session.get(Group, group_id)
            if group is None:
                raise NotFound("group.gone")
            if group.version != version:
                raise ConflictError()
            for key, value in values.items():
                setattr(group, key, value)
            uow.audit("group.update", "group", [group_id])
            uow.touched("group", group_id)
        return uow.changes

    def add_member(
        self,
        group_id: int,
        person_id: int,
        role: MembershipRole = MembershipRole.MEMBER,
        since: str = "",
        source: str = "",
        reason: str = "",
        review_date: str = "",
    ) -> Changes:
        """Link a person to a group: every link needs a source, a reason and a review date."""
        require(self.store.identity, Action.GROUP_EDIT)
        if not source.strip():
            raise ValidationError("link.source_missing", field="source")
        if not reason.strip():
            raise ValidationError("link.reason_missing", field="reason")
        review = optional_date(review_date, "review_date")
        if review is None:
            raise ValidationError("link.review_missing", field="review_date")
        with UnitOfWork(self.store, "Koppla till gruppering") as uow:
            link = Membership(
                group_id=group_id,
                person_id=person_id,
                role=role,
                since=optional_date(since, "since"),
                source=source.strip(),
                reason=reason.strip(),
                review_date=review,
            )
            uow.session.add(link)
            uow.session.flush()
            uow.audit("membership.create", "membership", [link.id])
            uow.touched("group", group_id)
            uow.touched("person", person_id)
        return uow.changes

    def end_member(self, membership_id: int, until: dt.date) -> Changes:
        require(self.store.identity, Action.GROUP_EDIT)
        with UnitOfWork(self.store, "Avsluta koppling") as uow:
            link = uow.session.get(Membership, membership_id)
            if link is None:
                raise NotFound()
            link.until = until
            uow.audit("membership.end", "membership", [membership_id])
            uow.touched("group", link.group_id)
            uow.touched("person", link.person_id)
        return uow.changes

    def end_relation(self, relation_id: int, version: int, until: dt.date) -> Changes:
        """End a relation on ``until``; the row stays as its history (issue 17)."""
        require(self.store.identity, Action.GROUP_EDIT)
        with UnitOfWork(self.store, "Avsluta relation") as uow:
            relation = uow.session.get(GroupRelation, relation_id)
            if relation is None:
                raise NotFound("relation.gone")
            if relation.version != version:
                raise ConflictError()
            if relation.since is not None and until < relation.since:
                raise ValidationError("relation.ends_before_start", field="until")
            relation.until = until
            uow.audit(
                "group_relation.end", "group_relation", [relation_id], detail=until.isoformat()
            )
            uow.touched("group", relation.group_a_id, relation.group_b_id)
        return uow.changes

    def edit_relation(
        self,
        relation_id: int,
        version: int,
        kind: GroupRelationKind,
        since: dt.date | None,
        until: dt.date | None,
        description: str = "",
    ) -> Changes:
        """Change a relation's kind, period or description (each change is audited)."""
        require(self.store.identity, Action.GROUP_EDIT)
        if since is not None and until is not None and until < since:
            raise ValidationError("relation.ends_before_start", field="until")
        with UnitOfWork(self.store, "Ändra relation") as uow:
            relation = uow.session.get(GroupRelation, relation_id)
            if relation is None:
                raise NotFound("relation.gone")
            if relation.version != version:
                raise ConflictError()
            before = f"{relation.kind.value}:{relation.since}:{relation.until}"
            relation.kind = kind
            relation.since = since
            relation.until = until
            relation.description = description.strip()
            uow.audit(
                "group_relation.update",
                "group_relation",
                [relation_id],
                detail=f"{before}->{kind.value}:{since}:{until}",
            )
            uow.touched("group", relation.group_a_id, relation.group_b_id)
        return uow.changes

    def add_relation(
        self,
        group_a_id: int,
        group_b_id: int,
        kind: GroupRelationKind,
        since: dt.date | None = None,
        description: str = "",
    ) -> Changes:
        require(self.store.identity, Action.GROUP_EDIT)
        if group_a_id == group_b_id:
            raise ValidationError("relation.same_group", field="group_b_id")
        with UnitOfWork(self.store, "Ny relation mellan grupperingar") as uow:
            relation = GroupRelation(
                group_a_id=group_a_id,
                group_b_id=group_b_id,
                kind=kind,
                since=since,
                description=description.strip(),
            )
            uow.session.add(relation)
            uow.session.flush()
            uow.audit("group_relation.create", "group_relation", [relation.id])
            uow.touched("group", group_a_id, group_b_id)
        return uow.changes
