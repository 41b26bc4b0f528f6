"""server: the audit log only for auditors; a login replaced only with the recovery code

Revision ID: 0017_server_audit_reading
Revises: 0016_incidents
Create Date: 2026-12-07 07:30:00

Issue 16. Nothing changes on a local file.

- **Only the auditor reads the audit log** (AUDIT_READ in the permission table; the
  grants come from ``desktop.services.server_rights``). Every other role verifies the
  chain through ``rondplan_audit_verify(wanted)`` (SECURITY DEFINER, owner's): the
  server walks the chain (dense ``seq``, each ``prev_hash`` the previous
  ``entry_hash``, the SHA-256 of every entry it chained itself) and answers counts,
  the first problem, the head and the hashes at the seqs asked for; never a field of
  an entry. Entries chained before 0012 (HMAC'd with the audit key, or signed on a
  file) are checked there for their links only: their content hash needs the key or
  the canonical JSON, which the auditor's full verification has.
- **A login role's verifier is replaced only with the recovery code.** ``init`` (and
  ``upgrade`` or ``migrate-to-server`` given ``RONDPLAN_RECOVERY_CODE``) stores a key
  derived from the recovery code in ``server_recovery`` (owner's only). Replacing the
  verifier of a role that exists (a reset, switching a login on again) goes through
  ``rondplan_reset_login(username, verifier, nonce, proof)``: ``nonce`` is a one-time
  challenge from ``rondplan_recovery_challenge()`` (five minutes, for this session's
  role), ``proof`` = HMAC-SHA256(key, nonce | username | verifier), computed on the
  workstation from the recovery code: it cannot be replayed for another verifier or a
  second time, and a server log that saw it holds nothing reusable.
  ``rondplan_set_login`` now only creates a role (the owner may still replace one).
  A user still changes their own role's password with ALTER ROLE on their own role.
- **Integration costs no WAL flush of its own** (the load test, issue 16): each save
  or read already commits its entries durably into ``audit_pending``; moving them onto
  the chain commits with ``synchronous_commit = off`` and takes the chain's row lock
  only when something waits. A crash loses at most that move, as a whole (the pending
  rows are still there), and the next integration chains them again with the same
  ``seq`` and hashes (both follow from the queue's order).
"""

from __future__ import annotations

from alembic import op

revision = "0017_server_audit_reading"
down_revision = "0016_incidents"
branch_labels = None
depends_on = None

SEARCH_PATH = "SET search_path = pg_catalog, public, pg_temp"
DEFINER = f"LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$ "
_IS_OWNER = (
    "EXISTS (SELECT 1 FROM pg_catalog.pg_database d JOIN pg_catalog.pg_roles o "
    "ON o.oid = d.datdba WHERE d.datname = pg_catalog.current_database() "
    "AND o.rolname = session_user)"
)

# The chain as the server sees it: one row, no field of any entry.
VERIFY = (
    "CREATE FUNCTION public.rondplan_audit_verify(wanted integer[]) "
    "RETURNS TABLE (entries integer, problem text, first_bad integer, head_seq integer, "
    "head_hash text, server_from integer, hashes text[]) "
    "LANGUAGE plpgsql STABLE SECURITY DEFINER " + SEARCH_PATH + " AS $$ "
    "DECLARE r record; expected integer := 1; prev text := pg_catalog.repeat('0', 64); "
    "n integer := 0; sf integer; found_hashes text[]; BEGIN "
    "SELECT c.server_from INTO sf FROM public.audit_chain_state c WHERE c.id = 1; "
    "found_hashes := pg_catalog.array_fill(NULL::text, "
    "ARRAY[coalesce(pg_catalog.cardinality(wanted), 0)]); "
    "FOR r IN SELECT a.seq, a.at, a.user_id, a.role, a.agency_id, a.workstation, a.action, "
    "a.object_type, a.object_ids, a.purpose, a.detail, a.prev_hash, a.entry_hash "
    "FROM public.audit_entry a ORDER BY a.seq LOOP "
    "n := n + 1; "
    "IF r.seq <> expected THEN RETURN QUERY SELECT n, 'missing'::text, expected, "
    "NULL::integer, NULL::text, sf, found_hashes; RETURN; END IF; "
    "IF r.prev_hash IS DISTINCT FROM prev THEN RETURN QUERY SELECT n, 'link_broken'::text, "
    "r.seq, NULL::integer, NULL::text, sf, found_hashes; RETURN; END IF; "
    "IF sf IS NOT NULL AND r.seq >= sf AND public.rondplan_audit_hash(r.prev_hash, r.seq, "
    "r.at, r.user_id, r.role, r.agency_id, r.workstation, r.action, r.object_type, "
    "r.object_ids, r.purpose, r.detail) IS DISTINCT FROM r.entry_hash THEN "
    "RETURN QUERY SELECT n, 'changed'::text, r.seq, NULL::integer, NULL::text, sf, "
    "found_hashes; RETURN; END IF; "
    "IF r.seq = ANY (wanted) THEN "
    "FOR i IN 1 .. pg_catalog.cardinality(wanted) LOOP "
    "IF wanted[i] = r.seq THEN found_hashes[i] := r.entry_hash; END IF; END LOOP; END IF; "
    "prev := r.entry_hash; expected := expected + 1; END LOOP; "
    "RETURN QUERY SELECT n, NULL::text, NULL::integer, "
    "CASE WHEN n > 0 THEN expected - 1 END, CASE WHEN n > 0 THEN prev END, sf, found_hashes; "
    "END $$"
)

TABLES = (
    # The key derived from the recovery code (desktop.store.server.recovery): the
    # owner's, read only by the functions below.
    "CREATE TABLE public.server_recovery ("
    " id integer PRIMARY KEY CHECK (id = 1), proof_key bytea NOT NULL)",
    "CREATE TABLE public.server_recovery_challenge ("
    " nonce uuid PRIMARY KEY, rolname text NOT NULL, made_at timestamptz NOT NULL)",
    "REVOKE ALL ON public.server_recovery, public.server_recovery_challenge FROM PUBLIC",
)

# HMAC-SHA256 (RFC 2104) with the built-in sha256: no extension to install.
HMAC = (
    "CREATE FUNCTION public.rondplan_hmac(key bytea, message bytea) RETURNS bytea "
    "LANGUAGE sql IMMUTABLE STRICT SET search_path = pg_catalog, pg_temp AS $$ "
    "SELECT pg_catalog.sha256(o || pg_catalog.sha256(i || message)) FROM ("
    "SELECT pg_catalog.decode(pg_catalog.string_agg(pg_catalog.lpad(pg_catalog.to_hex("
    "b # 54), 2, '0'), '' ORDER BY n), 'hex') AS i, "
    "pg_catalog.decode(pg_catalog.string_agg(pg_catalog.lpad(pg_catalog.to_hex("
    "b # 92), 2, '0'), '' ORDER BY n), 'hex') AS o FROM ("
    "SELECT n, CASE WHEN n < pg_catalog.length(key) THEN pg_catalog.get_byte(key, n) "
    "ELSE 0 END AS b FROM pg_catalog.generate_series(0, 63) AS n) AS k) AS p $$"
)

CALLER_CHECK = (
    "IF NOT (EXISTS (SELECT 1 FROM public.user_role r "
    "JOIN public.user_account u ON u.username = r.username "
    "WHERE r.rolname = session_user AND u.active "
    "AND u.role = 'administrator') "
    f"OR {_IS_OWNER}) THEN "
    "RAISE EXCEPTION 'only an administrator may change login roles' "
    "USING ERRCODE = '42501'; END IF; "
)
VERIFIER_CHECK = (
    "IF verifier IS NULL OR verifier !~ '^SCRAM-SHA-256\\$[0-9]+:[A-Za-z0-9+/=]+"
    "\\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$' THEN "
    "RAISE EXCEPTION 'the password must be a SCRAM-SHA-256 verifier' "
    "USING ERRCODE = '22023'; END IF; "
)
SET_ADMIN_BODY = (
    "IF admin THEN "
    "EXECUTE pg_catalog.format('GRANT %I TO %I', admin_group, target); "
    "ELSIF EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m "
    "JOIN pg_catalog.pg_roles g ON g.oid = m.roleid "
    "JOIN pg_catalog.pg_roles x ON x.oid = m.member "
    "WHERE g.rolname = admin_group AND x.rolname = target) THEN "
    "EXECUTE pg_catalog.format('REVOKE %I FROM %I', admin_group, target); END IF; "
)
_ACCOUNT_ID = (
    "coalesce((SELECT u.id::text FROM public.user_account u WHERE u.username = {arg}), '')"
)

# The one body that creates or replaces a login (the checks are its callers').
INSTALL_LOGIN = (
    "CREATE FUNCTION public.rondplan_install_login(username text, verifier text, "
    "detail text) RETURNS void " + DEFINER + "DECLARE "
    "target text := public.rondplan_login_role(username); "
    "app_group text := pg_catalog.current_database() || '\\:app'; "
    "admin_group text := pg_catalog.current_database() || '\\:admin'; "
    "admin boolean; existed boolean; BEGIN "
    "existed := EXISTS (SELECT 1 FROM pg_catalog.pg_roles x WHERE x.rolname = target); "
    "IF existed THEN "
    "EXECUTE pg_catalog.format('ALTER ROLE %I LOGIN PASSWORD %L', target, verifier); "
    "admin := EXISTS (SELECT 1 FROM public.user_account u "
    "WHERE u.username = rondplan_install_login.username "
    "AND u.active AND u.role = 'administrator'); " + SET_ADMIN_BODY + "ELSE "
    "EXECUTE pg_catalog.format('CREATE ROLE %I LOGIN PASSWORD %L', target, verifier); "
    "END IF; "
    "EXECUTE pg_catalog.format('GRANT %I TO %I', app_group, target); "
    "PERFORM public.rondplan_role_limits(target); "
    "INSERT INTO public.user_role (rolname, username) "
    "VALUES (target, rondplan_install_login.username) ON CONFLICT DO NOTHING; "
    "IF NOT EXISTS (SELECT 1 FROM public.user_account u "
    "WHERE u.username = rondplan_install_login.username) THEN "
    "EXECUTE pg_catalog.format('ALTER ROLE %I NOLOGIN', target); END IF; "
    "PERFORM public.rondplan_server_audit(CASE WHEN existed THEN 'server.login_reset' "
    "ELSE 'server.login_create' END, "
    + _ACCOUNT_ID.format(arg="rondplan_install_login.username")
    + ", detail); END $$"
)

# A new role; a role that exists only by the owner (a reset needs the recovery code).
SET_LOGIN = (
    "CREATE OR REPLACE FUNCTION public.rondplan_set_login(username text, verifier text) "
    "RETURNS void "
    + DEFINER
    + "BEGIN "
    + CALLER_CHECK
    + VERIFIER_CHECK
    + "IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles x "
    "WHERE x.rolname = public.rondplan_login_role(username)) "
    f"AND NOT {_IS_OWNER} THEN "
    "RAISE EXCEPTION 'replacing a login needs the recovery code' "
    "USING ERRCODE = '42501', HINT = 'rondplan_reset_login'; END IF; "
    "PERFORM public.rondplan_install_login(username, verifier, ''); END $$"
)

CHALLENGE = (
    "CREATE FUNCTION public.rondplan_recovery_challenge() RETURNS text " + DEFINER + "DECLARE "
    "made uuid := pg_catalog.gen_random_uuid(); BEGIN "
    + CALLER_CHECK
    + "DELETE FROM public.server_recovery_challenge c "
    "WHERE c.made_at < pg_catalog.clock_timestamp() - interval '5 minutes'; "
    "INSERT INTO public.server_recovery_challenge (nonce, rolname, made_at) "
    "VALUES (made, session_user, pg_catalog.clock_timestamp()); "
    "RETURN made::text; END $$"
)

RESET_LOGIN = (
    "CREATE FUNCTION public.rondplan_reset_login(username text, verifier text, "
    "nonce text, proof text) RETURNS void "
    + DEFINER
    + "DECLARE k bytea; taken integer; BEGIN "
    + CALLER_CHECK
    + VERIFIER_CHECK
    + "SELECT s.proof_key INTO k FROM public.server_recovery s WHERE s.id = 1; "
    "IF k IS NULL THEN RAISE EXCEPTION 'no recovery check is stored on this server' "
    "USING ERRCODE = '42501', HINT = 'rondplan init --upgrade with RONDPLAN_RECOVERY_CODE'; "
    "END IF; "
    "IF rondplan_reset_login.nonce IS NULL "
    "OR rondplan_reset_login.nonce !~ '^[0-9a-f-]{36}$' THEN "
    "RAISE EXCEPTION 'the recovery challenge is unknown or used' USING ERRCODE = '42501'; "
    "END IF; "
    "DELETE FROM public.server_recovery_challenge c "
    "WHERE c.nonce = rondplan_reset_login.nonce::uuid AND c.rolname = session_user "
    "AND c.made_at > pg_catalog.clock_timestamp() - interval '5 minutes'; "
    "GET DIAGNOSTICS taken = ROW_COUNT; "
    "IF taken <> 1 THEN RAISE EXCEPTION 'the recovery challenge is unknown or used' "
    "USING ERRCODE = '42501'; END IF; "
    "IF proof IS NULL OR pg_catalog.encode(public.rondplan_hmac(k, pg_catalog.convert_to("
    "rondplan_reset_login.nonce || '|' || username || '|' || verifier, 'UTF8')), 'hex') "
    "IS DISTINCT FROM proof THEN "
    "RAISE EXCEPTION 'the recovery code does not match' USING ERRCODE = '42501'; END IF; "
    "PERFORM public.rondplan_install_login(username, verifier, 'recovery=1'); END $$"
)

# 0012's integration, with the two changes above.
INTEGRATE = (
    "CREATE OR REPLACE FUNCTION public.rondplan_audit_integrate(known integer) "
    "RETURNS TABLE (head_seq integer, head_hash text, server_from integer, known_hash text) "
    + DEFINER
    + "DECLARE st record; r record; s integer; h text; p text; done bigint[] := '{}'; BEGIN "
    "IF EXISTS (SELECT 1 FROM public.audit_pending) THEN "
    "PERFORM pg_catalog.set_config('synchronous_commit', 'off', true); "
    "SELECT c.server_from INTO st FROM public.audit_chain_state c WHERE c.id = 1 "
    "FOR UPDATE SKIP LOCKED; "
    "IF FOUND THEN "
    "SELECT a.seq, a.entry_hash INTO s, h FROM public.audit_entry a "
    "ORDER BY a.seq DESC LIMIT 1; "
    "s := coalesce(s, 0); h := coalesce(h, pg_catalog.repeat('0', 64)); "
    "IF st.server_from IS NULL THEN "
    "UPDATE public.audit_chain_state c SET server_from = s + 1 WHERE c.id = 1; END IF; "
    "FOR r IN SELECT p.* FROM public.audit_pending p ORDER BY p.id LIMIT 20000 LOOP "
    "s := s + 1; p := h; "
    "h := public.rondplan_audit_hash(p, s, r.at, r.user_id, r.role, r.agency_id, "
    "r.workstation, r.action, r.object_type, r.object_ids, r.purpose, r.detail); "
    "INSERT INTO public.audit_entry (seq, at, user_id, role, agency_id, workstation, "
    "action, object_type, object_ids, purpose, detail, prev_hash, entry_hash) VALUES "
    "(s, r.at, r.user_id, r.role, r.agency_id, r.workstation, r.action, r.object_type, "
    "r.object_ids, r.purpose, r.detail, p, h); "
    "done := done || r.id; END LOOP; "
    "DELETE FROM public.audit_pending p WHERE p.id = ANY (done); END IF; END IF; "
    "RETURN QUERY SELECT a.seq, a.entry_hash::text, c.server_from, (SELECT k.entry_hash::text "
    "FROM public.audit_entry k WHERE k.seq = known) "
    "FROM public.audit_chain_state c LEFT JOIN LATERAL (SELECT x.seq, x.entry_hash "
    "FROM public.audit_entry x ORDER BY x.seq DESC LIMIT 1) a ON true WHERE c.id = 1; "
    "END $$"
)

PRIVATE = (
    "public.rondplan_install_login(text, text, text)",
    "public.rondplan_hmac(bytea, bytea)",
    "public.rondplan_audit_verify(integer[])",
    "public.rondplan_recovery_challenge()",
    "public.rondplan_reset_login(text, text, text, text)",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in (
        VERIFY,
        *TABLES,
        HMAC,
        INSTALL_LOGIN,
        SET_LOGIN,
        CHALLENGE,
        RESET_LOGIN,
        INTEGRATE,
    ):
        op.execute(statement)
    # EXECUTE for <db>:app (verify) and <db>:admin (the rest) is granted by
    # init/upgrade (desktop.store.server.audit, .keyslots).
    for signature in PRIVATE:
        op.execute(f"REVOKE EXECUTE ON FUNCTION {signature} FROM PUBLIC")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    from importlib import import_module

    m0012 = import_module("desktop.store.migrations.versions.0012_server_audit")
    op.execute(m0012.SET_LOGIN)
    op.execute(m0012.INTEGRATE.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1))
    for signature in PRIVATE:
        op.execute(f"DROP FUNCTION IF EXISTS {signature}")
    op.execute("DROP TABLE IF EXISTS public.server_recovery_challenge")
    op.execute("DROP TABLE IF EXISTS public.server_recovery")
