"""Security services: users and passwords, re-authentication, compartment notes and
disclosures, the audit chain and the auditor's queries, retention, backups, session audit.

``SecurityServices.build(store)`` is what ``desktop.services.bundle`` calls.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.services.security.audit_log import AuditLogService
from desktop.services.security.backups import BackupService
from desktop.services.security.clock import Clock, system_clock
from desktop.services.security.lock_policy import LockPolicy
from desktop.services.security.notes import NotesService
from desktop.services.security.reauth import Reauthentication
from desktop.services.security.retention import RetentionService
from desktop.services.security.session import SessionAudit
from desktop.services.security.users import UserAdminService
from desktop.store.interface import Store


def default_backup_folder(store: Store) -> Path:
    """Backups beside the database in a ``säkerhetskopior`` folder."""
    return store.path.parent / "säkerhetskopior"


@dataclass(frozen=True)
class SecurityServices:
    reauth: Reauthentication
    session: SessionAudit
    users: UserAdminService
    notes: NotesService
    audit: AuditLogService
    retention: RetentionService
    backups: BackupService
    lock_policy: LockPolicy

    @classmethod
    def build(
        cls, store: Store, clock: Clock = system_clock, backup_folder: Path | None = None
    ) -> SecurityServices:
        reauth = Reauthentication(store, clock)
        return cls(
            reauth=reauth,
            session=SessionAudit(store, clock, reauth),
            users=UserAdminService(store, reauth, clock),
            notes=NotesService(store),
            audit=AuditLogService(store, reauth),
            retention=RetentionService(store, reauth, clock),
            backups=BackupService(
                store, reauth, backup_folder or default_backup_folder(store), clock=clock
            ),
            lock_policy=LockPolicy(store),
        )
