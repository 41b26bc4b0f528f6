"""server: a disclosure creates the receiving agency's copy through one function

Revision ID: 0003_server_disclosure
Revises: 0002_server_note_retention
Create Date: 2026-11-24 04:00:00

On PostgreSQL, row-level security keeps every ``note`` row to its own agency, so a
police officer disclosing a note to social services could not insert the social
services copy: the policy refused the row, as it must refuse any other write of agency
A's client as agency B. A policy that let a note row of another agency through when a
disclosure row names it would have to trust rows the same client writes, so instead:

- ``rondplan_disclose_note`` (SECURITY DEFINER, like ``rondplan_repoint_notes``) is
  the only way to a row of another agency. It checks that the calling role is an
  active coordinator or officer (who may disclose) whose agency owns the source note,
  that the receiving agency is another one, that a legal basis (and for ``other`` its
  text) and a reason are given, and that the copy's id is the one this session just
  drew from the note sequence (the client seals the text to the receiver's public key
  bound to that id before calling; the server never sees plaintext). It inserts the
  copy (person, group, visit, kind and section taken from the source row, sealed-box
  key version, the caller as author) and the disclosure row together, and returns the
  disclosure's id.
- ``disclosure`` rows are no longer written by the application roles directly (read
  and delete, as retention does, remain): the function writes them, so a client cannot
  record a disclosure "from" another agency.
- A deferred constraint trigger refuses, at commit, a disclosure inserted by an
  application user without an audit entry of the same transaction naming it
  (``note.disclose`` with its note ids and ``disclosure=<id>;to_agency=<id>``): the
  entry is chained by the client with the audit key, so the server can demand it but
  not write it. The owner (migrate-to-server copies rows as the owner) is not held to
  it.

Nothing changes on a local file: there, one key holds every row and the service
inserts the copy itself.
"""

from __future__ import annotations

from alembic import op

revision = "0003_server_disclosure"
down_revision = "0002_server_note_retention"
branch_labels = None
depends_on = None

# The LegalBasis values at this revision (desktop.models.enums).
LEGAL_BASES = "'consent', 'osl_10_2', 'osl_10_18a', 'osl_10_21_23', 'other'"
KEY_SEALED_BOX = 0  # desktop.services.security.notes.KEY_SEALED_BOX

DISCLOSE = (
    "CREATE FUNCTION rondplan_disclose_note(source_note integer, copy_note integer, "
    "receiver integer, sealed bytea, basis text, basis_text text, grounds text) "
    "RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$ "
    "DECLARE me record; src record; made integer; "
    "at_time timestamp := now() AT TIME ZONE 'UTC'; BEGIN "
    "SELECT u.id, u.agency_id, u.role INTO me FROM user_role r "
    "JOIN user_account u ON u.username = r.username "
    "WHERE r.rolname = session_user AND u.active; "
    "IF NOT FOUND OR me.role NOT IN ('coordinator', 'officer') THEN "
    "RAISE EXCEPTION 'only a coordinator or an officer may disclose a note' "
    "USING ERRCODE = '42501'; END IF; "
    "SELECT * INTO src FROM note WHERE id = source_note; "
    "IF NOT FOUND OR src.agency_id <> me.agency_id THEN "
    "RAISE EXCEPTION 'only the agency holding a note may disclose it' "
    "USING ERRCODE = '42501'; END IF; "
    "IF receiver IS NULL OR receiver = src.agency_id "
    "OR NOT EXISTS (SELECT 1 FROM agency WHERE id = receiver) THEN "
    "RAISE EXCEPTION 'a disclosure goes to another existing agency' "
    "USING ERRCODE = '22023'; END IF; "
    f"IF basis IS NULL OR basis NOT IN ({LEGAL_BASES}) "
    "OR coalesce(btrim(grounds), '') = '' "
    "OR (basis = 'other' AND coalesce(btrim(basis_text), '') = '') THEN "
    "RAISE EXCEPTION 'a disclosure needs its legal basis and reason' "
    "USING ERRCODE = '22023'; END IF; "
    "IF coalesce(length(sealed), 0) = 0 THEN "
    "RAISE EXCEPTION 'a disclosed copy needs its sealed text' USING ERRCODE = '22023'; "
    "END IF; "
    "IF copy_note IS DISTINCT FROM currval(pg_get_serial_sequence('note', 'id')) THEN "
    "RAISE EXCEPTION 'the copy id must be the one this session drew last' "
    "USING ERRCODE = '22023'; END IF; "
    "INSERT INTO note (id, agency_id, person_id, group_id, visit_id, kind, section, "
    "ciphertext, key_version, created_by, created_at, disclosed_from_id, version) "
    "VALUES (copy_note, receiver, src.person_id, src.group_id, src.visit_id, src.kind, "
    f"src.section, sealed, {KEY_SEALED_BOX}, me.id, at_time, src.id, 1); "
    "INSERT INTO disclosure (source_note_id, copy_note_id, from_agency_id, to_agency_id, "
    "legal_basis, legal_basis_text, reason, user_id, at) "
    "VALUES (src.id, copy_note, src.agency_id, receiver, basis, "
    "nullif(btrim(basis_text), ''), grounds, me.id, at_time) RETURNING id INTO made; "
    "RETURN made; END $$"
)
DISCLOSE_SIGNATURE = "rondplan_disclose_note(integer, integer, integer, bytea, text, text, text)"

AUDITED = (
    "CREATE FUNCTION rondplan_disclosure_audited() RETURNS trigger LANGUAGE plpgsql "
    "SECURITY DEFINER SET search_path = public AS $$ BEGIN "
    "IF EXISTS (SELECT 1 FROM user_role WHERE rolname = session_user) "
    "AND NOT EXISTS (SELECT 1 FROM audit_entry a WHERE a.action = 'note.disclose' "
    "AND a.xmin = pg_current_xact_id()::xid "
    "AND a.object_ids = NEW.source_note_id || ',' || NEW.copy_note_id "
    "AND a.detail = 'disclosure=' || NEW.id || ';to_agency=' || NEW.to_agency_id) THEN "
    "RAISE EXCEPTION 'a disclosure must be in the audit log of its own transaction' "
    "USING ERRCODE = '42501'; END IF; "
    "RETURN NULL; END $$"
)

AGENCY_RULE = "rondplan_agency() IN (from_agency_id, to_agency_id) OR rondplan_is_owner()"

UPGRADE = (
    DISCLOSE,
    f"REVOKE EXECUTE ON FUNCTION {DISCLOSE_SIGNATURE} FROM PUBLIC",
    AUDITED,
    "REVOKE EXECUTE ON FUNCTION rondplan_disclosure_audited() FROM PUBLIC",
    "CREATE CONSTRAINT TRIGGER disclosure_audited AFTER INSERT ON disclosure "
    "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
    "EXECUTE FUNCTION rondplan_disclosure_audited()",
    "DROP POLICY disclosure_agency ON disclosure",
    f"CREATE POLICY disclosure_read ON disclosure FOR SELECT USING ({AGENCY_RULE})",
    f"CREATE POLICY disclosure_remove ON disclosure FOR DELETE USING ({AGENCY_RULE})",
    "CREATE POLICY disclosure_owner ON disclosure "
    "USING (rondplan_is_owner()) WITH CHECK (rondplan_is_owner())",
)

DOWNGRADE = (
    "DROP POLICY IF EXISTS disclosure_owner ON disclosure",
    "DROP POLICY IF EXISTS disclosure_remove ON disclosure",
    "DROP POLICY IF EXISTS disclosure_read ON disclosure",
    f"CREATE POLICY disclosure_agency ON disclosure USING ({AGENCY_RULE}) "
    f"WITH CHECK ({AGENCY_RULE})",
    "DROP TRIGGER IF EXISTS disclosure_audited ON disclosure",
    "DROP FUNCTION IF EXISTS rondplan_disclosure_audited()",
    f"DROP FUNCTION IF EXISTS {DISCLOSE_SIGNATURE}",
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in UPGRADE:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in DOWNGRADE:
            op.execute(statement)
