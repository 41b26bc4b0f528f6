"""Encrypted backups in a rotation, and a restore that checks before it trusts.

A backup is ``FileStore.backup_to`` (``sqlcipher_export``, never a raw copy of the live
file) with its keyslots and audit checkpoint. A restore copies the backup beside the
target, unlocks it, runs ``integrity_check``, ``cipher_integrity_check`` and the audit
chain, runs retention (an old copy may hold what is already due), deletes again what
the retention ledger of the database it replaces says was deleted after the copy was
taken (``desktop.services.security.ledger``), and only then puts it in place; the file
it replaces is kept aside, still encrypted.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from desktop.messages import Phrase, words
from desktop.services.errors import DomainError
from desktop.services.permissions import Action, require
from desktop.services.security.audit import ChainReport, verify_chain
from desktop.services.security.clock import Clock, system_clock
from desktop.services.security.ledger import LedgerEntry, copy_time, read_ledger, reapply
from desktop.services.security.reauth import Reauthentication
from desktop.services.security.retention import RetentionService
from desktop.services.uow import UnitOfWork
from desktop.store.audit_chain import checkpoint_path
from desktop.store.database import LockedDatabase
from desktop.store.errors import StoreError
from desktop.store.files import restrict_permissions
from desktop.store.interface import FileStore, Store
from desktop.store.keyslots import keyslot_path

PREFIX = "rondplan-"
SUFFIX = ".rpbak"
DEFAULT_KEEP = 14
DEFAULT_INTERVAL = dt.timedelta(days=1)


def _failed(part: str, error: StoreError) -> CheckLine:
    """A part that could not be checked: the storage error's code is the line's."""
    return CheckLine(part, False, error.code, error.params)


class RestoreRejected(DomainError):
    """The backup failed a check; nothing was replaced."""


@dataclass(frozen=True)
class BackupRow:
    path: Path
    taken_at: dt.datetime
    size: int


@dataclass(frozen=True)
class CheckLine:
    """One line of ``rondplan check``: which part (a code such as ``check.part.cipher``),
    passed, and what was found as a code with its parameters (issue 18): the command
    line words it in the language of ``--lang`` (``desktop.messages.check``)."""

    part: str
    ok: bool
    code: str
    params: Mapping[str, object] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """The part in Swedish (the technical log and older callers)."""
        return words(self.part, {})

    @property
    def message(self) -> str:
        """What was found, in Swedish (the technical log and older callers)."""
        return words(self.code, self.params)


def companions(path: Path) -> list[Path]:
    """The database file and everything that belongs beside it."""
    return [
        path,
        keyslot_path(path),
        checkpoint_path(path),
        path.with_name(path.name + "-wal"),
        path.with_name(path.name + "-shm"),
    ]


def check_store(store: Store) -> list[CheckLine]:
    """Integrity, cipher (HMAC per page) integrity and the audit chain."""
    if not isinstance(store, FileStore):
        return [_server_line(store), _chain_line(store)]
    lines = []
    for part, check, sound in (
        ("check.part.integrity", "integrity", "check.structure_sound"),
        ("check.part.cipher", "cipher", "check.pages_sound"),
    ):
        try:
            found = store.integrity_findings(check)
        except StoreError as exc:
            lines.append(_failed(part, exc))
            continue
        # integrity_check says "ok"; cipher_integrity_check returns no rows when sound.
        bad = _problems(found)
        if bad:
            # SQLite's own report is English and can run to hundreds of lines: the
            # user gets one line in their language, the technical log the details.
            for problem in bad:
                _log.info("%s: %s", words(part, {}), problem)
        lines.append(_summary(part, check, bad) if bad else CheckLine(part, True, sound))
    lines.append(_chain_line(store))
    return lines


_log = logging.getLogger("rondplan.check")
_PAGE = re.compile(r"\bpage (\d+)", re.IGNORECASE)
_SHOWN_PAGES = 5


def _problems(rows: list[str]) -> list[str]:
    """SQLite's findings one per line, without the "ok" and "*** in database" headers
    (one row of integrity_check may hold many lines)."""
    found = []
    for row in rows:
        for part in row.splitlines():
            part = part.strip()
            if part and part.lower() != "ok" and not part.startswith("***"):
                found.append(part)
    return found


def _summary(part: str, check: str, problems: list[str]) -> CheckLine:
    """One line for what SQLite found: how many problems, on which pages (the first
    few page numbers, then an ellipsis)."""
    pages = sorted({int(m) for p in problems for m in _PAGE.findall(p)})
    code = "check.structure_damaged" if check == "integrity" else "check.pages_damaged"
    if not pages:
        return CheckLine(part, False, code, {"count": len(problems)})
    shown = ", ".join(str(page) for page in pages[:_SHOWN_PAGES])
    if len(pages) > _SHOWN_PAGES:
        shown += ", …"
    return CheckLine(part, False, code + "_pages", {"count": len(problems), "pages": shown})


def _server_line(store: Store) -> CheckLine:
    """On a server the pages are the server's own to check; here: reachable, same schema."""
    from sqlalchemy import text

    from desktop.store import migrate

    try:
        with store.engine.connect() as conn:
            version = conn.execute(text("SHOW server_version")).scalar_one()
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except StoreError as exc:
        return _failed("check.part.server", exc)
    found = {"version": version, "revision": revision}
    if revision != migrate.head_revision():
        return CheckLine("check.part.server", False, "check.server_wrong_schema", found)
    return CheckLine("check.part.server", True, "check.server_schema", found)


def _chain_line(store: Store) -> CheckLine:
    try:
        report: ChainReport = verify_chain(store)
    except StoreError as exc:
        return _failed("check.part.chain", exc)
    return CheckLine("check.part.chain", report.ok, report.code, report.params)


class BackupService:
    """On-demand and scheduled backups into one folder, keeping the newest ``keep``."""

    def __init__(
        self,
        store: Store,
        reauth: Reauthentication,
        folder: Path,
        keep: int = DEFAULT_KEEP,
        clock: Clock = system_clock,
    ) -> None:
        self._store = store
        self._reauth = reauth
        self.folder = folder
        self.keep = keep
        self._clock = clock

    def backups(self) -> list[BackupRow]:
        """Backups in the folder, newest first."""
        if not self.folder.exists():
            return []
        rows = []
        for path in self.folder.glob(f"{PREFIX}*{SUFFIX}"):
            stamp = path.name[len(PREFIX) : -len(SUFFIX)]
            try:
                taken = dt.datetime.strptime(stamp, "%Y%m%d-%H%M%S")
            except ValueError:
                continue
            rows.append(BackupRow(path, taken, path.stat().st_size))
        return sorted(rows, key=lambda r: r.taken_at, reverse=True)

    @property
    def available(self) -> bool:
        """Whether this store is backed up from the workstation (a file, not a server,
        which its operators back up with pg_basebackup and a WAL archive)."""
        return isinstance(self._store, FileStore)

    def backup_now(self) -> Path:
        """An encrypted backup now (Action.BACKUP); older ones beyond ``keep`` go."""
        require(self._store.identity, Action.BACKUP)
        if not isinstance(self._store, FileStore):
            raise DomainError("backup.on_server")
        return self._backup(self._store)

    def backup_if_due(self, interval: dt.timedelta = DEFAULT_INTERVAL) -> Path | None:
        """The scheduled backup: taken when the newest is older than ``interval``.

        Runs for any logged-in user: the schedule is the administrator's decision.
        """
        if not isinstance(self._store, FileStore):
            return None  # the server's operators back it up
        existing = self.backups()
        if existing and self._clock() - existing[0].taken_at < interval:
            return None
        return self._backup(self._store)

    def _backup(self, store: FileStore) -> Path:
        stamp = self._clock().strftime("%Y%m%d-%H%M%S")
        dest = self.folder / f"{PREFIX}{stamp}{SUFFIX}"
        with UnitOfWork(self._store, "Säkerhetskopiera") as uow:
            uow.audit("backup", None, ())
        store.backup_to(dest)
        self._rotate()
        return dest

    def _rotate(self) -> None:
        for old in self.backups()[self.keep :]:
            for path in companions(old.path):
                path.unlink(missing_ok=True)


def _newer_ledger(
    target: Path, username: str, password: str
) -> tuple[list[LedgerEntry] | None, CheckLine | None]:
    """The retention ledger of the database a restore replaces, read before it goes.

    Returns (entries, None); or (None, a line saying why it could not be read). No
    database there: nothing was deleted from it, so an empty ledger.
    """
    if not target.exists():
        return [], None
    try:
        current = LockedDatabase(target).unlock(username, password)
    except (StoreError, OSError):
        return None, CheckLine("check.part.ledger", False, "check.ledger_unread")
    try:
        with current.read_session() as session:
            return read_ledger(session), None
    finally:
        current.lock()


def restore(
    backup: Path,
    target: Path,
    username: str,
    password: str,
    clock: Clock = system_clock,
    on_step: Callable[[str], None] | None = None,
) -> list[CheckLine]:
    """Check ``backup`` and put it in place of ``target``; returns the checks passed.

    Raises RestoreRejected (nothing replaced) if a check fails or the user may not
    restore.
    ``on_step`` is told each step as a code (``restore.step_check``) to word.
    """
    step = on_step or (lambda _text: None)
    if not backup.exists():
        raise RestoreRejected("backup.missing")
    staging = target.with_name(f"{target.name}.återställs")
    for path in companions(staging):
        path.unlink(missing_ok=True)
    for src, dest in zip(companions(backup)[:3], companions(staging)[:3], strict=True):
        if src.exists():
            shutil.copyfile(src, dest)
            restrict_permissions(dest)
    store: FileStore | None = None
    try:
        step("restore.step_unlock")
        store = LockedDatabase(staging).unlock(username, password)
        require(store.identity, Action.RESTORE)
        step("restore.step_check")
        lines = check_store(store)
        failed = [line for line in lines if not line.ok]
        if failed:
            raise RestoreRejected(
                "backup.check_failed",
                name=Phrase(failed[0].part),
                message=failed[0],
            )
        step("restore.step_retention")
        later, ledger_line = _newer_ledger(target, username, password)
        with UnitOfWork(store, "Gallra igen efter återställning") as uow:
            since = copy_time(uow.session)
            removed = reapply(uow.session, later or (), since)
            uow.audit(
                "retention.reapply",
                None,
                (),
                detail=f"removed={removed};ledger={'read' if later is not None else 'unread'}",
            )
        if ledger_line is None:
            ledger_line = (
                CheckLine("check.part.ledger", True, "check.ledger_reapplied", {"count": removed})
                if removed
                else CheckLine("check.part.ledger", True, "check.ledger_nothing")
            )
        lines.append(ledger_line)
        retention = RetentionService(store, Reauthentication(store, clock), clock)
        retention.run(scheduled=True)
        with UnitOfWork(store, "Återställ") as uow:
            uow.audit("restore", None, ())
        store.lock()
        store = None
        step("restore.step_replace")
        stamp = clock().strftime("%Y%m%d-%H%M%S")
        aside = target.with_name(f"{target.name}.före-återställning-{stamp}")
        for src, dest in zip(companions(target), companions(aside), strict=True):
            if src.exists():
                src.replace(dest)
        for src, dest in zip(companions(staging), companions(target), strict=True):
            if src.exists():
                src.replace(dest)
        return lines
    except BaseException:
        if store is not None:
            store.lock()
        for path in companions(staging):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        raise
