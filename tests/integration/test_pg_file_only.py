"""Server versions of the tests that are file-only by design, and the inventory.

Every unit test module that opens a store, and where it runs on PostgreSQL:

- On the server, unchanged (star-imported, factories swapped by ``on_postgres``):
  mapping: persons, search, list extras, merge, review and groups, timeline
  (test_pg_mapping); collation, group read audit, merge safety, relatives, search and
  timeline secrecy (test_pg_mapping_safety, whose index-walk test has a server version:
  the plan of the ICU-collated name index instead of SQLite's EXPLAIN QUERY PLAN);
  engagement (test_pg_engagement), operations (test_pg_ops_*), statistics
  (test_pg_statistics), briefing (test_pg_briefing), transfer (test_pg_transfer),
  security: retention (test_pg_security_retention), accounts, sessions, lock audit and
  unlock (test_pg_security_accounts), the notes secrecy matrix and disclosures
  (test_pg_security_notes, with the raw-connection attempts around
  ``rondplan_disclose_note``).
- File-only by design, with the server behaviour asserted here instead:
  security/test_key_rotation (PRAGMA rekey of the SQLCipher file: the server has no
  file key, rotation is refused with a Swedish sentence), security/test_backups_and_check
  (encrypted file backups, restore, page checks: the server refuses a workstation
  backup; pg_basebackup and WAL archiving are the server's).
- File-only by design, not repeated: store/test_database, test_crash, test_tamper,
  test_migrations (the SQLCipher file, its keyslot file, WAL and a kill during a
  write); security/test_canary (scans the files the app writes: the database file,
  keyslots and backups do not exist on a workstation using a server);
  security/test_kill_during_writes (kill -9 of a process writing the file);
  security/test_audit_tampering (the attacker edits the file with the data key; on a
  server the append-only trigger and grants stop the application roles, see
  test_server_security); demo/test_demo (``generate_demo`` makes a file and its tests
  open it with ``LockedDatabase``; on a server it would need more than the keys from the
  recovery slot: a login role per demo account, and every agency's notes written as
  that agency, since row-level security refuses the administrator the others', so
  ``rondplan demo-data`` stays ``--db`` only); test_cli (``init --db``).
- No store at all (nothing to run on a server): importing, exporting, reports,
  planning, security/test_permission_matrix, test_validation, test_layering.
"""

from __future__ import annotations

import pytest

from desktop.services.errors import DomainError, PermissionDenied
from desktop.services.security import SecurityServices
from desktop.store.interface import FileStore
from tests.integration import pg

pytestmark = pytest.mark.usefixtures("on_postgres")


def test_key_rotation_is_refused_on_a_server_in_swedish(tmp_path):
    fresh = pg.pg_fresh_with_users(tmp_path)
    # Not in the server store's interface at all (issue 19): the service checks by type.
    assert not isinstance(fresh.admin, FileStore)
    assert not hasattr(fresh.admin, "rotate_data_key")
    with pytest.raises(DomainError) as raised:
        SecurityServices.build(fresh.admin).users.rotate_key()
    assert raised.value.code == "key.rotation_on_server"
    coordinator = pg.pg_login(fresh.path, "coordinator_social")
    with pytest.raises(PermissionDenied):
        SecurityServices.build(coordinator).users.rotate_key()
    # Nothing was half done: everyone still logs in.
    pg.pg_login(fresh.path, "officer_police").lock()


def test_a_workstation_backup_of_a_server_is_refused_in_swedish(tmp_path):
    fresh = pg.pg_fresh_database(tmp_path)
    security = SecurityServices.build(fresh.admin, backup_folder=tmp_path / "b")
    assert not security.backups.available and not hasattr(fresh.admin, "backup_to")
    with pytest.raises(DomainError) as raised:
        security.backups.backup_now()
    assert raised.value.code == "backup.on_server"
    assert security.backups.backup_if_due() is None
    assert not (tmp_path / "b").exists() or not any((tmp_path / "b").iterdir())
