"""The mapping (kartläggning): persons, groups, search, review and merge."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from desktop.services.changes import Changes
from desktop.services.mapping.groups import GroupService
from desktop.services.mapping.merge import merge_persons
from desktop.services.mapping.notes import AgencyNotesSource, NoAgencyNotes
from desktop.services.mapping.persons import PersonService
from desktop.services.mapping.review import ReviewService
from desktop.services.permissions import Action
from desktop.store.interface import Store


class Reauth(Protocol):
    """The password-again check for sensitive actions (security.reauth.Reauthentication)."""

    def require_fresh(self, action: Action) -> None: ...

    def confirm(self, password: str) -> None: ...


@dataclass(frozen=True)
class MappingServices:
    """The mapping use cases for one store: ``persons``, ``groups``, ``review``, ``notes``."""

    persons: PersonService
    groups: GroupService
    review: ReviewService
    notes: AgencyNotesSource
    reauth: Reauth | None = None

    def merge(self, keep_id: int, drop_id: int, keep_version: int, drop_version: int) -> Changes:
        """Merge ``drop_id`` into ``keep_id``; the versions are those the user saw."""
        return merge_persons(self.persons.store, keep_id, drop_id, keep_version, drop_version)


def build_mapping(
    store: Store, notes: AgencyNotesSource | None = None, reauth: Reauth | None = None
) -> MappingServices:
    return MappingServices(
        PersonService(store, reauth),
        GroupService(store),
        ReviewService(store),
        notes or NoAgencyNotes(),
        reauth,
    )
